"""Null models for networks: what a statistic would be if only sizes mattered.

A network statistic means something only against what the same statistic
would be in networks that keep what the data force. Two nulls cover the
networks of this book:

- :func:`~regional_clusters.networks.bipartite_null` for two-mode
  participation data (organisations x projects). Co-participation networks
  are one-mode projections, so every project of k members becomes a clique of
  k(k-1)/2 ties; cliques, closure, modularity and tie-type shares then come
  partly from the projection itself. The null reshuffles organisations across
  projects keeping every organisation's number of projects and every
  project's number of members exactly (the bipartite configuration model),
  sampled with the global curveball algorithm of Carstens, Berger and Strona
  (2018), vectorised over all trades of a step.
- :func:`~regional_clusters.networks.rewire_null` for one-mode graphs:
  degree-preserving rewiring by edge swaps (python-igraph's ``rewire``),
  keeping each node's degree (in- and out-degree for directed graphs).

:func:`~regional_clusters.networks.null_comparison` compares any statistic
with its distribution under a null and returns observed, expected, standard
deviation, z, ratio and the permutation p-value; :func:`~regional_clusters.networks.null_table`
renders the result as the book's observed-vs-expected table. One p-value
convention holds in the whole package (:func:`~regional_clusters.networks.permutation_p`):
with B null draws of which k are at least as extreme as the observed value,
p = (k + 1) / (B + 1), so no permutation test ever returns p = 0.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._checks import as_generator
from ._validate import check_graph

__all__ = [
    "Incidence",
    "incidence",
    "bipartite_null",
    "rewire_null",
    "permutation_p",
    "format_p",
    "null_comparison",
    "null_table",
    "projection_statistics",
    "coparticipation_null",
    "PROJECTION_STATISTICS",
]

_CACHE: dict = {}
_CACHE_LIMIT = 64


# --------------------------------------------------------------------------
# p-values


def permutation_p(observed, simulated, alternative: str = "two-sided", *, center=None) -> float:
    r"""Permutation p-value :math:`(k + 1) / (B + 1)`.

    The observed data count as one of the B + 1 equally likely
    arrangements under the null, so the smallest possible p is 1 / (B + 1)
    and a test never reports p = 0 (Phipson and Smyth 2010).

    Parameters
    ----------
    observed : float
        The statistic on the observed data.
    simulated : array-like of float
        The statistic on B draws from the null.
    alternative : {"two-sided", "greater", "less"}, default "two-sided"
        ``"greater"``: k counts draws >= observed; ``"less"``: draws <=
        observed; ``"two-sided"``: draws at least as far from ``center`` as
        the observed value.
    center : float, optional
        Centre of the two-sided test; default the mean of the draws.

    Returns
    -------
    float
        The p-value in [1 / (B + 1), 1].

    Raises
    ------
    ValueError
        If there are no draws, a draw or the observed value is NaN, or
        ``alternative`` is unknown.

    References
    ----------
    Phipson, B. and Smyth, G. K. (2010). Permutation p-values should never be
    zero. Statistical Applications in Genetics and Molecular Biology 9(1),
    article 39.

    Examples
    --------
    >>> permutation_p(5.0, [1, 2, 3, 6], alternative="greater")  # k = 1, B = 4
    0.4
    >>> permutation_p(10.0, [1, 2, 3, 4], alternative="greater")
    0.2
    """
    if alternative not in ("two-sided", "greater", "less"):
        raise ValueError(f"alternative must be 'two-sided', 'greater' or 'less', got {alternative!r}")
    sims = np.asarray(simulated, dtype=float).ravel()
    if sims.size == 0:
        raise ValueError("simulated is empty; a permutation p-value needs at least one null draw")
    obs = float(observed)
    if np.isnan(sims).any() or np.isnan(obs):
        raise ValueError("observed or simulated contains NaN; the statistic is undefined on some draw")
    # a tolerance so that ties with the observed value count as 'as extreme'
    tol = 1e-12 * max(1.0, abs(obs))
    if alternative == "greater":
        k = int(np.sum(sims >= obs - tol))
    elif alternative == "less":
        k = int(np.sum(sims <= obs + tol))
    else:
        c = float(np.mean(sims)) if center is None else float(center)
        k = int(np.sum(np.abs(sims - c) >= abs(obs - c) - tol))
    return (k + 1) / (sims.size + 1)


def format_p(p: float, n_draws: int | None = None) -> str:
    """A permutation p-value as the book prints it.

    Parameters
    ----------
    p : float
        The p-value.
    n_draws : int, optional
        Number of null draws B; when given it is named in brackets.

    Returns
    -------
    str
        ``"p < 0.001"`` for tiny values, else ``"p = 0.02"`` (two significant
        digits), with ``" (199 permutations)"`` appended when ``n_draws`` is
        given.

    Raises
    ------
    ValueError
        If ``p`` is not in (0, 1] (a permutation p-value is never 0).

    Examples
    --------
    >>> format_p(0.005, 199)
    'p = 0.005 (199 permutations)'
    >>> format_p(0.0002)
    'p < 0.001'
    """
    p = float(p)
    if not 0 < p <= 1:
        raise ValueError(f"p must be in (0, 1], got {p!r}; a permutation p-value is never 0")
    text = "p < 0.001" if p < 0.001 else f"p = {float(f'{p:.2g}'):g}"
    if n_draws is not None:
        text += f" ({int(n_draws):,} permutations)"
    return text


# --------------------------------------------------------------------------
# two-mode data


@dataclass(frozen=True)
class Incidence:
    """A binary two-mode matrix with labels.

    Attributes
    ----------
    matrix : scipy.sparse.csr_array
        ``matrix[i, j] = 1`` when row actor i (an organisation) takes part in
        column event j (a project).
    rows, cols : pandas.Index
        Labels of the rows and columns.
    """

    matrix: sp.csr_array
    rows: pd.Index
    cols: pd.Index

    @property
    def shape(self):
        return self.matrix.shape

    def row_degrees(self) -> pd.Series:
        """Number of events of each row actor."""
        return pd.Series(np.diff(self.matrix.indptr), index=self.rows, name="degree")

    def col_sizes(self) -> pd.Series:
        """Number of members of each event."""
        return pd.Series(np.bincount(self.matrix.indices, minlength=self.shape[1]), index=self.cols, name="size")

    def with_matrix(self, matrix) -> "Incidence":
        """The same labels with another matrix (a null draw)."""
        return Incidence(sp.csr_array(matrix), self.rows, self.cols)


def incidence(participations: pd.DataFrame, *, row: str = "org_id", col: str = "project_id",
              countries=None, fields=None, years=None) -> Incidence:
    """Organisation x project incidence matrix from participation records.

    Parameters
    ----------
    participations : pandas.DataFrame
        One row per organisation in a project (as from
        :func:`regional_clusters.data.load_h2020`); duplicated
        (organisation, project) rows count once.
    row, col : str
        Columns holding the row and column labels.
    countries, fields, years : optional
        The same selection as :func:`~regional_clusters.networks.coparticipation_network`
        (organisations located in ``countries``; projects in ``fields`` and
        starting in ``years``).

    Returns
    -------
    Incidence
        Sorted labels, a binary CSR matrix.

    Raises
    ------
    ValueError
        If a column is missing or the selection is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"org_id": [1, 2, 2, 3], "project_id": ["a", "a", "b", "b"]})
    >>> inc = incidence(p)
    >>> inc.matrix.toarray().tolist()
    [[1, 0], [1, 1], [0, 1]]
    """
    if not isinstance(participations, pd.DataFrame):
        raise ValueError(f"participations must be a DataFrame, got {type(participations).__name__}")
    for c in (row, col):
        if c not in participations.columns:
            raise ValueError(f"participations lacks the column {c!r}")
    data = participations
    if countries is not None or fields is not None or years is not None:
        from .build import _as_list, _year_mask

        mask = np.ones(len(data), dtype=bool)
        if countries is not None:
            mask &= data["country"].isin(_as_list(countries, "countries")).to_numpy(dtype=bool)
        if fields is not None:
            mask &= data["field"].isin(_as_list(fields, "fields")).to_numpy(dtype=bool)
        if years is not None:
            mask &= _year_mask(years, data["start_year"])
        data = data.loc[mask]
    data = data.drop_duplicates([row, col])
    if data.empty:
        raise ValueError(f"the incidence is empty: no participation left (countries={countries!r}, fields={fields!r})")
    r_codes, r_labels = pd.factorize(data[row], sort=True)
    c_codes, c_labels = pd.factorize(data[col], sort=True)
    M = sp.csr_array(sp.coo_array((np.ones(len(data), dtype=np.int8), (r_codes, c_codes)),
                                  shape=(len(r_labels), len(c_labels))))
    M.sort_indices()
    return Incidence(M, pd.Index(r_labels, name=row), pd.Index(c_labels, name=col))


def _as_incidence(X, name: str = "incidence") -> Incidence:
    if isinstance(X, Incidence):
        inc = X
    elif isinstance(X, pd.DataFrame):
        inc = Incidence(sp.csr_array(X.to_numpy()), X.index, X.columns)
    elif sp.issparse(X) or isinstance(X, np.ndarray):
        M = sp.csr_array(X)
        if M.ndim != 2:
            raise ValueError(f"{name} must be two-dimensional, got {M.ndim} dimensions")
        inc = Incidence(M, pd.RangeIndex(M.shape[0]), pd.RangeIndex(M.shape[1]))
    else:
        raise ValueError(f"{name} must be an Incidence, a DataFrame, a numpy array or a scipy sparse matrix, "
                         f"got {type(X).__name__}")
    M = sp.csr_array(inc.matrix)
    M.sum_duplicates()
    M.eliminate_zeros()
    if M.nnz == 0:
        raise ValueError(f"{name} is empty (no participation)")
    if not np.all(M.data == 1):
        bad = M.data[M.data != 1][0]
        raise ValueError(f"{name} must be binary (0/1); found the value {bad!r}")
    M.sort_indices()
    return Incidence(M, inc.rows, inc.cols)


def _global_curveball(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int, rng) -> tuple:
    """One global curveball step: pair all rows at random and trade in every pair.

    In each pair the columns both rows share stay; the columns held by only
    one of them are pooled and dealt back at random in the old numbers, so
    both degree sequences are kept exactly. Vectorised over all pairs.
    """
    perm = rng.permutation(n_rows)
    n_pairs = n_rows // 2
    first, second = perm[:n_pairs], perm[n_pairs:2 * n_pairs]
    pair_of = np.full(n_rows, -1, dtype=np.int64)
    partner = np.full(n_rows, -1, dtype=np.int64)
    pair_of[first] = pair_of[second] = np.arange(n_pairs)
    partner[first], partner[second] = second, first
    keys = rows.astype(np.int64) * n_cols + cols
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    p = partner[rows]
    paired = p >= 0
    partner_keys = np.where(paired, p * n_cols + cols, -1)
    pos = np.searchsorted(sorted_keys, partner_keys)
    pos = np.minimum(pos, len(sorted_keys) - 1)
    shared = paired & (sorted_keys[pos] == partner_keys)
    trade = paired & ~shared
    if not trade.any():
        return rows, cols
    t_pair = pair_of[rows[trade]]
    t_cols = cols[trade]
    from_first = rows[trade] == first[t_pair]
    n_first = np.bincount(t_pair[from_first], minlength=n_pairs)
    shuffle = np.lexsort((rng.random(len(t_pair)), t_pair))
    t_pair, t_cols = t_pair[shuffle], t_cols[shuffle]
    sizes = np.bincount(t_pair, minlength=n_pairs)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    rank = np.arange(len(t_pair)) - starts[t_pair]
    new_rows = np.where(rank < n_first[t_pair], first[t_pair], second[t_pair])
    keep = ~trade
    return np.concatenate((rows[keep], new_rows)), np.concatenate((cols[keep], t_cols))


def _digest(*arrays) -> str:
    h = hashlib.sha1()
    for a in arrays:
        a = np.ascontiguousarray(a)
        h.update(str(a.shape).encode())
        h.update(a.tobytes())
    return h.hexdigest()


def bipartite_null(
    incidence,
    *,
    n: int = 199,
    seed=None,
    burn_in: int | None = None,
    thin: int | None = None,
    min_col_size: int = 1,
) -> list:
    """Draws from the bipartite configuration null of a two-mode matrix.

    Each draw is a binary matrix with exactly the same row sums (each
    organisation's number of projects) and column sums (each project's
    number of members) as the observed one, sampled (approximately)
    uniformly among all such matrices with the global curveball Markov chain
    (Carstens, Berger and Strona 2018; Strona et al. 2014). The chain starts
    at the observed matrix, runs ``burn_in`` global steps and then keeps one
    draw every ``thin`` steps. Draws are cached in memory by the digest of
    the input and the arguments, so repeated calls in one session (for
    several statistics of the same network) cost nothing.

    Parameters
    ----------
    incidence : Incidence, pandas.DataFrame, numpy.ndarray or scipy sparse
        Binary rows x columns matrix (organisations x projects).
    n : int, default 199
        Number of draws B.
    seed : int or numpy.random.Generator, optional
    burn_in : int, optional
        Global steps before the first draw; default ``max(50, 5 * log2(rows))``.
    thin : int, optional
        Global steps between draws; default 5.
    min_col_size : int, default 1
        Smallest column size accepted; 2 when every project must be able to
        create a tie in the projection.

    Returns
    -------
    list of Incidence
        ``n`` draws with the labels of the input (matrices are CSR, sorted
        indices).

    Raises
    ------
    ValueError
        If the matrix is empty, not binary, ``n`` < 1, or a column has fewer
        than ``min_col_size`` members (the message names the column).

    References
    ----------
    Carstens, C. J., Berger, A. and Strona, G. (2018). A unifying framework
    for fast randomization of ecological networks with fixed (node) degrees.
    MethodsX 5, 773-780.
    Strona, G., Nappo, D., Boccacci, F., Fattorini, S. and San-Miguel-Ayanz,
    J. (2014). A fast and unbiased procedure to randomize ecological binary
    matrices with fixed row and column totals. Nature Communications 5, 4114.

    Examples
    --------
    >>> import numpy as np
    >>> M = np.array([[1, 1, 0], [0, 1, 1], [1, 0, 0]])
    >>> draws = bipartite_null(M, n=3, seed=1)
    >>> [d.matrix.sum(axis=1).tolist() for d in draws]
    [[2, 2, 1], [2, 2, 1], [2, 2, 1]]
    >>> [d.matrix.sum(axis=0).tolist() for d in draws]
    [[2, 2, 1], [2, 2, 1], [2, 2, 1]]
    """
    inc = _as_incidence(incidence)
    if int(n) < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    sizes = inc.col_sizes()
    small = sizes[sizes < int(min_col_size)]
    if len(small):
        raise ValueError(
            f"project {small.index[0]!r} has {int(small.iloc[0])} member(s); this null needs at least "
            f"{int(min_col_size)} per project (drop smaller projects first)"
        )
    n_rows, n_cols = inc.shape
    burn_in = max(50, int(5 * np.log2(max(n_rows, 2)))) if burn_in is None else int(burn_in)
    thin = 5 if thin is None else int(thin)
    if burn_in < 0 or thin < 1:
        raise ValueError(f"burn_in must be >= 0 and thin >= 1, got {burn_in} and {thin}")
    coo = inc.matrix.tocoo()
    rows, cols = coo.row.astype(np.int64), coo.col.astype(np.int64)
    cacheable = seed is None or isinstance(seed, (int, np.integer))
    key = (_digest(rows, cols, np.array(inc.shape)), int(n), seed, burn_in, thin) if cacheable and seed is not None else None
    if key is not None and key in _CACHE:
        return [inc.with_matrix(m) for m in _CACHE[key]]
    rng = as_generator(seed)
    for _ in range(burn_in):
        rows, cols = _global_curveball(rows, cols, n_rows, n_cols, rng)
    out = []
    ones = np.ones(len(rows), dtype=np.int8)
    for b in range(int(n)):
        if b:
            for _ in range(thin):
                rows, cols = _global_curveball(rows, cols, n_rows, n_cols, rng)
        M = sp.csr_array(sp.coo_array((ones, (rows, cols)), shape=(n_rows, n_cols)))
        M.sort_indices()
        out.append(M)
    if key is not None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = out
    return [inc.with_matrix(m) for m in out]


# --------------------------------------------------------------------------
# one-mode graphs


def rewire_null(G, *, n: int = 199, seed=None, swaps_per_edge: int = 10, keep_weights: bool = True) -> list:
    """Degree-preserving rewirings of a one-mode graph.

    Each draw swaps the ends of random pairs of edges (A-B, C-D becomes A-D,
    C-B when neither tie exists yet), ``swaps_per_edge`` times the number of
    edges, with python-igraph's ``rewire``. Every node keeps its degree
    (in- and out-degree in a directed graph); no self-loop or parallel edge
    arises. Node attributes are kept; with ``keep_weights`` the observed tie
    weights are dealt at random to the new ties, so the weight distribution
    is kept too.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Simple graph (no self-loops, no parallel edges) with at least two
        edges.
    n : int, default 199
        Number of draws.
    seed : int or numpy.random.Generator, optional
    swaps_per_edge : int, default 10
        Swap trials per edge between draws (the chain restarts from ``G``
        for every draw, so draws are independent).
    keep_weights : bool, default True
        Deal the observed ``weight`` values to the rewired ties; otherwise
        every tie has weight 1.

    Returns
    -------
    list of networkx.Graph
        ``n`` graphs of the same type as ``G`` on the same nodes.

    Raises
    ------
    ValueError
        If ``G`` is not a simple graph, has fewer than two edges, or ``n`` or
        ``swaps_per_edge`` is below 1.

    References
    ----------
    Maslov, S. and Sneppen, K. (2002). Specificity and stability in topology
    of protein networks. Science 296(5569), 910-913.
    Csardi, G. and Nepusz, T. (2006). The igraph software package for complex
    network research. InterJournal Complex Systems 1695.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.karate_club_graph()
    >>> H = rewire_null(G, n=2, seed=1)
    >>> [dict(h.degree()) == dict(G.degree()) for h in H]
    [True, True]
    >>> nx.utils.graphs_equal(H[0], G)
    False
    """
    check_graph(G, weight="weight" if keep_weights else None)
    nodelist = list(G)
    weights = np.fromiter((w for _, _, w in G.edges(data="weight", default=1.0)), dtype=float,
                          count=G.number_of_edges())
    rng = as_generator(seed)
    labels = np.asarray(nodelist, dtype=object)
    out = []
    for el in _rewired_edges(G, nodelist, n=n, rng=rng, swaps_per_edge=swaps_per_edge):
        w = rng.permutation(weights) if keep_weights else np.ones(len(el))
        H = G.__class__()
        H.graph.update(G.graph)
        H.add_nodes_from(G.nodes(data=True))
        H.add_weighted_edges_from(zip(labels[el[:, 0]].tolist(), labels[el[:, 1]].tolist(), w.tolist()))
        out.append(H)
    return out


def _rewired_edges(G, nodelist, *, n, rng, swaps_per_edge=10):
    """Edge lists (positions in ``nodelist``) of ``n`` degree-preserving rewirings."""
    import igraph as ig

    check_graph(G, weight=None)
    if G.number_of_edges() < 2:
        raise ValueError(f"G has {G.number_of_edges()} edge(s); rewiring needs at least two")
    if int(n) < 1 or int(swaps_per_edge) < 1:
        raise ValueError(f"n and swaps_per_edge must be >= 1, got {n} and {swaps_per_edge}")
    index = {v: i for i, v in enumerate(nodelist)}
    edges = [(index[u], index[v]) for u, v in G.edges()]
    base = ig.Graph(n=len(nodelist), edges=edges, directed=G.is_directed())
    out = []
    with _IgraphSeed(rng):
        for _ in range(int(n)):
            h = base.copy()
            h.rewire(n=int(swaps_per_edge) * len(edges), allowed_edge_types="simple")
            out.append(np.asarray(h.get_edgelist(), dtype=np.int64).reshape(-1, 2))
    return out


def _rewired_arcs(G, nodelist, *, n, seed, swaps_per_edge=10):
    """Binary arc matrices (both directions for undirected graphs) of rewirings."""
    N = len(nodelist)
    out = []
    for el in _rewired_edges(G, nodelist, n=n, rng=as_generator(seed), swaps_per_edge=swaps_per_edge):
        rows, cols = el[:, 0], el[:, 1]
        if not G.is_directed():
            rows, cols = np.concatenate([rows, cols]), np.concatenate([cols, rows])
        A = sp.csr_array(sp.coo_array((np.ones(len(rows)), (rows, cols)), shape=(N, N)))
        A.data[:] = 1.0
        out.append(A)
    return out


# --------------------------------------------------------------------------
# comparison and table


def _as_stats(value) -> dict:
    if isinstance(value, Mapping):
        return {str(k): float(v) for k, v in value.items()}
    if isinstance(value, pd.Series):
        return {str(k): float(v) for k, v in value.items()}
    return {"statistic": float(value)}


def null_comparison(
    statistic: Callable,
    data,
    sampler,
    *,
    n: int = 199,
    seed=None,
    null: str = "",
    alternative: str = "two-sided",
) -> pd.DataFrame:
    """Compare a statistic with its distribution under a null model.

    Parameters
    ----------
    statistic : callable
        ``statistic(data)`` returns a number, or a dict / Series of named
        numbers (several statistics of the same draws, one row each).
    data : object
        The observed data (a graph, an :class:`~regional_clusters.networks.Incidence`, ...).
    sampler : callable or iterable
        ``sampler(data, n=n, seed=seed)`` returning null draws of the same
        kind as ``data`` (for instance :func:`~regional_clusters.networks.bipartite_null` or
        :func:`~regional_clusters.networks.rewire_null`), or an iterable of ready draws (reused
        draws of a cache); then ``n`` is their number.
    n : int, default 199
        Number of draws B.
    seed : int or numpy.random.Generator, optional
    null : str
        The null model in words; it is carried into the table.
    alternative : {"two-sided", "greater", "less"}
        Direction of the test (see :func:`~regional_clusters.networks.permutation_p`).

    Returns
    -------
    pandas.DataFrame
        One row per statistic (index ``statistic``), columns ``observed``,
        ``expected`` (mean over draws), ``sd`` (standard deviation over
        draws), ``z`` ((observed - expected) / sd; NaN when sd is 0),
        ``ratio`` (observed / expected; NaN when expected is 0), ``p_value``
        ((k + 1) / (B + 1)), ``n_draws`` and ``null``; ``attrs`` holds the
        draws of each statistic under ``"draws"``.

    Raises
    ------
    ValueError
        If there are no draws, the statistic returns different names on a
        draw, or a value is NaN.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.connected_caveman_graph(4, 5)  # four cliques in a ring
    >>> res = null_comparison(nx.transitivity, G, rewire_null, n=19, seed=1,
    ...                       null="degree-preserving rewiring", alternative="greater")
    >>> bool(res.loc["statistic", "observed"] > res.loc["statistic", "expected"])
    True
    >>> float(res.loc["statistic", "p_value"])  # no draw as clustered: 1 / (19 + 1)
    0.05
    """
    observed = _as_stats(statistic(data))
    draws = sampler(data, n=n, seed=seed) if callable(sampler) else list(sampler)
    sims = {k: [] for k in observed}
    for d in draws:
        value = _as_stats(statistic(d))
        if set(value) != set(observed):
            raise ValueError(f"statistic returned {sorted(value)} on a null draw but {sorted(observed)} on the data")
        for k in observed:
            sims[k].append(value[k])
    if not draws:
        raise ValueError("the sampler returned no draws")
    rows = []
    for k, obs in observed.items():
        s = np.asarray(sims[k], dtype=float)
        if np.isnan(s).any() or np.isnan(obs):
            raise ValueError(f"statistic {k!r} is NaN on the data or on a null draw")
        expected = float(s.mean())
        sd = float(s.std(ddof=1)) if len(s) > 1 else np.nan
        z = (obs - expected) / sd if sd and sd > 0 else np.nan
        ratio = obs / expected if expected != 0 else np.nan
        rows.append({
            "statistic": k, "observed": obs, "expected": expected, "sd": sd, "z": z, "ratio": ratio,
            "p_value": permutation_p(obs, s, alternative), "n_draws": len(s), "null": null,
        })
    out = pd.DataFrame(rows).set_index("statistic")
    # tuples, not arrays: pandas compares attrs when frames are concatenated
    out.attrs["draws"] = {k: tuple(float(x) for x in v) for k, v in sims.items()}
    out.attrs["alternative"] = alternative
    return out


def null_table(result: pd.DataFrame, *, labels: Mapping | None = None, digits: int = 3,
               use: str = "z", percent: Iterable = ()) -> pd.DataFrame:
    """The observed-vs-expected table of the book from :func:`~regional_clusters.networks.null_comparison`.

    Parameters
    ----------
    result : pandas.DataFrame
        Output of :func:`~regional_clusters.networks.null_comparison` (several may be concatenated).
    labels : mapping, optional
        Readable names of the statistics.
    digits : int, default 3
        Decimals of observed and expected values.
    use : {"z", "ratio"}, default "z"
        What the fourth column shows.
    percent : iterable of str
        Statistics (by their index name) printed as percentages.

    Returns
    -------
    pandas.DataFrame
        Columns ``statistic``, ``observed``, ``expected (null)``,
        ``z or ratio``, ``p``, ``null model``, all as display strings.

    Raises
    ------
    ValueError
        If ``result`` lacks a column of :func:`~regional_clusters.networks.null_comparison` or ``use`` is
        unknown.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"observed": [0.53], "expected": [0.52], "sd": [0.01], "z": [1.0],
    ...                   "ratio": [1.02], "p_value": [0.3], "n_draws": [199], "null": ["bipartite"]},
    ...                  index=pd.Index(["modularity"], name="statistic"))
    >>> null_table(r).iloc[0].tolist()
    ['modularity', '0.530', '0.520', 'z = 1.0', 'p = 0.3 (199 permutations)', 'bipartite']
    """
    need = {"observed", "expected", "z", "ratio", "p_value", "n_draws", "null"}
    if not need <= set(result.columns):
        raise ValueError(f"result lacks the column(s) {sorted(need - set(result.columns))}; use null_comparison")
    if use not in ("z", "ratio"):
        raise ValueError(f"use must be 'z' or 'ratio', got {use!r}")
    labels = dict(labels or {})
    percent = set(percent)
    rows = []
    for name, r in result.iterrows():
        fmt = (lambda v: f"{100 * v:.{max(digits - 2, 0)}f} %") if name in percent else (lambda v: f"{v:.{digits}f}")
        if use == "z":
            fourth = "n/a (no variation)" if pd.isna(r["z"]) else f"z = {r['z']:.1f}"
        else:
            fourth = "n/a" if pd.isna(r["ratio"]) else f"{r['ratio']:.2f}x"
        rows.append({
            "statistic": labels.get(name, name),
            "observed": fmt(r["observed"]),
            "expected (null)": fmt(r["expected"]),
            "z or ratio": fourth,
            "p": format_p(r["p_value"], int(r["n_draws"])),
            "null model": r["null"],
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------
# statistics of a co-participation projection, and their bipartite null

#: Statistics returned by :func:`~regional_clusters.networks.projection_statistics`, with readable names.
PROJECTION_STATISTICS = {
    "communality": "share in communality neighbourhoods",
    "sociality": "share in sociality neighbourhoods",
    "connectivity": "share in connectivity neighbourhoods",
    "modularity": "modularity (Louvain, weighted)",
    "weight_inside": "share of tie weight inside communities",
    "transitivity": "transitivity (closed triads)",
    "redundancy": "redundancy per contact (1 - efficiency)",
    "isolates": "share of organisations without a domestic partner",
    "fragmentation": "share of pairs that cannot reach each other",
    "mean_degree": "mean number of partners (non-isolates)",
}

_NULL_VERSION = 3  # bump when the statistics or the sampler change, to refresh disk caches


class _IgraphSeed:
    """Seed python-igraph's generator for a block and restore the default."""

    def __init__(self, rng):
        self.rng = rng

    def __enter__(self):
        import igraph as ig

        ig.set_random_number_generator(random.Random(int(self.rng.integers(2**63))))

    def __exit__(self, *exc):
        import igraph as ig

        ig.set_random_number_generator(random)


