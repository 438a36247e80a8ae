"""The phrasing of proposals and of the answers to them (kg/data/proposals.tsv).

A memorandum of conversation or a telegram reports what one side put to the other ("The
Secretary suggested that ...", "Mr. Gromyko asked whether the U.S. would be willing to ...")
and how it was answered ("Mr. Gromyko agreed", "The Secretary did not exclude such a
possibility", "he would have to consult his Government").  The table holds these phrasings,
one regular expression a line, by kind:

- ``act``: a sentence that puts something to the other side (suggestion, offer, request,
  demand, appeal); ``not``: a sentence that reports an earlier proposal and puts nothing;
  ``again``: a proposal that points back at the speaker's last one ("urged the President to
  weigh this possibility");
- ``answer``: words of an answer and the status they give (accepted, rejected, deferred,
  countered); ``referral``: an answer that hands the matter to negotiators or to a later
  meeting; ``leave``: an answer that leaves the matter (the conversation closes, the speaker
  turns to something else); ``asks``: an answer that opens by asking a question of its own
  ("asked for clarification", "asked whether ..."), which leaves the matter open unless it
  answers in so many words;
- ``procedure``: what marks a proposal about the conduct of the talks (a meeting, the press,
  setting a question aside, an invitation to comment) rather than about their matter;
- ``thanks``: thanks, with which an offer is accepted.

The extractors decide what the phrasings mean in a document (kg.extracting.proposals,
kg.extracting.answers); this module only reads them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lexicon.data import text

KINDS = ("act", "not", "again", "answer", "referral", "leave", "asks", "procedure", "thanks")
STATUSES = ("accepted", "rejected", "deferred", "countered")


@dataclass(frozen=True)
class Phrasing:
    acts: tuple[tuple[str, str], ...]            # (act, pattern with {own}/{other})
    reports: re.Pattern                          # a report of an earlier proposal
    again: re.Pattern                            # points back at the speaker's last proposal
    answers: tuple[tuple[str, re.Pattern], ...]  # (status, pattern)
    referral: re.Pattern                         # the matter is handed on
    leave: re.Pattern                            # the answer leaves the matter
    asks: re.Pattern                             # the answer opens with a question of its own
    procedure: re.Pattern                        # a proposal about the conduct of the talks
    thanks: re.Pattern                           # thanks, which accept an offer


@lru_cache(maxsize=1)
def phrasing() -> Phrasing:
    """The table kg/data/proposals.tsv, compiled; a line of an unknown kind is an error."""
    by_kind: dict[str, list[tuple[str, str]]] = {k: [] for k in KINDS}
    for n, line in enumerate(text("proposals.tsv").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        try:
            kind, label, pattern = line.split("\t", 2)
        except ValueError:
            raise ValueError(f"kg/data/proposals.tsv line {n}: expected kind<TAB>label<TAB>pattern, "
                             f"got {line!r}") from None
        if kind not in by_kind:
            raise ValueError(f"kg/data/proposals.tsv line {n}: unknown kind {kind!r} "
                             f"(one of {', '.join(KINDS)})")
        if kind == "answer" and label not in STATUSES:
            raise ValueError(f"kg/data/proposals.tsv line {n}: unknown status {label!r} "
                             f"(one of {', '.join(STATUSES)})")
        by_kind[kind].append((label, pattern))

    def one(kind: str) -> re.Pattern:
        pats = [p for _, p in by_kind[kind]]
        return re.compile("|".join(f"(?:{p})" for p in pats) if pats else r"(?!)")

    return Phrasing(acts=tuple(by_kind["act"]), reports=one("not"), again=one("again"),
                    answers=tuple((st, re.compile(p)) for st, p in by_kind["answer"]),
                    referral=one("referral"), leave=one("leave"), asks=one("asks"), procedure=one("procedure"),
                    thanks=one("thanks"))
