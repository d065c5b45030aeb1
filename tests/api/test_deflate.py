"""Records compressed one by one and joined make one zlib stream of the JSON array."""

from __future__ import annotations

import json
import random
import zlib

import pytest

from sitreps.api.deflate import accepts_deflate, adler32_combine, json_array, piece


def test_pieces_joined_inflate_to_the_array_of_the_texts() -> None:
    rng = random.Random(3)
    records = [
        json.dumps({"event_id": f"e{i}", "summary": "ä" * rng.randrange(0, 3000),
                    "n": [rng.random() for _ in range(rng.randrange(0, 50))]},
                   ensure_ascii=False).encode()
        for i in range(40)
    ]  # fmt: skip
    for n in (0, 1, 2, 40):
        stream = json_array(piece(r) for r in records[:n])
        # zlib.decompress checks the Adler-32 at the end: the combined one must be right.
        assert zlib.decompress(stream) == b"[" + b",".join(records[:n]) + b"]"
    whole = b"[" + b",".join(records) + b"]"
    assert len(json_array(piece(r) for r in records)) < len(whole)


@pytest.mark.parametrize("sizes", [(0, 0), (1, 70000), (65521, 3), (200000, 131042)])
def test_adler32_combines_as_zlib_computes_it(sizes: tuple[int, int]) -> None:
    rng = random.Random(sum(sizes))
    first, second = (bytes(rng.randrange(256) for _ in range(n)) for n in sizes)
    combined = adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second))
    assert combined == zlib.adler32(first + second)


@pytest.mark.parametrize(
    ("header", "accepted"),
    [
        (None, False), ("", False), ("gzip", False), ("identity", False),
        ("gzip, deflate", True), ("gzip, deflate, br", True), ("DEFLATE", True),
        ("deflate;q=0", False), ("deflate; q=0.5", True), ("*", True), ("*;q=0", False),
        ("br, deflate;q=0.0", False),
    ],
)  # fmt: skip
def test_accept_encoding(header: str | None, accepted: bool) -> None:
    assert accepts_deflate(header) is accepted
