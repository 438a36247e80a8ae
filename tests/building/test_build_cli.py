"""`kg build` on a folder with bad inputs: one line per bad file, the rest still published."""
from __future__ import annotations

import json
import re
import shutil

import pytest
from building_support import REPO_ROOT
from click.testing import CliRunner

from kg.cli import main

SEED = REPO_ROOT / "seeds" / "000_518769ec419a4fc7.txt"
SEED_DOC = "https://w3id.org/declass-kg/id/doc/000_518769ec419a4fc7"


@pytest.fixture
def messy(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes("MEMORANDUM\nSubject: Entrevue à Genève — résumé\n".encode("latin-1", "replace"))
    return folder


def _run(*args):
    return CliRunner().invoke(main, ["build", *map(str, args)], catch_exceptions=False)


def test_bad_files_are_named_one_line_each_and_the_seed_is_still_published(messy, tmp_path):
    out = tmp_path / "out"
    run = _run(messy, "--out", out, "--jobs", "1")
    assert run.exit_code == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    for bad in ("empty.txt", "binary.txt", "latin1.txt"):
        assert len([e for e in errors if bad in e]) == 1, errors
    assert len(errors) == 3
    assert SEED_DOC in (out / "kg.ttl").read_text()
    assert not list(out.rglob("*.tmp"))
    report = json.loads((out / "build-report.json").read_text())
    status = {d["source"]: d["status"] for d in report["documents"]}
    assert status[SEED.name] == "published"
    assert {status[b] for b in ("empty.txt", "binary.txt", "latin1.txt")} <= {"unreadable", "rejected", "failed"}
    assert all(d["reason"] for d in report["documents"] if d["status"] != "published")
    assert "1 of 4 documents published" in run.stdout


def test_a_rebuild_reports_the_same_errors_without_redoing_the_work(messy, tmp_path):
    out = tmp_path / "out"
    first = _run(messy, "--out", out, "--jobs", "1")
    again = _run(messy, "--out", out, "--jobs", "1")
    assert again.exit_code == first.exit_code == 1
    errors = lambda run: [line for line in run.stderr.splitlines() if line.startswith(("error:", "  "))]  # noqa: E731
    assert errors(again) == errors(first)
    assert "0 processed" in again.stdout and "4 unchanged" in again.stdout


def test_a_folder_with_no_documents_is_a_one_line_error(tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    run = _run(empty, "--out", tmp_path / "out")
    assert run.exit_code == 1
    assert f"error: {empty}: no documents in this folder" in run.stderr
    assert not (tmp_path / "out" / "kg.nq").exists()


def test_piped_progress_is_plain_lines_with_the_count_the_rate_and_the_time_left(messy, tmp_path):
    run = _run(messy, "--out", tmp_path / "out", "--jobs", "1", "--no-store", "--progress-every", "0")
    lines = [line for line in run.stderr.splitlines() if line.startswith("built ")]
    assert [line.split(" documents")[0] for line in lines] == [f"built {n} of 4" for n in range(1, 5)]
    assert all(re.search(r"\(\d+%\), [\d.]+ documents/s, about \d+ (s|min \d\d s) left$", line)
               for line in lines), lines
    assert "\r" not in run.stderr and "\x1b" not in run.stderr      # no bar in a log
    assert "publishing 1 documents" in run.stderr


def test_quiet_prints_no_progress(messy, tmp_path):
    run = _run(messy, "--out", tmp_path / "out", "--jobs", "1", "--no-store", "--progress-every", "0",
               "--quiet")
    assert all(line.startswith(("error:", "  ")) for line in run.stderr.splitlines()), run.stderr


def test_void_names_the_dumps_relative_to_itself_until_a_dataset_url_is_given(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    out = tmp_path / "out"
    assert _run(folder, "--out", out, "--jobs", "1", "--no-store").exit_code == 0
    relative = (out / "void.ttl").read_text("utf-8")
    assert "<kg.nq>" in relative
    assert str(tmp_path) not in relative and "file:" not in relative
    url = "https://example.org/declass-kg/"
    # the same sources published at a URL: only the description changes, and it does change
    assert _run(folder, "--out", out, "--jobs", "1", "--no-store", "--dataset-url", url).exit_code == 0
    served = (out / "void.ttl").read_text("utf-8")
    assert f"<{url}kg.nq>" in served and "<kg.nq>" not in served
    assert _run(folder, "--out", out, "--dataset-url", "https://example.org/no-slash").exit_code == 2
