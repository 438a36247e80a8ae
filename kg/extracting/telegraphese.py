"""Persons in telegraphese: the all-capital text of cables, where no capital letter marks a name.

Not an extractor: the persons extractor asks `capital_mentions()` for the mentions of capital
text.  Conventions of the genre it reads:
- a title or office, often abbreviated, before a name in capitals: "SECRETARY VANCE SAID",
  "FOREIGN MINISTER VAJPAYEE", "FONMIN VAJPAYEE", "AMB SEBALD", "PRESIDENT CARTER", "GEN
  ZIA UL-HAQ", "MR. J. SMITH" (the printed forms are data: kg/data/telegraphese_titles.csv);
- the name runs over the capital words after the title while they are names, and stops at
  the first ordinary word ("SAID", "TOLD", "AND"): a word is told from a name by a lexicon
  (kg.lexicon.words), not by a list; a token the OCR garbled from a word ("EXBASSY") is none;
- a surname once named with a title in the cable is the same name when it stands alone later
  ("VAJPAYEE SAID" after "FOREIGN MINISTER VAJPAYEE");
- the signature: the surname typed alone under the text ("GOHEEN", read by the telegram
  extractor as the author) is a mention too.
Nothing here decides who the person is (kg/resolving does).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon.alternation import grouped
from kg.lexicon.data import table, words
from kg.lexicon.nations import SIDES
from kg.lexicon.words import is_common_word, is_ocr_debris, is_word

# a name word in capitals: letters, an apostrophe or a hyphen inside ("O'BRIEN", "UL-HAQ")
_CAP_WORD = r"[A-Z](?:[A-Z'’\-]*[A-Z])?"
_INITIAL = r"[A-Z]\.?"
_GAP = r"[ \t]*(?:\r\n?|\n)?[ \t]*(?<=[ \t\n\r])"   # a title may end a line, the name begin the next
_MONTHS = frozenset("JAN JANUARY FEB FEBRUARY MAR MARCH APR APRIL MAY JUN JUNE JUL JULY AUG AUGUST "
                    "SEP SEPT SEPTEMBER OCT OCTOBER NOV NOVEMBER DEC DECEMBER".split())


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    return {r["printed"]: r["title"] for r in table("telegraphese_titles.csv")}


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return words("given_names.txt")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w for printed in titles() for w in re.split(r"[ -]", printed))


@lru_cache(maxsize=1)
def _titled_re() -> re.Pattern:
    # the look-behind inside the titles' groups: the search skips to their first letters
    alt = grouped((re.escape(p).replace(r"\ ", r"[ \t]+") for p in sorted(titles(), key=len, reverse=True)),
                  not_after="[A-Za-z]")
    return re.compile(rf"(?P<title>{alt})\.?(?={_GAP}[A-Z])(?![a-z])")


_NATION_WORDS = frozenset(w.upper() for side in SIDES for w in side.replace(".", " ").split())


def name_word(token: str, known: set[str]) -> bool:
    """Could this capital word be (part of) a person's name?"""
    word = token.strip("'’-")
    if len(word) < 2 or word in _title_words() or word in _MONTHS or word in _NATION_WORDS:
        return False
    if word.title() in known or word in known:
        return True
    if not re.search(r"[AEIOUY]", word) or is_common_word(word) or is_ocr_debris(word):
        return False
    return True


# matched at a position of the view, not in a copy of its rest (a long OCR text has thousands
# of titles): nothing in them looks behind the position but the gap's own last character
_GAP_RE = re.compile(_GAP)
_INITIAL_RE = re.compile(rf"{_INITIAL}(?=[ \t.])")
_CAP_WORD_RE = re.compile(rf"{_CAP_WORD}(?![A-Za-z0-9])")


def _in_place(rx: re.Pattern, view: str, pos: int) -> re.Match | None:
    return rx.match(view, pos)


def _name_after(view: str, pos: int, known: set[str], match=_in_place) -> tuple[int, int] | None:
    """The name that starts at ``pos`` (initials, then capital words while they are names).
    ``match(rx, view, j)``: ``rx`` matched at ``j`` (tests match it in a copy of the rest)."""
    i = pos
    start = end = None
    words = 0
    for _ in range(4):
        m = match(_GAP_RE, view, i) if i > pos else None
        j = i + (len(m.group()) if m else 0)
        im = match(_INITIAL_RE, view, j)
        wm = match(_CAP_WORD_RE, view, j)
        if wm and len(wm.group()) >= 2:
            token = wm.group()
            if not name_word(re.sub(r"['’]S$", "", token), known):
                break
            start = j if start is None else start
            end = j + len(re.sub(r"['’]S$", "", token))
            words += 1
            i = j + len(token)
            if token.endswith(("'S", "’S")):
                break
        elif im and words <= 1:
            # initials before the surname, or between given name and surname ("JOHN F. KENNEDY")
            start = j if start is None else start
            i = j + len(im.group())
        else:
            break
    if start is None or end is None or end <= start:
        return None
    return start, end


def capital_mentions(view: str, known: set[str], signatures: list[tuple[int, int]],
                     stamps: list[tuple[int, int]] = ()) -> list[tuple]:
    """Candidates ``(priority, start, end, title, name, title_start, role, possessive)`` of the
    persons extractor, for the capital text of ``view``.  Text inside a release or review
    stamp (``stamps``: "...THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT") names no
    one the record speaks of."""
    out = []
    named: set[str] = set()
    for m in _titled_re().finditer(view):
        if any(a <= m.start() < b for a, b in stamps):
            continue
        rest = view[m.end():m.end() + 40]
        at = m.end() + (len(rest) - len(rest.lstrip(" \t\r\n")))
        span = _name_after(view, at, known)
        if span is None:
            continue
        if re.search(r"(?<![A-Z])THE[ \t\r\n]+$", view[max(0, m.start() - 5):m.start()]) and \
                any(is_word(w) for w in view[span[0]:span[1]].split()):
            continue              # "THE AMBASSADOR CONVEY ...": the office, not a title before a name
        s, e = span
        name = " ".join(view[s:e].split())
        if name.split()[-1].title() in _given_names() and name not in known:
            continue              # "MR WILLIAM": a given name alone names no one
        poss = view[e:e + 2] in ("'S", "’S")
        title = titles()[" ".join(m.group("title").split())]
        out.append((2, m.start("title"), e, title, name, m.start("title"), "mention", poss))
        named.add(name.split()[-1])
    for s, e in signatures:
        out.append((1, s, e, None, view[s:e], s, "drafter", False))
        named.add(view[s:e])
    if named:
        names = grouped(map(re.escape, sorted(named, key=len, reverse=True)), ignorecase=False,
                        not_after="[A-Za-z.]")
        bare = re.compile(rf"(?P<name>{names})"
                          r"(?![A-Za-z])(?P<poss>['’]S(?![A-Z]))?")
        for m in bare.finditer(view):
            out.append((4, m.start("name"), m.end("name"), None, m.group("name"), m.start("name"),
                        "mention", bool(m.group("poss"))))
    return [c for c in out if not any(a < c[2] and c[1] < b for a, b in stamps)]
