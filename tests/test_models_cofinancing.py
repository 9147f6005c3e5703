"""Co-financing: the fixed point against simulation, depreciation, paired schedule effects."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from regional_clusters.models.cofinancing import (
    participation_fixed_points,
    schedule_contrast,
    schedule_effects,
    simulate_cofinancing,
    subsidy_schedule,
)


def test_fixed_point_hand_computed():
    # mu + lambda + beta * 1/2 = c makes m* = 1/2 a fixed point: Phi(0) = 1/2
    fp = participation_fixed_points(benefit_mean=0.5, learning=0.3, network=0.4, cost=1.0)
    assert fp["participation"].tolist() == pytest.approx([0.5])
    # the slope is beta * phi(0) / sqrt(sd_v^2 + sd_e^2)
    assert fp["slope"].iloc[0] == pytest.approx(0.4 * stats.norm.pdf(0) / np.hypot(0.25, 0.05))


def test_fixed_point_matches_long_run_simulation():
    # after the subsidy, with learning frozen at the firms' learned shares,
    # long-run participation fluctuates around the heterogeneous fixed point
    r = simulate_cofinancing(n_firms=2000, periods=120, schedule="linear", seed=1)
    fp = participation_fixed_points(benefits=r.agents["benefit"], learned=r.agents["learned"])
    assert len(fp) == 1 and fp["stable"].all()
    assert r.history["participation"].iloc[-60:].mean() == pytest.approx(fp["participation"].iloc[0], abs=0.01)


def test_homogeneous_fixed_point_when_everyone_has_learned():
    # one fully paid period with L = 1: (almost) every firm joins and has learned
    # fully; from then on the population formula with sqrt(sd_v^2 + sd_e^2) holds
    r = simulate_cofinancing(n_firms=4000, periods=60, schedule=[1.0] + [0.0] * 59, benefit_mean=0.6,
                             benefit_sd=0.1, learning_periods=1, learning=0.1, network=0.2, seed=2)
    assert r.history["participation"].iloc[0] == 1.0
    fp = participation_fixed_points(benefit_mean=0.6, benefit_sd=0.1, learning=0.1, network=0.2)
    assert r.history["participation"].iloc[-40:].mean() == pytest.approx(fp["participation"].iloc[0], abs=0.01)


def test_strong_network_benefit_gives_two_stable_fixed_points():
    fp = participation_fixed_points(network=2.0, learning=0.0, benefit_sd=0.1)
    assert fp["stable"].tolist() == [True, False, True]
    assert fp["participation"].iloc[0] < 0.01 and fp["participation"].iloc[-1] > 0.99


def test_depreciation_zero_is_the_original_model_and_one_forgets():
    a = simulate_cofinancing(60, 15, seed=4)
    b = simulate_cofinancing(60, 15, depreciation=0.0, seed=4)
    assert a.history.equals(b.history)
    # with full depreciation experience is only the last period: learned <= 1/L
    c = simulate_cofinancing(60, 15, depreciation=1.0, learning_periods=4, seed=4)
    assert c.agents["learned"].max() <= 0.25 + 1e-12


def test_depreciation_lowers_long_run_participation():
    keep = [simulate_cofinancing(periods=40, seed=s).summary["final_participation"] for s in range(10)]
    lose = [simulate_cofinancing(periods=40, depreciation=0.3, seed=s).summary["final_participation"] for s in range(10)]
    assert np.mean(lose) < np.mean(keep) - 0.1


def test_flat_schedule_and_paired_effects():
    assert subsidy_schedule("flat", periods=5, initial_share=0.3, phase_out=2).tolist() == [0.3, 0.3, 0, 0, 0]
    tab = schedule_effects({"none": {"schedule": "none"}, "constant": {"schedule": "constant"}}, "none",
                           seeds=8, n_firms=60, periods=10)
    fin = tab.set_index(["schedule", "outcome"])
    assert fin.loc[("none", "final_participation"), "difference"] == 0.0
    row = fin.loc[("constant", "final_participation")]
    assert row["lower"] <= row["difference"] <= row["upper"] and row["lower"] > 0
    # the paired difference equals the difference of the means
    none = fin.loc[("none", "final_participation"), "mean"]
    assert row["difference"] == pytest.approx(row["mean"] - none)


def test_schedule_contrast_is_consistent_with_single_runs():
    c = schedule_contrast(periods=25, seed=3, network=0.3)
    flat = simulate_cofinancing(periods=25, schedule="flat", phase_out=4, network=0.3, seed=3)
    assert c["short_flat"] == flat.summary["final_participation"]
    assert c["degression_advantage"] == pytest.approx(c["degressive"] - c["short_flat"])


def test_bad_parameters_name_themselves():
    with pytest.raises(ValueError, match="depreciation"):
        simulate_cofinancing(depreciation=1.5)
    with pytest.raises(ValueError, match="public_share"):
        participation_fixed_points(public_share=-0.1)
    with pytest.raises(ValueError, match="cost"):
        participation_fixed_points(cost=-1.0)
    with pytest.raises(ValueError, match="noise"):
        participation_fixed_points(noise=0.0, benefits=[0.1, 0.2])
    with pytest.raises(ValueError, match="baseline"):
        schedule_effects({"a": {"schedule": "none"}}, "b")
    with pytest.raises(ValueError, match="schedules is empty"):
        schedule_effects({}, "b")
    with pytest.raises(ValueError, match="learning"):
        simulate_cofinancing(learning=-0.1)
