"""Structure given by FRUS TEI markup: header, participants, drafter and classification.

Where a FRUS document (HistoryAtState TEI) marks its structure — `dateline` with
`date/@when`, `list type="participants"` with `persName/@corresp`, the source note
("Secret; Eyes Only. Drafted by Akalovsky") — the markup is used as it stands instead of
guessing from the text: this extractor turns `transcript.metadata["tei"]` (filled by the TEI
reader, with raw offsets for every value) into the same records the text extractors make.
The text extractors of the header, the participants and the drafters leave a document alone
when this one has spoken; the body prose goes through the usual discourse extractors.

Nothing happens for transcripts without TEI metadata.
"""
from __future__ import annotations

import re
from datetime import date

from kg.extracting import extractor
from kg.extracting.dates import TIME_RANGE_RE, parse_time_range
from kg.extracting.header import genre_of, normalise_place
from kg.extracting.markings import caveats_of, level_of
from kg.reading.transcript import Transcript
from kg.records import DocumentHeader, Drafter, Marking, Participant, Record, Span

NAME = "frus_markup"


def _span(t: Transcript, pair) -> Span | None:
    if not pair:
        return None
    start, end = pair
    return t.raw_to_span(start, end)


@extractor(NAME, produces=(DocumentHeader, Participant, Drafter, Marking))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    tei = t.metadata.get("tei")
    if not tei:
        return []
    out: list[Record] = []
    fields: dict = {}
    title = tei.get("title") or ""
    genre = genre_of(title)
    if genre:
        fields["doc_type"], fields["doc_type_span"] = genre, _span(t, tei.get("title_span"))
        fields["title"] = re.sub(r"^\s*\d+\.\s*", "", title).strip()
    if tei.get("date"):
        try:
            fields["date"] = date.fromisoformat(tei["date"][:10])
            fields["date_span"] = _span(t, tei.get("date_span"))
        except ValueError:
            pass
    printed = tei.get("date_printed") or ""
    m = TIME_RANGE_RE.search(printed)
    if m and (times := parse_time_range(m)) and tei.get("date_printed_span"):
        fields["start_time"], fields["end_time"] = times
        base = tei["date_printed_span"][0]
        fields["time_span"] = t.raw_to_span(base + m.start(), base + m.end())
    if tei.get("place"):
        place = normalise_place(tei["place"])
        fields["place"] = place.name if place else tei["place"]
        fields["place_printed"] = tei["place"]
        fields["place_span"] = _span(t, tei.get("place_span"))
    if tei.get("subject"):
        fields["subject"], fields["subject_span"] = tei["subject"], _span(t, tei.get("subject_span"))
    if tei.get("doc_id") and tei.get("frus_volume"):
        fields["identifiers"] = ((f"{tei['frus_volume']}/{tei['doc_id']}", _span(t, tei.get("doc_id_span"))),)
    evidence = tuple(sorted({v for k, v in fields.items() if k.endswith("_span") and v is not None}
                            | {s for _, s in fields.get("identifiers", ()) if s is not None}))
    if evidence:
        out.append(DocumentHeader(evidence=evidence, extractor=NAME, **fields))

    for order, p in enumerate(tei.get("participants") or ()):
        span = _span(t, p.get("name_span") or p.get("span"))
        if span is None or not p.get("name"):
            continue
        out.append(Participant(evidence=(span,), extractor=NAME, name=p["name"], title=p.get("role"),
                               side=p.get("side"), order=order, reference=p.get("corresp"),
                               source_volume=tei.get("frus_volume")))
    if tei.get("drafter") and tei.get("drafter_span"):
        out.append(Drafter(evidence=(_span(t, tei["drafter_span"]),), extractor=NAME,
                           name=tei["drafter"], role="drafter"))
    if tei.get("classification") and tei.get("classification_span"):
        text = tei["classification"]
        out.append(Marking(evidence=(_span(t, tei["classification_span"]),), extractor=NAME,
                           text=text, level=level_of(text), caveats=caveats_of(text),
                           struck=False, position="header"))
    return out
