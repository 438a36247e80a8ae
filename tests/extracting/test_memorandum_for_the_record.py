"""A memorandum for the record of the President's meeting with his advisers: the dateline
gives the place, a PRESENT list run on one line parts at every title, offices in lower case
included, and in a meeting of one side an adviser's objection answers another's suggestion."""
from __future__ import annotations

from datetime import time

import pytest

from kg.records import DocumentHeader, Drafter, Participant, Proposal
from kg.resolving import resolve_document

@pytest.fixture(scope="module")
def records(memo_records):
    return memo_records("memorandum_for_the_record.txt")


def test_the_dateline_gives_place_date_and_times(records):
    (h,) = records.of(DocumentHeader)
    assert (h.doc_type, h.place, str(h.date)) == ("memorandum for the record", "Washington", "1962-10-16")
    assert (h.start_time, h.end_time) == (time(11, 50), time(12, 57))


def test_a_present_list_on_one_line_parts_at_every_title(records):
    printed = [p.name or p.title for p in records.of(Participant)]
    assert printed == ["The President", "the Vice President", "Rusk", "McNamara",
                       "the Attorney General", "Taylor", "McCone", "Bundy", "Sorensen"]


def test_offices_in_the_list_resolve_by_the_date(records):
    res = resolve_document(records)
    people = {p.title: res.lookup(p.name, p.title).person.name for p in records.of(Participant)
              if p.name is None}
    assert people == {"The President": "John F. Kennedy", "the Vice President": "Lyndon B. Johnson",
                      "the Attorney General": "Robert F. Kennedy"}


def test_in_a_meeting_of_one_side_an_adviser_answers_another(records):
    (p,) = records.of(Proposal)
    assert p.proposer == "McNamara" and p.status == "rejected"
    assert p.response_evidence[0].exact == "The Attorney General said he would oppose a surprise attack."


def test_the_initial_and_surname_closing_the_memorandum_is_its_drafter(records):
    (d,) = records.of(Drafter)
    assert d.name == "M. Bundy" and resolve_document(records).lookup(d.name).person.name == "McGeorge Bundy"
