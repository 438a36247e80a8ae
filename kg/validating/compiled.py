"""The fast gate: the shapes in shapes/*.ttl compiled to SPARQL and run in pyoxigraph.

The shapes stay the single source of truth.  `Compiler` reads the shapes graph (once per
process, see `kg.validating.fast_program`) and turns every constraint of every shape into a
branch of one SPARQL query that selects the violating focus nodes (and values); `run` loads one
document, with the part of the ontology the shapes can reach (`kg.validating.background_for`,
the background pyshacl gets), into an in-memory pyoxigraph store, runs the query and returns the
same `Verdict` as the reference gate (`kg.validating.validate`, pyshacl) in the same words.

Most constraints are rows of a few templates on predicate paths (counts, classes, node kinds,
``sh:in``, ``sh:hasValue``): those, and every shape's focus nodes, are worked out in Python
from the census's index of the document (`kg.validating.tables`, the same rows as the
templates' SPARQL, which the tests keep as the reference); the store answers the rest (other
paths, nested shapes, SHACL-SPARQL) on the focus nodes of those shapes only, and keeps the
document's strict parse (a document the store cannot load fails as before).

What it reproduces of pyshacl (``inference="none"``, ``advanced=True``):

- targets: ``sh:targetClass`` (instances of the class or of its ``rdfs:subClassOf*`` subclasses
  in the data graph, background included), ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``,
  ``sh:targetNode``; paths: predicates, sequences, inverse and alternative paths;
- the constraint components in `COMPONENTS`, one result per violating value (per pair for
  ``sh:lessThanOrEquals``), the shape's ``sh:message`` or pyshacl's generic message (``sh:class``
  and ``sh:or``), the shape's ``sh:severity``;
- SHACL-SPARQL SELECT constraints of node shapes, ``$this`` bound to each focus node (by a join
  with the focus nodes: the query must be one plain SELECT), with the prefixes pyshacl gives
  them (the query's own, ``sh:prefixes``, then the data graph's).

A shape that uses anything else raises `Unsupported` when the program is compiled: the gate
refuses to run rather than pass a document it did not check.

The store keeps numbers, booleans and dates by value: "1.0"^^xsd:decimal comes back as "1",
"5"^^xsd:nonNegativeInteger as "5"^^xsd:integer.  rdflib (and so pyshacl) keeps the literal as
written.  So the tests that depend on how a literal is written (``sh:datatype`` with rdflib's
reading of the lexical form, ``sh:pattern`` with Python's ``re.search``, ``sh:minLength``, the
comparisons of ``sh:minInclusive``/``sh:maxInclusive``/``sh:lessThanOrEquals``) are decided in
Python on the document's own terms (`Census`), on predicate paths, and the store only says
which of the subjects concerned are focus nodes; values in results are mapped back to the
literal as written.  A document for which that cannot be done exactly (two spellings of one
value on one subject and predicate, blank nodes, a SPARQL constraint that reads the spelling of
a literal the store respells) is handed to pyshacl (`run` returns None).

tests/validating/test_fast_gate.py holds the proof: both gates on every fixture document, and
on graphs mutated, from the shapes graph, to break each constraint of each shape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from functools import cached_property, lru_cache
from itertools import count
from typing import Callable, Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

# Parameters that say nothing about conformance (read for words or structure, or ignored).
SHAPE_KEYS = {SH.message, SH.severity, SH.path, SH.property, SH.name, SH.description, SH.order,
              SH.group, SH.defaultValue, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf,
              SH.targetNode, SH.flags}
TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
# The constraint components this gate compiles, by parameter.  The mutation test breaks each
# of them; any other SHACL parameter on a shape raises `Unsupported`.
COMPONENTS = {
    SH["class"]: "ClassConstraintComponent", SH.datatype: "DatatypeConstraintComponent",
    SH.nodeKind: "NodeKindConstraintComponent", SH.minCount: "MinCountConstraintComponent",
    SH.maxCount: "MaxCountConstraintComponent", SH.minInclusive: "MinInclusiveConstraintComponent",
    SH.maxInclusive: "MaxInclusiveConstraintComponent", SH.minLength: "MinLengthConstraintComponent",
    SH.pattern: "PatternConstraintComponent", SH["in"]: "InConstraintComponent",
    SH.hasValue: "HasValueConstraintComponent", SH.node: "NodeConstraintComponent",
    SH["or"]: "OrConstraintComponent", SH.lessThanOrEquals: "LessThanOrEqualsConstraintComponent",
    SH.sparql: "SPARQLConstraintComponent",
}
# Decided in Python on the document's terms (see the module docstring).
TERM_TESTS = (SH.datatype, SH.pattern, SH.minLength, SH.minInclusive, SH.maxInclusive,
              SH.lessThanOrEquals)
SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}

TYPE, SUBCLASS = f"<{RDF.type}>", f"<{RDFS.subClassOf}>"
STRINGS = (XSD.string, RDF.langString)
# pyshacl's check that a well-typed literal's Python value is of the datatype's kind.
_PYTHON_KIND = {XSD.string: str, RDF.langString: str, XSD.integer: int, XSD.float: float,
                XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time,
                XSD.dateTime: datetime}
# SPARQL functions that look only at a value, not at how it is written.
_VALUE_FUNCTIONS = {"Builtin_BOUND", "Builtin_isIRI", "Builtin_isURI", "Builtin_isBLANK",
                    "Builtin_isLITERAL", "Builtin_isNUMERIC", "Builtin_IF", "Builtin_COALESCE",
                    "Builtin_EXISTS", "Builtin_NOTEXISTS", "Builtin_ABS", "Builtin_ROUND",
                    "Builtin_CEIL", "Builtin_FLOOR"}


class Unsupported(ValueError):
    """A shape uses SHACL the fast gate does not compile; build with ``--gate pyshacl``."""


def sparql_term(term) -> str:
    """A term as SPARQL/N-Triples text."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\r", "\\r"))
        if term.language:
            return f'"{text}"@{term.language}'
        return f'"{text}"^^<{term.datatype}>' if term.datatype else f'"{text}"'
    raise Unsupported(f"a blank node {term} cannot be written into a query")


Words = Callable[[object, object, Graph], str]     # (focus, value, data graph) -> message


@dataclass
class Check:
    """One constraint of one shape, as the compiled query reports it."""

    shape: object                      # the shape results name (the property shape, if any)
    component: str
    path: object | None                # the shape's sh:path node (words), None for a node shape
    severity: str
    message: Words
    pattern: str = ""                  # SPARQL group: ?this [?value] of each violation
    value_is_focus: bool = False       # a node shape's own constraint: sh:value is the focus
    value_free: bool = False           # results without a value (counts, hasValue)
    query: str = ""                    # a SPARQL constraint: a query of its own
    predicate: URIRef | None = None    # ... on this predicate
    test: Callable | None = None       # ... value -> violates?  (pairs: (value, others) -> list)
    other: URIRef | None = None        # ... sh:lessThanOrEquals: the predicate compared with
    detail: tuple | None = None        # a sh:node detail: (outer shape id, path) it counts by
    focus_shape: int = -1              # the shape id whose focus nodes it is run on


FOCUS_GRAPH = "urn:x-declass-kg:focus"      # where a run keeps each shape's focus nodes
_FOCUS = f"<{FOCUS_GRAPH}>"

