"""The unit registry, the exact canonical conversion and the quantity field types."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import pint
import pytest
from pydantic import BaseModel, ValidationError

import socialpartner as sp
from socialpartner._internal import units
from socialpartner._internal.i18n import Translator
from socialpartner.quantities import (
    Duration,
    FullTimeEquivalents,
    Headcount,
    HoursPerTime,
    Markup,
    Money,
    MoneyPerHour,
    MoneyPerTime,
    Share,
)


class Fields(BaseModel):
    money: Money | None = None
    per_time: MoneyPerTime | None = None
    per_hour: MoneyPerHour | None = None
    hours: HoursPerTime | None = None
    fte: FullTimeEquivalents | None = None
    span: Duration | None = None
    share: Share | None = None
    markup: Markup | None = None
    people: Headcount | None = None


def test_danish_calendar() -> None:
    # 37 h/week × 52 weeks = 1,924 h/year; / 12 months = 160.33 h/month
    assert sp.Q_(37, "hour/week").to("hour/year").magnitude == pytest.approx(1924)
    assert sp.Q_(37, "hour/week").to("hour/month").magnitude == pytest.approx(160.3333333)
    assert sp.Q_(1, "FTE").to("hour/week").magnitude == pytest.approx(37)
    assert sp.Q_(1, "year").to("week").magnitude == pytest.approx(52)
    assert sp.Q_(1, "year").to("month").magnitude == pytest.approx(12)
    assert sp.Q_(5, "kr").to("DKK").magnitude == 5


def test_labour_hours_are_not_calendar_time() -> None:
    # hour/week would be dimensionless if hour and week shared [time]; "50 %" must not pass as hours
    with pytest.raises(pint.DimensionalityError):
        sp.Q_(37, "hour/week") + 0.5
    with pytest.raises(pint.DimensionalityError):
        sp.Q_(1, "week").to("hour")


def test_one_registry_that_leaves_the_host_programs_registry_alone() -> None:
    import pickle

    assert sp.Q_ is sp.ureg.Quantity
    app_registry = pint.get_application_registry()  # type: ignore[no-untyped-call]
    assert app_registry.get() is not sp.ureg
    # a pickled quantity (a scenario sent to a process pool) comes back into our registry
    back = pickle.loads(pickle.dumps(sp.Q_(165, "DKK/hour")))  # noqa: S301 - our own data
    assert back._REGISTRY is sp.ureg
    assert back == sp.Q_(165, "DKK/hour")


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (sp.Q_(11000, "DKK/month"), Fraction(132000)),  # × 12 months
        (sp.Q_(65, "hour/month"), Fraction(780)),  # × 12 = 780 h/year = 15 h/week × 52
        (sp.Q_(15, "hour/week"), Fraction(780)),
        (sp.Q_(1, "FTE"), Fraction(1924)),
        (sp.Q_(12, "%"), Fraction(3, 25)),
        (sp.Q_(6, "month"), Fraction(1, 2)),
        (sp.Q_(0.1, "DKK"), Fraction(1, 10)),  # read through repr, not the binary float
        (sp.Q_(7, "day"), Fraction(1, 52)),
        (sp.Q_(1, "DKK/minute"), Fraction(60)),
    ],
)
def test_canonical_is_exact(quantity: Any, expected: Fraction) -> None:
    assert units.canonical(quantity) == expected


def test_unit_parsing_is_cached() -> None:
    units.parse_unit("DKK / hour")
    before = units.parse_unit.cache_info().hits
    units.parse_unit("DKK / hour")
    assert units.parse_unit.cache_info().hits == before + 1


@pytest.mark.parametrize(
    ("field", "value", "magnitude", "unit"),
    [
        ("per_hour", "145 DKK/hour", 145, "DKK / hour"),
        ("per_hour", "145 kr/h", 145, "DKK / hour"),
        ("per_hour", 145.5, 145.5, "DKK / hour"),  # a plain number is DKK/hour: unambiguous
        ("per_hour", sp.Q_(145, "DKK/hour"), 145, "DKK / hour"),
        ("money", 480000, 480000, "DKK"),
        ("per_time", "11000 DKK/month", 11000, "DKK / month"),
        ("hours", "15 hour/week", 15, "hour / week"),
        ("fte", 1, 1, "FTE"),
        ("fte", "18.5 hour/week", 18.5, "hour / week"),
        ("span", "6 month", 6, "month"),
        ("share", "12 %", 12, "percent"),
        ("share", 0.12, 0.12, "dimensionless"),
        ("markup", "12 %", 12, "percent"),
        ("markup", "20 DKK/hour", 20, "DKK / hour"),
    ],
)
def test_fields_accept(field: str, value: Any, magnitude: float, unit: str) -> None:
    q = getattr(Fields.model_validate({field: value}), field)
    assert q.magnitude == magnitude
    assert str(q.units) == unit


@pytest.mark.parametrize(
    ("field", "value", "code", "words"),
    [
        ("per_hour", "145 DKK/month", "dimension_mismatch", "expected money per hour"),
        ("per_time", 11000, "unit_missing", "ambiguous"),  # per month or per year?
        ("hours", "50 %", "dimension_mismatch", "expected hours per week, month or year"),
        ("hours", "-15 hour/week", "negative", "must not be negative"),
        ("per_hour", float("nan"), "finite_number", "not a finite number"),
        ("per_hour", "inf DKK/hour", "finite_number", "not a finite number"),
        ("per_hour", float("-inf"), "finite_number", "not a finite number"),
        ("per_hour", "1e20 DKK/hour", "too_large", "below"),
        ("per_hour", "1.23456789012345678 DKK/hour", "too_precise", "significant digits"),
        ("per_hour", "165 DKK/parsec", "unit_unknown", "unknown unit"),
        ("per_hour", "165 DKK.__class__", "unit_unknown", "unknown unit"),
        ("per_hour", "165 DKK; import os", "unit_syntax", "not a unit expression"),
        ("per_hour", "DKK 165", "quantity_syntax", "number followed by a unit"),
        ("per_hour", True, "quantity_type", "not a quantity"),
        ("per_hour", [1, 2], "quantity_type", "not a quantity"),
        ("per_hour", Fraction(1, 3), "inexact", "not a finite decimal"),
        ("span", "0 year", "not_positive", "greater than zero"),
        ("markup", 12, "bare_share", "12 would mean 1200 %"),
        ("markup", "12 hour/week", "dimension_mismatch", "money per hour or a percentage"),
    ],
)
def test_fields_reject_with_named_field(field: str, value: Any, code: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        Fields.model_validate({field: value})
    (error,) = info.value.errors()
    assert error["loc"] == (field,)
    assert error["type"] == code
    assert words in error["msg"]


def test_quantity_from_another_registry_is_refused() -> None:
    other: pint.UnitRegistry[Any] = pint.UnitRegistry(str(units.DEFINITIONS))
    with pytest.raises(ValidationError, match="another unit registry"):
        Fields(per_hour=other.Quantity(1, "DKK/hour"))


def test_headcount_refuses_bools_and_fractions() -> None:
    with pytest.raises(ValidationError, match="boolean"):
        Fields(people=True)
    with pytest.raises(ValidationError):
        Fields.model_validate({"people": 2.5})
    with pytest.raises(ValidationError):
        Fields(people=-1)


@pytest.mark.parametrize(
    "value", ["145 DKK/hour", "0.1 DKK/hour", "409.56 DKK/hour", "12.5 kr/h", "1e-7 DKK/hour", 99.95, "0 DKK/hour"]
)
def test_serialisation_reads_back_identically(value: Any) -> None:
    first = Fields(per_hour=value).per_hour
    text = Fields(per_hour=first).model_dump(mode="json")["per_hour"]
    again = Fields(per_hour=text).per_hour
    assert first is not None
    assert again is not None
    assert again.magnitude == first.magnitude
    assert again.units == first.units
    assert units.canonical(again) == units.canonical(first)


def test_exact_decimal_survives() -> None:
    # 409.56 must stay 409.56, never 409.5599999...
    q = Fields(per_hour="409.56 DKK/hour").per_hour
    assert q is not None
    assert units.canonical(q) == Fraction(40956, 100)
    assert Fields(per_hour=q).model_dump(mode="json")["per_hour"] == "409.56 DKK / hour"


def test_json_schema_states_the_unit() -> None:
    schema = Fields.model_json_schema()["properties"]
    per_hour = schema["per_hour"]["anyOf"][0]
    assert per_hour["x-unit-dimensions"] == ["money per hour"]
    assert "165 DKK/hour" in per_hour["examples"]
    assert schema["markup"]["anyOf"][0]["x-unit-dimensions"] == ["money per hour", "a plain number or percentage"]


def test_calendar_constants_come_from_the_definitions() -> None:
    # the formulas read the calendar from units.txt instead of restating it
    assert (units.WEEKS_PER_YEAR, units.MONTHS_PER_YEAR, units.FTE_HOURS_PER_WEEK) == (52, 12, 37)
    assert all(isinstance(x, int) for x in (units.WEEKS_PER_YEAR, units.MONTHS_PER_YEAR, units.FTE_HOURS_PER_WEEK))


@pytest.mark.parametrize(
    ("danish", "english"),
    [
        ("400000 stk./år", "400000 item/year"),
        ("400000 stk/år", "400000 item/year"),
        ("55 kr./stk.", "55 DKK/item"),
        ("55 kr. pr. stk.", "55 DKK/item"),
        ("12 styk/md.", "12 item/month"),
    ],
)
def test_items_read_in_danish(danish: str, english: str) -> None:
    assert sp.Q_(danish) == sp.Q_(english)


def test_danish_output_of_items_reads_back() -> None:
    # the report and explanations write a volume as "250.000 stk./år": typed back into a
    # number_format: da file (or block), it is the same volume
    t = Translator("da")
    shown = [t.parameter_value("250000 item / year"), t.parameter_value("55 DKK / item")]
    assert shown == ["250.000 stk./år", "55 kr./stk."]
    with sp.number_format("da"):
        assert [sp.Q_(s) for s in shown] == [sp.Q_("250000 item/year"), sp.Q_("55 DKK/item")]


@pytest.mark.parametrize(
    "values",
    [["9.500", "12.000"], ("9.500",), "array", "series"],
    ids=["list", "tuple", "ndarray", "series"],
)
def test_text_in_a_quantity_column_is_read_by_the_number_rules(values: Any) -> None:
    """``9.500`` may be 9.5 or 9,500: refused in a column as it is alone, never taken as 9.5 by numpy."""
    import numpy as np
    import pandas as pd

    made: dict[str, Any] = {"array": np.array(["9.500"]), "series": pd.Series(["9.500"], dtype=str)}
    column: Any = made[values] if isinstance(values, str) else values
    with pytest.raises(sp.QuantityError, match=r"9\.500 is ambiguous"):
        sp.Q_(column, "DKK/month")
    with sp.number_format("da"):  # the declared convention: 9.500 is nine thousand five hundred
        assert list(sp.Q_(column, "DKK/month").magnitude) == [9500.0, 12000.0][: len(column)]


def test_a_text_column_sweeps_as_its_numbers() -> None:
    import numpy as np

    deal = sp.load(sp.example_path())
    with sp.number_format("da"):
        text: Any = ["9.500", "12.000,50"]  # pint's stubs take no list of text; Q_ reads it
        prices = sp.Q_(text, "DKK/month")
    assert list(prices.magnitude) == [9500.0, 12000.5]
    # coverage: (3 × 9,500 × 12 + 46,800) / 480,000 = 388,800 / 480,000 = 0.81
    frame = sp.sweep(deal, {"courses.price": prices})
    assert frame["coverage"].iloc[0] == pytest.approx(0.81)
    assert list(sp.Q_([1, 2.5], "DKK").magnitude) == [1, 2.5]  # numbers as pint takes them
    assert sp.Q_(np.array([3.0]), "DKK").magnitude.dtype == np.float64


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((1, "DKK*"), r"not a unit pint can read: an incomplete expression \(expected a unit such as 'DKK/month'"),
        ((1, "(DKK"), r"not a unit pint can read: .*got '\(DKK'"),
        ((1, "foo"), r"not a unit pint can read: 'foo' is not defined in the unit registry"),
        ((1, 3), r"not a unit \(expected a unit such as 'DKK/month', got '3'\)"),
        ((True, "DKK"), r"a boolean is not a number"),
        ((np.True_, "DKK"), r"a boolean is not a number"),
    ],
)
def test_a_bad_unit_or_magnitude_is_a_quantity_error(args: tuple[Any, ...], words: str) -> None:
    with pytest.raises(sp.QuantityError, match=words):
        sp.Q_(*args)


def test_a_quantity_of_another_registry_is_refused_at_once() -> None:
    with pytest.raises(sp.QuantityError, match="from another unit registry"):
        sp.Q_(pint.UnitRegistry().Quantity(1, "m"))
