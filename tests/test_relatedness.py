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
