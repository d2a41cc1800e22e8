"""Many scenarios at once: grids and paired sweeps, Monte Carlo, and sensitivity.

One set of formulas: a sweep runs the same model code as :func:`socialpartner.evaluate`
(the model's plan, then the core's ``coverage_ratio`` and ``break_even_rate``), with each
varied input converted once to a float64 array in canonical units and every other input
a float, so a million variants cost a few array operations each. Amounts are rounded to
øre per flow as in a single evaluation (in float64, so a row agrees with ``evaluate`` to
within 0.01 DKK). Scenarios with a horizon, a public view or several periods are
evaluated variant by variant with ``evaluate`` instead.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pint

from socialpartner import core
from socialpartner._internal.units import (
    FTE_HOURS_PER_WEEK,
    MAX_MAGNITUDE,
    Q_,
    format_magnitude,
    parse_unit,
    unit_info,
    ureg,
    vector_mode,
)
from socialpartner.errors import SocialPartnerError
from socialpartner.models._base import Partnership

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MAX_VARIANTS",
    "Distribution",
    "Normal",
    "SweepError",
    "Triangular",
    "Uniform",
    "monte_carlo",
    "summarize",
    "sweep",
    "tornado",
]

Values = Any  # a pint Quantity with an array magnitude, a sequence of "N unit" strings, or whole numbers


class SweepError(SocialPartnerError):
    """A sweep's inputs are not valid: unknown path, wrong unit, negative or non-finite values."""


MAX_VARIANTS = 10_000_000
"""Most variants one sweep or Monte Carlo run evaluates (the grid's product, or ``n``);
ten million rows of results take about 2 GB of memory."""


def _check_variants(total: int) -> None:
    """Refuse a run of more than :data:`MAX_VARIANTS` variants, before anything is allocated."""
    if total > MAX_VARIANTS:
        raise SweepError(
            f"{total:,} variants is more than the {MAX_VARIANTS:,} one run evaluates; "
            "use fewer values per input or split the run"
        )


# -- addressing and checking inputs ---------------------------------------------------------


def _node(partnership: Partnership, path: str) -> tuple[Any, str | int]:
    obj: Any = partnership
    parts = path.split(".")
    try:
        for part in parts[:-1]:
            obj = obj[int(part)] if isinstance(obj, tuple) else getattr(obj, part)
        last: str | int = int(parts[-1]) if isinstance(obj, tuple) else parts[-1]
        _ = obj[int(last)] if isinstance(obj, tuple) else getattr(obj, str(last))
    except (AttributeError, IndexError, ValueError, TypeError):
        raise SweepError(f"{path}: no such input in this scenario") from None
    return obj, last


def _current(partnership: Partnership, path: str) -> Any:
    obj, last = _node(partnership, path)
    return obj[int(last)] if isinstance(obj, tuple) else getattr(obj, str(last))


def _replace(obj: Any, parts: Sequence[str], value: Any) -> Any:
    """A copy of a (nested) frozen model with one attribute replaced, without validation."""
    head, rest = parts[0], parts[1:]
    if isinstance(obj, tuple):
        i = int(head)
        item = value if not rest else _replace(obj[i], rest, value)
        return (*obj[:i], item, *obj[i + 1 :])
    child = value if not rest else _replace(getattr(obj, head), rest, value)
    return obj.model_copy(update={head: child})


