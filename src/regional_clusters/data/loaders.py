"""Loaders: one per dataset, each returning a tidy, typed DataFrame.

Slow parses (R data files, the 569,000-row CBP table) are done once and the
result is kept as a Parquet file in the cache folder, keyed by the source's
checksum, so later loads read columnar data instead of re-parsing R files.
"""

from __future__ import annotations

import functools
import warnings
from importlib import resources
from pathlib import Path
from typing import Callable, NamedTuple

import numpy as np
import pandas as pd

from .fetch import cache_dir, fetch
from .registry import get_source

__all__ = [
    "load_cluster_mapping",
    "load_cluster_definitions",
    "load_subclusters",
    "load_cluster_links",
    "load_cbp_2019",
    "load_uspto_patents",
    "load_eurostat_nuts2",
    "load_h2020",
    "load_us_state_incomes",
    "load_mexico_states",
    "load_multiplex",
    "read_mpx",
    "Multiplex",
    "coding_table",
    "EUROSTAT_INDICATORS",
]

# Bump when a parser changes so that stale parsed caches are not reused.
_PARSER_VERSION = "1"


def coding_table(name: str) -> pd.DataFrame:
    """Read one of the project's coding tables shipped with the package.

    Parameters
    ----------
    name : str
        File stem in ``regional_clusters/data/tables``, e.g.
        ``"h2020_actor_groups"``. Each file starts with comment lines that
        give its source and rationale.

    Examples
    --------
    >>> coding_table("h2020_actor_groups").set_index("type").loc["PRC", "actor_group"]
    'Economic actors'
    """
    path = resources.files("regional_clusters.data") / "tables" / f"{name}.csv"
    if not path.is_file():
        known = sorted(p.name[:-4] for p in (resources.files("regional_clusters.data") / "tables").iterdir())
        raise ValueError(f"no coding table {name!r}; known tables: {known}")
    with path.open(encoding="utf-8") as fh:
        return pd.read_csv(fh, comment="#")


def _parsed(name: str, keys: tuple[str, ...]) -> Callable:
    """Cache a parser's DataFrame as Parquet, keyed by the sources' checksums."""

    def decorate(parse: Callable[..., pd.DataFrame]) -> Callable[[], pd.DataFrame]:
        @functools.wraps(parse)
        def load() -> pd.DataFrame:
            tag = "-".join(get_source(k).sha256[:12] for k in keys)
            target = cache_dir() / "parsed" / f"{name}-{tag}-v{_PARSER_VERSION}.parquet"
            if target.exists():
                return pd.read_parquet(target)
            frame = parse(*(fetch(k) for k in keys))
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".tmp")
            frame.to_parquet(tmp, index=False)
            tmp.replace(target)
            return frame

        return load

    return decorate


def _read_rds(path: Path) -> pd.DataFrame:
    import pyreadr

    return next(iter(pyreadr.read_r(str(path)).values()))


def _read_r_list(path: Path):
    import rdata

    with warnings.catch_warnings():
        # data.table objects are plain data frames for our purposes
        warnings.simplefilter("ignore", UserWarning)
        return rdata.read_rds(str(path))


def _scalar(value):
    """First element of the length-one vectors that R lists are made of."""
    return value[0] if isinstance(value, np.ndarray) else value


# --------------------------------------------------------------------------
# U.S. Cluster Mapping 2016


def _tidy_cluster_mapping(raw: pd.DataFrame) -> pd.DataFrame:
    area = raw["region_area_type_t"].astype(str).str.extract(r"^(Metropolitan|Micropolitan)")[0]
    region_type = area.str.lower().fillna(raw["region_type_t"].astype(str))
    frame = pd.DataFrame(
        {
            "region_code": raw["region_code_t"].astype(str),
            "region_name": raw["region_name_t"].astype(str).str.strip(),
            "region_type": region_type.astype("category"),
            "cluster_code": raw["cluster_code_t"].astype("int64"),
            "cluster_name": raw["cluster_name_t"].astype(str),
            "cluster_key": raw["key_t"].astype(str),
            "traded": raw["traded_b"].astype(bool),
            "employment": raw["emp_tl"].astype("int64"),
            "establishments": raw["est_tl"].astype("int64"),
            "payroll": raw["ap_tl"].astype("int64"),
            "wage": raw["private_wage_tf"].astype("float64"),
            "lq": raw["lq_tf"].astype("float64"),
            "strong": raw["strong_b"].astype("boolean"),
        }
    )
    return frame.sort_values(["region_code", "cluster_code"], ignore_index=True)


