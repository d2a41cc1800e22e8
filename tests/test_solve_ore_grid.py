"""solve on money written in øre moves in whole øre; Solution.value_decimal is the exact number."""

from __future__ import annotations

from decimal import Decimal

import socialpartner as sp

from .conftest import ROOT

AGREEMENT = ROOT / "examples" / "ikea_rebild_agreement.yaml"


def _priced(price: str) -> sp.Partnership:
    data = sp.load(AGREEMENT).model_dump(mode="json", exclude={"expect"})
    data["courses"]["price"] = price
    return sp.from_data(data)


def test_a_price_in_ore_is_solved_to_whole_ore() -> None:
    # the cost 480,000 less the overhead 46,800 over 3 participants × 12 months: 433,200 / 36 =
    # 12,033.333… DKK/month; the least whole øre that covers is 1,203,334 øre = 12,033.34 DKK,
    # the answer for the price written in kroner (it was 1,203,333.32 øre, a fraction of an øre)
    in_ore = sp.solve(_priced("1100000 øre/month"), "courses.price", "coverage", 1)
    in_kroner = sp.solve(_priced("11000 DKK/month"), "courses.price", "coverage", 1)
    assert in_ore.value_text == "1203334 øre / month"
    assert in_kroner.value_text == "12033.34 DKK / month"
    assert isinstance(in_ore.value, sp.Q_)
    assert in_ore.value.to("DKK/month").magnitude == float(in_kroner.value_decimal)
    assert in_ore.value_decimal == Decimal(1203334)
    # one øre less misses: 1,203,333 øre × 36 = 433,199.88 DKK < 433,200
    met = sp.evaluate(in_ore.partnership)
    assert (met.cost_split.coverage or 0) >= 1
    short = sp.evaluate(_priced("1203333 øre/month"))
    assert (short.cost_split.coverage or 0) < 1
    # tornado's switching value is the solver's
    table = sp.tornado(_priced("1100000 øre/month"), {"courses.price": ("1000000 øre/month", "1300000 øre/month")})
    assert table["switching value (coverage = 100 %)"].iloc[0] == "1203334 øre / month"


def test_value_decimal_is_the_grid_value_exactly() -> None:
    s = sp.solve(_priced("11000 DKK/month"), "courses.price", "coverage", 1)
    assert s.value_decimal == Decimal("12033.34")
    assert s.value_decimal - sp.ORE == Decimal("12033.33")
    assert isinstance(s.value, sp.Q_)
    assert isinstance(s.value.magnitude, float)  # as the scenario's fields hold it: mixes with floats
    workers = sp.solve(sp.load(AGREEMENT), "courses.participants", "coverage", 1)
    assert isinstance(workers.value, int)
    assert workers.value_decimal == Decimal(workers.value)
