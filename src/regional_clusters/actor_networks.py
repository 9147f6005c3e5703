"""Analyses of real networks of actors, each against a null model.

The book's real actor networks (a regional cluster's advice ties, emergency
response networks, a law firm) are small, directed and come with actor
attributes. This module turns them into the comparisons the chapters read:

- :func:`dyadic_covariates`, :func:`mrqap_report` and
  :func:`mrqap_relations`: actor attributes as dyad matrices for MRQAP, the
  coefficient table with its specification line, and several relations
  fitted on the same covariates;
- :func:`brokerage_by_group` and :func:`brokerage_null`: Gould and
  Fernandez's roles summed by the broker's group, against degree-preserving
  rewiring;
- :func:`cross_group_brokerage` and :func:`cross_group_null`: open
  two-paths between two groups in undirected graphs, by the broker's group,
  and against rewiring (fast, for summing over several small graphs);
- :func:`node_brokerage_null`: each actor's open two-paths against the
  same null, separating position from the number of ties;
- :func:`tie_persistence`: ties of one wave still present in the next,
  against the density of the later wave and against rewiring it;
- :func:`ei_by_attribute`: Krackhardt and Stern's E-I index of a directed
  relation against random relabelling of the actors.

All p-values follow the package's convention (k + 1) / (B + 1)
(:func:`~regional_clusters.networks.permutation_p`); results carry the
columns of :func:`~regional_clusters.networks.null_comparison`, so
:func:`~regional_clusters.networks.null_table` prints them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import networkx as nx
import numpy as np
import pandas as pd

from ._checks import as_generator
from .networks import brokerage, ei_index, format_p, mrqap, null_comparison, permutation_p, rewire_null

__all__ = [
    "dyadic_covariates",
    "mrqap_report",
    "RelationFits",
    "mrqap_relations",
    "brokerage_by_group",
    "brokerage_null",
    "cross_group_brokerage",
    "cross_group_null",
    "node_brokerage_null",
    "tie_persistence",
    "ei_by_attribute",
]

_KINDS = ("same", "both", "sender", "receiver", "absdiff")
_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total")


def _node_values(G, attribute, name: str) -> np.ndarray:
    nodes = list(G)
    if isinstance(attribute, pd.Series):
        missing = [v for v in nodes if v not in attribute.index]
        if missing:
            raise ValueError(f"covariate {name!r}: no value for node {missing[0]!r}")
        values = attribute.loc[nodes]
    else:
        missing = [v for v in nodes if attribute not in G.nodes[v]]
        if missing:
            raise ValueError(f"covariate {name!r}: node {missing[0]!r} lacks the attribute {attribute!r}")
        values = pd.Series([G.nodes[v][attribute] for v in nodes], index=nodes)
    if values.isna().any():
        raise ValueError(f"covariate {name!r}: missing value for node {values.index[values.isna()][0]!r}")
    return values.to_numpy()


def dyadic_covariates(G, spec: Mapping, matrices: Mapping | None = None) -> dict:
    """Actor attributes as dyad (actor x actor) matrices for MRQAP.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Fixes the actors and their order.
    spec : mapping of str to (attribute, kind)
        ``attribute`` is a node attribute name or a pandas Series indexed by
        node; ``kind`` is ``"same"`` (1 if the two actors share the value),
        ``"both"`` (product: 1 if both are 1 for a 0/1 attribute),
        ``"sender"`` (the value of the row actor, e.g. the one asking for
        advice), ``"receiver"`` (the column actor's value) or ``"absdiff"``
        (absolute difference).
    matrices : mapping of str to pandas.DataFrame, optional
        Dyadic covariates measured directly (e.g. proximity); reordered to
        the graph's node order and placed first.

    Returns
    -------
    dict of str to pandas.DataFrame
        Float matrices labelled by node, zero on the diagonal.

    Raises
    ------
    ValueError
        If a kind is unknown, a node lacks the attribute or a value, or a
        matrix misses a node.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([(1, 2), (2, 3)])
    >>> nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b"}, "office")
    >>> dyadic_covariates(G, {"same office": ("office", "same")})["same office"].to_numpy().tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    nodes = list(G)
    out = {}
    for name, M in (matrices or {}).items():
        missing = [v for v in nodes if v not in M.index or v not in M.columns]
        if missing:
            raise ValueError(f"matrix {name!r} has no row or column for node {missing[0]!r}")
        values = M.loc[nodes, nodes].to_numpy(dtype=float, copy=True)
        np.fill_diagonal(values, 0.0)
        out[name] = pd.DataFrame(values, index=nodes, columns=nodes)
    for name, item in spec.items():
        attribute, kind = item
        if kind not in _KINDS:
            raise ValueError(f"covariate {name!r}: kind must be one of {_KINDS}, got {kind!r}")
        x = _node_values(G, attribute, name)
        if kind == "same":
            M = (x[:, None] == x[None, :]).astype(float)
        else:
            try:
                xf = x.astype(float)
            except (TypeError, ValueError) as exc:
                raise ValueError(f"covariate {name!r}: kind {kind!r} needs numeric values") from exc
            M = {
                "both": lambda: np.outer(xf, xf),
                "sender": lambda: np.repeat(xf[:, None], len(xf), axis=1),
                "receiver": lambda: np.repeat(xf[None, :], len(xf), axis=0),
                "absdiff": lambda: np.abs(xf[:, None] - xf[None, :]),
            }[kind]()
        np.fill_diagonal(M, 0.0)
        out[name] = pd.DataFrame(M, index=nodes, columns=nodes)
    return out


def mrqap_report(result: pd.DataFrame, *, outcome: str, sample: str, labels: Mapping | None = None):
    """The coefficient table of an MRQAP fit and its specification line.

    OLS standard errors and t-ratios assume independent dyads, which ties
    sharing an actor are not; the table therefore shows coefficients with
    their permutation p-values only.

    Parameters
    ----------
    result : pandas.DataFrame
        Output of :func:`~regional_clusters.networks.mrqap`.
    outcome : str
        The dependent relation in words.
    sample : str
        The actors and dyads in words.
    labels : mapping, optional
        Readable names of the terms.

    Returns
    -------
    table : pandas.DataFrame
        Columns ``term``, ``coefficient``, ``p (permutation)``.
    specification : str
        Estimator, outcome, inference, number of dyads and sample, R².

    Raises
    ------
    ValueError
        If ``result`` lacks the columns or attributes of an MRQAP fit.

    Examples
    --------
    >>> import numpy as np
    >>> from regional_clusters.networks import mrqap
    >>> rng = np.random.default_rng(0)
    >>> A = rng.random((12, 12)); Y = 2 * A + rng.random((12, 12))
    >>> table, spec = mrqap_report(mrqap(Y, {"A": A}, n_permutations=99, seed=1),
    ...                            outcome="Y", sample="12 toy actors")
    >>> spec.split(";")[0]
    'OLS (linear probability for 0/1 ties) with MRQAP inference'
    """
    need = {"coef", "p_value"}
    if not need <= set(result.columns) or "n_dyads" not in result.attrs:
        raise ValueError("result must be the output of networks.mrqap (columns coef, p_value; attrs n_dyads)")
    labels = dict(labels or {})
    rows = []
    for term, r in result.iterrows():
        if term == "const":
            continue
        rows.append({"term": labels.get(term, term), "coefficient": f"{r['coef']:.3f}",
                     "p (permutation)": format_p(r["p_value"])})
    method = {"dsp": "double semi-partialling (Dekker, Krackhardt and Snijders)",
              "y": "permutation of the dependent relation"}.get(result.attrs.get("method"), result.attrs.get("method"))
    spec = (
        "OLS (linear probability for 0/1 ties) with MRQAP inference; outcome: " + outcome
        + f"; p-values from {result.attrs.get('n_permutations', 0):,} actor permutations, {method}, (k+1)/(B+1);"
        + f" {result.attrs['n_dyads']:,} ordered dyads: {sample}; R² = {result.attrs.get('r2', float('nan')):.3f}"
    )
    return pd.DataFrame(rows), spec


class RelationFits(NamedTuple):
    """MRQAP fits of several relations on the same actor covariates.

    ``coef`` and ``p_value`` are term x relation tables (without the
    constant); ``table`` shows "coefficient (p)" for display;
    ``specification`` is the line that goes under it.
    """

    coef: pd.DataFrame
    p_value: pd.DataFrame
    table: pd.DataFrame
    specification: str


def mrqap_relations(graphs: Mapping, spec: Mapping, *, sample: str, n_permutations: int = 499, seed=None,
                    names: Mapping | None = None) -> RelationFits:
    """Regress several relations among the same actors on the same covariates.

    Each relation (for instance advice, friendship and co-work) is fitted
    with :func:`~regional_clusters.networks.mrqap` (double semi-partialling)
    on the dyad matrices of :func:`dyadic_covariates`, with the same seed.

    Parameters
    ----------
    graphs : mapping of str to networkx graph
        The relations, on the same actors.
    spec : mapping
        Covariates as in :func:`dyadic_covariates`.
    sample : str
        The actors and dyads in words, for the specification line.
    n_permutations : int, default 499
    seed : int or numpy.random.Generator, optional
        Each relation uses the same seed (an int is recommended).
    names : mapping, optional
        Readable names of the relations.

    Returns
    -------
    RelationFits

    Raises
    ------
    ValueError
        If ``graphs`` is empty, the relations hold different actors, or as
        :func:`dyadic_covariates` and :func:`~regional_clusters.networks.mrqap`.

    References
    ----------
    Dekker, D., Krackhardt, D. and Snijders, T. A. B. (2007). Sensitivity of
    MRQAP tests to collinearity and autocorrelation conditions.
    Psychometrika 72(4), 563-581.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.gnp_random_graph(15, 0.3, seed=1, directed=True)
    >>> B = nx.gnp_random_graph(15, 0.2, seed=2, directed=True)
    >>> for G in (A, B):
    ...     nx.set_node_attributes(G, {v: v % 2 for v in G}, "side")
    >>> fits = mrqap_relations({"a": A, "b": B}, {"same side": ("side", "same")}, sample="toy", n_permutations=19, seed=1)
    >>> list(fits.coef.columns), list(fits.coef.index)
    (['a', 'b'], ['same side'])
    """
    if not graphs:
        raise ValueError("graphs is empty")
    names = dict(names or {})
    first = list(next(iter(graphs.values())))
    fits = {}
    for key, G in graphs.items():
        if set(G) != set(first):
            raise ValueError(f"relation {key!r} holds different actors from the first relation")
        X = dyadic_covariates(G, spec)
        fits[names.get(key, key)] = mrqap(G, X, n_permutations=n_permutations, seed=seed, weight=None)
    coef = pd.DataFrame({k: f["coef"] for k, f in fits.items()}).drop(index="const")
    p_value = pd.DataFrame({k: f["p_value"] for k, f in fits.items()}).drop(index="const")
    table = pd.DataFrame({k: [f"{c:.3f} ({format_p(q)})" for c, q in zip(coef[k], p_value[k])] for k in coef},
                         index=coef.index)
    first_fit = next(iter(fits.values()))
    _, line = mrqap_report(first_fit, outcome="a tie in each relation (" + ", ".join(fits) + "; 1/0), one fit each",
                           sample=sample)
    line = line.rsplit("; R² =", 1)[0] + "; R² = " + ", ".join(f"{f.attrs['r2']:.3f}" for f in fits.values())
    return RelationFits(coef, p_value, table, line)


def _directed(G):
    return G if G.is_directed() else G.to_directed()


def brokerage_by_group(G, group: str = "group") -> pd.Series:
    """Gould and Fernandez's roles summed over the brokers of each group.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Every node needs ``group``. An undirected graph is read with ties in
        both directions, so each unordered open two-path counts twice, once
        per direction (and representative equals gatekeeper).
    group : str, default "group"

    Returns
    -------
    pandas.Series
        Counts of open two-paths ``i -> v -> j`` (no tie ``i -> j``), indexed
        ``"<broker group>: <role>"`` for the roles coordinator, itinerant,
        representative, gatekeeper, liaison and total.

    Raises
    ------
    ValueError
        As :func:`~regional_clusters.networks.brokerage`.

    References
    ----------
    Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation.
    Sociological Methodology 19, 89-126.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "v"), ("v", "b")])
    >>> nx.set_node_attributes(G, {"a": "x", "v": "y", "b": "y"}, "group")
    >>> brokerage_by_group(G)["y: gatekeeper"]
    np.float64(1.0)
    """
    b = brokerage(_directed(G), group=group)
    raw = b["raw"][list(_ROLES)]
    sums = raw.groupby(b[("group", "")].to_numpy()).sum()
    return pd.Series({f"{g}: {role}": float(sums.loc[g, role]) for g in sums.index for role in _ROLES})


def _rewire_each(graphs, n, seed):
    rng = as_generator(seed)
    per_graph = [rewire_null(H, n=n, seed=rng, keep_weights=False) for H in graphs]
    return [list(draw) for draw in zip(*per_graph)]


def brokerage_null(graphs, group: str = "group", *, n: int = 199, seed=None, roles: Sequence | None = None) -> pd.DataFrame:
    """Brokerage by broker group against degree-preserving rewiring.

    The null keeps every actor, its group and its number of ties (in- and
    out-degree for directed graphs) and rewires who is tied to whom. An
    observed count above its expectation means that the group's actors sit
    on more open two-paths than their numbers of ties imply: a position,
    not only a size effect. With several graphs (for instance one per
    operation) the counts are summed and each graph is rewired on its own.

    Parameters
    ----------
    graphs : networkx graph or sequence of graphs
    group : str, default "group"
    n : int, default 199
        Number of rewired draws.
    seed : int or numpy.random.Generator, optional
    roles : sequence of str, optional
        Keep only these ``"<group>: <role>"`` statistics.

    Returns
    -------
    pandas.DataFrame
        As :func:`~regional_clusters.networks.null_comparison` (two-sided
        p-values).

    Raises
    ------
    ValueError
        As :func:`~regional_clusters.networks.brokerage` and
        :func:`~regional_clusters.networks.rewire_null`; or a requested role
        is not a statistic.

    References
    ----------
    Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation.
    Sociological Methodology 19, 89-126.
    Maslov, S. and Sneppen, K. (2002). Specificity and stability in topology
    of protein networks. Science 296(5569), 910-913.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.gnp_random_graph(12, 0.3, seed=2, directed=True)
    >>> nx.set_node_attributes(G, {v: "ab"[v % 2] for v in G}, "group")
    >>> res = brokerage_null(G, n=9, seed=1, roles=["a: total"])
    >>> list(res.index), int(res.loc["a: total", "n_draws"])
    (['a: total'], 9)
    """
    graphs = [graphs] if isinstance(graphs, nx.Graph) else list(graphs)
    if not graphs:
        raise ValueError("graphs is empty")

    def statistic(gs):
        total = pd.concat([brokerage_by_group(H, group) for H in gs]).groupby(level=0, sort=False).sum()
        if roles is not None:
            unknown = [r for r in roles if r not in total.index]
            if unknown:
                raise ValueError(f"role {unknown[0]!r} is not a statistic; known: {sorted(total.index)}")
            total = total[list(roles)]
        return total

    def sampler(gs, n, seed):
        return _rewire_each(gs, n, seed)

    null = "degree-preserving rewiring (each actor keeps its group and its numbers of ties)"
    return null_comparison(statistic, graphs, sampler, n=n, seed=seed, null=null)


def cross_group_brokerage(G, between: Sequence, group: str = "group") -> pd.Series:
    r"""Open two-paths between two groups, by the group of the broker.

    For an undirected graph, node v brokers between actors i and j of the
    two groups in ``between`` when it is tied to both and they are not tied
    to each other. With adjacency A and indicator vectors p and q of the two
    groups, v brokers :math:`(Ap)_v (Aq)_v - (A\,\mathrm{diag}(p)\,A\,
    \mathrm{diag}(q)\,A)_{vv}` such pairs; counts are summed by the
    broker's group. This is the unordered count behind Gould and
    Fernandez's representative and gatekeeper roles (which, read in both
    directions, each equal it), computed with dense matrix products for
    small graphs.

    Parameters
    ----------
    G : networkx.Graph
        Undirected; every node needs ``group``.
    between : sequence of two group labels
    group : str, default "group"

    Returns
    -------
    pandas.Series
        Indexed ``"<broker group>: between <a> and <b>"`` for every group
        present, in sorted order.

    Raises
    ------
    ValueError
        If ``G`` is directed, a node lacks ``group``, or ``between`` does not
        name two different groups present in ``G``.

    References
    ----------
    Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation.
    Sociological Methodology 19, 89-126.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "v"), ("v", "b"), ("a", "w"), ("w", "b"), ("a", "b2"), ("v", "b2")])
    >>> nx.set_node_attributes(G, {"a": "pub", "v": "pub", "w": "priv", "b": "priv", "b2": "priv"}, "group")
    >>> # v links a-b (a-b2 is closed), a links v-w; w links a-b, b links v-w
    >>> cross_group_brokerage(G, ("pub", "priv")).to_dict()
    {'priv: between pub and priv': 2.0, 'pub: between pub and priv': 2.0}
    """
    if G.is_directed():
        raise ValueError("G is directed; cross_group_brokerage needs an undirected graph (use nx.Graph(G))")
    nodes = list(G)
    missing = [v for v in nodes if group not in G.nodes[v]]
    if missing:
        raise ValueError(f"node {missing[0]!r} lacks the attribute {group!r}")
    labels = np.array([G.nodes[v][group] for v in nodes], dtype=object)
    a, b = between
    if a == b or a not in set(labels) or b not in set(labels):
        raise ValueError(f"between must name two different groups present in G, got {tuple(between)!r}")
    A = nx.to_numpy_array(G, nodelist=nodes, weight=None)
    np.fill_diagonal(A, 0.0)
    A = (A > 0).astype(float)
    p_vec = (labels == a).astype(float)
    q_vec = (labels == b).astype(float)
    closed = np.einsum("vi,ij,vj->v", A * p_vec, A, A * q_vec)
    per_node = (A @ p_vec) * (A @ q_vec) - closed
    return pd.Series({f"{g}: between {a} and {b}": float(per_node[labels == g].sum()) for g in sorted(set(labels))})


def cross_group_null(graphs, between: Sequence, group: str = "group", *, n: int = 199, seed=None) -> pd.DataFrame:
    """:func:`cross_group_brokerage` summed over graphs, against rewiring.

    Each graph is rewired on its own (degree-preserving, groups kept), as
    in :func:`brokerage_null`.

    Parameters
    ----------
    graphs : networkx.Graph or sequence of them
    between : sequence of two group labels
    group : str, default "group"
    n : int, default 199
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        As :func:`~regional_clusters.networks.null_comparison` (two-sided p).

    Raises
    ------
    ValueError
        As :func:`cross_group_brokerage` and
        :func:`~regional_clusters.networks.rewire_null`.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.gnp_random_graph(14, 0.3, seed=5)
    >>> nx.set_node_attributes(G, {v: "ab"[v % 2] for v in G}, "group")
    >>> res = cross_group_null(G, ("a", "b"), n=9, seed=1)
    >>> sorted(res.index)
    ['a: between a and b', 'b: between a and b']
    """
    graphs = [graphs] if isinstance(graphs, nx.Graph) else list(graphs)
    if not graphs:
        raise ValueError("graphs is empty")

    def statistic(gs):
        return pd.concat([cross_group_brokerage(H, between, group) for H in gs]).groupby(level=0, sort=True).sum()

    null = "degree-preserving rewiring (each actor keeps its group and its number of contacts)"
    return null_comparison(statistic, graphs, lambda gs, n, seed: _rewire_each(gs, n, seed), n=n, seed=seed, null=null)


def node_brokerage_null(G, *, n: int = 199, seed=None) -> pd.DataFrame:
    """Each actor's open two-paths against degree-preserving rewiring.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Undirected graphs are read with ties in both directions.
    n : int, default 199
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        Indexed by node: ``in_degree``, ``out_degree``, ``observed`` (open
        two-paths ``i -> v -> j`` through the node), ``expected`` and ``sd``
        under rewiring, ``z`` and ``p_greater`` (one-sided, (k+1)/(B+1)).
        ``attrs["network"]`` holds the sum over all actors from the same
        draws, as a one-row table of
        :func:`~regional_clusters.networks.null_comparison` (two-sided p).

    Raises
    ------
    ValueError
        As :func:`~regional_clusters.networks.rewire_null`.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.gnp_random_graph(10, 0.3, seed=3, directed=True)
    >>> res = node_brokerage_null(G, n=9, seed=1)
    >>> list(res.columns)
    ['in_degree', 'out_degree', 'observed', 'expected', 'sd', 'z', 'p_greater']
    """
    D = _directed(G).copy()
    nx.set_node_attributes(D, "all", "_one_group")

    nodes = list(D)
    total_key = "open two-paths, all actors"

    def statistic(H):
        per_node = brokerage(H, group="_one_group")[("raw", "total")]
        values = {f"node {i}": float(per_node[v]) for i, v in enumerate(nodes)}
        values[total_key] = float(per_node.sum())
        return values

    null = "degree-preserving rewiring"
    res = null_comparison(statistic, D, lambda H, n, seed: rewire_null(H, n=n, seed=seed, keep_weights=False),
                          n=n, seed=seed, null=null, alternative="greater")
    network = res.loc[[total_key]].copy()
    draws = res.attrs["draws"][total_key]
    network["p_value"] = permutation_p(network["observed"].iloc[0], draws, "two-sided")
    network.attrs = {}
    per_node = res.drop(index=total_key)
    per_node.index = nodes
    out = pd.DataFrame({
        "in_degree": pd.Series(dict(D.in_degree())), "out_degree": pd.Series(dict(D.out_degree())),
    }).loc[nodes]
    out = out.join(per_node[["observed", "expected", "sd", "z"]]).assign(p_greater=per_node["p_value"])
    out.index.name = "node"
    out.attrs["network"] = network
    return out


def tie_persistence(first, second, *, n: int = 199, seed=None) -> pd.DataFrame:
    """Ties of one wave still present in the next, against two nulls.

    Both graphs must hold the same actors (restrict them to the actors
    present in both waves first). Statistics: the number of ties of the
    first wave present in the second, and the share that persists among
    reciprocated and one-way ties, and among ties whose two actors share
    more contacts in the first wave than the median tie does (more
    embedded in triangles) and the others.

    Nulls: (1) *density*: the second wave's :math:`m_2` ties placed at
    random among the :math:`n(n-1)` ordered pairs (expectation
    :math:`m_1 m_2 / (n(n-1))`, the hypergeometric mean);
    (2) *degree-preserving rewiring of the second wave*: every actor keeps
    how many ties it sends and receives in the second wave, so persistence
    that only reflects active or popular actors staying active or popular
    is expected.

    Parameters
    ----------
    first, second : networkx.DiGraph
        The two waves on the same nodes.
    n : int, default 199
        Rewired draws.
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        Rows ``persisting ties (density null)``, ``persisting ties``,
        ``share persisting: reciprocated``, ``share persisting: one-way``,
        ``share persisting: more shared contacts``,
        ``share persisting: fewer shared contacts`` (a row is left out when
        no tie falls in its class);
        columns as :func:`~regional_clusters.networks.null_comparison`
        (one-sided p for 'greater').

    Raises
    ------
    ValueError
        If a graph is undirected, the node sets differ, or the first wave
        has no ties.

    References
    ----------
    Juhász, S. and Lengyel, B. (2018). Creation and persistence of ties in
    cluster knowledge networks. Journal of Economic Geography 18(6),
    1203-1226.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.gnp_random_graph(12, 0.3, seed=1, directed=True)
    >>> res = tie_persistence(A, A.copy(), n=9, seed=1)
    >>> float(res.loc["persisting ties", "observed"]) == A.number_of_edges()
    True
    """
    for name, H in (("first", first), ("second", second)):
        if not H.is_directed():
            raise ValueError(f"{name} wave must be a directed graph")
    if set(first) != set(second):
        extra = sorted(set(first) ^ set(second), key=str)
        raise ValueError(f"the waves hold different actors (e.g. {extra[0]!r}); restrict both to the actors present twice")
    E1 = set(first.edges())
    if not E1:
        raise ValueError("the first wave has no ties")
    reciprocated = {e for e in E1 if (e[1], e[0]) in E1}
    U = nx.Graph(first)
    shared = {e: len((set(U[e[0]]) & set(U[e[1]])) - {e[0], e[1]}) for e in E1}
    median = float(np.median(list(shared.values())))
    embedded = {e for e, k in shared.items() if k > median}
    groups = {
        "share persisting: reciprocated": reciprocated, "share persisting: one-way": E1 - reciprocated,
        "share persisting: more shared contacts": embedded, "share persisting: fewer shared contacts": E1 - embedded,
    }
    groups = {k: v for k, v in groups.items() if v}

    def statistic(H):
        out = {"persisting ties": float(sum(1 for e in E1 if H.has_edge(*e)))}
        for k, ties in groups.items():
            out[k] = sum(1 for e in ties if H.has_edge(*e)) / len(ties)
        return out

    res = null_comparison(statistic, second, lambda H, n, seed: rewire_null(H, n=n, seed=seed, keep_weights=False),
                          n=n, seed=seed, null="rewiring of the later wave (degrees kept)", alternative="greater")
    nodes, m2 = list(second), second.number_of_edges()

    def random_placement(H, n, seed):
        rng = as_generator(seed)
        relabel = dict(enumerate(nodes))
        return [nx.relabel_nodes(nx.gnm_random_graph(len(nodes), m2, seed=int(rng.integers(2**31)), directed=True), relabel)
                for _ in range(n)]

    density = null_comparison(lambda H: float(sum(1 for e in E1 if H.has_edge(*e))), second, random_placement,
                              n=n, seed=seed, null="later wave's ties placed at random (density only)",
                              alternative="greater")
    density.index = pd.Index(["persisting ties (density null)"], name="statistic")
    return pd.concat([density, res])


def ei_by_attribute(G, attribute: str, *, n_permutations: int = 999, seed=None, label: str | None = None) -> pd.DataFrame:
    """Krackhardt and Stern's E-I index of a relation, against relabelling.

    A directed relation is counted in ties (arcs): a reciprocated pair
    counts twice. The null reassigns the attribute's values to the actors at
    random (group sizes kept), so the expectation reflects group sizes and
    who has many ties.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    attribute : str
        Node attribute that defines the groups.
    n_permutations : int, default 999
    seed : int or numpy.random.Generator, optional
    label : str, optional
        Row name (default ``"E-I index, <attribute>"``).

    Returns
    -------
    pandas.DataFrame
        One row with the columns of
        :func:`~regional_clusters.networks.null_comparison` (two-sided p),
        plus ``E`` and ``I`` (ties between and within groups).

    Raises
    ------
    ValueError
        As :func:`~regional_clusters.networks.ei_index`.

    References
    ----------
    Krackhardt, D. and Stern, R. N. (1988). Informal networks and
    organizational crises. Social Psychology Quarterly 51(2), 123-140.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([(1, 2), (2, 1), (2, 3)])
    >>> nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b"}, "office")
    >>> float(ei_by_attribute(G, "office", n_permutations=9, seed=1)["observed"].iloc[0])  # (1 - 2) / 3
    -0.3333333333333333
    """
    U = nx.Graph()
    U.add_nodes_from(G.nodes(data=True))
    for a, b in G.edges():
        if U.has_edge(a, b):
            U[a][b]["arcs"] += 1.0
        else:
            U.add_edge(a, b, arcs=1.0)
    r = ei_index(U, group=attribute, weight="arcs", n_permutations=n_permutations, seed=seed)
    z = (r["ei"] - r["expected"]) / r["sd"] if r["sd"] > 0 else np.nan
    row = {
        "observed": float(r["ei"]), "expected": float(r["expected"]), "sd": float(r["sd"]), "z": float(z),
        "ratio": float(r["ei"] / r["expected"]) if r["expected"] else np.nan, "p_value": float(r["p_value"]),
        "n_draws": int(n_permutations), "null": "actors' attribute values reshuffled (group sizes kept)",
        "E": float(r["E"]), "I": float(r["I"]),
    }
    return pd.DataFrame([row], index=pd.Index([label or f"E-I index, {attribute}"], name="statistic"))
