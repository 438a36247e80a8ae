"""Person mentions: every place the document names a person, struck-through text included.

What counts as a mention in the genre:

- a title or form of address and a name: "Ambassador Stevenson", "Amb.", "Am.", "Mr.",
  "Secretary Gilpatrick", "Defense Secretary McNamara" (possessives too: "Mr. Kuznetsov's");
- a by-line: "Drafted by A. Akalovsky", "Reviewed by: Elijah Kelly Jr.";
- a list after "Messrs.": "Messrs. Yost, Marozov, Mandelevisch, and Marasimhan" (one each);
- a bare office that names its holder: "the President", "President's", "the Secretary-General",
  "the Secretary General of the UN" (the printed forms are data: kg/data/offices.csv);
- a known person's bare name or surname: "U Thant", "(Zorin passed a note", and each half of
  "the Kennedy-Khrushchev agreement" (known = the document's participants and the authority
  file, exact spellings only: variants are recognised when they carry a title).

The text searched is the raw file with the markup *markers* blanked out (same offsets), so a
struck name ("Mr. ~~McGlo~~ Mr. McGloy") is still a mention, marked ``struck``, and every
mention's evidence is an exact raw slice.  The role is "speaker" when the name opens a sentence
and a verb of saying follows ("Mr. Gusev replied"), "participant" inside the participants
list, "drafter"/"reviewer" on a by-line, else "mention".

It does not decide who a name refers to (kg/resolving does) nor who holds the floor (turns).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from kg.extracting import extractor
from kg.extracting.telegraphese import capital_mentions
from kg.lexicon.alternation import grouped, word_start
from kg.lexicon.authority import authority, office_forms, post_forms
from kg.lexicon.data import words
from kg.lexicon.matching import surname
from kg.lexicon.names import NOT_A_NAME
from kg.lexicon.nations import NATION_ALT, NATIONS
from kg.lexicon.speech import SPEECH_HEADS
from kg.lexicon.titles import TITLES, normalise_title
from kg.lexicon.words import is_ocr_debris
from kg.reading.transcript import Transcript
from kg.records import DocumentHeader, Drafter, Participant, PersonMention, Record, ReviewEvent, Span

NAME = "persons"

# "\*\*?\*?", not "\*{1,3}": each alternative opens with its character, so that re skips to
# them (a repeat first leaves it to try every position of the text; the same matches)
_MARKER_RE = re.compile(r"~~|<\s*/?\s*sup\s*>|\*\*?\*?")
# a surname may open with a particle in lower case ("General de Gaulle", "von Brentano")
_NAME_WORD = r"(?:Mc|Mac|O['’]|De|Van[ \t]|Von[ \t]|(?:de|du|van|von)[ \t])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_INITIALS = r"(?:[A-Z]\.[ \t]?){1,3}"
_GAP = r"[ \t]*(?:(?:\r\n?|\n)[ \t]*){0,2}[ \t]*"   # a title may end a line, the name start the next
_POSS = r"(?P<poss>['’]s(?![a-z]))?"

_TITLE_FORMS = [re.escape(t).replace(r"\ ", r"\s+") for t in sorted(TITLES, key=len, reverse=True) if t != "Messrs."]
_TITLE_ALT = grouped(_TITLE_FORMS)
# A lower-case letter may stand right before a title: the OCR lost a word boundary there
# ("PA ExemptionsAmbassador Stevenson").  A title word is never the name ("~~Ambassador~~
# Ambassador Stevenson").
TITLED_RE = re.compile(
    rf"(?P<title>{grouped(_TITLE_FORMS, not_after='[A-Z.]')})(?![A-Za-z]){_GAP}"
    rf"(?!(?:{_TITLE_ALT})(?![A-Za-z]))"
    rf"(?P<name>(?:{_INITIALS}[ \t]*)?{_NAME_WORD}){_POSS}")
BYLINE_RE = re.compile(
    rf"(?P<label>{word_start('Drafted', 'Reviewed', 'Approved', 'Cleared', 'Prepared', 'Signed')})\s+by:?[ \t]+"
    rf"(?P<name>(?:{_INITIALS}[ \t]*)?(?:[A-Z][a-z]+[ \t]+)?(?:[A-Z]\.[ \t]?)?{_NAME_WORD}"
    rf"(?:,?[ \t]+(?:Jr|Sr)\.?)?)")
MESSRS_RE = re.compile(rf"(?:{word_start('Messrs')})\.?\s+(?P<list>[^.;:\n]*(?:\n[^.;:\n]*)?)")
_LIST_ITEM_RE = re.compile(rf"(?:(?:[A-Z]\.?[ \t]+)?)(?P<name>(?:{_INITIALS}[ \t]*)?{_NAME_WORD})")

# Capitalised words that follow a title but are not names ("General Assembly", "Mr. President").
NOT_NAMES = NOT_A_NAME | frozenset({
    "Assembly", "Staff", "Committee", "Command", "Charter", "Bloc", "Army", "Air", "Force",
    "Office", "Service", "Agency", "Affairs", "Embassy", "Delegation", "Chairman", "Premier",
    "Vice", "Under", "Assistant", "Deputy", "Acting", "Cuba", "Cuban", "Moscow", "Washington",
    "Havana", "Caribbean", "American", "Americans", "The", "This", "That", "If", "In", "As",
    "He", "It", "We", "They", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "General", "Council",
})

_ADVERBS = frozenset({"then", "also", "again", "further", "once", "finally", "now", "however",
                      "thereupon", "next"})


GIVEN_NAMES = words("given_names.txt")
NOT_NAMES = NOT_NAMES | words("not_names.txt")
_FOLLOWING_NAME_RE = re.compile(rf"[ \t]+(?P<initial>[A-Z]\.[ \t]?)?(?P<surname>{_NAME_WORD})")


_LOWER_WORD = re.compile(r"[a-z]{3,}")


class _LowerCaseWords:
    """The words of three letters or more the text prints in lower case (``\\b[a-z]{3,}\\b``),
    asked one at a time: a document asks about a few words after titles, and a look for each
    costs less than the set of every word (tests/extracting/test_persons.py compares them)."""

    def __init__(self, text: str):
        self.text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self._known.get(word)
        if found is None:
            found = self._known[word] = bool(_LOWER_WORD.fullmatch(word)) and self._printed(word)
        return found

    def _printed(self, word: str) -> bool:
        """``word`` stands in the text between characters that are no word characters."""
        text, n = self.text, len(word)
        at = text.find(word)
        while at >= 0:
            before = text[at - 1] if at else " "
            after = text[at + n] if at + n < len(text) else " "
            if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
                return True
            at = text.find(word, at + 1)
        return False


def _plausible_surname(word: str, known: set[str], lowercase_words) -> bool:
    """Could this capitalised word after a title be a surname?  Known names always are; an
    unknown one must look like a name: not a word the same document uses in lower case
    ("General Counsel" beside "counsel"), three letters or more, with a vowel."""
    if word in known:
        return True
    if word in NOT_NAMES or word.lower() in lowercase_words or is_ocr_debris(word):
        return False                    # "Exbassy": the OCR's misreading of a word, no name
    return len(word) >= 3 and bool(re.search(r"[aeiouyAEIOUY]", word))


# "Col." in a Spanish-language address is the Colonia (the neighbourhood), not a Colonel:
# "Calle Bermudas # 341.- Col. Cosmopolita", "Quemada # 346-10 / Col. Narvarte"
_HOUSE_NUMBER_RE = re.compile(r"(?:#|\bNo\.)\s*\d")
# a street and its number right before ("Wube 419, Col. Jardines"), never a date ("May 12, Col.")
_STREET_NUMBER_RE = re.compile(
    r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b)[A-Z][a-z]+\s+(?:[#@]\s*)?\d{2,5}\s*[,.;°-]*\s*$")


def _in_address(view: str, at: int, title: str) -> bool:
    if title != "Col.":
        return False
    line_start = view.rfind("\n", 0, at) + 1
    prev_start = view.rfind("\n", 0, max(line_start - 1, 0)) + 1
    return bool(_HOUSE_NUMBER_RE.search(view, line_start, at)
                or _STREET_NUMBER_RE.search(view[line_start:at])
                or line_start and _HOUSE_NUMBER_RE.search(view, prev_start, line_start))


# forms of address name no one by themselves ("the Mr." is no reference)
_ADDRESS_FORMS = frozenset({"mr.", "mrs.", "ms.", "miss", "dr.", "sir", "messrs.", "lord"})


# "the" where no letter stands before it, written so that a search skips to the T's (word_start)
_THE = word_start("The", "the", not_after="[A-Za-z]")


def _titles_of_participants(view: str, found: list[Record]) -> list[tuple]:
    """"The Ambassador", "the British Ambassador": a participant's own title with the article
    names him when no other participant (of that nation) holds it.  The candidate carries the
    participant's title as listed, for the resolver to find him by."""
    listed = [p for p in found if isinstance(p, Participant) and p.title and p.name]
    by_title: dict[str, list[Participant]] = {}
    for p in listed:
        key = (normalise_title(p.title) or "").casefold()
        if key and key not in _ADDRESS_FORMS:
            by_title.setdefault(key, []).append(p)
    if not by_title:
        return []
    alt = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(by_title, key=len, reverse=True))
    title_re = re.compile(
        rf"(?:{_THE})\s+(?:(?P<nation>{NATION_ALT})\s+)?(?P<t>(?i:{alt}))(?![A-Za-z-])"
        rf"{_POSS}(?!\s+(?:{_INITIALS})?(?:Mc)?[A-Z][a-z]|\s+of\s)")
    out = []
    for m in title_re.finditer(view):
        if not m.group("t")[0].isupper():
            continue                       # "the ambassador" in lower case is anyone's
        holders = by_title[" ".join(m.group("t").split()).casefold()]
        if m.group("nation"):
            side = NATIONS[m.group("nation")]
            holders = [p for p in holders if p.side in (None, side)]
        if len(holders) != 1:
            continue
        out.append((3, m.start(), m.end("t"), holders[0].title, None, m.start(), "mention",
                    bool(m.group("poss"))))
    return out


