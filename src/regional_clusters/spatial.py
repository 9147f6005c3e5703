"""Spatial dependence of regional values, with PySAL doing the statistics.

Neighbours come from boundaries (:func:`contiguity_weights`, libpysal's
queen or rook contiguity), global and local Moran's I from ``esda``. This
module only checks the inputs, aligns labels and returns the results in the
book's shape: observed beside expected, with a permutation p-value of the
form (k + 1) / (B + 1), and LISA quadrants with readable labels.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["contiguity_weights", "moran", "local_moran"]

LISA_LABELS = {1: "high-high", 2: "low-high", 3: "low-low", 4: "high-low"}


def contiguity_weights(geojson: dict, *, id_field: str = "ARS", ids=None, kind: str = "queen"):
    """Contiguity weights between regions that share a boundary (queen) or an edge (rook).

    Parameters
    ----------
    geojson : dict
        FeatureCollection in longitude/latitude, e.g. the German Kreise of
        :func:`regional_clusters.data.load_kreis_boundaries`.
    id_field : str, default "ARS"
        Property holding each region's code.
    ids : sequence, optional
        Keep only these regions (e.g. the 96 Bavarian Kreise), in this order;
        every code must have a boundary.
    kind : {"queen", "rook"}, default "queen"

    Returns
    -------
    libpysal.weights.W
        Row-standardised, ``id_order`` the region codes. Islands (regions
        without a neighbour) are kept and listed in ``w.islands``.

    Raises
    ------
    ValueError
        Unknown ``kind``, a feature without ``id_field``, duplicated codes,
        or codes in ``ids`` with no boundary (named).

    Examples
    --------
    >>> square = lambda x: {"type": "Polygon", "coordinates": [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]}
    >>> gj = {"type": "FeatureCollection", "features": [
    ...     {"type": "Feature", "properties": {"ARS": c}, "geometry": square(x)} for x, c in enumerate("abc")]}
    >>> w = contiguity_weights(gj)
    >>> sorted(w.neighbors["b"]), w.weights["b"]
    (['a', 'c'], [0.5, 0.5])
    """
    import geopandas as gpd
    from libpysal.weights import Queen, Rook

    if kind not in ("queen", "rook"):
        raise ValueError(f"kind must be 'queen' or 'rook', got {kind!r}")
    features = geojson.get("features", [])
    lacking = [k for k, f in enumerate(features) if id_field not in (f.get("properties") or {})]
    if lacking:
        raise ValueError(f"feature {lacking[0]} has no property {id_field!r}")
    frame = gpd.GeoDataFrame.from_features(features)
    frame[id_field] = frame[id_field].astype(str)
    duplicated = frame[id_field][frame[id_field].duplicated()]
    if len(duplicated):
        raise ValueError(f"region code {duplicated.iloc[0]!r} has more than one boundary")
    if ids is not None:
        ids = [str(i) for i in ids]
        missing = sorted(set(ids) - set(frame[id_field]))
        if missing:
            raise ValueError(f"no boundary for region code(s) {missing[:10]} (property {id_field!r})")
        frame = frame.set_index(id_field).loc[ids].reset_index()
    builder = Queen if kind == "queen" else Rook
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # libpysal warns about islands; they are reported in w.islands
        w = builder.from_dataframe(frame, ids=frame[id_field].tolist(), use_index=False)
    w.transform = "r"
    return w


def _aligned(values, w, name: str) -> np.ndarray:
    s = pd.Series(values)
    s.index = s.index.astype(str)
    missing = [i for i in w.id_order if str(i) not in s.index]
    if missing:
        raise ValueError(f"{name} has no value for region(s) {missing[:10]} of the weights")
    s = s.loc[[str(i) for i in w.id_order]]
    if s.isna().any():
        raise ValueError(f"{name} is missing for region(s) {list(s.index[s.isna()])[:10]}")
    if not pd.api.types.is_numeric_dtype(s):
        raise ValueError(f"{name} must be numeric")
    return s.to_numpy(float)


def moran(values, w, *, permutations: int = 999, seed=None, name: str = "values") -> pd.Series:
    r"""Global Moran's I with its expectation under spatial randomness.

    .. math:: I = \frac{n}{\sum_{ij} w_{ij}} \frac{\sum_{ij} w_{ij} z_i z_j}{\sum_i z_i^2},
              \qquad E[I] = -\frac{1}{n - 1}

    computed by ``esda.Moran``; the p-value comes from ``permutations``
    random relabellings of the regions, one-sided in the direction of the
    observed value, as (k + 1) / (B + 1).

    Parameters
    ----------
    values : pandas.Series
        One value per region, indexed by the codes of ``w``.
    w : libpysal.weights.W
    permutations : int, default 999
    seed : int, optional
        Seed of the permutations (esda draws from NumPy's global generator,
        which is seeded here and restored afterwards).
    name : str

    Returns
    -------
    pandas.Series
        ``observed``, ``expected``, ``sd`` (of the permutation distribution),
        ``z``, ``p`` and ``permutations``.

    Raises
    ------
    ValueError
        A region of ``w`` without a value, or ``permutations`` below 99.

    References
    ----------
    Moran, P. A. P. (1950). Notes on continuous stochastic phenomena.
    Biometrika 37(1/2), 17-23.

    Examples
    --------
    >>> import libpysal
    >>> w = libpysal.weights.lat2W(5, 5)
    >>> gradient = pd.Series(np.arange(25.0), index=range(25))
    >>> res = moran(gradient, w, seed=1)
    >>> bool(res["observed"] > res["expected"] and res["p"] < 0.01)
    True
    """
    import esda

    if int(permutations) != permutations or permutations < 99:
        raise ValueError(f"permutations must be an integer of at least 99, got {permutations!r}")
    y = _aligned(values, w, name)
    state = np.random.get_state()
    try:
        if seed is not None:
            np.random.seed(seed)
        mi = esda.Moran(y, w, permutations=int(permutations))
    finally:
        np.random.set_state(state)
    sims = mi.sim
    larger = int((sims >= mi.I).sum()) if mi.I >= mi.EI else int((sims <= mi.I).sum())
    return pd.Series({
        "observed": float(mi.I), "expected": float(mi.EI), "sd": float(sims.std()),
        "z": float((mi.I - sims.mean()) / sims.std()), "p": (larger + 1) / (permutations + 1),
        "permutations": int(permutations),
    }, name=name)


def local_moran(values, w, *, permutations: int = 999, alpha: float = 0.05, seed=None,
                name: str = "values") -> pd.DataFrame:
    """Local Moran's I (LISA) of each region, with its quadrant.

    Parameters
    ----------
    values : pandas.Series
        One value per region, indexed by the codes of ``w``.
    w : libpysal.weights.W
    permutations : int, default 999
        Conditional permutations per region (``esda.Moran_Local``).
    alpha : float, default 0.05
        Level below which a region's pseudo p-value counts as significant.
        With one test per region, expect ``alpha`` times the number of
        regions to be flagged under spatial randomness.
    seed : int, optional
    name : str

    Returns
    -------
    pandas.DataFrame
        Indexed by region: ``local_i``, ``quadrant`` (high-high, low-high,
        low-low, high-low: the region's value and its neighbours' mean above
        or below average), ``p`` (pseudo p-value, (k + 1) / (B + 1)) and
        ``cluster`` (the quadrant where ``p < alpha``, else
        "not significant").

    Raises
    ------
    ValueError
        A region of ``w`` without a value, ``permutations`` below 99, or
        ``alpha`` outside (0, 1).

    References
    ----------
    Anselin, L. (1995). Local indicators of spatial association - LISA.
    Geographical Analysis 27(2), 93-115.

    Examples
    --------
    >>> import libpysal
    >>> w = libpysal.weights.lat2W(4, 4)
    >>> y = pd.Series([10.0] * 8 + [0.0] * 8, index=range(16))
    >>> lisa = local_moran(y, w, seed=2)
    >>> sorted(lisa["quadrant"].unique())
    ['high-high', 'low-low']
    """
    import esda

    if int(permutations) != permutations or permutations < 99:
        raise ValueError(f"permutations must be an integer of at least 99, got {permutations!r}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha!r}")
    y = _aligned(values, w, name)
    lisa = esda.Moran_Local(y, w, permutations=int(permutations), seed=seed)
    quadrant = pd.Series(lisa.q).map(LISA_LABELS).to_numpy()
    out = pd.DataFrame({"local_i": lisa.Is, "quadrant": quadrant, "p": lisa.p_sim},
                       index=pd.Index([str(i) for i in w.id_order], name="region"))
    out["cluster"] = np.where(out["p"] < alpha, out["quadrant"], "not significant")
    return out