def _as_array(path: str, base: Any, values: Values) -> tuple[np.ndarray[Any, Any], str]:
    """Check sweep values against the input they replace; return magnitudes and their unit text."""
    if base is None:
        raise SweepError(f"{path}: not given in this scenario; give it a value to sweep from")
    if isinstance(base, bool):
        raise SweepError(f"{path}: not a numeric input")
    if isinstance(base, int):
        arr = np.asarray(values.magnitude if isinstance(values, pint.Quantity) else values)
        if (
            arr.dtype.kind not in "iuf"
            or not np.all(np.isfinite(arr))
            or np.any(arr != np.round(arr))
            or np.any(arr < 0)
        ):
            raise SweepError(f"{path}: expected whole numbers of people (0 or more)")
        return arr.astype(np.int64), ""
    if not isinstance(base, pint.Quantity):
        raise SweepError(f"{path}: not a numeric input")
    if isinstance(values, pint.Quantity):
        if values._REGISTRY is not ureg:
            raise SweepError(f"{path}: quantity from another unit registry; use socialpartner.Q_")
        magnitudes = np.asarray(values.magnitude, dtype=float)
        unit = str(values.units)
    else:
        items = list(values)
        if not items or not all(isinstance(v, str) for v in items):
            raise SweepError(f"{path}: give values with units, e.g. Q_(np.linspace(9000, 14000, 51), 'DKK/month')")
        parsed = [v.strip().partition(" ") for v in items]
        units = {u for _, _, u in parsed}
        if len(units) != 1:
            raise SweepError(f"{path}: give all values in one unit")
        unit = units.pop()
        try:
            magnitudes = np.asarray([float(n) for n, _, _ in parsed])
        except ValueError:
            raise SweepError(f"{path}: not numbers") from None
    if magnitudes.ndim != 1:
        raise SweepError(f"{path}: give a one-dimensional array of values")
    try:
        info = parse_unit(unit)
    except SocialPartnerError as exc:
        raise SweepError(f"{path}: {exc}") from None
    expected = unit_info(base)
    if info.dims != expected.dims:
        raise SweepError(f"{path}: expected a unit like {base.units}, got {unit!r}")
    if not np.all(np.isfinite(magnitudes)):
        raise SweepError(f"{path}: values must be finite (no NaN or infinity)")
    if np.any(magnitudes < 0):
        raise SweepError(f"{path}: values must not be negative")
    if np.any(np.abs(magnitudes) >= float(MAX_MAGNITUDE)):
        raise SweepError(f"{path}: values must be below {float(MAX_MAGNITUDE):g}")
    return magnitudes, unit


# -- the vectorised evaluation --------------------------------------------------------------


_HALF = 0.5 + 1e-7  # half up; the 1e-7 øre nudge puts an exact half that float64 holds as
# x.4999999… on the side the exact rule puts it


def _ore(x: Any) -> Any:
    """Whole øre, half up, as the declared rule (amounts are non-negative).

    Kept as integer-valued float64: sums of whole øre are exact below 2⁵³ øre (about
    9·10¹³ DKK), as in a single evaluation's Decimals, without integer conversions.
    """
    if isinstance(x, np.ndarray):
        cents = np.multiply(x, 100.0)
        cents += _HALF
        return np.floor(cents, out=cents)
    return math.floor(float(x) * 100 + _HALF)


def _signed_sum(parts: list[tuple[int, Any]]) -> Any:
    """Σ sign·amount, reusing arrays where it can (a million-row pass costs ~1 ms each)."""
    (sign, first), rest = parts[0], parts[1:]
    if not rest:
        return first if sign > 0 else -first
    total = (
        np.negative(first)
        if sign < 0 and isinstance(first, np.ndarray)
        else (np.array(first, dtype=float, copy=True) if isinstance(first, np.ndarray) else sign * first)
    )
    for sign, amount in rest:
        if isinstance(total, np.ndarray):
            (np.add if sign > 0 else np.subtract)(total, amount, out=total)
        else:
            total = total + sign * amount
    return total


def _dkk(ore: Any, n: int) -> np.ndarray[Any, Any]:
    return np.broadcast_to(np.divide(ore, 100.0) if isinstance(ore, np.ndarray) else ore / 100, (n,))


def _vector_results(partnership: Partnership, n: int) -> dict[str, np.ndarray[Any, Any]]:
    with vector_mode():
        plan = partnership._plan()
    # amounts in whole øre: int64 arrays for flows that vary, Python ints for the others
    amounts: dict[str, Any] = {}
    rounded: dict[int, Any] = {}  # flows that share one amount (wages billed and paid) round once
    for f in plan.flows:
        key = id(f.amount)
        if key not in rounded:
            rounded[key] = _ore(f.amount)
        amounts[f.key] = rounded[key]
    cost: Any = sum((amounts[k] for k in plan.cost_pool), 0)
    funding: Any = 0
    for _, keys in plan.funding:
        for k, sign in keys:
            funding = funding + sign * amounts[k]
    surplus = funding - cost
    out: dict[str, np.ndarray[Any, Any]] = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        coverage = core.coverage_ratio(np.asarray(funding, dtype=float), np.asarray(cost, dtype=float))
    if (np.ndim(cost) == 0 and cost == 0) or (np.ndim(cost) and not np.all(cost > 0)):
        coverage = np.where(np.asarray(cost) > 0, coverage, np.nan)
    out["coverage"] = np.broadcast_to(coverage, (n,))
    out["surplus [DKK]"] = _dkk(surplus, n)
    out["shortfall [DKK]"] = _dkk(np.maximum(-surplus, 0), n)
    out["cost [DKK]"] = _dkk(cost, n)
    out["funding [DKK]"] = _dkk(funding, n)
    terms: dict[str, list[tuple[int, Any]]] = {}
    for f in plan.flows:
        terms.setdefault(f.payer, []).append((-1, amounts[f.key]))
        terms.setdefault(f.payee, []).append((1, amounts[f.key]))
    for party, parts in terms.items():
        out[f"net.{party} [DKK]"] = _dkk(_signed_sum(parts), n)
    jobs = [p for p in plan.placements if p.is_job]
    out["jobs"] = np.broadcast_to(np.asarray(sum((p.headcount for p in jobs), 0), dtype=float), (n,))
    paid = sum((p.paid_hours for p in jobs if p.paid_hours is not None), 0)
    fte = np.asarray(paid, dtype=float) / FTE_HOURS_PER_WEEK
    out["fte"] = np.broadcast_to(np.floor(fte * 100 + 0.5) / 100, (n,))
    for spec in plan.break_even:
        # in øre per unit of volume: (cost − funding that does not move with the price) / volume
        with np.errstate(divide="ignore", invalid="ignore"):
            rate = core.break_even_rate(
                np.asarray(cost, dtype=float),
                np.asarray(funding - amounts[spec.flow], dtype=float),
                np.asarray(spec.volume, dtype=float),  # a 0-d array: no ZeroDivisionError when constant
            )
        rate = np.maximum(rate, 0.0)
        if not np.all(np.asarray(spec.volume) > 0):
            rate = np.where(np.asarray(spec.volume) > 0, rate, np.nan)
        out[f"break_even.{spec.input_path} [{spec.unit}]"] = _dkk(np.floor(rate + _HALF), n)
    return out


