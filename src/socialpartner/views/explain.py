"""Explanations of an evaluation: how each figure follows from the inputs and parameters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from socialpartner._internal import explain as _ex
from socialpartner._internal import paths
from socialpartner._internal.explain import Explanation, Term
from socialpartner._internal.plan import places

if TYPE_CHECKING:
    from socialpartner.evaluation import BreakEven, Evaluation

__all__ = ["explain", "topics"]

_ZERO = _ex.ZERO
_RATIO_PLACES = _ex.RATIO_PLACES


def topics(ev: Evaluation) -> tuple[str, ...]:
    """Everything :meth:`explain` can explain."""
    base = ["coverage", "surplus", "shortfall", "cost", "funding", *ev.cost_split.funding]
    if ev._plan is not None:
        base += [f.key for f in ev._plan.flows] + [b.input_path for b in ev.break_even]
    base += [f.key for f in ev.figures]
    for part in ev.breakdown:
        base += [f"{part.ledger.period}:{t}" for t in topics(part)]
    return tuple(dict.fromkeys(base))


def explain(ev: Evaluation, topic: str) -> Explanation:
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
        for part in ev.breakdown:
            if part.ledger.period == head:
                return explain(part, rest)
    inputs = dict(paths.flatten(ev.partnership.model_dump(mode="json")))
    split = ev.cost_split
    if topic in {"coverage", "surplus", "shortfall", "cost", "funding"}:
        return _explain_split(ev, topic, inputs)
    if topic in split.funding:
        return Explanation(topic, _ex.money(split.funding[topic]), "sum of its flows", _source_terms(ev, topic, inputs))
    flows = {} if ev._plan is None else {f.key: f for f in ev._plan.flows}
    if topic in flows:
        flow = flows[topic]
        term = _ex.flow_term(flow, ev._settled[topic], inputs)
        return Explanation(
            f"{flow.purpose} ({flow.payer} → {flow.payee})", term.value, flow.formula + ", rounded to øre", (term,)
        )
    for b in ev.break_even:
        if topic in {b.input_path, f"break_even:{b.input_path}"}:
            return _explain_break_even(ev, b, inputs)
    for f in ev.figures:
        if f.key == topic:
            value = "—" if f.value is None else f"{f.value} {f.unit}".strip()
            used = tuple((p, inputs.get(p, "(not given)")) for p in f.inputs)
            return Explanation(
                f.label,
                value,
                f.note or "see the model's documentation",
                (Term(f.label, value, f.note, used),) if used else (),
            )
    raise KeyError(f"nothing to explain as {topic!r}; topics: {', '.join(ev.topics())}")


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
        value = (
            "— (no cost to cover)"
            if split.coverage is None
            else (f"{places(split.coverage, _RATIO_PLACES)} ({places(split.coverage * 100)} %)")
        )
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
    value = "— (no volume)" if b.value is None else f"{b.value} {b.unit}"
    formula = (
        f"(support-staff cost − funding that does not move with this price) / volume = "
        f"({_ex.money(ev.cost_split.cost)} − {_ex.money(others)}) / {places(spec.volume)}"
        ", rounded to øre" + (", floored at zero" if b.already_covered else "")
    )
    return Explanation(
        f"break-even {b.label}",
        value,
        formula,
        (
            Term("current value", inputs.get(b.input_path, "(not given)")),
            _ex.flow_term(flows[spec.flow], moving, inputs, label="flow that moves with the price"),
            Term("volume", f"{places(spec.volume)} ({b.unit.split('/')[-1]}s over the period)"),
        ),
    )
