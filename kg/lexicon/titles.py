"""Titles and forms of address printed before a name, and what their abbreviations stand for.

The table is data (kg/data/titles.csv).  "Amb.", "Am." and "Ambassador" mean the same thing
to every stage: the extractors find a title with `TITLE_RE` and keep it as printed; the
resolver compares titles by `title_key`.
"""
from __future__ import annotations

import re

from kg.lexicon.data import table

_ROWS = table("titles.csv")

# Forms of address and offices, in the table's order ("Defense Secretary" is tried before
# "Secretary" because longer titles always go first).
TITLES: tuple[str, ...] = tuple(r["title"].strip() for r in _ROWS)
# abbreviation as printed -> the title in full ("Amb." -> "Ambassador")
ABBREVIATIONS: dict[str, str] = {r["title"].strip(): r["means"].strip() for r in _ROWS
                                 if (r.get("means") or "").strip()}

TITLE_ALT = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(TITLES, key=len, reverse=True))
# A title ends at its full stop ("Mr.Berle", run together by the OCR) or at a word boundary.
TITLE_RE = re.compile(rf"(?:{TITLE_ALT})(?:(?<=\.)|(?![A-Za-z]))")

_FOLDED_ABBREVIATIONS = {k.casefold(): v.casefold() for k, v in ABBREVIATIONS.items()}


def normalise_title(title: str | None) -> str | None:
    """'Amb.' and 'Am.' -> 'Ambassador', 'Sec.' -> 'Secretary'; others unchanged."""
    if not title:
        return None
    t = " ".join(title.split())
    return ABBREVIATIONS.get(t, t)


def title_key(title: str) -> str:
    """A title folded for comparison: no article, no case, abbreviations spelled out
    ("The Amb." and "ambassador" have one key)."""
    key = re.sub(r"^the\s+", "", " ".join(title.split()).casefold())
    return _FOLDED_ABBREVIATIONS.get(key, key)
