"""A check set outside `make bench`: GeoVirus, scored as ``bench/geo.py`` scores LGL and TR-News.

    python -m bench.geovirus [--data DIR] [--workdir DIR] [--corpus geovirus|lgl|trnews]

GeoVirus (``../shared/data/geo/GeoVirus.xml``: 239 WikiNews articles on epidemics, gold
points from Wikipedia) is kept out of the bench's geoparsing scores so that geoparsing rules
can be checked on text they were not tuned on (its texts serve the bench only as news that
tells no event: ``bench/noise.py``). Its ``start``/``end`` count from 1, not 0: each span is moved
back one character before it is compared. Demonyms and toponyms without coordinates are left
out, as in ``bench/geo.py``.

Runs the real `sitreps extract` on the articles and prints ``geo.<corpus>.found`` and
``geo.<corpus>.within_161km`` with the CPU time the extraction took (user and system, of the
child process), which compares speed across changes better than wall time on a busy machine.
``--corpus lgl`` or ``trnews`` runs a bench corpus the same way (LGL sampled as the bench
samples it).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import geo, run
from bench.datasets import DataMissing, Document, geovirus_articles, normalize_newlines
from sitreps.geo.demonyms import country_of_demonym

CORPUS = "geovirus"


def _float(node: ET.Element, tag: str) -> float | None:
    text = (node.findtext(tag) or "").strip()
    return float(text) if text else None


def load_geovirus(data: Path) -> list[geo.GeoCase]:
    cases = []
    for n, article in enumerate(geovirus_articles(data)):
        raw = article.findtext("text") or ""
        text = normalize_newlines(raw) if "\r" not in raw else raw
        toponyms = []
        for node in article.iter("location"):
            start, end = _float(node, "start"), _float(node, "end")
            lat, lon = _float(node, "lat"), _float(node, "lon")
            if start is None or end is None or lat is None or lon is None:
                continue
            s, e = int(start) - 1, int(end) - 1  # GeoVirus counts from 1
            phrase = text[s:e]
            if country_of_demonym(phrase) is not None:
                continue
            toponyms.append(geo.Toponym(start=s, end=e, text=phrase, lat=lat, lon=lon))
        if toponyms:
            doc = Document(id=f"{CORPUS}:{n}", text=text)
            cases.append(geo.GeoCase(doc=doc, corpus=CORPUS, toponyms=tuple(toponyms)))
    return cases


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.geovirus", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=run.DEFAULT_DATA)
    parser.add_argument("--workdir", type=Path, help="keep inputs and outputs here")
    parser.add_argument("--corpus", choices=(CORPUS, *geo.CORPORA), default=CORPUS)
    args = parser.parse_args(argv)
    try:
        if args.corpus == CORPUS:
            cases = load_geovirus(args.data)
        else:
            sample = geo.LGL_SAMPLE if args.corpus == "lgl" else None
            cases = geo.load_corpus(args.data, args.corpus, sample=sample, seed=run.DEFAULT_SEED)
        centroids = geo.load_centroids(args.data)
    except DataMissing as error:
        print(f"bench.geovirus: {error}", file=sys.stderr)
        return run.EXIT_NO_DATA
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.workdir or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        ran = run.run_set(args.corpus, [c.doc for c in cases], tmp, spacy=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    for field in geo.geo_fields(cases, ran.results, centroids, corpora=(args.corpus,)):
        hits = sum(item.hit for item in field.items)
        print(f"{field.name:30s} {field.score or 0.0:.3f}  ({hits}/{field.n})")
    print(f"sitreps extract: {len(cases)} articles, {cpu:.1f} s CPU, {ran.sitreps.seconds:.1f} s")
    return run.EXIT_OK if not ran.failures else run.EXIT_NO_DATA


if __name__ == "__main__":
    sys.exit(main())
