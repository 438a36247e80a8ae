"""Files that are not transcriptions: what they are, told from their content.

`kg build` reads transcriptions of documents (markdown, plain OCR text, TEI XML).  A folder of
sources easily holds other files: the tool's own output (``kg.ttl``, ``kg.nq``, ``kg.jsonld``),
other RDF, JSON, a web page, a spreadsheet exported as CSV, a PDF not yet OCR'd.  Read as text,
they would be "published" as documents full of nonsense (``kg build out/kg.ttl`` made a
document of 50,863 triples out of the graph itself).  `what_it_is(text)` names such a file from
its first lines, never from its file name, and `refusal(name, text)` says in one line what it
is and what to do instead.

Each test asks for the syntax of the format, not for a stray character: an OCR text with
angle brackets, ``@``, braces or commas in it is still a transcription.  A file is called RDF
only when its statements or prefix declarations make up its opening lines, JSON only when it
opens an object or an array of objects, HTML only when it is a whole page, CSV only when
twenty or more lines all split into the same number (three or more) of fields under a header
row, with quoted fields, a column of numbers or dates, or five columns and more (a list of
names, "SMITH, John, Col.", is a transcription).

What it does not do: read these formats (RDF goes to ``kg validate``), or judge OCR quality.
"""
from __future__ import annotations

import csv
import json
import re

_HEAD = 20000                  # characters looked at: the start of the file says what it is

_COMMENT = re.compile(r"\A(?:\s*#[^\n]*\n)*\s*")       # "# comment" lines before the data
_IRI = r"<[^<>\"{}|^`\\\s]*>"
_BNODE = r"_:[A-Za-z0-9_][\w.-]*"
_LITERAL = r'"(?:[^"\\\n]|\\.)*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^' + _IRI + r")?"
# One N-Triples / N-Quads statement on a line of its own.
_STATEMENT = re.compile(
    rf"[ \t]*(?:{_IRI}|{_BNODE})[ \t]+{_IRI}[ \t]+(?:{_IRI}|{_BNODE}|{_LITERAL})"
    rf"(?P<graph>[ \t]+(?:{_IRI}|{_BNODE}))?[ \t]*\.[ \t]*(?:#.*)?")
# A Turtle / TriG / SPARQL-style directive: "@prefix dk: <...> ." or "PREFIX dk: <...>".
_DIRECTIVE = re.compile(
    rf"[ \t]*(?:@prefix[ \t]+[\w.-]*:[ \t]*{_IRI}[ \t]*\.|@base[ \t]+{_IRI}[ \t]*\."
    rf"|(?i:PREFIX)[ \t]+[\w.-]*:[ \t]*{_IRI}|(?i:BASE)[ \t]+{_IRI})[ \t]*(?:#.*)?")
_TRIG_GRAPH = re.compile(rf"^[ \t]*(?:GRAPH[ \t]+)?(?:{_IRI}|[\w-]*:[\w.-]*)[ \t]*\{{[ \t]*$", re.MULTILINE)
# An object with a first key, an array of such objects, or an empty object or array.
_JSON = re.compile(r'\A\s*(?:\[\s*)?\{\s*"(?:[^"\\\n]|\\.)*"\s*:|\A\s*(?:\{\s*\}|\[\s*\])\s*\Z')
_JSON_WHOLE = 1_000_000        # a shorter text opening with [ or { is JSON if it parses as such
_JSON_LD = re.compile(r"\"@(?:context|id|graph|type)\"\s*:")
_XML_DECL = r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*"
_RDF_XML = re.compile(_XML_DECL + r"(?:<!DOCTYPE[^>]*>\s*)?<(?:rdf:)?RDF\b", re.DOTALL)
_HTML = re.compile(_XML_DECL + r"(?:<!DOCTYPE\s+html\b|<html\b)", re.DOTALL | re.IGNORECASE)
_RTF = re.compile(r"\A\{\\rtf\d")
_NUMBER = re.compile(r"[-+]?\d[\d.,:/-]*")        # 12, 3.5, 1962-10-18, 10/18/62, 104-10001-10004

