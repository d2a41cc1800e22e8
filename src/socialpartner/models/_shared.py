"""Inputs every model shares: workforce placements and support staff, and their flows."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Annotated, Any, Literal, Self, cast, get_args

import pint
from pydantic import BeforeValidator, model_validator

from socialpartner._internal.backend import Rational, fraction
from socialpartner._internal.plan import Flow, Placement
from socialpartner._internal.units import DANISH, Q_, WEEKS_PER_YEAR, canonical, current_number_format, format_decimal
from socialpartner.models._frozen import Frozen
from socialpartner.money import round_half_up
from socialpartner.parties import Name
from socialpartner.quantities import FullTimeEquivalents, Headcount, HoursPerPerson, MoneyPerHour, MoneyPerTime

__all__ = ["INCLUSIVE_FORMS", "Form", "Role", "SupportStaff", "Workforce"]

# 37 h/week × 52 = 1,924, from units.txt; a whole number kept as an int, which mixes with the
# exact backend's rationals and the float backend's floats alike (an mpq times a float is not a float).
_FTE_HOURS = fraction(canonical(Q_(1, "FTE")))
HOURS_PER_FTE_YEAR: int | Fraction = _FTE_HOURS.numerator if _FTE_HOURS.denominator == 1 else _FTE_HOURS

RoleName = Literal["social_enterprise", "company"]

# a role written in Danish words: named in the error, not read silently
_ROLE_WORDS = {
    "søv": "social_enterprise",
    "søv'en": "social_enterprise",
    "soev": "social_enterprise",
    "socialøkonomisk virksomhed": "social_enterprise",
    "virksomhed": "company",
    "virksomheden": "company",
    "firma": "company",
    "firmaet": "company",
}


def role_name(value: Any) -> Any:
    """A role as written; one that is not ``social_enterprise`` or ``company`` is refused with what to write.

    Review 62 M4: ``workplace: virksomheden`` got pydantic's bare "Input should be …".
    """
    if not isinstance(value, str) or value in ("social_enterprise", "company"):
        return value
    key = " ".join(value.split()).casefold()
    meant = _ROLE_WORDS.get(key) or next(
        iter(difflib.get_close_matches(key, ["social_enterprise", "company"], 1)), None
    )
    hint = f"; did you mean {meant!r}?" if meant else "."
    raise ValueError(f"{value!r} is not a role{hint} Write social_enterprise (the SØV) or company (the company)")


Role = Annotated[RoleName, BeforeValidator(role_name)]
"""Who employs people, or where they work."""

FormName = Literal["fleksjob", "småjob", "løntilskud", "ordinary", "apprentice", "course participant"]

# the Danish names the output prints (and their common spellings) read back as the form:
# a table's "ordinært job" or "forløbsdeltager" pasted into a scenario is that form
_FORM_ALIASES = {
    "ordinært job": "ordinary",
    "ordinaert job": "ordinary",
    "ordinært": "ordinary",
    "ordinær": "ordinary",
    "forløbsdeltager": "course participant",
    "forløbsdeltagere": "course participant",
    "forlobsdeltager": "course participant",
    "elev": "apprentice",
    "lærling": "apprentice",
    "smajob": "småjob",
    "smaajob": "småjob",
    "lontilskud": "løntilskud",
    "loentilskud": "løntilskud",  # the spelling of the parameters' names (refusion.loentilskud)
}


def form_name(value: Any) -> Any:
    """A form written as the Danish output prints it (``ordinært job``, ``forløbsdeltager``) as the form itself.

    Case and spacing do not matter; anything else is left for the form's own check.
    """
    if not isinstance(value, str):
        return value
    key = " ".join(value.split()).casefold()
    return _FORM_ALIASES.get(key, key if key in FORMS else value)


def _form(value: Any) -> Any:
    """A placement's form (:func:`form_name`); one that is none is refused with a suggestion and the names read."""
    found = form_name(value)
    if not isinstance(found, str) or found in FORMS:
        return found
    key = " ".join(found.split()).casefold()
    # review 62 M4: "flexjob" got pydantic's bare list, without a suggestion or the Danish names read
    names = [*get_args(FormName), *_FORM_ALIASES]  # in a fixed order: the same suggestion every run
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    hint = f"; did you mean {_FORM_ALIASES.get(close[0], close[0])!r}?" if close else "."
    raise ValueError(
        f"{value!r} is not a form of employment{hint} Write fleksjob, småjob, løntilskud, ordinary (ordinært job), "
        "apprentice (elev, lærling) or course participant (forløbsdeltager)"
    )


