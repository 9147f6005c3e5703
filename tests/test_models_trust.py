"""Tests of the trust model: locality without gossip, limits, determinism."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from regional_clusters.models import STRATEGIES, simulate_trust


def test_without_gossip_reputation_stays_local():
    for structure in ("closed", "bridging", "random"):
        res = simulate_trust(structure=structure, gossip=0.0, steps=30, seed=1)
        assert (res.history["reach"] == 0).all()


def test_gossip_carries_reputation_beyond_direct_ties():
    res = simulate_trust(structure="random", gossip=0.5, steps=30, seed=1)
    assert res.summary["reach"] > 0.05


def test_path_graph_gossip_reaches_exactly_second_neighbours():
    # on a path 0-1-2 actor 0 can only hear about 2 from 1: one non-adjacent ordered pair each way
    G = nx.path_graph(3)
    res = simulate_trust(G, gossip=1.0, threshold=0.0, trustworthiness=1.0, decay=0.0, steps=20, seed=0)
    assert res.history["reach"].iloc[-1] == 1.0


def test_perfectly_trustworthy_world_never_betrays():
    res = simulate_trust(trustworthiness=1.0, pressure=0.0, steps=30, seed=2)
    assert np.nansum(res.history["betrayal_rate"]) == 0
    assert res.summary["trust_rate"] > 0.9


def test_full_pressure_means_every_trusted_meeting_is_betrayed():
    res = simulate_trust(pressure=1.0, threshold=0.0, steps=10, seed=2)
    assert (res.history["betrayal_rate"] == 1).all()


def test_no_signals_and_a_sceptical_prior_means_no_trust():
    res = simulate_trust(signal_weight=0.0, prior=0.5, threshold=0.6, steps=10, seed=0)
    assert (res.history["trust_rate"] == 0).all()


def test_pressure_lowers_payoff():
    calm = simulate_trust(pressure=0.0, seed=5).summary["payoff"]
    tense = simulate_trust(pressure=0.4, seed=5).summary["payoff"]
    assert tense < calm


def test_determinism():
    a = simulate_trust(structure="bridging", seed=7)
    b = simulate_trust(structure="bridging", seed=7)
    pd.testing.assert_frame_equal(a.history, b.history)
    assert not a.history.equals(simulate_trust(structure="bridging", seed=8).history)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(structure="star"), "structure"),
        (dict(gossip=1.5), "gossip"),
        (dict(pressure=-0.1), "pressure"),
        (dict(deterrence=1.5), "deterrence"),
        (dict(bridge_share=-0.1), "bridge_share"),
        (dict(threshold=2), "threshold"),
        (dict(decay=0.9), "decay"),
        (dict(concentration=0), "concentration"),
        (dict(signal_weight=-1), "signal_weight"),
        (dict(strategies=STRATEGIES.assign(precision=[-1.0, 1, 1, 1])), "precision of 'commitment'"),
        (dict(graph=nx.empty_graph(5)), "no edges"),
    ],
)
def test_bad_parameters_are_named(kwargs, name):
    with pytest.raises(ValueError, match=name):
        simulate_trust(**kwargs)


def test_deterrence_needs_gossip_and_lowers_betrayal_most_under_closure():
    from regional_clusters.models import simulate_trust as sim

    # without gossip nobody hears of a betrayal: deterrence changes nothing
    assert sim(deterrence=1.0, gossip=0.0, steps=30, seed=2).summary.equals(sim(gossip=0.0, steps=30, seed=2).summary)
    drop = {}
    for kind in ("closed", "random"):
        base = np.mean([sim(structure=kind, steps=30, seed=s).summary["betrayal_rate"] for s in range(4)])
        det = np.mean([sim(structure=kind, deterrence=1.0, steps=30, seed=s).summary["betrayal_rate"] for s in range(4)])
        drop[kind] = base - det
    assert drop["closed"] > drop["random"] > -0.01


def test_deterrence_honour_probability_on_a_triangle():
    # in a triangle every pair shares one partner, degree 2: exposure g * 1 / 2; with g = 1, delta = 1 a would-be
    # betrayer refrains with probability 1/2, so honouring is tau + (1 - tau) / 2
    import networkx as nx

    from regional_clusters.models import simulate_trust as sim

    res = sim(nx.complete_graph(3), trustworthiness=0.4, concentration=1e6, gossip=1.0, deterrence=1.0, steps=2, seed=0)
    assert np.allclose(res.agents["honour_probability"], 0.4 + 0.6 / 2, atol=1e-3)


def test_gossip_contrast_is_closed_minus_bridging():
    from regional_clusters.models import gossip_contrast

    out = gossip_contrast(steps=20, seed=1)
    assert out["closure_advantage"] == pytest.approx(out["gain_closed"] - out["gain_bridging"])
    with pytest.raises(ValueError, match="gossip"):
        gossip_contrast(gossip=0.0)
    with pytest.raises(ValueError, match="structure"):
        gossip_contrast(structure="closed")
