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


# --- the printed memoranda of 1959-67 (FRUS): offices, clauses, interjections, narration -----
# Text written for these tests in the layout and phrasing of the FRUS memoranda.

FRUS_HEAD = ("SECRET; EXDIS\nMEMORANDUM OF CONVERSATION\nWashington, {date}, 3 p.m.\n"
             "SUBJECT: {subject}\nPARTICIPANTS: {participants}\nDrafted by {drafter}\n\n")


def frus(body: str, participants: str, date: str = "January 16, 1959", drafter: str = "Freers"):
    head = FRUS_HEAD.format(date=date, subject="US-Soviet Relations", participants=participants,
                            drafter=drafter)
    t = read_markdown("memo.md", head + body)
    return t, turns_of(t, run(t))


def speaker_at(t, turns, needle: str) -> str:
    return turn_at(t, turns, needle).speaker


DULLES_MIKOYAN = ("Anastas I. Mikoyan, Deputy Premier of the USSR; John Foster Dulles, Secretary "
                  "of State; Edward L. Freers, Director, Office of Eastern European Affairs")


def test_the_secretary_is_the_participant_who_held_the_office_on_the_date():
    t, turns = frus("The Secretary said that no policy was permanently unchangeable.\n\n"
                    "Mikoyan declared that the Soviets saw no difference between the parties.\n",
                    DULLES_MIKOYAN)
    assert [(x.speaker, x.basis) for x in turns] == [("John Foster Dulles", "office"),
                                                      ("Anastas I. Mikoyan", "named")]


def test_the_holders_surname_names_the_participant_listed_by_office():
    t, turns = frus("Secretary Dulles said that the United States wanted no advantage in Berlin.\n\n"
                    "Mr. Mikoyan observed that the Soviet Union wanted none either.\n",
                    "The President; The Secretary of State; First Deputy Prime Minister Mikoyan",
                    date="January 17, 1959")
    assert [x.speaker for x in turns] == ["The Secretary of State", "Mikoyan"]


def test_the_office_an_entry_is_described_with_names_him():
    t, turns = frus("The President said that the visit had been useful.\n\n"
                    "To this the Chairman replied that the people here seemed very friendly.\n",
                    "US - President Lyndon B. Johnson\nUSSR - Alexei Kosygin, Chairman of the "
                    "Council of Ministers", date="June 25, 1967", drafter="Krimer")
    assert [x.speaker for x in turns] == ["Lyndon B. Johnson", "Alexei Kosygin"]


def test_a_paragraph_opens_on_its_subject_with_any_verb_in_the_past():
    t, turns = frus("Mr. Mikoyan said that the treaty draft stood.\n\n"
                    "The Secretary wanted to comment briefly on the problem as he saw it. We "
                    "would have to consult our allies.\n", DULLES_MIKOYAN)
    assert speaker_at(t, turns, "We would have") == "John Foster Dulles"


def test_a_lead_phrase_without_a_comma_and_a_leading_clause_of_the_other_side():
    t, turns = frus("Mikoyan said that trade was a mere trickle.\n\n"
                    "In reply the Secretary stated that trade had grown. When Mr. Mikoyan pointed "
                    "out that it had grown by little, the Secretary said that it had doubled.\n",
                    DULLES_MIKOYAN)
    assert speaker_at(t, turns, "In reply the Secretary") == "John Foster Dulles"
    assert speaker_at(t, turns, "When Mr. Mikoyan pointed") == "Anastas I. Mikoyan"
    assert speaker_at(t, turns, "the Secretary said that it had doubled") == "John Foster Dulles"


def test_a_reply_reported_in_the_same_sentence_takes_the_floor_at_the_name():
    t, turns = frus("The Secretary wondered whether the Soviet Union sold technology, to which "
                    "Mr. Mikoyan replied in the affirmative and noted that licenses had been sold.\n",
                    DULLES_MIKOYAN)
    assert speaker_at(t, turns, "The Secretary wondered") == "John Foster Dulles"
    assert speaker_at(t, turns, "Mr. Mikoyan replied in the affirmative") == "Anastas I. Mikoyan"


def test_an_interjection_is_a_turn_of_its_own_and_he_follows_the_last_who_spoke():
    t, turns = frus("The Secretary said that five nuclear powers were too many. Mr. Mikoyan "
                    "interrupted to say that even one was one too many. He said that the Soviet "
                    "Union wanted none. The Secretary agreed and said that a treaty was urgent.\n",
                    DULLES_MIKOYAN)
    assert [x.speaker for x in turns] == ["John Foster Dulles", "Anastas I. Mikoyan",
                                          "John Foster Dulles"]
    assert speaker_at(t, turns, "He said that the Soviet") == "Anastas I. Mikoyan"


def test_two_speakers_joined_by_and_give_the_floor_to_the_first():
    t, turns = frus("The Secretary proposed a technical review of trade.\n\n"
                    "Mr. Mikoyan and Mr. Freers expressed interest in the idea.\n", DULLES_MIKOYAN)
    assert speaker_at(t, turns, "Mr. Mikoyan and Mr. Freers") == "Anastas I. Mikoyan"


def test_what_happened_at_the_meeting_is_the_drafters_narration():
    t, turns = frus("The Secretary said that the talks had been useful. At this point Mr. Mikoyan "
                    "used three teacups to illustrate the point.\n\n"
                    "Mikoyan said that the three cups stood for three states.\n\n"
                    "The meeting ended at 12:45 p.m.\n", DULLES_MIKOYAN)
    cups = turn_at(t, turns, "At this point Mr. Mikoyan")
    end = turn_at(t, turns, "The meeting ended")
    assert cups.narration and cups.speaker == "Freers" and cups.basis == "drafter"
    assert end.narration and end.speaker == "Freers"
    assert speaker_at(t, turns, "Mikoyan said that the three cups") == "Anastas I. Mikoyan"


def test_those_present_listed_after_the_body_are_no_speech():
    t, turns = frus("The President said that the luncheon had been pleasant.\n\n"
                    "Also present at the luncheon were:\n\nUS PARTICIPANTS\n\nSecretary Dean Rusk\n\n"
                    "USSR PARTICIPANTS\n\nForeign Minister Andrei Gromyko\n",
                    "US - President Lyndon B. Johnson\nUSSR - Alexei Kosygin, Chairman",
                    date="June 25, 1967", drafter="Krimer")
    assert len(turns) == 1
    assert turns[0].evidence[-1].exact == "The President said that the luncheon had been pleasant."
