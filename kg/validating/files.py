"""Reading the RDF files `kg validate` checks, datasets included, with errors in words.

A file is read by its extension: Turtle and N-Triples hold one graph; TriG, N-Quads and
JSON-LD may hold named graphs (kg build's kg.trig, kg.nq and kg.jsonld put every document in a
graph of its own), so every file is read as a dataset and the triples of all its graphs are
checked together.  A gzip-compressed file (``kg build --compress`` writes ``kg.nq.gz``) is read
by the extension under ``.gz``.  A file that holds no triples is an error (an empty file "conforms" to any
shape, and used to say so).  A file that does not parse is an error that names the file, the
line and what is wrong, never the parser's repr of the bytes.

It reads and reports; it checks nothing (`kg.validating.validate` does).
"""
from __future__ import annotations

import gzip
import json
import re
import zlib
import xml.sax
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
           ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml"}
FORMAT_NAMES = {"turtle": "Turtle", "nt": "N-Triples", "nquads": "N-Quads", "trig": "TriG",
                "json-ld": "JSON-LD", "xml": "RDF/XML"}
TODO_SYNTAX = ("correct the file there (if it is one of kg build's outputs, build again: the "
               "build writes files that parse)")


class RdfFileError(Exception):
    """A file `kg validate` cannot check, in words: which file, where, what, what to do."""


@dataclass(frozen=True)
class RdfFile:
    path: Path
    format: str          # rdflib's name of the format
    graph: Graph         # the triples of every graph of the file, merged
    named_graphs: int    # the named graphs that hold triples (0: only the default graph)

    def describe(self) -> str:
        where = (f" in {self.named_graphs} named graph{'s' if self.named_graphs != 1 else ''}"
                 if self.named_graphs else "")
        count = len(self.graph)
        return f"{FORMAT_NAMES[self.format]}, {count} triple{'s' if count != 1 else ''}{where}"


def format_of(path: Path) -> str:
    suffix = _compressed_suffix(path) or path.suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        raise RdfFileError(
            f"{path}: unknown extension {suffix or '(none)'!r}; name the file by its format: "
            f"{', '.join(sorted(FORMATS))} (each may be gzip-compressed, ending in .gz)") from None


def _compressed_suffix(path: Path) -> str | None:
    """The format's extension of a gzip-compressed file ("kg.nq.gz" -> ".nq"), else None."""
    if path.suffix.lower() != ".gz":
        return None
    return Path(path.stem).suffix.lower()


def _content(path: Path) -> bytes:
    """The file's bytes, decompressed when it is gzip-compressed."""
    data = path.read_bytes()
    if _compressed_suffix(path) is None:
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise RdfFileError(f"{path}: not a whole gzip file ({exc}); compress it again, or build "
                           f"again (kg build --compress writes whole files)") from None


def read_rdf(path: Path) -> RdfFile:
    """The triples of an RDF file (a graph or a dataset); RdfFileError when it has none or does
    not parse."""
    fmt = format_of(path)
    content = _content(path)
    if not content.strip():
        raise _no_triples(path, fmt)
    dataset = Dataset()
    try:
        if _compressed_suffix(path) is None:
            dataset.parse(path, format=fmt)
        else:
            dataset.parse(data=content, format=fmt)
    except UnicodeDecodeError as exc:
        raise RdfFileError(f"{path}: byte {exc.start} is not UTF-8 text; save the file as UTF-8") from None
    except Exception as exc:       # every rdflib parser raises its own kind
        raise RdfFileError(syntax_error_in_words(path, fmt, exc)) from None
    graph = Graph()
    for prefix, namespace in dataset.namespaces():
        graph.bind(prefix, namespace, override=False)
    named = set()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
        if g is not None and g != dataset.default_graph.identifier:
            named.add(g)
    if not len(graph):
        raise _no_triples(path, fmt)
    return RdfFile(path, fmt, graph, len(named))


def _no_triples(path: Path, fmt: str) -> RdfFileError:
    return RdfFileError(
        f"{path}: holds no triples ({FORMAT_NAMES[fmt]}, {path.stat().st_size} bytes), so there is "
        f"nothing to check; give a file with data (kg build writes out/kg.trig, kg.nq, kg.jsonld)")


def syntax_error_in_words(path: Path, fmt: str, exc: Exception) -> str:
    """What a parser said, as the file's line and the reason."""
    line, reason = _where_and_why(path, exc)
    where = f", line {line}" if line else ""
    shown = ""
    if line:
        lines = _content(path).decode("utf-8", errors="replace").splitlines()
        if 0 < line <= len(lines):
            shown = f"\n    {lines[line - 1].strip()[:160]}"
    return f"{path}{where}: not valid {FORMAT_NAMES[fmt]}: {reason}{shown}\n  what to do: {TODO_SYNTAX}"


def _where_and_why(path: Path, exc: Exception) -> tuple[int | None, str]:
    if isinstance(exc, json.JSONDecodeError):
        return exc.lineno, f"{exc.msg} (column {exc.colno})"
    if isinstance(exc, xml.sax.SAXParseException):
        return exc.getLineNumber(), exc.getMessage()
    why = getattr(exc, "_why", None)          # notation3's BadSyntax (Turtle, TriG)
    if why is not None and isinstance(getattr(exc, "lines", None), int):
        return exc.lines + 1, why
    message = str(getattr(exc, "msg", None) or exc)
    # N-Triples / N-Quads: "Invalid line (reason):\n'<the line>'"; find the line in the file.
    m = re.match(r"(?s)Invalid line \((.*?)\):\s*'(.*)'\s*$", message)
    if m:
        text = _content(path).decode("utf-8", errors="replace").splitlines()
        number = next((n for n, ln in enumerate(text, 1) if ln.strip() == m.group(2).strip()), None)
        return number, m.group(1)
    first = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    return None, re.sub(r"\bb'(.*?)'", r"\1", first)
