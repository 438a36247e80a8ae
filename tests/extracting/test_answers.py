"""How a memorandum of conversation reports the answer to a proposal, as a specification of the
genre (kg.extracting.answers).

The words of an answer (their status, and when they are no answer at all), then small memoranda
written for these tests in the phrasing of the printed FRUS memoranda of 1958-68 (the
development set's Rusk-Gromyko, Johnson-Kosygin and Dulles-Mikoyan conversations; no sentence is
copied from them) and of the seed.
"""
from __future__ import annotations

import pytest
from test_proposals import frus, proposal_with as put   # the FRUS-style memorandum of the tests

from kg.extracting.answers import cues, is_procedural, verdict
from kg.records import Proposal


def memo(body: str) -> list[Proposal]:
    return frus(body)[1]


# --- the words of an answer ----------------------------------------------------------------

@pytest.mark.parametrize("answer, status", [
    ("Mr. Gromyko agreed.", "accepted"),
    ("He said that he had no objection and had issued the necessary instructions.", "accepted"),
    ("Mr. Gromyko and Ambassador Dobrynin expressed interest in the Secretary's idea.", "accepted"),
    ("If the Secretary understood the question correctly, his answer was an unqualified yes.", "accepted"),
    ("The President said that he would decide tomorrow.", "deferred"),
    ("He said he would give us an answer after consulting his colleagues.", "deferred"),
    ("The Minister said he would study the proposal.", "deferred"),
    ("The Secretary did not exclude such a possibility.", "deferred"),
    ("I told him that I would report his proposal to Washington.", "deferred"),
    ("The Attorney General said he would oppose a surprise attack.", "rejected"),
    ("He could not agree with such an approach.", "rejected"),
    ("President Johnson repeated that such a resolution would not be heeded.", "rejected"),
    ("He did not think it fair to call it negative.", "rejected"),
])
def test_the_words_of_an_answer_and_their_status(answer, status):
    assert verdict(cues(answer), procedural=False) == status


@pytest.mark.parametrize("answer", [
    "We had made a counter-proposal which they rejected.",             # a report of the past
    "It had already been discussed and agreed that the teams would check the cargo.",
])
def test_what_was_agreed_or_refused_before_is_no_answer(answer):
    assert cues(answer) == set()


def test_agreeing_that_a_fact_holds_concedes_a_point_and_accepts_nothing():
    # the clause after "agreed that": a statement of fact ("was", "had") concedes a point of the
    # argument; a course of action ("should", "would", the subjunctive "meet") is accepted
    assert cues("Mr. Gromyko agreed that the negotiations had achieved positive results.") == set()
    assert cues("The Secretary agreed that there was indeed some interest in more trade.") == set()
    assert cues("He agreed that the representatives should continue to exchange opinions.") == {"accepted"}
    assert cues("Mr. Gromyko agreed that the press be told that talks had been held.") == {"accepted"}
    assert cues("The President agreed that it would not be possible to discuss it now.") == {"accepted"}


@pytest.mark.parametrize("answer", [
    "He had been there and his own forces had withdrawn to the agreed line.",   # an adjective
    "We did not alter an agreed policy unilaterally.",
    "The treaty could be tabled, leaving that question to be agreed upon later.",  # still to come
])
def test_agreed_as_an_adjective_or_still_to_come_is_no_answer(answer):
    assert "accepted" not in cues(answer)


@pytest.mark.parametrize("answer", [
    "If we agreed on the content of the treaty, the negotiators could put it on paper.",
    "Mr. Gromyko asked whether the U.S. would be willing to consider a trade agreement.",
    "The Soviet Union might well object to this, but it had nothing to do with the treaty.",
    "Under such hypothetical circumstances the Soviet Union could not agree to hold talks.",
])
def test_words_put_hypothetically_or_asked_answer_nothing(answer):
    assert cues(answer) == set()


def test_a_reservation_still_defers_though_the_agreement_it_awaits_is_no_answer():
    assert cues("We would have to consult our allies before we said finally that we agreed.") == {"deferred"}


def test_what_would_not_help_refuses_but_a_policy_stated_in_the_same_words_does_not():
    assert cues("He said that such a step would not help.") == {"rejected"}
    assert cues("We would not help any country obtain nuclear weapons.") == set()


