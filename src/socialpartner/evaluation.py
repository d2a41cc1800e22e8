"""Evaluate a partnership: ledger, cost split, break-even prices and jobs.

The evaluator settles a model's flows into a balanced ledger, splits the cost of
support staff over its funding sources, solves break-even prices and counts jobs, the
same way for every model: it only sees the model's :class:`~socialpartner._internal.plan.Plan`.
A model with several periods (a spin-off's years) gets one evaluation per period in
:attr:`Evaluation.breakdown` and their sum at the top.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from socialpartner import core, public
from socialpartner._internal import explain as _explain
from socialpartner._internal.explain import Explanation, Term
from socialpartner._internal.plan import Check, Figure, Placement, Plan, places
from socialpartner._internal.units import (
    FTE_HOURS_PER_WEEK,
    WEEKS_PER_YEAR,
    canonical,
    format_magnitude,
    parse_unit,
    split_quantity,
)
from socialpartner._version import __version__
from socialpartner.errors import LedgerError, QuantityError
from socialpartner.ledger import MAX_AMOUNT, Ledger, Transfer
from socialpartner.models._base import Partnership
from socialpartner.models._options import Horizon
from socialpartner.money import ROUNDING_RULE, in_context, round_half_up, to_ore
from socialpartner.parameters import ParameterUse, ParameterValue
from socialpartner.public import PublicView

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BreakEven", "Check", "Evaluation", "Explanation", "Figure", "Job", "Manifest", "evaluate"]

_RATIO_PLACES = Decimal("0.000001")
_ZERO = Decimal("0.00")


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True, slots=True)
class BreakEven:
    """The price at which funding exactly covers the cost pool, everything else as given.

    Attributes:
        label: words for the price.
        input_path: the scenario input that sets that price, e.g. ``courses.price``.
        value: the price in ``unit``, rounded to øre; None when no price works (the
            price has no volume, e.g. no hours are bought).
        unit: e.g. ``DKK/hour``.
        percent: the price as a percentage of its base, for markups given as one.
        already_covered: the cost is covered even at a price of zero.

    """

    label: str
    input_path: str
    value: Decimal | None
    unit: str
    percent: Decimal | None = None
    already_covered: bool = False


@dataclass(frozen=True, slots=True)
class Job:
    """People placed, by form: headcount, paid and effective hours a week, FTE (37 h/week).

    ``employer`` is None for people who are not employed (e.g. course participants).
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

    The same input under the same library and data gives the same manifest and
    byte-identical JSON output.
    """

    library_version: str
    parameter_set_version: str
    input_sha256: str


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

    """

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
    _plan: Plan | None = field(default=None, repr=False, compare=False)
    _settled: Mapping[str, Decimal] = field(default_factory=dict, repr=False, compare=False)

    @property
    def manifest(self) -> Manifest:
        """Library version, parameter-set version and the SHA-256 of the validated input."""
        dumped = self.partnership.model_dump(mode="json")
        return Manifest(__version__, _explain.parameter_set_version(), _explain.input_hash(dumped))

    def topics(self) -> tuple[str, ...]:
        """Everything :meth:`explain` can explain."""
        base = ["coverage", "surplus", "shortfall", "cost", "funding", *self.cost_split.funding]
        if self._plan is not None:
            base += [f.key for f in self._plan.flows] + [b.input_path for b in self.break_even]
        base += [f.key for f in self.figures]
        for part in self.breakdown:
            base += [f"{part.ledger.period}:{t}" for t in part.topics()]
        return tuple(dict.fromkeys(base))

    def explain(self, topic: str) -> Explanation:
        """How a figure was computed: the formula, the terms, the inputs and parameters used.

        ``topic`` is ``coverage``, ``surplus``, ``shortfall``, ``cost``, ``funding``, a
        funding source, a transfer's key (e.g. ``overhead``), a break-even input path
        (e.g. ``courses.price``), a figure's key, or for a multi-period model
        ``PERIOD:topic`` (e.g. ``2027:coverage``).

        Raises:
            KeyError: an unknown topic; the message lists the known ones.

        """
        head, _, rest = topic.partition(":")
        if rest:
            for part in self.breakdown:
                if part.ledger.period == head:
                    return part.explain(rest)
        inputs = dict(_explain.flatten(self.partnership.model_dump(mode="json")))
        split = self.cost_split
        if topic in {"coverage", "surplus", "shortfall", "cost", "funding"}:
            return self._explain_split(topic, inputs)
        if topic in split.funding:
            return Explanation(
                topic, _explain.money(split.funding[topic]), "sum of its flows", self._source_terms(topic, inputs)
            )
        flows = {} if self._plan is None else {f.key: f for f in self._plan.flows}
        if topic in flows:
            flow = flows[topic]
            term = _explain.flow_term(flow, self._settled[topic], inputs)
            return Explanation(
                f"{flow.purpose} ({flow.payer} → {flow.payee})", term.value, flow.formula + ", rounded to øre", (term,)
            )
        for b in self.break_even:
            if topic in {b.input_path, f"break_even:{b.input_path}"}:
                return self._explain_break_even(b, inputs)
        for f in self.figures:
            if f.key == topic:
                value = "—" if f.value is None else f"{f.value} {f.unit}".strip()
                used = tuple((p, inputs.get(p, "(not given)")) for p in f.inputs)
                return Explanation(
                    f.label,
                    value,
                    f.note or "see the model's documentation",
                    (Term(f.label, value, f.note, used),) if used else (),
                )
        raise KeyError(f"nothing to explain as {topic!r}; topics: {', '.join(self.topics())}")

    def _cost_terms(self, inputs: Mapping[str, str]) -> tuple[Term, ...]:
        if self._plan is None:
            return tuple(
                Term(f"{p.ledger.period}: support-staff cost", _explain.money(p.cost_split.cost))
                for p in self.breakdown
            )
        flows = {f.key: f for f in self._plan.flows}
        return tuple(_explain.flow_term(flows[k], self._settled[k], inputs) for k in self._plan.cost_pool)

    def _source_terms(self, source: str, inputs: Mapping[str, str]) -> tuple[Term, ...]:
        if self._plan is None:
            return tuple(
                Term(f"{p.ledger.period}: {source}", _explain.money(p.cost_split.funding.get(source, _ZERO)))
                for p in self.breakdown
            )
        flows = {f.key: f for f in self._plan.flows}
        keys = dict(self._plan.funding)[source]
        return tuple(
            _explain.flow_term(flows[k], self._settled[k], inputs, sign, f"{source}: {flows[k].purpose}")
            for k, sign in keys
        )

    def _explain_split(self, topic: str, inputs: Mapping[str, str]) -> Explanation:
        split = self.cost_split
        cost = _explain.money(split.cost)
        funding = _explain.money(split.total_funding)
        cost_terms = (Term("support-staff cost", cost, "sum of the cost pool"), *self._cost_terms(inputs))
        funding_terms = (
            Term("total funding", funding, "sum of the funding sources"),
            *(t for source in split.funding for t in self._source_terms(source, inputs)),
        )
        terms = cost_terms + funding_terms
        if topic == "coverage":
            value = (
                "— (no cost to cover)"
                if split.coverage is None
                else (f"{places(split.coverage, _RATIO_PLACES)} ({places(split.coverage * 100)} %)")
            )
            return Explanation("coverage", value, f"total funding / support-staff cost = {funding} / {cost}", terms)
        if topic == "surplus":
            return Explanation(
                "surplus",
                _explain.money(split.surplus),
                f"total funding − support-staff cost = {funding} − {cost}",
                terms,
            )
        if topic == "shortfall":
            return Explanation(
                "shortfall",
                _explain.money(split.shortfall),
                f"max(0, support-staff cost − total funding) = max(0, {cost} − {funding})",
                terms,
            )
        if topic == "cost":
            return Explanation("support-staff cost", cost, "sum of the cost pool", cost_terms)
        return Explanation("total funding", funding, "sum of the funding sources", funding_terms)

    def _explain_break_even(self, b: BreakEven, inputs: Mapping[str, str]) -> Explanation:
        assert self._plan is not None  # noqa: S101 - break-even exists only for single-period plans
        spec = next(s for s in self._plan.break_even if s.input_path == b.input_path)
        flows = {f.key: f for f in self._plan.flows}
        moving = self._settled[spec.flow]
        others = self.cost_split.total_funding - moving
        value = "— (no volume)" if b.value is None else f"{b.value} {b.unit}"
        formula = (
            f"(support-staff cost − funding that does not move with this price) / volume = "
            f"({_explain.money(self.cost_split.cost)} − {_explain.money(others)}) / {places(spec.volume)}"
            ", rounded to øre" + (", floored at zero" if b.already_covered else "")
        )
        return Explanation(
            f"break-even {b.label}",
            value,
            formula,
            (
                Term("current value", inputs.get(b.input_path, "(not given)")),
                _explain.flow_term(flows[spec.flow], moving, inputs, label="flow that moves with the price"),
                Term("volume", f"{places(spec.volume)} ({b.unit.split('/')[-1]}s over the period)"),
            ),
        )

    @property
    def jobs(self) -> tuple[Job, ...]:
        """Placements that are jobs (not course places or support posts)."""
        return tuple(p for p in self.placements if p.is_job)

    def to_frame(self) -> pd.DataFrame:
        """The ledger as a pandas DataFrame: one row per transfer.

        Columns: ``period``, ``payer``, ``payee`` (role keys), ``payer_name``,
        ``payee_name``, ``purpose`` and ``amount`` (DKK, float64: whole øre are exact in a
        float below 90 billion DKK; the Decimals stay in :attr:`ledger`). A multi-period
        evaluation gives the rows of every period, each with its period.
        """
        import pandas as pd

        parts = self.breakdown or (self,)
        rows = [
            {
                "period": part.ledger.period,
                "payer": t.payer,
                "payee": t.payee,
                "payer_name": part.parties.get(t.payer, t.payer),
                "payee_name": part.parties.get(t.payee, t.payee),
                "purpose": t.purpose,
                "amount": float(t.amount),
            }
            for part in parts
            for t in part.ledger
        ]
        columns = ["period", "payer", "payee", "payer_name", "payee_name", "purpose", "amount"]
        return pd.DataFrame(rows, columns=columns)

    def summary_frame(self) -> pd.DataFrame:
        """Per party: name, what it receives, pays and its net (DKK), over all periods."""
        import pandas as pd

        rows = [
            {
                "party": p,
                "name": self.parties.get(p, p),
                "receives": float(self.ledger.inflow(p)),
                "pays": float(self.ledger.outflow(p)),
                "net": float(self.ledger.net(p)),
            }
            for p in self.ledger.parties
        ]
        return pd.DataFrame(rows, columns=["party", "name", "receives", "pays", "net"]).set_index("party")

    def _repr_html_(self) -> str:
        """A compact view for Jupyter: who pays whom, balances, coverage, break-even."""
        esc = html.escape
        names = self.parties

        def money(value: Decimal) -> str:
            return f"{value:,.2f}"

        flows = "".join(
            f"<tr><td>{esc(names.get(t.payer, t.payer))}</td><td>{esc(names.get(t.payee, t.payee))}</td>"
            f"<td>{esc(t.purpose)}</td><td style='text-align:right'>{money(t.amount)}</td></tr>"
            for t in self.ledger
        )
        balances = "".join(
            f"<tr><td>{esc(names.get(p, p))}</td><td style='text-align:right'>{money(self.ledger.net(p))}</td></tr>"
            for p in self.ledger.parties
        )
        split = self.cost_split
        coverage = "—" if split.coverage is None else f"{places(split.coverage * 100)} %"
        break_even = "".join(
            f"<li>{esc(b.label)}: {'—' if b.value is None else money(b.value) + ' ' + esc(b.unit)}</li>"
            for b in self.break_even
        )
        return (
            f"<div><strong>{esc(self.partnership.name)}</strong> ({esc(self.ledger.period)})"
            f"<table><thead><tr><th>Payer</th><th>Payee</th><th>Purpose</th><th>DKK</th></tr></thead>"
            f"<tbody>{flows}</tbody></table>"
            f"<table><thead><tr><th>Party</th><th>Net DKK</th></tr></thead><tbody>{balances}</tbody></table>"
            f"<p>Support-staff cost {money(split.cost)} DKK, funding {money(split.total_funding)} DKK: "
            f"<strong>coverage {coverage}</strong>, "
            f"{'surplus' if split.surplus >= 0 else 'shortfall'} {money(abs(split.surplus))} DKK.</p>"
            f"<ul>{break_even}</ul></div>"
        )

    def results(self) -> dict[str, Decimal | None]:
        """Every headline result by name, for solvers, sweeps and comparisons.

        ``coverage``, ``surplus``, ``shortfall``, ``cost``, ``funding``, ``net.PARTY``,
        ``break_even.INPUT``, ``jobs`` and ``fte`` (of the last period), ``public.PAYER``
        (summed over the periods, with a ``public:`` block), and each figure's key.
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
        jobs = parts[-1].jobs
        out["jobs"] = Decimal(sum(j.headcount for j in jobs))
        out["fte"] = sum((j.fte for j in jobs if j.fte is not None), Decimal("0.00"))
        views = [p.public for p in parts if p.public is not None]
        if views:
            for payer in ("municipality", "state"):
                out[f"public.{payer}"] = sum((v.net_effect(payer) for v in views), Decimal("0.00"))
        for f in self.figures:
            out.setdefault(f.key, f.value)
        return out

    def figure(self, key: str) -> Figure:
        """One of :attr:`figures` by key.

        Raises:
            KeyError: no such figure; the message lists the keys there are.

        """
        for f in self.figures:
            if f.key == key:
                return f
        raise KeyError(f"no figure {key!r}; figures: {', '.join(f.key for f in self.figures)}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; money and ratios are decimal strings, never floats."""
        m = self.manifest
        out: dict[str, Any] = {
            "model": self.partnership.MODEL,
            "name": self.partnership.name,
            "rounding": ROUNDING_RULE,
            "manifest": {
                "library_version": m.library_version,
                "parameter_set_version": m.parameter_set_version,
                "input_sha256": m.input_sha256,
            },
        }
        out.update(self._body())
        return out

    def _body(self) -> dict[str, Any]:
        split = self.cost_split
        coverage = split.coverage
        return {
            "period": self.ledger.period,
            "parties": dict(self.parties),
            "transfers": [
                {"payer": t.payer, "payee": t.payee, "amount": str(t.amount), "purpose": t.purpose} for t in self.ledger
            ],
            "balances": {
                p: {"inflow": str(tot.inflow), "outflow": str(tot.outflow), "net": str(tot.net)}
                for p in self.ledger.parties
                for tot in (self.ledger.totals(p),)
            },
            "cost_split": {
                "cost": str(split.cost),
                "funding": {k: str(v) for k, v in split.funding.items()},
                "total_funding": str(split.total_funding),
                "surplus": str(split.surplus),
                "shortfall": str(split.shortfall),
                "coverage": None if coverage is None else str(places(coverage, _RATIO_PLACES)),
                "shares": {k: str(places(v, _RATIO_PLACES)) for k, v in split.shares.items()},
                "uncovered_share": str(places(split.uncovered_share, _RATIO_PLACES)),
            },
            "break_even": [
                {
                    "label": b.label,
                    "input": b.input_path,
                    "value": _text(b.value),
                    "unit": b.unit,
                    "percent": _text(b.percent),
                    "already_covered": b.already_covered,
                }
                for b in self.break_even
            ],
            "placements": [
                {
                    "form": j.form,
                    "headcount": j.headcount,
                    "hours_per_week": _text(j.hours_per_week),
                    "effective_hours_per_week": _text(j.effective_hours_per_week),
                    "fte": _text(j.fte),
                    "employer": j.employer,
                    "workplace": j.workplace,
                    "is_job": j.is_job,
                    "inclusive": j.inclusive,
                }
                for j in self.placements
            ],
            "figures": {
                f.key: {"label": f.label, "value": _text(f.value), "unit": f.unit, "note": f.note} for f in self.figures
            },
            "checks": [{"criterion": c.criterion, "status": c.status, "reason": c.reason} for c in self.checks],
            "statements": list(self.statements),
            "public": None if self.public is None else _public_dict(self.public),
            "parameters": [
                {
                    "name": v.name,
                    "year": v.year,
                    "used_for_year": v.for_year,
                    "value": str(v.value),
                    "tag": v.tag,
                    "source": v.source,
                    "checked": None if v.checked is None else v.checked.isoformat(),
                }
                for v in self.parameters
            ],
            "breakdown": [e._body() for e in self.breakdown],
        }


