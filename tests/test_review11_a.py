"""Review 11 (a): no rates per day; a Uniform headcount is uniform; tornado shows a non-monotone input."""

from __future__ import annotations

import copy
import zlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app
from socialpartner.quantities import (
    AnyQuantity,
    Duration,
    FullTimeEquivalents,
    HoursPerPerson,
    HoursPerTime,
    ItemsPerTime,
    MoneyPerTime,
)

ROOT = Path(__file__).resolve().parent.parent
D = Decimal


def example(name: str = "ikea_rebild.yaml") -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / name).read_text(encoding="utf-8"))
    data.pop("expect", None)
    return data


def only_error(data: dict[str, Any]) -> dict[str, Any]:
    with pytest.raises(ValidationError) as info:
        sp.from_data(data)
    (error,) = info.value.errors()
    return dict(error)


# -- 1. a rate per day is refused, naming both readings and the fix -----------------------------


@pytest.mark.parametrize(
    "hours",
    ["3.7 hour/day", "3.7 hour/days", "3.7 hour/d", "3.7 t/dag", "3.7 timer/dage", "3.7 t pr. dag", "3.7 h / day"],
)
def test_hours_per_day_are_refused_in_every_spelling(hours: str) -> None:
    data = example()
    data["temp_hours"]["effective_hours"] = hours
    error = only_error(data)
    assert error["loc"] == ("temp_hours", "effective_hours")
    assert error["type"] == "per_day"
    # 3.7 × 5 working days = 18.5; 3.7 × 7 calendar days = 25.9
    assert "18.5 hour/week if per working day (× 5)" in error["msg"]
    assert "25.9 hour/week if per calendar day (× 7)" in error["msg"]
    assert "write the rate per week, month or year" in error["msg"]


def test_a_danish_day_rate_with_a_decimal_comma_is_refused() -> None:
    data = example()
    data["number_format"] = "da"
    data["temp_hours"]["effective_hours"] = "7,4 t/dag"
    error = only_error(data)
    assert error["type"] == "per_day"
    # 7.4 × 5 = 37 (the standard week); 7.4 × 7 = 51.8
    assert "7.4 hour/day is 37 hour/week if per working day" in error["msg"]
    assert "51.8 hour/week if per calendar day" in error["msg"]


def test_the_week_it_means_gives_the_fte_the_user_meant() -> None:
    # 5 workers at 18.5 hour/week (3.7 a working day): 5 × 18.5 / 37 = 2.50 FTE; read per
    # calendar day, 3.7 × 7 = 25.9 hour/week would have been 5 × 25.9 / 37 = 3.50 FTE
    data = example()
    data["temp_hours"]["workers"] = 5
    data["temp_hours"]["effective_hours"] = "18.5 hour/week"
    results = sp.evaluate(sp.from_data(data)).results()
    assert results["fte"] == D("2.50")
    # overhead 5 × 18.5 × 52 × 20 = 96,200; courses 3 × 11,000 × 12 = 396,000
    assert results["funding"] == D("492200.00")
    data["temp_hours"]["effective_hours"] = sp.Q_(3.7, "hour/day")
    assert only_error(data)["type"] == "per_day"


@pytest.mark.parametrize(
    ("where", "value", "words"),
    [
        # 900 × 5 = 4,500; 900 × 7 = 6,300
        (("courses", "price"), "900 kr./dag", "900 DKK/day is 4500 DKK/week if per working day"),
        (("support_staff", 0, "annual_cost"), "2000 DKK/day", "2000 DKK/day is 10000 DKK/week"),
        # 7.4 × 5 = 37, a full week
        (("support_staff", 0, "fte"), "7.4 hour/day", "37 hour/week if per working day"),
        (("support_staff", 0, "fte"), sp.Q_(7.4, "t/dag"), "51.8 hour/week if per calendar day"),
    ],
)
def test_money_and_fte_per_day_are_refused(where: tuple[Any, ...], value: Any, words: str) -> None:
    data = example()
    place: Any = data
    for key in where[:-1]:
        place = place[key]
    place[where[-1]] = value
    error = only_error(data)
    assert error["loc"] == where
    assert error["type"] == "per_day"
    assert words in error["msg"]


