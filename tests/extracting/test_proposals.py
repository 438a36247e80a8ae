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


def test_an_agreement_that_adds_a_suggestion_accepts_and_the_suggestion_is_a_proposal(seed):
    # "Mr. Kuznetsov agreed but suggested that ...": the seed's gold reads it as accepted (the
    # FRUS gold too: "He agreed that ... should continue ..., but would hope ...", d151 P1)
    _, props = seed
    p = proposal_with(props, "He suggested that the Soviet Delegation give us the call signs")
    assert (p.proposer, p.status, p.responder) == ("Gilpatrick", "accepted", "Kuznetsov")
    assert p.response_evidence[0].exact.startswith("Mr. Kuznetsov agreed but suggested that")
    # the suggestion made with the agreement is a proposal of its own
    q = proposal_with(props, "US could perhaps give the Soviet Delegation the call signs of US vessels")
    assert (q.proposer, q.act) == ("Kuznetsov", "suggestion")


def test_a_condition_on_the_request_before_belongs_to_it(seed):
    _, props = seed
    p = proposal_with(props, "he would like to know the name/ of the ship")
    # "Unless this was a military secret, ..." conditions the request before it
    assert len(p.evidence) == 2 and p.act == "request"


def test_reported_suggestions_are_not_proposals_but_procedural_ones_are(seed):
    _, props = seed
    ev = " ".join(s.exact for p in props for s in p.evidence)
    assert "We had made a counter-proposal" not in ev                      # a report
    assert "Now, however, the US suggested that all ships" not in ev        # the other side's
    assert "we suggested that the checking be done" not in ev                # backing a colleague
    # moving the conversation on is put to the other side as well (FRUS conventions: "He
    # suggested that question be set aside")
    assert "He suggested that we return to weapons" in ev


def test_proposals_go_both_ways(seed):
    _, props = seed
    by = {p.proposer for p in props}
    assert {"Stevenson", "Gilpatrick", "Kuznetsov"} <= by
    assert {p.proposer_side for p in props} == {"US", "USSR"}


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


# --- the phrasing of the printed memoranda (FRUS 1958-68), on text written for these tests ---

FRUS = """SECRET; EXDIS
MEMORANDUM OF CONVERSATION
New York, September 24, 1966, 6:30 p.m.
SUBJECT: Non-Proliferation
PARTICIPANTS: US - Secretary Dean Rusk, Ambassador William C. Foster
USSR - Foreign Minister Andrei A. Gromyko, Ambassador Anatoliy F. Dobrynin
Drafted by William D. Krimer

"""


def frus(body: str):
    t = read_markdown("memo.md", FRUS + body)
    return t, proposals_of(t, run(t))


@pytest.mark.parametrize("sentence, act", [
    ("He hoped that both sides could work this out while Mr. Gromyko was still here.", "suggestion"),
    ("He thought it might be useful to have a strictly technical discussion of trade.", "suggestion"),
    ("It was necessary to make a start with a first small agreement.", "suggestion"),
    ("Could we have agreement that no nuclear power would transfer nuclear weapons?", "suggestion"),
    ("He asked whether the Soviet Union would be willing to consider a trade agreement.", "suggestion"),
    ("For our part we were prepared to undertake the necessary measures.", "offer"),
    ("We would be glad to receive any new ideas on the German problem.", "offer"),
    ("He asked that both sides be outspoken in order to clarify their positions.", "request"),
    ("He would appreciate it if the Secretary would state his views.", "request"),
    ("Berlin should be demilitarized and turned into a free city.", "demand"),
    ("He did wish to stress the desirability of not questioning the motives of governments.", "suggestion"),
    ("He could not see why our two countries could not agree about the heart of the matter.", "suggestion"),
    ("We had to find a way to get the two sides to talk to each other.", "suggestion"),
    ("If, however, we would concentrate on these three simple ideas, we did have agreement.", "suggestion"),
    ("The President asked Mr. Kosygin whether he did not agree with the proposals of his speech.", "suggestion"),
    ("He said he hoped that the U.S. Government would take steps to improve its relations.", "suggestion"),
    ("But he wanted Mr. Gromyko to have a chance to study the text carefully.", "request"),
    ("He said that this message was intended for the Secretary only and was not to be made public.", "demand"),
    ("The contents of the letter should be kept strictly confidential.", "demand"),
    ("He thought the President should take up this proposal with Hanoi.", "suggestion"),
    ("He thought that either the Chairman or his representatives could meet with our experts.", "suggestion"),
    ("The treaty must contain a prohibition against transfer to non-nuclear countries.", "demand"),
    ("There could be no peaceful settlement unless these forces were withdrawn.", "demand"),
    ("Two states could not be eliminated by vote; an interim stage was necessary.", "demand"),
])
def test_the_genres_ways_of_putting_something_to_the_other_side(sentence, act):
    assert proposal_act(sentence, "US", {"US", "USSR"}) == act


