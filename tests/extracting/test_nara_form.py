"""The NARA JFK identification form: fields on one line or label/colon-line pairs; a column of
labels paired with its column of values only where the layout says whose value is whose."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from kg.extracting import run
from kg.extracting.nara_form import form_date
from kg.mapping import to_graph
from kg.mapping.core import DK, VOCAB
from kg.reading import read_file
from kg.reading.plaintext import read_plaintext
from kg.records import DocumentHeader, FormField, Marking, ReviewEvent
from kg.resolving import resolve_document

JFK = Path(__file__).resolve().parents[1] / "fixtures" / "jfk"


def _fields(t):
    records = run(t)
    for r in records.records:
        for s in r.evidence:
            assert t.raw[s.start:s.end] == s.exact
    return records, {f.name: f.value for f in records.of(FormField)}


def test_a_form_with_one_field_a_line_gives_every_filled_field():
    _records, fields = _fields(read_file(JFK / "2023__176-10036-10021.md"))
    assert fields == {"agency": "NARA", "record-number": "176-10036-10021",
                      "record-series": "National Security Files", "originator": "DOS",
                      "from": "Elisabethville", "to": "Rusk", "title": "Incoming Telegram",
                      "date": "10/15/1962", "pages": "2", "date-of-last-review": "9/10/2000",
                      "comments": "Congo Cables; restriction information innacurate/missing; box 1"}


def test_a_nara_forms_date_of_last_review_is_a_review_event():
    records, _fields_ = _fields(read_file(JFK / "2021__docid-32396529.md"))
    form = next(e for e in records.of(ReviewEvent) if e.date == date(1999, 8, 4))
    assert form.date_printed == "08/04/99"                  # two-digit year is 19xx
    assert form.note == "current status: RELEASED IN PART PUBLIC - RELEASED WITH DELETIONS"
    g = to_graph(records, resolve_document(records))
    assert VOCAB["release-status/released-with-deletions"] in set(g.objects(None, DK.releaseStatus))


def test_the_forms_classification_is_a_marking_and_its_restrictions_are_concepts():
    raw = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : CIA\nDATE : 07/25/62\n"
           "CLASSIFICATION : U\nRESTRICTIONS : 1B, 1C\nCURRENT STATUS : Redact\n"
           "DATE OF LAST REVIEW : 07/30/98\nCOMMENTS :\n")
    t = read_plaintext("form.txt", raw)
    records, fields = _fields(t)
    marking = next(m for m in records.of(Marking) if m.extractor == "nara_form")
    assert (marking.level, marking.position) == ("UNCLASSIFIED", "header")
    review = next(e for e in records.of(ReviewEvent) if e.date == date(1998, 7, 30))
    assert review.authorities == ("RESTRICTIONS: 1B, 1C",)
    g = to_graph(records, resolve_document(records))
    cats = set(g.objects(None, DK.restrictionCategory))
    assert {VOCAB["jfk-restriction/1b"], VOCAB["jfk-restriction/1c"]} <= cats
    assert form_date(t)[0] == date(1962, 7, 25)
    assert records.of(DocumentHeader)[0].date == date(1962, 7, 25)


def test_a_column_of_labels_is_not_paired_with_a_column_of_values():
    raw = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\n\nTITLE\n\nDATE\n\nPAGES\n\n: 09/21/64\n\n1\n")
    _records, fields = _fields(read_plaintext("cols.txt", raw))
    assert "pages" not in fields and "date" not in fields


def test_the_forms_own_print_date_is_not_the_records_date():
    raw = ("Date : 08/04/98\nPage : 1\nJFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\n"
           "AGENCY : JCS\nDATE : 07/25/62\n")
    assert form_date(read_plaintext("p.txt", raw))[0] == date(1962, 7, 25)


# 2022__docid-32290334 (dev set): the OCR read the form's table as a column of labels, then one
# of values; blank lines as printed are kept out for brevity.
COLUMNS = ("JFK Assassination System\nIdentification Form\nDate:\n5/7/2015\nAGENCY :\nRECORD NUMBER :\n"
           "RECORD SERIES :\nAGENCY FILE NUMBER :\nORIGINATOR :\nFROM:\nTO:\nTITLE:\nDATE:\n\u2018PAGES:\n"
           "SUBJECTS :\nDOCUMENT TYPE :\nCLASSIFICATION :\nRESTRICTIONS :\nCURRENT STATUS :\n"
           "DATE OF LAST REVIEW:\nOPENING CRITERIA :\n+ COMMENTS :\nAgency Information\nFBI\n"
           "124-10205-10110\nHQ\n92-3171-2240\nDocument Information\nFBI\nROEMER, WILLIAM F. JR.\n"
           "DIRECTOR, FBI\n01/20/1969\n11\nSGI, BKG INVEST, ASSOC.\nPAPER, TEXTUAL DOCUMENT\n"
           "Unclassified\n4\nRedact\n04/14/1998\nINDEFINITE\nv9.1\nNW 68262 Docid:32290334 Page 1\n"
           "FEDERAL BUREAU OF INVESTIGATION\n")


def test_a_column_of_values_is_paired_from_the_date_followed_by_the_page_count():
    records, fields = _fields(read_plaintext("2022__docid-32290334.md", COLUMNS))
    assert (fields["date"], fields["pages"]) == ("01/20/1969", "11")
    # above the date, after the heading and the file numbers: ORIGINATOR, FROM, TO; TITLE empty
    assert (fields["originator"], fields["from"], fields["to"]) == ("FBI", "ROEMER, WILLIAM F. JR.", "DIRECTOR, FBI")
    assert "title" not in fields and "subjects" not in fields
    assert records.of(DocumentHeader)[0].date == date(1969, 1, 20)


def test_a_label_misread_by_one_letter_alone_on_its_line_holds_its_place():
    # 2022__124-10284-10177 (dev set): "FROM:" read "FRO!"
    _records, fields = _fields(read_plaintext("cols.txt", COLUMNS.replace("FROM:\n", "FRO!\n")))
    assert (fields["from"], fields["to"]) == ("ROEMER, WILLIAM F. JR.", "DIRECTOR, FBI")


def test_a_label_the_ocr_made_unreadable_leaves_the_names_of_the_column_unpaired():
    raw = COLUMNS.replace("FROM:\n", "ee ta\n")
    _records, fields = _fields(read_plaintext("cols.txt", raw))
    assert fields["date"] == "01/20/1969"            # the date still pairs with the pages
    assert not {"originator", "from", "to"} & set(fields)


def test_a_person_where_the_originator_stands_means_the_column_lost_a_value():
    # 2022 release, docid-34517386: ORIGINATOR's value missing, FROM and TO one place up
    raw = COLUMNS.replace("Document Information\nFBI\nROEMER, WILLIAM F. JR.\nDIRECTOR, FBI\n",
                          "Document Information\nGODSOE, W. A.\nCHIEF, CI DIVISION\nDISPOSITION FORM\n")
    _records, fields = _fields(read_plaintext("cols.txt", raw))
    assert fields["date"] == "01/20/1969" and not {"originator", "from", "to"} & set(fields)


def test_a_value_wrapped_over_two_lines_leaves_the_column_unpaired():
    raw = COLUMNS.replace("ROEMER, WILLIAM F. JR.\nDIRECTOR, FBI\n",
                          "WITHHELD\nREPORT: VISIT TO MEXICO OF AN AGENT OF THE CUBAN\nGOVERNMENT\n")
    _records, fields = _fields(read_plaintext("cols.txt", raw))
    assert fields["date"] == "01/20/1969" and "from" not in fields and "to" not in fields


def test_labels_without_colons_one_a_line_are_the_forms_fields():
    # 2022__docid-34517477 (dev set)
    raw = ("AGENCY INFORMATION\n\n* AGENCY : INSCOM/CSF\n: RECORD NUMBER : 194-10008-10107\n\n"
           "ORIGINATOR USA\nFROM RIGGIN, GEORGE B.\nTO\nTITLE SECURITY INFORMATION\nDATE 01/14/52\nPAGES 1\n\n"
           "SUBJECTS : TURZEW, VLADIMIR\n\nDATE \u2018OF LAST REVIEW : 03/20/95\n")
    _records, fields = _fields(read_plaintext("2022__docid-34517477.md", raw))
    assert (fields["from"], fields["date"], fields["title"]) == ("RIGGIN, GEORGE B.", "01/14/52", "SECURITY INFORMATION")
    assert "to" not in fields
    # a lone "TO DIRECTOR" below the form is a cable's routing line, not a field
    raw = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : CIA\nCOMMENTS :\n\nTO DIRECTOR\n"
    assert "to" not in _fields(read_plaintext("c.txt", raw))[1]


def test_a_title_that_reads_like_a_genre_line_does_not_end_the_form():
    # 2022 release, 157-10011-10122: the title "MEMORANDUM FOR THE RECORD" below its bare label
    raw = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : SSCIA\nORIGINATOR : CIA\nFROM :\nTO:\n"
           "TITLE. :\nMEMORANDUM FOR THE RECORD\nDATE : 08/29/74\nPAGES : 5\n")
    assert form_date(read_plaintext("f.txt", raw))[0] == date(1974, 8, 29)


def test_a_speck_read_as_letters_before_a_label_does_not_hide_it():
    # 2022 release, docid-32324814
    raw = ("JFK Assassination System\nIdentification Form\nORIGINATOR: FBI\nFROM: LV\nTO: HQ\nTITLE:\n"
           "ea DATE: 02/24/1967\nPAGES: 8\n")
    assert form_date(read_plaintext("f.txt", raw))[0] == date(1967, 2, 24)


def test_the_date_alone_between_the_bare_date_and_pages_labels_is_the_forms_date():
    # 2021 release, DOCID-32342127: "DATE :" / "01/09/64" / "PAGES" (NARA catalogue: 1964-01-09);
    # the cable's own DATE line prints "9 January 1963": the form, NARA's reading, wins
    t = read_file(JFK / "2021__docid-32342127.md")
    d, span = form_date(t)
    assert d == date(1964, 1, 9) and span.exact == "01/09/64"
    assert run(t).of(DocumentHeader)[0].date == date(1964, 1, 9)
    # the form's own print date above it ("Date: 04/25/96" / "Page: 1") is not taken
    raw = "Date:\n11/21/20\nPage: 1\nJFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : FBI\n"
    assert form_date(read_plaintext("p.txt", raw)) is None


def test_with_the_date_label_lost_the_lone_date_above_pages_is_the_forms_date():
    # 2021 release, DOCID-32362335 (lines 3-20 of the form, blank lines left out): the OCR lost
    # the DATE label; the date stands above PAGES as the two boxes do (NARA catalogue: 1965-02-17)
    raw = ("JEK ASSASSINATION\nSYSTEM\nIDENTIFICATION FORM\n\"\", ------------__\nAGENCY INFORMATION\n"
           "AGENCY : CIA\nRECORD NUMBER\n: 104-10121-10004\nRECORD SERIES\nAGENCY FILE\n"
           "DOCUMENT INFORMATION\nAGENCY ORIGINATOR : CIA\nFROM\nTO\n"
           "INFO RE LIAISON CONTACT APPROVAL FOR DOROTHE MATLACK.\n02/17/1965\nPAGES\nSUBJECTS\n")
    d, span = form_date(read_plaintext("2021__docid-32362335.md", raw))
    assert d == date(1965, 2, 17) and span.exact == "02/17/1965"
    # before the record number a lone date and "Page: 1" are the form's print date
    raw = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\n04/25/96\nPAGES\nAGENCY : CIA\n"
    assert form_date(read_plaintext("p.txt", raw)) is None


# 2021 release, DOCID-32349468 (the form's first 31 text lines, blank lines left out): the OCR
# read DATE and PAGES as bare labels and their values below; the one lone date of the records'
# years after the record number is the DATE (NARA catalogue: 1958-09-23), not the review's
FORM_COLUMNS = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY INFORMATION\nAGENCY : CIA\n"
                "RECORD NUMBER: 104-10071-10372\nRECORD SERIES\n:\nJFK\nAGENCY FILE NUMBER : 80T01357A\n"
                "DOCUMENT\nINFORMATION\nAGENCY ORIGINATOR : CIA\nFROM\n: WITHHELD\nTO\nWITHHELD\nTITLE\n"
                "BACKGROUND INFO ON MOSBY, ALINE\nDATE\nPAGES\n09/23/1958\n2\nSUBJECTS : JOURNALIST\n"
                "DOCUMENT TYPE : PAPER\nCLASSIFICATION\n: SECRET\nRESTRICTIONS :\n1B\n"
                "CURRENT STATUS : RELEASED IN PART PUBLIC - RELEASED WITH DELETIONS\n"
                "DATE OF LAST REVIEW : 07/31/93\n")


def test_the_one_lone_date_of_the_records_years_in_the_forms_columns_is_its_date():
    d, span = form_date(read_plaintext("2021__docid-32349468.md", FORM_COLUMNS))
    assert d == date(1958, 9, 23) and span.exact == "09/23/1958"
    # two lone dates of the records' years: which is the DATE the layout does not say
    two = FORM_COLUMNS.replace("2\nSUBJECTS", "11/22/1963\nSUBJECTS")
    assert form_date(read_plaintext("2021__docid-32349468.md", two)) is None
    # a lone review date (1992 on) or a placeholder (01/01/1900) is not the record's
    for other in ("07/31/93", "01/01/1900"):
        only = FORM_COLUMNS.replace("09/23/1958", other)
        assert form_date(read_plaintext("2021__docid-32349468.md", only)) is None


def test_a_lone_date_whose_year_the_ocr_cut_to_three_digits_is_no_date_and_no_crash():
    # 2018/124-10181-10009: the release stamp's '3/25/201' stands alone after the form's heading
    raw = ("JFK Assassination System\nIdentification Form\nAGENCY :\nRECORD NUMBER: = 124-10181-10009\n"
           "Document Information\nORIGINATOR: FBI\nDATE: 00/00/0000\nPAGES: 1\nCOMMENTS :\n"
           "APPROVAL OF CIA\n\n3/25/201\n\nvol\n")
    assert form_date(read_plaintext("p.txt", raw)) is None
