"""Input handling at the edges: text in ``Q_``, numpy scalars, hours beyond the calendar, the money helpers, messages.

Each number below is worked out by hand in the comment beside it.
"""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import socialpartner as sp
from socialpartner._internal.units import number_format
from socialpartner.errors import QuantityError, SocialPartnerError
from socialpartner.models._frozen import Frozen
from socialpartner.quantities import Money, Share
from socialpartner.scenario import from_data

from .conftest import ROOT

D = Decimal
BASE = (ROOT / "examples" / "ikea_rebild.yaml").read_text(encoding="utf-8").split("expect:")[0]


def errors_of(data: dict[str, Any]) -> list[Any]:
    with pytest.raises(ValidationError) as info:
        from_data(data)
    return info.value.errors()


def refused_text(text: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        sp.loads(text)
    return info.value


# -- 1. Q_ with a text magnitude reads it by the number rules at once ---------------------------


def test_q_with_a_text_magnitude_is_a_number() -> None:
    q: Any = sp.Q_("100", "DKK/month")
    assert q.magnitude == 100
    assert type(q.magnitude) is int
    assert (q * 3).magnitude == 300  # not the text repeated, '100100100'
    assert (q + q).magnitude == 200
    assert q.to("DKK/year").magnitude == pytest.approx(1200)  # 100 × 12 months


def test_q_with_a_decimal_text_keeps_the_decimal() -> None:
    q: Any = sp.Q_("13963.99", "DKK/month")
    assert q.magnitude == 13963.99
    staff = sp.SupportStaff(role="x", fte=1, annual_cost=q)
    assert staff.annual_cost_exact() == Fraction("167567.88")  # 13,963.99 × 12


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("510.000", "write 510000 or 510_000"),  # Danish grouping or 510.0: never guessed
        ("165,50", r"write 165\.50"),  # a decimal comma
        ("510,000", "write 510000"),
        ("nan", "not a finite number"),
        ("100 DKK", "not a number"),
        ("x" * 200, "text too long"),
    ],
)
def test_q_refuses_text_the_fields_refuse(text: str, words: str) -> None:
    with pytest.raises(QuantityError, match=words):
        sp.Q_(text, "DKK")


def test_q_gives_the_reason_a_field_gives() -> None:
    with pytest.raises(QuantityError) as at_q:
        sp.Q_("510.000", "DKK/year")
    with pytest.raises(ValidationError) as at_field:
        sp.SupportStaff(role="x", fte=1, annual_cost="510.000 DKK/year")
    assert at_q.value.code == at_field.value.errors()[0]["type"] == "ambiguous_grouping"
    assert at_q.value.reason in at_field.value.errors()[0]["msg"]


def test_q_text_follows_the_danish_number_format() -> None:
    with number_format("da"):
        assert sp.Q_("510.000,50", "DKK").magnitude == 510000.5
        with pytest.raises(QuantityError, match="write 165,50"):
            sp.Q_("165.50", "DKK/hour")


def test_q_text_other_forms() -> None:
    assert sp.Q_("1e3", "DKK").magnitude == 1000
    assert sp.Q_("510_000", "DKK").magnitude == 510000
    assert sp.Q_("-5", "DKK").magnitude == -5
    q = pickle.loads(pickle.dumps(sp.Q_("100", "DKK/month")))  # noqa: S301 - our own data
    assert q == sp.Q_(100, "DKK/month")


def test_q_keeps_a_decimal_as_given_and_a_field_refuses_excess_digits() -> None:
    # Decimals are exact numbers, not text: Q_ keeps one as given (arithmetic on Q_ makes
    # more digits too), and a model field refuses more than 15 significant digits, as for text
    long = D("165.1234567890123456")
    assert sp.Q_(long, "DKK/hour").magnitude == long
    with pytest.raises(ValidationError, match="more than 15 significant digits"):
        sp.TempHours(workers=3, effective_hours="15 hour/week", wage_cost=sp.Q_(long, "DKK/hour"), overhead=0)


# -- 2. numpy booleans are no numbers ---------------------------------------------------------------


@pytest.mark.parametrize("flag", [np.True_, np.False_, True])
def test_a_numpy_boolean_is_no_headcount(flag: Any) -> None:
    with pytest.raises(ValidationError, match="got a boolean"):
        sp.TempHours(workers=flag, effective_hours="15 hour/week", wage_cost=165, overhead=0)
    with pytest.raises(ValidationError, match="got a boolean"):
        sp.Courses(participants=flag, price="11000 DKK/month")


