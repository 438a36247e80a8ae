"""Evidence as a person reads it: beside the raw quote (the provenance), a reading text."""
from __future__ import annotations

from pathlib import Path

from rdflib import Literal
from rdflib.namespace import RDF

from kg.mapping.core import DK, OA
from kg.reading.markdown import read_markdown


def readings(graph) -> dict[str, str]:
    """{raw quote: reading text} of every selector of a graph."""
    return {str(graph.value(sel, OA.exact)): str(graph.value(sel, DK.readingText))
            for sel in graph.subjects(RDF.type, OA.TextQuoteSelector)}


def test_every_selector_of_the_seed_carries_exactly_one_reading_text(seed_graph) -> None:
    selectors = list(seed_graph.subjects(RDF.type, OA.TextQuoteSelector))
    assert len(selectors) > 300
    for sel in selectors:
        (text,) = list(seed_graph.objects(sel, DK.readingText))
        assert isinstance(text, Literal) and text.datatype is None and text.language is None


def test_struck_words_are_out_and_insertions_in_where_the_quote_runs_through_them(seed_graph) -> None:
    # The seed prints "~~in~~ <sup>at</sup> hand": the reader reads "at hand".
    quoted = {raw: read for raw, read in readings(seed_graph).items() if "~~in~~ <sup>at</sup> hand" in raw}
    assert quoted, "the seed's claim through '~~in~~ <sup>at</sup> hand' lost its evidence"
    for raw, read in quoted.items():
        assert "~~" not in read and "<sup>" not in read
        assert "the problem at hand" in read and "problem in at" not in read


def test_the_reading_text_joins_line_breaks_and_runs_of_spaces() -> None:
    raw = "Mr. Rusk said that the\nUS  Government <sup>now</sup> ~~could~~ would agree.\n"
    t = read_markdown("memo.md", raw)
    start = raw.index("the\nUS")
    end = raw.index("agree.") + len("agree.")
    assert t.reading_of(start, end) == "the US Government now would agree."


def test_a_quote_wholly_out_of_the_reading_flow_reads_as_its_own_words() -> None:
    raw = "Text before.\n\n~~SECRET~~\n\nMr. Rusk ~~replied~~ said.\n"
    t = read_markdown("memo.md", raw)
    banner = raw.index("~~SECRET~~")
    struck = raw.index("~~replied~~")
    assert t.reading_of(banner, banner + len("~~SECRET~~")) == "SECRET"
    assert t.reading_of(struck, struck + len("~~replied~~")) == "replied"


def test_the_build_publishes_the_reading_text(tmp_path: Path, seed_path) -> None:
    from kg.pipeline import process_file
    result = process_file(seed_path)
    assert result.published
    assert result.nquads.count(f"<{DK.readingText}>") == result.nquads.count(f"<{OA.exact}>")
