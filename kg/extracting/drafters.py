"""Drafters: who drafted, wrote or approved the document, as its header or footer prints it.

"Drafted by A. Akalovsky", "Drafted by William D. Krimer", "Drafted by Krimer and Henry" (two
drafters), "Drafted by: Akalovsky", "DRAFTED BY: EUR:SOV:AAkalovsky",
"Drafter: ...", and the telegram lines "Approved by ...", "Cleared by ...".  The name is
kept as printed, but for initials glued to the surname, which are parted ("FDKohler" ->
"F. D. Kohler"); the resolver decides who it is.  A signature ("RUSK", "STEVENSON") at the
end of a telegram is the author and is read by the telegram extractors, not here.
"""
from __future__ import annotations

import re

from kg.extracting import extractor
from kg.lexicon.alternation import Prefiltered
from kg.lexicon.names import SURNAME
from kg.reading.transcript import Transcript
from kg.records import Drafter, Record

NAME = "drafters"

# a name as the drafting line prints it: initials or given names before the surname
# ("A. Akalovsky", "William D. Krimer", "Foy D. Kohler", "Freers")
_NAME = rf"(?:(?:[A-Z]\.\s?|[A-Z][a-z]+\s+(?=[A-Z])){{0,3}}\s*{SURNAME})"
_ROLE_RE = re.compile(
    r"\b(?P<role>Drafted|DRAFTED|Drafter|DRAFTER|Approved|APPROVED|Cleared|CLEARED)"
    r"(?:\s+(?:by|BY)\s*:?|\s*:)\s*"     # "Drafted by", "Cleared:": never "APPROVED FOR RELEASE"
    r"(?:[A-Z]{2,}(?:[:/][A-Z]{1,})*:\s*)?"            # office codes: EUR:SOV:
    r"(?:(?:Mr|Mrs|Dr)\.\s*|Miss\s+)?"                  # a form of address is no name
    rf"(?P<name>{_NAME})(?:\s+and\s+(?P<second>{_NAME}))?")
# The Department's drafting line glues the initials to the surname ("EUR:SOV:FDKohler").
# most documents print no drafting line: their lines are not searched (kg.lexicon.alternation)
_ROLE = Prefiltered(_ROLE_RE)
_GLUED_INITIALS_RE = re.compile(r"^(?P<initials>[A-Z]{1,3})(?P<surname>[A-Z][a-z][\w'’-]*)$")
_ROLES = {"drafted": "drafter", "drafter": "drafter", "approved": "approver", "cleared": "clearer"}


@extractor(NAME, produces=(Drafter,), after=("frus_markup",))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    if any(isinstance(r, Drafter) and r.extractor == "frus_markup" for r in found):
        return []           # the markup already lists them (frus_markup)
    out: list[Record] = []
    if not _ROLE.may_occur(t.text):
        return out
    for ln in t.lines:
        if ln.kind != "text":
            continue
        text = t.line_text(ln)
        for m in _ROLE_RE.finditer(text):
            # "Drafted by Krimer and Henry": two drafters, each with his own evidence
            for group in ("name", "second"):
                if not m[group]:
                    continue
                name = m[group].strip()
                glued = _GLUED_INITIALS_RE.match(name)
                if glued:
                    name = " ".join(f"{c}." for c in glued["initials"]) + " " + glued["surname"]
                if len(name.replace(".", "").replace(" ", "")) < 3:
                    continue
                start = m.start() if group == "name" else m.start(group)
                span = t.span(ln.start + start, ln.start + m.end(group))
                out.append(Drafter(evidence=(span,), extractor=NAME, name=name,
                                   role=_ROLES[m["role"].casefold()]))
    return out