def test_a_numpy_boolean_is_no_headcount_in_a_copy_or_a_file(example: sp.SharedResponsibilityPartnership) -> None:
    with pytest.raises(ValidationError, match="got a boolean"):
        example.temp_hours.model_copy(update={"workers": np.True_})
    data = yaml.safe_load(BASE)
    data["temp_hours"]["workers"] = np.True_
    assert [e["loc"] for e in errors_of(data)] == [("temp_hours", "workers")]


@pytest.mark.parametrize("flag", [np.True_, True])
def test_a_numpy_boolean_is_no_quantity_share_or_code(flag: Any) -> None:
    with pytest.raises(ValidationError, match="bool"):
        sp.TempHours(workers=3, effective_hours="15 hour/week", wage_cost=flag, overhead=0)
    with pytest.raises(ValidationError, match="bool"):
        sp.TempHours(workers=3, effective_hours="15 hour/week", wage_cost=165, overhead=flag)
    with pytest.raises(ValidationError, match="got a boolean"):
        sp.Municipality(name="Rebild Kommune", code=flag)


# -- 3. numpy integers as kommune codes ---------------------------------------------------------------


@pytest.mark.parametrize("code", [np.int64(840), np.int32(840), np.uint16(840), 840, "0840"])
def test_a_numpy_integer_is_a_kommune_code(code: Any) -> None:
    m = sp.Municipality(name="Rebild Kommune", code=code)
    assert m.code == 840
    assert type(m.code) is int
    assert m.official_name == "Rebild"


def test_a_numpy_integer_code_is_still_checked() -> None:
    with pytest.raises(ValidationError, match="5 is not a Danish kommunekode"):
        sp.Municipality(name="x", code=np.int64(5))


def test_a_numpy_code_in_scenario_data_evaluates() -> None:
    data = yaml.safe_load(BASE)
    data["municipality"]["code"] = np.int64(840)
    numpy_code: Any = from_data(data)
    plain_code: Any = from_data(yaml.safe_load(BASE))
    assert numpy_code.municipality == plain_code.municipality


# -- 4. hours per person fit in the working time law ------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "words"),
    [
        ("200 hour/week", "200 hour / week is more than the 48 hours a week a person may work on average"),
        ("49 hour/week", r"more than the 48 hours a week a person may work on average \(arbejdstidsloven § 4\)"),
        # a line of 8 fleksjob at 12 hours each typed as the line's total: 96 hours "each"
        ("96 hour/week", "the hours are per person, not the line's total"),
        ("640 hour/quarter", r"640 hour / quarter \(49\.23 hour/week\)"),  # 640 × 4 / 52 = 49.23…
        ("260 hour/month", r"60 hour/week"),  # 260 × 12 / 52 = 60
        ("2 FTE", r"\(74 hour/week\)"),  # 2 × 37
    ],
)
def test_hours_per_worker_beyond_the_week_are_refused(hours: str, words: str) -> None:
    data = yaml.safe_load(BASE)
    data["temp_hours"]["effective_hours"] = hours
    (error,) = errors_of(data)
    assert error["loc"] == ("temp_hours", "effective_hours")
    assert error["type"] == "more_than_the_time"
    assert "per person" in error["msg"]
    assert __import__("re").search(words, error["msg"]), error["msg"]


def test_the_law_s_48_hours_a_week_are_still_accepted() -> None:
    data = yaml.safe_load(BASE)
    data["temp_hours"]["effective_hours"] = "48 hour/week"
    ev = sp.evaluate(from_data(data))
    # overhead 3 × 48 × 52 × 20 = 149,760; courses 3 × 11,000 × 12 = 396,000; 545,760 / 480,000 = 1.137
    assert ev.cost_split.funding["overhead on temp hours"] == D("149760.00")
    assert ev.cost_split.coverage == D("1.137")
    data["temp_hours"]["effective_hours"] = "2496 t/år"  # 2496 / 52 = 48 hour/week
    assert sp.evaluate(from_data(data)).cost_split.coverage == D("1.137")


