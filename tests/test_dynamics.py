"""Tests for regional_clusters.dynamics: entry, exit, growth, entry model, complexity per year."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regional_clusters import dynamics as dy
from regional_clusters.relatedness import proximity, relatedness_density

R = ["r1", "r2", "r3"]
I = ["a", "b", "c"]
# Start: every region specialised in its own industry (LQ 1.8 on the diagonal, 0.6 off it).
X0 = pd.DataFrame([[30, 10, 10], [10, 30, 10], [10, 10, 30]], index=R, columns=I, dtype=float)
# End: r3 moves 20 employees from c to a. Column totals a 70, b 50, c 30 (of 150), so
# LQ(r1,a) = LQ(r3,a) = 0.6 / (70/150) = 1.2857, LQ(r2,b) = 1.8, LQ(.,c) = 0.2 / 0.2 = 1.0,
# LQ(r2,a) = 0.4286, LQ(.,b) = 0.6 for r1 and r3.
X1 = pd.DataFrame([[30, 10, 10], [10, 30, 10], [30, 10, 10]], index=R, columns=I, dtype=float)


def status_of(t):
    return t.set_index(["region", "industry"])["status"].astype(str)


def test_entry_exit_hand_computed_two_periods():
    t = dy.entry_exit(X0, X1, lq=1.2, density=False)
    s = status_of(t)
    assert s[("r3", "a")] == "entry"
    assert s[("r3", "c")] == "exit"
    assert s[("r1", "a")] == "stay" and s[("r2", "b")] == "stay"
    assert (s == "absent").sum() == 5
    assert t["lq_end"].round(4).tolist() == [1.2857, 0.6, 1.0, 0.4286, 1.8, 1.0, 1.2857, 0.6, 1.0]
    # at-risk pairs: the 6 off-diagonal ones; exactly one enters
    assert int(t["at_risk"].sum()) == 6 and t["entry"].sum() == 1.0
    assert t.loc[~t["at_risk"], "entry"].isna().all()


def test_entry_exit_size_threshold_and_confirmation():
    # no cell reaches 35 employees: nothing is specialised, nothing enters
    t = dy.entry_exit(X0, X1, lq=1.2, min_size=35, density=False)
    assert (t["status"] == "absent").all()
    # an entry that falls back in the confirmation period does not count
    t = dy.entry_exit(X0, X1, lq=1.2, confirm=[X0], density=False)
    s = status_of(t)
    assert s[("r3", "a")] == "entry reverted"
    assert s[("r3", "c")] == "exit reverted"
    assert t["entry"].sum() == 0.0
    # confirmed by a period equal to the end
    t = dy.entry_exit(X0, X1, lq=1.2, confirm=[X1], density=False)
    assert status_of(t)[("r3", "a")] == "entry"


def test_entry_exit_density_is_relatedness_density_at_start():
    X = pd.DataFrame([[30, 20, 1], [25, 1, 30], [1, 30, 30], [20, 20, 20]], index=list("pqrs"), columns=I)
    t = dy.entry_exit(X, X, density=True)
    M = dy.specialised(X)
    expected = relatedness_density(M, proximity(M, given=True, diagonal=0.0))
    np.testing.assert_allclose(t["density"].to_numpy(), expected.to_numpy().ravel())


def test_matrices_match_econgeo_convention():
    M0 = pd.DataFrame([[1, 0], [0, 0], [1, 1]], index=R, columns=["a", "b"])
    M1 = pd.DataFrame([[1, 1], [1, 0], [0, 1]], index=R, columns=["a", "b"])
    e = dy.entry_matrix(M0, M1)
    x = dy.exit_matrix(M0, M1)
    # EconGeo: entry is NA where present in period 1, else the period-2 value
    assert e.isna().to_numpy().tolist() == [[True, False], [False, False], [True, True]]
    assert e.loc["r1", "b"] == 1 and e.loc["r2", "a"] == 1 and e.loc["r2", "b"] == 0
    assert x.loc["r3", "a"] == 1 and x.loc["r3", "b"] == 0 and x.loc["r1", "a"] == 0
    assert np.isnan(x.loc["r2", "a"])
    lst = dy.entry_list({1: M0, 2: M1, 3: M1})
    assert len(lst) == 3 + 2  # three pairs at risk in step 1, two in step 2 (r2 b, r3 a)
    assert lst.loc[lst.period == 2, "entry"].sum() == 2


def test_growth_matrix_econgeo_example():
    X0g = pd.DataFrame([[10, 0], [4, 0]], index=["r1", "r2"], columns=["a", "b"])
    X1g = pd.DataFrame([[15, 0], [2, 3]], index=["r1", "r2"], columns=["a", "b"])
    g = dy.growth_matrix(X0g, X1g)
    assert g.loc["r1", "a"] == 50 and g.loc["r2", "a"] == -50
    assert g.loc["r1", "b"] == 0 and np.isinf(g.loc["r2", "b"])
    assert dy.growth_matrix(X0g, X1g, percent=False).loc["r1", "a"] == 0.5


def test_misaligned_periods_name_the_label():
    with pytest.raises(ValueError, match="region 'r3' is in the start period but missing in the end period"):
        dy.entry_exit(X0, X1.drop(index="r3"), density=False)
    with pytest.raises(ValueError, match="industry 'c'"):
        dy.entry_matrix(dy.specialised(X0), dy.specialised(X1).drop(columns="c"))
    with pytest.raises(ValueError, match="confirmation 1"):
        dy.entry_exit(X0, X1, confirm=[X1.drop(index="r2")], density=False)
    with pytest.raises(ValueError, match="must hold only 0 and 1"):
        dy.entry_matrix(X0, X1)


def test_panel_rejects_unbalanced_years():
    long = pd.DataFrame({"region": ["A", "A", "B", "B", "A", "A"], "industry": ["x", "y"] * 3,
                         "year": [1, 1, 1, 1, 2, 2], "value": [1, 2, 3, 4, 5, 6]})
    with pytest.raises(ValueError, match="region 'B' is missing in year 2"):
        dy.panel_matrices(long)
    long2 = pd.concat([long, pd.DataFrame({"region": ["B"], "industry": ["x"], "year": [2], "value": [1]})])
    with pytest.raises(ValueError, match="region 'B', industry 'y' is missing in year 2"):
        dy.panel_matrices(long2)
    with pytest.raises(ValueError, match="no column 'value'"):
        dy.panel_matrices(long.rename(columns={"value": "n"}))


def _hand_entry_data():
    """20 regions x 10 industries; density 0 or 1; entry rates 0.1 and 0.5 exactly."""
    rows = []
    for r in range(20):
        for i in range(10):
            dens = float(i >= 5)
            # among the 5 low-density cells of a region: entry in 1 of 10 overall (every other region one);
            # among the 5 high-density cells: entries at i = 5, 6 and (odd regions) 7 -> 50 %.
            if dens == 0:
                y = float(i == 0 and r % 2 == 0)
            else:
                y = float(i in (5, 6) or (i == 7 and r % 2 == 1))
            rows.append((f"r{r}", f"i{i}", dens, y))
    return pd.DataFrame(rows, columns=["region", "industry", "density", "entry"])


def test_entry_model_hand_made_difference_in_means():
    d = _hand_entry_data()
    assert d.loc[d.density == 0, "entry"].mean() == 0.1 and d.loc[d.density == 1, "entry"].mean() == 0.5
    m = dy.entry_model(d, fixed_effects=(), cluster=None)
    # OLS of a 0/1 outcome on a 0/1 regressor: the slope is the difference of the two entry rates
    assert m.table.loc["density", "estimate"] == pytest.approx(0.4, abs=1e-12)
    assert m.entry_rate == pytest.approx(0.3)
    assert m.n_obs == 200
    # with region fixed effects the slope is unchanged: density does not vary between regions here
    m2 = dy.entry_model(d, fixed_effects=("region",), cluster="region")
    assert m2.table.loc["density", "estimate"] == pytest.approx(0.4, abs=1e-10)
    assert m2.table.loc["density", "ci_low"] < 0.4 < m2.table.loc["density", "ci_high"]
    assert "errors clustered by region (20 clusters)" in repr(m2)
    assert "region fixed effects" in m2.specification


def test_entry_model_clustered_errors_match_statsmodels():
    import statsmodels.formula.api as smf

    rng = np.random.default_rng(3)
    d = pd.DataFrame({"region": np.repeat([f"r{k}" for k in range(30)], 12),
                      "industry": np.tile([f"i{k}" for k in range(12)], 30), "density": rng.random(360)})
    d["entry"] = (rng.random(360) < 0.1 + 0.3 * d["density"]).astype(float)
    m = dy.entry_model(d, fixed_effects=(), cluster="region")
    groups = pd.factorize(d["region"])[0]
    ref = smf.ols("entry ~ density", d).fit(cov_type="cluster", cov_kwds={"groups": groups})
    assert m.table.loc["density", "estimate"] == pytest.approx(ref.params["density"], rel=1e-10)
    assert m.table.loc["density", "std_error"] == pytest.approx(ref.bse["density"], rel=1e-6)


def test_entry_model_logit_sign_and_bad_input():
    d = _hand_entry_data()
    m = dy.entry_model(d, fixed_effects=(), cluster="region", estimator="logit")
    # logit of a 0/1 outcome on a 0/1 regressor: the slope is the difference of the two log-odds
    assert m.estimator == "logit"
    assert m.table.loc["density", "estimate"] == pytest.approx(np.log(1.0) - np.log(0.1 / 0.9), abs=1e-6)
    with pytest.raises(ValueError, match="no column 'density'"):
        dy.entry_model(d.drop(columns="density"))
    with pytest.raises(ValueError, match="must be 0/1"):
        dy.entry_model(d.assign(entry=2.0))
    with pytest.raises(ValueError, match="estimator"):
        dy.entry_model(d, estimator="probit")
    with pytest.raises(ValueError, match="single value"):
        dy.entry_model(d.assign(entry=0.0))


def test_transition_rates_hand_computed():
    t = dy.entry_exit(X0, X1, lq=1.2, density=False)
    rates = dy.transition_rates(t, pd.Series({"r1": "centre", "r2": "centre", "r3": "periphery"}), name="type")
    assert rates.loc["all", "entry_rate"] == pytest.approx(1 / 6)
    assert rates.loc["periphery", "entry_rate"] == pytest.approx(1 / 2)
    assert rates.loc["periphery", "entry_ratio"] == pytest.approx(3.0)
    assert rates.loc["centre", "exits"] == 0 and rates.loc["periphery", "exit_rate"] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="region 'r3' has no group"):
        dy.transition_rates(t, pd.Series({"r1": "a", "r2": "a"}))


def test_density_permutation_null_detects_planted_relatedness():
    # 60 regions, 8 industries in two blocks {a,b,c,d} and {e,f,g,h}; a region specialised in a block
    # enters the other industries of its own block, never those of the other block
    rng = np.random.default_rng(7)
    cols = list("abcdefgh")
    base = np.ones((60, 8)) * 10.0
    for r in range(60):
        block = (r % 2) * 4
        picks = rng.choice(4, size=2, replace=False) + block
        base[r, picks] = 40.0
    start = pd.DataFrame(base, index=[f"r{k}" for k in range(60)], columns=cols)
    end = start.copy()
    for r in range(0, 60, 3):
        block = (r % 2) * 4
        absent = [j for j in range(block, block + 4) if start.iat[r, j] == 10.0]
        end.iat[r, absent[0]] = 40.0
    t = dy.entry_exit(start, end, lq=1.2)
    out = dy.density_permutation_test(t, start, lq=1.2, permutations=19, seed=3, fixed_effects=(), cluster="region")
    assert out["observed"] > out["null_mean"]
    assert out["p_value"] == pytest.approx(1 / 20)


def test_complexity_panel_equals_py_ecomplexity_per_year():
    ec = pytest.importorskip("ecomplexity")
    import os
    import warnings
    from pathlib import Path

    from regional_clusters import data

    mirror = os.environ.get(data.MIRROR_ENV)
    if not mirror or not Path(mirror).is_dir():
        pytest.skip("no data mirror configured")
    from regional_clusters.data import load_ba_occupations

    ba = load_ba_occupations()
    ba = ba[ba["year"].isin([2013, 2019, 2025]) & (ba["occupational_group"] != "unknown")]
    # a real table: Kreise x KldB groups, reported cells only (suppressed cells counted as 0 here)
    long = ba.assign(value=ba["employees"].astype("float64").fillna(0.0))[["kreis", "occupational_group", "year", "value"]]
    ours = dy.complexity_panel(long, region="kreis", industry="occupational_group")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = ec.ecomplexity(long, {"time": "year", "loc": "kreis", "prod": "occupational_group", "val": "value"},
                                check_logsupermodularity=False, verbose=False)
    key = ["year", "kreis", "occupational_group"]
    merged = ours.merge(theirs[key + ["mcp", "eci", "pci", "density"]], on=key, suffixes=("", "_ec"))
    assert len(merged) == len(ours) == 3 * 400 * 140
    assert (merged["mcp"] == merged["mcp_ec"]).all()
    for col, tol in (("eci", 1e-6), ("pci", 1e-6), ("density", 1e-9)):
        assert np.abs(merged[col] - merged[f"{col}_ec"]).max() < tol, col


def test_fast_null_slopes_equal_the_entry_model():
    rng = np.random.default_rng(5)
    X0r = pd.DataFrame(rng.integers(1, 60, (40, 7)), index=[f"r{k}" for k in range(40)], columns=list("abcdefg"))
    X1r = X0r * rng.uniform(0.6, 1.6, X0r.shape)
    t = dy.entry_exit(X0r.astype(float), X1r)
    D = np.column_stack([t["density"].to_numpy(), rng.random(len(t))])
    for fe in [("region", "industry"), ("industry",), ()]:
        fast = dy._lpm_slopes(t, D, fe)
        slow = [dy.entry_model(t.assign(density=D[:, j]), fixed_effects=fe).table.loc["density", "estimate"]
                for j in range(2)]
        np.testing.assert_allclose(fast, slow, rtol=1e-6)


def test_entry_model_never_prints_p_zero():
    d = _hand_entry_data()
    m = dy.entry_model(d, fixed_effects=(), cluster=None)
    assert m.table.loc["density", "p_value"] < 0.001
    assert "< 0.001" in repr(m) and "&lt; 0.001" in m._repr_html_()
