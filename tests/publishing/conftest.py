"""Fixtures for the publishing specs: the seed built once per session (no store), and a small
hand-written two-document dataset that exercises every kind of RDF term the dumps must carry."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

ID = "https://w3id.org/declass-kg/id/"
DK = "https://w3id.org/declass-kg/ontology#"
G1 = f"{ID}graph/memcon-a"
G2 = f"{ID}graph/telcon-b"

# Two named graphs sharing one person (the same triple in both: counted once when merged), a
# default-graph triple, typed, language-tagged, boolean and coerced literals, a literal with
# quotes, a newline and non-ASCII text, a blank node, an rdf:type without a short name, a
# predicate outside every prefix, and an object property used with a literal value.
SMALL_NQUADS = f"""\
<{ID}doc/memcon-a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.ica.org/standards/RiC/ontology#Record> <{G1}> .
<{ID}doc/memcon-a> <{DK}subjectLine> "Cuba: \\"quarantine\\"\\nline two — Хрущёв" <{G1}> .
<{ID}doc/memcon-a> <http://purl.org/dc/terms/created> "1962-10-18"^^<http://www.w3.org/2001/XMLSchema#date> <{G1}> .
<{ID}doc/memcon-a> <http://www.w3.org/2000/01/rdf-schema#label> "Memorandum"@en <{G1}> .
<{ID}doc/memcon-a> <{DK}hasEvidence> <{ID}doc/memcon-a#ev0> <{G1}> .
<{ID}doc/memcon-a#ev0> <http://www.w3.org/ns/oa#start> "12"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> <{G1}> .
<{ID}doc/memcon-a#ev0> <http://www.w3.org/ns/oa#end> "20"^^<http://www.w3.org/2001/XMLSchema#integer> <{G1}> .
<{ID}doc/memcon-a#ev0> <{DK}struck> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> <{G1}> .
<{ID}doc/memcon-a#ev0> <http://example.org/unprefixed#note> _:b1 <{G1}> .
_:b1 <http://www.w3.org/2000/01/rdf-schema#comment> "a blank node" <{G1}> .
<{ID}person/gromyko> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> <{G1}> .
<{ID}person/gromyko> <https://schema.org/name> "Andrei A. Gromyko" <{G1}> .
<{ID}person/gromyko> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> <{G2}> .
<{ID}person/gromyko> <https://schema.org/name> "Andrei A. Gromyko" <{G2}> .
<{ID}person/gromyko> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q83288> <{G2}> .
<{ID}doc/telcon-b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/classes#Telcon> <{G2}> .
<{ID}doc/telcon-b> <{DK}mentionOf> "a literal where an IRI is expected" <{G2}> .
<{ID}doc/telcon-b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.ica.org/standards/RiC/ontology#Record> <{G2}> .
<{ID}dataset> <http://www.w3.org/2000/01/rdf-schema#label> "in the default graph" .
"""


@pytest.fixture
def small_nquads() -> str:
    return SMALL_NQUADS


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kg build seeds --out TMP --no-store`, once per session: the folder it published."""
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path_factory.mktemp("seed-build") / "out"
    result = CliRunner().invoke(main, ["build", str(REPO_ROOT / "seeds"), "--out", str(out), "--no-store"])
    assert (out / "kg.nq").is_file(), result.output
    return out
