"""Resolving: printed names -> persons, inside a document and across the corpus.

`resolve_document()` takes one document's records and returns a `Resolution`: the persons
the document refers to, each with a corpus-wide key (the same person gets the same key, and so
the same IRI, in every document), and `Resolution.lookup(printed)` to find the person a printed
name or office refers to.  Inside a document a surname variant or OCR misspelling of a
participant is that participant; otherwise the authority file (kg/data/persons.csv) decides,
and a name it does not know becomes a person keyed by its own printed surname.

It never invents a participant and never guesses an external identifier: QIDs come only
from the authority file.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

from kg.records import DocumentHeader, DocumentRecords, Drafter, Participant
from kg.resolving.matching import best_match, name_key, surname


@dataclass(frozen=True)
class Person:
    key: str                     # corpus-wide slug: "stevenson-adlai-e", or "zherebtsov"
    name: str                    # canonical display name
    country: str | None = None
    wikidata: str | None = None  # QID from the authority file only
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolved:
    """A printed reference resolved to a person, with how sure the resolver is."""

    person: Person
    printed: str
    confidence: float = 1.0
    corrected: bool = False      # the printed form is a variant/misreading of the name
    note: str | None = None


@dataclass(frozen=True)
class AuthorityEntry:
    key: str
    name: str
    surnames: tuple[str, ...]
    country: str | None
    wikidata: str | None


@lru_cache(maxsize=1)
def authority() -> tuple[AuthorityEntry, ...]:
    """The persons of the shipped authority file (kg/data/persons.csv)."""
    text = resources.files("kg").joinpath("data/persons.csv").read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        out.append(AuthorityEntry(
            key=row["key"], name=row["name"],
            surnames=tuple(s.strip() for s in row["surnames"].split("|") if s.strip()),
            country=row.get("country") or None, wikidata=row.get("wikidata") or None))
    return tuple(out)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name_key(text) if " " not in text else text.casefold()).strip("-")


def _from_authority(entry: AuthorityEntry) -> Person:
    return Person(entry.key, entry.name, entry.country, entry.wikidata, entry.surnames)


def authority_lookup(printed: str) -> tuple[Person, float] | None:
    """The authority person whose surname the printed name carries (OCR variants allowed)."""
    last = surname(printed)
    pairs = [(s, e) for e in authority() for s in e.surnames]
    hit = best_match(last, pairs, key=lambda p: p[0], threshold=0.8)
    if hit is None:
        return None
    (_, entry), score = hit
    return _from_authority(entry), score


@dataclass
class Resolution:
    """The persons of one document and how its printed names map to them."""

    doc_date: date | None
    participants: list[tuple[Participant, Person]] = field(default_factory=list)
    persons: dict[str, Person] = field(default_factory=dict)
    _cache: dict[str, Resolved | None] = field(default_factory=dict)

    def add(self, person: Person) -> Person:
        return self.persons.setdefault(person.key, person)

    def lookup(self, printed: str, title: str | None = None) -> Resolved | None:
        """The person a printed name refers to, in this document's context."""
        key = f"{title or ''}|{printed}"
        if key not in self._cache:
            self._cache[key] = self._lookup(printed, title)
        return self._cache[key]

    def _lookup(self, printed: str, title: str | None) -> Resolved | None:
        if not printed or not printed.strip():
            return None
        last = surname(printed)
        hit = best_match(last, self.participants, key=lambda pp: surname(pp[0].name or ""),
                         threshold=0.8)
        if hit is not None:
            (_, person), score = hit
            return Resolved(person, printed, score, corrected=score < 1.0)
        found = authority_lookup(printed)
        if found is not None:
            person, score = found
            return Resolved(self.add(person), printed, score, corrected=score < 1.0)
        if not re.match(r"[A-Z]", last):
            return None
        person = self.add(Person(slug(last), printed.strip()))
        return Resolved(person, printed, 0.5)


def resolve_document(records: DocumentRecords) -> Resolution:
    """Resolve the named records of one document to persons."""
    header = next(iter(records.of(DocumentHeader)), None)
    res = Resolution(doc_date=header.date if header else None)
    for p in records.of(Participant):
        if not p.name:
            continue
        found = authority_lookup(p.name)
        person = found[0] if found and found[1] >= 0.8 else Person(slug(surname(p.name)), p.name)
        res.participants.append((p, res.add(person)))
    for d in records.of(Drafter):
        res.lookup(d.name)
    return res
