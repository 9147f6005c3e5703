"""Tests for the policy models: budget allocation, broker, degressive co-financing."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regional_clusters.convergence import theil
from regional_clusters.models.broker import (
    add_broker,
    add_funding_manager,
    choose_ties,
    compare_managers,
    fragmentation,
    network_state,
    reach,
)
from regional_clusters.models.budget import allocate_budget, growth_equalisation_frontier
from regional_clusters.models.cofinancing import compare_schedules, simulate_cofinancing, subsidy_schedule

# --------------------------------------------------------------------------- budget

INCOME = pd.Series({"C": 60.0, "P1": 35.0, "P2": 40.0, "P3": 30.0})
POP = pd.Series({"C": 4.0, "P1": 1.0, "P2": 2.0, "P3": 1.5})


def test_no_budget_changes_nothing():
    f = growth_equalisation_frontier(INCOME, POP, "C", budget=0.0)
    assert (f["growth"] == 0).all()
    np.testing.assert_allclose(f["theil"], theil(INCOME, weights=POP))
    a = allocate_budget(INCOME, POP, "C", share_peripheral=0.3, budget=0.0)
    pd.testing.assert_series_equal(a["income_after"], INCOME.astype(float), check_names=False)


def test_constant_returns_hand_computed():
    # theta = 1, gamma = 1: every unit spent adds one unit of income, wherever
    a = allocate_budget(INCOME, POP, "C", share_peripheral=0.25, budget=0.02,
                        returns={"central": 1.0, "peripheral": 1.0}, scale={"central": 1.0, "peripheral": 1.0})
    total = float((INCOME * POP).sum())
    assert (a["gain_per_head"] * a["population"]).sum() == pytest.approx(0.02 * total)
    assert a.loc["C", "spending"] == pytest.approx(0.75 * 0.02 * total)
    # peripheral regions get the same spending per head
    assert a.loc[["P1", "P2", "P3"], "spending_per_head"].nunique() == 1
    f = growth_equalisation_frontier(INCOME, POP, "C", budget=0.02,
                                     returns={"central": 1.0, "peripheral": 1.0}, scale={"central": 1.0, "peripheral": 1.0})
    np.testing.assert_allclose(f["growth"], 2.0)
    # with equal growth everywhere, more to the periphery always equalises,
    # so giving everything to the periphery dominates every other share
    assert f["theil"].is_monotonic_decreasing
    assert f["efficient"].tolist() == [False] * 20 + [True]


def test_agglomeration_gives_a_tradeoff():
    f = growth_equalisation_frontier(INCOME, POP, "C", budget=0.02,
                                     returns={"central": 1.5, "peripheral": 1.0}, scale={"central": 1.3, "peripheral": 1.0})
    # all to the centre maximises growth, all to the periphery minimises inequality
    assert f["growth"].idxmax() == 0
    assert f["theil"].idxmin() == len(f) - 1
    assert f["growth"].iloc[0] > f["growth"].iloc[-1]
    assert f.loc[0, "efficient"] and f.loc[len(f) - 1, "efficient"]


def test_diminishing_peripheral_returns_make_zero_share_inefficient():
    # with gamma_P < 1 the first euro in the periphery has a very high return:
    # giving it nothing is dominated (less growth and more inequality)
    f = growth_equalisation_frontier(INCOME, POP, "C", budget=0.02, scale={"central": 1.0, "peripheral": 0.5})
    assert not bool(f.loc[f["share_peripheral"] == 0, "efficient"].iloc[0])


def test_budget_bad_input():
    with pytest.raises(ValueError, match="central region 'X'"):
        allocate_budget(INCOME, POP, "X", share_peripheral=0.5)
    with pytest.raises(ValueError, match="no peripheral region"):
        allocate_budget(INCOME, POP, list(INCOME.index), share_peripheral=0.5)
    with pytest.raises(ValueError, match="share_peripheral"):
        allocate_budget(INCOME, POP, "C", share_peripheral=1.5)
    with pytest.raises(ValueError, match="population has no value for region 'P3'"):
        allocate_budget(INCOME, POP.drop("P3"), "C", share_peripheral=0.5)
    with pytest.raises(ValueError, match="negative value at region 'P1'"):
        allocate_budget(INCOME.replace(35.0, -1.0), POP, "C", share_peripheral=0.5)
    with pytest.raises(ValueError, match="returns"):
        allocate_budget(INCOME, POP, "C", share_peripheral=0.5, returns={"central": 1.0})


# --------------------------------------------------------------------------- broker


def burt_graph():
    # GUIDE section 9: Burt's (1992) example as in networkx's tests
    G = nx.Graph([("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"), ("F", "G"),
                  ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")])
    nx.set_edge_attributes(G, 1.0, "weight")
    return G


def fragmented():
    G = nx.Graph([(1, 2), (2, 3), (3, 1), (4, 5), (6, 7)])
    G.add_node(8)
    nx.set_edge_attributes(G, 1.0, "weight")
    return G


def test_fragmentation_hand_computed():
    G = fragmented()  # components 3, 2, 2, 1 of n = 8
    assert fragmentation(G) == pytest.approx(1 - (6 + 2 + 2) / 56)
    assert fragmentation(nx.complete_graph(4)) == 0.0
    assert fragmentation(nx.empty_graph(5)) == 1.0


def test_reach_hand_computed():
    r = reach(fragmented(), k=1)
    assert r[1] == pytest.approx(2 / 7)
    assert r[8] == 0.0


def test_broker_without_ties_changes_nothing():
    G = fragmented()
    H = add_broker(G, [])
    before = network_state(G, list(G))
    after = network_state(H, list(G), manager="broker")
    for m in ("fragmentation", "mean_reach", "mean_constraint", "isolated"):
        assert after[m] == pytest.approx(before[m])
    assert after["dependence"] == 0.0 and after["manager_betweenness"] == 0.0


def test_broker_one_per_component_connects_everyone():
    G = fragmented()
    ties = choose_ties(G, "components")
    assert len(ties) == nx.number_connected_components(G)
    H = add_broker(G, ties)
    assert fragmentation(H, list(G)) == 0.0
    # every member pair across components now depends on the broker
    s = network_state(H, list(G), manager="broker")
    assert s["dependence"] == pytest.approx(fragmentation(G))


def test_broker_constraint_matches_burt_example():
    # members of Burt's example keep their constraint when the broker ties to
    # nobody; the package's constraint reproduces the published value of G
    G = burt_graph()
    s = network_state(add_broker(G, []), list(G), manager="broker")
    from regional_clusters.networks import constraint
    c = constraint(G)
    assert c["G"] == pytest.approx(0.400, abs=1e-3)
    assert s["mean_constraint"] == pytest.approx(c.mean())


def test_funding_manager_routing_zero_is_the_broker():
    G = burt_graph()
    ties = ["A", "B", "G", "E"]
    B = add_broker(G, ties, name="m")
    M = add_funding_manager(G, ties, routing=0.0, name="m")
    assert nx.utils.graphs_equal(B, M) or sorted(B.edges()) == sorted(M.edges())


def test_funding_manager_creates_dependence():
    G = burt_graph()
    ties = list(G)
    t = compare_managers(G, ties, routing=1.0, seed=0)
    assert t.loc["only_via_manager", "funding manager"] == 1.0
    assert t.loc["dependence", "funding manager"] > t.loc["dependence", "broker"]
    assert t.loc["manager_constraint", "funding manager"] < t.loc["manager_constraint", "broker"]
    assert t.loc["mean_constraint", "funding manager"] > t.loc["mean_constraint", "broker"]


def test_funding_manager_is_seeded():
    G = nx.gnm_random_graph(30, 60, seed=4)
    nx.set_edge_attributes(G, 1.0, "weight")
    a = add_funding_manager(G, list(range(20)), routing=0.5, seed=9)
    b = add_funding_manager(G, list(range(20)), routing=0.5, seed=9)
    assert a.graph["routed"] == b.graph["routed"]


def test_broker_bad_input():
    G = fragmented()
    with pytest.raises(ValueError, match="not a node"):
        add_broker(G, [99])
    with pytest.raises(ValueError, match="already a node"):
        add_broker(G, [1], name=1)
    with pytest.raises(ValueError, match="directed"):
        fragmentation(nx.DiGraph([(1, 2)]))
    with pytest.raises(ValueError, match="rule"):
        choose_ties(G, "random")
    with pytest.raises(ValueError, match="routing"):
        add_funding_manager(G, [1, 2], routing=2.0)


# --------------------------------------------------------------------------- co-financing


def test_schedules():
    assert subsidy_schedule("constant", periods=3, initial_share=0.4).tolist() == [0.4, 0.4, 0.4]
    assert subsidy_schedule("none", periods=2).tolist() == [0.0, 0.0]
    lin = subsidy_schedule("linear", periods=12, initial_share=0.6, phase_out=10)
    assert lin.is_monotonic_decreasing and lin.iloc[10:].eq(0).all()


def test_zero_subsidy_gives_baseline_participation():
    base = simulate_cofinancing(80, 15, schedule="none", seed=3)
    zero = simulate_cofinancing(80, 15, schedule="constant", initial_share=0.0, seed=3)
    pd.testing.assert_frame_equal(base.history, zero.history)
    assert base.summary["cumulative_public_cost"] == 0.0


def test_hand_computed_identical_firms():
    # identical firms, no shocks: all join iff v >= (1 - sigma) c
    r = simulate_cofinancing(10, 3, schedule=[0.5, 0.5, 0.5], benefit_mean=0.5, benefit_sd=0.0,
                    network=0.0, learning=0.0, noise=0.0, seed=0)
    assert r.history["participation"].tolist() == [1.0, 1.0, 1.0]
    assert r.history["public_cost"].tolist() == [5.0, 5.0, 5.0]
    r = simulate_cofinancing(10, 3, schedule=[0.4, 0.4, 0.4], benefit_mean=0.5, benefit_sd=0.0,
                    network=0.0, learning=0.0, noise=0.0, seed=0)
    assert r.history["participation"].tolist() == [0.0, 0.0, 0.0]


@settings(max_examples=25, deadline=None)
@given(low=st.floats(0, 0.9), extra=st.floats(0, 0.1), seed=st.integers(0, 1000))
def test_more_subsidy_never_lowers_participation(low, extra, seed):
    # common random numbers: same firms and shocks, a uniformly higher share
    a = simulate_cofinancing(40, 10, schedule=[low] * 10, seed=seed)
    b = simulate_cofinancing(40, 10, schedule=[low + extra] * 10, seed=seed)
    assert (b.history["members"] >= a.history["members"]).all()


def test_degressive_participation_outlasts_subsidy():
    t = compare_schedules(("none", "linear"), seed=3)
    last = t[t["period"] == t["period"].max()].set_index("schedule")["participation"]
    assert last["linear"] > last["none"]


def test_cofinancing_bad_input():
    with pytest.raises(ValueError, match="schedule must be one of"):
        simulate_cofinancing(schedule="sudden")
    with pytest.raises(ValueError, match=r"schedule\[1\]"):
        simulate_cofinancing(10, 2, schedule=[0.5, 1.5])
    with pytest.raises(ValueError, match="cost"):
        simulate_cofinancing(cost=0)
    with pytest.raises(ValueError, match="seed"):
        simulate_cofinancing(seed=-1)


def test_frontier_agrees_with_allocate_budget():
    # the vectorised frontier and the region-by-region allocation agree
    f = growth_equalisation_frontier(INCOME, POP, "C", budget=0.03, shares=[0.0, 0.37, 1.0])
    for _, row in f.iterrows():
        a = allocate_budget(INCOME, POP, "C", share_peripheral=row["share_peripheral"], budget=0.03)
        growth = 100 * ((a["income_after"] * a["population"]).sum() / (INCOME * POP).sum() - 1)
        assert row["growth"] == pytest.approx(growth)
        assert row["theil"] == pytest.approx(theil(a["income_after"], weights=a["population"]))


def test_firm_subnetwork_keeps_firms_of_country_and_field():
    from regional_clusters.models.broker import firm_subnetwork

    p = pd.DataFrame({
        "project_id": [1, 1, 1, 2, 2, 3, 3],
        "org_id": ["f1", "f2", "u1", "f1", "f3", "f2", "f4"],
        "actor_group": ["Economic actors", "Economic actors", "Research and education",
                        "Economic actors", "Economic actors", "Economic actors", "Economic actors"],
        "org_type": ["PRC", "PRC", "HES", "PRC", "PRC", "PRC", "PRC"],
        "country": ["EL", "EL", "EL", "EL", "FR", "EL", "EL"],
        "field": ["SC2", "SC2", "SC2", "SC2", "SC2", "SC3", "SC3"],
    })
    G = firm_subnetwork(p, "EL", "SC2")
    assert sorted(G.nodes) == ["f1", "f2"]
    assert G["f1"]["f2"]["weight"] == 1.0
    with pytest.raises(ValueError, match="fewer than two organisations"):
        firm_subnetwork(p, "EL", "SC2", org_types=("REC",))


@settings(max_examples=30, deadline=None)
@given(n=st.integers(4, 25), m=st.integers(0, 30), k=st.integers(0, 10), seed=st.integers(0, 10_000))
def test_broker_never_fragments_and_manager_never_connects_more(n, m, k, seed):
    # adding a broker can only join components; routing ties through the
    # manager keeps every pair connected that the broker connects
    G = nx.gnm_random_graph(n, m, seed=seed)
    nx.set_edge_attributes(G, 1.0, "weight")
    ties = list(range(min(k, n)))
    B = add_broker(G, ties)
    M = add_funding_manager(G, ties, routing=1.0, seed=seed)
    assert fragmentation(B, list(G)) <= fragmentation(G) + 1e-12
    assert fragmentation(M, list(G)) == pytest.approx(fragmentation(B, list(G)))