@_parsed("cluster_mapping_msa", ("uscmp_2016/all_msa_clusters.rds",))
def _cluster_mapping_msa(path):
    return _tidy_cluster_mapping(_read_rds(path))


@_parsed("cluster_mapping_state", ("uscmp_2016/all_states_clusters.rds",))
def _cluster_mapping_state(path):
    return _tidy_cluster_mapping(_read_rds(path))


def load_cluster_mapping(level: str = "msa") -> pd.DataFrame:
    """U.S. Cluster Mapping 2016: region x benchmark cluster, in long form.

    Parameters
    ----------
    level : {"msa", "state"}
        ``"msa"``: the 917 metropolitan and micropolitan statistical areas;
        ``"state"``: the 50 states and the District of Columbia.

    Returns
    -------
    pandas.DataFrame
        One row per region and cluster (67 benchmark clusters, 51 traded and
        16 local), sorted by region and cluster code, with columns

        - ``region_code`` (str): CBSA code or state FIPS code;
        - ``region_name`` (str);
        - ``region_type`` (category): ``"metropolitan"`` (central) or
          ``"micropolitan"`` (small-town, peripheral) for areas, ``"state"``;
        - ``cluster_code`` (int), ``cluster_name`` (str), ``cluster_key`` (str);
        - ``traded`` (bool): traded cluster (True) or local cluster (False);
        - ``employment`` (int): employees, with the Project's estimates for
          cells suppressed in County Business Patterns;
        - ``establishments`` (int);
        - ``payroll`` (int): annual payroll in thousands of US dollars;
        - ``wage`` (float): average annual private wage in US dollars;
        - ``lq`` (float): employment location quotient computed by the Project;
        - ``strong`` (boolean, nullable): the Project's "strong cluster" flag
          for traded clusters, missing for local clusters.

    Raises
    ------
    ValueError
        If ``level`` is not ``"msa"`` or ``"state"``.

    References
    ----------
    Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of
    related industries. Journal of Economic Geography, 16(1), 1-38.
    """
    if level == "msa":
        return _cluster_mapping_msa()
    if level == "state":
        return _cluster_mapping_state()
    raise ValueError(f"level must be 'msa' or 'state', got {level!r}")


@_parsed("cluster_definitions", ("uscmp_2016/cluster_data.Rds",))
def _cluster_definitions(path):
    raw = _read_r_list(path)["clusters_list"]
    rows = []
    for cluster in raw.values():
        code = int(_scalar(cluster["cluster_code_t"]))
        for vintage in (2012, 2007, 2002, 1997):
            for naics, title in cluster[f"naics_{vintage}"].items():
                rows.append(
                    (vintage, str(naics), str(_scalar(title)).strip(), code,
                     str(_scalar(cluster["name_t"])), bool(_scalar(cluster["traded_b"])))
                )
    frame = pd.DataFrame(
        rows, columns=["naics_vintage", "naics_code", "naics_title", "cluster_code", "cluster_name", "traded"]
    )
    return frame.sort_values(["naics_vintage", "naics_code"], ignore_index=True)


def load_cluster_definitions(vintage: int | None = 2012) -> pd.DataFrame:
    """Benchmark cluster definitions: six-digit NAICS industry -> cluster.

    Parameters
    ----------
    vintage : {2012, 2007, 2002, 1997} or None
        NAICS vintage; ``None`` returns all four.

    Returns
    -------
    pandas.DataFrame
        Columns ``naics_vintage`` (int), ``naics_code`` (str, six digits),
        ``naics_title`` (str), ``cluster_code`` (int), ``cluster_name`` (str),
        ``traded`` (bool). Each industry belongs to exactly one cluster.

    Notes
    -----
    The published file lists the sub-clusters of each cluster by name
    (:func:`load_subclusters`) but does not say which industries form each
    sub-cluster, so the industry mapping stops at the cluster level.

    References
    ----------
    Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of
    related industries. Journal of Economic Geography, 16(1), 1-38.
    """
    frame = _cluster_definitions()
    if vintage is None:
        return frame
    if vintage not in (2012, 2007, 2002, 1997):
        raise ValueError(f"vintage must be 2012, 2007, 2002, 1997 or None, got {vintage!r}")
    return frame[frame["naics_vintage"] == vintage].reset_index(drop=True)


