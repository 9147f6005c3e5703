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

import functools
import itertools

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

from ._common import check_graph, check_int, check_nonnegative, check_probability, rng_from

__all__ = ["TYPES", "READINGS", "classify_neighbourhoods", "grabher_network", "monitoring_by_type", "local_density", "epistemic_communities", "type_mix", "dyad_mixing"]

#: The three ideal types, in order of decreasing tie strength and closure.
TYPES = ("communality", "sociality", "connectivity")

#: Two readings of Grabher's weak-tie types (see :func:`classify_neighbourhoods`).
READINGS = ("closure", "brokerage")


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
    reading: str = "closure",
) -> pd.DataFrame:
    """Classify each actor's neighbourhood as communality, sociality or connectivity.

    Rule: ``communality`` if at least ``strong_share`` of the actor's ties
    have weight >= ``strong``. The two weak-tie types depend on how
    Grabher is read. ``reading="closure"`` (the default): sociality is a
    dense scene in which reputation circulates, so weak ties in a
    neighbourhood of density >= ``dense`` are ``sociality`` and the rest
    ``connectivity``. ``reading="brokerage"`` follows Jonas's rendering, in
    which sociality means contacts collected and traded in Burt's sense,
    i.e. weak ties in a *sparse* neighbourhood; weak ties in a dense one are
    then ``connectivity``. Connectivity's defining feature, exchange
    mediated by professional norms, has no signature in a network of ties,
    so under either reading it is the residual weak-tie type. Isolates get
    type ``"isolate"``.

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
        Local density from which a weak-tie neighbourhood counts as dense,
        in [0, 1].
    reading : {"closure", "brokerage"}, default "closure"
        Which weak-tie neighbourhoods are sociality: dense ones (closure) or
        sparse ones (brokerage).

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
    >>> classify_neighbourhoods(G, reading="brokerage")["type"].astype(str).to_dict()[3]
    'sociality'
    """
    check_graph(G, min_nodes=1)
    strong = check_nonnegative("strong", strong)
    strong_share = check_probability("strong_share", strong_share)
    dense = check_probability("dense", dense)
    if reading not in READINGS:
        raise ValueError(f"reading must be one of {READINGS}, got {reading!r}")
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
    dense_scene = dens >= dense
    weak_type = np.where(dense_scene, "sociality", "connectivity") if reading == "closure" else np.where(dense_scene, "connectivity", "sociality")
    kind = np.where(share >= strong_share, "communality", weak_type)
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
    :cite:t:`newman2004`). A ratio below 1 means such pairs are tied less
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


def _monitoring_run(graph, seed, *, monitoring, types, **params):
    """Innovations per actor by neighbourhood type in one learning run (a picklable sweep model)."""
    from .learning import simulate_learning

    agents = simulate_learning(graph, monitoring=monitoring, seed=seed, **params).agents
    per_step = agents["innovations"] / params.get("steps", 40)
    return per_step.groupby(types.reindex(agents.index).astype(str)).mean()


def monitoring_by_type(
    graph: nx.Graph,
    *,
    monitoring: tuple[float, float] = (0.0, 0.5),
    seeds: int = 10,
    level: float = 0.95,
    executor=None,
    batch_size: int = 1,
    classify: dict | None = None,
    **params,
) -> pd.DataFrame:
    """What learning by monitoring does in each of Grabher's neighbourhood types.

    Classifies the actors of ``graph`` with :func:`classify_neighbourhoods`
    (edge ``weight`` as tie strength), runs
    :func:`~regional_clusters.models.learning.simulate_learning` on it with
    the two monitoring levels on common seeds, and compares innovations per
    actor and step by type: the model experiment behind Jonas's question
    which role learning by monitoring plays in each type.

    Parameters
    ----------
    graph : networkx.Graph
        Network of actors with edge attribute ``weight`` (strength) and,
        optionally, node attribute ``group`` (knowledge blocks).
    monitoring : (float, float), default (0.0, 0.5)
        Monitoring probability without and with monitoring.
    seeds : int, default 10
        Paired runs.
    level : float, default 0.95
    executor : concurrent.futures.Executor, optional
    batch_size : int, default 1
        Runs per task submitted to ``executor``.
    classify : dict, optional
        Keyword arguments of :func:`classify_neighbourhoods`.
    **params
        Passed on to ``simulate_learning``.

    Returns
    -------
    pandas.DataFrame
        One row per type: ``actors``, ``base`` and ``alternative`` (mean
        innovations per actor and step), ``difference`` with ``lower`` and
        ``upper`` (paired over seeds) and ``sign``.

    Raises
    ------
    ValueError
        For a bad graph or parameters (named).

    Examples
    --------
    >>> G = nx.relaxed_caveman_graph(4, 6, 0.3, seed=1)
    >>> nx.set_edge_attributes(G, {e: 2.0 if e[0] // 6 == e[1] // 6 else 1.0 for e in G.edges}, "weight")
    >>> nx.set_node_attributes(G, {v: v // 6 for v in G}, "group")
    >>> tab = monitoring_by_type(G, seeds=3, steps=10, n_domains=32)
    >>> list(tab.columns)
    ['actors', 'base', 'alternative', 'difference', 'lower', 'upper', 'sign']
    """
    from .sweep import paired_difference

    check_graph(graph)
    if len(monitoring) != 2:
        raise ValueError("monitoring must be a pair (without, with)")
    low, high = (check_probability("monitoring", m) for m in monitoring)
    types = classify_neighbourhoods(graph, **(classify or {}))["type"]
    model = functools.partial(_monitoring_run, graph, types=types, **params)
    tab = paired_difference(model, "monitoring", low, high, seeds=seeds, level=level, executor=executor, batch_size=batch_size)
    tab = tab.rename(columns={"outcome": "type"}).set_index("type")
    counts = types.astype(str).value_counts()
    tab.insert(0, "actors", counts.reindex(tab.index).fillna(0).astype(int))
    order = [t for t in (*TYPES, "isolate") if t in tab.index]
    return tab.loc[order, ["actors", "base", "alternative", "difference", "lower", "upper", "sign"]]


