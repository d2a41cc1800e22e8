"""Solve for an input: the value at which a chosen result reaches a target.

For example the course price at which support staff are fully covered
(``solve(p, "courses.price", "coverage", 1)``), the helper price at which a
labour-shortage deal breaks even for the company, or the number of participants at which
the municipality's net effect turns positive. Where the result is linear in the input
(most money results are) the answer is found exactly by interpolation; otherwise by
bisection inside a bracket; and when no value in range works the answer says so.
"""

from __future__ import annotations

import copy
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Literal

from pydantic import ValidationError

from socialpartner._internal.units import check_decimal, split_quantity
from socialpartner.errors import QuantityError, SocialPartnerError
from socialpartner.evaluation import Evaluation, evaluate
from socialpartner.models._base import Partnership
from socialpartner.money import round_half_up

__all__ = ["Solution", "SolveError", "result_value", "solve"]

_MAX_INPUT = Fraction(10**12)
_MAX_EVALUATIONS = 400


class SolveError(SocialPartnerError):
    """No value of the input in range makes the result reach the target, or the request is malformed."""


@dataclass(frozen=True, slots=True)
class Solution:
    """A solved input.

    Attributes:
        path: the input varied, e.g. ``courses.price``.
        value: the input's new value as written in a scenario (``"12033.333333 DKK / month"``,
            or a whole number for headcounts).
        result: the result aimed at, e.g. ``coverage``.
        target: the target value.
        achieved: the result with the solved input.
        method: ``linear`` (exact interpolation), ``bisection`` or ``whole numbers``.
        evaluations: how many evaluations it took.
        partnership: the scenario with the solved value.

    """

    path: str
    value: str | int
    result: str
    target: Decimal
    achieved: Decimal
    method: Literal["linear", "bisection", "whole numbers"]
    evaluations: int
    partnership: Partnership

    def __str__(self) -> str:
        return (
            f"{self.path} = {self.value} gives {self.result} = {self.achieved} "
            f"(target {self.target}; {self.method}, {self.evaluations} evaluations)"
        )


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


def _leaf(data: Any, path: str) -> tuple[Any, str | int]:
    target = data
    keys = path.split(".")
    try:
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        last: str | int = int(keys[-1]) if isinstance(target, list) else keys[-1]
        target[last]
    except (KeyError, IndexError, ValueError, TypeError):
        raise SolveError(f"no input {path!r} in this scenario") from None
    return target, last


def _split_number(value: Any, path: str) -> tuple[Fraction, str, bool]:
    """The input's magnitude, unit text, and whether it is a whole-number input."""
    if isinstance(value, bool):
        raise SolveError(f"{path} is not numeric")
    if isinstance(value, int):
        return Fraction(value), "", True
    if isinstance(value, str):
        try:
            number, unit = split_quantity(value, what="a number with a unit")
        except QuantityError:
            pass  # not a quantity: reported below
        else:
            return Fraction(number), unit, False
    raise SolveError(f"{path} is not a numeric input (got {value!r})")


def _option_number(value: Any, name: str) -> Decimal:
    """A target or bound as a checked Decimal: finite, below 10¹⁵, at most 15 digits.

    Accepts numbers (numpy's too) and plain numeric text in the input's own unit.
    """
    text = repr(value.strip() if isinstance(value, str) else value)[:40]
    try:
        if isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal, str)):
            raise ValueError
        if isinstance(value, str):
            number = Decimal(value.strip())
        elif isinstance(value, (Decimal, numbers.Integral)):
            number = Decimal(value) if isinstance(value, Decimal) else Decimal(int(value))
        else:  # floats, numpy floats: the shortest decimal that reads back to the same float
            number = Decimal(repr(float(value)))
    except (InvalidOperation, ValueError, TypeError):
        raise SolveError(f"{name} must be a plain number in the input's own unit, got {text}") from None
    try:
        return check_decimal(number, text=text, what=name)
    except QuantityError as exc:
        raise SolveError(f"{name}: {exc.reason}, got {text}") from None


