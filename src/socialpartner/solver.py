"""Solve for an input: the value at which a chosen result reaches a target.

For example the course price at which support staff are fully covered
(``solve(p, "courses.price", "coverage", 1)``), the helper price at which a
labour-shortage deal breaks even for the company, or the number of participants at which
the municipality's net effect turns positive. Where the result is linear in the input
(most money results are) the answer is found exactly by interpolation; otherwise by
bisection inside a bracket; and when no value in range works the answer says so.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Literal

import pint
from pydantic import ValidationError

from socialpartner._internal import paths
from socialpartner._internal.horizon import changed_input_note
from socialpartner._internal.units import Q_, check_decimal, format_magnitude, plain_magnitude, read_number
from socialpartner.errors import LedgerError, QuantityError, SolveError
from socialpartner.evaluation import Evaluation, evaluate
from socialpartner.models._base import Partnership
from socialpartner.money import in_context, round_half_up

__all__ = ["Solution", "SolveError", "readable", "result_value", "solve"]

_MAX_INPUT = 10**12
_MAX_EVALUATIONS = 400
_STEP = Fraction(1, 100)  # the grid: 0.01 of the input's unit


@dataclass(frozen=True, slots=True)
class Solution:
    """A solved input.

    Attributes:
        path: the input varied, e.g. ``courses.price``.
        value: the input's new value, a Quantity in the unit the input is written in
            (to 0.01 of that unit), or a whole number for headcounts.
        result: the result aimed at, e.g. ``coverage``.
        target: the target value.
        achieved: the result with the solved input.
        method: ``grid`` (0.01 steps of the input's unit) or ``whole numbers``.
        evaluations: how many evaluations it took.
        partnership: the scenario with the solved value.
        notes: what the reader should know about the answer, e.g. that a horizon
            change sets the input in later years, so the value found counts only in
            the years before.

    """

    path: str
    value: pint.Quantity[Any] | int
    result: str
    target: Decimal
    achieved: Decimal
    method: Literal["grid", "whole numbers"]
    evaluations: int
    partnership: Partnership
    notes: tuple[str, ...] = ()

    @property
    def value_text(self) -> str:
        """The value as written in a scenario, e.g. ``12033.34 DKK / month``."""
        if isinstance(self.value, int):
            return str(self.value)
        return f"{format_magnitude(self.value.magnitude)} {self.value.units}"

    @property
    def achieved_text(self) -> str:
        """The result achieved at a readable precision (øre, or 4 decimals for a ratio)."""
        return readable(Fraction(self.achieved), self.result)

    def __str__(self) -> str:
        notes = "".join(f"; note: {note}" for note in self.notes)
        return (
            f"{self.path} = {self.value_text} gives {self.result} = {self.achieved_text} "
            f"(target {self.target}; {self.method}, {self.evaluations} evaluations){notes}"
        )


@in_context
def result_value(ev: Evaluation, name: str) -> Decimal:
    """A named result of an evaluation, as a Decimal.

    Names: ``coverage``, ``surplus``, ``shortfall``, ``cost``, ``funding``, ``net.PARTY``
    (a ledger party's net, e.g. ``net.municipality``), ``public.PAYER`` (the public net
    effect of ``municipality`` or ``state``), or a figure's key (e.g. ``company_net_gain``,
    ``npv.company``).

    Raises:
        SolveError: an unknown name, or a result that has no value here.

    """
    values = ev.results()
    key = name.removeprefix("figure.")
    if key not in values:
        if key.startswith("public."):
            raise SolveError(f"{name}: the scenario has no public: block (or no such payer)")
        known = ", ".join(k for k in values if not k.startswith(("net.", "break_even.")))
        raise SolveError(f"unknown result {name!r}; results: {known}, net.PARTY, break_even.INPUT")
    value = values[key]
    if value is None:
        raise SolveError(f"{name} has no value for this scenario (e.g. coverage with no cost)")
    return value


def _grid(current: Any, path: str) -> tuple[Fraction, str, bool]:
    """The grid the input moves on: (step in its unit, the unit, whole numbers?)."""
    if isinstance(current, bool) or current is None:
        raise SolveError(f"{path} is not a numeric input (got {current!r})")
    if isinstance(current, int):
        return Fraction(1), "", True
    if isinstance(current, pint.Quantity):
        return _STEP, str(current.units), False
    raise SolveError(f"{path} is not a numeric input (got {current!r})")


def _number(value: Decimal | int | float | str, name: str) -> Decimal:
    """A number given to the solver, read by the library's rules (``510.000`` is refused, not 510)."""
    if isinstance(value, bool):
        raise SolveError(f"{name} must be a number, got {value!r}")
    try:
        if isinstance(value, str):
            return read_number(value, what=f"{name} (a number)")
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except (QuantityError, InvalidOperation, ArithmeticError) as exc:
        reason = exc.reason if isinstance(exc, QuantityError) else "not a number the solver can use"
        raise SolveError(f"{name}: {reason}, got {value!r}") from None


