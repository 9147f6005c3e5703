"""Network toolkit: clusters as graphs of heterogeneous actors.

Inputs are networkx graphs with a node attribute ``group`` (actor group) and
an edge attribute ``weight``; results are labelled pandas objects.

- :mod:`~regional_clusters.networks.build`: co-participation networks from
  Horizon 2020 and multiplex graphs from uunet files;
- :mod:`~regional_clusters.networks.brokerage`: Burt's constraint, effective
  size, efficiency and hierarchy (vectorised); Gould and Fernandez's
  brokerage roles; Krackhardt and Stern's E-I index.
"""

from .build import WEIGHTS, coparticipation_network, multiplex_graph
from .brokerage import constraint, effective_size, efficiency, hierarchy, local_constraint, brokerage, ei_index
from ._validate import check_graph

__all__ = [
    "WEIGHTS", "coparticipation_network", "multiplex_graph",
    "constraint", "effective_size", "efficiency", "hierarchy", "local_constraint", "brokerage", "ei_index",
    "check_graph",
]
