"""Throughput of the mechanism models (agent-steps per second).

Run with ``python benchmarks/bench_models.py`` (``make bench``). For each
model the script times a few default runs and prints agent-steps per second
(agents times steps divided by wall time). Where an independent method
exists it also checks agreement and prints the speed ratio:

- coopetition: the simulated efforts against the direct linear solve of the
  equilibrium (``coopetition_equilibrium``);
- neighbourhoods: the sparse local density against ``networkx.clustering``.

Finally it prints the throughput of ``sweep`` (model runs per second)
serially and on local process pools of 1 and 2 workers, and checks that
the three tables are identical.
"""

from __future__ import annotations

import time

import networkx as nx
import numpy as np

from regional_clusters.models import (
    coopetition_equilibrium,
    local_pool,
    sweep,
    local_density,
    simulate_club_good,
    simulate_coopetition,
    simulate_learning,
    simulate_trust,
)


def timed(fn, repeat=5):
    best = np.inf
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return out, best


def main() -> None:
    rows = []
    cases = [
        ("coopetition", lambda: simulate_coopetition(n_firms=200, steps=100, noise=0.01, seed=1), 200 * 100),  # noise: no early stop
        ("club_goods", lambda: simulate_club_good(n_members=200, visibility=0.5, steps=200, seed=1), 200 * 200),
        ("trust", lambda: simulate_trust(n_groups=10, group_size=10, steps=100, seed=1), 100 * 100),
        ("learning", lambda: simulate_learning(n_groups=10, group_size=10, steps=100, seed=1), 100 * 100),
    ]
    print(f"{'model':<12} {'agent-steps':>12} {'seconds':>9} {'agent-steps/s':>15}")
    for name, fn, work in cases:
        _, sec = timed(fn, repeat=3)
        rows.append((name, work, sec, work / sec))
        print(f"{name:<12} {work:>12d} {sec:>9.4f} {work / sec:>15,.0f}")

    # coopetition: simulation vs direct solve on a labelled ring (interior equilibrium)
    G = nx.cycle_graph(200)
    for u, v in G.edges:
        G.edges[u, v]["relation"] = "cooperation" if u % 3 else "rivalry"
    res, t_sim = timed(lambda: simulate_coopetition(G, beta=0.2, rho=0.1, gamma=0.1, steps=200, seed=0), 3)
    A = nx.to_numpy_array(G, nodelist=list(G.nodes), weight=None)
    C = np.zeros_like(A)
    for u, v in G.edges:
        if G.edges[u, v]["relation"] == "cooperation":
            C[u, v] = C[v, u] = 1
    e, t_solve = timed(lambda: coopetition_equilibrium(C, A - C, res.agents["ability"], beta=0.2, rho=0.1, gamma=0.1), 3)
    err = float(np.max(np.abs(e - res.agents["effort"].to_numpy())))
    assert err < 1e-8, err
    print(f"coopetition equilibrium: max |simulated - solved| = {err:.1e}; simulation/solve time ratio {t_sim / t_solve:.1f}")

    # neighbourhoods: sparse local density vs networkx clustering
    H = nx.powerlaw_cluster_graph(3000, 5, 0.5, seed=1)
    ours, t_ours = timed(lambda: local_density(H), 3)
    ref, t_ref = timed(lambda: nx.clustering(H), 1)
    assert np.allclose(ours.to_numpy(), [ref[v] for v in H.nodes])
    print(f"local_density vs networkx.clustering (3000 nodes): agree; speed-up x{t_ref / t_ours:.1f}")

    # sweep throughput: the same 96 trust runs serially and on 1 and 2 worker processes
    grid = {"structure": ["closed", "bridging", "random"], "gossip": [0.0, 0.3]}
    runs = 6 * 16

    def run(executor):
        return sweep(simulate_trust, grid, seeds=16, seed=1, executor=executor, batch_size=8)

    serial, t_serial = timed(lambda: run(None), 1)
    print(f"{'sweep executor':<16} {'runs':>5} {'seconds':>9} {'runs/s':>8}")
    print(f"{'serial':<16} {runs:>5d} {t_serial:>9.2f} {runs / t_serial:>8.1f}")
    for workers in (1, 2):
        with local_pool(workers) as pool:
            run(pool)  # warm up the workers (imports)
            table, t_pool = timed(lambda: run(pool), 1)
        assert table.equals(serial), "the table must not depend on the executor"
        print(f"{f'pool, {workers} worker(s)':<16} {runs:>5d} {t_pool:>9.2f} {runs / t_pool:>8.1f}")
    print("tables identical across executors")


if __name__ == "__main__":
    main()
