"""The settlement engine: one set of formulas for every deal, on two backends.

A scenario becomes a run along two axes: **periods** (one for most deals; the years of a
horizon; a spin-off's years) and **variants** (one for :func:`socialpartner.evaluate`;
many for sweeps, Monte Carlo and tornado). Each period's plan (the model's flows and
placements, plus the public purse's flows) is settled here: every flow rounded once to
øre, the cost pool set against its funding, nets per party, break-even rates, jobs and
FTE, the public net effect per payer; over the periods, present values and payback.

The numbers are exact (int øre, Fractions) for one evaluation and float64 arrays for
many variants: the same code runs on both through :mod:`socialpartner._internal.backend`.
The evaluation record and the sweep's DataFrame are views of a :class:`Run`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from socialpartner import core, public
from socialpartner._internal import horizon as _horizon
from socialpartner._internal import paths
from socialpartner._internal.backend import (
    _VECTOR,
    _WORKSPACE,
    HALF,
    Num,
    Rational,
    Workspace,
    as_floats,
    div,
    hundredths,
    is_exact,
    is_own,
    maximum,
    ore,
    safe_div,
    total,
    vector_mode,
    where,
)
from socialpartner._internal.plan import Flow, Placement, Plan
from socialpartner._internal.units import FTE_HOURS_PER_WEEK, canonical
from socialpartner.errors import ParameterError
from socialpartner.parameters import ParameterSet, ParameterUse, ParameterValue, missing_years

if TYPE_CHECKING:
    from socialpartner.models._base import Partnership

__all__ = ["PeriodRun", "Run", "Settlement", "coverage", "run", "settle"]

PUBLIC_PARTIES = {"state": "the state", "participants": "course participants"}
PAYERS = public.PAYERS


@dataclass(frozen=True, slots=True)
class Settlement:
    """One period settled: every amount in whole øre (int, or float64 over variants).

    ``break_even`` is in øre per unit of the price's volume, ``None`` (exact) or NaN
    (arrays) where the price has no volume; ``covered`` says where the other sources
    already cover the cost (the rate is then floored at zero); ``rates`` holds the
    unrounded rate in DKK (to state it as a percentage). ``fte`` is in hundredths;
    ``inclusive_jobs`` and ``inclusive_fte`` count the inclusive job lines only (all but
    ordinary posts: the jobs for people outside the labour market).
    """

    amounts: dict[str, Num]
    cost: Num
    funding: dict[str, Num]
    total_funding: Num
    surplus: Num
    shortfall: Num
    break_even: dict[str, Num]
    covered: dict[str, Num]
    rates: dict[str, Num]
    jobs: Num
    fte: Num
    inclusive_jobs: Num
    inclusive_fte: Num

    @property
    def coverage(self) -> Num:
        """Funding / cost (see :func:`coverage`)."""
        return coverage(self.total_funding, self.cost)


def coverage(funding: Num, cost: Num) -> Num:
    """Funding / cost: a Rational (None with no cost) or float64 (NaN with no cost)."""
    if is_exact(cost) and is_exact(funding):
        return None if cost == 0 else core.coverage_ratio(Rational(funding), Rational(cost))
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        out = core.coverage_ratio(as_floats(funding), as_floats(cost))
    if np.ndim(cost) == 0:
        return out if cost != 0 else np.nan
    if not np.all(cost):  # no cost to cover: no coverage (NaN, not ±inf)
        out[np.asarray(cost) == 0] = np.nan
    return out


def settle(plan: Plan) -> Settlement:
    """Round each flow once to øre, then set the cost pool against its funding."""
    amounts: dict[str, Num] = {}
    rounded: dict[int, Num] = {}  # flows that share one amount (wages billed and paid) round once
    kept = _referenced(plan) if _VECTOR.get() else ()  # in-place rounding is for arrays only
    for f in plan.flows:
        key = id(f.amount)
        if key not in rounded:
            # a flow's own temporary array is rounded into itself; an input (lent read-only)
            # or an array the plan also uses elsewhere gets a new one
            rounded[key] = ore(f.amount, in_place=key not in kept)
        amounts[f.key] = rounded[key]
    cost = total((1, amounts[k]) for k in plan.cost_pool)
    funding = {name: total((sign, amounts[k]) for k, sign in keys) for name, keys in plan.funding}
    total_funding, surplus, shortfall = core.balance(cost, funding.values())
    break_even: dict[str, Num] = {}
    covered: dict[str, Num] = {}
    rates: dict[str, Num] = {}
    terms = [(sign, amounts[k]) for _, keys in plan.funding for k, sign in keys]
    for spec in plan.break_even:
        # (cost − funding that does not move with this price) / volume, in DKK per volume unit;
        # the price's own flow cancels out of the sum rather than being subtracted from it
        others = total([*terms, (-1, amounts[spec.flow])])
        path = spec.input_path
        break_even[path], covered[path], rates[path] = _break_even(cost, others, spec.volume)
    jobs = [p for p in plan.placements if p.is_job]
    headcount, fte = _people(jobs)
    inclusive = [p for p in jobs if p.inclusive]
    # every job inclusive (the usual deal): the same lines, the same figures, not a second pass over the variants
    inclusive_headcount, inclusive_fte = (headcount, fte) if len(inclusive) == len(jobs) else _people(inclusive)
    return Settlement(
        amounts,
        cost,
        funding,
        total_funding,
        surplus,
        shortfall,
        break_even,
        covered,
        rates,
        headcount,
        fte,
        inclusive_headcount,
        inclusive_fte,
    )


def _people(jobs: list[Placement]) -> tuple[Num, Num]:
    """Headcount at work on the job lines, and their FTE in hundredths (rounded once, from the exact total)."""
    headcount = total((1, people_at_work(p)) for p in jobs)
    paid = total((1, p.paid_hours) for p in jobs if p.paid_hours is not None)
    return headcount, hundredths(paid, FTE_HOURS_PER_WEEK)


def people_at_work(p: Placement) -> Num:
    """A job line's headcount, none where it has 0 paid hours: a job of no hours is no job.

    Nor, in the public purse, does it move anyone off their benefit (they would stay on it).
    """
    if p.paid_hours is None:
        return p.headcount
    return where(p.paid_hours > 0, p.headcount, 0)


def _referenced(plan: Plan) -> set[int]:
    """Ids of the plan's numbers other than flow amounts (volumes, hours, wages, headcounts)."""
    out = {id(spec.volume) for spec in plan.break_even} | {id(spec.percent_of) for spec in plan.break_even}
    for p in plan.placements:
        out.update((id(p.headcount), id(p.paid_hours), id(p.effective_hours), id(p.wage)))
    return out


