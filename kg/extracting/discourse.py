"""Shared helpers for the discourse extractors (turns, claims, proposals).

Not an extractor.  What is here is *genre knowledge as data* plus two small text utilities:

- `sentences()` splits a stretch of the reading text into sentences without breaking after
  titles ("Mr.", "Amb."), initials, "i.e.", "e.g." or inside an ellipsis, and keeps a
  drafter's parenthetical "(... .)" as a sentence of its own;
- `turn_spans()` maps the `SpeakerTurn` records back to reading-text stretches, so claims and
  proposals know who holds the floor at any offset.

The verb lists are the reported-speech vocabulary of memoranda of conversation and telegrams:
the drafter writes "Mr. X said that ...", "He went on to say ...", "The Secretary replied ...".
No person, document or line is named here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.reading.transcript import Transcript
from kg.records import Participant, Record, SpeakerTurn

# --- reported speech ----------------------------------------------------------------------

# Simple-past verbs with which the drafter hands the floor to someone ("Mr. X said").
SPEECH_VERBS: tuple[str, ...] = (
    "said", "stated", "replied", "responded", "answered", "rejoined", "retorted",
    "observed", "noted", "remarked", "commented", "added", "continued", "resumed",
    "stressed", "emphasized", "emphasised", "underlined", "pointed out", "explained",
    "clarified", "reiterated", "repeated", "recalled", "reminded", "reverted", "returned",
    "turned", "opened", "began", "concluded", "closed", "interjected", "interrupted",
    "inquired", "enquired", "asked", "wondered", "queried", "agreed", "acknowledged",
    "conceded", "admitted", "objected", "protested", "insisted", "argued", "maintained",
    "contended", "asserted", "declared", "affirmed", "assured", "suggested", "proposed",
    "urged", "appealed", "requested", "demanded", "warned", "expressed", "hoped",
    "regretted", "thanked", "congratulated", "welcomed", "believed", "thought", "felt",
    "considered", "doubted", "told", "informed", "described", "indicated", "mentioned",
    "referred", "quoted", "cited", "read", "summarized", "summed up", "countered",
    "disagreed", "rejected", "accepted", "went on", "came back", "spoke", "raised",
    "returned", "emphasized", "explained", "promised", "confirmed", "denied", "intervened",
    "volunteered", "estimated", "predicted", "announced", "specified", "concurred",
)
# "did not believe", "did not think": the negated forms open a turn as well.
NEGATED_SPEECH: tuple[str, ...] = (
    "believe", "think", "feel", "agree", "accept", "see", "know", "wish", "want", "consider",
    "understand", "object", "deny", "exclude", "rule out", "share", "expect", "intend", "oppose",
    "mind", "insist", "question", "dispute",
)
# The floor does not change hands: the same speaker goes on.
CONTINUATION_VERBS: tuple[str, ...] = ("continued", "went on", "resumed", "concluded")
# The speaker answers the one who had the floor before.
REPLY_VERBS: tuple[str, ...] = ("replied", "responded", "answered", "rejoined", "retorted",
                                "countered", "objected", "interjected")
# Adverbs that may stand between the name and the verb ("Mr. X then said").
SPEECH_ADVERBS: tuple[str, ...] = ("then", "also", "again", "further", "finally", "once again",
                                   "nevertheless", "however", "thereupon", "next", "first",
                                   "briefly", "firmly", "emphatically", "immediately", "still")

# The verbs with which a paragraph opens on its speaker though they are no verbs of saying
# ("The Secretary wanted to comment briefly ...", "Mr. Kosygin informed the President"): any
# regular past tense, or one of these irregular ones; never a modal or an auxiliary ("The
# President could see ...", "The President had proposed ..." are the speaker's words).
PAST_TENSE_IRREGULAR: tuple[str, ...] = (
    "said", "thought", "felt", "knew", "saw", "took", "made", "gave", "went", "told", "spoke",
    "wrote", "came", "began", "read", "met", "found", "held", "put", "sent", "brought", "understood",
)
# Phrases that lead into the speaker's name without a comma ("In reply the Secretary stated",
# "To this Mr. Kosygin replied", "At this point the President said").
LEAD_PHRASES: tuple[str, ...] = (
    "In reply", "In response", "In answer", "In turn", "In conclusion", "In closing", "To this",
    "To that", "At this point", "At that point", "Thereupon", "Then", "Finally", "Later",
    "In this connection", "For his part", "For its part",
)
# The drafter's own narration: what happened at the meeting, not what anyone said ("At this
# point the President and Chairman Kosygin left the luncheon table", "The meeting ended at 6:30
# p.m.", "A copy of the press statement is attached.").  A sentence is narration when it carries
# one of these and no verb of saying.
NARRATION_CUES: tuple[str, ...] = (
    r"\b(?:meeting|conversation|luncheon|dinner|session)s?\s+(?:was\s+|were\s+)?(?:ended|adjourned|"
    r"broke\s+up)\b",
    r"\b(?:is|are)\s+attached\b", r"\bleft\s+the\s+(?:room|table|luncheon|meeting)\b",
    r"\bused\s+(?:\w+\s+){0,3}to\s+illustrate\b", r"\b(?:entered|joined)\s+the\s+(?:room|meeting|talks)\b",
)

# Offices by which memoranda name a participant without his name ("The Secretary said").
OFFICES: tuple[str, ...] = (
    "Secretary of State", "Secretary of Defense", "Secretary-General", "Secretary General",
    "Under Secretary", "Deputy Secretary", "Assistant Secretary", "Foreign Minister",
    "Deputy Foreign Minister", "Prime Minister", "Vice President", "Attorney General",
    "Secretary", "President", "Chairman", "Premier", "Ambassador", "Minister", "Chancellor",
)


def _alt(words) -> str:
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
_WEAK_BOUNDARY = re.compile(r"""(?<=[a-z]{3})\.(?=\s+(?:,\s*)?[a-z])""")


@dataclass(frozen=True)
class Sentence:
    start: int                # reading-text offsets
    end: int
    parenthetical: bool = False   # the whole sentence stands in parentheses

    def text(self, t: Transcript) -> str:
        return t.text[self.start:self.end]


def sentences(t: Transcript, start: int, end: int) -> list[Sentence]:
    """Sentences of the reading-text stretch [start, end), trimmed of outer whitespace."""
    text = t.text
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
        if not _ABBREV.search(head) and not re.search(r"\b(?:etc|viz|cf|approx|incl)\.$", head):
            cuts.append(m.end())
    # a parenthetical aside opened after a sentence end is a sentence of its own
    for m in re.finditer(r"(?<=[.!?\"”])\s+\((?=[A-Z])", text[start:end]):
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
        if b > a and re.search(r"[A-Za-z]", text[a:b]):
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


# Country words by side, used to tell "the USSR wished the US to ..." from the reverse.
SIDE_WORDS: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "United States", "American", "Americans", "Washington", "US Government",
           "US Delegation", "U.S. Government", "United States Government", "US side"),
    "USSR": ("USSR", "U.S.S.R.", "Soviet Union", "Soviet Government", "Soviet Delegation",
             "Soviets", "Moscow", "Soviet side", "Russians"),
    "UK": ("UK", "U.K.", "United Kingdom", "British", "British Government", "HMG", "London"),
    "France": ("France", "French", "French Government", "Paris"),
    "Cuba": ("Cuba", "Cuban Government", "Havana"),
}


def side_subject_re(side: str | None) -> str | None:
    """A regex alternative naming ``side`` as a subject ("the USSR", "the Soviet Union")."""
    if not side or side not in SIDE_WORDS:
        return None
    return rf"(?:the\s+)?(?:{_alt(SIDE_WORDS[side])})"


def other_sides(side: str | None, present: set[str]) -> list[str]:
    return [s for s in present if s and s != side]


# --- topics ---------------------------------------------------------------------------------

def _load_topics() -> tuple[tuple[str, re.Pattern], ...]:
    """The topic lexicon (kg/data/topics.tsv), in its order: label -> one pattern."""
    from importlib import resources

    text = resources.files("kg").joinpath("data/topics.tsv").read_text(encoding="utf-8")
    grouped: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("topic\t"):
            continue
        label, pattern = line.split("\t", 1)
        grouped.setdefault(label, []).append(pattern)
    return tuple((label, re.compile("|".join(pats), re.IGNORECASE)) for label, pats in grouped.items())


_TOPIC_RES = _load_topics()


def topics_of(text: str) -> set[str]:
    """Every topic of the lexicon the text speaks of."""
    return {label for label, rx in _TOPIC_RES if rx.search(text)}


def topic_of(text: str) -> str | None:
    """The salient topic of a sentence: the first lexicon entry it speaks of (the lexicon
    runs from the specific matters to the general ones)."""
    for label, rx in _TOPIC_RES:
        if rx.search(text):
            return label
    return None
