"""Sides printed as headings alone on their lines ("United States", then "USSR") hold for the
entries under them; a proposal put as a question ("asked whether the Soviet Government would
agree to ...") is a proposal, and "Mr. Gromyko agreed." accepts it."""
from __future__ import annotations


import pytest

from kg.records import Participant, Proposal

@pytest.fixture(scope="module")
def records(memo_records):
    return memo_records("memcon_side_headings.txt")


def test_a_side_heading_alone_on_its_line_holds_for_the_entries_below_it(records):
    assert [(p.side, p.name or p.title) for p in records.of(Participant)] == [
        ("US", "The Secretary"), ("US", "Llewellyn E. Thompson"), ("US", "Martin J. Hillenbrand"),
        ("USSR", "A. A. Gromyko"), ("USSR", "A. F. Dobrynin"), ("USSR", "V. M. Sukhodrev")]


def test_a_proposal_put_as_a_question_is_accepted_by_a_one_word_answer(records):
    p = next(p for p in records.of(Proposal) if p.proposer == "Llewellyn E. Thompson")
    assert p.act == "suggestion" and p.status == "accepted"
    assert p.evidence[0].exact.startswith("Ambassador Thompson asked whether the Soviet Government")
    assert p.response_evidence[0].exact == "Mr. Gromyko agreed."


def test_promising_to_report_the_ministers_views_defers_his_request(records):
    p = next(p for p in records.of(Proposal) if p.act == "request")
    assert p.proposer == "A. A. Gromyko" and p.status == "deferred"
