"""Progress of a build, for whoever watches it: a bar on a terminal, plain lines in a log.

``kg build`` picks one: ``Bar`` when standard error is a terminal, ``LogLines`` when it goes
to a file or a pipe (a line every few seconds: documents done, rate, time left), ``Silent``
with ``--quiet``.  A build calls ``start(total)``, ``advance(name)`` per document processed,
``stage(text)`` when it moves on to publishing, and ``finish()``.

``LogLines`` writes nothing for a build shorter than its interval, so short builds and tests
keep a log of errors and the summary line only.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, name: str) -> None: ...
    def stage(self, text: str) -> None: ...
    def finish(self) -> None: ...


class Silent:
    """No progress at all (``--quiet``, and library calls)."""

    def start(self, total: int) -> None:
        pass

    def advance(self, name: str) -> None:
        pass

    def stage(self, text: str) -> None:
        pass

    def finish(self) -> None:
        pass


def duration(seconds: float) -> str:
    """``45 s``, ``7 min 38 s``, ``1 h 05 min``."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class LogLines(Silent):
    """A plain line every ``every`` seconds while documents are processed::

        built 120 of 2000 documents (6%), 4.1 documents/s, about 7 min 38 s left
    """

    def __init__(self, echo: Callable[[str], None], every: float = 5.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.echo, self.every, self.clock = echo, every, clock
        self.total = self.done = 0
        self.began = self.last = 0.0

    def start(self, total: int) -> None:
        self.total, self.done = total, 0
        self.began = self.last = self.clock()

    def advance(self, name: str) -> None:
        self.done += 1
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            self.echo(self.line(now))

    def line(self, now: float) -> str:
        elapsed = max(now - self.began, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        share = 100 * self.done // self.total if self.total else 100
        return (f"built {self.done} of {self.total} documents ({share}%), {rate:.1f} documents/s, "
                f"about {duration(left)} left")

    def stage(self, text: str) -> None:
        if self.clock() - self.began >= self.every:     # only a build long enough to be watched
            self.echo(text)


class Bar(Silent):
    """click's progress bar on standard error, then the stage lines."""

    def __init__(self, echo: Callable[[str], None]) -> None:
        self.echo = echo
        self.bar = None

    def start(self, total: int) -> None:
        import click
        import sys

        if total:
            self.bar = click.progressbar(length=total, label=f"building {total} documents",
                                         file=sys.stderr, item_show_func=lambda name: name or "")
            self.bar.__enter__()

    def advance(self, name: str) -> None:
        if self.bar is not None:
            self.bar.update(1, name)

    def stage(self, text: str) -> None:
        self.finish()
        self.echo(text)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


__all__ = ["Bar", "LogLines", "Progress", "Silent", "duration"]
