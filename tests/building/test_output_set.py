"""The output folder is one set: a reader sees the whole previous build or the whole new one, the
store included; a build that dies leaves the previous set as it was; one build at a time."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
from building_support import FIXTURES, REPO_ROOT, output_bytes
from click.testing import CliRunner

import kg.publishing.dumps
from kg.building import build
from kg.cli import main
from kg.mapping.core import DEFAULT_BASE
from kg.publishing.folder import PUBLISHED, OutputFolder
from kg.querying.store import open_store


def _build(corpus, out, **kw):
    kw.setdefault("jobs", 1)
    return build(sorted(p for p in corpus.iterdir() if p.is_file()), out, DEFAULT_BASE, **kw)


def _graphs(store) -> set[str]:
    return {g.value for g in store.named_graphs()}


def test_every_published_name_leads_through_one_pointer_to_the_current_set(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    current = OutputFolder(out).current()
    for name in PUBLISHED:
        assert os.readlink(out / name) == f".kg/current/{name}"
        assert os.path.realpath(out / name) == str(current / name)
    assert os.readlink(out / ".kg" / "current") == "builds/1"


def test_a_reader_of_the_previous_set_keeps_it_whole_until_the_next_build(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    pinned = Path(os.path.realpath(out / ".kg" / "current"))   # a reader resolves the pointer once
    before = {p.name: p.read_bytes() for p in pinned.iterdir() if p.is_file()}
    changed = sorted(corpus.iterdir())[0]
    changed.write_text(changed.read_text() + "\nThe Secretary agreed.\n")
    _build(corpus, out)
    assert os.path.realpath(out / ".kg" / "current") != str(pinned)
    assert {p.name: p.read_bytes() for p in pinned.iterdir() if p.is_file()} == before
    assert (out / "kg.nq").read_bytes() != before["kg.nq"]
    changed.write_text(changed.read_text() + "\nThe Minister agreed.\n")
    _build(corpus, out)                     # two sets later the old one is gone
    assert not pinned.exists()


def test_an_open_store_keeps_answering_from_its_own_set_after_a_rebuild(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    store = open_store(out / "store")        # what kg query and kg serve do
    graphs = _graphs(store)
    gone = sorted(corpus.iterdir())[0]
    gone.unlink()
    _build(corpus, out)
    assert _graphs(store) == graphs           # still the whole previous store
    del store
    fresh = open_store(out / "store")
    assert len(_graphs(fresh)) == len(graphs) - 1
    del fresh


def test_a_build_that_fails_while_publishing_leaves_the_previous_set_as_it_was(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    _build(corpus, out)
    before = output_bytes(out)
    changed = sorted(corpus.iterdir())[0]
    changed.write_text(changed.read_text() + "\nThe Secretary agreed.\n")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.publishing.dumps, "write_void", disk_full)
    with pytest.raises(OSError):
        _build(corpus, out)
    assert output_bytes(out) == before
    assert sorted(p.name for p in (out / ".kg" / "builds").iterdir()) == ["1"]
    monkeypatch.undo()
    summary = _build(corpus, out)
    assert summary.processed == [changed.name]


def test_a_second_build_into_the_same_folder_exits_with_one_line_naming_the_first(corpus, tmp_path):
    out = tmp_path / "out"
    with OutputFolder(out).lock():
        run = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out)], catch_exceptions=False)
    assert run.exit_code == 1
    assert run.stderr.count("\n") == 1
    assert run.stderr.startswith(f"error: {out}/ is being built by another kg build (process {os.getpid()}, started ")
    assert "Traceback" not in run.output
    assert not (out / "kg.nq").exists()


def test_wait_waits_for_the_other_build(corpus, tmp_path):
    out = tmp_path / "out"
    held, release = threading.Event(), threading.Event()

    def other_build():
        with OutputFolder(out).lock():
            held.set()
            release.wait(10)

    other = threading.Thread(target=other_build)
    other.start()
    held.wait(10)
    threading.Timer(1.0, release.set).start()
    started = time.monotonic()
    summary = _build(corpus, out, wait=True, store=False)
    other.join()
    assert time.monotonic() - started >= 0.9
    assert summary.published == len(list(corpus.iterdir()))


def test_a_folder_written_by_an_older_version_is_taken_over(corpus, tmp_path):
    out = tmp_path / "out"
    (out / "store").mkdir(parents=True)
    (out / "store" / "CURRENT").write_text("old")
    (out / "kg.ttl").write_text("old")
    (out / "manifest.json").write_text('{"format": 1, "documents": []}')
    (out / "graphs").mkdir()
    (out / "graphs" / "x.ttl").write_text("old")
    (out / "notes.txt").write_text("the user's own file")
    _build(corpus, out)
    assert (out / "kg.ttl").is_symlink() and (out / "store").is_symlink()
    assert (out / "kg.ttl").read_text() != "old"
    assert not (out / "manifest.json").exists() and not (out / "graphs").exists()
    assert (out / "notes.txt").read_text() == "the user's own file"


# --- kill -9 ------------------------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@contextmanager
def _build_process(corpus, out, jobs):
    """`kg build` in a process of its own, killed if the test leaves it running."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    build = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out),
                              "--jobs", str(jobs), "--quiet"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield build
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()


