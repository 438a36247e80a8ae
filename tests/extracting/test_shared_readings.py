"""What the extractors share within one document gives what computing it per call gives.

The sentences of a stretch are split once per document and kept; the cues of an answer, the
act of a sentence, its stems and topics are kept per sentence; the citing context finds the
sentence and the line of an offset by bisection.  Each is checked here against the plain
computation on real documents (the memoranda and JFK fixtures).
"""
from pathlib import Path

import pytest

from kg.extracting import discourse, pipeline
from kg.extracting.answers import _cues, cues
from kg.extracting.citing import _Containing, _letters, CitingContext
from kg.extracting.discourse import _split, sentences, stems, topic_of, topics_of
from kg.extracting.proposals import _proposal_act, proposal_act
from kg.reading import read_file
from kg.reading.plaintext import read_plaintext

FIXTURES = Path(__file__).parent.parent / "fixtures"
DOCUMENTS = sorted(p for d in ("memos", "jfk") for p in (FIXTURES / d).iterdir() if p.is_file() and p.name != "README.md")


def _found(t):
    found = []
    for e in pipeline():
        found.extend(e.fn(t, list(found)))
    return found


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_kept_sentences_are_the_split_of_the_stretch(path):
    t = read_file(path)
    for a, b in t.paragraphs:
        assert sentences(t, a, b) == _split(t.text, a, b)
        assert sentences(t, a, b) == _split(t.text, a, b)      # asked again: kept
    other = read_file(DOCUMENTS[0] if path != DOCUMENTS[0] else DOCUMENTS[-1])
    a, b = other.paragraphs[0]
    assert sentences(other, a, b) == _split(other.text, a, b)  # another document: not mixed


def test_a_caller_changing_its_list_changes_nothing_kept():
    t = read_file(DOCUMENTS[0])
    a, b = max(t.paragraphs, key=lambda p: p[1] - p[0])
    got = sentences(t, a, b)
    got.clear()
    assert sentences(t, a, b) == _split(t.text, a, b) != []


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_per_sentence_readings_are_those_computed_afresh(path):
    t = read_file(path)
    found = _found(t)
    sides = {r.side for r in found if getattr(r, "side", None)} | {"US", "USSR"}
    for a, b in t.paragraphs:
        for s in _split(t.text, a, b):
            text = s.text(t)
            assert stems(text) == stems.__wrapped__(text)
            assert topics_of(text) == topics_of.__wrapped__(text)
            assert topic_of(text) == topic_of.__wrapped__(text)
            for act in ("suggestion", "offer"):
                assert cues(text, act) == set(_cues.__wrapped__(text, act))
            for side in ("US", "USSR", None):
                assert proposal_act(text, side, sides) == _proposal_act.__wrapped__(
                    text, side, frozenset(sides), ())


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_sentence_and_paragraph_of_an_offset_are_the_first_stretch_that_holds_it(path):
    t = read_file(path)
    ctx = CitingContext(t, _found(t))

    def scanned(pos):
        for a, b in ctx.sentences:
            if a <= pos < b:
                return a, b
        for ln in t.lines:
            if ln.start <= pos < ln.end:
                return ln.start, ln.end
        return pos, pos

    def paragraph(pos):
        for a, b in ctx.paragraphs:
            if a <= pos < b:
                return a, b
        return pos, pos

    for pos in range(0, len(t.text) + 1, 7):
        assert ctx.sentence(pos) == scanned(pos)
        assert ctx.paragraph(pos) == paragraph(pos)


def test_overlapping_stretches_are_scanned_in_their_order():
    spans = [(10, 20), (5, 30), (0, 3), (20, 20)]
    found = _Containing(spans)
    assert not found.ordered
    assert [found.find(p) for p in (0, 4, 12, 25, 40)] == [(0, 3), None, (10, 20), (5, 30), None]


@pytest.mark.parametrize("text", ["", "MEMORANDUM FOR THE RECORD", "Mr. Gromyko agreed.",
                                  "Ça m’intéresse: Ärger über ŒUVRE ² ½ 1962", "ſ ǅ ß ΣΑΣ σας"])
def test_letters_are_counted_as_str_counts_them(text):
    letters = [c for c in text if c.isalpha()]
    assert _letters(text) == (len(letters), sum(c.islower() for c in letters))


