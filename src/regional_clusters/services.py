r"""Household- and business-oriented services: coding and concentration.

The lighthouse paper expects household-oriented services, which are
available everywhere, to follow the population and therefore not to form
clusters, while business-oriented services can. Testing this needs two
things the cluster definitions do not give:

- a coding of service industries by *who buys them*:
  :func:`service_orientation` reads the coding table
  ``service_orientation`` (NAICS 2017 prefixes, household / business /
  mixed, each row with its basis) and codes six-digit industries by the
  longest matching prefix;
- a measure of concentration *against a reference distribution* that
  allows for chance: :func:`localisation` gives the Hoover index of each
  industry against a reference (population, or all other establishments),
  its expected value when the industry's establishments are thrown at the
  areas like darts in proportion to the reference (a closed form from the
  mean absolute deviation of the binomial), and the excess of the one over
  the other.

:func:`label_permutation_test` compares two groups of industries by a
permutation of their labels.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special, stats

from ._checks import as_generator, check_count_matrix
from .data import coding_table

__all__ = ["service_orientation", "expected_hoover", "thrown_for_kept", "localisation", "label_permutation_test"]


def service_orientation(codes) -> pd.DataFrame:
    """Orientation (household, business, mixed) of six-digit service industries.

    Parameters
    ----------
    codes : sequence of str
        Six-digit NAICS 2017 codes of service industries (sectors 42-81).

    Returns
    -------
    pandas.DataFrame
        Indexed by code: ``orientation``, ``basis`` (``sector`` or
        ``judgement``), ``naics_prefix`` (the matching row of the coding
        table) and ``label``.

    Raises
    ------
    ValueError
        If a code is not a six-digit string or no row of the table covers it
        (e.g. a manufacturing code).

    References
    ----------
    U.S. Office of Management and Budget (2017). North American Industry
    Classification System, United States, 2017.

    Examples
    --------
    >>> service_orientation(["722511", "541330", "524126"])["orientation"].tolist()
    ['household', 'business', 'mixed']
    """
    table = coding_table("service_orientation").astype({"naics_prefix": str})
    rules = table.set_index("naics_prefix")
    out = []
    for code in codes:
        if not isinstance(code, str) or len(code) != 6 or not code.isdigit():
            raise ValueError(f"code {code!r} is not a six-digit NAICS string")
        for k in (5, 4, 3, 2):
            if code[:k] in rules.index:
                row = rules.loc[code[:k]]
                out.append({"code": code, "orientation": row["orientation"], "basis": row["basis"],
                            "naics_prefix": code[:k], "label": row["label"]})
                break
        else:
            raise ValueError(f"code {code!r} is not a service industry covered by the coding table")
    return pd.DataFrame(out).set_index("code")


def _pmf(k: int, N, S):
    """Binomial probability of ``k`` (a small whole number), elementwise and fast."""
    with np.errstate(invalid="ignore", divide="ignore"):
        logp = (special.gammaln(N + 1) - special.gammaln(k + 1) - special.gammaln(N - k + 1)
                + special.xlogy(k, S) + special.xlog1py(N - k, -S))
    return np.where(N >= k, np.exp(logp), 0.0)


def _kept_mean(N, S, t):
    """E[X 1(X >= t)] for X ~ Bin(N, S), elementwise."""
    return N * S - sum(k * _pmf(k, N, S) for k in range(1, t))


def expected_hoover(n, shares, *, truncate_below: int = 0) -> np.ndarray:
    r"""Expected Hoover index of ``n`` establishments thrown at random.

    If each of :math:`n` establishments lands in area :math:`r` with
    probability :math:`s_r`, the count :math:`X_r` is binomial. Without
    truncation :math:`E|X_r - n s_r| = 2 (m_r + 1)(1 - s_r) \Pr(X_r = m_r + 1)`
    with :math:`m_r = \lfloor n s_r \rfloor` (de Moivre's mean absolute
    deviation of the binomial), so :math:`E[H] = \frac{1}{2n} \sum_r E|X_r - n s_r|`.

    With ``truncate_below = t`` the data omit every cell with fewer than
    :math:`t` establishments (as County Business Patterns 2019 by CBSA does
    for :math:`t = 3`): area :math:`r` shows :math:`Y_r = X_r 1(X_r \ge t)`
    and shares are taken of :math:`n' = \sum_r Y_r`, which is replaced by its
    expectation (the areas are many). The expectation
    :math:`E|Y_r/n' - s_r|` then follows from binomial distribution functions,
    using :math:`\sum_{k \le m} k \Pr(X = k) = n s F(m - 1; n - 1, s)`.

    Parameters
    ----------
    n : int or array of int
        Number of establishments thrown (one value per industry), at least 1.
    shares : array of float
        Reference shares of the areas (non-negative, summing to 1); a 2-D
        array gives one row of shares per ``n``.
    truncate_below : int, default 0
        Cells below this count are dropped from the data (0: none).

    Returns
    -------
    numpy.ndarray
        Expected Hoover index for each ``n``.

    Raises
    ------
    ValueError
        If an ``n`` is below 1, the shares are negative or do not sum to 1,
        or ``truncate_below`` is negative.

    References
    ----------
    Diaconis, P. and Zabell, S. (1991). Closed form summation for classical
    distributions: variations on a theme of de Moivre. Statistical Science
    6(3), 284-302.

    Examples
    --------
    One establishment, two equal areas: it lands in one, H = 0.5.

    >>> expected_hoover(1, [0.5, 0.5]).round(6).tolist()
    [0.5]
    """
    n = np.atleast_1d(np.asarray(n, dtype=float))
    S = np.atleast_2d(np.asarray(shares, dtype=float))
    if (n < 1).any() or not np.all(np.isfinite(n)):
        raise ValueError("n must be at least 1 for every industry")
    if (S < 0).any() or not np.allclose(S.sum(axis=1), 1.0) or S.shape[0] not in (1, len(n)):
        raise ValueError("shares must be non-negative and sum to 1 (one row, or one row per n)")
    if not isinstance(truncate_below, (int, np.integer)) or truncate_below < 0:
        raise ValueError(f"truncate_below must be a non-negative int, got {truncate_below!r}")
    N = n[:, None]
    t = int(truncate_below)
    if t <= 1:
        m = np.floor(N * S)
        mad = 2 * (m + 1) * (1 - S) * stats.binom.pmf(m + 1, N, S)
        return 0.5 * mad.sum(axis=1) / n
    kept = _kept_mean(N, S, t)
    n_kept = kept.sum(axis=1, keepdims=True)
    c = S
    m = np.ceil(c * n_kept) - 1  # Y/n' < c  <=>  X <= m (for X >= t)
    F_low = stats.binom.cdf(t - 1, N, S)
    low_k = sum(k * _pmf(k, N, S) for k in range(1, t))
    part = c * (stats.binom.cdf(m, N, S) - F_low) - (N * S * stats.binom.cdf(m - 1, N - 1, S) - low_k) / n_kept
    shortfall = c * F_low + np.where(m >= t, part, 0.0)
    mad = kept / n_kept - c + 2 * shortfall
    return 0.5 * mad.sum(axis=1)


def thrown_for_kept(kept, shares, truncate_below: int, *, iterations: int = 50) -> np.ndarray:
    r"""Establishments to throw so that, after truncation, ``kept`` remain on average.

    Solves :math:`\sum_r E[X_r 1(X_r \ge t)] = n'` for a whole number
    :math:`n` by a fixed point (the map is increasing and close to the
    identity).

    Parameters
    ----------
    kept : array of float
        Observed (truncated) totals, one per industry, at least 1.
    shares : array of float
        Reference shares of the areas.
    truncate_below : int
        The truncation threshold ``t``.
    iterations : int, default 50

    Returns
    -------
    numpy.ndarray

    Raises
    ------
    ValueError
        If a total is below 1.

    Examples
    --------
    >>> float(thrown_for_kept([5.0], [1.0], 3)[0])
    5.0
    """
    k = np.atleast_1d(np.asarray(kept, dtype=float))
    if (k < 1).any():
        raise ValueError("kept totals must be at least 1")
    s = np.atleast_2d(np.asarray(shares, dtype=float))
    n = k.copy()
    for _ in range(iterations):
        new = np.maximum(np.round(n + (k - _kept_mean(n[:, None], s, truncate_below).sum(axis=1))), k)
        if np.array_equal(new, n):
            break
        n = new
    return n


def localisation(X: pd.DataFrame, reference: pd.Series | None = None, *, truncate_below: int = 0) -> pd.DataFrame:
    """Hoover index of each industry against a reference, observed and by chance.

    Parameters
    ----------
    X : pandas.DataFrame
        Area x industry establishment counts (integers).
    reference : pandas.Series, optional
        Positive values by area, e.g. population or all establishments.
        Without it, each industry is compared with all *other* columns of
        ``X`` (leave-one-out), so that an industry is never part of its own
        reference.

    Returns
    -------
    pandas.DataFrame
        By industry: ``establishments``, ``presence`` (share of areas with
        at least one), ``hoover``, ``hoover by chance`` (:func:`expected_hoover`
        for the industry's count) and ``excess`` (their difference).

    Raises
    ------
    ValueError
        Bad counts, an industry without establishments, or a reference that
        misses an area or is not positive.

    References
    ----------
    Hoover, E. M. (1936). The measurement of industrial localization. The
    Review of Economics and Statistics 18(4), 162-171.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10, 10], "b": [20, 0]}, index=["r1", "r2"])
    >>> localisation(X, pd.Series([1.0, 1.0], index=["r1", "r2"]))["hoover"].tolist()
    [0.0, 0.5]
    """
    V = check_count_matrix(X, name="X", allow_zero_rows=True)
    x = V.to_numpy()
    n = x.sum(axis=0)
    if reference is None:
        R = x.sum(axis=1, keepdims=True) - x  # leave-one-out reference, area x industry
        if (R.sum(axis=0) <= 0).any():
            raise ValueError("with one industry there is no leave-one-out reference; pass reference=")
    else:
        if not isinstance(reference, pd.Series):
            raise ValueError("reference must be a pandas Series indexed by area")
        ref = reference.reindex(V.index)
        if ref.isna().any():
            raise ValueError(f"reference has no value for area {ref.index[ref.isna().to_numpy()][0]!r}")
        if (ref <= 0).any():
            raise ValueError(f"reference is not positive for area {ref.index[(ref <= 0).to_numpy()][0]!r}")
        R = np.repeat(ref.to_numpy(dtype=float)[:, None], x.shape[1], axis=1)
    share = R / R.sum(axis=0)
    hoover = 0.5 * np.abs(x / n - share).sum(axis=0)
    thrown = thrown_for_kept(n, share.T, truncate_below) if truncate_below > 1 else n
    chance = expected_hoover(thrown, share.T, truncate_below=truncate_below)
    return pd.DataFrame({
        "establishments": n, "presence": (x > 0).mean(axis=0), "hoover": hoover,
        "hoover by chance": chance, "excess": hoover - chance,
    }, index=V.columns)


def label_permutation_test(values: pd.Series, labels: pd.Series, a: str, b: str, *,
                           statistic: str = "median", n_permutations: int = 999, seed=None) -> pd.Series:
    """Difference of a statistic between two labelled groups, against reshuffled labels.

    Parameters
    ----------
    values : pandas.Series
        One value per unit (e.g. per industry).
    labels : pandas.Series
        Group label per unit, same index; units with other labels are dropped.
    a, b : str
        The two groups; the statistic is ``stat(a) - stat(b)``.
    statistic : {"median", "mean"}
    n_permutations : int, default 999
    seed : int, numpy.random.Generator or None

    Returns
    -------
    pandas.Series
        ``observed`` difference, ``expected (null)`` (mean over
        permutations), ``z`` (observed minus expected over the standard
        deviation of the permutations), ``p`` two-sided as (k+1)/(B+1),
        ``n a``, ``n b``, ``null model``.

    Raises
    ------
    ValueError
        Misaligned or missing values, a group with fewer than two units, an
        unknown statistic, ``n_permutations`` below 1.

    Examples
    --------
    >>> v = pd.Series([1, 2, 3, 10, 11, 12], index=list("uvwxyz"))
    >>> g = pd.Series(["a", "a", "a", "b", "b", "b"], index=list("uvwxyz"))
    >>> r = label_permutation_test(v, g, "a", "b", n_permutations=199, seed=1)
    >>> float(r["observed"]), float(r["p"]) < 0.2
    (-9.0, True)
    """
    if statistic not in ("median", "mean"):
        raise ValueError(f"statistic must be 'median' or 'mean', got {statistic!r}")
    if not isinstance(n_permutations, (int, np.integer)) or n_permutations < 1:
        raise ValueError(f"n_permutations must be a positive int, got {n_permutations!r}")
    if not values.index.equals(labels.index):
        raise ValueError("values and labels must have the same index")
    keep = labels.isin([a, b]).to_numpy()
    v = values.to_numpy(dtype=float)[keep]
    g = labels.to_numpy()[keep] == a
    if np.isnan(v).any():
        raise ValueError("values has missing entries")
    if g.sum() < 2 or (~g).sum() < 2:
        raise ValueError(f"groups {a!r} and {b!r} need at least two units each")
    f = np.median if statistic == "median" else np.mean
    obs = f(v[g]) - f(v[~g])
    rng = as_generator(seed)
    perm = np.array([rng.permutation(g) for _ in range(n_permutations)])
    null = np.array([f(v[p]) - f(v[~p]) for p in perm])
    k = int((np.abs(null) >= abs(obs) - 1e-12).sum())
    sd = float(null.std(ddof=1)) if n_permutations > 1 else float("nan")
    return pd.Series({"observed": float(obs), "expected (null)": float(null.mean()),
                      "z": (float(obs) - float(null.mean())) / sd if sd > 0 else float("nan"),
                      "p": (k + 1) / (n_permutations + 1), f"n {a}": int(g.sum()), f"n {b}": int((~g).sum()),
                      "null model": f"{a}/{b} labels reshuffled across units, {n_permutations} permutations"},
                     dtype=object)
