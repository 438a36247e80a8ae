"""The date of a record on noisy OCR: a cable's message date-time group, labelled dates, the
dispatch box, datelines in day-month-year, the day of a date-time group with its month and
year, a month alone at month precision, month names through the OCR's misreadings; never a
stamp's date, a date the record cites, nor a year outside the records' years."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.extracting import run
from kg.extracting.dates import ocr_month
from kg.extracting.record_date import candidates
from kg.mapping import to_graph
from kg.reading.plaintext import read_plaintext
from kg.records import DocumentHeader
from kg.resolving import resolve_document
from rdflib.namespace import DCTERMS, XSD

STAMP = "2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\n"


def _header(raw: str) -> DocumentHeader:
    records = run(read_plaintext("2022__104-10000-10000.md", raw), skip=("persons", "turns", "claims"))
    (h,) = records.of(DocumentHeader)
    assert (h.date is None) == (h.date_span is None)
    if h.date_span is not None:
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


@pytest.mark.parametrize("line, month", [
    ("415 oct 1954", date(1954, 10, 1)),        # a stray mark joined to the day (2022__104-10114-10042)
    ("te nov 60", date(1960, 11, 1)),           # the day misread as letters (2022__104-10219-10423)
    ("x1 FEB 1992", date(1992, 2, 1)),
])
def test_a_dateline_whose_day_the_ocr_lost_gives_its_month(line, month):
    h = _header(STAMP + f"SECRET\n\n{line}\n\nMEMORANDUM FOR: Chief, WH Division\n")
    assert (h.date, h.date_precision) == (month, "month")


@pytest.mark.parametrize("line", ["in May 1960", "by JUN 77", "END JAN 65", "AT May 1960"])
def test_a_month_after_a_word_on_a_broken_line_is_a_period_not_a_dateline(line):
    h = _header(STAMP + f"SECRET\n\nTHE SUBJECT TRAVELLED TO ROME\n{line}\n")
    assert h.date is None


def test_a_date_field_whose_day_the_ocr_lost_gives_its_month():
    # 2022__104-10220-10295 (dev set): "DATE 412 MAY 61", a stray mark joined to the day
    h = _header(STAMP + "SECRET\n\u201cDATE 412 MAY 61\nSUBJECT: Travel of the party\n")
    assert (h.date, h.date_precision) == (date(1961, 5, 1), "month")


def test_a_whole_date_typed_in_the_header_beats_a_month_alone_below_it():
    # 2022__104-10004-10097 (dev set): the sheet's date, and a FOIA reviewer's "JUN 1976" below
    h = _header("'Tied 000410087) " + STAMP + "HELS 2556 (13 June 1964)\n\nThis message outlines efforts.\n"
                "Document Number 132-8S\nfor FOIA Review\now JUN 1976\n")
    assert h.date == date(1964, 6, 13)


def test_a_month_misread_by_the_ocr_is_read_by_edit_distance():
    # 2022__104-10248-10183 ("Hovenber"), 2022__104-10183-10309 ("guly"), 2022__104-10167-10167 ("vEC")
    assert _header(STAMP + "Chief, Security Division 3 Hovenber 1953\n").date == date(1953, 11, 3)
    assert _header(STAMP + "SECRET\n: 15 guly 1966\n").date == date(1966, 7, 15)
    assert _header(STAMP + "8 vEC 60 {\n").date == date(1960, 12, 8)


def test_a_token_near_two_months_or_an_ordinary_word_before_a_short_year_is_no_month():
    assert ocr_month("Decenber") == 12 and ocr_month("Jamiary") == 1 and ocr_month("Hay") == 5
    assert ocr_month("Jum") is None                 # June or July
    assert ocr_month("Decanter") is None            # three edits from December
    h = _header(STAMP + "SECRET\n5 say 63\n10 Feb 77\n")
    assert h.date == date(1977, 2, 10)


def test_a_cables_message_date_time_group_wins_over_other_dates_of_its_first_page():
    # 2022__104-10147-10335: the time of receipt, the message's own group, a date in the text
    raw = (STAMP + "78 0258730 PAGE 001 IN 0258750\n270151Z JAN 78 (MEXT) 43699\n"
           "March 16, 1964\nSEC RE T 2700082 JAN 78 STAFF\nCITE MEXICO CITY 43099\n")
    h = _header(raw)
    assert h.date == date(1978, 1, 27) and h.date_span.exact == "2700082 JAN 78"


def test_a_date_time_group_after_tor_is_the_time_of_receipt_not_the_message_line():
    t = read_plaintext("2022__104-10000-10000.md", STAMP + "TOR: 2910012 NOV 77 35077\nSECRET 0905452 NOV 77 STAFF\n")
    kinds = {d.span.exact: d.kind for d in candidates(t, t.lines)}
    assert kinds == {"2910012 NOV 77": "dtg", "0905452 NOV 77": "message"}


def test_a_date_cited_after_dated_or_in_a_ref_line_is_another_papers_date():
    # 2022__104-10226-10078 "LETTER DATED HABA 23 AUG 62"; 2022__104-10418-10230 "REF: ..., 4 MAY 1977"
    raw = (STAMP + "to. MADRID JMWAVE\n1, LETTER DATED HABA 23 AUG 62, REMAILED MIAMI 28 AUG,\n"
           "REF: GNSA=40412, 4 MAY 1977\nSECRET\n24 September 1962\n")
    assert _header(raw).date == date(1962, 9, 24)


def test_the_dispatch_boxs_date_beside_the_dispatch_symbol_and_number():
    # 2022__104-10063-10243: the box at the foot of the dispatch's first page
    raw = (STAMP + "DISPATCH SECRET\n2, The following information was obtained for the period\n"
           "late: ictober :\n[CROSS REFERENCE TO DISPATCH SYMBOL ANO NUMBER DATE\n"
           "FPMA 21267 23 October 1970\n")
    assert _header(raw).date == date(1970, 10, 23)


def test_a_date_box_beside_other_boxes_on_the_line_is_labelled():
    # 2022__104-10186-10157: the information report's SUBJECT and DATE boxes side by side
    raw = STAMP + "On 2 March 1965 he left.\nsussect “MAYRA\" (an alias) Date OST «18 March 1965\n"
    h = _header(raw)
    assert h.date == date(1965, 3, 18)


def test_a_date_label_misread_by_one_letter_keeps_its_colon():
    # 2022 release, docid-32334661: "To + The Director pate: August 5, 1959" below an August 11 dateline
    raw = STAMP + "To + The Director pate: August 5, 1959\nAugust 11, 1959\n"
    assert _header(raw).date == date(1959, 8, 5)


def test_a_date_in_figures_month_first_and_none_of_the_reviews_years():
    # 2022 release, 104-10130-10375: "REPORT OF INTERVIEW 6/12/55"; a stamp's "03/26/97"
    h = _header(STAMP + "03/26/97\nREPORT OF INTERVIEW 6/12/55 Berkeley, Calif.\n")
    assert h.date == date(1955, 6, 12)


def test_with_no_date_in_the_genres_places_a_date_the_text_cites_is_not_taken_for_the_records():
    # 2022__104-10215-10117 and 2022__104-10239-10051 (dev set): the memorandum's own date is
    # illegible; the event its first paragraph tells and the paper its REFERENCE line cites are
    # not the record's date
    h = _header(STAMP + "MEMORANDUM FOR THE RECORD\n\nSUBJECT: Telephone call\n\n"
                "1, On 17 March 1961, Rolando CUBELA Secadas telephoned from Havana and said that\n")
    assert h.date is None
    h = _header(STAMP + "MEMORANDUM FOR THE RECORD\nSUBJECT: AMMUG/1\n"
                "REFERENCE: AMMUG/1 Debriefing Report #216, 27 Jan 1965 :\n\nSECRET\n")
    assert h.date is None


def test_a_summary_sheet_heading_the_cable_with_its_number_and_date_in_brackets_gives_its_date():
    # 2022__104-10004-10097 (dev set): the cable's designation, its date in brackets
    h = _header("'Tied 000410087) " + STAMP + "HELS 2556 (13 June 1964)\n\n"
                "This message outlines efforts of a sensitive source to obtain flight information.\n")
    assert h.date == date(1964, 6, 13)


JFK = Path(__file__).resolve().parents[1] / "fixtures" / "jfk"


# Real records (tests/fixtures/jfk, sources in its README), each with the date NARA catalogues
LATER_PAGE_PLACES = [
    # the dispatch's text fills the first page's lines; its DATE box comes last, the label alone
    # on one line and the date on the next
    pytest.param("2023__104-10063-10248.md", date(1972, 2, 9), "9 February 1972", id="dispatch-date-box-at-foot"),
    # a cover sheet and a routing sheet first; the memorandum's date alone over "MEMORANDUM FOR:"
    pytest.param("2023__104-10105-10132.md", date(1976, 5, 5), "5 MAY 1976", id="above-memorandum-heading"),
    # "Mc. Patrick Carpeatier" / "Apfil 5, 1978" / "Page 2" (dev set)
    pytest.param("2022__180-10147-10049.md", date(1978, 4, 5), "Apfil 5, 1978", id="letter-continuation-header"),
]


@pytest.mark.parametrize(("name", "value", "exact"), LATER_PAGE_PLACES)
def test_a_later_pages_date_in_the_places_the_genre_fixes(name, value, exact):
    raw = (JFK / name).read_text(encoding="utf-8")
    (h,) = run(read_plaintext(name, raw), skip=("persons", "turns", "claims")).of(DocumentHeader)
    assert h.date == value and h.date_span.exact == exact
    assert raw[h.date_span.start:h.date_span.end] == exact


def test_a_later_pages_date_is_taken_only_in_the_genres_places():
    filler = "".join(f"{i}. The station reported on the contact as before.\n" for i in range(1, 50))
    raw = STAMP + filler + "14 October 1973\nThe meeting was held at noon.\n"
    headers = run(read_plaintext("2022__104-10000-10000.md", raw), skip=("persons", "turns", "claims")).of(DocumentHeader)
    assert all(h.date is None for h in headers)
    h = _header(STAMP + filler + "14 October 1973\nMEMORANDUM FOR THE RECORD\n")
    assert h.date == date(1973, 10, 14)
    h = _header(STAMP + filler + "DATE\n14 October 1973\nHQS FILE NUMBER\n")
    assert h.date == date(1973, 10, 14)


def test_a_transcripts_date_printed_with_its_day_of_the_week():
    # 2023 release, 157-10014-10007 (excerpt): "STAFF INTERVIEW" / "Wednesday, September 17, 1975"
    # on a later page; the identification form's DATE (09/17/75) agrees and wins
    name = "2023__157-10014-10007.excerpt.md"
    t = read_plaintext(name, (JFK / name).read_text(encoding="utf-8"))
    found = [d for d in candidates(t, t.lines) if d.kind == "weekday"]
    assert [(d.value, d.span.exact) for d in found] == [(date(1975, 9, 17), "September 17, 1975")]
    assert run(t, skip=("persons", "turns", "claims")).of(DocumentHeader)[0].date == date(1975, 9, 17)


def test_a_date_time_group_stacked_one_part_a_line_as_the_later_cable_forms_columns_read():
    # 2023 release, 104-10326-10071 (lines 21-27, blank lines left out): "TOT :" / "311638Z" /
    # "AUG" / "95" (NARA catalogue: 1995-08-31); with the label on the group's line too
    h = _header(STAMP + "PAGE\n001\nTOT :\n311638Z\nAUG\n95\nDIRECTOR 429114\n")
    assert h.date == date(1995, 8, 31) and h.date_span.exact == "311638Z\nAUG\n95"
    h = _header(STAMP + "I PAGE\n001)\nTOT: 272220Z\n\nSEP\n\n96\nDIRECTOR 96096]\n")
    assert h.date == date(1996, 9, 27) and h.date_span.exact == "272220Z\n\nSEP\n\n96"
    # a group alone over a word and a number that are no month and year is no date
    t = read_plaintext("2022__104-10000-10000.md", STAMP + "311638Z\nPAGE\n95\n")
    assert all(d.kind != "dtg" for d in candidates(t, t.lines))


def test_an_incoming_cables_in_number_line_gives_the_date_its_message_line_lacks():
    # 2023 release, 104-10300-10358 (two lines of the message's head): the message line gives the
    # day and time only; the IN number line the date the cable came in (NARA catalogue: 1967-05-08)
    h = _header(STAMP + "SECRET 080955Z CITE RAWALPINDI 3016\n8 MaY 67 IN 6 1 895\n")
    assert h.date == date(1967, 5, 8) and h.date_span.exact == "8 MaY 67"
    # a date followed by words is no IN number line ("8 May 67 IN the embassy" is a sentence's)
    t = read_plaintext("2022__104-10000-10000.md", STAMP + "He left on\n8 May 67 IN the embassy car 1234\n")
    assert all(d.kind != "in_number" for d in candidates(t, t.lines))
