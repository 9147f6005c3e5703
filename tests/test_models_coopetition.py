"""Tests of the coopetition model: analytical limits, determinism, bad input."""

import networkx as nx
import numpy as np
import pytest

from regional_clusters.models import coopetition_equilibrium, coopetition_regimes, simulate_coopetition


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
