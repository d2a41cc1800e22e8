"""An evaluation as JSON-ready data: money and ratios as decimal strings, never floats."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from socialpartner._internal import explain as _ex
from socialpartner._internal.plan import places
from socialpartner._version import __version__
from socialpartner.money import ROUNDING_RULE
from socialpartner.parameters import default_parameters
from socialpartner.public import PAYERS

if TYPE_CHECKING:
    from socialpartner.evaluation import Evaluation, Manifest
    from socialpartner.public import PublicView

__all__ = ["manifest", "to_dict"]

_RATIO_PLACES = _ex.RATIO_PLACES


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def manifest(ev: Evaluation) -> Manifest:
    """Library version, parameter-set version and the SHA-256 of the validated input."""
    from socialpartner.evaluation import Manifest

    dumped = ev.partnership.model_dump(mode="json", exclude={"expect"})  # expectations are not inputs
    return Manifest(__version__, _ex.parameter_set_version(), _ex.input_hash(dumped), default_parameters().version)


def to_dict(ev: Evaluation) -> dict[str, Any]:
    """A JSON-ready dict; money and ratios are decimal strings, never floats."""
    m = manifest(ev)
    out: dict[str, Any] = {
        "model": ev.partnership.MODEL,
        "name": ev.partnership.name,
        "rounding": ROUNDING_RULE,
        "manifest": {
            "library_version": m.library_version,
            "parameter_set_version": m.parameter_set_version,
            "parameter_file_version": m.parameter_file_version,
            "input_sha256": m.input_sha256,
        },
    }
    out.update(_body(ev))
    return out


def _body(ev: Evaluation) -> dict[str, Any]:
    split = ev.cost_split
    coverage = split.coverage
    return {
        "period": ev.ledger.period,
        "parties": dict(ev.parties),
        "transfers": [
            {"payer": t.payer, "payee": t.payee, "amount": str(t.amount), "purpose": t.purpose} for t in ev.ledger
        ],
        "balances": {
            p: {"inflow": str(tot.inflow), "outflow": str(tot.outflow), "net": str(tot.net)}
            for p in ev.ledger.parties
            for tot in (ev.ledger.totals(p),)
        },
        "cost_split": {
            "cost": str(split.cost),
            "funding": {k: str(v) for k, v in split.funding.items()},
            "total_funding": str(split.total_funding),
            "surplus": str(split.surplus),
            "shortfall": str(split.shortfall),
            "coverage": None if coverage is None else str(_ex.ratio(coverage)),
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
                "canonical_value": _text(b.canonical_value),
                "canonical_unit": b.canonical_unit,
                "covering": _text(b.covering),
                "covering_percent": _text(b.covering_percent),
            }
            for b in ev.break_even
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
            for j in ev.placements
        ],
        "figures": {
            f.key: {"label": f.label, "value": _text(f.value), "unit": f.unit, "note": f.note} for f in ev.figures
        },
        "checks": [{"criterion": c.criterion, "status": c.status, "reason": c.reason} for c in ev.checks],
        "statements": list(ev.statements),
        "public": None if ev.public is None else _public_dict(ev.public),
        "parameters": [
            {
                "name": v.name,
                "year": v.year,
                "used_for_year": v.for_year,
                "value": str(v.value),
                "tag": v.tag,
                "source": v.source,
                "caveat": v.caveat or None,  # the file's: "not confirmed: the 2026 rate table was not found"
                "checked": None if v.checked is None else v.checked.isoformat(),
            }
            for v in ev.parameters
        ],
        "breakdown": [_body(e) for e in ev.breakdown],
    }


def _public_dict(view: PublicView) -> dict[str, Any]:
    return {
        "year": view.year,
        "rates_year": view.rates_year,
        "refusion_rate": str(view.refusion_rate),
        "counterfactual": list(view.counterfactual),
        "lines": [
            {
                "payer": line.payer,
                "item": line.item,
                "actual": str(line.actual),
                "counterfactual": str(line.counterfactual),
                **({"tax": True} if line.tax else {}),
            }
            for line in view.lines
        ],
        "net_effect": {payer: str(view.net_effect(payer)) for payer in PAYERS},
        **({"net_effect_before_tax": {p: str(view.net_effect_before_tax(p)) for p in PAYERS}} if view.taxed else {}),
        "refusion_rates": {group: str(rate) for group, rate in view.refusion_rates.items()},
        "assumptions": list(view.assumptions),
    }
