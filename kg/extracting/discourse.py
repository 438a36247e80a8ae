"""Shared helpers for the discourse extractors (turns, claims, proposals).

Not an extractor.  What is here is *genre knowledge as data* plus small text utilities:

- `sentences()` splits a stretch of the reading text into sentences without breaking after
  titles ("Mr.", "Amb."), initials, "i.e.", "e.g." or inside an ellipsis, and keeps a
  drafter's parenthetical "(... .)" as a sentence of its own;
- `turn_spans()` maps the `SpeakerTurn` records back to reading-text stretches, so claims and
  proposals know who holds the floor at any offset;
- `stems()` and `topics_of()` say what a sentence speaks of, so that a restatement or an
  answer can be told to be about the same thing as a proposal.

The patterns of reported speech are built from the vocabulary of memoranda of conversation
and telegrams, which is data (kg.lexicon.speech): the drafter writes "Mr. X said that ...",
"He went on to say ...", "The Secretary replied ...".  No person, document or line is named
here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lexicon.alternation import RunIndex, lowered, required_runs
from kg.lexicon.data import table
from kg.lexicon.names import SURNAME
from kg.lexicon.speech import NEGATED_SPEECH, SPEECH_ADVERBS, SPEECH_VERBS
from kg.lexicon.titles import TITLE_RE
from kg.reading.transcript import Transcript
from kg.records import Participant, Record, SpeakerTurn

# --- reported speech ----------------------------------------------------------------------
# The verbs, adverbs, lead phrases and narration cues are data (kg.lexicon.speech,
# kg/data/speech.csv, kg/data/narration.csv).

# Offices by which memoranda name a participant without his name ("The Secretary said").
OFFICES: tuple[str, ...] = (
    "Secretary of State", "Secretary of Defense", "Secretary-General", "Secretary General",
    "Under Secretary", "Deputy Secretary", "Assistant Secretary", "Foreign Minister",
    "Deputy Foreign Minister", "Prime Minister", "Vice President", "Attorney General",
    "Secretary", "President", "Chairman", "Premier", "Ambassador", "Minister", "Chancellor",
)


def _alt(words) -> str:
    """The words (plain text, longest first) as a regex alternation, a space any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


VERB_ALT = _alt(SPEECH_VERBS)
ADVERB_ALT = _alt(SPEECH_ADVERBS)
OFFICE_ALT = _alt(OFFICES)
# verb group after a speaker: optional adverbs, a simple-past speech verb or "did not <verb>"
# "Khrushchev listened carefully and then said": a short act of the speaker's may come first
SPEECH_TAIL = (rf"(?:\s+(?!and\b)[a-z]+(?:\s+(?!and\b)[a-z]+){{0,2}}\s+and(?:\s+then)?(?=\s+(?:{VERB_ALT})\b))?"
               rf"(?:\s*,?\s*(?:{ADVERB_ALT}|(?P<manner>(?!only\b)[a-z]{{3,}}ly))\s*,?)?\s+"
               rf"(?P<verb>(?:{VERB_ALT})|did\s+not\s+(?:{_alt(NEGATED_SPEECH)}))(?![A-Za-z])")

# --- sentences ----------------------------------------------------------------------------

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Messrs|Ms|Dr|Amb|Am|Gen|Sec|Adm|Col|Capt|Lt|Sen|Gov|Rep|St|No|Nos|Vol|"
    r"pp|p|cf|vs|viz|etc|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Jr|Sr|Inc|Co|Corp)"
    r"|\b(?:i\.e|e\.g|U\.S|U\.N|U\.S\.S\.R|U\.K)|(?<![A-Za-z])[A-Z])\.$")
