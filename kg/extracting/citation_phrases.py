"""Documents cited by a noun phrase: "the President's October 27 letter", "the Soviet proposal of
equal rights and obligations", "a reply from Hanoi", "the Consular Convention now pending before
the Senate", "the proposed treaty", "his last meeting with Mr. Gromyko", "the past two days'
discussions", "the present legislation", "the treaty we had proposed in 1946".

Not an extractor: the citations extractor (kg.extracting.citations) calls `noun_phrases()` and
`cite_noun_phrase()`.  A document noun (data: kg/data/documents.csv) is read with what stands
before it (determiner, possessor, modifiers) and what follows and belongs to it (complements,
the participle of its making, a relative clause, its predicate); the phrase cites a document
when something anchors it outside the conversation (see kg.extracting.citations).  Phrases that
only refer back ("the press conference", "Their draft") are left to the anaphora rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extracting.citing import (ABBREVIATION_END, CLAUSE_END, MAX_WORDS, ORG_RE, Cite, CitingContext,
                                  agents_at, cut_at, government, org_label)
from kg.extracting.relative_dates import MONTH
from kg.lexicon.alternation import CaseFolded
from kg.lexicon.documents import NOUN_ALT, DocumentNoun, noun
from kg.lexicon.nations import NATIONS, delegation

# --- the closed classes of words the rules read (the open lexicons are data) ---------------

_WORD = re.compile(r"[A-Za-z0-9][\w.'’-]*")

_ARTICLES = {"the", "a", "an"}
_DEMONSTRATIVES = {"this", "that", "these", "those"}
_PRONOUNS = {"his", "her", "their", "our", "its", "your", "my"}
_QUANTIFIERS = {"some", "several", "certain", "various", "numerous", "many", "all", "both", "any",
                "no", "each", "such", "other"}
_DETERMINERS = _ARTICLES | _DEMONSTRATIVES | _PRONOUNS | _QUANTIFIERS
# words that end a run of modifiers before a noun: function words and auxiliaries
_STOP_WORDS = {
    "of", "on", "to", "from", "with", "between", "in", "before", "for", "concerning", "about", "by",
    "at", "over", "during", "through", "into", "upon", "under", "against", "toward", "towards",
    "and", "or", "but", "nor", "as", "than", "if", "when", "while", "since", "because", "so",
    "that", "which", "who", "whom", "whose", "what", "where", "whether",
    "had", "has", "have", "was", "were", "is", "are", "be", "been", "being", "would", "could",
    "should", "will", "shall", "may", "might", "must", "can", "did", "do", "does", "not",
    "he", "she", "they", "we", "it", "i", "you", "him", "them", "us", "me",
    "said", "stated", "thought", "believed", "felt", "knew", "saw", "read", "recalled", "noted",
    "referred", "received", "considered", "mentioned", "made", "welcomed", "reiterated",
}
# modifiers that set a document in the past ("his previous visit", "our latest proposal")
_EARLIER = {"previous", "last", "earlier", "recent", "former", "latest", "past", "prior",
            "original", "recently", "published"}
# ... in the present ("the present meeting"; for a law, "the present legislation" is in force)
_CURRENT = {"present", "current", "existing"}
# ... or to come: a text not yet made is no document cited
_FUTURE = {"next", "future", "further", "new", "possible", "another", "later", "eventual",
           "subsequent", "forthcoming", "coming", "acceptable", "workable", "general"}
# adjectives that say what kind of agreement, not what it is about ("the final agreement")
_NOT_SUBJECT = {"final", "existing", "same", "whole", "entire", "full", "original", "basic", "overall",
                "formal", "informal", "initial", "complete", "broad", "comprehensive", "firm",
                "definite", "tentative", "mutual", "bilateral", "multilateral", "international",
                "real", "actual", "important", "present", "general", "specific", "whole", "secret",
                "verbal", "written", "oral", "last", "previous", "earlier", "recent", "latest"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# modal or planning words just before a phrase that make it a text to come
_FUTURE_BEFORE = re.compile(
    r"(?:\b(?:would|will|shall|should|could|might|may|must|to\s+(?:have|hold|sign|conclude|reach|"
    r"prepare|present|get|work\s+out|agree\s+on|find)|let\s+us|conclusion\s+of|signing\s+of|"
    r"conclude|sign|negotiate|negotiating|draft|work\s+out|achieve|press\s+for|pressing\s+for|"
    r"basis\s+for|hope\s+for|hoped\s+for|prospects?\s+(?:of|for)|lead\s+to|"
    r"in\s+favor\s+of|need\s+for|possibility\s+of)\s+(?:(?:an?|the|such\s+an?|any)\s+)?"
    r"(?:[a-z-]+\s+){0,3})$", re.IGNORECASE)
_FUTURE_AFTER = re.compile(r"^\s*(?:would|will|shall|should|could|might|must|may)\b")
# this conversation itself ("at this meeting", "the present talks")
_THIS_OCCASION = re.compile(r"\b(?:this|the\s+present|today['’]s|the\s+current)\s+"
                            r"(?:meeting|conversation|talks?|discussions?|session|luncheon)\b",
                            re.IGNORECASE)

# a participle after the noun: the document was made ("the understanding reached by ...")
_DONE = (r"reached|passed|approved|adopted|signed|concluded|worked\s+out|transmitted|published|"
         r"issued|made|delivered|aimed|tried|presented|submitted|tabled|received|sent|held|"
         r"pending|given|provided|containing|dated|announced|ratified|initialed|enacted|read|"
         r"shown|mentioned|referred\s+to|quoted|exchanged|agreed\s+(?:upon|on|to)")
_DONE_RE = re.compile(rf"^\s*,?\s*(?:now\s+|recently\s+|just\s+|already\s+|also\s+)?(?:{_DONE})\b")
# the document as the subject of what it did or of the state it is in
_PREDICATE_RE = re.compile(
    r"^\s+(?:(?:was|were|is|are|had\s+been|has\s+been)\s+(?:now\s+|still\s+|already\s+)?"
    r"(?:pending|ready|signed|ratified|initialed|concluded|received|published|in\s+force|"
    r"before\s+the)|(?:had\s+)?(?:provided|called\s+for|stated|said|envisaged|contained|"
    r"proposed|specified|declared|set\s+forth|referred)\b)")
# a relative clause ("which had been held ...", "in which he had referred ...")
_RELATIVE_RE = re.compile(r"^\s*,?\s+(?:in\s+which|by\s+which|under\s+which|which|who|that)\b")
_VENUES = {"security council": "UN Security Council", "general assembly": "UN General Assembly",
           "unga": "UN General Assembly", "un general assembly": "UN General Assembly"}
# a medium is no distinguishing subject: "the President's speech on television"
_MEDIA = {"television", "radio", "tv", "the air", "the radio", "the television", "the press"}
_NATION_ADJ = "|".join(re.escape(k) for k in sorted(NATIONS, key=len, reverse=True))


# --- noun phrases -------------------------------------------------------------------------

@dataclass
class _NounPhrase:
    start: int
    end: int
    head: tuple[int, int]
    noun: DocumentNoun
    det: str | None                   # article, demonstrative, pronoun or quantifier (lower case)
    possessor: tuple[int, int, str] | None
    mods: list[str]                   # the modifiers between determiner and noun, as printed
    complement: tuple[int, int]       # what follows the noun and belongs to the phrase
    parts: list[tuple[str, int, int]] = field(default_factory=list)   # its kinds (_complement)
    mod_spans: list[tuple[int, int]] = field(default_factory=list)    # where the modifiers stand


def _left(ctx: CitingContext, head_start: int, floor: int) -> tuple[int, str | None, tuple | None, list[str]] | None:
    """The determiner, possessor and modifiers before a document noun; None when the noun is
    itself a modifier of another word or part of a name that is no document."""
    text = ctx.t.text
    tokens = list(_WORD.finditer(text, floor, head_start))
    start, det, possessor, mods, spans = head_start, None, None, [], []
    for tok in reversed(tokens[-8:]):
        if text[tok.end():start].strip(" -") != "" and text[tok.end():start].strip() not in ("", ","):
            break                                   # punctuation in between
        if text[tok.end():start].strip() == "," and not mods:
            break
        word = tok.group(0)
        low = word.lower().rstrip(".")
        if re.search(r"(?:['’]s|s['’])$", word):
            owner_end = tok.end() - (2 if word[-2] in "'’" else 1)
            who = ctx.person_ending(owner_end)
            if who is None:
                org = _owner_org(ctx, tok.start(), owner_end)
                if org is None:
                    # "the past two days' discussions", "today's meeting": a time, not an owner
                    mods.insert(0, word)
                    spans.insert(0, (tok.start(), tok.end()))
                    start = tok.start()
                    continue
                who = org
            possessor, start = who, who[0]
            before = text[max(floor, who[0] - 12):who[0]]
            dm = re.search(r"\b(?:the\s+late\s+|the\s+)$", before, re.IGNORECASE)
            if dm:
                start = who[0] - len(dm.group(0))
            break
        if low in _DETERMINERS:
            det, start = low, tok.start()
            q = re.search(r"\b(?:one|some|each|all|any|none|most|many|several|two|three)\s+of\s+$",
                          text[max(floor, start - 20):start], re.IGNORECASE)
            if q:
                start -= len(q.group(0))
            break
        if low in _STOP_WORDS or (low.endswith("ed") and low not in _MODIFIER_PARTICIPLES):
            break
        if len(mods) >= 6:
            break
        mods.insert(0, word)
        spans.insert(0, (tok.start(), tok.end()))
        start = tok.start()
    # "the texts of the proposed agreement", "the second numbered paragraph of the President's
    # October 27 letter": a part of the document names it too
    part = re.search(r"\b(?:the|a|an)\s+(?:[a-z]+\s+){0,2}(?:text|texts|language|preamble|wording|"
                     r"provisions?|paragraph|terms|contents?|substance|passage|section|article)\s+of\s+$",
                     text[max(floor, start - 60):start], re.IGNORECASE)
    if part:
        start = start - len(part.group(0))
    return start, det, possessor, mods, spans


# participles that stand before a document noun as modifiers ("the proposed treaty")
_MODIFIER_PARTICIPLES = {"proposed", "published", "agreed", "revised", "attached", "signed",
                         "numbered", "detailed", "printed", "initialed", "amended", "combined",
                         "ratified", "concluded", "so-called", "announced", "reported"}


def _owner_org(ctx: CitingContext, start: int, owner_end: int) -> tuple[int, int, str] | None:
    """A possessor that is a body: "the Soviet Government's proposal", "North Viet-Nam's"."""
    text = ctx.t.text
    for m in ORG_RE.finditer(text, max(ctx.t.body_start, start - 30), owner_end):
        if m.end() == owner_end:
            label = org_label(m.group("form"))
            return (m.start(), m.end(), f"org:{label}") if label else None
    return None


_PP_RE = re.compile(r"\s+(?:of|on|from|with|between|in|before|for|concerning|about|by|at|"
                    r"regarding|over|during|through|under|to(?=\s+(?:the|a|an|his|her|their|our|its|"
                    r"[A-Z])))\s(?!(?:which|whom)\b)")    # "in which ...": a relative clause
# where a prepositional complement ends: punctuation, a relative or subordinate word, a verb
_PP_END = re.compile(r"[;:!?()\"“”,]|\.(?=\s|$)|\s(?=(?:which|that|who|whom|whose|when|where|while|"
                     r"because|since|although|but|if|so|as|than|whether|containing|stated|said|had|"
                     r"has|have|was|were|is|are|be|been|would|could|should|will|shall|may|might|"
                     r"must|can|did|do|does|we|he|she|they)\b|"
                     # "during and at the end of the war": prepositions in a row are one complement
                     r"(?<!\bduring\s)(?<!\bbefore\s)(?<!\bafter\s)(?<!\bat\s)(?<!\bin\s)(?<!\bon\s)"
                     r"and\s+(?!\d)[a-z]|or\s+[a-z]|to\s+(?!(?:the|a|an|"
                     r"his|her|their|our|its)\b)[a-z])|\s—|—")
_ASIDE_RE = re.compile(r"\s*,\s*(?:both|either|official|formal)[^,;.]{0,40},(?=\s+(?:with|between|to|from)\s)")
_ZERO_RELATIVE_RE = re.compile(r"\s+(?:we|he|she|they|you|I)\s+(?:had\s+)?(?:just\s+)?"
                               r"(?:made|said|sent|wrote|written|proposed|offered|suggested|gave|given|"
                               r"signed|concluded|presented|tabled|submitted|issued|delivered|read)\b")


def _complement(ctx: CitingContext, pos: int, stop: int) -> tuple[int, list[tuple[str, int, int]]]:
    """End of what belongs to a document noun after it, and its parts: prepositional
    complements ("pp": "to X of October 27"), a participle of its making ("done": "reached by
    ..."), the predicate of a document as subject ("predicate": "was ready for signature"), a
    relative or content clause ("relative": "in which he had referred to ...", "that we
    believed in Adenauer", "we had proposed in 1946")."""
    text = ctx.t.text
    end = pos
    parts: list[tuple[str, int, int]] = []
    for _ in range(6):
        rest = text[end:stop]
        kind, m = None, None
        for kind, pattern in (("pp", _PP_RE), ("done", _DONE_RE), ("predicate", _PREDICATE_RE),
                              ("relative", _RELATIVE_RE), ("aside", _ASIDE_RE)):
            m = pattern.match(rest)
            if m:
                break
        if not m and end == pos:
            kind, m = "relative", _ZERO_RELATIVE_RE.match(rest)
            if not m:
                who = ctx.person_at(end)
                if who and re.match(r"\s+(?:had\s+)?(?:made|sent|written|proposed|offered)\b",
                                    text[who[1]:stop]):
                    m = re.match(r"\s+", rest)
        if not m:
            break
        after = end + m.end()
        if kind in ("pp", "done", "aside"):
            if kind == "done":
                # "reached by the U.S. and the U.S.S.R.": the participle's agents
                by = re.match(r"(?:\s+(?:out|upon|on|to))?\s+(?:by|between|with|from)\s+", text[after:stop])
                after = after + by.end() if by else after
                agents = agents_at(ctx, after, stop) if by else []
            else:
                agents = agents_at(ctx, after, stop) if re.search(r"(?:from|by|between|with|to)\s$", m.group(0)) else []
            new_end = cut_at(text, agents[-1][1] if agents else after, stop, _PP_END)
            inner = re.search(r"\s(?:from|by)\s+", text[after:new_end]) if not agents else None
            inner_agents = agents_at(ctx, after + inner.end(), new_end) if inner else []
            if inner_agents:
                # "dated 17 February 1964 from the Embassy": the complement ends with its agent
                new_end = cut_at(text, inner_agents[-1][1], stop, _PP_END)
                new_end = min(new_end, inner_agents[-1][1]) if re.match(
                    r"\s+[a-z]+(?:ed|s)\b", text[inner_agents[-1][1]:]) else new_end
        else:
            new_end = cut_at(text, after, stop, CLAUSE_END)
        if new_end <= end:
            break
        parts.append((kind, end, new_end))
        end = new_end
        # "from his Science Advisor, Dr. Hornig": the name in apposition belongs to it
        who = ctx.person_at(end + 1) if kind == "pp" and text[end:end + 1] == "," else None
        if who and re.match(r"\s*(?:[,;.]|$|\s(?:who|which)\b)", text[who[1]:who[1] + 8]):
            parts.append(("aside", end, who[1]))
            end = who[1]
        if text[end:end + 1] == ",":
            if not re.match(r",\s*(?:(?:now\s+)?(?:" + _DONE + r")|in\s+which|which|who|both)\b",
                            text[end:end + 40]):
                break
        elif end < stop and text[end] in ";:!?()\"“”.—":
            break
    words = list(re.finditer(r"\S+", text[pos:end]))
    if len(words) > MAX_WORDS:
        end = pos + words[MAX_WORDS - 1].end()
    while end > pos and (text[end - 1].isspace() or text[end - 1] in ",."):
        if text[end - 1] == "." and ABBREVIATION_END.search(text[pos:end - 1]):
            break
        end -= 1
    return end, parts


# every document noun of the body, in any case (searched plainly in the lower-cased text)
_NOUN_RE = CaseFolded(rf"(?<![\w-])(?:{NOUN_ALT})(?![\w-])")


def noun_phrases(ctx: CitingContext) -> list[_NounPhrase]:
    text = ctx.t.text
    out = []
    for m in _NOUN_RE.finditer(text[ctx.t.body_start:]):
        hs, he = ctx.t.body_start + m.start(), ctx.t.body_start + m.end()
        printed = text[hs:he]
        n = noun(printed)
        if n is None or not ctx.prose(hs):
            continue
        if len(printed) > 2 and printed.isupper():
            continue                       # a heading or a form's caption ("FIELD INFORMATION REPORT")
        if re.search(r"\b[Ii]n\s+$", text[max(0, hs - 4):hs]) and re.match(r"\s+to\b", text[he:he + 4]):
            continue                       # "in reply to", "in answer to": no document
        # a noun modifying another document noun ("the peace treaty draft", "the hot line
        # agreement"): the phrase is the later noun's
        nxt = re.match(rf"\s+(?:{NOUN_ALT})(?![\w-])", text[he:he + 40], re.IGNORECASE)
        if nxt and not re.match(r"\s+(?:and|or)\b", text[he:he + 5]):
            continue
        if re.match(r"\s+(?:question|problem|issue|area|field|matter|process|stage|table|room|"
                    r"level|procedure|machinery|system|point|line)s?\b", text[he:he + 20], re.IGNORECASE):
            continue                       # "the peace treaty question", "the conference table"
        if re.search(r"\b(?:would|will|could|should|shall|might|must|may|can|to|not|did|does|do)\s+$",
                     text[max(0, hs - 12):hs], re.IGNORECASE):
            continue                       # "would report to the President": a verb
        floor = ctx.sentence(hs)[0]
        left = _left(ctx, hs, floor)
        if left is None:
            continue
        start, det, possessor, mods, spans = left
        comp_end, parts = _complement(ctx, he, ctx.sentence(hs)[1] or len(text))
        out.append(_NounPhrase(start, comp_end, (hs, he), n, det, possessor, mods, (he, comp_end),
                               parts, spans))
    return out


def _is_named(ctx: CitingContext, np: _NounPhrase) -> bool:
    """A proper name: the noun and a modifier in capitals mid-sentence ("the Consular
    Convention", "the U.S.-Soviet Air Agreement"), in a transcription that shows case."""
    text = ctx.t.text
    head = text[np.head[0]:np.head[1]]
    if not ctx.mixed_case or not head[0].isupper() or np.head[0] == ctx.sentence(np.head[0])[0]:
        return False
    if not head[1:].islower() or np.det not in ("the", None) or (np.det is None and np.possessor is None
                                                                  and np.start == ctx.sentence(np.start)[0]):
        return False
    names = [w for w in np.mods if w[0].isupper() and any(ch.islower() for ch in w)
             and not re.fullmatch(_NATION_ADJ, w) and not re.fullmatch(rf"{MONTH}|\d+", w)]
    return bool(names) and np.det == "the"


def _compound_pair(ctx: CitingContext, np: _NounPhrase) -> tuple[tuple, tuple] | None:
    """Two persons joined before the noun: "the Kennedy-Khrushchev agreement"."""
    if not np.mod_spans:
        return None
    a, b = np.mod_spans[-1]
    m = re.fullmatch(r"(?P<x>[A-Z][\w.]+)[-–](?P<y>[A-Z][\w.]+)", ctx.t.text[a:b])
    if not m:
        return None
    x, y = ctx.person_at(a + m.start("x")), ctx.person_at(a + m.start("y"))
    return (x, y) if x and y else None


def _sides_of(mods: list[str]) -> list[str]:
    """The sides the modifiers name: "Soviet" -> USSR, "U.S.-Soviet" -> US, USSR."""
    out = []
    for w in mods:
        for part in re.split(r"[-–]", w):
            part = part.strip()
            if part in NATIONS and NATIONS[part] not in out:
                out.append(NATIONS[part])
    return out


_PART_PREP = {
    "pp": re.compile(r"\s+(from|by|between|with|to|of)\s+"),
    "done": re.compile(r"\s*,?\s*(?:now\s+|recently\s+|just\s+)?\w+(?:\s+(?:out|upon|on|to))?\s+"
                       r"(by|between|with|to|from)\s+"),
    "aside": re.compile(r".*,\s+(with|between|to|from)\s+", re.S),
}


def _parties(ctx: CitingContext, np: _NounPhrase) -> dict[str, list[tuple[int, int, str]]]:
    """The agents the phrase's complements name where a complement begins: "from Brezhnev,
    Kosygin, and Mikoyan", "reached by the U.S. and the U.S.S.R.", "between Mr. Fisher and
    Amb. Roschin", "with Ambassador Dobrynin", "to Mr. Khrushchev" (a recipient only right
    after the noun or its date: "the President's letter to Mr. Khrushchev of October 27")."""
    text = ctx.t.text
    out: dict[str, list[tuple[int, int, str]]] = {}
    limit = next((a for kind, a, _b in np.parts if kind not in ("pp", "done", "aside")), np.end)
    for i, (kind, a, b) in enumerate(np.parts):
        if kind not in _PART_PREP:
            break
        pm = _PART_PREP[kind].match(text, a, b)
        if pm is None:
            continue
        prep = pm.group(1)
        if prep in out or (prep == "to" and i > 0 and not re.match(r"\s+(?:of|on|dated)\s+" + MONTH, text[np.parts[0][1]:np.parts[0][2]])):
            continue
        at = pm.end()
        found = agents_at(ctx, at, b)
        if not found and prep in ("from", "by"):
            # "from his Science Advisor, Dr. Hornig": the person named in the complement
            found = [(s, e, ref) for s, e, _m, ref in ctx.mentions if at <= s and e <= limit][:1]
        elif found and found[0][0] > at + 4:
            found = []
        if found:
            out[prep] = found
    return out


def _date_text(ctx: CitingContext, np: _NounPhrase) -> str:
    """Where a phrase dates its document: the modifiers ("the Soviet December 7 statement"),
    a complement of time ("of January 12", "in 1945"), and the clauses of its making ("worked
    out by the negotiators this afternoon", "which was being published today") - not a time
    inside another complement ("a list of ships leaving Havana today")."""
    text = ctx.t.text
    out = ["the " + text[np.mod_spans[0][0]:np.head[1]] if np.mod_spans else ""]
    for kind, a, b in np.parts:
        piece = text[a:b]
        if kind == "pp":
            piece = re.sub(r"(?<!\bof )(?<!\bon )(?<!\bsince )(?<!\buntil )\b(?:today|tonight|tomorrow|"
                           r"yesterday|this\s+(?:morning|afternoon|evening)|last\s+night)\b", " ", piece)
        out.append(piece)
    return " ".join(out)


def cite_noun_phrase(ctx: CitingContext, np: _NounPhrase) -> Cite | None:
    """The citation a document noun phrase makes, or None when nothing anchors it outside
    the conversation (or it is a text to come, or this conversation)."""
    text = ctx.t.text
    n, fam = np.noun, np.noun.family
    comp = text[np.complement[0]:np.complement[1]]
    phrase = text[np.start:np.end]
    low_mods = [w.lower() for w in np.mods]
    printed_head = " ".join(text[np.head[0]:np.head[1]].lower().split())
    plural = (printed_head.endswith("s") and printed_head != "address") or printed_head == "memoranda"
    b0 = max(ctx.sentence(np.start)[0], np.start - 60)
    before = text[b0:np.start]
    if set(low_mods) & _FUTURE or np.det in ("such", "any", "no", "each", "other"):
        return None
    # OCR debris or a form's words among the modifiers: no phrase of the prose
    for w in np.mods:
        if (re.search(r"\d", w) and not re.fullmatch(r"\d{1,2}|1[89]\d\d", w)) or re.search(r"[^\w.'’-]", w) \
                or (len(w) > 1 and w.isupper() and not _sides_of([w])):
            return None
    earlier = bool(set(low_mods) & _EARLIER) or any(re.search(r"s['’]$", w) for w in np.mods)
    # "the present legislation", "our national legislation": it exists now, whatever is to come
    in_force = bool(set(low_mods) & _CURRENT) or (fam == "law" and (np.det in ("our", "their")
                                                                     or "national" in low_mods))
    proposed = "proposed" in low_mods or "draft" in low_mods      # a draft exists already
    if not (earlier or in_force or proposed):
        if (_FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(text[np.end:np.end + 12])) \
                and fam in ("instrument", "draft", "occasion", "proposal", "law") and np.possessor is None:
            return None
        # "Mr. Kosygin would add his concurrence ... immediately following the President's
        # address": a document still to come in the clause of a modal
        s0 = ctx.sentence(np.start)[0]
        clause_start = max([s0] + [s0 + x.end() for x in re.finditer(r"[,;]|\bthat\b", text[s0:np.start])])
        if (np.possessor is not None or np.det in ("his", "her")) \
                and re.search(r"\b(?:would|will|shall)\s+(?!have\b)", text[clause_start:np.start]) \
                and not re.search(rf"{MONTH}|\b\d{{4}}\b", phrase):
            return None
    if np.det in ("the", "their", "its") and not np.mods and not np.parts:
        return None                  # "the press conference", "Their draft": a phrase referring back
    if any(k == "relative" and re.search(rf"\b(?:in|by)\s+(?:that|this|his|her|their|the)\s+(?:{NOUN_ALT})\b",
                                         text[a:b], re.IGNORECASE) for k, a, b in np.parts):
        return None                  # "the proposals the President had made in that speech": that speech's
    if _THIS_OCCASION.search(phrase) or re.search(r"\b(?:at|during|of)\s+this\s+(?:meeting|"
                                                  r"conversation|luncheon|session)\b", comp):
        return None
    if fam == "occasion" and (np.det in ("this", "these") or set(low_mods) & {"present", "current"}):
        return None
    kinds = [k for k, _a, _b in np.parts]
    dates, date_printed = ctx.dates(_date_text(ctx, np))
    dated = dates != [""]
    sides = _sides_of(np.mods)
    named = _is_named(ctx, np)
    done = "done" in kinds and not re.match(r"\s*,?\s*proposed\b", comp)
    # a relative clause about the document itself stands right after the noun ("the treaty we
    # had proposed in 1946"), not after another noun ("the proposal for using a Soviet ship to
    # the Soviet Government, which in turn had given instructions")
    relative_past = any(
        k == "relative" and i == 0
        and not re.match(r"\s*,?\s*that\s+(?!(?:we|he|she|they|I|you)\s)", text[a:b])
        and (re.search(r"\bhad\s+(?:been\s+)?[a-z]+(?:ed|en|de|ne|id|ld)\b", text[a:b])
             or re.search(r"\b(?:made|said|proposed|sent|written|offered)\b[^,;.]*"
                          r"\b(?:today|yesterday|ago|in\s+\d{4})\b", text[a:b]))
        for i, (k, a, b) in enumerate(np.parts))
    from_someone = any(k == "pp" and re.match(r"\s+from\s", text[a:b]) for k, a, b in np.parts)

    c = Cite(np.start, np.end, n.kind, fam, head=np.head)
    # agents: the possessor, "by"/"from" (authors), "between" (both), "with" (a partner), "to"
    if np.possessor is not None:
        c.authors, c.author = [np.possessor[2]], text[np.possessor[0]:np.possessor[1]]
    elif np.det in ("his", "her"):
        who = ctx.subject_before(np.start)
        if who:
            c.authors, c.author = [who], np.det
    elif np.det == "our":
        side = ctx.our_side(np.start)
        if side:
            c.authors, c.author = [f"org:{delegation(side)}"], "our"
    pair = _compound_pair(ctx, np)
    if pair and not c.authors:
        c.authors, c.author = [pair[0][2], pair[1][2]], np.mods[-1]
        if c.kind in ("message", "letter", "correspondence"):
            c.kind = "correspondence"
    elif sides and not c.authors and fam != "occasion":
        compound = len(np.mods) > 0 and re.fullmatch(r"[A-Z][\w.]*[-–][A-Z][\w.]*", np.mods[-1]) is not None
        if len(sides) == 2 and compound and fam in ("instrument", "text") and all(ctx.head(s) for s in sides) \
                and not _is_named(ctx, np):
            c.authors = [ctx.head(s) for s in sides]
        else:
            c.authors = [f"org:{government(s)}" for s in sides]
        c.author = " ".join(w for w in np.mods if _sides_of([w]))
    parties = _parties(ctx, np)
    outside_party = False
    for prep in ("by", "from", "between"):
        if prep in parties and not (np.possessor and prep != "between"):
            c.authors = [a[2] for a in parties[prep]]
            c.author = text[parties[prep][0][0]:parties[prep][-1][1]]
            outside_party = any(ctx.outside(a[2]) for a in parties[prep])
            break
    if "of" in parties and not c.authors and fam == "law" and parties["of"][0][2].startswith("org:"):
        c.authors, c.author = [parties["of"][0][2]], text[parties["of"][0][0]:parties["of"][0][1]]
        outside_party = True
    partners = parties.get("with", []) if fam in ("occasion", "statement") else []
    if partners and n.form == "interview":
        c.authors, c.author = [partners[0][2]], text[partners[0][0]:partners[0][1]]
    elif partners and fam == "occasion":
        if not c.authors:
            # "he had enjoyed the various meetings ... with Ambassador Dobrynin": his meetings
            who = ctx.subject_before(np.start)
            c.authors = [who] if who else []
        c.authors = c.authors + [p[2] for p in partners if p[2] not in c.authors]
    if "to" in parties and fam in ("text", "statement", "proposal"):
        c.recipients, c.recipient = [parties["to"][0][2]], text[parties["to"][0][0]:parties["to"][0][1]]
    vm = re.search(r"\b(?:in|before|to)\s+the\s+(?P<v>Security\s+Council|General\s+Assembly|UNGA|"
                   r"UN\s+General\s+Assembly)\b", comp)
    if vm and not c.recipients:
        c.recipients, c.recipient = [f"org:{_VENUES[' '.join(vm.group('v').lower().split())]}"], vm.group("v")
    c.dates, c.date_printed = dates, date_printed
    outside_author = any(ctx.outside(a) for a in c.authors[:1]) and np.det not in ("our",) and not sides
    outside_recipient = any(ctx.outside(r) for r in c.recipients)
    possessive = np.possessor is not None or np.det in ("his", "her", "our", "their")

    anchored = False
    if fam == "text":
        anchored = (outside_author or outside_party or dated or earlier or bool(sides) or done
                    or relative_past or (possessive and n.inherent) or named or from_someone
                    or outside_recipient)
        if n.form in ("list", "lists") and not (dated or done or outside_party or relative_past):
            anchored = False
        if n.form == "greetings" and not (from_someone or np.possessor):
            anchored = False
    elif fam == "statement":
        press = bool({"press", "joint"} & set(low_mods)) or n.form == "press conference"
        anchored = (outside_author or outside_party or dated or done or relative_past or named
                    or (possessive and n.inherent) or press or outside_recipient
                    or (bool(sides) and not plural) or (earlier and possessive))
        if n.form == "address":
            # an address is a speech where it was given: "the President's address in Los
            # Angeles" (not "his address", where he lives)
            anchored = (anchored or possessive) and bool(dated or vm or sides or re.match(
                r"\s+(?:in|before|at|to)\s+(?:the\s+)?[A-Z]", comp))
    elif fam == "proposal":
        anchored = (outside_author or outside_party or dated or relative_past or bool(sides)
                    or outside_recipient or (possessive and earlier)
                    or (np.det == "our" and plural) or (n.inherent and possessive))
    elif fam == "instrument":
        proposed = "proposed" in low_mods or "draft" in low_mods
        subject = [w for w in np.mods if w.lower() not in _EARLIER | _CURRENT | _NOT_SUBJECT
                   | {"proposed", "draft"} and not _sides_of([w])]
        settled = done and any(k == "done" and re.search(r"\s(?:by|between|on|in|with|concerning)\s", text[a:b])
                               for k, a, b in np.parts)
        anchored = (named or proposed or settled or dated or relative_past or len(c.authors) >= 2
                    or outside_party or (np.det == "the" and bool(subject) and ctx.mixed_case
                                         and all(w[:1].islower() for w in subject)))
        if proposed:
            c.kind = "draft treaty"
        if np.det in ("a", "an") and not (dated or relative_past or settled or outside_party or named
                                          or len(c.authors) >= 2):
            anchored = False
        if np.det is None and not (named or len(c.authors) >= 2):
            anchored = False
        if named:
            c.qualifier = " ".join(np.mods + [text[np.head[0]:np.head[1]]])
        elif subject and not dated and not c.authors:
            c.qualifier = " ".join(w.lower() for w in subject)
        elif not dated and np.parts:
            # "the understandings reached in the field of outer space": what it settles
            qm = re.search(r"\b(?:on|in\s+the\s+field\s+of|concerning|regarding|about)\s+(?:the\s+)?(?P<q>[^,;.]+)",
                           text[np.parts[0][1]:np.complement[1]])
            if qm:
                c.qualifier = qm.group("q").strip().lower()
    elif fam == "draft":
        counted = [w for w in low_mods if w in _COUNTS]
        ordinal = [w for w in low_mods if w in _ORDINALS]
        drafty = n.form in ("draft", "drafts")
        anchored = ((drafty and (np.det in ("the", "their", "our") or possessive or bool(sides))
                     and (bool(comp.strip()) or bool(np.mods) or np.det in ("their", "our")))
                    or (bool(counted or ordinal) and ("alternative" in low_mods or n.form == "alternative"
                                                      or drafty))
                    or done or bool(sides) or "latest" in low_mods)
        if np.det in ("a", "an", None) and not (ordinal or done):
            anchored = False
        if counted:
            c.members = _COUNTS[counted[0]]
        if ordinal:
            c.member = _ORDINALS[ordinal[0]]
    elif fam == "law":
        anchored = (bool(set(low_mods) & (_CURRENT | {"national"})) or np.det in ("our", "their")
                    or done or dated or outside_party or relative_past)
        if np.det in ("a", "an", None) and not (done or outside_party or relative_past or dated):
            anchored = False
        if n.form == "resolution" and not (done or dated or named):
            anchored = False
    elif fam == "occasion":
        with_someone = bool(partners) or "between" in parties
        if n.form == "visit":
            anchored = earlier or (dated and ctx.doc_date is not None and dates[0][:4] != str(ctx.doc_date.year))
        else:
            anchored = ((possessive and (with_someone or earlier or dated))
                        or earlier or (dated and not re.search(r"\b(?:today|tonight)\b", date_printed or ""))
                        or (plural and with_someone) or relative_past)
            if np.det in ("a", "an") and not (dated or relative_past):
                anchored = False
    if anchored and not ctx.participants:
        # no conversation to set a document apart from (a cable, a report, a form): only a
        # document the phrase dates, names or gives an author of counts
        strong = dated or named or relative_past or np.possessor is not None or outside_party \
            or from_someone or (np.det in ("his", "her", "their") and fam in ("text", "statement"))
        if fam in ("occasion", "draft"):
            strong = False          # a meeting in a report is an event, not a record cited
        elif np.det is None and np.possessor is None:
            strong = dated
        anchored = strong
    if anchored and fam == "occasion":
        # "that concern had also been expressed at the July meeting of the Foreign Ministers":
        # what was done there is the phrase of the occasion cited
        s0 = ctx.sentence(np.start)[0]
        act = re.search(r"(?:^|[,;]\s+|\bthat\s+|\band\s+)(?P<a>[^,;]{1,80}?\b(?:had\s+(?:also\s+)?been|was|were)\s+"
                        r"(?:also\s+)?[a-z]+ed\s+(?:at|in|during)\s+)$", text[s0:np.start])
        if act:
            c.start = s0 + act.start("a")
    if np.det is None and np.possessor is None and fam in ("text", "statement", "proposal") \
            and not (from_someone or outside_party or sides or named or n.form == "greetings"):
        anchored = False
    if not anchored:
        return None
    if fam in ("statement", "proposal", "text") and not dated and not c.qualifier and np.parts \
            and np.parts[0][0] == "pp":
        qm = re.match(r"\s+(?:in|on|before|at|concerning|about|regarding)\s+(?P<q>[^,;.]+)",
                      text[np.parts[0][1]:np.parts[0][2]])
        if qm and qm.group("q").strip().lower() not in _MEDIA:
            c.qualifier = qm.group("q").strip().lower().removeprefix("the ")
    if n.kind in ("message", "letter") and len(c.authors) == 2 and np.det == "the" and "by" in parties:
        c.kind = "correspondence"
    return c

