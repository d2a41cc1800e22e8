"""Sweep benchmarks: a million Monte Carlo variants of the three-party deal.

Run: ``python benchmarks/bench_sweep.py``. Reports, measured in the same run:
- Monte Carlo end to end (sampling, evaluation, DataFrame) for 1,000,000 variants;
- the evaluation step alone against a hand-written plain-numpy version of the same
  formulas (no units, no validation), as a ratio;
- ``evaluate`` in a Python loop for 10,000 variants, per variant, as a ratio;
- peak memory (tracemalloc) of the Monte Carlo run.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np

import socialpartner as sp
from socialpartner._internal import engine
from socialpartner.sweeps import results

N = 1_000_000


def best_of(fn: Callable[[], Any], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_numpy(
    price: np.ndarray[Any, Any],
    overhead: np.ndarray[Any, Any],
    annual: np.ndarray[Any, Any],
    hours_week: np.ndarray[Any, Any],
) -> dict[str, np.ndarray[Any, Any]]:
    """The three-party formulas by hand: 3 workers, wage 165 DKK/h, 3 participants, one year."""

    def ore(x: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        return np.floor(x * 100 + (0.5 + 1e-7)) / 100

    hours = 3 * hours_week * 52
    wages = ore(165 * hours)
    over = ore(overhead * hours)
    courses = ore(3 * price * 12)
    cost = ore(annual)
    funding = over + courses
    return {
        "coverage": funding / cost,
        "surplus": np.round(funding - cost, 2),
        "shortfall": np.round(np.maximum(cost - funding, 0), 2),
        "net.company": -(wages + over),
        "net.social_enterprise": np.round(wages + over + courses - wages - cost, 2),
        "net.workers": wages,
        "net.municipality": -courses,
        "net.support_staff": cost,
        "fte": np.floor(3 * hours_week / 37 * 100 + 0.5) / 100,
        "be_overhead": ore(np.maximum((cost - courses) / hours, 0)),
        "be_price": ore(np.maximum((cost - over) / 36, 0)),
    }


def main() -> None:
    p = sp.load(sp.example_path())
    inputs = {
        "courses.price": sp.Uniform("9000 DKK/month", "14000 DKK/month"),
        "temp_hours.overhead": sp.Uniform("10 DKK/hour", "40 DKK/hour"),
        "support_staff.0.annual_cost": sp.Triangular("450000 DKK/year", "480000 DKK/year", "560000 DKK/year"),
        "temp_hours.effective_hours": sp.Normal("15 hour/week", "3 hour/week", low="5 hour/week", high="30 hour/week"),
    }
    sp.monte_carlo(p, inputs, 1000, seed=1)  # warm imports and caches

    t_mc = best_of(lambda: sp.monte_carlo(p, inputs, N, seed=1), repeat=3)
    tracemalloc.start()
    frame = sp.monte_carlo(p, inputs, N, seed=1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    rng = np.random.default_rng(2)
    price = rng.uniform(9000, 14000, N)
    overhead = rng.uniform(10, 40, N)
    annual = rng.triangular(450000, 480000, 560000, N)
    hours_week = np.clip(rng.normal(15, 3, N), 5, 30)
    overrides = {
        "courses.price": sp.Q_(price, "DKK/month"),
        "temp_hours.overhead": sp.Q_(overhead, "DKK/hour"),
        "support_staff.0.annual_cost": sp.Q_(annual, "DKK/year"),
        "temp_hours.effective_hours": sp.Q_(hours_week, "hour/week"),
    }
    t_ours = best_of(lambda: results(engine.run(p, overrides, vector=True)))
    t_plain = best_of(lambda: plain_numpy(price, overhead, annual, hours_week))
    ours, plain = results(engine.run(p, overrides, vector=True)), plain_numpy(price, overhead, annual, hours_week)
    assert np.allclose(ours["coverage"], plain["coverage"])
    assert np.allclose(ours["surplus [DKK]"], plain["surplus"], atol=0.011)

    data = p.model_dump(mode="json")

    def loop() -> None:
        for i in range(10_000):
            data["courses"]["price"] = f"{9000 + i % 5000} DKK/month"
            sp.evaluate(type(p).model_validate(data))

    t_loop = best_of(loop, repeat=1)

    print(f"variants: {N:,} (rows in the DataFrame: {len(frame):,}, columns: {len(frame.columns)})")
    print(f"Monte Carlo end to end (sampling + evaluation + DataFrame): {t_mc * 1e3:.0f} ms  (target < 250 ms)")
    print(
        f"evaluation step: {t_ours * 1e3:.1f} ms; plain numpy, same formulas: {t_plain * 1e3:.1f} ms; "
        f"ratio {t_ours / t_plain:.2f}x  (target <= 1.5x)"
    )
    per_loop = t_loop / 10_000
    per_vec = t_ours / N
    print(
        f"evaluate in a Python loop: {per_loop * 1e6:.0f} µs a variant (10,000 in {t_loop:.2f} s); "
        f"vectorised {per_vec * 1e9:.0f} ns a variant; ratio {per_loop / per_vec:,.0f}x"
    )
    print(f"peak traced memory of the Monte Carlo run: {peak / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
