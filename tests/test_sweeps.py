"""Sweeps, Monte Carlo and sensitivity: one set of formulas with evaluate."""

from __future__ import annotations

import contextlib
import copy
import math
import warnings
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner import sweeps
from socialpartner._internal import paths
from socialpartner.cli import app
from socialpartner.scenario import from_data

from .conftest import EXAMPLE, model_unit_results
from .strategies import (
    in_house_data,
    labour_shortage_data,
    shared_responsibility_data,
    spin_off_data,
    supplier_data,
)


def test_grid_hand_worked(example: sp.SharedResponsibilityPartnership) -> None:
    frame = sp.sweep(
        example,
        {"courses.price": sp.Q_([9000, 11000], "DKK/month"), "temp_hours.overhead": sp.Q_([10, 20], "DKK/hour")},
    )
    assert len(frame) == 4
    first = frame.iloc[0]
    # price 9,000, overhead 10: funding 10 × 2,340 + 3 × 9,000 × 12 = 23,400 + 324,000 = 347,400
    assert first["courses.price [DKK/month]"] == 9000
    assert first["funding [DKK]"] == 347400
    assert first["coverage"] == pytest.approx(347400 / 480000)
    assert first["surplus [DKK]"] == -132600
    # the example itself: price 11,000, overhead 20 → 92.25 %, break-even 35.90 and 12,033.33
    last = frame.iloc[3]
    assert last["coverage"] == pytest.approx(0.9225)
    assert last["break_even.temp_hours.overhead [DKK/hour]"] == pytest.approx(35.90)
    assert last["break_even.courses.price [DKK/month]"] == pytest.approx(12033.33)
    assert last["net.social_enterprise [DKK]"] == -37200
    assert last["fte"] == pytest.approx(1.22)


def test_paired_and_headcounts(example: sp.SharedResponsibilityPartnership) -> None:
    frame = sp.sweep(example, {"temp_hours.workers": [0, 3, 6], "courses.participants": [3, 3, 4]}, mode="paired")
    assert list(frame["jobs"]) == [0, 3, 6]
    # 6 workers: overhead 20 × 6 × 780 = 93,600; 4 participants: 528,000 → coverage 621,600 / 480,000
    assert frame["coverage"].iloc[2] == pytest.approx(621600 / 480000)
    assert math.isnan(frame["break_even.temp_hours.overhead [DKK/hour]"].iloc[0])  # no hours, no break-even


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"courses.pris": sp.Q_([1], "DKK/month")}, "courses.pris: no such input"),
        ({"courses.price": sp.Q_([1], "DKK/hour")}, "expected a unit like DKK / month"),
        ({"courses.price": sp.Q_([-1, 2], "DKK/month")}, "must not be negative"),
        ({"courses.price": sp.Q_([np.nan], "DKK/month")}, "finite"),
        ({"courses.price": [9000, 10000]}, "give values with units"),
        ({"temp_hours.workers": [1.5]}, "whole numbers"),
        ({"temp_hours.effective_hours": sp.Q_([10, 40], "hour/week")}, ""),  # valid: no rule broken
        ({"company.name": ["x"]}, "not a numeric input"),
    ],
)
def test_sweep_checks_values(example: sp.SharedResponsibilityPartnership, values: Any, words: str) -> None:
    if not words:
        assert len(sp.sweep(example, values)) == 2
        return
    with pytest.raises(sp.SweepError, match=words):
        sp.sweep(example, values)


def test_cross_field_rules_are_checked_at_the_extremes() -> None:
    p = sp.load(EXAMPLE.parent / "labour_shortage_site.yaml")
    with pytest.raises(sp.SweepError, match="not given in this scenario"):
        sp.sweep(p, {"helpers.0.effective_hours": sp.Q_([15], "hour/week")})
    data = yaml.safe_load((EXAMPLE.parent / "labour_shortage_site.yaml").read_text(encoding="utf-8"))
    data["helpers"][0]["effective_hours"] = "15 hour/week"
    p = from_data(data)
    # paid hours of 10 a week would be below the 15 effective hours
    with pytest.raises(sp.SweepError, match=r"helpers\.0\.paid_hours = 10 hour/week: .*must not exceed"):
        sp.sweep(p, {"helpers.0.paid_hours": sp.Q_([10, 30], "hour/week")})


def test_paired_lengths_must_match(example: sp.SharedResponsibilityPartnership) -> None:
    with pytest.raises(sp.SweepError, match="equal lengths"):
        sp.sweep(example, {"temp_hours.workers": [1, 2], "courses.participants": [1]}, mode="paired")


def test_scenarios_with_a_horizon_are_swept_too() -> None:
    p = sp.load(EXAMPLE.parent / "ikea_rebild_3_years.yaml")
    frame = sp.sweep(p, {"courses.price": sp.Q_([11000, 12000], "DKK/month")})
    ev = sp.evaluate(p)
    assert frame["surplus [DKK]"].iloc[0] == float(ev.cost_split.surplus)
    assert frame["public.municipality [DKK]"].iloc[0] == float(
        sum((b.public.net_effect("municipality") for b in ev.breakdown if b.public is not None), Decimal(0))
    )