# Checks of the same kind on predicate paths share one SPARQL pattern, their parameters in a
# VALUES table (a query of a few hundred UNION branches costs pyoxigraph more to plan than to
# run): kind -> (VALUES variables, the pattern; ?s is the shape, ?this its focus node).
TEMPLATES = {
    "minCount1": ("?c ?s ?p", "{{ SELECT ?c ?this WHERE {{ {focus} VALUES (?c ?s ?p) {{ {rows} }} "
                  "FILTER NOT EXISTS {{ ?this ?p [] }} }} }}"),
    "maxCount1": ("?c ?s ?p", "{{ SELECT DISTINCT ?c ?this WHERE {{ {focus} VALUES (?c ?s ?p) {{ {rows} }} "
                  "?this ?p ?v, ?w FILTER(!sameTerm(?v, ?w)) }} }}"),
    "minCount": ("?c ?s ?p ?n", "{{ SELECT ?c ?this WHERE {{ {focus} VALUES (?c ?s ?p ?n) {{ {rows} }} "
                 "OPTIONAL {{ ?this ?p ?v }} }} GROUP BY ?c ?this ?n HAVING (COUNT(DISTINCT ?v) < ?n) }}"),
    "maxCount": ("?c ?s ?p ?n", "{{ SELECT ?c ?this WHERE {{ {focus} VALUES (?c ?s ?p ?n) {{ {rows} }} "
                 "?this ?p ?v }} GROUP BY ?c ?this ?n HAVING (COUNT(DISTINCT ?v) > ?n) }}"),
    # (a value typed with the class itself is let through before the walk up rdfs:subClassOf:
    # the same test, since rdf:type ?k is one of the rdf:type/rdfs:subClassOf* ?k paths)
    "class": ("?c ?s ?p ?k", "{{ SELECT DISTINCT ?c ?this ?value WHERE {{ {focus} VALUES (?c ?s ?p ?k) "
              "{{ {rows} }} ?this ?p ?value FILTER (NOT EXISTS {{ ?value " + TYPE + " ?k }} && "
              "NOT EXISTS {{ ?value " + TYPE + "/" + SUBCLASS + "* ?k }}) }} }}"),
    "nodeClass": ("?c ?s ?k", "{{ SELECT DISTINCT ?c ?this WHERE {{ {focus} VALUES (?c ?s ?k) {{ {rows} }} "
                  "FILTER (NOT EXISTS {{ ?this " + TYPE + " ?k }} && "
                  "NOT EXISTS {{ ?this " + TYPE + "/" + SUBCLASS + "* ?k }}) }} }}"),
    "nodeKind": ("?c ?s ?p ?k", "{{ SELECT DISTINCT ?c ?this ?value WHERE {{ {focus} VALUES (?c ?s ?p ?k) "
                 "{{ {rows} }} ?this ?p ?value FILTER("
                 f"(?k = <{SH.IRI}> && !isIRI(?value)) || (?k = <{SH.BlankNode}> && !isBlank(?value)) || "
                 f"(?k = <{SH.Literal}> && !isLiteral(?value)) || (?k = <{SH.BlankNodeOrIRI}> && isLiteral(?value)) || "
                 f"(?k = <{SH.BlankNodeOrLiteral}> && isIRI(?value)) || (?k = <{SH.IRIOrLiteral}> && isBlank(?value))) }}}} }}}}"),
    "in": ("?c ?s ?p ?m", "{{ SELECT DISTINCT ?c ?this ?value WHERE {{ {focus} VALUES (?c ?s ?p) {{ {rows} }} "
           "?this ?p ?value FILTER NOT EXISTS {{ VALUES (?d ?m) {{ {members} }} "
           "FILTER(?d = ?c && sameTerm(?value, ?m)) }} }} }}"),
    "hasValue": ("?c ?s ?p ?h", "{{ SELECT DISTINCT ?c ?this WHERE {{ {focus} VALUES (?c ?s ?p ?h) {{ {rows} }} "
                 "FILTER NOT EXISTS {{ ?this ?p ?h }} }} }}"),
    "term": ("?c ?s ?this", "{{ SELECT DISTINCT ?c ?this WHERE {{ {focus} VALUES (?c ?s ?this) {{ {rows} }} }} }}"),
}
_FOCUS_OF = f"GRAPH {_FOCUS} {{{{ ?this {_FOCUS} {{sid}} }}}}"


@dataclass
class Program:
    """The compiled shapes: the focus update, the query (tables, branches), SPARQL constraints."""

    checks: list[Check] = field(default_factory=list)
    branches: dict[int, str] = field(default_factory=dict)      # check index -> SPARQL branch
    tables: dict[str, list] = field(default_factory=dict)       # template -> (shape id, VALUES row)
    members: list = field(default_factory=list)                 # sh:in: (check, member) rows
    targets: dict[str, list] = field(default_factory=dict)      # target kind -> (shape, term)
    tests: dict = field(default_factory=dict)       # predicate -> [(index, test)]
    pairs: dict = field(default_factory=dict)       # predicate -> [(index, other predicate)]
    reads_spelling: set = field(default_factory=set)    # predicates a SPARQL constraint reads
    reads_every_spelling: bool = False                  # ... by a variable predicate
    derived: list = field(default_factory=list)     # (shape id, outer shape id, path): sh:node
    rows: list = field(default_factory=list)        # (template, check, shape id, parameters)
    derived_predicates: dict = field(default_factory=dict)   # sh:node shape id -> its predicate
    _texts: dict = field(default_factory=dict)      # the focus updates' text, made once each

    def focus_update(self, graph_iri: str, only: set | None = None) -> str:
        """Each shape's focus nodes, once, into FOCUS_GRAPH (the branches read them there);
        ``only``: the focus nodes of these shapes only (`store_shapes`)."""
        key = ("update", None if only is None else frozenset(only))
        pieces = self._texts.get(key)
        if pieces is None:          # the text around the graph's IRI, made once
            parts = []
            patterns = {"class": f"?this {TYPE}/{SUBCLASS}* ?t", "subjectsOf": "?this ?t []",
                        "objectsOf": "[] ?t ?this", "node": "BIND(?t AS ?this)"}
            for kind, rows in self.targets.items():
                table = " ".join(f"({sid} {sparql_term(t)})" for sid, t in rows if only is None or sid in only)
                if table:
                    parts.append(f"{{ VALUES (?s ?t) {{ {table} }} {patterns[kind]} }}")
            pieces = [f"INSERT {{ GRAPH {_FOCUS} {{ ?this {_FOCUS} ?s }} }} USING ",
                      f" WHERE {{ {' UNION '.join(parts)} }}"]
            for sid, outer, path in self.derived:      # the value nodes a sh:node shape is run on
                if only is not None and sid not in only:
                    continue
                pieces[-1] += f" ;\nINSERT {{ GRAPH {_FOCUS} {{ ?this {_FOCUS} {sid} }} }} USING "
                pieces.append(f" USING NAMED {_FOCUS} WHERE {{ GRAPH {_FOCUS} {{ ?o {_FOCUS} {outer} }} "
                              f"?o {path} ?this }}")
            pieces = self._texts[key] = tuple(pieces)
        return f"<{graph_iri}>".join(pieces)

    # What follows is made once per program, after compiling (every document asks for it).

    @cached_property
    def in_python(self) -> bool:
        """Whether the template rows and every shape's focus nodes can be worked out in Python
        (`kg.validating.tables`): each sh:node shape reached by one predicate, each sh:in member
        and sh:hasValue term an IRI or a plain literal (compared there as the store compares)."""
        terms = [m for _c, m in self.members] + [p[1] for kind, _i, _s, p in self.rows if kind == "hasValue"]
        return (all(p is not None for p in self.derived_predicates.values()) and
                all(isinstance(t, URIRef) or (isinstance(t, Literal) and t.datatype is None and t.language is None)
                    for t in terms))

    @cached_property
    def indexed(self) -> set[str]:
        """The predicates (as text) whose values `kg.validating.tables` reads: the template
        rows', the target predicates, the sh:node shapes', rdf:type and rdfs:subClassOf."""
        found = {str(RDF.type), str(RDFS.subClassOf)}
        found |= {str(p[0]) for kind, _i, _s, p in self.rows if kind != "nodeClass"}
        found |= {str(t) for kind in ("subjectsOf", "objectsOf") for _sid, t in self.targets.get(kind, ())}
        found |= {str(p) for p in self.derived_predicates.values() if p is not None}
        return found

    def python_derived(self) -> list:
        """(shape id, outer shape id, predicate text) of each sh:node shape (`in_python`)."""
        return [(sid, outer, str(self.derived_predicates[sid])) for sid, outer, _path in self.derived]

    @cached_property
    def member_lists(self) -> dict[int, list]:
        """The sh:in members of each check."""
        lists: dict[int, list] = {}
        for index, member in self.members:
            lists.setdefault(index, []).append(member)
        return lists

    @cached_property
    def _members_text(self) -> str:
        """The sh:in members as the rows of the templates' VALUES."""
        return " ".join(f"({c} {sparql_term(m)})" for c, m in self.members)

    def store_shapes(self) -> set[int]:
        """The shapes whose focus nodes the store still needs when the template rows are worked
        out in Python: those of the UNION branches and the SHACL-SPARQL constraints, and the
        sh:node shapes with their outer shapes (the update and `_detail_counts` read them)."""
        found = {self.checks[i].focus_shape for i in self.branches}
        found |= {c.focus_shape for c in self.checks if c.query}
        found |= {sid for sid, _o, _p in self.derived} | {outer for _s, outer, _p in self.derived}
        return found

    def queries(self, subjects: dict[int, set], present: set | None = None, tables: bool = True) -> list[str]:
        """The queries of a document: one a table, one for the other branches, and the term tests
        for the subjects that failed them (only those: their focus membership is all it asks).
        Their rows together are the rows of the UNION of them all (no DISTINCT above the
        branches); pyoxigraph parses, plans and runs a dozen small queries in two thirds of the
        time it takes for the one UNION (measured on the JFK catalogue dev set).

        ``present``: the shape ids that have focus nodes in the document (`PRESENT`; None: all).
        Every row and branch joins its shape's focus nodes, so one whose shape has none yields
        nothing, and it is left out: a short document names a third of the shapes, and
        pyoxigraph parses and plans every query anew (of a small document's gate, most of the
        time went to planning rows and branches that could not match).

        ``tables=False``: the branches only (the template rows and the term tests' focus
        membership are worked out in Python, `kg.validating.tables`)."""
        def wanted(index: int) -> bool:
            return present is None or self.checks[index].focus_shape in present

        focus = f"GRAPH {_FOCUS} {{ ?this {_FOCUS} ?s }}"
        members = self._members_text
        parts = []
        for kind, rows in (self.tables.items() if tables else ()):
            rows = [row for sid, row in rows if present is None or sid in present]
            if rows:
                parts.append(TEMPLATES[kind][1].format(focus=focus, rows=" ".join(rows), members=members))
        branches = [f"{{ {b} BIND({i} AS ?c) }}" for i, b in self.branches.items() if wanted(i)]
        if branches:
            parts.append("\nUNION ".join(branches))
        rows = " ".join(f"({i} {self.checks[i].focus_shape} {sparql_term(s)})"
                        for i, found in sorted(subjects.items()) if wanted(i) and tables for s in sorted(found))
        if rows:
            parts.append(TEMPLATES["term"][1].format(focus=focus, rows=rows))
        return [_select(p) for p in parts]

    def constraints(self, present: set | None = None) -> list[Check]:
        """The SHACL-SPARQL constraints (a query each) whose shape has focus nodes."""
        return [c for c in self.checks if c.query and (present is None or c.focus_shape in present)]