@pytest.mark.parametrize("sentence", [
    "He said only that the President had suggested a meeting last year.",          # had ...
    "As proposed by the Secretary, the text was read again.",
    "He recalled the original proposal of the Soviet Union.",
    "He would like to touch upon certain questions of importance.",                # agenda talk
    "The proposed treaty would cover all nuclear weapons.",
    "He noted that whenever the US considered it necessary for its own defense, it acted.",
    "Secretary Gilpatric emphasized the importance of the matter.",
    # a request to remember or understand is a move of the argument, not a proposal
    "He asked the Secretary to recall what had happened to the French in Indochina.",
    "Mr. Gromyko asked the President to bear in mind that this was an urgent meeting.",
    "The Secretary wanted Mr. Gromyko to understand very clearly that we sought no advantage.",
    "He wanted the President to know that the Soviet people wanted peace.",
    "The Soviet statement had been made public on December 7.",                   # an event
    # what the other could bear witness to is an argument
    "He thought the Secretary of State could confirm that the talks had been useful.",
    # readiness in general puts nothing concrete to the other side
    "He said the U.S. would be willing to consider any suggestions regarding trade.",
    "The Soviet Union was prepared to seek agreement on outstanding questions.",
    # what one had told the other side before is reported, not put again
    "The President had earlier informed Mr. Dobrynin that we would be prepared to talk.",
])
def test_reports_and_announcements_put_nothing_to_the_other_side(sentence):
    assert proposal_act(sentence, "US", {"US", "USSR"}) is None


def test_a_request_to_ones_own_colleague_is_answered_by_him_speaking():
    t, props = frus("The Secretary asked Ambassador Foster to clarify the three alternative drafts "
                    "of Article I.\n\nAmbassador Foster said that both sides had contributed to "
                    "the drafts.\n\nMr. Gromyko said that he had seen all three drafts.\n")
    (p,) = props
    assert (p.act, p.status, p.responder) == ("request", "accepted", "William C. Foster")


def test_an_answer_that_puts_a_proposal_of_its_own_counters():
    t, props = frus("The Secretary proposed that the negotiators meet again tomorrow.\n\n"
                    "Mr. Gromyko said that the Soviet side had studied the drafts. He suggested "
                    "instead that the ministers themselves settle the text tonight.\n")
    first = proposal_with(props, "negotiators meet again tomorrow")
    assert (first.status, first.responder) == ("countered", "Andrei A. Gromyko")


def test_a_later_answer_that_speaks_of_the_same_thing_settles_it():
    # "... and Mr. Gromyko agreed" closes a later paragraph of the Secretary's
    t, props = frus("The Secretary suggested that the press be told that preliminary discussions "
                    "had been held.\n\nMr. Gromyko said that the questions were very complex.\n\n"
                    "The Secretary repeated his view on the drafts.\n\nMr. Gromyko agreed that the "
                    "press be told that preliminary discussions had been held.\n")
    p = proposal_with(props, "The Secretary suggested that the press be told")
    assert p.status == "accepted"
    assert p.response_evidence[0].exact.startswith("Mr. Gromyko agreed that the press")


