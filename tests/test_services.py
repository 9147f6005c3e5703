"""Tests of regional_clusters.services (service orientation and localisation)."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from regional_clusters import services as sv
from regional_clusters.data import coding_table


def test_coding_table_is_documented_and_consistent():
    t = coding_table("service_orientation").astype({"naics_prefix": str})
    assert set(t["orientation"]) == {"household", "business", "mixed"}
    assert set(t["basis"]) <= {"sector", "judgement"}
    assert not t["naics_prefix"].duplicated().any()
    assert t["naics_prefix"].str[:2].astype(int).between(42, 81).all()


def test_longest_prefix_wins():
    o = sv.service_orientation(["541940", "541330", "611110", "611420", "811111", "811310"])
    # veterinary (5419) is mixed although sector 54 is business; business schools (6114) override 611
    assert o["orientation"].tolist() == ["mixed", "business", "household", "business", "household", "business"]
    assert o.loc["541940", "naics_prefix"] == "5419"


def test_service_orientation_rejects_bad_codes():
    with pytest.raises(ValueError, match="'336111'"):
        sv.service_orientation(["336111"])  # car manufacturing is not a service
    with pytest.raises(ValueError, match="'5413'"):
        sv.service_orientation(["5413"])
    with pytest.raises(ValueError, match="541330"):
        sv.service_orientation([541330])


def test_expected_hoover_hand_and_brute_force():
    # one establishment in two equal areas: H = 0.5 exactly; two establishments: H = 0.5 * P(both same) = 0.25
    assert sv.expected_hoover(1, [0.5, 0.5])[0] == pytest.approx(0.5)
    assert sv.expected_hoover(2, [0.5, 0.5])[0] == pytest.approx(0.25)
    rng = np.random.default_rng(0)
    s = rng.random(30) ** 2
    s /= s.sum()
    for n in (5, 60, 700):
        X = rng.multinomial(n, s, size=40_000)
        mc = 0.5 * np.abs(X / n - s).sum(axis=1).mean()
        assert sv.expected_hoover(n, s)[0] == pytest.approx(mc, rel=0.02)


def test_expected_hoover_with_truncation_matches_simulation():
    rng = np.random.default_rng(1)
    s = rng.random(40) ** 2
    s /= s.sum()
    for n in (200, 2000):
        X = rng.multinomial(n, s, size=20_000)
        Y = np.where(X >= 3, X, 0)
        mc = 0.5 * np.abs(Y / Y.sum(axis=1, keepdims=True) - s).sum(axis=1).mean()
        assert sv.expected_hoover(n, s, truncate_below=3)[0] == pytest.approx(mc, rel=0.02)
    thrown = sv.thrown_for_kept([150.0], s, 3)[0]
    X = rng.multinomial(int(thrown), s, size=20_000)
    assert np.where(X >= 3, X, 0).sum(axis=1).mean() == pytest.approx(150, rel=0.02)


def test_expected_hoover_bad_input():
    with pytest.raises(ValueError, match="n must be"):
        sv.expected_hoover(0, [0.5, 0.5])
    with pytest.raises(ValueError, match="shares"):
        sv.expected_hoover(3, [0.5, 0.6])
    with pytest.raises(ValueError, match="truncate_below"):
        sv.expected_hoover(3, [0.5, 0.5], truncate_below=-1)


def test_localisation_hand_and_leave_one_out():
    X = pd.DataFrame({"a": [10, 10], "b": [20, 0]}, index=["r1", "r2"])
    loc = sv.localisation(X, pd.Series([1.0, 1.0], index=["r1", "r2"]))
    assert loc["hoover"].tolist() == [0.0, 0.5]
    assert loc["presence"].tolist() == [1.0, 0.5]
    assert loc.loc["a", "hoover by chance"] == pytest.approx(sv.expected_hoover(20, [0.5, 0.5])[0])
    # leave-one-out: a against b's distribution (all in r1) -> H = 0.5
    assert sv.localisation(X).loc["a", "hoover"] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="'r2'"):
        sv.localisation(X, pd.Series([1.0], index=["r1"]))
    with pytest.raises(ValueError, match="'r2'"):
        sv.localisation(X, pd.Series([1.0, 0.0], index=["r1", "r2"]))


def test_label_permutation_test():
    v = pd.Series([1, 2, 3, 10, 11, 12, 5], index=list("uvwxyzq"))
    g = pd.Series(["a", "a", "a", "b", "b", "b", "other"], index=v.index)
    r = sv.label_permutation_test(v, g, "a", "b", n_permutations=999, seed=2)
    assert r["observed"] == -9.0
    # exact two-sided p by enumerating the 20 splits of the six units
    from itertools import combinations
    vals = v.iloc[:6].to_numpy(dtype=float)
    diffs = [np.median(vals[list(c)]) - np.median(np.delete(vals, list(c))) for c in combinations(range(6), 3)]
    exact = np.mean(np.abs(diffs) >= 9)
    assert r["p"] == pytest.approx(exact, abs=0.04)
    with pytest.raises(ValueError, match="at least two"):
        sv.label_permutation_test(v, g, "a", "other")
    with pytest.raises(ValueError, match="statistic"):
        sv.label_permutation_test(v, g, "a", "b", statistic="mode")
    with pytest.raises(ValueError, match="n_permutations"):
        sv.label_permutation_test(v, g, "a", "b", n_permutations=0)


def test_wz2008_group_coding():
    t = coding_table("wz2008_service_orientation").set_index("sections")
    assert set(t["orientation"]) == {"household", "business", "mixed"}
    assert t.loc["M-N", "orientation"] == "business" and t.loc["R-U", "orientation"] == "household"
    assert not t.index.duplicated().any()
