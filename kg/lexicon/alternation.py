r"""Word lists as regular-expression alternations that the engine tries quickly.

Python's engine tries the forms of an alternation one after another at every position it
scans; with IGNORECASE it cannot even skip a form by its first character.  Grouped by their
first letter ("e(?:xchange\s+of\s+letters|xchange)|p(?:ress\s+conference|roposal)"), it tries
a letter for each group instead of each form.

The grouped alternation matches exactly what the plain one matches, in any pattern and with or
without IGNORECASE: no two groups' letters match the same character, so where the plain
alternation's first successful form is in one group, every earlier form that could succeed is
in that group too, in the same order.  A list whose first characters are not all ASCII letters
of distinct case-folds stays plain.
"""
from __future__ import annotations

from typing import Iterable


def grouped(alternatives: Iterable[str], ignorecase: bool = True) -> str:
    """The alternation of ``alternatives`` (regex source, in the order they are to be tried)
    grouped by first letter.  ``ignorecase=False`` promises a pattern compiled without
    IGNORECASE, where any two distinct letters differ ("de Gaulle" and "Dean" in two groups)."""
    alternatives = list(alternatives)
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        groups.setdefault(a[:1], []).append(a[1:])
    if not all(k.isalpha() and (k.isascii() or not ignorecase) for k in groups) \
            or (ignorecase and len({k.casefold() for k in groups}) < len(groups)):
        return "|".join(alternatives)
    return "|".join(k + "(?:" + "|".join(g) + ")" for k, g in groups.items())
