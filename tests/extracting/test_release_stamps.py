"""Release and declassification stamps in their common forms, read through OCR noise by edit
distance, each with what it says came of the review."""
from __future__ import annotations

from datetime import date

from kg.extracting import run
from kg.mapping import to_graph
from kg.mapping.core import DK, VOCAB
from kg.reading.plaintext import read_plaintext
from kg.records import ReviewEvent
from kg.resolving import resolve_document

BODY = "\n\n1. THE STATION HAS NO FURTHER INFORMATION ON THE SUBJECT AT THIS TIME.\n"


def _events(raw: str, name: str = "stamp.md"):
    records = run(read_plaintext(name, raw))
    events = records.of(ReviewEvent)
    for e in events:
        for s in e.evidence:
            assert raw[s.start:s.end] == s.exact
    return records, events


def test_the_jfk_act_stamp_of_the_recent_releases_is_a_release_in_its_year():
    raw = ("104-10187-10083\n\n2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992)\n"
           + BODY + "\n104-10187-10083\n\n2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n")
    records, events = _events(raw)
    (release,) = [e for e in events if e.kind == "release"]         # one release, however many pages
    assert (release.year, release.agent, release.result) == (2022, "NARA", "released")
    assert release.evidence[0].exact.startswith("2022 RELEASE UNDER")
    g = to_graph(records, resolve_document(records))
    item = next(g.subjects(DK.reviewResult, VOCAB["review-result/released"]))
    assert str(next(g.objects(item, DK.reviewYear))) == "2022"


def test_a_garbled_jfk_act_stamp_is_still_the_stamp():
    # as the OCR printed it in 2022__104-10004-10248.md
    raw = "od-t0004-10248) 2022 RELEASE rae THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n" + BODY
    _records, events = _events(raw)
    assert [(e.kind, e.year) for e in events] == [("release", 2022)]


def test_the_nsa_release_line_gives_the_day_of_release():
    raw = ("Released on 11-02-2017 under the John F. Kennedy Assassination Records Collection Act of 1992 "
           "(44 USC 2017 Note)\n" + BODY)
    _records, events = _events(raw)
    (release,) = events
    assert release.date == date(2017, 11, 2) and release.result == "released"


def test_cia_approved_for_release_with_a_year_is_a_release():
    _records, events = _events("APPROVED FOR RELEASE 1993\nCIA HISTORICAL REVIEW PROGRAM\n" + BODY)
    (release,) = events
    assert (release.kind, release.year, release.agent, release.result) == ("release", 1993, "CIA", "released")


def test_release_as_sanitized_is_a_release_with_deletions():
    _records, events = _events("RELEASE AS SANITIZED\n1998\n" + BODY)
    (release,) = events
    assert (release.result, release.year) == ("released-with-deletions", 1998)


def test_a_review_sheets_list_of_determinations_is_no_stamp():
    raw = ("DATE OF REVIEW 14 MAR 86\nDeterminations:\nA. Release in full text\nB. Release in sanitized form\n"
           "C. Deny in toto\n" + BODY)
    _records, events = _events(raw)
    assert all(e.result is None for e in events)


def test_the_fbi_unclassified_stamp_is_a_declassification_by_the_initials_it_prints():
    raw = ("ALL INFORMATION CONTAINED\nHEREIN IS UNCLASSIFIED EXCEPT\nWHERE SHOWN OTHERWISE\n" + BODY +
           "\nALL INFORMATION CONTAINED HEREIN IS UNCLASSIFIED DATE 4/23/98 BY SP6/BJB\n")
    _records, events = _events(raw)
    (stamp,) = events
    assert stamp.kind == "declassification" and stamp.result in ("declassified", "declassified-in-part")
    full = _events("ALL INFORMATION CONTAINED HEREIN IS UNCLASSIFIED DATE 4/23/98 BY SP6/BJB\n" + BODY)[1][0]
    assert (full.date, full.agent, full.result) == (date(1998, 4, 23), "SP6/BJB", "declassified")


def test_the_forms_current_status_is_the_result_of_its_last_review():
    raw = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : CIA\nCURRENT STATUS : Redact\n"
           "DATE OF LAST REVIEW : 07/30/98\nCOMMENTS :\n")
    _records, events = _events(raw)
    (review,) = events
    assert (review.date, review.result) == (date(1998, 7, 30), "released-with-deletions")


def test_the_lines_searched_for_a_stamp_are_those_a_search_of_each_line_finds():
    # the stamps pre-scan the whole file for the cue words instead of each line
    from kg.extracting.stamps import _CUE_RE, cue_lines
    from tests.real_texts import real_transcripts

    odd = read_plaintext("odd.md", "x\nAPPROVED FOR RELEAſE 1993\nİ\nreleased under the\r\nKENNEDY\n")
    for t in real_transcripts() + (odd,):
        lines, at = [], 0
        for line in t.raw.split("\n"):
            lines.append((at, line))
            at += len(line) + 1
        assert list(cue_lines(t)) == [(a, line) for a, line in lines if _CUE_RE.search(line)], t.name
    assert any(list(cue_lines(t)) for t in real_transcripts())
