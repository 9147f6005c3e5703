"""German districts (Kreise): INKAR, Regionalstatistik, REAT and boundaries.

Every loader returns Kreis codes of ONE vintage, the 400 Kreise of
31 December 2021 (96 in Bavaria), the vintage of INKAR 2024. Codes of other
vintages are mapped by the crosswalk table ``kreis_crosswalk`` (see
:func:`kreis_crosswalk`): counts are summed, rates are recomputed from the
summed counts or averaged with population weights. A code that belongs to
no vintage the crosswalk knows raises ``ValueError`` naming it.

Parsed tables are cached as Parquet in the cache folder, keyed by the
checksums of the source files, like the other loaders of
:mod:`regional_clusters.data`.
"""

from __future__ import annotations

import functools
import io
import json
import re

import numpy as np
import pandas as pd

from .fetch import fetch
from .loaders import _parsed, _read_rds, coding_table

__all__ = [
    "KREIS_VINTAGE",
    "INKAR_INDICATORS",
    "kreis_crosswalk",
    "harmonise_kreis_codes",
    "check_kreis_codes",
    "load_kreise",
    "load_inkar",
    "inkar_indicator",
    "load_inkar_aggregates",
    "load_inkar_europa",
    "load_regionalstatistik",
    "regionalstatistik_population",
    "load_reat_gdp",
    "load_kreis_boundaries",
    "load_laender_boundaries",
    "load_nuts_boundaries",
    "kreis_geodataframe",
    "eurostat_urban_rural",
]

# Bump when a parser here changes, so that stale parsed caches are not reused.
_VERSION = 4

#: Reference date of the Kreis codes every loader returns (400 Kreise).
KREIS_VINTAGE = "2021-12-31"

_INKAR_2024_TABLES = ("wirtschaft", "siedlungsstruktur", "raumwirksame_mittel")
_INKAR_2021_TABLES = (
    "privateinkommen_private_schulden", "verkehr_und_erreichbarkeit", "oeffentliche_finanzen",
    "siedlungsstruktur", "wirtschaft",
)

#: Short English names for the INKAR indicators the book uses:
#: name -> (edition, table, column, description with unit).
INKAR_INDICATORS = {
    "gdp_per_head": (2024, "wirtschaft", "q_bip_ew", "GDP per inhabitant, 1,000 euro"),
    "gdp_per_worker": (2024, "wirtschaft", "q_bip_et", "GDP per person in employment, 1,000 euro"),
    "gva_share_industry": (2024, "wirtschaft", "a_bws_2sektor", "share of the secondary sector in GVA, %"),
    "gva_per_worker_industry": (2024, "wirtschaft", "q_bws_2sektor",
                                "GVA per person employed in the secondary sector, 1,000 euro"),
    "manufacturing_turnover": (2024, "wirtschaft", "q_iumsatz",
                               "turnover of mining and manufacturing per person employed, 1,000 euro"),
    "manufacturing_foreign_turnover": (2024, "wirtschaft", "q_iumsatz_ausl",
                                       "foreign turnover of mining and manufacturing per person employed, 1,000 euro"),
    "establishments_large": (2024, "wirtschaft", "a_betr_groß",
                             "establishments with 250 or more employees, % of establishments"),
    "establishments_micro": (2024, "wirtschaft", "a_betr_kleinst",
                             "establishments with fewer than 10 employees, % of establishments"),
    "density": (2024, "siedlungsstruktur", "q_bev_fl", "inhabitants per km2"),
    "rurality": (2024, "siedlungsstruktur", "a_bevd150_",
                 "share of inhabitants in municipalities below 150 inhabitants per km2, %"),
    "share_oberzentren": (2024, "siedlungsstruktur", "a_bevOZ", "population share in Oberzentren, %"),
    "share_mittelzentren": (2024, "siedlungsstruktur", "a_bevMZ", "population share in Mittelzentren, %"),
    "project_funding": (2024, "raumwirksame_mittel", "q_rwm_dpf_10_bev",
                        "direct project funding of federal ministries, 10-year sum, euro per inhabitant"),
    "university_funding": (2024, "raumwirksame_mittel", "q_rwm_hsf_10_bev",
                           "federal university funding, 10-year sum, euro per inhabitant"),
    "grw_firms": (2024, "raumwirksame_mittel", "q_rwm_grw_gw_10_bev",
                  "GRW regional aid to firms, 10-year sum, euro per inhabitant"),
    "grw_infrastructure": (2024, "raumwirksame_mittel", "q_rwm_grw_ri_10_bev",
                           "GRW aid to business infrastructure, 10-year sum, euro per inhabitant"),
    "household_income": (2021, "privateinkommen_private_schulden", "x229",
                         "household income per inhabitant, euro per month"),
    "median_earnings": (2021, "privateinkommen_private_schulden", "x224",
                        "median monthly earnings of full-time employees, euro"),
    "travel_time_oberzentrum": (2021, "verkehr_und_erreichbarkeit", "x337",
                                "car travel time to the nearest Oberzentrum, minutes"),
    "population_potential": (2021, "siedlungsstruktur", "x301",
                             "population within 100 km (regional population potential), 1,000"),
}


# --------------------------------------------------------------------------
# codes and the crosswalk


