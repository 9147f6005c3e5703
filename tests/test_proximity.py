"""Tests of regional_clusters.proximity: distances against published values,
dyadic covariates, collaboration counts against brute force, the PPML
gravity estimator on simulated data, and tie-share bookkeeping."""

from __future__ import annotations

import itertools
import math
import os
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regional_clusters import data
from regional_clusters import proximity as px

MIRROR = os.environ.get(data.MIRROR_ENV)
needs_mirror = pytest.mark.skipif(not MIRROR or not Path(MIRROR).is_dir(), reason="no data mirror configured")


# --- distance -----------------------------------------------------------------


def test_haversine_rosetta_code_worked_example():
    # Rosetta Code, "Haversine formula": BNA (36.12, -86.67) to LAX
    # (33.94, -118.40) with R = 6372.8 km gives 2887.2599506071106 km.
    assert px.haversine(36.12, -86.67, 33.94, -118.40, radius=6372.8) == pytest.approx(2887.2599506, abs=1e-6)


def test_paris_london_published_distance():
    # Great-circle distance between the centres of Paris (48.8566 N, 2.3522 E)
    # and London (51.5074 N, 0.1278 W): about 344 km (343.5 km).
    assert px.haversine(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1.0)
    # From the project's coordinates table (capital coordinates to the minute).
    D = px.distance_matrix(places=["FR", "UK"])
    assert D.loc["FR", "UK"] == pytest.approx(344, rel=0.02)


@pytest.mark.parametrize(
    "a, b, km",
    [
        # city-centre pairs; published great-circle distances (rounded)
        (("DE", "FR"), None, 878),  # Berlin-Paris about 878 km
        (("ES", "IT"), None, 1365),  # Madrid-Rome about 1365 km
        (("UK", "US"), None, 5900),  # London-Washington about 5900 km
    ],
)
def test_capital_distances_plausible(a, b, km):
    D = px.distance_matrix(places=list(a))
    assert D.iloc[0, 1] == pytest.approx(km, rel=0.02)


def test_antipodes_and_equator_quarter():
    R = px.EARTH_RADIUS_KM
    assert px.haversine(0, 0, 0, 180) == pytest.approx(math.pi * R)
    assert px.haversine(0, 0, 0, 90) == pytest.approx(math.pi * R / 2)
    assert px.haversine(90, 0, -90, 0) == pytest.approx(math.pi * R)


coord = st.tuples(st.floats(-89.9, 89.9), st.floats(-179.9, 179.9))


@settings(max_examples=200, deadline=None)
@given(coord, coord)
def test_haversine_agrees_with_spherical_law_of_cosines(p, q):
    # independent method: unit vectors and the angle between them
    def vec(lat, lon):
        lat, lon = math.radians(lat), math.radians(lon)
        return np.array([math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)])

    u, v = vec(*p), vec(*q)
    angle = math.atan2(np.linalg.norm(np.cross(u, v)), float(u @ v))
    d = px.haversine(p[0], p[1], q[0], q[1])
    assert d == pytest.approx(angle * px.EARTH_RADIUS_KM, abs=1e-6)
    assert d == pytest.approx(px.haversine(q[0], q[1], p[0], p[1]))


def test_distance_matrix_properties():
    D = px.distance_matrix(places=["DE", "FR", "PL", "PT", "FI"]).to_numpy()
    assert np.allclose(D, D.T) and np.allclose(np.diag(D), 0)
    for i, j, k in itertools.permutations(range(5), 3):
        assert D[i, k] <= D[i, j] + D[j, k] + 1e-9


@pytest.mark.parametrize(
    "args",
    [(91, 0, 0, 0), (0, 181, 0, 0), (0, 0, float("nan"), 0)],
)
def test_haversine_bad_coordinates(args):
    with pytest.raises(ValueError, match="latitude|longitude|missing"):
        px.haversine(*args)


def test_distance_matrix_unknown_place():
    with pytest.raises(ValueError, match="'GR'"):
        px.distance_matrix(places=["DE", "GR"])