def grabher_network(
    n_per_type: int = 20,
    *,
    circle_size: int = 5,
    scene_density: float = 0.5,
    cross_ties: int = 20,
    strong_weight: float = 3.0,
    seed=0,
) -> nx.Graph:
    """A stylised network that contains all three of Grabher's neighbourhood types.

    Three blocks of ``n_per_type`` actors: *communality*, circles of
    ``circle_size`` actors joined by strong ties (weight
    ``strong_weight``); *sociality*, one dense scene of weak ties (a random
    graph of density ``scene_density``); *connectivity*, a sparse ring of
    weak ties. ``cross_ties`` weak ties join random actors of different
    blocks. Node attributes: ``group`` (each circle, the scene and the ring
    are groups, so each starts with its own block of knowledge in the
    learning model) and ``block`` (the type the block was built as).

    Parameters
    ----------
    n_per_type : int, default 20
        Actors per block (>= ``circle_size``, >= 3).
    circle_size : int, default 5
        Size of the communal circles (>= 2).
    scene_density : float, default 0.5
        Tie probability inside the scene, in [0, 1].
    cross_ties : int, default 20
        Weak ties between blocks (>= 0).
    strong_weight : float, default 3
        Weight of the ties inside circles (>= 0).
    seed : int or numpy.random.Generator

    Returns
    -------
    networkx.Graph
        Edge attribute ``weight``.

    Raises
    ------
    ValueError
        Naming the bad parameter.

    Examples
    --------
    >>> G = grabher_network(10, scene_density=1.0, cross_ties=0, seed=1)
    >>> classify_neighbourhoods(G, dense=0.3).groupby("type", observed=True).size().to_dict()
    {'communality': 10, 'sociality': 10, 'connectivity': 10}
    """
    n = check_int("n_per_type", n_per_type, 3)
    k = check_int("circle_size", circle_size, 2)
    if k > n:
        raise ValueError(f"circle_size must not exceed n_per_type, got {k} > {n}")
    p = check_probability("scene_density", scene_density)
    m = check_int("cross_ties", cross_ties, 0)
    w_strong = check_nonnegative("strong_weight", strong_weight)
    rng = rng_from(seed)
    G = nx.Graph()
    group = 0
    for start in range(0, n - n % k, k):
        members = range(start, start + k)
        G.add_nodes_from(members, group=group, block="communality")
        G.add_edges_from(itertools.combinations(members, 2), weight=w_strong)
        group += 1
    for v in range(n - n % k, n):  # remainder joins the last circle
        G.add_node(v, group=group - 1, block="communality")
        G.add_edges_from(((v, u) for u in range(n - n % k - k, n - n % k)), weight=w_strong)
    scene = list(range(n, 2 * n))
    G.add_nodes_from(scene, group=group, block="sociality")
    pairs = list(itertools.combinations(scene, 2))
    G.add_edges_from((pairs[i] for i in np.flatnonzero(rng.random(len(pairs)) < p)), weight=1.0)
    group += 1
    ring = list(range(2 * n, 3 * n))
    G.add_nodes_from(ring, group=group, block="connectivity")
    G.add_edges_from(((ring[i], ring[(i + 1) % n]) for i in range(n)), weight=1.0)
    blocks = [np.arange(0, n), np.arange(n, 2 * n), np.arange(2 * n, 3 * n)]
    added = 0
    while added < m:
        a, b = rng.choice(3, size=2, replace=False)
        u, v = int(rng.choice(blocks[a])), int(rng.choice(blocks[b]))
        if not G.has_edge(u, v):
            G.add_edge(u, v, weight=1.0)
            added += 1
    return G
