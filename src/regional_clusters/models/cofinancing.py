"""Degressive co-financing of a cluster initiative.

The lighthouse paper (section V) asks that as many cluster actors as possible
contribute to financing the cluster, in a *degressive* model that releases
the public purse step by step. Whether that works depends on whether the
firms' own benefit from taking part grows while the subsidy falls. This
module simulates that question.

Each period :math:`t` firm *i* weighs its benefit of membership against its
own share of the membership cost :math:`c`,

.. math::

    i \\text{ joins in } t \\iff v_i + \\beta\\, m_{t-1}/N
        + \\lambda \\min(x_{it}/L, 1) + \\varepsilon_{it} \\ge (1 - \\sigma_t)\\, c ,

where :math:`v_i` is the firm's stand-alone benefit (drawn once),
:math:`\\beta m_{t-1}/N` a network benefit growing with last period's share
of members (the club good), :math:`\\lambda \\min(x_{it}/L, 1)` what the
firm has learned to get out of the cluster after :math:`x_{it}` periods of
membership (full after :math:`L` periods), :math:`\\varepsilon_{it}` a
period shock and :math:`\\sigma_t` the public share of the cost given by the
schedule: constant, linear degressive, stepwise degressive, or none.

ODD description (:cite:t:`grimm2006`)
--------------------------------------
**Purpose.** Does a subsidy that is withdrawn step by step leave a cluster
initiative that the firms carry themselves (lighthouse paper, section V)?

**Entities, state variables and scales.** ``n_firms`` firms, each with a
stand-alone benefit :math:`v_i`, a membership state and a count
:math:`x_{it}` of periods as a member. Time is discrete (``periods``).

**Process overview and scheduling.** Each period all firms decide at once,
given last period's share of members, their own experience, a new shock and
this period's public share; then experience and the public and private
costs are updated.

**Design concepts.** *Objective*: a firm joins when its benefit covers its
own share of the cost (myopic). *Interaction*: through the network benefit
(a club good whose value grows with membership, :cite:t:`buchanan1965`).
*Learning*: benefits grow with the periods of membership, up to
``learning_periods``. *Stochasticity*: benefits and shocks are drawn from
``seed``; the same seed gives the same firms under every schedule.

**Initialisation.** No firm is a member and none has experience.

**Submodels.** The schedules of :func:`subsidy_schedule`. Participation is
monotone in the public share: a uniformly higher share never lowers
membership in any period (same seed).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._common import ModelResult, check_int, check_nonnegative, check_positive, check_probability, rng_from

__all__ = ["SCHEDULES", "subsidy_schedule", "simulate_cofinancing", "compare_schedules"]

#: The schedules :func:`subsidy_schedule` knows.
SCHEDULES = ("constant", "linear", "step", "none")


def subsidy_schedule(kind: str = "linear", *, periods: int = 20, initial_share: float = 0.6, phase_out: int = 10) -> pd.Series:
    """Public share of the membership cost, period by period.

    Parameters
    ----------
    kind : {"constant", "linear", "step", "none"}
        ``constant``: ``initial_share`` throughout. ``linear``: falls from
        ``initial_share`` in equal steps to zero at period ``phase_out``.
        ``step``: ``initial_share`` for the first half of the phase-out,
        half of it for the second half, zero from ``phase_out`` on.
        ``none``: zero throughout (the baseline).
    periods : int, default 20
        Number of periods.
    initial_share : float in [0, 1], default 0.6
        Public share at the start.
    phase_out : int, default 10
        Period from which a degressive schedule pays nothing.

    Returns
    -------
    pandas.Series
        Public share indexed by ``period`` (0, 1, ...).

    Raises
    ------
    ValueError
        For an unknown ``kind`` or parameters out of range.

    Examples
    --------
    >>> subsidy_schedule("linear", periods=6, initial_share=0.5, phase_out=4).tolist()
    [0.5, 0.375, 0.25, 0.125, 0.0, 0.0]
    >>> subsidy_schedule("step", periods=6, initial_share=0.5, phase_out=4).tolist()
    [0.5, 0.5, 0.25, 0.25, 0.0, 0.0]
    """
    if kind not in SCHEDULES:
        raise ValueError(f"schedule must be one of {SCHEDULES}, got {kind!r}")
    periods = check_int("periods", periods, 1)
    s0 = check_probability("initial_share", initial_share)
    phase_out = check_int("phase_out", phase_out, 1)
    t = np.arange(periods)
    if kind == "constant":
        share = np.full(periods, s0)
    elif kind == "none":
        share = np.zeros(periods)
    elif kind == "linear":
        share = np.clip(s0 * (1 - t / phase_out), 0.0, None)
    else:
        share = np.where(t < phase_out / 2, s0, np.where(t < phase_out, s0 / 2, 0.0))
    return pd.Series(share.astype(float), index=pd.RangeIndex(periods, name="period"), name="public_share")


def simulate_cofinancing(
    n_firms: int = 100,
    periods: int = 20,
    *,
    schedule="linear",
    initial_share: float = 0.6,
    phase_out: int = 10,
    cost: float = 1.0,
    benefit_mean: float = 0.5,
    benefit_sd: float = 0.25,
    network: float = 0.4,
    learning: float = 0.3,
    learning_periods: int = 4,
    noise: float = 0.05,
    seed=0,
) -> ModelResult:
    """Simulate firms' participation in a cluster under a co-financing schedule.

    Parameters
    ----------
    n_firms : int, default 100
        Number of firms :math:`N` that could join.
    periods : int, default 20
        Number of periods simulated.
    schedule : str or array-like, default "linear"
        A kind known to :func:`subsidy_schedule`, or the public share for
        every period (values in [0, 1]).
    initial_share, phase_out
        Passed to :func:`subsidy_schedule` when ``schedule`` is a kind.
    cost : float, default 1.0
        Membership cost per firm and period :math:`c` (> 0).
    benefit_mean, benefit_sd : float
        Mean and standard deviation of the stand-alone benefits :math:`v_i`
        (normal).
    network : float, default 0.4
        :math:`\\beta`, the benefit when every firm is a member.
    learning : float, default 0.3
        :math:`\\lambda`, the benefit learned by long-standing members.
    learning_periods : int, default 4
        :math:`L`, periods of membership until learning is complete.
    noise : float, default 0.05
        Standard deviation of the period shocks :math:`\\varepsilon_{it}`.
    seed : int or numpy.random.Generator
        Seeds the benefits and shocks; the same seed gives the same firms
        and shocks under every schedule (common random numbers).

    Returns
    -------
    ModelResult
        ``history`` (index ``period``): ``public_share``, ``members``,
        ``participation`` (share of firms), ``public_cost``,
        ``private_cost``, ``public_share_of_funding`` (public over total
        funding, 0 without members), ``cumulative_public_cost``.
        ``summary``: ``final_participation``, ``mean_participation``,
        ``peak_participation``, ``cumulative_public_cost``,
        ``public_cost_per_member_period``. ``agents``: ``benefit``
        (:math:`v_i`), ``periods_member``, ``member_at_end``.

    Raises
    ------
    ValueError
        For parameters out of range, naming the parameter.

    References
    ----------
    Buchanan, J. M. (1965). An economic theory of clubs. *Economica* 32(125),
    1-14 (membership goods whose value depends on the number of members).

    Examples
    --------
    >>> r = simulate_cofinancing(50, 12, schedule="none", seed=1)
    >>> r0 = simulate_cofinancing(50, 12, schedule=[0.0] * 12, seed=1)
    >>> r.history["members"].equals(r0.history["members"])
    True
    >>> float(r.summary["cumulative_public_cost"])
    0.0
    """
    n_firms = check_int("n_firms", n_firms, 1)
    periods = check_int("periods", periods, 1)
    if isinstance(schedule, str):
        share = subsidy_schedule(schedule, periods=periods, initial_share=initial_share, phase_out=phase_out).to_numpy()
    else:
        share = np.asarray(schedule, dtype=float).ravel()
        if share.size != periods:
            raise ValueError(f"schedule has {share.size} values for {periods} periods")
        for t, s in enumerate(share):
            check_probability(f"schedule[{t}]", float(s))
    cost = check_positive("cost", cost)
    benefit_mean = float(benefit_mean)
    if not np.isfinite(benefit_mean):
        raise ValueError(f"benefit_mean must be a finite number, got {benefit_mean!r}")
    benefit_sd = check_nonnegative("benefit_sd", benefit_sd)
    network = check_nonnegative("network", network)
    learning = check_nonnegative("learning", learning)
    learning_periods = check_int("learning_periods", learning_periods, 1)
    noise = check_nonnegative("noise", noise)
    rng = rng_from(seed)
    v = rng.normal(benefit_mean, benefit_sd, n_firms)
    shocks = rng.normal(0.0, noise, (periods, n_firms))

    experience = np.zeros(n_firms)
    member = np.zeros(n_firms, dtype=bool)
    prev_share_members = 0.0
    rows = []
    cumulative = 0.0
    for t in range(periods):
        benefit = v + network * prev_share_members + learning * np.minimum(experience / learning_periods, 1.0) + shocks[t]
        member = benefit >= (1.0 - share[t]) * cost
        m = int(member.sum())
        experience += member
        public = share[t] * cost * m
        private = (1.0 - share[t]) * cost * m
        cumulative += public
        rows.append(
            {
                "public_share": share[t],
                "members": m,
                "participation": m / n_firms,
                "public_cost": public,
                "private_cost": private,
                "public_share_of_funding": public / (public + private) if m else 0.0,
                "cumulative_public_cost": cumulative,
            }
        )
        prev_share_members = m / n_firms
    history = pd.DataFrame(rows, index=pd.RangeIndex(periods, name="period"))
    member_periods = history["members"].sum()
    summary = pd.Series(
        {
            "final_participation": history["participation"].iloc[-1],
            "mean_participation": history["participation"].mean(),
            "peak_participation": history["participation"].max(),
            "cumulative_public_cost": cumulative,
            "public_cost_per_member_period": cumulative / member_periods if member_periods else 0.0,
        },
        dtype=float,
    )
    agents = pd.DataFrame({"benefit": v, "periods_member": experience.astype(int), "member_at_end": member})
    agents.index.name = "firm"
    return ModelResult(history, summary, agents)


def compare_schedules(schedules=SCHEDULES, *, seed=0, **params) -> pd.DataFrame:
    """Run :func:`simulate_cofinancing` under several schedules with the same firms.

    Parameters
    ----------
    schedules : iterable of str
        Kinds known to :func:`subsidy_schedule`.
    seed : int
        One seed for all runs, so that firms and shocks are identical and
        only the schedule differs.
    **params
        Further arguments of :func:`simulate_cofinancing`.

    Returns
    -------
    pandas.DataFrame
        Tidy: one row per schedule and period with the ``history`` columns
        of :func:`simulate_cofinancing` and a ``schedule`` column.

    Raises
    ------
    ValueError
        As :func:`simulate_cofinancing`, or when ``seed`` is a Generator (runs would
        then see different firms).

    Examples
    --------
    >>> t = compare_schedules(("none", "constant"), n_firms=20, periods=5, seed=2)
    >>> t.groupby("schedule")["participation"].mean().idxmax()
    'constant'
    """
    if isinstance(seed, np.random.Generator):
        raise ValueError("seed must be an int here, so that every schedule sees the same firms")
    frames = []
    for kind in schedules:
        h = simulate_cofinancing(schedule=kind, seed=seed, **params).history.reset_index()
        h.insert(0, "schedule", kind)
        frames.append(h)
    return pd.concat(frames, ignore_index=True)
