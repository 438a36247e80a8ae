"""What an offset means, the same for every reader (README "Offsets").

Offsets count code points of the source decoded as UTF-8 with a leading byte-order mark
removed (``data.decode("utf-8-sig")``), with nothing normalised: a CRLF keeps its CR, a lone
CR is one character.  For TEI they count characters of the XML file, tags and references
included.  A file with a NUL byte is binary and refused.  Every line end (LF, CRLF, lone CR)
reads the same.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.pipeline import process_file
from kg.reading import ReadError, read_file

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "seeds" / "000_518769ec419a4fc7.txt"
TEI = FIXTURES / "tei" / "frus_memcon_d84.xml"
JFK_FORM = FIXTURES / "jfk" / "2021__docid-32396529.md"      # plain OCR with a review sheet
CABLE = FIXTURES / "cables" / "new_delhi_1977.txt"
MEMO = FIXTURES / "memos" / "frus_style_memcon.txt"
OA = "http://www.w3.org/ns/oa#"


def selectors(nquads: str) -> list[tuple[int, int, str]]:
    """(start, end, exact) of every text selector in a document's N-Quads."""
    found: dict = {}
    for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
        if q.predicate.value in (OA + "start", OA + "end", OA + "exact"):
            found.setdefault(q.subject.value, {})[q.predicate.value[len(OA):]] = q.object.value
    return sorted((int(v["start"]), int(v["end"]), v["exact"]) for v in found.values())


def published(path: Path):
    result = process_file(path)
    assert result.published, result.reason
    return result


def evidence(path: Path) -> list[tuple[str, tuple]]:
    """Every record's kind and its evidence spans, in order."""
    from kg.extracting import run
    return [(type(r).__name__, tuple((s.start, s.end, s.exact) for s in r.evidence))
            for r in run(read_file(path)).records]


def write(tmp_path: Path, folder: str, name: str, data: bytes) -> Path:
    (tmp_path / folder).mkdir(exist_ok=True)
    path = tmp_path / folder / name
    path.write_bytes(data)
    return path


# --- the byte-order mark --------------------------------------------------------------------


@pytest.mark.parametrize("source", [SEED, JFK_FORM, TEI], ids=lambda p: p.name)
def test_a_byte_order_mark_is_not_counted_the_graph_is_the_same_without_it(tmp_path, source):
    data = source.read_bytes()
    plain = published(write(tmp_path, "plain", source.name, data))
    marked = published(write(tmp_path, "bom", source.name, b"\xef\xbb\xbf" + data))
    assert marked.nquads == plain.nquads


def test_a_consumer_who_decodes_with_utf_8_sig_finds_every_exact(tmp_path):
    data = b"\xef\xbb\xbf" + MEMO.read_bytes()
    result = published(write(tmp_path, "bom", MEMO.name, data))
    text = data.decode("utf-8-sig")
    rows = selectors(result.nquads)
    assert len(rows) > 20
    assert all(text[s:e] == exact for s, e, exact in rows)
    # as plain UTF-8 the mark is a character: every row would be one off, hence "utf-8-sig"
    assert not any(data.decode("utf-8")[s:e] == exact for s, e, exact in rows if len(exact) > 3)


# --- line ends ----------------------------------------------------------------------------


@pytest.mark.parametrize("source", [SEED, JFK_FORM, CABLE, MEMO, TEI], ids=lambda p: p.name)
def test_a_crlf_file_gives_the_same_items_with_its_crs_counted(tmp_path, source):
    lf_text = source.read_text(encoding="utf-8")
    crlf = write(tmp_path, "crlf", source.name, lf_text.replace("\n", "\r\n").encode("utf-8"))
    crlf_text = crlf.read_bytes().decode("utf-8-sig")

    def shifted(offset: int) -> int:                # one CR before every LF before the offset
        return offset + lf_text.count("\n", 0, offset)

    expected = [(kind, tuple((shifted(s), shifted(e), x.replace("\n", "\r\n")) for s, e, x in spans))
                for kind, spans in evidence(source)]
    got = evidence(crlf)
    assert got == expected
    assert all(crlf_text[s:e] == x for _, spans in got for s, e, x in spans)


@pytest.mark.parametrize("source", [SEED, JFK_FORM, CABLE, MEMO, TEI], ids=lambda p: p.name)
def test_a_file_with_lone_crs_reads_like_its_lf_version_at_the_same_offsets(tmp_path, source):
    lf_text = source.read_text(encoding="utf-8")
    cr = write(tmp_path, "cr", source.name, lf_text.replace("\n", "\r").encode("utf-8"))
    assert read_file(cr).text == read_file(source).text
    expected = [(kind, tuple((s, e, x.replace("\n", "\r")) for s, e, x in spans))
                for kind, spans in evidence(source)]
    assert evidence(cr) == expected


