"""Structural holes and brokerage: Burt, Gould and Fernandez, Krackhardt and Stern.

Burt's measures (:func:`~regional_clusters.networks.constraint`, :func:`~regional_clusters.networks.effective_size`,
:func:`~regional_clusters.networks.efficiency`, :func:`~regional_clusters.networks.hierarchy`) follow the definitions used by
networkx (Burt 1992, with the weighted redundancy of Borgatti 1997) and give
the same numbers to rounding error, but they are computed with sparse
matrix products instead of Python loops over ego networks. The only costly
step, the two-step paths between an actor and its contacts, is a sparse
product masked to the existing ties and done in row blocks; contacts with
very many ties (the large research organisations of Horizon 2020) are
handled as dense columns so that the product stays small.

:func:`~regional_clusters.networks.brokerage` counts Gould and Fernandez's five brokerage roles and
compares them with their expectation in a random graph of equal density,
as R's ``sna::brokerage`` does. :func:`~regional_clusters.networks.ei_index` is Krackhardt and Stern's
E-I index with a permutation test.
"""

from __future__ import annotations

from math import comb

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._checks import as_generator, check_n_permutations
from ._validate import adjacency, check_graph, edge_arrays
from .nulls import permutation_p

__all__ = [
    "constraint",
    "local_constraint",
    "effective_size",
    "efficiency",
    "hierarchy",
    "burt_battery",
    "brokerage",
    "group_summary",
    "constraint_on_degree",
    "holes_and_coordination",
    "ei_index",
    "pair_brokerage",
    "ROLES",
    "ROLES_UNDIRECTED",
]

#: Gould and Fernandez's brokerage roles, in the order of ``sna::brokerage``
#: (w_I, w_O, b_IO, b_OI, b_O) plus the total.
ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]

_BLOCK_FLOPS = 4_000_000
_HUB_DEGREE = 32
_HUB_FACTOR = 0.7  # hubs: degree >= this x sqrt(number of ties); see _masked_product
_HUB_FACTOR_HALF = 0.5  # the same for burt_battery's half pattern (measured on Horizon 2020)
_BLOCK_FLOPS_HALF = 16_000_000


# --------------------------------------------------------------------------
# sparse helpers


def _row_scale(M: sp.csr_array, factor: np.ndarray) -> sp.csr_array:
    """Multiply row i of ``M`` by ``factor[i]`` (0 where factor is not finite)."""
    f = np.where(np.isfinite(factor), factor, 0.0)
    out = M.copy()
    out.data = out.data * np.repeat(f, np.diff(out.indptr))
    return out


def _rows_of(M: sp.csr_array) -> np.ndarray:
    return np.repeat(np.arange(M.shape[0]), np.diff(M.indptr))


def _row_sum(values: np.ndarray, M: sp.csr_array) -> np.ndarray:
    """Sum ``values`` (aligned with the entries of ``M``) within each row."""
    return np.bincount(_rows_of(M), weights=values, minlength=M.shape[0])


def _align(mask: sp.csr_array, X) -> np.ndarray:
    """Values of ``X`` at the entries of ``mask`` (same shape, sorted indices)."""
    n = mask.shape[1]
    X = sp.csr_array(X)
    values = np.zeros(mask.nnz, dtype=np.result_type(X.dtype, np.float64))
    Xm = sp.csr_array(X.multiply(mask))
    if Xm.nnz:
        Xm.sort_indices()
        key_m = _rows_of(mask).astype(np.int64) * n + mask.indices
        key_x = _rows_of(Xm).astype(np.int64) * n + Xm.indices
        values[np.searchsorted(key_m, key_x)] += Xm.data
    return values


