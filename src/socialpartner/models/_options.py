"""Options every partnership model accepts: the public-budget view and a horizon."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    BeforeValidator,
    Field,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    field_serializer,
    field_validator,
    model_validator,
)

from socialpartner._internal.backend import Rational
from socialpartner._internal.integers import whole_number
from socialpartner._internal.messages import comma_cut_words
from socialpartner._internal.units import (
    WEEKS_PER_YEAR,
    WrittenNumber,
    ascii_minus,
    canonical,
    format_decimal,
    parse_unit,
    read_written,
    split_quantity,
    unit_info,
)
from socialpartner.errors import QuantityError, SocialPartnerError
from socialpartner.models._frozen import Frozen
from socialpartner.models._shared import form_name
from socialpartner.parameters import default_parameters
from socialpartner.parties import Municipality
from socialpartner.quantities import Duration, Growth, HoursPerPerson, MoneyPerHour, MoneyPerTime, Share

__all__ = ["Benefit", "Change", "Comparison", "Horizon", "Progression", "PublicBudget", "TaxEffects"]

# a numpy integer (a DataFrame's column) is the whole number it is, as for a headcount
Year = Annotated[
    int, BeforeValidator(whole_number("a year such as 2026", within=(1900, 2200))), Field(ge=1900, le=2200, strict=True)
]
# weeks on support: a long spell (600 weeks on kontanthjælp) is real; past week 52 the ladder is flat,
# so the bound only keeps a typo's year out of the start-date checks (50 years of weeks)
MAX_WEEKS = 2600
Weeks = Annotated[
    int,
    BeforeValidator(whole_number("weeks such as 104", unit="week", within=(0, MAX_WEEKS))),
    Field(ge=0, le=MAX_WEEKS, strict=True),
]


_MONEY_PER_TIME = frozenset({("[currency]", 1), ("[time]", -1)})


_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def _near_benefit(name: str) -> str:
    """``; did you mean …?`` for the benefits nearest ``name`` (æ, ø, å written ae, oe, aa as the names are)."""
    import difflib

    given = name.translate(_DANISH_LETTERS).lower()
    benefits = [n for n in default_parameters().names() if n.startswith("benefit.")]
    near = [n for n in benefits if n.startswith(given)] or difflib.get_close_matches(given, benefits, n=3)
    return (
        f"; did you mean one of {', '.join(repr(n) for n in near[:6])}?"
        if len(near) > 1
        else (f"; did you mean {near[0]!r}?" if near else "")
    )


class Benefit(Frozen):
    """A monthly benefit: an amount, or the name of a parameter.

    A parameter (e.g. ``benefit.ledighedsydelse``, ``benefit.kontanthjaelp.forhoejet_sats``) is
    read for the year evaluated; only ``benefit.*`` parameters are benefits (a ceiling such as
    ``fleksloentilskud.max_supplement`` is refused); the catalogue is in the parameter set (``benefit.*``, see
    the docs' "Danish rules used"). Former names such as
    ``benefit.ressourceforloebsydelse_without_children`` still resolve.
    """

    amount: MoneyPerTime | None = None
    parameter: str | None = None

    @model_validator(mode="after")
    def _one(self) -> Self:
        if (self.amount is None) == (self.parameter is None):
            raise ValueError("amount: give either amount (e.g. '12326 DKK/month') or parameter (a parameter name)")
        if self.parameter is not None:
            if self.parameter not in default_parameters():
                raise ValueError(f"parameter: no parameter {self.parameter!r}{_near_benefit(self.parameter)}")
            if not default_parameters().resolve(self.parameter).startswith("benefit."):  # G is a ceiling, not a benefit
                benefits = ", ".join(n for n in default_parameters().names() if n.startswith("benefit."))
                raise ValueError(
                    f"parameter: {self.parameter} is not a benefit a citizen receives; give a benefit.* parameter "
                    f"({benefits}) or an amount"
                )
            value = default_parameters().get(self.parameter, default_parameters().latest_year).value
            if unit_info(value).dims != _MONEY_PER_TIME:  # a rate or a share is no benefit
                raise ValueError(
                    f"parameter: {self.parameter} is {value}, not a benefit "
                    "(money per week, month or year, e.g. a monthly rate)"
                )
        return self

    def describe(self) -> str:
        """The benefit in words."""
        return f"{self.amount}" if self.amount is not None else f"parameter {self.parameter}"


class TaxEffects(Frozen):
    """Tax on the citizens' incomes, counted in the public view (``public.tax``).

    Wages of the groups with a stated counterfactual pay AM-bidrag (``tax.am_bidrag``);
    wages after AM-bidrag, fleksløntilskud and benefits pay the average municipal income
    tax (``tax.municipal_average``, to the municipality) and the state's bottom-bracket tax
    (``tax.bundskat``, to the state). Rates are parameters: override them under
    ``parameters:``.

    Attributes:
        taxable_share_of_wage_cost: the taxable wage as a share of the employer's wage
            cost (default: the parameter ``fleksjob.wage_share_of_wage_cost``).

    """

    taxable_share_of_wage_cost: Share | None = None


class PublicBudget(Frozen):
    """The public purse: fleksløntilskud, benefits, refusion, against an explicit counterfactual.

    Attributes:
        year: the parameter year of the first period (fleksløntilskud rates, benefits).
        municipality: the citizens' home municipality, which pays fleksløntilskud and
            benefits; required where the deal has no municipality party (a supplier, a
            labour-shortage or in-house deal, a spin-off).
        weeks_on_support: weeks the citizens have been on public support before the first
            period; sets their step on the state refusion ladder. One number for every
            group, or a mapping by group (a placement form, e.g. ``fleksjob``, ``course
            participant``) with ``default`` for the rest.
        self_supported_weeks: weeks of self-support within the three years before the
            first period, one number or by group; 52 or more restarts the ladder at week 1
            (§ 6 of the act on the municipalities' financing of benefits).
        fleksjob_wage: the hourly wage incl. pension behind the fleksløntilskud; by default
            the fleksjob line's wage cost × ``fleksjob.wage_share_of_wage_cost`` (an
            estimate, stated in the view).
        during_course: what course participants receive from the municipality while on the
            course (e.g. kontanthjælp); required where they have a counterfactual (usually
            the same benefit), else none if not stated.
        counterfactual: what each group (a placement form, e.g. ``fleksjob``,
            ``course participant``) would otherwise receive from the municipality; a group
            left out is compared with no benefit (stated in the view's assumptions). Not
            for ``småjob``: the person keeps førtidspension with and without the job.
        tax: count the tax on wages and benefits (see :class:`TaxEffects`); the view then
            gives each payer's net effect before and after tax.

    """

    year: Year
    municipality: Municipality | None = None
    weeks_on_support: Weeks | dict[str, Weeks]
    self_supported_weeks: Weeks | dict[str, Weeks] = 0
    fleksjob_wage: MoneyPerHour | None = None
    during_course: Benefit | None = None
    counterfactual: dict[str, Benefit] = Field(default_factory=dict)
    tax: TaxEffects | None = None

    @field_validator("weeks_on_support", "self_supported_weeks", "counterfactual", mode="before")
    @classmethod
    def _group_names(cls, value: Any, info: ValidationInfo) -> Any:
        """Groups named as the Danish output names them (``forløbsdeltager``) are the forms themselves."""
        if not isinstance(value, dict):
            return value
        out: dict[Any, Any] = {}
        written: dict[Any, Any] = {}  # each group's key as the file writes it
        for key, item in value.items():
            name = form_name(key)
            if name in out:
                raise ValueError(
                    f"{info.field_name}: the group {name!r} is given twice (as {written[name]!r} and {key!r}); "
                    "give it once"
                )
            out[name], written[name] = item, key
        return out

    @field_validator("tax", mode="before")
    @classmethod
    def _tax_switch(cls, value: Any) -> Any:
        """``tax: true`` counts tax at the default rates; ``tax: false`` leaves it out."""
        if value is True:
            return {}
        if value is False:
            return None
        return value

    @field_serializer("tax", mode="wrap")
    def _tax_dump(self, value: TaxEffects | None, handler: SerializerFunctionWrapHandler) -> Any:
        """``tax: {}`` (counted at the default rates) is written ``true``, which reads back the same.

        An empty block would vanish from every list of the inputs (``compare`` said "the
        inputs are the same" of two scenarios with and without tax; the workbook and the
        report left it out).
        """
        if value is not None and value.taxable_share_of_wage_cost is None:
            return True
        return handler(value)

    @model_validator(mode="after")
    def _groups(self) -> Self:
        for name in ("weeks_on_support", "self_supported_weeks"):
            value = getattr(self, name)
            if isinstance(value, dict):
                unknown = sorted(set(value) - _GROUPS)
                if unknown:
                    raise ValueError(
                        f"{name}: unknown group {unknown[0]!r}; expected a placement form "
                        f"({', '.join(sorted(_GROUPS - {'default'}))}) or default"
                    )
        return self

    def weeks_before(self, group: str) -> int:
        """Weeks on the refusion ladder before the first period for ``group`` (after the § 6 restart)."""
        if _value(self.self_supported_weeks, group) >= _RESTART_WEEKS:
            return 0
        return _value(self.weeks_on_support, group, "weeks_on_support")


_GROUPS = frozenset({"fleksjob", "småjob", "løntilskud", "ordinary", "apprentice", "course participant", "default"})
_RESTART_WEEKS = 52  # § 6: 52 weeks of self-support within 3 years restart the ladder


def _value(value: int | dict[str, int], group: str, name: str = "self_supported_weeks") -> int:
    if isinstance(value, int):
        return value
    found = value.get(group, value.get("default"))
    if found is None:
        if name == "self_supported_weeks":
            return 0  # not stated: no self-support, no restart
        raise SocialPartnerError(f"public.{name}: no weeks for the group {group!r}; add it, or give default")
    return found


def missing_groups(budget: PublicBudget, groups: set[str]) -> list[str]:
    """The groups priced in the public view that ``weeks_on_support`` gives no weeks for."""
    weeks = budget.weeks_on_support
    if isinstance(weeks, int) or "default" in weeks:
        return []
    return sorted(groups - set(weeks) - {"support staff"})


def _plain_value(path: str, value: Any) -> Any:
    """A number or quantity text in the plain convention, also inside a list or mapping; anything else unchanged."""
    if isinstance(value, list):  # support_staff: [{annual_cost: 510.000 kr./år}, ...]
        return [_plain_value(f"{path}.{i}", item) for i, item in enumerate(value)]
    if isinstance(value, dict):
        return {key: _plain_value(f"{path}.{key}", item) for key, item in value.items()}
    if isinstance(value, str) and _is_name(value):
        return value
    try:
        if isinstance(value, WrittenNumber):
            return Decimal(format_decimal(read_written(str(value), what="a number")))
        if isinstance(value, str):
            number, unit = split_quantity(value, what="a quantity")
            return f"{format_decimal(number)} {unit}".strip()
    except QuantityError as exc:
        if exc.code in {"number_format", "ambiguous_grouping"}:
            raise ValueError(f"{path}: {exc.reason}, got {str(value)[:40]!r}") from None
    return value  # not a number: its field judges it


_LEADING_NUMBER = re.compile(r"\s*[+-]?[0-9.,][0-9_.,\s]*(?P<rest>.*)\Z", re.DOTALL)


def _is_name(text: str) -> bool:
    """Text that is no number with a unit: a role, or ``2. socialpædagog`` (a number, then no unit)."""
    match = _LEADING_NUMBER.match(ascii_minus(text))
    if match is None:
        return True
    try:
        parse_unit(match["rest"].strip())
    except QuantityError:
        return True
    return False


def _written_number(value: Any) -> bool:
    """Whether ``value`` is a number as YAML or the reader gives it (not true/false)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float, Decimal)) or bool(re.fullmatch(r"[0-9][0-9._]*", str(value)))


