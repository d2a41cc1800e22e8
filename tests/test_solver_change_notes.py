"""Solve's notes where a horizon change sets the input varied from some year on."""

from __future__ import annotations

from pathlib import Path

import pytest

import socialpartner as sp
from socialpartner._internal import paths

ROOT = Path(__file__).resolve().parents[1]


def three_years_with_price_set_in(year: int) -> sp.Partnership:
    data = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml").model_dump(mode="json", exclude={"expect"})
    data["horizon"]["changes"] = [{"year": year, "set": {"courses.price": "13000 DKK/month"}}]
    return sp.from_data(data)


def coverage(p: sp.Partnership, price: str) -> object:
    return sp.evaluate(paths.replace(p, "courses.price", f"{price} DKK/month")).cost_split.coverage


def test_a_whole_horizon_solve_says_the_price_level_of_the_years_the_value_counts_in() -> None:
    # the change sets the price from 2028: the value found counts in 2026 and 2027, and in
    # 2027 it is grown by the price growth (2 %) as the scenario states it in 2026 prices
    p = three_years_with_price_set_in(2028)
    s = sp.solve(p, "courses.price", "coverage", 1)
    assert s.value_text == "11795.46 DKK / month"
    assert coverage(p, "11795.45") < 1 <= coverage(p, "11795.46")  # type: ignore[operator]
    assert s.notes == (
        "horizon.changes set courses.price in 2028: a value given for courses.price counts in 2026–2027 only",
        "courses.price as the scenario states it (2026 prices), grown by 2.00 % a year in 2027",
    )
    # set from 2027: the value counts in 2026 only, where it is not grown: no price-level note
    s = sp.solve(three_years_with_price_set_in(2027), "courses.price", "coverage", 1)
    assert s.notes == (
        "horizon.changes set courses.price in 2027–2028: a value given for courses.price counts in 2026 only",
    )


def test_a_year_the_change_holds_in_is_named_when_the_result_does_not_move() -> None:
    p = three_years_with_price_set_in(2028)
    with pytest.raises(sp.SolveError) as caught:
        sp.solve(p, "courses.price", "2028.coverage", 1)
    message = str(caught.value)
    # the reason first (a price range tried says nothing the change does not), then what to do
    assert message.startswith("2028.coverage is ")
    assert ": horizon.changes set courses.price in 2028, so a value given for it does not count in 2028; " in message
    assert "; solve for a result of 2026, 2027 or the total" in message
    assert "it does not depend on this input here" not in message


def test_the_change_is_named_by_the_years_it_holds_in_not_only_the_result_year() -> None:
    """Review 51 F9: a price set from 2027 was said to be set "in 2028" when the target was 2028's."""
    with pytest.raises(sp.SolveError) as caught:
        sp.solve(three_years_with_price_set_in(2027), "courses.price", "2028.coverage", 1)
    message = str(caught.value)
    assert (
        ": horizon.changes set courses.price in 2027–2028, so a value given for it does not count in 2028; " in message
    )
    assert "; solve for a result of 2026 or the total" in message


def test_a_change_in_every_year_says_how_to_find_its_value() -> None:
    # solving for the change's own value is refused (it is text kept as written), so the advice
    # is the one that refusal gives: take the change out and vary the input in those years
    with pytest.raises(sp.SolveError) as caught:
        sp.solve(three_years_with_price_set_in(2026), "courses.price", "coverage", 1)
    assert str(caught.value) == (
        "horizon.changes set courses.price in every year (2026–2028): a value given for courses.price changes no "
        "result; to solve for the value in the change's years, take the change out and vary courses.price with a "
        "target in those years (e.g. YEAR.net.PARTY)"
    )
