"""The cluster manager as a broker, and as a manager who controls the funds.

The lighthouse paper (sections IV and V) wants public actors and cluster
managers to act as *information brokers* and mediators between firms and
research, and insists that the cluster manager should **not** decide over the
cluster's money: otherwise the manager could no longer be an independent
broker of the actors' interests. This module turns both roles into
operations on a network of cluster actors (e.g. the firms of one country
that work in one Horizon 2020 field):

- :func:`add_broker` inserts a broker node tied to chosen members
  (:func:`choose_ties`: one per component, or the members with the lowest
  reach); the members keep all their own ties.
- :func:`add_funding_manager` inserts a manager tied to the same members who
  also controls the funds: a share ``routing`` of the direct ties among the
  funded members is replaced by the tie to the manager (members coordinate
  through the one who pays).
- :func:`network_state` measures what matters for the comparison: the
  fragmentation of the members (Borgatti 2006), their k-step reach, their
  constraint (Burt 1992), and the manager's position: betweenness,
  constraint, the members' dependence on the manager and the degree
  centralisation (hierarchy) of the network (Freeman 1979).
- :func:`compare_managers` runs both and returns one tidy table.

Reach and fragmentation are computed with plain networkx (the subnetworks
are small); constraint comes from ``regional_clusters.networks.constraint``.

The routing of the funding manager is an assumption: what follows from it
(dependence, the firms' higher constraint) is arithmetic on the network. The
paper's own reason for the rule is about motives: whoever allocates money
has a stake, and a broker with a stake is believed less. That can be
modelled with cheap talk :cite:p:`crawford1982`:

- :func:`cheap_talk` gives, for a manager whose preferred decision is
  ``bias`` away from the firms' (state uniform on [0, 1], quadratic losses),
  the most informative equilibrium: the manager can only say in which of
  :math:`N(b)` intervals the state lies, the largest :math:`N` with
  :math:`2bN(N-1) < 1`, and the firms' expected loss is
  :math:`1/(12N^2) + b^2(N^2-1)/3` (prior variance 1/12 when nothing is
  learned). It also gives the loss :math:`b^2` if the decision is
  delegated to the manager instead :cite:p:`dessein2002`.
- :func:`simulate_cheap_talk` plays the equilibrium with random states, a
  check of the closed form.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from regional_clusters.networks import coparticipation_network, constraint

from ._common import check_graph, check_int, check_nonnegative, check_probability, rng_from

__all__ = [
    "fragmentation",
    "reach",
    "choose_ties",
    "add_broker",
    "add_funding_manager",
    "network_state",
    "compare_managers",
    "firm_subnetwork",
    "funding_manager_outcomes",
    "cheap_talk",
    "cheap_talk_partition",
    "simulate_cheap_talk",
]

RULES = ("components", "lowest_reach")


def _constraint(G: nx.Graph, nodes) -> pd.Series:
    """Burt's constraint of ``nodes`` (NaN for isolates), weighted by ``weight``."""
    nodes = list(nodes)
    return constraint(G, weight="weight", nodes=nodes).reindex(nodes).astype(float)


def _members(G: nx.Graph, members) -> list:
    if members is None:
        return list(G.nodes)
    members = list(members)
    missing = [m for m in members if m not in G]
    if missing:
        raise ValueError(f"member {missing[0]!r} is not a node of the graph")
    if len(members) < 2:
        raise ValueError("fragmentation and reach need at least two members")
    return members


def fragmentation(G: nx.Graph, members=None) -> float:
    """Borgatti's fragmentation: share of member pairs that cannot reach each other.

    .. math::  F = 1 - \\frac{\\sum_k s_k (s_k - 1)}{n (n - 1)},

    where :math:`s_k` is the number of members in the *k*-th connected
    component of ``G`` and *n* the number of members. Paths may run through
    non-members (e.g. a broker). 0 for a connected network, 1 when every
    member is isolated.

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph.
    members : iterable, optional
        The nodes whose pairs count; default all nodes.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``G`` is not an undirected graph, or a member is not in ``G``.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. *Computational and Mathematical Organization Theory* 12(1),
    21-34.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (3, 4)])
    >>> round(fragmentation(G), 4)    # 4 of 12 ordered pairs connected
    0.6667
    >>> G.add_edge(2, "b"); G.add_edge("b", 3)
    >>> fragmentation(G, members=[1, 2, 3, 4])
    0.0
    """
    G = check_graph(G, "G")
    members = _members(G, members)
    n = len(members)
    mset = set(members)
    connected = 0
    for comp in nx.connected_components(G):
        s = len(mset & comp)
        connected += s * (s - 1)
    return float(1 - connected / (n * (n - 1)))


