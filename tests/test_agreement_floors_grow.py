"""Over a horizon, a party's floor or limit a year is in the first year's prices and grows as every money input does."""

from __future__ import annotations

from typing import Any

import yaml

import socialpartner as sp

from .conftest import EXAMPLE

THREE_YEARS = EXAMPLE.parent / "ikea_rebild_3_years.yaml"


def _deal(basis: str, price_growth: str = "2 %") -> sp.Partnership:
    data: dict[str, Any] = yaml.safe_load(THREE_YEARS.read_text(encoding="utf-8"))
    data.pop("expect")
    data["temp_hours"]["alternative_price"] = "200 DKK/hour"
    data["agreement"] = {"municipal_limit": "432000 DKK/year", "basis": basis}
    data["horizon"]["price_growth"] = price_growth
    return sp.from_data(data)


def test_a_municipal_limit_grows_with_prices_year_by_year() -> None:
    # 2028 at a course price c: public.municipality = −127,357.31 at c = 11,000 (the example's
    # 2028 figure) and moves by 3 participants × 12 months × 1.02² = 37.4544 per DKK of c; the
    # limit is 432,000 in 2026 prices: 432,000 × 1.02² = 449,452.80 in 2028. So the gain over the
    # limit is −127,357.31 + 37.4544 × 11,000 + 449,452.80 − 37.4544·c = 734,093.89 − 37.4544·c
    # (held at 432,000 nominal it was 716,641.09)
    zone = sp.agreement(_deal("per_year"), vary=["courses.price"])
    text = zone.text()
    assert "boundary: 734,093.89 − 37.4544·courses.price = 0" in text, text
    assert "−432,000.00 DKK a year in 2026 prices, grown with price_growth" in text
    assert "i 2026-priser, fremskrevet med price_growth" in zone.text(lang="da")


def test_without_price_growth_the_limit_is_as_stated() -> None:
    # 2028 with no price growth: the limit is 432,000 every year, and the words say nothing of prices
    zone = sp.agreement(_deal("per_year", "0 %"), vary=["courses.price"])
    assert "in 2026 prices" not in zone.text()
    municipality = [b for b in zone.boundaries if b.condition.party == "municipality"]
    a, b = municipality[-1].coefficients or (None, None)
    assert b == -36  # 3 × 12 months, no growth
    net = sp.evaluate(_deal("per_year", "0 %")).breakdown[-1].results()["public.municipality"]
    assert net is not None
    assert a == 432000 + net + 36 * 11000  # the limit as stated, and the year's net effect at c = 11,000
