"""What a partnership model hands to the generic evaluator.

A model turns its inputs into one :class:`Plan` per period (one for most models, one
per year for a spin-off): exact money flows between roles, which flows form the cost
pool and which (with a sign) fund it, how negotiable prices scale (for break-even), the
people placed, and model-specific figures computed from the settled amounts. The
evaluator rounds, books, splits and solves without knowing which model it serves.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Literal, NamedTuple

from socialpartner._internal.backend import Num, Rational
from socialpartner.money import round_half_up

TWO_PLACES = Decimal("0.01")


_DIGITS: dict[Decimal, int] = {}


def places(value: Rational | Decimal | int, step: Decimal = TWO_PLACES) -> Decimal:
    """Round a non-money figure (hours, FTE, a ratio) half up to ``step``, exactly at any size."""
    digits = _DIGITS.get(step)
    if digits is None:  # a handful of steps; as_tuple costs more than the rounding
        digits = _DIGITS[step] = -int(step.as_tuple().exponent)
    return round_half_up(value, digits)


def ore_at_most(value: Rational | int) -> Decimal:
    """The largest whole øre at or below ``value`` (DKK): a highest price shown that still holds.

    A price the company may pay at most, rounded half up, may be one at which it loses
    (318.7295… shown as 318.73 costs it 1.56); rounded down it is one at which it gains.
    """
    cents = int(value.numerator) * 100 // int(value.denominator)  # floor, exactly (mpq parts are ints)
    return Decimal(cents).scaleb(-2)


class Flow(NamedTuple):
    """A money flow over the period, before rounding (DKK; exact in one evaluation).

    ``formula`` says in words how the amount follows from ``inputs``, the scenario paths
    it uses (e.g. ``temp_hours.wage_cost``), so every transfer can be explained.
    """

    key: str
    payer: str
    payee: str
    amount: Num  # exact (Rational, int) in one evaluation, float64 (arrays) in a sweep
    purpose: str
    formula: str = ""
    inputs: tuple[str, ...] = ()


class BreakEvenSpec(NamedTuple):
    """A negotiable price whose flow is ``price * volume``.

    The break-even price makes total funding equal the cost pool, everything else as
    given. ``percent_of`` (a price per volume unit) also expresses the answer as a
    percentage of it, for markups given as a percentage.
    """

    flow: str
    input_path: str
    label: str
    unit: str
    volume: Rational | int
    percent_of: Rational | None = None


class Placement(NamedTuple):
    """People placed, one line per form and workplace; hours are per week, for the whole line.

    ``inputs`` are the scenario paths of the headcount, hours and wage (for explanations
    of what the public purse pays on the line).
    """

    form: str
    headcount: int
    paid_hours: Rational | None
    effective_hours: Rational | None
    employer: str | None
    workplace: str
    is_job: bool
    inclusive: bool
    wage: Rational | None = None  # wage cost per paid hour, DKK (for the public view)
    inputs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """A model-specific result, e.g. the company's net gain.

    ``value`` is already rounded for its unit (øre for money). ``note`` gives the
    formula in words and ``inputs`` the scenario paths it uses.
    """

    key: str
    label: str
    value: Decimal | None
    unit: str
    note: str = ""
    inputs: tuple[str, ...] = ()
    # the unrounded value, where a total over the years sums it (rounded once, not a sum of rounded values)
    exact: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Check:
    """A yes/no criterion judged from stated facts (e.g. an RSV registration criterion)."""

    criterion: str
    status: Literal["met", "not met", "unknown"]
    reason: str


@dataclass(frozen=True, slots=True)
class Extras:
    """What a model reports beyond ledger, cost split, break-even and placements."""

    figures: tuple[Figure, ...] = ()
    checks: tuple[Check, ...] = ()
    statements: tuple[str, ...] = ()


def with_inputs(figures: tuple[Figure, ...], inputs: Mapping[str, tuple[str, ...]]) -> tuple[Figure, ...]:
    """The figures with the scenario paths each one uses, from a key → paths mapping."""
    return tuple(replace(f, inputs=inputs.get(f.key, f.inputs)) for f in figures)


def no_extras(settled: Mapping[str, Decimal]) -> Extras:
    """The default: nothing beyond the common results."""
    return Extras()


class Plan(NamedTuple):
    """A model's contribution to an evaluation; see the module docstring.

    ``funding`` maps each source name to signed flow keys: a source may be a margin,
    e.g. contract revenue (+1) less wages (-1).
    """

    parties: dict[str, str]
    flows: tuple[Flow, ...]
    cost_pool: tuple[str, ...]
    funding: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    break_even: tuple[BreakEvenSpec, ...] = ()
    placements: tuple[Placement, ...] = ()
    # a module function or a functools.partial of a model method, never a lambda: an
    # evaluation keeps its plan, and evaluations pickle (process pools, caches)
    extras: Callable[[Mapping[str, Decimal]], Extras] = no_extras
    label: str = ""
