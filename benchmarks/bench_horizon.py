"""Horizon benchmarks: a 40-year evaluation with the public purse, against one year.

Run: ``python benchmarks/bench_horizon.py`` (``--profile`` also prints the top functions
of the 40-year evaluation by cumulative and by own time). The 40-year scenario is
``examples/ikea_rebild_3_years.yaml`` with ``years: 40`` and its ``changes`` removed.
Figures are medians of batches, the scenarios timed in turn (interleaved), because the
machine is shared and noisy (±1.5-2x between runs). Nothing here is asserted on time.
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

import socialpartner as sp

ROOT = Path(__file__).resolve().parents[1]


def horizon(years: int) -> sp.Partnership:
    """The three-year example stretched to ``years`` years, without its change in year 2."""
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"]["years"] = years
    data["horizon"].pop("changes", None)
    return sp.from_data(data)


def per_call(fns: dict[str, tuple[Callable[[], Any], int]], repeat: int) -> dict[str, list[float]]:
    """Seconds per call of each function: one figure per batch of ``number`` calls, interleaved."""
    out: dict[str, list[float]] = {name: [] for name in fns}
    for fn, _ in fns.values():
        fn()  # warm caches
    for _ in range(repeat):
        for name, (fn, number) in fns.items():
            start = time.perf_counter()
            for _ in range(number):
                fn()
            out[name].append((time.perf_counter() - start) / number)
    return out


def profile(fn: Callable[[], Any], calls: int) -> None:
    """Top 10 functions by cumulative and by own time over ``calls`` calls."""
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(calls):
        fn()
    prof.disable()
    for key in ("cumulative", "tottime"):
        print(f"--- top 10 by {key} ({calls} calls) ---")
        pstats.Stats(prof).strip_dirs().sort_stats(key).print_stats(10)


def stages(partnership: sp.Partnership) -> None:
    """Where a 40-year evaluation's time goes: the engine, the per-year records, the rest.

    The records are the per-year :class:`socialpartner.Evaluation` objects of the
    breakdown (ledger, cost split, public view with its lines, statements): their cost
    per year bounds what any engine can reach while every year's record is built.
    """
    from socialpartner import evaluation as records
    from socialpartner._internal import engine

    result = engine.run(partnership)
    n = len(result.periods)
    parts = tuple(records._record(partnership, p) for p in result.periods)
    t = per_call(
        {
            "evaluate": (lambda: sp.evaluate(partnership), 5),
            "engine": (lambda: engine.run(partnership), 5),
            "records": (lambda: tuple(records._record(partnership, p) for p in result.periods), 5),
            "combine": (lambda: records._combine(partnership, result, parts), 20),
        },
        repeat=11,
    )
    med = {name: statistics.median(v) for name, v in t.items()}
    print(f"stages of the {n}-year evaluation (median of 11 batches)")
    for name in ("engine", "records", "combine"):
        share = med[name] / med["evaluate"]
        print(f"  {name:<8} {med[name] * 1e3:6.2f} ms  {med[name] / n * 1e6:5.0f} µs a year  {share:4.0%} of evaluate")
    print(f"  evaluate {med['evaluate'] * 1e3:6.2f} ms")


def main() -> None:
    one = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    h = {n: horizon(n) for n in (1, 10, 40)}
    ev = sp.evaluate(h[40])
    assert len(ev.breakdown) == 40, len(ev.breakdown)
    t = per_call(
        {
            "one": (lambda: sp.evaluate(one), 200),
            "h1": (lambda: sp.evaluate(h[1]), 50),
            "h10": (lambda: sp.evaluate(h[10]), 10),
            "h40": (lambda: sp.evaluate(h[40]), 5),
        },
        repeat=15,
    )
    med = {name: statistics.median(v) for name, v in t.items()}
    lo = {name: min(v) for name, v in t.items()}
    hi = {name: max(v) for name, v in t.items()}
    per_year = (med["h40"] - med["h10"]) / 30
    print("evaluate, median of 15 batches (min-max of the batch medians in brackets)")
    one_range = f"[{lo['one'] * 1e6:.0f}-{hi['one'] * 1e6:.0f}]"
    print(f"  one year, ikea_rebild.yaml:              {med['one'] * 1e6:8.0f} µs  {one_range}")
    for n in (1, 10, 40):
        k = f"h{n}"
        print(
            f"  {n:>2}-year horizon with the public purse:   {med[k] * 1e3:8.2f} ms  "
            f"[{lo[k] * 1e3:.2f}-{hi[k] * 1e3:.2f}]  {med[k] / n * 1e3:.2f} ms a year"
        )
    print(f"  each year beyond the 10th: {per_year * 1e6:.0f} µs (slope 10 -> 40 years)")
    print(f"  40-year / one-year evaluate: {med['h40'] / med['one']:.0f}x")
    print(f"  40-year / 1-year horizon (both with the public purse): {med['h40'] / med['h1']:.1f}x")
    print()
    stages(h[40])
    print()
    print("summary (target: figure, met?)")
    rows = [
        ("40-year horizon with the public purse <= 5 ms", f"{med['h40'] * 1e3:.2f} ms", med["h40"] <= 0.005),
        ("one-year evaluate < 100 µs", f"{med['one'] * 1e6:.0f} µs", med["one"] < 100e-6),
    ]
    for what, figure, met in rows:
        print(f"  {what:<48} {figure:>9}  {'met' if met else 'NOT met'}")
    if "--profile" in sys.argv[1:]:
        print()
        profile(lambda: sp.evaluate(h[40]), 20)
        profile(lambda: sp.evaluate(one), 2000)


if __name__ == "__main__":
    main()
