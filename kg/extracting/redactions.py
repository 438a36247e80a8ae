"""Redactions: passages withheld in the released copy, as the transcription marks them.

"[REDACTED]" (and bracketed variants the reader recognises).  The exemption that justified
a withholding, when printed beside it, is read by the reviews extractor.
"""
from __future__ import annotations

from kg.extracting import extractor
from kg.reading.transcript import Transcript
from kg.records import Record, Redaction

NAME = "redactions"


@extractor(NAME, produces=(Redaction,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    return [Redaction(evidence=(m.raw,), extractor=NAME, text=m.raw.exact)
            for m in t.markup if m.kind == "redaction"]
