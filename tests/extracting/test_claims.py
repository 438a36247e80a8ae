"""Claims as a specification of the genre: what each speaker asserts, one sentence a claim.

The seed (seeds/000_518769ec419a4fc7.txt) and small memoranda written for these tests.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kg.extracting import run  # noqa: E402
from kg.reading import read_file  # noqa: E402
from kg.reading.markdown import read_markdown  # noqa: E402
from kg.records import Claim, Proposal  # noqa: E402

SEED = ROOT / "seeds" / "000_518769ec419a4fc7.txt"

HEAD = """SECRET

MEMORANDUM OF CONVERSATION

October 30, 1962

Drafted by A. Akalovsky

PARTICIPANTS: US - Ambassador Stevenson
USSR- Mr. Kuznetsov

"""


def claims_of(t, records) -> list[Claim]:
    out = records.of(Claim)
    for c in out:
        for s in c.evidence:
            assert t.raw[s.start:s.end] == s.exact
    return out


def claim_with(claims, needle: str) -> Claim:
    hits = [c for c in claims if needle in c.evidence[0].exact]
    assert len(hits) == 1, (needle, [c.evidence[0].exact for c in hits])
    return hits[0]


@pytest.fixture(scope="module")
def seed():
    t = read_file(SEED)
    records = run(t)
    return t, records, claims_of(t, records)


def test_a_claim_is_one_sentence_of_the_speakers_turn(seed):
    t, _, claims = seed
    c = claim_with(claims, "The USSR regarded the so-called quarantine by the US as")
    assert c.speaker == "Kuznetsov" and c.topic == "quarantine"
    assert c.evidence[0].exact == (
        "The USSR regarded the so-called quarantine by the US as <sup>being</sup> illegal, "
        "contrary to international law and to the freedom of the seas, and as a violation of "
        "the United Nations Charter.")


def test_claims_are_short_enough_to_be_evidence(seed):
    _, _, claims = seed
    assert all(len(c.evidence[0].exact.split()) < 160 for c in claims)
    assert len(claims) > 150


def test_a_misprinted_speakers_claims_are_the_participants(seed):
    _, _, claims = seed
    c = claim_with(claims, "Mr. Gusev replied ~~that~~ that the Soviet Government had taken")
    assert c.speaker == "Kuznetsov"
    c = claim_with(claims, "this problem was different from the problem of missiles")
    assert c.speaker == "Kuznetsov"


def test_the_drafters_aside_is_the_drafters_claim(seed):
    _, _, claims = seed
    c = claim_with(claims, "(Zorin passed a note to the interpreter")
    assert c.narration and c.speaker == "A. Akalovsky" and c.topic == "warheads"


def test_each_speaker_keeps_his_claims(seed):
    _, _, claims = seed
    for needle, who in [("the only question that remained in connection with that problem", "Stevenson"),
                        ("we had understood ~~that~~ the USSR had originally proposed", "Yost"),
                        ("Secretary Gilpatric added that the assumption was", "Gilpatrick"),
                        ("such overflights were categorically objected to by Cuba", "Kuznetsov"),
                        ("The IL-28 problem was being taken up by the President", "Stevenson")]:
        assert claim_with(claims, needle).speaker == who, needle


def test_procedure_and_proposals_are_not_claims(seed):
    t, records, claims = seed
    texts = [c.evidence[0].exact for c in claims]
    assert not any("he had no suggestion as to the next meeting" in x for x in texts)
    # a sentence that puts a proposal is no claim (a clause beside it may be)
    proposed = {(s.start, s.end) for p in records.of(Proposal) for s in p.evidence}
    assert not proposed & {(c.evidence[0].start, c.evidence[0].end) for c in claims}


def test_a_small_memo_claims_by_speaker_with_topics():
    t = read_markdown("memo.md", HEAD + (
        "Ambassador Stevenson thanked Mr. Kuznetsov for coming. He said that the quarantine "
        "would remain until the missiles were removed. Was that not clear?\n\n"
        "Mr. Kuznetsov said that the IL-28 aircraft were fifteen years old and purely "
        "defensive.\n"))
    claims = claims_of(t, run(t))
    assert [(c.speaker, c.topic, c.evidence[0].exact) for c in claims] == [
        ("Stevenson", "quarantine",
         "He said that the quarantine would remain until the missiles were removed."),
        ("Kuznetsov", "IL-28 bombers",
         "Mr. Kuznetsov said that the IL-28 aircraft were fifteen years old and purely defensive."),
    ]


def test_opening_the_conversation_by_saying_something_is_a_claim_but_inviting_is_not():
    from kg.extracting.claims import _is_claim
    assert _is_claim("The Secretary opened the conversation by saying that the United States "
                     "was deeply concerned about the situation in Laos.")
    assert not _is_claim("Ambassador Stevenson opened the conversation by inviting Mr. Kuznetsov "
                         "to state his views.")


def test_a_courtesy_alone_is_procedure_but_thanks_for_something_done_asserts_it():
    # FRUS 1964-68 XIV d75: "The Secretary thanked Mr. Gromyko for the good reception ..."
    t = read_markdown("memo.md", HEAD + (
        "Ambassador Stevenson thanked Mr. Kuznetsov.\n\n"
        "Mr. Kuznetsov thanked Ambassador Stevenson for the good reception given to the Soviet "
        "businessmen who recently visited New York.\n"))
    claims = claims_of(t, run(t))
    assert [c.speaker for c in claims] == ["Kuznetsov"]


def test_a_question_in_the_speakers_own_words_is_a_claim():
    # FRUS 1964-68 XIV d234: "How could the US reduce its military expenditures while ...?"
    t = read_markdown("memo.md", HEAD + (
        "Mr. Kuznetsov said that the budget had been cut. How could the US reduce its military "
        "expenditures while it was spending billions on the war?\n"))
    claims = claims_of(t, run(t))
    assert claim_with(claims, "How could the US reduce").speaker == "Kuznetsov"


def test_the_clause_that_asserts_beside_an_offer_is_a_claim():
    # FRUS 1964-68 XI d151: an offer and, after the semicolon, what the US could not do
    t = read_markdown("memo.md", HEAD + (
        "Ambassador Stevenson said that for our part we were prepared to undertake the measures "
        "on our own territory; we could not, however, force third countries to do the same.\n"))
    records = run(t)
    claims = claims_of(t, records)
    assert [c.evidence[0].exact for c in claims] == [
        "we could not, however, force third countries to do the same."]
    assert [p.act for p in records.of(Proposal)] == ["offer"]


@pytest.mark.parametrize("sentence, topic", [
    ("Mr. Gromyko said that the non-proliferation treaty must ban any transfer.", "non-proliferation"),
    ("We were prepared to allow mutual use of tracking stations.", "outer space"),
    ("He had come to expedite the wheat deliveries.", "trade"),
    ("The Soviet Union wanted West Berlin to be a free city.", "Berlin"),
    ("Hanoi would go to the conference table if the bombing stopped.", "Vietnam"),
])
def test_the_topics_are_the_matters_of_the_period_not_one_documents_words(sentence, topic):
    from kg.extracting.discourse import topic_of
    assert topic_of(sentence) == topic


@pytest.mark.parametrize("sentence", [
    "He said that we believed very strongly that this problem was most urgent and important.",
    "The US was prepared to have the UN charter a neutral ship.",          # a verb, not the Charter
])
def test_a_topic_is_named_by_its_words_not_by_a_piece_of_another_word(sentence):
    # "important" holds "import", "charter a ship" is no UN Charter
    from kg.extracting.discourse import topics_of
    assert topics_of(sentence) == set()
