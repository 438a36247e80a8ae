"""Participants come from the printed list only, with sides as printed."""
from __future__ import annotations

from kg.extracting import participants
from kg.reading.markdown import read_markdown


def _rows(t):
    return [(p.side, p.title, p.name) for p in participants.extract(t, [])]


def test_the_seed_lists_four_americans_and_four_soviets(seed_transcript):
    assert _rows(seed_transcript) == [
        ("US", "Ambassador", "Stevenson"), ("US", "Secretary", "Gilpatrick"),
        ("US", "Ambassador", "Yost"), ("US", "Mr.", "Akalovsky"),
        ("USSR", "Mr.", "Kuznetsov"), ("USSR", "Mr.", "Zorin"),
        ("USSR", "Mr.", "Mendelevich"), ("USSR", "Mr.", "Zherebtsov")]


def test_a_side_run_together_with_the_previous_name_is_still_a_side(seed_transcript):
    # "Mr. AkalovskyUSSR- Mr. Kuznetsov": the OCR lost the line break
    ps = participants.extract(seed_transcript, [])
    kuz = next(p for p in ps if p.name == "Kuznetsov")
    assert kuz.side == "USSR"
    assert seed_transcript.raw[kuz.evidence[0].start:kuz.evidence[0].end] == "Mr. Kuznetsov"


def test_a_speaker_in_the_prose_is_not_a_participant(seed_transcript):
    names = {p.name for p in participants.extract(seed_transcript, [])}
    assert not names & {"Gusev", "Gromyko", "Grometsov", "McCloy", "Khrushchev"}


def test_participants_listed_at_the_end_with_an_office():
    raw = ("MEMORANDUM OF CONVERSATION\n\nWashington, October 18, 1962\n\nSUBJECT: Cuba\n\n"
           "The Secretary said that the United States would not accept the situation in Cuba.\n\n"
           "Mr. Gromyko replied that the Soviet Union had no offensive weapons there at all.\n\n"
           "PARTICIPANTS: The Secretary; Ambassador Thompson; Mr. Kohler\n\n"
           "OTHERS PRESENT: Foreign Minister Gromyko, Ambassador Dobrynin\n")
    rows = _rows(read_markdown("t.md", raw))
    # no side is printed: an office's country, or the person's in the authority file, gives it
    assert ("US", "The Secretary", None) in rows
    assert ("US", "Ambassador", "Thompson") in rows
    assert ("USSR", "Foreign Minister", "Gromyko") in rows
    assert ("USSR", "Ambassador", "Dobrynin") in rows
    assert len(rows) == 5


def test_an_entry_with_a_given_name_and_middle_initial_keeps_the_whole_name():
    raw = ("MEMORANDUM OF CONVERSATION\n\nMarch 6, 1961\n\nMr. Kohler opened the meeting.\n\n"
           "PARTICIPANTS:\nMr. Foy D. Kohler, Assistant Secretary for European Affairs\n"
           "Ambassador Mikhail A. Menshikov, USSR\nMr. Oleg Sokolov, Counselor, Soviet Embassy\n"
           "Mr. Walter Q. Nobody, Office of Soviet Affairs\n")
    rows = _rows(read_markdown("t.md", raw))
    assert ("US", "Mr.", "Foy D. Kohler") in rows
    # the entry's description names the side ("USSR", "Soviet Embassy")
    assert ("USSR", "Ambassador", "Mikhail A. Menshikov") in rows
    assert ("USSR", "Mr.", "Oleg Sokolov") in rows
    # unknown to the authority and no side in the description: none is invented
    assert (None, "Mr.", "Walter Q. Nobody") in rows


def test_no_list_no_participants():
    raw = "Mr. Rusk said that the talks had been useful and that he would report to the President.\n"
    assert _rows(read_markdown("t.md", raw)) == []


def test_a_word_of_the_prose_that_begins_like_the_label_opens_no_list():
    raw = ("Presenta el informe de la reunion con Hay y Frustredos sobre el Oceidente y mas.\n"
           "Presently the group moved to another room where the talks went on for an hour.\n")
    assert _rows(read_markdown("t.md", raw)) == []


def test_a_role_that_runs_over_the_line_is_no_new_participant():
    raw = ("TIME & PLACE: Home; 2245 Hours, 1 April 1960\n\n"
           "PARTICIPANTS: DCI; C/WHD; General Robert Cushman, Vice Presidential\n"
           "Military Aide; Mr. Walter Donnelly, Vice President of U. S.\n"
           "Steel; and Mr. William Pawley, Industrialist\n\n"
           "1. The DCI opened the meeting by stating that everybody present should be aware.\n")
    rows = _rows(read_markdown("t.txt", raw))
    # "DCI" is an office with holders in the data (the resolver names him by the date);
    # "C/WHD" is a desk, no one
    assert rows == [("US", "DCI", None), (None, "General", "Robert Cushman"),
                    (None, "Mr.", "Walter Donnelly"), (None, "Mr.", "William Pawley")]


