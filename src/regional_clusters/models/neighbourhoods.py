"""Neighbourhood types after Grabher (2004) and epistemic communities (Lissoni 2001).

:cite:t:`grabher2004` distinguishes three ideal types of the social
architecture of learning, which :cite:t:`jonas2005` (section 3.3) reads as a
way to describe emergent processes in clusters more finely:

* **communality**: intense, enduring ties in which personal trust grows
  (the epistemic communities of :cite:t:`lissoni2001`);
* **sociality**: intensive but fleeting networking; ties are collected and
  traded, reputation circulates in a dense scene, deep personal trust has no
  time to grow;
* **connectivity**: goal-directed exchange at a distance that rests neither
  on personal trust nor on network reputation but on professional norms.

:func:`classify_neighbourhoods` turns this reading into a transparent rule on
two observable features of an actor's neighbourhood. Personal trust needs
*strong* (repeated) ties; network reputation needs *closure* (dense
neighbourhoods). So a neighbourhood whose ties are mostly strong is
communality; one of weak ties in a dense neighbourhood is sociality; one of
weak ties in a sparse neighbourhood is connectivity. The thresholds are
parameters, and a chapter should show how the shares move with them.

This module is not an agent-based model and has no ODD description; it
provides the measurement side of the learning chapter.
"""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

from ._common import check_graph, check_nonnegative, check_probability, rng_from

__all__ = ["TYPES", "classify_neighbourhoods", "local_density", "epistemic_communities", "type_mix", "dyad_mixing"]

#: The three ideal types, in order of decreasing tie strength and closure.
TYPES = ("communality", "sociality", "connectivity")


def local_density(G: nx.Graph) -> pd.Series:
    """Density of each node's neighbourhood (local clustering coefficient).

    The share of pairs of a node's neighbours that are tied to each other,
    computed with sparse matrix products (fast on large co-participation
    graphs); nodes with fewer than two neighbours get 0.

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph; self-loops are ignored.

    Returns
    -------
    pandas.Series
        Indexed by node, values in [0, 1].

    Raises
    ------
    ValueError
        If ``G`` is not an undirected simple graph.

    References
    ----------
    Watts, D. J. and Strogatz, S. H. (1998). Collective dynamics of
    'small-world' networks. *Nature* 393.

    Examples
    --------
    >>> G = nx.Graph([(0, 1), (1, 2), (2, 0), (2, 3)])
    >>> local_density(G).round(3).to_dict()
    {0: 1.0, 1: 1.0, 2: 0.333, 3: 0.0}
    """
    check_graph(G, min_nodes=1)
    nodes = list(G.nodes)
    A = nx.to_scipy_sparse_array(G, nodelist=nodes, weight=None, format="csr").astype(np.float64)
    A.setdiag(0)
    A.eliminate_zeros()
    A.data[:] = 1.0
    deg = np.asarray(A.sum(axis=1)).ravel()
    tri = np.asarray((A @ A).multiply(A).sum(axis=1)).ravel() / 2.0
    pairs = deg * (deg - 1) / 2.0
    dens = np.where(pairs > 0, tri / np.where(pairs > 0, pairs, 1.0), 0.0)
    return pd.Series(dens, index=pd.Index(nodes, name="node"), name="density")


