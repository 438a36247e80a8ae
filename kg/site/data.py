"""What the pages show, read from the store with SPARQL into small records.

Everything here comes from the knowledge graph (the store `kg build` loads), never from the
extractors: a page shows what an archive that ingested the dumps would see.  The only other
input is the source file itself, found by ``kg.site.sources`` and checked against the
checksum the graph records.

What it does not do: render HTML (``kg.site.pages``) or decide how text is highlighted
(``kg.site.text``).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.querying.query import project_prefixes

# Properties of an extracted item that the pages show, fetched for every item at once.
ITEM_PROPERTIES = (
    "prov:wasAttributedTo", "dk:speaker", "dk:proposedBy", "dk:respondedBy", "dk:responseStatus",
    "dk:hasResponse", "dk:mentionOf", "dk:surface", "cito:hasCitedEntity", "dk:quotedFrom",
    "rico:hasActivityType", "dk:reviewDate", "dk:reviewer", "dk:offersAction", "dk:decidedAction",
    "dk:markingText", "dk:classificationLevel", "dk:handlingCaveat", "dk:struck",
    "dk:markingPosition", "schema:about", "dk:editText", "dk:printedAs", "dk:inTextPhrase",
    "dk:speakerAsPrinted", "dk:proposalAct", "prov:agent", "rico:creationRelationHasTarget",
    "dk:delegation", "dk:titleAsPrinted", "dk:mentionRole", "dk:dateAsPrinted",
)
# The kind of an item, by its most specific class (first match wins).
KINDS = (
    ("dk:Proposal", "proposal"), ("dk:Response", "response"), ("schema:Claim", "claim"),
    ("dk:SpeakerTurn", "turn"), ("dk:PersonMention", "mention"), ("cito:Citation", "citation"),
    ("dk:Quotation", "quotation"), ("dk:ReviewEvent", "review"), ("dk:Marking", "marking"),
    ("dk:Deletion", "deletion"), ("dk:Insertion", "insertion"), ("dk:Redaction", "redaction"),
    ("dk:PageNumber", "page"), ("dk:Participation", "participant"),
    ("rico:CreationRelation", "drafter"),
)


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    exact: str
    reading: str


@dataclass
class Item:
    """One extracted item of a document with its evidence and the properties pages show."""

    iri: str
    kind: str                                    # claim, proposal, mention, ... or "field"
    evidence: list[Evidence] = field(default_factory=list)
    props: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def first(self, prop: str) -> str | None:
        values = self.props.get(prop)
        return values[0] if values else None

    @property
    def start(self) -> int:
        return min((e.start for e in self.evidence), default=0)

    @property
    def reading(self) -> str:
        return " … ".join(e.reading for e in sorted(self.evidence, key=lambda e: e.start))


@dataclass
class Document:
    iri: str
    graph: str
    file_name: str
    sha256: str
    reader: str = ""
    date: str = ""
    fields: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    items: list[Item] = field(default_factory=list)
    page: str = ""          # the file name of its page and RDF, unique in the site

    @property
    def slug(self) -> str:
        """The document's IRI after ``/doc/`` (a path when the build names documents by one)."""
        tail = self.iri.split("/doc/", 1)[1] if "/doc/" in self.iri else self.iri.rsplit("/", 1)[-1]
        return tail.strip("/")


@dataclass
class SiteData:
    """The slice of the knowledge graph the site shows, with labels for every IRI."""

    documents: list[Document]
    labels: dict[str, str]
    persons: dict[str, "Person"]
    cited: dict[str, dict[str, list[str]]]


@dataclass
class Person:
    iri: str
    name: str
    alt_names: list[str] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.iri.rstrip("/").rsplit("/", 1)[-1]


