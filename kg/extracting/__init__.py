"""Extracting: `Transcript` -> typed records, one small extractor per kind.

Each extractor is a pure function ``(transcript, found) -> list[Record]`` registered with
`@extractor(name)`; ``found`` holds the records of the extractors that ran before it (the
participants list, for instance, is what speaker turns are resolved against).  The order of
`PIPELINE` is the order they run in; a component can be left out by name.

Extractors are rule-based and deterministic.  They never read files and never touch RDF.
"""
from __future__ import annotations

import importlib
from typing import Callable, Iterable

from kg.reading.transcript import Transcript
from kg.records import DocumentRecords, Record

Extractor = Callable[[Transcript, list[Record]], list[Record]]

REGISTRY: dict[str, Extractor] = {}

# Module names under kg.extracting, in the order they run.
PIPELINE: tuple[str, ...] = (
    "frus_markup",
    "header",
    "nara_form",
    "telegram",
    "record_number",
    "correspondents",
    "drafters",
    "participants",
    "signatures",
    "markings",
    "reviews",
    "redactions",
    "editorial",
    "pages",
    "persons",
    "turns",
    "claims",
    "proposals",
    "citations",
    "references",
)


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    """Register an extractor under ``name`` (the module's short name by convention)."""

    def register(fn: Extractor) -> Extractor:
        REGISTRY[name] = fn
        return fn

    return register


def _load() -> None:
    for name in PIPELINE:
        if name not in REGISTRY:
            try:
                importlib.import_module(f"kg.extracting.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"kg.extracting.{name}":
                    raise


def run(transcript: Transcript, skip: Iterable[str] = ()) -> DocumentRecords:
    """Run every registered extractor of the pipeline over one transcript."""
    _load()
    skipped = set(skip)
    found: list[Record] = []
    for name in PIPELINE:
        fn = REGISTRY.get(name)
        if fn is None or name in skipped:
            continue
        found.extend(fn(transcript, list(found)))
    return DocumentRecords(source_name=transcript.name, source_sha256=transcript.sha256,
                           reader=transcript.reader, records=found)
