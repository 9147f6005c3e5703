"""Readers for the real networks of actors: one regional cluster, emergency
response networks with public and private organisations, a law firm and a
firm's managers.

Each reader fetches the pinned, checksum-verified files (see
:func:`~regional_clusters.data.fetch`) and returns networkx graphs with
decoded node attributes, so chapters never see R codes or file quirks.

- :func:`load_kecskemet_2012`: technical-advice ties among the 26 firms of
  the printing and paper cluster of Kecskemét, Hungary, in 2012, with firm
  attributes and geographic and cognitive proximity (Juhász 2021);
- :func:`load_kecskemet_waves`: the same cluster in 2012 and 2015 over 28
  firms, two of which left and two of which entered (Juhász and Lengyel 2018);
- :func:`load_emon`: Drabek et al.'s seven emergent multi-organisational
  search-and-rescue networks, with each organisation's sponsorship;
- :func:`load_lazega`: Lazega's 71 lawyers, advice, friendship and co-work;
- :func:`load_lazega_partners`: the 36 partners' co-work ties as packaged
  in the R package sand;
- :func:`load_krackhardt`: Krackhardt's 21 managers, advice, friendship and
  reports-to.

Directed ties keep the direction of the survey question: an edge
``i -> j`` is ``i``'s report about ``j`` (``i`` asks ``j`` for advice,
names ``j`` as a friend, reports interacting with ``j``).
"""

from __future__ import annotations

import functools
import io
import warnings
from pathlib import Path
from typing import NamedTuple

import networkx as nx
import numpy as np
import pandas as pd

from .fetch import fetch

__all__ = [
    "ClusterNetwork",
    "ClusterWaves",
    "read_matrix_csv",
    "load_kecskemet_2012",
    "load_kecskemet_waves",
    "load_emon",
    "load_lazega",
    "load_lazega_partners",
    "load_krackhardt",
    "EMON_PUBLIC",
]


# --------------------------------------------------------------------------
# Semicolon-separated matrices and tables (the Kecskemét replication files)


def _read_semicolon(path: str | Path) -> pd.DataFrame:
    """A ``;``-separated table with row names in the first column.

    Some replication files were saved with old Mac line endings (``\\r``
    only); they are normalised before parsing so that no row is lost."""
    text = Path(path).read_bytes().decode("utf-8-sig")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    frame = pd.read_csv(io.StringIO(text), sep=";", index_col=0)
    frame.index = frame.index.astype(str).str.strip()
    frame.columns = frame.columns.astype(str).str.strip()
    return frame


def read_matrix_csv(path: str | Path, *, binary: bool = False) -> pd.DataFrame:
    """Read a square actor x actor matrix stored as ``;``-separated text.

    Parameters
    ----------
    path : str or pathlib.Path
        File with a header row of actor labels and one row per actor whose
        first field is the actor's label. Windows (``\\r\\n``), Unix
        (``\\n``) and old Mac (``\\r``) line endings are all read.
    binary : bool, default False
        If True, every value must be 0 or 1 and the diagonal 0 (an
        adjacency matrix without self-ties).

    Returns
    -------
    pandas.DataFrame
        Integer matrix with identical row and column labels.

    Raises
    ------
    ValueError
        If the matrix is not square, row and column labels differ, a label
        is duplicated, a value is missing or not a number, or (with
        ``binary=True``) a value is not 0/1 or an actor is tied to itself;
        the message names the file and the offending label.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "m.csv"
    >>> _ = path.write_bytes(b";A;B\\rA;0;1\\rB;0;0\\r")  # old Mac line endings
    >>> read_matrix_csv(path, binary=True).to_numpy().tolist()
    [[0, 1], [0, 0]]
    """
    frame = _read_semicolon(path)
    name = Path(path).name
    if frame.index.has_duplicates:
        raise ValueError(f"{name}: duplicated row label {frame.index[frame.index.duplicated()][0]!r}")
    if list(frame.index) != list(frame.columns):
        extra = sorted(set(frame.index) ^ set(frame.columns))
        raise ValueError(
            f"{name}: row and column labels differ" + (f" (e.g. {extra[0]!r})" if extra else " in order")
        )
    values = frame.apply(pd.to_numeric, errors="coerce")
    bad = values.isna().any(axis=1)
    if bad.any():
        raise ValueError(f"{name}: missing or non-numeric value in the row of {bad.idxmax()!r}")
    if (values != values.round()).any().any():
        raise ValueError(f"{name}: non-integer value in the row of {(values != values.round()).any(axis=1).idxmax()!r}")
    values = values.astype(int)
    if binary:
        not01 = ~values.isin([0, 1]).all(axis=1)
        if not01.any():
            raise ValueError(f"{name}: value other than 0/1 in the row of {not01.idxmax()!r}")
        loops = np.diag(values.to_numpy()) != 0
        if loops.any():
            raise ValueError(f"{name}: actor {values.index[loops.argmax()]!r} is tied to itself")
    return values


