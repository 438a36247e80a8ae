"""`kg validate` reads what kg build publishes: a dataset (TriG, N-Quads, JSON-LD with named
graphs) is checked as the union of its graphs; a file with no triples, or one that does not
parse, is an error that names the file and the line and says what to do."""
from __future__ import annotations

import gzip

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.validating.files import RdfFileError, read_rdf

TRIPLE = "<http://example.org/a> <http://example.org/b> <http://example.org/c>"
TWO_GRAPHS = {
    "data.trig": "@prefix ex: <http://example.org/> .\n"
                 "ex:g1 { ex:a ex:b ex:c . }\nex:g2 { ex:a ex:b ex:d . ex:a ex:b ex:c . }\n",
    "data.nq": f"{TRIPLE} <http://example.org/g1> .\n"
               "<http://example.org/a> <http://example.org/b> <http://example.org/d> <http://example.org/g2> .\n",
    "data.jsonld": '[{"@id": "http://example.org/g1", "@graph": [{"@id": "http://example.org/a", '
                   '"http://example.org/b": {"@id": "http://example.org/c"}}]},'
                   ' {"@id": "http://example.org/g2", "@graph": [{"@id": "http://example.org/a", '
                   '"http://example.org/b": {"@id": "http://example.org/d"}}]}]',
}


@pytest.mark.parametrize("name", sorted(TWO_GRAPHS))
def test_a_dataset_is_read_as_the_union_of_its_named_graphs(tmp_path, name):
    path = tmp_path / name
    path.write_text(TWO_GRAPHS[name], encoding="utf-8")
    rdf = read_rdf(path)
    assert len(rdf.graph) == 2 and rdf.named_graphs == 2
    assert rdf.describe().endswith("2 triples in 2 named graphs")


@pytest.mark.parametrize("name, text", [("empty.ttl", ""), ("blank.jsonld", "\n  \n"),
                                        ("nothing.jsonld", "{}"), ("prefixes.trig", "@prefix ex: <http://e/> .\n")])
def test_a_file_with_no_triples_is_an_error_not_a_graph_that_conforms(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RdfFileError, match=rf"{name}: holds no triples .*nothing to check"):
        read_rdf(path)


@pytest.mark.parametrize("name, text, line, reason", [
    ("broken.ttl", '@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n', 3,
     "newline found in string literal"),
    ("broken.nq", f"{TRIPLE} <http://e/g> .\n<http://e/a> <http://e/b> c .\n", 2, "Unrecognised object type"),
    ("broken.jsonld", '{\n  "@id": "http://e/a",\n  "http://e/b": \n}', 4, "Expecting value"),
    ("broken.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
                   '<rdf:Description>\n</rdf:RDF>\n', 4, "mismatched tag"),
])
def test_a_parse_error_names_the_file_the_line_and_what_is_wrong_in_words(tmp_path, name, text, line, reason):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RdfFileError) as caught:
        read_rdf(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line {line}: not valid ")
    assert reason in message and "what to do:" in message
    assert "b'" not in message and "\\n" not in message


def test_an_unknown_extension_says_which_are_known(tmp_path):
    path = tmp_path / "data.txt"
    path.write_text(TRIPLE + " .\n", encoding="utf-8")
    with pytest.raises(RdfFileError, match=r"unknown extension '.txt'.*\.jsonld.*\.trig"):
        read_rdf(path)


def test_kg_validate_exits_non_zero_on_an_empty_file_and_says_why(tmp_path):
    (tmp_path / "kg.jsonld").write_text("", encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", str(tmp_path / "kg.jsonld")])
    assert r.exit_code == 1
    assert "holds no triples" in r.output and "conforms" not in r.output


@pytest.mark.parametrize("name", sorted(TWO_GRAPHS))
def test_a_gzip_compressed_dump_is_read_by_the_extension_under_gz(tmp_path, name):
    # kg build --compress writes kg.nq.gz, kg.trig.gz, ...
    path = tmp_path / f"{name}.gz"
    path.write_bytes(gzip.compress(TWO_GRAPHS[name].encode("utf-8")))
    rdf = read_rdf(path)
    assert len(rdf.graph) == 2 and rdf.named_graphs == 2


def test_a_compressed_file_that_does_not_parse_names_its_line(tmp_path):
    path = tmp_path / "broken.nq.gz"
    path.write_bytes(gzip.compress(f"{TRIPLE} <http://e/g> .\n<http://e/a> <http://e/b> c .\n".encode()))
    with pytest.raises(RdfFileError, match=r"broken\.nq\.gz, line 2: not valid N-Quads"):
        read_rdf(path)


def test_a_cut_gzip_file_is_an_error_in_words(tmp_path):
    path = tmp_path / "kg.nq.gz"
    path.write_bytes(gzip.compress((TRIPLE + " .\n").encode())[:-6])
    with pytest.raises(RdfFileError, match=r"kg\.nq\.gz: not a whole gzip file"):
        read_rdf(path)
