"""Foundation benchmarks: import, CLI, load + validate, evaluate.

Run: ``python benchmarks/bench_foundation.py``. Every figure is reported next to a
baseline or naive alternative measured in the same run, as a ratio, because this
machine is noisy (±1.5-2x between runs). Nothing here is asserted by the tests.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import yaml

import socialpartner as sp
from socialpartner._internal.units import ureg


def wall(cmd: list[str], repeat: int) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_call(fn: Callable[[], Any], repeat: int = 7, number: int = 200) -> float:
    """Median time of one call, in seconds (median over `repeat` batches of `number`)."""
    fn()  # warm caches
    batches = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        batches.append((time.perf_counter() - start) / number)
    return statistics.median(batches)


def naive_load(text: str) -> dict[str, Any]:
    """YAML plus pint's own string parser for every quantity field (no cache, no models)."""
    data = yaml.safe_load(text)
    th, co = data["temp_hours"], data["courses"]
    return {
        "period": ureg.Quantity(data["period"]),
        "effective_hours": ureg.Quantity(th["effective_hours"]),
        "wage_cost": ureg.Quantity(th["wage_cost"]),
        "overhead": ureg.Quantity(th["overhead"]),
        "price": ureg.Quantity(co["price"]),
        "staff": [(ureg.Quantity(f"{s['fte']} FTE"), ureg.Quantity(s["annual_cost"])) for s in data["support_staff"]],
        "workers": th["workers"],
        "participants": co["participants"],
    }


def naive_evaluate(d: dict[str, Any]) -> dict[str, Decimal]:
    """The same figures with pint quantities inside the arithmetic."""
    hours = d["workers"] * d["effective_hours"] * d["period"]
    wages = (d["wage_cost"] * hours).to("DKK")
    overhead = (d["overhead"] * hours).to("DKK")
    courses = (d["participants"] * d["price"] * d["period"]).to("DKK")
    cost = sum(((c * d["period"]).to("DKK") for _, c in d["staff"]), ureg.Quantity(0, "DKK"))
    funding = overhead + courses
    q = Decimal("0.01")
    return {
        "wages": Decimal(str(wages.magnitude)).quantize(q),
        "overhead": Decimal(str(overhead.magnitude)).quantize(q),
        "courses": Decimal(str(courses.magnitude)).quantize(q),
        "coverage": Decimal(str((funding / cost).to("").magnitude)),
        "break_even_overhead": Decimal(str(((cost - courses) / hours).to("DKK/hour").magnitude)).quantize(q),
    }


def main() -> None:
    """Run every benchmark and print a table."""
    py = sys.executable
    rows: list[tuple[str, str, str, str]] = []

    t_pass = wall([py, "-c", "pass"], 7)
    t_ours = wall([py, "-c", "import socialpartner"], 7)
    t_pint = wall([py, "-c", "import pint; pint.UnitRegistry()"], 7)
    rows.append(
        (
            "import socialpartner (registry ready)",
            f"{t_ours * 1e3:.0f} ms",
            f"import pint; UnitRegistry(): {t_pint * 1e3:.0f} ms",
            f"{t_ours / t_pint:.2f}x",
        )
    )
    rows.append(("  (python start-up alone)", f"{t_pass * 1e3:.0f} ms", "", ""))
    # models, evaluation and I/O load lazily on first use: report that cost too
    t_first = wall([py, "-c", "import socialpartner as sp; sp.evaluate(sp.load(sp.example_path()))"], 7)
    rows.append(
        (
            "  import + first load + evaluate",
            f"{t_first * 1e3:.0f} ms",
            f"import pint; UnitRegistry(): {t_pint * 1e3:.0f} ms",
            f"{t_first / t_pint:.2f}x",
        )
    )

    t_cli = wall([py, "-m", "socialpartner", "evaluate"], 5)
    rows.append(("socialpartner evaluate (bundled example)", f"{t_cli * 1e3:.0f} ms", "target: < 1000 ms", ""))

    path = sp.example_path()
    text = path.read_text(encoding="utf-8")
    t_load = per_call(lambda: sp.load(path))
    t_loads = per_call(lambda: sp.loads(text))
    t_naive_load = per_call(lambda: naive_load(text), number=20)
    rows.append(("load + validate example (file)", f"{t_load * 1e6:.0f} µs", "target: < 1000 µs", ""))
    rows.append(
        (
            "loads + validate example (text)",
            f"{t_loads * 1e6:.0f} µs",
            f"naive (pint parser per field): {t_naive_load * 1e6:.0f} µs",
            f"{t_loads / t_naive_load:.2f}x",
        )
    )

    partnership = sp.load(path)
    parsed = naive_load(text)
    assert naive_evaluate(parsed)["break_even_overhead"] == sp.evaluate(partnership).break_even[0].value
    t_eval = per_call(lambda: sp.evaluate(partnership), number=1000)
    t_naive_eval = per_call(lambda: naive_evaluate(parsed), number=200)
    rows.append(
        (
            "evaluate (median)",
            f"{t_eval * 1e6:.0f} µs",
            f"naive (pint inside arithmetic): {t_naive_eval * 1e6:.0f} µs",
            f"{t_eval / t_naive_eval:.2f}x",
        )
    )

    width = [max(len(r[i]) for r in rows) for i in range(4)]
    header = ("what", "time", "baseline / naive alternative, same run", "ratio")
    width = [max(w, len(h)) for w, h in zip(width, header, strict=True)]
    for r in (header, *rows):
        print("  ".join(c.ljust(w) for c, w in zip(r, width, strict=True)))


if __name__ == "__main__":
    main()
