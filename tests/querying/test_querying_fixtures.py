"""The querying fixtures are the real mapping's output: tests/fixtures/querying/regenerate.py
writes them from small source memoranda with the pipeline, and these tests fail when the
fixtures (or the fixture queries) use a term the ontology does not declare or the mapping no
longer writes (they once used dk:Document, dk:participant, dk:Person and dk:wikidata, which
the ontology had dropped, so the query tests tested a vocabulary nobody publishes)."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.shipped import ontology_dir
from querying_support import DK, FIXTURES

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FIXTURE_FILES = sorted(FIXTURES.glob("*.nq"))


def vocabulary(nquads: bytes) -> set[str]:
    """The predicates and classes a graph uses."""
    terms = set()
    for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
        terms.add(quad.predicate.value)
        if quad.predicate.value == RDF_TYPE:
            terms.add(quad.object.value)
    return terms


def declared() -> set[str]:
    ontology = Graph()
    for path in sorted(ontology_dir().glob("*.ttl")):
        ontology.parse(path, format="turtle")
    return {str(s) for s in ontology.subjects() if str(s).startswith(DK)}


def test_the_fixtures_are_there():
    names = {p.name for p in FIXTURE_FILES}
    assert {"memcon-1962-10-18.nq", "memcon-1962-10-18.v2.nq", "telcon-1962-10-22.nq", "authority.nq"} <= names


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_dk_term_of_a_fixture_is_declared_in_the_ontology(path):
    used = {t for t in vocabulary(path.read_bytes()) if t.startswith(DK)}
    assert not used - declared()


@pytest.mark.parametrize("path", sorted((FIXTURES / "queries").glob("*.rq")), ids=lambda p: p.name)
def test_every_dk_term_of_a_fixture_query_is_declared_in_the_ontology(path):
    used = {DK + local for local in re.findall(r"\bdk:(\w+)", path.read_text(encoding="utf-8"))}
    assert used and not used - declared()


def test_a_fixture_uses_no_term_the_mapping_no_longer_writes_for_its_source():
    import importlib.util

    spec = importlib.util.spec_from_file_location("regenerate", FIXTURES / "regenerate.py")
    regenerate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(regenerate)
    made = regenerate.fixtures()
    assert len(made) == 3
    for target, source in made.items():
        now = vocabulary(regenerate.generate(source).encode())
        stale = vocabulary(target.read_bytes()) - now
        assert not stale, f"{target.name} uses {sorted(stale)}: run tests/fixtures/querying/regenerate.py"
