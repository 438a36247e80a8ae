"""Identity: when a person of one document is the same person as one of another.

The policy (the README's "Identity across documents" says it for users):

- A person of the authority file (kg/data/persons.csv) is one IRI everywhere.  A printed name
  is that person only when nothing printed rules it out: the given names agree ("Alexis
  Johnson" is not Lyndon B. Johnson), a woman's title is no man of the file, and the person
  was alive on the document's date - a dead man is referred to only by his given names or by
  an office he held ("President Kennedy" in 1978, never a bare "Dulles" in 1961), and never
  speaks, attends or drafts.  Among several candidates the one in the office the title
  names on the date wins, then the one alive, then the one in any office; otherwise none.
  (`authority_choice`)
- A person the authority does not know is one IRI across documents only when the document
  prints a full name - a given name spelled out ("Joseph Herbert", "John A. Smith") - and
  every form it prints agrees with it: the key is that name ("herbert-joseph"), so another
  document printing the same full name names the same IRI.  Otherwise - a bare surname, or
  initials only ("J. Smith") - the person is scoped to the document (its IRI lies under the
  document's), because a surname alone is no evidence across a corpus where every Smith
  would become one man. (`settle`)
- Likely matches between persons of different documents are proposed as links for an
  archivist to confirm, with the reason in words, never merged (kg.resolving.links).
- OCR debris of a common word is no person (`is_debris`).

Pure: names in, identities out; the authority tables are the lexicon's.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Callable, Sequence

from kg.lexicon.authority import AuthorityEntry, by_key, held, in_office
from kg.lexicon.matching import name_key
from kg.lexicon.personal_names import (PersonalName, agreement, display, display_slug, name_slug,
                                       surname_slug)
from kg.lexicon.words import misread_word, zipf

# How a person's identity was established (the basis of its IRI)
AUTHORITY = "authority"     # the authority file: one IRI everywhere
FULL_NAME = "full-name"     # the full name printed: one IRI for every document printing it
DOCUMENT = "document"       # nothing more than this document: an IRI scoped to it
PENDING = "pending"         # while the document is read (never leaves the resolver)
BASES = (AUTHORITY, FULL_NAME, DOCUMENT)


@dataclass(frozen=True)
class Person:
    key: str                     # "stevenson-adlai-e", "herbert-joseph", "garro@1a2b3c4d"
    name: str                    # canonical display name
    country: str | None = None
    wikidata: str | None = None  # QID from the authority file only
    variants: tuple[str, ...] = ()
    basis: str = AUTHORITY       # authority | full-name | document

    @property
    def scoped(self) -> bool:
        """Known only in one document: its IRI lies under the document's."""
        return self.basis == DOCUMENT

    @property
    def local_key(self) -> str:
        """The key without the document's mark ("garro@1a2b3c4d" -> "garro")."""
        return self.key.partition("@")[0]


Candidate = tuple[AuthorityEntry, float, tuple[str, ...]]


def authority_choice(candidates: Sequence[Candidate], when: date | None, *, explicit: bool,
                     office: str | None = None, actor: bool = False) -> tuple[AuthorityEntry, float] | None:
    """The one authority person a printed name names on a document's date, or None.

    ``candidates`` are those the name allows (`kg.lexicon.authority.authority_candidates`),
    closest first; ``explicit``: the name prints given names or initials; ``office``: the
    office its title names, if any; ``actor``: the name speaks, attends, drafts or reviews.
    """
    kept: list[Candidate] = []
    for entry, score, why in candidates:
        if when is not None and not entry.alive(when):
            if entry.born and when < entry.born:
                continue                                  # not born yet
            posthumous = explicit or (office is not None and held(entry.key, office, when, before=True))
            if actor or not posthumous:
                continue                                  # dead: not a bare surname's man
        kept.append((entry, score, why))
    if not kept:
        return None
    top = max(c[1] for c in kept)
    kept = [c for c in kept if c[1] == top]               # the closest form first
    if len({c[0].key for c in kept}) > 1 and when is not None:
        prefer: list[Callable[[AuthorityEntry], bool]] = [
            lambda e: office is not None and held(e.key, office, when),
            lambda e: office is not None and held(e.key, office, when, before=True),
            lambda e: e.alive(when),
            lambda e: in_office(e.key, when),
        ]
        for rule in prefer:
            narrowed = [c for c in kept if rule(c[0])]
            if narrowed:
                kept = narrowed
            if len({c[0].key for c in kept}) == 1:
                break
    if len({c[0].key for c in kept}) != 1:
        return None                                       # ambiguous: no one
    return kept[0][0], kept[0][1]