def blanked(raw: str) -> str:
    """The raw text with markup markers replaced by spaces (offsets unchanged)."""
    return _MARKER_RE.sub(lambda m: " " * len(m.group()), raw)


class _Layers:
    """Where the struck and inserted words of the raw file are."""

    def __init__(self, t: Transcript):
        self.dels = sorted((m.inner.start, m.inner.end) for m in t.markup if m.kind == "deletion")
        self.ins = sorted((m.inner.start, m.inner.end) for m in t.markup if m.kind == "insertion")
        self._ds = [a for a, _ in self.dels]
        self._is = [a for a, _ in self.ins]

    @staticmethod
    def _inside(starts, ranges, s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, s) - 1
        return i >= 0 and ranges[i][0] <= s and e <= ranges[i][1]

    def struck(self, s: int, e: int) -> bool:
        return self._inside(self._ds, self.dels, s, e)

    def inserted(self, s: int, e: int) -> bool:
        return self._inside(self._is, self.ins, s, e)


def _known_names(found: list[Record]) -> list[str]:
    names = {e.name for e in authority()} | {s for e in authority() for s in e.surnames}
    for p in found:
        if isinstance(p, Participant) and p.name:
            names.add(surname(p.name))
    return sorted((n for n in names if n and (n[0].isupper() or re.match(r"(?:de|du|van|von) [A-Z]", n))),
                  key=len, reverse=True)


