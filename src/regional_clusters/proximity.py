r"""Proximity: distance, dyadic collaboration, gravity models and external ties.

The functions here measure how close places, organisations and industries
are, and how much they interact:

- great-circle distance between places (:func:`haversine`,
  :func:`distance_matrix`) from the project's table of capital-city
  coordinates (:func:`country_coordinates`);
- dyadic covariates for pairs of countries: contiguity and shared official
  language (:func:`contiguity`, :func:`common_language`);
- collaboration counts between countries from co-participation in the same
  project (:func:`collaboration_counts`) and a full dyadic table with the five
  proximities of Boschma (2005) (:func:`country_dyads`);
- a gravity (distance-decay) model estimated by Poisson pseudo-maximum
  likelihood (:func:`gravity_ppml`) and a simulator to check it
  (:func:`simulate_gravity`);
- co-location of related industries: coagglomeration against relatedness
  (:func:`coagglomeration_relatedness`);
- local and external ties ("local buzz" and "global pipelines"):
  :func:`partner_shares`, :func:`tie_shares`, :func:`boundary_spanners`.

Dyadic tables are pandas DataFrames indexed by an unordered pair
``(a, b)`` with ``a < b``.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._checks import check_labels
from .data import coding_table
from .networks import check_graph

__all__ = [
    "EARTH_RADIUS_KM",
    "haversine",
    "country_coordinates",
    "distance_matrix",
    "covered_countries",
    "contiguity",
    "common_language",
    "collaboration_counts",
    "country_dyads",
    "GravityResult",
    "gravity_ppml",
    "simulate_gravity",
    "coagglomeration_relatedness",
    "partner_shares",
    "tie_shares",
    "boundary_spanners",
]

#: Mean Earth radius in km (IUGG arithmetic mean radius R1 of the WGS84 ellipsoid).
EARTH_RADIUS_KM = 6371.0088


# ---------------------------------------------------------------------------
# Distance
# ---------------------------------------------------------------------------


def _check_latlon(lat, lon, what: str) -> tuple[np.ndarray, np.ndarray]:
    lat = np.asarray(lat, dtype="float64")
    lon = np.asarray(lon, dtype="float64")
    if np.isnan(lat).any() or np.isnan(lon).any():
        raise ValueError(f"{what}: latitude or longitude is missing")
    if (np.abs(lat) > 90).any():
        raise ValueError(f"{what}: latitude outside [-90, 90]: {lat[np.abs(lat) > 90].ravel()[0]}")
    if (np.abs(lon) > 180).any():
        raise ValueError(f"{what}: longitude outside [-180, 180]: {lon[np.abs(lon) > 180].ravel()[0]}")
    return lat, lon


def haversine(lat1, lon1, lat2, lon2, *, radius: float = EARTH_RADIUS_KM):
    r"""Great-circle distance between points on a sphere (haversine formula).

    .. math::
        d = 2 R \arcsin \sqrt{\sin^2\frac{\varphi_2-\varphi_1}{2}
            + \cos\varphi_1 \cos\varphi_2 \sin^2\frac{\lambda_2-\lambda_1}{2}}

    with latitudes :math:`\varphi`, longitudes :math:`\lambda` (in degrees on
    input) and radius :math:`R`.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float or array_like
        Coordinates in decimal degrees (north and east positive); arrays
        broadcast against each other.
    radius : float, default :data:`EARTH_RADIUS_KM`
        Sphere radius; the unit of the result is the unit of ``radius``.

    Returns
    -------
    float or numpy.ndarray
        Distance along the sphere's surface.

    Raises
    ------
    ValueError
        Missing coordinates, a latitude outside [-90, 90], a longitude
        outside [-180, 180], or a non-positive radius.

    References
    ----------
    Sinnott, R. W. (1984). Virtues of the haversine. Sky and Telescope
    68(2), 159.

    Examples
    --------
    Nashville (BNA) to Los Angeles (LAX) with R = 6372.8 km, the worked
    example of the Rosetta Code haversine task:

    >>> round(float(haversine(36.12, -86.67, 33.94, -118.40, radius=6372.8)), 2)
    2887.26
    """
    if not radius > 0:
        raise ValueError(f"radius must be positive, got {radius}")
    p1, l1 = _check_latlon(lat1, lon1, "first point")
    p2, l2 = _check_latlon(lat2, lon2, "second point")
    p1, l1, p2, l2 = (np.radians(v) for v in (p1, l1, p2, l2))
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    d = 2 * radius * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    return float(d) if np.ndim(d) == 0 else d


def country_coordinates() -> pd.DataFrame:
    """Capital-city coordinates of every country in the Horizon 2020 data.

    Reads the coding table ``country_coordinates.csv`` (source: CIA, The
    World Factbook, "Capital - geographic coordinates"; exceptions listed in
    the file's header).

    Returns
    -------
    pandas.DataFrame
        Indexed by the CORDIS country code (``EL`` Greece, ``UK`` United
        Kingdom) with columns ``iso2``, ``name``, ``place``, ``latitude``,
        ``longitude`` (decimal degrees).

    Examples
    --------
    >>> country_coordinates().loc["EL", ["name", "place"]].tolist()
    ['Greece', 'Athens']
    """
    t = coding_table("country_coordinates")
    t["country"] = t["country"].astype(str)
    return t.set_index("country")


def distance_matrix(coordinates: pd.DataFrame | None = None, *, places=None,
                    radius: float = EARTH_RADIUS_KM) -> pd.DataFrame:
    """Great-circle distances between all pairs of places.

    Parameters
    ----------
    coordinates : pandas.DataFrame, optional
        Indexed by place, with columns ``latitude`` and ``longitude`` in
        decimal degrees. Default: :func:`country_coordinates`.
    places : list-like, optional
        Subset (and order) of places. Default: all rows.
    radius : float, default :data:`EARTH_RADIUS_KM`

    Returns
    -------
    pandas.DataFrame
        Symmetric place x place matrix of distances (km), zero diagonal.

    Raises
    ------
    ValueError
        Missing columns, duplicated places, an unknown place or bad
        coordinates.

    References
    ----------
    Sinnott, R. W. (1984). Virtues of the haversine. Sky and Telescope
    68(2), 159.

    Examples
    --------
    >>> D = distance_matrix(places=["FR", "UK", "DE"])
    >>> round(float(D.loc["FR", "UK"]))
    340
    """
    C = country_coordinates() if coordinates is None else coordinates
    if not isinstance(C, pd.DataFrame) or not {"latitude", "longitude"} <= set(C.columns):
        raise ValueError("coordinates must be a DataFrame with columns 'latitude' and 'longitude'")
    check_labels(C.index, "place")
    if places is not None:
        places = list(places)
        missing = [p for p in places if p not in C.index]
        if missing:
            raise ValueError(f"no coordinates for place {missing[0]!r}")
        C = C.loc[places]
    lat = C["latitude"].to_numpy(dtype="float64")
    lon = C["longitude"].to_numpy(dtype="float64")
    D = haversine(lat[:, None], lon[:, None], lat[None, :], lon[None, :], radius=radius)
    D = np.atleast_2d(D)
    np.fill_diagonal(D, 0.0)
    return pd.DataFrame(D, index=C.index, columns=C.index)


# ---------------------------------------------------------------------------
# Dyadic covariates of countries
# ---------------------------------------------------------------------------


def covered_countries() -> pd.Index:
    """Countries covered by the contiguity and language tables.

    Returns
    -------
    pandas.Index
        Sorted CORDIS codes: EU-28 of 2014-2020, the Horizon 2020 associated
        countries in the data and the twelve third countries with at least
        100 participations.

    Examples
    --------
    >>> "EL" in covered_countries() and "GR" not in covered_countries()
    True
    """
    lang = coding_table("country_languages")
    return pd.Index(sorted(lang["country"].astype(str).unique()), name="country")


def _check_covered(countries) -> list[str]:
    countries = [str(c) for c in countries]
    if len(countries) == 0:
        raise ValueError("countries is empty")
    dup = pd.Index(countries)
    check_labels(dup, "country")
    covered = set(covered_countries())
    missing = [c for c in countries if c not in covered]
    if missing:
        raise ValueError(
            f"country {missing[0]!r} is not covered by the contiguity and language tables "
            f"(covered: {', '.join(sorted(covered))})"
        )
    return countries


def contiguity(countries) -> pd.DataFrame:
    """Land-border indicator for pairs of countries.

    Parameters
    ----------
    countries : list-like of str
        CORDIS country codes, all in :func:`covered_countries`.

    Returns
    -------
    pandas.DataFrame
        Symmetric 0/1 country x country matrix (1 = shared land border of
        the metropolitan territories; zero diagonal). Source: coding table
        ``country_borders.csv``.

    Raises
    ------
    ValueError
        An empty or duplicated list, or a country outside the covered set.

    Examples
    --------
    >>> int(contiguity(["DE", "FR", "UK"]).loc["DE", "FR"])
    1
    """
    countries = _check_covered(countries)
    b = coding_table("country_borders")
    M = pd.DataFrame(0, index=pd.Index(countries, name="country"), columns=countries)
    for a, c in zip(b["country_a"].astype(str), b["country_b"].astype(str)):
        if a in M.index and c in M.index:
            M.loc[a, c] = 1
            M.loc[c, a] = 1
    return M


def common_language(countries) -> pd.DataFrame:
    """Shared-official-language indicator for pairs of countries.

    Parameters
    ----------
    countries : list-like of str
        CORDIS country codes, all in :func:`covered_countries`.

    Returns
    -------
    pandas.DataFrame
        Symmetric 0/1 matrix (1 = at least one official national language in
        common; zero diagonal). Source: coding table
        ``country_languages.csv``.

    Raises
    ------
    ValueError
        An empty or duplicated list, or a country outside the covered set.

    Examples
    --------
    >>> L = common_language(["AT", "DE", "FR", "BE"])
    >>> int(L.loc["AT", "DE"]), int(L.loc["AT", "FR"]), int(L.loc["BE", "FR"])
    (1, 0, 1)
    """
    countries = _check_covered(countries)
    lang = coding_table("country_languages")
    lang["country"] = lang["country"].astype(str)
    lang = lang[lang["country"].isin(countries)]
    B = pd.crosstab(lang["country"], lang["language"]).reindex(countries).clip(upper=1)
    S = (B.to_numpy() @ B.to_numpy().T > 0).astype(int)
    np.fill_diagonal(S, 0)
    return pd.DataFrame(S, index=pd.Index(countries, name="country"), columns=countries)


# ---------------------------------------------------------------------------
# Collaboration counts and dyads
# ---------------------------------------------------------------------------


def _check_participations(P, columns) -> pd.DataFrame:
    if not isinstance(P, pd.DataFrame):
        raise ValueError(f"participations must be a pandas DataFrame, got {type(P).__name__}")
    missing = [c for c in columns if c not in P.columns]
    if missing:
        raise ValueError(f"participations lack column {missing[0]!r}")
    if len(P) == 0:
        raise ValueError("participations is empty")
    return P


def _incidence(P: pd.DataFrame, unit: str, units=None):
    """Binary project x unit incidence matrix (sparse) and unit labels."""
    pu = P[["project_id", unit]].dropna().drop_duplicates()
    if units is None:
        units = pd.Index(sorted(pu[unit].astype(str).unique()), name=unit)
    else:
        units = pd.Index([str(u) for u in units], name=unit)
    uvals = pu[unit].astype(str)
    keep = uvals.isin(units).to_numpy()
    pu, uvals = pu[keep], uvals[keep]
    pcodes, _ = pd.factorize(pu["project_id"])
    ucodes = units.get_indexer(uvals)
    B = sp.csr_matrix((np.ones(len(pu)), (pcodes, ucodes)),
                      shape=(pcodes.max() + 1 if len(pcodes) else 0, len(units)))
    return B, units


def _pairs(units: pd.Index) -> tuple[np.ndarray, np.ndarray]:
    i, j = np.triu_indices(len(units), k=1)
    return i, j


def _to_dyads(M: np.ndarray, units: pd.Index, name: str) -> pd.Series:
    i, j = _pairs(units)
    idx = pd.MultiIndex.from_arrays([units[i], units[j]], names=["a", "b"])
    return pd.Series(np.asarray(M)[i, j], index=idx, name=name)


def collaboration_counts(participations: pd.DataFrame, *, unit: str = "country",
                         units=None, zeros: bool = True) -> pd.Series:
    r"""Number of projects two units take part in together.

    With the binary project x unit incidence matrix :math:`B`, the count for
    units :math:`a \ne b` is :math:`(B^\top B)_{ab}`: every project in which
    both have at least one participant counts once.

    Parameters
    ----------
    participations : pandas.DataFrame
        One row per participation with columns ``project_id`` and ``unit``
        (e.g. :func:`regional_clusters.data.load_h2020`).
    unit : str, default "country"
        Column that names the units (``"country"``, ``"org_id"``, ...).
    units : list-like, optional
        Units to keep (and their order). Default: all units present.
    zeros : bool, default True
        Include pairs that never collaborate (needed for gravity models).
        With ``False`` only collaborating pairs are returned, computed from
        the sparse product, which suits organisations (tens of thousands of
        units).

    Returns
    -------
    pandas.Series
        Indexed by unordered pairs ``(a, b)``, ``a`` before ``b`` in the
        order of ``units``. Name ``"collaborations"``.

    Raises
    ------
    ValueError
        Not a DataFrame, empty, missing columns, or ``zeros=True`` with more
        than 10,000 units (the full pair table would not fit in memory).

    References
    ----------
    Hoekman, J., Frenken, K. and van Oort, F. (2009). The geography of
    collaborative knowledge production in Europe. Annals of Regional Science
    43(3), 721-738.

    Examples
    --------
    >>> P = pd.DataFrame({"project_id": [1, 1, 1, 2, 2, 3],
    ...                   "country": ["DE", "DE", "FR", "DE", "IT", "FR"]})
    >>> collaboration_counts(P).to_dict()
    {('DE', 'FR'): 1.0, ('DE', 'IT'): 1.0, ('FR', 'IT'): 0.0}
    """
    P = _check_participations(participations, ["project_id", unit])
    B, units = _incidence(P, unit, units)
    C = (B.T @ B).tocsr()
    if zeros:
        if len(units) > 10_000:
            raise ValueError(f"{len(units)} units give too many pairs for zeros=True; use zeros=False")
        return _to_dyads(C.toarray(), units, "collaborations")
    U = sp.triu(C, k=1).tocoo()
    order = np.lexsort((U.col, U.row))
    i, j, v = U.row[order], U.col[order], U.data[order]
    idx = pd.MultiIndex.from_arrays([units[i], units[j]], names=["a", "b"])
    return pd.Series(v.astype(float), index=idx, name="collaborations")


def _cosine_rows(F: np.ndarray) -> np.ndarray:
    norm = np.sqrt((F**2).sum(axis=1))
    norm[norm == 0] = np.nan
    G = F / norm[:, None]
    S = G @ G.T
    return S


def country_dyads(participations: pd.DataFrame, *, countries=None, split_year: int | None = None,
                  coordinates: pd.DataFrame | None = None) -> pd.DataFrame:
    r"""Dyadic table of country pairs: collaboration and Boschma's proximities.

    For every unordered pair of countries :math:`(a, b)`:

    ``collaborations``
        Projects with participants from both (:func:`collaboration_counts`);
        with ``split_year``, only projects starting in or after it.
    ``distance_km``, ``log_distance``
        Geographic proximity: great-circle distance between capitals.
    ``contiguity``, ``common_language``
        Land border; shared official language (cultural proximity).
    ``cognitive``
        Cosine similarity of the two countries' participation profiles over
        fields (programme parts): how similar their knowledge bases are.
    ``organisational``
        Jaccard index of the two project sets,
        :math:`|P_a \cap P_b| / |P_a \cup P_b|`: how much of their activity
        sits in the same organisational arrangements (consortia). It is the
        outcome rescaled, a description, not a predictor.
    ``institutional``
        1 if both countries belong to the same Horizon 2020 country group
        (``eu15``, ``eu13``, associated ``ac``, third ``tc``): the same set
        of rules and funding eligibility.
    ``actor_mix``
        Cosine similarity of the two countries' participation profiles over
        organisation types (firms, universities, research bodies, public
        bodies, others): institutional set-up of their research systems.
    ``prior_collaborations``, ``social``
        Only with ``split_year``: projects together that started before it,
        and :math:`\log(1 + \text{prior})`, the social proximity of
        earlier ties.

    Parameters
    ----------
    participations : pandas.DataFrame
        Horizon 2020 participations as returned by
        :func:`regional_clusters.data.load_h2020` (columns ``project_id``,
        ``country``, ``country_group``, ``field``, ``org_type``,
        ``start_year``).
    countries : list-like, optional
        Countries to include. Default: the covered countries
        (:func:`covered_countries`) present in ``participations``.
    split_year : int, optional
        Separates an earlier period (social proximity) from the later one
        (outcome and the other profiles).
    coordinates : pandas.DataFrame, optional
        Passed to :func:`distance_matrix`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``(a, b)``, one row per unordered pair.

    Raises
    ------
    ValueError
        Missing columns, a country outside the covered set or absent from the
        data (in the outcome period), or a split year that leaves either
        period empty.

    References
    ----------
    Boschma, R. A. (2005). Proximity and innovation: a critical assessment.
    Regional Studies 39(1), 61-74.

    Examples
    --------
    >>> P = pd.DataFrame({"project_id": [1, 1, 2, 2, 3, 3],
    ...     "country": ["DE", "FR", "DE", "AT", "FR", "AT"],
    ...     "country_group": ["eu15"] * 6, "field": ["SC1"] * 4 + ["ERC"] * 2,
    ...     "org_type": ["HES", "PRC", "REC", "HES", "HES", "PRC"],
    ...     "start_year": [2015, 2015, 2019, 2019, 2019, 2019]})
    >>> d = country_dyads(P, split_year=2018)
    >>> d[["collaborations", "prior_collaborations", "contiguity"]]
           collaborations  prior_collaborations  contiguity
    a  b
    AT DE             1.0                   0.0           1
       FR             1.0                   0.0           0
    DE FR             0.0                   1.0           1
    """
    cols = ["project_id", "country", "country_group", "field", "org_type"]
    if split_year is not None:
        cols.append("start_year")
    P = _check_participations(participations, cols)
    P = P[P["country"].notna()].copy()
    P["country"] = P["country"].astype(str)
    if split_year is not None:
        yr = P["start_year"]
        early = P[(yr < split_year).fillna(False).to_numpy(dtype=bool)]
        late = P[(yr >= split_year).fillna(False).to_numpy(dtype=bool)]
        if len(early) == 0 or len(late) == 0:
            raise ValueError(f"split_year {split_year} leaves an empty period")
    else:
        early, late = None, P
    present = set(late["country"])
    if countries is None:
        countries = [c for c in covered_countries() if c in present]
    countries = _check_covered(countries)
    absent = [c for c in countries if c not in present]
    if absent:
        raise ValueError(f"country {absent[0]!r} has no participation in the outcome period")
    units = pd.Index(countries, name="country")

    B, _ = _incidence(late, "country", units)
    C = (B.T @ B).toarray()
    out = _to_dyads(C, units, "collaborations").to_frame()
    n = np.diag(C)
    union = n[:, None] + n[None, :] - C
    out["distance_km"] = _to_dyads(distance_matrix(coordinates, places=countries).to_numpy(), units, "d")
    out["log_distance"] = np.log(out["distance_km"])
    out["contiguity"] = _to_dyads(contiguity(countries).to_numpy(), units, "c")
    out["common_language"] = _to_dyads(common_language(countries).to_numpy(), units, "l")
    F = pd.crosstab(late["country"], late["field"].astype("string").fillna("unknown")).reindex(units)
    out["cognitive"] = _to_dyads(_cosine_rows(F.to_numpy(dtype=float)), units, "k")
    out["organisational"] = _to_dyads(C / union, units, "o")
    grp = late.groupby("country", observed=True)["country_group"].agg(lambda s: s.mode().iloc[0])
    g = grp.reindex(units).astype(str).to_numpy()
    out["institutional"] = _to_dyads((g[:, None] == g[None, :]).astype(int), units, "i")
    T = pd.crosstab(late["country"], late["org_type"].astype("string").fillna("unknown")).reindex(units)
    out["actor_mix"] = _to_dyads(_cosine_rows(T.to_numpy(dtype=float)), units, "t")
    if early is not None:
        out["prior_collaborations"] = collaboration_counts(early, units=units).to_numpy()
        out["social"] = np.log1p(out["prior_collaborations"])
    return out


# ---------------------------------------------------------------------------
# Gravity model by PPML
# ---------------------------------------------------------------------------


@dataclass
class GravityResult:
    """Estimates of a gravity model (returned by :func:`gravity_ppml`).

    Attributes
    ----------
    table : pandas.DataFrame
        One row per covariate: ``coef``, ``se``, ``z``, ``p``, ``ci_low``,
        ``ci_high`` (95 %). Fixed effects are not listed.
    specification : str
        The estimated equation, estimator and standard errors in words.
    nobs : int
        Number of dyads.
    pseudo_r2 : float
        Squared correlation between observed and fitted counts.
    fixed_effects : pandas.Series or None
        Estimated country effects (relative to the first country).
    result : object
        The fitted statsmodels GLM results.
    """

    table: pd.DataFrame
    specification: str
    nobs: int
    pseudo_r2: float
    fixed_effects: pd.Series | None = None
    result: object = field(default=None, repr=False)

    def __str__(self) -> str:
        lines = [textwrap.fill(self.specification, 88), f"Dyads: {self.nobs}; pseudo R2 (squared corr.): {self.pseudo_r2:.3f}", ""]
        lines.append(self.table[["coef", "se", "z", "p"]].round(4).to_string())
        return "\n".join(lines)


def _with_covariance(res, covariance: np.ndarray):
    """Refit-free copy of a statsmodels GLM result with another covariance matrix."""
    from statsmodels.genmod.generalized_linear_model import GLMResults

    new = GLMResults(res.model, res.params, res.normalized_cov_params, res.scale,
                     cov_type="nonrobust")
    new.cov_params_default = covariance
    new.cov_type = "custom"
    return new


def _dyadic_covariance(X: np.ndarray, y: np.ndarray, mu: np.ndarray, a, b) -> np.ndarray:
    """Dyadic-robust sandwich for Poisson scores on unordered pairs.

    The meat sums s_i s_j' over all pairs of dyads i, j that share a member.
    With S_c the sum of the scores of the dyads of member c, sum_c S_c S_c'
    counts every such pair once and each dyad with itself twice (it shares
    both members with itself), hence the subtraction.
    """
    scores = X * (y - mu)[:, None]
    members = pd.Index(sorted(set(a) | set(b)))
    ia, ib = members.get_indexer(a), members.get_indexer(b)
    by_member = np.zeros((len(members), X.shape[1]))
    np.add.at(by_member, ia, scores)
    np.add.at(by_member, ib, scores)
    meat = by_member.T @ by_member - scores.T @ scores
    bread = np.linalg.inv(X.T @ (X * mu[:, None]))
    g = len(members)
    return g / (g - 1) * bread @ meat @ bread


def gravity_ppml(dyads: pd.DataFrame, *, outcome: str = "collaborations", covariates=("log_distance",),
                 fixed_effects: bool = True, mass: pd.Series | None = None, cov: str = "robust",
                 cluster: str | None = None) -> GravityResult:
    r"""Gravity model of dyadic interaction by Poisson pseudo-maximum likelihood.

    .. math::
        E[y_{ab}] = \exp\!\big(\alpha + \mu_a + \mu_b + \textstyle\sum_k \beta_k x_{k,ab}\big)

    for unordered pairs :math:`(a, b)`. The country terms :math:`\mu` are
    either fixed effects (one dummy per country, entering as
    :math:`D_{ak} + D_{bk}`, the first country as reference) or, with
    ``mass``, :math:`\gamma(\log m_a + \log m_b)` for a size measure
    :math:`m`. The coefficient of ``log_distance`` is the distance
    elasticity: a 1 % longer distance changes expected collaboration by
    :math:`\beta` %. PPML is consistent under heteroskedasticity and keeps
    zero counts (Santos Silva and Tenreyro 2006); the counts need not be
    Poisson.

    Parameters
    ----------
    dyads : pandas.DataFrame
        Indexed by ``(a, b)`` (e.g. :func:`country_dyads`), with the outcome
        and covariate columns.
    outcome : str, default "collaborations"
        Non-negative count column.
    covariates : sequence of str
        Dyadic regressors (e.g. ``log_distance``, ``contiguity``,
        ``common_language``, ``social``).
    fixed_effects : bool, default True
        Country fixed effects. Ignored when ``mass`` is given.
    mass : pandas.Series, optional
        Positive size of each country (e.g. participations); enters as
        :math:`\log m_a + \log m_b` with one coefficient ``log_mass``.
    cov : {"robust", "cluster", "dyadic"}, default "robust"
        Standard errors: heteroskedasticity-robust (HC1, the same convention
        as pyfixest's ``vcov="hetero"``), clustered, or dyadic-robust
        (any two pairs that share a member may have correlated errors: the
        inference that dyadic data need).
    cluster : str, optional
        With ``cov="cluster"``: ``"a"``, ``"b"``, ``"ab"`` (two-way, by the first
        and by the second member of the pair; Cameron, Gelbach and Miller
        2011) or a column
        of ``dyads``.

    Returns
    -------
    GravityResult
        Estimates with standard errors and the stated specification.

    Raises
    ------
    ValueError
        Missing or non-numeric columns, missing values, negative outcome,
        an index that is not an ``(a, b)`` pair, a country whose dyads are
        all zero (its fixed effect would be minus infinity), a non-positive
        mass, or an unknown ``cov``.

    References
    ----------
    Santos Silva, J. M. C. and Tenreyro, S. (2006). The log of gravity.
    Review of Economics and Statistics 88(4), 641-658.
    Cameron, A. C., Gelbach, J. B. and Miller, D. L. (2011). Robust inference
    with multiway clustering. Journal of Business and Economic Statistics
    29(2), 238-249.
    Fafchamps, M. and Gubert, F. (2007). The formation of risk sharing
    networks. Journal of Development Economics 83(2), 326-350.
    Cameron, A. C. and Miller, D. L. (2014). Robust inference for dyadic
    data. Working paper, University of California, Davis.

    Examples
    --------
    >>> d = simulate_gravity(30, distance=-1.0, seed=1)
    >>> res = gravity_ppml(d, covariates=["log_distance", "contiguity"])
    >>> bool(abs(res.table.loc["log_distance", "coef"] + 1.0) < 0.15)
    True
    """
    from statsmodels.genmod import families
    from statsmodels.genmod.generalized_linear_model import GLM

    if not isinstance(dyads, pd.DataFrame):
        raise ValueError(f"dyads must be a pandas DataFrame, got {type(dyads).__name__}")
    if not isinstance(dyads.index, pd.MultiIndex) or dyads.index.nlevels != 2:
        raise ValueError("dyads must be indexed by unordered pairs (a, b) (a two-level MultiIndex)")
    covariates = list(covariates)
    if len(covariates) == 0:
        raise ValueError("covariates is empty")
    for c in [outcome] + covariates + ([cluster] if cluster and cluster not in ("a", "b", "ab") else []):
        if c not in dyads.columns:
            raise ValueError(f"dyads lack column {c!r}")
    for c in [outcome] + covariates:
        if not pd.api.types.is_numeric_dtype(dyads[c]):
            raise ValueError(f"column {c!r} is not numeric")
        if dyads[c].isna().any():
            raise ValueError(f"column {c!r} has a missing value at dyad {dyads.index[dyads[c].isna()][0]!r}")
    y = dyads[outcome].to_numpy(dtype=float)
    if (y < 0).any():
        raise ValueError(f"outcome {outcome!r} is negative at dyad {dyads.index[y < 0][0]!r}")
    a = dyads.index.get_level_values(0).astype(str)
    b = dyads.index.get_level_values(1).astype(str)
    X = dyads[covariates].astype(float).copy()
    X.index = range(len(X))
    if mass is not None:
        m = pd.Series(mass)
        m.index = m.index.astype(str)
        miss = [c for c in pd.Index(a).union(pd.Index(b)) if c not in m.index]
        if miss:
            raise ValueError(f"mass has no value for {miss[0]!r}")
        if (m <= 0).any() or m.isna().any():
            raise ValueError("mass must be positive")
        X["log_mass"] = np.log(m.reindex(a).to_numpy(float)) + np.log(m.reindex(b).to_numpy(float))
        terms = "gamma (log m_a + log m_b)"
        fe_names = []
    elif fixed_effects:
        places = pd.Index(sorted(set(a) | set(b)))
        tot = pd.Series(0.0, index=places)
        np.add.at(tot.values, places.get_indexer(a), y)
        np.add.at(tot.values, places.get_indexer(b), y)
        zero = tot.index[tot == 0]
        if len(zero):
            raise ValueError(f"all dyads of {zero[0]!r} are zero; drop it before estimating with fixed effects")
        D = np.zeros((len(X), len(places)))
        D[np.arange(len(X)), places.get_indexer(a)] += 1
        D[np.arange(len(X)), places.get_indexer(b)] += 1
        fe_names = [f"fe_{p}" for p in places[1:]]
        X = pd.concat([X, pd.DataFrame(D[:, 1:], columns=fe_names)], axis=1)
        terms = f"mu_a + mu_b (fixed effects for {len(places)} countries, {places[0]} as reference)"
    else:
        terms = "no country terms"
        fe_names = []
    X.insert(0, "const", 1.0)
    model = GLM(y, X, family=families.Poisson())
    n_obs, n_params = X.shape
    if cov == "robust":
        # statsmodels' GLM returns HC0 when asked for HC1: apply the HC1 factor n / (n - k) here
        res = model.fit(cov_type="HC0", maxiter=200)
        res = _with_covariance(res, res.cov_params().to_numpy() * n_obs / (n_obs - n_params))
        se_text = (f"heteroskedasticity-robust standard errors (HC1: HC0 times n/(n-k) = "
                   f"{n_obs}/{n_obs - n_params}, k counting the fixed effects)")
    elif cov == "dyadic":
        res = model.fit(maxiter=200)
        res = _with_covariance(res, _dyadic_covariance(X.to_numpy(float), y, np.asarray(res.fittedvalues), a, b))
        se_text = ("dyadic-robust standard errors (Fafchamps and Gubert 2007; Cameron and Miller 2014): "
                   "scores of any two pairs that share a country may correlate; small-sample factor G/(G-1), "
                   "G the number of countries")
    elif cov == "cluster":
        if cluster is None:
            raise ValueError("cov='cluster' needs cluster ('a', 'b', 'ab' or a column of dyads)")
        if cluster == "ab":
            groups = np.column_stack([pd.factorize(a)[0], pd.factorize(b)[0]])
            se_text = "standard errors clustered two-way, by the first and by the second country of the pair"
        elif cluster in ("a", "b"):
            groups = pd.factorize(a if cluster == "a" else b)[0]
            se_text = f"standard errors clustered by country {cluster}"
        else:
            groups = pd.factorize(dyads[cluster])[0]
            se_text = f"standard errors clustered by {cluster}"
        res = model.fit(cov_type="cluster", cov_kwds={"groups": groups}, maxiter=200)
        se_text += " (statsmodels' correction G/(G-1) (n-1)/(n-k) per clustering dimension)"
    else:
        raise ValueError(f"cov must be 'robust', 'cluster' or 'dyadic', got {cov!r}")
    names = covariates + (["log_mass"] if mass is not None else [])
    ci = res.conf_int()
    ci = pd.DataFrame(np.asarray(ci), index=X.columns)
    table = pd.DataFrame({
        "coef": np.asarray(res.params)[1:1 + len(names)],
        "se": np.asarray(res.bse)[1:1 + len(names)],
        "z": np.asarray(res.tvalues)[1:1 + len(names)],
        "p": np.asarray(res.pvalues)[1:1 + len(names)],
        "ci_low": ci.iloc[1:1 + len(names), 0].to_numpy(),
        "ci_high": ci.iloc[1:1 + len(names), 1].to_numpy(),
    }, index=pd.Index(names, name="covariate"))
    mu = np.asarray(res.fittedvalues)
    r2 = float(np.corrcoef(y, mu)[0, 1] ** 2) if np.std(mu) > 0 and np.std(y) > 0 else float("nan")
    fe = None
    if fe_names:
        fe = pd.Series(np.asarray(res.params)[-len(fe_names):], index=[n[3:] for n in fe_names], name="fixed_effect")
    spec = (f"PPML (Poisson GLM, log link): E[{outcome}_ab] = exp(alpha + {terms} + "
            + " + ".join(f"b{k}*{c}" for k, c in enumerate([c for c in names if c != "log_mass"], start=1)) + f"); {se_text}.")
    return GravityResult(table=table, specification=spec, nobs=len(y), pseudo_r2=r2, fixed_effects=fe, result=res)


def simulate_gravity(n_places: int = 40, *, distance: float = -1.0, contiguity: float = 0.5,
                     language: float = 0.0, social: float = 0.0, prior_distance: float = -1.0,
                     intercept: float = 3.0, fe_sd: float = 0.5, seed=None) -> pd.DataFrame:
    r"""Simulate dyadic counts from a known gravity model.

    Places get random coordinates in a box the size of Europe (latitudes 35
    to 65, longitudes -10 to 35), random effects :math:`\mu \sim N(0,
    \text{fe\_sd}^2)`, a random language (one of four, shared with
    probability about 1/4) and contiguity when closer than 500 km. Earlier
    ties follow their own gravity law,
    :math:`\text{prior}_{ab} \sim \text{Poisson}(\exp(1 + \mu_a + \mu_b +
    \text{prior\_distance} \cdot \log(d_{ab}/1000)))`, and the outcome is

    .. math::
        y_{ab} \sim \text{Poisson}\big(\exp(\text{intercept} + \mu_a + \mu_b
        + \beta_d \log(d_{ab}/1000) + \beta_c c_{ab} + \beta_l l_{ab}
        + \beta_s \log(1 + \text{prior}_{ab}))\big).

    With ``social`` different from 0, earlier ties carry part of the distance
    effect: a model that leaves them out overstates the pure distance decay.

    Parameters
    ----------
    n_places : int, default 40
        Number of places (at least 3).
    distance, contiguity, language, social : float
        True coefficients :math:`\beta_d, \beta_c, \beta_l, \beta_s`.
    prior_distance : float, default -1.0
        Distance elasticity of the earlier ties.
    intercept, fe_sd : float
        Constant and standard deviation of the place effects.
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        Indexed by ``(a, b)`` with ``collaborations``, ``distance_km``,
        ``log_distance`` (of km / 1000), ``contiguity``, ``common_language``,
        ``prior_collaborations`` and ``social``.

    Raises
    ------
    ValueError
        Fewer than three places.

    References
    ----------
    Santos Silva, J. M. C. and Tenreyro, S. (2006). The log of gravity.
    Review of Economics and Statistics 88(4), 641-658.

    Examples
    --------
    >>> d = simulate_gravity(5, seed=0)
    >>> len(d), list(d.index.names)
    (10, ['a', 'b'])
    """
    if n_places < 3:
        raise ValueError(f"n_places must be at least 3, got {n_places}")
    rng = np.random.default_rng(seed)
    units = pd.Index([f"p{k:03d}" for k in range(n_places)])
    C = pd.DataFrame({"latitude": rng.uniform(35, 65, n_places), "longitude": rng.uniform(-10, 35, n_places)},
                     index=units)
    D = distance_matrix(C).to_numpy()
    D = np.maximum(D, 1.0)
    mu = rng.normal(0, fe_sd, n_places)
    lang = rng.integers(0, 4, n_places)
    i, j = _pairs(units)
    d = D[i, j]
    logd = np.log(d / 1000.0)
    cont = (d < 500).astype(int)
    same = (lang[i] == lang[j]).astype(int)
    prior = rng.poisson(np.exp(1.0 + mu[i] + mu[j] + prior_distance * logd))
    soc = np.log1p(prior)
    eta = intercept + mu[i] + mu[j] + distance * logd + contiguity * cont + language * same + social * soc
    y = rng.poisson(np.exp(eta))
    idx = pd.MultiIndex.from_arrays([units[i], units[j]], names=["a", "b"])
    return pd.DataFrame({"collaborations": y.astype(float), "distance_km": d, "log_distance": logd,
                         "contiguity": cont, "common_language": same,
                         "prior_collaborations": prior.astype(float), "social": soc}, index=idx)


# ---------------------------------------------------------------------------
# Co-location of related industries
# ---------------------------------------------------------------------------


def coagglomeration_relatedness(X: pd.DataFrame, links: pd.DataFrame, *,
                                reference: pd.Series | None = None) -> pd.DataFrame:
    """Coagglomeration of every industry pair next to its relatedness.

    Computes the Ellison-Glaeser-Kerr coagglomeration matrix with
    ``regional_clusters.specialization.coagglomeration`` and joins a
    list of related pairs (e.g. the cluster links of Delgado, Porter and
    Stern 2016 from :func:`regional_clusters.data.load_cluster_links`).

    Parameters
    ----------
    X : pandas.DataFrame
        Region x industry counts (e.g. employment of 917 areas x clusters).
    links : pandas.DataFrame
        Related pairs with columns ``cluster_code`` and
        ``related_cluster_code`` (labels of ``X``'s columns), optionally
        ``related_percentage``. Direction is ignored.
    reference : pandas.Series, optional
        Region weights passed to ``coagglomeration``.

    Returns
    -------
    pandas.DataFrame
        One row per unordered industry pair ``(a, b)`` (``a`` before ``b``
        in the column order of ``X``) with ``coagglomeration``, ``related``
        (bool) and, if given in ``links``, ``related_percentage`` (missing
        for unrelated pairs and links without statistics).

    Raises
    ------
    ValueError
        Bad counts (see ``coagglomeration``), missing link columns, or a link
        naming an industry that is not a column of ``X``.

    References
    ----------
    Ellison, G., Glaeser, E. L. and Kerr, W. R. (2010). What causes industry
    agglomeration? Evidence from coagglomeration patterns. American Economic
    Review 100(3), 1195-1213.
    Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of
    related industries. Journal of Economic Geography 16(1), 1-38.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [8, 2, 0], "b": [6, 4, 0], "c": [0, 2, 8]},
    ...                  index=["r1", "r2", "r3"])
    >>> links = pd.DataFrame({"cluster_code": ["a"], "related_cluster_code": ["b"]})
    >>> t = coagglomeration_relatedness(X, links)
    >>> t["related"].tolist()
    [True, False, False]
    """
    from .specialization import coagglomeration

    if not isinstance(links, pd.DataFrame) or not {"cluster_code", "related_cluster_code"} <= set(links.columns):
        raise ValueError("links must be a DataFrame with columns 'cluster_code' and 'related_cluster_code'")
    C = coagglomeration(X, reference=reference)
    cols = C.columns
    for c in pd.concat([links["cluster_code"], links["related_cluster_code"]]):
        if c not in cols:
            raise ValueError(f"link names industry {c!r}, which is not a column of X")
    i, j = _pairs(cols)
    idx = pd.MultiIndex.from_arrays([cols[i], cols[j]], names=["a", "b"])
    out = pd.DataFrame({"coagglomeration": C.to_numpy()[i, j]}, index=idx)
    pos = {c: k for k, c in enumerate(cols)}
    keys = [(cols[min(pos[u], pos[v])], cols[max(pos[u], pos[v])])
            for u, v in zip(links["cluster_code"], links["related_cluster_code"])]
    out["related"] = out.index.isin(keys)
    if "related_percentage" in links.columns:
        rp = pd.Series(links["related_percentage"].to_numpy(dtype=float), index=pd.MultiIndex.from_tuples(keys))
        rp = rp.groupby(level=[0, 1]).max()
        out["related_percentage"] = rp.reindex(out.index).to_numpy()
    return out


# ---------------------------------------------------------------------------
# Local buzz and global pipelines
# ---------------------------------------------------------------------------


def partner_shares(participations: pd.DataFrame, *, by="country", place: str = "country") -> pd.DataFrame:
    r"""Domestic and international partners of participations, by group.

    In a project with :math:`n_p` participating organisations, of which
    :math:`n_{pc}` come from country :math:`c`, each participant from
    :math:`c` has :math:`n_{pc} - 1` domestic and :math:`n_p - n_{pc}`
    international partners. The counts are summed over the participations
    of each group and turned into shares (which sum to one).

    Parameters
    ----------
    participations : pandas.DataFrame
        Columns ``project_id``, ``org_id``, ``place`` and the ``by``
        columns. An organisation listed twice in a project counts once.
    by : str or list of str, default "country"
        Grouping columns (e.g. ``"country"``, ``"country_group"``,
        ``"actor_group"``, ``"field"``).
    place : str, default "country"
        The column that defines "domestic".

    Returns
    -------
    pandas.DataFrame
        Indexed by group with ``domestic`` and ``international`` (partner
        counts), ``partners`` (their sum), ``domestic_share`` and
        ``international_share`` (summing to one), ``random_domestic_share``
        and ``home_bias``. Groups without any partner (only
        single-participant projects) are left out.

    Notes
    -----
    The benchmark ``random_domestic_share`` is the domestic share expected
    if the place labels were shuffled across all participations, keeping
    the project sizes: a participant from :math:`c` in a project of size
    :math:`n_p` then has :math:`(n_p - 1)(N_c - 1)/(N - 1)` domestic
    partners on average (hypergeometric draws), with :math:`N_c` the
    participations from :math:`c` and :math:`N` all participations.
    ``home_bias`` = observed / expected domestic share; 1 means no
    preference for partners at home.

    Raises
    ------
    ValueError
        Not a DataFrame, empty, or missing columns.

    References
    ----------
    Bathelt, H., Malmberg, A. and Maskell, P. (2004). Clusters and
    knowledge: local buzz, global pipelines and the process of knowledge
    creation. Progress in Human Geography 28(1), 31-56.

    Examples
    --------
    >>> P = pd.DataFrame({"project_id": [1, 1, 1], "org_id": [10, 11, 12],
    ...                   "country": ["DE", "DE", "FR"]})
    >>> partner_shares(P)[["domestic", "international", "international_share"]]
             domestic  international  international_share
    country
    DE            2.0            2.0             0.500000
    FR            0.0            2.0             1.000000
    """
    by = [by] if isinstance(by, str) else list(by)
    P = _check_participations(participations, ["project_id", "org_id", place] + by)
    P = P.drop_duplicates(["project_id", "org_id"])
    P = P[P[place].notna()]
    n_p = P.groupby("project_id")["org_id"].transform("size").to_numpy(dtype=float)
    n_pc = P.groupby(["project_id", place], observed=True)["org_id"].transform("size").to_numpy(dtype=float)
    N = float(len(P))
    N_c = P.groupby(place, observed=True)["org_id"].transform("size").to_numpy(dtype=float)
    t = P[by].copy()
    t["domestic"] = n_pc - 1
    t["international"] = n_p - n_pc
    t["_expected"] = (n_p - 1) * (N_c - 1) / max(N - 1, 1.0)
    g = t.groupby(by, observed=True)[["domestic", "international", "_expected"]].sum()
    g["partners"] = g["domestic"] + g["international"]
    g = g[g["partners"] > 0]
    g["domestic_share"] = g["domestic"] / g["partners"]
    g["international_share"] = g["international"] / g["partners"]
    g["random_domestic_share"] = g.pop("_expected") / g["partners"]
    g["home_bias"] = g["domestic_share"] / g["random_domestic_share"]
    return g


def _check_graph(G, attrs, weight) -> None:
    check_graph(G, directed=False, weight=weight)
    if G.number_of_edges() == 0:
        raise ValueError("G has no edges")
    for attr in attrs:
        if attr is not None:
            check_graph(G, group=attr, weight=None)


def tie_shares(G: nx.Graph, *, country: str = "country", region: str | None = None,
               weight: str | None = "weight", by: str | None = None) -> pd.DataFrame:
    r"""Shares of local, national and international ties ("buzz" and "pipelines").

    Every tie of a node is classified by where its partner sits: in the same
    region (``local``), in another region of the same country (``national``;
    without ``region`` all same-country ties), or abroad (``international``).
    Shares are tie weights divided by the node's strength, so each row sums
    to one; with ``by`` the weights are summed over the nodes of each group
    first.

    Parameters
    ----------
    G : networkx.Graph
        Undirected network whose nodes carry a ``country`` attribute (and a
        ``region`` attribute if given), e.g. from
        ``regional_clusters.networks.coparticipation_network``.
    country, region : str
        Node attribute names. ``region`` is optional.
    weight : str or None, default "weight"
        Edge attribute with tie strength; ``None`` counts ties. Edges lacking
        the attribute count 1.
    by : str, optional
        Node attribute to aggregate by (e.g. ``"group"``, ``"country"``).

    Returns
    -------
    pandas.DataFrame
        One row per node (or group) with the columns ``local`` (only with
        ``region``), ``national``, ``international`` (shares summing to 1)
        and ``strength``. Isolated nodes are left out.

    Raises
    ------
    ValueError
        Not an undirected graph, no edges, a node without a needed
        attribute, or a negative weight.

    References
    ----------
    Bathelt, H., Malmberg, A. and Maskell, P. (2004). Clusters and
    knowledge: local buzz, global pipelines and the process of knowledge
    creation. Progress in Human Geography 28(1), 31-56.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_nodes_from([(1, {"country": "DE"}), (2, {"country": "DE"}), (3, {"country": "FR"})])
    >>> G.add_edges_from([(1, 2, {"weight": 3}), (1, 3, {"weight": 1})])
    >>> tie_shares(G).loc[1, ["national", "international"]].tolist()
    [0.75, 0.25]
    """
    _check_graph(G, (country, region, by), weight)
    ctry = nx.get_node_attributes(G, country)
    reg = nx.get_node_attributes(G, region) if region is not None else None
    grp = nx.get_node_attributes(G, by) if by is not None else None
    cats = (["local"] if region is not None else []) + ["national", "international"]
    rows = {}
    for u, v, data in G.edges(data=True):
        w = 1.0 if weight is None else float(data.get(weight, 1.0))
        if ctry[u] != ctry[v]:
            cat = "international"
        elif reg is not None and reg[u] == reg[v]:
            cat = "local"
        else:
            cat = "national"
        for n in (u, v):
            key = grp[n] if grp is not None else n
            r = rows.setdefault(key, dict.fromkeys(cats, 0.0))
            r[cat] += w
    out = pd.DataFrame.from_dict(rows, orient="index", columns=cats)
    out.index.name = by if by is not None else "node"
    out["strength"] = out[cats].sum(axis=1)
    out = out[out["strength"] > 0]
    out[cats] = out[cats].div(out["strength"], axis=0)
    return out


def boundary_spanners(G: nx.Graph, *, country: str = "country", weight: str | None = "weight") -> pd.DataFrame:
    """Who spans the national boundary: domestic and foreign ties per node.

    Parameters
    ----------
    G : networkx.Graph
        Undirected network with a ``country`` node attribute.
    country : str, default "country"
    weight : str or None, default "weight"

    Returns
    -------
    pandas.DataFrame
        One row per non-isolated node: ``degree``, ``strength``,
        ``international_share`` (of strength), ``foreign_countries``
        (number of other countries among its partners) and ``role``:
        ``"domestic only"``, ``"international only"`` or ``"spanner"`` (ties
        both at home and abroad: a gatekeeper between local buzz and global
        pipelines).

    Raises
    ------
    ValueError
        Not an undirected graph, no edges, or a node without ``country``.

    References
    ----------
    Bathelt, H., Malmberg, A. and Maskell, P. (2004). Clusters and
    knowledge: local buzz, global pipelines and the process of knowledge
    creation. Progress in Human Geography 28(1), 31-56.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_nodes_from([(1, {"country": "DE"}), (2, {"country": "DE"}), (3, {"country": "FR"})])
    >>> G.add_edges_from([(1, 2), (1, 3)])
    >>> boundary_spanners(G, weight=None)["role"].to_dict()
    {1: 'spanner', 2: 'domestic only', 3: 'international only'}
    """
    _check_graph(G, (country,), weight)
    ctry = nx.get_node_attributes(G, country)
    rec = {}
    for n in G.nodes:
        dom = intl = 0.0
        foreign = set()
        deg = 0
        for m, data in G[n].items():
            deg += 1
            w = 1.0 if weight is None else float(data.get(weight, 1.0))
            if ctry[m] == ctry[n]:
                dom += w
            else:
                intl += w
                foreign.add(ctry[m])
        if deg == 0:
            continue
        role = "spanner" if dom > 0 and intl > 0 else ("international only" if intl > 0 else "domestic only")
        s = dom + intl
        rec[n] = {"degree": deg, "strength": s, "international_share": intl / s if s > 0 else 0.0,
                  "foreign_countries": len(foreign), "role": role}
    out = pd.DataFrame.from_dict(rec, orient="index")
    out.index.name = "node"
    return out
