"""QAP correlation and MRQAP."""

import numpy as np
import pytest

from regional_clusters.networks import mrqap, qap_correlation


def _sym(rng, n):
    A = rng.random((n, n))
    A = A + A.T
    np.fill_diagonal(A, 0)
    return A


def test_qap_recovers_planted_relation():
    rng = np.random.default_rng(0)
    X = _sym(rng, 25)
    Y = X + 0.5 * _sym(rng, 25)
    res = qap_correlation(X, Y, n_permutations=200, seed=3)
    assert res["r"] > 0.5 and res["p_value"] < 0.01
    null = qap_correlation(X, _sym(rng, 25), n_permutations=200, seed=3)
    assert null["p_value"] > 0.01


def test_qap_correlation_equals_pearson_and_seeded():
    rng = np.random.default_rng(1)
    X, Y = _sym(rng, 12), _sym(rng, 12)
    iu = np.triu_indices(12, 1)
    res = qap_correlation(X, Y, n_permutations=50, seed=9)
    assert res["r"] == pytest.approx(np.corrcoef(X[iu], Y[iu])[0, 1])
    assert res.equals(qap_correlation(X, Y, n_permutations=50, seed=9))


@pytest.mark.parametrize("method", ["dsp", "y"])
def test_mrqap_planted(method):
    rng = np.random.default_rng(2)
    n = 30
    A, B, C = _sym(rng, n), _sym(rng, n), _sym(rng, n)
    Y = 1.5 * A - 0.8 * B + 0.3 * _sym(rng, n)
    res = mrqap(Y, {"A": A, "B": B, "C": C}, n_permutations=200, method=method, seed=4)
    assert res.loc["A", "coef"] == pytest.approx(1.5, abs=0.1)
    assert res.loc["B", "coef"] == pytest.approx(-0.8, abs=0.1)
    assert res.loc["A", "p_value"] < 0.01 and res.loc["B", "p_value"] < 0.01
    assert res.loc["C", "p_value"] > 0.01
    assert 0 < res.attrs["r2"] <= 1


def test_mrqap_coefficients_match_ols():
    import statsmodels.api as sm

    rng = np.random.default_rng(5)
    n = 15
    A, B = rng.random((n, n)), rng.random((n, n))  # directed
    Y = A + rng.random((n, n))
    res = mrqap(Y, {"A": A, "B": B}, n_permutations=0)
    off = ~np.eye(n, dtype=bool)
    fit = sm.OLS(Y[off], sm.add_constant(np.column_stack([A[off], B[off]]))).fit()
    np.testing.assert_allclose(res["coef"].to_numpy(), fit.params)


def test_bad_input():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="differ in size"):
        qap_correlation(_sym(rng, 5), _sym(rng, 6))
    with pytest.raises(ValueError, match="constant"):
        mrqap(_sym(rng, 5), {"c": np.ones((5, 5))})
    with pytest.raises(ValueError, match="method"):
        mrqap(_sym(rng, 5), {"a": _sym(rng, 5)}, method="x")
    with pytest.raises(ValueError, match="square"):
        qap_correlation(np.ones((3, 4)), np.ones((3, 4)))


def test_permutation_tests_refuse_bad_counts_and_seeds():
    import networkx as nx
    import numpy as np
    import pytest

    from regional_clusters.networks import ei_index, qap_correlation

    G = nx.Graph([(1, 2), (2, 3)])
    nx.set_node_attributes(G, {1: "a", 2: "b", 3: "a"}, "group")
    with pytest.raises(ValueError, match="n_permutations"):
        ei_index(G, n_permutations=-1)
    with pytest.raises(ValueError, match="seed"):
        ei_index(G, n_permutations=10, seed=-3)
    A = np.random.default_rng(0).random((5, 5))
    with pytest.raises(ValueError, match="n_permutations"):
        qap_correlation(A, A.T + A, n_permutations=0)
