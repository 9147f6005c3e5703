"""Specialisation, concentration and agglomeration measures.

Every function takes a wide region x industry table of non-negative counts
(rows regions, columns industries; employment, establishments, patents ...)
and returns labelled pandas objects. Input is checked with
``regional_clusters._checks.check_count_matrix``: negative, missing or
non-numeric values, duplicated labels and (where they would make a measure
undefined) all-zero regions or industries raise ``ValueError`` naming the
offending label.

Three families of measures are collected here:

- *specialisation of a region* (row-wise): :func:`krugman_index`,
  :func:`herfindahl`, :func:`shannon_entropy`, :func:`hachman_index`,
  :func:`gini` with ``by="region"``;
- *concentration of an industry* (column-wise): :func:`hoover_index`,
  :func:`gini`, :func:`locational_gini`, :func:`ellison_glaeser`,
  :func:`coagglomeration`;
- *region x industry* cells: :func:`location_quotient`,
  :func:`litzenberger_sternberg`; and the decomposition of change between two
  periods, :func:`shift_share`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._checks import check_count_matrix

__all__ = [
    "esteban_marquillas",
    "dynamic_shift_share",
    "location_quotient",
    "krugman_index",
    "hoover_index",
    "herfindahl",
    "shannon_entropy",
    "hachman_index",
    "gini",
    "locational_gini",
    "ellison_glaeser",
    "coagglomeration",
    "shift_share",
    "litzenberger_sternberg",
]


def _region_vector(values, index: pd.Index, name: str) -> np.ndarray:
    """Align a region-level Series with ``index``; positive finite values."""
    if not isinstance(values, pd.Series):
        raise ValueError(f"{name} must be a pandas Series indexed by region")
    missing = index.difference(values.index)
    if len(missing):
        raise ValueError(f"{name} has no value for region {missing[0]!r}")
    if values.index.duplicated().any():
        raise ValueError(f"{name} has duplicated region label {values.index[values.index.duplicated()][0]!r}")
    v = pd.to_numeric(values.reindex(index), errors="coerce").to_numpy(dtype="float64")
    bad = np.flatnonzero(~np.isfinite(v) | (v <= 0))
    if len(bad):
        raise ValueError(f"{name} must be positive and finite; region {index[bad[0]]!r} has {values.reindex(index).iloc[bad[0]]!r}")
    return v


def _industry_vector(values, columns: pd.Index, name: str, *, upper: float | None = None) -> np.ndarray:
    """Align a scalar or an industry-level Series with ``columns``."""
    if np.isscalar(values):
        v = np.full(len(columns), float(values))
    else:
        if not isinstance(values, pd.Series):
            raise ValueError(f"{name} must be a number or a pandas Series indexed by industry")
        missing = columns.difference(values.index)
        if len(missing):
            raise ValueError(f"{name} has no value for industry {missing[0]!r}")
        v = pd.to_numeric(values.reindex(columns), errors="coerce").to_numpy(dtype="float64")
    bad = np.flatnonzero(~np.isfinite(v) | (v < 0) | ((v > upper) if upper is not None else False))
    if len(bad):
        raise ValueError(f"{name} is missing or out of range for industry {columns[bad[0]]!r}")
    return v


def location_quotient(X: pd.DataFrame, *, binary: bool = False, threshold: float = 1.0) -> pd.DataFrame:
    r"""Location quotient (Balassa's revealed comparative advantage).

    .. math:: LQ_{ri} = \frac{x_{ri} / x_{r\cdot}}{x_{\cdot i} / x_{\cdot\cdot}}

    the share of industry :math:`i` in region :math:`r` relative to its share
    in the whole economy (all rows of ``X``).

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.
    binary : bool, default False
        Return 1 where :math:`LQ \ge` ``threshold`` and 0 elsewhere.
    threshold : float, default 1.0
        Cut-off for ``binary``.

    Returns
    -------
    pandas.DataFrame
        Same labels as ``X``.

    Raises
    ------
    ValueError
        Bad counts (see ``regional_clusters._checks.check_count_matrix``).

    References
    ----------
    Balassa, B. (1965). Trade liberalisation and "revealed" comparative
    advantage. The Manchester School 33(2), 99-123.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10, 0], "b": [10, 20]}, index=["r1", "r2"])
    >>> location_quotient(X).round(3)
          a      b
    r1  2.0  0.667
    r2  0.0  1.333
    """
    V = check_count_matrix(X, name="X")
    x = V.to_numpy()
    rows = x.sum(axis=1, keepdims=True)
    cols = x.sum(axis=0, keepdims=True)
    lq = (x / rows) / (cols / x.sum())
    if binary:
        lq = (lq >= threshold).astype("float64")
    return pd.DataFrame(lq, index=V.index, columns=V.columns)


def krugman_index(X: pd.DataFrame) -> pd.Series:
    r"""Krugman specialisation index of each region.

    .. math:: K_r = \sum_i \left| \frac{x_{ri}}{x_{r\cdot}} - \frac{x_{\cdot i}}{x_{\cdot\cdot}} \right|

    the sum of absolute differences between the region's industry shares and
    those of the whole economy; 0 for a region that mirrors the economy,
    at most 2.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.

    Returns
    -------
    pandas.Series
        Indexed by region, named ``"krugman"``.

    Raises
    ------
    ValueError
        Bad counts.

    References
    ----------
    Krugman, P. (1991). Geography and Trade. MIT Press.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10, 0], "b": [10, 20]}, index=["r1", "r2"])
    >>> krugman_index(X).round(3).tolist()
    [0.5, 0.5]
    """
    V = check_count_matrix(X, name="X")
    x = V.to_numpy()
    s = x / x.sum(axis=1, keepdims=True)
    ref = x.sum(axis=0) / x.sum()
    return pd.Series(np.abs(s - ref).sum(axis=1), index=V.index, name="krugman")


def hoover_index(X: pd.DataFrame, reference: pd.Series | None = None, *, percent: bool = False) -> pd.Series:
    r"""Hoover index of localisation of each industry.

    .. math:: H_i = \tfrac12 \sum_r \left| \frac{x_{ri}}{x_{\cdot i}} - \frac{p_r}{p_\cdot} \right|

    half the sum of absolute differences between the regional distribution of
    the industry and that of a reference (total counts of all industries by
    default, or e.g. population): the share of the industry that would have
    to move for it to be spread like the reference. Between 0 and 1.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.
    reference : pandas.Series, optional
        Positive values by region (e.g. population). Default: row totals of X.
    percent : bool, default False
        Return the index on a 0-100 scale.

    Returns
    -------
    pandas.Series
        Indexed by industry, named ``"hoover"``.

    Raises
    ------
    ValueError
        Bad counts, or a reference that misses a region or is not positive.

    References
    ----------
    Hoover, E. M. (1936). The measurement of industrial localization. The
    Review of Economics and Statistics 18(4), 162-171.

    Examples
    --------
    >>> X = pd.DataFrame({"i": [0, 10, 10, 30, 50]}, index=list("abcde"))
    >>> pop = pd.Series([10, 15, 20, 25, 30], index=list("abcde"))
    >>> hoover_index(X, pop, percent=True).round(6).tolist()
    [25.0]
    """
    V = check_count_matrix(X, name="X", allow_zero_rows=True)
    x = V.to_numpy()
    if reference is None:
        p = x.sum(axis=1)
        if (p == 0).any():
            raise ValueError(f"X region {V.index[np.flatnonzero(p == 0)[0]]!r} has only zeros (needed as reference)")
    else:
        p = _region_vector(reference, V.index, "reference")
    h = 0.5 * np.abs(x / x.sum(axis=0) - (p / p.sum())[:, None]).sum(axis=0)
    return pd.Series(h * (100.0 if percent else 1.0), index=V.columns, name="hoover")


def herfindahl(X: pd.DataFrame) -> pd.Series:
    r"""Herfindahl(-Hirschman) index of each region's industry shares.

    .. math:: HHI_r = \sum_i s_{ri}^2, \qquad s_{ri} = x_{ri} / x_{r\cdot}

    Between :math:`1/n` (all industries equal) and 1 (one industry).

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.

    Returns
    -------
    pandas.Series
        Indexed by region, named ``"herfindahl"``.

    Raises
    ------
    ValueError
        Bad counts.

    References
    ----------
    Hirschman, A. O. (1964). The paternity of an index. American Economic
    Review 54(5), 761.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [1, 3], "b": [1, 1]}, index=["r1", "r2"])
    >>> herfindahl(X).tolist()
    [0.5, 0.625]
    """
    V = check_count_matrix(X, name="X", allow_zero_columns=True)
    x = V.to_numpy()
    s = x / x.sum(axis=1, keepdims=True)
    return pd.Series((s**2).sum(axis=1), index=V.index, name="herfindahl")


def shannon_entropy(X: pd.DataFrame, *, base: float = 2.0) -> pd.Series:
    r"""Shannon entropy of each region's industry shares (diversity).

    .. math:: E_r = \sum_i s_{ri} \log_b (1 / s_{ri})

    with :math:`0 \log 0 = 0`. Between 0 (one industry) and
    :math:`\log_b n`.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.
    base : float, default 2
        Base of the logarithm.

    Returns
    -------
    pandas.Series
        Indexed by region, named ``"entropy"``.

    Raises
    ------
    ValueError
        Bad counts, or a base that is not positive and different from 1.

    References
    ----------
    Shannon, C. E. (1948). A mathematical theory of communication. Bell
    System Technical Journal 27(3), 379-423.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [1, 1], "b": [1, 0]}, index=["r1", "r2"])
    >>> shannon_entropy(X).tolist()
    [1.0, 0.0]
    """
    if not (base > 0 and base != 1):
        raise ValueError(f"base must be positive and not 1, got {base!r}")
    V = check_count_matrix(X, name="X", allow_zero_columns=True)
    x = V.to_numpy()
    s = x / x.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(s > 0, -s * np.log(s), 0.0)
    return pd.Series(terms.sum(axis=1) / np.log(base), index=V.index, name="entropy")


def hachman_index(X: pd.DataFrame) -> pd.Series:
    r"""Hachman index: how closely a region's structure resembles the economy's.

    .. math:: HI_r = \Big( \sum_i s_{ri}\, LQ_{ri} \Big)^{-1}

    with :math:`s_{ri}` the region's own industry shares. 1 for a region that
    mirrors the whole economy, towards 0 for a specialised one.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.

    Returns
    -------
    pandas.Series
        Indexed by region, named ``"hachman"``.

    Raises
    ------
    ValueError
        Bad counts.

    References
    ----------
    Wagner, J. E. (2000). Regional economic diversity: action, concept, or
    state of confusion. Journal of Regional Analysis and Policy 30(2), 1-22
    (presents the index proposed by F. Hachman for the State of Utah).

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10, 0], "b": [10, 20]}, index=["r1", "r2"])
    >>> hachman_index(X).round(3).tolist()
    [0.75, 0.75]
    """
    V = check_count_matrix(X, name="X")
    x = V.to_numpy()
    s = x / x.sum(axis=1, keepdims=True)
    ref = x.sum(axis=0) / x.sum()
    return pd.Series(1.0 / (s**2 / ref).sum(axis=1), index=V.index, name="hachman")


def _gini_rows(v: np.ndarray, w: np.ndarray | None = None) -> np.ndarray:
    """Gini of each row of ``v``, weighting its columns by ``w`` (equal if None).

    Population formula without small-sample factor,
    ``sum_ij w_i w_j |v_i - v_j| / (2 W^2 mean)``, computed from the sorted
    values with running sums in O(n log n) per row.
    """
    v = np.atleast_2d(v)
    w = np.ones(v.shape[1]) if w is None else np.asarray(w, dtype=float)
    order = np.argsort(v, axis=1, kind="stable")
    ys, ws = np.take_along_axis(v, order, axis=1), w[order]
    # sum_ij w_i w_j |y_i - y_j| = 2 sum_j w_j (y_j C_j - S_j), with C_j and S_j
    # the running sums of w and w*y over the smaller values
    C = np.cumsum(ws, axis=1) - ws
    S = np.cumsum(ws * ys, axis=1) - ws * ys
    total = 2.0 * np.sum(ws * (ys * C - S), axis=1)
    W = w.sum()
    mean = (v @ w) / W
    return total / (2.0 * W**2 * mean)


def gini(X: pd.DataFrame, *, by: str = "industry") -> pd.Series:
    r"""Gini coefficient of counts, for each industry or each region.

    .. math:: G = \frac{\sum_a \sum_b |x_a - x_b|}{2 n^2 \bar x}

    With ``by="industry"`` the Gini is taken over the regions of each column
    (spatial concentration of the industry, ignoring region size); with
    ``by="region"`` over the industries of each row (specialisation). 0 for
    equal values, at most :math:`1 - 1/n`.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.
    by : {"industry", "region"}
        Unit the coefficient is reported for.

    Returns
    -------
    pandas.Series
        Named ``"gini"``.

    Raises
    ------
    ValueError
        Bad counts or an unknown ``by``.

    References
    ----------
    Gini, C. (1912). Variabilità e mutabilità. Bologna: Cuppini.

    Examples
    --------
    >>> gini(pd.DataFrame({"i": [0, 10, 10, 30, 50]})).round(6).tolist()
    [0.48]
    >>> gini(pd.DataFrame({"i": [0, 0, 0, 0, 1]})).round(6).tolist()
    [0.8]
    """
    if by == "industry":
        V = check_count_matrix(X, name="X", allow_zero_rows=True)
        return pd.Series(_gini_rows(V.to_numpy().T), index=V.columns, name="gini")
    if by == "region":
        V = check_count_matrix(X, name="X", allow_zero_columns=True)
        return pd.Series(_gini_rows(V.to_numpy()), index=V.index, name="gini")
    raise ValueError(f"by must be 'industry' or 'region', got {by!r}")


def locational_gini(X: pd.DataFrame) -> pd.Series:
    r"""Krugman's locational Gini coefficient of each industry.

    Regions are ordered by the industry's location quotient; the Lorenz
    curve plots the cumulative share of total counts (x axis) against the
    cumulative share of the industry (y axis). The coefficient is twice the
    area between this curve and the diagonal:

    .. math:: G_i = 1 - \sum_k (T_k - T_{k-1}) (C_{ik} + C_{i,k-1})

    It is 0 when the industry is spread exactly like total counts and
    approaches 1 when it sits in one small region. Unlike :func:`gini` it
    accounts for region size.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.

    Returns
    -------
    pandas.Series
        Indexed by industry, named ``"locational_gini"``.

    Raises
    ------
    ValueError
        Bad counts.

    References
    ----------
    Krugman, P. (1991). Geography and Trade. MIT Press, appendix D.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [5, 5], "b": [10, 0]}, index=["r1", "r2"])
    >>> locational_gini(X).round(4).tolist()
    [0.25, 0.25]
    """
    V = check_count_matrix(X, name="X")
    x = V.to_numpy()
    tot = x.sum(axis=1)
    t = tot / tot.sum()
    c = x / x.sum(axis=0)
    order = np.argsort(c / t[:, None], axis=0, kind="stable")
    C = np.cumsum(np.take_along_axis(c, order, axis=0), axis=0)
    T = np.cumsum(t[order], axis=0)
    C0 = np.vstack([np.zeros((1, x.shape[1])), C[:-1]])
    T0 = np.vstack([np.zeros((1, x.shape[1])), T[:-1]])
    g = 1.0 - ((T - T0) * (C + C0)).sum(axis=0)
    return pd.Series(g, index=V.columns, name="locational_gini")


def ellison_glaeser(
    X: pd.DataFrame,
    plant_herfindahl,
    reference: pd.Series | None = None,
) -> pd.DataFrame:
    r"""Ellison-Glaeser index of geographic concentration of each industry.

    .. math::

        G_i = \sum_r (s_{ri} - x_r)^2, \qquad
        \gamma_i = \frac{G_i - (1 - \sum_r x_r^2) H_i}{(1 - \sum_r x_r^2)(1 - H_i)}

    with :math:`s_{ri}` the region's share of the industry, :math:`x_r` its
    share of total counts (or of ``reference``) and :math:`H_i` the
    Herfindahl index of the industry's plant sizes. :math:`\gamma` is 0 in
    expectation when plants locate at random ("dartboard"); Ellison and
    Glaeser call values above 0.05 highly and below 0.02 not very concentrated.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry employment.
    plant_herfindahl : float or pandas.Series
        Plant-size Herfindahl :math:`H_i` by industry, in [0, 1). Where only
        establishment counts :math:`N_i` are known, ``1 / N_i`` is the value
        for equal-sized plants (a lower bound).
    reference : pandas.Series, optional
        Region weights :math:`x_r` (e.g. total employment of all industries,
        when ``X`` holds only some). Default: row totals of ``X``.

    Returns
    -------
    pandas.DataFrame
        Indexed by industry with columns ``G`` (raw concentration), ``H`` and
        ``gamma``.

    Raises
    ------
    ValueError
        Bad counts, or a plant Herfindahl missing or outside [0, 1).

    References
    ----------
    Ellison, G. and Glaeser, E. L. (1997). Geographic concentration in U.S.
    manufacturing industries: a dartboard approach. Journal of Political
    Economy 105(5), 889-927.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [90, 10], "b": [10, 90]}, index=["r1", "r2"])
    >>> ellison_glaeser(X, 0.1).round(4)
          G    H   gamma
    a  0.32  0.1  0.6000
    b  0.32  0.1  0.6000
    """
    V = check_count_matrix(X, name="X", allow_zero_rows=reference is not None)
    x = V.to_numpy()
    if reference is None:
        w = x.sum(axis=1)
    else:
        w = _region_vector(reference, V.index, "reference")
    w = w / w.sum()
    H = _industry_vector(plant_herfindahl, V.columns, "plant_herfindahl", upper=1.0)
    if (H >= 1).any():
        raise ValueError(f"plant_herfindahl must be below 1 (industry {V.columns[np.flatnonzero(H >= 1)[0]]!r})")
    s = x / x.sum(axis=0)
    G = ((s - w[:, None]) ** 2).sum(axis=0)
    one = 1.0 - (w**2).sum()
    if one <= 0:
        raise ValueError("ellison_glaeser needs at least two regions with positive weight")
    gamma = (G - one * H) / (one * (1.0 - H))
    return pd.DataFrame({"G": G, "H": H, "gamma": gamma}, index=V.columns)


def coagglomeration(X: pd.DataFrame, reference: pd.Series | None = None) -> pd.DataFrame:
    r"""Pairwise coagglomeration index of Ellison, Glaeser and Kerr (2010).

    .. math:: \gamma^c_{ij} = \frac{\sum_r (s_{ri} - x_r)(s_{rj} - x_r)}{1 - \sum_r x_r^2}

    with :math:`s_{ri}` the region's share of industry :math:`i` and
    :math:`x_r` its share of total counts (or of ``reference``). Positive
    when two industries are over-represented in the same regions. The
    diagonal holds :math:`G_i / (1 - \sum_r x_r^2)`, the
    plant-size-free part of :func:`ellison_glaeser`.

    Computed as one matrix product, so thousands of regions and hundreds of
    industries take a fraction of a second.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts (e.g. 917 areas x 67 clusters).
    reference : pandas.Series, optional
        Region weights :math:`x_r`. Default: row totals of ``X``.

    Returns
    -------
    pandas.DataFrame
        Symmetric industry x industry matrix.

    Raises
    ------
    ValueError
        Bad counts or reference.

    References
    ----------
    Ellison, G., Glaeser, E. L. and Kerr, W. R. (2010). What causes industry
    agglomeration? Evidence from coagglomeration patterns. American Economic
    Review 100(3), 1195-1213.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [8, 2, 0], "b": [6, 4, 0], "c": [0, 2, 8]},
    ...                  index=["r1", "r2", "r3"])
    >>> C = coagglomeration(X)
    >>> bool(C.loc["a", "b"] > 0 > C.loc["a", "c"])
    True
    """
    V = check_count_matrix(X, name="X", allow_zero_rows=reference is not None)
    x = V.to_numpy()
    if reference is None:
        w = x.sum(axis=1)
    else:
        w = _region_vector(reference, V.index, "reference")
    w = w / w.sum()
    one = 1.0 - (w**2).sum()
    if one <= 0:
        raise ValueError("coagglomeration needs at least two regions with positive weight")
    d = x / x.sum(axis=0) - w[:, None]
    C = (d.T @ d) / one
    return pd.DataFrame(C, index=V.columns, columns=V.columns)


def shift_share(X0: pd.DataFrame, X1: pd.DataFrame) -> pd.DataFrame:
    r"""Shift-share decomposition of each region's change between two periods.

    With :math:`g = x^1_{\cdot\cdot}/x^0_{\cdot\cdot} - 1` the national growth
    rate and :math:`g_i` that of industry :math:`i`:

    .. math::

        NS_r = \sum_i x^0_{ri}\, g, \quad
        IM_r = \sum_i x^0_{ri} (g_i - g), \quad
        RS_r = \sum_i \big[(x^1_{ri} - x^0_{ri}) - x^0_{ri} g_i\big]

    national share, industry mix and regional (competitive) share; they add
    up to the change :math:`x^1_{r\cdot} - x^0_{r\cdot}`.

    Parameters
    ----------
    X0, X1 : pandas.DataFrame
        Region x industry counts at the start and end, with the same labels
        (in any order). Zero rows are allowed; every industry needs a positive
        total in ``X0``.

    Returns
    -------
    pandas.DataFrame
        Indexed by region with columns ``national_share``, ``industry_mix``,
        ``regional_share`` and ``change``.

    Raises
    ------
    ValueError
        Bad counts or different labels.

    References
    ----------
    Dunn, E. S. (1960). A statistical and analytical technique for regional
    analysis. Papers and Proceedings of the Regional Science Association 6,
    97-112.

    Examples
    --------
    >>> X0 = pd.DataFrame({"a": [10, 10], "b": [10, 0]}, index=["r1", "r2"])
    >>> X1 = pd.DataFrame({"a": [20, 10], "b": [10, 0]}, index=["r1", "r2"])
    >>> shift_share(X0, X1).round(2)
        national_share  industry_mix  regional_share  change
    r1            6.67         -1.67             5.0    10.0
    r2            3.33          1.67            -5.0     0.0
    """
    A, B = _aligned_pair(X0, X1)
    x0, x1 = A.to_numpy(), B.to_numpy()
    g = x1.sum() / x0.sum() - 1.0
    gi = x1.sum(axis=0) / x0.sum(axis=0) - 1.0
    ns = x0.sum(axis=1) * g
    im = (x0 * (gi - g)).sum(axis=1)
    rs = ((x1 - x0) - x0 * gi).sum(axis=1)
    return pd.DataFrame(
        {"national_share": ns, "industry_mix": im, "regional_share": rs, "change": x1.sum(axis=1) - x0.sum(axis=1)},
        index=A.index,
    )


def litzenberger_sternberg(
    X: pd.DataFrame,
    establishments: pd.DataFrame,
    area: pd.Series,
    population: pd.Series,
) -> pd.DataFrame:
    r"""Cluster index of Litzenberger and Sternberg.

    The product of relative industrial density and relative industrial stock,
    divided by relative establishment size:

    .. math::

        CI_{ri} = \frac{IK_{ri}\, IB_{ri}}{IG_{ri}}, \quad
        IK = \frac{x_{ri}/a_r}{x_{\cdot i}/a}, \;
        IB = \frac{x_{ri}/p_r}{x_{\cdot i}/p}, \;
        IG = \frac{x_{ri}/b_{ri}}{x_{\cdot i}/b_{\cdot i}}

    with :math:`a` area, :math:`p` population and :math:`b` establishments.
    A value above 1 marks an industry that is denser, larger relative to the
    population and organised in more (smaller) establishments than on
    average; the index is not bounded and depends on the number of regions.
    Cells without establishments get 0.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry employment.
    establishments : pandas.DataFrame
        Region x industry establishment counts, same labels as ``X``.
    area, population : pandas.Series
        Positive values by region.

    Returns
    -------
    pandas.DataFrame
        Region x industry cluster index.

    Raises
    ------
    ValueError
        Bad counts; employment without establishments; missing or
        non-positive area or population.

    References
    ----------
    Litzenberger, T. and Sternberg, R. (2006). Der Clusterindex - eine
    Methodik zur Identifizierung regionaler Cluster am Beispiel deutscher
    Industriebranchen. Geographische Zeitschrift 94, 209-224.

    Examples
    --------
    Two regions; the first holds 1,743 of 5,740 jobs and 35 of 53 firms:

    >>> X = pd.DataFrame({"i": [1743, 3997]}, index=["j", "rest"])
    >>> B = pd.DataFrame({"i": [35, 18]}, index=["j", "rest"])
    >>> a = pd.Series([50, 526], index=["j", "rest"])
    >>> p = pd.Series([488, 4133], index=["j", "rest"])
    >>> round(float(litzenberger_sternberg(X, B, a, p).loc["j", "i"]), 4)
    21.8749
    """
    V = check_count_matrix(X, name="X", allow_zero_rows=True)
    E = check_count_matrix(establishments, name="establishments", allow_zero_rows=True)
    for what, a, b in (("region", V.index, E.index), ("industry", V.columns, E.columns)):
        diff = a.symmetric_difference(b)
        if len(diff):
            raise ValueError(f"X and establishments differ: {what} {diff[0]!r} is in only one of them")
    E = E.loc[V.index, V.columns]
    x, b = V.to_numpy(), E.to_numpy()
    bad = np.argwhere((x > 0) & (b == 0))
    if len(bad):
        i, j = bad[0]
        raise ValueError(f"employment without establishments at region {V.index[i]!r}, industry {V.columns[j]!r}")
    a = _region_vector(area, V.index, "area")
    p = _region_vector(population, V.index, "population")
    xi, bi = x.sum(axis=0), b.sum(axis=0)
    ik = (x / a[:, None]) / (xi / a.sum())
    ib = (x / p[:, None]) / (xi / p.sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        ig = np.where(b > 0, (x / np.where(b > 0, b, 1.0)) / (xi / bi), np.inf)
        ci = np.where(x > 0, ik * ib / ig, 0.0)
    return pd.DataFrame(ci, index=V.index, columns=V.columns)


def _aligned_pair(X0: pd.DataFrame, X1: pd.DataFrame, names=("X0", "X1")) -> tuple[pd.DataFrame, pd.DataFrame]:
    A = check_count_matrix(X0, name=names[0], allow_zero_rows=True)
    B = check_count_matrix(X1, name=names[1], allow_zero_rows=True, allow_zero_columns=True)
    for what, a, b in (("region", A.index, B.index), ("industry", A.columns, B.columns)):
        diff = a.symmetric_difference(b)
        if len(diff):
            raise ValueError(f"{names[0]} and {names[1]} differ: {what} {diff[0]!r} is in only one of them")
    return A, B.loc[A.index, A.columns]


def esteban_marquillas(X0: pd.DataFrame, X1: pd.DataFrame) -> pd.DataFrame:
    r"""Shift-share with the regional share split into competitive and allocation effects.

    With homothetic employment :math:`\hat x^0_{ri} = x^0_{r\cdot}\, x^0_{\cdot i} / x^0_{\cdot\cdot}`
    (what region :math:`r` would employ in :math:`i` with the national
    structure), regional growth :math:`g_{ri} = x^1_{ri}/x^0_{ri} - 1` and
    national industry growth :math:`g_i`:

    .. math::

        CE_r = \sum_i \hat x^0_{ri} (g_{ri} - g_i), \qquad
        AE_r = \sum_i (x^0_{ri} - \hat x^0_{ri})(g_{ri} - g_i)

    The competitive effect is free of the region's structure; the allocation
    effect is positive where a region is specialised in industries in which
    it grows faster than the nation. :math:`CE + AE` is Dunn's regional
    share (:func:`shift_share`), so national share, industry mix and the two
    effects add up to the change.

    Parameters
    ----------
    X0, X1 : pandas.DataFrame
        Region x industry counts at the start and end, same labels.

    Returns
    -------
    pandas.DataFrame
        Indexed by region: ``national_share``, ``industry_mix``,
        ``competitive_effect``, ``allocation_effect``, ``change``.

    Raises
    ------
    ValueError
        Bad counts, different labels, or a cell that is zero at the start
        and positive at the end (its growth rate, and so both effects, is
        undefined; the cell is named).

    References
    ----------
    Esteban-Marquillas, J. M. (1972). A reinterpretation of shift-share
    analysis. Regional and Urban Economics 2(3), 249-255.

    Examples
    --------
    >>> X0 = pd.DataFrame({"a": [10, 10], "b": [10, 5]}, index=["r1", "r2"])
    >>> X1 = pd.DataFrame({"a": [20, 10], "b": [10, 10]}, index=["r1", "r2"])
    >>> esteban_marquillas(X0, X1).round(3)
        national_share  industry_mix  competitive_effect  allocation_effect  change
    r1           8.571        -0.238               2.857             -1.190    10.0
    r2           6.429         0.238               0.000             -1.667     5.0
    """
    A, B = _aligned_pair(X0, X1)
    x0, x1 = A.to_numpy(float), B.to_numpy(float)
    born = np.argwhere((x0 == 0) & (x1 > 0))
    if len(born):
        r, i = born[0]
        raise ValueError(f"region {A.index[r]!r}, industry {A.columns[i]!r} is zero at the start and positive "
                         "at the end: its growth rate is undefined")
    base = shift_share(A, B)
    gi = x1.sum(axis=0) / x0.sum(axis=0) - 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        gri = np.where(x0 > 0, x1 / x0 - 1.0, 0.0)
    homothetic = x0.sum(axis=1, keepdims=True) * x0.sum(axis=0, keepdims=True) / x0.sum()
    ce = (homothetic * (gri - gi)).sum(axis=1)
    ae = ((x0 - homothetic) * (gri - gi)).sum(axis=1)
    return pd.DataFrame({"national_share": base["national_share"], "industry_mix": base["industry_mix"],
                         "competitive_effect": ce, "allocation_effect": ae, "change": base["change"]},
                        index=A.index)


def dynamic_shift_share(tables) -> pd.DataFrame:
    r"""Dynamic shift-share: Dunn's decomposition year by year, summed.

    A single decomposition over a long period holds the industry mix at the
    start; the dynamic version recomputes it for every pair of consecutive
    years and adds the components, so structural change within the period is
    credited to the year it happens (Barff and Knight 1988).

    Parameters
    ----------
    tables : mapping of year to pandas.DataFrame
        Region x industry counts for at least two years, all with the same
        labels.

    Returns
    -------
    pandas.DataFrame
        Indexed by region: ``national_share``, ``industry_mix``,
        ``regional_share`` and ``change`` summed over the consecutive pairs
        (``change`` is the change from the first to the last year).

    Raises
    ------
    ValueError
        Fewer than two years, or tables with different labels (the years
        are named).

    References
    ----------
    Barff, R. A. and Knight, P. L. (1988). Dynamic shift-share analysis.
    Growth and Change 19(2), 1-10.

    Examples
    --------
    >>> X = {2000: pd.DataFrame({"a": [10, 10], "b": [10, 0]}, index=["r1", "r2"]),
    ...      2001: pd.DataFrame({"a": [15, 10], "b": [10, 0]}, index=["r1", "r2"]),
    ...      2002: pd.DataFrame({"a": [20, 10], "b": [10, 0]}, index=["r1", "r2"])}
    >>> dynamic_shift_share(X)["change"].tolist()
    [10.0, 0.0]
    """
    years = sorted(tables)
    if len(years) < 2:
        raise ValueError(f"dynamic_shift_share needs at least two years, got {years}")
    total = None
    for before, after in zip(years[:-1], years[1:]):
        try:
            part = shift_share(tables[before], tables[after])
        except ValueError as err:
            raise ValueError(f"years {before} and {after}: {err}") from None
        total = part if total is None else total.add(part.loc[total.index])
    return total
