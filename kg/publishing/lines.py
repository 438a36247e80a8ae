"""Canonical N-Quads read as text: the terms of each statement, without pyoxigraph objects.

The dumps are written from canonical N-Quads (``kg.publishing.merged.canonical_nquads``: lines
as pyoxigraph's writer prints them), hundreds of thousands of lines per corpus.  Making a
``pyoxigraph.Quad`` of each line, then asking each term for its kind and its text, was most
of the JSON-LD writer's time; the lines themselves say all of it in a form fixed by that one
writer:

    <s> <p> <o> <g> .          an IRI (no space, no ``>`` inside)
    _:b <p> "v"@en <g> .       a blank node label; a literal with a language
    <s> <p> "v"^^<dt> .        a literal with a datatype, in the default graph

A literal's text is quoted with the N-Triples escapes (``\\"``, ``\\\\``, ``\\n``, ``\\r``,
``\\t``, ``\\b``, ``\\f``, ``\\uXXXX``, ``\\UXXXXXXXX``); nothing after its closing quote holds a
quote, so the last quote of a line closes it.

What it does not do: check the syntax.  The input must come from pyoxigraph's writer (the
build's cache, ``kg.nq``); anything else goes through ``canonical_nquads`` first.
``tests/publishing/test_publishing_lines.py`` holds it to ``pyoxigraph.parse`` on real dumps.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Union

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}

# (subject, predicate, object, graph) as written; graph "" for the default graph
Statement = tuple[str, str, str, str]
Source = Union[Path, bytes]
PIECE_BYTES = 16 << 20


def split_statement(line: str) -> Statement:
    """The four terms of one canonical N-Quads line (without its newline), as written."""
    subject, predicate, rest = line.split(" ", 2)
    if rest[0] == '"':
        end = rest.find(" ", rest.rindex('"'))
    else:
        end = rest.index(" ")
    return subject, predicate, rest[:end], rest[end + 1:-2]


def statements(sources: Iterable[Source]) -> Iterator[Statement]:
    """The statements of canonical N-Quads given as files or bytes, in order."""
    for source in sources:
        for piece in _pieces(source):
            # split on "\n" only: str.splitlines would also cut at U+2028 and the like, which
            # a literal may hold unescaped
            for line in piece.decode("utf-8").split("\n"):
                if line:
                    yield split_statement(line)


def _pieces(source: Source, size: int = PIECE_BYTES) -> Iterator[bytes]:
    """The bytes of ``source`` in pieces of whole lines (a file of any size in bounded memory)."""
    if isinstance(source, (bytes, bytearray)):
        yield bytes(source)
        return
    with open(source, "rb") as fh:
        held = b""
        while piece := fh.read(size):
            piece = held + piece
            cut = piece.rfind(b"\n") + 1
            held = piece[cut:]
            yield piece[:cut]
        yield held


def graphs(sources: Iterable[Source]) -> Iterator[tuple[str, Iterator[Statement]]]:
    """(graph term as written, "" for the default graph; its statements), one graph at a
    time: canonical N-Quads hold each graph in one stretch.  The statements are read as they
    are asked for (a graph may be larger than memory allows as Python objects): read a
    graph's before asking for the next graph."""
    for graph, group in groupby(statements(sources), key=itemgetter(3)):
        yield graph, group


def unescape(text: str) -> str:
    """The characters an N-Triples quoted string stands for."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(_unescaped, text)


def _unescaped(match: re.Match) -> str:
    code = match.group(1) or match.group(2)
    return chr(int(code, 16)) if code else _ECHAR[match.group(3)]


def literal_parts(term: str) -> tuple[str, str, str]:
    """(value, language or "", datatype IRI) of a literal term as written."""
    close = term.rindex('"')
    value = unescape(term[1:close])
    rest = term[close + 1:]
    if not rest:
        return value, "", XSD_STRING
    if rest[0] == "@":
        return value, rest[1:], RDF_LANG_STRING
    return value, "", rest[3:-1]          # ^^<datatype>


__all__ = ["Statement", "graphs", "literal_parts", "split_statement", "statements", "unescape"]
