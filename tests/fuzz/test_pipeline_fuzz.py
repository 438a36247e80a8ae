"""Generated documents through the whole pipeline: read -> extract -> resolve -> map -> validate.

For every generated file (`fuzz_documents.document`): no crash (``process_file`` never reports an
internal error), a plausible document is published — its graph conforms to the shapes, it is
not refused — and every provenance row of the published graph is exact in the file as a
consumer decodes it (``data.decode("utf-8-sig")[start:end] == exact``).  A file that may be
refused (garbage, a NUL, a damaged TEI file) is refused with a reason naming it.

Two runs of the same property:

- in CI, a short run of a hundred examples (``test_generated_documents_...``), and a check
  that the generators reach each of the three readers (markdown, plain OCR, TEI);
- the fuzz run, behind the ``fuzz`` marker and outside CI, 10,000 examples or
  ``KG_FUZZ_EXAMPLES``, each reader taking at least a twentieth of the inputs; its figures
  (inputs, outcomes, wall and CPU time) are printed at the end and, if ``KG_FUZZ_REPORT``
  names a file, written there every 250 inputs::

      KG_FUZZ_REPORT=fuzz.json nice -n 10 .venv/bin/pytest -m fuzz tests/fuzz -s -p no:cacheprovider
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, find, given, settings

from fuzz_documents import Sample, document
from kg.pipeline import process_file
from kg.reading import ReadError, decode, read_text
from kg.reading.plaintext import NAME as PLAINTEXT
from kg.reading.tei import NAME as TEI

READER_NAMES = ("markdown", PLAINTEXT, TEI)

OA = "http://www.w3.org/ns/oa#"
CI_EXAMPLES = 100
FUZZ_EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "10000"))


def provenance_rows(nquads: str) -> list[dict]:
    """Every selector of a document graph with its start, end and exact, and the source."""
    rows: dict[str, dict] = {}
    sources: dict[str, str] = {}
    selector_of: dict[str, str] = {}
    for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
        p = q.predicate.value
        if p in (OA + "start", OA + "end", OA + "exact"):
            rows.setdefault(q.subject.value, {})[p[len(OA):]] = q.object.value
        elif p == OA + "hasSource":
            sources[q.subject.value] = q.object.value
        elif p == OA + "hasSelector":
            selector_of[q.object.value] = q.subject.value
    for selector, row in rows.items():
        row["source"] = sources.get(selector_of.get(selector, ""), "")
    return list(rows.values())


def check(sample: Sample, folder: Path, tally: Counter | None = None) -> None:
    """The whole pipeline on one generated file, and every invariant of its result."""
    path = folder / "generated.txt"
    path.write_bytes(sample.data)
    result = process_file(path)
    if tally is not None:
        tally[f"{sample.kind}:{result.status}"] += 1
        tally[f"reader:{result.reader}"] += 1
    assert result.status != "failed", f"crash: {result.reason}\n{sample.data[:3000]!r}"
    assert result.status != "rejected", f"not conforming: {result.reason}\n{sample.data[:3000]!r}"
    if result.status == "unreadable":
        assert not sample.must_publish, f"refused: {result.reason}\n{sample.data[:3000]!r}"
        assert result.reason.startswith("generated.txt: ") and "\n" not in result.reason
        return
    text = sample.data.decode("utf-8-sig")
    rows = provenance_rows(result.nquads)
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert 0 <= start <= end <= len(text), row
        assert text[start:end] == row["exact"], row
        assert row["source"].endswith("/generated.txt"), row
    if tally is not None:
        tally["provenance rows"] += len(rows)


@settings(max_examples=CI_EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.filter_too_much])
@given(document())
def test_generated_documents_are_published_conforming_with_exact_provenance(sample):
    with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as folder:
        check(sample, Path(folder))


def reader_of(sample: Sample) -> str | None:
    try:
        return read_text("generated.txt", decode("generated.txt", sample.data)).reader
    except ReadError:
        return None


@pytest.mark.parametrize("reader", READER_NAMES)
def test_the_generated_documents_reach_each_of_the_three_readers(reader):
    found = find(document(), lambda s: s.must_publish and reader_of(s) == reader,
                 settings=settings(max_examples=300, database=None, deadline=None,
                                   suppress_health_check=list(HealthCheck)))
    assert reader_of(found) == reader


@pytest.mark.fuzz
def test_fuzz_run_over_ten_thousand_generated_documents():
    tally: Counter = Counter()
    started, cpu_started = time.perf_counter(), time.process_time()

    def figures(state: str) -> dict:
        """The run so far: wall and CPU seconds (the machine may be shared), inputs, outcomes."""
        figures = {"state": state, "seconds": round(time.perf_counter() - started, 1),
                   "cpu_seconds": round(time.process_time() - cpu_started, 1),
                   **dict(sorted(tally.items()))}
        if os.environ.get("KG_FUZZ_REPORT"):
            Path(os.environ["KG_FUZZ_REPORT"]).write_text(json.dumps(figures, indent=2) + "\n")
        return figures

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(document())
    def run(sample):
        tally["inputs"] += 1
        with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as folder:
            check(sample, Path(folder), tally)
        if tally["inputs"] % 250 == 0:
            figures("running")                  # a long run shows where it is

    state = "failed"
    try:
        run()
        # the run is worth its figures only if each reader took its share of the inputs
        assert all(tally[f"reader:{r}"] >= FUZZ_EXAMPLES // 20 for r in READER_NAMES), tally
        state = "passed"
    finally:
        print(json.dumps(figures(state), indent=2))
