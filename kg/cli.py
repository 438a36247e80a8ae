"""The `kg` command line: build, validate, query, serve.

    kg build [SOURCES...] [--out DIR] [--base IRI]   sources -> SHACL-checked graph in DIR
    kg validate FILE...                              run the shapes over any RDF file
    kg query QUERY [--store DIR] [--format F]        run a competency query or SPARQL
    kg serve [--store DIR] [--host H] [--port P]     the Oxigraph SPARQL endpoint

Errors about input are one line on standard error naming the file and the problem; the exit
status is 0 when everything asked for was done, 1 when some document was not published or a
check failed, 2 for a usage error.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from kg import __version__
from kg.mapping.core import DEFAULT_BASE

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="declass-kg")
def main() -> None:
    """declass-kg: declassified documents -> a SHACL-checked knowledge graph."""


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), default=Path("out"), show_default=True,
              help="Folder for kg.ttl, kg.nq, the reports and the store.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the data.")
@click.option("--no-store", is_flag=True, help="Do not load the embedded store.")
def build(sources: tuple[Path, ...], out: Path, base: str, no_store: bool) -> None:
    """Build the knowledge graph of SOURCES (files or folders; default: seeds/).

    Each document is read, extracted, mapped to RDF and checked against the shapes; only
    conforming documents are published.  The others are listed with the reason.
    """
    from kg.pipeline import process_file
    from kg.publishing import publish

    if not base.endswith(("/", "#")):
        raise click.UsageError(f"--base {base!r} must end with '/' or '#'")
    started = time.perf_counter()
    files, problems = collect_sources(list(sources) or default_sources())
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    results = []
    with click.progressbar(files, label="building", file=sys.stderr,
                           item_show_func=lambda f: f.name if f else "") as bar:
        for path in bar:
            results.append(process_file(path, base))
    for r in results:
        if not r.published:
            click.echo(f"error: {r.reason}", err=True)
            for line in r.report:
                if "Violation" in line:
                    click.echo(f"  {line}", err=True)
    if results:
        publish(results, out, store=not no_store)
    published = sum(r.published for r in results)
    triples = sum(r.triples for r in results if r.published)
    seconds = time.perf_counter() - started
    click.echo(f"{published} of {len(results)} documents published ({triples} triples) to {out}/ "
               f"in {seconds:.2f} s")
    if problems or published < len(results) or not results:
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
def validate(files: tuple[Path, ...]) -> None:
    """Run the project's SHACL shapes over RDF FILES and print the report in words."""
    from rdflib import Dataset, Graph

    from kg.validating import validate as run_shapes

    formats = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
               ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}
    failed = False
    for path in files:
        fmt = formats.get(path.suffix.lower(), "turtle")
        try:
            if fmt in ("nquads", "trig"):
                ds = Dataset()
                ds.parse(path, format=fmt)
                graph = Graph()
                for s, p, o, _ in ds.quads((None, None, None, None)):
                    graph.add((s, p, o))
            else:
                graph = Graph().parse(path, format=fmt)
        except Exception as exc:
            click.echo(f"error: {path}: cannot parse as {fmt}: {exc}", err=True)
            failed = True
            continue
        verdict = run_shapes(graph)
        click.echo(f"{path}: {'conforms' if verdict.conforms else 'DOES NOT CONFORM'} "
                   f"({len(graph)} triples, {len(verdict.violations)} violations)")
        for r in verdict.results:
            click.echo(f"  {r.words()}")
        failed = failed or not verdict.conforms
    if failed:
        sys.exit(1)


def _register_querying() -> None:
    from kg.querying.commands import query_command, serve_command
    main.add_command(query_command)
    main.add_command(serve_command)


_register_querying()

if __name__ == "__main__":
    main()