def test_a_title_run_into_the_name_by_the_ocr_is_still_a_title():
    rows = _rows(read_markdown("t.txt", "PARTICIPANTS: Mr.Berle\n\nThe talks were long and useful for all of the people there.\n"))
    assert rows == [(None, "Mr.", "Berle")]


# --- the layouts of the printed FRUS memoranda (lines copied from FRUS 1958-60 vol. VIII and
# 1964-68 vols. XI and XIV, public domain; see tests/fixtures/memos/README.md) ----------------

def _frus(header_lines: str, body: str = "The Secretary said that the talks had been useful.\n") -> list:
    raw = ("SECRET; EXDIS\nMEMORANDUM OF CONVERSATION\nNew York, September 22, 1966, 8:15 p.m.\n"
           "SUBJECT: Outer Space\n" + header_lines + "\n" + body)
    return _rows(read_markdown("t.md", raw))


def test_each_side_on_its_own_line_with_the_side_caption_inline():
    # FRUS 1964-68 XI d151: the Soviet line follows the US one and is as long as prose
    rows = _frus(
        "PARTICIPANTS: US - The Secretary; Ambassador Llewellyn Thompson, S/AL; Mr. William D. "
        "Krimer, OPR/LS, Interpreter\n"
        "USSR - Andrei A. Gromyko, Minister of Foreign Affairs; Ambassador Nikolai Fedorenko, "
        "Ambassador to UN; Ambassador Anatoliy Dobrynin, Ambassador to US; Mr. Lev Mendelevitch, "
        "Deputy Delegate to UN; Mr. Sukhodrev, Interpreter\n")
    assert rows == [("US", "The Secretary", None), ("US", "Ambassador", "Llewellyn Thompson"),
                    ("US", "Mr.", "William D. Krimer"), ("USSR", None, "Andrei A. Gromyko"),
                    ("USSR", "Ambassador", "Nikolai Fedorenko"), ("USSR", "Ambassador", "Anatoliy Dobrynin"),
                    ("USSR", "Mr.", "Lev Mendelevitch"), ("USSR", "Mr.", "Sukhodrev")]


def test_a_side_caption_with_participants_and_entries_parted_by_commas():
    # FRUS 1964-68 XI d153: "US Participants - Secretary Dean Rusk, Ambassador ..."
    rows = _frus(
        "PARTICIPANTS: US Participants - Secretary Dean Rusk, Ambassador Arthur J. Goldberg, "
        "Mr. William D. Krimer (Interpreter)\n"
        "USSR Participants - Foreign Minister Andrei A. Gromyko, Mr. Alexei A. Roschin, "
        "Mr. Sukhodrev (Interpreter)\n"
        "Drafted by William D. Krimer\n")
    assert rows == [("US", "Secretary", "Dean Rusk"), ("US", "Ambassador", "Arthur J. Goldberg"),
                    ("US", "Mr.", "William D. Krimer"), ("USSR", "Foreign Minister", "Andrei A. Gromyko"),
                    ("USSR", "Mr.", "Alexei A. Roschin"), ("USSR", "Mr.", "Sukhodrev")]


def test_the_drafting_line_under_the_list_is_no_participant():
    rows = _frus("PARTICIPANTS: The President; Ambassador Menshikov\nDrafted by Thompson\n")
    assert [r[2] for r in rows] == [None, "Menshikov"]


def test_a_rank_before_the_office_is_part_of_the_title():
    # FRUS 1958-60 VIII d137: "First Deputy Prime Minister Mikoyan"
    rows = _frus("PARTICIPANTS: The President; The Secretary of State; First Deputy Prime Minister "
                 "Mikoyan; Ambassador Menshikov; Mr. Troyanovski\n")
    assert ("US", "The Secretary of State", None) in rows
    assert ("USSR", "First Deputy Prime Minister", "Mikoyan") in rows
    assert len(rows) == 5


def test_whole_names_without_titles_and_the_side_from_the_description():
    # FRUS 1958-60 VIII d135: one line, no side captions; three-part names
    rows = _frus(
        "PARTICIPANTS: Anastas I. Mikoyan, Deputy Premier of the USSR; Aleksandr Alekseevich "
        "Soldatov, Ministry of Foreign Affairs, USSR; John Foster Dulles, Secretary of State; "
        "Edward L. Freers, Director, Office of Eastern European Affairs\n")
    assert rows == [("USSR", None, "Anastas I. Mikoyan"), ("USSR", None, "Aleksandr Alekseevich Soldatov"),
                    ("US", None, "John Foster Dulles"), (None, None, "Edward L. Freers")]


