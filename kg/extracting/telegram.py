"""Telegrams, cables, information reports and memoranda: who wrote to whom, when, how.

Forms of the genre it reads:
- the State telegram header: "FROM: Elisabethville", "TO: Secretary of State",
  "NO: 631, October 15, 6 p.m." (the telegram number and its date-time group), a bare
  "1226, DECEMBER 3, NOON" number line, a label alone on its line with the value on the next
  ("FROM:" / "Dublin");
- the routing line "ACTION DEPARTMENT 631, INFORMATION LEOPOLDVILLE 535, USUN 387" and the
  outgoing form "ACTION: Amembassy NICOSIA 96" / "INFO: Amembassy ATHENS 236": action and
  info addressees with the post's own number of the message;
- precedence (PRIORITY, NIACT, OPERATIONAL IMMEDIATE, IMMEDIATE, FLASH, ROUTINE) and
  distribution captions (LIMIT DISTRIBUTION, EXDIS, NODIS, LIMDIS, ROGER CHANNEL);
- CIA cables: "FN CENTRAL INTELLIGENCE AGENCY" / "TO FEDERAL BUREAU OF INVESTIGATION", the
  station and number of "CITE WAVE 6588", date-time groups "271400Z", "G81007Z MAY 69";
- memoranda: "MEMORANDUM FOR: ..." / "MEMORANDUM FOR THE SPECIAL GROUP (AUGMENTED)" as the
  addressee, "From:" as the sender; a FROM line with the SUBJECT line close under it is a
  memorandum's header though the OCR lost its genre line ("FROM: Robert A. Barteaux" /
  "Chief, Operations Group" / "SUBJECT: ...");
- the signature: the surname typed alone in capitals at the end of a telegram's text
  ("RUSK", "DEAN", "MANN"), before the typist's reference or the closing banner.  It is the
  author (a `Drafter` with role "author"); "Drafted by / Cleared by / Approved by" lines are
  read by drafters.py.

Column layouts (a run of bare labels, then a run of values) are not paired: nothing says
which value is whose.  The NARA identification form's FROM/TO fields are nara_form.py's.
"""
from __future__ import annotations

import re
from datetime import date

from kg.extracting import extractor
from kg.extracting.dates import month_number, safe_date
from kg.extracting.nara_form import _form_lines
from kg.lexicon.alternation import RunIndex, required_runs
from kg.reading.plaintext import match_banner
from kg.reading.transcript import Line, Transcript
from kg.records import Addressee, DocumentHeader, Drafter, Record, Span, Transmission

NAME = "telegram"

_MONTH = (r"(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|"
          r"SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?")
_TIME = r"(?:\d{1,2}(?:[:.]\d\d)?\s*[AaPp]\W{0,2}[A-Za-z]{0,2}\.?|NOON|MIDNIGHT|MIDNITE)"
_DTG_TEXT = rf"{_MONTH}\s+\d{{1,2}},?(?:\s+(?:1[89]|\d)\d\d,?)?\s*{_TIME}"
_NUMBER_LINE_RE = re.compile(
    rf"^[^\w\n]{{0,3}}(?:(?P<label>NO|No)\.?\s*[:.;]?\s*)?(?P<num>\d{{1,5}}),\s*(?P<dtg>{_DTG_TEXT})",
    re.IGNORECASE)
