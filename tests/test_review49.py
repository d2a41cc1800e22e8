"""Review 49 (a CSR lead comparing supplier, in-house and shared deals for a company's CSR report): what it found."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import socialpartner as sp

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
