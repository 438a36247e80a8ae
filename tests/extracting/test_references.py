"""A cable's REF line: each message it cites is a document cited, known by originator and number."""
from __future__ import annotations

from kg.extracting import run
from kg.reading.plaintext import read_plaintext
from kg.records import CitedDocument


def _refs(raw: str):
    records = run(read_plaintext("cable.txt", raw))
    refs = records.of(CitedDocument)
    for c in refs:
        assert raw[c.evidence[0].start:c.evidence[0].end] == c.evidence[0].exact
    return [(c.key, c.number) for c in refs if c.extractor == "references"]


HEAD = "R 150915Z JUN 77\nFM AMEMBASSY NEW DELHI\nTO SECSTATE WASHDC IMMEDIATE 1234\n\nE.O. 11652: GDS\n"


def test_a_lettered_ref_line_cites_each_message_by_originator_and_number():
    refs = _refs(HEAD + "REF: A. STATE 123456 B. MADRID 3380\n\n1. THE EMBASSY AGREES.\n")
    assert refs == [("telegram/state/123456", "123456"), ("telegram/madrid/3380", "3380")]


def test_the_cia_refs_line_names_headquarters_as_dir():
    assert _refs("SECRET 272358Z\nREFS DIR 85059\n\n1. CHECKING OF FILES.\n") == [("telegram/director/85059", "85059")]


def test_a_reference_in_running_prose_is_not_a_ref_line():
    assert _refs(HEAD + "1. RE MEXI 6893, PLEASE PASS THE INFORMATION TO THE REFERENCE DESK 12.\n") == []
