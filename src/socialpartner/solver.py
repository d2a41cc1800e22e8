"""Solve for an input: the value at which a chosen result reaches a target.

For example the course price at which support staff are fully covered
(``solve(p, "courses.price", "coverage", 1)``), the helper price at which a
labour-shortage deal breaks even for the company, or the number of participants at which
the municipality's net effect turns positive. Where the result is linear in the input
(most money results are) the answer is found exactly by interpolation; otherwise by
bisection inside a bracket. A result need not move one way only (the lønloft makes the
municipality's net effect of a fleksjob wage fall and then rise): when the ends of the
range do not bracket the target, the range is scanned for a crossing before the answer
says that no value works. A value the input's own validation refuses ends the range
there; it is never the user's error.
"""

from __future__ import annotations

import contextlib
import difflib
import math
import numbers
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Literal

import numpy as np
import pint
from pydantic import ValidationError

from socialpartner._internal import engine, paths
from socialpartner._internal.arguments import need_evaluation, need_partnership, need_text
from socialpartner._internal.backend import fraction
from socialpartner._internal.engine import stated_rate_index
from socialpartner._internal.horizon import (
    PROGRESSION_WAGES,
    changed_input_note,
    changed_years,
    progression_growth,
    year_inputs,
)
from socialpartner._internal.i18n import Join, Number, Percent, Period, Raw, Text, Value, key_of_danish_label
from socialpartner._internal.units import (
    Q_,
    canonical,
    check_decimal,
    decimal_of_float,
    exact_magnitude,
    format_magnitude,
    in_input_unit,
    plain_magnitude,
    read_number,
    unit_info,
    ureg,
)
from socialpartner.errors import LedgerError, NoValueError, QuantityError, ResultError, SolveError
from socialpartner.evaluation import Evaluation, evaluate, never_below_zero
from socialpartner.models._base import Partnership
from socialpartner.money import as_used, in_context, ratio_decimal, round_half_up
from socialpartner.sweeps import named_result

__all__ = ["Solution", "SolveError", "readable", "result_value", "solve"]

_MAX_INPUT = 10**12
_MAX_EVALUATIONS = 400
_STEP = Fraction(1, 100)  # the grid: 0.01 of the input's unit …
_FRACTION_STEP = Fraction(1, 10_000)  # … but 0.0001 (0.01 %) of a bare fraction: 0.01 of it is a whole point
_ORE_STEP = Fraction(1)  # … and a whole øre of money written in øre: 0.01 øre is no price


def _decimals(step: Fraction) -> int:
    """Decimals of a grid value: 2 for 0.01, 4 for 0.0001, 0 for whole øre (steps are powers of ten)."""
    return len(str(step.denominator)) - 1


_SCAN_EVEN = 12  # a scan's evenly spaced points over the range …
_SCAN_PER_DECADE = 2  # … and its points per decade up from the low end (for wide ranges)
_REFINE = 60  # evaluations spent looking closer where a scanned result turns towards the target
_FEW = 10  # a range of fewer grid values than this is said to be coarse
# the check of the rest of the range after a search: at most this many period-variants
# (every n-th value beyond), in blocks of about _CHECK_CHUNK, then at most _CONFIRM exact
# evaluations of values the float64 backend puts within a tolerance of the target
_CHECK_BUDGET = 100_000
_CHECK_CHUNK = 16_384
_CHECK_MIN_CHUNK = 512
_CONFIRM = 8
_STRETCHES = 4  # stretches meeting the target that a note lists
_PAYBACK = re.compile(r"(?:(?:\d{4}|year \d+)\.)?payback\.")
_PERIOD = re.compile(r"(?P<period>\d{4}|year \d+)\.(?P<name>.+)\Z")  # 2027.coverage, year 2.coverage


