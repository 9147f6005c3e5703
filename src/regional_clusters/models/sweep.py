"""Parameter sweeps over seeds with confidence intervals, as tidy tables.

Every model in :mod:`regional_clusters.models` returns a
:class:`~regional_clusters.models._common.ModelResult` whose ``summary`` holds
scalar outcomes. :func:`sweep` runs a model over a grid of parameter values
and several seeds and returns one row per parameter combination and outcome,
with the mean over seeds and a Student-t confidence interval. Runs can go to
any :class:`concurrent.futures.Executor` (a local process pool, or a Dask
cluster's executor, see :func:`sweep`), with results that do not depend on it.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed

import numpy as np
import pandas as pd
from scipy import stats
from tqdm.auto import tqdm

from ._common import check_int, check_probability

__all__ = ["sweep", "summarise_runs", "paired_difference", "evaluate_runs", "run_seeds", "local_pool"]


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


def _single_threaded_worker() -> None:
    """Limit BLAS/OpenMP threads in a worker process to one.

    The models use small matrices; on a shared machine a multi-threaded BLAS
    in every worker oversubscribes the cores and can make a run tens of
    times slower.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # optional: without it the workers keep the BLAS default
        return
    threadpool_limits(1)


def local_pool(workers: int = 2) -> ProcessPoolExecutor:
    """A local process pool for sweeps, with one BLAS thread per worker.

    Parameters
    ----------
    workers : int, default 2
        Number of worker processes (>= 1).

    Returns
    -------
    concurrent.futures.ProcessPoolExecutor
        Pass it as ``executor=`` to :func:`sweep`,
        :func:`paired_difference` or
        :func:`~regional_clusters.models.sensitivity.sensitivity`; shut it
        down (or use it as a context manager) when done.

    Raises
    ------
    ValueError
        If ``workers`` is not an integer >= 1.

    Examples
    --------
    >>> with local_pool(2) as pool:
    ...     tab = sweep(_doc_model, {"a": [0, 1]}, seeds=3, seed=1, executor=pool)
    >>> tab.equals(sweep(_doc_model, {"a": [0, 1]}, seeds=3, seed=1))
    True
    """
    return ProcessPoolExecutor(check_int("workers", workers, 1), initializer=_single_threaded_worker)


def _doc_model(a, seed):
    """A tiny importable model for the doctests."""
    return {"y": a + np.random.default_rng(seed).normal()}


def _run_batch(model: Callable, batch: list[tuple[dict, object]]) -> list[pd.Series]:
    """Run one batch of ``(params, seed)`` pairs; a module-level function so it pickles."""
    return [_as_summary(model(**params, seed=s)) for params, s in batch]


def evaluate_runs(
    model: Callable,
    jobs: list[tuple[dict, object]],
    *,
    executor: Executor | None = None,
    batch_size: int = 1,
    progress: bool = False,
    desc: str = "sweep",
) -> list[pd.Series]:
    """Run ``model(**params, seed=s)`` for every ``(params, s)`` in ``jobs``.

    The engine behind :func:`sweep` and
    :func:`~regional_clusters.models.sensitivity.sensitivity`: batches of
    runs go to ``executor`` (serially when None) and the summaries come back
    in the order of ``jobs``, whatever the order in which they finish.

    Parameters
    ----------
    model : callable
        Returns a ``ModelResult``, Series or mapping of scalar outcomes.
    jobs : list of (dict, seed)
        Parameters and seed of each run.
    executor : concurrent.futures.Executor, optional
    batch_size : int, default 1
        Runs per submitted task.
    progress : bool, default False
        Show a tqdm progress bar.
    desc : str, default "sweep"
        Label of the progress bar.

    Returns
    -------
    list of pandas.Series
        One summary per job, in the order of ``jobs``.

    Raises
    ------
    ValueError
        If ``batch_size`` is below 1 or ``executor`` has no ``submit``.

    Examples
    --------
    >>> float(evaluate_runs(lambda a, seed: {"y": a + seed}, [({"a": 1}, 0), ({"a": 1}, 5)])[1]["y"])
    6.0
    """
    batch_size = check_int("batch_size", batch_size, 1)
    if executor is not None and not hasattr(executor, "submit"):
        raise ValueError(f"executor must be a concurrent.futures.Executor, got {type(executor).__name__}")
    batches = [jobs[i : i + batch_size] for i in range(0, len(jobs), batch_size)]
    results: list = [None] * len(batches)
    bar = tqdm(total=len(jobs), disable=not progress, desc=desc, unit="run")
    try:
        if executor is None:
            for i, batch in enumerate(batches):
                results[i] = _run_batch(model, batch)
                bar.update(len(batch))
        else:
            futures = {executor.submit(_run_batch, model, batch): i for i, batch in enumerate(batches)}
            for fut in as_completed(futures):
                i = futures[fut]
                results[i] = fut.result()
                bar.update(len(batches[i]))
    finally:
        bar.close()
    return list(itertools.chain.from_iterable(results))


