"""Small memoranda of conversation written for the persons and citations tests."""
from __future__ import annotations

from kg.extracting import run
from kg.reading import read_text
from kg.records import DocumentRecords
from kg.resolving import Resolution, resolve_document


def memo(date: str, body: str, participants: str = (
        "PARTICIPANTS: US - Ambassador Stevenson  \nSecretary Gilpatric  \nUSSR- Mr. Kuznetsov"),
         name: str = "memo.txt"):
    raw = f"MEMORANDUM OF CONVERSATION\n\n{date}\n\n{participants}\n\n{body}\n"
    t = read_text(name, raw)
    return t, run(t)


def resolved(date: str, body: str, **kw) -> tuple[object, DocumentRecords, Resolution]:
    t, records = memo(date, body, **kw)
    return t, records, resolve_document(records)
