"""Shapes of persons' names as the genre prints them, and words that look like names but are not.

Patterns the participants, persons, turns, drafters, proposals and reviews extractors share,
so that a surname is read the same way everywhere.  Names are never listed here; they come
from the documents and from the authority file (kg/data/).  Titles are in
`kg.lexicon.titles`, the sides in `kg.lexicon.nations`, name comparison in
`kg.lexicon.matching`.
"""
from __future__ import annotations

# A surname as typed: capitalised, possibly Mc/Mac/O'/hyphenated; initials may precede it.
SURNAME = r"(?:Mc|Mac|O'|De|Van\s|Von\s)?[A-Z][a-zA-Z'’\-]+(?:-[A-Z][a-z]+)?"

# Words that look like names after a title but are not ("Secretary General", "Mr. President").
NOT_A_NAME = frozenset({
    "General", "Delegation", "Government", "Council", "Department", "Mission", "Union",
    "States", "Nations", "President", "Secretary", "Minister", "Ambassador", "Navy",
    "Soviet", "Socialist", "United", "Security", "State", "Defense", "Foreign",
})
