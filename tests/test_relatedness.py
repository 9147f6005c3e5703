"""Tests of regional_clusters.relatedness against the worked example and a loop version."""

import numpy as np
import pandas as pd
import pytest

from regional_clusters import relatedness as rl

# Hidalgo and Hausmann (2009) method of reflections example (GUIDE section 9)
HH = pd.DataFrame(
    [[1, 1, 1, 1], [0, 1, 0, 0], [0, 0, 1, 1], [0, 0, 0, 1]],
    index=["c1", "c2", "c3", "c4"],
    columns=["p1", "p2", "p3", "p4"],
)


def test_reflections_worked_example():
    kc, kp = rl.method_of_reflections(HH, iterations=2)
    assert kc[0].tolist() == [4, 1, 2, 1]
    assert kp[0].tolist() == [1, 2, 2, 3]
    assert kc[1].to_numpy() == pytest.approx([2, 2, 2.5, 3])
    assert kp[1].to_numpy() == pytest.approx([4, 2.5, 3, 2.333], abs=1e-3)
    assert kc[2].to_numpy() == pytest.approx([2.958, 2.5, 2.667, 2.333], abs=1e-3)


def _loop_proximity(m):
    n = m.shape[1]
    phi = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            both = (m[:, i] * m[:, j]).sum()
            phi[i, j] = min(both / m[:, i].sum(), both / m[:, j].sum())
    return phi


def _random_counts(seed, shape=(30, 12)):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(rng.gamma(0.5, 10, size=shape) + 0.01, columns=[f"i{k}" for k in range(shape[1])])


def test_proximity_matches_loop_and_bounds():
    X = _random_counts(0)
    M = rl.presence(X)
    phi = rl.proximity(X)
    assert phi.to_numpy() == pytest.approx(_loop_proximity(M.to_numpy()))
    assert ((phi >= 0) & (phi <= 1)).all().all()
    assert (phi.to_numpy() == phi.to_numpy().T).all()
    assert np.diag(rl.proximity(X, diagonal=0).to_numpy()).tolist() == [0] * 12


def test_density_matches_loop():
    X = _random_counts(1)
    M = rl.presence(X)
    phi = rl.proximity(M, given=True, diagonal=0)
    d = rl.relatedness_density(M, phi)
    m, p = M.to_numpy(), phi.to_numpy()
    ref = np.array([[sum(m[r, j] * p[i, j] for j in range(12)) / p[i].sum() for i in range(12)] for r in range(30)])
    assert d.to_numpy() == pytest.approx(ref)
    assert ((d >= 0) & (d <= 1)).all().all()


def test_eci_is_mean_pci_and_eigenvector():
    X = _random_counts(2, (60, 25))
    M = rl.presence(X)
    eci, pci = rl.economic_complexity(M)
    m = M.to_numpy()
    # with the "eci" normalisation ECI is the mean PCI of the region's industries
    assert eci.to_numpy() == pytest.approx(m @ pci.to_numpy() / m.sum(1))
    assert eci.mean() == pytest.approx(0, abs=1e-9) and eci.std(ddof=0) == pytest.approx(1)
    # independent check: second eigenvector of Mpp by dense eig
    kc0, kp0 = m.sum(1), m.sum(0)
    mpp = (m / kp0).T @ (m / kc0[:, None])
    w, v = np.linalg.eig(mpp)
    kp = np.real(v[:, np.argsort(np.real(w))[-2]])
    assert abs(np.corrcoef(kp, pci.to_numpy())[0, 1]) == pytest.approx(1, abs=1e-8)
    assert np.corrcoef(eci, kc0)[0, 1] > 0
    e2, p2 = rl.economic_complexity(M, normalise="zscore")
    assert p2.mean() == pytest.approx(0, abs=1e-9) and p2.std(ddof=0) == pytest.approx(1)
    e3, _ = rl.economic_complexity(M, normalise="none", sign="none")
    assert abs(np.corrcoef(e3, eci)[0, 1]) == pytest.approx(1)


def test_conventions_and_bad_input():
    with pytest.raises(ValueError, match="sign"):
        rl.economic_complexity(HH, sign="up")
    with pytest.raises(ValueError, match="normalise"):
        rl.economic_complexity(HH, normalise="x")
    with pytest.raises(ValueError, match="'p2'"):
        rl.proximity(HH.assign(p2=0), given=True)
    with pytest.raises(ValueError, match="'c2'"):
        rl.method_of_reflections(HH.T.assign(c2=0).T)
    with pytest.raises(ValueError, match="0 and 1"):
        rl.presence(HH * 2, given=True)
    with pytest.raises(ValueError, match="iterations"):
        rl.method_of_reflections(HH, iterations=-1)
    with pytest.raises(ValueError, match="'p4'"):
        rl.relatedness_density(HH, rl.proximity(HH, given=True).drop(index="p4", columns="p4"))
    bad = HH.astype(float)
    bad.loc["c3", "p1"] = np.nan
    with pytest.raises(ValueError, match="'c3'.*'p1'"):
        rl.proximity(bad, given=True)
    neg = HH.astype(float)
    neg.loc["c1", "p2"] = -1
    with pytest.raises(ValueError, match="'c1'.*'p2'"):
        rl.proximity(neg)


# --- the wider relatedness family ----------------------------------------------


