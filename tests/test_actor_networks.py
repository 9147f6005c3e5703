"""Analyses of real actor networks: hand-computed cases, closed forms and
the failure paths."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from regional_clusters import actor_networks as an
from regional_clusters import networks as rn


def _toy():
    G = nx.DiGraph([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 3)])
    nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b", 4: "b", 5: "c"}, "group")
    nx.set_node_attributes(G, {1: 1, 2: 0, 3: 1, 4: 1, 5: 0}, "flag")
    nx.set_node_attributes(G, {1: 10, 2: 4, 3: 7, 4: 7, 5: 1}, "size")
    return G


def test_dyadic_covariates_hand_computed():
    G = _toy()
    X = an.dyadic_covariates(G, {
        "same group": ("group", "same"), "both flagged": ("flag", "both"),
        "sender size": ("size", "sender"), "receiver size": ("size", "receiver"), "size gap": ("size", "absdiff"),
    })
    assert X["same group"].loc[1, 2] == 1 and X["same group"].loc[1, 3] == 0 and X["same group"].loc[1, 1] == 0
    assert X["both flagged"].loc[3, 4] == 1 and X["both flagged"].loc[1, 2] == 0
    assert X["sender size"].loc[1, 5] == 10 and X["receiver size"].loc[1, 5] == 1
    assert X["size gap"].loc[2, 1] == 6 and np.all(np.diag(X["size gap"]) == 0)
    series = an.dyadic_covariates(G, {"s": (pd.Series({1: 1, 2: 2, 3: 3, 4: 4, 5: 5}), "sender")})["s"]
    assert series.loc[4, 1] == 4
    distance = pd.DataFrame(np.arange(25.0).reshape(5, 5), index=[5, 4, 3, 2, 1], columns=[5, 4, 3, 2, 1])
    given = an.dyadic_covariates(G, {}, {"d": distance})["d"]
    assert list(given.index) == [1, 2, 3, 4, 5] and given.loc[1, 2] == distance.loc[1, 2]
    assert np.all(np.diag(given) == 0) and distance.loc[1, 1] == 24  # the input is not modified


def test_dyadic_covariates_errors():
    G = _toy()
    with pytest.raises(ValueError, match="kind must be one of"):
        an.dyadic_covariates(G, {"x": ("group", "ratio")})
    with pytest.raises(ValueError, match="lacks the attribute 'missing'"):
        an.dyadic_covariates(G, {"x": ("missing", "same")})
    with pytest.raises(ValueError, match="needs numeric values"):
        an.dyadic_covariates(G, {"x": ("group", "sender")})
    with pytest.raises(ValueError, match="no value for node 5"):
        an.dyadic_covariates(G, {"x": (pd.Series({1: 1, 2: 1, 3: 1, 4: 1}), "same")})
    with pytest.raises(ValueError, match="matrix 'm' has no row or column for node"):
        an.dyadic_covariates(G, {}, {"m": pd.DataFrame(np.zeros((2, 2)), index=[1, 2], columns=[1, 2])})


def test_brokerage_by_group_matches_node_totals_and_hand_case():
    G = _toy()
    by_group = an.brokerage_by_group(G)
    b = rn.brokerage(G)
    assert by_group[[k for k in by_group.index if k.endswith(": total")]].sum() == b[("raw", "total")].sum()
    # Node 3 (group b) receives from 2 (a) and 5 (c) and sends to 1 (a) and 4 (b); none of
    # 2->1, 2->4, 5->1, 5->4 exists, so all four two-paths through 3 are open:
    # 2->3->1 itinerant (a-b-a), 2->3->4 and 5->3->4 gatekeeper (a-b-b, c-b-b), 5->3->1 liaison.
    # Node 4 (b) adds 3->4->5 (b-b-c), a representative role.
    assert by_group["b: itinerant"] == 1 and by_group["b: liaison"] == 1
    assert by_group["b: gatekeeper"] == 2 and by_group["b: representative"] == 1


def test_undirected_graph_counts_both_directions():
    path = nx.path_graph(3)
    nx.set_node_attributes(path, {0: "x", 1: "x", 2: "y"}, "group")
    counts = an.brokerage_by_group(path)
    assert counts["x: representative"] == counts["x: gatekeeper"] == 1
    assert counts["x: total"] == 2


def test_brokerage_null_shape_and_p_convention():
    graphs = [nx.gnp_random_graph(12, 0.3, seed=s, directed=True) for s in (1, 2)]
    for G in graphs:
        nx.set_node_attributes(G, {v: "ab"[v % 2] for v in G}, "group")
    res = an.brokerage_null(graphs, n=19, seed=3)
    observed = an.brokerage_by_group(graphs[0]) + an.brokerage_by_group(graphs[1])
    assert np.allclose(res["observed"], observed.loc[res.index])
    assert (res["p_value"] >= 1 / 20).all() and (res["p_value"] <= 1).all()
    with pytest.raises(ValueError, match="is not a statistic"):
        an.brokerage_null(graphs, n=3, seed=1, roles=["c: total"])


def test_node_brokerage_null_star_has_no_alternative():
    """A star's degree sequence has one realisation: expected = observed."""
    star = nx.star_graph(4)
    res = an.node_brokerage_null(star, n=9, seed=1)
    assert res.loc[0, "observed"] == 12 and res.loc[0, "expected"] == 12  # 4 x 3 ordered leaf pairs
    assert res.loc[0, "sd"] == 0 and np.isnan(res.loc[0, "z"]) and res.loc[0, "p_greater"] == 1.0
    total = res.attrs["network"]
    assert total["observed"].iloc[0] == res["observed"].sum() == 12 and total["expected"].iloc[0] == 12


