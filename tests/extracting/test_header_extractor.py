"""The document header of a memorandum of conversation: genre, status, date, time, place,
subject, copy and number, read from the seed and from headers written for the test."""
from __future__ import annotations

from datetime import date, time

from kg.extracting import header
from kg.reading.markdown import read_markdown
from kg.records import DocumentHeader


def _header(t) -> DocumentHeader:
    (h,) = header.extract(t, [])
    return h


def test_the_seed_header_reads_as_printed(seed_transcript):
    h = _header(seed_transcript)
    assert h.doc_type == "memorandum of conversation"
    assert h.draft is True
    assert h.date == date(1962, 11, 6) and h.date_span.exact == "November 6, 1962"
    assert (h.start_time, h.end_time) == (time(16, 0), time(21, 30))
    assert h.time_span.exact == "4 to 9:30 P.M."
    assert h.place == "US Mission to the United Nations, New York"
    assert h.place_printed == "US Mission, N.Y."
    assert h.subject == "CUBA"
    assert (h.copy_number, h.copy_total) == (3, 7)
    assert [i for i, _ in h.identifiers] == ["01080"]


def test_every_header_field_points_at_its_exact_characters(seed_transcript):
    t = seed_transcript
    h = _header(t)
    for span in h.evidence:
        assert t.raw[span.start:span.end] == span.exact
    assert t.raw[h.copy_span.start:h.copy_span.end] == "Copy 3 of 7 copies"


def test_a_stamp_date_is_not_the_documents_date():
    raw = ("REVIEWED by ABC DATE 3/3/88\n\nMEMORANDUM OF CONVERSATION\n\nDate: 4/4/92\n\n"
           "Washington, October 18, 1962\n\nSUBJECT: Berlin\n\n"
           "The Secretary said that the situation in Berlin was serious and required attention.\n")
    h = _header(read_markdown("t.md", raw))
    assert h.date == date(1962, 10, 18)
    assert h.subject == "Berlin"


def test_a_morning_meeting_and_a_telegram_genre():
    raw = ("INCOMING TELEGRAM\n\nMoscow\n\nOctober 27, 1962\n\n10:30 to 11:15 a.m.\n\n"
           "I saw the Foreign Minister this morning and he told me that the matter was closed.\n")
    h = _header(read_markdown("t.md", raw))
    assert h.doc_type == "telegram"
    assert (h.start_time, h.end_time) == (time(10, 30), time(11, 15))
    assert h.place == "Moscow"


def test_a_document_with_no_header_gives_no_header_record():
    t = read_markdown("t.md", "just some words here and there that make a long enough line of prose.\n")
    assert header.extract(t, []) == []


def test_a_conference_memorandum_keeps_the_genre_as_headed():
    raw = ("TOP SECRET\n\nMEMORANDUM OF CONFERENCE WITH THE PRESIDENT\n\nOctober 22, 1962, 11 a.m.\n\n"
           "The President said that the quarantine would be announced in the evening by him.\n")
    h = _header(read_markdown("t.md", raw))
    assert h.doc_type == "memorandum of conference"
