"""The Dask runner gives the same dossier as a local run."""
from __future__ import annotations

from pathlib import Path

import pytest

import crossread
from crossread.render.dossier import dossier_json

dask = pytest.importorskip("dask")


def test_dask_runner_matches_local_run(example_dir: Path, tmp_path: Path) -> None:
    from crossread.dask_runner import analyze_on_dask

    (tmp_path / "empty.txt").write_bytes(b"")
    inputs = [example_dir, tmp_path / "empty.txt"]
    local = crossread.analyze(inputs)
    with dask.config.set(scheduler="processes", num_workers=2):
        distributed = analyze_on_dask(inputs, batch_size=3)
    assert dossier_json(distributed) == dossier_json(local)
    assert [p.code for p in distributed.problems] == ["E101"]


def test_dask_runner_with_a_local_cluster(example_dir: Path) -> None:
    from dask.distributed import Client, LocalCluster

    from crossread.dask_runner import analyze_on_dask

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        dossier = analyze_on_dask([example_dir], client=client, batch_size=3)
    assert dossier_json(dossier) == dossier_json(crossread.analyze([example_dir]))
