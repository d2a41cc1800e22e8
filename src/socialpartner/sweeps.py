"""Many scenarios at once: grids and paired sweeps, Monte Carlo, and sensitivity.

One engine: a sweep runs the settlement engine that :func:`socialpartner.evaluate` runs
(:mod:`socialpartner._internal.engine`), on its float64 backend: each varied input is
one array in canonical units and every other input a float, so a million variants cost a
few array operations per formula. Amounts are rounded to øre per flow as in a single
evaluation (in float64, so a row agrees with ``evaluate`` to within 0.01 DKK). Horizons,
the public purse and a spin-off's years are on the engine's period axis, so they are
vectorised too; their columns add the totals, present values, payback years and each
year's results (``2027.coverage``).
"""

from __future__ import annotations

import contextlib
import difflib
import itertools
import math
import numbers
import os
import sys
import typing
import warnings
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pint
from pydantic_core import PydanticCustomError

from socialpartner import core
from socialpartner._internal import engine, paths
from socialpartner._internal.arguments import need_partnership, need_text
from socialpartner._internal.backend import Workspace, plain, total, vector_mode
from socialpartner._internal.fields import QuantityType
from socialpartner._internal.horizon import changed_input_note
from socialpartner._internal.i18n import Join, Money, Percent, Raw, Text, Value
from socialpartner._internal.lazy import LazyModule
from socialpartner._internal.units import (
    MAX_MAGNITUDE,
    Q_,
    decimal_of_float,
    format_magnitude,
    parse_unit,
    read_number,
    refuse_per_day,
    split_quantity,
    unit_info,
    ureg,
)
from socialpartner.errors import QuantityError, ScenarioWarning, SocialPartnerError, SweepError
from socialpartner.ledger import MAX_AMOUNT
from socialpartner.models._base import Partnership
from socialpartner.money import in_context

if TYPE_CHECKING:
    import pandas as pd
else:  # the annotations resolve at runtime (typing.get_type_hints); pandas is imported on first use
    pd = LazyModule("pandas")

__all__ = [
    "MAX_VARIANTS",
    "TORNADO_POINTS",
    "Distribution",
    "Normal",
    "SweepError",
    "Triangular",
    "Uniform",
    "Workspace",
    "monte_carlo",
    "summarize",
    "sweep",
    "tornado",
]

# a pint Quantity with an array magnitude, a sequence of "N unit" strings or of quantities, or
# plain numbers where a scenario file reads them without a unit (headcounts, FTE, shares, ratios)
Values = Any


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


def current(partnership: Partnership, path: str) -> Any:
    """The value of input ``path`` in a scenario.

    Raises:
        SweepError: no such input, or a parameter (a sweep runs on the scenario's parameter values).

    """
    if path.split(".", 1)[0] == "parameters":
        # the engine reads parameters from the scenario's set, one value a year: a varied
        # override would be silently left out of every variant
        raise SweepError(
            f"{path}: a parameter cannot be varied in a sweep, Monte Carlo or tornado; evaluate its values one "
            "by one (each with its own parameters:), or use solve, which evaluates each value it tries",
            path=path,
        )
    return paths.variable(partnership, path, SweepError, "varied")


def field_type(partnership: Partnership, path: str) -> QuantityType | None:
    """The quantity type of the input at ``path`` (None for a headcount or an unknown path)."""
    parent_path, _, key = path.rpartition(".")
    try:
        parent = paths.get(partnership, parent_path) if parent_path else partnership
    except paths.PathError:
        return None
    fields = getattr(type(parent), "model_fields", {})
    if key not in fields:
        return None
    pending: list[Any] = [fields[key].annotation, *fields[key].metadata]
    while pending:  # through Annotated[...] and `X | None`
        item = pending.pop()
        if isinstance(item, QuantityType):
            return item
        pending += getattr(item, "__metadata__", ())
        pending += typing.get_args(item)
    return None


def plain_unit(partnership: Partnership, path: str) -> str | None:
    """The unit a plain number means for the input at ``path``, as in a scenario file.

    ``FTE`` for ``support_staff.0.fte``, ``dimensionless`` for a share or a ratio (``0.5``
    is 50 %, checked by the field's own rules: ``3`` would mean 300 %). None where a number
    alone is ambiguous (a price per what time?): those values need their unit.
    """
    field = field_type(partnership, path)
    if field is None or field.plain_unit is None:
        return None
    return field.plain_unit or "dimensionless"


def column_unit(unit: Any) -> str:
    """A unit's one spelling in column names: compact English (``DKK/month``, ``hour/week``).

    However the values were written (``"kr./md."``, ``Q_(…, "DKK / month")``), the column
    is named alike, as the break-even columns are.
    """
    return _named(format(unit, "C"))


def _named(unit: str) -> str:
    """A unit as names and values show it: a plain number (``dimensionless``) has none."""
    return "" if unit == "dimensionless" else unit


def _as_array(
    path: str, base: Any, values: Values, plain: str | None = None, *, negative: bool = False
) -> tuple[np.ndarray[Any, Any], str]:
    """Check sweep values against the input they replace; return magnitudes and their unit's column spelling.

    ``plain``: the unit a plain number means for this input (FTE for a post's ``fte``), or None
    where plain numbers are refused. ``negative``: the input may be negative (a growth
    rate); its own bounds are checked by :func:`_check_rules`.
    """
    if base is None:
        raise SweepError(f"{path}: not given in this scenario; give it a value to sweep from", path=path)
    if isinstance(base, bool):
        raise SweepError(f"{path}: not a numeric input", path=path)
    if isinstance(base, int):
        arr = np.asarray(values.magnitude if isinstance(values, pint.Quantity) else values)
        if arr.dtype.kind in "OU" and arr.ndim == 1:  # headcounts as text ('3', '1_000'): the field's own rules
            arr = np.asarray([_headcount_text(path, x) if isinstance(x, str) else x for x in arr])
        if arr.ndim != 1:  # a meshgrid or a column vector is not flattened into variants unasked
            raise SweepError(
                f"{path}: give a one-dimensional array or list of values, got shape {arr.shape}", path=path
            )
        if (
            arr.dtype.kind not in "iuf"
            or not np.all(np.isfinite(arr))
            or np.any(arr != np.round(arr))
            or np.any(arr < 0)
        ):
            bad = arr[~np.isfinite(arr) | (arr != np.round(arr)) | (arr < 0)] if arr.dtype.kind in "iuf" else arr
            got = f", got {bad.ravel()[:1].tolist()[0]!r}" if bad.size else ""
            raise SweepError(f"{path}: expected whole numbers of people (0 or more){got}", path=path)
        return arr.astype(np.int64), ""
    if not isinstance(base, pint.Quantity):
        raise SweepError(f"{path}: not a numeric input", path=path)
    from_plain = False
    values = _bare_numbers(path, values)  # ["160", "170,5"] (a column read as text) are the numbers they write
    if isinstance(values, pint.Quantity):
        if values._REGISTRY is not ureg:
            raise SweepError(f"{path}: quantity from another unit registry; use socialpartner.Q_", path=path)
        magnitudes = _floats(values.magnitude, path)
        unit = str(values.units)
    elif plain is not None and _plain_numbers(values):
        # a plain number means the field's own unit, as in a scenario file (0.5 is 0.5 FTE, 0.5 is 50 %)
        magnitudes, unit, from_plain = _floats(values, path), plain, True
    else:
        magnitudes, unit = _listed(path, base, values)
    if magnitudes.ndim != 1:
        raise SweepError(f"{path}: give a one-dimensional array of values", path=path)
    try:
        info = parse_unit(unit)
    except SocialPartnerError as exc:
        raise SweepError(f"{path}: {exc}", path=path) from None
    expected = unit_info(base)
    if info.dims == expected.dims and len(magnitudes):  # a rate per day: which day? (the field's own rule)
        try:
            refuse_per_day(info, decimal_of_float(float(magnitudes[0])), text=unit, what="a quantity")
        except QuantityError as exc:
            raise SweepError(f"{path}: {exc.reason}", path=path) from None
    if info.dims != expected.dims:
        if from_plain:  # overhead: [10, 20] where it is 20 DKK/hour
            raise SweepError(
                f"{path}: a plain number here is a fraction (0.12 = 12 %), but this input is in {base.units}; "
                f"give values with units, e.g. Q_([10, 20], '{format(base.units, 'C')}')",
                path=path,
            )
        # an input the file may write either way (overhead: 20 DKK/hour or 12 %): a sweep keeps
        # the kind the scenario has, as converting needs the wage, which may vary too
        kind = (
            " (a sweep keeps the kind the scenario writes the input in: write the scenario's "
            f"{path.rpartition('.')[2]} as {'a percentage' if not info.dims else 'money per hour'} to sweep it so)"
            if {info.dims, expected.dims} == {unit_info(Q_(1, "%")).dims, unit_info(Q_(1, "DKK/hour")).dims}
            else ""
        )
        raise SweepError(f"{path}: expected a unit like {base.units}, got {unit!r}{kind}", path=path)
    if not np.all(np.isfinite(magnitudes)):
        raise SweepError(f"{path}: values must be finite (no NaN or infinity)", path=path)
    if not negative and np.any(magnitudes < 0):
        raise SweepError(f"{path}: values must not be negative", path=path)
    if np.any(np.abs(magnitudes) >= float(MAX_MAGNITUDE)):
        raise SweepError(f"{path}: values must be below {float(MAX_MAGNITUDE):g}", path=path)
    return magnitudes, column_unit(info.unit) or unit


