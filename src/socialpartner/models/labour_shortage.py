"""Help with labour shortage (hjælp til mangel på arbejdskraft).

A construction company buys helper hours from an SØV (3-5 fleksjob or småjob) for
clearing up and tool cleaning. The helpers take over tasks the craftsmen did, so each
effective helper hour frees a stated number of skilled hours (it may be below 1). The
freed skilled time is billed to the company's customers; under piece-rate pay (akkord)
part of it goes to the craftsmen as extra earnings. The evaluation answers: the cost of
helper hours; skilled hours freed, per year and as FTE (recruitment avoided); their
value; the craftsmen's extra earnings; the company's net gain; and the highest helper
price at which the deal still pays for the company.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from types import MappingProxyType
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from socialpartner._internal.backend import Rational
from socialpartner._internal.horizon import set_by
from socialpartner._internal.i18n import Number, Raw, Text
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
from socialpartner._internal.units import canonical, present
from socialpartner.models._base import Partnership
from socialpartner.models._shared import (
    HOURS_PER_FTE_YEAR,
    SupportStaff,
    Workforce,
    hours_inputs,
    keys,
    staff_flows,
    staff_placement,
    wage_flows,
)
from socialpartner.money import to_ore
from socialpartner.parties import Company, Municipality, SocialEnterprise
from socialpartner.quantities import MoneyPerHour, Ratio

__all__ = ["LabourShortagePartnership"]


class LabourShortagePartnership(Partnership):
    """A company buys helper hours so its skilled staff can do skilled work.

    Attributes:
        helpers: the helpers, employed by the SØV, working at the company.
        price: what the company pays the SØV per paid helper hour.
        skilled_hours_freed: skilled hours freed per effective helper hour (a ratio,
            e.g. ``0.8`` or ``"80 %"``; above 1 is allowed, ``1.2`` or ``"120 %"``).
        skilled_hour_value: what a skilled hour earns the company (its billing rate).
        akkord_rate: the craftsmen's piece-rate earnings per skilled hour, paid out of
            that value (zero when they are paid by the hour).
        support_staff: the SØV's support for the helpers, paid from its margin.

    """

    MODEL = "labour_shortage"
    COMPANY_GAIN = "company_net_gain"
    FIGURE_PARTS = MappingProxyType(
        {
            "helper_cost": ("helper_hours",),
            "skilled_fte_freed": ("skilled_hours_freed",),
            "value_of_freed_time": ("skilled_hours_freed",),
            "craftsmen_extra_earnings": ("skilled_hours_freed",),
            "company_net_gain": ("value_of_freed_time", "craftsmen_extra_earnings", "helper_cost"),
        }
    )

    model: Literal["labour_shortage"] = "labour_shortage"
    social_enterprise: SocialEnterprise
    company: Company
    municipality: Municipality | None = None
    helpers: Annotated[tuple[Workforce, ...], Field(min_length=1, max_length=100)]
    price: MoneyPerHour
    skilled_hours_freed: Ratio
    skilled_hour_value: MoneyPerHour
    akkord_rate: MoneyPerHour = "0 DKK/hour"  # type: ignore[assignment]
    support_staff: Annotated[tuple[SupportStaff, ...], Field(max_length=100)] = ()

    @model_validator(mode="after")
    def _helpers_from_the_soev(self) -> Self:
        for i, line in enumerate(self.helpers):
            if line.employer != "social_enterprise" or line.workplace != "company":
                raise ValueError(
                    f"helpers.{i}: helpers are employed by the SØV and work at the company "
                    "(employer: social_enterprise, workplace: company)"
                )
            if line.form == "course participant":
                raise ValueError(f"helpers.{i}: helpers are paid; a course participant cannot be a helper")
        if canonical(self.akkord_rate) > canonical(self.skilled_hour_value):
            raise ValueError(
                "akkord_rate: must not exceed skilled_hour_value; the piece rate is paid out of that value"
            )
        return self

    def _plan(self) -> Plan:
        years = canonical(self.period)
        paid = sum((line.paid_hours_per_year() for line in self.helpers), 0) * years
        effective = sum((line.effective_hours_per_year() for line in self.helpers), 0) * years
        freed = canonical(self.skilled_hours_freed) * effective
        flows = [
            Flow(
                "helper_hours",
                "company",
                "social_enterprise",
                canonical(self.price) * paid,
                "helper hours",
                "price × paid helper hours × period",
                ("price", *hours_inputs("helpers", self.helpers, effective=False), "period"),
            ),
            *wage_flows(self.helpers, years, "helpers"),
            *staff_flows(self.support_staff, years),
            Flow(
                "skilled_work",
                "customers",
                "company",
                canonical(self.skilled_hour_value) * freed,
                "skilled work done in the freed hours",
                "skilled hour value × skilled hours freed per helper hour × effective helper hours × period",
                (
                    "skilled_hour_value",
                    "skilled_hours_freed",
                    *hours_inputs("helpers", self.helpers, effective=True),
                    "period",
                ),
            ),
        ]
        if present(self.akkord_rate):
            flows.append(
                Flow(
                    "akkord",
                    "company",
                    "craftsmen",
                    canonical(self.akkord_rate) * freed,
                    "extra piece-rate (akkord)",
                    "akkord rate × skilled hours freed per helper hour × effective helper hours × period",
                    (
                        "akkord_rate",
                        "skilled_hours_freed",
                        *hours_inputs("helpers", self.helpers, effective=True),
                        "period",
                    ),
                )
            )
        margin = (("helper_hours", 1), *((k, -1) for k in keys(flows, "wages.")))
        placements = [line.placement(f"helpers.{i}") for i, line in enumerate(self.helpers)]
        if self.support_staff:
            placements.append(staff_placement(self.support_staff, "social_enterprise", "company"))
        return Plan(
            parties={
                "company": self.company.name,
                "social_enterprise": self.social_enterprise.name,
                "workers": "helpers",
                "support_staff": "support staff",
                "customers": Text("term.customers_of", company=self.company.name),
                "craftsmen": "craftsmen",
            },
            flows=tuple(flows),
            cost_pool=keys(flows, "support_staff."),
            funding=(("margin on helper hours", margin),),
            break_even=(BreakEvenSpec("helper_hours", "price", "helper price per hour (SØV)", "DKK/hour", paid),),
            placements=tuple(placements),
            extras=partial(self._extras, paid=paid, freed=freed, years=years),
        )

    def _horizon_statements(self, years: tuple[tuple[str, Partnership], ...]) -> tuple[Text, ...]:
        """The years in which the akkord rate, grown with wages, exceeds the skilled hour's value, grown with prices."""
        past = [
            (label, model)
            for label, model in years
            if isinstance(model, LabourShortagePartnership)
            and canonical(model.akkord_rate) > canonical(model.skilled_hour_value)
        ]
        if not past:
            return ()
        label, model = past[0]
        # a value a horizon change sets is not grown: name the change, not the growth rates (review 58 M2)
        changes = {path: set_by(self, path, label) for path in ("akkord_rate", "skilled_hour_value")}
        how = {
            path: Text("msg.akkord_set_by", change=Raw(change)) if change else Text(f"msg.akkord_grown.{path}")
            for path, change in changes.items()
        }
        return (
            Text(
                "msg.akkord_past_value",
                first=Raw(label),
                years=Raw(", ".join(y for y, _ in past)),
                akkord=Number(to_ore(canonical(model.akkord_rate))),
                value=Number(to_ore(canonical(model.skilled_hour_value))),
                akkord_how=how["akkord_rate"],
                value_how=how["skilled_hour_value"],
                check=Raw(", ".join(c for c in changes.values() if c))
                if any(changes.values())
                else Text("msg.akkord_check_growth"),
            ),
        )

    def _extras(self, settled: Mapping[str, Decimal], paid: Rational, freed: Rational, years: Rational) -> Extras:
        cost = settled["helper_hours"]
        value = settled["skilled_work"]
        akkord = settled.get("akkord", Decimal("0.00"))
        net = value - akkord - cost
        # The company breaks even when price × paid hours = freed × (value − akkord) per hour.
        keep = canonical(self.skilled_hour_value) - canonical(self.akkord_rate)
        # rounded down: at the price shown the company still gains
        max_price = None if paid == 0 else ore_at_most(Rational(freed * keep) / paid)
        freed_fte = freed / years / HOURS_PER_FTE_YEAR
        figures = (
            Figure(
                "helper_hours", "helper hours bought (paid)", places(paid), "hour", "Σ headcount × paid hours × period"
            ),
            Figure("helper_cost", "cost of helper hours", cost, "DKK", "price × paid helper hours"),
            Figure(
                "skilled_hours_freed",
                "skilled hours freed",
                places(freed),
                "hour",
                "skilled hours freed per helper hour × effective helper hours",
            ),
            Figure(
                "skilled_fte_freed",
                "skilled FTE freed (recruitment avoided)",
                places(freed_fte),
                "FTE",
                "skilled hours freed per year / 1,924 hours per FTE-year",
            ),
            Figure(
                "value_of_freed_time",
                "value of the freed skilled time",
                value,
                "DKK",
                "skilled hour value × skilled hours freed",
            ),
            Figure(
                "craftsmen_extra_earnings",
                "craftsmen's extra piece-rate earnings",
                akkord,
                "DKK",
                "akkord rate × skilled hours freed",
            ),
            Figure(
                "company_net_gain",
                "company's net gain",
                net,
                "DKK",
                "value of freed time − craftsmen's extra earnings − cost of helper hours",
            ),
            Figure(
                "max_helper_price",
                "highest helper price at which it still pays",
                max_price,
                "DKK/hour",
                "skilled hours freed per paid helper hour × (skilled hour value − akkord rate), "
                "rounded down to the øre",
            ),
        )
        pays = Check(
            "pays for the company",
            "met" if net >= 0 else "not met",
            Text(
                "msg.pays",
                value=Number(value),
                akkord=Number(akkord),
                cost=Number(cost),
                net=Number(net),
            ),
        )
        if paid == 0:
            # no helper hours bought: a gain of 0.00 says nothing of whether helpers pay (review 62 M1, 60 L2);
            # not judged, as the in-house model leaves a saving on no delivered hours
            pays = Check("pays for the company", "unknown", Text("msg.pays_no_hours"))
        paid_in = (*hours_inputs("helpers", self.helpers, effective=False), "period")
        freed_in = ("skilled_hours_freed", *hours_inputs("helpers", self.helpers, effective=True), "period")
        uses = {
            "helper_hours": paid_in,
            "helper_cost": ("price", *paid_in),
            "skilled_hours_freed": freed_in,
            "skilled_fte_freed": freed_in,
            "value_of_freed_time": ("skilled_hour_value", *freed_in),
            "craftsmen_extra_earnings": ("akkord_rate", *freed_in),
            "company_net_gain": ("price", "skilled_hour_value", "akkord_rate", *freed_in, *paid_in),
            "max_helper_price": ("skilled_hour_value", "akkord_rate", *freed_in, *paid_in),
        }
        return Extras(figures=with_inputs(figures, uses), checks=(pays,))
