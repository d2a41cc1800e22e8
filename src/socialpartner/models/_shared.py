"""Inputs every model shares: workforce placements and support staff, and their flows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Literal, Self, cast

from pydantic import model_validator

from socialpartner._internal.plan import Flow, Placement
from socialpartner._internal.units import Q_, WEEKS_PER_YEAR, canonical
from socialpartner.models._frozen import Frozen
from socialpartner.parties import Name
from socialpartner.quantities import FullTimeEquivalents, Headcount, HoursPerTime, MoneyPerHour, MoneyPerTime

__all__ = ["INCLUSIVE_FORMS", "Form", "Role", "SupportStaff", "Workforce"]

HOURS_PER_FTE_YEAR = canonical(Q_(1, "FTE"))  # 37 h/week × 52 = 1,924, from units.txt

Role = Literal["social_enterprise", "company"]
"""Who employs people, or where they work."""

Form = Literal["fleksjob", "småjob", "løntilskud", "ordinary", "apprentice", "course participant"]
"""The form of a placement."""

INCLUSIVE_FORMS: frozenset[str] = frozenset({"fleksjob", "småjob", "løntilskud", "apprentice", "course participant"})
"""Forms for people at the edge of the labour market (all but ordinary jobs)."""


class Workforce(Frozen):
    """One line of people placed: form, headcount, hours, wage cost, employer, workplace.

    Attributes:
        form: fleksjob, småjob, løntilskud, ordinary, apprentice or course participant.
        headcount: people on the line.
        paid_hours: hours the employer pays wages for, per person (for fleksjob the
            employer pays the effective hours only, so state those).
        effective_hours: productive hours per person; at most ``paid_hours``
            (default: equal to it).
        wage_cost: the employer's full wage cost per paid hour; not given for course
            participants, who are not paid wages.
        employer: who employs them (the SØV unless stated).
        workplace: where they work.

    """

    form: Form
    headcount: Headcount
    paid_hours: HoursPerTime
    effective_hours: HoursPerTime | None = None
    wage_cost: MoneyPerHour | None = None
    employer: Role = "social_enterprise"
    workplace: Role = "social_enterprise"

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.effective_hours is not None and canonical(self.effective_hours) > canonical(self.paid_hours):
            raise ValueError(
                f"effective_hours: {self.effective_hours} must not exceed paid_hours ({self.paid_hours}); "
                "effective hours are the productive part of the paid hours"
            )
        if self.form == "course participant":
            if self.wage_cost is not None:
                raise ValueError("wage_cost: course participants are not paid wages; leave it out")
        elif self.wage_cost is None:
            raise ValueError(f"wage_cost: required for {self.form} (the employer's full wage cost per paid hour)")
        return self

    def paid_hours_per_year(self) -> Fraction:
        """All paid hours of the line per year, exact."""
        return self.headcount * canonical(self.paid_hours)

    def effective_hours_per_year(self) -> Fraction:
        """All effective hours of the line per year, exact."""
        hours = self.paid_hours if self.effective_hours is None else self.effective_hours
        return self.headcount * canonical(hours)

    def wages_per_year(self) -> Fraction | int:
        """The employer's wage cost of the line per year, exact (zero for course participants)."""
        return 0 if self.wage_cost is None else self.paid_hours_per_year() * canonical(self.wage_cost)

    def placement(self) -> Placement:
        """The line as placed people (hours per week)."""
        paid = self.paid_hours_per_year() / WEEKS_PER_YEAR
        effective = self.effective_hours_per_year() / WEEKS_PER_YEAR
        participant = self.form == "course participant"
        return Placement(
            self.form,
            self.headcount,
            paid,
            effective,
            None if participant else self.employer,
            self.workplace,
            is_job=not participant,
            inclusive=self.form in INCLUSIVE_FORMS,
            wage=None if self.wage_cost is None else canonical(self.wage_cost),
        )


class SupportStaff(Frozen):
    """A support post, e.g. a socialpædagog or a supervisor (arbejdsleder).

    Attributes:
        role: the post, e.g. ``socialpædagog``.
        fte: working time of the post (a plain number is FTE).
        annual_cost: the employer's cost of the post as stated (at that FTE).

    """

    role: Name
    fte: FullTimeEquivalents
    annual_cost: MoneyPerTime


def hours_inputs(path: str, lines: Sequence[Workforce], *, effective: bool) -> tuple[str, ...]:
    """Scenario paths behind the lines' paid or effective hours (effective falls back to paid)."""
    out: list[str] = []
    for i, line in enumerate(lines):
        which = "effective_hours" if effective and line.effective_hours is not None else "paid_hours"
        out += [f"{path}.{i}.headcount", f"{path}.{i}.{which}"]
    return tuple(out)


def _per(period: str | None) -> tuple[str, tuple[str, ...]]:
    """The formula suffix and input for the period (None: amounts are per one year)."""
    return (" × period", (period,)) if period else (" (one year)", ())


def wage_flows(
    lines: Sequence[Workforce], years: Fraction | int, path: str, period: str | None = "period"
) -> list[Flow]:
    """Employer → workers, one flow per paid line, keyed ``wages.0``, ``wages.1`` and so on.

    ``path`` is where the lines are in the scenario (e.g. ``workforce``), for explanations.
    """
    suffix, per = _per(period)
    return [
        Flow(
            f"wages.{i}",
            line.employer,
            "workers",
            line.wages_per_year() * years,
            f"wages ({line.form})",
            "headcount × paid hours × wage cost" + suffix,
            (f"{path}.{i}.headcount", f"{path}.{i}.paid_hours", f"{path}.{i}.wage_cost", *per),
        )
        for i, line in enumerate(lines)
        if line.wage_cost is not None
    ]


def staff_flows(
    staff: Sequence[SupportStaff],
    years: Fraction | int,
    path: str = "support_staff",
    period: str | None = "period",
    payer: str = "social_enterprise",
) -> list[Flow]:
    """Employer → support staff, one flow per post, keyed ``support_staff.0`` and so on."""
    suffix, per = _per(period)
    return [
        Flow(
            f"support_staff.{i}",
            payer,
            "support_staff",
            canonical(s.annual_cost) * years,
            f"salary: {s.role}",
            "annual cost" + suffix,
            (f"{path}.{i}.annual_cost", *per),
        )
        for i, s in enumerate(staff)
    ]


def staff_placement(staff: Sequence[SupportStaff], employer: str, workplace: str) -> Placement:
    """Support posts as one placement line (not jobs for the target group)."""
    hours = cast(Fraction, sum((canonical(s.fte) for s in staff), 0) / WEEKS_PER_YEAR)
    return Placement("support staff", len(staff), hours, hours, employer, workplace, is_job=False, inclusive=False)


def keys(flows: Iterable[Flow], prefix: str) -> tuple[str, ...]:
    """The keys of the flows whose key starts with ``prefix``."""
    return tuple(f.key for f in flows if f.key.startswith(prefix))
