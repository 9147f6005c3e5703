"""The funding manager: outcome summary, and the cheap-talk variant against its closed form."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from regional_clusters.models.broker import (
    cheap_talk,
    cheap_talk_partition,
    funding_manager_outcomes,
    simulate_cheap_talk,
)


def test_partition_hand_computed():
    # b = 0.05: N = 3 (2 b N (N - 1) = 0.6 < 1, N = 4 gives 1.2); a_i = i/3 + 0.1 i (i - 3)
    np.testing.assert_allclose(cheap_talk_partition(0.05), [0, 1 / 3 - 0.2, 2 / 3 - 0.2, 1])
    # intervals grow by 4b from one to the next (Crawford and Sobel's difference equation)
    a = cheap_talk_partition(0.01)
    np.testing.assert_allclose(np.diff(np.diff(a)), 4 * 0.01)
    assert cheap_talk_partition(0.25).tolist() == [0.0, 1.0]


@pytest.mark.parametrize("bias", [0.0, 0.02, 0.1, 0.2, 0.3])
def test_closed_form_loss_matches_simulation(bias):
    closed = cheap_talk(bias).iloc[0]
    sim = simulate_cheap_talk(bias, n_states=200_000, seed=1)
    assert sim["loss_advice"] == pytest.approx(closed["loss_advice"], abs=5e-4)


def test_delegation_beats_advice_exactly_below_one_over_root_12():
    t = cheap_talk([0.05, 0.15, 0.28, 0.29, 0.4])
    assert t["delegation_better"].tolist() == [True, True, True, False, False]
    assert 1 / np.sqrt(12) == pytest.approx(0.2887, abs=1e-4)
    # information falls with bias and is lost entirely from b = 1/4 on
    info = cheap_talk(np.linspace(0, 0.3, 31))["information"]
    assert info.is_monotonic_decreasing or (np.diff(info) <= 1e-12).all()
    assert cheap_talk(0.25)["information"].iloc[0] == pytest.approx(0.0)


def test_funding_manager_outcomes():
    G = nx.gnm_random_graph(40, 60, seed=3)
    nx.set_edge_attributes(G, 1.0, "weight")
    zero = funding_manager_outcomes(G, routing=0.0, seed=1)
    assert zero["extra_dependence"] == 0.0 and zero["extra_constraint"] == pytest.approx(0.0)
    full = funding_manager_outcomes(G, routing=1.0, seed=1)
    assert full["extra_dependence"] > 0
    none = funding_manager_outcomes(G, routing=1.0, funded_share=0.0, seed=1)
    assert none["dependence_manager"] == 0.0


def test_bad_parameters():
    with pytest.raises(ValueError, match="bias"):
        cheap_talk(-0.1)
    with pytest.raises(ValueError, match="bias"):
        cheap_talk_partition(float("nan"))
    with pytest.raises(ValueError, match="n_states"):
        simulate_cheap_talk(0.1, n_states=0)
    with pytest.raises(ValueError, match="funded_share"):
        funding_manager_outcomes(nx.path_graph(4), funded_share=1.2)
    with pytest.raises(ValueError, match="routing"):
        funding_manager_outcomes(nx.path_graph(4), routing=-0.5)
