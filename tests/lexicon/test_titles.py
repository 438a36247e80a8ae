"""Titles as the genre prints them: in full, cut short by the typist, with a rank before them."""
from __future__ import annotations

from kg.lexicon.titles import TITLE_RE, normalise_title, title_key


def test_a_title_cut_short_and_closed_by_a_full_stop_is_that_title():
    assert normalise_title("Am.") == normalise_title("Amb.") == "Ambassador"
    assert normalise_title("Pres.") == "President" and normalise_title("Sen.") == "Senator"
    assert normalise_title("Sec.") == "Secretary" and normalise_title("Gen.") == "General"
    assert title_key("The Amb.") == title_key("ambassador")


def test_a_cut_that_begins_two_titles_or_is_a_word_of_its_own_is_no_title():
    assert normalise_title("Se.") == "Se."                  # Secretary or Senator: nobody's
    assert not TITLE_RE.match("Secret. Drafted by Akalovsky")


def test_a_rank_before_an_office_is_part_of_the_title():
    assert TITLE_RE.match("First Deputy Prime Minister Mikoyan").group() == "First Deputy Prime Minister"
    assert TITLE_RE.match("Deputy Chairman Kosygin").group() == "Deputy Chairman"
    assert TITLE_RE.match("Deputy Smith") is None
