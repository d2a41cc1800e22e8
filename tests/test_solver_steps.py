"""The solver on øre steps: a small post's cost, runs of exact landings, a result that stays on target."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import socialpartner as sp
from socialpartner._internal import paths

from .conftest import ROOT

SMALL_POST: dict[str, Any] = {
    "model": "shared_responsibility",
    "name": "a small post",
    "period": "1 year",
    "social_enterprise": {"name": "SØV"},
    "company": {"name": "Co"},
    "municipality": {"name": "Rebild Kommune", "code": 840},
    "temp_hours": {
        "workers": 3,
        "effective_hours": "15 hour/week",
        "wage_cost": "165 DKK/hour",
        "overhead": "20 DKK/hour",
    },
    "courses": {"participants": 3, "price": "11000 DKK/month"},
    "support_staff": [{"role": "x", "fte": 0.3, "cost_per_fte": "480000 DKK/year"}],
}


def _coverage(deal: sp.Partnership, cost_per_fte: str) -> Decimal | None:
    ev = sp.evaluate(paths.replace(deal, "support_staff.0.cost_per_fte", f"{cost_per_fte} DKK/year"))
    return ev.results()["coverage"]


def test_a_small_posts_cost_is_solved_to_the_last_value_that_still_covers_it() -> None:
    # funding: overhead 20 × 2,340 h = 46,800 plus courses 3 × 11,000 × 12 = 396,000 → 442,800.
    # cost 0.3 × c, rounded to øre: 0.3 × 1,476,000.01 = 442,800.003 → 442,800.00 (coverage
    # exactly 1), while 0.3 × 1,476,000.02 = 442,800.006 → 442,800.01 (below 1). A cost per
    # FTE of 0.01 rounds to zero øre, where coverage has no value: the search starts higher.
    deal = sp.from_data(SMALL_POST)
    solution = sp.solve(deal, "support_staff.0.cost_per_fte", "coverage", 1)
    assert solution.value_text == "1476000.01 DKK / year"
    assert _coverage(deal, "1476000.01") == 1
    coverage = _coverage(deal, "1476000.02")
    assert coverage is not None
    assert coverage < 1


def test_a_result_that_stays_on_the_target_is_solved_where_it_gets_there() -> None:
    # the shortfall falls to zero at an overhead of 35.90 DKK/hour and stays zero above it
    deal = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    assert sp.solve(deal, "temp_hours.overhead", "shortfall", 0).value == sp.Q_(35.9, "DKK/hour")
