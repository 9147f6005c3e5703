"""A small model of low-threshold contacts: ties formed through shared foci.

Feld (1981) argues that ties arise from foci, the places, activities and
organisations around which people meet. Jonas (2005, section 3.1) links
this to the low-threshold contacts of regional clusters: cafes, lecture
series, events of intermediary organisations, shared foundries. The model
here puts actors of several groups into foci. Most foci belong to one group
(a firm's trade fair, a university seminar); a share of each actor's time
goes to open meeting places where all groups meet. Two actors who share
foci become tied with a probability that grows with the number of foci they
share. Varying the share of open foci shows what meeting places change:
more ties across groups, fewer closed group circles, lower constraint.

Two things hold by construction and are not findings: without open meeting
places no tie can cross a group line (all other foci belong to one group),
and ties only form inside foci. The expected tie probabilities have a
closed form (``foci_tie_probabilities`` below): an actor's number of open
memberships is binomial, and given those numbers the foci two actors share
are hypergeometric. The variant ``homophily`` lets actors prefer the open
meeting place frequented by their own group (Feld's point that foci gather
similar people), which can keep groups apart even when many memberships go
to open places.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from scipy import stats

from .._checks import as_generator
from .brokerage import constraint, ei_index
from .structure import components

__all__ = [
    "foci_network",
    "foci_experiment",
    "foci_tie_probabilities",
    "expected_foci_mixing",
    "foci_mixing",
    "foci_pattern_comparison",
]


def foci_network(
    groups,
    *,
    foci_per_group: int = 5,
    meeting_places: int = 3,
    open_share: float = 0.2,
    memberships: int = 3,
    p_tie: float = 0.1,
    homophily: float = 0.0,
    seed=None,
) -> nx.Graph:
    r"""Random network of ties formed through shared foci.

    Each actor joins ``memberships`` foci (without repetition). Each
    membership goes, with probability ``open_share``, to one of the
    ``meeting_places`` open to every group, otherwise to one of the
    ``foci_per_group`` foci of the actor's own group. Two actors who share
    :math:`f` foci are tied with probability :math:`1 - (1 - p)^f`. With
    ``homophily`` :math:`h > 0`, an open membership goes with probability
    :math:`h` to the group's own favourite meeting place (group *g* of the
    sorted group labels favours open place :math:`g \bmod K`) or, if the
    actor is there already, to a focus of its own group; with probability
    :math:`1-h` to a free open place at random. With :math:`h = 1` and at
    least as many open places as groups, the groups never meet.

    Parameters
    ----------
    groups : dict of str to int, or sequence of str
        Group sizes (``{"Economic actors": 60, ...}``) or one group label
        per actor.
    foci_per_group : int, default 5
    meeting_places : int, default 3
        Number of open foci; 0 means there are none (``open_share`` is then
        ignored).
    open_share : float, default 0.2
        Probability that a membership goes to an open meeting place.
    memberships : int, default 3
        Foci per actor.
    p_tie : float, default 0.1
        Probability that one shared focus produces a tie.
    homophily : float in [0, 1], default 0.0
        Probability that an open membership goes to the group's favourite
        meeting place (0: open places are chosen at random).
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    networkx.Graph
        Nodes 0..n-1 with attributes ``group`` and ``foci`` (tuple of focus
        labels: ``"<group>:<k>"`` or ``"open:<k>"``); edges with ``weight``
        = number of shared foci.

    Raises
    ------
    ValueError
        If a parameter is out of range or there are fewer than two actors.

    References
    ----------
    Feld, S. L. (1981). The focused organization of social ties. American
    Journal of Sociology 86(5), 1015-1035.
    Jonas, M. (2005). Brücken zur regionalen Clusterforschung. Zeitschrift
    für Soziologie 34(4), section 3.1.

    Examples
    --------
    >>> G = foci_network({"firms": 20, "research": 10}, seed=1)
    >>> G.number_of_nodes(), sorted(set(nx.get_node_attributes(G, "group").values()))
    (30, ['firms', 'research'])
    >>> G2 = foci_network({"firms": 20, "research": 10}, seed=1)
    >>> sorted(G.edges()) == sorted(G2.edges())
    True
    """
    labels = _group_labels(groups)
    n = len(labels)
    if n < 2:
        raise ValueError(f"the model needs at least two actors, got {n}")
    if not 0 <= open_share <= 1:
        raise ValueError(f"open_share must be in [0, 1], got {open_share}")
    if not 0 <= p_tie <= 1:
        raise ValueError(f"p_tie must be in [0, 1], got {p_tie}")
    if not 0 <= homophily <= 1:
        raise ValueError(f"homophily must be in [0, 1], got {homophily}")
    _check_sizes(foci_per_group, meeting_places, memberships)
    if memberships > foci_per_group + meeting_places:
        raise ValueError("memberships exceeds the number of foci an actor can join")
    rng = as_generator(seed)
    names = sorted(set(labels), key=str)
    focus_names = [f"{g}:{k}" for g in names for k in range(foci_per_group)] + [f"open:{k}" for k in range(meeting_places)]
    gpos = {g: i for i, g in enumerate(names)}
    rows, cols = [], []
    actor_foci = []
    for a, g in enumerate(labels):
        own = [gpos[g] * foci_per_group + k for k in range(foci_per_group)]
        opened = [len(names) * foci_per_group + k for k in range(meeting_places)]
        favourite = opened[gpos[g] % len(opened)] if opened else None
        chosen: list[int] = []
        while len(chosen) < memberships:
            pool = opened if (opened and rng.random() < open_share) else own
            if pool is opened and homophily > 0 and rng.random() < homophily:
                # a homophilous actor goes to its group's place, and to no other open place
                pool = [favourite] if favourite not in chosen else own
            free = [f for f in pool if f not in chosen]
            if not free:
                pool = own if pool is opened else opened
                free = [f for f in pool if f not in chosen]
            chosen.append(free[rng.integers(len(free))])
        actor_foci.append(tuple(focus_names[f] for f in sorted(chosen)))
        rows.extend([a] * len(chosen))
        cols.extend(chosen)
    F = sp.csr_array(sp.coo_array((np.ones(len(rows)), (rows, cols)), shape=(n, len(focus_names))))
    shared = sp.triu(F @ F.T, k=1, format="coo")
    prob = 1.0 - (1.0 - p_tie) ** shared.data
    keep = rng.random(len(prob)) < prob
    G = nx.Graph(model="foci", open_share=open_share, meeting_places=meeting_places)
    G.add_nodes_from((a, {"group": labels[a], "foci": actor_foci[a]}) for a in range(n))
    G.add_edges_from(
        (int(u), int(v), {"weight": float(w)})
        for u, v, w in zip(shared.row[keep], shared.col[keep], shared.data[keep])
    )
    return G


def foci_experiment(
    groups,
    open_shares=(0.0, 0.1, 0.2, 0.4),
    *,
    replications: int = 10,
    seed=None,
    **kwargs,
) -> pd.DataFrame:
    """Vary the share of open meeting places and measure the networks.

    Parameters
    ----------
    groups : dict or sequence
        As in :func:`~regional_clusters.networks.foci_network`.
    open_shares : sequence of float
        Values of ``open_share`` to compare.
    replications : int, default 10
        Networks per value.
    seed : int or numpy.random.Generator, optional
    **kwargs
        Passed on to :func:`~regional_clusters.networks.foci_network`.

    Returns
    -------
    pandas.DataFrame
        One row per network: ``open_share``, ``replication``, ``ties``,
        ``ei_index`` (Krackhardt and Stern), ``cross_group_share``,
        ``mean_constraint`` (Burt, unweighted), ``largest_component_share``.

    Raises
    ------
    ValueError
        As :func:`~regional_clusters.networks.foci_network`, if ``replications < 1`` or
        ``open_shares`` is empty.

    References
    ----------
    Feld, S. L. (1981). The focused organization of social ties. American
    Journal of Sociology 86(5), 1015-1035.

    Examples
    --------
    >>> res = foci_experiment({"a": 15, "b": 15}, (0.0, 0.5), replications=2, seed=0)
    >>> res.shape
    (4, 7)
    """
    if replications < 1:
        raise ValueError(f"replications must be >= 1, got {replications}")
    open_shares = list(open_shares)
    if not open_shares:
        raise ValueError("open_shares is empty: give at least one share of open memberships")
    rng = as_generator(seed)
    rows = []
    for share in open_shares:
        for r in range(replications):
            G = foci_network(groups, open_share=share, seed=rng, **kwargs)
            m = G.number_of_edges()
            if m:
                ei = float(ei_index(G, n_permutations=0)["ei"])
                c = float(constraint(G, weight=None).mean())
            else:
                ei, c = np.nan, np.nan
            rows.append(
                {
                    "open_share": share,
                    "replication": r,
                    "ties": m,
                    "ei_index": ei,
                    "cross_group_share": (ei + 1) / 2 if m else np.nan,
                    "mean_constraint": c,
                    "largest_component_share": components(G).iloc[0] / G.number_of_nodes(),
                }
            )
    return pd.DataFrame(rows)


def _check_sizes(foci_per_group, meeting_places, memberships) -> None:
    """Raise ValueError naming the first count that is not an integer in range."""
    for name, value, low in (("foci_per_group", foci_per_group, 1), ("meeting_places", meeting_places, 0),
                             ("memberships", memberships, 1)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
            raise ValueError(f"{name} must be an integer >= {low}, got {value!r}")


def _group_labels(groups) -> list:
    if isinstance(groups, dict):
        if any(int(s) < 0 for s in groups.values()):
            raise ValueError("group sizes must be non-negative")
        return [g for g, size in groups.items() for _ in range(int(size))]
    return list(groups)


def foci_tie_probabilities(
    *,
    foci_per_group: int = 5,
    meeting_places: int = 3,
    open_share: float = 0.2,
    memberships: int = 3,
    p_tie: float = 0.1,
) -> pd.Series:
    r"""Exact probability that two actors of the foci model are tied, within and across groups.

    An actor's number of open memberships :math:`o` is binomial,
    :math:`B(M, q)` (``memberships``, ``open_share``), and given :math:`o`
    its open places are a uniform :math:`o`-subset of the :math:`K` open
    places (and its own-group foci a uniform :math:`(M-o)`-subset of
    :math:`F`). Given :math:`o_1, o_2`, the number of open places two actors
    share is hypergeometric, :math:`H(K, o_1, o_2)`, and so is, for actors of
    the same group, the number of own-group foci, :math:`H(F, M-o_1, M-o_2)`,
    independently. Hence

    .. math::

        P_\text{between} = 1 - \sum_{o_1,o_2} b(o_1) b(o_2)\,
            E[(1-p)^{H(K,o_1,o_2)}], \qquad
        P_\text{within} = 1 - \sum_{o_1,o_2} b(o_1) b(o_2)\,
            E[(1-p)^{H(K,o_1,o_2)}]\, E[(1-p)^{H(F,M-o_1,M-o_2)}].

    Without open places (:math:`K = 0` or :math:`q = 0`)
    :math:`P_\text{between} = 0`: the absence of cross-group ties is built in.

    Parameters
    ----------
    foci_per_group, meeting_places, open_share, memberships, p_tie
        As in :func:`foci_network` (without homophily).

    Returns
    -------
    pandas.Series
        ``within`` and ``between``.

    Raises
    ------
    ValueError
        For parameters out of range, or when ``memberships`` exceeds
        ``foci_per_group`` or a positive ``meeting_places`` (then an actor
        can run out of foci in one pool and the formula no longer holds).

    References
    ----------
    Feld, S. L. (1981). The focused organization of social ties. American
    Journal of Sociology 86(5), 1015-1035.

    Examples
    --------
    >>> p = foci_tie_probabilities(foci_per_group=2, meeting_places=0, memberships=1, p_tie=1.0)
    >>> float(p["within"]), float(p["between"])   # one focus each, of two: same focus with probability 1/2
    (0.5, 0.0)
    """
    if not 0 <= open_share <= 1:
        raise ValueError(f"open_share must be in [0, 1], got {open_share}")
    if not 0 <= p_tie <= 1:
        raise ValueError(f"p_tie must be in [0, 1], got {p_tie}")
    _check_sizes(foci_per_group, meeting_places, memberships)
    if memberships > foci_per_group or (meeting_places > 0 and memberships > meeting_places):
        raise ValueError("memberships must not exceed foci_per_group or a positive meeting_places for the closed form")
    q = open_share if meeting_places > 0 else 0.0
    m = int(memberships)
    b = stats.binom.pmf(np.arange(m + 1), m, q)

    def no_tie(pool: int, a: int, c: int) -> float:
        if pool == 0 or a == 0 or c == 0:
            return 1.0
        k = np.arange(0, min(a, c) + 1)
        return float(np.sum(stats.hypergeom.pmf(k, pool, a, c) * (1 - p_tie) ** k))

    between = within = 0.0
    for o1 in range(m + 1):
        for o2 in range(m + 1):
            w = b[o1] * b[o2]
            if w == 0:
                continue
            open_part = no_tie(meeting_places, o1, o2)
            between += w * (1 - open_part)
            within += w * (1 - open_part * no_tie(foci_per_group, m - o1, m - o2))
    # sums of hypergeometric probabilities are 1 only up to rounding
    return pd.Series({"within": within, "between": between}, dtype=float).clip(0.0, 1.0).where(lambda x: x > 1e-14, 0.0)


def expected_foci_mixing(groups, **params) -> pd.Series:
    """Expected ties and share of cross-group ties in the foci model, from the closed form.

    Parameters
    ----------
    groups : dict or sequence
        As in :func:`foci_network`.
    **params
        Parameters of :func:`foci_tie_probabilities`.

    Returns
    -------
    pandas.Series
        ``within``, ``between`` (tie probabilities), ``expected_ties``,
        ``density`` and ``cross_group_share`` (expected cross-group ties over
        expected ties; the E-I index is twice this minus one).

    Raises
    ------
    ValueError
        As :func:`foci_tie_probabilities`, or for fewer than two actors.

    Examples
    --------
    >>> e = expected_foci_mixing({"a": 10, "b": 10}, meeting_places=0)
    >>> float(e["cross_group_share"])
    0.0
    """
    labels = _group_labels(groups)
    n = len(labels)
    if n < 2:
        raise ValueError(f"the model needs at least two actors, got {n}")
    sizes = pd.Series(labels).value_counts().to_numpy()
    pairs = n * (n - 1) / 2
    within_pairs = float(np.sum(sizes * (sizes - 1) / 2))
    p = foci_tie_probabilities(**params)
    ties_within, ties_between = within_pairs * p["within"], (pairs - within_pairs) * p["between"]
    ties = ties_within + ties_between
    return pd.Series(
        {
            "within": p["within"],
            "between": p["between"],
            "expected_ties": ties,
            "density": ties / pairs,
            "cross_group_share": ties_between / ties if ties > 0 else float("nan"),
        },
        dtype=float,
    )


def foci_mixing(groups, *, seed=None, **params) -> pd.Series:
    """One foci network and its mixing: the outcomes for sweeps and sensitivity analysis.

    Parameters
    ----------
    groups : dict or sequence
        As in :func:`foci_network`.
    seed : int or numpy.random.Generator, optional
    **params
        Further arguments of :func:`foci_network`.

    Returns
    -------
    pandas.Series
        ``ties``, ``density``, ``cross_group_share`` (NaN without ties),
        ``largest_component_share`` and ``transitivity`` (global clustering
        coefficient).

    Raises
    ------
    ValueError
        As :func:`foci_network`.

    Examples
    --------
    >>> s = foci_mixing({"a": 10, "b": 10}, meeting_places=0, seed=1)
    >>> float(s["cross_group_share"])
    0.0
    """
    G = foci_network(groups, seed=seed, **params)
    group = nx.get_node_attributes(G, "group")
    m = G.number_of_edges()
    n = G.number_of_nodes()
    cross = sum(group[u] != group[v] for u, v in G.edges())
    return pd.Series(
        {
            "ties": float(m),
            "density": 2 * m / (n * (n - 1)),
            "cross_group_share": cross / m if m else float("nan"),
            "largest_component_share": len(max(nx.connected_components(G), key=len)) / n,
            "transitivity": nx.transitivity(G),
        },
        dtype=float,
    )


def foci_pattern_comparison(G: nx.Graph, *, foci_per_group: int = 5, memberships: int = 3, replications: int = 200, seed=None) -> pd.DataFrame:
    """Does the one-group foci model, fitted to a network's density, reproduce its other patterns?

    The tie probability ``p_tie`` is solved from the closed form so that the
    expected density equals the observed one (one group, no open places);
    then ``replications`` model networks of the same size give the expected
    transitivity and spread of degrees.

    Parameters
    ----------
    G : networkx.Graph
        Observed undirected network (e.g. a cluster's advice network,
        symmetrised).
    foci_per_group, memberships : int
        The foci structure assumed.
    replications : int, default 200
        Model networks.
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        Rows ``density``, ``transitivity``, ``degree_sd``; columns
        ``observed``, ``expected`` (mean over the model networks), ``ratio``
        (observed over expected), ``p`` (two-sided Monte Carlo p-value,
        (k+1)/(B+1)) and ``null_model``. ``attrs["p_tie"]`` holds the fitted
        tie probability.

    Raises
    ------
    ValueError
        For a directed or empty graph, or if no ``p_tie`` in [0, 1] reaches
        the observed density with this foci structure.

    Examples
    --------
    >>> t = foci_pattern_comparison(nx.gnm_random_graph(20, 60, seed=1), replications=20, seed=1)
    >>> round(float(t.loc["density", "observed"]), 3), round(t.attrs["p_tie"], 3)
    (0.316, 0.194)
    """
    from scipy import optimize

    from ._validate import check_graph

    check_graph(G, directed=False, weight=None, name="G")
    if replications < 1:
        raise ValueError(f"replications must be >= 1, got {replications}")
    n = G.number_of_nodes()
    observed = pd.Series(
        {"density": nx.density(G), "transitivity": nx.transitivity(G), "degree_sd": float(np.std([d for _, d in G.degree()]))}
    )

    def gap(p):
        return foci_tie_probabilities(foci_per_group=foci_per_group, meeting_places=0, memberships=memberships, p_tie=p)["within"] - observed["density"]

    if gap(1.0) < 0:
        raise ValueError(f"with foci_per_group={foci_per_group} and memberships={memberships} the model cannot reach density {observed['density']:.3f}")
    p_tie = float(optimize.brentq(gap, 0.0, 1.0, xtol=1e-10))
    rng = as_generator(seed)
    sims = []
    for _ in range(replications):
        H = foci_network({"actors": n}, foci_per_group=foci_per_group, meeting_places=0, memberships=memberships,
                         p_tie=p_tie, seed=rng)
        sims.append([nx.density(H), nx.transitivity(H), float(np.std([d for _, d in H.degree()]))])
    sims = pd.DataFrame(sims, columns=observed.index)
    expected = sims.mean()
    dev = (sims - expected).abs()
    k = (dev >= (observed - expected).abs() - 1e-12).sum()
    out = pd.DataFrame(
        {
            "observed": observed,
            "expected": expected,
            "ratio": observed / expected,
            "p": (k + 1) / (replications + 1),
            "null_model": f"foci model, one group, {foci_per_group} foci, {memberships} memberships, p_tie fitted to density",
        }
    )
    out.index.name = "statistic"
    out.attrs["p_tie"] = p_tie
    return out
