"""Hypothesis strategies that write plausible source files of the three kinds the readers know.

A generated document is built from the conventions of the genres, not from any one text:
memoranda of conversation (header, participants by side, reported speech, proposals and
answers, documents cited), State and CIA telegrams (routing header, REF lines, numbered
paragraphs in capitals, signature), NARA identification forms, review and release stamps,
markdown transcription markup, FRUS TEI XML, and the OCR's noise on all of them — then the
file is encoded with or without a byte-order mark, with LF, CRLF or CR line ends.  Garbage
(random text, random bytes) and damaged files (a NUL, a TEI fragment cut anywhere) are made
too; those may be refused, the others must be published.

`document()` draws one `Sample`: the file's bytes and whether it must be published.
"""
from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from hypothesis import strategies as st

SURNAMES = ["Rusk", "Gromyko", "Dobrynin", "Thompson", "Bundy", "McCone", "Kuznetsov", "Stevenson",
            "Zorin", "Akalovsky", "Ball", "Harriman", "Bohlen", "Khrushchev", "Mikoyan", "Sorensen",
            "Taylor", "McNamara", "Hilsman", "Kohler", "Lleras", "Areilza", "Castro", "Smith",
            "O'Brien", "Müller", "de Gaulle", "Van Dyke", "MacArthur", "Nitze"]
GIVEN = ["Dean", "Andrei", "Anatoly", "Llewellyn", "McGeorge", "John", "Vasily", "Adlai",
         "Valerian", "A.", "J. F.", "W. Averell", "George W.", "Charles E."]
TITLES = ["Mr.", "Ambassador", "Secretary", "Minister", "General", "Deputy Foreign Minister",
          "Under Secretary", "Counselor", "Mrs.", "Dr.", "Admiral", "The President"]
SIDES = ["US", "USSR", "United States", "Soviet Union", "United Kingdom", "France", "Cuba",
         "Federal Republic of Germany", "India", "Spain"]
TOPICS = ["Cuba", "Berlin", "the test ban", "disarmament", "Laos", "the missile bases",
          "the quarantine", "inspection", "the United Nations", "the Congo", "Vietnam", "NATO"]