@pytest.mark.parametrize(
    ("example", "where"),
    [
        ("in_house_packing.yaml", ("workforce", 0, "paid_hours")),
        ("labour_shortage_site.yaml", ("helpers", 0, "paid_hours")),
        ("supplier_facility.yaml", ("workforce", 0, "paid_hours")),
    ],
)
def test_workforce_hours_beyond_the_week_are_refused(example: str, where: tuple[Any, ...]) -> None:
    data = yaml.safe_load((ROOT / "examples" / example).read_text(encoding="utf-8"))
    data.pop("expect", None)
    line = data[where[0]][0]
    line["paid_hours"] = "170 hour/week"
    # (a list that must not be empty also reports itself when its only line is refused)
    assert where in [e["loc"] for e in errors_of(data)]
    line["paid_hours"] = "37 hour/week"
    line["effective_hours"] = "1000 hour/week"
    assert (*where[:-1], "effective_hours") in [e["loc"] for e in errors_of(data)]


def test_progression_and_fleksloentilskud_hours_are_per_person() -> None:
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"]["progression"]["fleksjob_hours"] = "200 hour/week"
    assert [e["loc"] for e in errors_of(data)] == [("horizon", "progression", "fleksjob_hours")]
    with pytest.raises(ValueError, match="48 hours a week a person may work"):
        sp.fleksloentilskud("180 DKK/hour", "200 hour/week", 2024)


def test_totals_of_many_people_are_not_capped() -> None:
    # a service's billed hours and an in-house task's hours are of all staff together
    for name in ("supplier_facility.yaml", "in_house_packing.yaml"):
        data = yaml.safe_load((ROOT / "examples" / name).read_text(encoding="utf-8"))
        data.pop("expect", None)
        assert sp.evaluate(from_data(data)).cost_split.cost > 0
    data = yaml.safe_load((ROOT / "examples" / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["services"][0]["hours"] = "1000 hour/week"
    assert from_data(data).services[0].hours.magnitude == 1000  # type: ignore[attr-defined]


def test_the_schema_states_the_limit() -> None:
    schema = sp.scenario_schema()
    text = str(schema)
    assert "At most 48 hours a week per person (arbejdstidsloven § 4)" in text


# -- 5. numpy floats are the decimals they stand for ---------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (np.float32(13963.99), 13963.99),  # float32 holds 13963.990234375
        (np.float16(0.1), 0.1),  # float16 holds 0.0999755859375
        (np.float64(13963.99), 13963.99),
        (np.longdouble("0.1"), 0.1),
    ],
)
def test_q_of_a_numpy_float_is_its_shortest_decimal(value: Any, expected: float) -> None:
    magnitude = sp.Q_(value, "DKK/month").magnitude
    # compared as Python floats: numpy would compare a float32 with 13963.99 in float32
    assert float(magnitude) == expected
    assert repr(float(magnitude)) == repr(expected)


def test_numpy_floats_in_fields_and_money() -> None:
    t = sp.TempHours(workers=3, effective_hours="15 hour/week", wage_cost=165, overhead=np.float32(0.12))
    assert t.overhead.magnitude == 0.12  # not 0.119999997317791
    assert t.model_copy(update={"overhead": np.float32(0.12)}) == t
    data = yaml.safe_load(BASE)
    data["courses"]["price"] = sp.Q_(np.float32(13963.99), "DKK/month")
    ev = sp.evaluate(from_data(data))
    # 3 participants × 13,963.99 × 12 = 502,703.64 (the float32's 13963.990234375 would give 502,703.65)
    assert ev.cost_split.funding["municipal course payments"] == D("502703.64")


def test_numpy_float_magnitudes_put_in_place_are_read_the_same() -> None:
    from socialpartner._internal.units import exact_magnitude, format_magnitude

    assert exact_magnitude(np.float32(13963.99)) == Fraction("13963.99")
    assert format_magnitude(np.float32(13963.99)) == "13963.99"


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, width=32))
def test_a_float32_reads_back_to_itself(x: float) -> None:
    value = np.float32(x)
    magnitude = sp.Q_(value, "DKK").magnitude
    assert np.float32(magnitude) == value  # the shortest decimal is the same float32
    assert len(Decimal(repr(magnitude)).normalize().as_tuple().digits) <= 9  # at most float32's 9 digits


