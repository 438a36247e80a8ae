"""Documents cited: the earlier letters, messages, telegrams, statements, speeches, proposals,
agreements, draft texts, laws and conversations a document refers to, with author, recipient,
date, every phrase that refers to each and the quotations taken from them.

A memorandum of conversation cites in two ways, and both are read here:

- a **noun phrase** naming the document or occasion (the nouns and what anchors each are data,
  kg/data/documents.csv): "the President's October 27 letter", "Chancellor Adenauer's
  statement of January 12", "the Soviet proposal of equal rights", "a reply from Hanoi", "the
  Consular Convention now pending before the Senate", "the proposed treaty", "his last meeting
  with Mr. Gromyko", "the past two days' discussions", "the present legislation", "the law
  passed by the German Bundestag", "the treaty we had proposed in 1946";
- a **clause reporting an earlier act** of saying, proposing, writing or meeting (the verbs are
  data, kg/data/citing_verbs.csv): "Khrushchev had remarked that ...", "The President had
  formerly informed Mr. Gromyko", "he had had many talks with Adenauer", "the US had submitted
  lists of items", "As he pointed out to Mr. Kosygin at Mr. Nehru's funeral".

What makes a phrase a citation is an *anchor* that sets the document apart from what is said
in the room: an author who is not in the room, a date ("on December 7", "two days ago", "in
1946"), an earlier occasion ("previous", "last", "formerly", "at one of the last meetings"),
an act completed ("reached", "passed by", "worked out by the negotiators this afternoon"), a
party outside the room ("to Mr. Khrushchev", "from Hanoi", "with Adenauer"), a side ("the
Soviet proposal"), a proper name ("the Consular Convention"), or a noun that is a document of
its own ("his speech", "his press conference").  What it does not count: remarks made in this
conversation ("the Secretary's statement"), future texts ("a text acceptable to both sides",
"the peace treaty would ..."), this meeting ("at this meeting"), and positions.

Every later phrase that refers back joins the document it refers to: "that letter", "this
reply", "the press conference", "Their draft", "Statements of this kind", "the first
alternative" of "the three alternative drafts".  Dates resolve against the document's own date
(kg.extracting.relative_dates).  A quotation is the quoted string that follows in the same
sentence ("which stated \"We, on our part, ...\"") or a quoted "phrase" in the next.

Telegrams cited by number in the Department's cable abbreviations ("Deptel 1745", "Embtel
660", "Moscow's 1084") are read here too; a cable's REF line is kg.extracting.references.

What it does not do: say who the agents are.  Authors and recipients are recorded as printed
(``mention:<raw offset>``, ``speaker:<name as listed>``, ``head:<side>``, ``org:<label>``);
whether one of them is in the room is read from the participants list, as the turns extractor
reads it.  The resolver (kg.resolving.citations) turns them into persons and gives each cited
document its corpus-wide key.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extracting import extractor
from kg.extracting.citation_clauses import agreed_on, greetings, reported_acts
from kg.extracting.citation_phrases import cite_noun_phrase, noun_phrases
from kg.extracting.citing import Cite, CitingContext, slug
from kg.extracting.relative_dates import MONTH
from kg.lexicon.alternation import CaseFolded, lowered
from kg.lexicon.documents import NOUN_ALT, noun
from kg.reading.transcript import Transcript
from kg.records import (Addressee, CitedDocument, DocumentHeader, Participant, PersonMention, Record,
                        SpeakerTurn, Transmission)

NAME = "citations"


# --- periodicals ---------------------------------------------------------------------------

_ISSUE_RE = re.compile(
    rf"\b(?:the\s+)?(?P<day>{MONTH}\s+\d{{1,2}})\W{{0,3}}\s*issue\s+of\s+(?:the\s+)?"
    rf"(?P<pub>[A-Z][\w&.'’]*(?:\s+(?:[A-Z][\w&.'’]*|and|of|the|AND|OF|THE)){{0,6}}(?<![a-z]\sand)(?<!\sof)(?<!\sthe))")


# what every match of _ISSUE_RE prints ("issue" alone stands in many a text that cites none)
_ISSUE_OF = re.compile(r"issue\s+of\s")


def _periodicals(ctx: CitingContext) -> list[Cite]:
    """An issue of a periodical, and what it contains: "the November 5 issue of the US NEWS
    AND WORLD REPORT containing an interview with Defense Secretary McNamara", "the June 3
    issue of the New York Times"."""
    text = ctx.t.text
    out = []
    if _ISSUE_OF.search(text, ctx.t.body_start) is None:
        return out                     # every match prints the words; the pattern is slow to fail
    for m in _ISSUE_RE.finditer(text, ctx.t.body_start):
        pub = " ".join(w if len(w) <= 3 and w.isupper() and w not in ("AND", "THE", "OF") else
                       w.capitalize() if w.isupper() and w not in ("AND", "OF", "THE") else
                       w.lower() if w.upper() in ("AND", "OF", "THE") else w
                       for w in m.group("pub").split())
        dates, printed = ctx.dates(m.group("day"))
        c = Cite(m.start(), m.end(), "publication", "text", [f"org:{pub}"], pub, dates=dates,
                  date_printed=printed, head=(m.start(), m.end()))
        out.append(c)
        inner = re.match(r"\s*,?\s*containing\s+(?P<det>an?\s+)?(?P<noun>interview|article|statement)"
                         r"\s+(?:with|by)\s+", text[m.end():m.end() + 120])
        if inner:
            who = ctx.person_at(m.end() + inner.end())
            if who:
                s = m.end() + inner.start("det" if inner.group("det") else "noun")
                out.append(Cite(s, who[1], inner.group("noun"), "statement", [who[2]],
                                 text[who[0]:who[1]], dates=list(dates), date_printed=printed,
                                 head=(s, who[1])))
    return out


