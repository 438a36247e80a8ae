"""One document through every stage (kg.pipeline.process_file): the cycle collector is paused
while a document is processed and is as the caller left it afterwards, whatever the outcome."""
from __future__ import annotations

import gc
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
