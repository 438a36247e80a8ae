"""Name matching is cached, skips hopeless edit distances and leaves the distance to rapidfuzz:
the answers must be the ones the plain computation gives (the references below are the
functions as they were before the cache and before rapidfuzz)."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings, strategies as st

from kg.lexicon.authority import authority
from kg.lexicon.matching import edit_distance, fold, name_key, similarity


def _edit_distance(a, b, limit=4):
    """The distance as a table in Python: Levenshtein with adjacent transpositions, stopped
    once a whole row is past the limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2 = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _capped(a, b, limit):
    # the table answered any number past the limit (the callers ask only "more than the
    # limit?"); rapidfuzz answers limit + 1
    return min(_edit_distance(a, b, limit), limit + 1)


def _fold(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"['’`]", "", text).casefold()


def _similarity(printed, known):
    a, b = re.sub(r"[^a-z]", "", _fold(printed)), re.sub(r"[^a-z]", "", _fold(known))
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    allowed = 1 if min(len(a), len(b)) <= 5 else 2 if min(len(a), len(b)) <= 8 else 3
    d = _edit_distance(a, b, allowed)
    if d > allowed:
        if len(a) >= 4 and b.startswith(a) and len(b) - len(a) <= 2:
            return 0.7
        return 0.0
    if a[0] != b[0] and d > 1:
        return 0.0
    return round(1.0 - d / (max(len(a), len(b)) + 1), 3)


SURNAMES = sorted({s for e in authority() for s in e.surnames})
OCR = ["Gilpatric", "Kusnetsov", "Sgevenson", "McGloy", "McGlo", "Rusk", "Tusk", "Zorin", "Sorin",
       "O'Brien", "Obrien", "Élysée", "Dobrynin", "Dobrinin", "", "-", "Kennedy", "Kenedy", "Hennedy"]


def test_every_known_and_misread_surname_pair_scores_as_before():
    names = SURNAMES + OCR
    for a in names:
        for b in names:
            assert similarity(a, b) == _similarity(a, b), (a, b)
            assert similarity(a, b) == _similarity(a, b), (a, b)      # again, from the cache


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzÀé' -", max_size=12),
       st.text(alphabet="abcdefghijklmnopqrstuvwxyzÀé' -", max_size=12))
def test_random_names_score_as_before(a, b):
    assert similarity(a, b) == _similarity(a, b)
    assert fold(a) == _fold(a) and name_key(b) == re.sub(r"[^a-z]", "", _fold(b))


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(SURNAMES), st.sampled_from(SURNAMES),
       st.lists(st.tuples(st.integers(0, 12), st.sampled_from("abcdefgklmnorstuvz")), max_size=3),
       st.booleans())
def test_misread_surnames_score_as_before(a, b, edits, truncate):
    variant = list(a)
    for i, c in edits:       # OCR damage: letters replaced, inserted
        if i < len(variant):
            variant[i] = c
        else:
            variant.append(c)
    printed = "".join(variant)[: -2 if truncate else None]
    assert similarity(printed, b) == _similarity(printed, b)
    assert similarity(b, printed) == _similarity(b, printed)


def test_the_distance_of_every_pair_of_known_and_misread_surnames_is_the_tables():
    keys = sorted({name_key(n) for n in SURNAMES + OCR})
    for a in keys:
        for b in keys:
            for limit in (1, 2, 3, 4):
                assert edit_distance(a, b, limit) == _capped(a, b, limit), (a, b, limit)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="abcdeé", max_size=9), st.text(alphabet="abcdeé", max_size=9),
       st.integers(0, 5))
def test_the_distance_of_random_strings_is_the_tables(a, b, limit):
    # a small alphabet: transpositions, repeats and near-misses on every example
    assert edit_distance(a, b, limit) == _capped(a, b, limit)


def _near_plain(key, keys):
    return [i for i, k in enumerate(keys) if similarity(key, k) > 0]


def test_the_near_keys_hold_every_name_that_scores_and_the_match_is_the_scan_of_every_surname():
    # kg.lexicon.matching.near_keys: every folded surname of the file that similarity scores
    # above 0 against a printed one is among them, for every capitalised word of the real
    # documents and the misreadings above; the authority's surname match is then the plain
    # best_match over every surname of the file
    from kg.lexicon.authority import MATCH_THRESHOLD, _surname_match, _surname_pairs
    from kg.lexicon.matching import best_match, near_keys
    from tests.real_texts import real_transcripts

    pairs, keys = _surname_pairs()
    words = {w for t in real_transcripts() for w in re.findall(r"\b[A-Z][A-Za-z'’-]{1,}", t.text)}
    printed = sorted(words)[::3] + SURNAMES + OCR
    matched = 0
    for p in printed:
        key = name_key(p)
        near = near_keys(key, keys)
        assert set(_near_plain(key, keys)) <= set(near), p
        plain = best_match(key, pairs, key=lambda pair: name_key(pair[0]), threshold=MATCH_THRESHOLD)
        ours = _surname_match(key)
        assert ours == (plain and (plain[0][1], plain[1])), p
        matched += ours is not None
    assert matched > 50


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SURNAMES),
       st.lists(st.tuples(st.integers(0, 12), st.sampled_from("abcdefgklmnorstuvz")), max_size=3),
       st.integers(0, 3))
def test_the_near_keys_hold_every_misreading_that_scores(a, edits, cut):
    from kg.lexicon.authority import _surname_pairs
    from kg.lexicon.matching import near_keys
    variant = list(name_key(a))
    for i, c in edits:
        if i < len(variant):
            variant[i] = c
        else:
            variant.insert(i % (len(variant) + 1), c)
    key = "".join(variant)[: len(variant) - cut or None]
    _, keys = _surname_pairs()
    assert set(_near_plain(key, keys)) <= set(near_keys(key, keys))


def test_the_surname_scores_of_the_near_entries_are_the_scan_of_the_whole_file():
    from kg.lexicon.authority import MATCH_THRESHOLD, _surname_scores
    from tests.real_texts import real_transcripts

    def plain(key):
        out = []
        for e in authority():
            bare = max((similarity(key, f) for f in e.surnames), default=0.0)
            given = max(bare, similarity(key, e.parts.surname))
            if given >= MATCH_THRESHOLD:
                out.append((e, bare, given))
        return tuple(out)

    words = {w for t in real_transcripts() for w in re.findall(r"\b[A-Z][A-Za-z'’-]{1,}", t.text)}
    scored = 0
    for p in sorted(words)[1::3] + SURNAMES + OCR:
        key = name_key(p)
        assert _surname_scores(key) == plain(key), p
        scored += bool(plain(key))
    assert scored > 50
