"""The `kg` command line: build, validate, query, serve.

    kg build [SOURCES...] [--out DIR] [--base IRI] [--max-bytes N]
                                                     sources -> SHACL-checked graph in DIR
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
from contextlib import contextmanager
from pathlib import Path

import click

from kg import __version__
from kg.mapping.core import DEFAULT_BASE
from kg.reading import MAX_BYTES, MAX_BYTES_ENV

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


@contextmanager
def _environment(name: str, value: str):
    """Set an environment variable for the duration of a command (its workers inherit it)."""
    import os

    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="declass-kg")
def main() -> None:
    """declass-kg: declassified documents -> a SHACL-checked knowledge graph."""


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), default=Path("out"), show_default=True,
              help="Folder for kg.ttl, kg.nq, the reports, the manifest and the store.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the data.")
@click.option("--no-store", is_flag=True, help="Do not load the embedded store.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores; 1 builds in this process).")
@click.option("--full", is_flag=True,
              help="Process every source again, ignoring the manifest of the last build.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Run the documents on this Dask distributed scheduler (tcp://host:8786); "
                   "its workers must see the source paths. Publishing stays local.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, metavar="N",
              help=f"Refuse a source larger than N bytes before reading it (default "
                   f"{MAX_BYTES:,}; a megabyte of dense OCR takes about 350 MB to build).")
def build(sources: tuple[Path, ...], out: Path, base: str, no_store: bool, jobs: int | None,
          full: bool, scheduler: str | None, max_bytes: int | None) -> None:
    """Build the knowledge graph of SOURCES (files or folders; default: seeds/).

    Each document is read, extracted, mapped to RDF and checked against the shapes; only
    conforming documents are published.  The others are listed with the reason.  Sources
    unchanged since the last build into the same --out (same bytes, tool version, base and
    shapes) are not processed again: out/manifest.json remembers their results.
    """
    import os
    from contextlib import ExitStack

    from kg.building import build as run_build

    if not base.endswith(("/", "#")):
        raise click.UsageError(f"--base {base!r} must end with '/' or '#'")
    files, problems = collect_sources(list(sources) or default_sources())
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if not files:
        click.echo(f"0 documents: nothing published to {out}/", err=True)
        sys.exit(1)

    with ExitStack() as stack:
        if max_bytes is not None:     # read by kg.reading here and in the workers it starts
            stack.enter_context(_environment(MAX_BYTES_ENV, str(max_bytes)))
        def progress(total: int):
            if not sys.stderr.isatty() or total == 0:     # silent in pipes, logs and tests
                return lambda name: None
            bar = stack.enter_context(click.progressbar(
                length=total, label=f"building {total} documents", file=sys.stderr,
                item_show_func=lambda name: name or ""))
            return lambda name: bar.update(1, name)
        try:
            summary = run_build(files, out, base, jobs=jobs or os.cpu_count(), scheduler=scheduler,
                                full=full, store=not no_store, progress=progress)
        except OSError as exc:
            raise click.ClickException(f"{getattr(exc, 'filename', None) or out}: {exc.strerror or exc}")
        except Exception as exc:
            if scheduler and type(exc).__module__.split(".")[0] in ("distributed", "tornado", "asyncio"):
                raise click.ClickException(f"scheduler {scheduler}: {type(exc).__name__}: {exc}")
            raise

    for r in summary.results:
        if not r.published:
            click.echo(f"error: {r.reason}", err=True)
            for line in r.report:
                if "Violation" in line:
                    click.echo(f"  {line}", err=True)
    results = summary.results
    published = summary.published
    where = f"on {scheduler}" if scheduler else f"with {jobs or os.cpu_count()} job(s)"
    click.echo(f"{published} of {len(results)} documents published ({summary.triples} triples) to {out}/ "
               f"in {summary.seconds:.2f} s; {len(summary.processed)} processed {where}, "
               f"{len(summary.reused)} unchanged"
               + (f", {len(summary.removed)} removed" if summary.removed else ""))
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
    from kg.docs import docs_command
    main.add_command(query_command)
    main.add_command(serve_command)
    main.add_command(docs_command)


_register_querying()

if __name__ == "__main__":
    main()