def kreis_crosswalk() -> pd.DataFrame:
    """Kreis codes of other vintages and the 2021 Kreis that contains each.

    Returns
    -------
    pandas.DataFrame
        Columns ``old_code``, ``old_name``, ``kreis_2021``, ``name_2021``,
        ``change`` and ``effective`` (date of the change), one row per code
        that differs from the 2021 vintage. The file's header lines give the
        sources (Destatis Gebietsaenderungen and the code lists of the data).

    Examples
    --------
    >>> kreis_crosswalk().set_index("old_code").loc["16056", "kreis_2021"]
    '16063'
    """
    return coding_table("kreis_crosswalk").astype({"old_code": str, "kreis_2021": str}).assign(
        old_code=lambda d: d["old_code"].str.zfill(5), kreis_2021=lambda d: d["kreis_2021"].str.zfill(5)
    )


@functools.lru_cache(maxsize=1)
def _codes_2021() -> frozenset:
    return frozenset(load_kreise().index)


def _to_kreis5(codes) -> pd.Series:
    """Normalise raw codes (int, float, 5- or 8-digit strings) to 5-digit strings."""
    s = pd.Series(codes)
    if pd.api.types.is_numeric_dtype(s):
        bad = s.isna() | (s != np.floor(s))
        if bad.any():
            raise ValueError(f"Kreis code {s[bad].iloc[0]!r} is not an integer code")
        s = s.astype("int64").astype(str)
        s = s.where(s.str.len() > 5, s.str.zfill(5))
        s = s.where(s.str.len() <= 5, s.str.zfill(8).str[:5])
    else:
        s = s.astype(str).str.strip()
        s = s.where(s.str.len() != 8, s.str[:5])
        s = s.where(~s.str.fullmatch(r"\d{3,4}"), s.str.zfill(5))  # leading zero lost
    bad = ~s.str.fullmatch(r"\d{5}")
    if bad.any():
        raise ValueError(f"Kreis code {s[bad].iloc[0]!r} is not a 5-digit (or 8-digit) AGS")
    return s


def harmonise_kreis_codes(codes) -> pd.Series:
    """Map Kreis codes of any known vintage to the 400 Kreise of 2021.

    Parameters
    ----------
    codes : sequence of str or int
        5-digit AGS (``"09162"``), 8-digit INKAR ``kennziffer``
        (``"09162000"``) or their integer forms.

    Returns
    -------
    pandas.Series
        The 2021 Kreis code (5-digit str) of each input, in input order,
        indexed by the normalised input code.

    Raises
    ------
    ValueError
        If a code is malformed or belongs to no vintage the crosswalk knows;
        the message names the first such code.

    Examples
    --------
    >>> harmonise_kreis_codes(["03152", "03156", "09162000", 16056]).tolist()
    ['03159', '03159', '09162', '16063']
    """
    s = _to_kreis5(codes)
    mapping = kreis_crosswalk().set_index("old_code")["kreis_2021"]
    out = s.map(mapping).fillna(s)
    unknown = ~out.isin(_codes_2021())
    if unknown.any():
        raise ValueError(
            f"Kreis code {s[unknown].iloc[0]!r} is neither one of the 400 Kreise of {KREIS_VINTAGE} nor "
            "a code of an older or newer vintage listed in the crosswalk table kreis_crosswalk"
        )
    return pd.Series(out.to_numpy(), index=pd.Index(s.to_numpy(), name="code"), name="kreis")


def check_kreis_codes(codes, *, name: str = "codes") -> pd.Index:
    """Check that codes are Kreise of the 2021 vintage; return them as an Index.

    Parameters
    ----------
    codes : sequence of str
        5-digit Kreis codes.
    name : str
        Name of the argument in error messages.

    Returns
    -------
    pandas.Index
        The codes, as 5-digit strings.

    Raises
    ------
    ValueError
        If a code is of another vintage (the message names it and the 2021
        Kreis it maps to) or is no Kreis code at all.

    Examples
    --------
    >>> list(check_kreis_codes(["09162", "09184"]))
    ['09162', '09184']
    """
    s = _to_kreis5(list(codes))
    crosswalk = kreis_crosswalk().set_index("old_code")
    for code in s:
        if code in _codes_2021():
            continue
        if code in crosswalk.index:
            row = crosswalk.loc[code]
            raise ValueError(
                f"{name}: Kreis code {code!r} ({row['old_name']}) is of another vintage; the {KREIS_VINTAGE} "
                f"vintage has it in {row['kreis_2021']!r} ({row['name_2021']}); use harmonise_kreis_codes"
            )
        raise ValueError(f"{name}: {code!r} is not one of the 400 Kreis codes of {KREIS_VINTAGE}")
    return pd.Index(s.to_numpy(), name="kreis")


