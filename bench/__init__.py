"""The benchmark harness behind `make bench`: real `sitreps extract` runs on the development
sets in ``../shared/data``, scored per field against a committed baseline with pinned floors.

    datasets.py    each development set -> documents ({id, text, published}) and gold labels
    measure.py     run a child process, timing its wall clock and peak memory
    spacy_parse.py the reference child: a bare full spaCy parse of the same texts
    score.py       pure scoring functions (F1, haversine, date rule, spans, names)
    fields.py      results + gold -> one scored field each, with every miss kept
    report.py      the printed table, confusions and sample misses
    run.py         the command: build inputs, run, score, compare with bench/baseline.json
"""
