"""Classification and handling markings as printed, struck or not."""
from __future__ import annotations

from kg.extracting import markings
from tests.conftest import raw_line


def test_every_banner_of_the_seed_is_a_marking_with_its_line(seed_transcript):
    t = seed_transcript
    found = {(t.raw_line_of(m.evidence[0].start), m.text, m.struck) for m in markings.extract(t, [])}
    assert (37, "Eyes Only", False) in found
    assert (38, "CLASS REVIEW", True) in found        # "~~CLASS~~ REVIEW": a struck stamp caption
    assert (100, "SECRET", True) in found             # "S ~~SECRET~~": the stray letter is not kept
    assert (215, "CONFIDENTIAL - EYES ONLY", True) in found
    assert (247, "SECRET", False) in found            # "**SECRET**" is not struck
    assert len(found) == 17


def test_a_marking_has_a_level_and_caveats(seed_transcript):
    m = next(m for m in markings.extract(seed_transcript, []) if m.text == "SECRET - EYES ONLY")
    assert m.level == "SECRET" and m.caveats == ("EYES ONLY",)
    assert m.evidence[0].exact == "~~SECRET - EYES ONLY~~"


def test_ocr_misreadings_of_caveats_are_normalised():
    assert markings.caveats_of("SECRET EVES ONLY") == ("EYES ONLY",)
    assert markings.level_of("TOP SECRET - EXDIS") == "TOP SECRET"


def test_marking_evidence_is_the_raw_line(seed_transcript):
    t = seed_transcript
    for m in markings.extract(t, []):
        s = m.evidence[0]
        assert t.raw[s.start:s.end] == s.exact
        assert s.exact in raw_line(t.raw, t.raw_line_of(s.start))


def test_limit_distribution_after_the_level_is_a_caveat_and_the_level_is_read():
    # the header line of the State Department memoranda of 1959 ("SECRET; LIMIT DISTRIBUTION")
    from kg.reading.plaintext import read_plaintext
    t = read_plaintext("m.txt", "SECRET; LIMIT DISTRIBUTION\nMEMORANDUM OF CONVERSATION\n\n"
                                "The Secretary said that the talks had been useful to both sides.\n")
    (m,) = markings.extract(t, [])
    assert (m.level, m.caveats) == ("SECRET", ("LIMIT DISTRIBUTION",))
    assert m.evidence[0].exact == "SECRET; LIMIT DISTRIBUTION"


def test_limit_or_distribution_alone_is_no_banner():
    from kg.reading.plaintext import match_banner
    assert match_banner("DISTRIBUTION") is None
    assert match_banner("SECRET LIMIT") is None