# --- code points --------------------------------------------------------------------------


def test_offsets_count_code_points_not_bytes_nor_utf16_units(tmp_path):
    memo = MEMO.read_text(encoding="utf-8")
    prefix = "😀 é\u0301 \u200b\f\n"               # astral, combining mark, zero-width, form feed
    path = write(tmp_path, "astral", MEMO.name, (prefix + memo).encode("utf-8"))
    shifted = [(kind, tuple((s + len(prefix), e + len(prefix), x) for s, e, x in spans))
               for kind, spans in evidence(MEMO)]
    assert len(prefix) == 8 and len(prefix.encode("utf-8")) == 15
    assert evidence(path) == shifted


# --- NUL and other binary content ---------------------------------------------------------


def test_a_nul_byte_anywhere_makes_the_file_binary_with_its_position(tmp_path):
    data = SEED.read_bytes()
    at = len(data) - 100                              # far past the first 8 KB looked at before
    path = write(tmp_path, "nul", "seed.txt", data[:at] + b"\x00" + data[at:])
    with pytest.raises(ReadError, match=rf"seed.txt: binary file \(a NUL byte at byte {at}\)"):
        read_file(path)


def test_utf_32_and_utf_16_are_refused_with_what_to_do(tmp_path):
    for encoding, label in (("utf-32", "UTF-32"), ("utf-16", "UTF-16")):
        path = write(tmp_path, encoding, "memo.txt", "MEMORANDUM OF CONVERSATION\n".encode(encoding))
        with pytest.raises(ReadError, match=f"{label} text; re-encode the file as UTF-8"):
            read_file(path)


# --- TEI: offsets into the XML file ---------------------------------------------------------


def test_tei_offsets_are_into_the_xml_file_markup_included():
    t = read_file(TEI)
    xml = TEI.read_bytes().decode("utf-8-sig")
    assert t.raw == xml
    k = t.text.index("Kuznetsov replied")
    span = t.span(k - 4, k + len("Kuznetsov replied"))
    assert span.exact == 'Mr. <persName corresp="#p_KVV1">Kuznetsov</persName> replied'
    assert xml[span.start:span.end] == span.exact


def test_a_tei_span_ending_on_a_character_reference_takes_the_whole_reference():
    t = read_file(TEI)
    k = t.text.index("commitments &")
    span = t.span(k, k + len("commitments &"))
    assert span.exact == "commitments &amp;"
    assert t.raw[span.start:span.end] == span.exact


# --- property: generated files, every layer exact -----------------------------------------

PIECES = ["MEMORANDUM OF CONVERSATION", "SECRET", "~~SECRET~~", "- 2 -", "## Page 3",
          "PARTICIPANTS: US - Ambassador Stevenson", "Mr. Kuznetsov said that", "[REDACTED]",
          "<sup>not</sup>", "**bold**", "1. THE EMBASSY CALLED ON FOREIGN MINISTER AREILZA.",
          "DECLASSIFIED Authority NLK-92-44", "é", "😀", "\u200b", "\t", "\f", "\u2028", " "]
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=6), min_size=1, max_size=30),
       st.lists(LINE_ENDS, min_size=1, max_size=3), st.booleans())
def test_any_file_with_a_bom_and_mixed_line_ends_maps_every_layer_back_exactly(
        tmp_path_factory, lines, ends, bom):
    text = "".join(" ".join(words) + ends[i % len(ends)] for i, words in enumerate(lines))
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    if not text.strip():
        return
    path = tmp_path_factory.mktemp("gen") / "doc.txt"
    path.write_bytes(data)
    t = read_file(path)
    decoded = data.decode("utf-8-sig")
    assert t.raw == decoded
    spans = [b.raw for b in t.blocks] + [m.raw for m in t.markup] + [m.inner for m in t.markup]
    spans += [t.span(ln.start, ln.end) for ln in t.lines] + [t.span(a, b) for a, b in t.paragraphs]
    assert all(decoded[s.start:s.end] == s.exact for s in spans)
    assert "\r" not in t.text                        # every line end reads as one "\n"
    lf = tmp_path_factory.mktemp("lf") / "doc.txt"
    lf.write_bytes(decoded.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8"))
    assert t.text == read_file(lf).text
