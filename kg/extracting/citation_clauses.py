"""Documents cited by a clause that reports an earlier act of saying, proposing, writing or
meeting: "Khrushchev had remarked that ...", "The President had formerly informed Mr. Gromyko",
"he had had many talks with Adenauer", "the US had submitted lists of items", "As he pointed
out to Mr. Kosygin at Mr. Nehru's funeral", "He also recalled meeting Mr. Khrushchev in
Geneva"; oral messages conveyed at the meeting ("to convey ... greetings and best wishes from
Brezhnev, Kosygin, and Mikoyan"); and the things agreed on in a row ("Agreement had been
reached on the hot line, on the Limited Test Ban, and the Consular Convention").

Not an extractor: the citations extractor (kg.extracting.citations) calls `reported_acts()`,
`greetings()` and `agreed_on()`.  The verbs are data (kg/data/citing_verbs.csv).  In a
memorandum, an act reported in the pluperfect is an earlier occasion only when something sets
it apart from this conversation: an actor or party outside the room, a time ("formerly", "two
days ago", "at one of the last meetings"), a document handed over; "what he had said on this
point" is this conversation.
"""
from __future__ import annotations

import re

from kg.extracting.citing import (CLAUSE_END, Cite, CitingContext, ORG_RE, agent_at, agents_at, clause_end,
                                  government, org_label)
from kg.lexicon.alternation import CaseFolded, word_start
from kg.lexicon.documents import NOUN_ALT, VERB_ALT, noun, verb
from kg.lexicon.nations import delegation

# --- clauses reporting an earlier act ---------------------------------------------------------

_ADVERBS = (r"(?:also|just|already|formerly|previously|earlier|recently|once|repeatedly|often|"
            r"originally|clearly|publicly|personally|specifically|even|then|first|never|always|"
            r"on\s+(?:one|several|numerous|many|various)\s+occasions?|\d+\s+\w+\s+ago|"
            r"(?:two|three|four|five|a\s+few|several)\s+(?:days|weeks|months|years)\s+ago)")
# searched in the whole body: plainly, in the lower-cased text (kg.lexicon.alternation)
_PLUPERFECT_RE = CaseFolded(
    rf"(?:{word_start('had')})(?:\s+{_ADVERBS})*\s+(?:(?P<passive>been)\s+)?(?P<verb>{VERB_ALT})(?![\w-])")
# what makes an act reported in the pluperfect an earlier occasion, not a remark of this one
_ANCHOR_RE = re.compile(
    r"\b(?:formerly|previously|earlier(?!\s+(?:in|at)\s+(?:the|this)\s+(?:conversation|meeting|"
    r"discussion|talk))|recently|once|originally|on\s+(?:one|several|numerous|many|various)\s+occasions?|"
    r"some\s+time\s+ago|ago|last\s+(?:week|month|year|night|time)|yesterday|at\s+one\s+of\s+the\s+"
    r"(?:last|previous|recent)|at\s+(?:the|his|their)\s+(?:last|previous)|in\s+the\s+past|"
    r"on\s+the\s+[A-Z][\w.\s]{1,40}?floor|in\s+(?:the\s+)?(?:Security\s+Council|General\s+Assembly)|"
    r"(?:earlier\s+)?this\s+year|before\s+the\s+(?:war|meeting)|at\s+the\s+time)\b",
    re.IGNORECASE)
_IN_ROOM_NOW = re.compile(r"\b(?:earlier\s+(?:in|at)\s+(?:the|this)\s+(?:conversation|meeting|"
                          r"discussion)|a\s+moment\s+ago|just\s+now|earlier\s+today|at\s+this\s+"
                          r"meeting|in\s+this\s+conversation|a\s+few\s+minutes\s+ago|"
                          r"(?:many|several)\s+times|on\s+this\s+(?:point|subject|question|matter|"
                          r"score))\b", re.IGNORECASE)
_SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i"}


