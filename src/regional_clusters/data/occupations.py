"""Employees by Kreis and occupational group, Federal Employment Agency, 2013-2025.

The Bundesagentur fuer Arbeit (BA) counts employees on 30 June of each year
by the Kreis of their workplace (or residence) and their occupation, coded
in the 3-digit groups (Berufsgruppen) of the German classification of
occupations KldB 2010. The R data package badata (RegioHub) packages a
special tabulation of these counts; the mirror pins it. One row of the
source is a Kreis x occupational group x year x employment type x group of
persons; about 4 % of the cells of employees subject to social insurance are
suppressed by the BA for confidentiality (small counts, and cells from which
a small one could be recovered).

Suppressed cells stay missing here (never zero): :func:`load_ba_occupations`
returns them as ``<NA>`` with a ``suppressed`` flag, and
:func:`field_employment` sums the reported cells of a field and counts the
suppressed ones beside the sum, so that every total says how much it leaves
out.

The parse of the 4.4-million-row R file is done once and cached as Parquet
in the cache folder, keyed by the file's checksum (like
the other loaders of ``regional_clusters.data``).
"""

from __future__ import annotations

import functools

import pandas as pd

from .loaders import _parsed, _read_rds, coding_table

__all__ = [
    "BA_YEARS",
    "load_ba_occupations",
    "load_occupation_codes",
    "occupation_fields",
    "field_employment",
    "kreis_names",
    "UNKNOWN_OCCUPATION",
]

#: Years (30 June) covered by the BA tabulation.
BA_YEARS = tuple(range(2013, 2026))

_PLACES = {"workplace": "ba_occupations/employees_by_workplace.rda",
           "residence": "ba_occupations/employees_by_residence.rda"}
_EMPLOYMENT = ("social insurance", "marginal part-time")
_GROUPS = ("total", "foreigners", "women")
#: Code given to employees without information on their occupation.
UNKNOWN_OCCUPATION = "unknown"


def _tidy_ba(raw: pd.DataFrame) -> pd.DataFrame:
    occ = raw["occupational_group"].astype("object").where(raw["occupational_group"].notna(), UNKNOWN_OCCUPATION)
    n = pd.to_numeric(raw["n"], errors="coerce")
    frame = pd.DataFrame({
        "kreis": raw["region"].astype(str).str.zfill(5),
        "occupational_group": occ.astype(str),
        "year": raw["year"].astype("int16"),
        "employment": raw["type"].astype(str),
        "group": raw["group"].astype(str),
        "employees": n.astype("Float64").round().astype("Int64"),
    })
    for col in ("kreis", "occupational_group", "employment", "group"):
        frame[col] = frame[col].astype("category")
    return frame


@_parsed("ba_employees_workplace", (_PLACES["workplace"],))
def _ba_workplace(path):
    return _tidy_ba(_read_rds(path))


@_parsed("ba_employees_residence", (_PLACES["residence"],))
def _ba_residence(path):
    return _tidy_ba(_read_rds(path))


@_parsed("ba_occupation_codes", ("ba_occupations/occupational_group_codes.rda",))
def _ba_codes(path):
    raw = _read_rds(path)
    code = raw["code"].astype("object").where(raw["code"].notna(), UNKNOWN_OCCUPATION)
    return pd.DataFrame({"occupational_group": code.astype(str), "name_de": raw["name"].astype(str)})


@_parsed("ba_region_codes", ("ba_occupations/region_codes.rda",))
def _ba_regions(path):
    raw = _read_rds(path)
    return pd.DataFrame({"kreis": raw["code"].astype(str).str.zfill(5), "name": raw["name"].astype(str)})


def load_occupation_codes() -> pd.DataFrame:
    """KldB 2010 occupational groups (3 digits) with their German titles.

    Returns
    -------
    pandas.DataFrame
        Columns ``occupational_group`` (str, e.g. ``"434"``; ``"unknown"``
        for employees without information on their occupation) and
        ``name_de`` (the BA's abbreviated title).

    Examples
    --------
    >>> codes = load_occupation_codes().set_index("occupational_group")
    >>> codes.loc["434", "name_de"]
    'Softwareentwicklung und Programmierung'
    """
    return _ba_codes()


