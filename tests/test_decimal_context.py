"""The caller's decimal context never changes a result (every public entry point)."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from typing import Any

import pytest

import socialpartner as sp

from .conftest import ROOT

THREE_YEARS = ROOT / "examples" / "ikea_rebild_3_years.yaml"


def _runs() -> dict[str, Callable[[], Any]]:
    deal = sp.load(THREE_YEARS)
    evaluated = sp.evaluate(deal)
    return {
        "load": lambda: sp.dumps(sp.load(THREE_YEARS)),
        "evaluate": lambda: sp.evaluate(deal).to_dict(),
        "solve": lambda: sp.solve(deal, "courses.price", "coverage", 1).value_text,
        "solve surplus": lambda: sp.solve(deal, "temp_hours.overhead", "surplus", 0).value_text,
        "agreement": lambda: str(sp.agreement(deal, ["courses.price"])),
        "sweep": lambda: sp.sweep(deal, {"courses.price": ["9000 DKK/month", "14000 DKK/month"]}).to_json(),
        "tornado": lambda: sp.tornado(deal, {"courses.price": ("9000 DKK/month", "14000 DKK/month")}).to_json(),
        "fleksloentilskud": lambda: str(sp.fleksloentilskud("300 DKK/hour", "20 hour/week", 2026)),
        # an evaluation made outside the context, read inside it
        "results": lambda: evaluated.results(),
        "explain": lambda: [str(evaluated.explain(t)) for t in evaluated.topics()],
        "frames": lambda: (evaluated.to_frame().to_json(), evaluated.summary_frame().to_json()),
        "html": lambda: evaluated.to_html("da"),
        "ledger": lambda: [p.ledger.nets() for p in evaluated.breakdown],
    }


@pytest.mark.parametrize("name", list(_runs()))
@pytest.mark.parametrize("prec", [3, 5, 12])
def test_a_low_precision_or_trapping_context_changes_nothing(name: str, prec: int) -> None:
    run = _runs()[name]
    expected = run()
    with decimal.localcontext() as ctx:
        ctx.prec = prec
        ctx.traps[decimal.Inexact] = True
        ctx.traps[decimal.Rounded] = True
        ctx.rounding = decimal.ROUND_FLOOR
        assert run() == expected