# --- anaphora ---------------------------------------------------------------------------

_ANAPHOR_RE = re.compile(
    rf"\b(?P<det>[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Tt]he\s+same|[Tt]he|[Tt]heir|[Hh]is|[Ii]ts)\s+"
    rf"(?P<mod>(?:final|existing|latest|same|previous|whole|entire)\s+)?(?P<noun>{NOUN_ALT})(?![\w-])"
    rf"(?P<reached>\s+reached)?(?P<there>\s+there)?"
    rf"|\b(?P<noun2>{NOUN_ALT})\s+of\s+this\s+kind\b")
_COMPATIBLE = {"text": {"text", "proposal", "statement"}, "proposal": {"proposal", "text", "statement"},
               "statement": {"statement", "text"}, "instrument": {"instrument", "draft"},
               "draft": {"draft"}, "occasion": {"occasion"}, "law": {"law"}}


def _anaphora(ctx: CitingContext, cites: list[Cite]) -> list[Cite]:
    """Phrases that refer back to a document cited before: "that list", "this reply", "the
    press conference", "Their draft", "in his speech", "Statements of this kind", "the
    agreement reached", "The conversations there"."""
    text = ctx.t.text
    out: list[Cite] = []
    for m in _ANAPHOR_RE.finditer(text, ctx.t.body_start):
        if not ctx.prose(m.start()):
            continue
        if any(c.start <= m.start() < c.end or m.start() <= c.start < m.end() for c in cites + out):
            continue
        n = noun(m.group("noun") or m.group("noun2"))
        if n is None:
            continue
        det = (m.group("det") or "this").lower()
        det = "the" if det == "the same" else det
        if n.family == "occasion" and not (det in ("that", "those") or m.group("there")):
            continue                        # "this meeting", "the meeting": this conversation
        if re.match(r"\s+(?:of|to|from|by|with|between|on|in|concerning|about)\s+(?!this\b)", text[m.end():m.end() + 20]) \
                and not m.group("noun2") and det in ("the",):
            continue                        # "the agreement of the two sides": a phrase of its own
        nxt = re.match(rf"\s+(?:{NOUN_ALT})(?![\w-])", text[m.end():m.end() + 30], re.IGNORECASE)
        if nxt:
            continue
        if det == "the" and m.group("reached") and n.family == "instrument":
            pool = [c for c in cites + out if c.family == "instrument" and not c.refers_back and c.start < m.start()]
            if not pool:
                continue
            ref = pool[0]
        else:
            para = ctx.paragraph(m.start())
            window = 1500 if det in ("this", "that", "these", "those") else 2500
            prior = [c for c in cites + out if c.end <= m.start() and m.start() - c.end < window
                     and c.origin != "telegram"]
            same = [c for c in prior if c.kind == n.kind or (c.family == n.family and n.family not in ("text",))]
            if det in ("this", "that", "these", "those") and not same:
                same = [c for c in prior if c.family in _COMPATIBLE.get(n.family, {n.family})
                        and c.start >= para[0]]
            if det in ("his", "their", "its") and n.inherent is False and n.family not in ("draft", "occasion"):
                same = [c for c in same if c.start >= para[0]]
            if det == "the" and not (m.group("mod") or m.group("there")):
                same = [c for c in same if c.kind == n.kind]
                if n.family in ("instrument", "occasion", "law") and not same:
                    continue
            if not same:
                continue
            ref = max(same, key=lambda c: c.end)
        c = replace(ref, start=m.start(), end=m.end(), refers_back=True, origin="anaphor",
                    head=(m.start("noun") if m.group("noun") else m.start("noun2"), m.end()),
                    members=0, member=ref.member)
        c.authors, c.recipients, c.dates = list(ref.authors), list(ref.recipients), list(ref.dates)
        if det == "the" and m.group("reached"):
            c.kind, c.family = ref.kind, ref.family
        out.append(c)
    return out