@functools.lru_cache(maxsize=8)
def _selected(place: str, employment: str, group: str) -> pd.DataFrame:
    full = _ba_workplace() if place == "workplace" else _ba_residence()
    part = full[(full["employment"] == employment) & (full["group"] == group)]
    return part[["kreis", "occupational_group", "year", "employees"]].reset_index(drop=True)


def _harmonise(frame: pd.DataFrame) -> pd.DataFrame:
    """Map Kreis codes to the 2021 vintage; a merged cell is missing if any part is."""
    from .germany import harmonise_kreis_codes

    codes = frame["kreis"].astype(str)
    unique = pd.Index(codes.unique())
    mapping = pd.Series(harmonise_kreis_codes(list(unique)).to_numpy(), index=unique)
    out = frame.assign(kreis=codes.map(mapping))
    targets = mapping[mapping.duplicated(keep=False)].unique()
    if not len(targets):
        return out
    affected = out["kreis"].isin(targets)
    keys = ["kreis", "occupational_group", "year"]
    part = out[affected]
    grouped = part.assign(missing=part["employees"].isna()).groupby(keys, sort=True)
    merged = grouped["employees"].sum(min_count=1).where(~grouped["missing"].any())
    merged = merged.astype("Int64").reset_index()
    return pd.concat([out[~affected], merged], ignore_index=True)


def load_ba_occupations(
    place: str = "workplace",
    *,
    employment: str = "social insurance",
    group: str = "total",
    harmonise: bool = True,
) -> pd.DataFrame:
    """Employees by Kreis, occupational group (KldB 2010) and year, 30 June 2013-2025.

    Parameters
    ----------
    place : {"workplace", "residence"}
        Count employees where they work or where they live.
    employment : {"social insurance", "marginal part-time"}
        Employees subject to social insurance, or marginal part-time
        employees (Minijobs).
    group : {"total", "foreigners", "women"}
    harmonise : bool, default True
        Map the BA's 401 Kreis codes (Eisenach 16056 still separate) to the
        400 Kreise of 31 December 2021 with
        :func:`~regional_clusters.data.harmonise_kreis_codes`;
        counts of merged Kreise are summed, and a merged cell is missing
        (suppressed) if any of its parts is.

    Returns
    -------
    pandas.DataFrame
        One row per Kreis, occupational group and year, sorted, with columns

        - ``kreis`` (str): 5-digit Kreis code (AGS);
        - ``occupational_group`` (str): 3-digit KldB 2010 group, or
          ``"unknown"`` (no information on the occupation);
        - ``year`` (int);
        - ``employees`` (Int64): head count; ``<NA>`` where the BA
          suppressed the cell (never zero-filled);
        - ``suppressed`` (bool): the cell is suppressed.

    Raises
    ------
    ValueError
        An unknown ``place``, ``employment`` or ``group`` (named).

    References
    ----------
    Statistik der Bundesagentur fuer Arbeit: Beschaeftigte nach Berufen
    (KldB 2010), Kreise, Stichtag 30. Juni; via the R package badata
    (RegioHub). Derived figures are own calculations.

    Examples
    --------
    >>> ba = load_ba_occupations()
    >>> int(ba["kreis"].nunique()), int(ba["year"].min()), int(ba["year"].max())
    (400, 2013, 2025)
    """
    if place not in _PLACES:
        raise ValueError(f"place must be one of {sorted(_PLACES)}, got {place!r}")
    if employment not in _EMPLOYMENT:
        raise ValueError(f"employment must be one of {list(_EMPLOYMENT)}, got {employment!r}")
    if group not in _GROUPS:
        raise ValueError(f"group must be one of {list(_GROUPS)}, got {group!r}")
    frame = _selected(place, employment, group).copy()
    frame["kreis"] = frame["kreis"].astype(str)
    frame["occupational_group"] = frame["occupational_group"].astype(str)
    frame["year"] = frame["year"].astype("int64")
    if harmonise:
        frame = _harmonise(frame)
    frame = frame.sort_values(["kreis", "occupational_group", "year"], ignore_index=True)
    frame["suppressed"] = frame["employees"].isna().to_numpy()
    return frame