_DTG_LINE_RE = re.compile(rf"^[^\w\n]{{0,3}}(?P<dtg>{_MONTH}\s+\d{{1,2}},\s+(?:1[89])\d\d,?\s*{_TIME})\s*$", re.IGNORECASE)
_ZULU_RE = re.compile(r"\b(?P<dtg>[0-3G]\d[0-2]\d[0-5]\dZ(?:\s+(?P<mon>[A-Z]{3})\s+(?P<yy>\d{2}))?)\b")
_FROM_RE = re.compile(r"^[^\w\n]{0,3}(?P<label>FROM|From|FM|FN)\s*(?P<sep>[:;.])?\s*(?P<value>.*?)\s*$")
_TO_RE = re.compile(r"^[^\w\n]{0,3}(?P<label>TO|To)\s*(?P<sep>[:;.])?\s*(?P<value>.*?)\s*$")
_MEMO_FOR_RE = re.compile(r"\bMEMORANDUM\s+FOR\s*:?\s*(?P<value>(?!THE\s+RECORD\b)\S.*?)\s*$", re.IGNORECASE)
_MEMO_SUBJECT_RE = re.compile(r"^\W{0,3}(?:SUBJECT|Subject|SUBJ)\s*[:;.]")
MEMO_FROM_REACH = 3       # lines from a memorandum's FROM to its SUBJECT (the office between)
_CITE_RE = re.compile(r"\bCITE\s+(?P<station>[A-Z]{3,}(?:\s[A-Z]{3,})?)\s+(?P<num>\d{2,6})\b")
_ROUTING_RE = re.compile(r"^[^\w\n]{0,3}(?:ACTION\s*:?\s+(?=[A-Z])|INFO(?:RMATION)?\s*:\s*(?=[A-Z]))")
_ROUTE_ITEM_RE = re.compile(
    r"\s*(?:(?P<kw>\bACTION\b|\bINFORMATION\b|\bINFO\b)\s*:?\s*|(?P<item>[^,;]+))")
_ADDRESSEE_RE = re.compile(
    r"^(?P<name>[A-Za-z][A-Za-z .'/-]*?[A-Za-z])\s*(?:(?P<prec>PRIORITY|NIACT|IMMEDIATE|FLASH|ROUTINE)\s*)?"
    r"(?P<num>\d{1,5})?\s*\.?\s*$")
# compiled once: they are tried on every line of a message's head
PRECEDENCE: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p), label) for p, label in (
    (r"OPERATIONAL\s+IMME[DO]IATE", "OPERATIONAL IMMEDIATE"), (r"\bNIACT\b", "NIACT"),
    (r"\bPRIORITY\b", "PRIORITY"), (r"\bFLASH\b", "FLASH"), (r"(?<!OPERATIONAL )\bIMMEDIATE\b", "IMMEDIATE"),
    (r"\bROUTINE\b", "ROUTINE"),
))
DISTRIBUTION: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p), label) for p, label in (
    (r"\bLIMIT(?:ED)?\s+DISTRIBUTION\b", "LIMIT DISTRIBUTION"), (r"\bEXDIS\b", "EXDIS"),
    (r"\bNODIS\b", "NODIS"), (r"\bLIMDIS\b", "LIMDIS"), (r"\bROGER\s+CHANNEL\b", "ROGER CHANNEL"),
))
# Which of them a line of the head may match, by one search for the words they print (most
# lines print none)
_HEAD_PATTERNS = PRECEDENCE + DISTRIBUTION
_HEAD_WORDS = RunIndex(required_runs(rx.pattern, rx.flags & re.IGNORECASE) for rx, _label in _HEAD_PATTERNS)
# A line alone that ends the text: the typist's reference ("LIR/ 2", "AAL/10"), a closing
# banner or the reproduction warning, a group marking ("GP-1"), a page break.
_CLOSER_RE = re.compile(r"^\W{0,3}(?:[A-Z]{2,4}\s?/\s?\d{1,3}|GP\s?-\s?\d|REPRODUCTION|END(?:\s+OF\s+MESSAGE)?\b"
                        r"|Drafted|DRAFTED|Cleared|CLEARED|Approved|APPROVED|Telegraphic"
                        r"|NW\s?#?\s?:?\s?\d|Doc\s?[Il]d|SECRET|CONFIDENTIAL|TOP\s+SECRET)", re.IGNORECASE)
_SIGNATURE_RE = re.compile(r"^\s*(?P<name>[A-Z][A-Z'\-]{3,14})\s*\.?\s*$")
NOT_A_SIGNATURE = frozenset(
    "SECRET CONFIDENTIAL UNCLASSIFIED FILE END ACTION INFO INFORMATION DIRECTOR TYPIC RYBAT NOTE "
    "DISTRIBUTION PRIORITY NIACT ROUTINE IMMEDIATE FLASH CONTROL TELEGRAM INCOMING OUTGOING "
    "DEPARTMENT STATE EXDIS NODIS LIMDIS NOFORN SENSITIVE COMMENT COMMENTS REF CITE SUBJECT "
    "PAGE COPY COPIES ROUTING RELEASE CLASSIFIED MESSAGE SECTION CABLE NONE DECLASSIFIED NARA "
    "EYES ONLY FROM TO DATE MEMORANDUM RECORD SANITIZED SANTITED BT NNNN TOP PROHIBITED UNLESS "
    "DISPATCH AIRGRAM CONTROL REC'D RECD CONFIRMED".split())
