"""The code reads cleanly to pyflakes: no name imported and never used, none used and never
defined, no variable shadowing an import, no f-string without a field.  Dead imports hide
what a module really needs (and the import graph tests/test_architecture.py checks); an
undefined name is a bug waiting for its branch."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pyflakes.api import checkPath
from pyflakes.reporter import Reporter

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("kg", "tests", "benchmarks")


def problems(path: Path) -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    checkPath(str(path), Reporter(out, err))
    return [line for line in (out.getvalue() + err.getvalue()).splitlines()
            # a star import's names cannot be checked: not a problem of the module
            if "unable to detect undefined names" not in line]


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_module_reads_cleanly_to_pyflakes(folder):
    found = [line for path in sorted((ROOT / folder).rglob("*.py")) for line in problems(path)]
    assert not found, "\n".join(found)


def test_an_unused_import_would_be_caught(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\nimport re\n\nprint(re.escape('x'), undefined)\n")
    assert [line.split(":", 3)[-1].strip() for line in problems(module)] == [
        "'os' imported but unused", "undefined name 'undefined'"]
