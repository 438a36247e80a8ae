"""Which files of a folder are documents to build: the source files a command is given.

Not a stage: `kg build`, `kg docs` and the benchmark all ask it.  It reads no file's content
(the reader is chosen by content when a file is read, in kg.reading).
"""
from __future__ import annotations

from pathlib import Path

SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".xml", ".tei")
REPO_ROOT = Path(__file__).resolve().parents[1]


def default_sources() -> list[Path]:
    """`seeds/` of the current folder, else the seeds shipped with the project."""
    here = Path("seeds")
    return [here if here.is_dir() else REPO_ROOT / "seeds"]


def collect_sources(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The source files named or found in folders (sorted), and one-line problems."""
    files: list[Path] = []
    problems: list[str] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.rglob("*")
                           if f.is_file() and f.suffix.lower() in SOURCE_SUFFIXES
                           and not f.name.startswith(".") and not f.name.upper().startswith("README"))
            if not found:
                problems.append(f"{p}: no documents in this folder (looked for {', '.join(SOURCE_SUFFIXES)} files)")
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            problems.append(f"{p}: no such file or folder")
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    return unique, problems
