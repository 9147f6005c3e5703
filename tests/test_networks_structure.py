"""Structure measures in the lighthouse paper's terms."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regional_clusters.networks import (
    blau_index,
    closure,
    components,
    degree_centralization,
    density,
    group_assortativity,
    group_composition,
    group_mixing,
    network_profile,
    polycentricity,
    redundancy,
    tie_hierarchy,
)


def test_centralization_hand():
    # star: centre degree 4, leaves 1: sum (4-1)*4 = 12 / ((5-1)(5-2)) = 1
    assert degree_centralization(nx.star_graph(4)) == pytest.approx(1.0)
    # path of 4: degrees 1,2,2,1 -> (1+0+0+1)/(3*2) = 1/3
    assert degree_centralization(nx.path_graph(4)) == pytest.approx(1 / 3)
    assert polycentricity(nx.path_graph(4)) == pytest.approx(2 / 3)


def test_density_redundancy_closure():
    G = nx.complete_graph(5)
    assert density(G) == 1.0
    assert (redundancy(G) == 3.0).all()  # each contact tied to the 3 others
    assert closure(G)["transitivity"] == 1.0
    star = nx.star_graph(3)
    assert redundancy(star)[0] == 0.0
    assert closure(star)["transitivity"] == 0.0


def test_components():
    G = nx.Graph([(1, 2), (3, 4), (4, 5)])
    G.add_node(9)
    assert components(G).tolist() == [3, 2, 1]


def test_blau_and_composition():
    assert blau_index(pd.Series(list("aaaa"))) == 0.0
    assert blau_index(pd.Series(list("abcd"))) == pytest.approx(0.75)
    G = nx.Graph([(1, 2), (2, 3), (3, 4)])
    nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b", 4: "c"}, "group")
    comp = group_composition(G)
    assert comp.loc["a", "actors"] == 2 and comp["share"].sum() == pytest.approx(1.0)
    assert blau_index(G) == pytest.approx(1 - (0.5**2 + 0.25**2 + 0.25**2))


def test_mixing_and_assortativity():
    G = nx.Graph([(1, 2), (3, 4), (1, 3)])
    nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b", 4: "b"}, "group")
    M = group_mixing(G)
    assert M.loc["a", "a"] == 1 and M.loc["a", "b"] == 1 and M.loc["b", "b"] == 1
    # Newman's r from the mixing matrix e (each tie counted both ways)
    e = np.array([[2, 1], [1, 2]]) / 6
    a = e.sum(axis=1)
    r = (np.trace(e) - a @ a) / (1 - a @ a)
    assert group_assortativity(G) == pytest.approx(r)


def test_tie_hierarchy():
    G = nx.Graph()
    G.add_edge(1, 2, projects=3, coordinated=1)
    G.add_edge(2, 3, projects=1, coordinated=1)
    res = tie_hierarchy(G)
    assert res["hierarchical_share"] == pytest.approx(0.5)
    assert res["ties_never_coordinated"] == 0.0
    with pytest.raises(ValueError, match="lacks the attribute"):
        tie_hierarchy(nx.path_graph(3))


@settings(max_examples=25, deadline=None)
@given(st.integers(3, 25), st.floats(0.1, 0.9), st.integers(0, 1000))
def test_polycentricity_in_unit_interval(n, p, seed):
    G = nx.gnp_random_graph(n, p, seed=seed)
    assert 0.0 <= polycentricity(G) <= 1.0 + 1e-12


def test_profile_and_bad_input():
    G = nx.karate_club_graph()
    nx.set_node_attributes(G, nx.get_node_attributes(G, "club"), "group")
    prof = network_profile(G)
    assert prof["density"] == pytest.approx(78 / (34 * 33 / 2))
    with pytest.raises(ValueError, match="directed"):
        density(nx.DiGraph([(1, 2)]))
    with pytest.raises(ValueError, match="empty"):
        components(nx.Graph())
    with pytest.raises(ValueError, match="no 'group'"):
        blau_index(nx.path_graph(3))
    with pytest.raises(ValueError, match="three nodes"):
        degree_centralization(nx.path_graph(2))


def test_observation_focus_hand():
    from regional_clusters.networks import observation_focus

    # f1 - u - f2 and f2 - f3: u (a university) links f1 to the other firms
    G = nx.Graph([("f1", "u"), ("u", "f2"), ("f2", "f3")])
    nx.set_node_attributes(G, {"f1": "firm", "f2": "firm", "f3": "firm", "u": "uni"}, "group")
    res = observation_focus(G, "firm", seed=0)
    assert res.loc["all actors", "reachable_share"] == 1.0
    assert res.loc["focus only", "reachable_share"] == pytest.approx(2 / 6)
    assert res.loc["focus only", "isolated_share"] == pytest.approx(1 / 3)
    # f1-f2 distance 2 and f1-f3 distance 3 in the whole network
    assert res.loc["all actors", "mean_distance"] == pytest.approx((2 + 3 + 2 + 1 + 3 + 1) / 6)
    with pytest.raises(ValueError, match="focus"):
        observation_focus(G, "bank")


def test_network_profile_handles_isolates_and_normalises_redundancy():
    import networkx as nx

    from regional_clusters.networks import network_profile

    G = nx.complete_graph(4)
    G.add_edge(4, 5)
    G.add_nodes_from([6, 7])
    nx.set_node_attributes(G, "x", "group")
    prof = network_profile(G)
    assert prof["actors"] == 8 and prof["connected_actors"] == 6
    assert prof["isolates_share"] == pytest.approx(2 / 8)
    assert prof["mean_degree"] == pytest.approx(2 * 7 / 6)
    # K4 members: redundancy 2 of degree 3; the pair: 0 of 1
    assert prof["redundancy_share"] == pytest.approx((4 * 2 / 3) / 6)


def test_removal_experiment_hand_case_and_null():
    import networkx as nx

    from regional_clusters.networks import removal_experiment

    # two universities: u1 links firms a, b, c; u2 links c, d; firms e-f tied directly
    G = nx.Graph([("u1", "a"), ("u1", "b"), ("u1", "c"), ("u2", "c"), ("u2", "d"), ("e", "f")])
    groups = {"u1": "uni", "u2": "uni", "p": "pub"}
    G.add_edge("p", "e")
    nx.set_node_attributes(G, {v: groups.get(v, "firm") for v in G}, "group")
    res = removal_experiment(G, "uni", "firm", n=19, seed=1)
    # six firms: connected pairs all: {a,b,c,d} -> 12 ordered, {e,f} -> 2 => 14 / 30
    assert res.loc["nothing removed", "reach"] == pytest.approx(14 / 30)
    assert res.loc["group removed", "reach"] == pytest.approx(2 / 30)
    # top hub u1 removed: {c, d} and {e, f} connected -> 4 / 30
    assert res.loc["top hubs of the group removed", "reach"] == pytest.approx(4 / 30)
    # only u1 kept: {a, b, c} and {e, f} -> 8 / 30
    assert res.loc["group removed except its top hubs", "reach"] == pytest.approx(8 / 30)
    assert res.loc["group removed", "p_value"] >= 1 / 20
    with pytest.raises(ValueError, match="focus"):
        removal_experiment(G, "firm", "firm")
    with pytest.raises(ValueError, match="no actor"):
        removal_experiment(G, "nobody", "firm")
    with pytest.raises(ValueError, match="directed"):
        removal_experiment(G.to_directed(), "uni", "firm")