def _named_subject(ctx: CitingContext, floor: int, end: int) -> tuple[int, list[str], str] | None:
    """A person or a body printed right before ``end``."""
    text = ctx.t.text
    hit = ctx.person_ending(end)
    if hit:
        return hit[0], [hit[2]], text[hit[0]:hit[1]]
    for om in ORG_RE.finditer(text, floor, end):
        if om.end() == end and om.group(0)[:1].isupper() or (om.end() == end and om.group(0)[:4] == "the "):
            return om.start(), [f"org:{org_label(om.group('form'))}"], om.group(0)
    # "the foreign minister of India": an office of a country, named by neither
    om = re.search(r"(?:^|\s)(?P<o>the\s+(?:foreign|prime|defense|defence)\s+minister\s+of\s+[A-Z][a-z]+)$",
                   text[floor:end], re.IGNORECASE)
    if om:
        return floor + om.start("o"), [f"org:{om.group('o')[4:].strip()}"], om.group("o")
    return None


def _subject(ctx: CitingContext, had: int, floor: int) -> tuple[int, list[str], str] | None:
    """The subject of the act reported at ``had``: (start, agents, as printed)."""
    text = ctx.t.text
    window = text[floor:had]
    trimmed = window.rstrip(" ,")
    trimmed = re.sub(r"(?:\s+(?:also|just|personally|themselves|himself|then|both|all|"
                     r"recently|formerly|previously|already))+$", "", trimmed).rstrip(" ,")
    # "the Cuban Government, and Fidel Castro personally, had ...": the first of the row;
    # "the Soviet Government, in its reply to U Thant, had ...": the subject before the aside
    if window.rstrip(" ").endswith(","):
        aside = re.search(r",[^,]{1,80}$", trimmed)
        if aside:
            found = _named_subject(ctx, floor, floor + aside.start())
            if found:
                return found
    end = floor + len(trimmed)
    found = _named_subject(ctx, floor, end)
    if found:
        return found
    m = re.search(r"(?:^|\s)(?P<p>he|she|they|we|I)$", trimmed, re.IGNORECASE)
    if not m:
        return None
    p = m.group("p").lower()
    at = floor + m.start("p")
    if p in ("he", "she"):
        who = ctx.subject_before(at)
        return (at, [who], m.group("p")) if who else None
    spk = ctx.speaker_before(at)
    if p == "i":
        return (at, [spk], "I") if spk else None
    if p == "we":
        side = ctx.our_side(at)
        return (at, [f"org:{government(side)}"], "we") if side else None
    # "they": the one who speaks and the last person named before
    others = [ref for s, e, _m, ref in ctx.mentions if floor <= s and e <= at and ref != spk]
    return (at, [a for a in (spk, others[-1] if others else None) if a], "they") if spk else None


# searched in the whole body: each opens with its words (kg.lexicon.alternation.word_start, for
# \b and the words), so that re skips to their first letters
_RECALLED_RE = re.compile(rf"(?:{word_start('recalled')})\s+(?:his\s+|their\s+)?"
                          r"(?P<verb>meeting|talking\s+with|seeing|visiting)\s+")
_AS_HE_TOLD_RE = re.compile(rf"(?:{word_start('As', 'as')})\s+(?P<p>he|she|we)\s+(?P<verb>pointed\s+out|told|"
                            r"said|explained|informed|assured|stressed)\s+(?:to\s+)?")
# "[Aa]greements?": the plural first, as the greedy "s?" tries it
_AGREED_ON_RE = re.compile(
    rf"(?:{word_start('Agreements', 'Agreement', 'agreements', 'agreement', 'Understandings', 'Understanding', 'understandings', 'understanding')})"
    r"\s+(?:had\s+been|has\s+been|was|were)\s+(?:reached|concluded|signed)\s+on\s+")


