"""Global sensitivity analysis of the models: Morris screening and Sobol indices.

A thin layer over SALib :cite:p:`herman2017`. :func:`sensitivity` takes a
model function, bounds for its free parameters and one or more outcomes of
its ``summary``; it draws the design with SALib, runs the model at every
design point (serially or on any :class:`concurrent.futures.Executor`, like
:func:`~regional_clusters.models.sweep.sweep`), and analyses the outcomes
with SALib. :func:`sensitivity_frame` turns the result into a plotting-ready
frame and :func:`sensitivity_figure` draws it.

- **Morris** elementary effects :cite:p:`morris1991,campolongo2007`:
  ``mu_star`` (mean absolute elementary effect: the finite-difference
  change of the outcome, scaled to the parameter's full range, from steps
  of ``num_levels / (2 (num_levels - 1))`` of that range) ranks parameters
  by influence; ``sigma`` (the spread of those effects) flags non-linearity or interactions. Costs
  ``r * (k + 1)`` runs for ``k`` parameters and ``r`` trajectories, so a
  screening of ten parameters with ten trajectories is 110 runs.
- **Sobol** indices :cite:p:`saltelli2010`: ``S1`` is the share of the
  outcome's variance due to one parameter alone, ``ST`` the share it is
  involved in, with interactions. Costs ``N * (k + 2)`` runs; use it on
  the few parameters Morris singles out.

Stochastic models are run with common random numbers: every design point
uses the same ``replicates`` seeds (spawned from ``seed``) and the outcome is
their mean, so an elementary effect compares parameter values and not
random draws.

**On a cluster.** Pass ``executor=client.get_executor()`` of a Dask
distributed client (see the notes of
:func:`~regional_clusters.models.sweep.sweep` for dask-jobqueue on an HPC
system); the result does not depend on the executor.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor

import numpy as np
import pandas as pd

from ._common import check_int, check_probability
from .sweep import evaluate_runs, run_seeds

__all__ = ["SensitivityResult", "sensitivity", "sensitivity_frame", "sensitivity_figure"]

METHODS = ("morris", "sobol")


class SensitivityResult:
    """What :func:`sensitivity` returns.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per outcome and parameter. Morris: ``mu_star``,
        ``mu_star_conf`` (half-width of its bootstrap interval), ``mu``,
        ``sigma``; Sobol: ``S1``, ``S1_conf``, ``ST``, ``ST_conf``. Rows are
        sorted by ``mu_star`` or ``ST`` within each outcome, largest first.
    design : pandas.DataFrame
        The design points (one column per parameter) with the outcome
        columns: the runs behind the table.
    method : str
        ``"morris"`` or ``"sobol"``.
    n_runs : int
        Model runs made (design points times replicates).
    """

    def __init__(self, table: pd.DataFrame, design: pd.DataFrame, method: str, n_runs: int):
        self.table = table
        self.design = design
        self.method = method
        self.n_runs = n_runs

    def __repr__(self) -> str:
        return f"SensitivityResult(method={self.method!r}, parameters={self.table['parameter'].nunique()}, runs={self.n_runs})"

    def top(self, outcome: str | None = None, k: int = 3) -> list[str]:
        """The ``k`` most influential parameters for ``outcome`` (the first outcome by default)."""
        tab = self.table if outcome is None else self.table[self.table["outcome"] == outcome]
        if tab.empty:
            raise ValueError(f"outcome {outcome!r} is not in the result")
        first = tab["outcome"].iloc[0]
        return tab[tab["outcome"] == first]["parameter"].head(k).tolist()


def _problem(bounds: Mapping[str, tuple[float, float]]) -> dict:
    if not bounds:
        raise ValueError("bounds is empty: give at least one parameter with (low, high)")
    names, ranges = [], []
    for name, b in bounds.items():
        try:
            lo, hi = (float(x) for x in b)
        except (TypeError, ValueError):
            raise ValueError(f"bounds of {name!r} must be a pair (low, high), got {b!r}") from None
        if not (np.isfinite(lo) and np.isfinite(hi)) or lo >= hi:
            raise ValueError(f"bounds of {name!r} must be finite with low < high, got {b!r}")
        names.append(name)
        ranges.append([lo, hi])
    return {"num_vars": len(names), "names": names, "bounds": ranges}


def _mean_outcomes(model, points: list[dict], seeds: list, outcomes: list[str], executor, batch_size, progress) -> np.ndarray:
    jobs = [(p, s) for p in points for s in seeds]
    summaries = evaluate_runs(model, jobs, executor=executor, batch_size=batch_size, progress=progress, desc="sensitivity")
    values = np.empty((len(jobs), len(outcomes)))
    for i, summary in enumerate(summaries):
        for j, name in enumerate(outcomes):
            if name not in summary.index:
                raise ValueError(f"outcome {name!r} is not in the model's summary ({', '.join(map(str, summary.index))})")
            values[i, j] = summary[name]
    return values.reshape(len(points), len(seeds), len(outcomes)).mean(axis=1)


def sensitivity(
    model: Callable,
    bounds: Mapping[str, tuple[float, float]],
    outcomes: str | Iterable[str],
    *,
    method: str = "morris",
    n: int = 10,
    fixed: Mapping | None = None,
    integer: Iterable[str] = (),
    replicates: int = 1,
    num_levels: int = 4,
    level: float = 0.95,
    seed: int = 0,
    executor: Executor | None = None,
    batch_size: int = 1,
    progress: bool = False,
) -> SensitivityResult:
    """Morris screening or Sobol indices of a model's outcomes, with SALib.

    Parameters
    ----------
    model : callable
        Called as ``model(**point, **fixed, seed=s)``; returns a
        ``ModelResult``, Series or mapping with the ``outcomes``.
    bounds : mapping of str to (low, high)
        The free parameters and their ranges (sampled uniformly).
    outcomes : str or iterable of str
        Names in the model's summary to analyse.
    method : {"morris", "sobol"}, default "morris"
    n : int, default 10
        Morris: number of trajectories ``r`` (runs ``r * (k + 1)``). Sobol:
        base sample size ``N``, a power of 2 (runs ``N * (k + 2)``).
    fixed : mapping, optional
        Parameters held fixed.
    integer : iterable of str, default ()
        Parameters rounded to integers before the model sees them (sizes,
        steps). The analysis uses the unrounded design.
    replicates : int, default 1
        Seeds per design point (common to all points); the outcome is their mean.
    num_levels : int, default 4
        Morris grid levels.
    level : float, default 0.95
        Confidence level of the bootstrap intervals.
    seed : int, default 0
        Seeds the design, the bootstrap and (through
        :class:`numpy.random.SeedSequence`) the model's replicate seeds.
    executor : concurrent.futures.Executor, optional
        Where to run the model (serially when None).
    batch_size : int, default 1
        Runs per submitted task.
    progress : bool, default False
        Show a progress bar.

    Returns
    -------
    SensitivityResult

    Raises
    ------
    ValueError
        For an unknown method, empty or reversed bounds, a parameter both
        bounded and fixed (or named ``seed``), an outcome missing from the
        summary, an ``integer`` name without bounds, or a bad ``n``,
        ``replicates``, ``num_levels`` or ``level``.

    References
    ----------
    Morris, M. D. (1991). Factorial sampling plans for preliminary
    computational experiments. Technometrics 33(2), 161-174.
    Campolongo, F., Cariboni, J. and Saltelli, A. (2007). An effective
    screening design for sensitivity analysis of large models. Environmental
    Modelling & Software 22(10), 1509-1518.
    Saltelli, A. et al. (2010). Variance based sensitivity analysis of model
    output. Computer Physics Communications 181(2), 259-270.
    Herman, J. and Usher, W. (2017). SALib: an open-source Python library
    for sensitivity analysis. Journal of Open Source Software 2(9), 97.

    Examples
    --------
    A linear function: the Morris effect of each input is its slope times
    the range, the Sobol index its share of the variance.

    >>> def linear(a, b, seed):
    ...     return {"y": 4.0 * a + 1.0 * b}
    >>> res = sensitivity(linear, {"a": (0, 1), "b": (0, 1)}, "y", n=8, seed=1)
    >>> res.table[["parameter", "mu_star"]].round(2).to_dict("records")
    [{'parameter': 'a', 'mu_star': 4.0}, {'parameter': 'b', 'mu_star': 1.0}]
    >>> sob = sensitivity(linear, {"a": (0, 1), "b": (0, 1)}, "y", method="sobol", n=256, seed=1)
    >>> sob.table.set_index("parameter")["S1"].round(2).to_dict()
    {'a': 0.94, 'b': 0.06}
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    problem = _problem(bounds)
    fixed = dict(fixed or {})
    clash = set(problem["names"]) & set(fixed)
    if clash:
        raise ValueError(f"parameter {sorted(clash)[0]!r} is both bounded and fixed")
    if "seed" in problem["names"] or "seed" in fixed:
        raise ValueError("'seed' cannot be a parameter: pass it as seed=")
    outcomes = [outcomes] if isinstance(outcomes, str) else list(outcomes)
    if not outcomes:
        raise ValueError("outcomes is empty")
    integer = list(integer)
    for name in integer:
        if name not in problem["names"]:
            raise ValueError(f"integer parameter {name!r} has no bounds")
    n = check_int("n", n, 2)
    replicates = check_int("replicates", replicates, 1)
    num_levels = check_int("num_levels", num_levels, 2)
    level = check_probability("level", level)
    if not 0 < level < 1:
        raise ValueError(f"level must lie strictly between 0 and 1, got {level}")
    seed = check_int("seed", seed, 0)

    if method == "morris":
        from SALib.analyze import morris as analyse
        from SALib.sample import morris as sample

        X = sample.sample(problem, n, num_levels=num_levels, seed=seed)
    else:
        from SALib.analyze import sobol as analyse
        from SALib.sample import sobol as sample

        if n & (n - 1):
            raise ValueError(f"n must be a power of 2 for Sobol sampling, got {n}")
        X = sample.sample(problem, n, calc_second_order=False, seed=seed)

    points = [
        {k: (int(round(v)) if k in integer else float(v)) for k, v in zip(problem["names"], row)} for row in X
    ]
    replicate_seeds = run_seeds(seed, replicates, [0])
    model_fixed = functools.partial(model, **fixed) if fixed else model
    Y = _mean_outcomes(model_fixed, points, replicate_seeds, outcomes, executor, batch_size, progress)

    frames = []
    for j, name in enumerate(outcomes):
        y = Y[:, j]
        if not np.all(np.isfinite(y)):
            raise ValueError(f"outcome {name!r} is not finite at some design points")
        if method == "morris":
            res = analyse.analyze(problem, X, y, conf_level=level, num_levels=num_levels, seed=seed)
            tab = pd.DataFrame(
                {
                    "parameter": problem["names"],
                    "mu_star": np.asarray(res["mu_star"], float),
                    "mu_star_conf": np.asarray(res["mu_star_conf"], float),
                    "mu": np.asarray(res["mu"], float),
                    "sigma": np.asarray(res["sigma"], float),
                }
            ).sort_values("mu_star", ascending=False, kind="stable")
        else:
            res = analyse.analyze(problem, y, calc_second_order=False, conf_level=level, seed=seed)
            tab = pd.DataFrame(
                {
                    "parameter": problem["names"],
                    "S1": np.asarray(res["S1"], float),
                    "S1_conf": np.asarray(res["S1_conf"], float),
                    "ST": np.asarray(res["ST"], float),
                    "ST_conf": np.asarray(res["ST_conf"], float),
                }
            ).sort_values("ST", ascending=False, kind="stable")
        tab.insert(0, "outcome", name)
        frames.append(tab)
    table = pd.concat(frames, ignore_index=True)
    design = pd.DataFrame(points)
    for j, name in enumerate(outcomes):
        design[name] = Y[:, j]
    return SensitivityResult(table, design, method, len(points) * replicates)