def classify_neighbourhoods(
    G: nx.Graph,
    *,
    weight: str = "weight",
    strong: float = 2.0,
    strong_share: float = 0.5,
    dense: float = 0.5,
) -> pd.DataFrame:
    """Classify each actor's neighbourhood as communality, sociality or connectivity.

    Rule: ``communality`` if at least ``strong_share`` of the actor's ties
    have weight >= ``strong``; otherwise ``sociality`` if the local density
    is >= ``dense``; otherwise ``connectivity``. Isolates get type
    ``"isolate"``.

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph; edge attribute ``weight`` measures tie strength
        (e.g. the number of shared projects); missing weights count as 1.
    weight : str, default "weight"
    strong : float, default 2
        Weight from which a tie counts as strong (a repeated collaboration).
    strong_share : float, default 0.5
        Share of strong ties that makes a neighbourhood communal, in [0, 1].
    dense : float, default 0.5
        Local density from which a weak-tie neighbourhood counts as a dense
        scene (sociality), in [0, 1].

    Returns
    -------
    pandas.DataFrame
        Indexed by node: ``degree``, ``strong_share``, ``density``, ``type``
        (categorical with the three types and ``"isolate"``).

    Raises
    ------
    ValueError
        For a directed graph or multigraph, or thresholds out of range, or
        a negative or non-numeric weight (naming the edge).

    References
    ----------
    Grabher (2004); Lissoni (2001); Granovetter (1973) on tie strength.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([(0, 1, 3), (1, 2, 3), (2, 0, 3), (2, 3, 1), (3, 4, 1)])
    >>> classify_neighbourhoods(G)["type"].astype(str).to_dict()
    {0: 'communality', 1: 'communality', 2: 'communality', 3: 'connectivity', 4: 'connectivity'}
    """
    check_graph(G, min_nodes=1)
    strong = check_nonnegative("strong", strong)
    strong_share = check_probability("strong_share", strong_share)
    dense = check_probability("dense", dense)
    nodes = list(G.nodes)
    pos = {v: k for k, v in enumerate(nodes)}
    deg = np.zeros(len(nodes))
    n_strong = np.zeros(len(nodes))
    for u, v, w in G.edges(data=weight, default=1.0):
        if u == v:
            continue
        try:
            w = float(w)
        except (TypeError, ValueError):
            raise ValueError(f"edge ({u!r}, {v!r}) has a non-numeric {weight!r}: {w!r}") from None
        if not np.isfinite(w) or w < 0:
            raise ValueError(f"edge ({u!r}, {v!r}) has an invalid {weight!r}: {w!r}")
        for x in (pos[u], pos[v]):
            deg[x] += 1
            n_strong[x] += w >= strong
    share = np.where(deg > 0, n_strong / np.maximum(deg, 1), 0.0)
    dens = local_density(G).to_numpy()
    kind = np.where(share >= strong_share, "communality", np.where(dens >= dense, "sociality", "connectivity"))
    kind = np.where(deg == 0, "isolate", kind)
    return pd.DataFrame(
        {
            "degree": deg.astype(int),
            "strong_share": share,
            "density": dens,
            "type": pd.Categorical(kind, categories=[*TYPES, "isolate"]),
        },
        index=pd.Index(nodes, name="node"),
    )


def epistemic_communities(
    G: nx.Graph,
    *,
    method: str = "louvain",
    weight: str | None = "weight",
    resolution: float = 1.0,
    seed=0,
) -> pd.Series:
    """Detect communities (candidate epistemic communities) by modularity.

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph.
    method : {"louvain", "greedy"}
        networkx's Louvain method (stochastic, seeded) or Clauset-Newman-Moore
        greedy modularity maximisation (deterministic).
    weight : str or None, default "weight"
    resolution : float, default 1
        Modularity resolution (> 0); larger values give smaller communities.
    seed : int or numpy.random.Generator
        Seed of the Louvain method.

    Returns
    -------
    pandas.Series
        Community number per node (0 = the largest community), name
        ``community``.

    Raises
    ------
    ValueError
        For an unknown method, bad resolution, or a graph without edges.

    References
    ----------
    Blondel, V. D. et al. (2008). Fast unfolding of communities in large
    networks. *J. Stat. Mech.* P10008; Clauset, A., Newman, M. E. J. and
    Moore, C. (2004). Finding community structure in very large networks.
    *Phys. Rev. E* 70; Lissoni (2001) on epistemic communities.

    Examples
    --------
    >>> G = nx.Graph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)])
    >>> epistemic_communities(G, seed=1).to_dict()
    {0: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1}
    """
    check_graph(G, min_nodes=1)
    if G.number_of_edges() == 0:
        raise ValueError("graph has no edges: no communities to detect")
    if method not in ("louvain", "greedy"):
        raise ValueError(f"method must be 'louvain' or 'greedy', got {method!r}")
    if not np.isfinite(resolution) or resolution <= 0:
        raise ValueError(f"resolution must be > 0, got {resolution!r}")
    if method == "louvain":
        rng = rng_from(seed)
        comms = nx.community.louvain_communities(G, weight=weight, resolution=resolution, seed=int(rng.integers(2**31 - 1)))
    else:
        comms = nx.community.greedy_modularity_communities(G, weight=weight, resolution=resolution)
    comms = sorted((sorted(c, key=str) for c in comms), key=lambda c: (-len(c), str(c[0])))
    labels = {v: k for k, c in enumerate(comms) for v in c}
    return pd.Series([labels[v] for v in G.nodes], index=pd.Index(list(G.nodes), name="node"), name="community")


