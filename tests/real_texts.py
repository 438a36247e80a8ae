"""The real documents the tests carry (tests/fixtures: JFK releases in OCR, State cables,
memoranda, a FRUS TEI file, the seed), read once, for the contract tests of the caches and
pre-filters of reading and extracting: a shortcut must give what the plain computation gives
on every one of them."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FOLDERS = ("jfk", "cables", "memos", "tei", "identity")
SEED = FIXTURES.parent.parent / "seeds" / "000_518769ec419a4fc7.txt"


def real_paths() -> list[Path]:
    paths = [p for folder in FOLDERS for p in sorted((FIXTURES / folder).iterdir())
             if p.suffix in (".md", ".txt", ".xml") and p.name != "README.md"]
    return paths + [SEED]


@lru_cache(maxsize=1)
def real_transcripts() -> tuple:
    from kg.reading import read_file
    return tuple(read_file(p) for p in real_paths())
