"""Shapes of persons' names as the genre prints them, and words that look like names but are not.

Patterns the participants, persons, turns, drafters, proposals, reviews and signatures
extractors share, so that a surname is read the same way everywhere; what a name or an office
typed alone on a line is (signature blocks, inside addresses).  Names are never listed here; they come
from the documents and from the authority file (kg/data/).  Titles are in
`kg.lexicon.titles`, the sides in `kg.lexicon.nations`, name comparison in
`kg.lexicon.matching`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon.data import text as data_text
from kg.lexicon.words import is_common_word, is_ocr_debris, is_proper_name, zipf

# A surname as typed: capitalised, possibly Mc/Mac/O'/hyphenated; initials may precede it.
SURNAME = r"(?:Mc|Mac|O'|De|Van\s|Von\s)?[A-Z][a-zA-Z'’\-]+(?:-[A-Z][a-z]+)?"

# Words that look like names after a title but are not ("Secretary General", "Mr. President").
NOT_A_NAME = frozenset({
    "General", "Delegation", "Government", "Council", "Department", "Mission", "Union",
    "States", "Nations", "President", "Secretary", "Minister", "Ambassador", "Navy",
    "Soviet", "Socialist", "United", "Security", "State", "Defense", "Foreign",
})


# --- a person's name typed alone on its line (signatures, inside addresses) -----------------

# given names or initials and a surname, in title case or capitals, maybe a suffix, maybe a
# stroke of the pen the OCR read as a short token after it ("Michael E. Schneeberger ry")
_NAME_LINE_RE = re.compile(
    r"^[^\w\n]{0,3}(?P<name>(?:(?:[A-Z][a-z]+|[A-Z]{2,}|[A-Z]\.)\s+){1,3}(?:Mc|Mac|O')?(?:[A-Z][a-z]+|[A-Z]{3,})"
    r"(?:-[A-Z][a-z]+)?(?:,?\s+(?:Jr|Sr|JR|SR)\.?|\s+I{2,3})?)(?:\s+\S{1,3})?[^\w\n]{0,3}$")
_INITIAL_RE = re.compile(r"[A-Z]\.")
OFFICE_LINE_WORDS = 6        # an office line under a name is short
# the salutation that opens a letter, under its inside address
SALUTATION_RE = re.compile(r"^\W{0,3}(?:Dear\s|DEAR\s|Gentlemen|GENTLEMEN|Sir\s*:|SIR\s*:|Madam\s*:)")


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """Words that head an office or rank line (kg/data/signature_offices.txt)."""
    return frozenset(w.casefold() for line in data_text("signature_offices.txt").splitlines()
                     if not line.startswith("#") for w in line.split())


def _a_name(name: str) -> bool:
    words = [w.strip(",") for w in name.split() if w.strip(".,").upper() not in ("JR", "SR", "II", "III")]
    first, surname = words[0], words[-1]
    if not (_INITIAL_RE.fullmatch(first) or (len(first) >= 3 and is_proper_name(first))):
        return False
    for i, w in enumerate(words):
        bare = w.strip(".")
        if len(bare) == 1:
            continue
        initial_before = i > 0 and _INITIAL_RE.fullmatch(words[i - 1])
        if len(bare) < 3 or is_ocr_debris(bare) or bare.casefold() in office_words() \
                or (is_common_word(bare) and not (w is surname and initial_before)):
            return False
    if zipf(surname) == 0 and not is_proper_name(surname):
        # a surname no lexicon knows is a name only as typed in title case, and pronounceable
        return surname[1:].islower() and not re.search(r"[^aeiouy]{4}", surname.lower())
    return True


def name_line(text: str) -> re.Match | None:
    """A person's name alone on its line ("G. Robert Blakey", "JOHN H. WRIGHT"), its group
    ``name``: the first word a name the dictionary capitalises or an initial; no word an
    ordinary one ("Security Analysis Group", "COORDINATING OFFICERS"), but a surname after an
    initial ("John H. Wright"); none OCR debris ("SUSPENSE JATE", "D. JOBDATA")."""
    m = _NAME_LINE_RE.match(text)
    return m if m and _a_name(m["name"]) else None


def office_line(text: str) -> bool:
    """A short line naming an office or rank ("Senior Counsel", "Lt. Colonel USA"), no label in
    it; a room, an extension or a date may follow ("Security Analysis Group 6009 24 March 1977")."""
    text = re.split(r"\d", text, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z]+", text)
    return 0 < len(text.split()) <= OFFICE_LINE_WORDS and ":" not in text \
        and any(w.casefold() in office_words() for w in words) and text.lstrip(" \t\"'|.,;-")[:1].isupper()