def test_letters_are_counted_as_str_counts_them_in_every_real_document():
    from tests.real_texts import real_transcripts
    for t in real_transcripts():
        for text in (t.raw, t.text[t.body_start:]):
            letters = [c for c in text if c.isalpha()]
            assert _letters(text) == (len(letters), sum(c.islower() for c in letters)), t.name


def test_a_pattern_is_tried_only_where_the_letters_it_needs_are():
    import re

    from kg.extracting.discourse import required_runs
    assert required_runs(r"over-?\s*flights?", re.IGNORECASE) == ("flight",)
    assert required_runs(r"\bSAMs?\b", re.IGNORECASE) == ("sam",)
    assert required_runs(r"communiqu[eé]", re.IGNORECASE) == ("communiqu",)
    assert required_runs(r"\b(?:wished|wanted)\s+to\b") == ("ished", "anted")   # "w" tells less
    assert required_runs(r"\bwould\s+(?:suggest|propose)\b") == ("suggest", "propose")
    assert required_runs(r"(?:Soviet\s+)?Union") == ("Union",)      # an optional part needs nothing
    assert required_runs(r"(?i)treaty") is None                      # the letters change meaning
    assert required_runs(r"warheads?|\d+") is None                  # a branch that prints none


def test_only_the_odd_characters_escape_the_lower_cased_test():
    import re

    from kg.extracting.discourse import _TOPIC_RUNS
    from kg.lexicon.alternation import CASE_ODD as _CASE_ODD    # what `lowered` refuses
    letters = {c for runs in _TOPIC_RUNS if runs for run in runs for c in run}
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    for letter in letters:
        for m in re.finditer(re.escape(letter), every, re.IGNORECASE):
            c = m.group()
            assert _CASE_ODD.match(c) or c.lower() == letter, (hex(ord(c)), letter)


@pytest.mark.parametrize("text", ["The İnvasion of Cuba", "the bloﬅade", "reconnaiſſance flights",
                                  "SURFACE-TO-AIR missiles", "Kennedy-Khrushchev exchange"])
def test_topics_of_odd_letters_are_those_of_every_pattern(text):
    every = [label for label, rx in discourse._TOPIC_RES if rx.search(text)]
    assert topic_of.__wrapped__(text) == (every[0] if every else None)
    assert topics_of.__wrapped__(text) == frozenset(every)


def test_a_pattern_skipped_on_a_text_without_its_word_needs_that_word():
    # the pre-filters of the review stamps, greetings and periodicals: a text (or a line) that
    # does not print the word is not searched, because every match of the pattern prints it
    import re

    from kg.extracting.citation_clauses import _GREETINGS_RE, _GREETINGS_WORD
    from kg.extracting.citations import _ISSUE_RE
    from kg.extracting.discourse import required_runs
    from kg.extracting.reviews import _ONE_LINE_RE, _REVIEWER_RE
    assert required_runs(_GREETINGS_RE.pattern, _GREETINGS_RE.flags & re.IGNORECASE) == (_GREETINGS_WORD.pattern,)
    assert _GREETINGS_WORD.flags & re.IGNORECASE and _GREETINGS_RE.flags & re.IGNORECASE
    assert required_runs(_ISSUE_RE.pattern, _ISSUE_RE.flags) == ("issue",)
    assert required_runs(_ONE_LINE_RE.pattern, _ONE_LINE_RE.flags) == ("REVIEWED",)
    assert required_runs(_REVIEWER_RE.pattern, _REVIEWER_RE.flags) == ("Reviewed",)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_review_office_printed_on_a_line_is_found_in_the_whole_text(path):
    # the office pre-filter: the lines are skipped only when the whole text names no office
    from kg.extracting.reviews import _OFFICE_RE
    t = read_file(path)
    on_lines = [m.group() for ln in t.lines for m in _OFFICE_RE.finditer(t.line_text(ln))]
    assert on_lines == [m.group() for m in _OFFICE_RE.finditer(t.text)]


