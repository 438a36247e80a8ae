"""Titles and forms of address printed before a name, and what their abbreviations stand for.

The table is data (kg/data/titles.csv).  "Amb.", "Am." and "Ambassador" mean the same thing
to every stage: the extractors find a title with `TITLE_RE` and keep it as printed; the
resolver compares titles by `title_key`.
"""
from __future__ import annotations

import re

from kg.lexicon.data import table

_ROWS = table("titles.csv")

_PRINTED = tuple(r["title"].strip() for r in _ROWS)
# The one-word titles printed in full that a typist cuts short ("Ambassador", "Secretary").
_CUTTABLE = tuple(t for t in _PRINTED if re.fullmatch(r"[A-Z][a-z]{5,}", t))


def _cuts() -> dict[str, str]:
    """A title cut short and closed by a full stop ("Amb.", "Am.", "Sec.", "Gen.", "Pres."):
    every cut of three or four letters (two for the titles of eight letters or more) that begins
    no other title, so "Se." is nobody's, "Sen." the Senator's and "Sec." the Secretary's;
    longer cuts are words of their own ("Secret.")."""
    out = {}
    for word in _CUTTABLE:
        for n in range(2 if len(word) >= 8 else 3, 5):
            if sum(w.startswith(word[:n]) for w in _CUTTABLE) == 1:
                out[word[:n] + "."] = word
    return out


# abbreviation as printed -> the title in full ("Amb." -> "Ambassador")
ABBREVIATIONS: dict[str, str] = {**_cuts(), **{r["title"].strip(): r["means"].strip() for r in _ROWS
                                               if (r.get("means") or "").strip()}}
# Forms of address and offices, in the table's order ("Defense Secretary" is tried before
# "Secretary" because longer titles always go first), and the cuts.
TITLES: tuple[str, ...] = _PRINTED + tuple(a for a in ABBREVIATIONS if a not in _PRINTED)

TITLE_ALT = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(TITLES, key=len, reverse=True))
# A rank before an office makes one title: "First Deputy Prime Minister", "Deputy Chairman",
# "Acting Secretary".
TITLE_RANKS: tuple[str, ...] = ("First", "Deputy", "Acting")
_RANKS = rf"(?:(?:{'|'.join(TITLE_RANKS)})\s+){{0,2}}"
# A title ends at its full stop ("Mr.Berle", run together by the OCR) or at a word boundary.
TITLE_RE = re.compile(rf"{_RANKS}(?:{TITLE_ALT})(?:(?<=\.)|(?![A-Za-z]))")

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
