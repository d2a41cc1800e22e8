"""What every partnership model shares."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar

from pydantic import Field, ModelWrapValidatorHandler, field_validator, model_validator

from socialpartner._internal import paths
from socialpartner._internal.horizon import _change_index, check_change, check_change_years, money_inputs
from socialpartner._internal.i18n import Text
from socialpartner._internal.paths import unchecked_copy
from socialpartner._internal.plan import Extras, Flow, Plan
from socialpartner._internal.units import (
    canonical,
    check_decimal,
    checked_format,
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
    # The figure of the company's own gain against its alternative (a saving, a net gain), where
    # the model has one: its conditions in a zone of agreement, its total and present value over years.
    COMPANY_GAIN: ClassVar[str | None] = None
    # The figures (or flows) a figure is computed from, by its key: its explanation shows each
    # with its value and formula (the company's saving as its cost before and after).
    FIGURE_PARTS: ClassVar[Mapping[str, tuple[str, ...]]] = MappingProxyType({})

    def figure_parts(self, key: str, flows: Mapping[str, Flow]) -> tuple[str, ...]:
        """The figures and flows figure ``key`` is computed from (``FIGURE_PARTS``; ``wages.*``: every such flow).

        ``flows`` are the period's flows by key, for a model whose parts depend on them
        (only the services with a market price, only the SØV's own løntilskud).
        """
        return tuple(self.FIGURE_PARTS.get(key, ()))

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
        fmt = checked_format(data.pop("number_format"))
        with number_format(fmt):
            return handler(data)

    @field_validator("parameters", mode="before")
    @classmethod
    def _one_value_each(cls, value: Any) -> Any:
        """A parameter takes one value for every year: a value per year is refused, saying what to do instead."""
        if isinstance(value, Mapping):
            for name, given in value.items():
                if isinstance(given, Mapping) and "value" in given:  # review 53 F4: not a value per year
                    raise ValueError(
                        f"{name}: a parameter set here is its value alone ({name}: {given['value']}), with no "
                        "source or other keys: the outputs list it as set in the scenario, beside the file's value it "
                        "replaces; say why in a comment in the file"
                    )
                if isinstance(given, Mapping):
                    raise ValueError(
                        f"{name}: a parameter set here takes one value, for every year (a rate in kroner is "
                        "the first year's, indexed after it by the satsreguleringsprocent), not a value per year; "
                        "for another rate from a year on, set the amount that uses it in a horizon change, e.g. "
                        "{year: 2028, set: {public.counterfactual.fleksjob: {amount: 4900 DKK/week}}}"
                    )
        return value

    @model_validator(mode="after")
    def _known_parameters(self) -> Partnership:
        parameters = self.parameter_set()  # raises on an unknown name or a value of the wrong kind
        _check_shares(self.parameters, parameters)
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
            if canonical(self.period) > 1:  # the later months would be priced at the first year's rates
                raise ValueError(
                    f"period: {self.period} with a public view; the public purse is priced with one year's rates "
                    "while the refusion ladder ages, so give at most 1 year and use horizon: {years: N} for "
                    "several years (each year then has its own rates)"
                )
            _check_counterfactual(self, forms)
            _check_abolished(self, parameters)
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


# shares of a payment the law sets between 0 and 100 % (a typo such as 150 % would price silently)
_SHARE_PREFIXES = ("refusion.", "dagpenge.cofinancing.")


def _check_shares(overrides: dict[str, Any], parameters: ParameterSet) -> None:
    """Refuse a refusion or co-financing rate outside 0-100 % under ``parameters:``."""
    for given, value in overrides.items():
        name = parameters.resolve(given)
        if not name.startswith(_SHARE_PREFIXES):
            continue
        share = canonical(value)
        if share < 0 or share > 1:
            raise ValueError(
                f"parameters.{given}: {value} is outside 0-100 %; the state refunds (or co-finances) "
                "a share of the payment, at most all of it (the law's rates are 20-80 %)"
            )


def _check_counterfactual(partnership: Partnership, forms: set[str]) -> None:
    """Refuse a counterfactual the view cannot set against a matching with-side.

    A småjob brings no public flow (the person keeps førtidspension, the same with and
    without the job): a counterfactual for it would book the whole pension as saved.
    Course participants compared with a benefit must have their benefit during the
    course stated: left out, it would be none, and the counterfactual a saving.
    """
    budget = partnership.public
    assert budget is not None  # noqa: S101 - only called with a public block
    if "småjob" in budget.counterfactual:
        raise ValueError(
            "public.counterfactual.småjob: a småjob brings no public flow: the person keeps førtidspension, "
            "the same with and without the job, and the view has no with-side for it, so a counterfactual "
            "would book the whole pension as saved; leave småjob out of the counterfactual"
        )
    compared = budget.counterfactual.get("course participant")
    # a counterfactual of no benefit (an amount of 0) saves nothing: then no benefit on the course is needed
    nothing = compared is not None and compared.amount is not None and canonical(compared.amount) == 0
    if compared is not None and not nothing and budget.during_course is None and "course participant" in forms:
        same = f"parameter: {compared.parameter}" if compared.parameter is not None else f"amount: {compared.amount}"
        usual = f"{{{same}}}"
        raise ValueError(
            "public.during_course: course participants have a counterfactual "
            f"(public.counterfactual.course participant: {compared.describe()}) but no benefit during the course; "
            "left out it would be none, and their whole counterfactual a saving. State what they receive while "
            f"on the course: usually the same benefit (during_course: {usual}), or an amount of 0 DKK/month "
            "if they receive none"
        )


def _check_abolished(partnership: Partnership, parameters: ParameterSet) -> None:
    """Refuse a benefit abolished for everyone in a year wholly after its abolition.

    Nobody receives it then, whenever they started (a benefit abolished for new citizens
    only, such as ressourceforløbsydelse, is judged by the start dates in the checks). A
    benefit holds from the first year, or the year a horizon change sets it, until a later
    change replaces it.
    """
    budget = partnership.public
    assert budget is not None  # noqa: S101 - only called with a public block
    last = budget.year + years_evaluated(partnership) - 1
    # per benefit path: (the first year, the parameter named or None, where it is stated), in order
    spans: dict[str, list[tuple[int, str | None, str]]] = {}
    for group, benefit in budget.counterfactual.items():
        spans[f"public.counterfactual.{group}"] = [(budget.year, benefit.parameter, f"public.counterfactual.{group}")]
    if budget.during_course is not None:
        spans["public.during_course"] = [(budget.year, budget.during_course.parameter, "public.during_course")]
    progression = None if partnership.horizon is None else partnership.horizon.progression
    if progression is not None and progression.leave_benefit is not None:  # leavers are priced every later year
        path = "horizon.progression.leave_benefit"
        spans[path] = [(budget.year, progression.leave_benefit.parameter, path)]
    horizon = partnership.horizon
    changes = horizon.changes if horizon is not None else ()
    # each change's calendar year: the public view's first year plus the change's year index
    when = {i: budget.year + _change_index(horizon, i) for i in range(len(changes))} if horizon is not None else {}
    for i, change in sorted(enumerate(changes), key=lambda c: when[c[0]]):
        year = when[i]
        for path, value in change.set.items():
            base, _, leaf = path.rpartition(".")
            if leaf in {"parameter", "amount"} and _benefit_path(base):
                named = value if leaf == "parameter" and isinstance(value, str) else None
                spans.setdefault(base, []).append((year, named, f"horizon.changes.{i}.set.{path}"))
            elif _benefit_path(path):
                named = value.get("parameter") if isinstance(value, dict) else None
                stated = named if isinstance(named, str) else None
                spans.setdefault(path, []).append((year, stated, f"horizon.changes.{i}.set.{path}"))
    for key, items in spans.items():
        for j, (first_year, name, where) in enumerate(items):
            until = items[j + 1][0] - 1 if j + 1 < len(items) else last
            if name is None or name not in parameters:
                continue
            legacy = parameters.get(name, parameters.latest_year).legacy  # one mark for every year
            if legacy is None or legacy.applies_to != "everyone":
                continue
            gone = legacy.abolished_from
            first = max(first_year, gone.year if (gone.month, gone.day) == (1, 1) else gone.year + 1)  # wholly after
            if first > until:
                continue
            years = str(first) if first == until else f"{first}-{until}"
            replacement = legacy.replaced_by
            instead = f"Use {replacement}" if replacement else "Use the benefit that replaced it"
            if key == "horizon.progression.leave_benefit":  # one benefit for every year: no change sets it
                instead += " (a progression's leave_benefit holds in every year)"
            elif first > budget.year and partnership.horizon is not None:  # earlier years may keep it
                instead += f" from {first} (a horizon change of {key})"
            elif first > budget.year:  # a spin-off's own years: one benefit, at the first year's rates, for all
                instead = (
                    f"{instead} if the first year has it, or state what they receive as an amount ({key}: "
                    "{amount: ...}): a spin-off prices every year at its first year's rates"
                )
            raise ValueError(
                f"{where}: {name} was abolished for everyone from {gone} ({legacy.by}); nobody receives it in "
                f"{years}. {instead} ({legacy.note})"
            )


def _benefit_path(path: str) -> bool:
    """A path that states a benefit: ``public.during_course`` or ``public.counterfactual.<group>``."""
    return path == "public.during_course" or (path.startswith("public.counterfactual.") and path.count(".") == 2)


def years_evaluated(partnership: Partnership) -> int:
    """How many years a scenario evaluates from ``public.year``: a horizon's, a spin-off's own, else 1."""
    if partnership.horizon is not None:
        return partnership.horizon.years
    return len(partnership._plans()) if partnership.MULTI_PERIOD else 1


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