DEBRIS_ZIPF = 4.0      # how common the word must be whose misreading a bare "name" is taken for


def is_debris(name: PersonalName) -> bool:
    """A bare printed "name" that is the OCR's misreading of a common word ("Exbassy" for
    embassy, "Departmemt") or has no letters to speak of: no person.  The word must be common
    (Zipf >= 4: embassy, department, secretary) and keep its first letter - misreadings keep
    it far more often than a name happens to differ from a word only there - so rare surnames
    one letter from a rarer word stay names ("Podio"/polio, "Krimer"/primer, "Bundy"/bandy),
    and so does a name printed with its given names ("Edward L. Freers")."""
    letters = name_key(name.surname)
    if len(letters) < 2:
        return True
    if name.given:
        return False
    word = misread_word(name.surname.strip(".,'’"))
    return word is not None and word[0] == letters[0] and zipf(word) >= DEBRIS_ZIPF


def fullest(forms: Sequence[PersonalName]) -> PersonalName:
    """The fullest name among the forms printed: spelled-out given names first, then more of
    them; among equals the surname printed most often, then the first printed."""
    rank = lambda f: (f.full, len(f.given), f.suffix is not None)     # noqa: E731
    top = max(rank(f) for f in forms)
    best = [f for f in forms if rank(f) == top]
    counts = Counter(f.surname for f in forms)
    return max(best, key=lambda f: (counts[f.surname], -best.index(f)))


def _shown(name: PersonalName) -> str:
    """A document-scoped person's name: as printed, capitals made a name ("GARRO" -> "Garro")."""
    if name.surname.isupper() or name.surname.islower():
        name = PersonalName(name.given, display_slug(surname_slug(name.surname)) or name.surname,
                            name.suffix, name.female)
    return display(name)


def identity(forms: Sequence[PersonalName], tag: str) -> Person:
    """The identity of a person the authority does not know, from every form one document
    prints it under: a full name all forms agree with names it across the corpus; anything
    less scopes it to the document (keys "<name>@<tag>")."""
    forms = [f for f in forms if f.surname] or list(forms)
    best = fullest(forms)
    agreed = all(agreement(f, best, surnames=False) is not None for f in forms)
    key = name_slug(best) or "person"
    if best.full and agreed and key not in by_key():
        return Person(key, display_slug(key), basis=FULL_NAME)
    return Person(f"{key}@{tag}", _shown(best), basis=DOCUMENT)


def settle(pending: dict[str, list[PersonalName]], taken: set[str], tag: str) -> dict[str, Person]:
    """Identities for a document's provisional persons (key -> forms printed), keys unique
    within the document: two different persons printed alike ("Smith" and "Smith" whose given
    names disagree) get "-2", "-3" in the order they were first printed."""
    out: dict[str, Person] = {}
    used = {k for k in taken if k not in pending}
    for old in sorted(pending, key=lambda k: int(k[1:]) if k[1:].isdigit() else 0):
        person = identity(pending[old], tag)
        if person.key in used and person.basis == DOCUMENT:
            local, _, mark = person.key.partition("@")
            n = 2
            while f"{local}-{n}@{mark}" in used:
                n += 1
            person = Person(f"{local}-{n}@{mark}", person.name, basis=DOCUMENT)
        used.add(person.key)
        out[old] = person
    return out
