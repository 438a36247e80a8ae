"""The source text as printed: the page's text content is the raw file, highlights nest."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from kg.reading.markdown import read_markdown
from kg.site.text import Span, hidden_ranges, layout_spans, render


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]*>", "", html))


class Offsets(HTMLParser):
    """(tag, attrs, start, end) of every element, offsets counted in text characters."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pos, self.open, self.elements = 0, [], []

    def handle_starttag(self, tag, attrs):
        self.open.append((tag, dict(attrs), self.pos))

    def handle_endtag(self, tag):
        name, attrs, start = self.open.pop()
        assert name == tag, f"<{name}> closed by </{tag}>: elements do not nest"
        self.elements.append((tag, attrs, start, self.pos))

    def handle_data(self, data):
        self.pos += len(data)


def elements(html: str):
    parser = Offsets()
    parser.feed(html)
    assert not parser.open
    return parser.elements


RAW = "Mr. Gusev replied ~~that~~ that the <sup>Soviet</sup> side agreed.\n\n~~SECRET~~\n\n- 2 -\n"


def test_the_text_content_is_the_raw_source_and_markup_is_hidden() -> None:
    t = read_markdown("memo.md", RAW)
    html = render(RAW, layout_spans(t))
    assert text_of(html) == RAW
    hidden = ["".join(RAW[a:b] for a, b in [(s, e)]) for s, e in hidden_ranges(t)]
    assert hidden == ["~~", "~~", "<sup>", "</sup>", "~~", "~~"]
    tags = {(tag, RAW[s:e]) for tag, _a, s, e in elements(html)}
    assert ("del", "that") in tags and ("ins", "Soviet") in tags


def test_a_banner_and_a_page_number_are_marked_as_blocks() -> None:
    t = read_markdown("memo.md", RAW)
    blocks = {attrs.get("data-block"): RAW[s:e] for _t, attrs, s, e in elements(render(RAW, layout_spans(t)))
              if "data-block" in attrs}
    assert blocks == {"banner": "~~SECRET~~", "page": "- 2 -"}


def test_overlapping_highlights_are_split_into_nested_fragments_of_the_same_item() -> None:
    raw = "abcdefghij"
    spans = [Span(0, 6, "mark", "claim", (("data-item", "c"),)),
             Span(4, 9, "mark", "proposal", (("data-item", "p"),))]
    html = render(raw, spans)
    assert text_of(html) == raw
    pieces = {}
    for _tag, attrs, s, e in elements(html):
        pieces.setdefault(attrs["data-item"], []).append((s, e))
    assert sorted(pieces["c"]) == [(0, 6)]
    assert sorted(pieces["p"]) == [(4, 6), (6, 9)]          # reopened after the claim closes
    assert html.count(" id=\"p\"") == 1                         # one anchor per item


def test_a_link_inside_a_link_becomes_a_span() -> None:
    raw = "the President's letter"
    spans = [Span(0, 22, "a", "citation", (("href", "cited.html"),)),
             Span(4, 13, "a", "mention", (("href", "person.html"),))]
    html = render(raw, spans)
    assert html.count("<a ") == 1 and '<span class="mention">President</span>' in html


def test_text_is_escaped() -> None:
    raw = "a < b & c > d"
    assert text_of(render(raw, [Span(2, 3, "mark")])) == raw
    assert "<mark>&lt;</mark>" in render(raw, [Span(2, 3, "mark")])



def test_a_tei_file_shows_its_text_without_tags_indentation_or_character_references() -> None:
    from pathlib import Path

    from kg.reading import read_file

    path = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus_memcon_d84.xml"
    t = read_file(path)
    html = render(t.raw, layout_spans(t))
    assert text_of(html) == t.raw                          # every character still there, in order
    hidden = {t.raw[s:e] for s, e in hidden_ranges(t)}
    assert "</persName>" in hidden and "&#8211;" in t.raw
    assert '<span class="char" data-char="–">' in html    # shown as the dash it stands for
    assert any(h.strip(" \t") == "" and h for h in hidden)   # the XML's indentation