def _masked_product(L: sp.csr_array, R: sp.csr_array, mask: sp.csr_array, rows: np.ndarray, degree: np.ndarray,
                    middle=None, *, hub_factor: float = _HUB_FACTOR, block_flops: int = _BLOCK_FLOPS):
    """``(L @ R)`` on the non-zero pattern of ``mask``, for the given rows.

    Returns ``(values, Mr)``: the values on the entries of ``Mr``, the rows
    ``rows`` of ``mask`` (in that order, sorted indices). Middle indices with
    a degree of at least ``_HUB_DEGREE`` (hubs) go through dense columns; the
    others through a sparse product done in row blocks, so memory stays
    bounded. With ``middle = (w1, w2)`` (two weight vectors on the middle
    index) the result is complex: real part ``L diag(w1) R``, imaginary part
    ``L diag(w2) R``, both from one pass. ``hub_factor`` and ``block_flops``
    tune the hub threshold and the block size (speed and memory only).
    """
    n = L.shape[1]
    Mr = mask[rows]
    Mr.sort_indices()
    # a middle node q costs degree(q)**2 in the sparse product but one pass
    # over the mask entries as a dense column: take the cheaper route
    threshold = max(np.sqrt(Mr.nnz) * hub_factor, _HUB_DEGREE)
    hubs = np.flatnonzero(degree >= threshold)
    keep = np.ones(n, dtype=bool)
    keep[hubs] = False
    values = np.zeros(Mr.nnz, dtype=np.complex128 if middle is not None else np.result_type(L.dtype, R.dtype, np.float64))
    # sparse part: only middle nodes that are not hubs
    Lr = L[rows]
    Lk = sp.csr_array(Lr[:, keep]) if len(hubs) else Lr
    Rk = sp.csr_array(R[keep]) if len(hubs) else R
    if middle is not None:
        w = (middle[0] + 1j * middle[1])[keep] if len(hubs) else middle[0] + 1j * middle[1]
        Lk = sp.csr_array(Lk.astype(np.complex128))
        Lk.data = Lk.data * w[Lk.indices]
    rdeg = np.diff(Rk.indptr).astype(np.float64)
    cost = _row_sum(rdeg[Lk.indices], Lk) + 1.0
    start = 0
    cum = np.cumsum(cost)
    while start < len(rows):
        base = cum[start - 1] if start else 0.0
        stop = int(np.searchsorted(cum, base + block_flops, side="right"))
        stop = max(stop, start + 1)
        X = Lk[start:stop] @ Rk
        lo, hi = Mr.indptr[start], Mr.indptr[stop]
        values[lo:hi] += _align(sp.csr_array(Mr[start:stop]), X)
        start = stop
    if len(hubs):
        Lh = sp.csr_array(Lr[:, hubs])
        RhT = sp.csr_array(R[hubs].T)  # n x h
        small = (Lh.shape[0] + RhT.shape[0]) * len(hubs) <= 40_000_000
        if small:
            Lh, RhT = Lh.toarray(), RhT.toarray()
        mrow = _rows_of(Mr)
        step = max(1, 4_000_000 // len(hubs))
        if middle is not None:
            wh = np.column_stack([middle[0][hubs], middle[1][hubs]])
        for s in range(0, Mr.nnz, step):
            e = min(s + step, Mr.nnz)
            left = Lh[mrow[s:e]] if small else Lh[mrow[s:e]].toarray()
            right = RhT[Mr.indices[s:e]] if small else RhT[Mr.indices[s:e]].toarray()
            if middle is None:
                values[s:e] += np.einsum("ij,ij->i", left, right)
            else:
                two = np.multiply(left, right, out=left) @ wh  # both weightings from one product
                values[s:e] += two[:, 0] + 1j * two[:, 1]
    return values, Mr


def _burt_setup(G, weight, nodes):
    if sp.issparse(G):
        # a ready weighted adjacency matrix (rows -> columns), labels 0..n-1;
        # entries that are 0 are no tie
        W = sp.csr_array(G, dtype=np.float64)
        if W.ndim != 2 or W.shape[0] != W.shape[1]:
            raise ValueError(f"the adjacency matrix must be square, got shape {W.shape}")
        if (W.data < 0).any() or not np.isfinite(W.data).all():
            raise ValueError("the adjacency matrix has negative, missing or infinite weights")
        if W.diagonal().any():
            raise ValueError("the adjacency matrix has self-loops (non-zero diagonal)")
        n = W.shape[0]
        nodelist = list(range(n))
        S = sp.csr_array(W + W.T)
        S.eliminate_zeros()
        A = sp.csr_array((np.ones(S.nnz), S.indices.copy(), S.indptr.copy()), shape=(n, n))
    elif G.is_directed():
        check_graph(G, weight=None)  # structure; edge_arrays() checks the weights
        nodelist, W, A = adjacency(G, weight)
        S = sp.csr_array(W + W.T)  # mutual weights a_ij + a_ji (networkx's convention)
    else:
        # undirected: the adjacency entries are already symmetric, so S = 2 W
        # and the structure is W's pattern (ties of weight 0 included)
        check_graph(G, weight=None)
        nodelist, r, c, vals = edge_arrays(G, weight)
        n = len(nodelist)
        S = sp.csr_array(sp.coo_array((2.0 * vals, (r, c)), shape=(n, n)))
        A = sp.csr_array((np.ones(S.nnz), S.indices.copy(), S.indptr.copy()), shape=(n, n))
    S.sort_indices()
    A.sort_indices()
    if nodes is None:
        rows = np.arange(len(nodelist))
        labels = nodelist
    else:
        index = {n: i for i, n in enumerate(nodelist)}
        labels = list(nodes)
        missing = [n for n in labels if n not in index]
        if missing:
            raise ValueError(f"node {missing[0]!r} is not in the graph")
        rows = np.array([index[n] for n in labels], dtype=np.int64)
    degree = np.diff(A.indptr)
    return labels, rows, S, A, degree


def _proportions(S: sp.csr_array) -> sp.csr_array:
    total = np.asarray(S.sum(axis=1)).ravel()
    with np.errstate(divide="ignore"):
        return _row_scale(S, 1.0 / total)


def _local_constraint_matrix(G, weight, nodes):
    labels, rows, S, A, degree = _burt_setup(G, weight, nodes)
    P = _proportions(S)
    indirect, Mr = _masked_product(P, P, A, rows, degree)
    direct = _align(sp.csr_array(A[rows]), P[rows])
    local = sp.csr_array(((direct + indirect) ** 2, Mr.indices.copy(), Mr.indptr.copy()), shape=Mr.shape)
    return labels, rows, local, degree


def constraint(G, weight: str | None = "weight", nodes=None) -> pd.Series:
    r"""Burt's network constraint of each node.

    .. math::

        c_i = \sum_{j \in N(i)} \Bigl(p_{ij} + \sum_{q} p_{iq}\,p_{qj}\Bigr)^2,
        \qquad p_{ij} = \frac{a_{ij} + a_{ji}}{\sum_{k \in N(i)} (a_{ik} + a_{ki})}

    where :math:`N(i)` are the contacts of i (in either direction) and
    :math:`a_{ij}` the tie weights. High constraint means an actor's contacts
    are tied to each other (a closed network); low constraint means it spans
    structural holes.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Tie weights in the edge attribute ``weight``.
    weight : str or None, default "weight"
        Edge attribute with the weights; ``None`` counts every tie as 1.
    nodes : iterable, optional
        Compute only for these nodes (the whole graph is still used).

    Returns
    -------
    pandas.Series
        Constraint indexed by node, named ``"constraint"``; NaN for isolates
        (constraint is undefined without contacts), as in networkx.

    Raises
    ------
    ValueError
        If ``G`` is empty, a multigraph, has self-loops or negative or
        non-numeric weights, or a requested node is not in ``G``.

    References
    ----------
    Burt, R. S. (1992). Structural Holes: The Social Structure of
    Competition. Harvard University Press, chapter 2.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"),
    ...               ("F", "G"), ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")])
    >>> constraint(G, weight=None)[["G", "A", "C"]].round(3)
    node
    G    0.400
    A    0.595
    C    1.000
    Name: constraint, dtype: float64
    """
    labels, rows, local, degree = _local_constraint_matrix(G, weight, nodes)
    values = np.asarray(local.sum(axis=1)).ravel()
    values[degree[rows] == 0] = np.nan
    return pd.Series(values, index=pd.Index(labels, name="node"), name="constraint")


def local_constraint(G, weight: str | None = "weight", nodes=None) -> pd.Series:
    r"""Burt's local (dyadic) constraint :math:`c_{ij}` for each tie.

    :math:`c_{ij} = (p_{ij} + \sum_q p_{iq} p_{qj})^2`: how much of i's
    constraint comes from contact j. Rows sum to :func:`~regional_clusters.networks.constraint`.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    weight : str or None, default "weight"
    nodes : iterable, optional
        Egos to compute for (default: all).

    Returns
    -------
    pandas.Series
        Indexed by (``node``, ``contact``), named ``"local_constraint"``.

    Raises
    ------
    ValueError
        As :func:`~regional_clusters.networks.constraint`.

    References
    ----------
    Burt, R. S. (1992). Structural Holes. Harvard University Press, chapter 2.

    Examples
    --------
    >>> import networkx as nx
    >>> local_constraint(nx.path_graph(3), weight=None).round(3).tolist()
    [1.0, 0.25, 0.25, 1.0]
    """
    labels, rows, local, degree = _local_constraint_matrix(G, weight, nodes)
    coo = local.tocoo()
    nodelist = list(G)
    idx = pd.MultiIndex.from_arrays(
        [np.asarray(labels, dtype=object)[coo.row], np.asarray(nodelist, dtype=object)[coo.col]],
        names=["node", "contact"],
    )
    return pd.Series(coo.data, index=idx, name="local_constraint")


def effective_size(G, weight: str | None = "weight", nodes=None) -> pd.Series:
    r"""Burt's effective size of each node's network.

    .. math::

        e_i = \sum_{j \in N(i)} \Bigl(1 - \sum_{q \in N(i)} p_{iq}\, m_{jq}\Bigr),
        \qquad m_{jq} = \frac{a_{jq} + a_{qj}}{\max_k (a_{jk} + a_{kj})}

    the number of contacts minus their redundancy. For unweighted undirected
    graphs this equals Borgatti's :math:`n - 2t/n` (n contacts, t ties among
    them).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    weight : str or None, default "weight"
        Edge attribute with the weights; ``None`` counts every tie as 1.
    nodes : iterable, optional
        Compute only for these nodes.

    Returns
    -------
    pandas.Series
        Effective size indexed by node, named ``"effective_size"``; NaN for
        isolates.

    Raises
    ------
    ValueError
        As :func:`~regional_clusters.networks.constraint`.

    References
    ----------
    Burt, R. S. (1992). Structural Holes. Harvard University Press.
    Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
    measures. Connections 20(1), 35-38.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"),
    ...               ("F", "G"), ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")])
    >>> effective_size(G, weight=None)[["G", "A", "C"]].round(2)
    node
    G    4.67
    A    2.50
    C    1.00
    Name: effective_size, dtype: float64
    """
    labels, rows, S, A, degree = _burt_setup(G, weight, nodes)
    P = _proportions(S)
    rowmax = np.zeros(S.shape[0])
    filled = np.diff(S.indptr) > 0
    if S.nnz:
        rowmax[filled] = np.maximum.reduceat(S.data, S.indptr[:-1][filled])
    with np.errstate(divide="ignore"):
        M = _row_scale(S, 1.0 / rowmax)
    AM, Mr = _masked_product(A, M, A, rows, degree)  # (sum_j a_ij m_jq) on q in N(i)
    direct = _align(sp.csr_array(A[rows]), P[rows])
    redundancy = _row_sum(direct * AM, Mr)
    deg = degree[rows].astype(float)
    values = deg - redundancy
    values[deg == 0] = np.nan
    return pd.Series(values, index=pd.Index(labels, name="node"), name="effective_size")


def efficiency(G, weight: str | None = "weight", nodes=None) -> pd.Series:
    """Burt's efficiency: effective size divided by the number of contacts.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    weight : str or None, default "weight"
    nodes : iterable, optional

    Returns
    -------
    pandas.Series
        Values in (0, 1], indexed by node, named ``"efficiency"``; NaN for
        isolates.

    Raises
    ------
    ValueError
        As :func:`~regional_clusters.networks.constraint`.

    References
    ----------
    Burt, R. S. (1992). Structural Holes. Harvard University Press.

    Examples
    --------
    >>> import networkx as nx
    >>> efficiency(nx.star_graph(3), weight=None).tolist()
    [1.0, 1.0, 1.0, 1.0]
    >>> round(float(efficiency(nx.complete_graph(4), weight=None)[0]), 3)
    0.333
    """
    es = effective_size(G, weight=weight, nodes=nodes)
    deg = pd.Series({n: len(set(G.predecessors(n)) | set(G.successors(n))) if G.is_directed() else G.degree(n) for n in es.index})
    with np.errstate(invalid="ignore", divide="ignore"):
        out = es / deg.replace(0, np.nan)
    return out.rename("efficiency")


def hierarchy(G, weight: str | None = "weight", nodes=None) -> pd.Series:
    r"""Burt's hierarchy: how far constraint is concentrated on one contact.

    .. math::

        h_i = \frac{\sum_j r_{ij} \ln r_{ij}}{N_i \ln N_i}, \qquad
        r_{ij} = \frac{c_{ij}}{c_i / N_i}

    with :math:`c_{ij}` the local constraint, :math:`c_i` the constraint and
    :math:`N_i` the number of contacts. 0 when every contact constrains
    equally; near 1 when one contact holds all the constraint.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    weight : str or None, default "weight"
    nodes : iterable, optional

    Returns
    -------
    pandas.Series
        Indexed by node, named ``"hierarchy"``; NaN for nodes with fewer than
        two contacts, where the measure is undefined.

    Raises
    ------
    ValueError
        As :func:`~regional_clusters.networks.constraint`.

    References
    ----------
    Burt, R. S. (1992). Structural Holes. Harvard University Press, p. 71.

    Examples
    --------
    >>> import networkx as nx
    >>> hierarchy(nx.star_graph(3), weight=None).round(3).tolist()
    [0.0, nan, nan, nan]
    """
    labels, rows, local, degree = _local_constraint_matrix(G, weight, nodes)
    n_i = np.diff(local.indptr).astype(float)
    c_i = np.asarray(local.sum(axis=1)).ravel()
    row_of = np.repeat(np.arange(local.shape[0]), np.diff(local.indptr))
    with np.errstate(divide="ignore", invalid="ignore"):
        r = local.data / (c_i[row_of] / n_i[row_of])
        terms = np.where(r > 0, r * np.log(r), 0.0)
        num = np.bincount(row_of, weights=terms, minlength=local.shape[0])
        values = num / (n_i * np.log(n_i))
    values[degree[rows] < 2] = np.nan
    return pd.Series(values, index=pd.Index(labels, name="node"), name="hierarchy")


def burt_battery(G, weight: str | None = "weight", nodes=None) -> pd.DataFrame:
    r"""Burt's four structural-hole measures in one pass.

    Constraint, effective size, efficiency and hierarchy, identical to
    :func:`~regional_clusters.networks.constraint`,
    :func:`~regional_clusters.networks.effective_size`,
    :func:`~regional_clusters.networks.efficiency` and
    :func:`~regional_clusters.networks.hierarchy`, but from a single masked
    sparse product. With :math:`S = A + A^\top` (mutual weights), :math:`s_i`
    its row sums and :math:`\mu_j` its row maxima, both measures need, for
    every tie (i, j), one sum over the middle nodes q:

    .. math::

        \sum_q p_{iq} p_{qj} = \frac{1}{s_i} \sum_q \frac{S_{iq} S_{qj}}{s_q},
        \qquad
        \sum_q p_{iq} m_{jq} = \frac{1}{s_i\,\mu_j} \sum_q S_{iq} S_{qj}

    (the second summed over the ego's contacts j gives the redundancy).
    Both sums share the factor :math:`S_{qj}`, so the product
    :math:`S\,\mathrm{diag}(1/s + \mathrm{i})\,S` in complex arithmetic,
    evaluated only on the ties, delivers them together (real part and
    imaginary part). On the full Horizon 2020 network this is faster than
    python-igraph's ``constraint`` alone (see ``benchmarks/bench_networks.py``).

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or scipy sparse matrix
        A graph, or a ready square weighted adjacency matrix (entry (i, j)
        the weight of the tie i -> j; nodes are then labelled 0..n-1), which
        skips reading the graph.
    weight : str or None, default "weight"
        Edge attribute with the weights; ``None`` counts every tie as 1.
        Ignored for a matrix.
    nodes : iterable, optional
        Egos to compute for (default: all).

    Returns
    -------
    pandas.DataFrame
        Indexed by node: ``degree`` (number of contacts), ``constraint``,
        ``effective_size``, ``efficiency`` and ``hierarchy`` (NaN where the
        single measures give NaN: isolates, and fewer than two contacts for
        hierarchy).

    Raises
    ------
    ValueError
        As :func:`~regional_clusters.networks.constraint`.

    References
    ----------
    Burt, R. S. (1992). Structural Holes. Harvard University Press.
    Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
    measures. Connections 20(1), 35-38.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"),
    ...               ("F", "G"), ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")])
    >>> burt_battery(G, weight=None).loc[["G", "A", "C"], ["constraint", "effective_size"]].round(2)
          constraint  effective_size
    node
    G           0.40            4.67
    A           0.60            2.50
    C           1.00            1.00
    """
    labels, rows, S, A, degree = _burt_setup(G, weight, nodes)
    s = np.asarray(S.sum(axis=1)).ravel()
    rowmax = np.zeros(S.shape[0])
    filled = np.diff(S.indptr) > 0
    if S.nnz:
        rowmax[filled] = np.maximum.reduceat(S.data, S.indptr[:-1][filled])
    with np.errstate(divide="ignore"):
        inv_s = np.where(s > 0, 1.0 / s, 0.0)
        inv_max = np.where(rowmax > 0, 1.0 / rowmax, 0.0)
    # S diag(1/s) S (real part) and S S (imaginary part) in one pass
    middle = (inv_s, np.ones_like(inv_s))
    if nodes is None:
        # both products are symmetric (S is): compute them on the upper triangle of the
        # ties only and mirror; an offset keeps entries that are exactly 0 in the sparse sum
        # each pair is computed once, from the end whose row is cheaper in the product
        # (cost: the summed degrees of its contacts); rows left without pairs are skipped
        cost = A @ degree.astype(np.float64)
        order = np.lexsort((np.arange(len(cost)), cost))
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        coo = A.tocoo()
        first = rank[coo.row] < rank[coo.col]
        n = A.shape[0]
        half_mask = sp.csr_array(sp.coo_array((np.ones(int(first.sum())), (coo.row[first], coo.col[first])),
                                              shape=(n, n)))
        active = np.flatnonzero(np.diff(half_mask.indptr) > 0)
        # half the pattern: more hubs through dense columns and larger blocks pay off
        half, Mu = _masked_product(S, S, half_mask, active, degree, middle=middle,
                                   hub_factor=_HUB_FACTOR_HALF, block_flops=_BLOCK_FLOPS_HALF)
        U = sp.csr_array(sp.coo_array((half + (1 + 1j), (active[_rows_of(Mu)], Mu.indices)), shape=(n, n)))
        Mr = sp.csr_array(U + U.T)
        Mr.sort_indices()
        both = Mr.data - (1 + 1j)
    else:
        both, Mr = _masked_product(S, S, A, rows, degree, middle=middle)
    ego = _rows_of(Mr)
    ego_inv_s = inv_s[rows][ego]
    direct = _align(sp.csr_array(A[rows]), S[rows]) * ego_inv_s  # p_ij
    local = (direct + both.real * ego_inv_s) ** 2
    n_rows = len(rows)
    con = np.bincount(ego, weights=local, minlength=n_rows)
    redundancy = np.bincount(ego, weights=both.imag * ego_inv_s * inv_max[Mr.indices], minlength=n_rows)
    deg = degree[rows].astype(float)
    es = deg - redundancy
    n_i = np.diff(Mr.indptr).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = local / (con[ego] / n_i[ego])
        terms = np.where(r > 0, r * np.log(r), 0.0)
        hier = np.bincount(ego, weights=terms, minlength=n_rows) / (n_i * np.log(n_i))
        eff = es / deg
    isolated = deg == 0
    con[isolated] = np.nan
    es[isolated] = np.nan
    eff[isolated] = np.nan
    hier[deg < 2] = np.nan
    return pd.DataFrame(
        {"degree": deg, "constraint": con, "effective_size": es, "efficiency": eff, "hierarchy": hier},
        index=pd.Index(labels, name="node"),
    )


# --------------------------------------------------------------------------
# Gould and Fernandez


def _brokerage_moments(n: np.ndarray, N: float, d: float):
    """Expected values and variances of the five roles under a Bernoulli graph
    of density ``d`` (formulas of sna::brokerage): by broker group and for the
    whole network."""
    K = len(n)
    q = d * d * (1 - d)
    a3 = d**3 * (1 - d) ** 3
    a4 = d**4 * (1 - d) ** 2
    a5 = d**5 * (1 - d)
    e_grp = np.zeros((K, 6))
    v_grp = np.zeros((K, 6))
    for c in range(K):
        nc = n[c]
        other = np.delete(n, c)
        e_grp[c, 0] = q * (nc - 1) * (nc - 2)
        v_grp[c, 0] = e_grp[c, 0] * (1 - q) + 2 * (nc - 1) * (nc - 2) * (nc - 3) * a3
        e_grp[c, 1] = q * np.sum(other * (other - 1))
        v_grp[c, 1] = e_grp[c, 1] * (1 - q) + 2 * np.sum(other * (other - 1) * (other - 2)) * a3
        e_grp[c, 2] = q * (N - nc) * (nc - 1)
        v_grp[c, 2] = e_grp[c, 2] * (1 - q) + 2 * (
            (nc - 1) * comb(int(N - nc), 2) + (N - nc) * comb(int(max(nc - 1, 0)), 2)
        ) * a3
        e_grp[c, 3], v_grp[c, 3] = e_grp[c, 2], v_grp[c, 2]
        e_grp[c, 4] = q * (np.sum(np.outer(other, other)) - np.sum(other**2))
        pairs = np.array([comb(int(max(N - x - nc, 0)), 2) for x in other], dtype=float)
        v_grp[c, 4] = e_grp[c, 4] * (1 - q) + 4 * np.sum(other * pairs) * a3
        e_grp[c, 5] = q * (N - 1) * (N - 2)
        v_grp[c, 5] = e_grp[c, 5] * (1 - q) + 2 * (N - 1) * (N - 2) * (N - 3) * a3
    e_net = np.zeros(6)
    v_net = np.zeros(6)
    e_net[0] = q * np.sum(n * (n - 1) * (n - 2))
    v_net[0] = e_net[0] * (1 - q) + np.sum(n * (n - 1) * (n - 2) * ((4 * n - 10) * a3 - 4 * (n - 3) * a4 + (n - 3) * a5))
    e_net[1] = q * np.sum(n * (N - n) * (n - 1))
    X, Y = np.meshgrid(n, n, indexing="ij")
    v_net[1] = (
        e_net[1] * (1 - q)
        + np.sum(X * Y * (X - 1) * ((2 * X + 2 * Y - 6) * a3 + (N - X - 1) * a5))
        - np.sum(n * n * (n - 1) * ((4 * n - 6) * a3 + (N - n - 1) * a5))
    )
    e_net[2] = q * np.sum(n * (N - n) * (n - 1))
    v_net[2] = e_net[2] * (1 - q) + np.sum(n * (N - n) * (n - 1) * ((N - 3) * a3 + (n - 2) * a5))
    e_net[3], v_net[3] = e_net[2], v_net[2]
    e_net[4] = q * (np.sum(X * Y * (N - X - Y)) - np.sum(n * n * (N - 2 * n)))
    v5 = e_net[4] * (1 - q)
    for i in range(K):
        for j in range(K):
            for k in range(K):
                if i != j and j != k and i != k:
                    v5 += n[i] * n[j] * n[k] * (
                        (4 * (N - n[j]) - 2 * (n[i] + n[k] + 1)) * a3
                        - (4 * (N - n[k]) - 2 * (n[i] + n[j] + 1)) * a4
                        + (N - (n[i] + n[k] + 1)) * a5
                    )
    v_net[4] = v5
    e_net[5] = q * N * (N - 1) * (N - 2)
    v_net[5] = e_net[5] * (1 - q) + N * (N - 1) * (N - 2) * ((4 * N - 10) * a3 - 4 * (N - 3) * a4 + (N - 3) * a5)
    return e_grp, v_grp, e_net, v_net


def _raw_roles(A: sp.csr_array, codes: np.ndarray, K: int) -> np.ndarray:
    """Open two-paths through each node by role (n x 6, the order of ROLES).

    ``A`` is the binary arc matrix (i -> j), ``codes`` the group code of each
    node."""
    nN = A.shape[0]
    Gm = sp.csr_array(sp.coo_array((np.ones(nN), (np.arange(nN), codes)), shape=(nN, K)))
    indeg = (A.T @ Gm).toarray()  # in-neighbours of v by group
    outdeg = (A @ Gm).toarray()
    mutual = (sp.csr_array(A.multiply(A.T)) @ Gm).toarray()
    open_paths = indeg[:, :, None] * outdeg[:, None, :]
    idx = np.arange(K)
    open_paths[:, idx, idx] -= mutual
    AT = sp.csr_array(A.T)
    for a in range(K):
        Da = sp.csr_array(sp.diags_array((codes == a).astype(float)) @ A)
        Ta = sp.csr_array(sp.csr_array(AT @ Da).multiply(A))
        open_paths[:, a, :] -= (Ta @ Gm).toarray()
    raw = np.zeros((nN, 6))
    c = codes
    diag = open_paths[:, idx, idx]  # (n, K): same source and target group
    total = open_paths.sum(axis=(1, 2))
    raw[:, 0] = diag[np.arange(nN), c]
    raw[:, 1] = diag.sum(axis=1) - raw[:, 0]
    raw[:, 2] = open_paths[np.arange(nN), c, :].sum(axis=1) - raw[:, 0]
    raw[:, 3] = open_paths[np.arange(nN), :, c].sum(axis=1) - raw[:, 0]
    raw[:, 4] = total - raw[:, :4].sum(axis=1)
    raw[:, 5] = total
    return raw


#: Roles reported for an undirected graph: representative and gatekeeper are
#: one role there (the same open two-path read in its two directions).
ROLES_UNDIRECTED = ["coordinator", "itinerant", "representative/gatekeeper", "liaison", "total"]


def _group_level(raw, draws, codes, uniques, undirected) -> pd.DataFrame:
    """Group totals of each role against their degree-preserving null."""
    from .nulls import permutation_p

    K = len(uniques)
    onehot = np.eye(K)[codes]  # n x K
    obs = onehot.T @ raw  # K x 6
    sims = np.einsum("nk,bnr->bkr", onehot, draws)  # B x K x 6
    if undirected:
        obs, sims = _combine_undirected(obs), _combine_undirected(sims)
    roles = ROLES_UNDIRECTED if undirected else ROLES
    rows = []
    for k, g in enumerate(uniques):
        for r, role in enumerate(roles):
            s = sims[:, k, r]
            expected = float(s.mean())
            sd = float(s.std(ddof=1)) if len(s) > 1 else np.nan
            rows.append({"group": g, "role": role, "observed": float(obs[k, r]), "expected": expected, "sd": sd,
                         "z": (obs[k, r] - expected) / sd if sd and sd > 0 else np.nan,
                         "ratio": obs[k, r] / expected if expected > 0 else np.nan,
                         "p_value": permutation_p(obs[k, r], s, "two-sided"), "n_draws": len(s),
                         "null": "degree-preserving rewiring"})
    out = pd.DataFrame(rows).set_index(["group", "role"])
    out.attrs["null"] = "degree"
    return out


def _combine_undirected(values: np.ndarray, *, variance: bool = False) -> np.ndarray:
    """Merge the representative and gatekeeper columns of an undirected graph.

    The two counts are identical there, so the combined count is their sum
    and its variance four times either variance."""
    merged = values[..., 2] + values[..., 3] if not variance else 4 * values[..., 2]
    return np.stack([values[..., 0], values[..., 1], merged, values[..., 4], values[..., 5]], axis=-1)


def brokerage(
    G,
    group: str = "group",
    *,
    level: str = "node",
    null: str = "density",
    n: int = 199,
    seed=None,
) -> pd.DataFrame:
    r"""Gould and Fernandez's brokerage roles with expected values and z-scores.

    Node v brokers the ordered pair (i, j) when i -> v -> j and there is no
    tie i -> j. With actor groups, the two-path is one of five roles (group
    of i, v, j): coordinator A-A-A, itinerant broker A-B-A, representative
    A-A-B, gatekeeper A-B-B, liaison A-B-C.

    Two baselines are available. ``null="density"`` is the random
    (Bernoulli) graph of the same density :math:`d = m / (N(N-1))` and the
    same group sizes, with the formulas of ``sna::brokerage`` in R: every
    node of a group gets the same expectation, so its z-score grows roughly
    with the square of its degree and mostly measures degree.
    ``null="degree"`` conditions on degree: expected counts and standard
    deviations come from ``n`` degree-preserving rewirings of ``G``
    (:func:`~regional_clusters.networks.rewire_null`; every node keeps its
    degree, in- and out-degree when directed, and its group), so z says
    whether a node brokers more than nodes with its number of contacts
    would in a random arrangement of the same ties. Either way the table
    also gives the degree-free ``share`` of each role: raw count divided by
    the node's ordered pairs of distinct contacts (``d (d - 1)`` for an
    undirected graph), the share of its contact pairs it brokers in that
    role.

    An undirected graph is read as a directed graph with ties in both
    directions. Each unordered two-path is then counted twice, once per
    direction, and representative and gatekeeper coincide: they are
    reported as one role, ``"representative/gatekeeper"`` (their sum), see
    :data:`~regional_clusters.networks.ROLES_UNDIRECTED`.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Every node needs the attribute ``group``; weights are ignored.
    group : str, default "group"
        Node attribute with the group.
    level : {"node", "network", "group"}, default "node"
        ``"node"``: per broker; ``"network"``: totals over all brokers;
        ``"group"`` (only with ``null="degree"``): totals over the brokers of
        each group, with columns ``observed``, ``expected``, ``sd``, ``z``,
        ``ratio``, ``p_value`` ((k + 1) / (B + 1), two-sided), ``n_draws``
        and ``null``, indexed by (group, role).
    null : {"density", "degree"}, default "density"
        Baseline of ``expected``, ``sd`` and ``z`` (see above).
    n : int, default 199
        Rewirings for ``null="degree"``.
    seed : int or numpy.random.Generator, optional
        Seed of the rewirings.

    Returns
    -------
    pandas.DataFrame
        For ``level="node"``: indexed by node, columns a MultiIndex
        (measure, role) with measures ``raw``, ``expected``, ``sd``, ``z``,
        ``share`` and roles :data:`~regional_clusters.networks.ROLES` (directed) or
        :data:`~regional_clusters.networks.ROLES_UNDIRECTED` (undirected), plus ``("group", "")`` and
        ``("degree", "")`` (number of distinct contacts).
        For ``level="network"``: indexed by role, columns ``raw``,
        ``expected``, ``sd``, ``z``. z is NaN where the standard deviation is
        0 (for instance the coordinator role in a group of one or two).
        ``attrs["null"]`` names the baseline.

    Raises
    ------
    ValueError
        If ``G`` is empty, has self-loops, is a multigraph, or a node lacks
        the group attribute; or ``level`` or ``null`` is unknown.

    References
    ----------
    Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a
    formal approach to brokerage in transaction networks. Sociological
    Methodology 19, 89-126.
    Butts, C. T. sna: Tools for Social Network Analysis (R package),
    function ``brokerage``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "v"), ("v", "b")])
    >>> nx.set_node_attributes(G, {"a": "x", "v": "y", "b": "z"}, "group")
    >>> brokerage(G)["raw"].loc["v"].tolist()
    [0.0, 0.0, 0.0, 0.0, 1.0, 1.0]
    >>> U = nx.Graph([("a", "v"), ("v", "b")])
    >>> nx.set_node_attributes(U, {"a": "x", "v": "x", "b": "z"}, "group")
    >>> brokerage(U)["raw"].loc["v"].tolist()  # one open path, read both ways
    [0.0, 0.0, 2.0, 0.0, 2.0]
    """
    if level not in ("node", "network", "group"):
        raise ValueError(f"level must be 'node', 'network' or 'group', got {level!r}")
    if null not in ("density", "degree"):
        raise ValueError(f"null must be 'density' or 'degree', got {null!r}")
    if level == "group" and null != "degree":
        raise ValueError("level='group' needs null='degree' (group totals have no closed-form density null)")
    check_graph(G, group=group, weight=None)
    nodelist = list(G)
    nN = len(nodelist)
    A = nx_to_arcs(G, nodelist)
    groups = pd.Series([G.nodes[v][group] for v in nodelist], index=nodelist)
    codes, uniques = pd.factorize(groups, sort=True)
    K = len(uniques)
    raw = _raw_roles(A, codes, K)
    undirected = not G.is_directed()
    roles = ROLES_UNDIRECTED if undirected else ROLES
    if null == "degree":
        from .nulls import _rewired_arcs

        draws = np.stack([_raw_roles(B, codes, K) for B in _rewired_arcs(G, nodelist, n=n, seed=seed)])
        if level == "group":
            return _group_level(raw, draws, codes, uniques, undirected)
        if level == "network":
            draws = draws.sum(axis=1)[:, None, :]
        exp = draws.mean(axis=0)
        var = draws.var(axis=0, ddof=1) if len(draws) > 1 else np.full_like(exp, np.nan)
        if undirected:
            draws_c = _combine_undirected(draws)
            exp, var = draws_c.mean(axis=0), draws_c.var(axis=0, ddof=1) if len(draws) > 1 else np.nan
        e_node, v_node = exp, var
        e_net, v_net = (exp[0], var[0]) if level == "network" else (None, None)
    else:
        m = A.nnz
        d = m / (nN * (nN - 1)) if nN > 1 else 0.0
        sizes = np.bincount(codes, minlength=K).astype(float)
        e_grp, v_grp, e_net, v_net = _brokerage_moments(sizes, float(nN), d)
        e_node, v_node = e_grp[codes], v_grp[codes]
        if undirected:
            e_node, v_node = _combine_undirected(e_node), _combine_undirected(v_node, variance=True)
            e_net, v_net = _combine_undirected(e_net), _combine_undirected(v_net, variance=True)
    if undirected:
        raw = _combine_undirected(raw)
    if level == "network":
        obs = raw.sum(axis=0)
        sd = np.sqrt(v_net)
        with np.errstate(divide="ignore", invalid="ignore"):
            z = np.where(sd > 0, (obs - e_net) / sd, np.nan)
        out = pd.DataFrame({"raw": obs, "expected": e_net, "sd": sd, "z": z}, index=pd.Index(roles, name="role"))
        out.attrs["null"] = null
        return out
    sd = np.sqrt(v_node)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd > 0, (raw - e_node) / sd, np.nan)
    contacts = np.diff(sp.csr_array(((A + A.T) > 0).astype(float)).indptr).astype(float)
    indeg = np.diff(sp.csr_array(A.T).indptr).astype(float)
    outdeg = np.diff(A.indptr).astype(float)
    mutual = np.asarray(sp.csr_array(A.multiply(A.T)).sum(axis=1)).ravel()
    pairs = indeg * outdeg - mutual  # ordered pairs (i, j), i != j, with i -> v -> j
    with np.errstate(divide="ignore", invalid="ignore"):
        share = raw / pairs[:, None]
    share[pairs == 0] = np.nan
    index = pd.Index(nodelist, name="node")
    parts = {
        name: pd.DataFrame(values, index=index, columns=roles)
        for name, values in (("raw", raw), ("expected", e_node), ("sd", sd), ("z", z), ("share", share))
    }
    out = pd.concat(parts, axis=1, names=["measure", "role"])
    out[("group", "")] = groups.to_numpy()
    out[("degree", "")] = contacts
    out.attrs["null"] = null
    return out