def nets(period: PeriodRun) -> dict[str, Num]:
    """What each party receives minus what it pays in a period (øre), parties in order of appearance."""
    terms: dict[str, list[tuple[int, Num]]] = {}
    amounts = period.settlement.amounts
    for f in period.plan.flows:
        terms.setdefault(f.payer, []).append((-1, amounts[f.key]))
        terms.setdefault(f.payee, []).append((1, amounts[f.key]))
    return {party: total(parts) for party, parts in terms.items()}


def _break_even(cost: Num, others: Num, volume: Num) -> tuple[Num, Num, Num]:
    """Øre per volume unit (floored at zero), whether already covered, and the rate in DKK."""
    if is_exact(volume) and is_exact(cost) and is_exact(others):
        if volume == 0:
            return None, False, None
        rate = core.break_even_rate(cost, others, Rational(volume) * 100)  # øre ints over a Rational: exact
        clamped = maximum(rate, 0)
        return ore(clamped), rate < 0, clamped
    import numpy as np

    # float64: (cost − others) / volume is already øre per unit, so it is floored to whole
    # øre directly (the DKK rate and the covered flags serve the exact record only)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = core.break_even_rate(cost, others, np.asarray(volume, dtype=float))
    if rate is cost or rate is others or not is_own(rate):
        rate = np.array(rate, dtype=float)  # never round the caller's arrays in place
    np.maximum(rate, 0.0, out=rate)
    rate += HALF
    np.floor(rate, out=rate)
    vol = np.asarray(volume)
    if not vol.min() > 0:  # a reduction, no temporary array; rarely true: mask then
        rate[np.broadcast_to(vol <= 0, rate.shape)] = np.nan
    return rate, None, None


