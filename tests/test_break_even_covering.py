"""The least øre price that covers, beside a break-even price rounded half up.

A break-even price is the exact rate rounded half up (the library's one rule), so it can
fall just below the cost: 12,033.33 DKK/month × 36 months is 0.12 DKK short of the
433,200.00 the courses must bring. The record, the tables, the report, the JSON and the
explanation also give the least whole-øre price at or above the exact rate.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app
from socialpartner.scenario import from_data
from socialpartner.views.explain import explanation_text

from .conftest import EXAMPLE, example_with

D = Decimal
runner = CliRunner()


def _by_path(ev: sp.Evaluation) -> dict[str, sp.BreakEven]:
    return {b.input_path: b for b in ev.break_even}


def test_the_example_names_the_price_that_covers() -> None:
    be = _by_path(sp.evaluate(sp.load(EXAMPLE)))
    # courses: (480,000 − 46,800) / 36 = 12,033.333…: half up 12,033.33, which is 0.12 short
    # (× 36 = 433,199.88); the least øre price at or above the rate is 12,033.34 (433,200.24)
    assert be["courses.price"].value == D("12033.33")
    assert be["courses.price"].covering == D("12033.34")
    # overhead: (480,000 − 396,000) / 2,340 = 35.897…: half up 35.90, already above the rate
    assert be["temp_hours.overhead"].value == D("35.90")
    assert be["temp_hours.overhead"].covering == D("35.90")


def test_the_covering_price_is_in_the_written_unit() -> None:
    # 11,000 DKK/month written as 132,000 DKK/year: the yearly rate 433,200 / 3 = 144,400 exactly,
    # so the rounded price covers and nothing more is needed
    ev = sp.evaluate(from_data(example_with(courses={"price": "132000 DKK/year"})))
    course = _by_path(ev)["courses.price"]
    assert (course.value, course.covering, course.unit) == (D("144400.00"), D("144400.00"), "DKK/year")


def test_views_show_the_covering_price_only_where_it_differs() -> None:
    ev = sp.evaluate(sp.load(EXAMPLE))
    data = ev.to_dict()["break_even"]
    assert [(b["value"], b["covering"]) for b in data] == [("35.90", "35.90"), ("12033.33", "12033.34")]
    table = runner.invoke(app, ["evaluate", str(EXAMPLE)], env={"COLUMNS": "200"}).output
    assert "rounded to just below the cost; 12,033.34 DKK/month covers" in table
    assert table.count("DKK/hour covers") == 0  # the overhead's rounded price covers: no note
    da = runner.invoke(app, ["evaluate", str(EXAMPLE), "--lang", "da"], env={"COLUMNS": "200"}).output
    assert "afrundet til lige under udgiften; 12.033,34 kr./md. dækker" in da
    assert "12,033.34 DKK/month covers" in ev._repr_html_()
    explained = ev.explain("courses.price")
    assert "least øre price that covers = 12,033.34 DKK/month" in str(explained)
    assert "laveste pris i hele øre, der dækker = 12.033,34 kr./md." in explanation_text(explained, "da")
    assert "least øre price" not in str(ev.explain("temp_hours.overhead"))
    payload = json.loads(runner.invoke(app, ["evaluate", str(EXAMPLE), "--format", "json"]).output)
    assert payload["break_even"][1]["covering"] == "12033.34"


@settings(max_examples=40, deadline=None)
@given(
    price=st.integers(900_000, 1_400_000),  # øre a month
    overhead=st.integers(1_000, 4_000),  # øre an hour
    annual=st.integers(40_000_000, 60_000_000),  # øre a year
    hours=st.integers(5, 30),
)
def test_the_covering_price_covers_and_is_the_least_at_or_above_the_rate(
    price: int, overhead: int, annual: int, hours: int
) -> None:
    data = example_with(
        courses={"price": f"{D(price) / 100} DKK/month"},
        temp_hours={"overhead": f"{D(overhead) / 100} DKK/hour", "effective_hours": f"{hours} hour/week"},
    )
    data["support_staff"][0]["annual_cost"] = f"{D(annual) / 100} DKK/year"
    ev = sp.evaluate(from_data(data))
    course = _by_path(ev)["courses.price"]
    courses = -ev.ledger.net("municipality")  # the municipality pays only the courses
    needed = ev.cost_split.cost - (ev.cost_split.total_funding - courses)  # what the courses must bring
    rate = Fraction(needed) / 36  # DKK a participant-month: 3 participants × 12 months
    if rate <= 0:
        assert course.already_covered
        assert course.covering == 0
        return
    assert course.covering is not None
    covering = Fraction(course.covering)
    assert covering >= rate > covering - Fraction(1, 100)  # the least øre price at or above the rate
    assert course.value in (course.covering, course.covering - D("0.01"))
    # at the covering price the cost is covered (each flow rounded to øre, half up)
    data["courses"]["price"] = f"{course.covering} DKK/month"
    assert sp.evaluate(from_data(data)).cost_split.surplus >= 0


def test_a_percentage_markup_names_the_percentage_that_covers(tmp_path: Path) -> None:
    # 2 workers × 15 h × 52 = 1,560 h at 165 DKK/h; courses 2 × 11,220 × 12 = 269,280; staff 480,000
    # break-even overhead (480,000 − 269,280) / 1,560 = 135.0769… DKK/h = 81.8648… % of 165:
    # half up 81.86 %, at which 0.8186 × 165 × 1,560 = 210,707.64 is 12.36 short of 210,720; 81.87 % covers
    data = example_with(
        temp_hours={"workers": 2, "overhead": "12 %"},
        courses={"participants": 2, "price": "11220 DKK/month"},
    )
    path = tmp_path / "percent.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    ev = sp.evaluate(from_data(data))
    overhead = _by_path(ev)["temp_hours.overhead"]
    assert (overhead.value, overhead.covering) == (D("135.08"), D("135.08"))  # 135.08 ≥ 135.0769…
    assert (overhead.percent, overhead.covering_percent) == (D("81.86"), D("81.87"))
    assert ev.to_dict()["break_even"][0]["covering_percent"] == "81.87"
    data["temp_hours"]["overhead"] = "81.87 %"
    assert sp.evaluate(from_data(data)).cost_split.surplus >= 0  # 0.8187 × 257,400 = 210,733.80
    data["temp_hours"]["overhead"] = "81.86 %"
    assert sp.evaluate(from_data(data)).cost_split.shortfall == D("12.36")
    table = runner.invoke(app, ["evaluate", str(path)], env={"COLUMNS": "200"}).output
    # review 43 F2: the row shows the price too, which covers; the note says which of the two falls short
    assert "the price covers; the percentage is rounded to just below the cost, 81.87 % covers" in table
    page = sp.report_html(ev)
    assert "135.08 DKK/hour (81.86 %)" in page
    assert "81.87 % covers" in page
    assert "least percentage that covers = 81.87 %" in str(ev.explain("temp_hours.overhead"))


def test_a_percentage_markups_note_says_which_of_price_and_percentage_falls_short() -> None:
    """The row shows a markup as a price and a percentage ("72.12 DKK/hour (43.57 %)"), each rounded once
    from the exact rate: the note named the percentage only, and read as if about the price (review 43 F2)."""
    from socialpartner._internal.i18n import Translator
    from socialpartner.views import break_even_note

    t, da = Translator("en"), Translator("da")
    # need 121,380 / 2,340 = 51.8718 DKK/h: 51.87 DKK/h is short, but 30.43 % of 170.465 = 51.8725 covers
    label, path, unit = "overhead per hour", "temp_hours.overhead", "DKK/hour"
    short_in_dkk = sp.BreakEven(label, path, D("51.87"), unit, D("30.43"), covering=D("51.88"))
    assert break_even_note(short_in_dkk, t) == (
        "the percentage covers; the price is rounded to just below the cost, 51.88 DKK/hour covers"
    )
    # 180,000 / 2,496 = 72.1153… DKK/h: 72.12 covers (180,011.52); 72.1153… / 165.50 = 43.5742… %: 43.57 does not
    short_in_percent = sp.BreakEven(label, path, D("72.12"), unit, D("43.57"), covering_percent=D("43.58"))
    assert break_even_note(short_in_percent, t) == (
        "the price covers; the percentage is rounded to just below the cost, 43.58 % covers"
    )
    assert break_even_note(short_in_percent, da) == (
        "prisen dækker; procentsatsen er afrundet til lige under udgiften, 43,58 % dækker"
    )
    # 191,100 / 2,496 = 76.5625 DKK/h, shown 76.56 (76.56 × 2,496 = 191,093.76: short), and its percentage too
    both = sp.BreakEven(label, path, D("76.56"), unit, D("44.91"), covering=D("76.57"), covering_percent=D("44.92"))
    assert break_even_note(both, t) == "rounded to just below the cost; 76.57 DKK/hour (44.92 %) covers"
    neither = sp.BreakEven(label, path, D("76.57"), unit, D("44.92"))
    assert break_even_note(neither, t) == ""


def test_the_spreadsheet_gives_the_covering_price_and_percentage_as_formulas(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from pycel import ExcelCompiler  # type: ignore[import-untyped]

    from socialpartner.export import to_xlsx

    def covering_cells(ev: sp.Evaluation, name: str) -> dict[str, tuple[Decimal, Decimal | None]]:
        path = to_xlsx(ev, tmp_path / name)
        ws = load_workbook(path)["Period"]
        engine = ExcelCompiler(filename=str(path))
        start = next(r[0].row for r in ws.iter_rows() if r[0].value == "Price")
        assert ws.cell(start, 6).value == "least price that covers"
        out = {}
        for row in ws.iter_rows(min_row=start + 1, max_row=start + 2):
            r = row[0].row
            price = Decimal(repr(float(engine.evaluate(f"'Period'!F{r}")))).quantize(D("0.01"))
            share = engine.evaluate(f"'Period'!G{r}")
            percent = None if share in (None, "") else Decimal(repr(float(share) * 100)).quantize(D("0.01"))
            out[str(row[4].value)] = (price, percent)
        return out

    # the example: the course price's break-even 12,033.33 is 0.12 short; 12,033.34 covers
    cells = covering_cells(sp.evaluate(sp.load(EXAMPLE)), "example.xlsx")
    assert cells["courses.price"] == (D("12033.34"), None)
    assert cells["temp_hours.overhead"] == (D("35.90"), None)
    # a markup of 12 %: 81.86 % is 12.36 short, 81.87 % covers (worked in the test above)
    data = example_with(
        temp_hours={"workers": 2, "overhead": "12 %"},
        courses={"participants": 2, "price": "11220 DKK/month"},
    )
    cells = covering_cells(sp.evaluate(from_data(data)), "percent.xlsx")
    assert cells["temp_hours.overhead"] == (D("135.08"), D("81.87"))
