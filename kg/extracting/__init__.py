"""Extracting: `Transcript` -> typed records, one small extractor per kind.

Each extractor is a pure function ``(transcript, found) -> list[Record]`` that registers
itself where it is defined and declares the record kinds it reads and writes:

    @extractor("turns", requires=(Participant, Drafter), produces=(SpeakerTurn,))
    def extract(t: Transcript, found: list[Record]) -> list[Record]: ...

``found`` holds the records of the extractors that ran before it.  The run order is derived
from the declarations (`pipeline()`): an extractor runs after every extractor that produces a
kind it requires, and after those it names in ``after`` (a preference that is no
requirement: "the markup's drafters, if any, come first"); otherwise extractors run in the
order of their names, so the order is the same on every run.  `kg build --list-extractors`
prints it.  Unknown names, a name registered twice, a module that does not import, a kind no
extractor produces and a cycle are errors that say so (`kg.registry.RegistryError`).

Extractors are rule-based and deterministic.  They never read files, never touch RDF and
never decide who a printed name refers to (that is kg.resolving, which runs after all of
them); the words and tables they share are kg.lexicon.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from kg.reading.transcript import Transcript
from kg.records import DocumentRecords, Record
from kg.registry import Registry, RegistryError

ExtractorFn = Callable[[Transcript, list[Record]], list[Record]]


@dataclass(frozen=True)
class Extractor:
    """A registered extractor and what it declares."""

    name: str
    fn: ExtractorFn
    requires: tuple[type, ...] = ()      # record kinds it reads from ``found``
    produces: tuple[type, ...] = ()      # record kinds it returns
    after: tuple[str, ...] = ()          # extractors it must follow though it requires no kind of theirs
    module: str = ""


EXTRACTORS: Registry[Extractor] = Registry("extractor", __name__)


def extractor(name: str, *, requires: Iterable[type] = (), produces: Iterable[type] = (),
              after: Iterable[str] = ()) -> Callable[[ExtractorFn], ExtractorFn]:
    """Register an extractor under ``name`` (by convention its module's short name)."""
    requires, produces, after = tuple(requires), tuple(produces), tuple(after)
    for kind in requires + produces:
        if not (isinstance(kind, type) and issubclass(kind, Record)):
            raise RegistryError(f"extractor {name!r}: {kind!r} is not a record kind (kg.records)")
    if not produces:
        raise RegistryError(f"extractor {name!r} declares no record kind it produces")

    def register(fn: ExtractorFn) -> ExtractorFn:
        EXTRACTORS.add(name, Extractor(name, fn, requires, produces, after, fn.__module__),
                       origin=f"{fn.__module__}.{fn.__qualname__}")
        return fn

    return register


def order(extractors: Iterable[Extractor]) -> list[Extractor]:
    """The run order of ``extractors``: each after the producers of every kind it requires and
    after those it names in ``after``; ties in the order of names."""
    by_name = {e.name: e for e in extractors}
    needs: dict[str, set[str]] = {}
    for e in by_name.values():
        deps = set()
        for kind in e.requires:
            producers = {p.name for p in by_name.values() if kind in p.produces and p.name != e.name}
            if not producers and kind not in e.produces:
                raise RegistryError(f"extractor {e.name!r} ({e.module}) requires {kind.__name__}, "
                                    "which no extractor produces")
            deps |= producers
        for name in e.after:
            if name not in by_name:
                raise RegistryError(f"extractor {e.name!r} ({e.module}) runs after {name!r}, "
                                    f"which is no extractor; known: {', '.join(sorted(by_name))}")
            deps.add(name)
        needs[e.name] = deps
    done: list[Extractor] = []
    placed: set[str] = set()
    while len(done) < len(by_name):
        ready = sorted(n for n, deps in needs.items() if n not in placed and deps <= placed)
        if not ready:
            stuck = sorted(n for n in needs if n not in placed)
            loop = ", ".join(f"{n} needs {', '.join(sorted(needs[n] - placed))}" for n in stuck)
            raise RegistryError(f"the extractors cannot be ordered, they wait on each other: {loop}")
        done.append(by_name[ready[0]])
        placed.add(ready[0])
    return done


def pipeline(skip: Iterable[str] = ()) -> list[Extractor]:
    """Every registered extractor in the order they run, less those named in ``skip``."""
    skipped = set(skip)
    for name in sorted(skipped):
        EXTRACTORS[name]                      # an unknown name is an error, not a no-op
    return [e for e in order(EXTRACTORS[n] for n in EXTRACTORS) if e.name not in skipped]


def run(transcript: Transcript, skip: Iterable[str] = ()) -> DocumentRecords:
    """Run the pipeline over one transcript."""
    found: list[Record] = []
    for e in pipeline(skip):
        found.extend(e.fn(transcript, list(found)))
    return DocumentRecords(source_name=transcript.name, source_sha256=transcript.sha256,
                           reader=transcript.reader, records=found)
