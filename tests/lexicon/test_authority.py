"""The authority data: persons, office-holders, verified external identifiers only."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from kg.lexicon.authority import (authority, authority_lookup, by_key, holder, merge_wikidata,
                                  office_of, offices)
from kg.lexicon.matching import surname

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "authority"


def verified_qids() -> dict[str, str]:
    with open(FIXTURES / "wikidata.csv", encoding="utf-8") as fh:
        return {row["wikidata"]: row["label"] for row in csv.DictReader(fh)}


def test_no_qid_is_invented():
    verified = verified_qids()
    for entry in authority():
        if entry.wikidata:
            assert entry.wikidata in verified, f"{entry.key}: {entry.wikidata} is not verified"
    # persons deliberately left without a QID until one is verified
    for key in ("stevenson-adlai-e", "u-thant", "mccloy-john-j", "gromyko-andrei"):
        assert by_key()[key].wikidata is None
    assert by_key()["kennedy-john-f"].wikidata == "Q9696"
    assert by_key()["khrushchev-nikita-s"].wikidata == "Q35314"


def test_every_office_holder_is_in_the_authority_and_terms_do_not_overlap():
    tenures, forms = offices()
    keys = set(by_key())
    for t in tenures:
        assert t.holder in keys, t.holder
        assert t.end is None or t.start <= t.end
    by_office: dict[str, list] = {}
    for t in tenures:
        by_office.setdefault(t.office, []).append(t)
    for office, ts in by_office.items():
        ts.sort(key=lambda t: t.start)
        for a, b in zip(ts, ts[1:]):
            assert a.end is not None and a.end <= b.start, office


def test_titles_name_offices_and_offices_have_holders_by_date():
    assert office_of("the President") == "president-us"
    assert office_of("Defense Secretary") == "secretary-of-defense-us"
    assert office_of("the Secretary General of the UN") == "un-secretary-general"
    assert office_of("Mr.") is None
    assert holder("president-us", date(1962, 11, 6)).key == "kennedy-john-f"
    assert holder("president-us", date(1963, 11, 22)) is None       # two holders that day
    assert holder("secretary-of-defense-us", date(1962, 11, 6)).key == "mcnamara-robert-s"
    assert holder("premier-ussr", date(1962, 11, 6)).key == "khrushchev-nikita-s"
    assert holder("soviet-ambassador-us", date(1962, 2, 15)) is None  # between envoys
    assert holder("president-us", None) is None


PERSONS = """# comment kept
key,name,surnames,country,wikidata
kennedy-john-f,John F. Kennedy,Kennedy,US,
castro-fidel,Fidel Castro,Castro,Cuba,Q999
rusk-dean,Dean Rusk,Rusk,US,
"""

WIKIDATA = """label,kind,wikidata,wikipedia_title
John F. Kennedy,person,Q9696,John F. Kennedy
Fidel Castro,person,Q11256,Fidel Castro
Nikita Khrushchev,person,Q35314,Nikita Khrushchev
Havana,place,Q1563,Havana
Dean Rusk,organization,Q1,Dean Rusk
"""


def test_merging_a_newer_wikidata_list_fills_gaps_only():
    text, changes = merge_wikidata(PERSONS, WIKIDATA)
    rows = {r["key"]: r for r in csv.DictReader(l for l in text.splitlines() if not l.startswith("#"))}
    assert text.startswith("# comment kept\n")
    assert rows["kennedy-john-f"]["wikidata"] == "Q9696"           # filled
    assert rows["castro-fidel"]["wikidata"] == "Q999"              # never overwritten
    assert rows["rusk-dean"]["wikidata"] == ""                     # not a person row: ignored
    assert "khrushchev" not in text                                # merging adds no person
    assert changes == ["kennedy-john-f: Q9696",
                       "castro-fidel: conflict, kept Q999, list says Q11256"]


def test_the_shipped_authority_is_already_merged_with_the_verified_list():
    shipped = (Path(__file__).resolve().parents[2] / "kg" / "data" / "persons.csv").read_text()
    _, changes = merge_wikidata(shipped, (FIXTURES / "wikidata.csv").read_text())
    assert changes == []


def test_a_surname_keeps_its_particle_and_its_spellings_are_one_person():
    assert surname("Charles de Gaulle") == "de Gaulle" and surname("A. Akalovsky") == "Akalovsky"
    # "de Gaulle" and "DeGaulle" fold alike: the same person, not a tie between two
    entry, score = authority_lookup("General de Gaulle")
    assert (entry.key, score) == ("de-gaulle-charles", 1.0)
