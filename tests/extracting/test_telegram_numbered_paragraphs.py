"""An embassy telegram: the other party speaks after a short act of his own ("listened
carefully and then said"), "he" after the ambassador's own words is still that party, and the
cable abbreviations of the Department cite earlier telegrams by number."""
from __future__ import annotations


import pytest

from kg.extracting import run
from kg.reading.markdown import read_markdown
from kg.records import CitedDocument, Proposal, SpeakerTurn

@pytest.fixture(scope="module")
def records(memo_records):
    return memo_records("telegram_numbered_paragraphs.txt")


def _turn_of(records, start: str) -> str:
    return next(t.speaker for t in records.of(SpeakerTurn)
                if any(s.exact.startswith(start) for s in t.evidence))


def test_a_speaker_may_act_before_he_speaks(records):
    assert _turn_of(records, "Khrushchev listened carefully and then said") == "Khrushchev"


def test_he_after_the_ambassadors_reply_is_the_one_he_met(records):
    assert _turn_of(records, "He said he would give us an answer") == "Khrushchev"


def test_the_ambassadors_refusal_rejects_the_proposal(records):
    p = next(p for p in records.of(Proposal) if "free city" in p.evidence[0].exact)
    assert (p.proposer, p.status, p.responder) == ("Khrushchev", "rejected", "THOMPSON")


def test_a_request_that_carries_an_offer_is_a_request(records):
    p = next(p for p in records.of(Proposal) if "asked me to tell" in p.evidence[0].exact)
    assert p.act == "request" and p.status == "deferred"


def test_a_deptel_on_the_reference_line_is_a_department_telegram_cited_by_number(records):
    (c,) = [c for c in records.of(CitedDocument) if c.kind == "telegram"]
    assert (c.phrase, c.number, c.authors) == ("Deptel 1745", "1745", ("org:Department of State",))
    assert c.key == "telegram/department-of-state/1962/no-1745"


def _telegrams(raw: str) -> list[tuple[str, str | None]]:
    return [(c.number, c.author) for c in run(read_markdown("t.md", raw)).of(CitedDocument)
            if c.kind == "telegram"]


HEAD = "TELEGRAM\n\nFROM: Saigon\nTO: Secretary of State\nNO: 715, October 5, 1963, 6 PM\n\n"


def test_embtel_is_the_sending_embassys_own_telegram_and_several_numbers_are_several():
    raw = HEAD + "Embtel 660 and 661 reported the meeting. Moscow's 1084 agrees. Kennedy's 1962 does not.\n"
    assert _telegrams(raw) == [("660", "American Embassy, Saigon"), ("661", "American Embassy, Saigon"),
                               ("1084", "American Embassy, Moscow")]


def test_a_nara_forms_title_line_names_the_document_itself_not_a_citation():
    raw = "JFK ASSASSINATION SYSTEM IDENTIFICATION FORM\n\nTITLE : Embtel 748\n\n" + HEAD + "Text.\n"
    assert _telegrams(raw) == []
