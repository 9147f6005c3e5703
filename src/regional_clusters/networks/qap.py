"""Quadratic assignment procedure (QAP) tests for relations between networks.

Dyads of one network are not independent observations: all ties of an
actor share that actor. QAP keeps this dependence by permuting the rows and
columns of a matrix together (relabelling the actors) and comparing the
observed statistic with its permutation distribution.
:func:`~regional_clusters.networks.qap_correlation` tests the correlation of two relations;
:func:`~regional_clusters.networks.mrqap` regresses one relation on several, with Dekker, Krackhardt
and Snijders' double semi-partialling (the default) or with permutations
of the dependent matrix. Estimates come from statsmodels' OLS; the
permutation loop is vectorised with numpy.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import statsmodels.api as sm

from .._checks import as_generator, check_n_permutations
from ._validate import check_graph
from .nulls import permutation_p

__all__ = ["as_matrix", "qap_correlation", "mrqap", "dyadic_ppml"]


def as_matrix(X, nodelist=None, weight: str | None = "weight", name: str = "X") -> pd.DataFrame:
    """A square, labelled matrix from a graph, DataFrame or array.

    Parameters
    ----------
    X : networkx.Graph, pandas.DataFrame or numpy.ndarray
        A graph is turned into its (weighted) adjacency matrix.
    nodelist : list, optional
        Row/column order (default: the graph's or DataFrame's order).
    weight : str or None, default "weight"
        Edge attribute for graphs.
    name : str
        Used in error messages.

    Returns
    -------
    pandas.DataFrame
        Square float matrix with identical row and column labels.

    Raises
    ------
    ValueError
        If the matrix is not square, labels differ between rows and columns,
        or values are missing.

    Examples
    --------
    >>> import networkx as nx
    >>> as_matrix(nx.path_graph(3), weight=None).to_numpy().tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
    """
    if isinstance(X, nx.Graph):
        check_graph(X, weight=weight, allow_selfloops=True, name=name)
        nodes = list(X) if nodelist is None else list(nodelist)
        M = nx.to_numpy_array(X, nodelist=nodes, weight=weight)
        return pd.DataFrame(M, index=nodes, columns=nodes)
    if isinstance(X, pd.DataFrame):
        if list(X.index) != list(X.columns):
            raise ValueError(f"{name} must have the same labels on rows and columns in the same order")
        out = X.astype(float)
        if nodelist is not None:
            out = out.loc[list(nodelist), list(nodelist)]
    else:
        arr = np.asarray(X, dtype=float)
        if arr.ndim != 2:
            raise ValueError(f"{name} must be a square matrix, got shape {arr.shape}")
        labels = list(range(arr.shape[0])) if nodelist is None else list(nodelist)
        if arr.shape[0] != arr.shape[1] or arr.shape[0] != len(labels):
            raise ValueError(f"{name} must be a square matrix matching the labels, got shape {arr.shape}")
        out = pd.DataFrame(arr, index=labels, columns=labels)
    if out.shape[0] != out.shape[1]:
        raise ValueError(f"{name} must be square, got shape {out.shape}")
    if out.shape[0] < 3:
        raise ValueError(f"{name} needs at least three actors, got {out.shape[0]}")
    if out.isna().to_numpy().any():
        raise ValueError(f"{name} has missing values")
    return out


def _offdiag(n: int, directed: bool):
    if directed:
        I, J = np.where(~np.eye(n, dtype=bool))
    else:
        I, J = np.triu_indices(n, k=1)
    return I, J


def _is_symmetric(*mats) -> bool:
    return all(np.allclose(M, M.T) for M in mats)


def qap_correlation(X, Y, *, n_permutations: int = 1000, seed=None, weight: str | None = "weight") -> pd.Series:
    """QAP test of the correlation between two relations on the same actors.

    Parameters
    ----------
    X, Y : networkx.Graph, pandas.DataFrame or numpy.ndarray
        Two square matrices (or graphs) on the same actors. For graphs the
        node order of ``X`` is used for both.
    n_permutations : int, default 1000
    seed : int or numpy.random.Generator, optional
    weight : str or None, default "weight"
        Edge attribute when graphs are given.

    Returns
    -------
    pandas.Series
        ``r`` (Pearson correlation over the off-diagonal dyads; the upper
        triangle when both matrices are symmetric), ``mean`` and ``sd`` of
        the permutation distribution, ``p_greater``, ``p_less`` and
        ``p_value`` (two-sided), all permutation p-values
        (k + 1) / (B + 1) with k the permutations at least as extreme as the
        observed r (see :func:`~regional_clusters.networks.permutation_p`).

    Raises
    ------
    ValueError
        If the matrices differ in size or labels, have missing values, or
        one of them is constant.

    References
    ----------
    Krackhardt, D. (1987). QAP partialling as a test of spuriousness.
    Social Networks 9(2), 171-186.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> A = rng.random((20, 20)); A = A + A.T
    >>> res = qap_correlation(A, 2 * A + 1, n_permutations=99, seed=1)
    >>> float(res["r"]), bool(res["p_value"] < 0.05)
    (1.0, True)
    """
    Xm = as_matrix(X, weight=weight, name="X")
    Ym = as_matrix(Y, nodelist=list(Xm.index) if isinstance(Y, (nx.Graph, pd.DataFrame)) else None, weight=weight, name="Y")
    if Xm.shape != Ym.shape:
        raise ValueError(f"X and Y differ in size: {Xm.shape} vs {Ym.shape}")
    x, y = Xm.to_numpy(), Ym.to_numpy()
    n = x.shape[0]
    I, J = _offdiag(n, not _is_symmetric(x, y))
    xv, yv = x[I, J], y[I, J]
    if np.std(xv) == 0 or np.std(yv) == 0:
        raise ValueError("X or Y is constant over the dyads; the correlation is undefined")
    r = float(np.corrcoef(xv, yv)[0, 1])
    rng = as_generator(seed)
    yc = (yv - yv.mean()) / yv.std()
    B = check_n_permutations(n_permutations)
    sims = np.empty(B)
    chunk = max(1, min(B, 4_000_000 // max(len(yv), 1)))
    for start in range(0, B, chunk):
        b = min(chunk, B - start)
        xp = _permuted_values(rng, x.ravel(), n, I, J, b)
        xs = (xp - xp.mean(axis=0)) / xp.std(axis=0)
        sims[start:start + b] = yc @ xs / len(yc)
    return pd.Series(
        {
            "r": r,
            "mean": float(sims.mean()) if len(sims) else np.nan,
            "sd": float(sims.std(ddof=1)) if len(sims) > 1 else np.nan,
            "p_greater": permutation_p(r, sims, "greater") if len(sims) else np.nan,
            "p_less": permutation_p(r, sims, "less") if len(sims) else np.nan,
            "p_value": permutation_p(r, sims, "two-sided", center=0.0) if len(sims) else np.nan,
        },
        name="qap_correlation",
    )


def _permuted_values(rng, M_flat, n, I, J, b):
    """Off-diagonal values of ``b`` row-and-column permutations of a matrix.

    Returns an (n_dyads x b) array; column c holds ``M[p, :][:, p][I, J]``
    for the c-th random permutation ``p``."""
    P = rng.permuted(np.tile(np.arange(n), (b, 1)), axis=1)
    return M_flat[P[:, I] * n + P[:, J]].T


def _t_for_last(Q, yv, e, dof):
    """t-statistics of the last coefficient in y ~ [Q-span, e] for many e.

    ``Q`` is an orthonormal basis of the fixed regressors, ``e`` an
    (n_dyads x B) block of candidate last regressors. Uses the
    Frisch-Waugh-Lovell theorem without forming residual matrices."""
    y_res = yv - Q @ (Q.T @ yv)
    QTe = Q.T @ e
    see = np.einsum("ij,ij->j", e, e) - np.einsum("ij,ij->j", QTe, QTe)
    sey = y_res @ e
    b = sey / see
    rss = y_res @ y_res - b * sey
    s2 = rss / dof
    return b / np.sqrt(s2 / see)


def mrqap(
    y,
    X: dict,
    *,
    n_permutations: int = 1000,
    method: str = "dsp",
    seed=None,
    weight: str | None = "weight",
) -> pd.DataFrame:
    """Multiple regression QAP (MRQAP) of one relation on several others.

    Coefficients, standard errors and R-squared come from an ordinary least
    squares fit (statsmodels) on the off-diagonal dyads; p-values from
    permutations that keep the actors' row and column dependence.

    Parameters
    ----------
    y : networkx.Graph, pandas.DataFrame or numpy.ndarray
        Dependent relation (square).
    X : dict of str to matrix or graph
        Predictors by name, on the same actors in the same order.
    n_permutations : int, default 1000
    method : {"dsp", "y"}, default "dsp"
        ``"dsp"``: double semi-partialling (Dekker, Krackhardt and Snijders
        2007): for each predictor, its residuals after regressing it on the
        other predictors are permuted and the t-statistic re-estimated;
        robust to collinear predictors. ``"y"``: permute the dependent
        matrix (Krackhardt 1988).
    seed : int or numpy.random.Generator, optional
    weight : str or None, default "weight"
        Edge attribute when graphs are given.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``const`` and the predictor names: ``coef``, ``se``,
        ``t`` (OLS; a descriptive ratio only, since dyads are not independent:
        read the permutation p instead), ``p_value`` (two-sided permutation
        p, (k + 1) / (B + 1) with k the permutations with ``|t*| >= |t|``;
        NaN for the constant under DSP).
        ``attrs`` holds ``r2``, ``n_dyads``, ``method`` and
        ``n_permutations``.

    Raises
    ------
    ValueError
        If ``X`` is empty, matrices differ in size, have missing values, a
        predictor is constant, or ``method`` is unknown.

    References
    ----------
    Dekker, D., Krackhardt, D. and Snijders, T. A. B. (2007). Sensitivity of
    MRQAP tests to collinearity and autocorrelation conditions.
    Psychometrika 72(4), 563-581.
    Krackhardt, D. (1988). Predicting with networks: nonparametric multiple
    regression analysis of dyadic data. Social Networks 10(4), 359-381.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> A = rng.random((30, 30)); B = rng.random((30, 30))
    >>> Y = 2 * A + 0.1 * rng.random((30, 30))
    >>> res = mrqap(Y, {"A": A, "B": B}, n_permutations=99, seed=1)
    >>> round(float(res.loc["A", "coef"]), 1), bool(res.loc["A", "p_value"] < 0.05)
    (2.0, True)
    """
    if method not in ("dsp", "y"):
        raise ValueError(f"method must be 'dsp' or 'y', got {method!r}")
    if not isinstance(X, dict) or not X:
        raise ValueError("X must be a non-empty dict of predictor name -> matrix")
    Ym = as_matrix(y, weight=weight, name="y")
    order = list(Ym.index) if isinstance(y, (nx.Graph, pd.DataFrame)) else None
    mats = {}
    for name, M in X.items():
        Mm = as_matrix(M, nodelist=order if isinstance(M, (nx.Graph, pd.DataFrame)) else None, weight=weight, name=str(name))
        if Mm.shape != Ym.shape:
            raise ValueError(f"predictor {name!r} has shape {Mm.shape}, y has {Ym.shape}")
        mats[name] = Mm.to_numpy()
    yfull = Ym.to_numpy()
    n = yfull.shape[0]
    I, J = _offdiag(n, not _is_symmetric(yfull, *mats.values()))
    yv = yfull[I, J]
    names = list(mats)
    Xv = np.column_stack([mats[k][I, J] for k in names])
    for k, name in enumerate(names):
        if np.std(Xv[:, k]) == 0:
            raise ValueError(f"predictor {name!r} is constant over the dyads")
    design = sm.add_constant(pd.DataFrame(Xv, columns=names), has_constant="add")
    fit = sm.OLS(yv, design).fit()
    t_obs = fit.tvalues.to_numpy()
    rng = as_generator(seed)
    B = int(n_permutations)
    p_values = np.full(len(names) + 1, np.nan)
    dof = len(yv) - len(names) - 1
    chunk = max(1, min(B, 2_000_000 // max(len(yv), 1)))
    if B > 0 and method == "dsp":
        for k, name in enumerate(names):
            others = np.column_stack([np.ones(len(yv))] + [Xv[:, j] for j in range(len(names)) if j != k])
            Q, _ = np.linalg.qr(others)
            e = Xv[:, k] - Q @ (Q.T @ Xv[:, k])
            E = np.zeros((n, n))
            E[I, J] = e
            if len(I) != n * (n - 1):
                E[J, I] = e
            count = 0
            done = 0
            E_flat = E.ravel()
            while done < B:
                b = min(chunk, B - done)
                block = _permuted_values(rng, E_flat, n, I, J, b)
                t_perm = _t_for_last(Q, yv, block, dof)
                count += int(np.sum(np.abs(t_perm) >= abs(t_obs[k + 1]) - 1e-12))
                done += b
            p_values[k + 1] = (count + 1) / (B + 1)
    elif B > 0:
        Xd = design.to_numpy()
        XtX_inv = np.linalg.inv(Xd.T @ Xd)
        H = XtX_inv @ Xd.T
        diag = np.diag(XtX_inv)
        counts = np.zeros(Xd.shape[1])
        done = 0
        while done < B:
            b = min(chunk, B - done)
            Yb = _permuted_values(rng, yfull.ravel(), n, I, J, b)
            coef = H @ Yb
            resid = Yb - Xd @ coef
            s2 = np.einsum("ij,ij->j", resid, resid) / dof
            t_perm = coef / np.sqrt(np.outer(diag, s2))
            counts += np.sum(np.abs(t_perm) >= np.abs(t_obs)[:, None] - 1e-12, axis=1)
            done += b
        p_values = (counts + 1) / (B + 1)
    out = pd.DataFrame(
        {"coef": fit.params.to_numpy(), "se": fit.bse.to_numpy(), "t": t_obs, "p_value": p_values},
        index=pd.Index(["const", *names], name="term"),
    )
    out.attrs.update({"r2": float(fit.rsquared), "n_dyads": int(len(yv)), "method": method, "n_permutations": B})
    return out


def dyadic_ppml(y, X: dict, *, weight: str | None = "weight", min_total: float = 0) -> pd.DataFrame:
    r"""Poisson pseudo-maximum-likelihood for an undirected count relation, with actor fixed effects.

    Fits, over the unordered pairs i < j,

    .. math:: E[y_{ij}] = \exp(\alpha_i + \gamma_j + \sum_k \beta_k x_{k,ij})

    with pyfixest's ``fepois``: the fixed effects absorb each actor's
    overall activity (its number of joint projects, say) in both positions
    of the pair, so the coefficients compare pairs of equally active
    actors. Errors are clustered two-way by the two actors of the pair, so
    that all pairs sharing an actor may be correlated (dyadic dependence).
    :math:`\exp(\beta_k) - 1` is the proportional change in the expected count.

    Parameters
    ----------
    y : networkx.Graph, pandas.DataFrame or numpy.ndarray
        Square, symmetric count relation (e.g. joint projects).
    X : dict of str to matrix
        Dyadic predictors on the same actors in the same order.
    weight : str or None, default "weight"
        Edge attribute when ``y`` is a graph.
    min_total : float, default 0
        Drop actors whose row total of ``y`` is at most this (actors without
        any count carry no information under actor fixed effects).

    Returns
    -------
    pandas.DataFrame
        Indexed by predictor: ``coef``, ``se``, ``ci_low``, ``ci_high``,
        ``p_value`` and ``irr`` (exp(coef)). ``attrs["spec"]`` holds the
        specification line, ``attrs["n_dyads"]`` and ``attrs["n_actors"]``.

    Raises
    ------
    ValueError
        If ``y`` is not symmetric, has negative values, or a predictor is
        constant or of the wrong shape.

    References
    ----------
    Santos Silva, J. M. C. and Tenreyro, S. (2006). The log of gravity.
    Review of Economics and Statistics 88(4), 641-658.
    Cameron, A. C., Gelbach, J. B. and Miller, D. L. (2011). Robust inference
    with multiway clustering. Journal of Business and Economic Statistics
    29(2), 238-249.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> n = 40
    >>> g = rng.integers(0, 2, n)
    >>> same = (g[:, None] == g[None, :]).astype(float)
    >>> act = rng.gamma(2.0, 1.0, n)
    >>> lam = np.outer(act, act) * np.exp(0.7 * same) * 0.3
    >>> Y = rng.poisson(np.triu(lam, 1)); Y = Y + Y.T
    >>> res = dyadic_ppml(Y, {"same group": same})
    >>> bool(abs(res.loc["same group", "coef"] - 0.7) < 0.3)
    True
    """
    import pyfixest as pf

    Ym = as_matrix(y, weight=weight, name="y").to_numpy()
    if not np.allclose(Ym, Ym.T):
        raise ValueError("y must be symmetric (an undirected relation)")
    if (Ym < 0).any():
        raise ValueError("y has negative counts")
    n = Ym.shape[0]
    keep = np.flatnonzero(Ym.sum(axis=1) > min_total)
    I, J = np.triu_indices(len(keep), k=1)
    gi, gj = keep[I], keep[J]
    data = pd.DataFrame({"y": Ym[gi, gj], "actor_i": gi, "actor_j": gj})
    names = {}
    for k, (name, M) in enumerate(X.items()):
        Mm = np.asarray(M, dtype=float)
        if Mm.shape != (n, n):
            raise ValueError(f"predictor {name!r} has shape {Mm.shape}, y has {(n, n)}")
        col = f"x{k}"
        data[col] = Mm[gi, gj]
        if data[col].std() == 0:
            raise ValueError(f"predictor {name!r} is constant over the dyads")
        names[col] = name
    formula = "y ~ " + " + ".join(names) + " | actor_i + actor_j"
    import warnings

    with warnings.catch_warnings():
        # pyfixest warns when it drops singleton fixed effects or pairs separated by the fixed
        # effects (all-zero actors); the number dropped is stated in the specification line
        warnings.simplefilter("ignore", UserWarning)
        fit = pf.fepois(formula, data=data, vcov={"CRV1": "actor_i + actor_j"})
    tidy = fit.tidy()
    out = pd.DataFrame({
        "coef": tidy["Estimate"].to_numpy(), "se": tidy["Std. Error"].to_numpy(),
        "ci_low": tidy["2.5%"].to_numpy(), "ci_high": tidy["97.5%"].to_numpy(),
        "p_value": tidy["Pr(>|t|)"].to_numpy(),
    }, index=pd.Index([names[c] for c in tidy.index], name="term"))
    out["irr"] = np.exp(out["coef"])
    out.attrs["n_dyads"] = int(fit._N)
    out.attrs["n_actors"] = int(len(keep))
    dropped = len(data) - int(fit._N)
    out.attrs["spec"] = (f"PPML, joint count per unordered pair; fixed effects for both actors of the pair; "
                         f"errors clustered two-way by the two actors; {int(fit._N):,} pairs of "
                         f"{len(keep):,} actors" + (f" ({dropped:,} pairs without variation given the fixed "
                                                   "effects dropped)" if dropped else ""))
    return out
