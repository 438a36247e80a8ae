"""The tables of kg/data are data read one way (kg.lexicon.data): every row has the header's
fields, every regular expression compiles, and a table written back reads the same rows.

A CSV field that holds a comma must be quoted: places.csv once split the pattern
``\\bMexico,\\s*D\\.?\\s?F\\b`` at its comma, and a JFK cable from Mexico City got the place
``\\s*D\\.?\\s?F\\b``.
"""
from __future__ import annotations

import csv
import io
import re
from importlib import resources

import pytest

from kg.extracting.correspondents import agencies
from kg.extracting.header import normalise_place
from kg.lexicon.data import dialect_of, rows, table

DATA = resources.files("kg").joinpath("data")
TABLES = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".csv", ".tsv")))
# The columns that hold regular expressions, by table; {own}/{other} in proposals.tsv stand for
# the names of the speaker's and the other side (kg.extracting.proposals).
PATTERN_COLUMNS = {"places.csv": "pattern", "agencies.csv": "letterhead", "narration.csv": "pattern",
                   "proposals.tsv": "pattern", "topics.tsv": "pattern"}


def test_every_table_is_found():
    assert {"places.csv", "agencies.csv", "persons.csv", "topics.tsv", "proposals.tsv"} <= set(TABLES)
    assert set(PATTERN_COLUMNS) <= set(TABLES)


@pytest.mark.parametrize("name", TABLES)
def test_every_row_has_the_fields_of_the_header(name):
    got = table(name)
    assert got, f"{name} has no rows"
    header = list(got[0])
    short = [r for r in got if list(r) != header or None in r.values()]
    assert not short, f"{name}: rows without every field of the header: {short[:3]}"


@pytest.mark.parametrize("name", TABLES)
def test_a_table_written_back_reads_the_same_rows(name):
    got = table(name)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(got[0]), **dialect_of(name))
    writer.writeheader()
    writer.writerows(got)
    assert rows(buf.getvalue(), name, dialect_of(name)) == got


@pytest.mark.parametrize("name", sorted(PATTERN_COLUMNS))
def test_every_pattern_compiles(name):
    column = PATTERN_COLUMNS[name]
    for row in table(name):
        pattern = row[column].replace("{own}", "Rusk").replace("{other}", "Gromyko")
        try:
            re.compile(pattern)
        except re.error as e:
            pytest.fail(f"{name}: {pattern!r} does not compile: {e}")


def test_an_unquoted_comma_is_an_error_that_names_the_file_and_line():
    text = "# places\npattern,name,wikidata\n\\bMexico,\\s*D\\.?F\\b,Mexico City,\n"
    with pytest.raises(ValueError, match=r"places.csv, line 3: 4 fields where the header has 3"):
        rows(text, "places.csv")


def test_a_quoted_comma_stays_in_its_pattern():
    assert normalise_place("MEXICO, D.F.").name == "Mexico City"
    assert normalise_place("Mexico, D. F., 14 March 1963").name == "Mexico City"


@pytest.mark.parametrize("row", table("places.csv"), ids=lambda r: r["name"])
def test_a_place_name_as_printed_normalises_to_itself(row):
    assert normalise_place(row["name"]).name == row["name"]


@pytest.mark.parametrize("agency", agencies(), ids=lambda a: a.code)
def test_an_agency_letterhead_matches_its_name(agency):
    assert agency.letterhead.search(agency.name.upper()), agency
