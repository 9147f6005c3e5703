"""German Kreis data: one code vintage, tidy tables, checked against the sources."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pooch
import pytest

from regional_clusters import data
from regional_clusters.data import germany

MIRROR = os.environ.get(data.MIRROR_ENV)
needs_mirror = pytest.mark.skipif(not MIRROR or not Path(MIRROR).is_dir(), reason="no data mirror configured")


# ---------------------------------------------------------------- failure paths (no data needed)

@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(data.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    return tmp_path


def _refuse(*args, **kwargs):
    raise OSError("network disabled in tests")


@pytest.mark.parametrize("key", ["inkar_2024/wirtschaft.parquet", "boundaries_de_2021/Ebene_Kreise.geojson",
                                 "regionalstatistik_2018/12411-01-01-4_00.csv"])
def test_missing_file_is_named(empty_cache, monkeypatch, key):
    monkeypatch.setattr(pooch, "retrieve", _refuse)
    with pytest.raises(data.DataUnavailableError) as err:
        data.fetch(key)
    assert key in str(err.value) and data.MIRROR_ENV in str(err.value)


def test_tampered_inkar_file_is_rejected(empty_cache, monkeypatch):
    key = "inkar_2024/_regionen.parquet"
    mirror = empty_cache / "mirror"
    (mirror / "inkar_2024").mkdir(parents=True)
    tampered = b"PAR1 not the real table"
    (mirror / key).write_bytes(tampered)
    monkeypatch.setenv(data.MIRROR_ENV, str(mirror))
    with pytest.raises(data.ChecksumError) as err:
        data.fetch(key)
    assert hashlib.sha256(tampered).hexdigest() in str(err.value)
    assert not (Path(data.cache_dir()) / key).exists()


def test_crosswalk_is_documented_and_maps_into_one_vintage():
    cw = germany.kreis_crosswalk()
    assert set(cw["old_code"]) == {"03152", "03156", "16056", "06415"}
    assert cw["kreis_2021"].str.fullmatch(r"\d{5}").all()
    text = (Path(germany.__file__).parent / "tables" / "kreis_crosswalk.csv").read_text(encoding="utf-8")
    assert text.startswith("#") and "Sources" in text


def test_genesis_number_conventions():
    assert germany._number("1.234,5") == (1234.5, None)
    assert germany._number("-") == (0.0, "-")
    value, flag = germany._number(".")
    assert np.isnan(value) and flag == "suppressed"


def test_genesis_parser_on_a_hand_made_file(tmp_path):
    text = (
        "GENESIS-Tabelle: 99999-01-01-4\n"
        "Some title;;;;\n"
        ";;;Betriebe;Beschäftigte\n"
        ";;;Anzahl;Anzahl\n"
        "2015;DG;Deutschland;10;100\n"
        "2015;09162;      München;4;.\n"
        "2015;09184;      München, Landkreis;-;20\n"
        "2014;09162;      München;3;30\n"
        "__________\n"
    )
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    out = germany._parse_genesis(path)
    got = out.set_index(["code", "year", "variable"])["value"]
    assert got[("09162", 2015, "Betriebe | Anzahl")] == 4
    assert np.isnan(got[("09162", 2015, "Beschäftigte | Anzahl")])
    assert got[("09184", 2015, "Betriebe | Anzahl")] == 0
    assert got[("09162", 2014, "Beschäftigte | Anzahl")] == 30
    assert set(out["code"]) == {"DG", "09162", "09184"}


# ---------------------------------------------------------------- real data

@needs_mirror
def test_400_kreise_96_in_bavaria_in_every_loader():
    kreise = data.load_kreise()
    assert len(kreise) == 400 and (kreise["land"] == "09").sum() == 96
    assert kreise.index.is_unique
    codes = set(kreise.index)
    assert set(data.inkar_indicator("gdp_per_head").index) == codes
    assert set(data.inkar_indicator("household_income").index) == codes  # 2021 edition: 401 Kreise merged
    assert set(data.load_regionalstatistik("13111-07-05-4")["kreis"]) == codes  # 402 Kreise merged
    assert set(data.load_reat_gdp()["kreis"]) == codes
    features = data.load_kreis_boundaries()["features"]
    assert {f["properties"]["ARS"] for f in features} == codes
    assert len(data.load_laender_boundaries()["features"]) == 16


@needs_mirror
def test_merged_kreise_sum_their_parts():
    pop = data.load_regionalstatistik("12411-01-01-4")
    pop = pop[pop["variable"] == "Insgesamt"].set_index(["kreis", "year"])["value"]
    # Göttingen 2015 = Landkreis Göttingen (old) + Osterode am Harz, from the raw file
    raw = germany._parse_genesis(data.fetch("regionalstatistik_2018/12411-01-01-4_00.csv"))
    raw = raw[(raw["variable"] == "Insgesamt") & (raw["year"] == 2015)].set_index("code")["value"]
    assert pop[("03159", 2015)] == raw["03152"] + raw["03156"]
    assert pop[("16063", 2015)] == raw["16056"] + raw["16063"]
    # REAT: summed GDP and population, per head recomputed
    reat = data.load_reat_gdp().set_index(["kreis", "year"])
    row = reat.loc[("03159", 2014)]
    assert row["gdp_per_head"] == pytest.approx(row["gdp"] * 1e6 / row["population"])


@needs_mirror
def test_inkar_2021_rates_are_population_weighted_over_eisenach():
    import pyarrow.parquet as pq  # noqa: F401  (parquet engine present)

    raw = pd.read_parquet(data.fetch("inkar_2021/privateinkommen_private_schulden.parquet"))
    reg = pd.read_parquet(data.fetch("inkar_2021/_regionen.parquet"))
    raw = raw.merge(reg, left_on="region_id", right_on="id")
    raw = raw[(raw["raumbezug"] == "Kreise") & (raw["zeitbezug"] == "2010")].set_index("kennziffer")["x229"]
    pop = germany._parse_population(data.fetch("regionalstatistik_2018/12411-01-01-4_00.csv"), harmonise=False)
    pop = pop[pop["year"] == 2010].set_index("kreis")["population"]
    expected = (raw[16056.0] * pop["16056"] + raw[16063.0] * pop["16063"]) / (pop["16056"] + pop["16063"])
    assert data.inkar_indicator("household_income").loc["16063", 2010] == pytest.approx(expected)


@needs_mirror
def test_suppressed_cells_are_missing_not_zero():
    est = data.load_regionalstatistik("13111-07-05-4")
    assert est["suppressed"].sum() > 0
    assert est.loc[est["suppressed"], "value"].isna().all()
    assert (est.loc[~est["suppressed"], "value"] >= 0).all()


@needs_mirror
def test_wrong_vintage_and_wrong_year_are_named():
    with pytest.raises(ValueError, match="16056.*16063"):
        data.check_kreis_codes(["09162", "16056"])
    with pytest.raises(ValueError, match="99999"):
        data.check_kreis_codes(["99999"])
    with pytest.raises(ValueError, match="12345"):
        data.harmonise_kreis_codes(["12345"])
    with pytest.raises(ValueError, match="1990"):
        data.inkar_indicator("gdp_per_head", years=[1990, 2000])
    with pytest.raises(ValueError, match="2020"):
        data.regionalstatistik_population([2020])
    with pytest.raises(ValueError, match="no_such"):
        data.inkar_indicator("no_such")


@needs_mirror
def test_inkar_values_pass_through_unchanged():
    raw = pd.read_parquet(data.fetch("inkar_2024/wirtschaft.parquet"))
    raw = raw[(raw["raumbezug"] == "Kreise") & (raw["kennziffer"] == "09162000") & (raw["zeitbezug"] == "2021")]
    assert data.inkar_indicator("gdp_per_head").loc["09162", 2021] == pytest.approx(float(raw["q_bip_ew"].iloc[0]))


@needs_mirror
def test_nuts_boundaries_cover_the_eu_extract():
    nuts2 = data.load_nuts_boundaries(2, 2016)
    ids = {f["properties"]["NUTS_ID"] for f in nuts2["features"]}
    assert {"DE21", "FR10", "PL21"} <= ids
    with pytest.raises(ValueError, match="level"):
        data.load_nuts_boundaries(1)


@needs_mirror
def test_eurostat_urban_rural_covers_every_kreis():
    u = data.eurostat_urban_rural()
    assert len(u) == 400 and set(u.unique()) == {1, 2, 3}
    assert u["09162"] == 1  # München, Stadt: predominantly urban
