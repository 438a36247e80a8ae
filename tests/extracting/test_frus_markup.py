"""A FRUS TEI document gives its header, participants, drafter and classification from the
markup, not from guesses on the text (fixture written by hand on the HistoryAtState layout)."""
from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDFS

from kg.extracting import run
from kg.mapping import to_graph
from kg.reading import read_file
from kg.records import DocumentHeader, Drafter, Marking, Participant
from kg.resolving import resolve_document
from kg.validating import validate

TEI = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus_memcon_d84.xml"


@pytest.fixture(scope="module")
def records():
    return run(read_file(TEI))


def test_the_dateline_gives_date_time_and_place(records):
    (h,) = records.of(DocumentHeader)
    assert h.extractor == "frus_markup"
    assert h.doc_type == "memorandum of conversation"
    assert h.date == date(1962, 11, 6)
    assert (h.start_time, h.end_time) == (time(16, 0), time(21, 30))
    assert h.place_printed == "New York" and h.subject == "Cuba"


def test_participants_come_from_the_list_with_their_frus_reference(records):
    ps = records.of(Participant)
    assert [(p.name, p.reference) for p in ps][:2] == [("Adlai E. Stevenson", "#p_SAE1"),
                                                      ("Roswell L. Gilpatric", "#p_GRL1")]
    assert len(ps) == 6 and all(p.extractor == "frus_markup" for p in ps)
    kuz = next(p for p in ps if p.reference == "#p_KVV1")
    assert kuz.title == "First Deputy Foreign Minister"


def test_the_source_note_gives_drafter_and_classification(records):
    (d,) = records.of(Drafter)
    assert d.name == "Akalovsky"
    marks = [m for m in records.of(Marking) if m.extractor == "frus_markup"]
    assert [(m.level, m.caveats) for m in marks] == [("SECRET", ("EYES ONLY",))]


def test_all_markup_evidence_is_an_exact_slice_of_the_xml(records):
    raw = TEI.read_text(encoding="utf-8")
    for r in records.records:
        for s in r.evidence:
            assert raw[s.start:s.end] == s.exact


def test_a_participant_points_to_the_volumes_persons_page_and_the_graph_conforms(records):
    g = to_graph(records, resolve_document(records))
    person = URIRef("https://w3id.org/declass-kg/id/person/kuznetsov-vasily-v")
    assert (person, RDFS.seeAlso,
            URIRef("https://history.state.gov/historicaldocuments/frus1961-63v11/persons#p_KVV1")) in g
    assert validate(g).conforms
