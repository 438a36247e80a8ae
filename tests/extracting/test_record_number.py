"""The record number: the identification form's field (on one line or in the column layout),
the number stamped on each page even when the OCR garbled it, and the file name that is the
record number."""
from __future__ import annotations

from kg.extracting import run
from kg.mapping import to_graph
from kg.mapping.core import RICO
from kg.reading.plaintext import read_plaintext
from kg.records import RecordNumber
from kg.resolving import resolve_document


def _numbers(name: str, raw: str):
    records = run(read_plaintext(name, raw))
    for r in records.of(RecordNumber):
        for s in r.evidence:
            assert raw[s.start:s.end] == s.exact
    return records, {r.number: r for r in records.of(RecordNumber)}


def test_a_file_named_after_its_record_number_has_that_number_even_where_the_print_is_garbled():
    # first line as the OCR gave it in 2022__104-10004-10097.md of the 2022 release
    raw = ("'Tied 000410087) 2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992 |\n\n"
           "HELS 2556 (13 June 1964)\n\nThis message outlines efforts of a sensitive source.\n")
    records, numbers = _numbers("2022__104-10004-10097.md", raw)
    number = numbers["104-10004-10097"]
    assert number.evidence and number.evidence[0].exact == "Tied 000410087"
    assert number.source == "page"
    g = to_graph(records, resolve_document(records))
    assert ("104-10004-10097" in {str(o) for o in g.objects(None, RICO.identifier)})


def test_a_page_stamp_printed_plainly_is_the_evidence_of_the_number():
    raw = "104-10187-10083\n\n2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992)\n"
    _records, numbers = _numbers("2022__104-10187-10083.md", raw)
    assert numbers["104-10187-10083"].evidence[0].exact == "104-10187-10083"


def test_a_file_name_that_is_no_record_number_gives_none_by_itself():
    _records, numbers = _numbers("memo.txt", "MEMORANDUM FOR THE RECORD\n\nSUBJECT: Meeting\n")
    assert numbers == {}


def test_the_forms_record_number_field_is_the_record_number():
    raw = ("JFK Assassination System\nIdentification Form\n\nAgency Information\n\nAGENCY: FBI\n"
           "RECORD NUMBER: = 124-10129-10086\n\nRECORD SERIES: HQ\n\nAGENCY FILENUMBER: = 100-32965-114\n")
    _records, numbers = _numbers("2022__docid-32158734.md", raw)
    assert numbers["124-10129-10086"].source == "form"
    assert "100-32965-114" not in numbers                 # the agency's own file number is not it


def test_in_the_column_layout_the_one_record_number_shaped_value_is_the_record_number():
    # the form as the OCR printed 2022__docid-32340360.md: labels first, then the values
    raw = ("JFK Assassination System\nIdentification Form\n\nAGENCY :\nRECORD NUMBER :\n\nRECORD SERIES\n\n"
           "Agency Information\n\nFBI\n124-90158-10017\n\nHQ\n\nNW 68262 Docld:32340360 Page 1\n")
    _records, numbers = _numbers("2022__docid-32340360.md", raw)
    assert numbers["124-90158-10017"].evidence[0].exact == "124-90158-10017"
    assert numbers["docid-32340360"].printed == "32340360"     # the page footer's document id


def test_a_group_the_ocr_split_with_a_space_is_still_the_record_number():
    # the form's column of values as the OCR printed 2022__docid-32334691.md of the 2022 release
    raw = ("Identification Form\n\nAGENCY :\nRECORD NUMBER :\n\nAgency Information\n\nFBI\n"
           "124-901 18-10050\n\n992 (44 USC 2107 Note), Caset:Nw\n\nRECORD SERIES: HQ\n")
    _records, numbers = _numbers("2022__docid-32334691.md", raw)
    assert numbers["124-90118-10050"].evidence[0].exact == "124-901 18-10050"


def test_a_file_named_by_its_document_id_takes_the_number_printed_at_the_head_of_its_pages():
    # the head of 2021__docid-32413592.md of the 2021 release (no identification form)
    raw = ("# DOCID-32413592\n\n## Page 1\n\n104-10181-10023\n\nReleased under the John F. Kennedy\n\n"
           "Assassination Records Collection Act of\n\n1992 (44 USC 2107 Note). Case#:NW\n\n"
           "RETURNTO CIA\n\nPERSONAL RECORD QUESTIONNAIRE\n\n## Page 2\n\n104-10181-10023\n\nSECRET\n")
    _records, numbers = _numbers("2021__docid-32413592.md", raw)
    number = numbers["104-10181-10023"]
    assert number.source == "page" and number.evidence[0].exact == "104-10181-10023"


def test_a_number_cited_in_the_body_is_not_taken_for_the_pages_stamp():
    raw = ("# DOCID-32413592\n\n## Page 1\n\nMEMORANDUM FOR THE RECORD\n\nSUBJECT: Meeting\n\n"
           "1. The file 104-10181-10023 was reviewed on that day and found complete.\n")
    _records, numbers = _numbers("2021__docid-32413592.md", raw)
    assert "104-10181-10023" not in numbers