def test_node_brokerage_null_total_is_the_sum_of_the_actors():
    G = nx.gnp_random_graph(12, 0.3, seed=8, directed=True)
    res = an.node_brokerage_null(G, n=19, seed=2)
    total = res.attrs["network"]
    assert total["observed"].iloc[0] == pytest.approx(res["observed"].sum())
    assert total["expected"].iloc[0] == pytest.approx(res["expected"].sum())
    assert 1 / 20 <= total["p_value"].iloc[0] <= 1
    nx.set_node_attributes(G, "one", "group")
    assert (res["observed"] == rn.brokerage(G)[("raw", "total")].loc[res.index]).all()


def test_tie_persistence_identical_and_disjoint_waves():
    A = nx.gnp_random_graph(15, 0.25, seed=4, directed=True)
    res = an.tie_persistence(A, A.copy(), n=19, seed=1)
    assert res.loc["persisting ties", "observed"] == A.number_of_edges()
    shares = res.loc[[k for k in res.index if k.startswith("share")], "observed"]
    assert (shares == 1).all()
    B = nx.DiGraph()
    B.add_nodes_from(A)
    B.add_edges_from((v, u) for u, v in A.edges() if not A.has_edge(v, u))
    res = an.tie_persistence(A, B, n=19, seed=1)
    assert res.loc["persisting ties", "observed"] == 0


def test_tie_persistence_density_null_matches_hypergeometric_mean():
    A = nx.gnp_random_graph(20, 0.2, seed=5, directed=True)
    B = nx.gnp_random_graph(20, 0.15, seed=6, directed=True)
    res = an.tie_persistence(A, B, n=400, seed=2)
    hyper = stats.hypergeom(20 * 19, A.number_of_edges(), B.number_of_edges())
    row = res.loc["persisting ties (density null)"]
    assert abs(row["expected"] - hyper.mean()) < 4 * hyper.std() / np.sqrt(400)
    assert abs(row["sd"] - hyper.std()) < 0.2 * hyper.std()


def test_tie_persistence_errors():
    A = nx.gnp_random_graph(6, 0.5, seed=1, directed=True)
    with pytest.raises(ValueError, match="directed"):
        an.tie_persistence(A.to_undirected(), A, n=3)
    B = A.copy()
    B.add_node(99)
    with pytest.raises(ValueError, match="different actors"):
        an.tie_persistence(A, B, n=3)
    with pytest.raises(ValueError, match="no ties"):
        an.tie_persistence(nx.empty_graph(6, create_using=nx.DiGraph), A, n=3)