def _bound(number: Decimal | None, name: str, step: Fraction) -> int | None:
    """A checked bound in the input's unit, as a number of grid steps (rounded inwards)."""
    if number is None:
        return None
    if abs(number) > _MAX_INPUT:
        raise SolveError(f"{name} must be a finite number up to {_MAX_INPUT:,}, got {number!r}")
    if number < 0:
        raise SolveError(f"{name} must not be negative, got {number!r}")
    return math.floor(Fraction(number) / step) if name == "high" else math.ceil(Fraction(number) / step)


def _option_number(value: Any, name: str) -> Decimal:
    """A target or bound as a checked Decimal: finite, below 10¹⁵, at most 15 digits.

    Accepts numbers (numpy's too) and numeric text in the input's own unit, read by the
    library's number rules.
    """
    text = repr(value.strip() if isinstance(value, str) else value)[:40]
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal, str)):
        raise SolveError(f"{name} must be a plain number in the input's own unit, got {text}")
    if isinstance(value, numbers.Integral):  # int, numpy integers (str() of a huge int fails)
        value = Decimal(int(value))
    elif not isinstance(value, (Decimal, str)):  # floats, numpy floats: the shortest decimal of the float
        value = Decimal(repr(float(value)))
    number = _number(value, name)
    try:
        return check_decimal(number, text=text, what=name)
    except QuantityError as exc:
        raise SolveError(f"{name}: {exc.reason}, got {text}") from None


def readable(value: Fraction, result: str) -> str:
    """A result at a readable precision: 4 decimals for a ratio, øre for money."""
    if result == "coverage" or any(w in result for w in ("share", "ratio")):
        return f"{round_half_up(value, 4)}"
    return f"{round_half_up(value, 2):,}"


