"""A scenario is a value: equal scenarios hash equal, so they can key a dict or a cache."""

from __future__ import annotations

import copy
import functools
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from pydantic import ValidationError

import socialpartner as sp

from .strategies import any_model_data
from .test_one_engine import horizon_data

ROOT = Path(__file__).resolve().parents[1]


def test_every_example_hashes_and_keys_a_cache() -> None:
    # scenarios with mappings among their fields (parameters:, a change's set:, the counterfactual)
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    scenarios = [sp.load(f) for f in examples]
    again = [sp.load(f) for f in examples]
    assert [hash(a) for a in scenarios] == [hash(b) for b in again]
    assert len(set(scenarios + again)) == len(examples)

    @functools.lru_cache
    def coverage(p: sp.Partnership) -> object:
        return sp.evaluate(p).cost_split.coverage

    for p in scenarios + again:
        coverage(p)
    assert coverage.cache_info().hits == len(examples)


def test_a_changed_mapping_value_changes_equality_and_hash() -> None:
    data = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml").model_dump(mode="json", exclude={"expect"})
    a = sp.from_data(data)
    data["horizon"]["changes"][0]["set"]["temp_hours.workers"] = 5
    b = sp.from_data(data)
    assert a != b
    assert hash(a) != hash(b)  # not guaranteed for any two values, but for these two fixed ones


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(any_model_data() | horizon_data())
def test_equal_scenarios_hash_equal(data: dict[str, Any]) -> None:
    try:
        a = sp.from_data(copy.deepcopy(data))
    except ValidationError:
        return
    b = sp.from_data(copy.deepcopy(data))
    assert a == b
    assert hash(a) == hash(b)
    # and after a round trip through the file format, which loses nothing
    c = sp.loads(sp.dumps(a))
    assert c == a
    assert hash(c) == hash(a)


def test_a_price_per_month_and_the_same_price_per_year_are_two_scenarios() -> None:
    from .conftest import example_with

    # 11,000 DKK a month is 132,000 DKK a year: one price, but each scenario reports its
    # break-even price in its own unit: (480,000 staff − 2,340 h × 20 DKK overhead) = 433,200 to
    # cover by 3 participants, 433,200 / 36 months = 12,033.33 a month, 433,200 / 3 = 144,400.00
    # a year; a cache keyed on the scenario must not hand one's results to the other
    a = sp.from_data(example_with(courses={"price": "11000 DKK/month"}))
    b = sp.from_data(example_with(courses={"price": "132000 DKK/year"}))
    assert a != b
    assert sp.evaluate(a).results()["break_even.courses.price"] == Decimal("12033.33")
    assert sp.evaluate(b).results()["break_even.courses.price"] == Decimal("144400.00")
    assert {a: "monthly", b: "yearly"}[b] == "yearly"
    # the same price and unit, spelled the Danish way or written with a float, is one scenario
    c = sp.from_data({**example_with(courses={"price": "11.000 kr./md."}), "number_format": "da"})
    d = sp.from_data(example_with(courses={"price": sp.Q_(11000.0, "DKK/month")}))
    assert a == c == d
    assert hash(a) == hash(c) == hash(d)
    assert sp.evaluate(a).results() == sp.evaluate(c).results() == sp.evaluate(d).results()


def test_a_change_written_differently_is_one_scenario_with_one_manifest_hash(tmp_path: Path) -> None:
    # a change's values are kept as validated, spelled as a saved file spells them: a float fte
    # and a Decimal one, and 460000 DKK/year and 460.000 kr./år, are one input
    data = sp.load(ROOT / "examples" / "ikea_rebild.yaml").model_dump(mode="json", exclude={"expect"})
    staff = [{"role": "x", "fte": 0.5, "cost_per_fte": "460000 DKK/year"}]
    data["horizon"] = {"years": 3, "start_year": 2026, "changes": [{"year": 2028, "set": {"support_staff": staff}}]}
    a = sp.from_data(data)
    b = sp.load(sp.save(a, tmp_path / "a.yaml"))
    data["number_format"] = "da"
    data["horizon"]["changes"][0]["set"]["support_staff"] = [
        {"role": "x", "fte": "0,5", "cost_per_fte": "460.000 kr./år"}
    ]
    c = sp.from_data(data)
    assert a.horizon is not None
    assert a.horizon.changes[0].set == {
        "support_staff": [{"role": "x", "fte": "0.5 FTE", "annual_cost": None, "cost_per_fte": "460000 DKK / year"}]
    }
    assert a == b == c
    assert hash(a) == hash(b) == hash(c)
    hashes = {sp.evaluate(p).manifest.input_sha256 for p in (a, b, c)}
    assert len(hashes) == 1


def test_the_same_changes_in_another_order_are_one_scenario() -> None:
    # changes apply by their years (an input at most once a year): listed in another order, the
    # deal, its results and its hash are the same; another value is another scenario
    data = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml").model_dump(mode="json", exclude={"expect"})
    data["horizon"]["changes"].append({"year": 2028, "set": {"courses.price": "12000 DKK/month"}})
    a = sp.from_data(data)
    data["horizon"]["changes"].reverse()
    b = sp.from_data(data)
    assert a == b
    assert hash(a) == hash(b)
    assert sp.evaluate(a).results() == sp.evaluate(b).results()
    data["horizon"]["changes"][0]["set"]["courses.price"] = "12001 DKK/month"
    assert sp.from_data(data) != a