def _public_dict(view: PublicView) -> dict[str, Any]:
    return {
        "year": view.year,
        "refusion_rate": str(view.refusion_rate),
        "counterfactual": list(view.counterfactual),
        "lines": [
            {
                "payer": line.payer,
                "item": line.item,
                "actual": str(line.actual),
                "counterfactual": str(line.counterfactual),
            }
            for line in view.lines
        ],
        "net_effect": {payer: str(view.net_effect(payer)) for payer in ("municipality", "state")},
    }


def _job(p: Placement) -> Job:
    paid = None if p.paid_hours is None else places(p.paid_hours)
    same = p.effective_hours is p.paid_hours or p.effective_hours == p.paid_hours
    effective = paid if same else None if p.effective_hours is None else places(p.effective_hours)
    fte = None if p.paid_hours is None else places(p.paid_hours / FTE_HOURS_PER_WEEK)
    return Job(p.form, p.headcount, paid, effective, fte, p.employer, p.workplace, p.is_job, p.inclusive)


def _ore_int(amount: Decimal) -> int:
    """A whole-øre Decimal as an integer number of øre (exact)."""
    return int(amount * 100)  # exact: amounts are whole øre, far below 28 digits


def _break_even(plan: Plan, settled: Mapping[str, Decimal], split: core.CostSplit) -> tuple[BreakEven, ...]:
    out = []
    for spec in plan.break_even:
        if spec.volume == 0:
            out.append(BreakEven(spec.label, spec.input_path, None, spec.unit))
            continue
        # funding that does not move with this price, in whole øre; the rate per volume unit in øre
        others = _ore_int(split.total_funding - settled[spec.flow])
        rate = core.break_even_rate(Fraction(_ore_int(split.cost)), Fraction(others), spec.volume) / 100
        covered = rate < 0
        if covered:
            rate = Fraction(0)
        percent = None
        if spec.percent_of:  # neither None nor zero
            percent = places(rate / spec.percent_of * 100)
        out.append(BreakEven(spec.label, spec.input_path, to_ore(rate), spec.unit, percent, covered))
    return tuple(out)


