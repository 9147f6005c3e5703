"""Tests of regional_clusters.dartboard (Monte Carlo dartboard)."""

import numpy as np
import pandas as pd
import pytest

from regional_clusters import identification as idf
from regional_clusters.dartboard import dartboard_test, monte_carlo_p

E = pd.DataFrame({"a": [90, 5, 5, 0, 0, 0, 0, 0], "b": [0, 0, 0, 0, 10, 10, 10, 10],
                  "rest": [10, 95, 95, 100, 90, 90, 90, 90]}, index=list("pqrstuvw"))
B = pd.DataFrame({"a": [9, 1, 1, 0, 0, 0, 0, 0], "b": [0, 0, 0, 0, 1, 1, 1, 1],
                  "rest": [2, 19, 19, 20, 18, 18, 18, 18]}, index=list("pqrstuvw"))


def test_monte_carlo_p_never_zero():
    assert monte_carlo_p(0, 999) == pytest.approx(0.001)
    assert monte_carlo_p(999, 999) == 1.0
    np.testing.assert_allclose(monte_carlo_p(np.array([0, 9]), 9), [0.1, 1.0])
    for bad in [(-1, 9), (10, 9)]:
        with pytest.raises(ValueError, match="exceed"):
            monte_carlo_p(*bad)
    with pytest.raises(ValueError, match="n_draws"):
        monte_carlo_p(0, 0)


def test_observed_flags_match_strong_clusters():
    res = dartboard_test(E, B, ["a", "b"], n_draws=49, seed=3)
    expected = idf.strong_clusters(E)[["a", "b"]]
    pd.testing.assert_frame_equal(res.observed_strong, expected, check_names=False)


def test_concentrated_cluster_is_significant_and_spread_one_is_not():
    res = dartboard_test(E, B, ["a", "b"], n_draws=199, seed=1)
    # 9 of 11 establishments of "a" in p, which holds 100 of 815 jobs: chance almost never does this
    assert res.p_value.loc["p", "a"] <= 0.01
    # "b" sits in four areas that hold half the employment: an LQ near 2 there is ordinary
    assert res.p_value.loc["t", "b"] > 0.05
    # p-values are (k+1)/(B+1): multiples of 1/200, never 0
    assert (res.p_value.to_numpy() >= 1 / 200).all()
    np.testing.assert_allclose((res.p_value.to_numpy() * 200) % 1, 0, atol=1e-9)


def test_compare_table_and_reproducible():
    g = pd.Series(["big"] * 4 + ["small"] * 4, index=E.index)
    r1 = dartboard_test(E, B, ["a", "b"], n_draws=99, seed=5).compare(g)
    r2 = dartboard_test(E, B, ["a", "b"], n_draws=99, seed=5).compare(g)
    pd.testing.assert_frame_equal(r1, r2)
    assert list(r1.columns[:3]) == ["observed", "expected (null)", "null 2.5 %"]
    assert r1.loc["strong clusters per area, big", "observed"] == pytest.approx(
        idf.strong_clusters(E)[["a", "b"]].sum(axis=1).iloc[:4].mean())
    with pytest.raises(ValueError, match="'p'"):
        dartboard_test(E, B, ["a"], n_draws=9, seed=1).compare(g.drop("p"))


def test_null_counts_agree_with_brute_force():
    """Batching does not change the draws' distribution: compare with a direct loop."""
    res = dartboard_test(E, B, ["a"], n_draws=400, seed=11, batch=7)
    rng = np.random.default_rng(12)
    p = E.sum(axis=1) / E.to_numpy().sum()
    size = E["a"].sum() / B["a"].sum()
    counts = []
    for _ in range(400):
        d = E.copy().astype(float)
        d["a"] = rng.multinomial(int(B["a"].sum()), p.to_numpy()) * size
        counts.append(idf.strong_clusters(d)["a"].sum())
    assert res.strong_counts.sum(axis=0).mean() == pytest.approx(np.mean(counts), abs=0.25)


def test_bad_input():
    with pytest.raises(ValueError, match="n_draws"):
        dartboard_test(E, B, ["a"], n_draws=0)
    with pytest.raises(ValueError, match="'zz'"):
        dartboard_test(E, B, ["zz"], n_draws=9)
    with pytest.raises(ValueError, match="'a' has no establishments"):
        dartboard_test(E, B.assign(a=0), ["a"], n_draws=9)
    with pytest.raises(ValueError, match="region 'p'|area 'p'"):
        dartboard_test(E, B.drop(index="p"), ["a"], n_draws=9)
    with pytest.raises(ValueError, match="seed"):
        dartboard_test(E, B, ["a"], n_draws=9, seed=-1)
    with pytest.raises(ValueError, match="quantile"):
        dartboard_test(E, B, ["a"], n_draws=9, quantile=2)
