"""Documents cited: who their authors and recipients are, and which document each one is.

The citations extractor records the agents of a cited document as printed
(``mention:<raw offset>``, ``speaker:<name as listed>``, ``head:<side>``, ``org:<label>``).
`resolve_citations()` gives each `CitedDocument` record its identities - ``person:<key>`` with
the person keys of the document's resolution, ``org:<label>`` as it is - and decides what
can only be decided knowing who is who:

- a citation whose author names no person (a speaker misreading, an office vacant on the
  date) is no citation; such a recipient is left out;
- "the agreement reached", referring back, is the agreement the document cites, when all the
  agreements it cites have the same authors; otherwise it is none of them;
- a letter or message by one party of a correspondence or agreement is addressed to the
  other party (the recipient is *inferred*, and flagged so);
- an undated statement by someone whose one dated interview or speech the document cites is
  in it (the kind is inferred);
- the key: kind + authors + date (+ the printed recipients when the date is not a full day),
  so that the same letter cited twice, here or in another document, is one document.

Pure: it reads records and answers; the persons come from the caller (`kg.resolving`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from kg.records import CitedDocument


@dataclass(frozen=True)
class ResolvedCitation:
    """A `CitedDocument` record with its agents as identities (``person:<key>`` |
    ``org:<label>``) and its corpus-wide key; one record may cite on several dates."""

    record: CitedDocument
    key: str
    kind: str
    date: str | None
    authors: tuple[str, ...]
    recipients: tuple[str, ...]
    inferred: tuple[str, ...] = ()           # fields the text implies but does not print


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def cited_key(kind: str, authors: list[str], day: str, recipients: list[str]) -> str:
    """The corpus-wide identity of a cited document."""
    who = "+".join(sorted(_slug(a.split(":", 1)[-1]) for a in authors)) or "unknown"
    key = f"{kind}/{who}/{day or 'undated'}"
    if recipients and len(day or "") < 10:
        key += "/to-" + "+".join(sorted(_slug(r.split(":", 1)[-1]) for r in recipients))
    return key


@dataclass
class _Cite:
    """One in-text citation: the records of one phrase (one per date printed)."""

    records: list[CitedDocument]
    kind: str
    authors: list[str]
    recipients: list[str]
    dates: list[str]
    inferred: list[str]


def resolve_citations(records: list[CitedDocument],
                      agent: Callable[[str], str | None]) -> list[ResolvedCitation]:
    """The citations of one document with their identities; ``agent`` answers the identity of
    a printed agent reference (None when it names no one)."""
    cites: list[_Cite] = []
    for r in records:
        authors = [agent(a) for a in r.authors]
        if any(a is None for a in authors):
            continue                             # an author who is no one: no citation
        recipients = [x for x in map(agent, r.recipients) if x is not None]
        last = cites[-1].records[-1] if cites else None
        if (last is not None and r.key is None and last.key is None and r.evidence == last.evidence
                and (r.kind, r.authors, r.recipients) == (last.kind, last.authors, last.recipients)):
            cites[-1].records.append(r)          # the same phrase on another date
            cites[-1].dates.append(r.date or "")
            continue
        cites.append(_Cite([r], r.kind, authors, recipients, [r.date or ""], []))
    agreements = {tuple(sorted(c.authors)) for c in cites
                  if c.kind == "agreement" and not c.records[0].refers_back}
    cites = [c for c in cites if not (c.kind == "agreement" and c.records[0].refers_back
                                      and len(agreements) != 1)]
    # a letter or message by one of a correspondence pair is addressed to the other
    pairs = [set(c.authors) for c in cites if c.kind in ("correspondence", "agreement")
             and len(c.authors) == 2]
    for c in cites:
        if c.kind in ("letter", "message") and len(c.authors) == 1 and not c.recipients:
            others = {a for p in pairs if c.authors[0] in p for a in p} - {c.authors[0]}
            if len(others) == 1:
                c.recipients = sorted(others)
                c.inferred.append("recipient")
    # an undated statement by someone whose interview or speech the document cites is in it
    for c in cites:
        if c.kind == "statement" and c.dates == [""] and len(c.authors) == 1:
            homes = {(o.kind, tuple(o.dates)) for o in cites if o.authors == c.authors
                     and o.kind in ("interview", "speech") and o.dates != [""]}
            if len(homes) == 1:
                c.kind, dates = next(iter(homes))
                c.dates = list(dates)
                c.inferred.append("kind")
    out: list[ResolvedCitation] = []
    for c in cites:
        printed_recipients = [] if "recipient" in c.inferred else c.recipients
        dated = (list(zip(c.records, c.dates)) if len(c.records) == len(c.dates)
                 else [(c.records[0], day) for day in c.dates])
        for record, day in dated:
            key = record.key or cited_key(c.kind, c.authors, day, printed_recipients)
            out.append(ResolvedCitation(record, key, c.kind, day or None, tuple(c.authors),
                                        tuple(c.recipients), tuple(c.inferred)))
    return out