def test_coordinates_table_is_clean():
    C = px.country_coordinates()
    assert C.index.is_unique
    assert C["latitude"].between(-90, 90).all() and C["longitude"].between(-180, 180).all()
    assert C.loc["EL", "iso2"] == "GR" and C.loc["UK", "iso2"] == "GB"
    assert "GR" not in C.index and "GB" not in C.index
    # a few capitals checked by hand (degrees and minutes)
    assert C.loc["DE", ["latitude", "longitude"]].tolist() == pytest.approx([52.5167, 13.4], abs=1e-3)
    assert C.loc["EL", ["latitude", "longitude"]].tolist() == pytest.approx([37.9833, 23.7333], abs=1e-3)


@needs_mirror
def test_every_h2020_country_has_coordinates():
    countries = set(data.load_h2020()["country"].dropna().astype(str))
    missing = countries - set(px.country_coordinates().index)
    assert not missing


# --- dyadic covariates ---------------------------------------------------------


def test_borders_table_is_clean():
    b = data.coding_table("country_borders")
    covered = set(px.covered_countries())
    assert (b["country_a"] < b["country_b"]).all()
    assert not b.duplicated().any()
    assert set(b["country_a"]) | set(b["country_b"]) <= covered


def test_contiguity_known_pairs():
    M = px.contiguity(["DE", "FR", "ES", "UK", "IE", "DK", "SE", "PL", "RU"])
    assert (M.to_numpy() == M.to_numpy().T).all()
    assert M.loc["DE", "FR"] == 1 and M.loc["UK", "IE"] == 1 and M.loc["PL", "RU"] == 1
    assert M.loc["ES", "UK"] == 0 and M.loc["DK", "SE"] == 0 and M.loc["FR", "UK"] == 0
    assert np.diag(M).sum() == 0


def test_common_language_known_pairs():
    L = px.common_language(["AT", "DE", "CY", "EL", "UK", "IE", "FR", "CH", "IT"])
    assert L.loc["AT", "DE"] == 1 and L.loc["CY", "EL"] == 1 and L.loc["UK", "IE"] == 1
    assert L.loc["CH", "IT"] == 1 and L.loc["FR", "DE"] == 0 and L.loc["UK", "FR"] == 0


def test_uncovered_country_raises():
    with pytest.raises(ValueError, match="'MX'"):
        px.contiguity(["DE", "MX"])
    with pytest.raises(ValueError, match="duplicated"):
        px.common_language(["DE", "DE"])


# --- collaboration counts ---------------------------------------------------------


def test_collaboration_counts_hand_case():
    P = pd.DataFrame({"project_id": [1, 1, 1, 2, 2, 3, 3, 3],
                      "country": ["A", "A", "B", "A", "C", "A", "B", "C"]})
    c = px.collaboration_counts(P)
    assert c.to_dict() == {("A", "B"): 2.0, ("A", "C"): 2.0, ("B", "C"): 1.0}


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 8), st.sampled_from("ABCDE")), min_size=1, max_size=40))
def test_collaboration_counts_brute_force(rows):
    P = pd.DataFrame(rows, columns=["project_id", "country"])
    c = px.collaboration_counts(P)
    sets = P.groupby("project_id")["country"].agg(set)
    for (a, b), v in c.items():
        assert v == sum(1 for s in sets if a in s and b in s)


def test_collaboration_counts_bad_input():
    with pytest.raises(ValueError, match="project_id"):
        px.collaboration_counts(pd.DataFrame({"country": ["A"]}))
    with pytest.raises(ValueError, match="empty"):
        px.collaboration_counts(pd.DataFrame({"project_id": [], "country": []}))


@needs_mirror
def test_country_dyads_on_h2020_match_direct_count():
    P = data.load_h2020()
    d = px.country_dyads(P, countries=["DE", "FR", "PL", "US"], split_year=2018)
    late = P[P["start_year"] >= 2018]
    de = set(late.loc[late["country"] == "DE", "project_id"])
    fr = set(late.loc[late["country"] == "FR", "project_id"])
    assert d.loc[("DE", "FR"), "collaborations"] == len(de & fr)
    assert d.loc[("DE", "FR"), "organisational"] == pytest.approx(len(de & fr) / len(de | fr))
    assert d.loc[("DE", "PL"), "contiguity"] == 1 and d.loc[("FR", "US"), "contiguity"] == 0
    assert d["cognitive"].between(0, 1 + 1e-12).all()