@_parsed("subclusters", ("uscmp_2016/cluster_data.Rds",))
def _subclusters(path):
    raw = _read_r_list(path)["clusters_list"]
    rows = [
        (int(_scalar(c["cluster_code_t"])), str(_scalar(c["name_t"])), int(num), str(_scalar(name)).strip())
        for c in raw.values()
        for num, name in c["sub_clusters"].items()
    ]
    frame = pd.DataFrame(rows, columns=["cluster_code", "cluster_name", "subcluster_number", "subcluster_name"])
    return frame.sort_values(["cluster_code", "subcluster_number"], ignore_index=True)


def load_subclusters() -> pd.DataFrame:
    """Sub-clusters of each benchmark cluster.

    Returns
    -------
    pandas.DataFrame
        Columns ``cluster_code`` (int), ``cluster_name`` (str),
        ``subcluster_number`` (int, within the cluster), ``subcluster_name`` (str).
    """
    return _subclusters()


@_parsed("cluster_links", ("uscmp_2016/cluster_edges.Rds",))
def _cluster_links(path):
    raw = _read_r_list(path)
    frame = pd.DataFrame([{k: _scalar(v) for k, v in edge.items()} for edge in raw.values()])
    names = _cluster_definitions().drop_duplicates("cluster_code").set_index("cluster_code")["cluster_name"]
    # 27 of the 115 links carry only their end points, no statistics
    out = pd.DataFrame(
        {
            "cluster_code": frame["from"].astype("int64"),
            "related_cluster_code": frame["to"].astype("int64"),
        }
    )
    out["cluster_name"] = out["cluster_code"].map(names)
    out["related_cluster_name"] = out["related_cluster_code"].map(names)
    for col in ("related_percentage", "related_avg", "related_min"):
        out[col] = frame[col].astype("float64")
    for col in ("related_90", "related_i20_90", "related_i20_90_min"):
        out[col] = frame[col].astype("Int64").astype("boolean")
    return out.sort_values(["cluster_code", "related_cluster_code"], ignore_index=True)


def load_cluster_links() -> pd.DataFrame:
    """Links between related benchmark clusters.

    Returns
    -------
    pandas.DataFrame
        One row per undirected link between two related clusters (115 links;
        ``cluster_code`` < ``related_cluster_code`` is not guaranteed), with
        the cluster names and, where published (88 links), the Project's
        relatedness statistics: ``related_percentage`` (share of industry
        pairs across the two clusters that are related, per cent),
        ``related_avg`` and ``related_min`` (average and minimum relatedness
        score) and the boolean criteria ``related_90``, ``related_i20_90`` and
        ``related_i20_90_min`` (thresholds of Delgado, Porter and Stern 2016).
    """
    return _cluster_links()


# --------------------------------------------------------------------------
# County Business Patterns 2019 and USPTO patents


@_parsed("cbp_2019", ("cbp_2019/cbp_cbsa_naics_emp.rda",))
def _cbp_2019(path):
    raw = _read_rds(path)
    suppressed = (raw["EMP"] == 0) & (raw["ESTAB"] > 0)
    frame = pd.DataFrame(
        {
            "cbsa_code": raw["cbsa_code"].astype(str),
            "naics_code": raw["naics_code"].astype(str),
            "naics_level": raw["naics_level"].astype("int8"),
            "employment": raw["EMP"].astype("Int64").mask(suppressed),
            "establishments": raw["ESTAB"].astype("int64"),
            "employment_suppressed": suppressed.astype(bool),
        }
    )
    return frame


def load_cbp_2019() -> pd.DataFrame:
    """County Business Patterns 2019 by core-based statistical area and NAICS.

    Returns
    -------
    pandas.DataFrame
        569,017 rows for 933 metropolitan and micropolitan areas, columns

        - ``cbsa_code`` (str, five digits);
        - ``naics_code`` (str): NAICS 2017, 2 to 6 digits; ``"00"`` is the
          all-industries total;
        - ``naics_level`` (int): number of digits (2 for sectors and the total);
        - ``employment`` (Int64): mid-March employees; **missing (<NA>) where
          the Census Bureau suppressed the figure**, so a suppressed cell is
          never confused with a true zero;
        - ``establishments`` (int): never suppressed;
        - ``employment_suppressed`` (bool).
    """
    return _cbp_2019()


