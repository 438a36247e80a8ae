"""FRUS TEI XML as the TEI reader sees it.

Fixture: tests/fixtures/tei/frus_memcon_d84.xml, a hand-made document in the markup of the
Office of the Historian's volumes (HistoryAtState/frus): a volume with two documents, the
first a memorandum of conversation with a source note, a dateline, subject and participant
lists, a footnote, a page break, entity and character references.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.reading import ReadError, read_file, read_text
from kg.reading.tei import read_tei, sniff

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus_memcon_d84.xml"


@pytest.fixture(scope="module")
def t():
    return read_file(FIXTURE)


def at(t, key):
    """The raw text a metadata span points at."""
    s, e = t.metadata["tei"][key]
    return t.raw[s:e]


def test_a_tei_file_is_chosen_by_its_content_and_its_raw_text_is_the_xml(t):
    assert t.reader == "tei"
    assert t.raw == FIXTURE.read_text(encoding="utf-8")
    assert sniff(t.raw) > 0.9


def test_participants_come_from_the_tei_list_with_their_frus_person_reference(t):
    people = t.metadata["tei"]["participants"]
    assert [(p["name"], p["corresp"], p["role"]) for p in people] == [
        ("Adlai E. Stevenson", "#p_SAE1", "Ambassador to the United Nations"),
        ("Roswell L. Gilpatric", "#p_GRL1", "Deputy Secretary of Defense"),
        ("Charles W. Yost", "#p_YCW1", "Deputy Representative to the United Nations"),
        ("Alexander Akalovsky", "#p_AA1", "Interpreter"),
        ("Vasily V. Kuznetsov", "#p_KVV1", "First Deputy Foreign Minister"),
        ("Valerian A. Zorin", "#p_ZVA1", "Permanent Representative to the United Nations"),
    ]


def test_every_participant_value_cites_its_exact_place_in_the_xml(t):
    kuznetsov = t.metadata["tei"]["participants"][4]
    s, e = kuznetsov["name_span"]
    assert t.raw[s:e] == "Vasily V. Kuznetsov"
    s, e = kuznetsov["role_span"]
    assert t.raw[s:e] == "First Deputy Foreign Minister"
    s, e = kuznetsov["span"]
    assert t.raw[s:e] == ('Vasily V. Kuznetsov</persName>, First Deputy Foreign Minister')


def test_the_dateline_gives_the_iso_date_the_printed_date_and_the_place(t):
    tei = t.metadata["tei"]
    assert tei["date"] == "1962-11-06"
    assert at(t, "date_span") == "1962-11-06"                 # the @when value
    assert tei["date_printed"] == "November 6, 1962, 4–9:30 p.m."
    assert at(t, "date_printed_span") == "November 6, 1962, 4&#8211;9:30 p.m."
    assert (tei["place"], at(t, "place_span")) == ("New York", "New York")


def test_the_head_the_subject_the_document_and_the_volume(t):
    tei = t.metadata["tei"]
    assert (tei["title"], at(t, "title_span")) == ("84. Memorandum of Conversation",) * 2
    assert (tei["subject"], at(t, "subject_span")) == ("Cuba", "Cuba")
    assert (tei["doc_id"], tei["doc_n"], at(t, "doc_id_span")) == ("d84", "84", "d84")
    assert (tei["frus_volume"], at(t, "frus_volume_span")) == ("frus1961-63v11",) * 2


def test_classification_and_drafter_are_read_from_the_source_note(t):
    tei = t.metadata["tei"]
    assert tei["source_note"].startswith("Source: Department of State, Central Files, 737.56361/11–662.")
    assert (tei["classification"], at(t, "classification_span")) == ("Secret; Eyes Only",) * 2
    assert (tei["drafter"], at(t, "drafter_span")) == ("Akalovsky", "Akalovsky")


def test_the_source_note_and_footnotes_are_apparatus_not_reading_text(t):
    assert "Central Files" not in t.text
    assert "See Document 79" not in t.text
    [note] = t.metadata["tei"]["notes"]
    assert (note["n"], note["text"]) == ("2", "See Document 79.")
    s, e = note["span"]
    assert t.raw[s:e] == 'See <ref target="#d79">Document 79</ref>.'


def test_the_reading_text_is_the_documents_text_one_line_per_block(t):
    lines = [(ln.kind, t.line_text(ln)) for ln in t.lines]
    assert lines[:5] == [("heading", "84. Memorandum of Conversation"),
                         ("dateline", "New York, November 6, 1962, 4–9:30 p.m."),
                         ("heading", "SUBJECT"), ("item", "Cuba"), ("heading", "PARTICIPANTS")]
    assert "Vasily V. Kuznetsov, First Deputy Foreign Minister" in [x for _, x in lines]
    assert "<persName" not in t.text and "page break as in" not in t.text   # tags, comments out


def test_body_paragraphs_are_the_p_elements(t):
    paras = [t.text[a:b] for a, b in t.paragraphs]
    assert len(paras) == 3
    assert paras[0].startswith("Ambassador Stevenson opened the conversation by inviting Mr. Kuznetsov")
    assert paras[2] == "The conversation ended at 9:30 p.m."
    assert t.body_start == t.paragraphs[0][0]


def test_references_read_as_their_character_and_cite_the_reference(t):
    i = t.text.index("commitments & that")
    s = t.span(i, i + len("commitments & that"))
    assert s.exact == "commitments &amp; that"
    i = t.text.index("Union’s view")
    assert t.span(i, i + len("Union’s")).exact == "Union&#8217;s"


def test_a_page_break_is_a_page_block(t):
    [pb] = [b for b in t.blocks if b.kind == "page"]
    assert pb.text == "Page 389"
    assert pb.raw.exact == '<pb n="389" xml:id="pg_389" facs="0417"/>'


def test_of_several_documents_the_first_is_read_and_the_rest_are_named(t):
    tei = t.metadata["tei"]
    assert (tei["documents_in_file"], tei["other_documents"]) == (2, ["d85"])
    assert "Eyes only for the Secretary" not in t.text


def test_every_span_of_the_reading_text_is_an_exact_slice_of_the_xml(t):
    for a, b in t.paragraphs + [(ln.start, ln.end) for ln in t.lines]:
        s = t.span(a, b)
        assert t.raw[s.start:s.end] == s.exact
    assert list(t.raw_at) == sorted(t.raw_at)


def test_a_crlf_volume_reads_the_same_values_at_crlf_offsets():
    raw = FIXTURE.read_text(encoding="utf-8").replace("\n", "\r\n")
    t = read_text("crlf.xml", raw)
    people = t.metadata["tei"]["participants"]
    s, e = people[0]["role_span"]
    assert raw[s:e] == "Ambassador to the United Nations"
    assert t.metadata["tei"]["classification"] == "Secret; Eyes Only"
    assert "\r" not in t.text


def test_xml_that_is_not_tei_is_refused_clearly():
    with pytest.raises(ReadError, match="not a TEI document"):
        read_text("feed.xml", '<?xml version="1.0"?>\n<rss><channel><title>x</title></channel></rss>\n')


def test_malformed_tei_is_refused_with_the_parsers_reason():
    with pytest.raises(ReadError, match="not well-formed"):
        read_text("bad.xml", '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><p>x</text></TEI>')


def test_a_tei_file_without_a_document_division_is_read_from_its_text():
    raw = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>'
           '</titleStmt></fileDesc></teiHeader><text><body><p>Only a paragraph.</p></body></text></TEI>')
    t = read_tei("plain.xml", raw)
    assert t.text.strip() == "Only a paragraph."
    assert t.metadata["tei"]["doc_id"] is None and t.metadata["tei"]["documents_in_file"] == 0