@in_context
def solve(
    partnership: Partnership,
    vary: str,
    result: str,
    target: Decimal | float | str,
    *,
    low: Decimal | float | str | None = None,
    high: Decimal | float | str | None = None,
) -> Solution:
    """Find the value of input ``vary`` at which ``result`` reaches ``target``.

    Results move in øre steps, so the input moves on a grid: 0.01 in the unit it is
    written in (whole numbers for headcounts). The answer is the grid value that meets
    the target: the smallest value at which the result is at or above the target when
    the result rises with the input; when it falls, the first value at which it is at
    or below the target if it lands on it exactly (a shortfall reaching zero), else the
    largest value at which it is still at or above it. ``low`` and ``high`` bound the
    search in the input's unit (default: 0 up to wherever the result crosses).

    >>> import socialpartner as sp
    >>> sp.solve(sp.load(sp.example_path()), "courses.price", "coverage", 1).value
    <Quantity(12033.34, 'DKK / month')>

    With a horizon whose ``changes`` set ``vary`` from some year on, the value found
    counts only in the years before; :attr:`Solution.notes` says so.

    Raises:
        SolveError: an unknown input or result, a target or bound that is not a finite
            number below 10¹⁵ (or ``low`` above ``high``), an input a horizon change sets
            in every year, or no value in range reaches the target; the message gives
            the result's values at the ends of the range.

    """
    try:
        current = paths.get(partnership, vary)
    except paths.PathError:
        raise SolveError(f"no input {vary!r} in this scenario") from None
    why = paths.fixed_input(vary)
    if why is not None:
        raise SolveError(f"{vary}: cannot be solved for ({why}); evaluate its values one by one")
    changed = changed_input_note(partnership, vary)
    if changed is not None and changed.key == "msg.changed_input_all":
        raise SolveError(f"{changed}; solve for the change's value instead")
    notes = () if changed is None else (changed,)
    step, unit, whole = _grid(current, vary)
    # every number is checked by its exponent first: abs(Decimal("1e999999999")) overflows and
    # Fraction(Decimal("1e999999999")) never ends
    target = _option_number(target, "target")
    low = None if low is None else _option_number(low, "low")
    high = None if high is None else _option_number(high, "high")
    goal = target  # checked above: finite, below 10¹⁵, at most 15 digits
    goal_exact = Fraction(goal)
    lo_k, hi_k = _bound(low, "low", step), _bound(high, "high", step)
    if lo_k is not None and hi_k is not None and hi_k < lo_k:
        raise SolveError(f"low ({low}) must not exceed high ({high})")
    count = 0
    seen: dict[int, Fraction] = {}

    def variant(k: int) -> Partnership:
        value: Any = k if whole else Q_(plain_magnitude(Decimal(k).scaleb(-2)), unit)
        try:
            return paths.replace(partnership, vary, value)
        except ValidationError as exc:
            raise SolveError(f"{vary} = {_value_text(k, whole, unit)}: {exc.errors()[0]['msg']}") from None

    def gap(k: int) -> Fraction:
        nonlocal count
        if k not in seen:
            count += 1
            if count > _MAX_EVALUATIONS:
                raise SolveError(f"no answer within {_MAX_EVALUATIONS} evaluations")
            seen[k] = Fraction(result_value(evaluate(variant(k)), result)) - goal_exact
        return seen[k]

    a = lo_k if lo_k is not None else 0
    try:
        g_a = gap(a)
    except SolveError:
        if lo_k is not None or whole:
            raise
        # e.g. coverage has no value at a cost of zero, nor while a small post's cost rounds
        # to zero øre: start at the first of 0.01, 0.1, 1, … where the result has a value
        for a in (10**e for e in range(9)):
            try:
                g_a = gap(a)
                break
            except SolveError:
                if a == 10**8:
                    raise
    if g_a == 0:
        return _solution(vary, a, whole, unit, result, goal, g_a, count, variant, notes=notes)
    rising = g_a < 0  # below the target at the low end: look for where it rises to it

    def reached(g: Fraction) -> bool:
        return g >= 0 if rising else g <= 0

    b, g_b = _bracket(gap, a, g_a, reached, current, step, hi_k, result, goal_exact)
    # invariant: not reached at a, reached at b; narrow to neighbouring grid values
    linear = True
    while b - a > 1:
        if linear:
            # where a straight line through the ends crosses: exact in one step if the result is linear
            m = a + math.floor((b - a) * (-g_a) / (g_b - g_a))
            m = min(max(m, a + 1), b - 1)
        else:
            m = (a + b) // 2
        before = b - a
        g_m = gap(m)
        if reached(g_m):
            b, g_b = m, g_m
        else:
            a, g_a = m, g_m
        linear = (b - a) * 2 < before or b - a <= 2
    k, g = b, g_b
    if not rising:
        # the largest value still at or above the target: the one before b, unless b lands
        # on it exactly; then to the end of that run of exact landings (a result in øre
        # steps can meet it over several neighbouring values), or b itself where the result
        # stays on the target for good (a shortfall of zero)
        k, g = (a, g_a) if g_b != 0 else (_last_landing(gap, b, hi_k, step), Fraction(0))
    return _solution(
        vary, k, whole, unit, result, goal, g, count, variant, "whole numbers" if whole else None, notes=notes
    )


