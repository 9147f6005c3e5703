"""Tests of the coopetition model: analytical limits, determinism, bad input."""

import networkx as nx
import numpy as np
import pytest

from regional_clusters.models import (
    coopetition_closed_form,
    coopetition_equilibrium,
    coopetition_regimes,
    relation_matrices,
    simulate_coopetition,
)


def test_no_cooperation_no_rivalry_output_equals_isolated_sum():
    res = simulate_coopetition(beta=0.0, rho=0.0, gamma=0.0, seed=4)
    ag = res.agents
    assert np.isclose(res.summary["cluster_output"], res.summary["isolated_output"])
    assert np.allclose(ag["output"], ag["ability"] ** 2)  # isolated output a^2 / c with c = 1
    assert res.summary["surplus"] == pytest.approx(0.0, abs=1e-9)


def test_only_cooperation_ties_gives_no_business_stealing():
    # all ties cooperative: gamma and rho must have no effect
    a = simulate_coopetition(coop_share=1.0, beta=0.05, rho=0.5, gamma=0.1, seed=2)
    b = simulate_coopetition(coop_share=1.0, beta=0.05, rho=0.0, gamma=0.0, seed=2)
    assert np.isclose(a.summary["cluster_output"], b.summary["cluster_output"])


def test_rivalry_push_closed_form():
    # beta = gamma = 0: e_i = (a_i + rho * d_i^R) / c exactly
    res = simulate_coopetition(beta=0.0, rho=0.3, gamma=0.0, cost=2.0, steps=80, seed=5)
    ag = res.agents
    assert np.allclose(ag["effort"], (ag["ability"] + 0.3 * ag["rival_degree"]) / 2.0)


def test_simulation_converges_to_interior_equilibrium():
    G = nx.cycle_graph(6)
    for u, v in G.edges:
        G.edges[u, v]["relation"] = "cooperation" if u % 2 == 0 else "rivalry"
    res = simulate_coopetition(G, beta=0.2, rho=0.1, gamma=0.1, steps=300, seed=0)
    A = nx.to_numpy_array(G, nodelist=list(G.nodes), weight=None)
    C = np.zeros_like(A)
    for u, v in G.edges:
        if G.edges[u, v]["relation"] == "cooperation":
            C[u, v] = C[v, u] = 1
    e = coopetition_equilibrium(C, A - C, res.agents["ability"], beta=0.2, rho=0.1, gamma=0.1)
    assert np.allclose(res.agents["effort"], e, atol=1e-8)


def test_equilibrium_hand_computed_pair():
    # two partners, e = (1 + 0.5 e) -> e = 2; output per firm 1*2 + 0.5*2*2 = 4
    C = np.array([[0, 1], [1, 0]])
    assert np.allclose(coopetition_equilibrium(C, np.zeros((2, 2)), [1, 1], beta=0.5, rho=0, gamma=0), [2, 2])


def test_knowledge_sharing_creates_surplus_increasing_in_beta():
    s = [simulate_coopetition(beta=b, rho=0, gamma=0, seed=1).summary["surplus"] for b in (0.0, 0.03, 0.06)]
    assert s[0] == pytest.approx(0.0, abs=1e-9) and s[0] < s[1] < s[2]


def test_determinism_and_seed_dependence():
    a = simulate_coopetition(noise=0.05, seed=11)
    b = simulate_coopetition(noise=0.05, seed=11)
    c = simulate_coopetition(noise=0.05, seed=12)
    assert a.summary.equals(b.summary)
    assert not a.summary.equals(c.summary)


def test_regimes_decomposition_adds_up():
    tab = coopetition_regimes([0.06], [0.0, 0.3], seeds=2, n_firms=20, steps=40)
    wide = tab.pivot_table(index="rho", columns="outcome", values="mean")
    assert np.allclose(wide["surplus"], wide["cooperation_part"] + wide["rivalry_part"] + wide["interaction"])
    dom = tab.drop_duplicates("rho").set_index("rho")["dominant"]
    assert dom[0.0] == "cooperation" and dom[0.3] == "rivalry"


@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(beta=-0.1), "beta"),
        (dict(rho=float("nan")), "rho"),
        (dict(gamma=-1), "gamma"),
        (dict(cost=0), "cost"),
        (dict(coop_share=1.5), "coop_share"),
        (dict(adjust=0), "adjust"),
        (dict(steps=0), "steps"),
        (dict(n_firms=2), "n_firms"),
        (dict(degree=80), "degree"),
        (dict(beta=0.5), "beta and gamma too large"),
        (dict(seed=-3), "seed"),
        (dict(rivalry="envy"), "rivalry"),
    ],
)
def test_bad_parameters_are_named(kwargs, name):
    with pytest.raises(ValueError, match=name):
        simulate_coopetition(**kwargs)


