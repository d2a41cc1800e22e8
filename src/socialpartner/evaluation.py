"""Evaluate a partnership: ledger, cost split, break-even prices and jobs.

The evaluator settles a model's flows into a balanced ledger, splits the cost of
support staff over its funding sources, solves break-even prices and counts jobs.

This module serves every model through the :class:`~socialpartner._internal.plan.Plan`
a model returns; it knows nothing of any one model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from socialpartner import core
from socialpartner._internal.plan import Placement, Plan
from socialpartner._internal.units import format_magnitude
from socialpartner.ledger import Ledger, Transfer
from socialpartner.models._base import Partnership
from socialpartner.money import ROUNDING_RULE, to_ore

__all__ = ["BreakEven", "Evaluation", "Job", "evaluate"]

_HOURS_PER_FTE_WEEK = 37  # 1 FTE = 37 hour/week, as units.txt defines it
_RATIO_PLACES = Decimal("0.000001")
_TWO_PLACES = Decimal("0.01")


def _places(value: Fraction | Decimal, step: Decimal = _TWO_PLACES) -> Decimal:
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(step, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class BreakEven:
    """The price at which funding exactly covers the cost pool, others unchanged.

    Attributes:
        source: the funding source whose price is solved.
        input_path: the scenario input that sets that price, e.g. ``courses.price``.
        label: words for the price.
        value: the price in ``unit``, rounded to øre; None when no price works (the
            source has no volume, e.g. no hours are bought).
        unit: e.g. ``DKK/hour``.
        percent: the price as a percentage of its base, for markups given as one.
        already_covered: the other sources cover the cost even at a price of zero.

    """

    source: str
    input_path: str
    label: str
    value: Decimal | None
    unit: str
    percent: Decimal | None = None
    already_covered: bool = False


@dataclass(frozen=True, slots=True)
class Job:
    """People placed, by form: headcount, effective hours per week, FTE (37 h/week)."""

    form: str
    headcount: int
    hours_per_week: Decimal | None
    fte: Decimal | None
    employer: str
    workplace: str
    is_job: bool


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The result of :func:`evaluate`.

    Attributes:
        partnership: the validated input.
        parties: display name of each role in the ledger.
        ledger: every transfer of the period; balances to the øre.
        cost_split: the support-staff cost set against its funding sources.
        break_even: the break-even price of each negotiable funding source.
        placements: people placed, by form (see :attr:`jobs` for jobs only).

    """

    partnership: Partnership
    parties: Mapping[str, str]
    ledger: Ledger
    cost_split: core.CostSplit
    break_even: tuple[BreakEven, ...]
    placements: tuple[Job, ...]

    @property
    def jobs(self) -> tuple[Job, ...]:
        """Placements that are jobs (not course places or support posts)."""
        return tuple(p for p in self.placements if p.is_job)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; money and ratios are decimal strings, never floats."""
        split = self.cost_split
        coverage = split.coverage
        return {
            "model": self.partnership.MODEL,
            "name": self.partnership.name,
            "period": self.ledger.period,
            "rounding": ROUNDING_RULE,
            "parties": dict(self.parties),
            "transfers": [
                {"payer": t.payer, "payee": t.payee, "amount": str(t.amount), "purpose": t.purpose} for t in self.ledger
            ],
            "balances": {
                p: {"inflow": str(tot.inflow), "outflow": str(tot.outflow), "net": str(tot.net)}
                for p in self.ledger.parties
                for tot in (self.ledger.totals(p),)
            },
            "cost_split": {
                "cost": str(split.cost),
                "funding": {k: str(v) for k, v in split.funding.items()},
                "total_funding": str(split.total_funding),
                "surplus": str(split.surplus),
                "shortfall": str(split.shortfall),
                "coverage": None if coverage is None else str(_places(coverage, _RATIO_PLACES)),
                "shares": {k: str(_places(v, _RATIO_PLACES)) for k, v in split.shares.items()},
                "uncovered_share": str(_places(split.uncovered_share, _RATIO_PLACES)),
            },
            "break_even": [
                {
                    "source": b.source,
                    "input": b.input_path,
                    "label": b.label,
                    "value": None if b.value is None else str(b.value),
                    "unit": b.unit,
                    "percent": None if b.percent is None else str(b.percent),
                    "already_covered": b.already_covered,
                }
                for b in self.break_even
            ],
            "placements": [
                {
                    "form": j.form,
                    "headcount": j.headcount,
                    "hours_per_week": None if j.hours_per_week is None else str(j.hours_per_week),
                    "fte": None if j.fte is None else str(j.fte),
                    "employer": j.employer,
                    "workplace": j.workplace,
                    "is_job": j.is_job,
                }
                for j in self.placements
            ],
        }


def _job(p: Placement) -> Job:
    hours = None if p.hours_per_week is None else _places(p.hours_per_week)
    fte = None if p.hours_per_week is None else _places(p.hours_per_week / _HOURS_PER_FTE_WEEK)
    return Job(p.form, p.headcount, hours, fte, p.employer, p.workplace, p.is_job)


def _break_even(plan: Plan, split: core.CostSplit) -> tuple[BreakEven, ...]:
    out = []
    for spec in plan.break_even:
        if spec.volume == 0:
            out.append(BreakEven(spec.source, spec.input_path, spec.label, None, spec.unit))
            continue
        others = split.total_funding - split.funding[spec.source]
        rate = core.break_even_rate(Fraction(split.cost), Fraction(others), spec.volume)
        covered = rate < 0
        rate = max(rate, Fraction(0))
        percent = None if spec.percent_of is None or spec.percent_of == 0 else _places(rate / spec.percent_of * 100)
        out.append(BreakEven(spec.source, spec.input_path, spec.label, to_ore(rate), spec.unit, percent, covered))
    return tuple(out)


def evaluate(partnership: Partnership) -> Evaluation:
    """Evaluate a validated partnership (see :func:`socialpartner.load`).

    Each flow is rounded once to øre (:data:`socialpartner.money.ROUNDING_RULE`); the cost
    split and break-even prices are computed from those rounded amounts, so every figure
    printed adds up.
    """
    plan = partnership._plan()
    settled = {f.key: to_ore(f.amount) for f in plan.flows}
    transfers = [Transfer(f.payer, f.payee, settled[f.key], f.purpose) for f in plan.flows]
    period = partnership.period
    ledger = Ledger(f"{format_magnitude(period.magnitude)} {period.units}", transfers)
    split = core.split_cost(
        sum((settled[k] for k in plan.cost_pool), Decimal("0.00")),
        {name: sum((settled[k] for k in keys), Decimal("0.00")) for name, keys in plan.funding},
    )
    return Evaluation(
        partnership=partnership,
        parties=dict(plan.parties),
        ledger=ledger,
        cost_split=split,
        break_even=_break_even(plan, split),
        placements=tuple(_job(p) for p in plan.placements),
    )