# --- gravity ----------------------------------------------------------------------


def test_gravity_recovers_simulated_parameters():
    d = px.simulate_gravity(50, distance=-1.2, contiguity=0.4, language=0.3, seed=2005)
    res = px.gravity_ppml(d, covariates=["log_distance", "contiguity", "common_language"])
    truth = pd.Series({"log_distance": -1.2, "contiguity": 0.4, "common_language": 0.3})
    est, se = res.table["coef"], res.table["se"]
    assert ((est - truth).abs() < 4 * se).all()
    assert ((est - truth).abs() < 0.1).all()
    assert "PPML" in res.specification and "HC1" in res.specification


def test_gravity_clustered_errors_and_mass():
    d = px.simulate_gravity(30, distance=-1.0, seed=3)
    res = px.gravity_ppml(d, covariates=["log_distance", "contiguity"], cov="cluster", cluster="ab")
    assert (res.table["se"] > 0).all() and "clustered" in res.specification
    places = sorted(set(d.index.get_level_values(0)) | set(d.index.get_level_values(1)))
    mass = pd.Series(np.arange(1.0, len(places) + 1), index=places)
    with pytest.raises(ValueError, match="positive"):
        px.gravity_ppml(d, covariates=["log_distance"], mass=mass * 0)
    with pytest.raises(ValueError, match="mass has no value"):
        px.gravity_ppml(d, covariates=["log_distance"], mass=mass.iloc[1:])
    res2 = px.gravity_ppml(d, covariates=["log_distance"], mass=mass)
    assert "log_mass" in res2.table.index


def test_omitting_prior_ties_overstates_distance_decay():
    d = px.simulate_gravity(40, distance=-0.5, social=0.8, prior_distance=-1.5, seed=11)
    naive = px.gravity_ppml(d, covariates=["log_distance", "contiguity"]).table.loc["log_distance", "coef"]
    full = px.gravity_ppml(d, covariates=["log_distance", "contiguity", "social"]).table.loc["log_distance", "coef"]
    assert naive < full - 0.3
    assert full == pytest.approx(-0.5, abs=0.1)


def test_gravity_same_seed_same_numbers():
    a = px.simulate_gravity(10, seed=5)
    b = px.simulate_gravity(10, seed=np.random.default_rng(5))
    pd.testing.assert_frame_equal(a, b)


def test_gravity_bad_input():
    d = px.simulate_gravity(10, seed=1)
    with pytest.raises(ValueError, match="'nope'"):
        px.gravity_ppml(d, covariates=["nope"])
    bad = d.copy()
    bad.iloc[0, bad.columns.get_loc("collaborations")] = -1
    with pytest.raises(ValueError, match="negative"):
        px.gravity_ppml(bad)
    bad = d.copy()
    bad.iloc[2, bad.columns.get_loc("log_distance")] = np.nan
    with pytest.raises(ValueError, match="missing value"):
        px.gravity_ppml(bad)
    with pytest.raises(ValueError, match="MultiIndex"):
        px.gravity_ppml(d.reset_index(drop=True))
    with pytest.raises(ValueError, match="cov"):
        px.gravity_ppml(d, cov="bootstrap")
    zero = d.copy()
    zero.loc[zero.index.get_level_values(0) == "p000", "collaborations"] = 0
    zero.loc[zero.index.get_level_values(1) == "p000", "collaborations"] = 0
    with pytest.raises(ValueError, match="'p000'"):
        px.gravity_ppml(zero)
    with pytest.raises(ValueError, match="at least 3"):
        px.simulate_gravity(2)


# --- coagglomeration against relatedness --------------------------------------------


def test_coagglomeration_relatedness_reuses_specialization():
    from regional_clusters.specialization import coagglomeration

    X = pd.DataFrame({"a": [8, 2, 0, 1], "b": [6, 4, 0, 1], "c": [0, 2, 8, 3]}, index=list("wxyz"))
    links = pd.DataFrame({"cluster_code": ["b"], "related_cluster_code": ["a"], "related_percentage": [12.0]})
    t = px.coagglomeration_relatedness(X, links)
    C = coagglomeration(X)
    assert t.loc[("a", "c"), "coagglomeration"] == pytest.approx(C.loc["a", "c"])
    assert t.loc[("a", "b"), "related"] and not t.loc[("b", "c"), "related"]
    assert t.loc[("a", "b"), "related_percentage"] == 12.0
    with pytest.raises(ValueError, match="'zz'"):
        px.coagglomeration_relatedness(X, pd.DataFrame({"cluster_code": ["a"], "related_cluster_code": ["zz"]}))


