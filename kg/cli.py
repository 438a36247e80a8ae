"""The `kg` command line: build, validate, pipeline; and the commands that register themselves.

    kg build       sources -> SHACL-checked graph in out/
    kg validate    run the shapes over any RDF file or dataset
    kg pipeline    the readers, extractors and mappers
    kg query       run a competency query or SPARQL
    kg serve       the SPARQL endpoint, the site, a query page
    kg site        static HTML pages of the graph
    kg docs        the competency queries, documented

Each command's synopsis in the README is written from its options by `synopsis` (cog).

The commands of other modules (query, serve, site, docs) are declared under the entry-point group
``kg.commands`` in pyproject.toml and registered here when this module loads, each imported
only when it is run or its help shown: this module imports none of them, and none of them
imports it.

Errors about input are one line on standard error naming the file and the problem; the exit
status is 0 when everything asked for was done, 1 when some document was not published or a
check failed, 2 for a usage error.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager, nullcontext
from importlib.metadata import entry_points
from pathlib import Path

import click

from kg import __version__
from kg.mapping.core import DEFAULT_BASE
from kg.reading import MAX_BYTES, MAX_BYTES_ENV
from kg.sources import default_sources

COMMANDS = "kg.commands"      # the entry-point group other modules register commands under


class _Main(click.Group):
    """The `kg` group; ``plugins`` maps each registered command to where it is declared.

    A registered command is imported when it is asked for (``get_command``), not when `kg`
    starts: `kg build` does not pay for the server's and the site's imports (templates, query
    tables)."""

    plugins: dict[str, str] = {}
    _declared: dict = {}            # name -> entry point, not loaded yet

    def resolve_command(self, ctx, args):
        if args and args[0] not in self.commands and not self.plugins:
            ctx.fail(f"no command {args[0]!r}, and no command of the entry-point group "
                     f"{COMMANDS!r} is installed: reinstall the package (pip install -e .)")
        return super().resolve_command(ctx, args)

    def list_commands(self, ctx):
        return sorted(set(self.commands) | set(self._declared))

    def get_command(self, ctx, name):
        ep = self._declared.get(name)
        if name not in self.commands and ep is not None:
            try:
                command = ep.load()
            except Exception as exc:
                raise click.ClickException(f"the command {name!r} ({ep.value}) cannot be loaded: "
                                           f"{type(exc).__name__}: {exc}") from exc
            self.add_command(command, name)
        return self.commands.get(name)


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


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="declass-kg")
def main() -> None:
    """declass-kg: declassified documents -> a SHACL-checked knowledge graph."""


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), default=Path("out"), show_default=True,
              help="Folder for kg.ttl, kg.nq, the other dumps, the reports and the store.")
@click.option("--base", metavar="IRI", default=DEFAULT_BASE, show_default=True, help="Base IRI of the data.")
@click.option("--root", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder the documents are named from (their IRIs follow the path below it); "
                   "default: the deepest folder holding every source.")
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
@click.option("--wait", is_flag=True,
              help="If another build is writing into --out, wait for it instead of exiting.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or progress lines.")
@click.option("--progress-every", type=click.FloatRange(min=0), default=5.0, show_default=True,
              metavar="SECONDS", help="Seconds between progress lines when standard error is not a terminal.")
@click.option("--license", "license_iri", metavar="IRI", default=None,
              help="Licence of the data, named in every dump and in void.ttl (default: CC0 1.0).")
@click.option("--attribution", metavar="TEXT", default=None,
              help="Attribution of the source texts, carried in every dump and in void.ttl.")
@click.option("--dataset-url", metavar="URL", default=None,
              help="URL the output folder is published at (ends with '/'): void.ttl names the "
                   "dumps under it; default: relative to void.ttl.")
@click.option("--dumps", "dumps", metavar="LIST", default="nq,ttl,trig,jsonld", show_default=True,
              callback=lambda ctx, param, value: _dump_list(value),
              help="Which dumps to write, comma-separated, of nq, ttl, trig, jsonld (void.ttl lists "
                   "those written; the store and the reports do not depend on them).")
@click.option("--compress", is_flag=True,
              help="Write the dumps gzip-compressed (kg.nq.gz ...): about a tenth of the disk.")
@click.option("--gate", type=click.Choice(["fast", "pyshacl"]), default="fast", show_default=True,
              help="The SHACL gate: the shapes compiled to SPARQL in pyoxigraph (fast), or "
                   "pyshacl (the reference, as kg validate runs it); both give the same verdicts.")
def build(sources: tuple[Path, ...], out: Path, base: str, root: Path | None, no_store: bool,
          jobs: int | None, full: bool, scheduler: str | None, wait: bool, quiet: bool,
          progress_every: float, license_iri: str | None, attribution: str | None,
          dataset_url: str | None, gate: str, max_bytes: int | None, dumps: tuple[str, ...],
          compress: bool) -> None:
    """Build the knowledge graph of SOURCES (files or folders; default: seeds/).

    Each document is read, extracted, mapped to RDF and checked against the shapes; only
    conforming documents are published.  The others are listed with the reason.  A document
    is named by its path below the build root (--root), which gives its IRIs.  The new output
    replaces the old one in --out in one step.  Sources unchanged since the last build into
    the same --out (same bytes, tool version, base and shapes) are not processed again.
    """
    import os

    from kg.building import BuildLocked, build as run_build
    from kg.building.progress import Bar, LogLines, Silent
    from kg.sources import find_sources

    if not base.endswith(("/", "#")):
        raise click.UsageError(f"--base {base!r} must end with '/' or '#'")
    if dataset_url and not dataset_url.endswith("/"):
        raise click.UsageError(f"--dataset-url {dataset_url!r} must end with '/'")
    found, problems = find_sources(list(sources) or default_sources(), root)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if not found:
        click.echo(f"0 documents: nothing published to {out}/", err=True)
        sys.exit(1)

    echo = lambda line: click.echo(line, err=True)     # noqa: E731
    progress = (Silent() if quiet else Bar(echo) if sys.stderr.isatty()
                else LogLines(echo, every=progress_every))
    jobs = jobs or os.cpu_count() or 1
    try:
        with _environment(MAX_BYTES_ENV, str(max_bytes)) if max_bytes else nullcontext():
            # read by kg.reading here and in the workers the build starts
            summary = run_build(found, out, base, jobs=jobs, scheduler=scheduler, full=full,
                                store=not no_store, progress=progress, wait=wait,
                                license=license_iri, attribution=attribution,
                                dataset_url=dataset_url, gate=gate, dumps=dumps, compress=compress)
    except BuildLocked as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        import errno

        if exc.errno == errno.ENOSPC:
            raise click.ClickException(
                f"no space left on the disk of {out}/ ({getattr(exc, 'filename', None) or 'while publishing'}); "
                "nothing was published: free space, or write fewer dumps (--dumps nq), "
                "compress them (--compress) or skip the store (--no-store)")
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
    where = f"on {scheduler}" if scheduler else f"with {jobs} job(s)"
    click.echo(f"{published} of {len(results)} documents published ({summary.triples} triples) to {out}/ "
               f"in {summary.seconds:.2f} s; {len(summary.processed)} processed {where}, "
               f"{len(summary.reused)} unchanged"
               + (f", {len(summary.removed)} removed" if summary.removed else ""))
    if problems or published < len(results) or not results:
        sys.exit(1)


def _dump_list(value: str) -> tuple[str, ...]:
    from kg.publishing.files import DUMP_FORMATS

    chosen = [v.strip().lower().lstrip(".") for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in DUMP_FORMATS]
    if unknown:
        raise click.BadParameter(f"{unknown[0]!r} is not a dump; choose among {', '.join(DUMP_FORMATS)}",
                                 param_hint="--dumps")
    return tuple(f for f in DUMP_FORMATS if f in chosen)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
def validate(files: tuple[Path, ...]) -> None:
    """Run the project's SHACL shapes over RDF FILES and print the report in words.

    A file is read by its extension (.ttl, .nt, .nq, .trig, .jsonld, .rdf); a dataset (TriG,
    N-Quads, JSON-LD with named graphs, as kg build writes them) is checked as the union of its
    graphs.  Exits non-zero when a file does not conform, does not parse or holds no triples."""
    from kg.validating import validate as run_shapes
    from kg.validating.files import RdfFileError, read_rdf

    failed = False
    for path in files:
        try:
            rdf = read_rdf(path)
        except RdfFileError as exc:
            click.echo(f"error: {exc}", err=True)
            failed = True
            continue
        verdict = run_shapes(rdf.graph)
        click.echo(f"{path}: {'conforms' if verdict.conforms else 'DOES NOT CONFORM'} "
                   f"({rdf.describe()}; {len(verdict.violations)} violations)")
        for r in verdict.results:
            click.echo(f"  {r.words()}")
        failed = failed or not verdict.conforms
    if failed:
        sys.exit(1)


@main.command()
def pipeline() -> None:
    """Print the pipeline: the readers, the extractors in the order they run (with the record
    kinds each requires and produces), and the mapper of each record kind.

    The order is derived from what the extractors declare (@extractor in kg/extracting/): each
    runs after every extractor producing a kind it requires.
    """
    from kg.extracting import pipeline as extractors
    from kg.mapping.core import MAPPERS
    from kg.reading import readers

    def kinds(types: tuple[type, ...]) -> str:
        return ", ".join(k.__name__ for k in types) or "-"

    click.echo("readers (the highest sniff score wins; a tie goes to the first listed)")
    for r in readers():
        click.echo(f"  {r.name:<12} {r.module}")
    click.echo("\nextractors, in the order they run")
    listed = extractors()
    width = max(len(e.name) for e in listed)
    for i, e in enumerate(listed, 1):
        after = "".join(f"; after {a}" for a in e.after)
        click.echo(f"  {i:>2}  {e.name:<{width}}  {e.module}")
        click.echo(f"      requires {kinds(e.requires)}{after}; produces {kinds(e.produces)}")
    click.echo("\nmappers (kg/mapping/: one function per record kind)")
    for kind, fn in sorted(MAPPERS.items(), key=lambda kv: kv[0].__name__):
        click.echo(f"  {kind.__name__:<16} {fn.__module__}.{fn.__qualname__}")


def register_commands(group: _Main, declared) -> None:
    """Add the commands ``declared`` (entry points of the group ``kg.commands``) to ``group``,
    to be loaded when asked for.  A name taken twice is an error that says by which
    declarations; a command that does not load is one when it is asked for."""
    plugins, waiting = dict(group.plugins), dict(group._declared)
    for ep in sorted(declared, key=lambda e: (e.name, e.value)):
        owner = plugins.get(ep.name) or ("kg.cli" if ep.name in group.commands else None)
        if owner == ep.value:
            continue                              # the same declaration, seen twice
        if owner is not None:
            raise click.ClickException(f"the command {ep.name!r} is registered twice: by {owner} "
                                       f"and by {ep.value}; rename one of them")
        waiting[ep.name] = ep
        plugins[ep.name] = ep.value
    group.plugins, group._declared = plugins, waiting


register_commands(main, entry_points(group=COMMANDS))


# --- synopses: the README's command lines are generated from the options (cog) ---------------

_PLACEHOLDERS = {"directory": "DIR", "path": "PATH", "file": "FILE", "integer": "N",
                 "integer range": "N", "float": "N", "float range": "N", "text": "TEXT"}


def _placeholder(param: click.Parameter) -> str:
    """What a synopsis shows for an option's value: its metavar, its choices, a short default
    that is not a path (``--port 7878``), else the kind of value (``--store DIR``)."""
    if param.metavar:
        return param.metavar
    if isinstance(param.type, click.Choice):
        return "|".join(param.type.choices)
    default = param.default
    if isinstance(default, float):
        default = f"{default:g}"
    if isinstance(default, (str, int)) and not isinstance(default, bool) and len(str(default)) <= 20 \
            and not isinstance(param.type, click.Path):
        return str(default)
    return _PLACEHOLDERS.get(param.type.name, param.type.name.upper())


def _term(param: click.Parameter) -> str:
    if isinstance(param, click.Argument):
        word = param.metavar or param.name.upper()
        word += "..." if param.nargs == -1 else ""
        return word if param.required else f"[{word}]"
    name = max(param.opts, key=len)
    if getattr(param, "is_flag", False):
        return f"[{name}]"
    return f"[{name} {_placeholder(param)}{' ...' if param.multiple else ''}]"


def synopsis(name: str) -> str:
    """``kg NAME`` with its arguments and options, as the README's heading of the command (cog
    writes it there: tests/test_readme.py checks that the README is up to date)."""
    command = main.get_command(None, name)
    params = [p for p in command.params if isinstance(p, click.Argument)]
    params += [p for p in command.params if not isinstance(p, click.Argument)]
    return " ".join(["kg", name, *(_term(p) for p in params)])

def run() -> None:
    """The ``kg`` console script: `main`, then an exit that does not walk the heap.

    At exit the interpreter collects cycles over every object still alive (the word lists, the
    shapes, a document's graph): 0.15 CPU s of the seed's 1.9.  Nothing of the process is used
    after the command returns, so the objects are frozen out of the collector first
    (``gc.freeze``); they are still freed, files closed and exit handlers run as usual."""
    import gc

    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
