"""Specifications of void.ttl, the VoID + DCAT description of the dataset a build publishes."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, VOID

from kg import __version__
from kg.mapping.core import ONTOLOGY_IRI, SCHEMA
from kg.publishing.dumps import write_dumps
from kg.publishing.files import DUMPS, read_quads
from kg.publishing.vocabulary import VOCABULARY_GRAPH
from kg.publishing.void import DEFAULT_LICENSE, SHAPES_IRI, describe, write_void

BASE = "https://example.org/declass-kg/"
PUBLISHED_AT = "https://archive.example.org/declass-kg/2024/"


def dataset_of(void: Graph) -> URIRef:
    (ds,) = set(void.subjects(RDF.type, VOID.Dataset))
    return ds


def number(void: Graph, subject, predicate) -> int:
    (value,) = list(void.objects(subject, predicate))
    return int(value)


@pytest.fixture(scope="module")
def seed_void(seed_out) -> tuple[Graph, Graph]:
    """The seed's void.ttl (read as if fetched from PUBLISHED_AT) and its kg.ttl."""
    void = Graph().parse(seed_out / "void.ttl", format="turtle", publicID=PUBLISHED_AT + "void.ttl")
    return void, Graph().parse(seed_out / "kg.ttl")


# --- the counts are the graph's ---------------------------------------------------------------


def test_the_void_description_counts_the_triples_it_describes(seed_void):
    void, data = seed_void
    assert number(void, dataset_of(void), VOID.triples) == len(data)


def test_it_counts_entities_as_the_distinct_iri_subjects(seed_void):
    void, data = seed_void
    entities = {s for s in data.subjects() if isinstance(s, URIRef)}
    assert number(void, dataset_of(void), VOID.entities) == len(entities)
    assert number(void, dataset_of(void), VOID.distinctSubjects) == len(set(data.subjects()))
    assert number(void, dataset_of(void), VOID.distinctObjects) == len(set(data.objects()))


def test_every_class_used_has_a_partition_with_its_number_of_instances(seed_void):
    void, data = seed_void
    expected = Counter(o for _s, o in data.subject_objects(RDF.type))
    got = {void.value(part, VOID["class"]): number(void, part, VOID.entities)
           for part in void.objects(dataset_of(void), VOID.classPartition)}
    assert got == dict(expected)
    assert number(void, dataset_of(void), VOID.classes) == len(expected)


def test_every_property_used_has_a_partition_with_its_number_of_triples(seed_void):
    void, data = seed_void
    expected = Counter(p for _s, p, _o in data)
    got = {void.value(part, VOID.property): number(void, part, VOID.triples)
           for part in void.objects(dataset_of(void), VOID.propertyPartition)}
    assert got == dict(expected)
    assert number(void, dataset_of(void), VOID.properties) == len(expected)


def test_the_number_of_documents_is_the_number_of_source_documents_published(seed_out, seed_void):
    void, _data = seed_void
    report = json.loads((seed_out / "build-report.json").read_text())
    graphs = {q.graph_name.value for q in read_quads(seed_out / "kg.nq")}
    documents = {d["graph"] for d in report["documents"] if d["status"] == "published"}
    assert number(void, dataset_of(void), VOID.documents) == len(documents) >= 1
    # beside the documents: the dataset's description and the vocabulary
    assert graphs == documents | {str(dataset_of(void)), VOCABULARY_GRAPH}


def test_a_triple_stated_in_two_documents_is_counted_once(small_nquads):
    void = describe(read_quads(small_nquads), BASE)
    ds = dataset_of(void)
    assert number(void, ds, VOID.triples) == 17   # 19 quads; two triples are in both graphs
    assert number(void, ds, VOID.documents) == 2       # named graphs; the default graph is none
    persons = [p for p in void.objects(ds, VOID.classPartition)
               if void.value(p, VOID["class"]) == SCHEMA.Person]
    assert number(void, persons[0], VOID.entities) == 1


# --- what it says about the dataset -----------------------------------------------------------