def _materialised(values: Any) -> Any:
    """Sweep values as a list or array.

    A generator is listed, a pandas Series or Index is its array, and Decimals (what
    :func:`socialpartner.evaluate` returns) are the floats a sweep computes with.
    """
    if not isinstance(values, (list, tuple, np.ndarray, pint.Quantity, str, bytes)) and hasattr(values, "to_numpy"):
        values = values.to_numpy()
    if isinstance(values, np.ndarray) and values.dtype == object:
        values = list(values)  # a Series or array of Decimals (evaluate's results): read as a list is
    if isinstance(values, (np.ndarray, pint.Quantity, str, bytes)):
        return values
    if isinstance(values, Iterable):
        items = list(values)
        return [float(v) if isinstance(v, Decimal) and v.is_finite() else v for v in items]
    return values


def _floats(values: Any, path: str) -> np.ndarray[Any, Any]:
    """Values as float64, a narrow numpy float (float32, float16) read at its own precision per element.

    ``np.float32(13963.99)`` is 13963.99, as :func:`socialpartner.evaluate` reads it, not
    the 13963.990234375 it widens to: each element becomes its own shortest decimal
    (numpy's text of a float32), read as a float64.
    """
    arr = np.asarray(values)
    if arr.dtype in (np.float16, np.float32):
        return arr.astype(str).astype(np.float64)
    try:
        return np.asarray(arr, dtype=float)  # float64 already: the same array, no copy
    except (TypeError, ValueError):  # text or objects in an array ('x' among the prices)
        first = str(arr.ravel()[:3])[:60]
        raise SweepError(f"{path}: expected numbers, got an array of {arr.dtype} ({first})", path=path) from None


def _listed(path: str, base: pint.Quantity[Any], values: Values) -> tuple[np.ndarray[Any, Any], str]:
    """Magnitudes and unit of values listed one by one: text (``"9000 kr./md."``) or quantities.

    Values in different but convertible units (``"9000 DKK/month"``, ``"120000 DKK/year"``)
    are converted exactly to the first one's unit; text is read by the number rules of
    scenario text (``9.000`` is refused, not read as 9).
    """
    example = f"Q_(np.linspace(…), '{format(base.units, 'C')}')"
    items = [] if isinstance(values, (str, bytes)) or not isinstance(values, Iterable) else list(values)
    if not items:
        raise SweepError(f"{path}: give a list of values with units, e.g. {example}", path=path)
    if all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in items):
        raise SweepError(
            f"{path}: a plain number is ambiguous here (expected {base.units} or another unit of its kind); "
            f"give values with units, e.g. {example} or ['9000 DKK/month', …]",
            path=path,
        )
    read: list[tuple[float, Any, str]] = []  # (magnitude, unit info, the unit as given)
    for v in items:
        try:
            if isinstance(v, str):
                number, spelled = split_quantity(v, what="a quantity")
                info = parse_unit(spelled)
                refuse_per_day(info, number, text=v, what="a quantity")  # not converted to another's unit
                read.append((float(number), info, spelled))
            elif isinstance(v, pint.Quantity):
                if v._REGISTRY is not ureg:
                    raise SweepError(f"{path}: quantity from another unit registry; use socialpartner.Q_", path=path)
                if np.ndim(v.magnitude) != 0:
                    raise SweepError(
                        f"{path}: give one quantity with an array of values, or a list of single values", path=path
                    )
                refuse_per_day(unit_info(v), _shown(v.magnitude), text=str(v), what="a quantity")
                read.append((float(v.magnitude), unit_info(v), str(v.units)))
            elif isinstance(v, numbers.Real) and not isinstance(v, bool):
                raise SweepError(
                    f"{path}: plain numbers mixed with values with units ({v!r:.40} among them): give all "
                    f"with units, e.g. {example}, or all as plain numbers where the input takes them",
                    path=path,
                )
            else:
                raise SweepError(
                    f"{path}: give values with units, all of one kind: text such as '9000 DKK/month' or "
                    f"quantities, e.g. {example}; got {v!r:.40}",
                    path=path,
                )
        except QuantityError as exc:
            raise SweepError(f"{path}: {exc.reason} (got {str(v)[:40]!r})", path=path) from None
    first, unit = read[0][1], read[0][2]
    magnitudes = []
    for magnitude, info, spelled in read:
        if info.dims != first.dims:
            raise SweepError(
                f"{path}: values in units that do not convert ({unit!r} and {spelled!r}); give them in one unit",
                path=path,
            )
        # exactly, by the canonical factors: 120000 DKK/year is 10000 DKK/month
        magnitudes.append(magnitude if info.unit == first.unit else float(info.factor / first.factor) * magnitude)
    return np.asarray(magnitudes, dtype=float), unit


def _bare_numbers(path: str, values: Values) -> Values:
    """Text values that are numbers alone (``"160"``), read by the number rules: the numbers, else ``values``.

    A column read as text holds numbers without their unit; as numbers they are then taken
    as plain numbers are (the field's own unit where it has one, refused where ambiguous).
    """
    if isinstance(values, (str, bytes, pint.Quantity)) or not isinstance(values, Iterable):
        return values
    items = values.tolist() if isinstance(values, np.ndarray) else list(values)
    if not items or not all(isinstance(v, str) for v in items):
        return values
    out: list[float] = []
    for v in items:
        try:
            number = read_number(v.strip(), what="a number")
        except QuantityError as exc:
            if any(ch.isalpha() or ch == "%" for ch in v):
                return values  # a value with its unit ("160 DKK/hour"): read as quantities are
            raise SweepError(f"{path}: {exc.reason} (got {v[:40]!r})", path=path) from None
        out.append(float(number))
    return out


def _plain_numbers(values: Values) -> bool:
    """Whether values are plain real numbers (a list of them, or a numeric numpy array)."""
    if isinstance(values, np.ndarray):
        return values.dtype.kind in "iuf"
    if isinstance(values, (str, bytes, pint.Quantity)) or not isinstance(values, Iterable):
        return False  # a quantity holds its unit (and iterating one of an array makes a quantity per value)
    items = list(values)
    return bool(items) and all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in items)


# -- the vectorised evaluation --------------------------------------------------------------


_ORE = 100.0  # øre in a DKK: the engine's amounts are whole øre


def _period_columns(period: engine.PeriodRun, prefix: str, out: dict[str, tuple[Any, float]]) -> None:
    """The headline results of one period, by column name, as (value, divisor to DKK or a ratio)."""
    st = period.settlement
    out[f"{prefix}coverage"] = (st.coverage, 1.0)
    for name, value in (
        ("surplus", st.surplus),
        ("shortfall", st.shortfall),
        ("cost", st.cost),
        ("funding", st.total_funding),
    ):
        out[f"{prefix}{name} [DKK]"] = (value, _ORE)
    for party, net in engine.nets(period).items():
        out[f"{prefix}net.{party} [DKK]"] = (net, _ORE)
    out[f"{prefix}jobs"] = (st.jobs, 1.0)
    out[f"{prefix}fte"] = (st.fte, _ORE)  # in hundredths
    out[f"{prefix}inclusive_jobs"] = (st.inclusive_jobs, 1.0)
    out[f"{prefix}inclusive_fte"] = (st.inclusive_fte, _ORE)
    for spec in period.plan.break_even:
        out[f"{prefix}break_even.{spec.input_path} [{spec.unit}]"] = (st.break_even[spec.input_path], _ORE)
    if period.public is not None:
        for payer, net in period.public.net_effects().items():
            out[f"{prefix}public.{payer} [DKK]"] = (net, _ORE)
        if period.public.taxed:
            for payer in engine.PAYERS:
                out[f"{prefix}public.{payer}.before_tax [DKK]"] = (period.public.net_effect_before_tax(payer), _ORE)


