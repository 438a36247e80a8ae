"""Archive dumps beside kg.ttl and kg.nq: TriG, JSON-LD with the shipped @context, and VoID.

From the published N-Quads (one named graph per source document, plus the dataset's own
description, see ``kg.publishing.dataset``) it writes, each atomically and byte-stable:

- ``kg.trig``        the named graphs as TriG, one block per graph (pyoxigraph's writer);
- ``kg.jsonld``      the named graphs as JSON-LD 1.0/1.1, with the shipped context embedded
                     inline (so the dump loads offline) and compacted against it;
- ``context.jsonld`` a copy of the shipped context (``kg/data/context.jsonld``) for reuse;
- ``void.ttl``       the VoID + DCAT description of the dataset (see ``kg.publishing.void``).

Both dataset dumps are streamed from *canonical* N-Quads: statements as pyoxigraph writes
them, sorted by graph and then by line (``kg.nq`` of a build is written in that order), so
each graph is one contiguous stretch and memory follows the largest graph, not the corpus.
``write_dumps`` brings any N-Quads into that order first (on disk, see
``kg.publishing.merged.ExternalSort``).

The JSON-LD writer is our own, not rdflib's: rdflib's output order follows its in-memory
store, so its bytes are not stable.  It uses only plain expansion rules, so any JSON-LD
processor reads it back: node objects per subject within ``{"@id": graph, "@graph": [...]}``,
keys are the context's short names (``mentionOf``) where the term's coercion fits the value,
else compact IRIs (``rico:hasCreator``), else the full IRI; values are ``{"@id": ...}``,
``{"@value": ..., "@type"|"@language": ...}`` or a plain string (an xsd:string literal, or a
value of a coerced term).  Never JSON numbers or booleans, which would change datatypes.

The shipped context holds the project's prefixes (``kg.mapping.core.PREFIXES``) and a short
name for every class and property the ontology declares in the ``dk:`` namespace, plus a few
reused terms (``label``, ``name``, ``exact``, ``start`` ...).  When the ontology grows,
regenerate it with::

    python -c "from kg.publishing.dumps import write_context_file; write_context_file()"

Terms missing from the context are still written, as compact IRIs; nothing is lost.
"""
from __future__ import annotations

import io
import json
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _string
from pathlib import Path
from typing import Iterable, Union

import pyoxigraph as ox

from kg import shipped
from kg.mapping.core import PREFIXES
from kg.publishing.files import (CONTEXT, DUMP_FORMATS, GZIP, JSONLD, TRIG, Concatenated, NQuadsSource,
                                 atomic_write, dump_files, dump_stream)
from kg.publishing.merged import (ExternalSort, SortedPrefixes, Statistics, count, document_graphs,
                                  graph_key)
from kg.publishing.lines import Statement, graphs, literal_parts
from kg.publishing.void import write_void

CONTEXT_PATH = Path(__file__).resolve().parents[1] / "data" / "context.jsonld"
ONTOLOGY_DIR = shipped.ontology_dir()

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

# Reused (non-dk) terms that get a short name in the context: short name -> (compact IRI, coercion).
REUSED_TERMS = {
    "label": ("rdfs:label", None),
    "comment": ("rdfs:comment", None),
    "seeAlso": ("rdfs:seeAlso", "@id"),
    "sameAs": ("owl:sameAs", "@id"),
    "name": ("schema:name", None),
    "prefLabel": ("skos:prefLabel", None),
    "hasBody": ("oa:hasBody", "@id"),
    "hasTarget": ("oa:hasTarget", "@id"),
    "hasSource": ("oa:hasSource", "@id"),
    "hasSelector": ("oa:hasSelector", "@id"),
    "motivatedBy": ("oa:motivatedBy", "@id"),
    "exact": ("oa:exact", None),
    "start": ("oa:start", "xsd:nonNegativeInteger"),
    "end": ("oa:end", "xsd:nonNegativeInteger"),
    "wasDerivedFrom": ("prov:wasDerivedFrom", "@id"),
}


# --- reading the published N-Quads -----------------------------------------------------------


def dump_prefixes() -> dict[str, str]:
    """The prefixes the Turtle, TriG and JSON-LD dumps declare (sorted)."""
    extra = {"rdf": RDF_NS, "void": "http://rdfs.org/ns/void#", "dcat": "http://www.w3.org/ns/dcat#"}
    return dict(sorted(({p: str(ns) for p, ns in PREFIXES.items()} | extra).items()))


