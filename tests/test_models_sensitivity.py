"""Tests of the SALib wrapper in regional_clusters.models.sensitivity."""

from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd
import pytest

from regional_clusters.models import simulate_club_good
from regional_clusters.models.sensitivity import sensitivity, sensitivity_figure, sensitivity_frame


def ishigami(x1, x2, x3, seed=0):
    return {"y": np.sin(x1) + 7 * np.sin(x2) ** 2 + 0.1 * x3**4 * np.sin(x1)}


def noisy_linear(a, b, seed=0):
    return {"y": 3.0 * a + np.random.default_rng(seed).normal(scale=0.5), "flat": 1.0 + 0 * b}


PI = (-np.pi, np.pi)


def test_sobol_matches_ishigami_analytic_indices():
    # Analytic values for a = 7, b = 0.1 (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, 4.5)
    res = sensitivity(ishigami, {"x1": PI, "x2": PI, "x3": PI}, "y", method="sobol", n=2048, seed=3)
    tab = res.table.set_index("parameter")
    assert tab.loc["x1", "S1"] == pytest.approx(0.3139, abs=0.03)
    assert tab.loc["x2", "S1"] == pytest.approx(0.4424, abs=0.03)
    assert tab.loc["x3", "S1"] == pytest.approx(0.0, abs=0.03)
    assert tab.loc["x1", "ST"] == pytest.approx(0.5576, abs=0.03)
    assert tab.loc["x3", "ST"] == pytest.approx(0.2437, abs=0.03)
    assert res.n_runs == 2048 * 5
    assert list(res.table["parameter"][:1]) == ["x1"]  # sorted by ST


def test_morris_effect_of_linear_input_is_slope_times_range():
    res = sensitivity(lambda a, b, seed: {"y": 3.0 * a - 2.0 * b}, {"a": (0, 2), "b": (10, 11)}, "y", n=6, seed=2)
    tab = res.table.set_index("parameter")
    assert tab.loc["a", "mu_star"] == pytest.approx(6.0)
    assert tab.loc["b", "mu_star"] == pytest.approx(2.0)
    assert tab.loc["b", "mu"] == pytest.approx(-2.0)
    assert tab["sigma"].max() == pytest.approx(0.0, abs=1e-12)
    assert res.n_runs == 6 * 3
    assert res.top(k=1) == ["a"]


def test_common_random_numbers_cancel_noise_in_elementary_effects():
    res = sensitivity(noisy_linear, {"a": (0, 1), "b": (0, 1)}, ["y", "flat"], n=5, replicates=3, seed=4)
    tab = res.table.set_index(["outcome", "parameter"])
    # the same seeds at every design point: b has exactly no effect, a exactly its slope
    assert tab.loc[("y", "b"), "mu_star"] == pytest.approx(0.0, abs=1e-12)
    assert tab.loc[("y", "a"), "mu_star"] == pytest.approx(3.0)
    assert res.n_runs == 5 * 3 * 3
    assert set(res.design.columns) == {"a", "b", "y", "flat"}


def test_result_does_not_depend_on_executor():
    kw = dict(bounds={"sanction_prob": (0, 1), "fine": (0, 3), "n_members": (5, 15)}, outcomes="contribution",
              n=3, integer=["n_members"], fixed={"steps": 15}, seed=5)
    serial = sensitivity(simulate_club_good, **kw)
    with ProcessPoolExecutor(2) as pool:
        par = sensitivity(simulate_club_good, executor=pool, batch_size=3, **kw)
    pd.testing.assert_frame_equal(serial.table, par.table)
    assert serial.design["n_members"].map(lambda v: float(v).is_integer()).all()


def test_frame_and_figure():
    res = sensitivity(lambda a, b, seed: {"y": 2 * a + b}, {"a": (0, 1), "b": (0, 1)}, "y", n=4)
    frame = sensitivity_frame(res, {"a": "Alpha"})
    assert set(frame["measure"]) == {"mu_star", "sigma"}
    assert (frame["lower"] <= frame["value"]).all() and (frame["value"] <= frame["upper"]).all()
    fig = sensitivity_figure(res, labels={"a": "Alpha"})
    assert list(fig.data[0].y) == ["b", "Alpha"]  # most influential on top
    with pytest.raises(ValueError, match="SensitivityResult"):
        sensitivity_frame(frame)


@pytest.mark.parametrize(
    "kwargs, word",
    [
        (dict(bounds={}), "bounds"),
        (dict(bounds={"a": (1, 0)}), "'a'"),
        (dict(bounds={"a": (0, np.inf)}), "'a'"),
        (dict(bounds={"a": 3}), "'a'"),
        (dict(fixed={"a": 1}), "'a'"),
        (dict(method="fast"), "method"),
        (dict(outcomes="missing"), "missing"),
        (dict(outcomes=[]), "outcomes"),
        (dict(integer=["c"]), "'c'"),
        (dict(n=1), "n"),
        (dict(method="sobol", n=10), "power of 2"),
        (dict(replicates=0), "replicates"),
        (dict(level=1.0), "level"),
        (dict(seed=-1), "seed"),
    ],
)
def test_rejects_bad_arguments(kwargs, word):
    args = dict(model=lambda a, b, seed: {"y": a + b}, bounds={"a": (0, 1), "b": (0, 1)}, outcomes="y")
    args.update(kwargs)
    with pytest.raises(ValueError, match=word):
        sensitivity(**args)
