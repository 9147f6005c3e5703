"""regional_clusters: measures, networks and models for regional cluster research.

Subpackages and modules follow the flow of the compendium:
``data`` -> measures (``specialization``, ``identification``, ``variety``,
``relatedness``, ``networks``, ``proximity``, ``convergence``, ``spatial``,
``dynamics``) -> ``models`` -> ``compare`` -> ``plotting``.
"""

import warnings as _warnings

# pooch and esda import tqdm.auto, which warns in a Jupyter kernel without
# ipywidgets; the warning concerns the front end's progress bars, not results.
_warnings.filterwarnings("ignore", message="IProgress not found")

__version__ = "0.1.0"
