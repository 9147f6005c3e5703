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
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from regional_clusters._checks import check_count_matrix
from regional_clusters.convergence import _theil_1d
from regional_clusters.specialization import _gini_rows

from ._common import check_nonnegative, check_positive, check_probability

__all__ = ["allocate_budget", "growth_equalisation_frontier"]

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


def allocate_budget(
    income,
    population,
    central,
    *,
    share_peripheral: float,
    budget: float = 0.01,
    returns: Mapping = None,
    scale: Mapping = None,
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
        increasing, agglomeration; < 1 diminishing).

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
    budget = check_nonnegative("budget", budget)
    theta = _by_group({"central": 1.2, "peripheral": 1.0} if returns is None else returns, "returns", check_nonnegative)
    gamma = _by_group({"central": 1.3, "peripheral": 0.7} if scale is None else scale, "scale", check_positive)
    total_income = float((frame["income"] * frame["population"]).sum())
    B = budget * total_income
    N = float(frame["population"].sum())
    e_bar = B / N
    pop_g = frame.groupby("group")["population"].sum()
    spend_g = {"central": (1 - s) * B, "peripheral": s * B}
    out = frame.copy()
    out["spending"] = 0.0
    out["spending_per_head"] = 0.0
    out["gain_per_head"] = 0.0
    for g in _GROUPS:
        rows = out["group"] == g
        e_g = spend_g[g] / pop_g[g]
        gain = theta[g] * e_bar * (e_g / e_bar) ** gamma[g] if e_bar > 0 else 0.0
        out.loc[rows, "spending_per_head"] = e_g
        out.loc[rows, "spending"] = e_g * out.loc[rows, "population"]
        out.loc[rows, "gain_per_head"] = gain
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
    income, population, central, budget, returns, scale
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
    budget = check_nonnegative("budget", budget)
    theta = _by_group({"central": 1.2, "peripheral": 1.0} if returns is None else returns, "returns", check_nonnegative)
    gamma = _by_group({"central": 1.3, "peripheral": 0.7} if scale is None else scale, "scale", check_positive)
    y = frame["income"].to_numpy()
    n = frame["population"].to_numpy()
    is_central = (frame["group"] == "central").to_numpy()
    before_total = float(y @ n)
    N = float(n.sum())
    e_bar = budget * before_total / N
    pop_c, pop_p = float(n[is_central].sum()), float(n[~is_central].sum())
    theil_before = _theil_1d(y, n)
    rows = []
    for s in shares:
        if e_bar > 0:
            gain_c = theta["central"] * e_bar * ((1 - s) * budget * before_total / pop_c / e_bar) ** gamma["central"]
            gain_p = theta["peripheral"] * e_bar * (s * budget * before_total / pop_p / e_bar) ** gamma["peripheral"]
        else:
            gain_c = gain_p = 0.0
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
