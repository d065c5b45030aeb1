"""Train the event-type classifier from ACLED's notes: ``make train``.

    python -m sitreps.assemble.train [--data DIR] [--out DIR] [--epochs N]

Defaults: ``--data ../shared/data/acled --out src/sitreps/data/typing_model --epochs 6``.

The split is by a hash of each row's ``data_id``: one row in five is held out for the
benchmark and never trained on, the same rows whatever the file order (see `is_held_out`).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..taxonomy import SUB_EVENT_TYPES
from .classifier import normalize

HELD_OUT_BUCKETS = 5
SEED = 13


def is_held_out(data_id: str) -> bool:
    """One ACLED row in five, chosen by hash, is for the benchmark only."""
    return int(hashlib.sha1(data_id.encode()).hexdigest(), 16) % HELD_OUT_BUCKETS == 0


def acled_rows(folder: Path) -> Iterator[dict[str, str]]:
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)


def training_examples(folder: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    train: list[tuple[str, str]] = []
    held: list[tuple[str, str]] = []
    for row in acled_rows(folder):
        label, notes = row.get("sub_event_type", ""), row.get("notes", "")
        if label not in SUB_EVENT_TYPES or not notes.strip():
            continue
        (held if is_held_out(row["data_id"]) else train).append((normalize(notes), label))
    return train, held


def train(data: Path, out: Path, *, epochs: int = 12) -> float:
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch  # type: ignore[attr-defined]

    fix_random_seed(SEED)
    examples, held = training_examples(data)
    nlp = spacy.blank("en")
    textcat: Any = nlp.add_pipe(
        "textcat",
        config={"model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                          "ngram_size": 2, "no_output_layer": False, "length": 2**16}},
    )  # fmt: skip
    for label in SUB_EVENT_TYPES:
        textcat.add_label(label)

    def cats(label: str) -> dict[str, float]:
        return {k: float(k == label) for k in SUB_EVENT_TYPES}

    train_set = [Example.from_dict(nlp.make_doc(t), {"cats": cats(lbl)}) for t, lbl in examples]
    optimizer = nlp.initialize(lambda: train_set)
    rng = random.Random(SEED)
    accuracy = 0.0
    for epoch in range(epochs):
        rng.shuffle(train_set)
        losses: dict[str, float] = {}
        for batch in minibatch(train_set, size=32):  # type: ignore[no-untyped-call]
            nlp.update(batch, sgd=optimizer, losses=losses, drop=0.1)
        docs = nlp.pipe(t for t, _ in held)
        right = sum(
            max(d.cats, key=d.cats.__getitem__) == lbl
            for d, (_, lbl) in zip(docs, held, strict=True)
        )
        accuracy = right / max(1, len(held))
        print(f"epoch {epoch + 1}: loss {losses['textcat']:.2f}, held-out accuracy "
              f"{accuracy:.3f} ({len(held)} notes)", file=sys.stderr)  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return accuracy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/acled"))
    parser.add_argument("--out", type=Path, default=Path("src/sitreps/data/typing_model"))
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"sitreps train: {args.data} is absent: the ACLED notes live there", file=sys.stderr)
        return 2
    train(args.data, args.out, epochs=args.epochs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