def _comma_cut_in(value: Any, at: str) -> str | None:
    """Words for the first number cut at a comma in ``{...}`` anywhere in ``value`` (None: none is)."""
    if isinstance(value, dict):
        for (name, number), (key, _) in itertools.pairwise(value.items()):
            if re.match(r"[0-9]", str(key)) and _written_number(number):
                words = comma_cut_words(name, number, str(key))
                return f"{at}: {words}" if at else words
        inner = ((f"{at}.{k}" if at else str(k), v) for k, v in value.items())
    elif isinstance(value, list):
        inner = ((f"{at}.{i}", v) for i, v in enumerate(value))
    else:
        return None
    return next((cut for path, v in inner if (cut := _comma_cut_in(v, path)) is not None), None)


class Change(Frozen):
    """Inputs that change from a year on: ``set`` maps input paths to new values.

    ``year`` is a year number (1 = the first year) or, with ``horizon.start_year``, a
    calendar year.
    """

    year: Annotated[
        int,
        BeforeValidator(whole_number("a year number such as 2 or a year such as 2027")),
        Field(ge=1, le=2200, strict=True),
    ]
    set: Annotated[dict[str, Any], Field(min_length=1)]

    @field_validator("set", mode="before")
    @classmethod
    def _cut_at_a_comma(cls, values: Any) -> Any:
        """``{courses.price: 11.500,50 kr./md.}``: YAML cut the number at the comma, and ``50 kr./md.`` became a path.

        Said as at the top of a file (quote the number), naming the input, before the cut
        head is judged on its own ("add a unit") or the tail as a path.
        """
        cut = _comma_cut_in(values, "")
        if cut is not None:
            raise ValueError(cut)
        return values

    @field_validator("set")
    @classmethod
    def _numbers(cls, values: dict[str, Any]) -> dict[str, Any]:
        """Read the new values' numbers now, by the scenario's number format, and keep them plain.

        The values are validated by their fields when the year is evaluated; reading the
        numbers here names the change when one is written ambiguously (``510.000``), and a
        file in ``number_format: da`` keeps its meaning once saved in the plain convention.
        """
        return {path: _plain_value(path, value) for path, value in values.items()}


