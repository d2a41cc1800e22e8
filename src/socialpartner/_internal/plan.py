"""What a partnership model hands to the generic evaluator.

A model turns its inputs into a :class:`Plan`: exact money flows between roles, which
flows form the cost pool and which fund it, how each funding source scales with its
price (for break-even), and the placements (jobs, course places, support posts). The
evaluator rounds, books, splits and solves without knowing which model it serves.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Flow:
    """An exact money flow over the period, before rounding (DKK as a Fraction)."""

    key: str
    payer: str
    payee: str
    amount: Fraction
    purpose: str


@dataclass(frozen=True, slots=True)
class BreakEvenSpec:
    """How one funding source scales with the price a user can negotiate.

    The source's amount is ``price * volume``; the break-even price makes total funding
    equal the cost pool. ``percent_of`` (a price per volume unit) also expresses the
    answer as a percentage of it, for markups given as a percentage.
    """

    source: str
    input_path: str
    label: str
    unit: str
    volume: Fraction
    percent_of: Fraction | None = None


@dataclass(frozen=True, slots=True)
class Placement:
    """People placed by the partnership, one line per form and workplace.

    ``hours_per_week`` is effective hours per week for the whole line (None when the
    inputs do not state hours).
    """

    form: str
    headcount: int
    hours_per_week: Fraction | None
    employer: str
    workplace: str
    is_job: bool


@dataclass(frozen=True, slots=True)
class Plan:
    """A model's contribution to an evaluation; see the module docstring."""

    parties: dict[str, str]
    flows: tuple[Flow, ...]
    cost_pool: tuple[str, ...]
    funding: tuple[tuple[str, tuple[str, ...]], ...]
    break_even: tuple[BreakEvenSpec, ...]
    placements: tuple[Placement, ...]
