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
    # inferred: not in the key; what the phrase says it is about is ("on the missiles")
    assert msg.key == "message/khrushchev-nikita-s/undated/missiles"


def test_key_takes_the_recipient_only_when_the_date_is_not_a_full_day():
    assert cited_key("letter", ["person:a"], "1962-10-27", ["person:b"]) == "letter/a/1962-10-27"
    assert cited_key("proposal", ["org:US Delegation"], "", ["person:u-thant"]) == \
        "proposal/us-delegation/undated/to-u-thant"


def test_the_seed_cites_its_nineteen_documents_and_the_earlier_talks_and_proposals():
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
        "list/us-government/undated",
        # by the conventions of the genre (FRUS memoranda) the seed also cites the earlier
        # conversations and what was said there, and the Soviet proposals as documents of the
        # negotiation, which its own annotation leaves out
        "conversation/morozov-platon-d+yost-charles-w/undated", "conversation/unknown/1962-11-05",
        "statement/kuznetsov-vasily-v/1962-11-05",
        "proposal/soviet-government/undated", "proposal/soviet-delegation/undated"}
    quotes = {q.exact for c in cs for q in c.record.quotations}
    assert "offensive nuclear missiles and other offensive weapons" in quotes
    assert "your ships" in quotes and "your" in quotes


def test_a_speech_named_without_where_is_the_last_one_cited_of_the_same_author():
    cs = cites("June 25, 1967",
               "Mr. Kuznetsov had read the President's address in Los Angeles and the President's "
               "speech on the Middle East situation. He had watched the President's speech on "
               "television.")
    assert [(c.record.phrase, c.key) for c in cs] == [
        ("the President's address in Los Angeles", "speech/johnson-lyndon-b/undated/los-angeles"),
        ("the President's speech on the Middle East situation",
         "speech/johnson-lyndon-b/undated/middle-east-situation"),
        ("the President's speech on television",                 # a medium sets nothing apart
         "speech/johnson-lyndon-b/undated/middle-east-situation")]


def test_the_versions_of_a_draft_made_on_one_day_are_documents_each():
    # frus1964-68v11-d153: "the three alternative versions worked out by the negotiators this
    # afternoon" are three drafts of one day, told apart by their version
    keys = [cited_key("draft", [], "1966-09-24", [], f"alternative {k}") for k in (1, 2, 3)]
    assert len(set(keys)) == 3
    # a letter of a day is one whatever the phrase says about it
    assert cited_key("letter", ["mention:1"], "1962-10-27", [], "of October 27") == \
        cited_key("letter", ["mention:1"], "1962-10-27", [])


D137 = "PARTICIPANTS: The President; The Secretary of State; First Deputy Prime Minister Mikoyan"


def test_an_occasion_of_the_same_parties_told_again_a_few_lines_on_is_the_dated_one():
    # after ../shared/eval/dev/frus/frus1958-60v08-d137.md l.14 (shortened)
    cs = cites("January 17, 1959",
               "Mr. Mikoyan said that about a year ago he had gone to Bonn and had talked with "
               "Adenauer. Chancellor Adenauer knew how to talk and they had had an interesting "
               "conversation in which Adenauer had made some reassuring statements.",
               participants=D137)
    talks = [c for c in cs if c.kind == "conversation"]
    assert len(talks) == 2 and len({c.key for c in talks}) == 1
    assert talks[0].date == talks[1].date == "1958" and talks[1].inferred == ("date",)


def test_an_occasion_of_the_same_parties_told_far_on_may_be_another():
    filler = "The President said the weather was fine. " * 30
    cs = cites("January 17, 1959",
               "Mr. Mikoyan said that about a year ago he had gone to Bonn and had talked with "
               f"Adenauer. {filler}Chancellor Adenauer knew how to talk and they had had an "
               "interesting conversation in which Adenauer had made some reassuring statements.",
               participants=D137)
    talks = [c for c in cs if c.kind == "conversation"]
    assert [c.date for c in talks] == ["1958", None]