def canonicalize(nquads: NQuadsSource, target: Path, triples: ExternalSort | None = None) -> None:
    """Write any N-Quads to ``target`` in canonical order (graph, then line; see the module
    docstring), without repeats; each statement's triple also goes to ``triples``."""
    if isinstance(nquads, (str, bytes)):
        data = nquads.encode("utf-8") if isinstance(nquads, str) else nquads
        quads = ox.parse(data, format=ox.RdfFormat.N_QUADS)
    else:
        quads = ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    lines = ExternalSort(target.parent / f".{target.name}.sort")
    for q in quads:
        line = ox.serialize([q], format=ox.RdfFormat.N_QUADS)
        lines.add(graph_key(None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value)
                  + b"\t" + line)
        if triples is not None:
            triples.add(ox.serialize([ox.Triple(q.subject, q.predicate, q.object)],
                                     format=ox.RdfFormat.N_TRIPLES))
    with open(target, "wb") as fh:
        fh.writelines(line.split(b"\t", 1)[1] for line in lines)


# Canonical N-Quads to write a dump from: a file, or the graphs' sources (files or bytes) in
# order, read as one stream (``kg.publishing.publish`` passes these: kg.nq may not be written).
Canonical = Union[Path, Iterable[Union[Path, bytes]]]


def _parse(nquads: Canonical) -> Iterable[ox.Quad]:
    if isinstance(nquads, (str, Path)):
        return ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    return ox.parse(io.BufferedReader(Concatenated(nquads), 1 << 20), format=ox.RdfFormat.N_QUADS)


def _sources(nquads: Canonical) -> Iterable[Union[Path, bytes]]:
    return [Path(nquads)] if isinstance(nquads, (str, Path)) else nquads


# --- TriG ------------------------------------------------------------------------------------


def write_trig(nquads: Canonical, target: Path, compress: bool = False) -> None:
    """Canonical N-Quads as TriG: one block per graph, each subject once within it."""
    with dump_stream(target, compress) as fh:
        writer = SortedPrefixes(fh)
        ox.serialize(_parse(nquads), writer, format=ox.RdfFormat.TRIG, prefixes=dump_prefixes())
        writer.flush()


# --- JSON-LD ---------------------------------------------------------------------------------


def load_context(path: Path = CONTEXT_PATH) -> dict:
    """The shipped JSON-LD context document (``{"@context": {...}}``)."""
    return json.loads(path.read_text("utf-8"))


