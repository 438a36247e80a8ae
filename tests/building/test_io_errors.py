"""Every I/O failure is one source's problem: named in the build report with what to do, the
other documents published, exit status 1.  (One unreadable file used to abort the build.)"""
from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest
from building_support import FIXTURES
from click.testing import CliRunner

import kg.sources as sources
from kg.building import build
from kg.sources import find_sources
from kg.cli import main
from kg.mapping.core import DEFAULT_BASE

GOOD = sorted(FIXTURES.glob("*.md"))[0]


@pytest.fixture
def folder(tmp_path) -> Path:
    f = tmp_path / "in"
    f.mkdir()
    shutil.copy(GOOD, f / "good.md")
    return f


def _cli(folder, out):
    return CliRunner().invoke(main, ["build", str(folder), "--out", str(out), "--jobs", "1", "--no-store"],
                              catch_exceptions=False)


def _statuses(out) -> dict[str, tuple[str, str]]:
    docs = json.loads((out / "build-report.json").read_text())["documents"]
    return {d["source"]: (d["status"], d["reason"]) for d in docs}


def _refuse(monkeypatch, victim: Path, code: int) -> None:
    """Opening ``victim`` fails with ``code`` (root reads every file, so chmod cannot show it)."""
    real_open = os.open

    def fake_open(path, flags, *args, **kwargs):
        if isinstance(path, (str, os.PathLike)) and Path(path) == victim:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(sources.os, "open", fake_open)


def test_a_file_without_read_permission_is_named_and_the_rest_published(folder, tmp_path, monkeypatch):
    locked = folder / "locked.md"
    shutil.copy(GOOD, locked)
    _refuse(monkeypatch, locked, errno.EACCES)
    run = _cli(folder, tmp_path / "out")
    assert run.exit_code == 1
    status = _statuses(tmp_path / "out")
    assert status["good.md"][0] == "published"
    assert status["locked.md"] == ("unreadable", "locked.md: permission denied; make it readable "
                                                 "(chmod a+r) or leave it out of the sources")
    assert "error: locked.md: permission denied" in run.stderr
    assert "Traceback" not in run.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_chmod_000_is_permission_denied(folder, tmp_path):
    locked = folder / "locked.md"
    shutil.copy(GOOD, locked)
    locked.chmod(0)
    try:
        run = _cli(folder, tmp_path / "out")
    finally:
        locked.chmod(0o644)
    assert run.exit_code == 1
    assert _statuses(tmp_path / "out")["locked.md"][0] == "unreadable"


def test_a_source_that_vanished_after_it_was_listed_is_named(folder, tmp_path):
    gone = folder / "gone.md"
    shutil.copy(GOOD, gone)
    found, _ = find_sources([folder])
    gone.unlink()
    summary = build(found, tmp_path / "out", DEFAULT_BASE, jobs=1, store=False)
    status = {r.name: (r.status, r.reason) for r in summary.results}
    assert status["good.md"][0] == "published"
    assert status["gone.md"][0] == "unreadable"
    assert "vanished" in status["gone.md"][1]


def test_a_source_that_vanishes_while_the_build_runs_is_named(folder, tmp_path, monkeypatch):
    import kg.building

    shutil.copy(GOOD, folder / "late.md")
    real = kg.building.process_file

    def delete_then_process(path, base, name=None, *rest):
        if name == "late.md":
            Path(path).unlink()
        return real(path, base, name, *rest)

    monkeypatch.setattr(kg.building, "process_file", delete_then_process)
    found, _ = find_sources([folder])
    summary = build(found, tmp_path / "out", DEFAULT_BASE, jobs=1, store=False)
    status = {r.name: (r.status, r.reason) for r in summary.results}
    assert status["good.md"][0] == "published"
    assert status["late.md"][0] == "unreadable" and status["late.md"][1].startswith("late.md: cannot")


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(folder, tmp_path):
    os.mkfifo(folder / "pipe.md")
    run = _cli(folder, tmp_path / "out")        # opened blocking, this would never return
    assert run.exit_code == 1
    assert _statuses(tmp_path / "out")["pipe.md"] == (
        "unreadable", "pipe.md: not a regular file (a named pipe); only regular files are read")
    assert _statuses(tmp_path / "out")["good.md"][0] == "published"


def test_a_folder_named_like_a_document_is_walked_not_read(folder, tmp_path):
    (folder / "notes.md").mkdir()
    shutil.copy(GOOD, folder / "notes.md" / "inner.md")
    run = _cli(folder, tmp_path / "out")
    assert run.exit_code == 0, run.output
    assert set(_statuses(tmp_path / "out")) == {"good.md", "notes.md/inner.md"}


def test_a_symbolic_link_loop_and_a_broken_link_are_named(folder, tmp_path):
    (folder / "loop.md").symlink_to("loop.md")
    (folder / "broken.md").symlink_to("nowhere.md")
    run = _cli(folder, tmp_path / "out")
    assert run.exit_code == 1
    status = _statuses(tmp_path / "out")
    assert status["loop.md"] == ("unreadable", "loop.md: symbolic link loop (the link leads back to "
                                               "itself); fix or remove the link")
    assert status["broken.md"] == ("unreadable", "broken.md: broken symbolic link (to nowhere.md, "
                                                 "which does not exist)")
    assert status["good.md"][0] == "published"


def test_a_link_to_a_folder_above_is_a_loop_named_once_and_the_walk_ends(folder, tmp_path):
    (folder / "sub").mkdir()
    shutil.copy(GOOD, folder / "sub" / "copy.md")
    (folder / "sub" / "up").symlink_to("..")
    run = _cli(folder, tmp_path / "out")
    assert run.exit_code == 1
    status = _statuses(tmp_path / "out")
    assert status["sub/up"][0] == "unreadable" and "symbolic link loop" in status["sub/up"][1]
    assert {status["good.md"][0], status["sub/copy.md"][0]} == {"published"}
    assert len(status) == 3


def test_a_folder_that_cannot_be_listed_is_named(folder, tmp_path, monkeypatch):
    (folder / "closed").mkdir()
    shutil.copy(GOOD, folder / "closed" / "hidden-from-us.md")
    real_scandir = os.scandir

    def fake_scandir(path="."):
        if isinstance(path, (str, os.PathLike)) and Path(path).name == "closed":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(sources.os, "scandir", fake_scandir)
    run = _cli(folder, tmp_path / "out")
    assert run.exit_code == 1
    status = _statuses(tmp_path / "out")
    assert status["closed"][0] == "unreadable"
    assert status["closed"][1].startswith("closed: folder cannot be read: permission denied")
    assert status["good.md"][0] == "published"


def test_an_unreadable_source_is_checked_again_on_the_next_build(folder, tmp_path, monkeypatch):
    locked = folder / "locked.md"
    shutil.copy(GOOD, locked)
    with monkeypatch.context() as m:
        _refuse(m, locked, errno.EACCES)
        first = build(find_sources([folder])[0], tmp_path / "out", DEFAULT_BASE, jobs=1, store=False)
    assert first.published == 1
    again = build(find_sources([folder])[0], tmp_path / "out", DEFAULT_BASE, jobs=1, store=False)
    assert again.published == 2 and again.processed == ["locked.md"]