def sensitivity_frame(result: SensitivityResult, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Plotting-ready long frame of a sensitivity result.

    Parameters
    ----------
    result : SensitivityResult
    labels : mapping of str to str, optional
        Readable names for parameters (missing ones keep their name).

    Returns
    -------
    pandas.DataFrame
        Columns ``outcome``, ``parameter``, ``label``, ``measure``
        (``"mu_star"`` and ``"sigma"`` for Morris, ``"S1"`` and ``"ST"`` for
        Sobol), ``value``, ``lower``, ``upper`` (the interval; equal to
        ``value`` for sigma, which SALib gives no interval for).

    Raises
    ------
    ValueError
        If ``result`` is not a :class:`SensitivityResult`.

    Examples
    --------
    >>> res = sensitivity(lambda a, b, seed: {"y": 2 * a + b}, {"a": (0, 1), "b": (0, 1)}, "y", n=4)
    >>> sensitivity_frame(res, {"a": "Alpha"})[["label", "measure", "value"]].round(2).head(2).to_dict("records")
    [{'label': 'Alpha', 'measure': 'mu_star', 'value': 2.0}, {'label': 'b', 'measure': 'mu_star', 'value': 1.0}]
    """
    if not isinstance(result, SensitivityResult):
        raise ValueError("result must be a SensitivityResult (from sensitivity())")
    labels = dict(labels or {})
    tab = result.table
    pairs = [("mu_star", "mu_star_conf"), ("sigma", None)] if result.method == "morris" else [("S1", "S1_conf"), ("ST", "ST_conf")]
    frames = []
    for measure, conf in pairs:
        half = tab[conf].to_numpy() if conf else np.zeros(len(tab))
        frames.append(
            pd.DataFrame(
                {
                    "outcome": tab["outcome"].to_numpy(),
                    "parameter": tab["parameter"].to_numpy(),
                    "label": [labels.get(p, p) for p in tab["parameter"]],
                    "measure": measure,
                    "value": tab[measure].to_numpy(),
                    "lower": tab[measure].to_numpy() - half,
                    "upper": tab[measure].to_numpy() + half,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


_MEASURE_NAMES = {
    "mu_star": "mean absolute effect (μ*)",
    "sigma": "spread of effects (σ)",
    "S1": "first-order index (S1)",
    "ST": "total index (ST)",
}


def sensitivity_figure(
    result: SensitivityResult,
    *,
    labels: Mapping[str, str] | None = None,
    outcome_labels: Mapping[str, str] | None = None,
    stacked: bool = False,
):
    """Bar chart of a sensitivity result: one panel per outcome.

    Morris: bars of ``mu_star`` with their bootstrap interval next to bars
    of ``sigma``; Sobol: ``S1`` next to ``ST`` with intervals. Parameters
    are ordered by influence on the first outcome. Pass the figure to
    :func:`regional_clusters.plotting.show` for the book's look.

    Side by side, the panels share the parameter labels, but on a phone
    they are a few dozen pixels wide and their titles collide. With
    ``stacked=True`` the panels are stacked, each as wide as the figure
    with its own labels and a right-aligned title, and every parameter is
    labelled; give the figure about 22 px per parameter and panel plus
    220 px (``show(..., height=...)``).

    Parameters
    ----------
    result : SensitivityResult
    labels : mapping of str to str, optional
        Readable parameter names.
    outcome_labels : mapping of str to str, optional
        Readable outcome names (panel titles).
    stacked : bool, default False
        One panel above the other instead of side by side.

    Returns
    -------
    plotly.graph_objects.Figure

    Raises
    ------
    ValueError
        If ``result`` is not a :class:`SensitivityResult`.

    Examples
    --------
    >>> res = sensitivity(lambda a, b, seed: {"y": 2 * a + b}, {"a": (0, 1), "b": (0, 1)}, "y", n=4)
    >>> len(sensitivity_figure(res).data)
    2
    >>> sensitivity_figure(res, stacked=True).layout.yaxis.dtick
    1
    """
    from plotly.subplots import make_subplots
    import plotly.graph_objects as go

    frame = sensitivity_frame(result, labels)
    outcome_labels = dict(outcome_labels or {})
    outcomes = list(dict.fromkeys(frame["outcome"]))
    order = frame[(frame["outcome"] == outcomes[0])]["label"].drop_duplicates().tolist()[::-1]
    titles = [outcome_labels.get(o, o) for o in outcomes]
    if stacked:
        # about 70 px between panels (tick labels, then the next title) at the height advised above
        bars = 22 * len(order) * len(outcomes)
        fig = make_subplots(rows=len(outcomes), cols=1, subplot_titles=titles,
                            vertical_spacing=min(0.4, 70 / (bars + 70 * (len(outcomes) - 1))))
    else:
        fig = make_subplots(rows=1, cols=len(outcomes), shared_yaxes=True, subplot_titles=titles)
    colours = {"mu_star": "#0072B2", "sigma": "#E69F00", "S1": "#0072B2", "ST": "#E69F00"}
    for panel, name in enumerate(outcomes, start=1):
        row, col = (panel, 1) if stacked else (1, panel)
        sub = frame[frame["outcome"] == name]
        for measure in dict.fromkeys(sub["measure"]):
            m = sub[sub["measure"] == measure].set_index("label").loc[order]
            fig.add_trace(
                go.Bar(
                    y=m.index,
                    x=m["value"],
                    orientation="h",
                    name=_MEASURE_NAMES[measure],
                    marker_color=colours[measure],
                    error_x=dict(type="data", symmetric=False, array=m["upper"] - m["value"], arrayminus=m["value"] - m["lower"]),
                    showlegend=panel == 1,
                    legendgroup=measure,
                ),
                row=row,
                col=col,
            )
    fig.update_layout(barmode="group", legend=dict(orientation="h", y=-0.15))
    if stacked:  # every parameter labelled in every panel (plotly would thin crowded labels)
        fig.update_yaxes(dtick=1)
        # right-aligned titles may reach over the blank space above the labels: no clipping on a phone
        fig.update_annotations(x=1, xanchor="right")
    return fig
