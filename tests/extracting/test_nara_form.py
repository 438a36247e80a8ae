"""The NARA JFK identification form: fields on one line or label/colon-line pairs, never a
guessed pairing of a column of labels with a column of values."""
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
