"""Tests for the network null models and the shared p-value convention."""

import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regional_clusters.networks import nulls
from regional_clusters.networks.nulls import (
    Incidence,
    bipartite_null,
    format_p,
    incidence,
    null_comparison,
    null_table,
    permutation_p,
    rewire_null,
)


# ---------------------------------------------------------------- bipartite null

@settings(max_examples=30, deadline=None)
@given(
    shape=st.tuples(st.integers(2, 12), st.integers(2, 12)),
    density=st.floats(0.1, 0.9),
    seed=st.integers(0, 10_000),
)
def test_curveball_keeps_both_degree_sequences(shape, density, seed):
    rng = np.random.default_rng(seed)
    M = (rng.random(shape) < density).astype(int)
    for j in np.flatnonzero(M.sum(axis=0) == 0):  # every project has a member
        M[rng.integers(shape[0]), j] = 1
    draws = bipartite_null(M, n=5, seed=seed, burn_in=3, thin=2)
    for d in draws:
        A = d.matrix.toarray()
        assert set(np.unique(A)) <= {0, 1}
        assert A.sum(axis=1).tolist() == M.sum(axis=1).tolist()
        assert A.sum(axis=0).tolist() == M.sum(axis=0).tolist()


def test_curveball_keeps_project_sizes_on_h2020_like_data():
    rng = np.random.default_rng(3)
    rows = rng.integers(0, 300, 2000)
    cols = rng.integers(0, 120, 2000)
    p = pd.DataFrame({"org_id": rows, "project_id": cols})
    inc = incidence(p)
    for d in bipartite_null(inc, n=3, seed=2):
        pd.testing.assert_series_equal(d.col_sizes(), inc.col_sizes())
        pd.testing.assert_series_equal(d.row_degrees(), inc.row_degrees())
        assert d.matrix.nnz == inc.matrix.nnz
    # the null moves incidences
    assert (bipartite_null(inc, n=1, seed=2)[0].matrix != inc.matrix).nnz > 0


def _all_matrices(row_sums, col_sums):
    """Brute-force enumeration of binary matrices with the given margins."""
    r, c = len(row_sums), len(col_sums)
    out = []
    row_options = [
        [np.array(bits) for bits in itertools.product([0, 1], repeat=c) if sum(bits) == k] for k in row_sums
    ]
    for rows in itertools.product(*row_options):
        M = np.vstack(rows)
        if M.sum(axis=0).tolist() == list(col_sums):
            out.append(M)
    return out


