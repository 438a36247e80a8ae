"""Persons in all-capital cables: titles and telegraphese offices before names, names told from
words by the lexicon, the signature line; recall and precision against a hand gold of 1970s
State cables written in the genre's conventions (tests/fixtures/cables/README.md)."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from kg.extracting import run
from kg.reading import read_file
from kg.reading.plaintext import read_plaintext
from kg.records import Drafter, PersonMention, Transmission

CABLES = Path(__file__).resolve().parents[1] / "fixtures" / "cables"


def _gold() -> dict[str, set[str]]:
    rows = csv.DictReader(line for line in (CABLES / "gold_persons.csv").read_text().splitlines()
                          if not line.startswith("#"))
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(r["file"], set()).add(r["surname"])
    return out


def _names(records) -> set[str]:
    return {m.name for m in records.of(PersonMention) if m.name}


def test_persons_in_capitals_reach_recall_and_precision_of_eight_tenths_on_the_hand_gold():
    tp = fp = fn = 0
    for name, gold in sorted(_gold().items()):
        raw_records = run(read_file(CABLES / name))
        found = _names(raw_records)
        for m in raw_records.of(PersonMention):
            assert (CABLES / name).read_text()[m.evidence[0].start:m.evidence[0].end] == m.evidence[0].exact
        hits = {g for g in gold if any(g == f or f.endswith(" " + g) or g in f.split() for f in found)}
        tp += len(hits)
        fn += len(gold - hits)
        fp += len({f for f in found if not any(g == f or f.endswith(" " + g) or g in f.split() for g in gold)})
    recall, precision = tp / (tp + fn), tp / (tp + fp)
    assert recall >= 0.8 and precision >= 0.8, (recall, precision)


def test_a_title_before_a_name_and_an_ordinary_word_after_it():
    t = read_plaintext("c.txt", "1. SECRETARY VANCE SAID THAT FOREIGN MINISTER VAJPAYEE AND FONMIN\n"
                                "GROMYKO WOULD MEET. THE PRESIDENT SAID NOTHING.\n")
    assert _names(run(t)) == {"VANCE", "VAJPAYEE", "GROMYKO"}


def test_a_title_at_the_end_of_a_line_and_the_name_on_the_next():
    t = read_plaintext("c.txt", "2. THE FONMIN SAID PRIME MINISTER DESAI HAD WRITTEN TO PRESIDENT\nCARTER.\n")
    assert _names(run(t)) == {"DESAI", "CARTER"}


def test_the_office_with_its_article_is_no_title_before_a_name():
    t = read_plaintext("c.txt", "3. ZIA ASKED THAT THE AMBASSADOR CONVEY HIS HOPE TO THE SECRETARY.\n")
    assert _names(run(t)) == set()


def test_ocr_debris_after_a_title_is_no_person():
    t = read_plaintext("c.txt", "4. AMB EXBASSY REPORTED THAT GENERAL ASSEMBLY WOULD MEET.\n")
    assert _names(run(t)) == set()


def test_a_name_once_titled_is_a_mention_when_it_stands_alone():
    t = read_plaintext("c.txt", "1. FOREIGN MINISTER VAJPAYEE RECEIVED THE AMBASSADOR.\n2. VAJPAYEE SAID HE WAS PLEASED.\n")
    mentions = [m for m in run(t).of(PersonMention) if m.name == "VAJPAYEE"]
    assert len(mentions) == 2


def test_the_signature_of_a_state_telegram_is_its_author_and_a_person():
    records = run(read_file(CABLES / "new_delhi_1977.txt"))
    assert [(d.name, d.role) for d in records.of(Drafter)] == [("GOHEEN", "author")]
    assert any(m.name == "GOHEEN" and m.role == "drafter" for m in records.of(PersonMention))


def test_the_cable_header_gives_sender_date_time_group_and_date():
    records = run(read_file(CABLES / "new_delhi_1977.txt"))
    (tr,) = records.of(Transmission)
    assert (tr.genre, tr.sender, tr.dtg, tr.date) == ("telegram", "AMEMBASSY NEW DELHI", "150915Z JUN 77",
                                                      date(1977, 6, 15))


def _name_after_in_a_copy(view, pos, known):
    # the plain reading: each pattern matched at the start of a copy of the view's rest
    from kg.extracting.telegraphese import _name_after
    return _name_after(view, pos, known, match=lambda rx, v, j: rx.match(v[j:]))


def test_the_name_after_a_capital_title_is_read_in_place_as_in_a_copy_of_the_rest():
    from kg.extracting.telegraphese import _name_after, _titled_re
    from tests.real_texts import real_transcripts

    known = {"Rusk", "RUSK", "Thompson", "Kohler"}
    texts = [t.raw for t in real_transcripts()] + [
        "AMB THOMPSON'S VIEW\nSECSTATE\n  DEAN RUSK SAID\nMR J. F. KENNEDY \nAMB\r\n KOHLER"]
    read = 0
    for view in texts:
        for m in _titled_re().finditer(view):
            for at in (m.end(), m.end() + 1):
                assert _name_after(view, at, known) == _name_after_in_a_copy(view, at, known), view[m.start():at + 30]
                read += _name_after(view, at, known) is not None
    assert read >= 5
