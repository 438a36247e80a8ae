"""How many catalogued record dates a text prints at all: the ceiling of the record-date figure.

Not a benchmark of speed: a measurement of the JFK catalogue development set (or any folder of
texts with a NARA catalogue CSV of the same columns), to tell a rule that misses a printed date
from a date the OCR never carried.  For each text with a catalogued date it searches the whole
text, generously (any separator of up to three characters, month words read through OCR
misreadings with `kg.extracting.dates.ocr_month`, two- or four-digit years, day-month-year,
month-day-year, figures month first, date-time groups), for

- the catalogued day, month and year together (the ceiling of ``date``), and
- the catalogued month and year together, with or without a day (the ceiling of ``date_month``).

It over-counts (the catalogued date may be printed as the date of something else, which the
tool must not take) and never under-counts a legible printing, so it is an upper bound on what
rules can reach without guessing.

    .venv/bin/python benchmarks/catalogue_date_ceiling.py \\
        ../shared/eval/jfk-catalogue/dev/gold.csv ../shared/eval/jfk-catalogue/dev/texts [--list]
"""
from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from kg.extracting.dates import ocr_month

_SEP = r"[^A-Za-z0-9]{0,3}"
_WORD_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]{3,9}(?![A-Za-z])")
_BEFORE_RE = re.compile(rf"(?<!\d)(?P<a>\d{{1,2}}|\d{{6}}[Z27]?){_SEP}$")   # "10 Feb", "131449Z DEC", the zulu often read as a 2 or a 7
_AFTER_RE = re.compile(rf"\.?{_SEP}(?:(?P<b>\d{{1,2}})(?:st|nd|rd|th)?{_SEP})?(?P<y>(?:19)?\d\d)(?!\d)")
_FIGURES_RE = re.compile(r"(?<!\d)(?P<m>\d{1,2})\s*[/.-]\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<y>(?:19)?\d\d)(?!\d)")


def printed(text: str, year: int, month: int, day: int) -> tuple[bool, bool]:
    """(the whole date is printed, its month and year are printed) somewhere in ``text``."""
    whole = month_year = False
    yy = year % 100
    for w in _WORD_RE.finditer(text):            # every word, so no match hides the next
        after = _AFTER_RE.match(text, w.end())
        if not after or int(after["y"][-2:]) != yy or ocr_month(w.group()) != month:
            continue
        month_year = True
        before = _BEFORE_RE.search(text, max(0, w.start() - 12), w.start())
        days = [after["b"], before["a"][:2] if before else None]
        whole = whole or any(d is not None and int(d) == day for d in days)
    for m in _FIGURES_RE.finditer(text):
        if int(m["y"][-2:]) == yy and int(m["m"]) == month:
            month_year = True
            whole = whole or int(m["d"]) == day
    return whole, month_year


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path, help="the catalogue CSV (columns file, doc_date)")
    ap.add_argument("texts", type=Path, help="the folder of texts the CSV names")
    ap.add_argument("--list", action="store_true", help="name the texts that print no part of their date")
    args = ap.parse_args()
    rows = [r for r in csv.DictReader(args.gold.open(encoding="utf-8")) if r.get("doc_date")]
    whole = month_year = 0
    silent = []
    for r in rows:
        y, m, d = (int(x) for x in r["doc_date"].split("-"))
        text = (args.texts / r["file"]).read_text(encoding="utf-8", errors="replace")
        w, my = printed(text, y, m, d)
        whole += w
        month_year += my
        if not my:
            silent.append(f"{r['file']}\t{r['doc_date']}")
    n = len(rows)
    print(f"texts with a catalogued date: {n}")
    print(f"  the whole date printed somewhere (ceiling of date):        {whole:4d}  {whole / n:.3f}")
    print(f"  its month and year printed somewhere (ceiling of date_month): {month_year:4d}  {month_year / n:.3f}")
    if args.list:
        print("\n".join(silent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
