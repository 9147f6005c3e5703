"""Shared timing helper for the benchmark scripts."""

from __future__ import annotations

import time


def best_of(f, repeat: int = 3):
    """Run ``f`` ``repeat`` times; return the fastest wall time and the last result."""
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return min(times), out
