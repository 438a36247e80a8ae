"""Claims: what each speaker asserts inside his turns, one claim a sentence.

Every sentence of a speaker's turn that states a fact, a position or an interpretation is a
claim of the turn's speaker ("He noted that the only question that remained ...", "The USSR
regarded the so-called quarantine as illegal ..."), a rhetorical question in his own words
included.  Left out: conversation management (a courtesy that says nothing else, moving the
agenda, the next meeting, "had nothing to add"), fragments, and the sentences that put
something to the other side (those are proposals), but for their clauses that assert.  The drafter's
parenthetical asides are claims of the drafter.  The topic comes from the topic lexicon
(kg/data/topics.tsv); a sentence with no topic word takes the last topic of its turn.
"""
from __future__ import annotations

import re

from kg.extracting import extractor
from kg.extracting.discourse import participants, sentences, topic_of, turn_spans
from kg.extracting.proposals import proposal_act
from kg.lexicon.alternation import Prefiltered
from kg.lexicon.matching import surname
from kg.reading.transcript import Transcript
from kg.records import Claim, Participant, Record, SpeakerTurn

NAME = "claims"

# Conversation management: no assertion about the matter.  (A courtesy is procedure only when
# it says nothing else: "He thanked the Secretary." but not "The Secretary thanked Mr. Gromyko
# for the good reception given to the U.S. businessmen who recently visited Moscow.")
PROCEDURAL: tuple[str, ...] = (
    # "opened the conversation by inviting ...", but not "... by saying that <a claim>"
    r"\bopened\s+the\s+(?:conversation|meeting|discussion)\b(?!\s+by\s+(?:saying|stating|noting|observing|pointing\s+out)\b)",
    r"\bexchange\s+of\s+(?:greetings|pleasantries|courtesies)\b",
    r"\b(?:could\s+add|had)\s+nothing\s+(?:further\s+|more\s+)?to\s+add\b|\bnothing\s+(?:further\s+)?to\s+add\b",
    r"\b(?:turned|reverted|returned|came\s+back)\s+to\s+the\s+(?:question|subject|matter|problem)\s+of\b",
    r"\bthe\s+next\s+(?:meeting|session)\b",
    r"\b(?:meeting|conversation|session)\s+(?:was\s+)?(?:ended|adjourned|closed)\b",
)
# tried on every sentence: only where the sentence prints one of their words
_PROCEDURAL = Prefiltered(re.compile("|".join(PROCEDURAL), re.IGNORECASE))
_COURTESY = Prefiltered(re.compile(r"\b(?:thanked|congratulated|greeted|welcomed|bade\s+farewell)\b", re.IGNORECASE))
# The clauses of a sentence that puts a proposal: "For our part we were prepared to ...; we
# could not, however, force third countries to do the same" asserts in its second clause.
_CLAUSE_BREAK = re.compile(r";\s*|,\s+(?=(?:we|he|they|it|this|there)\s+(?:had|has|have|was|were|is|are|"
                           r"did|could|would|must)\b)")

_SUBORDINATE = re.compile(r"\W*(?:If|Unless|When|Whenever|As\s+soon\s+as|As\s+long\s+as|Once|Provided|"
                          r"Although|Though|Since|While|Because|Before|After|Until)\b", re.IGNORECASE)


_WORD = re.compile(r"[A-Za-z]{2,}")


def _is_claim(text: str) -> bool:
    """A sentence that asserts something: five words or more, not conversation management, not
    only a courtesy.  A question in the speaker's own words ("How could the US reduce its
    military expenditures while ...?") asserts as well: the drafter reports real questions
    with "asked whether"."""
    n = len(_WORD.findall(text))
    if n < 5:
        return False
    if _COURTESY.search(text) and n < 12:
        return False
    return not _PROCEDURAL.search(text)


def _clauses(t: Transcript, s) -> list[tuple[int, int]]:
    """Reading-text stretches of the clauses of a sentence."""
    text = s.text(t)
    out, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        out.append((s.start + pos, s.start + m.start()))
        pos = m.end()
    out.append((s.start + pos, s.end))
    return out


def build_claims(t: Transcript, found: list[Record]) -> list[Claim]:
    stretches = turn_spans(t, found)
    sides = {ts.turn.side for ts in stretches if ts.turn.side}
    names = {side: tuple(surname(p.name) for p in participants(found) if p.name and p.side == side)
             for side in sides}
    out: list[Claim] = []
    for ts in stretches:
        turn = ts.turn
        if turn.narration:
            a, b = ts.pieces[0][0], ts.pieces[-1][1]
            text = t.text[a:b]
            out.append(Claim(evidence=(t.span(a, b),), extractor=NAME, speaker=turn.speaker,
                             topic=topic_of(text), turn=turn.index, narration=True))
            continue
        running: str | None = None
        for a, b in ts.pieces:
            for s in sentences(t, a, b):
                text = s.text(t)
                topic = topic_of(text) or running
                running = topic
                if not _is_claim(text):
                    continue
                own = names.get(turn.side, ())
                if proposal_act(text, turn.side, sides, own) is None:
                    out.append(Claim(evidence=(t.span(s.start, s.end),), extractor=NAME,
                                     speaker=turn.speaker, topic=topic, turn=turn.index))
                    continue
                # a proposal is no claim, but the clauses beside it that assert still are
                clauses = _clauses(t, s)
                for ca, cb in clauses if len(clauses) > 1 else ():
                    piece = t.text[ca:cb]
                    if _SUBORDINATE.match(piece):
                        continue             # "If this was acceptable to ...": no assertion
                    if _is_claim(piece) and proposal_act(piece, turn.side, sides, own) is None:
                        out.append(Claim(evidence=(t.span(ca, cb),), extractor=NAME,
                                         speaker=turn.speaker, topic=topic_of(piece) or topic,
                                         turn=turn.index))
    return out


@extractor(NAME, requires=(SpeakerTurn, Participant), produces=(Claim,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    return list(build_claims(t, found))