def nx_to_arcs(G, nodelist) -> sp.csr_array:
    """Binary arc matrix (ties in both directions for undirected graphs)."""
    _, rows, cols, _ = edge_arrays(G, None, nodelist=nodelist)
    n = len(nodelist)
    A = sp.csr_array(sp.coo_array((np.ones(len(rows)), (rows, cols)), shape=(n, n)))
    A.data[:] = 1.0
    return A


# --------------------------------------------------------------------------
# Krackhardt and Stern


def ei_index(
    G,
    group: str = "group",
    *,
    weight: str | None = None,
    level: str = "network",
    n_permutations: int = 1000,
    seed=None,
):
    r"""Krackhardt and Stern's E-I index, with a permutation test.

    .. math:: EI = \frac{E - I}{E + I}

    E counts ties between groups (external), I ties within groups (internal);
    -1 means all ties stay within groups, +1 all cross group lines.

    Parameters
    ----------
    G : networkx.Graph
        Undirected; every node needs ``group``.
    group : str, default "group"
    weight : str or None, default None
        If given, E and I sum this edge attribute instead of counting ties.
    level : {"network", "group", "node"}, default "network"
        Whole network (with the permutation test), per group (ties of the
        group's members) or per node.
    n_permutations : int, default 1000
        Random reassignments of group labels to nodes (group sizes kept) for
        the network-level test; 0 skips the test.
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.Series or pandas.DataFrame
        ``level="network"``: Series with ``E``, ``I``, ``ei``, ``expected``
        (mean over permutations), ``sd`` and ``p_value`` (two-sided: share
        of permutations at least as far from the expected value, counting
        the observed network as one of them: (k + 1) / (B + 1)).
        ``"group"`` / ``"node"``: DataFrame with columns ``E``, ``I``, ``ei``.

    Raises
    ------
    ValueError
        If ``G`` is directed, empty, has no edges, or a node lacks ``group``.

    References
    ----------
    Krackhardt, D. and Stern, R. N. (1988). Informal networks and
    organizational crises: an experimental simulation. Social Psychology
    Quarterly 51(2), 123-140.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (2, 3), (3, 4)])
    >>> nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b", 4: "b"}, "group")
    >>> float(ei_index(G, n_permutations=0)["ei"])  # E=1, I=2
    -0.3333333333333333
    """
    if level not in ("network", "group", "node"):
        raise ValueError(f"level must be 'network', 'group' or 'node', got {level!r}")
    check_graph(G, directed=False, group=group, weight=weight)
    if G.number_of_edges() == 0:
        raise ValueError("G has no edges; the E-I index needs ties")
    nodelist = list(G)
    index = {n: i for i, n in enumerate(nodelist)}
    u = np.fromiter((index[a] for a, _ in G.edges()), dtype=np.int64, count=G.number_of_edges())
    v = np.fromiter((index[b] for _, b in G.edges()), dtype=np.int64, count=G.number_of_edges())
    w = (
        np.ones(len(u))
        if weight is None
        else np.fromiter((x for _, _, x in G.edges(data=weight, default=1)), dtype=float, count=len(u))
    )
    labels = pd.Series([G.nodes[n][group] for n in nodelist], index=nodelist)
    codes, uniques = pd.factorize(labels, sort=True)
    external = codes[u] != codes[v]
    if level == "node":
        E = np.bincount(u, weights=w * external, minlength=len(nodelist)) + np.bincount(
            v, weights=w * external, minlength=len(nodelist)
        )
        T = np.bincount(u, weights=w, minlength=len(nodelist)) + np.bincount(v, weights=w, minlength=len(nodelist))
        I = T - E
        with np.errstate(invalid="ignore", divide="ignore"):
            ei = (E - I) / T
        return pd.DataFrame({"E": E, "I": I, "ei": ei}, index=pd.Index(nodelist, name="node"))
    if level == "group":
        rows = []
        for k, name in enumerate(uniques):
            touch = (codes[u] == k) | (codes[v] == k)
            E = float(np.sum(w[touch & external]))
            I = float(np.sum(w[touch & ~external]))
            rows.append((name, E, I, (E - I) / (E + I) if E + I > 0 else np.nan))
        out = pd.DataFrame(rows, columns=[group, "E", "I", "ei"]).set_index(group)
        return out
    E = float(np.sum(w[external]))
    I = float(np.sum(w[~external]))
    ei = (E - I) / (E + I)
    result = {"E": E, "I": I, "ei": ei, "expected": np.nan, "sd": np.nan, "p_value": np.nan}
    if n_permutations:
        check_n_permutations(n_permutations)
        rng = as_generator(seed)
        total = float(np.sum(w))
        sims = np.empty(int(n_permutations))
        for b in range(int(n_permutations)):
            pc = rng.permutation(codes)
            Eb = float(np.sum(w[pc[u] != pc[v]]))
            sims[b] = (2 * Eb - total) / total
        result["expected"] = float(sims.mean())
        result["sd"] = float(sims.std(ddof=1)) if len(sims) > 1 else np.nan
        result["p_value"] = permutation_p(ei, sims, "two-sided")
    return pd.Series(result, name="ei_index")


