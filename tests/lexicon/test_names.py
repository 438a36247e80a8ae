"""A person's name or an office typed alone on its line, as signature blocks and inside
addresses print them (kg.lexicon.names); the examples are lines of the JFK releases' OCR."""
from __future__ import annotations

import pytest

from kg.lexicon.names import SALUTATION_RE, name_line, office_line


@pytest.mark.parametrize("line, name", [
    ("G. Robert Blakey", "G. Robert Blakey"),
    ("JOHN H. WRIGHT", "JOHN H. WRIGHT"),
    ("John H. Wright", "John H. Wright"),                # "Wright" a word, but after an initial
    ("Michael E. Schneeberger ry", "Michael E. Schneeberger"),   # a pen stroke read as "ry"
    ("  Edward P. Smith, Jr.", "Edward P. Smith, Jr."),
])
def test_a_name_alone_on_its_line_is_a_name_line(line, name):
    m = name_line(line)
    assert m is not None and m["name"] == name


@pytest.mark.parametrize("line", [
    "Security Analysis Group",          # ordinary words
    "COORDINATING OFFICERS",
    "SUSPENSE JATE",                    # OCR debris
    "D. JOBDATA",
    "The meeting was held",             # a sentence
])
def test_ordinary_words_and_ocr_debris_are_no_name_line(line):
    assert name_line(line) is None


@pytest.mark.parametrize("line", [
    "Senior Counsel",
    "Lt. Colonel USA",
    "Security Analysis Group 6009 24 March 1977",       # a room and a date may follow
])
def test_a_short_line_naming_an_office_or_rank_is_an_office_line(line):
    assert office_line(line)


@pytest.mark.parametrize("line", [
    "SUBJECT: Senior Counsel",                          # a label is no office line
    "the counsel said that the meeting would be held in the afternoon",   # too long, lower case
    "Mr. Tolson",
])
def test_labels_sentences_and_names_are_no_office_line(line):
    assert not office_line(line)


def test_a_salutation_opens_the_letter_under_its_inside_address():
    assert SALUTATION_RE.match("Dear Mr. Blakey:")
    assert SALUTATION_RE.match("Gentlemen:")
    assert not SALUTATION_RE.match("Dearborn, Michigan")