# Binary formats by their first bytes (what they are, what to do).
_MAGIC = (
    (b"%PDF-", "a PDF file", "run OCR on it first and build from the text"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "run OCR on it first and build from the text"),
    (b"\xff\xd8\xff", "a JPEG image", "run OCR on it first and build from the text"),
    (b"GIF8", "a GIF image", "run OCR on it first and build from the text"),
    (b"II*\x00", "a TIFF image", "run OCR on it first and build from the text"),
    (b"MM\x00*", "a TIFF image", "run OCR on it first and build from the text"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)",
     "unpack it, or save the document as plain text (UTF-8)"),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file", "save the document as plain text (UTF-8)"),
)


def binary_kind(data: bytes) -> tuple[str, str] | None:
    """``(what it is, what to do)`` for a known binary format, from its first bytes."""
    for magic, what, advice in _MAGIC:
        if data.startswith(magic):
            return what, advice
    return None


def _data_lines(head: str, limit: int = 50) -> list[str]:
    """The first non-blank lines that are not comments."""
    out = []
    for line in head.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line)
            if len(out) == limit:
                break
    return out


def _rdf(head: str) -> str | None:
    lines = _data_lines(head)
    if not lines:
        return None
    statements = [m for m in map(_STATEMENT.fullmatch, lines) if m]
    if len(statements) >= max(1, 0.8 * len(lines)):
        return "an RDF graph in N-Quads" if any(m["graph"] for m in statements) \
            else "an RDF graph in N-Triples"
    if _DIRECTIVE.fullmatch(lines[0]):
        return "an RDF dataset in TriG" if _TRIG_GRAPH.search(head) else "an RDF graph in Turtle"
    return None


def _csv(head: str) -> str | None:
    lines = [ln for ln in head.splitlines()[:60] if ln.strip()]
    if len(lines) < 20:
        return None
    for delimiter, what in ((",", "CSV"), ("\t", "tab-separated values"), (";", "CSV")):
        if delimiter not in lines[0]:
            continue
        try:
            rows = list(csv.reader(lines[:-1], delimiter=delimiter))
        except csv.Error:
            continue
        widths = {len(row) for row in rows}
        header, data = rows[0], rows[1:]
        if len(widths) != 1 or len(header) < 3:
            continue
        # a header row of short, non-empty, non-numeric column names ...
        named = all(0 < len(c.strip()) <= 60 and not _NUMBER.fullmatch(c.strip()) for c in header)
        # ... over data a list of names ("SMITH, John, Col.") does not have: quoted fields,
        # a column of numbers or dates, or five columns and more
        quoted = any(f'{delimiter}"' in line or line.startswith('"') for line in lines[1:])
        numeric = any(sum(bool(_NUMBER.fullmatch(row[k].strip())) for row in data) >= 0.8 * len(data)
                      for k in range(len(header)))
        if named and (quoted or numeric or len(header) >= 5):
            return f"a table ({what})"
    return None


def what_it_is(text: str) -> str | None:
    """What the file is when it is not a transcription ("an RDF graph in Turtle"), else None."""
    head = text[:_HEAD]
    body = head[_COMMENT.match(head).end():]
    if _RTF.match(head):
        return "an RTF document"
    if _RDF_XML.match(head):
        return "an RDF graph in RDF/XML"
    if _HTML.match(head):
        return "an HTML page"
    if _JSON.match(body) or _parses_as_json(text):
        return "an RDF graph in JSON-LD" if _JSON_LD.search(head) else "JSON data"
    return _rdf(head) or _csv(head)


def _parses_as_json(text: str) -> bool:
    if len(text) > _JSON_WHOLE or text.lstrip()[:1] not in ("[", "{"):
        return False
    try:
        return isinstance(json.loads(text), (dict, list))
    except ValueError:
        return False


_ADVICE = {
    "RDF": "to check RDF against the shapes use `kg validate FILE`; keep the build's output "
           "out of its sources",
    "RTF": "save it as plain text (UTF-8) first",
    "HTML": "save the transcription as plain text or markdown first",
}


def refusal(name: str, text: str) -> str | None:
    """One line refusing ``text`` (the file ``name``) when it is not a transcription, else None."""
    what = what_it_is(text)
    if what is None:
        return None
    key = next((k for k in _ADVICE if k in what), None)
    advice = _ADVICE[key] if key else ("kg build reads transcriptions (markdown, plain text, "
                                       "TEI XML); remove it from the sources")
    return f"{name}: {what}, not a transcription; {advice}"
