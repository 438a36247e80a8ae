"""Speaker turns as a specification of the genre: who holds the floor, stretch by stretch.

The seed (seeds/000_518769ec419a4fc7.txt, a memorandum of conversation, New York, November 6,
1962) and small memoranda and a telegram written for these tests.
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
from kg.records import Participant, SpeakerTurn  # noqa: E402

SEED = ROOT / "seeds" / "000_518769ec419a4fc7.txt"

HEAD = """SECRET

MEMORANDUM OF CONVERSATION

October 30, 1962

Drafted by A. Akalovsky

SUBJECT: Cuba

PARTICIPANTS: US - Ambassador Stevenson
Mr. McCloy
USSR- Mr. Kuznetsov
Mr. Zorin

"""


def turns_of(t, records) -> list[SpeakerTurn]:
    out = records.of(SpeakerTurn)
    for turn in out:
        for s in turn.evidence:
            assert t.raw[s.start:s.end] == s.exact
    return out


def turn_at(t, turns, needle: str) -> SpeakerTurn:
    """The turn whose evidence holds the raw offset of ``needle``."""
    at = t.raw.index(needle)
    hits = [x for x in turns if any(s.start <= at < s.end for s in x.evidence)]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def memo(body: str, head: str = HEAD):
    t = read_markdown("memo.md", head + body)
    return t, run(t)


@pytest.fixture(scope="module")
def seed():
    t = read_file(SEED)
    records = run(t)
    return t, records, turns_of(t, records)


# --- the seed ------------------------------------------------------------------------------

def test_every_turn_is_an_exact_slice_and_turns_are_in_text_order(seed):
    t, _, turns = seed
    starts = [x.evidence[0].start for x in turns]
    assert starts == sorted(starts)
    assert [x.index for x in turns] == list(range(len(turns)))


def test_a_turn_continues_across_a_page_break(seed):
    t, _, turns = seed
    opening = turn_at(t, turns, "Mr. Kuznetsov said he wished to repeat that the USSR agreed")
    after_break = turn_at(t, turns, "into any commitments. The US was free to use any procedure")
    assert opening is after_break
    assert opening.speaker == "Kuznetsov"
    assert t.raw.index("- 10 -") in range(opening.evidence[0].start, opening.evidence[0].end)


def test_a_pronoun_carries_the_floor_to_the_next_paragraph(seed):
    t, _, turns = seed
    first = turn_at(t, turns, "Ambassador Stevenson opened the conversation")
    carried = turn_at(t, turns, "He observed that in view of the rapidity")
    assert first is carried and first.speaker == "Stevenson"
    assert len(first.evidence) == 2          # two paragraphs, one turn


def test_a_speaker_absent_from_the_participants_is_resolved_to_a_participant_and_flagged(seed):
    t, records, turns = seed
    listed = {p.name for p in records.of(Participant) if p.name}
    assert {x.speaker for x in turns if not x.narration} <= listed      # no phantom speaker
    corrected = {x.printed: x for x in turns if x.corrected}
    assert set(corrected) == {"Mr. Gusev", "Mr. Grometsov", "Mr. Gromyko"}
    for x in corrected.values():
        assert x.speaker == "Kuznetsov" and x.side == "USSR"
        assert 0 < x.confidence < 1
    # the reply to an invitation addressed to the other side's member goes to him
    assert corrected["Mr. Gusev"].basis == "reply"
    # "X continued" keeps the floor with whoever held it
    assert corrected["Mr. Gromyko"].basis == "continuation"
    # a later "Mr. Kuznetsov went on to say" names who held this stretch
    assert corrected["Mr. Grometsov"].basis == "continuation"


def test_a_spelling_variant_of_a_participant_is_that_participant(seed):
    t, _, turns = seed
    x = turn_at(t, turns, "Mr. Kusnetsov did not believe")
    assert x.speaker == "Kuznetsov" and x.printed == "Mr. Kusnetsov"
    assert x.basis == "variant" and not x.corrected


def test_the_drafters_parenthetical_is_narration(seed):
    t, _, turns = seed
    aside = turn_at(t, turns, "(Zorin passed a note to the interpreter")
    assert aside.narration and aside.speaker == "A. Akalovsky" and aside.basis == "drafter"
    assert aside.evidence[0].exact.startswith("(Zorin passed a note")
    assert aside.evidence[0].exact.endswith("from his translation.)")
    after = turn_at(t, turns, "In addition to these steps, the following must be done")
    assert not after.narration and after.speaker == "Kuznetsov"


def test_a_struck_through_name_is_not_a_speaker(seed):
    t, _, turns = seed
    struck_at = t.raw.index("~~Mr. Gromyko~~ <sup>if</sup> continued")
    x = turn_at(t, turns, "~~Mr. Gromyko~~ <sup>if</sup> continued")
    assert x.speaker == "Kuznetsov"
    assert x.evidence[0].start < struck_at     # carried on from the turn before, not opened
    assert [y.printed for y in turns].count("Mr. Gromyko") == 1


def test_a_name_in_the_prose_of_a_turn_does_not_take_the_floor(seed):
    t, _, turns = seed
    # "Mr. Kuznetsov had indicated ..." inside Stevenson's turn: pluperfect, reported
    x = turn_at(t, turns, "yesterday Mr. Kuznetsov had indicated that they would not be removed")
    assert x.speaker == "Stevenson"
    # after a leading phrase the name still opens the turn
    y = turn_at(t, turns, "As to further talks, Mr. Kuznetsov said")
    assert y.speaker == "Kuznetsov" and y.printed == "Mr. Kuznetsov"


def test_the_seed_turns_alternate_as_the_gold_reading_has_them(seed):
    t, _, turns = seed
    expected = [("Ambassador Yost observed", "Yost"), ("Secretary Gilpatrick commented", "Gilpatrick"),
                ("Mr. Stevenson wondered whether", "Stevenson"),
                ("The IL-28 problem was being taken up", "Stevenson"),
                ("Secretary Gilpatric emphasized", "Gilpatrick")]
    for needle, who in expected:
        assert turn_at(t, turns, needle).speaker == who, needle


# --- small memoranda -----------------------------------------------------------------------

def test_an_unlisted_speaker_answering_is_the_addressed_member_of_the_other_side():
    t, records = memo(
        "Ambassador Stevenson asked Mr. Zorin to explain the position of his Government.\n\n"
        "Mr. Smirnov replied that the Soviet Government had nothing to add.\n")
    turns = turns_of(t, records)
    assert [(x.speaker, x.printed, x.corrected) for x in turns] == [
        ("Stevenson", "Ambassador Stevenson", False), ("Zorin", "Mr. Smirnov", True)]
    assert turns[1].basis == "reply"


def test_an_unlisted_speaker_without_context_goes_to_the_head_of_the_other_side():
    t, records = memo(
        "Ambassador Stevenson said that the quarantine would remain in force.\n\n"
        "Mr. Petrov observed that this was regrettable.\n")
    turns = turns_of(t, records)
    assert turns[1].speaker == "Kuznetsov" and turns[1].basis == "alternation"
    assert turns[1].confidence < 0.7


def test_two_speakers_in_one_paragraph_are_two_turns():
    t, records = memo("Mr. Kuznetsov said that the ships had sailed. Ambassador Stevenson replied "
                      "that the United States would verify it.\n")
    turns = turns_of(t, records)
    assert [x.speaker for x in turns] == ["Kuznetsov", "Stevenson"]
    assert turns[1].evidence[0].exact == ("Ambassador Stevenson replied that the United States "
                                          "would verify it.")


def test_a_struck_speaker_name_gives_the_floor_to_no_one():
    t, records = memo("Mr. Kuznetsov said that the missiles were being removed.\n\n"
                      "~~Mr. Zorin~~ continued that the removal would be complete within days.\n")
    turns = turns_of(t, records)
    assert [x.speaker for x in turns] == ["Kuznetsov"]
    # the struck name is out of the reading text: the lower-case "continued" runs on
    assert turns[0].evidence[-1].exact.endswith("continued that the removal would be complete within days.")


def test_the_secretary_said_is_the_participant_listed_by_office():
    body = ("The Secretary said that the United States had conclusive evidence of offensive "
            "missile sites in Cuba.\n\nAmbassador Dobrynin replied that he had no information "
            "about such sites.\n\nPARTICIPANTS:\nUS - The Secretary\nMr. Martin\n"
            "USSR - Ambassador Dobrynin\n")
    t, records = memo(body, head="SECRET\n\nMEMORANDUM OF CONVERSATION\n\nOctober 22, 1962\n\n")
    turns = turns_of(t, records)
    assert [(x.speaker, x.basis, x.side) for x in turns] == [
        ("The Secretary", "office", "US"), ("Dobrynin", "named", "USSR")]
    # the participants list printed at the end is not part of the last turn
    assert "PARTICIPANTS" not in turns[-1].evidence[-1].exact


def test_a_telegrams_i_is_the_signer():
    body = ("SECRET\n\nTELEGRAM\n\nFROM: Moscow\n\n"
            "1. I told Gromyko that the United States could not accept the Soviet position.\n\n"
            "2. Gromyko replied that the Soviet Union would sign a separate treaty.\n\n"
            "THOMPSON\n")
    t = read_markdown("telegram.md", body)
    turns = turns_of(t, run(t))
    assert [(x.speaker, x.printed, x.basis) for x in turns] == [
        ("THOMPSON", "I", "first-person"), ("Gromyko", "Gromyko", "named")]
