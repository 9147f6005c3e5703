"""Tests for regional_clusters.convergence."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regional_clusters.convergence import (
    beta_convergence,
    gini,
    sigma_convergence,
    theil,
    theil_decomposition,
)

# --------------------------------------------------------------------------- Gini


def test_gini_econgeo_worked_examples():
    # GUIDE section 9 (EconGeo documentation)
    assert gini(pd.Series([0, 10, 10, 30, 50])) == pytest.approx(0.48)
    assert gini(pd.Series([0, 0, 0, 0, 1])) == pytest.approx(0.8)


def test_gini_weights_equal_replication():
    # A weight of 2 is the same as listing the region twice.
    x = pd.Series([1.0, 2.0, 6.0], index=list("abc"))
    w = pd.Series([1.0, 2.0, 1.0], index=list("abc"))
    expanded = pd.Series([1.0, 2.0, 2.0, 6.0])
    assert gini(x, weights=w) == pytest.approx(gini(expanded))


def test_gini_table_by_year():
    Y = pd.DataFrame({2000: [1.0, 1.0], 2001: [0.0, 2.0]}, index=["a", "b"])
    g = gini(Y)
    assert g.loc[2000] == 0.0 and g.loc[2001] == pytest.approx(0.5)


# --------------------------------------------------------------------------- Theil


def test_theil_hand_computed():
    # values 1 and 3, mean 2: T = 1/2 [0.5 ln 0.5 + 1.5 ln 1.5]
    x = pd.Series([1.0, 3.0], index=["a", "b"])
    expected = 0.5 * (0.5 * np.log(0.5) + 1.5 * np.log(1.5))
    assert theil(x) == pytest.approx(expected)


def test_theil_population_weighted_is_share_formula():
    y = pd.Series([10.0, 20.0, 40.0], index=list("abc"))
    n = pd.Series([5.0, 3.0, 2.0], index=list("abc"))
    s = y * n / (y * n).sum()
    p = n / n.sum()
    assert theil(y, weights=n) == pytest.approx(float((s * np.log(s / p)).sum()))


def test_theil_maximum_when_one_region_has_all():
    x = pd.Series([0.0, 0.0, 0.0, 5.0])
    assert theil(x) == pytest.approx(np.log(4))


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.floats(0.01, 1e4), min_size=2, max_size=12),
    pops=st.lists(st.floats(0.1, 1e3), min_size=12, max_size=12),
    labels=st.lists(st.sampled_from("ABC"), min_size=12, max_size=12),
)
def test_theil_decomposition_sums_to_total(values, pops, labels):
    n = len(values)
    idx = [f"r{i}" for i in range(n)]
    x = pd.Series(values, index=idx)
    w = pd.Series(pops[:n], index=idx)
    g = pd.Series(labels[:n], index=idx)
    d = theil_decomposition(x, g, weights=w)
    total = d.loc["total"]
    assert total["between"] + total["within"] == pytest.approx(total["theil"], rel=1e-9, abs=1e-12)
    assert total["theil"] == pytest.approx(theil(x, weights=w), rel=1e-12, abs=1e-15)
    assert d.drop(index="total")["share"].sum() == pytest.approx(1.0)


def test_theil_decomposition_between_only():
    # identical regions within each group: all inequality is between groups
    x = pd.Series([1.0, 1.0, 3.0, 3.0], index=list("abcd"))
    g = pd.Series(["P", "P", "C", "C"], index=list("abcd"))
    d = theil_decomposition(x, g)
    assert d.loc["total", "within"] == pytest.approx(0.0)
    assert d.loc["total", "between"] == pytest.approx(theil(x))


def test_theil_decomposition_table():
    Y = pd.DataFrame({2000: [1.0, 2.0, 3.0, 5.0], 2001: [2.0, 2.0, 3.0, 3.0]}, index=list("abcd"))
    g = pd.Series(["A", "A", "B", "B"], index=list("abcd"))
    d = theil_decomposition(Y, g)
    assert list(d.index) == [2000, 2001]
    np.testing.assert_allclose(d["between"] + d["within"], d["total"])
    np.testing.assert_allclose(d["total"], theil(Y).to_numpy())


# --------------------------------------------------------------------------- beta


def _simulated_panel(beta, T=20, n=400, sigma=0.003, seed=7):
    rng = np.random.default_rng(seed)
    log0 = rng.normal(3.0, 0.5, n)
    idx = [f"r{i}" for i in range(n)]
    growth = 0.05 + beta * log0 + rng.normal(0, sigma, n)
    Y = pd.DataFrame({2000: np.exp(log0), 2000 + T: np.exp(log0 + T * growth)}, index=idx)
    return Y


def test_beta_convergence_recovers_parameter():
    Y = _simulated_panel(-0.02)
    res = beta_convergence(Y)
    assert res.beta == pytest.approx(-0.02, abs=3 * res.se)
    assert abs(res.beta + 0.02) < 0.002
    # speed and half-life follow Barro and Sala-i-Martin's formula
    assert res.speed == pytest.approx(-np.log(1 - 0.02 * 20) / 20, rel=0.1)
    assert res.half_life == pytest.approx(np.log(2) / res.speed)
    assert res.n == 400 and res.years == 20
    assert "OLS" in res.specification and "HC1" in res.specification


def test_beta_convergence_matches_numpy_least_squares():
    Y = _simulated_panel(-0.01, n=50, sigma=0.01, seed=3)
    g = (np.log(Y[2020]) - np.log(Y[2000])) / 20
    X = np.column_stack([np.ones(len(Y)), np.log(Y[2000])])
    coef = np.linalg.lstsq(X, g.to_numpy(), rcond=None)[0]
    assert beta_convergence(Y).beta == pytest.approx(coef[1])


def test_conditional_beta_convergence_with_group_dummies():
    # Each group converges to its own steady state (a group effect in the
    # growth equation); richer groups also grow faster, which biases the
    # absolute beta towards zero. Country dummies recover beta.
    rng = np.random.default_rng(11)
    n, T, beta = 300, 10, -0.03
    groups = rng.choice(["A", "B", "C"], n)
    level = {"A": 2.0, "B": 3.0, "C": 4.0}
    effect = {"A": -0.05, "B": 0.0, "C": 0.05}
    log0 = np.array([level[g] for g in groups]) + rng.normal(0, 0.3, n)
    growth = 0.1 + beta * log0 + np.array([effect[g] for g in groups]) + rng.normal(0, 0.003, n)
    idx = [f"r{i}" for i in range(n)]
    Y = pd.DataFrame({2000: np.exp(log0), 2000 + T: np.exp(log0 + T * growth)}, index=idx)
    absolute = beta_convergence(Y)
    res = beta_convergence(Y, controls=pd.Series(groups, index=idx, name="country"))
    assert res.beta == pytest.approx(beta, abs=0.002)
    assert absolute.beta > beta + 0.01
    assert "conditional" in res.specification
    assert "country_B" in res.results.params.index


def test_divergence_gives_nan_half_life():
    Y = _simulated_panel(0.01, n=100)
    res = beta_convergence(Y)
    assert res.beta > 0
    assert res.speed < 0
    assert np.isnan(res.half_life)


def test_sigma_convergence_hand_computed():
    Y = pd.DataFrame({2000: [1.0, 4.0], 2010: [2.0, 4.0]}, index=["a", "b"])
    s = sigma_convergence(Y)
    assert s.loc[2000, "sd_log"] == pytest.approx(np.log(4) / 2)
    assert s.loc[2010, "sd_log"] == pytest.approx(np.log(2) / 2)
    assert s.loc[2000, "cv"] == pytest.approx(1.5 / 2.5)


# --------------------------------------------------------------------------- errors


def test_bad_input_names_the_label():
    Y = pd.DataFrame({2000: [1.0, -1.0, 2.0], 2010: [1.0, 2.0, 3.0]}, index=["a", "b", "c"])
    with pytest.raises(ValueError, match=r"region 'b', year 2000"):
        beta_convergence(Y)
    Y0 = pd.DataFrame({2000: [1.0, 0.0, 2.0], 2010: [1.0, 2.0, 3.0]}, index=["a", "b", "c"])
    with pytest.raises(ValueError, match=r"zero value at region 'b'"):
        sigma_convergence(Y0)
    Yn = pd.DataFrame({2000: [1.0, np.nan, 2.0], 2010: [1.0, 2.0, 3.0]}, index=["a", "b", "c"])
    with pytest.raises(ValueError, match=r"missing value at region 'b'"):
        beta_convergence(Yn)
    with pytest.raises(ValueError, match="start year 1999"):
        beta_convergence(Y.abs(), start=1999)
    with pytest.raises(ValueError, match="groups has no group for region 'c'"):
        theil_decomposition(pd.Series([1.0, 2.0, 3.0], index=list("abc")), pd.Series(["A", "B"], index=list("ab")))
    with pytest.raises(ValueError, match="weights has no value for region 'b'"):
        theil(pd.Series([1.0, 2.0], index=list("ab")), weights=pd.Series([1.0], index=["a"]))
    with pytest.raises(ValueError, match="only zeros"):
        gini(pd.Series([0.0, 0.0]))
    with pytest.raises(ValueError, match="duplicated"):
        theil(pd.Series([1.0, 2.0], index=["a", "a"]))
    with pytest.raises(ValueError, match="controls has no row for region"):
        beta_convergence(Y.abs(), controls=pd.DataFrame({"z": [1.0]}, index=["a"]))


def test_group_means_hand_computed_and_yearly_weights():
    from regional_clusters.convergence import group_means

    Y = pd.DataFrame({2000: [2.0, 1.0, 3.0], 2001: [4.0, 1.0, 1.0]}, index=list("abc"))
    g = pd.Series({"a": "C", "b": "P", "c": "P"})
    W = pd.DataFrame({2000: [1.0, 1.0, 1.0], 2001: [1.0, 3.0, 1.0]}, index=list("abc"))
    m = group_means(Y, g, weights=W)
    assert m.loc[2000, "P"] == pytest.approx(2.0)
    assert m.loc[2001, "P"] == pytest.approx(1.0)
    assert m.loc[2001, "C"] == pytest.approx(4.0)
    with pytest.raises(ValueError, match="weights has no column for year 2001"):
        group_means(Y, g, weights=W[[2000]])


def test_theil_decomposition_table_matches_series_path():
    rng = np.random.default_rng(2)
    Y = pd.DataFrame(rng.uniform(1, 10, (12, 3)), index=[f"r{i}" for i in range(12)], columns=[2000, 2001, 2002])
    g = pd.Series(list("AABBBCCCCDDD"), index=Y.index)
    w = pd.Series(rng.uniform(1, 5, 12), index=Y.index)
    table = theil_decomposition(Y, g, weights=w)
    for year in Y.columns:
        d = theil_decomposition(Y[year], g, weights=w).loc["total"]
        assert table.loc[year, "total"] == pytest.approx(d["theil"])
        assert table.loc[year, "between"] == pytest.approx(d["between"])
        assert table.loc[year, "within"] == pytest.approx(d["within"])


@settings(max_examples=50, deadline=None)
@given(
    values=st.lists(st.floats(0, 1e4), min_size=1, max_size=15),
    weights=st.lists(st.floats(0.1, 100), min_size=15, max_size=15),
)
def test_gini_matches_pairwise_definition(values, weights):
    # independent method: the O(n^2) mean absolute difference
    y = np.asarray(values)
    if y.sum() == 0:
        return
    w = np.asarray(weights[: len(y)])
    pairwise = (w[:, None] * w[None, :] * np.abs(y[:, None] - y[None, :])).sum() / (2 * w.sum() ** 2 * (w @ y / w.sum()))
    idx = [f"r{i}" for i in range(len(y))]
    assert gini(pd.Series(y, index=idx), weights=pd.Series(w, index=idx)) == pytest.approx(pairwise, rel=1e-9, abs=1e-12)


# --- Atkinson, Williamson and the sigma-convergence test ------------------------


def test_atkinson_matches_pysal_inequality_and_replication():
    import numpy as np
    import pandas as pd
    import pytest

    from regional_clusters.convergence import atkinson

    ineq = pytest.importorskip("inequality")
    y = pd.Series(np.random.default_rng(1).lognormal(0, 0.6, size=40))
    for eps in (0.0, 0.5, 1.0, 2.0):
        assert atkinson(y, epsilon=eps) == pytest.approx(ineq.atkinson.atkinson(y.to_numpy(), eps), abs=1e-12)
    # integer weights are the same as repeating regions
    w = pd.Series(np.arange(1, 41), index=y.index)
    repeated = pd.Series(np.repeat(y.to_numpy(), w.to_numpy()))
    assert atkinson(y, epsilon=1.5, weights=w) == pytest.approx(atkinson(repeated, epsilon=1.5), rel=1e-12)
    with pytest.raises(ValueError, match="epsilon"):
        atkinson(y, epsilon=-1)
    with pytest.raises(ValueError, match="zero value"):
        atkinson(pd.Series([0.0, 1.0]), epsilon=1)


def test_williamson_by_hand_and_by_year():
    import pandas as pd
    import pytest

    from regional_clusters.convergence import williamson

    # population 3:1, values 1 and 5: mean 2, variance (3*1 + 1*9)/4 = 3
    y = pd.Series({"a": 1.0, "b": 5.0})
    pop = pd.Series({"a": 3, "b": 1})
    assert williamson(y, pop) == pytest.approx(3 ** 0.5 / 2)
    table = pd.DataFrame({2000: y, 2010: y * 2})
    assert williamson(table, pop).to_numpy() == pytest.approx([3 ** 0.5 / 2] * 2)
    with pytest.raises(ValueError, match="year"):
        williamson(table, pd.DataFrame({2000: pop}))


def test_sigma_test_equals_morgans_variance_ratio_form():
    import numpy as np
    import pandas as pd
    import pytest

    from regional_clusters.convergence import sigma_convergence_test

    rng = np.random.default_rng(3)
    a = rng.normal(0, 0.5, 60)
    b = 0.6 * a + rng.normal(0, 0.2, 60)
    Y = pd.DataFrame({1995: np.exp(a), 2020: np.exp(b)})
    res = sigma_convergence_test(Y, 1995, 2020)
    n, F, rho = 60, np.var(a, ddof=1) / np.var(b, ddof=1), np.corrcoef(a, b)[0, 1]
    t_morgan = (F - 1) * np.sqrt(n - 2) / (2 * np.sqrt(F * (1 - rho ** 2)))
    assert res["t"] == pytest.approx(t_morgan, rel=1e-10)
    assert res["ratio"] < 1 and res["p"] < 0.001
    same = sigma_convergence_test(pd.DataFrame({1: np.exp(a), 2: np.exp(a[::-1])}), 1, 2)
    assert same["t"] == pytest.approx(0, abs=1e-8) and same["p"] == pytest.approx(1)
    with pytest.raises(ValueError, match="year 1999"):
        sigma_convergence_test(Y, 1995, 1999)


def test_clustered_errors_match_statsmodels_and_name_the_clusters():
    import numpy as np
    import pandas as pd
    import pytest
    import statsmodels.api as sm

    from regional_clusters.convergence import beta_convergence

    rng = np.random.default_rng(7)
    idx = [f"r{i}" for i in range(60)]
    y0 = pd.Series(np.exp(np.repeat(rng.normal(0, 0.4, 6), 10) + rng.normal(0, 0.1, 60)), index=idx)
    cluster = pd.Series(np.repeat(list("ABCDEF"), 10), index=idx, name="country")
    shock = pd.Series(np.repeat(rng.normal(0, 0.05, 6), 10), index=idx)
    Y = pd.DataFrame({2000: y0, 2010: y0 * np.exp(0.2 - 0.1 * np.log(y0) + shock)})
    res = beta_convergence(Y, clusters=cluster)
    X = sm.add_constant(np.log(Y[2000]).rename("x"))
    g = (np.log(Y[2010] / Y[2000]) / 10).rename("g")
    ref = sm.OLS(g, X).fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(cluster)[0]}, use_t=True)
    assert res.beta == pytest.approx(ref.params["x"])
    assert res.se == pytest.approx(ref.bse["x"])
    assert res.pvalue == pytest.approx(ref.pvalues["x"])
    assert "clustered by country (6 clusters)" in res.specification
    # shocks and incomes shared within clusters make clustered errors larger than HC1
    assert res.se > beta_convergence(Y).se
    with pytest.raises(ValueError, match="r0"):
        beta_convergence(Y, clusters=cluster.drop("r0"))
    with pytest.raises(ValueError, match="at least two"):
        beta_convergence(Y, clusters=pd.Series("A", index=idx))


def test_theil_with_weights_of_each_year_equals_year_by_year():
    import numpy as np
    import pandas as pd
    import pytest

    from regional_clusters.convergence import theil_decomposition

    x = pd.DataFrame({2000: [1.0, 2.0, 4.0, 8.0], 2001: [2.0, 2.0, 3.0, 9.0]}, index=list("abcd"))
    w = pd.DataFrame({2000: [1.0, 2.0, 3.0, 4.0], 2001: [4.0, 3.0, 2.0, 1.0]}, index=list("abcd"))
    g = pd.Series(["c", "c", "p", "p"], index=list("abcd"))
    table = theil_decomposition(x, g, weights=w)
    for year in (2000, 2001):
        single = theil_decomposition(x[year], g, weights=w[year]).loc["total"]
        assert table.loc[year, "total"] == pytest.approx(single["theil"])
        assert table.loc[year, "between"] == pytest.approx(single["between"])
    # hand computation of the 2001 between term: group shares of income and population
    inc = np.array([2 * 4 + 2 * 3, 3 * 2 + 9 * 1]); pop = np.array([7.0, 3.0])
    S, P = inc / inc.sum(), pop / pop.sum()
    assert table.loc[2001, "between"] == pytest.approx(float((S * np.log(S / P)).sum()))
    with pytest.raises(ValueError, match="2001"):
        theil_decomposition(x, g, weights=w[[2000]])


def test_moran_residuals_equals_esda_on_the_residuals():
    import esda
    import numpy as np
    import pandas as pd
    import pytest
    from libpysal.weights import lat2W

    from regional_clusters.convergence import beta_convergence, moran_residuals

    ids = [f"r{i}" for i in range(25)]
    w = lat2W(5, 5)
    w.remap_ids(ids)
    rng = np.random.default_rng(1)
    y0 = pd.Series(np.exp(rng.normal(0, 0.3, 25)), index=ids)
    trend = pd.Series(np.repeat(np.linspace(-0.2, 0.2, 5), 5), index=ids)  # rows of the lattice share shocks
    Y = pd.DataFrame({0: y0, 10: y0 * np.exp(trend)})
    res = beta_convergence(Y)
    out = moran_residuals(res, w, permutations=199, seed=3)
    w.transform = "r"
    ref = esda.Moran(res.results.resid.loc[w.id_order].to_numpy(), w, permutations=0)
    assert out["I"] == pytest.approx(ref.I)
    assert out["expected"] == pytest.approx(-1 / 24)
    assert out["I"] > 0.3 and out["p"] <= 0.01
    assert out["p"] >= 1 / 200  # never zero
    with pytest.raises(ValueError, match="zz"):
        moran_residuals(beta_convergence(Y.rename(index={"r24": "zz"})), w)
