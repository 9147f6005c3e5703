"""Tests of Grabher's neighbourhood types and community detection."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regional_clusters.models import classify_neighbourhoods, epistemic_communities, local_density, type_mix


def test_local_density_equals_networkx_clustering():
    G = nx.karate_club_graph()
    ours = local_density(G)
    ref = pd.Series(nx.clustering(G))
    assert np.allclose(ours.to_numpy(), ref.reindex(ours.index).to_numpy())


@settings(max_examples=25, deadline=None)
@given(st.integers(5, 30), st.floats(0.05, 0.9), st.integers(0, 1000))
def test_local_density_property_matches_networkx(n, p, seed):
    G = nx.gnp_random_graph(n, p, seed=seed)
    assert np.allclose(local_density(G).to_numpy(), [nx.clustering(G)[v] for v in G.nodes])


def test_hand_built_three_types():
    G = nx.Graph()
    G.add_weighted_edges_from([("a", "b", 3), ("b", "c", 3), ("c", "a", 3)])  # strong triangle
    G.add_weighted_edges_from([("d", "e", 1), ("e", "f", 1), ("f", "d", 1)])  # weak triangle
    G.add_weighted_edges_from([("g", "h", 1), ("h", "i", 1)])  # weak path
    G.add_node("z")
    t = classify_neighbourhoods(G)["type"].astype(str)
    assert t[["a", "b", "c"]].eq("communality").all()
    assert t[["d", "e", "f"]].eq("sociality").all()
    assert t[["g", "h", "i"]].eq("connectivity").all()
    assert t["z"] == "isolate"


def test_thresholds_move_the_classification():
    G = nx.complete_graph(4)
    nx.set_edge_attributes(G, 2, "weight")
    assert classify_neighbourhoods(G)["type"].eq("communality").all()
    assert classify_neighbourhoods(G, strong=3)["type"].eq("sociality").all()
    assert classify_neighbourhoods(G, strong=3, dense=1.0)["type"].eq("sociality").all()


def test_bad_input():
    with pytest.raises(ValueError, match="dense"):
        classify_neighbourhoods(nx.path_graph(3), dense=2)
    G = nx.path_graph(3)
    G.edges[0, 1]["weight"] = -1
    with pytest.raises(ValueError, match=r"\(0, 1\)"):
        classify_neighbourhoods(G)
    with pytest.raises(ValueError, match="undirected"):
        classify_neighbourhoods(nx.DiGraph([(0, 1)]))
    with pytest.raises(ValueError, match="method"):
        epistemic_communities(nx.path_graph(3), method="spectral")
    with pytest.raises(ValueError, match="no edges"):
        epistemic_communities(nx.empty_graph(3))


def test_communities_recover_planted_groups_and_are_seeded():
    G = nx.planted_partition_graph(4, 10, 0.9, 0.02, seed=1)
    for method in ("louvain", "greedy"):
        c = epistemic_communities(G, method=method, seed=3)
        truth = np.arange(40) // 10
        # every planted group ends up in one community
        assert all(c[truth == g].nunique() == 1 for g in range(4))
    assert epistemic_communities(G, seed=5).equals(epistemic_communities(G, seed=5))


def test_type_mix_shares_sum_to_one():
    G = nx.karate_club_graph()
    types = classify_neighbourhoods(G, strong=3)
    by = pd.Series({v: G.nodes[v]["club"] for v in G.nodes})
    mix = type_mix(types, by)
    assert np.allclose(mix[["communality", "sociality", "connectivity"]].sum(axis=1), 1.0)
    assert mix["n"].sum() == 34
    with pytest.raises(ValueError, match="no group"):
        type_mix(types, by.iloc[:5])


def test_dyad_mixing_matches_brute_force():
    from itertools import combinations

    from regional_clusters.models import dyad_mixing

    rng = np.random.default_rng(4)
    G = nx.gnp_random_graph(30, 0.2, seed=4)
    for v in G.nodes:
        G.nodes[v]["country"] = rng.choice(["DE", "FR", "IT"])
        G.nodes[v]["field"] = rng.choice(["LEIT", "SC1"])
    for u, v in G.edges:
        G.edges[u, v]["weight"] = float(rng.integers(1, 4))
    out = dyad_mixing(G, ["country", "field"])
    s = dict(G.degree(weight="weight"))
    two_w = sum(s.values())
    ref = {}
    for i, j in combinations(G.nodes, 2):
        sc = G.nodes[i]["country"] == G.nodes[j]["country"]
        sf = G.nodes[i]["field"] == G.nodes[j]["field"]
        key = f"{'same' if sc else 'other'} country, {'same' if sf else 'other'} field"
        r = ref.setdefault(key, [0, 0, 0.0, 0.0])
        w = G.edges[i, j]["weight"] if G.has_edge(i, j) else 0.0
        r[0] += 1
        r[1] += G.has_edge(i, j)
        r[2] += w
        r[3] += s[i] * s[j] / two_w
    for key, (pairs, tied, obs, exp) in ref.items():
        row = out.loc[key]
        assert row["pairs"] == pairs and row["tied"] == tied
        assert np.isclose(row["observed"], obs) and np.isclose(row["expected"], exp)


def test_dyad_mixing_bad_input():
    from regional_clusters.models import dyad_mixing

    G = nx.path_graph(3)
    with pytest.raises(ValueError, match="attribute 'country'"):
        dyad_mixing(G, "country")
    H = nx.Graph([(0, 1, {"weight": 0.0})])
    nx.set_node_attributes(H, "A", "x")
    with pytest.raises(ValueError, match="positive weight"):
        dyad_mixing(H, "x")


def test_brokerage_reading_swaps_the_weak_tie_types():
    from regional_clusters.models import classify_neighbourhoods, grabher_network

    G = grabher_network(10, seed=2)
    closure = classify_neighbourhoods(G, dense=0.3)["type"].astype(str)
    brokerage = classify_neighbourhoods(G, dense=0.3, reading="brokerage")["type"].astype(str)
    swap = {"sociality": "connectivity", "connectivity": "sociality", "communality": "communality"}
    assert (closure.map(swap) == brokerage).all()
    with pytest.raises(ValueError, match="reading"):
        classify_neighbourhoods(G, reading="burt")


def test_grabher_network_blocks_are_classified_as_built():
    from regional_clusters.models import classify_neighbourhoods, grabher_network

    G = grabher_network(10, cross_ties=0, scene_density=1.0, seed=1)
    types = classify_neighbourhoods(G, dense=0.3)["type"].astype(str)
    blocks = pd.Series(dict(G.nodes(data="block")))
    assert (types == blocks.reindex(types.index)).all()
    with pytest.raises(ValueError, match="circle_size"):
        grabher_network(4, circle_size=5)


def test_monitoring_by_type_is_a_paired_difference():
    from regional_clusters.models import grabher_network, monitoring_by_type

    G = grabher_network(10, seed=1)
    tab = monitoring_by_type(G, seeds=3, steps=8, n_domains=32, classify={"dense": 0.3})
    assert set(tab.index) == {"communality", "sociality", "connectivity"}
    assert np.allclose(tab["difference"], tab["alternative"] - tab["base"])
    assert tab["actors"].sum() == 30
    with pytest.raises(ValueError, match="equal"):
        monitoring_by_type(G, monitoring=(0.3, 0.3), seeds=3)
