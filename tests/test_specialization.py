"""Tests of regional_clusters.specialization against worked examples and invariants."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from regional_clusters import specialization as sp

# EconGeo documentation example (GUIDE section 9)
ECONGEO = pd.DataFrame(
    [[100, 0, 0, 0, 0], [0, 15, 5, 70, 10], [0, 20, 10, 20, 50], [0, 25, 30, 5, 40], [0, 40, 55, 5, 0]],
    index=["R1", "R2", "R3", "R4", "R5"],
    columns=["I1", "I2", "I3", "I4", "I5"],
)


def test_lq_econgeo():
    lq = sp.location_quotient(ECONGEO)
    assert lq.loc["R1", "I1"] == pytest.approx(5)
    assert lq.loc["R2", "I4"] == pytest.approx(3.5)
    assert lq.loc["R5", "I3"] == pytest.approx(2.75)
    assert lq.loc["R3", "I5"] == pytest.approx(2.5)


def test_lq_binary():
    b = sp.location_quotient(ECONGEO, binary=True)
    assert set(np.unique(b.to_numpy())) <= {0.0, 1.0}
    assert b.loc["R1", "I1"] == 1 and b.loc["R1", "I2"] == 0


def test_krugman_econgeo():
    assert sp.krugman_index(ECONGEO).to_numpy() == pytest.approx([1.6, 1.0, 0.6, 0.7, 1.1])


def test_herfindahl_econgeo():
    assert sp.herfindahl(ECONGEO).to_numpy() == pytest.approx([1, 0.525, 0.34, 0.315, 0.465])


def test_shannon_econgeo():
    assert sp.shannon_entropy(ECONGEO).to_numpy() == pytest.approx([0, 1.319, 1.761, 1.766, 1.219], abs=1e-3)


def test_gini_econgeo():
    assert sp.gini(pd.DataFrame({"i": [0, 10, 10, 30, 50]}))["i"] == pytest.approx(0.48)
    assert sp.gini(pd.DataFrame({"i": [0, 0, 0, 0, 1]}))["i"] == pytest.approx(0.8)


def test_gini_by_region_matches_transpose():
    a = sp.gini(ECONGEO, by="region")
    b = sp.gini(ECONGEO.T, by="industry")
    pd.testing.assert_series_equal(a, b)
    with pytest.raises(ValueError, match="by must be"):
        sp.gini(ECONGEO, by="x")


def test_hoover_econgeo():
    X = pd.DataFrame({"i": [0, 10, 10, 30, 50]}, index=list("abcde"))
    pop = pd.Series([10, 15, 20, 25, 30], index=list("abcde"))
    assert sp.hoover_index(X, pop, percent=True)["i"] == pytest.approx(25)
    assert sp.hoover_index(X, pop)["i"] == pytest.approx(0.25)


def test_hoover_reference_missing_region():
    X = pd.DataFrame({"i": [1, 2]}, index=["a", "b"])
    with pytest.raises(ValueError, match="'b'"):
        sp.hoover_index(X, pd.Series([1.0], index=["a"]))


def test_hachman_hand():
    # region mirroring the economy -> 1
    X = pd.DataFrame({"a": [1, 2], "b": [3, 6]}, index=["r1", "r2"])
    assert sp.hachman_index(X).to_numpy() == pytest.approx([1, 1])


def test_locational_gini_hand():
    X = pd.DataFrame({"a": [5, 5], "b": [10, 0]}, index=["r1", "r2"])
    # totals (15, 5): t = (.75, .25); a: c = (.5, .5), ordered r1, r2 by LQ
    # G = 1 - [.75 * (0 + .5) + .25 * (.5 + 1)] = .25
    g = sp.locational_gini(X)
    assert g["a"] == pytest.approx(0.25)
    # proportional industry -> 0
    Y = pd.DataFrame({"a": [1, 2], "b": [3, 6]}, index=["r1", "r2"])
    assert sp.locational_gini(Y).to_numpy() == pytest.approx([0, 0])


def test_ellison_glaeser_hand():
    X = pd.DataFrame({"a": [90, 10], "b": [10, 90]}, index=["r1", "r2"])
    eg = sp.ellison_glaeser(X, 0.1)
    # x = (.5, .5); s_a = (.9, .1); G = .16 + .16 = .32; 1 - sum x^2 = .5
    assert eg.loc["a", "G"] == pytest.approx(0.32)
    assert eg.loc["a", "gamma"] == pytest.approx((0.32 - 0.5 * 0.1) / (0.5 * 0.9))
    with pytest.raises(ValueError, match="'b'"):
        sp.ellison_glaeser(X, pd.Series({"a": 0.1}))
    with pytest.raises(ValueError, match="below 1"):
        sp.ellison_glaeser(X, 1.0)


def test_coagglomeration_matches_loop_and_eg():
    rng = np.random.default_rng(1)
    X = pd.DataFrame(rng.integers(1, 50, size=(12, 5)), columns=list("abcde"))
    C = sp.coagglomeration(X)
    x = X.to_numpy(float)
    w = x.sum(1) / x.sum()
    s = x / x.sum(0)
    for i in range(5):
        for j in range(5):
            ref = ((s[:, i] - w) * (s[:, j] - w)).sum() / (1 - (w**2).sum())
            assert C.iloc[i, j] == pytest.approx(ref)
    eg = sp.ellison_glaeser(X, 0.0)
    assert np.diag(C.to_numpy()) == pytest.approx(eg["gamma"].to_numpy())
    assert (C.to_numpy() == C.to_numpy().T).all()


def test_shift_share_adds_up():
    rng = np.random.default_rng(2)
    X0 = pd.DataFrame(rng.integers(1, 100, size=(6, 4)), columns=list("abcd"))
    X1 = pd.DataFrame(rng.integers(0, 100, size=(6, 4)), columns=list("abcd"))
    ss = sp.shift_share(X0, X1)
    total = ss[["national_share", "industry_mix", "regional_share"]].sum(axis=1)
    assert total.to_numpy() == pytest.approx(ss["change"].to_numpy())
    assert ss["industry_mix"].sum() == pytest.approx(0, abs=1e-9)
    assert ss["regional_share"].sum() == pytest.approx(0, abs=1e-9)
    with pytest.raises(ValueError, match="'e'"):
        sp.shift_share(X0, X1.assign(e=1))


def test_litzenberger_sternberg_reat_example():
    # Farhauer and Kroell (2014) example used in the REAT documentation: 21.87491
    X = pd.DataFrame({"i": [1743, 5740 - 1743]}, index=["j", "rest"])
    B = pd.DataFrame({"i": [35, 53 - 35]}, index=["j", "rest"])
    a = pd.Series([50, 576 - 50], index=["j", "rest"])
    p = pd.Series([488, 4621 - 488], index=["j", "rest"])
    assert sp.litzenberger_sternberg(X, B, a, p).loc["j", "i"] == pytest.approx(21.87491, abs=1e-5)
    with pytest.raises(ValueError, match="without establishments"):
        sp.litzenberger_sternberg(X.assign(k=[1, 1]), B.assign(k=[0, 1]), a, p)


# ---- bad input -------------------------------------------------------------

GOOD = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]}, index=["r1", "r2"])
FUNCS = [
    sp.location_quotient,
    sp.krugman_index,
    sp.herfindahl,
    sp.shannon_entropy,
    sp.hachman_index,
    sp.gini,
    sp.locational_gini,
    sp.coagglomeration,
    lambda X: sp.hoover_index(X),
    lambda X: sp.ellison_glaeser(X, 0.0),
]


@pytest.mark.parametrize("f", FUNCS)
def test_negative_named(f):
    X = GOOD.copy()
    X.loc["r2", "b"] = -1
    with pytest.raises(ValueError, match="'r2'.*'b'"):
        f(X)


@pytest.mark.parametrize("f", FUNCS)
def test_nan_named(f):
    X = GOOD.copy()
    X.loc["r1", "a"] = np.nan
    with pytest.raises(ValueError, match="'r1'.*'a'"):
        f(X)


@pytest.mark.parametrize("f", FUNCS)
def test_non_numeric_named(f):
    X = GOOD.copy()
    X["b"] = ["x", "y"]
    with pytest.raises(ValueError, match="'b'"):
        f(X)


@pytest.mark.parametrize("f", FUNCS)
def test_duplicated_labels_named(f):
    X = GOOD.copy()
    X.index = ["r1", "r1"]
    with pytest.raises(ValueError, match="'r1'"):
        f(X)
    Y = GOOD.copy()
    Y.columns = ["a", "a"]
    with pytest.raises(ValueError, match="'a'"):
        f(Y)


@pytest.mark.parametrize("f", [sp.location_quotient, sp.krugman_index, sp.herfindahl, sp.shannon_entropy, sp.hachman_index])
def test_zero_row_named(f):
    X = pd.DataFrame({"a": [1.0, 0.0], "b": [3.0, 0.0]}, index=["r1", "empty"])
    with pytest.raises(ValueError, match="'empty'"):
        f(X)


@pytest.mark.parametrize("f", [sp.location_quotient, sp.gini, sp.locational_gini, sp.coagglomeration])
def test_zero_column_named(f):
    X = pd.DataFrame({"a": [1.0, 2.0], "none": [0.0, 0.0]}, index=["r1", "r2"])
    with pytest.raises(ValueError, match="'none'"):
        f(X)


def test_not_a_dataframe():
    with pytest.raises(ValueError, match="DataFrame"):
        sp.location_quotient(np.ones((2, 2)))


# ---- properties ------------------------------------------------------------

matrices = arrays(
    np.float64,
    st.tuples(st.integers(2, 6), st.integers(2, 6)),
    elements=st.floats(0, 1e4, allow_nan=False, allow_infinity=False),
).map(lambda a: a + 1e-3)


@settings(max_examples=50, deadline=None)
@given(matrices, st.floats(1e-3, 1e3))
def test_lq_scale_invariant(a, k):
    X = pd.DataFrame(a)
    pd.testing.assert_frame_equal(sp.location_quotient(X), sp.location_quotient(X * k), rtol=1e-9)


@settings(max_examples=50, deadline=None)
@given(matrices)
def test_bounds(a):
    X = pd.DataFrame(a)
    n_reg, n_ind = a.shape
    tol = 1e-9
    k = sp.krugman_index(X)
    assert ((k >= -tol) & (k <= 2 + tol)).all()
    h = sp.herfindahl(X)
    assert ((h >= 1 / n_ind - tol) & (h <= 1 + tol)).all()
    e = sp.shannon_entropy(X)
    assert ((e >= -tol) & (e <= np.log2(n_ind) + tol)).all()
    g = sp.gini(X)
    assert ((g >= -tol) & (g <= 1 - 1 / n_reg + tol)).all()
    hv = sp.hoover_index(X)
    assert ((hv >= -tol) & (hv <= 1 + tol)).all()
    hi = sp.hachman_index(X)
    assert ((hi > 0) & (hi <= 1 + tol)).all()
    lg = sp.locational_gini(X)
    assert ((lg >= -tol) & (lg <= 1 + tol)).all()
    # weighted mean of LQ with industry weights is 1
    lq = sp.location_quotient(X)
    w = a.sum(axis=0) / a.sum()
    assert (lq.to_numpy() @ w) == pytest.approx(np.ones(n_reg))


def test_esteban_marquillas_splits_the_regional_share():
    rng = np.random.default_rng(8)
    X0 = pd.DataFrame(rng.integers(1, 50, size=(6, 4)), columns=list("abcd"))
    X1 = pd.DataFrame(rng.integers(1, 50, size=(6, 4)), columns=list("abcd"))
    em = sp.esteban_marquillas(X0, X1)
    dunn = sp.shift_share(X0, X1)
    assert (em["competitive_effect"] + em["allocation_effect"]).to_numpy() == pytest.approx(dunn["regional_share"].to_numpy())
    parts = em.drop(columns="change").sum(axis=1)
    assert parts.to_numpy() == pytest.approx(em["change"].to_numpy())
    # a region with exactly the national structure has no allocation effect:
    # region 0 is the sum of the others, so its shares are the national ones
    X0b = X0.copy()
    X0b.loc[0] = X0.loc[1:].sum(axis=0)
    assert sp.esteban_marquillas(X0b, X1).loc[0, "allocation_effect"] == pytest.approx(0, abs=1e-9)
    assert sp.esteban_marquillas(X0b, X1).loc[1:, "allocation_effect"].abs().max() > 0
    with pytest.raises(ValueError, match="region 0, industry 'a' is zero at the start"):
        sp.esteban_marquillas(X0.assign(a=[0, 1, 1, 1, 1, 1]), X1)


def test_dynamic_shift_share_sums_yearly_decompositions():
    rng = np.random.default_rng(9)
    tables = {y: pd.DataFrame(rng.integers(1, 40, size=(5, 3)), columns=list("xyz")) for y in (2015, 2016, 2017)}
    dyn = sp.dynamic_shift_share(tables)
    expected = sp.shift_share(tables[2015], tables[2016]) + sp.shift_share(tables[2016], tables[2017])
    assert dyn.to_numpy() == pytest.approx(expected.to_numpy())
    assert dyn["change"].to_numpy() == pytest.approx((tables[2017].sum(axis=1) - tables[2015].sum(axis=1)).to_numpy())
    two = sp.dynamic_shift_share({2015: tables[2015], 2017: tables[2017]})
    assert two.to_numpy() == pytest.approx(sp.shift_share(tables[2015], tables[2017]).to_numpy())
    with pytest.raises(ValueError, match="at least two years"):
        sp.dynamic_shift_share({2015: tables[2015]})
    with pytest.raises(ValueError, match="years 2016 and 2017"):
        sp.dynamic_shift_share({2015: tables[2015], 2016: tables[2016], 2017: tables[2017].rename(columns={"z": "w"})})
