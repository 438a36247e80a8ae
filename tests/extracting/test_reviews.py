"""Review events in their forms: the seed's three stamps, JFK Act release stamps, NARA
stamps, agency no-objection stamps, CIA review sheets, the identification form's date of
last review, library case references; citations are concepts, not strings."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal

from kg.extracting import run
from kg.extracting.reviews import authority_codes
from kg.mapping import to_graph
from kg.mapping.core import DK, VOCAB
from kg.reading import read_file
from kg.reading.plaintext import read_plaintext
from kg.records import ReviewEvent
from kg.resolving import resolve_document

JFK = Path(__file__).resolve().parents[1] / "fixtures" / "jfk"


def _events(path: Path):
    t = read_file(path)
    records = run(t)
    for r in records.records:
        for s in r.evidence:
            assert t.raw[s.start:s.end] == s.exact
    return t, records, records.of(ReviewEvent)


def test_the_seed_keeps_its_three_review_events(seed_records):
    events = seed_records.of(ReviewEvent)
    assert sorted((e.agent, e.date) for e in events) == [
        ("DDK/ML", date(1988, 3, 3)), ("Elijah Kelly Jr.", date(1992, 2, 12)),
        ("IS/FPC/CDR", date(1992, 4, 4))]


def test_a_jfk_act_release_stamp_gives_a_release_event_with_its_case_number_and_date():
    _t, records, events = _events(JFK / "2021__docid-32406891.md")
    release = [e for e in events if e.kind == "release"]
    assert len(release) == 1
    assert release[0].date == date(2021, 10, 28)            # four-digit year, US order
    assert "NW 55997" in release[0].authorities
    g = to_graph(records, resolve_document(records))
    item = next(g.subjects(DK.caseNumber, Literal("NW 55997")))
    assert (item, DK.underAuthority, VOCAB["jfk-act/act"]) in g


def test_an_ocr_damaged_release_stamp_still_gives_its_case_number():
    _t, records, events = _events(JFK / "2021__docid-32171187.md")       # "Case#:N'v\n\n50444"
    release = next(e for e in events if e.kind == "release")
    assert release.date == date(2021, 11, 1)
    g = to_graph(records, resolve_document(records))
    assert Literal("NW 50444") in set(g.objects(None, DK.caseNumber))


def test_a_foia_b1_citation_is_a_concept_not_a_string():
    _t, records, events = _events(JFK / "2021__docid-32396529.md")
    sheet = next(e for e in events if e.note == "review sheet: DATE OF REVIEW")
    assert sheet.date == date(1986, 3, 14)                  # "14 MAR 86": two-digit year is 19xx
    assert "(b) (1)" in sheet.authorities                   # the printed text is kept
    g = to_graph(records, resolve_document(records))
    exemptions = set(g.objects(None, DK.citesExemption))
    assert VOCAB["foia-exemption/b1"] in exemptions
    assert VOCAB["privacy-act-exemption/j1"] in exemptions
    assert all(not isinstance(x, Literal) for x in exemptions)
    assert VOCAB["eo/12356"] in set(g.objects(None, DK.underAuthority))


def test_authorities_as_printed_name_their_concepts():
    assert authority_codes("E.O. 12958, Sec. 3.4(b)(1)") == [("eo", "12958"), ("eo-section", "12958-3-4-b-1")]
    assert authority_codes("25X1") == [("eo-section", "25x1")]
    assert authority_codes("(b)(7)(C)") == [("foia-exemption", "b7")]
    assert authority_codes("(k)(2)") == [("privacy-act-exemption", "k2")]
    assert authority_codes("RESTRICTIONS: 1B, 1C") == [("jfk-restriction", "1b"), ("jfk-restriction", "1c")]


def test_a_restriction_code_outside_the_jfk_acts_grounds_is_not_a_category():
    # 2021/docid-32347828 (NARA identification form): "RESTRICTIONS : 1A 1E"; section 6(1) has
    # only (A)-(C), and a code the vocabulary does not declare would fail the shapes
    assert authority_codes("RESTRICTIONS : 1A 1E") == [("jfk-restriction", "1a")]


def test_a_nara_form_date_of_last_review_is_a_review_event():
    _t, _records, events = _events(JFK / "2023__176-10036-10021.md")
    form = [e for e in events if e.date == date(2000, 9, 10)]
    assert len(form) == 1 and form[0].kind == "review"
    assert form[0].evidence[0].exact == "9/10/2000"


def test_an_agency_no_objection_stamp_is_a_review_by_that_agency():
    raw = ("MEMORANDUM FOR THE RECORD\n\nCIA HAS NO OBJECTION TO\nDECLASSIFICATION AND/OR\n"
           "RELEASE OF CIA INFORMATION\nIN THIS DOCUMENT\n3/10/92\n\nSUBJECT: Meeting\n")
    t = read_plaintext("stamp.txt", raw)
    events = run(t).of(ReviewEvent)
    stamp = next(e for e in events if e.agent == "CIA")
    assert stamp.date == date(1992, 3, 10) and stamp.note.startswith("no objection to")


def test_a_nara_declassification_stamp_gives_its_authority_and_date():
    raw = "SECRET\n\nDECLASSIFIED\nAuthority NND 867005\nBy JB NARA Date 5/1/98\n\nTELEGRAM\n"
    events = run(read_plaintext("nara.txt", raw)).of(ReviewEvent)
    nara = next(e for e in events if e.kind == "declassification")
    assert nara.date == date(1998, 5, 1) and nara.authorities == ("NND 867005",)


def test_a_sanitization_cross_reference_names_its_library_case():
    _t, records, events = _events(JFK / "2025__0318__176-10036-10117.md")
    ref = next(e for e in events if e.authorities == ("NLK-81-15",))
    assert ref.kind == "downgrade" and "sanitized version" in ref.note
    g = to_graph(records, resolve_document(records))
    assert Literal("NLK-81-15") in set(g.objects(None, DK.caseNumber))


@pytest.mark.parametrize("name", sorted(p.name for p in JFK.glob("*.md") if p.name != "README.md"))
def test_every_review_event_has_a_date_or_an_agent(name):
    _t, _records, events = _events(JFK / name)
    assert all(e.date is not None or e.agent for e in events)


def _plain_events(raw: str) -> list[ReviewEvent]:
    t = read_plaintext("stamp.txt", raw)
    events = run(t).of(ReviewEvent)
    for e in events:
        for s in e.evidence:
            assert t.raw[s.start:s.end] == s.exact
    return events


def test_a_library_stamp_without_an_authority_caption_is_a_declassification_with_its_case():
    raw = ("DECLASSIFIED\nE.O. 12958, Sec. 3.6\nNLK-98-214\nBy __ NARA, Date 3/11/99\n\n"
           "SECRET\n\nMEMORANDUM OF CONVERSATION\n\nThe Ambassador said that he agreed.\n")
    (e,) = _plain_events(raw)
    assert (e.kind, e.agent, e.agent_kind, e.date) == ("declassification", "NARA", "office", date(1999, 3, 11))
    assert "NLK-98-214" in e.authorities and "E.O. 12958, Sec. 3.6" in e.authorities


def test_a_reviewed_by_stamp_with_a_blank_reviewer_is_the_review_of_the_office_above_it():
    raw = ("MEMORANDUM OF CONVERSATION\n\nThe Ambassador said that he agreed.\n\n"
           "DEPARTMENT OF STATE A/CDC/MR\nREVIEWED by __ DATE 5/7/91\n"
           "( ) RELEASE ( ) DECLASSIFY\n( ) EXCISE ( ) DENY\n")
    (e,) = _plain_events(raw)
    assert (e.agent, e.agent_kind, e.date) == ("A/CDC/MR", "office", date(1991, 5, 7))
    assert e.offered_actions == ("RELEASE", "DECLASSIFY", "EXCISE", "DENY")
    assert e.decided_actions == () and e.note == "no action is marked on the stamp"


def test_the_no_objection_stamp_pattern_matches_as_its_plain_form():
    # the contract of the pattern written letter first: on the fixtures and on the stamp's
    # variants, the same matches as the agency written with word boundaries
    import re

    from kg.extracting.reviews import _NO_OBJECTION_RE, _NO_OBJECTION_TAIL
    plain = re.compile(r"(?P<agency>\bCIA|\bFBI|\bNSA|\bDIA|(?:The\s+)?Department\s+of\s+State|\bState)"
                       + _NO_OBJECTION_TAIL)
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures.rglob("*.md"))]
    texts.append("CIA HAS NO OBJECTION TO\nDECLASSIFICATION AND/OR RELEASE OF CIA INFORMATION IN THIS DOCUMENT\n"
                 "xCIA has no objection to this document. The  Department of State has no objection to "
                 "release of this document in full; USState has no objection to the document; "
                 "State has no objection to the DOCUMENT AS SANITIZED. Department of State\nhas no "
                 "objection to it, document. 2CIA has no objection to document; FBI-NSA has no objection "
                 "to the document\n")
    found = 0
    for text in texts:
        ours = [(m.span(), m.groupdict()) for m in _NO_OBJECTION_RE.finditer(text)]
        assert ours == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        found += len(ours)
    assert found >= 7
