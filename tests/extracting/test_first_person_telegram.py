"""A telegram is written by the signing ambassador in the first person: "I" is the signer,
"he" who answers is the man he met, and the post it comes from is its place."""
from __future__ import annotations


import pytest

from kg.extracting import run
from kg.reading import read_file
from kg.records import Claim, DocumentHeader, Participant, Proposal, SpeakerTurn
from kg.resolving import resolve_document

@pytest.fixture(scope="module")
def records(memo_records):
    return memo_records("telegram_first_person.txt")


def _speaker(records, start: str) -> str:
    res = resolve_document(records)
    claim = next(c for c in records.of(Claim) if c.evidence[0].exact.startswith(start))
    return res.lookup(claim.speaker).person.name


def test_the_telegram_comes_from_the_post_in_its_from_line(records):
    (h,) = records.of(DocumentHeader)
    assert h.doc_type == "telegram" and h.place == "Moscow"


def test_i_is_the_signer(records):
    assert _speaker(records, "I told him") == "Foy D. Kohler"


def test_he_who_speaks_after_i_saw_someone_is_the_one_seen(records):
    assert _speaker(records, "He said that the Soviet Government") == "Andrei Gromyko"


def test_a_request_in_the_subjunctive_is_a_proposal(records):
    (p,) = records.of(Proposal)
    assert p.evidence[0].exact == "He asked that the United States reply by tomorrow."


def test_a_telegram_without_a_participants_list_has_no_participants(records):
    assert records.of(Participant) == []


SECOND = ("CONFIDENTIAL\n\nTELEGRAM\n\nFROM: Moscow\nTO: Secretary of State\n"
          "NO: 2345, October 14, 1962, 6 PM\n\n"
          "I saw Gromyko this afternoon at his request. He said that the Soviet Government wished "
          "to propose talks on Berlin. I told him that I would report his proposal to Washington. "
          "He then urged that the United States not insist on inspection.\n\nKOHLER\n")


@pytest.fixture(scope="module")
def second(tmp_path_factory):
    path = tmp_path_factory.mktemp("telegram") / "second.txt"
    path.write_text(SECOND, encoding="utf-8")
    return run(read_file(path))


def test_he_after_the_reporters_own_words_is_still_the_one_he_met(second):
    res = resolve_document(second)
    by_text = {p.evidence[0].exact: res.lookup(p.proposer).person.name for p in second.of(Proposal)}
    assert by_text["He then urged that the United States not insist on inspection."] == "Andrei Gromyko"


def test_promising_to_report_a_proposal_home_defers_it(second):
    p = next(p for p in second.of(Proposal) if "talks on Berlin" in p.evidence[0].exact)
    assert p.status == "deferred"
    assert p.response_evidence[0].exact == "I told him that I would report his proposal to Washington."


def test_a_she_far_from_the_reporters_words_is_not_someone_named_long_before(tmp_path):
    raw = ("MEMORANDUM FOR THE RECORD\n\n"
           "I told him that the meeting at the house of KENNEDy was over.\n\n"
           "The station reviewed the intercepts of the week.\n\n"
           "The traffic was light and mostly routine.\n\n"
           "She added that she planned to move that night.\n")
    path = tmp_path / "report.txt"
    path.write_text(raw, encoding="utf-8")
    speakers = {t.speaker for t in run(read_file(path)).of(SpeakerTurn)}
    assert not any(s and "KENNED" in s for s in speakers)