def _parameter_year(partnership: Partnership, index: int) -> int:
    """The parameter year of period ``index``.

    The public view's year, else the horizon's start year, else the latest year of the
    parameter set (deterministic: never today's date).
    """
    if partnership.public is not None:
        return partnership.public.year + index
    if partnership.horizon is not None and partnership.horizon.start_year is not None:
        return partnership.horizon.start_year + index
    return partnership.parameter_set().latest_year


def _evaluate_plan(
    partnership: Partnership,
    plan: Plan,
    period: str,
    index: int = 0,
    cohorts: tuple[public.Cohort, ...] = (),
) -> Evaluation:
    use = ParameterUse(partnership.parameter_set(), _parameter_year(partnership, index))
    budget = partnership.public
    rate = Fraction(0)
    if budget is not None:
        years = canonical(partnership.period)
        extra, rate = public.public_flows(
            budget, plan.placements, years, use, budget.weeks_on_support + WEEKS_PER_YEAR * index
        )
        plan = replace(plan, flows=(*plan.flows, *extra), parties={**plan.parties, **_PUBLIC_PARTIES})
    settled = {f.key: to_ore(f.amount) for f in plan.flows}
    for f in plan.flows:
        if settled[f.key] >= MAX_AMOUNT:
            raise LedgerError(
                f"{f.purpose} comes to {settled[f.key]:,.2f} DKK, beyond the largest amount handled "
                f"({MAX_AMOUNT:,} DKK): check {', '.join(f.inputs) or 'the inputs'}"
            )
    ledger = Ledger(period, [Transfer(f.payer, f.payee, settled[f.key], f.purpose) for f in plan.flows])
    split = core.split_cost(
        sum((settled[k] for k in plan.cost_pool), _ZERO),
        {name: sum((sign * settled[k] for k, sign in keys), _ZERO) for name, keys in plan.funding},
    )
    extras = plan.extras(settled)
    view = None
    if budget is not None:
        flows = {f.key: f for f in plan.flows}
        view = public.public_view(
            budget, plan.placements, flows, settled, canonical(partnership.period), use, rate, cohorts
        )
    return Evaluation(
        partnership=partnership,
        parties=dict(plan.parties),
        ledger=ledger,
        cost_split=split,
        break_even=_break_even(plan, settled, split),
        placements=tuple(_job(p) for p in plan.placements),
        figures=extras.figures,
        checks=extras.checks,
        statements=extras.statements,
        public=view,
        parameters=tuple(use),
        _plan=plan,
        _settled=settled,
    )