def projection_statistics(
    incidence,
    *,
    strong: float = 2,
    strong_share: float = 0.5,
    dense: float = 0.5,
    communities: bool = True,
    seed=0,
) -> dict:
    """Statistics of the one-mode projection of a two-mode matrix.

    The projection ties two organisations with weight equal to their number
    of joint projects. Organisations without a partner (isolates) are
    counted in ``isolates`` and left out of everything else. Grabher's
    neighbourhood types follow the rule of
    :func:`~regional_clusters.models.neighbourhoods.classify_neighbourhoods` (communality: at
    least ``strong_share`` of the ties have weight >= ``strong``; otherwise
    sociality if the local density is >= ``dense``; else connectivity), and
    give the same types; communities come from python-igraph's Louvain
    method (weighted), so one call costs milliseconds and a null of 199
    draws fits into a chapter.

    Parameters
    ----------
    incidence : Incidence, DataFrame, array or sparse matrix
        Binary organisations x projects matrix.
    strong, strong_share, dense : float
        Thresholds of the neighbourhood types.
    communities : bool, default True
        Compute ``modularity`` and ``weight_inside`` (the costly part).
    seed : int or numpy.random.Generator, default 0
        Seed of the Louvain method.

    Returns
    -------
    dict of str to float
        Keys of :data:`~regional_clusters.networks.PROJECTION_STATISTICS` (without the two community
        statistics when ``communities`` is False). Shares are in [0, 1].

    Raises
    ------
    ValueError
        If the matrix is empty or not binary, or the projection has no tie.

    References
    ----------
    Grabher, G. (2004). Learning in projects, remembering in networks?
    European Urban and Regional Studies 11(2), 103-123.
    Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E. (2008).
    Fast unfolding of communities in large networks. Journal of Statistical
    Mechanics P10008.

    Examples
    --------
    >>> import numpy as np
    >>> M = np.array([[1, 1, 0], [1, 1, 0], [1, 0, 1], [0, 0, 1], [0, 0, 0]])
    >>> s = projection_statistics(M, communities=False)
    >>> s["communality"], s["isolates"], s["transitivity"]
    (0.5, 0.2, 0.6)
    """
    import igraph as ig

    inc = _as_incidence(incidence)
    M = sp.csr_array(inc.matrix, dtype=np.float64)
    W = sp.csr_array(M @ M.T)
    W.setdiag(0)
    W.eliminate_zeros()
    if W.nnz == 0:
        raise ValueError("the projection has no tie (no project with two members)")
    A = W.copy()
    A.data[:] = 1.0
    deg = np.diff(A.indptr).astype(float)
    keep = deg > 0
    n_strong = np.bincount(np.repeat(np.arange(A.shape[0]), np.diff(W.indptr)), weights=(W.data >= strong),
                           minlength=A.shape[0])
    tri = np.asarray(sp.csr_array((A @ A).multiply(A)).sum(axis=1)).ravel() / 2.0
    pairs = deg * (deg - 1) / 2.0
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(deg > 0, n_strong / np.maximum(deg, 1), 0.0)
        density = np.where(pairs > 0, tri / pairs, 0.0)
    kind = np.where(share >= strong_share, 0, np.where(density >= dense, 1, 2))[keep]
    counts = np.bincount(kind, minlength=3) / keep.sum()
    out = {
        "communality": float(counts[0]),
        "sociality": float(counts[1]),
        "connectivity": float(counts[2]),
    }
    if communities:
        U = sp.triu(W, k=1, format="coo")
        relabel = np.cumsum(keep) - 1  # positions among non-isolates
        ends = np.column_stack([relabel[U.row], relabel[U.col]])
        weights = U.data.tolist()
        g = ig.Graph(n=int(keep.sum()), edges=ends.tolist())  # lists: igraph reads numpy arrays element by element
        with _IgraphSeed(as_generator(seed)):
            part = g.community_multilevel(weights=weights)
        member = np.asarray(part.membership)
        out["modularity"] = float(g.modularity(part.membership, weights=weights))
        out["weight_inside"] = float(U.data[member[ends[:, 0]] == member[ends[:, 1]]].sum() / U.data.sum())
    triples = float(np.sum(deg * (deg - 1)))
    out["transitivity"] = float(tri.sum() / (triples / 2)) if triples else 0.0  # 3 x triangles / triples
    # Borgatti's unweighted redundancy 2t/d divided by degree: 1 - efficiency
    out["redundancy"] = float(np.mean(2 * tri[keep] / deg[keep] ** 2))
    out["isolates"] = float(1 - keep.mean())
    from scipy.sparse.csgraph import connected_components

    _, comp = connected_components(A, directed=False)
    sizes = np.bincount(comp).astype(float)
    n_all = float(A.shape[0])
    out["fragmentation"] = float(1 - np.sum(sizes * (sizes - 1)) / (n_all * (n_all - 1))) if n_all > 1 else 0.0
    out["mean_degree"] = float(deg[keep].mean())
    return out


