"""What every partnership model shares."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field, ModelWrapValidatorHandler, model_validator

from socialpartner._internal.explain import flatten
from socialpartner._internal.plan import Extras, Plan
from socialpartner._internal.units import (
    NUMBER_FORMATS,
    canonical,
    check_decimal,
    number_format,
    parse_unit,
    split_quantity,
)
from socialpartner.errors import QuantityError
from socialpartner.models._frozen import Frozen
from socialpartner.models._options import Horizon, PublicBudget
from socialpartner.money import round_half_up
from socialpartner.parameters import ParameterSet, default_parameters
from socialpartner.parties import Name
from socialpartner.quantities import AnyQuantity, Duration

if TYPE_CHECKING:
    from socialpartner.evaluation import Evaluation


class Partnership(Frozen):
    """Base of the partnership models.

    Attributes:
        name: a title for the scenario.
        period: the span the amounts cover (default one year; 52 weeks = 12 months).
        parameters: overrides of the library's parameters, by name.
        public: the public-budget view (fleksløntilskud, benefits, refusion, counterfactual).
        horizon: several years, with growth, changes and progression.

    """

    MODEL: ClassVar[str]
    # True for models evaluated period by period (a spin-off's years): the evaluation then
    # always has a breakdown, even with a single period.
    MULTI_PERIOD: ClassVar[bool] = False

    name: Name
    period: Duration = "1 year"  # type: ignore[assignment]  # the default is validated into a Quantity
    parameters: dict[str, AnyQuantity] = Field(default_factory=dict)
    public: PublicBudget | None = None
    horizon: Horizon | None = None

    @model_validator(mode="wrap")
    @classmethod
    def _number_format(cls, data: Any, handler: ModelWrapValidatorHandler[Partnership]) -> Partnership:
        """``number_format: da`` says how the numbers in this scenario's text are written.

        It is a way of reading the file, not part of the partnership: the numbers are read
        in it (``510.000,50``) and the partnership is saved in the plain convention.
        """
        if not isinstance(data, dict) or "number_format" not in data:
            return handler(data)
        data = dict(data)
        fmt = data.pop("number_format")
        if fmt not in NUMBER_FORMATS:
            raise ValueError(f"number_format: expected 'da' (510.000,50) or 'plain' (510000.50), got {str(fmt)[:40]!r}")
        with number_format(fmt):
            return handler(data)

    @model_validator(mode="after")
    def _known_parameters(self) -> Partnership:
        self.parameter_set()  # raises on an unknown name or a value of the wrong kind
        if self.public is not None and "municipality" not in type(self).model_fields:
            raise ValueError("public: this model has no municipality to pay")
        if self.public is not None and getattr(self, "municipality", None) is None:
            raise ValueError("public: needs a municipality (municipality: {name, code})")
        if self.horizon is not None:
            if self.MULTI_PERIOD:
                raise ValueError("horizon: this model has its own years; leave horizon out")
            if canonical(self.period) != 1:
                raise ValueError("horizon: evaluated year by year; leave period at 1 year")
            known = dict(flatten(self.model_dump(mode="json", exclude={"horizon"})))
            _check_growth(self.horizon, known)
            for i, change in enumerate(self.horizon.changes):
                for path in change.set:
                    if path not in known:
                        raise ValueError(f"horizon.changes.{i}.set: no input {path!r} in this scenario")
        return self

    def parameter_set(self) -> ParameterSet:
        """The library's parameters with this scenario's overrides."""
        if not self.parameters:
            return default_parameters()
        return default_parameters().with_overrides(self.parameters)

    def _plan(self) -> Plan:
        """The model's flows and placements for one period."""
        raise NotImplementedError

    def _plans(self) -> tuple[Plan, ...]:
        """One plan per period; most models have one."""
        return (self._plan(),)

    def _combined_extras(self, parts: tuple[Evaluation, ...]) -> Extras:
        """Figures over all periods of a multi-period model."""
        return Extras()


# Money inputs the horizon grows with wages (the rest grow with prices); stated benefits
# and parameter overrides are not grown.
_WAGE_INPUTS = frozenset({"wage_cost", "annual_cost", "cost_per_fte", "fleksjob_wage"})
_NOT_GROWN = ("parameters.", "public.during_course.", "public.counterfactual.")


def _check_growth(horizon: Horizon, inputs: dict[str, str]) -> None:
    """Blame the growth, not the amount, when a horizon grows an amount beyond what can be booked."""
    last = horizon.years - 1
    factors = {
        "wage_growth": (1 + canonical(horizon.wage_growth)) ** last,
        "price_growth": (1 + canonical(horizon.price_growth)) ** last,
    }
    if all(f == 1 for f in factors.values()):
        return
    for path, text in inputs.items():
        if path.startswith(_NOT_GROWN):
            continue
        try:
            number, unit = split_quantity(text, what="a quantity")
            if ("[currency]", 1) not in parse_unit(unit).dims:
                continue
        except QuantityError:
            continue  # not a quantity (a name, a role)
        growth = "wage_growth" if path.rsplit(".", 1)[-1] in _WAGE_INPUTS else "price_growth"
        grown = round_half_up(Fraction(number) * factors[growth], 2)
        try:
            check_decimal(grown, text=str(grown), what="an amount")
        except QuantityError as exc:
            rate = getattr(horizon, growth)
            raise ValueError(
                f"horizon.{growth}: {rate} a year for {horizon.years} years grows {path} ({text}) to "
                f"{float(grown):.3g} {unit} in the last year ({exc.reason}); check the growth and the years"
            ) from None
