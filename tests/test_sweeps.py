"""Sweeps, Monte Carlo and sensitivity: one set of formulas with evaluate."""

from __future__ import annotations

import copy
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app
from socialpartner.scenario import from_data

from .conftest import EXAMPLE
from .strategies import in_house_data, labour_shortage_data, shared_responsibility_data, supplier_data


def test_grid_hand_worked(example: sp.SharedResponsibilityPartnership) -> None:
    frame = sp.sweep(
        example,
        {"courses.price": sp.Q_([9000, 11000], "DKK/month"), "temp_hours.overhead": sp.Q_([10, 20], "DKK/hour")},
    )
    assert len(frame) == 4
    first = frame.iloc[0]
    # price 9,000, overhead 10: funding 10 × 2,340 + 3 × 9,000 × 12 = 23,400 + 324,000 = 347,400
    assert first["courses.price [DKK / month]"] == 9000
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
    with pytest.raises(sp.SweepError, match=r"helpers\.0\.paid_hours = 10 hour / week: .*must not exceed"):
        sp.sweep(p, {"helpers.0.paid_hours": sp.Q_([10, 30], "hour/week")})


def test_paired_lengths_must_match(example: sp.SharedResponsibilityPartnership) -> None:
    with pytest.raises(sp.SweepError, match="equal lengths"):
        sp.sweep(example, {"temp_hours.workers": [1, 2], "courses.participants": [1]}, mode="paired")


def test_scenarios_with_a_horizon_are_evaluated_variant_by_variant() -> None:
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
    ],
    "supplier": ["other_revenue", "other_costs", "services.0.contract_sum", "services.0.price"],
    "labour_shortage": ["price", "skilled_hour_value", "helpers.0.headcount", "helpers.0.wage_cost"],
    "in_house": ["price", "workforce.0.headcount", "workforce.0.wage_cost", "volume"],
}


@st.composite
def sweepable(draw: st.DrawFn) -> tuple[dict[str, Any], str, list[Any]]:
    data = draw(st.one_of(shared_responsibility_data(), supplier_data(), labour_shortage_data(), in_house_data()))
    p = from_data(data)
    options = [path for path in PATHS[data["model"]] if _exists(p, path)]
    assume(options)
    path = draw(st.sampled_from(options))
    from socialpartner.sweeps import _current

    base = _current(p, path)
    if isinstance(base, int):
        values: list[Any] = draw(st.lists(st.integers(0, 40), min_size=1, max_size=5))
    else:
        numbers = draw(st.lists(st.decimals(0, 100_000, places=2), min_size=1, max_size=5))
        values = [f"{n} {base.units}" for n in numbers]
    return data, path, values


def _exists(p: sp.Partnership, path: str) -> bool:
    from socialpartner.sweeps import _current

    try:
        value = _current(p, path)
    except sp.SweepError:
        return False
    return value is not None and not isinstance(value, bool)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much], max_examples=60)
@given(sweepable())
def test_every_row_equals_evaluate(case: tuple[dict[str, Any], str, list[Any]]) -> None:
    data, path, values = case
    p = from_data(data)
    try:
        frame = sp.sweep(p, {path: values})
    except sp.SweepError:
        assume(False)
        return
    for value, (_, row) in zip(values, frame.iterrows(), strict=True):
        changed = copy.deepcopy(data)
        target: Any = changed
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[int(keys[-1]) if isinstance(target, list) else keys[-1]] = value
        try:
            variant = from_data(changed)
        except ValidationError:
            continue  # a rule between inputs the sweep checks only at the extremes; not compared
        ev = sp.evaluate(variant)
        split = ev.cost_split
        for column, expected in [
            ("surplus [DKK]", split.surplus),
            ("cost [DKK]", split.cost),
            ("funding [DKK]", split.total_funding),
        ]:
            assert abs(row[column] - float(expected)) <= 0.011, (column, row[column], expected)
        for party in ev.ledger.parties:
            assert abs(row[f"net.{party} [DKK]"] - float(ev.ledger.net(party))) <= 0.011
        for b in ev.break_even:
            column = f"break_even.{b.input_path} [{b.unit}]"
            if b.value is None:
                assert math.isnan(row[column])
            else:
                assert abs(row[column] - float(b.value)) <= 0.011
        if split.coverage is not None:
            # coverage is funding / cost: the 0.01 DKK allowance on funding, relative to the cost
            assert abs(row["coverage"] - float(split.coverage)) <= 0.011 / float(split.cost) + 1e-9


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
    prices = a["courses.price [DKK / month]"]
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
    assert table["switching value (coverage = 100 %)"].iloc[0] == "12033.3333 DKK / month"
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
