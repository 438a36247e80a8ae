"""Files that are not transcriptions are refused by their content, with a one-line reason.

`kg build out/kg.ttl` used to "publish" the tool's own Turtle as a document of 50,863 triples.
RDF in every serialisation, JSON, a web page, a CSV table, PDFs and images are named for what
they are and refused whatever their file name; OCR text with angle brackets, '@', braces or
commas in it is still read.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef

from kg.reading import ReadError, read_file, read_text
from kg.reading.refusing import what_it_is

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
TRANSCRIPTIONS = sorted([*FIXTURES.glob("jfk/*.md"), *FIXTURES.glob("memos/*.txt"),
                         *FIXTURES.glob("cables/*.txt"), *FIXTURES.glob("tei/*.xml"),
                         ROOT / "seeds" / "000_518769ec419a4fc7.txt"])


@pytest.fixture(scope="module")
def document_graph() -> Graph:
    """The graph the pipeline makes of a fixture memorandum: the tool's own kind of output."""
    from kg.extracting import run
    from kg.mapping import to_graph
    from kg.resolving import resolve_document

    records = run(read_file(FIXTURES / "memos" / "frus_style_memcon.txt"))
    return to_graph(records, resolve_document(records))


def serialised(graph: Graph, fmt: str) -> str:
    if fmt in ("nquads", "trig"):
        ds = Dataset()
        named = ds.graph(URIRef("https://w3id.org/declass-kg/id/graph/x"))
        for triple in graph:
            named.add(triple)
        return ds.serialize(format=fmt)
    return graph.serialize(format=fmt)


@pytest.mark.parametrize("fmt, what", [
    ("turtle", "an RDF graph in Turtle"),
    ("nt", "an RDF graph in N-Triples"),
    ("nquads", "an RDF graph in N-Quads"),
    ("trig", "an RDF dataset in TriG"),
    ("json-ld", "an RDF graph in JSON-LD"),
    ("xml", "an RDF graph in RDF/XML"),
])
def test_the_tools_own_rdf_in_every_serialisation_is_refused(tmp_path, document_graph, fmt, what):
    path = tmp_path / "notes.txt"           # the name says text: the content decides
    path.write_text(serialised(document_graph, fmt), encoding="utf-8")
    with pytest.raises(ReadError) as exc:
        read_file(path)
    message = str(exc.value)
    assert message.startswith(f"notes.txt: {what}, not a transcription")
    assert "kg validate" in message and "\n" not in message


@pytest.mark.parametrize("text, what", [
    ("@prefix dk: <https://w3id.org/declass-kg/ontology#> .\n<a> dk:p \"x\" .\n", "Turtle"),
    ("PREFIX dk: <https://w3id.org/declass-kg/ontology#>\n<a> dk:p \"x\" .\n", "Turtle"),
    ("# a comment\n<http://ex.org/a> <http://ex.org/p> \"x\"@en .\n", "N-Triples"),
    ('{"@context": {"dk": "https://w3id.org/declass-kg/ontology#"}, "@id": "x"}', "JSON-LD"),
    ('[{"record": "104-10001-10004", "pages": 3}]', "JSON data"),
    (json.dumps({"documents": []}, indent=2), "JSON data"),
    ("<!DOCTYPE html>\n<html><body><p>MEMORANDUM</p></body></html>", "an HTML page"),
    ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "an HTML page"),
    ("{\\rtf1\\ansi MEMORANDUM OF CONVERSATION}", "an RTF document"),
])
def test_other_kinds_of_files_are_named_for_what_they_are(text, what):
    with pytest.raises(ReadError, match="not a transcription") as exc:
        read_text("x.md", text)
    assert what in str(exc.value) and str(exc.value).startswith("x.md: ")


def test_a_catalogue_exported_as_csv_is_a_table():
    rows = ["record_number,date,originator,title,pages"]
    rows += [f"104-10001-{10000 + i},1963-10-{i % 28 + 1:02d},CIA,\"CABLE, RE OSWALD\",{i % 9 + 1}"
             for i in range(30)]
    assert what_it_is("\n".join(rows)) == "a table (CSV)"
    tsv = "\n".join(["NAME\tAGENCY\tRECORD"] + [f"SMITH\tCIA\t104-10001-{10000 + i}" for i in range(25)])
    assert what_it_is(tsv) == "a table (tab-separated values)"


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF file"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip-compressed file"),
])
def test_binary_documents_are_named_with_what_to_do(tmp_path, data, what):
    path = tmp_path / "scan.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError, match="not a transcription") as exc:
        read_file(path)
    assert str(exc.value).startswith(f"scan.txt: {what}")


def test_kg_build_of_its_own_output_publishes_nothing_and_says_why(tmp_path):
    from kg.cli import main

    memo = tmp_path / "memo.txt"
    memo.write_text((FIXTURES / "memos" / "frus_style_memcon.txt").read_text(encoding="utf-8"),
                    encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(memo), "--out", str(tmp_path / "out"), "-j", "1",
                                 "--no-store"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(main, ["build", str(tmp_path / "out" / "kg.ttl"), "--out",
                                 str(tmp_path / "out2"), "-j", "1", "--no-store"])
    assert again.exit_code == 1
    assert "kg.ttl: an RDF graph in Turtle, not a transcription" in again.output
    assert "0 of 1 documents published" in again.output


# --- what is still a transcription ---------------------------------------------------------


@pytest.mark.parametrize("path", TRANSCRIPTIONS, ids=lambda p: p.name)
def test_every_fixture_transcription_is_read(path):
    assert what_it_is(path.read_text(encoding="utf-8")) is None


@pytest.mark.parametrize("text", [
    # OCR debris and printed conventions that look like markup
    "<< SECRET >>\nMEMORANDUM FOR: Chief, WH/4\nFROM: <illegible>\nSUBJECT: Contact report\n",
    "TO: DIRECTOR\nFROM: MEXI CITY @ 1435Z\nREF: DIR 85059\n1. SUBJ MET <C> AT 1900.\n",
    "{illegible} The Ambassador said that the Soviet Union {would} consider the proposal.\n",
    "[REDACTED]\n[1] Memorandum of Conversation\nParticipants: Mr. Rusk, Mr. Gromyko\n",
    "<p>\nThe Secretary said that he had read the note.\n",
    '"{ The President said that ... }"\nEnd of memorandum.\n',
    "@ 2:30 p.m. the Minister arrived.\nPREFIX OF FILE: 201-289248\n",
    # a list of names runs to twenty lines of three comma-separated parts: still a list
    "\n".join(f"{name}, {given}, {post}" for name, given, post in
              [("AGAFONOVA", "Roza", "Inturist Minsk"), ("AKSENOV", "Col.", "MVD Minsk"),
               ("ALEKSIN", "A.L.", "Minsk")] * 8),
])
def test_ocr_text_with_brackets_at_signs_braces_or_commas_is_a_transcription(text):
    assert what_it_is(text) is None
    assert read_text("ocr.txt", text).text.strip()


def test_the_control_characters_are_counted_as_a_loop_of_each_character_counts_them():
    from kg.reading import CONTROLS
    from tests.real_texts import real_transcripts

    texts = [t.raw for t in real_transcripts()] + ["".join(map(chr, range(64))) * 3, "a\x0bb\x0cc\x1fd\x7f"]
    for text in texts:
        head = text[:8192]
        plain = sum(1 for c in head if ord(c) < 32 and c not in "\n\r\t\f")
        assert len(CONTROLS.findall(text, 0, 8192)) == plain
    assert len(CONTROLS.findall(texts[-1])) == 2