def _merge_codes(frame: pd.DataFrame, code_col: str, by: list[str], counts: list[str],
                 weighted: list[str] = (), weight: str | None = None) -> pd.DataFrame:
    """Harmonise codes and aggregate rows that fall into one 2021 Kreis.

    ``counts`` are summed (missing if any part is missing); ``weighted`` are
    averaged with the ``weight`` column.
    """
    frame = frame.copy()
    frame[code_col] = harmonise_kreis_codes(frame[code_col]).to_numpy()
    keys = [code_col, *by]
    if not frame.duplicated(keys).any():
        return frame
    # only the Kreise that receive merged codes need aggregating
    targets = set(kreis_crosswalk()["kreis_2021"])
    touched = frame[code_col].isin(targets)
    if not touched.all():
        merged = _merge_codes(frame[touched], code_col, by, counts, weighted, weight)
        return pd.concat([frame[~touched], merged[frame.columns]], ignore_index=True)
    agg = {c: (lambda x: x.sum(min_count=len(x))) for c in counts}
    if weighted:
        alone = frame.groupby(keys, sort=False)[code_col].transform("size") == 1
        w = frame[weight].where(~alone, 1.0)  # a Kreis that is merged with nothing needs no weight
        for c in weighted:
            frame[f"__{c}"] = frame[c] * w
            frame[f"__w_{c}"] = w.where(frame[c].notna())
        agg.update({f"__{c}": lambda x: x.sum(min_count=len(x)) for c in weighted})
        agg.update({f"__w_{c}": lambda x: x.sum(min_count=len(x)) for c in weighted})
    other = [c for c in frame.columns if c not in keys and c not in agg and not c.startswith("__")]
    agg.update({c: "first" for c in other})
    out = frame.groupby(keys, sort=False, dropna=False).agg(agg).reset_index()
    for c in weighted:
        out[c] = out.pop(f"__{c}") / out.pop(f"__w_{c}")
    return out


# --------------------------------------------------------------------------
# the 400 Kreise and their boundaries

_LAENDER = {
    "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
    "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
    "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg", "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen",
}