def reported_acts(ctx: CitingContext) -> list[Cite]:
    """Earlier acts reported in the pluperfect ("Khrushchev had remarked that ...") or told to
    someone outside the room ("As he pointed out to Mr. Kosygin at ...")."""
    text = ctx.t.text
    out: list[Cite] = []
    for m in _PLUPERFECT_RE.finditer(text, ctx.t.body_start):
        v = verb(text[m.start("verb"):m.end("verb")])
        if v is None or not ctx.prose(m.start()):
            continue
        s_start, s_end = ctx.sentence(m.start())
        clause_floor = s_start
        for cm in re.finditer(r"[,;:]\s|\b(?:that|whether|when|and|but|if|as|since|because)\s", text[s_start:m.start()]):
            clause_floor = s_start + cm.end()
        subj = _subject(ctx, m.start(), max(s_start, clause_floor - 90))
        coordinated = False
        if subj is None:
            # "the US had made certain declarations and had submitted lists": the same subject
            prev = next((c for c in reversed(out) if c.end <= m.start() and m.start() - c.end < 200
                         and ctx.sentence(c.start) == (s_start, s_end)), None)
            if prev is None or not re.search(r"\band\s*$", text[prev.end:m.start()]):
                # "he had gone to Bonn and had talked with Adenauer"
                prior = list(re.finditer(r"\bhad\b", text[s_start:m.start()]))
                if not prior or not re.search(r"\band\s*$", text[s_start:m.start()]):
                    continue
                subj = _subject(ctx, s_start + prior[-1].start(), s_start)
                if subj is None:
                    continue
            else:
                subj = (m.start(), list(prev.authors), prev.author or "")
                coordinated = True
        start = subj[0] if not coordinated else m.start()
        end = clause_end(text, m.end(), s_end)
        clause = text[start:end]
        rest = text[m.end():end]
        passive = bool(m.group("passive"))
        kind, authors, recipients, recipient = v.kind, list(subj[1]), [], None
        doc = None
        if v.takes == "document":
            dm = re.match(rf"\s+(?:us\s+|him\s+|them\s+)?(?:(?:a|an|the|certain|some|several|its|his|their|our|many|numerous)\s+)?"
                          rf"(?:[\w-]+\s+){{0,3}}?(?P<n>{NOUN_ALT})(?![\w-])", rest, re.IGNORECASE)
            if not dm:
                continue
            doc = noun(dm.group("n"))
            if v.form == "had" and doc.family != "occasion":
                continue
            kind = doc.kind
        if v.takes == "request" and not re.match(r"\s+(?:for|that|to\s+[a-z])", rest) and \
                not re.match(r"\s+\S+(?:\s+\S+)?\s+to\s+[a-z]", rest):
            continue
        if passive:
            bm = re.match(r"\s+by\s+", rest)
            if not bm or v.takes not in ("addressee",):
                continue
            by = agents_at(ctx, m.end() + bm.end(), end)
            if not by:
                continue
            recipients, recipient = list(authors), subj[2]
            authors = [by[0][2]]
        elif v.takes in ("addressee", "partner"):
            am = re.match(r"\s+(?:to\s+|with\s+)?", rest)
            who = agents_at(ctx, m.end() + am.end(), end) if am else []
            if not who:
                wm = re.search(r"\b(?:to|with)\s+", rest)
                who = agents_at(ctx, m.end() + wm.end(), end) if wm else []
            if who:
                # telling someone in person is a conversation with him; writing is a letter
                if v.takes == "partner" or kind == "conversation" or (
                        v.form not in ("written", "wrote") and not who[0][2].startswith("org:")):
                    kind = "conversation"
                    authors += [w[2] for w in who if w[2] not in authors]
                else:
                    recipients, recipient = [who[0][2]], text[who[0][0]:who[0][1]]
        if doc is not None and doc.family in ("occasion", "instrument"):
            # "had had many talks with Adenauer", "had concluded a military agreement ... with Syria"
            wm = re.search(r"\bwith\s+", rest)
            who = agents_at(ctx, m.end() + wm.end(), end) if wm else []
            authors += [w[2] for w in who if w[2] not in authors]
        # anchors: the act lies outside this conversation
        # a time fronted in the clause anchors it, not one of another clause of the sentence
        # ("yesterday Mr. Kuznetsov had indicated ...; today, Mr. Kuznetsov had indicated ...")
        head_start = max([s_start] + [s_start + x.end() for x in re.finditer(r";", text[s_start:start])])
        anchor = _ANCHOR_RE.search(text[head_start:start] + " " + clause) and not _IN_ROOM_NOW.search(text[head_start:end])
        pronoun = (subj[2] or "").lower() in _SUBJECT_PRONOUNS
        outside_actor = not pronoun and any(ctx.outside(a) for a in authors[:1])
        other_party = any(ctx.outside(r) for r in recipients + authors[1:])
        told_someone = bool(recipients or len(authors) > 1) and v.takes in ("addressee", "partner")
        handed_over = doc is not None and doc.family in ("text", "law") and v.form != "made"
        if _IN_ROOM_NOW.search(text[head_start:end]):
            continue
        if not ctx.participants and not handed_over:
            continue                    # no conversation: no earlier act to set apart from it
        if not (anchor or outside_actor or other_party or told_someone or handed_over):
            continue
        if re.match(r"\s+(?:nothing|no\b)", rest):
            continue
        # a fronted time or occasion that sets the act apart belongs to the phrase
        fm = re.search(r"(?:^|[,;]\s+|\bthat\s+)(?P<f>(?:(?:just|about|some)\s+)?(?:(?:\w+\s+){1,3}ago|at\s+one\s+of\s+the\s+\w+\s+meetings|"
                       r"on\s+the\s+[A-Z][\w.\s]{1,40}?floor|recently|earlier\s+this\s+year|"
                       r"(?:about\s+)?a\s+year\s+ago))\s*,?\s*$", text[s_start:start], re.IGNORECASE)
        if fm:
            start = s_start + fm.start("f")
        if re.search(r"\bwhat\s*$", text[max(s_start, start - 6):start]):
            start = start - len(re.search(r"what\s*$", text[max(s_start, start - 6):start]).group(0))
        # a time inside what the act was about is not its time ("a list of ships leaving
        # Havana today")
        when = re.sub(r"\b([a-z]+ing\s+(?:[^\s/]+[\s/]+){0,2})(?:today|tonight|tomorrow)\b", r"\1",
                      text[s_start:end])
        dates, printed = ctx.dates(when)
        if handed_over and not pronoun and ctx.side(authors[0]):
            # a participant hands over his side's paper: "Mr. Kuznetsov had given us a list"
            authors = [f"org:{delegation(ctx.side(authors[0]))}"]
        c = Cite(start, end, kind, doc.family if doc else "", authors, subj[2], recipients, recipient,
                  dates, printed, origin="clause", head=(m.start("verb"), m.end("verb")))
        if re.search(r"\balso\b", m.group(0)) and dates == [""]:
            # "The Soviet Government ... had agreed to ... on October 29. The Soviet Union had
            # also stated its readiness ...": the same act goes on, in the same document
            prev = next((o for o in reversed(out) if o.kind == kind and o.authors == authors
                         and o.dates != [""] and s_start - o.end < 400), None)
            if prev is not None:
                c.dates, c.date_printed = list(prev.dates), prev.date_printed
        out.append(c)
    # a meeting recalled: "He also recalled meeting Mr. Khrushchev in Geneva"
    for m in _RECALLED_RE.finditer(text[ctx.t.body_start:]):
        at = ctx.t.body_start + m.end()
        who = agents_at(ctx, at, ctx.sentence(at)[1])
        if not who or not ctx.prose(at):
            continue
        s_start, s_end = ctx.sentence(at)
        start = ctx.t.body_start + m.start("verb")
        end = clause_end(text, who[-1][1], s_end)
        spk = ctx.subject_before(start)
        dates, printed = ctx.dates(text[start:end])
        out.append(Cite(start, end, "conversation", "occasion", [a for a in [spk] + [w[2] for w in who] if a],
                         text[who[0][0]:who[-1][1]], dates=dates, date_printed=printed, origin="clause",
                         head=(start, start + len(m.group("verb")))))
    # an act told to someone outside the room, in the simple past: "As he pointed out to Mr.
    # Kosygin at Mr. Nehru's funeral in New Delhi"
    for m in _AS_HE_TOLD_RE.finditer(text[ctx.t.body_start:]):
        at = ctx.t.body_start + m.end()
        if not ctx.participants or not ctx.prose(at):
            continue
        who = agents_at(ctx, at, ctx.sentence(at)[1])
        if not who or not ctx.outside(who[0][2]) or who[0][2].startswith("org:"):
            continue
        s_start, s_end = ctx.sentence(at)
        start = ctx.t.body_start + m.start()
        end = clause_end(text, who[0][1], s_end)
        spk = ctx.subject_before(start)
        if spk is None:
            continue
        dates, printed = ctx.dates(text[start:end])
        out.append(Cite(start, end, "conversation", "occasion", [spk, who[0][2]], m.group("p"),
                         dates=dates, date_printed=printed, origin="clause",
                         head=(ctx.t.body_start + m.start("verb"), ctx.t.body_start + m.end("verb"))))
    # "they had had an interesting conversation in which Adenauer had made some reassuring
    # statements": what was said in it is part of the conversation
    return [c for c in out if not any(o is not c and o.start <= c.start and c.end <= o.end
                                      and (o.start, o.end) != (c.start, c.end) for o in out)]



