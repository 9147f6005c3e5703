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

_INKAR = (
    "Bundesinstitut fuer Bau-, Stadt- und Raumforschung (BBSR): INKAR, Indikatoren und "
    "Karten zur Raum- und Stadtentwicklung, editions 2021 and 2024, as normalised by the "
    "R package inkr (RegioHub), doi:10.5281/zenodo.7643755."
)
_BA = (
    "Statistik der Bundesagentur fuer Arbeit: employees subject to social insurance and "
    "marginal employees by Kreis and occupational group (KldB 2010), 30 June 2013-2025, "
    "as packaged in the R package badata (RegioHub); derived figures are own calculations."
)
_GENESIS = (
    "Statistische Aemter des Bundes und der Laender, Regionaldatenbank Deutschland "
    "(GENESIS tables by Kreis), 2018 snapshot via datenguide/genesapi-data."
)
_REAT = (
    "Wieland, T.: REAT, Regional Economic Analysis Toolbox (R package), data set "
    "G.counties.gdp (German Kreise, GDP and population 1992-2014)."
)
_KECSKEMET_2012 = (
    "Juhasz, S. (2021), Spinoffs and tie formation in cluster knowledge networks, "
    "Small Business Economics 56(4), 1385-1404; replication data sandorjuhasz/ergm-cluster."
)
_KECSKEMET_WAVES = (
    "Juhasz, S. and Lengyel, B. (2018), Creation and persistence of ties in cluster "
    "knowledge networks, Journal of Economic Geography 18(6), 1203-1226; replication "
    "data sandorjuhasz/saom-cluster."
)
_EMON = (
    "Drabek, T. E., Tamminga, H. L., Kilijanek, T. S. and Adams, C. R. (1981), Managing "
    "Multiorganizational Emergency Responses, University of Colorado; data set emon of "
    "the R package network (Butts)."
)
_LAZEGA_SAND = (
    "Lazega, E. (2001), The Collegial Phenomenon, Oxford University Press; co-work ties "
    "among partners as packaged in the R package sand (Kolaczyk and Csardi)."
)
_NETWORKDATA = (
    "Lazega, E. (2001), The Collegial Phenomenon, Oxford University Press; Krackhardt, D. "
    "(1987), Cognitive social structures, Social Networks 9(2), 109-134; as packaged in "
    "the R package networkdata (Schoch)."
)
_BKG = (
    "(c) GeoBasis-DE / BKG 2021, Verwaltungsgebiete 1:5 000 000 (VG5000), Stand 01.01.2021, "
    "via Praesklepios/geoGermany."
)
_GISCO = (
    "(c) EuroGeographics for the administrative boundaries; Eurostat GISCO, NUTS 2016 and "
    "2021 at 1:20 million."
)
_CBSA = (
    "U.S. Census Bureau, cartographic boundary file of core-based statistical areas, "
    "2013, 1:5 million."
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
        Source(
            "inkar_2024/_indikatoren.parquet", "RegioHub/inkr", "2825eea845b6418df786243d60cfa8fb48c77a27",
            "inst/db/_indikatoren.parquet",
            "5c5c351eb5a5387a6beffbdec4e2489d5888f297d246a73e56888e05289b1148",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2024/_regionen.parquet", "RegioHub/inkr", "2825eea845b6418df786243d60cfa8fb48c77a27",
            "inst/db/_regionen.parquet",
            "7f8847163d0f785f9ee6c6717eedbd0b7c510fe2e80a62541561ebb2c828f3c1",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2024/wirtschaft.parquet", "RegioHub/inkr", "2825eea845b6418df786243d60cfa8fb48c77a27",
            "inst/db/wirtschaft.parquet",
            "cc94cfb5083b5e3cdb347ba66eb1f9f2d21f335e8754df671005fef3e8122d9c",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2024/siedlungsstruktur.parquet", "RegioHub/inkr", "2825eea845b6418df786243d60cfa8fb48c77a27",
            "inst/db/siedlungsstruktur.parquet",
            "c0fad80a3aa7e321584bd2c64bbcf5f4ef9a5781eeb270488a953f87c9f1da58",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2024/raumwirksame_mittel.parquet", "RegioHub/inkr", "2825eea845b6418df786243d60cfa8fb48c77a27",
            "inst/db/raumwirksame_mittel.parquet",
            "b0e7de26735f25de530510420326c7f2099df5ce310a9a5e1726b778b77ceb78",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2024/europa.parquet", "RegioHub/inkr", "2825eea845b6418df786243d60cfa8fb48c77a27",
            "inst/db/europa.parquet",
            "6cff763c287c46a24e1c8ced4e87e265edae2425edb20b7ce16375445bb14789",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2024/kreise.rda", "RegioHub/inkr", "2825eea845b6418df786243d60cfa8fb48c77a27",
            "data/kreise.rda",
            "8db7e0f624c0939b6b8b2e218ab2d2137efb66927ba2ede22d9fe1f14a2bfa71",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2021/_indikatoren.parquet", "RegioHub/inkr", "ded8a267e3ac2bded2eaa24aeefe331183b993e7",
            "inst/db/_indikatoren.parquet",
            "723b0976c89a7887e549fa81caaaebd1de2a0465779559616c882fd9ad91ff8c",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2021/_regionen.parquet", "RegioHub/inkr", "ded8a267e3ac2bded2eaa24aeefe331183b993e7",
            "inst/db/_regionen.parquet",
            "edcabda2d242e1729835210d087f40f3f2d2460eaec642b43b7fb69700679f3f",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2021/privateinkommen_private_schulden.parquet", "RegioHub/inkr", "ded8a267e3ac2bded2eaa24aeefe331183b993e7",
            "inst/db/privateinkommen_private_schulden.parquet",
            "3d1ad73ea90c41dcb792f25d79391b2a33d8630bde7959ca57b9100ac29a842b",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2021/verkehr_und_erreichbarkeit.parquet", "RegioHub/inkr", "ded8a267e3ac2bded2eaa24aeefe331183b993e7",
            "inst/db/verkehr_und_erreichbarkeit.parquet",
            "5536814e74ba41aaadf67459167af727a783047dfcd3e591f16854f8e12ff172",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2021/oeffentliche_finanzen.parquet", "RegioHub/inkr", "ded8a267e3ac2bded2eaa24aeefe331183b993e7",
            "inst/db/oeffentliche_finanzen.parquet",
            "8afe4b8421be18ebd6ca3302d07916dc9324e65b25424bae31b54117c71ce7d3",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2021/siedlungsstruktur.parquet", "RegioHub/inkr", "ded8a267e3ac2bded2eaa24aeefe331183b993e7",
            "inst/db/siedlungsstruktur.parquet",
            "e663b589e7aac6ce1d1bfc30fb640cbfba1d55dd3835fd7c34ce4c42cf2b232a",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2021/wirtschaft.parquet", "RegioHub/inkr", "ded8a267e3ac2bded2eaa24aeefe331183b993e7",
            "inst/db/wirtschaft.parquet",
            "17abf069bbd38c5d28c6b5fbac3053c910587bee68ac4b90aa972c2207f61e30",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "inkar_2021/raumwirksame_mittel.parquet", "RegioHub/inkr", "ded8a267e3ac2bded2eaa24aeefe331183b993e7",
            "inst/db/raumwirksame_mittel.parquet",
            "8c17ba135259e81bb56103e9e1abd3cf0879ad0ff8b14fb62632698f392b6ef4",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), (c) BBSR Bonn",
            _INKAR,
        ),
        Source(
            "ba_occupations/employees_by_workplace.rda", "RegioHub/badata", "2d6c6183beecb565837740639d9e3ed3dc6f809c",
            "data/employees_by_workplace.rda",
            "583434e2bbdb93aa2c8fb68440f71a23189cdca257bb1488d214462f7d9afe8c",
            "Statistik der Bundesagentur fuer Arbeit: reuse with attribution, derived figures marked as own calculations; packaging MIT (badata)",
            _BA,
        ),
        Source(
            "ba_occupations/employees_by_residence.rda", "RegioHub/badata", "2d6c6183beecb565837740639d9e3ed3dc6f809c",
            "data/employees_by_residence.rda",
            "38d6894392664aceaaaeb39a8f169f0071f4dc2abefa5c6e728fce527c2e299b",
            "Statistik der Bundesagentur fuer Arbeit: reuse with attribution, derived figures marked as own calculations; packaging MIT (badata)",
            _BA,
        ),
        Source(
            "ba_occupations/occupational_group_codes.rda", "RegioHub/badata", "2d6c6183beecb565837740639d9e3ed3dc6f809c",
            "data/occupational_group_codes.rda",
            "c6202e4c74f36f91218d44ab23408d596e9ceb165af8eaf6d3516c152118b457",
            "Statistik der Bundesagentur fuer Arbeit: reuse with attribution, derived figures marked as own calculations; packaging MIT (badata)",
            _BA,
        ),
        Source(
            "ba_occupations/region_codes.rda", "RegioHub/badata", "2d6c6183beecb565837740639d9e3ed3dc6f809c",
            "data/region_codes.rda",
            "3641d6d791b740291c3b81c3a56a1f137b8278f0746e2b2136307601a706e020",
            "Statistik der Bundesagentur fuer Arbeit: reuse with attribution, derived figures marked as own calculations; packaging MIT (badata)",
            _BA,
        ),
        Source(
            "regionalstatistik_2018/12411-01-01-4_00.csv", "datenguide/genesapi-data", "75112493298aa46cd7433262f14e07ea0b82b448",
            "src/12411-01-01-4_00.csv",
            "028d967d6144fe550a14c23a808da642a86117b40b2bcec10c7d71a5bbf1baf6",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), Statistische Aemter des Bundes und der Laender",
            _GENESIS,
        ),
        Source(
            "regionalstatistik_2018/13111-01-03-4_00.csv", "datenguide/genesapi-data", "75112493298aa46cd7433262f14e07ea0b82b448",
            "src/13111-01-03-4_00.csv",
            "88746b13f324c84bc763d8d4b068aad991b4903c2e846253627722863cd8b525",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), Statistische Aemter des Bundes und der Laender",
            _GENESIS,
        ),
        Source(
            "regionalstatistik_2018/13111-07-05-4_00.csv", "datenguide/genesapi-data", "75112493298aa46cd7433262f14e07ea0b82b448",
            "src/13111-07-05-4_00.csv",
            "d3c31154acda6fb1dd6aa49e39a7b557a9293d58459a92830542fe4ca2ef9266",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), Statistische Aemter des Bundes und der Laender",
            _GENESIS,
        ),
        Source(
            "regionalstatistik_2018/13312-01-04-4_00.csv", "datenguide/genesapi-data", "75112493298aa46cd7433262f14e07ea0b82b448",
            "src/13312-01-04-4_00.csv",
            "5bb84d3adda9138661a00fd29506036eded447d5a7f885ad26252f9348713815",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), Statistische Aemter des Bundes und der Laender",
            _GENESIS,
        ),
        Source(
            "regionalstatistik_2018/42111-01-04-4_00.csv", "datenguide/genesapi-data", "75112493298aa46cd7433262f14e07ea0b82b448",
            "src/42111-01-04-4_00.csv",
            "093c2a8d94e74878a271ffa8a6d2a5a7857725c435c9539252728dc85d42813a",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), Statistische Aemter des Bundes und der Laender",
            _GENESIS,
        ),
        Source(
            "regionalstatistik_2018/52111-02-01-4_00.csv", "datenguide/genesapi-data", "75112493298aa46cd7433262f14e07ea0b82b448",
            "src/52111-02-01-4_00.csv",
            "c6daba8a55e93a10cde5594ac79f6c52b355e6bc212cc3a73d41e4f5e7740ec9",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), Statistische Aemter des Bundes und der Laender",
            _GENESIS,
        ),
        Source(
            "regionalstatistik_2018/52311-01-04-4_00.csv", "datenguide/genesapi-data", "75112493298aa46cd7433262f14e07ea0b82b448",
            "src/52311-01-04-4_00.csv",
            "ddfad6666730958283b04b124fc9df61cf5a3ae98db13163faac9c33f3d69c4c",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), Statistische Aemter des Bundes und der Laender",
            _GENESIS,
        ),
        Source(
            "regionalstatistik_2018/82111-01-05-4_00.csv", "datenguide/genesapi-data", "75112493298aa46cd7433262f14e07ea0b82b448",
            "src/82111-01-05-4_00.csv",
            "2da811904ca0d8d72e4a033ec1974e54d992e661ca314d0804871b4b5204b897",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0), Statistische Aemter des Bundes und der Laender",
            _GENESIS,
        ),
        Source(
            "reat/G.counties.gdp.rda", "cran/REAT", "602f988441a73dc8b4f79e651027b508824c8e5d",
            "data/G.counties.gdp.rda",
            "cef14a965cecf9b49f1b184810f96cb78a82a879046f3029d78a68bf4bddc1b8",
            "GPL (>= 2), CRAN package REAT",
            _REAT,
        ),
        Source(
            "kecskemet_2012/cog_prox_matrix.csv", "sandorjuhasz/ergm-cluster", "8950df68519835b2a3faf7b8b95ff785b0f740da",
            "data/cog_prox_matrix.csv",
            "2ecae04776cafcb2879895ceef33081c3917e576d7ba65865ddef438a7d00558",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_2012,
        ),
        Source(
            "kecskemet_2012/firm_properties.csv", "sandorjuhasz/ergm-cluster", "8950df68519835b2a3faf7b8b95ff785b0f740da",
            "data/firm_properties.csv",
            "07cd5dfc66f4c6327d2f1b380d9ccfaf5ed74cb7f36470a8f2c2c2baf8d90e3d",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_2012,
        ),
        Source(
            "kecskemet_2012/geo_prox_matrix.csv", "sandorjuhasz/ergm-cluster", "8950df68519835b2a3faf7b8b95ff785b0f740da",
            "data/geo_prox_matrix.csv",
            "581648505c914c3ad3c9eef5eac5ddc708d46da643d73db7b114503da417c1c9",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_2012,
        ),
        Source(
            "kecskemet_2012/network_data.csv", "sandorjuhasz/ergm-cluster", "8950df68519835b2a3faf7b8b95ff785b0f740da",
            "data/network_data.csv",
            "025b4c251d9c4d9597def290fa0b7f03ccf653e8a6f3485e711c5842df3b0c8a",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_2012,
        ),
        Source(
            "kecskemet_waves/KNetwork1.csv", "sandorjuhasz/saom-cluster", "20df431778f0d809b4ff3ca346461c8ce74afa56",
            "data/KNetwork1.csv",
            "361726a9689dd1aed27c9ff9273c901198bb6727baf5758bed779cad467e7cd1",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_WAVES,
        ),
        Source(
            "kecskemet_waves/KNetwork2.csv", "sandorjuhasz/saom-cluster", "20df431778f0d809b4ff3ca346461c8ce74afa56",
            "data/KNetwork2.csv",
            "21e37022abb5740b0f518088771a31655074076789e0859fde1b1209d946d43f",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_WAVES,
        ),
        Source(
            "kecskemet_waves/age.csv", "sandorjuhasz/saom-cluster", "20df431778f0d809b4ff3ca346461c8ce74afa56",
            "data/age.csv",
            "8d23b94806567cadecfcc06d83b6885f9ed1d801c928b7c46fd00e09bc05148e",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_WAVES,
        ),
        Source(
            "kecskemet_waves/cog_prox_matrix.csv", "sandorjuhasz/saom-cluster", "20df431778f0d809b4ff3ca346461c8ce74afa56",
            "data/cog_prox_matrix.csv",
            "e5ae2071e0327020ec1887700cd06fba58233f67624def9f9be2add49fd3d8da",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_WAVES,
        ),
        Source(
            "kecskemet_waves/core_periphery.csv", "sandorjuhasz/saom-cluster", "20df431778f0d809b4ff3ca346461c8ce74afa56",
            "data/core_periphery.csv",
            "9dfdb594f5caecc0af9c332024c4d20460212353595e333b4317415e75df934b",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_WAVES,
        ),
        Source(
            "kecskemet_waves/emp.csv", "sandorjuhasz/saom-cluster", "20df431778f0d809b4ff3ca346461c8ce74afa56",
            "data/emp.csv",
            "3e29892a23d7aa7e0d1868d9e8ecf026e989264cd253e02eb884768b53804017",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_WAVES,
        ),
        Source(
            "kecskemet_waves/export.csv", "sandorjuhasz/saom-cluster", "20df431778f0d809b4ff3ca346461c8ce74afa56",
            "data/export.csv",
            "9d692b3097f66d4a3a910168242a8be349b0aceae04e7706719c3989c5d648b1",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_WAVES,
        ),
        Source(
            "kecskemet_waves/external_ties.csv", "sandorjuhasz/saom-cluster", "20df431778f0d809b4ff3ca346461c8ce74afa56",
            "data/external_ties.csv",
            "5611b90d79795759f8d2dbd96d5cfeab0e16f9d2fe9c9b7d4f44004265b8afc7",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_WAVES,
        ),
        Source(
            "kecskemet_waves/geo_prox_matrix.csv", "sandorjuhasz/saom-cluster", "20df431778f0d809b4ff3ca346461c8ce74afa56",
            "data/geo_prox_matrix.csv",
            "6af6278f57872bb4497c7f7149912482635d7c180dc8ac7e3fc58e7b2b2949f3",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_WAVES,
        ),
        Source(
            "kecskemet_waves/ownership.csv", "sandorjuhasz/saom-cluster", "20df431778f0d809b4ff3ca346461c8ce74afa56",
            "data/ownership.csv",
            "7f006ca1c2ea079e6ce6b4cd20ba922f159c751c48fa04ab3f6aa904e0b50470",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_WAVES,
        ),
        Source(
            "kecskemet_waves/transtripXcog.csv", "sandorjuhasz/saom-cluster", "20df431778f0d809b4ff3ca346461c8ce74afa56",
            "data/transtripXcog.csv",
            "2a26da78d42da15f97d3ffec311e66664ea07b77a190b8ae108475649a8f0b80",
            "No licence stated: public replication data of the cited article",
            _KECSKEMET_WAVES,
        ),
        Source(
            "emon/emon.RData", "cran/network", "2ffca4f69550f7f1e74e4b95fd35ac5bcff5cc60",
            "data/emon.RData",
            "769dd64be43e4915b0f91a54bcfc6e976aa412aeef62990cdf3c9d3a061c5ec7",
            "GPL (>= 2), CRAN package network",
            _EMON,
        ),
        Source(
            "lazega/elist.lazega.rda", "cran/sand", "9162d265a331d643fae667004f8a24bbabd0a451",
            "data/elist.lazega.rda",
            "e131f71a2c0433bd16c278cff5dcccdc32c4df68ba48a9171d42852f72600792",
            "GPL-3, CRAN package sand",
            _LAZEGA_SAND,
        ),
        Source(
            "lazega/v.attr.lazega.rda", "cran/sand", "9162d265a331d643fae667004f8a24bbabd0a451",
            "data/v.attr.lazega.rda",
            "555edd81c4265b6d134bb8f3cde2cb6c9d9f2357224c30c4bacd77e850dfdf36",
            "GPL-3, CRAN package sand",
            _LAZEGA_SAND,
        ),
        Source(
            "boundaries_de_2021/Ebene_Kreise.geojson", "Praesklepios/geoGermany", "7af434f1917117f1101e6f2237b3c50422cc46bc",
            "geojson/Ebene_Kreise.geojson",
            "9b00382dbe31ddb10b9ce5847ec6b5eeb844550787d97ae951191566079b1cf7",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0): (c) GeoBasis-DE / BKG 2021",
            _BKG,
        ),
        Source(
            "boundaries_de_2021/Ebene_Laender.geojson", "Praesklepios/geoGermany", "7af434f1917117f1101e6f2237b3c50422cc46bc",
            "geojson/Ebene_L%C3%A4nder.geojson",
            "318b2a4ed30127738369d198cf201378be4033fe9349ca42fffcd1cdc2cd6a41",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0): (c) GeoBasis-DE / BKG 2021",
            _BKG,
        ),
        Source(
            "boundaries_de_2021/quellenvermerk_datenlizenz_deutschland.txt", "Praesklepios/geoGermany", "7af434f1917117f1101e6f2237b3c50422cc46bc",
            "geogermany/bkgdata/vg5000_01-01.gk3.shape.ebenen/quellenvermerk_datenlizenz_deutschland.txt",
            "cd4c468fad9c59ac93ef795a7bc583ec4f86d017350ea13331e122c21c77087d",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0): (c) GeoBasis-DE / BKG 2021",
            _BKG,
        ),
        Source(
            "boundaries_de_2021/VG5000_KRS.dbf", "Praesklepios/geoGermany", "7af434f1917117f1101e6f2237b3c50422cc46bc",
            "geogermany/bkgdata/vg5000_01-01.gk3.shape.ebenen/vg5000_ebenen_0101/VG5000_KRS.dbf",
            "6cb5362d255b411e31122c9b9ad320d27cb4f312e1f5925c2c135dac93ea771f",
            "Datenlizenz Deutschland - Namensnennung 2.0 (dl-de/by-2-0): (c) GeoBasis-DE / BKG 2021",
            _BKG,
        ),
        Source(
            "boundaries_nuts/NUTS_RG_20M_2016_4326_LEVL_2.geojson", "ericofrs/istat_2020", "34e79f6cdd37fe9873ec3de3db6ab3c93b037dc6",
            "NUTS_RG_20M_2016_4326_LEVL_2.geojson",
            "e21a238eb21f23a8b3a311aa4c0dde91902258b97e0a3bbb128074e56ddc18f1",
            "Eurostat GISCO: free for non-commercial use, (c) EuroGeographics for the administrative boundaries",
            _GISCO,
        ),
        Source(
            "boundaries_nuts/NUTS_RG_20M_2016_4326_LEVL_3.geojson", "ericofrs/istat_2020", "34e79f6cdd37fe9873ec3de3db6ab3c93b037dc6",
            "NUTS_RG_20M_2016_4326_LEVL_3.geojson",
            "c9eb4ca4850898c8112209253364e9632978697a9e0d194174474c5d0685f021",
            "Eurostat GISCO: free for non-commercial use, (c) EuroGeographics for the administrative boundaries",
            _GISCO,
        ),
        Source(
            "boundaries_nuts/NUTS_RG_20M_2021_4326_LEVL_2.geojson", "eurostat/mortality-viz", "095a0239880b2f9fa56719ebb245f55ebd28ba55",
            "NUTS_RG_20M_2021_4326_LEVL_2.geojson",
            "09300511ff7b2c1947420cf831bb7ce5a1a2b292aa6b0858df6491511d67e964",
            "Eurostat GISCO: free for non-commercial use, (c) EuroGeographics for the administrative boundaries",
            _GISCO,
        ),
        Source(
            "boundaries_nuts/NUTS_RG_20M_2021_4326_LEVL_3.geojson", "eurostat/mortality-viz", "095a0239880b2f9fa56719ebb245f55ebd28ba55",
            "NUTS_RG_20M_2021_4326_LEVL_3.geojson",
            "7261169b7fc3b20c6e76e0e835433502c42574d3a826b0be042ff223c976a819",
            "Eurostat GISCO: free for non-commercial use, (c) EuroGeographics for the administrative boundaries",
            _GISCO,
        ),
        Source(
            "boundaries_us_cbsa_2013/cb_2013_us_cbsa_5m.geojson", "poochi28/codebank", "88d237346fe3819148cc05c4e21e21ce280e1fa5",
            "cb_2013_us_cbsa_5m.geojson",
            "0e7560d1c8db625f78953c4e7714d1d98afd7153f63ced2cfcca9db1b238e63a",
            "Public domain (U.S. Census Bureau)",
            _CBSA,
        ),
        Source(
            "uscmp_2016/regions_data.Rds", "aousabdo/clustermapping", "4da7354f4acb1389f7f8b6972cd5e1fb7e54e298",
            "clustermapping_app/data/regions_data.Rds",
            "bedd0034bb10a050fecac223db42aa94b4232d26091e8cc3f6377d577c3dc519",
            "Public domain (U.S. Census County Business Patterns, as processed by the U.S. Cluster Mapping Project)",
            _CMP_CITATION,
        ),
        Source(
            "networkdata/law_advice.rda", "schochastics/networkdata", "8e4994bc261654d040b8438a6568c6087db9dc60",
            "data/law_advice.rda",
            "f0541e7f19a00addc58f49c92d5222234419d382847a651c3578a19e3d37725b",
            "MIT for the packaging (R package networkdata); cite the original authors",
            _NETWORKDATA,
        ),
        Source(
            "networkdata/law_friends.rda", "schochastics/networkdata", "8e4994bc261654d040b8438a6568c6087db9dc60",
            "data/law_friends.rda",
            "289e12cc9c5781ef2dbf8dede8b089fbded6cbfdb8a709bcd63af5467112b779",
            "MIT for the packaging (R package networkdata); cite the original authors",
            _NETWORKDATA,
        ),
        Source(
            "networkdata/law_cowork.rda", "schochastics/networkdata", "8e4994bc261654d040b8438a6568c6087db9dc60",
            "data/law_cowork.rda",
            "ca9063084f12132114ce5e66a9bf5ac5925d7f2c42b2f23de1d3268b702dd948",
            "MIT for the packaging (R package networkdata); cite the original authors",
            _NETWORKDATA,
        ),
        Source(
            "networkdata/ht_advice.rda", "schochastics/networkdata", "8e4994bc261654d040b8438a6568c6087db9dc60",
            "data/ht_advice.rda",
            "55e4d439b80e634c9ca531f57152bb4809cf9bda82b9c50be6dabd0ddadde549",
            "MIT for the packaging (R package networkdata); cite the original authors",
            _NETWORKDATA,
        ),
        Source(
            "networkdata/ht_friends.rda", "schochastics/networkdata", "8e4994bc261654d040b8438a6568c6087db9dc60",
            "data/ht_friends.rda",
            "dcad3b35f79a2a4fd92019475b88ee181eb479d188321304ecd49fdc4ad71c16",
            "MIT for the packaging (R package networkdata); cite the original authors",
            _NETWORKDATA,
        ),
        Source(
            "networkdata/ht_reports.rda", "schochastics/networkdata", "8e4994bc261654d040b8438a6568c6087db9dc60",
            "data/ht_reports.rda",
            "10624603f8863ec1069394d39473ece69e5f18b8ed31624a08dd42ccfa857f03",
            "MIT for the packaging (R package networkdata); cite the original authors",
            _NETWORKDATA,
        ),
        Source(
            "networkdata/LICENSE.md", "schochastics/networkdata", "8e4994bc261654d040b8438a6568c6087db9dc60",
            "LICENSE.md",
            "27fc0d3c6db52e82f69c74d1af087ceb7f5db10cc95fc2745ebaeb6e28dba1f9",
            "MIT for the packaging (R package networkdata); cite the original authors",
            _NETWORKDATA,
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