@dataclass(frozen=True)
class _Compactor:
    """Compacts IRIs and chooses keys/values against one context (simple term definitions)."""

    prefixes: tuple[tuple[str, str], ...]           # (prefix, namespace), longest namespace first
    terms: dict[str, tuple[tuple[str, str | None], ...]]   # IRI -> ((term, coercion IRI|"@id"|None), ...)
    # Answers already given (the same few hundred IRIs and predicates recur ~100k times).
    _iris: dict = field(default_factory=dict, compare=False, repr=False)
    _keys: dict = field(default_factory=dict, compare=False, repr=False)
    # The node ids of the graph being written (``forget_nodes`` between graphs: a cache of
    # every document's nodes would grow with the corpus).
    _nodes: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, context: dict) -> "_Compactor":
        ctx = context.get("@context", context)
        prefixes = {k: v for k, v in ctx.items()
                    if isinstance(v, str) and not k.startswith("@") and ":" not in k
                    and v.endswith(("/", "#")) and "://" in v}

        def expand(value: str) -> str:
            head, _, tail = value.partition(":")
            return prefixes[head] + tail if head in prefixes and not tail.startswith("//") else value

        terms: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for key, value in ctx.items():
            if key.startswith("@") or key in prefixes:
                continue
            if isinstance(value, str):
                terms[expand(value)].append((key, None))
            elif isinstance(value, dict) and "@id" in value and set(value) <= {"@id", "@type"}:
                coercion = value.get("@type")
                coercion = coercion if coercion in (None, "@id") else expand(coercion)
                terms[expand(value["@id"])].append((key, coercion))
        ordered = tuple(sorted(prefixes.items(), key=lambda kv: (-len(kv[1]), kv[0])))
        return cls(ordered, {iri: tuple(sorted(ts)) for iri, ts in terms.items()})

    def iri(self, iri: str) -> str:
        """``prefix:local`` when a prefix fits safely, else the full IRI."""
        found = self._iris.get(iri)
        if found is None:
            found = self._iris[iri] = self._compact(iri)
        return found

    def _compact(self, iri: str) -> str:
        for prefix, ns in self.prefixes:
            if iri.startswith(ns):
                local = iri[len(ns):]
                if local and not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri

    def type_name(self, iri: str) -> str:
        """A class IRI as written in ``@type``: its short name, else a compact IRI."""
        for term, coercion in self.terms.get(iri, ()):
            if coercion is None:
                return term
        return self.iri(iri)

    def entry(self, predicate: str, value: str) -> tuple[str, object]:
        """The key and JSON value for one predicate/object pair (both as N-Quads terms)."""
        # The choice depends on the predicate and the kind of value only, not on its text:
        # a literal's kind is what follows its closing quote (language or datatype).
        literal = value[0] == '"'
        kind = (predicate, value[value.rindex('"') + 1:] if literal else None)
        choice = self._keys.get(kind)
        if choice is None:
            choice = self._keys[kind] = self._choose(predicate[1:-1], value)
        key, coerced = choice
        if not literal:
            return key, self.node_id(value) if coerced else {"@id": self.node_id(value)}
        text, language, datatype = literal_parts(value)
        if coerced or datatype == XSD_STRING:
            return key, text
        if language:
            return key, {"@language": language, "@value": text}
        return key, {"@type": self.iri(datatype), "@value": text}

    def _choose(self, predicate: str, value: str) -> tuple[str, bool]:
        coercion_fits = None
        plain = None
        literal = value[0] == '"'
        _, language, datatype = literal_parts(value) if literal else ("", "", "")
        for term, coercion in self.terms.get(predicate, ()):
            if coercion is None:
                plain = plain or term
            elif coercion == "@id" and not literal:
                coercion_fits = coercion_fits or term
            elif literal and not language and datatype == coercion:
                coercion_fits = coercion_fits or term
        if coercion_fits:
            return coercion_fits, True
        return plain or self.iri(predicate), False

    def node_id(self, term: str) -> str:
        """An IRI or blank node, written as an N-Quads term, as a JSON-LD node id."""
        found = self._nodes.get(term)
        if found is None:
            if term[0] == "<":
                found = self._compact(term[1:-1])
            elif term.startswith("_:"):
                found = term
            else:
                raise ValueError(f"cannot write {term} as a JSON-LD node id")
            self._nodes[term] = found
        return found

    def forget_nodes(self) -> None:
        self._nodes.clear()


def _sort_values(values: list) -> list:
    if len(values) < 2:
        return values
    return sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))


RDF_TYPE_TERM = f"<{RDF_TYPE}>"


def _node_texts(triples: Iterable[Statement], c: _Compactor, depth: int) -> list[bytes]:
    """The node objects of one graph's statements (N-Quads terms as written) as JSON ``depth``
    levels down, in the order of their node ids.

    A subject's statements are one stretch of the sorted lines, so each node object is made
    and written to text as soon as its stretch ends: a graph is held as its text, not as
    Python objects (a 730,000-statement graph took the writer 0.9 GB as dicts and lists)."""
    texts: dict[str, bytes] = {}
    last = node_id = None
    props: dict[str, list] = {}
    for s, p, o, _graph in triples:
        if s != last:
            if last is not None:
                texts[node_id] = _node_text(node_id, props, depth)
            last, node_id, props = s, c.node_id(s), {}
            if node_id in texts:
                # only an IRI that reads as a compact IRI of the context ("dk:x" as a whole
                # IRI) does this: JSON-LD would read the two subjects as one node
                raise ValueError(f"cannot write {s} as a JSON-LD node id: another subject of its "
                                 f"graph is written {node_id} too")
        if p == RDF_TYPE_TERM and o[0] == "<":
            key, value = "@type", c.type_name(o[1:-1])
        else:
            key, value = c.entry(p, o)
        values = props.get(key)
        if values is None:
            props[key] = [value]
        else:
            values.append(value)
    if last is not None:
        texts[node_id] = _node_text(node_id, props, depth)
    return [texts[k] for k in sorted(texts)]


