"""regional_clusters: measures, networks and models for regional cluster research.

Subpackages and modules follow the flow of the compendium:
``data`` -> measures (``specialization``, ``identification``, ``variety``,
``relatedness``, ``networks``, ``proximity``, ``convergence``) -> ``models``
-> ``compare`` -> ``plotting``.
"""

__version__ = "0.1.0"
