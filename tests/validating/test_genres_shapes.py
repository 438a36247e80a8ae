"""Each genres shape can fail: a conforming graph is broken in one place and the gate names
the shape and says what is wrong, in words."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.extracting import run
from kg.mapping import to_graph
from kg.mapping.core import DK, VOCAB
from kg.reading import read_file
from kg.reading.plaintext import read_plaintext
from kg.resolving import resolve_document
from kg.validating import validate

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


def _fails(g, shape: str) -> list[str]:
    verdict = validate(g)
    assert not verdict.conforms
    return [r.message for r in verdict.violations if shape in r.shape]


def test_the_unbroken_graphs_conform(form_graph, telegram_graph):
    assert validate(form_graph).conforms
    assert validate(telegram_graph).conforms
    assert set(telegram_graph.subjects(RDF.type, DK.Transmission))
    assert set(form_graph.subjects(RDF.type, DK.FormField))


def test_a_transmission_with_an_unknown_precedence_fails(telegram_graph):
    g = telegram_graph + telegram_graph.__class__()
    item = next(g.subjects(RDF.type, DK.Transmission))
    g.add((item, DK.precedence, VOCAB["precedence/urgent-ish"]))
    assert _fails(g, "TransmissionShape")


def test_a_transmission_with_two_senders_fails(telegram_graph):
    g = telegram_graph + telegram_graph.__class__()
    item = next(g.subjects(RDF.type, DK.Transmission))
    other = next(g.objects(None, DK.addressee))
    g.add((item, DK.sender, other))
    assert _fails(g, "TransmissionShape")


def test_an_addressing_without_a_role_fails(telegram_graph):
    g = telegram_graph + telegram_graph.__class__()
    item = next(g.subjects(RDF.type, DK.Addressing))
    g.remove((item, DK.addresseeRole, None))
    assert _fails(g, "AddressingShape")


def test_a_form_field_outside_the_form_scheme_fails(form_graph):
    g = form_graph + form_graph.__class__()
    item = next(g.subjects(RDF.type, DK.FormField))
    g.remove((item, DK.fieldName, None))
    g.add((item, DK.fieldName, VOCAB["form/telegram"]))
    assert _fails(g, "FormFieldShape")


def test_an_exemption_given_as_a_string_fails(form_graph):
    g = form_graph + form_graph.__class__()
    review = next(g.subjects(DK.citesExemption, None))
    g.add((review, DK.citesExemption, Literal("(b)(1)")))
    assert _fails(g, "ExemptionLinkShape")


def test_an_exemption_from_the_wrong_scheme_fails(form_graph):
    g = form_graph + form_graph.__class__()
    review = next(g.subjects(DK.citesExemption, None))
    g.add((review, DK.citesExemption, VOCAB["eo/12356"]))
    assert _fails(g, "ExemptionLinkShape")


def test_an_undeclared_authority_fails(form_graph):
    g = form_graph + form_graph.__class__()
    review = next(g.subjects(DK.underAuthority, None))
    g.add((review, DK.underAuthority, VOCAB["eo-section/12356-9-9"]))
    assert _fails(g, "AuthorityLinkShape")


def test_a_restriction_category_outside_its_scheme_fails(form_graph):
    g = form_graph + form_graph.__class__()
    doc = next(g.subjects(DK.hasFormField, None))
    g.add((doc, DK.restrictionCategory, VOCAB["foia-exemption/b1"]))
    assert _fails(g, "RestrictionLinkShape")


def test_a_release_status_outside_its_scheme_fails(form_graph):
    g = form_graph + form_graph.__class__()
    doc = next(g.subjects(DK.hasFormField, None))
    g.add((doc, DK.releaseStatus, Literal("RELEASED")))
    assert _fails(g, "ReleaseStatusLinkShape")


def test_a_case_number_not_normalised_fails(form_graph):
    g = form_graph + form_graph.__class__()
    review = next(g.subjects(DK.caseNumber, None))
    g.add((review, DK.caseNumber, Literal("N'v 55990")))
    assert _fails(g, "CaseNumberShape")


def test_a_case_number_on_something_else_than_a_review_fails(form_graph):
    g = form_graph + form_graph.__class__()
    doc = next(g.subjects(DK.hasFormField, None))
    g.add((doc, DK.caseNumber, Literal("NW 55990", datatype=XSD.string)))
    assert _fails(g, "CaseNumberShape")