def _node_text(node_id: str, props: dict[str, list], depth: int) -> bytes:
    obj: dict[str, object] = {"@id": node_id}
    for key, values in props.items():
        values = _sort_values(values)
        obj[key] = values[0] if len(values) == 1 else values
    return _json(obj, depth)


def _json(value: object, depth: int) -> bytes:
    """``value`` as ``json.dumps(indent=1, sort_keys=True)`` writes it ``depth`` levels down."""
    return _indented(value, depth).encode("utf-8")


def _indented(value: object, depth: int) -> str:
    """What ``json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)`` writes, each
    line after the first ``depth`` spaces further in, for the strings, lists and objects a
    node object is made of (the generic encoder is pure Python when it indents, and was most
    of the time of the JSON-LD dump)."""
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = "\n" + " " * (depth + 1)
        return ("{" + inner + ("," + inner).join(
            _string(k) + ": " + _indented(value[k], depth + 1) for k in sorted(value))
            + "\n" + " " * depth + "}")
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = "\n" + " " * (depth + 1)
        return ("[" + inner + ("," + inner).join(_indented(v, depth + 1) for v in value)
                + "\n" + " " * depth + "]")
    return json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False).replace("\n", "\n" + " " * depth)


def write_jsonld(nquads: Canonical, target: Path, context: dict | None = None,
                 compress: bool = False) -> None:
    """Canonical N-Quads as one JSON-LD document, streamed a graph at a time: the context
    inline, the default graph's nodes, then one ``{"@id": graph, "@graph": [...]}`` per graph."""
    context = load_context() if context is None else context
    c = _Compactor.of(context)
    with dump_stream(target, compress) as fh:
        fh.write(b'{\n "@context": ' + _json(context.get("@context", context), 1) + b',\n "@graph": [')
        first = True
        for graph, triples in graphs(_sources(nquads)):
            c.forget_nodes()
            # the default graph's nodes stand in the top @graph; a named graph's in its own
            # {"@graph": [...], "@id": graph}, written as _json writes that object
            nodes = _node_texts(triples, c, 4 if graph else 2)
            if graph:
                nodes = [b'{\n   "@graph": ' + (b"[\n    " + b",\n    ".join(nodes) + b"\n   ]" if nodes else b"[]")
                         + b',\n   "@id": ' + _json(c.node_id(graph), 3) + b"\n  }"]
            for text in nodes:
                fh.write((b"\n  " if first else b",\n  ") + text)
                first = False
        fh.write(b"]\n}\n" if first else b"\n ]\n}\n")


# --- the shipped context ---------------------------------------------------------------------


def derive_context(ontology_dir: Path = ONTOLOGY_DIR) -> dict:
    """A context from the ontology: prefixes, a short name per ``dk:`` class and property.

    Object properties are coerced to ``@id``; datatype properties whose ``rdfs:range`` is an
    XSD datatype other than string are coerced to it.  Reused terms come from ``REUSED_TERMS``.
    """
    from rdflib import Graph
    from rdflib.namespace import OWL, RDF, RDFS, XSD

    g = Graph()
    for path in sorted(ontology_dir.glob("*.ttl")):
        g.parse(path, format="turtle")
    dk = str(PREFIXES["dk"])
    ctx: dict[str, object] = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
    ctx["rdf"] = RDF_NS
    kinds = (OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
             OWL.AnnotationProperty, RDF.Property)
    for kind in kinds:
        for term in g.subjects(RDF.type, kind):
            iri = str(term)
            if not iri.startswith(dk) or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", iri[len(dk):]):
                continue
            name = iri[len(dk):]
            coercion = None
            if kind == OWL.ObjectProperty:
                coercion = "@id"
            elif kind == OWL.DatatypeProperty:
                ranges = {str(r) for r in g.objects(term, RDFS.range)}
                if len(ranges) == 1:
                    (rng,) = ranges
                    if rng.startswith(str(XSD)) and rng != XSD_STRING:
                        coercion = "xsd:" + rng[len(str(XSD)):]
            ctx[name] = f"dk:{name}" if coercion is None else {"@id": f"dk:{name}", "@type": coercion}
    for name, (iri, coercion) in REUSED_TERMS.items():
        if name not in ctx:
            ctx[name] = iri if coercion is None else {"@id": iri, "@type": coercion}
    prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and "://" in v}
    terms = {k: v for k, v in ctx.items() if k not in prefixes}
    return {"@context": dict(sorted(prefixes.items())) | dict(sorted(terms.items()))}


