"""Tests of the sweep helper and the shared checks of regional_clusters.models."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from regional_clusters.models import simulate_club_good, structured_network, summarise_runs, sweep
from regional_clusters.models._common import check_graph, rng_from


def toy(a, b=0.0, seed=0):
    rng = np.random.default_rng(seed)
    return {"y": a + b + rng.normal(), "z": a * 2.0}


def test_ci_matches_hand_computed_t_interval():
    runs = pd.DataFrame({"seed": range(5), "outcome": "y", "value": [1.0, 2.0, 3.0, 4.0, 5.0]})
    out = summarise_runs(runs, [], level=0.9)
    half = stats.t.ppf(0.95, 4) * np.std([1, 2, 3, 4, 5], ddof=1) / np.sqrt(5)
    assert out.loc[0, "mean"] == 3.0
    assert np.isclose(out.loc[0, "lower"], 3.0 - half)
    assert np.isclose(out.loc[0, "upper"], 3.0 + half)


def test_sweep_tidy_and_deterministic():
    a = sweep(toy, {"a": [0, 1], "b": [0.0, 5.0]}, seeds=4)
    b = sweep(toy, {"a": [0, 1], "b": [0.0, 5.0]}, seeds=4)
    pd.testing.assert_frame_equal(a, b)
    assert list(a.columns) == ["a", "b", "outcome", "n", "mean", "sd", "lower", "upper"]
    assert len(a) == 2 * 2 * 2
    z = a[a.outcome == "z"]
    # a deterministic outcome has a zero-width interval
    assert np.allclose(z["lower"], z["upper"])


def test_sweep_raw_and_seed_list():
    raw = sweep(toy, {"a": [1]}, seeds=[3, 7], raw=True)
    assert sorted(raw.seed.unique()) == [3, 7]


@pytest.mark.parametrize(
    "kwargs, word",
    [
        (dict(grid={"a": []}), "'a'"),
        (dict(grid={"a": [1]}, fixed={"a": 2}), "'a'"),
        (dict(grid={"a": [1]}, seeds=0), "seeds"),
        (dict(grid={"a": [1]}, seeds=[]), "seeds"),
        (dict(grid={"a": [1]}, level=1.5), "level"),
        (dict(grid={"a": [1]}, seed=-1), "seed"),
        (dict(grid={"a": [1]}, seed=1.5), "seed"),
        (dict(grid={"a": [1]}, batch_size=0), "batch_size"),
        (dict(grid={"a": [1]}, executor="pool"), "executor"),
        (dict(grid={"a": [1], "seed": [1]}), "seed"),
    ],
)
def test_sweep_rejects_bad_arguments(kwargs, word):
    with pytest.raises(ValueError, match=word):
        sweep(toy, **kwargs)


def test_rng_and_graph_checks():
    g = np.random.default_rng(1)
    assert rng_from(g) is g
    for bad in (-1, 1.5, "a", True):
        with pytest.raises(ValueError, match="seed"):
            rng_from(bad)
    with pytest.raises(ValueError, match="undirected"):
        check_graph(nx.DiGraph([(0, 1)]))


@pytest.mark.parametrize("kind", ["closed", "bridging", "random"])
def test_structured_networks_have_equal_size(kind):
    G = structured_network(kind, 6, 8, seed=2)
    ref = structured_network("closed", 6, 8, seed=2)
    assert G.number_of_nodes() == 48
    assert G.number_of_edges() == ref.number_of_edges()
    assert nx.utils.graphs_equal(G, structured_network(kind, 6, 8, seed=2))


def test_closed_has_more_clustering_than_bridging_and_random():
    c = [nx.average_clustering(structured_network(k, 8, 10, seed=3)) for k in ("closed", "bridging", "random")]
    assert c[0] > c[1] > c[2]
    with pytest.raises(ValueError, match="kind"):
        structured_network("ring")


CLUB_GRID = {"sanction_prob": [0.0, 0.5], "visibility": [0.0, 0.8]}
CLUB_FIXED = {"n_members": 10, "steps": 20}


def club_sweep(**kw):
    return sweep(simulate_club_good, CLUB_GRID, seeds=3, fixed=CLUB_FIXED, seed=11, raw=True, **kw)


def test_root_seed_spawns_distinct_run_seeds_by_position():
    raw = sweep(toy, {"a": [0, 1]}, seeds=3, seed=5, raw=True)
    kids = np.random.SeedSequence(5).spawn(6)
    expected = [int(k.generate_state(1, dtype=np.uint64)[0]) for k in kids]
    # one row per run and outcome ("y", "z"), runs in grid order
    assert raw.drop_duplicates(["a", "seed"])["run_seed"].tolist() == expected
    assert raw["run_seed"].nunique() == 6
    # different root seeds give different draws
    other = sweep(toy, {"a": [0, 1]}, seeds=3, seed=6, raw=True)
    assert not np.allclose(raw["value"], other["value"])


def test_sweep_identical_serial_threads_and_batches():
    serial = club_sweep()
    with ThreadPoolExecutor(3) as pool:
        threads = club_sweep(executor=pool, batch_size=5)
    pd.testing.assert_frame_equal(serial, threads)


def test_sweep_identical_with_process_pool():
    serial = club_sweep()
    with ProcessPoolExecutor(2) as pool:
        par = club_sweep(executor=pool, batch_size=2)
    pd.testing.assert_frame_equal(serial, par)
    summary = sweep(simulate_club_good, CLUB_GRID, seeds=3, fixed=CLUB_FIXED, seed=11)
    pd.testing.assert_frame_equal(summary, summarise_runs(serial, list(CLUB_GRID)))


def test_sweep_identical_on_dask_local_cluster():
    distributed = pytest.importorskip("dask.distributed")
    serial = club_sweep()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            on_dask = club_sweep(executor=client.get_executor())
    pd.testing.assert_frame_equal(serial, on_dask)


def test_progress_bar_does_not_change_results(capsys):
    pd.testing.assert_frame_equal(club_sweep(progress=True), club_sweep())


def test_paired_difference_matches_hand_computed_pairs():
    from regional_clusters.models import paired_difference

    tab = paired_difference(toy, "a", 0, 1, {"b": [0.0]}, seeds=5).set_index("outcome")
    # y = a + b + noise(seed): the noise cancels pair by pair, so the difference is exactly 1 with no spread
    assert tab.loc["y", "difference"] == pytest.approx(1.0)
    assert tab.loc["y", "upper"] - tab.loc["y", "lower"] == pytest.approx(0.0, abs=1e-12)
    assert tab.loc["z", "difference"] == pytest.approx(2.0) and tab.loc["y", "sign"] == "+"
    for kwargs, word in [(dict(grid={"a": [1]}), "'a'"), (dict(fixed={"a": 1}), "'a'"), (dict(outcomes=["w"]), "'w'")]:
        with pytest.raises(ValueError, match=word):
            paired_difference(toy, "a", 0, 1, **kwargs)
    with pytest.raises(ValueError, match="equal"):
        paired_difference(toy, "a", 1, 1)


def test_local_pool_gives_the_serial_table():
    from regional_clusters.models import local_pool

    with local_pool(2) as pool:
        par = club_sweep(executor=pool)
    pd.testing.assert_frame_equal(par, club_sweep())
    with pytest.raises(ValueError, match="workers"):
        local_pool(0)
