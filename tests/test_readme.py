"""The README's command lines are the commands' own: cog writes each from the click options
(kg.cli.synopsis), and this test fails when an option changed and `cog -r README.md` was not
run, or when a command has no section in the README."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from cogapp import Cog

from kg.cli import main, synopsis

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def _cog(*args: str) -> int:
    return Cog().main(["cog", *args])


def test_the_readme_command_lines_are_what_cog_writes_from_the_options(capsys):
    status = _cog("--check", str(README))
    assert status == 0, f"README.md is out of date: run `cog -r README.md`\n{capsys.readouterr()}"


def test_every_command_has_a_generated_line_in_the_readme():
    text = README.read_text(encoding="utf-8")
    for name in main.list_commands(None):
        assert f"[[[cog cog.outl(f\"`{{synopsis('{name}')}}`\")]]]" in text, f"kg {name} has no README section"
        assert f"`{synopsis(name)}`" in text


@pytest.mark.parametrize("name", main.list_commands(None))
def test_a_synopsis_names_every_option_and_argument_of_its_command(name):
    line = synopsis(name)
    for param in main.get_command(None, name).params:
        shown = max(param.opts, key=len) if param.param_type_name == "option" else param.name.upper()
        if shown != "--help":
            assert re.search(rf"(?<![\w-]){re.escape(shown)}(?![\w-])", line), (shown, line)


def test_a_stale_line_is_caught(tmp_path, capsys):
    stale = tmp_path / "README.md"
    text = README.read_text(encoding="utf-8")
    stale.write_text(text.replace(f"`{synopsis('query')}`", "`kg query QUERY [--format table|csv]`"),
                     encoding="utf-8")
    assert _cog("--check", str(stale)) != 0
    said = capsys.readouterr()
    assert "README.md" in said.out + said.err


# --- every extractor and record kind is documented ----------------------------------------------

def _table(heading: str) -> dict[str, list[str]]:
    """The rows of the README table whose header row starts with ``| heading``: first cell
    (without backquotes) -> the other cells."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith(f"| {heading}"))
    rows = {}
    for ln in lines[start + 2:]:
        if not ln.startswith("|"):
            break
        cells = [c.strip() for c in ln.strip("|").split("|")]
        rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_every_registered_extractor_is_documented_and_no_other():
    from kg.extracting import pipeline

    assert set(_table("extractor")) == {e.name for e in pipeline()}


def test_every_record_kind_is_documented_and_no_other():
    import inspect

    import kg.records as records

    kinds = {name for name, c in vars(records).items()
             if inspect.isclass(c) and issubclass(c, records.Record) and c is not records.Record}
    assert set(_table("record kind")) == kinds


def test_the_dk_classes_a_record_kind_becomes_are_declared_in_the_ontology():
    from rdflib import OWL, RDF, RDFS, Graph

    from kg.mapping.core import DK
    from kg.shipped import ontology_dir

    ontology = Graph()
    for path in sorted(ontology_dir().glob("*.ttl")):
        ontology.parse(path, format="turtle")
    declared = set(ontology.subjects(RDF.type, OWL.Class)) | set(ontology.subjects(RDF.type, RDFS.Class))
    named = {(kind, local) for kind, (_, classes) in _table("record kind").items()
             for local in re.findall(r"`dk:(\w+)`", classes)}
    assert len(named) >= 18
    assert not [f"{kind}: dk:{local}" for kind, local in sorted(named) if DK[local] not in declared]
