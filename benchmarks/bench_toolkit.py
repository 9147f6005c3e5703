"""Benchmark: panels, inequality and PPML against py-ecomplexity, PySAL and pyfixest.

Each comparison runs both implementations on the same input, checks that the
numbers agree where the definitions agree, and prints the speed ratio
(peer time / regional_clusters time; above 1 means the package is faster).

1. ECI, PCI and relatedness density per year over a long region x industry x
   year table: employees by German Kreis (400) and occupational group (KldB
   2010, 3 digits) on 30 June of 13 years (2013-2025; suppressed cells as 0),
   against py-ecomplexity's time loop.
2. Theil, Gini and Atkinson indices of GDP per head of the 400 Kreise against
   PySAL's ``inequality`` package.
3. A Poisson pseudo-maximum-likelihood gravity model of co-participation
   between countries in Horizon 2020 (the same regressors, country dummies
   included, in both) against ``pyfixest.fepois``.

Run: ``python benchmarks/bench_toolkit.py`` (``make bench`` runs all).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from _timing import best_of

from regional_clusters import convergence, dynamics
from regional_clusters import proximity as px
from regional_clusters.data import load_ba_occupations, load_h2020


def _report(what: str, peer: str, t_ours: float, t_peer: float, diff: float) -> None:
    print(f"{what:<46} {peer:<16} ours {t_ours:7.3f} s  peer {t_peer:7.3f} s  "
          f"ratio {t_peer / t_ours:6.1f}x  max |diff| {diff:.1e}")


def complexity_panel() -> None:
    import ecomplexity as ec

    ba = load_ba_occupations()
    long = (ba.assign(value=ba["employees"].fillna(0).astype(float))
              .rename(columns={"kreis": "region", "occupational_group": "industry"})
              [["region", "industry", "year", "value"]])
    # py-ecomplexity drops nothing, so give both the same non-degenerate table
    keep = long.groupby("industry")["value"].min() > 0
    long = long[long["industry"].isin(keep[keep].index)]
    t_ours, ours = best_of(lambda: dynamics.complexity_panel(long), repeat=2)
    cols = {"time": "year", "loc": "region", "prod": "industry", "val": "value"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t_peer, ref = best_of(lambda: ec.ecomplexity(long, cols, verbose=False), repeat=1)
    merged = ours.merge(ref, on=["region", "industry", "year"], suffixes=("", "_ref"))
    diff = max(float(np.abs(merged["eci"] - merged["eci_ref"]).max()),
               float(np.abs(merged["pci"] - merged["pci_ref"]).max()),
               float(np.abs(merged["density"] - merged["density_ref"]).max()))
    years = long["year"].nunique()
    _report(f"ECI/PCI/density, {long.region.nunique()} Kreise x {long.industry.nunique()} x {years} years",
            "py-ecomplexity", t_ours, t_peer, diff)


def inequality_indices() -> None:
    import inequality
    from regional_clusters.data import load_inkar

    gdp = load_inkar("wirtschaft").query("indicator == 'q_bip_ew'")
    y = gdp.loc[gdp["year"] == gdp["year"].max()].set_index("kreis")["value"].dropna()
    reps = 200
    for name, ours, peer in [
        ("Theil T", lambda: convergence.theil(y), lambda: inequality.theil.Theil(y.to_numpy()).T),
        ("Gini", lambda: convergence.gini(y), lambda: inequality.gini.Gini(y.to_numpy()).g),
        ("Atkinson (epsilon 1)", lambda: convergence.atkinson(y, epsilon=1.0),
         lambda: inequality.atkinson.atkinson(y.to_numpy(), 1.0)),
    ]:
        t_ours, a = best_of(lambda: [ours() for _ in range(reps)])
        t_peer, b = best_of(lambda: [peer() for _ in range(reps)])
        _report(f"{name}, GDP per head of {len(y)} Kreise (x{reps})", "PySAL inequality",
                t_ours, t_peer, abs(float(a[-1]) - float(b[-1])))


def gravity() -> None:
    import pyfixest as pf

    dyads = px.country_dyads(load_h2020())
    dyads = dyads[dyads.index.get_level_values(0).isin(px.covered_countries())
                  & dyads.index.get_level_values(1).isin(px.covered_countries())]
    covariates = ["log_distance", "contiguity", "common_language"]
    t_ours, res = best_of(lambda: px.gravity_ppml(dyads, covariates=covariates), repeat=2)
    a = dyads.index.get_level_values(0).astype(str)
    b = dyads.index.get_level_values(1).astype(str)
    places = sorted(set(a) | set(b))
    frame = dyads[["collaborations"] + covariates].reset_index(drop=True)
    for p in places[1:]:
        frame[f"fe_{p}"] = (a == p).astype(float) + (b == p).astype(float)
    formula = "collaborations ~ " + " + ".join(covariates + [f"fe_{p}" for p in places[1:]])
    t_peer, fit = best_of(lambda: pf.fepois(formula, data=frame, vcov="hetero"), repeat=2)
    diff = float(np.abs(res.table["coef"].to_numpy() - fit.coef()[covariates].to_numpy()).max())
    diff_se = float(np.abs(res.table["se"].to_numpy() / fit.se()[covariates].to_numpy() - 1).max())
    _report(f"PPML gravity, {len(dyads)} country pairs, {len(places)} FE", "pyfixest fepois", t_ours, t_peer, diff)
    print(f"{'':<46} {'':<16} HC1 standard errors differ by at most {diff_se:.1e} (relative)")


if __name__ == "__main__":
    complexity_panel()
    inequality_indices()
    gravity()
