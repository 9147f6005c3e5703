"""BA employees by Kreis x occupational group: loader, suppression, harmonisation, fields."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pooch
import pytest

from regional_clusters import data
from regional_clusters.data import occupations as oc

MIRROR = os.environ.get(data.MIRROR_ENV)
needs_mirror = pytest.mark.skipif(not MIRROR or not Path(MIRROR).is_dir(), reason="no data mirror configured")


@pytest.fixture(scope="module")
def raw_401():
    return oc.load_ba_occupations(harmonise=False)


@pytest.fixture(scope="module")
def ba():
    return oc.load_ba_occupations()


@needs_mirror
def test_counts_and_types(raw_401, ba):
    assert raw_401["kreis"].nunique() == 401 and ba["kreis"].nunique() == 400
    assert sorted(ba["year"].unique().tolist()) == list(oc.BA_YEARS)
    groups = set(ba["occupational_group"])
    assert len(groups) == 141 and oc.UNKNOWN_OCCUPATION in groups  # 140 KldB groups + no information
    assert str(ba["employees"].dtype) == "Int64"
    assert len(ba) == 400 * 141 * 13
    assert not ba.duplicated(["kreis", "occupational_group", "year"]).any()
    bavaria = ba.loc[ba["kreis"].str.startswith("09"), "kreis"].nunique()
    assert bavaria == 96


@needs_mirror
def test_suppressed_cells_are_missing_not_zero(raw_401):
    import pyreadr

    src = pyreadr.read_r(str(data.fetch("ba_occupations/employees_by_workplace.rda")))["employees_by_workplace"]
    src = src[(src["type"] == "social insurance") & (src["group"] == "total")]
    assert int(raw_401["suppressed"].sum()) == int(src["n"].isna().sum())
    assert int((raw_401["employees"] == 0).sum()) == int((src["n"] == 0).sum())
    assert raw_401["employees"].isna().equals(raw_401["suppressed"])
    # a suppressed share of about 4 % of the cells, as documented
    assert 0.03 < raw_401["suppressed"].mean() < 0.06


@needs_mirror
def test_eisenach_is_merged_into_the_wartburgkreis(raw_401, ba):
    assert "16056" not in set(ba["kreis"])
    key = ["occupational_group", "year"]
    parts = raw_401[raw_401["kreis"].isin(["16056", "16063"])]
    both = parts.groupby(key)["employees"].agg(lambda s: s.sum() if s.notna().all() else pd.NA)
    merged = ba[ba["kreis"] == "16063"].set_index(key)["employees"]
    pd.testing.assert_series_equal(merged.sort_index(), both.astype("Int64").sort_index(), check_names=False)
    # a merged cell with one suppressed part is suppressed
    some = parts.groupby(key)["employees"].apply(lambda s: s.isna().any())
    assert merged[some[some].index].isna().all()
    # unaffected Kreise are unchanged
    munich = raw_401[raw_401["kreis"] == "09162"].reset_index(drop=True)
    pd.testing.assert_frame_equal(munich, ba[ba["kreis"] == "09162"].reset_index(drop=True))


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="place"):
        oc.load_ba_occupations("home")
    with pytest.raises(ValueError, match="employment"):
        oc.load_ba_occupations(employment="all")
    with pytest.raises(ValueError, match="group"):
        oc.load_ba_occupations(group="men")
    with pytest.raises(ValueError, match="by must be"):
        oc.field_employment(pd.DataFrame(), by="sector")


def test_coding_table_covers_every_group_once():
    fields = oc.occupation_fields()
    assert not fields["occupational_group"].duplicated().any()
    assert fields["occupational_group"].str.fullmatch(r"\d{3}").all()
    assert set(fields["tech_intensity"]) == {"high", "medium", "low", "unclassified"}
    assert fields["rationale"].str.startswith("KldB 2010 Berufshauptgruppe").all()
    # each group's Berufshauptgruppe is the first two digits of its code
    assert (fields["rationale"].str[28:30] == fields["occupational_group"].str[:2]).all()
    ict = fields.loc[fields["field"] == "ICT", "occupational_group"].tolist()
    assert ict == ["431", "432", "433", "434"]
    # only technology fields carry a technology class
    assert (fields.loc[fields["field_kind"] != "technology", "tech_intensity"] == "unclassified").all()


@needs_mirror
def test_coding_table_matches_the_ba_code_list():
    codes = set(oc.load_occupation_codes()["occupational_group"]) - {oc.UNKNOWN_OCCUPATION}
    assert codes == set(oc.occupation_fields()["occupational_group"])


def test_field_employment_sums_reported_cells_and_counts_suppressed():
    frame = pd.DataFrame({
        "kreis": ["01001"] * 5,
        "occupational_group": ["431", "432", "434", "252", oc.UNKNOWN_OCCUPATION],
        "year": [2013] * 5,
        "employees": pd.array([10, pd.NA, 5, 7, 3], dtype="Int64"),
    })
    out = oc.field_employment(frame).set_index("field")
    assert out.loc["ICT", "employees"] == 15.0
    assert out.loc["ICT", "cells"] == 3 and out.loc["ICT", "suppressed_cells"] == 1
    assert out.loc["Vehicle and aerospace engineering", "suppressed_cells"] == 0
    assert len(out) == 2  # the unknown occupation belongs to no field
    by_tech = oc.field_employment(frame, by="tech_intensity").set_index("tech_intensity")
    assert by_tech.loc["high", "employees"] == 15.0 and by_tech.loc["medium", "employees"] == 7.0
    with pytest.raises(ValueError, match="occupational group '999'"):
        oc.field_employment(frame.assign(occupational_group=["999"] * 5))


def test_missing_file_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv(data.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)

    def refuse(*args, **kwargs):
        raise ConnectionError("network disabled in tests")

    monkeypatch.setattr(pooch, "retrieve", refuse)
    oc._selected.cache_clear()
    with pytest.raises(data.DataUnavailableError, match="ba_occupations/employees_by_workplace.rda"):
        oc.load_ba_occupations()
    oc._selected.cache_clear()


def test_tampered_file_is_rejected(tmp_path, monkeypatch):
    key = "ba_occupations/occupational_group_codes.rda"
    mirror = tmp_path / "mirror"
    (mirror / "ba_occupations").mkdir(parents=True)
    (mirror / key).write_bytes(b"not the BA file")
    monkeypatch.setenv(data.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setenv(data.MIRROR_ENV, str(mirror))
    with pytest.raises(data.ChecksumError, match=key):
        oc.load_occupation_codes()
