"""Shared vocabulary for finding people in the prose of the genre: titles and name shapes.

Not an extractor: the patterns the participants, persons, turns and drafter extractors share,
so that "Amb.", "Am." and "Ambassador" mean the same thing everywhere (a title cut short by
the typist is that title).  Names are never listed
here; they come from the documents and from the authority file (kg/data/).
"""
from __future__ import annotations

import re

# Titles a typist shortens by cutting the word and writing a full stop ("Amb.", "Am.",
# "Sec.", "Gen.", "Pres."): every cut of three or four letters (two for the long words) that
# begins no other of these words, so "Se." is nobody's, "Sen." the Senator's and "Sec." the
# Secretary's; longer cuts are words of their own ("Secret.").
ABBREVIABLE: tuple[str, ...] = (
    "Ambassador", "Secretary", "General", "Admiral", "Colonel", "Captain", "Senator",
    "Governor", "Minister", "President", "Premier", "Chairman", "Counselor",
)
TITLE_ABBREVIATIONS: dict[str, str] = {
    word[:n] + ".": word for word in ABBREVIABLE
    for n in range(2 if len(word) >= 8 else 3, 5)
    if sum(w.startswith(word[:n]) for w in ABBREVIABLE) == 1}

# Forms of address and offices, longest first so "Defense Secretary" wins over "Secretary".
TITLES: tuple[str, ...] = (
    "Deputy Secretary of Defense", "Secretary of Defense", "Secretary of State",
    "Under Secretary", "Assistant Secretary", "Deputy Secretary", "Defense Secretary",
    "Deputy Foreign Minister", "First Deputy Foreign Minister", "Foreign Minister",
    "Prime Minister", "Deputy Prime Minister", "Vice President", "Secretary-General",
    "Secretary General", "Attorney General", "Chairman", "Premier", "President",
    "Ambassador", "Secretary", "Minister", "Senator", "Governor", "General", "Admiral",
    "Colonel", "Captain", "Dr.", "Mr.", "Mrs.", "Miss", "Ms.", "Messrs.", "Sir", "Lord",
    "Counselor", "Consul", *TITLE_ABBREVIATIONS,
)
_TITLE_ALT = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(TITLES, key=len, reverse=True))
# A rank before an office makes one title: "First Deputy Prime Minister", "Deputy Chairman",
# "Acting Secretary".
TITLE_RANKS = ("First", "Deputy", "Acting")
_RANKS = rf"(?:(?:{'|'.join(TITLE_RANKS)})\s+){{0,2}}"
# A title ends at its full stop ("Mr.Berle", run together by the OCR) or at a word boundary.
TITLE_RE = re.compile(rf"{_RANKS}(?:{_TITLE_ALT})(?:(?<=\.)|(?![A-Za-z]))")

# A surname as typed: capitalised, possibly Mc/Mac/O'/hyphenated; initials may precede it.
SURNAME = r"(?:Mc|Mac|O'|De|Van\s|Von\s)?[A-Z][a-zA-Z'’\-]+(?:-[A-Z][a-z]+)?"
INITIALS = r"(?:[A-Z]\.\s?){1,3}"
PERSON_NAME = rf"(?:{INITIALS}\s*)?(?:[A-Z][a-z]+\s+)?(?:{INITIALS}\s*)?{SURNAME}"

# Title + name ("Ambassador Stevenson", "Mr. A. Akalovsky", "Defense Secretary McNamara").
TITLED_NAME_RE = re.compile(rf"(?P<title>{_TITLE_ALT})\s+(?P<name>{SURNAME}(?:\s+{SURNAME})?)")

# Words that look like names after a title but are not ("Secretary General", "Mr. President").
NOT_A_NAME = frozenset({
    "General", "Delegation", "Government", "Council", "Department", "Mission", "Union",
    "States", "Nations", "President", "Secretary", "Minister", "Ambassador", "Navy",
    "Soviet", "Socialist", "United", "Security", "State", "Defense", "Foreign",
})

# Sides of a conversation as printed in participant lists.
SIDES: dict[str, str] = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "United States": "US",
    "American": "US", "American Side": "US", "U.S. Side": "US", "US Side": "US",
    "USSR": "USSR", "U.S.S.R.": "USSR", "Soviet": "USSR", "Soviet Union": "USSR",
    "Soviet Side": "USSR", "UK": "UK", "U.K.": "UK", "United Kingdom": "UK", "British": "UK",
    "France": "France", "French": "France", "Cuba": "Cuba", "Cuban": "Cuba",
    "UN": "UN", "U.N.": "UN", "United Nations": "UN", "Germany": "Germany", "FRG": "FRG",
}
_SIDE_ALT = "|".join(re.escape(s) for s in sorted(SIDES, key=len, reverse=True))
# The side words that stand before an office ("the British Ambassador", "the Soviet Foreign
# Minister", "the U.S. Representative"), and an alternation of them, longest first.
NATIONS: dict[str, str] = {k: v for k, v in SIDES.items()
                           if re.fullmatch(r"[A-Z][a-z]+|[A-Z]{2,4}|[A-Z](?:\.[A-Z])+\.", k)}
NATION_ALT = "|".join(re.escape(k) for k in sorted(NATIONS, key=len, reverse=True))
# "USSR- Mr. Kuznetsov", "Soviet Side:", "US Participants -", or a side heading alone on its
# line ("United States", "USSR PARTICIPANTS")
SIDE_PREFIX_RE = re.compile(rf"^\s*(?P<side>{_SIDE_ALT})(?:\s+(?:side|delegation|participants))?"
                            rf"\s*(?:[-–:]\s*|$)", re.IGNORECASE)


def side_of(printed: str) -> str | None:
    for key, value in SIDES.items():
        if key.casefold() == printed.strip().casefold():
            return value
    return None


def normalise_title(title: str | None) -> str | None:
    """'Amb.' and 'Am.' -> 'Ambassador', 'Sec.' -> 'Secretary'; others unchanged."""
    if not title:
        return None
    t = " ".join(title.split())
    return TITLE_ABBREVIATIONS.get(t, t)
