"""A memorandum in the FRUS typescript layout the seed does not show: labels on their own
lines, the President among the participants, the Secretary named by office."""
from __future__ import annotations

from datetime import date

import pytest

from kg.records import CitedDocument, DocumentHeader, Participant, Proposal
from kg.resolving import resolve_document

@pytest.fixture(scope="module")
def records(memo_records):
    return memo_records("frus_style_memcon.txt")


def test_a_subject_on_the_line_after_its_label_is_read(records):
    (h,) = records.of(DocumentHeader)
    assert h.subject == "Cuba and Berlin"
    assert h.date == date(1962, 10, 18) and h.place == "Washington"


def test_the_president_listed_by_office_is_the_president_of_the_day(records):
    res = resolve_document(records)
    ps = records.of(Participant)
    office = next(p for p in ps if p.name is None)
    assert office.title == "The President"
    assert res.lookup("", office.title).person.name == "John F. Kennedy"
    assert [p.name for p in ps if p.name] == ["Rusk", "Thompson", "Gromyko", "Dobrynin", "Sukhodrev"]


def test_his_statement_is_the_speakers_statement(records):
    (c,) = records.of(CitedDocument)
    assert c.kind == "statement" and c.date == "1962-09-04"
    assert c.evidence[0].exact.startswith("his statement of September 4")
    assert "suggested" not in c.evidence[0].exact
    (resolved,) = resolve_document(records).citations_of(c)
    assert resolved.authors == ("person:kennedy-john-f",)


def test_the_secretarys_proposal_is_answered_by_the_foreign_minister(records):
    p = next(p for p in records.of(Proposal) if "resume the talks" in p.evidence[0].exact)
    assert p.status in ("accepted", "deferred")
    assert p.response_evidence and "consult his Government" in p.response_evidence[0].exact
