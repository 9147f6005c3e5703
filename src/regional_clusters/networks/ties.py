"""Tie strength, weak and strong ties, bridges.

Granovetter (1973, p. 1361) defines the strength of a tie as a (probably
linear) combination of the time spent together, emotional intensity,
intimacy (mutual confiding) and reciprocal services. With multiplex data
each layer can stand for one of these dimensions: :func:`~regional_clusters.networks.tie_strength`
combines the layers with weights the user chooses. :func:`~regional_clusters.networks.bridges` finds
bridges and local bridges and their span, so that one can ask whether
bridges are weak ties, as Granovetter argued.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from ._validate import check_graph

__all__ = [
    "AUCS_DIMENSIONS",
    "GRANOVETTER_DIMENSIONS",
    "tie_strength",
    "strength_graph",
    "classify_ties",
    "bridges",
    "neighbourhood_overlap",
]

#: Granovetter's four dimensions of tie strength.
GRANOVETTER_DIMENSIONS = ["time", "emotional intensity", "intimacy", "reciprocal services"]

#: One reading of the five AUCS layers as Granovetter's dimensions: working
#: together and lunch measure time spent together, shared leisure emotional
#: intensity, Facebook friendship a (thin) form of intimacy, co-authorship
#: reciprocal services. It is an interpretation, not part of the data.
AUCS_DIMENSIONS = {
    "work": "time",
    "lunch": "time",
    "leisure": "emotional intensity",
    "facebook": "intimacy",
    "coauthor": "reciprocal services",
}


def tie_strength(multiplex_graph, dimensions: dict | None = None, weights: dict | None = None) -> pd.DataFrame:
    r"""Tie strength as a weighted combination of dimensions (Granovetter).

    For each pair tied in at least one layer, dimension :math:`d` scores
    :math:`x_d` = the share of the layers mapped to it in which the pair is
    tied, and

    .. math:: s = \frac{\sum_d w_d\, x_d}{\sum_d w_d} \in (0, 1].

    Parameters
    ----------
    multiplex_graph : networkx.MultiGraph
        One edge per layer with the edge key (or attribute ``layer``) naming
        the layer, as from
        :func:`~regional_clusters.networks.multiplex_graph`.
    dimensions : dict, optional
        Layer -> dimension. Default: :data:`~regional_clusters.networks.AUCS_DIMENSIONS` when every
        layer is an AUCS layer, else each layer is its own dimension.
    weights : dict, optional
        Dimension -> non-negative weight (default: all 1).

    Returns
    -------
    pandas.DataFrame
        Indexed by (``u``, ``v``) with one column per dimension, ``layers``
        (number of layers the pair shares) and ``strength``.

    Raises
    ------
    ValueError
        If the graph is not a multigraph, a layer has no dimension, a weight
        is negative or all weights are zero.

    References
    ----------
    Granovetter, M. S. (1973). The strength of weak ties. American Journal
    of Sociology 78(6), 1360-1380.

    Examples
    --------
    >>> import networkx as nx
    >>> M = nx.MultiGraph()
    >>> M.add_edge("a", "b", key="work"); M.add_edge("a", "b", key="lunch")
    'work'
    'lunch'
    >>> M.add_edge("b", "c", key="facebook")
    'facebook'
    >>> s = tie_strength(M, weights={"time": 3, "intimacy": 1})
    >>> s["strength"].round(3).tolist()
    [0.75, 0.25]
    """
    check_graph(multiplex_graph, allow_multigraph=True, directed=False, weight=None)
    if not multiplex_graph.is_multigraph():
        raise ValueError("tie_strength needs a MultiGraph with one edge per layer (see multiplex_graph)")
    records = []
    for u, v, key, data in multiplex_graph.edges(keys=True, data=True):
        a, b = (u, v) if str(u) <= str(v) else (v, u)
        records.append((a, b, data.get("layer", key)))
    if not records:
        raise ValueError("the multiplex graph has no edges")
    edges = pd.DataFrame(records, columns=["u", "v", "layer"]).drop_duplicates()
    layers = sorted(set(edges["layer"]) | set(multiplex_graph.graph.get("layers", [])))
    if dimensions is None:
        dimensions = AUCS_DIMENSIONS if set(layers) <= set(AUCS_DIMENSIONS) else {layer: layer for layer in layers}
    missing = [layer for layer in layers if layer not in dimensions]
    if missing:
        raise ValueError(f"layer(s) {missing} have no dimension in `dimensions`")
    dims = list(dict.fromkeys(dimensions[layer] for layer in layers))
    if weights is None:
        weights = dict.fromkeys(dims, 1.0)
    for d in dims:
        if d not in weights:
            raise ValueError(f"no weight for dimension {d!r}")
        if weights[d] < 0:
            raise ValueError(f"weight of dimension {d!r} is negative ({weights[d]})")
    total_w = sum(weights[d] for d in dims)
    if total_w <= 0:
        raise ValueError("all dimension weights are zero")
    layers_per_dim = pd.Series({d: sum(1 for layer in layers if dimensions[layer] == d) for d in dims})
    edges["dimension"] = edges["layer"].map(dimensions)
    counts = edges.pivot_table(index=["u", "v"], columns="dimension", values="layer", aggfunc="count", fill_value=0)
    counts = counts.reindex(columns=dims, fill_value=0)
    shares = counts / layers_per_dim
    out = shares.copy()
    out.columns.name = None
    out["layers"] = counts.sum(axis=1)
    out["strength"] = sum(weights[d] * shares[d] for d in dims) / total_w
    return out


def strength_graph(strength: pd.DataFrame, multiplex_graph=None, *, column: str = "strength") -> nx.Graph:
    """A simple graph whose edge ``weight`` is the tie strength.

    Parameters
    ----------
    strength : pandas.DataFrame
        Output of :func:`~regional_clusters.networks.tie_strength`.
    multiplex_graph : networkx.MultiGraph, optional
        If given, its nodes (with attributes, also isolates) are copied.
    column : str, default "strength"

    Returns
    -------
    networkx.Graph

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"strength": [0.5]}, index=pd.MultiIndex.from_tuples([("a", "b")], names=["u", "v"]))
    >>> strength_graph(s)["a"]["b"]["weight"]
    0.5
    """
    G = nx.Graph()
    if multiplex_graph is not None:
        G.add_nodes_from(multiplex_graph.nodes(data=True))
    G.add_edges_from((u, v, {"weight": float(w)}) for (u, v), w in strength[column].items())
    return G


def classify_ties(strength: pd.Series, *, threshold: float | None = None, quantile: float = 0.5) -> pd.Series:
    """Label ties weak or strong.

    Parameters
    ----------
    strength : pandas.Series
        Tie strengths (for example ``tie_strength(M)["strength"]``).
    threshold : float, optional
        Ties with strength above it are strong. Default: the ``quantile``
        of the strengths.
    quantile : float, default 0.5

    Returns
    -------
    pandas.Series
        Categorical ``"weak"`` / ``"strong"``, same index.

    Raises
    ------
    ValueError
        If ``strength`` is empty or has missing values, or ``quantile`` is
        outside [0, 1].

    References
    ----------
    Granovetter, M. S. (1973). The strength of weak ties. American Journal
    of Sociology 78(6), 1360-1380.

    Examples
    --------
    >>> import pandas as pd
    >>> classify_ties(pd.Series([0.2, 0.4, 0.9])).tolist()
    ['weak', 'weak', 'strong']
    """
    if len(strength) == 0 or strength.isna().any():
        raise ValueError("strength is empty or has missing values")
    if not 0 <= quantile <= 1:
        raise ValueError(f"quantile must be in [0, 1], got {quantile}")
    cut = float(strength.quantile(quantile)) if threshold is None else float(threshold)
    labels = np.where(strength.to_numpy() > cut, "strong", "weak")
    return pd.Series(pd.Categorical(labels, categories=["weak", "strong"]), index=strength.index, name="tie")


def bridges(G) -> pd.DataFrame:
    """Bridges and local bridges, with their span.

    A bridge is a tie whose removal disconnects its two ends; a local bridge
    is a tie whose ends share no contact. Its span is the distance between
    the ends once the tie is removed (infinite for a bridge): the longer the
    span, the more distant the circles the tie connects.

    Parameters
    ----------
    G : networkx.Graph
        Undirected; weights are ignored.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``u``, ``v``), one row per edge: ``local_bridge``,
        ``bridge`` (bool) and ``span`` (float; NaN for ties that are not
        local bridges, ``inf`` for bridges).

    Raises
    ------
    ValueError
        If ``G`` is directed, empty or has self-loops.

    References
    ----------
    Granovetter, M. S. (1973). The strength of weak ties. American Journal
    of Sociology 78(6), 1360-1380.
    Burt, R. S. (1992). Structural Holes. Harvard University Press.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)])
    >>> {k: v.item() for k, v in bridges(G).loc[(3, 4)].items()}
    {'local_bridge': True, 'bridge': True, 'span': inf}
    """
    check_graph(G, directed=False, weight=None)
    edges = list(G.edges())
    idx = pd.MultiIndex.from_tuples(edges, names=["u", "v"]) if edges else pd.MultiIndex.from_arrays([[], []], names=["u", "v"])
    span = {}
    for u, v, length in nx.local_bridges(G, with_span=True):
        span[frozenset((u, v))] = float(length)
    for u, v in nx.bridges(G):
        span[frozenset((u, v))] = np.inf
    spans = np.array([span.get(frozenset(e), np.nan) for e in edges], dtype=float)
    out = pd.DataFrame(
        {"local_bridge": ~np.isnan(spans), "bridge": np.isinf(spans), "span": spans}, index=idx
    )
    return out


def neighbourhood_overlap(G) -> pd.Series:
    r"""Overlap of the two ends' neighbourhoods, for every tie.

    .. math:: O_{uv} = \frac{|N(u) \cap N(v)|}{|N(u) \cup N(v)| - 2}

    Granovetter's argument implies that strong ties have high overlap and
    that local bridges (overlap 0) are weak. Ties whose ends have no other
    contact get NaN.

    Parameters
    ----------
    G : networkx.Graph

    Returns
    -------
    pandas.Series
        Indexed by (``u``, ``v``), named ``"overlap"``.

    Raises
    ------
    ValueError
        If ``G`` is directed, empty or has self-loops.

    References
    ----------
    Granovetter, M. S. (1973). The strength of weak ties. American Journal
    of Sociology 78(6), 1360-1380.
    Onnela, J.-P. et al. (2007). Structure and tie strengths in mobile
    communication networks. PNAS 104(18), 7332-7336.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)])
    >>> neighbourhood_overlap(G).round(2).tolist()
    [1.0, 0.5, 0.5, 0.0]
    """
    check_graph(G, directed=False, weight=None)
    values, index = [], []
    for u, v in G.edges():
        nu, nv = set(G[u]), set(G[v])
        union = len(nu | nv) - 2
        values.append(len(nu & nv) / union if union > 0 else np.nan)
        index.append((u, v))
    idx = pd.MultiIndex.from_tuples(index, names=["u", "v"]) if index else pd.MultiIndex.from_arrays([[], []], names=["u", "v"])
    return pd.Series(values, index=idx, name="overlap", dtype=float)
