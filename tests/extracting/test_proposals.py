"""Proposals and responses as a specification of the genre.

What one side puts to the other (suggestions, offers, requests, demands) and what the document
shows of the answer: accepted, rejected, deferred, countered or none.  The seed
(seeds/000_518769ec419a4fc7.txt) and small memoranda written for these tests.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kg.extracting import run  # noqa: E402
from kg.extracting.proposals import proposal_act  # noqa: E402
from kg.reading import read_file  # noqa: E402
from kg.reading.markdown import read_markdown  # noqa: E402
from kg.records import Proposal  # noqa: E402

SEED = ROOT / "seeds" / "000_518769ec419a4fc7.txt"

HEAD = """SECRET

MEMORANDUM OF CONVERSATION

October 30, 1962

PARTICIPANTS: US - Ambassador Stevenson
Mr. McCloy
USSR- Mr. Kuznetsov
Mr. Zorin

"""


def proposals_of(t, records) -> list[Proposal]:
    out = records.of(Proposal)
    for p in out:
        for s in p.evidence + p.response_evidence:
            assert t.raw[s.start:s.end] == s.exact
    return out


def proposal_with(props, needle: str) -> Proposal:
    hits = [p for p in props if any(needle in s.exact for s in p.evidence)]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def memo(body: str):
    t = read_markdown("memo.md", HEAD + body)
    return t, proposals_of(t, run(t))


@pytest.fixture(scope="module")
def seed():
    t = read_file(SEED)
    return t, proposals_of(t, run(t))


# --- the seed ------------------------------------------------------------------------------

def test_an_offer_by_the_us_side(seed):
    _, props = seed
    p = proposal_with(props, "The US was prepared to have the UN charter a one of the Swedish ships")
    assert (p.proposer, p.act, p.proposer_side, p.addressee_side) == ("Stevenson", "offer", "US", "USSR")
    # restated two turns on ("The US was prepared to accept any other neutral ship"): the same one
    assert any("prepared to accept any other neutral ship" in s.exact for s in p.evidence)


def test_an_agreement_after_a_suggestion_marks_it_accepted(seed):
    _, props = seed
    p = proposal_with(props, "He suggested that the Soviet Delegation give us the call signs")
    assert (p.proposer, p.status, p.responder) == ("Gilpatrick", "accepted", "Kuznetsov")
    assert p.response_evidence[0].exact.startswith("Mr. Kuznetsov agreed but suggested that")
    # the suggestion made with the agreement is a proposal of its own, unanswered
    q = proposal_with(props, "US could perhaps give the Soviet Delegation the call signs of US vessels")
    assert (q.proposer, q.status, q.responder) == ("Kuznetsov", "none", None)


def test_responses_rejected_deferred_and_countered(seed):
    _, props = seed
    p = proposal_with(props, "We must therefore ask the Soviet Union to ensure")
    assert (p.act, p.status, p.responder) == ("request", "rejected", "Kuznetsov")
    assert "could not accept Amb. Stevenson's statement" in p.response_evidence[0].exact
    p = proposal_with(props, "suggested that the USSR provide a schedule for the shipping")
    assert p.status == "deferred"
    assert p.response_evidence[0].exact.startswith("He said that he would ask for a confirmation")
    p = proposal_with(props, "If the USSR could give us the time and place for rendezvous")
    assert (p.act, p.status) == ("request", "countered")
    p = proposal_with(props, "the simplest solution would be to use the ALMATA")
    assert (p.proposer, p.status, p.responder) == ("Kuznetsov", "rejected", "Yost")
    p = proposal_with(props, "the sooner it was lifted the better")
    assert (p.act, p.status, p.responder) == ("demand", "countered", "Stevenson")
    assert "as soon as they were established" in p.response_evidence[0].exact


def test_a_request_left_unanswered_has_status_none(seed):
    _, props = seed
    p = proposal_with(props, "he would like to know the name/ of the ship")
    assert p.status == "none" and not p.response_evidence
    # "Unless this was a military secret, ..." conditions the request before it
    assert len(p.evidence) == 2


def test_reported_and_agenda_suggestions_are_not_proposals(seed):
    _, props = seed
    ev = " ".join(s.exact for p in props for s in p.evidence)
    assert "We had made a counter-proposal" not in ev                      # a report
    assert "Now, however, the US suggested that all ships" not in ev        # the other side's
    assert "He suggested that we return to weapons" not in ev               # the agenda
    assert "we suggested that the checking be done" not in ev                # backing a colleague


def test_proposals_go_both_ways(seed):
    _, props = seed
    by = {p.proposer for p in props}
    assert {"Stevenson", "Gilpatrick", "Kuznetsov"} <= by
    assert 18 <= len(props) <= 28


# --- small memoranda -----------------------------------------------------------------------

def test_small_memo_an_agreement_after_a_suggestion_marks_it_accepted():
    t, props = memo("Ambassador Stevenson suggested that the Soviet ships stop at the quarantine "
                    "line for inspection.\n\nMr. Kuznetsov agreed, and said that the masters "
                    "would be instructed accordingly.\n")
    assert [(p.proposer, p.act, p.status, p.responder) for p in props] == [
        ("Stevenson", "suggestion", "accepted", "Kuznetsov")]
    assert props[0].response_evidence[0].exact.startswith("Mr. Kuznetsov agreed,")


def test_small_memo_a_refusal_marks_it_rejected():
    t, props = memo("Mr. Kuznetsov said that the US should lift the quarantine at once.\n\n"
                    "Ambassador Stevenson said that the United States could not accept this "
                    "while the missiles remained in Cuba.\n")
    assert [(p.proposer, p.act, p.status, p.responder) for p in props] == [
        ("Kuznetsov", "demand", "rejected", "Stevenson")]


def test_small_memo_consulting_the_government_defers():
    t, props = memo("Ambassador Stevenson asked Mr. Kuznetsov to provide a list of the ships "
                    "leaving Cuba.\n\nMr. Kuznetsov said that he would consult his Government "
                    "and reply later.\n")
    assert [(p.act, p.status) for p in props] == [("request", "deferred")]


def test_small_memo_a_condition_on_the_same_action_counters():
    t, props = memo("Mr. Kuznetsov urged the United States to lift the quarantine.\n\n"
                    "Ambassador Stevenson replied that the quarantine would be lifted as soon "
                    "as the United Nations arrangements were in place.\n")
    assert [(p.status, p.responder) for p in props] == [("countered", "Stevenson")]


def test_small_memo_no_answer_from_the_other_side_is_none():
    t, props = memo("Ambassador Stevenson suggested that the Soviet Union furnish the number "
                    "of warheads.\n\nMr. McCloy added that the figures would be checked.\n")
    assert [(p.status, p.responder) for p in props] == [("none", None)]


def test_sides_decide_whose_wish_is_a_proposal():
    assert proposal_act("The USSR wished the US to stop these flights.", "USSR", {"US", "USSR"}) == "demand"
    assert proposal_act("The US wanted the USSR to decide for other countries.", "USSR", {"US", "USSR"}) is None
    assert proposal_act("Mr. X had suggested that a neutral ship be used.", "US", {"US", "USSR"}) is None


@pytest.mark.parametrize("answer, status", [
    ("The President said that he would decide tomorrow.", "deferred"),
    ("He said he would give us an answer after consulting his colleagues.", "deferred"),
    ("The Minister said he would study the proposal.", "deferred"),
    ("The Attorney General said he would oppose a surprise attack.", "rejected"),
    ("I told him that I would report his proposal to Washington.", "deferred"),
    ("We had made a counter-proposal which they rejected.", None),
])
def test_answers_of_the_genre_and_their_status(answer, status):
    from kg.extracting.proposals import _cue
    assert _cue(answer) == status
