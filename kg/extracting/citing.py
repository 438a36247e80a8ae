"""The document as the citation rules see it (kg.extracting.citations): the person mentions,
who holds the floor where, who is in the room, the sentences, and the agents a phrase prints.

Not an extractor.  A cited document's agents are recorded as references to what is printed -
``mention:<raw offset>`` (the person mention starting there), ``speaker:<name as listed>`` (the
participant holding the floor), ``head:<side>`` (a country for its head of government),
``org:<label>`` (a body: "the Soviet Government", "the German Bundestag") - and the resolver
says who they are (kg.resolving.citations).  Whether an agent is one of the participants is read
from the participants list, as the turns extractor reads it.
"""
from __future__ import annotations

import operator
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date

from kg.extracting.discourse import sentences, turn_spans
from kg.extracting.relative_dates import MONTH, find_dates
from kg.lexicon.alternation import Prefiltered
from kg.lexicon.authority import MATCH_THRESHOLD, authority_lookup, head_of, holder, office_of, post_office
from kg.lexicon.documents import NOUN_ALT, VERB_ALT
from kg.lexicon.matching import best_match, surname
from kg.lexicon.nations import AGENT_FORMS, AGENTS, FORMS, agent_key
from kg.lexicon.titles import title_key
from kg.reading.transcript import Transcript
from kg.records import DocumentHeader, Drafter, Participant, PersonMention, Record

ABBREVIATION_END = re.compile(r"(?:\b(?:Mr|Mrs|Messrs|Dr|Amb|Gen|Sec|Gov|Sen|St|No|Jr|Sr|etc|"
                               r"U\.S|U\.N|U\.S\.S\.R|U\.K)|(?<![A-Za-z])(?<!Article\s)[A-Z])$")
CLAUSE_END = re.compile(r"[;:!?()\"“”]|,|\.(?=\s|$)|\s(?:but|whereas|although|though|while|because|and\s+as|"
                         r"and\s+had|"
                         r"and\s+yet|and\s+that|and\s+(?:he|she|they|we|it)\s)\b|\s—|—")
MAX_WORDS = 26
# after a possessor: the document he owns ("'s October 27 letter", "'s plan")
_OWNED_DOCUMENT = re.compile(rf"(?:['’]s|['’])?\s+(?:[\w.-]+\s+){{0,3}}?(?:{NOUN_ALT})(?![\w-])", re.IGNORECASE)


_NO_PROSE = re.compile(r"\s*(?:SUBJECT|SUBJ|PARTICIPANTS?|Drafted\s+by|TITLE)\b")
_NO_PROSE_LINES = Prefiltered(_NO_PROSE)          # lines that print one of its words
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _letters(text: str) -> tuple[int, int]:
    """How many letters ``text`` has, and how many of them are lower case (``str.isalpha``,
    ``str.islower``), counted in C for the ASCII letters (its ASCII bytes less all but the
    lower-case or the capital letters: three passes, not one for each letter; a long OCR
    text has a million)."""
    ascii_bytes = text.encode("ascii", "ignore")
    lower = len(ascii_bytes.translate(None, _NOT_LOWER))
    letters = lower + len(ascii_bytes.translate(None, _NOT_UPPER))
    for c in _NON_ASCII.findall(text):
        if c.isalpha():
            letters += 1
            lower += c.islower()
    return letters, lower


_NOT_LOWER = bytes(b for b in range(256) if not (97 <= b <= 122))
_NOT_UPPER = bytes(b for b in range(256) if not (65 <= b <= 90))


def _any_within(sorted_offsets: list[int], start: int, end: int) -> bool:
    """Some offset of the sorted list lies in [start, end)."""
    k = bisect_left(sorted_offsets, start)
    return k < len(sorted_offsets) and sorted_offsets[k] < end


