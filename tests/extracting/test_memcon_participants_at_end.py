"""A memorandum that lists its participants at the end, with full names and descriptions and
no side headings: the list still gives whole names and sides, the prose's speakers resolve to
the listed persons, and a promise to consult the President defers the proposal it answers."""
from __future__ import annotations


import pytest

from kg.records import Drafter, Participant, PersonMention, Proposal
from kg.resolving import resolve_document

@pytest.fixture(scope="module")
def records(memo_records):
    return memo_records("memcon_participants_at_end.txt")


def _person(records, printed: str, title: str | None = None) -> str:
    return resolve_document(records).lookup(printed, title).person.name


def test_a_listed_name_with_a_middle_initial_is_one_name(records):
    names = [p.name for p in records.of(Participant)]
    assert names == [None, "Foy D. Kohler", "Mikhail A. Menshikov", "Oleg Sokolov"]


def test_sides_come_from_the_descriptions_and_the_offices(records):
    sides = {(p.name or p.title): p.side for p in records.of(Participant)}
    assert sides == {"The Secretary": "US", "Foy D. Kohler": "US",
                     "Mikhail A. Menshikov": "USSR", "Oleg Sokolov": "USSR"}


def test_a_titled_given_name_and_surname_is_one_mention(records):
    surfaces = {m.surface for m in records.of(PersonMention)}
    assert {"Mr. Oleg Sokolov", "Ambassador Mikhail A. Menshikov", "Mr. Foy D. Kohler"} <= surfaces
    assert not surfaces & {"Mr. Oleg", "Ambassador Mikhail", "Mr. Foy"}


def test_initials_glued_to_the_surname_in_the_drafting_line_are_parted(records):
    (d,) = records.of(Drafter)
    assert d.name == "F. D. Kohler" and d.evidence[0].exact.endswith("EUR:SOV:FDKohler")
    assert _person(records, d.name) == "Foy D. Kohler"


def test_the_secretary_is_the_secretary_of_state_on_the_date(records):
    assert _person(records, "The Secretary", "The Secretary") == "Dean Rusk"


def test_a_promise_to_consult_the_president_defers_the_proposal(records):
    p, q = records.of(Proposal)
    assert p.evidence[0].exact == ("He suggested that an international conference be convened "
                                   "to settle the question.")
    assert _person(records, p.proposer) == "Mikhail A. Menshikov"
    assert p.status == "deferred"
    assert p.response_evidence[0].exact.startswith("The Secretary said he would have to consult")
    # a proposal put as a question, deferred by reporting it home
    assert q.evidence[0].exact.startswith("Mr. Kohler asked whether the Soviet Union would support")
    assert (q.status, q.response_evidence[0].exact) == (
        "deferred", "The Ambassador said he would report this to Moscow.")


def test_the_secretary_at_a_sentence_start_is_a_mention_of_the_secretary_of_state(records):
    m = next(m for m in records.of(PersonMention) if m.surface == "The Secretary")
    assert resolve_document(records).lookup(m.name, m.title).person.name == "Dean Rusk"


def test_the_ambassador_is_the_one_participant_listed_as_ambassador(records):
    m = next(m for m in records.of(PersonMention) if m.surface == "The Ambassador")
    assert resolve_document(records).lookup(m.name, m.title).person.name == "Mikhail A. Menshikov"