def reach(G: nx.Graph, k: int = 2, members=None) -> pd.Series:
    """k-step reach: share of the other members each member reaches in at most k steps.

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph; paths may pass through non-members.
    k : int, default 2
        Maximal path length (unweighted).
    members : iterable, optional
        The nodes counted; default all nodes.

    Returns
    -------
    pandas.Series
        Reach in [0, 1] indexed by member.

    Raises
    ------
    ValueError
        For a bad graph, an unknown member or ``k < 1``.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. *Computational and Mathematical Organization Theory* 12(1),
    21-34.

    Examples
    --------
    >>> import networkx as nx
    >>> reach(nx.path_graph(4), k=2).tolist()
    [0.6666666666666666, 1.0, 1.0, 0.6666666666666666]
    """
    G = check_graph(G, "G")
    k = check_int("k", k, 1)
    members = _members(G, members)
    mset = set(members)
    n = len(members)
    out = {}
    for m in members:
        near = nx.single_source_shortest_path_length(G, m, cutoff=k)
        out[m] = (len(mset.intersection(near)) - 1) / (n - 1)
    s = pd.Series(out, dtype=float, name="reach")
    s.index.name = "node"
    return s


def choose_ties(G: nx.Graph, rule: str = "components", n_ties: int | None = None, *, k: int = 2) -> list:
    """Pick the members a broker ties to.

    Parameters
    ----------
    G : networkx.Graph
        The members' network.
    rule : {"components", "lowest_reach"}
        ``components``: one member per connected component, the one with the
        most (weighted) ties, largest components first. ``lowest_reach``: the
        members with the lowest k-step reach (ties broken by fewer ties,
        then by label order).
    n_ties : int, optional
        How many ties; default one per component for ``components`` and the
        number of components for ``lowest_reach``.
    k : int, default 2
        Path length of the reach used by ``lowest_reach``.

    Returns
    -------
    list
        Node labels, in the order chosen.

    Raises
    ------
    ValueError
        For an unknown rule, a bad graph or ``n_ties < 0``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (2, 3), (4, 5)]); G.add_node(6)
    >>> choose_ties(G, "components")
    [2, 4, 6]
    >>> choose_ties(G, "lowest_reach", 2)
    [6, 4]
    """
    G = check_graph(G, "G")
    if rule not in RULES:
        raise ValueError(f"rule must be one of {RULES}, got {rule!r}")
    comps = sorted(nx.connected_components(G), key=lambda c: (-len(c), min(map(str, c))))
    n_ties = len(comps) if n_ties is None else check_int("n_ties", n_ties, 0)
    strength = dict(G.degree(weight="weight"))
    order = {v: i for i, v in enumerate(G.nodes)}
    if rule == "components":
        picks = [max(sorted(c, key=order.get), key=lambda v: strength[v]) for c in comps]
        return picks[:n_ties]
    r = reach(G, k=k)
    ranked = sorted(G.nodes, key=lambda v: (r[v], strength[v], order[v]))
    return ranked[:n_ties]


