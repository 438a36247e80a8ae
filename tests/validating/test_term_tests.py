"""The fast gate's term tests take shortcuts on the hot path; each gives what the plain
reading of pyshacl's rule gives, on the literals of real documents and on the odd ones.

- ``_datatype_test(d)`` (one closure per datatype of the shapes) is ``not _of_datatype(v, d)``;
- ``sh:lessThanOrEquals`` compares two integers of one datatype (a selector's offsets) by
  value, as rdflib's ``<=`` does.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from kg.extracting import run as extract
from kg.mapping import map_document
from kg.reading import read_file
from kg.resolving import resolve_document
from kg.validating import shapes_graph
from kg.validating.compiled import _datatype_test, _less_or_equal_failures, _of_datatype

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [ROOT / "seeds", ROOT / "tests/fixtures/jfk", ROOT / "tests/fixtures/memos"]

ODD = [
    Literal("abc", datatype=XSD.integer), Literal("12", datatype=XSD.integer), Literal(7),
    Literal(-3, datatype=XSD.nonNegativeInteger), Literal("007", datatype=XSD.nonNegativeInteger),
    Literal(True), Literal("yes", datatype=XSD.boolean), Literal(Decimal("0.75")),
    Literal("1.5", datatype=XSD.decimal), Literal("2020-13-45", datatype=XSD.date),
    Literal("1962-10", datatype=XSD.gYearMonth), Literal("1962", datatype=XSD.gYear),
    Literal("1962-10-22", datatype=XSD.date), Literal("x", datatype=XSD.string),
    Literal("Moskau", lang="de"), Literal(""), Literal("plain"), Literal(2.5),
    Literal("x", datatype=URIRef("urn:x-unknown")), URIRef("urn:x"), BNode(),
]


@lru_cache(maxsize=1)
def document_literals() -> list:
    found = {}
    for folder in SAMPLES:
        for path in sorted(folder.glob("*"))[:6]:
            if path.suffix not in (".txt", ".md") or path.name.upper().startswith("README"):
                continue
            transcript = read_file(path)
            records = extract(transcript)
            for _s, _p, o in map_document(records, resolve_document(records), reading_text=transcript.reading_of):
                if isinstance(o, Literal):
                    found.setdefault((str(o), o.datatype, o.language), o)
    assert len(found) > 200
    return list(found.values())


def datatypes() -> list:
    used = set(shapes_graph().objects(None, SH.datatype))
    return sorted(used | {XSD.string, RDF.langString, XSD.integer, XSD.boolean}, key=str)


@pytest.mark.parametrize("datatype", datatypes(), ids=lambda d: d.split("#")[-1])
def test_a_datatype_test_says_what_the_plain_reading_of_sh_datatype_says(datatype):
    test = _datatype_test(datatype)
    for value in document_literals() + ODD:
        assert test(value) == (not _of_datatype(value, datatype)), (value, datatype)


def test_offsets_compare_by_value_as_rdflib_orders_them():
    numbers = [Literal(n, datatype=XSD.nonNegativeInteger) for n in (0, 1, 9, 10, 99, 100, 12345)]
    numbers += [Literal("010", datatype=XSD.nonNegativeInteger, normalize=False), Literal(10)]
    others = numbers + [Literal(Decimal("9.5")), Literal("10"), Literal("abc", datatype=XSD.integer)]
    for a in numbers:
        for b in others:
            # pyshacl's reading: a string compares only with a string, else rdflib's order
            plain = 1 if isinstance(b.value, str) or not a <= b else 0
            assert _less_or_equal_failures(a, [b]) == plain, (a, b)
    # the counts add up over several values, as pyshacl reports one result per pair
    assert _less_or_equal_failures(numbers[3], numbers) == sum(
        _less_or_equal_failures(numbers[3], [b]) for b in numbers)
