"""A claim in the graph is someone's: attributed to exactly one person, or left out."""
from __future__ import annotations

from pathlib import Path

from rdflib.namespace import PROV, RDF

from kg.extracting import run
from kg.mapping import to_graph
from kg.mapping.core import SCHEMA
from kg.reading.plaintext import read_plaintext
from kg.records import Claim
from kg.resolving import resolve_document

FIXTURE = Path(__file__).parents[1] / "fixtures" / "jfk" / "2023__104-10072-10237.md"


def test_a_claim_whose_speaker_is_no_person_is_left_out_not_published_unattributed():
    # a contact report in the first person signed by OCR debris: the extractor gives its
    # sentences to the signature, which the resolver does not take for a person
    raw = FIXTURE.read_text(encoding="utf-8")
    records = run(read_plaintext(FIXTURE.name, raw))
    assert records.of(Claim)
    g = to_graph(records, resolve_document(records))
    for claim in g.subjects(RDF.type, SCHEMA.Claim):
        assert len(list(g.objects(claim, PROV.wasAttributedTo))) == 1
