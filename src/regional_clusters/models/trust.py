"""Trust: Beckert's four strategies as signals, reputation passed on by gossip.

**ODD description** (:cite:t:`grimm2006`, :cite:t:`grimm2020`; the chapter
on rivalry, cooperation and trust renders it in full, with input data,
observation and sensing).
**Purpose.** :cite:t:`jonas2005` (section 3.2) asks how trust between
cluster actors is built rather than assuming it. Following Beckert (2002),
a trustee (Alter) presents itself through four strategies (commitment,
expectation congruence, competence and integrity) so that the trustor (Ego)
reads it as trustworthy; beyond these acts, network information passed on
by gossip (Burt 2004) matters, and rising competitive pressure makes
opportunism more tempting and trust harder to keep. The model compares
strong-tie closure with bridging (weak-tie) network structures under these
mechanisms.

**Entities, state variables and scales.** ``N`` actors on an undirected
network; each is trustor and trustee. Trustee *j* has a hidden
trustworthiness :math:`\\tau_j` (Beta distributed, mean
``trustworthiness``). Trustor *i* holds, about each *j*, counts of honoured
and betrayed trust (own experience plus gossip), which decay each step.
Time is discrete (``steps``).

**Process overview and scheduling.** Each step every actor (as trustor)
meets one random neighbour (as trustee); all meetings happen at once.
(1) The trustee sends four signals; (2) the trustor forms a belief and
trusts if it reaches ``threshold``; (3) a trusted trustee honours or
betrays; (4) the trustor records the outcome and each of its neighbours
hears of it with probability ``gossip``; (5) all counts decay.

**Design concepts.** *Signals*: strategy *k* shows
:math:`x_{jk} = \\tau_j + \\phi_k\\,\\pi\\,(1 - \\tau_j) + \\varepsilon`,
:math:`\\varepsilon \\sim N(0, 1/\\lambda_k)`, with precision
:math:`\\lambda_k` and fakeability :math:`\\phi_k` (the inflation an
untrustworthy actor adds under pressure :math:`\\pi`). Commitment (exit
barriers and advance concessions) is precise and hard to fake; integrity
(a claim of truthfulness) is cheap and easy to fake. *Belief*: Beta-style
pseudo-counts: prior mean ``prior`` with weight 2, the precision-weighted
mean signal with weight ``signal_weight``, plus the honoured and betrayed
counts. *Opportunism*: a trusted trustee honours with probability
:math:`\\tau_j (1 - \\pi)`, where :math:`\\pi` is ``pressure``: betrayal
rising with pressure is assumed, not derived. *Deterrence* (optional,
``deterrence`` :math:`\\delta > 0`): trustees react to their reputation. A
trustee who would betray trustor *i* refrains with probability
:math:`\\min(1, \\delta\\, g\\, s_{ij} / k_j)`, where :math:`s_{ij}` is the
number of partners the two share and :math:`k_j` the trustee's degree, so
:math:`g s_{ij}/k_j` is the expected share of the trustee's partners who
would hear of the betrayal (closure as a sanction, Coleman; Burt 2005).
With :math:`\\delta = 0` gossip can only screen, never deter.
*Reproduction of trust*: counts decay by ``decay`` × (1 + π) per step, so
trust must be renewed more often under pressure. *Gossip*: second-hand
outcomes count with weight ``gossip_weight``. *Emergence*: trust rate,
betrayal rate and how far reputation reaches beyond direct ties.
*Stochasticity*: network, types, meetings, signals, outcomes and gossip are
drawn from ``seed``.

**Initialisation.** A network from
:func:`~regional_clusters.models.structured_network` (``structure``) or a
given graph; empty records.

**Submodels.** With ``gossip = 0`` an actor only knows about trustees it
has met itself: reputation stays local.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from ._common import (
    STRUCTURES,
    ModelResult,
    adjacency,
    check_graph,
    check_int,
    check_nonnegative,
    check_positive,
    check_probability,
    rng_from,
    structured_network,
)

__all__ = ["STRATEGIES", "simulate_trust", "gossip_contrast"]

#: Beckert's four strategies of self-presentation: default precision and fakeability.
STRATEGIES = pd.DataFrame(
    {"precision": [4.0, 2.0, 2.0, 1.0], "fakeability": [0.0, 0.5, 0.3, 1.0]},
    index=pd.Index(["commitment", "expectation_congruence", "competence", "integrity"], name="strategy"),
)


def _check_strategies(strategies) -> pd.DataFrame:
    if strategies is None:
        return STRATEGIES.copy()
    if not isinstance(strategies, pd.DataFrame) or not {"precision", "fakeability"} <= set(strategies.columns):
        raise ValueError("strategies must be a DataFrame with columns 'precision' and 'fakeability'")
    if len(strategies) == 0:
        raise ValueError("strategies is empty")
    for name, row in strategies.iterrows():
        check_nonnegative(f"strategies precision of {name!r}", float(row["precision"]))
        check_nonnegative(f"strategies fakeability of {name!r}", float(row["fakeability"]))
    if strategies["precision"].sum() <= 0:
        raise ValueError("strategies precision: at least one strategy needs a precision > 0")
    return strategies


def simulate_trust(
    graph: nx.Graph | None = None,
    *,
    structure: str = "closed",
    n_groups: int = 8,
    group_size: int = 10,
    trustworthiness: float = 0.7,
    concentration: float = 4.0,
    strategies: pd.DataFrame | None = None,
    signal_weight: float = 2.0,
    prior: float = 0.5,
    threshold: float = 0.6,
    loss: float = 1.0,
    gossip: float = 0.3,
    gossip_weight: float = 0.5,
    deterrence: float = 0.0,
    bridge_share: float | None = None,
    pressure: float = 0.0,
    decay: float = 0.05,
    steps: int = 60,
    seed=0,
) -> ModelResult:
    """Simulate trust building with signals and gossip; see the module ODD.

    Parameters
    ----------
    graph : networkx.Graph, optional
        Network of actors; default built by ``structured_network(structure, ...)``.
    structure : {"closed", "bridging", "random"}
    n_groups, group_size : int
        Size of the default network.
    trustworthiness : float
        Mean of the Beta distribution of trustworthiness, in [0, 1].
    concentration : float
        Sum of the Beta parameters (> 0); large values make actors alike.
    strategies : pandas.DataFrame, optional
        Rows strategies, columns ``precision`` and ``fakeability``; default
        :data:`STRATEGIES` (Beckert's four).
    signal_weight : float
        Pseudo-count weight of the signals in the belief (>= 0); 0 ignores them.
    prior : float
        Prior belief in trustworthiness, in [0, 1].
    threshold : float
        Belief needed to trust, in [0, 1].
    loss : float
        Loss of a betrayed trustor (gain of an honoured one is 1) (>= 0).
    gossip : float
        Probability that a neighbour of the trustor hears of an outcome, in [0, 1].
    gossip_weight : float
        Weight of second-hand information relative to own experience, in [0, 1].
    deterrence : float
        Responsiveness of trustees to their reputation, in [0, 1]; 0 (the
        default) makes trustees non-strategic, so that gossip only screens.
    bridge_share : float, optional
        Share of ties rewired across groups in the default network (see
        :func:`~regional_clusters.models.structured_network`).
    pressure : float
        Competitive pressure π in [0, 1]: tempts to betray and to fake signals.
    decay : float
        Decay of the records per step at zero pressure, in [0, 0.5].
    steps : int
    seed : int or numpy.random.Generator

    Returns
    -------
    ModelResult
        ``history`` per step: ``trust_rate`` (share of meetings with trust),
        ``betrayal_rate`` (share of trusted meetings betrayed), ``payoff``
        (mean trustor payoff per meeting), ``reach`` (share of actor pairs
        without a direct tie where the trustor holds information on the
        trustee). ``summary``: means over the last half of the run plus
        ``accuracy`` (correlation between the mean belief about an actor and
        its true probability to honour). ``agents``: trustworthiness and
        the mean belief others hold.

    Raises
    ------
    ValueError
        Naming the bad parameter.

    References
    ----------
    Beckert, J. (2002). Vertrauen und die performative Konstruktion von
    Märkten. Zeitschrift für Soziologie 31(1), 27-43 (the four strategies,
    as used by Jonas 2005, section 3.2); Burt (2004) on gossip; Grimm et al.
    (2006) for ODD.

    Examples
    --------
    >>> res = simulate_trust(gossip=0.0, steps=20, seed=3)
    >>> float(res.summary["reach"])
    0.0
    >>> simulate_trust(gossip=0.5, structure="random", steps=20, seed=3).summary["reach"] > 0
    np.True_
    """
    rng = rng_from(seed)
    if graph is None:
        if structure not in STRUCTURES:
            raise ValueError(f"structure must be one of {STRUCTURES}, got {structure!r}")
        graph = structured_network(structure, n_groups, group_size, bridge_share=bridge_share, seed=rng)
    else:
        check_graph(graph)
    mu = check_probability("trustworthiness", trustworthiness)
    conc = check_positive("concentration", concentration)
    strat = _check_strategies(strategies)
    w_sig = check_nonnegative("signal_weight", signal_weight)
    prior = check_probability("prior", prior)
    theta = check_probability("threshold", threshold)
    loss = check_nonnegative("loss", loss)
    g = check_probability("gossip", gossip)
    gw = check_probability("gossip_weight", gossip_weight)
    delta = check_probability("deterrence", deterrence)
    pi = check_probability("pressure", pressure)
    decay = check_probability("decay", decay)
    if decay > 0.5:
        raise ValueError(f"decay must be <= 0.5, got {decay}")
    steps = check_int("steps", steps, 1)

    nodes, A = adjacency(graph)
    n = len(nodes)
    adj = A > 0
    deg = adj.sum(axis=1)
    active = np.flatnonzero(deg > 0)
    if active.size == 0:
        raise ValueError("graph has no edges: nobody can meet")
    indptr = np.concatenate([[0], np.cumsum(deg)])
    indices = np.nonzero(adj)[1]  # row-major: the neighbours of 0, then of 1, ...
    tau = rng.beta(max(mu * conc, 1e-9), max((1 - mu) * conc, 1e-9), n) if 0 < mu < 1 else np.full(n, mu)
    honour_p = tau * (1.0 - pi)
    if delta > 0 and g > 0:
        # share of the trustee's partners who would hear of a betrayal of trustor i
        shared = adj.astype(np.int64) @ adj.astype(np.int64)  # common partners (integer product: no BLAS)
        exposure = g * shared / np.maximum(deg, 1)[None, :]
        restraint = np.minimum(1.0, delta * exposure)
        honour_ij = honour_p[None, :] + (1.0 - honour_p[None, :]) * restraint
    else:
        honour_ij = None
    lam = strat["precision"].to_numpy(float)
    phi = strat["fakeability"].to_numpy(float)
    sd = np.where(lam > 0, 1.0 / np.sqrt(np.where(lam > 0, lam, 1.0)), 0.0)
    lam_w = lam / lam.sum()
    H = np.zeros((n, n))  # honoured counts held by trustor i about trustee j
    B = np.zeros((n, n))  # betrayed counts
    keep = 1.0 - decay * (1.0 + pi)
    nonadj = ~adj & ~np.eye(n, dtype=bool)
    n_nonadj = max(int(nonadj.sum()), 1)
    cols = ["trust_rate", "betrayal_rate", "payoff", "reach"]
    hist = np.full((steps, len(cols)), np.nan)
    for t in range(steps):
        picks = rng.random(active.size)
        j = indices[indptr[active] + np.minimum((picks * deg[active]).astype(int), deg[active] - 1)]
        i = active
        noise = rng.normal(0.0, 1.0, (i.size, lam.size)) * sd
        signals = tau[j, None] + phi[None, :] * pi * (1.0 - tau[j, None]) + noise
        s_bar = np.clip(signals @ lam_w, 0.0, 1.0)
        h, b = H[i, j], B[i, j]
        belief = (2.0 * prior + w_sig * s_bar + h) / (2.0 + w_sig + h + b)
        trusted = belief >= theta
        p_honour = honour_p[j] if honour_ij is None else honour_ij[i, j]
        honoured = trusted & (rng.random(i.size) < p_honour)
        betrayed = trusted & ~honoured
        H[i, j] += honoured  # every active actor is trustor once per step: i has no repeats
        B[i, j] += betrayed
        if g > 0:
            heard = (rng.random((n, n)) < g) & adj
            M = heard * gw
            # each neighbour k of trustor i hears of the outcome with trustee j: column j gains M[:, i].
            # Written as scatter-adds rather than a dense product with the (sparse) outcome matrix,
            # which is both faster and free of BLAS threading.
            for outcome, record in ((honoured, H), (betrayed, B)):
                met = np.flatnonzero(outcome)
                if met.size:
                    np.add.at(record.T, j[met], M[:, i[met]].T)
            np.fill_diagonal(H, 0.0)
            np.fill_diagonal(B, 0.0)
        H *= keep
        B *= keep
        n_trusted = trusted.sum()
        hist[t] = [
            trusted.mean(),
            betrayed.sum() / n_trusted if n_trusted else np.nan,
            (honoured.sum() - loss * betrayed.sum()) / i.size,
            np.count_nonzero(((H + B) > 1e-9) & nonadj) / n_nonadj,
        ]
    history = pd.DataFrame(hist, columns=cols, index=pd.RangeIndex(1, steps + 1, name="step"))
    summary = history.iloc[steps // 2 :].mean()
    if honour_ij is not None:
        honour_p = np.where(deg > 0, (honour_ij * adj).sum(axis=0) / np.maximum(deg, 1), honour_p)
    info = (H + B) > 1e-9
    post = np.where(info, (2.0 * prior + H) / (2.0 + H + B), 0.0)
    count = info.sum(axis=0)
    ok = count > 0
    mean_belief = np.where(ok, post.sum(axis=0) / np.maximum(count, 1), np.nan)
    if ok.sum() > 2 and np.std(honour_p[ok]) > 0 and np.std(mean_belief[ok]) > 0:
        summary["accuracy"] = float(np.corrcoef(mean_belief[ok], honour_p[ok])[0, 1])
    else:
        summary["accuracy"] = np.nan
    agents = pd.DataFrame(
        {"trustworthiness": tau, "honour_probability": honour_p, "mean_belief": np.where(ok, mean_belief, np.nan)},
        index=pd.Index(nodes, name="actor"),
    )
    return ModelResult(history, summary, agents)


def gossip_contrast(*, gossip: float = 0.3, seed=0, **params) -> pd.Series:
    """Payoff gain from gossip in a closed and a bridging network, on one seed.

    Runs :func:`simulate_trust` four times with the same seed: closed and
    bridging networks, each without gossip and with ``gossip``. The
    outcome Burt's brokerage-versus-closure debate asks about is
    ``closure_advantage``, the gain from gossip under closure minus the gain
    under bridging; positive values favour closure.

    Parameters
    ----------
    gossip : float, default 0.3
        Gossip probability of the runs with gossip, in (0, 1].
    seed : int
    **params
        Passed on to :func:`simulate_trust` (not ``structure``);
        ``bridge_share`` applies to the bridging network only.

    Returns
    -------
    pandas.Series
        ``gain_closed``, ``gain_bridging``, ``closure_advantage``,
        ``betrayal_closed``, ``betrayal_bridging`` (betrayal rates with
        gossip).

    Raises
    ------
    ValueError
        If ``gossip`` is not in (0, 1], ``structure`` is passed, or as
        :func:`simulate_trust`.

    Examples
    --------
    >>> out = gossip_contrast(steps=20, seed=1)
    >>> bool(np.isclose(out["closure_advantage"], out["gain_closed"] - out["gain_bridging"]))
    True
    """
    gossip = check_probability("gossip", gossip)
    if gossip == 0:
        raise ValueError("gossip must be > 0 for a contrast with the no-gossip runs")
    if "structure" in params:
        raise ValueError("structure is set by gossip_contrast; do not pass it")
    bridge_share = params.pop("bridge_share", None)
    out = {}
    for kind in ("closed", "bridging"):
        share = bridge_share if kind == "bridging" else None  # closed keeps its default of few bridges
        with_g = simulate_trust(structure=kind, gossip=gossip, bridge_share=share, seed=seed, **params).summary
        without = simulate_trust(structure=kind, gossip=0.0, bridge_share=share, seed=seed, **params).summary
        out[f"gain_{kind}"] = with_g["payoff"] - without["payoff"]
        out[f"betrayal_{kind}"] = with_g["betrayal_rate"]
    out["closure_advantage"] = out["gain_closed"] - out["gain_bridging"]
    return pd.Series(out)
