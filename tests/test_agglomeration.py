"""Tests of regional_clusters.agglomeration."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from regional_clusters import agglomeration as ag
from regional_clusters.networks.qap import qap_correlation


def _panel(seed=0):
    rng = np.random.default_rng(seed)
    d = pd.DataFrame({"region": np.repeat([f"r{k}" for k in range(40)], 12),
                      "cluster": np.tile([f"c{k}" for k in range(12)], 40)})
    d["x"] = rng.normal(size=len(d))
    d["y"] = 0.5 * d["x"] + d["region"].str[1:].astype(int) * 0.05 + rng.normal(size=len(d))
    return d


def test_fe_regression_matches_dummy_ols():
    d = _panel()
    r = ag.fe_regression(d, "y", ["x"], fixed_effects=["region", "cluster"], cluster="region")
    ref = smf.ols("y ~ x + C(region) + C(cluster)", d).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(d["region"])[0]})
    assert r.table.loc["x", "estimate"] == pytest.approx(ref.params["x"], rel=1e-8)
    # CRV1 small-sample factors differ slightly between the two libraries with absorbed effects
    assert r.table.loc["x", "std_error"] == pytest.approx(ref.bse["x"], rel=0.1)
    assert "errors clustered by region (40 clusters, CRV1)" in r.specification
    assert "480 observations" in r.specification


def test_fe_regression_poisson_recovers_rate():
    rng = np.random.default_rng(2)
    d = pd.DataFrame({"g": np.repeat(np.arange(50), 20), "x": rng.normal(size=1000)})
    d["y"] = rng.poisson(np.exp(0.3 * d["x"] + 0.02 * d["g"]))
    r = ag.fe_regression(d, "y", ["x"], fixed_effects=["g"], cluster="g", estimator="poisson")
    assert r.table.loc["x", "estimate"] == pytest.approx(0.3, abs=0.08)
    assert r.specification.startswith("Poisson PML")


def test_fe_regression_bad_input():
    d = _panel()
    with pytest.raises(ValueError, match="'zz'"):
        ag.fe_regression(d, "y", ["zz"])
    with pytest.raises(ValueError, match="'x'"):
        ag.fe_regression(d.assign(x=np.nan), "y", ["x"])
    with pytest.raises(ValueError, match="estimator"):
        ag.fe_regression(d, "y", ["x"], estimator="probit")
    with pytest.raises(ValueError, match="negative"):
        ag.fe_regression(d, "y", ["x"], estimator="poisson")
    with pytest.raises(ValueError, match="empty"):
        ag.fe_regression(d, "y", [])


def test_related_specialisation_hand():
    X = pd.DataFrame({"a": [10, 0], "b": [30, 10], "c": [0, 50], "d": [5, 5]}, index=["r1", "r2"])
    links = pd.DataFrame({"cluster_code": ["a", "a"], "related_cluster_code": ["b", "c"]})
    r = ag.related_specialisation(X, links)
    # a in r1: related b + c = 30 of 45 jobs, nationally 90 of 110
    assert r.loc["r1", "a"] == pytest.approx((30 / 45) / (90 / 110))
    # b in r2: related a = 0 jobs
    assert r.loc["r2", "b"] == 0.0
    assert r["d"].isna().all()
    with pytest.raises(ValueError, match="'zz'"):
        ag.related_specialisation(X, pd.DataFrame({"cluster_code": ["a"], "related_cluster_code": ["zz"]}))
    with pytest.raises(ValueError, match="related_cluster_code"):
        ag.related_specialisation(X, pd.DataFrame({"cluster_code": ["a"]}))


def test_competition_index_hand():
    E = pd.DataFrame({"a": [100, 100, 0]}, index=["r1", "r2", "r3"])
    N = pd.DataFrame({"a": [10, 30, 0]}, index=["r1", "r2", "r3"])
    c = ag.competition_index(E, N)
    assert c.loc["r1", "a"] == pytest.approx(0.5) and c.loc["r2", "a"] == pytest.approx(1.5)
    assert np.isnan(c.loc["r3", "a"])
    with pytest.raises(ValueError, match="'r3'"):
        ag.competition_index(E, N.drop(index="r3"))


def _coag(seed=0, n=15):
    rng = np.random.default_rng(seed)
    v = rng.normal(size=(n, n))
    v = (v + v.T) / 2
    np.fill_diagonal(v, 0)
    L = (rng.random((n, n)) < 0.3).astype(int)
    L = np.triu(L, 1)
    L = L + L.T
    labels = [f"c{k}" for k in range(n)]
    return pd.DataFrame(v, index=labels, columns=labels), pd.DataFrame(L, index=labels, columns=labels)


def test_node_permutation_mean_rank_agrees_with_qap_correlation():
    """With the number of linked pairs fixed, the mean-rank difference is an affine function of the
    correlation between ranks and links, so both QAP tests give the same p-value up to Monte Carlo error."""
    v, L = _coag(3)
    ranks = v.copy()
    iu = np.triu_indices(len(v), 1)
    r = pd.Series(v.to_numpy()[iu]).rank().to_numpy()
    R = np.zeros(v.shape)
    R[iu] = r
    R = R + R.T
    ours = ag.node_permutation_test(v, L, n_permutations=1999, seed=1)
    theirs = qap_correlation(pd.DataFrame(R, index=v.index, columns=v.index), L.astype(float),
                             n_permutations=1999, seed=2)
    assert ours["p"] == pytest.approx(theirs["p_greater"], abs=0.04)


def test_node_permutation_detects_planted_effect_and_keeps_size():
    v, L = _coag(5, n=20)
    v2 = v + 2.0 * L  # linked pairs higher by construction
    assert ag.node_permutation_test(v2, L, n_permutations=199, seed=0)["p"] <= 0.01
    null_p = [ag.node_permutation_test(*_coag(s, n=12), n_permutations=99, seed=s)["p"] for s in range(60)]
    assert 0.02 < np.mean(np.array(null_p) <= 0.1) < 0.25  # about 10 % rejections at the 10 % level


def test_node_permutation_bad_input():
    v, L = _coag()
    with pytest.raises(ValueError, match="statistic"):
        ag.node_permutation_test(v, L, statistic="max")
    with pytest.raises(ValueError, match="symmetric"):
        ag.node_permutation_test(v + np.triu(np.ones(v.shape), 1), L)
    with pytest.raises(ValueError, match="0/1"):
        ag.node_permutation_test(v, 2 * L)
    with pytest.raises(ValueError, match="both linked and unlinked"):
        ag.node_permutation_test(v, L * 0)
    with pytest.raises(ValueError, match="n_permutations"):
        ag.node_permutation_test(v, L, n_permutations=0)


def test_fe_regression_reports_dropped_singletons_without_warning():
    import warnings

    d = _panel()
    d = pd.concat([d, pd.DataFrame({"region": ["lonely"], "cluster": ["c0"], "x": [0.1], "y": [0.2]})],
                  ignore_index=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = ag.fe_regression(d, "y", ["x"], fixed_effects=["region", "cluster"], cluster="region")
    assert r.singletons == 1
    assert "1 singleton observations dropped" in r.specification
    assert r.n_obs == 480


def test_dyad_matrices_roundtrip_and_errors():
    v, L = _coag(1, n=6)
    iu = np.triu_indices(6, 1)
    idx = pd.MultiIndex.from_arrays([v.index[iu[0]], v.index[iu[1]]])
    pairs = pd.DataFrame({"value": v.to_numpy()[iu], "linked": L.to_numpy()[iu].astype(bool)}, index=idx)
    V, F = ag.dyad_matrices(pairs, "value", "linked")
    np.testing.assert_allclose(V.loc[v.index, v.index].to_numpy(), v.to_numpy())
    np.testing.assert_array_equal(F.loc[L.index, L.index].to_numpy(), L.to_numpy())
    with pytest.raises(ValueError, match="need"):
        ag.dyad_matrices(pairs.iloc[1:], "value", "linked")
    with pytest.raises(ValueError, match="'zz'"):
        ag.dyad_matrices(pairs, "zz", "linked")
