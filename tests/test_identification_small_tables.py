"""Quantile rules on tables too small for them warn instead of silently flagging nothing."""

import warnings

import numpy as np
import pandas as pd
import pytest

from regional_clusters._checks import as_generator, check_n_permutations
from regional_clusters.identification import TooFewRegionsWarning, cluster_stars, strong_clusters

THREE = pd.DataFrame({"a": [98, 1, 1], "b": [2, 99, 99]}, index=["p", "q", "r"])


def test_strong_clusters_warns_on_three_regions():
    with pytest.warns(TooFewRegionsWarning, match=r"3 regions.*at least 4 regions"):
        flags = strong_clusters(THREE)
    assert not flags.values.any()  # the rule itself is unchanged: nobody passes
    # the warning's advice works: region p, with 98 % of cluster a, is flagged
    assert strong_clusters(THREE, quantile=2 / 3).loc["p", "a"]


def test_strong_clusters_silent_when_the_rule_can_be_met():
    X = pd.DataFrame({"a": [50, 5, 5, 5], "b": [50, 95, 95, 95]}, index=list("pqrs"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert strong_clusters(X)["a"].tolist() == [True, False, False, False]


def test_cluster_stars_warns_below_ten_regions():
    X = pd.DataFrame(np.arange(1, 15).reshape(7, 2), index=[f"R{i}" for i in range(7)], columns=["a", "b"])
    with pytest.warns(TooFewRegionsWarning, match="size_quantile"):
        stars = cluster_stars(X, criteria=True)
    assert not stars["size"].values.any() and not stars["focus"].values.any()


def test_cluster_stars_ten_regions_can_earn_size_stars():
    X = pd.DataFrame({"a": [100] + [1] * 9, "b": [1] + [100] * 9}, index=[f"R{i}" for i in range(10)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert cluster_stars(X, criteria=True)["size"]["a"]["R0"]


@pytest.mark.parametrize("seed", [1.5, -1, "abc", True])
def test_bad_seed_is_a_clear_error(seed):
    with pytest.raises(ValueError, match="seed must be"):
        as_generator(seed)


@pytest.mark.parametrize("n", [0, -5, 2.5, True])
def test_bad_number_of_permutations_is_a_clear_error(n):
    with pytest.raises(ValueError, match="n_permutations must be an int of at least 1"):
        check_n_permutations(n)
