"""The vocabulary of documents cited (kg/data/documents.csv, kg/data/citing_verbs.csv).

A memorandum of conversation or a telegram refers to earlier documents and occasions by a
noun ("the President's October 27 letter", "the Soviet proposal", "his last meeting with Mr.
Gromyko") or by a verb of an earlier act ("Khrushchev had remarked that ...", "the US had
submitted lists of items").  The nouns, with the kind of document each names and how the genre
anchors it, and the verbs, with what follows them, are data; the rules that read them are the
citations extractor's (kg.extracting.citations).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicon.alternation import grouped
from kg.lexicon.data import flag, table


@dataclass(frozen=True)
class DocumentNoun:
    form: str            # as printed, lower case ("press conference")
    kind: str            # letter | statement | proposal | agreement | conversation | ...
    family: str          # text | statement | proposal | instrument | draft | law | occasion
    inherent: bool       # a possessive alone makes it a document of its own ("his speech")


@dataclass(frozen=True)
class CitingVerb:
    form: str            # past participle as printed ("pointed out")
    kind: str
    takes: str           # addressee | partner | document | request | ""


def _alt(forms) -> str:
    """The forms as one alternation, longest first ("press conference" before "conference"),
    grouped by first letter (kg.lexicon.alternation)."""
    return grouped(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True))


NOUNS: dict[str, DocumentNoun] = {
    r["form"].strip(): DocumentNoun(r["form"].strip(), r["kind"].strip(), r["family"].strip(),
                                    flag(r["inherent"]))
    for r in table("documents.csv")}
# the document nouns as a pattern, longest first ("press conference" before "conference")
NOUN_ALT = _alt(NOUNS)

VERBS: dict[str, CitingVerb] = {
    r["form"].strip(): CitingVerb(r["form"].strip(), r["kind"].strip(), (r["takes"] or "").strip())
    for r in table("citing_verbs.csv")}
VERB_ALT = _alt(VERBS)


def noun(printed: str) -> DocumentNoun | None:
    """The document noun a printed form is ("Letters", "press  conference")."""
    return NOUNS.get(" ".join(printed.lower().split()))


def verb(printed: str) -> CitingVerb | None:
    return VERBS.get(" ".join(printed.lower().split()))