VERBS = ["said", "replied", "stated", "noted", "observed", "asked", "remarked", "added",
         "continued", "agreed", "proposed", "suggested", "insisted", "pointed out"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
CITIES = ["Washington", "Moscow", "New York", "Paris", "Madrid", "New Delhi", "Mexico City",
          "Geneva", "Bonn", "London", "Havana", "Islamabad"]
AGENCIES = ["CIA", "FBI", "STATE", "NSA", "DIA", "USIA", "ARMY"]
LEVELS = ["SECRET", "TOP SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "LIMITED OFFICIAL USE",
          "SECRET - EYES ONLY", "SECRET EXDIS", "CONFIDENTIAL NODIS", "S E C R E T",
          "SECHET", "CONFIDENTIAI", "EVES ONLY", "TOP SECRET SENSITIVE"]

name = st.builds(lambda t, g, s, full: f"{t} {g} {s}" if full else f"{t} {s}",
                 st.sampled_from(TITLES), st.sampled_from(GIVEN), st.sampled_from(SURNAMES),
                 st.booleans())
date = st.builds(lambda m, d, y: f"{m} {d}, {y}", st.sampled_from(MONTHS), st.integers(1, 31),
                 st.integers(1955, 1985))
numeric_date = st.builds(lambda m, d, y: f"{m}/{d}/{y}", st.integers(1, 12), st.integers(1, 31),
                         st.sampled_from(["62", "63", "1964", "88", "92", "98", "2017"]))
record_number = st.builds(lambda a, b, c: f"{a}-{b:05d}-{c:05d}", st.sampled_from([104, 124, 176, 177, 180, 198]),
                          st.integers(0, 99999), st.integers(0, 99999))
telegram_number = st.integers(1, 999999).map(str)


SENTENCES = [  # reported speech, proposals and answers, documents cited, the narrator
    "{speaker} {verb} that the government would not accept any settlement on {topic}.",
    "{speaker} proposed that both sides should discuss {topic} at Geneva next week.",
    "{other} agreed to study the proposal and would reply tomorrow.",
    "{speaker} {verb} that he had read Deptel {deptel} of April 3 on {topic}.",
    "He {verb} that the Soviet Union had withdrawn the weapons from {topic}.",
    "{other} rejected the suggestion and said it was out of the question.",
    "The conversation then turned to {topic}; {speaker} {verb} he would report to his government.",
]


def _sentence(speaker: str, verb: str, topic: str, kind: int, other: str) -> str:
    return SENTENCES[kind].format(speaker=speaker, verb=verb, topic=topic, other=other,
                                  deptel=len(topic) * 37)


sentence = st.builds(_sentence, name, st.sampled_from(VERBS), st.sampled_from(TOPICS),
                     st.integers(0, 6), name)
paragraph = st.lists(sentence, min_size=1, max_size=5).map(" ".join)


@st.composite
def memorandum(draw) -> str:
    sides = draw(st.lists(st.sampled_from(SIDES), min_size=1, max_size=3, unique=True))
    lines = [draw(st.sampled_from(LEVELS)), "",
             draw(st.sampled_from(["MEMORANDUM OF CONVERSATION", "Memorandum of Conversation",
                                   "MEMORANDUM FOR THE RECORD", "29. Memorandum of Conversation",
                                   "MEMORANDUM OF CONVERSATIONDRAFT"])),
             "", f"{draw(st.sampled_from(CITIES))}, {draw(date)}, {draw(st.integers(1, 12))}:30 p.m.", ""]
    if draw(st.booleans()):
        lines += [f"SUBJECT: {draw(st.sampled_from(TOPICS)).title()}", ""]
    lines.append("PARTICIPANTS:" if draw(st.booleans()) else "Participants")
    for side in sides:
        members = draw(st.lists(name, min_size=1, max_size=4))
        if draw(st.booleans()):
            lines.append(f"{side} - {members[0]}")
            lines += [f"    {m}" for m in members[1:]]
        else:
            lines.append(f"{side}:")
            lines += [f"{m}, {draw(st.sampled_from(['Foreign Minister', 'Interpreter', 'Counselor of Embassy', 'Ambassador']))}"
                      for m in members]
    if draw(st.booleans()):
        lines += ["", f"COPIES TO: {draw(st.sampled_from(['S/S', 'EUR', 'White House', 'Amembassy Moscow']))}"]
    lines += ["", f"Drafted by {draw(name)}" if draw(st.booleans()) else ""]
    for p in draw(st.lists(paragraph, min_size=1, max_size=6)):
        lines += ["", p]
    return "\n".join(lines)


@st.composite
def telegram(draw) -> str:
    city = draw(st.sampled_from(CITIES)).upper()
    level = draw(st.sampled_from(LEVELS))
    lines = [draw(st.sampled_from(["INCOMING TELEGRAM Department of State", "OUTGOING TELEGRAM",
                                   "TELEGRAM", "CLASSIFIED MESSAGE", "AIRGRAM", ""])),
             level, f"PAGE 01        {city} {draw(telegram_number)}  101640Z",
             f"ACTION {draw(st.sampled_from(['EUR-12', 'ARA-10', 'NEA-11', 'SS-25']))}", "",
             f"P {draw(st.integers(10, 31))}1600Z {draw(st.sampled_from(MONTHS))[:3].upper()} {draw(st.integers(60, 79))}",
             f"FM AMEMBASSY {city}", f"TO SECSTATE WASHDC {draw(st.sampled_from(['PRIORITY', 'NIACT IMMEDIATE', ''])) } {draw(telegram_number)}",
             f"INFO {draw(st.sampled_from(['USMISSION NATO', 'AMEMBASSY PARIS', 'CINCLANT']))}", "",
             f"{level} {city} {draw(telegram_number)}", "", "E.O. 11652: GDS",
             f"TAGS: {draw(st.sampled_from(['PGOV', 'PFOR, UR', 'MARR']))}",
             f"SUBJECT: {draw(st.sampled_from(TOPICS)).upper()}", ""]
    if draw(st.booleans()):
        lines += [f"REF: A. STATE {draw(telegram_number)} B. {city} {draw(telegram_number)}", ""]
    for i, p in enumerate(draw(st.lists(paragraph, min_size=1, max_size=5)), 1):
        lines += [f"{i}. {p.upper()}", ""]
    if draw(st.booleans()):
        lines += ["CITE DIRECTOR", f"RYBAT TYPIC {draw(st.sampled_from(SURNAMES)).upper()}"]
    lines.append(draw(st.sampled_from(SURNAMES)).upper())
    return "\n".join(lines)


@st.composite
def nara_form(draw) -> str:
    fields = [("AGENCY", draw(st.sampled_from(AGENCIES))), ("RECORD NUMBER", draw(record_number)),
              ("RECORD SERIES", "JFK"), ("AGENCY FILE NUMBER", f"201-{draw(st.integers(100000, 999999))}"),
              ("ORIGINATOR", draw(st.sampled_from(AGENCIES))), ("FROM", draw(name).upper()),
              ("TO", draw(st.sampled_from(["DIRECTOR", "CHIEF, WH", "FILE"]))),
              ("TITLE", draw(st.sampled_from(TOPICS)).upper()), ("DATE", draw(numeric_date)),
              ("PAGES", str(draw(st.integers(1, 40)))), ("DOCUMENT TYPE", "PAPER - TEXTUAL DOCUMENT"),
              ("CLASSIFICATION", draw(st.sampled_from(LEVELS))), ("RESTRICTIONS", "1B"),
              ("CURRENT STATUS", draw(st.sampled_from(["RELEASED IN PART", "RELEASED IN FULL"]))),
              ("DATE OF LAST REVIEW", draw(numeric_date)), ("OPENING CRITERIA", ""), ("COMMENTS", "")]
    kept = draw(st.lists(st.sampled_from(fields), min_size=3, max_size=len(fields), unique=True))
    sep = draw(st.sampled_from([" : ", ": ", " :", "\t: "]))
    lines = ["JFK ASSASSINATION SYSTEM", "IDENTIFICATION FORM", "", "AGENCY INFORMATION", ""]
    lines += [f"{k}{sep}{v}" for k, v in kept]
    lines += ["", draw(st.sampled_from(["v9.1", ""])), f"NW 53{draw(st.integers(100, 999))} DocId:{draw(st.integers(32000000, 32999999))} Page 1"]
    return "\n".join(lines)


@st.composite
def stamp(draw) -> str:
    return draw(st.sampled_from([
        f"DECLASSIFIED\nAuthority NLK-{draw(st.integers(80, 99))}-{draw(st.integers(1, 300))}\n"
        f"By {draw(st.sampled_from(['__', 'ESM', 'cb']))} NARA, Date {draw(numeric_date)}",
        "RELEASED UNDER THE JOHN F. KENNEDY ASSASSINATION RECORDS COLLECTION ACT OF 1992",
        f"REVIEWED by {draw(st.sampled_from(['DDK/ML', 'S/S', 'A/CDC/MR']))} DATE {draw(numeric_date)}",
        "( ) RELEASE ( ) DECLASSIFY\n( ) EXCISE ( ) DECLASSIFY in PART\n( ) DENY ( ) Non-responsive info.",
        f"CIA HAS NO OBJECTION TO DECLASSIFICATION AND/OR RELEASE OF CIA INFORMATION IN THIS DOCUMENT\n{draw(numeric_date)}",
        f"DATE OF REVIEW {draw(st.integers(1, 28))} MAR {draw(st.integers(80, 99))}\nE.O. 12356\n(b) (1) (b) (3) (j) (1)",
        "E.O. 12958, Sec. 3.4(b)(1)\n25X1",
        f"Copy {draw(st.integers(1, 9))} of {draw(st.integers(1, 9))} copies",
        f"- {draw(st.integers(1, 40))} -", f"## Page {draw(st.integers(1, 40))}", "---",
        f"# DOCID-{draw(st.integers(32000000, 32999999))}", f"# {draw(record_number)}",
    ]))


def _markdown(text: str, marks: list[tuple[int, str]]) -> str:
    """Wrap words of ``text`` in transcription markup at the drawn word positions."""
    words = text.split(" ")
    for at, kind in marks:
        k = at % len(words)
        w = words[k]
        if not w:
            continue
        words[k] = {"del": f"~~{w}~~", "ins": f"<sup>{w}</sup>", "bold": f"**{w}**",
                    "emph": f"*{w}*", "red": "[REDACTED]", "under": f"_{w}_",
                    "open": f"~~{w}", "sup-open": f"<sup>{w}"}[kind]
    return " ".join(words)


@st.composite
def ocr_noise(draw, text: str) -> str:
    """The OCR's damage: misread letters, debris, joined and broken lines, stray case."""
    edits = draw(st.lists(st.tuples(st.integers(0, max(0, len(text))), st.sampled_from(
        ["l1", "O0", "ec", "rnm", "S5", "|", " ; ", ":", "'", "\u201c", "~", "  ", "\n", "-\n",
         "join", "upper", "drop", "\f", "\t", "..", "•", "¬", "ﬁ"])), max_size=25))
    for at, op in sorted(edits, reverse=True):
        if op == "join":
            text = text[:at] + text[at:].replace("\n", " ", 1)
        elif op == "upper":
            text = text[:at] + text[at:at + 30].upper() + text[at + 30:]
        elif op == "drop":
            text = text[:at] + text[at + 3:]
        elif len(op) == 2 and op.isalpha() or op == "rnm":
            a, b = (op[0], op[1]) if op != "rnm" else ("rn", "m")
            text = text[:at] + text[at:at + 40].replace(a, b, 1) + text[at + 40:]
        else:
            text = text[:at] + op + text[at:]
    return text


MARKS = ["del", "ins", "bold", "emph", "red", "under", "open", "sup-open"]


@st.composite
def plain_document(draw) -> str:
    """Memoranda, telegrams, NARA forms with stamps, as typescript text, OCR'd or marked up."""
    parts = draw(st.lists(st.one_of(memorandum(), telegram(), nara_form(), stamp()),
                          min_size=1, max_size=4))
    text = "\n\n".join(parts)
    style = draw(st.sampled_from(["clean", "markdown", "ocr", "both"]))
    if style in ("markdown", "both"):
        marks = draw(st.lists(st.tuples(st.integers(0, 10**4), st.sampled_from(MARKS)), max_size=12))
        lines = text.split("\n")
        for i, (at, kind) in enumerate(marks):
            k = at % len(lines)
            lines[k] = _markdown(lines[k], [(at // 7 + i, kind)])
        text = "\n".join(lines)
    if style in ("ocr", "both"):
        text = draw(ocr_noise(text))
    return text


@st.composite
def markdown_document(draw) -> str:
    """A memorandum transcribed in markdown: struck and inserted words, emphasis, redactions,
    a page heading; what the markdown reader reads (the plain OCR reader takes files with the
    converter's and the archives' cues)."""
    text = draw(memorandum())
    if draw(st.booleans()):
        text = f"## Page {draw(st.integers(1, 40))}\n\n{text}"
    lines = text.split("\n")
    for i, (at, kind) in enumerate(draw(st.lists(st.tuples(st.integers(0, 10**4), st.sampled_from(MARKS)),
                                                 min_size=4, max_size=16))):
        k = at % len(lines)
        lines[k] = _markdown(lines[k], [(at // 7 + i, kind)])
    text = "\n".join(lines)
    return draw(ocr_noise(text)) if draw(st.booleans()) else text


def _tei_text(s: str) -> str:
    return escape(s, {"'": "&#8217;"}) if "'" in s else escape(s)


@st.composite
def tei_document(draw) -> str:
    """A FRUS-style TEI file: one or more documents with head, source note, dateline, lists."""
    docs = []
    for n in range(draw(st.integers(1, 3))):
        participants = draw(st.lists(st.tuples(name, st.sampled_from(["Secretary of State", "Foreign Minister", "Interpreter", ""])),
                                     min_size=0, max_size=5))
        items = "".join(
            f'<item><persName corresp="#p_{i}">{_tei_text(p)}</persName>{", " + _tei_text(r) if r else ""}</item>'
            for i, (p, r) in enumerate(participants))
        paras = "".join(f"<p>{_tei_text(p)}</p>\n" for p in draw(st.lists(paragraph, min_size=1, max_size=4)))
        extras = draw(st.lists(st.sampled_from([
            '<pb n="12" xml:id="pg_12" facs="0012"/>', "<!-- editor's comment -->",
            "<p><hi rend=\"italic\">quarantine</hi> &amp; the bases<lb/>again</p>",
            "<p>Cut here <![CDATA[ raw < text & ]]> end.</p>",
            '<p>See footnote<note n="2" xml:id="fn2">Not printed.</note>.</p>',
            "<closer><signed>Dean Rusk</signed></closer>", "<p>&#8220;Yes,&#8221; he said &#x2014; 4&#8211;5 p.m.</p>"]),
            max_size=4))
        when = f"19{draw(st.integers(55, 85))}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}"
        docs.append(
            f'<div type="document" xml:id="d{n + 1}" n="{n + 1}">\n'
            f'<head>{n + 1}. Memorandum of Conversation<note n="1" type="source">Source: Department of '
            f'State, Central Files, 737.56361/11&#8211;662. {draw(st.sampled_from(["Secret", "Top Secret; Eyes Only", "Confidential"]))}. '
            f"Drafted by {_tei_text(draw(st.sampled_from(SURNAMES)))}.</note></head>\n"
            f'<opener><dateline><placeName>{draw(st.sampled_from(CITIES))}</placeName>, '
            f'<date when="{when}">{draw(date)}</date></dateline></opener>\n'
            f'<list type="subject"><item>{_tei_text(draw(st.sampled_from(TOPICS)))}</item></list>\n'
            + (f'<list type="participants">{items}</list>\n' if items else "")
            + paras + "".join(extras) + "\n</div>\n")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="frus1961-63v11">\n'
            '<teiHeader><fileDesc><titleStmt><title type="complete">Foreign Relations, 1961&#8211;1963</title>'
            "</titleStmt><publicationStmt><idno type=\"frus\">frus1961-63v11</idno></publicationStmt>"
            "<sourceDesc><p>Printed volume.</p></sourceDesc></fileDesc></teiHeader>\n"
            '<text><body><div type="compilation">\n' + "".join(docs) + "</div></body></text></TEI>\n")


@st.composite
def damaged_tei(draw) -> str:
    """A TEI file cut, spliced or with a stray tag: well-formed or not, it must not crash."""
    xml = draw(tei_document())
    at = draw(st.integers(0, len(xml)))
    op = draw(st.sampled_from(["cut", "stray", "entity", "splice"]))
    if op == "cut":
        return xml[:at]
    if op == "stray":
        return xml[:at] + draw(st.sampled_from(["<p>", "</p>", "<", "&", "]]>", "<note>", "<!--", "&bogus;"])) + xml[at:]
    if op == "entity":
        return xml.replace("<TEI ", '<!DOCTYPE TEI [<!ENTITY x "y">]>\n<TEI ', 1)
    return xml[:at] + draw(plain_document())[:200] + xml[at:]


@dataclass(frozen=True)
class Sample:
    kind: str            # plain | markdown | tei | damaged | garbage
    data: bytes
    must_publish: bool   # a plausible document: refusing it is a failure


LINE_END = st.sampled_from(["\n", "\n", "\r\n", "\r"])


@st.composite
def document(draw) -> Sample:
    kind = draw(st.sampled_from(["plain", "plain", "markdown", "tei", "damaged", "garbage"]))
    if kind == "plain":
        text = draw(plain_document())
    elif kind == "markdown":
        text = draw(markdown_document())
    elif kind == "tei":
        text = draw(tei_document())
    elif kind == "damaged":
        text = draw(st.one_of(damaged_tei(), plain_document().map(
            lambda t: t[:len(t) // 2] + "\x00" + t[len(t) // 2:])))
    else:
        text = draw(st.one_of(st.text(max_size=300), st.binary(max_size=300).map(
            lambda b: b.decode("latin-1"))))
    end = draw(LINE_END)
    if end != "\n":
        text = text.replace("\n", end)
    bom = draw(st.booleans())
    if kind == "garbage" and draw(st.booleans()):
        data = draw(st.binary(max_size=300))
    else:
        data = ("\ufeff" if bom else "").encode("utf-8") + text.encode("utf-8", "surrogatepass")
    return Sample(kind, data, must_publish=kind in ("plain", "markdown", "tei") and bool(text.strip()))
