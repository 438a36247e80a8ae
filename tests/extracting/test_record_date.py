"""The date of a record on noisy OCR: labelled dates, datelines in day-month-year, the day of a
date-time group with its month and year, a month alone at month precision; never a stamp's
date nor a year outside the records' years."""
from __future__ import annotations

from datetime import date

from kg.extracting import run
from kg.mapping import to_graph
from kg.reading.plaintext import read_plaintext
from kg.records import DocumentHeader
from kg.resolving import resolve_document
from rdflib.namespace import DCTERMS, XSD

STAMP = "2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\n"


def _header(raw: str) -> DocumentHeader:
    records = run(read_plaintext("2022__104-10000-10000.md", raw), skip=("persons", "turns", "claims"))
    (h,) = records.of(DocumentHeader)
    assert raw[h.date_span.start:h.date_span.end] == h.date_span.exact
    return h


def test_a_day_month_year_dateline_is_the_records_date():
    h = _header(STAMP + "SECRET\n\n2 June 1978\n\nMEMORANDUM FOR: Mr. Scott Breckenridge\n")
    assert h.date == date(1978, 6, 2) and h.date_precision == "day"


def test_a_two_digit_year_is_of_the_nineteen_hundreds():
    h = _header(STAMP + "SECRET\n10 Feb 77\nSource: a member of the party\n")
    assert h.date == date(1977, 2, 10)


def test_a_labelled_date_wins_over_a_date_in_the_text():
    h = _header(STAMP + "TO : Files  DATE: 29 January 1964\n\nOn 2 January 1964 the subject called.\n")
    assert h.date == date(1964, 1, 29)


def test_the_day_of_a_date_time_group_with_its_month_and_year():
    h = _header(STAMP + "PAGE 001\nTOT: 0821272 SEP 97 DIRECTOR 49288\nSECRET\n")
    assert h.date == date(1997, 9, 8)


def test_a_stamps_date_and_the_acts_year_are_not_the_records_date():
    h = _header(STAMP + "APPROVED FOR RELEASE 1993\nDATE OF REVIEW 14 MAR 86\nJune 1964\n")
    assert (h.date, h.date_precision) == (date(1964, 6, 1), "month")


def test_a_month_printed_alone_is_a_date_of_month_precision_in_the_graph():
    raw = STAMP + "SECRET\nJUN 64\n\n1. THE STATION HAS NO INFORMATION.\n"
    records = run(read_plaintext("2022__104-10000-10000.md", raw))
    g = to_graph(records, resolve_document(records))
    (created,) = set(g.objects(None, DCTERMS.created))
    assert (str(created), created.datatype) == ("1964-06", XSD.gYearMonth)