Form = Annotated[FormName, BeforeValidator(_form)]
"""The form of a placement (the Danish names the output prints are read too: ``ordinært job``,
``forløbsdeltager``, ``elev``)."""

FORMS: frozenset[str] = frozenset(get_args(FormName))
"""Every placement form a counterfactual may name."""

INCLUSIVE_FORMS: frozenset[str] = frozenset({"fleksjob", "småjob", "løntilskud", "apprentice", "course participant"})
"""Forms for people at the edge of the labour market (all but ordinary jobs)."""


class Workforce(Frozen):
    """One line of people placed: form, headcount, hours, wage cost, employer, workplace.

    Attributes:
        form: fleksjob, småjob, løntilskud, ordinary, apprentice or course participant
            (or as the Danish output names them: ``ordinært job``, ``elev``, ``forløbsdeltager``).
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
    paid_hours: HoursPerPerson
    effective_hours: HoursPerPerson | None = None
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

    def paid_hours_per_year(self) -> Rational:
        """All paid hours of the line per year, exact."""
        return self.headcount * canonical(self.paid_hours)

    def effective_hours_per_year(self) -> Rational:
        """All effective hours of the line per year, exact."""
        hours = self.paid_hours if self.effective_hours is None else self.effective_hours
        return self.headcount * canonical(hours)

    def wages_per_year(self) -> Rational | int:
        """The employer's wage cost of the line per year, exact (zero for course participants)."""
        return 0 if self.wage_cost is None else self.paid_hours_per_year() * canonical(self.wage_cost)

    def placement(self, at: str = "") -> Placement:
        """The line as placed people (hours per week); ``at`` is the line's path in the scenario."""
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
            inputs=tuple(
                f"{at}.{name}"
                for name in ("headcount", "paid_hours", "effective_hours", "wage_cost")
                if at and getattr(self, name) is not None
            ),
        )