def pair_brokerage(G, focus="Economic actors", *, group: str = "group") -> pd.DataFrame:
    r"""How many unconnected pairs of focus actors each node links.

    For node v with :math:`f_v` contacts in the focus groups (for example
    firms), of which :math:`t_v` pairs are tied to each other, v is the
    middle of :math:`f_v (f_v - 1)/2 - t_v` open two-paths between focus
    actors: the undirected count behind Gould and Fernandez's coordinator
    role (when v is itself a focus actor) and itinerant role (when it is
    not), restricted to pairs of focus actors. Computed with sparse matrix
    products.

    Parameters
    ----------
    G : networkx.Graph
        Undirected, with node attribute ``group``.
    focus : str or list of str, default "Economic actors"
    group : str, default "group"

    Returns
    -------
    pandas.DataFrame
        Indexed by node: ``group``, ``focus_contacts`` and
        ``brokered_pairs``.

    Raises
    ------
    ValueError
        If ``G`` is directed, empty, has self-loops or a node lacks
        ``group``.

    References
    ----------
    Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation.
    Sociological Methodology 19, 89-126.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("f1", "u"), ("f2", "u"), ("f3", "u"), ("f1", "f2")])
    >>> nx.set_node_attributes(G, {"f1": "firm", "f2": "firm", "f3": "firm", "u": "uni"}, "group")
    >>> float(pair_brokerage(G, "firm").loc["u", "brokered_pairs"])
    2.0
    """
    check_graph(G, directed=False, group=group, weight=None)
    nodelist, _, A = adjacency(G, None)
    keep = {focus} if isinstance(focus, str) else set(focus)
    labels = [G.nodes[v][group] for v in nodelist]
    f = np.array([g in keep for g in labels], dtype=float)
    AF = sp.csr_array(A @ sp.diags_array(f))  # ties to focus actors
    f_v = np.asarray(AF.sum(axis=1)).ravel()
    closed = np.asarray(sp.csr_array((AF @ AF.T).multiply(AF)).sum(axis=1)).ravel()
    # closed[v] = sum over focus contacts j of (focus contacts of v tied to j) = 2 t_v
    brokered = f_v * (f_v - 1) / 2 - closed / 2
    return pd.DataFrame(
        {"group": labels, "focus_contacts": f_v, "brokered_pairs": brokered}, index=pd.Index(nodelist, name="node")
    )


