"""The project's authority data: persons (kg/data/persons.csv), office-holders (offices.csv)
and the chief of mission at a post (posts.csv).

The files are data shipped in the package; this module only reads them and answers lookups:
"which authority person carries this name?" (`authority_lookup`), "which office does this
bare title name?" (`office_of`, `post_office`), "who held this office on this date?"
(`holder`, `head_of`).  It is a lexicon, not a resolver: it knows the tables, not the
documents; whom a printed name in a document refers to is decided in kg.resolving, which
asks these questions among others.  External identifiers (Wikidata QIDs) come only from the authority file, which is
itself filled only from a verified list (`merge_wikidata` merges a newer one in); nothing here
guesses an identifier.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property, lru_cache
from pathlib import Path

from kg.lexicon.data import rows as _rows, text as _data
from kg.lexicon.matching import best_match, fold, name_key, near_keys, similarity, surname
from kg.lexicon.personal_names import PersonalName, agreement, parse_name

PERSON_FIELDS = ("key", "name", "surnames", "country", "wikidata", "born", "died", "sex")
# How close a printed surname must be to an authority surname to name that person (OCR
# variants: "McGloy" for McCloy).
MATCH_THRESHOLD = 0.8
_QID_RE = re.compile(r"^Q[1-9]\d*$")


@dataclass(frozen=True)
class AuthorityEntry:
    key: str
    name: str
    surnames: tuple[str, ...]   # the forms a bare surname names the person by
    country: str | None
    wikidata: str | None
    born: date | None = None    # the first day the record allows (1 January of a bare year)
    died: date | None = None    # the last day the record allows (31 December of a bare year)
    sex: str | None = None      # "m" | "f" | None

    @cached_property
    def parts(self) -> PersonalName:
        """The entry's name in parts, with the sex the record gives (parsed once an entry: the
        resolver asks for it thousands of times a corpus)."""
        parts = parse_name(self.name)
        return replace(parts, female=None if self.sex is None else self.sex == "f")

    def alive(self, when: date) -> bool:
        """Born on or before ``when`` and not dead before it, as far as the record says."""
        return not (self.born and when < self.born) and not (self.died and self.died < when)


@dataclass(frozen=True)
class Tenure:
    """One person's holding of one office, from ``start`` to ``end`` (inclusive)."""

    office: str
    country: str | None
    holder: str                 # authority key
    start: date
    end: date | None
    head: bool = False          # head of government: stands for the country's correspondence
    note: str | None = None


def parse_persons(text: str) -> tuple[AuthorityEntry, ...]:
    out = []
    for row in _rows(text):
        qid = (row.get("wikidata") or "").strip() or None
        if qid and not _QID_RE.match(qid):
            raise ValueError(f"persons.csv: {row['key']}: {qid!r} is not a QID")
        sex = (row.get("sex") or "").strip().lower() or None
        if sex not in (None, "m", "f"):
            raise ValueError(f"persons.csv: {row['key']}: sex {sex!r} is not m or f")
        out.append(AuthorityEntry(
            key=row["key"].strip(), name=row["name"].strip(),
            surnames=tuple(s.strip() for s in (row.get("surnames") or "").split("|") if s.strip()),
            country=(row.get("country") or "").strip() or None, wikidata=qid,
            born=_day(row.get("born") or ""), died=_day(row.get("died") or "", end=True), sex=sex))
    return tuple(out)


@lru_cache(maxsize=1)
def authority() -> tuple[AuthorityEntry, ...]:
    """The persons of the shipped authority file (kg/data/persons.csv)."""
    return parse_persons(_data("persons.csv"))


@lru_cache(maxsize=1)
def by_key() -> dict[str, AuthorityEntry]:
    return {e.key: e for e in authority()}


_WORDS = re.compile(r"[a-z]+")


def _words(text: str) -> str:
    return " ".join(_WORDS.findall(text))


