"""A letter's addressee is the person of its inside address whom the salutation greets, or the
salutation's "Mr. X" when the address prints no name; an organisation or an office is no name."""
from __future__ import annotations

from kg.extracting import run
from kg.reading.plaintext import read_plaintext
from kg.records import Addressee

STAMP = "2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\n"


def _to(raw: str) -> list[str]:
    records = run(read_plaintext("2022__180-10000-10000.md", raw))
    out = []
    for a in records.of(Addressee):
        assert raw[a.evidence[0].start:a.evidence[0].end] == a.evidence[0].exact
        if a.extractor == "inside_address":
            out.append(a.name)
    return out


def test_the_inside_address_above_the_salutation_names_the_addressee():
    # 2022__180-10110-10064 (dev set)
    raw = (STAMP + "Washington, DC 20500\nApril 2, 1975\nMr. James A. Wilderotter\n"
           "Associate Deputy Attorney General\nDepartment of Justice\nWashington, D. C. 20530\n\n"
           "Dear Mr. Wilderotter:\n\nThis is in response to your letter.\n")
    assert _to(raw) == ["Mr. James A. Wilderotter"]


def test_an_address_whose_name_the_ocr_broke_leaves_the_salutations_name():
    # 2022__180-10147-10049 (dev set)
    raw = (STAMP + "Mr. Patrick Carpentier i: : eon -\nOffice of the Legislative Counsel Le 7455\n"
           "Central Intelligence Agency Z\nWashington, D. Cc.\nDear Mr. Carpentier:\n\nIn connection with.\n")
    assert _to(raw) == ["Mr. Carpentier"]


def test_a_salutation_greeting_an_office_names_no_one():
    raw = STAMP + "The Honorable John Glenn\nUnited States Senate\nDear Mr. Chairman:\n\nThank you.\n"
    assert _to(raw) == []


def test_a_name_above_that_the_salutation_does_not_greet_is_not_the_addressee():
    raw = STAMP + "Robert B. Olsen\nSenior Counsel\nDear Mr. Wilderotter:\n\nThank you.\n"
    assert _to(raw) == ["Mr. Wilderotter"]
