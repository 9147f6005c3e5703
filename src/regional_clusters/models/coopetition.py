"""Coopetition: innovation effort under local rivalry and knowledge sharing.

**ODD description** (:cite:t:`grimm2006`, :cite:t:`grimm2020`; the
chapter on competition and rivalry renders it with input data, observation
and sensing).
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
matrices (``rivalry="status"``). The status term sums to zero over firms:
it is a transfer, and a firm's marginal gain from it (:math:`\\rho d^R_i`)
does not depend on what its rivals do. With ``rivalry="gap"`` it is
replaced by a loss from falling behind a rival,
:math:`-\\tfrac{\\rho}{2}\\sum_j R_{ij}\\max(0, e_j - e_i)^2`, so that a
firm's incentive depends on its rivals' efforts (rivalry as interaction).
:math:`\\beta` is the complementarity of shared knowledge,
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
interior, with its welfare by :func:`coopetition_closed_form`). Larger
values make effort explode and are rejected.
"""

from __future__ import annotations

import functools

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

__all__ = ["simulate_coopetition", "coopetition_equilibrium", "coopetition_closed_form", "relation_matrices", "coopetition_regimes", "RIVALRY"]

#: The two forms of rivalry: a status transfer, or a loss from falling behind a rival.
RIVALRY = ("status", "gap")


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


def coopetition_closed_form(C, R, ability, *, beta: float, rho: float, gamma: float, cost: float = 1.0) -> dict:
    """Equilibrium efforts, output, welfare and their response to rivalry, in closed form.

    With :math:`M = cI - \\beta C + \\gamma R` and rival degrees
    :math:`d = R\\mathbf{1}`, the interior equilibrium of the status-rivalry
    game is :math:`e^* = M^{-1}(a + \\rho d)` :cite:p:`ballester2006`. The
    first-order condition :math:`c e_i = a_i + \\rho d_i + ((\\beta C -
    \\gamma R)e)_i` turns each payoff into
    :math:`\\pi_i = \\tfrac{c}{2}e_i^2 - \\rho d_i e_i + \\rho\\sum_j
    R_{ij}(e_i - e_j)`, and the status transfers cancel in the sum, so
    welfare is :math:`W = \\tfrac{c}{2}\\lVert e^*\\rVert^2 - \\rho\\, d^\\top e^*`.
    Rivalry raises every effort, :math:`\\partial e^*/\\partial\\rho =
    M^{-1}d`, which is non-negative whenever :math:`M^{-1}` is (for
    example :math:`\\gamma = 0`). With :math:`\\beta = \\gamma = 0` this gives
    an output gain :math:`\\rho\\sum_i a_i d_i / c` and a welfare change
    :math:`-\\rho^2\\sum_i d_i^2 / 2c`: more output, lower welfare, for every
    :math:`\\rho > 0`.

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
    dict
        ``effort`` (array), ``output``, ``welfare``, ``isolated_output``
        (:math:`\\sum a_i^2/c`), ``isolated_welfare`` (:math:`\\sum a_i^2/2c`),
        ``surplus`` and ``welfare_gain`` (differences to isolation) and
        ``effort_response`` (array :math:`\\partial e^*/\\partial\\rho`).

    Raises
    ------
    ValueError
        As :func:`coopetition_equilibrium`.

    References
    ----------
    Ballester, C., Calvó-Armengol, A. and Zenou, Y. (2006). Who's who in
    networks. Wanted: the key player. *Econometrica* 74(5), 1403-1417.

    Examples
    --------
    Two rivals of equal ability 1 and rivalry 0.5: each raises its effort
    from 1 to 1.5; output rises by 2 x 0.5 = 1, welfare falls by 2 x 0.25 / 2.

    >>> R = np.array([[0, 1], [1, 0]]); C = np.zeros((2, 2))
    >>> out = coopetition_closed_form(C, R, [1, 1], beta=0, rho=0.5, gamma=0)
    >>> round(out["surplus"], 3), round(out["welfare_gain"], 3)
    (1.0, -0.25)
    """
    e = coopetition_equilibrium(C, R, ability, beta=beta, rho=rho, gamma=gamma, cost=cost)
    C = np.asarray(C, dtype=float)
    R = np.asarray(R, dtype=float)
    a = np.asarray(ability, dtype=float)
    d = R.sum(axis=1)
    M = cost * np.eye(a.size) - beta * C + gamma * R
    output = float((a * e + beta * e * (C @ e)).sum())
    welfare = float(cost / 2 * (e @ e) - rho * (d @ e))
    iso_out = float((a**2).sum() / cost)
    iso_w = iso_out / 2
    return {
        "effort": e,
        "output": output,
        "welfare": welfare,
        "isolated_output": iso_out,
        "isolated_welfare": iso_w,
        "surplus": output - iso_out,
        "welfare_gain": welfare - iso_w,
        "effort_response": np.linalg.solve(M, d),
    }