# -- 6. the money helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "ore"),
    [
        (2.675, D("2.68")),  # the binary float is 2.67499999…; the decimal it stands for is 2.675
        (-2.675, D("-2.68")),
        (0.1 + 0.2, D("0.30")),
        (np.float32(2.675), D("2.68")),
        (np.float64(1.005), D("1.01")),
        (np.int64(7), D("7.00")),
        (Fraction(84000, 2340), D("35.90")),  # exact values as before
        (D("0.005"), D("0.01")),
    ],
)
def test_to_ore_reads_floats_as_inputs_are(value: Any, ore: Decimal) -> None:
    assert sp.to_ore(value) == ore


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -np.inf, D("NaN"), D("-Infinity")])
def test_to_ore_refuses_what_is_not_finite(value: Any) -> None:
    with pytest.raises(QuantityError, match="not a finite number"):
        sp.to_ore(value)


@pytest.mark.parametrize("value", ["12", None, [1], True, np.True_, 1 + 2j])
def test_to_ore_refuses_what_is_not_a_number(value: Any) -> None:
    with pytest.raises(QuantityError) as info:
        sp.to_ore(value)
    assert isinstance(info.value, ValueError)
    assert info.value.code == "quantity_type"


@given(st.decimals(min_value=-(10**11), max_value=10**11, places=3))
def test_to_ore_of_a_float_made_from_a_decimal_is_to_ore_of_the_decimal(d: Decimal) -> None:
    # a float holds up to 15 significant digits exactly: 1.005 rounds as 1.005, up, to 1.01
    assert sp.to_ore(float(d)) == sp.to_ore(d)


def test_allocate_takes_numpy_weights_and_float_amounts() -> None:
    thirds = [D("33.34"), D("33.33"), D("33.33")]  # 10,000 øre / 3 = 3,333 r 1: the first part gets the øre
    assert sp.allocate(D("100.00"), np.array([1, 1, 1])) == thirds
    assert sp.allocate(100.0, [1, 1, 1]) == thirds
    assert sp.allocate(np.float64(100), (1, 1, 1)) == thirds
    # weights 0.1 and 0.2 are 1/10 and 2/10: 100 øre → 33.33… and 66.66…; the øre left goes to 0.67
    assert sp.allocate(D("1.00"), np.array([0.1, 0.2])) == [D("0.33"), D("0.67")]
    assert sp.allocate(D("1.00"), iter([1, 2])) == [D("0.33"), D("0.67")]


