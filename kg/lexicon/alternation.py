r"""Word lists as regular-expression alternations that the engine tries quickly.

Python's engine tries the forms of an alternation one after another at every position it
scans; with IGNORECASE it cannot even skip a form by its first character.  Grouped by their
first letter ("e(?:xchange\s+of\s+letters|xchange)|p(?:ress\s+conference|roposal)"), it tries
a letter for each group instead of each form.

The grouped alternation matches exactly what the plain one matches, in any pattern and with or
without IGNORECASE: no two groups' letters match the same character, so where the plain
alternation's first successful form is in one group, every earlier form that could succeed is
in that group too, in the same order.  A list whose first characters are not all ASCII letters
of distinct case-folds stays plain.

`required_runs` reads from a pattern the runs of letters any match of it prints, so that a text
printing none of them need not be searched (`may_match`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
import re._constants as _sre_constants
import re._parser as _sre_parse
from typing import Iterable


def grouped(alternatives: Iterable[str], ignorecase: bool = True, not_after: str | None = None) -> str:
    """The alternation of ``alternatives`` (regex source, in the order they are to be tried)
    grouped by first letter.  ``ignorecase=False`` promises a pattern compiled without
    IGNORECASE, where any two distinct letters differ ("de Gaulle" and "Dean" in two groups).

    ``not_after`` (a one-character class, "[A-Z.]") is the look-behind ``(?<!not_after)``
    before the alternation, written after each group's first letter instead, where it tests
    the same character: a pattern that opens with the look-behind is tried at every position
    of the text, one that opens with a letter only where the letters of the groups stand
    (persons' titles: three times faster; the document nouns, whose first letters are most
    lower-case letters, slower)."""
    alternatives = list(alternatives)
    if not_after and len(NOT_AFTER) < 100:      # a few documents' worth is enough for the test
        NOT_AFTER.add((tuple(alternatives), ignorecase, not_after))
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        groups.setdefault(a[:1], []).append(a[1:])
    if not all(k.isalpha() and (k.isascii() or not ignorecase) for k in groups) \
            or (ignorecase and len({k.casefold() for k in groups}) < len(groups)):
        plain = "|".join(alternatives)
        return f"(?<!{not_after})(?:{plain})" if not_after else plain
    if not_after:
        return "|".join(f"{k}(?<!{not_after}{k})(?:" + "|".join(g) + ")" for k, g in groups.items())
    return "|".join(k + "(?:" + "|".join(g) + ")" for k, g in groups.items())


# the look-behinds written inside an alternation, and the words a pattern opens with where a
# word begins: kept for the contract test (tests/lexicon/test_alternation.py)
NOT_AFTER: set[tuple[tuple[str, ...], bool, str]] = set()
WORD_STARTS: set[tuple[tuple[str, ...], bool, str]] = set()


def word_start(*words: str, ignorecase: bool = False, not_after: str = r"\w") -> str:
    r"""``\b(?:w1|w2|...)`` for ``words`` of letters and digits, written as each word followed
    by the look-behind that no word character stands before it (``Messrs(?<!\wMessrs)``):
    the same test of the same character, but a pattern that opens with ``\b`` is tried at
    every position of the text, one that opens with a word only where its first letters
    stand: a whole text's scan for "Messrs" twenty times faster.  Slower for words whose
    first letters stand everywhere (lower-case "t", "a", "s"): measure before using it.

    ``ignorecase``: ``(?i:\b(?:w1|w2|...))`` for a pattern compiled without IGNORECASE, which
    then opens with the first letter in either case (``[Dd](?<!\w[Dd])(?i:oc)``): under
    IGNORECASE re cannot skip to a letter either.  The rest of such a pattern is to be
    written in ``(?i:...)`` as well.

    ``not_after``: another one-character class that may not stand before the word, for
    ``(?<![A-Za-z])(?:The|the)``."""
    if not words or not all(w.isascii() and w.isalnum() for w in words):
        raise ValueError(f"word_start takes words of ASCII letters and digits, not {words!r}")
    WORD_STARTS.add((words, ignorecase, not_after))
    if not ignorecase:
        return "|".join(rf"{w}(?<!{not_after}{w})" for w in words)
    out = []
    for w in words:
        first = f"[{w[0].upper()}{w[0].lower()}]" if w[0].isalpha() else w[0]
        out.append(rf"{first}(?<!{not_after}{first})" + (f"(?i:{w[1:]})" if w[1:] else ""))
    return "|".join(out)


# --- a cheap test before a pattern ----------------------------------------------------------
# A pattern tried at every position of a text costs far more than a look for a word in it.
# Most patterns print a run of plain letters that any match must contain ("warhead" in
# "warheads?", "flight" in "over-?\s*flights?"): a text (lower-cased, for a case-insensitive
# pattern) in which none of its runs occurs cannot match it, and the pattern need not be tried.

# characters re's case-insensitive matching equates with an ASCII letter though lower() does not
# give that letter: a text holding one must be tried with every case-insensitive pattern
CASE_ODD = re.compile("[\u017f\u0130\u0131]")


def case_odd(text: str) -> bool:
    """Whether ``text`` holds a `CASE_ODD` character (three looks for one character each, in C:
    faster than the pattern on a long text)."""
    return "\u017f" in text or "\u0130" in text or "\u0131" in text


def required_runs(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Runs of ASCII characters one of which every match of ``pattern`` contains (lower-cased
    under re.IGNORECASE); None when the pattern gives no such run.  Read from the parse tree: a
    sequence needs its most telling part, an alternation one run of each branch, a repeat
    what its body needs if it must occur."""
    parsed = _sre_parse.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE != flags & re.IGNORECASE:
        return None                          # an inline (?i) changes what the letters mean
    return _needs(list(parsed), bool(flags & re.IGNORECASE))


