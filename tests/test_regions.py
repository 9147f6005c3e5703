"""Planning regions reconstructed from INKAR's published aggregates."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from regional_clusters import data
from regional_clusters.data import regions

MIRROR = os.environ.get(data.MIRROR_ENV)
needs_mirror = pytest.mark.skipif(not MIRROR or not Path(MIRROR).is_dir(), reason="no data mirror configured")


def test_every_district_in_one_region_of_its_land():
    pr = regions.planning_regions()
    assert len(pr) == 400 and not pr.index.duplicated().any() and pr.nunique() == 96
    same_land = pr.index.str[:2] == pr.str[:2]
    # the one exception: Bremerhaven (Land Bremen) in the region Bremerhaven of Lower Saxony
    assert set(pr.index[~same_land]) == {"04012"} and pr["04012"] == "0303"
    assert (pr[pr.index.str.startswith("09")].str[:2] == "09").all() and pr[pr.str[:2] == "09"].nunique() == 18


@needs_mirror
def test_reconstruction_reproduces_published_aggregates():
    gaps = regions.check_planning_regions()
    assert set(gaps["region"]) == set(regions.planning_regions())
    assert gaps["max_rel_gap"].median() < 0.001
    assert (gaps["max_rel_gap"] < 0.01).mean() > 0.95
    assert gaps["max_rel_gap"].max() < 0.07


@needs_mirror
def test_moving_one_district_worsens_the_fit():
    pr = regions.planning_regions()
    moved = pr.copy()
    moved["03461"] = "0302"  # Wesermarsch into Bremen-Umland
    base = regions.check_planning_regions(pr).set_index(["region", "indicator"])["max_rel_gap"]
    worse = regions.check_planning_regions(moved).set_index(["region", "indicator"])["max_rel_gap"]
    assert worse.loc["0302"].max() > 10 * base.loc["0302"].max()


def test_labour_market_regions_cover_every_district_once():
    lmr = regions.labour_market_regions()
    assert len(lmr) == 400 and not lmr.index.duplicated().any() and lmr.nunique() == 223
    # the region Munich holds the city and surrounding districts
    assert lmr["09162"] == lmr["09184"] == lmr["09174"]


@needs_mirror
def test_labour_market_reconstruction_reproduces_published_aggregates():
    gaps = regions.check_labour_market_regions()
    assert set(gaps["region"]) == set(regions.labour_market_regions())
    assert gaps["max_rel_gap"].median() < 0.001
    assert (gaps["max_rel_gap"] < 0.01).mean() > 0.97
    assert gaps["max_rel_gap"].max() < 0.08
