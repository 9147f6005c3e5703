"""Comparative battery: bootstrap summaries, unit tables, variance splits."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regional_clusters import compare


def _units():
    return pd.DataFrame(
        {
            "region": ["a"] * 10 + ["b"] * 10 + ["c"] * 3,
            "field": ["x"] * 23,
            "v": list(range(10)) + [5.0] * 10 + [1.0, 2.0, 3.0],
        }
    )


def test_grid_means_and_intervals():
    out = compare.summarise_grid(_units(), ["v"], n_boot=400, seed=3).set_index("region")
    assert out.loc["a", "value"] == pytest.approx(4.5)
    assert out.loc["a", "n"] == 10
    assert out.loc["a", "lower"] < 4.5 < out.loc["a", "upper"]
    # a constant cell has a degenerate interval at its value
    assert out.loc["b", ["lower", "upper"]].tolist() == [5.0, 5.0]
    # too few units: mean, but no interval
    assert out.loc["c", "value"] == pytest.approx(2.0)
    assert np.isnan(out.loc["c", "lower"]) and np.isnan(out.loc["c", "upper"])


def test_grid_is_deterministic_under_seed():
    a = compare.summarise_grid(_units(), ["v"], seed=7)
    b = compare.summarise_grid(_units(), ["v"], seed=7)
    pd.testing.assert_frame_equal(a, b)


def test_bootstrap_interval_matches_normal_theory():
    rng = np.random.default_rng(0)
    units = pd.DataFrame({"region": "r", "field": "f", "v": rng.normal(size=400)})
    out = compare.summarise_grid(units, ["v"], n_boot=2000, seed=1).iloc[0]
    se = units["v"].std(ddof=0) / np.sqrt(400)
    assert out["upper"] - out["lower"] == pytest.approx(2 * 1.96 * se, rel=0.1)


@pytest.mark.parametrize(
    "kwargs, match",
    [({"measures": ["missing"]}, "lacks the columns"), ({"measures": ["v"], "n_boot": -1}, "n_boot"),
     ({"measures": ["v"], "level": 1.5}, "level"), ({"measures": ["v"], "min_units": 1}, "min_units")],
)
def test_grid_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        compare.summarise_grid(_units(), **kwargs)


def test_grid_rejects_text_measure():
    units = _units().assign(t="x")
    with pytest.raises(ValueError, match="'t' is not numeric"):
        compare.summarise_grid(units, ["t"])


def test_variance_decomposition_of_an_additive_grid():
    region_effect = {"a": 0.0, "b": 1.0, "c": 2.0}
    field_effect = {"x": 0.0, "y": 3.0}
    cells = pd.DataFrame(
        [(r, f, region_effect[r] + field_effect[f]) for r in region_effect for f in field_effect],
        columns=["region", "field", "y"],
    )
    out = compare.variance_decomposition(cells, "y")
    # balanced grid: SS_region = n_fields * sum (a_r - mean a)^2 = 2 * 2 = 4; SS_field = 3 * 2 * 1.5^2 = 13.5
    assert out.loc["region", "sum_sq"] == pytest.approx(4.0)
    assert out.loc["field", "sum_sq"] == pytest.approx(13.5)
    assert out.loc["residual", "share"] == pytest.approx(0.0, abs=1e-12)
    assert out["share"].sum() == pytest.approx(1.0)


def test_variance_decomposition_bad_input():
    cells = pd.DataFrame({"region": ["a", "a"], "field": ["x", "y"], "y": [1.0, 2.0]})
    with pytest.raises(ValueError, match="'region' needs at least two levels"):
        compare.variance_decomposition(cells, "y")
    cells = pd.DataFrame({"region": ["a", "b"], "field": ["x", "y"], "y": [1.0, np.nan]})
    with pytest.raises(ValueError, match="missing values"):
        compare.variance_decomposition(cells, "y")


def test_crossed_random_effects_recovers_dominant_factor():
    rng = np.random.default_rng(42)
    regions = rng.normal(scale=2.0, size=12)  # large region variance
    fields = np.zeros(5)  # no field variance
    rows = [(f"r{i}", f"f{j}", regions[i] + fields[j] + rng.normal())
            for i in range(12) for j in range(5) for _ in range(8)]
    units = pd.DataFrame(rows, columns=["region", "field", "y"])
    out = compare.crossed_random_effects(units, "y")
    assert out["share_region"] > 0.6
    assert out["share_field"] < 0.05
    assert out["residual"] == pytest.approx(1.0, rel=0.15)
    assert out["n"] == len(units)


def _participations():
    # project 1: DE firm + DE university + FR firm; project 2: DE firm + PL public body
    return pd.DataFrame(
        {
            "project_id": [1, 1, 1, 2, 2],
            "org_id": [10, 11, 20, 10, 30],
            "country": ["DE", "DE", "FR", "DE", "PL"],
            "actor_group": ["Economic actors", "Research and education", "Economic actors",
                            "Economic actors", "Politics and administration"],
            "org_type": ["PRC", "HES", "PRC", "PRC", "PUB"],
            "field": ["SC3"] * 5,
        }
    )


def test_h2020_units_by_hand():
    units = compare.h2020_units(_participations(), ["DE"], ["SC3"]).set_index("org_id")
    assert sorted(units.index) == [10, 11]
    # org 10: partners 11 (DE), 20 (FR), 30 (PL), one project each -> 2 of 3 abroad
    assert units.loc[10, "international"] == pytest.approx(2 / 3)
    assert units.loc[11, "international"] == pytest.approx(1 / 2)
    assert units.loc[10, "firm"] == 1 and units.loc[11, "firm"] == 0
    assert units.loc[10, "degree"] == 3
    # Burt's constraint of org 11: contacts 10 and 20 (p = 1/2 each), tied to
    # each other; 20 spreads over 2 contacts, 10 over 3
    via_20 = (0.5 + 0.5 * 0.5) ** 2  # reaching 10 directly and through 20
    via_10 = (0.5 + 0.5 * (1 / 3)) ** 2  # reaching 20 directly and through 10
    assert units.loc[11, "constraint"] == pytest.approx(via_20 + via_10)


def test_h2020_units_unknown_country():
    with pytest.raises(ValueError, match="'XX' does not occur"):
        compare.h2020_units(_participations(), ["XX"], ["SC3"])


def test_us_area_units_by_hand():
    mapping = pd.DataFrame(
        {
            "region_code": ["1", "1", "1", "2", "2", "2"],
            "region_type": ["metropolitan"] * 3 + ["micropolitan"] * 3,
            "cluster_code": [1, 2, 3] * 2,
            "traded": [True, True, False] * 2,
            "employment": [30, 10, 99, 0, 40, 5],
            "lq": [2.0, 0.5, 1.0, 0.0, 1.5, 1.0],
            "strong": pd.array([True, False, None, False, True, None], dtype="boolean"),
        }
    )
    types = pd.DataFrame({"cluster_code": [1, 2], "kind": ["high", "low"]})
    out = compare.us_area_units(mapping, types, type_column="kind").set_index(["region_code", "field"])
    assert out.loc[("1", "high"), "employment_share"] == pytest.approx(0.75)
    assert out.loc[("2", "low"), "employment_share"] == pytest.approx(1.0)
    assert out.loc[("1", "low"), "specialised"] == 0.0
    assert out.loc[("2", "low"), "strong"] == 1.0
    with pytest.raises(ValueError, match="traded cluster 2 has no 'kind'"):
        compare.us_area_units(mapping, types.iloc[:1], type_column="kind")


def test_omega_squared_by_hand_and_bad_input():
    import pandas as pd
    import pytest

    from regional_clusters.compare import omega_squared

    # MS_res = 60 / 12 = 5; region (30 - 2*5) / (100 + 5); field (10 - 5) / 105; noise (1 - 2*5) < 0 -> 0
    t = pd.DataFrame({"sum_sq": [30.0, 10.0, 1.0, 59.0], "df": [2, 1, 2, 12]},
                     index=["region", "field", "noise", "residual"])
    t.loc["residual", "sum_sq"] = 60.0
    w = omega_squared(t)
    assert w["region"] == pytest.approx(20 / 106) and w["field"] == pytest.approx(5 / 106) and w["noise"] == 0
    with pytest.raises(ValueError, match="residual"):
        omega_squared(t.drop("residual"))


def test_scaling_exponent_drops_absent_regions_only_when_asked():
    import numpy as np
    import pandas as pd
    import pytest

    from regional_clusters.scale import scaling_exponent

    N = pd.Series([1e4, 1e5, 1e6, 1e7], index=list("abcd"))
    y = (N ** 0.9).where(N > 1e4, np.nan)
    with pytest.raises(ValueError, match="region 'a'"):
        scaling_exponent(y, N)
    fit = scaling_exponent(y, N, drop_absent=True)
    assert fit["n"] == 3 and fit["beta"] == pytest.approx(0.9)
