"""The public purse: fleksløntilskud, benefits, state refusion and the counterfactual.

A municipality judges a partnership by its budget effect: what it pays (course
payments, fleksløntilskud, benefits during a course) less the state's refusion, set
against what the same citizens would otherwise have received (the counterfactual, which
must be stated: moving someone from a low benefit into fleksjob can *raise* gross
municipal costs). The rules are small pure functions on exact values; the rates come from
the dated parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, get_args

import pint

from socialpartner._internal.backend import Num, div, is_exact, maximum, minimum, ore, safe_div
from socialpartner._internal.fields import QuantityType
from socialpartner._internal.plan import Flow, Placement
from socialpartner._internal.units import FTE_HOURS_PER_WEEK, MONTHS_PER_YEAR, Q_, WEEKS_PER_YEAR, canonical
from socialpartner.money import in_context, to_ore
from socialpartner.parameters import ParameterSet, ParameterUse, default_parameters
from socialpartner.quantities import HoursPerTime, MoneyPerHour

__all__ = [
    "PublicLine",
    "PublicView",
    "fleksloentilskud",
    "fleksloentilskud_monthly",
    "refusion_rate",
]

_MONTHS = MONTHS_PER_YEAR
_WEEKS = WEEKS_PER_YEAR
_FULL_TIME_WEEK = FTE_HOURS_PER_WEEK  # the lønloft compares with full time for the same job

Payer = Literal["municipality", "state"]

_WAGE: QuantityType = get_args(MoneyPerHour)[1]  # the field types' own validators
_HOURS: QuantityType = get_args(HoursPerTime)[1]


def fleksloentilskud_monthly(wage: Num, full_time_wage: Num, p: Callable[[str], Num]) -> Num:
    """Monthly fleksløntilskud for a monthly wage incl. pension ``wage`` (L).

    ``max(0, G − 0.30·min(L, T) − 0.55·max(0, L − T))``, and wage plus supplement may not
    exceed the full-time wage for the same job (``full_time_wage``, the lønloft).
    ``p`` reads the parameters G, T and the two reduction rates. Exact for Fractions,
    element by element for float64 arrays.
    """
    g = p("fleksloentilskud.max_supplement") / _MONTHS  # parameters read in canonical units: DKK/year
    t = p("fleksloentilskud.threshold") / _MONTHS
    low = p("fleksloentilskud.reduction_below_threshold")
    high = p("fleksloentilskud.reduction_above_threshold")
    supplement = maximum(g - low * minimum(wage, t) - high * maximum(wage - t, 0), 0)
    return minimum(supplement, maximum(full_time_wage - wage, 0))


def supplement_for(hourly_wage: Num, hours_per_year: Num, p: Callable[[str], Num]) -> Num:
    """Monthly fleksløntilskud for an hourly wage and the hours worked a year.

    L is the monthly wage, the lønloft the monthly wage of a full-time job at that hourly wage.
    """
    wage = div(hourly_wage * hours_per_year, _MONTHS)
    full_time = div(hourly_wage * (_FULL_TIME_WEEK * _WEEKS), _MONTHS)
    return fleksloentilskud_monthly(wage, full_time, p)


def fleksloentilskud(
    hourly_wage: pint.Quantity[Any] | str,
    hours: pint.Quantity[Any] | str,
    year: int,
    parameters: ParameterSet | None = None,
) -> pint.Quantity[Any]:
    """Monthly fleksløntilskud per worker, in DKK/month, exact to the øre.

    Args:
        hourly_wage: the wage incl. pension per hour, e.g. ``"180 DKK/hour"``.
        hours: the worker's (effective, paid) hours per time, e.g. ``"15 hour/week"``.
        year: the parameter year.
        parameters: a parameter set (default: the library's).

    >>> fleksloentilskud("180 DKK/hour", "15 hour/week", 2024)
    <Quantity(16442.00, 'DKK / month')>

    """
    wage = canonical(_WAGE.validate(hourly_wage))
    per_year = canonical(_HOURS.validate(hours))
    use = ParameterUse(parameters or default_parameters(), year)
    return Q_(to_ore(supplement_for(wage, per_year, use)), "DKK/month")


# The refusion ladder's bands: (last week of the band, or None for the rest; parameter).
_LADDER = (
    (4, "refusion.weeks_1_4"),
    (26, "refusion.weeks_5_26"),
    (52, "refusion.weeks_27_52"),
    (None, "refusion.after_52_weeks"),
)


def refusion_rate(weeks_before: int, weeks: int, p: Callable[[str], Num]) -> Num:
    """The state's average refusion rate over the next ``weeks`` weeks.

    For a citizen already ``weeks_before`` weeks on support; the refusion ladder is 80 %
    in weeks 1-4, 40 % in weeks 5-26, 30 % in weeks 27-52 and 20 % after. Computed per
    band (weeks in the band × its rate), not week by week.

    >>> from socialpartner.parameters import ParameterUse, default_parameters
    >>> refusion_rate(0, 52, ParameterUse(default_parameters(), 2024))  # (4·80 + 22·40 + 26·30) / 52 %
    Fraction(99, 260)
    """
    if weeks <= 0:
        return Fraction(0)
    first, last = weeks_before + 1, weeks_before + weeks
    summed: Num = 0
    band_start = 1
    for band_end, name in _LADDER:
        low, high = max(first, band_start), last if band_end is None else min(last, band_end)
        if high >= low:
            summed = summed + (high - low + 1) * p(name)
        if band_end is not None:
            band_start = band_end + 1
    return div(summed, weeks)


@dataclass(frozen=True, slots=True)
class PublicLine:
    """One item of a public payer's budget: what it pays, and would pay otherwise.

    Positive amounts are costs to the payer; refusion received is a negative cost.
    """

    payer: Payer
    item: str
    actual: Decimal
    counterfactual: Decimal


@dataclass(frozen=True, slots=True)
class PublicView:
    """The budget effect per public payer for one period.

    Attributes:
        year: the parameter year used.
        lines: the items per payer.
        counterfactual: the stated counterfactual, one sentence per group.
        refusion_rate: the state's average refusion rate over the period.

    """

    year: int
    lines: tuple[PublicLine, ...]
    counterfactual: tuple[str, ...]
    refusion_rate: Decimal

    @in_context
    def actual(self, payer: Payer) -> Decimal:
        """What ``payer`` pays with the partnership."""
        return sum((line.actual for line in self.lines if line.payer == payer), Decimal("0.00"))

    @in_context
    def without(self, payer: Payer) -> Decimal:
        """What ``payer`` would pay in the counterfactual."""
        return sum((line.counterfactual for line in self.lines if line.payer == payer), Decimal("0.00"))

    @in_context
    def net_effect(self, payer: Payer) -> Decimal:
        """Counterfactual minus actual: positive means the partnership saves ``payer`` money."""
        return self.without(payer) - self.actual(payer)


@dataclass(frozen=True, slots=True)
class Cohort:
    """People outside the partnership's placements whose support changed (progression)."""

    label: str
    people: Num
    hourly_wage: Num | None  # None: an ordinary job, no supplement
    hours_per_year: Num | None
    counterfactual_group: str


@dataclass(frozen=True, slots=True)
class Line:
    """One item of a public payer's budget, in øre (exact int or float64 over variants)."""

    payer: Payer
    item: str
    actual: Num
    counterfactual: Num


@dataclass(frozen=True, slots=True)
class Group:
    """A group with a stated (or missing) counterfactual, for the view's sentences."""

    group: str
    people: Num
    benefit: Any  # the stated Benefit, or None
    monthly: Num
    amount: Num  # øre over the period


def _none(people: Num) -> bool:
    """Exactly nobody (a line of arrays over variants always takes part)."""
    return is_exact(people) and not people


def public_flows(
    budget: Any, placements: tuple[Placement, ...], years: Num, p: Callable[[str], Num], rate: Num
) -> list[Flow]:
    """The partnership's public payments as ledger flows.

    Municipality → fleksjob workers: fleksløntilskud; municipality → course participants:
    the benefit during the course; state → municipality: refusion on both at ``rate``.
    """
    flows: list[Flow] = []

    def paid_with_refusion(
        key: str, payee: str, amount: Num, purpose: str, formula: str, inputs: tuple[str, ...], refunded: str
    ) -> None:
        flows.append(Flow(f"public.{key}", "municipality", payee, amount, purpose, formula, inputs))
        flows.append(
            Flow(
                f"public.refusion.{key}",
                "state",
                "municipality",
                amount * rate,
                refunded,
                f"refusion rate × {purpose}",
                ("public.weeks_on_support",),
            )
        )

    for i, line in enumerate(placements):
        if _none(line.headcount):
            continue
        if line.form == "fleksjob" and line.paid_hours is not None:
            wage = canonical(budget.fleksjob_wage) if budget.fleksjob_wage is not None else line.wage
            if wage is None:
                continue
            per_person_year = safe_div(line.paid_hours * _WEEKS, line.headcount)
            amount = supplement_for(wage, per_person_year, p) * (_MONTHS * years) * line.headcount
            paid_with_refusion(
                f"fleksloentilskud.{i}",
                "workers",
                amount,
                "fleksløntilskud",
                "monthly fleksløntilskud (G − 30 %·min(L,T) − 55 %·max(0,L−T), "
                "within the lønloft) × 12 × period × headcount",
                ("public.year", "public.fleksjob_wage" if budget.fleksjob_wage is not None else "wage cost"),
                "state refusion on fleksløntilskud",
            )
        elif line.form == "course participant" and budget.during_course is not None:
            amount = benefit_monthly(budget.during_course, p) * (_MONTHS * years) * line.headcount
            paid_with_refusion(
                f"during_course.{i}",
                "participants",
                amount,
                "benefit during the course",
                "monthly benefit × 12 × period × participants",
                ("public.during_course",),
                "state refusion on the course benefit",
            )
    return flows


def benefit_monthly(benefit: Any, p: Callable[[str], Num]) -> Num:
    """A stated benefit per month."""
    if benefit.amount is not None:
        return canonical(benefit.amount) / _MONTHS
    return p(benefit.parameter) / _MONTHS


def public_lines(
    budget: Any,
    flows: tuple[Flow, ...],
    amounts: Mapping[str, Num],
    placements: tuple[Placement, ...],
    years: Num,
    p: Callable[[str], Num],
    rate: Num,
    cohorts: tuple[Cohort, ...] = (),
) -> tuple[list[Line], list[Group]]:
    """The budget effect per payer (øre), from the settled flows and the stated counterfactual."""
    lines: list[Line] = []

    def refusion(item: str, amount: Num, *, otherwise: bool = False) -> None:
        # the state pays what the municipality gets back
        lines.append(Line("municipality", item, 0, -amount) if otherwise else Line("municipality", item, -amount, 0))
        lines.append(Line("state", item, 0, amount) if otherwise else Line("state", item, amount, 0))

    # actual payments of the municipality in the ledger (course payments and the public flows)
    for flow in flows:
        if flow.payer == "municipality":
            lines.append(Line("municipality", flow.purpose, amounts[flow.key], 0))
        elif flow.payer == "state" and flow.payee == "municipality":
            refusion(flow.purpose, amounts[flow.key])
    people: dict[str, Num] = {}
    for line in placements:
        if not _none(line.headcount):
            people[line.form] = people.get(line.form, 0) + line.headcount
    for cohort in cohorts:
        group = cohort.counterfactual_group
        people[group] = people.get(group, 0) + cohort.people
        if cohort.hourly_wage is not None and cohort.hours_per_year is not None and not _none(cohort.people):
            monthly = supplement_for(cohort.hourly_wage, cohort.hours_per_year, p)
            amount = ore(monthly * (_MONTHS * years) * cohort.people)
            lines.append(Line("municipality", f"fleksløntilskud: {cohort.label}", amount, 0))
            refusion(f"state refusion: {cohort.label}", ore(div(amount, 100) * rate))
    groups: list[Group] = []
    for group, count in people.items():
        benefit = budget.counterfactual.get(group)
        if benefit is None:
            if group != "support staff":
                groups.append(Group(group, count, None, 0, 0))
            continue
        monthly = benefit_monthly(benefit, p)
        amount = ore(monthly * (_MONTHS * years) * count)
        groups.append(Group(group, count, benefit, monthly, amount))
        lines.append(Line("municipality", f"counterfactual benefit: {group}", 0, amount))
        refusion(f"counterfactual refusion: {group}", ore(div(amount, 100) * rate), otherwise=True)
    return lines, groups
