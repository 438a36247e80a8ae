"""The seed built once per session with its store, and its site written from that store."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kg build seeds/ --out TMP` (with its store), once: the output folder."""
    from kg.building import build
    from kg.mapping.core import DEFAULT_BASE

    out = tmp_path_factory.mktemp("site-build") / "out"
    summary = build([REPO_ROOT / "seeds" / "000_518769ec419a4fc7.txt"], out, DEFAULT_BASE, jobs=1)
    assert summary.published == 1
    return out


@pytest.fixture(scope="session")
def seed_site(seed_build: Path) -> Path:
    """`kg site --store out/store --out out/site`: the site folder."""
    from kg.site.pages import write_site

    report = write_site(seed_build / "store", seed_build / "site", [REPO_ROOT / "seeds"])
    assert report.documents == report.with_source == 1, report.notes
    return seed_build / "site"


@pytest.fixture(scope="session")
def seed_evidence(seed_build: Path) -> dict[str, set[tuple[int, int, str]]]:
    """{item anchor: {(start, end, exact)}} of every evidence in the seed's graph."""
    import pyoxigraph as ox

    from kg.site.pages import anchor

    store = ox.Store.read_only(str(seed_build / "store"))
    query = """PREFIX dk: <https://w3id.org/declass-kg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
    SELECT ?doc ?item ?s ?e ?x WHERE { ?item dk:hasEvidence/oa:hasTarget ?t .
      ?t oa:hasSource ?src ; oa:hasSelector ?sel . ?doc dk:sourceFile ?src .
      ?sel oa:start ?s ; oa:end ?e ; oa:exact ?x }"""
    found: dict[str, set] = {}
    for row in store.query(query):
        key = anchor(row["item"].value, row["doc"].value)
        found.setdefault(key, set()).add((int(row["s"].value), int(row["e"].value), row["x"].value))
    return found
