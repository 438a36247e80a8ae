"""The fast gate's checks on predicate paths, decided in Python over an index of the document.

The compiled shapes (`kg.validating.compiled.Program`) hold most of their constraints as rows
of a few templates: a shape's focus nodes, a predicate, and a count (``sh:minCount``,
``sh:maxCount``), a class (``sh:class``, a node shape's own ``sh:class``), a node kind, a list
of terms (``sh:in``) or a term (``sh:hasValue``).  Run as SPARQL in pyoxigraph, they cost one
to three microseconds for every pair of focus node and row (700,000 pairs on the 300 JFK
catalogue dev texts: a third of the gate), and the focus nodes of every shape had to be
inserted into the store first.  Here the census's index of the document (subject ->
objects for the predicates the rows and targets read, `Census.values`, and the subjects with
more than one value, `Census.several`) answers the same questions with dictionary and set
operations:

- `focus_nodes`: each shape's focus nodes, as the focus update computes them (instances of a
  target class or of its ``rdfs:subClassOf*`` subclasses in the data, subjects or objects of a
  target predicate, target nodes; the values of a ``sh:node`` shape's outer focus nodes on its
  predicate);
- `table_rows`: the rows each template's query would return, one per violation.

What it relies on is what the gate has made sure of before it gets here: no blank node in the
document (the census hands those to pyshacl), each triple once in the data (background triples
the document repeats are taken once), and terms compared as the store compares them: an IRI by
its text, a list member or ``sh:hasValue`` term an IRI or a plain literal (the program falls back
to the store otherwise, `Program.in_python`); a store that merged two spellings of one value is
caught after (`kg.validating.compiled.run` compares the store's size with the triples' count).
tests/validating/test_gate_shortcuts.py compares both functions with the store's answers on
every fixture document, as built, with half its properties taken away and with half of them
given a second value; the mutation test (test_fast_gate.py) runs them against pyshacl.
"""
from __future__ import annotations

from rdflib import Literal, URIRef

_IRI_KINDS = {"IRI": (URIRef,), "Literal": (Literal,), "BlankNodeOrIRI": (URIRef,),
              "IRIOrLiteral": (URIRef, Literal), "BlankNode": (), "BlankNodeOrLiteral": (Literal,)}


class Classes:
    """Which classes each node belongs to in the data: its ``rdf:type`` values and everything
    they reach by ``rdfs:subClassOf*`` (IRIs only: a literal is never a subject, so no path
    goes on from one), each class's closure worked out once."""

    def __init__(self, types: dict, subclass: dict):
        self.types = types
        self.up = {str(c): [str(d) for d in ds if isinstance(d, URIRef)]
                   for c, ds in subclass.items() if isinstance(c, URIRef)}
        self._closure: dict = {}
        self._below: dict = {}
        self._named: set | None = None

    def closure(self, cls) -> frozenset:
        """``cls`` and its superclasses (the classes it reaches by rdfs:subClassOf*), as text."""
        found = self._closure.get(cls)
        if found is None:
            start = str(cls)
            seen = {start}
            stack = [start]
            while stack:
                for sup in self.up.get(stack.pop(), ()):
                    if sup not in seen:
                        seen.add(sup)
                        stack.append(sup)
            found = self._closure[cls] = frozenset(seen)
        return found

    def below(self, wanted: str) -> frozenset:
        """The classes the data names (``rdf:type`` values, as terms) that are ``wanted`` or
        reach it by rdfs:subClassOf*: a node is an instance of ``wanted`` when one of its types
        is among them (``types.get(node, ())`` not disjoint from this set)."""
        found = self._below.get(wanted)
        if found is None:
            if self._named is None:
                self._named = set().union(*self.types.values())
            found = self._below[wanted] = frozenset(
                c for c in self._named if isinstance(c, URIRef) and wanted in self.closure(c))
        return found


