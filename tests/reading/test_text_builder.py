"""The reading text's builder joins copies that continue one another into one run: the text and
the offset map must be those of copying every stretch at once, as it was before (the reference
below), for any sequence of copies and separators and for every real document read."""
from __future__ import annotations

from array import array

from hypothesis import given, settings, strategies as st

import kg.reading.markdown
import kg.reading.plaintext
import kg.reading.tei
from kg.reading import read_file
from kg.reading.transcript import TextBuilder
from tests.real_texts import real_paths


class PlainBuilder:
    """Every copy and every separator appended as it comes."""

    def __init__(self, raw_length: int = 0) -> None:
        self._parts: list[str] = []
        self._map = array("i" if raw_length < 2**31 - 1 else "q")

    def copy(self, raw, start, end):
        if end <= start:
            return
        self._parts.append(raw[start:end])
        self._map.extend(range(start, end))

    def synthetic(self, text, at):
        if not text:
            return
        self._parts.append(text)
        self._map.extend([at] * len(text))

    def last_char(self):
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def __len__(self):
        return len(self._map)

    def build(self):
        return "".join(self._parts), self._map


RAW = "Memorandum of Conversation\r\nSECRET\nThe Secretary said that ~~the~~ he agreed.\n"
OPS = st.lists(st.one_of(
    st.tuples(st.just("copy"), st.integers(0, len(RAW)), st.integers(0, len(RAW))),
    st.tuples(st.just("synthetic"), st.sampled_from(["", "\n", " ", "\n\n"]), st.integers(0, len(RAW))),
    st.tuples(st.just("follow"), st.integers(0, 12), st.integers(0, 0)),
), max_size=30)


@settings(max_examples=300, deadline=None)
@given(OPS)
def test_any_copies_and_separators_build_the_text_and_map_of_the_plain_builder(ops):
    joined, plain = TextBuilder(len(RAW)), PlainBuilder(len(RAW))
    last_end = 0
    for op, a, b in ops:
        if op == "follow":               # a copy that continues the last one (a line's next line)
            op, a, b = "copy", last_end, min(len(RAW), last_end + a)
        for builder in (joined, plain):
            getattr(builder, op)(RAW, a, b) if op == "copy" else builder.synthetic(a, b)
        if op == "copy" and b > a:
            last_end = b
        assert len(joined) == len(plain) and joined.last_char() == plain.last_char()
    assert joined.build() == plain.build()


def test_every_real_document_reads_the_same_with_the_plain_builder(monkeypatch):
    def snapshot(t):
        return (t.text, t.raw_at, t.lines, t.paragraphs, t.body_start, t.blocks, t.markup, t.metadata)

    joined = [snapshot(read_file(p)) for p in real_paths()]
    for module in (kg.reading.markdown, kg.reading.plaintext, kg.reading.tei):
        monkeypatch.setattr(module, "TextBuilder", PlainBuilder)
    assert [snapshot(read_file(p)) for p in real_paths()] == joined


def test_the_counting_array_counts_from_zero_however_far_it_grew():
    from kg.reading.transcript import _counting
    for end in (10, 3, 1000, 70000, 5):
        counted = _counting(end)
        assert len(counted) >= end and list(counted[:end]) == list(range(end))
    assert list(counted) == list(range(len(counted)))