@_parsed("uspto_patents", ("uspto_cbsa/cbsa_uspto.csv",))
def _uspto(path):
    raw = pd.read_csv(path)
    return pd.DataFrame(
        {
            "cbsa_code": raw["cbsa_code"].astype(int).astype(str).str.zfill(5),
            "cbsa_name": raw["cbsa_name"].astype(str),
            "year": raw["year"].astype("int64"),
            "patents": raw["patents_issued"].astype("int64"),
        }
    ).sort_values(["cbsa_code", "year"], ignore_index=True)


def load_uspto_patents() -> pd.DataFrame:
    """Utility patents granted by CBSA of the first inventor, 2000-2015.

    Returns
    -------
    pandas.DataFrame
        Columns ``cbsa_code`` (str, five digits), ``cbsa_name`` (str),
        ``year`` (int) and ``patents`` (int, totals without technology
        breakdown).
    """
    return _uspto()


# --------------------------------------------------------------------------
# Eurostat regional indicators

#: Short names, Eurostat table codes and units of the regional indicators.
EUROSTAT_INDICATORS = pd.DataFrame(
    [
        ("gdp", "tgs00003", "MIO_EUR", "Gross domestic product at current market prices, million euro"),
        ("population", "tgs00096", "NR", "Population on 1 January, persons"),
        ("patents", "tgs00040", "P_MHAB", "EPO patent applications by priority year, per million inhabitants"),
        ("unemployment", "tgs00010", "PC", "Unemployment rate, persons aged 15 and over, per cent of the labour force"),
        ("household_income", "tgs00026", "PPS_HAB", "Disposable income of private households, PPS per inhabitant"),
    ],
    columns=["indicator", "table", "unit", "description"],
)


@_parsed("eurostat", ("eurostat_nuts2/eu_all_geo_data.rds",))
def _eurostat(path):
    raw = _read_rds(path)
    raw = raw[raw["input_var_code"].astype(str).isin(EUROSTAT_INDICATORS["table"])]
    # unemployment is published by sex: keep the total
    raw = raw[raw["sex"].isna() | (raw["sex"].astype(str) == "T")]
    meta = EUROSTAT_INDICATORS.set_index("table")
    table = raw["input_var_code"].astype(str)
    geo = raw["geo"].astype(str)
    frame = pd.DataFrame(
        {
            "geo": geo,
            "nuts_level": (geo.str.len() - 2).astype("int8"),
            "country": geo.str[:2],
            "year": raw["time"].astype(str).astype("int64"),
            "indicator": table.map(meta["indicator"]),
            "value": raw["values"].astype("float64"),
            "unit": raw["unit"].astype(str),
            "table": table,
        }
    ).dropna(subset=["value"])
    return frame.sort_values(["indicator", "geo", "year"], ignore_index=True)


def load_eurostat_nuts2(level: int | None = 2) -> pd.DataFrame:
    """Eurostat regional indicators for NUTS regions, in long form.

    Parameters
    ----------
    level : {2, 0} or None
        NUTS level to keep (2: regions, 0: countries); ``None`` keeps both.

    Returns
    -------
    pandas.DataFrame
        Columns ``geo`` (NUTS code), ``nuts_level`` (int), ``country`` (the
        two-letter prefix; Eurostat writes ``EL`` for Greece and ``UK`` for the
        United Kingdom), ``year`` (int), ``indicator`` (one of
        :data:`EUROSTAT_INDICATORS`: gdp, population, patents, unemployment,
        household_income), ``value`` (float), ``unit`` (Eurostat unit code)
        and ``table`` (Eurostat table code). Missing observations are dropped.

    Examples
    --------
    >>> EUROSTAT_INDICATORS.set_index("indicator").loc["gdp", "unit"]
    'MIO_EUR'
    """
    frame = _eurostat()
    if level is None:
        return frame
    if level not in (0, 2):
        raise ValueError(f"level must be 0, 2 or None, got {level!r}")
    return frame[frame["nuts_level"] == level].reset_index(drop=True)


# --------------------------------------------------------------------------
# Horizon 2020


