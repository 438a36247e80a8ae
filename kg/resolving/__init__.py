"""Resolving: printed names -> persons, inside a document and across the corpus.

`resolve_document()` takes one document's records and returns a `Resolution`: the persons
the document refers to, each with a corpus-wide key (the same person gets the same key, and so
the same IRI, in every document), and `Resolution.lookup(printed, title)` to find the person a
printed name or office refers to.

The order of evidence, inside one document:

1. a participant: a surname variant or OCR misspelling of a listed participant *is* that
   participant ("Gilpatrick"/"Gilpatric", "Kusnetsov", "Sgevenson");
2. an office: a bare title ("the President", "the Secretary-General") names whoever held
   the office on the document's date (kg/data/offices.csv);
3. the authority file (kg/data/persons.csv), OCR variants allowed ("McGloy" -> McCloy);
4. another name of the same document it is a variant or a typist's false start of
   ("McGlo" struck before "McGloy");
5. otherwise a new person keyed by the printed surname.

A name printed only where a speaker's name stands ("Mr. Gusev replied") in a document with a
participant list, and that is no participant, is a *speaker misreading*, not a person: only
participants speak in a memorandum of conversation.  `Resolution.misreadings` lists them and
`lookup()` returns None for them; `Resolution.participant_of()` answers "is this printed name
a participant or a variant of one?" for whoever attributes the turn.

It never guesses an external identifier: QIDs come only from the authority file.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from kg.records import DocumentHeader, DocumentRecords, Drafter, Participant, PersonMention
from kg.resolving.authority import (AuthorityEntry, authority, by_key, head_of, holder,
                                    merge_wikidata, office_of, post_office)
from kg.resolving.matching import PARTICLES, best_match, name_key, similarity, surname

__all__ = ["Person", "Resolved", "Resolution", "resolve_document", "authority",
           "authority_lookup", "AuthorityEntry", "merge_wikidata", "person_of_entry", "slug"]

PARTICIPANT_THRESHOLD = 0.8
AUTHORITY_THRESHOLD = 0.8
IN_DOCUMENT_THRESHOLD = 0.7     # admits a typist's truncated false start ("McGlo" / "McGloy")


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
    note: str | None = None      # participant | office:<key> | authority | document | new


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name_key(text) if " " not in text else text.casefold()).strip("-")


def display_name(key: str) -> str:
    """The canonical name of a person the authority file does not know, made from the key
    alone ("mccone" -> "McCone", "de-gaulle" -> "de Gaulle").  The key is the folded surname;
    documents print the person as "HERBERT", "Herbert" or "Joseph Herbert", and the one IRI
    they share must carry one name in the merged graph, whatever each document printed (the
    printed forms stay on the mentions and as skos:altLabel)."""
    words = []
    for part in key.split("-"):
        if part in PARTICLES:
            words.append(part)
        elif part.startswith("mc") and len(part) > 3:
            words.append("Mc" + part[2:].capitalize())
        else:
            words.append(part.capitalize())
    return " ".join(words)


def person_of_entry(entry: AuthorityEntry) -> Person:
    return Person(entry.key, entry.name, entry.country, entry.wikidata, entry.surnames)


_from_authority = person_of_entry


def authority_lookup(printed: str) -> tuple[Person, float] | None:
    """The authority person whose surname (or full name) the printed name carries."""
    folded = " ".join(re.findall(r"[a-z]+", printed.casefold()))
    for e in authority():                       # a full name printed as such ("U Thant")
        if " ".join(re.findall(r"[a-z]+", e.name.casefold())) == folded:
            return person_of_entry(e), 1.0
    last = surname(printed)
    pairs = [(s, e) for e in authority() for s in e.surnames]
    # surnames that fold alike ("de Gaulle", "DeGaulle") are one, not a tie
    hit = best_match(last, pairs, key=lambda p: name_key(p[0]), threshold=AUTHORITY_THRESHOLD)
    if hit is None:
        return None
    (_, entry), score = hit
    return person_of_entry(entry), score


def _office_person(title: str | None, when: date | None,
                   place: str | None = None) -> tuple[Person, str] | None:
    office = office_of(title) or post_office(title, place)
    if office is None:
        return None
    entry = holder(office, when)
    return (person_of_entry(entry), office) if entry else None


_TITLE_ABBREVIATIONS = {"amb.": "ambassador", "am.": "ambassador", "sec.": "secretary",
                        "gen.": "general", "adm.": "admiral", "col.": "colonel", "capt.": "captain"}


def _title_key(title: str) -> str:
    key = re.sub(r"^the\s+", "", " ".join(title.split()).casefold())
    return _TITLE_ABBREVIATIONS.get(key, key)


def _is_office_only(printed: str, place: str | None = None) -> bool:
    return office_of(printed) is not None or post_office(printed, place) is not None


@dataclass
class Resolution:
    """The persons of one document and how its printed names map to them."""

    doc_date: date | None
    doc_place: str | None = None     # where it was written (a post: "The Ambassador" there)
    participants: list[tuple[Participant, Person]] = field(default_factory=list)
    persons: dict[str, Person] = field(default_factory=dict)
    mentions: list[tuple[PersonMention, Person]] = field(default_factory=list)
    misreadings: dict[str, str] = field(default_factory=dict)   # folded surname -> note
    _known: list[tuple[str, Person]] = field(default_factory=list)   # printed surname, person
    _cache: dict[str, Resolved | None] = field(default_factory=dict)

    def add(self, person: Person) -> Person:
        return self.persons.setdefault(person.key, person)

    # -- questions other stages ask ------------------------------------------------------

    def lookup(self, printed: str | None, title: str | None = None) -> Resolved | None:
        """The person a printed name (or a bare office title) refers to, in this document."""
        key = f"{title or ''}|{printed or ''}"
        if key not in self._cache:
            self._cache[key] = self._lookup(printed or "", title)
        return self._cache[key]

    def participant_of(self, printed: str | None, title: str | None = None) -> Resolved | None:
        """The participant a printed name is (or is a variant of), else None."""
        if not printed or not printed.strip():
            if title:
                found = _office_person(title, self.doc_date, self.doc_place)
                if found and any(p.key == found[0].key for _, p in self.participants):
                    return Resolved(found[0], title, 1.0, note=f"office:{found[1]}")
            return None
        if _is_office_only(printed, self.doc_place):
            return self.participant_of(None, printed)
        last = surname(printed)
        hit = best_match(last, self.participants, key=lambda pp: surname(pp[0].name or ""),
                         threshold=PARTICIPANT_THRESHOLD)
        if hit is not None:
            (_, person), score = hit
            return Resolved(person, printed, score, corrected=score < 1.0, note="participant")
        # a participant listed by office ("The Secretary") may be named in the prose
        found = authority_lookup(printed)
        if found and found[1] >= AUTHORITY_THRESHOLD:
            for _, p in self.participants:
                if p.key == found[0].key:
                    return Resolved(p, printed, found[1], corrected=found[1] < 1.0, note="participant")
        return None

    def is_participant(self, printed: str | None, title: str | None = None) -> bool:
        return self.participant_of(printed, title) is not None

    def is_misreading(self, printed: str | None) -> bool:
        return bool(printed) and name_key(surname(printed)) in self.misreadings

    def office_holder(self, title: str) -> Person | None:
        found = _office_person(title, self.doc_date, self.doc_place)
        return found[0] if found else None

    def head_of(self, country: str) -> Person | None:
        """The head of government of a country on the document's date (kg/data/offices.csv)."""
        entry = head_of(country, self.doc_date)
        return person_of_entry(entry) if entry else None

    def surfaces(self, key: str) -> list[str]:
        """The forms a person is printed under in this document, in order, once each."""
        out: list[str] = []
        for m, p in self.mentions:
            if p.key == key and m.surface not in out:
                out.append(m.surface)
        return out

    def mentions_of(self, key: str) -> list[PersonMention]:
        return [m for m, p in self.mentions if p.key == key]

    # -- the rules -------------------------------------------------------------------------

    def _lookup(self, printed: str, title: str | None) -> Resolved | None:
        if not printed.strip():
            found = _office_person(title, self.doc_date, self.doc_place)
            if found is None:
                return self._titled_participant(title)
            return Resolved(self.add(found[0]), title or "", 1.0, note=f"office:{found[1]}")
        if _is_office_only(printed, self.doc_place):
            return self._lookup("", printed)
        hit = self.participant_of(printed)
        if hit is not None:
            return hit
        if self.is_misreading(printed):
            return None
        return self._named(printed, allow_new=True)

    def _titled_participant(self, title: str | None) -> Resolved | None:
        """"The Ambassador": the one participant listed with that title, if only one is."""
        if not title:
            return None
        key = _title_key(title)
        holders = [p for part, p in self.participants if part.title and _title_key(part.title) == key]
        if len({p.key for p in holders}) != 1:
            return None
        return Resolved(holders[0], title, 0.9, note="title")

    def _named(self, printed: str, allow_new: bool) -> Resolved | None:
        last = surname(printed)
        hit = best_match(last, self._known, key=lambda kp: kp[0], threshold=1.0)
        if hit is not None:
            return Resolved(hit[0][1], printed, 1.0, note="document")
        found = authority_lookup(printed)
        if found is not None:
            person, score = found
            return Resolved(self.add(person), printed, score, corrected=score < 1.0,
                            note="authority")
        hit = best_match(last, self._known, key=lambda kp: kp[0], threshold=IN_DOCUMENT_THRESHOLD)
        if hit is not None:
            (_, person), score = hit
            return Resolved(person, printed, score, corrected=True, note="document")
        if not allow_new or not re.match(r"[A-Z]", last):
            return None
        key = slug(last)
        person = self.add(Person(key, display_name(key)))
        return Resolved(person, printed, 0.5, note="new")

    def _remember(self, printed_surname: str, person: Person) -> None:
        if printed_surname and (printed_surname, person) not in self._known:
            self._known.append((printed_surname, person))