# The shape ids that have focus nodes in a document, once its focus update has run.
PRESENT = f"SELECT DISTINCT ?s WHERE {{ GRAPH {_FOCUS} {{ ?this {_FOCUS} ?s }} }}"


def _select(pattern: str) -> str:
    return f"SELECT ?c ?this ?value WHERE {{\n{pattern}\n}}"


class Compiler:
    def __init__(self, shapes: Graph, namespaces: dict[str, str]):
        self.g = shapes
        self.namespaces = namespaces          # the data graph's prefixes (SPARQL constraints)
        self.fresh = count()
        self.program = Program()
        self.shape_ids: dict = {}
        self.nesting: list = []

    # --- reading the shapes graph ------------------------------------------------------------

    def one(self, node, param, default=None):
        values = list(self.g.objects(node, param))
        if len(values) > 1:
            raise Unsupported(f"shape {node}: more than one {param}")
        return values[0] if values else default

    def severity(self, shape) -> str:
        sev = self.one(shape, SH.severity, SH.Violation)
        if sev not in SEVERITIES:
            raise Unsupported(f"shape {shape}: severity {sev}")
        return SEVERITIES[sev]

    def parameters(self, shape) -> list:
        """The constraint parameters of a shape, in the shapes graph's order; anything SHACL
        the gate does not compile is refused here."""
        params = []
        for p, _o in self.g.predicate_objects(shape):
            if p in COMPONENTS:
                if p not in params:
                    params.append(p)
            elif str(p).startswith(str(SH)) and p not in SHAPE_KEYS:
                raise Unsupported(f"shape {shape} uses {p}, which the fast gate does not compile "
                                  "(add it to kg/validating/compiled.py with its mutation, or build "
                                  "with --gate pyshacl)")
        return params

    def message(self, shape, generic: Words | None, component: str) -> Words:
        messages = [str(m) for m in self.g.objects(shape, SH.message)]
        if len(messages) > 1:
            raise Unsupported(f"shape {shape}: more than one sh:message")
        if messages:
            text = messages[0]
            return lambda focus, value, data: text
        if generic is None:
            raise Unsupported(f"shape {shape}: {component} without an sh:message (the fast gate "
                              "words only the generic messages of sh:class and sh:or)")
        return generic

    def path(self, node) -> str:
        """A SHACL path as a SPARQL property path."""
        if isinstance(node, URIRef):
            return f"<{node}>"
        if (node, RDF.first, None) in self.g:
            return "(" + "/".join(self.path(p) for p in Collection(self.g, node)) + ")"
        inverse = self.g.value(node, SH.inversePath)
        if inverse is not None:
            return f"^{self.path(inverse)}"
        alternatives = self.g.value(node, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self.path(p) for p in Collection(self.g, alternatives)) + ")"
        raise Unsupported(f"path {node}: only predicates, sequences, inverse and alternative paths")

    def var(self) -> str:
        return f"?v{next(self.fresh)}"

    def add(self, check: Check, focus: str, branch: str = "") -> int:
        """A check run on the focus nodes of ``focus`` (a pattern of `focus`)."""
        index = len(self.program.checks)
        check.focus_shape = self.shape_ids[focus]
        self.program.checks.append(check)
        if branch:
            self.program.branches[index] = branch
        return index

    def row(self, kind: str, check: Check, focus: str, *params) -> int:
        """A check run by a template: one row of its VALUES table."""
        index = self.add(check, focus)
        sid = self.shape_ids[focus]
        cells = " ".join(str(p) if isinstance(p, int) else sparql_term(p) for p in params)
        self.program.tables.setdefault(kind, []).append((sid, f"({index} {sid} {cells})".replace(" )", ")")))
        self.program.rows.append((kind, index, sid, params))
        return index

    # --- the program -----------------------------------------------------------------------

    def compile(self) -> Program:
        for shape in sorted({s for t in TARGETS for s in self.g.subjects(t, None)}, key=str):
            focus = self.focus(shape)
            if self.g.value(shape, SH.path) is not None:      # a property shape with targets
                self.property_shape(shape, focus, self.severity(shape))
                continue
            severity = self.severity(shape)
            for param in self.parameters(shape):
                self.node_constraint(shape, param, focus, severity)
            for prop in self.g.objects(shape, SH.property):
                self.property_shape(prop, focus, self.severity(prop))
        return self.program

    def focus(self, shape) -> str:
        """The pattern binding ?this to each focus node of a shape (kept by the run's update)."""
        sid = len(self.shape_ids)
        kinds = (("class", SH.targetClass), ("subjectsOf", SH.targetSubjectsOf),
                 ("objectsOf", SH.targetObjectsOf), ("node", SH.targetNode))
        for kind, param in kinds:
            for t in self.g.objects(shape, param):
                self.program.targets.setdefault(kind, []).append((sid, t))
        pattern = _FOCUS_OF.format(sid=sid)
        self.shape_ids[pattern] = sid
        return pattern

    def node_constraint(self, shape, param, focus: str, severity: str) -> None:
        """A node shape's own constraint: its value node is the focus node."""
        component = COMPONENTS[param]
        if param == SH.sparql:
            for node in self.g.objects(shape, SH.sparql):
                self.add(self.sparql(shape, node, focus, severity), focus)
            return
        if param in (SH.minCount, SH.maxCount, SH.node) or param in TERM_TESTS:
            raise Unsupported(f"shape {shape}: {param} on a node shape")
        generic = None
        if param == SH["class"]:
            generic = _class_message(self.g, list(self.g.objects(shape, SH["class"])))
        elif param == SH["or"]:
            generic = _or_message(self.g, list(self.g.objects(shape, SH["or"])))
        message = self.message(shape, generic, component)
        value_free = param == SH.hasValue
        if param == SH["class"]:
            for c in self.g.objects(shape, SH["class"]):
                self.row("nodeClass", Check(shape=shape, component=component, path=None, severity=severity,
                                            message=message, value_is_focus=True), focus, c)
            return
        for cond in self.conditions(shape, param, "?this"):
            self.add(Check(shape=shape, component=component, path=None, severity=severity,
                           message=message, value_is_focus=not value_free, value_free=value_free),
                     focus, f"{focus} FILTER({cond})")

    def property_shape(self, prop, focus: str, severity: str) -> None:
        path_node = self.g.value(prop, SH.path)
        if path_node is None:
            raise Unsupported(f"property shape {prop} without sh:path")
        if (prop, SH.property, None) in self.g:
            raise Unsupported(f"property shape {prop} with a nested sh:property")
        path = self.path(path_node)
        for param in self.parameters(prop):
            component = COMPONENTS[param]
            generic = (_class_message(self.g, list(self.g.objects(prop, SH["class"])))
                       if param == SH["class"] else None)
            base = dict(shape=prop, component=component, path=path_node, severity=severity,
                        message=self.message(prop, generic, component))
            if param in TERM_TESTS:
                self.term_test(prop, param, path_node, focus, base)
            elif param in (SH.minCount, SH.maxCount) and isinstance(path_node, URIRef):
                n = int(self.one(prop, param))
                kind = "minCount" if param == SH.minCount else "maxCount"
                if n == 1:           # the common case, without counting
                    self.row(kind + "1", Check(**base, value_free=True), focus, path_node)
                elif n > 0 or kind == "maxCount":
                    self.row(kind, Check(**base, value_free=True), focus, path_node, n)
            elif param == SH.hasValue and isinstance(path_node, URIRef):
                for h in self.g.objects(prop, SH.hasValue):
                    _as_written(h, prop)
                    self.row("hasValue", Check(**base, value_free=True), focus, path_node, h)
            elif param == SH["class"] and isinstance(path_node, URIRef):
                for c in self.g.objects(prop, SH["class"]):
                    self.row("class", Check(**base), focus, path_node, c)
            elif param == SH.nodeKind and isinstance(path_node, URIRef):
                self.conditions(prop, param, "?value")          # refuses an unknown kind
                self.row("nodeKind", Check(**base), focus, path_node, self.one(prop, SH.nodeKind))
            elif param == SH["in"] and isinstance(path_node, URIRef):
                index = self.row("in", Check(**base), focus, path_node)
                for lst in self.g.objects(prop, SH["in"]):
                    for m in Collection(self.g, lst):
                        _as_written(m, prop)
                        self.program.members.append((index, m))
            elif param in (SH.minCount, SH.maxCount):
                n = int(self.one(prop, param))
                if param == SH.minCount:
                    branch = (f"{{ SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {path} ?v }} }} "
                              f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {n}) }}")
                else:
                    branch = (f"{{ SELECT ?this WHERE {{ {focus} ?this {path} ?v . }} "
                              f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {n}) }}")
                self.add(Check(**base, value_free=True), focus, branch)
            elif param == SH.hasValue:
                for h in self.g.objects(prop, SH.hasValue):
                    _as_written(h, prop)
                    v = self.var()
                    self.add(Check(**base, value_free=True), focus,
                             f"{focus} FILTER NOT EXISTS {{ ?this {path} {v} FILTER(sameTerm({v}, {sparql_term(h)})) }}")
            elif param == SH.sparql:
                raise Unsupported(f"property shape {prop}: sh:sparql (only on node shapes)")
            elif param == SH.node:
                for cond in self.conditions(prop, param, "?value"):
                    self.add(Check(**base), focus, f"{{ SELECT DISTINCT ?this ?value WHERE {{ {focus} "
                                            f"?this {path} ?value FILTER({cond}) }} }}")
                for nested in self.g.objects(prop, SH.node):
                    self.details(nested, focus, path, path_node)
            elif param == SH["or"] and self.value_test(prop, param) is not None:
                # shapes of the value alone (sh:or of datatypes): a term test too
                self.term_test(prop, param, path_node, focus, base)
            else:
                for cond in self.conditions(prop, param, "?value"):
                    self.add(Check(**base), focus, f"{{ SELECT DISTINCT ?this ?value WHERE {{ {focus} "
                                            f"?this {path} ?value FILTER({cond}) }} }}")

    def details(self, nested, focus: str, path: str, path_node) -> None:
        """pyshacl reports, under a failed sh:node, the nested shape's own results on the value
        node (sh:detail): the nested shape is compiled as one whose focus nodes are the values
        (once per focus node that has the value: `Check.detail`)."""
        if self.nesting:
            raise Unsupported(f"shape {nested}: a sh:node inside a shape reached by sh:node")
        self.nesting.append(nested)
        sid = len(self.shape_ids)
        inner = _FOCUS_OF.format(sid=sid)
        self.shape_ids[inner] = sid
        self.program.derived.append((sid, self.shape_ids[focus], path))
        self.program.derived_predicates[sid] = path_node if isinstance(path_node, URIRef) else None
        first = len(self.program.checks)
        severity = self.severity(nested)
        if severity != "Violation":
            raise Unsupported(f"nested shape {nested} with a severity of its own")
        for param in self.parameters(nested):
            if param in TERM_TESTS or param == SH.sparql:
                raise Unsupported(f"nested shape {nested}: {param}")
            self.node_constraint(nested, param, inner, severity)
        for prop in self.g.objects(nested, SH.property):
            self.property_shape(prop, inner, self.severity(prop))
        for check in self.program.checks[first:]:
            check.detail = check.detail or (self.shape_ids[focus], path)
        self.nesting.pop()

    def term_test(self, prop, param, path_node, focus: str, base: dict) -> None:
        """A test on how values are written: Python decides it on the document's own terms."""
        if not isinstance(path_node, URIRef):
            raise Unsupported(f"shape {prop}: {param} on a path that is not a predicate")
        if param == SH.lessThanOrEquals:
            for other in self.g.objects(prop, SH.lessThanOrEquals):
                index = self.add(Check(**base, predicate=path_node, other=other,
                                       test=_less_or_equal_failures), focus)
                self.program.pairs.setdefault(path_node, []).append((index, other))
            return
        tests = [self.value_test(prop, param)] if param == SH["or"] else _term_tests(self.g, prop, param)
        for test in tests:
            index = self.add(Check(**base, predicate=path_node, test=test), focus)
            self.program.tests.setdefault(path_node, []).append((index, test))

    def value_test(self, shape, param) -> Callable[[object], bool] | None:
        """sh:or / sh:node whose shapes look at the value alone (no path, no class): a Python
        test of the value (value -> violates?), or None."""
        members = ([list(Collection(self.g, lst)) for lst in self.g.objects(shape, SH["or"])]
                   if param == SH["or"] else [[s] for s in self.g.objects(shape, SH.node)])
        tests = [[self.shape_test(m) for m in group] for group in members]
        if any(t is None for group in tests for t in group):
            return None
        if param == SH["or"]:
            return lambda v: any(all(t(v) for t in group) for group in tests)
        return lambda v: any(t(v) for group in tests for t in group)

    def shape_test(self, shape, depth: int = 0) -> Callable[[object], bool] | None:
        """A nested shape decided on its focus node alone, in Python (pyshacl's readings)."""
        if depth > 8 or self.g.value(shape, SH.path) is not None or (shape, SH.property, None) in self.g:
            return None
        if self.one(shape, SH.severity, SH.Violation) != SH.Violation:
            raise Unsupported(f"nested shape {shape} with a severity of its own")
        tests: list = []
        for param in self.parameters(shape):
            if param in (SH.datatype, SH.pattern, SH.minLength, SH.minInclusive, SH.maxInclusive):
                tests += _term_tests(self.g, shape, param)
            elif param == SH.nodeKind:
                kind = self.one(shape, SH.nodeKind)
                kinds = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,),
                         SH.BlankNodeOrIRI: (BNode, URIRef), SH.BlankNodeOrLiteral: (BNode, Literal),
                         SH.IRIOrLiteral: (URIRef, Literal)}
                tests.append(lambda v, k=kinds[kind]: not isinstance(v, k))
            elif param == SH["in"]:
                allowed = [m for lst in self.g.objects(shape, SH["in"]) for m in Collection(self.g, lst)]
                tests.append(lambda v, a=allowed: v not in a)
            elif param == SH.hasValue:
                tests += [lambda v, h=h: v != h for h in self.g.objects(shape, SH.hasValue)]
            elif param in (SH["or"], SH.node):
                groups = ([list(Collection(self.g, lst)) for lst in self.g.objects(shape, SH["or"])]
                          if param == SH["or"] else [[m] for m in self.g.objects(shape, SH.node)])
                inner = [[self.shape_test(m, depth + 1) for m in group] for group in groups]
                if any(t is None for group in inner for t in group):
                    return None
                if param == SH["or"]:
                    tests += [lambda v, g=group: all(t(v) for t in g) for group in inner]
                else:
                    tests += [t for group in inner for t in group]
            else:
                return None
        return lambda v: any(t(v) for t in tests)

    def conditions(self, shape, param, v: str) -> list[str]:
        """SPARQL expressions true when ``v`` violates the constraint (one result each)."""
        g = self.g
        if param == SH["class"]:
            return [f"NOT EXISTS {{ {v} {TYPE}/{SUBCLASS}* {sparql_term(c)} }}"
                    for c in g.objects(shape, SH["class"])]
        if param == SH.nodeKind:
            kind = self.one(shape, SH.nodeKind)
            tests = {SH.IRI: f"!isIRI({v})", SH.BlankNode: f"!isBlank({v})", SH.Literal: f"!isLiteral({v})",
                     SH.BlankNodeOrIRI: f"isLiteral({v})", SH.BlankNodeOrLiteral: f"isIRI({v})",
                     SH.IRIOrLiteral: f"isBlank({v})"}
            if kind not in tests:
                raise Unsupported(f"shape {shape}: sh:nodeKind {kind}")
            return [tests[kind]]
        if param == SH["in"]:
            members = [m for lst in g.objects(shape, SH["in"]) for m in Collection(g, lst)]
            for m in members:
                _as_written(m, shape)
            tests = " || ".join(f"sameTerm({v}, {sparql_term(m)})" for m in members) or "false"
            return [f"!({tests})"]
        if param == SH.hasValue:        # on a node shape: the focus node itself
            for h in g.objects(shape, SH.hasValue):
                _as_written(h, shape)
            return [f"!sameTerm({v}, {sparql_term(h)})" for h in g.objects(shape, SH.hasValue)]
        if param == SH.node:
            return [self.violates(s, v) for s in g.objects(shape, SH.node)]
        if param == SH["or"]:
            return [" && ".join(f"({self.violates(m, v)})" for m in Collection(g, lst)) or "true"
                    for lst in g.objects(shape, SH["or"])]
        raise Unsupported(f"shape {shape}: {param} here")

    def violates(self, shape, x: str, depth: int = 0) -> str:
        """A SPARQL expression: node ``x`` does not conform to a nested shape."""
        if depth > 8:
            raise Unsupported(f"shape {shape}: nested too deep")
        if self.one(shape, SH.severity, SH.Violation) != SH.Violation:
            raise Unsupported(f"nested shape {shape} with a severity of its own")
        path_node = self.g.value(shape, SH.path)
        path = self.path(path_node) if path_node is not None else ""
        tests = []
        for param in self.parameters(shape):
            v, w = self.var(), self.var()
            if param in TERM_TESTS or param == SH.sparql:
                raise Unsupported(f"nested shape {shape}: {param}")
            if path_node is None:
                if param in (SH.minCount, SH.maxCount):
                    raise Unsupported(f"nested shape {shape}: {param} on a node shape")
                tests += self.conditions(shape, param, x)
            elif param in (SH.minCount, SH.maxCount):
                n = int(self.one(shape, param))
                if n > 1:
                    raise Unsupported(f"nested shape {shape}: {param} {n}")
                if param == SH.minCount:
                    tests += [f"NOT EXISTS {{ {x} {path} {v} }}"] if n == 1 else []
                else:
                    tests.append(f"EXISTS {{ {x} {path} {v} }}" if n == 0 else
                                 f"EXISTS {{ {x} {path} {v}, {w} FILTER(!sameTerm({v}, {w})) }}")
            elif param == SH.hasValue:
                for h in self.g.objects(shape, SH.hasValue):
                    _as_written(h, shape)
                    tests.append(f"NOT EXISTS {{ {x} {path} {v} FILTER(sameTerm({v}, {sparql_term(h)})) }}")
            else:
                tests += [f"EXISTS {{ {x} {path} {v} FILTER({c}) }}" for c in self.conditions(shape, param, v)]
        for prop in self.g.objects(shape, SH.property):
            tests.append(self.violates(prop, x, depth + 1))
        return " || ".join(f"({t})" for t in tests) or "false"

    # --- SHACL-SPARQL ------------------------------------------------------------------------

    def sparql(self, shape, node, focus: str, severity: str) -> Check:
        select = self.one(node, SH.select)
        if select is None or (node, SH.ask, None) in self.g or (node, SH.deactivated, None) in self.g:
            raise Unsupported(f"shape {shape}: an sh:sparql constraint must have one sh:select")
        own = [str(m) for m in self.g.objects(shape, SH.message)]
        messages = own + [str(m) for m in self.g.objects(node, SH.message) if str(m) not in own]
        if len(messages) != 1 or re.search(r"\{[?$]", messages[0]):
            raise Unsupported(f"shape {shape}: a SPARQL constraint needs one sh:message, without {{?var}}")
        text = messages[0]
        m = re.fullmatch(r"(?is)\s*(?P<prologue>(?:PREFIX\s+\S*:\s*<[^>]*>\s*)*)SELECT\s+"
                         r"(?:DISTINCT\s+|REDUCED\s+)?(?P<proj>.*?)\s*(?:WHERE\s*)?\{(?P<body>.*)\}\s*",
                         str(select))
        if m is None or re.search(r"(?i)\b(?:GRAPH|SERVICE|MINUS|SELECT|VALUES|BIND|GROUP|ORDER|LIMIT)\b",
                                  m["body"]):
            raise Unsupported(f"shape {shape}: a SPARQL constraint must be one plain SELECT (no "
                              "subquery, MINUS, GRAPH, SERVICE, VALUES, BIND or modifiers) so that a "
                              "join binds $this as pyshacl's pre-binding does")
        if "this" not in re.findall(r"[?$](\w+)", m["proj"]) and m["proj"].strip() != "*":
            raise Unsupported(f"shape {shape}: a SPARQL constraint must select $this")
        declared = dict(re.findall(r"(?i)PREFIX\s+(\S*):\s*<([^>]*)>", m["prologue"]))
        prefixes = {**self.namespaces, **self.declared_prefixes(node), **declared}
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(prefixes.items()))
        query = f"{prologue}SELECT DISTINCT {m['proj']} WHERE {{ {focus} {m['body']} }}"
        reads = _spelling_reads(f"{prologue}SELECT {m['proj']} WHERE {{ {m['body']} }}")
        if reads is None:
            self.program.reads_every_spelling = True
        else:
            self.program.reads_spelling |= reads
        return Check(shape=shape, component="SPARQLConstraintComponent", path=None, severity=severity,
                     message=lambda focus, value, data: text, query=query, value_is_focus=True)

    def declared_prefixes(self, node) -> dict[str, str]:
        out = {}
        for source in self.g.objects(node, SH.prefixes):
            for decl in self.g.objects(source, SH.declare):
                out[str(self.g.value(decl, SH.prefix))] = str(self.g.value(decl, SH.namespace))
        return out


