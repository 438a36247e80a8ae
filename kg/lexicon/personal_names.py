"""A printed personal name in its parts, and whether two printed names can be one person's.

Pure string knowledge, used by the resolver inside a document and across the corpus:

- `parse_name("E. Harry Knoche")` -> given ("E", "Harry"), surname "Knoche"; initials run
  together ("W.C. Sullivan", the OCR's "J.F, Dulles") are split, an inverted listing
  ("Kuznetsov, V. V.") is turned round, "Jr."/"Sr." kept apart as the suffix, and a title
  that says so marks the name as a woman's ("Mrs.", "Miss", "Senora") or a man's ("Mr.").
- `agreement(a, b)`: whether two names can name one person, and why.  Surnames must fold
  alike (OCR variants of a surname are the resolver's business, not this module's).  The
  given names agree when the shorter list matches the longer one in order, each pair being
  the same name, an initial and a name it begins ("J." / "John"), or a name and its
  nickname ("Harry" / "Henry", from the `nicknames` package's curated table); the longer may
  have a middle name the shorter lacks ("John Smith" / "John A. Smith") or a first name it drops ("W. Averell
  Harriman" / "Averell Harriman").  "Jane"/"John",
  "Alexis"/"Lyndon B." disagree; so do "Mr." and "Mrs.", and "Jr." and "Sr.".
- `name_slug(name)`: the corpus-wide key of a name ("smith-john-a"), and `display(name)`, the
  one canonical form of that key ("John A. Smith"), the same whichever document printed it.

What counts as enough to be one person is decided in kg.resolving (the identity policy);
this module only says how two names compare.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lexicon.matching import PARTICLES, fold, name_key
from kg.lexicon.titles import TITLE_ALT

# Titles that say the person is a woman (folded, no full stop).
FEMALE_TITLES = frozenset({"mrs", "miss", "ms", "madame", "mme", "madam", "mlle", "lady", "senora",
                           "sra", "senorita", "srta", "frau", "fraulein", "dona"})
# A title before the name, in any case ("Mr.", "MRS.", "Ambassador"), ends at its full stop
# or at a word boundary.
_TITLE_RE = re.compile(rf"(?:{TITLE_ALT})(?:(?<=\.)|(?![A-Za-z]))", re.IGNORECASE)
MALE_TITLES = frozenset({"mr", "messrs", "sir", "senor", "sr", "herr", "monsieur", "gospodin"})
SUFFIXES = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}

# Agreement reasons, weakest last: what an archivist reads on a proposed link.
SAME = "same name"
INITIAL = "initial of the given name"
NICKNAME = "nickname of the given name"
MIDDLE = "a given name or initial printed in one only"
NO_GIVEN = "no given name printed"


@dataclass(frozen=True)
class PersonalName:
    """A printed name in parts.  ``given`` holds full names ("Harry") and initials ("E"),
    in printed order, letters only."""

    given: tuple[str, ...]
    surname: str
    suffix: str | None = None
    female: bool | None = None          # as a title says ("Mrs." True, "Mr." False); else None

    @property
    def full(self) -> bool:
        """A given name spelled out, not only initials ("John A. Smith", not "J. A. Smith")."""
        return any(len(g) > 1 for g in self.given)

    @property
    def initials_only(self) -> bool:
        return bool(self.given) and not self.full


def _is_initials(token: str) -> bool:
    """'J.', 'J', 'J.F.', 'W.C', 'J.F,': initials, possibly run together."""
    return bool(re.fullmatch(r"(?:[A-Z]\.?){1,3},?", token)) and (len(token) <= 2 or "." in token)


def _split_initials(token: str) -> list[str]:
    return re.findall(r"[A-Z]", token)


def _given_form(token: str) -> str:
    """A given name as compared and shown: letters only, capitalised ("JOHN" -> "John")."""
    letters = re.sub(r"[^A-Za-z\u00C0-\u024F'’-]", "", token)
    if letters.isupper() or letters.islower():
        letters = letters.capitalize()
    return letters


@lru_cache(maxsize=1 << 15)
def parse_name(printed: str, title: str | None = None) -> PersonalName:
    """The parts of a printed name; a title printed before it ("Mr. Kuznetsov") is taken off
    and counts as ``title`` when the caller gives none.  (A pure function of its arguments with
    an immutable answer: kept, as the resolver asks about the same names again and again.)"""
    text = " ".join((printed or "").split())
    while True:
        found = _TITLE_RE.match(text)
        if not found or found.end() == 0 or found.end() >= len(text):
            break
        title = title or found.group(0)
        text = text[found.end():].lstrip(" .")
    head, comma, tail = text.partition(",")
    # "Kuznetsov, V. V." / "Thomas, Charles William": a surname listed first
    if comma and re.fullmatch(r"[A-Z][A-Za-z'’-]{2,}", head.strip()) and tail.strip() \
            and not re.fullmatch(r"\s*(?:Jr|Sr|II|III)\.?\s*", tail):
        text = f"{tail.strip()} {head.strip()}"
    tokens = [t for t in re.split(r"[\s,]+", text) if t]
    suffix = None
    while tokens and fold(tokens[-1]).rstrip(".") in SUFFIXES:
        suffix = SUFFIXES[fold(tokens.pop()).rstrip(".")]
    surname = ""
    if tokens:
        if len(tokens) >= 2 and tokens[-2] in PARTICLES:
            surname = f"{tokens[-2]} {tokens[-1]}"
            tokens = tokens[:-2]
        elif _is_initials(tokens[-1]) and len(tokens) >= 2:
            surname = tokens[-1]                          # no surname printed: keep the form
            tokens = tokens[:-1]
        else:
            surname = tokens.pop()
    given: list[str] = []
    for t in tokens:
        if t in PARTICLES:
            continue
        if _is_initials(t):
            given.extend(_split_initials(t))
        else:
            form = _given_form(t)
            if form:
                given.append(form)
    female = None
    said = fold(title or "").strip().rstrip(".")
    if said in FEMALE_TITLES:
        female = True
    elif said in MALE_TITLES:
        female = False
    return PersonalName(tuple(given), surname.strip(".,"), suffix, female)


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer
    return NickNamer()


@lru_cache(maxsize=1 << 14)
def _token_reason(a: str, b: str) -> str | None:
    """How two given-name tokens agree (None: they do not)."""
    fa, fb = name_key(a), name_key(b)
    if not fa or not fb:
        return None
    if fa == fb:
        return SAME
    if len(fa) == 1 or len(fb) == 1:
        return INITIAL if fa[0] == fb[0] else None
    nn = _nicknamer()
    if fa in nn.nicknames_of(fb) or fb in nn.nicknames_of(fa):
        return NICKNAME
    return None


def _align(short: tuple[str, ...], long: tuple[str, ...]) -> list[str] | None:
    """Reasons for the best in-order matching of every token of ``short`` in ``long``; tokens
    of ``long`` may be skipped ("W. Averell" / "Averell", "William D." / "D.")."""
    best: list[str] | None = None

    def go(i: int, j: int, reasons: list[str], skipped: bool) -> None:
        nonlocal best
        if i == len(short):
            out = reasons + ([MIDDLE] if skipped or j < len(long) else [])
            if best is None or len(set(out) - {SAME}) < len(set(best) - {SAME}):
                best = out
            return
        for k in range(j, len(long) - (len(short) - i) + 1):
            why = _token_reason(short[i], long[k])
            if why is not None:
                go(i + 1, k + 1, reasons + [why], skipped or k > j)

    go(0, 0, [], False)
    return best


def given_agreement(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...] | None:
    """Why two lists of given names can be one person's (() when they are the same list),
    or None when they disagree."""
    if not a or not b:
        return () if a == b else (NO_GIVEN,)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    reasons = _align(short, long)
    if reasons is None:
        return None
    return tuple(sorted(set(reasons) - {SAME}, key=_ORDER.index))


_ORDER = [INITIAL, NICKNAME, MIDDLE, NO_GIVEN]


def same_surname(a: PersonalName, b: PersonalName) -> bool:
    return bool(name_key(a.surname)) and name_key(a.surname) == name_key(b.surname)


def agreement(a: PersonalName, b: PersonalName, surnames: bool = True) -> tuple[str, ...] | None:
    """Why two printed names can be one person's (() when they are the same name), or None
    when something printed rules it out: another surname (unless ``surnames`` is False, for a
    caller that has matched the surnames itself), given names that disagree, a woman's title
    against a man's name or title, "Jr." against "Sr."."""
    if surnames and not same_surname(a, b):
        return None
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return None
    if a.female is not None and b.female is not None and a.female != b.female:
        return None
    reasons = given_agreement(a.given, b.given)
    if reasons is None:
        return None
    if (a.suffix is None) != (b.suffix is None) and MIDDLE not in reasons:
        reasons = tuple(sorted(set(reasons) | {MIDDLE}, key=_ORDER.index))
    return reasons


