"""One place for the input checks of the network toolkit.

Every public function of :mod:`regional_clusters.networks` calls
:func:`check_graph` before computing, so that bad input stops with a
``ValueError`` that names what is wrong instead of a silent NaN or a numpy
error deep inside a sparse product.
"""

from __future__ import annotations

import math
import numbers

import networkx as nx
import numpy as np
import scipy.sparse as sp

__all__ = ["check_graph", "adjacency"]


def check_graph(
    G,
    *,
    directed: bool | None = None,
    group: str | None = None,
    weight: str | None = "weight",
    allow_empty: bool = False,
    allow_multigraph: bool = False,
    allow_selfloops: bool = False,
    name: str = "G",
) -> None:
    """Validate a networkx graph before a network measure uses it.

    Parameters
    ----------
    G : networkx.Graph
        The graph to check.
    directed : bool or None, default None
        ``False``: an undirected graph is required; ``True``: a directed graph
        is required; ``None``: both are accepted.
    group : str or None, default None
        Name of a node attribute every node must carry (for example the actor
        group, ``"group"``). Missing, ``None`` and NaN values are rejected.
    weight : str or None, default "weight"
        Edge attribute holding tie weights. A missing attribute counts as 1
        (networkx's convention); present values must be finite, real and
        non-negative. ``None`` skips the check (unweighted use).
    allow_empty : bool, default False
        Whether a graph without nodes is acceptable.
    allow_multigraph, allow_selfloops : bool, default False
        Whether parallel edges or self-loops are acceptable.
    name : str, default "G"
        Name used in error messages.

    Raises
    ------
    ValueError
        If ``G`` is not a networkx graph, has the wrong direction, is a
        multigraph, empty, has a self-loop, a node without the ``group``
        attribute or an edge with a negative, infinite, missing (NaN) or
        non-numeric weight. The message names the offending node or edge.

    Examples
    --------
    >>> import networkx as nx
    >>> check_graph(nx.DiGraph([(1, 2)]), directed=False)
    Traceback (most recent call last):
    ...
    ValueError: G is directed; this measure needs an undirected graph (use G.to_undirected())
    >>> check_graph(nx.Graph([(1, 2, {"weight": -1})]))
    Traceback (most recent call last):
    ...
    ValueError: G has a negative weight -1 on edge (1, 2)
    """
    if not isinstance(G, nx.Graph):
        raise ValueError(f"{name} must be a networkx graph, got {type(G).__name__}")
    if directed is False and G.is_directed():
        raise ValueError(f"{name} is directed; this measure needs an undirected graph (use {name}.to_undirected())")
    if directed is True and not G.is_directed():
        raise ValueError(f"{name} is undirected; this measure needs a directed graph (use {name}.to_directed())")
    if G.is_multigraph() and not allow_multigraph:
        raise ValueError(f"{name} is a multigraph; collapse parallel edges first (e.g. nx.Graph({name}) or one layer)")
    if G.number_of_nodes() == 0 and not allow_empty:
        raise ValueError(f"{name} is empty (no nodes)")
    if not allow_selfloops:
        loop = next(iter(nx.selfloop_edges(G)), None)
        if loop is not None:
            raise ValueError(f"{name} has a self-loop at node {loop[0]!r}; remove it with G.remove_edges_from(nx.selfloop_edges(G))")
    if group is not None:
        for node, value in G.nodes(data=group):
            if value is None or (isinstance(value, float) and math.isnan(value)):
                raise ValueError(f"node {node!r} of {name} has no {group!r} attribute")
    if weight is not None:
        for u, v, value in G.edges(data=weight, default=1):
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise ValueError(f"{name} has a non-numeric weight {value!r} on edge ({u!r}, {v!r})")
            if math.isnan(value) or math.isinf(value):
                raise ValueError(f"{name} has a missing or infinite weight {value!r} on edge ({u!r}, {v!r})")
            if value < 0:
                raise ValueError(f"{name} has a negative weight {value!r} on edge ({u!r}, {v!r})")


def adjacency(G, weight: str | None = "weight", nodelist=None):
    """Sparse matrices of a graph for the vectorised measures.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        A checked graph (see :func:`check_graph`).
    weight : str or None
        Edge attribute with the weights; ``None`` gives every tie weight 1.
    nodelist : list, optional
        Node order; defaults to ``list(G)``.

    Returns
    -------
    nodelist : list
        Node labels in matrix order.
    W : scipy.sparse.csr_array
        Weighted adjacency (``W[i, j]`` is the weight of the tie i -> j).
    A : scipy.sparse.csr_array
        Binary structure of the ties in either direction (symmetric), kept
        separately so that ties of weight zero still count as neighbours.
    """
    nodelist = list(G) if nodelist is None else list(nodelist)
    index = {n: i for i, n in enumerate(nodelist)}
    n = len(nodelist)
    m = G.number_of_edges()
    rows = np.empty(m, dtype=np.int64)
    cols = np.empty(m, dtype=np.int64)
    vals = np.empty(m, dtype=np.float64)
    edges = G.edges(data=weight, default=1) if weight is not None else ((a, b, 1) for a, b in G.edges())
    for k, (u, v, w) in enumerate(edges):
        rows[k] = index[u]
        cols[k] = index[v]
        vals[k] = w
    W = sp.csr_array(sp.coo_array((vals, (rows, cols)), shape=(n, n)))
    if not G.is_directed():
        W = W + W.T
        W = W.tocsr()
        # the mutual weight of an undirected tie is counted once per direction
        W.data /= 2.0
        W = sp.csr_array(W)
    ones = np.ones(m)
    S = sp.coo_array((ones, (rows, cols)), shape=(n, n))
    A = (S + S.T).tocsr()
    A.data[:] = 1.0
    A.sort_indices()
    return nodelist, sp.csr_array(W), sp.csr_array(A)