class Reader:
    """Runs the site's queries against one store, with the project's prefixes predeclared."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.prefixes = project_prefixes()

    def select(self, query: str) -> list[dict[str, str]]:
        """The solutions as ``{variable: lexical value}``, unbound variables left out."""
        result = self.store.query(query, prefixes=self.prefixes)
        names = [v.value for v in result.variables]
        return [{name: term.value for name, term in zip(names, solution) if term is not None}
                for solution in result]


DOCUMENTS = """SELECT ?doc ?g ?file ?sha ?reader WHERE {
  GRAPH ?g { ?doc dk:sourceFile ?src . ?src dk:fileName ?file ; dk:sha256 ?sha .
             OPTIONAL { ?src dk:readBy ?reader } } }"""
# The metadata panel: one (property, value) row per field; IRIs get labels separately.
FIELDS = """SELECT ?doc ?p ?o WHERE {
  ?doc dk:sourceFile ?src .
  {
    VALUES ?p { rico:hasDocumentaryFormType dcterms:created dk:subjectLine rico:title
                dk:securityClassification dk:handlingCaveat rico:identifier dk:placePrinted
                dk:draftedBy rico:hasCreator dk:originatingAgency dk:addressedTo dk:releaseStatus
                rico:hasRecordState }
    ?doc ?p ?o
  } UNION {
    ?doc rico:isAssociatedWithPlace ?o . BIND (rico:isAssociatedWithPlace AS ?p)
  } UNION {
    ?doc dk:hasTransmission/dk:sender ?o . BIND (dk:sender AS ?p)
  }
}"""
EVIDENCE = """SELECT ?doc ?item ?s ?e ?x ?r WHERE {
  ?item dk:hasEvidence ?ann . ?ann oa:hasTarget ?target .
  ?target oa:hasSource ?src ; oa:hasSelector ?sel .
  ?doc dk:sourceFile ?src .
  ?sel oa:start ?s ; oa:end ?e ; oa:exact ?x .
  OPTIONAL { ?sel dk:readingText ?r }
}"""
TYPES = """SELECT ?item ?type WHERE {
  ?item dk:hasEvidence ?ann ; a ?type .
}"""
PROPERTIES = """SELECT ?item ?p ?o WHERE {
  ?item dk:hasEvidence ?ann .
  VALUES ?p { %s }
  ?item ?p ?o .
}""" % " ".join(ITEM_PROPERTIES)
LABELS = """SELECT ?iri ?label WHERE {
  { ?iri rdfs:label ?label } UNION { ?iri skos:prefLabel ?label }
}"""
PERSONS = """SELECT ?iri ?name ?alt ?same WHERE {
  ?iri a rico:Person ; rdfs:label ?name .
  OPTIONAL { ?iri skos:altLabel ?alt }
  OPTIONAL { ?iri owl:sameAs ?same }
}"""
CITED = """SELECT ?iri ?p ?o WHERE {
  ?iri a dk:CitedDocument .
  VALUES ?p { rdfs:label dk:documentKind rico:hasCreator rico:hasAddressee dcterms:created
              dcterms:identifier }
  ?iri ?p ?o .
}"""


def read_graph(store: ox.Store) -> SiteData:
    """Everything the site shows, in a handful of queries over the whole store."""
    reader = Reader(store)
    expand = _expander(reader.prefixes)
    docs = {row["doc"]: Document(row["doc"], row["g"], row["file"], row["sha"], row.get("reader", ""))
            for row in reader.select(DOCUMENTS)}
    curie = _compacter(reader.prefixes)
    for row in reader.select(FIELDS):
        doc = docs.get(row["doc"])
        if doc is not None and row["o"] not in doc.fields[curie(row["p"])]:
            doc.fields[curie(row["p"])].append(row["o"])
    for doc in docs.values():
        created = doc.fields.get("dcterms:created")
        doc.date = min(created) if created else ""
    items: dict[str, Item] = {}
    owner: dict[str, str] = {}
    for row in reader.select(EVIDENCE):
        if row["doc"] not in docs:
            continue
        item = items.get(row["item"])
        if item is None:
            item = items[row["item"]] = Item(row["item"], "field")
            owner[row["item"]] = row["doc"]
        ev = Evidence(int(row["s"]), int(row["e"]), row["x"], row.get("r") or " ".join(row["x"].split()))
        if ev not in item.evidence:
            item.evidence.append(ev)
    kinds = [(expand(cls), kind) for cls, kind in KINDS]
    types: dict[str, set[str]] = defaultdict(set)
    for row in reader.select(TYPES):
        types[row["item"]].add(row["type"])
    for iri, item in items.items():
        item.evidence.sort(key=lambda e: (e.start, e.end))
        item.kind = next((kind for cls, kind in kinds if cls in types[iri]), "field")
    for row in reader.select(PROPERTIES):
        item = items.get(row["item"])
        if item is not None and row["o"] not in item.props[curie(row["p"])]:
            item.props[curie(row["p"])].append(row["o"])
    for iri in sorted(items, key=lambda i: (items[i].start, i)):
        docs[owner[iri]].items.append(items[iri])
    labels: dict[str, str] = {}
    for row in sorted(reader.select(LABELS), key=lambda r: (r["iri"], r["label"])):
        labels.setdefault(row["iri"], row["label"])
    persons: dict[str, Person] = {}
    for row in sorted(reader.select(PERSONS), key=lambda r: tuple(sorted(r.items()))):
        person = persons.setdefault(row["iri"], Person(row["iri"], row["name"]))
        for key, values in (("alt", person.alt_names), ("same", person.same_as)):
            if key in row and row[key] not in values:
                values.append(row[key])
    cited: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in reader.select(CITED):
        if row["o"] not in cited[row["iri"]][curie(row["p"])]:
            cited[row["iri"]][curie(row["p"])].append(row["o"])
    ordered = sorted(docs.values(), key=lambda d: (d.date or "9999", d.file_name))
    _name_pages(ordered)
    return SiteData(ordered, labels, persons, cited)


def _name_pages(docs: list[Document]) -> None:
    """Give each document a file name of its own: its slug made file-safe ("a/dup" ->
    "a--dup"), with a short hash of its IRI where two would still meet."""
    def safe(text: str) -> str:
        return "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in text.replace("/", "--")) or "doc"

    counts: dict[str, int] = defaultdict(int)
    for doc in docs:
        counts[safe(doc.slug)] += 1
    for doc in docs:
        name = safe(doc.slug)
        if counts[name] > 1:
            name += "-" + hashlib.sha1(doc.iri.encode("utf-8")).hexdigest()[:8]
        doc.page = name


def _compacter(prefixes: dict[str, str]):
    """IRI -> ``prefix:local`` with the longest matching namespace (how pages name properties)."""
    ordered = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))

    def compact(iri: str) -> str:
        return next((f"{p}:{iri[len(ns):]}" for p, ns in ordered if iri.startswith(ns)), iri)

    return compact


def _expander(prefixes: dict[str, str]):
    def expand(curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return prefixes[prefix] + local

    return expand