@_parsed("h2020", ("h2020/h2020.csv.gz", "h2020/programme_parts.csv.gz"))
def _h2020(path, parts_path):
    raw = pd.read_csv(path)
    parts = pd.read_csv(parts_path)
    known = coding_table("h2020_programme_parts").set_index("programme_part")
    unknown = sorted(set(parts["programme_part"]) - set(known.index))
    if unknown:
        raise ValueError(f"programme parts without a coding: {unknown}")
    parts = parts.assign(priority=parts["programme_part"].map(known["priority"]))
    parts = parts.sort_values(["rcn", "priority", "programme_part"])
    per_project = parts.groupby("rcn").agg(
        field=("programme_part", "first"),
        programme_parts=("programme_part", "+".join),
    )
    groups = coding_table("h2020_actor_groups").set_index("type")["actor_group"]
    frame = pd.DataFrame(
        {
            "project_id": raw["rcn"].astype("int64"),
            "org_id": raw["pic"].astype("int64"),
            "role": raw["role"].astype("category"),
            "org_type": raw["type"].astype("category"),
            "actor_group": raw["type"].map(groups).astype("category"),
            "country": raw["country"].astype("category"),
            "country_group": raw["group"].astype("category"),
            "contribution": raw["contribution"].astype("float64"),
            "project_cost": raw["total_cost"].astype("float64"),
            "project_contribution": raw["max_contribution"].astype("float64"),
            "start_date": pd.to_datetime(raw["start_date"], errors="coerce"),
            "end_date": pd.to_datetime(raw["end_date"], errors="coerce"),
            "start_year": raw["start_year"].astype("Int64"),
            "duration": raw["duration"].astype("float64"),
        }
    )
    frame = frame.join(per_project, on="project_id")
    frame["pillar"] = frame["field"].map(known["pillar"]).astype("category")
    frame["field"] = frame["field"].astype("category")
    return frame


def load_h2020() -> pd.DataFrame:
    """Horizon 2020 participations joined to programme parts.

    Returns
    -------
    pandas.DataFrame
        144,726 rows, one per organisation in a project, with columns

        - ``project_id`` (int): CORDIS record number (rcn) of the project;
        - ``org_id`` (int): participant identification code (PIC);
        - ``role`` (category): coordinator, participant or partner;
        - ``org_type`` (category): PRC, HES, REC, PUB, OTH (CORDIS codes);
        - ``actor_group`` (category): the lighthouse paper's actor group, from
          the coding table ``h2020_actor_groups``;
        - ``country`` (category, ISO-like two-letter code, ``EL`` for Greece,
          ``UK`` for the United Kingdom), ``country_group`` (category: eu15,
          eu13, ac associated countries, tc third countries);
        - ``contribution`` (float): EU contribution to this participant, euro;
        - ``project_cost``, ``project_contribution`` (float): the project's
          total cost and total EU contribution, euro;
        - ``start_date``, ``end_date`` (datetime), ``start_year`` (Int64),
          ``duration`` (float, months);
        - ``field`` (category): the project's primary programme part, chosen
          by the priority rule in ``h2020_programme_parts``; missing for the
          0.3 per cent of participations whose project has no programme part;
        - ``programme_parts`` (str): all parts of the project joined by ``+``;
        - ``pillar`` (category): the Horizon 2020 pillar of ``field``.
    """
    return _h2020()


# --------------------------------------------------------------------------
# Data shipped inside packages