def test_the_segment_before_the_first_equal_one_is_what_list_index_gives():
    from kg.extracting.turns import Segment, _before_first_equal
    g = [Segment(0, 5, 0, None), Segment(6, 9, 0, None), Segment(0, 5, 1, None), Segment(6, 9, 0, None),
         Segment(10, 12, 2, None, speaker="x")]
    assert _before_first_equal(g) == [g[g.index(sg) - 1] for sg in g]
    assert _before_first_equal(g)[3] is g[0]          # g[3] equals g[1]: the one before g[1]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_turns_are_pieced_as_before_on_real_documents(path):
    # the turns' pieces use _before_first_equal; a plain g.index gives the same pieces
    from kg.extracting import turns
    t = read_file(path)
    found = []
    for e in pipeline():
        if e.name == "turns":
            break
        found.extend(e.fn(t, list(found)))
    ours = turns.extract(t, list(found))
    plain = turns._before_first_equal
    try:
        turns._before_first_equal = lambda g: [g[g.index(sg) - 1] for sg in g]
        assert turns.extract(t, list(found)) == ours
    finally:
        turns._before_first_equal = plain


def test_every_prefiltered_pattern_of_the_extractors_finds_what_its_pattern_finds():
    # the extractors' patterns behind the cheap test (kg.lexicon.alternation.Prefiltered), found
    # in every extractor module, on every sentence and line of the real documents
    import importlib
    import pkgutil

    import kg.extracting
    from kg.extracting.discourse import sentences
    from kg.lexicon.alternation import Prefiltered
    from tests.real_texts import real_transcripts

    guarded = {}
    for info in pkgutil.iter_modules(kg.extracting.__path__):
        module = importlib.import_module(f"kg.extracting.{info.name}")
        guarded.update({f"{info.name}.{k}": v for k, v in vars(module).items() if isinstance(v, Prefiltered)})
    assert {"claims._PROCEDURAL", "claims._COURTESY", "turns._NARRATION_RE", "drafters._ROLE",
            "nara_form._CUE_RE", "reviews._NARA", "reviews._NARA_LOOSE", "reviews._JFK_ACT",
            "reviews._NO_OBJECTION", "markings._SOURCE_NOTE", "participants._LABEL",
            "participants._CAPTION", "reviews._DATE_FIELD", "citing._NO_PROSE_LINES"} <= set(guarded)
    hits = dict.fromkeys(guarded, 0)
    stamps = read_plaintext("stamps.md", (
        "DECLASSIFIED\nAuthority NND 959000\nBy GW NARA Date 6/4/01\n\nDECLASSIFIED Authority EO 12958 "
        "By JK, NARA, Date 3/4/97\nReleased under the John F. Kennedy Assassination Records Collection "
        "Act of 1992 (44 USC 2107 Note). Case#:NW 55997 Date: 10-28-2021\nCIA HAS NO OBJECTION TO "
        "DECLASSIFICATION AND/OR RELEASE OF CIA INFORMATION IN THIS DOCUMENT\n"
        "Source: Department of State, Central Files. Secret; Priority.\n"
        "DECLAſſIFIED Authority NND 1 By GW NARA Date 6/4/01\n"))
    for t in real_transcripts() + (stamps,):
        texts = [t.line_text(ln) for ln in t.lines]
        texts += [s.text(t) for a, b in t.paragraphs for s in sentences(t, a, b)]
        for name, pre in guarded.items():
            for text in texts:
                got, plain = pre.search(text), pre.rx.search(text)
                assert (got and got.span()) == (plain and plain.span()), (name, t.name, text)
                hits[name] += plain is not None
            # a document that fails the cheap test has no line or sentence that matches
            assert pre.may_occur(t.text) or not any(pre.rx.search(text) for text in texts), (name, t.name)
            # a line left out of the lines that may match has no match (searched or matched)
            maybe = pre.lines(t.text, [ln.start for ln in t.lines])
            if maybe is not None:
                assert not any(pre.rx.search(t.line_text(ln)) or pre.rx.match(t.text, ln.start, ln.end)
                               for i, ln in enumerate(t.lines) if i not in maybe), (name, t.name)
            for whole in (t.raw, t.text):
                got = [m.span() for m in pre.finditer(whole)]
                plain = [m.span() for m in pre.rx.finditer(whole)]
                assert got == plain, (name, t.name)
                hits[name] += len(plain)
    assert all(hits.values()), hits          # each pattern matched somewhere: the test can fail


