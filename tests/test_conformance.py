"""Every comparison with a reference implementation holds, and every public measure is tested."""

from __future__ import annotations

import pytest

from regional_clusters import conformance as cf


@pytest.mark.parametrize("check", cf.CHECKS, ids=lambda c: f"{c.measures[0]}-{c.reference.split()[0]}")
def test_comparison_within_tolerance(check):
    table = cf.run_checks([check])
    row = table.iloc[0]
    assert row["passed"], f"{row['measures']} vs {row['reference']}: max |diff| {row['max_abs_diff']:.3g} > {row['tolerance']}"


def test_every_public_measure_is_covered_by_a_test_or_a_comparison():
    table = cf.coverage()
    uncovered = table.index[(table["tests"] == "") & (table["compared_with"] == "") & ~table["doctest"]].tolist()
    assert not uncovered, f"public measures with neither a test nor a comparison: {uncovered}"


def test_checks_name_only_existing_measures():
    public = set(cf.coverage().index)
    for check in cf.CHECKS:
        for measure in check.measures:
            assert measure in public, f"{measure} is not a public measure of {cf.MEASURE_MODULES}"


def test_a_drifting_comparison_fails():
    drifted = cf.Check(("specialization.location_quotient",), "a reference", "data", 1e-12, "", lambda: 1e-6)
    assert not cf.run_checks([drifted]).iloc[0]["passed"]
