"""Matching a printed name against known names, allowing for the OCR's misspellings.

Pure string functions: fold a name to comparable tokens, measure how far two surnames are
apart (Gilpatrick/Gilpatric, Kusnetsov/Kuznetsov, Sgevenson/Stevenson, McGloy/McCloy), and
pick the best candidate only when it is clearly the best.  Nothing here knows a person.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Sequence, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import OSA

T = TypeVar("T")


# The same few hundred names are compared with each other ~100k times per corpus: the pure
# string functions below keep their answers (tests/resolving/test_matching_cache.py).
@lru_cache(maxsize=1 << 15)
def fold(text: str) -> str:
    """Accents dropped, casefolded, apostrophes removed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"['’`]", "", text).casefold()


@lru_cache(maxsize=1 << 15)
def name_key(name: str) -> str:
    """Letters only, folded: 'Gilpatrick' -> 'gilpatrick'."""
    return re.sub(r"[^a-z]", "", fold(name))


def edit_distance(a: str, b: str, limit: int = 4) -> int:
    """Levenshtein distance, with transpositions of adjacent letters counted as one edit (the
    optimal string alignment distance); ``limit + 1`` when it is more than ``limit``.

    rapidfuzz computes it in C: the Python table it replaces cost a third of the authority
    lookups (tests/lexicon/test_matching_cache.py compares the two)."""
    return OSA.distance(a, b, score_cutoff=limit)


@lru_cache(maxsize=1 << 16)
def similarity(printed: str, known: str) -> float:
    """1.0 for the same surname, lower for OCR variants, 0 when they are different names."""
    a, b = name_key(printed), name_key(known)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    # OCR damage is a letter or two; short names must match nearly exactly.
    allowed = 1 if min(len(a), len(b)) <= 5 else 2 if min(len(a), len(b)) <= 8 else 3
    if a[0] != b[0]:
        # Different first letters: only a distance of 0 or 1 scores (below), and no prefix can
        # match, so the distance need not be followed past 1.
        allowed = min(allowed, 1)
    if abs(len(a) - len(b)) > allowed:
        d = allowed + 1      # what edit_distance answers at once
    else:
        d = edit_distance(a, b, allowed)
    if d > allowed:
        # a truncated form ("McGlo" for "McGloy") is a variant when it is a long prefix
        if len(a) >= 4 and b.startswith(a) and len(b) - len(a) <= 2:
            return 0.7
        return 0.0
    if a[0] != b[0] and d > 1:
        return 0.0
    return round(1.0 - d / (max(len(a), len(b)) + 1), 3)


MOST_EDITS = 3          # the most edits `similarity` lets two names differ by


def near_keys(key: str, keys: Sequence[str]) -> list[int]:
    """The indexes (ascending) of the folded names ``keys`` that `similarity` may score above
    0 against the folded name ``key``: within `MOST_EDITS` edits of it (found by rapidfuzz, in
    C) or beginning with it (the truncated form).  A scan of every name with `similarity`
    gives them the same scores (tests/lexicon/test_matching_cache.py)."""
    if not key:
        return []
    near = {i for _, _, i in process.extract(key, keys, scorer=OSA.distance,
                                              score_cutoff=MOST_EDITS, limit=None)}
    near.update(i for i, k in enumerate(keys) if k.startswith(key))
    return sorted(near)


def best_match(printed: str, candidates: Sequence[T], key=lambda c: c,
               threshold: float = 0.6) -> tuple[T, float] | None:
    """The candidate whose name is closest to ``printed``, if it is unambiguously closest."""
    scored = sorted(((similarity(printed, key(c)), i) for i, c in enumerate(candidates)),
                    key=lambda s: (-s[0], s[1]))
    if not scored or scored[0][0] < threshold:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0] and key(candidates[scored[1][1]]) != key(candidates[scored[0][1]]):
        return None
    return candidates[scored[0][1]], scored[0][0]


# lower-case particles that belong to a surname ("de Gaulle", "von Brentano")
PARTICLES = frozenset({"de", "du", "da", "di", "van", "von", "der", "del", "la", "le"})


def surname(name: str) -> str:
    """The last name-like token of a printed name ('A. Akalovsky' -> 'Akalovsky')."""
    tokens = [t for t in re.split(r"[\s,]+", name.strip()) if t and not re.fullmatch(r"[A-Z]\.?|Jr\.?|Sr\.?|II|III", t)]
    if len(tokens) >= 2 and tokens[-2] in PARTICLES:
        return f"{tokens[-2]} {tokens[-1]}"           # 'Charles de Gaulle' -> 'de Gaulle'
    return tokens[-1] if tokens else name.strip()