_BOUNDARY = re.compile(r"""[.!?]+["”'’)\]]*(?=\s+["“(\[]?[A-Z0-9(])""")
# the typist struck the first word of a sentence ("~~However~~, if ...") or wrote it in lower
# case between the lines: a full stop after a lower-case word still ends the sentence there
# (the look-behinds stand after the first character each pattern consumes, where they test
# the same characters: a pattern that opens with a look-behind is tried at every position,
# one that opens with a character only where it stands; tests/extracting/test_shared_readings.py)
_WEAK_BOUNDARY = re.compile(r"""\.(?<=[a-z]{3}\.)(?=\s+(?:,\s*)?[a-z])""")
_LOWER_ABBREV = re.compile(r"\b(?:etc|viz|cf|approx|incl)\.$")
_ASIDE = re.compile(r"\s(?<=[.!?\"”]\s)\s*\((?=[A-Z])")
_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Sentence:
    start: int                # reading-text offsets
    end: int
    parenthetical: bool = False   # the whole sentence stands in parentheses

    def text(self, t: Transcript) -> str:
        return t.text[self.start:self.end]


# The turns, claims, proposals, answers and citing read the same stretches of one document
# again and again (an answer is read once per proposal it may answer): the split of each
# stretch is kept for the document being read, and dropped when another document comes.
_SPLIT: dict = {"text": None, "stretches": {}}


def sentences(t: Transcript, start: int, end: int) -> list[Sentence]:
    """Sentences of the reading-text stretch [start, end), trimmed of outer whitespace."""
    if _SPLIT["text"] is not t.text:
        _SPLIT["text"], _SPLIT["stretches"] = t.text, {}
    done = _SPLIT["stretches"].get((start, end))
    if done is None:
        done = _SPLIT["stretches"][(start, end)] = tuple(_split(t.text, start, end))
    return list(done)


def _split(text: str, start: int, end: int) -> list[Sentence]:
    cuts: list[int] = []
    for m in _BOUNDARY.finditer(text, start, end):
        head = text[max(start, m.start() - 12):m.start() + 1]
        if _ABBREV.search(head):
            continue
        if text[m.start() - 2:m.start() + 1] in (". .", "..."):   # inside an ellipsis
            continue
        cuts.append(m.end())
    for m in _WEAK_BOUNDARY.finditer(text, start, end):
        head = text[max(start, m.start() - 12):m.start() + 1]
        if not _ABBREV.search(head) and not _LOWER_ABBREV.search(head):
            cuts.append(m.end())
    # a parenthetical aside opened after a sentence end is a sentence of its own
    for m in _ASIDE.finditer(text[start:end]):      # its look-behind sees only the stretch
        cuts.append(start + m.start() + 1)
    out: list[Sentence] = []
    pos = start
    for c in sorted(set(cuts)) + [end]:
        if c <= pos:
            continue
        a, b = pos, c
        while a < b and (text[a].isspace() or text[a] in ",;"):
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and _LETTER.search(text, a, b):
            seg = text[a:b]
            out.append(Sentence(a, b, seg.startswith("(") and seg.rstrip().endswith(")")))
        pos = c
    return out


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'\-]*", text)


# --- turns as reading-text stretches -------------------------------------------------------


@dataclass(frozen=True)
class TurnStretch:
    turn: SpeakerTurn
    pieces: tuple[tuple[int, int], ...]     # reading-text stretches (one per paragraph part)


def reading_range(t: Transcript, raw_start: int, raw_end: int) -> tuple[int, int]:
    """Reading-text stretch covering a raw span."""
    a = t.reading_offset(raw_start)
    b = t.reading_offset(raw_end - 1) + 1 if raw_end > raw_start else a
    return a, min(b, len(t.text))


def turn_spans(t: Transcript, found: list[Record]) -> list[TurnStretch]:
    """The speaker turns found so far, with their reading-text stretches, in text order."""
    out = []
    for r in found:
        if isinstance(r, SpeakerTurn):
            out.append(TurnStretch(r, tuple(reading_range(t, s.start, s.end) for s in r.evidence)))
    return sorted(out, key=lambda ts: ts.pieces[0][0] if ts.pieces else 0)


