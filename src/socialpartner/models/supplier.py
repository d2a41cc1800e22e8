"""Supplier — also for the CSR account (leverandør).

A company buys services (building maintenance, green areas, canteen …) from an SØV,
priced per hour or as a contract sum per period. The SØV staffs them with fleksjob,
apprentices and ordinary staff plus supervisors. The evaluation answers: the contract
value; the SØV's margin after wages and supervision, and whether supervision is covered;
jobs by form; and a CSR account for the company, attributing inclusive jobs and hours to
its purchase by the contract's share of the SØV's revenue.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from types import MappingProxyType
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from socialpartner._internal.backend import Rational, fraction
from socialpartner._internal.i18n import Join, Money, Number, Percent, Period, Text
from socialpartner._internal.plan import BreakEvenSpec, Check, Extras, Figure, Flow, Plan, places, with_inputs
from socialpartner._internal.units import WEEKS_PER_YEAR, canonical, present
from socialpartner.models._base import Partnership
from socialpartner.models._frozen import Frozen
from socialpartner.models._shared import (
    HOURS_PER_FTE_YEAR,
    SupportStaff,
    Workforce,
    keys,
    staff_flows,
    staff_placement,
    wage_flows,
)
from socialpartner.money import to_ore
from socialpartner.parties import Company, Municipality, Name, SocialEnterprise
from socialpartner.quantities import HoursPerTime, MoneyPerHour, MoneyPerTime

__all__ = ["Service", "SupplierPartnership"]

_ZERO = Decimal("0.00")


class Service(Frozen):
    """A service the company buys: per hour (``price`` × ``hours``) or a ``contract_sum``.

    Attributes:
        name: e.g. ``building maintenance``.
        price: price per billed hour.
        hours: billed hours per week, month or year.
        contract_sum: a fixed sum per time, instead of ``price`` and ``hours``.
        market_price: what the company would pay another supplier per hour for the same
            service (optional, with ``price`` and ``hours``).
        market_sum: what another supplier would charge per time (optional, with
            ``contract_sum``).

    """

    name: Name
    price: MoneyPerHour | None = None
    hours: HoursPerTime | None = None
    contract_sum: MoneyPerTime | None = None
    market_price: MoneyPerHour | None = None
    market_sum: MoneyPerTime | None = None

    @model_validator(mode="after")
    def _one_pricing(self) -> Self:
        hourly = self.price is not None or self.hours is not None
        if hourly and self.contract_sum is not None:
            raise ValueError("contract_sum: give either price and hours, or contract_sum, not both")
        if self.contract_sum is None and (self.price is None or self.hours is None):
            raise ValueError("price: give price and hours (priced per hour), or contract_sum")
        if self.market_price is not None and self.contract_sum is not None:
            raise ValueError(
                "market_price: a service with a contract_sum takes market_sum (money per week, month or year)"
            )
        if self.market_sum is not None and self.contract_sum is None:
            raise ValueError("market_sum: a service priced per hour takes market_price (money per hour)")
        return self

    def market_per_year(self) -> Rational | None:
        """What another supplier would charge per year for the service, exact; None if not given."""
        if self.market_sum is not None:
            return canonical(self.market_sum)
        if self.market_price is not None:
            assert self.hours is not None  # noqa: S101 - ensured by the validator
            return canonical(self.market_price) * canonical(self.hours)
        return None

    def market_inputs(self) -> tuple[str, ...]:
        """The fields :meth:`market_per_year` reads (the market sum, else the market price and the hours)."""
        if self.market_sum is not None:
            return ("market_sum",)
        if self.market_price is not None:
            return ("market_price", "hours")
        return ()

    def per_year(self) -> Rational:
        """The service's value per year, exact."""
        if self.contract_sum is not None:
            return canonical(self.contract_sum)
        assert self.price is not None  # noqa: S101 - ensured by the validator
        assert self.hours is not None  # noqa: S101
        return canonical(self.price) * canonical(self.hours)


