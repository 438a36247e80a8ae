"""The mappers' term caches give the very terms rdflib gives: a namespace term asked for as an
attribute (kept on the namespace), the closed namespaces' terms (RDF, XSD, ... looked up once),
and the offset and quote literals of evidence (made once each)."""
from __future__ import annotations

from pathlib import Path

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


def slots(term) -> tuple:
    return (type(term), str(term), *(getattr(term, s) for s in Literal.__slots__), hash(term), term.n3())


def test_evidence_literals_are_made_slot_for_slot_as_rdflibs_constructor_makes_them():
    # the quotes of a real memorandum (every line of the seed), and odd ones
    seed = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))[0]
    quotes = seed.read_text(encoding="utf-8").splitlines() + ["", " ", "\ud800 lone surrogate",
                                                                "tab\there", "x" * 5000]
    for text in quotes:
        assert slots(core._literal(text, text, None)) == slots(Literal(text)), text
        assert slots(core._text(text)) == slots(Literal(text))
    for n in (0, 1, 17, 99999, 10 ** 20):
        assert slots(core._offset(n)) == slots(Literal(n, datatype=ns.XSD.nonNegativeInteger))
    # what is not a plain str or int goes to rdflib's constructor
    assert core._offset(True) == Literal(True, datatype=ns.XSD.nonNegativeInteger)


def test_an_evidence_iri_is_the_iri_rdflib_makes_of_the_same_text():
    item = URIRef("https://w3id.org/declass-kg/id/doc/2022/104-10004-10143/claim/10-20")
    for suffix in ("#ev0", "#ev12-target", "#ev0-selector"):
        made = core._derived(item, suffix)
        assert type(made) is URIRef and made == URIRef(item + suffix) and made.n3() == URIRef(item + suffix).n3()
