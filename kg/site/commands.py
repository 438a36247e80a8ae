"""The ``kg site`` click command: argument handling; ``kg.site.pages`` does the work."""
from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from pathlib import Path

import click

from kg.querying.store import StoreError

DEFAULT_STORE = Path("out/store")


@click.command("site")
@click.option("--store", "store_dir", type=click.Path(path_type=Path, file_okay=False),
              default=DEFAULT_STORE, show_default=True, help="Store directory written by `kg build`.")
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder for the site  [default: site/ beside the store, e.g. out/site]")
@click.option("--sources", "sources", multiple=True, type=click.Path(path_type=Path, exists=True),
              help="Folder (or file) holding the source files; repeatable. Default: where the "
                   "last build read them (manifest.json beside the store).")
@click.option("--endpoint", default=None, metavar="URL",
              help="SPARQL endpoint the query page sends to  [default: kg serve's, "
                   "http://127.0.0.1:7878/query]")
def site_command(store_dir: Path, out: Path | None, sources: tuple[Path, ...],
                 endpoint: str | None) -> None:
    """Write a static HTML site of the knowledge graph: a page per document (the source text as
    printed, every extracted item highlighted at its offsets), per person, and index pages.

    The pages work offline from the folder (open index.html); `kg serve` also serves them.
    A document whose source file cannot be found (or has changed since the build) gets its page
    without the source text, and is named here.
    """
    from kg.site.pages import DEFAULT_ENDPOINT, SiteError, write_site

    out = out or store_dir.parent / "site"
    started = time.perf_counter()
    with ExitStack() as stack:
        progress = None
        if sys.stderr.isatty():         # silent in pipes, logs and tests
            bar = stack.enter_context(click.progressbar(
                length=0, label="writing pages", file=sys.stderr, item_show_func=lambda n: n or ""))
            progress = _progress(bar)
        try:
            report = write_site(store_dir, out, list(sources), endpoint or DEFAULT_ENDPOINT,
                                progress=progress)
        except (StoreError, SiteError) as exc:
            raise click.ClickException(" ".join(str(exc).split())) from exc
    for note in report.notes:
        click.echo(f"warning: {note}", err=True)
    click.echo(f"{report.documents} document pages ({report.with_source} with their source text) "
               f"and {report.persons} person pages written to {out}/ in "
               f"{time.perf_counter() - started:.1f} s; open {out / 'index.html'}")
    if report.documents and report.with_source < report.documents:
        sys.exit(1)


def _progress(bar):
    def step(name: str, total: int) -> None:
        bar.length = total
        bar.update(1, name)
    return step