@lru_cache(maxsize=1)
def _full_names() -> tuple[dict[str, AuthorityEntry], dict[str, AuthorityEntry]]:
    """Each entry's full name, in words, casefolded (``authority_lookup``) and folded
    (``authority_candidates``) -> the first entry of the file carrying it."""
    cased: dict[str, AuthorityEntry] = {}
    folded: dict[str, AuthorityEntry] = {}
    for e in authority():
        cased.setdefault(_words(e.name.casefold()), e)
        folded.setdefault(_words(fold(e.name)), e)
    return cased, folded


@lru_cache(maxsize=1 << 14)
def authority_lookup(printed: str) -> tuple[AuthorityEntry, float] | None:
    """The authority person whose surname (or full name) the printed name carries, with how
    close the printed form is (1.0 exact; lower for an OCR variant).  A pure function of the
    printed form and the shipped file, so each form is looked up once a process."""
    full = _full_names()[0].get(_words(printed.casefold()))
    if full is not None:                        # a full name printed as such ("U Thant")
        return full, 1.0
    return _surname_match(name_key(surname(printed)))


@lru_cache(maxsize=1)
def _surname_pairs() -> tuple[list[tuple[str, AuthorityEntry]], list[str]]:
    """Every (surname, entry) of the file, and each surname folded."""
    pairs = [(s, e) for e in authority() for s in e.surnames]
    return pairs, [name_key(s) for s, _ in pairs]


@lru_cache(maxsize=1 << 13)
def _surname_match(key: str) -> tuple[AuthorityEntry, float] | None:
    """The entry a printed surname (folded: `similarity` looks at nothing else) names."""
    pairs, keys = _surname_pairs()
    # only the surnames that can score at all: the best, and a tie, is among them
    near = [pairs[i] for i in near_keys(key, keys)]
    # surnames that fold alike ("de Gaulle", "DeGaulle") are one, not a tie
    hit = best_match(key, near, key=lambda p: name_key(p[0]), threshold=MATCH_THRESHOLD)
    if hit is None:
        return None
    (_, entry), score = hit
    return entry, score


def authority_candidates(printed: str, title: str | None = None
                         ) -> list[tuple[AuthorityEntry, float, tuple[str, ...]]]:
    """Every authority person a printed name can be, by its name alone: (entry, how close the
    printed surname is, why the names agree - `kg.lexicon.personal_names.agreement`), closest
    first.  A bare surname can be only a person whose ``surnames`` list it (OCR variants
    allowed); a name with given names or initials can be anyone of that surname whose given
    names agree ("Alexis Johnson" is not Lyndon B. Johnson, "Robert Kennedy" is Robert F.);
    a woman's title ("Mrs. Kennedy") is no man of the file.  Whether the person was alive, or in
    office, on a document's date is the resolver's question (`AuthorityEntry.alive`, `held`)."""
    return list(_candidates(printed, title))


@lru_cache(maxsize=1 << 14)
def _candidates(printed: str, title: str | None) -> tuple:
    full = _full_names()[1].get(_words(fold(printed)))
    if full is not None:                        # a full name printed as such ("U Thant")
        return ((full, 1.0, ()),)
    name = parse_name(printed, title)
    if not name.surname:
        return ()
    out = []
    for e, bare, given in _surname_scores(name_key(name.surname)):
        score = given if name.given else bare
        if score < MATCH_THRESHOLD:
            continue
        why = agreement(name, e.parts, surnames=False)
        if why is not None:
            out.append((e, score, why))
    return tuple(sorted(out, key=lambda c: (-c[1], len(c[2]))))


@lru_cache(maxsize=1)
def _entry_forms() -> tuple[list[int], list[str]]:
    """Every surname form of every entry (its ``surnames`` and its name's surname), folded,
    with the index of its entry in the file."""
    owners, keys = [], []
    for i, e in enumerate(authority()):
        for form in (*e.surnames, e.parts.surname):
            owners.append(i)
            keys.append(name_key(form))
    return owners, keys


