"""A memorandum of conference with the President: the heading names a participant the list
leaves out, an office with a nation names the one participant who holds it, a surname with a
particle is a person, and the typed name that closes the memorandum is its drafter."""
from __future__ import annotations


import pytest

from kg.extracting import run
from kg.records import Drafter, Participant, PersonMention, Proposal, SpeakerTurn
from kg.resolving import resolve_document

@pytest.fixture(scope="module")
def records(memo_records):
    return memo_records("conference_with_the_president.txt")


def test_the_office_holder_the_heading_names_is_a_participant(records):
    first = records.of(Participant)[0]
    assert (first.title, first.name, first.side) == ("The President", None, "US")
    assert first.evidence[0].exact == "THE PRESIDENT"
    assert resolve_document(records).lookup("The President", "The President").person.name == "John F. Kennedy"


def test_the_office_holder_is_not_listed_twice_when_the_list_names_him_too():
    from kg.reading.markdown import read_markdown
    raw = ("MEMORANDUM OF CONFERENCE WITH THE PRESIDENT\n\nOctober 22, 1962\n\n"
           "PARTICIPANTS: The President; Secretary Rusk\n\nThe President said that he agreed.\n")
    titles = [p.title for p in run(read_markdown("t.md", raw)).of(Participant)]
    assert titles.count("The President") == 1


def test_the_president_holds_the_floor_when_named_by_office(records):
    speakers = [t.speaker for t in records.of(SpeakerTurn)]
    assert speakers[0] == "The President" and speakers.count("The President") == 3


def test_an_office_with_a_nation_names_that_sides_holder(records):
    turn = next(t for t in records.of(SpeakerTurn) if t.printed == "The British Ambassador")
    assert turn.speaker == "David Ormsby-Gore"


def test_the_presidents_agreement_accepts_the_suggestion_before_it(records):
    p = next(p for p in records.of(Proposal) if p.proposer == "David Ormsby-Gore")
    assert p.status == "accepted" and p.response_evidence[0].exact == "The President agreed."


def test_a_surname_with_a_particle_is_a_person(records):
    m = next(m for m in records.of(PersonMention) if m.name == "de Gaulle")
    assert m.surface == "General de Gaulle"
    assert resolve_document(records).lookup(m.name, m.title).person.name == "Charles de Gaulle"


def test_the_typed_name_closing_the_memorandum_is_its_drafter(records):
    (d,) = records.of(Drafter)
    assert (d.name, d.role, d.extractor) == ("McGeorge Bundy", "drafter", "signatures")


def test_the_british_ambassador_is_a_mention_of_the_british_participant(records):
    m = next(m for m in records.of(PersonMention) if m.surface == "The British Ambassador")
    assert resolve_document(records).lookup(m.name, m.title).person.name == "David Ormsby-Gore"


def test_the_president_opening_a_sentence_is_printed_with_its_article(records):
    surfaces = [m.surface for m in records.of(PersonMention) if m.title and "President" in m.title]
    assert "The President" in surfaces and "President" not in surfaces


def test_a_title_two_participants_share_names_neither():
    from kg.reading.markdown import read_markdown
    raw = ("MEMORANDUM OF CONVERSATION\n\nOctober 22, 1962\n\n"
           "PARTICIPANTS: Ambassador Thompson; Ambassador Dobrynin\n\n"
           "The Ambassador said that the talks had been useful to both governments.\n")
    assert not [m for m in run(read_markdown("t.md", raw)).of(PersonMention)
                if m.surface == "The Ambassador"]
