"""Resolve, run and format SPARQL queries over the knowledge-graph store.

What it does:

* ``resolve_query`` turns what the user typed into SPARQL text: a competency-query short name
  (``participants`` or ``cq02`` -> ``ontology/queries/cq02-participants.rq``), a path to a
  ``.rq`` file, or inline SPARQL.
* ``list_queries`` lists the competency queries with the question each one answers.
* ``run_query`` runs SELECT / ASK / CONSTRUCT / DESCRIBE with the default graph being the
  union of all named graphs (one per source document), so queries need no ``GRAPH`` clauses.
  That union is materialised, de-duplicated, in the store's default graph by
  ``kg.querying.store.load_documents`` (see there for why not oxigraph's union option).
* Every query gets the project's prefixes (``dk:``, ``rico:``, ``oa:`` ...) predeclared, so
  inline SPARQL needs no PREFIX lines (``project_prefixes``).
* ``serialize_query`` writes CSV, TSV and SPARQL 1.1 Results JSON with pyoxigraph's own result
  serializers: one row per solution, as the competency-query contract defines the rows (the
  SPARQL 1.1 CSV/TSV formats: CSV shows lexical values, TSV writes terms in Turtle syntax).
* ``table`` prints what a person reads: one row per item (solutions of the same item joined,
  multi-valued columns listed with "; "), vocabulary concepts by their label, evidence quotes
  by their reading text.  Graph results are Turtle (table), N-Triples (csv/tsv) or JSON-LD.

What it does not do: SPARQL updates (the store is opened read-only and updates are refused),
HTTP (see ``kg.querying.serve``), or loading data (see ``kg.querying.store``).
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Union

import pyoxigraph as ox

from kg.querying.store import open_store

# table, csv, tsv, json: SELECT and ASK results (csv/tsv/json: the SPARQL 1.1 result formats);
# turtle, ntriples, jsonld: the graph of CONSTRUCT and DESCRIBE.  A graph asked for as table is
# Turtle, as json JSON-LD, as csv or tsv N-Triples; a SELECT or ASK result asked for as a graph
# format is an error that says which formats it has.
SELECT_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld")
FORMATS = SELECT_FORMATS + GRAPH_FORMATS
GRAPH_SERIALIZERS = {"table": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE,
                     "json": ox.RdfFormat.JSON_LD, "jsonld": ox.RdfFormat.JSON_LD,
                     "csv": ox.RdfFormat.N_TRIPLES, "tsv": ox.RdfFormat.N_TRIPLES,
                     "ntriples": ox.RdfFormat.N_TRIPLES}
QUERIES_DIR_ENV = "KG_QUERIES_DIR"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON}
VOCAB_NS = "https://w3id.org/declass-kg/vocab/"
# What the table shows instead of a concept IRI and instead of an evidence quote.
LABEL_QUERY = """SELECT ?c ?label WHERE { VALUES ?c { $VALUES }
    ?c <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?c ?label"""
READING_QUERY = """SELECT ?exact ?reading WHERE { VALUES ?exact { $VALUES }
    ?selector <http://www.w3.org/ns/oa#exact> ?exact ;
              <https://w3id.org/declass-kg/ontology#readingText> ?reading }
    ORDER BY ?exact ?reading"""

_CQ_FILE = re.compile(r"^(cq\d+)-(.+)\.rq$")
_SHORT_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_ERROR_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_PREFIX_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)
# A query whose first keyword after the prologue is one of these is an update.
_UPDATE_START = re.compile(
    r"^\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


class QueryError(Exception):
    """A query problem the user can act on; the message is one line."""


@dataclass(frozen=True)
class CompetencyQuery:
    """One ``cqNN-name.rq`` file of the ontology's competency queries."""

    id: str          # "cq02"
    name: str        # "participants"
    path: Path
    question: str    # from "# question: ..." or the first comment line; "" if none


@dataclass(frozen=True)
class ResolvedQuery:
    """SPARQL text plus where it came from (for error messages)."""

    text: str
    source: str      # "cq02-participants.rq", a file path, or "inline query"


@dataclass(frozen=True)
class SelectResult:
    variables: tuple[str, ...]
    rows: tuple[tuple["ox.Term | None", ...], ...]


@dataclass(frozen=True)
class AskResult:
    value: bool


@dataclass(frozen=True)
class GraphResult:
    triples: tuple[ox.Triple, ...]
    prefixes: dict[str, str]


QueryResult = Union[SelectResult, AskResult, GraphResult]


# --- finding queries -------------------------------------------------------------------------


def default_queries_dir() -> Path:
    """Where the competency queries live: ``$KG_QUERIES_DIR``, else the shipped
    ``ontology/queries/`` (package data, see ``kg.shipped``)."""
    from kg.shipped import queries_dir

    override = os.environ.get(QUERIES_DIR_ENV)
    return Path(override) if override else queries_dir()


def list_queries(queries_dir: Path | None = None) -> list[CompetencyQuery]:
    """All competency queries, in file-name order, each with the question it answers."""
    folder = queries_dir if queries_dir is not None else default_queries_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("cq*.rq")):
        match = _CQ_FILE.match(path.name)
        if match:
            found.append(
                CompetencyQuery(match[1], match[2], path, _question(path.read_text("utf-8")))
            )
    return found


def find_query(name: str, queries_dir: Path | None = None) -> CompetencyQuery | None:
    """The competency query called ``name`` ("participants", "cq02" or "cq02-participants")."""
    wanted = name.lower().removesuffix(".rq")
    matches = [
        cq
        for cq in list_queries(queries_dir)
        if wanted in (cq.name.lower(), cq.id.lower(), f"{cq.id}-{cq.name}".lower())
    ]
    if len(matches) > 1:
        names = ", ".join(cq.path.name for cq in matches)
        raise QueryError(f"'{name}' names more than one competency query: {names}")
    return matches[0] if matches else None


def resolve_query(query: str, queries_dir: Path | None = None) -> ResolvedQuery:
    """Turn a short name, a ``.rq`` path or inline SPARQL into query text."""
    candidate = query.strip()
    if "\n" not in candidate and candidate.endswith(".rq"):
        path = Path(candidate)
        if path.is_file():
            return ResolvedQuery(path.read_text("utf-8"), str(path))
        cq = find_query(path.name, queries_dir) if path.name == candidate else None
        if cq is None:
            raise QueryError(f"query file not found: {path}")
        return ResolvedQuery(cq.path.read_text("utf-8"), cq.path.name)
    if _SHORT_NAME.match(candidate):
        cq = find_query(candidate, queries_dir)
        if cq is None:
            raise QueryError(
                f"no competency query named '{candidate}' (see `kg query --list`); "
                "inline SPARQL must be a full query"
            )
        return ResolvedQuery(cq.path.read_text("utf-8"), cq.path.name)
    return ResolvedQuery(query, "inline query")


def _question(text: str) -> str:
    """The ``# question:`` line of the leading comment block, else its first comment line."""
    comments = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        comments.append(stripped.lstrip("#").strip())
    for comment in comments:
        if comment.lower().startswith("question:"):
            return comment[len("question:"):].strip()
    return next((c for c in comments if c), "")


# --- running ---------------------------------------------------------------------------------


def project_prefixes() -> dict[str, str]:
    """The prefixes of the project's data (``dk:``, ``rico:``, ``oa:`` ...), predeclared for
    every query so inline SPARQL needs no PREFIX lines; a query's own PREFIX wins."""
    from kg.mapping.core import PREFIXES

    return {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"} | {
        prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def prefix_declarations() -> str:
    """The project's prefixes as SPARQL PREFIX lines (for query editors and documentation)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in project_prefixes().items())


def _execute(store: ox.Store, resolved: ResolvedQuery):
    if _UPDATE_START.match(_strip_comments(resolved.text)):
        raise QueryError(f"{resolved.source}: SPARQL updates are not allowed; the store is read-only")
    try:
        return store.query(resolved.text, prefixes=project_prefixes())
    except SyntaxError as exc:
        raise QueryError(f"{resolved.source}: {syntax_error_message(str(exc))}") from exc
    except OSError as exc:
        raise QueryError(f"{resolved.source}: query failed: {_one_line(str(exc))}") from exc


def run_query(store: ox.Store, resolved: ResolvedQuery) -> QueryResult:
    """Run a query; the default graph is the merge of all named graphs (kept by the loader)."""
    result = _execute(store, resolved)
    try:
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = tuple(tuple(solution[v] for v in variables) for solution in result)
            return SelectResult(variables, rows)
        if isinstance(result, ox.QueryBoolean):
            return AskResult(bool(result))
        return GraphResult(tuple(result), _prefixes(resolved.text))
    except OSError as exc:
        raise QueryError(f"{resolved.source}: query failed: {_one_line(str(exc))}") from exc


def run(query: str, store_dir: str | os.PathLike[str], fmt: str = "table",
        queries_dir: Path | None = None) -> str:
    """Resolve, run and format in one call (what ``kg query`` does)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    resolved = resolve_query(query, queries_dir)
    store = open_store(store_dir, read_only=True)
    if fmt != "table":
        return serialize_query(store, resolved, fmt)
    return format_result(run_query(store, resolved), fmt, store)


def syntax_error_message(raw: str) -> str:
    """Rephrase pyoxigraph's "error at L:C: expected ..." as one short line."""
    match = _ERROR_POSITION.match(raw.strip())
    if not match:
        return f"SPARQL syntax error: {_shorten(raw)}"
    line, column, detail = match.groups()
    if "Prefix not found" in detail:
        # pyoxigraph reports an undeclared prefix as a list of expected characters.
        detail = "undeclared prefix (missing PREFIX declaration?)"
    return f"SPARQL syntax error at line {line}, column {column}: {_shorten(detail)}"


def _strip_comments(text: str) -> str:
    # Whole-line comments only: enough to find the first keyword after a comment header.
    return re.sub(r"^\s*#.*$", "", text, flags=re.MULTILINE)


def _prefixes(text: str) -> dict[str, str]:
    return {prefix or "": iri for prefix, iri in _PREFIX_DECL.findall(text)}


# --- formatting ------------------------------------------------------------------------------


def format_result(result: QueryResult, fmt: str = "table", store: ox.Store | None = None) -> str:
    """Render a materialised result as a table (SELECT), ``true``/``false`` (ASK) or RDF (graph).

    CSV, TSV and JSON of SELECT and ASK results are written by pyoxigraph's result serializers
    in ``serialize_query``, not here.  ``store`` lets the table show labels and reading texts.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    if isinstance(result, GraphResult):
        return _format_graph(result, fmt)
    _not_a_graph(fmt, "ASK" if isinstance(result, AskResult) else "SELECT")
    if isinstance(result, AskResult):
        return ("true" if result.value else "false") + "\n"
    if fmt != "table":
        raise QueryError(f"format '{fmt}' of a SELECT result is written by serialize_query")
    return table(result, store)


def serialize_query(store: ox.Store, resolved: ResolvedQuery, fmt: str) -> str:
    """Run a query and write its result with pyoxigraph's serializers (``csv``/``tsv``/``json``
    for SELECT and ASK, as the SPARQL 1.1 result formats define them; N-Triples or JSON-LD for
    CONSTRUCT and DESCRIBE).  Every solution is a row: nothing is grouped or relabelled."""
    raw = _execute(store, resolved)
    try:
        if isinstance(raw, (ox.QuerySolutions, ox.QueryBoolean)):
            _not_a_graph(fmt, "ASK" if isinstance(raw, ox.QueryBoolean) else "SELECT")
            data = raw.serialize(format=RESULT_FORMATS[fmt])
        else:
            return _format_graph(GraphResult(tuple(raw), _prefixes(resolved.text)), fmt)
    except OSError as exc:
        raise QueryError(f"{resolved.source}: query failed: {_one_line(str(exc))}") from exc
    text = data.decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


def lexical(term: "ox.Term | None") -> str:
    """The lexical value of a term as shown in text formats."""
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)  # quoted triple


def table(result: SelectResult, store: ox.Store | None = None) -> str:
    """An aligned text table with one row per item, as a person reads it.

    The item is named by the leading columns that hold an IRI in every solution (``?doc
    ?event`` in the reviews query): solutions with the same item are one row, and a column with
    several values lists them joined by "; " in the order met.  A vocabulary concept is shown by
    its label and an evidence quote by its reading text, when the store has them; csv/tsv/json
    keep the raw solutions.
    """
    key = _item_columns(result)
    groups: dict[tuple, list[list[str]]] = {}
    shown = _display(result, store)
    for row in result.rows:
        ident = tuple(lexical(t) for t in row[:key]) if key else (len(groups),)
        cells = groups.setdefault(ident, [[] for _ in result.variables])
        for values, term in zip(cells, row):
            text = shown(term)
            if text and text not in values:
                values.append(text)
    cells = [["; ".join(values) for values in row] for row in groups.values()]
    widths = [max([len(name)] + [len(row[i]) for row in cells])
              for i, name in enumerate(result.variables)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    lines = [line(list(result.variables)), line(["-" * w for w in widths])]
    lines += [line(row) for row in cells]
    count = len(cells)
    footer = f"({count} row{'' if count == 1 else 's'}"
    if count != len(result.rows):
        footer += f", one per {' '.join('?' + v for v in result.variables[:key])}, " \
                  f"from {len(result.rows)} solutions"
    lines.append(footer + ")")
    return "\n".join(lines) + "\n"


def _item_columns(result: SelectResult) -> int:
    """How many leading columns hold an IRI in every solution (0 when none or no rows)."""
    if not result.rows:
        return 0
    count = 0
    for i in range(len(result.variables)):
        if all(isinstance(row[i], ox.NamedNode) for row in result.rows):
            count += 1
        else:
            break
    return count


def _display(result: SelectResult, store: ox.Store | None) -> Callable[["ox.Term | None"], str]:
    """How a term is shown in the table: a concept by its label, a quote by its reading text."""
    labels: dict[str, str] = {}
    readings: dict[str, str] = {}
    if store is not None:
        terms = {t for row in result.rows for t in row if t is not None}
        concepts = sorted(t.value for t in terms
                          if isinstance(t, ox.NamedNode) and t.value.startswith(VOCAB_NS))
        quotes = sorted(t.value for t in terms
                        if isinstance(t, ox.Literal) and t.datatype.value == XSD_STRING)
        labels = _lookup(store, concepts, "<{}>", LABEL_QUERY)
        readings = _lookup(store, quotes, "{}", READING_QUERY)

    def shown(term: "ox.Term | None") -> str:
        text = lexical(term)
        if isinstance(term, ox.NamedNode):
            return labels.get(text, text)
        if isinstance(term, ox.Literal):
            return readings.get(text, text)
        return text

    return shown


def _lookup(store: ox.Store, values: list[str], form: str, query: str) -> dict[str, str]:
    """``{value: answer}`` for a two-column lookup query, asked in chunks of VALUES."""
    found: dict[str, str] = {}
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        listed = " ".join(form.format(json.dumps(v, ensure_ascii=False) if form == "{}" else v)
                          for v in chunk)
        for solution in store.query(query.replace("$VALUES", listed)):
            found.setdefault(solution[0].value, solution[1].value)
    return found


def _not_a_graph(fmt: str, form: str) -> None:
    if fmt in GRAPH_FORMATS:
        raise QueryError(f"--format {fmt} is for the graph of a CONSTRUCT or DESCRIBE query; "
                         f"write a {form} result as {', '.join(SELECT_FORMATS)}")


def _format_graph(result: GraphResult, fmt: str) -> str:
    rdf_format = GRAPH_SERIALIZERS[fmt]
    if rdf_format == ox.RdfFormat.TURTLE:
        prefixes = project_prefixes() | result.prefixes
        data = ox.serialize(result.triples, format=rdf_format, prefixes=prefixes)
    else:
        data = ox.serialize(result.triples, format=rdf_format)
    return data.decode("utf-8")


def _shorten(text: str, limit: int = 160) -> str:
    # pyoxigraph lists every acceptable character class after "expected one of"; the
    # position plus the start of that list is what a person needs.
    flat = _one_line(text)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _one_line(text: str) -> str:
    return " ".join(text.split())
