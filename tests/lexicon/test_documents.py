"""The vocabulary of documents cited is data, and every kind it gives is a concept the graph
can publish (ontology: the document-kind scheme; shapes/persons.ttl refuses any other)."""
from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib.namespace import SKOS

from kg.lexicon.documents import NOUNS, VERBS, noun, verb

ROOT = Path(__file__).resolve().parents[2]
SCHEME = rdflib.URIRef("https://w3id.org/declass-kg/vocab/document-kind")


def scheme_labels() -> set[str]:
    g = rdflib.Graph()
    g.parse(ROOT / "ontology" / "persons.ttl")
    return {str(g.value(c, SKOS.prefLabel)) for c in g.subjects(SKOS.inScheme, SCHEME)}


def test_every_kind_the_nouns_and_verbs_give_is_in_the_document_kind_scheme():
    labels = scheme_labels()
    kinds = {n.kind for n in NOUNS.values()} | {v.kind for v in VERBS.values()}
    # made by the rules themselves: "the proposed treaty", an issue of a periodical
    kinds |= {"draft treaty", "publication", "correspondence"}
    assert kinds <= labels, sorted(kinds - labels)


def test_a_noun_is_found_in_any_case_and_spacing():
    assert noun("Press  Conference").kind == "press conference"
    assert noun("Memoranda").kind == "memorandum" and noun("talks").family == "occasion"
    assert noun("speech").inherent and not noun("statement").inherent


def test_what_a_verb_takes_is_data():
    assert verb("pointed  out").takes == "addressee"
    assert verb("talked").takes == "partner" and verb("submitted").takes == "document"