def _last_landing(gap: Callable[[int], Fraction], b: int, hi_k: int | None, step: Fraction) -> int:
    """The last grid value of a run of exact landings that starts at ``b`` (a falling result).

    Probes ahead in doubling steps for a value below the target, then narrows; a run that
    does not end within the range (or the largest input handled) means the result stays on
    the target, and ``b``, where it first gets there, is the answer.
    """
    limit = hi_k if hi_k is not None else math.floor(_MAX_INPUT / step)
    last, d = b, 1
    while True:
        probe = min(b + d, limit)
        if probe <= last:
            return b
        try:
            g = gap(probe)
        except (LedgerError, SolveError):  # beyond what the ledger or the input takes: the run goes on
            return b
        if g < 0:
            break
        last, d = probe, d * 2
    lo, hi = last, probe  # gap(lo) == 0 > gap(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if gap(mid) < 0:
            hi = mid
        else:
            lo = mid
    return lo


def _value_text(k: int, whole: bool, unit: str) -> str:
    return str(k) if whole else f"{Decimal(k).scaleb(-2)} {unit}"


def _bracket(
    gap: Callable[[int], Fraction],
    a: int,
    g_a: Fraction,
    reached: Callable[[Fraction], bool],
    current: Any,
    step: Fraction,
    hi_k: int | None,
    result: str,
    goal: Fraction,
) -> tuple[int, Fraction]:
    """An upper end where the target is reached (or the given ``high``)."""

    def nothing(b: int, g_b: Fraction) -> SolveError:
        if g_b == g_a:
            return SolveError(
                f"{result} is {readable(g_a + goal, result)} for every value between {_plain(a * step)} and "
                f"{_plain(b * step)}: it does not depend on this input here, so no value of it can be solved for"
            )
        return SolveError(
            f"no value between {_plain(a * step)} and {_plain(b * step)} reaches the target: "
            f"{result} is {readable(g_a + goal, result)} at the low end and {readable(g_b + goal, result)} "
            "at the high end"
        )

    if hi_k is not None:
        g_b = gap(hi_k)
        if not reached(g_b):
            raise nothing(hi_k, g_b)
        return hi_k, g_b
    start = Fraction(current.magnitude if not isinstance(current, int) else current)
    b = max(math.ceil(start * 2 / step), a + math.ceil(1 / step))
    last, g_last = a, g_a
    limit = math.floor(_MAX_INPUT / step)
    while True:
        try:
            g_b = gap(b)
        except LedgerError:  # amounts beyond what the ledger handles: the range ends before
            raise nothing(last, g_last) from None
        if reached(g_b):
            return b, g_b
        last, g_last = b, g_b
        if b >= limit:
            raise nothing(b, g_b)
        b = min(b * 4, limit)


def _plain(x: Fraction) -> str:
    return f"{round_half_up(x, 2).normalize():f}"


def _solution(
    vary: str,
    k: int,
    whole: bool,
    unit: str,
    result: str,
    goal: Decimal,
    g: Fraction,
    count: int,
    variant: Callable[[int], Partnership],
    method: Literal["grid", "whole numbers"] | None = None,
    *,
    notes: tuple[str, ...] = (),
) -> Solution:
    achieved = goal + Decimal(g.numerator) / Decimal(g.denominator)
    value: pint.Quantity[Any] | int = k if whole else Q_(plain_magnitude(Decimal(k).scaleb(-2)), unit)
    return Solution(vary, value, result, goal, achieved, method or "grid", count, variant(k), notes)
