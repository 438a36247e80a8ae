"""Specifications of the archive dumps: kg.trig, kg.jsonld (with the shipped context) and the
context file, written beside kg.ttl and kg.nq by every build."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from publishing_support import merged
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.mapping.core import PREFIXES
from kg.publishing.dumps import (CONTEXT_PATH, JSONLD, TRIG, derive_context, load_context,
                                 write_dumps)

RAPPER = shutil.which("rapper")
OXIGRAPH = shutil.which("oxigraph") or next(
    (str(p) for p in [Path(__file__).resolve().parents[2] / ".venv" / "bin" / "oxigraph"] if p.is_file()),
    None)
needs_rapper = pytest.mark.skipif(RAPPER is None, reason="rapper (raptor2-utils) is not installed")
needs_oxigraph = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph CLI (PyPI `oxigraph`) is not installed")


def quads(path: Path, fmt: str) -> set:
    ds = Dataset()
    ds.parse(path, format=fmt)
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}


# --- what a build writes ---------------------------------------------------------------------


def test_a_build_writes_trig_jsonld_the_context_and_void_beside_turtle_and_nquads(seed_out):
    for name in ("kg.ttl", "kg.nq", "kg.trig", "kg.jsonld", "context.jsonld", "void.ttl"):
        assert (seed_out / name).is_file(), name
        assert (seed_out / name).stat().st_size > 0, name


def test_no_temporary_file_is_left_behind(seed_out):
    assert [p.name for p in seed_out.iterdir() if p.name.startswith(".")] == [".kg"]
    leftovers = [p for p in seed_out.rglob("*") if p.suffix == ".tmp" or p.name in (".work", ".merge")
                 or (p.name.startswith(".") and p.name != ".kg")]
    assert not leftovers


@needs_rapper
@pytest.mark.parametrize("name, syntax", [("kg.ttl", "turtle"), ("kg.trig", "trig"),
                                          ("kg.nq", "nquads"), ("void.ttl", "turtle")])
def test_rapper_parses_each_dump_without_error(seed_out, name, syntax):
    done = subprocess.run([RAPPER, "-q", "-i", syntax, "-c", str(seed_out / name)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "error" not in done.stderr.lower(), done.stderr


@needs_oxigraph
@pytest.mark.parametrize("name", ["kg.trig", "kg.jsonld", "kg.nq"])
def test_the_oxigraph_cli_converts_each_dataset_dump_without_error(seed_out, name, tmp_path):
    target = tmp_path / f"{name}.nq"
    done = subprocess.run([OXIGRAPH, "convert", "--from-file", str(seed_out / name),
                           "--to-file", str(target)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = set(target.read_text("utf-8").splitlines())
    assert lines == set((seed_out / "kg.nq").read_text("utf-8").splitlines())


def test_the_jsonld_dump_reads_back_as_the_same_graph_as_kg_ttl(seed_out):
    # rdflib, offline: the context is inline, nothing is fetched.
    assert isomorphic(merged(seed_out / "kg.jsonld", "json-ld"), Graph().parse(seed_out / "kg.ttl"))


def test_the_trig_and_jsonld_dumps_keep_the_named_graph_of_every_quad(seed_out):
    expected = quads(seed_out / "kg.nq", "nquads")
    assert quads(seed_out / "kg.trig", "trig") == expected
    assert quads(seed_out / "kg.jsonld", "json-ld") == expected


# --- the JSON-LD context ---------------------------------------------------------------------


def test_the_jsonld_dump_embeds_the_shipped_context_and_the_build_ships_a_copy(seed_out):
    shipped = json.loads(CONTEXT_PATH.read_text("utf-8"))
    assert json.loads((seed_out / "context.jsonld").read_text("utf-8")) == shipped
    dump = json.loads((seed_out / "kg.jsonld").read_text("utf-8"))
    assert dump["@context"] == shipped["@context"]


def test_the_shipped_context_declares_every_project_prefix():
    ctx = load_context()["@context"]
    for prefix, ns in PREFIXES.items():
        assert ctx.get(prefix) == str(ns), prefix


def test_the_shipped_context_short_names_are_ontology_terms_or_known_reused_terms():
    # Terms may be added to the ontology after the context was generated (they are then
    # written as compact IRIs); but no short name may point at a term that does not exist.
    shipped = load_context()["@context"]
    derived = derive_context()["@context"]
    for name, definition in shipped.items():
        if isinstance(definition, str) and "://" in definition:
            continue    # a prefix
        assert name in derived, f"{name} is not a term of the ontology"


def test_the_jsonld_dump_uses_short_names_and_compact_iris(seed_out):
    text = (seed_out / "kg.jsonld").read_text("utf-8")
    assert '"hasEvidence"' in text and '"exact"' in text
    assert '"rico:' in text
    assert "https://w3id.org/declass-kg/ontology#" not in text.split('"@graph"', 1)[1]


# --- on a small hand-written dataset ----------------------------------------------------------


def test_every_kind_of_term_survives_the_jsonld_and_trig_dumps(tmp_path, small_nquads):
    (tmp_path / "kg.nq").write_text(small_nquads, "utf-8")
    write_dumps(tmp_path, small_nquads)
    expected = Dataset()
    expected.parse(data=small_nquads, format="nquads")
    for name, fmt in ((JSONLD, "json-ld"), (TRIG, "trig")):
        got = Dataset()
        got.parse(tmp_path / name, format=fmt)
        for graph in expected.graphs():
            assert isomorphic(got.graph(graph.identifier), graph), (name, graph.identifier)


def test_coerced_short_names_are_used_only_where_the_value_fits(tmp_path, small_nquads):
    write_dumps(tmp_path, small_nquads)
    dump = json.loads((tmp_path / JSONLD).read_text("utf-8"))
    nodes = {n["@id"]: n for g in dump["@graph"] for n in g.get("@graph", [])}
    evidence = nodes["https://w3id.org/declass-kg/id/doc/memcon-a#ev0"]
    assert evidence["start"] == "12"                       # xsd:nonNegativeInteger: coerced
    assert evidence["oa:end"] == {"@type": "xsd:integer", "@value": "20"}   # other datatype
    assert evidence["struck"] == "true"
    telcon = nodes["https://w3id.org/declass-kg/id/doc/telcon-b"]
    assert telcon["dk:mentionOf"] == "a literal where an IRI is expected"   # not the @id term


def test_the_dumps_are_byte_stable_whatever_the_input_order(tmp_path, small_nquads):
    lines = small_nquads.splitlines(keepends=True)
    write_dumps(tmp_path / "a", small_nquads, dataset_base="https://example.org/kg/")
    write_dumps(tmp_path / "b", "".join(reversed(lines)), dataset_base="https://example.org/kg/")
    for name in ("kg.trig", "kg.jsonld", "context.jsonld", "void.ttl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_write_dumps_accepts_nquads_as_text_bytes_or_a_file(tmp_path, small_nquads):
    source = tmp_path / "kg.nq"
    source.write_text(small_nquads, "utf-8")
    for i, given in enumerate((small_nquads, small_nquads.encode("utf-8"), source)):
        write_dumps(tmp_path / str(i), given, dataset_base="https://example.org/kg/")
    assert len({(tmp_path / str(i) / JSONLD).read_bytes() for i in range(3)}) == 1


def test_an_empty_build_still_writes_loadable_dumps(tmp_path):
    write_dumps(tmp_path, "")
    assert len(merged(tmp_path / JSONLD, "json-ld")) == 0
    assert len(merged(tmp_path / TRIG, "trig")) == 0


# --- a graph written as it is read -------------------------------------------------------------


def test_a_graph_is_read_statement_by_statement_as_the_writer_asks(monkeypatch, small_nquads):
    # a graph is not made a list first: the JSON-LD writer holds each node as text once its
    # statements are read (a 730,000-statement graph took 0.9 GB as Python objects)
    from kg.publishing import lines
    from kg.publishing.merged import canonical_nquads

    read = []
    real = lines.split_statement
    monkeypatch.setattr(lines, "split_statement", lambda line: read.append(line) or real(line))
    data = canonical_nquads(small_nquads)
    graph, statements = next(lines.graphs([data]))
    next(statements)
    assert len(read) <= 2 < data.count(b"\n")


def test_an_iri_that_reads_as_a_compact_iri_of_the_context_is_refused(tmp_path):
    # "dk:Person" as a whole IRI would be read back as the ontology's dk:Person: refused,
    # not merged into that node
    text = ("<dk:Person> <http://www.w3.org/2000/01/rdf-schema#label> \"a\" <https://example.org/g> .\n"
            "<https://w3id.org/declass-kg/ontology#Person> <http://www.w3.org/2000/01/rdf-schema#label> "
            "\"b\" <https://example.org/g> .\n")
    with pytest.raises(ValueError, match="cannot write <https://w3id.org/declass-kg/ontology#Person> as a JSON-LD node id: another subject of its graph is written dk:Person too"):
        write_dumps(tmp_path, text)
