"""What the fuzz run found, each kept as a case of its own (tests/fuzz/test_pipeline_fuzz.py).

Every case is the shrunk input hypothesis reported, run through the same checks: no crash, a
conforming published graph, every provenance row exact in the file as decoded.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from fuzz_documents import Sample
from test_pipeline_fuzz import check

FOUND = {
    # An OCR'd form feed inside a field's value: N-Triples leaves it unescaped in the literal,
    # and str.splitlines() in kg.pipeline.nquads_of cut the statement in two; the document's
    # N-Quads did not parse.
    "form-feed-in-an-exact": b"JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\n\nAGENCY INFORMATION\n\n"
                             b"RECORD NUMBER : 1\x0c04-00000-00000\nAGENCY : CIA\nRECORD SERIES : JFK\n\n"
                             b"v9.1\nNW 53100 DocId:32000000 Page 1",
    # The same through a line separator (U+2028) in the prose of a memorandum.
    "line-separator-in-an-exact": "MEMORANDUM OF CONVERSATION\n\nPARTICIPANTS: US - Ambassador Thompson\n"
                                  "USSR - Mr. Gromyko\n\nMr. Gromyko said that the\u2028Soviet Government "
                                  "would not accept any settlement on Berlin.\n".encode("utf-8"),
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_a_case_the_fuzz_run_found(tmp_path: Path, name: str):
    check(Sample("plain", FOUND[name], must_publish=True), tmp_path)
