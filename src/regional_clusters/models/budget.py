"""Allocating a cluster budget between central and peripheral regions.

The lighthouse paper's section IV names a dilemma: cluster policy can serve
the growth goal of spatial planning (support where agglomeration makes money
work hardest, usually the central regions) or its equalisation goal
(equivalent living conditions, *gleichwertige Lebensverhältnisse*, which asks
for support in rural-peripheral regions). This module makes the dilemma
explicit with a deliberately small model.

A budget :math:`B` (a share of total regional income) is split: a share
:math:`s` goes to the peripheral regions, :math:`1-s` to the central ones;
within each group it is spread in proportion to population, so that every
region of group :math:`g` receives the same spending per head :math:`e_g`.
With :math:`\\bar e = B/N` the spending per head of a uniform allocation, the
income gain per head in a region of group :math:`g` is

.. math::  \\Delta y_g = \\theta_g\\, \\bar e\\, (e_g/\\bar e)^{\\gamma_g} .

:math:`\\theta_g` is the return per euro at the uniform allocation, and
:math:`\\gamma_g` the returns to scale of concentrating funds:
:math:`\\gamma > 1` means increasing returns (agglomeration economies in the
central regions), :math:`\\gamma < 1` diminishing returns. Aggregate growth
and the population-weighted Theil index of incomes after the spending are
traced over :math:`s`: the growth-equalisation frontier.

Two variants can overturn what the power curves build in. *Critical mass*:
with ``critical_mass`` :math:`\\kappa_g` the gain follows an S-shaped (Hill)
curve, :math:`\\Delta y_g = \\theta_g \\bar e\\, (1+\\kappa_g^{\\gamma_g})
x^{\\gamma_g}/(\\kappa_g^{\\gamma_g} + x^{\\gamma_g})` with
:math:`x = e_g/\\bar e`: for :math:`\\gamma_g > 1` the first euros earn little
until spending per head nears :math:`\\kappa_g`, then returns diminish (the
same :math:`\\theta_g\\bar e` at :math:`x = 1`). *Spillovers*: the peripheral
regions also gain ``spillover`` :math:`\\psi` times the central gain per
head (commuting, suppliers).

**Growth-maximising share.** With power curves and no critical mass the
growth of total income is maximal where the marginal returns are equal,
:math:`\\theta_P\\gamma_P x_P^{\\gamma_P-1} = (1+\\psi N_P/N_C)\\,
\\theta_C\\gamma_C x_C^{\\gamma_C-1}`, with :math:`x_C = (1-s)N/N_C` and
:math:`x_P = sN/N_P`. For :math:`\\gamma_C = 1 > \\gamma_P` this gives
:math:`s^* = \\frac{N_P}{N}\\big[(1+\\psi N_P/N_C)\\theta_C/(\\theta_P\\gamma_P)\\big]^{1/(\\gamma_P-1)}`
(:func:`growth_maximising_share`, which maximises numerically in general):
for :math:`\\gamma_P < 1` the marginal return of the first euro in the
periphery is unbounded, so :math:`s^* > 0` by assumption.

**ODD description** (:cite:t:`grimm2020`; the growth-and-equalisation
chapter renders it in full).
**Purpose.** Show which assumptions about returns decide whether a cluster
budget faces a trade-off between growth and regional equality (lighthouse
paper, section IV). **Entities.** Regions with income per head, population
and a group (central or peripheral). **Process.** One static allocation; no
time, no behaviour. **Design concepts.** No adaptation, learning or
interaction except the spillover; *observation*: growth of total income,
Theil and Gini indices after spending. **Initialisation and input data.**
Regional income per head and population (e.g. :func:`bavarian_districts`).
**Submodels.** The return curves above.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy import optimize

from regional_clusters._checks import check_count_matrix
from regional_clusters.convergence import _theil_1d
from regional_clusters.specialization import _gini_rows

from ._common import check_nonnegative, check_positive, check_probability

__all__ = [
    "allocate_budget",
    "growth_equalisation_frontier",
    "growth_maximising_share",
    "budget_outcomes",
    "budget_scenario",
    "bavarian_districts",
]

_GROUPS = ("central", "peripheral")


def _regions(income, population, central) -> pd.DataFrame:
    """Validate income, population and the central set; one row per region."""
    for label, s in (("income", income), ("population", population)):
        if not isinstance(s, pd.Series):
            raise ValueError(f"{label} must be a pandas Series indexed by region, got {type(s).__name__}")
    missing = income.index.difference(population.index)
    if len(missing):
        raise ValueError(f"population has no value for region {missing[0]!r}")
    extra = population.index.difference(income.index)
    if len(extra):
        raise ValueError(f"income has no value for region {extra[0]!r}")
    frame = pd.DataFrame({"income": income, "population": population.reindex(income.index)})
    frame = check_count_matrix(frame, name="regions (income, population)")
    for col in ("income", "population"):
        zero = frame.index[frame[col] == 0]
        if len(zero):
            raise ValueError(f"{col} is zero for region {zero[0]!r}")
    if isinstance(central, pd.Series) and pd.api.types.is_bool_dtype(central):
        central = central.index[central.astype(bool)]
    if isinstance(central, str) or not hasattr(central, "__iter__"):
        central = [central]
    central = list(central)
    unknown = [c for c in central if c not in frame.index]
    if unknown:
        raise ValueError(f"central region {unknown[0]!r} is not among the regions")
    frame["group"] = np.where(frame.index.isin(central), "central", "peripheral")
    for g in _GROUPS:
        if not (frame["group"] == g).any():
            raise ValueError(f"no {g} region: name at least one central and one peripheral region")
    return frame


def _by_group(value, name: str, check) -> dict:
    if not isinstance(value, Mapping) or set(value) != set(_GROUPS):
        raise ValueError(f"{name} must be a mapping with keys 'central' and 'peripheral', got {value!r}")
    return {g: check(f"{name}[{g!r}]", value[g]) for g in _GROUPS}


def _returns(budget, returns, scale, critical_mass, spillover) -> dict:
    """Validated parameters of the return curves."""
    theta = _by_group({"central": 1.2, "peripheral": 1.0} if returns is None else returns, "returns", check_nonnegative)
    gamma = _by_group({"central": 1.3, "peripheral": 0.7} if scale is None else scale, "scale", check_positive)
    if critical_mass is None:
        kappa = {g: None for g in _GROUPS}
    else:
        if not isinstance(critical_mass, Mapping) or not set(critical_mass) <= set(_GROUPS) or not critical_mass:
            raise ValueError(f"critical_mass must map 'central' and/or 'peripheral' to a value > 0, got {critical_mass!r}")
        kappa = {g: None if critical_mass.get(g) is None else check_positive(f"critical_mass[{g!r}]", critical_mass[g])
                 for g in _GROUPS}
    return {
        "budget": check_nonnegative("budget", budget),
        "theta": theta,
        "gamma": gamma,
        "kappa": kappa,
        "spillover": check_nonnegative("spillover", spillover),
    }


def _curve(x, gamma: float, kappa) -> np.ndarray:
    """Gain relative to theta * e_bar at relative spending x: power or S-shaped (Hill)."""
    x = np.asarray(x, dtype=float)
    if kappa is None:
        return x**gamma
    k = kappa**gamma
    return (1 + k) * x**gamma / (k + x**gamma)


def _group_gains(shares, pop_c: float, pop_p: float, e_bar: float, par: dict) -> tuple[np.ndarray, np.ndarray]:
    """Income gain per head in the central and the peripheral regions for each share."""
    s = np.asarray(shares, dtype=float)
    n = pop_c + pop_p
    if e_bar == 0:
        return np.zeros_like(s), np.zeros_like(s)
    x_c, x_p = (1 - s) * n / pop_c, s * n / pop_p
    gain_c = par["theta"]["central"] * e_bar * _curve(x_c, par["gamma"]["central"], par["kappa"]["central"])
    gain_p = par["theta"]["peripheral"] * e_bar * _curve(x_p, par["gamma"]["peripheral"], par["kappa"]["peripheral"])
    return gain_c, gain_p + par["spillover"] * gain_c


def allocate_budget(
    income,
    population,
    central,
    *,
    share_peripheral: float,
    budget: float = 0.01,
    returns: Mapping = None,
    scale: Mapping = None,
    critical_mass: Mapping = None,
    spillover: float = 0.0,
) -> pd.DataFrame:
    """Spend a budget on central and peripheral regions; incomes before and after.

    Parameters
    ----------
    income : pandas.Series
        Income (or GDP) per head by region, positive.
    population : pandas.Series
        Population by region, positive, same regions.
    central : label, list of labels or boolean Series
        The central regions; all others are peripheral.
    share_peripheral : float in [0, 1]
        Share :math:`s` of the budget spent in the peripheral regions.
    budget : float, default 0.01
        Budget as a share of total income :math:`\\sum_i n_i y_i`.
    returns : mapping, default ``{"central": 1.2, "peripheral": 1.0}``
        :math:`\\theta_g`: income gained per unit spent at the uniform
        allocation.
    scale : mapping, default ``{"central": 1.3, "peripheral": 0.7}``
        :math:`\\gamma_g`: returns to scale of spending per head (> 1
        increasing, agglomeration; < 1 diminishing); with a critical mass,
        the steepness of the S-curve.
    critical_mass : mapping, optional
        :math:`\\kappa_g` (> 0) for the groups whose gain follows the
        S-shaped curve of the module text, e.g. ``{"peripheral": 1.0}``;
        groups not named keep the power curve.
    spillover : float, default 0.0
        :math:`\\psi \\ge 0`: the peripheral regions also gain this multiple
        of the central gain per head.

    Returns
    -------
    pandas.DataFrame
        One row per region: ``group``, ``population``, ``income`` (before),
        ``spending`` (total), ``spending_per_head``, ``gain_per_head`` and
        ``income_after``.

    Raises
    ------
    ValueError
        For misaligned or non-positive income or population (naming the
        region), an unknown central region, no central or no peripheral
        region, or parameters out of range (naming the parameter).

    References
    ----------
    Martin, P. (1999). Public policies, regional inequalities and growth.
    *Journal of Public Economics* 73(1), 85-105 (the efficiency-equity
    trade-off of regional policy under agglomeration economies).

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.Series({"C": 2.0, "P": 1.0}); n = pd.Series({"C": 1.0, "P": 1.0})
    >>> a = allocate_budget(y, n, "C", share_peripheral=0.5, budget=0.0)
    >>> a["income_after"].tolist()
    [2.0, 1.0]
    >>> a = allocate_budget(y, n, "C", share_peripheral=0.5, budget=0.1,
    ...                     returns={"central": 1.0, "peripheral": 1.0})
    >>> a["gain_per_head"].round(6).tolist()   # uniform: theta * B / N each
    [0.15, 0.15]
    """
    frame = _regions(income, population, central)
    s = check_probability("share_peripheral", share_peripheral)
    par = _returns(budget, returns, scale, critical_mass, spillover)
    total_income = float((frame["income"] * frame["population"]).sum())
    B = par["budget"] * total_income
    pop_g = frame.groupby("group")["population"].sum()
    gain_c, gain_p = _group_gains(s, float(pop_g["central"]), float(pop_g["peripheral"]), B / float(pop_g.sum()), par)
    spend_g = {"central": (1 - s) * B, "peripheral": s * B}
    gain_g = {"central": float(gain_c), "peripheral": float(gain_p)}
    out = frame.copy()
    out["spending_per_head"] = out["group"].map({g: spend_g[g] / pop_g[g] for g in _GROUPS}).astype(float)
    out["spending"] = out["spending_per_head"] * out["population"]
    out["gain_per_head"] = out["group"].map(gain_g).astype(float)
    out["income_after"] = out["income"] + out["gain_per_head"]
    out.index.name = "region"
    return out[["group", "population", "income", "spending", "spending_per_head", "gain_per_head", "income_after"]]


def growth_equalisation_frontier(
    income,
    population,
    central,
    *,
    budget: float = 0.01,
    returns: Mapping = None,
    scale: Mapping = None,
    critical_mass: Mapping = None,
    spillover: float = 0.0,
    shares=None,
) -> pd.DataFrame:
    """Growth and regional inequality over the budget share of the periphery.

    Runs :func:`allocate_budget` for each share :math:`s` and records the
    aggregate growth of income, the population-weighted Theil index and Gini
    coefficient of income per head after spending, and the income gap
    between the central and the peripheral group. A share is *efficient*
    when no other share gives both more growth and less inequality (Theil).

    Parameters
    ----------
    income, population, central, budget, returns, scale, critical_mass, spillover
        As in :func:`allocate_budget`.
    shares : array-like of float in [0, 1], optional
        Shares of the budget going to the periphery; default 0, 0.05, ..., 1.

    Returns
    -------
    pandas.DataFrame
        One row per share: ``share_peripheral``, ``growth`` (percent of total
        income), ``theil``, ``theil_before``, ``theil_change`` (percent of the
        index before), ``gini``, ``gap`` (income per head, central over
        peripheral group) and ``efficient`` (bool).

    Raises
    ------
    ValueError
        As :func:`allocate_budget`; also for an empty ``shares`` or a share
        outside [0, 1].

    References
    ----------
    Martin, P. (1999). Public policies, regional inequalities and growth.
    *Journal of Public Economics* 73(1), 85-105.
    Shorrocks, A. F. (1980). The class of additively decomposable inequality
    measures. *Econometrica* 48(3), 613-625.

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.Series({"C": 2.0, "P1": 1.0, "P2": 1.0})
    >>> n = pd.Series({"C": 2.0, "P1": 1.0, "P2": 1.0})
    >>> f = growth_equalisation_frontier(y, n, ["C"], shares=[0, 0.5, 1])
    >>> bool(f["growth"].iloc[0] > f["growth"].iloc[-1])
    True
    >>> bool(f["theil"].iloc[0] > f["theil"].iloc[-1])
    True
    """
    shares = np.linspace(0, 1, 21) if shares is None else np.asarray(shares, dtype=float).ravel()
    if shares.size == 0:
        raise ValueError("shares is empty")
    for s in shares:
        check_probability("shares", float(s))
    frame = _regions(income, population, central)
    par = _returns(budget, returns, scale, critical_mass, spillover)
    y = frame["income"].to_numpy()
    n = frame["population"].to_numpy()
    is_central = (frame["group"] == "central").to_numpy()
    before_total = float(y @ n)
    pop_c, pop_p = float(n[is_central].sum()), float(n[~is_central].sum())
    e_bar = par["budget"] * before_total / (pop_c + pop_p)
    gains_c, gains_p = _group_gains(shares, pop_c, pop_p, e_bar, par)
    theil_before = _theil_1d(y, n)
    rows = []
    for s, gain_c, gain_p in zip(shares, gains_c, gains_p):
        after = y + np.where(is_central, gain_c, gain_p)
        total = float(after @ n)
        t = _theil_1d(after, n)
        rows.append(
            {
                "share_peripheral": float(s),
                "growth": 100 * (total / before_total - 1),
                "theil": t,
                "theil_before": theil_before,
                "theil_change": 100 * (t / theil_before - 1) if theil_before > 0 else 0.0,
                "gini": float(_gini_rows(after, n)[0]),
                "gap": float((after[is_central] @ n[is_central] / pop_c) / (after[~is_central] @ n[~is_central] / pop_p)),
            }
        )
    out = pd.DataFrame(rows)
    g, t = out["growth"].to_numpy(), out["theil"].to_numpy()
    tol = 1e-12
    dominated = [
        bool(np.any((g >= g[i] - tol) & (t <= t[i] + tol) & ((g > g[i] + tol) | (t < t[i] - tol)))) for i in range(len(out))
    ]
    out["efficient"] = ~np.asarray(dominated)
    return out


def growth_maximising_share(
    income,
    population,
    central,
    *,
    budget: float = 0.01,
    returns: Mapping = None,
    scale: Mapping = None,
    critical_mass: Mapping = None,
    spillover: float = 0.0,
) -> float:
    """Share of the budget for the periphery that maximises the growth of total income.

    Searches a grid of 2,001 shares and refines the best one with a bounded
    scalar search, so that several local maxima (S-shaped returns,
    :math:`\\gamma_C > 1`) are handled. For power curves with
    :math:`\\gamma_C = 1 > \\gamma_P` the result agrees with the closed form
    of the module text.

    Parameters
    ----------
    income, population, central, budget, returns, scale, critical_mass, spillover
        As in :func:`allocate_budget`.

    Returns
    -------
    float
        The growth-maximising share :math:`s^*` in [0, 1].

    Raises
    ------
    ValueError
        As :func:`allocate_budget`.

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.Series({"C": 2.0, "P": 1.0}); n = pd.Series({"C": 1.0, "P": 1.0})
    >>> s = growth_maximising_share(y, n, "C", returns={"central": 1.0, "peripheral": 1.0},
    ...                             scale={"central": 1.0, "peripheral": 0.5})
    >>> round(s, 4)    # closed form: (1/2) * (1 / 0.5) ** (1 / (0.5 - 1)) = 1/8
    0.125
    """
    frame = _regions(income, population, central)
    par = _returns(budget, returns, scale, critical_mass, spillover)
    pop = frame.groupby("group")["population"].sum()
    return _best_share(float(pop["central"]), float(pop["peripheral"]), par)


_SHARE_GRID = np.linspace(0.0, 1.0, 2001)


def _best_share(pop_c: float, pop_p: float, par: dict) -> float:
    """Growth-maximising share: the best of a fine grid, refined by a bounded search."""
    weight_c = pop_c + par["spillover"] * pop_p
    no_spill = {**par, "spillover": 0.0}

    def total_gain(s):
        gain_c, gain_p = _group_gains(s, pop_c, pop_p, 1.0, no_spill)
        return weight_c * gain_c + pop_p * gain_p

    grid = _SHARE_GRID
    i = int(np.argmax(total_gain(grid)))
    lo, hi = grid[max(i - 1, 0)], grid[min(i + 1, len(grid) - 1)]
    best = optimize.minimize_scalar(lambda s: -float(total_gain(s)), bounds=(lo, hi), method="bounded",
                                    options={"xatol": 1e-10})
    return float(best.x) if -best.fun >= total_gain(grid[i]) else float(grid[i])


def budget_outcomes(income, population, central, *, budget: float = 0.01, returns: Mapping = None,
                    scale: Mapping = None, critical_mass: Mapping = None, spillover: float = 0.0) -> pd.Series:
    """What the frontier says about a budget, in a few numbers (for sweeps and sensitivity analysis).

    Parameters
    ----------
    income, population, central, budget, returns, scale, critical_mass, spillover
        As in :func:`allocate_budget`.

    Returns
    -------
    pandas.Series
        ``best_share`` (:func:`growth_maximising_share`), ``growth_best`` and
        ``growth_zero`` (growth in % of total income at the best share and
        with nothing for the periphery), ``win_win`` (their difference,
        percentage points: positive when giving the periphery something
        raises growth), ``theil_change_best`` and ``theil_change_zero`` (%
        change of the Theil index), and ``tradeoff`` (1.0 if giving
        everything to the centre is not beaten on both growth and equality
        by the growth-maximising share; else 0.0).

    Raises
    ------
    ValueError
        As :func:`allocate_budget`.

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.Series({"C": 2.0, "P": 1.0}); n = pd.Series({"C": 1.0, "P": 1.0})
    >>> o = budget_outcomes(y, n, "C", scale={"central": 1.0, "peripheral": 0.5})
    >>> bool(o["win_win"] > 0), float(o["tradeoff"])
    (True, 0.0)
    """
    frame = _regions(income, population, central)
    par = _returns(budget, returns, scale, critical_mass, spillover)
    y = frame["income"].to_numpy()
    n = frame["population"].to_numpy()
    is_central = (frame["group"] == "central").to_numpy()
    pop_c, pop_p = float(n[is_central].sum()), float(n[~is_central].sum())
    best = _best_share(pop_c, pop_p, par)
    before_total = float(y @ n)
    gains_c, gains_p = _group_gains([0.0, best], pop_c, pop_p, par["budget"] * before_total / (pop_c + pop_p), par)
    theil_before = _theil_1d(y, n)
    growth, theil_change = [], []
    for gain_c, gain_p in zip(gains_c, gains_p):
        after = y + np.where(is_central, gain_c, gain_p)
        growth.append(100 * (float(after @ n) / before_total - 1))
        theil_change.append(100 * (_theil_1d(after, n) / theil_before - 1) if theil_before > 0 else 0.0)
    tol = 1e-12
    zero_beaten = growth[1] > growth[0] + tol and theil_change[1] <= theil_change[0] + tol
    return pd.Series(
        {
            "best_share": best,
            "growth_best": growth[1],
            "growth_zero": growth[0],
            "win_win": growth[1] - growth[0],
            "theil_change_best": theil_change[1],
            "theil_change_zero": theil_change[0],
            "tradeoff": 0.0 if zero_beaten else 1.0,
        },
        dtype=float,
    )


def budget_scenario(
    *,
    income,
    population,
    central,
    theta_central: float = 1.2,
    theta_peripheral: float = 1.0,
    gamma_central: float = 1.3,
    gamma_peripheral: float = 0.7,
    critical_mass: float = 0.0,
    spillover: float = 0.0,
    budget: float = 0.01,
    seed=None,
) -> pd.Series:
    """:func:`budget_outcomes` with every free parameter as a plain number (for sweeps and sensitivity).

    Parameters
    ----------
    income, population, central
        As in :func:`allocate_budget`.
    theta_central, theta_peripheral, gamma_central, gamma_peripheral : float
        :math:`\\theta_g` and :math:`\\gamma_g`.
    critical_mass : float, default 0.0
        :math:`\\kappa_P` of an S-shaped peripheral curve; 0 keeps the power curve.
    spillover, budget : float
        As in :func:`allocate_budget`.
    seed : ignored
        The model is deterministic; accepted so that
        :func:`~regional_clusters.models.sweep.sweep` and
        :func:`~regional_clusters.models.sensitivity.sensitivity` can call it.

    Returns
    -------
    pandas.Series
        As :func:`budget_outcomes`.

    Raises
    ------
    ValueError
        As :func:`allocate_budget`, or for a negative ``critical_mass``.

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.Series({"C": 2.0, "P": 1.0}); n = pd.Series({"C": 1.0, "P": 1.0})
    >>> o = budget_scenario(income=y, population=n, central="C", gamma_central=1.0, gamma_peripheral=0.5,
    ...                     theta_central=1.0)
    >>> round(float(o["best_share"]), 4)
    0.125
    """
    kappa = check_nonnegative("critical_mass", critical_mass)
    return budget_outcomes(
        income,
        population,
        central,
        budget=budget,
        returns={"central": theta_central, "peripheral": theta_peripheral},
        scale={"central": gamma_central, "peripheral": gamma_peripheral},
        critical_mass={"peripheral": kappa} if kappa > 0 else None,
        spillover=spillover,
    )


def bavarian_districts(year: int = 2018) -> pd.DataFrame:
    """Bavaria's seven governmental districts (NUTS 2): GDP per head, population, centre.

    Upper Bavaria (DE21, with Munich) is the central region, the other six
    the periphery, as in the growth-and-equalisation chapter.

    Parameters
    ----------
    year : int, default 2018
        Year of the Eurostat regional accounts.

    Returns
    -------
    pandas.DataFrame
        Index ``region`` (NUTS code): ``income`` (GDP per head, euro at
        current prices), ``population`` and ``central`` (bool).

    Raises
    ------
    ValueError
        If a district lacks GDP or population in ``year``.

    References
    ----------
    Eurostat, regional economic accounts (tables nama_10r_2gdp, demo_r_pjanaggr3).

    Examples
    --------
    >>> d = bavarian_districts(2018)
    >>> d.index.tolist()[:2], int(d["central"].sum())
    (['DE21', 'DE22'], 1)
    """
    from regional_clusters.data import load_eurostat_nuts2

    codes = [f"DE2{i}" for i in range(1, 8)]
    nuts = load_eurostat_nuts2(level=2)
    rows = nuts[nuts["geo"].isin(codes) & (nuts["year"] == year)]
    wide = rows.pivot_table(index="geo", columns="indicator", values="value", aggfunc="first")
    for label in ("gdp", "population"):
        missing = [c for c in codes if c not in wide.index or label not in wide or pd.isna(wide.loc[c, label])]
        if missing:
            raise ValueError(f"no {label} for district {missing[0]!r} in {year}")
    out = pd.DataFrame(
        {
            "income": wide.loc[codes, "gdp"] * 1e6 / wide.loc[codes, "population"],
            "population": wide.loc[codes, "population"].astype(float),
            "central": [c == "DE21" for c in codes],
        },
        index=pd.Index(codes, name="region"),
    )
    return out