def _columns(run: engine.Run) -> dict[str, tuple[Any, float]]:
    """Each column of a run as (value, divisor): the engine's øre and hundredths, divided on writing."""
    out: dict[str, tuple[Any, float]] = {}
    if not run.multi_period:
        _period_columns(run.periods[0], "", out)
        return out
    periods = run.periods
    cost = total((1, p.settlement.cost) for p in periods)
    funding = total((1, p.settlement.total_funding) for p in periods)
    _, surplus, shortfall = core.balance(cost, [funding])
    out["coverage"] = (engine.coverage(funding, cost), 1.0)
    for name, value in (("surplus", surplus), ("shortfall", shortfall), ("cost", cost), ("funding", funding)):
        out[f"{name} [DKK]"] = (value, _ORE)
    for name, yearly in engine.series(periods).items():
        key = name if name.startswith("public.") else f"net.{name}"
        out[f"{key} [DKK]"] = (total((1, n) for n in yearly), _ORE)
    taxed = [p.public for p in periods if p.public is not None and p.public.taxed]
    if taxed:
        for payer in engine.PAYERS:
            out[f"public.{payer}.before_tax [DKK]"] = (total((1, v.net_effect_before_tax(payer)) for v in taxed), _ORE)
    out["jobs"] = (periods[-1].settlement.jobs, 1.0)
    out["fte"] = (periods[-1].settlement.fte, _ORE)
    out["inclusive_jobs"] = (periods[-1].settlement.inclusive_jobs, 1.0)
    out["inclusive_fte"] = (periods[-1].settlement.inclusive_fte, _ORE)
    years = [_year_number(p.label) for p in periods]
    for name, value in run.present_values.items():
        out[f"npv.{name} [DKK]"] = (value, _ORE)
        back = np.asarray(run.payback[name])
        negative = np.asarray(run.ever_negative[name], dtype=bool)
        year_of = np.asarray(years, dtype=float)[np.clip(back, 0, None)]
        out[f"payback.{name}"] = (np.where(negative & (back >= 0), year_of, np.nan), 1.0)
    for period in periods:
        _period_columns(period, f"{period.label}.", out)
    return out


def results(run: engine.Run) -> dict[str, Any]:
    """The columns of a run: the headline results (as :meth:`Evaluation.results` names them).

    A scenario of several periods has the totals over its periods (coverage of the total
    cost, nets summed, jobs and FTE of the last period, the public net effects summed),
    the present values and payback years, and each period's results prefixed with its
    label (``2027.coverage``). Model-specific figures are not swept.

    The run is used up: the engine's own float64 arrays are divided into DKK in place (an
    array that two columns share with one divisor, once); inputs lent read-only, integer
    arrays and scalars are divided into new values.
    """
    with vector_mode(run.workspace) if run.workspace is not None else contextlib.nullcontext():
        columns = _columns(run)  # the columns' sums drawn from the run's workspace too
    divisors: dict[int, set[float]] = {}
    for value, divisor in columns.values():
        divisors.setdefault(id(value), set()).add(divisor)
    out: dict[str, Any] = {}
    done: dict[int, Any] = {}  # id of an array divided in place → the one plain array of its columns
    for key, (value, divisor) in columns.items():
        owned = isinstance(value, np.ndarray) and value.dtype == np.float64 and value.flags.writeable
        if owned and len(divisors[id(value)]) == 1:
            if id(value) not in done:
                if divisor != 1.0:
                    np.divide(value, divisor, out=value)
                done[id(value)] = plain(value)  # columns sharing an array share one object, as before
            out[key] = done[id(value)]
        else:
            out[key] = plain(np.divide(value, divisor))
    return out


def named_result(run: engine.Run, name: str) -> tuple[np.ndarray[Any, Any], str] | None:
    """Result ``name`` of every variant of a run, as :func:`socialpartner.solve` names it, and its unit.

    In DKK for money (unit ``DKK``, or the price's for a break-even), as a ratio for
    coverage (unit ``""``); ``2027.coverage`` for one year's. None for a result sweeps do
    not give (a model's own figures). The run is left as it is.
    """
    for key, (value, divisor) in _columns(run).items():
        column, _, unit = key.partition(" [")
        if column == name:
            return np.divide(np.asarray(value, dtype=float), divisor), unit.removesuffix("]")
    return None


def _number(x: float) -> str:
    return format_magnitude(float(x))


def _year_number(label: str) -> float:
    digits = label.removeprefix("year ").strip()
    return float(digits) if digits.isdigit() else math.nan


def _overrides(columns: Mapping[str, tuple[np.ndarray[Any, Any], str]], start: int, stop: int) -> dict[str, Any]:
    """The varied inputs of variants ``start`` to ``stop`` (views, no copies), with their units."""
    return {path: arr[start:stop] if not unit else Q_(arr[start:stop], unit) for path, (arr, unit) in columns.items()}


def _evaluate_variants(
    partnership: Partnership,
    columns: Mapping[str, tuple[np.ndarray[Any, Any], str]],
    chunk: int,
    progress: Callable[[int], None] | None = None,
    workspace: Workspace | None = None,
) -> pd.DataFrame:
    """Evaluate the variants block by block into preallocated columns (no concatenation).

    In one block, the run's arrays (drawn from ``workspace`` where given) are the columns.
    """
    import pandas as pd

    n = len(next(iter(columns.values()))[0])
    # a plain number (a share, a growth rate) is named without a unit, as it is written
    inputs = {f"{path} [{_named(unit)}]" if _named(unit) else path: arr for path, (arr, unit) in columns.items()}
    out: dict[str, np.ndarray[Any, Any]] = {}
    if n <= chunk:  # one block: the run's own arrays, divided in place, are the columns
        seen: set[int] = set()
        run = engine.run(partnership, _overrides(columns, 0, n), vector=True, workspace=workspace)
        _check_amounts(run, columns, 0)
        got = results(run)
        del run  # the engine's arrays that are no column go now, not after the frame is built
        for key, value in got.items():
            column = np.asarray(value, dtype=float)
            if column.ndim == 0:
                column = np.full(n, float(column))
            elif id(column) in seen or not column.flags.writeable:
                column = column.copy()  # two columns never share memory
            seen.add(id(column))
            out[key] = column
        if progress is not None:
            progress(n)
        return pd.DataFrame({**inputs, **out}, copy=False)
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        run = engine.run(partnership, _overrides(columns, start, stop), vector=True)
        _check_amounts(run, columns, start)
        block = _columns(run)
        if not out:
            out = {key: np.empty(n) for key in block}
        for key, (value, divisor) in block.items():
            target = out.get(key)
            if target is None:  # a column only some blocks have: NaN elsewhere
                target = out[key] = np.full(n, np.nan)
            # written straight into the column, divided on the way: no temporary per column
            np.divide(value, divisor, out=target[start:stop])
        if progress is not None:
            progress(stop - start)
    return pd.DataFrame({**inputs, **out}, copy=False)


_MAX_ORE = float(MAX_AMOUNT) * _ORE  # the largest amount a ledger handles, in øre


def _check_amounts(run: engine.Run, columns: Mapping[str, tuple[np.ndarray[Any, Any], str]], start: int) -> None:
    """Refuse variants with an amount that :func:`socialpartner.evaluate` refuses (10¹⁵ DKK or more).

    Beyond it a float64 no longer holds every øre, and evaluate raises a LedgerError; a
    sweep says which flow, at which values of the varied inputs.
    """
    for period in run.periods:
        amounts = period.settlement.amounts
        for f in period.plan.flows:
            amount_ore = np.asarray(amounts[f.key], dtype=float)
            # two reductions, no temporary the size of the column (a million variants: 8 MB each)
            if amount_ore.size == 0 or not (amount_ore.max() >= _MAX_ORE or amount_ore.min() <= -_MAX_ORE):
                continue
            rows = np.flatnonzero(np.atleast_1d(np.abs(amount_ore) >= _MAX_ORE))
            first = int(rows[0])
            amount = float(np.atleast_1d(amount_ore)[first]) / _ORE
            at = ", ".join(
                f"{path} = {_number(arr[start + first])} {_named(unit)}".rstrip()
                for path, (arr, unit) in columns.items()
            )
            when = f" in {period.label}" if run.multi_period else ""
            raise SweepError(
                f"{', '.join(columns)}: {f.purpose}{when} comes to {amount:,.2f} DKK in {len(rows):,} "
                f"variant{'s' if len(rows) > 1 else ''} (the first at {at}), beyond the largest amount handled "
                f"({MAX_AMOUNT:,} DKK, as in evaluate): check {', '.join(f.inputs) or 'the inputs'} "
                "and keep the values smaller"
            )


def _idle_fte(partnership: Partnership, path: str) -> str | None:
    """A note when ``path`` is the FTE of a post costed by its annual cost: no amount moves."""
    head, dot, last = path.rpartition(".")
    if not dot or last != "fte":
        return None
    try:
        post = paths.get(partnership, head)
    except paths.PathError:
        return None
    if getattr(post, "cost_per_fte", 1) is None and getattr(post, "annual_cost", None) is not None:
        return Text("msg.idle_fte", path=Raw(path))
    return None


def _headcount_text(path: str, text: str) -> int:
    """A headcount written as text, read as the scenario's headcount field reads it."""
    from pydantic import TypeAdapter, ValidationError

    from socialpartner.quantities import Headcount

    try:
        return int(TypeAdapter(Headcount).validate_python(text))
    except ValidationError as exc:
        raise SweepError(f"{path}: {exc.errors()[0]['msg'].removeprefix('Value error, ')}", path=path) from None


def _mapping(arg: object, name: str, example: str) -> None:
    """Refuse an argument that is not a mapping of input paths, with an example of one."""
    if not isinstance(arg, Mapping):
        raise SweepError(
            f"{name}: expected a mapping of input paths, e.g. {{'courses.price': {example}}}, got {type(arg).__name__}"
        )
    for key in arg:
        need_text(key, f"{name} key {key!r:.40}", "an input's scenario path, e.g. 'courses.price',")