def _speaker_only_names(mentions: list[PersonMention], res: Resolution) -> dict[str, str]:
    """Names printed only where a speaker's name stands that are no participant."""
    roles: dict[str, set[str]] = {}
    for m in mentions:
        if not m.name:
            continue
        roles.setdefault(name_key(surname(m.name)), set()).add(m.role)
    out = {}
    for key, rs in roles.items():
        if rs == {"speaker"}:
            sample = next(m for m in mentions if m.name and name_key(surname(m.name)) == key)
            if res.participant_of(sample.name) is None:
                out[key] = ("printed only as a speaker and not a participant: a misreading of "
                            "a participant's name, left to speaker attribution")
    return out


def _correction_of(m: PersonMention, mentions: list[PersonMention], resolved: dict[int, Person],
                   by_start: list[int], starts: list[int]) -> Person | None:
    """A struck name the typist corrected at once ("~~McGlo~~ Mr. McCloy") is that person.

    ``by_start`` orders the mentions' indexes by where they start (``starts``): only the few
    within reach are looked at, not every mention of the document.
    """
    if not m.struck or not m.name:
        return None
    end = m.evidence[0].end
    head = name_key(surname(m.name))[:2]
    for i in sorted(by_start[bisect.bisect_left(starts, end):bisect.bisect_right(starts, end + 16)]):
        n = mentions[i]
        if n is m:
            continue
        if not n.struck and n.name and name_key(surname(n.name))[:2] == head and i in resolved:
            return resolved[i]
    return None


