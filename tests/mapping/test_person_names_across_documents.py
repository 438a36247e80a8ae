"""Persons across documents in the graph: a person the authority file does not know is printed
"Mr. Joseph Kessler" in one document and "Mr. Kessler" in another.  The full name is one IRI
for every document that prints it; the bare surname is a person of its document only (an IRI
under the document's), never merged on the surname; the merged graph names each once and
conforms to the shapes."""
from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDFS

from kg.mapping.core import DEFAULT_BASE, DK, VOCAB
from kg.pipeline import process_file
from kg.lexicon.personal_names import display_slug
from kg.validating import validate

ONE = ("MEMORANDUM OF CONVERSATION\n\nOctober 20, 1962\n\nPARTICIPANTS: Mr. Joseph Kessler; "
       "Ambassador Dobrynin\n\nMr. Kessler said that the shipment had left Odessa on Monday.\n")
TWO = ("MEMORANDUM FOR THE RECORD\n\nOctober 21, 1962\n\nThe station reported that Mr. Kessler "
       "had met the courier twice in Mexico City during the week.\n")
THREE = ("MEMORANDUM FOR THE RECORD\n\nOctober 23, 1962\n\nThe station reported that Mr. Joseph "
         "Kessler had left Mexico City for Havana.\n")


def merged_graph(tmp_path, texts: dict[str, str]) -> tuple[Graph, dict[str, str]]:
    merged, nquads = Graph(), {}
    for name, text in texts.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = process_file(path)
        assert result.published, result.reason
        nquads[name] = result.nquads
        graphs = Dataset()
        graphs.parse(data=result.nquads, format="nquads")
        for s_, p_, o_, _g in graphs.quads((None, None, None, None)):
            merged.add((s_, p_, o_))
    return merged, nquads


def test_a_full_name_is_one_iri_and_a_bare_surname_a_person_of_its_document(tmp_path):
    merged, nquads = merged_graph(tmp_path, {"one.txt": ONE, "two.txt": TWO, "three.txt": THREE})
    joseph = URIRef(f"{DEFAULT_BASE}person/kessler-joseph")
    scoped = URIRef(f"{DEFAULT_BASE}doc/two/person/kessler")
    assert f"<{joseph}>" in nquads["one.txt"] and f"<{joseph}>" in nquads["three.txt"]
    assert f"<{joseph}>" not in nquads["two.txt"] and f"<{scoped}>" in nquads["two.txt"]
    assert f"<{DEFAULT_BASE}person/kessler>" not in "".join(nquads.values())
    assert [str(o) for o in merged.objects(joseph, RDFS.label)] == ["Joseph Kessler"]
    assert [str(o) for o in merged.objects(scoped, RDFS.label)] == ["Kessler"]
    assert set(merged.objects(joseph, DK.identityBasis)) == {VOCAB["identity-basis/full-name"]}
    assert set(merged.objects(scoped, DK.identityBasis)) == {VOCAB["identity-basis/document"]}
    assert validate(merged).conforms


def test_a_name_made_from_a_key_keeps_mc_and_particles():
    assert display_slug("mccone") == "McCone" and display_slug("de-gaulle") == "de Gaulle"
