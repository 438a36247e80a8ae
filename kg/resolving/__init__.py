"""Resolving: printed names -> persons, inside a document and across the corpus.

It runs after every extractor, on the records they made, and is the only stage that decides
who a printed name refers to.  `resolve_document()` takes one document's records and returns
a `Resolution`: the persons the document refers to, each with a corpus-wide key (the same
person gets the same key, and so the same IRI, in every document),
`Resolution.lookup(printed, title)` to find the person a printed name or office refers to, and
the documents it cites with their agents as persons and their corpus-wide keys
(`Resolution.citations_of`, kg.resolving.citations).  The tables it consults (authority file,
office-holders, posts, titles) are the lexicon's (kg.lexicon); it reads no file and knows
nothing of RDF.

The order of evidence, inside one document:

1. a participant: a surname variant or OCR misspelling of a listed participant *is* that
   participant ("Gilpatrick"/"Gilpatric", "Kusnetsov", "Sgevenson");
2. an office: a bare title ("the President", "the Secretary-General") names whoever held
   the office on the document's date (kg/data/offices.csv);
3. the authority file (kg/data/persons.csv), OCR variants allowed ("McGloy" -> McCloy), when
   the printed given names agree with the person's ("Alexis Johnson" is not Lyndon B.) and
   the person was alive on the document's date - a dead man is named only by his given
   names or by an office he held ("President Kennedy" in 1978), and never speaks, attends or
   drafts; among several, the one in the office the title names, alive, in office
   (kg.resolving.identity.authority_choice);
4. another name of the same document it is a variant or a typist's false start of
   ("McGlo" struck before "McGloy"), when the given names and titles do not disagree
   ("Mrs. Smith" is not Mr. John Smith);
5. otherwise a new person of this document.

Identity across documents (kg.resolving.identity): a person of the authority file has its
key; a new person is one IRI across the corpus only when the document prints a full name
(a given name spelled out: "Joseph Herbert", "John A. Smith") and every form it prints agrees
with it - the key is that name; otherwise (a bare surname, initials) the person is scoped
to the document, and likely matches in other documents are proposed as links, never merged.
OCR debris ("Exbassy") is no person.

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

from kg.lexicon import authority as lexicon
from kg.lexicon.authority import AuthorityEntry, head_of, holder, office_of, post_office
from kg.lexicon.matching import best_match, name_key, similarity, surname
from kg.lexicon.personal_names import PersonalName, agreement, parse_name
from kg.lexicon.titles import title_key
from kg.records import CitedDocument, DocumentHeader, DocumentRecords, Drafter, Participant, PersonMention
from kg.resolving.citations import ResolvedCitation, resolve_citations
from kg.resolving.identity import (AUTHORITY, PENDING, Person, authority_choice,
                                   fullest, is_debris, settle)

__all__ = ["Person", "Resolved", "Resolution", "ResolvedCitation", "resolve_document",
           "person_of_entry"]

PARTICIPANT_THRESHOLD = 0.8
AUTHORITY_THRESHOLD = lexicon.MATCH_THRESHOLD
IN_DOCUMENT_THRESHOLD = 0.7     # admits a typist's truncated false start ("McGlo" / "McGloy")


@dataclass(frozen=True)
class Resolved:
    """A printed reference resolved to a person, with how sure the resolver is."""

    person: Person
    printed: str
    confidence: float = 1.0
    corrected: bool = False      # the printed form is a variant/misreading of the name
    note: str | None = None      # participant | office:<key> | authority | document | new


def person_of_entry(entry: AuthorityEntry) -> Person:
    return Person(entry.key, entry.name, entry.country, entry.wikidata, entry.surnames, AUTHORITY)


def _office_person(title: str | None, when: date | None,
                   place: str | None = None) -> tuple[Person, str] | None:
    office = office_of(title) or post_office(title, place)
    if office is None:
        return None
    entry = holder(office, when)
    return (person_of_entry(entry), office) if entry else None


def _is_office_only(printed: str, place: str | None = None) -> bool:
    return office_of(printed) is not None or post_office(printed, place) is not None


ACTORS = frozenset({"speaker", "participant", "drafter", "reviewer"})   # who must be alive


@dataclass
class Resolution:
    """The persons of one document and how its printed names map to them."""

    doc_date: date | None
    doc_place: str | None = None     # where it was written (a post: "The Ambassador" there)
    doc_tag: str = "doc"             # marks the keys of persons scoped to this document
    participants: list[tuple[Participant, Person]] = field(default_factory=list)
    persons: dict[str, Person] = field(default_factory=dict)
    mentions: list[tuple[PersonMention, Person]] = field(default_factory=list)
    misreadings: dict[str, str] = field(default_factory=dict)   # folded surname -> note
    citations: list[ResolvedCitation] = field(default_factory=list)
    _forms: dict[str, list[PersonalName]] = field(default_factory=dict)   # key -> names printed
    _cache: dict[str, Resolved | None] = field(default_factory=dict)
    _index: dict[str, dict] = field(default_factory=dict)    # built once on first question
    _settled: bool = False

    def add(self, person: Person) -> Person:
        person = self.persons.setdefault(person.key, person)
        if person.basis == AUTHORITY and person.key not in self._forms:
            entry = lexicon.by_key().get(person.key)
            self._forms[person.key] = [entry.parts] if entry else []
        return person

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
        name = parse_name(printed, title)
        # a participant whose printed name or title disagrees ("Mrs. Smith", "Jane Smith") is
        # not this one, however close the surname
        listed = [pp for pp in self.participants
                  if agreement(name, parse_name(pp[0].name or "", pp[0].title), surnames=False) is not None
                  and self._agrees(name, pp[1])]
        hit = best_match(last, listed, key=lambda pp: surname(pp[0].name or ""),
                         threshold=PARTICIPANT_THRESHOLD)
        if hit is not None:
            (_, person), score = hit
            return Resolved(person, printed, score, corrected=score < 1.0, note="participant")
        # a participant listed by office ("The Secretary") may be named in the prose
        found = self._authority(printed, title, "participant")
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

    def agent(self, printed: str) -> str | None:
        """The identity of an agent a cited document's record gives as printed
        (`kg.records.CitedDocument`): ``person:<key>`` or ``org:<label>``, None for no one."""
        kind, _, value = printed.partition(":")
        if kind == "org":
            return printed if value else None
        person: Person | None = None
        if kind == "mention":
            if "mentions" not in self._index:             # raw offset -> person
                self._index["mentions"] = {m.evidence[0].start: p for m, p in self.mentions}
            person = self._index["mentions"].get(int(value)) if value.isdigit() else None
        elif kind == "speaker":
            found = self.lookup(value) or self.lookup("", value)
            person = found.person if found else None
        elif kind == "head":
            person = self.head_of(value)
        return f"person:{person.key}" if person else None

    def citations_of(self, record: CitedDocument) -> list[ResolvedCitation]:
        """The documents a citation record cites, with identities and keys (none when it is
        no citation: its author names no one)."""
        if "citations" not in self._index:
            by_record: dict[int, list[ResolvedCitation]] = {}
            for c in self.citations:
                by_record.setdefault(id(c.record), []).append(c)
            self._index["citations"] = by_record
        return self._index["citations"].get(id(record), [])

    # -- the rules -------------------------------------------------------------------------

    def _lookup(self, printed: str, title: str | None, role: str = "mention") -> Resolved | None:
        if not printed.strip():
            found = _office_person(title, self.doc_date, self.doc_place)
            if found is None:
                return self._titled_participant(title)
            return Resolved(self.add(found[0]), title or "", 1.0, note=f"office:{found[1]}")
        if _is_office_only(printed, self.doc_place):
            return self._lookup("", printed)
        hit = self.participant_of(printed, title)
        if hit is not None:
            return hit
        if self.is_misreading(printed):
            return None
        return self._named(printed, allow_new=True, title=title, role=role)

    def _titled_participant(self, title: str | None) -> Resolved | None:
        """"The Ambassador": the one participant listed with that title, if only one is."""
        if not title:
            return None
        key = title_key(title)
        holders = [p for part, p in self.participants if part.title and title_key(part.title) == key]
        if len({p.key for p in holders}) != 1:
            return None
        return Resolved(holders[0], title, 0.9, note="title")

    def _title_office(self, title: str | None) -> str | None:
        """The office a title before a name names ("Secretary Dulles": the Secretary of State,
        as "the Secretary" does in the Department's memoranda; "Vice President Johnson")."""
        if not title:
            return None
        return office_of(title) or office_of(f"the {title}") or post_office(title, self.doc_place)

    def _office_named(self, name: PersonalName, title: str | None) -> tuple[Person, str] | None:
        """The holder of the office the title names on the date, when the printed name is his
        ("Vice President Johnson" in 1962 is the Vice President, whoever else is a Johnson)."""
        office = self._title_office(title)
        entry = holder(office, self.doc_date) if office else None
        if entry is None or agreement(name, entry.parts, surnames=False) is None:
            return None
        if max((similarity(name.surname, s) for s in entry.surnames + (entry.parts.surname,)),
               default=0.0) < AUTHORITY_THRESHOLD:
            return None
        return person_of_entry(entry), office

    def _authority(self, printed: str, title: str | None = None,
                   role: str = "mention") -> tuple[Person, float] | None:
        """The authority person a printed name is on the document's date, if exactly one is."""
        office = self._title_office(title)
        found = authority_choice(lexicon.authority_candidates(printed, title), self.doc_date,
                                 explicit=bool(parse_name(printed, title).given), office=office,
                                 actor=role in ACTORS)
        return (person_of_entry(found[0]), found[1]) if found else None

    def _agrees(self, name: PersonalName, person: Person) -> bool:
        """Nothing printed rules out that ``name`` is ``person``: it agrees with the fullest
        form the person has here (the authority's name, or a fuller one printed: "I. Mikoyan"
        is "Anastas I. Mikoyan" printed in the list, though the file says "Anastas Mikoyan"),
        and no form is of the other sex."""
        forms = self._forms.get(person.key, ())
        if not forms:
            return True
        if any(f.female is not None and name.female is not None and f.female != name.female for f in forms):
            return False
        return agreement(name, fullest(forms), surnames=False) is not None

    def _known(self, name: PersonalName, threshold: float) -> tuple[Person, float] | None:
        """The person of this document a printed name is a form or variant of, if only one."""
        best: dict[str, float] = {}
        for key, forms in self._forms.items():
            person = self.persons.get(key)
            score = max((similarity(name.surname, f.surname) for f in forms if f.surname), default=0.0)
            if person is None or score < threshold or not self._agrees(name, person):
                continue
            best[key] = score
        if not best:
            return None
        top = max(best.values())
        keys = [k for k, v in best.items() if v == top]
        return (self.persons[keys[0]], top) if len(keys) == 1 else None

    def _named(self, printed: str, allow_new: bool, title: str | None = None,
               role: str = "mention") -> Resolved | None:
        name = parse_name(printed, title)
        office = self._office_named(name, title)
        if office is not None:
            return Resolved(self.add(office[0]), printed, 1.0, note=f"office:{office[1]}")
        hit = self._known(name, 1.0)
        if hit is not None:
            return Resolved(hit[0], printed, 1.0, note="document")
        found = self._authority(printed, title, role)
        if found is not None:
            person, score = found
            return Resolved(self.add(person), printed, score, corrected=score < 1.0,
                            note="authority")
        hit = self._known(name, IN_DOCUMENT_THRESHOLD)
        if hit is not None:
            return Resolved(hit[0], printed, hit[1], corrected=True, note="document")
        if not allow_new or not re.match(r"[A-Z]", name.surname or "") or is_debris(name):
            return None
        return Resolved(self._new_person(name), printed, 0.5, note="new")

    def _new_person(self, name: PersonalName) -> Person:
        """A person the authority file does not know: provisional until the document is read
        whole, then given its identity (kg.resolving.identity.settle)."""
        person = Person(f"~{len(self.persons)}", name.surname, basis=PENDING)
        self.persons[person.key] = person
        self._forms[person.key] = [name]
        if self._settled:
            return self._settle()[person.key]
        return person

    def _remember(self, printed: str | None, person: Person, title: str | None = None) -> None:
        if not printed:
            return
        name = parse_name(printed, title)
        forms = self._forms.setdefault(person.key, [])
        if name.surname and name not in forms:
            forms.append(name)

    def _settle(self) -> dict[str, Person]:
        """Give every provisional person its identity and put it everywhere in its place."""
        final = settle({k: self._forms.get(k, []) for k, p in self.persons.items() if p.basis == PENDING},
                       taken=set(self.persons), tag=self.doc_tag)
        if final:
            swap = lambda p: final.get(p.key, p)             # noqa: E731
            self.participants = [(r, swap(p)) for r, p in self.participants]
            self.mentions = [(r, swap(p)) for r, p in self.mentions]
            self.persons = {swap(p).key: swap(p) for p in self.persons.values()}
            self._forms = {final[k].key if k in final else k: v for k, v in self._forms.items()}
            self._cache = {}
            self._index = {}
        self._settled = True
        return final


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
    """A struck name the typist corrected at once ("~~McGlo~~ Mr. McCloy") is that person: the
    very next name typed after it, in the same line of typing, beginning as it does.

    ``by_start`` orders the mentions' indexes by where they start (``starts``): the next name
    is found by bisection, not by sorting every mention of the document for each struck one.
    """
    if not m.struck or not m.name:
        return None
    end = m.evidence[0].end
    head = name_key(surname(m.name))[:2]
    for j in range(bisect.bisect_left(starts, end), len(starts)):
        i = by_start[j]
        n = mentions[i]
        if n is m:
            continue
        if starts[j] - end > 40 or n.struck or not n.name or name_key(surname(n.name))[:2] != head:
            return None
        return resolved.get(i)
    return None


def resolve_document(records: DocumentRecords) -> Resolution:
    """Resolve the named records of one document to persons."""
    header = next(iter(records.of(DocumentHeader)), None)
    res = Resolution(doc_date=header.date if header else None,
                     doc_place=header.place if header else None,
                     doc_tag=(records.source_sha256 or "doc")[:8])
    for p in records.of(Participant):
        if p.name:
            found = res._authority(p.name, p.title, "participant")
            if found and found[1] >= AUTHORITY_THRESHOLD:
                person = res.add(found[0])
            else:
                hit = res._known(parse_name(p.name, p.title), 1.0)
                person = hit[0] if hit else None
                if person is None and not is_debris(parse_name(p.name, p.title)):
                    person = res._new_person(parse_name(p.name, p.title))
                if person is None:
                    continue
        else:
            office = _office_person(p.title, res.doc_date, res.doc_place)
            if office is None:
                continue
            person = res.add(office[0])
        res.participants.append((p, person))
        res._remember(p.name, person, p.title)
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
            hit = res.participant_of(m.name, m.title) or res._named(m.name, False, m.title, m.role)
            if hit is None or hit.confidence < IN_DOCUMENT_THRESHOLD or hit.note == "document" and hit.corrected:
                pending.append(i)
                continue
        if hit is not None:
            resolved[i] = res.add(hit.person)
            res._remember(m.name, hit.person, m.title)
    by_start = sorted(range(len(mentions)), key=lambda k: mentions[k].evidence[0].start)
    starts = [mentions[k].evidence[0].start for k in by_start]
    for i in pending:
        m = mentions[i]
        corrected = _correction_of(m, mentions, resolved, by_start, starts)
        if corrected is not None:
            resolved[i] = corrected
            continue
        hit = res._lookup(m.name or "", m.title, m.role)
        if hit is not None:
            resolved[i] = res.add(hit.person)
            res._remember(m.name, hit.person, m.title)
    res.mentions = [(m, resolved[i]) for i, m in enumerate(mentions) if i in resolved]
    for d in records.of(Drafter):
        if d.name:
            hit = res._lookup(d.name, None, "drafter")
            if hit is not None:
                res._remember(d.name, res.add(hit.person))
    res._settle()
    res.citations = resolve_citations(records.of(CitedDocument), res.agent)
    return res
