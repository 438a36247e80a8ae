"""The registries of readers, extractors and mappers: parts register themselves, the pipeline
order follows what the extractors declare, and every mistake is an error that says which."""
from __future__ import annotations

import sys
import textwrap

import pytest

from kg.extracting import EXTRACTORS, Extractor, extractor, order, pipeline, run
from kg.mapping.core import MAPPERS, maps
from kg.reading import READERS, reader, read_text, readers
from kg.records import (Claim, DocumentHeader, Drafter, Marking, Participant, Proposal,
                        SpeakerTurn)
from kg.registry import Registry, RegistryError


def noop(t, found):
    return []


def names(extractors):
    return [e.name for e in extractors]


# --- the order of the extractors -------------------------------------------------------------

def test_an_extractor_runs_after_every_extractor_producing_what_it_requires():
    es = [Extractor("a_turns", noop, requires=(Participant,), produces=(SpeakerTurn,)),
          Extractor("z_list", noop, produces=(Participant,)),
          Extractor("m_markup", noop, produces=(Participant,))]
    assert names(order(es)) == ["m_markup", "z_list", "a_turns"]


def test_extractors_that_need_nothing_of_each_other_run_in_the_order_of_their_names():
    es = [Extractor(n, noop, produces=(Marking,)) for n in ("pages", "editorial", "markings")]
    assert names(order(es)) == ["editorial", "markings", "pages"]
    assert names(order(reversed(es))) == names(order(es))


def test_after_orders_without_a_requirement():
    es = [Extractor("drafters", noop, produces=(Drafter,), after=("frus_markup",)),
          Extractor("frus_markup", noop, produces=(Drafter, DocumentHeader))]
    assert names(order(es)) == ["frus_markup", "drafters"]


def test_requiring_a_kind_it_also_produces_is_no_cycle():
    es = [Extractor("header", noop, requires=(DocumentHeader,), produces=(DocumentHeader,)),
          Extractor("frus_markup", noop, produces=(DocumentHeader,))]
    assert names(order(es)) == ["frus_markup", "header"]


def test_a_kind_no_extractor_produces_is_an_error():
    es = [Extractor("proposals", noop, requires=(Claim,), produces=(Proposal,), module="m")]
    with pytest.raises(RegistryError, match="'proposals' .* requires Claim, which no extractor produces"):
        order(es)


def test_a_cycle_is_an_error_that_names_who_waits_on_whom():
    es = [Extractor("claims", noop, requires=(Proposal,), produces=(Claim,)),
          Extractor("proposals", noop, requires=(Claim,), produces=(Proposal,))]
    with pytest.raises(RegistryError, match="claims needs proposals, proposals needs claims"):
        order(es)


def test_after_an_unknown_extractor_is_an_error():
    es = [Extractor("drafters", noop, produces=(Drafter,), after=("frus_mark",))]
    with pytest.raises(RegistryError, match="runs after 'frus_mark', which is no extractor"):
        order(es)


def test_the_pipeline_honours_every_declaration():
    ran: list[Extractor] = []
    for e in pipeline():
        for kind in e.requires:
            later = [p.name for p in pipeline() if kind in p.produces and p.name != e.name
                     and p not in ran]
            assert later == [], f"{e.name} runs before {later}, which produce {kind.__name__}"
        assert set(e.after) <= {p.name for p in ran}
        ran.append(e)
    assert len(ran) == len(EXTRACTORS)


def test_the_markup_comes_before_what_defers_to_it():
    got = names(pipeline())
    for name in ("header", "drafters", "participants"):
        assert got.index("frus_markup") < got.index(name)
    assert got.index("signatures") > max(got.index(n) for n in ("drafters", "telegram"))


# --- names --------------------------------------------------------------------------------

def test_an_unknown_extractor_is_an_error_not_a_no_op(seed_transcript):
    with pytest.raises(RegistryError, match="unknown extractor 'turn'; known: .*turns"):
        run(seed_transcript, skip=("turn",))


def test_skipping_an_extractor_leaves_its_records_out(seed_transcript):
    records = run(seed_transcript, skip=("citations",))
    assert not [r for r in records.records if r.extractor == "citations"]
    assert [r for r in records.records if r.extractor == "turns"]


def test_a_name_registered_twice_is_an_error():
    def imposter(t, found):
        return []

    with pytest.raises(RegistryError, match="extractor 'turns' is registered twice: in "
                                            "kg.extracting.turns.extract and in .*imposter"):
        extractor("turns", produces=(SpeakerTurn,))(imposter)
    assert EXTRACTORS["turns"].module == "kg.extracting.turns"


def test_a_declaration_names_record_kinds():
    with pytest.raises(RegistryError, match="'x': 'Claim' is not a record kind"):
        extractor("x", produces=("Claim",))
    with pytest.raises(RegistryError, match="'x' declares no record kind it produces"):
        extractor("x")


def test_a_module_that_does_not_import_is_an_error_with_its_cause(tmp_path, monkeypatch):
    pkg = tmp_path / "brokenparts"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "good.py").write_text("")
    (pkg / "bad.py").write_text(textwrap.dedent("""\
        import no_such_module_anywhere
        """))
    monkeypatch.syspath_prepend(str(tmp_path))
    registry: Registry = Registry("extractor", "brokenparts")
    with pytest.raises(RegistryError, match="brokenparts.bad cannot be imported: "
                                            "ModuleNotFoundError: No module named 'no_such_module_anywhere'"):
        registry.load()
    sys.modules.pop("brokenparts.bad", None)


# --- readers and mappers ----------------------------------------------------------------------

def test_readers_register_themselves_and_ties_go_to_the_more_specific():
    assert [r.name for r in readers()] == ["tei", "plaintext", "markdown"]
    assert {r.module for r in readers()} == {"kg.reading.tei", "kg.reading.plaintext",
                                              "kg.reading.markdown"}
    # markdown sniffs every text at 0.5: plain text with no cue at all is still read
    assert read_text("x.txt", "Nothing here but words.\n").reader == "markdown"


def test_a_reader_registered_twice_is_an_error():
    with pytest.raises(RegistryError, match="reader 'tei' is registered twice"):
        reader("tei", sniff=lambda raw: 1.0)(lambda name, raw: None)
    assert READERS["tei"].module == "kg.reading.tei"


def test_a_record_kind_has_one_mapper():
    assert MAPPERS[Participant].__module__ == "kg.mapping.document"
    with pytest.raises(RegistryError, match="mapper 'Participant' is registered twice"):
        maps(Participant)(lambda record, ctx: None)
    with pytest.raises(RegistryError, match="not a record kind"):
        maps(str)


def test_every_record_kind_an_extractor_produces_has_a_mapper():
    produced = {k for e in pipeline() for k in e.produces}
    assert sorted(k.__name__ for k in produced if k not in MAPPERS) == []
