"""Plain OCR text (the JFK releases) as the plaintext reader sees it.

Fixtures: tests/fixtures/jfk (copies from noops888/jfk-files-text, see the README there).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.reading import read_file, read_text
from kg.reading.plaintext import match_banner, read_plaintext, sniff

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "jfk"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_518769ec419a4fc7.txt"

FORM_AND_TELEGRAM = FIX / "2023__176-10036-10021.md"
CAPS_TELEGRAM = FIX / "2023__176-10036-10158.md"
MEMCON_2021 = FIX / "2021__docid-32406891.md"
MEMCON_2018 = FIX / "2018__104-10167-10256.md"
TELEGRAM_2018 = FIX / "2018__104-10438-10210.md"
FORM_NO_MARKERS = FIX / "2022__176-10036-10019.md"


def read(path: Path):
    return read_file(path)


def reading_lines(t) -> list[str]:
    return [t.line_text(ln) for ln in t.lines if ln.kind == "text"]


# --- which reader ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(FIX.glob("*.md")), ids=lambda p: p.name)
def test_every_jfk_ocr_file_is_read_as_plain_ocr_not_markdown(path):
    t = read(path)
    assert t.reader == "plaintext"
    assert sniff(t.raw) > 0.5          # the markdown reader's fallback score


def test_a_nara_identification_form_is_read_as_plain_ocr_not_markdown():
    t = read(FORM_NO_MARKERS)
    assert t.reader == "plaintext"
    assert t.metadata["genre_hint"] == "nara-identification-form"
    assert "RECORD NUMBER : 176-10036-10019" in t.text


def test_the_seed_transcription_with_struck_words_still_goes_to_the_markdown_reader():
    raw = SEED.read_text(encoding="utf-8")
    assert "~~" in raw and "<sup>" in raw
    assert sniff(raw) < 0.5
    assert read_text(SEED.name, raw).reader == "markdown"


def test_tildes_in_ocr_are_debris_kept_as_printed_not_a_deletion():
    raw = FORM_NO_MARKERS.read_text(encoding="utf-8") + "\nSAID ~~HE WOULD~~ NOT COME.\n"
    t = read_text("x.md", raw)
    assert t.reader == "plaintext"
    assert "SAID ~~HE WOULD~~ NOT COME." in t.text
    assert t.markup == []


# --- page markers, headings, banners ------------------------------------------------------


def test_a_page_marker_is_not_part_of_the_reading_text():
    t = read(FORM_AND_TELEGRAM)
    assert "## Page" not in t.text
    pages = [b for b in t.blocks if b.kind == "page"]
    assert [b.text for b in pages] == ["Page 1", "Page 2", "Page 3"]
    assert [b.raw.exact for b in pages] == ["## Page 1", "## Page 2", "## Page 3"]
    assert all(t.raw[b.raw.start:b.raw.end] == b.raw.exact for b in pages)
    assert t.metadata["page_markers"] == 3
    assert "---" not in reading_lines(t)            # the converter's rule between pages


def test_the_converters_title_line_is_a_heading_block_not_text():
    t = read(MEMCON_2021)
    heading = [b for b in t.blocks if b.kind == "heading"]
    assert [(b.text, b.raw.exact, b.raw_line) for b in heading] == [
        ("DOCID-32406891", "# DOCID-32406891", 1)]
    assert "# DOCID" not in t.text


def test_a_banner_on_its_own_line_leaves_the_flow_and_is_recorded_as_printed():
    t = read(FORM_AND_TELEGRAM)
    banners = [b for b in t.blocks if b.kind == "banner"]
    assert [b.text for b in banners] == ["SECRET"] * 4
    assert [b.raw_line for b in banners] == [73, 157, 169, 245]
    assert "SECRET" not in reading_lines(t)
    assert [m["marking"] for m in t.metadata["banners"]] == ["SECRET"] * 4


def test_ocr_variants_of_a_banner_are_recognised_and_normalised():
    t = read(CAPS_TELEGRAM)
    found = {(m["printed"], m["marking"]) for m in t.metadata["banners"]}
    assert ("EVES ONLY", "EYES ONLY") in found
    assert ("TOP SECRETE", "TOP SECRET") in found
    for m in t.metadata["banners"]:
        s, e = m["span"]
        assert t.raw[s:e] == m["printed"]


def test_debris_around_a_banner_stays_in_the_block_but_not_in_the_marking():
    t = read(MEMCON_2018)
    [banner] = [b for b in t.blocks if b.kind == "banner"]
    assert banner.text == "oo : SECRET |"
    assert t.metadata["banners"][0]["printed"] == "SECRET"


@pytest.mark.parametrize("line, marking", [
    ("SECRET", "SECRET"),
    ("S E C R E T", "SECRET"),
    ("CONFIDENTIAI", "CONFIDENTIAL"),
    ("SECRET - EYES ONLY", "SECRET - EYES ONLY"),
    ("TOP SECRET", "TOP SECRET"),
    ("7-0 SECRET", "SECRET"),
    ("EVES ONLY", "EYES ONLY"),
])
def test_banner_lines(line, marking):
    assert match_banner(line)[0] == marking


@pytest.mark.parametrize("line", [
    "informs Nyembo reported on secret t/rip to France with",
    "SECRET 50-124-28/4",                 # a control number is not debris
    "CONFIDENTIAL. TROTTER",
    "TELEGRAM SECRET CORRECTION ISSUED: 11/30/63",
    "ONLY",
    "Secretary of State",
])
def test_lines_that_are_not_banners(line):
    assert match_banner(line) is None


def test_a_classification_word_in_running_text_stays_in_the_text():
    t = read(FORM_NO_MARKERS)
    assert "informs Nyembo reported on secret t/rip to France with" in reading_lines(t)


# --- genre cues ---------------------------------------------------------------------------


def test_a_form_followed_by_a_telegram_gives_both_cues_in_page_order():
    t = read(FORM_AND_TELEGRAM)
    assert t.metadata["genre_hint"] == "nara-identification-form"
    cues = [(c["genre"], c["cue"]) for c in t.metadata["genre_cues"]]
    assert cues == [("nara-identification-form", "JFK ASSASSINATION SYSTEM"),
                    ("telegram", "INCOMING TELEGRAM")]
    for c in t.metadata["genre_cues"]:
        s, e = c["span"]
        assert t.raw[s:e] == c["cue"]


def test_a_state_telegram_and_a_memorandum_are_told_by_their_headings():
    assert read(TELEGRAM_2018).metadata["genre_hint"] == "telegram"
    t = read(MEMCON_2018)
    assert t.metadata["genre_hint"] == "memorandum"
    assert t.metadata["genre_cues"][0]["cue"] == "Memorandum of Conversation"


def test_a_cia_cable_is_told_by_its_classified_message_heading():
    raw = ("SECRET\n\nCLASSIFIED MESSAGE\n\nTO : DIRECTOR\nFROM : MEXICO CITY\n"
           "CITE MEXI 6453\n\n1. SUBJECT WAS SEEN AT THE CONSULATE ON THE MORNING OF 28 SEPT.\n")
    t = read_plaintext("cable.md", raw)
    assert t.metadata["genre_hint"] == "cia-cable"
    assert t.metadata["genre_cues"][0]["line"] == 3


def test_no_cue_means_no_genre_hint():
    t = read_plaintext("x.md", "Some words of a note that says nothing about its layout.\n")
    assert "genre_hint" not in t.metadata


# --- body -----------------------------------------------------------------------------------


def test_the_body_begins_with_the_first_prose_after_the_form_and_the_telegram_header():
    t = read(FORM_AND_TELEGRAM)
    assert t.text[t.body_start:].startswith("In discussion with UK Consul Dodson and myself last night,")
    first = t.paragraphs[0]
    assert t.text[first[0]:first[1]].endswith('decorations".')


def test_double_spaced_ocr_lines_are_joined_into_one_paragraph():
    t = read(FORM_AND_TELEGRAM)
    para = next(t.text[a:b] for a, b in t.paragraphs if "Mathu smarting" in t.text[a:b])
    assert para.startswith("It obvious Mathu smarting under criticism from Gardiner during")
    assert "Mathu boss in Elisabethville or Indians." in para


def test_an_all_capital_cable_has_body_paragraphs():
    t = read(CAPS_TELEGRAM)
    paras = [t.text[a:b] for a, b in t.paragraphs]
    assert any(p.startswith("1. GENERAL• TO DATE THERE HAVE BEEN NO RPT NO CLEAR INDICATIONS")
               for p in paras)
    # the all-capital release stamp on top of the form is not the body
    assert "RELEASE UNDER THE PRESIDENT" not in t.text[t.body_start:t.body_start + 200]


def test_crlf_files_read_the_same_and_keep_offsets_into_the_crlf_text():
    raw = FORM_AND_TELEGRAM.read_text(encoding="utf-8").replace("\n", "\r\n")
    t = read_text("crlf.md", raw)
    assert t.reader == "plaintext"
    assert "\r" not in t.text
    assert [b.raw.exact for b in t.blocks if b.kind == "page"] == ["## Page 1", "## Page 2", "## Page 3"]
    a, b = t.paragraphs[0]
    s = t.span(a, b)
    assert raw[s.start:s.end] == s.exact and s.exact.startswith("In discussion with UK Consul")


def test_every_reading_character_is_the_raw_character_it_maps_to():
    for path in sorted(FIX.glob("*.md")):
        t = read(path)
        assert len(t.text) == len(t.raw_at)
        assert all(t.raw[r] == c for c, r in zip(t.text, t.raw_at))
        assert list(t.raw_at) == sorted(t.raw_at)


def test_a_header_caption_that_runs_into_the_subject_line_is_not_the_first_paragraph():
    # the printed FRUS memoranda of a delegation: a caption in capitals above SUBJECT:
    t = read_plaintext("m.md", (
        "SECRET; EXDIS\nMEMORANDUM OF CONVERSATION\nNew York, September 22, 1966, 8:15 p.m.\n"
        "US/MC/11\nSECRETARY'S DELEGATION TO THE TWENTY-FIRST SESSION OF THE UNITED NATIONS "
        "GENERAL ASSEMBLY\nNew York, September-October 1966\nSUBJECT: Outer Space\n"
        "PARTICIPANTS: US - The Secretary\nUSSR - Mr. Gromyko\n\n"
        "The Secretary expressed the hope that the negotiations could soon be concluded.\n\n"
        "Mr. Gromyko agreed that the negotiations had achieved positive results.\n"))
    assert [t.text[a:b] for a, b in t.paragraphs] == [
        "The Secretary expressed the hope that the negotiations could soon be concluded.",
        "Mr. Gromyko agreed that the negotiations had achieved positive results."]


def test_a_genre_cue_skipped_for_want_of_its_letters_would_have_found_nothing():
    # the pre-filter of the genre cues: the search of every real document and of texts with
    # letters that fold oddly ("ſ", "İ") finds what the plain search of each cue finds
    from kg.reading.plaintext import _GENRE_CUES, _Probe, _multiline
    from tests.real_texts import real_transcripts

    texts = [t.text for t in real_transcripts()] + [t.raw[:30000] for t in real_transcripts()]
    texts += ["MEMORANDUM FOR THE RECORD", "memorandum of converſation", "İNCOMING TELEGRAM",
              "ıncoming telegram\nDEPARTMENT OF STATE", " CLASSIFIED MESSAGE", "DISPATCH"]
    found = 0
    for text in texts:
        probe = _Probe(text)
        for k, (_genre, rx) in enumerate(_GENRE_CUES):
            plain = _multiline(rx).search(text)
            got = probe.search(k)
            assert (got and (got.span(), got.group())) == (plain and (plain.span(), plain.group())), (k, text[:60])
            found += plain is not None
    assert found > 20


def test_the_function_words_of_a_line_are_counted_as_a_loop_of_each_word_counts_them():
    from kg.reading.plaintext import _FUNCTION_WORDS, _function_words
    from tests.real_texts import real_transcripts

    counted = 0
    for t in real_transcripts():
        for ln in t.lines:
            words = t.line_text(ln).split()
            plain = sum(w.strip(".,;:()\"'") in _FUNCTION_WORDS for w in words)
            assert _function_words(words) == plain, words
            counted += plain
    assert _function_words("(THE) OF, 'TO' and The".split()) == 3
    assert counted > 100


def test_a_genre_cue_found_in_the_lines_that_print_its_words_is_the_first_in_the_whole_text():
    # kg.reading.plaintext searches a genre cue only in the lines that print one of its words;
    # in every real document's reading text, raw text and head (as sniff sees it), and in the
    # cue lines of each genre, it finds what the search of the whole text finds
    from kg.reading.plaintext import _GENRE_CUES, _Probe
    from tests.real_texts import real_transcripts

    cue_lines = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\n AGENCY INFORMATION\n"
                 "INCOMING TELEGRAM Department of State\n- AIRGRAM\nTELEGRAM  x DEPARTMENT OF STATE\n"
                 "CLASSIFIED MESSAGE\nCITE WAVE 1234\nDISPATCH\nMemorandum for the Record\n")
    texts = [cue_lines, cue_lines.lower(), cue_lines.replace("\n", " ")]
    for t in real_transcripts():
        texts += [t.text, t.raw[:30000].replace("\r\n", "\n").replace("\r", "\n"), t.raw]
    found = 0
    for text in texts:
        probe = _Probe(text)
        for k in range(len(_GENRE_CUES)):
            got, plain = probe.search(k), probe.search(k, every_line=True)
            assert (got and (got.span(), got.group())) == (plain and (plain.span(), plain.group())), k
            found += plain is not None
    assert found >= 10, found


def test_the_banner_word_of_a_token_is_the_first_word_that_lists_it_or_one_an_edit_away():
    # kg.reading.plaintext._banner_word looks a token up in one table of every variant and keeps
    # its answers; on every token of every real document, on every listed variant and on
    # one-edit misreadings, it answers what the loop over the banner words answers
    import re

    from kg.reading.plaintext import _BANNER_WORDS, _banner_word, _misread_banner_word
    from tests.real_texts import real_transcripts

    def plain(token):
        word = token.upper()
        return next((canon for canon, variants in _BANNER_WORDS.items() if word in variants),
                    None) or _misread_banner_word(word)

    tokens = {v for vs in _BANNER_WORDS.values() for v in vs} | {"secrat", "C0NFIDENTAL", "Eyes", "onlyy"}
    for t in real_transcripts():
        tokens |= set(re.findall(r"[^\s\-–/,;:.()|]+", t.raw))
    named = 0
    for token in sorted(tokens):
        assert _banner_word(token) == plain(token) == _banner_word(token), token
        named += plain(token) is not None
    assert named > 50, named
