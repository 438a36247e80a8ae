"""The vocabulary of documents cited is data, and every kind it gives is a concept the graph
can publish (ontology: the document-kind scheme; shapes/persons.ttl refuses any other)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
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


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("forms", [NOUNS, VERBS], ids=["nouns", "verbs"])
def test_the_alternation_grouped_by_first_letter_matches_as_the_plain_one(forms, flags):
    # the contract of the grouped alternation: on every text of the fixtures, the same matches
    # as the plain alternation of the forms, longest first, in patterns that end the form at a
    # word's end or make the engine backtrack into the alternation
    from kg.lexicon.documents import _alt, _plain_alt
    texts = [p.read_text(encoding="utf-8")
             for p in sorted((Path(__file__).resolve().parents[1] / "fixtures").rglob("*.md"))]
    grouped, plain = _alt(forms), _plain_alt(forms)
    assert grouped != plain
    matched = 0
    for shape in (r"(?<![\w-])(?:{})(?![\w-])", r"\b(?P<n>{})\s+(?:of\s+)?[a-z]+", r"(?:{})(?=s?\b)"):
        ours, theirs = re.compile(shape.format(grouped), flags), re.compile(shape.format(plain), flags)
        for text in texts:
            found = [(m.span(), m.groupdict()) for m in ours.finditer(text)]
            assert found == [(m.span(), m.groupdict()) for m in theirs.finditer(text)]
            matched += len(found)
    assert matched > 100
