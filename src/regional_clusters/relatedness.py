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

__all__ = ["presence", "proximity", "relatedness_density", "method_of_reflections", "economic_complexity"]


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
