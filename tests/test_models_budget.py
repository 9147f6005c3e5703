"""Budget model: growth-maximising share against its closed form; critical mass and spillover variants."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regional_clusters.models.budget import (
    allocate_budget,
    budget_outcomes,
    budget_scenario,
    growth_equalisation_frontier,
    growth_maximising_share,
)

INCOME = pd.Series({"C": 60.0, "P1": 35.0, "P2": 40.0, "P3": 30.0})
POP = pd.Series({"C": 4.0, "P1": 1.0, "P2": 2.0, "P3": 1.5})
N, N_C, N_P = 8.5, 4.0, 4.5


@pytest.mark.parametrize("theta_c,gamma_p,psi", [(1.2, 0.7, 0.0), (1.5, 0.5, 0.0), (1.0, 0.8, 0.3)])
def test_best_share_matches_closed_form(theta_c, gamma_p, psi):
    # gamma_C = 1: s* = (N_P/N) [(1 + psi N_P/N_C) theta_C / (theta_P gamma_P)]^(1/(gamma_P - 1))
    closed = N_P / N * ((1 + psi * N_P / N_C) * theta_c / gamma_p) ** (1 / (gamma_p - 1))
    s = growth_maximising_share(INCOME, POP, "C", returns={"central": theta_c, "peripheral": 1.0},
                                scale={"central": 1.0, "peripheral": gamma_p}, spillover=psi)
    assert s == pytest.approx(closed, abs=1e-6)


def test_best_share_is_the_frontier_maximum():
    shares = np.linspace(0, 1, 1001)
    f = growth_equalisation_frontier(INCOME, POP, "C", shares=shares)
    s = growth_maximising_share(INCOME, POP, "C")
    assert abs(s - f.loc[f["growth"].idxmax(), "share_peripheral"]) <= 1e-3


def test_hill_curve_equals_theta_at_uniform_spending_and_is_s_shaped():
    # at the uniform split (s = N_P / N) every region gains theta * e_bar, whatever the curve
    kw = dict(share_peripheral=N_P / N, budget=0.02, scale={"central": 1.0, "peripheral": 3.0})
    a = allocate_budget(INCOME, POP, "C", **kw)
    b = allocate_budget(INCOME, POP, "C", critical_mass={"peripheral": 1.5}, **kw)
    assert b.loc["P1", "gain_per_head"] == pytest.approx(a.loc["P1", "gain_per_head"])
    # S-shape: the first euros in the periphery earn less than proportionally
    f = growth_equalisation_frontier(INCOME, POP, "C", critical_mass={"peripheral": 1.0},
                                     scale={"central": 1.0, "peripheral": 3.0}, shares=[0.0, 0.05])
    lin = growth_equalisation_frontier(INCOME, POP, "C", scale={"central": 1.0, "peripheral": 1.0},
                                       returns={"central": 1.2, "peripheral": 1.0}, shares=[0.0, 0.05])
    assert (f["growth"].iloc[1] - f["growth"].iloc[0]) < (lin["growth"].iloc[1] - lin["growth"].iloc[0])


def test_critical_mass_removes_the_win_win():
    base = budget_outcomes(INCOME, POP, "C")
    assert base["win_win"] > 0 and base["tradeoff"] == 0.0
    s_shaped = budget_outcomes(INCOME, POP, "C", scale={"central": 1.3, "peripheral": 3.0},
                               critical_mass={"peripheral": 1.0})
    assert s_shaped["best_share"] == 0.0 and s_shaped["win_win"] == 0.0 and s_shaped["tradeoff"] == 1.0


def test_spillover_adds_to_the_periphery():
    a = allocate_budget(INCOME, POP, "C", share_peripheral=0.0, spillover=0.5)
    assert a.loc["P1", "gain_per_head"] == pytest.approx(0.5 * a.loc["C", "gain_per_head"])


def test_scenario_is_outcomes_with_flat_parameters():
    a = budget_scenario(income=INCOME, population=POP, central="C", critical_mass=1.0, gamma_peripheral=2.0)
    b = budget_outcomes(INCOME, POP, "C", critical_mass={"peripheral": 1.0},
                        scale={"central": 1.3, "peripheral": 2.0})
    pd.testing.assert_series_equal(a, b)


def test_bad_parameters():
    with pytest.raises(ValueError, match="spillover"):
        allocate_budget(INCOME, POP, "C", share_peripheral=0.5, spillover=-1.0)
    with pytest.raises(ValueError, match="critical_mass"):
        allocate_budget(INCOME, POP, "C", share_peripheral=0.5, critical_mass={"peripheral": 0.0})
    with pytest.raises(ValueError, match="critical_mass"):
        allocate_budget(INCOME, POP, "C", share_peripheral=0.5, critical_mass={"rural": 1.0})
    with pytest.raises(ValueError, match="critical_mass"):
        budget_scenario(income=INCOME, population=POP, central="C", critical_mass=-1.0)
    with pytest.raises(ValueError, match="budget"):
        growth_maximising_share(INCOME, POP, "C", budget=-0.01)
    with pytest.raises(ValueError, match="shares is empty"):
        growth_equalisation_frontier(INCOME, POP, "C", shares=[])
