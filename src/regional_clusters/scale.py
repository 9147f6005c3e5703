"""Spatial scale: the same specialisation measured on units of different size.

Where a cluster appears depends on the regions it is measured on: the
modifiable areal unit problem (Openshaw 1984). This module

- :func:`aggregate_regions` sums a region x industry table to larger units
  (Kreise to Kreisregionen, NUTS 2 regions or Länder), checking that every
  region has exactly one unit;
- :func:`scale_profile` measures one industry's specialisation on several
  such partitions at once: how many units are specialised, how much of the
  industry's employment lies in them, how concentrated it is (locational
  Gini), and how often a small region's status differs from that of the
  unit containing it;
- :func:`scaling_exponent` fits :math:`\\log y = a + \\beta \\log N` across
  regions: whether an activity grows in proportion to population
  (:math:`\\beta = 1`, it follows the population) or more than
  proportionally (:math:`\\beta > 1`, it concentrates in large places).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._checks import check_count_matrix
from .specialization import location_quotient, locational_gini

__all__ = ["aggregate_regions", "scale_profile", "ScalingFit", "scaling_exponent"]


def _mapping(regions: pd.Index, mapping, name: str) -> pd.Series:
    if not isinstance(mapping, pd.Series):
        raise ValueError(f"{name} must be a pandas Series mapping each region to its unit")
    if mapping.index.duplicated().any():
        raise ValueError(f"{name} lists region {mapping.index[mapping.index.duplicated()][0]!r} twice")
    missing = regions.difference(mapping.index)
    if len(missing):
        raise ValueError(f"{name} has no unit for region {missing[0]!r}")
    units = mapping.reindex(regions)
    if units.isna().any():
        raise ValueError(f"{name} has a missing unit for region {units.index[units.isna()][0]!r}")
    return units


def aggregate_regions(X: pd.DataFrame, mapping: pd.Series, *, name: str = "mapping") -> pd.DataFrame:
    """Sum the rows of a region x industry table to larger units.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts.
    mapping : pandas.Series
        Unit of each region, indexed by region (extra regions are ignored).
    name : str
        Name of ``mapping`` in error messages.

    Returns
    -------
    pandas.DataFrame
        Unit x industry sums, units sorted.

    Raises
    ------
    ValueError
        Bad counts, or a region of ``X`` without a unit (named).

    Examples
    --------
    >>> X = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]}, index=["k1", "k2", "k3"])
    >>> aggregate_regions(X, pd.Series({"k1": "U", "k2": "U", "k3": "V"}))
         a     b
    U  3.0   9.0
    V  3.0   6.0
    """
    V = check_count_matrix(X, name="X", allow_zero_columns=True)
    units = _mapping(V.index, mapping, name)
    out = V.groupby(units.to_numpy()).sum().sort_index()
    out.index.name = None
    return out


def scale_profile(
    X: pd.DataFrame,
    industry,
    partitions: dict,
    *,
    lq: float = 1.0,
    min_size: float = 0.0,
) -> pd.DataFrame:
    """One industry's specialisation measured on several partitions of the same regions.

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts on the finest units (e.g. Kreise).
    industry : label
        Column of ``X``.
    partitions : dict
        ``{scale name: mapping}``, each mapping a Series region -> unit;
        ``None`` means the regions of ``X`` themselves.
    lq, min_size : float
        A unit is specialised when its location quotient is at least
        ``lq`` and its count at least ``min_size``.

    Returns
    -------
    pandas.DataFrame
        One row per scale: ``units``, ``specialised_units``,
        ``share_in_specialised`` (share of the industry's count that lies
        in specialised units), ``locational_gini`` of the industry across
        the units, ``max_lq`` and ``status_differs`` (share of the finest
        regions whose own specialisation status differs from that of the
        unit that contains them).

    Raises
    ------
    ValueError
        An unknown industry, bad counts, or a mapping without a unit for
        some region (named).

    References
    ----------
    Openshaw, S. (1984). The Modifiable Areal Unit Problem. Concepts and
    Techniques in Modern Geography 38. Norwich: Geo Books.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [9, 1, 1, 1], "b": [1, 9, 9, 9]}, index=["k1", "k2", "k3", "k4"])
    >>> p = scale_profile(X, "a", {"regions": None, "pairs": pd.Series({"k1": "U", "k2": "U", "k3": "V", "k4": "V"})})
    >>> p[["units", "specialised_units", "status_differs"]]
             units  specialised_units  status_differs
    regions      4                  1            0.00
    pairs        2                  1            0.25
    """
    V = check_count_matrix(X, name="X")
    if industry not in V.columns:
        raise ValueError(f"industry {industry!r} is not a column of X")
    own = ((location_quotient(V)[industry] >= lq) & (V[industry] >= min_size))
    rows = {}
    for scale, mapping in partitions.items():
        if mapping is None:
            units = pd.Series(V.index, index=V.index)
            A = V
        else:
            units = _mapping(V.index, mapping, f"partition {scale!r}")
            A = aggregate_regions(V, mapping, name=f"partition {scale!r}")
        L = location_quotient(A)[industry]
        spec = (L >= lq) & (A[industry] >= min_size)
        share = float(A.loc[spec, industry].sum() / A[industry].sum())
        status_of_unit = spec.reindex(units.to_numpy()).to_numpy()
        rows[scale] = {
            "units": int(len(A)),
            "specialised_units": int(spec.sum()),
            "share_in_specialised": share,
            "locational_gini": float(locational_gini(A)[industry]) if len(A) > 1 else float("nan"),
            "max_lq": float(L.max()),
            "status_differs": float(np.mean(status_of_unit != own.to_numpy())),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


class ScalingFit(dict):
    """Result of :func:`scaling_exponent` (a dict with a readable ``repr``)."""

    @property
    def specification(self) -> str:
        """Estimator, outcome, errors, sample size and sample."""
        errors = (f"errors clustered by {self['cluster_name']} ({self['n_clusters']} clusters)"
                  if self["n_clusters"] else "heteroskedasticity-robust errors (HC1)")
        sample = f" ({self['sample']})" if self["sample"] else ""
        return f"OLS, log {self['outcome']} on log population; {errors}; {self['n']} regions{sample}"

    def __repr__(self) -> str:
        return (f"beta = {self['beta']:.3f} (95 % CI {self['ci_low']:.3f} to {self['ci_high']:.3f}); "
                f"test of beta = 1: p = {self['p_beta_one']:.3g}\n{self.specification}")


def scaling_exponent(y: pd.Series, population: pd.Series, *, cluster: pd.Series | None = None,
                     outcome: str = "y", sample: str = "", cluster_name: str = "group",
                     drop_absent: bool = False) -> ScalingFit:
    r"""Elasticity of an activity with respect to population across regions.

    .. math:: \log y_r = a + \beta \log N_r + \varepsilon_r

    :math:`\beta = 1`: the activity grows in proportion to population, as a
    service that follows the population would; :math:`\beta > 1`: it is
    over-represented in large regions.

    Parameters
    ----------
    y, population : pandas.Series
        Positive values indexed by region (the same regions).
    cluster : pandas.Series, optional
        Group of each region for clustered errors (e.g. the Land); default
        HC1 errors.
    outcome, sample, cluster_name : str
        Words for the specification line.
    drop_absent : bool, default False
        Leave out regions where ``y`` is missing or zero (its logarithm is
        undefined) instead of raising, and keep only ``population`` and
        ``cluster`` values of the regions left; ``n`` of the result counts
        the regions used.

    Returns
    -------
    ScalingFit
        Keys ``beta``, ``se``, ``ci_low``, ``ci_high``, ``p_beta_one`` (test
        of proportionality), ``n``, ``n_clusters``.

    Raises
    ------
    ValueError
        Regions that do not match (named) or non-positive values (named).

    References
    ----------
    Bettencourt, L. M. A., Lobo, J., Helbing, D., Kühnert, C. and West,
    G. B. (2007). Growth, innovation, scaling, and the pace of life in
    cities. PNAS 104(17), 7301-7306.

    Examples
    --------
    >>> N = pd.Series([1e4, 1e5, 1e6, 1e7], index=list("abcd"))
    >>> fit = scaling_exponent(N ** 1.2 * 0.01, N)
    >>> round(fit["beta"], 6)
    1.2
    >>> y = (N ** 1.2 * 0.01).where(N > 1e4, 0.0)  # activity absent from the smallest region
    >>> fit = scaling_exponent(y, N, drop_absent=True)
    >>> fit["n"], round(fit["beta"], 6)
    (3, 1.2)
    """
    import statsmodels.api as sm

    for what, s in (("y", y), ("population", population)):
        if not isinstance(s, pd.Series):
            raise ValueError(f"{what} must be a pandas Series indexed by region")
    if drop_absent:
        y = y[y.notna() & (y > 0)]
        population = population.reindex(y.index)
    missing = y.index.symmetric_difference(population.index)
    if len(missing):
        raise ValueError(f"region {missing[0]!r} is in only one of y and population")
    pop = population.reindex(y.index).astype("float64")
    yy = y.astype("float64")
    for what, s in (("y", yy), ("population", pop)):
        bad = s.index[~(np.isfinite(s.to_numpy()) & (s.to_numpy() > 0))]
        if len(bad):
            raise ValueError(f"{what} must be positive and finite; region {bad[0]!r} is not")
    X = sm.add_constant(np.log(pop.to_numpy()))
    model = sm.OLS(np.log(yy.to_numpy()), X)
    if cluster is not None:
        groups = pd.factorize(cluster.reindex(y.index))[0]
        fit = model.fit(cov_type="cluster", cov_kwds={"groups": groups})
        n_clusters = int(len(np.unique(groups)))
    else:
        fit = model.fit(cov_type="HC1")
        n_clusters = 0
    beta, se = float(fit.params[1]), float(fit.bse[1])
    ci = fit.conf_int()[1]
    p_one = float(fit.t_test(([0.0, 1.0], 1.0)).pvalue)
    return ScalingFit(beta=beta, se=se, ci_low=float(ci[0]), ci_high=float(ci[1]), p_beta_one=p_one,
                      n=int(len(yy)), n_clusters=n_clusters, outcome=outcome, sample=sample,
                      cluster_name=cluster_name)