def test_dotted_side_captions_and_a_suffix_after_the_surname():
    # FRUS 1964-68 XIV d14 and d75: "U.S.S.R. -", "U.S. -", "Clarence D. Martin, Jr."
    rows = _frus(
        "PARTICIPANTS: U.S.S.R. - Mr. Aleksey Nikolayevich Kosygin, First Deputy Chairman of the "
        "Council of Ministers of the USSR; Viktor G. Bakayev, Minister of Merchant Marine\n"
        "U.S. - Clarence D. Martin, Jr., Under Secretary of Commerce; Joseph Kahn, President, "
        "Trans Eastern Associates, New York; Mr. R. H. Davis\n")
    assert rows == [("USSR", "Mr.", "Aleksey Nikolayevich Kosygin"), ("USSR", None, "Viktor G. Bakayev"),
                    ("US", None, "Clarence D. Martin, Jr."), ("US", None, "Joseph Kahn"),
                    ("US", "Mr.", "R. H. Davis")]


def test_a_description_cut_by_a_semicolon_is_no_participant():
    # FRUS 1964-68 XIV d78: "Mr. Smirnovskiy, Chief, American; Section, Foreign Ministry"
    rows = _frus("PARTICIPANTS: U.S.S.R. - Deputy Foreign Minister Semenov; Mr. Smirnovskiy, Chief, "
                 "American; Section, Foreign Ministry; Mr. Sukhodrev\n")
    assert rows == [("USSR", "Deputy Foreign Minister", "Semenov"), ("USSR", "Mr.", "Smirnovskiy"),
                    ("USSR", "Mr.", "Sukhodrev")]


def test_those_present_listed_at_the_end_one_a_paragraph_under_side_captions():
    # FRUS 1964-68 XIV d234: "Also present at the luncheon were:" and captions in capitals
    rows = _frus(
        "PARTICIPANTS: US - President Lyndon B. Johnson\nUSSR - Alexei Kosygin, Chairman\n",
        "The President said that the luncheon had been very pleasant.\n\n"
        "Also present at the luncheon were:\n\nUS PARTICIPANTS\n\nSecretary Dean Rusk\n\n"
        "Governor Averell Harriman\n\nMr. William D. Krimer, Interpreter, Department of State\n\n"
        "USSR PARTICIPANTS\n\nAmbassador ANATOLIY DOBRYNIN\n\nMr. L. Zamiatin, Chief of Press "
        "Department, Ministry of Foreign Affairs\n")
    assert rows == [("US", "President", "Lyndon B. Johnson"), ("USSR", None, "Alexei Kosygin"),
                    ("US", "Secretary", "Dean Rusk"), ("US", "Governor", "Averell Harriman"),
                    ("US", "Mr.", "William D. Krimer"), ("USSR", "Ambassador", "ANATOLIY DOBRYNIN"),
                    ("USSR", "Mr.", "L. Zamiatin")]


def test_the_following_were_present_opens_a_list_and_the_prose_after_it_does_not_belong():
    rows = _rows(read_markdown("t.md", (
        "MEMORANDUM OF CONVERSATION\n\nThe Secretary opened the meeting with a review of Berlin.\n\n"
        "The following were present:\n\nThe Secretary\nAmbassador Thompson\n\n"
        "Mr. Kohler said that the record would be circulated to the posts concerned.\n")))
    assert rows == [("US", "The Secretary", None), ("US", "Ambassador", "Thompson")]


def test_present_in_capitals_opens_a_list_only_alone_or_before_a_name():
    # telegraphese: "PRESENT CIRCUMSTANCES" is prose, and the capitals after it no entry
    raw = ("DO NOT WISH ENCOURAGE CONTACT UNDER\nPRESENT CIRCUMSTANCES\n\n"
           "Co COMPLEX MATTER ALL SALES REQUIRE APPROVAL\n")
    assert _rows(read_markdown("t.txt", raw)) == []
    assert _rows(read_markdown("t.txt", "PRESENT\nMr. Kohler\nAmbassador Thompson\n")) == [
        ("US", "Mr.", "Kohler"), ("US", "Ambassador", "Thompson")]


def test_a_line_skipped_for_want_of_the_caption_word_is_no_caption_line():
    # the pre-filter of the side captions: a line that does not print "participants" (in any
    # case) does not match the caption pattern
    from kg.extracting.participants import _CAPTION, _CAPTION_RE
    from kg.reading.plaintext import read_plaintext
    from tests.real_texts import real_transcripts

    odd = read_plaintext("odd.md", "US PARTIĊIPANTS\nSOVIET PARTICIPANTſ:\nMr. Rusk\n")
    seen = 0
    for t in real_transcripts() + (odd,):
        lines = [t.line_text(ln) for ln in t.lines]
        maybe = _CAPTION.lines(t.text, [ln.start for ln in t.lines])
        if maybe is not None:
            assert not any(_CAPTION_RE.search(text) for i, text in enumerate(lines) if i not in maybe), t.name
        seen += any(_CAPTION_RE.search(text) for text in lines)
    assert seen >= 2
