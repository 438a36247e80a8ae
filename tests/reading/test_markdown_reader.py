"""The markdown transcription reader, specified on the seed's real OCR damage."""
from __future__ import annotations

from kg.reading import read_text
from kg.reading.markdown import read_markdown


def test_the_seed_is_read_by_the_markdown_reader(seed_transcript):
    assert seed_transcript.reader == "markdown"


def test_struck_words_leave_the_reading_text_and_insertions_stay(seed_transcript):
    t = seed_transcript
    assert "~~" not in t.text and "<sup>" not in t.text
    # "~~there~~<sup>they</sup> had been taken up" reads "they had been taken up"
    assert "they had been taken up in conversations" in t.text
    assert "there had been taken up" not in t.text


def test_emphasis_markers_are_dropped(seed_transcript):
    assert "what had already been discussed" in seed_transcript.text
    assert "*had*" not in seed_transcript.text


def test_run_together_header_lines_are_cut_again(seed_transcript):
    lines = [seed_transcript.line_text(ln).strip() for ln in seed_transcript.lines]
    assert "MEMORANDUM OF CONVERSATION" in lines
    assert "DRAFT" in lines
    assert "November 6, 1962" in lines
    assert "Mr. Akalovsky" in lines
    assert "USSR- Mr. Kuznetsov" in lines


def test_the_body_starts_where_the_stamp_block_runs_into_the_first_sentence(seed_transcript):
    t = seed_transcript
    assert t.text[t.body_start:].startswith("Ambassador Stevenson opened the conversation")


def test_page_numbers_in_several_forms_are_out_of_the_flow(seed_transcript):
    pages = [b.text for b in seed_transcript.blocks if b.kind == "page"]
    assert pages == ["- 2 -", "- 10 -", "- 19 -", "-35-", "-36-", "-38-"]
    assert "-35-" not in seed_transcript.text


def test_banners_struck_or_not_are_out_of_the_flow(seed_transcript):
    banners = {(b.raw_line, b.text, b.struck) for b in seed_transcript.blocks if b.kind == "banner"}
    assert (62, "SECRET", True) in banners               # ~~SECRET~~
    assert (100, "S SECRET", True) in banners            # S ~~SECRET~~
    assert (116, "SECRET - EYES ONLY", True) in banners
    assert (247, "SECRET", False) in banners             # **SECRET**
    assert (297, "CONFIDENTIAL", True) in banners


def test_a_paragraph_continues_across_a_page_break(seed_transcript):
    t = seed_transcript
    para = next(t.text[a:b] for a, b in t.paragraphs if "verification of the missiles" in t.text[a:b]
                or "not longer than the period" in t.text[a:b])
    assert "not longer than the period" in para and "until the departure of loaded ships" in para


def test_a_paragraph_cut_after_a_title_continues(seed_transcript):
    t = seed_transcript
    para = next(t.text[a:b] for a, b in t.paragraphs if "he also wished to remind Mr." in t.text[a:b])
    assert "Kuznetsov that the proposal to internationalize" in para


def test_every_reading_span_maps_back_to_the_exact_raw_text(seed_transcript):
    t = seed_transcript
    for a, b in t.paragraphs:
        s = t.span(a, b)
        assert t.raw[s.start:s.end] == s.exact
    s = t.span(t.body_start, t.body_start + 20)
    assert s.exact == "Ambassador Stevenson"
    assert t.raw[s.start:s.end] == "Ambassador Stevenson"


def test_deletions_and_insertions_are_recorded_with_their_words(seed_transcript):
    kinds = [m.kind for m in seed_transcript.markup]
    assert kinds.count("deletion") == 195
    assert kinds.count("insertion") == 94
    first = next(m for m in seed_transcript.markup if m.kind == "deletion")
    assert first.raw.exact == "~~CLASS~~" and first.inner.exact == "CLASS"


def test_a_redaction_stays_in_the_text_and_is_recorded(seed_transcript):
    red = [m for m in seed_transcript.markup if m.kind == "redaction"]
    assert [m.raw.exact for m in red] == ["[REDACTED]"]
    assert seed_transcript.raw.count("\n", 0, red[0].raw.start) + 1 == 269


def test_a_short_transcription_reads_without_a_header():
    t = read_markdown("x.md", "Mr. Rusk said that ~~the~~ <sup>a</sup> meeting was useful and productive today.\n")
    assert t.text.startswith("Mr. Rusk said that a meeting was useful")
    assert t.paragraphs and t.body_start == 0


def test_plain_text_falls_back_to_a_reader_that_copes():
    t = read_text("plain.txt", "A short note.\n")
    assert t.raw == "A short note.\n"
