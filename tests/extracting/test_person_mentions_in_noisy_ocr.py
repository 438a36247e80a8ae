"""In noisy OCR and Spanish-language cables a title is often followed by something that is
not a surname: an institution ("General Motors"), an office ("General Counsel"), a Mexican
address ("Col. Florida"), a given name alone.  None of these is a person."""
from __future__ import annotations

from kg.extracting import persons
from kg.reading.markdown import read_markdown


def _names(raw: str) -> list[str]:
    t = read_markdown("cable.txt", raw)
    return [m.name for m in persons.extract(t, []) if m.name]


def test_institutions_and_offices_after_a_title_are_no_persons():
    raw = ("The general counsel of General Motors met the General Counsel of the agency.\n"
           "He lived at Calle 12, Col. Florida, and worked for General Foods.\n")
    assert _names(raw) == []


def test_a_given_name_takes_the_surname_that_follows_and_alone_names_no_one():
    raw = "General Robert Cushman spoke to Mr. Robert about the plan and to Mr. Pawley.\n"
    assert _names(raw) == ["Robert Cushman", "Pawley"]


def test_ocr_fragments_are_no_surnames():
    assert _names("The report was signed by Col. Tr and Mr. Li at the post.\n") == []


def test_a_known_name_is_kept_even_when_the_word_is_common():
    raw = "Under Secretary Ball said that the ball was in the Soviet court.\n"
    assert "Ball" in _names(raw)
