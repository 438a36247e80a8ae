"""The fast gate (the shapes compiled to SPARQL in pyoxigraph) agrees with pyshacl, the reference.

Two proofs, both drawn from the shapes graph rather than written per shape:

- differential: every document of the test fixtures (the seed, the JFK, memoranda and TEI
  fixtures) gets the same verdict, in the same words, from both gates;
- mutation: for every shape and every constraint component it uses, a fixture graph is mutated
  until pyshacl reports that very constraint (the operators are generic: remove a property's
  values, add values, replace a value by one of another kind, perturb the triples around the
  focus node for a SPARQL constraint); both gates must then give the same verdict in the same
  words.  A constraint that no graph can break under the ontology (its class is implied by the
  shape's target class) is listed, and that it is implied is checked.
"""
from __future__ import annotations

import itertools
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from kg.mapping import map_document
from kg.mapping.core import DEFAULT_BASE, words_graph
from kg.pipeline import nquads_of
from kg.publishing.identity import identity_report
from kg.reading import read_file
from kg.extracting import run as extract
from kg.resolving import resolve_document
from kg.validating import check, ontology_graph, pyshacl_report, shapes_graph, validate
from kg.validating.compiled import COMPONENTS, TARGETS, Compiler, Unsupported

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/fixtures/jfk/*.md"),
                   *ROOT.glob("tests/fixtures/memos/*.txt"), *ROOT.glob("tests/fixtures/tei/*.xml")])
FIXTURES = [p for p in FIXTURES if not p.name.upper().startswith("README")]
# two memoranda naming 'Mr. J. Smith' and 'Mr. John Smith': a build links them (identity graph)
LINKED = sorted(ROOT.glob("tests/fixtures/identity/*.txt"))


@lru_cache(maxsize=None)
def document(path: Path) -> Graph:
    records = extract(read_file(path))
    return map_document(records, resolve_document(records)).graph()


@lru_cache(maxsize=None)
def identity_links() -> Graph:
    """The graph of proposed identity links a build publishes beside its documents."""
    report = identity_report(((p.name, nquads_of(document(p), f"{DEFAULT_BASE}graph/{p.stem}"))
                              for p in LINKED), DEFAULT_BASE)
    links = Dataset()
    links.parse(data=report.nquads, format="nquads")
    graph = Graph()
    for triple in links.graph(URIRef(report.graph_iri)):
        graph.add(triple)
    assert len(graph), "the fixtures propose no identity link"
    return graph


def graphs() -> list[tuple[str, Graph]]:
    """Every graph the gate checks, smallest first: the fixture documents and the links."""
    docs = sorted(FIXTURES, key=lambda p: len(document(p)))
    return [(p.name, document(p)) for p in docs] + [("identity links", identity_links())]


def words(verdict) -> tuple:
    return verdict.conforms, [r.words() for r in verdict.results]


def both(graph: Graph):
    reference = validate(graph)
    fast = check(graph, gate="fast")
    return reference, fast


# --- differential ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_both_gates_give_every_fixture_the_same_verdict_in_the_same_words(path):
    reference, fast = both(document(path))
    assert fast.engine == "fast"             # decided by the compiled shapes, not handed back
    assert {(r.focus, r.shape, r.path, r.severity) for r in fast.results} == \
        {(r.focus, r.shape, r.path, r.severity) for r in reference.results}
    assert words(fast) == words(reference)


# --- mutation -------------------------------------------------------------------------------


def constraints() -> list[tuple]:
    """(root shape, shape, parameter) for every constraint of every shape with targets."""
    g = shapes_graph()
    found = []
    for root in sorted({s for t in TARGETS for s in g.subjects(t, None)}, key=str):
        for shape in [root, *g.objects(root, SH.property)]:
            for param in dict.fromkeys(p for p, _o in g.predicate_objects(shape) if p in COMPONENTS):
                found.append((root, shape, param))
    return found


def _label(c) -> str:
    g = shapes_graph()
    root, shape, param = c
    where = g.value(shape, SH.path) if shape != root else None
    path = g.namespace_manager.normalizeUri(where) if isinstance(where, URIRef) else ("path" if where else "")
    return f"{g.namespace_manager.normalizeUri(root)}/{path}/{str(param).rsplit('#')[-1]}"


CONSTRAINTS = constraints()


def instances(graph: Graph, cls) -> set:
    onto = ontology_graph()
    classes = set(onto.transitive_subjects(RDFS.subClassOf, cls)) | set(graph.transitive_subjects(RDFS.subClassOf, cls))
    return {s for c in classes | {cls} for s in graph.subjects(RDF.type, c)}


def focus_nodes(graph: Graph, root) -> list:
    g = shapes_graph()
    found = set()
    for c in g.objects(root, SH.targetClass):
        found |= instances(graph, c)
    for p in g.objects(root, SH.targetSubjectsOf):
        found |= set(graph.subjects(p, None))
    for p in g.objects(root, SH.targetObjectsOf):
        found |= set(graph.objects(None, p))
    return sorted((n for n in found if isinstance(n, URIRef)), key=str)


def values(graph: Graph, f, path) -> list:
    g = shapes_graph()
    if isinstance(path, URIRef):
        return list(graph.objects(f, path))
    inverse = g.value(path, SH.inversePath)
    if inverse is not None:
        return list(graph.subjects(inverse, f))
    steps = list(Collection(g, path))
    nodes = [f]
    for step in steps:
        nodes = [o for n in nodes for o in graph.objects(n, step)]
    return nodes


def without_values(graph: Graph, f, path) -> Graph:
    g = shapes_graph()
    out = copy(graph)
    if isinstance(path, URIRef):
        out.remove((f, path, None))
    elif g.value(path, SH.inversePath) is not None:
        out.remove((None, g.value(path, SH.inversePath), f))
    else:
        out.remove((f, next(iter(Collection(g, path))), None))
    return out


def replacing(graph: Graph, f, path, value) -> Graph:
    """The focus node's values on the path replaced by ``value``."""
    g = shapes_graph()
    out = without_values(graph, f, path)
    if isinstance(path, URIRef):
        out.add((f, path, value))
    elif g.value(path, SH.inversePath) is not None:
        out.add((value, g.value(path, SH.inversePath), f))
    else:
        steps = list(Collection(g, path))
        node = f
        for i, step in enumerate(steps[:-1]):
            fresh = URIRef(f"urn:mutant:step{i}")
            out.add((node, step, fresh))
            node = fresh
        out.add((node, steps[-1], value))
    return out


def copy(graph: Graph) -> Graph:
    out = Graph(namespace_manager=words_graph().namespace_manager)
    for t in graph:
        out.add(t)
    return out


def bumped(value, by: int):
    """A literal ``by`` more (numbers) or a day later (dates), of the same datatype."""
    v = value.value
    if isinstance(v, (int, Decimal, float)) and not isinstance(v, bool):
        return Literal(v + by, datatype=value.datatype)
    raise ValueError(value)


def replacements(graph: Graph, f, shape, param) -> list:
    g = shapes_graph()
    rule = g.value(shape, param)
    path = g.value(shape, SH.path)
    existing = values(graph, f, path) if path is not None else []
    if param == SH.datatype:
        return [Literal(42) if rule == XSD.string else Literal("mutant")]
    if param in (SH.minInclusive, SH.maxInclusive):
        sample = next((v for v in existing if isinstance(v, Literal)), rule)
        bound = Literal(rule.value, datatype=sample.datatype)
        return [bumped(bound, -1 if param == SH.minInclusive else 1)]
    if param == SH.lessThanOrEquals:
        others = [o for o in graph.objects(f, rule) if isinstance(o, Literal)]
        return [bumped(max(others, key=lambda o: o.value), 1)] if others else []
    if param == SH.minLength:
        return [Literal("")]
    if param == SH["in"]:
        return [URIRef("urn:mutant:not-in-the-list")]
    return [URIRef("urn:mutant:fresh"), Literal("mutant"), Literal(42), URIRef("http://example.org/mutant")]


def perturbations(graph: Graph, f, limit: int = 300):
    """Generic small changes near the focus node, nearest first: a triple deleted, a number
    bumped, a boolean flipped, an IRI swapped for another of the shapes' sh:in members."""
    members = {m for lst in shapes_graph().objects(None, SH["in"]) for m in Collection(shapes_graph(), lst)}
    seen, frontier, triples = {f}, [f], []
    for _depth in range(3):
        nxt = []
        for n in frontier:
            for t in sorted(itertools.chain(graph.triples((n, None, None)), graph.triples((None, None, n))), key=str):
                triples.append(t)
                for x in (t[0], t[2]):
                    if isinstance(x, URIRef) and x not in seen:
                        seen.add(x)
                        nxt.append(x)
        frontier = nxt
    count = 0
    for s, p, o in dict.fromkeys(triples):
        changes = [None]
        if isinstance(o, Literal) and isinstance(o.value, bool):
            changes.append(Literal(not o.value, datatype=o.datatype))
        elif isinstance(o, Literal) and isinstance(o.value, (int, Decimal)):
            changes.append(bumped(o, 1))
        elif o in members:
            changes += sorted(m for m in members if m != o and str(m).rsplit("/", 1)[0] == str(o).rsplit("/", 1)[0])
        for new in changes:
            out = copy(graph)
            out.remove((s, p, o))
            if new is not None:
                out.add((s, p, new))
            yield out
            count += 1
            if count >= limit:
                return


def mutations(graph: Graph, f, root, shape, param):
    g = shapes_graph()
    path = g.value(shape, SH.path)
    if param == SH.minCount:
        yield without_values(graph, f, path)
    elif param == SH.maxCount:
        out = copy(graph)
        for i in range(int(g.value(shape, SH.maxCount)) + 1):
            out.add((f, path, URIRef(f"urn:mutant:extra{i}")))
        yield out
    elif param == SH.sparql:
        yield from perturbations(graph, f)
    elif param == SH["or"] and path is None:
        out = graph
        for lst in g.objects(shape, SH["or"]):
            for member in Collection(g, lst):
                out = without_values(out, f, g.value(member, SH.path))
        yield out
    elif param == SH["class"] and path is None:
        out = copy(graph)
        for c in g.objects(shape, SH["class"]):
            for t in list(out.objects(f, RDF.type)):
                if t == c or c in set(ontology_graph().transitive_objects(t, RDFS.subClassOf)):
                    out.remove((f, RDF.type, t))
        yield out
    elif param == SH.hasValue:
        yield replacing(graph, f, path, URIRef("urn:mutant:fresh"))
    else:
        for value in replacements(graph, f, shape, param):
            yield replacing(graph, f, path, value)


def reported(report: Graph, shape, param) -> bool:
    component = SH[COMPONENTS[param]]
    return any(report.value(r, SH.sourceShape) == shape
               and report.value(r, SH.sourceConstraintComponent) == component
               for r in report.subjects(RDF.type, SH.ValidationResult))


def implied(root, shape, param) -> bool:
    """Constraints no graph can break: sh:class on a node shape whose target classes are
    subclasses of it, sh:minCount 1 on the property the shape targets the subjects of."""
    g, onto = shapes_graph(), ontology_graph()
    targets = list(g.objects(root, SH.targetClass))
    if param == SH.minCount:
        path = g.value(shape, SH.path)
        return (int(g.value(shape, SH.minCount)) <= 1 and set(g.objects(root, SH.targetSubjectsOf)) == {path}
                and not any((root, t, None) in g for t in TARGETS if t != SH.targetSubjectsOf))
    return (param == SH["class"] and shape == root and bool(targets)
            and not any((root, t, None) in g for t in TARGETS if t != SH.targetClass)
            and all(c in set(onto.transitive_objects(t, RDFS.subClassOf))
                    for t in targets for c in g.objects(root, SH["class"])))


@pytest.mark.parametrize("constraint", CONSTRAINTS, ids=_label)
def test_a_mutation_that_breaks_the_constraint_gets_the_same_verdict_from_both_gates(constraint):
    root, shape, param = constraint
    if implied(root, shape, param):
        pytest.skip("implied by the ontology: every target class is a subclass of sh:class")
    path = shapes_graph().value(shape, SH.path)
    tried = 0
    for name, graph in graphs():
        nodes = focus_nodes(graph, root)
        if path is not None and param not in (SH.minCount,):
            nodes = [n for n in nodes if values(graph, n, path)] or nodes
        for f in nodes[:2]:
            for mutant in mutations(graph, f, root, shape, param):
                tried += 1
                # a search (SPARQL constraints) asks pyshacl about that one shape and focus node
                # only; the others are asked whole (a restricted run skips sh:node's shapes)
                options = dict(focus_nodes=[f], use_shapes=[root]) if param == SH.sparql else {}
                if not reported(pyshacl_report(mutant, **options), shape, param):
                    continue
                reference, fast = both(mutant)
                assert not reference.conforms or reference.results
                assert fast.engine == "fast"
                assert words(fast) == words(reference), name
                return
    pytest.fail(f"no mutation of {tried} tried made pyshacl report {_label(constraint)}")


def test_every_component_the_shapes_use_is_compiled_and_mutated():
    used = {param for _root, _shape, param in CONSTRAINTS}
    nested = {p for s in shapes_graph().subjects() for p in shapes_graph().predicates(s) if p in COMPONENTS}
    assert used | nested <= set(COMPONENTS)
    assert {SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.sparql} <= used


def test_only_a_few_constraints_are_unbreakable_and_the_gates_agree_when_they_are_tried():
    skipped = [c for c in CONSTRAINTS if implied(*c)]
    assert 0 < len(skipped) <= 4, [_label(c) for c in skipped]
    for root, shape, param in skipped:          # tried anyway: nothing reported, by either gate
        doc = next(p for p in FIXTURES if focus_nodes(document(p), root))
        graph = document(doc)
        for mutant in mutations(graph, focus_nodes(graph, root)[0], root, shape, param):
            assert not reported(pyshacl_report(mutant), shape, param)
            reference, fast = both(mutant)
            assert words(fast) == words(reference)


# --- refusing what it does not compile, handing back what it cannot decide -------------------


def test_a_component_the_gate_does_not_compile_is_refused_when_the_shapes_are_loaded():
    shapes = Graph()
    shapes.parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:S> sh:targetClass <urn:C> ; sh:closed true ; sh:message "closed" .
    """, format="turtle")
    with pytest.raises(Unsupported, match="closed"):
        Compiler(shapes, {}).compile()


def test_a_property_shape_without_a_message_is_refused_unless_pyshacl_words_it():
    shapes = Graph()
    shapes.parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:S> sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:minCount 1 ] .
    """, format="turtle")
    with pytest.raises(Unsupported, match="sh:message"):
        Compiler(shapes, {}).compile()


def test_a_document_with_blank_nodes_is_decided_by_pyshacl():
    graph = copy(document(FIXTURES[0]))
    doc = next(graph.subjects(URIRef("https://w3id.org/declass-kg/ontology#sourceFile"), None))
    graph.add((doc, RDFS.seeAlso, BNode()))
    reference, fast = both(graph)
    assert fast.engine == "pyshacl" and words(fast) == words(reference)


def test_two_spellings_of_one_number_on_one_property_are_decided_by_pyshacl():
    """rdflib keeps "1.0" and "1" apart (two values: too many); the store would keep one."""
    graph = copy(document(FIXTURES[0]))
    turn = next(graph.subjects(RDF.type, URIRef("https://w3id.org/declass-kg/ontology#SpeakerTurn")))
    prop = URIRef("https://w3id.org/declass-kg/ontology#attributionConfidence")
    graph.set((turn, prop, Literal("1.0", datatype=XSD.decimal)))
    graph.add((turn, prop, Literal("1", datatype=XSD.decimal)))
    reference, fast = both(graph)
    assert fast.engine == "pyshacl" and not reference.conforms and words(fast) == words(reference)


def test_a_value_the_store_respells_is_reported_as_the_document_wrote_it():
    graph = copy(document(FIXTURES[0]))
    turn = next(graph.subjects(RDF.type, URIRef("https://w3id.org/declass-kg/ontology#SpeakerTurn")))
    prop = URIRef("https://w3id.org/declass-kg/ontology#attributionConfidence")
    graph.set((turn, prop, Literal("1.50", datatype=XSD.decimal)))
    reference, fast = both(graph)
    assert fast.engine == "fast" and not fast.conforms
    assert any(r.value == "1.50" for r in fast.results)
    assert words(fast) == words(reference)


def test_the_gate_given_the_documents_nquads_in_utf8_or_as_text_decides_as_on_its_own():
    # the build hands the gate the N-Quads it wrote (UTF-8), and the gate loads them as given
    from kg.mapping.core import nquads_utf8

    graph = copy(document(FIXTURES[0]))
    turn = next(graph.subjects(RDF.type, URIRef("https://w3id.org/declass-kg/ontology#SpeakerTurn")))
    graph.set((turn, URIRef("https://w3id.org/declass-kg/ontology#attributionConfidence"),
               Literal("1.50", datatype=XSD.decimal)))
    for g in (document(FIXTURES[0]), graph):
        own = check(g, gate="fast")
        iri = "https://w3id.org/declass-kg/id/graph/x"
        data = nquads_utf8(g, iri)
        for given in (data, data.decode("utf-8")):
            verdict = check(g, gate="fast", nquads=given, graph_iri=iri)
            assert verdict.engine == "fast" and words(verdict) == words(own)
    assert not own.conforms


def _two_spellings(graph: Graph) -> Graph:
    turn = next(graph.subjects(RDF.type, URIRef("https://w3id.org/declass-kg/ontology#SpeakerTurn")))
    prop = URIRef("https://w3id.org/declass-kg/ontology#attributionConfidence")
    graph.set((turn, prop, Literal("1.0", datatype=XSD.decimal)))
    graph.add((turn, prop, Literal("1", datatype=XSD.decimal)))
    return graph


def test_a_gate_allowed_to_consume_the_triples_empties_them_and_decides_the_same():
    from kg.mapping.core import Triples

    graph = document(FIXTURES[0])
    triples = Triples(graph)
    verdict = check(triples, words_graph(), "fast", consume=True)
    assert len(triples) == 0
    assert verdict.engine == "fast" and words(verdict) == words(check(graph, gate="fast"))


def test_a_consumed_document_the_store_cannot_decide_is_handed_back_not_guessed():
    from kg.mapping.core import Triples

    triples = Triples(_two_spellings(copy(document(FIXTURES[0]))))
    assert check(triples, words_graph(), "fast", consume=True) is None and len(triples) == 0


def test_a_document_the_census_refuses_goes_to_pyshacl_with_its_triples_even_if_consumable():
    from kg.mapping.core import Triples

    graph = copy(document(FIXTURES[0]))
    doc = next(graph.subjects(URIRef("https://w3id.org/declass-kg/ontology#sourceFile"), None))
    graph.add((doc, RDFS.seeAlso, BNode()))
    triples = Triples(graph)
    verdict = check(triples, words_graph(), "fast", consume=True)
    assert verdict.engine == "pyshacl" and len(triples) == len(graph)
    assert words(verdict) == words(validate(graph))