def may_match(runs: tuple[str, ...] | None, text: str) -> bool:
    """Whether ``text`` prints one of the ``runs`` of `required_runs` (None: any text may
    match).  A plain loop, not any() over a generator: it runs millions of times a corpus."""
    if runs is None:
        return True
    for r in runs:
        if r in text:
            return True
    return False


def _needs(items: list, fold: bool) -> tuple[str, ...] | None:
    options: list[tuple[str, ...]] = []
    run = ""
    for op, arg in items + [(None, None)]:
        if op is _sre_constants.LITERAL and arg < 128:
            run += chr(arg).lower() if fold else chr(arg)
            continue
        if run:
            options.append((run,))
            run = ""
        need = None
        if op is _sre_constants.SUBPATTERN and not arg[1] and not arg[2]:
            need = _needs(list(arg[3]), fold)
        elif op is _sre_constants.BRANCH:
            branches = [_needs(list(b), fold) for b in arg[1]]
            if all(branches):
                need = tuple(dict.fromkeys(r for b in branches for r in b))
        elif op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT) and arg[0] >= 1:
            need = _needs(list(arg[2]), fold)
        if need:
            options.append(need)
    # the most telling: the alternatives whose shortest run is longest
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


class RunIndex:
    """Which of many patterns' `required_runs` a text prints, in one search instead of a loop
    of `may_match` for each pattern (a sentence is asked about forty act patterns or thirty
    topics, and prints the runs of none or one or two).

    ``which(text)`` gives, ascending, the indexes ``i`` for which
    ``may_match(runs_list[i], text)`` holds (tests/lexicon/test_alternation.py and a test
    beside each use compare them on every sentence of the real documents).  One search finds
    every position at which a run begins, the longest run there first (the alternation
    lists them longest first); the shorter runs that begin there are its prefixes."""

    def __init__(self, runs_list):
        self.runs_list = runs_list = tuple(runs_list)
        self.always = frozenset(i for i, runs in enumerate(runs_list) if runs is None)
        owners: dict[str, set[int]] = {}
        for i, runs in enumerate(runs_list):
            for r in runs or ():
                owners.setdefault(r, set()).add(i)
        distinct = sorted(owners, key=lambda r: (-len(r), r))
        # a run found stands for itself and for every run it begins with
        self.implied = {r: frozenset().union(*(owners[q] for q in distinct if r.startswith(q)))
                        for r in distinct}
        self.rx = re.compile(grouped(map(re.escape, distinct), ignorecase=False)) if distinct else None

    def which(self, text: str) -> list[int]:
        found = set(self.always)
        rx = self.rx
        m = rx.search(text) if rx is not None else None
        while m is not None:
            found |= self.implied[m.group()]
            m = rx.search(text, m.start() + 1)
        return sorted(found)


def lines_printing(text: str, runs: Iterable[str], starts: list[int]) -> set[int]:
    """The indexes of the lines of ``text`` (``starts``: their start offsets, ascending) in
    which one of ``runs`` begins: a look along the text for each run (``str.find``, which skips
    ahead in C) instead of a search of each line, or one search for all the runs, which re
    tries at every letter they begin with."""
    out: set[int] = set()
    for r in runs:
        at = text.find(r)
        while at >= 0:
            line = bisect_right(starts, at) - 1
            out.add(line)
            # the rest of this line need not be looked at for this run
            at = text.find(r, starts[line + 1]) if line + 1 < len(starts) else -1
    return out


def line_starts_printing(text: str, runs: Iterable[str]) -> set[int]:
    """Where the lines of ``text`` (split at "\\n") in which one of ``runs`` begins start: a
    look along the text for each run (``str.find``), the rest of a line skipped once it has
    one, without the offsets of every line (`lines_printing` for a text whose lines are known)."""
    out: set[int] = set()
    for r in runs:
        at = text.find(r)
        while at >= 0:
            out.add(text.rfind("\n", 0, at) + 1)
            end = text.find("\n", at)
            at = text.find(r, end + 1) if end >= 0 else -1      # the next line on
    return out


