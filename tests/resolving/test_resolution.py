"""The resolver as a specification of the genre: who a printed name or title is."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest  # noqa: E402

from kg.extracting import run  # noqa: E402
from kg.reading import read_file  # noqa: E402
from kg.records import PersonMention  # noqa: E402
from kg.resolving import resolve_document  # noqa: E402
from memos import resolved  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_518769ec419a4fc7.txt"


def keys_of(res, surface):
    return {p.key for m, p in res.mentions if m.surface == surface}


def test_an_ocr_misspelling_of_a_participant_resolves_to_the_participant():
    _, _, res = resolved("November 6, 1962",
                         "Mr. Kusnetsov said that Mr. Sgevenson and Secretary Gilpatrick had asked "
                         "the same question yesterday afternoon.")
    assert keys_of(res, "Mr. Kusnetsov") == {"kuznetsov-vasily-v"}
    assert keys_of(res, "Mr. Sgevenson") == {"stevenson-adlai-e"}
    assert keys_of(res, "Secretary Gilpatrick") == {"gilpatric-roswell-l"}
    hit = res.participant_of("Sgevenson")
    assert hit is not None and hit.corrected and hit.person.key == "stevenson-adlai-e"


@pytest.mark.parametrize("date, key", [
    ("November 6, 1962", "kennedy-john-f"),
    ("June 3, 1964", "johnson-lyndon-b"),
    ("May 5, 1958", "eisenhower-dwight-d"),
])
def test_the_president_is_whoever_held_the_office_on_the_document_date(date, key):
    _, _, res = resolved(date, "Ambassador Stevenson said that the President would answer "
                               "the letter within a few days at most.")
    assert keys_of(res, "the President") == {key}


def test_the_secretary_general_is_the_office_holder_of_the_year():
    _, _, res62 = resolved("November 6, 1962", "Mr. Kuznetsov said the Secretary-General had "
                                               "made a suggestion to both sides of the dispute.")
    _, _, res60 = resolved("March 1, 1960", "Mr. Kuznetsov said the Secretary-General had "
                                            "made a suggestion to both sides of the dispute.")
    assert keys_of(res62, "the Secretary-General") == {"u-thant"}
    assert keys_of(res60, "the Secretary-General") == {"hammarskjold-dag"}


def test_an_unknown_office_date_resolves_to_no_one():
    _, _, res = resolved("MEMO", "Ambassador Stevenson said that the President would answer "
                                 "the letter within a few days at most.")
    assert res.doc_date is None
    assert keys_of(res, "the President") == set()


def test_a_speaker_who_is_no_participant_is_a_misreading_not_a_person():
    _, _, res = resolved("November 6, 1962",
                         "Ambassador Stevenson asked whether the ships would be inspected at sea.\n\n"
                         "Mr. Gusev replied that the Soviet Government had agreed to that procedure.")
    assert "gusev" in res.misreadings
    assert all(not k.startswith("gusev") for k in res.persons)
    assert res.lookup("Mr. Gusev") is None
    assert not res.is_participant("Mr. Gusev")
    assert res.is_participant("Mr. Kuznetsov")


def test_a_person_named_outside_the_room_is_a_person_linked_by_mention():
    _, _, res = resolved("November 6, 1962",
                         "Mr. Kuznetsov said that Mr. Khrushchev had agreed and that Mr. McGloy "
                         "knew the details of the arrangement.")
    assert keys_of(res, "Mr. Khrushchev") == {"khrushchev-nikita-s"}
    assert keys_of(res, "Mr. McGloy") == {"mccloy-john-j"}
    assert "khrushchev-nikita-s" in res.persons


def test_a_struck_false_start_is_the_person_the_typist_then_wrote():
    _, _, res = resolved("November 6, 1962",
                         "Ambassador Stevenson recalled the method suggested by Mr. ~~McGlo~~ "
                         "Mr. McCloy the other day.")
    struck = [(m, p) for m, p in res.mentions if m.struck]
    assert [(m.surface, p.key) for m, p in struck] == [("Mr. McGlo", "mccloy-john-j")]


def test_one_person_has_one_key_across_documents():
    _, _, a = resolved("November 6, 1962", "Mr. Kuznetsov spoke of the message by Mr. McCloy "
                                           "sent to both delegations.", name="a.txt")
    _, _, b = resolved("November 8, 1962", "Mr. Kuznetsov spoke of the message by Mr. McGloy "
                                           "sent to both delegations.", name="b.txt")
    assert keys_of(a, "Mr. McCloy") == keys_of(b, "Mr. McGloy") == {"mccloy-john-j"}


def test_the_seed_has_sixteen_persons_and_no_phantoms():
    t = read_file(SEED)
    records = run(t)
    res = resolve_document(records)
    mentioned = {p.key for _, p in res.mentions}
    assert mentioned == {
        "stevenson-adlai-e", "gilpatric-roswell-l", "yost-charles-w", "akalovsky-alexander",
        "kuznetsov-vasily-v", "zorin-valerian-a", "mendelevich-lev", "zherebtsov",
        "kennedy-john-f", "khrushchev-nikita-s", "u-thant", "morozov-platon-d",
        "narasimhan-c-v", "mccloy-john-j", "mcnamara-robert-s", "kelly-elijah-jr"}
    assert set(res.misreadings) == {"gusev", "grometsov", "gromyko"}
    assert set(res.surfaces("stevenson-adlai-e")) >= {
        "Ambassador Stevenson", "Mr. Stevenson", "Amb. Stevenson", "Am. Stevenson", "Mr. Sgevenson"}
    assert set(res.surfaces("mccloy-john-j")) == {"Mr. McGlo", "Mr. McGloy", "Mr. McCloy"}
    assert set(res.surfaces("u-thant")) == {
        "U Thant", "the Secretary-General", "the Secretary General of the UN"}
    for m in records.of(PersonMention):
        s = m.evidence[0]
        assert t.raw[s.start:s.end] == s.exact