def _as_written(term, shape) -> None:
    """sh:in and sh:hasValue compare terms; the store would compare a number or date by value."""
    if isinstance(term, Literal) and term.datatype not in (None, *STRINGS):
        raise Unsupported(f"shape {shape}: a typed literal {term!r} in sh:in/sh:hasValue")


_TOKEN = re.compile(r"""\s*(?:(?P<iri><[^>\s]*>)|(?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')(?:\^\^\S+|@[\w-]+)?
    |(?P<var>[?$]\w+)|(?P<pname>[A-Za-z_][\w.-]*:[\w.-]*|:[\w.-]*)|(?P<num>[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    |(?P<word>[A-Za-z_]\w*)|(?P<punct>&&|\|\||!=|<=|>=|[{}()\[\].;,^/|*+?!=<>-]))""", re.X)


def _spelling_reads(query: str) -> set | None:
    """The predicates whose objects a SPARQL constraint reads as written: objects that are
    literals, projected variables, or variables passed to a function that looks at spelling or
    datatype (STR, STRLEN, DATATYPE, REGEX, sameTerm ...).  None when it cannot tell (a variable
    predicate, a property path, a blank-node list): then every predicate counts.  A reading of
    the query's own tokens, conservative by construction: what it does not understand is None."""
    prologue, _, rest = query.partition("SELECT")
    projection, _, body = rest.partition("WHERE")
    names = re.findall(r"PREFIX\s+(\S*):\s*<([^>]*)>", prologue, re.I)
    prefixes = dict(names)
    spelled = set(re.findall(r"[?$](\w+)", projection))
    tokens = []
    pos = 0
    while pos < len(body) and body[pos:].strip():
        m = _TOKEN.match(body, pos)
        if m is None:
            return None
        tokens.append((m.lastgroup, m.group(m.lastgroup)))
        pos = m.end()
    # variables inside calls of functions that read spelling or datatype
    depth_calls: list = []
    for i, (kind, text) in enumerate(tokens):
        if kind == "word" and i + 1 < len(tokens) and tokens[i + 1][1] == "(":
            depth_calls.append([f"Builtin_{text.upper()}" not in _VALUE_FUNCTIONS and
                                text.upper() not in ("FILTER", "NOT", "EXISTS"), 0])
        elif text == "(" and depth_calls:
            depth_calls[-1][1] += 1
        elif text == ")" and depth_calls:
            depth_calls[-1][1] -= 1
            if depth_calls[-1][1] == 0:
                depth_calls.pop()
        elif kind == "var" and any(lexical for lexical, _ in depth_calls):
            spelled.add(text[1:])
    reads: set = set()
    state, predicate, i = "s", None, 0
    while i < len(tokens):
        kind, text = tokens[i]
        if kind == "word" and text.upper() in ("FILTER", "BIND") and i + 1 < len(tokens) \
                and tokens[i + 1][1] == "(":
            depth, i = 0, i + 1            # skip the expression (its variables are known) ...
            while i < len(tokens):
                if tokens[i][1] == "{":
                    return None            # ... unless it holds a graph pattern
                depth += {"(": 1, ")": -1}.get(tokens[i][1], 0)
                if depth == 0:
                    break
                i += 1
            state = "s"
        elif kind == "word" and text.upper() in ("FILTER", "OPTIONAL", "UNION", "NOT", "EXISTS"):
            pass                           # FILTER [NOT] EXISTS { ... }: a pattern like others
        elif text in ("{", "}", "."):
            state = "s"
        elif text == ";":
            state = "p"
        elif text == ",":
            state = "o"
        elif text in ("[", "]", "(", ")", "^", "/", "|", "*", "+", "?", "!"):
            return None                    # blank-node lists, collections, property paths
        elif kind == "word" and text not in ("a", "true", "false"):
            return None
        elif state == "s":
            state = "p"
        elif state == "p":
            if kind == "var":
                return None
            predicate = text
            state = "o"
        else:                              # an object
            if kind in ("str", "num") or kind == "word" or (kind == "var" and text[1:] in spelled):
                if predicate is None or predicate == "a":
                    reads.add(RDF.type)
                elif predicate.startswith("<"):
                    reads.add(URIRef(predicate[1:-1]))
                else:
                    prefix, _, local = predicate.partition(":")
                    if prefix not in prefixes:
                        return None
                    reads.add(URIRef(prefixes[prefix] + local))
        i += 1
    return reads