def context_bytes(context: dict) -> bytes:
    """The context as JSON, one term definition a line (easy to read and to diff)."""
    ctx = context.get("@context", context)
    lines = [f"    {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
             for k, v in ctx.items()]
    return ('{\n  "@context": {\n' + ",\n".join(lines) + "\n  }\n}\n").encode("utf-8")


def write_context_file(path: Path = CONTEXT_PATH, ontology_dir: Path = ONTOLOGY_DIR) -> Path:
    """Regenerate the shipped context from the ontology (a maintenance step, not a build step)."""
    atomic_write(path, context_bytes(derive_context(ontology_dir)))
    return path


# --- the hook --------------------------------------------------------------------------------


def write_dataset_dumps(out: Path, nquads: Canonical, stats: Statistics, *,
                        dataset_base: str | None = None, dataset: str | None = None,
                        sparql_endpoint: str | None = None, license: str | None = None,
                        attribution: str | None = None, formats: tuple[str, ...] = DUMP_FORMATS,
                        compress: bool = False) -> list[Path]:
    """Write kg.trig and kg.jsonld (those of ``formats``; ``.gz`` if ``compress``),
    context.jsonld and void.ttl into ``out`` from the canonical N-Quads ``nquads`` and the
    merged graph's ``stats``; return their paths.  VoID lists the dumps of ``formats``."""
    return [*write_graph_dumps(out, nquads, formats=formats, compress=compress),
            *write_description(out, stats, dataset_base=dataset_base, dataset=dataset,
                               sparql_endpoint=sparql_endpoint, license=license,
                               attribution=attribution, formats=formats, compress=compress)]


def write_graph_dumps(out: Path, nquads: Canonical, *, formats: tuple[str, ...] = DUMP_FORMATS,
                      compress: bool = False) -> list[Path]:
    """kg.trig and kg.jsonld, those of ``formats``: the graphs as they are, nothing of the
    merge (so they can be written beside it); return their paths."""
    suffix = GZIP if compress else ""
    written = []
    if "trig" in formats:
        write_trig(nquads, out / (TRIG + suffix), compress)
        written.append(out / (TRIG + suffix))
    if "jsonld" in formats:
        write_jsonld(nquads, out / (JSONLD + suffix), load_context(), compress)
        written.append(out / (JSONLD + suffix))
    return written


def write_description(out: Path, stats: Statistics, *, dataset_base: str | None = None,
                      dataset: str | None = None, sparql_endpoint: str | None = None,
                      license: str | None = None, attribution: str | None = None,
                      formats: tuple[str, ...] = DUMP_FORMATS, compress: bool = False) -> list[Path]:
    """context.jsonld and void.ttl (the dataset described from the merge's ``stats``, with the
    dumps of ``formats``); return their paths."""
    atomic_write(out / CONTEXT, context_bytes(load_context()))
    void = write_void(out, stats, dataset_base=dataset_base, dataset=dataset,
                      sparql_endpoint=sparql_endpoint, license=license, attribution=attribution,
                      dumps=dump_files(formats, compress))
    return [out / CONTEXT, void]


def write_dumps(out: Path, nquads: NQuadsSource, *, dataset_base: str | None = None,
                sparql_endpoint: str | None = None, dataset: str | None = None) -> list[Path]:
    """Write kg.trig, kg.jsonld, context.jsonld and void.ttl into ``out`` for any N-Quads
    (text, bytes or a path to a file); return their paths.

    ``dataset_base`` and ``sparql_endpoint`` go to the VoID description (see
    ``kg.publishing.void.write_void``).  The input is put in canonical order on disk first.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".dumps-", dir=out) as tmp:
        work = Path(tmp)
        triples = ExternalSort(work / "triples")
        canonical = work / "kg.nq"
        canonicalize(nquads, canonical, triples)
        stats = count(triples, work / "objects")
        stats.documents = len(document_graphs(ox.parse(path=str(canonical), format=ox.RdfFormat.N_QUADS)))
        return write_dataset_dumps(out, canonical, stats, dataset_base=dataset_base, dataset=dataset,
                                   sparql_endpoint=sparql_endpoint)
