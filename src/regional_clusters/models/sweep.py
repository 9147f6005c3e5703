"""Parameter sweeps over seeds with confidence intervals, as tidy tables.

Every model in :mod:`regional_clusters.models` returns a
:class:`~regional_clusters.models._common.ModelResult` whose ``summary`` holds
scalar outcomes. :func:`sweep` runs a model over a grid of parameter values
and several seeds and returns one row per parameter combination and outcome,
with the mean over seeds and a Student-t confidence interval.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd
from scipy import stats

from ._common import check_int, check_probability

__all__ = ["sweep", "summarise_runs"]


def _as_summary(out) -> pd.Series:
    summary = getattr(out, "summary", out)
    if isinstance(summary, Mapping):
        summary = pd.Series(summary, dtype=float)
    if not isinstance(summary, pd.Series):
        raise ValueError("model must return a ModelResult, a pandas Series or a mapping of scalar outcomes")
    return summary.astype(float)


def summarise_runs(runs: pd.DataFrame, by: list[str], *, level: float = 0.95) -> pd.DataFrame:
    """Mean and Student-t confidence interval of ``value`` over seeds.

    Parameters
    ----------
    runs : pandas.DataFrame
        Long table with columns ``by``, ``seed``, ``outcome`` and ``value``
        (as returned by ``sweep(..., raw=True)``).
    by : list of str
        Parameter columns that define a cell of the sweep.
    level : float, default 0.95
        Confidence level of the interval.

    Returns
    -------
    pandas.DataFrame
        Columns ``by``, ``outcome``, ``n``, ``mean``, ``sd``, ``lower``,
        ``upper``. With one seed the interval collapses to the mean.

    Raises
    ------
    ValueError
        If a needed column is missing or ``level`` is not in (0, 1).

    Examples
    --------
    >>> runs = pd.DataFrame({"p": [1, 1], "seed": [0, 1], "outcome": "y", "value": [1.0, 3.0]})
    >>> summarise_runs(runs, ["p"]).round(3).to_dict("records")
    [{'p': 1, 'outcome': 'y', 'n': 2, 'mean': 2.0, 'sd': 1.414, 'lower': -10.706, 'upper': 14.706}]
    """
    level = check_probability("level", level)
    if not 0 < level < 1:
        raise ValueError(f"level must lie strictly between 0 and 1, got {level}")
    missing = [c for c in [*by, "outcome", "value"] if c not in runs.columns]
    if missing:
        raise ValueError(f"runs lacks column {missing[0]!r}")
    g = runs.groupby([*by, "outcome"], sort=False, dropna=False)["value"]
    out = g.agg(n="count", mean="mean", sd="std").reset_index()
    sd = out["sd"].fillna(0.0).to_numpy()
    n = out["n"].to_numpy()
    q = np.where(n > 1, stats.t.ppf(0.5 + level / 2, np.maximum(n - 1, 1)), 0.0)
    half = np.where(n > 0, q * sd / np.sqrt(np.maximum(n, 1)), np.nan)
    out["sd"] = sd
    out["lower"] = out["mean"] - half
    out["upper"] = out["mean"] + half
    return out


def sweep(
    model: Callable,
    grid: Mapping[str, Iterable] | None = None,
    *,
    seeds: int | Iterable[int] = 10,
    fixed: Mapping | None = None,
    level: float = 0.95,
    raw: bool = False,
) -> pd.DataFrame:
    """Run ``model`` over a parameter grid and seeds; tidy table with CIs.

    Parameters
    ----------
    model : callable
        Called as ``model(**params, **fixed, seed=s)``; returns a
        ``ModelResult`` (its ``summary`` is used), a Series or a dict of
        scalar outcomes.
    grid : mapping of str to iterable, optional
        Parameter values to cross (full factorial). ``None``: one cell.
    seeds : int or iterable of int, default 10
        Number of seeds (``0..seeds-1``) or the seeds themselves.
    fixed : mapping, optional
        Parameters held fixed in every run.
    level : float, default 0.95
        Confidence level of the intervals.
    raw : bool, default False
        If True, return the long table of single runs (column ``seed``)
        instead of the summary.

    Returns
    -------
    pandas.DataFrame
        One row per grid cell and outcome: the grid parameters, ``outcome``,
        ``n``, ``mean``, ``sd``, ``lower``, ``upper``.

    Raises
    ------
    ValueError
        If the grid is empty, a grid parameter is also fixed, or a seed list is
        empty; the model's own ValueError names a bad parameter.

    Examples
    --------
    >>> def toy(a, seed):
    ...     return {"y": a + np.random.default_rng(seed).normal()}
    >>> tab = sweep(toy, {"a": [0, 10]}, seeds=20)
    >>> tab[["a", "outcome", "n"]].to_dict("records")
    [{'a': 0, 'outcome': 'y', 'n': 20}, {'a': 10, 'outcome': 'y', 'n': 20}]
    >>> bool((tab["lower"] < tab["mean"]).all() and (tab["mean"] < tab["upper"]).all())
    True
    """
    grid = dict(grid or {})
    fixed = dict(fixed or {})
    clash = set(grid) & set(fixed)
    if clash:
        raise ValueError(f"parameter {sorted(clash)[0]!r} is both in grid and fixed")
    if "seed" in grid or "seed" in fixed:
        raise ValueError("pass seeds through the 'seeds' argument, not as a parameter")
    values = {k: list(v) for k, v in grid.items()}
    for k, v in values.items():
        if not v:
            raise ValueError(f"grid parameter {k!r} has no values")
    if isinstance(seeds, (int, np.integer)) and not isinstance(seeds, bool):
        seed_list = list(range(check_int("seeds", seeds, 1)))
    else:
        seed_list = [int(s) for s in seeds]
        if not seed_list:
            raise ValueError("seeds is empty")
    names = list(values)
    rows = []
    for combo in itertools.product(*values.values()):
        params = dict(zip(names, combo))
        for s in seed_list:
            summary = _as_summary(model(**params, **fixed, seed=s))
            for outcome, value in summary.items():
                rows.append({**params, "seed": s, "outcome": outcome, "value": value})
    runs = pd.DataFrame(rows)
    if raw:
        return runs
    return summarise_runs(runs, names, level=level)
