"""Structure of a cluster network in the lighthouse paper's terms.

Section I of the lighthouse paper describes cluster relations as
horizontal rather than hierarchical, loosely coupled, redundant and
polycentric, and the nodes as actors of four groups. This module turns
each of these words into a measurable quantity:

======================  ==================================================
paper's term            measure
======================  ==================================================
loosely coupled         :func:`~regional_clusters.networks.density` (share of possible ties present)
polycentric             :func:`~regional_clusters.networks.polycentricity` = 1 - Freeman's degree
                        centralisation (:func:`~regional_clusters.networks.degree_centralization`)
redundant               :func:`~regional_clusters.networks.redundancy` (Burt), :func:`~regional_clusters.networks.closure`
four actor groups       :func:`~regional_clusters.networks.group_composition`, :func:`~regional_clusters.networks.blau_index`
mixing of groups        :func:`~regional_clusters.networks.group_mixing`, :func:`~regional_clusters.networks.group_assortativity`
horizontal ties         :func:`~regional_clusters.networks.tie_hierarchy` (coordinator vs participant)
fragmentation           :func:`~regional_clusters.networks.components`
narrow observation      :func:`~regional_clusters.networks.observation_focus` (Jonas 2005, 2.4)
======================  ==================================================

:func:`~regional_clusters.networks.network_profile` collects them in one labelled Series so that
countries and fields can be compared side by side.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from .._checks import as_generator
from ._validate import check_graph
from .brokerage import constraint, effective_size

__all__ = [
    "density",
    "degree_centralization",
    "polycentricity",
    "redundancy",
    "removal_experiment",
    "closure",
    "components",
    "group_composition",
    "blau_index",
    "group_mixing",
    "group_assortativity",
    "tie_hierarchy",
    "network_profile",
    "observation_focus",
]


def density(G) -> float:
    """Share of possible ties that are present.

    Parameters
    ----------
    G : networkx.Graph

    Returns
    -------
    float
        ``2m / (n(n-1))`` for an undirected graph (0 for a single node).

    Raises
    ------
    ValueError
        If ``G`` is empty or directed.

    References
    ----------
    Wasserman, S. and Faust, K. (1994). Social Network Analysis. Cambridge
    University Press, section 4.2.

    Examples
    --------
    >>> import networkx as nx
    >>> density(nx.path_graph(4))
    0.5
    """
    check_graph(G, directed=False, weight=None)
    return float(nx.density(G))


def degree_centralization(G) -> float:
    r"""Freeman's degree centralisation of an undirected graph.

    .. math:: C_D = \frac{\sum_i (k_{\max} - k_i)}{(n-1)(n-2)}

    1 for a star (one centre holds every tie), 0 when all degrees are equal.

    Parameters
    ----------
    G : networkx.Graph
        At least three nodes.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``G`` is directed or has fewer than three nodes.

    References
    ----------
    Freeman, L. C. (1979). Centrality in social networks: conceptual
    clarification. Social Networks 1(3), 215-239.

    Examples
    --------
    >>> import networkx as nx
    >>> degree_centralization(nx.star_graph(4))
    1.0
    >>> degree_centralization(nx.cycle_graph(5))
    0.0
    """
    check_graph(G, directed=False, weight=None)
    n = G.number_of_nodes()
    if n < 3:
        raise ValueError(f"degree centralisation needs at least three nodes, G has {n}")
    k = np.fromiter((d for _, d in G.degree()), dtype=float, count=n)
    return float(np.sum(k.max() - k) / ((n - 1) * (n - 2)))


def polycentricity(G) -> float:
    """One minus Freeman's degree centralisation: 1 for many equal centres.

    Parameters
    ----------
    G : networkx.Graph

    Returns
    -------
    float

    Raises
    ------
    ValueError
        As :func:`~regional_clusters.networks.degree_centralization`.

    References
    ----------
    Freeman, L. C. (1979). Centrality in social networks. Social Networks
    1(3), 215-239. Wie hell strahlen 'Leuchttuerme'?, section I
    (polycentric cluster relations).

    Examples
    --------
    >>> import networkx as nx
    >>> polycentricity(nx.star_graph(4))
    0.0
    """
    return 1.0 - degree_centralization(G)


def redundancy(G, weight: str | None = None) -> pd.Series:
    """Burt's redundancy of each actor's contacts: degree minus effective size.

    For unweighted graphs this is the average number of ties a contact has
    to the actor's other contacts (Borgatti 1997).

    Parameters
    ----------
    G : networkx.Graph
    weight : str or None, default None

    Returns
    -------
    pandas.Series
        Indexed by node, named ``"redundancy"``; NaN for isolates.

    Raises
    ------
    ValueError
        As :func:`regional_clusters.networks.constraint`.

    References
    ----------
    Burt, R. S. (1992). Structural Holes. Harvard University Press.
    Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
    measures. Connections 20(1), 35-38.

    Examples
    --------
    >>> import networkx as nx
    >>> redundancy(nx.complete_graph(4)).tolist()
    [2.0, 2.0, 2.0, 2.0]
    """
    es = effective_size(G, weight=weight)
    deg = pd.Series(dict(G.degree()), dtype=float).reindex(es.index)
    deg[deg == 0] = np.nan
    return (deg - es).rename("redundancy")


def closure(G) -> pd.Series:
    """Triadic closure: transitivity and average clustering.

    Parameters
    ----------
    G : networkx.Graph

    Returns
    -------
    pandas.Series
        ``transitivity`` (share of connected triples that are closed) and
        ``average_clustering`` (mean of the local clustering coefficients).

    Raises
    ------
    ValueError
        If ``G`` is empty or directed.

    References
    ----------
    Watts, D. J. and Strogatz, S. H. (1998). Collective dynamics of
    'small-world' networks. Nature 393, 440-442.

    Examples
    --------
    >>> import networkx as nx
    >>> closure(nx.complete_graph(4)).tolist()
    [1.0, 1.0]
    """
    check_graph(G, directed=False, weight=None)
    return pd.Series(
        {"transitivity": nx.transitivity(G), "average_clustering": nx.average_clustering(G)}, name="closure"
    )


def components(G) -> pd.Series:
    """Sizes of the connected components, largest first.

    Parameters
    ----------
    G : networkx.Graph

    Returns
    -------
    pandas.Series
        Component sizes indexed 0, 1, ... (0 the largest), named ``"size"``.

    Raises
    ------
    ValueError
        If ``G`` is empty or directed.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (2, 3), (4, 5)]); G.add_node(6)
    >>> components(G).tolist()
    [3, 2, 1]
    """
    check_graph(G, directed=False, weight=None)
    sizes = sorted((len(c) for c in nx.connected_components(G)), reverse=True)
    return pd.Series(sizes, index=pd.RangeIndex(len(sizes), name="component"), name="size")


def group_composition(G, group: str = "group") -> pd.DataFrame:
    """How many actors of each group the network holds.

    Parameters
    ----------
    G : networkx.Graph
    group : str, default "group"

    Returns
    -------
    pandas.DataFrame
        Indexed by group: ``actors`` (count) and ``share``.

    Raises
    ------
    ValueError
        If ``G`` is empty or a node lacks ``group``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (2, 3)])
    >>> nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b"}, "group")
    >>> group_composition(G)["actors"].tolist()
    [2, 1]
    """
    check_graph(G, group=group, weight=None)
    counts = pd.Series([g for _, g in G.nodes(data=group)]).value_counts().sort_index()
    counts.index.name = group
    return pd.DataFrame({"actors": counts, "share": counts / counts.sum()})


def blau_index(G, group: str = "group") -> float:
    r"""Blau's index of heterogeneity of the actor groups.

    .. math:: B = 1 - \sum_k p_k^2

    0 when all actors belong to one group; :math:`1 - 1/K` when K groups
    are equally large.

    Parameters
    ----------
    G : networkx.Graph or pandas.Series
        A graph with a node attribute ``group``, or a Series of group
        labels (one per actor).
    group : str, default "group"

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If there are no actors or a node lacks ``group``.

    References
    ----------
    Blau, P. M. (1977). Inequality and Heterogeneity: A Primitive Theory of
    Social Structure. Free Press.

    Examples
    --------
    >>> import pandas as pd
    >>> blau_index(pd.Series(["a", "a", "b", "b"]))
    0.5
    """
    if isinstance(G, pd.Series):
        if G.empty or G.isna().any():
            raise ValueError("group labels are empty or contain missing values")
        labels = G
    else:
        check_graph(G, group=group, weight=None)
        labels = pd.Series([g for _, g in G.nodes(data=group)])
    p = labels.value_counts(normalize=True).to_numpy()
    return float(1.0 - np.sum(p**2))


def group_mixing(G, group: str = "group", weight: str | None = None, *, normalize: bool = False) -> pd.DataFrame:
    """Ties within and between actor groups (mixing matrix).

    Parameters
    ----------
    G : networkx.Graph
    group : str, default "group"
    weight : str or None, default None
        Sum this edge attribute instead of counting ties.
    normalize : bool, default False
        Divide by the total so that the (symmetric) matrix sums to 1.

    Returns
    -------
    pandas.DataFrame
        Symmetric group x group table; the diagonal counts ties within a
        group, each off-diagonal tie is counted in both cells.

    Raises
    ------
    ValueError
        If ``G`` is directed, empty or a node lacks ``group``.

    References
    ----------
    Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E
    67, 026126.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (2, 3)])
    >>> nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b"}, "group")
    >>> group_mixing(G).to_numpy().tolist()
    [[1.0, 1.0], [1.0, 0.0]]
    """
    check_graph(G, directed=False, group=group, weight=weight)
    labels = sorted({g for _, g in G.nodes(data=group)}, key=str)
    pos = {g: i for i, g in enumerate(labels)}
    M = np.zeros((len(labels), len(labels)))
    attr = dict(G.nodes(data=group))
    for u, v, w in G.edges(data=weight, default=1) if weight else ((u, v, 1) for u, v in G.edges()):
        a, b = pos[attr[u]], pos[attr[v]]
        if a == b:
            M[a, a] += w
        else:
            M[a, b] += w
            M[b, a] += w
    out = pd.DataFrame(M, index=pd.Index(labels, name=group), columns=pd.Index(labels, name=group))
    if normalize and M.sum() > 0:
        out = out / M.sum()
    return out


def group_assortativity(G, group: str = "group") -> float:
    """Newman's assortativity coefficient of the actor groups.

    Positive when ties run mostly within groups, negative when they run
    mostly between groups, 0 when groups mix at random.

    Parameters
    ----------
    G : networkx.Graph
    group : str, default "group"

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``G`` is directed, has no edges or a node lacks ``group``.

    References
    ----------
    Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E
    67, 026126.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (3, 4)])
    >>> nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b", 4: "b"}, "group")
    >>> group_assortativity(G)
    1.0
    """
    check_graph(G, directed=False, group=group, weight=None)
    if G.number_of_edges() == 0:
        raise ValueError("G has no edges; assortativity needs ties")
    return float(nx.attribute_assortativity_coefficient(G, group))


def tie_hierarchy(G, coordinated: str = "coordinated", projects: str = "projects",
                  abroad: str = "coordinated_abroad") -> pd.Series:
    """Who coordinates the joint projects behind the ties of a national network.

    A joint project ties two organisations hierarchically when one of them
    coordinates it (coordinator and participant). In a national slice of a
    transnational programme the other projects are of two kinds: coordinated
    by a third organisation of the same country, or coordinated abroad. The
    second kind says nothing about relations among equals; it measures how
    far the domestic ties depend on foreign coordinators. Horizontality is
    therefore measured on the projects coordinated in the country: the share
    of them that neither partner coordinates. Built by
    :func:`~regional_clusters.networks.coparticipation_network` with
    ``countries``, edges carry the number of joint projects (``projects``),
    of those coordinated by one of the two (``coordinated``) and of those
    coordinated abroad (``coordinated_abroad``).

    Parameters
    ----------
    G : networkx.Graph
    coordinated, projects, abroad : str
        Edge attributes with the counts; without ``abroad`` on the edges,
        every project counts as coordinated in the country.

    Returns
    -------
    pandas.Series
        ``hierarchical_share`` (of all joint projects: coordinated by one of
        the pair), ``domestic_third_share`` (coordinated by another
        organisation of the country), ``abroad_share`` (coordinated abroad;
        NaN when unknown), ``horizontal_share`` (third / (third + one of the
        pair): horizontality among domestically coordinated projects; NaN
        when none is), ``ties_never_coordinated`` (share of ties in which
        neither partner ever coordinates).

    Raises
    ------
    ValueError
        If ``G`` has no edges or an edge lacks the attributes.

    References
    ----------
    Wie hell strahlen 'Leuchttuerme'?, section I (cluster relations are
    non-hierarchical and horizontal).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge(1, 2, projects=2, coordinated=1, coordinated_abroad=0)
    >>> G.add_edge(2, 3, projects=2, coordinated=0, coordinated_abroad=1)
    >>> tie_hierarchy(G).round(3).tolist()
    [0.25, 0.5, 0.25, 0.667, 0.5]
    """
    check_graph(G, directed=False, weight=None)
    if G.number_of_edges() == 0:
        raise ValueError("G has no edges")
    try:
        pr = np.array([d[projects] for _, _, d in G.edges(data=True)], dtype=float)
        co = np.array([d[coordinated] for _, _, d in G.edges(data=True)], dtype=float)
    except KeyError as err:
        raise ValueError(f"an edge lacks the attribute {err.args[0]!r} (build G with coparticipation_network)") from None
    known = all(abroad in d for _, _, d in G.edges(data=True))
    ab = np.array([d[abroad] for _, _, d in G.edges(data=True)], dtype=float) if known else np.zeros_like(pr)
    hier = co.sum() / pr.sum()
    away = ab.sum() / pr.sum()
    third = 1.0 - hier - away
    home = third + hier
    return pd.Series(
        {"hierarchical_share": hier, "domestic_third_share": third, "abroad_share": away if known else np.nan,
         "horizontal_share": third / home if home > 0 else np.nan, "ties_never_coordinated": float(np.mean(co == 0))},
        name="tie_hierarchy",
    )


def network_profile(G, group: str = "group") -> pd.Series:
    """The lighthouse paper's structural vocabulary as numbers, for one network.

    Parameters
    ----------
    G : networkx.Graph
        With node attribute ``group``; edges with ``projects`` and
        ``coordinated`` add the horizontality measures.
    group : str, default "group"

    Returns
    -------
    pandas.Series
        ``actors`` (all nodes), ``isolates_share`` (nodes without a tie),
        ``connected_actors``; then, on the nodes with at least one tie:
        ``ties``, ``density``, ``mean_degree``, ``largest_component_share``,
        ``polycentricity``, ``transitivity``, ``mean_redundancy`` (Burt,
        unweighted; grows with degree), ``redundancy_share`` (redundancy /
        degree = 1 - efficiency, the degree-free version), ``blau_index``,
        ``group_assortativity`` and, when available, ``horizontal_share``
        and ``abroad_share`` (see :func:`~regional_clusters.networks.tie_hierarchy`).

    Raises
    ------
    ValueError
        If ``G`` is directed, has no edges, or a node lacks ``group``.

    References
    ----------
    Wie hell strahlen 'Leuchttuerme'?, section I.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.karate_club_graph()
    >>> nx.set_node_attributes(G, nx.get_node_attributes(G, "club"), "group")
    >>> network_profile(G)[["actors", "ties"]].tolist()
    [34.0, 78.0]
    """
    check_graph(G, directed=False, group=group, weight=None)
    n_all = G.number_of_nodes()
    isolates = [v for v, d in G.degree() if d == 0]
    if G.number_of_edges() == 0:
        raise ValueError("G has no edges")
    # every structural measure is taken on the actors with at least one tie;
    # isolates are reported as their own share, so that fragmentation and
    # polycentricity do not mix with organisations that have no domestic partner
    H = G.subgraph([v for v in G if G.degree(v) > 0])
    n = H.number_of_nodes()
    m = H.number_of_edges()
    comps = components(H)
    red = redundancy(H)
    deg = pd.Series(dict(H.degree()))
    out = {
        "actors": float(n_all),
        "isolates_share": len(isolates) / n_all,
        "connected_actors": float(n),
        "ties": float(m),
        "density": density(H),
        "mean_degree": 2 * m / n,
        "largest_component_share": comps.iloc[0] / n,
        "polycentricity": polycentricity(H) if n >= 3 else np.nan,
        "transitivity": nx.transitivity(H),
        "mean_redundancy": float(red.mean()),
        "redundancy_share": float((red / deg.reindex(red.index)).mean()),
        "blau_index": blau_index(H, group),
        "group_assortativity": group_assortativity(H, group),
    }
    edge = next(iter(G.edges(data=True)), (None, None, {}))[2]
    if "coordinated" in edge and "projects" in edge:
        th = tie_hierarchy(H)
        out["horizontal_share"] = th["horizontal_share"]
        out["abroad_share"] = th["abroad_share"]
    return pd.Series(out, name="profile")


def observation_focus(
    G,
    focus="Economic actors",
    *,
    group: str = "group",
    n_sources: int = 200,
    seed=None,
) -> pd.DataFrame:
    """What an observer who sees only some actor groups misses.

    Compares the connectivity of the focus actors (by default firms) in the
    whole network with their connectivity in the network restricted to the
    focus groups, as an observer with a narrow focus would record it.

    Parameters
    ----------
    G : networkx.Graph
        Undirected, with node attribute ``group``.
    focus : str or list of str, default "Economic actors"
        Group(s) the narrow observer sees.
    group : str, default "group"
    n_sources : int, default 200
        Focus actors sampled (seeded) as sources of breadth-first searches
        for distances and reachability.
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        Two rows, ``"all actors"`` and ``"focus only"``; columns
        ``focus_actors``, ``isolated_share`` (focus actors without any tie),
        ``largest_component_share`` (share of focus actors in the largest
        component that contains focus actors), ``reachable_share`` (share of
        ordered focus pairs connected by some path), ``mean_distance``
        (mean shortest-path length between connected focus pairs, paths may
        run through any actor present), ``mean_constraint`` and
        ``mean_effective_size`` of the focus actors (Burt, unweighted).

    Raises
    ------
    ValueError
        If ``G`` is directed, empty, a node lacks ``group``, or no node
        belongs to ``focus``.

    References
    ----------
    Jonas, M. (2005). Brücken zur regionalen Clusterforschung. Zeitschrift
    für Soziologie 34(4), sections 2.4 and 3.4.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("f1", "u"), ("u", "f2")])
    >>> nx.set_node_attributes(G, {"f1": "firm", "f2": "firm", "u": "university"}, "group")
    >>> observation_focus(G, "firm")["reachable_share"].tolist()
    [1.0, 0.0]
    """
    check_graph(G, directed=False, group=group, weight=None)
    keep = {focus} if isinstance(focus, str) else set(focus)
    members = [n for n, g in G.nodes(data=group) if g in keep]
    if not members:
        raise ValueError(f"no node of G belongs to the focus group(s) {sorted(keep)}")
    rng = np.random.default_rng(seed) if not isinstance(seed, np.random.Generator) else seed
    sources = list(members) if len(members) <= n_sources else [members[i] for i in rng.choice(len(members), n_sources, replace=False)]
    member_set = set(members)
    rows = {}
    for label, H in (("all actors", G), ("focus only", G.subgraph(members))):
        comp_sizes = [sum(1 for n in c if n in member_set) for c in nx.connected_components(H)]
        dist_sum, pairs, reach = 0.0, 0, 0
        for s in sources:
            lengths = nx.single_source_shortest_path_length(H, s)
            d = [v for t, v in lengths.items() if t in member_set and t != s]
            reach += len(d)
            dist_sum += sum(d)
            pairs += len(d)
        deg_zero = sum(1 for n in members if H.degree(n) == 0)
        c = constraint(H, weight=None, nodes=members) if H.number_of_edges() else pd.Series(np.nan, index=members)
        es = effective_size(H, weight=None, nodes=members) if H.number_of_edges() else pd.Series(np.nan, index=members)
        rows[label] = {
            "focus_actors": len(members),
            "isolated_share": deg_zero / len(members),
            "largest_component_share": max(comp_sizes) / len(members),
            "reachable_share": reach / (len(sources) * max(len(members) - 1, 1)),
            "mean_distance": dist_sum / pairs if pairs else np.nan,
            "mean_constraint": float(c.mean()),
            "mean_effective_size": float(es.mean()),
        }
    return pd.DataFrame(rows).T


def _focus_reach(A, keep: np.ndarray, focus: np.ndarray) -> float:
    """Share of pairs of focus actors connected once the nodes outside ``keep`` are gone."""
    from scipy.sparse.csgraph import connected_components

    idx = np.flatnonzero(keep)
    sub = A[idx][:, idx]
    _, labels = connected_components(sub, directed=False)
    f = focus[idx]
    counts = np.bincount(labels[f], minlength=labels.max() + 1).astype(float)
    total = float(f.sum())
    return float(np.sum(counts * (counts - 1)) / (total * (total - 1))) if total > 1 else np.nan


def removal_experiment(G, remove, focus="Economic actors", *, group: str = "group", n: int = 199, seed=None,
                       n_bins: int = 10, top: int = 1) -> pd.DataFrame:
    """How much of the focus actors' connectivity runs through one group?

    Removes every member of the group ``remove`` and measures the share of
    pairs of focus actors (firms) still connected by some path. Two
    comparisons say whether the group matters as a group or only through
    its size and its hubs: a degree-matched random removal (``n`` draws;
    the same number of non-focus actors, each drawn at random from the
    non-focus actors in the same degree decile as a removed member,
    regardless of group), and the removal of the group's ``top``
    best-connected members alone, and of the group except them.

    Parameters
    ----------
    G : networkx.Graph
        Undirected, node attribute ``group``.
    remove : str
        The group to remove (not a focus group).
    focus : str or list of str, default "Economic actors"
    group : str, default "group"
    n : int, default 199
    seed : int or numpy.random.Generator, optional
    n_bins : int, default 10
        Degree bins (quantiles over the non-focus actors) for the matching.
    top : int, default 1
        Number of the group's highest-degree members treated as hubs.

    Returns
    -------
    pandas.DataFrame
        Indexed by scenario (``nothing removed``, ``group removed``,
        ``degree-matched random removal``, ``top hubs of the group removed``,
        ``group removed except its top hubs``): ``reach`` (share of focus
        pairs connected; for the random removal the mean over draws), ``sd``
        and ``p_value`` (two-sided, (k + 1) / (B + 1)) for the random
        removal, ``removed`` (number of actors removed).

    Raises
    ------
    ValueError
        If ``G`` is directed, ``remove`` is a focus group or has no member,
        there are fewer than two focus actors, or ``n`` < 1.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.star_graph(4)  # centre 0 links four firms
    >>> nx.set_node_attributes(G, {0: "uni", 1: "firm", 2: "firm", 3: "firm", 4: "firm"}, "group")
    >>> res = removal_experiment(G, "uni", "firm", n=9, seed=1)
    >>> res.loc[["nothing removed", "group removed"], "reach"].tolist()
    [1.0, 0.0]
    """
    from .nulls import permutation_p

    check_graph(G, directed=False, group=group, weight=None)
    keepset = {focus} if isinstance(focus, str) else set(focus)
    if remove in keepset:
        raise ValueError(f"remove={remove!r} is a focus group")
    if int(n) < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    nodelist = list(G)
    labels = np.array([G.nodes[v][group] for v in nodelist], dtype=object)
    is_focus = np.isin(labels, list(keepset))
    if is_focus.sum() < 2:
        raise ValueError("fewer than two focus actors")
    members = np.flatnonzero(labels == remove)
    if len(members) == 0:
        raise ValueError(f"no actor of group {remove!r} in G")
    A = nx.to_scipy_sparse_array(G, nodelist=nodelist, weight=None, format="csr")
    deg = np.diff(A.indptr)
    everyone = np.ones(len(nodelist), dtype=bool)
    base = _focus_reach(A, everyone, is_focus)
    keep = everyone.copy()
    keep[members] = False
    without = _focus_reach(A, keep, is_focus)
    hubs = members[np.argsort(-deg[members], kind="stable")[: int(top)]]
    keep_h = everyone.copy()
    keep_h[hubs] = False
    without_hubs = _focus_reach(A, keep_h, is_focus)
    keep_rest = keep.copy()
    keep_rest[hubs] = True
    without_rest = _focus_reach(A, keep_rest, is_focus)
    # degree-matched random removal among the non-focus actors
    pool = np.flatnonzero(~is_focus)
    edges = np.unique(np.quantile(deg[pool], np.linspace(0, 1, int(n_bins) + 1)))
    bin_of = np.clip(np.searchsorted(edges, deg, side="right") - 1, 0, max(len(edges) - 2, 0))
    rng = as_generator(seed)
    need = np.bincount(bin_of[members], minlength=len(edges))
    by_bin = {b: pool[bin_of[pool] == b] for b in np.flatnonzero(need)}
    sims = np.empty(int(n))
    for k in range(int(n)):
        chosen = np.concatenate([rng.choice(by_bin[b], size=min(need[b], len(by_bin[b])), replace=False)
                                 for b in by_bin])
        kk = everyone.copy()
        kk[chosen] = False
        sims[k] = _focus_reach(A, kk, is_focus)
    out = pd.DataFrame({
        "reach": [base, without, float(sims.mean()), without_hubs, without_rest],
        "sd": [np.nan, np.nan, float(sims.std(ddof=1)) if n > 1 else np.nan, np.nan, np.nan],
        "p_value": [np.nan, permutation_p(without, sims, "two-sided"), np.nan, np.nan, np.nan],
        "removed": [0, len(members), len(members), len(hubs), len(members) - len(hubs)],
    }, index=pd.Index(["nothing removed", "group removed", "degree-matched random removal",
                       "top hubs of the group removed", "group removed except its top hubs"], name="scenario"))
    out.attrs["n_draws"] = int(n)
    return out