def _package_dir(package: str) -> Path:
    """Folder of an installed package, found without importing it (libpysal's
    import takes seconds and is not needed to read its example files)."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"package {package!r} is not installed; pip install {package}")
    return Path(next(iter(spec.submodule_search_locations)))


def _libpysal_example(folder: str, name: str) -> Path:
    return _package_dir("libpysal") / "examples" / folder / name


def load_us_state_incomes() -> pd.DataFrame:
    """Per-capita personal income of the 48 contiguous US states, 1929-2009.

    Shipped with libpysal (``examples/us_income/usjoin.csv``; source: U.S.
    Bureau of Economic Analysis). Nominal US dollars.

    Returns
    -------
    pandas.DataFrame
        Columns ``state`` (str), ``fips`` (int), ``year`` (int), ``income`` (float).

    Examples
    --------
    >>> inc = load_us_state_incomes()
    >>> inc["state"].nunique(), int(inc["year"].min()), int(inc["year"].max())
    (48, 1929, 2009)
    """
    raw = pd.read_csv(_libpysal_example("us_income", "usjoin.csv"))
    long = raw.melt(id_vars=["Name", "STATE_FIPS"], var_name="year", value_name="income")
    return pd.DataFrame(
        {
            "state": long["Name"].astype(str),
            "fips": long["STATE_FIPS"].astype("int64"),
            "year": long["year"].astype("int64"),
            "income": long["income"].astype("float64"),
        }
    ).sort_values(["state", "year"], ignore_index=True)


def load_mexico_states() -> pd.DataFrame:
    """Per-capita GDP of the 32 Mexican states, 1940-2000 (libpysal).

    Returns
    -------
    pandas.DataFrame
        Columns ``state`` (str), ``year`` (int), ``gdp_per_capita`` (float,
        constant 1993 pesos) and ``region`` (int, the INEGI regional grouping
        shipped with the file).
    """
    raw = pd.read_csv(_libpysal_example("mexico", "mexico.csv"))
    cols = [c for c in raw.columns if c.startswith("pcgdp")]
    long = raw.melt(id_vars=["State", "inegi"], value_vars=cols, var_name="year", value_name="gdp")
    return pd.DataFrame(
        {
            "state": long["State"].astype(str),
            "year": long["year"].str[5:].astype("int64"),
            "gdp_per_capita": long["gdp"].astype("float64"),
            "region": long["inegi"].astype("int64"),
        }
    ).sort_values(["state", "year"], ignore_index=True)


class Multiplex(NamedTuple):
    """A multiplex network read from a uunet ``.mpx`` file.

    Three tables: ``actors`` has one row per actor (column ``actor``) with its
    attributes; ``edges`` has columns ``source``, ``target``, ``layer`` and
    any edge attributes; ``layers`` has columns ``layer`` and ``directed``.
    """

    actors: pd.DataFrame
    edges: pd.DataFrame
    layers: pd.DataFrame


def read_mpx(path: str | Path) -> Multiplex:
    """Read a multiplex network in uunet's ``.mpx`` text format.

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    Multiplex

    Raises
    ------
    ValueError
        If an edge line has fewer than three fields.
    """
    sections: dict[str, list[str]] = {}
    current = "#EDGES"  # files without headers hold only edges
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            current = line.upper()
            continue
        sections.setdefault(current, []).append(line)

    def split(rows):
        return [[f.strip() for f in r.split(",")] for r in rows]

    actor_attrs = [a[0] for a in split(sections.get("#ACTOR ATTRIBUTES", []))]
    edge_attrs = [a[0] for a in split(sections.get("#EDGE ATTRIBUTES", []))]
    edge_rows = split(sections.get("#EDGES", []))
    for row in edge_rows:
        if len(row) < 3:
            raise ValueError(f"{path}: edge line {','.join(row)!r} needs source,target,layer")
    edges = pd.DataFrame(
        [r[:3] + r[3:3 + len(edge_attrs)] for r in edge_rows],
        columns=["source", "target", "layer", *edge_attrs],
    )
    layer_rows = split(sections.get("#LAYERS", []))
    if layer_rows:
        layers = pd.DataFrame(
            {"layer": [r[0] for r in layer_rows], "directed": [r[1].upper() == "DIRECTED" for r in layer_rows]}
        )
    else:
        layers = pd.DataFrame({"layer": sorted(edges["layer"].unique()), "directed": False})
    actor_rows = split(sections.get("#ACTORS", []))
    actors = pd.DataFrame(
        [r[:1 + len(actor_attrs)] for r in actor_rows], columns=["actor", *actor_attrs]
    )
    listed = set(actors["actor"])
    extra = sorted((set(edges["source"]) | set(edges["target"])) - listed)
    if extra:
        actors = pd.concat([actors, pd.DataFrame({"actor": extra})], ignore_index=True)
    actors = actors.replace({"NA": pd.NA})
    return Multiplex(actors, edges, layers)


_MPX = {"aucs": "aucs.mpx", "tailorshop": "tailorshop.mpx", "padgett": "florentine.mpx", "florentine": "florentine.mpx"}


def load_multiplex(name: str) -> Multiplex:
    """A real multiplex network shipped with uunet.

    Parameters
    ----------
    name : {"aucs", "tailorshop", "padgett"}
        ``"aucs"``: 61 employees of a university department, five layers
        (work, lunch, leisure, coauthor, facebook; Magnani, Micenkova and
        Rossi 2013); ``"tailorshop"``: Kapferer's tailor shop, instrumental
        and sociational ties at two times; ``"padgett"`` (alias
        ``"florentine"``): Padgett's Florentine families, marriage and business.

    Returns
    -------
    Multiplex

    Examples
    --------
    >>> net = load_multiplex("aucs")
    >>> len(net.actors), sorted(net.layers["layer"])
    (61, ['coauthor', 'facebook', 'leisure', 'lunch', 'work'])
    """
    if name not in _MPX:
        raise ValueError(f"unknown multiplex network {name!r}; choose from {sorted(_MPX)}")
    return read_mpx(_package_dir("uunet") / "data" / _MPX[name])
