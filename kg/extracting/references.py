"""References of a cable: the earlier messages its REF line cites, as documents cited.

Forms of the genre it reads, in the header of a telegram or cable:
- "REF: STATE 51234", "REF: MADRID 3301" (one message: its originator and number);
- lettered lists "REF: A. STATE 123456 B. MADRID 3380" (each letter one message);
- the CIA's "REFS DIR 85059", "REF: DIRECTOR 103951", "REF A: MEXI 6893".
The originator is printed as the sending post or office ("STATE" is the Department, "DIR"
the CIA's headquarters); a message is identified by originator and number, so the same
cable cited by two documents is one cited resource (key ``telegram/<originator>/<number>``).
It does not read references in running prose ("RE MEXI 6893" inside a paragraph).
"""
from __future__ import annotations

import re

from kg.extracting import extractor
from kg.reading.transcript import Transcript
from kg.records import CitedDocument, Record

NAME = "references"
HEADER_LINES = 60            # text lines from the top where a REF line may stand
_REF_RE = re.compile(r"^[^\w\n]{0,3}REFS?\b(?:\s+[A-H](?=\s*:))?\s*[:.;]?\s*(?P<list>\S.*?)\s*$")
_ITEM_RE = re.compile(r"(?:(?<![A-Z])[A-H][.)]\s*)?(?P<orig>[A-Z][A-Z]{2,}(?:\s[A-Z]{3,})?)\s+(?P<num>\d{2,6})\b")
# DIR is the CIA's headquarters
_ORIGINATORS = {"DIR": "DIRECTOR"}


@extractor(NAME, produces=(CitedDocument,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    out: list[Record] = []
    lines = [ln for ln in t.lines if ln.kind == "text"][:HEADER_LINES]
    for ln in lines:
        text = t.line_text(ln)
        m = _REF_RE.match(text)
        if not m:
            continue
        for item in _ITEM_RE.finditer(text, m.start("list")):
            orig = _ORIGINATORS.get(item["orig"], item["orig"])
            span = t.span(ln.start + item.start(), ln.start + item.end())
            out.append(CitedDocument(
                evidence=(span,), extractor=NAME, kind="telegram", author=item["orig"],
                authors=(f"org:{orig}",), number=item["num"], phrase=" ".join(span.exact.split()),
                key=f"telegram/{orig.lower().replace(' ', '-')}/{item['num']}"))
    return out
