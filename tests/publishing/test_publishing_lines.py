"""Canonical N-Quads read as text say what pyoxigraph's parser says: every term of every line,
a literal's value, language and datatype, whatever characters the value holds."""
from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.publishing.lines import (XSD_STRING, graphs, literal_parts, split_statement, statements,
                                 unescape)
from kg.publishing.merged import canonical_nquads


def _as_parsed(term: ox.Term) -> tuple:
    """What the text reader gives for a term pyoxigraph parsed."""
    if isinstance(term, ox.Literal):
        return term.value, term.language or "", term.datatype.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return f"<{term.value}>"


def _as_read(term: str) -> tuple | str:
    return literal_parts(term) if term.startswith('"') else term


def _agree(data: bytes) -> int:
    parsed = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    read = list(statements([data]))
    assert len(read) == len(parsed)
    for (s, p, o, g), q in zip(read, parsed):
        assert s == _as_parsed(q.subject) and p == _as_parsed(q.predicate)
        assert _as_read(o) == _as_parsed(q.object)
        assert g == ("" if isinstance(q.graph_name, ox.DefaultGraph) else _as_parsed(q.graph_name))
    return len(read)


def test_every_line_of_the_seed_dump_reads_as_pyoxigraph_parses_it(seed_out):
    assert _agree((seed_out / "kg.nq").read_bytes()) > 20_000


def test_every_kind_of_term_reads_as_pyoxigraph_parses_it(small_nquads):
    assert _agree(canonical_nquads(small_nquads)) == len(small_nquads.splitlines())


def test_a_file_read_in_pieces_gives_the_same_statements(tmp_path, seed_out, monkeypatch):
    import kg.publishing.lines as lines

    data = (seed_out / "kg.nq").read_bytes()
    whole = list(statements([data]))
    monkeypatch.setattr(lines, "PIECE_BYTES", 1000)      # many pieces, cut inside lines
    assert list(lines.statements([seed_out / "kg.nq"])) == whole


def test_each_graph_is_given_once_with_its_statements(small_nquads):
    # in the dumps' order: by graph, then by line (kg.nq, the sources publish passes)
    lines = canonical_nquads(small_nquads).splitlines(keepends=True)
    by_graph = sorted(lines, key=lambda line: (split_statement(line.decode()[:-1])[3], line))
    found = [(g, len(list(ts))) for g, ts in graphs([b"".join(by_graph)])]
    assert [g for g, _ in found] == sorted({g for g, _ in found})
    assert found[0] == ("", 1)                # the default graph's one statement sorts first
    assert sum(n for _, n in found) == len(small_nquads.splitlines())


def test_a_literal_whose_text_holds_quotes_and_spaces_ends_at_its_last_quote():
    line = '<http://a.example/s> <http://a.example/p> "x \\" <y> .\\" z"@en <http://a.example/g> .'
    assert split_statement(line)[2:] == ('"x \\" <y> .\\" z"@en', "<http://a.example/g>")
    assert literal_parts(split_statement(line)[2]) == ('x " <y> ." z', "en",
                                                       "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")


def test_escapes_of_every_kind_are_undone():
    assert unescape(r"a\tb\nc\rd\be\ff\"g\\h\u00e9\U0001F600") == "a\tb\nc\rd\be\ff\"g\\h\u00e9\U0001F600"
    assert unescape(r"\\u0041") == "\\u0041"          # an escaped backslash, then plain text


@settings(max_examples=300, deadline=None)
@given(value=st.text(), language=st.sampled_from(["", "en", "de-ch"]),
       datatype=st.sampled_from([None, "http://www.w3.org/2001/XMLSchema#date"]))
def test_any_literal_pyoxigraph_writes_reads_back_the_same(value, language, datatype):
    if language:
        literal = ox.Literal(value, language=language)
    elif datatype:
        literal = ox.Literal(value, datatype=ox.NamedNode(datatype))
    else:
        literal = ox.Literal(value)
    quad = ox.Quad(ox.NamedNode("http://a.example/s"), ox.NamedNode("http://a.example/p"), literal,
                   ox.NamedNode("http://a.example/g"))
    text = ox.serialize([quad], format=ox.RdfFormat.N_QUADS).decode("utf-8")
    (read,) = list(statements([text.encode("utf-8")]))
    assert literal_parts(read[2]) == (value, language, literal.datatype.value)
    assert read[3] == "<http://a.example/g>"
    if not language and not datatype:
        assert literal.datatype.value == XSD_STRING