# --- keys and canonical forms ----------------------------------------------------------------


def _word(part: str) -> str:
    """One folded name part as shown: 'mccone' -> 'McCone', particles stay lower case."""
    if part in PARTICLES:
        return part
    if part.startswith("mc") and len(part) > 3:
        return "Mc" + part[2:].capitalize()
    return part.capitalize()


def surname_slug(surname: str) -> str:
    """The folded surname as a key segment ("de Gaulle" -> "de-gaulle", "McCone" -> "mccone")."""
    return "-".join(name_key(w) for w in surname.split() if name_key(w))


def name_slug(name: PersonalName) -> str:
    """The key of a name: surname, given names (initials as one letter), suffix - folded."""
    parts = [surname_slug(name.surname)] + [name_key(g) for g in name.given]
    if name.suffix:
        parts.append(name_key(name.suffix))
    return "-".join(p for p in parts if p)


def display_slug(key: str) -> str:
    """The canonical name a key stands for: "smith-john-a" -> "John A. Smith" (one form for
    every document that prints the name, whatever its case or spacing; accents are folded)."""
    return display(_parts_of_slug(key))


def _parts_of_slug(key: str) -> PersonalName:
    parts = key.split("-")
    surname = [parts.pop(0)]
    if surname[0] in PARTICLES and parts:
        surname.append(parts.pop(0))
    suffix = SUFFIXES.get(parts[-1]) if parts and parts[-1] in SUFFIXES and len(parts) > 1 else None
    if suffix:
        parts.pop()
    return PersonalName(tuple(p.upper() if len(p) == 1 else p for p in parts),
                        " ".join(_word(s) for s in surname), suffix)


def display(name: PersonalName) -> str:
    """A name as shown: given names capitalised, initials with a full stop, then surname."""
    given = [f"{g.upper()}." if len(g) == 1 else _word(name_key(g)) if g.isascii() else g
             for g in name.given]
    words = given + [name.surname] + ([name.suffix] if name.suffix else [])
    return " ".join(w for w in words if w)
