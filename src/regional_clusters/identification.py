"""Identifying clusters in region x cluster (or industry) tables.

The functions turn counts into the yes/no decisions that cluster studies and
cluster policies make: which industries are traded rather than local, which
regional clusters are "strong", how many "stars" a region earns in the style
of the European Cluster Observatory, whether a cluster has critical mass, and
how export-oriented (traded) a regional economy is. Every threshold is a
parameter, so the sensitivity of the resulting list of "clusters" can be
shown rather than hidden.

:func:`aggregate_cbp` turns County Business Patterns 2019 (six-digit NAICS
2017) into region x cluster tables with the benchmark cluster definitions
(NAICS 2012), and reports how much of the data the mapping covers and how
much employment is suppressed.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ._checks import check_count_matrix
from .specialization import location_quotient, locational_gini

__all__ = [
    "export_orientation",
    "traded_local",
    "classify_traded",
    "strong_clusters",
    "cluster_stars",
    "critical_mass",
    "ClusterTables",
    "aggregate_cbp",
    "flag_agreement",
    "TooFewRegionsWarning",
]


class TooFewRegionsWarning(UserWarning):
    """A quantile rule that no region can meet in a table with this few regions."""


def _warn_if_unreachable(n_regions: int, quantile: float, name: str, function: str) -> None:
    """Warn when even the top region cannot pass a "top 1 - quantile" rule.

    The top region of ``n`` has ``(n - 1) / n`` of the regions below it, so a
    rule demanding ``quantile`` of them flags nobody when ``quantile`` is larger.
    """
    if quantile > 0 and (n_regions - 1) / n_regions < quantile:
        needed = int(np.ceil(1 / (1 - quantile) - 1e-9)) if quantile < 1 else None
        more = f"it needs at least {needed} regions" if needed else "no table can meet it"
        warnings.warn(
            f"{function}: with {n_regions} regions no region can be in the top {1 - quantile:.0%} "
            f"({name}={quantile}); {more}, so this criterion flags nothing. "
            f"Lower {name} to at most {(n_regions - 1) / n_regions:.3g} for a table this small.",
            TooFewRegionsWarning,
            stacklevel=3,
        )


def _flags(traded, columns: pd.Index, name: str = "traded") -> np.ndarray:
    """Align a boolean Series (industry -> traded) with ``columns``."""
    if not isinstance(traded, pd.Series):
        raise ValueError(f"{name} must be a boolean pandas Series indexed by industry")
    missing = columns.difference(traded.index)
    if len(missing):
        raise ValueError(f"{name} has no value for industry {missing[0]!r}")
    t = traded.reindex(columns)
    if t.isna().any():
        raise ValueError(f"{name} is missing for industry {t.index[t.isna().to_numpy()][0]!r}")
    if not set(pd.unique(t)) <= {True, False}:
        raise ValueError(f"{name} must hold True/False values")
    return t.to_numpy(dtype=bool)


def _below(V: pd.DataFrame) -> pd.DataFrame:
    """Share of regions (per column) with a strictly smaller value; ties share the lowest rank."""
    return (V.rank(axis=0, method="min") - 1) / len(V)


def _same_labels(A: pd.DataFrame, B: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    for what, x, y in (("region", A.index, B.index), ("industry", A.columns, B.columns)):
        diff = x.symmetric_difference(y)
        if len(diff):
            raise ValueError(f"{a} and {b} differ: {what} {diff[0]!r} is in only one of them")
    return B.loc[A.index, A.columns]


def export_orientation(X: pd.DataFrame, traded: pd.Series) -> pd.Series:
    r"""Share of a region's counts in traded (export-oriented) industries.

    .. math:: T_r = \sum_{i \in \text{traded}} x_{ri} \Big/ \sum_i x_{ri}

    Traded industries sell outside the region and locate where they find
    advantages; local industries serve the local market and are spread like
    the population. The traded share is therefore a proxy for export
    orientation.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry (or cluster) counts covering the whole economy.
    traded : pandas.Series
        Boolean by industry.

    Returns
    -------
    pandas.Series
        Indexed by region, named ``"traded_share"``.

    Raises
    ------
    ValueError
        Bad counts, or ``traded`` missing an industry.

    References
    ----------
    Porter, M. E. (2003). The economic performance of regions. Regional
    Studies 37(6-7), 549-578.

    Examples
    --------
    >>> X = pd.DataFrame({"cars": [80, 0], "shops": [20, 50]}, index=["r1", "r2"])
    >>> export_orientation(X, pd.Series({"cars": True, "shops": False})).tolist()
    [0.8, 0.0]
    """
    return traded_local(X, traded)["traded_share"]


def traded_local(X: pd.DataFrame, traded: pd.Series) -> pd.DataFrame:
    """Split each region's counts into traded and local parts.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.
    traded : pandas.Series
        Boolean by industry.

    Returns
    -------
    pandas.DataFrame
        Indexed by region with columns ``traded``, ``local``, ``total`` and
        ``traded_share``.

    Raises
    ------
    ValueError
        Bad counts, or ``traded`` missing an industry.

    References
    ----------
    Porter, M. E. (2003). The economic performance of regions. Regional
    Studies 37(6-7), 549-578.

    Examples
    --------
    >>> X = pd.DataFrame({"cars": [80, 0], "shops": [20, 50]}, index=["r1", "r2"])
    >>> traded_local(X, pd.Series({"cars": True, "shops": False}))
        traded  local  total  traded_share
    r1    80.0   20.0  100.0           0.8
    r2     0.0   50.0   50.0           0.0
    """
    V = check_count_matrix(X, name="X", allow_zero_columns=True)
    t = _flags(traded, V.columns)
    x = V.to_numpy()
    tr, lo = x[:, t].sum(axis=1), x[:, ~t].sum(axis=1)
    return pd.DataFrame(
        {"traded": tr, "local": lo, "total": tr + lo, "traded_share": tr / (tr + lo)}, index=V.index
    )


def classify_traded(X: pd.DataFrame, *, threshold: float = 0.3) -> pd.DataFrame:
    """Classify industries as traded or local by their spatial concentration.

    Local industries serve the local population and are spread roughly like
    total employment; traded industries concentrate. The classification uses
    the locational Gini (:func:`regional_clusters.specialization.locational_gini`):
    industries at or above ``threshold`` count as traded. Porter (2003) and
    Delgado, Porter and Stern (2016) use several concentration statistics
    (and judgement) for the benchmark classification; this one-statistic
    version is a transparent approximation to compare against it.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts covering the whole economy.
    threshold : float, default 0.3
        Locational Gini at or above which an industry is called traded.

    Returns
    -------
    pandas.DataFrame
        Indexed by industry with columns ``locational_gini`` and ``traded``.

    Raises
    ------
    ValueError
        Bad counts or a threshold outside [0, 1].

    References
    ----------
    Porter, M. E. (2003). The economic performance of regions. Regional
    Studies 37(6-7), 549-578.

    Examples
    --------
    >>> X = pd.DataFrame({"mine": [90, 0, 0, 0], "shop": [10, 10, 10, 10],
    ...                   "rest": [100, 100, 100, 100]}, index=list("abcd"))
    >>> classify_traded(X)["traded"].tolist()
    [True, False, False]
    """
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be in [0, 1], got {threshold!r}")
    g = locational_gini(X)
    return pd.DataFrame({"locational_gini": g, "traded": g >= threshold})


def strong_clusters(
    X: pd.DataFrame,
    establishments: pd.DataFrame | None = None,
    *,
    quantile: float = 0.75,
    lq_min: float = 1.0,
    min_employment: float = 0,
    min_establishments: float = 0,
) -> pd.DataFrame:
    """Flag strong regional clusters: specialised and large enough.

    A region's cluster is strong when its location quotient is at least
    ``lq_min`` and in the top ``1 - quantile`` of all regions for that
    cluster, and when it reaches the size thresholds. The default (top
    quarter of regions by LQ, LQ of at least 1) follows the specialisation
    part of the U.S. Cluster Mapping's strong-cluster flag; the published
    flag adds further conditions. Which regions pass depends on the LQ's
    reference economy. In the 2016 data, with the LQ computed among traded
    clusters only (``X`` restricted to traded clusters, as the published LQ
    is), 5,885 of the 5,887 published strong clusters are in the top quarter
    of areas and none has an LQ below 1; with all clusters, traded and local,
    as the reference (the whole economy), 239 of them are not in the top
    quarter. Delgado, Porter and Stern (2014) measure cluster strength by
    such specialisation. The size thresholds default to 0 because the right
    minimum depends on the unit of observation.

    The rule needs enough regions: the top region of ``n`` has a share
    ``(n - 1) / n`` of regions below it, so with the default 0.75 a table of
    fewer than 4 regions flags nothing. That case raises a
    :class:`TooFewRegionsWarning`.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x cluster employment. All clusters, traded and local, give the
        LQ the whole economy as reference; traded clusters only reproduce the
        published flag more closely (see above).
    establishments : pandas.DataFrame, optional
        Region x cluster establishment counts with the same labels; needed
        when ``min_establishments > 0``.
    quantile : float, default 0.75
        Share of regions (per cluster) whose LQ must be strictly lower than
        the region's; 0.75 keeps the top quarter (ties share the lowest rank).
    lq_min : float, default 1.0
        Minimum location quotient.
    min_employment, min_establishments : float, default 0
        Minimum size of the regional cluster.

    Returns
    -------
    pandas.DataFrame
        Boolean region x cluster table.

    Raises
    ------
    ValueError
        Bad counts, parameters out of range, or establishments missing when
        a minimum is set.

    Warns
    -----
    TooFewRegionsWarning
        When ``X`` has too few regions for any of them to pass ``quantile``.

    References
    ----------
    Delgado, M., Porter, M. E. and Stern, S. (2014). Clusters, convergence,
    and economic performance. Research Policy 43(10), 1785-1799.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [50, 5, 5, 5], "b": [50, 95, 95, 95]},
    ...                  index=list("pqrs"))
    >>> strong_clusters(X)["a"].tolist()
    [True, False, False, False]
    """
    if not 0 <= quantile <= 1:
        raise ValueError(f"quantile must be in [0, 1], got {quantile!r}")
    V = check_count_matrix(X, name="X")
    _warn_if_unreachable(len(V), quantile, "quantile", "strong_clusters")
    lq = location_quotient(V)
    rank = _below(lq)
    ok = (lq >= lq_min) & (rank >= quantile) & (V >= min_employment)
    if min_establishments > 0:
        if establishments is None:
            raise ValueError("min_establishments > 0 needs the establishments table")
        E = _same_labels(V, check_count_matrix(establishments, name="establishments", allow_zero_rows=True, allow_zero_columns=True), "X", "establishments")
        ok &= E >= min_establishments
    return ok.astype(bool)


def cluster_stars(
    X: pd.DataFrame,
    *,
    size_quantile: float = 0.9,
    lq_min: float = 2.0,
    focus_quantile: float = 0.9,
    criteria: bool = False,
) -> pd.DataFrame:
    """Stars in the style of the European Cluster Observatory.

    A regional cluster earns one star for each criterion it meets:

    - *size*: its share of the cluster's total counts is in the top
      ``1 - size_quantile`` of regions;
    - *specialisation*: its location quotient is at least ``lq_min``;
    - *focus*: the cluster's share of the region's total counts is in the
      top ``1 - focus_quantile`` of regions.

    The defaults (top 10 %, LQ of 2, top 10 %) are those of the European
    Cluster Observatory's star rating. They need at least 10 regions: with
    fewer, no region can be in the top 10 % and the size and focus stars
    cannot be earned, which raises a :class:`TooFewRegionsWarning`.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x cluster employment covering the whole economy.
    size_quantile, focus_quantile : float, default 0.9
        Share of regions (per cluster) that must have a strictly smaller size
        or focus value for the star (0.9: top 10 %; ties share the lowest rank).
    lq_min : float, default 2.0
        Location quotient for the specialisation star.
    criteria : bool, default False
        Return the three criteria instead of the star count.

    Returns
    -------
    pandas.DataFrame
        Region x cluster star counts (0-3); with ``criteria=True`` a boolean
        table with column levels (criterion, cluster).

    Raises
    ------
    ValueError
        Bad counts or quantiles outside [0, 1].

    Warns
    -----
    TooFewRegionsWarning
        When ``X`` has too few regions for any of them to pass a quantile.

    References
    ----------
    Ketels, C. and Sölvell, Ö. (2006). Clusters in the EU-10 new member
    countries. Brussels: European Commission, Europe INNOVA.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [50, 5, 5, 5], "b": [50, 95, 95, 95]},
    ...                  index=list("pqrs"))
    >>> cluster_stars(X, size_quantile=0.75, focus_quantile=0.75)["a"].tolist()
    [3, 0, 0, 0]
    """
    for name, q in (("size_quantile", size_quantile), ("focus_quantile", focus_quantile)):
        if not 0 <= q <= 1:
            raise ValueError(f"{name} must be in [0, 1], got {q!r}")
    V = check_count_matrix(X, name="X")
    _warn_if_unreachable(len(V), size_quantile, "size_quantile", "cluster_stars")
    _warn_if_unreachable(len(V), focus_quantile, "focus_quantile", "cluster_stars")
    size = V / V.sum(axis=0)
    focus = V.div(V.sum(axis=1), axis=0)
    c_size = (_below(size) >= size_quantile) & (V > 0)
    c_spec = location_quotient(V) >= lq_min
    c_focus = (_below(focus) >= focus_quantile) & (V > 0)
    if criteria:
        return pd.concat({"size": c_size, "specialisation": c_spec, "focus": c_focus}, axis=1, names=["criterion", V.columns.name])
    return c_size.astype(int) + c_spec.astype(int) + c_focus.astype(int)


def flag_agreement(a: pd.DataFrame, b: pd.DataFrame) -> pd.Series:
    r"""Agreement of two yes/no classifications of the same cells, beside the base rates.

    Raw agreement is inflated when both rules say "no" to most cells.
    Cohen's kappa sets it against the agreement expected by chance from the
    two base rates, :math:`\kappa = (p_o - p_e) / (1 - p_e)` with
    :math:`p_e = \pi_a \pi_b + (1 - \pi_a)(1 - \pi_b)`; the Jaccard index
    counts agreement on "yes" only, :math:`|A \cap B| / |A \cup B|`.

    Parameters
    ----------
    a, b : pandas.DataFrame
        Boolean tables with the same labels (e.g. area x cluster flags).

    Returns
    -------
    pandas.Series
        ``cells``, ``base rate a``, ``base rate b``, ``raw agreement``,
        ``chance agreement``, ``kappa``, ``jaccard``, ``both``, ``only a``,
        ``only b``.

    Raises
    ------
    ValueError
        If the labels differ, a value is not boolean, or one table flags
        every cell or none (kappa undefined).

    References
    ----------
    Cohen, J. (1960). A coefficient of agreement for nominal scales.
    Educational and Psychological Measurement 20(1), 37-46.

    Examples
    --------
    >>> a = pd.DataFrame({"x": [True, True, False, False, False]})
    >>> b = pd.DataFrame({"x": [True, False, False, False, False]})
    >>> r = flag_agreement(a, b)
    >>> float(r["raw agreement"]), round(float(r["kappa"]), 4), float(r["jaccard"])
    (0.8, 0.5455, 0.5)
    """
    for name, t in (("a", a), ("b", b)):
        if not isinstance(t, pd.DataFrame) or t.size == 0:
            raise ValueError(f"{name} must be a non-empty boolean DataFrame")
        if not all(pd.api.types.is_bool_dtype(d) for d in t.dtypes):
            raise ValueError(f"{name} must hold True/False values only")
    B = _same_labels(a, b, "a", "b")
    x, y = a.to_numpy(dtype=bool), B.to_numpy(dtype=bool)
    pa, pb = x.mean(), y.mean()
    for name, rate in (("a", pa), ("b", pb)):
        if rate in (0.0, 1.0):
            raise ValueError(f"{name} flags {'every' if rate else 'no'} cell; agreement beyond chance is undefined")
    po = (x == y).mean()
    pe = pa * pb + (1 - pa) * (1 - pb)
    both, only_a, only_b = int((x & y).sum()), int((x & ~y).sum()), int((~x & y).sum())
    return pd.Series({
        "cells": int(x.size), "base rate a": float(pa), "base rate b": float(pb),
        "raw agreement": float(po), "chance agreement": float(pe), "kappa": float((po - pe) / (1 - pe)),
        "jaccard": both / (both + only_a + only_b), "both": both, "only a": only_a, "only b": only_b,
    }, dtype=object)


def critical_mass(
    X: pd.DataFrame,
    establishments: pd.DataFrame | None = None,
    *,
    min_employment: float = 1000,
    min_establishments: float = 10,
) -> pd.DataFrame:
    """Flag regional clusters with a critical mass of jobs and firms.

    The lighthouse paper lists, among the marks of a cluster, a minimum
    number of firms in a common field with a critical mass of employment.
    No source fixes the numbers; the defaults (1,000 jobs, 10
    establishments) are illustrative and meant to be varied.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x cluster employment.
    establishments : pandas.DataFrame, optional
        Region x cluster establishments with the same labels; without it only
        the employment threshold applies.
    min_employment, min_establishments : float
        Thresholds (inclusive).

    Returns
    -------
    pandas.DataFrame
        Boolean region x cluster table.

    Raises
    ------
    ValueError
        Bad counts or mismatched labels.

    References
    ----------
    Wie hell strahlen "Leuchttürme"? Anmerkungen zur Clusterpolitik in
    ländlichen Räumen (position paper), section I.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [2000, 500]}, index=["r1", "r2"])
    >>> B = pd.DataFrame({"a": [4, 30]}, index=["r1", "r2"])
    >>> critical_mass(X, B)["a"].tolist()
    [False, False]
    >>> critical_mass(X, B, min_establishments=3)["a"].tolist()
    [True, False]
    """
    V = check_count_matrix(X, name="X", allow_zero_rows=True, allow_zero_columns=True)
    ok = V >= min_employment
    if establishments is not None:
        E = _same_labels(V, check_count_matrix(establishments, name="establishments", allow_zero_rows=True, allow_zero_columns=True), "X", "establishments")
        ok &= E >= min_establishments
    return ok.astype(bool)


@dataclass
class ClusterTables:
    """Region x cluster tables aggregated from six-digit industry data.

    Returned by :func:`aggregate_cbp`; the fields are attributes.

    Parameters
    ----------
    employment : pandas.DataFrame
        Region x cluster employment, suppressed cells excluded (counted as 0).
    establishments : pandas.DataFrame
        Region x cluster establishments (never suppressed in CBP).
    suppressed : pandas.DataFrame
        Region x cluster number of six-digit cells whose employment is
        suppressed (their establishments are in ``establishments``).
    coverage : pandas.Series
        Shares of six-digit employment and establishments that the mapping
        assigns to a cluster, with and without the NAICS 2017 -> 2012
        crosswalk, and the share of cells and establishments with suppressed
        employment.
    unmatched : pandas.DataFrame
        Six-digit codes that no cluster covers, with their employment and
        establishments, largest first.
    totals : pandas.DataFrame
        By region: all-industry employment and establishments (NAICS code
        ``"00"``, where the input has it) and the sums over six-digit rows.
        Where a file omits small cells (CBP 2019 by CBSA shows no cell with
        fewer than three establishments) the six-digit sums fall short of the
        totals; ``coverage`` reports the national shares.
    industry_cluster : pandas.Series
        The cluster of every six-digit code of the input that the mapping
        (with the crosswalk) assigns, e.g. as ``groups`` for
        :func:`regional_clusters.variety.related_unrelated_variety`.
    """

    employment: pd.DataFrame
    establishments: pd.DataFrame
    suppressed: pd.DataFrame
    coverage: pd.Series
    unmatched: pd.DataFrame = field(repr=False)
    totals: pd.DataFrame | None = field(default=None, repr=False)
    industry_cluster: pd.Series | None = field(default=None, repr=False)


def aggregate_cbp(
    cbp: pd.DataFrame | None = None,
    definitions: pd.DataFrame | None = None,
    *,
    crosswalk: pd.DataFrame | bool = True,
    regions: pd.Index | None = None,
) -> ClusterTables:
    """Aggregate County Business Patterns to benchmark clusters.

    Six-digit NAICS rows of CBP are assigned to the 67 benchmark clusters of
    Delgado, Porter and Stern (2016). CBP 2019 is coded in NAICS 2017, the
    definitions in NAICS 2012: codes new in 2017 are first translated with
    the coding table ``naics2017_to_2012`` (``crosswalk=True``). Cells whose
    employment is suppressed are excluded from employment and counted in
    ``suppressed``; their establishments are kept.

    Parameters
    ----------
    cbp : pandas.DataFrame, optional
        As returned by :func:`regional_clusters.data.load_cbp_2019` (loaded
        when omitted).
    definitions : pandas.DataFrame, optional
        As returned by :func:`regional_clusters.data.load_cluster_definitions`
        (loaded when omitted).
    crosswalk : bool or pandas.DataFrame, default True
        True uses the shipped table, False none, or a DataFrame with columns
        ``naics2017`` and ``naics2012``.
    regions : pandas.Index, optional
        Keep only these CBSA codes (e.g. the 917 areas of the cluster
        mapping); regions without any row get zeros.

    Returns
    -------
    ClusterTables
        Employment, establishments, suppressed-cell counts, coverage shares
        and the unmatched codes.

    Raises
    ------
    ValueError
        If a required column is missing or a NAICS code maps to two clusters.

    References
    ----------
    Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of
    related industries. Journal of Economic Geography 16(1), 1-38.

    Examples
    --------
    >>> cbp = pd.DataFrame({"cbsa_code": ["1", "1", "2"],
    ...     "naics_code": ["111111", "222222", "111111"], "naics_level": 6,
    ...     "employment": pd.array([10, 5, pd.NA], dtype="Int64"),
    ...     "establishments": [2, 1, 3], "employment_suppressed": [False, False, True]})
    >>> defs = pd.DataFrame({"naics_code": ["111111"], "cluster_code": [7]})
    >>> t = aggregate_cbp(cbp, defs, crosswalk=False)
    >>> t.employment
    cluster_code     7
    cbsa_code
    1             10.0
    2              0.0
    >>> round(float(t.coverage["employment_share"]), 3)
    0.667
    """
    from .data import coding_table, load_cbp_2019, load_cluster_definitions

    if cbp is None:
        cbp = load_cbp_2019()
    if definitions is None:
        definitions = load_cluster_definitions()
    for col in ("cbsa_code", "naics_code", "naics_level", "employment", "establishments"):
        if col not in cbp.columns:
            raise ValueError(f"cbp has no column {col!r}")
    for col in ("naics_code", "cluster_code"):
        if col not in definitions.columns:
            raise ValueError(f"definitions has no column {col!r}")
    defs = definitions.assign(naics_code=definitions["naics_code"].astype(str))
    dup = defs.drop_duplicates(["naics_code", "cluster_code"]).naics_code
    if dup.duplicated().any():
        raise ValueError(f"NAICS code {dup[dup.duplicated()].iloc[0]!r} maps to more than one cluster")
    cmap = defs.drop_duplicates("naics_code").set_index("naics_code")["cluster_code"]

    six = cbp[cbp["naics_level"] == 6].copy()
    six["naics_code"] = six["naics_code"].astype(str)
    if "employment_suppressed" in six.columns:
        supp = six["employment_suppressed"].astype(bool).to_numpy() | six["employment"].isna().to_numpy()
    else:
        supp = six["employment"].isna().to_numpy()
    six["emp"] = pd.to_numeric(six["employment"], errors="coerce").astype("float64").fillna(0.0).to_numpy()
    six["supp"] = supp.astype(int)
    direct = six["naics_code"].map(cmap)

    if crosswalk is True:
        cw = coding_table("naics2017_to_2012")
    elif crosswalk is False or crosswalk is None:
        cw = pd.DataFrame({"naics2017": [], "naics2012": []})
    else:
        cw = crosswalk
    cw = pd.Series(
        cw["naics2012"].astype(str).str.zfill(6).to_numpy(), index=cw["naics2017"].astype(str).str.zfill(6).to_numpy()
    )
    via = six["naics_code"].map(cw).map(cmap)
    six["cluster_code"] = direct.fillna(via)

    emp_total, est_total = six["emp"].sum(), six["establishments"].sum()
    matched = six["cluster_code"].notna()
    coverage = pd.Series(
        {
            "employment_share": six.loc[matched, "emp"].sum() / emp_total,
            "establishment_share": six.loc[matched, "establishments"].sum() / est_total,
            "employment_share_without_crosswalk": six.loc[direct.notna(), "emp"].sum() / emp_total,
            "establishment_share_without_crosswalk": six.loc[direct.notna(), "establishments"].sum() / est_total,
            "suppressed_cell_share": six["supp"].mean(),
            "suppressed_establishment_share": six.loc[six["supp"] == 1, "establishments"].sum() / est_total,
        },
        name="coverage",
    )
    totals = six.groupby("cbsa_code")[["emp", "establishments"]].sum().rename(
        columns={"emp": "six_digit_employment", "establishments": "six_digit_establishments"}
    )
    top = cbp[cbp["naics_code"].astype(str) == "00"]
    if len(top):
        tt = top.groupby("cbsa_code")[["employment", "establishments"]].sum()
        totals["total_employment"] = pd.to_numeric(tt["employment"], errors="coerce").astype("float64").reindex(totals.index)
        totals["total_establishments"] = tt["establishments"].reindex(totals.index)
        keep = totals.index.isin(tt.index)
        coverage["six_digit_employment_of_total"] = totals.loc[keep, "six_digit_employment"].sum() / totals.loc[keep, "total_employment"].sum()
        coverage["six_digit_establishments_of_total"] = totals.loc[keep, "six_digit_establishments"].sum() / totals.loc[keep, "total_establishments"].sum()
    if regions is not None:
        totals = totals.reindex(pd.Index(regions, name="cbsa_code"))
    unmatched = (
        six[~matched].groupby("naics_code")[["emp", "establishments"]].sum().rename(columns={"emp": "employment"})
        .sort_values("employment", ascending=False)
    )
    m = six[matched].astype({"cluster_code": "int64"})
    g = m.groupby(["cbsa_code", "cluster_code"])[["emp", "establishments", "supp"]].sum()
    tables = {}
    for col in ("emp", "establishments", "supp"):
        w = g[col].unstack("cluster_code", fill_value=0).astype("float64" if col == "emp" else "int64")
        w = w.reindex(columns=sorted(cmap.unique()), fill_value=0)
        if regions is not None:
            w = w.reindex(pd.Index(regions, name="cbsa_code"), fill_value=0)
        w.index.name, w.columns.name = "cbsa_code", "cluster_code"
        tables[col] = w
    return ClusterTables(
        employment=tables["emp"],
        establishments=tables["establishments"],
        suppressed=tables["supp"],
        coverage=coverage,
        unmatched=unmatched,
        totals=totals,
        industry_cluster=six.loc[matched].drop_duplicates("naics_code").set_index("naics_code")["cluster_code"]
        .astype("int64").rename("cluster_code").sort_index(),
    )
