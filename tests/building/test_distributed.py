"""--scheduler: the same per-document work on a Dask cluster gives the same bytes as --jobs 1."""
from __future__ import annotations

import pytest
from building_support import output_bytes

from kg.building import build
from kg.mapping.core import DEFAULT_BASE

distributed = pytest.importorskip("distributed")


@pytest.fixture
def cluster():
    c = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                 dashboard_address=None, silence_logs=40)
    try:
        yield c
    finally:
        c.close(timeout=20)


def test_a_dask_cluster_gives_the_same_bytes_as_one_local_job(corpus, tmp_path, cluster):
    files = sorted(corpus.iterdir())
    local = build(files, tmp_path / "local", DEFAULT_BASE, jobs=1, store=False)
    remote = build(files, tmp_path / "dask", DEFAULT_BASE, scheduler=cluster.scheduler_address,
                   store=False)
    assert remote.published == local.published == len(files)
    assert sorted(remote.processed) == sorted(f.name for f in files)
    assert output_bytes(tmp_path / "dask") == output_bytes(tmp_path / "local")
