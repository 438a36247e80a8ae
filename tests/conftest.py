"""Shared fixtures: the seed document at each stage, built once per test session.

The seed is the project's own copy in seeds/ (a State Department memorandum of conversation,
New York, November 6, 1962); tests never read ../shared.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

SEED = REPO_ROOT / "seeds" / "000_518769ec419a4fc7.txt"
MEMOS = REPO_ROOT / "tests" / "fixtures" / "memos"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_transcript():
    from kg.reading import read_file
    return read_file(SEED)


@pytest.fixture(scope="session")
def seed_records(seed_transcript):
    from kg.extracting import run
    return run(seed_transcript)


@pytest.fixture(scope="session")
def seed_graph(seed_records, seed_transcript):
    from kg.mapping import to_graph
    from kg.resolving import resolve_document
    return to_graph(seed_records, resolve_document(seed_records), reading_text=seed_transcript.reading_of)


def raw_line(text: str, n: int) -> str:
    """Line n (1-based) of a raw text."""
    return text.split("\n")[n - 1]


@pytest.fixture(scope="session")
def memo_records():
    """The records extracted from a document of tests/fixtures/memos/, by file name (once each)."""
    from kg.extracting import run
    from kg.reading import read_file
    done: dict = {}

    def records(name: str):
        if name not in done:
            done[name] = run(read_file(MEMOS / name))
        return done[name]

    return records