# --------------------------------------------------------------------------
# summaries that separate position from size


def group_summary(values: pd.Series, groups: pd.Series, quantiles=(0.25, 0.5, 0.75)) -> pd.DataFrame:
    """Mean next to median and quantiles of a node measure, by group.

    A mean over nodes is dominated by a few hubs when the measure grows with
    degree (brokerage counts, z-scores against a density null); the median
    and the quartiles say what the typical member of a group does.

    Parameters
    ----------
    values : pandas.Series
        A node measure indexed by node (NaN values are left out).
    groups : pandas.Series
        Group of each node, same index.
    quantiles : sequence of float, default (0.25, 0.5, 0.75)

    Returns
    -------
    pandas.DataFrame
        Indexed by group: ``n``, ``mean``, one column per quantile (``q25``,
        ``median``, ``q75`` for the default).

    Raises
    ------
    ValueError
        If the indexes differ or a quantile is outside [0, 1].

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.Series([1, 2, 3, 100], index=list("abcd"))
    >>> g = pd.Series(["x", "x", "x", "x"], index=list("abcd"))
    >>> group_summary(v, g)[["n", "mean", "median"]]
       n  mean  median
    x  4  26.5     2.5
    """
    if not values.index.equals(groups.index) and not set(values.index) == set(groups.index):
        raise ValueError("values and groups must have the same index (nodes)")
    qs = [float(q) for q in quantiles]
    if any(not 0 <= q <= 1 for q in qs):
        raise ValueError(f"quantiles must be in [0, 1], got {quantiles}")
    data = pd.DataFrame({"value": values, "group": groups.reindex(values.index)}).dropna()
    grouped = data.groupby("group", sort=True)["value"]
    out = pd.DataFrame({"n": grouped.size(), "mean": grouped.mean()})
    for q in qs:
        name = "median" if q == 0.5 else f"q{round(100 * q):02d}"
        out[name] = grouped.quantile(q)
    out.index.name = None
    return out