class Comparison(Frozen):
    """What a comparison group's course finishers do without the partnership (deadweight).

    Shares of those finishing, as in :class:`Progression`; moves the comparison group
    would make anyway are not the partnership's effect.
    """

    to_fleksjob: Share = 0  # type: ignore[assignment]
    to_ordinary: Share = 0  # type: ignore[assignment]
    leave: Share = 0  # type: ignore[assignment]


class Progression(Frozen):
    """Course participants moving on after a course of length ``after``.

    Of those finishing, ``to_fleksjob`` move into fleksjob and ``to_ordinary`` into ordinary
    jobs, ``leave`` leave; the rest stay on. Places freed are filled again, so finishers
    per year are ``participants × (1 year / after) × (to_fleksjob + to_ordinary + leave)``.
    People count in their new job from the year after they move; the citizens who take
    the freed places at the course end start on the refusion ladder at week 1 there and then.

    Attributes:
        fleksjob_wage: hourly wage incl. pension of those moving into fleksjob (for the
            public view's fleksløntilskud).
        fleksjob_hours: their hours per week, month or year.
        ordinary_wage: the taxable wage of one former participant in an ordinary job
            (``26000 DKK/month``), grown with ``wage_growth`` like ``fleksjob_wage``. With
            ``public.tax`` it pays AM-bidrag and income tax on both sides (the comparison
            group's movers too); left out, their wages are not taxed in the public view,
            and the view says so.
        comparison: the outcome of a stated comparison group; the partnership's effect is
            the outcome with it minus the comparison's (without one: nobody would move).
        leave_benefit: what those who leave receive (e.g. førtidspension); with it they stay
            in the public view on both sides, else they drop out of it.

    """

    after: Duration
    to_fleksjob: Share
    to_ordinary: Share
    leave: Share = 0  # type: ignore[assignment]
    fleksjob_wage: MoneyPerHour | None = None
    fleksjob_hours: HoursPerPerson | None = None
    ordinary_wage: MoneyPerTime | None = None
    comparison: Comparison | None = None
    leave_benefit: Benefit | None = None

    @model_validator(mode="after")
    def _shares(self) -> Self:
        if canonical(self.after) < Rational(1, WEEKS_PER_YEAR):
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
        if self.comparison is not None:
            c = self.comparison
            tracked = canonical(self.to_fleksjob) + canonical(self.to_ordinary)
            compared = canonical(c.to_fleksjob) + canonical(c.to_ordinary)
            counted = "to_fleksjob + to_ordinary"
            if self.leave_benefit is not None:  # those who leave are in the view: a move like the others
                tracked, compared = tracked + canonical(self.leave), compared + canonical(c.leave)
                counted += " + leave, as leave_benefit keeps those who leave in the view"
            if compared > tracked:
                raise ValueError(
                    f"comparison: the comparison group moves {float(compared):.2%} of its finishers ({counted}), "
                    f"more than the partnership's {float(tracked):.2%}; the model prices the finishers the "
                    "partnership moves beyond the comparison, not those who would move without it but stay on "
                    "the course with it"
                )
        return self


