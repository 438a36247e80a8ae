"""Words told from names and from OCR debris by the lexicons, not by hand lists."""
from __future__ import annotations

import pytest

from kg.lexicon.words import is_common_word, is_ocr_debris


@pytest.mark.parametrize("token", ["SAID", "THE", "WOULD", "SUPPORTED", "REPLIED", "NOTED", "AGREES"])
def test_common_words_in_capitals_are_words(token):
    assert is_common_word(token)


@pytest.mark.parametrize("token", ["VANCE", "CARTER", "JONES", "HUMMEL", "RUSK", "GOHEEN", "VAJPAYEE",
                                   "SAUNDERS", "ARIAS"])
def test_surnames_are_not_common_words_even_when_the_dictionary_lists_them(token):
    assert not is_common_word(token)


@pytest.mark.parametrize("token", ["Exbassy", "SECKET", "Toras"])
def test_a_token_one_edit_from_a_common_word_and_unknown_to_english_is_debris(token):
    assert is_ocr_debris(token)


@pytest.mark.parametrize("token", ["Sebald", "Goheen", "Shepanek", "Herter", "Riggin", "McCloy", "Kohler"])
def test_rare_real_surnames_are_not_debris(token):
    assert not is_ocr_debris(token)


def test_the_deletion_index_finds_the_word_the_scan_of_the_common_words_finds():
    # the contract of the index that replaces the scan after the first hundred look-ups: for
    # every token of the OCR fixtures (and its near misses) the same word, or none, as the
    # rapidfuzz scan of the common words in order of frequency
    import re
    from pathlib import Path

    from kg.lexicon.words import _one_edit, _scan_one_edit
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    tokens = {m.group(0).lower() for p in sorted(fixtures.rglob("*.md"))
              for m in re.finditer(r"[A-Za-z]{4,}", p.read_text(encoding="utf-8"))}
    # substitutions, transpositions, insertions, deletions of common words
    tokens |= {"exbassy", "goverment", "secket", "toras", "embasssy", "mebassy", "embasy", "govenrment",
               "embassyy", "xembassy", "presidnet", "wrld"}
    found = 0
    for token in sorted(tokens):
        expected = _scan_one_edit(token)
        assert _one_edit(token) == expected, token
        found += expected is not None
    assert found > 50                      # the fixtures hold OCR misreadings enough to test


def _fixture_tokens() -> set[str]:
    import re
    from pathlib import Path

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    return {m.group(0) for p in sorted(fixtures.rglob("*.md"))
            for m in re.finditer(r"[^\W\d_]+(?:'[^\W\d_]+)?", p.read_text(encoding="utf-8"))}


def test_the_snapshot_answers_as_wordfreq_and_web2_for_every_token_of_the_fixtures():
    # the contract of the snapshot (kg.lexicon.snapshot): the Zipf frequency and the dictionary
    # membership of every word the OCR fixtures print, known to the lexicons or not, in any
    # case, with apostrophes and letters outside ASCII, are the libraries' own answers
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    from kg.lexicon.words import is_proper_name, is_word, zipf

    web2 = get_english_words_set(["web2"], alpha=True, lower=False)
    capitalised = {w.lower() for w in web2 if w[:1].isupper()}
    tokens = sorted(_fixture_tokens() | {"qzxv", "zzzz", "Ménière", "o'brien", "aardvark", "the"})
    unknown = 0
    for token in tokens:
        expected = zipf_frequency(token.lower(), "en")
        assert zipf(token) == expected, token
        unknown += expected == 0.0
        assert is_word(token) == (token.lower() in web2), token
        assert is_proper_name(token) == (token.lower() in capitalised), token
    assert len(tokens) > 2000 and unknown > 50      # words and non-words both tested


def test_a_snapshot_is_kept_in_the_cache_folder_and_read_back_the_same(tmp_path, monkeypatch):
    from kg.lexicon import snapshot

    monkeypatch.setenv(snapshot.CACHE_ENV, str(tmp_path))
    built = []

    def build():
        built.append(1)
        return (frozenset({"said"}), ("embassy",), "a\nb", b"\x01\x02")

    first = snapshot.cached("words", "key 1", build)
    second = snapshot.cached("words", "key 1", build)
    assert first == second and len(built) == 1                # read back, not built again
    assert len(list(tmp_path.glob("words-*.marshal"))) == 1
    snapshot.cached("words", "key 2", build)                   # another key: built anew
    assert len(built) == 2


def test_a_cache_that_cannot_be_written_or_read_is_ignored(tmp_path, monkeypatch):
    from kg.lexicon import snapshot

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(snapshot.CACHE_ENV, str(blocked / "cache"))      # cannot be made
    assert snapshot.cached("words", "k", lambda: ("ok",)) == ("ok",)
    monkeypatch.setenv(snapshot.CACHE_ENV, str(tmp_path))
    path = snapshot.snapshot_path("words", "k")
    path.write_bytes(b"\x00garbage")                                     # unreadable
    assert snapshot.cached("words", "k", lambda: ("again",)) == ("again",)
    monkeypatch.setenv(snapshot.CACHE_ENV, "")                           # turned off
    assert snapshot.cache_dir() is None
    assert snapshot.cached("words", "k", lambda: ("off",)) == ("off",)


def test_the_kept_answers_are_those_computed_anew():
    # zipf, is_common_word and misread_word keep their answers per token: asked twice, in any
    # order, every word of the real documents gets what the computation gives
    import re

    from kg.lexicon.words import is_common_word, misread_word, zipf
    from tests.real_texts import real_transcripts
    tokens = sorted({m.group() for t in real_transcripts() for m in re.finditer(r"[A-Za-z]{3,}", t.raw)})
    assert len(tokens) > 1000
    for fn in (zipf, is_common_word, misread_word):
        fn.cache_clear()
        first = [fn(w) for w in tokens]
        again = [fn(w) for w in reversed(tokens)][::-1]
        assert first == again == [fn.__wrapped__(w) for w in tokens], fn.__name__