def _progress(progress: object) -> None:
    """Refuse a ``progress`` that is not a function, before anything is evaluated."""
    if progress is not None and not callable(progress):
        raise SweepError(f"progress: expected a function called with the number of variants done, got {progress!r:.40}")


def _workspace(workspace: object) -> None:
    """Refuse a ``workspace`` that is not a :class:`Workspace` (or None)."""
    if workspace is Workspace:
        raise SweepError("workspace: expected an sp.Workspace() or None, got the class itself: write sp.Workspace()")
    if workspace is not None and not isinstance(workspace, Workspace):
        raise SweepError(f"workspace: expected an sp.Workspace() or None, got {type(workspace).__name__}")


def _chunk(chunk: object) -> int:
    """The block size of a sweep: a whole number of variants, at least 1 (numpy integers too)."""
    if isinstance(chunk, (bool, np.bool_)) or not isinstance(chunk, numbers.Integral) or chunk < 1:
        raise SweepError(f"chunk: expected a whole number of variants of at least 1, e.g. 100_000, got {chunk!r}")
    return int(chunk)


def _check_rules(
    partnership: Partnership,
    checked: Mapping[str, tuple[np.ndarray[Any, Any], str]],
    mode: str = "paired",
    bare: frozenset[str] = frozenset(),
) -> None:
    """Each input's own checks and the rules between inputs, on the variants where they bind.

    ``checked`` holds each input's values (a grid's axes, or paired columns) and unit;
    ``bare``: the inputs given as plain numbers, checked as a scenario file's bare number
    is (a bare 50 for an FTE is refused, not read as 50 FTE). The scenario's rules between
    inputs are linear in their canonical values (effective hours within paid hours, the
    piece rate within the skilled hour's value, progression shares within 100 %), so they
    bind where a signed sum of the varied inputs is at its highest: those variants, and
    each input's lowest and highest, are validated as the scenario itself is, all their
    varied inputs in place together.
    """
    for path, (arr, _) in checked.items():
        if not len(arr):
            raise SweepError(f"{path}: no values", path=path)
    if getattr(partnership, "expect", None):  # results expected are no inputs: not re-checked with each variant
        partnership = paths.unchecked_copy(partnership, {"expect": None})
    items = list(checked.items())
    for row in _binding_variants(items, mode):
        variant = {path: (float(arr[k]), unit) for (path, (arr, unit)), k in zip(items, row, strict=True)}
        _validate_variant(partnership, variant, bare)


def _checked_value(x: float, unit: str, bare: bool) -> Any:
    """A variant's value as a scenario would hold it: whole people, a bare number, or a quantity.

    12 significant digits: a sampled float may carry more than a scenario holds. A number,
    not text: 180.123 from an array is not the ambiguous text "180.123".
    """
    if not unit:
        return int(x)
    number = float(f"{x:.12g}")
    return number if bare else Q_(number, unit)


def _validate_variant(partnership: Partnership, variant: Mapping[str, tuple[float, str]], bare: frozenset[str]) -> None:
    """Validate one variant: every varied input in place, each path's models validated with the others there."""
    from pydantic import ValidationError

    where = ", ".join(f"{p} = {x:.12g} {unit}".rstrip() for p, (x, unit) in variant.items())
    values = {}
    for path, (x, unit) in variant.items():
        value = _checked_value(x, unit, path in bare)
        kind = field_type(partnership, path)
        if kind is not None and path in bare:  # a bare number read by its field, as a file's: a quantity
            try:
                value = kind.validate(value)
            except PydanticCustomError as exc:
                raise SweepError(f"{where}: {exc.message()}", path=path) from None
        values[path] = value
    # the others put in place as read (a model validator between them reads quantities), then each validated
    placed = paths.overlay(partnership, values) if len(values) > 1 else partnership
    for path, value in values.items():
        try:
            paths.replace(placed, path, value)
        except ValidationError as exc:
            raise SweepError(f"{where}: {exc.errors()[0]['msg']}".replace(" :", ":"), path=path) from None


def _binding_variants(items: list[tuple[str, tuple[np.ndarray[Any, Any], str]]], mode: str) -> list[tuple[int, ...]]:
    """The variants where a linear rule between the inputs binds, as each input's index into its values.

    Each input's lowest and highest, and where Σ ±(canonical value) is highest for every
    choice of signs (of every pair of inputs, beyond six inputs). In a grid that is a
    corner (each axis at its end); paired values take the row.
    """
    scaled = []  # canonical values (a copy only where the unit is not canonical already)
    for _, (arr, unit) in items:
        factor = float(parse_unit(unit).factor)
        scaled.append(np.asarray(arr, dtype=float) * factor if factor != 1 else np.asarray(arr))
    k = len(items)
    signs: list[tuple[int, ...]] = []
    if k > 1:
        if k <= 6:
            signs = [(1, *rest) for rest in itertools.product((1, -1), repeat=k - 1)]
        else:
            signs = [
                tuple(1 if m == a else (s if m == b else 0) for m in range(k))
                for a, b in itertools.combinations(range(k), 2)
                for s in (1, -1)
            ]
    rows: dict[tuple[int, ...], None] = {}  # in order, once each
    if mode == "grid":
        low = [int(np.argmin(x)) for x in scaled]
        high = [int(np.argmax(x)) for x in scaled]
        for i in range(k):
            for end in (low, high):
                rows[tuple(end[m] if m == i else low[m] for m in range(k))] = None
        for sign in signs:
            rows[tuple(high[m] if s > 0 else low[m] for m, s in enumerate(sign))] = None
            rows[tuple(low[m] if s > 0 else high[m] for m, s in enumerate(sign))] = None
        return list(rows)
    for x in scaled:
        for r in (int(np.argmin(x)), int(np.argmax(x))):
            rows[(r,) * k] = None
    if not signs:
        return list(rows)
    summed = np.empty(len(scaled[0]))  # one buffer for every sum
    for sign in signs:
        summed.fill(0.0)
        for s, x in zip(sign, scaled, strict=True):
            if s:
                (np.add if s > 0 else np.subtract)(summed, x, out=summed)
        for r in (int(np.argmax(summed)), int(np.argmin(summed))):
            rows[(r,) * k] = None
    return list(rows)


@in_context
def sweep(
    partnership: Partnership,
    values: Mapping[str, Values],
    *,
    mode: Literal["grid", "paired"] = "grid",
    progress: Callable[[int], None] | None = None,
    chunk: int = 1_000_000,
    workspace: Workspace | None = None,
) -> pd.DataFrame:
    """Evaluate every combination (``grid``) or every aligned tuple (``paired``) of input values.

    ``values`` maps input paths (``courses.price``, ``temp_hours.overhead``,
    ``support_staff.0.annual_cost``, ``temp_hours.workers``) to quantities with units
    (``Q_(np.linspace(9000, 14000, 51), "DKK/month")``), lists of strings or quantities
    (``["9000 DKK/month", …]``, in convertible units: converted to the first one's), or plain
    numbers where a scenario file reads them without a unit (whole numbers for headcounts,
    FTE for a post's ``fte``, a share or ratio such as ``skilled_hours_freed``). Each is
    checked like a single input (dimension, sign, finiteness), and rules between inputs
    (effective hours within paid hours, …) hold for every variant, its varied inputs
    together (a variant that breaks one is refused, named). Returns a DataFrame with one row per
    variant: the inputs (unit in the column name), coverage, surplus, shortfall, cost,
    funding, net per party, jobs, FTE and break-even prices.

    ``progress`` is called after each block of ``chunk`` variants (a whole number, at
    least 1) with the number of variants in it (an increment, as ``tqdm``'s ``update``
    takes). A :class:`Workspace` kept across sweeps of the same size lends its arrays to
    a sweep evaluated in one block (up to ``chunk`` variants), rather than having the
    system map fresh memory each time.

    Warns:
        ScenarioWarning: a horizon change sets a varied input from some year on, so its
            values count only in the years before (the message names the input and the years).

    Raises:
        SweepError: an unknown path or an invalid value (the message names the path), a
            ``chunk`` that is not a whole number of at least 1, or a ``workspace`` that is
            not a :class:`Workspace`.

    """
    return _sweep(partnership, values, mode, progress, chunk, workspace, lent=True)


