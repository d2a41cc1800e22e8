"""What every partnership model shares."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field, ModelWrapValidatorHandler, model_validator

from socialpartner._internal import paths
from socialpartner._internal.horizon import check_change, check_change_years, money_inputs
from socialpartner._internal.i18n import Text
from socialpartner._internal.paths import unchecked_copy
from socialpartner._internal.plan import Extras, Plan
from socialpartner._internal.units import (
    NUMBER_FORMATS,
    canonical,
    check_decimal,
    exact_magnitude,
    number_format,
)
from socialpartner.errors import QuantityError
from socialpartner.models._agreement import AgreementTerms
from socialpartner.models._frozen import Frozen
from socialpartner.models._options import Horizon, PublicBudget, missing_groups
from socialpartner.models._shared import FORMS
from socialpartner.money import round_half_up
from socialpartner.parameters import ParameterSet, default_parameters
from socialpartner.parties import Name
from socialpartner.quantities import AnyQuantity, Duration
from socialpartner.testing import Expectations


class Partnership(Frozen):
    """Base of the partnership models.

    Attributes:
        name: a title for the scenario.
        period: the span the amounts cover (default one year; 52 weeks = 12 months).
        parameters: overrides of the library's parameters, by name.
        public: the public-budget view (fleksløntilskud, benefits, refusion, counterfactual).
        horizon: several years, with growth, changes and progression.
        agreement: each party's floor or limit in a negotiation (see
            :func:`socialpartner.agreement`).
        expect: the results the scenario is expected to give, for ``socialpartner test``
            and the pytest plugin (see :mod:`socialpartner.testing`); evaluation ignores it.

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
    agreement: AgreementTerms | None = None
    expect: Expectations | None = None

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
        if self.public is not None:
            own = getattr(self, "municipality", None)
            home = self.public.municipality
            if own is None and home is None:
                raise ValueError(
                    "public.municipality: this deal has no municipality party; name the citizens' home "
                    "municipality, which pays (public: {municipality: {name, code}, ...})"
                )
            if own is not None and home is not None and own != home:
                raise ValueError(
                    f"public.municipality: the deal's municipality ({own.name}) pays; leave public.municipality out"
                )
            forms = {p.form for plan in self._plans() for p in plan.placements}
            for group in self.public.counterfactual:
                if group not in forms and group not in FORMS:  # a typo would price a group at no benefit
                    here = ", ".join(sorted(f for f in forms if f != "support staff")) or "none"
                    raise ValueError(
                        f"public.counterfactual.{group}: no group {group!r}; the groups of this deal are: {here}"
                    )
            if isinstance(self.public.weeks_on_support, dict) and "default" not in self.public.weeks_on_support:
                groups = forms | set(self.public.counterfactual)
                missing = missing_groups(self.public, groups)
                if missing:
                    raise ValueError(
                        f"public.weeks_on_support: no weeks for the group {missing[0]!r} of this deal; add it, "
                        "or give default (the weeks of every group not named)"
                    )
        if self.horizon is not None:
            start = self.horizon.start_year
            if self.public is not None and start is not None and self.public.year != start:
                raise ValueError(
                    f"public.year: {self.public.year} is the parameter year of the first year, but "
                    f"horizon.start_year is {start}; give the same year, or leave start_year out"
                )
            if self.MULTI_PERIOD:
                raise ValueError("horizon: this model has its own years; leave horizon out")
            if canonical(self.period) != 1:
                raise ValueError("horizon: evaluated year by year; leave period at 1 year")
            base = unchecked_copy(self, {"horizon": None})
            _check_growth(self.horizon, base)
            check_change_years(self.horizon)  # a year outside the horizon would be ignored or applied early
            for i, change in enumerate(self.horizon.changes):
                # the input may change by year, and the value fits it; it is kept as validated and
                # spelled as a saved file spells it (510.000 kr./år, 510000 DKK/year and 510000.0
                # DKK / year are one value: equal scenarios save, hash and compare alike)
                spelled = {
                    path: _as_saved(check_change(base, i, path, value), path, value)
                    for path, value in change.set.items()
                }
                if spelled != change.set:
                    object.__setattr__(change, "set", spelled)  # frozen to users; set once, while validated
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

    def _horizon_statements(self, years: tuple[tuple[str, Partnership], ...]) -> tuple[Text, ...]:
        """What a horizon's grown inputs break of this model's rules, from each year's label and grown model.

        Growth moves inputs the scenario checks against each other (an akkord rate grown
        with wages past a skilled hour's value grown with prices): the years it happens
        in are stated, not left to a figure that silently turns negative.
        """
        return ()

    def _combined_extras(self, parts: tuple[tuple[str, Extras], ...]) -> Extras:
        """Figures over all periods of a multi-period model, from each period's label and extras."""
        return Extras()


def _as_saved(variant: Partnership, path: str, value: Any) -> Any:
    """The value at ``path`` of a validated ``variant`` as a saved file writes it (``value`` where none is found)."""
    node: Any = variant.model_dump(mode="json")
    for key in path.split("."):
        if isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        elif isinstance(node, dict) and key in node:
            node = node[key]
        else:
            return value
    return node


def _check_growth(horizon: Horizon, base: Partnership) -> None:
    """Blame the growth, not the amount, when a horizon grows an amount beyond what can be booked."""
    last = horizon.years - 1
    factors = {
        "wage": (1 + canonical(horizon.wage_growth)) ** last,
        "price": (1 + canonical(horizon.price_growth)) ** last,
    }
    if all(f == 1 for f in factors.values()):
        return
    for path, growth in money_inputs(base):  # the inputs the horizon grows, and with what
        quantity = paths.get(base, path)
        grown = round_half_up(exact_magnitude(quantity.magnitude) * factors[growth], 2)
        try:
            check_decimal(grown, text=str(grown), what="an amount")
        except QuantityError as exc:
            name = f"{growth}_growth"
            rate = getattr(horizon, name)
            raise ValueError(
                f"horizon.{name}: {rate} a year for {horizon.years} years grows {path} ({quantity}) to "
                f"{float(grown):.3g} {quantity.units} in the last year ({exc.reason}); check the growth and the years"
            ) from None
