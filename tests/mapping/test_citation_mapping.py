"""One phrase may cite several documents: each citation node cites exactly one of them."""
from __future__ import annotations

from rdflib.namespace import RDF

from kg.extracting import run
from kg.mapping import to_graph
from kg.mapping.core import CITO
from kg.reading.plaintext import read_plaintext
from kg.records import CitedDocument
from kg.resolving import resolve_document


def test_two_undated_documents_cited_in_one_phrase_are_two_citations():
    # a biographic note of 2023__104-10181-10011.md (2023 release): "Embtel 660, 23 Sepü 65",
    # the month misread, read as two telegrams of no date; each its own citation
    raw = ("Appointed Algerian Ambassador to Spain, October, 1966\n\n"
           "Algiers Embtel 660, 23 Sepü 65, ALg/UN\n\nA-159, 25 Oct 66\n")
    records = run(read_plaintext("2023__104-10181-10011.md", raw), skip=("persons", "turns", "claims"))
    assert len({r.number for r in records.of(CitedDocument)}) >= 2
    g = to_graph(records, resolve_document(records))
    citations = list(g.subjects(RDF.type, CITO.Citation))
    assert len(citations) >= 2
    assert all(len(list(g.objects(c, CITO.hasCitedEntity))) == 1 for c in citations)
