"""Validation, random numbers and network builders shared by the models.

Every model checks its parameters with these helpers, so that a bad value
stops the run with a ``ValueError`` that names the parameter.
"""

from __future__ import annotations

import numbers

import networkx as nx
import numpy as np
import pandas as pd

from .._checks import as_generator as rng_from
from ..networks import check_graph as _check_network

__all__ = [
    "ModelResult",
    "rng_from",
    "check_probability",
    "check_nonnegative",
    "check_positive",
    "check_int",
    "check_graph",
    "structured_network",
]


class ModelResult:
    """What a model run returns: a history over time and a summary.

    Parameters
    ----------
    history : pandas.DataFrame
        One row per period (index ``step``), one column per tracked quantity.
    summary : pandas.Series
        Scalar outcomes of the run (what :func:`~regional_clusters.models.sweep.sweep`
        collects over seeds).
    agents : pandas.DataFrame, optional
        One row per agent at the end of the run.
    """

    def __init__(self, history: pd.DataFrame, summary: pd.Series, agents: pd.DataFrame | None = None):
        self.history = history
        self.summary = summary
        self.agents = agents

    def __repr__(self) -> str:
        items = ", ".join(f"{k}={v:.4g}" for k, v in self.summary.items())
        return f"ModelResult({items})"


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)) and np.isfinite(value)


def check_probability(name: str, value) -> float:
    """Return ``value`` as float if it lies in [0, 1]; else ValueError naming ``name``."""
    if not _is_number(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a number in [0, 1], got {value!r}")
    return float(value)


def check_nonnegative(name: str, value) -> float:
    """Return ``value`` as float if it is finite and >= 0; else ValueError naming ``name``."""
    if not _is_number(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return float(value)


def check_positive(name: str, value) -> float:
    """Return ``value`` as float if it is finite and > 0; else ValueError naming ``name``."""
    if not _is_number(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number > 0, got {value!r}")
    return float(value)


def check_int(name: str, value, minimum: int = 1) -> int:
    """Return ``value`` as int if it is an integer >= ``minimum``; else ValueError naming ``name``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def check_graph(G, name: str = "graph", min_nodes: int = 2) -> nx.Graph:
    """Check that ``G`` is a simple undirected networkx graph with enough nodes.

    The network toolkit's :func:`~regional_clusters.networks.check_graph`
    does the checking; this adds the model's minimum size.

    Raises
    ------
    ValueError
        If ``G`` is not a networkx graph, is directed, a multigraph or empty,
        has a self-loop, or has fewer than ``min_nodes`` nodes.
    """
    _check_network(G, directed=False, weight=None, name=name)
    if G.number_of_nodes() < min_nodes:
        raise ValueError(f"{name} needs at least {min_nodes} nodes, has {G.number_of_nodes()}")
    return G


STRUCTURES = ("closed", "bridging", "random")


def structured_network(kind: str = "closed", n_groups: int = 8, group_size: int = 10, *, bridge_share: float | None = None, seed=0) -> nx.Graph:
    """Networks of equal size and density but different structure.

    ``closed``: cohesive groups (cliques) with very few ties between groups
    (strong-tie closure, :cite:t:`granovetter1973`); ``bridging``: the same
    groups with a larger share of ties rewired across groups, so that bridges
    span the structural holes between them (:cite:t:`burt1992`); ``random``:
    an Erdős-Rényi graph with the same number of nodes and ties.
    Built from networkx's relaxed caveman graph. Node attribute ``group``
    gives the group of origin; every edge has ``weight`` 1.

    Parameters
    ----------
    kind : {"closed", "bridging", "random"}
    n_groups, group_size : int
        Number of groups and their size (>= 2 each).
    bridge_share : float, optional
        Probability that a within-group tie is rewired to another group;
        defaults to 0.02 (closed) and 0.25 (bridging); ignored for random.
    seed : int or numpy.random.Generator

    Returns
    -------
    networkx.Graph

    Raises
    ------
    ValueError
        For an unknown ``kind`` or bad sizes.

    Examples
    --------
    >>> G = structured_network("closed", 4, 5, seed=1)
    >>> G.number_of_nodes(), G.number_of_edges()
    (20, 40)
    >>> structured_network("random", 4, 5, seed=1).number_of_edges()
    40
    """
    if kind not in STRUCTURES:
        raise ValueError(f"kind must be one of {STRUCTURES}, got {kind!r}")
    n_groups = check_int("n_groups", n_groups, 2)
    group_size = check_int("group_size", group_size, 2)
    rng = rng_from(seed)
    sub_seed = int(rng.integers(2**31 - 1))
    if bridge_share is None:
        bridge_share = 0.02 if kind == "closed" else 0.25
    bridge_share = check_probability("bridge_share", bridge_share)
    G = nx.relaxed_caveman_graph(n_groups, group_size, bridge_share, seed=sub_seed)
    if kind == "random":
        G = nx.gnm_random_graph(n_groups * group_size, G.number_of_edges(), seed=sub_seed)
    for v in G.nodes:
        G.nodes[v]["group"] = v // group_size
    nx.set_edge_attributes(G, 1.0, "weight")
    return G


def adjacency(G: nx.Graph, weight: str | None = None) -> tuple[list, np.ndarray]:
    """Node list and dense adjacency matrix (float) of an undirected graph."""
    nodes = list(G.nodes)
    A = nx.to_numpy_array(G, nodelist=nodes, weight=weight, dtype=float)
    np.fill_diagonal(A, 0.0)
    return nodes, A
