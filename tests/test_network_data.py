"""Readers of the real actor networks: counts from the data README, decoded
attributes, independent cross-checks, and the failure paths (a tampered
file, malformed matrices, old Mac line endings)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from regional_clusters import data
from regional_clusters.data import networks as rnet

MIRROR = os.environ.get(data.MIRROR_ENV)
needs_mirror = pytest.mark.skipif(not MIRROR or not Path(MIRROR).is_dir(), reason="no data mirror configured")


# --------------------------------------------------------------------------
# Counts stated in the mirror's README


@needs_mirror
def test_kecskemet_2012_counts_and_attributes():
    net = rnet.load_kecskemet_2012()
    G = net.graph
    assert (G.number_of_nodes(), G.number_of_edges()) == (26, 223)
    assert G.is_directed() and nx.number_of_selfloops(G) == 0
    assert list(net.firms.index) == list(G) == list(net.geo_proximity.index) == list(net.cognitive_proximity.columns)
    # hand-read from the files: P1 asks P9 for advice, P2 is foreign-owned with 8 extra-regional partners
    assert G.has_edge("P1", "P9") and not G.has_edge("P9", "P1")
    assert G.nodes["P2"]["foreign_owned"] is True and G.nodes["P2"]["extra_regional_ties"] == 8
    assert int(net.firms["petofi_spinoff"].sum()) == 5
    geo = net.geo_proximity.to_numpy()
    assert np.array_equal(geo, geo.T) and set(np.diag(geo)) == {11}  # 11 km = the largest distance
    cog = net.cognitive_proximity.to_numpy()
    assert np.array_equal(cog, cog.T) and cog.min() >= 0 and cog.max() <= 4


@needs_mirror
def test_kecskemet_waves_counts_exits_and_entries():
    waves = rnet.load_kecskemet_waves()
    assert [waves.graphs[y].number_of_nodes() for y in (2012, 2015)] == [28, 28]
    assert [waves.graphs[y].number_of_edges() for y in (2012, 2015)] == [223, 181]
    left = sorted(waves.present.index[waves.present[2012] & ~waves.present[2015]])
    entered = sorted(waves.present.index[~waves.present[2012] & waves.present[2015]])
    assert left == ["P13", "P7"] and entered == ["P31", "P32"]
    for year, gone in ((2012, entered), (2015, left)):
        assert all(waves.graphs[year].degree(f) == 0 for f in gone)


@needs_mirror
def test_kecskemet_first_wave_is_the_2012_network():
    """Two repositories, one survey: the 2012 wave equals the 26-firm network."""
    net = rnet.load_kecskemet_2012()
    waves = rnet.load_kecskemet_waves()
    sub = waves.graphs[2012].subgraph(net.graph.nodes)
    assert set(sub.edges) == set(net.graph.edges)
    labels = list(net.graph)
    assert (waves.geo_proximity.loc[labels, labels] == net.geo_proximity).all().all()
    # the wave file's years in industry are the 2012 file's plus three (one value per firm)
    diff = waves.firms.loc[labels, "years_in_industry"] - net.firms["years_in_industry"]
    assert set(diff) == {3}


@needs_mirror
def test_emon_seven_networks():
    emon = rnet.load_emon()
    sizes = {k: (G.number_of_nodes(), G.number_of_edges()) for k, G in emon.items()}
    assert sizes == {
        "Cheyenne": (14, 83), "HurrFrederic": (21, 118), "LakePomona": (20, 148), "MtSi": (13, 33),
        "MtStHelens": (27, 123), "Texas": (25, 186), "Wichita": (20, 149),
    }
    private = sum(sum(d["sector"] == "private" for _, d in G.nodes(data=True)) for G in emon.values())
    assert private == 30
    G = emon["Cheyenne"]
    assert G.nodes[1]["sponsorship"] == "State" and G.nodes[1]["sector"] == "public"
    assert G[1][2]["frequency"] == 1 and G[1][2]["weight"] == 4.0  # first edge of the R object: 1 -> 2, continuous
    assert all(d["frequency"] in (1, 2, 3, 4) for *_, d in G.edges(data=True))


@needs_mirror
def test_lazega_layers_and_attributes():
    law = rnet.load_lazega()
    assert {k: G.number_of_edges() for k, G in law.items()} == {"advice": 892, "friendship": 575, "cowork": 1104}
    G = law["advice"]
    assert G.number_of_nodes() == 71
    status = nx.get_node_attributes(G, "status")
    assert sum(v == "partner" for v in status.values()) == 36
    assert all(status[i] == "partner" for i in range(1, 37))  # partners are numbered first
    assert G.nodes[1]["office"] == "Boston" and G.nodes[3]["office"] == "Hartford"
    assert set(nx.get_node_attributes(G, "practice").values()) == {"litigation", "corporate"}


@needs_mirror
def test_lazega_partner_copy_is_the_reciprocated_cowork_among_partners():
    """Independent check: sand's 115 partner co-work ties are exactly the
    reciprocated co-work ties among lawyers 1-36 of the networkdata copy."""
    partners = rnet.load_lazega_partners()
    assert (partners.number_of_nodes(), partners.number_of_edges()) == (36, 115)
    cowork = rnet.load_lazega()["cowork"].subgraph(range(1, 37))
    mutual = {frozenset((a, b)) for a, b in cowork.edges if cowork.has_edge(b, a)}
    assert mutual == {frozenset(e) for e in partners.edges}
    law = rnet.load_lazega()["advice"]
    assert all(partners.nodes[i]["office"] == law.nodes[i]["office"] for i in partners)


@needs_mirror
def test_krackhardt_layers():
    ht = rnet.load_krackhardt()
    assert {k: G.number_of_edges() for k, G in ht.items()} == {"advice": 190, "friendship": 102, "reports_to": 20}
    assert ht["advice"].number_of_nodes() == 21
    # everyone but the CEO reports to exactly one manager
    out = dict(ht["reports_to"].out_degree())
    ceo = [n for n, d in ht["advice"].nodes(data=True) if d["level"] == "CEO"]
    assert len(ceo) == 1 and out[ceo[0]] == 0 and sorted(set(out.values())) == [0, 1]


# --------------------------------------------------------------------------
# Failure paths


@pytest.fixture
def private_mirror(tmp_path, monkeypatch):
    """A writable copy of the Kecskemét and EMON files and an empty cache."""
    if not MIRROR or not Path(MIRROR).is_dir():
        pytest.skip("no data mirror configured")
    mirror = tmp_path / "mirror"
    for folder in ("kecskemet_2012", "emon"):
        shutil.copytree(Path(MIRROR) / folder, mirror / folder)
        for f in (mirror / folder).iterdir():
            f.chmod(0o644)
    monkeypatch.setenv(data.MIRROR_ENV, str(mirror))
    monkeypatch.setenv(data.CACHE_ENV, str(tmp_path / "cache"))
    return mirror


def test_tampered_network_file_is_rejected(private_mirror):
    path = private_mirror / "kecskemet_2012" / "network_data.csv"
    text = path.read_text()
    path.write_text(text.replace("P1;0;0;0;0;0;0;0;0;1", "P1;0;0;0;0;0;0;0;0;0", 1))  # drop one tie
    with pytest.raises(data.ChecksumError, match="kecskemet_2012/network_data.csv"):
        rnet.load_kecskemet_2012()


def test_tampered_emon_file_is_rejected(private_mirror):
    rnet._emon_objects.cache_clear()
    path = private_mirror / "emon" / "emon.RData"
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 0xFF
    path.write_bytes(bytes(raw))
    try:
        with pytest.raises(data.ChecksumError, match="emon/emon.RData"):
            rnet.load_emon()
    finally:
        rnet._emon_objects.cache_clear()


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_matrix_reader_handles_every_line_ending(tmp_path, newline):
    path = tmp_path / "m.csv"
    rows = [";A;B;C", "A;0;1;1", "B;0;0;1", "C;1;0;0"]
    path.write_bytes((newline.join(rows) + newline).encode())
    M = rnet.read_matrix_csv(path, binary=True)
    assert list(M.index) == ["A", "B", "C"] and int(M.to_numpy().sum()) == 4


@needs_mirror
def test_mac_line_endings_in_the_mirror_are_read_in_full():
    path = Path(MIRROR) / "kecskemet_waves" / "KNetwork2.csv"
    raw = path.read_bytes()
    assert b"\r" in raw and b"\n" not in raw  # the 2015 file has old Mac line endings
    M = rnet.read_matrix_csv(path, binary=True)
    assert M.shape == (28, 28) and int(M.to_numpy().sum()) == 181


@pytest.mark.parametrize(
    "rows, message",
    [
        ([";A;B", "A;0;1", "C;0;0"], "row and column labels differ"),
        ([";A;B", "A;0;2", "B;0;0"], "other than 0/1 in the row of 'A'"),
        ([";A;B", "A;1;0", "B;0;0"], "'A' is tied to itself"),
        ([";A;B", "A;0;", "B;0;0"], "missing or non-numeric value in the row of 'A'"),
        ([";A;B", "A;0;x", "B;0;0"], "missing or non-numeric value in the row of 'A'"),
        ([";A;A", "A;0;1", "A;0;0"], "duplicated row label 'A'"),
    ],
)
def test_matrix_reader_names_the_problem(tmp_path, rows, message):
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(rows) + "\n")
    with pytest.raises(ValueError, match=message):
        rnet.read_matrix_csv(path, binary=True)


def test_network_object_errors_name_the_problem():
    base = {
        "gal": {"n": np.array([2]), "directed": np.array([True])},
        "val": [{"vertex.names": np.array(["a"]), "Sponsorship": np.array(["City"])},
                {"vertex.names": np.array(["b"]), "Sponsorship": np.array(["Private"])}],
        "mel": [{"outl": np.array([1.0]), "inl": np.array([2.0]), "atl": {"Frequency": np.array([2.0])}}],
    }
    G = rnet._network_object("toy", base)
    assert G[1][2]["weight"] == 3.0 and G.nodes[2]["sector"] == "private"
    loop = dict(base, mel=[{"outl": np.array([1.0]), "inl": np.array([1.0]), "atl": {"Frequency": np.array([1.0])}}])
    with pytest.raises(ValueError, match="organisation 1 is tied to itself"):
        rnet._network_object("toy", loop)
    bad_freq = dict(base, mel=[{"outl": np.array([1.0]), "inl": np.array([2.0]), "atl": {"Frequency": np.array([7.0])}}])
    with pytest.raises(ValueError, match="Frequency 7"):
        rnet._network_object("toy", bad_freq)
    undirected = dict(base, gal={"n": np.array([2]), "directed": np.array([False])})
    with pytest.raises(ValueError, match="undirected"):
        rnet._network_object("toy", undirected)
    with pytest.raises(ValueError, match="no 'mel'"):
        rnet._network_object("toy", {"gal": base["gal"], "val": base["val"]})
