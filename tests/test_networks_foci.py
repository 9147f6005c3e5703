"""The foci model of low-threshold contacts."""

import networkx as nx
import pytest

from regional_clusters.networks import foci_experiment, foci_network


def test_no_meeting_places_no_cross_group_ties():
    G = foci_network({"a": 20, "b": 20}, meeting_places=0, seed=1, p_tie=0.5)
    g = nx.get_node_attributes(G, "group")
    assert G.number_of_edges() > 0
    assert all(g[u] == g[v] for u, v in G.edges())


def test_ties_only_between_actors_sharing_foci():
    G = foci_network({"a": 15, "b": 15}, open_share=0.5, seed=2, p_tie=0.8)
    for u, v, w in G.edges(data="weight"):
        shared = set(G.nodes[u]["foci"]) & set(G.nodes[v]["foci"])
        assert len(shared) == w >= 1


def test_seeded_and_meeting_places_mix_groups():
    a = foci_experiment({"a": 30, "b": 30}, (0.0, 0.6), replications=3, seed=5)
    b = foci_experiment({"a": 30, "b": 30}, (0.0, 0.6), replications=3, seed=5)
    assert a.equals(b)
    means = a.groupby("open_share")["cross_group_share"].mean()
    assert means[0.0] == 0 and means[0.6] > 0.2


def test_bad_parameters():
    with pytest.raises(ValueError, match="open_share"):
        foci_network({"a": 5}, open_share=2)
    with pytest.raises(ValueError, match="two actors"):
        foci_network({"a": 1})
