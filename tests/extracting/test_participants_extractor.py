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
    # no side is printed: an office's country, or the person's in the authority file, gives it
    assert ("US", "The Secretary", None) in rows
    assert ("US", "Ambassador", "Thompson") in rows
    assert ("USSR", "Foreign Minister", "Gromyko") in rows
    assert ("USSR", "Ambassador", "Dobrynin") in rows
    assert len(rows) == 5


def test_an_entry_with_a_given_name_and_middle_initial_keeps_the_whole_name():
    raw = ("MEMORANDUM OF CONVERSATION\n\nMarch 6, 1961\n\nMr. Kohler opened the meeting.\n\n"
           "PARTICIPANTS:\nMr. Foy D. Kohler, Assistant Secretary for European Affairs\n"
           "Ambassador Mikhail A. Menshikov, USSR\nMr. Oleg Sokolov, Counselor, Soviet Embassy\n"
           "Mr. Walter Q. Nobody, Office of Soviet Affairs\n")
    rows = _rows(read_markdown("t.md", raw))
    assert ("US", "Mr.", "Foy D. Kohler") in rows
    # the entry's description names the side ("USSR", "Soviet Embassy")
    assert ("USSR", "Ambassador", "Mikhail A. Menshikov") in rows
    assert ("USSR", "Mr.", "Oleg Sokolov") in rows
    # unknown to the authority and no side in the description: none is invented
    assert (None, "Mr.", "Walter Q. Nobody") in rows


def test_no_list_no_participants():
    raw = "Mr. Rusk said that the talks had been useful and that he would report to the President.\n"
    assert _rows(read_markdown("t.md", raw)) == []


def test_a_word_of_the_prose_that_begins_like_the_label_opens_no_list():
    raw = ("Presenta el informe de la reunion con Hay y Frustredos sobre el Oceidente y mas.\n"
           "Presently the group moved to another room where the talks went on for an hour.\n")
    assert _rows(read_markdown("t.md", raw)) == []


def test_a_role_that_runs_over_the_line_is_no_new_participant():
    raw = ("TIME & PLACE: Home; 2245 Hours, 1 April 1960\n\n"
           "PARTICIPANTS: DCI; C/WHD; General Robert Cushman, Vice Presidential\n"
           "Military Aide; Mr. Walter Donnelly, Vice President of U. S.\n"
           "Steel; and Mr. William Pawley, Industrialist\n\n"
           "1. The DCI opened the meeting by stating that everybody present should be aware.\n")
    rows = _rows(read_markdown("t.txt", raw))
    # "DCI" is an office with holders in the data (the resolver names him by the date);
    # "C/WHD" is a desk, no one
    assert rows == [("US", "DCI", None), (None, "General", "Robert Cushman"),
                    (None, "Mr.", "Walter Donnelly"), (None, "Mr.", "William Pawley")]


def test_a_title_run_into_the_name_by_the_ocr_is_still_a_title():
    rows = _rows(read_markdown("t.txt", "PARTICIPANTS: Mr.Berle\n\nThe talks were long and useful for all of the people there.\n"))
    assert rows == [(None, "Mr.", "Berle")]
