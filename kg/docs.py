"""`kg docs`: the competency queries explained for humanists, with what they return on the seed.

``generate(out)`` builds the seed documents into a temporary folder (with the ``kg build``
command itself, in a child process, so this module does not depend on how the build is
organised), runs every competency query of ``ontology/queries/`` over the resulting store
with ``kg.querying.query`` and writes one markdown file (default ``docs/queries.md``):

- per query file, a section: the question (from its ``# question:`` line), the SPARQL, and a
  table of the first rows it returns on the seed with the row count — or, if the query does
  not run, why;
- a hand-written section, kept as it is between the ``HAND_BEGIN`` / ``HAND_END`` markers
  when the file is regenerated (the federated Wikidata example lives there), followed by
  the text of ``federated-wikidata.rq`` from the same folder, which is documented, never run.

The output depends only on the seeds and the queries (no dates, no temporary paths), so
regenerating without changes gives the same bytes.

The click command is ``docs_command`` (``kg docs [--out docs/queries.md]``); ``kg/cli.py``
registers it.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import click
import pyoxigraph as ox

from kg.mapping.core import DEFAULT_BASE, PREFIXES
from kg.querying import query as q
from kg.querying.store import open_store

DEFAULT_OUT = Path("docs/queries.md")
DEFAULT_ROWS = 10
FEDERATED_QUERY = "federated-wikidata.rq"
HAND_BEGIN = "<!-- hand-written: begin (kept as it is by `kg docs`) -->"
HAND_END = "<!-- hand-written: end -->"
CELL_LIMIT = 90
# How IRIs are shortened in the tables (the data's own IRIs get "id:").
DISPLAY_PREFIXES = {"id": DEFAULT_BASE} | {p: str(ns) for p, ns in PREFIXES.items()}

DEFAULT_HAND_WRITTEN = """\
## Federating with Wikidata (documented, not run)

Persons in the graph that an authority file identifies carry `owl:sameAs` links to Wikidata
(see cq12). A SPARQL 1.1 engine can follow them to Wikidata's public endpoint with `SERVICE`
and bring back facts this graph does not hold, for example a date of birth (Wikidata property
P569). Run it against `kg serve` (or any store holding `kg.ttl`) with network access; the
Wikidata endpoint asks for a descriptive User-Agent and limits query time to 60 seconds.

Engines that send the bindings they already have into the `SERVICE` call (a "bound join",
as Jena/Fuseki and RDF4J/GraphDB can) run the general form at the end of this section as it
is. Oxigraph 0.5, which `kg query` and `kg serve` use, sends the `SERVICE` block unchanged,
without those bindings (checked: it sends `SELECT * WHERE { ?wikidata wdt:P569 ?born . }`),
which asks Wikidata for every birth date it knows and times out. With Oxigraph, first list
the QIDs (`kg query cq12`) and put them into the `SERVICE` block, as in this variant:

```sparql
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX schema: <https://schema.org/>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT ?person ?name ?wikidata ?born WHERE {
  ?person a schema:Person ; schema:name ?name ; owl:sameAs ?wikidata .
  SERVICE <https://query.wikidata.org/sparql> {
    VALUES ?wikidata { wd:Q9696 wd:Q35314 }   # the QIDs cq12 returns
    ?wikidata wdt:P569 ?born .
  }
}
ORDER BY ?name
```

