"""Specialisations over time: entry, exit, growth, and complexity per year.

Clusters are not permanent: a region's specialisation in an industry or a
technological field can appear and disappear. This module follows region x
industry tables through time.

- :func:`specialised`: the 0/1 matrix of specialisations, a location
  quotient at or above a threshold *and* a minimum size;
- :func:`entry_matrix`, :func:`exit_matrix`, :func:`growth_matrix` and
  :func:`entry_list`, :func:`exit_list`, :func:`growth_list`: the
  equivalents of EconGeo's ``entry_mat``, ``exit_mat``, ``growth_mat`` and
  ``*_list`` functions (Balland 2017);
- :func:`entry_exit`: one long list of region x industry transitions
  between two periods, where an entry must *stay* (hold in optional
  confirmation periods) to count, with the relatedness density at the start;
- :func:`entry_model`: does a region enter an industry where related
  industries are already present? A linear probability or logit model with
  region and industry fixed effects and region-clustered errors (pyfixest);
- :func:`complexity_panel`: RCA, presence, relatedness density, ECI and PCI
  per year over a long region x industry x year table, in one call (the time
  loop of py-ecomplexity), reusing :mod:`regional_clusters.relatedness`.

Inputs are wide region x industry DataFrames (one per period) or a long
table with region, industry, year and value columns. Periods must hold the
same regions and industries: a label missing in one period raises
``ValueError`` naming it, instead of a silent misalignment.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ._checks import check_count_matrix
from .relatedness import economic_complexity, presence, proximity, relatedness_density
from .specialization import location_quotient

__all__ = [
    "specialised",
    "entry_matrix",
    "exit_matrix",
    "growth_matrix",
    "entry_list",
    "exit_list",
    "growth_list",
    "entry_exit",
    "EntryModel",
    "entry_model",
    "transition_rates",
    "density_permutation_test",
    "panel_matrices",
    "complexity_panel",
]

_BALLAND = (
    "Balland, P.-A. (2017). Economic Geography in R: Introduction to the EconGeo "
    "package. Papers in Evolutionary Economic Geography 17.09, Utrecht University."
)


def _aligned(first: pd.DataFrame, second: pd.DataFrame, names=("start", "end")) -> None:
    """Raise ValueError naming a region or industry that is in only one period."""
    for axis, what in ((0, "region"), (1, "industry")):
        a, b = first.axes[axis], second.axes[axis]
        for left, right, lname, rname in ((a, b, names[0], names[1]), (b, a, names[1], names[0])):
            missing = left.difference(right)
            if len(missing):
                raise ValueError(f"{what} {missing[0]!r} is in the {lname} period but missing in the {rname} period")


def specialised(X: pd.DataFrame, *, lq: float = 1.0, min_size: float = 0.0) -> pd.DataFrame:
    r"""0/1 matrix of specialisations: :math:`LQ_{ri} \ge` ``lq`` and :math:`x_{ri} \ge` ``min_size``.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts (e.g. employees).
    lq : float, default 1.0
        Location quotient threshold (Balassa's RCA).
    min_size : float, default 0.0
        Minimum count in the cell, so that a tiny cell in a tiny region does
        not count as a specialisation (a critical mass).

    Returns
    -------
    pandas.DataFrame
        0/1 floats, same labels as ``X``.

    Raises
    ------
    ValueError
        Bad counts (named), or a negative threshold.

    References
    ----------
    Balassa, B. (1965). Trade liberalisation and "revealed" comparative
    advantage. The Manchester School 33(2), 99-123.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10, 1], "b": [10, 20]}, index=["r1", "r2"])
    >>> specialised(X, lq=1.0, min_size=5)
          a    b
    r1  1.0  0.0
    r2  0.0  1.0
    """
    if not np.isfinite(lq) or lq < 0:
        raise ValueError(f"lq must be a non-negative number, got {lq!r}")
    if not np.isfinite(min_size) or min_size < 0:
        raise ValueError(f"min_size must be a non-negative number, got {min_size!r}")
    V = check_count_matrix(X, name="X")
    L = location_quotient(V)
    return ((L >= lq) & (V >= min_size)).astype("float64")


def _binary_pair(M0, M1):
    A = presence(M0, given=True)
    B = presence(M1, given=True)
    _aligned(A, B)
    return A, B.loc[A.index, A.columns]


def entry_matrix(M0: pd.DataFrame, M1: pd.DataFrame) -> pd.DataFrame:
    """Entries between two periods (EconGeo's ``entry_mat``).

    Parameters
    ----------
    M0, M1 : pandas.DataFrame
        0/1 region x industry matrices of the start and end period, with the
        same regions and industries (e.g. from :func:`specialised`).

    Returns
    -------
    pandas.DataFrame
        1 where the region was not specialised at the start and is at the
        end (an entry), 0 where it was not specialised in either period,
        missing (NaN) where it was specialised at the start, so could not
        enter.

    Raises
    ------
    ValueError
        Non-binary input, or a region or industry in only one period (named).

    References
    ----------
    Boschma, R., Balland, P.-A. and Kogler, D. F. (2015). Relatedness and
    technological change in cities. Industrial and Corporate Change 24(1),
    223-250.

    Examples
    --------
    >>> M0 = pd.DataFrame({"a": [1, 0], "b": [0, 0]}, index=["r1", "r2"])
    >>> M1 = pd.DataFrame({"a": [1, 1], "b": [0, 0]}, index=["r1", "r2"])
    >>> entry_matrix(M0, M1)
          a    b
    r1  NaN  0.0
    r2  1.0  0.0
    """
    A, B = _binary_pair(M0, M1)
    return B.where(A == 0)


def exit_matrix(M0: pd.DataFrame, M1: pd.DataFrame) -> pd.DataFrame:
    """Exits between two periods (EconGeo's ``exit_mat``).

    Parameters
    ----------
    M0, M1 : pandas.DataFrame
        0/1 region x industry matrices of the start and end period.

    Returns
    -------
    pandas.DataFrame
        1 where a specialisation of the start is gone at the end (an exit),
        0 where it persists, missing (NaN) where there was none to lose.

    Raises
    ------
    ValueError
        Non-binary input, or a region or industry in only one period (named).

    References
    ----------
    Boschma, R., Balland, P.-A. and Kogler, D. F. (2015). Relatedness and
    technological change in cities. Industrial and Corporate Change 24(1),
    223-250.

    Examples
    --------
    >>> M0 = pd.DataFrame({"a": [1, 1], "b": [0, 0]}, index=["r1", "r2"])
    >>> M1 = pd.DataFrame({"a": [1, 0], "b": [0, 1]}, index=["r1", "r2"])
    >>> exit_matrix(M0, M1)
          a   b
    r1  0.0 NaN
    r2  1.0 NaN
    """
    A, B = _binary_pair(M0, M1)
    return (1.0 - B).where(A == 1)


def growth_matrix(X0: pd.DataFrame, X1: pd.DataFrame, *, percent: bool = True) -> pd.DataFrame:
    r"""Growth of every region x industry cell (EconGeo's ``growth_mat``).

    .. math:: g_{ri} = 100\,\frac{x_{ri,1} - x_{ri,0}}{x_{ri,0}}

    Parameters
    ----------
    X0, X1 : pandas.DataFrame
        Region x industry counts of the start and end period.
    percent : bool, default True
        Percent (as EconGeo) or a plain rate.

    Returns
    -------
    pandas.DataFrame
        Growth; a cell that is 0 in both periods has growth 0 (EconGeo's
        convention), one that starts at 0 and grows has ``inf``.

    Raises
    ------
    ValueError
        Negative or missing counts, or a region or industry in only one
        period (named).

    References
    ----------
    Balland, P.-A. (2017). Economic Geography in R: Introduction to the
    EconGeo package. Papers in Evolutionary Economic Geography 17.09.

    Examples
    --------
    >>> X0 = pd.DataFrame({"a": [10, 0], "b": [4, 0]}, index=["r1", "r2"])
    >>> X1 = pd.DataFrame({"a": [15, 0], "b": [2, 3]}, index=["r1", "r2"])
    >>> growth_matrix(X0, X1)
          a      b
    r1  50.0  -50.0
    r2   0.0    inf
    """
    A = check_count_matrix(X0, name="X0", allow_zero_rows=True, allow_zero_columns=True)
    B = check_count_matrix(X1, name="X1", allow_zero_rows=True, allow_zero_columns=True)
    _aligned(A, B)
    B = B.loc[A.index, A.columns]
    a, b = A.to_numpy(), B.to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.where(a > 0, (b - a) / np.where(a > 0, a, 1.0), np.where(b > 0, np.inf, 0.0))
    return pd.DataFrame(g * (100.0 if percent else 1.0), index=A.index, columns=A.columns)


def _ordered_periods(matrices) -> list:
    if not isinstance(matrices, dict) or len(matrices) < 2:
        raise ValueError("matrices must be a dict {period: region x industry DataFrame} with at least 2 periods")
    return sorted(matrices)


def _long(mat: pd.DataFrame, name: str, period) -> pd.DataFrame:
    out = mat.rename_axis(index="region", columns="industry").stack(future_stack=True).rename(name).reset_index()
    return out.assign(period=period)


def entry_list(matrices: dict) -> pd.DataFrame:
    """Entries between consecutive periods as a long list (EconGeo's ``entry_list``).

    Parameters
    ----------
    matrices : dict
        ``{period: 0/1 region x industry DataFrame}``, at least two periods,
        each with the same regions and industries.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``industry``, ``entry`` (1 entry, 0 no entry),
        ``period`` (the end of each step). Only cells at risk (not
        specialised at the start of the step) are listed.

    Raises
    ------
    ValueError
        Fewer than two periods, non-binary input, or a region or industry
        missing in one period (named).

    References
    ----------
    Balland, P.-A. (2017). Economic Geography in R: Introduction to the
    EconGeo package. Papers in Evolutionary Economic Geography 17.09.

    Examples
    --------
    >>> M = {2000: pd.DataFrame({"a": [1, 0]}, index=["r1", "r2"]),
    ...      2005: pd.DataFrame({"a": [1, 1]}, index=["r1", "r2"])}
    >>> entry_list(M)
      region industry  entry  period
    0     r2        a    1.0    2005
    """
    periods = _ordered_periods(matrices)
    parts = [_long(entry_matrix(matrices[p0], matrices[p1]), "entry", p1) for p0, p1 in zip(periods, periods[1:])]
    return pd.concat(parts, ignore_index=True).dropna(subset=["entry"]).reset_index(drop=True)


def exit_list(matrices: dict) -> pd.DataFrame:
    """Exits between consecutive periods as a long list (EconGeo's ``exit_list``).

    Parameters
    ----------
    matrices : dict
        ``{period: 0/1 region x industry DataFrame}``, at least two periods.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``industry``, ``exit`` (1 exit, 0 persisted),
        ``period``; only cells specialised at the start of each step.

    Raises
    ------
    ValueError
        Fewer than two periods, non-binary input, or a region or industry
        missing in one period (named).

    References
    ----------
    Balland, P.-A. (2017). Economic Geography in R: Introduction to the
    EconGeo package. Papers in Evolutionary Economic Geography 17.09.

    Examples
    --------
    >>> M = {2000: pd.DataFrame({"a": [1, 0]}, index=["r1", "r2"]),
    ...      2005: pd.DataFrame({"a": [0, 1]}, index=["r1", "r2"])}
    >>> exit_list(M)
      region industry  exit  period
    0     r1        a   1.0    2005
    """
    periods = _ordered_periods(matrices)
    parts = [_long(exit_matrix(matrices[p0], matrices[p1]), "exit", p1) for p0, p1 in zip(periods, periods[1:])]
    return pd.concat(parts, ignore_index=True).dropna(subset=["exit"]).reset_index(drop=True)


def growth_list(matrices: dict, *, percent: bool = True) -> pd.DataFrame:
    """Growth of every cell between consecutive periods (EconGeo's ``growth_list``).

    Parameters
    ----------
    matrices : dict
        ``{period: region x industry counts}``, at least two periods.
    percent : bool, default True

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``industry``, ``growth``, ``period``.

    Raises
    ------
    ValueError
        Fewer than two periods, bad counts, or a label missing in one period.

    References
    ----------
    Balland, P.-A. (2017). Economic Geography in R: Introduction to the
    EconGeo package. Papers in Evolutionary Economic Geography 17.09.

    Examples
    --------
    >>> X = {1: pd.DataFrame({"a": [10, 4]}, index=["r1", "r2"]),
    ...      2: pd.DataFrame({"a": [12, 2]}, index=["r1", "r2"])}
    >>> growth_list(X)
      region industry  growth  period
    0     r1        a    20.0       2
    1     r2        a   -50.0       2
    """
    periods = _ordered_periods(matrices)
    parts = [_long(growth_matrix(matrices[p0], matrices[p1], percent=percent), "growth", p1)
             for p0, p1 in zip(periods, periods[1:])]
    return pd.concat(parts, ignore_index=True)


def entry_exit(
    X0: pd.DataFrame,
    X1: pd.DataFrame,
    *,
    lq: float = 1.0,
    min_size: float = 0.0,
    confirm=(),
    density: bool = True,
    diagonal: float | None = 0.0,
) -> pd.DataFrame:
    """Long list of specialisation transitions between two periods.

    A region x industry pair is *specialised* when its location quotient is
    at least ``lq`` and its count at least ``min_size`` (:func:`specialised`).
    A pair **enters** when it is not specialised at the start, is at the end,
    and stays specialised in every confirmation period; it **exits** when it
    is specialised at the start, is not at the end, and stays unspecialised
    in every confirmation period. Crossings that do not hold in the
    confirmation periods are listed as ``"entry reverted"`` and ``"exit
    reverted"`` (noise around the threshold rather than a durable change).

    Parameters
    ----------
    X0, X1 : pandas.DataFrame
        Region x industry counts at the start and the end, same labels.
    lq : float, default 1.0
        Location quotient threshold.
    min_size : float, default 0.0
        Minimum count of a specialised cell.
    confirm : sequence of pandas.DataFrame, optional
        Counts of later periods in which an entry (exit) must persist.
    density : bool, default True
        Add the relatedness density of each pair at the start, computed from
        the start's specialisation matrix with
        :func:`regional_clusters.relatedness.proximity` and
        :func:`regional_clusters.relatedness.relatedness_density`.
    diagonal : float or None, default 0.0
        Diagonal of the proximity matrix; 0 keeps an industry out of its own
        neighbourhood, so the density of a pair measures *related* industries
        only (``None``: the formula's own value, 1).

    Returns
    -------
    pandas.DataFrame
        One row per region x industry with ``region``, ``industry``,
        ``size_start``, ``size_end``, ``lq_start``, ``lq_end``,
        ``specialised_start``, ``specialised_end`` (bool), ``status``
        (category: ``"entry"``, ``"exit"``, ``"stay"``, ``"absent"``,
        ``"entry reverted"``, ``"exit reverted"``), ``at_risk`` (bool: not
        specialised at the start), ``entry`` (0/1, for at-risk pairs; a
        reverted entry is 0) and, with ``density=True``, ``density``.

    Raises
    ------
    ValueError
        Bad counts, a region or industry present in one period only (named),
        or an industry specialised in no region at the start (its density is
        undefined) when ``density=True``.

    References
    ----------
    Neffke, F., Henning, M. and Boschma, R. (2011). How do regions
    diversify over time? Industry relatedness and the development of new
    growth paths in regions. Economic Geography 87(3), 237-265.

    Examples
    --------
    >>> X0 = pd.DataFrame({"a": [30, 10, 10], "b": [10, 30, 10], "c": [10, 10, 30]},
    ...                   index=["r1", "r2", "r3"])
    >>> X1 = pd.DataFrame({"a": [30, 10, 30], "b": [10, 30, 10], "c": [10, 10, 10]},
    ...                   index=["r1", "r2", "r3"])
    >>> t = entry_exit(X0, X1, lq=1.2, density=False)
    >>> t.loc[t.status.isin(["entry", "exit"]), ["region", "industry", "status"]]
      region industry status
    6     r3        a  entry
    8     r3        c   exit
    """
    confirm = list(confirm)
    S0 = specialised(X0, lq=lq, min_size=min_size)
    S1 = specialised(X1, lq=lq, min_size=min_size)
    _aligned(S0, S1)
    rows, cols = S0.index, S0.columns
    S1 = S1.loc[rows, cols]
    held_on, held_off = S1.to_numpy() == 1, S1.to_numpy() == 0
    for k, Xk in enumerate(confirm, start=1):
        Sk = specialised(Xk, lq=lq, min_size=min_size)
        _aligned(S0, Sk, names=("start", f"confirmation {k}"))
        sk = Sk.loc[rows, cols].to_numpy()
        held_on &= sk == 1
        held_off &= sk == 0
    s0, s1 = S0.to_numpy() == 1, S1.to_numpy() == 1
    status = np.select(
        [~s0 & s1 & held_on, ~s0 & s1, s0 & ~s1 & held_off, s0 & ~s1, s0 & s1],
        ["entry", "entry reverted", "exit", "exit reverted", "stay"],
        default="absent",
    )
    V0 = X0.loc[rows, cols].to_numpy(dtype="float64")
    V1 = X1.loc[rows, cols].to_numpy(dtype="float64")
    out = pd.DataFrame({
        "region": np.repeat(rows.to_numpy(), len(cols)),
        "industry": np.tile(cols.to_numpy(), len(rows)),
        "size_start": V0.ravel(),
        "size_end": V1.ravel(),
        "lq_start": location_quotient(X0.loc[rows, cols]).to_numpy().ravel(),
        "lq_end": location_quotient(X1.loc[rows, cols]).to_numpy().ravel(),
        "specialised_start": s0.ravel(),
        "specialised_end": s1.ravel(),
        "status": pd.Categorical(
            status.ravel(), categories=["entry", "entry reverted", "absent", "stay", "exit", "exit reverted"]
        ),
    })
    out["at_risk"] = ~out["specialised_start"]
    out["entry"] = np.where(out["at_risk"], (out["status"] == "entry").astype("float64"), np.nan)
    if density:
        phi = proximity(S0, given=True, diagonal=diagonal)
        out["density"] = relatedness_density(S0, phi).to_numpy().ravel()
    return out


@dataclass(frozen=True)
class EntryModel:
    """Result of :func:`entry_model`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per regressor: ``estimate``, ``std_error``, ``ci_low``,
        ``ci_high`` (95 %), ``p_value``.
    estimator : str
        ``"linear probability (OLS)"`` or ``"logit"``.
    outcome : str
    fixed_effects : tuple of str
    cluster : str or None
        Unit of clustering of the errors.
    n_obs, n_clusters : int
    entry_rate : float
        Unconditional entry rate among the at-risk pairs (the baseline).
    sample : str
        Words for the sample.
    """

    table: pd.DataFrame
    estimator: str
    outcome: str
    fixed_effects: tuple
    cluster: str | None
    n_obs: int
    n_clusters: int
    entry_rate: float
    sample: str = ""
    fit: object = field(default=None, repr=False, compare=False)

    @property
    def specification(self) -> str:
        """One line: estimator, outcome, fixed effects, errors, sample size and sample."""
        fe = " + ".join(self.fixed_effects) + " fixed effects" if self.fixed_effects else "no fixed effects"
        errors = (f"errors clustered by {self.cluster} ({self.n_clusters:,} clusters)" if self.cluster
                  else "heteroskedasticity-robust errors (HC1)")
        line = f"{self.estimator}, outcome {self.outcome}; {fe}; {errors}; {self.n_obs:,} pairs at risk"
        return line + (f" ({self.sample})" if self.sample else "")

    def _display_table(self) -> pd.DataFrame:
        """The table with p-values as text: never "0", "< 0.001" when tiny."""
        shown = self.table.copy()
        shown["p_value"] = [f"{p:.3f}" if p >= 0.001 else "< 0.001" for p in self.table["p_value"]]
        return shown

    def __repr__(self) -> str:
        with pd.option_context("display.precision", 4, "display.width", 120):
            body = self._display_table().to_string()
        return f"{body}\nbaseline entry rate: {self.entry_rate:.4f}\n{self.specification}"

    def _repr_html_(self) -> str:
        return (self._display_table().to_html(float_format=lambda v: f"{v:.4f}")
                + f"<p><em>{self.specification}</em></p>")


def entry_model(
    transitions: pd.DataFrame,
    *,
    regressors=("density",),
    outcome: str = "entry",
    region: str = "region",
    industry: str = "industry",
    fixed_effects=("region", "industry"),
    cluster: str | None = "region",
    estimator: str = "lpm",
    sample: str = "",
) -> EntryModel:
    r"""Relatedness-density entry model: do regions enter where related industries already are?

    .. math:: \Pr(\text{entry}_{ri} = 1) = F(\beta\, \text{density}_{ri,0}
              + \alpha_r + \gamma_i)

    over the pairs at risk (not specialised at the start), with
    :math:`F` the identity (linear probability model, OLS) or the logistic
    function (logit), region and industry fixed effects :math:`\alpha_r,
    \gamma_i`, and errors clustered by region (entries of one region share
    its shocks). Estimated with pyfixest.

    Parameters
    ----------
    transitions : pandas.DataFrame
        Output of :func:`entry_exit` (or any table with the outcome, the
        regressors, region and industry columns and a boolean ``at_risk``
        column, if present, that selects the sample).
    regressors : sequence of str, default ("density",)
    outcome : str, default "entry"
        0/1 column.
    region, industry : str
        Column names of the region and industry labels.
    fixed_effects : sequence of {"region", "industry"}
        Which fixed effects to absorb (names refer to ``region`` and
        ``industry``); empty for none (then an intercept is estimated).
    cluster : {"region", "industry"} or None, default "region"
        Unit of clustering of the errors (CRV1); None gives HC1 errors.
    estimator : {"lpm", "logit"}
    sample : str
        Words for the sample, printed in the specification line.

    Returns
    -------
    EntryModel
        Coefficients with 95 % intervals; ``repr`` prints the table, the
        baseline entry rate and the specification line.

    Raises
    ------
    ValueError
        A missing column (named), an outcome that is not 0/1, missing
        values in a regressor (named), an unknown estimator, fixed effect or
        cluster, or no entries or no non-entries at all.

    References
    ----------
    Hidalgo, C. A., Klinger, B., Barabási, A.-L. and Hausmann, R. (2007).
    The product space conditions the development of nations. Science
    317(5837), 482-487.

    Neffke, F., Henning, M. and Boschma, R. (2011). How do regions
    diversify over time? Economic Geography 87(3), 237-265.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame({"region": np.repeat([f"r{k}" for k in range(40)], 10),
    ...                   "industry": np.tile([f"i{k}" for k in range(10)], 40),
    ...                   "density": rng.random(400)})
    >>> d["entry"] = (rng.random(400) < 0.05 + 0.4 * d["density"]).astype(float)
    >>> m = entry_model(d, sample="simulated")
    >>> bool(0.2 < m.table.loc["density", "estimate"] < 0.6)
    True
    >>> m.specification
    'linear probability (OLS), outcome entry; region + industry fixed effects; errors clustered by region (40 clusters); 400 pairs at risk (simulated)'
    """
    import pyfixest as pf

    if estimator not in ("lpm", "logit"):
        raise ValueError(f"estimator must be 'lpm' or 'logit', got {estimator!r}")
    names = {"region": region, "industry": industry}
    fixed_effects = tuple(fixed_effects)
    for fe in fixed_effects:
        if fe not in names:
            raise ValueError(f"fixed_effects may hold 'region' and 'industry', got {fe!r}")
    if cluster is not None and cluster not in names:
        raise ValueError(f"cluster must be 'region', 'industry' or None, got {cluster!r}")
    regressors = list(regressors)
    if not regressors:
        raise ValueError("regressors is empty")
    need = [outcome, region, industry, *regressors]
    missing = [c for c in need if c not in transitions.columns]
    if missing:
        raise ValueError(f"transitions has no column {missing[0]!r}")
    data = transitions
    if "at_risk" in data.columns:
        data = data[data["at_risk"].astype(bool)]
    data = data[need].copy()
    y = pd.to_numeric(data[outcome], errors="coerce")
    if y.isna().any() or not y.isin([0, 1]).all():
        raise ValueError(f"outcome {outcome!r} must be 0/1 without missing values among the pairs at risk")
    for r in regressors:
        v = pd.to_numeric(data[r], errors="coerce")
        if not np.isfinite(v.to_numpy(dtype="float64")).all():
            raise ValueError(f"regressor {r!r} has missing or non-finite values")
    if y.nunique() < 2:
        raise ValueError(f"outcome {outcome!r} takes a single value ({y.iloc[0]}); nothing to explain")
    frame = pd.DataFrame({"y": y.astype("float64"), "g_region": data[region].astype(str),
                          "g_industry": data[industry].astype(str)})
    terms = []
    for k, r in enumerate(regressors):
        frame[f"x{k}"] = data[r].astype("float64")
        terms.append(f"x{k}")
    fml = "y ~ " + " + ".join(terms)
    if fixed_effects:
        fml += " | " + " + ".join(f"g_{fe}" for fe in fixed_effects)
    vcov = {"CRV1": f"g_{cluster}"} if cluster else "hetero"
    with warnings.catch_warnings():
        # pyfixest 0.60 calls pandas methods with inplace=True, deprecated in pandas 3
        warnings.simplefilter("ignore", FutureWarning)
        warnings.filterwarnings("ignore", message=".*inplace keyword.*")
        if estimator == "lpm":
            fit = pf.feols(fml, data=frame, vcov=vcov)
            label = "linear probability (OLS)"
        else:
            fit = pf.feglm(fml, data=frame, family="logit", vcov=vcov)
            label = "logit"
        tidy = fit.tidy()
    tidy = tidy.loc[terms]
    table = pd.DataFrame({
        "estimate": tidy["Estimate"].to_numpy(),
        "std_error": tidy["Std. Error"].to_numpy(),
        "ci_low": tidy["2.5%"].to_numpy(),
        "ci_high": tidy["97.5%"].to_numpy(),
        "p_value": tidy["Pr(>|t|)"].to_numpy(),
    }, index=pd.Index(regressors, name="term"))
    n_obs = int(fit._N)
    n_clusters = int(frame[f"g_{cluster}"].nunique()) if cluster else 0
    return EntryModel(
        table=table, estimator=label, outcome=outcome, fixed_effects=fixed_effects, cluster=cluster,
        n_obs=n_obs, n_clusters=n_clusters, entry_rate=float(y.mean()), sample=sample, fit=fit,
    )


def transition_rates(transitions: pd.DataFrame, groups: pd.Series, *, name: str = "group") -> pd.DataFrame:
    """Entry and exit rates of specialisations by group of regions, against the overall rate.

    Parameters
    ----------
    transitions : pandas.DataFrame
        Output of :func:`entry_exit`.
    groups : pandas.Series
        Group of each region (e.g. the settlement-structure type), indexed
        by region.
    name : str
        Name of the group column in the result.

    Returns
    -------
    pandas.DataFrame
        One row per group (and ``"all"``): ``regions``, ``at_risk`` (pairs
        not specialised at the start), ``entries``, ``entry_rate``,
        ``entry_ratio`` (entry rate / overall entry rate: the expected value
        is 1 when entries fall on groups in proportion to their pairs at
        risk), ``specialised`` (pairs specialised at the start), ``exits``,
        ``exit_rate``, ``exit_ratio``.

    Raises
    ------
    ValueError
        A region of ``transitions`` without a group (named).

    Examples
    --------
    >>> X0 = pd.DataFrame({"a": [30, 10, 10], "b": [10, 30, 10], "c": [10, 10, 30]}, index=["r1", "r2", "r3"])
    >>> X1 = pd.DataFrame({"a": [30, 10, 30], "b": [10, 30, 10], "c": [10, 10, 10]}, index=["r1", "r2", "r3"])
    >>> t = entry_exit(X0, X1, lq=1.2, density=False)
    >>> transition_rates(t, pd.Series({"r1": "x", "r2": "x", "r3": "y"}))[["at_risk", "entries", "exits"]]
           at_risk  entries  exits
    group
    x            4        0      0
    y            2        1      1
    all          6        1      1
    """
    for col in ("region", "at_risk", "status"):
        if col not in transitions.columns:
            raise ValueError(f"transitions has no column {col!r}; pass the output of entry_exit")
    g = transitions["region"].map(groups)
    if g.isna().any():
        raise ValueError(f"region {transitions.loc[g.isna(), 'region'].iloc[0]!r} has no group")
    work = pd.DataFrame({
        name: g.to_numpy(), "region": transitions["region"].to_numpy(),
        "at_risk": transitions["at_risk"].to_numpy().astype(int),
        "entries": (transitions["status"] == "entry").to_numpy().astype(int),
        "specialised": (~transitions["at_risk"]).to_numpy().astype(int),
        "exits": (transitions["status"] == "exit").to_numpy().astype(int),
    })

    def summarise(d: pd.DataFrame) -> pd.Series:
        return pd.Series({"regions": d["region"].nunique(), "at_risk": d["at_risk"].sum(),
                          "entries": d["entries"].sum(), "specialised": d["specialised"].sum(),
                          "exits": d["exits"].sum()})

    table = pd.DataFrame({k: summarise(d) for k, d in work.groupby(name, sort=True)}).T
    table.loc["all"] = summarise(work)
    table = table.astype("int64")
    table.index.name = name
    table["entry_rate"] = table["entries"] / table["at_risk"]
    table["exit_rate"] = table["exits"] / table["specialised"]
    table["entry_ratio"] = table["entry_rate"] / table.loc["all", "entry_rate"]
    table["exit_ratio"] = table["exit_rate"] / table.loc["all", "exit_rate"]
    return table[["regions", "at_risk", "entries", "entry_rate", "entry_ratio",
                  "specialised", "exits", "exit_rate", "exit_ratio"]]


def _lpm_slopes(transitions: pd.DataFrame, D: np.ndarray, fixed_effects: tuple) -> np.ndarray:
    """OLS slope of entry on each column of ``D`` after absorbing the fixed effects (Frisch-Waugh-Lovell).

    The same coefficient as :func:`entry_model` with ``estimator="lpm"``, computed for all columns at
    once with pyfixest's demeaning instead of one regression per column.
    """
    from pyfixest.estimation import demean

    risk = transitions["at_risk"].to_numpy(dtype=bool) if "at_risk" in transitions.columns else slice(None)
    y = transitions["entry"].to_numpy(dtype="float64")[risk]
    D = D[risk]
    Z = np.column_stack([y, D])
    if fixed_effects:
        flist = np.column_stack([pd.factorize(transitions[fe].to_numpy()[risk])[0] for fe in fixed_effects])
        Z, _ = demean(Z, flist.astype("uint64"), np.ones(len(y)), tol=1e-10)
    else:
        Z = Z - Z.mean(axis=0)
    yt, Dt = Z[:, 0], Z[:, 1:]
    return (Dt * yt[:, None]).sum(axis=0) / (Dt ** 2).sum(axis=0)


def density_permutation_test(
    transitions: pd.DataFrame,
    X0: pd.DataFrame,
    *,
    lq: float = 1.0,
    min_size: float = 0.0,
    diagonal: float | None = 0.0,
    permutations: int = 99,
    seed=None,
    **model_options,
) -> dict:
    """Is entry explained by *which* industries are related? A permutation null.

    The relatedness density of each pair is recomputed with the industry
    labels of the proximity matrix shuffled (rows and columns together):
    every region keeps its portfolio at the start, and the proximity matrix
    keeps its values, but which industries are close to which is random.
    The entry model (:func:`entry_model`) is refitted on each shuffled
    density; the p-value is :math:`(k + 1) / (B + 1)`, with :math:`k` the
    number of shuffles whose coefficient is at least the observed one.

    Parameters
    ----------
    transitions : pandas.DataFrame
        Output of :func:`entry_exit` for the start ``X0``.
    X0 : pandas.DataFrame
        Counts at the start (to rebuild the specialisation matrix).
    lq, min_size, diagonal
        As in :func:`entry_exit` (must be the values used there).
    permutations : int, default 99
    seed : int or numpy.random.Generator, optional
    **model_options
        Passed to :func:`entry_model` (fixed effects, clustering, estimator).

    Returns
    -------
    dict
        ``observed`` (coefficient of density), ``null_mean``, ``null_sd``,
        ``null`` (array of coefficients), ``p_value`` and ``permutations``.

    Raises
    ------
    ValueError
        Bad ``permutations`` or a ``transitions`` table that does not match
        ``X0`` (named label).

    References
    ----------
    Hidalgo, C. A., Klinger, B., Barabási, A.-L. and Hausmann, R. (2007).
    The product space conditions the development of nations. Science
    317(5837), 482-487.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> X0 = pd.DataFrame(rng.integers(1, 50, (30, 6)), index=[f"r{k}" for k in range(30)],
    ...                   columns=list("abcdef")).astype(float)
    >>> X1 = X0 * rng.uniform(0.7, 1.4, X0.shape)
    >>> t = entry_exit(X0, X1)
    >>> out = density_permutation_test(t, X0, permutations=9, seed=1, fixed_effects=())
    >>> sorted(out)
    ['null', 'null_mean', 'null_sd', 'observed', 'p_value', 'permutations']
    """
    from ._checks import as_generator

    if int(permutations) != permutations or permutations < 1:
        raise ValueError(f"permutations must be a positive integer, got {permutations!r}")
    rng = as_generator(seed)
    S0 = specialised(X0, lq=lq, min_size=min_size)
    phi = proximity(S0, given=True, diagonal=diagonal)
    rows = pd.Index(transitions["region"]).unique()
    cols = pd.Index(transitions["industry"]).unique()
    for what, labels, ref in (("region", rows, S0.index), ("industry", cols, S0.columns)):
        diff = labels.symmetric_difference(ref)
        if len(diff):
            raise ValueError(f"{what} {diff[0]!r} is in only one of transitions and X0")
    S0 = S0.loc[rows, cols]
    phi = phi.loc[cols, cols]
    key = pd.MultiIndex.from_frame(transitions[["region", "industry"]])
    observed = entry_model(transitions, **model_options).table.loc["density", "estimate"]
    P = phi.to_numpy()
    relatedness_density(S0, phi)  # validates S0 and phi once; the loop below uses the same formula
    M = S0.to_numpy()
    rpos = rows.get_indexer(key.get_level_values(0))
    cpos = cols.get_indexer(key.get_level_values(1))
    shuffled_densities = []
    for _ in range(int(permutations)):
        order = rng.permutation(len(cols))
        Pp = P[np.ix_(order, order)]
        dens = M @ (Pp.T / Pp.sum(axis=1)[None, :])
        shuffled_densities.append(dens[rpos, cpos])
    if model_options.get("estimator", "lpm") == "lpm" and set(model_options) <= {"estimator", "fixed_effects"}:
        null = _lpm_slopes(transitions, np.column_stack(shuffled_densities),
                           tuple(model_options.get("fixed_effects", ("region", "industry"))))
    else:
        null = np.array([entry_model(transitions.assign(density=d), **model_options).table.loc["density", "estimate"]
                         for d in shuffled_densities])
    k = int((null >= observed).sum())
    return {"observed": float(observed), "null_mean": float(null.mean()), "null_sd": float(null.std(ddof=1)),
            "null": null, "p_value": (k + 1) / (int(permutations) + 1), "permutations": int(permutations)}


def panel_matrices(
    long: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    year: str = "year",
    value: str = "value",
) -> dict:
    """Split a long region x industry x year table into one wide matrix per year.

    Parameters
    ----------
    long : pandas.DataFrame
        One row per region, industry and year.
    region, industry, year, value : str
        Column names.

    Returns
    -------
    dict
        ``{year: region x industry DataFrame}``, sorted by year, every
        matrix with the same (sorted) regions and industries.

    Raises
    ------
    ValueError
        A missing column, a duplicated (region, industry, year), a missing
        value, or an unbalanced panel: a region or industry absent in one
        year, or a region x industry pair missing in one year (named with the
        year).

    Examples
    --------
    >>> long = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["x", "y", "x", "y"],
    ...                      "year": [2000] * 4, "value": [1, 2, 3, 4]})
    >>> panel_matrices(long)[2000]
    industry  x  y
    region
    A         1  2
    B         3  4
    """
    cols = [region, industry, year, value]
    missing = [c for c in cols if c not in long.columns]
    if missing:
        raise ValueError(f"long table has no column {missing[0]!r}")
    dup = long.duplicated([region, industry, year])
    if dup.any():
        r = long.loc[dup, [region, industry, year]].iloc[0].tolist()
        raise ValueError(f"region {r[0]!r}, industry {r[1]!r}, year {r[2]!r} occurs more than once")
    na = long[value].isna()
    if na.any():
        r = long.loc[na, [region, industry, year]].iloc[0].tolist()
        raise ValueError(f"missing {value!r} for region {r[0]!r}, industry {r[1]!r}, year {r[2]!r}")
    regions = pd.Index(sorted(long[region].unique()))
    industries = pd.Index(sorted(long[industry].unique()))
    out = {}
    for t, part in long.groupby(year, sort=True):
        absent = regions.difference(pd.Index(part[region].unique()))
        if len(absent):
            raise ValueError(f"region {absent[0]!r} is missing in year {t!r} (unbalanced panel)")
        absent = industries.difference(pd.Index(part[industry].unique()))
        if len(absent):
            raise ValueError(f"industry {absent[0]!r} is missing in year {t!r} (unbalanced panel)")
        if len(part) != len(regions) * len(industries):
            wide = part.pivot(index=region, columns=industry, values=value)
            i, j = np.argwhere(wide.isna().to_numpy())[0]
            raise ValueError(f"region {wide.index[i]!r}, industry {wide.columns[j]!r} is missing in year {t!r}")
        wide = part.pivot(index=region, columns=industry, values=value).loc[regions, industries]
        wide.columns.name, wide.index.name = industry, region
        out[t.item() if hasattr(t, "item") else t] = wide
    return out


def complexity_panel(
    long: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    year: str = "year",
    value: str = "value",
    threshold: float = 1.0,
    diagonal: float | None = None,
) -> pd.DataFrame:
    """RCA, presence, relatedness density, ECI and PCI per year, in one call.

    The time loop of py-ecomplexity's ``ecomplexity``: for each year, the
    presence matrix :math:`M` (RCA at or above ``threshold``), the proximity
    between industries, the relatedness density, and the economic complexity
    indices (ECI of regions, PCI of industries; normalised with the ECI's
    mean and standard deviation and oriented to correlate with diversity, as
    py-ecomplexity does). It calls
    :func:`regional_clusters.relatedness.presence`,
    :func:`~regional_clusters.relatedness.proximity`,
    :func:`~regional_clusters.relatedness.relatedness_density` and
    :func:`~regional_clusters.relatedness.economic_complexity`.

    Parameters
    ----------
    long : pandas.DataFrame
        Balanced long table: every region x industry pair in every year.
    region, industry, year, value : str
        Column names.
    threshold : float, default 1.0
        RCA threshold of presence.
    diagonal : float or None
        Diagonal of the proximity matrix (None: 1, as py-ecomplexity).

    Returns
    -------
    pandas.DataFrame
        One row per year, region and industry: ``year``, ``region``,
        ``industry`` (named as in the input), ``value``, ``rca``, ``mcp``,
        ``diversity``, ``ubiquity``, ``density``, ``eci``, ``pci``.

    Raises
    ------
    ValueError
        Unbalanced panels (a region or industry missing in one year, named
        with the year), bad counts, or a year in which a region or industry
        has no presence at all (named; ECI is undefined there).

    References
    ----------
    Hidalgo, C. A. and Hausmann, R. (2009). The building blocks of economic
    complexity. PNAS 106(26), 10570-10575.

    Examples
    --------
    >>> rows = [(r, i, t, v) for t in (2000, 2001)
    ...         for r, i, v in [("A", "x", 9), ("A", "y", 1), ("A", "z", 5), ("B", "x", 1), ("B", "y", 9),
    ...                         ("B", "z", 1), ("C", "x", 2), ("C", "y", 2), ("C", "z", 9)]]
    >>> long = pd.DataFrame(rows, columns=["region", "industry", "year", "value"])
    >>> out = complexity_panel(long)
    >>> out.shape, sorted(int(t) for t in out.year.unique())
    ((18, 11), [2000, 2001])
    """
    mats = panel_matrices(long, region=region, industry=industry, year=year, value=value)
    parts = []
    for t, X in mats.items():
        V = check_count_matrix(X, name=f"year {t}")
        rca = location_quotient(V)
        M = (rca >= threshold).astype("float64")
        for axis, what in ((1, "region"), (0, "industry")):
            s = M.sum(axis=axis)
            if (s == 0).any():
                raise ValueError(f"year {t!r}: {what} {s.index[s.to_numpy() == 0][0]!r} has no presence "
                                 f"(RCA >= {threshold}); ECI and density are undefined")
        phi = proximity(M, given=True, diagonal=diagonal)
        dens = relatedness_density(M, phi)
        eci, pci = economic_complexity(M)
        n_r, n_i = V.shape
        parts.append(pd.DataFrame({
            year: t,
            region: np.repeat(V.index.to_numpy(), n_i),
            industry: np.tile(V.columns.to_numpy(), n_r),
            value: V.to_numpy().ravel(),
            "rca": rca.to_numpy().ravel(),
            "mcp": M.to_numpy().ravel(),
            "diversity": np.repeat(M.sum(axis=1).to_numpy(), n_i),
            "ubiquity": np.tile(M.sum(axis=0).to_numpy(), n_r),
            "density": dens.to_numpy().ravel(),
            "eci": np.repeat(eci.to_numpy(), n_i),
            "pci": np.tile(pci.to_numpy(), n_r),
        }))
    return pd.concat(parts, ignore_index=True)
