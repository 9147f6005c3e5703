"""Variety of regional economies and overlap between clusters.

:func:`related_unrelated_variety` splits the entropy of a region's industry
mix into variety *between* broad groups (unrelated variety) and variety
*within* them (related variety), following Frenken, Van Oort and Verburg
(2007). :func:`linked_clusters` and :func:`cluster_cooccurrence` describe how
the clusters present in a region overlap, either through a list of links
between related clusters or through their joint presence across regions.

The stability side of the variety argument is a portfolio argument about the
*aggregate*: :func:`portfolio_variance` gives the variance of a region's
total growth in closed form when industry shocks are correlated within
groups, and :func:`aggregate_deviation` measures the observed counterpart,
the deviation of a region's total growth from the national rate.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._checks import check_count_matrix, check_labels

__all__ = ["related_unrelated_variety", "linked_clusters", "cluster_cooccurrence", "portfolio_variance",
           "aggregate_deviation"]


def _entropy_terms(p: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(p > 0, -p * np.log2(np.where(p > 0, p, 1.0)), 0.0)


def related_unrelated_variety(X: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    r"""Related, unrelated and total variety (entropy, base 2) of each region.

    With :math:`p_i` the region's share in industry :math:`i` and
    :math:`P_g = \sum_{i \in g} p_i` the share of group :math:`g`:

    .. math::

        UV = \sum_g P_g \log_2 \frac{1}{P_g}, \qquad
        RV = \sum_g P_g H_g, \quad
        H_g = \sum_{i \in g} \frac{p_i}{P_g} \log_2 \frac{P_g}{p_i}

    and :math:`UV + RV` equals the entropy of the industry shares
    (the decomposition theorem of entropy).

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts (fine level).
    groups : pandas.Series
        The broad group of each industry (any two-level classification:
        two-digit within four-digit codes, subclusters within clusters, ...).

    Returns
    -------
    pandas.DataFrame
        Indexed by region with columns ``related``, ``unrelated`` and
        ``total``.

    Raises
    ------
    ValueError
        Bad counts, or an industry without a group.

    References
    ----------
    Frenken, K., Van Oort, F. and Verburg, T. (2007). Related variety,
    unrelated variety and regional economic growth. Regional Studies 41(5),
    685-697.

    Examples
    --------
    The worked example of Frenken et al. (shares 0.4, 0.1 | 0.3, 0.2):

    >>> X = pd.DataFrame([[40, 10, 30, 20]], columns=["a1", "a2", "b1", "b2"])
    >>> g = pd.Series({"a1": "A", "a2": "A", "b1": "B", "b2": "B"})
    >>> related_unrelated_variety(X, g).round(5)
       related  unrelated    total
    0  0.84644        1.0  1.84644
    """
    V = check_count_matrix(X, name="X", allow_zero_columns=True)
    if not isinstance(groups, pd.Series):
        raise ValueError("groups must be a pandas Series mapping each industry to its group")
    check_labels(groups.index, "groups industry")
    missing = V.columns.difference(groups.index)
    if len(missing):
        raise ValueError(f"groups has no group for industry {missing[0]!r}")
    g = groups.reindex(V.columns)
    if g.isna().any():
        raise ValueError(f"groups is missing for industry {g.index[g.isna().to_numpy()][0]!r}")
    codes, uniq = pd.factorize(g)
    x = V.to_numpy()
    p = x / x.sum(axis=1, keepdims=True)
    # group indicator matrix (industries x groups)
    G = np.zeros((len(codes), len(uniq)))
    G[np.arange(len(codes)), codes] = 1.0
    P = p @ G
    total = _entropy_terms(p).sum(axis=1)
    unrelated = _entropy_terms(P).sum(axis=1)
    # sum_g P_g H_g = sum_i p_i log2(P_g(i) / p_i)
    Pi = P[:, codes]
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.where(p > 0, p * np.log2(np.where(p > 0, Pi / np.where(p > 0, p, 1.0), 1.0)), 0.0).sum(axis=1)
    return pd.DataFrame({"related": rel, "unrelated": unrelated, "total": total}, index=V.index)


def _presence(present: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(present, pd.DataFrame):
        raise ValueError("present must be a boolean region x cluster DataFrame")
    V = check_count_matrix(present.astype("float64") if all(pd.api.types.is_bool_dtype(present[c]) for c in present.columns) else present,
                           name="present", allow_zero_rows=True, allow_zero_columns=True)
    bad = np.argwhere(~np.isin(V.to_numpy(), [0.0, 1.0]))
    if len(bad):
        i, j = bad[0]
        raise ValueError(f"present must be 0/1 or boolean; region {V.index[i]!r}, cluster {V.columns[j]!r} is not")
    return V


def linked_clusters(present: pd.DataFrame, links: pd.DataFrame, *, source: str = "cluster_code", target: str = "related_cluster_code") -> pd.DataFrame:
    """Overlap of a region's clusters through links between related clusters.

    For each region, count the clusters present, the linked pairs among
    them (both clusters present and related), and the share of present
    clusters that are linked to at least one other present cluster. A region
    whose strong clusters are related "overlaps" in the sense of the
    lighthouse paper (section III).

    Parameters
    ----------
    present : pandas.DataFrame
        Boolean (or 0/1) region x cluster table, e.g. from
        :func:`regional_clusters.identification.strong_clusters`.
    links : pandas.DataFrame
        One row per link with the two cluster labels in ``source`` and
        ``target`` (undirected; duplicates and self links are ignored), e.g.
        :func:`regional_clusters.data.load_cluster_links`.
    source, target : str
        Column names of the link table.

    Returns
    -------
    pandas.DataFrame
        Indexed by region with columns ``n_clusters``, ``linked_pairs``,
        ``n_linked`` and ``share_linked`` (NaN where no cluster is present).

    Raises
    ------
    ValueError
        Bad presence table, missing columns or a link to an unknown cluster.

    References
    ----------
    Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of
    related industries. Journal of Economic Geography 16(1), 1-38.

    Examples
    --------
    >>> present = pd.DataFrame({1: [True, True], 2: [True, False], 3: [False, True]},
    ...                        index=["r1", "r2"])
    >>> links = pd.DataFrame({"cluster_code": [1], "related_cluster_code": [2]})
    >>> linked_clusters(present, links)
        n_clusters  linked_pairs  n_linked  share_linked
    r1           2             1         2           1.0
    r2           2             0         0           0.0
    """
    V = _presence(present)
    for col in (source, target):
        if col not in links.columns:
            raise ValueError(f"links has no column {col!r}")
    pos = {c: k for k, c in enumerate(V.columns)}
    n = len(pos)
    A = np.zeros((n, n))
    for a, b in zip(links[source], links[target]):
        for c in (a, b):
            if c not in pos:
                raise ValueError(f"links refer to cluster {c!r}, which is not a column of present")
        if a != b:
            A[pos[a], pos[b]] = A[pos[b], pos[a]] = 1.0
    P = V.to_numpy()
    nb = P @ A  # number of present related clusters of each cluster
    pairs = ((nb * P).sum(axis=1) / 2).round().astype(int)
    n_linked = ((nb > 0) & (P > 0)).sum(axis=1)
    n_cl = P.sum(axis=1).astype(int)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(n_cl > 0, n_linked / np.where(n_cl > 0, n_cl, 1), np.nan)
    return pd.DataFrame(
        {"n_clusters": n_cl, "linked_pairs": pairs, "n_linked": n_linked, "share_linked": share}, index=V.index
    )


def cluster_cooccurrence(present: pd.DataFrame, *, measure: str = "jaccard") -> pd.DataFrame:
    """How often two clusters are present in the same regions.

    Parameters
    ----------
    present : pandas.DataFrame
        Boolean (or 0/1) region x cluster table.
    measure : {"jaccard", "count"}
        ``"count"``: number of regions where both are present;
        ``"jaccard"``: that number divided by the number of regions where at
        least one is present (0 where neither ever is).

    Returns
    -------
    pandas.DataFrame
        Symmetric cluster x cluster table.

    Raises
    ------
    ValueError
        Bad presence table or unknown measure.

    References
    ----------
    Jaccard, P. (1912). The distribution of the flora in the alpine zone.
    New Phytologist 11(2), 37-50.

    Examples
    --------
    >>> present = pd.DataFrame({"a": [1, 1, 0], "b": [1, 0, 0], "c": [0, 0, 1]})
    >>> cluster_cooccurrence(present).round(2)
         a    b    c
    a  1.0  0.5  0.0
    b  0.5  1.0  0.0
    c  0.0  0.0  1.0
    """
    if measure not in ("jaccard", "count"):
        raise ValueError(f"measure must be 'jaccard' or 'count', got {measure!r}")
    V = _presence(present)
    P = V.to_numpy()
    C = P.T @ P
    if measure == "jaccard":
        k = np.diag(C)
        union = k[:, None] + k[None, :] - C
        with np.errstate(invalid="ignore", divide="ignore"):
            C = np.where(union > 0, C / np.where(union > 0, union, 1.0), 0.0)
    return pd.DataFrame(C, index=V.columns, columns=V.columns)


def portfolio_variance(X: pd.DataFrame, groups: pd.Series, *, rho: float, sigma: float = 1.0) -> pd.DataFrame:
    r"""Variance of a region's aggregate growth when shocks are shared within groups.

    Each industry :math:`j` of group :math:`g(j)` receives the shock
    :math:`\varepsilon_j = \sigma(\sqrt{\rho}\, u_{g(j)} + \sqrt{1 - \rho}\, e_j)`
    with independent standard normal :math:`u_g` and :math:`e_j`, so shocks
    are correlated :math:`\rho` within a group and independent across groups.
    A region with industry shares :math:`p_j` (group shares
    :math:`P_g = \sum_{j \in g} p_j`) grows by :math:`\sum_j p_j \varepsilon_j`,
    whose variance is the sum of the squared weights and the covariances:

    .. math:: V = \sigma^2 \Big[\rho \sum_g P_g^2 + (1 - \rho) \sum_j p_j^2\Big] .

    Spreading activity over *groups* (unrelated variety) lowers the first
    term; spreading it over industries of one group (related variety) only
    the second, which carries weight :math:`1 - \rho`.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.
    groups : pandas.Series
        Industry -> group (e.g. six-digit industry -> cluster); every column
        of ``X`` needs one.
    rho : float
        Correlation of shocks within a group, in [0, 1].
    sigma : float, default 1.0
        Standard deviation of an industry's shock (positive).

    Returns
    -------
    pandas.DataFrame
        By region: ``between`` (:math:`\sum_g P_g^2`), ``within``
        (:math:`\sum_j p_j^2`) and ``variance`` (:math:`V`).

    Raises
    ------
    ValueError
        Bad counts, an industry without group, ``rho`` outside [0, 1] or a
        non-positive ``sigma``.

    References
    ----------
    Frenken, K., Van Oort, F. and Verburg, T. (2007). Related variety,
    unrelated variety and regional economic growth. Regional Studies 41(5),
    685-697.

    Examples
    --------
    Two industries in one group, half each: with :math:`\rho = 1` the region
    is as exposed as a one-industry region, with :math:`\rho = 0` half as much.

    >>> X = pd.DataFrame({"a": [5], "b": [5]}, index=["r"])
    >>> g = pd.Series({"a": "G", "b": "G"})
    >>> float(portfolio_variance(X, g, rho=1.0)["variance"].iloc[0])
    1.0
    >>> float(portfolio_variance(X, g, rho=0.0)["variance"].iloc[0])
    0.5
    """
    if not 0 <= rho <= 1:
        raise ValueError(f"rho must be in [0, 1], got {rho!r}")
    if not sigma > 0:
        raise ValueError(f"sigma must be positive, got {sigma!r}")
    V = check_count_matrix(X, name="X", allow_zero_columns=True)
    if not isinstance(groups, pd.Series):
        raise ValueError("groups must be a pandas Series mapping industry -> group")
    g = groups.reindex(V.columns)
    if g.isna().any():
        raise ValueError(f"groups has no group for industry {g.index[g.isna().to_numpy()][0]!r}")
    p = V.div(V.sum(axis=1), axis=0)
    between = (p.T.groupby(g.to_numpy()).sum() ** 2).sum(axis=0)
    within = (p ** 2).sum(axis=1)
    return pd.DataFrame({"between": between, "within": within,
                         "variance": sigma ** 2 * (rho * between + (1 - rho) * within)})


def aggregate_deviation(start: pd.Series, end: pd.Series) -> pd.Series:
    r"""Deviation of each region's aggregate log growth from the national rate.

    .. math:: d_r = \ln(x_{r,1} / x_{r,0}) - \ln(x_{\cdot,1} / x_{\cdot,0})

    Over one period :math:`E[d_r^2]` is the variance of the region's aggregate
    growth around the national rate, the quantity of
    :func:`portfolio_variance`; across regions, one period gives one draw
    per region.

    Parameters
    ----------
    start, end : pandas.Series
        Positive totals by region (e.g. establishments) at the start and the
        end, same regions.

    Returns
    -------
    pandas.Series
        Named ``"deviation"``.

    Raises
    ------
    ValueError
        Missing regions, or a total that is not positive (named).

    Examples
    --------
    >>> a = pd.Series({"r1": 100.0, "r2": 100.0})
    >>> b = pd.Series({"r1": 110.0, "r2": 90.0})
    >>> aggregate_deviation(a, b).round(4).tolist()
    [0.0953, -0.1054]
    """
    for name, v in (("start", start), ("end", end)):
        if not isinstance(v, pd.Series):
            raise ValueError(f"{name} must be a pandas Series indexed by region")
        check_labels(v.index, "region")
    diff = start.index.symmetric_difference(end.index)
    if len(diff):
        raise ValueError(f"region {diff[0]!r} is in only one of start and end")
    e = end.reindex(start.index).astype(float)
    a = start.astype(float)
    for name, v in (("start", a), ("end", e)):
        bad = v.index[~(v > 0).to_numpy()]
        if len(bad):
            raise ValueError(f"{name} is not positive for region {bad[0]!r}")
    return (np.log(e / a) - np.log(e.sum() / a.sum())).rename("deviation")
