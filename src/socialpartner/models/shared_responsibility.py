"""Shared social responsibility (fælles socialt ansvar): SØV + company + municipality.

The company buys temp hours (vikartimer) from the SØV at the SØV's wage cost plus a
small overhead, creating fleksjob at the SØV; the municipality buys development courses
(e.g. ressourceforløb) from the SØV. The overhead and the course payments together pay
the SØV's support staff (e.g. a socialpædagog). Example: Huset Venture Nordjylland,
IKEA and Rebild Kommune.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from types import MappingProxyType
from typing import Annotated, Literal

from pydantic import Field

from socialpartner._internal.backend import Rational
from socialpartner._internal.i18n import Money, Text
from socialpartner._internal.plan import (
    BreakEvenSpec,
    Check,
    Extras,
    Figure,
    Flow,
    Placement,
    Plan,
    no_extras,
    ore_at_most,
)
from socialpartner._internal.units import MONTHS_PER_YEAR, WEEKS_PER_YEAR, canonical, is_ratio
from socialpartner.models._base import Partnership
from socialpartner.models._frozen import Frozen
from socialpartner.models._shared import SupportStaff, keys, staff_flows, staff_placement
from socialpartner.money import to_ore
from socialpartner.parties import Company, Municipality, SocialEnterprise
from socialpartner.quantities import Headcount, HoursPerPerson, Markup, MoneyPerHour, MoneyPerTime

__all__ = ["Courses", "SharedResponsibilityPartnership", "TempHours"]


class TempHours(Frozen):
    """Temp hours (vikartimer) the company buys from the SØV.

    Attributes:
        workers: people in fleksjob at the SØV, placed at the company.
        effective_hours: effective working hours per worker per time.
        wage_cost: the SØV's full wage cost per effective hour.
        overhead: the surcharge per hour, as money per hour or a percentage of
            ``wage_cost``.
        alternative_price: what the company would otherwise pay per effective hour for
            the same work, e.g. a temp agency's price (optional; gives the company's
            saving and the highest overhead it can accept).

    """

    workers: Headcount
    effective_hours: HoursPerPerson
    wage_cost: MoneyPerHour
    overhead: Markup
    alternative_price: MoneyPerHour | None = None

    @property
    def overhead_is_percentage(self) -> bool:
        """Whether ``overhead`` is a percentage of ``wage_cost`` (else money per hour)."""
        return is_ratio(self.overhead)

    def overhead_per_hour(self) -> Rational:
        """The overhead in DKK per hour, exact."""
        if self.overhead_is_percentage:
            return canonical(self.overhead) * canonical(self.wage_cost)
        return canonical(self.overhead)


class Courses(Frozen):
    """Development courses the municipality buys from the SØV.

    Attributes:
        participants: citizens on a course at the same time.
        price: the price per participant per time.

    """

    participants: Headcount
    price: MoneyPerTime


class SharedResponsibilityPartnership(Partnership):
    """The three-party deal: temp hours plus municipal courses pay for support staff."""

    MODEL = "shared_responsibility"
    COMPANY_GAIN = "company_saving"
    FIGURE_PARTS = MappingProxyType({"company_saving": ("company_alternative_cost", "wages_billed", "overhead")})

    model: Literal["shared_responsibility"] = "shared_responsibility"
    social_enterprise: SocialEnterprise
    company: Company
    municipality: Municipality
    temp_hours: TempHours
    courses: Courses
    support_staff: Annotated[tuple[SupportStaff, ...], Field(max_length=1000)]

    def _plan(self) -> Plan:
        years = canonical(self.period)
        th = self.temp_hours
        # scalars first, so a varied input (an array in a sweep) is multiplied once
        hours = canonical(th.effective_hours, th.workers * years)
        hours_per_year = hours if years == 1 else canonical(th.effective_hours, th.workers)
        overhead = th.overhead_per_hour()
        wage = canonical(th.wage_cost)
        course_months = self.courses.participants * years * MONTHS_PER_YEAR
        hours_in = ("temp_hours.workers", "temp_hours.effective_hours", "period")
        overhead_in = (
            ("temp_hours.overhead", "temp_hours.wage_cost") if th.overhead_is_percentage else ("temp_hours.overhead",)
        )
        wages = wage * hours  # billed to the company and paid to the workers: one amount
        flows = [
            Flow(
                "wages_billed",
                "company",
                "social_enterprise",
                wages,
                "temp hours: wage cost",
                "wage cost × hours (workers × effective hours × period)",
                ("temp_hours.wage_cost", *hours_in),
            ),
            Flow(
                "overhead",
                "company",
                "social_enterprise",
                overhead * hours,
                "temp hours: overhead",
                ("overhead % × wage cost" if th.overhead_is_percentage else "overhead per hour")
                + " × hours (workers × effective hours × period)",
                (*overhead_in, *hours_in),
            ),
            Flow(
                "wages",
                "social_enterprise",
                "workers",
                wages,
                "wages (fleksjob, effective hours)",
                "wage cost × hours (workers × effective hours × period)",
                ("temp_hours.wage_cost", *hours_in),
            ),
            Flow(
                "courses",
                "municipality",
                "social_enterprise",
                canonical(self.courses.price, self.courses.participants * years),
                "development courses",
                "participants × price × period",
                ("courses.participants", "courses.price", "period"),
            ),
        ]
        flows += staff_flows(self.support_staff, years)
        break_even = (
            BreakEvenSpec(
                "overhead",
                "temp_hours.overhead",
                "overhead per hour",
                "DKK/hour",
                hours,
                percent_of=wage if th.overhead_is_percentage else None,
            ),
            BreakEvenSpec("courses", "courses.price", "course price per participant", "DKK/month", course_months),
        )
        per_week = hours_per_year / WEEKS_PER_YEAR
        placements = (
            Placement(
                "fleksjob",
                th.workers,
                per_week,
                per_week,
                "social_enterprise",
                "company",
                True,
                True,
                wage,
                ("temp_hours.workers", "temp_hours.effective_hours", "temp_hours.wage_cost"),
            ),
            Placement(
                "course participant",
                self.courses.participants,
                None,
                None,
                None,
                "company",
                False,
                True,
                inputs=("courses.participants",),
            ),
            staff_placement(self.support_staff, "social_enterprise", "company"),
        )
        return Plan(
            parties={
                "social_enterprise": self.social_enterprise.name,
                "company": self.company.name,
                "municipality": self.municipality.name,
                "workers": "fleksjob workers",
                "support_staff": "support staff",
            },
            flows=tuple(flows),
            cost_pool=keys(flows, "support_staff."),
            funding=(
                ("overhead on temp hours", (("overhead", 1),)),
                ("municipal course payments", (("courses", 1),)),
            ),
            break_even=break_even,
            placements=placements,
            extras=no_extras if th.alternative_price is None else partial(self._extras, hours=hours),
        )

    def _extras(self, settled: Mapping[str, Decimal], hours: Rational) -> Extras:
        """The company's saving against its alternative (a temp agency's price, say)."""
        th = self.temp_hours
        assert th.alternative_price is not None  # noqa: S101 - only called with an alternative
        alternative = canonical(th.alternative_price)
        cost = settled["wages_billed"] + settled["overhead"]
        otherwise = to_ore(alternative * hours)
        saving = otherwise - cost
        hours_in = ("temp_hours.workers", "temp_hours.effective_hours", "period")
        figures: tuple[Figure, ...] = (
            Figure(
                "company_alternative_cost",
                Text("term.sr_alternative_cost"),
                otherwise,
                "DKK",
                Text("term.sr_alternative_cost.note"),
                ("temp_hours.alternative_price", *hours_in),
            ),
            Figure(
                "company_saving",
                Text("term.sr_saving"),
                saving,
                "DKK",
                Text("term.sr_saving.note"),
                ("temp_hours.alternative_price", "temp_hours.wage_cost", "temp_hours.overhead", *hours_in),
            ),
            Figure(
                "company_max_overhead",
                Text("term.sr_max_overhead"),
                # rounded down: the overhead shown is one at which the company does save (41.625 → 41.62)
                ore_at_most(alternative - canonical(th.wage_cost)),
                "DKK/hour",
                Text("term.sr_max_overhead.note"),
                ("temp_hours.alternative_price", "temp_hours.wage_cost"),
            ),
        )
        wage = canonical(th.wage_cost)
        if th.overhead_is_percentage and wage > 0:
            # an overhead negotiated in percent: the company's ceiling in percent too (review 49 F7), rounded
            # down to 0.01 % as the price is to the øre (29.909 % → 29.90 %: at 29.91 % it would not save)
            share = (alternative - wage) / wage
            floored = Decimal(int(share.numerator) * 10_000 // int(share.denominator)).scaleb(-4)
            figures += (
                Figure(
                    "company_max_overhead_percent",
                    Text("term.sr_max_overhead_percent"),
                    floored,
                    "ratio",
                    Text("term.sr_max_overhead_percent.note"),
                    ("temp_hours.alternative_price", "temp_hours.wage_cost"),
                ),
            )
        check = Check(
            "cheaper for the company",
            "met" if saving >= 0 else "not met",
            Text("msg.alternative_vs_temp", alternative=Money(otherwise), cost=Money(cost)),
        )
        return Extras(figures=figures, checks=(check,))