# --- local buzz and global pipelines ---------------------------------------------------


def test_partner_shares_hand_case():
    P = pd.DataFrame({"project_id": [1, 1, 1, 2, 2, 3],
                      "org_id": [10, 11, 12, 10, 13, 14],
                      "country": ["DE", "DE", "FR", "DE", "DE", "IT"]})
    s = px.partner_shares(P)
    # DE: project 1 -> 1 domestic + 1 foreign each (x2); project 2 -> 1 domestic each (x2)
    assert s.loc["DE", "domestic"] == 4 and s.loc["DE", "international"] == 2
    assert s.loc["FR", "international"] == 2 and "IT" not in s.index  # IT has no partner


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 30), st.sampled_from("ABC"),
                          st.sampled_from(["x", "y"])), min_size=2, max_size=60))
def test_partner_shares_bookkeeping(rows):
    P = pd.DataFrame(rows, columns=["project_id", "org_id", "country", "group"])
    P = P.drop_duplicates(["project_id", "org_id"])
    s = px.partner_shares(P, by="group")
    if len(s):
        assert np.allclose(s["domestic_share"] + s["international_share"], 1.0)
    n = P.groupby("project_id").size()
    assert s["partners"].sum() == (n * (n - 1)).sum()


def _toy_graph():
    G = nx.Graph()
    G.add_nodes_from([
        (1, {"country": "DE", "region": "DE1", "group": "g"}),
        (2, {"country": "DE", "region": "DE1", "group": "h"}),
        (3, {"country": "DE", "region": "DE2", "group": "g"}),
        (4, {"country": "FR", "region": "FR1", "group": "h"}),
        (5, {"country": "FR", "region": "FR1", "group": "g"}),
    ])
    G.add_edges_from([(1, 2, {"weight": 2}), (1, 3, {"weight": 1}), (1, 4, {"weight": 1}),
                      (3, 4, {"weight": 3})])
    return G


def test_tie_shares_hand_case_and_sum_to_one():
    G = _toy_graph()
    t = px.tie_shares(G, region="region")
    assert t.loc[1, ["local", "national", "international"]].tolist() == pytest.approx([0.5, 0.25, 0.25])
    assert t.loc[4, "international"] == 1.0
    assert 5 not in t.index  # isolate left out
    assert np.allclose(t[["local", "national", "international"]].sum(axis=1), 1.0)
    g = px.tie_shares(G, region="region", by="group")
    assert np.allclose(g[["local", "national", "international"]].sum(axis=1), 1.0)
    # group g: node 1 (2 local, 1 national, 1 intl), node 3 (1 national, 3 intl)
    assert g.loc["g", "international"] == pytest.approx(4 / 8)
    c = px.tie_shares(G, weight=None, by="country")
    assert c.loc["FR", "international"] == 1.0


@settings(max_examples=30, deadline=None)
@given(st.integers(5, 25), st.integers(0, 10_000))
def test_tie_shares_property(n, seed):
    G = nx.gnp_random_graph(n, 0.3, seed=seed)
    rng = np.random.default_rng(seed)
    for v in G.nodes:
        G.nodes[v]["country"] = rng.choice(["A", "B"])
        G.nodes[v]["region"] = G.nodes[v]["country"] + str(rng.integers(0, 2))
    for u, v in G.edges:
        G.edges[u, v]["weight"] = float(rng.integers(1, 5))
    if G.number_of_edges() == 0:
        return
    t = px.tie_shares(G, region="region")
    assert np.allclose(t[["local", "national", "international"]].sum(axis=1), 1.0)
    assert np.allclose(t["strength"], pd.Series(dict(G.degree(weight="weight"))).loc[t.index])


