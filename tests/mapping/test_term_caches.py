"""The mappers' term caches give the very terms rdflib gives: a namespace term asked for as an
attribute (kept on the namespace), the closed namespaces' terms (RDF, XSD, ... looked up once),
and the offset and quote literals of evidence (made once each)."""
from __future__ import annotations

import rdflib.namespace as ns
from rdflib import Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg.mapping import core


def test_closed_namespace_terms_are_rdflibs():
    for ours, theirs, names in [(core.RDF, ns.RDF, ["type", "langString"]),
                                (core.XSD, ns.XSD, ["boolean", "nonNegativeInteger", "date"]),
                                (core.PROV, ns.PROV, ["wasDerivedFrom", "Agent"]),
                                (core.RDFS, ns.RDFS, ["label"]), (core.SKOS, ns.SKOS, ["prefLabel"]),
                                (core.OWL, ns.OWL, ["sameAs"]), (core.DCTERMS, ns.DCTERMS, ["title"]),
                                (core.FOAF, ns.FOAF, ["Person"])]:
        for name in names:
            for _ in range(2):            # looked up, then kept
                assert getattr(ours, name) == getattr(theirs, name)
                assert type(getattr(ours, name)) is URIRef


def test_project_namespace_terms_are_kept_and_equal_to_new_ones():
    first = core.DK.hasEvidence
    assert first is core.DK.hasEvidence
    assert first == URIRef(core.ONTOLOGY_IRI + "#hasEvidence")
    assert core.SCHEMA["name"] == core.SCHEMA.name == URIRef("https://schema.org/name")
    assert core.DK.title == URIRef(core.ONTOLOGY_IRI + "#title")   # a str method stays a term
    try:
        core.DK.__missing_dunder__
    except AttributeError:
        pass
    else:
        raise AssertionError("a dunder is no term")


def test_evidence_literals_are_the_literals_rdflib_makes():
    for n in (0, 7, 1234, 10 ** 7):
        made = Literal(n, datatype=ns.XSD.nonNegativeInteger)
        for _ in range(2):
            got = core._offset(n)
            assert got == made and got.value == made.value and _quoteLiteral(got) == _quoteLiteral(made)
    for text in ("", "Mr. McCloy", "line\nbreak \"quoted\"", "Élysée"):
        for _ in range(2):
            got = core._text(text)
            assert got == Literal(text) and _quoteLiteral(got) == _quoteLiteral(Literal(text))
