"""Tests of regional_clusters.identification."""

import numpy as np
import pandas as pd
import pytest

from regional_clusters import identification as idf

X = pd.DataFrame(
    {"cars": [900, 10, 10, 10, 10], "shops": [100, 90, 95, 100, 80], "chips": [0, 400, 5, 5, 5]},
    index=list("abcde"),
)
TRADED = pd.Series({"cars": True, "shops": False, "chips": True})


def test_export_orientation_hand():
    t = idf.export_orientation(X, TRADED)
    assert t["a"] == pytest.approx(0.9)
    assert t["b"] == pytest.approx(410 / 500)
    tl = idf.traded_local(X, TRADED)
    assert (tl["traded"] + tl["local"] == tl["total"]).all()
    with pytest.raises(ValueError, match="'chips'"):
        idf.export_orientation(X, TRADED.drop("chips"))


def test_classify_traded_hand():
    Y = X.assign(rest=[1000, 1000, 1000, 1000, 1000])
    c = idf.classify_traded(Y, threshold=0.3)
    assert c.loc["cars", "traded"] and c.loc["chips", "traded"] and not c.loc["shops", "traded"]
    with pytest.raises(ValueError, match="threshold"):
        idf.classify_traded(Y, threshold=2)


def test_strong_clusters_thresholds():
    s = idf.strong_clusters(X)
    assert s.loc["a", "cars"] and s.loc["b", "chips"]
    assert not s.loc["c", "chips"]  # LQ below 1
    # raising the size threshold removes clusters, never adds them
    s2 = idf.strong_clusters(X, min_employment=500)
    assert (s2 <= s).all().all() and s2.loc["a", "cars"] and not s2.loc["b", "chips"]
    B = X.clip(upper=20)
    s3 = idf.strong_clusters(X, B, min_establishments=15)
    assert (s3 <= s).all().all()
    with pytest.raises(ValueError, match="establishments"):
        idf.strong_clusters(X, min_establishments=1)


def test_stars_hand():
    st = idf.cluster_stars(X, size_quantile=0.8, focus_quantile=0.8)
    # a: largest share of cars (size) and highest focus, but LQ = 0.9 / (940 / 1820) = 1.74 < 2
    assert st.loc["a", "cars"] == 2
    assert idf.cluster_stars(X, size_quantile=0.8, focus_quantile=0.8, lq_min=1.7).loc["a", "cars"] == 3
    assert st.loc["b", "chips"] == 3
    assert st.loc["c", "cars"] == 0
    crit = idf.cluster_stars(X, criteria=True)
    assert set(crit.columns.get_level_values(0)) == {"size", "specialisation", "focus"}
    assert (crit["size"].astype(int) + crit["specialisation"].astype(int) + crit["focus"].astype(int)).equals(idf.cluster_stars(X))


def test_critical_mass():
    B = pd.DataFrame({"cars": [5, 1, 1, 1, 1], "shops": [30, 20, 20, 20, 20], "chips": [0, 12, 1, 1, 1]}, index=list("abcde"))
    cm = idf.critical_mass(X, B, min_employment=400, min_establishments=10)
    assert cm.loc["b", "chips"] and not cm.loc["a", "cars"]
    with pytest.raises(ValueError, match="'(e|x)'"):
        idf.critical_mass(X, B.rename(index={"e": "x"}))


def test_bad_input_named():
    Y = X.astype(float)
    Y.loc["c", "shops"] = -3
    with pytest.raises(ValueError, match="'c'.*'shops'"):
        idf.strong_clusters(Y)
    Y.loc["c", "shops"] = np.nan
    with pytest.raises(ValueError, match="'c'.*'shops'"):
        idf.cluster_stars(Y)
    Z = X.copy()
    Z.index = list("abcda")
    with pytest.raises(ValueError, match="'a'"):
        idf.export_orientation(Z, TRADED)


def _cbp():
    return pd.DataFrame(
        {
            "cbsa_code": ["1", "1", "1", "2", "2", "2"],
            "naics_code": ["111111", "222222", "452311", "111111", "333333", "11"],
            "naics_level": [6, 6, 6, 6, 6, 2],
            "employment": pd.array([10, 5, 7, pd.NA, 20, 99], dtype="Int64"),
            "establishments": [2, 1, 1, 3, 4, 9],
            "employment_suppressed": [False, False, False, True, False, False],
        }
    )