def _digraph_from_matrix(matrix: pd.DataFrame) -> nx.DiGraph:
    G = nx.DiGraph()
    G.add_nodes_from(matrix.index)
    rows, cols = np.nonzero(matrix.to_numpy())
    labels = matrix.index.to_numpy()
    G.add_edges_from(zip(labels[rows], labels[cols]), weight=1.0)
    return G


class ClusterNetwork(NamedTuple):
    """One wave of a cluster's advice network.

    ``graph`` is a directed graph, edge ``i -> j`` when firm ``i`` turns to
    firm ``j`` for technical advice; ``firms`` holds one row per firm (the
    graph's node attributes as a table); ``geo_proximity`` and
    ``cognitive_proximity`` are firm x firm matrices in the graph's order.
    """

    graph: nx.DiGraph
    firms: pd.DataFrame
    geo_proximity: pd.DataFrame
    cognitive_proximity: pd.DataFrame


class ClusterWaves(NamedTuple):
    """Two waves of a cluster's advice network on one set of firms.

    ``graphs`` maps the year to a directed graph over all firms (firms not
    in the cluster that year are isolates with ``present=False``);
    ``present`` is a firm x year table of booleans; ``firms``,
    ``geo_proximity`` and ``cognitive_proximity`` as in
    :class:`ClusterNetwork`.
    """

    graphs: dict
    present: pd.DataFrame
    firms: pd.DataFrame
    geo_proximity: pd.DataFrame
    cognitive_proximity: pd.DataFrame


# Column names of the 2012 firm file -> names used in the book.
_FIRM_COLUMNS_2012 = {
    "years_in_industry": "years_in_industry",
    "employee": "employees",
    "export_vol": "export_share",
    "net_rev_cat": "revenue_class",
    "f_owner": "foreign_owned",
    "external_links": "extra_regional_ties",
    "spinoff": "spinoff",
    "abroad_links": "ties_abroad",
    "main_field": "main_field",
    "petofi_spinoff": "petofi_spinoff",
}
_FLAGS = ("foreign_owned", "spinoff", "petofi_spinoff")


def _check_labels(name: str, frame: pd.DataFrame, labels: pd.Index) -> None:
    missing = sorted(set(labels) - set(frame.index))
    if missing:
        raise ValueError(f"{name}: no row for firm {missing[0]!r}")


