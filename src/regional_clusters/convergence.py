"""Regional convergence and inequality: beta and sigma convergence, Theil, Gini.

All functions take a wide *region x year* table (rows regions, columns
years, values e.g. GDP or income per head) or one column of it (a Series
indexed by region). They answer the question behind the lighthouse paper's
section IV: do poorer regions catch up (beta convergence), does the spread of
regional incomes narrow (sigma convergence), and how much of the inequality
lies between groups of regions (central versus peripheral, one country versus
another) rather than within them (Theil decomposition)?
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from regional_clusters._checks import check_count_matrix, check_labels
from regional_clusters.specialization import _gini_rows

__all__ = [
    "BetaConvergence",
    "beta_convergence",
    "sigma_convergence",
    "sigma_convergence_test",
    "atkinson",
    "williamson",
    "theil",
    "theil_decomposition",
    "gini",
    "group_means",
    "moran_residuals",
]


# ---------------------------------------------------------------------------
# input checks
# ---------------------------------------------------------------------------


def _panel(Y, name: str, *, positive: bool) -> pd.DataFrame:
    """Validate a region x year table; errors name the region and year."""
    try:
        out = check_count_matrix(Y, name=name, allow_zero_rows=True, allow_zero_columns=True)
    except ValueError as err:
        msg = str(err).replace(", industry ", ", year ").replace(" industry ", " year ")
        msg = re.sub(r"np\.\w+\(([^()]*)\)", r"\1", msg)  # np.int64(2008) -> 2008
        msg = msg.replace("(rows regions, columns industries)", "(rows regions, columns years)")
        raise ValueError(msg) from None
    if positive:
        bad = np.argwhere(out.to_numpy() <= 0)
        if len(bad):
            i, j = bad[0]
            raise ValueError(
                f"{name} has a zero value at region {_label(out.index[i])!r}, year {_label(out.columns[j])!r}; "
                "logarithms need positive values"
            )
    return out


def _label(value):
    """Plain Python value of a numpy scalar label (for readable messages)."""
    return value.item() if isinstance(value, np.generic) else value


def _series(x, name: str) -> pd.Series:
    """Validate a Series of non-negative values indexed by region."""
    if isinstance(x, pd.DataFrame):
        raise ValueError(f"{name} must be a Series (one value per region), got a DataFrame")
    if not isinstance(x, pd.Series):
        x = pd.Series(x)
    frame = _panel(x.to_frame(name="value"), name, positive=False)
    s = frame["value"]
    s.name = x.name
    if s.sum() == 0:
        raise ValueError(f"{name} has only zeros")
    return s


def _weights(weights, index: pd.Index, name: str = "weights") -> pd.Series:
    """Population (or other) weights aligned on ``index``; equal if None."""
    if weights is None:
        return pd.Series(1.0, index=index)
    if not isinstance(weights, pd.Series):
        raise ValueError(f"{name} must be a pandas Series indexed by region")
    check_labels(weights.index, f"{name} region")
    missing = index.difference(weights.index)
    if len(missing):
        raise ValueError(f"{name} has no value for region {missing[0]!r}")
    w = _series(weights.loc[index], name)
    zero = w.index[w == 0]
    if len(zero):
        raise ValueError(f"{name} is zero for region {zero[0]!r}")
    return w


def _groups(groups, index: pd.Index) -> pd.Series:
    """A grouping (Series region -> group) aligned on ``index``."""
    if not isinstance(groups, pd.Series):
        raise ValueError("groups must be a pandas Series mapping region -> group")
    check_labels(groups.index, "groups region")
    missing = index.difference(groups.index)
    if len(missing):
        raise ValueError(f"groups has no group for region {missing[0]!r}")
    g = groups.loc[index]
    if g.isna().any():
        raise ValueError(f"groups has a missing group for region {g.index[g.isna()][0]!r}")
    return g


# ---------------------------------------------------------------------------
# beta convergence
# ---------------------------------------------------------------------------


@dataclass
class BetaConvergence:
    """Result of :func:`beta_convergence`.

    Attributes
    ----------
    results : statsmodels.regression.linear_model.RegressionResultsWrapper
        The fitted OLS model (with robust covariance).
    beta : float
        Coefficient of log initial income.
    se : float
        Its (robust) standard error.
    pvalue : float
        Two-sided p-value of ``beta``.
    speed : float
        Implied annual speed of convergence
        :math:`\\lambda = -\\ln(1 + \\beta T)/T`; NaN when
        :math:`1 + \\beta T \\le 0`.
    half_life : float
        Years to close half the gap, :math:`\\ln 2/\\lambda`; NaN when
        ``speed`` is not positive (no convergence).
    years : int
        Length :math:`T` of the period in years.
    n : int
        Number of regions.
    start, end
        First and last year (column labels) used.
    specification : str
        The regression in words: dependent variable, regressors, estimator
        and covariance type.
    """

    results: object
    beta: float
    se: float
    pvalue: float
    speed: float
    half_life: float
    years: int
    n: int
    start: object
    end: object
    specification: str

    def summary(self) -> pd.Series:
        """The headline numbers as a labelled Series."""
        return pd.Series(
            {
                "beta": self.beta,
                "se": self.se,
                "p-value": self.pvalue,
                "speed (% per year)": 100 * self.speed,
                "half-life (years)": self.half_life,
                "R2": float(self.results.rsquared),
                "regions": self.n,
                "years": self.years,
            },
            name=f"{self.start}-{self.end}",
        )


def beta_convergence(
    Y,
    *,
    start=None,
    end=None,
    controls=None,
    cov_type: str = "HC1",
    clusters=None,
    name: str = "Y",
) -> BetaConvergence:
    """Absolute or conditional beta convergence (Barro and Sala-i-Martin 1992).

    Fits the cross-section regression of the average annual log growth rate
    on log initial income,

    .. math::

        \\frac{1}{T}\\ln\\frac{y_{i,t_0+T}}{y_{i,t_0}} = a + \\beta \\ln y_{i,t_0}
        + \\gamma' z_i + \\varepsilon_i ,

    by OLS with heteroskedasticity-robust standard errors. Without controls
    :math:`z_i` the test is for *absolute* convergence, with controls (e.g.
    country dummies) for *conditional* convergence. A negative
    :math:`\\beta` means poorer regions grew faster. The implied speed of
    convergence solves :math:`\\beta = -(1 - e^{-\\lambda T})/T`, i.e.
    :math:`\\lambda = -\\ln(1 + \\beta T)/T`, and the half-life is
    :math:`\\ln 2 / \\lambda`.

    Parameters
    ----------
    Y : pandas.DataFrame
        Region x year table of positive values (e.g. GDP per head); column
        labels are years (numbers) and are sorted.
    start, end : optional
        First and last year; default the first and last column.
    controls : pandas.Series or pandas.DataFrame, optional
        Indexed by region. A Series of categories (e.g. country) becomes
        dummy variables (first category dropped); a DataFrame must be numeric
        and is used as is.
    cov_type : str, default "HC1"
        statsmodels covariance type (``"HC0"`` .. ``"HC3"``, ``"nonrobust"``).
        Ignored when ``clusters`` is given.
    clusters : pandas.Series, optional
        Cluster label of each region (e.g. country, Land). Standard errors are
        then cluster-robust (statsmodels ``cov_type="cluster"``, with the
        small-sample correction and t tests with one degree of freedom fewer
        than clusters), for shocks shared within a cluster; the
        specification names the clustering and the number of clusters.
    name : str
        Name of ``Y`` in error messages.

    Returns
    -------
    BetaConvergence
        Fitted results, beta, its standard error, speed, half-life and a
        description of the specification.

    Raises
    ------
    ValueError
        If ``Y`` has a missing, zero or negative value (naming region and
        year), ``start``/``end`` are not columns or not in order, fewer than
        three regions remain, or a control is missing for a region.

    References
    ----------
    Barro, R. J. and Sala-i-Martin, X. (1992). Convergence. *Journal of
    Political Economy* 100(2), 223-251.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> y0 = np.array([1.0, 2.0, 4.0, 8.0])
    >>> growth = 0.02 - 0.01 * np.log(y0)          # beta = -0.01 exactly
    >>> Y = pd.DataFrame({2000: y0, 2010: y0 * np.exp(10 * growth)},
    ...                  index=["a", "b", "c", "d"])
    >>> res = beta_convergence(Y)
    >>> round(res.beta, 4), round(res.half_life, 1)
    (-0.01, 65.8)
    """
    import statsmodels.api as sm

    Y = _panel(Y, name, positive=True)
    cols = list(Y.columns)
    start = cols[0] if start is None else start
    end = cols[-1] if end is None else end
    for label, year in (("start", start), ("end", end)):
        if year not in Y.columns:
            raise ValueError(f"{label} year {year!r} is not a column of {name}")
    try:
        T = float(end) - float(start)
    except (TypeError, ValueError):
        raise ValueError(f"{name} columns must be years (numbers), got {start!r} and {end!r}") from None
    if T <= 0:
        raise ValueError(f"end year {end!r} must come after start year {start!r}")
    if len(Y) < 3:
        raise ValueError(f"{name} needs at least three regions, has {len(Y)}")
    log0 = np.log(Y[start])
    growth = (np.log(Y[end]) - log0) / T
    X = pd.DataFrame({"const": 1.0, "log_initial": log0}, index=Y.index)
    spec_controls = ""
    if controls is not None:
        if isinstance(controls, pd.Series):
            g = _groups(controls, Y.index)
            dummies = pd.get_dummies(g.astype(str), prefix=str(controls.name or "group"), drop_first=True, dtype=float)
            Z = dummies
            spec_controls = f" + dummies for {controls.name or 'group'} ({g.nunique()} categories)"
        elif isinstance(controls, pd.DataFrame):
            check_labels(controls.index, "controls region")
            missing = Y.index.difference(controls.index)
            if len(missing):
                raise ValueError(f"controls has no row for region {missing[0]!r}")
            Z = controls.loc[Y.index]
            for col in Z.columns:
                if not pd.api.types.is_numeric_dtype(Z[col]):
                    raise ValueError(f"control {col!r} is not numeric")
                if Z[col].isna().any():
                    raise ValueError(f"control {col!r} is missing for region {Z.index[Z[col].isna()][0]!r}")
            Z = Z.astype(float)
            spec_controls = " + " + " + ".join(map(str, Z.columns))
        else:
            raise ValueError("controls must be a pandas Series (categories) or DataFrame (numeric)")
        X = pd.concat([X, Z], axis=1)
    if X.shape[0] <= X.shape[1]:
        raise ValueError(f"{X.shape[1]} regressors need more than {X.shape[0]} regions")
    if clusters is not None:
        cluster_labels = _groups(clusters, Y.index)
        n_clusters = int(cluster_labels.nunique())
        if n_clusters < 2:
            raise ValueError(f"clusters must have at least two groups, has {n_clusters}")
        codes, _ = pd.factorize(cluster_labels)
        # t with G - 1 degrees of freedom: with few clusters the normal approximation is too kind
        results = sm.OLS(growth.rename("growth"), X).fit(cov_type="cluster", cov_kwds={"groups": codes}, use_t=True)
        cov_text = f"errors clustered by {clusters.name or 'cluster'} ({n_clusters} clusters)"
    else:
        results = sm.OLS(growth.rename("growth"), X).fit(cov_type=cov_type)
        cov_text = f"{cov_type} standard errors"
    beta = float(results.params["log_initial"])
    se = float(results.bse["log_initial"])
    inner = 1.0 + beta * T
    speed = float(-np.log(inner) / T) if inner > 0 else float("nan")
    half_life = float(np.log(2) / speed) if speed > 0 else float("nan")
    kind = "conditional" if controls is not None else "absolute"
    spec = (
        f"{kind} beta convergence: (1/T) ln(y[{end}]/y[{start}]) = a + beta ln y[{start}]"
        f"{spec_controls}; OLS, {cov_text}; T = {T:g} years, n = {len(Y)} regions"
    )
    return BetaConvergence(
        results=results,
        beta=beta,
        se=se,
        pvalue=float(results.pvalues["log_initial"]),
        speed=speed,
        half_life=half_life,
        years=int(T) if float(T).is_integer() else T,
        n=len(Y),
        start=start,
        end=end,
        specification=spec,
    )


# ---------------------------------------------------------------------------
# sigma convergence
# ---------------------------------------------------------------------------


def sigma_convergence(Y, *, weights=None, name: str = "Y") -> pd.DataFrame:
    """Dispersion of regional values year by year (sigma convergence).

    For each year :math:`t` the standard deviation of log values,
    :math:`\\sigma_t = \\sqrt{\\sum_i w_i (\\ln y_{it} - \\overline{\\ln y_t})^2 / \\sum_i w_i}`
    (population formula, equal weights by default), and the coefficient of
    variation :math:`sd(y_t)/\\bar y_t`. Sigma convergence means
    :math:`\\sigma_t` falls over time.

    Parameters
    ----------
    Y : pandas.DataFrame
        Region x year table of positive values.
    weights : pandas.Series, optional
        Weights by region (e.g. population of one year), constant over years.
    name : str
        Name of ``Y`` in error messages.

    Returns
    -------
    pandas.DataFrame
        Indexed by year: ``sd_log``, ``cv``, ``mean`` (weighted mean of the
        values) and ``regions``.

    Raises
    ------
    ValueError
        If ``Y`` has a missing, zero or negative value (naming region and
        year) or a weight is missing.

    References
    ----------
    Barro, R. J. and Sala-i-Martin, X. (1992). Convergence. *Journal of
    Political Economy* 100(2), 223-251.

    Examples
    --------
    >>> import pandas as pd
    >>> Y = pd.DataFrame({2000: [1.0, 4.0], 2010: [2.0, 4.0]}, index=["a", "b"])
    >>> sigma_convergence(Y)["sd_log"].round(4).tolist()
    [0.6931, 0.3466]
    """
    Y = _panel(Y, name, positive=True)
    w = _weights(weights, Y.index).to_numpy()
    w = w / w.sum()
    logs = np.log(Y.to_numpy())
    mean_log = w @ logs
    sd_log = np.sqrt(w @ (logs - mean_log) ** 2)
    mean = w @ Y.to_numpy()
    cv = np.sqrt(w @ (Y.to_numpy() - mean) ** 2) / mean
    out = pd.DataFrame({"sd_log": sd_log, "cv": cv, "mean": mean, "regions": len(Y)}, index=Y.columns)
    out.index.name = "year"
    return out


# ---------------------------------------------------------------------------
# Theil and Gini
# ---------------------------------------------------------------------------


def _theil_1d(x: np.ndarray, w: np.ndarray) -> float:
    """Theil T of values x with weights w (shares of income vs. population)."""
    p = w / w.sum()
    s = x * w / (x * w).sum()
    pos = s > 0
    return float(np.sum(s[pos] * np.log(s[pos] / p[pos])))


def _theil_parts(x: np.ndarray, w: np.ndarray, codes: np.ndarray) -> tuple[float, float, float]:
    """Total, between and within Theil T for values x, weights w, group codes."""
    xw = x * w
    S = np.bincount(codes, xw) / xw.sum()
    P = np.bincount(codes, w) / w.sum()
    s_i = xw / xw.sum()
    p_i = w / w.sum()
    pos = s_i > 0
    total = float(np.sum(s_i[pos] * np.log(s_i[pos] / p_i[pos])))
    posg = S > 0
    between = float(np.sum(S[posg] * np.log(S[posg] / P[posg])))
    # within = sum_g S_g T_g = sum_i s_i ln[(s_i / p_i) / (S_g / P_g)]
    ratio_g = np.ones_like(S)
    ratio_g[posg] = S[posg] / P[posg]
    within = float(np.sum(s_i[pos] * (np.log(s_i[pos] / p_i[pos]) - np.log(ratio_g[codes[pos]]))))
    return total, between, within


def theil(x, *, weights=None, name: str = "x"):
    """Theil T index of inequality between regions.

    With values per head :math:`y_i` and weights (population) :math:`n_i`,
    let :math:`s_i = n_i y_i / \\sum_j n_j y_j` be region *i*'s share of the
    total and :math:`p_i = n_i/\\sum_j n_j` its share of the population. Then

    .. math::  T = \\sum_i s_i \\ln (s_i / p_i),

    which is zero when every region has the same value and
    :math:`\\ln(\\sum_i n_i / n_k)` when one region *k* has everything. With
    equal weights this is :math:`\\frac{1}{n}\\sum_i (y_i/\\bar y)\\ln(y_i/\\bar y)`.

    Parameters
    ----------
    x : pandas.Series or pandas.DataFrame
        Non-negative values by region; a region x year table gives one index
        per year.
    weights : pandas.Series, optional
        Positive weights by region (e.g. population); equal if omitted.
    name : str
        Name of ``x`` in error messages.

    Returns
    -------
    float or pandas.Series
        The index (a Series by year for a table).

    Raises
    ------
    ValueError
        On missing or negative values, all zeros, or a missing weight (the
        message names the region).

    References
    ----------
    Theil, H. (1967). *Economics and Information Theory*. Amsterdam:
    North-Holland.
    Shorrocks, A. F. (1980). The class of additively decomposable inequality
    measures. *Econometrica* 48(3), 613-625.

    Examples
    --------
    >>> import pandas as pd
    >>> theil(pd.Series([1.0, 1.0, 1.0]))
    0.0
    >>> round(theil(pd.Series([0.0, 0.0, 3.0])), 4)  # ln 3
    1.0986
    """
    if isinstance(x, pd.DataFrame):
        X = _panel(x, name, positive=False)
        w = _weights(weights, X.index).to_numpy()
        zero = X.columns[X.sum(axis=0) == 0]
        if len(zero):
            raise ValueError(f"{name} has only zeros in year {zero[0]!r}")
        out = pd.Series({c: _theil_1d(X[c].to_numpy(), w) for c in X.columns}, name="theil")
        out.index.name = X.columns.name or "year"
        return out
    s = _series(x, name)
    w = _weights(weights, s.index).to_numpy()
    return _theil_1d(s.to_numpy(), w)


def theil_decomposition(x, groups, *, weights=None, name: str = "x") -> pd.DataFrame:
    """Split the Theil T index into between- and within-group parts (Shorrocks 1980).

    With group *g*'s share of the total :math:`S_g`, its population share
    :math:`P_g` and its own Theil index :math:`T_g` (over its regions),

    .. math::

        T = \\underbrace{\\sum_g S_g \\ln\\frac{S_g}{P_g}}_{\\text{between}}
          + \\underbrace{\\sum_g S_g T_g}_{\\text{within}} .

    Parameters
    ----------
    x : pandas.Series or pandas.DataFrame
        Values by region, or a region x year table.
    groups : pandas.Series
        Group of each region (e.g. country, or central/peripheral).
    weights : pandas.Series or pandas.DataFrame, optional
        Population weights by region; equal if omitted. For a region x year
        table ``x``, a region x year DataFrame of weights gives every year its
        own weights (the population of that year).
    name : str
        Name of ``x`` in error messages.

    Returns
    -------
    pandas.DataFrame
        For a Series: one row per group with ``share`` (of the total),
        ``pop_share``, ``theil`` (within the group), ``within`` contribution
        (:math:`S_g T_g`) and ``between`` contribution
        (:math:`S_g\\ln(S_g/P_g)`), plus a row ``"total"`` whose ``theil``
        is the overall index. For a table: one row per year with ``total``,
        ``between``, ``within`` and ``between_share``.

    Raises
    ------
    ValueError
        On bad values or weights, or a region without a group.

    References
    ----------
    Shorrocks, A. F. (1980). The class of additively decomposable inequality
    measures. *Econometrica* 48(3), 613-625.

    Examples
    --------
    >>> import pandas as pd
    >>> x = pd.Series([1.0, 3.0, 2.0, 2.0], index=list("abcd"))
    >>> g = pd.Series(["A", "A", "B", "B"], index=list("abcd"))
    >>> d = theil_decomposition(x, g)
    >>> bool(abs(d.loc["total", "theil"] - theil(x)) < 1e-12)
    True
    >>> round(float(d.loc["total", "between"]), 6)   # equal group means
    0.0
    """
    if isinstance(x, pd.DataFrame):
        X = _panel(x, name, positive=False)
        zero = X.columns[X.sum(axis=0) == 0]
        if len(zero):
            raise ValueError(f"{name} has only zeros in year {_label(zero[0])!r}")
        codes, _ = pd.factorize(_groups(groups, X.index), sort=True)
        if isinstance(weights, pd.DataFrame):
            missing = [c for c in X.columns if c not in weights.columns]
            if missing:
                raise ValueError(f"weights have no column for year {_label(missing[0])!r}")
            rows = {c: _theil_parts(X[c].to_numpy(), _weights(weights[c], X.index, f"weights[{c}]").to_numpy(), codes)
                    for c in X.columns}
        else:
            w = _weights(weights, X.index).to_numpy()
            rows = {c: _theil_parts(X[c].to_numpy(), w, codes) for c in X.columns}
        out = pd.DataFrame.from_dict(rows, orient="index", columns=["total", "between", "within"])
        out["between_share"] = out["between"] / out["total"].where(out["total"] > 0)
        out.index.name = X.columns.name or "year"
        return out
    s = _series(x, name)
    w = _weights(weights, s.index)
    g = _groups(groups, s.index)
    total_income = float((s * w).sum())
    total_pop = float(w.sum())
    rows = {}
    for key, idx in g.groupby(g, sort=True).groups.items():
        xs, ws = s.loc[idx], w.loc[idx]
        S = float((xs * ws).sum()) / total_income
        P = float(ws.sum()) / total_pop
        Tg = _theil_1d(xs.to_numpy(), ws.to_numpy()) if S > 0 else 0.0
        rows[key] = {
            "share": S,
            "pop_share": P,
            "theil": Tg,
            "within": S * Tg,
            "between": S * np.log(S / P) if S > 0 else 0.0,
        }
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.loc["total"] = {
        "share": 1.0,
        "pop_share": 1.0,
        "theil": _theil_1d(s.to_numpy(), w.to_numpy()),
        "within": out["within"].sum(),
        "between": out["between"].sum(),
    }
    out.index.name = "group"
    return out


def gini(x, *, weights=None, name: str = "x"):
    """Gini coefficient of regional values.

    .. math::

        G = \\frac{\\sum_i\\sum_j w_i w_j |y_i - y_j|}{2 (\\sum_i w_i)^2 \\bar y},
        \\qquad \\bar y = \\sum_i w_i y_i / \\sum_i w_i ,

    the mean absolute difference between two randomly drawn (weighted)
    regions relative to twice the mean. With equal weights and *n* regions
    the maximum is :math:`(n-1)/n`.

    Parameters
    ----------
    x : pandas.Series or pandas.DataFrame
        Non-negative values by region, or a region x year table.
    weights : pandas.Series, optional
        Positive weights by region (e.g. population); equal if omitted.
    name : str
        Name of ``x`` in error messages.

    Returns
    -------
    float or pandas.Series
        The coefficient (a Series by year for a table).

    Raises
    ------
    ValueError
        On missing or negative values, all zeros, or a missing weight.

    References
    ----------
    Gini, C. (1912). *Variabilità e mutabilità*. Bologna: Cuppini.
    Balland, P.-A. (2017). EconGeo: computing key indicators of the spatial
    distribution of economic activities (R package); worked examples.

    Examples
    --------
    >>> import pandas as pd
    >>> round(gini(pd.Series([0, 10, 10, 30, 50])), 2)
    0.48
    >>> round(gini(pd.Series([0, 0, 0, 0, 1])), 2)
    0.8
    """
    if isinstance(x, pd.DataFrame):
        X = _panel(x, name, positive=False)
        zero = X.columns[X.sum(axis=0) == 0]
        if len(zero):
            raise ValueError(f"{name} has only zeros in year {_label(zero[0])!r}")
        w = _weights(weights, X.index).to_numpy()
        out = pd.Series(_gini_rows(X.to_numpy().T, w), index=X.columns, name="gini")
        out.index.name = X.columns.name or "year"
        return out
    s = _series(x, name)
    w = _weights(weights, s.index).to_numpy()
    return float(_gini_rows(s.to_numpy(), w)[0])


def group_means(Y, groups, *, weights=None, name: str = "Y") -> pd.DataFrame:
    """Weighted mean value per group of regions, year by year.

    Parameters
    ----------
    Y : pandas.DataFrame
        Region x year table of non-negative values (e.g. GDP per head).
    groups : pandas.Series
        Group of each region (e.g. ``"central"``/``"peripheral"``).
    weights : pandas.Series or pandas.DataFrame, optional
        Population by region (constant), or a region x year table of
        populations (year-specific weights); equal weights if omitted.
    name : str
        Name of ``Y`` in error messages.

    Returns
    -------
    pandas.DataFrame
        Rows years, columns groups: :math:`\\sum_{i\\in g} n_i y_i / \\sum_{i \\in g} n_i`.

    Raises
    ------
    ValueError
        On bad values or weights, or a region without a group.

    Examples
    --------
    >>> import pandas as pd
    >>> Y = pd.DataFrame({2000: [2.0, 1.0, 3.0]}, index=list("abc"))
    >>> g = pd.Series({"a": "C", "b": "P", "c": "P"})
    >>> group_means(Y, g, weights=pd.Series({"a": 1.0, "b": 1.0, "c": 3.0}))
    group    C    P
    year
    2000   2.0  2.5
    """
    Y = _panel(Y, name, positive=False)
    g = _groups(groups, Y.index)
    if isinstance(weights, pd.DataFrame):
        missing = Y.columns.difference(weights.columns)
        if len(missing):
            raise ValueError(f"weights has no column for year {_label(missing[0])!r}")
        W = pd.concat({c: _weights(weights[c], Y.index, f"weights[{_label(c)!r}]") for c in Y.columns}, axis=1)
    else:
        w = _weights(weights, Y.index)
        W = pd.DataFrame({c: w for c in Y.columns})
    num = (Y * W).groupby(g).sum()
    den = W.groupby(g).sum()
    out = (num / den).T
    out.index.name = Y.columns.name or "year"
    out.columns.name = "group"
    return out


# ---------------------------------------------------------------------------
# Atkinson and Williamson indices; a test of sigma convergence
# ---------------------------------------------------------------------------


def atkinson(x, *, epsilon: float = 0.5, weights=None, name: str = "x"):
    r"""Atkinson index of regional values.

    .. math::

        A_\varepsilon = 1 - \frac{1}{\bar y}\Big(\sum_i w_i\, y_i^{1-\varepsilon}\Big)^{1/(1-\varepsilon)},
        \qquad A_1 = 1 - \frac{\exp(\sum_i w_i \ln y_i)}{\bar y},

    with weights summing to one (equal by default) and :math:`\bar y` the
    weighted mean. It is the share of the mean that could be given up if
    the values were equal, for the inequality aversion :math:`\varepsilon`:
    larger :math:`\varepsilon` weighs the poorest regions more.

    Parameters
    ----------
    x : pandas.Series or pandas.DataFrame
        Positive values by region (non-negative for :math:`\varepsilon < 1`),
        or a region x year table.
    epsilon : float, default 0.5
        Inequality aversion, at least 0.
    weights : pandas.Series, optional
        Positive weights by region (e.g. population).
    name : str
        Name of ``x`` in error messages.

    Returns
    -------
    float or pandas.Series
        The index (a Series by year for a table).

    Raises
    ------
    ValueError
        Negative ``epsilon``; missing or negative values; a zero value with
        :math:`\varepsilon \ge 1`; a missing weight.

    References
    ----------
    Atkinson, A. B. (1970). On the measurement of inequality. Journal of
    Economic Theory 2(3), 244-263.

    Examples
    --------
    >>> import pandas as pd
    >>> round(atkinson(pd.Series([1.0, 4.0]), epsilon=1), 4)
    0.2
    """
    if not np.isfinite(epsilon) or epsilon < 0:
        raise ValueError(f"epsilon must be a non-negative number, got {epsilon!r}")

    def one(values: np.ndarray, w: np.ndarray) -> float:
        if epsilon >= 1 and (values <= 0).any():
            raise ValueError(f"{name} has a zero value: the Atkinson index with epsilon >= 1 needs positive values")
        mean = w @ values
        if epsilon == 1:
            return float(1 - np.exp(w @ np.log(values)) / mean)
        return float(1 - (w @ values ** (1 - epsilon)) ** (1 / (1 - epsilon)) / mean)

    if isinstance(x, pd.DataFrame):
        X = _panel(x, name, positive=False)
        w = _weights(weights, X.index).to_numpy()
        w = w / w.sum()
        out = pd.Series([one(X[c].to_numpy(float), w) for c in X.columns], index=X.columns, name="atkinson")
        out.index.name = X.columns.name or "year"
        return out
    s = _series(x, name)
    w = _weights(weights, s.index).to_numpy()
    return one(s.to_numpy(float), w / w.sum())


def williamson(x, population, *, name: str = "x"):
    r"""Williamson's population-weighted coefficient of variation.

    .. math:: V_w = \frac{1}{\bar y}\sqrt{\sum_i \frac{p_i}{P}(y_i - \bar y)^2},
              \qquad \bar y = \sum_i \frac{p_i}{P} y_i

    for values per head :math:`y_i` (e.g. GDP per inhabitant) and population
    :math:`p_i`: the dispersion a resident, not a region, experiences.

    Parameters
    ----------
    x : pandas.Series or pandas.DataFrame
        Values per head by region, or a region x year table.
    population : pandas.Series or pandas.DataFrame
        Population by region (for a table: one column per year of ``x``, or
        a Series used for every year).
    name : str
        Name of ``x`` in error messages.

    Returns
    -------
    float or pandas.Series

    Raises
    ------
    ValueError
        Missing or negative values, a region without population, or years
        of ``x`` missing in ``population``.

    References
    ----------
    Williamson, J. G. (1965). Regional inequality and the process of national
    development: a description of the patterns. Economic Development and
    Cultural Change 13(4, Part 2), 1-84.

    Examples
    --------
    >>> import pandas as pd
    >>> round(williamson(pd.Series({"a": 1.0, "b": 3.0}), pd.Series({"a": 1, "b": 1})), 4)
    0.5
    """
    def one(values: np.ndarray, pop: np.ndarray) -> float:
        w = pop / pop.sum()
        mean = w @ values
        return float(np.sqrt(w @ (values - mean) ** 2) / mean)

    if isinstance(x, pd.DataFrame):
        X = _panel(x, name, positive=False)
        if isinstance(population, pd.DataFrame):
            missing = X.columns.difference(population.columns)
            if len(missing):
                raise ValueError(f"population has no column for year {_label(missing[0])!r}")
            pops = {c: _weights(population[c], X.index, "population").to_numpy() for c in X.columns}
        else:
            p = _weights(population, X.index, "population").to_numpy()
            pops = {c: p for c in X.columns}
        out = pd.Series([one(X[c].to_numpy(float), pops[c]) for c in X.columns], index=X.columns, name="williamson")
        out.index.name = X.columns.name or "year"
        return out
    s = _series(x, name)
    return one(s.to_numpy(float), _weights(population, s.index, "population").to_numpy())


def sigma_convergence_test(Y, start, end, *, name: str = "Y") -> pd.Series:
    r"""Test whether the dispersion of log values fell between two years.

    The variances of :math:`\ln y` in the two years come from the same
    regions, so they are not independent and an F test does not apply. The
    Pitman-Morgan test uses that :math:`\mathrm{Var}(a) = \mathrm{Var}(b)`
    exactly when :math:`\mathrm{Cov}(a + b, a - b) = 0`: with :math:`r` the
    correlation of :math:`a + b` and :math:`a - b` over :math:`n` regions,
    :math:`t = r\sqrt{(n-2)/(1-r^2)}` has a t distribution with
    :math:`n - 2` degrees of freedom under equal variances (for jointly
    normal log values). The p-value is two-sided.

    Parameters
    ----------
    Y : pandas.DataFrame
        Region x year table of positive values.
    start, end
        The two years (columns of ``Y``).
    name : str
        Name of ``Y`` in error messages.

    Returns
    -------
    pandas.Series
        ``sd_start``, ``sd_end`` (standard deviations of log values, sample
        formula), ``ratio`` (end / start), ``t``, ``df``, ``p`` and
        ``regions``.

    Raises
    ------
    ValueError
        A year not in ``Y``, fewer than 4 regions, or bad values.

    References
    ----------
    Pitman, E. J. G. (1939). A note on normal correlation. Biometrika
    31(1/2), 9-12.
    Morgan, W. A. (1939). A test for the significance of the difference
    between the two variances in a sample from a normal bivariate
    population. Biometrika 31(1/2), 13-19.

    Examples
    --------
    >>> import pandas as pd
    >>> Y = pd.DataFrame({2000: [1.0, 2.0, 4.0, 8.0, 16.0], 2010: [2.0, 3.0, 4.0, 6.0, 8.0]})
    >>> res = sigma_convergence_test(Y, 2000, 2010)
    >>> bool(res["ratio"] < 1 and res["p"] < 0.05)
    True
    """
    Y = _panel(Y, name, positive=True)
    for year in (start, end):
        if year not in Y.columns:
            raise ValueError(f"year {_label(year)!r} is not a column of {name}")
    n = len(Y)
    if n < 4:
        raise ValueError(f"the test needs at least 4 regions, {name} has {n}")
    a, b = np.log(Y[start].to_numpy()), np.log(Y[end].to_numpy())
    r = float(np.corrcoef(a + b, a - b)[0, 1])
    r = float(np.clip(r, -1 + 1e-15, 1 - 1e-15))
    t = r * np.sqrt((n - 2) / (1 - r * r))
    from scipy import stats

    p = float(2 * stats.t.sf(abs(t), n - 2))
    sd_a, sd_b = float(np.std(a, ddof=1)), float(np.std(b, ddof=1))
    return pd.Series({"sd_start": sd_a, "sd_end": sd_b, "ratio": sd_b / sd_a, "t": float(t),
                      "df": n - 2, "p": p, "regions": n}, name=f"{_label(start)}-{_label(end)}")


# ---------------------------------------------------------------------------
# spatial dependence of regression residuals
# ---------------------------------------------------------------------------


def moran_residuals(result: BetaConvergence, w, *, permutations: int = 999, seed: int = 0) -> pd.Series:
    """Moran's I of the residuals of a convergence regression (PySAL esda).

    Neighbouring regions share shocks; if the residuals are spatially
    autocorrelated, the observations are not independent and the standard
    errors of :func:`beta_convergence` are too small (Rey and Montouri 1999).

    Parameters
    ----------
    result : BetaConvergence
        A fitted regression.
    w : libpysal.weights.W
        Spatial weights whose ids are the regions of the regression (e.g.
        queen contiguity of the Kreis boundaries); row-standardised here.
    permutations : int, default 999
        Random relabellings of the residuals for the permutation p-value.
    seed : int, default 0

    Returns
    -------
    pandas.Series
        ``I`` (observed), ``expected`` (:math:`-1/(n-1)` under no spatial
        autocorrelation), ``z`` (permutation z-score), ``p`` (one-sided
        permutation p-value, (k+1)/(permutations+1)), ``permutations``, ``n``.

    Raises
    ------
    ValueError
        If a region of the regression has no entry in ``w``, or ``w`` has
        islands (regions without neighbours).

    References
    ----------
    Rey, S. J. and Montouri, B. D. (1999). US regional income convergence: a
    spatial econometric perspective. *Regional Studies* 33(2), 143-156.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from libpysal.weights import lat2W
    >>> w = lat2W(4, 4)
    >>> w.remap_ids([f"r{i}" for i in range(16)])
    >>> y0 = pd.Series(np.linspace(1, 2, 16), index=[f"r{i}" for i in range(16)])
    >>> Y = pd.DataFrame({2000: y0, 2010: y0 * np.exp(np.arange(16) % 4 / 10)})
    >>> out = moran_residuals(beta_convergence(Y), w, permutations=99)
    >>> float(out["expected"]) == -1 / 15
    True
    """
    import esda
    import libpysal

    resid = result.results.resid
    ids = list(resid.index)
    missing = [i for i in ids if i not in w.neighbors]
    if missing:
        raise ValueError(f"spatial weights have no entry for region {missing[0]!r}")
    sub = libpysal.weights.w_subset(w, ids) if len(ids) < w.n else w
    islands = [i for i in ids if len(sub.neighbors[i]) == 0]
    if islands:
        raise ValueError(f"region {islands[0]!r} has no neighbour in the spatial weights")
    sub.transform = "r"
    order = sub.id_order
    np.random.seed(seed)  # esda draws its permutations from numpy's global generator
    mi = esda.Moran(resid.loc[order].to_numpy(), sub, permutations=permutations)
    return pd.Series({"I": float(mi.I), "expected": float(mi.EI), "z": float(mi.z_sim),
                      "p": float(mi.p_sim), "permutations": int(permutations), "n": int(len(order))})