_PUBLIC_PARTIES = {"state": "the state", "participants": "course participants"}


def _discount_factors(n: int, use: ParameterUse) -> list[Fraction]:
    """Present-value factors for years 0 … n-1 at the Finansministeriet rates."""
    early, late = use("discount_rate.years_0_35"), use("discount_rate.years_36_70")
    factors = []
    for t in range(n):
        factor = 1 / (1 + early) ** min(t, 35)
        if t > 35:
            factor /= (1 + late) ** (t - 35)
        factors.append(factor)
    return factors


def _npv(partnership: Partnership, parts: tuple[Evaluation, ...], labels: list[str]) -> tuple[Figure, ...]:
    use = ParameterUse(partnership.parameter_set(), _parameter_year(partnership, 0))
    factors = _discount_factors(len(parts), use)
    series: dict[str, list[Decimal]] = {}
    for t, part in enumerate(parts):
        for party in part.ledger.parties:
            series.setdefault(party, [_ZERO] * len(parts))[t] = part.ledger.net(party)
        if part.public is not None:
            for payer in ("municipality", "state"):
                series.setdefault(f"public.{payer}", [_ZERO] * len(parts))[t] = part.public.net_effect(payer)
    out = []
    for name, nets in series.items():
        running = Fraction(0)
        payback: str | None = None
        was_negative = False
        for t, net in enumerate(nets):
            running += Fraction(net) * factors[t]
            if running < 0:
                was_negative, payback = True, None
            elif was_negative and payback is None:
                payback = labels[t]
        what = "net effect" if name.startswith("public.") else "net"
        out.append(
            Figure(
                f"npv.{name}",
                f"present value of {name}'s {what}",
                to_ore(running),  # the discounted sum over all years
                "DKK",
                "Σ yearly net / (1 + r)^t, t = 0 for the first year; r from discount_rate.*",
            )
        )
        if was_negative:
            out.append(
                Figure(f"payback.{name}", f"payback year of {name}", None, "", payback or "not within the horizon")
            )
        if name.startswith("public."):
            out.append(
                Figure(
                    f"total.{name}",
                    f"{name}'s net effect over all years",
                    sum(nets, _ZERO),
                    "DKK",
                    "sum of the yearly net effects, undiscounted",
                )
            )
    return tuple(out)