def test_bad_relation_label():
    G = nx.path_graph(3)
    G.edges[0, 1]["relation"] = "friendship"
    with pytest.raises(ValueError, match="relation"):
        simulate_coopetition(G)


@pytest.mark.parametrize("beta, rho, gamma, cost", [(0.05, 0.2, 0.02, 1.0), (0.0, 0.3, 0.0, 2.0), (0.08, 0.0, 0.0, 1.0)])
def test_closed_form_output_and_welfare_match_simulation(beta, rho, gamma, cost):
    G = nx.watts_strogatz_graph(40, 6, 0.1, seed=3)
    for k, (u, v) in enumerate(G.edges):
        G.edges[u, v]["relation"] = "cooperation" if k % 2 else "rivalry"
    res = simulate_coopetition(G, beta=beta, rho=rho, gamma=gamma, cost=cost, steps=500, seed=9)
    _, C, R = relation_matrices(G)
    cf = coopetition_closed_form(C, R, res.agents["ability"], beta=beta, rho=rho, gamma=gamma, cost=cost)
    assert np.allclose(cf["effort"], res.agents["effort"], atol=1e-8)
    for key in ("surplus", "welfare_gain", "isolated_welfare"):
        assert cf[key] == pytest.approx(res.summary[key], rel=1e-8, abs=1e-8)
    # simulated welfare is the sum of the simulated payoffs
    assert res.agents["payoff"].sum() == pytest.approx(res.summary["welfare"])


def test_rivalry_alone_raises_output_and_lowers_welfare_by_the_formula():
    res = simulate_coopetition(beta=0.0, rho=0.2, gamma=0.0, steps=80, seed=5)
    ag = res.agents
    d, a = ag["rival_degree"], ag["ability"]
    assert res.summary["surplus"] == pytest.approx(0.2 * (a * d).sum())
    assert res.summary["welfare_gain"] == pytest.approx(-(0.2**2) * (d**2).sum() / 2)


def test_cooperation_alone_raises_welfare_to_half_the_squared_efforts():
    res = simulate_coopetition(beta=0.06, rho=0.0, gamma=0.0, steps=300, seed=5)
    assert res.summary["welfare"] == pytest.approx(0.5 * (res.agents["effort"] ** 2).sum())
    assert res.summary["welfare_gain"] > 0


def test_effort_response_to_rivalry_is_the_derivative():
    G = nx.cycle_graph(8)
    for u, v in G.edges:
        G.edges[u, v]["relation"] = "cooperation" if u % 2 else "rivalry"
    _, C, R = relation_matrices(G)
    a = np.linspace(1, 2, 8)
    kw = dict(beta=0.2, gamma=0.1, cost=1.0)
    cf = coopetition_closed_form(C, R, a, rho=0.1, **kw)
    h = 1e-6
    num = (coopetition_equilibrium(C, R, a, rho=0.1 + h, **kw) - coopetition_equilibrium(C, R, a, rho=0.1 - h, **kw)) / (2 * h)
    assert np.allclose(cf["effort_response"], num, atol=1e-6)


def test_gap_rivalry_pair_closed_form():
    # the laggard solves c e1 + rho (e1 - e2) = a1 with e2 = a2 / c
    G = nx.Graph([(0, 1)])
    G.edges[0, 1]["relation"] = "rivalry"
    res = simulate_coopetition(G, rivalry="gap", beta=0.0, rho=0.5, gamma=0.0, ability_sd=0.5, steps=300, seed=2)
    a = res.agents["ability"].to_numpy()
    lo, hi = np.argmin(a), np.argmax(a)
    e = res.agents["effort"].to_numpy()
    assert e[hi] == pytest.approx(a[hi])
    assert e[lo] == pytest.approx((a[lo] + 0.5 * a[hi]) / 1.5)
    fear = 0.5 / 2 * (e[hi] - e[lo]) ** 2
    expected = (a * e - e**2 / 2).sum() - fear
    assert res.summary["welfare"] == pytest.approx(expected)


def test_gap_rivalry_has_no_effect_among_equals():
    res = simulate_coopetition(rivalry="gap", beta=0.0, rho=0.4, gamma=0.0, ability_sd=0.0, seed=3)
    assert res.summary["surplus"] == pytest.approx(0.0, abs=1e-9)
    assert res.summary["welfare_gain"] == pytest.approx(0.0, abs=1e-9)


def test_regimes_welfare_decomposition_adds_up():
    tab = coopetition_regimes([0.0, 0.06], [0.2], gamma=0.0, seeds=2, n_firms=20, steps=60)
    wide = tab.pivot_table(index="beta", columns="outcome", values="mean")
    parts = wide["welfare_cooperation_part"] + wide["welfare_rivalry_part"] + wide["welfare_interaction"]
    assert np.allclose(wide["welfare_gain"], parts)
    assert (wide["welfare_rivalry_part"] < 0).all()
