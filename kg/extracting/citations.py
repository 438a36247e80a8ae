"""Documents cited: the earlier letters, messages, statements, lists, agreements, publications
and proposals a document invokes, with author, recipient, date and the quotations taken from
them.

A document noun counts as a citation when the text anchors it to an earlier document:

- a possessive author that is not one of the speakers of this conversation, or a date:
  "the President's October 27 letter", "Mr. Khrushchev's message", "U Thant's suggestion";
  a speaker's own ("his own letter to the Secretary General of the UN on October 22", "his
  statements in the Security Council on October 23 and 25" - two statements) needs a date,
  a venue or an outside addressee, so that remarks made in the room are not documents;
- two authors: "the Kennedy-Khrushchev agreement", "the US-USSR agreement" (countries stand
  for their heads of government on the document's date, kg/data/offices.csv), "the published
  messages by the President and Mr. Khrushchev", "the agreement reached between ...";
- an agent that made or handed it over: "the US had made certain declarations and had
  submitted lists of items", "the Soviet Delegation had provided a list of ...";
- a dated act of agreeing or announcing: "the Soviet Government ... had agreed to ... on
  October 29";
- an issue of a periodical and what it contains: "the November 5 issue of the US NEWS AND
  WORLD REPORT containing an interview with Defense Secretary McNamara";
- a proposal addressed to someone outside the room: "our latest proposal to the
  Secretary-General";
- a telegram cited by number in the Department's cable abbreviations: "Deptel 1745" (the
  Department's), "Embtel 660" (the embassy's), "Mytel"/"Urtel", "Moscow's 1084" - but not
  the NARA form's "TITLE : Embtel 748", which names the document itself.  A telegram's
  identity is its author, the year of the citing document and its number.

Anaphora ("that list", "this suggestion") joins the nearest cited document of its kind; "the
agreement reached" joins the agreement the document cites.  Dates resolve against the
document's own date ("October 29" is the latest such day not after it; "yesterday", "last
night").  A quotation is the quoted string that follows in the same sentence ("which stated
\"We, on our part, ...\"") or a quoted "phrase" in the next.

What it does not do: say who the agents are.  Authors and recipients are recorded as printed
(``mention:<raw offset>``, ``speaker:<name as listed>``, ``head:<side>``, ``org:<label>``);
whether one of them is in the room is read from the participants list, as the turns
extractor reads it.  The resolver (kg.resolving.citations) turns them into persons, infers
what needs to know who is who (a recipient from a correspondence pair, an undated statement
that is in a cited interview) and gives each cited document its corpus-wide key: kind +
authors + date (+ printed recipient when the date is not a full day), so that the same
letter cited twice, here or in another document, is one document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from kg.extracting import extractor
from kg.extracting.dates import MONTHS, month_number
from kg.extracting.discourse import turn_spans
from kg.lexicon.authority import MATCH_THRESHOLD, authority_lookup, head_of, holder, office_of, post_office
from kg.lexicon.matching import best_match, surname
from kg.lexicon.nations import AGENT_FORMS, AGENTS, NATIONS, agent_key, delegation
from kg.lexicon.titles import title_key
from kg.reading.transcript import Transcript
from kg.records import (Addressee, CitedDocument, DocumentHeader, Participant, PersonMention, Record,
                        SpeakerTurn, Span, Transmission)

NAME = "citations"

KINDS = {
    "letter": "letter", "letters": "letter", "message": "message", "messages": "message",
    "statement": "statement", "statements": "statement", "declaration": "statement",
    "declarations": "statement", "speech": "speech", "speeches": "speech",
    "list": "list", "lists": "list", "agreement": "agreement", "understanding": "agreement",
    "exchange of correspondence": "correspondence", "exchange of letters": "correspondence",
    "exchange of messages": "correspondence", "exchange": "correspondence",
    "correspondence": "correspondence", "interview": "interview", "article": "article",
    "proposal": "proposal", "suggestion": "proposal", "note": "note", "memorandum": "memorandum",
    "telegram": "telegram", "cable": "telegram", "communique": "communique",
    "communiqué": "communique", "report": "report", "broadcast": "broadcast",
}
_NOUN = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in KINDS), key=len, reverse=True))
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAYS = rf"{_MONTH}\s+\d{{1,2}}(?:\s*(?:,|and)\s*\d{{1,2}})*"
_RELATIVE = {"yesterday": -1, "last night": -1, "today": 0, "this morning": 0, "tonight": 0,
             "the day before yesterday": -2}
_REL_RE = r"(?:the\s+day\s+before\s+yesterday|yesterday|last\s+night|today|this\s+morning)"
# a side acting as a body: "the US", "the Soviet Government", "the US Delegation" (data:
# kg/data/nations.csv)
_ORG_RE = r"(?:the\s+(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+")
                                    for f in sorted(AGENT_FORMS, key=len, reverse=True)) + "))"
_VENUES = {"security council": "UN Security Council", "general assembly": "UN General Assembly"}
_STOP = re.compile(r"[,;:\"“”()]|(?<!\bMr)(?<!\bMrs)(?<!\bAmb)(?<!\bAm)(?<!\bDr)(?<!\bSec)"
                   r"(?<!\bGen)(?<!\bMessrs)(?<!\b[A-Z])\.|\s(?:which|that|who|containing|stated|said|had|was|were|is|"
                   r"related|could|would|did|and\s+had)\b|\sand\s+(?!\d)(?=[a-z])")


@dataclass
class _Cite:
    start: int                      # reading offsets of the in-text phrase
    end: int
    kind: str
    authors: list[str] = field(default_factory=list)
    author: str | None = None
    recipients: list[str] = field(default_factory=list)
    recipient: str | None = None
    dates: list[str] = field(default_factory=lambda: [""])
    date_printed: str | None = None
    key: str | None = None
    number: str | None = None
    refers_back: bool = False


def resolve_day(printed: str, doc_date: date | None) -> str | None:
    """'October 29' -> the latest such day not after the document's date (ISO)."""
    m = re.match(rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})", printed)
    if not m:
        rel = " ".join(printed.lower().split())
        if rel in _RELATIVE and doc_date:
            return (doc_date + timedelta(days=_RELATIVE[rel])).isoformat()
        return None
    month, day = month_number(m.group("m")), int(m.group("d"))
    if doc_date is None:
        return None
    try:
        d = date(doc_date.year, month, day)
        if d > doc_date:
            d = date(doc_date.year - 1, month, day)
    except ValueError:
        return None
    return d.isoformat()


