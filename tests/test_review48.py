"""Review 48 (an evaluator defending three-year figures to a committee): what it found, fixed."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

import yaml

import socialpartner as sp
from socialpartner.views.explain import explanation_text

from .conftest import ROOT, percentage_markup_deal

LOSS_MAKING: dict[str, Any] = {
    "model": "spin_off",
    "name": "loss-making spin-off",
    "company": {"name": "P A/S"},
    "social_enterprise": {"name": "S"},
    "years": [
        {
            "year": 2026,
            "parent_purchases": "100000 DKK/year",
            "workforce": [
                {"form": "fleksjob", "headcount": 2, "paid_hours": "10 hour/week", "wage_cost": "180 DKK/hour"}
            ],
            "support_staff": [{"role": "socialpædagog", "fte": 1, "annual_cost": "500000 DKK/year"}],
        },
        {
            "year": 2027,
            "parent_purchases": "100000 DKK/year",
            "workforce": [
                {"form": "fleksjob", "headcount": 3, "paid_hours": "10 hour/week", "wage_cost": "180 DKK/hour"}
            ],
            "support_staff": [],
        },
    ],
}


def test_negative_funding_is_said_to_be_a_deficit_beside_the_support_staff() -> None:
    """F5: wages above revenue gave a negative coverage and a shortfall above the support-staff cost, unexplained.
    2026: 100,000 − 2 × 10 h × 52 × 180 = 100,000 − 187,200 = −87,200 funding; shortfall 500,000 + 87,200 = 587,200;
    coverage −87,200 / 500,000 = −17.44 %. 2027: 100,000 − 280,800 = −180,800 with no support staff (no coverage).
    The total: −268,000 against 500,000, shortfall 768,000."""
    ev = sp.evaluate(sp.from_data(LOSS_MAKING))
    first, second = ev.breakdown
    assert (first.cost_split.total_funding, first.cost_split.shortfall) == (Decimal("-87200.00"), Decimal("587200.00"))
    assert first.cost_split.coverage == Decimal("-0.1744")
    assert (
        "the funding is negative (-87,200.00 DKK): what the deal brings in falls short of the costs it carries "
        "besides the support staff (the workforce's wages, say), so the shortfall of 587,200.00 DKK is that deficit "
        "as well as the support-staff cost of 500,000.00 DKK, and the coverage is below zero"
    ) in first.statements
    assert second.cost_split.coverage is None
    assert any(
        s.startswith("the funding is negative (-180,800.00 DKK)") and "is that deficit alone" in s
        for s in second.statements
    )
    assert any(
        s.startswith("the funding is negative (-268,000.00 DKK)") and "shortfall of 768,000.00 DKK" in s
        for s in ev.statements
    )
    # a deal whose funding is not negative says nothing of it
    assert not any("funding is negative" in s for s in sp.evaluate(sp.load(sp.example_path())).statements)


def test_a_percentage_markups_explanation_gives_the_percentage_the_tables_show() -> None:
    """F6: the table shows "72.12 DKK/hour (43.57 %)"; the explanation gave the price only. Overhead break-even
    (750,000 − 570,000) / 2,496 h = 72.1154 → 72.12 DKK/hour; as a percentage of the 165.50 wage cost,
    180,000 / 413,088 = 43.574 % → 43.57 %, which falls short (43.57 % × 413,088 = 179,982.44), so 43.58 % covers."""
    ev = sp.evaluate(sp.from_data(percentage_markup_deal()))
    text = str(ev.explain("break_even.temp_hours.overhead"))
    assert "break-even overhead per hour = 72.12 DKK/hour" in text
    assert "as a percentage = 43.57 % (the break-even rate / 165.50 DKK/hour)" in text
    assert "least percentage that covers = 43.58 % (the rounded one is just below it)" in text
    danish = explanation_text(ev.explain("break_even.temp_hours.overhead"), "da")
    assert "som procentsats = 43,57 % (nulpunktssatsen / 165,50 kr./time)" in danish


def test_the_report_gives_each_years_checks_and_the_present_values_notes() -> None:
    """F14: the spin-off's report listed the RSV criteria only, not each year's "stands on its own" (which the
    terminal and workbook give), and its present values without the note on how they were discounted."""
    ev = sp.evaluate(sp.load(ROOT / "examples" / "spin_off_packing.yaml"))
    page = html.unescape(sp.report_html(ev, charts=False))
    statuses = [(p.ledger.period, c.status) for p in ev.breakdown for c in p.checks]
    assert statuses == [("2026", "not met"), ("2027", "not met"), ("2028", "not met"), ("2029", "met")]
    for year, status in statuses:
        assert f'<span class="{status.replace(" ", "-")}">{status}</span>: {year}: stands on its own (' in page
    assert page.count("Σ yearly net / (1 + r)^t, t = 0 for the first year; r from discount_rate.*") == sum(
        f.key.startswith("npv.") for f in ev.figures
    )


def test_the_last_years_moves_are_said_to_be_unpriced() -> None:
    """F11: moves at the last course end count in the new job from the year after, past the horizon: reported as
    figures, priced nowhere, and nothing said so. The example's 2028: 3 participants finish a 12-month course;
    13 % × 3 = 0.39 into fleksjob, 3 % × 3 = 0.09 into ordinary jobs."""
    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    assert (
        "progression: the moves at the course ends of 2028, the last year (0.39 into fleksjob, 0.09 into ordinary "
        "jobs), count in the new job from the year after, past the horizon: the figures report them, the public "
        "view does not price them"
    ) in ev.statements
    # a deal whose last year moves nobody says nothing of it
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["horizon"]["changes"].append({"year": 2028, "set": {"courses.participants": 0}})
    assert not any("the moves at the course ends" in s for s in sp.evaluate(sp.from_data(data)).statements)
