"""Identity across the corpus: which persons are one IRI in several documents (merges), and
which persons of different documents may be one (links proposed to an archivist).

It runs after every document is resolved and published, on what each document's graph says
of its persons (`Seen`: the IRI, the canonical name, the basis of the identity, the forms
printed), and decides nothing the documents did not: a merge is a person whose IRI several
documents name (the authority file, or the same full name printed - kg.resolving.identity);
a link is a proposal, with its reason, between two IRIs of different documents whose names
agree without being the same name:

- the given names agree but differ: an initial ("J. Smith" / "John Smith"), a nickname
  ("Harry" / "Henry"), a middle name printed in one only ("John Smith" / "John A. Smith");
- the same initials and surname, no given name spelled out ("J. A. Smith" twice);
- a bare surname, when the corpus knows exactly one person of that surname by a given name.

A person with more than `MAX_CANDIDATES` candidates is proposed none when it is the less
specific side (a "J. Smith" among many Johns and Jameses says nothing).  Two persons of the authority file are never linked: the file
says they are two.  Pure: records in, records out; publishing turns them into RDF and a report.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable

from kg.lexicon.personal_names import (INITIAL, MIDDLE, NICKNAME, NO_GIVEN, PersonalName, agreement,
                                       parse_name, surname_slug)
from kg.resolving.identity import AUTHORITY, DOCUMENT, FULL_NAME

MAX_CANDIDATES = 3

# link bases (the concepts of vocab:identity-link-basis)
BASIS_OF = {INITIAL: "initial", NICKNAME: "nickname", MIDDLE: "middle-name"}
SAME_INITIALS = "same-initials"
SURNAME_ONLY = "surname-only"


@dataclass(frozen=True)
class Seen:
    """A person as one document's graph shows it."""

    iri: str
    document: str                    # the document's IRI
    source: str                      # the document's name (its source file) for the report
    name: str                        # the canonical name
    basis: str                       # authority | full-name | document
    surfaces: tuple[str, ...] = ()   # the forms printed there
    wikidata: str | None = None


@dataclass
class Identity:
    """One person IRI and every document that names it."""

    iri: str
    name: str
    basis: str
    documents: dict[str, str] = field(default_factory=dict)     # document IRI -> source name
    surfaces: list[str] = field(default_factory=list)
    wikidata: str | None = None

    @property
    def parts(self) -> PersonalName:
        """The name in parts, with the sex the printed titles say ("Mrs. Smith"), if they do."""
        name = parse_name(self.name)
        sexes = {parse_name(s).female for s in self.surfaces} - {None}
        return PersonalName(name.given, name.surname, name.suffix,
                            next(iter(sexes)) if len(sexes) == 1 else None)

    @property
    def evidence(self) -> str:
        """Why the documents naming this IRI name one person, in words."""
        if self.basis == AUTHORITY:
            qid = f", Wikidata {self.wikidata}" if self.wikidata else ""
            return f"authority file: {self.name}{qid}; given names, lifetime and offices agree"
        if self.basis == FULL_NAME:
            return f"the same full name printed: {self.name}"
        return "one document"


@dataclass(frozen=True)
class Link:
    """A proposal that two persons of different documents may be one."""

    a: Identity
    b: Identity
    bases: tuple[str, ...]
    reason: str

    @property
    def documents(self) -> dict[str, str]:
        return dict(sorted({**self.a.documents, **self.b.documents}.items()))


def identities(seen: Iterable[Seen]) -> list[Identity]:
    """The persons of the corpus, one per IRI, with the documents naming each (sorted)."""
    out: dict[str, Identity] = {}
    for s in seen:
        ident = out.setdefault(s.iri, Identity(s.iri, s.name, s.basis, wikidata=s.wikidata))
        ident.documents[s.document] = s.source
        ident.surfaces.extend(x for x in s.surfaces if x not in ident.surfaces)
    for ident in out.values():
        ident.documents = dict(sorted(ident.documents.items(), key=lambda d: (d[1], d[0])))
    return sorted(out.values(), key=lambda i: i.iri)


def merges(persons: Iterable[Identity]) -> list[Identity]:
    """The persons whose one IRI several documents name."""
    return [p for p in persons if len(p.documents) > 1]


def _printed(p: Identity) -> str:
    shown = f"'{p.name}'"
    docs = ", ".join(list(p.documents.values())[:3]) + (" ..." if len(p.documents) > 3 else "")
    return f"{shown} ({docs})"


def _proposal(a: Identity, b: Identity, named_in_group: list[Identity]) -> tuple[tuple[str, ...], str] | None:
    if a.basis == AUTHORITY and b.basis == AUTHORITY:
        return None                                   # the file says they are two
    if set(a.documents) & set(b.documents):
        return None                                   # the document itself kept them apart
    pa, pb = a.parts, b.parts
    if not pa.given and not pb.given:
        return None                                   # two bare surnames: no evidence at all
    why = agreement(pa, pb, surnames=False)
    if why is None:
        return None
    if NO_GIVEN in why:
        bare, other = (a, b) if not pa.given else (b, a)
        if bare.basis != DOCUMENT or not other.parts.given or named_in_group != [other]:
            return None
        if bare.parts.female and not other.parts.female:
            return None                               # "Mrs. Smith" may be Mrs. John Smith
        return (SURNAME_ONLY,), (f"{_printed(bare)} prints only the surname; {_printed(other)} is the "
                                 f"one person of that surname the corpus names with a given name")
    if not why:
        if pa.full:
            return None                               # the same full name is one IRI already
        return (SAME_INITIALS,), f"{_printed(a)} and {_printed(b)}: the same surname and initials"
    bases = tuple(BASIS_OF[w] for w in why if w in BASIS_OF)
    return bases, f"{_printed(a)} and {_printed(b)}: the same surname; " + "; ".join(why)


def likely_matches(persons: Iterable[Identity]) -> list[Link]:
    """The links to propose between persons of different documents (sorted, deterministic)."""
    groups: dict[str, list[Identity]] = defaultdict(list)
    for p in persons:
        key = surname_slug(p.parts.surname)
        if key:
            groups[key].append(p)
    found: list[Link] = []
    for key in sorted(groups):
        group = groups[key]
        named = [p for p in group if p.parts.given and (p.basis != DOCUMENT or p.parts.full)]
        for a, b in combinations(group, 2):
            proposal = _proposal(a, b, named)
            if proposal is not None:
                found.append(Link(a, b, *proposal))
    per_person: dict[str, int] = defaultdict(int)
    for link in found:
        per_person[link.a.iri] += 1
        per_person[link.b.iri] += 1
    # the less specific side ("J. Smith") must not have many candidates: among many it is none
    kept = [link for link in found if per_person[_weaker(link).iri] <= MAX_CANDIDATES]
    return sorted(kept, key=lambda link: (link.a.iri, link.b.iri))


def _weaker(link: Link) -> Identity:
    """The side of a link whose name says less (a person of one document, fewer given names)."""
    rank = lambda p: (p.basis != DOCUMENT, p.parts.full, len(p.parts.given), p.iri)   # noqa: E731
    return min(link.a, link.b, key=rank)
