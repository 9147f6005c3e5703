"""Collective learning: recombination, diffusion and learning by monitoring.

**ODD description** (:cite:t:`grimm2006`, :cite:t:`grimm2020`; the chapter
on collective learning renders it in full, with input data, observation and
sensing).
**Purpose.** :cite:t:`jonas2005` (sections 3.2 and 3.3) draws on the
notion of collective learning: knowledge must be shared and made accessible,
new knowledge comes from combining different stocks of knowledge, a common
language is a precondition (:cite:t:`keeble1999cambridge`, :cite:t:`lawson1999`),
and learning across heterogeneous partners unsettles agreements unless the
partners keep reassessing how the gains are divided ("learning by
monitoring", Sabel 1994). The model asks how network structure (closed,
bridging, random) and monitoring shape the diffusion and recombination of
knowledge.

**Entities, state variables and scales.** Actors are the nodes of an
undirected network; each holds a binary knowledge vector over ``n_domains``
domains. Each tie carries a *division of gains* :math:`\\sigma \\in [0, 1]`
(the share of joint gains going to its first end) and is alive or broken.
Time is discrete (``steps``).

**Process overview and scheduling.** Each step, every live tie is used with
probability ``p_interact``; all used ties update at once:
(1) diffusion, (2) recombination, (3) drift of the division of gains,
(4) monitoring, (5) break-up and replacement of ties.

**Design concepts.** *Cognitive proximity*: :math:`J` is the Jaccard overlap
of the partners' knowledge. *Diffusion*: if :math:`J \\ge`
``common_language`` each partner learns each domain the other holds with
probability ``p_diffusion``. *Recombination*: with probability
``p_recombination`` × :math:`4J(1-J)` (most likely at intermediate overlap,
as neither identical nor unrelated knowledge combines well) the pair creates
one new domain neither held, which both acquire; an innovation is counted
for both. *Division of gains*: :math:`\\sigma` takes a random step of
standard deviation ``drift`` per use (shifting bargaining power,
opportunism); with ``asymmetry`` > 0 it also tilts towards the partner
who learnt more on that use, so that learning itself unsettles the
division (Sabel's point). *Monitoring*: with probability ``monitoring`` the partners
reassess the division against their agreed standard (one half) and reset
it. Monitoring has a cost (``monitoring_cost`` per partner and
reassessment, subtracted in ``net_innovation``) and a conflict risk: a
reassessment ends the tie with probability ``conflict`` times the
imbalance it uncovers, :math:`\\min(1, |\\sigma - 1/2| / \\text{tolerance})`
(the quitter is the disadvantaged partner). Without cost and conflict,
monitoring is a free reset, and "more monitoring keeps more ties" holds by
construction. *Exit*: a partner whose share falls below one half minus ``tolerance``
stops dealing; with probability ``rewire`` it ties to a random other actor
instead (new tie, fair division). *Stochasticity*: network, initial
knowledge and all events are drawn from ``seed``.

**Initialisation.** Domains are split into as many blocks as the network
has groups (node attribute ``group``, else one group); an actor holds each
domain of its group's block with probability ``p_own`` and every other
domain with probability ``p_other``. All divisions start at one half.

**Submodels.** Without diffusion and recombination knowledge never changes;
without drift, or with monitoring every step, no tie ever breaks.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from ._common import (
    STRUCTURES,
    ModelResult,
    check_graph,
    check_int,
    check_nonnegative,
    check_probability,
    rng_from,
    structured_network,
)

__all__ = ["simulate_learning", "initial_knowledge"]


def initial_knowledge(groups, n_domains: int, *, p_own: float = 0.4, p_other: float = 0.03, seed=0) -> np.ndarray:
    """Binary knowledge matrix (actors x domains) specialised by group.

    Parameters
    ----------
    groups : array_like of int
        Group of each actor (labels are mapped to 0..G-1 in sorted order).
    n_domains : int
        Number of knowledge domains (>= number of groups).
    p_own, p_other : float
        Probability to hold a domain of the own group's block / of another block.
    seed : int or numpy.random.Generator

    Returns
    -------
    numpy.ndarray of bool, shape (n_actors, n_domains)

    Raises
    ------
    ValueError
        Naming the bad parameter.

    Examples
    --------
    >>> K = initial_knowledge([0, 0, 1, 1], 4, p_own=1.0, p_other=0.0)
    >>> K.astype(int)
    array([[1, 1, 0, 0],
           [1, 1, 0, 0],
           [0, 0, 1, 1],
           [0, 0, 1, 1]])
    """
    rng = rng_from(seed)
    p_own = check_probability("p_own", p_own)
    p_other = check_probability("p_other", p_other)
    _, g = np.unique(np.asarray(groups), return_inverse=True)
    n_groups = int(g.max()) + 1 if g.size else 1
    n_domains = check_int("n_domains", n_domains, max(n_groups, 1))
    block = np.arange(n_domains) * n_groups // n_domains
    own = block[None, :] == g[:, None]
    return rng.random((g.size, n_domains)) < np.where(own, p_own, p_other)


def _between_group_overlap(K: np.ndarray, groups: np.ndarray) -> float:
    """Mean Jaccard overlap of knowledge between actors of different groups (NaN with one group)."""
    Ki = K.astype(np.int64)  # integer product: exact, and no BLAS threads
    inter = Ki @ Ki.T
    size = Ki.sum(axis=1)
    union = size[:, None] + size[None, :] - inter
    jac = np.where(union > 0, inter / np.maximum(union, 1), 0.0)
    across = groups[:, None] != groups[None, :]
    return float(jac[across].mean()) if across.any() else float("nan")


def simulate_learning(
    graph: nx.Graph | None = None,
    *,
    structure: str = "closed",
    n_groups: int = 8,
    group_size: int = 10,
    n_domains: int = 128,
    p_own: float = 0.6,
    p_other: float = 0.03,
    p_interact: float = 0.5,
    p_diffusion: float = 0.02,
    common_language: float = 0.05,
    p_recombination: float = 0.1,
    drift: float = 0.03,
    monitoring: float = 0.0,
    monitoring_cost: float = 0.0,
    conflict: float = 0.0,
    asymmetry: float = 0.0,
    tolerance: float = 0.15,
    rewire: float = 0.5,
    steps: int = 40,
    seed=0,
) -> ModelResult:
    """Simulate collective learning on a network; see the module ODD.

    Parameters
    ----------
    graph : networkx.Graph, optional
        Network of actors (node attribute ``group`` optional). Default built
        by ``structured_network(structure, n_groups, group_size)``.
    structure : {"closed", "bridging", "random"}
    n_groups, group_size : int
        Size of the default network.
    n_domains : int
        Number of knowledge domains.
    p_own, p_other : float
        Initial knowledge densities (see :func:`initial_knowledge`).
    p_interact, p_diffusion, p_recombination : float
        Probabilities in [0, 1] of using a tie, of learning a domain, and the
        scale of the recombination probability.
    common_language : float
        Minimum overlap for diffusion, in [0, 1].
    drift : float
        Standard deviation of the per-use change of the division of gains (>= 0).
    monitoring : float
        Probability per use that the partners reassess the division, in [0, 1].
    monitoring_cost : float
        Cost per partner of one reassessment, in innovations (>= 0).
    conflict : float
        Probability scale, in [0, 1], that a reassessment ends the tie; the
        probability is ``conflict`` times the uncovered imbalance relative to
        ``tolerance`` (capped at 1).
    asymmetry : float
        Shift of the division of gains towards the partner who learnt more on
        a use, per use, times the normalised difference in domains learnt
        (>= 0); 0 keeps the drift purely random.
    tolerance : float
        Shortfall below an equal share that a partner accepts, in [0, 0.5].
    rewire : float
        Probability that a partner who quits finds a new partner, in [0, 1].
    steps : int
    seed : int or numpy.random.Generator

    Returns
    -------
    ModelResult
        ``history`` per step: ``innovations`` (new combinations this step),
        ``knowledge`` (mean share of domains held), ``ties_alive`` (share of
        original tie slots in use), ``breaks``. ``summary``:
        ``innovation_rate`` (innovations per actor and step),
        ``knowledge_gain`` (final minus initial mean share of domains),
        ``diversity`` (mean Jaccard distance between actors at the end),
        ``ties_alive`` (final), ``breaks_per_step``, ``between_group_ties``
        (share of live ties joining different groups at the end),
        ``initial_overlap`` (mean Jaccard overlap of actors of different
        groups at the start, the cognitive distance the run begins with),
        ``monitoring_rate`` (reassessments per actor and step) and
        ``net_innovation`` (``innovation_rate`` minus ``monitoring_cost``
        times ``monitoring_rate``).
        ``agents``: group, innovations and domains held.

    Raises
    ------
    ValueError
        Naming the bad parameter.

    References
    ----------
    Keeble et al. (1999); Lawson and Lorenz (1999); Sabel (1994) on
    learning by monitoring, as discussed by Jonas (2005), section 3.3;
    Grimm et al. (2006) for ODD.

    Examples
    --------
    >>> frozen = simulate_learning(p_diffusion=0, p_recombination=0, steps=10, seed=2)
    >>> float(frozen.summary["knowledge_gain"]), float(frozen.summary["innovation_rate"])
    (0.0, 0.0)
    >>> float(simulate_learning(monitoring=1.0, steps=10, seed=2).summary["breaks_per_step"])
    0.0
    """
    rng = rng_from(seed)
    if graph is None:
        if structure not in STRUCTURES:
            raise ValueError(f"structure must be one of {STRUCTURES}, got {structure!r}")
        graph = structured_network(structure, n_groups, group_size, seed=rng)
    else:
        check_graph(graph)
    p_interact = check_probability("p_interact", p_interact)
    p_diff = check_probability("p_diffusion", p_diffusion)
    lang = check_probability("common_language", common_language)
    p_rec = check_probability("p_recombination", p_recombination)
    drift = check_nonnegative("drift", drift)
    monitoring = check_probability("monitoring", monitoring)
    monitoring_cost = check_nonnegative("monitoring_cost", monitoring_cost)
    conflict = check_probability("conflict", conflict)
    asymmetry = check_nonnegative("asymmetry", asymmetry)
    tolerance = check_probability("tolerance", tolerance)
    if tolerance > 0.5:
        raise ValueError(f"tolerance must be <= 0.5, got {tolerance}")
    rewire = check_probability("rewire", rewire)
    steps = check_int("steps", steps, 1)

    nodes = list(graph.nodes)
    n = len(nodes)
    pos = {v: k for k, v in enumerate(nodes)}
    groups = np.array([graph.nodes[v].get("group", 0) for v in nodes])
    _, gcode = np.unique(groups.astype(str), return_inverse=True)
    K = initial_knowledge(gcode, n_domains, p_own=p_own, p_other=p_other, seed=rng)
    D = K.shape[1]
    start_knowledge = K.mean()
    initial_overlap = _between_group_overlap(K, gcode)
    n_monitored = 0
    edges = np.array([(pos[u], pos[v]) for u, v in graph.edges if u != v], dtype=int).reshape(-1, 2)
    if len(edges) == 0:
        raise ValueError("graph has no edges: nobody can learn from anybody")
    eu, ev = edges[:, 0].copy(), edges[:, 1].copy()
    m = len(eu)
    share = np.full(m, 0.5)
    alive = np.ones(m, dtype=bool)
    innov = np.zeros(n)
    cols = ["innovations", "knowledge", "ties_alive", "breaks"]
    hist = np.zeros((steps, len(cols)))
    for t in range(steps):
        use = np.flatnonzero(alive & (rng.random(m) < p_interact))
        u, v = eu[use], ev[use]
        Ku, Kv = K[u], K[v]
        inter = (Ku & Kv).sum(axis=1)
        union = (Ku | Kv).sum(axis=1)
        J = np.where(union > 0, inter / np.maximum(union, 1), 0.0)
        gain = np.zeros((n, D), dtype=bool)
        learnt_u = learnt_v = np.zeros(use.size)
        if p_diff > 0 and use.size:
            ok = (J >= lang)[:, None]
            learn_u = Kv & ~Ku & ok  # candidates, then thinned with probability p_diffusion
            learn_v = Ku & ~Kv & ok
            learn_u[learn_u] = rng.random(np.count_nonzero(learn_u)) < p_diff
            learn_v[learn_v] = rng.random(np.count_nonzero(learn_v)) < p_diff
            learnt_u, learnt_v = learn_u.sum(axis=1), learn_v.sum(axis=1)
            # OR the rows learnt by each actor over all its used ties
            rows = np.concatenate([u, v])
            order = np.argsort(rows, kind="stable")
            learnt = np.vstack([learn_u, learn_v])[order]
            actors, starts = np.unique(rows[order], return_index=True)
            gain[actors] |= np.logical_or.reduceat(learnt, starts, axis=0)
        n_new = 0
        if p_rec > 0:
            success = rng.random(use.size) < p_rec * 4.0 * J * (1.0 - J)
            free = ~(Ku | Kv)
            success &= free.any(axis=1)
            idx = np.flatnonzero(success)
            if idx.size:
                # a random domain neither partner held: argmax of random keys over free domains
                keys = np.where(free[idx], rng.random((idx.size, D)), -1.0)
                new = keys.argmax(axis=1)
                gain[u[idx], new] = True
                gain[v[idx], new] = True
                np.add.at(innov, u[idx], 1)
                np.add.at(innov, v[idx], 1)
                n_new = idx.size
        K |= gain
        n_breaks = 0
        if (drift > 0 or asymmetry > 0) and use.size:
            # learning unsettles the division: the partner who learnt more on this use takes a larger share
            tilt = asymmetry * (learnt_u - learnt_v) / np.maximum(learnt_u + learnt_v, 1)
            s = np.clip(share[use] + tilt + rng.normal(0.0, drift, use.size), 0.0, 1.0)
            checked = rng.random(use.size) < monitoring
            n_monitored += int(checked.sum())
            if conflict > 0:
                # a reassessment that uncovers an imbalance can end the tie instead of resetting it
                imbalance = np.minimum(1.0, np.abs(s - 0.5) / max(tolerance, 1e-12))
                clash = checked & (rng.random(use.size) < conflict * imbalance)
            else:
                clash = np.zeros(use.size, dtype=bool)
            s = np.where(checked & ~clash, 0.5, s)
            share[use] = s
            quit_u = (s < 0.5 - tolerance) | (clash & (s < 0.5))
            quit_v = ((s > 0.5 + tolerance) | (clash & (s >= 0.5))) & ~quit_u
            broken = use[quit_u | quit_v]
            n_breaks = broken.size
            if n_breaks:
                quitter = np.where(quit_u, u, v)[quit_u | quit_v]
                alive[broken] = False
                again = rng.random(n_breaks) < rewire
                if again.any():
                    b, q = broken[again], quitter[again]
                    w = (q + rng.integers(1, n, q.size)) % n  # any actor but the quitter
                    eu[b], ev[b] = q, w
                    share[b] = 0.5
                    alive[b] = True
        hist[t] = [n_new, K.mean(), alive.mean(), n_breaks]
    history = pd.DataFrame(hist, columns=cols, index=pd.RangeIndex(1, steps + 1, name="step"))
    Ki = K.astype(np.int64)
    inter = Ki @ Ki.T
    size = Ki.sum(axis=1)
    union = size[:, None] + size[None, :] - inter
    jac = np.where(union > 0, inter / np.maximum(union, 1), 1.0)
    off = ~np.eye(n, dtype=bool)
    live = alive
    summary = pd.Series(
        {
            "innovation_rate": history["innovations"].sum() * 2 / (n * steps),
            "knowledge_gain": float(K.mean() - start_knowledge),
            "diversity": float((1.0 - jac)[off].mean()),
            "ties_alive": float(alive.mean()),
            "breaks_per_step": float(history["breaks"].mean()),
            "between_group_ties": float((gcode[eu[live]] != gcode[ev[live]]).mean()) if live.any() else np.nan,
            "initial_overlap": initial_overlap,
            "monitoring_rate": 2.0 * n_monitored / (n * steps),
        }
    )
    summary["net_innovation"] = summary["innovation_rate"] - monitoring_cost * summary["monitoring_rate"]
    agents = pd.DataFrame(
        {"group": groups, "innovations": innov, "domains": K.sum(axis=1)}, index=pd.Index(nodes, name="actor")
    )
    return ModelResult(history, summary, agents)
