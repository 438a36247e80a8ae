"""The editorial layer, redactions, page numbers and the drafter."""
from __future__ import annotations

from kg.extracting import drafters, editorial, pages, redactions


def test_each_struck_span_is_one_deletion_and_each_sup_one_insertion(seed_transcript):
    events = editorial.extract(seed_transcript, [])
    assert sum(e.kind == "deletion" for e in events) == 195
    assert sum(e.kind == "insertion" for e in events) == 94
    ins = next(e for e in events if e.kind == "insertion")
    assert ins.evidence[0].exact == "<sup>at</sup>" and ins.text == "at"


def test_edit_evidence_is_exact(seed_transcript):
    t = seed_transcript
    for e in editorial.extract(t, []):
        s = e.evidence[0]
        assert t.raw[s.start:s.end] == s.exact


def test_the_redaction_is_recorded(seed_transcript):
    (r,) = redactions.extract(seed_transcript, [])
    assert r.text == "[REDACTED]"


def test_page_numbers_are_read_in_order(seed_transcript):
    assert [p.number for p in pages.extract(seed_transcript, [])] == [2, 10, 19, 35, 36, 38]


def test_the_drafter_is_read_with_initials(seed_transcript):
    (d,) = drafters.extract(seed_transcript, [])
    assert d.name == "A. Akalovsky" and d.role == "drafter"
    assert d.evidence[0].exact == "Drafted by A. Akalovsky"


def test_a_release_caption_in_capitals_is_no_drafter():
    from kg.reading.markdown import read_markdown
    t = read_markdown("cable.txt", "APPROVED FOR RELEASE 1993\nDRAFTED BUT NOT SENT\nCLEARED KUBARKER\n"
                                   "Drafted by: EUR:SOV:Akalovsky\n")
    assert [(d.name, d.role) for d in drafters.extract(t, [])] == [("Akalovsky", "drafter")]


def test_the_drafting_line_keeps_given_names_and_names_two_drafters():
    # as the printed FRUS memoranda give it (1964-68 vol. XI d153, vol. XIV d14)
    from kg.reading.markdown import read_markdown
    t = read_markdown("m.md", "MEMORANDUM OF CONVERSATION\nDrafted by William D. Krimer\n")
    assert [d.name for d in drafters.extract(t, [])] == ["William D. Krimer"]
    t = read_markdown("m.md", "MEMORANDUM OF CONVERSATION\nDrafted by Krimer and Henry\n")
    found = drafters.extract(t, [])
    assert [d.name for d in found] == ["Krimer", "Henry"]
    assert [d.evidence[0].exact for d in found] == ["Drafted by Krimer", "Henry"]
    t = read_markdown("m.md", "Drafted by Mr. Akalovsky\n")
    assert [d.name for d in drafters.extract(t, [])] == ["Akalovsky"]