def _fix_mojibake(text: str) -> str:
    """The VG5000 attribute table holds UTF-8 bytes read as Latin-1."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


@_parsed(f"kreise_2021-g{_VERSION}", ("boundaries_de_2021/VG5000_KRS.dbf", "inkar_2024/_regionen.parquet"))
def _kreise(dbf_path, regionen_path):
    import geopandas as gpd

    dbf = pd.DataFrame(gpd.read_file(dbf_path, ignore_geometry=True))
    dbf = dbf[dbf["GF"] == 4] if (dbf["GF"] == 4).any() else dbf
    inkar = pd.read_parquet(regionen_path)
    inkar = inkar[inkar["raumbezug"] == "Kreise"]
    inkar_codes = inkar["kennziffer"].str[:5]
    frame = pd.DataFrame({
        "kreis": dbf["ARS"].astype(str).str[:5],
        "bkg_name": dbf["GEN"].astype(str).map(_fix_mojibake),
        "kind": dbf["BEZ"].astype(str),
        "nuts3": dbf["NUTS"].astype(str),
    })
    frame = frame[frame["kreis"].isin(set(inkar_codes)) | ~frame["kreis"].isin(
        kreis_crosswalk()["old_code"])]
    names = pd.Series(inkar["name"].to_numpy(), index=inkar_codes.to_numpy())
    frame["name"] = frame["kreis"].map(names)
    frame["land"] = frame["kreis"].str[:2]
    frame["land_name"] = frame["land"].map(_LAENDER)
    frame["nuts2"] = frame["nuts3"].str[:4]
    frame["kreisfrei"] = frame["kind"].isin(["Kreisfreie Stadt", "Stadtkreis"])
    missing = sorted(set(inkar_codes) - set(frame["kreis"]))
    if missing or len(frame) != 400:
        raise ValueError(f"Kreis lists of BKG 2021 and INKAR 2024 disagree: {missing or len(frame)}")
    return frame[["kreis", "name", "bkg_name", "kind", "kreisfrei", "land", "land_name", "nuts2", "nuts3"]] \
        .sort_values("kreis", ignore_index=True)


def load_kreise() -> pd.DataFrame:
    """The 400 Kreise of 31 December 2021 (96 in Bavaria).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``kreis`` (5-digit AGS), columns ``name`` (INKAR name),
        ``bkg_name``, ``kind`` (Landkreis, Kreis, Kreisfreie Stadt,
        Stadtkreis), ``kreisfrei`` (bool), ``land`` (2-digit code),
        ``land_name``, ``nuts2`` and ``nuts3`` (Eurostat codes from the BKG
        attribute table, which match Eurostat's for every Kreis).

    Notes
    -----
    The list is the BKG VG5000 table of 1 January 2021 without Eisenach
    (16056), which joined the Wartburgkreis (16063) on 1 July 2021; it is
    checked to equal the Kreis list of INKAR 2024.

    Examples
    --------
    >>> k = load_kreise()
    >>> len(k), int((k["land"] == "09").sum())
    (400, 96)
    """
    return _kreise().set_index("kreis")


def _geometry_table(path, id_field: str, keep=None) -> pd.DataFrame:
    import geopandas as gpd
    import shapely

    gdf = gpd.read_file(path)
    if keep is not None:
        gdf = gdf[keep(gdf)]
    return pd.DataFrame({"code": gdf[id_field].astype(str).to_numpy(),
                         "name": gdf["GEN" if "GEN" in gdf else "NUTS_NAME"].astype(str).to_numpy(),
                         "wkb": shapely.to_wkb(gdf.geometry.to_numpy())})


@_parsed(f"kreis_boundaries_2021-g{_VERSION}", ("boundaries_de_2021/Ebene_Kreise.geojson",))
def _kreis_geometry(path):
    import shapely

    table = _geometry_table(path, "ARS")
    table["code"] = harmonise_kreis_codes(table["code"]).to_numpy()
    geoms = shapely.from_wkb(table["wkb"].to_numpy())
    merged = (pd.Series(geoms, index=table["code"]).groupby(level=0)
              .agg(lambda g: shapely.union_all(g.to_numpy())))
    names = load_kreise()["bkg_name"]
    return pd.DataFrame({"code": merged.index, "name": names.loc[merged.index].to_numpy(),
                         "wkb": shapely.to_wkb(merged.to_numpy())})


@_parsed(f"laender_boundaries_2021-g{_VERSION}", ("boundaries_de_2021/Ebene_Kreise.geojson",))
def _laender_geometry(path):
    # Dissolved from the Kreise: the Länder file also holds coastal waters and Lake Constance
    # as separate features with the same key, without the GF attribute that tells them apart.
    import shapely

    kreise = _kreis_geometry()
    geoms = pd.Series(shapely.from_wkb(kreise["wkb"].to_numpy()), index=kreise["code"].str[:2])
    merged = geoms.groupby(level=0).agg(lambda g: shapely.union_all(g.to_numpy()))
    return pd.DataFrame({"code": merged.index, "name": merged.index.map(_LAENDER),
                         "wkb": shapely.to_wkb(merged.to_numpy())})


def _feature_collection(table: pd.DataFrame, id_key: str) -> dict:
    import shapely

    geoms = shapely.from_wkb(table["wkb"].to_numpy())
    features = [
        {"type": "Feature", "id": code,
         "properties": {id_key: code, "name": name},
         "geometry": json.loads(shapely.to_geojson(g))}
        for code, name, g in zip(table["code"], table["name"], geoms)
    ]
    return {"type": "FeatureCollection", "features": features}


def load_kreis_boundaries() -> dict:
    """Boundaries of the 400 Kreise of 2021 as a GeoJSON FeatureCollection.

    Returns
    -------
    dict
        GeoJSON in longitude/latitude; each feature has ``id`` and
        ``properties.ARS`` (5-digit Kreis code) and ``properties.name``.
        Pass it to ``regional_clusters.plotting.choropleth`` with
        ``featureidkey="properties.ARS"``.

    Notes
    -----
    BKG VG5000 of 1 January 2021 (© GeoBasis-DE / BKG 2021, dl-de/by-2-0);
    Eisenach is dissolved into the Wartburgkreis (Daten verändert).

    Examples
    --------
    >>> len(load_kreis_boundaries()["features"])
    400
    """
    return _feature_collection(_kreis_geometry(), "ARS")


def load_laender_boundaries() -> dict:
    """Boundaries of the 16 Länder (BKG VG5000, 2021) as GeoJSON.

    Returns
    -------
    dict
        Features keyed by ``properties.ARS`` (2-digit Land code), dissolved
        from the Kreis boundaries (so without coastal waters and Lake
        Constance, which the published Länder file holds as extra features).

    Examples
    --------
    >>> len(load_laender_boundaries()["features"])
    16
    """
    return _feature_collection(_laender_geometry(), "ARS")


def load_nuts_boundaries(level: int = 2, version: int = 2016) -> dict:
    """Eurostat GISCO NUTS boundaries at 1:20 million.

    Parameters
    ----------
    level : {2, 3}
    version : {2016, 2021}

    Returns
    -------
    dict
        The GeoJSON FeatureCollection as published, features keyed by
        ``properties.NUTS_ID`` (the 2016 NUTS 3 file also carries
        ``URBN_TYPE``, Eurostat's urban-rural typology).

    Raises
    ------
    ValueError
        If ``level`` or ``version`` is not available.

    Examples
    --------
    >>> len(load_nuts_boundaries(2)["features"]) > 300
    True
    """
    if level not in (2, 3) or version not in (2016, 2021):
        raise ValueError(f"NUTS boundaries exist for level 2 or 3 and version 2016 or 2021, "
                         f"got level={level!r}, version={version!r}")
    path = fetch(f"boundaries_nuts/NUTS_RG_20M_{version}_4326_LEVL_{level}.geojson")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def eurostat_urban_rural() -> pd.Series:
    """Eurostat's urban-rural typology of the 400 Kreise (NUTS 3, version 2016).

    Eurostat classifies NUTS 3 regions by the share of their population in
    rural grid cells of 1 km²: 1 predominantly urban, 2 intermediate, 3
    predominantly rural. A method independent of the BBSR's district types,
    useful to check them.

    Returns
    -------
    pandas.Series
        Type 1-3 (int) indexed by the 5-digit Kreis code, named
        ``urban_rural``, joined through the NUTS 3 codes of the BKG table.

    Raises
    ------
    ValueError
        If a Kreis has no NUTS 3 region in the GISCO file.

    Examples
    --------
    >>> u = eurostat_urban_rural()
    >>> len(u), sorted(int(v) for v in u.unique())
    (400, [1, 2, 3])
    """
    nuts = load_nuts_boundaries(3, 2016)
    types = pd.Series({f["properties"]["NUTS_ID"]: f["properties"]["URBN_TYPE"] for f in nuts["features"]})
    out = load_kreise()["nuts3"].map(types)
    if out.isna().any():
        raise ValueError(f"Kreis {out.index[out.isna()][0]!r} has no NUTS 3 region in the GISCO 2016 file")
    return out.astype(int).rename("urban_rural")


def kreis_geodataframe():
    """The 400 Kreise as a GeoDataFrame (EPSG 4326), indexed by Kreis code.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns of :func:`load_kreise` plus ``geometry``; use it to build
        spatial weights with libpysal (``libpysal.weights.Queen.from_dataframe``).

    Examples
    --------
    >>> kreis_geodataframe().crs.to_epsg()
    4326
    """
    import geopandas as gpd
    import shapely

    table = _kreis_geometry()
    geo = gpd.GeoDataFrame(load_kreise().loc[table["code"]],
                           geometry=shapely.from_wkb(table["wkb"].to_numpy()), crs="EPSG:4326")
    return geo


# --------------------------------------------------------------------------
# INKAR


def _inkar_2024_long(table_path, regionen_path=None) -> pd.DataFrame:
    raw = pd.read_parquet(table_path)
    value_cols = [c for c in raw.columns if c not in ("raumbezug", "kennziffer", "name", "zeitbezug")]
    long = raw.melt(id_vars=["raumbezug", "kennziffer", "name", "zeitbezug"], value_vars=value_cols,
                    var_name="indicator", value_name="value").dropna(subset=["value"])
    return long


def _inkar_2021_long(table_path, regionen_path) -> pd.DataFrame:
    raw = pd.read_parquet(table_path)
    regionen = pd.read_parquet(regionen_path)
    value_cols = [c for c in raw.columns if c.startswith("x")]
    long = raw.melt(id_vars=["region_id", "zeitbezug"], value_vars=value_cols,
                    var_name="indicator", value_name="value").dropna(subset=["value"])
    long = long.merge(regionen.rename(columns={"id": "region_id"}), on="region_id", how="left")
    code = long["kennziffer"]
    long["kennziffer"] = np.where(code.notna(), code.fillna(0).astype("int64").astype(str), long["kennziffer_eu"])
    return long.drop(columns=["region_id", "kennziffer_eu"])


def _inkar_kreise(long: pd.DataFrame, weights: pd.DataFrame | None) -> pd.DataFrame:
    k = long[long["raumbezug"] == "Kreise"].copy()
    k["kreis"] = _to_kreis5(k["kennziffer"].astype(str)).to_numpy()
    k = k[k["zeitbezug"].str.fullmatch(r"\d{4}")]
    k["year"] = k["zeitbezug"].astype("int64")
    k = k[["kreis", "year", "indicator", "value"]]
    if weights is not None:
        # population weights for merging rates of Kreise that were merged later (Eisenach)
        k = k.merge(weights, on=["kreis", "year"], how="left")
        k["population"] = k["population"].fillna(k.groupby("kreis")["population"].transform("last"))
        k = _merge_codes(k, "kreis", ["year", "indicator"], counts=[], weighted=["value"], weight="population")
        k = k.drop(columns="population")
    else:
        k["kreis"] = harmonise_kreis_codes(k["kreis"]).to_numpy()
    return k.sort_values(["indicator", "kreis", "year"], ignore_index=True)


def _make_inkar_loader(edition: int, table: str):
    commit_dir = f"inkar_{edition}"
    keys = (f"{commit_dir}/{table}.parquet", f"{commit_dir}/_regionen.parquet",
            "regionalstatistik_2018/12411-01-01-4_00.csv")

    @_parsed(f"inkar_{edition}_{table}_kreise-g{_VERSION}", keys)
    def parse(table_path, regionen_path, pop_path):
        long = (_inkar_2024_long if edition == 2024 else _inkar_2021_long)(table_path, regionen_path)
        weights = None
        if edition == 2021:
            pop = _parse_population(pop_path, harmonise=False)  # weights of the Kreise before merging
            last = pop[pop["year"] == pop["year"].max()]
            later = pd.DataFrame({"kreis": np.repeat(last["kreis"].to_numpy(), 10),
                                  "year": np.tile(np.arange(2016, 2026), len(last)),
                                  "population": np.repeat(last["population"].to_numpy(), 10)})
            weights = pd.concat([pop, later], ignore_index=True)
        return _inkar_kreise(long, weights)

    return parse


_INKAR_KREIS_LOADERS = {
    **{(2024, t): _make_inkar_loader(2024, t) for t in _INKAR_2024_TABLES},
    **{(2021, t): _make_inkar_loader(2021, t) for t in _INKAR_2021_TABLES},
}


def load_inkar(table: str, edition: int = 2024) -> pd.DataFrame:
    """One INKAR table at Kreis level, in long form, on the 2021 Kreis codes.

    Parameters
    ----------
    table : str
        Table name, e.g. ``"wirtschaft"``, ``"siedlungsstruktur"``,
        ``"raumwirksame_mittel"`` (2024) or ``"privateinkommen_private_schulden"``,
        ``"verkehr_und_erreichbarkeit"`` (2021).
    edition : {2024, 2021}
        2024: 400 Kreise; 2021: 401 Kreise, Eisenach merged into the
        Wartburgkreis with population weights (Regionalstatistik population of
        the same year, of 2015 after 2015).

    Returns
    -------
    pandas.DataFrame
        Columns ``kreis`` (5-digit str), ``year`` (int), ``indicator``
        (INKAR column: ``kuerzel`` in 2024, ``x<id>`` in 2021, see
        ``inkar_{edition}/_indikatoren.parquet``) and ``value`` (float);
        missing values are dropped. Multi-year periods (e.g. "2016/2017/2018")
        are dropped.

    Raises
    ------
    ValueError
        If the table is not mirrored for that edition.

    Examples
    --------
    >>> w = load_inkar("wirtschaft")
    >>> w.loc[w["indicator"] == "q_bip_ew", "kreis"].nunique()
    400
    """
    try:
        return _INKAR_KREIS_LOADERS[(edition, table)]()
    except KeyError:
        known = sorted(t for e, t in _INKAR_KREIS_LOADERS if e == edition)
        raise ValueError(f"no INKAR {edition} table {table!r}; known: {known}") from None


def inkar_indicator(name: str, *, years=None) -> pd.DataFrame:
    """One INKAR indicator as a wide Kreis x year table (400 Kreise).

    Parameters
    ----------
    name : str
        A key of ``INKAR_INDICATORS`` (e.g. ``"gdp_per_head"``,
        ``"household_income"``, ``"travel_time_oberzentrum"``).
    years : sequence of int, optional
        Years to keep; default all years with data.

    Returns
    -------
    pandas.DataFrame
        Rows the 2021 Kreis codes (``kreis``), columns years (int).

    Raises
    ------
    ValueError
        If ``name`` is unknown, or a requested year is outside the years the
        indicator has (the message names the year and the range).

    Examples
    --------
    >>> inkar_indicator("gdp_per_head", years=[2000, 2021]).shape
    (400, 2)
    """
    if name not in INKAR_INDICATORS:
        raise ValueError(f"unknown INKAR indicator {name!r}; known: {sorted(INKAR_INDICATORS)}")
    edition, table, column, _ = INKAR_INDICATORS[name]
    long = load_inkar(table, edition)
    long = long[long["indicator"] == column]
    wide = long.pivot(index="kreis", columns="year", values="value").sort_index()
    wide.columns = wide.columns.astype(int)
    if years is not None:
        years = list(years)
        outside = [y for y in years if y not in wide.columns]
        if outside:
            raise ValueError(f"year {outside[0]!r} is outside the data of {name!r} "
                             f"({wide.columns.min()}-{wide.columns.max()})")
        wide = wide[years]
    wide.index.name = "kreis"
    return wide


@_parsed(f"inkar_2024_aggregates-g{_VERSION}", tuple(f"inkar_2024/{t}.parquet" for t in _INKAR_2024_TABLES))
def _inkar_aggregates(*paths):
    frames = [_inkar_2024_long(p) for p in paths]
    long = pd.concat(frames, ignore_index=True)
    long = long[long["raumbezug"] != "Gemeinden"]
    long = long[~long["raumbezug"].str.startswith("Gemeindeverb")]
    long = long[long["zeitbezug"].str.fullmatch(r"\d{4}")]
    long["year"] = long["zeitbezug"].astype("int64")
    return long.drop(columns="zeitbezug").rename(columns={"raumbezug": "level"}).reset_index(drop=True)


def load_inkar_aggregates(level: str = "Siedlungsstruktureller Kreistyp (Bundesländer)") -> pd.DataFrame:
    """INKAR 2024 values of spatial aggregates (types, regions, Länder).

    Parameters
    ----------
    level : str
        INKAR ``raumbezug``, e.g. ``"Siedlungsstruktureller Kreistyp
        (Bundesländer)"`` (type x Land: ``kennziffer`` is the Land code
        followed by the type 1-4), ``"Kreisregionen"``,
        ``"Raumordnungsregionen"``, ``"Bundesländer"``.

    Returns
    -------
    pandas.DataFrame
        Columns ``level``, ``kennziffer``, ``name``, ``year``,
        ``indicator``, ``value``.

    Raises
    ------
    ValueError
        If ``level`` is not an INKAR spatial level of these tables.

    Examples
    --------
    >>> agg = load_inkar_aggregates()
    >>> int(agg["kennziffer"].str.len().max())
    3
    """
    frame = _inkar_aggregates()
    out = frame[frame["level"] == level]
    if out.empty:
        raise ValueError(f"no INKAR aggregates at level {level!r}; known: {sorted(frame['level'].unique())}")
    return out.reset_index(drop=True)


@_parsed(f"inkar_2024_europa-g{_VERSION}", ("inkar_2024/europa.parquet",))
def _europa(path):
    long = _inkar_2024_long(path)
    long["year"] = long["zeitbezug"].astype("int64")
    return long.drop(columns="zeitbezug").rename(columns={"raumbezug": "level", "kennziffer": "geo"})


def load_inkar_europa() -> pd.DataFrame:
    """INKAR 2024 European cross-section (EU-27 NUTS 0-2, 2021).

    Returns
    -------
    pandas.DataFrame
        Columns ``level`` (EU27, NUTS0, NUTS1, NUTS2), ``geo`` (NUTS code),
        ``name``, ``year`` (2021), ``indicator`` (e.g. ``q_bip_bev_kks``:
        GDP per inhabitant in purchasing power standards) and ``value``.

    Examples
    --------
    >>> e = load_inkar_europa()
    >>> sorted(int(y) for y in e["year"].unique())
    [2021]
    """
    return _europa()


# --------------------------------------------------------------------------
# Regionalstatistik (GENESIS flat files)

_MISSING = {".": "suppressed", "x": "not meaningful", "...": "not yet available", "/": "not reliable"}
_CODE = re.compile(r"^(DG|\d{2,8})$")
_TIME = re.compile(r"^(\d{2}\.\d{2}\.)?((?:19|20)\d{2})$")
# Berlin and Hamburg are Land and Kreis at once; GENESIS and REAT give them the 2-digit Land code.
_CITY_STATES = {"02": "02000", "11": "11000"}
_REGIONALSTATISTIK_TABLES = (
    "12411-01-01-4", "13111-01-03-4", "13111-07-05-4", "13312-01-04-4",
    "42111-01-04-4", "52111-02-01-4", "52311-01-04-4", "82111-01-05-4",
)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _number(text: str) -> tuple[float, str | None]:
    text = text.strip()
    if text == "-":
        return 0.0, "-"  # GENESIS: "-" means exactly nothing (or, for a whole row, no such Kreis)
    if text in _MISSING:
        return np.nan, _MISSING[text]
    try:
        return float(text.replace(".", "").replace(",", ".")) if "," in text else float(text), None
    except ValueError:
        return np.nan, f"unreadable {text!r}"


def _parse_genesis(path) -> pd.DataFrame:
    """Parse a GENESIS flat CSV into long rows (code, year, variable, value, flag)."""
    with open(path, "rb") as fh:
        lines = _decode(fh.read()).splitlines()
    rows = [line.split(";") for line in lines]
    first = next(i for i, r in enumerate(rows)
                 if len(r) > 2 and (r[0].strip() == "DG" or r[1].strip() == "DG"))
    fixed_year = None
    for r in rows[:first]:
        m = _TIME.match(r[0].strip()) if r else None
        if m and all(not c.strip() for c in r[1:]):
            fixed_year = int(m.group(2))
    header = [r for r in rows[:first] if len(r) > 3 and r[0].strip() == ""]
    width = max(len(r) for r in rows[first:first + 50])
    records = []
    for r in rows[first:]:
        if len(r) < 3:
            break
        r = [c.strip() for c in r] + [""] * (width - len(r))
        if _TIME.match(r[0]) and _CODE.match(r[1]):
            year, code, rest = int(_TIME.match(r[0]).group(2)), r[1], r[2:]
        elif _CODE.match(r[0]):
            year, code, rest = fixed_year, r[0], r[1:]
        else:
            break
        name, values = rest[0], rest[1:]
        category = None
        if values and values[0] and not re.match(r"^[\d\-.,x/]+$", values[0]):
            category, values = values[0], values[1:]
        offset = width - len(values)
        for j, text in enumerate(values):
            col = offset + j
            if not text and col >= len(r):
                continue
            labels = []
            for h in header:
                lab = h[col].strip() if col < len(h) else ""
                if lab and (not labels or labels[-1] != lab):
                    labels.append(lab)
            col_year = year
            date_labels = [lab for lab in labels if _TIME.match(lab)]
            if date_labels:
                col_year = int(_TIME.match(date_labels[0]).group(2))
                labels = [lab for lab in labels if not _TIME.match(lab)]
            variable = " | ".join(([category] if category else []) + labels)
            value, flag = _number(text)
            records.append((code, name.strip(), col_year, variable, value, flag))
    frame = pd.DataFrame(records, columns=["code", "name", "year", "variable", "value", "flag"])
    return frame


def _regionalstatistik_kreise(path, harmonise: bool = True) -> pd.DataFrame:
    frame = _parse_genesis(path)
    frame["code"] = frame["code"].replace(_CITY_STATES)
    frame = frame[frame["code"].str.len() == 5].copy()
    # rates are not additive over merged Kreise: keep counts, recompute rates from them
    frame = frame[~frame["variable"].str.contains(r"\bje\b", regex=True)]
    frame["year"] = frame["year"].astype("int64")
    frame = frame.rename(columns={"code": "kreis"}).drop(columns="name")
    # A Kreis-year whose every cell is "-" did not exist in that year (the flat files carry the Kreise
    # before and after the reforms of 2007-2011 side by side); elsewhere "-" is a true zero.
    dash = frame["flag"].eq("-")
    absent = dash.groupby([frame["kreis"], frame["year"]]).transform("all")
    frame.loc[absent, "value"] = np.nan
    frame["flag"] = frame["flag"].where(~dash, None)
    frame.loc[absent, "flag"] = "no such Kreis in this year"
    frame["suppressed"] = frame["flag"].isin(list(_MISSING.values()))
    # Kreise dissolved in the reforms of Sachsen-Anhalt (2007), Sachsen (2008), Aachen (2009) and
    # Mecklenburg-Vorpommern (2011) are dropped: some were split, so their figures cannot be
    # assigned to one 2021 Kreis; those years are missing for the successor Kreise.
    known = set(_codes_2021()) | set(kreis_crosswalk()["old_code"])
    frame = frame[frame["kreis"].isin(known) & ~absent]
    if not harmonise:
        return frame
    out = _merge_codes(frame, "kreis", ["year", "variable"], counts=["value"])
    # a merged Kreis is suppressed when any of its parts is
    part_suppressed = out["value"].isna() & ~out["suppressed"].astype(bool)
    out["suppressed"] = out["suppressed"].astype(bool) | out["value"].isna()
    out["flag"] = out["flag"].astype("string")
    out.loc[part_suppressed, "flag"] = "suppressed in a merged part"
    return out[["kreis", "year", "variable", "value", "suppressed", "flag"]] \
        .sort_values(["variable", "kreis", "year"], ignore_index=True)


_GENESIS_LOADERS = {
    t: _parsed(f"regionalstatistik_{t}-g{_VERSION}", (f"regionalstatistik_2018/{t}_00.csv",))(_regionalstatistik_kreise)
    for t in _REGIONALSTATISTIK_TABLES
}


def load_regionalstatistik(table: str) -> pd.DataFrame:
    """A Regionalstatistik (GENESIS) table by Kreis, tidy and harmonised.

    Parameters
    ----------
    table : str
        GENESIS table code: ``"12411-01-01-4"`` (population 1995-2015),
        ``"13111-01-03-4"`` (employees 2012-2015), ``"13111-07-05-4"``
        (employees by WZ 2008 section, 30.06.2015), ``"13312-01-04-4"``
        (persons in employment by sector, 2000-2014), ``"42111-01-04-4"``
        (manufacturing plants), ``"52111-02-01-4"`` (establishments by
        section), ``"52311-01-04-4"`` (business registrations and closures),
        ``"82111-01-05-4"`` (GDP and GVA by sector, 2000-2014).

    Returns
    -------
    pandas.DataFrame
        Columns ``kreis`` (2021 code), ``year`` (int), ``variable`` (the
        column headers joined with " | "), ``value`` (float; GENESIS "-" is
        0), ``suppressed`` (bool: the value or a part of a merged Kreis was
        ".", "x", "..." or "/") and ``flag`` (the reason, else missing).
        Kreis-years in which the Kreis did not exist (a row of "-" only) are
        left out; so are the Kreise dissolved in the reforms of
        Sachsen-Anhalt 2007, Sachsen 2008, Aachen 2009 and
        Mecklenburg-Vorpommern 2011 (some were split), so their successors
        lack the years before the reform.
        Only Kreis rows; columns that are ratios ("je ...") are dropped,
        because they cannot be summed over merged Kreise (Göttingen 2016).

    Raises
    ------
    ValueError
        If ``table`` is not mirrored.

    Examples
    --------
    >>> pop = load_regionalstatistik("12411-01-01-4")
    >>> pop["kreis"].nunique()
    400
    """
    if table not in _GENESIS_LOADERS:
        raise ValueError(f"no Regionalstatistik table {table!r}; known: {list(_GENESIS_LOADERS)}")
    return _GENESIS_LOADERS[table]()


def _parse_population(path, harmonise: bool = True) -> pd.DataFrame:
    frame = _regionalstatistik_kreise(path, harmonise)
    frame = frame[frame["variable"] == "Insgesamt"].rename(columns={"value": "population"})
    return frame[["kreis", "year", "population"]].reset_index(drop=True)


def regionalstatistik_population(years=None) -> pd.DataFrame:
    """Population (31 December) of the 400 Kreise, 1995-2015, wide.

    Parameters
    ----------
    years : sequence of int, optional

    Returns
    -------
    pandas.DataFrame
        Kreis x year (int) table of inhabitants.

    Raises
    ------
    ValueError
        If a requested year is outside 1995-2015 (the message names it).

    Examples
    --------
    >>> int(regionalstatistik_population([2015]).loc["09162", 2015])
    1450381
    """
    long = load_regionalstatistik("12411-01-01-4")
    long = long[long["variable"] == "Insgesamt"]
    wide = long.pivot(index="kreis", columns="year", values="value")
    if years is not None:
        years = list(years)
        outside = [y for y in years if y not in wide.columns]
        if outside:
            raise ValueError(f"year {outside[0]!r} is outside the population data "
                             f"({wide.columns.min()}-{wide.columns.max()})")
        wide = wide[years]
    return wide


# --------------------------------------------------------------------------
# REAT: GDP and population 1992-2014


@_parsed(f"reat_counties_gdp-g{_VERSION}", ("reat/G.counties.gdp.rda",))
def _reat(path):
    raw = _read_rds(path)
    code = raw["region_code"].astype(str).replace(_CITY_STATES).str.zfill(5)
    rows = []
    for col in raw.columns:
        m = re.fullmatch(r"(gdp|pop)(\d{4})", col)
        if m:
            rows.append(pd.DataFrame({"kreis": code, "year": int(m.group(2)), "variable": m.group(1),
                                      "value": raw[col].astype(float)}))
    long = pd.concat(rows, ignore_index=True)
    wide = long.pivot_table(index=["kreis", "year"], columns="variable", values="value").reset_index()
    wide = wide.rename(columns={"gdp": "gdp", "pop": "population"})
    east = pd.Series((raw["regional"].astype(str) == "East").to_numpy(), index=code)
    wide["east"] = wide["kreis"].map(east)
    wide = _merge_codes(wide, "kreis", ["year"], counts=["gdp", "population"])
    wide["population"] = wide["population"] * 1000  # the source counts thousands
    wide["gdp_per_head"] = wide["gdp"] * 1e6 / wide["population"]
    return wide[["kreis", "year", "gdp", "population", "gdp_per_head", "east"]] \
        .sort_values(["kreis", "year"], ignore_index=True)


def load_reat_gdp() -> pd.DataFrame:
    """GDP and population of the German Kreise, 1992-2014 (REAT data set).

    Returns
    -------
    pandas.DataFrame
        Columns ``kreis`` (2021 code; Göttingen and Osterode summed),
        ``year``, ``gdp`` (million euro, current prices), ``population``
        (inhabitants; the source gives thousands),
        ``gdp_per_head`` (euro) and ``east`` (bool: East German Kreis incl.
        Berlin as coded in the source).

    Examples
    --------
    >>> r = load_reat_gdp()
    >>> r["kreis"].nunique()
    400
    """
    return _reat()