@dataclass(frozen=True, slots=True)
class PublicEffects:
    """The public purse of one period: lines per payer and the net effect of each payer."""

    year: int
    lines: tuple[public.Line, ...]
    groups: tuple[public.Group, ...]
    refusion_rate: Num
    refusion_rates: Mapping[str, Num]
    taxed: bool = False
    ladder: public.Ladder | None = None  # for explanations: each group's rate in words

    def net_effects(self) -> dict[str, Num]:
        """Otherwise minus with, per payer (øre): positive means the partnership saves it money."""
        terms: dict[str, list[tuple[int, Num]]] = {payer: [] for payer in PAYERS}
        for line in self.lines:
            terms[line.payer] += ((1, line.counterfactual), (-1, line.actual))
        return {payer: total(parts) for payer, parts in terms.items()}

    def net_effect_before_tax(self, payer: str) -> Num:
        """The net effect without the tax lines (øre)."""
        return total(
            (1, line.counterfactual - line.actual) for line in self.lines if line.payer == payer and not line.tax
        )


@dataclass(frozen=True, slots=True)
class PeriodRun:
    """One period of a run: its label, model, plan (public flows included), results."""

    label: str
    index: int
    model: Partnership
    plan: Plan
    settlement: Settlement
    use: ParameterUse
    public: PublicEffects | None
    progression: Mapping[str, Num]


@dataclass(frozen=True, slots=True)
class Run:
    """A scenario settled over its periods.

    ``present_values`` holds, per party and per public payer (``public.PAYER``), the
    discounted sum of the yearly nets in øre; ``payback`` the index of the payback
    period (-1: none within the horizon; only for series that were ever negative).
    """

    partnership: Partnership
    periods: tuple[PeriodRun, ...]
    multi_period: bool
    present_values: dict[str, Num]
    payback: dict[str, Num]
    ever_negative: dict[str, Num]
    public_totals: dict[str, Num]
    workspace: Workspace | None = None  # where a vector run's arrays come from (results too)
    # per series of one evaluation: at or below zero in every period (a party that only pays; its payback
    # is none, not beyond the horizon); empty for a vector run, whose records are not built
    never_positive: Mapping[str, bool] = field(default_factory=dict)
    # the discount rates the present values read (listed with the evaluation's parameters)
    discounting: tuple[ParameterValue, ...] = ()


def parameter_year(partnership: Partnership, index: int) -> int:
    """The parameter year of period ``index``.

    The public view's year, else the horizon's start year, else the latest year of the
    parameter set (deterministic: never today's date).
    """
    if partnership.public is not None:
        return partnership.public.year + index
    if partnership.horizon is not None and partnership.horizon.start_year is not None:
        return partnership.horizon.start_year + index
    return partnership.parameter_set().latest_year


def run(
    partnership: Partnership,
    overrides: Mapping[str, Any] | None = None,
    *,
    vector: bool = False,
    workspace: Workspace | None = None,
) -> Run:
    """Settle a scenario over its periods.

    ``overrides`` maps scenario paths to values put in place without validation (arrays
    of a sweep's varied inputs, already checked by the caller); ``vector`` runs on
    float64 (the models' :func:`~socialpartner._internal.units.canonical` then returns
    floats or arrays).
    """
    with vector_mode(workspace) if vector else contextlib.nullcontext():
        try:
            return _run(partnership, overrides or {}, vector)
        except ParameterError:
            # name every parameter without a value for its year at once, not one per run
            every = missing_years(
                partnership.parameter_set(),
                lambda p: _run(partnership, overrides or {}, vector, p),
                _first_year_input(partnership),
            )
            if every is None:
                raise
            raise every from None