@lru_cache(maxsize=1 << 13)
def _surname_scores(key: str) -> tuple[tuple[AuthorityEntry, float, float], ...]:
    """The entries (in file order) a printed surname (folded: `similarity` looks at nothing
    else) comes within MATCH_THRESHOLD of: (entry, its best score against the entry's
    ``surnames``, and against those and the surname of its name - the forms a name with given
    names may match).  Only the entries one of whose forms `near_keys` finds: every other
    entry scores 0 on each form (tests/lexicon/test_matching_cache.py)."""
    owners, keys = _entry_forms()
    entries = authority()
    out = []
    for e in (entries[i] for i in sorted({owners[j] for j in near_keys(key, keys)})):
        bare = max((similarity(key, f) for f in e.surnames), default=0.0)
        given = max(bare, similarity(key, e.parts.surname))
        if given >= MATCH_THRESHOLD:
            out.append((e, bare, given))
    return tuple(out)


def held(key: str, office: str, when: date, before: bool = False) -> bool:
    """Whether the person held ``office`` on ``when`` (or, with ``before``, at any time up to
    it), by the tenures of offices.csv."""
    return any(t.holder == key and t.office == office and t.start <= when
               and (before or t.end is None or when <= t.end) for t in offices()[0])


def in_office(key: str, when: date) -> bool:
    """Whether the person held any office of offices.csv on ``when``."""
    return any(t.holder == key and t.start <= when and (t.end is None or when <= t.end)
               for t in offices()[0])


def _day(text: str, end: bool = False) -> date | None:
    """'1962-03-01' or '1962-03' (the month's first, or with ``end`` its last day)."""
    text = (text or "").strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        if not end:
            return first
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def parse_offices(text: str) -> tuple[tuple[Tenure, ...], dict[str, str]]:
    """Tenures, and printed form (folded) -> office key."""
    tenures, forms = [], {}
    for row in _rows(text):
        office = row["office"].strip()
        for form in (row.get("forms") or "").split("|"):
            if form.strip():
                forms[_form_key(form)] = office
        tenures.append(Tenure(
            office=office, country=(row.get("country") or "").strip() or None,
            holder=row["holder"].strip(), start=_day(row["start"]),
            end=_day(row.get("end") or "", end=True),
            head=(row.get("head") or "").strip().lower() == "true",
            note=(row.get("note") or "").strip() or None))
    return tuple(tenures), forms


def _form_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


@lru_cache(maxsize=1)
def offices() -> tuple[tuple[Tenure, ...], dict[str, str]]:
    return parse_offices(_data("offices.csv"))


@lru_cache(maxsize=1)
def office_forms() -> tuple[str, ...]:
    """Every printed form of every office, as written in offices.csv, longest first (read
    once, as `offices` is: the persons and participants extractors ask on every document)."""
    out = set()
    for row in _rows(_data("offices.csv")):
        out.update(f.strip() for f in (row.get("forms") or "").split("|") if f.strip())
    return tuple(sorted(out, key=len, reverse=True))


def office_of(title: str | None) -> str | None:
    """The office a bare printed title names ("the President" -> "president-us")."""
    if not title:
        return None
    key = _form_key(title)
    forms = offices()[1]
    if key in forms:
        return forms[key]
    if key.startswith("the "):
        return forms.get(key[4:])
    return None


@lru_cache(maxsize=1)
def posts() -> dict[tuple[str, str], str]:
    """(place, folded bare title) -> office: the chief of mission at a post (kg/data/posts.csv)."""
    out = {}
    for row in _rows(_data("posts.csv")):
        for form in (row.get("forms") or "").split("|"):
            if form.strip():
                out[(row["place"].strip(), _form_key(form))] = row["office"].strip()
    return out