def _combine(partnership: Partnership, parts: tuple[Evaluation, ...], period: str) -> Evaluation:
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
    extras = partnership._combined_extras(parts)
    npv = _npv(partnership, parts, [p.ledger.period for p in parts])
    used: dict[str, ParameterValue] = {}
    for part in parts:
        used.update({v.name: v for v in part.parameters})
    return Evaluation(
        partnership=partnership,
        parties=parties,
        ledger=Ledger(period, transfers),
        cost_split=core.split_cost(sum((p.cost_split.cost for p in parts), _ZERO), funding),
        figures=(*extras.figures, *npv),
        checks=extras.checks,
        statements=extras.statements,
        breakdown=parts,
        parameters=tuple(used.values()),
    )


_WAGE_KEYS = frozenset({"wage_cost", "annual_cost", "cost_per_fte", "fleksjob_wage"})


def _grown(value: Any, wage: Fraction, price: Fraction, key: str = "") -> Any:
    """Scenario data with money inputs grown by ``wage`` or ``price`` and rounded to øre."""
    if isinstance(value, dict):
        # stated benefits and parameter overrides are not prices: they keep their values
        return {
            k: v if k in {"parameters", "during_course", "counterfactual"} else _grown(v, wage, price, k)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_grown(v, wage, price, key) for v in value]
    if isinstance(value, str) and (wage != 1 or price != 1):
        try:
            number, unit = split_quantity(value, what="a quantity")
            info = parse_unit(unit)
        except QuantityError:
            return value  # not a quantity (a name, a role): unchanged
        magnitude = Fraction(number)
        if ("[currency]", 1) in info.dims:
            factor = wage if key in _WAGE_KEYS else price
            return f"{round_half_up(magnitude * factor, 2).normalize():f} {unit}"
    return value


