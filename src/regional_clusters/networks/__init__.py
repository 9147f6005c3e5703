"""Network toolkit: clusters as graphs of heterogeneous actors.

Inputs are networkx graphs with a node attribute ``group`` (actor group) and
an edge attribute ``weight``; results are labelled pandas objects.

- ``build``: co-participation networks from
  Horizon 2020 and multiplex graphs from uunet files;
- ``structure``: density, polycentricity,
  redundancy, closure, components, group composition and mixing,
  horizontal vs hierarchical ties;
- ``ties``: tie strength, weak and strong
  ties, bridges and local bridges;
- ``brokerage``: Burt's constraint,
  effective size, efficiency and hierarchy (vectorised); Gould and
  Fernandez's brokerage roles; Krackhardt and Stern's E-I index;
- ``nulls``: bipartite configuration null (curveball) for two-mode data,
  degree-preserving rewiring, observed-vs-expected comparisons with
  permutation p-values (k + 1) / (B + 1);
- ``qap``: QAP correlation and MRQAP;
- ``foci``: ties formed through shared foci.
"""

from ._validate import check_graph
from .brokerage import (
    ROLES,
    ROLES_UNDIRECTED,
    brokerage,
    burt_battery,
    constraint,
    constraint_on_degree,
    effective_size,
    efficiency,
    ei_index,
    group_summary,
    hierarchy,
    holes_and_coordination,
    local_constraint,
    pair_brokerage,
)
from .build import WEIGHTS, coparticipation_network, multiplex_graph
from .foci import foci_experiment, foci_network
from .nulls import (
    PROJECTION_STATISTICS,
    Incidence,
    bipartite_null,
    coparticipation_null,
    format_p,
    incidence,
    null_comparison,
    null_table,
    permutation_p,
    projection_statistics,
    rewire_null,
)
from .qap import as_matrix, dyadic_ppml, mrqap, qap_correlation
from .structure import (
    blau_index,
    closure,
    components,
    degree_centralization,
    density,
    group_assortativity,
    group_composition,
    group_mixing,
    network_profile,
    observation_focus,
    polycentricity,
    redundancy,
    removal_experiment,
    tie_hierarchy,
)
from .ties import (
    AUCS_DIMENSIONS,
    GRANOVETTER_DIMENSIONS,
    bridges,
    classify_ties,
    neighbourhood_overlap,
    strength_graph,
    tie_strength,
)

__all__ = [
    "check_graph",
    "ROLES", "ROLES_UNDIRECTED", "brokerage", "burt_battery", "constraint", "constraint_on_degree", "group_summary", "holes_and_coordination", "effective_size", "efficiency", "ei_index", "hierarchy", "local_constraint", "pair_brokerage",
    "WEIGHTS", "coparticipation_network", "multiplex_graph",
    "foci_experiment", "foci_network",
    "PROJECTION_STATISTICS", "Incidence", "bipartite_null", "coparticipation_null", "projection_statistics", "format_p", "incidence", "null_comparison", "null_table", "permutation_p", "rewire_null",
    "as_matrix", "dyadic_ppml", "mrqap", "qap_correlation",
    "blau_index", "closure", "components", "degree_centralization", "density", "group_assortativity",
    "group_composition", "group_mixing", "network_profile", "observation_focus", "polycentricity", "redundancy", "removal_experiment", "tie_hierarchy",
    "AUCS_DIMENSIONS", "GRANOVETTER_DIMENSIONS", "bridges", "classify_ties", "neighbourhood_overlap", "strength_graph", "tie_strength",
]
