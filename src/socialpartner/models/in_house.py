"""In-house (in-house-modeller).

The SØV's staff work at the company's site on a task (packing goods, building
displays) but are employed by the SØV, which carries personnel responsibility and shift
planning. The evaluation compares the company's total cost of the task before (doing it
with its own staff: wages, turnover, errors, supervision) and after (buying it from the
SØV, with fewer errors), and answers: both totals and the saving; the SØV's margin and
support-staff coverage; jobs created; and the break-even price for each side.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from types import MappingProxyType
from typing import Annotated, Any, Literal, Self

import pint
from pydantic import Field, model_validator

from socialpartner._internal.backend import Rational
from socialpartner._internal.fields import QuantityType
from socialpartner._internal.i18n import Money as Amount
from socialpartner._internal.i18n import Number, Period, Text
from socialpartner._internal.plan import (
    BreakEvenSpec,
    Check,
    Extras,
    Figure,
    Flow,
    Plan,
    ore_at_most,
    places,
    with_inputs,
)
from socialpartner._internal.units import canonical
from socialpartner.models._base import Partnership
from socialpartner.models._frozen import Frozen
from socialpartner.models._shared import (
    SupportStaff,
    Workforce,
    hours_inputs,
    keys,
    staff_flows,
    staff_placement,
    wage_flows,
)
from socialpartner.money import to_ore
from socialpartner.parties import Company, Municipality, Name, SocialEnterprise
from socialpartner.quantities import (
    Headcount,
    HoursPerTime,
    ItemsPerTime,
    Money,
    MoneyPerHour,
    MoneyPerItem,
    MoneyPerTime,
    SmallShare,
)

__all__ = ["InHouseAlternative", "InHousePartnership", "Site"]

_ZERO = Decimal("0.00")

# Staff turnover may exceed 100 % (more than the whole staff replaced in a year), so a bare
# 1.2 is as likely 120 % as 1.2 %: it is refused as for any share, naming both readings.
Turnover = Annotated[
    pint.Quantity[Any],
    QuantityType("a fraction (may exceed 100 %)", (frozenset(),), ("25 %", "0.25"), plain_unit="", beyond_whole=True),
]
_BEFORE = {
    "own wages": "alternative.wage_cost × alternative.hours × period",
    "staff turnover": "alternative.staff × alternative.turnover × alternative.cost_per_hire × period",
    "errors": "volume × alternative.error_rate × cost_per_error × period",
    "supervision": "alternative.supervision × period",
}
_AFTER = {
    "SØV service": "price × effective hours × period",
    "errors": "volume × error_rate × cost_per_error × period",
    "supervision": "company_supervision × period",
}


class Site(Frozen):
    """The company's site where the SØV's staff work."""

    name: Name
    address: Name | None = None


class InHouseAlternative(Frozen):
    """The company doing the task itself, with its own staff.

    Attributes:
        wage_cost: the company's full wage cost per hour of its own staff.
        hours: hours the task takes with its own staff, per time (all staff together).
        staff: people on the task (for turnover).
        turnover: share of those staff replaced per year.
        cost_per_hire: recruiting and training one replacement.
        error_rate: errors per item of output.
        supervision: the company's own supervision of the task, per time.

    """

    wage_cost: MoneyPerHour
    hours: HoursPerTime
    staff: Headcount
    turnover: Turnover
    cost_per_hire: Money
    error_rate: SmallShare
    supervision: MoneyPerTime = "0 DKK/year"  # type: ignore[assignment]


class InHousePartnership(Partnership):
    """The SØV's staff do a task at the company's site, employed by the SØV.

    Attributes:
        site: the company's site (required: the model is about work done there).
        workforce: the SØV's staff at the site.
        price: what the company pays per effective hour delivered.
        support_staff: the SØV's support, HR and shift planning.
        volume: the task's output per time (items, orders, packages).
        cost_per_error: what one error costs the company.
        error_rate: errors per item with the SØV doing the task.
        company_supervision: the coordination the company still does, per time.
        alternative: the company doing the task itself.

    """

    MODEL = "in_house"
    COMPANY_GAIN = "company_saving"
    FIGURE_PARTS = MappingProxyType(
        {
            "company_cost_before": ("before_own_wages", "before_staff_turnover", "before_errors", "before_supervision"),
            "company_cost_after": ("after_soev_service", "after_errors", "after_supervision"),
            "company_saving": ("company_cost_before", "company_cost_after"),
            "soev_margin": ("service", "wages.*", "support_staff.*"),
        }
    )

    model: Literal["in_house"] = "in_house"
    social_enterprise: SocialEnterprise
    company: Company
    municipality: Municipality | None = None
    site: Site
    workforce: Annotated[tuple[Workforce, ...], Field(min_length=1, max_length=100)]
    price: MoneyPerHour
    support_staff: Annotated[tuple[SupportStaff, ...], Field(max_length=100)] = ()
    volume: ItemsPerTime = "0 item/year"  # type: ignore[assignment]
    cost_per_error: MoneyPerItem = "0 DKK/item"  # type: ignore[assignment]
    error_rate: SmallShare = 0  # type: ignore[assignment]
    company_supervision: MoneyPerTime = "0 DKK/year"  # type: ignore[assignment]
    alternative: InHouseAlternative

    @model_validator(mode="after")
    def _at_the_site(self) -> Self:
        for i, line in enumerate(self.workforce):
            if line.employer != "social_enterprise" or line.workplace != "company":
                raise ValueError(
                    f"workforce.{i}: in-house staff are employed by the SØV and work at the company's site "
                    "(employer: social_enterprise, workplace: company)"
                )
        return self

    def _plan(self) -> Plan:
        years = canonical(self.period)
        effective = sum((line.effective_hours_per_year() for line in self.workforce), 0) * years
        flows = [
            Flow(
                "service",
                "company",
                "social_enterprise",
                canonical(self.price) * effective,
                "in-house service",
                "price × effective hours of the workforce × period",
                ("price", *hours_inputs("workforce", self.workforce, effective=True), "period"),
            ),
            *wage_flows(self.workforce, years, "workforce"),
            *staff_flows(self.support_staff, years),
        ]
        placements = [line.placement(f"workforce.{i}") for i, line in enumerate(self.workforce)]
        if self.support_staff:
            placements.append(staff_placement(self.support_staff, "social_enterprise", "company"))
        return Plan(
            parties={
                "company": self.company.name,
                "social_enterprise": self.social_enterprise.name,
                "workers": Text("term.staff_at", site=self.site.name),
                "support_staff": "support staff",
            },
            flows=tuple(flows),
            cost_pool=keys(flows, "support_staff."),
            funding=(("service revenue after wages", (("service", 1), *((k, -1) for k in keys(flows, "wages.")))),),
            break_even=(BreakEvenSpec("service", "price", "price per effective hour (SØV)", "DKK/hour", effective),),
            placements=tuple(placements),
            extras=partial(self._extras, years=years, effective=effective),
        )

    def _extras(self, settled: Mapping[str, Decimal], years: Rational, effective: Rational) -> Extras:
        alt = self.alternative
        volume = canonical(self.volume) * years
        cost_per_error = canonical(self.cost_per_error)
        before = {
            "own wages": to_ore(canonical(alt.wage_cost) * canonical(alt.hours) * years),
            "staff turnover": to_ore(alt.staff * canonical(alt.turnover) * canonical(alt.cost_per_hire) * years),
            "errors": to_ore(volume * canonical(alt.error_rate) * cost_per_error),
            "supervision": to_ore(canonical(alt.supervision) * years),
        }
        after = {
            "SØV service": settled["service"],
            "errors": to_ore(volume * canonical(self.error_rate) * cost_per_error),
            "supervision": to_ore(canonical(self.company_supervision) * years),
        }
        total_before = sum(before.values(), _ZERO)
        total_after = sum(after.values(), _ZERO)
        saving = total_before - total_after
        other_after = total_after - after["SØV service"]
        company_price = (
            # rounded down: at the price shown the company still saves
            None if effective == 0 else ore_at_most(max(Rational(total_before - other_after) / effective, Rational(0)))
        )
        # løntilskud paid to the SØV as the employer of a line is the SØV's income from the deal,
        # as in the cost split: its margin counts it, so the margin equals its surplus and net
        subsidy = sum(
            (
                settled.get(f"public.loentilskud.{i}", _ZERO)
                for i, line in enumerate(self.workforce)
                if line.employer == "social_enterprise"
            ),
            _ZERO,
        )
        sev_net = (
            settled["service"]
            + subsidy
            - sum((v for k, v in settled.items() if k.startswith(("wages.", "support_staff."))), _ZERO)
        )
        figures = (
            *(Figure(f"before_{k.replace(' ', '_')}", f"before: {k}", v, "DKK", _BEFORE[k]) for k, v in before.items()),
            Figure(
                "company_cost_before",
                "company's total cost, doing it itself",
                total_before,
                "DKK",
                "own wages + staff turnover + errors + supervision",
            ),
            *(
                Figure(f"after_{k.replace(' ', '_').replace('SØV', 'soev')}", f"after: {k}", v, "DKK", _AFTER[k])
                for k, v in after.items()
            ),
            Figure(
                "company_cost_after",
                "company's total cost, with the SØV",
                total_after,
                "DKK",
                "SØV service + errors + the company's own coordination",
            ),
            Figure("company_saving", "company's saving", saving, "DKK", "total cost before − total cost after"),
            Figure(
                "soev_margin",
                "SØV margin after wages and support staff",
                sev_net,
                "DKK",
                Text("note.soev_margin_loentilskud", amount=Amount(subsidy))
                if subsidy
                else "service revenue − wages − support staff",
            ),
            Figure(
                "company_break_even_price",
                "highest price per effective hour at which the company still saves",
                company_price,
                "DKK/hour",
                "(total cost before − total cost after without the SØV service) / effective hours of the workforce, "
                "rounded down to the øre",
            ),
        )
        check = Check(
            "cheaper for the company",
            "met" if saving > 0 else "not met",  # the same cost is not cheaper
            Text("msg.before_after", before=Amount(total_before), after=Amount(total_after)),
        )
        hours = (*hours_inputs("workforce", self.workforce, effective=True), "period")
        before_in = {
            "before_own_wages": ("alternative.wage_cost", "alternative.hours", "period"),
            "before_staff_turnover": (
                "alternative.staff",
                "alternative.turnover",
                "alternative.cost_per_hire",
                "period",
            ),
            "before_errors": ("volume", "alternative.error_rate", "cost_per_error", "period"),
            "before_supervision": ("alternative.supervision", "period"),
        }
        after_in = {
            "after_soev_service": ("price", *hours),
            "after_errors": ("volume", "error_rate", "cost_per_error", "period"),
            "after_supervision": ("company_supervision", "period"),
        }
        all_before = tuple(dict.fromkeys(p for v in before_in.values() for p in v))
        all_after = tuple(dict.fromkeys(p for v in after_in.values() for p in v))
        uses = {
            **before_in,
            **after_in,
            "company_cost_before": all_before,
            "company_cost_after": all_after,
            "company_saving": tuple(dict.fromkeys((*all_before, *all_after))),
            "company_break_even_price": tuple(dict.fromkeys((*all_before, *all_after))),
        }
        own_hours = canonical(alt.hours) * years
        statements: tuple[str, ...] = ()
        if abs(own_hours - effective) > effective / 100:  # more than 1 % apart: not the same work
            said = Text(
                "msg.alternative_hours", alternative=Number(places(own_hours)), delivered=Number(places(effective))
            )
            statements = (said,)
            # a saving on other work says nothing of which is cheaper for the same work (0 hours delivered
            # "saved" the whole alternative): not judged, and the reason says why
            check = Check(
                "cheaper for the company",
                "unknown",
                Text("msg.before_after_other_work", before=Amount(total_before), after=Amount(total_after), why=said),
            )
        if own_hours > 0 and alt.staff == 0:
            # hours of own staff with no staff: the turnover the company avoids is counted as nothing (review 57 L4)
            statements = (*statements, Text("msg.alternative_no_staff", hours=Number(places(own_hours))))
        return Extras(figures=with_inputs(figures, uses), checks=(check,), statements=statements)

    def _combined_extras(self, parts: tuple[tuple[str, Extras], ...]) -> Extras:
        """Over several years: each year's caveat that the saving is on other work, with its year.

        The saving's total and present value add up those years: the caveat belongs beside them
        in every output that gives them (the report, the workbook), not only in the year's own section.
        """
        said = tuple(
            Text("msg.in_year", year=Period(label), text=s)
            for label, extras in parts
            for s in extras.statements
            if isinstance(s, Text) and s.key in ("msg.alternative_hours", "msg.alternative_no_staff")
        )
        return Extras(statements=said)
