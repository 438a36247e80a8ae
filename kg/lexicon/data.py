"""The data files shipped in kg/data/, read the same way everywhere.

Tables may open with ``#`` comment lines (what the table is, where it comes from, what each
column means); blank lines are skipped; the first other line is the header.  A ``.csv`` table
is read with the csv module's quoting, so a pattern or a name that holds a comma is quoted
(``"Mexico,\\s*D\\.?F"``); a ``.tsv`` table is split at tabs only, with no quoting, because its
regular expressions hold quotation marks.  A row with more fields than the header is an error
that names the file and the line, never a pattern silently cut at its comma.  Word lists
(``.txt``) are whitespace-separated words.
"""
from __future__ import annotations

import csv
from importlib import resources

# How each kind of table is written and read (tests/lexicon/test_data_tables.py writes every
# table back with the same dialect and reads the same rows).
CSV_DIALECT = {"delimiter": ",", "quotechar": '"', "lineterminator": "\n"}
TSV_DIALECT = {"delimiter": "\t", "quoting": csv.QUOTE_NONE, "lineterminator": "\n"}


def text(name: str) -> str:
    """The text of ``kg/data/<name>``."""
    return resources.files("kg").joinpath(f"data/{name}").read_text(encoding="utf-8")


def dialect_of(name: str) -> dict:
    """The csv dialect of a table, by its extension."""
    return TSV_DIALECT if name.endswith(".tsv") else CSV_DIALECT


def rows(table_text: str, name: str = "table", dialect: dict | None = None) -> list[dict]:
    """The rows of a table's text as dicts (header row first; comment and blank lines skipped).

    A row with fewer fields than the header leaves the rest None; a row with more is a
    ValueError naming the file and the line (an unquoted comma in a CSV field)."""
    numbered = [(n, line) for n, line in enumerate(table_text.splitlines(), 1)
                if line.strip() and not line.startswith("#")]
    reader = csv.DictReader((line for _, line in numbered), **(dialect or CSV_DIALECT))
    out = []
    for row in reader:
        if None in row:
            line_no = numbered[reader.line_num - 1][0]
            raise ValueError(
                f"{name}, line {line_no}: {len(reader.fieldnames) + len(row[None])} fields where "
                f"the header has {len(reader.fieldnames)} ({', '.join(reader.fieldnames)}); a "
                f"field that holds the delimiter must be quoted")
        out.append(row)
    return out


def table(name: str) -> list[dict]:
    """The rows of ``kg/data/<name>``, a CSV or TSV table."""
    return rows(text(name), f"kg/data/{name}", dialect_of(name))


def words(name: str) -> frozenset[str]:
    """The words of ``kg/data/<name>``, a word list (``#`` comment lines skipped)."""
    return frozenset(w for line in text(name).splitlines() if not line.startswith("#")
                     for w in line.split())


def flag(value: str | None) -> bool:
    """A yes/no column: "yes", "true", "x" or "1" are yes; anything else (or empty) is no."""
    return (value or "").strip().casefold() in ("yes", "true", "x", "1")
