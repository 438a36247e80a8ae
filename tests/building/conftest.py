"""Fixtures for the build orchestration: a small corpus copied into a temporary folder.

The corpus is the JFK fixture documents of the repository (a few KB each, so a build takes a
second or two); tests that need the seed copy it from seeds/ themselves.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from building_support import FIXTURES, Spy


# Five JFK fixtures named, not the first five found: a new fixture must not change the corpus
# the building tests rely on (two of these name the same person, for the streaming tests).
CORPUS = ("2018__104-10167-10256.md", "2018__104-10219-10067.excerpt.md", "2018__104-10438-10210.md",
          "2021__docid-32171187.md", "2021__docid-32396529.md")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in CORPUS:
        shutil.copy(FIXTURES / name, folder / name)
    return folder


@pytest.fixture
def spy(monkeypatch) -> Spy:
    """``process_file`` as the build calls it, counting calls (builds with jobs=1 only)."""
    import kg.building

    s = Spy(kg.building.process_file)
    monkeypatch.setattr(kg.building, "process_file", s)
    return s
