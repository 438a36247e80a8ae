"""sh:minInclusive / sh:maxInclusive in the fast gate read values as pyshacl does.

The gate compares with rdflib itself and hands only date-times and times to pyshacl's
`compare_literal` (importing pyshacl costs a fifth of a second a process); the answers must be
pyshacl's own for every kind of literal a shape could bound."""
from __future__ import annotations

import logging
from decimal import Decimal

from pyshacl.rdfutil.compare import compare_literal
from rdflib import XSD, Literal

from kg.validating.compiled import _in_range


def _pyshacl(value: Literal, bound: Literal, low: bool) -> bool:
    if isinstance(bound.value, str) != isinstance(value.value, str):
        return False
    try:
        cmp = compare_literal(value, bound)
    except (TypeError, NotImplementedError):
        return False
    return cmp >= 0 if low else cmp <= 0


def test_every_kind_of_literal_is_in_range_exactly_when_pyshacl_says_so():
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)     # the ill-typed literal below
    values = [Literal(x) for x in (0, 1, -1, 2, 0.5, 1.0, 1e300, True, "abc")]
    values += [Literal(Decimal(x)) for x in ("0.5", "1.0", "0", "1.5", "-0.1")]
    values += [Literal("0.7", datatype=XSD.decimal), Literal("1", datatype=XSD.nonNegativeInteger),
               Literal("x", datatype=XSD.integer), Literal("2020-01-01", datatype=XSD.date),
               Literal("2020-01-01T10:00:00", datatype=XSD.dateTime),
               Literal("2020-01-01T10:00:00Z", datatype=XSD.dateTime),
               Literal("10:00:00", datatype=XSD.time), Literal("en", lang="en")]
    bounds = [Literal(0), Literal(1), Literal(Decimal("0.5")), Literal(0.5),
              Literal("2019-01-01", datatype=XSD.date),
              Literal("2020-01-01T10:00:00", datatype=XSD.dateTime), Literal("09:00:00", datatype=XSD.time)]
    answers = {(v, b, low): _in_range(v, b, low) for v in values for b in bounds for low in (True, False)}
    assert answers == {key: _pyshacl(*key) for key in answers}
    assert any(answers.values()) and not all(answers.values())