def add_broker(G: nx.Graph, ties, *, name="broker", group: str = "Milieu and intermediaries", weight: float = 1.0) -> nx.Graph:
    """A copy of ``G`` with a broker node tied to ``ties``; members keep their ties.

    Parameters
    ----------
    G : networkx.Graph
        The members' network.
    ties : iterable
        Members the broker is tied to (may be empty).
    name : hashable, default "broker"
        Label of the new node; must not be in ``G``.
    group : str
        Actor group of the broker (node attribute ``group``).
    weight : float, default 1.0
        ``weight`` of each of the broker's ties (e.g. one joint project).

    Returns
    -------
    networkx.Graph
        New graph; node attribute ``role`` is ``"broker"`` for the new node.

    Raises
    ------
    ValueError
        If ``name`` is already a node or a tie names an unknown node.

    Examples
    --------
    >>> import networkx as nx
    >>> H = add_broker(nx.Graph([(1, 2), (3, 4)]), [1, 3])
    >>> sorted(H.neighbors("broker"))
    [1, 3]
    """
    G = check_graph(G, "G")
    ties = list(ties)
    if name in G:
        raise ValueError(f"broker name {name!r} is already a node of the graph")
    missing = [t for t in ties if t not in G]
    if missing:
        raise ValueError(f"tie to {missing[0]!r}: not a node of the graph")
    weight = check_nonnegative("weight", weight)
    H = G.copy()
    H.add_node(name, group=group, role="broker")
    H.add_edges_from((name, t, {"weight": weight}) for t in ties)
    return H


def add_funding_manager(
    G: nx.Graph,
    ties,
    *,
    routing: float = 0.5,
    name="manager",
    group: str = "Politics and administration",
    weight: float = 1.0,
    seed=0,
) -> nx.Graph:
    """A manager who also controls the funds: members coordinate through the manager.

    The manager is tied to ``ties`` like a broker. Because funding decisions
    run through the manager, a share ``routing`` of the direct ties between
    two funded members (both in ``ties``) is dropped, chosen at random:
    those members now relate only via the manager. ``routing=0`` is the
    pure broker of :func:`add_broker`.

    Parameters
    ----------
    G : networkx.Graph
    ties : iterable
        Funded members, tied to the manager.
    routing : float in [0, 1], default 0.5
        Share of the direct ties among funded members that is replaced.
    name, group, weight
        As in :func:`add_broker` (role ``"manager"``).
    seed : int or numpy.random.Generator
        Chooses which ties are replaced.

    Returns
    -------
    networkx.Graph
        New graph; ``H.graph["routed"]`` lists the removed ties.

    Raises
    ------
    ValueError
        As :func:`add_broker`, or ``routing`` outside [0, 1].

    References
    ----------
    Burt, R. S. (1992). *Structural Holes: The Social Structure of
    Competition*. Harvard University Press (the tertius who profits from
    keeping contacts apart).

    Examples
    --------
    >>> import networkx as nx
    >>> H = add_funding_manager(nx.complete_graph(3), [0, 1, 2], routing=1.0)
    >>> sorted(H.edges())
    [(0, 'manager'), (1, 'manager'), (2, 'manager')]
    """
    routing = check_probability("routing", routing)
    rng = rng_from(seed)
    H = add_broker(G, ties, name=name, group=group, weight=weight)
    H.nodes[name]["role"] = "manager"
    funded = set(ties)
    inner = sorted((e for e in G.edges() if e[0] in funded and e[1] in funded), key=lambda e: (str(e[0]), str(e[1])))
    n_drop = int(round(routing * len(inner)))
    drop = [inner[i] for i in sorted(rng.choice(len(inner), size=n_drop, replace=False))] if n_drop else []
    H.remove_edges_from(drop)
    H.graph["routed"] = drop
    return H