def _sweep(
    partnership: Partnership,
    values: Mapping[str, Values],
    mode: Literal["grid", "paired"],
    progress: Callable[[int], None] | None,
    chunk: int,
    workspace: Workspace | None,
    *,
    lent: bool,
) -> pd.DataFrame:
    """:func:`sweep`; ``lent``: the values are the caller's (a paired frame then copies them)."""
    need_partnership(partnership, error=SweepError)
    _mapping(values, "values", "['9000 DKK/month', '14000 DKK/month']")
    chunk = _chunk(chunk)
    _workspace(workspace)
    if not values:
        raise SweepError("give at least one input to vary")
    _progress(progress)
    given = {path: _materialised(v) for path, v in values.items()}
    checked = {
        path: _as_array(
            path, current(partnership, path), v, plain_unit(partnership, path), negative=_signed(partnership, path)
        )
        for path, v in given.items()
    }
    # plain numbers where the field reads them (a post's FTE, a share): checked as the file's bare numbers
    bare = frozenset(
        path for path, v in given.items() if checked[path][1] and plain_unit(partnership, path) and _plain_numbers(v)
    )
    for path in checked:
        for note in (changed_input_note(partnership, path), _idle_fte(partnership, path)):
            if note is not None:
                _warn(note)  # the CLI renders the note in Danish
    sizes = [len(arr) for arr, _ in checked.values()]
    _check_variants(math.prod(sizes) if mode == "grid" else max(sizes))
    if mode == "grid":
        grids = np.meshgrid(*(arr for arr, _ in checked.values()), indexing="ij")
        columns = {path: (grid.ravel(), unit) for (path, (_, unit)), grid in zip(checked.items(), grids, strict=True)}
    elif mode == "paired":
        lengths = {len(arr) for arr, _ in checked.values()}
        if len(lengths) != 1:
            each = ", ".join(f"{path}: {len(arr)}" for path, (arr, _) in checked.items())
            raise SweepError(f"paired values must have equal lengths, got {each}")
        # the frame's input columns are its own: a caller's array (or DataFrame column) edited
        # later must not change the rows computed from it, nor a write to the frame reach it
        columns = {path: (np.array(arr) if lent else arr, unit) for path, (arr, unit) in checked.items()}
    else:
        raise SweepError(f"mode must be 'grid' or 'paired', got {mode!r}")
    _check_rules(partnership, checked, mode, bare)  # a grid's axes, or the paired columns
    return _evaluate_variants(partnership, columns, chunk, progress, workspace)


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _warn(message: Any) -> None:
    """Warn with a ScenarioWarning pointing at the caller's line, past this package's frames.

    :func:`monte_carlo` and :func:`tornado` call :func:`sweep`, all behind a wrapper: a
    fixed stack level would point into the library from one of them.
    """
    frame, level = sys._getframe(1), 2  # stacklevel 1 is this function, 2 its caller
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    warnings.warn(ScenarioWarning(message), stacklevel=level)


def _signed(partnership: Partnership, path: str) -> bool:
    """Whether the input at ``path`` may be negative (a growth rate); its own bounds are checked per value."""
    field = field_type(partnership, path)
    return field is not None and field.minimum in {"any", "growth"}


# -- Monte Carlo ----------------------------------------------------------------------------


def _magnitude(value: Any, unit: str | None) -> tuple[float, str]:
    """A distribution's value as a float in ``unit`` (None: the first value, which sets the unit).

    A plain number and a percentage mix (``0.5`` and ``"90 %"`` are 0.5 and 0.9); a plain
    number beside money is refused rather than read in the money's unit.
    """
    q = Q_(value) if isinstance(value, str) else value
    if isinstance(q, Decimal):  # what evaluate returns: a number, as in a sweep's values
        if not q.is_finite():
            raise TypeError(f"{q} is not a finite number")
        q = float(q)
    if isinstance(q, pint.Quantity):
        if q._REGISTRY is not ureg:
            raise TypeError("a quantity from another unit registry; use socialpartner.Q_")
        if np.ndim(q.magnitude) == 0:  # a rate per day: which day? not converted
            refuse_per_day(unit_info(q), _shown(q.magnitude), text=str(value), what="a quantity")
        target = unit if unit is not None else str(q.units)
        return float(q.to(target or "dimensionless").magnitude), target
    if isinstance(q, bool) or not isinstance(q, numbers.Real):
        raise TypeError(f"{q!r} is not a number or a quantity")
    if isinstance(q, (np.float16, np.float32)):  # read at its own precision, as a scenario reads it
        q = float(str(q))
    if unit:  # a plain number beside a quantity: a ratio (0.9 beside 50 % is 90 %), else a pint error
        return float(Q_(float(q), "dimensionless").to(unit).magnitude), unit
    return float(q), ""


def _shown(number: Any) -> Decimal | None:
    """A single magnitude as the decimal it stands for, to show in a message (None: not a plain number)."""
    if isinstance(number, (float, np.floating)):
        return decimal_of_float(number)
    if isinstance(number, (int, Decimal, np.integer)) and not isinstance(number, bool):
        return Decimal(int(number)) if isinstance(number, np.integer) else Decimal(number)
    return None


def _finite(kind: str, **values: tuple[Any, float]) -> None:
    """Refuse a NaN or infinite value of a distribution, naming it (``uniform: high …``)."""
    for name, (given, number) in values.items():
        if not math.isfinite(number):
            raise SweepError(f"{kind}: {name} must be a finite number, got {given}")


@dataclass(frozen=True)
class Distribution:
    """Base of the input distributions; ``sample`` draws ``n`` values in one unit."""

    def sample(self, rng: np.random.Generator, n: int) -> tuple[np.ndarray[Any, Any], str]:
        """``n`` draws and the unit they are in."""
        raise NotImplementedError


@dataclass(frozen=True)
class Uniform(Distribution):
    """Uniform between ``low`` and ``high`` (quantities, strings with units, or plain numbers).

    On a headcount, :func:`monte_carlo` draws each whole number from ``low`` to ``high``
    (both whole) with equal probability: ``Uniform(4, 9)`` gives 4, 5, …, 9, 1/6 each.
    """

    low: Any
    high: Any

    def sample(self, rng: np.random.Generator, n: int) -> tuple[np.ndarray[Any, Any], str]:
        """``n`` uniform draws."""
        lo, unit = _magnitude(self.low, None)
        hi, _ = _magnitude(self.high, unit)
        _finite("uniform", low=(self.low, lo), high=(self.high, hi))
        if not lo <= hi:
            raise SweepError(f"uniform: low {self.low} must not exceed high {self.high}")
        return rng.uniform(lo, hi, n), unit

    def _whole(self, rng: np.random.Generator, n: int) -> tuple[np.ndarray[Any, Any], str]:
        """``n`` whole numbers from ``low`` to ``high``, each equally likely (a number of people).

        Rounding a continuous draw would give the two ends half the weight of the numbers
        between them (4 and 9 about 10 % each of ``Uniform(4, 9)``, 5 to 8 about 20 %).
        """
        lo, unit = _magnitude(self.low, None)
        hi, _ = _magnitude(self.high, unit)
        _finite("uniform", low=(self.low, lo), high=(self.high, hi))
        if unit and unit != "dimensionless":  # a headcount has no unit: the sweep refuses these, naming the input
            return self.sample(rng, n)  # ("3" as text is a number without one: whole people as 3 is)
        if not lo <= hi:
            raise SweepError(f"uniform: low {self.low} must not exceed high {self.high}")
        for name, given, number in (("low", self.low, lo), ("high", self.high, hi)):
            if number != round(number):
                raise SweepError(
                    f"uniform: a number of people is drawn as a whole number, each from low to high equally "
                    f"likely: give a whole {name}, got {given}"
                )
        return rng.integers(round(lo), round(hi), size=n, endpoint=True), ""


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
        _finite("triangular", low=(self.low, lo), mode=(self.mode, mo), high=(self.high, hi))
        if not lo <= mo <= hi or lo == hi:
            raise SweepError("triangular: need low ≤ mode ≤ high and low < high")
        return rng.triangular(lo, mo, hi, n), unit