def _flags(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    for col in _FLAGS:
        if col in frame:
            if not frame[col].isin([0, 1]).all():
                raise ValueError(f"{name}: column {col!r} must be 0/1, firm {frame.index[~frame[col].isin([0, 1])][0]!r}")
            frame[col] = frame[col].astype(bool)
    return frame


def _set_firm_attributes(G: nx.DiGraph, firms: pd.DataFrame) -> None:
    for col in firms.columns:
        nx.set_node_attributes(G, {k: (v.item() if hasattr(v, "item") else v) for k, v in firms[col].items()}, col)


def load_kecskemet_2012() -> ClusterNetwork:
    """The knowledge network of the Kecskemét printing and paper cluster, 2012.

    Technical-advice ties among the 26 firms of the printing and paper
    product cluster of Kecskemét, Hungary, from a roster survey ("If you are
    in a critical situation and need technical advice, to which of the
    local firms do you turn?"). The replication data of Juhász (2021).

    Returns
    -------
    ClusterNetwork
        ``graph``: 26 firms, 223 directed ties ``i -> j`` (``i`` asks ``j``),
        edge attribute ``weight`` = 1. ``firms`` (index ``firm``):
        ``years_in_industry``, ``employees``, ``export_share`` (% of net
        revenue), ``revenue_class`` (net revenue category, higher = larger),
        ``foreign_owned``, ``extra_regional_ties`` (number of knowledge
        partners outside the region), ``spinoff``, ``ties_abroad`` (knowledge
        partners abroad), ``main_field`` (main activity, a code 1-4 of the
        source), ``petofi_spinoff`` (spin-off of Petőfi Press, the region's
        oldest printing house). ``geo_proximity``: the largest distance
        between two firms of the cluster minus the pair's distance, in km
        (higher = closer). ``cognitive_proximity``: number of leading digits
        shared by the two firms' 4-digit NACE codes (0-4).

    Raises
    ------
    ChecksumError
        If a file does not match its pinned sha256.
    ValueError
        If the files disagree on the firms or a matrix is malformed.

    References
    ----------
    Juhász, S. (2021). Spinoffs and tie formation in cluster knowledge
    networks. Small Business Economics 56(4), 1385-1404.

    Examples
    --------
    >>> net = load_kecskemet_2012()
    >>> net.graph.number_of_nodes(), net.graph.number_of_edges()
    (26, 223)
    """
    advice = read_matrix_csv(fetch("kecskemet_2012/network_data.csv"), binary=True)
    labels = advice.index
    geo = read_matrix_csv(fetch("kecskemet_2012/geo_prox_matrix.csv"))
    cog = read_matrix_csv(fetch("kecskemet_2012/cog_prox_matrix.csv"))
    firms = _read_semicolon(fetch("kecskemet_2012/firm_properties.csv"))
    for name, frame in (("geo_prox_matrix.csv", geo), ("cog_prox_matrix.csv", cog), ("firm_properties.csv", firms)):
        _check_labels(name, frame, labels)
    unknown = sorted(set(firms.columns) - set(_FIRM_COLUMNS_2012))
    if unknown:
        raise ValueError(f"firm_properties.csv: unexpected column {unknown[0]!r}")
    firms = _flags(firms.loc[labels].rename(columns=_FIRM_COLUMNS_2012), "firm_properties.csv")
    firms.index.name = "firm"
    G = _digraph_from_matrix(advice)
    _set_firm_attributes(G, firms)
    return ClusterNetwork(G, firms, geo.loc[labels, labels], cog.loc[labels, labels])


_WAVE_ATTRIBUTES = {
    "age.csv": ("Years in industry", "years_in_industry"),
    "emp.csv": ("employee", "employees"),
    "export.csv": ("export_vol", "export_share"),
    "external_ties.csv": ("external links", "extra_regional_ties"),
    "ownership.csv": ("f_owner", "foreign_owned"),
}


def load_kecskemet_waves() -> ClusterWaves:
    """The Kecskemét cluster's advice network in 2012 and 2015 (28 firms).

    Between the two surveys two firms left the cluster and two entered; the
    replication files keep all 28 firms in both matrices, with the absent
    firms as rows and columns of zeros. A firm counts as present in a year
    unless it is one of the firms that left (no ties at all in 2015 but ties
    in 2012) or entered (no ties in 2012 but ties in 2015).

    Returns
    -------
    ClusterWaves
        ``graphs[2012]`` has 223 ties, ``graphs[2015]`` 181 (the source's
        README says 118; the matrix holds 181). ``present``: firm x year.
        ``firms``: ``years_in_industry``, ``employees``, ``export_share``,
        ``extra_regional_ties``, ``foreign_owned`` (one value per firm, not
        per wave; the source labels them 2012, yet every firm's years in
        industry are three more than in the 26-firm file of
        :func:`load_kecskemet_2012`, and other attributes differ too, so the
        two files were not measured at the same date) and ``core_2012``,
        ``core_2015`` (membership of the core of a core-periphery partition,
        as coded by the source).

    Raises
    ------
    ChecksumError
        If a file does not match its pinned sha256.
    ValueError
        If the files disagree on the firms or a matrix is malformed.

    References
    ----------
    Juhász, S. and Lengyel, B. (2018). Creation and persistence of ties in
    cluster knowledge networks. Journal of Economic Geography 18(6),
    1203-1226.

    Examples
    --------
    >>> waves = load_kecskemet_waves()
    >>> [waves.graphs[y].number_of_edges() for y in (2012, 2015)]
    [223, 181]
    >>> int(waves.present[2012].sum()), int(waves.present[2015].sum())
    (26, 26)
    """
    first = read_matrix_csv(fetch("kecskemet_waves/KNetwork1.csv"), binary=True)
    second = read_matrix_csv(fetch("kecskemet_waves/KNetwork2.csv"), binary=True)
    labels = first.index
    if list(second.index) != list(labels):
        raise ValueError("KNetwork2.csv: the firms differ from KNetwork1.csv")
    geo = read_matrix_csv(fetch("kecskemet_waves/geo_prox_matrix.csv"))
    cog = read_matrix_csv(fetch("kecskemet_waves/cog_prox_matrix.csv"))
    columns = {}
    for file, (source_col, col) in _WAVE_ATTRIBUTES.items():
        frame = _read_semicolon(fetch(f"kecskemet_waves/{file}"))
        _check_labels(file, frame, labels)
        if source_col not in frame:
            raise ValueError(f"{file}: no column {source_col!r}")
        columns[col] = frame.loc[labels, source_col]
    core = _read_semicolon(fetch("kecskemet_waves/core_periphery.csv"))
    _check_labels("core_periphery.csv", core, labels)
    columns["core_2012"] = core.loc[labels, "core2012"].astype(bool)
    columns["core_2015"] = core.loc[labels, "core2015"].astype(bool)
    for name, frame in (("geo_prox_matrix.csv", geo), ("cog_prox_matrix.csv", cog)):
        _check_labels(name, frame, labels)
    firms = _flags(pd.DataFrame(columns), "ownership.csv")
    firms.index.name = "firm"

    def active(M):
        return (M.sum(axis=0) + M.sum(axis=1)) > 0

    a1, a2 = active(first), active(second)
    present = pd.DataFrame({2012: a1 | ~a2, 2015: a2 | ~a1})
    present.index.name = "firm"
    graphs = {}
    for year, M in ((2012, first), (2015, second)):
        G = _digraph_from_matrix(M)
        _set_firm_attributes(G, firms)
        nx.set_node_attributes(G, present[year].to_dict(), "present")
        G.graph["year"] = year
        graphs[year] = G
    return ClusterWaves(graphs, present, firms, geo.loc[labels, labels], cog.loc[labels, labels])


# --------------------------------------------------------------------------
# R objects (EMON: a list of `network` objects; networkdata: igraph objects)


def _read_rda(path: Path) -> dict:
    import rdata

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rdata warns about R classes it keeps as plain lists
        return rdata.read_rda(str(path))


def _first(value):
    if isinstance(value, np.ndarray):
        if value.size != 1:
            raise ValueError(f"expected one value, got {value.size}")
        value = value[0]
    return value.item() if hasattr(value, "item") else value


#: Sponsorship levels of EMON read as public organisations (all others are private).
EMON_PUBLIC = ("City", "County", "County/City", "State", "Federal")

_EMON_ATTRIBUTES = {
    "vertex.names": "name",
    "Sponsorship": "sponsorship",
    "Paid.Staff": "paid_staff",
    "Volunteer.Staff": "volunteer_staff",
    "Location": "location",
    "Formalization": "formalization",
    "Decision.Rank.Score": "decision_rank",
    "Command.Rank.Score": "command_rank",
}


def _network_object(name: str, obj: dict) -> nx.DiGraph:
    """A networkx DiGraph from an R ``network`` object read by ``rdata``."""
    for part in ("gal", "val", "mel"):
        if part not in obj:
            raise ValueError(f"EMON network {name!r} is not an R network object (no {part!r})")
    n = int(_first(obj["gal"]["n"]))
    if not bool(_first(obj["gal"]["directed"])):
        raise ValueError(f"EMON network {name!r} is undirected; the survey ties are directed")
    if len(obj["val"]) != n:
        raise ValueError(f"EMON network {name!r}: {len(obj['val'])} vertex records for n = {n}")
    G = nx.DiGraph(name=name)
    for i, record in enumerate(obj["val"], start=1):
        attrs = {new: _first(record[old]) for old, new in _EMON_ATTRIBUTES.items() if old in record}
        if "sponsorship" not in attrs:
            raise ValueError(f"EMON network {name!r}: vertex {i} has no Sponsorship")
        attrs["name"] = str(attrs.get("name", i)).replace(".", " ").strip()
        attrs["sector"] = "public" if attrs["sponsorship"] in EMON_PUBLIC else "private"
        attrs["group"] = attrs["sector"]
        G.add_node(i, **attrs)
    for k, edge in enumerate(obj["mel"]):
        if edge is None:  # a deleted edge leaves a NULL slot in R
            continue
        tails, heads = np.atleast_1d(edge["outl"]), np.atleast_1d(edge["inl"])
        if len(tails) != 1 or len(heads) != 1:
            raise ValueError(f"EMON network {name!r}: edge {k + 1} is a hyperedge")
        u, v = int(tails[0]), int(heads[0])
        if u == v:
            raise ValueError(f"EMON network {name!r}: organisation {u} is tied to itself")
        if G.has_edge(u, v):
            raise ValueError(f"EMON network {name!r}: duplicated tie {u} -> {v}")
        freq = int(_first(edge["atl"]["Frequency"]))
        if freq not in (1, 2, 3, 4):
            raise ValueError(f"EMON network {name!r}: tie {u} -> {v} has Frequency {freq}, expected 1-4")
        G.add_edge(u, v, frequency=freq, weight=float(5 - freq))
    return G


@functools.lru_cache(maxsize=1)
def _emon_objects() -> dict:
    return _read_rda(fetch("emon/emon.RData"))["emon"]


def load_emon() -> dict[str, nx.DiGraph]:
    """Drabek et al.'s seven emergent multi-organisational networks (EMON).

    Organisations that worked together in seven search-and-rescue
    operations in the United States; tie ``i -> j`` is organisation ``i``'s
    report of interacting with ``j`` during the operation.

    Returns
    -------
    dict of str to networkx.DiGraph
        Keyed by operation (``Cheyenne``, ``HurrFrederic``, ``LakePomona``,
        ``MtSi``, ``MtStHelens``, ``Texas``, ``Wichita``). Nodes are numbered
        1..n as in the R object, with attributes ``name``, ``sponsorship``
        (City, County, County/City, State, Federal, Private), ``sector``
        (``"public"`` for the levels in :data:`EMON_PUBLIC`, else
        ``"private"``; also stored as ``group``), ``paid_staff``,
        ``volunteer_staff``, ``location`` (L local, NL non-local, B both),
        ``formalization`` (0-4), ``decision_rank`` and ``command_rank``.
        Edges carry ``frequency`` (1 continuously, 2 about once an hour,
        3 every few hours, 4 about once a day or less) and ``weight`` =
        5 - frequency, so that more frequent contact weighs more.

    Raises
    ------
    ChecksumError
        If the file does not match its pinned sha256.
    ValueError
        If an object is not a directed R network, or a tie is a loop,
        duplicated or has an unknown frequency.

    References
    ----------
    Drabek, T. E., Tamminga, H. L., Kilijanek, T. S. and Adams, C. R.
    (1981). Managing Multiorganizational Emergency Responses: Emergent
    Search and Rescue Networks in Natural Disaster and Remote Area
    Settings. Institute of Behavioral Science, University of Colorado.
    Butts, C. T. network: Classes for Relational Data (R package), data set
    ``emon``.

    Examples
    --------
    >>> emon = load_emon()
    >>> sorted((k, G.number_of_nodes()) for k, G in emon.items())[:2]
    [('Cheyenne', 14), ('HurrFrederic', 21)]
    """
    return {str(name): _network_object(str(name), obj) for name, obj in _emon_objects().items()}


def _igraph_object(name: str, obj) -> tuple[int, np.ndarray, np.ndarray, dict]:
    """Size, 0-based tails and heads, and vertex attributes of an R igraph object."""
    if not isinstance(obj, list) or len(obj) < 9:
        raise ValueError(f"{name} is not an R igraph object")
    n = int(_first(obj[0]))
    if not bool(_first(obj[1])):
        raise ValueError(f"{name} is undirected; the survey ties are directed")
    tails = np.asarray(obj[2], dtype=float)
    heads = np.asarray(obj[3], dtype=float)
    if len(tails) != len(heads) or (len(tails) and (min(tails.min(), heads.min()) < 0 or max(tails.max(), heads.max()) >= n)):
        raise ValueError(f"{name}: edge list does not fit {n} vertices")
    vertex_attrs = obj[8][2]
    for key, values in vertex_attrs.items():
        if len(values) != n:
            raise ValueError(f"{name}: vertex attribute {key!r} has {len(values)} values for {n} vertices")
    return n, tails.astype(int), heads.astype(int), {str(k): np.asarray(v) for k, v in vertex_attrs.items()}


@functools.lru_cache(maxsize=8)
def _igraph_file(key: str) -> tuple:
    objects = _read_rda(fetch(key))
    if len(objects) != 1:
        raise ValueError(f"{key}: expected one R object, found {len(objects)}")
    name, obj = next(iter(objects.items()))
    return _igraph_object(str(name), obj)


_LAZEGA_CODES = {
    "status": {1: "partner", 2: "associate"},
    "gender": {1: "man", 2: "woman"},
    "office": {1: "Boston", 2: "Hartford", 3: "Providence"},
    "practice": {1: "litigation", 2: "corporate"},
    "law_school": {1: "Harvard or Yale", 2: "UConn", 3: "other"},
}
_LAZEGA_LAYERS = {"advice": "law_advice", "friendship": "law_friends", "cowork": "law_cowork"}


def _graphs_from_igraph(files: dict, codes: dict) -> dict[str, nx.DiGraph]:
    graphs = {}
    reference = None
    for layer, stem in files.items():
        n, tails, heads, attrs = _igraph_file(f"networkdata/{stem}.rda")
        pairs = set(zip(tails.tolist(), heads.tolist()))
        if len(pairs) != len(tails):
            raise ValueError(f"{stem}: duplicated ties")
        if np.any(tails == heads):
            raise ValueError(f"{stem}: actor {int(tails[tails == heads][0]) + 1} is tied to itself")
        table = pd.DataFrame(attrs, index=pd.RangeIndex(1, n + 1, name="actor"))
        for col, mapping in codes.items():
            unknown = sorted(set(table[col].astype(int)) - set(mapping))
            if unknown:
                raise ValueError(f"{stem}: attribute {col!r} has unknown code {unknown[0]}")
            table[col] = table[col].astype(int).map(mapping)
        for col in table.columns.difference(list(codes)):
            table[col] = table[col].astype(int)
        if reference is None:
            reference = table
        elif not reference.equals(table):
            raise ValueError(f"{stem}: actor attributes differ from those of the other layers")
        G = nx.DiGraph(layer=layer)
        for actor, row in table.iterrows():
            G.add_node(int(actor), **{k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()})
        G.add_edges_from(zip((tails + 1).tolist(), (heads + 1).tolist()), weight=1.0)
        graphs[layer] = G
    return graphs


def load_lazega() -> dict[str, nx.DiGraph]:
    """Lazega's law firm: 71 lawyers, advice, friendship and co-work.

    A corporate law partnership in New England (1988-1991): 36 partners,
    who own the firm together and compete for cases, clients and influence,
    and 35 associates. Each lawyer named the colleagues whose advice they
    seek, whom they count as friends and with whom they have worked.

    Returns
    -------
    dict of str to networkx.DiGraph
        ``"advice"`` (892 ties ``i -> j``: ``i`` asks ``j``),
        ``"friendship"`` (575) and ``"cowork"`` (1,104). Nodes 1..71 as in
        Lazega's numbering, with ``status`` (partner, associate), ``gender``,
        ``office`` (Boston, Hartford, Providence), ``seniority`` (years with
        the firm), ``age``, ``practice`` (litigation, corporate) and
        ``law_school`` (Harvard or Yale, UConn, other).

    Raises
    ------
    ChecksumError
        If a file does not match its pinned sha256.
    ValueError
        If a file is not a directed igraph object, holds duplicated ties or
        self-ties, an attribute code is unknown, or the layers disagree on
        the lawyers' attributes.

    References
    ----------
    Lazega, E. (2001). The Collegial Phenomenon: The Social Mechanisms of
    Cooperation among Peers in a Corporate Law Partnership. Oxford
    University Press.

    Examples
    --------
    >>> law = load_lazega()
    >>> {k: G.number_of_edges() for k, G in law.items()}
    {'advice': 892, 'friendship': 575, 'cowork': 1104}
    """
    return _graphs_from_igraph(_LAZEGA_LAYERS, _LAZEGA_CODES)


def load_lazega_partners() -> nx.Graph:
    """The 36 partners' co-work ties, as packaged in the R package sand.

    Returns
    -------
    networkx.Graph
        Undirected, 36 partners (nodes 1..36, the same numbers as in
        :func:`load_lazega`), 115 co-work ties, node attributes
        ``seniority`` (rank), ``gender``, ``office``, ``years`` (with the
        firm), ``age``, ``practice`` and ``law_school`` (decoded as in
        :func:`load_lazega`).

    Raises
    ------
    ChecksumError
        If a file does not match its pinned sha256.
    ValueError
        If an edge names an unknown partner or a code is unknown.

    References
    ----------
    Lazega, E. (2001). The Collegial Phenomenon. Oxford University Press.
    Kolaczyk, E. D. and Csárdi, G. (2014). Statistical Analysis of Network
    Data with R. Springer.

    Examples
    --------
    >>> P = load_lazega_partners()
    >>> P.number_of_nodes(), P.number_of_edges()
    (36, 115)
    """
    import pyreadr

    edges = next(iter(pyreadr.read_r(str(fetch("lazega/elist.lazega.rda"))).values()))
    attrs = next(iter(pyreadr.read_r(str(fetch("lazega/v.attr.lazega.rda"))).values()))
    attrs = attrs.rename(columns=str.lower).rename(columns={"school": "law_school"})
    attrs["name"] = attrs["name"].astype(str)
    ids = {name: int(name.lstrip("V")) for name in attrs["name"]}
    for col, mapping in _LAZEGA_CODES.items():
        if col in attrs:
            unknown = sorted(set(attrs[col].astype(int)) - set(mapping))
            if unknown:
                raise ValueError(f"v.attr.lazega: attribute {col!r} has unknown code {unknown[0]}")
            attrs[col] = attrs[col].astype(int).map(mapping)
    G = nx.Graph()
    for _, row in attrs.iterrows():
        G.add_node(ids[row["name"]], **{k: (v.item() if hasattr(v, "item") else v)
                                        for k, v in row.drop(["name", "status"], errors="ignore").items()})
    for a, b in edges.iloc[:, :2].astype(str).itertuples(index=False):
        if a not in ids or b not in ids:
            raise ValueError(f"elist.lazega: edge {a}-{b} names an unknown partner")
        G.add_edge(ids[a], ids[b], weight=1.0)
    return G


_KRACKHARDT_LAYERS = {"advice": "ht_advice", "friendship": "ht_friends", "reports_to": "ht_reports"}
_KRACKHARDT_CODES = {"level": {1: "CEO", 2: "vice president", 3: "manager"}}


def load_krackhardt() -> dict[str, nx.DiGraph]:
    """Krackhardt's high-tech managers: advice, friendship and reports-to.

    Returns
    -------
    dict of str to networkx.DiGraph
        ``"advice"`` (190 ties ``i -> j``: ``i`` goes to ``j`` for advice),
        ``"friendship"`` (102) and ``"reports_to"`` (20). Nodes 1..21 with
        ``age``, ``tenure`` (years), ``level`` (CEO, vice president,
        manager) and ``dept`` (department code; 0 for the CEO).

    Raises
    ------
    ChecksumError
        If a file does not match its pinned sha256.
    ValueError
        As :func:`load_lazega`.

    References
    ----------
    Krackhardt, D. (1987). Cognitive social structures. Social Networks
    9(2), 109-134.

    Examples
    --------
    >>> ht = load_krackhardt()
    >>> {k: G.number_of_edges() for k, G in ht.items()}
    {'advice': 190, 'friendship': 102, 'reports_to': 20}
    """
    return _graphs_from_igraph(_KRACKHARDT_LAYERS, _KRACKHARDT_CODES)
