"""One place for the input checks of the network toolkit.

Every public function of ``regional_clusters.networks`` calls
:func:`~regional_clusters.networks.check_graph` before computing, so that bad input stops with a
``ValueError`` that names what is wrong instead of a silent NaN or a numpy
error deep inside a sparse product.
"""

from __future__ import annotations

import itertools
import math
import operator

import networkx as nx
import numpy as np
import scipy.sparse as sp

__all__ = ["check_graph", "adjacency", "edge_arrays"]


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
        edge_arrays(G, weight, name=name)


_NUMERIC = (int, float, np.integer, np.floating)


def edge_arrays(G, weight: str | None = "weight", *, name: str = "G", nodelist=None):
    """Edges of ``G`` as integer position arrays and checked float weights.

    Returns ``(nodelist, rows, cols, values)`` with one entry per adjacency
    entry (an undirected edge appears in both directions). Raises ``ValueError`` naming the edge
    for a non-numeric, NaN, infinite or negative weight.
    """
    nodelist = list(G) if nodelist is None else list(nodelist)
    index = {n: i for i, n in enumerate(nodelist)}
    getter = operator.methodcaller("get", weight, 1) if weight is not None else (lambda d: 1)
    us, vs, ws = [], [], []
    # the raw adjacency dicts (networkx's views wrap every access in Python)
    adj = G._adj if isinstance(getattr(G, "_adj", None), dict) else G.adj
    for u, nbrs in adj.items():
        us.extend(itertools.repeat(index[u], len(nbrs)))
        vs.extend(map(index.__getitem__, nbrs))
        ws.extend(map(getter, nbrs.values()))
    rows = np.asarray(us, dtype=np.int64)
    cols = np.asarray(vs, dtype=np.int64)
    kinds = set(map(type, ws))
    if any(k is bool or not issubclass(k, _NUMERIC) for k in kinds):
        for k, value in enumerate(ws):
            if type(value) is bool or not isinstance(value, _NUMERIC):
                raise ValueError(
                    f"{name} has a non-numeric weight {value!r} on edge ({nodelist[us[k]]!r}, {nodelist[vs[k]]!r})"
                )
    values = np.asarray(ws, dtype=np.float64)
    bad = np.flatnonzero(~np.isfinite(values))
    if len(bad):
        k = bad[0]
        raise ValueError(
            f"{name} has a missing or infinite weight {ws[k]!r} on edge ({nodelist[us[k]]!r}, {nodelist[vs[k]]!r})"
        )
    bad = np.flatnonzero(values < 0)
    if len(bad):
        k = bad[0]
        raise ValueError(f"{name} has a negative weight {ws[k]!r} on edge ({nodelist[us[k]]!r}, {nodelist[vs[k]]!r})")
    return nodelist, rows, cols, values


def adjacency(G, weight: str | None = "weight", nodelist=None):
    """Sparse matrices of a graph for the vectorised measures.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        A checked graph (see :func:`~regional_clusters.networks.check_graph`).
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
    nodelist, rows, cols, vals = edge_arrays(G, weight, nodelist=nodelist)
    n = len(nodelist)
    m = len(rows)
    # adjacency entries: an undirected tie appears in both directions
    W = sp.csr_array(sp.coo_array((vals, (rows, cols)), shape=(n, n)))
    ones = np.ones(m)
    S = sp.coo_array((ones, (rows, cols)), shape=(n, n))
    A = (S + S.T).tocsr()
    A.data[:] = 1.0
    A.sort_indices()
    return nodelist, sp.csr_array(W), sp.csr_array(A)
