"""Telegrams, cables and memoranda: who wrote to whom, when, how urgently, under which caption."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from kg.extracting import run
from kg.reading import read_file
from kg.reading.plaintext import read_plaintext
from kg.records import Addressee, DocumentHeader, Drafter, Participant, Transmission

JFK = Path(__file__).resolve().parents[1] / "fixtures" / "jfk"

OUTGOING = """OUTGOING TELEGRAM Department of State

SECRET

ACTION: Amembassy MOSCOW NIACT 1143
INFO: USUN 1201

OCTOBER 27, 1962, 9 P.M.

EXDIS

Please deliver the following message to the Foreign Minister at once and report
any reply he makes to you without delay through this channel tonight.

RUSK

Drafted by: EUR:SOV:AAkalovsky
SECRET
"""

INCOMING = """INCOMING TELEGRAM Department of State

Rec'd: October 28, 1962

FROM: Moscow
TO: Secretary of State
NO: 1115, October 28, 2 p.m.

ACTION DEPARTMENT 1115, INFORMATION USUN 88

LIMIT DISTRIBUTION

PRIORITY

The Foreign Minister received me this morning and said that the reply would be
delivered within the hour by his deputy to the Embassy.

KOHLER

LIR/ 2
"""


def _records(t):
    records = run(t)
    for r in records.records:
        for s in r.evidence:
            assert t.raw[s.start:s.end] == s.exact
    return records


def test_a_telegrams_signature_is_its_author():
    records = _records(read_plaintext("out.txt", OUTGOING))
    authors = [d for d in records.of(Drafter) if d.role == "author"]
    assert [a.name for a in authors] == ["RUSK"]
    assert records.of(Transmission)[0].signer == "RUSK"


def test_an_outgoing_telegram_names_its_action_and_info_addressees_with_precedence_and_caption():
    records = _records(read_plaintext("out.txt", OUTGOING))
    msg = records.of(Transmission)[0]
    assert "NIACT" in msg.precedence and "EXDIS" in msg.distribution
    addressees = [(a.name, a.role, a.number) for a in records.of(Addressee)]
    assert ("Amembassy MOSCOW", "action", "1143") in addressees
    assert ("USUN", "info", "1201") in addressees


def test_an_incoming_telegram_gives_sender_number_date_time_group_and_routing():
    records = _records(read_plaintext("in.txt", INCOMING))
    msg = records.of(Transmission)[0]
    assert (msg.sender, msg.number, msg.dtg) == ("Moscow", "1115", "October 28, 2 p.m.")
    assert msg.date == date(1962, 10, 28)               # the year comes from the record's date
    assert msg.precedence == ("PRIORITY",) and msg.distribution == ("LIMIT DISTRIBUTION",)
    assert msg.signer == "KOHLER"
    roles = {(a.name, a.role) for a in records.of(Addressee)}
    assert roles == {("Secretary of State", "to"), ("DEPARTMENT", "action"), ("USUN", "info")}
    header = records.of(DocumentHeader)[0]
    assert header.doc_type == "telegram" and header.date == date(1962, 10, 28)


def test_a_cia_cable_date_time_group_with_month_and_year_gives_its_day():
    raw = "CLASSIFIED MESSAGE\n\nSECRET 081007Z MAY 69 CITE SAIGON 4410\n\nDIRECTOR\n\nLOCAL OSI ASKS TRACES.\n"
    msg = _records(read_plaintext("cable.txt", raw)).of(Transmission)[0]
    assert msg.dtg == "081007Z MAY 69" and msg.date == date(1969, 5, 8)
    assert (msg.sender, msg.number) == ("SAIGON", "4410")


def test_the_jfk_incoming_telegram_under_its_identification_form():
    records = _records(read_file(JFK / "2023__176-10036-10021.md"))
    msg = records.of(Transmission)[0]
    assert (msg.sender, msg.number) == ("Elisabethville", "631")
    assert msg.distribution == ("LIMIT DISTRIBUTION",)
    assert [d.name for d in records.of(Drafter) if d.role == "author"] == ["DEAN"]
    header = records.of(DocumentHeader)[0]
    assert header.doc_type == "telegram" and header.date == date(1962, 10, 15)


def test_an_ocr_damaged_telegram_reads_its_number_line_and_signature():
    records = _records(read_file(JFK / "2021__docid-32171187.md"))
    msg = records.of(Transmission)[0]
    assert (msg.number, msg.dtg) == ("1226", "DECEMBER 3, NOON")
    assert "ROGER CHANNEL" in msg.distribution and "PRIORITY" in msg.precedence
    assert msg.signer == "MANN"


def test_a_memorandum_names_its_addressee_and_sender():
    raw = ("MEMORANDUM FOR THE SPECIAL GROUP (AUGMENTED)\n\nFrom:\nBrig. Gen. Lansdale\n\n"
           "Subject:\nReview of Operation Mongoose\n\n"
           "The operation has been reviewed in detail and the findings are set out below for the group.\n")
    records = _records(read_plaintext("memo.txt", raw))
    msg = records.of(Transmission)[0]
    assert msg.genre == "memorandum" and msg.sender == "Brig. Gen. Lansdale"
    assert [(a.name, a.role) for a in records.of(Addressee)] == [("THE SPECIAL GROUP (AUGMENTED)", "to")]


def test_no_telegram_or_form_yields_participants():
    for name in ("2023__176-10036-10021.md", "2022__176-10036-10019.md", "2021__docid-32171187.md",
                 "2018__104-10438-10210.md", "2023__176-10036-10158.md", "2021__docid-32396529.md"):
        assert read_file(JFK / name) and not run(read_file(JFK / name)).of(Participant), name


def test_a_from_line_over_a_subject_line_is_a_memorandums_sender_though_its_genre_line_is_lost():
    # 2022 release, 104-10059-10244: the memorandum's header without "MEMORANDUM FOR"
    from kg.reading.plaintext import read_plaintext
    raw = ("2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\n"
           "\u2018ATTENTION: \u2018Norbert A. Shepanek\nFROM: Robert A. Barteaux\nhis mer) Chief, Operations Group\n"
           "= SUBJECT: = House Select Committee on Assassinations\n\n1. An intensive search of the files.\n")
    (tr,) = run(read_plaintext("2022__104-10059-10244.md", raw)).of(Transmission)
    assert (tr.genre, tr.sender) == ("memorandum", "Robert A. Barteaux")
    assert raw[tr.sender_span.start:tr.sender_span.end] == "Robert A. Barteaux"