PATHS = {
    "shared_responsibility": [
        "courses.price",
        "temp_hours.overhead",
        "temp_hours.workers",
        "courses.participants",
        "temp_hours.wage_cost",
        "temp_hours.effective_hours",
        "support_staff.0.fte",
    ],
    "supplier": ["other_revenue", "other_costs", "services.0.contract_sum", "services.0.price"],
    "labour_shortage": [
        "price",
        "skilled_hour_value",
        "helpers.0.headcount",
        "helpers.0.wage_cost",
        # a post costed per FTE (fte × cost_per_fte), or by its own annual cost
        "support_staff.0.cost_per_fte",
        "support_staff.0.fte",
        "support_staff.0.annual_cost",
    ],
    "in_house": [
        "price",
        "workforce.0.headcount",
        "workforce.0.wage_cost",
        "volume",
        "support_staff.0.cost_per_fte",
        "support_staff.0.fte",
    ],
    "spin_off": [
        "years.0.parent_purchases",
        "years.0.other_revenue",
        "years.0.workforce.0.wage_cost",
        "years.0.support_staff.0.cost_per_fte",
        "years.0.support_staff.0.fte",
    ],
}

PUBLIC = {
    "year": 2025,
    "weeks_on_support": 20,
    "during_course": {"amount": "12000 DKK/month"},
    "counterfactual": {
        "fleksjob": {"parameter": "benefit.ressourceforloebsydelse_without_children"},
        "course participant": {"amount": "11000 DKK/month"},
        "løntilskud": {"parameter": "benefit.kontanthjaelp.forhoejet_sats"},
    },
}
# the refusion ladder per group (with a § 6 restart) and tax, drawn on top of PUBLIC
PUBLIC_MORE = {
    "weeks_on_support": {"fleksjob": 20, "course participant": 60, "default": 2},
    "self_supported_weeks": {"løntilskud": 52},
    "tax": {},
}
HORIZON = {
    "years": 3,
    "start_year": 2026,
    "wage_growth": "3 %",
    "price_growth": "2 %",
    "progression": {"after": "6 month", "to_fleksjob": "10 %", "to_ordinary": "5 %", "leave": "20 %"},
}
# a comparison group, those who leave kept on førtidspension, a nominal rate, drawn on top of HORIZON
PROGRESSION_MORE = {
    "comparison": {"to_fleksjob": "4 %", "to_ordinary": "2 %", "leave": "10 %"},
    "leave_benefit": {"parameter": "benefit.foertidspension_enlig"},
    "fleksjob_wage": "150 DKK/hour",
    "fleksjob_hours": "12 hour/week",
}


@st.composite
def sweepable(draw: st.DrawFn) -> tuple[dict[str, Any], str, list[Any]]:
    """A scenario of any model, with or without public: and horizon:, an input and values for it."""
    data = draw(
        st.one_of(
            shared_responsibility_data(), supplier_data(), labour_shortage_data(), in_house_data(), spin_off_data()
        )
    )
    if draw(st.booleans()):
        data["public"] = copy.deepcopy(PUBLIC)
        if data.get("municipality") is None:  # the citizens' home municipality pays
            data["public"]["municipality"] = {"name": "Aalborg Kommune", "code": 851}
        if draw(st.booleans()):
            data["public"].update(copy.deepcopy(PUBLIC_MORE))
    if data["model"] != "spin_off" and draw(st.booleans()):
        data["horizon"] = copy.deepcopy(HORIZON)
        if draw(st.booleans()):
            data["horizon"]["progression"].update(copy.deepcopy(PROGRESSION_MORE))
            data["horizon"]["nominal_discount_rate"] = "4 %"
    try:
        p = from_data(data)
    except ValidationError:
        assume(False)
        raise
    options = [path for path in PATHS[data["model"]] if _exists(p, path)]
    assume(options)
    path = draw(st.sampled_from(options))
    base = sweeps.current(p, path)
    if isinstance(base, int):
        values: list[Any] = draw(st.lists(st.integers(0, 40), min_size=1, max_size=4))
    elif str(base.units) == "FTE" and draw(st.booleans()):
        # a plain number is FTE, as in a scenario file
        values = draw(st.lists(st.decimals(0, 5, places=2).map(float), min_size=1, max_size=4))
    else:
        numbers = draw(st.lists(st.decimals(0, 100_000, places=2), min_size=1, max_size=4))
        values = [f"{n} {base.units}" for n in numbers]
    return data, path, values


def _exists(p: sp.Partnership, path: str) -> bool:
    try:
        value = sweeps.current(p, path)
    except sp.SweepError:
        return False
    return value is not None and not isinstance(value, bool)


_MISSING = object()


def expected(ev: sp.Evaluation, column: str) -> Any:
    """What evaluate says for a sweep column: ``2027.coverage`` is the 2027 part's coverage."""
    name = column.split(" [")[0]
    head, _, rest = name.partition(".")
    for part in ev.breakdown:
        if part.ledger.period == head:
            return model_unit_results(part).get(rest, _MISSING)
    return model_unit_results(ev).get(name, _MISSING)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much], max_examples=150, deadline=None)
@given(sweepable())
def test_every_row_equals_evaluate(case: tuple[dict[str, Any], str, list[Any]]) -> None:
    """Every column of every row: money within 0.01 DKK, FTE and ratios within 0.01 (coverage tighter)."""
    data, path, values = case
    more = ("tax" in data.get("public", {}), "comparison" in data.get("horizon", {}).get("progression", {}))
    event(f"{data['model']}, public: {'public' in data}, horizon: {'horizon' in data}, tax/comparison: {more}")
    p = from_data(data)
    try:
        with warnings.catch_warnings():
            # a note that the input moves nothing (an FTE of a post costed by its annual cost)
            warnings.simplefilter("ignore", sp.ScenarioWarning)
            frame = sp.sweep(p, {path: values}, mode="paired")
    except sp.SweepError:
        assume(False)
        return
    results = [c for c in frame.columns if not c.startswith(path)]
    assert "coverage" in results
    assert "fte" in results
    assert "jobs" in results
    if "public" in data:
        assert "public.municipality [DKK]" in results
    if "horizon" in data:
        assert "2027.coverage" in results
        assert "2028.fte" in results
    for value, (_, row) in zip(values, frame.iterrows(), strict=True):
        try:
            variant = paths.replace(p, path, value)
        except ValidationError:
            continue  # a rule between inputs the sweep checks only at the extremes; not compared
        ev = sp.evaluate(variant)
        for column in results:
            want = expected(ev, column)
            if want is _MISSING and (".net." in f".{column}" or column.startswith("npv.")):
                want = Decimal(0)  # a party with no flow in this variant (e.g. other revenue of 0)
            if want is _MISSING and column.startswith("payback."):
                want = None  # never negative: no payback year to report
            assert want is not _MISSING, column
            got = row[column]
            if want is None:
                assert math.isnan(got), (column, got)
                continue
            assert not math.isnan(got), (column, want)
            if column.endswith("coverage"):
                cost = expected(ev, column.replace("coverage", "cost [DKK]"))
                # funding / cost, each side within 0.01 DKK
                assert abs(got - float(want)) <= 0.011 / float(cost) + 1e-9, (column, got, want)
            else:
                assert abs(got - float(want)) <= 0.011, (column, got, want)


