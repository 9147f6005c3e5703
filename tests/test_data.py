"""Data layer: registry, verified fetch, failure paths and loader contracts.

Tests never touch the network: downloads are replaced by stubs.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd
import pooch
import pytest

from regional_clusters import data
import importlib

fetch_mod = importlib.import_module("regional_clusters.data.fetch")

MIRROR = os.environ.get(data.MIRROR_ENV)
needs_mirror = pytest.mark.skipif(
    not MIRROR or not Path(MIRROR).is_dir(), reason="no data mirror configured"
)

SHARED_README = Path(__file__).resolve().parents[2] / "shared" / "data" / "README.md"


def test_registry_matches_the_mirror_readme():
    """Every file the mirror README lists is registered with the same hash."""
    if not SHARED_README.exists():
        pytest.skip("mirror README not available")
    listed = {}
    for line in SHARED_README.read_text().splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 4 and len(cells[3]) == 64:
            listed[cells[0]] = cells[3]
    assert listed == {k: s.sha256 for k, s in data.SOURCES.items()}


def test_urls_are_pinned_to_commits():
    for source in data.SOURCES.values():
        assert source.commit in source.url and len(source.commit) == 40
        assert source.url.startswith("https://raw.githubusercontent.com/")


def test_unknown_key_is_named():
    with pytest.raises(KeyError, match="no_such_file"):
        data.fetch("no_such_file.csv")


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(data.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    return tmp_path / "cache"


def _refuse_network(*args, **kwargs):
    raise ConnectionError("network disabled in tests")


def test_offline_without_mirror_names_file_and_remedy(empty_cache, monkeypatch):
    monkeypatch.setattr(pooch, "retrieve", _refuse_network)
    with pytest.raises(data.DataUnavailableError) as err:
        data.load_uspto_patents()
    msg = str(err.value)
    assert "uspto_cbsa/cbsa_uspto.csv" in msg
    assert data.MIRROR_ENV in msg and "internet" in msg


def test_tampered_mirror_file_is_rejected_and_not_kept(empty_cache, tmp_path, monkeypatch):
    key = "uspto_cbsa/cbsa_uspto.csv"
    mirror = tmp_path / "mirror"
    (mirror / "uspto_cbsa").mkdir(parents=True)
    tampered = b"cbsa_code,cbsa_name,year,patents_issued\n10180,X,2000,1\n"
    (mirror / key).write_bytes(tampered)
    monkeypatch.setenv(data.MIRROR_ENV, str(mirror))
    with pytest.raises(data.ChecksumError) as err:
        data.fetch(key)
    msg = str(err.value)
    assert key in msg
    assert data.get_source(key).sha256 in msg
    assert hashlib.sha256(tampered).hexdigest() in msg
    assert not (empty_cache / key).exists()


def test_tampered_download_is_rejected_and_not_kept(empty_cache, monkeypatch):
    key = "uspto_cbsa/cbsa_uspto.csv"

    def fake_retrieve(url, known_hash, fname, path, progressbar):
        Path(path, fname).write_text("not the real file")

    monkeypatch.setattr(pooch, "retrieve", fake_retrieve)
    with pytest.raises(data.ChecksumError, match="expected sha256"):
        data.fetch(key)
    assert not (empty_cache / key).exists()


def test_corrupted_cache_copy_is_replaced(empty_cache, monkeypatch):
    if not MIRROR:
        pytest.skip("no data mirror configured")
    key = "uspto_cbsa/cbsa_uspto.csv"
    bad = empty_cache / key
    bad.parent.mkdir(parents=True)
    bad.write_text("truncated")
    monkeypatch.setenv(data.MIRROR_ENV, MIRROR)
    path = data.fetch(key)
    assert fetch_mod._sha256(path) == data.get_source(key).sha256


def test_to_wide_rejects_duplicates():
    long = pd.DataFrame({"r": ["a", "a"], "i": ["x", "x"], "v": [1, 2]})
    with pytest.raises(ValueError, match="'a'.*more than once"):
        data.to_wide(long, "r", "i", "v")


def test_read_mpx_rejects_short_edge_line(tmp_path):
    path = tmp_path / "bad.mpx"
    path.write_text("#EDGES\na,b\n")
    with pytest.raises(ValueError, match="a,b"):
        data.read_mpx(path)


def test_coding_table_unknown_name():
    with pytest.raises(ValueError, match="known tables"):
        data.coding_table("nope")


# ---------------------------------------------------------------- loaders


@needs_mirror
def test_cluster_mapping_counts():
    cmp = data.load_cluster_mapping()
    areas = cmp.drop_duplicates("region_code")
    assert len(areas) == 917
    assert (areas["region_type"] == "metropolitan").sum() == 381
    assert (areas["region_type"] == "micropolitan").sum() == 536
    clusters = cmp.drop_duplicates("cluster_code")
    assert len(clusters) == 67 and clusters["traded"].sum() == 51
    assert len(cmp) == 917 * 67
    assert not cmp.duplicated(["region_code", "cluster_code"]).any()
    # strong is defined for traded clusters only
    assert cmp.loc[~cmp["traded"], "strong"].isna().all()
    states = data.load_cluster_mapping("state")
    assert states["region_code"].nunique() == 50 and set(states["region_type"]) == {"state"}
    with pytest.raises(ValueError, match="level"):
        data.load_cluster_mapping("county")


@needs_mirror
def test_cluster_definitions_partition_industries():
    defs = data.load_cluster_definitions()
    assert not defs["naics_code"].duplicated().any()
    assert defs["cluster_code"].nunique() == 67
    assert defs["naics_code"].str.fullmatch(r"\d{6}").all()
    links = data.load_cluster_links()
    assert len(links) == 115 and links["cluster_name"].notna().all()


@needs_mirror
def test_cbp_suppression_is_not_a_zero():
    cbp = data.load_cbp_2019()
    assert len(cbp) == 569_017 and cbp["cbsa_code"].nunique() == 933
    sup = cbp["employment_suppressed"]
    assert sup.sum() > 0
    assert cbp.loc[sup, "employment"].isna().all()
    assert (cbp.loc[sup, "establishments"] > 0).all()
    assert cbp.loc[~sup, "employment"].notna().all()
    assert set(data.load_cluster_mapping()["region_code"]) <= set(cbp["cbsa_code"])


@needs_mirror
def test_h2020_join_keeps_every_participation():
    h = data.load_h2020()
    assert len(h) == 144_726
    assert h["org_id"].nunique() == 35_871
    assert h["actor_group"].notna().all()
    # the primary field is one of the project's parts
    sample = h.dropna(subset=["field"]).drop_duplicates("project_id")
    assert all(f in parts.split("+") for f, parts in zip(sample["field"], sample["programme_parts"]))


@needs_mirror
def test_eurostat_indicators_have_units():
    eu = data.load_eurostat_nuts2()
    assert set(eu["indicator"]) == set(data.EUROSTAT_INDICATORS["indicator"])
    units = eu.groupby("indicator")["unit"].unique()
    expected = data.EUROSTAT_INDICATORS.set_index("indicator")["unit"]
    for ind, u in units.items():
        assert list(u) == [expected[ind]]
    assert not eu.duplicated(["geo", "year", "indicator"]).any()
    assert {f"DE2{i}" for i in range(1, 8)} <= set(eu["geo"])


def test_packaged_data():
    inc = data.load_us_state_incomes()
    assert inc.shape == (48 * 81, 4)
    mex = data.load_mexico_states()
    assert mex["state"].nunique() == 32
    for name, n_layers in [("aucs", 5), ("tailorshop", 4), ("padgett", 2)]:
        net = data.load_multiplex(name)
        assert len(net.layers) == n_layers
        assert set(net.edges["layer"]) <= set(net.layers["layer"])
