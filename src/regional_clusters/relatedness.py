"""Relatedness and economic complexity from co-location.

Industries are *related* when regions that are specialised in one tend to be
specialised in the other (Hidalgo et al. 2007). From the binary
region x industry matrix of revealed comparative advantage this module
computes

- :func:`presence`: the binary matrix :math:`M` (RCA at or above a threshold);
- :func:`proximity`: the minimum of the two conditional probabilities of
  co-location;
- :func:`relatedness_density`: how much of an industry's neighbourhood a
  region already has;
- :func:`method_of_reflections` and :func:`economic_complexity`: the
  diversity / ubiquity iterations of Hidalgo and Hausmann (2009) and their
  limit, the economic complexity index (ECI) and product (industry)
  complexity index (PCI).

All kernels are vectorised (sparse matrix products and a truncated singular
value decomposition), so a thousand regions by a thousand industries take
well under a second. Conventions that differ between implementations (the
diagonal of the proximity matrix, the sign and normalisation of ECI and PCI)
are explicit parameters.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sps
from scipy.sparse.linalg import svds

from ._checks import check_count_matrix
from .specialization import location_quotient

__all__ = [
    "presence", "proximity", "relatedness_density", "method_of_reflections", "economic_complexity",
    "cooccurrence_relatedness", "asymmetric_proximity", "continuous_proximity", "rpop",
    "portfolio_density", "nearest_neighbour_density", "complexity_outlook",
]


def presence(X: pd.DataFrame, *, threshold: float = 1.0, given: bool = False) -> pd.DataFrame:
    """Binary region x industry matrix :math:`M_{ri}` of specialisation.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts, or a 0/1 matrix with ``given=True``.
    threshold : float, default 1.0
        :math:`M_{ri} = 1` where the location quotient (RCA) is at least this.
    given : bool, default False
        ``X`` already is the 0/1 matrix (checked, returned as float).

    Returns
    -------
    pandas.DataFrame
        0/1 floats, same labels as ``X``.

    Raises
    ------
    ValueError
        Bad counts, or values other than 0/1 with ``given=True``.

    References
    ----------
    Hidalgo, C. A., Klinger, B., Barabási, A.-L. and Hausmann, R. (2007). The
    product space conditions the development of nations. Science 317(5837),
    482-487.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10, 0], "b": [10, 20]}, index=["r1", "r2"])
    >>> presence(X)
          a    b
    r1  1.0  0.0
    r2  0.0  1.0
    """
    if given:
        V = check_count_matrix(X, name="M", allow_zero_rows=True, allow_zero_columns=True)
        bad = np.argwhere(~np.isin(V.to_numpy(), [0.0, 1.0]))
        if len(bad):
            i, j = bad[0]
            raise ValueError(f"M must hold only 0 and 1; region {V.index[i]!r}, industry {V.columns[j]!r} is not")
        return V
    return location_quotient(X, binary=True, threshold=threshold)


def _nonzero(M: pd.DataFrame, *, rows: bool, cols: bool) -> None:
    m = M.to_numpy()
    if cols:
        z = np.flatnonzero(m.sum(axis=0) == 0)
        if len(z):
            raise ValueError(f"industry {M.columns[z[0]]!r} is present in no region (ubiquity 0)")
    if rows:
        z = np.flatnonzero(m.sum(axis=1) == 0)
        if len(z):
            raise ValueError(f"region {M.index[z[0]]!r} has no industry present (diversity 0)")


def proximity(
    X: pd.DataFrame,
    *,
    threshold: float = 1.0,
    given: bool = False,
    diagonal: float | None = None,
) -> pd.DataFrame:
    r"""Co-location proximity between industries (minimum conditional probability).

    .. math:: \phi_{ij} = \frac{\sum_r M_{ri} M_{rj}}{\max(k_i, k_j)}
              = \min\{P(M_i = 1 \mid M_j = 1),\, P(M_j = 1 \mid M_i = 1)\}

    with :math:`k_i = \sum_r M_{ri}` the ubiquity of industry :math:`i`.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts (or a 0/1 matrix with ``given=True``).
    threshold : float, default 1.0
        RCA threshold for :func:`presence`.
    given : bool, default False
        ``X`` is already the binary matrix.
    diagonal : float, optional
        Value for :math:`\phi_{ii}`. By default the formula's own value, 1
        (as in py-ecomplexity); 0 excludes an industry from its own
        neighbourhood in :func:`relatedness_density`.

    Returns
    -------
    pandas.DataFrame
        Symmetric industry x industry matrix with values in [0, 1].

    Raises
    ------
    ValueError
        Bad input or an industry present in no region.

    References
    ----------
    Hidalgo, C. A., Klinger, B., Barabási, A.-L. and Hausmann, R. (2007). The
    product space conditions the development of nations. Science 317(5837),
    482-487.

    Examples
    --------
    >>> M = pd.DataFrame({"a": [1, 1, 0], "b": [1, 0, 0], "c": [0, 1, 1]})
    >>> proximity(M, given=True)
         a    b    c
    a  1.0  0.5  0.5
    b  0.5  1.0  0.0
    c  0.5  0.0  1.0
    """
    M = presence(X, threshold=threshold, given=given)
    _nonzero(M, rows=False, cols=True)
    S = sps.csr_matrix(M.to_numpy())
    C = np.asarray((S.T @ S).todense())
    k = np.diag(C).copy()
    phi = C / np.maximum(k[:, None], k[None, :])
    if diagonal is not None:
        np.fill_diagonal(phi, float(diagonal))
    return pd.DataFrame(phi, index=M.columns, columns=M.columns)


def relatedness_density(M: pd.DataFrame, phi: pd.DataFrame) -> pd.DataFrame:
    r"""Relatedness density of each industry in each region.

    .. math:: \omega_{ri} = \frac{\sum_j M_{rj} \phi_{ij}}{\sum_j \phi_{ij}}

    the share of industry :math:`i`'s proximity-weighted neighbourhood in
    which region :math:`r` is already specialised (0 to 1). Whether
    :math:`j = i` counts depends on the diagonal of ``phi``
    (see :func:`proximity`).

    Parameters
    ----------
    M : pandas.DataFrame
        Binary region x industry matrix (:func:`presence`).
    phi : pandas.DataFrame
        Industry x industry proximity with the same industries.

    Returns
    -------
    pandas.DataFrame
        Region x industry density.

    Raises
    ------
    ValueError
        Non-binary ``M``, mismatched industries, or an industry with no
        proximity to any other.

    References
    ----------
    Hidalgo, C. A., Klinger, B., Barabási, A.-L. and Hausmann, R. (2007). The
    product space conditions the development of nations. Science 317(5837),
    482-487.

    Examples
    --------
    >>> M = pd.DataFrame({"a": [1, 1, 0], "b": [1, 0, 0], "c": [0, 1, 1]})
    >>> relatedness_density(M, proximity(M, given=True)).round(3)
           a      b      c
    0  0.750  1.000  0.333
    1  0.750  0.333  1.000
    2  0.250  0.000  0.667
    """
    Mv = presence(M, given=True)
    if not isinstance(phi, pd.DataFrame):
        raise ValueError("phi must be an industry x industry DataFrame")
    for what, labels in (("rows", phi.index), ("columns", phi.columns)):
        diff = Mv.columns.symmetric_difference(labels)
        if len(diff):
            raise ValueError(f"M and phi {what} differ: industry {diff[0]!r} is in only one of them")
    P = phi.loc[Mv.columns, Mv.columns].to_numpy(dtype="float64")
    if not np.isfinite(P).all() or (P < 0).any():
        raise ValueError("phi must be finite and non-negative")
    den = P.sum(axis=1)
    z = np.flatnonzero(den == 0)
    if len(z):
        raise ValueError(f"industry {Mv.columns[z[0]]!r} has zero proximity to every industry")
    S = sps.csr_matrix(Mv.to_numpy())
    dens = np.asarray(S @ (P.T / den[None, :]))
    return pd.DataFrame(dens, index=Mv.index, columns=Mv.columns)


def method_of_reflections(M: pd.DataFrame, iterations: int = 2) -> tuple[pd.DataFrame, pd.DataFrame]:
    r"""Method of reflections of Hidalgo and Hausmann (2009).

    .. math::

        k_{r,0} = \sum_i M_{ri}, \quad k_{i,0} = \sum_r M_{ri}, \\
        k_{r,N} = \frac{1}{k_{r,0}} \sum_i M_{ri}\, k_{i,N-1}, \quad
        k_{i,N} = \frac{1}{k_{i,0}} \sum_r M_{ri}\, k_{r,N-1}

    Parameters
    ----------
    M : pandas.DataFrame
        Binary region x industry matrix.
    iterations : int, default 2
        Highest order :math:`N`.

    Returns
    -------
    regions, industries : pandas.DataFrame
        :math:`k_{r,N}` (regions x N) and :math:`k_{i,N}` (industries x N),
        columns ``0 .. iterations``.

    Raises
    ------
    ValueError
        Non-binary ``M``, a region or industry with no presence, or a
        negative number of iterations.

    References
    ----------
    Hidalgo, C. A. and Hausmann, R. (2009). The building blocks of economic
    complexity. PNAS 106(26), 10570-10575.

    Examples
    --------
    >>> M = pd.DataFrame([[1, 1, 1, 1], [0, 1, 0, 0], [0, 0, 1, 1], [0, 0, 0, 1]],
    ...                  index=["c1", "c2", "c3", "c4"], columns=["p1", "p2", "p3", "p4"])
    >>> kc, kp = method_of_reflections(M)
    >>> kc[1].tolist()
    [2.0, 2.0, 2.5, 3.0]
    """
    if int(iterations) != iterations or iterations < 0:
        raise ValueError(f"iterations must be a non-negative integer, got {iterations!r}")
    Mv = presence(M, given=True)
    _nonzero(Mv, rows=True, cols=True)
    S = sps.csr_matrix(Mv.to_numpy())
    kc0 = np.asarray(S.sum(axis=1)).ravel()
    kp0 = np.asarray(S.sum(axis=0)).ravel()
    kc, kp = [kc0], [kp0]
    for _ in range(int(iterations)):
        c_prev, p_prev = kc[-1], kp[-1]
        kc.append((S @ p_prev) / kc0)
        kp.append((S.T @ c_prev) / kp0)
    cols = list(range(int(iterations) + 1))
    return (
        pd.DataFrame(np.column_stack(kc), index=Mv.index, columns=cols),
        pd.DataFrame(np.column_stack(kp), index=Mv.columns, columns=cols),
    )


def economic_complexity(
    M: pd.DataFrame,
    *,
    sign: str = "diversity",
    normalise: str = "eci",
) -> tuple[pd.Series, pd.Series]:
    r"""Economic complexity index (regions) and industry complexity index.

    The eigenvector of the second largest eigenvalue of
    :math:`\tilde M_{ii'} = \sum_r M_{ri} M_{ri'} / (k_{r,0} k_{i,0})` gives
    the PCI; the ECI is its mean over each region's industries,
    :math:`\text{ECI}_r = \sum_i M_{ri}\,\text{PCI}_i / k_{r,0}`. It is
    computed from a truncated singular value decomposition of the sparse
    matrix :math:`D_r^{-1/2} M D_i^{-1/2}`, whose singular values squared are
    the eigenvalues of :math:`\tilde M`.

    Parameters
    ----------
    M : pandas.DataFrame
        Binary region x industry matrix (every region and industry present
        at least once).
    sign : {"diversity", "none"}
        ``"diversity"`` orients the eigenvector so that ECI correlates
        positively with diversity :math:`k_{r,0}` (Hidalgo and Hausmann;
        py-ecomplexity); ``"none"`` keeps the solver's arbitrary sign.
    normalise : {"eci", "zscore", "none"}
        ``"eci"`` subtracts the mean and divides by the (population)
        standard deviation of the ECI for both indices, so that each region's
        ECI stays the mean PCI of its industries (the convention of the Stata
        and py-ecomplexity packages); ``"zscore"`` standardises each index on
        its own; ``"none"`` returns the unit-norm eigenvector for PCI and its
        regional means for ECI.

    Returns
    -------
    eci, pci : pandas.Series
        Indexed by region and by industry.

    Raises
    ------
    ValueError
        Non-binary ``M``, an empty row or column, fewer than 2 regions or
        industries, or unknown conventions.

    References
    ----------
    Hidalgo, C. A. and Hausmann, R. (2009). The building blocks of economic
    complexity. PNAS 106(26), 10570-10575.

    Examples
    --------
    >>> M = pd.DataFrame([[1, 1, 1, 1], [0, 1, 0, 0], [0, 0, 1, 1], [0, 0, 0, 1]],
    ...                  index=["c1", "c2", "c3", "c4"], columns=["p1", "p2", "p3", "p4"])
    >>> eci, pci = economic_complexity(M)
    >>> eci.round(3).tolist()
    [-0.075, -1.603, 0.748, 0.93]

    In such a tiny nested matrix the second eigenvector need not rank the
    most diverse region first; the index is meant for large matrices.
    """
    if sign not in ("diversity", "none"):
        raise ValueError(f"sign must be 'diversity' or 'none', got {sign!r}")
    if normalise not in ("eci", "zscore", "none"):
        raise ValueError(f"normalise must be 'eci', 'zscore' or 'none', got {normalise!r}")
    Mv = presence(M, given=True)
    _nonzero(Mv, rows=True, cols=True)
    n_r, n_i = Mv.shape
    if min(n_r, n_i) < 2:
        raise ValueError(f"economic_complexity needs at least 2 regions and 2 industries, got {Mv.shape}")
    S = sps.csr_matrix(Mv.to_numpy())
    kc0 = np.asarray(S.sum(axis=1)).ravel()
    kp0 = np.asarray(S.sum(axis=0)).ravel()
    A = sps.diags(1 / np.sqrt(kc0)) @ S @ sps.diags(1 / np.sqrt(kp0))
    if min(n_r, n_i) <= 10:
        _, sv, vt = np.linalg.svd(A.toarray(), full_matrices=False)
        v = vt[1]
    else:
        v0 = np.linspace(1.0, 2.0, min(n_r, n_i))  # deterministic start vector
        _, sv, vt = svds(A, k=2, v0=v0, tol=1e-12, solver="arpack")
        v = vt[np.argsort(sv)[0]]
    kp = v / np.sqrt(kp0)
    kp = kp / np.linalg.norm(kp)
    kc = (S @ kp) / kc0
    if sign == "diversity":
        s = np.sign(np.corrcoef(kc0, kc)[0, 1]) if np.std(kc0) > 0 else 1.0
        s = 1.0 if s == 0 else s
        kc, kp = s * kc, s * kp
    if normalise == "eci":
        mu, sd = kc.mean(), kc.std()
        eci, pci = (kc - mu) / sd, (kp - mu) / sd
    elif normalise == "zscore":
        eci, pci = (kc - kc.mean()) / kc.std(), (kp - kp.mean()) / kp.std()
    else:
        eci, pci = kc, kp
    return pd.Series(eci, index=Mv.index, name="eci"), pd.Series(pci, index=Mv.columns, name="pci")


# ---------------------------------------------------------------------------
# The wider relatedness family: co-occurrence normalisations, asymmetric and
# continuous proximity, per-capita presence, density inside and outside the
# portfolio, nearest-neighbour density, complexity outlook and its gain
# ---------------------------------------------------------------------------

_COOCCURRENCE_METHODS = ("probability", "association", "cosine", "jaccard", "zscore")


def cooccurrence_relatedness(M: pd.DataFrame, *, method: str = "probability") -> pd.DataFrame:
    r"""Relatedness of industries from how often they co-occur in regions.

    With :math:`c_{ij} = \sum_r M_{ri} M_{rj}` (:math:`i \ne j`), the
    off-diagonal co-occurrence totals :math:`s_i = \sum_{j \ne i} c_{ij}` and
    :math:`T = \sum_i s_i`:

    - ``"association"`` (association strength, van Eck and Waltman 2009):
      :math:`c_{ij} T / (s_i s_j)`, observed over expected co-occurrence;
    - ``"probability"`` (EconGeo's default "probability index", the
      association strength with draws without repetition):
      :math:`c_{ij} / \big[\tfrac{T}{2}\big(\tfrac{s_i}{T}\tfrac{s_j}{T - s_i}
      + \tfrac{s_j}{T}\tfrac{s_i}{T - s_j}\big)\big]`;
    - ``"cosine"``: :math:`c_{ij} / \sqrt{s_i s_j}`;
    - ``"jaccard"``: :math:`c_{ij} / (s_i + s_j - c_{ij})`;
    - ``"zscore"`` (Teece et al. 1994): :math:`(c_{ij} - \mu_{ij}) / \sigma_{ij}`
      with the hypergeometric mean :math:`\mu_{ij} = k_i k_j / R` and variance
      :math:`\sigma^2_{ij} = \mu_{ij} (1 - k_i/R)(R - k_j)/(R - 1)`, for
      ubiquities :math:`k_i` and :math:`R` regions: how many more regions
      hold both industries than if they were placed independently.

    The first four follow EconGeo's ``relatedness`` (values 1 and above mean
    more co-occurrence than expected for the association measures); the
    diagonal is 0 as there.

    Parameters
    ----------
    M : pandas.DataFrame
        Binary region x industry matrix (:func:`presence`).
    method : {"probability", "association", "cosine", "jaccard", "zscore"}

    Returns
    -------
    pandas.DataFrame
        Industry x industry relatedness, symmetric, zero diagonal.

    Raises
    ------
    ValueError
        Non-binary ``M``, an unknown method, or an industry that co-occurs
        with no other (its normalisation would divide by zero).

    References
    ----------
    van Eck, N. J. and Waltman, L. (2009). How to normalize cooccurrence
    data? An analysis of some well-known similarity measures. Journal of the
    American Society for Information Science and Technology 60(8), 1635-1651.
    Teece, D. J., Rumelt, R., Dosi, G. and Winter, S. (1994). Understanding
    corporate coherence: theory and evidence. Journal of Economic Behavior
    and Organization 23(1), 1-30.

    Examples
    --------
    >>> M = pd.DataFrame({"a": [1, 1, 0], "b": [1, 1, 1], "c": [0, 1, 1]})
    >>> cooccurrence_relatedness(M, method="association").round(3)
           a      b      c
    a  0.000  1.667  1.111
    b  1.667  0.000  1.667
    c  1.111  1.667  0.000
    """
    if method not in _COOCCURRENCE_METHODS:
        raise ValueError(f"method must be one of {_COOCCURRENCE_METHODS}, got {method!r}")
    Mv = presence(M, given=True)
    m = Mv.to_numpy()
    C = m.T @ m
    k = np.diag(C).copy()
    np.fill_diagonal(C, 0.0)
    s = C.sum(axis=0)
    alone = np.flatnonzero(s == 0)
    if len(alone):
        raise ValueError(f"industry {Mv.columns[alone[0]]!r} co-occurs with no other industry")
    si, sj = s[None, :], s[:, None]
    T = s.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "association":
            R = C * T / (si * sj)
        elif method == "probability":
            R = C / ((si / T * sj / (T - si) + sj / T * si / (T - sj)) * T / 2)
        elif method == "cosine":
            R = C / np.sqrt(si * sj)
        elif method == "jaccard":
            R = C / (si + sj - C)
        else:
            n = m.shape[0]
            mu = k[:, None] * k[None, :] / n
            var = mu * (1 - k[:, None] / n) * (n - k[None, :]) / (n - 1)
            R = (C - mu) / np.sqrt(var)
    R = np.nan_to_num(R, nan=0.0, posinf=0.0, neginf=0.0)
    np.fill_diagonal(R, 0.0)
    return pd.DataFrame(R, index=Mv.columns, columns=Mv.columns)


def asymmetric_proximity(M: pd.DataFrame) -> pd.DataFrame:
    r"""Conditional probability of co-location, :math:`\phi_{i \to j} = P(M_j = 1 \mid M_i = 1)`.

    .. math:: \phi_{i \to j} = \frac{\sum_r M_{ri} M_{rj}}{k_i}

    Row :math:`i` says how likely a region specialised in :math:`i` is to be
    specialised in :math:`j` too (py-ecomplexity's ``asymmetric=True``). The
    symmetric :func:`proximity` is the elementwise minimum of this matrix
    and its transpose.

    Parameters
    ----------
    M : pandas.DataFrame
        Binary region x industry matrix.

    Returns
    -------
    pandas.DataFrame
        Industry x industry, rows the conditioning industry; diagonal 1.

    Raises
    ------
    ValueError
        Non-binary ``M`` or an industry present in no region.

    Examples
    --------
    >>> M = pd.DataFrame({"a": [1, 1, 0], "b": [1, 0, 0]})
    >>> asymmetric_proximity(M)
         a    b
    a  1.0  0.5
    b  1.0  1.0
    """
    Mv = presence(M, given=True)
    _nonzero(Mv, rows=False, cols=True)
    m = Mv.to_numpy()
    C = m.T @ m
    return pd.DataFrame(C / np.diag(C)[:, None], index=Mv.columns, columns=Mv.columns)


def continuous_proximity(X: pd.DataFrame) -> pd.DataFrame:
    r"""Proximity from the correlation of RCA values, :math:`(1 + \rho_{ij}) / 2`.

    Uses the continuous location quotients instead of the 0/1 matrix, so
    no threshold is needed (py-ecomplexity's ``continuous=True``).

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.

    Returns
    -------
    pandas.DataFrame
        Industry x industry, values in [0, 1], diagonal 1.

    Raises
    ------
    ValueError
        Bad counts, or an industry whose RCA is the same in every region (its
        correlation is undefined).

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10, 0, 5], "b": [9, 1, 5], "c": [0, 10, 5]})
    >>> continuous_proximity(X).round(2)
         a    b    c
    a  1.0  1.0  0.0
    b  1.0  1.0  0.0
    c  0.0  0.0  1.0
    """
    rca = location_quotient(X).to_numpy()
    flat = np.flatnonzero(rca.std(axis=0) == 0)
    if len(flat):
        raise ValueError(f"industry {X.columns[flat[0]]!r} has the same RCA in every region")
    return pd.DataFrame((1 + np.corrcoef(rca.T)) / 2, index=X.columns, columns=X.columns)


def rpop(X: pd.DataFrame, population: pd.Series) -> pd.DataFrame:
    r"""Per-capita presence: activity per inhabitant relative to the whole.

    .. math:: \text{RPOP}_{ri} = \frac{X_{ri} / P_r}{\sum_{r'} X_{r'i} / \sum_{r'} P_{r'}}

    A value of 1 or more means the region has at least its population's
    share of the industry; unlike RCA it does not depend on the region's
    other industries (py-ecomplexity's ``presence_test="rpop"``).

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.
    population : pandas.Series
        Positive population of every region of ``X``.

    Returns
    -------
    pandas.DataFrame
        Same labels as ``X``.

    Raises
    ------
    ValueError
        Bad counts, a region without population, or a non-positive population.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10, 30]}, index=["r1", "r2"])
    >>> rpop(X, pd.Series({"r1": 100, "r2": 100}))["a"].tolist()
    [0.5, 1.5]
    """
    from ._checks import check_count_matrix as _check

    V = _check(X, name="X", allow_zero_rows=True)
    pop = pd.Series(population)
    missing = V.index.difference(pop.index)
    if len(missing):
        raise ValueError(f"population has no value for region {missing[0]!r}")
    pop = pop.reindex(V.index).astype(float)
    if (pop <= 0).any() or pop.isna().any():
        raise ValueError(f"population must be positive; region {pop.index[(pop <= 0) | pop.isna()][0]!r} is not")
    per_head = V.to_numpy() / pop.to_numpy()[:, None]
    overall = V.to_numpy().sum(axis=0) / pop.sum()
    return pd.DataFrame(per_head / overall[None, :], index=V.index, columns=V.columns)


def portfolio_density(M: pd.DataFrame, phi: pd.DataFrame) -> pd.DataFrame:
    r"""Mean relatedness density inside and outside each region's portfolio.

    Inside: the mean density of the industries a region is specialised in
    (how coherent its portfolio is; EconGeo's ``relatedness_density_int``);
    outside: the mean density of those it is not specialised in (how close
    its next steps are; ``relatedness_density_ext``).

    Parameters
    ----------
    M : pandas.DataFrame
        Binary region x industry matrix.
    phi : pandas.DataFrame
        Industry x industry proximity or relatedness.

    Returns
    -------
    pandas.DataFrame
        Indexed by region, columns ``inside`` and ``outside`` (NaN where a
        region has no industry inside, or none outside).

    Raises
    ------
    ValueError
        As :func:`relatedness_density`.

    Examples
    --------
    >>> M = pd.DataFrame({"a": [1, 1, 0], "b": [1, 0, 0], "c": [0, 1, 1]})
    >>> portfolio_density(M, proximity(M, given=True)).round(3)
       inside  outside
    0   0.875    0.333
    1   0.875    0.333
    2   0.667    0.125
    """
    Mv = presence(M, given=True)
    dens = relatedness_density(Mv, phi).to_numpy()
    m = Mv.to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        inside = (dens * m).sum(axis=1) / m.sum(axis=1)
        outside = (dens * (1 - m)).sum(axis=1) / (1 - m).sum(axis=1)
    return pd.DataFrame({"inside": inside, "outside": outside}, index=Mv.index)


def nearest_neighbour_density(M: pd.DataFrame, phi: pd.DataFrame, k: int) -> pd.DataFrame:
    r"""Relatedness density over each industry's :math:`k` closest industries only.

    .. math:: \omega^{(k)}_{ri} = \frac{\sum_{j \in N_k(i)} M_{rj}\,\phi_{ij}}{\sum_{j \in N_k(i)} \phi_{ij}}

    where :math:`N_k(i)` are the :math:`k` industries :math:`j \ne i` with the
    highest :math:`\phi_{ij}` (ties broken by column order). Weak links no
    longer dilute the density of industries with many neighbours.
    py-ecomplexity's ``knn`` option sums presence without the proximity
    weights; this follows the weighted definition above.

    Parameters
    ----------
    M : pandas.DataFrame
        Binary region x industry matrix.
    phi : pandas.DataFrame
        Industry x industry proximity.
    k : int
        Number of neighbours, 1 to the number of industries minus 1.

    Returns
    -------
    pandas.DataFrame
        Region x industry density.

    Raises
    ------
    ValueError
        As :func:`relatedness_density`, or ``k`` out of range.

    Examples
    --------
    >>> M = pd.DataFrame({"a": [1, 1, 0], "b": [1, 0, 0], "c": [0, 1, 1]})
    >>> nearest_neighbour_density(M, proximity(M, given=True), k=1).round(3)
         a    b    c
    0  1.0  1.0  1.0
    1  0.0  1.0  1.0
    2  0.0  0.0  0.0
    """
    Mv = presence(M, given=True)
    n = Mv.shape[1]
    if int(k) != k or not 1 <= k <= n - 1:
        raise ValueError(f"k must be an integer from 1 to {n - 1}, got {k!r}")
    relatedness_density(Mv, phi)  # same checks of phi
    P = phi.loc[Mv.columns, Mv.columns].to_numpy(dtype=float).copy()
    np.fill_diagonal(P, -np.inf)
    order = np.argsort(-P, axis=1, kind="stable")[:, : int(k)]
    W = np.zeros_like(P)
    rows = np.arange(n)[:, None]
    W[rows, order] = P[rows, order]
    den = W.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        dens = Mv.to_numpy() @ (W.T / den[None, :])
    return pd.DataFrame(np.nan_to_num(dens), index=Mv.index, columns=Mv.columns)


def complexity_outlook(M: pd.DataFrame, phi: pd.DataFrame, pci: pd.Series) -> tuple[pd.Series, pd.DataFrame, pd.DataFrame]:
    r"""Distance, complexity outlook index (COI) and complexity outlook gain (COG).

    .. math::

        d_{ri} = 1 - \omega_{ri}, \qquad
        \text{COI}_r = \sum_i (1 - d_{ri})(1 - M_{ri})\,\text{PCI}_i, \\
        \text{COG}_{ri} = (1 - M_{ri}) \sum_j \frac{\phi_{ij}}{\sum_{j'} \phi_{j'j}}(1 - M_{rj})\,\text{PCI}_j

    with :math:`\omega` the relatedness density. COI is how much complexity
    lies close to a region's portfolio; COG how much entering industry
    :math:`i` would add to it (Hausmann et al. 2014). These are the raw
    values; py-ecomplexity then standardises COI and divides COG by the
    ECI's standard deviation.

    Parameters
    ----------
    M : pandas.DataFrame
        Binary region x industry matrix.
    phi : pandas.DataFrame
        Industry x industry proximity.
    pci : pandas.Series
        Complexity of each industry (:func:`economic_complexity`).

    Returns
    -------
    coi : pandas.Series
        By region.
    cog, distance : pandas.DataFrame
        Region x industry.

    Raises
    ------
    ValueError
        As :func:`relatedness_density`, or ``pci`` missing an industry.

    References
    ----------
    Hausmann, R., Hidalgo, C. A., Bustos, S., Coscia, M., Simoes, A. and
    Yildirim, M. A. (2014). The Atlas of Economic Complexity: Mapping Paths
    to Prosperity. MIT Press.

    Examples
    --------
    >>> M = pd.DataFrame({"a": [1, 1, 0], "b": [1, 0, 0], "c": [0, 1, 1]})
    >>> coi, cog, dist = complexity_outlook(M, proximity(M, given=True), pd.Series({"a": 1.0, "b": 2.0, "c": -1.0}))
    >>> coi.round(3).tolist()
    [-0.333, 0.667, 0.25]
    """
    Mv = presence(M, given=True)
    dens = relatedness_density(Mv, phi)
    missing = Mv.columns.difference(pd.Series(pci).index)
    if len(missing):
        raise ValueError(f"pci has no value for industry {missing[0]!r}")
    p = pd.Series(pci).reindex(Mv.columns).to_numpy(dtype=float)
    m = Mv.to_numpy()
    P = phi.loc[Mv.columns, Mv.columns].to_numpy(dtype=float)
    coi = ((dens.to_numpy() * (1 - m)) * p[None, :]).sum(axis=1)
    cog = (1 - m) * ((1 - m) @ (P * (p / P.sum(axis=1))[:, None]))
    return (pd.Series(coi, index=Mv.index, name="coi"),
            pd.DataFrame(cog, index=Mv.index, columns=Mv.columns),
            1 - dens)