def constraint_on_degree(G, group: str = "group", *, weight: str | None = "weight", reference=None) -> pd.DataFrame:
    r"""Does an actor group span more structural holes than its degree explains?

    Burt's constraint falls almost mechanically with the number of
    contacts, so a raw difference between groups mostly repeats their
    difference in degree. This fits, by ordinary least squares over the
    nodes with at least two contacts,

    .. math:: \ln c_i = \alpha + \beta \ln d_i + \sum_g \gamma_g [g_i = g] + \varepsilon_i

    and reports the group differences :math:`\gamma_g` at equal degree next
    to the raw differences of median log constraint.

    Parameters
    ----------
    G : networkx.Graph
        Undirected, node attribute ``group``.
    group : str, default "group"
    weight : str or None, default "weight"
        Passed to :func:`~regional_clusters.networks.constraint`.
    reference : str, optional
        Reference group (default: the largest group).

    Returns
    -------
    pandas.DataFrame
        Indexed by term (``log degree`` and one row per non-reference group):
        ``coef``, ``se`` (HC1), ``ci_low``, ``ci_high``, and for the groups
        ``raw_gap`` (difference of median log constraint to the reference,
        degree not held fixed). ``attrs["spec"]`` holds the specification
        line; ``attrs["n"]`` the number of nodes. Nodes of one network are
        not independent, so read the intervals as descriptive.

    Raises
    ------
    ValueError
        If ``G`` is directed, a node lacks ``group``, ``reference`` is not a
        group, or fewer than two groups have nodes with two contacts.

    References
    ----------
    Burt, R. S. (1992). Structural Holes. Harvard University Press.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barabasi_albert_graph(200, 3, seed=1)
    >>> nx.set_node_attributes(G, {v: "ab"[v % 2] for v in G}, "group")
    >>> res = constraint_on_degree(G, weight=None)
    >>> bool(res.loc["log degree", "coef"] < 0)
    True
    """
    import statsmodels.api as sm

    check_graph(G, directed=False, group=group, weight=weight)
    c = constraint(G, weight=weight)
    deg = pd.Series(dict(G.degree()))
    g = pd.Series(nx_group(G, group))
    data = pd.DataFrame({"logc": np.log(c), "logd": np.log(deg.reindex(c.index)), "group": g.reindex(c.index)})
    data = data[deg.reindex(c.index) >= 2].dropna()
    counts = data["group"].value_counts()
    if len(counts) < 2:
        raise ValueError("fewer than two groups have nodes with at least two contacts")
    ref = counts.index[0] if reference is None else reference
    if ref not in counts.index:
        raise ValueError(f"reference {ref!r} is not a group with nodes of two or more contacts: {sorted(counts.index)}")
    others = [x for x in sorted(counts.index) if x != ref]
    X = pd.DataFrame({"log degree": data["logd"]})
    for x in others:
        X[x] = (data["group"] == x).astype(float)
    fit = sm.OLS(data["logc"], sm.add_constant(X)).fit(cov_type="HC1")
    ci = fit.conf_int()
    out = pd.DataFrame({"coef": fit.params, "se": fit.bse, "ci_low": ci[0], "ci_high": ci[1]}).drop(index="const")
    med = data.groupby("group")["logc"].median()
    out["raw_gap"] = [np.nan] + [float(med[x] - med[ref]) for x in others]
    out.index.name = "term"
    out.attrs["n"] = int(len(data))
    out.attrs["reference"] = ref
    out.attrs["spec"] = (f"OLS, log constraint on log degree and actor group (reference: {ref}); HC1 errors, "
                         f"descriptive (nodes of one network are not independent); {len(data):,} nodes with "
                         f"at least two contacts")
    return out


