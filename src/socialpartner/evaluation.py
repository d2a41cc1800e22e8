"""Evaluate a partnership: ledger, cost split, break-even prices and jobs.

The evaluator settles a model's flows into a balanced ledger, splits the cost of
support staff over its funding sources, solves break-even prices and counts jobs, the
same way for every model: it only sees the model's :class:`~socialpartner._internal.plan.Plan`.
A model with several periods (a spin-off's years) gets one evaluation per period in
:attr:`Evaluation.breakdown` and their sum at the top.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar

import pint

from socialpartner import core, public
from socialpartner import testing as _testing
from socialpartner._internal import engine, paths
from socialpartner._internal import horizon as _horizon
from socialpartner._internal.arguments import need_partnership, need_text
from socialpartner._internal.backend import Rational, fraction, is_exact, ore, total
from socialpartner._internal.explain import Explanation
from socialpartner._internal.i18n import TEXT, Cited, Join, Lang, Money, Number, Percent, Period, Raw, Text, Value
from socialpartner._internal.lazy import LazyModule
from socialpartner._internal.plan import Check, Extras, Figure, Placement, Plan, places
from socialpartner._internal.units import FTE_HOURS_PER_WEEK, WEEKS_PER_YEAR, canonical, parse_unit, unit_info
from socialpartner.errors import LedgerError, ResultError, SocialPartnerError
from socialpartner.ledger import MAX_AMOUNT, Ledger, Transfer
from socialpartner.models._base import Partnership
from socialpartner.money import ORE, as_used, in_context, ratio_decimal, to_ore
from socialpartner.parameters import (
    ParameterSet,
    ParameterUse,
    ParameterValue,
    projected_satsregulering,
    satsregulering_read,
    transfer_income_reduction,
)
from socialpartner.public import FULL_TIME, PAID_FORMS, PAYERS, PublicLine, PublicView

if TYPE_CHECKING:
    import pandas as pd
else:  # the annotations resolve at runtime (typing.get_type_hints); pandas is imported on first use
    pd = LazyModule("pandas")

__all__ = ["BreakEven", "Check", "Evaluation", "Explanation", "Figure", "Job", "Manifest", "evaluate"]

_ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class BreakEven:
    """The price at which funding exactly covers the cost pool, everything else as given.

    Attributes:
        label: words for the price.
        input_path: the scenario input that sets that price, e.g. ``courses.price``.
        value: the price in ``unit``, rounded to øre once from its exact value; None when
            no price works (the price has no volume, e.g. no hours are bought).
        unit: the unit the scenario writes the price in (``DKK/year`` for a course price
            given as ``150000 DKK/year`` or ``150.000 kr./år``); the model's own unit
            when the price is written otherwise (a percentage overhead, øre).
        percent: the price as a percentage of its base, for markups given as one.
        already_covered: the cost is covered even at a price of zero.
        canonical_value: the same price in the model's unit for it, rounded to øre once
            (the value of a sweep's ``break_even.INPUT [UNIT]`` column).
        canonical_unit: the model's unit for the price, e.g. ``DKK/month`` for a course
            price (the unit in a sweep's column name).
        covering: the least whole-øre price in ``unit`` at or above the exact break-even
            rate: ``value`` where rounding half up kept it there, one øre more where it
            took it below (12,033.34 against 12,033.33: at 12,033.33 × 36 months the cost
            is 0.12 DKK short). None with ``value``.
        covering_percent: for a markup given as a percentage, the least percentage to two
            decimals at or above the exact one (``percent`` or 0.01 more: 81.87 against
            81.86, at which the cost is 12.36 DKK short); None without ``percent``.
        canonical_covering: ``covering`` in ``canonical_unit`` (where ``compare`` shows two
            scenarios' prices in the model's unit, its note judges that figure).

    The values are rounded from the one exact break-even rate, never one from another.

    """

    label: str
    input_path: str
    value: Decimal | None
    unit: str
    percent: Decimal | None = None
    already_covered: bool = False
    canonical_value: Decimal | None = None
    canonical_unit: str = ""
    covering: Decimal | None = None
    covering_percent: Decimal | None = None
    canonical_covering: Decimal | None = None

    def __post_init__(self) -> None:
        if not self.canonical_unit:  # a record made by hand: the price in one unit only
            object.__setattr__(self, "canonical_unit", self.unit)
            object.__setattr__(self, "canonical_value", self.value)
        if self.covering is None and self.value is not None:  # a record made by hand: the price itself
            object.__setattr__(self, "covering", self.value)
        if self.canonical_covering is None and self.canonical_value is not None:
            same = self.canonical_unit == self.unit
            object.__setattr__(self, "canonical_covering", self.covering if same else self.canonical_value)
        if self.covering_percent is None and self.percent is not None:
            object.__setattr__(self, "covering_percent", self.percent)


@dataclass(frozen=True, slots=True)
class Job:
    """People placed, by form: headcount, paid and effective hours a week, FTE (37 h/week).

    ``employer`` is None for people who are not employed (e.g. course participants).
    ``workplace`` is where the people work: the SØV's support staff are placed where the
    people they support work (the company's site in the shared-responsibility, in-house and
    labour-shortage models; the SØV's own in the supplier and spin-off models).
    ``inclusive``: a form for people at the edge of the labour market (all but ordinary
    jobs).
    """

    form: str
    headcount: int
    hours_per_week: Decimal | None
    effective_hours_per_week: Decimal | None
    fte: Decimal | None
    employer: str | None
    workplace: str
    is_job: bool
    inclusive: bool


@dataclass(frozen=True, slots=True)
class Manifest:
    """What produced an evaluation: library version, bundled data version, input hash.

    ``parameter_set_version`` is a hash of the bundled data that enters results;
    ``parameter_file_version`` the parameter file's own version (``2026.11.5``), as the
    documentation's parameter table gives it.

    The same input under the same library and data gives the same manifest and
    byte-identical JSON output.
    """

    library_version: str
    parameter_set_version: str
    input_sha256: str
    # the parameter file's own version, as docs/parameters.md names it (``2026.11.5``); the hash above
    # covers it with the units and municipality codes (review 48 F13: the two could not be matched)
    parameter_file_version: str = ""


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The result of :func:`evaluate`.

    Attributes:
        partnership: the validated input.
        parties: display name of each role in the ledger.
        ledger: every transfer of the period; balances to the øre.
        cost_split: the support-staff cost set against its funding sources.
        break_even: the break-even price of each negotiable price.
        placements: people placed, by form (see :attr:`jobs` for jobs only).
        figures: the model's own results (e.g. a company's net gain).
        checks: criteria judged from stated facts (e.g. RSV registration).
        statements: ready-to-use sentences (e.g. for a CSR report).
        breakdown: one evaluation per period for multi-period models, else empty.
        public: the public purse's view, with a ``public:`` block, for one period. None for
            the total of a horizon or a spin-off (each year's view is in
            ``breakdown[i].public``; the totals over the years are in :meth:`results` as
            ``public.municipality``/``public.state`` and the ``total.public.*`` and
            ``npv.public.*`` figures).
        parameters: the parameter values used, with their years, tags and sources.
        fte: full-time equivalents of the jobs, rounded once from their total paid hours.
            For the total of a horizon or a spin-off: the last year's (as ``results()["fte"]``
            and ``results()["jobs"]``; a statement says so and gives each year's), not a sum.
        inclusive_fte: the same for the inclusive jobs only (all but ordinary posts: the jobs
            for people outside the labour market), as ``results()["inclusive_fte"]``.

    For the total of a horizon or a spin-off, :attr:`break_even`, :attr:`placements` and
    :attr:`jobs` are empty and :attr:`public` is None: they are per year, in
    :attr:`breakdown`. The money of the total (ledger, cost split, ``net.*``) is summed
    over the years.

    """

    # records of mappings: equal by value but not hashable (a hash of their fields would fail on the
    # mapping, deep inside); unhashable by name, as a dict is
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    partnership: Partnership
    parties: Mapping[str, str]
    ledger: Ledger
    cost_split: core.CostSplit
    break_even: tuple[BreakEven, ...] = ()
    placements: tuple[Job, ...] = ()
    figures: tuple[Figure, ...] = ()
    checks: tuple[Check, ...] = ()
    statements: tuple[str, ...] = ()
    breakdown: tuple[Evaluation, ...] = ()
    public: PublicView | None = None
    parameters: tuple[ParameterValue, ...] = ()
    fte: Decimal = Decimal("0.00")
    inclusive_fte: Decimal = Decimal("0.00")
    _plan: Plan | None = field(default=None, repr=False, compare=False)
    _settled: Mapping[str, Decimal] = field(default_factory=dict, repr=False, compare=False)
    _ladder: Any = field(default=None, repr=False, compare=False)  # the year's refusion ladder, for explanations
    _groups: tuple[Any, ...] = field(
        default=(), repr=False, compare=False
    )  # the counterfactual's groups (public.Group)
    # the scenario's own kroner rates indexed this year: path → (the year they are for, the factor)
    _stated: Mapping[str, tuple[int, Fraction]] = field(default_factory=dict, repr=False, compare=False)
    # each tax line's taxable income in its parts (public.TaxBase, DKK), by item, for explanations
    _taxes: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def manifest(self) -> Manifest:
        """Library version, parameter-set version and the SHA-256 of the validated input."""
        from socialpartner.views.data import manifest

        return manifest(self)

    def topics(self) -> tuple[str, ...]:
        """Everything :meth:`explain` can explain."""
        from socialpartner.views.explain import topics

        return topics(self)

    @in_context
    def explain(self, topic: str) -> Explanation:
        """How a figure was computed (see :func:`socialpartner.views.explain.explain`)."""
        from socialpartner.views.explain import explain

        return explain(self, topic)

    @property
    def jobs(self) -> tuple[Job, ...]:
        """Placements that are jobs (not course places or support posts); per year (empty for a horizon's total)."""
        return tuple(p for p in self.placements if p.is_job)

    @in_context
    def to_frame(self, *, lang: Lang = "en") -> pd.DataFrame:
        """The ledger as a pandas DataFrame (see :func:`socialpartner.views.frames.to_frame`)."""
        from socialpartner.views.frames import to_frame

        return to_frame(self, lang=lang)

    @in_context
    def summary_frame(self, *, lang: Lang = "en") -> pd.DataFrame:
        """Per party: name, receives, pays, net (see :func:`socialpartner.views.frames.summary_frame`)."""
        from socialpartner.views.frames import summary_frame

        return summary_frame(self, lang=lang)

    @in_context
    def _repr_html_(self) -> str:
        from socialpartner.views.html import to_html

        return to_html(self)

    @in_context
    def to_html(self, lang: Lang = "en") -> str:
        """The compact HTML view Jupyter shows, in English or Danish (``lang="da"``)."""
        from socialpartner.views.html import to_html

        return to_html(self, lang)

    @in_context
    def results(self) -> dict[str, Decimal | None]:
        """Every headline result by name, for solvers, sweeps and comparisons.

        ``coverage``, ``surplus``, ``shortfall``, ``cost``, ``funding``, ``net.PARTY``,
        ``break_even.INPUT``, ``jobs`` and ``fte`` (and ``inclusive_jobs``, ``inclusive_fte``:
        the jobs of all but ordinary posts), ``public.PAYER`` (summed over the
        periods, with a ``public:`` block; ``public.PAYER.before_tax`` too when tax is
        counted), and each figure's key; over several years ``payback.PARTY`` and
        ``payback.public.PAYER`` for every net with a present value (None where it never goes
        below zero, or is not back within the years). The money is summed over the periods of a horizon
        or a spin-off; ``jobs`` and ``fte`` are the last period's (people are counted in
        each year, not summed), as a statement of the evaluation says. Each key is a topic
        of :meth:`explain`. One year's results are those of its record in
        :attr:`breakdown`; :meth:`result` reads them by the names ``solve``, ``expect:``
        and sweep columns use (``ev.result("2027.coverage")``).

        Money is in whole øre. A ratio (``coverage``) is not rounded: exact where it
        terminates (``0.9225``), else to the 28 significant digits of the library's decimal
        context (``0.9443804731407659129525552215``), so a target met or missed by less
        than a displayed digit is still told apart; round it to show it (the tables and
        reports show 2 decimals of a percentage, ``to_dict`` 6 decimals; each more where a ratio
        beside 1 would read as 1).
        """
        split = self.cost_split
        out: dict[str, Decimal | None] = {
            "coverage": split.coverage,
            "surplus": split.surplus,
            "shortfall": split.shortfall,
            "cost": split.cost,
            "funding": split.total_funding,
        }
        for party in self.ledger.parties:
            out[f"net.{party}"] = self.ledger.net(party)
        for b in self.break_even:
            out[f"break_even.{b.input_path}"] = b.value
        parts = self.breakdown or (self,)
        out["jobs"] = Decimal(sum(j.headcount for j in parts[-1].jobs))
        out["fte"] = self.fte
        # the jobs for people outside the labour market: ordinary posts left out
        out["inclusive_jobs"] = Decimal(sum(j.headcount for j in parts[-1].jobs if j.inclusive))
        out["inclusive_fte"] = self.inclusive_fte
        views = [p.public for p in parts if p.public is not None]
        if views:
            for payer in PAYERS:
                out[f"public.{payer}"] = sum((v.net_effect(payer) for v in views), Decimal("0.00"))
            if views[0].taxed:
                for payer in PAYERS:
                    out[f"public.{payer}.before_tax"] = sum(
                        (v.net_effect_before_tax(payer) for v in views), Decimal("0.00")
                    )
        for f in self.figures:
            out.setdefault(f.key, f.value)
        return out

    def result(self, name: str) -> Decimal:
        """One result by the name ``solve``, ``expect:`` blocks and sweep columns use.

        A name of :meth:`results`, or over several years ``YEAR.NAME`` for one year's
        (``ev.result("2027.coverage")``); see :func:`socialpartner.result_value`.

        Raises:
            ResultError: an unknown name or year (a KeyError and a SolveError).
            NoValueError: a result with no value here, which :meth:`results` gives as None
                (a ResultError too: ``except sp.ResultError`` catches both).

        """
        from socialpartner.solver import result_value

        return result_value(self, name)

    def figure(self, key: str) -> Figure:
        """One of :attr:`figures` by key.

        Raises:
            ResultError: no such figure (a KeyError and a SocialPartnerError); the message
                lists the keys there are.
            ArgumentTypeError: ``key`` is not text.

        """
        for f in self.figures:
            if f.key == key:
                return f
        need_text(key, "key", "a figure's key, e.g. 'company_net_gain',")
        raise ResultError(key, f"no figure {key!r}; figures: {', '.join(f.key for f in self.figures) or 'none'}")

    @in_context
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; money and ratios are decimal strings, never floats.

        For the total of a horizon or a spin-off, ``public`` is None and ``placements``
        and ``break_even`` are empty: each year's are in ``breakdown[i]`` (the public
        totals over the years are ``results()["public.PAYER"]`` and the ``total.public.*``
        figures).
        """
        from socialpartner.views.data import to_dict

        return to_dict(self)


def _job(p: Placement) -> Job:
    paid = None if p.paid_hours is None else places(p.paid_hours)
    same = p.effective_hours is p.paid_hours or p.effective_hours == p.paid_hours
    effective = paid if same else None if p.effective_hours is None else places(p.effective_hours)
    fte = None if p.paid_hours is None else places(p.paid_hours / FTE_HOURS_PER_WEEK)
    # people in a job of no hours are in no job (a line of no people stays a job line of 0)
    is_job = p.is_job and (p.paid_hours is None or p.paid_hours != 0 or not p.headcount)
    return Job(p.form, p.headcount, paid, effective, fte, p.employer, p.workplace, is_job, p.inclusive)


def _dkk(ore: int) -> Decimal:
    """Whole øre (an int from the engine) as a Decimal amount of DKK with two places.

    Called inside :func:`evaluate` (under :data:`~socialpartner.money.CONTEXT`, 28 digits):
    the product of at most 18 digits is exact, and twice as fast as ``scaleb``.
    """
    return Decimal(ore) * ORE


def _in_dkk(base: public.TaxBase) -> public.TaxBase:
    """A tax line's taxable income (the engine's øre) in DKK, as the record holds every amount."""

    def pair(sides: tuple[Any, Any]) -> tuple[Decimal, Decimal]:
        return _dkk(sides[0]), _dkk(sides[1])

    return public.TaxBase(
        pair(base.wages),
        None if base.am is None else pair(base.am),
        tuple((item, _dkk(w), _dkk(o)) for item, w, o in base.incomes),
    )


# A price's unit shown as written: money per one unit of time or of working hours.
_PRICE_UNIT = re.compile(r"DKK/(?:hour|minute|day|week|month|quarter|year)\Z")


def _price_unit(model: Partnership, path: str, unit: str) -> tuple[str, Fraction]:
    """The unit the scenario writes the price at ``path`` in, and the factor from ``unit`` to it.

    A rate in ``unit`` times the factor is the rate in the written unit (``DKK/month`` to
    ``DKK/year``: 12). A price written in another kind of unit (a percentage overhead) or
    in a unit other than DKK per one unit of time (øre per hour) keeps ``unit``.
    """
    # kept per scenario (immutable; held, so its id is not reused) and by the units alone:
    # walking the path and formatting a pint unit cost a tenth of a one-year evaluation
    seen = _PRICE_PATHS.get((id(model), path, unit))
    if seen is not None and seen[0] is model:
        return seen[1]
    try:
        written = paths.get(model, path)
    except paths.PathError:
        return unit, _SAME
    if not isinstance(written, pint.Quantity):
        return unit, _SAME
    key = (written._units, unit)
    hit = _PRICE_UNITS.get(key)
    if hit is None:
        if len(_PRICE_UNITS) > 1024:
            _PRICE_UNITS.clear()
        hit = _PRICE_UNITS[key] = _written_unit(written, unit)
    if len(_PRICE_PATHS) > 256:
        _PRICE_PATHS.clear()
    _PRICE_PATHS[(id(model), path, unit)] = (model, hit)
    return hit


_SAME = Fraction(1)  # the factor of a price shown in the model's own unit
_PRICE_UNITS: dict[tuple[Any, str], tuple[str, Fraction]] = {}
_PRICE_PATHS: dict[tuple[int, str, str], tuple[Partnership, tuple[str, Fraction]]] = {}


def _written_unit(written: pint.Quantity[Any], unit: str) -> tuple[str, Fraction]:
    shown = str(written.units).replace(" / ", "/")
    if shown == unit or not _PRICE_UNIT.match(shown):
        return unit, _SAME
    own, theirs = parse_unit(unit), unit_info(written)
    if own.dims != theirs.dims:
        return unit, _SAME
    return shown, own.factor / theirs.factor


def _break_even(plan: Plan, s: engine.Settlement, model: Partnership) -> tuple[BreakEven, ...]:
    out = []
    for spec in plan.break_even:
        value = s.break_even[spec.input_path]
        unit, factor = _price_unit(model, spec.input_path, spec.unit)
        if value is None:
            out.append(BreakEven(spec.label, spec.input_path, None, unit, canonical_unit=spec.unit))
            continue
        percent = covering_percent = None
        if spec.percent_of:  # neither None nor zero
            exact_percent = s.rates[spec.input_path] / spec.percent_of * 100
            percent = places(exact_percent)
            # as for the price: rounded half up below the exact percentage, 0.01 more covers
            covering_percent = percent if Fraction(percent) >= fraction(exact_percent) else percent + ORE
        covered = bool(s.covered[spec.input_path])
        canonical_value = _dkk(value)
        # the written unit's rate from the exact rate, rounded once (not the rounded rate converted)
        # the same unit (by identity: a Fraction's == costs more than the rest of this loop)
        rate = s.rates[spec.input_path] if factor is _SAME else s.rates[spec.input_path] * Rational(factor)
        shown_ore = value if factor is _SAME else ore(rate)
        shown = canonical_value if factor is _SAME else _dkk(shown_ore)
        # rounded half up below the exact rate: one øre more is the least price that covers
        covering = shown if shown_ore >= rate * 100 else shown + ORE
        # the same in the model's unit, from the exact rate in it
        exact = s.rates[spec.input_path]
        canonical_covering = canonical_value if value >= exact * 100 else canonical_value + ORE
        out.append(
            BreakEven(
                spec.label,
                spec.input_path,
                shown,
                unit,
                percent,
                covered,
                canonical_value,
                spec.unit,
                covering,
                covering_percent,
                canonical_covering,
            )
        )
    return tuple(out)


def _statements(effects: engine.PublicEffects, use: ParameterUse) -> tuple[str, ...]:
    out: list[str] = []
    for g in effects.groups:
        if g.benefit is None:
            key = "msg.smaajob_compared" if g.group == "småjob" else "msg.no_counterfactual"
            out.append(Text(key, group=g.group))
            continue
        stated = g.benefit.describe()
        if g.benefit.amount is not None:  # the amount as the scenario states it, in the output's spelling
            stated = Value(stated)
        benefit = stated if g.benefit.parameter is None else _benefit_named(g.benefit.parameter)
        indexed = use.stated.get(f"public.counterfactual.{g.group}")
        if indexed is not None:  # the rate of the first year (or of the change that set it), indexed to this one
            benefit = Text("msg.stated_rate_indexed", stated=stated, year=Raw(str(indexed[0])))
        out.append(
            Text(
                "msg.counterfactual_one" if g.people == 1 else "msg.counterfactual",  # "1 person", not "1 personer"
                group=g.group,
                people=_people(g.people),
                # the monthly rate as the amount uses it (× 12 × people gives the amount): 20,983.3217 (review 58 L3)
                monthly=_rate_used(g.monthly),
                benefit=benefit,
                amount=Money(_dkk(g.amount)),
            )
        )
        if g.former:  # exact in a record, as every amount is
            # 3.3 people with 3 course places: say who the 0.3 are (review 61 L2)
            out.append(
                Text(
                    "msg.counterfactual_former",
                    group=g.group,
                    people=_people(g.people),
                    former=_people(g.former),
                    placed=_people(g.people - g.former),
                )
            )
        if g.benefit.amount is not None:
            out += _benefit_too_large(g.group, g.monthly, use)
    return tuple(out)


def _benefit_named(parameter: str) -> Text:
    """A benefit's parameter, in words where the glossary has them: ledighedsydelse (parameter benefit.…)."""
    if f"benefit_words.{parameter}" in TEXT:
        return Text("msg.parameter_named", words=Text(f"benefit_words.{parameter}"), name=Raw(parameter))
    return Text("msg.parameter", name=parameter)


def _rate_used(monthly: Any) -> Money:
    """A rate in DKK with the decimals the run uses it with (see :func:`socialpartner.money.as_used`)."""
    if not is_exact(monthly):
        return Money(to_ore(monthly))
    shown, exact = as_used(monthly)
    return Money(shown, -int(shown.as_tuple().exponent), approx=not exact)  # as_used gives 2 places at least


def _benefit_too_large(group: str, monthly: Any, use: ParameterUse) -> tuple[str, ...]:
    """Words for a stated benefit above three times the file's highest a month (a year's amount per month?).

    235,560 DKK/month (the ledighedsydelse of a year) made the municipality's saving 6.4 M
    instead of 167,232, silently. Said, not refused: a counterfactual may be a costlier
    public service than a benefit.
    """
    highest: tuple[Any, str] | None = None
    for name in use.parameters.names():
        if not name.startswith("benefit."):
            continue
        try:  # read without recording it as used: nothing is priced with it
            _, value = use.parameters._read(name, use.year)
        except SocialPartnerError:  # no value for the year (an abolished benefit)
            continue
        per_month = value / 12
        if highest is None or per_month > highest[0]:
            highest = (per_month, name)
    if highest is None or not is_exact(monthly) or monthly <= 3 * highest[0]:
        return ()
    return (
        Text(
            "msg.benefit_too_large",
            group=Raw(group),  # an input's path: the key as written, in every language
            monthly=Money(to_ore(monthly)),
            name=Raw(highest[1]),
            highest=Money(to_ore(highest[0])),
            year=Raw(str(use.year)),
        ),
    )


def _jobs_without_hours(period: engine.PeriodRun) -> tuple[str, ...]:
    """Say so where people are placed in a job of no paid hours: no jobs, nor (public purse) off benefit."""
    out: list[str] = []
    for p in period.plan.placements:
        if p.is_job and p.headcount and p.paid_hours is not None and p.paid_hours == 0:
            key = "msg.job_without_hours_public" if period.public is not None else "msg.job_without_hours"
            out.append(Text(key, form=p.form, count=Raw(str(p.headcount))))
    return tuple(out)


def _negative_funding(split: core.CostSplit) -> tuple[str, ...]:
    """Say so where the funding is below zero: the shortfall is then more than the support-staff cost.

    A spin-off whose wages exceed its revenue has negative funding; read alone, a shortfall larger
    than the cost (or one with no cost at all) and a negative coverage look like errors (review 48 F5).
    """
    if split.total_funding >= 0:
        return ()
    return (
        Text(
            "msg.funding_negative" if split.cost else "msg.funding_negative_no_cost",
            funding=Money(split.total_funding),
            shortfall=Money(split.shortfall),
            cost=Money(split.cost),
        ),
    )


def _no_course_benefit(period: engine.PeriodRun) -> tuple[str, ...]:
    """Say so when course participants take part and no benefit during the course is stated."""
    budget = period.model.public
    if budget is None or budget.during_course is not None:
        return ()
    taking_part = any(p.form == "course participant" and p.headcount for p in period.plan.placements)
    return (Text("msg.no_course_benefit"),) if taking_part else ()


def _public_view(partnership: Partnership, period: engine.PeriodRun, effects: engine.PublicEffects) -> PublicView:
    lines = tuple(PublicLine(x.payer, x.item, _dkk(x.actual), _dkk(x.counterfactual), x.tax) for x in effects.lines)
    rates = {group: places(rate, Decimal("0.0001")) for group, rate in effects.refusion_rates.items()}
    return PublicView(
        effects.year,
        lines,
        _statements(effects, period.use) + _no_course_benefit(period),
        places(effects.refusion_rate, Decimal("0.0001")),
        _public_assumptions(partnership, period, rates, effects),
        rates,
        effects.taxed,
        _rates_year(period, effects.year),
    )


def _rates_year(period: engine.PeriodRun, year: int) -> int | None:
    """The year of the rates in kroner a public view uses where it is not its own year, else None.

    A spin-off's later years (constant prices) use the first year's; a year past the
    published rates, without a percentage to index them by, uses the last year's unchanged.
    """
    # rates past the published ones first: a spin-off's first year may itself use an earlier year's
    carried = [v.year for v, kind in _carried_kinds(period.use, period.use.parameters) if kind == "carried"]
    if carried:
        return max(carried)
    if period.use.constant and period.use.first is not None and period.use.first != year:
        return period.use.first
    return None


def _public_assumptions(
    partnership: Partnership,
    period: engine.PeriodRun,
    rates: Mapping[str, Decimal],
    effects: engine.PublicEffects,
) -> tuple[str, ...]:
    """Sentences for what the public view assumed beyond the inputs."""
    budget = period.model.public
    assert budget is not None  # noqa: S101 - only called with a public view
    out: list[str] = []
    # a group priced against nothing: what the public pays for it saves nothing (a småjob has no
    # counterfactual by rule, the pension being the same with and without the job: that is said instead)
    out += [
        Text(
            "msg.smaajob_no_counterfactual" if g.group == "småjob" else "msg.assume_no_counterfactual",
            group=g.group,
            field=Raw(g.group),  # the input's key (public.counterfactual.apprentice), not the group's Danish name
        )
        for g in effects.groups
        if g.benefit is None
    ]
    if budget.fleksjob_wage is None:
        wages = sorted({p.wage for p in period.plan.placements if p.form == "fleksjob" and p.wage is not None})
        if wages:
            share = period.use("fleksjob.wage_share_of_wage_cost")
            pairs = tuple(Text("msg.wage_pair", cost=Number(to_ore(w)), wage=Number(to_ore(w * share))) for w in wages)
            out.append(
                Text(
                    "msg.assume_fleksjob_wage",
                    share=Percent(ratio_decimal(share)),
                    wages=Join(pairs),
                )
            )
    shown = {g: r for g, r in rates.items() if g != "default"}
    if len(set(shown.values())) > 1 or (
        period.index > 0 and "course participant" in shown and bool(period.progression)
    ):
        groups = tuple(Text("msg.group_rate", group=g, rate=Percent(r)) for g, r in shown.items())
        out.append(Text("msg.assume_refusion", rates=Join(groups)))
    if any(p.form == "løntilskud" and p.headcount for p in period.plan.placements):
        # review 53 F10: a line on løntilskud all year is places filled in turn, not one person's year
        out.append(Text("msg.assume_loentilskud_places"))
    if budget.tax is not None and _untaxed_ordinary_wages(partnership, period):
        out.append(Text("msg.assume_ordinary_untaxed"))
    progression = None if partnership.horizon is None else partnership.horizon.progression
    if budget.tax is None and progression is not None and progression.ordinary_wage is not None:
        out.append(Text("msg.ordinary_wage_untaxed"))  # stated, and nothing uses it
    if budget.tax is not None:
        use = period.use

        def rate(name: str) -> Number:
            # as the parameter gives it, not rounded to two places (25.049 %, not 25.05 %: review 50 F11)
            percent = ratio_decimal(use(name)) * 100
            return Number(percent, max(2, -int(percent.normalize().as_tuple().exponent)))

        out.append(
            Text(
                "msg.assume_tax",
                am=rate("tax.am_bidrag"),
                municipal=rate("tax.municipal_average"),
                state=rate("tax.bundskat"),
                # the national average only where the scenario does not state the rate (review 61 M5)
                which=Text(
                    "msg.tax_rate_stated"
                    if "tax.municipal_average" in partnership.parameters
                    else "msg.tax_rate_national"
                ),
            )
        )
        out.append(Text("msg.assume_tax_timing"))  # review 53 F6: an auditor's objection, said where it applies
        out += _taxable_wage_estimated(budget, period)
    return tuple(out)


def _taxable_wage_estimated(budget: Any, period: engine.PeriodRun) -> tuple[Text, ...]:
    """Say where a taxed group's wage is an estimate: the wage cost × the fleksjob wage share (review 50 F3).

    A line other than a fleksjob one (løntilskud, an ordinary post) in a group with a stated counterfactual pays
    tax on its wage; without ``public.tax.taxable_share_of_wage_cost`` that wage is the wage cost × the
    estimated share, which no sentence said (the fleksjob wage's own assumption is said apart).
    """
    if budget.tax.taxable_share_of_wage_cost is not None:
        return ()
    forms = sorted(
        {
            p.form
            for p in period.plan.placements
            if p.form != "fleksjob" and p.form in budget.counterfactual and p.wage is not None and p.headcount
        }
    )
    if not forms:
        return ()
    share = period.use("fleksjob.wage_share_of_wage_cost")
    return (Text("msg.assume_taxable_wage", forms=Raw(", ".join(forms)), share=Percent(ratio_decimal(share))),)


def _untaxed_ordinary_wages(partnership: Partnership, period: engine.PeriodRun) -> bool:
    """Former participants are in ordinary jobs this year and no wage of theirs is stated to tax."""
    horizon = partnership.horizon
    if horizon is None or horizon.progression is None or horizon.progression.ordinary_wage is not None:
        return False
    return bool(period.progression.get("in_ordinary", 0))


_EACH = "participants × courses ended in the year ×"
_PROGRESSION = (
    ("in_fleksjob", "former participants in fleksjob this year", "moved in earlier years"),
    ("in_ordinary", "former participants in ordinary jobs this year", "moved in earlier years"),
    ("into_fleksjob", "participants moving into fleksjob", f"{_EACH} to_fleksjob"),
    (
        "into_ordinary",
        "participants moving into ordinary jobs",
        f"{_EACH} to_ordinary",
    ),
    ("left", "participants leaving", f"{_EACH} leave"),
    (
        "comparison_into_fleksjob",
        "comparison group: finishers moving into fleksjob",
        f"{_EACH} comparison.to_fleksjob",
    ),
    (
        "comparison_into_ordinary",
        "comparison group: finishers moving into ordinary jobs",
        f"{_EACH} comparison.to_ordinary",
    ),
    ("effect_into_fleksjob", "effect: moves into fleksjob beyond the comparison group", "with − comparison"),
    ("effect_into_ordinary", "effect: moves into ordinary jobs beyond the comparison group", "with − comparison"),
)


def _record(partnership: Partnership, period: engine.PeriodRun) -> Evaluation:
    """The evaluation of one period, from the engine's exact settlement."""
    plan, s = period.plan, period.settlement
    settled = {k: _dkk(v) for k, v in s.amounts.items()}
    for f in plan.flows:
        if settled[f.key] >= MAX_AMOUNT:
            raise LedgerError(
                f"{f.purpose} comes to {settled[f.key]:,.2f} DKK, beyond the largest amount handled "
                f"({MAX_AMOUNT:,} DKK): check {', '.join(f.inputs) or 'the inputs'}"
            )
    ledger = Ledger(period.label, [Transfer(f.payer, f.payee, settled[f.key], f.purpose) for f in plan.flows])
    split = core.split_cost(_dkk(s.cost), {name: _dkk(v) for name, v in s.funding.items()})
    extras = plan.extras(settled)
    figures = extras.figures + tuple(
        Figure(f"progression.{key}", label, places(period.progression[key]), "people", note)
        for key, label, note in _PROGRESSION
        if key in period.progression
    )
    parties = dict(plan.parties)
    for role in ledger.parties:  # the public payers, when a model's own plan does not name them
        if role == "municipality" and getattr(partnership, "municipality", None) is not None:
            parties.setdefault(role, partnership.municipality.name)  # type: ignore[attr-defined]
        elif role == "state":
            parties.setdefault(role, "the state")
    return Evaluation(
        partnership=partnership,
        parties=parties,
        ledger=ledger,
        cost_split=split,
        # a horizon's prices in the unit of the scenario's own input every year: a change written per year
        # must not switch one year's break-even from per month to per year (review 47 F1)
        break_even=_break_even(plan, s, period.model if partnership.horizon is None else partnership),
        placements=tuple(_job(p) for p in plan.placements),
        figures=figures,
        checks=extras.checks,
        statements=extras.statements + _jobs_without_hours(period) + _negative_funding(split),
        public=None if period.public is None else _public_view(partnership, period, period.public),
        parameters=tuple(period.use),
        fte=_dkk(s.fte),
        inclusive_fte=_dkk(s.inclusive_fte),
        _plan=plan,
        _settled=settled,
        _ladder=None if period.public is None else period.public.ladder,
        _groups=() if period.public is None else period.public.groups,
        _stated=dict(period.use.stated),
        _taxes={}
        if period.public is None
        else {x.item: _in_dkk(x.base) for x in period.public.lines if x.base is not None},
    )


def _npv_note(partnership: Partnership) -> Text:
    """The present value's formula in words: real (deflated by price growth) or nominal."""
    horizon = partnership.horizon
    if horizon is not None and horizon.nominal_discount_rate is not None:
        return Text("note.npv_nominal")
    if horizon is not None and canonical(horizon.price_growth) != 0:
        return Text("note.npv_real")
    return Text("note.npv")


def _npv_figures(run: engine.Run) -> tuple[Figure, ...]:
    labels = [p.label for p in run.periods]
    note = _npv_note(run.partnership)
    taxed = any(p.public is not None and p.public.taxed for p in run.periods)  # the public totals are after tax
    out = []
    for name, value in run.present_values.items():
        what = "msg.npv_public" if name.startswith("public.") else "msg.npv"
        if name in PAYERS and run.partnership.public is not None:
            # beside its net effect's present value, of the opposite sign: said to be its payments in the deal only
            # (review 64 F8: two near-identical labels, "nettoresultatet" and "nettovirkningen", read as one figure)
            what = "msg.npv_ledger_only"
        who = _who(name, run)
        out.append(Figure(f"npv.{name}", Text(what, who=who), _dkk(value), "DKK", note))
        # every series has its payback figure, None where none is needed (never below zero), so
        # every format lists the same key figures
        back = run.payback[name] if run.ever_negative[name] else None
        pays_only = run.never_positive.get(name, False)
        figure = _payback_figure(name, Text("msg.payback", who=who), back, labels, pays_only=pays_only)
        if name in PAYERS and run.partnership.public is not None and back is not None and back < 0:
            # the municipality's (or state's) ledger net leaves out the benefits it saves: read beside its
            # public net effect's payback, which counts them, a bare "none" would contradict it (review 46 F4)
            figure = replace(figure, note=Text("note.payback_ledger_only", note=figure.note))
        out.append(figure)
        if name in run.public_totals:
            out.append(
                Figure(
                    f"total.{name}",
                    Text("msg.total_public_after_tax" if taxed else "msg.total_public", who=who),
                    _dkk(run.public_totals[name]),
                    "DKK",
                    Text("note.total_public"),
                )
            )
    return tuple(out)


def _gain_figures(partnership: Partnership, run: engine.Run, parts: tuple[Evaluation, ...]) -> tuple[Figure, ...]:
    """The company's own gain over the years: its total and present value (and payback, if ever negative).

    The company's ledger net over the years is what it pays (the SØV's services, the
    helpers): its present value never turns positive and says nothing of what the deal
    saves it. Its gain against its alternative (``company_saving``, ``company_net_gain``)
    is the figure a CSR lead weighs; it is discounted as the nets are.
    """
    key = partnership.COMPANY_GAIN
    yearly = []
    for part in parts:
        found = next((f for f in part.figures if f.key == key and f.unit == "DKK"), None)
        if found is None or found.value is None:
            return ()  # not in every year (no alternative stated): no total to give
        yearly.append(int(found.value * 100))  # whole øre, as the nets the present values take
    assert key is not None  # noqa: S101 - found in every year above
    factors = engine.discount_factors(partnership, len(parts))
    pv, payback, negative, _ = _horizon.present_values({key: yearly}, factors, exact=True)
    who = Raw(parts[0].parties.get("company", "company"))
    note = _npv_note(partnership)
    out = [
        Figure(f"total.{key}", Text("msg.total_gain", who=who), _dkk(sum(yearly)), "DKK", Text("note.total_gain")),
        Figure(f"npv.{key}", Text("msg.npv_gain", who=who), _dkk(pv[key]), "DKK", note),
    ]
    labels = [p.label for p in run.periods]
    back = payback[key] if negative[key] else None
    pays_only = _horizon.never_positive({key: yearly})[key]
    out.append(_payback_figure(key, Text("msg.payback_gain", who=who), back, labels, pays_only=pays_only))
    return tuple(out)


def _payback_figure(name: str, label: Text, back: int | None, labels: list[str], *, pays_only: bool = False) -> Figure:
    """The payback year of a series (``back``: its index, -1 for none within the years, None for none needed).

    ``pays_only``: the series is at or below zero every year (a party that only pays, such as
    the company's net of its payments): it has nothing to pay back from, which is not the
    same as a payback beyond the horizon.
    """
    if back is None:  # the running sum never goes below zero
        return Figure(f"payback.{name}", label, None, "year", Text("note.payback_not_needed"))
    if back < 0:
        return Figure(
            f"payback.{name}", label, None, "year", Text("note.payback_pays_only" if pays_only else "note.no_payback")
        )
    return Figure(f"payback.{name}", label, _year_value(labels[back]), "year", Text("note.payback"))


def never_below_zero(ev: Evaluation) -> set[str]:
    """The series over several years whose discounted running sum never goes below zero: no payback needed.

    Their payback figure has no value and says so in its note.
    """
    return {
        f.key.removeprefix("payback.")
        for f in ev.figures
        if f.key.startswith("payback.") and isinstance(f.note, Text) and f.note.key == "note.payback_not_needed"
    }


def _year_value(label: str) -> Decimal | None:
    """A calendar-year label as a number (``2029``); ``year 3`` as 3."""
    digits = label.removeprefix("year ").strip()
    return Decimal(digits) if digits.isdigit() else None


def _who(name: str, run: engine.Run) -> str:
    """Words for a series: the party's name, or the public payer."""
    if name.startswith("public."):
        return Text("msg.public_who", payer=Text(f"ui.{name.removeprefix('public.')}"))
    for period in reversed(run.periods):
        if name in period.plan.parties:
            return period.plan.parties[name]
    return name


def _combine(partnership: Partnership, run: engine.Run, parts: tuple[Evaluation, ...]) -> Evaluation:
    transfers = [
        Transfer(t.payer, t.payee, t.amount, f"{part.ledger.period}: {t.purpose}")
        for part in parts
        for t in part.ledger
    ]
    funding: dict[str, Decimal] = {}
    for part in parts:
        for name, amount in part.cost_split.funding.items():
            funding[name] = funding.get(name, _ZERO) + amount
    parties: dict[str, str] = {}
    for part in parts:
        parties.update(part.parties)
    extras = partnership._combined_extras(
        tuple((p.ledger.period, Extras(p.figures, p.checks, p.statements)) for p in parts)
    )
    used: dict[tuple[str, int], ParameterValue] = {}  # every year's values: each year's figures use its own
    for part in parts:
        used.update({(v.name, v.year if v.for_year is None else v.for_year): v for v in part.parameters})
    # the discount rates behind every present value and payback year (review 46 F8: they were not listed)
    # they discount every year of the horizon, not the first only (review 50 F10: "2021 (for 2026)")
    years = [int(p.label) for p in run.periods if p.label.isdigit()]
    for v in run.discounting:
        for year in years or [v.year if v.for_year is None else v.for_year]:
            used[(v.name, year)] = replace(v, for_year=year) if years else v
    span = parts[0].ledger.period if len(parts) == 1 else f"{parts[0].ledger.period}–{parts[-1].ledger.period}"
    return Evaluation(
        partnership=partnership,
        parties=parties,
        ledger=Ledger(span, transfers),
        cost_split=core.split_cost(sum((p.cost_split.cost for p in parts), _ZERO), funding),
        figures=(*extras.figures, *_npv_figures(run), *_gain_figures(partnership, run, parts)),
        checks=extras.checks,
        statements=extras.statements,
        breakdown=parts,
        parameters=tuple(used.values()),
        fte=parts[-1].fte,
        inclusive_fte=parts[-1].inclusive_fte,
    )


@in_context
def evaluate(partnership: Partnership) -> Evaluation:
    """Evaluate a validated partnership (see :func:`socialpartner.load`).

    Each flow is rounded once to øre (:data:`socialpartner.ROUNDING_RULE`); the cost
    split, break-even prices and figures are computed from those rounded amounts, so
    every figure printed adds up. With a ``horizon``, each year is evaluated in
    :attr:`Evaluation.breakdown` (money inputs grown exactly, changes applied) and the
    total, present values and payback years are at the top.
    """
    if not isinstance(partnership, Partnership):  # the check inline: a call costs a one-year evaluation ~0.5 %
        need_partnership(partnership)
    result = engine.run(partnership)
    parts = tuple(_record(partnership, period) for period in result.periods)
    checks = (
        (*legacy_checks(partnership), *_abolished_checks(result), *_fleksjob_wage_checks(result))
        if partnership.public is not None
        else ()
    )
    carried = (
        *_national_tax_rate(partnership),
        *_carried_forward(result),
        *_time_limited(result),
        *_added_on_the_ladder(result),
        *_unread_overrides(partnership, result),
        *_loentilskud_uncounted(result),
        *_flat_wages_rising_benefits(result),
    )
    if carried:
        if not result.multi_period:
            parts = (replace(parts[0], statements=(*parts[0].statements, *carried)),)
        else:
            result_statements = carried
    else:
        result_statements = ()
    if not result.multi_period:
        return replace(parts[0], checks=(*parts[0].checks, *checks)) if checks else parts[0]
    combined = _combine(partnership, result, parts)
    statements = (*combined.statements, *result_statements, *_negative_funding(combined.cost_split))
    # how the present values were discounted: a horizon's growth says real or nominal; a
    # spin-off's years are stated amounts, taken in constant prices
    # one year is not discounted, nor are its jobs "the last year's" (review 54 F4): said only over several
    several = len(parts) > 1
    if several:
        discounting = _discounting(partnership) if partnership.horizon is not None else Text("msg.discount_constant")
        statements = (*statements, discounting)
    statements = (*statements, *_horizon.idle_fte_changes(partnership))  # a change that moves no amount: say so
    # growth that carries one input past another the scenario checks it against (akkord past the value)
    statements = (*statements, *partnership._horizon_statements(tuple((p.label, p.model) for p in result.periods)))
    if several:  # the total's jobs and FTE are the last year's: say so
        statements = (*statements, _jobs_last_year(parts))
    statements = (  # a job of no hours in some year: said at the top too, with its year
        *statements,
        *(
            Text("msg.in_year", year=Period(p.label), text=said)
            for p in result.periods
            for said in _jobs_without_hours(p)
        ),
    )
    progression = None if partnership.horizon is None else partnership.horizon.progression
    placed = (p.form for period in result.periods for p in period.plan.placements)
    if progression is not None and "course participant" not in placed:
        statements = (*statements, Text("msg.progression_idle"))  # its figures are zero: say why
    elif progression is not None:
        statements = (*statements, *_movers_stay(result), *_last_moves(result))
    if (
        progression is not None
        and progression.comparison is not None
        and progression.leave_benefit is None
        and canonical(progression.comparison.leave) != 0
    ):
        # those who leave drop out of the public view on both sides: the comparison's share moves nothing
        leave = Percent(ratio_decimal(canonical(progression.comparison.leave)))
        statements = (*statements, Text("msg.comparison_leave_idle", leave=leave))
    return replace(combined, checks=(*combined.checks, *checks), statements=statements)


def _national_tax_rate(partnership: Partnership) -> tuple[Text, ...]:
    """Said at the top where tax is counted at the national average for a named municipality (review 61 M5).

    The after-tax net effect of a municipality is then worked out at a rate that is not its own; the
    view's assumptions said so only folded inside each year.
    """
    budget = partnership.public
    if budget is None or budget.tax is None or "tax.municipal_average" in partnership.parameters:
        return ()
    home = public.home_municipality(partnership)
    return () if home is None else (Text("msg.tax_national_average", municipality=Raw(home.name)),)


def _movers_stay(result: engine.Run) -> tuple[Text, ...]:
    """Say that those who moved on stay in their new job to the horizon's end, with how many the last year counts.

    Nobody leaves a fleksjob or an ordinary job again (no end, no retirement): over a long
    horizon they pile up, and the public view prices every one of them in every later year.
    """
    return _last_year_moves(result, "msg.movers_stay", "in_fleksjob", "in_ordinary")


def _last_moves(result: engine.Run) -> tuple[Text, ...]:
    """Say that the last year's moves are reported but not priced: people count in a new job from the next year.

    Review 48 F11: a one-year horizon reported 0.40 moving into fleksjob and priced none of them, silently.
    """
    return _last_year_moves(result, "msg.last_moves_unpriced", "into_fleksjob", "into_ordinary")


def _last_year_moves(result: engine.Run, key: str, fleksjob_key: str, ordinary_key: str) -> tuple[Text, ...]:
    """The statement ``key`` with the last year's people in fleksjob and in ordinary jobs, where there are any."""
    last = result.periods[-1]
    fleksjob, ordinary = last.progression.get(fleksjob_key, 0), last.progression.get(ordinary_key, 0)
    if fleksjob == 0 and ordinary == 0:
        return ()
    return (Text(key, year=Period(last.label), fleksjob=Number(places(fleksjob)), ordinary=Number(places(ordinary))),)


def _jobs_last_year(parts: tuple[Evaluation, ...]) -> Text:
    """Say that the total's jobs and FTE are the last year's, with each year's."""
    years = tuple(
        Text(
            "msg.jobs_year",
            year=Period(part.ledger.period),
            jobs=Number(Decimal(sum(j.headcount for j in part.jobs)), 0, grouped=False),
            fte=Number(part.fte),
        )
        for part in parts
    )
    return Text("msg.jobs_last_year", year=Period(parts[-1].ledger.period), years=Join(years, "; "))


def _carried_kinds(use: Iterable[ParameterValue], parameters: ParameterSet) -> list[tuple[ParameterValue, str]]:
    """The values a period uses from an earlier year, each ``indexed``, ``abolished`` or ``carried`` (unchanged).

    Only rates in kroner are carried unchanged (a share or a norm stays as it is by law);
    a value the scenario overrides is its own.
    """
    out = []
    set_percent: bool | None = None  # read once, where a rate is carried (rarely in a one-year deal)
    for value in use:
        if value.for_year is None or value.for_year <= value.year or value.tag == "override":
            continue
        if set_percent is None:
            # a percentage set in the scenario indexes the carried rates, 0 % too (by a factor of 1)
            set_percent = parameters._read("satsreguleringsprocent", parameters.latest_year)[0].tag == "override"
        if value.index is not None or (set_percent and value.indexed):
            out.append((value, "indexed"))
        elif value.legacy is not None and value.for_year >= value.legacy.abolished_from.year:
            out.append((value, "abolished"))
        elif parameters._money(value.name):  # a rate in kroner, not a share or a norm
            out.append((value, "carried"))
    return out


def _unread_overrides(partnership: Partnership, result: engine.Run) -> tuple[Text, ...]:
    """Say which ``parameters:`` overrides no figure of the deal reads: they change nothing here.

    Review 53 F3: ``dagpenge.max`` set to the ministry's figure changed no figure and was listed
    nowhere (G and the ledighedsydelse are parameters of their own); an unread override said
    nothing either (``tax.bundskat`` without ``public.tax``).
    """
    if not partnership.parameters or not result.periods:
        return ()
    read = {value.name for period in result.periods for value in period.use.used.values()}
    resolve = result.periods[0].use.parameters.resolve
    unread = [given for given in partnership.parameters if resolve(given) not in read]
    return tuple(Text("msg.override_unread", name=Raw(f"parameters.{given}")) for given in unread)


def _carried_forward(result: engine.Run) -> tuple[str, ...]:
    """Say which years use an earlier year's money rates, by the year they come from.

    Rates in kroner (benefits, the fleksløntilskud amounts) are regulated every year; a
    later year without published rates uses the last ones indexed where the horizon gives
    a wage growth to project the satsreguleringsprocent from, else unchanged (which
    understates them). Norms and shares (37 hours, the refusion ladder) stay as they are by law.
    """
    years: dict[int, set[int]] = {}
    indexed: dict[int, set[int]] = {}
    estimated: set[int] = set()  # years indexed from whose own rates are estimates in the file (review 48 F3)
    abolished: dict[str, tuple[ParameterValue, set[int]]] = {}  # no later value: the law ended it
    for period in result.periods:
        for value, kind in _carried_kinds(period.use, period.use.parameters):
            assert value.for_year is not None  # noqa: S101 - carried values are used for a later year
            if kind == "indexed":
                indexed.setdefault(value.year, set()).add(value.for_year)
                if period.use.parameters.get(value.name, value.year).tag == "estimate":
                    estimated.add(value.year)
            elif kind == "abolished":
                abolished.setdefault(value.name, (value, set()))[1].add(value.for_year)
            else:
                years.setdefault(value.year, set()).add(value.for_year)
    out = []
    for name, (value, targets) in abolished.items():
        assert value.legacy is not None  # noqa: S101 - collected for its legacy mark
        out.append(
            Text(
                "msg.carried_abolished",
                name=Raw(name),
                year=Raw(str(value.year)),
                years=_span(targets),
                date=Raw(str(value.legacy.abolished_from)),
                by=Raw(value.legacy.by),
            )
        )
    for source, targets in sorted(years.items()):
        out.append(Text("msg.carried_forward", years=_span(targets), year=Raw(str(source))))
    for source, targets in sorted(indexed.items()):
        out.append(_indexed_statement(result, source, targets))
        if source in estimated:  # "not published yet" of the later years must not read as if the source's were
            out.append(Text("msg.source_year_estimated", year=Raw(str(source)), years=_span(targets)))
    if result.multi_period:
        out += _stated_rates(result)
    return tuple(out)


def _stated_rates(result: engine.Run) -> tuple[Text, ...]:
    """Say how the rates in kroner the scenario states were used over the years of a horizon or spin-off.

    A stated benefit amount (``public.during_course``, a counterfactual's ``amount``) and a
    rate set under ``parameters:`` for a parameter the file indexes are the public view's
    first year's rates, indexed after it like the file's rates; a spin-off's years are in
    constant prices, so all its rates in kroner are the first year's.
    """
    partnership = result.partnership
    if not result.multi_period or partnership.public is None:
        return ()
    first = engine.parameter_year(partnership, 0)
    if partnership.horizon is None:  # a spin-off: its first year's rates (themselves carried past the published ones)
        used = _rates_year(result.periods[0], first) or first
        return (Text("msg.constant_rates", year=Raw(str(used))),) if len(result.periods) > 1 else ()
    # each rate by its year (the first year's, or that of a horizon change that sets it) and
    # the years it is indexed to; rates alike in both are stated together
    years: dict[tuple[str, int], set[int]] = {}  # in the order first met
    for period in result.periods:
        for path, (year, _) in period.use.stated.items():
            years.setdefault((path, year), set()).add(period.use.year)
    # a stated benefit is regulated as a transfer income, as the file's benefits are (less the
    # year's deduction: 4.05 % in 2027); a rate set under parameters: as its parameter is
    parameters = partnership.parameter_set()
    groups: dict[tuple[int, tuple[int, ...], bool], list[str]] = {}
    for (path, year), targets in years.items():
        transfer = _transfer_income(parameters, path, first)
        groups.setdefault((year, tuple(sorted(targets)), transfer), []).append(path)
    return tuple(
        Text(
            "msg.stated_indexed" if year == first else "msg.stated_indexed_changed",
            names=Join(tuple(Raw(path) for path in stated)),
            year=Raw(str(year)),
            years=_span(set(targets)),
            how=_index_how(result, set(targets), transfer=transfer),
        )
        for (year, targets, transfer), stated in sorted(groups.items(), key=lambda item: item[0][0])
    )


def _transfer_income(parameters: ParameterSet, path: str, year: int) -> bool:
    """Whether a stated rate in kroner is regulated as a transfer income: a benefit, or such a parameter."""
    if not path.startswith("parameters."):
        return True  # public.during_course, a counterfactual's amount, the leave benefit
    name = path.removeprefix("parameters.")
    try:
        return parameters._read(name, year)[0].transfer_income
    except (KeyError, ValueError):
        return False


def _index_sources(
    result: engine.Run, targets: set[int], *, transfer: bool = False
) -> tuple[Percent | None, Rational, tuple[Text, ...]]:
    """Where the satsreguleringsprocent that indexed rates to ``targets`` comes from, one rule for the statements.

    The percentage set in the scenario (one for every year), else the ones the file dates
    in those years (``2.90 % in 2026``), and the wage growth the law projects the others from.
    ``transfer``: as transfer incomes are regulated (a stated benefit), less the year's
    deduction (``4.05 % in 2027``), as :meth:`ParameterUse.rate` indexes them.
    """
    partnership = result.partnership
    growth = Rational(0) if partnership.horizon is None else canonical(partnership.horizon.wage_growth)
    parameters = partnership.parameter_set()
    percents = []
    for year in sorted(targets):
        read = satsregulering_read(parameters, year)
        if read is None:  # the law's projection
            continue
        entry = read[0]
        less = transfer_income_reduction(parameters, year)[0] if transfer else 0
        if entry.tag == "override" and not less:  # one value for every year
            return Percent(ratio_decimal(entry.exact)), growth, ()
        rate = Percent(ratio_decimal(Rational(entry.exact) - Rational(less)))
        percents.append(Text("msg.index_given", rate=rate, year=Raw(str(year))))
    return None, growth, tuple(percents)


def _index_how(result: engine.Run, targets: set[int], *, transfer: bool = False) -> Text:
    """The satsreguleringsprocent that indexed rates to ``targets``, and where it comes from."""
    set_rate, growth, percents = _index_sources(result, targets, transfer=transfer)
    if set_rate is not None:
        return Text("msg.index_how_set", rate=set_rate)
    if percents:
        return Text("msg.index_how_given", rates=Join(percents))
    return Text(
        "msg.index_how_projected",
        rate=Percent(ratio_decimal(projected_satsregulering(growth))),
        growth=Percent(ratio_decimal(growth)),
    )


def _indexed_statement(result: engine.Run, source: int, targets: set[int]) -> Text:
    """How the kroner rates of ``source`` were indexed to ``targets``: the percentage and where it comes from."""
    set_rate, growth, percents = _index_sources(result, targets)
    if set_rate is not None:
        return Text("msg.carried_indexed_set", years=_span(targets), year=Raw(str(source)), rate=set_rate)
    if percents:
        return Text("msg.carried_indexed_given", years=_span(targets), year=Raw(str(source)), rates=Join(percents))
    return Text(
        "msg.carried_indexed",
        years=_span(targets),
        year=Raw(str(source)),
        rate=Percent(ratio_decimal(projected_satsregulering(growth))),
        growth=Percent(ratio_decimal(growth)),
    )


# benefits the law pays for a limited time: the parameter that holds each one's length (in the data file)
_TIME_LIMITED = {"benefit.dagpenge_max": "duration.dagpenge", "benefit.sygedagpenge_max": "duration.sygedagpenge"}


def _flat_wages_rising_benefits(result: engine.Run) -> tuple[Text, ...]:
    """Say so where a horizon holds the scenario's wages flat while the benefits compared against rise.

    Review 64 F5: with no ``wage_growth``, the fleksjob wage (and the fleksløntilskud it sets) stays
    at its first year while ledighedsydelse moves from 4,530 to 4,715 DKK a week with the parameters'
    own years: the municipality's gain rose 15 % from mixed price levels, silently.
    """
    horizon = result.partnership.horizon
    if horizon is None or canonical(horizon.wage_growth) != 0 or len(result.periods) < 2:
        return ()
    first, last = result.periods[0].public, result.periods[-1].public
    if first is None or last is None:
        return ()
    before = {g.group: g.monthly for g in first.groups if g.benefit is not None}
    risen = [
        g.group
        for g in last.groups
        if g.benefit is not None and g.group in before and is_exact(g.monthly) and g.monthly > before[g.group]
    ]
    if not risen:
        return ()
    return (
        Text(
            "msg.flat_wages_rising_benefits",
            groups=Join(tuple(risen), ", "),  # each group's name in the reader's language
            first=Period(result.periods[0].label),
            last=Period(result.periods[-1].label),
        ),
    )


def _loentilskud_uncounted(result: engine.Run) -> tuple[Text, ...]:
    """Say so where a løntilskud line's wage subsidy is left out: it is paid only in the public view.

    Review 64 F2: a supplier with two løntilskud workers and no ``public:`` block gave the SØV a
    price floor 96 DKK/hour too high, silently (the 300,362.40 DKK a year it receives as employer
    was not counted). The subsidy is the municipality's payment, a flow of the public view.
    """
    if result.partnership.public is not None:
        return ()
    lines = dict.fromkeys(
        p.inputs[0].rpartition(".")[0] if p.inputs else p.form
        for period in result.periods
        for p in period.plan.placements
        if p.form == "løntilskud" and p.is_job and not (is_exact(p.headcount) and p.headcount == 0)
    )
    return (Text("msg.loentilskud_uncounted", lines=Raw(", ".join(lines))),) if lines else ()


def _time_limited(result: engine.Run) -> tuple[Text, ...]:
    """Say so when a time-limited benefit is priced past the end of the right.

    The citizens of a group have ``weeks_on_support`` weeks behind them at the start and
    age 52 weeks a year; a counterfactual (or course benefit) of dagpenge or sygedagpenge
    is still priced in full in a period that ends past the right's weeks, where the person
    would have moved to another benefit.
    """
    # (group, parameter, path) → the right's length (a parameter value), the periods priced past it, and whether
    # the right ends within the first of them (else it had ended before it began)
    found: dict[tuple[str, str, str], tuple[ParameterValue, list[str], bool]] = {}
    length = canonical(result.partnership.period) * 52
    for period in result.periods:
        budget = period.model.public
        if budget is None:
            continue
        uses = [(g, b, f"public.counterfactual.{g}") for g, b in budget.counterfactual.items()]
        if budget.during_course is not None:
            uses.append(("course participant", budget.during_course, "public.during_course"))
        for group, benefit, path in uses:
            name = benefit.parameter or ""
            limit = _TIME_LIMITED.get(name)
            if limit is None:
                continue
            people = total((1, p.headcount) for p in period.plan.placements if p.form == group)
            if is_exact(people) and people == 0:
                continue  # nobody in the group this year: nothing priced (review 50 F7: said of years without them)
            try:
                end = budget.weeks_before(group) + 52 * period.index + length
            except SocialPartnerError:
                continue  # weeks by group, and this deal has no such group: nobody receives it
            duration = period.use.parameters.get(limit, period.use.year)
            weeks = canonical(duration.value) * 52  # the value in weeks (canonical is in years)
            if end > weeks:
                entry = found.setdefault((group, name, path), (duration, [], end - length < weeks))
                entry[1].append(period.label)
    out = []
    for (group, name, path), (duration, labels, within) in found.items():
        several = len(result.periods) > 1
        years = f"{labels[0]}–{labels[-1]}" if _consecutive(labels) and len(labels) > 1 else ", ".join(labels)
        ends = "msg.time_limited_in" if within else "msg.time_limited_in_ended"
        when = Text(ends, years=Period(years), first=Period(labels[0]))
        # the fix that fits the scenario: a horizon change from that year, else the benefit they would receive
        fix = "msg.time_limited_fix_change" if result.partnership.horizon is not None else "msg.time_limited_fix_state"
        out.append(
            Text(
                # the benefit during the course is the with-side: priced in full, the cost with the deal is overstated
                "msg.time_limited_with" if path == "public.during_course" else "msg.time_limited",
                group=group,
                name=Raw(name),
                weeks=Raw(str(round(canonical(duration.value) * 52))),
                rule=Cited(duration.source),  # its numbers in the output's format (3.848 timer in Danish)
                when=when if several else Raw(""),
                fix=Text(fix, path=Raw(path)),
            )
        )
    return tuple(out)


def _added_on_the_ladder(result: engine.Run) -> tuple[Text, ...]:
    """Say how people added by a later year's change are placed on the refusion ladder.

    A group's ladder is one: ``weeks_on_support`` before the first year, 52 weeks more each
    year, for everyone in the group, the people added too. Course places with progression
    are the exception: newcomers there start at week 1, in places added as in places freed
    (said too: a group first filled in a later year does not read its stated weeks, review 48 F1).
    """
    if result.partnership.public is None or len(result.periods) < 2:
        return ()
    progression = result.partnership.horizon is not None and result.partnership.horizon.progression is not None
    previous: dict[str, Any] | None = None  # group → its people the year before
    found: dict[str, list[tuple[str, Any, Any]]] = {}  # group → each year it grows: year, the year before's, now
    for period in result.periods:
        budget = period.model.public
        # the groups on a refusion ladder: those the public purse pays for, and those compared with a
        # benefit (an ordinary post has neither: no ladder to be placed on)
        ladder = PAID_FORMS | (set() if budget is None else set(budget.counterfactual))
        counts: dict[str, Any] = {}
        for line in period.plan.placements:
            if line.form in ladder:
                counts[line.form] = counts.get(line.form, 0) + line.headcount
        for group, count in counts.items():
            before = None if previous is None else previous.get(group, 0)
            if before is not None and is_exact(count) and is_exact(before) and count > before:
                found.setdefault(group, []).append((period.label, before, count))
        previous = counts
    return tuple(
        Text(
            "msg.course_places_added" if progression and group == "course participant" else "msg.added_on_the_ladder",
            group=group,
            years=Join(
                tuple(
                    Text("msg.added_year", year=Period(label), before=_people(before), after=_people(after))
                    for label, before, after in grown
                ),
                ", ",
            ),
        )
        for group, grown in found.items()
    )


def _people(count: Any) -> Number:
    """A headcount as written: ``4``, ``2.5``."""
    people = Decimal(f"{float(count):g}")
    return Number(people, max(0, -int(people.as_tuple().exponent)), grouped=False)


def _consecutive(labels: list[str]) -> bool:
    """Whether period labels are consecutive years (``2026, 2027, 2028``), to be said as a span."""
    return all(a.isdigit() and b.isdigit() and int(b) == int(a) + 1 for a, b in itertools.pairwise(labels))


def _span(years: set[int]) -> Raw:
    """``2027`` or ``2027–2029``: the years a statement is about."""
    first, last = min(years), max(years)
    return Raw(str(first) if first == last else f"{first}–{last}")


def _discounting(partnership: Partnership) -> str:
    """How the present values were discounted: real (deflated) or nominal."""
    horizon = partnership.horizon
    assert horizon is not None  # noqa: S101 - only with a horizon
    if horizon.nominal_discount_rate is not None:
        rate = canonical(horizon.nominal_discount_rate)
        return Text("msg.discount_nominal", rate=Percent(ratio_decimal(rate)))
    growth = canonical(horizon.price_growth)
    return Text("msg.discount_real", growth=Percent(ratio_decimal(growth)))


def _fleksjob_wage_checks(result: engine.Run) -> tuple[Check, ...]:
    """A check, not met, where ``public.fleksjob_wage`` is above a fleksjob line's wage cost.

    The wage incl. pension (L) is part of what the employer pays per hour, so it cannot be
    higher; the fleksløntilskud would be computed from a wage the deal does not pay. Named
    for the first year it happens in (with a horizon, the years it happens in).
    """
    found: dict[str, tuple[str, Any, Any, list[str]]] = {}  # the wage-cost input → first values, years
    for period in result.periods:
        budget = period.model.public
        if budget is None or budget.fleksjob_wage is None:
            continue
        wage = canonical(budget.fleksjob_wage)
        for line in period.plan.placements:
            if line.form != "fleksjob" or line.wage is None or not is_exact(line.wage) or wage <= line.wage:
                continue
            path = next((p for p in line.inputs if p.endswith(".wage_cost")), "the wage cost")
            found.setdefault(path, (period.label, wage, line.wage, []))[3].append(period.label)
    out = [*_zero_fleksjob_wages(result), *_full_time_fleksjobs(result)]
    several = len(result.periods) > 1
    for path, (label, wage, cost, labels) in found.items():
        if not several:
            when: Text | Raw = Raw("")
        elif len(labels) == 1:
            when = Text("msg.fleksjob_wage_in", year=Period(label))
        else:
            when = Text("msg.fleksjob_wage_years", years=Period(f"{labels[0]}–{labels[-1]}"), year=Period(label))
        out.append(
            Check(
                Text("msg.fleksjob_wage_criterion", path=Raw(path)),
                "not met",
                Text(
                    "msg.fleksjob_wage_above",
                    wage=Value(f"{to_ore(wage)} DKK / hour"),
                    cost=Value(f"{to_ore(cost)} DKK / hour"),
                    path=Raw(path),
                    when=when,
                ),
            )
        )
    return tuple(out)


def _zero_fleksjob_wages(result: engine.Run) -> tuple[Check, ...]:
    """A check, not met, where a stated fleksjob wage (``public.fleksjob_wage``, ``progression.fleksjob_wage``) is 0.

    At a wage of 0 the lønloft leaves no fleksløntilskud, so the municipality seems to save
    the whole benefit of everyone in the fleksjob: a blank cell, most likely. Kept (a sweep
    of the wage from 0 is an analysis), not silent.
    """
    stated: dict[str, list[str]] = {}
    for period in result.periods:
        budget = period.model.public
        zero = budget is not None and budget.fleksjob_wage is not None and canonical(budget.fleksjob_wage) == 0
        if zero and any(p.form == "fleksjob" and p.headcount for p in period.plan.placements):
            stated.setdefault("public.fleksjob_wage", []).append(period.label)
    horizon = result.partnership.horizon
    progression = None if horizon is None else horizon.progression
    if (
        progression is not None
        and progression.fleksjob_wage is not None
        and canonical(progression.fleksjob_wage) == 0
        and canonical(progression.to_fleksjob) > 0
    ):
        stated["horizon.progression.fleksjob_wage"] = []
    return tuple(
        Check(
            Text("msg.fleksjob_wage_zero_criterion", path=Raw(path)),
            "not met",
            Text(
                "msg.fleksjob_wage_zero",
                path=Raw(path),
                when=Raw("")
                if len(labels) in (0, len(result.periods))
                else Text("msg.fleksjob_wage_in", year=Period(", ".join(labels))),
            ),
        )
        for path, labels in stated.items()
    )


def _full_time_fleksjobs(result: engine.Run) -> tuple[Check, ...]:
    """A check, not met, where the people of a fleksjob line work full time (37 paid hours a week each, or more).

    Their wage is then the full-time wage of the job, so the lønloft leaves no
    fleksløntilskud and the municipality seems to save the whole benefit of everyone on the
    line: the hours of a fleksjob are those of reduced working capacity. Kept (a sweep of the
    hours may reach full time), not silent; named for the years it happens in.
    """
    found: dict[tuple[str, ...], tuple[Rational, list[str], Rational]] = {}  # inputs → first hours, years, full
    for period in result.periods:
        if period.model.public is None:
            continue
        for line in period.plan.placements:
            if line.form != "fleksjob" or line.paid_hours is None or not is_exact(line.paid_hours):
                continue
            full_time = Rational(period.use(FULL_TIME)) / WEEKS_PER_YEAR  # the lønloft's full week (37)
            if not line.headcount or line.paid_hours < full_time * line.headcount:
                continue
            people = tuple(path for path in line.inputs if not path.endswith(".wage_cost"))
            found.setdefault(people, (Rational(line.paid_hours) / line.headcount, [], full_time))[1].append(
                period.label
            )
    several = len(result.periods) > 1
    return tuple(
        Check(
            Text("msg.fleksjob_full_time_criterion", paths=Raw(", ".join(people))),
            "not met",
            Text(
                "msg.fleksjob_full_time",
                paths=Raw(", ".join(people)),
                hours=Value(f"{places(each)} hour / week"),
                full=Value(f"{full.numerator if full.denominator == 1 else places(full)} hour / week"),
                when=Raw("") if not several else Text("msg.fleksjob_wage_in", year=Period(", ".join(labels))),
            ),
        )
        for people, (each, labels, full) in found.items()
    )


def legacy_checks(partnership: Partnership) -> tuple[Check, ...]:
    """A check per legacy benefit used (e.g. ressourceforløbsydelse), against its abolition date.

    The citizens of a group started on support ``weeks_on_support`` weeks before 1 January
    of ``public.year``; with progression, new citizens take freed course places at every
    course end within the horizon (the first the law no longer allows it for is named). A
    benefit abolished for new citizens before they started is "not met": the law no longer
    allows it for them.
    """
    budget = partnership.public
    assert budget is not None  # noqa: S101 - only called with a public block
    parameters = partnership.parameter_set()
    uses: list[tuple[str, Any]] = [(g, b) for g, b in budget.counterfactual.items()]
    if budget.during_course is not None:
        uses.append(("course participant", budget.during_course))
    horizon = partnership.horizon
    # new citizens take freed course places at every course end (from the day after it)
    entries: list[dt.date] = []
    if horizon is not None and horizon.progression is not None:
        for weeks in _horizon.newcomer_weeks(horizon):
            months = fraction(weeks) * 12 / 52
            if months.denominator == 1:  # a course of whole months ends at the end of a month
                entries.append(dt.date(budget.year + months.numerator // 12, months.numerator % 12 + 1, 1))
            else:
                entries.append(dt.date(budget.year, 1, 1) + dt.timedelta(days=math.ceil(fraction(weeks) * 7)))
    out: list[Check] = []
    seen: set[tuple[str, str]] = set()
    for group, benefit in uses:
        if benefit.parameter is None or (group, benefit.parameter) in seen:
            continue
        seen.add((group, benefit.parameter))
        try:
            weeks = budget.weeks_before(group)
        except SocialPartnerError:
            continue  # weeks by group, and this deal has no such group: nobody receives the benefit
        start = dt.date(budget.year, 1, 1) - dt.timedelta(weeks=weeks)
        legacy = parameters.get(benefit.parameter, budget.year).legacy
        if legacy is None:
            continue
        if legacy.applies_to == "everyone":
            continue  # by the years it is priced in: _abolished_checks
        criterion = Text(
            "msg.legacy_criterion", name=Raw(benefit.parameter), date=Raw(str(legacy.abolished_from)), by=Raw(legacy.by)
        )
        starts = [(start, Text("msg.legacy_started", group=group, date=Raw(str(start))))]
        if entries and group == "course participant":
            # the first newcomers the law no longer allows it for, else the first newcomers
            entry = next((when for when in entries if not legacy.allows(when)), entries[0])
            starts.append((entry, Text("msg.legacy_entrants", date=Raw(str(entry)))))
        late = [why for when, why in starts if not legacy.allows(when)]
        if late:
            out.append(Check(criterion, "not met", Text("msg.legacy_late", reasons=Join(tuple(late), "; "))))
        else:
            out.append(Check(criterion, "met", starts[0][1]))
    return tuple(out)


def _abolished_checks(result: engine.Run) -> tuple[Check, ...]:
    """A check per benefit abolished for everyone: met if the years it is priced in end before its abolition.

    Nobody receives it from that day, whenever they started; a year wholly after it is
    refused when the scenario is read, so only the year it ends in can be "not met".
    A horizon change that replaces it ends its years.
    """
    partnership = result.partnership
    budget = partnership.public
    if budget is None:
        return ()
    parameters = partnership.parameter_set()
    years: dict[str, list[int]] = {}  # the parameter → the calendar years it is priced in
    for period in result.periods:
        public = period.model.public
        if public is None:
            continue
        stated = [*public.counterfactual.values(), *([public.during_course] if public.during_course else [])]
        for benefit in stated:
            if benefit.parameter is None:
                continue
            legacy = parameters.get(benefit.parameter, parameters.latest_year).legacy
            if legacy is not None and legacy.applies_to == "everyone":
                seen = years.setdefault(benefit.parameter, [])
                if budget.year + period.index not in seen:
                    seen.append(budget.year + period.index)
    out = []
    for name, used in years.items():
        legacy = parameters.get(name, parameters.latest_year).legacy
        assert legacy is not None  # noqa: S101 - collected for its legacy mark
        date = Raw(str(legacy.abolished_from))
        criterion = Text("msg.abolished_criterion", name=Raw(name), date=date, by=Raw(legacy.by))
        past = [year for year in used if dt.date(year, 12, 31) >= legacy.abolished_from]
        if not past:
            out.append(Check(criterion, "met", Text("msg.abolished_before", year=Raw(str(max(used))), date=date)))
            continue
        instead = Raw(legacy.replaced_by or legacy.note)
        reason = Text("msg.abolished_within", year=Raw(str(min(past))), date=date, instead=instead)
        out.append(Check(criterion, "not met", reason))
    return tuple(out)


# socialpartner.testing names Evaluation in its annotations but cannot import this module
# (the models import it): given here, its annotations resolve at runtime too (typing.get_type_hints;
# socialpartner's lazy names import this module with testing's)
_testing.Evaluation = Evaluation  # type: ignore[attr-defined]
