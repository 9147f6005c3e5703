"""Registry of the pinned public datasets the compendium uses.

Every file lives in a public GitHub repository at a fixed commit, so its
bytes never change; the sha256 checksum below is verified on every fetch.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Source", "SOURCES", "get_source"]

_RAW = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"

_CMP_REPO = "aousabdo/clustermapping"
_CMP_COMMIT = "4da7354f4acb1389f7f8b6972cd5e1fb7e54e298"
_METRO_REPO = "fansi-sifan/metro-datasets"
_METRO_COMMIT = "1c3c9160847e187a2cb423e2fc22328b7d6657bd"
_EU_REPO = "andrea-ballatore/open-geo-data-education"
_EU_COMMIT = "a9f68c60b0088e1b34cfc35b985513cfdcaba05e"
_H2020_REPO = "zambujo/eunets"
_H2020_COMMIT = "f1bec7e0e150151f49fa3ff0c06b2f6ea31e2c05"

_CMP_CITATION = (
    "U.S. Cluster Mapping Project, Institute for Strategy and Competitiveness, "
    "Harvard Business School, and U.S. Economic Development Administration; "
    "cluster definitions: Delgado, M., Porter, M. E. and Stern, S. (2016), "
    "Defining clusters of related industries, Journal of Economic Geography 16(1), 1-38."
)


@dataclass(frozen=True)
class Source:
    """One pinned file: where it lives, how to check it, and how to cite it.

    Attributes
    ----------
    key : str
        Identifier used by the loaders, e.g. ``"h2020/h2020.csv.gz"``; it is
        also the file's relative path inside a mirror folder.
    repo, commit, path : str
        GitHub repository, pinned commit and path of the file in it.
    sha256 : str
        Expected checksum of the file's bytes.
    licence : str
        Licence or terms of reuse of the underlying data.
    citation : str
        How to cite the data.
    """

    key: str
    repo: str
    commit: str
    path: str
    sha256: str
    licence: str
    citation: str

    @property
    def url(self) -> str:
        """The pinned download address."""
        return _RAW.format(repo=self.repo, commit=self.commit, path=self.path)

    @property
    def filename(self) -> str:
        return self.key.rsplit("/", 1)[-1]


SOURCES: dict[str, Source] = {
    s.key: s
    for s in [
        Source(
            "uscmp_2016/all_msa_clusters.rds", _CMP_REPO, _CMP_COMMIT,
            "clustermapping_app/data/all_msa_clusters.rds",
            "03b4598937736ad6cb16dfb9bfe0d13ad85b00f86da387d648bff9863eed798e",
            "Public domain (U.S. Census County Business Patterns 2016, as processed by the U.S. Cluster Mapping Project)",
            _CMP_CITATION,
        ),
        Source(
            "uscmp_2016/all_states_clusters.rds", _CMP_REPO, _CMP_COMMIT,
            "clustermapping_app/data/all_states_clusters.rds",
            "5047c2408ce2588cde0b5039a84be958d97bc3b50ae09e7b54ce56abbf1dd465",
            "Public domain (U.S. Census County Business Patterns 2016, as processed by the U.S. Cluster Mapping Project)",
            _CMP_CITATION,
        ),
        Source(
            "uscmp_2016/cluster_data.Rds", _CMP_REPO, _CMP_COMMIT,
            "clustermapping_app/data/cluster_data.Rds",
            "54113f2ff1927ad0da277fc86ba6f13f7dc304af4aa4be448ba77b69335ece4c",
            "Cluster definitions published by the U.S. Cluster Mapping Project for public use",
            _CMP_CITATION,
        ),
        Source(
            "uscmp_2016/cluster_edges.Rds", _CMP_REPO, _CMP_COMMIT,
            "clustermapping_app/data/cluster_edges.Rds",
            "faa9c5334113094322d28462d4f1b169e35dc67d1a5d1424ee954bb76a10fc4b",
            "Cluster definitions published by the U.S. Cluster Mapping Project for public use",
            _CMP_CITATION,
        ),
        Source(
            "cbp_2019/cbp_cbsa_naics_emp.rda", _METRO_REPO, _METRO_COMMIT,
            "census/census_cbp/cbp_cbsa_naics_emp.rda",
            "c5d9f6e296ab9ca51321ecc97bdac70564a660a73d684a2c91e305b671ddd560",
            "Public domain (U.S. Census Bureau)",
            "U.S. Census Bureau, County Business Patterns 2019, metropolitan and "
            "micropolitan statistical areas by NAICS (via the Census API; compiled "
            "in fansi-sifan/metro-datasets).",
        ),
        Source(
            "uspto_cbsa/cbsa_uspto.csv", _METRO_REPO, _METRO_COMMIT,
            "uspto/cbsa_uspto.csv",
            "cb9ce12b7077dc8ff8b1692753c6e32873a663caccd9b7e7f520d892a3d955f2",
            "Public domain (U.S. Patent and Trademark Office)",
            "U.S. Patent and Trademark Office, Patent Technology Monitoring Team, "
            "utility patent grants by metropolitan and micropolitan area of origin, "
            "2000-2015 (compiled in fansi-sifan/metro-datasets).",
        ),
        Source(
            "eurostat_nuts2/eu_all_geo_data.rds", _EU_REPO, _EU_COMMIT,
            "datasets/eu_eurostat_indicators_2005_2020/eu_all_geo_data.rds",
            "9c78bbd3db169ab7e5ba038b6253d1149c4d1c43ae74fd06a38d48103c060295",
            "Eurostat copyright notice: free reuse with acknowledgement of the source",
            "Eurostat regional statistics (tables tgs00003, tgs00096, tgs00040, "
            "tgs00010, tgs00026 and others), extracted December 2020 and compiled in "
            "andrea-ballatore/open-geo-data-education.",
        ),
        Source(
            "h2020/h2020.csv.gz", _H2020_REPO, _H2020_COMMIT, "data/h2020.csv.gz",
            "bafe685bb57c262aeb81ec88c6f9c47cd9d4087224ac264c2aa29fb72d7458cd",
            "CC BY 4.0 (European Commission, CORDIS)",
            "European Commission, CORDIS: EU research projects under Horizon 2020 "
            "(2014-2020), participations, downloaded December 2020 and compiled in zambujo/eunets.",
        ),
        Source(
            "h2020/programme_parts.csv.gz", _H2020_REPO, _H2020_COMMIT,
            "data/programme_parts.csv.gz",
            "5ae4987892591cd575fd69b45bfda3c927d0a6b40c258339f04154ca6cead8bb",
            "CC BY 4.0 (European Commission, CORDIS)",
            "European Commission, CORDIS: Horizon 2020 projects and their programme "
            "parts, compiled in zambujo/eunets.",
        ),
    ]
}


def get_source(key: str) -> Source:
    """Return the registry entry for ``key``.

    Raises
    ------
    KeyError
        If ``key`` is not a registered file; the message lists the known keys.
    """
    try:
        return SOURCES[key]
    except KeyError:
        raise KeyError(f"unknown dataset file {key!r}; known files: {sorted(SOURCES)}") from None