def _text(x: Fraction, unit: str) -> str:
    """The shortest decimal text of ``x`` with at most 15 significant digits."""
    for places in range(0, 16):
        d = round_half_up(x, places)
        if Fraction(d) == x or len(d.normalize().as_tuple().digits) >= 15:
            break
    text = format(d.normalize(), "f")
    return f"{text} {unit}".strip()


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

    The input keeps its unit; ``low`` and ``high`` bound the search in that unit
    (default: 0 up to wherever the result crosses the target). Money results are met to
    the øre, ratios (coverage) to the øre of the amounts behind them.

    >>> import socialpartner as sp
    >>> str(sp.solve(sp.load(sp.example_path()), "courses.price", "coverage", 1).value)
    '12033.3333 DKK / month'

    Raises:
        SolveError: an unknown input or result, a target or bound that is not a finite
            number below 10¹⁵ (or ``low`` above ``high``), or no value in range reaches
            the target; the message gives the result's values at the ends of the range.

    """
    data = partnership.model_dump(mode="json", exclude_none=True)
    parent, last = _leaf(data, vary)
    current, unit, whole = _split_number(parent[last], vary)
    cls = type(partnership)
    # every number is checked before Fraction sees it: Fraction(Decimal("1e999999999")) never ends
    goal = _option_number(target, "target")
    low = None if low is None else _option_number(low, "low")
    high = None if high is None else _option_number(high, "high")
    if low is not None and high is not None and low > high:
        raise SolveError(f"low ({low}) must not be above high ({high})")
    count = 0

    def variant(x: Fraction) -> Partnership:
        changed = copy.deepcopy(data)
        p, k = _leaf(changed, vary)
        p[k] = int(x) if whole else _text(x, unit)
        return cls.model_validate(changed)

    def gap(x: Fraction) -> Fraction:
        nonlocal count
        count += 1
        if count > _MAX_EVALUATIONS:
            raise SolveError(f"no convergence within {_MAX_EVALUATIONS} evaluations")
        try:
            ev = evaluate(variant(x))
        except ValidationError as exc:
            raise SolveError(f"{vary} = {x}: {exc.errors()[0]['msg']}") from None
        return Fraction(result_value(ev, result)) - Fraction(goal)

    tolerance = _tolerance(partnership, result)
    lo = Fraction(Decimal(str(low))) if low is not None else Fraction(0)
    try:
        g_lo = gap(lo)
    except SolveError:
        if low is not None or whole:
            raise
        lo = Fraction(1, 100)  # e.g. coverage has no value at a cost of zero: start one øre up
        g_lo = gap(lo)
    hi, g_hi = _bracket(gap, lo, g_lo, current, high)
    if g_lo == 0:
        return _solution(vary, lo, whole, unit, result, goal, g_lo, "linear", count, variant)
    if whole:
        return _whole(vary, lo, g_lo, hi, g_hi, result, goal, gap, variant, lambda: count)
    # linear? then interpolate exactly and write the answer with as few decimals as meet the tolerance
    mid = (lo + hi) / 2
    g_mid = gap(mid)
    if abs(g_mid - (g_lo + g_hi) / 2) <= tolerance:
        exact = lo + (hi - lo) * (-g_lo) / (g_hi - g_lo)
        near: tuple[Fraction, Fraction] | None = None
        for places in range(0, 15):
            # the fewest decimals that reach the target (at or above it) to within the tolerance
            for x in sorted({Fraction(round_half_up(exact, places)), _up(exact, places), _down(exact, places)}):
                g = gap(x)
                if 0 <= g <= tolerance:
                    return _solution(vary, x, whole, unit, result, goal, g, "linear", count, variant)
                if near is None and abs(g) <= tolerance:
                    near = (x, g)
        if near is not None:
            return _solution(vary, near[0], whole, unit, result, goal, near[1], "linear", count, variant)
    # bisection keeping the sign change inside [lo, hi], on short decimals a scenario can hold
    while True:
        if hi - lo <= max(abs(hi), Fraction(1)) * Fraction(1, 10**13):
            x, g = (lo, g_lo) if abs(g_lo) <= abs(g_hi) else (hi, g_hi)
            if abs(g) <= tolerance:
                return _solution(vary, x, whole, unit, result, goal, g, "bisection", count, variant)
            raise SolveError(
                f"{result} jumps across the target near {vary} = {float(x):g}: "
                f"from {float(g_lo + Fraction(goal)):g} to {float(g_hi + Fraction(goal)):g}"
            )
        middle = (lo + hi) / 2
        mid = middle
        for places in range(0, 16):
            x = Fraction(round_half_up(middle, places))
            if lo < x < hi:
                mid = x
                break
        g_mid = gap(mid)
        if abs(g_mid) <= tolerance:
            return _solution(vary, mid, whole, unit, result, goal, g_mid, "bisection", count, variant)
        if (g_mid < 0) == (g_lo < 0):
            lo, g_lo = mid, g_mid
        else:
            hi, g_hi = mid, g_mid


def _up(x: Fraction, places: int) -> Fraction:
    step = Fraction(1, 10**places)
    return -((-x) // step) * step


def _down(x: Fraction, places: int) -> Fraction:
    step = Fraction(1, 10**places)
    return (x // step) * step


def _tolerance(partnership: Partnership, result: str) -> Fraction:
    """How close counts as reached: one øre, or for a ratio one øre of the amount behind it."""
    if result == "coverage":
        cost = evaluate(partnership).cost_split.cost
        return Fraction(1, 100) / Fraction(cost) if cost else Fraction(1, 10**6)
    if any(s in result for s in ("share", "ratio")):  # ratio figures: a millionth
        return Fraction(1, 10**6)
    return Fraction(1, 100)


def _bracket(
    gap: Callable[[Fraction], Fraction], lo: Fraction, g_lo: Fraction, current: Fraction, high: Any
) -> tuple[Fraction, Fraction]:
    """An upper end where the gap changes sign (or the given ``high``)."""
    if high is not None:
        hi = Fraction(Decimal(str(high)))
        g_hi = gap(hi)
        if g_lo != 0 and (g_hi < 0) == (g_lo < 0) and g_hi != 0:
            raise SolveError(_no_value(lo, hi, g_lo, g_hi))
        return hi, g_hi
    hi = max(current * 2, lo + 1)
    last: tuple[Fraction, Fraction] | None = None
    while True:
        try:
            g_hi = gap(hi)
        except SocialPartnerError:
            if last is None:
                raise
            # larger values give amounts beyond those handled: the search ends at the last one that worked
            raise SolveError(
                _no_value(lo, last[0], g_lo, last[1]) + "; larger values give amounts beyond those handled"
            ) from None
        if g_lo == 0 or g_hi == 0 or (g_hi < 0) != (g_lo < 0):
            return hi, g_hi
        if hi >= _MAX_INPUT:
            raise SolveError(_no_value(lo, hi, g_lo, g_hi))
        last = (hi, g_hi)
        hi = min(hi * 4, _MAX_INPUT)


def _no_value(lo: Fraction, hi: Fraction, g_lo: Fraction, g_hi: Fraction) -> str:
    return (
        f"no value between {float(lo):g} and {float(hi):g} reaches the target: the result minus the target is "
        f"{float(g_lo):,.6g} at the low end and {float(g_hi):,.6g} at the high end"
    )


def _whole(
    vary: str,
    lo: Fraction,
    g_lo: Fraction,
    hi: Fraction,
    g_hi: Fraction,
    result: str,
    goal: Decimal,
    gap: Callable[[Fraction], Fraction],
    variant: Callable[[Fraction], Partnership],
    count: Callable[[], int],
) -> Solution:
    """The smallest whole number at which the result has crossed to the target's side."""
    a, b = int(lo), int(hi) if hi == int(hi) else int(hi) + 1
    g_b = gap(Fraction(b)) if b != hi else g_hi
    while b - a > 1:
        m = (a + b) // 2
        g_m = gap(Fraction(m))
        if g_m == 0 or (g_m < 0) == (g_b < 0):
            b, g_b = m, g_m
        else:
            a = m
    return _solution(vary, Fraction(b), True, "", result, goal, g_b, "whole numbers", count(), variant)


def _solution(
    vary: str,
    x: Fraction,
    whole: bool,
    unit: str,
    result: str,
    goal: Decimal,
    g: Fraction,
    method: Literal["linear", "bisection", "whole numbers"],
    count: int,
    variant: Callable[[Fraction], Partnership],
) -> Solution:
    achieved = goal + Decimal(g.numerator) / Decimal(g.denominator)
    value: str | int = int(x) if whole else _text(x, unit)
    return Solution(vary, value, result, goal, achieved, method, count, variant(x))
