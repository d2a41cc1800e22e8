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

from socialpartner._internal.fields import QuantityType
from socialpartner._internal.plan import Flow, Placement, places
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


def fleksloentilskud_monthly(wage: Fraction, full_time_wage: Fraction, p: Callable[[str], Fraction]) -> Fraction:
    """Monthly fleksløntilskud for a monthly wage incl. pension ``wage`` (L).

    ``max(0, G − 0.30·min(L, T) − 0.55·max(0, L − T))``, and wage plus supplement may not
    exceed the full-time wage for the same job (``full_time_wage``, the lønloft).
    ``p`` reads the parameters G, T and the two reduction rates.
    """
    g = p("fleksloentilskud.max_supplement") / _MONTHS  # parameters read in canonical units: DKK/year
    t = p("fleksloentilskud.threshold") / _MONTHS
    low = p("fleksloentilskud.reduction_below_threshold")
    high = p("fleksloentilskud.reduction_above_threshold")
    supplement = max(Fraction(0), g - low * min(wage, t) - high * max(Fraction(0), wage - t))
    return min(supplement, max(Fraction(0), full_time_wage - wage))


def supplement_for(hourly_wage: Fraction, hours_per_year: Fraction, p: Callable[[str], Fraction]) -> Fraction:
    """Monthly fleksløntilskud for an hourly wage and the hours worked a year (exact).

    L is the monthly wage, the lønloft the monthly wage of a full-time job at that hourly wage.
    """
    wage = hourly_wage * hours_per_year / _MONTHS
    full_time = hourly_wage * _FULL_TIME_WEEK * _WEEKS / _MONTHS
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


def _ladder(week: int, p: Callable[[str], Fraction]) -> Fraction:
    if week <= 4:
        return p("refusion.weeks_1_4")
    if week <= 26:
        return p("refusion.weeks_5_26")
    if week <= 52:
        return p("refusion.weeks_27_52")
    return p("refusion.after_52_weeks")


def refusion_rate(weeks_before: int, weeks: int, p: Callable[[str], Fraction]) -> Fraction:
    """The state's average refusion rate over the next ``weeks`` weeks.

    For a citizen already ``weeks_before`` weeks on support; the refusion ladder is 80 %
    in weeks 1-4, 40 % in weeks 5-26, 30 % in weeks 27-52 and 20 % after.

    >>> from socialpartner.parameters import ParameterUse, default_parameters
    >>> refusion_rate(0, 52, ParameterUse(default_parameters(), 2024))  # (4·80 + 22·40 + 26·30) / 52 %
    Fraction(99, 260)
    """
    if weeks <= 0:
        return Fraction(0)
    return sum((_ladder(weeks_before + k, p) for k in range(1, weeks + 1)), Fraction(0)) / weeks


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
    people: Fraction
    hourly_wage: Fraction | None  # None: an ordinary job, no supplement
    hours_per_year: Fraction | None
    counterfactual_group: str


def public_flows(
    budget: Any,
    placements: tuple[Placement, ...],
    years: Fraction,
    use: ParameterUse,
    weeks_before: int,
) -> tuple[list[Flow], Fraction]:
    """The partnership's public payments as ledger flows, and the refusion rate used.

    Municipality → fleksjob workers: fleksløntilskud; municipality → course participants:
    the benefit during the course; state → municipality: refusion on both.
    """
    rate = refusion_rate(weeks_before, round(years * _WEEKS), use)
    flows: list[Flow] = []

    def paid_with_refusion(
        key: str, payee: str, amount: Fraction, purpose: str, formula: str, inputs: tuple[str, ...], refunded: str
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
        if not line.headcount:
            continue
        if line.form == "fleksjob" and line.paid_hours is not None:
            wage = canonical(budget.fleksjob_wage) if budget.fleksjob_wage is not None else line.wage
            if wage is None:
                continue
            per_person_year = line.paid_hours * _WEEKS / line.headcount
            amount = supplement_for(wage, per_person_year, use) * _MONTHS * years * line.headcount
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
            amount = benefit_monthly(budget.during_course, use) * _MONTHS * years * line.headcount
            paid_with_refusion(
                f"during_course.{i}",
                "participants",
                amount,
                "benefit during the course",
                "monthly benefit × 12 × period × participants",
                ("public.during_course",),
                "state refusion on the course benefit",
            )
    return flows, rate


def benefit_monthly(benefit: Any, use: Callable[[str], Fraction]) -> Fraction:
    """A stated benefit per month, exact."""
    if benefit.amount is not None:
        return canonical(benefit.amount) / _MONTHS
    value: Fraction = use(benefit.parameter)
    return value / _MONTHS


@in_context
def public_view(
    budget: Any,
    placements: tuple[Placement, ...],
    flows: Mapping[str, Flow],
    settled: Mapping[str, Decimal],
    years: Fraction,
    use: ParameterUse,
    rate: Fraction,
    cohorts: tuple[Cohort, ...] = (),
) -> PublicView:
    """The budget effect per payer, from the settled flows and the stated counterfactual."""
    lines: list[PublicLine] = []
    zero = Decimal("0.00")

    def refusion(item: str, amount: Decimal, *, otherwise: bool = False) -> None:
        # the state pays what the municipality gets back
        pair = (-amount, zero) if not otherwise else (zero, -amount)
        lines.append(PublicLine("municipality", item, *pair))
        lines.append(PublicLine("state", item, *((amount, zero) if not otherwise else (zero, amount))))

    # actual payments of the municipality in the ledger (course payments and the public flows)
    for key, flow in flows.items():
        if flow.payer == "municipality":
            lines.append(PublicLine("municipality", flow.purpose, settled[key], zero))
        elif flow.payer == "state" and flow.payee == "municipality":
            refusion(flow.purpose, settled[key])
    statements: list[str] = []
    groups: dict[str, Fraction] = {}
    for line in placements:
        if line.headcount:
            groups[line.form] = groups.get(line.form, Fraction(0)) + line.headcount
    for cohort in cohorts:
        groups[cohort.counterfactual_group] = groups.get(cohort.counterfactual_group, Fraction(0)) + cohort.people
        if cohort.people and cohort.hourly_wage is not None and cohort.hours_per_year is not None:
            monthly = supplement_for(cohort.hourly_wage, cohort.hours_per_year, use)
            amount = to_ore(monthly * _MONTHS * years * cohort.people)
            lines.append(PublicLine("municipality", f"fleksløntilskud: {cohort.label}", amount, zero))
            refusion(f"state refusion: {cohort.label}", to_ore(Fraction(amount) * rate))
    for group, people in groups.items():
        benefit = budget.counterfactual.get(group)
        if benefit is None:
            if group not in {"support staff"}:
                statements.append(f"{group}: no counterfactual stated (taken as no benefit)")
            continue
        monthly = benefit_monthly(benefit, use)
        amount = to_ore(monthly * _MONTHS * years * people)
        refund = to_ore(Fraction(amount) * rate)
        per_month = to_ore(monthly)
        statements.append(
            f"{group}: {float(people):g} people would otherwise receive {per_month:,.2f} DKK/month "
            f"({benefit.describe()}) from the municipality, {amount:,.2f} DKK over the period"
        )
        lines.append(PublicLine("municipality", f"counterfactual benefit: {group}", zero, amount))
        refusion(f"counterfactual refusion: {group}", refund, otherwise=True)
    return PublicView(use.year, tuple(lines), tuple(statements), places(rate, Decimal("0.0001")))
