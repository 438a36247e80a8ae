"""The typed name that closes a memorandum is its drafter, when it is a known person's name;
a telegram's closing name is the telegram extractor's, and a name of a list is no signature."""
from __future__ import annotations

from kg.extracting import run
from kg.reading.markdown import read_markdown
from kg.records import Drafter

BODY = ("MEMORANDUM FOR THE RECORD\n\nWashington, October 23, 1962\n\n"
        "The Attorney General said that he had seen Ambassador Dobrynin at the Embassy last night.\n\n")


def _drafters(raw: str) -> list[tuple[str, str, str]]:
    return [(d.name, d.role, d.extractor) for d in run(read_markdown("t.md", raw)).of(Drafter)]


def test_a_known_name_closing_a_memorandum_is_its_drafter():
    assert _drafters(BODY + "Robert F. Kennedy\n") == [("Robert F. Kennedy", "drafter", "signatures")]


def test_an_unknown_name_closing_a_memorandum_is_not_taken_for_a_drafter():
    assert _drafters(BODY + "Walter Nobody\n") == []


def test_a_drafted_by_line_wins_over_the_closing_name():
    rows = _drafters(BODY + "Drafted by: L. Thompson\n\nRobert F. Kennedy\n")
    assert [r[2] for r in rows] == ["drafters"]


def test_a_name_at_the_end_of_a_participants_list_is_no_signature():
    raw = BODY + "PARTICIPANTS:\nThe Attorney General\nAnatoly Dobrynin\n"
    assert _drafters(raw) == []


def _ocr_authors(raw: str) -> list[str]:
    from kg.reading.plaintext import read_plaintext
    records = run(read_plaintext("2022__104-10000-10000.md", raw))
    out = []
    for d in records.of(Drafter):
        assert raw[d.evidence[0].start:d.evidence[0].end] == d.evidence[0].exact
        if d.extractor == "signatures":
            out.append((d.name, d.role))
    return out


STAMP = "2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\n"


def test_a_name_under_a_letters_closing_is_its_author():
    # 2022__180-10110-10064 (dev set): the pen's stroke read "os mS" between closing and name
    raw = (STAMP + "Dear Mr. Wilderotter:\n\nBecause our time is running very short, we ask that this request\n"
           "be expedited with the greatest possible speed. Thank you.\n\ni Very truly yours,\n\nos mS\n"
           "Robert B. Olsen\nSenior Counsel\n")
    assert _ocr_authors(raw) == [("Robert B. Olsen", "author")]


def test_a_name_over_an_office_line_is_a_signature_block():
    # 2022__104-10300-10397 (dev set): the routing sheet's FROM box, extension and date beside the office
    raw = (STAMP + "ROUTING AND RECORD SHEET\nSUBJECT: (Optioncl)\nLee Harvey OSWALD\n"
           "Michael E. Schneeberger ry\nSecurity Analysis Group 6009 24 March 1977\n")
    assert _ocr_authors(raw) == [("Michael E. Schneeberger", "author")]


def test_a_letters_inside_address_above_the_salutation_is_not_its_signature():
    raw = (STAMP + "9 December 1996\n\nDavid G. Marwell\nExecutive Director\nAssassination Records Review Board\n"
           "Washington D.C. 20530\n\nDear Mr. Marwell:\n\nThe Director has forwarded your letter to me.\n\n"
           "Sincerely yours,\n\nd. O'Neil\n\nDavid G. Marwell\n")
    assert _ocr_authors(raw) == []


def test_names_and_offices_one_after_another_are_a_roster_not_a_signature():
    raw = (STAMP + "STAFF\n\nRobert B. Olsen\nSenior Counsel\nG. Robert Blakey\nChief Counsel and Director\n")
    assert _ocr_authors(raw) == []


def test_ordinary_words_or_debris_in_capitals_over_an_office_are_no_name():
    raw = STAMP + "COORDINATING OFFICERS\nChief, WH Division\n\nSUSPENSE JATE\nStaff\n"
    assert _ocr_authors(raw) == []
