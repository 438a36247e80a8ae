"""The originating agency, the sender and the addressee: the identification form first, then
the record's letterhead or the agency's own message form, and the agency part of the record
number only when nothing printed names the agency."""
from __future__ import annotations

from kg.extracting import run
from kg.mapping import to_graph
from kg.mapping.core import DK, VOCAB
from kg.reading.plaintext import read_plaintext
from kg.records import Correspondent
from kg.resolving import resolve_document

FORM = ("JFK Assassination System Date: 3/25/201\nIdentification Form\n\nAgency Information\n\n"
        "AGENCY: FBI\nRECORD NUMBER: = 124-10129-10086\n\nDocument Information\n\n"
        "ORIGINATOR: FBI\nFROM: LEG, MX\nTO: DIRECTOR, FBI\n\nTITLE:\n\nDATE: 02/27/1964\nCOMMENTS :\n\n")


def _corr(raw: str, name: str = "doc.md"):
    records = run(read_plaintext(name, raw))
    out = records.of(Correspondent)
    for c in out:
        for s in c.evidence:
            assert raw[s.start:s.end] == s.exact
    return records, {(c.role, c.name): c for c in out}


def test_the_forms_originator_from_and_to_are_the_records_correspondents():
    records, corr = _corr(FORM + "UNITED STATES GOVERNMENT\nMemorandum\n", "2022__124-10129-10086.md")
    assert set(corr) == {("originator", "Federal Bureau of Investigation"), ("sender", "LEG, MX"),
                         ("addressee", "DIRECTOR, FBI")}
    assert corr[("originator", "Federal Bureau of Investigation")].basis == "form"
    g = to_graph(records, resolve_document(records))
    roles = set(g.objects(None, DK.correspondentRole))
    assert {VOCAB["correspondent-role/originator"], VOCAB["correspondent-role/sender"]} <= roles


def test_a_letterhead_names_the_originating_agency():
    raw = "SECRET\n\nCENTRAL INTELLIGENCE AGENCY\nWASHINGTON 25, D.C.\n\n2 June 1978\n\nMEMORANDUM FOR: Mr. Scott Breckenridge\n"
    _records, corr = _corr(raw)
    c = corr[("originator", "Central Intelligence Agency")]
    assert (c.basis, c.evidence[0].exact) == ("letterhead", "CENTRAL INTELLIGENCE AGENCY")


def test_an_agency_named_in_a_sentence_is_no_letterhead():
    raw = "2 June 1978\n\nThe Central Intelligence Agency has no record of the subject's travel.\n"
    _records, corr = _corr(raw)
    assert not [k for k in corr if k[0] == "originator"]


def test_the_record_numbers_agency_part_is_the_last_resort_and_says_so():
    raw = "104-10050-10005\n\n1. NOTHING IN THE FILES OF THE STATION.\n"
    _records, corr = _corr(raw, "2022__104-10050-10005.md")
    c = corr[("originator", "Central Intelligence Agency")]
    assert c.basis == "record-number"


def test_cq13_gives_one_row_per_originator_sender_and_addressee():
    from pathlib import Path
    raw = FORM + "FROM : SAC, MIAMI\nTO : DIRECTOR, FBI\nSUBJECT: RIGOBERTO DELGADO PEREZ\n"
    records = run(read_plaintext("2022__124-10129-10086.md", raw))
    g = to_graph(records, resolve_document(records))
    query = (Path(__file__).resolve().parents[2] / "ontology" / "queries" / "cq13-correspondents.rq").read_text()
    rows = {(str(r["name"]), str(r["role"]).rsplit("/", 1)[-1]) for r in g.query(query)}
    assert {("Federal Bureau of Investigation", "originator"), ("LEG, MX", "sender"),
            ("DIRECTOR, FBI", "addressee")} <= rows


def test_a_name_the_form_keeps_back_is_no_correspondent():
    # 2022__104-10326-10059 (dev set): "FROM HEADQUARTERS", "TO WITHHELD"
    raw = FORM.replace("FROM: LEG, MX\nTO: DIRECTOR, FBI", "FROM: HEADQUARTERS\nTO: WITHHELD")
    _records, corr = _corr(raw.replace("TITLE:", "TITLE: [RESTRICTED]"))
    assert ("sender", "HEADQUARTERS") in corr and not any(role == "addressee" for role, _ in corr)
