"""Data layer: pinned public datasets, verified downloads, tidy loaders.

``SOURCES`` lists the pinned files; :func:`fetch` explains the cache and
the mirror setting; one ``load_*`` function per dataset returns a tidy table.
"""

from .fetch import CACHE_ENV, MIRROR_ENV, ChecksumError, DataUnavailableError, cache_dir, fetch
from .loaders import (
    EUROSTAT_INDICATORS,
    Multiplex,
    coding_table,
    load_cbp_2019,
    load_cluster_definitions,
    load_cluster_links,
    load_cluster_mapping,
    load_eurostat_nuts2,
    load_h2020,
    load_mexico_states,
    load_multiplex,
    load_subclusters,
    load_us_state_incomes,
    load_uspto_patents,
    read_mpx,
)
from .networks import (
    EMON_PUBLIC,
    ClusterNetwork,
    ClusterWaves,
    load_emon,
    load_kecskemet_2012,
    load_kecskemet_waves,
    load_krackhardt,
    load_lazega,
    load_lazega_partners,
    read_matrix_csv,
)
from .occupations import (
    BA_YEARS,
    field_employment,
    load_ba_occupations,
    load_occupation_codes,
    occupation_fields,
)
from .germany import (
    INKAR_INDICATORS,
    KREIS_VINTAGE,
    check_kreis_codes,
    eurostat_urban_rural,
    harmonise_kreis_codes,
    inkar_indicator,
    kreis_crosswalk,
    kreis_geodataframe,
    load_inkar,
    load_inkar_aggregates,
    load_inkar_europa,
    load_kreis_boundaries,
    load_kreise,
    load_laender_boundaries,
    load_nuts_boundaries,
    load_reat_gdp,
    load_regionalstatistik,
    regionalstatistik_population,
)
from .regions import check_labour_market_regions, check_planning_regions, labour_market_regions, planning_regions
from .registry import SOURCES, Source, get_source
from .wide import to_wide

__all__ = [
    "CACHE_ENV", "MIRROR_ENV", "ChecksumError", "DataUnavailableError", "cache_dir", "fetch",
    "EUROSTAT_INDICATORS", "Multiplex", "coding_table", "load_cbp_2019", "load_cluster_definitions",
    "load_cluster_links", "load_cluster_mapping", "load_eurostat_nuts2", "load_h2020",
    "load_mexico_states", "load_multiplex", "load_subclusters", "load_us_state_incomes",
    "load_uspto_patents", "read_mpx", "SOURCES", "Source", "get_source", "to_wide",
    "INKAR_INDICATORS", "KREIS_VINTAGE", "check_kreis_codes", "eurostat_urban_rural", "harmonise_kreis_codes",
    "inkar_indicator",
    "kreis_crosswalk", "kreis_geodataframe", "load_inkar", "load_inkar_aggregates", "load_inkar_europa",
    "load_kreis_boundaries", "load_kreise", "load_laender_boundaries", "load_nuts_boundaries", "load_reat_gdp",
    "load_regionalstatistik", "regionalstatistik_population",
    "EMON_PUBLIC", "ClusterNetwork", "ClusterWaves", "load_emon", "load_kecskemet_2012", "load_kecskemet_waves",
    "load_krackhardt", "load_lazega", "load_lazega_partners", "read_matrix_csv",
    "BA_YEARS", "field_employment", "load_ba_occupations", "load_occupation_codes", "occupation_fields",
    "check_planning_regions", "planning_regions", "check_labour_market_regions", "labour_market_regions",
]
