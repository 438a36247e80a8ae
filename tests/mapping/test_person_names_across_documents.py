"""One IRI, one name: a person the authority file does not know is printed "Mr. Kessler" in
one document and "Mr. Joseph Kessler" in another; the merged graph names him once (from his key),
keeps the fuller printed name as skos:altLabel, and conforms to the shapes."""
from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.mapping.core import DEFAULT_BASE
from kg.pipeline import process_file
from kg.resolving import display_name
from kg.validating import validate

ONE = ("MEMORANDUM OF CONVERSATION\n\nOctober 20, 1962\n\nPARTICIPANTS: Mr. Joseph Kessler; "
       "Ambassador Dobrynin\n\nMr. Kessler said that the shipment had left Odessa on Monday.\n")
TWO = ("MEMORANDUM FOR THE RECORD\n\nOctober 21, 1962\n\nThe station reported that Mr. Kessler "
       "had met the courier twice in Mexico City during the week.\n")


def test_an_unknown_person_has_one_name_in_the_merged_graph(tmp_path):
    merged = Graph()
    kessler = URIRef(f"{DEFAULT_BASE}person/kessler")
    for name, text in (("one.txt", ONE), ("two.txt", TWO)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = process_file(path)
        assert result.published, result.reason
        assert f"<{kessler}>" in result.nquads            # the same IRI in both documents
        graphs = Dataset()
        graphs.parse(data=result.nquads, format="nquads")
        for s_, p_, o_, _g in graphs.quads((None, None, None, None)):
            merged.add((s_, p_, o_))
    assert [str(o) for o in merged.objects(kessler, RDFS.label)] == [display_name("kessler")] == ["Kessler"]
    assert {str(o) for o in merged.objects(kessler, SKOS.altLabel)} == {"Joseph Kessler"}
    assert validate(merged).conforms


def test_a_name_made_from_a_key_keeps_mc_and_particles():
    assert display_name("mccone") == "McCone" and display_name("de-gaulle") == "de Gaulle"
