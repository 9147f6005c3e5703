"""Benchmark: dyadic collaboration counts and partner shares against plain pandas.

Input: all Horizon 2020 participations (load_h2020). Reference
implementations are written the obvious way in pandas:

- collaboration counts between countries: self-merge of the distinct
  (project, country) pairs on ``project_id``, then a group-by on the country
  pair; ours is one sparse matrix product;
- collaboration counts between organisations (about 800,000 pairs): the same
  self-merge on (project, organisation) pairs;
- domestic and international partners per country: a loop over projects
  (projects starting in 2019 only, to keep the loop short).

The script checks that the numbers agree and prints the speed ratio
(reference time / regional_clusters time).

Run: ``python benchmarks/bench_proximity.py`` (``make bench`` runs all).
"""

from __future__ import annotations


import numpy as np
import pandas as pd

from _timing import best_of

from regional_clusters.data import load_h2020
from regional_clusters.proximity import collaboration_counts, partner_shares




def reference_counts(P, unit):
    pu = P[["project_id", unit]].dropna().drop_duplicates()
    pu[unit] = pu[unit].astype(str)
    m = pu.merge(pu, on="project_id", suffixes=("_a", "_b"))
    m = m[m[f"{unit}_a"] < m[f"{unit}_b"]]
    return m.groupby([f"{unit}_a", f"{unit}_b"]).size()


def reference_partner_shares(P):
    P = P.drop_duplicates(["project_id", "org_id"])
    P = P[P["country"].notna()]
    dom, intl = {}, {}
    for _, g in P.groupby("project_id"):
        counts = g["country"].astype(str).value_counts()
        n = len(g)
        for c, k in counts.items():
            dom[c] = dom.get(c, 0) + k * (k - 1)
            intl[c] = intl.get(c, 0) + k * (n - k)
    out = pd.DataFrame({"domestic": pd.Series(dom), "international": pd.Series(intl)}).astype(float)
    out = out[(out["domestic"] + out["international"]) > 0]
    return out


def main():
    P = load_h2020()
    rows = []

    t_ours, ours = best_of(lambda: collaboration_counts(P, unit="country"))
    t_ref, ref = best_of(lambda: reference_counts(P, "country"))
    nz = ours[ours > 0]
    assert len(nz) == len(ref) and np.allclose(nz.to_numpy(), ref.reindex(nz.index).to_numpy())
    rows.append(("country collaboration counts", t_ref, t_ours))

    t_ours, ours = best_of(lambda: collaboration_counts(P, unit="org_id", zeros=False), repeat=1)
    t_ref, ref = best_of(lambda: reference_counts(P, "org_id"), repeat=1)
    nz = ours
    assert len(nz) == len(ref) and np.allclose(nz.to_numpy(), ref.reindex(nz.index).to_numpy())
    rows.append(("organisation collaboration counts (all pairs)", t_ref, t_ours))

    S = P[P["start_year"] == 2019]  # one start year keeps the loop reference short
    t_ours, ours = best_of(lambda: partner_shares(S, by="country"))
    t_ref, ref = best_of(lambda: reference_partner_shares(S), repeat=1)
    ref = ref.reindex(ours.index)
    assert np.allclose(ours[["domestic", "international"]].to_numpy(), ref.to_numpy())
    rows.append(("partner shares by country (2019 projects)", t_ref, t_ours))

    print("proximity benchmark on Horizon 2020 (numbers agree with the reference)")
    for name, tr, to in rows:
        print(f"  {name:48s} reference {tr:8.3f} s  ours {to:8.3f} s  ratio {tr / to:7.1f}x")


if __name__ == "__main__":
    main()
