"""A document is named by its path below the build root: two files called dup.md in two folders
are two documents, and one folder of files keeps the IRIs it always had."""
from __future__ import annotations

import json
import shutil
from collections import Counter

import pyoxigraph as ox
import pytest
from building_support import FIXTURES
from click.testing import CliRunner

from kg.building import build
from kg.cli import main
from kg.mapping.core import DEFAULT_BASE
from kg.publishing.vocabulary import VOCABULARY_GRAPH

ONE, OTHER = sorted(FIXTURES.glob("*.md"))[:2]


def _cli(*args):
    return CliRunner().invoke(main, ["build", *map(str, args)], catch_exceptions=False)


def _graph_sizes(out) -> Counter:
    return Counter(q.graph_name.value for q in ox.parse(path=str(out / "kg.nq"), format=ox.RdfFormat.N_QUADS))


def _report(out) -> dict[str, dict]:
    return {d["source"]: d for d in json.loads((out / "build-report.json").read_text())["documents"]}


@pytest.fixture
def two_folders(tmp_path):
    """corpus/a/dup.md and corpus/b/dup.md: two different documents with one file name."""
    for folder, source in (("a", ONE), ("b", OTHER)):
        (tmp_path / "corpus" / folder).mkdir(parents=True)
        shutil.copy(source, tmp_path / "corpus" / folder / "dup.md")
    return tmp_path / "corpus"


def test_a_single_folder_keeps_the_iris_named_after_the_file(tmp_path):
    folder = tmp_path / "flat"
    folder.mkdir()
    shutil.copy(ONE, folder / ONE.name)
    run = _cli(folder, "--out", tmp_path / "out", "--jobs", "1", "--no-store")
    assert run.exit_code == 0, run.output
    assert set(_graph_sizes(tmp_path / "out")) == {f"{DEFAULT_BASE}graph/{ONE.stem}", f"{DEFAULT_BASE}dataset",
                                                   VOCABULARY_GRAPH}
    assert f"<{DEFAULT_BASE}doc/{ONE.stem}>" in (tmp_path / "out" / "kg.nq").read_text()


def test_the_same_file_name_in_two_folders_gives_two_documents(two_folders, tmp_path):
    out = tmp_path / "out"
    run = _cli(two_folders, "--out", out, "--jobs", "1")
    assert run.exit_code == 0, run.output
    report = _report(out)
    assert set(report) == {"a/dup.md", "b/dup.md"}
    sizes = _graph_sizes(out)
    for name in ("a/dup", "b/dup"):
        graph = f"{DEFAULT_BASE}graph/{name}"
        assert sizes[graph] == report[f"{name}.md"]["triples"] > 0      # all of it, once
    nq = (out / "kg.nq").read_text()
    assert f"<{DEFAULT_BASE}doc/a/dup>" in nq and f"<{DEFAULT_BASE}doc/b/dup>" in nq
    assert f"<{DEFAULT_BASE}source/a/dup.md>" in nq
    assert '"a/dup.md"' in nq                  # dk:fileName: the path below the root
    store = ox.Store.read_only(str(out / "store"))
    assert {f"{DEFAULT_BASE}graph/a/dup", f"{DEFAULT_BASE}graph/b/dup"} <= {g.value for g in store.named_graphs()}


def test_two_folders_given_are_named_from_the_folder_that_holds_both(two_folders, tmp_path):
    out = tmp_path / "out"
    run = _cli(two_folders / "a", two_folders / "b", "--out", out, "--jobs", "1", "--no-store")
    assert run.exit_code == 0, run.output
    assert set(_report(out)) == {"a/dup.md", "b/dup.md"}


def test_root_pins_the_names_whatever_else_is_built(two_folders, tmp_path):
    out = tmp_path / "out"
    run = _cli(two_folders / "a", "--root", two_folders, "--out", out, "--jobs", "1", "--no-store")
    assert run.exit_code == 0, run.output
    assert set(_report(out)) == {"a/dup.md"}
    outside = _cli(ONE, "--root", two_folders, "--out", tmp_path / "elsewhere")
    assert outside.exit_code == 1
    assert "outside the build root" in outside.stderr


def test_two_names_with_one_iri_are_both_refused_each_naming_the_other(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ONE, folder / "memo.md")
    shutil.copy(OTHER, folder / "memo.txt")
    shutil.copy(ONE, folder / "fine.md")
    out = tmp_path / "out"
    run = _cli(folder, "--out", out, "--jobs", "1", "--no-store")
    assert run.exit_code == 1
    report = _report(out)
    assert report["fine.md"]["status"] == "published"
    assert report["memo.md"]["status"] == report["memo.txt"]["status"] == "conflict"
    assert "memo.txt" in report["memo.md"]["reason"] and "memo.md" in report["memo.txt"]["reason"]
    assert f"{DEFAULT_BASE}graph/memo" not in _graph_sizes(out)


def test_a_document_whose_iri_would_hold_another_documents_is_refused(tmp_path):
    folder = tmp_path / "in"
    (folder / "2023").mkdir(parents=True)
    shutil.copy(ONE, folder / "2023.md")
    shutil.copy(OTHER, folder / "2023" / "x.md")
    summary = build([folder / "2023.md", folder / "2023" / "x.md"], tmp_path / "out", DEFAULT_BASE,
                    jobs=1, store=False)
    status = {r.name: (r.status, r.reason) for r in summary.results}
    assert status["2023.md"][0] == status["2023/x.md"][0] == "conflict"
    assert "2023/x.md" in status["2023.md"][1]


def test_a_reader_error_names_the_file_by_its_path_below_the_root(two_folders, tmp_path):
    (two_folders / "b" / "empty.md").write_bytes(b"")
    summary = build([two_folders / "a" / "dup.md", two_folders / "b" / "empty.md"], tmp_path / "out",
                    DEFAULT_BASE, jobs=1, store=False)
    (bad,) = [r for r in summary.results if not r.published]
    assert bad.reason.startswith("b/empty.md: the file is empty")