def test_a_benefit_a_parameter_and_a_change_per_day_are_refused() -> None:
    base = example("ikea_rebild_3_years.yaml")
    data = copy.deepcopy(base)
    data["public"]["during_course"] = {"amount": "900 kr./dag"}  # a dagsats
    error = only_error(data)
    assert error["loc"] == ("public", "during_course", "amount")
    assert "4500 DKK/week if per working day" in error["msg"]  # 900 × 5
    data = copy.deepcopy(base)
    data["parameters"] = {"benefit.ledighedsydelse": "1000 kr./dag"}
    assert only_error(data)["type"] == "per_day"
    data = copy.deepcopy(base)
    data["horizon"]["changes"].append({"year": 2028, "set": {"temp_hours.effective_hours": "3 t/dag"}})
    error = only_error(data)
    assert "horizon.changes.1.set.temp_hours.effective_hours: a rate per day is ambiguous" in error["msg"]
    data = copy.deepcopy(base)
    data["horizon"]["progression"]["fleksjob_hours"] = "3 hour/day"
    assert only_error(data)["loc"] == ("horizon", "progression", "fleksjob_hours")


def test_an_expected_result_per_day_is_refused() -> None:
    data = example()
    data["expect"] = {"break_even.courses.price": "400 DKK/day"}
    with pytest.raises(ValidationError, match="a rate per day is ambiguous"):
        sp.from_data(data)


def test_public_helper_refuses_hours_per_day() -> None:
    with pytest.raises(sp.QuantityError, match=r"hours: a rate per day is ambiguous.*15 hour/week if per working day"):
        sp.fleksloentilskud(hourly_wage="140 DKK/hour", hours="3 hour/day", year=2026)  # 3 × 5 = 15


def test_durations_in_days_still_work() -> None:
    data = example()
    data["period"] = "364 day"  # 52 weeks of 7 days: one year, the same results
    assert sp.evaluate(sp.from_data(data)).results() == sp.evaluate(sp.from_data(example())).results()
    data = example("ikea_rebild_3_years.yaml")
    data["horizon"]["progression"]["after"] = "364 dage"  # as 12 month
    assert (
        sp.evaluate(sp.from_data(data)).results()
        == sp.evaluate(sp.from_data(example("ikea_rebild_3_years.yaml"))).results()
    )


class Rates(BaseModel):
    money: MoneyPerTime | None = None
    hours: HoursPerTime | None = None
    person: HoursPerPerson | None = None
    fte: FullTimeEquivalents | None = None
    items: ItemsPerTime | None = None
    anything: AnyQuantity | None = None
    span: Duration | None = None


RATE_UNITS = {
    "money": "DKK",
    "hours": "hour",
    "person": "hour",
    "fte": "hour",
    "items": "item",
    "anything": "DKK",
}


@settings(max_examples=200)
@given(
    st.sampled_from(sorted(RATE_UNITS)),
    st.sampled_from(["day", "days", "d", "dag", "dage"]),
    st.decimals(min_value=D("0.1"), max_value=24, places=1),
)
def test_every_rate_field_refuses_per_day_and_takes_per_week(field: str, day: str, number: Decimal) -> None:
    with pytest.raises(ValidationError) as info:
        Rates.model_validate({field: f"{number} {RATE_UNITS[field]}/{day}"})
    (error,) = info.value.errors()
    assert error["type"] == "per_day"
    assert error["loc"] == (field,)
    weekly = format(number * 5, "f").rstrip("0").rstrip(".")  # the working-day reading, 0.2 × 5 = 1
    assert f" is {weekly} " in error["msg"]
    ok = Rates.model_validate({field: f"{number} {RATE_UNITS[field]}/week", "span": f"{number} {day}"})
    assert ok.span is not None
    assert ok.span.units == sp.Q_(1, "day").units


def test_sweeps_monte_carlo_and_tornado_refuse_per_day() -> None:
    p = sp.from_data(example())
    path = "temp_hours.effective_hours"
    calls: list[Callable[[], object]] = [
        lambda: sp.sweep(p, {path: sp.Q_(np.array([3.0, 3.7]), "hour/day")}),
        lambda: sp.sweep(p, {path: ["15 hour/week", "3.7 t/dag"]}),  # not converted to the first's unit
        lambda: sp.sweep(p, {path: [sp.Q_(15, "hour/week"), sp.Q_(3.7, "hour/day")]}),
        lambda: sp.monte_carlo(p, {path: sp.Uniform("15 hour/week", "3.7 hour/day")}, n=10),
        lambda: sp.monte_carlo(p, {path: sp.Triangular("3 t/dag", "3.5 t/dag", "3.7 t/dag")}, n=10),
        lambda: sp.tornado(p, {path: ("2 hour/day", "3.7 hour/day")}),
    ]
    for call in calls:
        with pytest.raises(
            sp.SweepError, match=rf"{path}: (uniform: high: |triangular: low: )?a rate per day is ambiguous"
        ):
            call()
    # money per day in a Normal: 500 × 5 = 2,500; 500 × 7 = 3,500
    with pytest.raises(sp.SweepError, match=r"500 DKK/day is 2500 DKK/week if per working day \(× 5\), 3500 DKK/week"):
        sp.monte_carlo(p, {"courses.price": sp.Normal("500 kr./dag", "50 kr./dag")}, n=10)


