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
firm has learned to get out of the cluster from its experience
:math:`x_{it}` (full after :math:`L` periods of membership),
:math:`\\varepsilon_{it}` a period shock and :math:`\\sigma_t` the public
share of the cost given by the schedule: constant, linear degressive,
stepwise degressive, a short flat subsidy, or none. Experience depreciates at
rate :math:`\\delta`: :math:`x_{i,t+1} = (1-\\delta)\\,x_{it} + \\mathbb{1}[i
\\text{ member in } t]`; with :math:`\\delta = 0` (the default) what a firm
has learned is never lost.

**Fixed point.** Once the subsidy has ended and the members' learning is
complete, the expected share of members solves

.. math::

    m^* = \\frac{1}{N}\\sum_i \\Phi\\!\\left(\\frac{v_i + \\lambda \\ell_i + \\beta m^* - c}
          {\\sigma_\\varepsilon}\\right),

with :math:`\\ell_i` the learned share of firm *i*. If every firm has learned
fully and :math:`v_i \\sim N(\\mu, \\sigma_v^2)`, this is
:math:`m^* = \\Phi\\big((\\mu + \\lambda + \\beta m^* - c)/\\sqrt{\\sigma_v^2+\\sigma_\\varepsilon^2}\\big)`
(:func:`participation_fixed_points`). The subsidy enters the long run only
through the :math:`\\ell_i` it lets firms acquire, or, when the network
benefit is strong enough for two stable fixed points, through the one it
selects.

**ODD description** (:cite:t:`grimm2006`, :cite:t:`grimm2020`; the chapter
on managing clusters renders it in full).
**Purpose.** Does a subsidy that is withdrawn step by step leave a cluster
initiative that the firms carry themselves (lighthouse paper, section V)?

**Entities, state variables and scales.** ``n_firms`` firms, each with a
stand-alone benefit :math:`v_i`, a membership state and an experience
stock :math:`x_{it}` (periods as a member, depreciating at ``depreciation``).
Time is discrete (``periods``); there is no space.

**Process overview and scheduling.** Each period all firms decide at once,
given last period's share of members, their own experience, a new shock and
this period's public share; then experience and the public and private
costs are updated.

**Design concepts.** *Objective*: a firm joins when its benefit covers its
own share of the cost (myopic). *Interaction*: through the network benefit
(a club good whose value grows with membership, :cite:t:`buchanan1965`).
*Learning*: benefits grow with the periods of membership, up to
``learning_periods``. *Sensing*: a firm knows its own benefit, its
experience and last period's share of members. *Stochasticity*: benefits
and shocks are drawn from ``seed``; the same seed gives the same firms under
every schedule. *Observation*: participation, public and private cost per
period.

**Initialisation.** No firm is a member and none has experience.

**Input data.** None: the model is not driven by external time series.

**Submodels.** The schedules of :func:`subsidy_schedule`. Participation is
monotone in the public share: a uniformly higher share never lowers
membership in any period (same seed).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy import optimize, stats

from ._common import ModelResult, check_int, check_nonnegative, check_positive, check_probability, rng_from

__all__ = [
    "SCHEDULES",
    "subsidy_schedule",
    "simulate_cofinancing",
    "compare_schedules",
    "participation_fixed_points",
    "schedule_effects",
    "schedule_contrast",
]

#: The schedules :func:`subsidy_schedule` knows.
SCHEDULES = ("constant", "linear", "step", "flat", "none")


