"""Fixtures for the build orchestration: a small corpus copied into a temporary folder.

The corpus is the JFK fixture documents of the repository (a few KB each, so a build takes a
second or two); tests that need the seed copy it from seeds/ themselves.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from building_support import FIXTURES, Spy


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(FIXTURES.glob("*.md"))[:5]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def spy(monkeypatch) -> Spy:
    """``process_file`` as the build calls it, counting calls (builds with jobs=1 only)."""
    import kg.building

    s = Spy(kg.building.process_file)
    monkeypatch.setattr(kg.building, "process_file", s)
    return s
