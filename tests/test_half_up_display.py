"""Shown digits follow the library's rounding rule, half up: never Python's or babel's half to even."""

from __future__ import annotations

from decimal import Decimal

import pytest

import socialpartner as sp
from socialpartner._internal.i18n import Translator


@pytest.mark.parametrize(
    ("lang", "value", "places", "shown"),
    [
        ("en", "2803.125", 2, "2,803.13"),  # half to even gave 2,803.12
        ("da", "2803.125", 2, "2.803,13"),
        ("en", "-2803.125", 2, "-2,803.13"),  # half away from zero, as amounts are rounded
        ("en", "0.5", 0, "1"),
        ("da", "2.5", 0, "3"),
        ("en", "92.625", 2, "92.63"),
    ],
)
def test_numbers_are_shown_half_up(lang: str, value: str, places: int, shown: str) -> None:
    assert Translator(lang).number(Decimal(value), places) == shown  # type: ignore[arg-type]


def test_a_zone_boundary_shows_its_coefficients_half_up() -> None:
    # 6 months: 5 workers × 12.5 h × 26 weeks = 1,625 hours at 172.50: one percent of overhead
    # is 1,625 × 1.725 = 2,803.125 DKK exactly, shown 2,803.13 (not 2,803.12). Support staff
    # 0.8 × 510,000 / 2 + 104,000 / 2 = 256,000; courses 4 × 6 months: 24 × price.
    deal = sp.from_data(
        {
            "model": "shared_responsibility",
            "name": "Aalborg",
            "period": "6 months",
            "social_enterprise": {"name": "Café Nord"},
            "company": {"name": "Salling"},
            "municipality": {"name": "Aalborg Kommune", "code": 851},
            "temp_hours": {
                "workers": 5,
                "effective_hours": "12.5 hour/week",
                "wage_cost": "172.50 DKK/hour",
                "overhead": "12 %",
            },
            "courses": {"participants": 4, "price": "9500 DKK/month"},
            "support_staff": [
                {"role": "socialpædagog", "fte": 0.8, "cost_per_fte": "510000 DKK/year"},
                {"role": "jobkonsulent", "fte": 0.2, "annual_cost": "104000 DKK/year"},
            ],
        }
    )
    zone = sp.agreement(deal, vary=["temp_hours.overhead", "courses.price"])
    text = str(zone)
    assert "−256,000.00 + 2,803.13·temp_hours.overhead + 24·courses.price = 0" in text, text
    assert "−256.000,00 + 2.803,13·temp_hours.overhead + 24·courses.price = 0" in zone.text(lang="da")
