"""Options every partnership model accepts: the public-budget view and a horizon."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, Self

from pydantic import Field, field_validator, model_validator

from socialpartner._internal.units import (
    WEEKS_PER_YEAR,
    WrittenNumber,
    canonical,
    format_decimal,
    read_number,
    split_quantity,
)
from socialpartner.errors import QuantityError
from socialpartner.models._frozen import Frozen
from socialpartner.parameters import default_parameters
from socialpartner.quantities import Duration, HoursPerTime, MoneyPerHour, MoneyPerTime, Share

__all__ = ["Benefit", "Change", "Horizon", "Progression", "PublicBudget"]

Year = Annotated[int, Field(ge=1900, le=2200, strict=True)]


class Benefit(Frozen):
    """A monthly benefit: an amount, or the name of a parameter.

    A parameter (e.g. ``benefit.ledighedsydelse``, ``benefit.kontanthjaelp.forhoejet_sats``) is
    read for the year evaluated; the catalogue is in the parameter set (``benefit.*``, see
    the docs' "Danish rules used"). Former names such as
    ``benefit.ressourceforloebsydelse_without_children`` still resolve.
    """

    amount: MoneyPerTime | None = None
    parameter: str | None = None

    @model_validator(mode="after")
    def _one(self) -> Self:
        if (self.amount is None) == (self.parameter is None):
            raise ValueError("amount: give either amount (e.g. '12326 DKK/month') or parameter (a parameter name)")
        if self.parameter is not None and self.parameter not in default_parameters():
            raise ValueError(f"parameter: no parameter {self.parameter!r}")
        return self

    def describe(self) -> str:
        """The benefit in words."""
        return f"{self.amount}" if self.amount is not None else f"parameter {self.parameter}"


class PublicBudget(Frozen):
    """The public purse: fleksløntilskud, benefits, refusion, against an explicit counterfactual.

    Attributes:
        year: the parameter year of the first period (fleksløntilskud rates, benefits).
        weeks_on_support: weeks the citizens have been on public support before the first
            period; sets their step on the state refusion ladder.
        fleksjob_wage: the hourly wage incl. pension behind the fleksløntilskud; by default
            the fleksjob line's wage cost.
        during_course: what course participants receive from the municipality while on the
            course (e.g. kontanthjælp); none if not stated.
        counterfactual: what each group (a placement form, e.g. ``fleksjob``,
            ``course participant``) would otherwise receive from the municipality.

    """

    year: Year
    weeks_on_support: Annotated[int, Field(ge=0, le=520, strict=True)]
    fleksjob_wage: MoneyPerHour | None = None
    during_course: Benefit | None = None
    counterfactual: dict[str, Benefit] = Field(default_factory=dict)


def _plain_value(path: str, value: Any) -> Any:
    """A number or quantity text in the plain convention; anything else unchanged."""
    try:
        if isinstance(value, WrittenNumber):
            return Decimal(format_decimal(read_number(str(value), what="a number")))
        if isinstance(value, str):
            number, unit = split_quantity(value, what="a quantity")
            return f"{format_decimal(number)} {unit}".strip()
    except QuantityError as exc:
        if exc.code in {"number_format", "ambiguous_grouping"}:
            raise ValueError(f"{path}: {exc.reason}, got {str(value)[:40]!r}") from None
    return value  # not a number (a name, a role): its field judges it


class Change(Frozen):
    """Inputs that change from a year on: ``set`` maps input paths to new values.

    ``year`` is a year number (1 = the first year) or, with ``horizon.start_year``, a
    calendar year.
    """

    year: Annotated[int, Field(ge=1, le=2200, strict=True)]
    set: Annotated[dict[str, Any], Field(min_length=1)]

    @field_validator("set")
    @classmethod
    def _numbers(cls, values: dict[str, Any]) -> dict[str, Any]:
        """Read the new values' numbers now, by the scenario's number format, and keep them plain.

        The values are validated by their fields when the year is evaluated; reading the
        numbers here names the change when one is written ambiguously (``510.000``), and a
        file in ``number_format: da`` keeps its meaning once saved in the plain convention.
        """
        return {path: _plain_value(path, value) for path, value in values.items()}


class Progression(Frozen):
    """Course participants moving on after a course of length ``after``.

    Of those finishing, ``to_fleksjob`` move into fleksjob and ``to_ordinary`` into ordinary
    jobs, ``leave`` leave; the rest stay on. Places freed are filled again, so finishers
    per year are ``participants × (1 year / after) × (to_fleksjob + to_ordinary + leave)``.
    People count in their new job from the year after they move.

    Attributes:
        fleksjob_wage: hourly wage incl. pension of those moving into fleksjob (for the
            public view's fleksløntilskud).
        fleksjob_hours: their hours per time.

    """

    after: Duration
    to_fleksjob: Share
    to_ordinary: Share
    leave: Share = 0  # type: ignore[assignment]
    fleksjob_wage: MoneyPerHour | None = None
    fleksjob_hours: HoursPerTime | None = None

    @model_validator(mode="after")
    def _shares(self) -> Self:
        if canonical(self.after) < Fraction(1, WEEKS_PER_YEAR):
            raise ValueError(
                f"after: {self.after} is shorter than a week; give the length of the course, e.g. '6 month'"
            )
        total = canonical(self.to_fleksjob) + canonical(self.to_ordinary) + canonical(self.leave)
        if total > 1:
            raise ValueError(
                f"to_fleksjob: to_fleksjob + to_ordinary + leave must not exceed 100 %, got {float(total):.2%}"
            )
        if canonical(self.to_fleksjob) > 0 and (self.fleksjob_wage is None) != (self.fleksjob_hours is None):
            raise ValueError("fleksjob_wage: give both fleksjob_wage and fleksjob_hours, or neither")
        return self


class Horizon(Frozen):
    """Several years: growth in wages and prices, changes by year, progression.

    Attributes:
        years: how many years (1-70).
        start_year: the calendar year of the first (labels results; lets changes use
            calendar years).
        wage_growth: yearly growth of wage costs and support-staff costs.
        price_growth: yearly growth of all other money inputs.
        changes: inputs that change from a given year.
        progression: course participants moving into jobs.

    """

    years: Annotated[int, Field(ge=1, le=70, strict=True)] = 1
    start_year: Year | None = None
    wage_growth: Share = 0  # type: ignore[assignment]
    price_growth: Share = 0  # type: ignore[assignment]
    changes: Annotated[tuple[Change, ...], Field(max_length=200)] = ()
    progression: Progression | None = None

    def label(self, index: int) -> str:
        """The label of year ``index`` (0-based): a calendar year, or ``year 1`` and so on."""
        return str(self.start_year + index) if self.start_year is not None else f"year {index + 1}"

    def applies(self, change: Change, index: int) -> bool:
        """Whether a change is in force in year ``index`` (0-based)."""
        number = self.start_year + index if self.start_year is not None else index + 1
        return change.year <= number