def _scalar_results(partnership: Partnership) -> dict[str, float]:
    from socialpartner.evaluation import evaluate

    ev = evaluate(partnership)
    units = {f"break_even.{b.input_path}": b.unit for b in ev.break_even}
    figures = {f.key for f in ev.figures}
    row: dict[str, float] = {}
    for key, value in ev.results().items():
        if key in figures:
            continue  # the vectorised path has no model figures; keep the columns alike
        number = math.nan if value is None else float(value)
        if key in units:
            row[f"{key} [{units[key]}]"] = number
        elif key in {"coverage", "jobs", "fte"}:
            row[key] = number
        else:
            row[f"{key} [DKK]"] = number
    return row


def _evaluate_variants(
    partnership: Partnership,
    columns: Mapping[str, tuple[np.ndarray[Any, Any], str]],
    progress: Callable[[int], None] | None = None,
) -> pd.DataFrame:
    import pandas as pd

    n = len(next(iter(columns.values()))[0]) if columns else 1
    inputs = {f"{path} [{unit}]" if unit else path: arr for path, (arr, unit) in columns.items()}
    vectorised = not partnership.MULTI_PERIOD and partnership.horizon is None and partnership.public is None
    if vectorised:
        variant = partnership
        for path, (arr, unit) in columns.items():
            value: Any = arr if not unit else Q_(arr, unit)
            variant = _replace(variant, path.split("."), value)
        results = _vector_results(variant, n)
        if progress is not None:
            progress(n)
    else:
        data = partnership.model_dump(mode="json", exclude_none=True)
        rows = []
        from socialpartner.evaluation import _set_path

        for i in range(n):
            changed = _deep_copy(data)
            for path, (arr, unit) in columns.items():
                _set_path(changed, path, int(arr[i]) if not unit else f"{_number(arr[i])} {unit}")
            rows.append(_scalar_results(type(partnership).model_validate(changed)))
            if progress is not None:
                progress(1)
        results = {k: np.asarray([r.get(k, math.nan) for r in rows]) for k in dict.fromkeys(k for r in rows for k in r)}
    # broadcast (constant) columns are materialised once here, by the DataFrame
    return pd.DataFrame({**inputs, **{k: np.asarray(v) for k, v in results.items()}})


def _number(x: float) -> str:
    return format_magnitude(float(x))


def _deep_copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _deep_copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_deep_copy(v) for v in data]
    return data


def _check_rules(partnership: Partnership, checked: Mapping[str, tuple[np.ndarray[Any, Any], str]]) -> None:
    """Cross-field rules (e.g. effective hours within paid hours) at each input's extremes."""
    from pydantic import ValidationError

    from socialpartner.evaluation import _set_path

    data = partnership.model_dump(mode="json", exclude_none=True)
    for path, (arr, unit) in checked.items():
        if not len(arr):
            raise SweepError(f"{path}: no values")
        for x in {float(arr.min()), float(arr.max())}:
            changed = _deep_copy(data)
            # 12 significant digits: a sampled float may carry more than a scenario holds
            _set_path(changed, path, int(x) if not unit else f"{x:.12g} {unit}")
            try:
                type(partnership).model_validate(changed)
            except ValidationError as exc:
                raise SweepError(f"{path} = {x:.12g} {unit}: {exc.errors()[0]['msg']}".replace(" :", ":")) from None


