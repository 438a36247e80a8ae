"""A document's N-Quads are made in UTF-8, line by line, never as one text (a text holding one
character above U+00FF takes two bytes a character): the same bytes as writing each triple as
rdflib's N-Triples serializer does, sorting the lines as text and encoding the whole."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.plugins.serializers.nt import _nt_row

from kg.extracting import run as extract
from kg.mapping import map_document
from kg.mapping.core import Triples, nquads, nquads_utf8
from kg.resolving import resolve_document
from tests.real_texts import real_transcripts

G = "https://w3id.org/declass-kg/id/graph/a"


def plain(triples) -> bytes:
    lines = {_nt_row(t)[:-3] + f" <{G}> .\n" for t in triples}
    return "".join(sorted(lines)).encode("utf-8")


def test_every_real_documents_nquads_are_the_plain_texts_in_utf8():
    for transcript in real_transcripts():
        records = extract(transcript)
        triples = map_document(records, resolve_document(records), "https://w3id.org/declass-kg/id/",
                               transcript.reading_of)
        data = triples.nquads_utf8(G)
        assert data == plain(triples), transcript.name
        assert nquads(triples, G) == data.decode("utf-8")


def test_lines_sort_by_code_point_whatever_their_width():
    # UTF-16 would put U+FFFF after U+1F600; code points and UTF-8 put it before, as Python's
    # text comparison does.
    s, p = URIRef("https://x.org/s"), URIRef("https://x.org/p")
    triples = Triples((s, p, Literal(x)) for x in ["\U0001F600", "\uffff", "é", "e", "\u0100", "z"])
    assert nquads_utf8(triples, G) == plain(triples)
    assert [line.split('"')[1] for line in nquads(triples, G).splitlines()] == \
        ["e", "z", "é", "\u0100", "\uffff", "\U0001F600"]


def test_a_statement_made_twice_is_written_once():
    s, p = URIRef("https://x.org/s"), URIRef("https://x.org/p")
    assert nquads_utf8([(s, p, Literal("a")), (s, p, Literal("a"))], G).count(b"\n") == 1