def test_thanks_accept_an_offer_and_answer_nothing_else():
    assert cues("Ambassador Stevenson thanked Mr. Kuznetsov.", act="offer") == {"accepted"}
    assert cues("Ambassador Stevenson thanked Mr. Kuznetsov.", act="request") == set()


@pytest.mark.parametrize("found, procedural, status", [
    ({"accepted", "rejected"}, False, "countered"),     # agrees to a part, refuses the rest
    ({"accepted", "deferred"}, False, "deferred"),      # agrees, but must consult
    ({"referral"}, False, "deferred"),                  # hands the matter to the negotiators
    ({"referral", "accepted"}, False, "deferred"),      # "agreed that representatives meet and discuss"
    ({"referral", "accepted"}, True, "accepted"),       # ... which is what was proposed
    (set(), False, None),
])
def test_one_status_from_the_words_of_an_answer(found, procedural, status):
    assert verdict(found, procedural) == status


@pytest.mark.parametrize("proposal, procedural", [
    ("He suggested another meeting with the Chairman on Sunday afternoon.", True),
    ("Mr. Gromyko suggested that the representatives get together again tomorrow.", True),
    ("He hoped that our colleagues could resume their discussions here in New York.", True),
    ("The Secretary proposed that the press merely be told that talks had been held.", True),
    ("He suggested that question be set aside.", True),
    ("Perhaps the President might first wish to comment on the arms race problem.", True),
    ("We are willing to work out a bilateral tracking station agreement.", False),
    ("He hoped the President would consider the matter again.", False),
    ("Berlin should be demilitarized and turned into a free city.", False),
])
def test_a_proposal_about_the_conduct_of_the_talks(proposal, procedural):
    assert is_procedural(proposal) is procedural


# --- answers in their turns ----------------------------------------------------------------

def test_handing_the_matter_to_negotiators_defers_a_proposal_of_substance():
    (p,) = memo("Mr. Gromyko said the control article was an insignificant problem. Why could "
                "not the Secretary and he agree to settle it now?\n\n"
                "The Secretary said that this should be worked out by the negotiators in Geneva.\n")
    assert (p.status, p.responder) == ("deferred", "Dean Rusk")


def test_agreeing_that_representatives_meet_and_discuss_it_defers_an_offer():
    (p,) = memo("Ambassador Foster said that we were willing to work out a bilateral tracking "
                "station agreement with the USSR.\n\n"
                "Mr. Gromyko agreed that representatives of the two countries meet and discuss "
                "possible solutions.\n")
    assert (p.act, p.status) == ("offer", "deferred")


def test_going_along_with_a_proposal_about_the_talks_accepts_it():
    (p,) = memo("Mr. Gromyko suggested that the representatives of the two sides get together "
                "again tomorrow or Monday.\n\n"
                "The Secretary said he had instructions to make a maximum effort to reach "
                "agreement.\n")
    assert (p.status, p.responder) == ("accepted", "Dean Rusk")


def test_an_answer_that_argues_back_counters_a_proposal_of_substance():
    (p,) = memo("Mr. Gromyko said that Berlin should be demilitarized and turned into a free "
                "city.\n\n"
                "The Secretary said that the occupation rights rested on the wartime "
                "agreements.\n")
    assert (p.status, p.responder) == ("countered", "Dean Rusk")


def test_an_invitation_to_comment_is_accepted_by_commenting_whatever_the_comment_says():
    props = memo("Mr. Gromyko said that perhaps the Secretary might first wish to comment on "
                 "the arms race problem.\n\n"
                 "The Secretary noted that both sides had submitted many proposals on "
                 "disarmament. He said the U.S. would study any new Soviet ideas.\n")
    p = put(props, "might first wish to comment")
    assert (p.status, p.responder) == ("accepted", "Dean Rusk")


def test_thanks_answer_the_offer_they_follow_and_not_the_request_beside_it():
    props = memo("Mr. Gromyko said that the Soviet side would consider the question and would "
                 "inform the US Delegation of its position by telephone.\n\n"
                 "He would like to know the name of the ship and the other pertinent data.\n\n"
                 "The Secretary thanked Mr. Gromyko and said that somebody would be available "
                 "at the Mission to take his call.\n")
    offer = put(props, "would inform the US Delegation")
    request = put(props, "would like to know the name")
    assert (offer.act, offer.status) == ("offer", "accepted")
    assert request.status != "accepted"


