"""The sides of a conversation - nations, and the UN - and the printed forms that name them.

One table (kg/data/nations.csv), four views of it:

- `SIDES`: a form as a participants list prints it, as a heading or beside an entry ("USSR-
  Mr. Kuznetsov", "Soviet Side:", "Counselor, Soviet Embassy") -> the side;
- `NATIONS`: those forms that stand before an office in the prose ("the British Ambassador",
  "the Soviet Foreign Minister"), with `NATION_ALT`, their alternation, longest first;
- `SIDE_WORDS`: side -> the forms that name it as the subject of a sentence ("the Soviet
  Government", "Moscow", "the Russians");
- `AGENTS`: "the <form>" folded -> the body that acts for the side ("the US" -> US
  Government), and `delegation(side)`, the delegation its participants speak for.
"""
from __future__ import annotations

import re

from kg.lexicon.data import flag, table

_ROWS = [{k: (v or "").strip() for k, v in r.items()} for r in table("nations.csv")]

SIDES: dict[str, str] = {r["form"]: r["side"] for r in _ROWS if flag(r["list"])}
SIDE_ALT = "|".join(re.escape(s) for s in sorted(SIDES, key=len, reverse=True))
# The side words that stand before an office ("the British Ambassador", "the Soviet Foreign
# Minister", "the U.S. Representative"): one word or initials.
NATIONS: dict[str, str] = {k: v for k, v in SIDES.items()
                           if re.fullmatch(r"[A-Z][a-z]+|[A-Z]{2,4}|[A-Z](?:\.[A-Z])+\.", k)}
NATION_ALT = "|".join(re.escape(k) for k in sorted(NATIONS, key=len, reverse=True))
# "USSR- Mr. Kuznetsov", "Soviet Side:", "US Participants -", or a side heading alone on its
# line ("United States", "USSR PARTICIPANTS")
SIDE_PREFIX_RE = re.compile(rf"^\s*(?P<side>{SIDE_ALT})(?:\s+(?:side|delegation|participants))?"
                            rf"\s*(?:[-–:]\s*|$)", re.IGNORECASE)

SIDE_WORDS: dict[str, tuple[str, ...]] = {}
for _r in _ROWS:
    if flag(_r["subject"]):
        SIDE_WORDS.setdefault(_r["side"], ())
        SIDE_WORDS[_r["side"]] += (_r["form"],)


def agent_key(printed: str) -> str:
    """A printed agent folded for lookup: "the U.S.  Government" -> "the us government"."""
    return " ".join(printed.lower().replace(".", "").split())


# "the US", "the Soviet Union", "the US Delegation" -> the agent's label
AGENTS: dict[str, str] = {agent_key(f"the {r['form']}"): r["agent"] for r in _ROWS if r["agent"]}
# the forms that name an agent, for a pattern ("the U.S. Government", "the USSR")
AGENT_FORMS: tuple[str, ...] = tuple(r["form"] for r in _ROWS if r["agent"])
_DELEGATIONS = {r["side"]: r["agent"] for r in _ROWS if r["agent"] and r["form"].endswith("Delegation")}


def side_of(printed: str) -> str | None:
    """The side a printed form names, as a participants list prints it, in any case."""
    for key, value in SIDES.items():
        if key.casefold() == printed.strip().casefold():
            return value
    return None


def delegation(side: str) -> str:
    """The delegation a side's participants speak for ("USSR" -> "Soviet Delegation")."""
    return _DELEGATIONS.get(side, f"{side} Delegation")