def test_the_command_line_refuses_a_file_with_a_rate_per_day(tmp_path: Path) -> None:
    data = example()
    data["temp_hours"]["effective_hours"] = "3.7 t/dag"
    bad = tmp_path / "day.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(bad)])
    assert result.exit_code == 2
    assert "temp_hours.effective_hours" in result.output
    assert "18.5 hour/week if per working day" in result.output  # 3.7 × 5
    assert "Traceback" not in result.output


# -- 2. a Uniform over a headcount: each whole number equally likely ----------------------------


def test_a_uniform_headcount_draws_each_whole_number_equally_often() -> None:
    deal = sp.load(sp.example_path())
    n = 6000
    runs = sp.monte_carlo(deal, {"courses.participants": sp.Uniform(4, 9)}, n=n, seed=1)
    drawn = runs["courses.participants"].to_numpy()
    assert drawn.dtype == np.int64
    assert set(drawn.tolist()) == {4, 5, 6, 7, 8, 9}  # exactly the integers, both ends included
    counts = np.bincount(drawn, minlength=10)[4:]
    # 6 values, n / 6 = 1,000 each; a binomial sd is √(6000 × 1/6 × 5/6) = 28.9, so ±120 is over 4 sd.
    # Rounded continuous draws would give the ends n / 10 = 600 and the others 1,200: far outside.
    assert all(abs(int(c) - n // 6) < 120 for c in counts), counts
    assert counts.tolist() == [989, 1001, 1003, 1011, 962, 1034]  # seed 1, as in docs/sweeps.md
    # each headcount is its own variant: one coverage per number of participants
    assert runs["coverage"].nunique() == 6


def test_a_uniform_headcount_of_one_value_and_whole_floats() -> None:
    deal = sp.load(sp.example_path())
    runs = sp.monte_carlo(deal, {"temp_hours.workers": sp.Uniform(3, 3)}, n=50, seed=2)
    assert set(runs["temp_hours.workers"].tolist()) == {3}
    # 3 workers as in the file: the file's coverage, 92.25 %, in every row
    assert runs["coverage"].tolist() == [0.9225] * 50
    runs = sp.monte_carlo(deal, {"temp_hours.workers": sp.Uniform(np.int64(2), 4.0)}, n=3000, seed=3)
    assert set(runs["temp_hours.workers"].tolist()) == {2, 3, 4}


@pytest.mark.parametrize("dist", [sp.Uniform(3.5, 9), sp.Uniform(4, 8.5)])
def test_a_uniform_headcount_needs_whole_ends(dist: Any) -> None:
    deal = sp.load(sp.example_path())
    with pytest.raises(sp.SweepError, match=r"courses.participants: uniform: a number of people .* give a whole"):
        sp.monte_carlo(deal, {"courses.participants": dist}, n=10, seed=1)


def test_triangular_and_normal_headcounts_are_rounded_as_documented() -> None:
    deal = sp.load(sp.example_path())
    n = 20000
    runs = sp.monte_carlo(deal, {"courses.participants": sp.Triangular(4, 6, 9)}, n=n, seed=4)
    share = runs["courses.participants"].value_counts(normalize=True)
    # P(4) = P(X < 4.5) = 0.5² / (5 × 2) = 2.5 %; P(9) = P(X > 8.5) = 0.5² / (5 × 3) = 1.67 %
    assert share[4] == pytest.approx(0.025, abs=0.005)
    assert share[9] == pytest.approx(1 / 60, abs=0.005)
    # P(6) = P(5.5 < X < 6.5) = 1 − 1.5²/10 − 2.5²/15 = 1 − 0.225 − 0.4167 = 0.3583
    assert share[6] == pytest.approx(0.3583, abs=0.015)


def test_a_uniform_amount_is_unchanged_by_the_headcount_rule() -> None:
    # a price's Uniform stays continuous: the seeded draws are numpy's uniform on the input's own stream
    deal = sp.load(sp.example_path())
    runs = sp.monte_carlo(deal, {"courses.price": sp.Uniform("9000 DKK/month", "14000 DKK/month")}, n=5, seed=1)
    rng = np.random.default_rng(np.random.SeedSequence([1, zlib.crc32(b"courses.price")]))
    np.testing.assert_array_equal(runs["courses.price [DKK/month]"].to_numpy(), rng.uniform(9000, 14000, 5))


# -- 3. the tornado shows an input whose result rises and falls inside its range ----------------


def in_house_with_public(counterfactual: dict[str, str] | None = None) -> sp.Partnership:
    """The in-house example with a public block (the fleksjob counterfactual 12,000 DKK/month unless given)."""
    data = example("in_house_packing.yaml")
    data["municipality"] = {"name": "Aalborg Kommune", "code": 851}
    data["public"] = {
        "year": 2026,
        "weeks_on_support": 30,
        "fleksjob_wage": "150 DKK/hour",
        "counterfactual": {"fleksjob": counterfactual or {"amount": "12000 DKK/month"}},
    }
    return sp.from_data(data)


WAGE = "public.fleksjob_wage"
MUNICIPALITY = "public.municipality [DKK]"


def test_a_non_monotone_input_gets_its_min_max_and_the_solvers_note() -> None:
    deal = in_house_with_public()
    ranges = {WAGE: ("0 DKK/hour", "800 DKK/hour"), "price": ("180 DKK/hour", "300 DKK/hour")}
    table = sp.tornado(deal, ranges, result=MUNICIPALITY)
    wage = table.set_index("input").loc[WAGE]
    price = table.set_index("input").loc["price"]
    # both ends give the same public net effect: a swing of 0, as the price's (which the public purse ignores)
    assert wage[f"{MUNICIPALITY} at low"] == wage[f"{MUNICIPALITY} at high"] == 2727692.31
    assert wage["swing"] == price["swing"] == 0.0
    # between them it falls below zero: the lowest of the 201 values (0, 4, 8, … DKK/hour) is at 196
    assert wage[f"{MUNICIPALITY} min"] == pytest.approx(-1255465.84, abs=0.005)
    assert wage[f"{MUNICIPALITY} max"] == 2727692.31
    # the value sp.solve finds for the same target over the same range, and its note
    solution = sp.solve(deal, WAGE, "public.municipality", 0, low=0, high=800)
    assert wage["switching value (public.municipality = 0 DKK)"] == solution.value_text == "131.86 DKK / hour"
    assert solution.notes
    for note in solution.notes:
        assert note in wage["note"]
    assert wage["note"].startswith(
        "public.municipality is not monotone in public.fleksjob_wage over the range: "
        "it reaches -1,255,465.84 DKK at 196 DKK/hour, beyond its values at the ends "
        "(2,727,692.31 DKK at the low end, 2,727,692.31 DKK at the high end); the swing compares the ends only; "
    )
    assert "crosses the target again" in wage["note"]
    # the price moves nothing here: no note, its min and max are its ends, and it ranks below the wage
    assert price["note"] == ""
    assert price[f"{MUNICIPALITY} min"] == price[f"{MUNICIPALITY} max"] == -375057.69
    assert table["input"].tolist() == [WAGE, "price"]


def test_a_non_monotone_input_without_a_crossing_has_its_own_note() -> None:
    deal = in_house_with_public({"parameter": "benefit.ledighedsydelse"})
    row = sp.tornado(deal, {WAGE: ("0 DKK/hour", "800 DKK/hour")}, result=MUNICIPALITY).loc[0]
    assert row["swing"] == 0.0
    assert row["switching value (public.municipality = 0 DKK)"] is None  # positive everywhere: no crossing
    assert row[f"{MUNICIPALITY} min"] < row[f"{MUNICIPALITY} at low"]
    assert row["note"].startswith("public.municipality is not monotone in public.fleksjob_wage over the range")
    assert row["note"].endswith("the swing compares the ends only")


def test_a_monotone_input_has_its_ends_as_min_and_max_and_no_note() -> None:
    deal = sp.load(sp.example_path())
    table = sp.tornado(deal, {"courses.price": ("14000 DKK/month", "9000 DKK/month")}, result="surplus [DKK]")
    row = table.loc[0]
    # surplus = 36 × price − 433,200: −109,200 at 9,000 and 70,800 at 14,000, linear in between
    assert (row["surplus [DKK] min"], row["surplus [DKK] max"]) == (-109200.0, 70800.0)
    assert row["note"] == ""
    assert row["switching value (surplus = 0 DKK)"] == "12033.34 DKK / month"
    # a headcount's range is every whole number in it; coverage rises with the workers
    row = sp.tornado(deal, {"temp_hours.workers": (5, 2)}).loc[0]
    # coverage = (courses 396,000 + overhead workers × 15 × 52 × 20) / 480,000:
    # 2 → (396,000 + 31,200) / 480,000 = 0.89; 5 → (396,000 + 78,000) / 480,000 = 0.9875
    assert (row["coverage min"], row["coverage max"]) == (0.89, 0.9875)
    assert row["note"] == ""


def test_tornado_notes_reach_the_command_line(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "tornado.png"
    three = str(ROOT / "examples" / "ikea_rebild_3_years.yaml")
    vary = ["--vary", "courses.price=9000..14000", "--vary", "temp_hours.workers=1..20"]
    result = CliRunner().invoke(app, ["chart", three, "--kind", "tornado", *vary, "--out", str(out)])
    assert result.exit_code == 0, result.output
    # the solver's note on the price's switching value, and the sweep's on the workers (once, not twice)
    lines = result.output.splitlines()
    assert "note: courses.price: courses.price as the scenario states it (2026 prices), grown by 2.00 % a year" in (
        result.output
    )
    workers = [line for line in lines if "horizon.changes set temp_hours.workers in 2027–2028" in line]
    assert len(workers) == 1, result.output
    assert out.stat().st_size > 0
    # in Danish, each note in Danish
    result = CliRunner().invoke(app, ["chart", three, "--kind", "tornado", *vary, "--out", str(out), "--lang", "da"])
    assert result.exit_code == 0, result.output
    assert "bemærkning: courses.price: courses.price som scenariet angiver den (2026-priser)" in result.output


def test_the_tornado_note_renders_in_danish() -> None:
    from socialpartner._internal.i18n import Translator

    table = sp.tornado(in_house_with_public(), {WAGE: ("0 DKK/hour", "800 DKK/hour")}, result=MUNICIPALITY)
    first, second = table.attrs["notes"][WAGE]
    assert table.loc[0, "note"] == f"{first}; {second}"  # the column is the English sentences, joined
    assert Translator("da")(first).replace("\u00a0", " ") == (  # amounts are kept whole by no-break spaces
        "public.municipality bevæger sig ikke kun én vej med public.fleksjob_wage i intervallet: det når "
        "-1.255.465,84 kr. ved 196 kr./time, ud over værdierne ved enderne (2.727.692,31 kr. ved den lave ende, "
        "2.727.692,31 kr. ved den høje ende); udsvinget sammenligner kun enderne"
    )
    assert Translator("da")(second).startswith("public.municipality bevæger sig ikke kun én vej")


def test_a_warned_note_is_not_repeated_in_the_table() -> None:
    three = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml")
    with pytest.warns(sp.ScenarioWarning, match="horizon.changes set temp_hours.workers in 2027–2028"):
        row = sp.tornado(three, {"temp_hours.workers": (1, 20)}).loc[0]
    solution = sp.solve(three, "temp_hours.workers", "coverage", 1, low=1, high=20)
    assert row["switching value (coverage = 100 %)"] == solution.value_text == "9"
    # the solver's only note is the change's, which the warning gives: the table does not repeat it
    assert solution.notes == (
        "horizon.changes set temp_hours.workers in 2027–2028: a value given for temp_hours.workers counts in 2026 only",
    )
    assert row["note"] == ""


def test_tornado_chart_spans_the_values_inside_the_range() -> None:
    pytest.importorskip("matplotlib")
    from socialpartner import charts

    table = sp.tornado(
        in_house_with_public(),
        {WAGE: ("0 DKK/hour", "800 DKK/hour"), "price": ("180 DKK/hour", "300 DKK/hour")},
        result=MUNICIPALITY,
    )
    figure = charts.tornado_chart(table, MUNICIPALITY)
    (ax,) = figure.axes
    spans = [line for line in ax.get_lines() if line.get_label() == "result between the ends of the range"]
    assert len(spans) == 1  # the wage's row only (rows drawn bottom up: the wage, ranked first, is on top)
    assert np.asarray(spans[0].get_xdata()).tolist() == pytest.approx([-1255465.84, 2727692.31])
    assert np.asarray(spans[0].get_ydata()).tolist() == [1, 1]
