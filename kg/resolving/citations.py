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


DRAFT_KINDS = frozenset({"draft", "draft treaty"})
# characters within which an occasion told again is the one just told (a paragraph of the genre)
NEAR = 1000


def cited_key(kind: str, authors: list[str], day: str, recipients: list[str],
              qualifier: str | None = None) -> str:
    """The corpus-wide identity of a cited document."""
    who = "+".join(sorted(_slug(a.split(":", 1)[-1]) for a in authors)) or "unknown"
    key = f"{kind}/{who}/{day or 'undated'}"
    if recipients and len(day or "") < 10:
        key += "/to-" + "+".join(sorted(_slug(r.split(":", 1)[-1]) for r in recipients))
    # an undated document is told apart by what it is about; a draft by which version it is,
    # even dated: negotiators make several versions in one day ("the three alternative drafts")
    if qualifier and (not day or kind in DRAFT_KINDS):
        key += "/" + _slug(qualifier)
    return key


# kinds of which an author makes several, told apart by where or on what ("the President's
# address in Los Angeles", "... speech on the Middle East situation")
JOINING_KINDS = frozenset({"speech", "statement", "letter", "message", "report", "interview",
                           "press conference", "plan", "proposal", "note", "memorandum"})


@dataclass
class _Cite:
    """One in-text citation: the records of one phrase (one per date printed)."""

    records: list[CitedDocument]
    kind: str
    authors: list[str]
    recipients: list[str]
    dates: list[str]
    inferred: list[str]
    qualifier: str | None = None


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
                and (r.kind, r.authors, r.recipients, r.qualifier)
                == (last.kind, last.authors, last.recipients, last.qualifier)):
            cites[-1].records.append(r)          # the same phrase on another date
            cites[-1].dates.append(r.date or "")
            continue
        cites.append(_Cite([r], r.kind, authors, recipients, [r.date or ""], [], r.qualifier))
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
    # "in his speech", "the Chairman's address": an undated document named without what sets
    # it apart is the last one cited before of its kind by the same authors
    for i, c in enumerate(cites):
        if c.dates == [""] and not c.qualifier and c.records[0].key is None and c.kind in JOINING_KINDS:
            prior = [o for o in cites[:i] if o.kind == c.kind and o.authors == c.authors
                     and o.dates == [""] and o.qualifier]
            if prior:
                c.qualifier = prior[-1].qualifier
    # "About a year ago he had gone to Bonn and had talked with Adenauer ... they had had an
    # interesting conversation": an undated occasion of the same parties, told again a few
    # lines on, is the dated one (farther on, the same parties may well have met again)
    for i, c in enumerate(cites):
        if c.kind == "conversation" and c.dates == [""] and len(c.authors) >= 2 and c.records[0].key is None:
            at = c.records[0].evidence[0].start
            prior = [o for o in cites[:i] if o.kind == c.kind and set(o.authors) == set(c.authors)
                     and len(o.dates) == 1 and o.dates != [""]
                     and 0 <= at - o.records[-1].evidence[0].end < NEAR]
            if prior:
                c.dates = list(prior[-1].dates)
                c.inferred.append("date")
    out: list[ResolvedCitation] = []
    for c in cites:
        printed_recipients = [] if "recipient" in c.inferred else c.recipients
        dated = (list(zip(c.records, c.dates)) if len(c.records) == len(c.dates)
                 else [(c.records[0], day) for day in c.dates])
        for record, day in dated:
            key = record.key or cited_key(c.kind, c.authors, day, printed_recipients,
                                          None if "kind" in c.inferred else c.qualifier)
            out.append(ResolvedCitation(record, key, c.kind, day or None, tuple(c.authors),
                                        tuple(c.recipients), tuple(c.inferred)))
    return out
