"""Bad input gets one clear line on stderr, exit status 2, and loses no good document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = (
    "At least six people were killed and 20 injured when Russian missiles struck Kharkiv on "
    "Monday, the regional governor said.\n"
)


def _extract(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitreps.cli", "extract", *map(str, args)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def mixed_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    d = tmp_path_factory.mktemp("bad")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (d / "latin1.txt").write_bytes(
        "Two people were injured in a café in Kramatorsk – officials said.".encode("cp1252")
    )
    (d / "french.txt").write_text(
        "Le gouvernement a annoncé mardi que les négociations reprendraient la semaine "
        "prochaine dans la capitale, selon un communiqué publié par le ministère.",
        encoding="utf-8",
    )
    with (d / "big.txt").open("w", encoding="utf-8") as big:
        big.write(("word " * 1000 + "\n") * 4200)  # about 21 MB
    lines = [
        json.dumps({"id": "j1", "text": GOOD, "published": "2025-06-17"}),
        '{"id": "j2", "text": "unterminated',
        json.dumps({"id": "j3", "published": "2025-06-17"}),
        json.dumps({"id": "j4", "text": GOOD, "published": "2025-06-17T08:30:00Z"}),
    ]
    (d / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    files = ["good.txt", "empty.txt", "blank.txt", "binary.txt", "latin1.txt", "french.txt",
             "big.txt", "docs.jsonl"]  # fmt: skip
    return _extract(*(d / f for f in files), "--published", "2025-06-17"), d


def test_exit_status_is_two_and_no_traceback(
    mixed_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, _ = mixed_run
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_each_bad_document_is_named_on_one_line(
    mixed_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, d = mixed_run
    lines = done.stderr.strip().splitlines()
    expected = {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.txt": "binary",
        "big.txt": "limit",
        "docs.jsonl:2": "json",
        "docs.jsonl:3": "text",
    }
    assert len(lines) == len(expected)
    for name, reason in expected.items():
        matching = [line for line in lines if f"{d / name}:" in line + ":"]
        assert len(matching) == 1, (name, lines)
        assert reason in matching[0].lower(), matching[0]


def test_every_good_document_is_written_in_order(
    mixed_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, _ = mixed_run
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in results] == ["good", "latin1", "french", "j1", "j4"]
    latin1 = results[1]
    assert latin1["events"][0]["injured"]["best"] == 2
    assert any(p["text"] == "Kramatorsk" for p in latin1["places"])
    french = results[2]
    assert any("English" in w for w in french["warnings"])
    good = results[0]
    assert good["events"][0]["fatalities"]["best"] == 6


def test_no_published_date_leaves_relative_dates_unresolved(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(GOOD, encoding="utf-8")
    done = _extract(tmp_path / "r.txt")
    assert done.returncode == 0, done.stderr
    (result,) = [json.loads(line) for line in done.stdout.splitlines()]
    main = result["events"][0]
    assert main["date"]["precision"] == "unknown"
    assert main["date"]["start"] is None
    assert main["date"]["text"] == "Monday"
    assert any("published" in w for w in result["warnings"])


def test_missing_file_and_unknown_suffix(tmp_path: Path) -> None:
    (tmp_path / "r.pdf").write_bytes(b"%PDF-1.4")
    done = _extract(tmp_path / "nope.txt", tmp_path / "r.pdf")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 2


def test_batch_form_writes_output_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        "\n".join(
            json.dumps({"id": f"d{i}", "text": GOOD, "published": "2025-06-17"}) for i in range(6)
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    done = _extract("--input", docs, "--output", out, "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [
        f"d{i}" for i in range(6)
    ]


def test_a_folder_is_read_like_its_files_and_an_empty_one_is_named(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    (reports / "day2").mkdir(parents=True)
    (reports / "a.txt").write_text(GOOD, encoding="utf-8")
    (reports / "day2" / "b.txt").write_text(GOOD.replace("Kharkiv", "Sumy"), encoding="utf-8")
    (reports / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a kind sitreps reads: skipped
    nothing = tmp_path / "archive"
    nothing.mkdir()
    (nothing / "page.html.gz").write_bytes(b"\x1f\x8b")
    done = _extract(reports, nothing, "--published", "2025-06-17")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"sitreps: {nothing}: a folder with no file sitreps reads "
        "(.atom, .htm, .html, .jsonl, .rss, .txt, .xml)"
    ]
    ids = [json.loads(line)["id"] for line in done.stdout.splitlines()]
    assert ids == ["a", "b"]
