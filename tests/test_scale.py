"""Tests for regional_clusters.scale: aggregation, profiles across scales, scaling exponents."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regional_clusters import scale as sc

X = pd.DataFrame({"a": [9, 1, 1, 1], "b": [1, 9, 9, 9]}, index=["k1", "k2", "k3", "k4"], dtype=float)
PAIRS = pd.Series({"k1": "U", "k2": "U", "k3": "V", "k4": "V"})


def test_aggregate_regions_sums_and_names_missing_region():
    A = sc.aggregate_regions(X, PAIRS)
    assert A.loc["U"].tolist() == [10.0, 10.0] and A.loc["V"].tolist() == [2.0, 18.0]
    with pytest.raises(ValueError, match="no unit for region 'k4'"):
        sc.aggregate_regions(X, PAIRS.drop("k4"))


def test_scale_profile_hand_computed():
    p = sc.scale_profile(X, "a", {"Kreise": None, "pairs": PAIRS, "all": pd.Series("D", index=X.index)})
    # Kreise: only k1 (LQ 9/10 / (12/40) = 3) is specialised and holds 9 of 12
    assert p.loc["Kreise", "specialised_units"] == 1
    assert p.loc["Kreise", "share_in_specialised"] == pytest.approx(9 / 12)
    assert p.loc["Kreise", "max_lq"] == pytest.approx(3.0)
    # pairs: U has LQ (10/20)/(12/40) = 5/3, so k2 is inside a specialised unit without being specialised
    assert p.loc["pairs", "share_in_specialised"] == pytest.approx(10 / 12)
    assert p.loc["pairs", "status_differs"] == pytest.approx(0.25)
    # one unit: LQ 1 everywhere, every Kreis but k1 differs
    assert p.loc["all", "units"] == 1 and p.loc["all", "status_differs"] == pytest.approx(0.75)
    with pytest.raises(ValueError, match="industry 'z'"):
        sc.scale_profile(X, "z", {"Kreise": None})


def test_scaling_exponent_recovers_beta_and_tests_one():
    rng = np.random.default_rng(0)
    N = pd.Series(np.exp(rng.uniform(9, 14, 300)), index=[f"r{k}" for k in range(300)])
    y = N ** 1.15 * np.exp(rng.normal(0, 0.05, 300))
    fit = sc.scaling_exponent(y, N, cluster=pd.Series(np.arange(300) % 10, index=N.index), cluster_name="Land")
    assert fit["ci_low"] < 1.15 < fit["ci_high"]
    assert fit["p_beta_one"] < 0.001 and fit["n_clusters"] == 10
    assert "errors clustered by Land (10 clusters)" in repr(fit)
    with pytest.raises(ValueError, match="region 'r0'"):
        sc.scaling_exponent(y.drop("r0"), N)
    with pytest.raises(ValueError, match="positive"):
        sc.scaling_exponent(y * 0, N)
