"""A document's N-Quads that are canonical already (sorted, distinct, spelled as pyoxigraph
spells them: what a build makes of nearly every document) are kept as they are, not split into
lines and joined again; anything else is canonicalised the plain way.  Either way the result is
the plain computation's, byte for byte, on every real document the tests carry."""
from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
import pytest

from kg.pipeline import process_file
from kg.publishing.merged import canonical_nquads
from tests.real_texts import real_paths

G = "https://w3id.org/declass-kg/id/graph/a"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def plain(data: bytes) -> bytes:
    text = ox.serialize(ox.parse(data, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    return b"".join(sorted(set(text.splitlines(keepends=True))))


@lru_cache(maxsize=1)
def built() -> dict[str, bytes]:
    results = {p.name: process_file(p) for p in real_paths()}
    return {name: r.nquads_utf8 for name, r in results.items() if r.published}


def test_every_real_documents_canonical_nquads_are_the_plain_computations():
    documents = built()
    assert len(documents) >= 30
    for name, data in documents.items():
        assert canonical_nquads(data) == plain(data), name
        assert canonical_nquads(data.decode("utf-8")) == plain(data), name


def test_a_build_document_canonical_already_is_kept_not_copied():
    kept = [name for name, data in built().items() if canonical_nquads(data) is data]
    assert len(kept) >= len(built()) - 2, sorted(set(built()) - set(kept))


def line(s: str, o: str) -> str:
    return f"<https://x.org/{s}> <https://x.org/p> {o} <{G}> .\n"


@pytest.mark.parametrize("text", [
    line("b", '"1"') + line("a", '"2"'),                              # not sorted
    line("a", '"1"') + line("a", '"1"') + line("b", '"2"'),           # a statement twice
    line("a", f'"1"^^<{XSD_STRING}>') + line("b", '"2"'),             # spelled otherwise
    line("a", '"1"').replace(" .\n", " .\r\n") + line("b", '"2"'),    # carriage returns
    line("a", '"1"').rstrip("\n"),                                    # no final newline
    line("a", '"\\u0041"') + line("b", '"2"'),                         # an escape pyoxigraph writes raw
    "",
])
def test_input_that_is_not_canonical_is_made_so_the_plain_way(text):
    data = text.encode("utf-8")
    assert canonical_nquads(data) == plain(data)
    if text:
        assert canonical_nquads(data) is not data
