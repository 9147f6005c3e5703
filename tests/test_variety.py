"""Tests of regional_clusters.variety."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from regional_clusters import variety as va
from regional_clusters.specialization import shannon_entropy


def test_frenken_worked_example():
    X = pd.DataFrame([[0.4, 0.1, 0.3, 0.2]], columns=["a1", "a2", "b1", "b2"], index=["r"])
    g = pd.Series({"a1": "A", "a2": "A", "b1": "B", "b2": "B"})
    v = va.related_unrelated_variety(X, g).loc["r"]
    assert v["unrelated"] == pytest.approx(1.0)
    assert v["related"] == pytest.approx(0.84644, abs=1e-5)
    assert v["total"] == pytest.approx(1.84644, abs=1e-5)


def test_single_groups_and_singletons():
    X = pd.DataFrame([[1, 1, 2, 0]], columns=list("abcd"))
    # every industry its own group -> no related variety
    v = va.related_unrelated_variety(X, pd.Series(dict(zip("abcd", "abcd"))))
    assert v["related"].iloc[0] == pytest.approx(0)
    # one group -> no unrelated variety
    v = va.related_unrelated_variety(X, pd.Series(dict(zip("abcd", "xxxx"))))
    assert v["unrelated"].iloc[0] == pytest.approx(0)
    assert v["related"].iloc[0] == pytest.approx(1.5)


def test_missing_group_named():
    X = pd.DataFrame([[1, 2]], columns=["a", "b"])
    with pytest.raises(ValueError, match="'b'"):
        va.related_unrelated_variety(X, pd.Series({"a": "A"}))
    with pytest.raises(ValueError, match="Series"):
        va.related_unrelated_variety(X, {"a": "A", "b": "B"})


@pytest.mark.parametrize("bad, label", [(-1.0, "'r2'"), (np.nan, "'r2'")])
def test_bad_counts_named(bad, label):
    X = pd.DataFrame({"a": [1.0, bad], "b": [1.0, 1.0]}, index=["r1", "r2"])
    with pytest.raises(ValueError, match=label):
        va.related_unrelated_variety(X, pd.Series({"a": "A", "b": "B"}))


def test_zero_row_and_duplicates_named():
    g = pd.Series({"a": "A", "b": "B"})
    X = pd.DataFrame({"a": [1.0, 0.0], "b": [1.0, 0.0]}, index=["r1", "empty"])
    with pytest.raises(ValueError, match="'empty'"):
        va.related_unrelated_variety(X, g)
    Y = pd.DataFrame([[1.0, 2.0]], columns=["a", "a"])
    with pytest.raises(ValueError, match="'a'"):
        va.related_unrelated_variety(Y, g)
    Z = pd.DataFrame({"a": [1.0], "b": ["x"]})
    with pytest.raises(ValueError, match="'b'"):
        va.related_unrelated_variety(Z, g)


@settings(max_examples=60, deadline=None)
@given(
    arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(2, 8)), elements=st.floats(0, 1e3)).map(lambda a: a + 1e-6),
    st.integers(1, 4),
)
def test_related_plus_unrelated_is_total(a, n_groups):
    cols = [f"i{k}" for k in range(a.shape[1])]
    X = pd.DataFrame(a, columns=cols)
    g = pd.Series({c: k % n_groups for k, c in enumerate(cols)})
    v = va.related_unrelated_variety(X, g)
    assert (v["related"] + v["unrelated"]).to_numpy() == pytest.approx(v["total"].to_numpy(), abs=1e-9)
    assert v["total"].to_numpy() == pytest.approx(shannon_entropy(X).to_numpy(), abs=1e-9)
    assert (v["related"] >= -1e-12).all() and (v["unrelated"] >= -1e-12).all()
    assert (v["unrelated"] <= np.log2(n_groups) + 1e-9).all()


def test_linked_clusters_hand():
    present = pd.DataFrame(
        {1: [1, 1, 0], 2: [1, 0, 0], 3: [1, 1, 0], 4: [0, 1, 0]}, index=["r1", "r2", "r3"]
    ).astype(bool)
    links = pd.DataFrame({"cluster_code": [1, 2, 3, 1], "related_cluster_code": [2, 3, 1, 2]})
    out = va.linked_clusters(present, links)
    # r1: clusters 1,2,3 all linked: pairs (1,2),(2,3),(1,3)
    assert out.loc["r1"].tolist() == [3, 3, 3, 1.0]
    # r2: clusters 1,3,4: pair (1,3) only
    assert out.loc["r2", "linked_pairs"] == 1 and out.loc["r2", "n_linked"] == 2
    assert np.isnan(out.loc["r3", "share_linked"])
    with pytest.raises(ValueError, match="99"):
        va.linked_clusters(present, pd.DataFrame({"cluster_code": [1], "related_cluster_code": [99]}))


def test_cooccurrence():
    present = pd.DataFrame({"a": [1, 1, 0, 1], "b": [1, 0, 0, 1], "c": [0, 0, 1, 0]})
    c = va.cluster_cooccurrence(present, measure="count")
    assert c.loc["a", "b"] == 2 and c.loc["a", "a"] == 3
    j = va.cluster_cooccurrence(present)
    assert j.loc["a", "b"] == pytest.approx(2 / 3)
    assert (j.to_numpy() == j.to_numpy().T).all()
    with pytest.raises(ValueError, match="0/1"):
        va.cluster_cooccurrence(present * 2)
    with pytest.raises(ValueError, match="measure"):
        va.cluster_cooccurrence(present, measure="x")


def test_portfolio_variance_closed_form_hand():
    X = pd.DataFrame({"a": [6, 5, 10], "b": [2, 5, 0], "c": [2, 0, 0]}, index=["r1", "r2", "r3"])
    g = pd.Series({"a": "G", "b": "G", "c": "H"})
    v = va.portfolio_variance(X, g, rho=0.5, sigma=2.0)
    # r1: P = (0.8, 0.2) -> between 0.68; p = (0.6, 0.2, 0.2) -> within 0.44
    assert v.loc["r1", "between"] == pytest.approx(0.68)
    assert v.loc["r1", "within"] == pytest.approx(0.44)
    assert v.loc["r1", "variance"] == pytest.approx(4 * (0.5 * 0.68 + 0.5 * 0.44))
    assert v.loc["r3", "variance"] == pytest.approx(4.0)  # one industry: fully exposed


def test_portfolio_variance_matches_simulation():
    rng = np.random.default_rng(0)
    X = pd.DataFrame(rng.integers(0, 50, size=(4, 8)), index=list("wxyz"), columns=[f"i{k}" for k in range(8)])
    g = pd.Series(["A", "A", "A", "B", "B", "C", "C", "C"], index=X.columns)
    rho, draws = 0.6, 200_000
    codes = pd.factorize(g)[0]
    shocks = (np.sqrt(rho) * rng.standard_normal((3, draws))[codes]
              + np.sqrt(1 - rho) * rng.standard_normal((8, draws)))
    p = (X / X.sum(axis=1).to_numpy()[:, None]).to_numpy()
    simulated = (p @ shocks).var(axis=1)
    np.testing.assert_allclose(va.portfolio_variance(X, g, rho=rho)["variance"], simulated, rtol=0.02)


def test_portfolio_variance_bad_input():
    X = pd.DataFrame({"a": [1, 2], "b": [3, 4]}, index=["r1", "r2"])
    with pytest.raises(ValueError, match="rho"):
        va.portfolio_variance(X, pd.Series({"a": 1, "b": 1}), rho=1.5)
    with pytest.raises(ValueError, match="'b'"):
        va.portfolio_variance(X, pd.Series({"a": 1}), rho=0.5)
    with pytest.raises(ValueError, match="sigma"):
        va.portfolio_variance(X, pd.Series({"a": 1, "b": 1}), rho=0.5, sigma=0)


def test_aggregate_deviation_hand():
    a = pd.Series({"r1": 100.0, "r2": 300.0})
    b = pd.Series({"r2": 330.0, "r1": 100.0})
    d = va.aggregate_deviation(a, b)
    nat = np.log(430 / 400)
    assert d["r1"] == pytest.approx(-nat) and d["r2"] == pytest.approx(np.log(1.1) - nat)
    with pytest.raises(ValueError, match="'r2'|'r3'"):
        va.aggregate_deviation(a, b.rename({"r2": "r3"}))
    with pytest.raises(ValueError, match="'r1'"):
        va.aggregate_deviation(a.replace(100.0, 0.0), b)