# --- the term tests: pyshacl's readings, on the document's own rdflib terms ---------------------


def _string(v) -> str:
    """pyshacl's string form of a value node (sh:pattern, sh:minLength)."""
    if isinstance(v, Literal) and v.value is not None and v.datatype in (None, *STRINGS):
        return str(v.value)
    return str(v)


def _term_tests(shapes: Graph, shape, param) -> list[Callable[[object], bool]]:
    """value -> True when it violates, one test per parameter value."""
    tests = []
    for rule in shapes.objects(shape, param):
        if param == SH.datatype:
            if rule in (RDFS.Literal, RDFS.Datatype):
                raise Unsupported(f"shape {shape}: sh:datatype {rule}")
            tests.append(_datatype_test(rule))
        elif param == SH.pattern:
            flags = str(shapes.value(shape, SH.flags) or "")
            rx = re.compile(str(rule), _re_flags(flags))
            tests.append(lambda v, rx=rx: isinstance(v, BNode) or
                         not (rx.match(_string(v)) or rx.search(_string(v))))
        elif param == SH.minLength:
            n = int(rule)
            tests.append(lambda v, n=n: n > 0 and (isinstance(v, BNode) or len(_string(v)) < n))
        else:
            tests.append(lambda v, b=rule, low=param == SH.minInclusive: not _in_range(v, b, low))
    return tests


