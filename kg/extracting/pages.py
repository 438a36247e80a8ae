"""Printed page numbers ("- 2 -", "-35-", "## Page 3"), in the order they stand.

They are out of the reading flow; recording them lets a reader of the graph see where a
passage stood on the typescript.
"""
from __future__ import annotations

import re

from kg.extracting import extractor
from kg.reading.transcript import Transcript
from kg.records import PageMark, Record

NAME = "pages"


@extractor(NAME, produces=(PageMark,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    out: list[Record] = []
    for block in t.blocks:
        if block.kind == "page":
            m = re.search(r"\d+", block.text)
            out.append(PageMark(evidence=(block.raw,), extractor=NAME,
                                number=int(m.group()) if m else None, printed=block.text))
    return out
