"""Tests of the collective learning model: frozen limits, monitoring, determinism."""

import networkx as nx
import numpy as np
import pytest

from regional_clusters.models import initial_knowledge, simulate_learning


def test_no_diffusion_no_recombination_freezes_knowledge():
    res = simulate_learning(p_diffusion=0.0, p_recombination=0.0, steps=15, seed=1)
    assert res.summary["knowledge_gain"] == 0.0
    assert (res.history["innovations"] == 0).all()


def test_full_diffusion_on_complete_graph_gives_everyone_the_union():
    G = nx.complete_graph(5)
    res = simulate_learning(
        G, n_domains=10, p_own=0.3, p_other=0.3, p_interact=1.0, p_diffusion=1.0,
        common_language=0.0, p_recombination=0.0, drift=0.0, steps=1, seed=3,
    )
    assert res.agents["domains"].nunique() == 1


def test_without_drift_or_with_constant_monitoring_no_tie_breaks():
    assert simulate_learning(drift=0.0, seed=2).summary["breaks_per_step"] == 0
    assert simulate_learning(drift=0.2, monitoring=1.0, seed=2).summary["breaks_per_step"] == 0
    assert simulate_learning(drift=0.2, monitoring=0.0, seed=2).summary["breaks_per_step"] > 0


def test_without_rewiring_broken_ties_stay_broken():
    res = simulate_learning(drift=0.2, rewire=0.0, steps=30, seed=4)
    assert res.history["ties_alive"].is_monotonic_decreasing


def test_initial_knowledge_specialised_by_group():
    K = initial_knowledge(np.repeat([0, 1], 50), 20, p_own=0.8, p_other=0.0, seed=0)
    assert not K[:50, 10:].any() and not K[50:, :10].any()
    assert 0.7 < K[:50, :10].mean() < 0.9


def test_determinism():
    a = simulate_learning(structure="random", seed=5)
    b = simulate_learning(structure="random", seed=5)
    assert a.history.equals(b.history) and a.summary.equals(b.summary)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(structure="lattice"), "structure"),
        (dict(p_diffusion=1.2), "p_diffusion"),
        (dict(common_language=-0.5), "common_language"),
        (dict(drift=-1), "drift"),
        (dict(tolerance=0.7), "tolerance"),
        (dict(monitoring=2), "monitoring"),
        (dict(n_domains=3), "n_domains"),
        (dict(graph=nx.empty_graph(4)), "no edges"),
    ],
)
def test_bad_parameters_are_named(kwargs, name):
    with pytest.raises(ValueError, match=name):
        simulate_learning(**kwargs)


def test_defaults_unchanged_by_cost_and_conflict_switches():
    from regional_clusters.models import simulate_learning as sim

    a = sim(monitoring=0.5, steps=15, seed=4).summary
    b = sim(monitoring=0.5, monitoring_cost=0.0, conflict=0.0, steps=15, seed=4).summary
    assert a.equals(b)


def test_net_innovation_subtracts_the_cost_of_each_reassessment():
    from regional_clusters.models import simulate_learning as sim

    res = sim(monitoring=0.5, monitoring_cost=0.03, steps=15, seed=4).summary
    assert res["monitoring_rate"] > 0
    assert res["net_innovation"] == pytest.approx(res["innovation_rate"] - 0.03 * res["monitoring_rate"])
    assert sim(monitoring=0.0, steps=15, seed=4).summary["monitoring_rate"] == 0.0


def test_conflict_makes_monitoring_break_ties():
    from regional_clusters.models import simulate_learning as sim

    calm = sim(monitoring=1.0, conflict=0.0, steps=20, seed=5).summary
    clash = sim(monitoring=1.0, conflict=1.0, steps=20, seed=5).summary
    assert calm["breaks_per_step"] == 0.0
    assert clash["breaks_per_step"] > 0 and clash["ties_alive"] < calm["ties_alive"]


def test_initial_overlap_is_the_between_group_jaccard():
    import networkx as nx

    from regional_clusters.models import simulate_learning as sim

    G = nx.complete_graph(4)
    for v in G:
        G.nodes[v]["group"] = v // 2
    # p_own = 1, p_other = 0: groups hold disjoint halves, overlap exactly 0; p_other = 1: everyone holds everything
    assert sim(G, n_domains=8, p_own=1.0, p_other=0.0, steps=1, seed=0).summary["initial_overlap"] == 0.0
    assert sim(G, n_domains=8, p_own=1.0, p_other=1.0, steps=1, seed=0).summary["initial_overlap"] == 1.0


@pytest.mark.parametrize("kwargs, name", [(dict(conflict=1.5), "conflict"), (dict(monitoring_cost=-1), "monitoring_cost")])
def test_bad_monitoring_parameters_are_named(kwargs, name):
    from regional_clusters.models import simulate_learning as sim

    with pytest.raises(ValueError, match=name):
        sim(**kwargs)


def test_asymmetry_tilts_the_division_towards_the_learner_and_breaks_ties():
    import networkx as nx

    from regional_clusters.models import simulate_learning as sim

    # one tie, no drift, full diffusion on the first use
    G = nx.Graph([(0, 1)])
    nx.set_node_attributes(G, {0: 0, 1: 1}, "group")
    kw = dict(n_domains=5, p_own=1.0, p_other=0.0, common_language=0.0, p_diffusion=1.0, p_recombination=0.0,
              p_interact=1.0, drift=0.0, tolerance=0.15, rewire=0.0, steps=3, seed=0)
    # blocks of 3 and 2 domains: on the first use 0 learns 2 domains and 1 learns 3, so the share of 0 moves
    # from 0.5 by asymmetry * (2 - 3) / 5; it quits below 0.5 - 0.15
    assert sim(G, asymmetry=0.5, **kw).history["breaks"].sum() == 0  # 0.4: 0 stays
    assert sim(G, asymmetry=1.0, **kw).history["breaks"].sum() == 1  # 0.3: 0 quits
    calm = sim(steps=15, seed=3).summary
    tilted = sim(asymmetry=0.1, steps=15, seed=3).summary
    assert tilted["breaks_per_step"] > calm["breaks_per_step"]
    with pytest.raises(ValueError, match="asymmetry"):
        sim(asymmetry=-0.1)
