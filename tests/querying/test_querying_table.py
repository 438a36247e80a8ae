"""`kg query`'s table as a person reads it: one row per item, labels, reading texts.

csv/tsv/json keep one row per solution (the competency-query contract); only the table groups.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from kg.querying import query as q
from kg.querying.store import load_documents

ID = "https://w3id.org/declass-kg/id/"
DK = "https://w3id.org/declass-kg/ontology#"
OA = "http://www.w3.org/ns/oa#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
VOCAB = "https://w3id.org/declass-kg/vocab/"
DOC = f"{ID}doc/memo"
EVENT = f"{DOC}/review/10-40"
SELECTOR = f"{EVENT}#ev0-selector"
RAW = "REVIEWED by ~~XYZ~~ DDK <sup>on</sup> 3/3/88"

# One review event that offers two actions and decides one, with one evidence quote, plus the
# vocabulary's labels (as `kg build` loads them beside the documents).
DATA = f"""
<{EVENT}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{DK}ReviewEvent> .
<{EVENT}> <{DK}affectsOrAffected> <{DOC}> .
<{EVENT}> <{DK}offersAction> <{VOCAB}review-action/release> .
<{EVENT}> <{DK}offersAction> <{VOCAB}review-action/deny> .
<{EVENT}> <{DK}decidedAction> <{VOCAB}review-action/release> .
<{EVENT}> <{DK}hasEvidence> <{EVENT}#ev0> .
<{EVENT}#ev0> <{OA}hasTarget> <{EVENT}#ev0-target> .
<{EVENT}#ev0-target> <{OA}hasSelector> <{SELECTOR}> .
<{SELECTOR}> <{OA}exact> "{RAW}" .
<{SELECTOR}> <{DK}readingText> "REVIEWED by DDK on 3/3/88" .
<{VOCAB}review-action/release> <{SKOS}prefLabel> "release"@en .
<{VOCAB}review-action/deny> <{SKOS}prefLabel> "deny"@en .
""".encode()

QUERY = """SELECT ?doc ?event ?evidence ?offered ?decided WHERE {
  ?event dk:affectsOrAffected ?doc ; dk:offersAction ?offered ; dk:decidedAction ?decided ;
         dk:hasEvidence/oa:hasTarget/oa:hasSelector/oa:exact ?evidence }
ORDER BY ?offered"""


def store(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    load_documents(folder, {f"{ID}graph/memo": DATA})
    return folder


def test_the_table_prints_one_row_per_item_with_multi_valued_columns_joined(tmp_path: Path) -> None:
    lines = q.run(QUERY, store(tmp_path)).splitlines()
    header, _rule, row, footer = lines
    assert header.split() == ["doc", "event", "evidence", "offered", "decided"]
    assert row.startswith(f"{DOC}  {EVENT}  ")
    assert row.endswith("deny; release  release")
    assert footer == "(1 row, one per ?doc ?event, from 2 solutions)"


def test_the_table_shows_concepts_by_label_and_quotes_as_read(tmp_path: Path) -> None:
    row = q.run(QUERY, store(tmp_path)).splitlines()[2]
    assert "REVIEWED by DDK on 3/3/88" in row
    assert "~~" not in row and VOCAB not in row


def test_csv_keeps_one_row_per_solution_with_the_raw_quote_and_iris(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(q.run(QUERY, store(tmp_path), "csv"))))
    assert rows[1:] == [
        [DOC, EVENT, RAW, f"{VOCAB}review-action/deny", f"{VOCAB}review-action/release"],
        [DOC, EVENT, RAW, f"{VOCAB}review-action/release", f"{VOCAB}review-action/release"]]


def test_a_result_without_leading_iris_is_not_grouped(tmp_path: Path) -> None:
    out = q.run("SELECT ?label WHERE { ?c skos:prefLabel ?label } ORDER BY ?label", store(tmp_path))
    assert out.splitlines()[2:] == ["deny", "release", "(2 rows)"]