def _run(
    partnership: Partnership, overrides: Mapping[str, Any], vector: bool, parameters: ParameterSet | None = None
) -> Run:
    # The horizon's own inputs (growth, progression shares) shape every year: put a sweep's
    # values for them on the scenario itself, so growth factors and moves are arrays too.
    whole = {k: v for k, v in overrides.items() if k.startswith("horizon.")}
    if whole:
        partnership = paths.overlay(partnership, whole)
        overrides = {k: v for k, v in overrides.items() if k not in whole}
    periods: list[PeriodRun] = []
    state = _horizon.Progress()  # nobody has moved yet
    if parameters is None:
        parameters = partnership.parameter_set()  # once: overrides make a new set (and cache) each call
    public_parties = dict(PUBLIC_PARTIES)
    home = None if partnership.public is None else public.home_municipality(partnership)
    indexed: dict[tuple[Any, ...], Any] = {}
    if home is not None:
        public_parties["municipality"] = home.name  # the citizens' home municipality pays
    for year in _horizon.years(partnership, overrides, vector):
        plan = year.plan
        use = year_use(partnership, year.index, parameters, indexed, vector)
        p = use  # float64 over variants
        cohorts = state.cohorts(partnership.horizon, year.index)
        budget = year.model.public  # as grown for the year (the fleksjob wage)
        effects = None
        if budget is not None:
            years_long = canonical(year.model.period)
            mix = state.course_mix(partnership.horizon, year.index, plan.placements)
            ladder = public.Ladder(budget, year.index, round(years_long * 52), p, mix)
            extra = public.public_flows(budget, plan.placements, years_long, p, ladder)
            plan = plan._replace(
                flows=(*plan.flows, *extra),
                parties=_with_parties(plan.parties, public_parties),
                funding=(*plan.funding, *_public_funding(plan, extra)),
            )
        settlement = settle(plan)
        if budget is not None:
            lines, groups = public.public_lines(
                budget, plan.flows, settlement.amounts, plan.placements, years_long, p, ladder, cohorts
            )
            headline = _refusion_share(extra, settlement.amounts, ladder.headline())
            effects = PublicEffects(
                use.year, tuple(lines), tuple(groups), headline, ladder.rates, budget.tax is not None, ladder
            )
        progression = state.advance(partnership.horizon, plan.placements, year.index)
        periods.append(PeriodRun(year.label, year.index, year.model, plan, settlement, use, effects, progression))
    multi = partnership.MULTI_PERIOD or partnership.horizon is not None
    yearly = series(periods) if multi else {}
    discounting = ParameterUse(parameters, parameter_year(partnership, 0), vector=vector) if multi else None
    pv, payback, negative, totals = (
        ({}, {}, {}, {})
        if discounting is None
        else _over_periods(partnership, discounting, yearly, len(periods), vector)
    )
    never_positive = {} if vector else _horizon.never_positive(yearly)
    return Run(
        partnership,
        tuple(periods),
        multi,
        pv,
        payback,
        negative,
        totals,
        _WORKSPACE.get(),
        never_positive,
        () if discounting is None else tuple(discounting),
    )


def _first_year_input(partnership: Partnership) -> tuple[str, int] | None:
    """The input that sets the first parameter year, and that year (None: the set's latest year)."""
    if partnership.public is not None:
        return "public.year", partnership.public.year
    if partnership.horizon is not None and partnership.horizon.start_year is not None:
        return "horizon.start_year", partnership.horizon.start_year
    return None


def year_use(
    partnership: Partnership,
    index: int,
    parameters: ParameterSet,
    indexed: dict[tuple[Any, ...], Any] | None = None,
    vector: bool = False,
) -> ParameterUse:
    """The parameters as a run reads them in year ``index`` (``indexed``: the run's store of indexed values)."""
    # kroner rates used past their last value are indexed as the law does from the wage growth
    # (none without a horizon: then only a satsreguleringsprocent set under parameters: moves them)
    # (float64 over variants, as canonical gives: the set-wide cache holds exact values only)
    horizon = partnership.horizon
    growth = (0.0 if vector else 0) if horizon is None else canonical(horizon.wage_growth)
    # the scenario's own rates in kroner are the first year's (indexed after it); a spin-off's
    # years are in constant prices (its present values take them so): the first year's rates throughout
    first = parameter_year(partnership, 0)
    changed: tuple[tuple[str, int], ...] = ()
    if horizon is not None and horizon.changes:
        changed = tuple((path, first + since) for path, since in _horizon.changes_in_force(partnership, index))
    return ParameterUse(
        parameters,
        first if index == 0 else parameter_year(partnership, index),
        wage_growth=growth,
        indexed={} if indexed is None else indexed,
        first=first,
        constant=partnership.MULTI_PERIOD and horizon is None,
        vector=vector,
        changed=changed,
    )