def network_state(H: nx.Graph, members, *, manager=None, k: int = 2) -> pd.Series:
    """Measures of the members' network, with or without a manager node.

    Parameters
    ----------
    H : networkx.Graph
        The network (possibly including a broker or manager).
    members : iterable
        The original members (pairs among them are counted).
    manager : hashable, optional
        Label of the broker or manager node in ``H``.
    k : int, default 2
        Path length for reach.

    Returns
    -------
    pandas.Series
        ``fragmentation``; ``mean_reach`` (k-step, members among members);
        ``mean_constraint`` (Burt, over members with at least one tie);
        ``isolated`` (share of members without ties); ``centralization``
        (Freeman's degree centralisation of ``H``, a measure of hierarchy);
        and, with a manager, ``manager_betweenness`` (normalised),
        ``manager_constraint``, ``manager_ties``, ``dependence`` (share of
        member pairs that are connected only through the manager: the rise
        in fragmentation when the manager is removed) and
        ``only_via_manager`` (share of the manager's contacts whose only
        tie is the manager).

    Raises
    ------
    ValueError
        For a bad graph, unknown members or an unknown manager.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. *Computational and Mathematical Organization Theory* 12(1),
    21-34.
    Burt, R. S. (1992). *Structural Holes*. Harvard University Press.
    Freeman, L. C. (1979). Centrality in social networks: conceptual
    clarification. *Social Networks* 1(3), 215-239.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (3, 4)])
    >>> s = network_state(add_broker(G, [1, 3]), [1, 2, 3, 4], manager="broker")
    >>> round(float(s["fragmentation"]), 4), round(float(s["dependence"]), 4)
    (0.0, 0.6667)
    """
    H = check_graph(H, "H")
    members = _members(H, members)
    if manager is not None and manager not in H:
        raise ValueError(f"manager {manager!r} is not a node of the graph")
    deg = dict(H.degree())
    n = H.number_of_nodes()
    dmax = max(deg.values())
    centralization = sum(dmax - d for d in deg.values()) / ((n - 1) * (n - 2)) if n > 2 else 0.0
    tied = [m for m in members if deg[m] > 0]
    cons = _constraint(H, tied) if tied else pd.Series(dtype=float)
    out = {
        "fragmentation": fragmentation(H, members),
        "mean_reach": float(reach(H, k=k, members=members).mean()),
        "mean_constraint": float(cons.mean()) if len(cons) else float("nan"),
        "isolated": 1 - len(tied) / len(members),
        "centralization": float(centralization),
    }
    if manager is not None:
        contacts = list(H.neighbors(manager))
        out["manager_ties"] = float(len(contacts))
        out["manager_betweenness"] = float(nx.betweenness_centrality(H, normalized=True)[manager])
        out["manager_constraint"] = float(_constraint(H, [manager]).iloc[0]) if contacts else float("nan")
        without = H.copy()
        without.remove_node(manager)
        out["dependence"] = fragmentation(without, members) - out["fragmentation"]
        out["only_via_manager"] = float(np.mean([deg[c] == 1 for c in contacts])) if contacts else 0.0
    return pd.Series(out, dtype=float)


def compare_managers(G: nx.Graph, ties, *, routing: float = 0.5, k: int = 2, seed=0) -> pd.DataFrame:
    """The members' network without a manager, with a broker, and with a funding manager.

    Parameters
    ----------
    G : networkx.Graph
        The members' network.
    ties : iterable
        Members tied to the broker or manager.
    routing : float, default 0.5
        Share of the funded members' direct ties replaced by the funding
        manager (see :func:`add_funding_manager`).
    k : int, default 2
        Path length for reach.
    seed : int or numpy.random.Generator
        Seeds the funding manager's routing.

    Returns
    -------
    pandas.DataFrame
        Rows: the measures of :func:`network_state`; columns ``none``,
        ``broker`` and ``funding manager``.

    Raises
    ------
    ValueError
        As :func:`add_funding_manager` and :func:`network_state`.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (2, 3), (3, 1), (4, 5)])
    >>> t = compare_managers(G, [1, 2, 4], routing=1.0)
    >>> t.loc["dependence"].tolist()
    [nan, 0.6, 0.6]
    """
    G = check_graph(G, "G")
    ties = list(ties)
    members = list(G.nodes)
    B = add_broker(G, ties, name="__broker__")
    M = add_funding_manager(G, ties, routing=routing, name="__manager__", seed=seed)
    out = pd.DataFrame(
        {
            "none": network_state(G, members, k=k),
            "broker": network_state(B, members, manager="__broker__", k=k),
            "funding manager": network_state(M, members, manager="__manager__", k=k),
        }
    )
    out.index.name = "measure"
    return out