def relation_matrices(G: nx.Graph, coop_share: float = 0.5, seed=0) -> tuple[list, np.ndarray, np.ndarray]:
    """Cooperation and rivalry matrices of a network, as the model draws them.

    Parameters
    ----------
    G : networkx.Graph
        Edge attribute ``relation`` (``"cooperation"`` or ``"rivalry"``) is
        used where present; other ties are cooperative with probability
        ``coop_share``.
    coop_share : float, default 0.5
    seed : int or numpy.random.Generator

    Returns
    -------
    nodes : list
    C, R : numpy.ndarray
        Symmetric 0/1 matrices in the order of ``nodes``.

    Raises
    ------
    ValueError
        For a bad graph, ``coop_share`` outside [0, 1] or an unknown relation.

    Examples
    --------
    >>> G = nx.path_graph(3); G.edges[0, 1]["relation"] = "rivalry"; G.edges[1, 2]["relation"] = "cooperation"
    >>> _, C, R = relation_matrices(G)
    >>> int(C[1, 2]), int(R[0, 1])
    (1, 1)
    """
    check_graph(G)
    return _relation_matrices(G, check_probability("coop_share", coop_share), rng_from(seed))


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
    rivalry: str = "status",
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
    rivalry : {"status", "gap"}
        ``"status"``: rivalry as a status transfer
        :math:`\\rho\\sum_j R_{ij}(e_i - e_j)`; ``"gap"``: a loss
        :math:`\\tfrac{\\rho}{2}\\sum_j R_{ij}\\max(0, e_j - e_i)^2` from
        falling behind a rival.
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
        ties), ``welfare`` (summed payoffs, status transfers cancel; the loss
        from lagging counts), ``isolated_welfare`` and ``welfare_gain``
        (their difference). ``agents``: ability, degrees, efforts, outputs
        and payoffs.

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
    if rivalry not in RIVALRY:
        raise ValueError(f"rivalry must be one of {RIVALRY}, got {rivalry!r}")
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
    gap = rivalry == "gap"
    if gap:
        push = a / cost
    for t in range(steps):
        if gap:
            # best response given who is ahead: c e_i + rho sum_{j ahead} (e_i - e_j) = a_i + ((beta C - gamma R) e)_i
            ahead = R * (e[None, :] > e[:, None])
            best = np.maximum((a + (beta * C - gamma * R) @ e + rho * ahead @ e) / (cost + rho * ahead.sum(axis=1)), 0.0)
        else:
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
    if gap:
        rival_term = -rho / 2 * (R * np.maximum(e[None, :] - e[:, None], 0.0) ** 2).sum(axis=1)
    else:
        rival_term = rho * (R.sum(axis=1) * e - R @ e)
    payoff = y + rival_term - gamma * e * (R @ e) - cost / 2 * e**2
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
            "welfare": float(payoff.sum()),
            "isolated_welfare": iso / 2,
            "welfare_gain": float(payoff.sum()) - iso / 2,
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
            "payoff": payoff,
        },
        index=pd.Index(nodes, name="firm"),
    )
    return ModelResult(history, summary, agents)