# The Department's and its posts' telegraphic addresses: a message from one is a State telegram.
_STATE_POST_RE = r"(?:AMEMBASSY|AMCONSUL|AMCONGEN|SECSTATE|USMISSION|USDEL|USUN|AMEMB)\b"
# Printed captions of routing slips and forms, not a sender or an addressee.
_CAPTION_RE = re.compile(r"\bNAME\b|\bADDRESS|\bPHONE\b|CHARACTERS|\bTITLE\b|\bBUILDING\b|\bROOM\b", re.IGNORECASE)


def _span(t: Transcript, ln: Line, m: re.Match, group: int | str = 0) -> Span:
    return t.span(ln.start + m.start(group), ln.start + m.end(group))


def _is_bare_label(text: str) -> bool:
    return bool(re.match(r"^[^\w\n]{0,3}(?:FROM|TO|NO|DATE|SUBJECT|Action|Info|ACTION|INFO)\s*[:;.]?\s*$", text))


def _value_after(t: Transcript, lines: list[Line], i: int) -> tuple[Line, int, int] | None:
    """The value of a bare label: the next text line, unless a column of labels is printed."""
    if i > 0 and _is_bare_label(t.line_text(lines[i - 1])):
        return None
    if i + 1 >= len(lines):
        return None
    nxt = lines[i + 1]
    text = t.line_text(nxt)
    if _is_bare_label(text) or not text.strip() or len(text.split()) > 6:
        return None
    lead = len(text) - len(text.lstrip())
    return nxt, lead, len(text.rstrip())


def _clean(value: str) -> str:
    return " ".join(value.strip(" .,:;|'\"“”‘’").split())


def _dtg_date(text: str, year: int | None) -> date | None:
    m = re.match(rf"(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}}),?(?:\s+(?P<y>(?:1[89]|\d)\d\d))?", text, re.IGNORECASE)
    if not m:
        return None
    month = month_number(m["mon"])
    y = int(m["y"]) if m["y"] and m["y"].startswith(("18", "19")) else year
    return safe_date(y, month, int(m["day"])) if month and y else None


def _routing(t: Transcript, lines: list[Line], i: int) -> list[Addressee]:
    """Action and info addressees of the routing line at ``lines[i]`` (and its continuation)."""
    out: list[Addressee] = []
    role = "action"
    j = i
    while j < len(lines) and j <= i + 2:
        ln = lines[j]
        text = t.line_text(ln)
        for m in _ROUTE_ITEM_RE.finditer(text):
            if m["kw"]:
                role = "action" if m["kw"].upper() == "ACTION" else "info"
                continue
            item = m["item"]
            am = _ADDRESSEE_RE.match(item.strip())
            if not am or len(am["name"]) < 2 or len(am["name"].split()) > 4:
                continue
            lead = len(item) - len(item.lstrip())
            start = ln.start + m.start("item") + lead
            end = start + am.end("num" if am["num"] else "name")
            out.append(Addressee(evidence=(t.span(start, end),), extractor=NAME,
                                 name=_clean(am["name"]), role=role, number=am["num"]))
        if not text.rstrip().endswith(","):
            break
        j += 1
    return out


def _signature(t: Transcript, lines: list[Line]) -> tuple[str, Span] | None:
    """The surname typed alone at the end of the text, before the closing lines."""
    for i in range(len(lines) - 1, -1, -1):
        text = t.line_text(lines[i])
        m = _SIGNATURE_RE.match(text)
        if not m or m["name"] in NOT_A_SIGNATURE or not m["name"].isalpha() or match_banner(m["name"]):
            continue
        before = [t.line_text(x) for x in lines[max(0, i - 3):i]]
        after = [t.line_text(x) for x in lines[i + 1:i + 4]]
        prose_before = any(len(b.split()) >= 5 for b in before)
        closes = not after or any(_CLOSER_RE.match(a) for a in after[:2])
        if prose_before and closes:
            return m["name"], _span(t, lines[i], m, "name")
    return None