def stated_rate_index(partnership: Partnership, path: str, index: int) -> tuple[int, Fraction] | None:
    """How a rate in kroner the scenario states at ``path`` is indexed in year ``index``, as a run indexes it.

    ``path`` is a stated benefit (``public.during_course``, ``public.counterfactual.<group>``,
    ``horizon.progression.leave_benefit``); the answer is the year of the rate (the public
    view's first year, or that of the horizon change that sets it) and the factor of the
    satsreguleringsprocent since then. None where the rate is used unchanged.
    """
    use = year_use(partnership, index, partnership.parameter_set())
    use.rate(path, Rational(1))
    return use.stated.get(path)


def _public_funding(plan: Plan, extra: list[Flow]) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """Løntilskud paid to the party that bears the cost pool: its income, so funding too.

    The wage subsidy is paid to the employer of a løntilskud line; where that is the
    party paying the support staff (the SØV), it is money the SØV has in the deal, and
    its net stays equal to the surplus of the cost split.
    """
    bearers = {f.payer for f in plan.flows if f.key in plan.cost_pool}
    keys = tuple((f.key, 1) for f in extra if f.key.startswith("public.loentilskud.") and f.payee in bearers)
    return (("løntilskud", keys),) if keys else ()


def _refusion_share(extra: list[Flow], amounts: Mapping[str, Num], otherwise: Num) -> Num:
    """The state's refusion as a share of the payments it refunds in the period.

    The groups' rates weighted by what the municipality pays each (one rate when all are
    on the same step of the ladder); ``otherwise`` (the ladder's rate at the default
    weeks) when the partnership brings no refunded payment.
    """
    refunded = [f.key.removeprefix("public.refusion.") for f in extra if f.key.startswith("public.refusion.")]
    paid = total((1, amounts[f"public.{key}"]) for key in refunded)
    back = total((1, amounts[f"public.refusion.{key}"]) for key in refunded)
    if is_exact(paid):
        return otherwise if paid == 0 else div(back, paid)
    return where(paid > 0, safe_div(back, paid), otherwise)


def _with_parties(parties: Mapping[str, str], more: Mapping[str, str]) -> dict[str, str]:
    """The plan's parties, then the public ones it does not name."""
    return {**parties, **{k: v for k, v in more.items() if k not in parties}}


def discount_factors(partnership: Partnership, n: int) -> list[Rational]:
    """Exact present-value factors ``1 / (1 + r)^t`` for years 0 … n-1 of a scenario."""
    use = ParameterUse(partnership.parameter_set(), parameter_year(partnership, 0))
    return _horizon.discount_factors(n, use, partnership.horizon)


def series(periods: tuple[PeriodRun, ...] | list[PeriodRun]) -> dict[str, list[Num]]:
    """The yearly net of every party and public payer (øre), zero in years it is absent."""
    out: dict[str, list[Num]] = {}
    for t, period in enumerate(periods):
        for party, net in nets(period).items():
            out.setdefault(party, [0] * len(periods))[t] = net
        if period.public is not None:
            for payer, net in period.public.net_effects().items():
                out.setdefault(f"public.{payer}", [0] * len(periods))[t] = net
    return out


def _over_periods(
    partnership: Partnership, use: ParameterUse, yearly: dict[str, list[Num]], n: int, vector: bool
) -> tuple[dict[str, Num], dict[str, Num], dict[str, Num], dict[str, Num]]:
    factors = _horizon.discount_factors(n, use, partnership.horizon)  # the rates read are recorded in use
    return _horizon.present_values(yearly, factors, exact=not vector)
