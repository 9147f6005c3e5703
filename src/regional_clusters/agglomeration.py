r"""Tests of agglomeration claims on region x cluster data.

The canonical empirical tests of the cluster argument share one shape: an
outcome of a region-cluster cell (growth, wages, entry, patents) regressed on
measures of the cell's own strength, of related activity nearby and of local
competition, with fixed effects for the region and the cluster, and errors
clustered where shocks are shared (by region). This module provides

- :func:`fe_regression`: OLS or Poisson (PPML) with absorbed fixed effects and
  clustered errors (pyfixest), returning a result that prints its
  specification line beside the coefficients;
- :func:`related_specialisation`: the location quotient of the clusters
  linked to each cluster (the related-cluster strength of Delgado, Porter and
  Stern 2014, here built from the published cluster links);
- :func:`competition_index`: establishments per worker of a cell relative to
  the cluster's national ratio (Glaeser, Kallal, Scheinkman and Shleifer
  1992);
- :func:`node_permutation_test`: a dyadic (QAP) test that compares a dyadic
  value between linked and unlinked pairs while keeping each node's
  dependence structure, by permuting node labels.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ._checks import as_generator, check_count_matrix

__all__ = ["FERegression", "fe_regression", "related_specialisation", "competition_index",
           "dyad_matrices", "node_permutation_test"]


@dataclass
class FERegression:
    """Result of :func:`fe_regression` (fields are attributes).

    Parameters
    ----------
    table : pandas.DataFrame
        By regressor: ``estimate``, ``std_error``, ``ci_low``, ``ci_high``
        (95 %), ``p_value``.
    estimator, outcome : str
    fixed_effects : tuple of str
    cluster : str or None
    n_obs, n_clusters : int
    sample : str
    """

    table: pd.DataFrame
    estimator: str
    outcome: str
    fixed_effects: tuple
    cluster: str | None
    n_obs: int
    n_clusters: int
    sample: str = ""
    singletons: int = 0
    fit: object = field(default=None, repr=False, compare=False)

    @property
    def specification(self) -> str:
        """One line: estimator, outcome, fixed effects, error type and clustering, size, sample."""
        fe = " + ".join(self.fixed_effects) + " fixed effects" if self.fixed_effects else "no fixed effects"
        errors = (f"errors clustered by {self.cluster} ({self.n_clusters:,} clusters, CRV1)" if self.cluster
                  else "heteroskedasticity-robust errors (HC1)")
        line = f"{self.estimator}, outcome {self.outcome}; {fe}; {errors}; {self.n_obs:,} observations"
        if self.singletons:
            line += f" ({self.singletons} singleton observations dropped)"
        return line + (f" ({self.sample})" if self.sample else "")

    def __repr__(self) -> str:
        with pd.option_context("display.precision", 4, "display.width", 120):
            return f"{self.table.to_string()}\n{self.specification}"

    def _repr_html_(self) -> str:
        return self.table.to_html(float_format=lambda v: f"{v:.4f}") + f"<p><em>{self.specification}</em></p>"


def fe_regression(
    data: pd.DataFrame,
    outcome: str,
    regressors,
    *,
    fixed_effects=(),
    cluster: str | None = None,
    estimator: str = "ols",
    sample: str = "",
) -> FERegression:
    r"""Regression with absorbed fixed effects and clustered errors (pyfixest).

    Parameters
    ----------
    data : pandas.DataFrame
        One row per observation.
    outcome : str
        Column of the outcome (non-negative counts for ``"poisson"``).
    regressors : sequence of str
        Columns of the regressors.
    fixed_effects : sequence of str
        Columns whose categories are absorbed as fixed effects.
    cluster : str or None
        Column defining the clusters of the errors (CRV1); None gives HC1.
    estimator : {"ols", "poisson"}
        Least squares, or Poisson pseudo-maximum likelihood (PPML).
    sample : str
        Words for the sample, printed in the specification line.

    Returns
    -------
    FERegression

    Raises
    ------
    ValueError
        A missing column (named), missing or non-finite values in the outcome
        or a regressor (named), negative outcomes for Poisson, an unknown
        estimator, or fewer than two clusters.

    References
    ----------
    Cameron, A. C. and Miller, D. L. (2015). A practitioner's guide to
    cluster-robust inference. Journal of Human Resources 50(2), 317-372.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame({"g": np.repeat(np.arange(30), 10), "x": rng.normal(size=300)})
    >>> d["y"] = 2.0 * d["x"] + d["g"] * 0.1 + rng.normal(size=300)
    >>> r = fe_regression(d, "y", ["x"], fixed_effects=["g"], cluster="g", sample="simulated")
    >>> round(float(r.table.loc["x", "estimate"]), 1)
    2.0
    >>> r.specification
    'OLS, outcome y; g fixed effects; errors clustered by g (30 clusters, CRV1); 300 observations (simulated)'
    """
    import pyfixest as pf

    if estimator not in ("ols", "poisson"):
        raise ValueError(f"estimator must be 'ols' or 'poisson', got {estimator!r}")
    regressors = list(regressors)
    fixed_effects = tuple(fixed_effects)
    if not regressors:
        raise ValueError("regressors is empty")
    need = [outcome, *regressors, *fixed_effects] + ([cluster] if cluster else [])
    missing = [c for c in need if c not in data.columns]
    if missing:
        raise ValueError(f"data has no column {missing[0]!r}")
    frame = pd.DataFrame(index=range(len(data)))
    for k, c in enumerate([outcome, *regressors]):
        v = pd.to_numeric(data[c], errors="coerce").to_numpy(dtype="float64")
        if not np.isfinite(v).all():
            raise ValueError(f"column {c!r} has missing or non-finite values")
        frame[f"v{k}"] = v
    if estimator == "poisson" and (frame["v0"] < 0).any():
        raise ValueError(f"outcome {outcome!r} has negative values; Poisson needs counts")
    for k, c in enumerate(fixed_effects):
        frame[f"f{k}"] = data[c].astype(str).to_numpy()
    if cluster:
        frame["cl"] = data[cluster].astype(str).to_numpy()
        if frame["cl"].nunique() < 2:
            raise ValueError(f"cluster {cluster!r} has fewer than two clusters")
    terms = [f"v{k}" for k in range(1, len(regressors) + 1)]
    fml = "v0 ~ " + " + ".join(terms)
    if fixed_effects:
        fml += " | " + " + ".join(f"f{k}" for k in range(len(fixed_effects)))
    vcov = {"CRV1": "cl"} if cluster else "hetero"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit = pf.feols(fml, data=frame, vcov=vcov) if estimator == "ols" else pf.fepois(fml, data=frame, vcov=vcov)
        tidy = fit.tidy().loc[terms]
    singletons = 0
    for w in caught:
        text = str(w.message)
        if "singleton" in text:  # pyfixest drops observations alone in a fixed-effect group; say so in the line
            singletons += int(re.search(r"(\d+)", text).group(1)) if re.search(r"(\d+)", text) else 0
        elif not issubclass(w.category, FutureWarning) and "inplace" not in text:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    table = pd.DataFrame({
        "estimate": tidy["Estimate"].to_numpy(), "std_error": tidy["Std. Error"].to_numpy(),
        "ci_low": tidy["2.5%"].to_numpy(), "ci_high": tidy["97.5%"].to_numpy(),
        "p_value": tidy["Pr(>|t|)"].to_numpy(),
    }, index=pd.Index(regressors, name="term"))
    return FERegression(
        table=table, estimator="OLS" if estimator == "ols" else "Poisson PML", outcome=outcome,
        fixed_effects=fixed_effects, cluster=cluster, n_obs=int(fit._N),
        n_clusters=int(frame["cl"].nunique()) if cluster else 0, sample=sample, singletons=singletons, fit=fit,
    )


def _link_matrix(links: pd.DataFrame, columns: pd.Index, source: str, target: str) -> np.ndarray:
    for c in (source, target):
        if c not in links.columns:
            raise ValueError(f"links has no column {c!r}")
    pos = {c: k for k, c in enumerate(columns)}
    L = np.zeros((len(columns), len(columns)))
    for a, b in zip(links[source], links[target]):
        if a not in pos or b not in pos:
            raise ValueError(f"link ({a!r}, {b!r}) names a cluster that is not a column")
        if a != b:
            L[pos[a], pos[b]] = L[pos[b], pos[a]] = 1.0
    return L


def related_specialisation(X: pd.DataFrame, links: pd.DataFrame, *, source: str = "cluster_code",
                           target: str = "related_cluster_code") -> pd.DataFrame:
    r"""Location quotient of the clusters related to each cluster.

    For region :math:`r` and cluster :math:`i` with related clusters
    :math:`R(i)` (links taken as undirected, :math:`i` itself excluded),

    .. math:: RLQ_{ri} = \frac{\sum_{j \in R(i)} x_{rj} / x_{r\cdot}}
                              {\sum_{j \in R(i)} x_{\cdot j} / x_{\cdot\cdot}} ,

    the specialisation of the region in the cluster's related activities.
    Delgado, Porter and Stern (2014) test agglomeration through the strength
    of related clusters in the region; this is one such measure.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x cluster counts (all clusters, so that totals are complete).
    links : pandas.DataFrame
        Related pairs (e.g. :func:`regional_clusters.data.load_cluster_links`).
    source, target : str
        Column names of the two clusters of a link.

    Returns
    -------
    pandas.DataFrame
        Region x cluster; NaN for a cluster without any link.

    Raises
    ------
    ValueError
        Bad counts, missing link columns, or a link naming an unknown cluster.

    References
    ----------
    Delgado, M., Porter, M. E. and Stern, S. (2014). Clusters, convergence,
    and economic performance. Research Policy 43(10), 1785-1799.

    Examples
    --------
    For ``a`` in ``r1``: (30 / 40) / (40 / 100) = 1.875.

    >>> X = pd.DataFrame({"a": [10, 0], "b": [30, 10], "c": [0, 50]}, index=["r1", "r2"])
    >>> links = pd.DataFrame({"cluster_code": ["a"], "related_cluster_code": ["b"]})
    >>> related_specialisation(X, links).round(3)
            a    b   c
    r1  1.875  2.5 NaN
    r2  0.417  0.0 NaN
    """
    V = check_count_matrix(X, name="X", allow_zero_columns=True)
    L = _link_matrix(links, V.columns, source, target)
    x = V.to_numpy()
    rel = x @ L
    nat = x.sum(axis=0) @ L
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (rel / x.sum(axis=1, keepdims=True)) / (nat / x.sum())
    out[:, L.sum(axis=0) == 0] = np.nan
    return pd.DataFrame(out, index=V.index, columns=V.columns)


def competition_index(employment: pd.DataFrame, establishments: pd.DataFrame) -> pd.DataFrame:
    r"""Establishments per worker of each cell relative to its cluster nationally.

    .. math:: C_{ri} = \frac{n_{ri} / x_{ri}}{n_{\cdot i} / x_{\cdot i}}

    Glaeser, Kallal, Scheinkman and Shleifer (1992) read a value above 1 as
    more local competition (more, smaller firms per worker) than the
    industry has nationally.

    Parameters
    ----------
    employment, establishments : pandas.DataFrame
        Region x cluster counts, same labels.

    Returns
    -------
    pandas.DataFrame
        Region x cluster; NaN where the cell has no employment.

    Raises
    ------
    ValueError
        Bad counts or mismatched labels.

    References
    ----------
    Glaeser, E. L., Kallal, H. D., Scheinkman, J. A. and Shleifer, A.
    (1992). Growth in cities. Journal of Political Economy 100(6),
    1126-1152.

    Examples
    --------
    >>> E = pd.DataFrame({"a": [100, 100]}, index=["r1", "r2"])
    >>> N = pd.DataFrame({"a": [10, 30]}, index=["r1", "r2"])
    >>> competition_index(E, N)["a"].tolist()
    [0.5, 1.5]
    """
    Ex = check_count_matrix(employment, name="employment", allow_zero_rows=True)
    Nx = check_count_matrix(establishments, name="establishments", allow_zero_rows=True, allow_zero_columns=True)
    for what, a, b in (("region", Ex.index, Nx.index), ("cluster", Ex.columns, Nx.columns)):
        diff = a.symmetric_difference(b)
        if len(diff):
            raise ValueError(f"employment and establishments differ: {what} {diff[0]!r} is in only one of them")
    Nx = Nx.loc[Ex.index, Ex.columns]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (Nx / Ex.where(Ex > 0)) / (Nx.sum() / Ex.sum())
    return ratio


def dyad_matrices(pairs: pd.DataFrame, value: str, flag: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Symmetric node x node matrices of a dyadic value and a 0/1 flag from a list of pairs.

    Parameters
    ----------
    pairs : pandas.DataFrame
        Indexed by unordered pairs ``(a, b)`` (a two-level index), e.g. the
        output of :func:`regional_clusters.proximity.coagglomeration_relatedness`.
    value, flag : str
        Column of the dyadic value and of the boolean flag.

    Returns
    -------
    tuple of pandas.DataFrame
        ``(values, flags)``, both symmetric, diagonal 0, nodes sorted.

    Raises
    ------
    ValueError
        A missing column, an index without two levels, a duplicated pair or
        a pair missing (every unordered pair of nodes must be listed once).

    Examples
    --------
    >>> p = pd.DataFrame({"v": [1.0, 2.0, 3.0], "f": [True, False, False]},
    ...                  index=pd.MultiIndex.from_tuples([("x", "y"), ("x", "z"), ("y", "z")]))
    >>> V, F = dyad_matrices(p, "v", "f")
    >>> float(V.loc["z", "x"]), int(F.loc["y", "x"])
    (2.0, 1)
    """
    for c in (value, flag):
        if c not in pairs.columns:
            raise ValueError(f"pairs has no column {c!r}")
    if pairs.index.nlevels != 2:
        raise ValueError("pairs must be indexed by (a, b)")
    if pairs.index.duplicated().any():
        raise ValueError(f"pair {pairs.index[pairs.index.duplicated()][0]!r} is listed twice")
    a = pairs.index.get_level_values(0)
    b = pairs.index.get_level_values(1)
    nodes = pd.Index(sorted(set(a) | set(b)))
    n = len(nodes)
    if len(pairs) != n * (n - 1) // 2:
        raise ValueError(f"{len(pairs)} pairs listed, but {n} nodes need {n * (n - 1) // 2}")
    i, j = nodes.get_indexer(a), nodes.get_indexer(b)
    V = np.zeros((n, n))
    F = np.zeros((n, n))
    V[i, j] = V[j, i] = pairs[value].to_numpy(dtype=float)
    F[i, j] = F[j, i] = pairs[flag].to_numpy(dtype=float)
    return pd.DataFrame(V, index=nodes, columns=nodes), pd.DataFrame(F, index=nodes, columns=nodes)