def occupation_fields() -> pd.DataFrame:
    """The coding table KldB 2010 group -> field of activity, with its rationale.

    Returns
    -------
    pandas.DataFrame
        Columns ``occupational_group`` (3-digit str), ``name_de``, ``field``,
        ``field_kind`` (``"technology"``, ``"primary"``, ``"construction"``,
        ``"business services"``, ``"household and mixed services"``,
        ``"public and social services"``), ``tech_intensity`` (``"high"``,
        ``"medium"``, ``"low"``, ``"unclassified"``) and ``rationale``
        (the Berufshauptgruppe of KldB 2010 and the reason for the field).

    References
    ----------
    Bundesagentur fuer Arbeit (2011). Klassifikation der Berufe 2010.
    Band 1: Systematischer und alphabetischer Teil mit Erlaeuterungen.
    Nuernberg.

    Examples
    --------
    >>> f = occupation_fields().set_index("occupational_group")
    >>> f.loc["434", "field"], f.loc["252", "tech_intensity"]
    ('ICT', 'medium')
    """
    table = coding_table("kldb_fields")
    return table.assign(occupational_group=table["occupational_group"].astype(str).str.zfill(3))


def field_employment(frame: pd.DataFrame | None = None, *, by: str = "field") -> pd.DataFrame:
    """Employees by Kreis, field and year, with the suppressed cells counted.

    Parameters
    ----------
    frame : pandas.DataFrame, optional
        Output of :func:`load_ba_occupations` (default: its defaults).
    by : {"field", "tech_intensity", "field_kind"}
        Column of :func:`occupation_fields` to aggregate to.

    Returns
    -------
    pandas.DataFrame
        One row per Kreis, category and year: ``kreis``, the ``by`` column,
        ``year``, ``employees`` (float: the sum of the reported cells, a
        lower bound where cells are suppressed), ``cells`` (occupational
        groups in the category) and ``suppressed_cells`` (how many of them
        are suppressed). Employees without information on their occupation
        belong to no field and are left out.

    Raises
    ------
    ValueError
        An unknown ``by``, or an occupational group of ``frame`` that the
        coding table does not know (named).

    Examples
    --------
    >>> fe = field_employment()
    >>> sorted(fe.columns)
    ['cells', 'employees', 'field', 'kreis', 'suppressed_cells', 'year']
    >>> int(fe["field"].nunique())
    29
    """
    if by not in ("field", "tech_intensity", "field_kind"):
        raise ValueError(f"by must be 'field', 'tech_intensity' or 'field_kind', got {by!r}")
    if frame is None:
        frame = load_ba_occupations()
    for col in ("kreis", "occupational_group", "year", "employees"):
        if col not in frame.columns:
            raise ValueError(f"frame has no column {col!r}; pass the output of load_ba_occupations")
    known = frame[frame["occupational_group"] != UNKNOWN_OCCUPATION]
    table = occupation_fields().set_index("occupational_group")[by]
    category = known["occupational_group"].map(table)
    if category.isna().any():
        bad = known.loc[category.isna(), "occupational_group"].iloc[0]
        raise ValueError(f"occupational group {bad!r} is not in the coding table kldb_fields")
    work = pd.DataFrame({
        "kreis": known["kreis"].to_numpy(),
        by: category.to_numpy(),
        "year": known["year"].to_numpy(),
        "employees": known["employees"].astype("float64").fillna(0.0).to_numpy(),
        "suppressed": known["employees"].isna().to_numpy().astype("int64"),
    })
    out = work.groupby(["kreis", by, "year"], sort=True).agg(
        employees=("employees", "sum"), cells=("suppressed", "size"), suppressed_cells=("suppressed", "sum"),
    ).reset_index()
    out["cells"] = out["cells"].astype("int64")
    out["suppressed_cells"] = out["suppressed_cells"].astype("int64")
    return out


def kreis_names() -> pd.Series:
    """Names of the BA's 401 Kreis codes (source vintage), indexed by code.

    Returns
    -------
    pandas.Series

    Examples
    --------
    >>> kreis_names()["09162"]
    'München, Landeshauptstadt'
    """
    return _ba_regions().set_index("kreis")["name"]


