"""The shipped JSON-LD context names every term the ontology defines: when the ontology
grows, `kg.publishing.dumps.write_context_file()` must be run (this spec says so)."""
from __future__ import annotations

import json

from kg.publishing.dumps import CONTEXT_PATH, derive_context


def test_the_shipped_context_is_derived_from_the_current_ontology():
    shipped = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))
    assert shipped == derive_context(), "run kg.publishing.dumps.write_context_file()"