def type_mix(types: pd.DataFrame | pd.Series, by: pd.Series) -> pd.DataFrame:
    """Share of each neighbourhood type within groups of actors.

    Parameters
    ----------
    types : pandas.DataFrame or Series
        Output of :func:`classify_neighbourhoods` (or its ``type`` column).
    by : pandas.Series
        Group of each node (e.g. country or field), indexed like ``types``.

    Returns
    -------
    pandas.DataFrame
        Rows groups, columns the three types (shares summing to 1 over
        non-isolated actors) and ``n`` (actors counted).

    Raises
    ------
    ValueError
        If ``by`` lacks a node of ``types``.

    Examples
    --------
    >>> t = pd.Series(["communality", "sociality", "sociality"], index=[1, 2, 3])
    >>> type_mix(t, pd.Series(["A", "A", "B"], index=[1, 2, 3]))
         communality  sociality  connectivity  n
    A            0.5        0.5           0.0  2
    B            0.0        1.0           0.0  1
    """
    t = types["type"] if isinstance(types, pd.DataFrame) else types
    t = t.astype(str)
    missing = t.index.difference(by.index)
    if len(missing):
        raise ValueError(f"by has no group for node {missing[0]!r}")
    t = t[t != "isolate"]
    tab = pd.crosstab(by.loc[t.index].to_numpy(), t.to_numpy())
    tab = tab.reindex(columns=list(TYPES), fill_value=0)
    n = tab.sum(axis=1)
    out = tab.div(n, axis=0).astype(float)
    out["n"] = n
    out.index.name = None
    out.columns.name = None
    return out


