"""The ``kg query`` and ``kg serve`` click commands.

They are thin: argument handling, then ``kg.querying.query`` / ``kg.querying.serve`` do the
work.  Every expected failure (no store, unknown query, syntax error, port in use) becomes a
one-line ``click.ClickException`` on stderr with exit code 1, never a traceback.

They are not registered here; ``kg/cli.py`` adds them to the main group.
"""
from __future__ import annotations

from pathlib import Path

import click

from kg.querying import query as q
from kg.querying import serve as s
from kg.querying.store import StoreError

DEFAULT_STORE = Path("out/store")
_store_option = click.option(
    "--store", "store_dir", type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_STORE, show_default=True, help="Store directory written by `kg build`.",
)


@click.command("query")
@click.argument("query", required=False)
@_store_option
@click.option("--format", "fmt", type=click.Choice(q.FORMATS), default="table",
              show_default=True,
              help="Output format.  SELECT and ASK: table, csv, tsv, json (the SPARQL result "
                   "formats).  CONSTRUCT and DESCRIBE: turtle, ntriples, jsonld (table prints "
                   "Turtle).")
@click.option("--list", "list_only", is_flag=True,
              help="List the competency queries and the questions they answer.")
def query_command(query: str | None, store_dir: Path, fmt: str, list_only: bool) -> None:
    """Run QUERY over the knowledge graph.

    QUERY is a competency-query name (`participants`, `cq02`), a path to a .rq file, or inline
    SPARQL.  The default graph is the union of all document graphs.
    """
    if list_only:
        click.echo(_listing(q.list_queries()), nl=False)
        return
    if not query:
        raise click.UsageError("give a QUERY (a name, a .rq file or SPARQL) or use --list")
    try:
        click.echo(q.run(query, store_dir, fmt), nl=False)
    except (q.QueryError, StoreError) as exc:
        raise click.ClickException(_one_line(str(exc))) from exc


@click.command("serve")
@_store_option
@click.option("--host", default=s.DEFAULT_HOST, show_default=True,
              help="Address to bind; keep the loopback default unless you mean to share.")
@click.option("--port", type=click.IntRange(1, 65535), default=s.DEFAULT_PORT,
              show_default=True)
@click.option("--timeout", "query_timeout", type=click.FloatRange(min=1), default=s.DEFAULT_TIMEOUT,
              show_default=True, help="Seconds a query may run; a slower one is cancelled (HTTP 504).")
@click.option("--allow-service", "allow_service", multiple=True, metavar="URL",
              help="An endpoint queries may federate with (SERVICE <URL>); repeatable. "
                   "Without it the server makes no outbound request.")
@click.option("--max-request-bytes", type=click.IntRange(min=1024),
              default=s.DEFAULT_MAX_REQUEST_BYTES, show_default=True,
              help="Largest query request accepted (HTTP 413 above).")
@click.option("--site", "site_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder written by `kg site` to serve at /  [default: site/ beside the store, if any]")
def serve_command(store_dir: Path, host: str, port: int, query_timeout: float,
                  allow_service: tuple[str, ...], max_request_bytes: int,
                  site_dir: Path | None) -> None:
    """Serve the knowledge graph read-only over the SPARQL 1.1 Protocol until Ctrl-C, with the
    pages of `kg site` and a query page beside the endpoint.

    No query makes the server call another endpoint unless --allow-service names it.  The
    server reads a snapshot of the store: restart it after `kg build`.
    """
    if site_dir is None and (store_dir.parent / "site" / "index.html").is_file():
        site_dir = store_dir.parent / "site"
    if site_dir is not None and not (site_dir / "index.html").is_file():
        raise click.UsageError(f"--site {site_dir}: no index.html there; run `kg site` first")
    try:
        s.serve_forever(store_dir, host, port, echo=click.echo, query_timeout=query_timeout,
                        allow_service=allow_service, max_request_bytes=max_request_bytes,
                        site_dir=site_dir)
    except (s.ServeError, StoreError) as exc:
        raise click.ClickException(_one_line(str(exc))) from exc


def _listing(queries: list[q.CompetencyQuery]) -> str:
    if not queries:
        return f"no competency queries in {q.default_queries_dir()}\n"
    width = max(len(f"{cq.id} {cq.name}") for cq in queries)
    return "".join(f"{f'{cq.id} {cq.name}'.ljust(width)}  {cq.question}".rstrip() + "\n"
                   for cq in queries)


def _one_line(text: str) -> str:
    return " ".join(text.split())