def _days(printed: str, doc_date: date | None) -> list[str]:
    """'October 23 and 25' -> two ISO dates."""
    m = re.match(rf"(?P<m>{_MONTH})\s+(?P<rest>.*)", printed, re.S)
    if not m:
        d = resolve_day(printed, doc_date)
        return [d] if d else [""]
    out = []
    for day in re.findall(r"\d{1,2}", m.group("rest")):
        d = resolve_day(f"{m.group('m')} {day}", doc_date)
        if d:
            out.append(d)
    return out or [""]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


class _Context:
    """The document as the citation rules see it, as printed: the person mentions by reading
    offset, who holds the floor where, the participants and their sides.

    An agent is recorded as a reference to what is printed - ``mention:<raw offset>`` (the
    person mention starting there), ``speaker:<name as listed>`` (the participant holding the
    floor), ``head:<side>`` (a country standing for its head of government), ``org:<label>`` -
    and the resolver says who it is (kg.resolving.citations).  Whether an agent is one of the
    participants, and of which side, is read here from the participants list, as the turns
    extractor reads it: the same surname (OCR variants allowed), the title or office he is
    listed with, the authority file's name for him (data)."""

    def __init__(self, t: Transcript, found: list[Record]):
        self.t = t
        header = next((r for r in found if isinstance(r, DocumentHeader)), None)
        self.doc_date = header.date if header else None
        self.doc_place = header.place if header else None
        self.participants = [p for p in found if isinstance(p, Participant)]
        self.listed = {id(p): self._entry_key(p) for p in self.participants}
        self.mentions: list[tuple[int, int, PersonMention, str]] = []
        self.agent_of: dict[str, Participant | None] = {}
        for m in found:
            if isinstance(m, PersonMention) and not m.struck and (m.name or m.title):
                s = t.reading_offset(m.evidence[0].start)
                e = t.reading_offset(m.evidence[0].end - 1) + 1
                ref = f"mention:{m.evidence[0].start}"
                self.mentions.append((s, e, m, ref))
                self.agent_of[ref] = self._participant(m.name, m.title)
        self.mentions.sort(key=lambda x: x[0])
        # who holds the floor where: the speaker turns found before this extractor ran
        self.turns: list[tuple[int, int, str]] = []
        for stretch in turn_spans(t, found):
            if stretch.turn.narration:
                continue
            ref = f"speaker:{stretch.turn.speaker}"
            self.agent_of.setdefault(ref, self._participant(stretch.turn.speaker, None))
            self.turns.extend((a, b, ref) for a, b in stretch.pieces)

    # -- who is in the room, as the participants list prints it --------------------------------

    def _office_holder(self, title: str | None) -> str | None:
        """The authority key of the holder of the office a bare title names, on the date."""
        office = office_of(title) or post_office(title, self.doc_place)
        entry = holder(office, self.doc_date) if office else None
        return entry.key if entry else None

    def _entry_key(self, p: Participant) -> str | None:
        """The authority file's key for a listed participant, if it knows him."""
        if not p.name:
            return self._office_holder(p.title)
        found = authority_lookup(p.name)
        return found[0].key if found and found[1] >= MATCH_THRESHOLD else None

    def _participant(self, name: str | None, title: str | None) -> Participant | None:
        """The listed participant a printed name (or a bare title) names, if any."""
        if name and (office_of(name) or post_office(name, self.doc_place)):
            name, title = None, name                 # "The Secretary": an office, not a name
        if not name:
            key = self._office_holder(title)
            if key is not None:
                return next((p for p in self.participants if self.listed[id(p)] == key), None)
            same = [p for p in self.participants if title and p.title
                    and title_key(p.title) == title_key(title)]
            return same[0] if len(same) == 1 else None
        named = [p for p in self.participants if p.name]
        hit = best_match(surname(name), named, key=lambda p: surname(p.name or ""),
                         threshold=MATCH_THRESHOLD)
        if hit is not None:
            return hit[0]
        found = authority_lookup(name)       # listed by office ("The Secretary"), named in prose
        if found and found[1] >= MATCH_THRESHOLD:
            return next((p for p in self.participants if self.listed[id(p)] == found[0].key), None)
        return None

    def in_room(self, ref: str) -> bool:
        """Is this agent one of the participants?"""
        return self.agent_of.get(ref) is not None

    def side(self, ref: str) -> str | None:
        p = self.agent_of.get(ref)
        return p.side if p is not None else None

    # -- where the persons are printed -----------------------------------------------------

    def person_at(self, start: int, end: int | None = None) -> tuple[int, int, str] | None:
        """The person mention starting at ``start`` (skipping blanks)."""
        while start < len(self.t.text) and self.t.text[start].isspace():
            start += 1
        for s, e, _m, ref in self.mentions:
            if s == start:
                return s, e, ref
        return None

    def person_ending(self, end: int) -> tuple[int, int, str] | None:
        for s, e, _m, ref in self.mentions:
            if e == end:
                return s, e, ref
        return None

    def speaker_before(self, pos: int) -> str | None:
        """Who speaks at ``pos``: the turn holding it, else the last participant named as a
        speaker before it."""
        for a, b, ref in self.turns:
            if a <= pos < b:
                return ref
        for s, _e, m, ref in reversed(self.mentions):
            if s < pos and m.role == "speaker" and self.in_room(ref):
                return ref
        return None

    def head(self, country: str) -> str | None:
        """A country for its head of government on the document's date (kg/data/offices.csv)."""
        return f"head:{country}" if head_of(country, self.doc_date) else None