def sweep(
    partnership: Partnership,
    values: Mapping[str, Values],
    *,
    mode: Literal["grid", "paired"] = "grid",
    progress: Callable[[int], None] | None = None,
    chunk: int = 1_000_000,
) -> pd.DataFrame:
    """Evaluate every combination (``grid``) or every aligned tuple (``paired``) of input values.

    ``values`` maps input paths (``courses.price``, ``temp_hours.overhead``,
    ``support_staff.0.annual_cost``, ``temp_hours.workers``) to quantities with units
    (``Q_(np.linspace(9000, 14000, 51), "DKK/month")``), strings (``["9000 DKK/month", …]``)
    or whole numbers for headcounts. Each is checked like a single input (dimension, sign,
    finiteness), and rules between inputs (effective hours within paid hours, …) are
    checked at each input's lowest and highest value. Returns a DataFrame with one row per
    variant: the inputs (unit in the column name), coverage, surplus, shortfall, cost,
    funding, net per party, jobs, FTE and break-even prices.

    ``progress`` is called with the number of variants done after each block of
    ``chunk`` variants.

    Raises:
        SweepError: an unknown path or an invalid value (the message names the path).

    """
    if not values:
        raise SweepError("give at least one input to vary")
    checked = {path: _as_array(path, _current(partnership, path), v) for path, v in values.items()}
    sizes = [len(arr) for arr, _ in checked.values()]
    _check_variants(math.prod(sizes) if mode == "grid" else max(sizes))
    _check_rules(partnership, checked)
    if mode == "grid":
        grids = np.meshgrid(*(arr for arr, _ in checked.values()), indexing="ij")
        columns = {path: (grid.ravel(), unit) for (path, (_, unit)), grid in zip(checked.items(), grids, strict=True)}
    elif mode == "paired":
        lengths = {len(arr) for arr, _ in checked.values()}
        if len(lengths) != 1:
            raise SweepError(f"paired values must have equal lengths, got {sorted(lengths)}")
        columns = dict(checked)
    else:
        raise SweepError(f"mode must be 'grid' or 'paired', got {mode!r}")
    n = len(next(iter(columns.values()))[0])
    if n <= chunk:
        return _evaluate_variants(partnership, columns, progress)
    import pandas as pd

    # in blocks, so a progress bar moves and memory stays bounded by the block
    blocks = [
        _evaluate_variants(partnership, {p: (arr[i : i + chunk], u) for p, (arr, u) in columns.items()}, progress)
        for i in range(0, n, chunk)
    ]
    return pd.concat(blocks, ignore_index=True)


# -- Monte Carlo ----------------------------------------------------------------------------


def _magnitude(value: Any, unit: str | None) -> tuple[float, str]:
    q = Q_(value) if isinstance(value, str) else value
    if isinstance(q, pint.Quantity):
        target = unit or str(q.units)
        return float(q.to(target).magnitude), target
    return float(q), unit or ""


@dataclass(frozen=True)
class Distribution:
    """Base of the input distributions; ``sample`` draws ``n`` values in one unit."""

    def sample(self, rng: np.random.Generator, n: int) -> tuple[np.ndarray[Any, Any], str]:
        """``n`` draws and the unit they are in."""
        raise NotImplementedError


@dataclass(frozen=True)
class Uniform(Distribution):
    """Uniform between ``low`` and ``high`` (quantities or strings with units)."""

    low: Any
    high: Any

    def sample(self, rng: np.random.Generator, n: int) -> tuple[np.ndarray[Any, Any], str]:
        """``n`` uniform draws."""
        lo, unit = _magnitude(self.low, None)
        hi, _ = _magnitude(self.high, unit)
        if not lo <= hi:
            raise SweepError(f"uniform: low {self.low} must not exceed high {self.high}")
        return rng.uniform(lo, hi, n), unit


@dataclass(frozen=True)
class Triangular(Distribution):
    """Triangular with ``low``, most likely ``mode`` and ``high``."""

    low: Any
    mode: Any
    high: Any

    def sample(self, rng: np.random.Generator, n: int) -> tuple[np.ndarray[Any, Any], str]:
        """``n`` triangular draws."""
        lo, unit = _magnitude(self.low, None)
        mo, _ = _magnitude(self.mode, unit)
        hi, _ = _magnitude(self.high, unit)
        if not lo <= mo <= hi or lo == hi:
            raise SweepError("triangular: need low ≤ mode ≤ high and low < high")
        return rng.triangular(lo, mo, hi, n), unit