def test_every_case_folded_pattern_of_the_extractors_finds_what_its_pattern_finds():
    # the extractors' case-insensitive patterns searched in the lower-cased text
    # (kg.lexicon.alternation.CaseFolded), on every real document and a text with odd letters
    import importlib
    import pkgutil

    import kg.extracting
    from kg.lexicon.alternation import CaseFolded
    from tests.real_texts import real_transcripts

    folded = {}
    for info in pkgutil.iter_modules(kg.extracting.__path__):
        module = importlib.import_module(f"kg.extracting.{info.name}")
        folded.update({f"{info.name}.{k}": v for k, v in vars(module).items() if isinstance(v, CaseFolded)})
    assert {"citation_phrases._NOUN_RE", "citations._TEL_RE", "citation_clauses._PLUPERFECT_RE",
            "reviews._NARA_BLANK_RE", "reviews._DATE_OF_REVIEW_RE"} <= set(folded)
    texts = [t.text for t in real_transcripts()] + [
        "The TREATY and the ſame Agreement; İ read the Draft.",
        "Reference: DEPTEL 1745, Embtel 748 and 751; Moscow's 1022; USUN'S 12; Department's telegram No. 3",
        "Deptel 1745 (Moſcow's 12), İstanbul's 4, Kelvin\u212a's 5",
        "DECLASSIFIED\nAuthority NND 959000\nBy GW NARA Date 6/4/01\nDate of Review: 04 JUN 1998",
        "Declassified Authority: By: Nara; DATE OF REVIEW 1998; declaſſified auth by nara",
        "Khrushchev HAD REMARKED that; he had previously Proposed it; İ had said; ſhe had ſaid"]
    for name, pattern in folded.items():
        assert pattern.twin is not None, name
        found = 0
        for text in texts:
            for pos in (0, len(text) // 3):
                got = [m.regs for m in pattern.finditer(text, pos)]
                assert got == [m.regs for m in pattern.rx.finditer(text, pos)], (name, pos, text[:60])
                found += len(got)
        assert found >= 2, name


def test_every_run_index_of_the_extractors_says_what_may_match_says_for_each_pattern(monkeypatch):
    # kg.lexicon.alternation.RunIndex (the topics, the proposal acts, the answer cues): every
    # question the extractors ask of one while they read the real documents, checked against a
    # may_match of each pattern's runs
    import kg.extracting
    from kg.extracting import answers, discourse, proposals
    from kg.lexicon.alternation import RunIndex, may_match
    from tests.real_texts import real_transcripts

    plain_which = RunIndex.which
    asked: dict[int, int] = {}
    hits = [0]

    def checked(self, text):
        got = plain_which(self, text)
        assert got == [i for i, r in enumerate(self.runs_list) if may_match(r, text)], text
        asked[id(self)] = asked.get(id(self), 0) + 1
        hits[0] += len(got) > len(self.always)
        return got

    monkeypatch.setattr(RunIndex, "which", checked)
    for cached in (discourse.topic_of, discourse.topics_of, proposals._proposal_act, answers._cues):
        cached.cache_clear()
    for t in real_transcripts():
        kg.extracting.run(t)
    assert len(asked) >= 3 and hits[0] > 100, (asked, hits)


def test_the_form_lines_kept_for_the_last_transcript_are_the_lines_found_anew():
    # kg.extracting.nara_form._form_lines keeps the last transcript's; asked in turn about
    # every real document (twice, and about a view of one with another text), it answers what
    # the plain search answers
    import dataclasses

    from kg.extracting.nara_form import _find_form_lines, _form_lines
    from tests.real_texts import real_transcripts

    found = 0
    transcripts = real_transcripts()
    for t in transcripts + transcripts[:3]:
        for _ in range(2):
            assert _form_lines(t) == _find_form_lines(t), t.name
        found += bool(_form_lines(t))
        view = dataclasses.replace(t, text=t.text.upper())
        assert _form_lines(view) == _find_form_lines(view), t.name
    assert found >= 3


def test_the_sentence_splitters_look_behinds_after_a_character_find_what_they_find_first():
    # kg.extracting.discourse: the weak boundary and the aside written with their look-behind
    # after the first character they consume; the plain forms (look-behind first) find the same
    # matches in every real document, whole and from every paragraph's start
    import re

    from kg.extracting.discourse import _ASIDE, _WEAK_BOUNDARY
    from tests.real_texts import real_transcripts

    pairs = [(_WEAK_BOUNDARY, re.compile(r"""(?<=[a-z]{3})\.(?=\s+(?:,\s*)?[a-z])""")),
             (_ASIDE, re.compile(r"(?<=[.!?\"”])\s+\((?=[A-Z])"))]
    odd = 'was not.  (Then) said so. and then ok.\n(The end) "Yes."  (Both) did. \t(X'
    hits = [0, 0]
    for t in real_transcripts():
        for text in (t.raw, t.text, odd):
            for k, (fast, plain) in enumerate(pairs):
                got = [m.span() for m in fast.finditer(text)]
                assert got == [m.span() for m in plain.finditer(text)], t.name
                hits[k] += len(got)
                for a, b in t.paragraphs[:40]:
                    assert [m.span() for m in fast.finditer(text, a, b)] == \
                           [m.span() for m in plain.finditer(text, a, b)], t.name
    assert all(hits), hits


def test_the_form_lines_kept_do_not_hold_the_transcript():
    # a large source's transcript is let go once it is mapped (kg.pipeline): the kept form
    # lines must not keep it alive
    import gc
    import weakref

    from kg.extracting.nara_form import _form_lines
    from kg.reading.plaintext import read_plaintext

    t = read_plaintext("form.txt", "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : FBI\n")
    assert _form_lines(t)
    gone = weakref.ref(t)
    del t
    gc.collect()
    assert gone() is None


def test_the_participants_blocks_skipping_lines_are_those_of_the_scan_of_every_line():
    # kg.extracting.participants: only the lines that print a label's or a caption's words
    # are looked at for a block's opening; every real document, and its text upper-cased
    # (other lines print the words), gives the blocks the scan of every line gives, and the
    # blocks kept for the last transcript are those found anew
    import dataclasses

    from kg.extracting.participants import _blocks, blocks
    from tests.real_texts import real_transcripts

    found = 0
    for t in real_transcripts():
        for view in (t, dataclasses.replace(t, text=t.text.upper())):
            plain = _blocks(view, every_line=True)
            assert _blocks(view) == plain, t.name
            assert blocks(view) == plain and blocks(view) == plain, t.name
            found += len(plain)
    assert found >= 5, found


def test_what_is_kept_for_the_last_transcript_is_computed_afresh_for_another():
    from kg.extracting.kept import for_last_transcript
    from kg.reading.plaintext import read_plaintext

    calls = []

    def lines_of(t):
        calls.append(t.name)
        return [ln.kind for ln in t.lines]

    kept = for_last_transcript(lines_of)
    a = read_plaintext("a.txt", "one\n\ntwo")
    b = read_plaintext("b.txt", "three")
    assert kept(a) == ["text", "blank", "text"]
    kept(a).clear()                                  # the caller's list, not the one kept
    assert kept(a) == ["text", "blank", "text"] and calls == ["a.txt"]
    assert kept(b) == ["text"] and kept(a) == ["text", "blank", "text"]
    assert calls == ["a.txt", "b.txt", "a.txt"]
    assert kept.__wrapped__ is lines_of


def test_the_lines_that_are_no_prose_are_those_the_scan_of_every_line_finds():
    # kg.extracting.citing.skipped_lines looks only at the lines that print a label's words
    # and at the line of each listed offset; on every real document, with the offsets of its
    # participants and drafters and with offsets spread over its whole text (line starts and
    # ends, blank lines), it gives the lines the scan of every line gives
    from kg.extracting.citing import skipped_lines
    from kg.records import Drafter, Participant
    from tests.real_texts import real_transcripts

    found = 0
    for t in real_transcripts():
        records = _found(t)
        listed = [t.reading_offset(r.evidence[0].start) for r in records
                  if isinstance(r, (Participant, Drafter)) and r.evidence]
        spread = list(range(0, len(t.text) + 1, 97)) + [ln.start for ln in t.lines[::5]] \
            + [ln.end for ln in t.lines[::7]]
        for offsets in (listed, spread, []):
            plain = skipped_lines(t, offsets, every_line=True)
            assert skipped_lines(t, offsets) == plain, t.name
            found += len(plain)
    assert found > 100, found


def test_a_cables_head_lines_are_searched_for_the_patterns_whose_words_they_print():
    # kg.extracting.telegram: a line of a message's head is searched only for the precedence
    # and caption patterns whose words it prints; on every line of every real document (and
    # its text in capitals, where the words stand) every pattern that finds something is one
    # of those
    from kg.extracting.telegram import _HEAD_PATTERNS, _HEAD_WORDS
    from tests.real_texts import real_transcripts

    found = 0
    for t in real_transcripts():
        for text in (t.text, t.text.upper()):
            for line in text.splitlines():
                matching = [k for k, (rx, _label) in enumerate(_HEAD_PATTERNS) if rx.search(line)]
                assert set(matching) <= set(_HEAD_WORDS.which(line)), line
                found += len(matching)
    assert found > 20, found


def test_a_printed_place_is_the_first_place_whose_pattern_matches_it():
    # kg.extracting.header.normalise_place tries only the places whose words the text prints;
    # every line of every real document, and the places' own names, give the place the plain
    # loop over every pattern gives
    from kg.extracting.header import normalise_place, places
    from tests.real_texts import real_transcripts

    texts = [line for t in real_transcripts() for line in t.text.splitlines()]
    texts += [p.name for p in places()] + ["USUN", "US Mission NY", "Amembassy MOSCOW", "ſaigon", "Kİev"]
    hits = 0
    for text in texts:
        plain = normalise_place(text, every_place=True)
        assert normalise_place(text) == plain, text
        hits += plain is not None
    assert hits > 50, hits


TELEGRAM_CITES = ["Deptel 1745", "Moscow's 1084 and 1090", "Department's telegram no. 12",
                  "EMBTEL. 5", "DEPT’S CABLES 12 and 14", "reference: USUN'S 3301", "Urtels 55, 56",
                  "Depcirtel No.4", "mytel 7", "Department’s tel 88"]


def test_a_text_that_cites_no_telegram_by_number_prints_no_cue_before_a_number():
    # kg.extracting.citations searches a text for the telegrams it cites only when it prints a
    # cable's word or an "'s" just before a number; every match of the telegram pattern, in
    # every real document and in the forms of the cable abbreviations, prints that cue
    from kg.extracting.citations import _TEL_RE, cites_by_number
    from kg.lexicon.alternation import lowered
    from tests.real_texts import real_transcripts

    texts = [t.text for t in real_transcripts()] + TELEGRAM_CITES + [" ".join(TELEGRAM_CITES).upper()]
    matches = 0
    for text in texts:
        for m in _TEL_RE.finditer(text):
            assert cites_by_number(lowered(text)), text[:80]
            assert cites_by_number(m.group().lower()), m.group()
            matches += 1
    assert matches >= len(TELEGRAM_CITES) * 2
    assert not cites_by_number("kennedy's house, the intelligence 5 hotel")


def test_the_known_names_pattern_kept_is_the_one_made_for_the_document():
    # kg.extracting.persons compiles the known names' pattern once for each list of names (the
    # authority's, and with a document's participants); for every real document it is the
    # pattern made afresh from that document's names
    from kg.extracting.persons import _bare_re, _known_names
    from tests.real_texts import real_transcripts

    for t in real_transcripts():
        known = tuple(_known_names(_found(t)))
        assert _bare_re(known).pattern == _bare_re.__wrapped__(known).pattern, t.name


def test_every_issue_of_a_periodical_prints_issue_of():
    # kg.extracting.citations searches a text for the issues of periodicals it cites only when
    # it prints "issue of"; every match in every real document and in the forms of the
    # docstring prints it
    from kg.extracting.citations import _ISSUE_OF, _ISSUE_RE
    from tests.real_texts import real_transcripts

    texts = [t.text for t in real_transcripts()] + [
        "the November 5 issue of the US NEWS AND WORLD REPORT containing an interview with him",
        "in the June 3 issue of the New York Times", "the May 12,  issue of\nTime"]
    matches = 0
    for text in texts:
        for m in _ISSUE_RE.finditer(text):
            assert _ISSUE_OF.search(m.group()), m.group()
            matches += 1
    assert matches >= 3


def test_the_sides_words_kept_are_those_made_afresh():
    # kg.extracting.proposals keeps the sides' word alternations per (side, sides)
    from kg.extracting.proposals import _side_words

    for side in (None, "US", "USSR", "UK", "Cuba"):
        for sides in (frozenset(), frozenset({"US", "USSR"}), frozenset({"US", "UK", "USSR", "Cuba"})):
            assert _side_words(side, sides) == _side_words.__wrapped__(side, sides)
            assert _side_words(side, sides)[0] is _side_words(side, sides)[0]