@dataclass(frozen=True)
class Normal(Distribution):
    """Normal with ``mean`` and ``sd``, truncated to ``[low, high]`` by redrawing outside values.

    Without ``low`` the draws are cut at 0 (an amount, a price, a headcount cannot be
    negative; a growth rate may be, and is not cut there): the values below are redrawn,
    so the draws follow the normal truncated at 0, whose mean lies above ``mean``.
    Where more than 1 % of the distribution lies below 0, :func:`monte_carlo` warns with a
    :class:`~socialpartner.ScenarioWarning` giving that share and the truncated mean.
    """

    mean: Any
    sd: Any
    low: Any = None
    high: Any = None

    def sample(self, rng: np.random.Generator, n: int) -> tuple[np.ndarray[Any, Any], str]:
        """``n`` normal draws within the bounds (from 0 without ``low``)."""
        return self._sample(rng, n, 0.0, "")

    def _sample(self, rng: np.random.Generator, n: int, floor: float, path: str) -> tuple[np.ndarray[Any, Any], str]:
        """``n`` draws within the bounds; ``floor`` is the low end without ``low`` (0, or −∞ for a growth).

        Warns (naming ``path``) where more than 1 % of the distribution lies below a floor of 0.
        """
        mu, unit = _magnitude(self.mean, None)
        sd, _ = _magnitude(self.sd, unit)
        lo = _magnitude(self.low, unit)[0] if self.low is not None else floor
        hi = _magnitude(self.high, unit)[0] if self.high is not None else math.inf
        given = {"mean": (self.mean, mu), "sd": (self.sd, sd)}
        given |= {k: (v, x) for k, v, x in (("low", self.low, lo), ("high", self.high, hi)) if v is not None}
        _finite("normal", **given)
        if not sd > 0 or not lo < hi:
            raise SweepError("normal: need sd > 0 and low < high")
        share = _mass((lo - mu) / sd, (hi - mu) / sd)  # of the distribution within the bounds
        if share < _TOO_LITTLE:  # the draws would be redrawn for ever: say so, not divide by zero
            where = f"above {_number(lo)}" if math.isinf(hi) else f"between {_number(lo)} and {_number(hi)}"
            raise SweepError(
                f"normal: the bounds leave almost no probability ({share:.1e} of Normal({_number(mu)}, "
                f"{_number(sd)}) lies {where}); widen them, or give a mean within them"
            )
        if self.low is None and math.isfinite(lo):
            below = _phi((lo - mu) / sd)
            if below > _MATERIAL:
                unit_text = f" {_named(unit)}".rstrip()
                cut = _cut_mean(mu, sd, lo, hi)
                _warn(
                    f"{path + ': ' if path else ''}Normal({_number(mu)}{unit_text}, {_number(sd)}{unit_text}) "
                    f"has {below:.1%} of its mass below 0, which the input cannot be: those draws are redrawn, "
                    f"so the draws follow the normal cut at 0, with a mean of {cut:,.2f}{unit_text}, not "
                    f"{mu:,.2f}; give low= (and high=) to say where it is cut, or a smaller sd"
                )
        # the first n draws of the stream that lie within the bounds: a row's value does not
        # depend on n (the stream is drawn in order whatever the size of each block)
        out = np.empty(n)
        filled = 0
        for _ in range(1000):
            # enough draws for the rest at the share kept (a mean below 0 keeps few), within bounds
            size = min(max(math.ceil(2 * (n - filled) / share), 1024), 1 << 22)
            block = rng.normal(mu, sd, size)
            kept = block[(block >= lo) & (block <= hi)][: n - filled]
            out[filled : filled + len(kept)] = kept
            filled += len(kept)
            if filled == n:
                return out, unit
        raise SweepError("normal: the bounds leave almost no probability; widen them")


_MATERIAL = 0.01  # a share of a Normal's mass below 0 worth a warning


def _phi(x: float) -> float:
    """The standard normal's cumulative distribution at ``x``."""
    return 0.5 * math.erfc(-x / math.sqrt(2))


_TOO_LITTLE = 1e-4  # a share of a Normal within its bounds below which draws are refused


def _upper(x: float) -> float:
    """The standard normal's upper tail 1 − Φ(x), without the cancellation of 1 − Φ(x) for large x."""
    return 0.5 * math.erfc(x / math.sqrt(2))


def _mass(a: float, b: float) -> float:
    """Φ(b) − Φ(a), for ``a < b``: from the upper tails where ``a`` is above 0 (Φ would round to 1 there)."""
    return _upper(a) - _upper(b) if a > 0 else _phi(b) - _phi(a)


def _cut_mean(mu: float, sd: float, lo: float, hi: float) -> float:
    """The mean of a normal truncated to ``[lo, hi]``: μ + σ (φ(α) − φ(β)) / (Φ(β) − Φ(α)).

    The denominator comes from the tails (:func:`_mass`): with α eight standard deviations
    up, Φ(β) − Φ(α) computed as 1 − 0.99999999999999933 loses every digit.
    """
    a, b = (lo - mu) / sd, (hi - mu) / sd

    def density(x: float) -> float:
        return 0.0 if math.isinf(x) else math.exp(-x * x / 2) / math.sqrt(2 * math.pi)

    return mu + sd * (density(a) - density(b)) / _mass(a, b)


def _run_seed(seed: int | np.random.Generator) -> int:
    """The whole-number seed of a run: the seed given, or one drawn from the caller's generator."""
    if isinstance(seed, np.random.Generator):
        return int(seed.integers(0, 2**63))  # the caller's stream moves on by one draw
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise SweepError(
            f"seed: expected a whole number of 0 or more, or a numpy Generator (np.random.default_rng(1)), got {seed!r}"
        )
    return int(seed)


def _stream(seed: int, path: str) -> np.random.Generator:
    """The random stream of one input: from the run's seed and the input's path.

    Each input draws from its own stream, so its draws do not depend on the other inputs
    nor on their order, and the first rows do not depend on ``n``. The path's CRC-32 is
    the same in every process and Python version (``hash()`` of a string is not).
    """
    return np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(path.encode("utf-8"))]))


def _draws(
    path: str, dist: Any, rng: np.random.Generator, n: int, signed: bool = False, whole: bool = False
) -> tuple[np.ndarray[Any, Any], str]:
    """``n`` draws of one input, any error in the distribution's values reported naming the path.

    ``whole``: the input is a number of people, so a :class:`Uniform` draws whole numbers.
    """
    if not isinstance(dist, Distribution):
        raise SweepError(
            f"{path}: expected a distribution such as sp.Uniform('9000 DKK/month', '14000 DKK/month'), "
            f"sp.Triangular(low, mode, high) or sp.Normal(mean, sd), got {dist!r}",
            path=path,
        )
    try:
        if isinstance(dist, Normal):  # a growth may be negative: not cut at 0
            return dist._sample(rng, n, -math.inf if signed else 0.0, path)
        if whole and isinstance(dist, Uniform):
            return dist._whole(rng, n)
        return dist.sample(rng, n)
    except SweepError as exc:
        raise SweepError(f"{path}: {exc}", path=path) from None
    except QuantityError as exc:  # the distribution and the value named (review 54 F5: "normal: sd: …")
        fields = ("low", "mode", "high", "mean", "sd")
        text = exc.text or ""
        field = next((f for f in fields if isinstance(v := getattr(dist, f, None), str) and text and text in v), None)
        where = f"{type(dist).__name__.lower()}: " + (f"{field}: " if field else "")
        raise SweepError(f"{path}: {where}{exc.reason} (got {exc.text!r})", path=path) from None
    except pint.DimensionalityError as exc:  # one value with a unit, another without or with one of another kind
        kind = type(dist).__name__
        given = ", ".join(
            repr(v) for v in (getattr(dist, name, None) for name in ("low", "mode", "high", "mean")) if v is not None
        )
        units = " and ".join(_named(str(u)) or "a plain number" for u in (exc.units1, exc.units2))
        raise SweepError(
            f"{path}: {kind} values must be numbers or quantities in one unit: {units} do not convert (got {given})",
            path=path,
        ) from None
    except (pint.PintError, TypeError, ValueError) as exc:  # a value that is no number
        kind = type(dist).__name__
        raise SweepError(f"{path}: {kind} values must be numbers or quantities in one unit: {exc}", path=path) from None


def _check_plain_values(partnership: Partnership, path: str, dist: Any) -> None:
    """A distribution's bare numbers read as the input reads one, before any draw, naming the distribution.

    ``Normal(2, 1)`` for a growth meant as 2 % ± 1 %: read as the input reads a bare 2, it
    is 200 %, and that is said of the distribution's own value, not of some draw of it.
    The spread (``sd``) is a width, not a value of the input: it is not read so.
    """
    kind = field_type(partnership, path)
    if kind is None or not isinstance(dist, Distribution):
        return
    names = ("low", "mode", "high", "mean")
    given = [(name, getattr(dist, name)) for name in names if getattr(dist, name, None) is not None]
    if any(isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal)) for _, value in given):
        return  # a value with its unit: the distribution is read in it (a bare one beside it is refused so)
    for name, value in given:
        try:
            kind.validate(value)
        except PydanticCustomError as exc:
            reason = (exc.context or {}).get("reason", exc.message())
            shown = ", ".join(f"{f}={getattr(dist, f)!r}" for f in (*names, "sd") if getattr(dist, f, None) is not None)
            raise SweepError(
                f"{path}: {type(dist).__name__}({shown}): its {name} {value!r} is read as this input reads a bare "
                f"number: {reason}; give the distribution's values with their unit (e.g. {kind.examples[0]!r})",
                path=path,
            ) from None


