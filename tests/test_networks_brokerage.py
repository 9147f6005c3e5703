"""Burt's measures, Gould-Fernandez brokerage and the E-I index."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regional_clusters.networks import (
    brokerage,
    constraint,
    effective_size,
    efficiency,
    ei_index,
    hierarchy,
    local_constraint,
)


@pytest.fixture
def burt_graph():
    # the UCINET-checked example of networkx's tests (GUIDE section 9)
    return nx.Graph([("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"),
                     ("F", "G"), ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")])


def test_constraint_published(burt_graph):
    c = constraint(burt_graph, weight=None)
    assert c["G"] == pytest.approx(0.400, abs=5e-4)
    assert c["A"] == pytest.approx(0.595, abs=5e-4)
    assert c["C"] == pytest.approx(1.0)


def test_effective_size_published(burt_graph):
    e = effective_size(burt_graph, weight=None)
    assert e["G"] == pytest.approx(4.67, abs=5e-3)
    assert e["A"] == pytest.approx(2.50, abs=5e-3)
    assert e["C"] == pytest.approx(1.0)


def _random_graph(seed, directed, zero_weights):
    rng = np.random.default_rng(seed)
    G = nx.gnp_random_graph(35, 0.15, seed=seed, directed=directed)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.integers(0, 4)) if zero_weights else float(rng.random() * 5)
    G.add_node("isolate")
    return G


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("zero_weights", [False, True])
@pytest.mark.parametrize("weight", ["weight", None])
def test_equal_to_networkx(seed, directed, zero_weights, weight):
    G = _random_graph(seed, directed, zero_weights)
    nodes = list(G)
    # networkx's per-node definitions (its nodes=None shortcut normalises
    # effective size by column maxima, which differs for weighted graphs)
    ref_c = pd.Series(nx.constraint(G, nodes=nodes, weight=weight))
    ref_e = pd.Series(nx.effective_size(G, nodes=nodes, weight=weight))
    c = constraint(G, weight=weight)
    e = effective_size(G, weight=weight)
    pd.testing.assert_series_equal(c.loc[nodes], ref_c, check_names=False, check_index_type=False, atol=1e-9, rtol=0)
    pd.testing.assert_series_equal(e.loc[nodes], ref_e, check_names=False, check_index_type=False, atol=1e-9, rtol=0)


def test_nodes_subset_equals_full():
    G = _random_graph(3, False, False)
    full = constraint(G)
    sub = constraint(G, nodes=[5, 1, 7])
    assert list(sub.index) == [5, 1, 7]
    np.testing.assert_allclose(sub.to_numpy(), full.loc[[5, 1, 7]].to_numpy(), atol=1e-12)
    np.testing.assert_allclose(effective_size(G, nodes=[7, 2]).to_numpy(), effective_size(G).loc[[7, 2]].to_numpy(), atol=1e-12)


def test_hubs_and_blocks_agree_with_networkx():
    # a graph with hubs exercises the dense-column path of the masked product
    G = nx.barabasi_albert_graph(300, 3, seed=4)
    G.add_edges_from((0, k) for k in range(1, 300) if k % 2)
    nodes = [1, 2, 50, 299]
    ref = pd.Series(nx.constraint(G, nodes=nodes))
    np.testing.assert_allclose(constraint(G, weight=None, nodes=nodes).to_numpy(), ref.to_numpy(), atol=1e-9)
    ref_e = pd.Series(nx.effective_size(G, nodes=nodes))
    np.testing.assert_allclose(effective_size(G, weight=None, nodes=nodes).to_numpy(), ref_e.to_numpy(), atol=1e-9)


def test_isolate_and_pendant():
    G = nx.Graph([(1, 2), (2, 3)])
    G.add_node(4)
    c = constraint(G, weight=None)
    assert np.isnan(c[4])
    assert c[1] == pytest.approx(1.0)  # a pendant depends on its one contact
    assert np.isnan(effective_size(G, weight=None)[4])
    assert effective_size(G, weight=None)[1] == pytest.approx(1.0)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.05, 0.6))
def test_effective_size_bounds(seed, p):
    G = nx.gnp_random_graph(15, p, seed=seed)
    rng = np.random.default_rng(seed)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.random() + 0.1)
    e = effective_size(G).dropna()
    deg = pd.Series(dict(G.degree())).loc[e.index]
    assert (e <= deg + 1e-9).all()
    assert (e >= 1 - 1e-9).all() or (e[deg > 0] >= 0).all()
    eff = efficiency(G).dropna()
    assert ((eff > 0) & (eff <= 1 + 1e-9)).all()
    c = constraint(G).dropna()
    assert (c > 0).all()


def test_local_constraint_sums_to_constraint(burt_graph):
    lc = local_constraint(burt_graph, weight=None)
    total = lc.groupby(level="node").sum()
    c = constraint(burt_graph, weight=None)
    np.testing.assert_allclose(total.loc[c.index].to_numpy(), c.to_numpy())
    assert lc.loc[("C", "G")] == pytest.approx(1.0)


def test_hierarchy():
    # a star: every contact constrains the centre equally -> hierarchy 0
    h = hierarchy(nx.star_graph(4), weight=None)
    assert h[0] == pytest.approx(0.0, abs=1e-12)
    assert np.isnan(h[1])
    G = nx.Graph([(0, 1, {"weight": 10.0}), (0, 2, {"weight": 1.0}), (0, 3, {"weight": 1.0})])
    assert 0 < hierarchy(G)[0] < 1


# --------------------------------------------------------------------------
# Gould-Fernandez: hand-counted cases


def _groups(G, mapping):
    nx.set_node_attributes(G, mapping, "group")
    return G


@pytest.mark.parametrize(
    "groups, role",
    [
        ({"i": "a", "v": "a", "j": "a"}, "coordinator"),
        ({"i": "a", "v": "b", "j": "a"}, "itinerant"),
        ({"i": "a", "v": "a", "j": "b"}, "representative"),
        ({"i": "a", "v": "b", "j": "b"}, "gatekeeper"),
        ({"i": "a", "v": "b", "j": "c"}, "liaison"),
    ],
)
def test_brokerage_single_path(groups, role):
    G = _groups(nx.DiGraph([("i", "v"), ("v", "j")]), groups)
    raw = brokerage(G)["raw"]
    expected = pd.Series(0.0, index=raw.columns)
    expected[role] = 1.0
    expected["total"] = 1.0
    pd.testing.assert_series_equal(raw.loc["v"], expected, check_names=False)
    assert raw.loc[["i", "j"]].to_numpy().sum() == 0


def test_brokerage_closed_and_mutual_paths_do_not_count():
    # i -> v -> j with i -> j: no brokerage; v <-> i: no path i -> v -> i
    G = _groups(nx.DiGraph([("i", "v"), ("v", "j"), ("i", "j"), ("v", "i")]), {"i": "a", "v": "a", "j": "b"})
    raw = brokerage(G)["raw"]
    assert raw.loc["v", "total"] == 0
    # j is reached from v only; v -> i -> j is closed (v -> j exists)
    assert raw.loc["i", "total"] == 0


def test_brokerage_hand_example():
    # two firms (F), a university (U) and a public body (P);
    # F1 -> U -> F2, F1 -> U -> P, P -> U -> F2, F2 -> F1
    G = nx.DiGraph([("F1", "U"), ("U", "F2"), ("U", "P"), ("P", "U"), ("F2", "F1")])
    _groups(G, {"F1": "F", "F2": "F", "U": "U", "P": "P"})
    raw = brokerage(G)["raw"]
    # U brokers F1->F2 (itinerant), F1->P (liaison), P->F2 (liaison);
    # P->U->P is not a pair of distinct nodes
    assert raw.loc["U"].to_dict() == {"coordinator": 0, "itinerant": 1, "representative": 0,
                                       "gatekeeper": 0, "liaison": 2, "total": 3}
    # F2 -> F1 -> U: F2 not tied to U -> F1 is a representative (F, F, U)
    assert raw.loc["F1", "representative"] == 1
    # U -> F2 -> F1: U not tied to F1 -> F2 is a gatekeeper (U, F, F)
    assert raw.loc["F2", "gatekeeper"] == 1


def test_brokerage_expectations_match_formulas():
    G = nx.gnp_random_graph(30, 0.2, seed=1, directed=True)
    rng = np.random.default_rng(0)
    _groups(G, {v: rng.choice(["a", "b", "c"]) for v in G})
    res = brokerage(G)
    N = 30
    d = G.number_of_edges() / (N * (N - 1))
    sizes = pd.Series(nx.get_node_attributes(G, "group")).value_counts()
    v = 0
    nc = sizes[G.nodes[v]["group"]]
    assert res.loc[v, ("expected", "coordinator")] == pytest.approx(d**2 * (1 - d) * (nc - 1) * (nc - 2))
    assert res.loc[v, ("expected", "total")] == pytest.approx(d**2 * (1 - d) * (N - 1) * (N - 2))
    # expected roles add up to the expected total
    parts = res["expected"].drop(columns="total").sum(axis=1)
    np.testing.assert_allclose(parts, res[("expected", "total")])
    net = brokerage(G, level="network")
    assert net.loc["total", "raw"] == pytest.approx(res[("raw", "total")].sum())
    np.testing.assert_allclose(net["expected"].drop("total").sum(), net.loc["total", "expected"])


def test_brokerage_counts_against_brute_force():
    G = nx.gnp_random_graph(25, 0.15, seed=7, directed=True)
    rng = np.random.default_rng(3)
    _groups(G, {v: rng.choice(["a", "b", "c", "d"]) for v in G})
    g = nx.get_node_attributes(G, "group")
    counts = {v: dict.fromkeys(["coordinator", "itinerant", "representative", "gatekeeper", "liaison"], 0) for v in G}
    for v in G:
        for i in G.predecessors(v):
            for j in G.successors(v):
                if i == j or G.has_edge(i, j):
                    continue
                if g[i] == g[v] == g[j]:
                    r = "coordinator"
                elif g[i] == g[j]:
                    r = "itinerant"
                elif g[i] == g[v]:
                    r = "representative"
                elif g[v] == g[j]:
                    r = "gatekeeper"
                else:
                    r = "liaison"
                counts[v][r] += 1
    expected = pd.DataFrame(counts).T.astype(float)
    raw = brokerage(G)["raw"].drop(columns="total")
    pd.testing.assert_frame_equal(raw.loc[expected.index, expected.columns], expected, check_names=False)


# --------------------------------------------------------------------------
# E-I index


def test_ei_index_formula():
    G = nx.Graph([(1, 2), (2, 3), (3, 4), (4, 1), (1, 3)])
    _groups(G, {1: "a", 2: "a", 3: "b", 4: "b"})
    res = ei_index(G, n_permutations=0)
    E, I = 3, 2  # 2-3, 4-1, 1-3 external; 1-2, 3-4 internal
    assert res["E"] == E and res["I"] == I
    assert res["ei"] == pytest.approx((E - I) / (E + I))
    nodes = ei_index(G, level="node")
    assert nodes.loc[1, "ei"] == pytest.approx((2 - 1) / 3)


def test_ei_index_permutation_is_seeded():
    G = nx.karate_club_graph()
    a = ei_index(G, group="club", n_permutations=200, seed=5)
    b = ei_index(G, group="club", n_permutations=200, seed=5)
    pd.testing.assert_series_equal(a, b)
    # the two clubs are far more internal than chance
    assert a["ei"] < a["expected"] and a["p_value"] < 0.05


# --------------------------------------------------------------------------
# bad input


def test_bad_input():
    with pytest.raises(ValueError, match="empty"):
        constraint(nx.Graph())
    with pytest.raises(ValueError, match="negative weight"):
        effective_size(nx.Graph([(1, 2, {"weight": -1.0})]))
    with pytest.raises(ValueError, match="directed"):
        ei_index(nx.DiGraph([(1, 2)]))
    with pytest.raises(ValueError, match="has no 'group'"):
        brokerage(nx.DiGraph([(1, 2)]))
    with pytest.raises(ValueError, match="self-loop"):
        constraint(nx.Graph([(1, 1)]))
    with pytest.raises(ValueError, match="not in the graph"):
        constraint(nx.Graph([(1, 2)]), nodes=[3])
    with pytest.raises(ValueError, match="multigraph"):
        constraint(nx.MultiGraph([(1, 2), (1, 2)]))
    with pytest.raises(ValueError, match="missing or infinite"):
        constraint(nx.Graph([(1, 2, {"weight": float("nan")})]))


def test_pair_brokerage_brute_force():
    import itertools

    from regional_clusters.networks import pair_brokerage

    G = nx.gnp_random_graph(50, 0.15, seed=2)
    rng = np.random.default_rng(0)
    _groups(G, {v: rng.choice(["firm", "uni", "pub"]) for v in G})
    g = nx.get_node_attributes(G, "group")
    res = pair_brokerage(G, "firm")
    for v in G:
        firms = [u for u in G[v] if g[u] == "firm"]
        open_pairs = sum(1 for a, b in itertools.combinations(firms, 2) if not G.has_edge(a, b))
        assert res.loc[v, "brokered_pairs"] == open_pairs
        assert res.loc[v, "focus_contacts"] == len(firms)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.05, 0.5), st.floats(0.1, 100.0))
def test_constraint_invariant_to_weight_scale_and_relabelling(seed, p, scale):
    G = nx.gnp_random_graph(14, p, seed=seed)
    rng = np.random.default_rng(seed)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.random() + 0.05)
    H = nx.relabel_nodes(G, {n: f"n{n}" for n in G})
    for u, v in H.edges():
        H[u][v]["weight"] *= scale
    c, ch = constraint(G), constraint(H)
    np.testing.assert_allclose(ch.to_numpy(), c.to_numpy(), atol=1e-12)
    e, eh = effective_size(G), effective_size(H)
    np.testing.assert_allclose(eh.to_numpy(), e.to_numpy(), atol=1e-12)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.05, 0.4), st.integers(1, 4))
def test_brokerage_roles_partition_total(seed, p, k):
    G = nx.gnp_random_graph(18, p, seed=seed, directed=True)
    rng = np.random.default_rng(seed)
    _groups(G, {v: f"g{rng.integers(k)}" for v in G})
    res = brokerage(G)
    raw = res["raw"]
    assert (raw >= 0).all().all()
    np.testing.assert_allclose(raw.drop(columns="total").sum(axis=1), raw["total"])
    if k == 1:  # one group: every brokerage is coordination
        np.testing.assert_allclose(raw["coordinator"], raw["total"])


# ---------------------------------------------------------------- combined role and degree null

def test_undirected_brokerage_has_one_combined_role():
    from regional_clusters.networks import ROLES_UNDIRECTED

    G = nx.gnm_random_graph(30, 60, seed=2)
    nx.set_node_attributes(G, {v: "abc"[v % 3] for v in G}, "group")
    res = brokerage(G)
    assert list(res["raw"].columns) == ROLES_UNDIRECTED
    directed = brokerage(G.to_directed())
    rep, gate = directed[("raw", "representative")], directed[("raw", "gatekeeper")]
    assert (rep == gate).all()
    np.testing.assert_allclose(res[("raw", "representative/gatekeeper")], rep + gate)
    np.testing.assert_allclose(res[("z", "representative/gatekeeper")].fillna(0), directed[("z", "representative")].fillna(0))
    np.testing.assert_allclose(res["raw"][ROLES_UNDIRECTED[:-1]].sum(axis=1), res[("raw", "total")])
    net = brokerage(G, level="network")
    assert list(net.index) == ROLES_UNDIRECTED


def test_degree_null_brokerage():
    G = nx.barabasi_albert_graph(60, 2, seed=1)
    nx.set_node_attributes(G, {v: "ab"[v % 2] for v in G}, "group")
    res = brokerage(G, null="degree", n=49, seed=3)
    deg = pd.Series(dict(G.degree()))
    # expectations now rise with degree (same-degree nodes, same expected total up to group)
    exp = res[("expected", "total")]
    assert exp.corr(deg, method="spearman") > 0.9
    # a star centre in a rewired graph: the total is fixed by degree when neighbours cannot be tied
    star = nx.star_graph(5)
    star.add_edge(6, 7)
    nx.set_node_attributes(star, "a", "group")
    r = brokerage(star, null="degree", n=19, seed=1)
    # share = open pairs / ordered contact pairs
    assert r.loc[0, ("share", "total")] == pytest.approx(1.0)
    again = brokerage(G, null="degree", n=49, seed=3)
    pd.testing.assert_frame_equal(res, again)
    with pytest.raises(ValueError, match="null"):
        brokerage(G, null="config")


def test_brokerage_degree_null_matches_enumeration_on_tiny_graph():
    # degree sequence (2, 2, 2, 1, 1) on 5 nodes: enumerate all simple graphs
    import itertools

    G = nx.Graph([(0, 1), (1, 2), (2, 3), (0, 4)])
    G.add_edge(1, 3)
    G.remove_edge(2, 3)
    G.add_edge(2, 4)
    G.remove_edge(0, 4)
    G.add_edge(0, 3)
    degs = dict(G.degree())
    nx.set_node_attributes(G, "a", "group")
    space = []
    for edges in itertools.combinations(itertools.combinations(range(5), 2), G.number_of_edges()):
        H = nx.Graph(edges)
        H.add_nodes_from(range(5))
        if dict(H.degree()) == degs:
            nx.set_node_attributes(H, "a", "group")
            space.append(brokerage(H)[("raw", "total")].sort_index())
    exact = pd.concat(space, axis=1).mean(axis=1)
    res = brokerage(G, null="degree", n=2000, seed=4)[("expected", "total")].sort_index()
    np.testing.assert_allclose(res.to_numpy(), exact.to_numpy(), atol=0.1)


def test_burt_battery_equals_single_measures_and_igraph():
    import igraph as ig

    from regional_clusters.networks import burt_battery, constraint, effective_size, efficiency, hierarchy

    G = nx.connected_caveman_graph(6, 7)
    G.add_edges_from([(0, 20), (3, 33), (10, 40)])
    G.add_node("lonely")
    rng = np.random.default_rng(1)
    nx.set_edge_attributes(G, {e: float(rng.integers(1, 5)) for e in G.edges()}, "weight")
    bat = burt_battery(G)
    for name, f in (("constraint", constraint), ("effective_size", effective_size),
                    ("efficiency", efficiency), ("hierarchy", hierarchy)):
        np.testing.assert_allclose(bat[name].to_numpy(), f(G).to_numpy(), rtol=1e-12, atol=1e-12, equal_nan=True)
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()],
                 edge_attrs={"weight": [w for *_, w in G.edges(data="weight")]})
    ref = np.asarray(g.constraint(weights="weight"), dtype=float)
    ok = ~np.isnan(bat["constraint"].to_numpy())
    np.testing.assert_allclose(bat["constraint"].to_numpy()[ok], ref[ok], atol=1e-12)
    # a ready sparse adjacency gives the same numbers (nodes labelled by position)
    W = nx.to_scipy_sparse_array(G, nodelist=nodes, weight="weight")
    from_matrix = burt_battery(W)
    np.testing.assert_allclose(from_matrix.to_numpy(), bat.to_numpy(), atol=1e-12, equal_nan=True)
    with pytest.raises(ValueError, match="square"):
        burt_battery(W[:, :-1])
    # a subset of egos takes the general path
    sub = burt_battery(G, nodes=nodes[:5])
    np.testing.assert_allclose(sub.to_numpy(), bat.iloc[:5].to_numpy(), atol=1e-12, equal_nan=True)
    # directed graphs too
    D = nx.gnp_random_graph(40, 0.1, seed=2, directed=True)
    np.testing.assert_allclose(burt_battery(D, weight=None)["effective_size"], effective_size(D, weight=None),
                               atol=1e-12, equal_nan=True)


def test_group_summary_and_constraint_on_degree():
    from regional_clusters.networks import constraint_on_degree, group_summary

    v = pd.Series([1.0, 2.0, 3.0, 10.0, np.nan], index=list("abcde"))
    g = pd.Series(["x", "x", "y", "y", "y"], index=list("abcde"))
    out = group_summary(v, g)
    assert out.loc["x", "median"] == 1.5 and out.loc["y", "n"] == 2 and out.loc["y", "mean"] == 6.5
    assert list(out.columns) == ["n", "mean", "q25", "median", "q75"]
    with pytest.raises(ValueError, match="quantiles"):
        group_summary(v, g, quantiles=(2,))
    # a group that differs only by degree: no gap at equal degree, a raw gap without it
    G = nx.barabasi_albert_graph(400, 2, seed=3)
    deg = dict(G.degree())
    cut = np.median(list(deg.values()))
    nx.set_node_attributes(G, {v: "hub" if deg[v] > cut else "other" for v in G}, "group")
    res = constraint_on_degree(G, weight=None, reference="other")
    assert res.loc["log degree", "coef"] < -0.5
    assert abs(res.loc["hub", "raw_gap"]) > abs(res.loc["hub", "coef"])
    assert "HC1" in res.attrs["spec"]
    with pytest.raises(ValueError, match="reference"):
        constraint_on_degree(G, weight=None, reference="nope")
    with pytest.raises(ValueError, match="directed"):
        constraint_on_degree(G.to_directed())


def test_group_level_degree_null():
    G = nx.barabasi_albert_graph(50, 2, seed=4)
    nx.set_node_attributes(G, {v: "ab"[v % 2] for v in G}, "group")
    res = brokerage(G, level="group", null="degree", n=39, seed=2)
    node = brokerage(G, null="degree", n=39, seed=2)
    obs = node["raw"].groupby(node[("group", "")]).sum()
    assert res.loc[("a", "total"), "observed"] == pytest.approx(obs.loc["a", "total"])
    exp = node["expected"].groupby(node[("group", "")]).sum()
    assert res.loc[("b", "liaison"), "expected"] == pytest.approx(exp.loc["b", "liaison"])
    assert (res["p_value"] >= 1 / 40).all()
    with pytest.raises(ValueError, match="degree"):
        brokerage(G, level="group")


def test_holes_and_coordination_counts_and_errors():
    from regional_clusters.networks import holes_and_coordination

    rng = np.random.default_rng(1)
    rows = []
    for p in range(300):
        members = rng.choice(80, size=4, replace=False)
        for k, o in enumerate(members):
            rows.append({"project_id": p, "org_id": int(o), "role": "coordinator" if k == 0 else "participant",
                         "actor_group": "ab"[o % 2], "org_type": "PRC", "country": "ABCD"[o % 4],
                         "field": "F", "start_year": 2014 + p % 7})
    df = pd.DataFrame(rows)
    data, fit = holes_and_coordination(df, "F")
    late = df[(df["start_year"] >= 2017) & (df["role"] == "coordinator")].groupby("org_id").size()
    assert (data["late_coordinated"] == late.reindex(data.index).fillna(0)).all()
    assert (data["degree"] >= 2).all()
    assert "clustered by country" in fit.attrs["spec"]
    with pytest.raises(ValueError, match="overlap"):
        holes_and_coordination(df, "F", early=(2014, 2017), late=(2017, 2020))
