"""Where a German district lies on the centre-periphery scale.

Two kinds of measure:

- **the settlement-structure Kreistyp** of the BBSR (siedlungsstruktureller
  Kreistyp), *reconstructed* here from its published rule, because no
  mirrored file lists the type of each Kreis. The rule works on Kreisregionen
  (kreisfreie Städte under 100,000 inhabitants are merged with the
  surrounding Landkreis):

  1. kreisfreie Großstadt: a kreisfreie Stadt of at least 100,000
     inhabitants;
  2. städtischer Kreis: at least 50 % of the population in Groß- and
     Mittelstädte and at least 150 inhabitants per km², or at least 150
     inhabitants per km² without the Groß- and Mittelstädte;
  3. ländlicher Kreis mit Verdichtungsansätzen: at least 50 % in Groß- and
     Mittelstädte but under 150 per km², or under 50 % with at least 100 per
     km² without the Groß- and Mittelstädte;
  4. dünn besiedelter ländlicher Kreis: under 50 % in Groß- and Mittelstädte
     and under 100 per km² without them.

  The mirrored data give each Kreis's density but not the population of its
  towns, so the rule alone narrows most Kreisregionen to two or three
  candidate types. The remaining choice is *inferred* from the aggregates
  INKAR publishes per Land and type (population density and GDP per head,
  1995-2022): an integer programme picks, Land by Land, the assignment whose
  aggregates come closest to the published ones. :func:`kreistyp_reconstruction`
  says for every Kreis how it was decided, and :func:`validate_kreistyp`
  compares the aggregates of indicators *not* used in the inference.

- **continuous measures** (:func:`periphery_measures`): car travel time to
  the nearest Oberzentrum (2020), population within 100 km (population
  potential), rurality (population share in municipalities below 150
  inhabitants per km²) and density.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from regional_clusters.data.loaders import _parsed
from regional_clusters.data.germany import (
    check_kreis_codes,
    inkar_indicator,
    kreis_geodataframe,
    load_inkar_aggregates,
    load_kreise,
    regionalstatistik_population,
)

__all__ = [
    "KREISTYP_LABELS",
    "kreisregionen",
    "kreis_areas",
    "kreis_population",
    "kreistyp",
    "kreistyp_reconstruction",
    "kreistyp_alternatives",
    "kreistyp_aggregate",
    "validate_kreistyp",
    "periphery_measures",
    "per_head_by_type",
    "periphery_gradient",
]

#: Labels of the four settlement-structure Kreistypen (BBSR), 1 = most central.
KREISTYP_LABELS = {
    1: "kreisfreie Großstadt",
    2: "städtischer Kreis",
    3: "ländlicher Kreis mit Verdichtungsansätzen",
    4: "dünn besiedelter ländlicher Kreis",
}

_TYPE_LEVEL = "Siedlungsstruktureller Kreistyp (Bundesländer)"
_AREA_YEAR = 2015
#: Indicators whose published type aggregates the inference uses (numerator, denominator).
_INFERENCE = ("q_bev_fl", "q_bip_ew")
#: Indicators held out for validation.
_VALIDATION = ("q_bevsva_qkm", "a_bevd150_", "a_bevOZ", "a_bevMZ", "q_bip_et")


# --------------------------------------------------------------------------
# building blocks: areas, populations, Kreisregionen


@functools.lru_cache(maxsize=1)
def kreis_areas() -> pd.Series:
    """Area of every Kreis in km², as population / density.

    INKAR gives densities, not areas; the Regionalstatistik population of
    31 December 2015 divided by the INKAR density of 2015 gives the area.

    Returns
    -------
    pandas.Series
        Area in km², indexed by the 400 Kreis codes.

    Examples
    --------
    >>> a = kreis_areas()
    >>> bool(300 < a["09162"] < 320)   # München, Stadt
    True
    """
    pop = regionalstatistik_population([_AREA_YEAR])[_AREA_YEAR]
    density = inkar_indicator("density", years=[_AREA_YEAR])[_AREA_YEAR]
    area = (pop / density).rename("area_km2")
    if area.isna().any():
        raise ValueError(f"no area for Kreis {area.index[area.isna()][0]!r}")
    return area


@functools.lru_cache(maxsize=1)
def _populations() -> pd.DataFrame:
    """Kreis x year population, as density x area (all years with a density)."""
    density = inkar_indicator("density")
    return density.mul(kreis_areas(), axis=0)


@functools.lru_cache(maxsize=1)
def _population_panel() -> pd.DataFrame:
    known = _populations()
    years = list(range(1995, int(known.columns.max()) + 1))
    # log-linear between the years INKAR has a density for; 1995 takes the value of 1996
    logs = np.log(known).T.reindex(years).interpolate(method="index", limit_direction="both")
    panel = np.exp(logs).T
    panel.columns = panel.columns.astype(int)
    return panel


def kreis_population(years=None) -> pd.DataFrame:
    """Population of the 400 Kreise, 1995-2022, for weighting.

    INKAR's density times the area of :func:`kreis_areas` in the years
    INKAR has a density for (1996, 2000, 2004, 2008-2022), log-linearly
    interpolated in between; 1995 takes the value of 1996. Good enough for
    weights, not a population statistic.

    Parameters
    ----------
    years : sequence of int, optional

    Returns
    -------
    pandas.DataFrame
        Kreis x year table of inhabitants.

    Raises
    ------
    ValueError
        If a requested year is outside 1995-2022 (the message names it).

    Examples
    --------
    >>> p = kreis_population([2000, 2021])
    >>> p.shape
    (400, 2)
    """
    panel = _population_panel()
    if years is None:
        return panel.copy()
    years = list(years)
    outside = [y for y in years if y not in panel.columns]
    if outside:
        raise ValueError(f"year {outside[0]!r} is outside the population panel "
                         f"({panel.columns.min()}-{panel.columns.max()})")
    return panel[years].copy()


@functools.lru_cache(maxsize=1)
def kreisregionen() -> pd.Series:
    """The Kreisregion of every Kreis (the unit the Kreistyp rule classifies).

    INKAR lists 361 Kreisregionen by the code of their Landkreis (or of their
    kreisfreie Großstadt). Each of the other 39 Kreise (small kreisfreie
    Städte) belongs to the neighbouring Kreisregion with which it shares the
    longest boundary; the assignment is checked against the densities INKAR
    publishes for the Kreisregionen.

    Returns
    -------
    pandas.Series
        Kreisregion code (5 digits) indexed by the 400 Kreis codes.

    Raises
    ------
    ValueError
        If a merged density differs from INKAR's by more than 0.5 %.

    Examples
    --------
    >>> kr = kreisregionen()
    >>> kr.nunique(), kr["09163"]   # Rosenheim, Stadt belongs to Landkreis Rosenheim
    (361, '09187')
    """
    agg = load_inkar_aggregates("Kreisregionen")
    dens = agg[(agg["indicator"] == "q_bev_fl") & (agg["year"] == _AREA_YEAR)]
    published = pd.Series(dens["value"].to_numpy(), index=dens["kennziffer"].str[:5].to_numpy())
    geo = kreis_geodataframe()
    regions = set(published.index)
    area = kreis_areas()
    pop = _populations()[_AREA_YEAR]
    out = pd.Series(geo.index, index=geo.index, name="kreisregion")
    options = {}
    for code in geo.index.difference(list(regions)):
        shape = geo.geometry[code]
        neighbours = list(geo.index[geo.index.isin(regions) & geo.geometry.intersects(shape)])
        if not neighbours:
            raise ValueError(f"Kreis {code!r} has no neighbouring Kreisregion")
        options[code] = neighbours
        out[code] = neighbours[0]

    def misfit(assignment: pd.Series) -> float:
        merged = pop.groupby(assignment).sum() / area.groupby(assignment).sum()
        return float(((merged / published.reindex(merged.index) - 1) ** 2).sum())

    # coordinate descent: move each small city to the neighbour that best reproduces the
    # published Kreisregion densities, given where the others are (two cities can share one)
    for _ in range(5):
        changed = False
        for code, neighbours in options.items():
            best = min(neighbours, key=lambda n: misfit(out.where(out.index != code, n)))
            changed |= best != out[code]
            out[code] = best
        if not changed:
            break
    merged = pop.groupby(out).sum() / area.groupby(out).sum()
    gap = (merged / published.reindex(merged.index) - 1).abs()
    if gap.isna().any() or (gap > 0.005).any():
        bad = gap.fillna(np.inf).idxmax()
        raise ValueError(f"Kreisregion {bad!r}: merged density {merged[bad]:.1f} does not match INKAR")
    return out


def _published_types() -> pd.DataFrame:
    agg = load_inkar_aggregates(_TYPE_LEVEL)
    agg = agg.assign(land=agg["kennziffer"].str[:2], kreistyp=agg["kennziffer"].str[2].astype(int))
    return agg


# --------------------------------------------------------------------------
# the reconstruction


def _unit_table() -> pd.DataFrame:
    kreise = load_kreise()
    kr = kreisregionen()
    area = kreis_areas()
    pop = _populations()
    units = pd.DataFrame({
        "land": kreise["land"].groupby(kr).first(),
        "members": kr.groupby(kr).apply(lambda s: tuple(s.index)),
        "kreisfrei_city": kreise["kreisfrei"].groupby(kr).all(),
        "area_km2": area.groupby(kr).sum(),
    })
    units["population"] = pop[_AREA_YEAR].groupby(kr).sum()
    units["density"] = units["population"] / units["area_km2"]
    return units


def _candidates(units: pd.DataFrame, present: set) -> pd.Series:
    """Types the rule allows for each Kreisregion, given density and the types a Land has."""
    out = {}
    for code, u in units.iterrows():
        if u["kreisfrei_city"]:
            # a kreisfreie Stadt that INKAR keeps as a Kreisregion of its own has >= 100,000 inhabitants
            allowed = [1]
        elif u["density"] >= 150:
            allowed = [2, 3, 4]
        else:
            # without Groß- and Mittelstädte the density is lower still: never 150 or more
            allowed = [3, 4]
        allowed = [t for t in allowed if (u["land"], t) in present] or allowed
        out[code] = tuple(allowed)
    return pd.Series(out)


def _equations(units: pd.DataFrame, published: pd.DataFrame, indicators) -> list:
    """Linear equations sum_u x[u,t] * (num_u - A * den_u) = 0, one per Land x type x indicator x year.

    Each coefficient vector runs over all Kreisregionen (positions of ``units``) and is scaled by
    A times the Land's total denominator, so that a residual reads as a relative error.
    """
    pop = _populations()
    kr = kreisregionen()
    eqs = []
    for ind in indicators:
        if ind == "q_bev_fl":
            num = pop.groupby(kr).sum()
            den = pd.DataFrame({y: units["area_km2"] for y in num.columns})
        elif ind == "q_bip_ew":
            gdp = inkar_indicator("gdp_per_head")
            years = gdp.columns.intersection(pop.columns)
            num = (gdp[years] * pop[years]).groupby(kr).sum()
            den = pop[years].groupby(kr).sum()
        else:
            raise ValueError(f"indicator {ind!r} is not used for inference")
        num, den = num.reindex(units.index), den.reindex(units.index)
        land_den = den.groupby(units["land"]).sum()
        N, D = num.to_numpy(float), den.to_numpy(float)
        column = {year: j for j, year in enumerate(num.columns)}
        pub = published[(published["indicator"] == ind) & published["year"].isin(list(column))]
        for land, t, year, value in pub[["land", "kreistyp", "year", "value"]].itertuples(index=False):
            j = column[year]
            coef = (N[:, j] - value * D[:, j]) / (value * land_den.at[land, year])
            eqs.append((land, t, ind, year, coef))
    return eqs


def _solve_land(units: pd.DataFrame, cands: pd.Series, eqs: list, land: str) -> pd.Series:
    from scipy.optimize import Bounds, LinearConstraint, milp

    in_land = np.flatnonzero(units["land"].to_numpy() == land)
    codes = units.index[in_land]
    var = [(k, pos, t) for k, (u, pos) in enumerate(zip(codes, in_land)) for t in cands[u]]
    var_unit, var_pos, var_type = (np.array(v) for v in zip(*var))
    land_eqs = [e for e in eqs if e[0] == land]
    n_x, n_e = len(var), len(land_eqs)
    # variables: x (binary), then s_plus and s_minus per equation; minimise the total slack
    c = np.concatenate([np.zeros(n_x), np.ones(2 * n_e)])
    one_type = (var_unit[None, :] == np.arange(len(codes))[:, None]).astype(float)
    fit = np.array([np.where(var_type == t, coef[var_pos], 0.0) for _, t, _, _, coef in land_eqs])
    present = sorted({e[1] for e in land_eqs})
    nonempty = (var_type[None, :] == np.array(present)[:, None]).astype(float)
    slack = np.hstack([np.eye(n_e), -np.eye(n_e)])
    A = np.vstack([
        np.hstack([one_type, np.zeros((len(codes), 2 * n_e))]),  # one type per Kreisregion
        np.hstack([fit, slack]),                                  # reproduce the published averages
        np.hstack([nonempty, np.zeros((len(present), 2 * n_e))]),  # every published type has a member
    ])
    lo = np.concatenate([np.ones(len(codes)), np.zeros(n_e), np.ones(len(present))])
    hi = np.concatenate([np.ones(len(codes)), np.zeros(n_e), np.full(len(present), np.inf)])
    integrality = np.concatenate([np.ones(n_x), np.zeros(2 * n_e)])
    bounds = Bounds(np.zeros(n_x + 2 * n_e), np.concatenate([np.ones(n_x), np.full(2 * n_e, np.inf)]))
    res = milp(c, constraints=LinearConstraint(A, lo, hi), integrality=integrality, bounds=bounds,
               options={"time_limit": 60})
    if res.x is None:
        raise ValueError(f"no Kreistyp assignment is consistent with the aggregates of Land {land!r}")
    chosen = res.x[:n_x] > 0.5
    return pd.Series(var_type[chosen], index=codes[var_unit[chosen]])


_VERSION = 2  # bump when the reconstruction changes
_SOURCES = (
    "inkar_2024/siedlungsstruktur.parquet", "inkar_2024/wirtschaft.parquet", "inkar_2024/_regionen.parquet",
    "regionalstatistik_2018/12411-01-01-4_00.csv", "boundaries_de_2021/Ebene_Kreise.geojson",
    "boundaries_de_2021/VG5000_KRS.dbf",
)


@functools.lru_cache(maxsize=1)
def _reconstruction() -> pd.DataFrame:
    table = _cached_reconstruction().set_index("kreis")
    table["candidates"] = table["candidates"].map(lambda s: tuple(int(c) for c in s.split(",")))
    return table


@_parsed(f"kreistyp_reconstruction-g{_VERSION}", _SOURCES)
def _cached_reconstruction(*paths) -> pd.DataFrame:
    table = _reconstruct()
    table["candidates"] = table["candidates"].map(lambda c: ",".join(map(str, c)))
    return table.reset_index(names="kreis")


def _reconstruct() -> pd.DataFrame:
    units = _unit_table()
    published = _published_types()
    present = set(zip(published["land"], published["kreistyp"]))
    cands = _candidates(units, present)
    eqs = _equations(units, published, _INFERENCE)
    chosen = pd.concat([_solve_land(units, cands, eqs, land) for land in sorted(units["land"].unique())])
    units = units.assign(candidates=cands, kreistyp=chosen.reindex(units.index).astype(int))
    units["decided_by"] = np.where(units["candidates"].map(len) == 1, "rule", "published aggregates")
    kr = kreisregionen()
    kreise = load_kreise()
    table = pd.DataFrame({
        "name": kreise["name"],
        "land": kreise["land"],
        "kreisregion": kr,
        "candidates": kr.map(units["candidates"]),
        "kreistyp": kr.map(units["kreistyp"]).astype(int),
        "decided_by": kr.map(units["decided_by"]),
        "density_kreisregion": kr.map(units["density"]),
    })
    table["label"] = table["kreistyp"].map(KREISTYP_LABELS)
    return table


def kreistyp_reconstruction() -> pd.DataFrame:
    """The reconstructed Kreistyp of every Kreis, with how it was decided.

    Returns
    -------
    pandas.DataFrame
        Indexed by the 400 Kreis codes; columns ``name``, ``land``,
        ``kreisregion``, ``candidates`` (tuple of the types the rule allows
        given the density and the types present in the Land),
        ``kreistyp`` (1-4), ``label``, ``decided_by`` (``"rule"`` when one
        candidate was left, else ``"published aggregates"``) and
        ``density_kreisregion`` (inhabitants per km², 2015).

    Notes
    -----
    This is a reconstruction, not the BBSR's own list: the share of the
    population in Groß- and Mittelstädte, which the rule needs, is not in the
    mirrored data. See the module docstring for the rule and the inference.

    References
    ----------
    BBSR, Laufende Raumbeobachtung, Raumabgrenzungen: Siedlungsstrukturelle
    Kreistypen (www.bbsr.bund.de).

    Examples
    --------
    >>> rec = kreistyp_reconstruction()
    >>> rec.loc["09162", "label"]
    'kreisfreie Großstadt'
    """
    return _reconstruction().copy()


def kreistyp_alternatives() -> pd.DataFrame:
    """How much worse the fit gets if one district region changes its type.

    For every Kreisregion that the rule left with more than one candidate,
    each other candidate type is tried with all other assignments held
    fixed, and the mean absolute relative deviation of the Land's
    reconstructed type averages (density and GDP per head, all years) from
    the published ones is recomputed. A large increase means the published
    averages pin that region's type down; swaps of two regions at once are
    not tried.

    Returns
    -------
    pandas.DataFrame
        One row per undecided Kreisregion and alternative type: ``land``,
        ``kreistyp`` (reconstructed), ``alternative``, ``misfit`` (mean
        absolute relative deviation of the Land's averages at the
        reconstruction), ``misfit_alternative`` (after the change; missing
        when the change would leave a published type of the Land empty) and
        ``ratio`` (misfit_alternative / misfit).

    Examples
    --------
    >>> alt = kreistyp_alternatives()
    >>> bool((alt["misfit_alternative"].dropna() > alt["misfit"].loc[alt["misfit_alternative"].notna()]).all())
    True
    """
    units = _unit_table()
    published = _published_types()
    eqs = _equations(units, published, _INFERENCE)
    rec = _reconstruction()
    chosen = rec.groupby("kreisregion")["kreistyp"].first().reindex(units.index)
    cands = rec.groupby("kreisregion")["candidates"].first().reindex(units.index)
    position = {u: i for i, u in enumerate(units.index)}
    rows = []
    for land in sorted(units["land"].unique()):
        land_eqs = [e for e in eqs if e[0] == land]
        members = units.index[units["land"] == land]
        pos = np.array([position[u] for u in members])
        types_now = chosen.loc[members].to_numpy()
        eq_type = np.array([e[1] for e in land_eqs])
        coef = np.array([e[4][pos] for e in land_eqs])          # equations x members
        residual = (coef * (types_now[None, :] == eq_type[:, None])).sum(axis=1)
        base = float(np.abs(residual).mean())
        for k, u in enumerate(members):
            if len(cands[u]) < 2:
                continue
            t_now = types_now[k]
            for t_new in cands[u]:
                if t_new == t_now:
                    continue
                if (types_now == t_now).sum() == 1 and t_now in eq_type:
                    after = np.nan  # the only member of a published type
                else:
                    moved = residual - coef[:, k] * (eq_type == t_now) + coef[:, k] * (eq_type == t_new)
                    after = float(np.abs(moved).mean())
                rows.append({"kreisregion": u, "land": land, "kreistyp": int(t_now), "alternative": int(t_new),
                             "misfit": base, "misfit_alternative": after})
    out = pd.DataFrame(rows)
    out["ratio"] = out["misfit_alternative"] / out["misfit"]
    return out


def kreistyp(codes=None) -> pd.Series:
    """Reconstructed settlement-structure Kreistyp (1-4) of each Kreis.

    Parameters
    ----------
    codes : sequence of str, optional
        Kreis codes of the 2021 vintage; default all 400.

    Returns
    -------
    pandas.Series
        Integer type (1 kreisfreie Großstadt, 2 städtischer Kreis, 3
        ländlicher Kreis mit Verdichtungsansätzen, 4 dünn besiedelter
        ländlicher Kreis; labels in :data:`KREISTYP_LABELS`), indexed by the
        5-digit Kreis code, named ``kreistyp``.

    Raises
    ------
    ValueError
        If a code is not one of the 400 Kreise of 2021 (a code of another
        vintage is named with the Kreis it belongs to now).

    Examples
    --------
    >>> t = kreistyp()
    >>> len(t), sorted(int(v) for v in t.unique())
    (400, [1, 2, 3, 4])
    """
    types = _reconstruction()["kreistyp"].rename("kreistyp")
    if codes is None:
        return types.copy()
    return types.loc[check_kreis_codes(codes, name="codes")]


def kreistyp_aggregate(values: pd.DataFrame, types: pd.Series, *, weights: pd.DataFrame) -> pd.DataFrame:
    """Weighted mean of a Kreis indicator by Land and Kreistyp, year by year.

    Parameters
    ----------
    values : pandas.DataFrame
        Kreis x year indicator (a ratio, e.g. inhabitants per km²).
    types : pandas.Series
        Kreistyp of each Kreis.
    weights : pandas.DataFrame
        Kreis x year denominator of the ratio (e.g. area for a density,
        population for a per-head figure).

    Returns
    -------
    pandas.DataFrame
        Long table with columns ``land``, ``kreistyp``, ``year`` and
        ``value`` = sum(values * weights) / sum(weights) over the Kreise of
        that Land and type (Kreise missing in a year are left out).

    Raises
    ------
    ValueError
        If a Kreis of ``values`` has no type or no weight.

    Examples
    --------
    >>> v = pd.DataFrame({2000: [100.0, 300.0]}, index=["09161", "09162"])
    >>> w = pd.DataFrame({2000: [1.0, 3.0]}, index=["09161", "09162"])
    >>> t = pd.Series([1, 1], index=["09161", "09162"])
    >>> kreistyp_aggregate(v, t, weights=w)["value"].tolist()
    [250.0]
    """
    missing = values.index.difference(types.index)
    if len(missing):
        raise ValueError(f"Kreis {missing[0]!r} has no Kreistyp")
    missing = values.index.difference(weights.index)
    if len(missing):
        raise ValueError(f"Kreis {missing[0]!r} has no weight")
    years = values.columns.intersection(weights.columns)
    w = weights.loc[values.index, years].where(values[years].notna())
    num = (values[years] * w).groupby([values.index.str[:2], types.loc[values.index]]).sum(min_count=1)
    den = w.groupby([values.index.str[:2], types.loc[values.index]]).sum(min_count=1)
    out = (num / den).stack().rename("value").reset_index()
    out.columns = ["land", "kreistyp", "year", "value"]
    return out


def validate_kreistyp(types: pd.Series | None = None, indicators=_INFERENCE + _VALIDATION) -> pd.DataFrame:
    """Compare aggregates of the reconstructed types with INKAR's published ones.

    Parameters
    ----------
    types : pandas.Series, optional
        Kreistyp per Kreis; default :func:`kreistyp`.
    indicators : sequence of str
        INKAR columns to compare: ``q_bev_fl`` (density, weights area),
        ``q_bip_ew`` (GDP per head, weights population) were used in the
        inference; ``q_bevsva_qkm`` (inhabitants and employees per km²,
        weights area), ``a_bevd150_``, ``a_bevOZ``, ``a_bevMZ`` (population
        shares, weights population) and ``q_bip_et`` (GDP per person in
        employment, weights persons in employment = GDP / GDP per worker)
        were not.

    Returns
    -------
    pandas.DataFrame
        One row per Land x type x indicator x year with ``published``,
        ``reconstructed``, ``abs_error`` (reconstructed - published),
        ``rel_error`` (reconstructed / published - 1; missing where the
        published value is 0) and ``used_in_inference`` (bool).

    Examples
    --------
    >>> v = validate_kreistyp(indicators=("q_bevsva_qkm",))
    >>> bool(v["rel_error"].abs().median() < 0.01)
    True
    """
    types = kreistyp() if types is None else types
    published = _published_types()
    area = kreis_areas()
    pop = _populations()
    frames = []
    for ind in indicators:
        if ind in ("q_bev_fl", "q_bevsva_qkm"):
            values = pop / area.to_numpy()[:, None] if ind == "q_bev_fl" else _inkar_2024(ind, "siedlungsstruktur")
            weights = pd.DataFrame({y: area for y in values.columns})
        elif ind in ("a_bevd150_", "a_bevOZ", "a_bevMZ"):
            values = _inkar_2024(ind, "siedlungsstruktur")
            weights = pop
        elif ind == "q_bip_ew":
            values, weights = inkar_indicator("gdp_per_head"), pop
        elif ind == "q_bip_et":
            values = inkar_indicator("gdp_per_worker")
            gdp = inkar_indicator("gdp_per_head")
            years = gdp.columns.intersection(pop.columns)
            weights = gdp[years] * pop[years] / values[years]
        else:
            raise ValueError(f"no validation rule for indicator {ind!r}")
        rec = kreistyp_aggregate(values, types, weights=weights)
        pub = published[published["indicator"] == ind][["land", "kreistyp", "year", "value"]]
        both = pub.merge(rec, on=["land", "kreistyp", "year"], suffixes=("_published", "_reconstructed"))
        both["indicator"] = ind
        frames.append(both)
    out = pd.concat(frames, ignore_index=True).rename(
        columns={"value_published": "published", "value_reconstructed": "reconstructed"})
    out["abs_error"] = out["reconstructed"] - out["published"]
    # a share that is 0 in the published table (no Oberzentrum in a type) has no relative error
    out["rel_error"] = (out["reconstructed"] / out["published"].where(out["published"] != 0) - 1)
    out["used_in_inference"] = out["indicator"].isin(_INFERENCE)
    return out


def _inkar_2024(column: str, table: str) -> pd.DataFrame:
    from regional_clusters.data.germany import load_inkar

    long = load_inkar(table)
    long = long[long["indicator"] == column]
    return long.pivot(index="kreis", columns="year", values="value")


def periphery_measures() -> pd.DataFrame:
    """Continuous centre-periphery measures of the 400 Kreise.

    Returns
    -------
    pandas.DataFrame
        Indexed by Kreis code: ``travel_time_oberzentrum`` (car minutes to
        the nearest Oberzentrum, population-weighted, 2020),
        ``population_potential`` (thousand inhabitants within 100 km, 2019),
        ``rurality`` (% of inhabitants in municipalities under 150 per km²,
        2021), ``density`` (inhabitants per km², 2021) and ``kreistyp``.

    Examples
    --------
    >>> m = periphery_measures()
    >>> m.shape
    (400, 5)
    """
    return pd.DataFrame({
        "travel_time_oberzentrum": inkar_indicator("travel_time_oberzentrum", years=[2020])[2020],
        "population_potential": inkar_indicator("population_potential", years=[2019])[2019],
        "rurality": inkar_indicator("rurality", years=[2021])[2021],
        "density": inkar_indicator("density", years=[2021])[2021],
        "kreistyp": kreistyp(),
    })


# --------------------------------------------------------------------------
# where money and activity go along the centre-periphery scale


def per_head_by_type(per_head: pd.Series, population: pd.Series, types: pd.Series, *,
                     permutations: int = 999, seed: int = 0) -> pd.DataFrame:
    """Money per head by Kreistyp, observed against an equal-per-head baseline.

    The observed share of each type in the total sum is compared with its
    population share, which is what every type would get if every inhabitant
    received the national amount per head. The permutation null reshuffles
    the per-head amounts across Kreise (keeping their distribution and each
    Kreis's population), so it asks whether the types differ more than a
    random grouping of Kreise of the same sizes would.

    Parameters
    ----------
    per_head : pandas.Series
        Amount per inhabitant by Kreis (e.g. euro of project funding).
    population : pandas.Series
        Inhabitants by Kreis.
    types : pandas.Series
        Group of each Kreis (e.g. the Kreistyp).
    permutations : int, default 999
    seed : int, default 0

    Returns
    -------
    pandas.DataFrame
        One row per type: ``kreise``, ``per_head`` (population-weighted),
        ``observed`` (share of the total), ``expected`` (population share),
        ``ratio`` (observed / expected) and ``p`` (two-sided permutation
        p-value of the ratio, (k+1)/(permutations+1)).

    Raises
    ------
    ValueError
        If a Kreis lacks a value, a population or a type, or a value is
        negative.

    Examples
    --------
    >>> x = pd.Series([10.0, 10.0, 0.0, 0.0], index=list("abcd"))
    >>> n = pd.Series([1.0, 1.0, 1.0, 1.0], index=list("abcd"))
    >>> t = pd.Series([1, 1, 2, 2], index=list("abcd"))
    >>> per_head_by_type(x, n, t, permutations=9)["ratio"].tolist()
    [2.0, 0.0]
    """
    idx = per_head.index
    for label, s in (("population", population), ("types", types)):
        missing = idx.difference(s.index)
        if len(missing):
            raise ValueError(f"{label} has no value for Kreis {missing[0]!r}")
    if per_head.isna().any():
        raise ValueError(f"per_head is missing for Kreis {per_head.index[per_head.isna()][0]!r}")
    if (per_head < 0).any():
        raise ValueError(f"per_head is negative for Kreis {per_head.index[per_head < 0][0]!r}")
    x = per_head.to_numpy(float)
    n = population.loc[idx].to_numpy(float)
    codes, labels = pd.factorize(types.loc[idx], sort=True)
    pop_share = np.bincount(codes, weights=n) / n.sum()

    def shares(values):
        money = values * n
        return np.bincount(codes, weights=money, minlength=len(labels)) / money.sum()

    observed = shares(x)
    rng = np.random.default_rng(seed)
    null = np.array([shares(rng.permutation(x)) for _ in range(permutations)])
    dev = np.abs(np.log(np.maximum(null, 1e-300) / pop_share))
    obs_dev = np.abs(np.log(np.maximum(observed, 1e-300) / pop_share))
    k = (dev >= obs_dev - 1e-12).sum(axis=0)
    return pd.DataFrame({
        "kreise": np.bincount(codes),
        "per_head": np.bincount(codes, weights=x * n) / np.bincount(codes, weights=n),
        "observed": observed,
        "expected": pop_share,
        "ratio": observed / pop_share,
        "p": (k + 1) / (permutations + 1),
    }, index=pd.Index(labels, name=types.name or "type"))


def periphery_gradient(y: pd.Series, x: pd.Series, *, groups: pd.Series, log_x: bool = True):
    """Slope of a Kreis indicator along a periphery measure, within Länder.

    OLS of ``y`` on ``x`` (log of ``x`` by default) with fixed effects for
    ``groups`` (the Länder) and errors clustered by ``groups`` (t with G - 1
    degrees of freedom). A description of an association across districts,
    not an effect.

    Parameters
    ----------
    y, x : pandas.Series
        Indicator and periphery measure by Kreis (Kreise missing in either
        are dropped and counted).
    groups : pandas.Series
        Land (or other cluster) of each Kreis.
    log_x : bool, default True

    Returns
    -------
    pandas.Series
        ``slope``, ``se``, ``p``, ``ci_low``, ``ci_high`` (95 %), ``n``,
        ``dropped``, ``clusters`` and ``specification`` (the line to print
        under the table).

    Raises
    ------
    ValueError
        If fewer than 10 Kreise remain or ``x`` is not positive with
        ``log_x``.

    Examples
    --------
    >>> idx = [f"{i:05d}" for i in range(40)]
    >>> x = pd.Series(np.linspace(1, 40, 40), index=idx)
    >>> g = pd.Series(np.repeat(["a", "b", "c", "d"], 10), index=idx)
    >>> y = 2.0 * np.log(x)
    >>> round(float(periphery_gradient(y, x, groups=g)["slope"]), 6)
    2.0
    """
    import statsmodels.api as sm

    frame = pd.DataFrame({"y": y, "x": x}).dropna()
    dropped = int(len(y.index.union(x.index)) - len(frame))
    if len(frame) < 10:
        raise ValueError(f"only {len(frame)} Kreise have both values; need at least 10")
    if log_x:
        if (frame["x"] <= 0).any():
            raise ValueError(f"x must be positive for log_x, Kreis {frame.index[frame['x'] <= 0][0]!r} is not")
        frame["x"] = np.log(frame["x"])
    missing = frame.index.difference(groups.index)
    if len(missing):
        raise ValueError(f"groups has no value for Kreis {missing[0]!r}")
    g = groups.loc[frame.index]
    X = pd.concat([frame[["x"]], pd.get_dummies(g, prefix="g", dtype=float)], axis=1)
    codes, _ = pd.factorize(g)
    res = sm.OLS(frame["y"], X).fit(cov_type="cluster", cov_kwds={"groups": codes}, use_t=True)
    low, high = res.conf_int().loc["x"]
    spec = (f"OLS, {y.name or 'y'} on {'log ' if log_x else ''}{x.name or 'x'}; fixed effects for "
            f"{g.name or 'group'}; errors clustered by {g.name or 'group'} ({g.nunique()} clusters); "
            f"n = {len(frame)} Kreise" + (f" ({dropped} without data)" if dropped else ""))
    return pd.Series({"slope": float(res.params["x"]), "se": float(res.bse["x"]), "p": float(res.pvalues["x"]),
                      "ci_low": float(low), "ci_high": float(high), "n": int(len(frame)), "dropped": dropped,
                      "clusters": int(g.nunique()), "specification": spec})