def test_fte_is_rounded_once_from_the_total() -> None:
    # two fleksjob lines of 1 person × 18.685 h/week: 37.37 / 37 = 1.01 FTE; rounding each line
    # first (0.505 → 0.51) would give 1.02
    data = yaml.safe_load((EXAMPLE.parent / "in_house_packing.yaml").read_text(encoding="utf-8"))
    line = {**data["workforce"][0], "headcount": 1, "paid_hours": "18.6850 hour/week"}
    line.pop("effective_hours", None)
    data["workforce"] = [line, dict(line)]
    p = from_data(data)
    assert sp.evaluate(p).results()["fte"] == Decimal("1.01")
    frame = sp.sweep(p, {"workforce.0.headcount": [1]})
    assert frame["fte"].iloc[0] == 1.01


def test_monte_carlo_is_seeded(example: sp.SharedResponsibilityPartnership) -> None:
    inputs = {
        "courses.price": sp.Uniform("9000 DKK/month", "14000 DKK/month"),
        "support_staff.0.annual_cost": sp.Triangular("450000 DKK/year", "480000 DKK/year", "520000 DKK/year"),
        "temp_hours.workers": sp.Normal(3, 1, low=0, high=6),
    }
    a = sp.monte_carlo(example, inputs, 2000, seed=7)
    b = sp.monte_carlo(example, inputs, 2000, seed=7)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(sp.monte_carlo(example, inputs, 2000, seed=8))
    prices = a["courses.price [DKK/month]"]
    assert prices.between(9000, 14000).all()
    assert a["temp_hours.workers"].between(0, 6).all()
    summary = sp.summarize(a)
    # P(covered) is the share of rows at or above 100 %
    assert summary.attrs["p_covered"] == pytest.approx(float((a["coverage"] >= 1).mean()))
    row = summary.to_dict(orient="index")["coverage"]
    assert float(row["p5"]) <= float(row["p50"]) <= float(row["p95"])


def test_distribution_errors(example: sp.SharedResponsibilityPartnership) -> None:
    with pytest.raises(sp.SweepError, match=r"low .* must not exceed high"):
        sp.monte_carlo(example, {"courses.price": sp.Uniform("14000 DKK/month", "9000 DKK/month")}, 10)
    with pytest.raises(sp.SweepError, match="expected a unit like"):
        sp.monte_carlo(example, {"courses.price": sp.Uniform("1 DKK/hour", "2 DKK/hour")}, 10)
    with pytest.raises(sp.SweepError, match="sd > 0"):
        sp.monte_carlo(example, {"courses.price": sp.Normal("1 DKK/month", "0 DKK/month")}, 10)


def test_tornado(example: sp.SharedResponsibilityPartnership) -> None:
    table = sp.tornado(
        example,
        {
            "temp_hours.overhead": ("10 DKK/hour", "40 DKK/hour"),
            "courses.price": ("9000 DKK/month", "14000 DKK/month"),
            "temp_hours.workers": (2, 5),
        },
    )
    # swings: price (3 × 5,000 × 12 = 180,000 / 480,000 = 0.375), overhead (30 × 2,340 / 480,000 = 0.14625),
    # workers (3 × 20 × 780 / 480,000 = 0.0975)
    assert list(table["input"]) == ["courses.price", "temp_hours.overhead", "temp_hours.workers"]
    assert list(table["swing"]) == pytest.approx([0.375, 0.14625, 0.0975])
    assert table["switching value (coverage = 100 %)"].iloc[0] == "12033.34 DKK / month"
    assert pd.isna(table["switching value (coverage = 100 %)"].iloc[2])  # 5 workers still short


def test_cli_sweep(tmp_path: Path) -> None:
    out_csv = tmp_path / "variants.csv"
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "sweep",
            str(EXAMPLE),
            "--vary",
            "courses.price=9000..14000:51",
            "--vary",
            "temp_hours.overhead=10..40:7",
            "--csv",
            str(out_csv),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "357 variants" in result.output
    frame = pd.read_csv(out_csv)
    assert len(frame) == 51 * 7
    bad = runner.invoke(app, ["sweep", str(EXAMPLE), "--vary", "courses.price=9000-14000"])
    assert bad.exit_code == 2
    assert "PATH=LOW..HIGH:COUNT" in bad.output