@pytest.mark.parametrize(
    ("amount", "weights", "error", "words"),
    [
        (D("1.00"), np.array([]), SocialPartnerError, "at least one weight"),
        (D("1.00"), np.array([[1, 2]]), SocialPartnerError, "one-dimensional"),
        (D("1.00"), [float("nan")], QuantityError, "not a finite number"),
        (D("1.00"), 3, SocialPartnerError, "sequence of numbers"),
        (D("1.00"), ["a"], QuantityError, "not a number"),
        (float("inf"), [1], QuantityError, "not a finite number"),
        (100.005, [1], SocialPartnerError, "whole øre"),
        (Fraction(1, 3), [1], QuantityError, "not a finite decimal"),
    ],
)
def test_allocate_refuses_clearly(amount: Any, weights: Any, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        sp.allocate(amount, weights)


def test_split_cost_reads_floats_as_inputs_are() -> None:
    split = sp.split_cost(480000.0, {"overhead": 46800.0, "courses": np.float64(396000)})
    # 46,800 + 396,000 = 442,800 of 480,000: 92.25 %, 37,200 short
    assert split.coverage == D("0.9225")
    assert split.shortfall == D("37200.00")
    assert split.funding["courses"] == D("396000")
    assert sp.split_cost(480000, {"a": 0.1}).total_funding == D("0.10")  # 0.1, not 0.1000000000000000055…


@pytest.mark.parametrize(
    ("cost", "funding", "error", "words"),
    [
        (float("nan"), {}, QuantityError, "not a finite number"),
        (D("1"), {"a": float("inf")}, QuantityError, "funding 'a'"),
        (D("1"), {"a": "12"}, QuantityError, "not a number"),
        (D("1"), [("a", D(1))], SocialPartnerError, "mapping of source names"),
        ("480000", {}, QuantityError, "not a number"),
    ],
)
def test_split_cost_refuses_clearly(cost: Any, funding: Any, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        sp.split_cost(cost, funding)


def test_ratio_helpers_read_mixed_numbers() -> None:
    ratio: Any = sp.coverage_ratio  # typed for one kind of number; a mix is read too
    rate: Any = sp.break_even_rate
    assert ratio(D("442800.00"), 480000.0) == D("0.9225")
    # (480,000 − 433,200) / 2,340 hours = 46,800 / 2,340 = 20 DKK/hour
    assert rate(D("480000.00"), 433200.0, 2340) == 20
    assert ratio(Fraction(1, 3), D("0.5")) == Fraction(2, 3)
    assert ratio(1.0, 4.0) == 0.25  # floats alone stay floats (the sweep's backend)
    with pytest.raises(SocialPartnerError, match="cost must not be zero"):
        ratio(D(1), D(0))
    with pytest.raises(SocialPartnerError, match="volume must not be zero"):
        rate(D(1), 0.5, 0)
    with pytest.raises(QuantityError, match="not a number"):
        ratio(D(1), "2")


# -- 7. messages ---------------------------------------------------------------------------------------


def test_a_decimal_comma_in_a_flow_mapping_names_the_value_and_the_fix() -> None:
    # YAML reads {…, fte: 1,5, …} as fte: 1 and a key 5
    text = BASE.replace(
        "  - role: socialpædagog\n    fte: 1\n    annual_cost: 480000 DKK/year",
        "  - {role: x, fte: 1,5, annual_cost: 480000 kr./år}",
    )
    (error,) = refused_text(text).errors()
    assert error["loc"] == ("support_staff", 0, 5)
    assert "fte: 1,5 was cut in two at the comma" in error["msg"]
    assert "write fte: 1.5" in error["msg"]
    assert 'quote it (fte: "1,5") and declare number_format: da' in error["msg"]
    assert "Keys should be strings" not in error["msg"]
    # the fix it gives works, both ways: 1.5 FTE × 480,000 is the post's own cost
    fixed: Any = sp.loads(text.replace("fte: 1,5", "fte: 1.5"))
    danish: Any = sp.loads("number_format: da\n" + text.replace("fte: 1,5", 'fte: "1,5"'))
    assert fixed.support_staff[0].fte == danish.support_staff[0].fte == sp.Q_(1.5, "FTE")


def test_a_decimal_comma_in_a_flow_mapping_before_a_unit() -> None:
    text = BASE.replace(
        "temp_hours:                 # vikartimer: the company buys hours from the SØV\n",
        "temp_hours: {workers: 3, effective_hours: 15 hour/week, wage_cost: 165,50 DKK/hour, overhead: 20 DKK/hour}\n"
        "x_temp_hours:\n",
    )
    errors = {e["loc"]: e["msg"] for e in refused_text(text).errors()}
    message = errors[("temp_hours", "50 DKK/hour")]
    assert "wage_cost: 165,50 DKK/hour was cut in two" in message
    assert "write wage_cost: 165.50 DKK/hour" in message


def test_a_number_key_without_a_number_before_it() -> None:
    data = yaml.safe_load(BASE)
    data["support_staff"][0][5] = None
    del data["support_staff"][0]["role"]
    data["support_staff"][0] = {5: None, **data["support_staff"][0]}
    messages = [e["msg"] for e in errors_of(data)]
    assert any("a number written with a comma is cut in two" in m for m in messages), messages


@pytest.mark.parametrize("value", ["abc", [1], True])
def test_a_union_says_once_what_it_accepts(value: Any) -> None:
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["public"]["weeks_on_support"] = value
    (error,) = errors_of(data)
    assert error["loc"] == ("public", "weeks_on_support")
    assert error["msg"] == (
        "Input should be a number of weeks (0 to 2600), or weeks by group such as {fleksjob: 20, default: 2}"
    )


def test_a_union_reports_the_arm_the_value_was_meant_for() -> None:
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["public"]["weeks_on_support"] = {"fleksjob": "abc", "default": 2}
    assert [(e["loc"], e["msg"]) for e in errors_of(data)] == [
        (
            ("public", "weeks_on_support", "fleksjob"),
            "not a number: expected a whole number (weeks such as 104), got 'abc'",
        )
    ]
    data["public"]["self_supported_weeks"] = -1
    data["public"]["weeks_on_support"] = 2
    assert [(e["loc"], e["msg"]) for e in errors_of(data)] == [
        (("public", "self_supported_weeks"), "expected weeks such as 104 (0 to 2600), got -1")
    ]


class _Either(Frozen):
    count: int | list[int] = 0
    amount: Money | Share = 0  # type: ignore[assignment]


@pytest.mark.parametrize(
    ("given", "loc", "message"),
    [
        ({"count": "a"}, ("count",), "Input should be a whole number, or a list"),
        ({"count": ["a"]}, ("count", 0), "Input should be a whole number"),
        ({"amount": [1]}, ("amount",), "Input should be money, or a fraction"),
        ({"amount": "5 hour/week"}, ("amount",), "Input should be money, or a fraction"),
    ],
)
def test_any_union_is_described_from_its_types(given: dict[str, Any], loc: tuple[Any, ...], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        _Either(**given)
    assert [(e["loc"], e["msg"]) for e in info.value.errors()] == [(loc, message)]


def test_no_pydantic_schema_names_in_union_messages() -> None:
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data["public"]["weeks_on_support"] = "abc"
    with pytest.raises(ValidationError) as info:
        from_data(data)
    assert "constrained-int" not in str(info.value)
    assert "dict[str" not in str(info.value)


def test_rules_between_fields_have_no_value_error_prefix() -> None:
    # a nested model's rule, a top-level model's rule, and a model built in code
    data = yaml.safe_load(BASE)
    data["support_staff"][0]["cost_per_fte"] = "1 DKK/year"
    (nested,) = errors_of(data)
    assert nested["msg"].startswith("cost_per_fte: annual_cost and cost_per_fte are both given")
    three = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    three["period"] = "6 month"
    (top,) = errors_of(three)
    assert top["loc"] == ()
    assert not top["msg"].startswith("Value error")
    with pytest.raises(ValidationError) as info:
        sp.PublicBudget(year=2026, weeks_on_support={"fleksjob": 3, "foo": 2})
    assert info.value.errors()[0]["msg"].startswith("weeks_on_support: unknown group 'foo'")
    assert "Value error" not in str(info.value)


def test_the_command_line_prints_plain_messages(tmp_path: Path) -> None:
    three = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    three.pop("expect", None)
    broken = copy.deepcopy(three)
    broken["period"] = "6 month"
    broken["public"]["weeks_on_support"] = "abc"
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    cmd = [sys.executable, "-m", "socialpartner", "evaluate", str(path)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=120)
    text = out.stdout + out.stderr
    assert out.returncode != 0
    assert "public.weeks_on_support" in text
    assert "Value error" not in text
    assert "constrained-int" not in text


def test_a_number_that_is_not_whole_says_so_in_a_union() -> None:
    # 1.5 is a number of weeks in range: "should be a number of weeks (0 to 2600)" said nothing
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["public"]["weeks_on_support"] = 1.5
    (error,) = errors_of(data)
    assert error["loc"] == ("public", "weeks_on_support")
    assert error["msg"] == "expected a whole number (weeks such as 104), got 1.5"


@pytest.mark.parametrize(
    ("given", "shown"),
    [(-1, "-1"), (-1.0, "-1"), ("-3", "-3"), (np.int64(-2), "-2"), (2_000_000, "2000000"), (-0.5, "-0.5")],
)
def test_a_headcount_out_of_range_is_said_in_people(given: Any, shown: str) -> None:
    # before: "Input should be greater than or equal to 0", pydantic's words and link
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["temp_hours"]["workers"] = given
    assert [(e["loc"], e["msg"]) for e in errors_of(data)] == [
        (("temp_hours", "workers"), f"expected a whole number of people (0 to 1,000,000), got {shown}")
    ]


@pytest.mark.parametrize(
    ("where", "given", "said"),
    [
        (("public", "weeks_on_support"), -5, "expected weeks such as 104 (0 to 2600), got -5"),
        (("horizon", "start_year"), 26, "expected a year such as 2026 (1900 to 2200), got 26"),
        (("public", "year"), "3000", "expected a year such as 2026 (1900 to 2200), got 3000"),
        (
            ("public", "counterfactual", "fleksjob"),
            19630,
            "Input should be a benefit: {parameter: benefit.ledighedsydelse} (a rate of the parameters) or "
            "{amount: '19630 DKK/month'} (an amount of your own)",
        ),
    ],
)
def test_a_year_weeks_or_benefit_out_of_shape_says_what_is_expected(
    where: tuple[str, ...], given: Any, said: str
) -> None:
    # before: "Input should be greater than or equal to 0 / 1900" and, for a bare amount as a
    # benefit, "Input should be a mapping of keys to values", which does not say which keys
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    *parents, last = where
    node = data
    for key in parents:
        node = node[key]
    node[last] = given
    assert [(e["loc"], e["msg"]) for e in errors_of(data)] == [(where, said)]
