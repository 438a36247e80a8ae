"""The VoID + DCAT description of a build's dataset: ``void.ttl``.

What it says about the dataset (``<BASE dataset>``, the IRI the dumps' own description
graph uses too, see ``kg.publishing.dataset``; a ``void:Dataset`` and a ``dcat:Dataset``):

- title, description, keywords, licence and the attribution of the source texts
  (``schema:creditText``) — the licence defaults to CC0 1.0 (``DEFAULT_LICENSE``) for the
  data the tool produces; a project may pass another;
- the software that made it: ``dcterms:creator`` the software agent (with its
  ``schema:softwareVersion``), ``prov:wasGeneratedBy`` a build activity associated with it;
- ``dcterms:conformsTo`` the ontology and the SHACL shapes the data passed;
- statistics of the merged graph (the RDF merge of all graphs, i.e. ``kg.ttl``, counted while
  it is written, see ``kg.publishing.merged``): ``void:triples`` (distinct triples),
  ``void:entities`` (distinct IRI subjects), ``void:distinctSubjects``,
  ``void:distinctObjects``, ``void:properties``, ``void:classes``, ``void:documents`` (source
  documents published), a ``void:classPartition`` per class used (``void:class`` +
  ``void:entities``, the number of its instances) and a ``void:propertyPartition`` per
  property used (``void:property`` + ``void:triples``);
- ``void:vocabulary`` for each of the project's namespaces the data uses;
- ``void:dataDump`` and a ``dcat:distribution`` (``dcat:mediaType``, ``dcat:downloadURL``,
  ``dcterms:format``, ``dcat:byteSize`` when the file exists) for each dump file;
- ``void:sparqlEndpoint`` and a ``dcat:DataService`` when an endpoint URL is given.

File IRIs: the description itself, its partitions and the dumps are named relative to the
file (``<kg.ttl>``, ``<void.ttl#class-dk-Participation>``), so they resolve to wherever the
folder is served from and no local path is ever written; or absolute under ``dataset_base``
(the URL the folder is published at, ``https://example.org/declass-kg/``; ``kg build
--dataset-url``).  No timestamps or other run-dependent values are written, so the same data
and base give the same bytes.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, RDFS, VOID, XSD

from kg import __version__
from kg.mapping.core import ONTOLOGY_IRI, PREFIXES, SCHEMA
from kg.publishing.dataset import (DEFAULT_ATTRIBUTION, DEFAULT_LICENSE, SOFTWARE_IRI, TITLE,
                                   dataset_iri)
from kg.publishing.files import DUMPS, GZIP, GZIP_MEDIA_TYPE, VOID as VOID_FILE, atomic_write, read_quads
from kg.publishing.merged import Statistics, statistics_of

DEFAULT_TITLE = TITLE
DEFAULT_DESCRIPTION = (
    "Declassified government documents (memoranda of conversation, telegrams, letters) as a "
    "SHACL-checked knowledge graph: participants, persons, documents cited, claims, proposals "
    "and their responses, declassification reviews, markings and edits, each anchored to the "
    "exact characters of the source transcription (oa:start and oa:end count Unicode code "
    "points of the file's UTF-8 text, a leading byte-order mark not counted, line ends as they "
    "are; of the XML as written for TEI). One named graph per source document."
)
KEYWORDS = ("declassified documents", "Cold War", "diplomatic history", "archives")
SHAPES_IRI = "https://w3id.org/declass-kg/shapes"

FORMATS = Namespace("http://www.w3.org/ns/formats/")
IANA = "https://www.iana.org/assignments/media-types/"
W3C_FORMAT = {"text/turtle": FORMATS.Turtle, "application/n-quads": FORMATS["N-Quads"],
              "application/trig": FORMATS.TriG, "application/ld+json": FORMATS["JSON-LD"]}


def _compact(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(ns)) and iri != str(ns):
            return f"{prefix}-{iri[len(str(ns)):]}"
    return ""


def _fragment(kind: str, iri: str, taken: set[str]) -> str:
    """A readable, stable fragment for a partition: ``class-dk-Participation``."""
    readable = re.sub(r"[^A-Za-z0-9_.-]+", "-", _compact(iri)).strip("-")
    name = f"{kind}-{readable}" if readable else ""
    if not name or name in taken:
        name = f"{kind}-{hashlib.sha1(iri.encode('utf-8')).hexdigest()[:12]}"
    taken.add(name)
    return name


def describe(data: Statistics | Iterable[ox.Quad], dataset_base: str = "", *,
             dataset: str | None = None, out: Path | None = None,
             sparql_endpoint: str | None = None, title: str = DEFAULT_TITLE,
             description: str = DEFAULT_DESCRIPTION, license: str | None = None,
             attribution: str | None = None,
             dumps: Iterable[tuple[str, str, str]] | None = None) -> Graph:
    """The VoID/DCAT graph of the dataset with the statistics ``data`` (or of those quads).

    ``dataset_base`` is the IRI the dump files are found under (ends with ``/``), or ``""``
    for IRIs relative to ``void.ttl``.  ``dataset`` is the dataset's IRI (default:
    ``<https://w3id.org/declass-kg/id/dataset>``).  ``out``, when given, is the folder holding
    the dumps: their sizes go into ``dcat:byteSize``.  ``dumps`` lists (file name, media
    type, title); default: every dump a build writes.
    """
    if dataset_base and not dataset_base.endswith("/"):
        raise ValueError(f"dataset base {dataset_base!r} must end with '/'")
    stats = data if isinstance(data, Statistics) else statistics_of(data)
    license = license or DEFAULT_LICENSE
    here = f"{dataset_base}void.ttl"
    ds = URIRef(dataset or dataset_iri())
    software = URIRef(SOFTWARE_IRI)
    build = URIRef(f"{here}#build")
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("prov", PROV),
                       ("schema", SCHEMA), ("xsd", XSD), ("foaf", FOAF), ("rdfs", RDFS),
                       ("formats", FORMATS)):
        g.bind(prefix, ns, override=True)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=False)

    g.add((URIRef(here), RDF.type, VOID.DatasetDescription))
    g.add((URIRef(here), DCTERMS.title, Literal(f"A VoID description of the {title}", lang="en")))
    g.add((URIRef(here), FOAF.primaryTopic, ds))

    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal(title, lang="en")))
    g.add((ds, DCTERMS.description, Literal(description, lang="en")))
    for keyword in KEYWORDS:
        g.add((ds, DCAT.keyword, Literal(keyword, lang="en")))
    g.add((ds, DCTERMS.license, URIRef(license)))
    g.add((ds, SCHEMA.creditText, Literal(attribution or DEFAULT_ATTRIBUTION, lang="en")))
    g.add((ds, DCTERMS.creator, software))
    g.add((ds, PROV.wasGeneratedBy, build))
    g.add((ds, DCTERMS.conformsTo, URIRef(ONTOLOGY_IRI)))
    g.add((ds, DCTERMS.conformsTo, URIRef(SHAPES_IRI)))

    g.add((software, RDF.type, PROV.SoftwareAgent))
    g.add((software, RDF.type, SCHEMA.SoftwareApplication))
    g.add((software, SCHEMA.name, Literal("declass-kg")))
    g.add((software, SCHEMA.softwareVersion, Literal(__version__)))
    g.add((build, RDF.type, PROV.Activity))
    g.add((build, RDFS.label, Literal(f"kg build (declass-kg {__version__})")))
    g.add((build, PROV.wasAssociatedWith, software))

    def count(value: int) -> Literal:
        return Literal(value, datatype=XSD.integer)

    g.add((ds, VOID.triples, count(stats.triples)))
    g.add((ds, VOID.entities, count(stats.entities)))
    g.add((ds, VOID.distinctSubjects, count(stats.distinct_subjects)))
    g.add((ds, VOID.distinctObjects, count(stats.distinct_objects)))
    g.add((ds, VOID.properties, count(len(stats.properties))))
    g.add((ds, VOID.classes, count(len(stats.classes))))
    g.add((ds, VOID.documents, count(stats.documents)))

    taken: set[str] = set()
    for cls, n in stats.classes.items():
        part = URIRef(f"{here}#{_fragment('class', cls, taken)}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, count(n)))
    for prop, n in stats.properties.items():
        part = URIRef(f"{here}#{_fragment('property', prop, taken)}")
        g.add((ds, VOID.propertyPartition, part))
        g.add((part, VOID.property, URIRef(prop)))
        g.add((part, VOID.triples, count(n)))

    used = set(stats.classes) | set(stats.properties)
    for prefix, ns in sorted(PREFIXES.items()):
        if any(iri.startswith(str(ns)) for iri in used):
            g.add((ds, VOID.vocabulary, URIRef(str(ns))))

    for name, media_type, dump_title in (DUMPS if dumps is None else dumps):
        url = URIRef(f"{dataset_base}{name}")
        dist = URIRef(f"{here}#distribution-{re.sub(r'[^A-Za-z0-9]+', '-', name)}")
        g.add((ds, VOID.dataDump, url))
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(dump_title, lang="en")))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.mediaType, URIRef(IANA + media_type)))
        g.add((dist, DCTERMS.license, URIRef(license)))
        if media_type in W3C_FORMAT:
            g.add((dist, DCTERMS["format"], W3C_FORMAT[media_type]))
        if out is not None and (Path(out) / name).is_file():
            g.add((dist, DCAT.byteSize, Literal((Path(out) / name).stat().st_size,
                                                datatype=XSD.nonNegativeInteger)))
        if name.endswith(GZIP):        # the media type is the content's; the file is gzip
            g.add((dist, DCAT.compressFormat, URIRef(IANA + GZIP_MEDIA_TYPE)))
        if name.endswith((".jsonld", ".jsonld" + GZIP)):
            g.add((dist, RDFS.seeAlso, URIRef(f"{dataset_base}context.jsonld")))

    if sparql_endpoint:
        endpoint = URIRef(sparql_endpoint)
        service = URIRef(f"{here}#sparql-service")
        g.add((ds, VOID.sparqlEndpoint, endpoint))
        g.add((service, RDF.type, DCAT.DataService))
        g.add((service, DCTERMS.title, Literal("SPARQL 1.1 endpoint (Oxigraph)", lang="en")))
        g.add((service, DCAT.endpointURL, endpoint))
        g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
        g.add((service, DCAT.servesDataset, ds))
        g.add((ds, DCAT.distribution, URIRef(f"{here}#distribution-sparql")))
        dist = URIRef(f"{here}#distribution-sparql")
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.accessURL, endpoint))
        g.add((dist, DCAT.accessService, service))
    return g


def void_bytes(graph: Graph) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


def write_void(out: Path, data: Statistics | Iterable[ox.Quad] | None = None, *,
               dataset_base: str | None = None, dataset: str | None = None,
               sparql_endpoint: str | None = None, license: str | None = None,
               attribution: str | None = None,
               dumps: Iterable[tuple[str, str, str]] | None = None) -> Path:
    """Write ``out/void.ttl`` describing the dataset; return its path.

    ``data`` is the merged graph's statistics or the quads; it defaults to the quads of
    ``out/kg.nq`` (so ``kg serve`` can re-describe a built folder with its endpoint:
    ``write_void(out, sparql_endpoint="http://host:7878/query")``).  ``dataset_base``
    defaults to IRIs relative to the file.  ``dumps``: the dump files to list (see
    ``describe``; default every dump a build writes by default).
    """
    out = Path(out)
    if data is None:
        data = read_quads(out / "kg.nq")
    graph = describe(data, dataset_base or "", dataset=dataset, out=out,
                     sparql_endpoint=sparql_endpoint, license=license, attribution=attribution,
                     dumps=dumps)
    atomic_write(out / VOID_FILE, void_bytes(graph))
    return out / VOID_FILE
