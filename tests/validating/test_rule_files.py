"""The rules (shapes/*.ttl, ontology/*.ttl) are read with pyoxigraph into rdflib graphs: the
same statements and prefixes rdflib's own Turtle parser gives, blank nodes kept apart per file,
and a file that is not Turtle named in the error."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.validating import rules


@pytest.mark.parametrize("folder", [rules.shapes_dir(), rules.ontology_dir()], ids=["shapes", "ontology"])
def test_the_shipped_rules_read_as_rdflib_reads_them(folder):
    ours = rules._load_dir(Path(folder))
    theirs = Graph()
    for path in sorted(Path(folder).glob("*.ttl")):
        theirs.parse(path, format="turtle")
    assert len(ours) == len(theirs) > 900
    assert isomorphic(ours, theirs)
    assert sorted(ours.namespaces()) == sorted(theirs.namespaces())


LITERALS = """@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:s ex:plain "a" ; ex:lang "b"@en ; ex:int 7 ; ex:dec 1.50 ; ex:bool true ;
     ex:typed "2020-01-01"^^xsd:date ; ex:long \"\"\"two
lines\"\"\" ; ex:list ( ex:a ex:b ) ; ex:nested [ ex:p [ ex:q "x" ] ] .
"""


def test_every_kind_of_term_reads_as_rdflib_reads_it(tmp_path):
    (tmp_path / "a.ttl").write_text(LITERALS, encoding="utf-8")
    theirs = Graph().parse(tmp_path / "a.ttl", format="turtle")
    assert isomorphic(rules._load_dir(tmp_path), theirs)


def test_a_language_tag_is_lower_cased_and_still_equal_to_rdflibs(tmp_path):
    # RDF compares language tags without case; pyoxigraph writes them in lower case, rdflib
    # keeps them as written but compares (and hashes) them without case, as pyshacl does
    (tmp_path / "a.ttl").write_text('<http://example.org/s> <http://example.org/p> "b"@en-GB .\n')
    ours = next(rules._load_dir(tmp_path).objects())
    theirs = next(Graph().parse(tmp_path / "a.ttl", format="turtle").objects())
    assert ours.language == "en-gb" and ours == theirs and hash(ours) == hash(theirs)


def test_a_blank_node_label_belongs_to_its_file(tmp_path):
    (tmp_path / "a.ttl").write_text("_:x <http://example.org/p> 1 .\n", encoding="utf-8")
    (tmp_path / "b.ttl").write_text("_:x <http://example.org/p> 2 .\n", encoding="utf-8")
    assert len(set(rules._load_dir(tmp_path).subjects())) == 2


def test_a_rule_file_that_is_not_turtle_is_named(tmp_path):
    (tmp_path / "broken.ttl").write_text("<http://example.org/a> <http://example.org/b> .\n")
    with pytest.raises(SyntaxError, match="broken.ttl: not valid Turtle"):
        rules._load_dir(tmp_path)


def test_a_folder_without_rules_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="KG_SHAPES_DIR"):
        rules._load_dir(tmp_path)
