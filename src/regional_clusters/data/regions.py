"""Planning and labour-market regions of the 400 districts, reconstructed.

The BBSR's 96 planning regions (Raumordnungsregionen) are functional regions
between the district (Kreis) and the Land. INKAR publishes indicators for
them, but no mirrored file says which districts each one contains. The
membership is *reconstructed* here from the published aggregates: every
district belongs to exactly one region of its Land (Bremerhaven, of the
Land Bremen, may belong to a region of Lower Saxony, with which it forms
one), and the population density and GDP per inhabitant that INKAR
publishes for each region in each year (1995-2022) must be reproduced by
summing the districts' inhabitants, areas and GDP. An integer programme
(scipy's HiGHS) picks, block by block, the assignment with the smallest
total relative deviation.

The 223 labour-market regions (Arbeitsmarktregionen, commuting areas) are
reconstructed the same way, except that they may cross Land borders: a
district may join a labour-market region whose centre lies within 60 km of
it, the centre being the district whose name the region bears (Eisenach,
which joined the Wartburgkreis in 2021, names the region of the
Wartburgkreis).

The solves take from seconds to minutes, so their results are kept as the
coding tables ``kreis_planning_regions`` and
``kreis_labour_market_regions``; :func:`planning_regions` and
:func:`labour_market_regions` read them, and :func:`check_planning_regions`
and :func:`check_labour_market_regions` recompute the aggregates and report
the largest deviation, which the tests hold below a stated tolerance.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .loaders import coding_table

__all__ = [
    "planning_regions", "check_planning_regions", "reconstruct_planning_regions",
    "labour_market_regions", "check_labour_market_regions", "reconstruct_labour_market_regions",
]

_LEVEL = "Raumordnungsregionen"
_LMR_LEVEL = "Arbeitsmarktregionen"
# Länder solved together because a planning region crosses their border
_BLOCKS = {"04": "03"}


def planning_regions() -> pd.Series:
    """Planning region (Raumordnungsregion) of each of the 400 districts, reconstructed.

    Returns
    -------
    pandas.Series
        4-digit region code indexed by the 5-digit district code, named
        ``planning_region``.

    Notes
    -----
    A reconstruction from INKAR's published aggregates, not the BBSR's own
    reference file; see the module docstring and
    :func:`check_planning_regions`.

    Examples
    --------
    >>> pr = planning_regions()
    >>> len(pr), pr.nunique(), pr["09162"]
    (400, 96, '0910')
    """
    table = coding_table("kreis_planning_regions").astype(str)
    # read_csv drops leading zeros of the codes: restore them
    return pd.Series(table["planning_region"].str.zfill(4).to_numpy(),
                     index=pd.Index(table["kreis"].str.zfill(5).to_numpy(), name="kreis"), name="planning_region")


def _kreis_series():
    from .germany import inkar_indicator
    from ..periphery import kreis_areas

    area = kreis_areas()
    pop = inkar_indicator("density").mul(area, axis=0)
    gdp = inkar_indicator("gdp_per_head")
    years = gdp.columns.intersection(pop.columns)
    return {
        "q_bev_fl": (pop, pd.DataFrame({y: area for y in pop.columns})),
        "q_bip_ew": (gdp[years] * pop[years], pop[years]),
    }


def _check(membership: pd.Series, level: str) -> pd.DataFrame:
    from .germany import load_inkar_aggregates

    agg = load_inkar_aggregates(level)
    rows = []
    for ind, (num, den) in _kreis_series().items():
        merged = num.groupby(membership).sum() / den.groupby(membership).sum()
        pub = agg[agg["indicator"] == ind].pivot(index="kennziffer", columns="year", values="value")
        years = pub.columns.intersection(merged.columns)
        gap = (merged.reindex(pub.index)[years] / pub[years] - 1).abs().max(axis=1)
        rows.append(pd.DataFrame({"indicator": ind, "max_rel_gap": gap}))
    return pd.concat(rows).rename_axis("region").reset_index()


def check_planning_regions(membership: pd.Series | None = None) -> pd.DataFrame:
    """Compare the aggregates of a membership with the ones INKAR publishes.

    Parameters
    ----------
    membership : pandas.Series, optional
        Planning region of each district (default :func:`planning_regions`).

    Returns
    -------
    pandas.DataFrame
        One row per region and indicator (``q_bev_fl`` density,
        ``q_bip_ew`` GDP per inhabitant): ``region``, ``indicator`` and the
        largest relative deviation over the years, ``max_rel_gap``.

    Examples
    --------
    >>> gaps = check_planning_regions()
    >>> bool(gaps["max_rel_gap"].median() < 0.001)
    True
    """
    return _check(planning_regions() if membership is None else membership, _LEVEL)


def labour_market_regions() -> pd.Series:
    """Labour-market region (Arbeitsmarktregion) of each of the 400 districts, reconstructed.

    Returns
    -------
    pandas.Series
        3-digit region code indexed by the 5-digit district code, named
        ``labour_market_region``.

    Notes
    -----
    A reconstruction from INKAR's published aggregates, not the BBSR's own
    reference file; see the module docstring and
    :func:`check_labour_market_regions`.

    Examples
    --------
    >>> lmr = labour_market_regions()
    >>> len(lmr), lmr.nunique(), lmr["09162"] == lmr["09174"]   # Munich and Dachau
    (400, 223, True)
    """
    table = coding_table("kreis_labour_market_regions").astype(str)
    return pd.Series(table["labour_market_region"].str.zfill(3).to_numpy(),
                     index=pd.Index(table["kreis"].str.zfill(5).to_numpy(), name="kreis"),
                     name="labour_market_region")


def check_labour_market_regions(membership: pd.Series | None = None) -> pd.DataFrame:
    """Compare the aggregates of a labour-market membership with INKAR's.

    Parameters
    ----------
    membership : pandas.Series, optional
        Region of each district (default :func:`labour_market_regions`).

    Returns
    -------
    pandas.DataFrame
        As :func:`check_planning_regions`.

    Examples
    --------
    >>> gaps = check_labour_market_regions()
    >>> bool(gaps["max_rel_gap"].median() < 0.001)
    True
    """
    return _check(labour_market_regions() if membership is None else membership, _LMR_LEVEL)


def reconstruct_planning_regions(*, time_limit: float = 600.0) -> pd.Series:
    """Solve the integer programme that assigns districts to planning regions (slow).

    Parameters
    ----------
    time_limit : float, default 600
        Seconds per block of Länder for the solver.

    Returns
    -------
    pandas.Series
        Region code of each district (as :func:`planning_regions`).

    Raises
    ------
    ValueError
        If the solver finds no feasible assignment for a block (named).

    References
    ----------
    BBSR, Laufende Raumbeobachtung, Raumabgrenzungen: Raumordnungsregionen
    (www.bbsr.bund.de).

    Examples
    --------
    >>> callable(reconstruct_planning_regions)   # minutes to run; see planning_regions
    True
    """
    import scipy.sparse as sps
    from scipy.optimize import Bounds, LinearConstraint, milp

    from .germany import load_inkar_aggregates, load_kreise

    agg = load_inkar_aggregates(_LEVEL)
    kreise = load_kreise()
    series = _kreis_series()
    block_of = kreise["land"].map(lambda land: _BLOCKS.get(land, land))
    out = {}
    for block in sorted(block_of.unique()):
        lands = [block] + [k for k, v in _BLOCKS.items() if v == block]
        ks = kreise.index[block_of == block]
        regs = sorted(agg.loc[agg["kennziffer"].str[:2].isin(lands), "kennziffer"].unique())
        if len(regs) == 1:
            out.update({k: regs[0] for k in ks})
            continue
        nk, nr = len(ks), len(regs)
        nx = nk * nr
        rows, cols, vals, lo, hi = [], [], [], [], []
        for i in range(nk):
            rows += [i] * nr
            cols += list(range(i * nr, (i + 1) * nr))
            vals += [1.0] * nr
            lo.append(1.0)
            hi.append(1.0)
        eq = nk
        for ind, (num, den) in series.items():
            pub = agg[(agg["indicator"] == ind) & agg["kennziffer"].isin(regs)]
            for (region, year), value in pub.set_index(["kennziffer", "year"])["value"].items():
                if year not in num.columns:
                    continue
                j = regs.index(region)
                coef = (num.loc[ks, year] - value * den.loc[ks, year]).to_numpy()
                scale = value * den.loc[ks, year].sum() / nr
                rows += [eq] * nk
                cols += [i * nr + j for i in range(nk)]
                vals += list(coef / scale)
                # deviation = e_plus - e_minus, both >= 0, minimised
                rows += [eq, eq]
                cols += [nx + 2 * (eq - nk), nx + 2 * (eq - nk) + 1]
                vals += [-1.0, 1.0]
                lo.append(0.0)
                hi.append(0.0)
                eq += 1
        ns = eq - nk
        A = sps.csr_matrix((vals, (rows, cols)), shape=(eq, nx + 2 * ns))
        c = np.r_[np.zeros(nx), np.ones(2 * ns)]
        res = milp(c, constraints=LinearConstraint(A, lo, hi),
                   integrality=np.r_[np.ones(nx), np.zeros(2 * ns)],
                   bounds=Bounds(np.zeros(nx + 2 * ns), np.r_[np.ones(nx), np.full(2 * ns, np.inf)]),
                   options={"time_limit": time_limit})
        if res.x is None:
            raise ValueError(f"no feasible assignment of districts to planning regions in Land block {block!r}")
        x = res.x[:nx].reshape(nk, nr)
        out.update({k: regs[int(x[i].argmax())] for i, k in enumerate(ks)})
    return pd.Series(out, name="planning_region").rename_axis("kreis").sort_index()


def _anchors(names: pd.Series, kreise: pd.DataFrame) -> dict:
    """Districts whose name a labour-market region bears (its centre; two when city and Landkreis share it)."""
    import re

    def norm(text: str) -> str:
        text = re.sub(r"\s*\(.*?\)", "", text).split(",")[0].lower()
        for word in ("regionalverband", "städteregion", "region "):
            text = text.replace(word, "")
        return re.sub(r"[^a-zäöüß]", "", text)

    kn = kreise["name"].map(norm)
    out = {}
    for code, name in names.items():
        hit = list(kn.index[kn == norm(name)]) or list(kn.index[kn.str.contains(norm(name), regex=False)])
        if not hit and norm(name) == "eisenach":
            hit = ["16063"]  # Eisenach joined the Wartburgkreis on 1 July 2021
        if not hit:
            raise ValueError(f"labour-market region {code!r} ({name}) names no district")
        out[code] = hit
    return out


def reconstruct_labour_market_regions(*, radius_km: float = 60.0, even_years: bool = True,
                                      time_limit: float = 900.0) -> pd.Series:
    """Solve the integer programme that assigns districts to labour-market regions.

    Parameters
    ----------
    radius_km : float, default 60
        A district may join a region whose centre district lies within this
        distance (between centroids).
    even_years : bool, default True
        Fit the aggregates of even years only (half the equations; the
        odd years then serve as a check).
    time_limit : float, default 900
        Seconds for the solver.

    Returns
    -------
    pandas.Series
        Region code of each district (as :func:`labour_market_regions`).

    Raises
    ------
    ValueError
        If a region names no district, or the solver finds no assignment.

    References
    ----------
    BBSR, Laufende Raumbeobachtung, Raumabgrenzungen: Arbeitsmarktregionen
    (www.bbsr.bund.de).

    Examples
    --------
    >>> callable(reconstruct_labour_market_regions)   # about half a minute; see labour_market_regions
    True
    """
    import scipy.sparse as sps
    from scipy.optimize import Bounds, LinearConstraint, milp

    from .germany import kreis_geodataframe, load_inkar_aggregates, load_kreise

    agg = load_inkar_aggregates(_LMR_LEVEL)
    names = agg.drop_duplicates("kennziffer").set_index("kennziffer")["name"]
    kreise = load_kreise()
    anchors = _anchors(names, kreise)
    geo = kreis_geodataframe().to_crs(3035)
    centre = geo.geometry.centroid
    xy = np.c_[centre.x, centre.y] / 1000.0
    pos = {code: i for i, code in enumerate(geo.index)}
    dist = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=-1))
    regs = sorted(names.index)
    allowed = {k: [r for r in regs if min(dist[pos[k], pos[a]] for a in anchors[r]) <= radius_km]
               for k in geo.index}
    ks = list(geo.index)
    var = [(k, r) for k in ks for r in allowed[k]]
    vidx = {v: i for i, v in enumerate(var)}
    nx = len(var)
    rows, cols, vals, lo, hi = [], [], [], [], []
    for i, k in enumerate(ks):
        for r in allowed[k]:
            rows.append(i)
            cols.append(vidx[(k, r)])
            vals.append(1.0)
        lo.append(1.0)
        hi.append(1.0)
    eq = len(ks)
    for ind, (num, den) in _kreis_series().items():
        pub = agg[agg["indicator"] == ind]
        for (region, year), value in pub.set_index(["kennziffer", "year"])["value"].items():
            if year not in num.columns or (even_years and year % 2):
                continue
            members = [k for k in ks if region in allowed[k]]
            coef = num.loc[members, year] - value * den.loc[members, year]
            scale = value * den[year].sum() / len(regs)
            rows += [eq] * len(members)
            cols += [vidx[(k, region)] for k in members]
            vals += list(coef.to_numpy() / scale)
            j = eq - len(ks)
            rows += [eq, eq]
            cols += [nx + 2 * j, nx + 2 * j + 1]
            vals += [-1.0, 1.0]
            lo.append(0.0)
            hi.append(0.0)
            eq += 1
    ns = eq - len(ks)
    A = sps.csr_matrix((vals, (rows, cols)), shape=(eq, nx + 2 * ns))
    res = milp(np.r_[np.zeros(nx), np.ones(2 * ns)], constraints=LinearConstraint(A, lo, hi),
               integrality=np.r_[np.ones(nx), np.zeros(2 * ns)],
               bounds=Bounds(np.zeros(nx + 2 * ns), np.r_[np.ones(nx), np.full(2 * ns, np.inf)]),
               options={"time_limit": time_limit})
    if res.x is None:
        raise ValueError("no feasible assignment of districts to labour-market regions")
    chosen = {k: r for (k, r), v in zip(var, res.x[:nx]) if v > 0.5}
    return pd.Series(chosen, name="labour_market_region").rename_axis("kreis").sort_index()
