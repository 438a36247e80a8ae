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
* ``format_result`` renders results as an aligned text table, CSV, TSV or SPARQL 1.1 Query
  Results JSON; graph results as Turtle (table) or N-Triples (csv/tsv) or JSON-LD (json).

What it does not do: SPARQL updates (the store is opened read-only and updates are refused),
HTTP (see ``kg.querying.serve``), or loading data (see ``kg.querying.store``).

Text formats (table/csv/tsv) show lexical values: IRIs as the bare IRI, literals as their
lexical form without language tag or datatype, blank nodes as ``_:id``, unbound as empty.
Use ``json`` when the term kinds matter.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Union

import pyoxigraph as ox

from kg.querying.store import open_store

FORMATS = ("table", "csv", "tsv", "json")
QUERIES_DIR_ENV = "KG_QUERIES_DIR"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

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


def repo_root() -> Path:
    """The checkout root: the parent of the ``kg`` package directory."""
    return Path(__file__).resolve().parents[2]


def default_queries_dir() -> Path:
    """Where the competency queries live; ``$KG_QUERIES_DIR`` overrides the repo default."""
    override = os.environ.get(QUERIES_DIR_ENV)
    return Path(override) if override else repo_root() / "ontology" / "queries"


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


def run_query(store: ox.Store, resolved: ResolvedQuery) -> QueryResult:
    """Run a query; the default graph is the merge of all named graphs (kept by the loader)."""
    if _UPDATE_START.match(_strip_comments(resolved.text)):
        raise QueryError(f"{resolved.source}: SPARQL updates are not allowed; the store is read-only")
    try:
        result = store.query(resolved.text)
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = tuple(tuple(solution[v] for v in variables) for solution in result)
            return SelectResult(variables, rows)
        if isinstance(result, ox.QueryBoolean):
            return AskResult(bool(result))
        return GraphResult(tuple(result), _prefixes(resolved.text))
    except SyntaxError as exc:
        raise QueryError(f"{resolved.source}: {syntax_error_message(str(exc))}") from exc
    except OSError as exc:
        raise QueryError(f"{resolved.source}: query failed: {_one_line(str(exc))}") from exc


def run(query: str, store_dir: str | os.PathLike[str], fmt: str = "table",
        queries_dir: Path | None = None) -> str:
    """Resolve, run and format in one call (what ``kg query`` does)."""
    resolved = resolve_query(query, queries_dir)
    store = open_store(store_dir, read_only=True)
    return format_result(run_query(store, resolved), fmt)


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


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result; ``fmt`` is one of ``FORMATS``."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    if isinstance(result, AskResult):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.value}) + "\n"
        return ("true" if result.value else "false") + "\n"
    if isinstance(result, GraphResult):
        return _format_graph(result, fmt)
    return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}[fmt](result)


def lexical(term: "ox.Term | None") -> str:
    """The lexical value of a term as shown in text formats."""
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)  # quoted triple


def json_term(term: "ox.Term") -> dict:
    """A term in SPARQL 1.1 Query Results JSON form."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": json_term(term.subject),
            "predicate": json_term(term.predicate),
            "object": json_term(term.object),
        },
    }


def _table(result: SelectResult) -> str:
    cells = [[lexical(t) for t in row] for row in result.rows]
    widths = [
        max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(result.variables)
    ]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    lines = [line(list(result.variables)), line(["-" * w for w in widths])]
    lines += [line(row) for row in cells]
    count = len(cells)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _csv(result: SelectResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.variables)
    writer.writerows([lexical(t) for t in row] for row in result.rows)
    return buffer.getvalue()


def _tsv(result: SelectResult) -> str:
    # Lexical values cannot contain a raw tab or newline without breaking the row structure;
    # escape them the way SPARQL TSV escapes strings.
    def cell(term: "ox.Term | None") -> str:
        return (lexical(term).replace("\\", "\\\\").replace("\t", "\\t")
                .replace("\n", "\\n").replace("\r", "\\r"))

    lines = ["\t".join(result.variables)]
    lines += ["\t".join(cell(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json(result: SelectResult) -> str:
    bindings = [
        {var: json_term(term) for var, term in zip(result.variables, row) if term is not None}
        for row in result.rows
    ]
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _format_graph(result: GraphResult, fmt: str) -> str:
    if fmt == "table":
        data = ox.serialize(result.triples, format=ox.RdfFormat.TURTLE, prefixes=result.prefixes)
    elif fmt == "json":
        data = ox.serialize(result.triples, format=ox.RdfFormat.JSON_LD)
    else:
        data = ox.serialize(result.triples, format=ox.RdfFormat.N_TRIPLES)
    return data.decode("utf-8")


def _shorten(text: str, limit: int = 160) -> str:
    # pyoxigraph lists every acceptable character class after "expected one of"; the
    # position plus the start of that list is what a person needs.
    flat = _one_line(text)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _one_line(text: str) -> str:
    return " ".join(text.split())