def test_aggregate_cbp_hand():
    defs = pd.DataFrame({"naics_code": ["111111", "333333", "452910"], "cluster_code": [7, 8, 9]})
    t = idf.aggregate_cbp(_cbp(), defs, crosswalk=False)
    assert t.employment.loc["1", 7] == 10 and t.employment.loc["2", 7] == 0
    assert t.suppressed.loc["2", 7] == 1 and t.establishments.loc["2", 7] == 3
    # covered employment: 10 + 20 of 42 (suppressed counted as 0); 452311 unmatched
    assert t.coverage["employment_share"] == pytest.approx(30 / 42)
    assert t.unmatched.index.tolist() == ["452311", "222222"]
    # the shipped crosswalk maps 452311 (NAICS 2017) to 452910 (NAICS 2012)
    t2 = idf.aggregate_cbp(_cbp(), defs)
    assert t2.employment.loc["1", 9] == 7
    assert t2.coverage["employment_share"] == pytest.approx(37 / 42)
    assert t2.industry_cluster.to_dict() == {"111111": 7, "333333": 8, "452311": 9}
    assert t2.totals.loc["2", "six_digit_establishments"] == 7
    t3 = idf.aggregate_cbp(_cbp(), defs, regions=pd.Index(["1", "2", "3"]))
    assert t3.employment.loc["3"].sum() == 0
    with pytest.raises(ValueError, match="more than one cluster"):
        idf.aggregate_cbp(_cbp(), pd.DataFrame({"naics_code": ["111111", "111111"], "cluster_code": [1, 2]}))
    with pytest.raises(ValueError, match="'employment'"):
        idf.aggregate_cbp(_cbp().drop(columns="employment"), defs)


def test_traded_cluster_types_table():
    from regional_clusters.data import coding_table

    t = coding_table("traded_cluster_types")
    assert len(t) == 51 and t.cluster_code.is_unique
    assert set(t.goods_services) == {"goods", "services"}
    assert set(t.tech_intensity) == {"high", "medium", "low"}
    cw = coding_table("naics2017_to_2012")
    assert cw.naics2017.is_unique


def test_flag_agreement_hand_and_statsmodels():
    from statsmodels.stats.inter_rater import cohens_kappa

    a = pd.DataFrame({"x": [True, True, True, False, False, False, False, False],
                      "y": [False, False, True, True, False, False, False, False]})
    b = pd.DataFrame({"x": [True, True, False, False, False, False, False, False],
                      "y": [False, False, True, False, False, False, False, True]})
    r = idf.flag_agreement(a, b)
    # 16 cells: both 3, only a 2, only b 1, neither 10
    assert (r["both"], r["only a"], r["only b"]) == (3, 2, 1)
    assert r["raw agreement"] == pytest.approx(13 / 16)
    assert r["jaccard"] == pytest.approx(3 / 6)
    assert r["kappa"] == pytest.approx(cohens_kappa(np.array([[3, 2], [1, 10]])).kappa)
    # the base-rate problem: two rules that flag rare cells independently agree often, kappa ~ 0
    rng = np.random.default_rng(0)
    u = pd.DataFrame(rng.random((2000, 5)) < 0.05)
    v = pd.DataFrame(rng.random((2000, 5)) < 0.05)
    s = idf.flag_agreement(u, v)
    assert s["raw agreement"] > 0.88 and abs(s["kappa"]) < 0.05


def test_flag_agreement_bad_input():
    a = pd.DataFrame({"x": [True, False]})
    with pytest.raises(ValueError, match="True/False"):
        idf.flag_agreement(a, pd.DataFrame({"x": [1, 0]}))
    with pytest.raises(ValueError, match="industry 'x'|industry 'y'"):
        idf.flag_agreement(a, pd.DataFrame({"y": [True, False]}))
    with pytest.raises(ValueError, match="every cell"):
        idf.flag_agreement(a, pd.DataFrame({"x": [True, True]}))
