"""Tests of the sweep helper and the shared checks of regional_clusters.models."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from regional_clusters.models import structured_network, summarise_runs, sweep
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