def skipped_lines(t: Transcript, listed: list[int], every_line: bool = False) -> list[tuple[int, int]]:
    """The lines (``(start, end)``, in order) that are no prose: those that hold one of the
    ``listed`` reading offsets (a participant's or drafter's entry) and those that open with a
    header's label ("SUBJECT:", "PARTICIPANTS:", "Drafted by").

    Only the lines that print a label's words, and the line of each listed offset (by
    bisection), are looked at, when the lines run in order without overlap (a reader's lines
    do); ``every_line``: each line looked at, the plain scan this is tested against."""
    lines = t.lines
    listed = sorted(listed)
    starts = [ln.start for ln in lines]
    labelled = _NO_PROSE_LINES.lines(t.text, starts)       # None: any line may
    ends = [ln.end for ln in lines]
    in_order = all(map(operator.le, starts, ends)) and all(map(operator.le, ends[:-1], starts[1:]))
    if every_line or labelled is None or not in_order:
        return [(ln.start, ln.end) for i, ln in enumerate(lines)
                if _any_within(listed, ln.start, ln.end)
                or (labelled is None or i in labelled) and _NO_PROSE.match(t.text, ln.start, ln.end)]
    taken = {i for i in labelled if _NO_PROSE.match(t.text, starts[i], ends[i])}
    for at in listed:
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < ends[i]:
            taken.add(i)
    return [(starts[i], ends[i]) for i in sorted(taken)]


