"""Coopetition: innovation effort under local rivalry and knowledge sharing.

**ODD description** (:cite:t:`grimm2006`).
**Purpose.** To ask when a cluster's innovation output exceeds the sum of
what its firms would produce in isolation ("more than the sum of its parts",
:cite:t:`porter1990`), and whether that surplus is carried by rivalry
(Porter's domestic rivalry, which pushes effort "from fear of falling
behind") or by cooperation (knowledge shared with partners), the two poles
discussed in :cite:t:`jonas2005`, section 2.2.

**Entities, state variables and scales.** ``n_firms`` firms are the nodes of
an undirected network. Each tie is either a *cooperation* tie (the firms
share knowledge) or a *rivalry* tie (the firms watch and race each other).
Firm *i* has a fixed ability :math:`a_i` (log-normal) and a state, its
innovation effort :math:`e_i \\ge 0`. Time is discrete (``steps``).

**Process overview and scheduling.** Each step all firms revise their effort
at once (synchronous updating): they move a share ``adjust`` of the way
towards their best response to the others' current efforts; optional noise
``noise`` perturbs the revision (experimentation). Efforts are kept >= 0.

**Design concepts.** *Objective*: firm *i* maximises

.. math::

   \\pi_i = a_i e_i + \\beta e_i \\sum_j C_{ij} e_j
            + \\rho \\sum_j R_{ij}(e_i - e_j)
            - \\gamma e_i \\sum_j R_{ij} e_j - \\tfrac{c}{2} e_i^2 ,

where :math:`C` and :math:`R` are the cooperation and rivalry adjacency
matrices. :math:`\\beta` is the complementarity of shared knowledge,
:math:`\\rho` the status pressure of rivalry ("bragging rights") and
:math:`\\gamma` business stealing between rivals. The best response is
:math:`e_i^* = \\max\\{0, (a_i + \\rho d^R_i + \\sum_j(\\beta C_{ij} - \\gamma R_{ij}) e_j)/c\\}`,
a linear-quadratic network game in the sense of Ballester, Calvó-Armengol and
Zenou (2006). *Emergence*: innovation output
:math:`y_i = a_i e_i + \\beta e_i \\sum_j C_{ij} e_j` summed over the cluster is
compared with the isolated output :math:`\\sum_i a_i^2/c` (every firm alone,
no ties). *Stochasticity*: the network, the labelling of ties, abilities and
noise are drawn from ``seed``.

**Initialisation.** A Watts-Strogatz small world (``degree``,
``rewiring``), or a given graph; each tie is cooperative with probability
``coop_share`` unless the graph carries an edge attribute ``relation``
(``"cooperation"`` or ``"rivalry"``). Efforts start at the isolated optimum
:math:`a_i/c`.

**Submodels.** When the spectral radius of :math:`(\\beta C + \\gamma R)/c`
is below one the revision is a contraction and converges to the unique
equilibrium (solved directly by :func:`coopetition_equilibrium` when it is
interior). Larger values make effort explode and are rejected.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from ._common import (
    ModelResult,
    adjacency,
    check_graph,
    check_int,
    check_nonnegative,
    check_positive,
    check_probability,
    rng_from,
)
from .sweep import sweep

__all__ = ["simulate_coopetition", "coopetition_equilibrium", "coopetition_regimes"]


def _relation_matrices(G, coop_share, rng):
    nodes, A = adjacency(G)
    n = len(nodes)
    C = np.zeros((n, n))
    pos = {v: k for k, v in enumerate(nodes)}
    edges = list(G.edges(data="relation"))
    draws = rng.random(len(edges))
    for (u, v, rel), r in zip(edges, draws):
        if rel is None:
            coop = r < coop_share
        elif rel in ("cooperation", "rivalry"):
            coop = rel == "cooperation"
        else:
            raise ValueError(f"edge ({u!r}, {v!r}) has relation {rel!r}; use 'cooperation' or 'rivalry'")
        if u == v:
            continue
        if coop:
            C[pos[u], pos[v]] = C[pos[v], pos[u]] = 1.0
    R = A - C
    R[R < 0] = 0.0
    return nodes, C, R


def coopetition_equilibrium(C, R, ability, *, beta: float, rho: float, gamma: float, cost: float = 1.0) -> np.ndarray:
    """Interior Nash equilibrium efforts of the coopetition game.

    Solves :math:`(cI - \\beta C + \\gamma R) e = a + \\rho R\\mathbf{1}`.

    Parameters
    ----------
    C, R : array_like, shape (n, n)
        Symmetric 0/1 cooperation and rivalry matrices.
    ability : array_like, shape (n,)
    beta, rho, gamma : float
        Knowledge complementarity, rivalry pressure, business stealing (>= 0).
    cost : float, default 1
        Curvature of the effort cost (> 0).

    Returns
    -------
    numpy.ndarray
        Equilibrium efforts.

    Raises
    ------
    ValueError
        If a parameter is negative, shapes disagree, or the solution has a
        negative effort (the equilibrium is then not interior; use
        :func:`simulate_coopetition`).

    References
    ----------
    Ballester, C., Calvó-Armengol, A. and Zenou, Y. (2006). Who's who in
    networks. Wanted: the key player. *Econometrica* 74(5).

    Examples
    --------
    >>> C = np.array([[0, 1], [1, 0]]); R = np.zeros((2, 2))
    >>> coopetition_equilibrium(C, R, [1, 1], beta=0.5, rho=0, gamma=0)
    array([2., 2.])
    """
    beta = check_nonnegative("beta", beta)
    rho = check_nonnegative("rho", rho)
    gamma = check_nonnegative("gamma", gamma)
    cost = check_positive("cost", cost)
    C = np.asarray(C, dtype=float)
    R = np.asarray(R, dtype=float)
    a = np.asarray(ability, dtype=float)
    if C.shape != R.shape or C.shape != (a.size, a.size):
        raise ValueError(f"C {C.shape}, R {R.shape} and ability ({a.size},) do not match")
    M = cost * np.eye(a.size) - beta * C + gamma * R
    e = np.linalg.solve(M, a + rho * R.sum(axis=1))
    if (e < -1e-12).any():
        raise ValueError("the equilibrium is not interior (a firm's effort would be negative); simulate instead")
    return e


def simulate_coopetition(
    graph: nx.Graph | None = None,
    *,
    n_firms: int = 60,
    degree: int = 6,
    rewiring: float = 0.1,
    coop_share: float = 0.5,
    beta: float = 0.05,
    rho: float = 0.1,
    gamma: float = 0.02,
    cost: float = 1.0,
    ability_sd: float = 0.3,
    adjust: float = 0.5,
    noise: float = 0.0,
    steps: int = 60,
    seed=0,
) -> ModelResult:
    """Simulate firms choosing innovation effort under rivalry and cooperation.

    See the module docstring for the ODD description.

    Parameters
    ----------
    graph : networkx.Graph, optional
        Network of firms; edge attribute ``relation`` (``"cooperation"`` or
        ``"rivalry"``) is used where present. Default: a Watts-Strogatz graph.
    n_firms, degree : int
        Size and mean degree of the default network.
    rewiring : float
        Rewiring probability of the default network, in [0, 1].
    coop_share : float
        Probability that an unlabelled tie is a cooperation tie, in [0, 1].
    beta, rho, gamma : float
        Knowledge complementarity, rivalry pressure and business stealing (>= 0).
    cost : float
        Effort cost curvature (> 0).
    ability_sd : float
        Standard deviation of log ability (>= 0).
    adjust : float
        Share of the gap to the best response closed each step, in (0, 1].
    noise : float
        Standard deviation of revision noise (>= 0).
    steps : int
        Number of steps (>= 1).
    seed : int or numpy.random.Generator

    Returns
    -------
    ModelResult
        ``history``: mean effort and cluster output per step. ``summary``:
        ``cluster_output``, ``isolated_output``, ``surplus`` (their
        difference), ``surplus_ratio`` (their ratio), ``knowledge_output``
        (the part of output due to shared knowledge), ``effort_gain`` (mean
        effort relative to isolation), ``coop_ties`` (share of cooperation
        ties). ``agents``: ability, degrees, efforts and outputs.

    Raises
    ------
    ValueError
        Naming the bad parameter; also if ``beta``/``gamma`` are so large
        that effort would explode on this network.

    References
    ----------
    Porter (1990); Jonas (2005), section 2.2; Grimm et al. (2006) for the
    ODD protocol.

    Examples
    --------
    >>> res = simulate_coopetition(beta=0, rho=0, gamma=0, seed=1)
    >>> bool(np.isclose(res.summary["surplus"], 0.0))
    True
    >>> simulate_coopetition(beta=0.06, rho=0.1, seed=1).summary["surplus"] > 0
    np.True_
    """
    rng = rng_from(seed)
    coop_share = check_probability("coop_share", coop_share)
    beta = check_nonnegative("beta", beta)
    rho = check_nonnegative("rho", rho)
    gamma = check_nonnegative("gamma", gamma)
    cost = check_positive("cost", cost)
    ability_sd = check_nonnegative("ability_sd", ability_sd)
    adjust = check_probability("adjust", adjust)
    if adjust == 0:
        raise ValueError("adjust must be > 0")
    noise = check_nonnegative("noise", noise)
    steps = check_int("steps", steps, 1)
    if graph is None:
        n_firms = check_int("n_firms", n_firms, 3)
        degree = check_int("degree", degree, 2)
        if degree >= n_firms:
            raise ValueError(f"degree must be smaller than n_firms, got degree={degree}, n_firms={n_firms}")
        rewiring = check_probability("rewiring", rewiring)
        graph = nx.watts_strogatz_graph(n_firms, degree, rewiring, seed=int(rng.integers(2**31 - 1)))
    else:
        check_graph(graph)
    nodes, C, R = _relation_matrices(graph, coop_share, rng)
    n = len(nodes)
    a = np.exp(rng.normal(0.0, ability_sd, n)) if ability_sd > 0 else np.ones(n)
    M = (beta * C + gamma * R) / cost
    radius = float(np.max(np.abs(np.linalg.eigvalsh(M)))) if n else 0.0
    if radius >= 1:
        raise ValueError(
            f"beta and gamma too large for this network: spectral radius of (beta*C + gamma*R)/cost is {radius:.3f} >= 1"
        )
    W = (beta * C - gamma * R) / cost
    push = (a + rho * R.sum(axis=1)) / cost
    e_iso = a / cost
    e = e_iso.copy()
    hist_e = np.empty(steps)
    hist_y = np.empty(steps)
    for t in range(steps):
        best = np.maximum(push + W @ e, 0.0)
        e_new = (1 - adjust) * e + adjust * best
        if noise > 0:
            e_new = np.maximum(e_new + rng.normal(0.0, noise, n), 0.0)
        converged = noise == 0 and np.max(np.abs(e_new - e)) <= 1e-13 * max(1.0, np.max(np.abs(e)))
        e = e_new
        hist_e[t] = e.mean()
        hist_y[t] = (a * e + beta * e * (C @ e)).sum()
        if converged:  # a fixed point: the remaining steps repeat it
            hist_e[t:] = hist_e[t]
            hist_y[t:] = hist_y[t]
            break
    knowledge = beta * e * (C @ e)
    y = a * e + knowledge
    iso = float((a * e_iso).sum())
    total = float(y.sum())
    n_edges = C.sum() / 2 + R.sum() / 2
    summary = pd.Series(
        {
            "cluster_output": total,
            "isolated_output": iso,
            "surplus": total - iso,
            "surplus_ratio": total / iso,
            "knowledge_output": float(knowledge.sum()),
            "effort_gain": float(e.mean() / e_iso.mean()),
            "coop_ties": float(C.sum() / 2 / n_edges) if n_edges else np.nan,
        }
    )
    history = pd.DataFrame({"mean_effort": hist_e, "cluster_output": hist_y}, index=pd.RangeIndex(1, steps + 1, name="step"))
    agents = pd.DataFrame(
        {
            "ability": a,
            "coop_degree": C.sum(axis=1),
            "rival_degree": R.sum(axis=1),
            "effort": e,
            "output": y,
            "isolated_output": a * e_iso,
        },
        index=pd.Index(nodes, name="firm"),
    )
    return ModelResult(history, summary, agents)


def coopetition_regimes(beta_values, rho_values, *, gamma: float = 0.02, seeds=10, level: float = 0.95, **params) -> pd.DataFrame:
    """Which mechanism carries the cluster surplus, over a (beta, rho) grid?

    For each cell the surplus is decomposed by running the model three
    times on the same seed: cooperation only (``rho = gamma = 0``), rivalry
    only (``beta = 0``) and both. The interaction is what the joint run adds
    beyond the two single-mechanism runs.

    Parameters
    ----------
    beta_values, rho_values : iterable of float
    gamma : float, default 0.02
        Business stealing in the rivalry and joint runs.
    seeds : int or iterable of int
    level : float
        Confidence level.
    **params
        Passed on to :func:`simulate_coopetition`.

    Returns
    -------
    pandas.DataFrame
        Tidy: ``beta``, ``rho``, ``outcome`` (``surplus``,
        ``cooperation_part``, ``rivalry_part``, ``interaction``), ``n``,
        ``mean``, ``sd``, ``lower``, ``upper``, and ``dominant``
        (``"cooperation"`` or ``"rivalry"``, by the larger mean part;
        ``"neither"`` when neither part is positive).

    Examples
    --------
    >>> tab = coopetition_regimes([0.0, 0.08], [0.0, 0.3], seeds=2, n_firms=20, steps=30)
    >>> sorted(tab["outcome"].unique())
    ['cooperation_part', 'interaction', 'rivalry_part', 'surplus']
    """

    def one(beta, rho, seed):
        both = simulate_coopetition(beta=beta, rho=rho, gamma=gamma, seed=seed, **params).summary["surplus"]
        coop = simulate_coopetition(beta=beta, rho=0.0, gamma=0.0, seed=seed, **params).summary["surplus"]
        riv = simulate_coopetition(beta=0.0, rho=rho, gamma=gamma, seed=seed, **params).summary["surplus"]
        return {"surplus": both, "cooperation_part": coop, "rivalry_part": riv, "interaction": both - coop - riv}

    tab = sweep(one, {"beta": beta_values, "rho": rho_values}, seeds=seeds, level=level)
    wide = tab.pivot_table(index=["beta", "rho"], columns="outcome", values="mean")
    coop, riv = wide["cooperation_part"], wide["rivalry_part"]
    dom = np.where((coop <= 0) & (riv <= 0), "neither", np.where(coop >= riv, "cooperation", "rivalry"))
    dom = pd.Series(dom, index=wide.index, name="dominant").reset_index()
    return tab.merge(dom, on=["beta", "rho"], how="left")
