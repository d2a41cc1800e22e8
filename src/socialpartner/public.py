"""The public purse: fleksløntilskud, benefits, state refusion and the counterfactual.

A municipality judges a partnership by its budget effect: what it pays (course
payments, fleksløntilskud, benefits during a course) less the state's refusion, set
against what the same citizens would otherwise have received (the counterfactual, which
must be stated: moving someone from a low benefit into fleksjob can *raise* gross
municipal costs). The rules are small pure functions on exact values; the rates come from
the dated parameters.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
import pint
from pydantic_core import PydanticCustomError

from socialpartner._internal.backend import Num, div, is_exact, maximum, minimum, ore, safe_div, total, where
from socialpartner._internal.fields import QuantityType
from socialpartner._internal.plan import Flow, Placement
from socialpartner._internal.units import MONTHS_PER_YEAR, Q_, WEEKS_PER_YEAR, canonical
from socialpartner.errors import ArgumentTypeError, PartyError, QuantityError, ScenarioWarning
from socialpartner.money import in_context, round_half_up, to_ore
from socialpartner.parameters import ParameterSet, ParameterUse, default_parameters, whole_year
from socialpartner.quantities import HoursPerPerson, MoneyPerHour

if TYPE_CHECKING:
    from socialpartner._internal.horizon import Occupants, Places

__all__ = [
    "PublicLine",
    "PublicView",
    "fleksloentilskud",
    "fleksloentilskud_monthly",
    "refusion_rate",
]

_MONTHS = MONTHS_PER_YEAR
_WEEKS = WEEKS_PER_YEAR
FULL_TIME = "norm.full_time"
"""The parameter of full-time hours the lønloft compares with (37 a week; a scenario may override it)."""

Payer = Literal["municipality", "state"]
PAYERS: tuple[Payer, ...] = get_args(Payer)
"""The public payers, in the order every view lists them."""

_WAGE: QuantityType = get_args(MoneyPerHour)[1]  # the field types' own validators
_HOURS: QuantityType = get_args(HoursPerPerson)[1]


def fleksloentilskud_monthly(wage: Num, full_time_wage: Num, p: Callable[[str], Num]) -> Num:
    """Monthly fleksløntilskud for a monthly wage incl. pension ``wage`` (L).

    ``max(0, G − 0.30·min(L, T) − 0.55·max(0, L − T))``, and wage plus supplement may not
    exceed the full-time wage for the same job (``full_time_wage``, the lønloft).
    ``p`` reads the parameters G, T and the two reduction rates. Exact for Fractions,
    element by element for float64 arrays.
    """
    g = p("fleksloentilskud.max_supplement") / _MONTHS  # parameters read in canonical units: DKK/year
    t = p("fleksloentilskud.threshold") / _MONTHS
    low = p("fleksloentilskud.reduction_below_threshold")
    high = p("fleksloentilskud.reduction_above_threshold")
    supplement = maximum(g - low * minimum(wage, t) - high * maximum(wage - t, 0), 0)
    return minimum(supplement, maximum(full_time_wage - wage, 0))


def supplement_for(hourly_wage: Num, hours_per_year: Num, p: Callable[[str], Num]) -> Num:
    """Monthly fleksløntilskud for an hourly wage and the hours worked a year.

    L is the monthly wage, the lønloft the monthly wage of a full-time job at that hourly
    wage. No hours worked is no fleksjob, and no supplement.
    """
    wage = div(hourly_wage * hours_per_year, _MONTHS)
    # the lønloft's full time read as a parameter, so an override counts (review 50 F1: it was a constant 37)
    full_time = div(hourly_wage * p(FULL_TIME), _MONTHS)
    return where(hours_per_year > 0, fleksloentilskud_monthly(wage, full_time, p), 0)


@in_context
def fleksloentilskud(
    hourly_wage: pint.Quantity[Any] | str,
    hours: pint.Quantity[Any] | str,
    year: int | np.integer[Any],
    parameters: ParameterSet | None = None,
) -> pint.Quantity[Any]:
    """Monthly fleksløntilskud per worker, in DKK/month, exact to the øre.

    Args:
        hourly_wage: the wage incl. pension per hour, e.g. ``"180 DKK/hour"``.
        hours: the worker's (effective, paid) hours per week, month or year, e.g. ``"15 hour/week"``.
        year: the parameter year.
        parameters: a parameter set (default: the library's).

    >>> fleksloentilskud("180 DKK/hour", "15 hour/week", 2024)
    <Quantity(16442.00, 'DKK / month')>

    Raises:
        QuantityError: a wage or hours of the wrong kind (the message names ``hourly_wage``
            or ``hours``).
        SocialPartnerError: a year that is not a whole number (an int or a numpy integer).
        ParameterError: a year before the parameters' first.

    Warns:
        ScenarioWarning: a year after the parameters' last: that year's values are used
            unchanged (2027's for 2030), as the warning says.

    """
    wage = canonical(_argument(_WAGE, hourly_wage, "hourly_wage"))
    per_year = canonical(_argument(_HOURS, hours, "hours"))
    if parameters is not None and not isinstance(parameters, ParameterSet):
        raise ArgumentTypeError(
            f"parameters: expected a ParameterSet, e.g. sp.default_parameters().with_overrides({{…}}), or None; "
            f"got {type(parameters).__name__}"
        )
    use = ParameterUse(default_parameters() if parameters is None else parameters, whole_year(year))
    supplement = Q_(to_ore(supplement_for(wage, per_year, use)), "DKK/month")
    carried = sorted({v.year for v in use.used.values() if v.for_year not in (None, v.year) and not v.standing})
    if carried:  # evaluate says so in a statement; a bare number must say it too
        import warnings

        warnings.warn(
            ScenarioWarning(
                f"fleksloentilskud: the parameters have no values for {use.year}: the "
                f"{' and '.join(map(str, carried))} values are used unchanged (a later year's rates are regulated "
                "by the satsreguleringsprocent: give them with parameters=, or evaluate a scenario with a horizon, "
                "which indexes them)"
            ),
            stacklevel=3,  # the caller's line (in_context wraps this function)
        )
    return supplement


def _argument(kind: QuantityType, value: Any, name: str) -> pint.Quantity[Any]:
    """An argument read by its field type; an error names the argument (``hours: wrong kind of unit …``)."""
    try:
        return kind.validate(value)
    except PydanticCustomError as exc:
        ctx = exc.context or {}
        reason = f"{name}: {ctx.get('reason', exc.message())}"
        expected = f"{kind.expected}, e.g. {kind.examples[0]}"
        raise QuantityError(str(value)[:100], expected, reason, exc.type) from None


def _percent(x: Num) -> str:
    """An exact share as a percentage to two decimals, half up (``31.21 %``)."""
    return f"{round_half_up(x * 100, 2)} %"


def _who(group: Occupants) -> str:
    """A group of course places' occupants in words: first citizens, newcomers since week 18 (last year)."""
    if group.who == "first":
        return "first citizens"
    if group.who == "past":
        return "newcomers past week 52"
    since = group.since
    if since < 0:
        return f"newcomers since week {math.floor(since + _WEEKS) + 1} last year"
    return f"newcomers since week {math.floor(since) + 1}"


# the rate of former course participants, kept beside the groups' rates
_FORMER = "former course participants"

# The refusion ladder's bands: (last week of the band, or None for the rest; parameter).
_LADDER = (
    (4, "refusion.weeks_1_4"),
    (26, "refusion.weeks_5_26"),
    (52, "refusion.weeks_27_52"),
    (None, "refusion.after_52_weeks"),
)
REFUSION_INPUTS = ("public.weeks_on_support", *(name for _, name in _LADDER))
"""What a refusion on the ladder reads: the citizens' weeks on support so far and each band's rate."""


def refusion_rate(weeks_before: int, weeks: int, p: Callable[[str], Num]) -> Num:
    """The state's average refusion rate over the next ``weeks`` weeks.

    For a citizen already ``weeks_before`` weeks on support; the refusion ladder is 80 %
    in weeks 1-4, 40 % in weeks 5-26, 30 % in weeks 27-52 and 20 % after. Computed per
    band (weeks in the band × its rate), not week by week.

    >>> from fractions import Fraction
    >>> from socialpartner.parameters import ParameterUse, default_parameters
    >>> rate = refusion_rate(0, 52, ParameterUse(default_parameters(), 2024))
    >>> rate == Fraction(99, 260)  # (4·80 + 22·40 + 26·30) / 52 %
    True
    """
    if weeks <= 0:
        return 0  # an int: exact, and float64-friendly
    summed: Num = 0
    for count, name in _band_weeks(weeks_before, weeks):
        summed = summed + count * p(name)
    return div(summed, weeks)


def _band_weeks(weeks_before: int, weeks: int) -> list[tuple[int, str]]:
    """A citizen's next ``weeks`` weeks after ``weeks_before`` on support, per band: (weeks in it, its rate's name)."""
    first, last = weeks_before + 1, weeks_before + weeks
    out = []
    band_start = 1
    for band_end, name in _LADDER:
        low, high = max(first, band_start), last if band_end is None else min(last, band_end)
        if high >= low:
            out.append((high - low + 1, name))
        if band_end is not None:
            band_start = band_end + 1
    return out


def _above_last(weeks: Num, extra: tuple[Num, Num, Num]) -> Num:
    """Σ (rate − the last band's rate) over a citizen's first ``weeks`` weeks on the ladder, in closed form.

    ``extra`` holds bands 1-3 less the last band; the sum is 0 for no weeks and stays
    constant from week 52 on (the last band adds nothing above itself).
    """
    t = maximum(weeks, 0)
    summed: Num = 0
    start = 0
    for (end, _), e in zip(_LADDER[:3], extra, strict=True):  # the weeks of each early band the citizen has had
        summed = summed + e * minimum(maximum(t - start, 0), end - start)
        start = end
    return summed


class Ladder:
    """The state's refusion rate per group for one period, each computed once.

    A group (a placement form) starts at its ``weeks_on_support`` (week 1 after a § 6
    restart) and ages 52 weeks a year. With progression, ``mix`` follows the course places
    through the year: a share of them is freed at each course end and taken there and
    then by a new citizen, who starts their own ladder at week 1. The participants'
    rate is the average over the year's weeks of the expected rate of a place: per group of
    occupants (the first citizens on the group's ladder, newcomers past week 52, newcomers
    by the week they started), its share of the places between course ends × the weeks
    of its ladder it spends in each band, in closed form.
    """

    __slots__ = ("_above", "_budget", "_cache", "_index", "_mix", "_p", "_parts", "_weeks", "refunds")

    def __init__(self, budget: Any, index: int, weeks: int, p: Callable[[str], Num], mix: Places | None = None) -> None:
        self._budget, self._index, self._weeks, self._p, self._mix = budget, index, weeks, p, mix
        self._cache: dict[str, Num] = {}
        self._parts: tuple[tuple[Num, Num, Occupants], ...] | None = None
        self._above: tuple[tuple[Occupants, Num], ...] | None = None
        self.refunds: dict[str, str] = {}  # a refusion flow's key → the group whose rate it uses

    def rate(self, group: str) -> Num:
        """The average refusion rate of ``group`` over the period."""
        hit = self._cache.get(group)
        if hit is None:
            young = self._young(group)
            if young is None:
                before = self._budget.weeks_before(group) + 52 * self._index
                hit = refusion_rate(before, self._weeks, self._p)
            else:
                # every place-week at the last band's rate (the shares add up to 1), plus what the
                # early bands add for the groups in them: the long-held groups' shares, powers of
                # the share kept at each course end, drop out of the sum
                added = total((1, g.share * above) for g, above in young)
                hit = self._p(_LADDER[3][1]) + div(added, _WEEKS)
            self._cache[group] = hit
        return hit

    def supplement(self, line: Placement) -> SupplementParts | None:
        """The monthly fleksløntilskud of a fleksjob line of this period step by step (for explanations)."""
        return supplement_parts(self._budget, line, self._p)

    def describe(self, group: str) -> str:
        """The group's rate in words, for an explanation (exact numbers only; empty for arrays).

        For course participants with progression, once newcomers hold places, the places'
        mix: each group's average share of the places over the year × its average rate
        while it holds them, e.g. ``31.21 % = 38.00 % first citizens × 20.00 % + 62.00 %
        newcomers since week 1 × 38.08 %``; the weighted sum is the rate.
        """
        rate = self.rate(group)
        if not is_exact(rate):
            return ""
        # "≈" where two decimals do not hold the rate (1620/52 % is 31.1538… %): the fraction after it does
        text = ("" if (rate * 10000).denominator == 1 else "≈ ") + _percent(rate)
        if self._young(group) is None and self._weeks > 0:  # one ladder: its weeks per band, and where they start
            start = self._budget.weeks_before(group)
            before = start + 52 * self._index
            bands = " + ".join(
                f"{count} {'week' if count == 1 else 'weeks'} × {_percent(self._p(name))}"
                for count, name in _band_weeks(before, self._weeks)
            )
            since = f": {start} before the first year + {52 * self._index} since" if self._index else ""
            return f"{text} = ({bands}) / {self._weeks}, weeks {before + 1}–{before + self._weeks} on the ladder{since}"
        parts = self._places(group)
        if parts is not None and (self._index or any(g.who != "first" and share for share, _, g in parts)):
            text += " = " + " + ".join(
                f"{_percent(div(share, _WEEKS))} {_who(g)} × {_percent(div(summed, share))}"
                for share, summed, g in parts
                if share
            )
        return text

    def places(self, group: str) -> tuple[tuple[Num, str, Num], ...] | None:
        """Course participants with progression by their occupants: (average share of the places, who, rate).

        The shares add up to 1 and the shares × rates to :meth:`rate` (exact numbers only:
        None for arrays, for any other group and without progression).
        """
        parts = self._places(group)
        if parts is None or not is_exact(self.rate(group)):
            return None
        return tuple((div(share, _WEEKS), _who(g), safe_div(summed, share)) for share, summed, g in parts)

    def _places(self, group: str) -> tuple[tuple[Num, Num, Occupants], ...] | None:
        """Per group of occupants: its place-weeks in the year, Σ share × rate over them, the group.

        None for any group but course participants with progression.
        """
        young = self._young(group)
        if young is None or self._mix is None:
            return None
        if self._parts is None:
            bounds, kept = self._mix.bounds, self._mix.kept
            stretches = len(bounds) - 1
            # place-weeks to the year's end per share held in stretch j, the share shrinking
            # by kept at each course end: length_j + kept_j × (length_j+1 + kept_j+1 × …)
            weeks: list[Num] = [bounds[stretches] - bounds[stretches - 1]]
            for j in range(stretches - 2, -1, -1):
                weeks.append(bounds[j + 1] - bounds[j] + kept[j] * weeks[-1])
            weeks.reverse()
            last = self._p(_LADDER[3][1])
            parts = []
            for g, above in young:
                held = g.share * weeks[g.start]
                # every week at the last band's rate, plus what the early bands add while in them
                parts.append((held, held * last + g.share * above, g))
            self._parts = tuple(parts)
        return self._parts

    def _young(self, group: str) -> tuple[tuple[Occupants, Num], ...] | None:
        """Per group of occupants: Σ over its weeks of its share (per first share) × its rate above the last band.

        0 for a group past week 52 all year.

        None for any group but course participants with progression.
        """
        if group != "course participant" or self._mix is None:
            return None
        if self._above is None:
            rates = tuple(self._p(name) for _, name in _LADDER)
            last = rates[3]
            extra = (rates[0] - last, rates[1] - last, rates[2] - last)
            bounds, kept = self._mix.bounds, self._mix.kept
            stretches = len(bounds) - 1
            first = -(self._budget.weeks_before(group) + 52 * self._index)  # the first citizens' week 1
            seen: dict[tuple[Num, Num], Num] = {}  # tenure weeks → Σ above the last band (newcomers share them)
            out = []
            for g in self._mix.groups:
                added: list[Num] = []
                if g.who != "past":
                    began = first if g.since is None else g.since
                    for j in range(g.start, stretches):
                        low, high = bounds[j] - began, bounds[j + 1] - began
                        if isinstance(low, np.ndarray) or isinstance(high, np.ndarray):  # a sweep over course lengths
                            if not np.any(low < _WEEKS):
                                break
                            added.append(_above_last(high, extra) - _above_last(low, extra))
                            continue
                        if low >= _WEEKS:  # past week 52 from here on: nothing above the last band
                            break
                        hit = seen.get((low, high))
                        if hit is None:
                            hit = seen[low, high] = _above_last(high, extra) - _above_last(low, extra)
                        added.append(hit)
                above: Num = 0
                if added:  # Σ_j (its share in stretch j / its first share) × added_j, inside out
                    above = added[-1]
                    for j in range(len(added) - 2, -1, -1):
                        above = added[j] + kept[g.start + j] * above
                out.append((g, above))
            self._above = tuple(out)
        return self._above

    def former(self) -> Num:
        """The rate of former course participants (progression), from the second year on.

        Whoever finished a course in an earlier year is counted past week 52 of the ladder
        when the period starts (supported work such as fleksjob, or a benefit, is not
        self-support, § 6, stk. 2), so the whole period is in the last band. A simplification
        for courses shorter than a year: a newcomer may finish within 52 weeks of starting.
        """
        hit = self._cache.get(_FORMER)
        if hit is None:
            hit = self._cache[_FORMER] = refusion_rate(52, self._weeks, self._p)
        return hit

    def headline(self) -> Num:
        """The rate of a group at the default weeks (the first group priced without a default)."""
        weeks = self._budget.weeks_on_support
        if isinstance(weeks, int) or "default" in weeks:
            before = self._budget.weeks_before("default") + 52 * self._index
            return refusion_rate(before, self._weeks, self._p)
        return next((rate for group, rate in self._cache.items() if group != _FORMER), 0)

    @property
    def rates(self) -> dict[str, Num]:
        """The rates computed so far, by group."""
        return dict(self._cache)


@dataclass(frozen=True, slots=True)
class PublicLine:
    """One item of a public payer's budget: what it pays, and would pay otherwise.

    Positive amounts are costs to the payer; refusion received is a negative cost.
    """

    payer: Payer
    item: str
    actual: Decimal
    counterfactual: Decimal
    tax: bool = False


def _check_payer(payer: object) -> None:
    """Refuse a payer other than the two public ones (a typo would read as a payer of nothing)."""
    if payer not in PAYERS:
        raise PartyError(payer, PAYERS, "the public view")


@dataclass(frozen=True, slots=True)
class PublicView:
    """The budget effect per public payer for one period.

    Attributes:
        year: the parameter year used.
        lines: the items per payer (tax lines with ``tax`` set, with a ``public.tax`` block).
        counterfactual: the stated counterfactual, one sentence per group.
        refusion_rate: the state's refusion as a share of the payments it refunds in the
            period (the groups' rates weighted by those payments); with no refunded
            payment, the rate at the default ``weeks_on_support``.
        assumptions: what the view assumed beyond the inputs (a derived fleksjob wage,
            refusion per group, tax), one sentence each.
        refusion_rates: the average refusion rate of each group priced.
        taxed: whether tax is counted (:meth:`net_effect` is then after tax).
        rates_year: the year of the rates in kroner where it is not ``year`` (a
            spin-off's later years, in constant prices, use the first year's), else None.

    """

    year: int
    lines: tuple[PublicLine, ...]
    counterfactual: tuple[str, ...]
    refusion_rate: Decimal
    assumptions: tuple[str, ...] = ()
    refusion_rates: Mapping[str, Decimal] = field(default_factory=dict)
    taxed: bool = False
    rates_year: int | None = None

    @in_context
    def actual(self, payer: Payer) -> Decimal:
        """What ``payer`` pays with the partnership (``payer``: ``municipality`` or ``state``)."""
        _check_payer(payer)
        return sum((line.actual for line in self.lines if line.payer == payer), Decimal("0.00"))

    @in_context
    def without(self, payer: Payer) -> Decimal:
        """What ``payer`` would pay in the counterfactual."""
        _check_payer(payer)
        return sum((line.counterfactual for line in self.lines if line.payer == payer), Decimal("0.00"))

    @in_context
    def net_effect(self, payer: Payer) -> Decimal:
        """Counterfactual minus actual: positive means the partnership saves ``payer`` money (after tax, if taxed)."""
        return self.without(payer) - self.actual(payer)

    @in_context
    def net_effect_before_tax(self, payer: Payer) -> Decimal:
        """The net effect without the tax lines (equal to :meth:`net_effect` when tax is not counted)."""
        _check_payer(payer)
        return sum(
            (line.counterfactual - line.actual for line in self.lines if line.payer == payer and not line.tax),
            Decimal("0.00"),
        )


@dataclass(frozen=True, slots=True)
class Cohort:
    """Former course participants in one state (progression), with and without the partnership.

    ``people`` are in that state with the partnership, ``comparison`` in the stated
    comparison group (0 without one). ``kind``: ``fleksjob`` (fleksløntilskud at
    ``hourly_wage`` and ``hours_per_year``), ``ordinary`` (self-supporting) or
    ``benefit`` (e.g. førtidspension, ``benefit``). Whoever is in a state with the
    partnership but not in the comparison would otherwise be on the benefit of ``group``.
    ``yearly_wage``: the taxable wage of one person in an ordinary job (DKK a year), None
    when not stated (their wages are then not taxed).
    """

    label: str
    people: Num
    hourly_wage: Num | None  # None: no supplement
    hours_per_year: Num | None
    counterfactual_group: str
    comparison: Num = 0
    kind: Literal["fleksjob", "ordinary", "benefit"] = "fleksjob"
    benefit: Any = None
    yearly_wage: Num | None = None


@dataclass(frozen=True, slots=True)
class TaxBase:
    """The income a tax line is levied on, in øre per side ``(with, otherwise)``, in its parts.

    The wages, less their AM-bidrag (``am``; None on the AM-bidrag line itself, levied on the
    wages alone), plus the taxable public incomes by item: what an explanation lists so a tax
    can be recomputed from it (review 56 F5).
    """

    wages: tuple[Num, Num]
    am: tuple[Num, Num] | None = None
    incomes: tuple[tuple[str, Num, Num], ...] = ()

    def total(self, side: int) -> Num:
        """The taxable income of one side (0: with the partnership, 1: otherwise)."""
        out = self.wages[side] - (0 if self.am is None else self.am[side])
        for _, *amounts in self.incomes:
            out = out + amounts[side]
        return out


@dataclass(frozen=True, slots=True)
class Line:
    """One item of a public payer's budget, in øre (exact int or float64 over variants).

    ``taxable``: a citizen's income (fleksløntilskud, a benefit); ``tax``: a tax line, with
    the income it is levied on in ``base``.
    """

    payer: Payer
    item: str
    actual: Num
    counterfactual: Num
    taxable: bool = False
    tax: bool = False
    base: TaxBase | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """A group with a stated (or missing) counterfactual, for the view's sentences."""

    group: str
    people: Num
    benefit: Any  # the stated Benefit, or None
    monthly: Num
    amount: Num  # øre over the period
    rate: Num = 0  # the state's refusion of it: the group's ladder rate, mixed with former participants' own
    exact: Num = 0  # the amount over the period before rounding (DKK): the refusion's base
    former: Num = 0  # of ``people``, former course participants in work beyond the comparison group


def home_municipality(partnership: Any) -> Any:
    """The municipality that pays: the deal's own, else ``public.municipality`` (or None)."""
    own = getattr(partnership, "municipality", None)
    return own if own is not None else partnership.public.municipality


def _none(people: Num) -> bool:
    """Exactly nobody (a line of arrays over variants always takes part)."""
    return is_exact(people) and not people


def fleksjob_wage(budget: Any, line: Placement, p: Callable[[str], Num]) -> Num:
    """The hourly wage incl. pension behind a fleksjob line's supplement (None: no wage known).

    As stated in ``public.fleksjob_wage``, else the line's wage cost × the parameter
    ``fleksjob.wage_share_of_wage_cost`` (the wage cost also holds holiday pay, ATP and
    other employer contributions, which the law's wage L does not).
    """
    if budget.fleksjob_wage is not None:
        return canonical(budget.fleksjob_wage)
    if line.wage is None:
        return None
    return line.wage * p("fleksjob.wage_share_of_wage_cost")


@dataclass(frozen=True, slots=True)
class SupplementParts:
    """The monthly fleksløntilskud of one worker step by step, for an explanation (exact).

    ``hourly_wage`` and ``hours_per_year`` (per worker) give ``wage`` (L, a month) and
    ``full_time`` (the same hourly wage for full time, ``full_time_week`` hours a week
    (``norm.full_time``, 37), a month: the lønloft's limit); ``g`` and ``t`` are G and T a
    month, ``low`` and ``high`` the reduction rates;
    ``before`` is G − low·min(L, T) − high·max(0, L − T) (at least 0), ``room`` the full-time
    wage − L (at least 0), and ``monthly`` the smaller of the two.
    """

    hourly_wage: Num
    hours_per_year: Num
    wage: Num
    full_time: Num
    g: Num
    t: Num
    low: Num
    high: Num
    before: Num
    room: Num
    monthly: Num
    full_time_week: Num = 37  # the full-time hours a week (``norm.full_time``)


def supplement_parts(budget: Any, line: Placement, p: Callable[[str], Num]) -> SupplementParts | None:
    """The steps of :func:`supplement_for` for a fleksjob line (None: no wage or no hours known)."""
    hourly = fleksjob_wage(budget, line, p)
    if hourly is None or line.paid_hours is None or _none(line.headcount):
        return None
    hours = safe_div(line.paid_hours * _WEEKS, line.headcount)
    wage = div(hourly * hours, _MONTHS)
    full_time_year = p(FULL_TIME)
    full_time = div(hourly * full_time_year, _MONTHS)
    g = p("fleksloentilskud.max_supplement") / _MONTHS
    t = p("fleksloentilskud.threshold") / _MONTHS
    low = p("fleksloentilskud.reduction_below_threshold")
    high = p("fleksloentilskud.reduction_above_threshold")
    before = maximum(g - low * minimum(wage, t) - high * maximum(wage - t, 0), 0)
    room = maximum(full_time - wage, 0)
    monthly = supplement_for(hourly, hours, p)
    week = div(full_time_year, _WEEKS)
    return SupplementParts(hourly, hours, wage, full_time, g, t, low, high, before, room, monthly, week)


# the parameters of the monthly fleksløntilskud (explanations list them with their sources)
FLEX_PARAMETERS = (
    FULL_TIME,
    "fleksloentilskud.max_supplement",
    "fleksloentilskud.threshold",
    "fleksloentilskud.reduction_below_threshold",
    "fleksloentilskud.reduction_above_threshold",
)


PAID_FORMS = frozenset({"fleksjob", "løntilskud", "course participant"})
"""The forms :func:`public_flows` pays for: fleksløntilskud, løntilskud, the benefit during a course."""


def public_flows(
    budget: Any, placements: tuple[Placement, ...], years: Num, p: Callable[[str], Num], ladder: Ladder
) -> list[Flow]:
    """The partnership's public payments as ledger flows.

    Municipality → fleksjob workers: fleksløntilskud; municipality → course participants:
    the benefit during the course; municipality → the employer of løntilskud lines: the
    løntilskud per hour; state → municipality: refusion on each by the group's ladder.
    """
    flows: list[Flow] = []

    def paid_with_refusion(
        key: str,
        payee: str,
        amount: Num,
        purpose: str,
        formula: str,
        inputs: tuple[str, ...],
        refunded: str,
        group: str,
    ) -> None:
        flows.append(Flow(f"public.{key}", "municipality", payee, amount, purpose, formula, inputs))
        ladder.refunds[f"public.refusion.{key}"] = group
        flows.append(
            Flow(
                f"public.refusion.{key}",
                "state",
                "municipality",
                amount * ladder.rate(group),
                refunded,
                f"refusion rate ({group}) × {purpose}",
                REFUSION_INPUTS,
            )
        )

    # two paid lines of one form are told apart by their path ("fleksløntilskud (workforce.1)"): two rows
    # of one name could not be matched to their lines (review 56 F8)
    forms = Counter(line.form for line in placements if line.form in PAID_FORMS and line.inputs)

    def told(purpose: str, line: Placement) -> str:
        # the list and the line (a spin-off year's years.2.workforce.1 as workforce.1: the same row every year)
        where = ".".join(line.inputs[0].rpartition(".")[0].split(".")[-2:])
        return purpose if forms[line.form] < 2 else f"{purpose} ({where})"

    for i, line in enumerate(placements):
        if _none(line.headcount):
            continue
        # the line's headcount and hours in the scenario; its wage where the supplement uses it
        people = tuple(path for path in line.inputs if not path.endswith(".wage_cost"))
        wage_cost = tuple(path for path in line.inputs if path.endswith(".wage_cost"))
        if line.form == "fleksjob" and line.paid_hours is not None:
            wage = fleksjob_wage(budget, line, p)
            if wage is None:
                continue
            per_person_year = safe_div(line.paid_hours * _WEEKS, line.headcount)
            amount = supplement_for(wage, per_person_year, p) * (_MONTHS * years) * line.headcount
            paid_with_refusion(
                f"fleksloentilskud.{i}",
                "workers",
                amount,
                told("fleksløntilskud", line),
                "monthly fleksløntilskud (G − 30 %·min(L,T) − 55 %·max(0,L−T), "
                "within the lønloft) × 12 × period × headcount",
                (
                    *(
                        ("public.year", "public.fleksjob_wage")
                        if budget.fleksjob_wage is not None
                        else ("public.year", *wage_cost, "fleksjob.wage_share_of_wage_cost")
                    ),
                    *people,
                    "period",
                    *FLEX_PARAMETERS,
                ),
                told("state refusion on fleksløntilskud", line),
                "fleksjob",
            )
        elif line.form == "løntilskud" and line.paid_hours is not None and line.employer is not None:
            amount = p("loentilskud.private_per_hour") * line.paid_hours * (_WEEKS * years)
            paid_with_refusion(
                f"loentilskud.{i}",
                line.employer,
                amount,
                told("løntilskud", line),
                "løntilskud per hour × paid hours × period",
                ("loentilskud.private_per_hour", *people, "period"),
                told("state refusion on løntilskud", line),
                "løntilskud",
            )
        elif line.form == "course participant" and budget.during_course is not None:
            amount = (
                benefit_monthly(budget.during_course, p, "public.during_course") * (_MONTHS * years) * line.headcount
            )
            paid_with_refusion(
                f"during_course.{i}",
                "participants",
                amount,
                told("benefit during the course", line),
                "monthly benefit × 12 × period × participants",
                ("public.during_course", *_parameter_of(budget.during_course), *people, "period"),
                told("state refusion on the course benefit", line),
                "course participant",
            )
    return flows


def _parameter_of(benefit: Any) -> tuple[str, ...]:
    """The parameter a stated benefit reads, if any (its value is shown with the inputs)."""
    return () if benefit.parameter is None else (benefit.parameter,)


def benefit_monthly(benefit: Any, p: Callable[[str], Num], path: str = "") -> Num:
    """A stated benefit per month.

    An amount the scenario states at ``path`` is a rate in kroner of the public view's
    first year: in a later year of a horizon it is indexed by the satsreguleringsprocent
    as a parameter's carried rate is (:meth:`ParameterUse.rate`).
    """
    if benefit.amount is not None:
        amount = canonical(benefit.amount) / _MONTHS
        return p.rate(path, amount) if isinstance(p, ParameterUse) else amount
    return p(benefit.parameter) / _MONTHS


# public flows that are a citizen's income, by key prefix: the group they belong to
_INCOME_GROUPS = {"public.fleksloentilskud": "fleksjob", "public.during_course": "course participant"}


def _refusion_lines(item: str, actual: Num, otherwise: Num) -> list[Line]:
    """The state pays what the municipality gets back, with and without the partnership."""
    return [Line("municipality", item, -actual, -otherwise), Line("state", item, actual, otherwise)]


def public_lines(
    budget: Any,
    flows: tuple[Flow, ...],
    amounts: Mapping[str, Num],
    placements: tuple[Placement, ...],
    years: Num,
    p: Callable[[str], Num],
    ladder: Ladder,
    cohorts: tuple[Cohort, ...] = (),
) -> tuple[list[Line], list[Group]]:
    """The budget effect per payer (øre), from the settled flows and the stated counterfactual."""
    lines: list[Line] = []
    # actual payments of the municipality in the ledger (course payments and the public flows)
    for flow in flows:
        if flow.payer == "municipality":
            group = _INCOME_GROUPS.get(flow.key.rpartition(".")[0])
            income = group is not None and group in budget.counterfactual  # taxed only where compared
            lines.append(Line("municipality", flow.purpose, amounts[flow.key], 0, taxable=income))
        elif flow.payer == "state" and flow.payee == "municipality":
            lines += _refusion_lines(flow.purpose, amounts[flow.key], 0)
    people: dict[str, Num] = {}
    former: dict[str, Num] = {}  # of those, people who finished a course in an earlier year
    for line in placements:
        # a job of no hours moves nobody off their benefit: they count on neither side
        count = (
            line.headcount
            if not line.is_job or line.paid_hours is None
            else where(line.paid_hours > 0, line.headcount, 0)
        )
        if not _none(count):
            people[line.form] = people.get(line.form, 0) + count
    for cohort in cohorts:
        if _none(cohort.people) and _none(cohort.comparison):
            continue  # nobody moved (a deal without course participants): no group, no line, no sentence
        group = cohort.counterfactual_group
        # otherwise on the group's benefit: in this state with the partnership, not in the comparison
        moved = cohort.people - cohort.comparison
        people[group] = people.get(group, 0) + moved
        if not _none(moved):
            former[group] = former.get(group, 0) + moved
        monthly = None
        if cohort.kind == "fleksjob" and cohort.hourly_wage is not None and cohort.hours_per_year is not None:
            monthly, item = supplement_for(cohort.hourly_wage, cohort.hours_per_year, p), "fleksløntilskud"
        elif cohort.kind == "benefit" and cohort.benefit is not None:
            monthly, item = benefit_monthly(cohort.benefit, p, "horizon.progression.leave_benefit"), "benefit"
        if monthly is None:
            continue
        rate = ladder.former()  # past week 52, with or without the partnership
        # each amount rounded once from its exact value: the refusion from the exact payment, not the rounded one
        exact = [monthly * (_MONTHS * years) * n for n in (cohort.people, cohort.comparison)]
        taxed = group in budget.counterfactual
        lines.append(Line("municipality", f"{item}: {cohort.label}", ore(exact[0]), ore(exact[1]), taxable=taxed))
        lines += _refusion_lines(f"state refusion: {cohort.label}", ore(exact[0] * rate), ore(exact[1] * rate))
    groups: list[Group] = []
    for group, count in people.items():
        benefit = budget.counterfactual.get(group)
        if benefit is None:
            if group != "support staff":
                groups.append(Group(group, count, None, 0, 0))
            continue
        monthly = benefit_monthly(benefit, p, f"public.counterfactual.{group}")
        exact = monthly * (_MONTHS * years) * count
        amount = ore(exact)
        rate = ladder.rate(group)
        if group in former:  # former participants at their own rate: the group's rate by headcount
            rate = safe_div(rate * (count - former[group]) + ladder.former() * former[group], count)
        groups.append(Group(group, count, benefit, monthly, amount, rate, exact, former.get(group, 0)))
        lines.append(Line("municipality", f"counterfactual benefit: {group}", 0, amount, taxable=True))
        # rounded once from the exact benefit, as the refusion of a payment in the ledger is
        lines += _refusion_lines(f"counterfactual refusion: {group}", 0, ore(exact * rate))
    if budget.tax is not None:
        lines += tax_lines(budget, lines, placements, years, p, cohorts)
    return lines, groups


def tax_lines(
    budget: Any,
    lines: list[Line],
    placements: tuple[Placement, ...],
    years: Num,
    p: Callable[[str], Num],
    cohorts: tuple[Cohort, ...] = (),
) -> list[Line]:
    """Tax on the incomes of the groups with a stated counterfactual, as negative costs (øre).

    Wages (the wage cost × the taxable share; the fleksjob wage where stated; former
    participants' wages in fleksjob and, where stated, in ordinary jobs) pay AM-bidrag to
    the state; wages after AM-bidrag and the public incomes (fleksløntilskud, benefits)
    pay the average municipal tax to the municipality and the bottom-bracket tax to the
    state. In the counterfactual only the comparison group's movers have wages.
    """
    stated = budget.counterfactual
    given = budget.tax.taxable_share_of_wage_cost
    wages: Num = 0
    for line in placements:
        if line.form not in stated or line.wage is None or line.paid_hours is None or _none(line.headcount):
            continue
        if line.form == "fleksjob":
            hourly = fleksjob_wage(budget, line, p)
        else:  # the parameter read only where a line needs it: a deal of stated wages lists no estimate
            share = canonical(given) if given is not None else p("fleksjob.wage_share_of_wage_cost")
            hourly = line.wage * share
        wages = wages + hourly * line.paid_hours * (_WEEKS * years)
    cohort_wages: list[Num] = [0, 0]
    for cohort in cohorts:
        if cohort.counterfactual_group not in stated:
            continue
        per_person = None
        if cohort.kind == "fleksjob" and cohort.hourly_wage is not None:
            per_person = cohort.hourly_wage * cohort.hours_per_year * years
        elif cohort.kind == "ordinary" and cohort.yearly_wage is not None:
            per_person = cohort.yearly_wage * years
        if per_person is not None:
            cohort_wages = [
                cohort_wages[0] + per_person * cohort.people,
                cohort_wages[1] + per_person * cohort.comparison,
            ]
    wage_ore = (ore(wages + cohort_wages[0]), ore(cohort_wages[1]))
    am = p("tax.am_bidrag")
    am_ore = tuple(ore(div(w, 100) * am) for w in wage_ore)
    # public incomes of those groups: fleksløntilskud, benefits (the course benefit counts for participants)
    incomes: dict[str, tuple[Num, Num]] = {}  # by item: two fleksjob lines are one fleksløntilskud in the base
    for item in lines:
        if item.taxable:
            was = incomes.get(item.item, (0, 0))
            incomes[item.item] = (was[0] + item.actual, was[1] + item.counterfactual)
    income_base = TaxBase(wage_ore, (am_ore[0], am_ore[1]), tuple((k, *v) for k, v in incomes.items()))
    base = [income_base.total(0), income_base.total(1)]
    municipal, state = p("tax.municipal_average"), p("tax.bundskat")
    out = [Line("state", "tax: AM-bidrag on wages", -am_ore[0], -am_ore[1], tax=True, base=TaxBase(wage_ore))]
    taxes: tuple[tuple[Payer, str, Num], ...] = (
        ("municipality", "tax: municipal income tax", municipal),
        ("state", "tax: state bottom-bracket tax", state),
    )
    for payer, label, rate in taxes:
        amounts = -ore(div(base[0], 100) * rate), -ore(div(base[1], 100) * rate)
        out.append(Line(payer, label, *amounts, tax=True, base=income_base))
    return out
