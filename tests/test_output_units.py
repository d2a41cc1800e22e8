"""Figures in the units and at the precision a reader expects.

Break-even prices in the unit the scenario writes the price in (rounded once from the
exact rate), solver messages that never show a value beside the target as the target,
and sweep CSV files with the output language's unit spellings and the library's
precision (ratios to 4 decimals, money to the øre).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import yaml
from openpyxl import load_workbook
from pycel import ExcelCompiler  # type: ignore[import-untyped]
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal import paths
from socialpartner.cli import _csv_block, app
from socialpartner.scenario import from_data
from socialpartner.solver import readable
from socialpartner.views.explain import explanation_text

from .conftest import EXAMPLE, ROOT, example_with, scenario_matrix

D = Decimal
runner = CliRunner()
THREE_YEARS = ROOT / "examples" / "ikea_rebild_3_years.yaml"


def _yearly() -> sp.Evaluation:
    # 11,000 DKK/month written as 132,000 DKK/year: the same price
    return sp.evaluate(from_data(example_with(courses={"price": "132000 DKK/year"})))


def _course(ev: sp.Evaluation) -> sp.BreakEven:
    return next(b for b in ev.break_even if b.input_path == "courses.price")


# -- 1. break-even in the price's own unit ---------------------------------------------------


def test_a_yearly_price_gets_its_break_even_per_year_rounded_once() -> None:
    ev = _yearly()
    b = _course(ev)
    # cost 480,000; funding that does not move with the price: overhead 20 × 3 × 15 × 52 = 46,800;
    # volume 3 participants × 1 year: (480,000 − 46,800) / 3 = 144,400.00 DKK/year
    assert (b.value, b.unit) == (D("144400.00"), "DKK/year")
    # the model's unit: 433,200 / 36 participant-months = 12,033.333… → 12,033.33 DKK/month
    assert (b.canonical_value, b.canonical_unit) == (D("12033.33"), "DKK/month")
    # not the rounded monthly figure converted: 12,033.33 × 12 = 144,399.96
    assert b.canonical_value is not None
    assert b.canonical_value * 12 == D("144399.96") != b.value
    assert ev.results()["break_even.courses.price"] == D("144400.00")
    # the overhead is written per hour: (480,000 − 396,000) / 2,340 hours = 35.897… → 35.90
    overhead = ev.break_even[0]
    assert (overhead.value, overhead.unit, overhead.canonical_value) == (D("35.90"), "DKK/hour", D("35.90"))
    assert "value=Decimal('144400.00'), unit='DKK/year'" in str(ev)


def test_a_monthly_price_keeps_its_break_even_per_month() -> None:
    b = _course(sp.evaluate(sp.load(EXAMPLE)))
    assert (b.value, b.unit, b.canonical_value, b.canonical_unit) == (
        D("12033.33"),
        "DKK/month",
        D("12033.33"),
        "DKK/month",
    )


@pytest.mark.parametrize(
    ("price", "unit", "value", "shown"),
    [
        # 150,000 DKK/year: (480,000 − 46,800) / 3 = 144,400.00 whatever the price itself is
        ("150.000 kr./år", "DKK/year", D("144400.00"), "144.400,00 kr./år"),
        # 12,500 DKK/month: 433,200 / 36 = 12,033.33
        ("12.500 kr./md.", "DKK/month", D("12033.33"), "12.033,33 kr./md."),
        # 37,500 DKK a quarter: 433,200 / 12 quarters = 36,100.00
        ("37.500 kr./kvartal", "DKK/quarter", D("36100.00"), "36.100,00 kr./kvartal"),
    ],
)
def test_prices_written_in_danish(price: str, unit: str, value: Decimal, shown: str) -> None:
    data = example_with(courses={"price": price})
    data["number_format"] = "da"
    ev = sp.evaluate(from_data(data))
    b = _course(ev)
    assert (b.value, b.unit) == (value, unit)
    table = runner.invoke(app, ["evaluate", "--lang", "da"], env={"COLUMNS": "160"})  # the bundled example
    assert "12.033,33 kr./md." in table.output
    page = sp.report_html(ev, lang="da", charts=False)
    assert shown in page
    assert shown in ev.to_html("da")


def test_an_hourly_price_in_danish_spelling_is_per_hour() -> None:
    data = yaml.safe_load((ROOT / "examples" / "labour_shortage_site.yaml").read_text(encoding="utf-8"))
    data["price"] = "320 kr./time"
    (b,) = sp.evaluate(from_data(data)).break_even
    # (686,400 + 500,000) / 4,160 paid hours = 285.1923… → 285.19 DKK/hour
    assert (b.value, b.unit) == (D("285.19"), "DKK/hour")


def test_a_percentage_overhead_keeps_the_models_unit_and_gives_the_percentage() -> None:
    ev = sp.evaluate(from_data(example_with(temp_hours={"overhead": "12 %"})))
    overhead = ev.break_even[0]
    # (480,000 − 396,000) / 2,340 = 35.897… DKK/hour; as a share of the 165 DKK/hour wage cost:
    # 35.897… / 165 = 21.756 % → 21.76
    assert (overhead.value, overhead.unit, overhead.percent) == (D("35.90"), "DKK/hour", D("21.76"))


def test_a_monthly_contract_sum_gets_its_break_even_per_month() -> None:
    ev = sp.evaluate(sp.load(ROOT / "examples" / "supplier_facility.yaml"))
    canteen = ev.break_even[1]
    # 1,040,000 − (1,419,080 − 1,200,000) = 820,920 a year = 68,410.00 a month
    assert (canteen.value, canteen.unit) == (D("68410.00"), "DKK/month")
    assert (canteen.canonical_value, canteen.canonical_unit) == (D("820920.00"), "DKK/year")
    assert all(r.passed for r in sp.check_expectations(ev))


def test_a_spin_offs_monthly_purchases_get_a_monthly_break_even() -> None:
    data = yaml.safe_load((ROOT / "examples" / "spin_off_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["years"][0]["parent_purchases"] = "100000 DKK/month"  # 1,200,000 a year, as written in the example
    ev = sp.evaluate(from_data(data))
    first = ev.breakdown[0].break_even[0]
    # the year's break-even is 1,290,800.00 DKK/year (whole øre): / 12 = 107,566.666… → 107,566.67
    assert (first.value, first.unit) == (D("107566.67"), "DKK/month")
    assert (first.canonical_value, first.canonical_unit) == (D("1290800.00"), "DKK/year")
    assert ev.breakdown[1].break_even[0].unit == "DKK/year"  # the next year is written per year


def test_every_year_of_a_horizon_in_the_written_unit() -> None:
    data = yaml.safe_load(THREE_YEARS.read_text(encoding="utf-8"))
    data.pop("expect")
    data["courses"]["price"] = "132000 DKK/year"
    ev = sp.evaluate(from_data(data))
    got = [(_course(p).value, _course(p).unit) for p in ev.breakdown]
    # 2026: (480,000 − 46,800) / 3 = 144,400.00
    # 2027: staff 480,000 × 1.02 = 489,600; overhead 4 workers × 15 × 52 = 3,120 h × 20.40 = 63,648;
    #       (489,600 − 63,648) / 3 = 141,984.00
    assert got[:2] == [(D("144400.00"), "DKK/year"), (D("141984.00"), "DKK/year")]
    assert got[2][1] == "DKK/year"
    assert [_course(p).canonical_value for p in ev.breakdown] == [D("12033.33"), D("11832.00"), D("12068.64")]


def test_a_change_written_in_another_unit_keeps_the_series_unit() -> None:
    """Review 47 F1: a change writing the course price per year from 2027 (144,000 DKK/year = 12,000 a month)
    switched the years' break-even series from per month to per year (12,033.33, 147,288.00, 150,233.76): a bare
    ``result("2027.break_even.courses.price")`` then read 12 times too high beside 2026 and the sweep column.
    The series stays in the scenario's own unit, DKK/month (the change replaces the example's, so 3 workers
    throughout: 2,340 hours a year): 2027 (489,600 − 2,340 × 20.40 = 47,736) / 36 participant-months
    = 441,864 / 36 = 12,274.00 — the course price's own break-even does not move with the price — and 2028
    (499,392 − 2,340 × 20.808 = 48,690.72) / 36 = 450,701.28 / 36 = 12,519.48."""
    data = yaml.safe_load(THREE_YEARS.read_text(encoding="utf-8"))
    data.pop("expect")
    data["horizon"]["changes"] = [{"year": 2027, "set": {"courses.price": "144000 DKK/year"}}]
    deal = from_data(data)
    ev = sp.evaluate(deal)
    got = [(_course(p).value, _course(p).unit) for p in ev.breakdown]
    assert got == [(D("12033.33"), "DKK/month"), (D("12274.00"), "DKK/month"), (D("12519.48"), "DKK/month")]
    assert [ev.result(f"{y}.break_even.courses.price") for y in (2026, 2027, 2028)] == [v for v, _ in got]
    # the sweep's columns (in the model's unit, per month here) give the same figures
    row = sp.sweep(deal, {"temp_hours.workers": [3]}).iloc[0]
    swept = [row[f"{y}.break_even.courses.price [DKK/month]"] for y in (2026, 2027, 2028)]
    assert swept == [12033.33, 12274.00, 12519.48]


def test_json_cli_explain_and_expectations() -> None:
    ev = _yearly()
    doc = ev.to_dict()["break_even"][1]
    assert doc == {
        "label": "course price per participant",
        "input": "courses.price",
        "value": "144400.00",
        "unit": "DKK/year",
        "percent": None,
        "already_covered": False,
        "canonical_value": "12033.33",
        "canonical_unit": "DKK/month",
        "covering": "144400.00",  # 433,200 / 3 participant-years is exactly 144,400: the rounded price covers
        "covering_percent": None,  # a price in DKK, not a percentage
    }
    explained = str(ev.explain("courses.price"))
    # 3 participants over 1 year: a volume of 3.00 participant-years
    assert "= 144,400.00 DKK/year" in explained
    assert "/ 3.00, rounded to øre" in explained
    assert "volume = 3.00 (years over the period)" in explained
    block = sp.Expectations.model_validate(
        {
            "break_even.courses.price": "144400 DKK/year",
            "coverage": 0.9225,
        }
    )
    assert all(r.passed for r in sp.check_expectations(ev, block))
    # in the model's unit, compared with the break-even rounded in that unit (not 144,399.96)
    for expected, passed in (("12033.33 DKK/month", True), ("12033.34 DKK/month", False), (144400, True)):
        block = sp.Expectations.model_validate({"break_even.courses.price": expected})
        (result,) = sp.check_expectations(ev, block)
        assert result.passed is passed, (expected, result)


def test_a_quarterly_price_explained_in_danish() -> None:
    ev = sp.evaluate(from_data(example_with(courses={"price": "33000 DKK/quarter"})))
    text = explanation_text(ev.explain("courses.price"), "da")
    # 3 participants × 4 quarters = 12 participant-quarters: 433,200 / 12 = 36,100.00
    assert "forløbspris pr. deltager = 36.100,00 kr./kvartal" in text
    assert "mængde = 12,00 (kvartaler over perioden)" in text


def test_cli_evaluate_and_compare(tmp_path: Path) -> None:
    yearly = tmp_path / "yearly.yaml"
    yearly.write_text(sp.dumps(_yearly().partnership), encoding="utf-8")
    table = runner.invoke(app, ["evaluate", str(yearly)], env={"COLUMNS": "160"})
    assert table.exit_code == 0, table.output
    assert "144,400.00 DKK/year" in table.output
    danish = runner.invoke(app, ["evaluate", str(yearly), "--lang", "da"], env={"COLUMNS": "160"})
    assert "144.400,00 kr./år" in danish.output
    doc = json.loads(runner.invoke(app, ["evaluate", str(yearly), "-f", "json"]).stdout)
    assert [(b["value"], b["unit"]) for b in doc["break_even"]] == [("35.90", "DKK/hour"), ("144400.00", "DKK/year")]
    # the same price per year and per month: compared in the model's unit, no difference
    compared = runner.invoke(app, ["compare", str(yearly), str(EXAMPLE), "-f", "json"])
    assert compared.exit_code == 0, compared.output
    row = next(r for r in json.loads(compared.stdout)["results"] if r["result"] == "break_even.courses.price")
    assert (row["a"], row["b"], row["difference"], row["unit"]) == ("12033.33", "12033.33", "0.00", "DKK/month")
    # both per year: compared per year
    compared = runner.invoke(app, ["compare", str(yearly), str(yearly), "-f", "json"])
    row = next(r for r in json.loads(compared.stdout)["results"] if r["result"] == "break_even.courses.price")
    assert (row["a"], row["unit"]) == ("144400.00", "DKK/year")


def test_spreadsheet_formula_gives_the_break_even_in_the_written_unit(tmp_path: Path) -> None:
    ev = _yearly()
    path = sp.to_xlsx(ev, tmp_path / "deal.xlsx")
    wb = load_workbook(path)
    engine = ExcelCompiler(filename=str(path))
    ws = wb["Break-even"]
    row = next(r for r in ws.iter_rows() if r[4].value == "courses.price")
    assert row[3].value == "DKK/year"  # period, price, break-even, unit, input
    # (480,000 − 46,800) / 3 participant-years, to the øre
    assert round(float(engine.evaluate(f"'Break-even'!C{row[0].row}")), 2) == 144400.00


def test_save_and_load_keep_the_unit(tmp_path: Path) -> None:
    data = example_with(courses={"price": "150.000 kr./år"})
    data["number_format"] = "da"
    p = from_data(data)
    again = sp.load(sp.save(p, tmp_path / "again.yaml"))
    assert sp.evaluate(again).break_even == sp.evaluate(p).break_even
    assert _course(sp.evaluate(again)).unit == "DKK/year"
    assert _course(sp.evaluate(sp.loads(sp.dumps(p, "json"), "json"))).unit == "DKK/year"


# Each example's price rewritten in another unit of the same meaning (or spelling), with
# the unit its break-even is then shown in: (path, new value, unit).
_REWRITTEN = {
    "ikea_rebild": ("courses.price", "132000 DKK/year", "DKK/year"),
    "ikea_rebild_agreement": ("courses.price", "132000 kr./år", "DKK/year"),
    "supplier_facility": ("services.1.contract_sum", "1200000 DKK/year", "DKK/year"),
    "labour_shortage_site": ("price", "320 kr./time", "DKK/hour"),
    "in_house_packing": ("price", "220 kr/t", "DKK/hour"),
    "spin_off_packing": ("years.0.parent_purchases", "100000 kr./md.", "DKK/month"),
}


def _set(data: dict[str, Any], path: str, value: str) -> None:
    target: Any = data
    *head, last = path.split(".")
    for key in head:
        target = target[int(key)] if isinstance(target, list) else target[key]
    target[last] = value


@pytest.mark.parametrize(("name", "data"), scenario_matrix(), ids=[m[0] for m in scenario_matrix()])
def test_every_model_with_and_without_public_and_horizon(name: str, data: dict[str, Any]) -> None:
    """The break-even of the rewritten price is in its written unit and is the break-even to the øre.

    Independent of the formula: with the price 0.01 above the break-even (in the written
    unit) the support staff are covered; 0.01 below they are not.
    """
    stem = name.split("+")[0]
    path, value, unit = _REWRITTEN[stem]
    data = copy.deepcopy(data)
    data.pop("expect", None)
    _set(data, path, value)
    p = from_data(data)
    ev = sp.evaluate(p)
    first = (ev.breakdown or (ev,))[0]
    b = next(b for b in first.break_even if b.input_path == path)
    assert b.unit == unit
    assert b.value is not None
    assert b.canonical_value is not None
    # the same price in the model's unit is what the sweeps report, whatever unit is written
    # (rounded to the øre in each unit: within half an øre of each unit of one another)
    factor = Fraction(sp.Q_(1, b.canonical_unit).to(b.unit).magnitude).limit_denominator(10**6)
    half = Fraction(1, 200)
    assert abs(Fraction(b.value) - Fraction(b.canonical_value) * factor) <= half * factor + half
    if b.already_covered:
        return

    def part(price: Decimal) -> sp.Evaluation:
        variant = sp.evaluate(paths.replace(p, path, f"{price} {unit}"))
        return (variant.breakdown or (variant,))[0]

    assert part(b.value + D("0.01")).cost_split.shortfall == 0
    if b.value >= D("0.01"):
        assert part(b.value - D("0.01")).cost_split.shortfall > 0
    for period in ev.breakdown[1:]:  # every year of a horizon: the written unit
        assert all(x.unit == unit for x in period.break_even if x.input_path == path)


def test_sweep_columns_stay_in_the_models_unit() -> None:
    # a sweep's column has one unit for all its rows, whichever unit each row's price is written in
    p = from_data(example_with(courses={"price": "132000 DKK/year"}))
    frame = sp.sweep(p, {"temp_hours.overhead": ["20 DKK/hour"]})
    assert frame["break_even.courses.price [DKK/month]"].iloc[0] == pytest.approx(12033.33)
    assert frame["break_even.courses.price [DKK/month]"].iloc[0] == float(_course(sp.evaluate(p)).canonical_value or 0)


# -- 2. solver messages ----------------------------------------------------------------------


def test_the_solved_coverage_is_not_shown_as_the_target() -> None:
    p = sp.load(EXAMPLE)
    s = sp.solve(p, "courses.price", "coverage", 1)
    # 12,033.34 × 36 = 433,200.24; + 46,800 = 480,000.24; / 480,000 = 1.0000005
    assert str(s.value_text) == "12033.34 DKK / month"
    assert s.achieved == D("1.0000005")
    assert s.achieved_text == "1.000001"  # 1.0000 would read as the target met exactly
    assert "gives coverage = 1.000001 (target 1;" in str(s)
    out = runner.invoke(app, ["solve", str(EXAMPLE), "--vary", "courses.price", "--target", "coverage=1"])
    # the CLI prints a coverage as the percentage it is
    assert "gives coverage = 100.0001 % (target 100.00 %; now 92.25 %)" in out.output
    danish = runner.invoke(
        app, ["solve", str(EXAMPLE), "--vary", "courses.price", "--target", "coverage=1", "--lang", "da"]
    )
    assert "giver dækningsprocent = 100,0001 % (mål 100,00 %; nu 92,25 %)" in danish.output


@pytest.mark.parametrize("target", [100, 10.5, "100"])
def test_a_coverage_target_written_as_a_percentage_is_refused(target: Any) -> None:
    # coverage=100 solved for 10,000 %: a course price of 1,331,826.45 DKK/month, exit 0
    p = sp.load(EXAMPLE)
    with pytest.raises(sp.SolveError, match=r"a coverage of [0-9.]+ would be [0-9,.]+ % \(a coverage is a ratio"):
        sp.solve(p, "courses.price", "coverage", target)
    three = sp.load(THREE_YEARS)
    # one year's coverage too, and the fix is the coverage meant: 100 → 1 or '100 %', 10.5 → 0.105 or '10.5 %'
    meant = {100: ("1", "100"), 10.5: ("0.105", "10.5"), "100": ("1", "100")}[target]
    with pytest.raises(sp.SolveError, match=re.escape(f"give {meant[0]} or '{meant[1]} %' if {meant[1]} % is meant")):
        sp.solve(three, "courses.price", "2027.coverage", target)
    out = runner.invoke(app, ["solve", str(EXAMPLE), "--vary", "courses.price", "--target", f"coverage={target}"])
    assert out.exit_code != 0
    assert "would be" in out.output
    assert sp.solve(p, "courses.price", "coverage", 10).achieved >= 10  # 1000 % is still a ratio


@pytest.mark.parametrize("target", ["100 %", "100%", " 100 procent ", sp.Q_(100, "%"), sp.Q_(1, "")])
def test_a_coverage_target_may_be_a_percentage_in_python_too(target: Any) -> None:
    # the command line took coverage=100 %; sp.solve said "target: not a number, got '100 %'"
    # 12,033.34 DKK/month: (36 × 12,033.34 + 46,800) / 480,000 = 1.0000 (see the test below)
    p = sp.load(EXAMPLE)
    assert str(sp.solve(p, "courses.price", "coverage", target).value) == "12033.34 DKK / month"
    with pytest.raises(
        sp.SolveError,
        match=re.escape("a percentage is for a ratio (a coverage, a share such as a parent share); give surplus's"),
    ):
        sp.solve(p, "courses.price", "surplus", target)


def test_a_range_past_the_answer_says_above_with_a_value_above() -> None:
    # one øre past the answer (12,033.34 is returned): (36 × 12,033.35 + 46,800) / 480,000
    # = 1.00000125, which four decimals would show as the target itself
    p = sp.load(EXAMPLE)
    with pytest.raises(sp.SolveError) as info:
        sp.solve(p, "courses.price", "coverage", 1, low="12033.35")
    message = str(info.value)
    assert "coverage is 1.000001 at the low end" in message
    assert "above the target at every value tried" in message
    assert "1.0000 " not in message


@pytest.mark.parametrize(
    ("value", "result", "target", "shown"),
    [
        (Fraction(10000005, 10000000), "coverage", None, "1.0000"),  # no target: 4 decimals
        (Fraction(10000005, 10000000), "coverage", 1, "1.000001"),
        # 4,799,999 / 4,800,000 = 0.99999979…: 1.0000 to 6 decimals, 0.9999998 to 7
        (Fraction(4799999, 4800000), "coverage", 1, "0.9999998"),
        (Fraction(1), "coverage", 1, "1.0000"),  # the target itself
        (Fraction(9225, 10000), "2027.coverage", 1, "0.9225"),  # far from the target: 4 decimals
        (Fraction(1, 1000), "surplus", 0, "0.001"),  # money: 0.00 would be the target
        (Fraction(123456789, 100), "surplus", 0, "1,234,567.89"),
    ],
)
def test_readable(value: Fraction, result: str, target: int | None, shown: str) -> None:
    assert readable(value, result, target) == shown


# -- 3. sweep CSV ----------------------------------------------------------------------------


def _sweep_csv(tmp_path: Path, lang: str) -> list[list[str]]:
    out = tmp_path / f"sweep_{lang}.csv"
    args = ["sweep", str(THREE_YEARS), "--vary", "courses.price=9000..14000:4", "--csv", str(out), "--lang", lang]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8-sig")  # a BOM in Danish (Excel), none in English
    return list(csv.reader(io.StringIO(text), delimiter=";" if lang == "da" else ","))


def test_danish_sweep_csv_units_and_precision(tmp_path: Path) -> None:
    header, first, second, *_ = _sweep_csv(tmp_path, "da")
    row = dict(zip(header, first, strict=True))
    assert "courses.price [kr./md.]" in header
    assert "surplus [kr.]" in header
    assert "2026.break_even.temp_hours.overhead [kr./time]" in header
    assert "2026.break_even.courses.price [kr./md.]" in header
    assert not any("DKK" in h for h in header)
    # at 9,000 DKK/month: funding 370,800 (46,800 + 3 × 9,000 × 12) + 394,128 (63,648 + 3 × 9,180 × 12)
    # + 402,010.56 (3,120 h × 20.808 + 3 × 9,363.60 × 12) = 1,166,938.56 against a cost of
    # 480,000 + 489,600 + 499,392 = 1,468,992: coverage 0.794380… → 0,7944
    assert row["courses.price [kr./md.]"] == "9000"  # as a scenario writes it
    assert row["coverage"] == "0,7944"
    assert row["funding [kr.]"] == "1166938,56"
    assert row["cost [kr.]"] == "1468992,00"
    assert row["2026.coverage"] == "0,7725"  # 370,800 / 480,000
    assert row["jobs"] == "4"
    assert row["fte"] == "1,62"
    assert row["2026.break_even.courses.price [kr./md.]"] == "12033,33"
    # the varied input as evaluated: 9,000 + 5,000 / 3
    assert dict(zip(header, second, strict=True))["courses.price [kr./md.]"] == "10666,666666666666"
    for name, cell in row.items():
        if cell and not name.startswith("courses.price"):
            decimals = len(cell.partition(",")[2])
            assert decimals in ({4} if name.endswith("coverage") else {0, 2}), (name, cell)


def test_english_sweep_csv_has_the_same_precision(tmp_path: Path) -> None:
    danish = _sweep_csv(tmp_path, "da")
    english = _sweep_csv(tmp_path, "en")
    header, first = english[0], english[1]
    row = dict(zip(header, first, strict=True))
    assert "courses.price [DKK/month]" in header
    assert (row["coverage"], row["funding [DKK]"], row["jobs"]) == ("0.7944", "1166938.56", "4")
    # the same cells, with a decimal point for a decimal comma
    for en_row, da_row in zip(english[1:], danish[1:], strict=True):
        assert [c.replace(".", ",") for c in en_row] == da_row


def test_csv_ratios_round_half_up_like_the_library() -> None:
    # 0.12345 is exact as a coverage (24,690 / 200,000) but its binary float is 0.123449999…
    frame = pd.DataFrame({"coverage": [0.12345, np.nan], "surplus [DKK]": [-0.0, 1234.5], "jobs": [3.0, 4.0]})
    block = _csv_block(frame, (), ",")
    assert block.to_dict("list") == {
        "coverage": ["0,1235", ""],
        "surplus [DKK]": ["0,00", "1234,50"],
        "jobs": ["3", "4"],
    }


def test_a_solved_amount_prints_with_its_unit() -> None:
    # 12,033.34 × 36 + 46,800 − 480,000 = 0.24: printed "0.24 (target 0; now -37,200.00)", no DKK
    out = runner.invoke(app, ["solve", str(EXAMPLE), "--vary", "courses.price", "--target", "surplus=0"])
    assert "gives surplus = 0.24 DKK (target 0 DKK; now -37,200.00 DKK)" in out.output
    danish = runner.invoke(
        app, ["solve", str(EXAMPLE), "--vary", "courses.price", "--target", "surplus=0", "--lang", "da"]
    )
    assert "= 0,24 kr. (mål 0 kr.; nu -37.200,00 kr.)" in danish.output