# --- oral messages --------------------------------------------------------------------------

_GREETINGS_RE = re.compile(
    r"\b(?P<v>(?:had\s+)?instructions\s+from\s+|convey(?:ed)?\s+|extend(?:ed)?\s+|bring\s+|brought\s+|"
    r"transmit(?:ted)?\s+|pass(?:ed)?\s+on\s+)(?P<rest>[^.;]{0,160}?)\bgreetings\b", re.IGNORECASE)
_GREETINGS_WORD = re.compile(r"greetings", re.IGNORECASE)


def greetings(ctx: CitingContext) -> list[Cite]:
    """An oral message conveyed at the meeting: "he had instructions from Khrushchev to convey
    his cordial greetings", "to convey to the President greetings and best wishes from
    Brezhnev, Kosygin, and Mikoyan".  The sender is its author; it was given shortly before
    the meeting (the document's month)."""
    text = ctx.t.text
    out = []
    if not _GREETINGS_WORD.search(text, ctx.t.body_start):
        return out                     # every match prints the word; the pattern is slow to fail
    for m in _GREETINGS_RE.finditer(text, ctx.t.body_start):
        if not ctx.prose(m.start()):
            continue
        s_start, s_end = ctx.sentence(m.start())
        if re.search(r"\b(?:would|will|shall)\b[^.;]{0,40}$", text[s_start:m.start()]):
            continue                                     # a message still to be conveyed
        end = clause_end(text, m.end(), s_end)
        senders = []
        fm = re.search(r"\bfrom\s+", text[m.start():end])
        if fm:
            senders = agents_at(ctx, m.start() + fm.end(), s_end)
            if senders:
                end = max(end, clause_end(text, senders[-1][1], s_end) if text[senders[-1][1]:senders[-1][1] + 1] == " " else senders[-1][1])
        if not senders:
            continue
        recipients = []
        tm = re.search(r"\bto\s+", text[m.end():end])
        if tm:
            to = agent_at(ctx, m.end() + tm.end(), end)
            if to and not to[2].startswith("org:"):
                recipients = [to[2]]
        start = m.start("v")
        month = [ctx.doc_date.isoformat()[:7]] if ctx.doc_date else [""]
        out.append(Cite(start, end, "message", "text", [s[2] for s in senders],
                         text[senders[0][0]:senders[-1][1]], recipients, None, month,
                         origin="clause", head=(m.end("rest"), m.end())))
    return out