def _of_datatype(v, datatype) -> bool:
    """pyshacl's sh:datatype: a literal rdflib reads as a value of that datatype."""
    if not isinstance(v, Literal):
        return False
    if v.datatype == datatype:
        if getattr(v, "ill_typed", None) is True:
            return False
        kind = _PYTHON_KIND.get(datatype)
        return kind is None or isinstance(v.value, kind)
    if v.datatype is None and v.language is None and datatype == XSD.string:
        return isinstance(v.value, str)
    return datatype == RDF.langString and bool(v.language) and isinstance(v.value, str)


def _datatype_test(datatype) -> Callable[[object], bool]:
    """``not _of_datatype(v, datatype)`` for one datatype, its comparisons made once (the test
    runs on every literal of a document; tests/validating/test_term_tests.py compares the two
    on the literals of fixture documents and odd ones)."""
    kind = _PYTHON_KIND.get(datatype)
    plain_ok = datatype == XSD.string          # a literal without datatype or language
    tagged_ok = datatype == RDF.langString     # a literal with a language
    datatype = URIRef(datatype)
    name = str(datatype)

    def violates(v) -> bool:
        if type(v) is not Literal and not isinstance(v, Literal):
            return True
        dt = v.datatype
        if dt is None:
            return not ((plain_ok if v.language is None else tagged_ok) and isinstance(v.value, str))
        # (two URIRefs are equal when their strings are: compared as strings, in C)
        if str.__eq__(dt, name) if type(dt) is URIRef else dt == datatype:
            if getattr(v, "ill_typed", None) is True:
                return True
            return kind is not None and not isinstance(v.value, kind)
        return True
    return violates


def _in_range(v, bound: Literal, low: bool) -> bool:
    """pyshacl's sh:minInclusive (``low``) / sh:maxInclusive.

    pyshacl compares with `compare_literal`: equal by rdflib's ``eq``, else rdflib's ``>``,
    except for date-times and times, whose Python values it compares.  Importing it imports
    the whole of pyshacl (and rdflib's SPARQL grammar), a fifth of a second a process, so the
    common case asks rdflib directly and only a date-time or a time goes to pyshacl."""
    if not isinstance(v, Literal):
        return False
    if isinstance(bound.value, str) != isinstance(v.value, str):
        return False
    try:
        if isinstance(v.value, (datetime, time)):
            from pyshacl.rdfutil.compare import compare_literal

            cmp = compare_literal(v, bound)
            return cmp >= 0 if low else cmp <= 0
        if v.eq(bound):
            return True
        greater = v > bound
    except (TypeError, NotImplementedError):
        return False
    return greater if low else not greater


