"""In a memorandum written at an embassy, "The Ambassador" is the chief of mission of the day
(kg/data/posts.csv with the terms of offices.csv): listed without a name he is still a
participant, on his side, and the prose's "The Ambassador" is a mention of him."""
from __future__ import annotations


import pytest

from kg.extracting import run
from kg.reading.markdown import read_markdown
from kg.records import Participant, PersonMention, SpeakerTurn
from kg.resolving import resolve_document

@pytest.fixture(scope="module")
def records(memo_records):
    return memo_records("embassy_memcon_the_ambassador.txt")


def test_the_ambassador_listed_at_his_post_is_the_ambassador_of_the_day(records):
    amb = next(p for p in records.of(Participant) if p.title == "The Ambassador")
    assert (amb.name, amb.side) == (None, "US")
    res = resolve_document(records)
    assert res.lookup(None, amb.title).person.name == "Foy D. Kohler"      # from 1962-09-27
    assert "Foy D. Kohler" in {p.name for _, p in res.participants}


def test_the_ambassador_in_the_prose_is_a_mention_and_a_speaker(records):
    res = resolve_document(records)
    m = next(m for m in records.of(PersonMention) if m.surface == "The Ambassador")
    assert res.lookup(m.name, m.title).person.name == "Foy D. Kohler"
    assert records.of(SpeakerTurn)[0].speaker == "The Ambassador"


def test_the_same_title_in_washington_names_no_one_by_itself():
    raw = ("MEMORANDUM OF CONVERSATION\n\nWashington, November 3, 1962\n\n"
           "PARTICIPANTS: The Secretary; The Ambassador\n\nThe Ambassador said that he agreed.\n")
    records = run(read_markdown("t.md", raw))
    res = resolve_document(records)
    assert res.lookup(None, "The Ambassador") is None
    assert [p.name for _, p in res.participants] == ["Dean Rusk"]