def _set_path(data: dict[str, Any], path: str, value: Any) -> None:
    target: Any = data
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = keys[-1]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        if last not in target:
            raise KeyError(path)
        target[last] = value


def _evaluate_horizon(partnership: Partnership, horizon: Horizon) -> Evaluation:
    base = partnership.model_dump(mode="json", exclude={"horizon"}, exclude_none=True)
    cls = type(partnership)
    parts = []
    moved_fleksjob = moved_ordinary = Fraction(0)
    progression = horizon.progression
    for index in range(horizon.years):
        data = _grown(
            base, (1 + canonical(horizon.wage_growth)) ** index, (1 + canonical(horizon.price_growth)) ** index
        )
        for change in horizon.changes:
            if horizon.applies(change, index):
                for path, value in change.set.items():
                    _set_path(data, path, value)
        year = cls.model_validate(data)
        label = horizon.label(index)
        cohorts: tuple[public.Cohort, ...] = ()
        if progression is not None:
            wage = hours = None
            if progression.fleksjob_wage is not None and progression.fleksjob_hours is not None:
                wage = canonical(progression.fleksjob_wage) * (1 + canonical(horizon.wage_growth)) ** index
                hours = canonical(progression.fleksjob_hours)
            cohorts = (
                public.Cohort("former participants in fleksjob", moved_fleksjob, wage, hours, "course participant"),
                public.Cohort("former participants in ordinary jobs", moved_ordinary, None, None, "course participant"),
            )
        part = _evaluate_plan(year, replace(year._plan(), label=label), label, index, cohorts)
        if progression is not None:
            participants = sum(p.headcount for p in part.placements if p.form == "course participant")
            rounds = 1 / canonical(progression.after)  # courses finished per place per year
            into_f = participants * rounds * canonical(progression.to_fleksjob)
            into_o = participants * rounds * canonical(progression.to_ordinary)
            left = participants * rounds * canonical(progression.leave)
            flow = (
                Figure(
                    "progression.in_fleksjob",
                    "former participants in fleksjob this year",
                    places(moved_fleksjob),
                    "people",
                    "moved in earlier years",
                ),
                Figure(
                    "progression.in_ordinary",
                    "former participants in ordinary jobs this year",
                    places(moved_ordinary),
                    "people",
                    "moved in earlier years",
                ),
                Figure(
                    "progression.into_fleksjob",
                    "participants moving into fleksjob",
                    places(into_f),
                    "people",
                    "participants × (1 year / course length) × to_fleksjob",
                ),
                Figure(
                    "progression.into_ordinary",
                    "participants moving into ordinary jobs",
                    places(into_o),
                    "people",
                    "participants × (1 year / course length) × to_ordinary",
                ),
                Figure(
                    "progression.left",
                    "participants leaving",
                    places(left),
                    "people",
                    "participants × (1 year / course length) × leave",
                ),
            )
            part = replace(part, figures=(*part.figures, *flow))
            moved_fleksjob += into_f
            moved_ordinary += into_o
        parts.append(part)
    span = parts[0].ledger.period if len(parts) == 1 else f"{parts[0].ledger.period}–{parts[-1].ledger.period}"
    return _combine(partnership, tuple(parts), span)