def run_seeds(seed, n_runs: int, replicate_seeds: list[int]) -> list:
    """The seed each run receives, by its position in the sweep.

    With ``seed`` None the replicate seeds are passed as they are. Otherwise
    run ``i`` receives the integer drawn from child ``i`` of
    ``numpy.random.SeedSequence(seed).spawn(n_runs)``: independent streams that
    depend only on ``seed`` and the run's position, never on which worker ran it
    or when it finished.

    Parameters
    ----------
    seed : int or None
        Root seed of the sweep.
    n_runs : int
        Number of runs.
    replicate_seeds : list of int
        Replicate labels, cycled over the runs when ``seed`` is None.

    Returns
    -------
    list of int
        One seed per run.

    Raises
    ------
    ValueError
        If ``seed`` is neither None nor a non-negative integer.

    References
    ----------
    O'Neill, M. E. (2014). PCG: a family of simple fast space-efficient
    statistically good algorithms for random number generation. Technical
    report HMC-CS-2014-0905, Harvey Mudd College (the seeding scheme behind
    :class:`numpy.random.SeedSequence`).

    Examples
    --------
    >>> run_seeds(None, 4, [3, 7])
    [3, 7, 3, 7]
    >>> a = run_seeds(1, 3, [0]); len(set(a)), a == run_seeds(1, 3, [0])
    (3, True)
    """
    if seed is None:
        k = len(replicate_seeds)
        return [replicate_seeds[i % k] for i in range(n_runs)]
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer or None, got {seed!r}")
    children = np.random.SeedSequence(int(seed)).spawn(n_runs)
    return [int(c.generate_state(1, dtype=np.uint64)[0]) for c in children]


