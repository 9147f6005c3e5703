"""Benchmark: Gini, Theil decomposition and beta convergence against direct formulas.

Inputs: US state incomes 1929-2009 (48 states x 81 years, Census regions as
groups) and a synthetic panel of 3,000 regions x 30 years in 12 groups
(seeded). References are written out from the definitions, without
vectorisation: the O(n^2) mean absolute difference for the Gini, a pandas
group-by per year for the Theil decomposition, and numpy least squares for
the beta coefficient. The script checks that the numbers agree and prints the
speed ratio (reference time / regional_clusters time).

Run: ``python benchmarks/bench_convergence.py`` (``make bench`` runs all).
"""

from __future__ import annotations


import numpy as np
import pandas as pd

from _timing import best_of

from regional_clusters.convergence import beta_convergence, gini, theil_decomposition
from regional_clusters.data import coding_table, load_us_state_incomes, to_wide




def gini_pairwise(Y, w):
    out = {}
    for c in Y.columns:
        y = Y[c].to_numpy()
        d = np.abs(y[:, None] - y[None, :])
        out[c] = (w[:, None] * w[None, :] * d).sum() / (2 * w.sum() ** 2 * (w @ y / w.sum()))
    return pd.Series(out)


def theil_groupby(Y, groups, w):
    rows = {}
    for c in Y.columns:
        df = pd.DataFrame({"y": Y[c], "w": w, "g": groups})
        df["s"] = df["y"] * df["w"] / (df["y"] * df["w"]).sum()
        df["p"] = df["w"] / df["w"].sum()
        total = (df["s"] * np.log(df["s"] / df["p"])).sum()
        G = df.groupby("g")[["s", "p"]].sum()
        between = (G["s"] * np.log(G["s"] / G["p"])).sum()
        within = 0.0
        for g, part in df.groupby("g"):
            sg, pg = part["s"] / part["s"].sum(), part["p"] / part["p"].sum()
            within += part["s"].sum() * (sg * np.log(sg / pg)).sum()
        rows[c] = (total, between, within)
    return pd.DataFrame.from_dict(rows, orient="index", columns=["total", "between", "within"])


def beta_lstsq(Y):
    T = Y.columns[-1] - Y.columns[0]
    g = np.log(Y.iloc[:, -1] / Y.iloc[:, 0]) / T
    X = np.column_stack([np.ones(len(Y)), np.log(Y.iloc[:, 0])])
    return np.linalg.lstsq(X, g.to_numpy(), rcond=None)[0][1]


def run(label, Y, groups, w):
    wser = pd.Series(w, index=Y.index)
    t_ref, g_ref = best_of(lambda: gini_pairwise(Y, w), repeat=1)
    t_our, g_our = best_of(lambda: gini(Y, weights=wser))
    assert np.allclose(g_ref.to_numpy(), g_our.to_numpy(), rtol=1e-9), "Gini differs"
    print(f"{label:<28} gini      reference {t_ref:8.3f}s  ours {t_our:8.3f}s  ratio {t_ref / t_our:7.1f}")
    t_ref, th_ref = best_of(lambda: theil_groupby(Y, groups, w), repeat=1)
    t_our, th_our = best_of(lambda: theil_decomposition(Y, groups, weights=wser))
    assert np.allclose(th_ref.to_numpy(), th_our[["total", "between", "within"]].to_numpy(), rtol=1e-9, atol=1e-14)
    print(f"{label:<28} theil     reference {t_ref:8.3f}s  ours {t_our:8.3f}s  ratio {t_ref / t_our:7.1f}")
    Yb = Y[[Y.columns[0], Y.columns[-1]]]
    t_ref, b_ref = best_of(lambda: beta_lstsq(Yb))
    t_our, res = best_of(lambda: beta_convergence(Yb))
    assert np.isclose(b_ref, res.beta, rtol=1e-9), "beta differs"
    print(f"{label:<28} beta      reference {t_ref:8.3f}s  ours {t_our:8.3f}s  ratio {t_ref / t_our:7.2f}"
          "  (ours adds robust SEs and checks)")


def main():
    us = load_us_state_incomes()
    states = to_wide(us, "state", "year", "income", fill_value=None)
    region = coding_table("us_census_regions").set_index("state").loc[states.index, "region"]
    run("US states 48 x 81", states, region, np.ones(len(states)))

    rng = np.random.default_rng(0)
    n, years = 3000, list(range(1990, 2020))
    Y = pd.DataFrame(np.exp(rng.normal(10, 0.4, (n, len(years)))), index=[f"r{i}" for i in range(n)], columns=years)
    groups = pd.Series(rng.integers(0, 12, n), index=Y.index)
    run("synthetic 3000 x 30", Y, groups, rng.uniform(1e3, 1e6, n))
    print("all numbers agree")


if __name__ == "__main__":
    main()