@in_context
def monte_carlo(
    partnership: Partnership,
    inputs: Mapping[str, Distribution],
    n: int = 10_000,
    *,
    seed: int | np.random.Generator = 0,
    progress: Callable[[int], None] | None = None,
    chunk: int = 1_000_000,
    workspace: Workspace | None = None,
) -> pd.DataFrame:
    """Draw ``n`` variants with inputs from distributions (seeded, reproducible) and evaluate them.

    ``seed`` is a whole number (the same seed gives the same draws) or a numpy
    ``Generator``, from which the run's seed is drawn. Each input draws from its own
    stream, derived from the seed and the input's path: its draws are the same whatever
    the other inputs and their order, and the first rows the same whatever ``n``.
    A headcount's ``Uniform(low, high)`` draws each whole number from ``low`` to ``high``
    with equal probability (the ends need to be whole); its ``Triangular`` and ``Normal``
    draws are rounded to whole people. A plain number means the input's own
    unit where a scenario file reads it so (FTE for a post's ``fte``, a share or ratio as
    it is: ``sp.Uniform(0.5, 0.9)``). Returns one row per variant; see :func:`summarize`
    for means, percentiles and the probability that
    support staff are covered. ``progress``, ``chunk`` and ``workspace`` are as for
    :func:`sweep` (the variants evaluated in blocks of ``chunk``; the draws do not depend on it).

    Raises:
        SweepError: an unknown path, something other than a distribution, or a value a
            distribution cannot use (the message names the path).

    """
    need_partnership(partnership, error=SweepError)
    _mapping(inputs, "inputs", "sp.Uniform('9000 DKK/month', '14000 DKK/month')")
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise SweepError(f"n must be a whole number of at least 1, got {n!r}")
    n = int(n)
    _check_variants(n)
    chunk = _chunk(chunk)
    _workspace(workspace)
    _progress(progress)  # before drawing, not after the first block
    if not isinstance(inputs, Mapping) or not inputs:
        raise SweepError("inputs: map input paths to distributions, e.g. {'courses.price': sp.Uniform(…)}")
    run_seed = _run_seed(seed)
    values: dict[str, Values] = {}
    for path, dist in inputs.items():
        base = current(partnership, path)
        headcount = isinstance(base, int) and not isinstance(base, bool)
        _check_plain_values(partnership, path, dist)
        draws, unit = _draws(path, dist, _stream(run_seed, path), n, _signed(partnership, path), headcount)
        if headcount and not unit:  # a Triangular's or Normal's draws, rounded to whole people
            values[path] = np.rint(draws).astype(np.int64)
        else:  # a plain number is the input's own unit where it has one (FTE), else refused by sweep
            values[path] = draws if not unit else Q_(draws, unit)
    return _sweep(partnership, values, "paired", progress, chunk, workspace, lent=False)  # the draws are ours