class _Containing:
    """The first of a list of stretches [a, b) that holds an offset, found by bisection when the
    stretches run in order without overlap (sentences, lines), else by scanning them all."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = [(a, b) for a, b in spans if a < b]      # an empty stretch holds nothing
        self.ordered = all(b <= a2 for (_, b), (a2, _) in zip(self.spans, self.spans[1:]))
        self.starts = [a for a, _ in self.spans]

    def find(self, pos: int) -> tuple[int, int] | None:
        if not self.ordered:
            return next(((a, b) for a, b in self.spans if a <= pos < b), None)
        k = bisect_right(self.starts, pos) - 1
        if k >= 0 and pos < self.spans[k][1]:
            return self.spans[k]
        return None


@dataclass
class Cite:
    start: int                      # reading offsets of the in-text phrase
    end: int
    kind: str
    family: str = ""
    authors: list[str] = field(default_factory=list)
    author: str | None = None
    recipients: list[str] = field(default_factory=list)
    recipient: str | None = None
    dates: list[str] = field(default_factory=lambda: [""])
    date_printed: str | None = None
    key: str | None = None
    number: str | None = None
    refers_back: bool = False
    qualifier: str | None = None    # what sets an undated document apart ("in Los Angeles")
    origin: str = "noun"            # noun | clause | anaphor | telegram
    head: tuple[int, int] = (0, 0)  # the document noun (noun phrases)
    by_of: bool = False             # reached through "of" from another document noun
    members: int = 0                # a set of alternatives: how many ("the three alternative drafts")
    member: int = 0                 # one of them ("the first alternative")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def side_of(printed: str) -> str | None:
    """The side any printed form names ("the Cuban Government" -> Cuba), in any case."""
    key = " ".join(printed.split()).casefold()
    return next((side for form, side in FORMS.items() if form.casefold() == key), None)


def government(side: str) -> str:
    """The body that acts for a side ("USSR" -> "Soviet Government")."""
    for form, label in AGENTS.items():
        if label.endswith("Government") and side_of(form.removeprefix("the ")) == side:
            return label
    return f"{side} Government"


class CitingContext:
    """The document as the citation rules see it, as printed: the person mentions by reading
    offset, who holds the floor where, the participants and their sides, the sentences.

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
        self.doc_date: date | None = header.date if header else None
        self.doc_place = header.place if header else None
        self.participants = [p for p in found if isinstance(p, Participant)]
        self.listed = {id(p): self._entry_key(p) for p in self.participants}
        drafters = [self._participant(d.name, None) for d in found
                    if isinstance(d, Drafter) and d.role == "drafter" and d.name]
        sides = {p.side for p in drafters if p is not None and p.side}
        self.drafter_side: str | None = sides.pop() if len(sides) == 1 else None
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
        # a transcription in capitals (telegraphese, OCR of cables) shows no proper names by case
        letters, lower = _letters(t.text[t.body_start:])
        self.mixed_case = bool(letters) and lower > 0.3 * letters
        self.paragraphs = [(a, b) for a, b in t.paragraphs if b > t.body_start] or [(t.body_start, len(t.text))]
        # lines of the header and of the participants list are no prose, wherever the reader
        # put the body's start ("SUBJECT: Outer Space Agreement")
        listed = [t.reading_offset(r.evidence[0].start) for r in found
                  if isinstance(r, (Participant, Drafter)) and r.evidence]
        self.skipped = skipped_lines(t, listed)
        self.sentences = [(s.start, s.end) for a, b in self.paragraphs for s in sentences(t, a, b)]
        self._in_sentence = _Containing(self.sentences)
        self._in_paragraph = _Containing(self.paragraphs)

    @cached_property
    def _in_line(self) -> _Containing:
        # asked only of an offset outside every sentence: most documents never ask
        return _Containing([(ln.start, ln.end) for ln in self.t.lines])

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

    def prose(self, pos: int) -> bool:
        """Is ``pos`` in the body's prose (not the header, not a participants list)?"""
        return pos >= self.t.body_start and not any(a <= pos < b for a, b in self.skipped)

    def in_room(self, ref: str) -> bool:
        """Is this agent one of the participants?"""
        return self.agent_of.get(ref) is not None

    def outside(self, ref: str) -> bool:
        """An agent who is not in the room: a person no participant, or a body ("the Soviet
        Government"), which acts through documents."""
        return not self.in_room(ref) and not ref.startswith("speaker:")

    def our_side(self, pos: int) -> str | None:
        """Whose "we" and "our" are at ``pos``.  A memorandum reports the talk in the third
        person in the drafter's words, so "Mr. Kosygin said that our proposals ..." are the
        drafter's side's; only when the drafter is not among the participants (or not named)
        is it the side of the one who holds the floor."""
        return self.drafter_side or self.side(self.speaker_before(pos) or "")

    def side(self, ref: str) -> str | None:
        p = self.agent_of.get(ref)
        return p.side if p is not None else None

    # -- where the persons are printed -----------------------------------------------------

    def person_at(self, start: int) -> tuple[int, int, str] | None:
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

    def subject_before(self, pos: int) -> str | None:
        """Whom "he" or "his" at ``pos`` stands for: the last person named as the subject of a
        clause earlier in the sentence ("the Secretary had reported to him on his
        conversations"), else the one who holds the floor."""
        floor = self.sentence(pos)[0]
        for s, e, _m, ref in reversed(self.mentions):
            if s < floor:
                break
            if e <= pos and re.match(rf"\s+(?:(?:also|then|just|had|has|was|would|could|did|"
                                     rf"not)\s+)*(?:had|has|was|were|is|would|could|did|"
                                     rf"[a-z]+ed|said|told|thought|felt|knew|saw|made|{VERB_ALT})\b",
                                     self.t.text[e:e + 40]):
                return ref
        # "Mr. McNamara's plan provided for ...; just recently, he had announced ...": the
        # person whose document the sentence is about
        # (an owner of a document, not of anything: "refresh Ambassador Stevenson's memory what
        # he had said yesterday" is the speaker's)
        owners = [ref for s, e, m, ref in self.mentions if floor <= s and e <= pos and m.possessive
                  and _OWNED_DOCUMENT.match(self.t.text, e)]
        if owners:
            return owners[-1]
        return self.speaker_before(pos)

    def head(self, country: str) -> str | None:
        """A country for its head of government on the document's date (kg/data/offices.csv)."""
        return f"head:{country}" if head_of(country, self.doc_date) else None

    def sentence(self, pos: int) -> tuple[int, int]:
        # outside the paragraphs the reader found (a form, a list): the line is the sentence
        return self._in_sentence.find(pos) or self._in_line.find(pos) or (pos, pos)

    def paragraph(self, pos: int) -> tuple[int, int]:
        return self._in_paragraph.find(pos) or (pos, pos)

    def dates(self, text: str) -> tuple[list[str], str | None]:
        """The dates a stretch of text gives (one per day printed), and the words that give
        them; [""] when it gives none."""
        found = find_dates(text, self.doc_date)
        if not found:
            return [""], None
        return list(found[0].iso), " ".join(found[0].printed.split())


# --- agents as printed ------------------------------------------------------------------

