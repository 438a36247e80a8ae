"""Documents cited, as printed: the phrases, their dates, quotations and agents as the text
gives them.  Who the agents are, and which document each is, is tests/resolving/test_citations.py."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "resolving")]

from kg.extracting.citations import resolve_day  # noqa: E402
from kg.records import CitedDocument, PersonMention  # noqa: E402
from memos import memo  # noqa: E402


def cites(date_line, body, **kw):
    t, records = memo(date_line, body, **kw)
    out = records.of(CitedDocument)
    for c in out:
        for s in c.evidence + c.quotations:
            assert t.raw[s.start:s.end] == s.exact
    return t, records, out


def test_dates_resolve_against_the_document_date():
    assert resolve_day("October 29", date(1962, 11, 6)) == "1962-10-29"
    assert resolve_day("December 30", date(1963, 1, 4)) == "1962-12-30"
    assert resolve_day("yesterday", date(1962, 11, 6)) == "1962-11-05"
    assert resolve_day("last night", date(1962, 11, 6)) == "1962-11-05"
    assert resolve_day("October 29", None) is None


def test_agents_are_recorded_as_printed_not_as_persons():
    t, records, cs = cites("November 6, 1962",
                           "Mr. Kuznetsov said the President's letter to Mr. Khrushchev of October "
                           "27 was clear.")
    (c,) = cs
    assert c.phrase == "the President's letter to Mr. Khrushchev of October 27"
    assert (c.author, c.recipient, c.date, c.key) == ("the President", "Mr. Khrushchev", "1962-10-27", None)
    # each agent points at the mention that prints him; the resolver says who he is
    mentions = {f"mention:{m.evidence[0].start}": m.surface for m in records.of(PersonMention)}
    assert [mentions[a] for a in c.authors + c.recipients] == ["the President", "Mr. Khrushchev"]


def test_a_quotation_that_follows_is_taken_from_the_cited_document():
    t, _, cs = cites("November 6, 1962",
                     "The US wanted to lift the quarantine according to the President's October 27 "
                     "letter, which stated \"We, on our part, would agree ~~that~~ -- to remove "
                     "promptly the quarantine\". Mr. Kuznetsov agreed.")
    (c,) = cs
    (q,) = c.quotations
    assert q.exact == "We, on our part, would agree ~~that~~ -- to remove promptly the quarantine"
    assert t.raw[q.start:q.end] == q.exact


def test_one_phrase_may_cite_two_statements_and_his_is_the_speakers():
    _, _, cs = cites("November 6, 1962",
                     "Amb. Stevenson said that in his statements in the Security Council on "
                     "October 23 and 25, he had referred to bomber aircraft.")
    assert [(c.date, c.authors, c.recipients) for c in cs] == [
        ("1962-10-23", ("speaker:Stevenson",), ("org:UN Security Council",)),
        ("1962-10-25", ("speaker:Stevenson",), ("org:UN Security Council",))]


def test_a_remark_made_in_the_room_is_no_cited_document():
    _, _, cs = cites("November 6, 1962",
                     "Mr. Kuznetsov said he could not accept Amb. Stevenson's statement that the "
                     "USSR must take steps. He recalled his statement that this was serious.")
    assert cs == []


def test_a_country_in_a_compound_stands_for_its_head_of_government():
    _, _, cs = cites("November 6, 1962",
                     "Mr. Kuznetsov said the US-USSR agreement settled this.")
    (c,) = cs
    assert (c.phrase, c.authors) == ("the US-USSR agreement", ("head:US", "head:USSR"))


def test_the_agreement_reached_refers_back():
    _, _, cs = cites("November 6, 1962",
                     "Mr. Kuznetsov said the Kennedy-Khrushchev agreement and the agreement "
                     "reached were one thing.")
    assert [(c.phrase, c.refers_back) for c in cs] == [
        ("the Kennedy-Khrushchev agreement", False), ("the agreement reached", True)]
    assert cs[0].authors == cs[1].authors
