"""Comparative designs: the same battery of measures over regions x fields.

Jonas (2005, section 4) asks for cluster research that compares regions and
technological fields with one design. This module supplies the two pieces
such a design needs:

1. **A battery over a grid.** Unit-level tables (one row per organisation,
   or per area and cluster type) are built from the data with the measures
   of the other modules (:func:`h2020_units`, :func:`us_area_units`); then
   :func:`summarise_grid` returns one tidy table with the mean of every
   measure in every cell and a percentile bootstrap interval over units.
2. **Cross-classified models.** :func:`variance_decomposition` splits the
   variation of a cell-level outcome into a region part, a field part and a
   remainder (two-way ANOVA with statsmodels), and
   :func:`crossed_random_effects` fits a linear mixed model with crossed
   random intercepts for region and field.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from statsmodels.tools.sm_exceptions import ConvergenceWarning
from statsmodels.stats.anova import anova_lm

from ._checks import as_generator
from .networks import constraint, coparticipation_network
from .proximity import tie_shares

__all__ = [
    "omega_squared",
    "summarise_grid",
    "h2020_units",
    "us_area_units",
    "variance_decomposition",
    "crossed_random_effects",
]


def _check_columns(frame: pd.DataFrame, columns, what: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{what} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} lacks the columns {missing}")


def summarise_grid(
    units: pd.DataFrame,
    measures,
    *,
    by=("region", "field"),
    n_boot: int = 500,
    level: float = 0.95,
    min_units: int = 5,
    seed=None,
) -> pd.DataFrame:
    """Mean of unit-level measures per grid cell, with bootstrap intervals.

    Parameters
    ----------
    units : pandas.DataFrame
        One row per unit of observation (an organisation, an area, ...) with
        the grid columns ``by`` and numeric measure columns.
    measures : list of str
        Measure columns to summarise. Missing values (e.g. constraint of an
        isolate) are left out of that measure only.
    by : sequence of str, default ("region", "field")
        Columns that define the grid cells.
    n_boot : int, default 500
        Bootstrap resamples of units within each cell; 0 gives no interval.
    level : float, default 0.95
        Coverage of the percentile interval.
    min_units : int, default 5
        Cells with fewer non-missing units get no interval (too few to
        resample meaningfully); their mean is still reported.
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        Tidy table with the ``by`` columns and ``measure``, ``n`` (units),
        ``value`` (mean), ``lower`` and ``upper`` (bootstrap percentile
        interval; missing where the cell is too small or ``n_boot`` is 0).

    Raises
    ------
    ValueError
        If a column is missing or not numeric, or ``n_boot``, ``level`` or
        ``min_units`` is out of range.

    References
    ----------
    Efron, B. and Tibshirani, R. J. (1993). An Introduction to the Bootstrap.
    Chapman and Hall.

    Examples
    --------
    >>> units = pd.DataFrame({"region": ["a"] * 6 + ["b"] * 6, "field": "x",
    ...                       "firm": [1, 1, 1, 0, 0, 0] + [1] * 6})
    >>> out = summarise_grid(units, ["firm"], n_boot=200, seed=1)
    >>> out[["region", "n", "value"]].to_string(index=False)
    'region  n  value\\n     a  6    0.5\\n     b  6    1.0'
    >>> bool(out.loc[0, "lower"] < 0.5 < out.loc[0, "upper"])
    True
    """
    by = list(by)
    measures = list(measures)
    _check_columns(units, by + measures, "units")
    for m in measures:
        if not pd.api.types.is_numeric_dtype(units[m]) and not pd.api.types.is_bool_dtype(units[m]):
            raise ValueError(f"measure column {m!r} is not numeric (dtype {units[m].dtype})")
    if n_boot < 0:
        raise ValueError(f"n_boot must be >= 0, got {n_boot}")
    if not 0 < level < 1:
        raise ValueError(f"level must lie in (0, 1), got {level}")
    if min_units < 2:
        raise ValueError(f"min_units must be >= 2, got {min_units}")
    rng = as_generator(seed)
    alpha = (1 - level) / 2
    rows = []
    for key, cell in units.groupby(by, observed=True, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        for m in measures:
            x = cell[m].astype("float64").dropna().to_numpy()
            lower = upper = np.nan
            if n_boot and len(x) >= min_units:
                idx = rng.integers(0, len(x), size=(n_boot, len(x)))
                boot = x[idx].mean(axis=1)
                lower, upper = np.quantile(boot, [alpha, 1 - alpha])
            rows.append((*key, m, len(x), x.mean() if len(x) else np.nan, lower, upper))
    return pd.DataFrame(rows, columns=[*by, "measure", "n", "value", "lower", "upper"])


def h2020_units(
    participations: pd.DataFrame,
    countries,
    fields,
    *,
    weight: str = "projects",
) -> pd.DataFrame:
    """Organisation-level network measures for a grid of countries x fields.

    For each field the co-participation network of all organisations (all
    countries) is built once; every organisation of a selected country then
    gets its measures in that field's network, so that international ties
    count and each country is seen inside the same European field.

    Parameters
    ----------
    participations : pandas.DataFrame
        As returned by :func:`regional_clusters.data.load_h2020`.
    countries : list of str
        Country codes (rows of the grid), e.g. ``["DE", "PL"]``.
    fields : list of str
        Programme parts (columns of the grid), e.g. ``["LEIT", "SC1"]``.
    weight : {"projects", "duration", "budget"}
        Edge weight, passed to
        :func:`~regional_clusters.networks.coparticipation_network`.

    Returns
    -------
    pandas.DataFrame
        One row per organisation and field with columns ``region``
        (country), ``field``, ``org_id``, ``group`` (actor group), ``firm``
        (1 for economic actors), ``degree`` (partners), ``constraint``
        (Burt 1992; missing for isolates) and
        ``international`` (share of tie weight with foreign partners;
        missing for isolates; partners without a recorded country are left
        out).

    Raises
    ------
    ValueError
        If a country or field does not occur in ``participations``.
    """
    _check_columns(participations, ["country", "field", "org_id", "project_id"], "participations")
    countries, fields = list(countries), list(fields)
    for what, wanted, column in (("country", countries, "country"), ("field", fields, "field")):
        known = set(participations[column].dropna().astype(str))
        unknown = [w for w in wanted if w not in known]
        if unknown:
            raise ValueError(f"{what} {unknown[0]!r} does not occur in the participations")
    frames = []
    for field in fields:
        G = coparticipation_network(participations, fields=field, weight=weight)
        nodes = [n for n, c in G.nodes(data="country") if c in countries]
        if not nodes:
            continue
        sub_deg = pd.Series(dict(G.degree(nodes)), name="degree")
        connected = [n for n in nodes if sub_deg[n] > 0]
        frame = pd.DataFrame(
            {
                "region": [G.nodes[n]["country"] for n in nodes],
                "field": field,
                "org_id": nodes,
                "group": [G.nodes[n]["group"] for n in nodes],
            }
        )
        frame["firm"] = (frame["group"] == "Economic actors").astype(int)
        frame["degree"] = sub_deg.reindex(nodes).to_numpy()
        by_node = pd.DataFrame(index=pd.Index(nodes))
        if connected:
            by_node["constraint"] = constraint(G, nodes=connected)
            # partners without a recorded country (a handful in CORDIS) are left out
            located = {n for n, c in G.nodes(data="country") if isinstance(c, str)}
            shares = tie_shares(G.subgraph(located & (set(connected) | {m for n in connected for m in G[n]})))
            by_node["international"] = shares["international"].reindex(by_node.index)
        for col in ("constraint", "international"):
            frame[col] = by_node[col].to_numpy() if col in by_node else np.nan
        frames.append(frame)
    out = pd.concat(frames, ignore_index=True)
    out["region"] = out["region"].astype(str)
    return out


def us_area_units(cluster_mapping: pd.DataFrame, cluster_types: pd.DataFrame, *, type_column: str) -> pd.DataFrame:
    """Area-level cluster measures for a grid of area types x cluster types.

    Parameters
    ----------
    cluster_mapping : pandas.DataFrame
        Long table as returned by
        :func:`regional_clusters.data.load_cluster_mapping` (traded clusters
        are used).
    cluster_types : pandas.DataFrame
        One row per traded cluster with ``cluster_code`` and ``type_column``,
        e.g. the coding table ``traded_cluster_types``.
    type_column : str
        Column of ``cluster_types`` that defines the grid's fields, e.g.
        ``"tech_intensity"`` or ``"goods_services"``.

    Returns
    -------
    pandas.DataFrame
        One row per area and cluster type with columns ``region`` (area type:
        metropolitan or micropolitan), ``field`` (cluster type),
        ``region_code``, ``employment_share`` (the type's share of the
        area's traded employment), ``specialised`` (share of the type's
        clusters with a location quotient of at least 1) and ``strong``
        (share flagged strong by the U.S. Cluster Mapping Project).

    Raises
    ------
    ValueError
        If a column is missing or a traded cluster has no type.
    """
    _check_columns(cluster_mapping, ["region_code", "region_type", "cluster_code", "traded", "employment", "lq", "strong"],
                   "cluster_mapping")
    _check_columns(cluster_types, ["cluster_code", type_column], "cluster_types")
    traded = cluster_mapping[cluster_mapping["traded"]].copy()
    types = cluster_types.set_index("cluster_code")[type_column]
    traded["field"] = traded["cluster_code"].map(types)
    untyped = traded.loc[traded["field"].isna(), "cluster_code"].unique()
    if len(untyped):
        raise ValueError(f"traded cluster {int(untyped[0])} has no {type_column!r} in cluster_types")
    traded["specialised"] = (traded["lq"] >= 1).astype(float)
    traded["strong"] = traded["strong"].astype("float64")
    grouped = traded.groupby(["region_code", "region_type", "field"], observed=True)
    out = grouped.agg(employment=("employment", "sum"), specialised=("specialised", "mean"), strong=("strong", "mean"))
    out = out.reset_index()
    total = out.groupby("region_code")["employment"].transform("sum")
    out["employment_share"] = np.where(total > 0, out["employment"] / total.where(total > 0, 1), np.nan)
    out = out.rename(columns={"region_type": "region"})
    out["region"] = out["region"].astype(str)
    return out[["region", "field", "region_code", "employment_share", "specialised", "strong"]]


def variance_decomposition(cells: pd.DataFrame, outcome: str, *, region: str = "region", field: str = "field") -> pd.DataFrame:
    """Split an outcome's variation across cells into region and field parts.

    Fits the additive two-way model ``outcome ~ C(region) + C(field)`` by OLS
    and reports type II sums of squares: how much variation each factor
    explains given the other, and what neither explains (their interaction
    and noise).

    Parameters
    ----------
    cells : pandas.DataFrame
        One row per observation with the outcome and the two factors; a
        balanced grid of cell means is the typical input.
    outcome, region, field : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Rows ``region``, ``field``, ``residual`` with columns ``sum_sq``,
        ``df``, ``F``, ``p_value`` and ``share`` (sum of squares over their
        total).

    Raises
    ------
    ValueError
        If a column is missing, the outcome has missing values, or a factor
        has fewer than two levels.

    Examples
    --------
    >>> cells = pd.DataFrame({"region": list("aabbcc"), "field": list("xyxyxy"),
    ...                       "y": [1.0, 3.0, 2.0, 4.0, 3.0, 5.2]})
    >>> out = variance_decomposition(cells, "y")
    >>> bool(out.loc["field", "share"] > out.loc["region", "share"] > out.loc["residual", "share"])
    True
    """
    _check_columns(cells, [outcome, region, field], "cells")
    if cells[outcome].isna().any():
        raise ValueError(f"outcome {outcome!r} has missing values; drop or impute them first")
    for factor in (region, field):
        if cells[factor].nunique() < 2:
            raise ValueError(f"factor {factor!r} needs at least two levels")
    data = pd.DataFrame({"y": cells[outcome].astype(float), "r": cells[region].astype(str), "f": cells[field].astype(str)})
    fit = smf.ols("y ~ C(r) + C(f)", data=data).fit()
    table = anova_lm(fit, typ=2).rename(index={"C(r)": "region", "C(f)": "field", "Residual": "residual"})
    table = table.rename(columns={"PR(>F)": "p_value"})
    table["share"] = table["sum_sq"] / table["sum_sq"].sum()
    return table[["sum_sq", "df", "F", "p_value", "share"]]


def crossed_random_effects(units: pd.DataFrame, outcome: str, *, region: str = "region", field: str = "field",
                           covariates=None):
    """Linear mixed model with crossed random intercepts for region and field.

    ``outcome_i = b0 + x_i'b + u_region(i) + v_field(i) + e_i``, with
    independent normal ``u``, ``v`` and ``e``. The variance components say
    how much of the unit-level variation belongs to regions and how much to
    fields. Fitted by REML with statsmodels' ``MixedLM`` (one group holding
    all units, the two factors as variance components).

    Parameters
    ----------
    units : pandas.DataFrame
        Unit-level observations (e.g. from :func:`h2020_units`).
    outcome, region, field : str
        Column names.
    covariates : list of str, optional
        Fixed-effect covariates (columns of ``units``).

    Returns
    -------
    pandas.Series
        Variance components ``region``, ``field`` and ``residual``, their
        shares ``share_region``, ``share_field``, ``share_residual``, and
        ``n`` (units used), with the statsmodels results object in
        ``.attrs["fit"]``.

    Raises
    ------
    ValueError
        If a column is missing or a factor has fewer than two levels.

    References
    ----------
    Goldstein, H. (2011). Multilevel Statistical Models, 4th ed. Wiley
    (cross-classified models).
    """
    covariates = list(covariates or [])
    _check_columns(units, [outcome, region, field, *covariates], "units")
    data = units[[outcome, region, field, *covariates]].dropna().copy()
    for factor in (region, field):
        if data[factor].nunique() < 2:
            raise ValueError(f"factor {factor!r} needs at least two levels")
    data = data.rename(columns={outcome: "y", region: "r", field: "f"})
    data["one"] = 1
    rhs = " + ".join(covariates) if covariates else "1"
    model = smf.mixedlm(f"y ~ {rhs}", data=data, groups="one",
                        vc_formula={"region": "0 + C(r)", "field": "0 + C(f)"}, re_formula="0")
    with warnings.catch_warnings():
        # a component estimated at zero sits on the boundary; that is a result, not an error
        warnings.simplefilter("ignore", ConvergenceWarning)
        # the model has no random-effects covariance block, only variance components
        warnings.filterwarnings("ignore", message="Random effects covariance is singular")
        fit = model.fit(reml=True)
    names = list(model.exog_vc.names)
    comps = dict(zip(names, np.asarray(fit.vcomp, dtype=float)))
    out = pd.Series({"region": comps["region"], "field": comps["field"], "residual": float(fit.scale)})
    total = out.sum()
    for k in ("region", "field", "residual"):
        out[f"share_{k}"] = out[k] / total
    out["n"] = len(data)
    out.attrs["fit"] = fit
    return out


def omega_squared(table: pd.DataFrame) -> pd.Series:
    r"""Omega squared of each factor of a variance decomposition.

    .. math:: \omega^2_k = \frac{SS_k - df_k\, MS_{res}}{SS_{tot} + MS_{res}},
              \qquad MS_{res} = SS_{res} / df_{res}

    The raw share :math:`SS_k / SS_{tot}` credits a factor with the variation
    its levels explain by chance, which is large when a factor has few
    observations per level; omega squared takes off what its degrees of
    freedom would give under no effect (Hays 1963). Negative values are set
    to 0.

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`variance_decomposition`: rows for the factors
        and ``residual``, columns ``sum_sq`` and ``df``.

    Returns
    -------
    pandas.Series
        Indexed by factor (without ``residual``).

    Raises
    ------
    ValueError
        If ``table`` lacks a ``residual`` row, the ``sum_sq`` or ``df``
        column, or the residual has no degrees of freedom.

    References
    ----------
    Hays, W. L. (1963). Statistics for Psychologists. New York: Holt,
    Rinehart and Winston.

    Examples
    --------
    >>> t = pd.DataFrame({"sum_sq": [30.0, 10.0, 60.0], "df": [2, 1, 12]},
    ...                  index=["region", "field", "residual"])
    >>> omega_squared(t).round(4).tolist()
    [0.1905, 0.0476]
    """
    for col in ("sum_sq", "df"):
        if col not in table.columns:
            raise ValueError(f"table has no column {col!r}")
    if "residual" not in table.index:
        raise ValueError("table has no 'residual' row")
    if not table.loc["residual", "df"] > 0:
        raise ValueError("the residual has no degrees of freedom")
    ms_res = table.loc["residual", "sum_sq"] / table.loc["residual", "df"]
    omega = (table["sum_sq"] - table["df"] * ms_res) / (table["sum_sq"].sum() + ms_res)
    return omega.drop("residual").clip(lower=0)
