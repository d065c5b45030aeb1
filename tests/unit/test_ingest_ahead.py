"""Files read ahead in a child process come out as ``read_path`` gives them, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitreps.errors import InputError
from sitreps.ingest import ahead, read_path
from sitreps.ingest.ahead import read_ahead


def _files(tmp_path: Path) -> list[Path]:
    lines = "\n".join(
        f'{{"id": "r{i}", "text": "Gunmen attacked a checkpoint in town number {i} on Monday."}}'
        for i in range(70)
    )
    (tmp_path / "a.jsonl").write_text(lines + "\nnot json\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Two soldiers were wounded by a roadside bomb.", "utf-8")
    return [tmp_path / "a.jsonl", tmp_path / "missing.txt", tmp_path / "b.txt"]


def _key(item: object) -> object:
    return str(item) if isinstance(item, InputError) else item


def test_documents_come_in_order_with_their_files(tmp_path: Path) -> None:
    files = _files(tmp_path)
    expected = [(path, _key(item)) for path in files for item in read_path(path)]
    got = [(path, _key(item)) for path, item in read_ahead(files)]
    assert got == expected
    assert len(got) == 73  # 70 reports, a bad line, a missing file, a text file


def test_stopping_early_stops_the_reader(tmp_path: Path) -> None:
    stream = read_ahead(_files(tmp_path))
    assert next(stream)[1] is not None
    stream.close()  # the reader is joined or killed, not left behind


def test_an_error_in_the_reader_is_raised_to_the_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, *, published: object = None) -> object:
        raise KeyError("no reader")

    monkeypatch.setattr(ahead, "read_path", broken)
    with pytest.raises(KeyError, match="no reader"):
        list(read_ahead(_files(tmp_path)))