def test_it_names_the_licence_cc0_by_default_and_a_project_may_choose_another(tmp_path, small_nquads):
    (tmp_path / "kg.nq").write_text(small_nquads, "utf-8")
    void = Graph().parse(write_void(tmp_path))
    assert void.value(dataset_of(void), DCTERMS.license) == URIRef(DEFAULT_LICENSE)
    assert "publicdomain/zero/1.0" in DEFAULT_LICENSE
    other = "https://creativecommons.org/licenses/by/4.0/"
    void = Graph().parse(write_void(tmp_path, license=other))
    assert void.value(dataset_of(void), DCTERMS.license) == URIRef(other)


def test_it_says_which_software_and_version_made_it_and_what_it_conforms_to(seed_void):
    void, _ = seed_void
    ds = dataset_of(void)
    software = void.value(ds, DCTERMS.creator)
    assert void.value(software, SCHEMA.softwareVersion) == Literal(__version__)
    assert (void.value(ds, PROV.wasGeneratedBy), PROV.wasAssociatedWith, software) in void
    assert set(void.objects(ds, DCTERMS.conformsTo)) == {URIRef(ONTOLOGY_IRI), URIRef(SHAPES_IRI)}
    assert void.value(ds, DCTERMS.title) and void.value(ds, DCTERMS.description)
    assert (ds, RDF.type, DCAT.Dataset) in void


def test_each_dump_is_a_data_dump_and_a_dcat_distribution_that_resolves_to_the_file(seed_out, seed_void):
    """The dump links are relative to void.ttl: they resolve to wherever the folder is served."""
    void, _ = seed_void
    ds = dataset_of(void)
    base = PUBLISHED_AT
    dumps = {str(u) for u in void.objects(ds, VOID.dataDump)}
    assert dumps == {base + name for name, _type, _title in DUMPS}
    for dist in void.objects(ds, DCAT.distribution):
        url = str(void.value(dist, DCAT.downloadURL))
        media = str(void.value(dist, DCAT.mediaType))
        name = url[len(base):]
        assert (seed_out / name).is_file(), url
        assert media.endswith(dict((n, t) for n, t, _ in DUMPS)[name])
        assert int(void.value(dist, DCAT.byteSize)) == (seed_out / name).stat().st_size


def test_no_local_path_is_written_into_void(seed_out):
    text = (seed_out / "void.ttl").read_text("utf-8")
    assert "file:" not in text
    assert str(seed_out.resolve().parent) not in text and "/tmp" not in text


def test_the_dump_links_follow_a_configured_dataset_base(small_nquads):
    void = describe(read_quads(small_nquads), BASE)
    assert URIRef(BASE + "kg.ttl") in set(void.objects(dataset_of(void), VOID.dataDump))
    with pytest.raises(ValueError):
        describe(read_quads(small_nquads), "https://example.org/no-slash")


def test_a_sparql_endpoint_is_named_only_when_one_is_given(seed_void, small_nquads):
    void, _ = seed_void
    assert void.value(dataset_of(void), VOID.sparqlEndpoint) is None
    endpoint = "http://127.0.0.1:7878/query"
    served = describe(read_quads(small_nquads), BASE, sparql_endpoint=endpoint)
    ds = dataset_of(served)
    assert served.value(ds, VOID.sparqlEndpoint) == URIRef(endpoint)
    (service,) = set(served.subjects(DCAT.endpointURL, URIRef(endpoint)))
    assert (service, DCAT.servesDataset, ds) in served


def test_the_description_is_byte_stable(tmp_path, small_nquads):
    first = write_void(tmp_path, read_quads(small_nquads), dataset_base=BASE).read_bytes()
    second = write_void(tmp_path, read_quads(small_nquads), dataset_base=BASE).read_bytes()
    assert first == second


def test_write_void_can_redescribe_a_built_folder_with_its_endpoint(tmp_path, small_nquads):
    # what `kg serve` can do once it knows its URL
    (tmp_path / "kg.nq").write_text(small_nquads, "utf-8")
    write_dumps(tmp_path, small_nquads)
    path = write_void(tmp_path, sparql_endpoint="http://localhost:7878/query")
    void = Graph().parse(path)
    assert void.value(dataset_of(void), VOID.sparqlEndpoint) == URIRef("http://localhost:7878/query")
    assert Path(path).name == "void.ttl"