def test_ei_by_attribute_counts_arcs_and_matches_expected_mixing():
    G = nx.gnp_random_graph(30, 0.2, seed=7, directed=True)
    nx.set_node_attributes(G, {v: "abc"[v % 3] for v in G}, "g")
    res = an.ei_by_attribute(G, "g", n_permutations=2000, seed=1)
    E = sum(G.nodes[u]["g"] != G.nodes[v]["g"] for u, v in G.edges())
    I = G.number_of_edges() - E
    assert res["E"].iloc[0] == E and res["I"].iloc[0] == I
    assert res["observed"].iloc[0] == pytest.approx((E - I) / (E + I))
    # closed form: a random relabelling puts a tie between groups with probability
    # 1 - sum n_g (n_g - 1) / (n (n - 1)); here three groups of ten
    p_between = 1 - 3 * 10 * 9 / (30 * 29)
    assert res["expected"].iloc[0] == pytest.approx(2 * p_between - 1, abs=0.01)
    assert 1 / 2001 <= res["p_value"].iloc[0] <= 1


def test_mrqap_report_drops_ols_errors_and_states_the_specification():
    rng = np.random.default_rng(0)
    A = rng.random((10, 10))
    Y = (A + rng.random((10, 10)) > 1).astype(float)
    fit = rn.mrqap(Y, {"A": A}, n_permutations=49, seed=1)
    table, spec = an.mrqap_report(fit, outcome="toy ties", sample="10 toy actors", labels={"A": "proximity"})
    assert list(table.columns) == ["term", "coefficient", "p (permutation)"]
    assert table["term"].tolist() == ["proximity"]
    assert "90 ordered dyads" in spec and "(k+1)/(B+1)" in spec and "49 actor permutations" in spec
    with pytest.raises(ValueError, match="output of networks.mrqap"):
        an.mrqap_report(pd.DataFrame({"coef": [1.0]}), outcome="y", sample="s")


def test_mrqap_relations_matches_single_fits():
    A = nx.gnp_random_graph(15, 0.3, seed=1, directed=True)
    B = nx.gnp_random_graph(15, 0.2, seed=2, directed=True)
    for G in (A, B):
        nx.set_node_attributes(G, {v: v % 3 for v in G}, "side")
    spec = {"same side": ("side", "same")}
    fits = an.mrqap_relations({"a": A, "b": B}, spec, sample="15 toy actors", n_permutations=19, seed=4,
                              names={"a": "first"})
    single = rn.mrqap(B, an.dyadic_covariates(B, spec), n_permutations=19, seed=4, weight=None)
    assert fits.coef.loc["same side", "b"] == pytest.approx(single.loc["same side", "coef"])
    assert fits.p_value.loc["same side", "b"] == pytest.approx(single.loc["same side", "p_value"])
    assert list(fits.table.columns) == ["first", "b"] and "(p = " in fits.table.iloc[0, 0]
    assert "210 ordered dyads" in fits.specification and fits.specification.count("R² =") == 1
    C = nx.gnp_random_graph(14, 0.3, seed=3, directed=True)
    nx.set_node_attributes(C, 0, "side")
    with pytest.raises(ValueError, match="different actors"):
        an.mrqap_relations({"a": A, "c": C}, spec, sample="s", n_permutations=3)


def test_cross_group_brokerage_equals_gould_fernandez_representative():
    """Independent check: the matrix formula gives the representative count
    of Gould and Fernandez's roles on the graph read in both directions."""
    for seed in range(5):
        G = nx.gnp_random_graph(18, 0.25, seed=seed)
        nx.set_node_attributes(G, {v: ("pub" if v % 3 else "priv") for v in G}, "group")
        fast = an.cross_group_brokerage(G, ("pub", "priv"))
        slow = an.brokerage_by_group(G)
        for g in ("pub", "priv"):
            assert fast[f"{g}: between pub and priv"] == slow[f"{g}: representative"]


def test_cross_group_brokerage_errors():
    G = nx.path_graph(3)
    nx.set_node_attributes(G, {0: "x", 1: "y", 2: "x"}, "group")
    with pytest.raises(ValueError, match="directed"):
        an.cross_group_brokerage(G.to_directed(), ("x", "y"))
    with pytest.raises(ValueError, match="two different groups"):
        an.cross_group_brokerage(G, ("x", "z"))
    res = an.cross_group_null([G, G.copy()], ("x", "y"), n=9, seed=1)
    assert res.loc["y: between x and y", "observed"] == 0 and res.loc["x: between x and y", "observed"] == 0