def _complement(text: str, pos: int, limit: int = 14) -> int:
    """End of the prepositional complements after a document noun ("to X of October 27")."""
    m = re.match(r"\s+(?:to|of|on|in|for|by|from|with|between|about)\s", text[pos:pos + 200])
    if not m:
        return pos
    stop = _STOP.search(text, pos + m.end() - 1)
    end = stop.start() if stop else min(len(text), pos + 200)
    words = list(re.finditer(r"\S+", text[pos:end]))
    if len(words) > limit:
        end = pos + words[limit - 1].end()
    while end > pos and text[end - 1].isspace():
        end -= 1
    return end


@extractor(NAME, requires=(DocumentHeader, Participant, PersonMention, SpeakerTurn, Transmission,
                           Addressee), produces=(CitedDocument,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    ctx = _Context(t, found)
    text = t.text
    start_body = t.body_start
    cites: list[_Cite] = []

    def add(c: _Cite) -> None:
        if c.start < start_body:
            return
        if any(c.start < o.end and o.start < c.end and c.kind == o.kind for o in cites):
            return
        cites.append(c)

    # 1. possessive author: "the President's October 27 letter", "his own letter to ..."
    poss_re = re.compile(
        rf"(?P<who>\b(?:his|her|their|our)(?:\s+own)?|['’]s)\s+(?:(?P<day>{_DAYS})\s+)?"
        rf"(?:(?:own|latest|last|earlier|previous|published|public|recent)\s+)?(?P<noun>{_NOUN})\b")
    for m in poss_re.finditer(text):
        kind = KINDS[" ".join(m.group("noun").lower().split())]
        if kind in ("agreement", "correspondence"):
            continue
        who = m.group("who")
        if who.startswith(("'", "’")):
            person = ctx.person_ending(m.start())
            if person is None:
                continue
            start = person[0]
            authors, author = [person[2]], text[start:m.start()]
        else:
            start = m.start()
            pronoun = who.split()[0].lower()
            if pronoun == "our" or pronoun == "their":
                spk = ctx.speaker_before(m.start())
                side = ctx.side(spk or "")
                if pronoun == "their" or not side:
                    continue
                authors, author = [f"org:{delegation(side)}"], who
            else:
                spk = ctx.speaker_before(m.start())
                if spk is None:
                    continue
                authors, author = [spk], who
        end = _complement(text, m.end())
        phrase = text[start:end]
        c = _Cite(start, end, kind, authors, author)
        _fill(c, phrase, m.group("day"), ctx)
        own_voice = all(ctx.in_room(a) or a.startswith("org:") for a in authors)
        outside = any(not ctx.in_room(r) for r in c.recipients)
        if own_voice and not (m.group("day") or c.date_printed or outside):
            continue                                  # a remark made in the room
        add(c)

    # 2. two authors in a compound: "the Kennedy-Khrushchev agreement", "US-USSR correspondence"
    comp_re = re.compile(rf"(?:\bthe\s+)?(?P<a>[A-Z][A-Za-z.]+)-(?P<b>[A-Z][A-Za-z.]+)\s+(?P<noun>{_NOUN})\b")
    for m in comp_re.finditer(text):
        kind = KINDS[" ".join(m.group("noun").lower().split())]
        if kind not in ("agreement", "correspondence"):
            continue
        authors = []
        for g in ("a", "b"):
            if m.group(g) in NATIONS:
                k = ctx.head(NATIONS[m.group(g)])
            else:
                hit = ctx.person_at(m.start(g))
                k = hit[2] if hit else None
            if k:
                authors.append(k)
        if len(authors) != 2:
            continue
        c = _Cite(m.start(), m.end(), kind, authors, f"{m.group('a')}-{m.group('b')}")
        add(c)

    # 3. "(the published) messages by the President and Mr. Khrushchev",
    #    "the agreement reached between the President and Mr. Khrushchev"
    pair_re = re.compile(
        rf"\bthe\s+(?:published\s+)?(?P<noun>{_NOUN})(?:\s+reached)?\s+(?:by|between)\s+")
    for m in pair_re.finditer(text):
        kind = KINDS[" ".join(m.group("noun").lower().split())]
        a = ctx.person_at(m.end())
        if not a:
            continue
        am = re.match(r"\s+and\s+", text[a[1]:])
        b = ctx.person_at(a[1] + am.end()) if am else None
        if not b:
            # one author: only someone outside the room ("the statements by Mr. Khrushchev")
            if ctx.in_room(a[2]) or kind in ("agreement", "correspondence"):
                continue
            c = _Cite(m.start(), a[1], kind, [a[2]], text[a[0]:a[1]])
            _fill(c, text[m.start():_complement(text, a[1])], None, ctx)
            add(c)
            continue
        if kind in ("message", "letter"):
            kind = "correspondence"
        if kind not in ("agreement", "correspondence"):
            continue
        add(_Cite(m.start(), b[1], kind, [a[2], b[2]],
                  text[a[0]:b[1]]))

    # 4. an agent made or handed it over: "the US had made certain declarations and had
    #    submitted lists of items", "the Soviet Delegation had provided a list of ..."
    agent_re = re.compile(
        rf"(?P<agent>{_ORG_RE}|\bMr\.\s+[A-Z][a-z]+|(?<=\s)and)\s+had\s+(?P<verb>made|submitted|"
        rf"provided|given(?:\s+us)?|sent|issued|delivered|handed(?:\s+over)?|published)\s+"
        rf"(?P<det>(?:a|an|the|certain|some|several|its|his|their)\s+)?(?P<noun>{_NOUN})\b")
    last_agent: tuple[list[str], str] | None = None
    for m in agent_re.finditer(text):
        kind = KINDS[" ".join(m.group("noun").lower().split())]
        agent = m.group("agent")
        if agent == "and":
            if last_agent is None or m.start() - last_agent_end > 200:
                continue
            authors, author = last_agent
        else:
            org = AGENTS.get(agent_key(agent))
            if org:
                authors, author = [f"org:{org}"], agent
            else:
                hit = ctx.person_at(m.start())
                if not hit:
                    continue
                side = ctx.side(hit[2])
                authors = ([f"org:{delegation(side)}"] if side
                           else [hit[2]])
                author = agent
        last_agent, last_agent_end = (authors, author), m.end()
        start = m.start("agent") if agent != "and" else m.start("verb") - len("had ")
        end = _complement(text, m.end())
        add(_Cite(start, end, kind, list(authors), author))

    # 5. a dated act: "the Soviet Government, ..., had agreed to ... on October 29"
    act_re = re.compile(
        rf"(?P<agent>{_ORG_RE})(?:,[^,.;]{{0,120}},)?\s+had\s+(?P<verb>agreed|announced|declared|"
        rf"stated|proposed)\b[^.;]{{0,200}}?\bon\s+(?P<day>{_MONTH}\s+\d{{1,2}})")
    for m in act_re.finditer(text):
        org = AGENTS.get(agent_key(m.group("agent")))
        if not org:
            continue
        c = _Cite(m.start("verb") - len("had "), m.end(), "statement", [f"org:{org}"],
                  m.group("agent"))
        c.dates, c.date_printed = _days(m.group("day"), ctx.doc_date), m.group("day")
        add(c)

    # 6. an issue of a periodical, and what it contains
    issue_re = re.compile(
        rf"\b(?:the\s+)?(?P<day>{_MONTH}\s+\d{{1,2}})\W{{0,3}}\s*issue\s+of\s+(?:the\s+)?"
        rf"(?P<pub>[A-Z][A-Z&.' ]+[A-Z])")
    for m in issue_re.finditer(text):
        pub = " ".join(w if len(w) <= 3 and w.isupper() and w not in ("AND", "THE", "OF") else
                       w.capitalize() if w not in ("AND", "OF", "THE") else w.lower()
                       for w in m.group("pub").split())
        c = _Cite(m.start(), m.end(), "publication", [f"org:{pub}"], pub)
        c.dates, c.date_printed = _days(m.group("day"), ctx.doc_date), m.group("day")
        add(c)
        inner = re.match(rf"\s*,?\s*containing\s+(?P<det>an?\s+)?(?P<noun>interview|article|statement)"
                         rf"\s+(?:with|by)\s+", text[m.end():m.end() + 120])
        if inner:
            who = ctx.person_at(m.end() + inner.end())
            if who:
                s = m.end() + inner.start("det" if inner.group("det") else "noun")
                i = _Cite(s, who[1], KINDS[inner.group("noun")], [who[2]],
                          text[who[0]:who[1]])
                i.dates, i.date_printed = list(c.dates), c.date_printed
                add(i)

    # 7. anaphora: "that list", "this suggestion", "the agreement reached", "the final agreement"
    ana_re = re.compile(r"\b(?P<det>that|this|the)\s+(?P<mod>final\s+|existing\s+)?"
                        r"(?P<noun>list|suggestion|proposal|agreement|understanding)"
                        r"(?P<reached>\s+reached)?\b")
    for m in ana_re.finditer(text):
        kind = KINDS[m.group("noun")]
        if any(c.start <= m.start() < c.end for c in cites):
            continue
        if kind == "agreement":
            if not (m.group("mod") or m.group("reached")):
                continue
            # the one agreement the document cites: the resolver drops it when the agreements
            # cited have different authors
            pool = [c for c in cites if c.kind == "agreement"]
            if not pool:
                continue
            ref = pool[0]
        else:
            if m.group("det") == "the" and kind == "list":
                continue
            prior = [c for c in cites if c.kind == kind and c.end <= m.start()
                     and m.start() - c.end < 1500]
            if not prior:
                continue
            ref = max(prior, key=lambda c: c.end)
        add(_Cite(m.start(), m.end(), kind, list(ref.authors), ref.author,
                  list(ref.recipients), ref.recipient, list(ref.dates), ref.date_printed,
                  refers_back=True))

    cites.extend(_telegram_references(t, found, ctx))
    return _records(t, ctx, cites)


# --- telegram references ------------------------------------------------------------------
# The cable abbreviations of the Department: "Deptel 1745" (a Department telegram), "Embtel"
# (the embassy's), "Mytel"/"Ourtel" (the sender's own), "Urtel"/"Yourtel" (the addressee's),
# "Depcirtel" (a circular); also "Department's telegram 1745" and a post's "Moscow's 1084".
_TEL_ABBREVIATIONS = {"deptel": "department", "depcirtel": "department", "deptcirtel": "department",
                      "embtel": "embassy", "mytel": "sender", "ourtel": "sender",
                      "urtel": "addressee", "yourtel": "addressee"}
_TEL_RE = re.compile(
    r"\b(?:(?P<abbr>Deptel|Depcirtel|Deptcirtel|Embtel|Mytel|Ourtel|Urtel|Yourtel)s?\.?"
    r"|(?P<dept>Department['’]s|Dept['’]s)\s+(?:telegram|tel|cable)s?"
    r"|(?P<post>USUN|[A-Z][a-z]+)['’]s)"
    r"\s*(?:No\.\s*)?(?P<nums>\d{1,5}(?:(?:\s*,\s*|\s+and\s+)\d{1,5})*)\b", re.IGNORECASE)


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


def _telegram_references(t: Transcript, found: list[Record], ctx: _Context) -> list[_Cite]:
    transmission = next((r for r in found if isinstance(r, Transmission)), None)
    sender = _post_label(transmission.sender) if transmission else None
    to = next((r.name for r in found if isinstance(r, Addressee) and r.role in ("to", "action")), None)
    addressee = _post_label(to)
    year = ctx.doc_date.year if ctx.doc_date else None
    places = {p.casefold() for p in _known_posts()}
    out: list[_Cite] = []
    for m in _TEL_RE.finditer(t.text):
        if m.group("post") and m.group("post").casefold() not in places:
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
            author = _post_label(m.group("post"))
        for num in re.findall(r"\d{1,5}", m.group("nums")):
            c = _Cite(m.start(), m.end(), "telegram", [f"org:{author}"] if author else [],
                      author)
            who = _slug(author) if author else "unknown"
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


def _fill(c: _Cite, phrase: str, day: str | None, ctx: _Context) -> None:
    """Date, recipient and venue from the phrase ("to Mr. Khrushchev of October 27")."""
    d = day
    if not d:
        dm = re.search(rf"\b(?:of|on|dated)\s+(?P<d>{_DAYS}|{_REL_RE})", phrase)
        d = dm.group("d") if dm else None
    if not d:
        dm = re.search(rf"\b(?P<d>{_REL_RE})['’]s\b", phrase)
        d = dm.group("d") if dm else None
    if d:
        c.dates, c.date_printed = _days(d, ctx.doc_date), " ".join(d.split())
    tm = re.search(r"\bto\s+", phrase)
    if tm:
        who = ctx.person_at(c.start + tm.end())
        if who:
            c.recipients, c.recipient = [who[2]], ctx.t.text[who[0]:who[1]]
    vm = re.search(r"\bin\s+the\s+(?P<v>Security\s+Council|General\s+Assembly)", phrase)
    if vm and not c.recipients:
        label = _VENUES[" ".join(vm.group("v").lower().split())]
        c.recipients, c.recipient = [f"org:{label}"], vm.group("v")


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
    return (qs, qe) if qe > qs else None


def _records(t: Transcript, ctx: _Context, cites: list[_Cite]) -> list[Record]:
    cites.sort(key=lambda c: c.start)
    out: list[Record] = []
    starts = [c.start for c in cites]
    for i, c in enumerate(cites):
        stop = starts[i + 1] if i + 1 < len(cites) else len(t.text)
        q = _quotation(t, c.end, min(stop, c.end + 600))
        quotes = (t.span(*q),) if q else ()
        span = t.span(c.start, c.end)
        for day in c.dates:
            out.append(CitedDocument(
                evidence=(span,), extractor=NAME, kind=c.kind, author=c.author,
                recipient=c.recipient, date=day or None, quotations=quotes, key=c.key,
                authors=tuple(c.authors), recipients=tuple(c.recipients),
                phrase=" ".join(t.text[c.start:c.end].split()), date_printed=c.date_printed,
                number=c.number, refers_back=c.refers_back))
    return out