# --- agreement reached on a row of things ----------------------------------------------------

def agreed_on(ctx: CitingContext) -> list[Cite]:
    """"Agreement had been reached on the hot line, on the Limited Test Ban, and the Consular
    Convention": each thing agreed on is an agreement cited."""
    text = ctx.t.text
    out = []
    for m in _AGREED_ON_RE.finditer(text[ctx.t.body_start:]):
        at = ctx.t.body_start + m.end()
        if not ctx.prose(at):
            continue
        s_end = ctx.sentence(at)[1]
        stop = CLAUSE_END.search(text, at, s_end)
        items = re.finditer(r"(?:^|,\s*(?:and\s+)?(?:on\s+)?|\s+and\s+(?:on\s+)?)(?P<i>the\s+[^,;.]+?)(?=,|\s+and\s+|[;.]|$)",
                            text[at:s_end])
        first = True
        for it in items:
            a = at + it.start("i")
            b = at + it.end("i")
            if stop and a > stop.start() and text[stop.start()] != ",":
                break
            item = it.group("i")
            name = re.sub(r"\s+(?:now|which|that|was|is)\b.*$", "", item[4:])
            c = Cite(ctx.t.body_start + m.start() if first else a, b, "agreement", "instrument",
                      qualifier=name.lower(), origin="noun", head=(a, b))
            out.append(c)
            first = False
    return out