@pytest.mark.parametrize("path", ["courses.price", "courses.participants", "temp_hours.workers"])
def test_ladders_comparison_and_tax_sweep_as_evaluated(path: str) -> None:
    """The three-year example with every public rule on: each column equals evaluate."""
    data = yaml.safe_load((EXAMPLE.parent / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["public"].update(copy.deepcopy(PUBLIC_MORE))
    data["horizon"]["progression"].update(copy.deepcopy(PROGRESSION_MORE))
    p = from_data(data)
    values: list[Any] = ["10000 DKK/month", "12500.50 DKK/month"] if path == "courses.price" else [0, 2, 7]
    # the example's change sets temp_hours.workers from 2027: the sweep says its values count in 2026 only
    changed = path == "temp_hours.workers"
    with pytest.warns(sp.ScenarioWarning, match=path) if changed else contextlib.nullcontext():
        frame = sp.sweep(p, {path: values}, mode="paired")
    assert "public.state.before_tax [DKK]" in frame.columns
    assert "2027.public.municipality.before_tax [DKK]" in frame.columns
    for value, (_, row) in zip(values, frame.iterrows(), strict=True):
        ev = sp.evaluate(paths.replace(p, path, value))
        for column in frame.columns:
            if column.startswith(path):
                continue
            want = expected(ev, column)
            if want is _MISSING and (".net." in f".{column}" or column.startswith("npv.")):
                want = Decimal(0)  # a party with no flow in this variant (no participants)
            if want is _MISSING and column.startswith("payback."):
                want = None  # never negative: no payback year
            assert want is not _MISSING, column
            if want is None:
                assert math.isnan(row[column]), column
            elif not column.endswith("coverage"):
                assert abs(row[column] - float(want)) <= 0.011, (column, row[column], want)


def test_array_values_with_three_decimals_are_numbers_not_grouped_text() -> None:
    # 12345.678 from numpy is a number; only text such as "9.000 DKK/month" is ambiguous
    from socialpartner._internal import paths

    p = sp.load(sp.example_path())
    frame = sp.sweep(p, {"courses.price": sp.Q_(np.array([9000.125, 12345.678]), "DKK/month")})
    one = sp.evaluate(paths.replace(p, "courses.price", "12345.6780 DKK/month"))
    coverage = one.results()["coverage"]
    assert coverage is not None
    assert frame["coverage"].iloc[1] == pytest.approx(float(coverage), abs=1e-9)
    with pytest.raises(sp.SweepError, match="ambiguous"):
        sp.sweep(p, {"courses.price": ["9.000 DKK/month"]})


# -- posts costed per FTE ----------------------------------------------------------------------


def with_post_per_fte() -> sp.Partnership:
    """The example with a second post: a half-time arbejdsleder at 460,000 DKK a year per FTE (230,000)."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("expect")
    data["support_staff"].append({"role": "arbejdsleder", "fte": 0.5, "cost_per_fte": "460000 DKK/year"})
    return from_data(data)


def test_sweep_over_the_salary_and_fte_of_a_post_costed_per_fte() -> None:
    p = with_post_per_fte()
    # funding stays 442,800 (overhead 46,800 + courses 396,000); cost = 480,000 + fte × cost_per_fte
    frame = sp.sweep(p, {"support_staff.1.cost_per_fte": sp.Q_([400000, 520000], "DKK/year")})
    # 480,000 + 0.5 × 400,000 = 680,000; 480,000 + 0.5 × 520,000 = 740,000
    assert list(frame["cost [DKK]"]) == [680000, 740000]
    assert list(frame["coverage"]) == pytest.approx([442800 / 680000, 442800 / 740000])
    assert list(frame["support_staff.1.cost_per_fte [DKK/year]"]) == [400000, 520000]
    # a plain number is FTE, as in the scenario file: 0.25 × 460,000 = 115,000; 1 × 460,000
    frame = sp.sweep(p, {"support_staff.1.fte": [0.25, 1]})
    assert list(frame["cost [DKK]"]) == [595000, 940000]
    assert list(frame["support_staff.1.fte [FTE]"]) == [0.25, 1]
    assert list(sp.sweep(p, {"support_staff.1.fte": np.array([0.25, 1])})["cost [DKK]"]) == [595000, 940000]
    # half-time written in hours: 18.5 hour/week is 0.5 FTE → 230,000 + 480,000
    frame = sp.sweep(p, {"support_staff.1.fte": ["18.5 hour/week"]})
    assert frame["cost [DKK]"].iloc[0] == 710000
    # a plain number stays refused where it would be ambiguous (a price per what time?)
    with pytest.raises(sp.SweepError, match="give values with units"):
        sp.sweep(p, {"support_staff.1.cost_per_fte": [400000, 520000]})


def test_monte_carlo_and_tornado_over_a_post_costed_per_fte() -> None:
    p = with_post_per_fte()
    runs = sp.monte_carlo(
        p,
        {
            "support_staff.1.cost_per_fte": sp.Uniform("400000 DKK/year", "520000 DKK/year"),
            "support_staff.1.fte": sp.Uniform(0.25, 1),  # plain numbers: FTE
        },
        n=200,
        seed=3,
    )
    salary, fte = runs["support_staff.1.cost_per_fte [DKK/year]"], runs["support_staff.1.fte [FTE]"]
    assert salary.between(400000, 520000).all()
    assert fte.between(0.25, 1).all()
    # each row's cost is 480,000 + fte × salary, rounded to øre
    assert (runs["cost [DKK]"] - (480000 + fte * salary)).abs().max() <= 0.005 + 1e-6
    table = sp.tornado(
        p,
        {"support_staff.1.cost_per_fte": ("400000 DKK/year", "520000 DKK/year"), "support_staff.1.fte": (0.25, 1)},
    )
    # fte: 442,800 / 595,000 − 442,800 / 940,000 = 0.744202 − 0.471064 = 0.273138
    # salary: 442,800 / 680,000 − 442,800 / 740,000 = 0.651176 − 0.598378 = 0.052798
    assert list(table["input"]) == ["support_staff.1.fte", "support_staff.1.cost_per_fte"]
    assert list(table["swing"]) == pytest.approx([0.273138, 0.052798], abs=1e-6)
    assert list(table["low"]) == ["0.25 FTE", "400000 DKK/year"]


def test_cli_sweep_over_a_post_costed_per_fte(tmp_path: Path) -> None:
    scenario = tmp_path / "deal.yaml"
    sp.save(with_post_per_fte(), scenario)
    out = tmp_path / "v.csv"
    result = CliRunner().invoke(
        app, ["sweep", str(scenario), "--vary", "support_staff.1.cost_per_fte=400000..520000:3", "--csv", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "3 variants" in result.output
    # 480,000 + 0.5 × (400,000, 460,000, 520,000)
    assert list(pd.read_csv(out)["cost [DKK]"]) == [680000, 710000, 740000]


# -- clear errors --------------------------------------------------------------------------------


def test_tornado_names_an_unknown_result(example: sp.SharedResponsibilityPartnership) -> None:
    with pytest.raises(sp.SweepError, match=r"result: no result 'nope'; results: coverage, surplus \[DKK\]"):
        sp.tornado(example, {"courses.price": ("9000 DKK/month", "14000 DKK/month")}, result="nope")
    with pytest.raises(sp.SweepError, match="did you mean 'coverage'"):
        sp.tornado(example, {"courses.price": ("9000 DKK/month", "14000 DKK/month")}, result="coverag")
    with pytest.raises(sp.SweepError, match=r"courses.price: give a range as \(low, high\)"):
        sp.tornado(example, {"courses.price": "9000 DKK/month"})  # type: ignore[dict-item]
    with pytest.raises(sp.SweepError, match="at least one input"):
        sp.tornado(example, {})
    # another result: the SØV's surplus moves by 3 × 5,000 × 12 = 180,000 over the price range
    table = sp.tornado(example, {"courses.price": ("9000 DKK/month", "14000 DKK/month")}, result="surplus [DKK]")
    assert table["swing"].iloc[0] == 180000


def test_monte_carlo_errors_name_the_path(example: sp.SharedResponsibilityPartnership) -> None:
    with pytest.raises(sp.SweepError, match=r"courses.price: expected a distribution such as sp.Uniform"):
        sp.monte_carlo(example, {"courses.price": "9000 DKK/month"}, 10)  # type: ignore[dict-item]
    # text with a Danish thousands point is ambiguous, as in a scenario file
    with pytest.raises(sp.SweepError, match=r"courses.price: uniform: low: 9.000 is ambiguous"):
        sp.monte_carlo(example, {"courses.price": sp.Uniform("9.000 kr./md.", "14000 kr./md.")}, 10)
    with pytest.raises(sp.SweepError, match=r"courses.price: Uniform values must be"):
        sp.monte_carlo(example, {"courses.price": sp.Uniform("9000 DKK/month", "14 DKK/hour")}, 10)
    with pytest.raises(sp.SweepError, match=r"courses.price: uniform: low .* must not exceed high"):
        sp.monte_carlo(example, {"courses.price": sp.Uniform("14000 DKK/month", "9000 DKK/month")}, 10)
    with pytest.raises(sp.SweepError, match="seed: expected a whole number"):
        sp.monte_carlo(example, {"courses.price": sp.Uniform("9000 DKK/month", "14000 DKK/month")}, 10, seed=1.5)  # type: ignore[arg-type]


def test_monte_carlo_takes_a_numpy_generator(example: sp.SharedResponsibilityPartnership) -> None:
    inputs = {"courses.price": sp.Uniform("9000 kr./md.", "14000 kr./md.")}
    a = sp.monte_carlo(example, inputs, 50, seed=np.random.default_rng(1))
    b = sp.monte_carlo(example, inputs, 50, seed=np.random.default_rng(1))
    pd.testing.assert_frame_equal(a, b)
    # the run's seed is one draw of the generator; the input's stream comes from it and its path
    run_seed = int(np.random.default_rng(1).integers(0, 2**63))
    stream = np.random.default_rng(np.random.SeedSequence([run_seed, zlib.crc32(b"courses.price")]))
    expected = stream.uniform(9000, 14000, 50)
    assert list(a["courses.price [DKK/month]"]) == pytest.approx(list(expected))
    # the same run from a whole-number seed equal to the drawn one
    pd.testing.assert_frame_equal(a, sp.monte_carlo(example, inputs, 50, seed=run_seed))


# -- column names and ranges ---------------------------------------------------------------------


def test_column_names_spell_a_unit_one_way(example: sp.SharedResponsibilityPartnership) -> None:
    # strings, Danish strings and Q_ arrays give one column name, as break-even columns spell it
    spellings = [
        ["9000 DKK/month", "11000 DKK/month"],
        ["9000 kr./md.", "11000 kr./md."],
        sp.Q_([9000, 11000], "DKK/month"),
        sp.Q_(np.array([9000, 11000]), "kr./md."),
    ]
    for values in spellings:
        frame = sp.sweep(example, {"courses.price": values})
        assert frame.columns[0] == "courses.price [DKK/month]", values
        assert list(frame["funding [DKK]"]) == [370800, 442800]  # 46,800 + 3 × 12 × (9,000 or 11,000)
    frame = sp.sweep(example, {"temp_hours.effective_hours": ["15 t/uge"]})
    assert frame.columns[0] == "temp_hours.effective_hours [hour/week]"
    # the values stay in the unit they were given in
    assert sp.sweep(example, {"courses.price": ["132000 kr./år"]}).iloc[0, 0] == 132000
    assert sp.sweep(example, {"courses.price": ["132000 kr./år"]}).columns[0] == "courses.price [DKK/year]"


def test_tornado_reads_a_reversed_range_as_the_same_interval(example: sp.SharedResponsibilityPartnership) -> None:
    forward = sp.tornado(example, {"courses.price": ("9000 DKK/month", "14000 DKK/month")})
    backward = sp.tornado(example, {"courses.price": ("14000 DKK/month", "9000 DKK/month")})
    pd.testing.assert_frame_equal(forward, backward)
    assert backward["low"].iloc[0] == "9000 DKK/month"
    assert backward["high"].iloc[0] == "14000 DKK/month"
    # coverage crosses 100 % at 12,033.34 (break-even 12,033.33 rounded up to the next øre)
    assert backward["switching value (coverage = 100 %)"].iloc[0] == "12033.34 DKK / month"
    headcounts = sp.tornado(example, {"temp_hours.workers": (5, 2)})
    assert (headcounts["low"].iloc[0], headcounts["high"].iloc[0]) == ("2", "5")
    # a range in another unit than the input's: the switching value is still found (in DKK/month)
    yearly = sp.tornado(example, {"courses.price": ("168000 DKK/year", "108000 DKK/year")})
    assert yearly["switching value (coverage = 100 %)"].iloc[0] == "12033.34 DKK / month"
    assert yearly["swing"].iloc[0] == pytest.approx(0.375)


def test_a_sweep_of_the_other_kind_of_overhead_says_why() -> None:
    p = sp.load(sp.example_path())  # overhead: 20 DKK/hour
    with pytest.raises(sp.SweepError, match=r"a sweep keeps the kind the scenario writes the input in"):
        sp.sweep(p, {"temp_hours.overhead": ["10 %", "20 %"]})


def _in_house_effective(hours: str) -> sp.Partnership:
    data = yaml.safe_load((EXAMPLE.parent / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["workforce"][0]["effective_hours"] = hours
    return from_data(data)


def test_a_rule_between_two_varied_inputs_holds_for_every_variant() -> None:
    """Each variant's varied inputs are checked together, not each against the scenario's other value.

    A grid of paid 12/16 × effective 10/16 hours has the variant paid 12, effective 16, which
    the scenario refuses: the SØV would bill 16 hours a week it pays 12 for (the row read
    192 % coverage and a 924,000 DKK surplus). Paid 14/16 × effective 10/14 has none.
    """
    p = _in_house_effective("12 hour/week")
    with pytest.raises(sp.SweepError, match=r"paid_hours = 12 hour/week, workforce\.0\.effective_hours = 16 hour/week"):
        sp.sweep(
            p,
            {
                "workforce.0.paid_hours": ["12 hour/week", "16 hour/week"],
                "workforce.0.effective_hours": ["10 hour/week", "16 hour/week"],
            },
        )
    ok = sp.sweep(
        p,
        {
            "workforce.0.paid_hours": ["14 hour/week", "16 hour/week"],
            "workforce.0.effective_hours": ["10 hour/week", "14 hour/week"],
        },
    )
    assert len(ok) == 4
    site = sp.load(EXAMPLE.parent / "labour_shortage_site.yaml")  # akkord 120, skilled hour 550
    # paired: akkord 600 with 700 and 100 with 400 are both within their value (600 is above the
    # scenario's own 550, which it is not paired with)
    pairs = {"akkord_rate": ["600 DKK/hour", "100 DKK/hour"], "skilled_hour_value": ["700 DKK/hour", "400 DKK/hour"]}
    assert len(sp.sweep(site, pairs, mode="paired")) == 2
    # and 500 with 400 breaks it (though each is within the scenario's other value)
    bad = {"akkord_rate": ["500 DKK/hour", "100 DKK/hour"], "skilled_hour_value": ["400 DKK/hour", "450 DKK/hour"]}
    with pytest.raises(sp.SweepError, match="akkord_rate = 500 DKK/hour, skilled_hour_value = 400 DKK/hour"):
        sp.sweep(site, bad, mode="paired")
    # in units that are not the canonical ones: 10 hour/week is 520 hour/year, 600 hour/year
    # is 11.54 hour/week: above the paid 10 a week
    with pytest.raises(sp.SweepError, match="effective_hours"):
        sp.sweep(p, {"workforce.0.paid_hours": ["10 hour/week"], "workforce.0.effective_hours": ["600 hour/year"]})


def test_monte_carlo_draws_breaking_a_rule_between_inputs_are_refused() -> None:
    site = sp.load(EXAMPLE.parent / "labour_shortage_site.yaml")
    # akkord up to 540 against a skilled hour from 130: a third of the draws pay more than the hour is worth
    with pytest.raises(sp.SweepError, match="akkord_rate: must not exceed skilled_hour_value"):
        sp.monte_carlo(
            site,
            {
                "akkord_rate": sp.Uniform("100 DKK/hour", "540 DKK/hour"),
                "skilled_hour_value": sp.Uniform("130 DKK/hour", "700 DKK/hour"),
            },
            n=10_000,
        )
    # within it: every draw's akkord below every draw's value
    frame = sp.monte_carlo(
        site,
        {
            "akkord_rate": sp.Uniform("100 DKK/hour", "300 DKK/hour"),
            "skilled_hour_value": sp.Uniform("400 DKK/hour", "700 DKK/hour"),
        },
        n=1000,
    )
    assert len(frame) == 1000
    three = sp.load(EXAMPLE.parent / "ikea_rebild_3_years.yaml")  # to_ordinary 3 %
    # 49.9 % + 3 % + 49.5 % of the finishers move: more than all of them
    with pytest.raises(sp.SweepError, match="must not exceed 100 %"):
        sp.monte_carlo(
            three,
            {
                "horizon.progression.to_fleksjob": sp.Uniform("5 %", "50 %"),
                "horizon.progression.leave": sp.Uniform("46 %", "50 %"),
            },
            n=2000,
        )


@pytest.mark.parametrize("how", ["sweep", "monte_carlo", "tornado"])
def test_a_bare_fte_above_ten_is_refused_in_sweeps_as_in_the_file(how: str) -> None:
    """A bare 50 for a post's FTE is refused as the field refuses it (50 % meant?), not read as 50 FTE.

    Costed at 520,000 DKK per FTE, 50 FTE would cost 26,000,000 a year instead of 260,000.
    """
    data = yaml.safe_load((EXAMPLE.parent / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["supervision"] = [{"role": "arbejdsleder", "fte": 1, "cost_per_fte": "520000 DKK/year"}]
    p = from_data(data)
    runs = {
        "sweep": lambda: sp.sweep(p, {"supervision.0.fte": [0.5, 50]}),
        "monte_carlo": lambda: sp.monte_carlo(p, {"supervision.0.fte": sp.Uniform(25, 75)}, n=3),
        "tornado": lambda: sp.tornado(p, {"supervision.0.fte": (25, 75)}),
    }
    with pytest.raises(sp.SweepError, match=r"a bare [\d.]+ would mean [\d.]+ FTE"):
        runs[how]()
    # a bare 0.5 is half a post, and '50 FTE' says what it means: 0.5 × 520,000 = 260,000
    frame = sp.sweep(p, {"supervision.0.fte": [0.5]})
    assert frame["supervision.0.fte [FTE]"].iloc[0] == 0.5
    assert len(sp.sweep(p, {"supervision.0.fte": ["50 FTE"]})) == 1


def test_a_decimal_is_a_number_wherever_a_plain_number_is_taken() -> None:
    """Decimals (what evaluate returns) in a Series, an object array, tornado ends and a distribution.

    Each was refused as "not a number" while a list of Decimals was read; each now gives
    the same frame as the floats.
    """
    deal = sp.load(EXAMPLE)
    floats = sp.sweep(deal, {"temp_hours.wage_cost": [160.0, 170.0]})
    decimals = [Decimal("160"), Decimal("170")]
    for values in (pd.Series(decimals), np.array(decimals, dtype=object), decimals):
        pd.testing.assert_frame_equal(sp.sweep(deal, {"temp_hours.wage_cost": values}), floats)
    pd.testing.assert_frame_equal(
        sp.tornado(deal, {"temp_hours.wage_cost": (Decimal("160"), Decimal("170"))}),
        sp.tornado(deal, {"temp_hours.wage_cost": (160, 170)}),
    )
    pd.testing.assert_frame_equal(
        sp.monte_carlo(deal, {"temp_hours.wage_cost": sp.Uniform(Decimal("160"), Decimal("170"))}, n=5),
        sp.monte_carlo(deal, {"temp_hours.wage_cost": sp.Uniform(160, 170)}, n=5),
    )


def test_a_distribution_refuses_another_registrys_quantity() -> None:
    import pint

    other: Any = pint.UnitRegistry()
    with pytest.raises(sp.SweepError, match=r"another unit registry; use socialpartner\.Q_"):
        sp.monte_carlo(
            sp.load(EXAMPLE),
            {"courses.price": sp.Uniform(other.Quantity(9000, "1/s"), other.Quantity(10000, "1/s"))},
            n=3,
        )


def test_summarize_refuses_what_is_no_sweep_frame() -> None:
    deal = sp.load(EXAMPLE)
    with pytest.raises(sp.SweepError, match="frame: expected the DataFrame of sweep or monte_carlo, got list"):
        sp.summarize([1, 2])  # type: ignore[arg-type]
    for frame in (
        sp.evaluate(deal).to_frame(),
        sp.tornado(deal, {"courses.price": ("9000 DKK/month", "14000 DKK/month")}),
    ):
        with pytest.raises(sp.SweepError, match="no result columns to summarise"):
            sp.summarize(frame)  # the ledger and a tornado table summarised to an empty table, unsaid


def test_a_solve_target_with_a_unit_is_told_the_results_unit() -> None:
    deal = sp.load(EXAMPLE)
    # a unit of another kind than the result's is refused naming the result's kind; DKK for an amount is taken
    with pytest.raises(sp.SolveError, match=r"^target: coverage is a number without a unit, got 0 DKK"):
        sp.solve(deal, "courses.price", "coverage", sp.Q_(0, "DKK"))
    # a percentage is a coverage's own unit: 100 % is 1 (12,033.34 DKK/month, as for 1)
    assert sp.solve(deal, "courses.price", "coverage", sp.Q_(100, "percent")).achieved >= 1
    # a bound is the input's: a quantity of its kind, or a number in its unit
    with pytest.raises(sp.SolveError, match=r"low: expected a number in DKK / month, or a quantity like it"):
        sp.solve(deal, "courses.price", "coverage", 1, low=sp.Q_(1, "DKK"))


def test_plain_shares_of_the_progression_and_its_comparison_varied_together() -> None:
    """Plain 0.3 and 0.2 (30 %, 20 %) for a progression share and a comparison share: the rows, not a crash.

    The check between them (the comparison moves no more than the partnership: at most
    20 + 1 + 46 = 67 % against 30 + 3 + 46 = 79 %) read the plain numbers as quantities.
    """
    deal = sp.load(EXAMPLE.parent / "ikea_rebild_3_years.yaml")
    shares = {"horizon.progression.to_fleksjob": [0.3, 0.4], "horizon.progression.comparison.to_fleksjob": [0.0, 0.2]}
    assert len(sp.sweep(deal, shares)) == 4
    draws = {
        "horizon.progression.to_fleksjob": sp.Uniform(0.3, 0.4),
        "horizon.progression.comparison.to_fleksjob": sp.Uniform(0.0, 0.2),
    }
    assert len(sp.monte_carlo(deal, draws, n=50)) == 50
    # and the same as written with their unit
    as_text = {path: [f"{x * 100:g} %" for x in values] for path, values in shares.items()}
    pd.testing.assert_frame_equal(
        sp.sweep(deal, shares)
        .drop(columns=list(shares) + [f"{p} [%]" for p in shares], errors="ignore")
        .filter(like="net."),
        sp.sweep(deal, as_text).filter(like="net."),
    )


def _cell(table: pd.DataFrame, row: str, column: str) -> float:
    return float(table.to_numpy(dtype=float)[table.index.get_loc(row), table.columns.get_loc(column)])


def test_summary_percentiles_of_mirrored_amounts_agree_to_the_oere() -> None:
    # surplus and shortfall are the same amounts with signs swapped where all are short: the 5th
    # percentile of one and the 95th of the other fell on a half øre and rounded apart
    # (−175,653.68 against 175,653.67). 20 values, position 0.05 × 19 = 0.95 between the two
    # smallest: −200,000.00 + 0.95 × (−199,999.90 + 200,000.00) = −199,999.905, half an øre:
    # −199,999.91 and 199,999.91 (half away from zero, the same size for both signs)
    surplus = [-200_000.00, -199_999.90, *(-100_000.0 - 1000 * i for i in range(18))]
    frame = pd.DataFrame({"surplus [DKK]": surplus, "shortfall [DKK]": [-x for x in surplus]})
    table = sp.summarize(frame)
    assert _cell(table, "surplus [DKK]", "p5") == -199_999.91
    assert _cell(table, "shortfall [DKK]", "p95") == 199_999.91
    # a half øre exactly: −0.005 between −0.01 and 0.00 (position 0.5 of 2 values) → −0.01 and 0.01
    halves = sp.summarize(pd.DataFrame({"net.x [DKK]": [-0.01, 0.0], "net.y [DKK]": [0.0, 0.01]}))
    assert (_cell(halves, "net.x [DKK]", "p50"), _cell(halves, "net.y [DKK]", "p50")) == (-0.01, 0.01)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-(10**9), 10**9), min_size=1, max_size=40))
def test_summary_percentiles_are_pandas_rounded_to_the_oere(cents: list[int]) -> None:
    column = pd.Series([c / 100 for c in cents], name="net.company [DKK]")
    table = sp.summarize(column.to_frame())
    mirrored = sp.summarize((-column).to_frame())
    for name, q, other in (("p5", 0.05, "p95"), ("p50", 0.5, "p50"), ("p95", 0.95, "p5")):
        assert abs(_cell(table, "net.company [DKK]", name) - float(column.quantile(q))) <= 0.005 + 1e-6
        assert -_cell(table, "net.company [DKK]", name) == _cell(mirrored, "net.company [DKK]", other)


@pytest.mark.parametrize(
    ("dist", "said"),
    [
        (
            sp.Normal(2, 1),
            r"Normal\(mean=2, sd=1\): its mean 2 is read as this input reads a bare number: 2 would mean 200 %",
        ),
        (sp.Uniform(1, 3), r"Uniform\(low=1, high=3\): its low 1 is read as this input reads a bare number"),
        (sp.Triangular(0.01, 2, 3), r"Triangular\(low=0\.01, mode=2, high=3\): its mode 2"),
    ],
)
def test_a_distributions_bare_numbers_are_read_as_the_input_reads_them(dist: sp.Distribution, said: str) -> None:
    # Normal(2, 1) meant as 2 % ± 1 %: refused with a message about one draw ("-1.05238786506 would
    # mean -105.2 %; write -1.05238786506 %"); now the distribution's own value is named
    deal = sp.load(EXAMPLE.parent / "ikea_rebild_3_years.yaml")
    with pytest.raises(sp.SweepError, match=rf"^horizon\.wage_growth: {said}.*e\.g\. '2 %'\)$"):
        sp.monte_carlo(deal, {"horizon.wage_growth": dist}, n=10, seed=1)


def test_a_distributions_fractions_and_units_are_read_as_before() -> None:
    # 0.02 ± 0.005 is 2 % ± 0.5 %; "2 %" and "0.5 %" the same: the draws agree
    deal = sp.load(EXAMPLE.parent / "ikea_rebild_3_years.yaml")
    bare = sp.monte_carlo(deal, {"horizon.wage_growth": sp.Normal(0.02, 0.005)}, n=20, seed=3)
    written = sp.monte_carlo(deal, {"horizon.wage_growth": sp.Normal("2 %", "0.5 %")}, n=20, seed=3)
    assert np.allclose(bare["surplus [DKK]"], written["surplus [DKK]"], atol=0.01)


def test_no_switching_value_is_none_in_every_row() -> None:
    # beside a row with a switching value the others were NaN, alone they were None: `is None`
    # and .isna() then disagreed. The course price crosses 100 % coverage at 12,033.34 DKK/month
    # (36 × p + 46,800 = 480,000); the overhead (20 → 30 DKK/hour) and the workers do not reach it
    table = sp.tornado(
        sp.load(EXAMPLE),
        {
            "courses.price": ("11000 DKK/month", "13000 DKK/month"),
            "temp_hours.overhead": ("20 DKK/hour", "30 DKK/hour"),
            "temp_hours.workers": (3, 4),
        },
    )
    found = dict(zip(table["input"], table["switching value (coverage = 100 %)"], strict=True))
    assert found == {"courses.price": "12033.34 DKK / month", "temp_hours.overhead": None, "temp_hours.workers": None}
