"""Club goods: contributions to an excludable good under reputation and sanctions.

**ODD description** (:cite:t:`grimm2006`, :cite:t:`grimm2020`; the chapter
on emergence and club goods renders it in full, with input data,
observation and sensing).
**Purpose.** Cluster research expects trust, reciprocity and the cost of a
bad reputation to hold club-like cooperation together, and treats the
results of that cooperation as club goods: non-rival for members, closed to
outsiders (:cite:t:`jonas2005`, section 2.3, after Capello 1999 and Steinle
and Schiele 2002). The model asks which of these mechanisms keeps members
contributing, and what erodes their contributions.

**Entities, state variables and scales.** ``n_members`` members of one club.
Member *i* has a contribution :math:`c_i \\in [0, 1]` (share of a unit
endowment), a reputation :math:`r_i` (memory of observed contributions) and a
type: a share ``opportunist_share`` of members are short-sighted
opportunists who ignore their reputation and the club's mean. Time is
discrete (``steps``).

**Process overview and scheduling.** Each step, all members at once
(1) revise their contribution, (2) are checked by sanctions, (3) are
observed, updating their reputation, (4) are excluded from the good or not,
(5) receive payoffs.

**Design concepts.** *Objective and adaptation*: members follow the
gradient of their expected payoff (bounded rationality, learning rate
``learning_rate``). Material payoff is
:math:`1 - c_i + \\mathbb{1}[i\\ \\text{included}]\\, m \\sum_j c_j - F_i`,
with marginal per-capita return ``mpcr`` :math:`m`; for :math:`m < 1` the
Nash equilibrium of the one-shot game is zero contribution.
*Sanctions*: with probability ``sanction_prob`` a member is checked and pays
``fine`` times its shortfall below the club's agreed ``standard``; the
expected marginal gain of contributing is then ``sanction_prob * fine``
below the standard. *Reputation and exclusion* (excludability): with
probability ``visibility`` a contribution is observed, and reputation
moves towards it (memory ``memory``); a member whose reputation falls below
``threshold`` times the club mean (``exclusion="relative"``, the default)
or below ``threshold`` times the agreed ``standard``
(``exclusion="absolute"``, a fixed bar) is excluded from the good with
probability ``visibility`` (a logistic rule of softness ``softness``).
Far-sighted members weigh the good's value against the change in exclusion
risk. *Conformity*: far-sighted members also move a share ``conformity``
towards the club mean (conditional cooperation). *Stochasticity*: initial
contributions, checks, observation, exclusion and revision noise
(``noise``) are drawn from ``seed``.

**Initialisation.** Contributions are drawn uniformly around ``initial``
(± 0.1, clipped to [0, 1]); reputation starts at the contribution.

**Submodels.** Without sanctions, reputation and conformity the revision is
:math:`c_{t+1} = \\max(0, c_t - \\eta (1 - m))`, so contributions fall
linearly to the Nash level 0; with ``mpcr > 1`` they rise to 1; with
``sanction_prob * fine > 1 - mpcr`` they settle at the standard.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._common import ModelResult, check_int, check_nonnegative, check_positive, check_probability, rng_from

__all__ = ["simulate_club_good", "EXCLUSION"]

#: Exclusion rules: a bar relative to the club mean, or an absolute bar tied to the standard.
EXCLUSION = ("relative", "absolute")


def simulate_club_good(
    *,
    n_members: int = 30,
    mpcr: float = 0.3,
    initial: float = 0.5,
    learning_rate: float = 0.05,
    sanction_prob: float = 0.0,
    fine: float = 1.0,
    standard: float = 0.8,
    visibility: float = 0.0,
    memory: float = 0.8,
    threshold: float = 0.8,
    softness: float = 0.05,
    conformity: float = 0.0,
    opportunist_share: float = 0.0,
    monitoring_cost: float = 0.0,
    exclusion: str = "relative",
    noise: float = 0.01,
    steps: int = 100,
    seed=0,
) -> ModelResult:
    """Simulate contributions to a club good; see the module ODD description.

    Parameters
    ----------
    n_members : int
        Club size (>= 2).
    mpcr : float
        Marginal per-capita return of a contribution (> 0).
    initial : float
        Mean initial contribution, in [0, 1].
    learning_rate : float
        Gradient step of the revision (> 0).
    sanction_prob, fine, standard : float
        Probability of a check in [0, 1], fine per unit of shortfall (>= 0),
        and the agreed contribution standard in [0, 1].
    visibility : float
        Probability that a contribution is observed and that a member with a
        poor reputation is excluded, in [0, 1]; 0 switches reputation off.
    memory : float
        Weight of the old reputation when a contribution is observed, in [0, 1).
    threshold : float
        Reputation below ``threshold`` times the mean puts a member at risk
        of exclusion (>= 0).
    softness : float
        Softness of the exclusion rule (> 0).
    conformity : float
        Pull of far-sighted members towards the club mean, in [0, 1].
    opportunist_share : float
        Share of short-sighted opportunists, in [0, 1].
    monitoring_cost : float
        Cost per member per step of running checks, times ``sanction_prob`` (>= 0).
    exclusion : {"relative", "absolute"}
        Exclusion bar: ``threshold`` times the club's mean reputation
        (relative), or ``threshold`` times ``standard`` (absolute).
    noise : float
        Standard deviation of revision noise (>= 0).
    steps : int
    seed : int or numpy.random.Generator

    Returns
    -------
    ModelResult
        ``history`` per step: ``contribution`` (mean), ``opportunists``,
        ``others`` (mean contribution by type), ``excluded`` (share),
        ``club_good`` (value per included member), ``payoff`` (mean).
        ``summary``: the means of these over the last quarter of the run.

    Raises
    ------
    ValueError
        Naming the bad parameter.

    References
    ----------
    Capello (1999) on club goods in clusters, as discussed by Jonas (2005),
    section 2.3; Grimm et al. (2006) for the ODD protocol.

    Examples
    --------
    >>> decay = simulate_club_good(noise=0, steps=60, seed=1)
    >>> float(decay.summary["contribution"])
    0.0
    >>> held = simulate_club_good(sanction_prob=0.5, fine=2.0, noise=0, seed=1)
    >>> bool(held.summary["contribution"] > 0.7)
    True
    """
    rng = rng_from(seed)
    n = check_int("n_members", n_members, 2)
    mpcr = check_positive("mpcr", mpcr)
    initial = check_probability("initial", initial)
    eta = check_positive("learning_rate", learning_rate)
    s = check_probability("sanction_prob", sanction_prob)
    fine = check_nonnegative("fine", fine)
    standard = check_probability("standard", standard)
    q = check_probability("visibility", visibility)
    memory = check_probability("memory", memory)
    if memory >= 1:
        raise ValueError("memory must be < 1 (otherwise reputation never moves)")
    threshold = check_nonnegative("threshold", threshold)
    softness = check_positive("softness", softness)
    kappa = check_probability("conformity", conformity)
    o = check_probability("opportunist_share", opportunist_share)
    monitoring_cost = check_nonnegative("monitoring_cost", monitoring_cost)
    if exclusion not in EXCLUSION:
        raise ValueError(f"exclusion must be one of {EXCLUSION}, got {exclusion!r}")
    noise = check_nonnegative("noise", noise)
    steps = check_int("steps", steps, 1)

    relative = exclusion == "relative"
    opp = np.zeros(n, dtype=bool)
    opp[: int(round(o * n))] = True
    rng.shuffle(opp)
    far = ~opp
    c = np.clip(initial + rng.uniform(-0.1, 0.1, n), 0.0, 1.0)
    rep = c.copy()
    cols = ["contribution", "opportunists", "others", "excluded", "club_good", "payoff"]
    hist = np.full((steps, len(cols)), np.nan)
    for t in range(steps):
        mean_c = c.mean()
        value = mpcr * c.sum()
        grad = -(1.0 - mpcr) + s * fine * (c < standard)
        if q > 0:
            z = (threshold * (rep.mean() if relative else standard) - rep) / softness
            sig = 1.0 / (1.0 + np.exp(-z))
            grad = grad + far * value * q * (1.0 - memory) * sig * (1.0 - sig) / softness
        step = eta * grad + far * kappa * (mean_c - c)
        if noise > 0:
            step = step + rng.normal(0.0, noise, n)
        c = np.clip(c + step, 0.0, 1.0)
        checked = rng.random(n) < s
        fines = checked * fine * np.maximum(standard - c, 0.0)
        observed = rng.random(n) < q
        rep = np.where(observed, memory * rep + (1.0 - memory) * c, rep)
        if q > 0:
            z = (threshold * (rep.mean() if relative else standard) - rep) / softness
            excluded = rng.random(n) < q / (1.0 + np.exp(-z))
        else:
            excluded = np.zeros(n, dtype=bool)
        good = mpcr * c.sum()
        payoff = 1.0 - c + (~excluded) * good - fines - monitoring_cost * s
        hist[t] = [
            c.mean(),
            c[opp].mean() if opp.any() else np.nan,
            c[far].mean() if far.any() else np.nan,
            excluded.mean(),
            good,
            payoff.mean(),
        ]
    history = pd.DataFrame(hist, columns=cols, index=pd.RangeIndex(1, steps + 1, name="step"))
    tail = history.iloc[-max(1, steps // 4) :]
    summary = tail.mean()
    agents = pd.DataFrame({"opportunist": opp, "contribution": c, "reputation": rep}, index=pd.RangeIndex(n, name="member"))
    return ModelResult(history, summary, agents)