def participants(found: list[Record]) -> list[Participant]:
    return [r for r in found if isinstance(r, Participant)]


# --- what a sentence speaks of -------------------------------------------------------------

_STOP = frozenset("""a an the of to in on at by for with from and or but if that this these those
was were is are be been being had has have would could should must might may will can not no
he she it they we us our his her its their him them there here as so than then also only any
all some such one other which what who whom whose when where while since because about into
said did do does very more most much many upon mr amb ambassador secretary question matter
point view side government delegation us usa ussr soviet union united states american
russian part country countries both two however although far now time present certain fact
way thing things sides once again further still even just really indeed already well whether
president chairman minister premier""".split())

_SPEECH = frozenset(w for v in SPEECH_VERBS for w in v.split()) | {"wished", "wish"}
_TITLED = re.compile(rf"(?:{TITLE_RE.pattern})\s+{SURNAME}(?:'s)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]+")


@lru_cache(maxsize=8192)       # a sentence is compared with many proposals and answers
def stems(text: str) -> frozenset[str]:
    """Content-word stems, crude but stable ('removed', 'removing' -> 'remov').

    Persons named with a title and the reported-speech verbs say nothing of the matter.
    """
    out = set()
    text = _TITLED.sub(" ", text)
    for w in _WORD.findall(text):
        w = w.casefold()
        if w in _STOP or w in _SPEECH or len(w) < 3:
            continue
        for suf in ("ations", "ation", "ings", "ing", "ed", "es", "s"):
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                w = w[: -len(suf)]
                break
        out.add(w.rstrip("e"))
    return frozenset(out)


# --- topics ---------------------------------------------------------------------------------

def _load_topics() -> tuple[tuple[str, re.Pattern], ...]:
    """The topic lexicon (kg/data/topics.tsv), in its order: label -> one pattern."""
    grouped: dict[str, list[str]] = {}
    for row in table("topics.tsv"):
        grouped.setdefault(row["topic"], []).append(row["pattern"])
    return tuple((label, re.compile("|".join(pats), re.IGNORECASE)) for label, pats in grouped.items())


_TOPIC_RES = _load_topics()


# --- a cheap test before the topic patterns -------------------------------------------------
# A hundred case-insensitive patterns tried at every position of every sentence cost more than
# the rest of the claims extractor: a topic none of whose runs of letters (`required_runs`)
# occurs in the lower-cased sentence cannot match it, and its pattern is not tried.

def _runs(label_patterns: list[str]) -> tuple[str, ...] | None:
    runs = [required_runs(p, re.IGNORECASE) for p in label_patterns]
    return None if any(r is None for r in runs) else tuple(r for rs in runs for r in rs)


def _load_runs() -> tuple[tuple[str, ...] | None, ...]:
    grouped: dict[str, list[str]] = {}
    for row in table("topics.tsv"):
        grouped.setdefault(row["topic"], []).append(row["pattern"])
    return tuple(_runs(pats) for pats in grouped.values())


_TOPIC_RUNS = _load_runs()
_TOPIC_INDEX = RunIndex(_TOPIC_RUNS)


def _candidates(text: str):
    """The topics, in lexicon order, whose pattern may match ``text``."""
    low = lowered(text)                  # None: an odd letter, every pattern is tried
    for i in range(len(_TOPIC_RES)) if low is None else _TOPIC_INDEX.which(low):
        yield _TOPIC_RES[i]


@lru_cache(maxsize=8192)
def topics_of(text: str) -> frozenset[str]:
    """Every topic of the lexicon the text speaks of."""
    return frozenset(label for label, rx in _candidates(text) if rx.search(text))


@lru_cache(maxsize=8192)
def topic_of(text: str) -> str | None:
    """The salient topic of a sentence: the first lexicon entry it speaks of (the lexicon
    runs from the specific matters to the general ones)."""
    for label, rx in _candidates(text):
        if rx.search(text):
            return label
    return None