def focus_nodes(targets: dict, derived: list, values: dict, classes: Classes) -> dict[int, set]:
    """Each shape's focus nodes (shape id -> set of terms), as `Program.focus_update` inserts
    them: ``targets`` kind -> [(shape id, term)], ``derived`` [(shape id, outer shape id,
    predicate text)], ``values`` predicate text -> subject -> [objects]."""
    focus: dict[int, set] = {}
    by_class: dict[str, list] = {}
    for sid, cls in targets.get("class", ()):
        by_class.setdefault(str(cls), []).append(sid)
    if by_class:
        for node, types in classes.types.items():
            for cls in types:
                if not isinstance(cls, URIRef):
                    continue
                for name in classes.closure(cls):
                    for sid in by_class.get(name, ()):
                        focus.setdefault(sid, set()).add(node)
    for sid, predicate in targets.get("subjectsOf", ()):
        focus.setdefault(sid, set()).update(values.get(str(predicate), {}))
    for sid, predicate in targets.get("objectsOf", ()):
        nodes = focus.setdefault(sid, set())
        for objects in values.get(str(predicate), {}).values():
            nodes.update(objects)
    for sid, node in targets.get("node", ()):
        focus.setdefault(sid, set()).add(node)
    for sid, outer, predicate in derived:          # the values of a sh:node shape's outer nodes
        by_subject = values.get(predicate, {})
        nodes = focus.setdefault(sid, set())
        for node in focus.get(outer, ()):
            nodes.update(by_subject.get(node, ()))
    return {sid: nodes for sid, nodes in focus.items() if nodes}


def same_term(value, term) -> bool:
    """SPARQL's sameTerm of a data value and a list member or sh:hasValue term (an IRI or a
    plain literal: `Program.in_python`)."""
    if isinstance(term, URIRef):
        return isinstance(value, URIRef) and str.__eq__(value, term)
    return (isinstance(value, Literal) and value.datatype is None and value.language is None
            and str.__eq__(value, term))


def table_rows(rows: list, members: dict, focus: dict, values: dict, several: dict,
               classes: Classes) -> list:
    """The violations of the template rows (kind, check index, shape id, parameters) on the
    focus nodes: (check index, focus node, value or None), as each template's query gives them.
    ``several``: predicate text -> the subjects with more than one value of it."""
    found = []
    types = classes.types
    for kind, index, sid, params in rows:
        nodes = focus.get(sid)
        if not nodes:
            continue
        if kind == "nodeClass":
            below = classes.below(str(params[0]))
            found.extend((index, x, None) for x in nodes if below.isdisjoint(types.get(x, ())))
            continue
        by_subject = values.get(str(params[0]), {})
        if kind == "minCount1":
            found.extend((index, x, None) for x in nodes.difference(by_subject))
        elif kind == "maxCount1":
            found.extend((index, x, None) for x in nodes.intersection(several.get(str(params[0]), ())))
        elif kind == "minCount":
            found.extend((index, x, None) for x in nodes if len(by_subject.get(x, ())) < params[1])
        elif kind == "maxCount":
            found.extend((index, x, None) for x in nodes if len(by_subject.get(x, ())) > params[1])
        elif kind == "hasValue":
            found.extend((index, x, None) for x in nodes
                         if not any(same_term(v, params[1]) for v in by_subject.get(x, ())))
        elif kind == "class":
            below = classes.below(str(params[1]))
            found.extend((index, x, v) for x in nodes for v in by_subject.get(x, ())
                         if below.isdisjoint(types.get(v, ())))
        elif kind == "nodeKind":
            allowed = _IRI_KINDS[str(params[1]).rsplit("#", 1)[-1]]
            found.extend((index, x, v) for x in nodes for v in by_subject.get(x, ())
                         if not isinstance(v, allowed))
        elif kind == "in":
            listed = members.get(index, ())
            found.extend((index, x, v) for x in nodes for v in by_subject.get(x, ())
                         if not any(same_term(v, m) for m in listed))
        else:
            raise ValueError(f"no Python reading of the template {kind!r}")
    return found