def subsidy_schedule(kind: str = "linear", *, periods: int = 20, initial_share: float = 0.6, phase_out: int = 10) -> pd.Series:
    """Public share of the membership cost, period by period.

    Parameters
    ----------
    kind : {"constant", "linear", "step", "none"}
        ``constant``: ``initial_share`` throughout. ``linear``: falls from
        ``initial_share`` in equal steps to zero at period ``phase_out``.
        ``step``: ``initial_share`` for the first half of the phase-out,
        half of it for the second half, zero from ``phase_out`` on.
        ``flat``: ``initial_share`` until ``phase_out``, then zero (a short
        flat subsidy).
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
    >>> subsidy_schedule("flat", periods=6, initial_share=0.5, phase_out=4).tolist()
    [0.5, 0.5, 0.5, 0.5, 0.0, 0.0]
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
    elif kind == "flat":
        share = np.where(t < phase_out, s0, 0.0)
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
    depreciation: float = 0.0,
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
    depreciation : float in [0, 1], default 0.0
        :math:`\\delta`, the share of experience lost each period
        (:math:`x_{i,t+1} = (1-\\delta) x_{it} + \\mathbb{1}[\\text{member}]`).
        0 keeps what a firm has learned for ever; 1 keeps only the last
        period.
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
        (:math:`v_i`), ``periods_member``, ``learned`` (the learned share
        :math:`\\min(x_i/L, 1)` at the end), ``member_at_end``.

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
    depreciation = check_probability("depreciation", depreciation)
    rng = rng_from(seed)
    v = rng.normal(benefit_mean, benefit_sd, n_firms)
    shocks = rng.normal(0.0, noise, (periods, n_firms))

    experience = np.zeros(n_firms)
    periods_member = np.zeros(n_firms, dtype=int)
    member = np.zeros(n_firms, dtype=bool)
    prev_share_members = 0.0
    rows = []
    cumulative = 0.0
    for t in range(periods):
        benefit = v + network * prev_share_members + learning * np.minimum(experience / learning_periods, 1.0) + shocks[t]
        member = benefit >= (1.0 - share[t]) * cost
        m = int(member.sum())
        experience = (1.0 - depreciation) * experience + member
        periods_member += member
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
    agents = pd.DataFrame(
        {
            "benefit": v,
            "periods_member": periods_member,
            "learned": np.minimum(experience / learning_periods, 1.0),
            "member_at_end": member,
        }
    )
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


def participation_fixed_points(
    *,
    cost: float = 1.0,
    public_share: float = 0.0,
    benefit_mean: float = 0.5,
    benefit_sd: float = 0.25,
    network: float = 0.4,
    learning: float = 0.3,
    noise: float = 0.05,
    learned=1.0,
    benefits=None,
) -> pd.DataFrame:
    """Fixed points of expected participation in the co-financing model, with their stability.

    With a constant public share :math:`\\sigma` and learning frozen at
    :math:`\\ell_i`, the expected share of members next period is
    :math:`F(m) = \\frac1N\\sum_i \\Phi((v_i + \\lambda\\ell_i + \\beta m - (1-\\sigma)c)/\\sigma_\\varepsilon)`.
    Without ``benefits`` the firms are the normal population of
    :func:`simulate_cofinancing` and :math:`F(m) = \\Phi((\\mu + \\lambda\\ell
    + \\beta m - (1-\\sigma)c)/\\sqrt{\\sigma_v^2 + \\sigma_\\varepsilon^2})`
    (the normal benefit and the normal shock add up). A fixed point
    :math:`m^* = F(m^*)` is stable when :math:`F'(m^*) < 1`.

    Parameters
    ----------
    cost, benefit_mean, benefit_sd, network, learning, noise
        As in :func:`simulate_cofinancing`.
    public_share : float in [0, 1], default 0.0
        Constant public share of the cost (0: after the subsidy).
    learned : float in [0, 1] or array-like, default 1.0
        Learned share :math:`\\ell` (one value for all firms, or one per
        firm when ``benefits`` is given).
    benefits : array-like, optional
        The firms' stand-alone benefits :math:`v_i` (e.g. the ``agents``
        table of a run); then ``benefit_mean`` and ``benefit_sd`` are not used.

    Returns
    -------
    pandas.DataFrame
        One row per fixed point: ``participation``, ``slope``
        (:math:`F'(m^*)`) and ``stable`` (bool), ordered by participation.

    Raises
    ------
    ValueError
        For parameters out of range (naming the parameter), or when the map
        has no noise to smooth it (``noise`` 0 with ``benefits`` given, or
        ``noise`` and ``benefit_sd`` both 0).

    References
    ----------
    Buchanan, J. M. (1965). An economic theory of clubs. *Economica* 32(125), 1-14.

    Examples
    --------
    >>> fp = participation_fixed_points()      # defaults: mu + lambda + beta/2 = c
    >>> round(float(fp["participation"].iloc[0]), 6), bool(fp["stable"].iloc[0])
    (0.5, True)
    >>> len(participation_fixed_points(network=2.0, learning=0.0, benefit_sd=0.1))
    3
    """
    cost = check_positive("cost", cost)
    sigma = check_probability("public_share", public_share)
    network = check_nonnegative("network", network)
    learning = check_nonnegative("learning", learning)
    noise = check_nonnegative("noise", noise)
    threshold = (1.0 - sigma) * cost
    if benefits is None:
        benefit_mean = float(benefit_mean)
        if not np.isfinite(benefit_mean):
            raise ValueError(f"benefit_mean must be a finite number, got {benefit_mean!r}")
        benefit_sd = check_nonnegative("benefit_sd", benefit_sd)
        ell = check_probability("learned", learned)
        v = np.array([benefit_mean])
        ell_i = np.array([ell])
        scale = float(np.hypot(benefit_sd, noise))
        if scale == 0:
            raise ValueError("noise and benefit_sd are both 0: the participation map is a step, with no smooth fixed point")
    else:
        v = np.asarray(benefits, dtype=float).ravel()
        if v.size == 0 or not np.isfinite(v).all():
            raise ValueError("benefits must be a non-empty array of finite numbers")
        ell_i = np.broadcast_to(np.asarray(learned, dtype=float), v.shape)
        if ((ell_i < 0) | (ell_i > 1)).any() or not np.isfinite(ell_i).all():
            raise ValueError("learned must lie in [0, 1]")
        scale = noise
        if scale == 0:
            raise ValueError("noise must be > 0 for fixed points of firms with given benefits")
    base = v + learning * ell_i - threshold

    def excess(m):
        return float(stats.norm.cdf((base + network * m) / scale).mean()) - m

    def slope(m):
        return float(network / scale * stats.norm.pdf((base + network * m) / scale).mean())

    grid = np.linspace(0.0, 1.0, 2001)
    values = np.array([excess(m) for m in grid])
    roots = [float(m) for m in grid[values == 0]]
    for i in np.flatnonzero(np.sign(values[:-1]) * np.sign(values[1:]) < 0):
        roots.append(float(optimize.brentq(excess, grid[i], grid[i + 1], xtol=1e-12)))
    roots = sorted(set(round(r, 12) for r in roots))
    slopes = [slope(r) for r in roots]
    return pd.DataFrame({"participation": roots, "slope": slopes, "stable": [d < 1 for d in slopes]})


def _t_interval(values: np.ndarray, level: float) -> tuple[float, float, float]:
    n = len(values)
    mean = float(np.mean(values))
    if n < 2:
        return mean, mean, mean
    half = float(stats.t.ppf(0.5 + level / 2, n - 1) * np.std(values, ddof=1) / np.sqrt(n))
    return mean, mean - half, mean + half


def schedule_effects(
    schedules: Mapping,
    baseline: str,
    *,
    seeds: int = 20,
    outcomes=("final_participation", "cumulative_public_cost"),
    level: float = 0.95,
    **params,
) -> pd.DataFrame:
    """Paired differences between co-financing schedules, with confidence intervals.

    Every schedule is run with seeds ``0..seeds-1``; with one seed all
    schedules see the same firms and shocks (common random numbers), so the
    difference to the baseline is taken seed by seed and its Student-t
    interval is far narrower than that of two independent means.

    Parameters
    ----------
    schedules : mapping of str to mapping
        Label to the schedule's arguments of :func:`simulate_cofinancing`
        (``schedule``, ``phase_out``, ``initial_share``).
    baseline : str
        Label of the schedule the others are compared with.
    seeds : int, default 20
        Number of paired runs.
    outcomes : sequence of str
        Entries of the run's ``summary``.
    level : float, default 0.95
        Confidence level.
    **params
        Further arguments of :func:`simulate_cofinancing`, the same for all.

    Returns
    -------
    pandas.DataFrame
        One row per schedule and outcome: ``schedule``, ``outcome``, ``n``,
        ``mean``, ``difference`` (mean paired difference to the baseline),
        ``lower`` and ``upper`` (its interval).

    Raises
    ------
    ValueError
        For an empty ``schedules``, an unknown ``baseline`` or outcome, or
        as :func:`simulate_cofinancing`.

    Examples
    --------
    >>> tab = schedule_effects({"none": {"schedule": "none"}, "flat": {"schedule": "flat", "phase_out": 4}},
    ...                        "none", seeds=5, n_firms=50, periods=12)
    >>> tab.query("outcome == 'final_participation'")[["schedule", "n"]].to_dict("records")
    [{'schedule': 'none', 'n': 5}, {'schedule': 'flat', 'n': 5}]
    """
    schedules = dict(schedules)
    if not schedules:
        raise ValueError("schedules is empty")
    if baseline not in schedules:
        raise ValueError(f"baseline {baseline!r} is not among the schedules {sorted(schedules)}")
    seeds = check_int("seeds", seeds, 1)
    level = check_probability("level", level)
    runs = {
        label: pd.DataFrame([simulate_cofinancing(**dict(spec), **params, seed=s).summary for s in range(seeds)])
        for label, spec in schedules.items()
    }
    unknown = [o for o in outcomes if o not in runs[baseline].columns]
    if unknown:
        raise ValueError(f"outcome {unknown[0]!r} is not in the run summary")
    rows = []
    for label, table in runs.items():
        for outcome in outcomes:
            mean = float(table[outcome].mean())
            diff, lower, upper = _t_interval((table[outcome] - runs[baseline][outcome]).to_numpy(), level)
            rows.append({"schedule": label, "outcome": outcome, "n": seeds, "mean": mean, "difference": diff,
                         "lower": lower, "upper": upper})
    return pd.DataFrame(rows)


def schedule_contrast(*, phase_out: int = 10, short: int = 4, periods: int = 40, n_firms: int = 100, seed=0, **params) -> pd.Series:
    """Long-run participation under a degressive, a short flat and no subsidy, with the same firms.

    The degressive schedule falls linearly to zero at ``phase_out``; the
    short flat one pays the full initial share for ``short`` periods. The
    outcomes a global sensitivity analysis needs in one call.

    Parameters
    ----------
    phase_out : int, default 10
        Length of the degressive phase-out.
    short : int, default 4
        Length of the flat subsidy.
    periods, n_firms : int
        As in :func:`simulate_cofinancing` (the long run is the last period).
    seed : int
        One seed for the three runs (common random numbers).
    **params
        Further arguments of :func:`simulate_cofinancing`.

    Returns
    -------
    pandas.Series
        ``degressive``, ``short_flat``, ``no_subsidy`` (final participation),
        ``lasting_effect`` (degressive minus none), ``degression_advantage``
        (degressive minus short flat), ``cost_degressive``,
        ``cost_short_flat`` (cumulative public cost) and ``cost_ratio``
        (short flat over degressive).

    Raises
    ------
    ValueError
        As :func:`simulate_cofinancing`.

    Examples
    --------
    >>> c = schedule_contrast(periods=20, seed=1)
    >>> bool(c["lasting_effect"] > 0), bool(c["cost_ratio"] < 1)
    (True, True)
    """
    if isinstance(seed, np.random.Generator):
        raise ValueError("seed must be an int here, so that every schedule sees the same firms")
    common = dict(params, periods=periods, n_firms=n_firms, seed=seed)
    deg = simulate_cofinancing(schedule="linear", phase_out=phase_out, **common).summary
    flat = simulate_cofinancing(schedule="flat", phase_out=short, **common).summary
    none = simulate_cofinancing(schedule="none", **common).summary
    return pd.Series(
        {
            "degressive": deg["final_participation"],
            "short_flat": flat["final_participation"],
            "no_subsidy": none["final_participation"],
            "lasting_effect": deg["final_participation"] - none["final_participation"],
            "degression_advantage": deg["final_participation"] - flat["final_participation"],
            "cost_degressive": deg["cumulative_public_cost"],
            "cost_short_flat": flat["cumulative_public_cost"],
            "cost_ratio": flat["cumulative_public_cost"] / deg["cumulative_public_cost"]
            if deg["cumulative_public_cost"] > 0 else np.nan,
        },
        dtype=float,
    )