def test_not_excluding_a_possibility_defers_it():
    t, props = frus("Mr. Gromyko asked whether the U.S. would be willing to consider a trade "
                    "agreement.\n\nThe Secretary did not exclude such a possibility, but stressed "
                    "that there were political problems involved.\n")
    (p,) = props
    assert (p.proposer, p.status, p.responder) == ("Andrei A. Gromyko", "deferred", "Dean Rusk")


def test_a_sides_belief_that_something_is_most_important_puts_it_to_the_other_side():
    sentence = ("Thus, the Soviet Union believed it to be most important for the two countries to "
                "draw a line under the war.")
    assert proposal_act(sentence, "USSR", {"US", "USSR"}) == "suggestion"
    assert proposal_act(sentence, "US", {"US", "USSR"}) is None       # reported by the other side


def test_a_proposal_that_points_back_at_the_last_one_puts_it_again():
    # "he earnestly urged the President to weigh this possibility", "try this step" (d232)
    t, props = frus("Mr. Gromyko said that the bombing should be stopped at once.\n\n"
                    "The Secretary said that the other side had given no sign of restraint.\n\n"
                    "Mr. Gromyko urged the Secretary to weigh this possibility.\n")
    (p,) = [p for p in props if p.proposer == "Andrei A. Gromyko"]
    assert [s.exact for s in p.evidence] == ["Mr. Gromyko said that the bombing should be stopped at once.",
                                             "Mr. Gromyko urged the Secretary to weigh this possibility."]


def test_a_suggestion_made_in_so_many_words_after_a_condition_is_a_proposal_of_its_own():
    # "If this was indeed the case, he suggested that both sides join ..." (d153 l.12)
    t, props = frus("Mr. Gromyko asked that both sides be outspoken about the treaty. If this "
                    "was indeed the case, he suggested that both sides join in a concerted "
                    "effort to work out its language.\n\nThe Secretary agreed.\n")
    assert len(props) == 2


def test_a_formal_proposal_that_repeats_an_earlier_suggestion_is_a_new_proposal_with_its_answer():
    # d152: the suggestion of l.23, the formal "The Secretary proposed ..." of l.29 and Gromyko's
    # "agreed" answering both
    t, props = frus("The Secretary suggested that before the meeting on Saturday the negotiators "
                    "work out a text acceptable to both sides.\n\n"
                    "Mr. Gromyko restated his position on the treaty.\n\n"
                    "The Secretary proposed that the question be considered again by looking at "
                    "language to be drafted before the meeting on Saturday and Mr. Gromyko "
                    "agreed.\n")
    first = proposal_with(props, "The Secretary suggested that before the meeting")
    formal = proposal_with(props, "The Secretary proposed that the question")
    assert first is not formal
    assert (formal.status, formal.response_evidence[0].exact) == ("accepted", "Mr. Gromyko agreed.")
    assert first.status == "accepted"          # a proposal about the talks, gone along with


def test_a_restatement_joins_the_proposal_it_shares_most_words_with():
    # not the latest one it shares a few words with
    t, props = frus("Mr. Gromyko said that the Soviet Union was prepared to sign a treaty "
                    "banning direct and indirect proliferation.\n\n"
                    "The Secretary said that the US would never give up control of its weapons.\n\n"
                    "Mr. Gromyko asked the Secretary to clarify the US position on direct transfer "
                    "to alliances.\n\n"
                    "The Secretary said that no alliance would receive such weapons.\n\n"
                    "Mr. Gromyko repeated that the Soviet Union was prepared to sign a treaty "
                    "banning direct and indirect transfer through alliances.\n")
    p = proposal_with(props, "Mr. Gromyko said that the Soviet Union was prepared to sign")
    assert [s.exact.split()[2] for s in p.evidence] == ["said", "repeated"]
    q = proposal_with(props, "to clarify the US position")
    assert len(q.evidence) == 1


def test_a_sentence_that_says_it_puts_something_once_again_restates_the_speakers_proposal():
    # few words in common, but "once again" says it is the same request
    t, props = frus("Mr. Gromyko asked that both sides be outspoken about the foundations of a "
                    "treaty. He emphasized once again that he hoped both sides would be frank and "
                    "outspoken in their search.\n\nThe Secretary agreed.\n")
    (p,) = props
    assert len(p.evidence) == 2
