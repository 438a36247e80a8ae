"""Identity as a specification: when a printed name is a person of the authority file, when a
person is one IRI across documents, and when only a person of its document."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kg.resolving.identity import AUTHORITY, DOCUMENT, FULL_NAME  # noqa: E402
from memos import resolved  # noqa: E402

NOBODY = "PARTICIPANTS: US - Mr. Allen Brooks\nUSSR - Mr. Ivan Petrov"


def two_documents(first: str, second: str):
    """Two memoranda a week apart, with the same participants and these bodies."""
    _, _, a = resolved("March 3, 1963", first, participants=NOBODY, name="a.txt")
    _, _, b = resolved("March 9, 1963", second, participants=NOBODY, name="b.txt")
    return a, b


def persons_printed(res, surface):
    return {p for m, p in res.mentions if m.surface == surface}


def one(res, surface):
    found = persons_printed(res, surface)
    assert len(found) == 1, (surface, found)
    return next(iter(found))


def test_two_documents_that_print_only_the_surname_smith_name_two_persons():
    a, b = two_documents("Mr. Brooks said that Mr. Smith had left for Rome.",
                         "Mr. Brooks said that Mr. Smith had come from Paris.")
    sa, sb = one(a, "Mr. Smith"), one(b, "Mr. Smith")
    assert sa.basis == sb.basis == DOCUMENT
    assert sa.key != sb.key and sa.name == sb.name == "Smith"


def test_the_same_full_name_in_two_documents_is_one_person():
    a, b = two_documents("Mr. Brooks said that Mr. John A. Smith had left.",
                         "Mr. Brooks said that Ambassador John A. Smith had come back.")
    sa, sb = one(a, "Mr. John A. Smith"), one(b, "Ambassador John A. Smith")
    assert sa == sb
    assert (sa.key, sa.name, sa.basis) == ("smith-john-a", "John A. Smith", FULL_NAME)


def test_a_bare_surname_takes_the_full_name_the_same_document_prints():
    _, _, a = resolved("March 3, 1963", "Mr. Smith arrived late. Mr. Brooks said that "
                                        "Mr. Joseph Smith had brought the papers.", participants=NOBODY)
    assert one(a, "Mr. Smith") == one(a, "Mr. Joseph Smith")
    assert one(a, "Mr. Smith").key == "smith-joseph"


def test_j_smith_and_john_smith_in_two_documents_are_not_merged():
    a, b = two_documents("Mr. Brooks said that Mr. J. Smith had left.",
                         "Mr. Brooks said that Mr. John Smith had come.")
    ja, jb = one(a, "Mr. J. Smith"), one(b, "Mr. John Smith")
    assert ja.basis == DOCUMENT and jb.basis == FULL_NAME and ja.key != jb.key


def test_in_one_document_mr_and_mrs_smith_are_two_persons():
    _, _, a = resolved("March 3, 1963", "Mr. Brooks said that Mr. John Smith and Mrs. Smith had "
                                        "left for Rome on Monday.", participants=NOBODY)
    assert one(a, "Mr. John Smith") != one(a, "Mrs. Smith")


def test_the_authoritys_johnson_is_not_alexis_johnson_the_given_name_disagrees():
    _, _, a = resolved("July 25, 1962", "Mr. Brooks said that Mr. Alexis Johnson and "
                                        "Vice President Johnson would attend.", participants=NOBODY)
    alexis = one(a, "Mr. Alexis Johnson")
    assert alexis.key == "johnson-u-alexis" and alexis.wikidata is None
    assert one(a, "Vice President Johnson").key == "johnson-lyndon-b"


def test_a_person_who_died_before_the_documents_date_is_not_its_dulles():
    # John Foster Dulles died in May 1959; in 1961 the Dulles of a minute is Allen W. Dulles,
    # the Director of Central Intelligence, the only Dulles of the file alive
    _, _, a = resolved("June 8, 1961", "Mr. Brooks said that Mr. Dulles had briefed the group.",
                       participants=NOBODY)
    assert one(a, "Mr. Dulles").key == "dulles-allen-w"
    # in 1957 both were alive and in office: a bare "Dulles" is no one of the file
    _, _, b = resolved("June 8, 1957", "Mr. Brooks said that Mr. Dulles had briefed the group.",
                       participants=NOBODY)
    assert one(b, "Mr. Dulles").basis == DOCUMENT
    # ... but the title says which
    _, _, c = resolved("June 8, 1957", "Mr. Brooks said that Secretary Dulles had briefed "
                                       "the group.", participants=NOBODY)
    assert one(c, "Secretary Dulles").key == "dulles-john-foster"


def test_a_dead_man_is_named_by_his_office_or_his_given_names_never_by_a_bare_surname():
    body = ("Mr. Brooks said that President Kennedy had approved the plan, that John F. Kennedy "
            "had signed it, and that Kennedy had read it.")
    _, _, a = resolved("April 26, 1978", body, participants=NOBODY)
    assert one(a, "President Kennedy").key == "kennedy-john-f"
    assert one(a, "John F. Kennedy").key == "kennedy-john-f"
    assert one(a, "Kennedy").key == "kennedy-john-f"        # the document has said who
    _, _, b = resolved("April 26, 1978", "Mr. Brooks said that Johnson had read it.", participants=NOBODY)
    assert one(b, "Johnson").key != "johnson-lyndon-b"      # dead since January 1973


def test_a_dead_man_does_not_take_part():
    _, _, a = resolved("June 8, 1961", "Mr. Dulles said the plan was ready.",
                       participants="PARTICIPANTS: Mr. John Foster Dulles\nMr. Allen Brooks")
    assert all(p.key != "dulles-john-foster" for _, p in a.participants)


def test_geleo_kelly_is_not_the_reviewer_elijah_kelly_jr():
    _, _, a = resolved("May 2, 1963", "Mr. Brooks met the president of the association.",
                       participants=NOBODY)
    kelly = a.lookup("Geleo Kelly").person
    assert kelly.key == "kelly-geleo" and kelly.basis == FULL_NAME
    assert a.lookup("Elijah Kelly Jr.").person.key == "kelly-elijah-jr"
    assert a.lookup("Kelly").person.key != "kelly-elijah-jr"    # a bare Kelly is no reviewer


def test_a_woman_is_no_man_of_the_authority_file():
    _, _, a = resolved("May 2, 1963", "Mr. Brooks said that Mrs. Kennedy would travel with him.",
                       participants=NOBODY)
    assert one(a, "Mrs. Kennedy").key != "kennedy-john-f"


def test_ocr_debris_is_no_person():
    _, _, a = resolved("May 2, 1963", "Mr. Brooks went to the Exbassy on Monday and saw "
                                      "Mr. Exbassy there.", participants=NOBODY)
    assert not any("exbassy" in p.key for p in a.persons.values())


def test_every_person_of_a_document_has_a_basis():
    _, _, a = resolved("July 25, 1962", "Mr. Brooks said that the President, Mr. Joseph Herbert "
                                        "and Mr. Scott would attend.", participants=NOBODY)
    assert {p.basis for p in a.persons.values()} <= {AUTHORITY, FULL_NAME, DOCUMENT}
    assert one(a, "the President").basis == AUTHORITY
    assert one(a, "Mr. Joseph Herbert").basis == FULL_NAME
    assert one(a, "Mr. Scott").basis == DOCUMENT


def test_a_rare_surname_one_letter_from_a_rarer_word_is_a_name():
    _, _, a = resolved("May 2, 1963", "Mr. Brooks met Dr. Podio and Mr. Krimer there.",
                       participants=NOBODY)
    assert a.lookup("Dr. Podio") is not None and a.lookup("Mr. Krimer") is not None