class SupportStaff(Frozen):
    """A support post, e.g. a socialpædagog or a supervisor (arbejdsleder).

    Give the cost one of two ways (exactly one):

    - ``annual_cost``: the employer's cost of the post itself, at its FTE;
    - ``cost_per_fte``: the full-time cost (salary per FTE); the post costs
      ``fte × cost_per_fte``, so a half-time post at 460,000 DKK/year costs 230,000.

    Attributes:
        role: the post, e.g. ``socialpædagog``.
        fte: working time of the post (a plain number is FTE).
        annual_cost: the employer's cost of the post as stated (at that FTE).
        cost_per_fte: the employer's cost of one full-time equivalent.

    """

    role: Name
    fte: FullTimeEquivalents
    annual_cost: MoneyPerTime | None = None
    cost_per_fte: MoneyPerTime | None = None

    @model_validator(mode="after")
    def _one_cost(self) -> Self:
        if self.annual_cost is not None and self.cost_per_fte is not None:
            raise ValueError(
                "cost_per_fte: annual_cost and cost_per_fte are both given; give annual_cost (the post's own "
                "cost) or cost_per_fte (the full-time cost, multiplied by fte), not both"
            )
        if self.annual_cost is None and self.cost_per_fte is None:
            raise ValueError(
                "annual_cost: required: the post's cost (annual_cost, e.g. '480000 DKK/year') "
                "or its full-time cost (cost_per_fte)"
            )
        if self.annual_cost is not None and self.fte.magnitude == 0 and self.annual_cost.magnitude != 0:
            # a post of no working time with a full salary is a slip (fte: 0 for 0.8?), never priced silently
            # the example as the file may write it: under number_format da, 0.8 is refused (review 62 L1)
            example = 'fte: "0,8"' if current_number_format() == DANISH else "fte: 0.8"
            raise ValueError(
                f"fte: 0, but annual_cost states a cost of {self.annual_cost}: a post of no working time costs "
                f"nothing; give its FTE (e.g. {example}), or leave the post out"
            )
        return self

    def full_time_equivalents(self) -> Rational:
        """The post's working time in FTE, exact (1 FTE = 37 hours a week)."""
        return canonical(self.fte) / HOURS_PER_FTE_YEAR

    def annual_cost_exact(self, years: Rational | int = 1) -> Rational:
        """The post's cost over ``years`` (default one year): ``annual_cost``, or ``fte × cost_per_fte``."""
        if self.cost_per_fte is not None:
            return canonical(self.cost_per_fte, self.full_time_equivalents() * years)
        return canonical(cast("pint.Quantity[Any]", self.annual_cost), years)  # one of the two, checked above

    def cost_note(self) -> str:
        """`` (0.5 FTE × 460000 DKK/year)`` for a post costed per FTE, else empty (the cost says it all).

        In canonical units, so that the spelling of the inputs does not change the label.
        Empty in a sweep, where the FTE or the salary is an array of variants: one label
        serves them all.
        """
        if self.cost_per_fte is None:
            return ""
        fte, salary = self.full_time_equivalents(), canonical(self.cost_per_fte)
        if getattr(fte, "ndim", 0) or getattr(salary, "ndim", 0):
            return ""
        return f" ({format_decimal(round_half_up(fte, 2))} FTE × {format_decimal(round_half_up(salary, 2))} DKK/year)"

    def cost_inputs(self, path: str) -> tuple[str, tuple[str, ...]]:
        """The formula and the scenario inputs behind the post's cost (for explanations)."""
        if self.cost_per_fte is not None:
            return "FTE × cost per FTE", (f"{path}.fte", f"{path}.cost_per_fte")
        return "annual cost", (f"{path}.annual_cost",)


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
    lines: Sequence[Workforce], years: Rational | int, path: str, period: str | None = "period"
) -> list[Flow]:
    """Employer → workers, one flow per paid line, keyed ``wages.0``, ``wages.1`` and so on.

    ``path`` is where the lines are in the scenario (e.g. ``workforce``), for explanations.
    """
    suffix, per = _per(period)
    forms = Counter(line.form for line in lines if line.wage_cost is not None)
    return [
        Flow(
            f"wages.{i}",
            line.employer,
            "workers",
            line.wages_per_year() * years,
            # two lines of one form are told apart by their path: two rows of "wages (fleksjob)" could
            # not be matched to their lines (review 56 F8)
            f"wages ({line.form})" if forms[line.form] == 1 else f"wages ({line.form}, {path.rpartition('.')[2]}.{i})",
            "headcount × paid hours × wage cost" + suffix,
            (f"{path}.{i}.headcount", f"{path}.{i}.paid_hours", f"{path}.{i}.wage_cost", *per),
        )
        for i, line in enumerate(lines)
        if line.wage_cost is not None
    ]


def staff_flows(
    staff: Sequence[SupportStaff],
    years: Rational | int,
    path: str = "support_staff",
    period: str | None = "period",
    payer: str = "social_enterprise",
) -> list[Flow]:
    """Employer → support staff, one flow per post, keyed ``support_staff.0`` and so on."""
    suffix, per = _per(period)
    flows = []
    for i, s in enumerate(staff):
        formula, inputs = s.cost_inputs(f"{path}.{i}")
        flows.append(
            Flow(
                f"support_staff.{i}",
                payer,
                "support_staff",
                s.annual_cost_exact(years),
                f"salary: {s.role}" + s.cost_note(),
                formula + suffix,
                (*inputs, *per),
            )
        )
    return flows


def staff_placement(staff: Sequence[SupportStaff], employer: str, workplace: str) -> Placement:
    """Support posts as one placement line (not jobs for the target group)."""
    hours = cast(Rational, sum((canonical(s.fte) for s in staff), 0) / WEEKS_PER_YEAR)
    return Placement("support staff", len(staff), hours, hours, employer, workplace, is_job=False, inclusive=False)


def keys(flows: Iterable[Flow], prefix: str) -> tuple[str, ...]:
    """The keys of the flows whose key starts with ``prefix``."""
    return tuple(f.key for f in flows if f.key.startswith(prefix))