def _less_or_equal_failures(value, others: Iterable) -> int:
    """pyshacl's sh:lessThanOrEquals: how many of ``others`` the value is not <= (one result
    each); IRIs and strings compare as strings, and only with each other."""
    if isinstance(value, BNode):
        raise Unsupported("sh:lessThanOrEquals on a blank node")
    failures = 0
    whole = _whole_number(value)
    plain = None                          # the value's (comparable, string?), made when needed
    for other in others:
        if whole is not None:
            other_whole = _whole_number(other)
            if other_whole is not None and (other.datatype is value.datatype or other.datatype == value.datatype):
                # two integers of one datatype (a selector's offsets): rdflib orders them by value
                failures += not whole <= other_whole
                continue
        if plain is None:
            plain = _comparable(value)
        b, b_string = _comparable(other)
        if plain[1] != b_string or not plain[0] <= b:
            failures += 1
    return failures


def _comparable(x) -> tuple:
    """A term as sh:lessThanOrEquals compares it, and whether that is as a string."""
    if isinstance(x, URIRef):
        return str(x), True
    if isinstance(x, Literal) and isinstance(x.value, str):
        return x.value, True
    return x, False


def _whole_number(x) -> int | None:
    """The int value of a literal rdflib reads as one (not a boolean), else None."""
    if type(x) is Literal and type(x.value) is int:
        return x.value
    return None


def _re_flags(flags: str) -> int:
    out = 0
    for f in flags:
        if f not in "imsx":
            raise Unsupported(f"sh:flags {flags!r}")
        out |= {"i": re.I, "m": re.M, "s": re.S, "x": re.X}[f]
    return out


# --- pyshacl's generic messages (for the constraints whose shape gives none) -------------------


def _class_message(shapes: Graph, classes: list) -> Words:
    def words(_focus, _value, _data) -> str:
        from pyshacl.rdfutil import stringify_node

        if len(classes) < 2:
            return f"Value does not have class {stringify_node(shapes, classes[0])}"
        return f"Value class is not in classes ({', '.join(stringify_node(shapes, c) for c in classes)})"
    return words


def _or_message(shapes: Graph, lists: list) -> Words:
    def words(_focus, value, data: Graph) -> str:
        from pyshacl.rdfutil import stringify_node

        def members(lst) -> str:
            return " , ".join(stringify_node(shapes, m) for m in shapes.items(lst))

        text = members(lists[0]) if len(lists) < 2 else " and ".join(f"({members(x)})" for x in lists)
        return f"Node {stringify_node(data, value)} must conform to one or more shapes in {text}"
    return words


# --- one document ------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _stored(lexical: str, datatype: str) -> tuple[str, str]:
    """How pyoxigraph's store writes a typed literal back (asked of the store, once each)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:x"),
                      ox.Literal(lexical, datatype=ox.NamedNode(datatype))))
    back = next(iter(store)).object
    return back.value, back.datatype.value


_DIGITS = re.compile(r"0|[1-9][0-9]{0,17}")
_INTEGER = str(XSD.integer)
_INTEGERS = {str(XSD[n]) for n in ("integer", "nonNegativeInteger", "int", "long")}


_STRING, _LANG_STRING = str(XSD.string), str(RDF.langString)


def stored_form(lit: Literal) -> tuple[str, str] | None:
    """(lexical, datatype) of a literal as the store gives it back; None for a string."""
    dt = lit.datatype
    if dt is None or dt in STRINGS:
        return None
    return _stored_text(str(lit), str(dt))


def _stored_text(lexical: str, datatype: str) -> tuple[str, str]:
    """`stored_form` of a typed literal given as plain strings (not xsd:string/rdf:langString)."""
    if datatype in _INTEGERS and _DIGITS.fullmatch(lexical):    # the common case, without the store
        return lexical, _INTEGER
    return _stored(lexical, datatype)


class Census:
    """One pass over a document's triples (and background): the term tests' failures, the
    literals the store would write otherwise, and whether the store can decide the document.

    ``index`` (`kg.validating.rules.background_index`): the census also finds the document's
    background (`background`, what `kg.validating.background_for` gives) on its way through the
    triples, and takes it in after them; without it, ``triples`` holds the background already.
    ``indexed`` (predicates as text): `values` keeps their objects by subject for
    `kg.validating.tables` (each triple once: the background's repeats of the document are not
    kept twice).

    The loop runs once per triple (600,000 of them for the 300 JFK catalogue dev texts): what
    it needs of a predicate or a datatype is looked up once per term object (the mappers reuse
    their terms, so the lookup finds the very object) and kept as plain strings (an rdflib
    term compares in Python, a string in C); it leaves aside what it does not need."""

    def __init__(self, program: Program, triples: Iterable, index: dict | None = None,
                 indexed: set | None = None):
        self.failing: dict[int, dict] = {}        # check -> subject -> [values]
        self.respelled: set = set()               # stored forms (lexical, datatype) that differ
        self.rewritten: list = []                 # (subject, predicate, stored, literal as written)
        self.reason = ""
        self.background: list = []
        self._restore: dict | None = None
        self._tests = {str(p): found for p, found in program.tests.items()}
        self._paired = {str(p) for p in program.pairs} | {str(o) for pairs in program.pairs.values() for _i, o in pairs}
        self._predicates: dict = {}               # predicate term -> (tests, paired?, its string)
        self._datatypes: dict = {}                # datatype term -> its string
        self._values: dict = {}                   # (subject, predicate) -> [objects] for pairs
        self._spelling: set = set()               # predicates with literals the store respells
        # indexed predicate -> subject -> [objects] (kg.validating.tables)
        self.values: dict | None = None if indexed is None else {p: {} for p in indexed}
        self.several: dict = {}                   # indexed predicate -> subjects with two values or more
        if index is None:
            self._take(triples, None)
        else:
            nodes: list = []
            self._take(triples, (index, nodes))
            if not self.reason:
                from kg.validating.rules import reachable

                self.background = reachable(index, nodes)
                self._take(self.background, None, repeats=True)
        if not self.reason:
            self._close(program)

    def _take(self, triples: Iterable, background, repeats: bool = False) -> None:
        """The loop over the triples (``background``: the index and the list to which each
        subject and object that has ontology triples is added; ``repeats``: these triples may
        repeat ones taken before, which `values` keeps once)."""
        if background is not None:
            index, nodes = background
        tests, paired, predicates, datatypes = self._tests, self._paired, self._predicates, self._datatypes
        failing, values, indexed = self.failing, self._values, self.values or {}
        string, lang_string = _STRING, _LANG_STRING
        for s, p, o in triples:
            kind = type(o)
            if kind is BNode or type(s) is BNode:
                self.reason = "blank nodes"
                return
            if background is not None:
                if s in index:
                    nodes.append(s)
                if kind is not Literal and o in index:
                    nodes.append(o)
            entry = predicates.get(p)
            if entry is None:
                ps = str(p)
                entry = predicates[p] = (tests.get(ps), ps in paired, ps, indexed.get(ps))
            found, pair, ps, by_subject = entry
            if by_subject is not None:
                objects = by_subject.get(s)
                if objects is None:
                    by_subject[s] = [o]
                elif not repeats or o not in objects:
                    objects.append(o)
                    self.several.setdefault(ps, set()).add(s)
            if found:
                for index_, test in found:
                    if test(o):
                        failing.setdefault(index_, {}).setdefault(s, []).append(o)
            if pair:
                values.setdefault((str(s), ps), (s, []))[1].append(o)
            if kind is Literal:
                dt = o.datatype
                if dt is None:
                    continue
                dts = datatypes.get(dt)
                if dts is None:
                    dts = datatypes[dt] = str(dt)
                if dts == string:
                    self.reason = "a literal typed xsd:string (the store keeps it as a plain string)"
                    return
                if dts != lang_string:
                    lexical = str(o)
                    stored = _stored_text(lexical, dts)
                    if stored[1] != dts or stored[0] != lexical:
                        self._spelling.add(ps)
                        self.respelled.add(stored)
                        self.rewritten.append((s, p, stored, o))

    def _close(self, program: Program) -> None:
        """What needs every triple seen: the pairs compared, the spellings a constraint reads."""
        values = self._values
        for p, pairs in program.pairs.items():
            name = str(p)
            for index, other in pairs:
                other_name = str(other)
                for (key, q), (subject, objs) in values.items():
                    if q != name:
                        continue
                    # (a list of one needs no removing of repeats: rdflib hashes a literal in Python)
                    others = values.get((key, other_name), (None, ()))[1]
                    others = others if len(others) < 2 else dict.fromkeys(others)
                    for v in (objs if len(objs) < 2 else dict.fromkeys(objs)):
                        n = _less_or_equal_failures(v, others)
                        if n:
                            self.failing.setdefault(index, {}).setdefault(subject, []).extend([v] * n)
        reads = {str(p) for p in program.reads_spelling}
        if self._spelling and (program.reads_every_spelling or self._spelling & reads):
            self.reason = "a SPARQL constraint reads the spelling of a literal the store respells"
        for index, by_subject in self.failing.items():    # a triple in document and background once
            if not program.checks[index].other:
                for s in by_subject:
                    by_subject[s] = list(dict.fromkeys(by_subject[s]))

    def as_written(self, subject, predicate, stored: tuple[str, str]):
        """The literal the document wrote where the store gives ``stored`` (None: not known)."""
        if self._restore is None:
            self._restore = {(s, p, st): o for s, p, st, o in self.rewritten}
        return self._restore.get((subject, predicate, stored))


def nt_row(triple) -> str:
    """One triple as rdflib's N-Triples serializer writes it (``s p o .`` and a newline)."""
    from rdflib.plugins.serializers.nt import _nt_row

    return _nt_row(triple)