# --- the extractor --------------------------------------------------------------------------

@extractor(NAME, requires=(DocumentHeader, Participant, PersonMention, SpeakerTurn, Transmission,
                           Addressee), produces=(CitedDocument,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    ctx = CitingContext(t, found)
    issues = _periodicals(ctx)
    cites: list[Cite] = []
    for np in noun_phrases(ctx):
        c = cite_noun_phrase(ctx, np)
        if c is not None and not _overlaps(c, issues):
            c.by_of = bool(re.search(r"\bof\s+(?:the\s+)?$", t.text[max(0, np.start - 12):np.start]))
            cites.append(c)
    cites = _nested(t, cites) + issues
    cites += [c for c in agreed_on(ctx) if not _overlaps(c, cites)]
    for c in greetings(ctx):
        cites = [o for o in cites if not (c.start <= o.start and o.end <= c.end)]
        cites.append(c)
    cites.sort(key=lambda c: c.start)
    for c in reported_acts(ctx):
        # "In one of the telegrams transmitted over the Hot Line, Mr. Kosygin had written the
        # President": the clause says who wrote the document the phrase names
        host = next((o for o in cites if o.end <= c.start and ctx.sentence(o.start) == ctx.sentence(c.start)
                     and re.fullmatch(r"\s*,\s*", t.text[o.end:c.start])
                     and re.search(r"\b[Ii]n\s+$", t.text[max(0, o.start - 4):o.start])), None)
        if host is not None:
            if not host.authors:
                host.authors, host.author = list(c.authors), c.author
                host.recipients, host.recipient = list(c.recipients), c.recipient
            continue
        # an act whose clause holds a document cited by name is that document's, not another;
        # the occasion it was done at is where, not what, it cites ("At one of the last
        # meetings Ambassador Roschin had said ...")
        inside = [o for o in cites if c.start < o.end and o.start < c.end]
        # "they had had an interesting conversation in which ...": the document the act made is
        # the phrase after its verb, and the act says whose it is
        made = [o for o in inside if o.start >= c.head[1] and o.family == c.family and c.family]
        if len(inside) == 1 and made and not made[0].authors:
            made[0].authors, made[0].author = list(c.authors), c.author
        if inside and all(o.family == "occasion" and o.end <= c.head[0] and o.origin == "noun"
                          for o in inside):
            cites = [o for o in cites if o not in inside]
            inside = []
        if not inside:
            cites.append(c)
    cites.sort(key=lambda c: c.start)
    cites = _members(cites)
    _one_draft(cites)
    cites += _anaphora(ctx, cites)
    cites.extend(_telegram_references(t, found, ctx))
    return _records(t, ctx, cites)


def _overlaps(c: Cite, cites: list[Cite]) -> bool:
    return any(c.start < o.end and o.start < c.end for o in cites)


def _nested(t: Transcript, cites: list[Cite]) -> list[Cite]:
    """One citation where two noun phrases nest: the outer one when the inner is reached by
    "of" ("the three alternative drafts of Article I of the proposed treaty"), the inner one
    when the outer only describes it ("the proposals the President had made in that speech")."""
    cites.sort(key=lambda c: (c.start, -c.end))
    out: list[Cite] = []
    for c in cites:
        host = next((o for o in out if o.start <= c.start and c.end <= o.end), None)
        if host is None:
            out.append(c)
            continue
        if c.by_of or re.search(r"\b(?:of|from|by|to|with|between)\s+(?:the\s+)?$", t.text[max(host.start, c.start - 12):c.start]):
            continue                              # part of the outer phrase's complement
        out.remove(host)
        out.append(c)
    return out


def _members(cites: list[Cite]) -> list[Cite]:
    """"the three alternative drafts" ... "the first alternative", "a second alternative": a
    set of drafts and its members.  Each member is a draft of its own (dated and made as the
    set is); a phrase naming the set ("all three alternative drafts", "the formulations tried
    in the last 48 hours") refers to every member."""
    drafts = [c for c in cites if c.family == "draft"]
    members = sorted({c.member for c in drafts if c.member})
    first_set = next((c for c in drafts if c.members), None)
    if not members or first_set is None:
        return cites
    count = max(members + [first_set.members])
    out = []
    for c in cites:
        if c.family != "draft":
            out.append(c)
        elif c.member:
            c.kind, c.dates, c.date_printed = first_set.kind, list(first_set.dates), first_set.date_printed
            c.authors, c.author = c.authors or list(first_set.authors), c.author or first_set.author
            c.qualifier = f"alternative {c.member}"
            out.append(c)
        elif c.authors and c.authors != first_set.authors:
            out.append(c)        # "the American versions": some of the set, which ones unsaid
        else:
            for k in range(1, count + 1):
                out.append(replace(c, kind=first_set.kind, dates=list(first_set.dates),
                                   date_printed=first_set.date_printed, qualifier=f"alternative {k}",
                                   authors=list(c.authors or first_set.authors), member=k))
    return out


def _one_draft(cites: list[Cite]) -> None:
    """"the proposed agreement", "the proposed treaty" and "the outer space agreement" in one
    memorandum: the text under negotiation the document names by its subject is the one it
    calls "proposed" (when it names one subject, and the drafts name none)."""
    drafts = [c for c in cites if c.kind == "draft treaty" and not c.qualifier and not c.authors]
    named = {(c.qualifier, c.kind) for c in cites if c.family == "instrument" and c.kind != "draft treaty"
             and c.qualifier and not c.authors and c.dates == [""] and c.origin == "noun"}
    if not drafts or len(named) != 1:
        return
    qualifier, _kind = next(iter(named))
    for c in cites:
        if c in drafts or (c.family == "instrument" and c.qualifier == qualifier and not c.authors):
            c.kind, c.qualifier = "draft treaty", qualifier


# --- telegram references ------------------------------------------------------------------
# The cable abbreviations of the Department: "Deptel 1745" (a Department telegram), "Embtel"
# (the embassy's), "Mytel"/"Ourtel" (the sender's own), "Urtel"/"Yourtel" (the addressee's),
# "Depcirtel" (a circular); also "Department's telegram 1745" and a post's "Moscow's 1084".
_TEL_ABBREVIATIONS = {"deptel": "department", "depcirtel": "department", "deptcirtel": "department",
                      "embtel": "embassy", "mytel": "sender", "ourtel": "sender",
                      "urtel": "addressee", "yourtel": "addressee"}
# in any case ("DEPTEL 1745", "Moscow's 1022"): written in lower case to be searched plainly in
# the lower-cased text (kg.lexicon.alternation.CaseFolded); read what was printed by offset
_TEL_RE = CaseFolded(
    r"\b(?:(?P<abbr>deptel|depcirtel|deptcirtel|embtel|mytel|ourtel|urtel|yourtel)s?\.?"
    r"|(?P<dept>department['’]s|dept['’]s)\s+(?:telegram|tel|cable)s?"
    r"|(?P<post>usun|[a-z][a-z]+)['’]s)"
    r"\s*(?:no\.\s*)?(?P<nums>\d{1,5}(?:(?:\s*,\s*|\s+and\s+)\d{1,5})*)\b")


# What every match of _TEL_RE prints (lower-cased) just before its number: a cable's word
# ("deptel", "telegram", "cables") or a possessive's "'s".  A text that prints none of it
# (most texts: their "'s" and "tel" stand before no number) is not searched with _TEL_RE,
# which tries every word as a post's name.
_NUMBER_CUE = re.compile(r"(?:tel|telegram|cable)s?\.?\s*(?:no\.\s*)?\d|['’]s\s*(?:no\.\s*)?\d")
_NUMBER_CUE_RUNS = ("tel", "cable", "'s", "’s")


def cites_by_number(low: str) -> bool:
    """Whether the lower-cased text prints a cable's word or an "'s" just before a number:
    each place that prints one of the cue's first letters (str.find) is tried."""
    for run in _NUMBER_CUE_RUNS:
        at = low.find(run)
        while at >= 0:
            if _NUMBER_CUE.match(low, at):
                return True
            at = low.find(run, at + 1)
    return False


def _post_label(printed: str | None) -> str | None:
    """The agent a post's telegrams come from: 'Moscow' -> 'American Embassy, Moscow'."""
    from kg.extracting.header import normalise_place
    if not printed:
        return None
    place = normalise_place(printed)
    if place is not None:
        name = place.name
    else:                                    # the post's name, without the OCR's debris after it
        m = re.match(r"\s*(?P<n>[A-Za-z]{3,}(?:[ -][A-Za-z]{3,})?)(?![A-Za-z])", printed)
        if m is None:
            return None
        name = m.group("n").title()
    if re.search(r"\bDepartment of State\b|\bSecretary of State\b", printed, re.IGNORECASE):
        return "Department of State"
    if name.startswith(("US Mission", "Department of State", "The White House")):
        return name.split(",")[0] if name.startswith("Department") else name
    return f"American Embassy, {name}"


def _telegram_references(t: Transcript, found: list[Record], ctx: CitingContext) -> list[Cite]:
    transmission = next((r for r in found if isinstance(r, Transmission)), None)
    sender = _post_label(transmission.sender) if transmission else None
    to = next((r.name for r in found if isinstance(r, Addressee) and r.role in ("to", "action")), None)
    addressee = _post_label(to)
    year = ctx.doc_date.year if ctx.doc_date else None
    places = {p.casefold() for p in _known_posts()}
    out: list[Cite] = []
    low = lowered(t.text)                    # None: an odd letter, the pattern must say
    if low is not None and not cites_by_number(low):
        return out
    for m in _TEL_RE.finditer(t.text):
        post = t.text[m.start("post"):m.end("post")] if m.start("post") >= 0 else None
        if post and post.casefold() not in places:
            continue                         # "Kennedy's 1962" is no telegram
        if m.group("abbr"):
            whose = _TEL_ABBREVIATIONS[m.group("abbr").casefold()]
        else:
            whose = "department" if m.group("dept") else "post"
        if whose == "department":
            author = "Department of State"
        elif whose == "embassy":
            # "Embtel": the embassy's own telegram, whichever end of the exchange it is
            author = sender if sender and sender != "Department of State" else addressee
        elif whose == "sender":
            author = sender
        elif whose == "addressee":
            author = addressee
        else:
            author = _post_label(post)
        for num in re.findall(r"\d{1,5}", m.group("nums")):
            c = Cite(m.start(), m.end(), "telegram", "text", [f"org:{author}"] if author else [],
                      author, origin="telegram")
            who = slug(author) if author else "unknown"
            c.key = f"telegram/{who}/{year or 'undated'}/no-{num}"
            c.number = num
            if not _on_title_line(t, m.start()):
                out.append(c)
    return out


def _on_title_line(t: Transcript, pos: int) -> bool:
    """A NARA form's "TITLE : Embtel 748" names the document itself, not one it cites; a
    reference anywhere else ("Reference: Deptel 1745", the routing lines) cites."""
    line_start = t.text.rfind("\n", 0, pos) + 1
    return bool(re.match(r"\s*TITLE\s*:", t.text[line_start:pos]))


def _known_posts() -> list[str]:
    from kg.extracting.header import places
    words = ["USUN"]
    for place in places():
        words.extend(re.findall(r"[A-Z][a-z]{2,}", place.name))
    return [w for w in words if w not in ("The", "House", "Mission", "United", "Nations", "New",
                                          "York", "City", "Department", "State")]


def _quotation(t: Transcript, start: int, stop: int) -> tuple[int, int] | None:
    """The first quoted string after ``start`` in the same sentence (before ``stop``)."""
    text = t.text
    m = re.search(r"[\"“]", text[start:stop])
    if not m:
        return None
    q = start + m.start()
    if re.search(r"[.;!?]", text[start:q]):
        # not in this sentence: only a quoted "phrase"/"words" in the next one counts
        nxt = re.search(r"[.;!?]\s+", text[start:q])
        tail = text[start + nxt.end():q] if nxt else ""
        if re.search(r"[.;!?]", tail) or not re.search(r"\b(?:phrase|words?|language|passage)\s*$", tail):
            return None
    close = re.search(r"[\"”]", text[q + 1:q + 2000])
    if not close:
        return None
    qs, qe = q + 1, q + 1 + close.start()
    while qe > qs and text[qe - 1] in " .,":
        # keep the ellipsis the document quotes, drop a trailing comma/space only
        if text[qe - 1] == "." and text[qs:qe].rstrip(" ").endswith(". . ."):
            break
        if text[qe - 1] == ".":
            break
        qe -= 1
    # a pair of quote marks around nothing but space or a line break quotes nothing
    return (qs, qe) if re.search(r"\w", text[qs:qe]) else None


def _records(t: Transcript, ctx: CitingContext, cites: list[Cite]) -> list[Record]:
    cites.sort(key=lambda c: c.start)
    out: list[Record] = []
    starts = [c.start for c in cites]
    quoted: set[tuple[int, int]] = set()
    for i, c in enumerate(cites):
        stop = starts[i + 1] if i + 1 < len(cites) else len(t.text)
        q = _quotation(t, c.end, min(stop, c.end + 600)) if c.origin != "clause" else None
        if q in quoted:
            q = None                         # a quotation is taken from one document, the first
        span = t.span(c.start, c.end)
        if not span.exact.strip():
            continue
        if q:
            quoted.add(q)
        for n, day in enumerate(c.dates):
            # a phrase of two dates cites two papers; the words quoted after it are the first's
            quotes = (t.span(*q),) if q and n == 0 else ()
            out.append(CitedDocument(
                evidence=(span,), extractor=NAME, kind=c.kind, author=c.author,
                recipient=c.recipient, date=day or None, quotations=quotes, key=c.key,
                authors=tuple(a for a in c.authors if a), recipients=tuple(r for r in c.recipients if r),
                phrase=" ".join(t.text[c.start:c.end].split()), date_printed=c.date_printed,
                number=c.number, refers_back=c.refers_back, qualifier=c.qualifier))
    return out