def firm_subnetwork(participations: pd.DataFrame, country: str, field: str, *, org_types=("PRC",)) -> nx.Graph:
    """Co-participation network of one country's organisations in one Horizon 2020 field.

    Builds the co-participation network with
    ``regional_clusters.networks.coparticipation_network`` (organisations
    of ``country``, projects of ``field``) and keeps the organisations of the
    given CORDIS types (default firms, ``"PRC"``), isolates included.

    Parameters
    ----------
    participations : pandas.DataFrame
        As returned by :func:`regional_clusters.data.load_h2020`.
    country : str
        Two-letter country code, e.g. ``"EL"``.
    field : str
        Primary programme part, e.g. ``"SC2"``.
    org_types : tuple of str, default ("PRC",)
        CORDIS organisation types kept.

    Returns
    -------
    networkx.Graph
        Nodes with ``group``, ``org_type``, ``country``; edges with ``weight``
        (joint projects).

    Raises
    ------
    ValueError
        If no organisation of these types remains (or as
        ``coparticipation_network``).
    """
    G = coparticipation_network(participations, countries=country, fields=field)
    keep = [v for v, t in G.nodes(data="org_type") if t in set(org_types)]
    if len(keep) < 2:
        raise ValueError(f"fewer than two organisations of types {org_types} in {country!r}, field {field!r}")
    return G.subgraph(keep).copy()


def funding_manager_outcomes(G: nx.Graph, *, routing: float = 0.5, funded_share: float = 1.0, seed=0) -> pd.Series:
    """What a funding manager changes against a neutral broker, in a few numbers.

    The funded members are the ``funded_share`` of the members with at
    least one tie that have the most ties (ties broken by node order); both
    the broker and the manager are tied to them, and the manager also
    replaces a share ``routing`` of their direct ties.

    Parameters
    ----------
    G : networkx.Graph
        The members' network.
    routing : float in [0, 1], default 0.5
    funded_share : float in [0, 1], default 1.0
    seed : int or numpy.random.Generator
        Chooses the routed ties.

    Returns
    -------
    pandas.Series
        ``dependence_broker``, ``dependence_manager``,
        ``constraint_broker``, ``constraint_manager`` (firms' mean
        constraint), ``extra_dependence`` and ``extra_constraint`` (manager
        minus broker).

    Raises
    ------
    ValueError
        For a bad graph or parameters out of range, naming the parameter.

    Examples
    --------
    >>> G = nx.complete_graph(4); nx.set_edge_attributes(G, 1.0, "weight")
    >>> o = funding_manager_outcomes(G, routing=0.0)
    >>> float(o["extra_dependence"]), float(o["extra_constraint"])
    (0.0, 0.0)
    """
    G = check_graph(G, "G")
    routing = check_probability("routing", routing)
    funded_share = check_probability("funded_share", funded_share)
    order = {v: i for i, v in enumerate(G.nodes)}
    tied = sorted((v for v in G if G.degree(v) > 0), key=lambda v: (-G.degree(v), order[v]))
    funded = tied[: int(round(funded_share * len(tied)))]
    members = list(G.nodes)
    broker = network_state(add_broker(G, funded, name="__broker__"), members, manager="__broker__")
    manager = network_state(add_funding_manager(G, funded, routing=routing, name="__manager__", seed=seed), members,
                            manager="__manager__")
    return pd.Series(
        {
            "dependence_broker": broker["dependence"],
            "dependence_manager": manager["dependence"],
            "constraint_broker": broker["mean_constraint"],
            "constraint_manager": manager["mean_constraint"],
            "extra_dependence": manager["dependence"] - broker["dependence"],
            "extra_constraint": manager["mean_constraint"] - broker["mean_constraint"],
        },
        dtype=float,
    )


def _check_bias(bias) -> float:
    bias = check_nonnegative("bias", bias)
    return bias


def cheap_talk_partition(bias: float) -> np.ndarray:
    """Interval boundaries of the most informative cheap-talk equilibrium (uniform state, quadratic losses).

    With a sender whose ideal decision is the state plus ``bias`` :math:`b`,
    the boundaries are :math:`a_i = i/N + 2bi(i-N)`, :math:`i = 0..N`, with
    :math:`N` the largest integer such that :math:`2bN(N-1) < 1` (one
    interval, no information, when :math:`b \\ge 1/4`).

    Parameters
    ----------
    bias : float
        :math:`b \\ge 0`; 0 means aligned interests (full revelation, returned
        as a fine partition of 1,000 intervals).

    Returns
    -------
    numpy.ndarray
        Boundaries from 0 to 1.

    Raises
    ------
    ValueError
        If ``bias`` is negative or not finite.

    References
    ----------
    Crawford, V. P. and Sobel, J. (1982). Strategic information
    transmission. *Econometrica* 50(6), 1431-1451.

    Examples
    --------
    >>> cheap_talk_partition(0.05).round(3).tolist()
    [0.0, 0.133, 0.467, 1.0]
    >>> cheap_talk_partition(0.3).tolist()
    [0.0, 1.0]
    """
    bias = _check_bias(bias)
    if bias == 0:
        return np.linspace(0.0, 1.0, 1001)
    n = int(np.floor(0.5 + 0.5 * np.sqrt(1 + 2 / bias)))
    while 2 * bias * n * (n - 1) >= 1:
        n -= 1
    i = np.arange(n + 1)
    return i / n + 2 * bias * i * (i - n)