_LABELS: dict[tuple[Any, Any], str] = {}


def _period_label(period: Any) -> str:
    """``"1 year"``; cached, as pint takes ~10 µs to format a unit."""
    key = (period.magnitude, period._units)
    label = _LABELS.get(key)
    if label is None:
        if len(_LABELS) > 1024:  # a sweep over many periods must not grow this without bound
            _LABELS.clear()
        label = _LABELS[key] = f"{format_magnitude(period.magnitude)} {period.units}"
    return label


@in_context
def evaluate(partnership: Partnership) -> Evaluation:
    """Evaluate a validated partnership (see :func:`socialpartner.load`).

    Each flow is rounded once to øre (:data:`socialpartner.ROUNDING_RULE`); the cost
    split, break-even prices and figures are computed from those rounded amounts, so
    every figure printed adds up. With a ``horizon``, each year is evaluated in
    :attr:`Evaluation.breakdown` (inputs grown and changed as stated) and the total,
    present values and payback years are at the top.
    """
    if partnership.horizon is not None:
        return _evaluate_horizon(partnership, partnership.horizon)
    label = _period_label(partnership.period)
    plans = partnership._plans()
    if not partnership.MULTI_PERIOD:
        (plan,) = plans
        return _evaluate_plan(partnership, plan, label)
    parts = tuple(_evaluate_plan(partnership, plan, plan.label, i) for i, plan in enumerate(plans))
    span = plans[0].label if len(plans) == 1 else f"{plans[0].label}–{plans[-1].label}"
    return _combine(partnership, parts, span)
