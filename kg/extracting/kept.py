"""What several extractors ask of a whole transcript, computed once per document.

A reading of the whole transcript that more than one extractor needs (the NARA form's lines,
the participants' blocks) is kept for the transcript last asked about: by identity, through a
weak reference, so that a large source's transcript is let go as soon as it is mapped
(kg.pipeline) and nothing here holds it; another transcript, or a view of one
(``dataclasses.replace``), is computed afresh.  The caller gets a new list each time, so what
one extractor does with its list changes nothing another gets.
"""
from __future__ import annotations

import functools
import weakref
from typing import Callable, TypeVar

from kg.reading.transcript import Transcript

T = TypeVar("T")


def _nobody() -> None:
    return None


def for_last_transcript(fn: Callable[[Transcript], list[T]]) -> Callable[[Transcript], list[T]]:
    """``fn(t)`` kept for the last ``t`` asked about (``fn`` must be a pure function of the
    transcript); ``__wrapped__`` is ``fn`` itself."""
    kept: list = [_nobody, ()]

    @functools.wraps(fn)
    def last(t: Transcript) -> list[T]:
        if kept[0]() is not t:
            kept[:] = [weakref.ref(t), tuple(fn(t))]
        return list(kept[1])

    return last
