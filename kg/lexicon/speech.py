"""The vocabulary of reported speech (kg/data/speech.csv).

The drafter of a memorandum of conversation or a telegram reports what was said: "Mr. X said
that ...", "He went on to say ...", "The Secretary replied ...", "Mr. X did not believe ...".
The speaker turns, claims and proposals extractors find turns by these words; the persons
extractor takes a capitalised word before one of them for a name.
"""
from __future__ import annotations

from kg.lexicon.data import flag, table

_ROWS = [{k: (v or "").strip() for k, v in r.items()} for r in table("speech.csv")]

# Simple-past verbs with which the drafter hands the floor to someone ("Mr. X said").
SPEECH_VERBS: tuple[str, ...] = tuple(r["form"] for r in _ROWS if r["kind"] == "verb")
# "did not believe", "did not think": the negated forms open a turn as well.
NEGATED_SPEECH: tuple[str, ...] = tuple(r["form"] for r in _ROWS if r["kind"] == "negated")
# The floor does not change hands: the same speaker goes on.
CONTINUATION_VERBS: tuple[str, ...] = tuple(r["form"] for r in _ROWS if r["turn"] == "continues")
# The speaker answers the one who had the floor before.
REPLY_VERBS: tuple[str, ...] = tuple(r["form"] for r in _ROWS if r["turn"] == "replies")
# Adverbs that may stand between the name and the verb ("Mr. X then said").
SPEECH_ADVERBS: tuple[str, ...] = tuple(r["form"] for r in _ROWS if r["kind"] == "adverb")
# A word that, right after a capitalised word, says that the word is the name of someone
# speaking: the first word of the verbs marked so ("pointed out" -> "pointed").
SPEECH_HEADS: frozenset[str] = frozenset(r["form"].split()[0] for r in _ROWS
                                         if r["kind"] == "verb" and flag(r["names"]))
# A paragraph opens on its subject with any regular past tense or one of these irregular ones
# ("The Secretary wanted to comment briefly ...", "The Secretary thought ..."); never a modal
# or an auxiliary ("The President could see ..." is the speaker's words about him).
PAST_TENSE_IRREGULAR: tuple[str, ...] = tuple(r["form"] for r in _ROWS if r["kind"] == "past")
# Phrases that lead into the speaker's name without a comma ("In reply the Secretary stated").
LEAD_PHRASES: tuple[str, ...] = tuple(r["form"] for r in _ROWS if r["kind"] == "lead")
# The drafter's own narration: what happened at the meeting, not what anyone said ("At this
# point the President and Chairman Kosygin left the luncheon table", "The meeting ended at
# 6:30 p.m.", "A copy of the press statement is attached."); patterns (kg/data/narration.csv).
NARRATION_CUES: tuple[str, ...] = tuple(r["pattern"].strip() for r in table("narration.csv"))
