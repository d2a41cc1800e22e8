"""Review 50 (a jobcenter finance officer checking two deals against the municipality's budget): what it found."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import socialpartner as sp
from socialpartner.views.explain import explanation_text

LONI: dict[str, Any] = {
    "model": "labour_shortage",
    "name": "lønloft-test",
    "period": "1 year",
    "social_enterprise": {"name": "Byg & Hjælp SØV"},
    "company": {"name": "Horsens Byg A/S"},
    "helpers": [
        {
            "form": "fleksjob",
            "headcount": 4,
            "paid_hours": "20 hour/week",
            "wage_cost": "172.50 DKK/hour",
            "workplace": "company",
        }
    ],
    "price": "320 DKK/hour",
    "skilled_hours_freed": 0.8,
    "skilled_hour_value": "550 DKK/hour",
    "akkord_rate": "120 DKK/hour",
    "support_staff": [{"role": "jobkonsulent", "fte": 1, "annual_cost": "500000 DKK/year"}],
    "public": {
        "year": 2026,
        "municipality": {"name": "Horsens Kommune", "code": 615},
        "weeks_on_support": 104,
        "fleksjob_wage": "150 DKK/hour",
        "counterfactual": {"fleksjob": {"parameter": "benefit.ledighedsydelse"}},
    },
}


def test_the_loenlofts_full_time_is_the_parameter_a_scenario_may_override() -> None:
    """F1 (HIGH): ``parameters: norm.full_time: 35 t/uge`` was accepted and ignored (the lønloft used a constant 37)
    and never listed. L = 150 × 20 × 52 / 12 = 13,000 a month; the lønloft binds (G 2026 21,600 − 30 % × 13,000 =
    17,700 is above the room): at 37 hours 150 × 37 × 52 / 12 − 13,000 = 24,050 − 13,000 = 11,050 a month,
    × 12 × 4 = 530,400.00; at 35 hours 22,750 − 13,000 = 9,750, × 12 × 4 = 468,000.00."""
    ev = sp.evaluate(sp.from_data(LONI))
    assert ev.explain("public.fleksloentilskud.0").value == "530,400.00 DKK"
    used = {v.name: v for v in ev.parameters}
    assert str(used["norm.full_time"].value) == "37 hour / week"  # read, so listed
    shorter = sp.evaluate(sp.from_data({**LONI, "parameters": {"norm.full_time": "35 hour/week"}}))
    assert shorter.explain("public.fleksloentilskud.0").value == "468,000.00 DKK"
    # the municipality pays 62,400.00 less and gets 20 % of it less back: its net effect 49,920.00 better
    gain = shorter.result("public.municipality") - ev.result("public.municipality")
    assert gain == Decimal("49920.00")
    assert {v.name: v.tag for v in shorter.parameters}["norm.full_time"] == "override"
    explained = shorter.explain("public.fleksloentilskud.0")
    assert "hourly wage × full-time hours a week × 52 / 12 = 150.00 × 35 × 52 / 12" in str(explained)
    assert "timeløn × fuldtidstimer om ugen × 52 / 12 = 150,00 × 35 × 52 / 12" in explanation_text(explained, "da")
    # the sweep (float backend) reads the same parameter
    frame = sp.sweep(sp.from_data({**LONI, "parameters": {"norm.full_time": "35 hour/week"}}), {"price": [320]})
    assert frame["public.municipality [DKK]"].iloc[0] == float(shorter.result("public.municipality"))
