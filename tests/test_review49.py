"""Review 49 (a CSR lead comparing supplier, in-house and shared deals for a company's CSR report): what it found."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app

from .conftest import ROOT, example_with, percentage_markup_deal

SUPPLIER: dict[str, Any] = {
    "model": "supplier",
    "name": "CSR FTE-years",
    "social_enterprise": {"name": "Pak & Puds SØV"},
    "company": {"name": "Vestjysk Emballage A/S"},
    "services": [{"name": "pakning", "price": "310 DKK/hour", "hours": "120 hour/week"}],
    "workforce": [{"form": "fleksjob", "headcount": 8, "paid_hours": "15 hour/week", "wage_cost": "175 DKK/hour"}],
    "supervision": [{"role": "arbejdsleder", "fte": 1, "annual_cost": "510000 DKK/year"}],
    "horizon": {"years": 3, "start_year": 2026},
}


def test_csr_job_and_fte_years_are_the_exact_years_summed_and_rounded_once() -> None:
    """F1: job-years and FTE-years summed each year's figure already rounded to 0.01.

    Alone: 8 × 15 h × 52 = 6,240 hours a year, 18,720 over three; 18,720 / 1,924 = 9.7297 → 9.73 FTE-years
    (each year 3.2432, shown 3.24: the sum of those, 9.72, disagreed with the hours beside it).
    With 1,000,000 a year from other customers: the contract is 310 × 120 × 52 = 1,934,400 a year, its share
    1,934,400 / 2,934,400 = 0.6592151…; job-years 3 × 8 × 0.6592151 = 15.8212 → 15.82 (the rounded yearly 5.27 × 3
    = 15.81); hours 18,720 × 0.6592151 = 12,340.50; FTE-years 12,340.50 / 1,924 = 6.4140 → 6.41 (3 × 2.14 = 6.42).
    """
    alone = sp.evaluate(sp.from_data(SUPPLIER)).results()
    assert (alone["csr_inclusive_hours_total"], alone["csr_inclusive_fte_years"]) == (
        Decimal("18720.00"),
        Decimal("9.73"),
    )
    shared = sp.evaluate(sp.from_data({**SUPPLIER, "other_revenue": "1000000 DKK/year"}))
    got = shared.results()
    assert (got["csr_inclusive_job_years"], got["csr_inclusive_hours_total"], got["csr_inclusive_fte_years"]) == (
        Decimal("15.82"),
        Decimal("12340.50"),
        Decimal("6.41"),
    )
    assert [p.result("csr_inclusive_fte") for p in shared.breakdown] == [Decimal("2.14")] * 3  # each year's own
    said = next(s for s in shared.statements if "job-years" in s)
    assert "15.82 inclusive job-years" in said
    assert "6.41" in said


def test_a_misspelt_required_key_is_one_problem_not_two() -> None:
    """F10: ``overhed: 12 %`` gave "temp_hours.overhead: Field required" first, then the helpful hint."""
    data = example_with()
    hours = dict(data["temp_hours"])
    hours["overhed"] = hours.pop("overhead")
    with pytest.raises(ValidationError) as caught:
        sp.from_data({**data, "temp_hours": hours})
    errors = caught.value.errors()
    assert [(e["loc"], e["msg"]) for e in errors] == [
        (("temp_hours", "overhed"), "unknown key 'overhed'; did you mean 'overhead'?")
    ]
    # a required key simply left out is still said to be required
    del hours["overhed"]
    with pytest.raises(ValidationError, match=r"temp_hours.overhead\n  Field required"):
        sp.from_data({**data, "temp_hours": hours})


def test_solve_gives_a_percentage_to_two_places(tmp_path: Path) -> None:
    """F8: "temp_hours.overhead = 18.6 percent" beside the break-even's "18.60 % covers". With a 12 % overhead on
    165.50 DKK/hour (2,496 h, wages 413,088.00), courses 570,000 and staff 750,000, coverage 1 needs 180,000 of
    overhead: 43.574 % → the solver's grid gives 43.58 percent (43.57 % gives 179,982.44, 17.56 DKK short)."""
    path = tmp_path / "deal.yaml"
    sp.save(sp.from_data(percentage_markup_deal()), path)
    out = CliRunner().invoke(app, ["solve", str(path), "--vary", "temp_hours.overhead", "--target", "coverage=1"])
    assert out.output.splitlines()[0] == "temp_hours.overhead = 43.58 percent"


def test_a_cross_model_comparison_says_a_missing_result_is_not_computed_not_zero() -> None:
    """F3: the supplier's CSR rows read "—" for an in-house deal with no note (as if it had no CSR value), and the
    note spoke of a labour-shortage company in neither scenario."""
    supplier = sp.load(ROOT / "examples" / "supplier_facility.yaml")
    in_house = sp.load(ROOT / "examples" / "in_house_packing.yaml")
    c = sp.compare(supplier, in_house)
    assert c.result("csr_inclusive_jobs").b is None
    assert c.note is not None
    assert "a result only one side has (— on the other) is one the other model does not compute, not a zero" in c.note
    assert "labour-shortage" not in c.note
    shortage = sp.compare(supplier, sp.load(ROOT / "examples" / "labour_shortage_site.yaml"))
    assert shortage.note is not None
    assert "a labour-shortage company's net includes what its own customers pay it" in shortage.note


def test_a_percentage_overhead_gives_the_companys_ceiling_in_percent_too() -> None:
    """F7: with the overhead in percent the company's highest overhead was given in DKK/hour only (49.50). The
    alternative 215.00 − 165.50 = 49.50 DKK/hour is 49.50 / 165.50 = 29.909 % of the wage cost: rounded down,
    29.90 % (at 29.91 % the company would pay 215.0011 an hour, more than its alternative)."""
    data = percentage_markup_deal()
    data["temp_hours"] = {**data["temp_hours"], "alternative_price": "215 DKK/hour"}
    got = sp.evaluate(sp.from_data(data)).results()
    assert (got["company_max_overhead"], got["company_max_overhead_percent"]) == (Decimal("49.50"), Decimal("0.2990"))
    money = {**data, "temp_hours": {**data["temp_hours"], "overhead": "20 DKK/hour"}}
    assert "company_max_overhead_percent" not in sp.evaluate(sp.from_data(money)).results()


def test_a_present_value_zone_says_how_solve_differs() -> None:
    """F9: agree (present value) and solve (coverage=1, undiscounted) gave two prices for one deal with nothing to
    say why; the zone now says so, and which solve target gives its SØV end."""
    zone = sp.agreement(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"), ["courses.price"])
    assert "`solve --target npv.social_enterprise=0` finds the SØV's end in present value" in zone.text()
    one_year = sp.agreement(sp.load(ROOT / "examples" / "ikea_rebild_agreement.yaml"), ["courses.price"])
    assert "npv.social_enterprise" not in one_year.text()