class _RefusedError(SolveError):
    """The input's validation refuses the value: it lies outside the input's valid range."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"{text}: {reason}")
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Solution:
    """A solved input.

    Attributes:
        path: the input varied, e.g. ``courses.price``.
        value: the input's new value, a Quantity in the unit the input is written in
            (to 0.01 of that unit, whole øre for money in øre; to 0.0001 of a bare
            fraction, i.e. 0.01 %), or a whole number for headcounts. Its magnitude is a
            float or an int, as the scenario's fields hold them; :attr:`value_decimal` is
            the same number as an exact Decimal.
        result: the result aimed at, e.g. ``coverage`` (or one year's, ``2027.coverage``).
        target: the target value.
        achieved: the result with the solved input.
        method: ``grid`` (0.01 steps of the input's unit, 0.0001 of a bare fraction) or
            ``whole numbers``.
        evaluations: how many evaluations it took.
        partnership: the scenario with the solved value.
        notes: what the reader should know about the answer, e.g. that a horizon
            change sets the input in later years, so the value found counts only in
            the years before, that the result is not monotone in the input and
            crosses the target again (the value found is at the first crossing),
            that the result is reported rounded and the value meets the reported figure,
            or, for a money input a horizon grows, that the value is in the first year's
            prices and what it grows to in the target's year.

    A result the library reports rounded is solved as reported: ``fte`` is rounded to
    0.01 from the jobs' total paid hours, so the value found gives the target as
    reported while the unrounded figure may lie up to 0.005 below it (3 workers at
    18.44 hours a week give 55.32 / 37 = 1.4951 FTE, reported 1.50; 18.50 hours give
    1.5000 exactly). The note says so; so it does for a model's count of people, FTE or
    hours reported to 0.01 (the supplier's ``csr_inclusive_jobs``).

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
    def value_decimal(self) -> Decimal:
        """The value's number as an exact Decimal on the grid (``Decimal('12033.34')``; a headcount whole).

        :attr:`value` holds it as the scenario's fields do (a float or an int), so that it
        mixes with floats; this one mixes with Decimals (``s.value_decimal - sp.ORE``).
        """
        if isinstance(self.value, int):
            return Decimal(self.value)
        magnitude = self.value.magnitude
        # the shortest text of the float is the grid value it was made from (12033.34, not 12033.3399…)
        return Decimal(magnitude) if isinstance(magnitude, int) else Decimal(repr(float(magnitude)))

    @property
    def value_text(self) -> str:
        """The value as written in a scenario, e.g. ``12033.34 DKK / month``, ``0.0155`` (a bare fraction)."""
        if isinstance(self.value, int):
            return str(self.value)
        if str(self.value.units) == "dimensionless":  # a bare fraction is written bare: 0.0155
            return format_magnitude(self.value.magnitude)
        return f"{format_magnitude(self.value.magnitude)} {self.value.units}"

    @property
    def achieved_text(self) -> str:
        """The result achieved at a readable precision (øre, or 4 decimals for a ratio).

        More decimals when those would show the target for a value beside it: a coverage
        of 1.0000005 against a target of 1 is ``1.000001``.
        """
        return readable(Fraction(self.achieved), self.result, self.target)

    def __str__(self) -> str:
        notes = "".join(f"; note: {note}" for note in self.notes)
        return (
            f"{self.path} = {self.value_text} gives {self.result} = {self.achieved_text} "
            f"(target {self.target}; {self.method}, {_count(self.evaluations, 'evaluation')}){notes}"
        )


@in_context
def result_value(ev: Evaluation, name: str) -> Decimal:
    """A named result of an evaluation, as a Decimal.

    Names: ``coverage``, ``surplus``, ``shortfall``, ``cost``, ``funding``, ``net.PARTY``
    (a ledger party's net, e.g. ``net.municipality``), ``public.PAYER`` (the public net
    effect of ``municipality`` or ``state``), or a figure's key (e.g. ``company_net_gain``,
    ``npv.company``). Over several years (a horizon's, or a spin-off's), ``YEAR.NAME`` is
    one year's result, as in ``expect:`` blocks and sweep columns: ``2027.coverage``,
    ``2027.net.social_enterprise`` (``year 2.coverage`` for a horizon without a start year).

    Raises:
        ResultError: an unknown name or year (a KeyError and a SolveError).
        NoValueError: a result that has no value here, which ``Evaluation.results()`` gives as None
            (a ResultError too).

    """
    need_evaluation(ev)
    need_text(name, "name", "a result's name, e.g. 'coverage' or '2027.coverage',")
    match = _PERIOD.match(name)
    if match is not None:
        years = [part.ledger.period for part in ev.breakdown]
        if match["period"] not in years:
            have = f"its years: {', '.join(years)}" if years else "it has no horizon: or years"
            raise ResultError(name, f"{name}: no year {match['period']!r} in this scenario ({have})")
        return _named(ev.breakdown[years.index(match["period"])], match["name"], name)
    return _named(ev, name, name)


def _nearest(ev: Evaluation, key: str, values: Mapping[str, Decimal | None]) -> str:
    """What an unknown result name may have meant: a year's result over several years, or the nearest name.

    ``company_saving`` over a horizon is each year's (``2026.company_saving``), summed as
    ``total.company_saving``; ``coverge`` is ``coverage``.
    """
    if ev.breakdown and key in ev.breakdown[0].results():
        over = [f"{prefix}.{key}" for prefix in ("total", "npv") if f"{prefix}.{key}" in values]
        then = f"; over the years: {' or '.join(over)}" if over else ""
        return f"; over several years it is each year's: {ev.breakdown[0].ledger.period}.{key}{then}"
    danish = key_of_danish_label(key, values)
    if danish is not None:  # the Danish output's word for it (review 62 M6)
        return f"; did you mean {danish!r} ({key} in the Danish output)"
    close = difflib.get_close_matches(key, list(values), n=1)
    return f"; did you mean {close[0]!r}" if close else ""


def _named(ev: Evaluation, key: str, name: str) -> Decimal:
    """Result ``key`` of one evaluation (``name`` as the user wrote it, for messages)."""
    values = ev.results()
    key = key.removeprefix("figure.")
    if key not in values:
        if key.startswith("public."):
            raise ResultError(name, f"{name}: the scenario has no public: block (or no such payer)")
        known = ", ".join(k for k in values if not k.startswith(("net.", "break_even.")))
        years = f", YEAR.RESULT (e.g. {ev.breakdown[-1].ledger.period}.coverage)" if ev.breakdown else ""
        raise ResultError(
            name,
            f"unknown result {name!r}{_nearest(ev, key, values)}; results: {known}, net.PARTY, break_even.INPUT{years}",
        )
    value = values[key]
    if value is None:
        if key.startswith("payback.") and key.removeprefix("payback.") in never_below_zero(ev):
            why = "its discounted running sum never goes below zero: no payback is needed"
        elif key.startswith("payback."):
            why = "its discounted running sum is not back at or above zero within the years evaluated"
        elif key == "coverage":
            why = "there is no support-staff cost to cover"
        else:
            why = "the scenario gives it none"
        raise NoValueError(name, f"{name} has no value here: {why}")
    return value


def _grid(current: Any, path: str) -> tuple[Fraction, str, bool]:
    """The grid the input moves on: (step in its unit, the unit, whole numbers?).

    0.01 of the input's unit (0.01 DKK/month, 0.01 %), or 0.0001 of a bare fraction
    (``wage_growth: 0.02``), the same 0.01 % as for one written as a percentage. Money
    written in øre moves in whole øre (1 øre/month), the øre of a price in DKK: a price is
    never solved to a fraction of an øre, whichever unit it is written in.
    """
    if isinstance(current, bool) or current is None:
        raise SolveError(f"{path} is not a numeric input (got {current!r})", path=path)
    if isinstance(current, int):
        return Fraction(1), "", True
    if isinstance(current, pint.Quantity):
        unit = str(current.units)
        if unit == "dimensionless":
            return _FRACTION_STEP, unit, False
        in_ore = any(name == "øre" and power == 1 for name, power in current.unit_items())
        return (_ORE_STEP if in_ore else _STEP), unit, False
    raise SolveError(f"{path} is not a numeric input (got {current!r})", path=path)


def _grid_words(step: Fraction, unit: str, whole: bool) -> str:
    """The grid in words: ``steps of 0.01 DKK / month``, ``whole numbers``, ``steps of 0.0001 (0.01 %)``."""
    if whole:
        return "whole numbers, for a headcount"
    if unit == "dimensionless":
        return f"steps of {_plain(step, 4)} (0.01 %)"
    return f"steps of {_plain(step, _decimals(step))} {unit}"


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
        how = ""
        if name in ("low", "high", "--min", "--max"):  # '1 %', '12000 DKK/month': the unit is the input's own
            how = (
                "; give a bare number in the unit the input is written in "
                "(1 for 1 % where the file writes a percentage, 0.01 where it writes a bare fraction)"
            )
        raise SolveError(f"{name}: {reason}, got {value!r}{how}") from None


def _bound(number: Decimal | None, name: str, step: Fraction) -> int | None:
    """A bound in the input's unit (checked by :func:`_bound_number`), as grid steps (rounded inwards)."""
    if number is None:
        return None
    return math.floor(Fraction(number) / step) if name == "high" else math.ceil(Fraction(number) / step)


def _bound_number(value: Any, name: str, *, signed: bool = False) -> Decimal:
    """A low or high end of the range as a checked Decimal: a number up to 10¹², from 0 up unless ``signed``.

    ``name`` is how the caller wrote the option (``low``, ``--min``); a refused value is
    shown as written (``-10``), not as Python writes a Decimal. ``signed``: the input may
    be negative (a growth rate), so may the bound.
    """
    number = _option_number(value, name)
    shown = value.strip() if isinstance(value, str) else str(value)
    if abs(number) > _MAX_INPUT:
        raise SolveError(f"{name} must be a number up to {_MAX_INPUT:,}, got {shown}")
    if number < 0 and not signed:
        raise SolveError(f"{name} must not be negative, got {shown}")
    return number


def _unit_of(partnership: Partnership, vary: str) -> tuple[str, bool]:
    """The unit ``vary`` is written in, and whether it is a headcount (the solver's grid)."""
    _, unit, whole = _grid(paths.variable(partnership, vary, SolveError, "solved for"), vary)
    return unit, whole


def input_unit(partnership: Partnership, vary: str) -> str:
    """The unit a bound of ``vary`` is read in, as a message shows it after a number (`` DKK / month``, `` percent``).

    Empty for a headcount or a bare fraction (their numbers carry none).
    """
    unit, whole = _unit_of(partnership, vary)
    return "" if whole or unit == "dimensionless" else f" {unit}"


def bound_in_unit(partnership: Partnership, vary: str, value: Any, name: str) -> Decimal:
    """A low or high end given with a unit, as the checked bare number :func:`solve` searches in.

    The same reading as :func:`solve`'s ``low``/``high`` (for the command line's
    ``--min``/``--max`` with a unit, once the file says the input's unit); ``name``
    is how the caller wrote the option.
    """
    unit, whole = _unit_of(partnership, vary)
    return _bound_in(value, unit, whole, name, _signed(partnership, vary))


def _bound_in(value: Any, unit: str, whole: bool, name: str, signed: bool) -> Decimal:
    """A bound, bare or with a unit, as the checked Decimal in the input's ``unit``."""
    return _bound_number(in_input_unit(value, unit, whole, name, SolveError), name, signed=signed)


def _signed(partnership: Partnership, vary: str) -> bool:
    """Whether input ``vary`` may be negative (a growth rate: a wage cut, deflation)."""
    from socialpartner.sweeps import field_type

    field = field_type(partnership, vary)
    return field is not None and field.minimum in {"any", "growth"}


def _lowest(current: Any, step: Fraction, signed: bool) -> int:
    """The default low end of the search: 0, or for a signed input −100 % in its unit.

    A growth must lie above −100 %: the search starts there and moves up to the first
    value the input takes.
    """
    if not signed or not isinstance(current, pint.Quantity):
        return 0
    return math.floor(Fraction(-1) / unit_info(current).factor / step)


# a coverage target above this (1000 %) is a percentage written as a ratio
_COVERAGE_MAX = 10


PERCENT_TEXT = re.compile(r"\s*(?P<number>.*?\d.*?)\s*(?:%|procent|percent|pct\.?)\s*", re.IGNORECASE)
"""A number written as a percentage (``100 %``, ``92,5 procent``): a coverage target, as the command line takes it."""


def _target_number(target: Any) -> tuple[Decimal, bool]:
    """The target as a checked Decimal in the result's unit, and whether it was a percentage (``"100 %"``).

    A percentage is for a ratio (:func:`ratio_result`): the caller checks that once the
    result is known.
    """
    percent = PERCENT_TEXT.fullmatch(target) if isinstance(target, str) else None
    if isinstance(target, pint.Quantity) and target._REGISTRY is not ureg:
        raise SolveError("target: a quantity from another unit registry; use socialpartner.Q_")
    if isinstance(target, pint.Quantity) and target.dimensionless:
        return _option_number(target.to("dimensionless").magnitude, "target"), True
    if percent is not None:
        return _option_number(percent["number"], "target") / 100, True
    return _option_number(target, "target"), False


def _target_in_result_unit(ev: Evaluation, result: str, target: pint.Quantity[Any]) -> Any:
    """A target given with a unit (``Q_(0, "DKK")``, ``Q_(50000, "øre")``) as a number in the result's unit."""
    from socialpartner.testing import result_unit

    if target._REGISTRY is not ureg:
        return target  # refused by _target_number, as every target quantity of another registry is
    with contextlib.suppress(NoValueError):
        result_value(ev, result)  # an unknown result is named as such, not as a unit mismatch
    unit = result_unit(ev, result)
    try:
        return target.to(unit or "dimensionless").magnitude
    except pint.DimensionalityError:
        raise SolveError(
            f"target: {result} is {'an amount in ' + unit if unit else 'a number without a unit'}, got {target}"
        ) from None


def percent_for_ratio(ev: Evaluation, result: str) -> None:
    """Refuse a percentage target for a result that is no ratio (money, counts, FTE)."""
    if not ratio_result(ev, result):
        raise SolveError(
            f"target: a percentage is for a ratio (a coverage, a share such as a parent share); "
            f"give {result}'s target as a plain number"
        )


def _option_number(value: Any, name: str) -> Decimal:
    """A target or bound as a checked Decimal: finite, below 10¹⁵, at most 15 digits.

    Accepts numbers (numpy's too) and numeric text in the input's own unit, read by the
    library's number rules.
    """
    text = repr(value.strip() if isinstance(value, str) else value)[:40]
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal, str)):
        unit = (
            "the result's unit (a ratio for coverage: 1 for 100 %; DKK for an amount)"
            if name == "target"
            else "the input's own unit"
        )
        raise SolveError(f"{name} must be a plain number in {unit}, got {text}")
    if isinstance(value, numbers.Integral):  # int, numpy integers (str() of a huge int fails)
        value = Decimal(int(value))
    elif isinstance(value, (float, np.floating)):  # the decimal it stands for, as an input's float is read
        value = decimal_of_float(value)
    elif not isinstance(value, (Decimal, str)):  # another real type: through float
        value = decimal_of_float(float(value))
    number = _number(value, name)
    try:
        return check_decimal(number, text=text, what=name)
    except QuantityError as exc:
        raise SolveError(f"{name}: {exc.reason}, got {text}") from None


def readable(value: Fraction, result: str, target: Fraction | Decimal | int | None = None) -> str:
    """A result at a readable precision: 4 decimals for a ratio, øre for money.

    With a ``target``, a value that is not the target is never shown as the target nor
    on its other side: decimals are added until the shown value lies on the same side of
    the target as the value, each time rounded half up (a coverage of 1.0000005 against
    a target of 1 is ``1.000001``, not ``1.0000``, which reads as the target met exactly).

    >>> from fractions import Fraction
    >>> readable(Fraction(10000005, 10000000), "coverage"), readable(Fraction(10000005, 10000000), "coverage", 1)
    ('1.0000', '1.000001')
    >>> readable(Fraction(99999996, 100000000), "coverage", 1), readable(Fraction(1), "coverage", 1)
    ('0.99999996', '1.0000')
    """
    match = _PERIOD.match(result)
    base = result if match is None else match["name"]  # 2027.coverage is a ratio too
    ratio = base == "coverage" or any(w in base for w in ("share", "ratio"))
    places = 4 if ratio else 2
    shown = round_half_up(value, places)
    if target is not None:
        goal = Fraction(target)
        side = (value > goal) - (value < goal)
        # terminates: a value other than the target differs from it at some decimal
        while ((shown > goal) - (shown < goal)) != side:
            places += 1
            shown = round_half_up(value, places)
    return f"{shown}" if ratio else f"{shown:,}"


@in_context
def solve(
    partnership: Partnership,
    vary: str,
    result: str,
    target: Decimal | float | str | pint.Quantity[Any],
    *,
    low: Decimal | float | str | pint.Quantity[Any] | None = None,
    high: Decimal | float | str | pint.Quantity[Any] | None = None,
) -> Solution:
    """Find the value of input ``vary`` at which ``result`` reaches ``target``.

    Results move in øre steps, so the input moves on a grid: 0.01 in the unit it is
    written in, 0.0001 for a share or growth written as a bare fraction (0.01 %, as for
    one written as a percentage), whole numbers for headcounts. The answer is the grid value that meets
    the target: the smallest value at which the result is at or above the target when
    the result rises with the input; when it falls, the first value at which it is at
    or below the target if it lands on it exactly (a shortfall reaching zero), else the
    largest value at which it is still at or above it. ``low`` and ``high`` bound the
    search, bare numbers in the unit the input is written in (``low=1`` is 1 % for
    ``wage_growth: 2 %``, ``low=0.01`` is 1 % for ``wage_growth: 0.02``), or quantities
    converted to it (``low="108000 DKK/year"`` for a price per month is 9000; default: 0 up to
    wherever the result crosses, or for a growth, which may be negative, from just above
    −100 %, and a negative ``low`` is taken for it); a range that holds two to nine grid values (not of a
    headcount) gets a note saying so. A result reported rounded (``fte``, to 0.01) is met as reported.
    ``result`` may be one year's result over several years (``2027.coverage``). ``target``
    is in the result's unit: a ratio for a coverage (1, or a percentage: ``"100 %"``,
    ``Q_(100, "%")``), DKK for an amount (a number, or a quantity converted to DKK:
    ``Q_(0, "DKK")``, ``Q_(50000, "øre")``).

    >>> import socialpartner as sp
    >>> sp.solve(sp.load(sp.example_path()), "courses.price", "coverage", 1).value
    <Quantity(12033.34, 'DKK / month')>

    A result that rises and then falls (or the reverse) may miss the target at both ends
    of the range and still reach it between them: the range is then scanned (evenly, and
    in steps growing tenfold every two points up from the low end). A result that jumps
    (a public purse with the satsreguleringsprocent's 0.1-point steps) may cross the
    target before the crossing a search narrows to: the values from the low end up to it
    are evaluated at once on the float64 backend (one in *n* beyond 100,000 values times
    periods), and any that come near the target exactly. Either way the answer is at the
    first crossing from the low end; :attr:`Solution.notes` says the result is not
    monotone and where it crosses the target again. Values the input's validation
    refuses (a share above 100 %, more hours a week than a week has) end the range: the
    search keeps to the values the input takes.

    With a horizon whose ``changes`` set ``vary`` from some year on, the value found
    counts only in the years before; :attr:`Solution.notes` says so. A money input the
    horizon grows (``wage_growth``, ``price_growth``) is found as the scenario states it,
    in the first year's prices; for a later year's result the notes give it grown to that
    year (``courses.price as the scenario states it (2026 prices); grown by 2.00 % a year
    to 11980.82 DKK / month in 2028``), the price level of that year's break-even.

    Raises:
        SolveError: an unknown input or result, a target or bound that is not a finite
            number below 10¹⁵ (or ``low`` above ``high``, or a range that holds no grid
            value), an input a horizon change sets
            in every year, or no value in range reaches the target; the message gives
            the result's values at the ends of the range and the value nearest the
            target of those tried (or says that the result was the same at every one).

    """
    need_partnership(partnership, error=SolveError)
    need_text(vary, "vary", "an input's scenario path, e.g. 'courses.price',")
    need_text(result, "result", "a result's name, e.g. 'coverage' or '2027.net.social_enterprise',")
    current = paths.variable(partnership, vary, SolveError, "solved for")
    changed = changed_input_note(partnership, vary)
    if changed is not None and changed.key == "msg.changed_input_all":
        raise SolveError(f"{changed}; {_CHANGE_OUT.format(path=vary)}")
    notes: tuple[str, ...] = () if changed is None else (changed,)
    step, unit, whole = _grid(current, vary)
    # every number is checked by its exponent first: abs(Decimal("1e999999999")) overflows and
    # Fraction(Decimal("1e999999999")) never ends
    baseline = None  # the scenario as given: evaluated once, here for a target's unit or below
    if isinstance(target, pint.Quantity) and not target.dimensionless:
        baseline = evaluate(partnership)
        target = _target_in_result_unit(baseline, result, target)  # Q_(0, "DKK") for an amount: 0
    target, percent = _target_number(target)
    if result.rpartition(".")[2] == "coverage" and target > _COVERAGE_MAX:
        # coverage=100 meant as 100 % solved for 10,000 %: a price a hundred times too high
        raise SolveError(
            f"target: a coverage of {target} would be {target * 100:,} % (a coverage is a ratio: 1 is 100 %); "
            f"give {target / 100:f} or '{target:f} %' if {target:f} % is meant"
        )
    signed = _signed(partnership, vary)
    low = None if low is None else _bound_in(low, unit, whole, "low", signed)
    high = None if high is None else _bound_in(high, unit, whole, "high", signed)
    goal = target  # checked above: finite, below 10¹⁵, at most 15 digits
    lo_k, hi_k = _bound(low, "low", step), _bound(high, "high", step)
    if lo_k is not None and hi_k is not None and hi_k < lo_k:
        if low is not None and high is not None and low <= high:  # a range between two grid values
            raise SolveError(
                f"no value on the solver's grid ({_grid_words(step, unit, whole)}) lies between "
                f"low ({low}) and high ({high}): give a wider range",
                path=vary,
            )
        raise SolveError(f"low ({low}) must not exceed high ({high})", path=vary)
    if lo_k is not None and hi_k is not None and not whole and 1 < hi_k - lo_k + 1 < _FEW:
        # a range of a few grid values (--min 0.01 --max 0.03 for an input in percent): the
        # answer is one of them, and where the result crosses between them is not seen
        step_text = f"{_plain(step, _decimals(step))} {unit}"
        notes += (Text("msg.coarse_range", count=Raw(str(hi_k - lo_k + 1)), step=Value(step_text)),)
    # an unknown result is the user's error at once, not after a search; one with no value
    # today (coverage with no cost) is searched for where it has one
    ev = baseline if baseline is not None else evaluate(partnership)
    with contextlib.suppress(NoValueError):
        result_value(ev, result)
    if percent:  # known to be a result by now: a percentage is for a ratio
        percent_for_ratio(ev, result)
    share = result.rpartition(".")[2] != "coverage" and ratio_result(ev, result)
    if share and not 0 <= target <= 1:  # a share lies from 0 to 1 (100 %)
        if percent or target < 0:
            shown = f"{(target * 100).normalize():f} %" if percent else f"{target.normalize():f}"
            raise SolveError(f"target: {result} is a share, from 0 to 100 %: got {shown}")
        # parent_share=60 meant 60 %
        raise SolveError(
            f"target: {result} is a share, at most 1: give {target / 100:f} or '{target:f} %' if {target:f} % is meant"
        )
    s = _Search(partnership, vary, result, Fraction(goal), whole, unit, step)
    s.signed = signed
    s.baseline = ev  # which results are ratios: the same at every value of the input
    # the scenario's own value, exactly (a float 0.8 is 0.8, not 0.8000000000000000444)
    here = Fraction(current if isinstance(current, int) else str(current.magnitude))
    top = hi_k if hi_k is not None else math.floor(_MAX_INPUT / step)
    limits: list[str] = []  # where the input's validation narrowed the range, and why
    try:
        a, g_a = _start(s, lo_k if lo_k is not None else _lowest(current, step, signed), top, here, limits)
    except NoValueError as exc:  # at none of the values tried: the user's SolveError, said plainly
        raise SolveError(f"{exc}, at any value of {vary} tried", path=vary) from None
    if g_a == 0:
        return _solution(s, a, goal, g_a, notes=notes)
    rising = g_a < 0  # below the target at the low end: look for where it rises to it
    b, g_b = _far_end(s, a, rising, hi_k, top, here, limits)
    start, end = a, b  # the range searched
    turns: Text | None = None
    if g_b is None or not _reached(g_b, rising):
        edge = _at_an_end(s, a, g_a, b, g_b, lo_k, hi_k)
        if edge is not None and edge[0] == a:  # the result rises through the target at the low end given
            return _solution(s, edge[0], goal, edge[1], "whole numbers" if whole else None, notes=notes)
        # the ends do not bracket the target; a result that turns may still cross it between them, and
        # where the float64 backend sees it change sides, that is the first crossing from the low end (a
        # dip 0.01 wide that a scan of evenly spaced values passes over: no answer, or one past it)
        change = None if g_b is None else _first_change(s, a, b, meets=g_a >= 0)
        if change is not None:
            a, b = change
            g_a, g_b = s.gap(a), s.gap(b)
        elif edge is not None:
            return _solution(s, edge[0], goal, edge[1], "whole numbers" if whole else None, notes=notes)
        else:
            a, g_a, b, g_b, turns = _scan(s, a, b, limits)
        rising = g_a < 0
    a, g_a, b, g_b = _narrow(s, a, g_a, b, g_b, rising)
    # narrowing finds a crossing; a result that does not move one way (one that jumps with
    # the satsreguleringsprocent's 0.1-point steps) may have crossed the target before it
    earlier = _first_crossing(s, start, a, b, rising)
    if earlier is not None:
        a, g_a, b, g_b, turns = earlier
    k, g = b, g_b
    if not rising:
        # the largest value still at or above the target: the one before b, unless b lands
        # on it exactly; then to the end of that run of exact landings (a result in øre
        # steps can meet it over several neighbouring values), or b itself where the result
        # stays on the target for good (a shortfall of zero)
        k, g = (a, g_a) if g_b != 0 else (_last_landing(s.gap, b, hi_k, step), Fraction(0))
    # and whether it crosses the target again after the answer: up to the end of the range, and
    # without a high end given at least up to twice the scenario's own value (a growth of 3 %: 6 %)
    reach = end
    if hi_k is None and (guess := math.ceil(here * 2 / step)) > end:
        reach = guess if s.refusal(guess) is None else s.last_taken(end, guess)
    turns = _crossing_again(s, k, reach, rising, start, turns)
    notes += () if turns is None else (turns,)
    return _solution(s, k, goal, g, "whole numbers" if whole else None, notes=notes)


class _Search:
    """One solve's evaluations: each grid value of the input evaluated at most once.

    A grid value ``k`` is the input at ``k`` steps of 0.01 of its unit (0.0001 of a bare
    fraction; ``k`` itself for headcounts). :meth:`gap` is the result minus the target there.
    """

    def __init__(
        self, partnership: Partnership, vary: str, result: str, goal: Fraction, whole: bool, unit: str, step: Fraction
    ) -> None:
        self.partnership, self.vary, self.result, self.goal = partnership, vary, result, goal
        self.whole, self.unit, self.step = whole, unit, step
        self.places = _decimals(step)  # decimals of a grid value
        self.count = 0
        self.seen: dict[int, Fraction] = {}
        self.failed: dict[int, SolveError | LedgerError] = {}
        self.checked: dict[int, str | None] = {}  # validation only: the refusal's reason, None when taken
        self.signed = False  # the input may be negative (a growth rate)
        self.baseline: Evaluation | None = None  # the scenario as given: which results are ratios
        self.periods = 1  # periods of the scenario (a horizon's years): the check's cost per variant
        self.stride = 1  # one value in how many the checks on the float64 backend evaluated

    def value(self, k: int) -> pint.Quantity[Any] | int:
        return k if self.whole else Q_(plain_magnitude(Decimal(k).scaleb(-self.places)), self.unit)

    def text(self, k: int) -> str:
        """Grid value ``k`` as the input's value, e.g. ``187.50 DKK / hour``, ``0.0155 (1.55 %)``."""
        if self.whole:
            return str(k)
        if self.unit == "dimensionless":  # a bare fraction: as written, and as the percentage it means
            return f"{Decimal(k).scaleb(-self.places)} ({Decimal(k).scaleb(-2)} %)"
        return f"{Decimal(k).scaleb(-self.places)} {self.unit}"

    def between(self, a: int, b: int) -> str:
        """``between 0 and 5000 DKK / month``, ``between 0.01 and 0.03 (1 % and 3 %)``: the range's unit said."""
        if self.whole:
            return f"between {a:,} and {b:,}"
        # grouped: a message, not a value to paste (35,567,697,920 reads; 35567697920 does not)
        low, high = (f"{round_half_up(x * self.step, self.places).normalize():,f}" for x in (a, b))
        if self.unit == "dimensionless":
            return f"between {low} and {high} ({_plain(a * self.step * 100)} % and {_plain(b * self.step * 100)} %)"
        return f"between {low} and {high} {self.unit}"

    def written(self, k: int) -> str:
        """Grid value ``k`` as a scenario writes it (``0.0155 dimensionless``), for :class:`Value`."""
        return str(k) if self.whole else f"{Decimal(k).scaleb(-self.places)} {self.unit}"

    def variant(self, k: int) -> Partnership:
        """The scenario with grid value ``k``; :class:`_RefusedError` where the input does not take it."""
        try:
            variant = paths.replace(self.partnership, self.vary, self.value(k))
        except ValidationError as exc:
            reason = str(exc.errors()[0]["msg"])
            self.checked[k] = reason
            raise _RefusedError(f"{self.vary} = {self.text(k)}", reason) from None
        self.checked[k] = None
        return variant

    def refusal(self, k: int) -> str | None:
        """Why the input's validation refuses grid value ``k`` (None: it takes it); no evaluation."""
        if k not in self.checked:
            with contextlib.suppress(_RefusedError):
                self.variant(k)
        return self.checked[k]

    def gap(self, k: int) -> Fraction:
        """The result minus the target at ``k``.

        Raises:
            _RefusedError: the input does not take the value.
            NoValueError: the result has no value there.
            LedgerError: amounts beyond what the ledger handles.
            SolveError: more evaluations than one solve may take.

        """
        if k in self.seen:
            return self.seen[k]
        if k in self.failed:
            raise self.failed[k]
        try:
            variant = self.variant(k)
            self.count += 1
            if self.count > _MAX_EVALUATIONS:
                raise SolveError(f"no answer within {_MAX_EVALUATIONS} evaluations")
            ev = evaluate(variant)
            self.periods = max(self.periods, len(ev.breakdown))
            value = result_value(ev, self.result)
        except (_RefusedError, NoValueError, LedgerError) as exc:
            self.failed[k] = exc
            raise
        self.seen[k] = g = Fraction(value) - self.goal
        return g

    def vector_near(self, ks: np.ndarray[Any, Any], rising: bool) -> np.ndarray[Any, Any] | None:
        """Positions in ``ks`` where the result, on the float64 backend, may reach the target.

        At or above it (``rising``; else at or below it), or short of it by less than a
        tolerance (0.02 DKK for money, 10⁻⁶ for a ratio) above the float64 backend's
        difference from the exact one, so that no value reaching it is missed; the exact
        evaluation decides. None where sweeps do not give the result.
        """
        found = self.vector_gaps(ks)
        if found is None:
            return None
        gaps, tolerance = found
        with np.errstate(invalid="ignore"):
            return np.flatnonzero(gaps >= -tolerance if rising else gaps <= tolerance)

    def vector_gaps(self, ks: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], float] | None:
        """The result minus the target at grid values ``ks`` on the float64 backend, and the tolerance to use.

        Evaluated in blocks (the engine's arrays stay small); NaN where the result has no
        value. None where sweeps do not give the result.
        """
        size = max(_CHECK_MIN_CHUNK, _CHECK_CHUNK // self.periods)
        parts: list[np.ndarray[Any, Any]] = []
        unit = ""
        for c0 in range(0, len(ks), size):
            block = ks[c0 : c0 + size]
            values: Any = block if self.whole else Q_(block * float(self.step), self.unit)
            run = engine.run(self.partnership, {self.vary: values}, vector=True)
            named = named_result(run, self.result)
            if named is None:
                return None
            column, unit = named
            parts.append(np.broadcast_to(column, block.shape) - float(self.goal))
        tolerance = 1e-6 if unit == "" else 0.02
        return (np.concatenate(parts) if parts else np.empty(0)), tolerance

    def probe(self, k: int) -> Fraction | None:
        """:meth:`gap`, or None where the input refuses the value or the result has none."""
        try:
            return self.gap(k)
        except (_RefusedError, NoValueError, LedgerError):
            return None

    def last_taken(self, taken: int, refused: int) -> int:
        """The last grid value from ``taken`` towards ``refused`` that the input's validation takes.

        Bisection on validity: the values an input takes are a range (a share up to 100 %,
        hours up to a week's), so one boundary lies between the two.
        """
        return _boundary(taken, refused, lambda k: self.refusal(k) is None)


def _at_an_end(
    s: _Search, a: int, g_a: Fraction, b: int, g_b: Fraction | None, lo_k: int | None, hi_k: int | None
) -> tuple[int, Fraction] | None:
    """A range given from the very value that meets the target: that end, and its gap.

    Above the target at a low end the user gave, and below it one step lower: the result
    rises through the target there, and the low end is the smallest value that meets it.
    Likewise at a high end the user gave, still at or above the target, with the value one
    step higher below it: the largest value that meets it.
    """
    if lo_k is not None and a == lo_k and g_a > 0 and (a > 0 or s.signed):
        below = s.probe(a - 1)
        if below is not None and below < 0:
            return a, g_a
    if hi_k is not None and b == hi_k and g_b is not None and g_b >= 0:
        above = s.probe(b + 1)
        if above is not None and above < 0:
            return b, g_b
    return None


def _reached(g: Fraction, rising: bool) -> bool:
    return g >= 0 if rising else g <= 0


def _start(s: _Search, low: int, top: int, here: Fraction, limits: list[str]) -> tuple[int, Fraction]:
    """The first grid value from ``low`` where the input is valid and the result has a value, and its gap."""
    error: SolveError
    try:
        return low, s.gap(low)
    except _RefusedError as exc:
        # the input refuses the low end (a headcount or an hours input that must be
        # positive, say): its values start higher; find where from a value it takes
        ahead = [math.floor(here / s.step), math.ceil(here / s.step)]
        ahead += [low + 10**e for e in range(15)] + [top]
        taken = next((k for k in ahead if low < k <= top and s.refusal(k) is None), None)
        if taken is None:
            raise SolveError(f"{s.vary} takes no value {s.between(low, top)}: {exc.reason}", path=s.vary) from None
        low = s.last_taken(taken, low)
        limits.append(f"{s.vary} below {s.text(low)} is refused ({exc.reason})")
        try:
            return low, s.gap(low)
        except NoValueError as no_value:
            error = no_value
    except NoValueError as no_value:
        error = no_value
    # e.g. coverage has no value at a cost of zero, nor while a small post's cost rounds
    # to zero øre: start at the first of low + 0.01, 0.1, 1, … where the result has a value
    for e in range(9):
        k = low + 10**e
        if k > top:
            break
        try:
            return k, s.gap(k)
        except (NoValueError, _RefusedError):
            continue
    raise error


def _far_end(
    s: _Search, a: int, rising: bool, hi_k: int | None, top: int, here: Fraction, limits: list[str]
) -> tuple[int, Fraction | None]:
    """The far end of the range and its gap: where the target is first reached, else the last value searched.

    Without ``high`` the search goes up in growing steps until the result reaches the
    target, the input refuses the value (the range then ends at the last value it takes),
    the ledger cannot hold the amounts, or 10¹² in the input's unit.
    """
    if hi_k is not None:
        if s.refusal(hi_k) is not None:
            return _last_valid(s, a, hi_k, limits)
        g = s.probe(hi_k)
        if g is None:  # beyond what the ledger handles, or no result there: the range ends before
            hi_k = _last_usable(s, a, hi_k)
            g = s.probe(hi_k)
        return hi_k, g
    b = max(math.ceil(here * 2 / s.step), a + math.ceil(1 / s.step))
    last = a
    while True:
        b = min(b, top)
        try:
            g = s.gap(b)
        except _RefusedError:
            return _last_valid(s, last, b, limits)
        except LedgerError:  # amounts beyond what the ledger handles: the range ends before
            return last, s.seen.get(last)
        except NoValueError:
            g = None
        if g is not None and _reached(g, rising):
            return b, g
        last = b
        if b >= top:
            return b, g
        # up in growing steps; a negative value (a growth rate) first towards zero
        b = b * 4 if b > 0 else (b // 4 if b < -4 else math.ceil(1 / s.step))


def _last_valid(s: _Search, taken: int, refused: int, limits: list[str]) -> tuple[int, Fraction | None]:
    """The range up to the last value the input takes (between ``taken`` and ``refused``), and its gap."""
    reason = s.refusal(refused)
    end = s.last_taken(taken, refused)
    limits.append(f"{s.vary} above {s.text(end)} is refused ({reason})")
    return end, s.probe(end)


def _last_usable(s: _Search, good: int, bad: int) -> int:
    """The last value from ``good`` towards ``bad`` where the result can be evaluated (bisection)."""
    return _boundary(good, bad, lambda k: s.probe(k) is not None)


def _boundary(good: int, bad: int, holds: Callable[[int], bool]) -> int:
    """The last grid value from ``good`` towards ``bad`` where ``holds`` is true, by bisection.

    ``holds`` is true on a range that contains ``good`` and not ``bad``.
    """
    while abs(bad - good) > 1:
        mid = (good + bad) // 2
        if holds(mid):
            good = mid
        else:
            bad = mid
    return good


def _scan(s: _Search, a: int, b: int, limits: list[str]) -> tuple[int, Fraction, int, Fraction, Text]:
    """The first bracket of the target between ``a`` and ``b``, and a note on the result's turns.

    Evaluates a grid of points (every value of a short range; else evenly spaced points,
    and for a range wider than ten times its low end points growing tenfold every two
    steps up from ``a``); where none crosses the target, looks closer around the point
    nearest it.

    Raises:
        SolveError: no value reaches the target, with the values at the ends and the
            one nearest the target; or the result is the same at every point.

    """
    span = b - a
    if span <= 64:
        points = set(range(a, b + 1))
    else:
        points = {a + span * i // _SCAN_EVEN for i in range(_SCAN_EVEN + 1)}
        e = 0
        # a wide range (from 0, say, or over decades) also in growing steps: even ones
        # would pass over everything below a tenth of it
        while span > 10 * a and (offset := round(10 ** (e / _SCAN_PER_DECADE))) < span:
            points.add(a + offset)
            e += 1
    for k in sorted(points):
        s.probe(k)
    samples = sorted((k, g) for k, g in s.seen.items() if a <= k <= b)
    crossings = _crossings(samples)
    if not crossings:
        _look_closer(s, samples)
        samples = sorted((k, g) for k, g in s.seen.items() if a <= k <= b)
        crossings = _crossings(samples)
    if not crossings:
        raise _nothing(s, samples, limits)
    (k0, g0), (k1, g1) = samples[crossings[0] - 1], samples[crossings[0]]
    names = {"result": Raw(s.result), "vary": Raw(s.vary), "start": Value(s.written(samples[0][0]))}
    if len(crossings) > 1:
        (j0, _), (j1, _) = samples[crossings[1] - 1], samples[crossings[1]]
        note = Text("msg.not_monotone", low=Value(s.written(j0)), high=Value(s.written(j1)), **names)
    else:  # the second crossing fell between two values that were not evaluated
        note = Text("msg.not_monotone_inside", **names)
    return k0, g0, k1, g1, note


def _crossings(samples: list[tuple[int, Fraction]]) -> list[int]:
    """Indices ``i`` where the target lies between sample ``i − 1`` (not on it) and sample ``i``."""
    return [
        i
        for i in range(1, len(samples))
        if samples[i - 1][1] != 0 and (samples[i][1] == 0 or (samples[i - 1][1] < 0) != (samples[i][1] < 0))
    ]


def _look_closer(s: _Search, samples: list[tuple[int, Fraction]]) -> None:
    """Follow the result down (or up) to its turn between the neighbours of the sample nearest the target.

    The samples all miss the target on one side; where the nearest is inside the range
    (or at an end, with the value one step inside nearer still), the result turns there and
    its extreme may still reach the target. Bisection on the slope finds the extreme of a
    result that turns once between the neighbours.
    """
    if len(samples) < 2:
        return
    i = min(range(len(samples)), key=lambda j: abs(samples[j][1]))
    k, g = samples[i]
    if i in (0, len(samples) - 1):
        # nearest at an end: a result that turns just inside it comes nearer one step in;
        # one that does not (the usual result, moving one way) costs one evaluation more
        inner = k + 1 if i == 0 else k - 1
        g_in = s.probe(inner)
        if g_in is None or g_in == 0 or (g_in < 0) != (g < 0) or abs(g_in) >= abs(g):
            return
        lo, hi = (k, samples[1][0]) if i == 0 else (samples[-2][0], k)
    else:
        lo, hi = samples[i - 1][0], samples[i + 1][0]
    budget = s.count + _REFINE
    while hi - lo > 2 and s.count < budget:
        mid = (lo + hi) // 2
        here, after = s.probe(mid), s.probe(mid + 1)
        if here is None or after is None or here == 0 or after == 0:
            return
        if (here < 0) != (g < 0) or (after < 0) != (g < 0):
            return  # crossed: the caller finds the bracket among the values seen
        if abs(after) < abs(here):
            lo = mid
        else:
            hi = mid + 1
    for k in range(lo + 1, hi):
        s.probe(k)


_CHANGE_OUT = (
    "to solve for the value in the change's years, take the change out and vary {path} with a target in those "
    "years (e.g. YEAR.net.PARTY)"
)


def _labels(partnership: Partnership) -> list[str]:
    """The labels of a horizon's years (none without one)."""
    horizon = partnership.horizon
    return [] if horizon is None else [horizon.label(i) for i in range(horizon.years)]


def _nothing(s: _Search, samples: list[tuple[int, Fraction]], limits: list[str]) -> SolveError:
    """Why no value in range works, consistent with every value tried."""
    (ka, ga), (kb, gb) = samples[0], samples[-1]
    within = s.between(ka, kb)
    why = "".join(f"; {limit}" for limit in limits)
    tried = _count(len(samples), "value") + " tried"
    if len(samples) > 1 and all(g == ga for _, g in samples):
        match = _PERIOD.match(s.result)
        changed = changed_years(s.partnership, s.vary)
        reason = "it does not depend on this input here, so no value of it can be solved for"
        if match is not None and match["period"] in changed:  # the change's value holds in that year: the reason
            labels = _labels(s.partnership)
            other = [label for label in labels if label not in changed]
            # the years the change holds, from the change's own year (review 51 F9: "in 2028" for a change from 2027)
            first, last = labels.index(changed[0]), labels.index(changed[-1])
            held = (
                f"{changed[0]}–{changed[-1]}"
                if len(changed) > 1 and last - first == len(changed) - 1
                else ", ".join(changed)
            )
            reason = (
                f"horizon.changes set {s.vary} in {held}, so a value given for it does not count in {match['period']}; "
                + (
                    f"solve for a result of {', '.join(other)} or the total"
                    if other
                    else _CHANGE_OUT.format(path=s.vary)
                )
            )
        return SolveError(
            f"{s.result} is {readable(ga + s.goal, s.result, s.goal)} for every value {within} ({tried}): "
            f"{reason}{why}",
            path=s.vary,
        )
    k, g = min(samples, key=lambda sample: abs(sample[1]))  # all miss it on one side
    word = "lowest" if g > 0 else "highest"
    best_of = f"the {word} of the {tried}" if len(samples) > 1 else "the one value tried"
    side = "above" if g > 0 else "below"
    hint = ""
    if gb != ga and not limits:  # by the trend, where the target lies (not past a refused end)
        below_low = (g > 0) == (gb > ga)
        if below_low and ka == 0 and g > 0:  # above the target from 0 up: met with room to spare
            hint = (
                f"; by the trend it is crossed below 0, which {s.vary} does not take: already at 0 "
                f"{s.result} is above the target, and so at every value in range"
            )
        elif below_low and ka == 0:  # nothing below 0 to give: say so rather than ask for it
            hint = f"; by the trend it lies below 0, which {s.vary} does not take: it is not reached at 0 either"
        elif below_low:
            hint = "; by the trend it is reached below the low end: give a lower low end (--min, low=)"
        else:
            hint = "; by the trend it is reached above the high end: give a higher high end (--max, high=)"
    # each value shown beside the target with the decimals that keep it on its side of the target
    low, high, best = (readable(x + s.goal, s.result, s.goal) for x in (ga, gb, g))
    goal = readable(s.goal, s.result)  # said, not only implied (review 52 F4: tried target after target)
    return SolveError(
        f"no value {within} reaches the target of {goal}: {s.result} is {low} at the low end and "
        f"{high} at the high end, {side} the target at every value tried; "
        f"{best_of} is {best}, at {s.vary} = {s.text(k)}{hint}{why}",
        path=s.vary,
    )


def _narrow(
    s: _Search, a: int, g_a: Fraction, b: int, g_b: Fraction, rising: bool
) -> tuple[int, Fraction, int, Fraction]:
    """Narrow a bracket (target not reached at ``a``, reached at ``b``) to neighbouring grid values."""
    linear, below = True, False
    while b - a > 1:
        if below:
            # the line reached the target at b: where it is exact (a result landing on the
            # target), the value just below falls short and the answer is found
            m = b - 1
        elif linear:
            # where a straight line through the ends crosses: exact in one step if the result is linear
            m = a + math.floor((b - a) * (-g_a) / (g_b - g_a))
            m = min(max(m, a + 1), b - 1)
        else:
            m = (a + b) // 2
        before, interpolated = b - a, linear and not below
        g_m = s.gap(m)
        if _reached(g_m, rising):
            b, g_b = m, g_m
        else:
            a, g_a = m, g_m
        below = interpolated and b == m
        linear = (b - a) * 2 < before or b - a <= 2
    return a, g_a, b, g_b


def _last_landing(gap: Callable[[int], Fraction], b: int, hi_k: int | None, step: Fraction) -> int:
    """The last grid value of a run of exact landings that starts at ``b`` (a falling result).

    Probes ahead in doubling steps for a value off the target, then narrows; a run that
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
        if g != 0:  # below it (or, for a result that turns, above it again): the run has ended
            break
        last, d = probe, d * 2
    lo, hi = last, probe  # gap(lo) == 0 != gap(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if gap(mid) != 0:
            hi = mid
        else:
            lo = mid
    return lo


def _first_crossing(
    s: _Search, start: int, a: int, b: int, rising: bool
) -> tuple[int, Fraction, int, Fraction, Text] | None:
    """An earlier crossing than the bracket ``(a, b)`` a search found: the bracket narrowed there, and a note.

    The answer is at the first crossing from the low end ``start``, so no value from
    ``start`` up to ``a`` may reach the target. Every grid value there (every n-th where
    there are more than a budget allows) is evaluated at once on the float64 backend; a
    value it puts within a tolerance of reaching the target is evaluated exactly, and the
    crossing before it narrowed as the search narrows one. None where none reaches it, or
    for a result sweeps do not give (a model's own figures).
    """
    lo, hi = start + 1, a - 1  # the search evaluated start and a: neither reaches the target
    if hi < lo or _PAYBACK.match(s.result):
        return None
    points = _grid_points(s, lo, hi)
    near = s.vector_near(points, rising)
    if near is None:
        return None
    for pos in near[:_CONFIRM]:
        j = int(points[pos])
        g_j = s.probe(j)
        if g_j is None or not _reached(g_j, rising):
            continue  # within the tolerance, but not reaching the target exactly
        before = int(points[pos - 1]) if pos > 0 else start
        g_p = s.probe(before)
        if g_p is None or _reached(g_p, rising):
            continue
        names = {
            "result": Raw(s.result),
            "vary": Raw(s.vary),
            "low": Value(s.written(a)),
            "high": Value(s.written(b)),
            "start": Value(s.written(start)),
        }
        if s.stride == 1:  # the only check so far: its stride
            note = Text("msg.not_monotone", **names)
        else:
            note = Text("msg.not_monotone_sampled", n=Number(Decimal(s.stride), 0), **names)
        return (*_narrow(s, before, g_p, j, g_j, rising), note)
    return None


def _meets(g: Fraction) -> bool:
    return g >= 0


def _grid_points(s: _Search, lo: int, hi: int) -> np.ndarray[Any, Any]:
    """Grid values from ``lo`` to ``hi`` for a check on the float64 backend.

    Every one, or every n-th beyond the budget, with ``hi`` and the values the search
    evaluated exactly among them.
    """
    stride = max(1, math.ceil((hi - lo + 1) * s.periods / _CHECK_BUDGET))
    s.stride = max(s.stride, stride)
    grid = np.arange(lo, hi + 1, stride, dtype=np.int64)
    # the few values off the stride put in place (sorting or np.unique over 100,000 values
    # would cost more than the rest of a one-year check)
    extra = sorted({k for k in (*s.seen, hi) if lo <= k <= hi and (k - lo) % stride})
    return np.insert(grid, np.searchsorted(grid, extra), extra) if extra else grid


def _first_change(s: _Search, lo: int, hi: int, meets: bool) -> tuple[int, int] | None:
    """Neighbouring grid values ``(x − 1, x)`` where the result first changes sides of the target after ``lo``.

    ``meets``: whether it meets the target at ``lo`` (then it stops meeting it at ``x``, else
    starts); up to ``hi``; None where it does not change. Checked on the float64 backend,
    every n-th value and then closer around the change, a value put within the tolerance of
    changing being evaluated exactly.
    """
    while hi > lo:
        points = _grid_points(s, lo + 1, hi)
        found = s.vector_gaps(points)
        if found is None:
            return None
        gaps, tolerance = found
        with np.errstate(invalid="ignore"):
            maybe = np.flatnonzero(gaps < tolerance if meets else gaps >= -tolerance)
        change = None
        for i in maybe[:_CONFIRM]:
            g = s.probe(int(points[i]))
            if g is not None and _meets(g) != meets:
                change = int(i)
                break
        if change is None:
            return None
        x = int(points[change])
        before = int(points[change - 1]) if change > 0 else lo
        if x - before == 1:
            return before, x
        lo, hi = before, x  # the first change lies between: look closer
    return None


def _crossing_again(s: _Search, k: int, end: int, rising: bool, start: int, note: Text | None) -> Text | None:
    """The note on a result that crosses the target again after the answer ``k``, within the range up to ``end``.

    After the first crossing the result should stay on one side of the target: at or
    above it (rising), below it (falling). Where it changes again, the note says between
    which values, and the stretches from ``start`` to ``end`` over which the result
    meets the target (the bounds an analyst asks for: "a growth of at most …"), each
    boundary found exactly. ``note`` (from the search) is kept where nothing is found.
    """
    if _PAYBACK.match(s.result):
        return note
    after = k if rising else k + 1
    g_after = s.probe(after) if after < end else None
    # past the first crossing the result meets the target (rising) or does not (falling); a
    # falling result that stays on the target (a shortfall of zero) has no crossing to look past
    if g_after is None or _meets(g_after) != rising:
        return note
    changes: list[int] = []  # grid values where the result starts or stops meeting the target
    pos, meets = after, rising
    while len(changes) <= _STRETCHES * 2:
        change = _first_change(s, pos, end, meets=meets)
        if change is None:
            break
        changes.append(change[1])
        pos, meets = change[1], not meets
    if not changes:
        return note
    # the stretches that meet the target: from the first crossing (rising) or the low end (falling)
    bounds = [k, *changes] if rising else [start, k + 1, *changes]
    stretches = [(bounds[i], bounds[i + 1] - 1) for i in range(0, len(bounds) - 1, 2)]
    if len(bounds) % 2:  # meets up to the end of the range
        stretches.append((bounds[-1], end))
    # more stretches than the note lists, or changes beyond those looked for
    more = len(stretches) > _STRETCHES or len(changes) > _STRETCHES * 2
    shown = tuple(
        Value(s.written(a)) if a == b else Text("msg.stretch", low=Value(s.written(a)), high=Value(s.written(b)))
        for a, b in stretches
    )
    return Text(
        "msg.not_monotone_stretches" if not more else "msg.not_monotone_stretches_more",
        result=Raw(s.result),
        vary=Raw(s.vary),
        low=Value(s.written(changes[0] - 1)),
        high=Value(s.written(changes[0])),
        start=Value(s.written(start)),
        end=Value(s.written(end)),
        stretches=Join(shown[:_STRETCHES], "; "),
        # checked one value in n, a stretch narrower than n values may be missing
        every=Raw("") if s.stride == 1 else Text("msg.checked_one_in", n=Number(Decimal(s.stride), 0)),
    )


def _count(n: int, noun: str) -> str:
    """``1 evaluation``, ``2 evaluations``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _plain(x: Fraction, places: int = 2) -> str:
    return f"{round_half_up(x, places).normalize():f}"


def _rounded_note(result: str, ev: Evaluation | None = None) -> Text | None:
    """A note for a result reported rounded: ``fte`` to 0.01, a model's ratio figure to 4 decimals.

    The value found meets the figure as reported (and as the model's own checks judge it,
    e.g. a spin-off's parent share against its independence threshold); unrounded it may
    lie just short of the target.
    """
    match = _PERIOD.match(result)
    base = result if match is None else match["name"]
    # a model's count of people, FTE or hours is rounded to 0.01 as FTE is (a CSR figure's inclusive jobs)
    if base in ("fte", "inclusive_fte") or (ev is not None and _figure_unit(ev, result) in _HUNDREDTHS):
        return Text("msg.solved_rounded", result=Raw(result))
    if ev is not None and base != "coverage" and ratio_result(ev, result):
        return Text("msg.solved_rounded_ratio", result=Raw(result))
    return None


_HUNDREDTHS = frozenset({"people", "FTE", "hour"})  # figures rounded half up to 0.01 (places)


def ratio_result(ev: Evaluation, result: str) -> bool:
    """Whether ``result`` is a ratio (a coverage, or a model's ratio figure such as a parent share).

    A ratio's target may be written as a percentage (``60 %``), as the evaluation shows it.
    """
    match = _PERIOD.match(result)
    return (result if match is None else match["name"]) == "coverage" or _figure_unit(ev, result) == "ratio"


def _figure_unit(ev: Evaluation, result: str) -> str | None:
    """The unit of the model's figure ``result`` names (``YEAR.KEY`` for a year's), None where none does."""
    match = _PERIOD.match(result)
    base = result if match is None else match["name"]
    parts = [p for p in ev.breakdown if match is not None and p.ledger.period == match["period"]] or [ev]
    key = base.removeprefix("figure.")
    return next((f.unit for f in parts[0].figures if f.key == key), None)


def _solution(
    s: _Search,
    k: int,
    goal: Decimal,
    g: Fraction,
    method: Literal["grid", "whole numbers"] | None = None,
    *,
    notes: tuple[str, ...] = (),
) -> Solution:
    achieved = goal + Decimal(g.numerator) / Decimal(g.denominator)
    variant = s.variant(k)
    rounded = _rounded_note(s.result, s.baseline)
    notes += () if rounded is None else (rounded,)
    level = _price_level(variant, s.vary, s.result)
    notes += () if level is None else (level,)
    return Solution(s.vary, s.value(k), s.result, goal, achieved, method or "grid", s.count, variant, notes)


def _price_level(partnership: Partnership, vary: str, result: str) -> Text | None:
    """A note on the price level of a value found for a money input a horizon grows or indexes.

    The value is the input as the scenario states it, in the first year's prices; a later
    year's result (``2028.coverage``) is computed from it grown by ``wage_growth`` or
    ``price_growth`` (the progression's wages by ``wage_growth``), or, for a benefit
    amount the scenario states, indexed by the satsreguleringsprocent as the run indexes
    it, so the note gives its value in that year, as the year's break-even and
    explanation show it. None where the input does not grow.
    """
    horizon = partnership.horizon
    if horizon is None or horizon.years < 2:
        return None
    match = _PERIOD.match(result)
    changed = changed_years(partnership, vary)
    if match is not None:
        label = match["period"]
    else:  # the whole horizon: the value counts up to the last year no change sets the input in
        kept = [horizon.label(i) for i in range(1, horizon.years) if horizon.label(i) not in changed]
        if not kept:
            return None
        label = kept[-1]
    year = year_inputs(partnership, label)
    note = None if year is None else year[1].get(vary)
    index = next((i for i in range(horizon.years) if horizon.label(i) == label), None)
    if year is None or index is None or not index or label in changed:
        return None
    first = Period(horizon.label(0))
    later = Period(horizon.label(1) if index == 1 else f"{horizon.label(1)}–{label}")
    benefit = _stated_benefit(vary)
    if benefit is not None:  # indexed as the run indexes it, from the year of the rate
        indexed = stated_rate_index(partnership, benefit, index)
        if indexed is None:
            return None
        args = {"path": Raw(vary), "first": Period(str(indexed[0]))}
        if match is None:
            return Text("msg.solved_stated_rate", later=later, **args)
        value = _at(paths.get(partnership, vary), indexed[1])
        shown = Number(round_half_up(indexed[1], 6), 6, grouped=False)
        return Text("msg.solved_indexed", value=value, factor=shown, year=Period(label), **args)
    if vary in PROGRESSION_WAGES and canonical(horizon.wage_growth) != 0:  # grown in the run, not on the model
        grown, rate = (
            _at(paths.get(partnership, vary), fraction(progression_growth(horizon, index))),
            horizon.wage_growth,
        )
    elif note is not None and note.kind == "grown":
        grown, rate = _at(paths.get(year[0], vary), Fraction(1)), note.rate
    else:
        return None
    args = {"path": Raw(vary), "first": first, "rate": Percent(ratio_decimal(canonical(rate)))}
    if match is None:  # the whole horizon: every later year grown
        return Text("msg.solved_stated", later=later, **args)
    return Text("msg.solved_grown", grown=grown, year=Period(label), **args)


def _stated_benefit(vary: str) -> str | None:
    """The benefit whose stated ``amount`` ``vary`` is: a rate in kroner the run indexes (satsreguleringsprocent)."""
    head, _, last = vary.rpartition(".")
    benefits = ("public.during_course", "horizon.progression.leave_benefit")
    return head if last == "amount" and (head in benefits or head.startswith("public.counterfactual.")) else None


def _at(quantity: Any, factor: Fraction) -> Value | Join:
    """A money quantity × ``factor`` in its unit, with the decimals the run uses (``174.6444 DKK / hour``).

    The run grows (or indexes) an input exactly and rounds only the amounts it books: a
    grown price of 174.6444 covers where the break-even's 174.64 does not, so the value
    is not shown to øre (review 56 F6). At least 2 decimals, at most 4; past 4 it is
    rounded and marked ``≈``.
    """
    shown, exact = as_used(fraction(exact_magnitude(quantity.magnitude)) * factor)
    value = Value(f"{shown} {quantity.units}")
    return value if exact else Join((Raw("≈\u00a0"), value), "")