def _regime_run(beta, rho, seed, *, gamma, **params):
    """One cell of :func:`coopetition_regimes`: joint, cooperation-only and rivalry-only runs on one seed."""
    both = simulate_coopetition(beta=beta, rho=rho, gamma=gamma, seed=seed, **params).summary
    coop = simulate_coopetition(beta=beta, rho=0.0, gamma=0.0, seed=seed, **params).summary
    riv = simulate_coopetition(beta=0.0, rho=rho, gamma=gamma, seed=seed, **params).summary
    out = {}
    for key, prefix in (("surplus", ""), ("welfare_gain", "welfare_")):
        out[key] = both[key]
        out[prefix + "cooperation_part"] = coop[key]
        out[prefix + "rivalry_part"] = riv[key]
        out[prefix + "interaction"] = both[key] - coop[key] - riv[key]
    return out


def coopetition_regimes(
    beta_values, rho_values, *, gamma: float = 0.02, seeds=10, level: float = 0.95, executor=None, **params
) -> pd.DataFrame:
    """Which mechanism carries the cluster surplus and welfare, over a (beta, rho) grid?

    For each cell the output surplus and the welfare gain are decomposed by
    running the model three times on the same seed: cooperation only
    (``rho = gamma = 0``), rivalry only (``beta = 0``) and both. The
    interaction is what the joint run adds beyond the two single-mechanism
    runs.

    Parameters
    ----------
    beta_values, rho_values : iterable of float
    gamma : float, default 0.02
        Business stealing in the rivalry and joint runs.
    seeds : int or iterable of int
    level : float
        Confidence level.
    executor : concurrent.futures.Executor, optional
        Passed on to :func:`~regional_clusters.models.sweep.sweep`.
    **params
        Passed on to :func:`simulate_coopetition`.

    Returns
    -------
    pandas.DataFrame
        Tidy: ``beta``, ``rho``, ``outcome`` (``surplus``,
        ``cooperation_part``, ``rivalry_part``, ``interaction`` for output;
        ``welfare_gain``, ``welfare_cooperation_part``,
        ``welfare_rivalry_part``, ``welfare_interaction`` for welfare),
        ``n``, ``mean``, ``sd``, ``lower``, ``upper``, and ``dominant`` and
        ``dominant_welfare`` (``"cooperation"`` or ``"rivalry"``, by the
        larger mean part; ``"neither"`` when neither part is positive).

    Raises
    ------
    ValueError
        As :func:`simulate_coopetition` and :func:`~regional_clusters.models.sweep.sweep`.

    Examples
    --------
    >>> tab = coopetition_regimes([0.0, 0.08], [0.0, 0.3], seeds=2, n_firms=20, steps=30)
    >>> sorted(tab["outcome"].unique())[:4]
    ['cooperation_part', 'interaction', 'rivalry_part', 'surplus']
    """
    one = functools.partial(_regime_run, gamma=check_nonnegative("gamma", gamma), **params)
    tab = sweep(one, {"beta": beta_values, "rho": rho_values}, seeds=seeds, level=level, executor=executor)
    wide = tab.pivot_table(index=["beta", "rho"], columns="outcome", values="mean")
    for label, prefix in (("dominant", ""), ("dominant_welfare", "welfare_")):
        coop, riv = wide[prefix + "cooperation_part"], wide[prefix + "rivalry_part"]
        dom = np.where((coop <= 0) & (riv <= 0), "neither", np.where(coop >= riv, "cooperation", "rivalry"))
        tab = tab.merge(pd.Series(dom, index=wide.index, name=label).reset_index(), on=["beta", "rho"], how="left")
    return tab