def _kill_9(build) -> None:
    os.kill(build.pid, signal.SIGKILL)
    build.wait(10)


@pytest.fixture
def built_then_more(corpus, tmp_path):
    """A first build of the corpus (its output folder and bytes), then more work for the next."""
    out = tmp_path / "out"
    _build(corpus, out)
    before = output_bytes(out)
    for i in range(12):                       # enough for the next build to be caught at it
        for path in sorted(FIXTURES.glob("*.md"))[:3]:
            shutil.copy(path, corpus / f"copy{i}-{path.name}")
    return out, before


def _until(condition, seconds=60.0, step=0.05):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(step)
    return condition()


def _the_previous_set_is_intact_and_the_next_build_works(corpus, out, before):
    assert output_bytes(out) == before
    assert os.readlink(out / ".kg" / "current") == "builds/1"
    store = ox.Store.read_only(os.path.realpath(out / "store"))
    assert len(_graphs(store)) == 7          # five documents, the dataset's description, the vocabulary
    del store
    summary = _build(corpus, out, store=False)       # no stale lock, no leftover in the way
    assert summary.published == len(list(corpus.iterdir()))
    assert sorted(p.name for p in (out / ".kg" / "builds").iterdir()) == ["1", "2"]
    assert os.readlink(out / ".kg" / "current") == "builds/2"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_kill_9_while_workers_run_leaves_the_previous_set_and_no_worker_behind(corpus, built_then_more):
    out, before = built_then_more
    with _build_process(corpus, out, jobs=2) as build:
        workers = _until(lambda: (lambda w: w if len(w) >= 2 else None)(_children(build.pid)))
        assert workers, "the workers did not start"
        time.sleep(1.0)
        _kill_9(build)
        _until(lambda: not any(_alive(w) for w in workers), seconds=10)
        assert not [w for w in workers if _alive(w)], "workers outlived their build"
    _the_previous_set_is_intact_and_the_next_build_works(corpus, out, before)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_kill_9_while_publishing_leaves_the_previous_set(corpus, built_then_more):
    out, before = built_then_more
    staging = out / ".kg" / "builds" / "2"
    with _build_process(corpus, out, jobs=1) as build:
        assert _until(staging.is_dir, step=0.005), "publishing did not start"
        _kill_9(build)
    assert staging.is_dir()                          # caught half-way: a set that never became current
    _the_previous_set_is_intact_and_the_next_build_works(corpus, out, before)


def test_a_build_without_the_store_leaves_no_link_leading_nowhere(corpus, tmp_path):
    # `kg build --no-store` (the whole-corpus choice): out/store is neither there nor a
    # dangling link, and a later build with the store links it again
    out = tmp_path / "out"
    _build(corpus, out, store=True)
    assert (out / "store").is_dir()
    _build(corpus, out, store=False, full=True)
    assert not (out / "store").exists() and not (out / "store").is_symlink()
    _build(corpus, out, store=True, full=True)
    assert (out / "store").is_symlink() and (out / "store" / "CURRENT").is_file()