def nx_group(G, group: str) -> dict:
    """Node -> group mapping (checked by the caller)."""
    return {v: d[group] for v, d in G.nodes(data=True)}


def holes_and_coordination(participations: pd.DataFrame, fields, *, early=(2014, 2016), late=(2017, 2020),
                           min_degree: int = 2) -> tuple[pd.DataFrame, pd.DataFrame]:
    r"""Do organisations that span structural holes later lead more projects?

    Burt's claim is that brokers are better placed to pick up ideas and
    carry them through. With project data a lagged version can be tested:
    the constraint of each organisation in the co-participation network of
    projects that started in ``early`` (all countries, the given fields)
    against the number of projects it coordinates among those starting in
    ``late``, by Poisson pseudo-maximum likelihood (pyfixest) with

    .. math::

        E[\text{coord}^{late}_i] = \exp(\beta_1 \ln c_i + \beta_2 \ln d_i
            + \beta_3 \ln n^{early}_i + \beta_4 [\text{coord}^{early}_i > 0]
            + \alpha_{country} + \alpha_{group})

    where :math:`d_i` is the number of partners and :math:`n^{early}_i` the
    number of early projects, so that :math:`\beta_1` compares organisations
    with the same number of partners and the same earlier activity and
    leadership. Errors are clustered by country.

    Parameters
    ----------
    participations : pandas.DataFrame
        As from :func:`regional_clusters.data.load_h2020` (needs ``role``,
        ``start_year``, ``field``, ``country``).
    fields : str or list of str
        Programme parts.
    early, late : tuple of int
        Inclusive start-year ranges of the two periods.
    min_degree : int, default 2
        Smallest number of early partners (constraint needs at least one;
        with one it is always 1).

    Returns
    -------
    data : pandas.DataFrame
        One row per organisation: ``constraint``, ``degree``, ``early_projects``,
        ``early_coordinated``, ``late_coordinated``, ``country``, ``group``.
    fit : pandas.DataFrame
        Indexed by term: ``coef``, ``se``, ``ci_low``, ``ci_high``,
        ``p_value``; ``attrs["spec"]`` holds the specification line.

    Raises
    ------
    ValueError
        If the periods overlap or the early network has too few
        organisations.

    References
    ----------
    Burt, R. S. (2004). Structural holes and good ideas. American Journal of
    Sociology 110(2), 349-399.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> rows = []
    >>> for p in range(200):
    ...     members = rng.choice(60, size=4, replace=False)
    ...     for k, o in enumerate(members):
    ...         rows.append({"project_id": p, "org_id": int(o), "role": "coordinator" if k == 0 else "participant",
    ...                      "actor_group": "x", "org_type": "PRC", "country": "ABC"[o % 3],
    ...                      "field": "F", "start_year": 2014 + p % 7})
    >>> data, fit = holes_and_coordination(pd.DataFrame(rows), "F")
    >>> list(fit.index)
    ['log_constraint', 'log_degree', 'log_early_projects', 'coordinated_before']
    >>> int(data["late_coordinated"].sum()) <= 200
    True
    """
    import pyfixest as pf

    from .build import coparticipation_network

    if early[1] >= late[0]:
        raise ValueError(f"the periods overlap: early={early}, late={late}")
    G = coparticipation_network(participations, fields=fields, years=early)
    # position is measured in the whole early network; a subgraph would leave some of the kept
    # organisations with fewer partners than the threshold, or none (log 0)
    keep = [v for v in G if G.degree(v) >= int(min_degree)]
    if len(keep) < 20:
        raise ValueError(f"only {len(keep)} organisations with {min_degree}+ early partners")
    field_list = [fields] if isinstance(fields, str) else list(fields)
    rows = participations[participations["field"].isin(field_list)]
    coord = rows["role"].astype(str) == "coordinator"
    in_late = rows["start_year"].between(*late)
    in_early = rows["start_year"].between(*early)
    late_coord = rows[in_late & coord].groupby("org_id").size()
    early_coord = rows[in_early & coord].groupby("org_id").size()
    data = pd.DataFrame({
        "constraint": constraint(G, nodes=keep),
        "degree": pd.Series(dict(G.degree(keep)), dtype=float),
        "early_projects": pd.Series({v: G.nodes[v]["projects"] for v in keep}, dtype=float),
        "country": pd.Series({v: G.nodes[v]["country"] for v in keep}),
        "group": pd.Series({v: G.nodes[v]["group"] for v in keep}),
    })
    data["early_coordinated"] = early_coord.reindex(data.index).fillna(0).astype(float)
    data["late_coordinated"] = late_coord.reindex(data.index).fillna(0).astype(float)
    model = data.assign(log_constraint=np.log(data["constraint"]), log_degree=np.log(data["degree"]),
                        log_early_projects=np.log(data["early_projects"]),
                        coordinated_before=(data["early_coordinated"] > 0).astype(float))
    import warnings

    with warnings.catch_warnings():
        # singleton and separated observations that pyfixest drops are counted in the specification
        warnings.simplefilter("ignore", UserWarning)
        fit = pf.fepois("late_coordinated ~ log_constraint + log_degree + log_early_projects + coordinated_before"
                        " | country + group", data=model, vcov={"CRV1": "country"})
    tidy = fit.tidy()
    out = pd.DataFrame({"coef": tidy["Estimate"].to_numpy(), "se": tidy["Std. Error"].to_numpy(),
                        "ci_low": tidy["2.5%"].to_numpy(), "ci_high": tidy["97.5%"].to_numpy(),
                        "p_value": tidy["Pr(>|t|)"].to_numpy()}, index=pd.Index(tidy.index, name="term"))
    out.attrs["spec"] = (f"PPML, projects coordinated {late[0]}-{late[1]}; country and actor-group fixed effects; "
                         f"errors clustered by country; {int(fit._N):,} organisations with {min_degree}+ partners "
                         f"in projects of {', '.join(field_list)} started {early[0]}-{early[1]}"
                         + (f" ({len(model) - int(fit._N):,} without variation given the fixed effects dropped)"
                            if len(model) > int(fit._N) else ""))
    return data, out
