"""Tie strength and bridges."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from regional_clusters.networks import bridges, classify_ties, multiplex_graph, strength_graph, tie_strength


def test_tie_strength_weights():
    M = nx.MultiGraph(layers=["work", "lunch", "leisure", "facebook", "coauthor"])
    for key in ["work", "lunch", "leisure", "facebook", "coauthor"]:
        M.add_edge("a", "b", key=key)
    M.add_edge("b", "c", key="lunch")
    s = tie_strength(M)
    assert s.loc[("a", "b"), "strength"] == pytest.approx(1.0)
    # lunch is one of two "time" layers: x_time = 0.5, 4 dimensions of weight 1
    assert s.loc[("b", "c"), "strength"] == pytest.approx(0.5 / 4)
    s2 = tie_strength(M, weights={"time": 1, "emotional intensity": 0, "intimacy": 0, "reciprocal services": 0})
    assert s2.loc[("b", "c"), "strength"] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="negative"):
        tie_strength(M, weights={"time": -1, "emotional intensity": 1, "intimacy": 1, "reciprocal services": 1})
    with pytest.raises(ValueError, match="no dimension"):
        tie_strength(M, dimensions={"work": "time"})
    G = strength_graph(s, M)
    assert G["b"]["c"]["weight"] == pytest.approx(0.125)


def test_classify():
    c = classify_ties(pd.Series([0.1, 0.2, 0.3, 0.9]), threshold=0.25)
    assert c.tolist() == ["weak", "weak", "strong", "strong"]


def test_bridges_hand():
    # two triangles joined by 3-4; plus a square 4-5-6-7 with 5-6 shortcut absent
    G = nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 7), (7, 4)])
    b = bridges(G)
    assert b.loc[(3, 4), "bridge"] and np.isinf(b.loc[(3, 4), "span"])
    # 4-5 in a 4-cycle: no common neighbour, span 3 after removal (4-7-6-5)
    assert b.loc[(4, 5), "local_bridge"] and not b.loc[(4, 5), "bridge"]
    assert b.loc[(4, 5), "span"] == 3
    assert not b.loc[(1, 2), "local_bridge"] and np.isnan(b.loc[(1, 2), "span"])


def test_aucs_strength_range():
    from regional_clusters.data import load_multiplex

    M = multiplex_graph(load_multiplex("aucs"))
    s = tie_strength(M)
    assert s["strength"].between(0, 1).all()
    assert len(s) == len({frozenset(e) for e in M.edges()})


def test_neighbourhood_overlap_hand():
    from regional_clusters.networks import neighbourhood_overlap

    G = nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5)])
    o = neighbourhood_overlap(G)
    assert o.loc[(1, 2)] == 1.0  # both know 3, nobody else
    assert o.loc[(3, 4)] == 0.0  # a local bridge
    assert o.loc[(1, 3)] == pytest.approx(1 / 2)
