"""Conformance: which reference implementation each measure agrees with, and how closely.

Two tables back the appendix "Conformance with other software":

- :func:`run_checks` runs every comparison in :data:`CHECKS` now, on real
  data where the peer accepts it: the package's result against a live peer
  (networkx, python-igraph, py-ecomplexity, PySAL's ``inequality`` and
  ``esda``, pyfixest) or against a published worked example (EconGeo's
  documentation, Burt's UCINET-checked example, Hidalgo and Hausmann's
  reflections, Frenken et al.'s variety example). Each row gives the largest
  absolute difference, the tolerance and the convention that explains any
  difference that is not numerical noise.
- :func:`coverage` lists every public function and class of the measure
  modules with the comparisons that cover it and the test files that call
  it, so that a measure without either shows up.

The peers come with the ``bench`` extra (``pip install .[bench]``); they
are in the book's pinned environment. ``tests/test_conformance.py`` runs all
checks, so a comparison that drifts beyond its tolerance fails CI.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import networkx as nx
import numpy as np
import pandas as pd

__all__ = ["Check", "CHECKS", "MEASURE_MODULES", "run_checks", "coverage"]

#: Modules whose public names are measures (their ``__all__``).
MEASURE_MODULES = (
    "specialization", "identification", "variety", "relatedness", "dynamics", "proximity",
    "convergence", "spatial", "networks", "actor_networks", "compare",
)


@dataclass(frozen=True)
class Check:
    """One comparison of the package with a reference."""

    measures: tuple[str, ...]
    reference: str
    data: str
    tolerance: float
    convention: str
    compute: Callable[[], float]


def _max_diff(a, b) -> float:
    return float(np.max(np.abs(np.asarray(a, dtype=float) - np.asarray(b, dtype=float))))


# --- inputs ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _cluster_employment() -> pd.DataFrame:
    from .data import load_cluster_mapping, to_wide

    cm = load_cluster_mapping()
    X = to_wide(cm, index="region_code", columns="cluster_code", values="employment")
    return X.loc[X.sum(axis=1) > 0, X.sum(axis=0) > 0]


@lru_cache(maxsize=1)
def _gdp_per_head() -> pd.Series:
    from .data import load_inkar

    gdp = load_inkar("wirtschaft").query("indicator == 'q_bip_ew'")
    return gdp.loc[gdp["year"] == gdp["year"].max()].set_index("kreis")["value"].dropna()


ECONGEO_X = pd.DataFrame(
    [[100, 0, 0, 0, 0], [0, 15, 5, 70, 10], [0, 20, 10, 20, 50], [0, 25, 30, 5, 40], [0, 40, 55, 5, 0]],
    index=[f"R{i}" for i in range(1, 6)], columns=[f"I{i}" for i in range(1, 6)],
)
HH_M = pd.DataFrame([[1, 1, 1, 1], [0, 1, 0, 0], [0, 0, 1, 1], [0, 0, 0, 1]],
                    index=["c1", "c2", "c3", "c4"], columns=["p1", "p2", "p3", "p4"])


def _burt_graph() -> nx.Graph:
    return nx.Graph([("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"), ("F", "G"),
                     ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")])


def _weighted_test_graph() -> nx.Graph:
    G = nx.les_miserables_graph()
    return nx.convert_node_labels_to_integers(G, label_attribute="name")


# --- comparisons ---------------------------------------------------------------------


def _econgeo_specialisation() -> float:
    from . import specialization as sp

    lq = sp.location_quotient(ECONGEO_X)
    published = [(("R1", "I1"), 5.0), (("R2", "I4"), 3.5), (("R5", "I3"), 2.75), (("R3", "I5"), 2.5)]
    diffs = [abs(lq.loc[r, i] - v) for (r, i), v in published]
    diffs += list(np.abs(sp.krugman_index(ECONGEO_X).to_numpy() - [1.6, 1.0, 0.6, 0.7, 1.1]))
    diffs += list(np.abs(sp.herfindahl(ECONGEO_X).to_numpy() - [1, 0.525, 0.34, 0.315, 0.465]))
    diffs += list(np.abs(sp.shannon_entropy(ECONGEO_X).to_numpy() - [0, 1.319, 1.761, 1.766, 1.219]))
    return float(max(diffs))


def _econgeo_gini_hoover() -> float:
    from . import convergence as cv
    from . import specialization as sp

    g1 = cv.gini(pd.Series([0, 10, 10, 30, 50]))
    g2 = cv.gini(pd.Series([0, 0, 0, 0, 1]))
    X = pd.DataFrame({"industry": [0, 10, 10, 30, 50]})
    population = pd.Series([10, 15, 20, 25, 30])
    hoover = sp.hoover_index(X, reference=population, percent=True).iloc[0]
    return float(max(abs(g1 - 0.48), abs(g2 - 0.8), abs(hoover - 25)))


def _frenken_variety() -> float:
    from .variety import related_unrelated_variety

    shares = pd.DataFrame([[0.4, 0.1, 0.3, 0.2]], columns=["a1", "a2", "b1", "b2"])
    groups = pd.Series({"a1": "A", "a2": "A", "b1": "B", "b2": "B"})
    out = related_unrelated_variety(shares, groups)
    row = out.iloc[0]
    return float(max(abs(row["unrelated"] - 1.0), abs(row["related"] - 0.84644)))


def _reflections() -> float:
    from .relatedness import method_of_reflections

    kc, kp = method_of_reflections(HH_M, iterations=2)
    return _max_diff(np.r_[kc[1], kp[1], kc[2]], [2, 2, 2.5, 3, 4, 2.5, 3, 7 / 3, 2.958333, 2.5, 8 / 3, 7 / 3])


def _ecomplexity_pipeline() -> float:
    import warnings

    import ecomplexity as ec

    from . import relatedness as rl

    X = _cluster_employment()
    long = X.stack().rename("val").rename_axis(["loc", "prod"]).reset_index().assign(time=2016)
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        ref = ec.ecomplexity(long, {"time": "time", "loc": "loc", "prod": "prod", "val": "val"}, verbose=False)
    ref = ref.set_index(["loc", "prod"])
    M = rl.presence(X)
    phi = rl.proximity(M, given=True)
    dens = rl.relatedness_density(M, phi).stack()
    eci, pci = rl.economic_complexity(M)
    raw_eci, raw_pci = rl.economic_complexity(M, normalise="none")
    coi, cog, _ = rl.complexity_outlook(M, phi, raw_pci)
    by_loc = ref.groupby(level="loc").first()
    by_prod = ref.groupby(level="prod").first()
    return max(
        _max_diff(dens, ref["density"].reindex(dens.index)),
        _max_diff(eci, by_loc["eci"].reindex(eci.index)),
        _max_diff(pci, by_prod["pci"].reindex(pci.index)),
        _max_diff((coi - coi.mean()) / coi.std(ddof=0), by_loc["coi"].reindex(coi.index)),
        _max_diff(cog.stack() / raw_eci.std(ddof=0), ref["cog"].reindex(cog.stack().index)),
    )


def _ecomplexity_proximities() -> float:
    from ecomplexity.calc_proximity import calc_continuous_proximity, calc_discrete_proximity

    from . import relatedness as rl
    from .specialization import location_quotient

    X = _cluster_employment()
    M = rl.presence(X)
    m = M.to_numpy()
    return max(
        _max_diff(rl.asymmetric_proximity(M), calc_discrete_proximity(m, m.sum(axis=0), asymmetric=True)),
        _max_diff(rl.proximity(M, given=True), calc_discrete_proximity(m, m.sum(axis=0))),
        _max_diff(rl.continuous_proximity(X), calc_continuous_proximity(location_quotient(X).to_numpy(), None)),
    )


def _burt_published() -> float:
    from .networks import constraint, effective_size

    G = _burt_graph()
    c, e = constraint(G, weight=None), effective_size(G, weight=None)
    return float(max(abs(c["G"] - 0.400), abs(c["A"] - 0.595), abs(c["C"] - 1.0),
                     abs(e["G"] - 4.667), abs(e["A"] - 2.5), abs(e["C"] - 1.0)))


def _networkx_burt() -> float:
    from .networks import constraint, effective_size, local_constraint

    G = _weighted_test_graph()
    diffs = [_max_diff(constraint(G), pd.Series(nx.constraint(G, weight="weight")).sort_index()),
             _max_diff(constraint(G, weight=None), pd.Series(nx.constraint(G)).sort_index()),
             _max_diff(effective_size(G, weight=None), pd.Series(nx.effective_size(G)).sort_index())]
    lc = local_constraint(G)
    u, v = next(iter(G.edges()))
    diffs.append(abs(lc.loc[(u, v)] - nx.local_constraint(G, u, v, weight="weight")))
    return float(max(diffs))


def _igraph_constraint() -> float:
    import igraph as ig

    from .networks import constraint

    G = _weighted_test_graph()
    nodes = sorted(G.nodes())
    g = ig.Graph(n=len(nodes), edges=[(nodes.index(u), nodes.index(v)) for u, v in G.edges()])
    weights = [G[u][v]["weight"] for u, v in G.edges()]
    ref = np.array(g.constraint(weights=weights))
    return _max_diff(constraint(G).reindex(nodes), ref)


def _networkx_structure() -> float:
    from .networks import density

    G = _weighted_test_graph()
    return abs(float(density(G)) - nx.density(G))


def _pysal_inequality() -> float:
    import inequality

    from . import convergence as cv

    y = _gdp_per_head()
    v = y.to_numpy()
    return float(max(abs(cv.gini(y) - inequality.gini.Gini(v).g),
                     abs(cv.theil(y) - inequality.theil.Theil(v).T),
                     abs(cv.atkinson(y, epsilon=0.5) - inequality.atkinson.atkinson(v, 0.5)),
                     abs(cv.atkinson(y, epsilon=2.0) - inequality.atkinson.atkinson(v, 2.0))))


def _esda_moran() -> float:
    import esda

    from .data.germany import load_kreis_boundaries
    from .spatial import contiguity_weights, moran

    y = _gdp_per_head()
    w = contiguity_weights(load_kreis_boundaries(), ids=list(y.index))
    ours = moran(np.log(y), w, permutations=99, seed=1)["observed"]
    return abs(float(ours) - float(esda.Moran(np.log(y.to_numpy()), w, permutations=0).I))


def _pyfixest_ppml() -> float:
    import pyfixest as pf

    from . import proximity as px

    d = px.simulate_gravity(40, distance=-1.0, contiguity=0.5, seed=2005)
    res = px.gravity_ppml(d, covariates=["log_distance", "contiguity"], fixed_effects=False)
    fit = pf.fepois("collaborations ~ log_distance + contiguity", data=d.reset_index(drop=True), vcov="hetero")
    names = ["log_distance", "contiguity"]
    return max(_max_diff(res.table["coef"], fit.coef()[names]),
               float(np.max(np.abs(res.table["se"].to_numpy() / fit.se()[names].to_numpy() - 1))))


CHECKS: list[Check] = [
    Check(("specialization.location_quotient", "specialization.krugman_index", "specialization.herfindahl",
           "specialization.shannon_entropy"),
          "EconGeo documentation (worked example)", "5 regions x 5 industries of the EconGeo manual", 1e-3,
          "Published values are rounded to three decimals; entropy in bits (log 2).", _econgeo_specialisation),
    Check(("convergence.gini", "specialization.hoover_index"),
          "EconGeo documentation (worked example)", "the Gini and Hoover examples of the EconGeo manual", 1e-12,
          "EconGeo's locational Gini is half of this package's specialization.locational_gini; "
          "Hoover's default reference is the column total, EconGeo's example passes population.",
          _econgeo_gini_hoover),
    Check(("variety.related_unrelated_variety",), "Frenken, Van Oort and Verburg (2007), worked example",
          "shares (0.4, 0.1 | 0.3, 0.2)", 1e-5, "Entropies in bits.", _frenken_variety),
    Check(("relatedness.method_of_reflections",), "Hidalgo and Hausmann (2009), worked example",
          "4 x 4 binary matrix", 1e-5, "", _reflections),
    Check(("relatedness.presence", "relatedness.proximity", "relatedness.relatedness_density",
           "relatedness.economic_complexity", "relatedness.complexity_outlook"),
          "py-ecomplexity", "US Cluster Mapping 2016: 917 areas x 67 clusters, employment", 1e-8,
          "ECI and PCI standardised with the ECI's mean and standard deviation as py-ecomplexity; its COI is "
          "standardised and its COG divided by the raw ECI's standard deviation (here applied to the raw values).",
          _ecomplexity_pipeline),
    Check(("relatedness.asymmetric_proximity", "relatedness.continuous_proximity"), "py-ecomplexity",
          "US Cluster Mapping 2016", 1e-12, "py-ecomplexity's knn density sums presence without proximity "
          "weights; relatedness.nearest_neighbour_density weights them and is not compared.",
          _ecomplexity_proximities),
    Check(("networks.constraint", "networks.effective_size"), "Burt (1992) example checked with UCINET",
          "the 7-node graph of networkx's tests", 1e-3, "Published values rounded to three decimals.",
          _burt_published),
    Check(("networks.constraint", "networks.effective_size", "networks.local_constraint"), "networkx",
          "Les Misérables co-appearance network (77 nodes, weighted)", 1e-12,
          "networkx's whole-graph weighted effective size is wrong (networkx PR 8906); the unweighted one "
          "is compared.", _networkx_burt),
    Check(("networks.constraint",), "python-igraph", "Les Misérables network, weighted", 1e-12, "",
          _igraph_constraint),
    Check(("networks.density",), "networkx", "Les Misérables network", 1e-15, "", _networkx_structure),
    Check(("convergence.gini", "convergence.theil", "convergence.atkinson"), "PySAL inequality",
          "GDP per head of the 400 German Kreise, latest INKAR year", 1e-12,
          "Theil T (REAT's Theil is Theil L). Unweighted here; population weights are an option of the package.",
          _pysal_inequality),
    Check(("spatial.moran", "spatial.contiguity_weights"), "PySAL esda",
          "log GDP per head of the 400 Kreise, queen contiguity from the 2021 boundaries", 1e-12,
          "The package calls esda; the check guards the alignment of labels and weights.", _esda_moran),
    Check(("proximity.gravity_ppml",), "pyfixest fepois", "simulated gravity data, 40 places", 1e-6,
          "Coefficients and HC1 errors (pyfixest's 'hetero'); symmetric country effects of unordered pairs "
          "cannot be absorbed as pyfixest fixed effects and enter as dummies.", _pyfixest_ppml),
]


def run_checks(checks: list[Check] | None = None) -> pd.DataFrame:
    """Run the comparisons and return one row per check.

    Returns
    -------
    pandas.DataFrame
        ``measures``, ``reference``, ``data``, ``max_abs_diff``,
        ``tolerance``, ``passed`` and ``convention``.
    """
    rows = []
    for check in checks or CHECKS:
        diff = float(check.compute())
        rows.append({"measures": ", ".join(check.measures), "reference": check.reference, "data": check.data,
                     "max_abs_diff": diff, "tolerance": check.tolerance, "passed": diff <= check.tolerance,
                     "convention": check.convention})
    return pd.DataFrame(rows)


def _public(module: str) -> list[str]:
    mod = importlib.import_module(f"regional_clusters.{module}")
    names = []
    for name in getattr(mod, "__all__", []):
        obj = getattr(mod, name)
        # functions only: result classes are covered through the functions that return them
        if callable(obj) and not isinstance(obj, type):
            names.append(f"{module}.{name}")
    return names


def coverage(tests_dir: str | Path | None = None) -> pd.DataFrame:
    """Every public measure with the comparisons and the test files that cover it.

    Parameters
    ----------
    tests_dir : path, optional
        Folder of the test suite (default: ``tests`` beside the package's
        ``src`` folder).

    Returns
    -------
    pandas.DataFrame
        Indexed by measure: ``compared_with`` (references of :data:`CHECKS`),
        ``tests`` (test files that call it) and ``doctest`` (whether its
        docstring has a runnable example, which the test suite runs).
    """
    root = Path(tests_dir) if tests_dir else Path(__file__).resolve().parents[2] / "tests"
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted(root.glob("test_*.py"))}
    rows = {}
    for module in MEASURE_MODULES:
        for measure in _public(module):
            name = measure.rsplit(".", 1)[1]
            pattern = re.compile(rf"\b{re.escape(name)}\b")
            refs = sorted({c.reference for c in CHECKS if measure in c.measures})
            obj = getattr(importlib.import_module(f"regional_clusters.{module}"), name)
            rows[measure] = {"compared_with": "; ".join(refs),
                             "tests": ", ".join(f for f, text in sources.items() if pattern.search(text)),
                             "doctest": ">>> " in (obj.__doc__ or "")}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "measure"
    return out