def post_forms(place: str | None) -> tuple[str, ...]:
    """The bare titles (as written in posts.csv, without "the") that name a chief of mission in
    a document written at ``place``."""
    if not place:
        return ()
    out = set()
    for row in _rows(_data("posts.csv")):
        if row["place"].strip() == place:
            out.update(re.sub(r"^the\s+", "", f.strip()) for f in (row.get("forms") or "").split("|")
                       if f.strip())
    return tuple(sorted(out, key=len, reverse=True))


def post_office(title: str | None, place: str | None) -> str | None:
    """The office a bare title names in a document written at ``place`` ("The Ambassador" in
    Moscow -> "us-ambassador-ussr"), or None."""
    if not title or not place:
        return None
    key = _form_key(title)
    table = posts()
    return table.get((place, key)) or (table.get((place, key[4:])) if key.startswith("the ") else None)


def holder(office: str, when: date | None) -> AuthorityEntry | None:
    """The person who held ``office`` on ``when`` (None when unknown, vacant or ambiguous)."""
    if when is None:
        return None
    hits = {t.holder for t in offices()[0]
            if t.office == office and t.start <= when and (t.end is None or when <= t.end)}
    if len(hits) != 1:
        return None
    return by_key().get(next(iter(hits)))


def head_of(country: str, when: date | None) -> AuthorityEntry | None:
    """The head of government of a country on a date (the offices marked ``head``)."""
    heads = {t.office for t in offices()[0] if t.head and t.country == country}
    found = [h for h in (holder(o, when) for o in sorted(heads)) if h]
    return found[0] if len(found) == 1 else None


# --- merging a newer verified list -----------------------------------------------------------


def merge_wikidata(persons_csv: str, wikidata_csv: str) -> tuple[str, list[str]]:
    """Fill the ``wikidata`` column of a persons.csv text from a verified wikidata.csv text.

    A person receives a QID when a ``kind=person`` row of the list has the same label as the
    person's name (or the same name with middle initials dropped).  An existing QID is never
    overwritten; a conflicting one is reported.  Returns the new persons.csv text (comments
    kept) and a list of what changed or conflicted.  Rows of the list that match no person
    are left alone: adding a person is a decision, not a merge.
    """
    labels: dict[str, str] = {}
    for row in _rows(wikidata_csv):
        if (row.get("kind") or "").strip() != "person":
            continue
        qid = (row.get("wikidata") or "").strip()
        if not _QID_RE.match(qid):
            continue
        for label in (row.get("label"), row.get("wikipedia_title")):
            if label and label.strip():
                labels[_label_key(label)] = qid
    lines = persons_csv.splitlines()
    comments = [ln for ln in lines if ln.startswith("#")]
    rows = _rows(persons_csv)
    header = list(rows[0].keys()) if rows else list(PERSON_FIELDS)
    changes: list[str] = []
    for row in rows:
        qid = labels.get(_label_key(row["name"])) or labels.get(_label_key(_no_initials(row["name"])))
        if not qid:
            continue
        old = (row.get("wikidata") or "").strip()
        if not old:
            row["wikidata"] = qid
            changes.append(f"{row['key']}: {qid}")
        elif old != qid:
            changes.append(f"{row['key']}: conflict, kept {old}, list says {qid}")
    buf = io.StringIO()
    buf.write("\n".join(comments) + ("\n" if comments else ""))
    writer = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue(), changes


def merge_wikidata_file(persons_path: Path, wikidata_path: Path) -> list[str]:
    """`merge_wikidata` on files: rewrites ``persons_path`` in place, returns the changes."""
    text, changes = merge_wikidata(persons_path.read_text(encoding="utf-8"),
                                   wikidata_path.read_text(encoding="utf-8"))
    if changes:
        persons_path.write_text(text, encoding="utf-8")
    return changes


def _label_key(label: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(label)))


def _no_initials(name: str) -> str:
    return " ".join(t for t in name.split() if not re.fullmatch(r"[A-Z]\.", t))
