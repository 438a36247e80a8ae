"""The editorial layer: every deletion and interlinear insertion made on the typescript.

One `EditorialEvent` per ``~~struck~~`` span (a deletion, with the words struck) and per
``<sup>inserted</sup>`` span (an insertion, with the words added); the evidence is the whole
element as printed, markers included.  Whether a correction replaced a misreading is not
judged here.
"""
from __future__ import annotations

from kg.extracting import extractor
from kg.reading.transcript import Transcript
from kg.records import EditorialEvent, Record

NAME = "editorial"


@extractor(NAME, produces=(EditorialEvent,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    return [EditorialEvent(evidence=(m.raw,), extractor=NAME, kind=m.kind, text=m.inner.exact)
            for m in t.markup if m.kind in ("deletion", "insertion")]