# the forms that name a side as a body: those the table gives an agent, and the "... Government"s
_ORG_FORMS = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(
    set(AGENT_FORMS) | {f for f in FORMS if f.endswith(("Government", "Delegation")) or f == "Soviets"},
    key=len, reverse=True))
# a side acting as a body ("the U.S. and the U.S.S.R."), not a side's people ("the U.S. businessmen")
ORG_RE = re.compile(rf"(?:[Tt]he\s+)?(?P<form>{_ORG_FORMS})(?![\w.])(?!\s+(?!(?:and|or|on|in|of|to|"
                     rf"had|has|was|were|is|would|could|did|for|with|at|by|that|which)\b)[a-z])")
# a body or place named in capitals: "the Council of Ministers", "the German Bundestag", "Hanoi"
NAMED_BODY_RE = re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w.’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.’'-]*){0,5})"
                            r"(?![\w.’'-])(?!\s+(?!(?:and|or|on|in|of|to|had|has|was|were|is|would|could|did|for|"
                            r"with|at|by|that|which|who|during|after|before|since|until|over|from|"
                            r"through|about|concerning|regarding|as|but|when|while|[a-z]+ed)\b)[a-z])")


def org_label(form: str) -> str:
    """The body a side's form names as an agent: "US" -> "US Government" (data), "the Cuban
    Government" as printed, "Soviets" -> the side's government."""
    form = " ".join(form.split())
    found = AGENTS.get(agent_key(f"the {form}"))
    if found:
        return found
    if form.endswith(("Government", "Delegation")):
        return form
    side = side_of(form)
    return government(side) if side else form


def agent_at(ctx: CitingContext, pos: int, end: int) -> tuple[int, int, str] | None:
    """The agent printed at ``pos``: a person mention, a side acting as a body, a named body."""
    text = ctx.t.text
    while pos < end and text[pos].isspace():
        pos += 1
    hit = ctx.person_at(pos)
    if hit:
        return hit
    m = ORG_RE.match(text, pos, end)
    if m and re.fullmatch(r"(?:the\s+)?[A-Z].*", m.group(0), re.S):
        label = org_label(m.group("form"))
        return m.start(), m.end(), f"org:{label}"
    if ctx.mixed_case:
        m = NAMED_BODY_RE.match(text, pos, end)
        if m and not re.match(rf"{MONTH}\b", m.group("name")):
            name = m.group("name").rstrip(".,")
            return m.start(), m.start("name") + len(name), f"org:{name}"
    return None


def agents_at(ctx: CitingContext, pos: int, end: int) -> list[tuple[int, int, str]]:
    """Agents in a row: "Brezhnev, Kosygin, and Mikoyan", "the U.S. and the U.S.S.R."."""
    out = []
    while True:
        hit = agent_at(ctx, pos, end)
        if hit is None:
            break
        out.append(hit)
        m = re.match(r"\s*(?:,\s*and|,|and)\s+(?!(?:that|which|who|he|she|they|we|it)\b)", ctx.t.text[hit[1]:end])
        if not m:
            break
        pos = hit[1] + m.end()
    return out


def cut_at(text: str, pos: int, stop: int, pattern: re.Pattern) -> int:
    """The first place at or after ``pos`` where ``pattern`` ends a stretch, a title's or an
    initial's full stop not counting ("the U.S. and the U.S.S.R.", "Mr. Fisher")."""
    for cut in pattern.finditer(text, pos, stop):
        if text[cut.start()] == "." and ABBREVIATION_END.search(text[max(pos - 12, 0):cut.start()]):
            continue
        return cut.start()
    return stop


def clause_end(text: str, pos: int, stop: int) -> int:
    """The end of the clause that goes on at ``pos``: the next comma, semicolon, full stop or
    coordinating "but" (a title's full stop does not end it), at most a few dozen words."""
    end = stop
    for cut in CLAUSE_END.finditer(text, pos, stop):
        if text[cut.start()] == "." and ABBREVIATION_END.search(text[max(pos, cut.start() - 12):cut.start()]):
            continue
        end = cut.start()
        break
    words = list(re.finditer(r"\S+", text[pos:end]))
    if len(words) > MAX_WORDS:
        end = pos + words[MAX_WORDS - 1].end()
    while end > pos and text[end - 1] in " ,":
        end -= 1
    return end


