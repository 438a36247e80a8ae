"""Links proposed between persons of different documents: when names agree without being the
same name, as a proposal with its reason; never between two bare surnames, never between two
persons of the authority file, never for a name among many candidates."""
from __future__ import annotations

from kg.resolving.identity import AUTHORITY, DOCUMENT, FULL_NAME
from kg.resolving.links import Seen, identities, likely_matches, merges

BASE = "https://example.org/id/"


def seen(doc: str, name: str, basis: str, *surfaces: str, key: str | None = None) -> Seen:
    key = key or name.lower().replace(".", "").replace(" ", "-")
    iri = f"{BASE}doc/{doc}/person/{key}" if basis == DOCUMENT else f"{BASE}person/{key}"
    return Seen(iri, f"{BASE}doc/{doc}", f"{doc}.txt", name, basis, surfaces or (name,))


def links_of(*records: Seen):
    return [(link.a.name, link.b.name, link.bases) for link in likely_matches(identities(records))]


def test_j_smith_and_john_smith_in_two_documents_are_linked_as_a_likely_match_not_merged():
    records = (seen("a", "J. Smith", DOCUMENT, "Mr. J. Smith"), seen("b", "John Smith", FULL_NAME))
    assert links_of(*records) == [("J. Smith", "John Smith", ("initial",))]
    assert merges(identities(records)) == []
    link = likely_matches(identities(records))[0]
    assert "a.txt" in link.reason and "b.txt" in link.reason and "initial" in link.reason
    assert set(link.documents) == {f"{BASE}doc/a", f"{BASE}doc/b"}


def test_a_middle_name_or_a_nickname_printed_in_one_is_a_likely_match():
    assert links_of(seen("a", "John Smith", FULL_NAME), seen("b", "John A. Smith", FULL_NAME)) == [
        ("John A. Smith", "John Smith", ("middle-name",))]
    assert links_of(seen("a", "E. Harry Knoche", FULL_NAME), seen("b", "E. Henry Knoche", FULL_NAME)) == [
        ("E. Harry Knoche", "E. Henry Knoche", ("nickname",))]


def test_names_that_disagree_are_not_linked():
    assert links_of(seen("a", "Jane Smith", FULL_NAME), seen("b", "John Smith", FULL_NAME)) == []
    assert links_of(seen("a", "Smith", DOCUMENT, "Mrs. Smith"), seen("b", "John Smith", FULL_NAME)) == []


def test_two_bare_surnames_are_not_linked():
    assert links_of(seen("a", "Smith", DOCUMENT), seen("b", "Smith", DOCUMENT)) == []


def test_a_bare_surname_is_proposed_the_one_person_of_that_surname_named_in_the_corpus():
    one = (seen("a", "Herbert", DOCUMENT), seen("b", "Joseph Herbert", FULL_NAME))
    assert links_of(*one) == [("Herbert", "Joseph Herbert", ("surname-only",))]
    two = one + (seen("c", "Anne Herbert", FULL_NAME),)
    assert [x for x in links_of(*two) if x[0] == "Herbert"] == []


def test_the_same_initials_in_two_documents_are_a_likely_match():
    assert links_of(seen("a", "J. A. Smith", DOCUMENT), seen("b", "J. A. Smith", DOCUMENT)) == [
        ("J. A. Smith", "J. A. Smith", ("same-initials",))]


def test_two_persons_of_the_authority_file_are_never_linked():
    assert links_of(seen("a", "John F. Kennedy", AUTHORITY, key="kennedy-john-f"),
                    seen("b", "Robert F. Kennedy", AUTHORITY, key="kennedy-robert-f"),
                    seen("c", "J. Kennedy", DOCUMENT)) == [("J. Kennedy", "John F. Kennedy", ("initial", "middle-name"))]


def test_an_initial_among_many_given_names_is_proposed_none():
    many = [seen(d, f"{g} Smith", FULL_NAME) for d, g in zip("bcde", ("John", "James", "Joseph", "Jack"))]
    assert [x for x in links_of(seen("a", "J. Smith", DOCUMENT), *many) if x[0] == "J. Smith"] == []
    assert len([x for x in links_of(seen("a", "J. Smith", DOCUMENT), *many[:3]) if x[0] == "J. Smith"]) == 3


def test_a_person_named_in_several_documents_is_a_merge_with_its_evidence():
    records = (seen("a", "Joseph Herbert", FULL_NAME), seen("b", "Joseph Herbert", FULL_NAME, "JOSEPH HERBERT"))
    (merged,) = merges(identities(records))
    assert list(merged.documents.values()) == ["a.txt", "b.txt"]
    assert merged.surfaces == ["Joseph Herbert", "JOSEPH HERBERT"]
    assert merged.evidence == "the same full name printed: Joseph Herbert"
