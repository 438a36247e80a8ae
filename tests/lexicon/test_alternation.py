"""A word list grouped by first letter matches exactly what its plain alternation matches."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extracting.telegraphese import titles as telegraphese_titles
from kg.lexicon.alternation import grouped
from kg.lexicon.authority import office_forms
from kg.lexicon.documents import NOUNS, VERBS
from kg.lexicon.titles import TITLES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _longest_first(forms):
    return [re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True)]


LISTS = {"document nouns": _longest_first(NOUNS), "citing verbs": _longest_first(VERBS),
         "titles": _longest_first(TITLES),
         "titles in capitals": [re.escape(p).replace(r"\ ", r"[ \t]+")
                                for p in sorted(telegraphese_titles(), key=len, reverse=True)],
         "offices": [re.escape(f).replace(r"\ ", r"\s+") for f in office_forms() if not f.startswith("the ")]}


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("name", sorted(LISTS))
def test_the_grouped_alternation_matches_as_the_plain_one_on_every_fixture(name, flags):
    # the contract: on every text of the fixtures, the same matches as the plain alternation in
    # patterns that end the form at a word's end or make the engine backtrack into it
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))]
    alternatives = LISTS[name]
    ours, plain = grouped(alternatives), "|".join(alternatives)
    assert ours != plain
    matched = 0
    for shape in (r"(?<![\w-])(?:{})(?![\w-])", r"\b(?P<n>{})\s+(?:of\s+)?[a-z]+", r"(?:{})(?=s?\b)"):
        fast, slow = re.compile(shape.format(ours), flags), re.compile(shape.format(plain), flags)
        for text in texts:
            found = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
            assert found == [(m.span(), m.groupdict()) for m in slow.finditer(text)]
            matched += len(found)
    assert matched > 20


def test_a_list_whose_first_letters_fold_together_stays_plain():
    # under IGNORECASE "Note" and "note" would be two groups matching the same character
    assert grouped(["Note", "note", "plan"]) == "Note|note|plan"
    assert grouped(["éclat", "eclat"]) == "éclat|eclat"


def test_names_grouped_for_a_case_sensitive_pattern_match_as_the_plain_list():
    # the persons extractor's known names ("de Gaulle" and "Dean" in groups of their own)
    from kg.extracting.persons import _known_names
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))]
    alternatives = [re.escape(n) for n in _known_names([])]
    ours, plain = grouped(alternatives, ignorecase=False), "|".join(alternatives)
    assert ours != plain and grouped(alternatives) == plain     # under IGNORECASE d and D collide
    fast = re.compile(rf"(?<![A-Za-z.])(?P<name>(?:[A-Z]\.[ \t]?)?(?:{ours}))(?![a-z])")
    slow = re.compile(rf"(?<![A-Za-z.])(?P<name>(?:[A-Z]\.[ \t]?)?(?:{plain}))(?![a-z])")
    matched = 0
    for text in texts:
        found = [(m.span(), m.group("name")) for m in fast.finditer(text)]
        assert found == [(m.span(), m.group("name")) for m in slow.finditer(text)]
        matched += len(found)
    assert matched >= 10


def test_the_quick_look_for_odd_letters_finds_what_the_pattern_finds():
    from kg.lexicon.alternation import CASE_ODD, case_odd
    for text in ["", "plain", "reconnaiſſance", "İnvasion", "ıncoming", "ſ", "Łódź ß Σ", "x\u0131"]:
        assert case_odd(text) == bool(CASE_ODD.search(text)), text


def test_a_prefiltered_pattern_finds_what_the_pattern_finds():
    import re

    from kg.lexicon.alternation import Prefiltered
    patterns = [re.compile(r"\bleft\s+the\s+(?:room|table)\b|\b(?:is|are)\s+attached\b", re.IGNORECASE),
                re.compile(r"\b(?:wished|wanted)\s+to\b"), re.compile(r"warheads?|\d+"),
                re.compile(r"(?i)treaty"), re.compile(r"over-?\s*flights?", re.IGNORECASE)]
    texts = ["He LEFT THE ROOM.", "The map is attached", "Reconnaiſſance over-flights", "ſhe LEFT the table",
             "İS ATTACHED", "He wished to add", "WISHED TO", "3 warheads", "no match here", "Treaty",
             "OVERFLIGHTS", "over- flight", ""]
    for rx in patterns:
        pre = Prefiltered(rx)
        for text in texts:
            got, plain = pre.search(text), rx.search(text)
            assert (got and got.span()) == (plain and plain.span()), (rx.pattern, text)


def test_the_lines_that_may_match_hold_every_line_that_matches():
    import re

    from kg.lexicon.alternation import Prefiltered
    text = ("SUBJECT: Berlin\nDate: 3/4/62 and DATE 4/5/63\n\nno date here\nDaTe 1/2/61\n"
            "reconnaiſſance Date 1/1/60\nPARTICIPANTS:\nUS Participants\n")
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"][:-1]
    lines = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    date = Prefiltered(re.compile(r"\bDate\s*:?\s*\d+/\d+/\d+", re.IGNORECASE))
    assert date.lines(text, starts) is None                  # the odd letter: every line may
    plain = text.replace("ſſ", "ss")
    assert date.lines(plain, starts) == {1, 3, 4, 5}         # each line printing "date" once
    assert {i for i, ln in enumerate(lines) if date.rx.search(ln)} == {1, 4, 5}
    caption = Prefiltered(re.compile(r"PARTICIPANTS?\s*:"))
    assert caption.lines(text, starts) == {6}
    assert Prefiltered(re.compile(r"\d+")).lines(text, starts) is None   # no run: any line


def test_the_starts_of_the_lines_that_print_a_run_are_those_of_the_lines_found_by_their_offsets():
    from kg.lexicon.alternation import line_starts_printing, lines_printing
    from tests.real_texts import real_transcripts

    texts = ["", "\n", "abc", "x\nab\n\nab ab\nb\nab", "ab\n"] + [t.raw for t in real_transcripts()]
    runs_list = [("ab",), ("b", "ab"), ("the",), ("secret", "release"), ("\nab",), ("memo", "x")]
    for text in texts:
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        for runs in runs_list:
            assert line_starts_printing(text, runs) == {starts[i] for i in lines_printing(text, runs, starts)}


def test_the_first_match_in_the_lines_that_print_a_run_is_the_first_match_of_the_text():
    import re

    from kg.lexicon.alternation import first_in_lines, lowered, required_runs
    text = ("x\nAIRGRAM no\nMemo\n  - Memorandum for the Record\nsee the memorandum of\n"
            "MEMORANDUM OF CONVERSATION\nwordmemorandum for\n")
    cases = [(r"^[^\w\n]{0,3}MEMORANDUM[ \t]+(?:OF[ \t]+CONVERSATION|FOR\b)", re.IGNORECASE),
             (r"(?<!\w)memorandum[ \t]+of$", 0), (r"\bMEMORANDUM OF", 0), (r"^AIRGRAM\b", 0),
             (r"^[^\w\n]{0,3}CITE[ \t]+[A-Z]{2,}", 0)]
    for pattern, flags in cases:
        rx = re.compile(pattern, flags | re.MULTILINE)
        probe = lowered(text) if flags else text
        got = first_in_lines(rx, text, probe, required_runs(pattern, flags))
        plain = rx.search(text)
        assert (got and (got.span(), got.group())) == (plain and (plain.span(), plain.group())), pattern
    rx = re.compile(cases[0][0], re.IGNORECASE | re.MULTILINE)
    assert first_in_lines(rx, text, lowered(text), required_runs(cases[0][0], re.IGNORECASE)).group() \
        == "MEMORANDUM OF CONVERSATION"      # "  - Memorandum": four characters before the word
    assert first_in_lines(rx, "no memo here", "no memo here", ("memorandum",)) is None


def test_a_case_folded_pattern_finds_where_the_case_insensitive_one_finds():
    from kg.lexicon.alternation import CaseFolded
    texts = ["The TREATY and the Treaty", "the ſpecial Agreement", "İ signed the AGREEMENT", "Aide-Mémoire",
             "AIDE-MÉMOIRE of 5 May", "draft-agreement", "", "KELVIN \u212a agreement", "By: NARA",
             "by\n  Nara", "ſafety. \\S"]
    for pattern in [r"(?<![\w-])(?:treaty|agreement|aide-m[eé]moire)(?![\w-])", r"\bdr[a-z]ft\b", r"[^a-z]agree",
                    r"(?P<n>treaty)\s+(?P=n)?", r"\S+ty\W", r"\bby\W[\s\S]{0,9}?\bnara\b"]:
        folded = CaseFolded(pattern)
        assert folded.twin is not None
        for text in texts:
            got = [(m.span(), m.regs) for m in folded.finditer(text)]
            assert got == [(m.span(), m.regs) for m in folded.rx.finditer(text)], (pattern, text)
    for pattern in [r"[A-Z]\w+", r"\\S", r"(?-i:t)reaty", r"(?i)treaty", r"\N{LATIN SMALL LETTER A}"]:
        assert CaseFolded(pattern).twin is None, pattern       # means something else in lower case


def test_only_the_odd_characters_fold_to_a_latin_letter_or_one_of_the_document_nouns_otherwise():
    import re
    import string

    from kg.lexicon.alternation import case_odd
    from kg.lexicon.documents import NOUN_ALT
    letters = {c for c in NOUN_ALT if c.isalpha()} | set(string.ascii_lowercase)
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    for letter in letters:
        for m in re.finditer(re.escape(letter), every, re.IGNORECASE):
            c = m.group()
            assert case_odd(c) or c.lower() == letter, (hex(ord(c)), letter)


def test_lower_case_keeps_every_character_in_or_out_of_the_classes_and_in_its_place():
    import re

    from kg.lexicon.alternation import case_odd, lowered
    every = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    for cls in (re.compile(r"\s"), re.compile(r"\d"), re.compile(r"\w")):
        assert not [c for c in every if not case_odd(c) and bool(cls.match(c)) != bool(cls.match(c.lower()))]
    assert [c for c in every if len(c.lower()) != 1] == ["\u0130"] and case_odd("\u0130")
    text = "The Treaty"
    assert lowered(text) == "the treaty" and lowered(text) == "the treaty"     # kept, the same
    assert lowered("İ signed") is None and lowered("ſo") is None and lowered("") == ""


def test_every_word_start_and_inner_look_behind_of_the_extractors_finds_what_the_plain_pattern_finds():
    # kg.lexicon.alternation.word_start ("Messrs(?<!\wMessrs)" for "\bMessrs") and grouped's
    # not_after (the look-behind after each group's first letter): every use the extractor
    # modules make, compared with the plain form on every real document, whole and line by line
    import importlib
    import pkgutil
    import re

    import kg.extracting
    from kg.lexicon.alternation import NOT_AFTER, WORD_STARTS, grouped, word_start
    from tests.real_texts import real_transcripts

    for info in pkgutil.iter_modules(kg.extracting.__path__):
        importlib.import_module(f"kg.extracting.{info.name}")
    for t in real_transcripts():               # the names each document's capitals print
        kg.extracting.run(t)
    pairs = []
    for words, ignorecase, not_after in sorted(WORD_STARTS):
        before = r"\b" if not_after == r"\w" else f"(?<!{not_after})"
        fast = word_start(*words, ignorecase=ignorecase, not_after=not_after)
        if ignorecase:
            pairs.append((re.compile(fast), re.compile(rf"(?i:{before}(?:" + "|".join(words) + "))")))
            pairs.append((re.compile(fast + r"(?i:\W\w)"),
                          re.compile(rf"(?i:{before}(?:" + "|".join(words) + r"))(?i:\W\w)")))
            continue
        for flags in (0, re.IGNORECASE):
            pairs.append((re.compile(fast, flags), re.compile(before + "(?:" + "|".join(words) + ")", flags)))
    for alternatives, ignorecase, not_after in sorted(NOT_AFTER):
        for flags in ((0, re.IGNORECASE) if ignorecase else (0,)):
            pairs.append((re.compile(grouped(alternatives, ignorecase, not_after), flags),
                          re.compile(f"(?<!{not_after})(?:" + "|".join(alternatives) + ")", flags)))
    assert len(pairs) >= 10                  # persons' titles and by-lines, the nouns, reviews' stamps
    odd = ("Mr.Messrs X25X1 25X1 xNLK-81-15 NLK-81-15 ſhad had AMBASSADOR Ambassador-Secretary "
           "DOCID DocId xDocId E.O. 12958 eO 13526 ēO")
    hits = [0] * len(pairs)
    for t in real_transcripts():
        texts = [t.raw, t.text, odd] + [t.line_text(ln) for ln in t.lines]
        for k, (fast, plain) in enumerate(pairs):
            for text in texts:
                got = [(m.span(), m.group()) for m in fast.finditer(text)]
                assert got == [(m.span(), m.group()) for m in plain.finditer(text)], (plain.pattern[:60], t.name)
                assert [m.span() for m in fast.finditer(text, 3)] == [m.span() for m in plain.finditer(text, 3)]
                hits[k] += len(got)
    # each list the modules define matched somewhere (a document's own names may come from a
    # text another test made)
    static = [k for k, (f, p) in enumerate(pairs) if "Ambassador" in p.pattern or "AMB" in p.pattern
              or k < 2 * len(WORD_STARTS)]
    assert len(static) >= len(WORD_STARTS) * 2 + 2
    assert all(hits[k] for k in static), [pairs[k][1].pattern[:40] for k in static if not hits[k]]


def test_a_run_index_says_which_patterns_may_match_as_may_match_does_for_each():
    from kg.lexicon.alternation import RunIndex, may_match
    runs = [("warhead", "missile"), None, ("head",), ("propos",), ("proposal", "offer"), ("missiles",),
            ("1992", ":"), ("a b",), ("head", "heads")]
    index = RunIndex(runs)
    for text in ["warheads and proposals", "no", "missiles", "headquarters", "offer", "", "a b: 1992",
                 "ahead", "proposition", "A B", "heads or tails"]:
        assert index.which(text) == [i for i, r in enumerate(runs) if may_match(r, text)], text
    assert RunIndex([None, None]).which("x") == [0, 1]
    assert RunIndex([]).which("x") == []