def test_an_answer_that_closes_the_conversation_leaves_the_proposal_unanswered():
    (p,) = memo("Mr. Gromyko said that the USSR and the United States should live together in "
                "peace.\n\n"
                "In closing the conversation after another exchange of compliments, the "
                "Secretary repeated his thanks for the hospitality shown him.\n")
    assert (p.status, p.responder, p.response_evidence) == ("none", None, ())


def test_an_answer_that_opens_on_another_matter_leaves_the_proposal_unanswered():
    props = memo("Mr. Gromyko said that the US should lift its measures against Cuba.\n\n"
                 "Ambassador Foster then turned to the question of the warheads, and suggested "
                 "that their number be furnished.\n")
    p = put(props, "should lift its measures")
    assert p.status == "none"


def test_refusing_and_putting_an_alternative_counters_refusing_only_rejects():
    (p,) = memo("Mr. Gromyko said that the treaty must contain a ban on access through "
                "alliances.\n\n"
                "The Secretary said he could not accept this.\n")
    assert p.status == "rejected"
    props = memo("Mr. Gromyko said that the treaty must contain a ban on access through "
                 "alliances.\n\n"
                 "The Secretary said he could not accept this. He suggested instead that the "
                 "treaty ban any transfer of nuclear weapons.\n")
    assert put(props, "must contain a ban").status == "countered"


def test_agreeing_and_adding_a_suggestion_accepts():
    props = memo("The Secretary suggested that the Soviet Delegation give us the call signs of "
                 "Soviet ships.\n\n"
                 "Mr. Gromyko agreed but suggested that the US give the call signs of its "
                 "vessels as well.\n")
    p = put(props, "give us the call signs")
    assert (p.status, p.responder) == ("accepted", "Andrei A. Gromyko")


def test_the_answer_follows_where_the_proposal_was_first_put_not_its_restatement():
    # the coalition government put twice, answered in between (d137: l.16, l.36, l.38)
    props = memo("Mr. Gromyko said that a coalition government of the two German states should "
                 "be formed.\n\n"
                 "The Secretary said that the government in East Germany had been imposed upon "
                 "the people.\n\n"
                 "Mr. Gromyko said that this was not so, and that a coalition government of the "
                 "two German states should be formed soon.\n")
    p = put(props, "should be formed.")
    assert len(p.evidence) == 2                       # the restatement is the same proposal
    assert (p.status, p.responder) == ("countered", "Dean Rusk")
    assert p.response_evidence[0].exact.startswith("The Secretary said that the government")


def test_in_an_answer_to_several_proposals_each_is_answered_by_the_words_about_it():
    props = memo("The Secretary suggested that the USSR provide a schedule for shipping the "
                 "missiles. He also suggested that the covers be removed from one or two "
                 "missile crates.\n\n"
                 "Mr. Gromyko said he would ask his Government for a confirmation of the "
                 "shipping schedule. As to the covers, he could not agree to remove them.\n")
    schedule, covers = put(props, "provide a schedule"), put(props, "covers be removed")
    assert (schedule.status, covers.status) == ("deferred", "rejected")


def test_an_answer_that_asks_back_leaves_the_proposal_open():
    props = memo("The Secretary said he hoped that we could settle the wording of the treaty "
                 "this week.\n\n"
                 "Mr. Gromyko asked for clarification. He said that the Secretary had spoken of "
                 "control over the weapons, and this was a different matter.\n")
    p = put(props, "settle the wording")
    assert (p.status, p.responder, p.response_evidence) == ("none", None, ())
    props = memo("Ambassador Foster said that the US would be interested in the Soviet experience "
                 "of trade with other countries.\n\n"
                 "Mr. Gromyko asked whether the U.S. would be willing to consider a long-term "
                 "trade agreement.\n")
    assert put(props, "would be interested in the Soviet").status == "none"


def test_asking_back_and_then_refusing_still_refuses():
    props = memo("The Secretary suggested that the treaty ban any transfer of nuclear weapons.\n\n"
                 "Mr. Gromyko asked whether this meant transfer to alliances. He said he could "
                 "not accept a ban on transfer of nuclear weapons that left alliances free.\n")
    assert put(props, "ban any transfer").status == "rejected"