def test_tie_shares_bad_input():
    with pytest.raises(ValueError, match="undirected"):
        px.tie_shares(nx.DiGraph([(1, 2)]))
    with pytest.raises(ValueError, match="no edges"):
        px.tie_shares(nx.empty_graph(3))
    G = _toy_graph()
    del G.nodes[3]["country"]
    with pytest.raises(ValueError, match="node 3"):
        px.tie_shares(G)
    G = _toy_graph()
    G.edges[1, 2]["weight"] = -1
    with pytest.raises(ValueError, match="negative"):
        px.tie_shares(G)


def test_boundary_spanners():
    b = px.boundary_spanners(_toy_graph())
    assert b.loc[1, "role"] == "spanner" and b.loc[2, "role"] == "domestic only"
    assert b.loc[4, "role"] == "international only" and b.loc[4, "foreign_countries"] == 1
    assert b.loc[1, "international_share"] == pytest.approx(0.25)


def test_partner_shares_random_benchmark_matches_permutations():
    rng = np.random.default_rng(42)
    sizes = rng.integers(1, 7, 60)
    proj = np.repeat(np.arange(60), sizes)
    P = pd.DataFrame({"project_id": proj, "org_id": np.arange(len(proj)),
                      "country": rng.choice(["A", "B", "C"], len(proj), p=[0.6, 0.3, 0.1])})
    s = px.partner_shares(P)
    sims = []
    for _ in range(150):
        Q = P.assign(country=rng.permutation(P["country"].to_numpy()))
        q = px.partner_shares(Q).reindex(s.index)
        sims.append(q["domestic"] / s["partners"])
    assert np.allclose(pd.concat(sims, axis=1).mean(axis=1), s["random_domestic_share"], atol=0.03)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 8), st.sampled_from("ABCDE")), min_size=1, max_size=40))
def test_collaboration_counts_sparse_equals_dense(rows):
    P = pd.DataFrame(rows, columns=["project_id", "country"])
    dense = px.collaboration_counts(P)
    sparse = px.collaboration_counts(P, zeros=False)
    pd.testing.assert_series_equal(sparse, dense[dense > 0])


def test_gravity_hc1_is_hc1_and_matches_pyfixest():
    """statsmodels' GLM ignores the HC1 factor; the package applies it (pyfixest's 'hetero')."""
    pf = pytest.importorskip("pyfixest")
    d = px.simulate_gravity(15, distance=-1.0, seed=7)
    res = px.gravity_ppml(d, covariates=["log_distance", "contiguity"], fixed_effects=False)
    frame = d.reset_index(drop=True)
    fit = pf.fepois("collaborations ~ log_distance + contiguity", data=frame, vcov="hetero")
    assert np.allclose(res.table["coef"], fit.coef()[["log_distance", "contiguity"]], rtol=1e-6)
    assert np.allclose(res.table["se"], fit.se()[["log_distance", "contiguity"]], rtol=1e-4)
    assert "HC1" in res.specification


def test_gravity_dyadic_errors_equal_a_brute_force_sandwich():
    d = px.simulate_gravity(8, distance=-1.0, seed=4)
    res = px.gravity_ppml(d, covariates=["log_distance"], fixed_effects=False, cov="dyadic")
    X = np.column_stack([np.ones(len(d)), d["log_distance"].to_numpy()])
    y = d["collaborations"].to_numpy(float)
    mu = np.exp(X @ np.asarray(res.result.params))
    s = X * (y - mu)[:, None]
    pairs = list(d.index)
    meat = np.zeros((2, 2))
    for i, p in enumerate(pairs):
        for j, q in enumerate(pairs):
            if set(p) & set(q):
                meat += np.outer(s[i], s[j])
    bread = np.linalg.inv(X.T @ (X * mu[:, None]))
    g = len(set(d.index.get_level_values(0)) | set(d.index.get_level_values(1)))
    expected = np.sqrt(np.diag(g / (g - 1) * bread @ meat @ bread))[1]
    assert res.table.loc["log_distance", "se"] == pytest.approx(expected, rel=1e-8)
    with pytest.raises(ValueError, match="'robust', 'cluster' or 'dyadic'"):
        px.gravity_ppml(d, covariates=["log_distance"], cov="hc3")