def cheap_talk(bias) -> pd.DataFrame:
    """How much a manager with a stake can tell the firms, and what delegation would cost instead.

    Parameters
    ----------
    bias : float or array-like of float
        The manager's bias :math:`b \\ge 0` (distance between the manager's
        and the firms' ideal decision, in units of the state's range).

    Returns
    -------
    pandas.DataFrame
        One row per bias: ``bias``, ``intervals`` (:math:`N(b)`),
        ``loss_advice`` (the firms' expected loss when they decide after the
        manager's message, :math:`1/(12N^2) + b^2(N^2-1)/3`),
        ``information`` (share of the prior variance 1/12 removed by the
        message), ``loss_delegation`` (:math:`b^2`: the manager decides) and
        ``delegation_better`` (bool).

    Raises
    ------
    ValueError
        If a bias is negative or not finite.

    References
    ----------
    Crawford, V. P. and Sobel, J. (1982). Strategic information
    transmission. *Econometrica* 50(6), 1431-1451.
    Dessein, W. (2002). Authority and communication in organizations.
    *Review of Economic Studies* 69(4), 811-838.

    Examples
    --------
    >>> t = cheap_talk([0.0, 0.1, 0.3])
    >>> t["intervals"].tolist(), t["information"].round(3).tolist()
    ([0, 2, 1], [1.0, 0.63, 0.0])
    """
    rows = []
    for b in np.atleast_1d(np.asarray(bias, dtype=float)):
        b = _check_bias(float(b))
        if b == 0:
            n, loss = 0, 0.0
        else:
            n = len(cheap_talk_partition(b)) - 1
            loss = 1 / (12 * n**2) + b**2 * (n**2 - 1) / 3
        rows.append(
            {
                "bias": b,
                "intervals": n,
                "loss_advice": loss,
                "information": 1 - 12 * loss,
                "loss_delegation": b**2,
                "delegation_better": b**2 < loss,
            }
        )
    return pd.DataFrame(rows)


def simulate_cheap_talk(bias: float, *, n_states: int = 10_000, seed=0) -> pd.Series:
    """Play the most informative cheap-talk equilibrium with random states.

    The state is drawn uniformly on [0, 1]; the manager reports its
    interval of :func:`cheap_talk_partition`; the firms choose the
    interval's midpoint (their best reply). With ``bias`` 0 the message is
    the state itself.

    Parameters
    ----------
    bias : float
        :math:`b \\ge 0`.
    n_states : int, default 10000
    seed : int or numpy.random.Generator

    Returns
    -------
    pandas.Series
        ``loss_advice`` (mean squared error of the firms' decision),
        ``information`` (1 - 12 x loss) and ``manager_regret`` (mean of the
        manager's loss, :math:`(y - \\theta - b)^2`).

    Raises
    ------
    ValueError
        For a negative ``bias`` or ``n_states < 1``.

    Examples
    --------
    >>> round(float(simulate_cheap_talk(0.3, n_states=200_000)["loss_advice"]), 3)   # 1/12
    0.083
    """
    bias = _check_bias(bias)
    n_states = check_int("n_states", n_states, 1)
    theta = rng_from(seed).random(n_states)
    if bias == 0:
        y = theta
    else:
        a = cheap_talk_partition(bias)
        k = np.clip(np.searchsorted(a, theta, side="right") - 1, 0, len(a) - 2)
        y = (a[k] + a[k + 1]) / 2
    loss = float(np.mean((y - theta) ** 2))
    return pd.Series(
        {"loss_advice": loss, "information": 1 - 12 * loss, "manager_regret": float(np.mean((y - theta - bias) ** 2))},
        dtype=float,
    )
