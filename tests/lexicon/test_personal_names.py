"""Printed names in parts, and when two of them can be one person's."""
from __future__ import annotations

import pytest

from kg.lexicon.personal_names import (INITIAL, MIDDLE, NICKNAME, NO_GIVEN, agreement, display_slug,
                                       name_slug, parse_name)


@pytest.mark.parametrize("printed, given, surname", [
    ("E. Harry Knoche", ("E", "Harry"), "Knoche"),
    ("W.C. Sullivan", ("W", "C"), "Sullivan"),
    ("J.F, Dulles", ("J", "F"), "Dulles"),                 # the OCR's comma for a full stop
    ("Kuznetsov, V. V.", ("V", "V"), "Kuznetsov"),         # a list's inverted order
    ("MRS. LILLIAN SLOBODA", ("Lillian",), "SLOBODA"),
    ("Charles de Gaulle", ("Charles",), "de Gaulle"),
    ("Mr. Kuznetsov", (), "Kuznetsov"),                     # the title is not a given name
])
def test_a_printed_name_in_parts(printed, given, surname):
    name = parse_name(printed)
    assert (name.given, name.surname) == (given, surname)


def test_a_suffix_and_a_womans_title_are_kept_apart():
    assert parse_name("Elijah Kelly Jr.").suffix == "Jr."
    assert parse_name("Elijah Kelly Jr.").given == ("Elijah",)
    assert parse_name("Garro", "Miss").female is True
    assert parse_name("Mrs. Palengue").female is True
    assert parse_name("Scott", "Mr.").female is False
    assert parse_name("Scott", "Dr.").female is None       # a doctor may be either


def names(a, b):
    return agreement(parse_name(a), parse_name(b))


def test_an_initial_agrees_with_the_name_it_begins():
    assert names("J. Smith", "John Smith") == (INITIAL,)
    assert names("J. A. Smith", "John A. Smith") == (INITIAL,)


def test_a_middle_name_printed_in_one_only_agrees():
    assert names("John Smith", "John A. Smith") == (MIDDLE,)
    assert names("Averell Harriman", "W. Averell Harriman") == (MIDDLE,)


def test_a_nickname_agrees_with_its_name():
    assert names("E. Harry Knoche", "E. Henry Knoche") == (NICKNAME,)


def test_the_same_name_needs_no_reason_and_a_bare_surname_says_so():
    assert names("JOSEPH HERBERT", "Joseph Herbert") == ()
    assert names("Herbert", "Joseph Herbert") == (NO_GIVEN,)


@pytest.mark.parametrize("a, b", [
    ("Jane Smith", "John Smith"),
    ("Alexis Johnson", "Lyndon B. Johnson"),
    ("Geleo Kelly", "Elijah Kelly Jr."),
    ("Elijah Kelly Jr.", "Elijah Kelly Sr."),
    ("John A. Smith", "John B. Smith"),
    ("John Smith", "John Smyth"),                             # another surname
])
def test_names_that_disagree_are_two_persons(a, b):
    assert names(a, b) is None


def test_a_womans_title_disagrees_with_a_man():
    from dataclasses import replace
    man = replace(parse_name("John F. Kennedy"), female=False)
    assert agreement(parse_name("Kennedy", "Mrs."), man) is None
    assert agreement(parse_name("Kennedy", "Mr."), man) == (NO_GIVEN,)
    assert agreement(parse_name("Smith", "Mrs."), parse_name("Smith", "Mr.")) is None


def test_the_key_of_a_name_and_its_one_canonical_form():
    assert name_slug(parse_name("John A. Smith")) == "smith-john-a"
    assert name_slug(parse_name("JOHN A SMITH")) == "smith-john-a"
    assert display_slug("smith-john-a") == "John A. Smith"
    assert display_slug("mccone-john-a") == "John A. McCone"
    assert display_slug("de-gaulle-charles") == "Charles de Gaulle"
    assert display_slug("kelly-elijah-jr") == "Elijah Kelly Jr."
