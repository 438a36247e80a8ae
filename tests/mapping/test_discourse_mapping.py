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


def test_a_proposal_whose_proposer_is_no_person_is_left_out_and_the_record_published():
    # a first-person memorandum: the extractor gives the writer's proposal to "Mitchell L.",
    # which the resolver does not take for a person; the record must not be rejected for it
    from kg.mapping.core import DK
    from kg.records import Proposal
    from kg.validating import check

    path = FIXTURE.parent / "2018__104-10182-10133.md"
    records = run(read_plaintext(path.name, path.read_text(encoding="utf-8")))
    assert [p.proposer for p in records.of(Proposal)] == ["Mitchell L."]
    g = to_graph(records, resolve_document(records))
    assert not list(g.subjects(RDF.type, DK.Proposal))
    assert check(g).conforms