class Horizon(Frozen):
    """Several years: growth in wages and prices, changes by year, progression.

    Attributes:
        years: how many years (1-70).
        start_year: the calendar year of the first (labels results; lets changes use
            calendar years).
        wage_growth: yearly growth of wage costs and support-staff costs; negative for a
            fall (``-2 %``, wage cuts), above -100 %.
        price_growth: yearly growth of all other money inputs; negative for deflation.
        changes: inputs that change from a given year.
        progression: course participants moving into jobs.
        nominal_discount_rate: discount the yearly nets, which grow with ``wage_growth``
            and ``price_growth`` (nominal), at this nominal rate. Left out, the nets are
            deflated by ``price_growth`` and discounted at the real ``discount_rate.*``.

    """

    # changes apply by their years (one input at most once a year): their order in the list means nothing
    _UNORDERED: ClassVar[frozenset[str]] = frozenset({"changes"})

    years: Annotated[
        int, BeforeValidator(whole_number("a number of years such as 3")), Field(ge=1, le=70, strict=True)
    ] = 1
    start_year: Year | None = None
    wage_growth: Growth = 0  # type: ignore[assignment]
    price_growth: Growth = 0  # type: ignore[assignment]
    changes: Annotated[tuple[Change, ...], Field(max_length=200)] = ()
    progression: Progression | None = None
    nominal_discount_rate: Share | None = None

    def label(self, index: int) -> str:
        """The label of year ``index`` (0-based): a calendar year, or ``year 1`` and so on."""
        return str(self.start_year + index) if self.start_year is not None else f"year {index + 1}"

    def applies(self, change: Change, index: int) -> bool:
        """Whether a change is in force in year ``index`` (0-based)."""
        number = self.start_year + index if self.start_year is not None else index + 1
        return change.year <= number
