"""Reader for FRUS TEI XML (Office of the Historian, HistoryAtState/frus ``frus*.xml`` volumes).

The raw text of the transcript is the XML file itself.  The reading text is the text content
of one ``<div type="document">``: its ``<head>``, ``<opener>``/``<dateline>``, the subject and
participant lists, the body ``<p>``s and the closing elements, one line per block element,
with every character mapped back to the raw XML.  Only element text is copied; tags, comments,
processing instructions and CDATA markers are left out, an entity or character reference
(``&amp;``, ``&#8217;``) is read as the character it stands for, anchored at the reference.
Whitespace runs with a line break in them (the XML's indentation) read as one space.

Editorial apparatus is kept out of the reading flow and put into ``metadata["tei"]``: the
source note (``<note type="source">``, with its classification and drafter) and the footnotes.
Page breaks ``<pb n=".."/>`` are recorded as ``Block(kind="page")``.

``metadata["tei"]`` (every value with its raw ``(start, end)`` offsets in a ``*_span`` key):
``doc_id``, ``doc_n``, ``title``, ``date`` (ISO, from ``@when``/``@from``/``@notBefore``),
``date_printed``, ``place``, ``subject``, ``participants`` (``name``, ``corresp``, ``role``,
``side``, ``span``, ``name_span``, ``role_span``), ``source_note``, ``classification``,
``drafter``, ``frus_volume``, ``notes``, ``documents_in_file``, ``other_documents``.

Several documents in one file (a whole volume): the first ``<div type="document">`` in
document order is read; ``documents_in_file`` says how many there are and
``other_documents`` lists the ``xml:id``s of the rest (read them by splitting the volume).
A TEI file without a document division is read from its ``<text>`` element.

Safety: the file is first parsed with ``defusedxml``; entity declarations (billion laughs,
external entities) and external references are refused with a `ReadError` that says so, and no
DTD or entity is ever fetched.  Only then is the (now known well-formed) XML tokenized here for
offsets.  What it does not do: validate against the TEI schema, resolve ``corresp`` references
against the volume's list of persons, or interpret the prose.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from kg.reading import ReadError, reader
from kg.reading.transcript import Block, Line, TextBuilder, Transcript, raw_lines
from kg.records import Span

NAME = "tei"
MAX_DEPTH = 400          # deeper nesting is refused (the tree is walked recursively)


class TEIError(Exception):
    """Raised for XML that must not or cannot be read; `kg.reading` turns it into a ReadError."""


# --- sniffing -----------------------------------------------------------------------------

_XML_START = re.compile(r"\A\s*(?:<\?xml\b|<!DOCTYPE\b|<!--|<TEI\b|<TEI\.2\b)")
_TEI_NS = "http://www.tei-c.org/ns/1.0"


def sniff(raw: str) -> float:
    """0.95 for TEI, 0.7 for any other XML document (so XML never falls to a text reader)."""
    if not _XML_START.match(raw[:1000]):
        return 0.0
    head = raw[:20000]
    if _TEI_NS in head or re.search(r"<TEI[\s>]", head):
        return 0.95
    return 0.7


# --- a small tokenizer over well-formed XML, with offsets ---------------------------------

_NAME = r"[^\s/>=\"'<!?]+"
_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<\?.*?\?>"
    r"|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    rf"|</(?P<end>{_NAME})\s*>"
    rf"|<(?P<start>{_NAME})(?P<attrs>(?:\s+{_NAME}\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/?)>",
    re.DOTALL,
)
_ATTR = re.compile(rf"({_NAME})\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REF = re.compile(r"&(?:#(\d+)|#x([0-9A-Fa-f]+)|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _unref(m: re.Match) -> str:
    if m.group(1):
        return chr(int(m.group(1)))
    if m.group(2):
        return chr(int(m.group(2), 16))
    return _NAMED[m.group(3)]


@dataclass
class Text:
    start: int                     # raw offsets of the character data (references included)
    end: int
    cdata: bool = False


@dataclass
class Element:
    name: str                      # local name, prefix dropped
    attrs: dict[str, tuple[str, int, int]]   # name -> (value, raw start, raw end of the value)
    start: int                     # raw offset of "<"
    inner_start: int               # raw offset after the start tag
    inner_end: int = 0             # raw offset of the end tag's "<"
    end: int = 0                   # raw offset after the end tag
    children: list = field(default_factory=list)
    parent: "Element | None" = None

    def get(self, key: str) -> str | None:
        v = self.attrs.get(key)
        return v[0] if v else None

    def iter(self, name: str | None = None):
        if name is None or self.name == name:
            yield self
        for c in self.children:
            if isinstance(c, Element):
                yield from c.iter(name)


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1] if not name.startswith("xml:") else name


def _tokenize(raw: str) -> Element:
    """The element tree of well-formed XML, with raw offsets."""
    root: Element | None = None
    stack: list[Element] = []
    pos = 0
    for m in _TOKEN.finditer(raw):
        if m.start() > pos and stack:
            stack[-1].children.append(Text(pos, m.start()))
        pos = m.end()
        if m.group("cdata") is not None:
            if stack:
                stack[-1].children.append(Text(m.start("cdata"), m.end("cdata"), cdata=True))
        elif m.group("start"):
            attrs = {}
            base = m.start("attrs")
            for a in _ATTR.finditer(m.group("attrs")):
                gi = 2 if a.group(2) is not None else 3
                value = _REF.sub(_unref, a.group(gi))
                attrs[_local(a.group(1))] = (value, base + a.start(gi), base + a.end(gi))
            el = Element(_local(m.group("start")), attrs, m.start(), m.end(),
                         parent=stack[-1] if stack else None)
            if stack:
                stack[-1].children.append(el)
            elif root is None:
                root = el
            if m.group("empty"):
                el.inner_end, el.end = m.end(), m.end()
            else:
                stack.append(el)
                if len(stack) > MAX_DEPTH:
                    raise TEIError(f"elements nested more than {MAX_DEPTH} deep; refused")
        elif m.group("end"):
            if stack:
                el = stack.pop()
                el.inner_end, el.end = m.start(), m.end()
    if root is None:
        raise TEIError("no root element")
    return root


# --- text of an element, with its map -----------------------------------------------------


def _copy_text(tb: TextBuilder, raw: str, t: Text, at_end: bool = False) -> None:
    """Copy character data: references as their character, indentation as one space.

    ``at_end``: the data ends its block element, a whitespace run at its end is dropped.
    """
    if t.cdata:
        tb.copy(raw, t.start, t.end)
        return
    pos = t.start
    for m in re.finditer(r"&[^;&\s]{1,12};|[ \t]*[\r\n][ \t\r\n]*|\t[ \t]*", raw[t.start:t.end]):
        s, e = t.start + m.start(), t.start + m.end()
        tb.copy(raw, pos, s)
        if raw[s] == "&":
            r = _REF.fullmatch(raw, s, e)
            tb.synthetic(_unref(r) if r else raw[s:e], s)
        elif tb.last_char() and not tb.last_char().isspace() and not (at_end and e == t.end):
            tb.synthetic(" ", s)
        pos = e
    tb.copy(raw, pos, t.end)


def _flat(raw: str, el: Element, skip=("note",)) -> tuple[str, object]:
    """Text of an element (notes left out) and its raw offset map."""
    tb = TextBuilder()

    def walk(e: Element) -> None:
        for c in e.children:
            if isinstance(c, Text):
                _copy_text(tb, raw, c)
            elif c.name not in skip:
                if c.name == "lb" and tb.last_char() and not tb.last_char().isspace():
                    tb.synthetic(" ", c.start)
                walk(c)

    walk(el)
    return tb.build()


def _value(raw: str, el: Element | None, skip=("note",)) -> tuple[str | None, tuple[int, int] | None]:
    """Normalised text of an element and the raw span from its first to its last character."""
    if el is None:
        return None, None
    text, amap = _flat(raw, el, skip)
    return _trimmed(raw, text, amap, 0, len(text))


def _trimmed(raw, text, amap, a, b):
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a == b:
        return None, None
    return " ".join(text[a:b].split()), (amap[a], amap[b - 1] + 1 if _is_copied(raw, text, amap, b - 1)
                                         else _ref_end(raw, amap[b - 1]))


def _is_copied(raw: str, text: str, amap, k: int) -> bool:
    return raw[amap[k]] == text[k] and raw[amap[k]] != "&"


def _ref_end(raw: str, at: int) -> int:
    """End of the reference (or whitespace run) a synthetic character is anchored at."""
    if raw[at] == "&":
        return raw.index(";", at) + 1
    return at + 1


# --- reading ------------------------------------------------------------------------------

_BLOCKS = {"head", "p", "item", "dateline", "opener", "closer", "signed", "salute", "list",
           "label", "ab", "postscript", "quote", "table", "row", "byline", "div", "lg", "l",
           "address", "addrLine", "docAuthor", "trailer", "listBibl", "bibl", "sp", "speaker",
           "frus:attachment", "attachment", "seg", "epigraph", "argument", "floatingText"}
_CONTAINERS = {"div", "list", "opener", "closer", "table", "row", "lg", "sp", "listBibl",
               "floatingText", "body", "front", "back", "text", "TEI", "attachment", "argument",
               "epigraph", "postscript", "teiHeader", "group"}
_LINE_KINDS = {"head": "heading", "dateline": "dateline", "item": "item", "p": "text",
               "signed": "signed", "label": "label", "salute": "text", "speaker": "text"}


def _is_block(node) -> bool:
    return isinstance(node, Element) and node.name in _BLOCKS


@reader(NAME, sniff=sniff, priority=2)
def read(name: str, raw: str) -> Transcript:
    """`read_tei` as a registered reader: a file it refuses is a `ReadError` naming it."""
    try:
        return read_tei(name, raw)
    except TEIError as exc:
        raise ReadError(f"{name}: {exc}") from None


def read_tei(name: str, raw: str) -> Transcript:
    """Read a FRUS TEI file into a `Transcript` (raises `TEIError` for unsafe or non-TEI XML)."""
    _check_safe(raw)
    root = _tokenize(raw)
    if root.name not in ("TEI", "TEI.2", "teiCorpus"):
        raise TEIError(f"XML with root <{root.name}>, not a TEI document; no reader for it")
    docs = [d for d in root.iter("div") if d.get("type") == "document"]
    doc = docs[0] if docs else next(root.iter("text"), root)

    tb = TextBuilder(len(raw))
    lines: list[Line] = []
    blocks: list[Block] = []
    paragraphs: list[tuple[int, int]] = []
    notes: list[Element] = []
    line_starts = [start for start, _end, _next in raw_lines(raw)]

    def line_of(at: int) -> int:
        return bisect.bisect_right(line_starts, at)

    def newline(at: int) -> None:
        if len(tb) and tb.last_char() != "\n":
            tb.synthetic("\n", at)

    def walk(e: Element) -> None:
        kids = e.children
        for i, c in enumerate(kids):
            if isinstance(c, Text):
                if not raw[c.start:c.end].strip() and (
                        e.name in _CONTAINERS or i == 0 or i == len(kids) - 1
                        or _is_block(kids[i - 1]) or _is_block(kids[i + 1])):
                    continue           # indentation between block elements
                _copy_text(tb, raw, c, at_end=i == len(kids) - 1 and e.name in _BLOCKS)
                continue
            if c.name == "note":
                notes.append(c)
                continue
            if c.name == "pb":
                n = c.get("n") or ""
                blocks.append(Block("page", Span(c.start, c.end, raw[c.start:c.end]),
                                    f"Page {n}".strip(), False, line_of(c.start)))
                continue
            if c.name == "lb":
                if tb.last_char() and not tb.last_char().isspace():
                    tb.synthetic(" ", c.start)
                continue
            if c.name in _BLOCKS:
                newline(c.start)
                begin = len(tb)
                walk(c)
                end = len(tb)
                kind = _LINE_KINDS.get(c.name)
                if kind and end > begin and not any(isinstance(x, Element) and x.name in ("p", "list", "item")
                                                    for x in c.children):
                    lines.append(Line(begin, end, kind, line_of(c.start)))
                    if c.name == "p":
                        paragraphs.append((begin, end))
                newline(c.end if c.end < len(raw) else c.start)
            else:
                walk(c)

    walk(doc)
    text, raw_at = tb.build()
    lines.sort(key=lambda ln: ln.start)
    meta = _metadata(raw, root, doc, docs, notes)
    t = Transcript(name=name, raw=raw, text=text, raw_at=raw_at, reader=NAME, lines=lines,
                   paragraphs=paragraphs, blocks=blocks, metadata={"tei": meta}, xml=True)
    t.body_start = paragraphs[0][0] if paragraphs else len(text)
    return t


def _check_safe(raw: str) -> None:
    try:
        SafeET.fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        raise TEIError(f"XML declares entities ({exc.name!r}): refused, entity expansion "
                       "(billion laughs) and external entities (XXE) are not read") from None
    except defusedxml.ExternalReferenceForbidden as exc:
        raise TEIError(f"XML refers to an external resource ({exc.sysid!r}): refused, "
                       "nothing is fetched") from None
    except defusedxml.DTDForbidden:
        raise TEIError("XML with a DTD: refused") from None
    except defusedxml.DefusedXmlException as exc:
        raise TEIError(f"unsafe XML refused ({exc})") from None
    except ParseError as exc:
        raise TEIError(f"not well-formed XML ({exc})") from None
    except (ValueError, RecursionError) as exc:
        raise TEIError(f"XML cannot be parsed ({type(exc).__name__})") from None


_CLASS_RE = re.compile(
    r"(?:^|(?<=[.;]\s))((?:Top Secret|Secret|Confidential|Limited Official Use|Official Use Only"
    r"|Unclassified|Restricted)\b[^.]*)\.", re.IGNORECASE)
_DRAFTER_RE = re.compile(
    r"\bDrafted by\s+((?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+)*)")


def _metadata(raw: str, root: Element, doc: Element, docs: list[Element], notes: list[Element]) -> dict:
    meta: dict = {"doc_id": doc.get("xml:id"), "doc_id_span": _attr_span(doc, "xml:id"),
                  "doc_n": doc.get("n"), "documents_in_file": len(docs),
                  "other_documents": [d.get("xml:id") for d in docs[1:]]}
    vol = root.get("xml:id")
    vol_span = _attr_span(root, "xml:id")
    idno = next((i for i in root.iter("idno") if i.get("type") == "frus"), None)
    if idno is not None:
        vol, vol_span = _value(raw, idno)
    meta["frus_volume"], meta["frus_volume_span"] = vol, vol_span

    head = next((c for c in doc.children if isinstance(c, Element) and c.name == "head"), None)
    meta["title"], meta["title_span"] = _value(raw, head)

    dateline = next(doc.iter("dateline"), None)
    place = next(dateline.iter("placeName"), None) if dateline else None
    date = next(dateline.iter("date"), None) if dateline else None
    meta["place"], meta["place_span"] = _value(raw, place)
    meta["date_printed"], meta["date_printed_span"] = _value(raw, date)
    meta["date"], meta["date_span"] = None, None
    if date is not None:
        for key in ("when", "from", "notBefore", "when-iso"):
            if date.get(key):
                meta["date"] = date.get(key)[:10]
                s, e = _attr_span(date, key)
                meta["date_span"] = (s, min(e, s + 10))
                break

    lists = [lst for lst in doc.iter("list")]
    subj = next((lst for lst in lists if lst.get("type") == "subject"), None)
    subj_items = [i for i in subj.children if isinstance(i, Element) and i.name == "item"] if subj else []
    meta["subject"], meta["subject_span"] = _value(raw, subj_items[0]) if subj_items else (None, None)
    part = next((lst for lst in lists if lst.get("type") == "participants"), None)
    meta["participants"] = _participants(raw, part) if part is not None else []

    source = next((n for n in notes if n.get("type") == "source"), None)
    meta["source_note"], meta["source_note_span"] = _value(raw, source, skip=())
    meta["classification"] = meta["classification_span"] = None
    meta["drafter"] = meta["drafter_span"] = None
    if source is not None:
        text, amap = _flat(raw, source, skip=())
        m = _CLASS_RE.search(text)
        if m:
            meta["classification"], meta["classification_span"] = _trimmed(raw, text, amap, *m.span(1))
        m = _DRAFTER_RE.search(text)
        if m:
            meta["drafter"], meta["drafter_span"] = _trimmed(raw, text, amap, *m.span(1))
    meta["notes"] = []
    for n in notes:
        if n is source:
            continue
        value, span = _value(raw, n, skip=())
        if value:
            meta["notes"].append({"n": n.get("n"), "text": value, "span": span})
    return meta


def _attr_span(el: Element, key: str) -> tuple[int, int] | None:
    v = el.attrs.get(key)
    return (v[1], v[2]) if v else None


def _participants(raw: str, lst: Element, side: str | None = None) -> list[dict]:
    out: list[dict] = []
    for item in (c for c in lst.children if isinstance(c, Element) and c.name == "item"):
        nested = [c for c in item.children if isinstance(c, Element) and c.name == "list"]
        if nested:                       # <item>United States<list><item>..</item></list></item>
            label, _ = _value(raw, item, skip=("note", "list"))
            for sub in nested:
                out.extend(_participants(raw, sub, side=(label or "").rstrip(":") or side))
            continue
        text, amap = _flat(raw, item)
        value, span = _trimmed(raw, text, amap, 0, len(text))
        if not value:
            continue
        pers = [c for c in item.iter("persName") if c is not item]
        entry = {"name": value, "corresp": None, "role": None, "side": side, "span": span,
                 "name_span": span, "role_span": None}
        if pers:
            entry["name"], entry["name_span"] = _value(raw, pers[0])
            entry["corresp"] = pers[0].get("corresp") or pers[0].get("ref")
            entry["names"] = [_value(raw, q)[0] for q in pers]
            # the role is what follows the (last) name: ", First Deputy Foreign Minister"
            k = next((i for i in range(len(text)) if amap[i] >= pers[-1].end), len(text))
            while k < len(text) and (text[k].isspace() or text[k] in ",;:"):
                k += 1
            entry["role"], entry["role_span"] = _trimmed(raw, text, amap, k, len(text))
        out.append(entry)
    return out
