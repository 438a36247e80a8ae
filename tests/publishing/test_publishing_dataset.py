"""Every dump carries the licence and the attribution of the source texts, so an archive that
takes one file alone knows the terms (before, only void.ttl named a licence)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from publishing_support import merged
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.cli import main
from kg.mapping.core import DEFAULT_BASE, SCHEMA
from kg.publishing.dataset import DEFAULT_ATTRIBUTION, DEFAULT_LICENSE, dataset_iri, description
from kg.validating import validate

DATASET = URIRef(dataset_iri(DEFAULT_BASE))
DUMPS = [("kg.ttl", "turtle"), ("kg.nq", "nquads"), ("kg.trig", "trig"), ("kg.jsonld", "json-ld"),
         ("void.ttl", "turtle")]


@pytest.mark.parametrize("name, fmt", DUMPS)
def test_every_dump_names_the_licence_and_credits_the_source_texts(seed_out, name, fmt):
    g = merged(seed_out / name, fmt)
    assert g.value(DATASET, DCTERMS.license) == URIRef(DEFAULT_LICENSE)
    assert g.value(DATASET, SCHEMA.creditText) == Literal(DEFAULT_ATTRIBUTION, lang="en")


def test_a_project_names_its_own_licence_and_attribution(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seeds", seeds)
    licence = "https://creativecommons.org/licenses/by/4.0/"
    credit = "Transcriptions: Office of the Historian, US Department of State"
    run = CliRunner().invoke(main, ["build", str(seeds), "--out", str(tmp_path / "out"), "--no-store",
                                    "--license", licence, "--attribution", credit])
    assert run.exit_code == 0, run.output
    for name, fmt in DUMPS:
        g = merged(tmp_path / "out" / name, fmt)
        assert g.value(DATASET, DCTERMS.license) == URIRef(licence), name
        assert g.value(DATASET, SCHEMA.creditText) == Literal(credit, lang="en"), name


def test_the_description_of_the_dataset_passes_the_shapes():
    assert validate(description()).conforms