The general form, kept in `docs/federated-wikidata.rq`:
"""


@dataclass(frozen=True)
class QuerySection:
    """One competency query and what it returned on the seed."""

    query: q.CompetencyQuery
    text: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()     # the first rows, as display text
    count: int = 0
    error: str = ""                            # why the query did not run, if it did not


# --- running ---------------------------------------------------------------------------------


def build_seed_store(workdir: Path, sources: list[Path] | None = None) -> Path:
    """Run ``kg build`` on the seeds (or ``sources``) into ``workdir``; return the store folder."""
    if sources is None:
        from kg.sources import default_sources
        sources = default_sources()
    command = [sys.executable, "-m", "kg", "build", *map(str, sources), "--out", str(workdir)]
    done = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy())
    store = workdir / "store"
    # Exit status 1 means some document was not published: the others still are.
    if done.returncode not in (0, 1) or not (store / "CURRENT").is_file():
        detail = " ".join((done.stderr or done.stdout).split())[-300:]
        raise click.ClickException(f"the seed build failed (exit {done.returncode}): {detail}")
    return store


def display(term) -> str:
    """A result term as a humanist reads it: IRIs shortened by prefix, literals as text."""
    text = q.lexical(term)
    if isinstance(term, ox.NamedNode):
        for prefix, ns in sorted(DISPLAY_PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
    return text


def run_sections(store_dir: Path, queries_dir: Path | None = None,
                 limit: int = DEFAULT_ROWS) -> list[QuerySection]:
    """Run every competency query over the store; keep the first ``limit`` rows of each."""
    store = open_store(store_dir, read_only=True)
    sections = []
    for cq in q.list_queries(queries_dir):
        text = cq.path.read_text("utf-8")
        try:
            result = q.run_query(store, q.ResolvedQuery(text, cq.path.name))
        except q.QueryError as exc:
            sections.append(QuerySection(cq, text, error=str(exc)))
            continue
        if not isinstance(result, q.SelectResult):
            sections.append(QuerySection(cq, text, error="not a SELECT query; nothing to tabulate"))
            continue
        rows = tuple(tuple(display(t) for t in row) for row in result.rows[:limit])
        sections.append(QuerySection(cq, text, result.variables, rows, len(result.rows)))
    return sections


# --- rendering -------------------------------------------------------------------------------


def cell(text: str) -> str:
    """Text made safe for one markdown table cell (one line, escaped, shortened)."""
    flat = " ".join(text.split())
    if len(flat) > CELL_LIMIT:
        flat = flat[: CELL_LIMIT - 1].rstrip() + "…"
    for char in "\\|*_`<>[]~":
        flat = flat.replace(char, "\\" + char)
    return flat


def anchor(cq: q.CompetencyQuery) -> str:
    return f"{cq.id}-{cq.name}".lower()


def render_section(section: QuerySection, limit: int = DEFAULT_ROWS) -> str:
    cq = section.query
    lines = [f'<a id="{anchor(cq)}"></a>', f"## {cq.id} {cq.name}: {cq.question or '(no question given)'}", "",
             f"File: `ontology/queries/{cq.path.name}`. Run it with `kg query {cq.id}`.", "",
             "```sparql", section.text.rstrip("\n"), "```", ""]
    if section.error:
        lines += [f"**On the seed:** the query did not run: {cell(section.error)}", ""]
        return "\n".join(lines)
    shown = min(section.count, limit)
    count = f"{section.count} row{'' if section.count == 1 else 's'}"
    if section.count == 0:
        lines += ["**On the seed:** no rows.", ""]
        return "\n".join(lines)
    more = f"; the first {shown} are shown" if section.count > shown else ""
    lines += [f"**On the seed:** {count}{more}.", ""]
    lines.append("| " + " | ".join(cell(v) for v in section.variables) + " |")
    lines.append("|" + "|".join("---" for _ in section.variables) + "|")
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in section.rows]
    lines.append("")
    return "\n".join(lines)


def hand_written(existing: str | None) -> str:
    """The hand-written block of an existing file (markers included), else the default one."""
    if existing and HAND_BEGIN in existing and HAND_END in existing:
        start = existing.index(HAND_BEGIN)
        end = existing.index(HAND_END, start) + len(HAND_END)
        return existing[start:end]
    return f"{HAND_BEGIN}\n{DEFAULT_HAND_WRITTEN}{HAND_END}"


def render(sections: list[QuerySection], hand: str, federated: str | None = None,
           limit: int = DEFAULT_ROWS) -> str:
    """The whole markdown page."""
    legend = ", ".join(f"`{p}:` = `{ns}`" for p, ns in DISPLAY_PREFIXES.items()
                       if p in ("id", "dk", "vocab", "rico", "wd"))
    parts = [
        "# The competency queries, and what they return",
        "",
        "<!-- Generated by `kg docs` from ontology/queries/*.rq and a build of seeds/; "
        "edit the queries or the hand-written section, not the rest. -->",
        "",
        "Each question below is answered by one SPARQL query in `ontology/queries/`. The table "
        f"under it shows the first {limit} rows the query returns on the project's seed document "
        "(a State Department memorandum of conversation, New York, November 6, 1962), and how "
        "many rows there are in all. To ask them yourself:",
        "",
        "```sh",
        "kg build seeds --out out        # read, extract, check and publish the graph",
        "kg query --list                 # the questions",
        "kg query cq02 --store out/store # one of them, as a table (also --format csv, json)",
        "kg serve --store out/store      # a SPARQL endpoint for other tools",
        "```",
        "",
        "Names (`name`, `speakerName` ...) are the person's canonical name, never an OCR "
        "variant; `evidence` is the exact text of the source the item was read from. In the "
        f"tables, long texts are cut at {CELL_LIMIT} characters and IRIs are shortened: {legend}.",
        "",
        "## Questions",
        "",
    ]
    parts += [f"- [{s.query.id}](#{anchor(s.query)}): {s.query.question}" for s in sections]
    parts += ["- [Federating with Wikidata](#federated-wikidata)", ""]
    parts += [render_section(s, limit) for s in sections]
    parts += ['<a id="federated-wikidata"></a>', hand, ""]
    if federated is not None:
        parts += ["```sparql", federated.rstrip("\n"), "```", ""]
    return "\n".join(parts)


def generate(out: Path = DEFAULT_OUT, sources: list[Path] | None = None,
             queries_dir: Path | None = None, limit: int = DEFAULT_ROWS,
             store_dir: Path | None = None) -> Path:
    """Write the markdown page to ``out``; return its path.

    ``store_dir``: an existing store to query instead of building the seeds.
    """
    from kg.publishing.files import atomic_write

    out = Path(out)
    existing = out.read_text("utf-8") if out.is_file() else None
    federated_path = out.parent / FEDERATED_QUERY
    federated = federated_path.read_text("utf-8") if federated_path.is_file() else None
    if store_dir is not None:
        sections = run_sections(store_dir, queries_dir, limit)
    else:
        with tempfile.TemporaryDirectory(prefix="kg-docs-") as tmp:
            store = build_seed_store(Path(tmp) / "out", sources)
            sections = run_sections(store, queries_dir, limit)
    page = render(sections, hand_written(existing), federated, limit)
    atomic_write(out, page.encode("utf-8"))
    return out


@click.command("docs")
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_OUT,
              show_default=True, help="The markdown file to write.")
@click.option("--rows", type=click.IntRange(1, 1000), default=DEFAULT_ROWS, show_default=True,
              help="How many result rows to show per query.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Query this store instead of building the seeds.")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
def docs_command(out: Path, rows: int, store_dir: Path | None, sources: tuple[Path, ...]) -> None:
    """Write the competency queries, their questions and their results on the seed as markdown.

    SOURCES are the documents to build (default: seeds/).  The hand-written section of an
    existing OUT file is kept.
    """
    path = generate(out, list(sources) or None, limit=rows, store_dir=store_dir)
    click.echo(f"wrote {path}")
