"""Documents cited, resolved: who wrote them and to whom, and which document each one is."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "resolving")]

from kg.extracting import run  # noqa: E402
from kg.reading import read_file  # noqa: E402
from kg.records import CitedDocument  # noqa: E402
from kg.resolving import resolve_document  # noqa: E402
from kg.resolving.citations import cited_key  # noqa: E402
from memos import resolved  # noqa: E402

SEED = ROOT / "seeds" / "000_518769ec419a4fc7.txt"


def cites(date_line, body, **kw):
    _, records, res = resolved(date_line, body, **kw)
    return [c for r in records.of(CitedDocument) for c in res.citations_of(r)]


def test_a_letter_cited_twice_is_one_document():
    cs = cites("November 6, 1962",
               "Mr. Kuznetsov said the President's letter to Mr. Khrushchev of October 27 was "
               "clear. Ambassador Stevenson replied that the President's October 27 letter "
               "covered all weapons.")
    assert [c.key for c in cs] == ["letter/kennedy-john-f/1962-10-27"] * 2
    assert cs[0].recipients == ("person:khrushchev-nikita-s",)


def test_the_same_letter_in_two_documents_has_one_key():
    a = cites("November 6, 1962", "Mr. Kuznetsov quoted the President's October 27 letter "
                                  "at some length.", name="a.txt")
    b = cites("November 9, 1962", "Ambassador Stevenson recalled the President's letter of "
                                  "October 27 once more.", name="b.txt")
    assert {c.key for c in a} == {c.key for c in b} == {"letter/kennedy-john-f/1962-10-27"}


def test_his_statements_are_the_speakers():
    cs = cites("November 6, 1962",
               "Amb. Stevenson said that in his statements in the Security Council on "
               "October 23 and 25, he had referred to bomber aircraft.")
    assert [(c.key, c.recipients) for c in cs] == [
        ("statement/stevenson-adlai-e/1962-10-23", ("org:UN Security Council",)),
        ("statement/stevenson-adlai-e/1962-10-25", ("org:UN Security Council",))]


def test_compound_authors_and_countries_for_their_heads_are_one_agreement():
    cs = cites("November 6, 1962",
               "Mr. Kuznetsov said the Kennedy-Khrushchev agreement settled this, and that the "
               "US-USSR agreement and the agreement reached were one thing.")
    assert {c.key for c in cs} == {"agreement/kennedy-john-f+khrushchev-nikita-s/undated"}
    assert [c.record.phrase for c in cs] == ["the Kennedy-Khrushchev agreement",
                                             "the US-USSR agreement", "the agreement reached"]


def test_the_agreement_reached_is_none_when_the_agreements_cited_differ():
    cs = cites("November 6, 1962",
               "Mr. Kuznetsov said the Kennedy-Khrushchev agreement and the Kennedy-Macmillan "
               "agreement differed, and that the agreement reached was unclear.")
    assert [c.record.phrase for c in cs] == ["the Kennedy-Khrushchev agreement",
                                             "the Kennedy-Macmillan agreement"]


def test_a_letter_by_one_party_of_a_correspondence_is_addressed_to_the_other():
    cs = cites("November 6, 1962",
               "Mr. Kuznetsov spoke of the Kennedy-Khrushchev exchange of correspondence and "
               "of Mr. Khrushchev's message on the missiles.")
    msg = next(c for c in cs if c.kind == "message")
    assert msg.recipients == ("person:kennedy-john-f",) and msg.inferred == ("recipient",)
    assert msg.key == "message/khrushchev-nikita-s/undated"        # inferred: not in the key


def test_key_takes_the_recipient_only_when_the_date_is_not_a_full_day():
    assert cited_key("letter", ["person:a"], "1962-10-27", ["person:b"]) == "letter/a/1962-10-27"
    assert cited_key("proposal", ["org:US Delegation"], "", ["person:u-thant"]) == \
        "proposal/us-delegation/undated/to-u-thant"


def test_the_seed_cites_nineteen_documents():
    t = read_file(SEED)
    records = run(t)
    res = resolve_document(records)
    cs = [c for r in records.of(CitedDocument) for c in res.citations_of(r)]
    for c in cs:
        for s in c.record.evidence + c.record.quotations:
            assert t.raw[s.start:s.end] == s.exact
    assert {c.key for c in cs} == {
        "correspondence/kennedy-john-f+khrushchev-nikita-s/undated",
        "agreement/kennedy-john-f+khrushchev-nikita-s/undated",
        "message/kennedy-john-f/1962-10-23", "letter/kennedy-john-f/1962-10-27",
        "statement/kennedy-john-f/1962-10-22", "message/kennedy-john-f/undated",
        "message/khrushchev-nikita-s/undated", "statement/khrushchev-nikita-s/undated",
        "statement/soviet-government/1962-10-29", "proposal/us-delegation/undated/to-u-thant",
        "list/soviet-delegation/undated", "publication/us-news-and-world-report/1962-11-05",
        "interview/mcnamara-robert-s/1962-11-05", "proposal/u-thant/undated",
        "letter/stevenson-adlai-e/1962-10-22", "statement/stevenson-adlai-e/1962-10-23",
        "statement/stevenson-adlai-e/1962-10-25", "statement/us-government/undated",
        "list/us-government/undated"}
    quotes = {q.exact for c in cs for q in c.record.quotations}
    assert "offensive nuclear missiles and other offensive weapons" in quotes
    assert "your ships" in quotes and "your" in quotes