def node_permutation_test(values: pd.DataFrame, linked: pd.DataFrame, *, statistic: str = "mean rank",
                          n_permutations: int = 999, seed=None) -> pd.Series:
    r"""Dyadic test: do linked pairs have higher values than unlinked ones? (QAP)

    Pairs that share a node are not independent: a cluster that
    coagglomerates with everything raises all of its pairs. The null keeps
    the matrix of values and permutes the node labels of the link matrix
    (Krackhardt's quadratic assignment procedure), so every node keeps its
    number of links and its row of values.

    Parameters
    ----------
    values : pandas.DataFrame
        Symmetric node x node matrix of dyadic values (diagonal ignored).
    linked : pandas.DataFrame
        Symmetric 0/1 node x node matrix, same labels.
    statistic : {"mean rank", "median"}
        Difference between linked and unlinked pairs of the mean rank of the
        values (the Mann-Whitney rank-sum statistic, rescaled) or of the
        median value.
    n_permutations : int, default 999
    seed : int, numpy.random.Generator or None

    Returns
    -------
    pandas.Series
        ``observed``, ``expected (null)`` (mean over permutations), ``z``
        (observed minus expected over the standard deviation of the
        permutations), ``p`` (one-sided, linked greater, as (k+1)/(B+1)),
        ``linked pairs``, ``pairs``, ``null model``.

    Raises
    ------
    ValueError
        Mismatched labels, a non-symmetric or non-binary matrix, no linked or
        no unlinked pair, an unknown statistic, ``n_permutations`` below 1.

    References
    ----------
    Krackhardt, D. (1987). QAP partialling as a test of spuriousness.
    Social Networks 9(2), 171-186.

    Examples
    --------
    >>> v = pd.DataFrame([[0, 5, 1, 1], [5, 0, 1, 1], [1, 1, 0, 4], [1, 1, 4, 0]], index=list("abcd"),
    ...                  columns=list("abcd"))
    >>> L = pd.DataFrame([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], index=list("abcd"),
    ...                  columns=list("abcd"))
    >>> r = node_permutation_test(v, L, statistic="median", n_permutations=99, seed=0)
    >>> float(r["observed"])
    3.5
    """
    if statistic not in ("mean rank", "median"):
        raise ValueError(f"statistic must be 'mean rank' or 'median', got {statistic!r}")
    if not isinstance(n_permutations, (int, np.integer)) or n_permutations < 1:
        raise ValueError(f"n_permutations must be a positive int, got {n_permutations!r}")
    for name, M in (("values", values), ("linked", linked)):
        if not isinstance(M, pd.DataFrame) or M.shape[0] != M.shape[1] or not M.index.equals(M.columns):
            raise ValueError(f"{name} must be a square DataFrame with the same row and column labels")
    if not values.index.equals(linked.index):
        raise ValueError("values and linked must have the same labels in the same order")
    v, L = values.to_numpy(dtype=float), linked.to_numpy(dtype=float)
    if not np.allclose(v, v.T, equal_nan=True) or not np.array_equal(L, L.T):
        raise ValueError("values and linked must be symmetric")
    if not np.isin(L, (0, 1)).all():
        raise ValueError("linked must hold 0/1 values")
    n = len(v)
    iu, ju = np.triu_indices(n, k=1)
    x = v[iu, ju]
    if not np.isfinite(x).all():
        raise ValueError("values has missing entries off the diagonal")
    if statistic == "mean rank":
        x = pd.Series(x).rank().to_numpy()
    lk = L[iu, ju].astype(bool)
    if lk.all() or not lk.any():
        raise ValueError("need both linked and unlinked pairs")

    def stat(mask: np.ndarray) -> float:
        f = np.mean if statistic == "mean rank" else np.median
        return float(f(x[mask]) - f(x[~mask]))

    obs = stat(lk)
    rng = as_generator(seed)
    null = np.empty(n_permutations)
    for b in range(n_permutations):
        p = rng.permutation(n)
        null[b] = stat(L[p][:, p][iu, ju].astype(bool))
    k = int((null >= obs - 1e-12).sum())
    sd = float(null.std(ddof=1)) if n_permutations > 1 else float("nan")
    return pd.Series({"observed": obs, "expected (null)": float(null.mean()),
                      "z": (obs - float(null.mean())) / sd if sd > 0 else float("nan"), "p": (k + 1) / (n_permutations + 1),
                      "linked pairs": int(lk.sum()), "pairs": int(lk.size),
                      "null model": f"node labels of the link matrix permuted (QAP), {n_permutations} permutations"},
                     dtype=object)