def _plausible(value: str) -> bool:
    return sum(c.isalpha() for c in value) >= 2 and not _CAPTION_RE.search(value)


def _pages(t: Transcript) -> list[list[Line]]:
    """The text lines of each page (a page break, a converter marker or a rule ends a page)."""
    pages: list[list[Line]] = [[]]
    for ln in t.lines:
        if ln.kind in ("page", "rule"):
            if pages[-1]:
                pages.append([])
        elif ln.kind == "text":
            pages[-1].append(ln)
    return [p for p in pages if p]


@extractor(NAME, requires=(DocumentHeader,), produces=(Addressee, Drafter, Transmission))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    form = {ln.start for ln in _form_lines(t)}
    lines = [ln for ln in t.lines if ln.kind == "text" and ln.start not in form]
    header = next((r for r in found if isinstance(r, DocumentHeader)), None)
    hint = t.metadata.get("genre_hint")
    genre = (header.doc_type if header and header.doc_type else
             {"cia-cable": "cia-cable", "telegram": "telegram", "cia-dispatch": "cia-cable",
              "memorandum": "memorandum"}.get(hint or "", None))
    year = header.date.year if header and header.date else None
    head = lines[:80]        # the header block of the message sits on its first page

    fields: dict = {}
    spans: list[Span] = []
    out: list[Record] = []
    addressees: list[Addressee] = []
    from_line = None

    for i, ln in enumerate(head):
        text = t.line_text(ln)
        if "sender" not in fields and (m := _FROM_RE.match(text)):
            from_line = i
            if m["value"] and (m["sep"] or m["label"] in ("FM", "FN")):
                if len(m["value"].split()) <= 6:
                    fields["sender"], fields["sender_span"] = _clean(m["value"]), _span(t, ln, m, "value")
                    nxt = head[i + 1] if i + 1 < len(head) else None
                    tm = _TO_RE.match(t.line_text(nxt)) if nxt is not None and m["label"] in ("FM", "FN") else None
                    if tm and tm["value"] and not tm["sep"]:
                        addressees.append(Addressee(evidence=(_span(t, nxt, tm, "value"),), extractor=NAME,
                                                    name=_clean(tm["value"]), role="to"))
            elif not m["value"] and m["sep"] and (v := _value_after(t, head, i)):
                vl, a, b = v
                fields["sender"], fields["sender_span"] = _clean(t.line_text(vl)[a:b]), t.span(vl.start + a, vl.start + b)
            continue
        if (m := _TO_RE.match(text)) and m["sep"]:
            if m["value"] and len(m["value"].split()) <= 8:
                addressees.append(Addressee(evidence=(_span(t, ln, m, "value"),), extractor=NAME,
                                            name=_clean(m["value"]), role="to"))
            elif not m["value"] and (v := _value_after(t, head, i)):
                vl, a, b = v
                addressees.append(Addressee(evidence=(t.span(vl.start + a, vl.start + b),), extractor=NAME,
                                            name=_clean(t.line_text(vl)[a:b]), role="to"))
            continue
        if (m := _MEMO_FOR_RE.search(text)) and len(m["value"].split()) <= 10:
            addressees.append(Addressee(evidence=(_span(t, ln, m, "value"),), extractor=NAME,
                                        name=_clean(m["value"]), role="to"))
            continue
        if "number" not in fields and (m := _NUMBER_LINE_RE.match(text)):
            fields["number"], fields["number_span"] = m["num"], _span(t, ln, m, "num")
            fields["dtg"], fields["dtg_span"] = " ".join(m["dtg"].split()), _span(t, ln, m, "dtg")
            fields["date"] = _dtg_date(m["dtg"], year)
            continue
        if "dtg" not in fields and (m := _DTG_LINE_RE.match(text)):
            fields["dtg"], fields["dtg_span"] = " ".join(m["dtg"].split()), _span(t, ln, m, "dtg")
            fields["date"] = _dtg_date(m["dtg"], year)
            continue
        if _ROUTING_RE.match(text):
            addressees.extend(_routing(t, head, i))
            continue
        if "number" not in fields and (m := _CITE_RE.search(text)):
            fields["number"], fields["number_span"] = m["num"], _span(t, ln, m, "num")
            if "sender" not in fields:
                fields["sender"], fields["sender_span"] = m["station"], _span(t, ln, m, "station")
        if ("dtg" not in fields or "date" not in fields) and (m := _ZULU_RE.search(text)) \
                and ("dtg" not in fields or m["mon"]):
            # a later group with its month and year ("R 150915Z JUN 77") wins over a bare one
            fields["dtg"], fields["dtg_span"] = m["dtg"], _span(t, ln, m, "dtg")
            if m["mon"] and m["yy"] and (month := month_number(m["mon"])):
                day = m["dtg"][:2]
                if day.isdigit():
                    fields["date"] = safe_date(1900 + int(m["yy"]), month, int(day))

    precedence: list[str] = []
    distribution: list[str] = []
    for ln in head:
        text = t.line_text(ln)
        if len(text.split()) > 10 and not _ROUTING_RE.match(text):
            continue
        for k in _HEAD_WORDS.which(text):         # the precedences, then the captions, in order
            rx, label = _HEAD_PATTERNS[k]
            labels = precedence if k < len(PRECEDENCE) else distribution
            for m in rx.finditer(text):
                if label not in labels:
                    labels.append(label)
                    spans.append(_span(t, ln, m))

    head_end = head[-1].end if head else 0
    for block in t.blocks:             # a caption on a line of its own is a banner
        if block.kind != "banner" or t.reading_offset(block.raw.start) > head_end:
            continue
        for rx, label in DISTRIBUTION:
            for m in rx.finditer(block.raw.exact):
                if label not in distribution:
                    distribution.append(label)
                    spans.append(t.raw_to_span(block.raw.start + m.start(), block.raw.start + m.end()))

    if genre is None and re.match(_STATE_POST_RE, fields.get("sender") or ""):
        genre = "telegram"              # "FM AMEMBASSY NEW DELHI": a State telegram, not a CIA cable
    signer = None
    is_message = genre in ("telegram", "airgram") or "number" in fields and genre != "cia-cable"
    if is_message:
        for page in reversed(_pages(t)):       # the signature closes the last page that has one
            page = [ln for ln in page if ln.start not in form]
            sig = _signature(t, page)
            if sig is not None:
                signer, sig_span = sig
                out.append(Drafter(evidence=(sig_span,), extractor=NAME, name=signer, role="author"))
                spans.append(sig_span)
                break

    addressees = [a for a in addressees if _plausible(a.name)]
    if fields.get("sender") is not None and not _plausible(fields["sender"]):
        for key in ("sender", "sender_span"):
            fields.pop(key)
    if genre is None and "number" not in fields and "sender" in fields and \
            fields["sender_span"].exact and t.line_text(next(ln for ln in head if ln.start <= t.reading_offset(fields["sender_span"].start) < ln.end + 1)).lstrip(" ;:'\"").startswith(("FN", "FM")):
        genre = "cia-cable"
    if genre is None and from_line is not None and "sender" in fields and any(
            _MEMO_SUBJECT_RE.match(t.line_text(ln)) for ln in head[from_line + 1:from_line + 1 + MEMO_FROM_REACH]):
        genre = "memorandum"             # "FROM: Robert A. Barteaux" / office / "SUBJECT:": a memorandum's header
    if genre is None and "number" not in fields:
        return out                       # no genre and no message number: not a message header
    if not (fields or addressees or precedence or distribution or signer):
        return out
    lead = [fields[k] for k in ("sender_span", "number_span", "dtg_span") if fields.get(k)]
    evidence = lead + [a.evidence[0] for a in addressees] + spans
    out.insert(0, Transmission(
        evidence=tuple(dict.fromkeys(evidence)), extractor=NAME,
        genre=genre or ("telegram" if "number" in fields else "memorandum"),
        precedence=tuple(precedence), distribution=tuple(distribution), signer=signer, **fields))
    out[1:1] = addressees
    return out
