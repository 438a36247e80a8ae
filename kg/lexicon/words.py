"""Ordinary English words told apart from names and from OCR debris, by well-kept lexicons.

Telegraphese is typed in capitals, so a capital letter says nothing: "SECRETARY VANCE SAID"
is a title, a name and a verb only to a reader who knows which words are words.  Two
published lexicons answer that, instead of hand lists:

- `english-words` (Webster's Second International, ``web2``), which keeps case: an entry in
  lower case is an ordinary word ("said", "carter"), a capitalised entry a proper name
  ("Vance", "Carter", "William").  `is_word` and `is_proper_name` read it.
- `wordfreq` (word frequencies of many corpora): how common a token is in English.  A token
  no lexicon knows that is one edit (rapidfuzz) from a common word is the OCR's misreading of
  that word ("Exbassy" for "embassy", "Goverment"), not a person: `is_ocr_debris`.

The lists are loaded once, lazily, from a snapshot in the user's cache when there is one
(`kg.lexicon.snapshot`): building them costs half a second and importing wordfreq, more than
the rest of a one-document build.  The snapshot holds what the libraries answer, nothing else.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import NamedTuple

from rapidfuzz import distance, process

from kg.lexicon.snapshot import cached

COMMON_ZIPF = 3.0          # wordfreq Zipf frequency of a common English word (about 1 per million)
RARE_ZIPF = 1.2            # below this a token is unknown to English text (debris, or a rare name)
COMMON_WORDS = 30000       # how many of wordfreq's most frequent English words are "common"
MIN_DEBRIS_LENGTH = 5      # shorter tokens are too often one edit from some word

# A token of ASCII lower-case letters is its own single wordfreq token (no normalisation, no
# digits to smash, no split), so its Zipf frequency is read from the snapshot; any other token
# is asked of wordfreq itself.
_PLAIN = re.compile(r"[a-z]+")


class _Lexicons(NamedTuple):
    lower: frozenset[str]          # web2's lower-case entries: ordinary words
    proper: frozenset[str]         # web2's capitalised entries, lower-cased: proper names
    common: tuple[str, ...]        # common words that are only words, most frequent first
    plain: list[str]               # wordfreq's English words of ASCII letters, sorted ...
    centizipf: array               # ... and each one's Zipf frequency times 100


def _versions() -> str:
    found = []
    for package in ("english-words", "wordfreq"):
        try:
            found.append(f"{package} {version(package)}")
        except PackageNotFoundError:       # pragma: no cover - a dependency of the package
            found.append(f"{package} ?")
    return ", ".join(found)


def _build() -> tuple:
    """The lexicons as the libraries give them (in `marshal`'s types, for the snapshot)."""
    from english_words import get_english_words_set
    from wordfreq import get_frequency_dict, top_n_list, zipf_frequency

    words = get_english_words_set(["web2"], alpha=True, lower=False)
    lower = frozenset(w for w in words if w.islower())
    proper = frozenset(w.lower() for w in words if w[:1].isupper())
    # common words that are only words: a name's neighbour ("Sgevenson") is the name misread
    common = tuple(w for w in top_n_list("en", COMMON_WORDS)
                   if w.isalpha() and len(w) >= MIN_DEBRIS_LENGTH - 1 and w in lower and w not in proper)
    plain = sorted(w for w in get_frequency_dict("en") if _PLAIN.fullmatch(w))
    # wordfreq rounds a Zipf frequency to two decimals: n / 100 gives back the same float
    centi = array("H", (round(zipf_frequency(w, "en") * 100) for w in plain))
    return lower, proper, common, "\n".join(plain), centi.tobytes()


@lru_cache(maxsize=1)
def _lexicons() -> _Lexicons:
    key = f"words 1|{_versions()}|common {COMMON_WORDS}|length {MIN_DEBRIS_LENGTH}"
    lower, proper, common, plain, centi = cached("words", key, _build)
    zipfs = array("H")
    zipfs.frombytes(centi)
    return _Lexicons(lower, proper, common, plain.split("\n"), zipfs)


def _common() -> tuple[str, ...]:
    return _lexicons().common


# The same capitalised words are asked about on every page of every document: the answers below
# are pure functions of the token and the shipped lexicons, kept for the process
# (tests/lexicon/test_words.py compares them with the computation).
@lru_cache(maxsize=1 << 16)
def zipf(token: str) -> float:
    """wordfreq's Zipf frequency of the token in English (0.0: unknown to it)."""
    low = token.lower()
    if _PLAIN.fullmatch(low):
        lex = _lexicons()
        i = bisect_left(lex.plain, low)
        return lex.centizipf[i] / 100 if i < len(lex.plain) and lex.plain[i] == low else 0.0
    from wordfreq import zipf_frequency
    return zipf_frequency(low, "en")


def is_word(token: str) -> bool:
    """An ordinary English word in lower case ("said", "embassy", "carter")."""
    return token.lower() in _lexicons().lower


def is_proper_name(token: str) -> bool:
    """A name the dictionary lists capitalised ("Vance", "Carter", "William", "Paris")."""
    return token.lower() in _lexicons().proper


FUNCTION_ZIPF = 5.5        # "the", "said", "would", "his": a word whatever its case
WORD_ZIPF = 3.65           # a common word the dictionary does not also list as a name
PLURAL_ZIPF = 3.3          # a plural or third person of a dictionary word ("EXPECTS", "TAPES")


def _inflected_word(low: str) -> bool:
    """A verb form of a dictionary word: "supported", "replied", "welcomed", "meeting"."""
    for suffix, repl in (("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        stem = low[:-len(suffix)]
        if low.endswith(suffix) and len(stem) >= 3:
            if is_word(stem + repl) or (not repl and stem[-1] == stem[-2] and is_word(stem[:-1])):
                return True                            # "dropped" -> "drop"
    return False


@lru_cache(maxsize=1 << 16)
def is_common_word(token: str) -> bool:
    """A common English word rather than a name: very frequent ("THE", "SAID", "WOULD"), a
    verb form of a dictionary word ("SUPPORTED", "REPLIED"), or a frequent dictionary word
    the dictionary never capitalises ("NOTED", "ALSO").  Names that are also words and rare
    as words stay names ("HUMMEL", "RUSK", "STABLER"); "CARTER", "JONES" are capitalised
    entries of the dictionary and stay names."""
    low = token.lower()
    z = zipf(low)
    if z >= FUNCTION_ZIPF:
        return True
    if z >= 3.0 and not is_proper_name(low) and _inflected_word(low):
        return True
    if z >= PLURAL_ZIPF and not is_proper_name(low) and (
            low.endswith("s") and is_word(low[:-1]) or low.endswith("ies") and is_word(low[:-3] + "y")):
        return True                                    # "AGREES", "TAPES", "DUTIES"
    return z >= WORD_ZIPF and is_word(low) and not is_proper_name(low)


def is_ocr_debris(token: str) -> bool:
    """A token no lexicon knows, one edit from a common English word: the OCR's misreading
    of the word ("Exbassy", "Goverment", "SECKET"), not a name."""
    return misread_word(token) is not None


@lru_cache(maxsize=1 << 16)
def misread_word(token: str) -> str | None:
    """The common English word a token no lexicon knows is one edit from ("Exbassy" ->
    "embassy"), or None."""
    low = token.lower()
    if len(low) < MIN_DEBRIS_LENGTH or is_word(low) or is_proper_name(low) or zipf(low) >= RARE_ZIPF:
        return None
    _lookups[0] += 1
    if _lookups[0] <= SCANS_BEFORE_INDEX:
        return _scan_one_edit(low)
    return _one_edit(low)


# A scan of the common words costs about a millisecond; the index below costs about as much as
# a hundred scans to build, and a dense OCR document asks for hundreds of tokens: a short
# document scans, a long one (and a worker that has read a few) builds the index once.
SCANS_BEFORE_INDEX = 100
_lookups = [0]


def _scan_one_edit(low: str) -> str | None:
    """The first common word (in order of frequency) at most one edit from ``low``."""
    hit = process.extractOne(low, _common(), scorer=distance.Levenshtein.distance, score_cutoff=1)
    return hit[0] if hit is not None else None


def _deletions(word: str) -> set[str]:
    """The word and every string one deletion from it."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


@lru_cache(maxsize=1)
def _common_by_deletion() -> dict[str, list[int]]:
    """Each common word (its rank) under itself and its one-deletion strings."""
    index: dict[str, list[int]] = {}
    for rank, word in enumerate(_common()):
        for key in _deletions(word):
            index.setdefault(key, []).append(rank)
    return index


def _one_edit(low: str) -> str | None:
    """`_scan_one_edit` by the deletion index: a word one edit from ``low`` shares a key with it
    (a deletion from the longer equals the shorter; a substitution deletes the same position
    from both), so the candidates hold every such word; the nearest, then the most frequent,
    wins, as in the scan."""
    common, index = _common(), _common_by_deletion()
    candidates = {rank for key in _deletions(low) for rank in index.get(key, ())}
    best = None
    for rank in candidates:
        d = distance.Levenshtein.distance(low, common[rank], score_cutoff=1)
        if d <= 1 and (best is None or (d, rank) < best):
            best = (d, rank)
    return common[best[1]] if best is not None else None