@lru_cache(maxsize=None)
def _ontology_statement(triple) -> str:
    """An ontology triple (the background) as N-Triples without its closing `` .``: written
    once each (only the ontology's own triples come here, so the cache is bounded by it)."""
    return nt_row(triple)[:-3]


class _Unmappable(Exception):
    pass


def run(program: Program, triples, words: Graph, nquads: bytes | str | None = None,
        graph_iri: str | None = None, consume: bool = False):
    """The verdict of the compiled shapes on one document (a collection of rdflib triples), or
    None when the store cannot decide it exactly as pyshacl would (`Census.reason`).
    ``nquads``: the document's N-Quads in ``graph_iri`` (UTF-8 or text), if the caller has them.
    ``consume``: empty ``triples`` (``triples.clear()``) once they are read, before the store is
    loaded, for a caller that needs them no more: a large document's terms are not held beside
    the store.  Then ``triples`` is empty when this returns None after the census."""
    import pyoxigraph as ox

    from kg.validating.rules import Verdict, background_index, result_in_words, shapes_graph

    doc = triples if isinstance(triples, (list, tuple)) else list(triples)
    in_python = program.in_python
    census = Census(program, doc, background_index(), program.indexed if in_python else None)
    if census.reason:
        return None
    background = census.background
    if in_python:            # the template rows and the term tests' focus membership, in Python
        from kg.validating.tables import Classes, focus_nodes, table_rows

        classes = Classes(census.values[str(RDF.type)], census.values[str(RDFS.subClassOf)])
        focus = focus_nodes(program.targets, program.python_derived(), census.values, classes)
        found = table_rows(program.rows, program.member_lists, focus, census.values, census.several, classes)
        found += [(i, s, None) for i, by_subject in census.failing.items()
                  for s in by_subject if s in focus.get(program.checks[i].focus_shape, ())]
        present = set(focus)
        census.values = census.several = None
        del classes, focus
    else:
        found = []
    graph_iri = graph_iri or "urn:x-declass-kg:document"
    suffix = f" <{graph_iri}> .\n"
    if nquads is None:
        from kg.mapping.core import nquads_utf8 as write

        nquads = write(doc, graph_iri)
    known = triples if isinstance(triples, (Graph, set)) or hasattr(triples, "graph") else set(doc)
    expected = len(doc) + sum(1 for t in background if t not in known)
    del known
    if consume:
        del doc
        triples.clear()
    store = ox.Store()
    # The document's N-Quads are loaded as given and the background after them: joined into one
    # text first, a large document's N-Quads were copied (and, as text, copied again in UTF-8).
    store.load(nquads, format=ox.RdfFormat.N_QUADS)
    store.load("".join(_ontology_statement(t) + suffix for t in background), format=ox.RdfFormat.N_QUADS)
    if len(store) != expected:
        return None          # two spellings of one value on one subject and predicate: merged
    if in_python:            # only the focus nodes the branches and SPARQL constraints read
        store.update(program.focus_update(graph_iri, program.store_shapes()))
    else:
        store.update(program.focus_update(graph_iri))
        present = {int(row["s"].value) for row in store.query(PRESENT)}
    default = [ox.NamedNode(graph_iri)]
    shapes = shapes_graph()
    results = []

    def term(node, focus=None, check: Check | None = None):
        if isinstance(node, ox.NamedNode):
            return URIRef(node.value)
        if isinstance(node, ox.Literal):
            if node.language:
                return Literal(node.value, lang=node.language)
            dt = node.datatype.value
            if dt == str(XSD.string):
                return Literal(node.value)
            stored = (node.value, dt)
            if stored in census.respelled:
                path = check.path if check is not None else None
                written = census.as_written(focus, path, stored) if isinstance(path, URIRef) else None
                if written is None:
                    raise _Unmappable(stored)
                return written
            return Literal(node.value, datatype=URIRef(dt))
        raise _Unmappable(node)

    def add(check: Check, focus, value, path=None) -> None:
        message = check.message(focus, value, words)
        results.append((check, focus, result_in_words(check.severity, focus, check.shape,
                                                      path if path is not None else check.path,
                                                      value, message, words, shapes)))

    def violation(index: int, focus, value) -> None:
        check = program.checks[index]
        if check.test is not None:            # a term test: its failing values, as written
            for written in census.failing[index][focus]:
                add(check, focus, written)
        elif check.value_free:
            add(check, focus, None)
        else:
            add(check, focus, focus if check.value_is_focus else value)

    try:
        for index, focus, value in found:
            violation(index, focus, value)
        queries = program.queries({i: set(by) for i, by in census.failing.items()}, present, tables=not in_python)
        for row in (row for query in queries for row in store.query(query, default_graph=default)):
            index = int(row["c"].value)
            focus = term(row["this"])
            check = program.checks[index]
            value = None if check.value_free or check.value_is_focus or check.test is not None \
                else term(row["value"], focus, check)
            violation(index, focus, value)
        for check in program.constraints(present):
            for row in store.query(check.query, default_graph=default):
                focus = term(row["this"])
                value = term(row["value"]) if row["value"] is not None else focus
                add(check, focus, value, term(row["path"]) if row["path"] is not None else None)
        times = _detail_counts(store, default, [(c.detail, f) for c, f, _r in results if c.detail])
    except _Unmappable:
        return None
    return Verdict.of([r for c, f, r in results for _ in range(times.get((c.detail, f), 1))], engine="fast")


def _detail_counts(store, default, wanted: list) -> dict:
    """How many focus nodes of the outer shape have each value a sh:node detail is about: pyshacl
    reports the nested results once under each (focus node, value) it failed for."""
    import pyoxigraph as ox

    counts: dict = {}
    by_outer: dict = {}
    for (outer, path), node in wanted:
        by_outer.setdefault((outer, path), set()).add(node)
    for (outer, path), nodes in by_outer.items():
        values = " ".join(sorted(sparql_term(n) for n in nodes))
        query = (f"SELECT ?this (COUNT(DISTINCT ?o) AS ?n) WHERE {{ GRAPH {_FOCUS} {{ ?o {_FOCUS} {outer} }} "
                 f"?o {path} ?this VALUES ?this {{ {values} }} }} GROUP BY ?this")
        for row in store.query(query, default_graph=default):
            counts[((outer, path), URIRef(row["this"].value) if isinstance(row["this"], ox.NamedNode)
                    else row["this"])] = int(row["n"].value)
    return counts

