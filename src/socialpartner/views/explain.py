"""Explanations of an evaluation: how each figure follows from the inputs and parameters."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NoReturn

from socialpartner._internal import explain as _ex
from socialpartner._internal import horizon as _horizon
from socialpartner._internal import paths
from socialpartner._internal.backend import Num, fraction, is_exact
from socialpartner._internal.explain import Explanation, Term
from socialpartner._internal.i18n import Lang, Period, Text, Translator, formula_text, key_of_danish_label
from socialpartner._internal.plan import places
from socialpartner._internal.units import canonical, exact_magnitude, format_decimal, parse_unit
from socialpartner.errors import ArgumentTypeError, ExplainError
from socialpartner.evaluation import never_below_zero
from socialpartner.money import as_used, percent_places, round_half_up
from socialpartner.public import FLEX_PARAMETERS, PAYERS, REFUSION_INPUTS

if TYPE_CHECKING:
    import pint

    from socialpartner._internal.plan import Flow
    from socialpartner.evaluation import BreakEven, Evaluation, Figure
    from socialpartner.models._base import Partnership
    from socialpartner.parameters import ParameterUse
    from socialpartner.public import Ladder, Payer

__all__ = ["explain", "explanation_text", "topics"]

_ZERO = _ex.ZERO
_RATIO_PLACES = _ex.RATIO_PLACES


def topics(ev: Evaluation) -> tuple[str, ...]:
    """Everything :meth:`explain` can explain."""
    base = ["coverage", "surplus", "shortfall", "cost", "funding", *ev.cost_split.funding]
    if ev.public is not None or any(part.public is not None for part in ev.breakdown):
        base += [f"public.{payer}" for payer in PAYERS]
    if ev._plan is not None:
        base += [f.key for f in ev._plan.flows] + [b.input_path for b in ev.break_even]
    base += [f.key for f in ev.figures]
    for g in _compared(ev):  # the benefits otherwise paid, and their refusion
        base += [f"public.counterfactual.{g.group}", f"public.counterfactual_refusion.{g.group}"]
    # the names results() uses for the same results
    base += [f"net.{party}" for party in ev.ledger.parties]
    base += [*_JOBS, *(f"break_even.{b.input_path}" for b in ev.break_even)]
    views = [ev.public] if ev.public is not None else [part.public for part in ev.breakdown if part.public is not None]
    if views and views[0] is not None and views[0].taxed:
        base += [f"public.{payer}.before_tax" for payer in PAYERS]
    for part in ev.breakdown:
        base += [f"{part.ledger.period}:{t}" for t in topics(part)]
    return tuple(dict.fromkeys(base))


def explain(ev: Evaluation, topic: str) -> Explanation:
    """How a figure was computed: the formula, the terms, the inputs and parameters used.

    ``topic`` is ``coverage``, ``surplus``, ``shortfall``, ``cost``, ``funding``, a
    funding source, a transfer's key (e.g. ``overhead``), a break-even input path
    (e.g. ``courses.price``), a figure's key, or for a multi-period model
    ``PERIOD:topic`` or ``PERIOD.topic`` (e.g. ``2027:coverage``, or ``2027.coverage`` as
    ``socialpartner test`` and the sweep columns name it). The names
    :meth:`~socialpartner.evaluation.Evaluation.results` uses are topics too:
    ``break_even.INPUT`` (the break-even input), ``net.PARTY``, ``jobs``, ``fte`` and
    ``public.PAYER.before_tax``. Where a figure and a transfer share a key (the
    labour-shortage model's ``helper_hours``: hours bought, and their payment), the
    topic is the figure, as in ``results()``; the payment is explained by its figure
    (``helper_cost``).

    Raises:
        ArgumentTypeError: ``topic`` is not a string (a ``TypeError``).
        ExplainError: an unknown topic (a ``KeyError``); the message lists the close
            matches and the known topics.

    """
    if not isinstance(topic, str):
        raise ArgumentTypeError(
            f"topic: expected a topic's name as a str, e.g. 'coverage' (see evaluation.topics()); "
            f"got {'None' if topic is None else type(topic).__name__}"
        )
    head, dot, after = topic.partition(".")
    if dot and ":" not in topic and any(part.ledger.period == head for part in ev.breakdown):
        topic = f"{head}:{after}"
    head, _, rest = topic.partition(":")
    if rest:
        for part in ev.breakdown:
            if part.ledger.period == head:
                try:
                    return explain(part, rest)
                except ExplainError:
                    _unknown(ev, topic)
    if topic.startswith("break_even.") and any(
        b.input_path == topic.removeprefix("break_even.") for b in ev.break_even
    ):
        topic = topic.removeprefix("break_even.")  # as results() names it
    if topic.startswith("net.") and topic.removeprefix("net.") in ev.ledger.parties:
        return _explain_net(ev, topic.removeprefix("net."))
    if topic in _JOBS:
        return _explain_jobs(ev, topic)
    for who in PAYERS:
        if topic == f"public.{who}.before_tax" and (explained := _explain_before_tax(ev, who)) is not None:
            return explained
    inputs = _inputs(ev)
    split = ev.cost_split
    if topic in {"coverage", "surplus", "shortfall", "cost", "funding"}:
        return _explain_split(ev, topic, inputs)
    for who in PAYERS:
        if topic == f"public.{who}" and (explained := _explain_public(ev, who)) is not None:
            return explained
    for g in _compared(ev):
        if topic == f"public.counterfactual.{g.group}":
            return _explain_counterfactual(ev, g, inputs)
        if topic == f"public.counterfactual_refusion.{g.group}":
            return _explain_counterfactual_refusion(ev, g)
    if topic in split.funding:
        return Explanation(topic, _ex.money(split.funding[topic]), "sum of its flows", _source_terms(ev, topic, inputs))
    flows = {} if ev._plan is None else {f.key: f for f in ev._plan.flows}
    if topic in flows and not any(f.key == topic for f in ev.figures):  # a figure's key names the figure
        flow = flows[topic]
        flow = _with_rate(flow, ev._ladder, flows)
        term = _ex.flow_term(flow, ev._settled[topic], inputs)
        payer, payee = (ev.parties.get(role, role) for role in (flow.payer, flow.payee))
        return Explanation(
            f"{flow.purpose} ({payer} → {payee})",
            term.value,
            flow.formula + ", rounded to øre",
            (term, *_supplement_terms(ev, topic)),
        )
    for b in ev.break_even:
        if topic in {b.input_path, f"break_even:{b.input_path}"}:
            return _explain_break_even(ev, b, inputs)
    for f in ev.figures:
        if f.key == topic and topic.startswith("npv.") and ev.breakdown:
            return _explain_npv(ev, topic.removeprefix("npv."), f.label, f.note)
        if f.key == topic and topic.startswith("payback.") and ev.breakdown:
            name = topic.removeprefix("payback.")
            note = NOT_NEEDED if name in never_below_zero(ev) else f.note
            return _explain_payback(ev, name, f.label, note, f.value)
        if f.key == topic == "company_break_even_price" and (found := _explain_company_price(ev, f, inputs)):
            return found
        if f.key == topic == "stand_alone_year" and ev.breakdown:
            return _explain_stand_alone(ev, f)
        if f.key == topic and topic.startswith("total.") and ev.breakdown:
            return _explain_total(ev, f)
        if f.key == topic:
            value = _figure_value(f)
            used = tuple(dict.fromkeys((p, _ex.lookup(inputs, p)) for p in f.inputs))  # each input once
            # a figure computed from others shows them, each with its own formula and inputs
            parts = _part_terms(ev, f.key, inputs)
            return Explanation(
                f.label,
                value,
                f.note or "see the model's documentation",
                parts or ((Term(f.label, value, f.note, used),) if used else ()),
            )
    _unknown(ev, topic)


def _explain_stand_alone(ev: Evaluation, f: Figure) -> Explanation:
    """The first year a spin-off stands on its own: each year's check, with why it is met or not."""
    terms = []
    for part in ev.breakdown:
        for check in part.checks:
            if check.criterion == "stands on its own":
                status = Text("ui.met") if check.status == "met" else Text("ui.not_met")
                terms.append(Term(f"{part.ledger.period}: {check.criterion}", status, check.reason))
    return Explanation(f.label, _figure_value(f), f.note or "", tuple(terms))


def _figure_value(f: Figure) -> str:
    """A figure's value as an explanation shows it: money grouped to øre (``862,000.00 DKK``)."""
    if f.value is None:
        return "—"
    if f.unit in {"year", "ratio"}:  # a calendar year (2029), a ratio (0.8023): the number says it
        return f"{f.value}"
    return _ex.money(f.value) if f.unit == "DKK" else f"{f.value} {f.unit}".strip()


def _explain_total(ev: Evaluation, f: Figure) -> Explanation:
    """A sum over the years (``total.company_saving``, ``total.public.state``): each year's amount, added up."""
    base = f.key.removeprefix("total.")
    yearly = [(part.ledger.period, part.results().get(base)) for part in ev.breakdown]
    # each year's amount under the words the year's own output gives it (the figure's label, a payer's net effect)
    label = next((g.label for g in ev.breakdown[0].figures if g.key == base), None)
    if label is None:
        label = Text("cli.public_of", payer=Text(f"ui.{base.removeprefix('public.')}"))
    terms = tuple(
        Term(Text("msg.in_year", year=Period(period), text=label), _ex.money(value))
        for period, value in yearly
        if value is not None
    )
    added = " + ".join(_ex.money(value).removesuffix(" DKK") for _, value in yearly if value is not None)
    return Explanation(f.label, _figure_value(f), f"{f.note} = {added}", terms)


def _part_terms(ev: Evaluation, key: str, inputs: Mapping[str, str]) -> tuple[Term, ...]:
    """The figures and flows a figure is computed from (its model's :meth:`figure_parts`), as terms."""
    figures = {g.key: g for g in ev.figures}
    flows = {} if ev._plan is None else {flow.key: flow for flow in ev._plan.flows}
    terms = []
    for part in ev.partnership.figure_parts(key, flows):
        if part in figures:
            g = figures[part]
            used = tuple(dict.fromkeys((p, _ex.lookup(inputs, p)) for p in g.inputs))
            terms.append(Term(g.label, _figure_value(g), g.note, used))
        else:  # a flow, or every flow of a kind (support_staff.*: one per post)
            keys = [k for k in flows if k.startswith(part[:-1])] if part.endswith(".*") else [part] * (part in flows)
            terms += (_ex.flow_term(flows[k], ev._settled[k], inputs) for k in keys)
    return tuple(terms)


def _unknown(ev: Evaluation, topic: str) -> NoReturn:
    """Raise :class:`ExplainError` for ``topic``, with the close matches and the known topics."""
    known = ev.topics()
    danish = key_of_danish_label(topic, known)
    close = (danish,) if danish is not None else tuple(difflib.get_close_matches(topic, known, n=3, cutoff=0.6))
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    if danish is not None:  # the Danish output's word for it (review 62 M6)
        hint = f"{hint[:-1]} ({topic} in the Danish output)?"
    # the total's topics, and how a year's are named: all of them would bury the hint (a 40-year horizon has thousands)
    total = [k for k in known if ":" not in k]
    years = len(known) - len(total)
    more = (
        f"; and each year's as YEAR:TOPIC (e.g. {known[-1]}): {len(known):,} in all, listed by topics() "
        "(on the command line: --explain topics)"
        if years
        else ""
    )
    raise ExplainError(topic, f"nothing to explain as {topic!r}{hint or ';'} topics: {', '.join(total)}{more}", close)


def _explain_net(ev: Evaluation, party: str) -> Explanation:
    """A party's net in the ledger: what it receives − what it pays, transfer by transfer."""
    received = sum((t.amount for t in ev.ledger if t.payee == party), _ZERO)
    paid = sum((t.amount for t in ev.ledger if t.payer == party), _ZERO)
    terms = tuple(
        Term(
            f"{'' if t.payee == party else '− '}{t.purpose} "
            f"({ev.parties.get(t.payer, t.payer)} → {ev.parties.get(t.payee, t.payee)})",
            _ex.money(t.amount),
        )
        for t in ev.ledger
        if party in (t.payer, t.payee) and t.payer != t.payee
    )
    return Explanation(
        f"net: {ev.parties.get(party, party)}",
        _ex.money(received - paid),
        f"receives − pays = {_ex.money(received)} − {_ex.money(paid)}",
        terms,
    )


def _explain_jobs(ev: Evaluation, topic: str) -> Explanation:
    """The jobs (headcount) or their FTE; over several years, the last year's, with each year's shown."""
    if ev.breakdown:
        last = ev.breakdown[-1]
        year = last.ledger.period
        label = _JOBS_LABELS[topic]
        terms = tuple(Term(f"{part.ledger.period}: {label}", _jobs_value(part, topic)) for part in ev.breakdown)
        return Explanation(
            f"{label} in {year}",
            _jobs_value(last, topic),
            f"the last year's ({year}); not a sum over the years: each year's people are counted in that year",
            terms,
        )
    inclusive = topic.startswith("inclusive_")
    heads = topic.endswith("jobs")
    terms = tuple(
        Term(
            f"{job.form} ({ev.parties.get(job.workplace, job.workplace)})",
            f"{job.headcount}" if heads else f"{job.fte} FTE",
            "" if heads or job.hours_per_week is None else f"{job.hours_per_week} / 37",
        )
        for job in ev.jobs
        if job.inclusive or not inclusive
    )
    lines = "the inclusive job lines (all but ordinary posts)" if inclusive else "the job lines"
    formula = (
        f"Σ headcount of {lines}"
        if heads
        else f"Σ headcount × paid hours a week of {lines} / 37, rounded once to 2 places"
    )
    # a year of a horizon or a spin-off says which
    of_a_year = ev.partnership.horizon is not None or ev.partnership.MULTI_PERIOD
    title = _JOBS_LABELS[topic] + (f" in {ev.ledger.period}" if of_a_year else "")
    return Explanation(title, _jobs_value(ev, topic), formula, terms)


# the jobs and their FTE, all and inclusive only (results() names them so), and their labels
_JOBS_LABELS = {"jobs": "jobs", "fte": "FTE", "inclusive_jobs": "inclusive jobs", "inclusive_fte": "inclusive FTE"}
_JOBS = tuple(_JOBS_LABELS)


def _jobs_value(ev: Evaluation, topic: str) -> str:
    """A year's jobs (``3``) or FTE (``1.22 FTE``) as text, of all job lines or the inclusive ones."""
    if topic == "jobs":
        return f"{sum(job.headcount for job in ev.jobs)}"
    if topic == "inclusive_jobs":
        return f"{sum(job.headcount for job in ev.jobs if job.inclusive)}"
    return f"{ev.inclusive_fte if topic == 'inclusive_fte' else ev.fte} FTE"


def _explain_before_tax(ev: Evaluation, payer: Payer) -> Explanation | None:
    """A public payer's net effect before tax: otherwise − with, over its budget lines without the tax lines."""
    who = ev.parties.get("municipality", "the municipality") if payer == "municipality" else "the state"
    if ev.public is not None:
        if not ev.public.taxed:
            return None
        terms = tuple(
            Term(line.item, _ex.money(line.counterfactual - line.actual))
            for line in ev.public.lines
            if line.payer == payer and not line.tax
        )
        return Explanation(
            f"net effect before tax: {who}",
            _ex.money(ev.public.net_effect_before_tax(payer)),
            "otherwise − with, without the tax lines",
            terms,
        )
    views = [(part.ledger.period, part.public) for part in ev.breakdown if part.public is not None]
    if not views or not views[0][1].taxed:
        return None
    terms = tuple(
        Term(f"{period}: net effect before tax", _ex.money(v.net_effect_before_tax(payer))) for period, v in views
    )
    total = sum((v.net_effect_before_tax(payer) for _, v in views), _ZERO)
    return Explanation(
        f"net effect before tax: {who}", _ex.money(total), "sum of the yearly net effects, undiscounted", terms
    )


def _explain_company_price(ev: Evaluation, f: Figure, inputs: Mapping[str, str]) -> Explanation | None:
    """The in-house company's highest price per effective hour: its amounts and the division.

    The price at which the company's cost with the SØV equals its cost doing it itself:
    (total cost before − what the company still pays besides the SØV's service) /
    effective hours, rounded down to the øre once, so that the company still saves at it (and no
    lower than zero). None where the
    evaluation has no such figures (then the figure is explained as any other).
    """
    figures = {g.key: g for g in ev.figures}
    amounts = {
        key: figures[key].value if key in figures else None
        for key in ("company_cost_before", "company_cost_after", "after_errors", "after_supervision")
    }
    spec = None if ev._plan is None else next((b for b in ev._plan.break_even if b.input_path == "price"), None)
    before, after, errors, supervision = amounts.values()
    if ev._plan is None or spec is None or before is None or after is None or errors is None or supervision is None:
        return None
    other = errors + supervision
    hours = places(fraction(spec.volume))
    flows = {flow.key: flow for flow in ev._plan.flows}
    hour_inputs = tuple(p for p in flows[spec.flow].inputs if p != spec.input_path) if spec.flow in flows else ()

    def term(key: str) -> Term:
        g = figures[key]
        amount = _ex.money(g.value) if g.value is not None else "—"
        return Term(g.label, amount, g.note, tuple((p, _ex.lookup(inputs, p)) for p in g.inputs))

    floored = before - other < 0
    return Explanation(
        f.label,
        "—" if f.value is None else f"{f.value} {f.unit}",
        # the note says how it is rounded; the amounts come before that
        f"{str(f.note).removesuffix(', rounded down to the øre')} = ({_ex.money(before)} − {_ex.money(other)})"
        f" / {hours}, rounded down to the øre" + (", floored at zero" if floored else ""),
        (
            term("company_cost_before"),
            term("company_cost_after"),
            Term(
                "total cost after without the SØV service",
                _ex.money(other),
                "total cost after − SØV service = errors + supervision = "
                f"{_ex.money(errors)} + {_ex.money(supervision)}",
            ),
            Term(
                "effective hours of the workforce",
                f"{hours} (hours over the period)",
                "",
                tuple((p, _ex.lookup(inputs, p)) for p in hour_inputs),
            ),
        ),
    )


NOT_NEEDED = "never below zero: no payback needed"
"""The payback of a series whose discounted running sum never goes below zero, in words."""


def _supplement_terms(ev: Evaluation, topic: str) -> tuple[Term, ...]:
    """A fleksløntilskud flow's monthly supplement step by step: L, the full-time wage, the lønloft.

    From these the flow is recomputed by hand: the monthly supplement × 12 × period × headcount.
    """
    head, _, index = topic.rpartition(".")
    if head != "public.fleksloentilskud" or ev._ladder is None or ev._plan is None or not index.isdigit():
        return ()
    parts = ev._ladder.supplement(ev._plan.placements[int(index)])
    if parts is None:
        return ()
    # the hourly wage as money (142.80, not 142.8), the hours as the number they are
    hourly = _exact_money(fraction(parts.hourly_wage)).removesuffix(" DKK")
    hours = _decimal_text(fraction(parts.hours_per_year))
    if not hours.startswith("≈"):  # grouped as every amount is (1,040 hours; 1.040 in Danish)
        hours = f"{Decimal(hours):,}"
    wage, full, before, room, monthly = (
        _month(x) for x in (parts.wage, parts.full_time, parts.before, parts.room, parts.monthly)
    )
    g, t = _month(parts.g), _month(parts.t)
    low, high = (_decimal_text(fraction(x) * 100) + " %" for x in (parts.low, parts.high))
    below, above = _month(min(parts.wage, parts.t)), _month(max(parts.wage - parts.t, 0))
    binds = parts.room < parts.before
    return (
        Term(
            "L: wage incl. pension a month",
            wage,
            f"hourly wage × hours a year per worker / 12 = {hourly} × {hours} / 12",
        ),
        Term(
            "full-time wage for the same job a month",
            full,
            # the full-time week as read (norm.full_time: 37, or a scenario's own)
            f"hourly wage × full-time hours a week × 52 / 12 = {hourly} × "
            f"{_decimal_text(fraction(parts.full_time_week))} × 52 / 12",
        ),
        Term(
            "fleksløntilskud before the lønloft a month",
            before,
            f"max(0, G − {low}·min(L,T) − {high}·max(0,L−T)) = {g} − {low} × {below} − {high} × {above}; T = {t}",
        ),
        Term(
            "lønloft: room under the full-time wage a month",
            room,
            f"full-time wage − L = {full} − {wage}: wage plus supplement may not exceed the full-time wage",
        ),
        Term(
            "fleksløntilskud a month per worker",
            monthly,
            (
                "min(before the lønloft, room): the lønloft binds"
                if binds
                else "min(before the lønloft, room): the lønloft does not bind"
            )
            + " (× 12 × period × headcount = the flow)",
        ),
    )


def _month(x: Num) -> str:
    """An exact amount a month as money (``22,895.60 DKK/month``; ``≈`` when rounded to 6 places).

    Grouped and to øre at least, as every amount is shown (22895.6 DKK / month read as a
    number of another kind, and in Danish it stood ungrouped beside grouped amounts).
    """
    return f"{_exact_money(fraction(x))}/month"


def _explain_npv(ev: Evaluation, name: str, label: str, note: str) -> Explanation:
    """A present value year by year: each year's net, its discount factor and the discounted amount.

    The factors are those the evaluation used (:func:`~socialpartner._internal.horizon.discount_factors`),
    shown as the expression they are and as a decimal; the discount-rate parameters read are
    listed with their sources. The sum of the exact discounted amounts is rounded once to øre.
    """
    horizon = ev.partnership.horizon
    use, rates, growth, nominal = _discounting(ev)
    factors = [fraction(f) for f in _horizon.discount_factors(len(ev.breakdown), use, horizon)]
    inputs: tuple[tuple[str, str], ...]
    if nominal:
        inputs = (
            ("horizon.nominal_discount_rate", _decimal_text(rates["horizon.nominal_discount_rate"] * 100) + " %"),
        )
    else:
        inputs = tuple((v.name, f"{v.value} ({v.year}, {v.tag})") for v in use)  # as other parameters are shown
    if horizon is not None and not nominal:
        inputs += (("horizon.price_growth", _decimal_text(growth * 100) + " %"),)
    example = _factor_text(1, rates, growth, nominal).replace("^1", "^t")
    terms = [Term("discount factor of year t (t = 0 for the first year)", example, "", inputs)]
    total = Fraction(0)
    for t, (part, factor) in enumerate(zip(ev.breakdown, factors, strict=True)):
        net = _net(part, name)
        total += Fraction(net) * factor
        terms.append(
            Term(
                f"{part.ledger.period}: discounted net",
                _exact_money(Fraction(net) * factor),
                f"net × factor = {_ex.money(net)} × {_factor_text(t, rates, growth, nominal)} "
                f"(factor {_decimal_text(factor)})",
            )
        )
    used = () if nominal else tuple((v.name, f"{v.value} ({v.year}, {v.tag})", v.source) for v in use)
    return Explanation(
        label,
        _ex.money(round_half_up(total, 2)),
        f"{note}, the sum of the discounted amounts rounded once to øre",
        tuple(terms),
        (*_ex.PARAMETERS, *used),
    )


def _explain_payback(ev: Evaluation, name: str, label: str, note: str, value: Decimal | None) -> Explanation:
    """A payback year year by year: each year's discounted net, as the present value shows it, and the running sum.

    The payback year is the first year the exact running sum is back at or above zero after
    being below it (a later dip below zero restarts the count), as the evaluation finds it.
    """
    npv = _explain_npv(ev, name, label, note)  # the factors and each year's discounted net
    factors = [
        fraction(f) for f in _horizon.discount_factors(len(ev.breakdown), _discounting(ev)[0], ev.partnership.horizon)
    ]
    terms = [npv.terms[0]]
    running = Fraction(0)
    below = False
    for part, factor, term in zip(ev.breakdown, factors, npv.terms[1:], strict=True):
        period = part.ledger.period
        before, running = running, running + Fraction(_net(part, name)) * factor
        state = "below zero" if running < 0 else ("back at or above zero" if below else "at or above zero")
        below = running < 0
        terms.append(term)
        terms.append(
            Term(
                f"{period}: running sum",
                _exact_money(running),
                f"running sum before + discounted net = {_exact_money(before).removesuffix(' DKK')} + "
                f"{term.value.removesuffix(' DKK')}"
                f" ({state})",
            )
        )
    return Explanation(
        label,
        "—" if value is None else f"{value}",
        f"{note}{'; ' if note == NOT_NEEDED else ': '}the running sum of the discounted "
        f"{'gains against the alternative' if name == ev.partnership.COMPANY_GAIN else 'nets'}, year by year",
        tuple(terms),
        npv.parameters,
    )


def _net(part: Evaluation, name: str) -> Decimal:
    """A year's net of a party or public payer (``public.municipality``), as the present values take it."""
    if name.startswith("public."):
        return Decimal(0) if part.public is None else part.public.net_effect(name.removeprefix("public."))  # type: ignore[arg-type]
    if name in part.ledger.parties:
        return part.ledger.net(name)
    # a figure discounted as the nets are (the company's gain against its alternative)
    found = next((f.value for f in part.figures if f.key == name and f.unit == "DKK"), None)
    return Decimal(0) if found is None else found


def _discounting(ev: Evaluation) -> tuple[ParameterUse, dict[str, Fraction], Fraction, bool]:
    """How an evaluation's present values are discounted.

    The parameters read, the rates by name (``discount_rate.*``, or
    ``horizon.nominal_discount_rate``), the price growth deflated by, and whether the rate
    is nominal.
    """
    from socialpartner._internal.engine import parameter_year
    from socialpartner.parameters import ParameterUse

    partnership, horizon = ev.partnership, ev.partnership.horizon
    use = ParameterUse(partnership.parameter_set(), parameter_year(partnership, 0))
    nominal = None if horizon is None else horizon.nominal_discount_rate
    if nominal is not None:
        return use, {"horizon.nominal_discount_rate": fraction(canonical(nominal))}, Fraction(0), True
    _horizon.discount_factors(1, use, horizon)  # reads the rates, as the evaluation did
    growth = Fraction(0) if horizon is None else fraction(canonical(horizon.price_growth))
    return use, {v.name: fraction(use(v.name)) for v in use}, growth, False


def discount_factor_texts(ev: Evaluation) -> list[str]:
    """Each year's discount factor of a multi-year evaluation as an expression (``1 / (1.0350^2 × 1.02^2)``)."""
    _, rates, growth, nominal = _discounting(ev)
    return [_factor_text(t, rates, growth, nominal) for t in range(len(ev.breakdown))]


def _factor_text(t: int, rates: Mapping[str, Fraction], growth: Fraction, nominal: bool) -> str:
    """A year's discount factor as the expression it is: ``1 / (1.035^2 × 1.02^2)``, ``1`` in year 0."""
    if t == 0:
        return "1"
    if nominal:
        return f"1 / {_decimal_text(1 + next(iter(rates.values())))}^{t}"
    early = _decimal_text(1 + rates.get("discount_rate.years_0_35", Fraction(0)))
    powers = [f"{early}^{min(t, 35)}"]
    if t > 35:
        powers.append(f"{_decimal_text(1 + rates.get('discount_rate.years_36_70', Fraction(0)))}^{t - 35}")
    if growth:
        powers.append(f"{_decimal_text(1 + growth)}^{t}")
    return f"1 / ({' × '.join(powers)})" if len(powers) > 1 else f"1 / {powers[0]}"


def _compared(ev: Evaluation) -> tuple[Any, ...]:
    """The groups of a period with a stated counterfactual benefit (none for a total over years)."""
    return tuple(g for g in ev._groups if g.benefit is not None)


def _line_amount(ev: Evaluation, item: str, payer: str) -> Decimal:
    """What ``payer`` pays otherwise on the public view's line ``item`` (DKK)."""
    assert ev.public is not None  # noqa: S101 - only a period with a public view has groups
    return next(line.counterfactual for line in ev.public.lines if line.item == item and line.payer == payer)


def _explain_counterfactual(ev: Evaluation, g: Any, inputs: Mapping[str, str]) -> Explanation:
    """A group's benefit otherwise: the monthly benefit × 12 months × the period × the people."""
    value = _line_amount(ev, f"counterfactual benefit: {g.group}", "municipality")
    # a benefit per week or indexed by a percentage has more decimals than øre: shown with the decimals
    # the amount uses (as the view's statement gives it), "≈" past 4, so that × 12 × people gives the amount
    shown, exact = as_used(fraction(g.monthly))
    monthly = ("" if exact else "≈ ") + f"{shown:,f} DKK"  # its own places (2 to 4)
    given = _benefit_input(g)
    people = places(g.people)
    term = Term(
        f"counterfactual benefit: {g.group}",
        _ex.money(value),
        f"{monthly} × 12 months × period × {people} people",
        ((given, _ex.lookup(inputs, given)), ("period", _ex.lookup(inputs, "period"))),
    )
    return Explanation(
        f"counterfactual benefit: {g.group}",
        _ex.money(value),
        "benefit per month × 12 months × period (years) × people, rounded to øre",
        (term,),
    )


def _benefit_input(g: Any) -> str:
    """A group's counterfactual benefit as the year reads it: its parameter (year and tag), or the amount stated."""
    return g.benefit.parameter if g.benefit.parameter is not None else f"public.counterfactual.{g.group}.amount"


def _explain_counterfactual_refusion(ev: Evaluation, g: Any) -> Explanation:
    """The state's refusion of a group's benefit otherwise: the group's ladder rate × the benefit."""
    refunded = _line_amount(ev, f"counterfactual refusion: {g.group}", "state")
    benefit = _line_amount(ev, f"counterfactual benefit: {g.group}", "municipality")
    ladder = ev._ladder
    rate = fraction(g.rate)  # the rate the engine refunded it at
    if ladder is not None and rate == fraction(ladder.rate(g.group)):
        described = ladder.describe(g.group)
    else:  # former course participants in the group are refunded at their own rate: the rate is the mix
        described = f"{round_half_up(rate * 100, 2)} %, the group's and former participants' rates by headcount"
    # the rate applies to the exact benefit (each amount is rounded once): given where it differs from the one shown
    base = _exact_base(fraction(g.exact)) or _ex.money(benefit)
    formula = f"refusion rate ({g.group}: {described}) × counterfactual benefit {base}, rounded to øre"
    return Explanation(
        f"counterfactual refusion: {g.group}",
        _ex.money(refunded),
        formula,
        (Term(f"counterfactual refusion: {g.group}", _ex.money(refunded), formula),),
    )


def _with_rate(flow: Flow, ladder: Ladder | None, flows: Mapping[str, Flow]) -> Flow:
    """A refusion flow with its group's rate in words in the formula (and the places' mix for course participants).

    The rate applies to the refunded payment's exact amount, which the ledger shows rounded: where
    they differ, the exact one is given, so the refusion can be recomputed from the explanation.
    """
    group = None if ladder is None else ladder.refunds.get(flow.key)
    if ladder is None or group is None:
        return flow
    described = ladder.describe(group)
    formula = flow.formula.replace(f"({group})", f"({group}: {described})", 1) if described else flow.formula
    base = flows.get("public." + flow.key.removeprefix("public.refusion."))
    if base is not None and is_exact(base.amount):
        # the amount refunded, so that the refusion is recomputed from the explanation alone (review 53 F8)
        formula += " " + (_exact_base(fraction(base.amount)) or f"({_exact_money(fraction(base.amount))})")
    return flow._replace(formula=formula)


def _exact_base(amount: Fraction) -> str | None:
    """A refusion's base before rounding, ``(445,529.71968 DKK before rounding)``; None where it is whole øre.

    A refusion is the rate times the exact payment, rounded once: where the payment shown is
    rounded, the explanation gives the exact one, so the refusion can be recomputed from it.
    """
    return None if (amount * 100).denominator == 1 else f"({_exact_money(amount)} before rounding)"


def _explain_public(ev: Evaluation, payer: Payer) -> Explanation | None:
    """A public payer's net effect: otherwise − with, over its budget lines (or its years)."""
    who = ev.parties.get("municipality", "the municipality") if payer == "municipality" else "the state"
    if ev.public is not None:
        view = ev.public
        inputs = _inputs(ev)
        lines = [line for line in view.lines if line.payer == payer]
        # the n-th line of an item is its n-th flow: two fleksjob lines are two "fleksløntilskud" (review 53 F2)
        nth = [sum(other.item == line.item for other in lines[:i]) for i, line in enumerate(lines)]
        terms = tuple(
            Term(
                line.item,
                _ex.money(line.counterfactual - line.actual),
                _line_formula(ev, line),
                tuple((path, _ex.lookup(inputs, path)) for path in _line_inputs(ev, line.item, line.tax, n)),
            )
            for line, n in zip(lines, nth, strict=True)
        )
        # a negative amount subtracted in brackets (review 56 F8)
        formula = f"otherwise − with = {_ex.money(view.without(payer))} − {_ex.subtracted(view.actual(payer))}"
        return Explanation(f"net effect: {who}", _ex.money(view.net_effect(payer)), formula, terms)
    views = [(part.ledger.period, part.public) for part in ev.breakdown if part.public is not None]
    if not views:
        return None
    terms = tuple(Term(f"{period}: net effect", _ex.money(v.net_effect(payer))) for period, v in views)
    total = sum((v.net_effect(payer) for _, v in views), _ZERO)
    return Explanation(f"net effect: {who}", _ex.money(total), "sum of the yearly net effects, undiscounted", terms)


def _line_formula(ev: Evaluation, line: Any) -> str:
    """``otherwise − with`` of a public line; a tax line adds the income it is levied on, on each side.

    ``… ; each side −rate × the taxable income: with 2,311,941.70 DKK = wages 1,362,628.80 DKK
    − AM-bidrag 109,010.30 DKK + fleksløntilskud 1,058,323.20 DKK; otherwise …``: the tax is
    recomputed from the explanation alone (review 56 F5).
    """
    formula = f"otherwise {_ex.money(line.counterfactual)} − with {_ex.subtracted(line.actual)}"
    base = ev._taxes.get(line.item) if line.tax else None
    if base is None:
        return formula
    rate = _TAX_INPUTS[line.item][0]

    def side(i: int) -> str:
        # the parts that are there on this side (no wages otherwise, no benefit with a job)
        parts = [("+", "wages", base.wages[i]), ("−", "AM-bidrag", 0 if base.am is None else base.am[i])]
        parts += [("+", item, amounts[i]) for item, *amounts in base.incomes]
        shown = " ".join(f"{sign} {what} {_ex.money(amount)}" for sign, what, amount in parts if amount)
        total = _ex.money(base.total(i))
        return f"{total} = {shown.removeprefix('+ ')}" if shown else total

    return f"{formula}; each side −{rate} × the taxable income: with {side(0)}; otherwise {side(1)}"


_PROGRESSION_INPUTS = {
    "fleksløntilskud": (
        "horizon.progression.to_fleksjob",
        "horizon.progression.comparison.to_fleksjob",
        "horizon.progression.fleksjob_wage",
        "horizon.progression.fleksjob_hours",
        *FLEX_PARAMETERS,
    ),
    "benefit": ("horizon.progression.leave", "horizon.progression.comparison.leave"),
    "state refusion": ("refusion.after_52_weeks",),  # former participants are past week 52 of the ladder
}
_TAX_INPUTS = {
    "tax: AM-bidrag on wages": ("tax.am_bidrag",),
    "tax: municipal income tax": ("tax.municipal_average",),
    "tax: state bottom-bracket tax": ("tax.bundskat",),
}


def _line_inputs(ev: Evaluation, item: str, tax: bool, nth: int = 0) -> tuple[str, ...]:
    """The inputs and parameters behind a line of the public view (its flow's, its group's benefit, …).

    ``nth``: the line is the ``nth`` of its item (a flow a placement line: the second line's own inputs).
    """
    flows = [
        flow
        for flow in (() if ev._plan is None else ev._plan.flows)
        if flow.purpose == item and (flow.payer == "municipality" or flow.payee == "municipality")
    ]
    if flows:
        return flows[min(nth, len(flows) - 1)].inputs
    kind, _, who = item.partition(": ")
    if tax:
        budget = ev.partnership.public
        stated = budget is not None and budget.tax is not None and budget.tax.taxable_share_of_wage_cost is not None
        # wages enter the tax base as the wage cost's taxable share: stated, else the parameter where it was read
        # (a fleksjob wage stated under public: needs neither)
        read = {v.name for v in ev.parameters}
        share = (
            ("public.tax.taxable_share_of_wage_cost",)
            if stated
            else ("fleksjob.wage_share_of_wage_cost",)
            if "fleksjob.wage_share_of_wage_cost" in read
            else ()
        )
        return (*_TAX_INPUTS.get(item, ()), *share)
    if kind == "counterfactual benefit":
        group = next((g for g in _compared(ev) if g.group == who), None)
        # the people on the group's lines: their headcounts (and hours: a job of no hours moves nobody)
        people = tuple(
            path
            for line in (() if ev._plan is None else ev._plan.placements)
            if line.form == who
            for path in line.inputs
            if not path.endswith(".wage_cost")
        )
        return () if group is None else (_benefit_input(group), *dict.fromkeys(people), "period")
    if kind == "counterfactual refusion":
        return REFUSION_INPUTS
    if who.startswith("former participants"):
        horizon = ev.partnership.horizon
        leave = None if horizon is None or horizon.progression is None else horizon.progression.leave_benefit
        named: tuple[str, ...] = ()
        if kind == "benefit" and leave is not None:  # the benefit as read: its parameter, or the amount stated
            named = (leave.parameter or "horizon.progression.leave_benefit.amount",)
        return (*_PROGRESSION_INPUTS.get(kind, ()), *named)
    return ()


def _scenario_inputs(ev: Evaluation) -> dict[str, str]:
    """The inputs behind an evaluation's figures, by path, as text.

    A year of a horizon was computed from that year's inputs: money inputs grown and
    changes in force. Those are shown, each saying how it differs from the stated value
    (``171.6660 DKK / hour (165 DKK / hour grown 2 % a year for 2 years)``,
    ``4 (set from 2027 by horizon.changes.0)``).
    """
    stated = dict(paths.flatten(ev.partnership.model_dump(mode="json")))
    horizon = ev.partnership.horizon
    year = None if horizon is None or ev.breakdown else _horizon.year_inputs(ev.partnership, ev.ledger.period)
    if horizon is None or year is None:
        return stated
    model, notes = year
    inputs = dict(paths.flatten(model.model_dump(mode="json")))
    # the year's model has no horizon of its own: its inputs (progression shares, wages) are as stated
    inputs.update((key, text) for key, text in stated.items() if key.startswith("horizon."))
    # a stated benefit amount, indexed as the file's rates: the amount used first, then the stated one and how
    # (review 48 F12: the stated 20,000 was shown where 20,440 was used); a change that set it is said inside
    indexed = {f"{path}.amount": index for path, index in ev._stated.items() if f"{path}.amount" in inputs}
    set_by: dict[str, str] = {}
    for path, note in notes.items():
        if note.kind == "grown":
            inputs[path] = _grown(model, path, note, stated.get(path, "?"))
            continue
        since = horizon.label(note.since - (1 if horizon.start_year is None else horizon.start_year))
        why = f" (set from {since} by horizon.changes.{note.change})"
        if note.years:  # a money input of a change's value, grown since the change's year
            was = f"{_quantity_text(note.stated)} set from {since} by horizon.changes.{note.change},"
            inputs[path] = _grown(model, path, note, was)
            continue
        for key in inputs:
            # a changed block: every input in it given (an alternative not taken stays null, left out)
            if (key == path or key.startswith(path + ".")) and inputs[key] != "null":
                if key in indexed:
                    set_by[key] = f" set from {since} by horizon.changes.{note.change}"
                else:
                    inputs[key] += why
    for key, (first, factor) in indexed.items():
        # the year's model has no horizon of its own: a horizon input is the scenario's
        amount = paths.get(ev.partnership if key.startswith("horizon.") else model, key)
        used = f"{_decimal_text(fraction(exact_magnitude(amount.magnitude)) * Fraction(factor))} {amount.units}"
        inputs[key] = (
            f"{used} ({inputs[key]}{set_by.get(key, '')}, "
            f"the {first} rate × {float(factor):.6f}, indexed by the satsreguleringsprocent)"
        )
    return inputs


def _quantity_text(q: pint.Quantity[Any]) -> str:
    """A quantity as the explanations write it: its exact magnitude in decimals, then its unit."""
    return f"{_decimal_text(fraction(exact_magnitude(q.magnitude)))} {q.units}"


def _grown(model: Partnership, path: str, note: _horizon.InputNote, was: str) -> str:
    """A grown input of a horizon's year: its value, then what it was and how it grew (``… grown 3 % a year``)."""
    rate = _decimal_text(fraction(canonical(note.rate)) * 100)
    years = "1 year" if note.years == 1 else f"{note.years} years"
    return f"{_quantity_text(paths.get(model, path))} ({was} grown {rate} % a year for {years})"


def _inputs(ev: Evaluation) -> dict[str, str]:
    """The scenario's inputs as in this period, and the parameters the period used.

    A formula names the parameters it reads (``fleksloentilskud.threshold``); each is shown
    with its value, its year and its tag (its public source is in the evaluation's list of
    parameters).
    """
    inputs = _scenario_inputs(ev)
    for v in ev.parameters:
        carried = f" → {v.for_year}" if v.for_year is not None else ""  # the value of one year used for another
        caveat = "; caveat in the parameters used" if v.caveat else ""  # e.g. a rate table not found
        inputs.setdefault(v.name, f"{v.value} ({v.year}{carried}, {v.tag}{caveat})")
    for name in ev.partnership.parameter_set().names():  # e.g. a band of the ladder no one is on
        inputs.setdefault(name, "(not read in this period)")
    return inputs


def _decimal_text(value: Fraction) -> str:
    """An exact value as decimal text, to at most 6 places (``≈`` when rounded)."""
    with localcontext() as ctx:
        ctx.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    exponent = exact.as_tuple().exponent
    shown = exact.quantize(Decimal("0.000001")) if isinstance(exponent, int) and exponent < -6 else exact
    return format_decimal(shown) if shown == exact else f"≈ {format_decimal(shown)}"


def _exact_money(value: Fraction) -> str:
    """An exact amount as money: grouped, to øre or to at most 6 places (``≈`` when rounded).

    The discounted amounts are exact fractions; their sum is rounded once to øre, so each is
    shown to 6 places rather than to øre (which would not add up to the total shown).
    """
    with localcontext() as ctx:
        ctx.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    exponent = exact.as_tuple().exponent
    assert isinstance(exponent, int)  # noqa: S101 - a finite quotient
    shown = exact.quantize(Decimal("0.000001")) if exponent < -6 else exact
    places = max(2, -min(0, shown.normalize().as_tuple().exponent))  # type: ignore[operator]
    if places == 3 and abs(shown) < 1000:
        # 159.135 in Danish, 159,135, reads as a thousands: a fourth place, as the inputs show it (159,1350)
        places = 4
    text = f"{shown:,.{places}f} DKK"
    return text if shown == exact else f"≈ {text}"


def _cost_terms(ev: Evaluation, inputs: Mapping[str, str]) -> tuple[Term, ...]:
    if ev._plan is None:
        return tuple(Term(f"{p.ledger.period}: support-staff cost", _ex.money(p.cost_split.cost)) for p in ev.breakdown)
    flows = {f.key: f for f in ev._plan.flows}
    return tuple(_ex.flow_term(flows[k], ev._settled[k], inputs) for k in ev._plan.cost_pool)


def _source_terms(ev: Evaluation, source: str, inputs: Mapping[str, str]) -> tuple[Term, ...]:
    if ev._plan is None:
        return tuple(
            Term(f"{p.ledger.period}: {source}", _ex.money(p.cost_split.funding.get(source, _ZERO)))
            for p in ev.breakdown
        )
    flows = {f.key: f for f in ev._plan.flows}
    keys = dict(ev._plan.funding)[source]
    return tuple(
        _ex.flow_term(flows[k], ev._settled[k], inputs, sign, f"{source}: {flows[k].purpose}") for k, sign in keys
    )


def _explain_split(ev: Evaluation, topic: str, inputs: Mapping[str, str]) -> Explanation:
    split = ev.cost_split
    cost = _ex.money(split.cost)
    funding = _ex.money(split.total_funding)
    cost_terms = (Term("support-staff cost", cost, "sum of the cost pool"), *_cost_terms(ev, inputs))
    funding_terms = (
        Term("total funding", funding, "sum of the funding sources"),
        *(t for source in split.funding for t in _source_terms(ev, source, inputs)),
    )
    terms = cost_terms + funding_terms
    if topic == "coverage":
        value = "— (no cost to cover)"
        if split.coverage is not None:  # the percentage as the tables show it, off 100 % beside it
            percent = round_half_up(split.coverage * 100, percent_places(split.coverage))
            value = f"{_ex.ratio(split.coverage)} ({percent} %)"
        return Explanation("coverage", value, f"total funding / support-staff cost = {funding} / {cost}", terms)
    if topic == "surplus":
        return Explanation(
            "surplus",
            _ex.money(split.surplus),
            f"total funding − support-staff cost = {funding} − {cost}",
            terms,
        )
    if topic == "shortfall":
        return Explanation(
            "shortfall",
            _ex.money(split.shortfall),
            f"max(0, support-staff cost − total funding) = max(0, {cost} − {funding})",
            terms,
        )
    if topic == "cost":
        return Explanation("support-staff cost", cost, "sum of the cost pool", cost_terms)
    return Explanation("total funding", funding, "sum of the funding sources", funding_terms)


def _explain_break_even(ev: Evaluation, b: BreakEven, inputs: Mapping[str, str]) -> Explanation:
    assert ev._plan is not None  # noqa: S101 - break-even exists only for single-period plans
    spec = next(s for s in ev._plan.break_even if s.input_path == b.input_path)
    flows = {f.key: f for f in ev._plan.flows}
    moving = ev._settled[spec.flow]
    others = ev.cost_split.total_funding - moving

    def price(x: Decimal | None) -> str:  # money grouped, as every amount is shown (1,456,400.00 DKK/year)
        return f"{x:,} {b.unit}" if b.unit.startswith("DKK") else f"{x} {b.unit}"

    value = "— (no volume)" if b.value is None else price(b.value)
    # the volume in the unit the price is written in: 36 course-months are 3 course-years
    written = parse_unit(b.unit).factor / parse_unit(b.canonical_unit).factor
    volume = fraction(spec.volume) * written
    # a percentage markup's base (the wage cost per hour) in the same unit
    base = None if spec.percent_of is None else places(fraction(spec.percent_of) * written)
    formula = (
        f"(support-staff cost − funding that does not move with this price) / volume = "
        # a negative funding subtracted in brackets: "− (-736,400.00 DKK)", not "− -736,400.00"
        f"({_ex.money(ev.cost_split.cost)} − {_ex.subtracted(others)})"
        f" / {places(volume)}"
        ", rounded to øre" + (", floored at zero" if b.already_covered else "")
    )
    return Explanation(
        f"break-even {b.label}",
        value,
        formula,
        (
            Term("current value", _ex.lookup(inputs, b.input_path)),
            _ex.flow_term(flows[spec.flow], moving, inputs, label="flow that moves with the price"),
            Term("volume", f"{places(volume)} ({b.unit.split('/')[-1]}s over the period)"),
            # a markup written in percent: the percentage the tables show beside the price (review 48 F6)
            *(
                (Term("as a percentage", f"{b.percent} % (the break-even rate / {price(base)})"),)
                if b.percent is not None
                else ()
            ),
            *(
                (Term("least øre price that covers", f"{price(b.covering)} (the rounded rate is just below it)"),)
                if b.covering != b.value
                else ()
            ),
            *(
                (Term("least percentage that covers", f"{b.covering_percent} % (the rounded one is just below it)"),)
                if b.covering_percent != b.percent
                else ()
            ),
        ),
    )


# an English amount (432,900.00 DKK) or number (0.922500), read in one pass so nothing is changed twice
_AMOUNT_EN = re.compile(r"(?<![\d,.])(-?\d{1,3}(?:,\d{3})*\.\d{2,6}) DKK(/\w+)?|(?<![\d,.])(-?\d+\.\d+)(?![\d]|[.,]\d)")
_STATED = re.compile(r"^-?\d+(\.\d+)? [A-Za-z]")
_PARAMETERS_DA = {
    "calendar": "1 år = 52 uger = 12 måneder; 1 årsværk = 37 timer/uge = 1.924 timer/år "
    "(beregningens kalender (data/units.txt), dens 37 timer overenskomsternes normale arbejdsuge "
    "(se norm.full_time); kildetype: erklæret regel)",
    "rounding": "hvert beløb afrundes én gang til 0,01 kr., halvt op, fra dets eksakte værdi "
    "(socialpartner.ROUNDING_RULE; kildetype: erklæret regel)",
}


def explanation_text(explanation: Explanation, lang: Lang = "en") -> str:
    """An explanation as text in a language: its labels, amounts and numbers.

    In Danish the words of the labels, the formulas and the amounts are Danish
    (``432.900,00 kr.``); the formulas keep the scenario's input paths, so they can be
    found in the file.
    """
    if lang == "en":
        return str(explanation)
    t = Translator(lang)

    def amount(match: re.Match[str]) -> str:
        if match.group(4) is not None:  # a number in English format with thousands (1,924 in a formula)
            return t.plain(match.group(4))
        if match.group(3) is not None:
            return t.plain(match.group(3))
        value = Decimal(match.group(1).replace(",", ""))
        places = -int(value.as_tuple().exponent)
        if match.group(2):  # an amount per unit (a price, a monthly supplement): the unit as a whole, kr./kvartal
            return f"{t.number(value, max(2, places))} {t.stated_unit('DKK' + match.group(2))}"
        # an exact discounted amount keeps its places beyond øre (they add up to the total shown)
        return t.money(value, unit=True) if places <= 2 else f"{t.number(value, places)}\xa0{t.unit('DKK')}"

    def numbers(text: str) -> str:
        if text.startswith("≈ "):  # an exact value shown to 6 places
            return "≈ " + numbers(text.removeprefix("≈ "))
        if _NOTED.match(text):  # a horizon year's grown or changed input (a break-even's current value)
            return _input_text(text, t, lang)
        text = formula_text(text, lang)  # "(hours over the period)" after a volume, say
        if _STATED.match(text):  # a value as stated, e.g. 11000 DKK / month
            head, paren, rest = text.partition(" (")
            return t.parameter_value(head) + (paren + _NUMBERS_EN.sub(amount, rest) if paren else "")
        # every number converted once, in one pass (review 50 F2: a decimal converted first, 159,135, was then
        # read as an English thousands and converted back, 159.135)
        return _NUMBERS_EN.sub(amount, text)

    def party(name: str) -> str:
        shown = t(name)
        if shown == name and name.endswith(_CUSTOMERS_OF):  # "Holm ApS's customers": "Holm ApS' kunder"
            return t(Text("term.customers_of", company=name.removesuffix(_CUSTOMERS_OF)))
        return formula_text(shown, lang) if shown == name else shown

    def label(text: str) -> str:
        if text in _LABELS_DA:
            return _LABELS_DA[text]
        if text.startswith("− "):  # a source that drains funding
            return "− " + label(text[2:])
        if text.startswith("break-even "):
            return f"{t('ui.break_even').lower()}: {label(text.removeprefix('break-even '))}"
        arrow_at = text.rfind(" → ")
        if arrow_at > 0 and text.endswith(")"):
            # "purpose (payer → payee)": the group opens at the last " (" before the arrow
            start = text.rfind(" (", 0, arrow_at)
            payer, payee = text[start + 2 : arrow_at], text[arrow_at + 3 : -1]
            return f"{label(text[:start])} ({party(payer)} → {party(payee)})"
        whole = t(text)
        if whole != text:
            return whole
        head, arrow, rest = text.partition(" (")
        first, colon, after = text.partition(": ")
        if colon:
            return f"{label(first)}: {label(after)}"
        words = t(head)
        if words == head:
            words = formula_text(head, lang)
        return words + (arrow + formula_text(rest, lang) if arrow else "")

    def words(text: str) -> str:
        """A formula in this language: a keyed sentence as written for it, else its words translated."""
        return t(text) if isinstance(text, Text) else formula_text(text, lang)

    formula = numbers(words(explanation.formula))
    lines = [f"{label(explanation.topic)} = {numbers(explanation.value)}", f"  = {formula}"]
    for term in explanation.terms:
        head = f"  {label(term.label)} = {t(term.value) if isinstance(term.value, Text) else numbers(term.value)}"
        lines.append(head + (f"   [{numbers(words(term.formula))}]" if term.formula else ""))
        lines += [f"      {path} = {_input_text(text, t, lang)}" for path, text in term.inputs]
    lines.append("  " + t("ui.parameters_used").lower() + ":")
    lines += [
        f"    {_PARAMETER_NAMES_DA.get(name, name)}: {_PARAMETERS_DA[name]}"
        if name in _PARAMETERS_DA
        # the source is cited as published, its numbers in the language's format (review 63 no. 6: "3.5 %")
        else f"    {name}: {_input_text(value, t, lang)} ({t.source(source)})"
        for name, value, source in explanation.parameters
    ]
    return "\n".join(lines)


# a party named by whose customers they are (term.customers_of), as its English reads
_CUSTOMERS_OF = "'s customers"

# the names of the library's declared conventions, in Danish (their values are in _PARAMETERS_DA)
_PARAMETER_NAMES_DA = {"calendar": "kalender", "rounding": "afrunding"}


def _input_text(text: str, t: Translator, lang: Lang) -> str:
    """An input's value in a language, with its note when a horizon grew or changed it."""

    def value(shown: str) -> str:
        approx = shown.startswith("≈ ")
        out = formula_text(t.parameter_value(shown.removeprefix("≈ ")), lang)
        return f"≈ {out}" if approx else out

    parameter = _PARAMETER.match(text)
    if parameter is not None:
        head, year, used_for, tag, caveat = parameter.groups()
        carried = f" → {used_for}" if used_for else ""
        said = f"; {t('ui.caveat')}: {t('ui.see_parameters_used')}" if caveat else ""
        return f"{value(head)} ({year}{carried}, {t(f'tag.{tag}')}{said})"
    match = _NOTED.match(text)
    if match is None:
        return value(text)
    head, note = match.group(1), match.group(2)
    indexed = _STATED_RATE.match(note)
    if indexed is not None:
        stated, since, change, first, factor = indexed.groups()
        changed = "" if since is None else f" sat fra {since.replace('year ', 'år ')} af {change}"
        return (
            f"{value(head)} ({value(stated)}{changed}, {first}-satsen × {factor.replace('.', ',')}, "
            "reguleret med satsreguleringsprocenten)"
        )
    both = _CHANGED_GROWN.match(note)  # before _GROWN, which would take the change's words for the stated value
    if both is not None:
        stated, since, change, rate, years = both.groups()
        return (
            f"{value(head)} ({value(stated)} sat fra {since.replace('year ', 'år ')} af {change}, "
            f"fremskrevet {t.plain(rate)} % om året i {years} år)"
        )
    grown = _GROWN.match(note)
    if grown is not None:
        stated, rate, years = grown.groups()
        return f"{value(head)} ({value(stated)} fremskrevet {t.plain(rate)} % om året i {years} år)"
    since, change = _CHANGED.match(note).groups()  # type: ignore[union-attr]  # _NOTED matched one of the four
    return f"{value(head)} (sat fra {since.replace('year ', 'år ')} af {change})"


# a parameter as _inputs shows it: value (year[ → year used for], tag)
_PARAMETER = re.compile(
    r"^(.+) \((\d{4})(?: → (\d{4}))?, (sourced|derived|estimate|override)(; caveat in the parameters used)?\)$"
)
# the notes _inputs adds to a horizon year's inputs
_GROWN = re.compile(r"^(.+) grown (-?\d+(?:\.\d+)?) % a year for (\d+) years?$")
_CHANGED = re.compile(r"^set from ((?:year )?\d+) by (horizon\.changes\.\d+)$")
# a change's money value grown since the change's year
_CHANGED_GROWN = re.compile(
    r"^(.+) set from ((?:year )?\d+) by (horizon\.changes\.\d+), grown (-?\d+(?:\.\d+)?) % a year for (\d+) years?$"
)
# a benefit amount the scenario states, indexed from the public view's first year
_STATED_RATE = re.compile(
    r"^(.+?)(?: set from ((?:year )?\d+) by (horizon\.changes\.\d+))?, "
    r"the (\d{4}) rate × (\d+\.\d+), indexed by the satsreguleringsprocent$"
)
_NOTED = re.compile(
    rf"^(.*?) \(({_CHANGED_GROWN.pattern[1:-1]}|{_GROWN.pattern[1:-1]}|{_CHANGED.pattern[1:-1]}"
    rf"|{_STATED_RATE.pattern[1:-1]})\)$"
)

# an English-formatted number no amount pattern took: 1,924 (never a Danish 1.924,00); one pass with the amounts
_BARE_EN = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?)(?![\d,])")
_NUMBERS_EN = re.compile(f"{_AMOUNT_EN.pattern}|{_BARE_EN.pattern}")

_LABELS_DA = {
    "net": "netto",
    "discount factor of year t (t = 0 for the first year)": "diskonteringsfaktor for år t (t = 0 for første år)",
    "discounted net": "tilbagediskonteret netto",
    "running sum": "løbende sum",
    "L: wage incl. pension a month": "L: løn inkl. pension pr. måned",
    "full-time wage for the same job a month": "fuldtidsløn for samme job pr. måned",
    "fleksløntilskud before the lønloft a month": "fleksløntilskud før lønloftet pr. måned",
    "lønloft: room under the full-time wage a month": "lønloft: plads under fuldtidslønnen pr. måned",
    "fleksløntilskud a month per worker": "fleksløntilskud pr. måned pr. medarbejder",
    "coverage": "dækningsprocent",
    "surplus": "resultat",
    "shortfall": "underskud",
    "support-staff cost": "udgift til støttepersonale",
    "total funding": "finansiering i alt",
    "current value": "nuværende værdi",
    "flow that moves with the price": "beløb, der følger prisen",
    "volume": "mængde",
    "least øre price that covers": "laveste pris i hele øre, der dækker",
    "least percentage that covers": "laveste procentsats, der dækker",
    "as a percentage": "som procentsats",
}