@dataclass(frozen=True)
class Normal(Distribution):
    """Normal with ``mean`` and ``sd``, truncated to ``[low, high]`` by redrawing outside values."""

    mean: Any
    sd: Any
    low: Any = None
    high: Any = None

    def sample(self, rng: np.random.Generator, n: int) -> tuple[np.ndarray[Any, Any], str]:
        """``n`` normal draws within the bounds."""
        mu, unit = _magnitude(self.mean, None)
        sd, _ = _magnitude(self.sd, unit)
        lo = _magnitude(self.low, unit)[0] if self.low is not None else 0.0  # inputs are non-negative
        hi = _magnitude(self.high, unit)[0] if self.high is not None else math.inf
        if not sd > 0 or not lo < hi:
            raise SweepError("normal: need sd > 0 and low < high")
        out = rng.normal(mu, sd, n)
        for _ in range(1000):
            bad = (out < lo) | (out > hi)
            if not bad.any():
                return out, unit
            out[bad] = rng.normal(mu, sd, int(bad.sum()))
        raise SweepError("normal: the bounds leave almost no probability; widen them")


def monte_carlo(
    partnership: Partnership,
    inputs: Mapping[str, Distribution],
    n: int = 10_000,
    *,
    seed: int = 0,
) -> pd.DataFrame:
    """Draw ``n`` variants with inputs from distributions (seeded, reproducible) and evaluate them.

    Headcount inputs are rounded to whole people. Returns one row per variant; see
    :func:`summarize` for means, percentiles and the probability that support staff are
    covered.
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise SweepError(f"n must be a whole number of at least 1, got {n!r}")
    n = int(n)
    _check_variants(n)
    rng = np.random.default_rng(np.random.PCG64(seed))
    values: dict[str, Values] = {}
    for path, dist in inputs.items():
        base = _current(partnership, path)
        draws, unit = dist.sample(rng, n)
        values[path] = np.rint(draws).astype(np.int64) if isinstance(base, int) and not unit else Q_(draws, unit)
    return sweep(partnership, values, mode="paired")


def summarize(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """Mean and 5th/50th/95th percentiles of result columns, and P(coverage ≥ 100 %)."""
    import pandas as pd

    chosen = list(columns) if columns is not None else [c for c in frame.columns if c in _SUMMARY]
    rows = {
        c: {
            "mean": frame[c].mean(),
            "p5": frame[c].quantile(0.05),
            "p50": frame[c].quantile(0.5),
            "p95": frame[c].quantile(0.95),
        }
        for c in chosen
    }
    table = pd.DataFrame(rows).T
    if "coverage" in frame:
        table.attrs["p_covered"] = float((frame["coverage"] >= 1).mean())
    return table


_SUMMARY = {"coverage", "surplus [DKK]", "shortfall [DKK]", "funding [DKK]", "jobs", "fte"}


# -- sensitivity ----------------------------------------------------------------------------


def tornado(
    partnership: Partnership,
    ranges: Mapping[str, tuple[Any, Any]],
    result: str = "coverage",
) -> pd.DataFrame:
    """One-at-a-time sensitivity: each input at its low and high value, the rest as given.

    Returns a table ranked by swing (``|result at high − result at low|``), with the
    switching value: the input value at which coverage crosses 100 % (from the solver;
    empty when it does not cross within the range).
    """
    import pandas as pd

    from socialpartner.solver import SolveError, solve

    rows = []
    for path, (low, high) in ranges.items():
        base = _current(partnership, path)
        pair = [low, high]
        if isinstance(base, pint.Quantity):
            lo_m, unit = _magnitude(low, None)
            hi_m, _ = _magnitude(high, unit)
            values: Values = Q_(np.asarray([lo_m, hi_m]), unit)
        else:
            values, unit = np.asarray(pair), ""
        frame = sweep(partnership, {path: values}, mode="paired")
        r_low, r_high = float(frame[result].iloc[0]), float(frame[result].iloc[1])
        lo_in = _as_array(path, base, values)[0]
        switching: str | int | None
        try:
            switching = solve(partnership, path, "coverage", 1, low=_number(lo_in[0]), high=_number(lo_in[1])).value
        except SolveError:
            switching = None  # coverage does not cross 100 % within the range
        rows.append(
            {
                "input": path,
                "low": f"{_number(lo_in[0])} {unit}".strip(),
                "high": f"{_number(lo_in[1])} {unit}".strip(),
                f"{result} at low": r_low,
                f"{result} at high": r_high,
                "swing": abs(r_high - r_low),
                "switching value (coverage = 100 %)": switching,
            }
        )
    table = pd.DataFrame(rows)
    return table.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
