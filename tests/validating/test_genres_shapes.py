"""Each genres shape can fail: a conforming graph is broken in one place and the gate names
the shape and says what is wrong, in words."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, XSD

from kg.extracting import run
from kg.mapping import to_graph
from kg.mapping.core import DK, VOCAB
from kg.reading import read_file
from kg.reading.plaintext import read_plaintext
from kg.resolving import resolve_document
from kg.validating import validate
from shape_cases import Break, add, assert_broken, drop, having, of_type, put

JFK = Path(__file__).resolve().parents[1] / "fixtures" / "jfk"
TELEGRAM = """INCOMING TELEGRAM Department of State

Rec'd: October 28, 1962

FROM: Moscow
TO: Secretary of State
NO: 1115, October 28, 2 p.m.

ACTION DEPARTMENT 1115, INFORMATION USUN 88

LIMIT DISTRIBUTION PRIORITY

The Foreign Minister received me this morning and said that the reply would be
delivered within the hour by his deputy to the Embassy.

KOHLER

LIR/ 2
"""


def _graph(t):
    records = run(t)
    return to_graph(records, resolve_document(records))


@pytest.fixture(scope="module")
def form_graph():
    return _graph(read_file(JFK / "2021__docid-32396529.md"))


@pytest.fixture(scope="module")
def telegram_graph():
    return _graph(read_plaintext("telegram.txt", TELEGRAM))


TRANSMISSION = of_type(DK.Transmission)
FORM_DOC = having(DK.hasFormField)
TELEGRAM_CASES = [
    Break("a transmission with an unknown precedence",
          add(TRANSMISSION, DK.precedence, VOCAB["precedence/urgent-ish"]), "TransmissionShape"),
    Break("a transmission with two senders",
          add(TRANSMISSION, DK.sender, lambda g: sorted(g.objects(None, DK.addressee))[0]), "TransmissionShape"),
    Break("an addressing without a role", drop(of_type(DK.Addressing), DK.addresseeRole), "AddressingShape"),
]
FORM_CASES = [
    Break("a form field outside the form scheme",
          put(of_type(DK.FormField), DK.fieldName, VOCAB["form/telegram"]), "FormFieldShape"),
    Break("an exemption given as a string",
          add(having(DK.citesExemption), DK.citesExemption, Literal("(b)(1)")), "ExemptionLinkShape"),
    Break("an exemption from the wrong scheme",
          add(having(DK.citesExemption), DK.citesExemption, VOCAB["eo/12356"]), "ExemptionLinkShape"),
    Break("an undeclared authority",
          add(having(DK.underAuthority), DK.underAuthority, VOCAB["eo-section/12356-9-9"]), "AuthorityLinkShape"),
    Break("a restriction category outside its scheme",
          add(FORM_DOC, DK.restrictionCategory, VOCAB["foia-exemption/b1"]), "RestrictionLinkShape"),
    Break("a release status outside its scheme", add(FORM_DOC, DK.releaseStatus, Literal("RELEASED")),
          "ReleaseStatusLinkShape"),
    Break("a case number not normalised", add(having(DK.caseNumber), DK.caseNumber, Literal("N'v 55990")),
          "CaseNumberShape"),
    Break("a case number on something else than a review",
          add(FORM_DOC, DK.caseNumber, Literal("NW 55990", datatype=XSD.string)), "CaseNumberShape"),
]


def test_the_unbroken_graphs_conform(form_graph, telegram_graph):
    assert validate(form_graph).conforms
    assert validate(telegram_graph).conforms
    assert set(telegram_graph.subjects(RDF.type, DK.Transmission))
    assert set(form_graph.subjects(RDF.type, DK.FormField))


@pytest.mark.parametrize("case", TELEGRAM_CASES, ids=str)
def test_a_telegram_rule_broken_in_one_place_is_named_by_its_shape(telegram_graph, case):
    assert_broken(telegram_graph, case)


@pytest.mark.parametrize("case", FORM_CASES, ids=str)
def test_a_form_rule_broken_in_one_place_is_named_by_its_shape(form_graph, case):
    assert_broken(form_graph, case)
