"""Person mentions as a specification of the genre: every place a person is named."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "resolving")]

from kg.extracting import run  # noqa: E402
from kg.reading import read_file  # noqa: E402
from kg.records import PersonMention  # noqa: E402
from memos import memo  # noqa: E402

SEED = ROOT / "seeds" / "000_518769ec419a4fc7.txt"


def mentions(t, records):
    out = records.of(PersonMention)
    for m in out:
        s = m.evidence[0]
        assert t.raw[s.start:s.end] == s.exact
    return out


def test_a_struck_through_name_is_still_a_mention_marked_struck():
    t, records = memo("November 6, 1962",
                      "Ambassador Stevenson recalled the method suggested by Mr. ~~McGlo~~ "
                      "Mr. McGloy the other day.")
    ms = {m.surface: m for m in mentions(t, records)}
    struck = ms["Mr. McGlo"]
    assert struck.struck and struck.name == "McGlo" and struck.title == "Mr."
    assert struck.evidence[0].exact == "Mr. ~~McGlo"
    assert not ms["Mr. McGloy"].struck


def test_titles_possessives_initials_and_compounds():
    t, records = memo("November 6, 1962",
                      "Drafted by A. Akalovsky\n\n"
                      "Amb. Stevenson noted Mr. Kuznetsov's remark on the Kennedy-Khrushchev "
                      "understanding and on Defense Secretary McNamara's interview.")
    ms = mentions(t, records)
    got = [(m.surface, m.role, m.possessive) for m in ms if m.role != "participant"]
    assert got == [
        ("A. Akalovsky", "drafter", False),
        ("Amb. Stevenson", "speaker", False),
        ("Mr. Kuznetsov", "mention", True),
        ("Kennedy", "mention", False),
        ("Khrushchev", "mention", False),
        ("Defense Secretary McNamara", "mention", True),
    ]


def test_messrs_list_gives_one_mention_each():
    t, records = memo("November 6, 1962",
                      "Practical aspects were discussed by Messrs. Yost, <sup>W</sup>Marozov, "
                      "Mandelevisch, and Marasimhan in New York.")
    ms = [m for m in mentions(t, records) if m.title == "Messrs."]
    assert [m.surface for m in ms] == ["Yost", "Marozov", "Mandelevisch", "Marasimhan"]
    assert [m.evidence[0].exact for m in ms] == ["Yost", "Marozov", "Mandelevisch", "Marasimhan"]


def test_bare_offices_are_mentions_without_a_name():
    t, records = memo("November 6, 1962",
                      "Mr. Kuznetsov quoted the President's message and wrote to the Secretary "
                      "General of the UN about the Secretary-General's suggestion.")
    offices = [(m.surface, m.name, m.possessive) for m in mentions(t, records) if m.name is None]
    assert offices == [("the President", None, True),
                       ("the Secretary General of the UN", None, False),
                       ("the Secretary-General", None, True)]


def test_a_name_opening_a_reported_utterance_is_in_speaker_position():
    t, records = memo("November 6, 1962",
                      "Ambassador Stevenson said the ships would be inspected at sea.\n\n"
                      "~~Mr. Gromyko~~ <sup>if</sup> continued that the US raised new questions.\n\n"
                      "Mr. Khrushchev had agreed to remove the weapons, Mr. Kuznetsov said.")
    roles = {m.surface: m.role for m in mentions(t, records) if m.role != "participant"}
    assert roles == {"Ambassador Stevenson": "speaker", "Mr. Gromyko": "speaker",
                     "Mr. Khrushchev": "mention", "Mr. Kuznetsov": "mention"}


def test_the_seed_mentions():
    t = read_file(SEED)
    ms = mentions(t, run(t))
    surfaces = {m.surface for m in ms}
    assert {"A. Akalovsky", "Elijah Kelly Jr.", "Mr. Sgevenson", "Am. Stevenson",
            "Mr. Kusnetsov", "Secretary Gilpatrick", "Mr. Gilpatric", "Marozov", "Mandelevisch",
            "Marasimhan", "Mr. McGlo", "Mr. McGloy", "Mr. McCloy", "Defense Secretary McNamara",
            "Secretary McNamara", "U Thant", "the Secretary-General",
            "the Secretary General of the UN", "Ambassador Morozov", "Zorin",
            "the President"} <= surfaces
    struck = sorted((m.surface, t.raw_line_of(m.evidence[0].start)) for m in ms if m.struck)
    assert ("Mr. Gromyko", 198) in struck and ("Mr. McGlo", 156) in struck
    assert ("Ambassador Stevenson", 112) in struck
    speakers = {m.surface for m in ms if m.role == "speaker"}
    assert {"Mr. Gusev", "Mr. Grometsov", "Mr. Gromyko"} <= speakers


def test_a_title_cut_short_by_the_typist_is_that_title_but_a_word_of_its_own_is_not():
    t, records = memo("November 6, 1962",
                      "Am. Stevenson continued that the aircraft were still there.\n\n"
                      "Source: Central Files. Secret. Drafted by Akalovsky.\n")
    surfaces = {m.surface for m in mentions(t, records)}
    assert "Am. Stevenson" in surfaces
    assert not any(s.startswith("Secret.") for s in surfaces)


def test_col_in_a_spanish_language_address_is_the_colonia_not_a_colonel():
    # addresses as the JFK records of the Mexico City station print them
    t, records = memo("November 6, 1962",
                      "Dome: Calle Bermudas # 341.- Col. Cosmopolita\n"
                      "Dome: Quemada # 346-10\nCol. Narvarte\n"
                      "Dome: Wube 419, Col. Jardines del Pedregal\n\n"
                      "On May 12, Col. Johnson said that the base was ready.\n")
    surfaces = {m.surface for m in mentions(t, records)}
    assert "Col. Johnson" in surfaces
    assert not surfaces & {"Col. Cosmopolita", "Col. Narvarte", "Col. Jardines"}


def test_an_entry_of_the_participants_list_is_one_mention_with_the_whole_name():
    # FRUS 1964-68 XIV d14: a given name and patronymic before the surname
    t, records = memo("March 6, 1964",
                      "Mr. Kosygin said that trade was a mere trickle.",
                      participants="PARTICIPANTS: U.S.S.R. - Mr. Aleksey Nikolayevich Kosygin, First Deputy "
                                   "Chairman; Viktor G. Bakayev, Minister of Merchant Marine")
    listed = [m for m in mentions(t, records) if m.role == "participant"]
    assert [(m.surface, m.name) for m in listed] == [
        ("Mr. Aleksey Nikolayevich Kosygin", "Aleksey Nikolayevich Kosygin"),
        ("Viktor G. Bakayev", "Viktor G. Bakayev")]


def test_the_lower_case_words_asked_one_at_a_time_are_the_set_of_every_such_word():
    # persons._LowerCaseWords answers for a word what membership in the set of every
    # \b[a-z]{3,}\b word of the text answers: every word, capitalised word and odd token of
    # the real documents, lower-cased
    import re

    from kg.extracting.persons import _LowerCaseWords, blanked
    from tests.real_texts import real_transcripts

    odd = "counselor counsel_x xcounsel Counsel 1counsel counselé éembassy embassy, general."
    asked = 0
    for raw in [t.raw for t in real_transcripts()] + [odd]:
        view = blanked(raw)
        plain = set(re.findall(r"\b[a-z]{3,}\b", view))
        ours = _LowerCaseWords(view)
        words = {w.lower() for w in re.findall(r"\w+|\S+", view)} | {"counsel", "embassy", "general", "ab", ""}
        for w in sorted(words):
            assert (w in ours) == (w in plain), (w, raw[:40])
            asked += w in plain
    assert asked > 1000


def test_the_markers_blanked_are_the_markup_markers_with_one_to_three_stars():
    # persons._MARKER_RE writes "one to three stars" as "\*\*?\*?" (re skips to its first
    # characters): the same matches as "\*{1,3}" in every real document
    import re

    from kg.extracting.persons import _MARKER_RE
    from tests.real_texts import real_transcripts

    plain = re.compile(r"~~|<\s*/?\s*sup\s*>|\*{1,3}")
    found = 0
    for raw in [t.raw for t in real_transcripts()] + ["a **** b *** c ** d * e ~~x~~ < / sup > <sup>"]:
        assert [m.span() for m in _MARKER_RE.finditer(raw)] == [m.span() for m in plain.finditer(raw)]
        found += len(plain.findall(raw))
    assert found > 20