def sweep(
    model: Callable,
    grid: Mapping[str, Iterable] | None = None,
    *,
    seeds: int | Iterable[int] = 10,
    fixed: Mapping | None = None,
    level: float = 0.95,
    raw: bool = False,
    executor: Executor | None = None,
    seed: int | None = None,
    progress: bool = False,
    batch_size: int = 1,
) -> pd.DataFrame:
    """Run ``model`` over a parameter grid and seeds; tidy table with CIs.

    The runs are independent, so they can go to any
    :class:`concurrent.futures.Executor`: a local process pool, or the
    executor of a Dask distributed client, which sends them to the workers of
    a cluster. The table does not depend on the executor, the number of
    workers or the order in which runs finish: every run's seed is fixed by
    its position in the sweep before anything is submitted, and results are
    put back in that order.

    Parameters
    ----------
    model : callable
        Called as ``model(**params, **fixed, seed=s)``; returns a
        ``ModelResult`` (its ``summary`` is used), a Series or a dict of
        scalar outcomes. With a process pool it must be importable (defined
        at module level, or a ``functools.partial`` of such a function).
    grid : mapping of str to iterable, optional
        Parameter values to cross (full factorial). ``None``: one cell.
    seeds : int or iterable of int, default 10
        Replicates per grid cell: a number of replicates (``0..seeds-1``) or
        the replicate labels themselves. Without ``seed`` the labels are the
        seeds the model receives.
    fixed : mapping, optional
        Parameters held fixed in every run.
    level : float, default 0.95
        Confidence level of the intervals.
    raw : bool, default False
        If True, return the long table of single runs (columns ``seed``, the
        replicate label, and ``run_seed``, the seed the model received)
        instead of the summary.
    executor : concurrent.futures.Executor, optional
        Where to run. ``None`` runs serially in this process.
    seed : int, optional
        Root seed of the sweep. Run ``i`` (grid cells in the order of
        ``itertools.product``, replicates within cells) receives the
        integer state of child ``i`` of
        ``numpy.random.SeedSequence(seed).spawn(n_runs)``. ``None``: each run
        receives its replicate label as seed, so all cells share common
        random numbers.
    progress : bool, default False
        Show a tqdm progress bar over runs.
    batch_size : int, default 1
        Runs per submitted task; larger batches cut scheduling overhead when
        single runs take milliseconds.

    Returns
    -------
    pandas.DataFrame
        One row per grid cell and outcome: the grid parameters, ``outcome``,
        ``n``, ``mean``, ``sd``, ``lower``, ``upper``.

    Raises
    ------
    ValueError
        If the grid is empty or a grid parameter has no values, a grid
        parameter is also fixed, ``seed`` is passed as a parameter, the seed
        list is empty, ``seed`` is not a non-negative integer or
        ``batch_size`` is below 1; the model's own ValueError names a bad
        parameter.

    Notes
    -----
    **Running a sweep on a cluster.** Dask's distributed scheduler exposes
    a standard executor, so nothing in the model changes. On a laptop::

        from dask.distributed import Client, LocalCluster
        client = Client(LocalCluster(n_workers=4, threads_per_worker=1))
        table = sweep(simulate_trust, grid, seeds=40, seed=1,
                      executor=client.get_executor(), progress=True)

    On an HPC system with a batch scheduler, dask-jobqueue starts the
    workers as batch jobs (``pip install dask-jobqueue``)::

        from dask_jobqueue import SLURMCluster   # or PBSCluster, SGECluster
        cluster = SLURMCluster(cores=8, processes=8, memory="16GB",
                               walltime="02:00:00", queue="normal")
        cluster.scale(jobs=10)                   # 80 worker processes
        client = Client(cluster)
        table = sweep(simulate_trust, grid, seeds=200, seed=1,
                      executor=client.get_executor(), batch_size=20)

    The workers must have the same ``regional_clusters`` installed. With a
    root ``seed`` the table equals the one a serial run gives.

    Examples
    --------
    >>> def toy(a, seed):
    ...     return {"y": a + np.random.default_rng(seed).normal()}
    >>> tab = sweep(toy, {"a": [0, 10]}, seeds=20)
    >>> tab[["a", "outcome", "n"]].to_dict("records")
    [{'a': 0, 'outcome': 'y', 'n': 20}, {'a': 10, 'outcome': 'y', 'n': 20}]
    >>> bool((tab["lower"] < tab["mean"]).all() and (tab["mean"] < tab["upper"]).all())
    True

    The same sweep on a pool of threads (any executor) gives the same table:

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(2) as pool:
    ...     par = sweep(toy, {"a": [0, 10]}, seeds=20, seed=7, executor=pool)
    >>> par.equals(sweep(toy, {"a": [0, 10]}, seeds=20, seed=7))
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
    batch_size = check_int("batch_size", batch_size, 1)
    if executor is not None and not hasattr(executor, "submit"):
        raise ValueError(f"executor must be a concurrent.futures.Executor, got {type(executor).__name__}")
    names = list(values)
    cells = [dict(zip(names, combo)) for combo in itertools.product(*values.values())]
    runs = [(cell, rep) for cell in cells for rep in seed_list]
    seeds_by_run = run_seeds(seed, len(runs), seed_list)
    model_fixed = functools.partial(model, **fixed) if fixed else model
    summaries = evaluate_runs(
        model_fixed, [(p, s) for (p, _), s in zip(runs, seeds_by_run)], executor=executor, batch_size=batch_size, progress=progress
    )
    rows = []
    for (params, rep), s, summary in zip(runs, seeds_by_run, summaries):
        for outcome, value in summary.items():
            rows.append({**params, "seed": rep, "run_seed": s, "outcome": outcome, "value": value})
    table = pd.DataFrame(rows)
    if raw:
        return table
    return summarise_runs(table, names, level=level)


def paired_difference(
    model: Callable,
    parameter: str,
    base,
    alternative,
    grid: Mapping[str, Iterable] | None = None,
    *,
    seeds: int | Iterable[int] = 40,
    fixed: Mapping | None = None,
    outcomes: Iterable[str] | None = None,
    level: float = 0.95,
    executor: Executor | None = None,
    batch_size: int = 1,
) -> pd.DataFrame:
    """Effect of moving one parameter from ``base`` to ``alternative``, with a CI.

    Both settings run on the same seeds (common random numbers), the
    difference is taken seed by seed, and its mean gets a Student-t
    interval. A sign is worth reporting only when the interval excludes zero;
    ``sign`` says whether it does.

    Parameters
    ----------
    model : callable
        As in :func:`sweep`.
    parameter : str
        The parameter that is changed.
    base, alternative
        Its two values; the difference is alternative minus base.
    grid : mapping, optional
        Other parameters to cross, as in :func:`sweep`.
    seeds : int or iterable of int, default 40
        Seeds (pairs of runs) per grid cell.
    fixed : mapping, optional
        Parameters held fixed.
    outcomes : iterable of str, optional
        Outcomes to keep (default: all).
    level : float, default 0.95
    executor : concurrent.futures.Executor, optional
    batch_size : int, default 1

    Returns
    -------
    pandas.DataFrame
        Columns: the grid parameters, ``outcome``, ``n``, ``base``,
        ``alternative`` (means), ``difference``, ``lower``, ``upper`` and
        ``sign`` (``"+"``, ``"-"`` or ``"0"`` when the interval covers zero).

    Raises
    ------
    ValueError
        If ``base`` equals ``alternative``, ``parameter`` is also in
        ``grid`` or ``fixed``, an outcome is unknown, or as :func:`sweep`.

    Examples
    --------
    >>> def toy(a, seed):
    ...     return {"y": a + np.random.default_rng(seed).normal()}
    >>> tab = paired_difference(toy, "a", 0.0, 0.5, seeds=10)
    >>> float(tab.loc[0, "difference"]), tab.loc[0, "sign"]
    (0.5, '+')
    """
    grid = dict(grid or {})
    if base == alternative:
        raise ValueError(f"base and alternative of {parameter!r} are equal ({base!r}): nothing to compare")
    if parameter in grid or parameter in dict(fixed or {}):
        raise ValueError(f"parameter {parameter!r} is varied by paired_difference; drop it from grid and fixed")
    runs = sweep(
        model, {**grid, parameter: [base, alternative]}, seeds=seeds, fixed=fixed, raw=True, executor=executor, batch_size=batch_size
    )
    if outcomes is not None:
        outcomes = list(outcomes)
        unknown = sorted(set(outcomes) - set(runs["outcome"]))
        if unknown:
            raise ValueError(f"outcome {unknown[0]!r} is not in the model's summary")
        runs = runs[runs["outcome"].isin(outcomes)]
    keys = [*grid, "outcome", "seed"]
    wide = runs.pivot_table(index=keys, columns=parameter, values="value", sort=False)
    diff = (wide[alternative] - wide[base]).rename("value").reset_index()
    out = summarise_runs(diff, list(grid), level=level).rename(columns={"mean": "difference"})
    means = runs.groupby([*grid, "outcome", parameter], sort=False)["value"].mean().unstack(parameter)
    means = means.rename(columns={base: "base", alternative: "alternative"})[["base", "alternative"]].reset_index()
    out = out.merge(means, on=[*grid, "outcome"], how="left")
    out["sign"] = np.where(out["lower"] > 0, "+", np.where(out["upper"] < 0, "-", "0"))
    return out[[*grid, "outcome", "n", "base", "alternative", "difference", "lower", "upper", "sign"]]