def resolve_document(records: DocumentRecords) -> Resolution:
    """Resolve the named records of one document to persons."""
    header = next(iter(records.of(DocumentHeader)), None)
    res = Resolution(doc_date=header.date if header else None,
                     doc_place=header.place if header else None)
    for p in records.of(Participant):
        if p.name:
            found = authority_lookup(p.name)
            key = slug(surname(p.name))
            person = (found[0] if found and found[1] >= AUTHORITY_THRESHOLD
                      else Person(key, display_name(key)))
        else:
            office = _office_person(p.title, res.doc_date, res.doc_place)
            if office is None:
                continue
            person = office[0]
        res.participants.append((p, res.add(person)))
        if p.name:
            res._remember(surname(p.name), person)
    mentions = records.of(PersonMention)
    if res.participants:
        res.misreadings = _speaker_only_names(mentions, res)
    # named mentions first (exact forms teach the document's spellings), then the rest
    pending: list[int] = []             # indexes into mentions
    resolved: dict[int, Person] = {}
    for i, m in enumerate(mentions):
        if not m.name:
            hit = res.lookup(None, m.title)
        elif res.is_misreading(m.name):
            continue
        else:
            hit = res.participant_of(m.name) or res._named(m.name, allow_new=False)
            if hit is None or hit.confidence < IN_DOCUMENT_THRESHOLD or hit.note == "document" and hit.corrected:
                pending.append(i)
                continue
        if hit is not None:
            resolved[i] = res.add(hit.person)
            if m.name:
                res._remember(surname(m.name), hit.person)
    by_start = sorted(range(len(mentions)), key=lambda k: mentions[k].evidence[0].start)
    starts = [mentions[k].evidence[0].start for k in by_start]
    for i in pending:
        m = mentions[i]
        corrected = _correction_of(m, mentions, resolved, by_start, starts)
        if corrected is not None:
            resolved[i] = corrected
            continue
        hit = res.lookup(m.name, m.title)
        if hit is not None:
            resolved[i] = res.add(hit.person)
            res._remember(surname(m.name or ""), hit.person)
    res.mentions = [(m, resolved[i]) for i, m in enumerate(mentions) if i in resolved]
    for d in records.of(Drafter):
        hit = res.lookup(d.name)
        if hit is not None:
            res.add(hit.person)
    return res
