"""A memorandum as a printed FRUS volume gives it: the numbered heading in title case names
the genre, the source note gives the original's classification and its drafter, and the
participants listed without sides take them from the offices and the authority file."""
from __future__ import annotations


import pytest

from kg.records import DocumentHeader, Drafter, Marking, Participant

@pytest.fixture(scope="module")
def records(memo_records):
    return memo_records("frus_printed_memcon.txt")


def test_a_numbered_title_case_heading_names_the_genre(records):
    (h,) = records.of(DocumentHeader)
    assert h.doc_type == "memorandum of conversation"
    assert h.doc_type_span.exact == "Memorandum of Conversation"
    assert (h.place, str(h.date), h.subject) == ("Washington", "1962-10-18", "Cuba")


def test_the_source_note_gives_the_classification(records):
    (m,) = records.of(Marking)
    assert (m.level, m.position, m.evidence[0].exact) == ("SECRET", "header", "Secret")


def test_the_source_note_gives_the_drafter(records):
    (d,) = records.of(Drafter)
    assert (d.name, d.role) == ("Akalovsky", "drafter")


def test_participants_without_side_headings_take_their_sides_from_the_data(records):
    sides = {(p.name or p.title): p.side for p in records.of(Participant)}
    assert sides == {"The President": "US", "Gromyko": "USSR", "Dobrynin": "USSR",
                     "Sukhodrev": None, "Thompson": "US", "Akalovsky": "US"}
