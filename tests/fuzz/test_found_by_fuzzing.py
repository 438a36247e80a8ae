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

# A damaged FRUS TEI file whose volume <idno> holds a memorandum's text: the FRUS persons page
# of a participant was made from it, an IRI with spaces, and serialising the graph crashed.
DAMAGED = {
    "text-in-the-volume-idno": (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" '
        b'xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="frus1961-63v11">\n<teiHeader><fileDesc>'
        b'<titleStmt><title type="complete">Foreign Relations, 1961&#8211;1963</title></titleStmt>'
        b'<publicationStmt><idno type="frus">SECRET\n\nMEMORANDUM OF CONVERSATION\n\nParticipants\nUS:\n'
        b'Mr. Rusk, Foreign Minister\n\nMr. Rusk said that the government would not accept any settlement '
        b'on Cuba.frus1961-63v11</idno></publicationStmt><sourceDesc><p>Printed volume.</p></sourceDesc>'
        b'</fileDesc></teiHeader>\n<text><body><div type="compilation">\n<div type="document" xml:id="d1" n="1">\n'
        b'<head>1. Memorandum of Conversation<note n="1" type="source">Source: Department of State. Secret. '
        b'Drafted by Rusk.</note></head>\n<opener><dateline><placeName>Washington</placeName>, '
        b'<date when="1955-01-01">January 1, 1955</date></dateline></opener>\n<list type="participants">'
        b'<item><persName corresp="#p_0">Mr. Rusk</persName>, Secretary of State</item></list>\n'
        b'<p>Mr. Rusk said that the government would not accept any settlement on Cuba.</p>\n\n'
        b'</div>\n</div></body></text></TEI>\n'),
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_a_case_the_fuzz_run_found(tmp_path: Path, name: str):
    check(Sample("plain", FOUND[name], must_publish=True), tmp_path)


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_a_damaged_file_the_fuzz_run_found(tmp_path: Path, name: str):
    check(Sample("damaged", DAMAGED[name], must_publish=False), tmp_path)
