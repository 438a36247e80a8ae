"""Breaking a conforming graph in one place, as data: each shape test file lists its cases
(`Break`: what is broken, how, which shape must say so and, where it matters, the words it
must use), and one parametrised test runs them all with `assert_broken`.

A mutation works on a copy of the graph, so the conforming graph is built once per module.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rdflib import Graph
from rdflib.namespace import RDF

from kg.validating import validate

Find = Callable[[Graph], object]
Mutation = Callable[[Graph], None]


@dataclass(frozen=True)
class Break:
    what: str                 # "a selector without offsets" (the test id)
    mutate: Mutation
    shape: str                # the shape whose violation must name it ("SelectorShape")
    words: str = ""           # what the violation must say, in words ("do not fit")

    def __str__(self) -> str:
        return self.what


# --- finding the node to break (the first in IRI order, so the same node every run) ----------

def of_type(cls) -> Find:
    return lambda g: sorted(g.subjects(RDF.type, cls))[0]


def having(prop, value=None) -> Find:
    return lambda g: sorted(g.subjects(prop, value))[0]


def value_of(find: Find, prop) -> Find:
    return lambda g: g.value(find(g), prop)


# --- breaking it -------------------------------------------------------------------------------

def _value(value, g: Graph):
    return value(g) if callable(value) else value


def drop(find: Find, prop=None, obj=None) -> Mutation:
    """Remove the node's ``prop`` statements (every statement about it when ``prop`` is None)."""
    return lambda g: g.remove((find(g), prop, obj))


def put(find: Find, prop, value) -> Mutation:
    """Replace the node's ``prop`` with ``value`` (a term, or a function of the graph)."""
    return lambda g: g.set((find(g), prop, _value(value, g)))


def add(find: Find, prop, value) -> Mutation:
    """Give the node one more ``prop``."""
    return lambda g: g.add((find(g), prop, _value(value, g)))


def steps(*mutations: Mutation) -> Mutation:
    def run(g: Graph) -> None:
        for m in mutations:
            m(g)
    return run


def assert_broken(graph: Graph, case: Break) -> None:
    g = graph + Graph()
    for prefix, ns in graph.namespaces():
        g.bind(prefix, ns, override=True)
    case.mutate(g)
    verdict = validate(g)
    assert not verdict.conforms, f"{case}: still conforms"
    said = [r.words() for r in verdict.violations if case.shape in r.shape]
    assert said, f"{case}: no violation of {case.shape}: {[r.words() for r in verdict.violations]}"
    assert any(case.words in w for w in said), f"{case}: {case.words!r} not in {said}"