def dyad_mixing(G: nx.Graph, attributes, *, weight: str | None = "weight") -> pd.DataFrame:
    """Observed against expected tie weight for pairs that share attributes.

    Pairs of nodes are sorted into categories by which of ``attributes``
    they share (for two attributes: both, only the first, only the second,
    neither). For each category the observed summed tie weight is compared
    with its expectation when every node keeps its strength (summed tie
    weight) and partners are otherwise chosen at random,
    :math:`E[w_{ij}] = s_i s_j / 2W` (the null model of modularity,
    :cite:t:`newman2003`). A ratio below 1 means such pairs are tied less
    than their activity predicts.

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph whose nodes carry every attribute in ``attributes``.
    attributes : str or sequence of str
        Node attributes to compare (at most four).
    weight : str or None, default "weight"
        Edge attribute used as weight; ``None`` counts ties.

    Returns
    -------
    pandas.DataFrame
        One row per category (label such as ``"same country, same field"``):
        ``pairs`` (number of node pairs), ``tied`` (pairs with a tie),
        ``observed`` and ``expected`` weight, ``ratio`` (observed/expected).

    Raises
    ------
    ValueError
        If the graph has no (positive) ties, a node lacks an attribute, or
        more than four attributes are given.

    References
    ----------
    Newman, M. E. J. (2003); Blau (1977) on the opportunity structure of
    contact between groups.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_nodes_from([(1, {"c": "A"}), (2, {"c": "A"}), (3, {"c": "B"}), (4, {"c": "B"})])
    >>> G.add_edges_from([(1, 2), (3, 4), (1, 3)], weight=1.0)
    >>> dyad_mixing(G, "c")[["pairs", "tied", "observed", "expected"]].round(3)
             pairs  tied  observed  expected
    same c       2     2       2.0     0.667
    other c      4     1       1.0     1.500
    """
    check_graph(G, min_nodes=2)
    attrs = [attributes] if isinstance(attributes, str) else list(attributes)
    if not 1 <= len(attrs) <= 4:
        raise ValueError(f"give one to four attributes, got {len(attrs)}")
    nodes = list(G.nodes)
    pos = {v: k for k, v in enumerate(nodes)}
    values = {}
    for a in attrs:
        col = []
        for v in nodes:
            if a not in G.nodes[v] or G.nodes[v][a] is None or (isinstance(G.nodes[v][a], float) and np.isnan(G.nodes[v][a])):
                raise ValueError(f"node {v!r} has no attribute {a!r}")
            col.append(G.nodes[v][a])
        values[a] = pd.Series(col, index=range(len(nodes)))
    frame = pd.DataFrame(values)
    strength = np.zeros(len(nodes))
    edges = []
    for u, v, w in G.edges(data=weight, default=1.0):
        if u == v:
            continue
        w = 1.0 if weight is None else float(w)
        if not np.isfinite(w) or w < 0:
            raise ValueError(f"edge ({u!r}, {v!r}) has an invalid {weight!r}: {w!r}")
        edges.append((pos[u], pos[v], w))
        strength[pos[u]] += w
        strength[pos[v]] += w
    total = strength.sum() / 2.0
    if total <= 0:
        raise ValueError("graph has no ties with positive weight")
    e = np.array(edges, dtype=float).reshape(-1, 3)
    iu, iv, ew = e[:, 0].astype(int), e[:, 1].astype(int), e[:, 2]
    same_edge = {a: frame[a].to_numpy()[iu] == frame[a].to_numpy()[iv] for a in attrs}

    def pair_sums(subset):
        # sum over unordered pairs agreeing on every attribute of ``subset`` of (1, s_i s_j)
        keys = frame[list(subset)].apply(tuple, axis=1) if subset else pd.Series(0, index=frame.index)
        g = pd.DataFrame({"k": keys, "s": strength, "s2": strength**2, "one": 1.0}).groupby("k")
        sums = g[["s", "s2", "one"]].sum()
        n_pairs = float(((sums["one"] ** 2 - sums["one"]) / 2).sum())
        ss = float(((sums["s"] ** 2 - sums["s2"]) / 2).sum())
        return n_pairs, ss

    subsets = [c for r in range(len(attrs) + 1) for c in itertools.combinations(attrs, r)]
    agree = {S: pair_sums(S) for S in subsets}
    rows = {}
    for E in reversed(subsets):
        n_pairs = ss = 0.0
        for S in subsets:
            if set(E) <= set(S):
                sign = (-1) ** (len(S) - len(E))
                n_pairs += sign * agree[S][0]
                ss += sign * agree[S][1]
        mask = np.ones(len(ew), dtype=bool)
        for a in attrs:
            mask &= same_edge[a] if a in E else ~same_edge[a]
        label = ", ".join(("same " if a in E else "other ") + a for a in attrs)
        rows[label] = {
            "pairs": int(round(n_pairs)),
            "tied": int(mask.sum()),
            "observed": float(ew[mask].sum()),
            "expected": ss / (2.0 * total),
        }
    out = pd.DataFrame.from_dict(rows, orient="index")
    out["ratio"] = out["observed"] / out["expected"].where(out["expected"] > 0)
    return out
