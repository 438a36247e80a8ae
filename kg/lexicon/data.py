"""The data files shipped in kg/data/, read the same way everywhere.

CSV files may open with ``#`` comment lines (what the table is, where it comes from, what
each column means); blank lines are skipped; fields are read with the csv module's quoting,
so a pattern or a name may hold a comma when it is quoted.
"""
from __future__ import annotations

import csv
from importlib import resources


def text(name: str) -> str:
    """The text of ``kg/data/<name>``."""
    return resources.files("kg").joinpath(f"data/{name}").read_text(encoding="utf-8")


def rows(csv_text: str) -> list[dict]:
    """The rows of a CSV text as dicts (header row first; comment and blank lines skipped)."""
    return list(csv.DictReader(line for line in csv_text.splitlines()
                               if line.strip() and not line.startswith("#")))


def table(name: str) -> list[dict]:
    """The rows of ``kg/data/<name>``, a CSV file."""
    return rows(text(name))


def flag(value: str | None) -> bool:
    """A yes/no column: "yes", "true", "x" or "1" are yes; anything else (or empty) is no."""
    return (value or "").strip().casefold() in ("yes", "true", "x", "1")