def _econgeo_relatedness(m, method):
    """EconGeo's relatedness(co.occurrence(...), method), transcribed cell by cell."""
    c = (m.T @ m).astype(float)
    np.fill_diagonal(c, 0)
    s = c.sum(axis=0)
    t = c.sum()
    n = len(s)
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            si, sj = s[j], s[i]  # EconGeo: si varies by column, sj by row
            if method == "probability":
                out[i, j] = c[i, j] / (((si / t) * (sj / (t - si)) + (sj / t) * (si / (t - sj))) * (t / 2))
            elif method == "association":
                out[i, j] = (c[i, j] / t) / ((si / t) * (sj / t))
            elif method == "cosine":
                out[i, j] = c[i, j] / np.sqrt(si * sj)
            else:
                out[i, j] = c[i, j] / (si + sj - c[i, j])
    return out


@pytest.mark.parametrize("method", ["probability", "association", "cosine", "jaccard"])
def test_cooccurrence_relatedness_matches_econgeo_formulas(method):
    M = rl.presence(_random_counts(3, (40, 9)))
    got = rl.cooccurrence_relatedness(M, method=method).to_numpy()
    assert got == pytest.approx(_econgeo_relatedness(M.to_numpy(), method), rel=1e-12)
    assert np.allclose(got, got.T)


def test_zscore_relatedness_is_the_hypergeometric_z():
    from scipy.stats import hypergeom

    M = rl.presence(_random_counts(5, (25, 6)))
    m = M.to_numpy()
    z = rl.cooccurrence_relatedness(M, method="zscore").to_numpy()
    n, k = m.shape[0], m.sum(axis=0)
    for i, j in [(0, 1), (2, 5), (3, 4)]:
        dist = hypergeom(n, k[i], k[j])  # regions with j drawn from n, k_i of which hold i
        expected = ((m[:, i] * m[:, j]).sum() - dist.mean()) / dist.std()
        assert z[i, j] == pytest.approx(expected, rel=1e-10)


def test_relatedness_family_matches_py_ecomplexity():
    """Density, COI, COG, asymmetric and continuous proximity against py-ecomplexity on the same table."""
    ecx = pytest.importorskip("ecomplexity")
    from ecomplexity.calc_proximity import calc_continuous_proximity, calc_discrete_proximity

    X = _random_counts(11, (60, 15))
    X.index = [f"r{i}" for i in range(len(X))]
    long = X.stack().rename("val").rename_axis(["loc", "prod"]).reset_index().assign(time=2020)
    with np.errstate(all="ignore"):
        ref = ecx.ecomplexity(long, {"time": "time", "loc": "loc", "prod": "prod", "val": "val"}, verbose=False)
    ref = ref.set_index(["loc", "prod"])
    M = rl.presence(X)
    phi = rl.proximity(M, given=True)
    dens = rl.relatedness_density(M, phi).stack()
    assert dens.to_numpy() == pytest.approx(ref["density"].reindex(dens.index).to_numpy(), abs=1e-10)

    eci, pci = rl.economic_complexity(M, normalise="none")
    coi, cog, dist = rl.complexity_outlook(M, phi, pci)
    ref_coi = ref["coi"].groupby(level="loc").first().reindex(M.index)
    assert ((coi - coi.mean()) / coi.std(ddof=0)).to_numpy() == pytest.approx(ref_coi.to_numpy(), abs=1e-8)
    ref_cog = ref["cog"].reindex(cog.stack().index).to_numpy()
    assert (cog.stack() / eci.std(ddof=0)).to_numpy() == pytest.approx(ref_cog, abs=1e-8)
    assert (dist + rl.relatedness_density(M, phi)).to_numpy() == pytest.approx(1.0)

    m = M.to_numpy()
    asym = calc_discrete_proximity(m, m.sum(axis=0), asymmetric=True)
    assert rl.asymmetric_proximity(M).to_numpy() == pytest.approx(asym, rel=1e-12)
    rca = rl.location_quotient(X).to_numpy()
    cont = calc_continuous_proximity(rca, m.sum(axis=0))
    assert rl.continuous_proximity(X).to_numpy() == pytest.approx(cont, rel=1e-12)


def test_rpop_portfolio_and_neighbour_density_by_hand():
    X = pd.DataFrame({"a": [10, 30, 60], "b": [5, 5, 0]}, index=["r1", "r2", "r3"])
    pop = pd.Series({"r1": 100, "r2": 100, "r3": 200})
    # per head over the whole: a 100/400 = 0.25; r1 0.1 -> 0.4, r2 0.3 -> 1.2, r3 0.3 -> 1.2
    assert rl.rpop(X, pop)["a"].to_numpy() == pytest.approx([0.4, 1.2, 1.2])
    with pytest.raises(ValueError, match="region 'r3'"):
        rl.rpop(X, pop.drop("r3"))
    with pytest.raises(ValueError, match="positive"):
        rl.rpop(X, pop * 0)
    M = pd.DataFrame({"a": [1, 1, 0], "b": [1, 0, 0], "c": [0, 1, 1]})
    phi = rl.proximity(M, given=True)
    # k = number of industries - 1 keeps every neighbour: same as the density without the diagonal
    full = rl.nearest_neighbour_density(M, phi, k=2)
    assert full.to_numpy() == pytest.approx(rl.relatedness_density(M, rl.proximity(M, given=True, diagonal=0)).to_numpy())
    with pytest.raises(ValueError, match="k must be"):
        rl.nearest_neighbour_density(M, phi, k=3)
    with pytest.raises(ValueError, match="method must be"):
        rl.cooccurrence_relatedness(M, method="pmi")
    with pytest.raises(ValueError, match="pci has no value for industry 'c'"):
        rl.complexity_outlook(M, phi, pd.Series({"a": 1.0, "b": 0.0}))