def test_curveball_expectation_matches_enumeration():
    # a 4 x 4 matrix with margins (2, 2, 1, 1) / (2, 1, 2, 1)
    M = np.array([[1, 0, 1, 0], [1, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
    space = _all_matrices(M.sum(axis=1), M.sum(axis=0))
    assert len(space) > 10
    exact = np.mean([m for m in space], axis=0)  # uniform: expected incidence of each cell
    draws = bipartite_null(M, n=4000, seed=7, burn_in=10, thin=2)
    mean = np.mean([d.matrix.toarray() for d in draws], axis=0)
    np.testing.assert_allclose(mean, exact, atol=0.03)
    # the frequency of each matrix is uniform (chi-square with generous tolerance)
    keys = {m.tobytes(): i for i, m in enumerate(space)}
    counts = np.bincount([keys[d.matrix.toarray().astype(M.dtype).tobytes()] for d in draws], minlength=len(space))
    expected = len(draws) / len(space)
    chi2 = float(np.sum((counts - expected) ** 2 / expected))
    assert chi2 < 3 * len(space), chi2


def test_projection_statistic_matches_enumeration():
    # co-membership ties in the projection, averaged over all matrices with the margins
    M = np.array([[1, 1, 0], [1, 0, 1], [0, 1, 1], [1, 0, 0]])
    space = _all_matrices(M.sum(axis=1), M.sum(axis=0))

    def ties(A):
        C = A @ A.T
        return int(np.sum(np.triu(C, 1) > 0))

    exact = float(np.mean([ties(m) for m in space]))
    res = null_comparison(lambda inc: ties(inc.matrix.toarray()), Incidence(
        __import__("scipy.sparse").sparse.csr_array(M), pd.RangeIndex(4), pd.RangeIndex(3)),
        bipartite_null, n=3000, seed=11)
    assert res.loc["statistic", "expected"] == pytest.approx(exact, abs=0.05)


def test_bipartite_null_cache_and_seed():
    M = np.eye(5, dtype=int)[:, ::-1] + np.eye(5, dtype=int)
    M[2, 2] = 1
    a = bipartite_null(M, n=5, seed=4)
    b = bipartite_null(M, n=5, seed=4)
    assert all((x.matrix != y.matrix).nnz == 0 for x, y in zip(a, b))
    c = bipartite_null(M, n=5, seed=5)
    assert any((x.matrix != y.matrix).nnz for x, y in zip(a, c))


def test_bipartite_null_bad_input():
    with pytest.raises(ValueError, match="empty"):
        bipartite_null(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="binary"):
        bipartite_null(np.array([[2, 0], [1, 1]]))
    single = pd.DataFrame([[1, 1], [1, 0], [0, 0]], index=["o1", "o2", "o3"], columns=["big", "solo"])
    with pytest.raises(ValueError, match="project 'solo' has 1 member"):
        bipartite_null(single, min_col_size=2)
    with pytest.raises(ValueError, match="n must be"):
        bipartite_null(np.eye(3), n=0)
    with pytest.raises(ValueError, match="empty"):
        incidence(pd.DataFrame({"org_id": [1], "project_id": [2], "country": ["DE"]}), countries="FR")
    with pytest.raises(ValueError, match="column"):
        incidence(pd.DataFrame({"org": [1]}))


# ---------------------------------------------------------------- rewiring

@pytest.mark.parametrize("directed", [False, True])
def test_rewire_keeps_degrees(directed):
    G = nx.gnm_random_graph(40, 120, seed=1, directed=directed)
    nx.set_edge_attributes(G, {e: float(i) for i, e in enumerate(G.edges())}, "weight")
    nx.set_node_attributes(G, "g", "group")
    draws = rewire_null(G, n=5, seed=3)
    for H in draws:
        assert H.is_directed() == directed
        assert nx.number_of_selfloops(H) == 0
        if directed:
            assert dict(H.in_degree()) == dict(G.in_degree())
            assert dict(H.out_degree()) == dict(G.out_degree())
        else:
            assert dict(H.degree()) == dict(G.degree())
        assert sorted(w for *_, w in H.edges(data="weight")) == sorted(w for *_, w in G.edges(data="weight"))
        assert H.nodes[0]["group"] == "g"
    assert any(set(H.edges()) != set(G.edges()) for H in draws)
    again = rewire_null(G, n=5, seed=3)
    assert [sorted(H.edges()) for H in draws] == [sorted(H.edges()) for H in again]


def test_rewire_expectation_matches_enumeration():
    # all simple graphs on 5 labelled nodes with degrees (3, 2, 2, 2, 1)
    G = nx.Graph([(0, 1), (0, 2), (0, 3), (1, 2), (3, 4)])
    degs = dict(G.degree())
    pairs = list(itertools.combinations(range(5), 2))
    space = []
    for edges in itertools.combinations(pairs, G.number_of_edges()):
        H = nx.Graph(edges)
        H.add_nodes_from(range(5))
        if dict(H.degree()) == degs:
            space.append(H)
    exact = np.mean([nx.transitivity(H) for H in space])
    draws = rewire_null(G, n=1500, seed=5, keep_weights=False)
    assert np.mean([nx.transitivity(H) for H in draws]) == pytest.approx(exact, abs=0.03)
    # every graph of the space is reached
    seen = {tuple(sorted(tuple(sorted(e)) for e in H.edges())) for H in draws}
    assert len(seen) == len(space)


def test_rewire_bad_input():
    with pytest.raises(ValueError, match="at least two"):
        rewire_null(nx.path_graph(2))
    G = nx.path_graph(4)
    G.add_edge(1, 1)
    with pytest.raises(ValueError, match="self-loop"):
        rewire_null(G)
    with pytest.raises(ValueError, match="multigraph"):
        rewire_null(nx.MultiGraph([(0, 1), (1, 2), (0, 1)]))


# ---------------------------------------------------------------- p-values and tables

def test_permutation_p_follows_k_plus_one_over_b_plus_one():
    sims = np.arange(1, 100)  # B = 99
    assert permutation_p(100, sims, "greater") == pytest.approx(1 / 100)
    assert permutation_p(90, sims, "greater") == pytest.approx((10 + 1) / 100)
    assert permutation_p(0, sims, "less") == pytest.approx(1 / 100)
    assert permutation_p(50, sims, "two-sided") == pytest.approx(1.0)
    # two-sided: |sim - 50| >= 45 -> 1..5 and 95..99
    assert permutation_p(95, sims, "two-sided") == pytest.approx((10 + 1) / 100)
    # never zero
    assert permutation_p(1e9, sims) > 0
    with pytest.raises(ValueError, match="alternative"):
        permutation_p(1, sims, "bigger")
    with pytest.raises(ValueError, match="empty"):
        permutation_p(1, [])
    with pytest.raises(ValueError, match="NaN"):
        permutation_p(np.nan, sims)


def test_null_comparison_numbers():
    draws = [1.0, 2.0, 3.0, 4.0]
    res = null_comparison(lambda x: x, 5.0, draws, alternative="greater", null="toy")
    row = res.loc["statistic"]
    assert row["expected"] == 2.5
    assert row["sd"] == pytest.approx(np.std(draws, ddof=1))
    assert row["z"] == pytest.approx(2.5 / np.std(draws, ddof=1))
    assert row["ratio"] == 2.0
    assert row["p_value"] == pytest.approx(1 / 5)
    assert row["n_draws"] == 4
    table = null_table(res)
    assert list(table.columns) == ["statistic", "observed", "expected (null)", "z or ratio", "p", "null model"]
    assert table.iloc[0]["p"] == "p = 0.2 (4 permutations)"
    # several statistics at once
    res2 = null_comparison(lambda x: {"a": x, "b": 2 * x}, 1.0, [0.0, 1.0, 2.0])
    assert list(res2.index) == ["a", "b"]
    with pytest.raises(ValueError, match="NaN"):
        null_comparison(lambda x: x, np.nan, [1.0, 2.0])


def test_format_p():
    assert format_p(1 / 200, 199) == "p = 0.005 (199 permutations)"
    assert format_p(0.0009) == "p < 0.001"
    assert format_p(1.0) == "p = 1"
    with pytest.raises(ValueError, match="never 0"):
        format_p(0.0)


def test_one_p_value_convention_in_the_package():
    """QAP and E-I use the same (k+1)/(B+1) rule as the nulls."""
    from regional_clusters.networks import ei_index, mrqap, qap_correlation

    rng = np.random.default_rng(0)
    A = rng.random((12, 12))
    A = A + A.T
    B = 99
    res = qap_correlation(A, A, n_permutations=B, seed=1)
    assert res["p_value"] >= 1 / (B + 1)
    assert res["p_value"] == pytest.approx(1 / (B + 1))
    fit = mrqap(A, {"x": A + 0.01 * rng.random((12, 12))}, n_permutations=B, seed=1)
    assert fit.loc["x", "p_value"] == pytest.approx(1 / (B + 1))
    G = nx.complete_bipartite_graph(4, 4)
    nx.set_node_attributes(G, {v: v < 4 for v in G}, "group")
    assert ei_index(G, n_permutations=B, seed=1)["p_value"] >= 1 / (B + 1)
    assert nulls.permutation_p is permutation_p


# ---------------------------------------------------------------- projection statistics

def test_projection_statistics_match_networkx_and_the_type_rule():
    from regional_clusters.models import classify_neighbourhoods
    from regional_clusters.networks import coparticipation_network
    from regional_clusters.networks.nulls import projection_statistics

    rng = np.random.default_rng(5)
    p = pd.DataFrame({"org_id": rng.integers(0, 80, 400), "project_id": rng.integers(0, 60, 400)})
    p = p.assign(actor_group="x", org_type="PRC", country="DE").drop_duplicates(["org_id", "project_id"])
    G = coparticipation_network(p)
    n_all = G.number_of_nodes()
    iso = [v for v, d in G.degree() if d == 0]
    G.remove_nodes_from(iso)
    stats = projection_statistics(incidence(p), seed=1)
    types = classify_neighbourhoods(G)["type"].astype(str).value_counts(normalize=True)
    for t in ("communality", "sociality", "connectivity"):
        assert stats[t] == pytest.approx(types.get(t, 0.0))
    assert stats["transitivity"] == pytest.approx(nx.transitivity(G))
    assert stats["isolates"] == pytest.approx(len(iso) / n_all)
    full = coparticipation_network(p)
    reach = sum(len(c) * (len(c) - 1) for c in nx.connected_components(full))
    assert stats["fragmentation"] == pytest.approx(1 - reach / (n_all * (n_all - 1)))
    from regional_clusters.networks import efficiency

    assert stats["redundancy"] == pytest.approx(float((1 - efficiency(G, weight=None)).mean()))
    assert stats["mean_degree"] == pytest.approx(2 * G.number_of_edges() / G.number_of_nodes())
    # modularity of the returned partition is a valid modularity (<= 1, > 0 here)
    assert 0 < stats["modularity"] < 1
    with pytest.raises(ValueError, match="no tie"):
        projection_statistics(np.eye(3, dtype=int))


def test_coparticipation_null_disk_cache(tmp_path, monkeypatch):
    import importlib

    from regional_clusters.networks.nulls import coparticipation_null

    fetch = importlib.import_module("regional_clusters.data.fetch")

    monkeypatch.setenv(fetch.CACHE_ENV, str(tmp_path))
    rng = np.random.default_rng(2)
    p = pd.DataFrame({"org_id": rng.integers(0, 40, 150), "project_id": rng.integers(0, 30, 150)})
    a = coparticipation_null(p, n=19, seed=3)
    assert list((tmp_path / "nulls").glob("*.parquet"))
    b = coparticipation_null(p, n=19, seed=3)
    pd.testing.assert_frame_equal(a, b)
    assert (a["p_value"] >= 1 / 20).all()
