"""Spatial weights from boundaries and Moran's I through PySAL (esda)."""

from __future__ import annotations

import json

import libpysal
import numpy as np
import pandas as pd
import pytest

from regional_clusters import spatial
from regional_clusters.data import fetch


def _squares(codes):
    square = lambda x: {"type": "Polygon", "coordinates": [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]}
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"ARS": c}, "geometry": square(x)} for x, c in enumerate(codes)]}


def test_moran_by_hand_and_against_its_expectation():
    w = libpysal.weights.lat2W(4, 4)
    w.transform = "r"
    y = pd.Series(np.random.default_rng(0).normal(size=16), index=range(16))
    res = spatial.moran(y, w, permutations=199, seed=3)
    z = y.to_numpy() - y.mean()
    W = w.full()[0]
    by_hand = len(z) / W.sum() * (z @ W @ z) / (z @ z)
    assert res["observed"] == pytest.approx(by_hand, rel=1e-12)
    assert res["expected"] == pytest.approx(-1 / 15)
    # (k + 1) / (B + 1): never zero, a multiple of 1/200
    assert 0 < res["p"] <= 1 and (res["p"] * 200) == pytest.approx(round(res["p"] * 200))
    assert spatial.moran(y, w, permutations=199, seed=3).equals(res)


def test_lisa_finds_the_two_blocks():
    w = libpysal.weights.lat2W(4, 4)
    y = pd.Series([10.0] * 8 + [0.0] * 8, index=range(16))
    lisa = spatial.local_moran(y, w, seed=1)
    assert set(lisa.loc[[str(i) for i in range(8)], "quadrant"]) == {"high-high"}
    assert set(lisa.loc[[str(i) for i in range(8, 16)], "quadrant"]) == {"low-low"}
    assert (lisa["p"] > 0).all()
    with pytest.raises(ValueError, match="alpha"):
        spatial.local_moran(y, w, alpha=1.5)


def test_contiguity_weights_and_bad_input():
    w = spatial.contiguity_weights(_squares("abc"))
    assert w.neighbors["a"] == ["b"] and sorted(w.neighbors["b"]) == ["a", "c"] and w.weights["b"] == [0.5, 0.5]
    with pytest.raises(ValueError, match=r"no boundary for region code\(s\) \['z'\]"):
        spatial.contiguity_weights(_squares("abc"), ids=["a", "z"])
    with pytest.raises(ValueError, match="more than one boundary"):
        spatial.contiguity_weights(_squares("aab"))
    with pytest.raises(ValueError, match="kind"):
        spatial.contiguity_weights(_squares("ab"), kind="bishop")
    w = libpysal.weights.lat2W(2, 2)
    with pytest.raises(ValueError, match="no value for region"):
        spatial.moran(pd.Series([1.0, 2.0], index=[0, 1]), w)
    with pytest.raises(ValueError, match="permutations"):
        spatial.moran(pd.Series([1.0, 2.0, 3.0, 4.0]), w, permutations=10)


def test_bavarian_kreise_are_all_connected():
    geo = json.loads(fetch("boundaries_de_2021/Ebene_Kreise.geojson").read_text(encoding="utf-8"))
    bavaria = sorted(f["properties"]["ARS"] for f in geo["features"] if f["properties"]["ARS"].startswith("09"))
    w = spatial.contiguity_weights(geo, ids=bavaria)
    assert w.n == 96 and not w.islands
    # the city of Munich is enclosed by, among others, the Landkreis München
    assert "09184" in w.neighbors["09162"]