class SupplierPartnership(Partnership):
    """A company buys services from an SØV that staffs them inclusively.

    Attributes:
        services: what the company buys.
        workforce: the SØV's staff on the contract, or all its staff when
            ``other_revenue`` is given (the SØV's whole economy is then modelled).
        supervision: the SØV's supervisors and other support posts.
        other_costs: the SØV's other costs of the contract (materials, transport).
        other_revenue: the SØV's revenue from other customers; the contract's share of
            all revenue attributes jobs and hours to the company's purchase.

    """

    MODEL = "supplier"
    COMPANY_GAIN = "company_saving"
    FIGURE_PARTS = MappingProxyType(
        {
            "margin": ("margin_after_wages", "support_staff.*"),
            "revenue_share": ("contract_value", "other_revenue"),
            "csr_spend": ("contract_value",),
        }
    )

    def figure_parts(self, key: str, flows: Mapping[str, Flow]) -> tuple[str, ...]:
        """The saving's parts: the market cost and what the company pays for the services with a market price."""
        if key == "company_saving":
            priced = (f"services.{i}" for i, sv in enumerate(self.services) if sv.market_per_year() is not None)
            return ("company_market_cost", *priced)
        return super().figure_parts(key, flows)

    model: Literal["supplier"] = "supplier"
    social_enterprise: SocialEnterprise
    company: Company
    municipality: Municipality | None = None
    services: Annotated[tuple[Service, ...], Field(min_length=1, max_length=100)]
    workforce: Annotated[tuple[Workforce, ...], Field(max_length=100)]
    supervision: Annotated[tuple[SupportStaff, ...], Field(max_length=100)] = ()
    other_costs: MoneyPerTime = "0 DKK/year"  # type: ignore[assignment]
    other_revenue: MoneyPerTime = "0 DKK/year"  # type: ignore[assignment]

    @model_validator(mode="after")
    def _employed_by_the_soev(self) -> Self:
        for i, line in enumerate(self.workforce):
            if line.employer != "social_enterprise":
                raise ValueError(
                    f"workforce.{i}: a supplier's staff are employed by the SØV (employer: social_enterprise)"
                )
        return self

    def _plan(self) -> Plan:
        years = canonical(self.period)
        flows = [
            Flow(
                f"services.{i}",
                "company",
                "social_enterprise",
                s.per_year() * years,
                f"service: {s.name}",
                "contract sum × period" if s.contract_sum is not None else "price × hours × period",
                (f"services.{i}.contract_sum", "period")
                if s.contract_sum is not None
                else (f"services.{i}.price", f"services.{i}.hours", "period"),
            )
            for i, s in enumerate(self.services)
        ]
        other_revenue = canonical(self.other_revenue) * years
        if present(self.other_revenue):
            flows.append(
                Flow(
                    "other_revenue",
                    "other_customers",
                    "social_enterprise",
                    other_revenue,
                    "other customers",
                    "other revenue × period",
                    ("other_revenue", "period"),
                )
            )
        flows += wage_flows(self.workforce, years, "workforce")
        other_costs = canonical(self.other_costs) * years
        if present(self.other_costs):
            flows.append(
                Flow(
                    "other_costs",
                    "social_enterprise",
                    "suppliers",
                    other_costs,
                    "other costs (materials)",
                    "other costs × period",
                    ("other_costs", "period"),
                )
            )
        flows += staff_flows(self.supervision, years, "supervision")

        contract = tuple((k, 1) for k in keys(flows, "services."))
        spending = tuple((k, -1) for k in (*keys(flows, "wages."), *keys(flows, "other_costs")))
        funding: list[tuple[str, tuple[tuple[str, int], ...]]] = [
            ("contract revenue after wages and other costs", contract + spending)
        ]
        if present(self.other_revenue):
            funding.append(("other customers", (("other_revenue", 1),)))

        break_even = []
        for i, s in enumerate(self.services):
            if s.contract_sum is not None:
                break_even.append(
                    BreakEvenSpec(
                        f"services.{i}",
                        f"services.{i}.contract_sum",
                        Text("term.service_sum", name=s.name),
                        "DKK/year",
                        years,
                    )
                )
            else:
                assert s.hours is not None  # noqa: S101 - ensured by the validator
                break_even.append(
                    BreakEvenSpec(
                        f"services.{i}",
                        f"services.{i}.price",
                        Text("term.service_price", name=s.name),
                        "DKK/hour",
                        canonical(s.hours) * years,
                    )
                )

        placements = [line.placement(f"workforce.{i}") for i, line in enumerate(self.workforce)]
        if self.supervision:
            placements.append(staff_placement(self.supervision, "social_enterprise", "social_enterprise"))

        return Plan(
            parties={
                "company": self.company.name,
                "social_enterprise": self.social_enterprise.name,
                "other_customers": "other customers",
                "workers": "employees placed",
                "suppliers": "suppliers",
                "support_staff": "supervision",
            },
            flows=tuple(flows),
            cost_pool=keys(flows, "support_staff."),
            funding=tuple(funding),
            break_even=tuple(break_even),
            placements=tuple(placements),
            extras=partial(self._extras, years=years),
        )

    def _extras(self, settled: Mapping[str, Decimal], years: Rational) -> Extras:
        contract = sum((v for k, v in settled.items() if k.startswith("services.")), _ZERO)
        wages = sum((v for k, v in settled.items() if k.startswith("wages.")), _ZERO)
        supervision = sum((v for k, v in settled.items() if k.startswith("support_staff.")), _ZERO)
        other_costs = settled.get("other_costs", _ZERO)
        revenue = contract + settled.get("other_revenue", _ZERO)
        # no revenue at all (a contract of 0): nothing bought, so no jobs are the company's to count
        share = Rational(0) if revenue == 0 else Rational(contract) / Rational(revenue)
        # løntilskud paid to the SØV as the employer of a line is the SØV's income from the deal,
        # as in the cost split: its margins count it, so the margin equals its surplus and net
        subsidy = sum(
            (
                settled.get(f"public.loentilskud.{i}", _ZERO)
                for i, line in enumerate(self.workforce)
                if line.employer == "social_enterprise"
            ),
            _ZERO,
        )
        margin_after_wages = revenue + subsidy - wages - other_costs
        margin = margin_after_wages - supervision

        inclusive = [line for line in self.workforce if line.placement().inclusive]
        # course participants are placed, but not in a job: counted apart from the jobs
        # a job line of 0 paid hours is no job (as the evaluation counts jobs): no CSR job either
        in_jobs = [line for line in inclusive if line.placement().is_job and line.paid_hours_per_year() != 0]
        jobs = share * sum((line.headcount for line in in_jobs), 0)
        participants = share * sum((line.headcount for line in inclusive if not line.placement().is_job), 0)
        # FTE and hours of work: the jobs' paid hours (a course participant's hours are not paid work)
        job_hours = sum((line.paid_hours_per_year() for line in in_jobs), Rational(0))
        fte = share * job_hours / HOURS_PER_FTE_YEAR
        hours = share * years * job_hours
        by_form: dict[str, Rational] = {}
        for line in in_jobs:
            by_form[line.form] = by_form.get(line.form, Rational(0)) + share * line.headcount
        figures: tuple[Figure, ...] = (
            Figure("contract_value", "contract value", contract, "DKK", "sum of the company's payments for services"),
            Figure(
                "margin_after_wages",
                "SØV margin after wages and other costs",
                margin_after_wages,
                "DKK",
                Text("note.margin_after_wages_loentilskud", amount=Money(subsidy))
                if subsidy
                else "contract value + other customers − wages − other costs",
            ),
            Figure(
                "margin", "SØV margin after wages and supervision", margin, "DKK", "margin after wages − supervision"
            ),
            Figure(
                "revenue_share",
                "contract's share of the SØV's revenue",
                places(share, Decimal("0.0001")),
                "ratio",
                "contract value / (contract value + other customers); 100 % without other customers, "
                "0 % with no revenue",
            ),
            Figure("csr_spend", "CSR: spend with a social-economy supplier", contract, "DKK", "the contract value"),
            Figure(
                "csr_inclusive_jobs",
                "CSR: inclusive jobs attributable",
                places(jobs),
                "people",
                "revenue share × headcount in inclusive jobs (all but ordinary jobs; course participants are not jobs)",
                exact=fraction(jobs),  # a Python number on the record (the engine's may be gmpy2's)
            ),
            Figure(
                "csr_inclusive_fte",
                "CSR: inclusive FTE attributable",
                places(fte),
                "FTE",
                "revenue share × paid hours a year in inclusive jobs / 1,924",
                exact=fraction(fte),  # a Python number on the record (the engine's may be gmpy2's)
            ),
            Figure(
                "csr_inclusive_hours",
                "CSR: hours of inclusive work attributable",
                places(hours),
                "hour",
                "revenue share × paid hours in inclusive jobs over the period",
                exact=fraction(hours),  # a Python number on the record (the engine's may be gmpy2's)
            ),
        )
        priced = [(i, m) for i, sv in enumerate(self.services) if (m := sv.market_per_year()) is not None]
        if priced:
            market = sum((to_ore(m * years) for _, m in priced), _ZERO)
            paid = sum((settled[f"services.{i}"] for i, _ in priced), _ZERO)
            figures += (
                Figure(
                    "company_market_cost",
                    Text("term.market_cost"),
                    market,
                    "DKK",
                    Text("term.market_cost.note"),
                ),
                Figure(
                    "company_saving",
                    Text("term.market_saving"),
                    market - paid,
                    "DKK",
                    Text("term.market_saving.note"),
                ),
            )
        covered = margin >= 0
        check = Check(
            "supervision covered",
            "met" if covered else "not met",
            Text("msg.supervision", margin=Money(margin_after_wages), supervision=Money(supervision)),
        )
        checks: tuple[Check, ...] = (check,)
        if priced:  # as in-house judges it: the market's price against the SØV's, for the services priced both ways
            checks += (
                Check(
                    "cheaper for the company",
                    "met" if market - paid > 0 else "not met",  # the same price is not cheaper
                    Text("msg.market_against_paid", market=Money(market), paid=Money(paid)),
                ),
            )
        counts = tuple(Text("msg.count", n=Number(places(n)), what=form) for form, n in by_form.items())
        forms = Join(counts) if counts else Text("msg.none")
        statement = Text(
            "msg.csr",
            period=Period(str(self.period)),
            company=self.company.name,
            contract=Money(contract),
            soev=self.social_enterprise.name,
            share_text=""
            if share == 1
            else Text("msg.share_of_revenue", share=Percent(places(share, Decimal("0.0001")))),
            jobs=Number(places(jobs)),
            forms=forms,
            fte=Number(places(fte)),
            hours=Number(places(hours)),
            participants=""
            if not participants
            else Text("msg.csr_participants", participants=Number(places(participants))),
        )
        statements: tuple[str, ...] = (statement,)
        # more hours billed than the whole workforce is paid for: a typo (a year's hours written per week) more
        # likely than a service, and the CSR sentence would credit the purchase with it; said, not refused
        billed = sum((canonical(sv.hours) for sv in self.services if sv.hours is not None), Rational(0))
        paid_hours = sum((line.paid_hours_per_year() for line in self.workforce), Rational(0))
        if billed > paid_hours:
            statements += (
                Text(
                    "msg.billed_above_paid",
                    billed=Number(places(billed / WEEKS_PER_YEAR)),
                    paid=Number(places(paid_hours / WEEKS_PER_YEAR)),
                ),
            )
        return Extras(figures=with_inputs(figures, self._figure_inputs()), checks=checks, statements=statements)

    def _combined_extras(self, parts: tuple[tuple[str, Extras], ...]) -> Extras:
        """Over several years: the CSR account of the whole contract period, for a CSR report over it.

        The spend and the hours of inclusive work add up over the years; jobs and FTE are counted
        in each year, so their sum is in job-years and FTE-years (each year's own are in its record).
        """

        def total(key: str) -> Decimal:
            return sum((f.value for _, e in parts for f in e.figures if f.key == key and f.value is not None), _ZERO)

        def exact_total(key: str) -> Decimal:
            # the exact yearly counts summed, rounded once (review 49 F1: 3 × 3.24 = 9.72 FTE-years where the
            # 18,720 hours are 9.73)
            return places(sum((f.exact for _, e in parts for f in e.figures if f.key == key), Rational(0)))

        spend = total("csr_spend")  # money: the yearly amounts as booked, each rounded once
        hours = exact_total("csr_inclusive_hours")
        job_years, fte_years = exact_total("csr_inclusive_jobs"), exact_total("csr_inclusive_fte")
        span = parts[0][0] if len(parts) == 1 else f"{parts[0][0]}–{parts[-1][0]}"
        figures = (
            Figure(
                "total.csr_spend",
                "CSR: spend with a social-economy supplier over the years",
                spend,
                "DKK",
                "sum of the yearly contract values",
            ),
            Figure(
                "csr_inclusive_hours_total",
                "CSR: hours of inclusive work attributable over the years",
                hours,
                "hour",
                "sum of the yearly hours attributable (exact, rounded once)",
            ),
            Figure(
                "csr_inclusive_job_years",
                "CSR: inclusive job-years attributable",
                job_years,
                "job-years",  # a job held for a year: 7 people over 3 years are 21 job-years, not 21 people
                "sum of the yearly inclusive jobs attributable (a job held for a year is one job-year; "
                "exact, rounded once)",
            ),
            Figure(
                "csr_inclusive_fte_years",
                "CSR: inclusive FTE-years attributable",
                fte_years,
                "FTE",
                "sum of the yearly FTE attributable (exact, rounded once)",
            ),
        )
        said = Text(
            "msg.csr_years",
            years=Period(span),
            company=self.company.name,
            contract=Money(spend),
            soev=self.social_enterprise.name,
            job_years=Number(job_years),
            fte_years=Number(fte_years),
            hours=Number(hours),
        )
        return Extras(figures=figures, statements=(said,))

    def _figure_inputs(self) -> dict[str, tuple[str, ...]]:
        """The scenario paths behind each figure, for explanations."""
        jobs = [i for i, line in enumerate(self.workforce) if line.placement().inclusive and line.placement().is_job]
        people = tuple(p for i in jobs for p in (f"workforce.{i}.form", f"workforce.{i}.headcount"))
        hours = tuple(
            p for i in jobs for p in (f"workforce.{i}.form", f"workforce.{i}.headcount", f"workforce.{i}.paid_hours")
        )
        services = tuple(
            f"services.{i}.{name}"
            for i, sv in enumerate(self.services)
            for name in ("price", "hours", "contract_sum")
            if getattr(sv, name) is not None
        )
        share = (*services, "other_revenue")
        wages = tuple(
            f"workforce.{i}.{name}"
            for i, line in enumerate(self.workforce)
            if line.wage_cost is not None
            for name in ("headcount", "paid_hours", "wage_cost")
        )
        margin = (*share, *wages, "other_costs", "period")
        return {
            "contract_value": (*services, "period"),
            "margin_after_wages": margin,
            "margin": (
                *margin,
                *(
                    f"supervision.{i}.{name}"
                    for i, post in enumerate(self.supervision)
                    for name in ("fte", "annual_cost", "cost_per_fte")
                    if getattr(post, name) is not None
                ),
            ),
            "revenue_share": share,
            "csr_spend": (*services, "period"),
            "csr_inclusive_jobs": (*share, *people),
            "csr_inclusive_fte": (*share, *hours),
            "csr_inclusive_hours": (*share, *hours, "period"),
            # what another supplier would charge: the market sum, else the market price × the hours
            "company_market_cost": (
                *(f"services.{i}.{name}" for i, sv in enumerate(self.services) for name in sv.market_inputs()),
                "period",
            ),
        }