def _sentence_start(view: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and view[i] in " \t":
        i -= 1
    return i < 0 or view[i] in ".;:!?\n"


def _speech_follows(view: str, end: int, layers: _Layers) -> bool:
    for m in re.finditer(r"[A-Za-z]+", view[end:end + 80]):
        s, e = end + m.start(), end + m.end()
        word = m.group().lower()
        if layers.inserted(s, e) or layers.struck(s, e) or word in _ADVERBS:
            continue
        return word in SPEECH_HEADS
    return False


class _Taken:
    """Disjoint stretches already given to a mention, kept sorted: an overlap test costs a
    bisection, not a pass over every earlier mention (a 2 MB OCR text has 100,000 candidates)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def claim(self, s: int, e: int) -> bool:
        """Take [s, e) if it overlaps nothing taken; say whether it was taken."""
        k = bisect.bisect_right(self.starts, s)
        if k and self.ends[k - 1] > s or k < len(self.starts) and self.starts[k] < e:
            return False
        self.starts.insert(k, s)
        self.ends.insert(k, e)
        return True


# The office patterns, compiled once for each list of offices (re's own cache is too small for
# the patterns of every extractor).
@lru_cache(maxsize=8)
def _office_re(plain: tuple[str, ...]) -> re.Pattern:
    alt = grouped(re.escape(f).replace(r"\ ", r"\s+") for f in plain)
    return re.compile(
        rf"(?<![A-Za-z])(?:(?P<det>[Tt]he)\s+)?(?P<form>{alt})(?![A-Za-z-])"
        rf"(?:{_POSS[:-1]}|(?!\s+(?:{_INITIALS})?(?:Mc)?[A-Z][a-z])(?!\s+of\s))")


@lru_cache(maxsize=8)
def _the_office_re(with_the: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?:{_THE})\s+(?P<form>{grouped(map(re.escape, with_the), ignorecase=False)})"
                      rf"(?![A-Za-z-]){_POSS}(?!\s+(?:[A-Z]|of\s|General))")


@lru_cache(maxsize=8)
def _bare_re(known: tuple[str, ...]) -> re.Pattern:
    """The known names alone (most documents know the same ones: the authority's)."""
    names = grouped(map(re.escape, known), ignorecase=False)
    return re.compile(rf"(?<![A-Za-z.])(?P<name>(?:{_INITIALS}[ \t]*)?(?:{names}))(?![a-z]){_POSS}")


@extractor(NAME, requires=(Participant, DocumentHeader, Drafter, ReviewEvent), produces=(PersonMention,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    raw = t.raw
    view = blanked(raw)
    layers = _Layers(t)
    listed = [(s.start, s.end) for p in found if isinstance(p, Participant) for s in p.evidence]
    # candidates: (priority, start, end, title, name, title_start, role, possessive)
    cands: list[tuple[int, int, int, str | None, str | None, int, str, bool]] = []
    # an entry of the participants list is one mention, with the whole name the list gives
    # ("Mr. Aleksey Nikolayevich Kosygin", not "Mr. Aleksey")
    for p in found:
        if isinstance(p, Participant) and p.name and p.extractor == "participants":
            s0 = p.evidence[0]
            cands.append((0, s0.start, s0.end, p.title, p.name, s0.start, "participant", False))

    for m in BYLINE_RE.finditer(view):
        role = "drafter" if m.group("label") == "Drafted" else (
            "reviewer" if m.group("label") == "Reviewed" else m.group("label").lower())
        cands.append((0, m.start("name"), m.end("name"), None, m.group("name"),
                      m.start("name"), role, False))
    for m in MESSRS_RE.finditer(view):
        base = m.start("list")
        for word in re.finditer(r"[^\s,]+", m.group("list")):
            if word.group() == "and":
                continue
            if word.group()[0].islower():
                break                                     # the list is over
            im = _LIST_ITEM_RE.match(m.group("list"), word.start())
            if not im or im.group("name") in NOT_NAMES or im.start("name") >= word.end() + 2:
                continue
            cands.append((1, base + im.start("name"), base + im.end("name"), "Messrs.",
                          im.group("name"), m.start(), "mention", False))
    known = _known_names(found)
    known_set = set(known)
    lowercase_words = _LowerCaseWords(view)
    for m in TITLED_RE.finditer(view):
        if _in_address(view, m.start("title"), m.group("title")):
            continue
        name, end, poss = m.group("name"), m.end("name"), bool(m.group("poss"))
        last = surname(name)
        nxt = None if poss else _FOLLOWING_NAME_RE.match(view, end)
        if nxt and (nxt.group("initial") or nxt.group("surname") in known_set) \
                and last not in known_set and _plausible_surname(nxt.group("surname"), known_set,
                                                                 lowercase_words):
            # "Mr. Foy D. Kohler", "Mr. Oleg Sokolov" (a listed surname): given name, initial
            # and surname are one name, whether or not the given name is in the word list
            name, end = view[m.start("name"):nxt.end()], nxt.end()
            last = nxt.group("surname")
            pm = re.match(r"['’]s(?![a-z])", view[end:end + 2])
            if pm:
                poss = True
        elif last in GIVEN_NAMES and last not in known_set:
            # "General Robert Cushman": the given name's surname follows; alone it names no one
            nxt = None if poss else _FOLLOWING_NAME_RE.match(view, end)
            if nxt is None or not _plausible_surname(nxt.group("surname"), known_set, lowercase_words):
                continue
            name, end = view[m.start("name"):nxt.end()], nxt.end()
            last = nxt.group("surname")
            pm = re.match(r"['’]s(?![a-z])", view[end:end + 2])
            if pm:
                poss = True
        if not _plausible_surname(last, known_set, lowercase_words):
            continue
        cands.append((2, m.start("title"), end, " ".join(m.group("title").split()),
                      name, m.start("title"), "mention", poss))
    forms = office_forms()
    plain = [f for f in forms if not f.startswith("the ")]
    with_the = [f[4:] for f in forms if f.startswith("the ")]
    office_re = _office_re(tuple(plain))
    for m in office_re.finditer(view):
        start = m.start("det") if m.group("det") else m.start("form")
        cands.append((3, start, m.end("form"), " ".join(m.group("form").split()), None,
                      start, "mention", bool(m.group("poss"))))
    if with_the:
        the_re = _the_office_re(tuple(with_the))
        for m in the_re.finditer(view):
            cands.append((3, m.start(), m.end("form"), "the " + m.group("form"), None,
                          m.start(), "mention", bool(m.group("poss"))))
    cands.extend(_titles_of_participants(view, found))
    place = next((r.place for r in found if isinstance(r, DocumentHeader)), None)
    if post_forms(place):
        # "The Ambassador" in a document written at his post is the chief of mission there
        post_re = re.compile(rf"(?:{_THE})\s+(?P<form>{'|'.join(map(re.escape, post_forms(place)))})"
                             rf"(?![A-Za-z-]){_POSS}(?!\s+(?:[A-Z]|of\s))")
        for m in post_re.finditer(view):
            cands.append((3, m.start(), m.end("form"), "the " + m.group("form"), None,
                          m.start(), "mention", bool(m.group("poss"))))
    if known:
        for m in _bare_re(tuple(known)).finditer(view):
            cands.append((4, m.start("name"), m.end("name"), None, m.group("name"),
                          m.start("name"), "mention", bool(m.group("poss"))))

    # telegraphese: titles and names in capitals, and the cable's signature
    signatures = [(s.start, s.end) for r in found if isinstance(r, Drafter) and r.extractor == "telegram"
                  for s in r.evidence]
    stamps = [(s.start, s.end) for r in found if isinstance(r, ReviewEvent) for s in r.evidence]
    cands.extend(capital_mentions(view, known_set, signatures, stamps))

    taken = _Taken()
    out: list[tuple[int, PersonMention]] = []
    for prio, s, e, title, name, ts, role, poss in sorted(cands, key=lambda c: (c[0], c[1])):
        if not taken.claim(s, e):
            continue
        surface = " ".join(view[s:e].split())
        name_s = e - len(name) if name else s
        struck = layers.struck(name_s, e) if name else layers.struck(s, e)
        if role == "mention":
            if any(a <= s and e <= b for a, b in listed):
                role = "participant"
            elif name and not poss and _sentence_start(view, s) and _speech_follows(view, e, layers):
                role = "speaker"
        clean_name = " ".join(name.split()) if name else None
        out.append((s, PersonMention(
            evidence=(Span(s, e, raw[s:e]),), extractor=NAME, surface=surface,
            title=title if title else None, name=clean_name, struck=struck, role=role,
            possessive=poss)))
    return [pm for _, pm in sorted(out, key=lambda x: x[0])]
