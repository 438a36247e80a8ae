"""Participants come from the printed list only, with sides as printed."""
from __future__ import annotations

from kg.extracting import participants
from kg.reading.markdown import read_markdown


def _rows(t):
    return [(p.side, p.title, p.name) for p in participants.extract(t, [])]


def test_the_seed_lists_four_americans_and_four_soviets(seed_transcript):
    assert _rows(seed_transcript) == [
        ("US", "Ambassador", "Stevenson"), ("US", "Secretary", "Gilpatrick"),
        ("US", "Ambassador", "Yost"), ("US", "Mr.", "Akalovsky"),
        ("USSR", "Mr.", "Kuznetsov"), ("USSR", "Mr.", "Zorin"),
        ("USSR", "Mr.", "Mendelevich"), ("USSR", "Mr.", "Zherebtsov")]


def test_a_side_run_together_with_the_previous_name_is_still_a_side(seed_transcript):
    # "Mr. AkalovskyUSSR- Mr. Kuznetsov": the OCR lost the line break
    ps = participants.extract(seed_transcript, [])
    kuz = next(p for p in ps if p.name == "Kuznetsov")
    assert kuz.side == "USSR"
    assert seed_transcript.raw[kuz.evidence[0].start:kuz.evidence[0].end] == "Mr. Kuznetsov"


def test_a_speaker_in_the_prose_is_not_a_participant(seed_transcript):
    names = {p.name for p in participants.extract(seed_transcript, [])}
    assert not names & {"Gusev", "Gromyko", "Grometsov", "McCloy", "Khrushchev"}


def test_participants_listed_at_the_end_with_an_office():
    raw = ("MEMORANDUM OF CONVERSATION\n\nWashington, October 18, 1962\n\nSUBJECT: Cuba\n\n"
           "The Secretary said that the United States would not accept the situation in Cuba.\n\n"
           "Mr. Gromyko replied that the Soviet Union had no offensive weapons there at all.\n\n"
           "PARTICIPANTS: The Secretary; Ambassador Thompson; Mr. Kohler\n\n"
           "OTHERS PRESENT: Foreign Minister Gromyko, Ambassador Dobrynin\n")
    rows = _rows(read_markdown("t.md", raw))
    assert (None, "The Secretary", None) in rows
    assert (None, "Ambassador", "Thompson") in rows
    assert (None, "Foreign Minister", "Gromyko") in rows
    assert (None, "Ambassador", "Dobrynin") in rows
    assert len(rows) == 5


def test_no_list_no_participants():
    raw = "Mr. Rusk said that the talks had been useful and that he would report to the President.\n"
    assert _rows(read_markdown("t.md", raw)) == []
