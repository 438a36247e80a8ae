"""One document through every stage (kg.pipeline.process_file): the cycle collector is paused
while a document is processed and is as the caller left it afterwards, whatever the outcome."""
from __future__ import annotations

import gc
import weakref
from pathlib import Path

import kg.pipeline as pipeline

SEED = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[0]


def test_the_collector_is_paused_for_a_document_and_back_after_it(monkeypatch):
    seen = []
    real = pipeline.map_document

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "map_document", spy)
    assert gc.isenabled()
    result = pipeline.process_file(SEED)
    assert result.published and seen == [False]
    assert gc.isenabled()


def test_the_collector_is_back_after_an_unreadable_or_failing_document(tmp_path, monkeypatch):
    assert pipeline.process_file(tmp_path / "missing.txt").status == "unreadable"
    assert gc.isenabled()

    def broken(*args, **kwargs):
        raise RuntimeError("a mapper bug")

    monkeypatch.setattr(pipeline, "map_document", broken)
    result = pipeline.process_file(SEED)
    assert result.status == "failed" and "a mapper bug" in result.reason
    assert gc.isenabled()


def test_a_caller_that_paused_the_collector_finds_it_paused():
    gc.disable()
    try:
        assert pipeline.process_file(SEED).published
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_source_its_records_and_their_resolution_are_let_go_before_the_gate(monkeypatch):
    # A large source's peak is what its later stages hold at once: by the time the graph is
    # checked, only the graph and its N-Quads are needed.  (The collector is paused while a
    # document is processed, so what is gone here was freed by the pipeline letting go of it.)
    kept = {}

    def keeping(stage, real):
        def spy(*args, **kwargs):
            found = real(*args, **kwargs)
            kept[stage] = weakref.ref(found)
            return found
        return spy

    for stage in ("read_file", "extract", "resolve_document"):
        monkeypatch.setattr(pipeline, stage, keeping(stage, getattr(pipeline, stage)))
    alive_at_the_gate = {}
    real_check = pipeline.check

    def check(*args, **kwargs):
        alive_at_the_gate.update({stage: ref() is not None for stage, ref in kept.items()})
        return real_check(*args, **kwargs)

    monkeypatch.setattr(pipeline, "check", check)
    result = pipeline.process_file(SEED)
    assert result.published
    assert alive_at_the_gate == {"read_file": False, "extract": False, "resolve_document": False}


def test_a_documents_nquads_are_kept_in_utf8_and_read_as_text():
    result = pipeline.process_file(SEED)
    assert isinstance(result.nquads_utf8, bytes)
    assert result.nquads == result.nquads_utf8.decode("utf-8")
    assert result.nquads.startswith("<") and result.nquads.endswith(" .\n")
    result.nquads = "é"
    assert result.nquads_utf8 == "é".encode("utf-8")


def test_a_document_the_fast_gate_hands_back_is_built_again_for_pyshacl(monkeypatch):
    # the fast gate empties the triples before loading its store; if the store then cannot
    # decide the document, the document is built again and checked by pyshacl
    plain = pipeline.process_file(SEED)
    gates = []
    real_check = pipeline.check

    def check(triples, words, gate, *args, **kwargs):
        gates.append(gate)
        if gate == "fast":
            triples.clear()
            return None
        return real_check(triples, words, gate, *args, **kwargs)

    monkeypatch.setattr(pipeline, "check", check)
    again = pipeline.process_file(SEED)
    assert gates == ["fast", "pyshacl"]
    assert again.published and again.nquads_utf8 == plain.nquads_utf8
    assert again.report == plain.report and again.triples == plain.triples
