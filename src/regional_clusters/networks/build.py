"""Build cluster networks from the data layer.

:func:`~regional_clusters.networks.coparticipation_network` turns Horizon 2020 participations
(:func:`regional_clusters.data.load_h2020`) into a weighted graph of
organisations: two organisations are tied when they worked in the same
project. The lighthouse paper describes a cluster as a graph whose nodes are
actors of four groups and whose edges are cluster relations
(section I); the co-participation graph is an observable stand-in for those
relations. :func:`~regional_clusters.networks.multiplex_graph` turns a multiplex network read by
:func:`regional_clusters.data.load_multiplex` into networkx graphs, one layer
per relation.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

__all__ = ["coparticipation_network", "multiplex_graph", "WEIGHTS"]

#: Edge weights :func:`~regional_clusters.networks.coparticipation_network` can build, and the column
#: of the participations table each one sums over joint projects.
WEIGHTS = {"projects": None, "duration": "duration", "budget": "project_contribution"}

_REQUIRED = ("project_id", "org_id", "actor_group", "org_type", "country")


def _as_list(value, what: str) -> list | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        out = list(value)
        if not out:
            raise ValueError(f"{what} is empty; pass None to keep all")
        return out
    raise ValueError(f"{what} must be a string, a list of strings or None, got {value!r}")


def _year_mask(years, start_year: pd.Series) -> np.ndarray:
    if isinstance(years, tuple) and len(years) == 2:
        lo, hi = years
        if lo is not None and hi is not None and lo > hi:
            raise ValueError(f"years=({lo}, {hi}) is an empty period (start after end)")
        mask = pd.Series(True, index=start_year.index)
        if lo is not None:
            mask &= start_year >= lo
        if hi is not None:
            mask &= start_year <= hi
        return mask.fillna(False).to_numpy(dtype=bool)
    if isinstance(years, (int, np.integer)):
        years = [int(years)]
    years = _as_list(years, "years")
    return start_year.isin(years).fillna(False).to_numpy(dtype=bool)


def coparticipation_network(
    participations: pd.DataFrame,
    *,
    countries=None,
    fields=None,
    years=None,
    weight: str = "projects",
) -> nx.Graph:
    """Co-participation network of organisations in joint projects.

    Two organisations are tied when they take part in the same project; the
    tie's ``weight`` is the number of joint projects (or their summed
    duration or EU budget). The network is computed as a sparse matrix
    product of the project x organisation incidence matrix with itself, so
    the full Horizon 2020 network (35,871 organisations, about 797,000 ties)
    takes a few seconds.

    Parameters
    ----------
    participations : pandas.DataFrame
        One row per organisation in a project, as returned by
        :func:`regional_clusters.data.load_h2020`. Needs the columns
        ``project_id``, ``org_id``, ``actor_group``, ``org_type`` and
        ``country``; ``field``, ``start_year``, ``role`` and the weight
        column are used when the matching option asks for them.
    countries : str or list of str, optional
        Keep only organisations located in these countries (two-letter
        codes as in the data, e.g. ``"DE"``, ``"EL"``); ties between them
        still come from all their projects, including projects with foreign
        partners.
    fields : str or list of str, optional
        Keep only projects whose primary programme part (column ``field``)
        is one of these, e.g. ``"SC3"`` (secure, clean and efficient energy),
        ``"SC1"`` (health) or ``"LEIT"`` (industrial technologies).
    years : tuple (first, last), int or list of int, optional
        Keep only projects that started in this period (inclusive; either
        end may be ``None``) or in these years.
    weight : {"projects", "duration", "budget"}, default "projects"
        Edge weight: number of joint projects; summed project duration in
        months; or summed EU contribution to the joint projects in million
        euro. Projects with a missing duration or budget are left out when
        that weight is chosen.

    Returns
    -------
    networkx.Graph
        Nodes are ``org_id`` values with attributes ``group`` (actor group
        of the lighthouse paper, from the coding table
        ``h2020_actor_groups``), ``org_type`` (CORDIS type), ``country`` and
        ``projects`` (number of selected projects of the organisation).
        Organisations without a partner in the selection stay in the graph
        as isolates. Edges carry ``weight``, ``projects`` (number of joint
        projects) and, when the column ``role`` is present, ``coordinated``
        (number of joint projects that one of the two coordinated) and, when
        ``countries`` is given, ``coordinated_abroad`` (number of joint
        projects coordinated by an organisation outside those countries).
        ``G.graph`` records the selection.

    Raises
    ------
    ValueError
        If a required column is missing, an organisation has two different
        actor groups, the weight is unknown, or the selection keeps no
        participation.

    References
    ----------
    Wie hell strahlen 'Leuchttuerme'? Anmerkungen zur Clusterpolitik in
    laendlichen Raeumen, section I (clusters as graphs of four actor groups).
    Breiger, R. L. (1974). The duality of persons and groups. Social Forces
    53(2), 181-190 (one-mode projection of an affiliation network).

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({
    ...     "project_id": [1, 1, 1, 2, 2],
    ...     "org_id": [10, 11, 12, 10, 11],
    ...     "role": ["coordinator", "participant", "participant", "coordinator", "participant"],
    ...     "actor_group": ["Economic actors", "Research and education", "Economic actors",
    ...                     "Economic actors", "Research and education"],
    ...     "org_type": ["PRC", "HES", "PRC", "PRC", "HES"],
    ...     "country": ["DE", "DE", "FR", "DE", "DE"]})
    >>> G = coparticipation_network(p)
    >>> sorted(G.edges(data="weight"))
    [(10, 11, 2.0), (10, 12, 1.0), (11, 12, 1.0)]
    >>> G.nodes[11]["group"]
    'Research and education'
    >>> G.edges[11, 12]["coordinated"]
    0
    >>> D = coparticipation_network(p, countries="DE")
    >>> D.number_of_edges(), D.edges[10, 11]["coordinated_abroad"]
    (1, 0)
    """
    if not isinstance(participations, pd.DataFrame):
        raise ValueError(f"participations must be a DataFrame (see load_h2020), got {type(participations).__name__}")
    missing = [c for c in _REQUIRED if c not in participations.columns]
    if missing:
        raise ValueError(f"participations lacks the column(s) {missing}")
    if weight not in WEIGHTS:
        raise ValueError(f"weight must be one of {sorted(WEIGHTS)}, got {weight!r}")
    data = participations
    mask = np.ones(len(data), dtype=bool)
    countries_l = _as_list(countries, "countries")
    abroad = None
    if countries_l is not None and "role" in data.columns:
        # projects whose coordinator sits outside the selected countries (read before the country filter)
        lead = data.loc[data["role"].astype(str) == "coordinator", ["project_id", "country"]]
        abroad = set(lead.loc[~lead["country"].isin(countries_l), "project_id"])
    fields_l = _as_list(fields, "fields")
    if countries_l is not None:
        mask &= data["country"].isin(countries_l).to_numpy(dtype=bool)
    if fields_l is not None:
        if "field" not in data.columns:
            raise ValueError("participations lacks the column 'field' needed to filter by field")
        mask &= data["field"].isin(fields_l).to_numpy(dtype=bool)
    if years is not None:
        if "start_year" not in data.columns:
            raise ValueError("participations lacks the column 'start_year' needed to filter by years")
        mask &= _year_mask(years, data["start_year"])
    column = WEIGHTS[weight]
    if column is not None:
        if column not in data.columns:
            raise ValueError(f"participations lacks the column {column!r} needed for weight={weight!r}")
        mask &= data[column].notna().to_numpy(dtype=bool)
    data = data.loc[mask]
    if data.empty:
        raise ValueError(
            f"no participation left after the selection countries={countries!r}, fields={fields!r}, years={years!r}"
        )
    data = data.drop_duplicates(["project_id", "org_id"])

    orgs = data.groupby("org_id", sort=True, observed=True).agg(
        group=("actor_group", "first"),
        n_groups=("actor_group", "nunique"),
        org_type=("org_type", "first"),
        country=("country", "first"),
        projects=("project_id", "size"),
    )
    bad = orgs.index[orgs["n_groups"] > 1]
    if len(bad):
        raise ValueError(f"organisation {bad[0]!r} has more than one actor group")
    if orgs["group"].isna().any():
        raise ValueError(f"organisation {orgs.index[orgs['group'].isna()][0]!r} has no actor group")

    org_index = pd.Index(orgs.index)
    o = org_index.get_indexer(data["org_id"])
    p_codes, p_uniques = pd.factorize(data["project_id"], sort=True)
    n_p, n_o = len(p_uniques), len(org_index)
    ones = np.ones(len(data))
    B = sp.csr_array(sp.coo_array((ones, (p_codes, o)), shape=(n_p, n_o)))
    if column is None:
        value = np.ones(n_p)
    else:
        per_project = data.groupby(p_codes)[column].first().to_numpy(dtype=float)
        value = per_project / 1e6 if weight == "budget" else per_project
    Bv = sp.csr_array(sp.diags_array(value) @ B)
    W = sp.triu(Bv.T @ B, k=1, format="coo")
    N = sp.triu(B.T @ B, k=1, format="csr")  # joint projects
    joint = np.asarray(N[W.row, W.col]).ravel()
    coord = None
    if "role" in data.columns:
        is_coord = (data["role"].astype(str) == "coordinator").to_numpy(dtype=float)
        C = sp.csr_array(sp.coo_array((is_coord, (p_codes, o)), shape=(n_p, n_o)))
        H = (C.T @ B + B.T @ C).tocsr()
        coord = np.asarray(H[W.row, W.col]).ravel()
    coord_abroad = None
    if abroad is not None:
        is_abroad = np.isin(np.asarray(p_uniques), list(abroad)).astype(float)
        Ba = sp.csr_array(sp.diags_array(is_abroad) @ B)
        Na = sp.csr_array(Ba.T @ B)
        coord_abroad = np.asarray(Na[W.row, W.col]).ravel()

    G = nx.Graph(countries=countries_l, fields=fields_l, years=years, weight=weight)
    labels = org_index.to_numpy()
    attrs = orgs[["group", "org_type", "country", "projects"]].astype(
        {"group": str, "org_type": str, "country": str}
    )
    G.add_nodes_from(
        (lab, {"group": g, "org_type": t, "country": c, "projects": int(k)})
        for lab, g, t, c, k in zip(labels.tolist(), attrs["group"], attrs["org_type"], attrs["country"], attrs["projects"])
    )
    us, vs = labels[W.row].tolist(), labels[W.col].tolist()
    if coord is None:
        G.add_edges_from(
            (u, v, {"weight": float(w), "projects": int(j)}) for u, v, w, j in zip(us, vs, W.data, joint)
        )
    elif coord_abroad is None:
        G.add_edges_from(
            (u, v, {"weight": float(w), "projects": int(j), "coordinated": int(h)})
            for u, v, w, j, h in zip(us, vs, W.data, joint, coord)
        )
    else:
        G.add_edges_from(
            (u, v, {"weight": float(w), "projects": int(j), "coordinated": int(h), "coordinated_abroad": int(a)})
            for u, v, w, j, h, a in zip(us, vs, W.data, joint, coord, coord_abroad)
        )
    return G


def multiplex_graph(multiplex, layers=None, *, split: bool = False, group: str | None = "group"):
    """networkx graphs from a multiplex network.

    Parameters
    ----------
    multiplex : regional_clusters.data.Multiplex
        Output of :func:`regional_clusters.data.load_multiplex` or
        :func:`regional_clusters.data.read_mpx` (tables ``actors``,
        ``edges``, ``layers``).
    layers : str or list of str, optional
        Layers to keep (default: all).
    split : bool, default False
        ``False``: one :class:`networkx.MultiGraph` with one edge per layer
        (edge key and attribute ``layer``); ``True``: a dict mapping each
        layer to a :class:`networkx.Graph` (or ``DiGraph`` for a directed
        layer) on all actors.
    group : str or None, default "group"
        Actor attribute copied to the node attribute ``group``; other actor
        columns are copied under their own names.

    Returns
    -------
    networkx.MultiGraph or dict of str to networkx.Graph
        Every edge has ``weight`` 1 (duplicate edges within a layer are
        merged). All actors are nodes, also those without a tie in a layer.

    Raises
    ------
    ValueError
        If a requested layer does not exist or the input lacks the tables.

    References
    ----------
    Magnani, M., Micenkova, B. and Rossi, L. (2013). Combinatorial analysis
    of multiple networks. arXiv:1303.4986 (the AUCS data and the ``.mpx``
    format).

    Examples
    --------
    >>> from regional_clusters.data import Multiplex
    >>> import pandas as pd
    >>> m = Multiplex(pd.DataFrame({"actor": ["a", "b", "c"], "group": ["x", "x", "y"]}),
    ...               pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "b", "c"],
    ...                             "layer": ["work", "lunch", "work"]}),
    ...               pd.DataFrame({"layer": ["work", "lunch"], "directed": [False, False]}))
    >>> M = multiplex_graph(m)
    >>> M.number_of_edges(), sorted(M["a"]["b"])
    (3, ['lunch', 'work'])
    >>> multiplex_graph(m, split=True)["lunch"].number_of_edges()
    1
    """
    for part in ("actors", "edges", "layers"):
        if not hasattr(multiplex, part):
            raise ValueError(f"multiplex must have the table {part!r} (see load_multiplex)")
    known = list(multiplex.layers["layer"])
    chosen = known if layers is None else _as_list(layers, "layers")
    unknown = [layer for layer in chosen if layer not in known]
    if unknown:
        raise ValueError(f"unknown layer(s) {unknown}; the multiplex has {known}")
    directed = dict(zip(multiplex.layers["layer"], multiplex.layers["directed"]))
    actors = multiplex.actors
    node_attrs = {}
    for row in actors.to_dict("records"):
        label = row.pop("actor")
        attrs = {k: v for k, v in row.items() if not (v is pd.NA or (isinstance(v, float) and np.isnan(v)))}
        if group is not None and group in attrs:
            attrs["group"] = attrs[group]
        node_attrs[label] = attrs
    edges = multiplex.edges[multiplex.edges["layer"].isin(chosen)]
    if split:
        out = {}
        for layer in chosen:
            H = nx.DiGraph() if directed[layer] else nx.Graph()
            H.graph["layer"] = layer
            H.add_nodes_from(node_attrs.items())
            sub = edges[edges["layer"] == layer]
            H.add_edges_from((s, t, {"weight": 1.0}) for s, t in zip(sub["source"], sub["target"]) if s != t)
            out[layer] = H
        return out
    M = nx.MultiGraph(layers=chosen)
    M.add_nodes_from(node_attrs.items())
    seen = set()
    for s, t, layer in zip(edges["source"], edges["target"], edges["layer"]):
        key = (min(s, t), max(s, t), layer)
        if s == t or key in seen:
            continue
        seen.add(key)
        M.add_edge(s, t, key=layer, layer=layer, weight=1.0)
    return M
