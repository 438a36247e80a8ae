"""The typed name that closes a memorandum is its drafter, when it is a known person's name;
a telegram's closing name is the telegram extractor's, and a name of a list is no signature."""
from __future__ import annotations

from kg.extracting import run
from kg.reading.markdown import read_markdown
from kg.records import Drafter

BODY = ("MEMORANDUM FOR THE RECORD\n\nWashington, October 23, 1962\n\n"
        "The Attorney General said that he had seen Ambassador Dobrynin at the Embassy last night.\n\n")


def _drafters(raw: str) -> list[tuple[str, str, str]]:
    return [(d.name, d.role, d.extractor) for d in run(read_markdown("t.md", raw)).of(Drafter)]


def test_a_known_name_closing_a_memorandum_is_its_drafter():
    assert _drafters(BODY + "Robert F. Kennedy\n") == [("Robert F. Kennedy", "drafter", "signatures")]


def test_an_unknown_name_closing_a_memorandum_is_not_taken_for_a_drafter():
    assert _drafters(BODY + "Walter Nobody\n") == []


def test_a_drafted_by_line_wins_over_the_closing_name():
    rows = _drafters(BODY + "Drafted by: L. Thompson\n\nRobert F. Kennedy\n")
    assert [r[2] for r in rows] == ["drafters"]


def test_a_name_at_the_end_of_a_participants_list_is_no_signature():
    raw = BODY + "PARTICIPANTS:\nThe Attorney General\nAnatoly Dobrynin\n"
    assert _drafters(raw) == []