def _disk_cache_path(key: str):
    from ..data.fetch import cache_dir

    folder = cache_dir() / "nulls"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{key}.parquet"


def coparticipation_null(
    participations: pd.DataFrame,
    *,
    countries=None,
    fields=None,
    years=None,
    n: int = 199,
    seed: int = 0,
    communities: bool = True,
    strong: float = 2,
    strong_share: float = 0.5,
    dense: float = 0.5,
    cache: bool = True,
) -> pd.DataFrame:
    """Co-participation statistics against the bipartite configuration null.

    Builds the organisation x project incidence of the selection (for a
    country: its organisations in all projects of the selection, so project
    sizes are the numbers of *domestic* members), computes
    :func:`~regional_clusters.networks.projection_statistics` on it and on ``n`` draws of
    :func:`~regional_clusters.networks.bipartite_null` (organisations reshuffled across projects keeping
    every project's size and every organisation's number of projects), and
    compares them with :func:`~regional_clusters.networks.null_comparison`. The per-draw statistics are
    cached on disk under the package cache folder, keyed by the data and the
    arguments, so a second build reuses them.

    Parameters
    ----------
    participations : pandas.DataFrame
        As from :func:`regional_clusters.data.load_h2020`.
    countries, fields, years : optional
        Selection, as in :func:`~regional_clusters.networks.coparticipation_network`.
    n : int, default 199
        Number of null draws B.
    seed : int, default 0
    communities : bool, default True
        Include modularity and the weight inside communities.
    strong, strong_share, dense : float
        Thresholds of Grabher's types (see :func:`~regional_clusters.networks.projection_statistics`).
    cache : bool, default True
        Read and write the disk cache.

    Returns
    -------
    pandas.DataFrame
        As :func:`~regional_clusters.networks.null_comparison`, one row per statistic of
        :data:`~regional_clusters.networks.PROJECTION_STATISTICS`; ``attrs["incidence_shape"]`` holds
        (organisations, projects).

    Raises
    ------
    ValueError
        If the selection is empty or its projection has no tie.

    References
    ----------
    Carstens, C. J., Berger, A. and Strona, G. (2018). A unifying framework
    for fast randomization of ecological networks with fixed (node) degrees.
    MethodsX 5, 773-780.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"org_id": [1, 2, 3, 1, 2, 3, 4, 4, 5],
    ...                   "project_id": [1, 1, 1, 2, 2, 3, 3, 4, 4]})
    >>> res = coparticipation_null(p, n=19, communities=False, cache=False)
    >>> float(res.loc["communality", "observed"]), int(res.loc["communality", "n_draws"])
    (0.4, 19)
    """
    inc = incidence(participations, countries=countries, fields=fields, years=years)
    params = dict(n=int(n), seed=int(seed), communities=bool(communities), strong=float(strong),
                  strong_share=float(strong_share), dense=float(dense), version=_NULL_VERSION)
    coo = inc.matrix.tocoo()
    key = _digest(coo.row.astype(np.int64), coo.col.astype(np.int64), np.array(inc.shape)) + hashlib.sha1(
        repr(sorted(params.items())).encode()).hexdigest()[:12]
    kwargs = dict(strong=strong, strong_share=strong_share, dense=dense, communities=communities)
    observed = projection_statistics(inc, seed=seed, **kwargs)
    path = _disk_cache_path(key) if cache else None
    if path is not None and path.exists():
        draws = pd.read_parquet(path)
    else:
        rng = as_generator(seed)
        samples = bipartite_null(inc, n=n, seed=int(rng.integers(2**31)))
        draws = pd.DataFrame([projection_statistics(d, seed=rng, **kwargs) for d in samples])
        if path is not None:
            draws.to_parquet(path)
    rows = [{k: draws.loc[i, k] for k in observed} for i in range(len(draws))]
    out = null_comparison(lambda x: x, observed, rows, null="bipartite configuration (curveball)")
    out.attrs["incidence_shape"] = inc.shape
    return out
