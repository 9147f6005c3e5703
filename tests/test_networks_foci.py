"""The foci model of low-threshold contacts."""

import networkx as nx
import pandas as pd
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


# ---------------------------------------------------------------- closed form, variant, patterns

import numpy as np  # noqa: E402

from regional_clusters.networks.foci import (  # noqa: E402
    expected_foci_mixing,
    foci_mixing,
    foci_pattern_comparison,
    foci_tie_probabilities,
)

SIZES = {"firms": 40, "research": 40, "public": 10, "intermediaries": 10}


def test_tie_probabilities_hand_computed():
    # one membership each, one open place, q = 1/2, p = 1: two actors of different
    # groups meet iff both go to the open place: 1/4
    p = foci_tie_probabilities(foci_per_group=2, meeting_places=1, memberships=1, open_share=0.5, p_tie=1.0)
    assert p["between"] == pytest.approx(0.25)
    # same group: both open (1/4) or both own and the same of two foci (1/4 * 1/2)
    assert p["within"] == pytest.approx(0.25 + 0.25 * 0.5)
    # p_tie = 0 gives no ties at all
    assert foci_tie_probabilities(p_tie=0.0).tolist() == [0.0, 0.0]


@pytest.mark.parametrize("share", [0.0, 0.2, 0.4])
def test_closed_form_matches_simulation(share):
    expected = expected_foci_mixing(SIZES, open_share=share)
    sims = pd.DataFrame([foci_mixing(SIZES, open_share=share, seed=s) for s in range(60)])
    # 60 networks of ~250-350 ties: the mean of ties is within 2 % of the closed form
    assert sims["ties"].mean() == pytest.approx(expected["expected_ties"], rel=0.03)
    assert sims["cross_group_share"].mean() == pytest.approx(expected["cross_group_share"], abs=0.02)


def test_homophily_zero_is_the_original_model():
    a = foci_network(SIZES, open_share=0.3, seed=3)
    b = foci_network(SIZES, open_share=0.3, homophily=0.0, seed=3)
    assert sorted(a.edges()) == sorted(b.edges())


def test_full_homophily_with_a_place_per_group_separates_groups():
    s = foci_mixing(SIZES, open_share=0.5, meeting_places=4, homophily=1.0, seed=1)
    assert s["ties"] > 0 and s["cross_group_share"] == 0.0
    mixed = foci_mixing(SIZES, open_share=0.5, meeting_places=4, homophily=0.0, seed=1)
    assert mixed["cross_group_share"] > 0.3


def test_pattern_comparison_recovers_model_networks():
    # a network drawn from the model itself: its statistics are typical (no tiny p)
    G = foci_network({"x": 30}, meeting_places=0, p_tie=0.3, seed=11)
    t = foci_pattern_comparison(G, replications=60, seed=2)
    assert t.attrs["p_tie"] == pytest.approx(0.3, abs=0.08)
    assert (t["p"] > 0.01).all()
    assert t.loc["density", "expected"] == pytest.approx(t.loc["density", "observed"], rel=0.05)


def test_new_bad_parameters():
    with pytest.raises(ValueError, match="homophily"):
        foci_network({"a": 5, "b": 5}, homophily=1.5)
    with pytest.raises(ValueError, match="p_tie"):
        foci_tie_probabilities(p_tie=-0.1)
    with pytest.raises(ValueError, match="memberships"):
        foci_tie_probabilities(memberships=4, meeting_places=3)
    with pytest.raises(ValueError, match="replications"):
        foci_pattern_comparison(nx.path_graph(5), replications=0)
    with pytest.raises(ValueError, match="directed"):
        foci_pattern_comparison(nx.DiGraph([(0, 1), (1, 2)]))


def test_counts_and_empty_grid_are_named():
    with pytest.raises(ValueError, match="meeting_places"):
        foci_network({"a": 5, "b": 5}, meeting_places=-1)
    with pytest.raises(ValueError, match="foci_per_group"):
        foci_network({"a": 5, "b": 5}, foci_per_group=0)
    with pytest.raises(ValueError, match="memberships"):
        foci_tie_probabilities(memberships=1.5)
    with pytest.raises(ValueError, match="open_shares is empty"):
        foci_experiment({"a": 5, "b": 5}, ())
