"""The benchmark's GeoNames dumps: found under <data>/geonames, loaded apart from the user's."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench import dumps


def test_dumps_are_found_by_name_under_the_data(tmp_path: Path) -> None:
    assert dumps.find(tmp_path) == []
    folder = tmp_path / "geonames"
    folder.mkdir()
    for name in ("ML.txt", "BF.txt", "readme.md"):
        (folder / name).write_text("", encoding="utf-8")
    assert [p.name for p in dumps.find(tmp_path)] == ["BF.txt", "ML.txt"]


def test_a_refused_dump_is_left_out_and_the_user_gazetteer_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "XX.txt"
    bad.write_text("not a dump\n", encoding="utf-8")
    environ = {"XDG_DATA_HOME": "/home/user/.local/share"}
    loaded = dumps.load([bad], tmp_path / "work", environ=environ)
    assert loaded == ()
    assert environ["XDG_DATA_HOME"] == str(tmp_path / "work" / "xdg-data")
    assert environ["XDG_CACHE_HOME"] == str(tmp_path / "work" / "xdg-cache")
    assert "XX.txt not loaded" in capsys.readouterr().err
    assert "installed" in dumps.described(loaded)
    assert "BF.txt" in dumps.described(("BF.txt",))


def test_no_dumps_change_nothing(tmp_path: Path) -> None:
    environ: dict[str, str] = {}
    assert dumps.load([], tmp_path, environ=environ) == ()
    assert environ == {}