def first_in_lines(rx: re.Pattern, text: str, probe: str, runs: Iterable[str]) -> re.Match | None:
    """``rx.search(text)`` for a pattern no match of which holds a "\\n" (``^`` and ``$`` read
    line by line, as under re.MULTILINE), searched only in the lines of ``text`` in which one
    of the ``runs`` every match prints begins (found in ``probe``: the text, or its lower-cased
    copy for a case-insensitive pattern, with the same offsets), in order.  A pattern tried
    at every position of a long text (a ``^`` first, or re.IGNORECASE) costs more than
    ``str.find`` of its words; each line is searched as its stretch of the whole text, so
    ``^``, ``\\b`` and look-behinds at its start see what they see in the whole text."""
    for start in sorted(line_starts_printing(probe, runs)):
        end = probe.find("\n", start)
        m = rx.search(text, start, end if end >= 0 else len(probe))
        if m is not None:
            return m
    return None


class Prefiltered:
    """A compiled pattern searched only in a text that prints one of its `required_runs` (in
    lower case for a case-insensitive pattern): for the patterns tried on every sentence of a
    document, most sentences print none of their words.  ``search`` answers what the pattern's
    own ``search`` answers (tests/lexicon/test_alternation.py, and a test beside each use on
    every sentence of the real documents)."""

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self.fold = bool(rx.flags & re.IGNORECASE)
        self.runs = required_runs(rx.pattern, rx.flags & re.IGNORECASE)

    def may_occur(self, text: str) -> bool:
        """The cheap test alone: False when no match of the pattern can lie in ``text`` (nor
        in any stretch of it: a document's lines are searched only if the document passes)."""
        runs = self.runs
        if runs is None:
            return True
        probe = lowered(text) if self.fold else text
        if probe is None:                     # an odd letter: the pattern itself must say
            return True
        for r in runs:
            if r in probe:
                return True
        return False

    def search(self, text: str) -> re.Match | None:
        return self.rx.search(text) if self.may_occur(text) else None

    def lines(self, text: str, starts: list[int]) -> set[int] | None:
        """The lines of ``text`` (``starts``: their start offsets, ascending) in which a match
        of the pattern may lie: those in which one of its runs begins.  None: any line may (no
        runs, or an odd letter).  One look along the whole text for each run instead of a
        search of each line: a line's match prints a run, which begins inside the line."""
        if self.runs is None:
            return None
        probe = lowered(text) if self.fold else text
        return None if probe is None else lines_printing(probe, self.runs, starts)

    def finditer(self, text: str):
        return self.rx.finditer(text) if self.may_occur(text) else iter(())


# --- a case-insensitive search as a plain one ------------------------------------------------
# re tries a case-insensitive pattern at every position, four times slower than a plain one.
# The lower-cased text gives each character the letter the case-insensitive search equates it
# with, in the same place (but for the odd few, CASE_ODD: U+0130 is even two characters in
# lower case), so a pattern written in lower case finds in it, plainly, what it finds in the
# text case-insensitively.

_LAST: list = [None, None]         # the last text lowered, and its lower-cased copy


def lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset and holds no odd letter, else None.  The
    last text's is kept: several patterns search the same document one after another."""
    if text is _LAST[0]:
        return _LAST[1]
    low = None if case_odd(text) else text.lower()
    if low is not None and len(low) != len(text):
        low = None
    _LAST[0], _LAST[1] = text, low
    return low


_GROUP_NAMES = re.compile(r"\(\?P(?:<\w+>|=\w+\))")
_INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z-]")
# escapes that name a class or a place, not a letter: lower() keeps a character in \s, \d, \w
# or out of them (tests/lexicon/test_alternation.py), so they mean the same in lower case
_CASELESS_ESCAPES = re.compile(r"\\[\\SWDBAZswdbz]")


def _foldable(pattern: str) -> bool:
    """No capital letter (a literal, a class range, \\N{...}) but in the escapes of classes
    (\\S, \\W ...), and no inline flags: the pattern means the same case-sensitively in the
    lower-cased text as case-insensitively in the text."""
    bare = _CASELESS_ESCAPES.sub("", _GROUP_NAMES.sub("", pattern))
    return not any(c.isupper() for c in bare) and not _INLINE_FLAGS.search(bare)


class CaseFolded:
    """A case-insensitive pattern whose ``finditer`` searches the lower-cased text plainly when
    it can.  The matches' offsets (and groups' offsets) are the text's; their strings are the
    lower-cased text's: read what was printed from the text by offset."""

    def __init__(self, pattern: str, flags: int = 0):
        self.rx = re.compile(pattern, flags | re.IGNORECASE)
        self.twin = re.compile(pattern, flags & ~re.IGNORECASE) if _foldable(pattern) else None
        self.runs = required_runs(pattern, re.IGNORECASE) if self.twin is not None else None

    def finditer(self, text: str, pos: int = 0):
        low = lowered(text) if self.twin is not None else None
        if low is None:
            return self.rx.finditer(text, pos)
        if not may_match(self.runs, low):
            return iter(())                   # prints none of the words every match prints
        return self.twin.finditer(low, pos)
