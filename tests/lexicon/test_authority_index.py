"""The authority lookups keep their answers per name and per folded surname (each entry's name
parsed once, each printed surname scored against the file once): the answers must be the ones
the plain scan of the whole file gives (the reference below is the lookup as it was before),
on every name the resolver is asked about in the dev sets and on OCR variants of every
authority name."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings, strategies as st

from kg.lexicon.authority import (MATCH_THRESHOLD, authority, authority_candidates,
                                  authority_lookup)
from kg.lexicon.matching import best_match, fold, name_key, similarity, surname
from kg.lexicon.personal_names import agreement, parse_name

PRINTED = Path(__file__).resolve().parents[1] / "fixtures" / "resolving" / "printed_names.tsv"


def _parts(e):
    return replace(parse_name(e.name), female=None if e.sex is None else e.sex == "f")


def _scan_candidates(printed, title=None):
    folded = " ".join(re.findall(r"[a-z]+", fold(printed)))
    for e in authority():
        if " ".join(re.findall(r"[a-z]+", fold(e.name))) == folded:
            return [(e, 1.0, ())]
    name = parse_name(printed, title)
    if not name.surname:
        return []
    out = []
    for e in authority():
        parts = _parts(e)
        forms = e.surnames + ((parts.surname,) if name.given else ())
        score = max((similarity(name.surname, f) for f in forms), default=0.0)
        if score < MATCH_THRESHOLD:
            continue
        why = agreement(name, parts, surnames=False)
        if why is not None:
            out.append((e, score, why))
    return sorted(out, key=lambda c: (-c[1], len(c[2])))


def _scan_lookup(printed):
    folded = " ".join(re.findall(r"[a-z]+", printed.casefold()))
    for e in authority():
        if " ".join(re.findall(r"[a-z]+", e.name.casefold())) == folded:
            return e, 1.0
    pairs = [(s, e) for e in authority() for s in e.surnames]
    hit = best_match(surname(printed), pairs, key=lambda p: name_key(p[0]), threshold=MATCH_THRESHOLD)
    return None if hit is None else (hit[0][1], hit[1])


def printed_names() -> list[tuple[str, str | None]]:
    rows = [line.rstrip("\n").split("\t") for line in PRINTED.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [(name, title or None) for name, title in rows]


def test_an_entry_is_parsed_once_with_the_sex_the_record_gives():
    for e in authority():
        assert e.parts == _parts(e)
        assert e.parts is e.parts


def test_every_name_printed_in_the_dev_sets_finds_what_the_scan_finds():
    names = printed_names()
    assert len(names) > 700
    found = 0
    for printed, title in names:
        for _ in range(2):             # computed, then from the cache
            assert authority_candidates(printed, title) == _scan_candidates(printed, title), (printed, title)
            assert authority_lookup(printed) == _scan_lookup(printed), printed
        found += bool(_scan_candidates(printed, title))
    assert found > 100                 # the dev sets name many persons of the file


def test_every_authority_name_and_surname_finds_what_the_scan_finds():
    for e in authority():
        forms = [e.name, _parts(e).surname, *e.surnames, *(f"{g} {s}" for g in ("J.", "Mrs.", "Robert")
                                                          for s in e.surnames)]
        for printed in forms:
            for title in (None, "Mr.", "Mrs.", "President"):
                assert authority_candidates(printed, title) == _scan_candidates(printed, title), printed
            assert authority_lookup(printed) == _scan_lookup(printed), printed


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted({s for e in authority() for s in e.surnames} | {e.name for e in authority()})),
       st.lists(st.tuples(st.integers(0, 14), st.sampled_from("abcdeghlmnorstuvyz")), max_size=2),
       st.booleans(), st.sampled_from(["", "John ", "A. ", "Mrs. ", "J.F. "]))
def test_ocr_variants_find_what_the_scan_finds(name, edits, truncate, given_names):
    variant = list(name)
    for i, c in edits:       # OCR damage: letters replaced or added
        if i < len(variant):
            variant[i] = c
        else:
            variant.append(c)
    printed = given_names + "".join(variant)[: -2 if truncate else None]
    assert authority_candidates(printed) == _scan_candidates(printed)
    assert authority_lookup(printed) == _scan_lookup(printed)