@in_context
def summarize(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """Mean and 5th/50th/95th percentiles of result columns, and P(coverage ≥ 100 %).

    By default: coverage, cost, surplus, shortfall, funding, each party's net, the public
    payers' net effects (and their present values over several years), jobs and FTE, as
    far as the frame has them.

    Raises:
        SweepError: ``frame`` is no DataFrame or has no result column to summarise, or a
            column named is not in it.

    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise SweepError(f"frame: expected the DataFrame of sweep or monte_carlo, got {type(frame).__name__}")
    if isinstance(columns, str):  # one column by name, not its letters
        columns = [columns]
    chosen = list(columns) if columns is not None else [c for c in frame.columns if _summarised(c)]
    if not chosen:  # a ledger frame, a tornado table: nothing a sweep returns to summarise
        raise SweepError(
            "frame: no result columns to summarise (coverage, cost [DKK], net.*, …); give the DataFrame "
            "of sweep or monte_carlo, or name its columns"
        )
    for c in chosen:
        if c not in frame.columns:
            close = difflib.get_close_matches(str(c), [str(name) for name in frame.columns], n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise SweepError(
                f"columns: no column {c!r} in the frame; {hint}columns: {', '.join(map(str, frame.columns))}"
            )
    rows = {
        c: {
            "mean": frame[c].mean(),
            "p5": _quantile(frame[c], "0.05"),
            "p50": _quantile(frame[c], "0.5"),
            "p95": _quantile(frame[c], "0.95"),
        }
        for c in chosen
    }
    table = pd.DataFrame(rows).T
    if "coverage" in frame:
        table.attrs["p_covered"] = float((frame["coverage"] >= 1).mean())
    return table


def _quantile(column: pd.Series[Any], q: str) -> float:
    """The ``q`` quantile (linear between the two nearest values, as pandas), money to the øre.

    Between two amounts in whole øre the quantile may fall on a half øre. In float64 the
    interpolation lands a hair to either side depending on the order it is taken in, so
    the 5th percentile of the surplus and the 95th of the shortfall (the same amounts,
    signs swapped) rounded apart (−175,653.68 against 175,653.67). Computed exactly and
    rounded half away from zero, the two agree.
    """
    if not str(column.name).endswith(" [DKK]"):
        return float(column.quantile(float(q)))
    values = column.dropna().to_numpy(dtype=float)
    if not len(values):
        return math.nan
    position = Fraction(q) * (len(values) - 1)
    k = math.floor(position)
    ends = np.partition(values, [k, min(k + 1, len(values) - 1)])
    # the amounts are whole øre (the float64 holds the nearest binary fraction): taken as such
    low, high = (Fraction(round(float(ends[i]) * 100), 100) for i in (k, min(k + 1, len(values) - 1)))
    exact = low + (position - k) * (high - low)
    cents = abs(exact) * 100
    whole = math.floor(cents + Fraction(1, 2))  # half away from zero: the same size for both signs
    return math.copysign(whole / 100, exact) if whole else 0.0


_SUMMARY = {"coverage", "cost [DKK]", "surplus [DKK]", "shortfall [DKK]", "funding [DKK]", "jobs", "fte"}
# each party's net, the public payers' net effects and their present values (not one year's)
_SUMMARY_PREFIXES = ("net.", "public.", "npv.public.")


def _summarised(column: str) -> bool:
    return column in _SUMMARY or (column.startswith(_SUMMARY_PREFIXES) and column.endswith(" [DKK]"))


# -- sensitivity ----------------------------------------------------------------------------


def _crossing(result: str) -> tuple[str, int, str] | None:
    """The target a tornado's switching value is for: (the solver's result name, target, column name).

    Coverage (also one year's, ``2027.coverage``) crosses 100 %; an amount in DKK (a net,
    the surplus, a public net effect) crosses 0. Other results (jobs, FTE, a break-even
    price) have no target, and the table no switching value.
    """
    name, _, unit = result.partition(" [")
    if unit == "" and (name == "coverage" or name.endswith(".coverage")):
        return name, 1, f"switching value ({name} = 100 %)"
    if unit == "DKK]":
        return name, 0, f"switching value ({name} = 0 DKK)"
    return None


def _figure_column(
    partnership: Partnership, path: str, unit: str, frame: pd.DataFrame, result: str
) -> tuple[str, np.ndarray[Any, Any]] | None:
    """A model's own figure (``company_saving``) at each of a tornado's values, from exact evaluations.

    Sweeps give the settlement's results; a model's figures (the company's saving against its
    alternative, the SØV's margin) are worked out in its evaluation only, so a tornado over
    them evaluates each of its values exactly (the values the sweep of the range has checked,
    put in place as a sweep puts them). The column is named as sweeps name a result,
    with its unit (``company_saving [DKK]``, ``skilled_hours_freed [hour]``: never the varied input's own
    column, which a figure may share a name with); None where ``result`` is no figure of the evaluation.
    """
    from socialpartner.evaluation import evaluate
    from socialpartner.solver import result_value

    name = result.partition(" [")[0]
    baseline = evaluate(partnership)
    year, _, key = name.partition(".") if name.split(".")[0].isdigit() else ("", "", name)
    parts = [p for p in baseline.breakdown if p.ledger.period == year] if year else [baseline]
    kind = next((f.unit for part in parts for f in part.figures if f.key == key), None)
    if kind is None:
        return None  # no figure of that name: the sweep's results are the choice
    values = frame.iloc[:, 0].to_numpy()
    whole = values.dtype.kind in "iu"
    out = np.full(len(values), np.nan)
    for i, x in enumerate(values):
        written: Any = int(x) if whole else Q_(float(x), unit) if unit else float(x)
        with contextlib.suppress(ValueError, TypeError):  # no value there (no alternative stated): none
            out[i] = float(result_value(evaluate(paths.overlay(partnership, {path: written})), name))
    # named as sweeps name a result: with its unit (skilled_hours_freed [hour], never the input's own column)
    return (name if kind in _UNITLESS else f"{name} [{kind}]"), out


_UNITLESS = frozenset({"ratio", "people", "FTE", "year", ""})  # as sweeps name coverage, jobs, fte, payback


TORNADO_POINTS = 201
"""Evenly spaced values, the ends included, at which :func:`tornado` evaluates each input's
range for the result's min and max (every whole number of a headcount range up to this many)."""


def _spread(ends: Values, checked: np.ndarray[Any, Any]) -> Values:
    """:data:`TORNADO_POINTS` evenly spaced values from the low end to the high end, in the ends' own form.

    ``checked`` are the ends as :func:`_as_array` read them; a headcount's values are whole
    numbers (each from low to high when there are at most that many).
    """
    if checked.dtype.kind in "iu":  # people: whole numbers, the ends included
        return np.unique(np.rint(np.linspace(checked[0], checked[-1], TORNADO_POINTS)).astype(np.int64))
    if isinstance(ends, pint.Quantity):
        return Q_(np.linspace(ends.magnitude[0], ends.magnitude[-1], TORNADO_POINTS), ends.units)
    return np.linspace(float(ends[0]), float(ends[-1]), TORNADO_POINTS)


def _extremes(column: np.ndarray[Any, Any]) -> tuple[float, float]:
    """The lowest and highest of a result's values over a range (NaN where it has none)."""
    known = column[~np.isnan(column)]
    if not len(known):
        return math.nan, math.nan
    return float(known.min()), float(known.max())


def _inside_note(
    path: str, result: str, frame: pd.DataFrame, column: np.ndarray[Any, Any], at_ends: tuple[float, float], unit: str
) -> Text | None:
    """Words for a result that goes beyond its values at the ends within the range, else None.

    The swing compares the ends only, so an input whose result rises and falls inside the
    range would look as if it moved nothing.
    """
    if math.isnan(at_ends[0]) or math.isnan(at_ends[1]):  # no swing to compare with (coverage at no cost)
        return None
    low_end, high_end = min(at_ends), max(at_ends)
    slack = 1e-9 * max(1.0, abs(low_end), abs(high_end))  # float noise, far below an øre or 0.0001 %
    values = frame.iloc[:, 0].to_numpy()  # the input's values (a sweep's first column)
    name, _, suffix = result.partition(" [")
    result_unit = suffix.removesuffix("]")

    def shown(x: float) -> Any:
        if result_unit == "DKK":
            return Money(Decimal(f"{x:.2f}"))
        if not result_unit and (name == "coverage" or name.endswith(".coverage")):
            return Percent(Decimal(f"{x:.6f}"))
        return Value(f"{_number(round(x, 6))} {result_unit}".rstrip())

    beyond = []
    for where, side in ((np.nanargmin(column), "low"), (np.nanargmax(column), "high")):
        x = float(column[where])
        if (side == "low" and x < low_end - slack) or (side == "high" and x > high_end + slack):
            at = Value(f"{_number(values[where])} {unit}".rstrip())
            beyond.append(Text("msg.tornado_value_at", value=shown(x), at=at))
    if not beyond:
        return None
    return Text(
        "msg.tornado_beyond_ends",
        result=Raw(name),
        vary=Raw(path),
        beyond=Join(tuple(beyond), " and "),
        at_low=shown(at_ends[0]),
        at_high=shown(at_ends[1]),
    )


@in_context
def tornado(
    partnership: Partnership,
    ranges: Mapping[str, tuple[Any, Any]],
    result: str = "coverage",
) -> pd.DataFrame:
    """One-at-a-time sensitivity: each input at its low and high value, the rest as given.

    ``ranges`` maps input paths to ``(low, high)``; the two ends may come in either
    order (the table's ``low`` is the smaller). ``result`` is a column of
    :func:`sweep` (``coverage``, ``surplus [DKK]``, ``net.company [DKK]``, …), or a model's own
    figure that sweeps do not give (``company_saving``, ``2027.company_net_gain``): its values
    are then evaluated one by one, exactly (its column is ``company_saving [DKK]``).

    Returns a table ranked by swing (``|result at high − result at low|``, taken at the
    two ends of the range only), with the result's ``min`` and ``max`` over
    :data:`TORNADO_POINTS` evenly spaced values of the range (the ends included; at equal
    swings the input with the wider spread between them ranks first), and the switching
    value: the input value at which the result crosses its target (from the solver, as
    text with its unit; None when it does not cross within the range). The ``note`` column (empty where there is
    nothing to say) says where the result goes beyond its values at the ends within the
    range (an input whose result rises and falls inside it has a swing of 0, though it
    moves the result), followed by the solver's notes on the switching value (that the
    result crosses the target again, that a price is read at the first year's prices, …)
    other than those a :class:`~socialpartner.ScenarioWarning` already gives. The notes
    are also kept as sentences in ``table.attrs["notes"]`` (input path → notes), which
    render in Danish too. The target is 100 % for
    coverage (column ``switching value (coverage = 100 %)``, also for one year's
    ``2027.coverage``) and 0 for an amount in DKK (``switching value (net.company = 0 DKK)``);
    results without one (jobs, FTE, a break-even price) have no switching value column.
    The switching value of an input that may be negative (a growth rate) is searched
    on the negative part of its range too.

    Raises:
        SweepError: an unknown path or result, or a range that is not two values of the
            input (the message names it).

    """
    need_partnership(partnership, error=SweepError)
    _mapping(ranges, "ranges", "('9000 DKK/month', '14000 DKK/month')")
    import pandas as pd

    from socialpartner.solver import SolveError, solve

    if not isinstance(result, str):
        raise SweepError(f"result: expected a result's name such as 'coverage', got {result!r}")
    if not ranges:
        raise SweepError("give at least one input and its (low, high) range")
    crossing = _crossing(result)
    rows = []
    kept: dict[str, tuple[Text | str, ...]] = {}  # each input's notes as sentences, for output in any language
    for path, pair in ranges.items():
        base = current(partnership, path)
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Iterable) or len(pair := tuple(pair)) != 2:
            raise SweepError(
                f"{path}: give a range as (low, high), e.g. ('9000 DKK/month', '14000 DKK/month')", path=path
            )
        pair = tuple(_materialised(list(pair)))  # Decimals (evaluate's results) as the numbers they are
        low, high = pair
        ends: Values
        if isinstance(base, pint.Quantity) and not (_plain_numbers(pair) and plain_unit(partnership, path)):
            try:
                lo_m, unit = _magnitude(low, None)
                hi_m, _ = _magnitude(high, unit)
            except QuantityError as exc:
                raise SweepError(f"{path}: {exc.reason} (got {exc.text!r})", path=path) from None
            except (pint.PintError, TypeError, ValueError) as exc:
                raise SweepError(f"{path}: low and high must be quantities in one unit: {exc}", path=path) from None
            # a range is an interval whichever end is written first
            ends = Q_(np.sort(np.asarray([lo_m, hi_m], dtype=float)), unit)
        else:
            ends = np.sort(np.asarray(pair))
        # the two ends, checked as sweep values (the unit, the sign, whole people)
        lo_in, unit = _as_array(path, base, ends, plain_unit(partnership, path), negative=_signed(partnership, path))
        if lo_in[0] == lo_in[-1]:  # a range of one value moves nothing: a typo, not an input that does not matter
            raise SweepError(
                f"{path}: a range of one value ({_number(lo_in[0])} {_named(unit)}); give two different ends".replace(
                    " )", ")"
                ),
                path=path,
            )
        frame = sweep(partnership, {path: _spread(ends, lo_in)}, mode="paired")
        # a result, never the varied input's own column: the labour-shortage model's skilled_hours_freed is an
        # input (a ratio) and a figure (hours) by one name (review 60 M1)
        if result not in frame.columns[1:]:
            figure = _figure_column(partnership, path, unit, frame, result)
            if figure is None:
                from socialpartner.evaluation import evaluate

                names = [c for c in frame.columns if not c.startswith(path)]
                names += [f.key for f in evaluate(partnership).figures if f.value is not None]  # a model's own
                close = difflib.get_close_matches(result, names, n=1, cutoff=0.6)
                hint = f"did you mean {close[0]!r}? " if close else ""
                raise SweepError(f"result: no result {result!r}; {hint}results: {', '.join(names)}")
            result, values = figure
            frame = frame.assign(**{result: values})
            crossing = _crossing(result)
        column = frame[result].to_numpy(dtype=float)
        r_low, r_high = float(column[0]), float(column[-1])
        lowest, highest = _extremes(column)
        # the solver reads its bounds in the input's own unit, which the range may not be in
        # (to 12 significant digits: 100000 DKK/year is 8333.33333333 DKK/month)
        bounds: Any = lo_in
        if unit and isinstance(base, pint.Quantity):
            bounds = [float(f"{x:.12g}") for x in Q_(lo_in, unit).to(base.units).magnitude]
        shown = _named(unit)
        switching: str | int | None = None
        notes: list[Text | str] = []
        if crossing is not None:
            try:
                solution = solve(
                    partnership, path, crossing[0], crossing[1], low=_number(bounds[0]), high=_number(bounds[1])
                )
            except SolveError:
                pass  # the result does not cross its target within the range: no switching value
            else:  # less what the sweep above already warned of (a horizon change that sets the input)
                warned = {changed_input_note(partnership, path), _idle_fte(partnership, path)}
                switching, notes = solution.value_text, [n for n in solution.notes if n not in warned]
        inside = _inside_note(path, result, frame, column, (r_low, r_high), shown)
        if inside is not None:  # first: what the ends do not show; then the solver's notes
            notes.insert(0, inside)
        rows.append(
            {
                "input": path,
                "low": f"{_number(lo_in[0])} {shown}".strip(),
                "high": f"{_number(lo_in[1])} {shown}".strip(),
                f"{result} at low": r_low,
                f"{result} at high": r_high,
                "swing": abs(r_high - r_low),
                f"{result} min": lowest,
                f"{result} max": highest,
                **({} if crossing is None else {crossing[2]: switching}),
                "note": "; ".join(notes),
            }
        )
        kept[path] = tuple(notes)
    table = pd.DataFrame(rows)
    if crossing is not None:  # no switching value is None in every row (pandas made it NaN beside text)
        found = table[crossing[2]].astype(object)
        table[crossing[2]] = found.where(found.notna(), None)
    # by swing; at equal swings the input that moves the result more inside its range first
    spread = (table[f"{result} max"] - table[f"{result} min"]).fillna(0)
    order = np.lexsort((-spread.to_numpy(), -table["swing"].fillna(-1).to_numpy()))
    table = table.iloc[order].reset_index(drop=True)
    table.attrs["notes"] = kept  # the command line renders them in its language
    return table
