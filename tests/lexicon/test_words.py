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
