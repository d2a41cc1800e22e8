"""The spreadsheet: its formulas, recomputed by a formula engine, give the library's figures to the øre."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from pycel import ExcelCompiler  # type: ignore[import-untyped]

import socialpartner as sp
from socialpartner._internal.i18n import Translator
from socialpartner.export import to_xlsx

from .conftest import EXAMPLE, percentage_markup_deal, scenario_matrix

THREE_YEARS = EXAMPLE.parent / "ikea_rebild_3_years.yaml"
MATRIX = scenario_matrix()


def _rows(ws: Worksheet) -> list[tuple[Any, ...]]:
    return [tuple(c for c in row) for row in ws.iter_rows()]


def _money(value: Any) -> Decimal:
    """A computed cell to the øre (the engine works in binary floats)."""
    return Decimal(repr(float(value))).quantize(Decimal("0.01"))


class Book:
    """A written workbook, its formulas computed by pycel."""

    def __init__(self, path: Path) -> None:
        self.wb = load_workbook(path)
        self.engine = ExcelCompiler(filename=str(path))

    def value(self, sheet: str, cell: str) -> Any:
        return self.engine.evaluate(f"'{sheet}'!{cell}")

    def find(self, sheet: str, column_a: str, column: str, *, nth: int = 0) -> str:
        """The cell in ``column`` of the nth row whose first cell reads ``column_a``."""
        hits = [row[0].row for row in self.wb[sheet].iter_rows() if row[0].value == column_a]
        assert len(hits) > nth, (sheet, column_a)
        return f"{column}{hits[nth]}"

    def by_role(self, sheet: str, role_column: int, role: str | int, column: str, *, header: str) -> str:
        """The cell in ``column`` of the row whose role cell is ``role``, below the row headed ``header``."""
        ws = self.wb[sheet]
        start = next(r[0].row for r in ws.iter_rows() if r[0].value == header)
        for row in ws.iter_rows(min_row=start + 1):
            if row[role_column - 1].value == role:
                return f"{column}{row[0].row}"
        raise AssertionError((sheet, role))


def _check_period(book: Book, sheet: str, ev: sp.Evaluation) -> None:
    split = ev.cost_split
    assert _money(book.value(sheet, book.find(sheet, "Support-staff cost", "B"))) == split.cost
    for source, amount in split.funding.items():
        verb = "covered by" if amount >= 0 else "less"
        assert _money(book.value(sheet, book.find(sheet, f"{verb} {source}", "B"))) == amount, source
    assert _money(book.value(sheet, book.find(sheet, "Total funding", "B"))) == split.total_funding
    assert _money(book.value(sheet, book.find(sheet, "Surplus (negative: shortfall)", "B"))) == split.surplus
    coverage = book.value(sheet, book.find(sheet, "Coverage", "C"))
    if split.coverage is None:
        assert coverage in ("", None)
    else:
        assert Decimal(repr(coverage)).quantize(Decimal("0.000001")) == split.coverage.quantize(Decimal("0.000001"))
    for number, party in enumerate(ev.ledger.parties, start=1):
        cell = book.by_role(sheet, 5, number, "D", header="Party")
        assert _money(book.value(sheet, cell)) == ev.ledger.net(party), party
    assert _money(book.value(sheet, book.find(sheet, "sum of nets", "D"))) == 0
    for b in ev.break_even:
        if b.value is None:
            continue
        cell = book.by_role(sheet, 5, b.input_path, "B", header="Price")
        assert _money(book.value(sheet, cell)) == b.value, b.input_path
        # the least price that covers: the break-even, or one øre more where it was rounded down
        cell = book.by_role(sheet, 5, b.input_path, "F", header="Price")
        assert _money(book.value(sheet, cell)) == b.covering, b.input_path
        if b.covering_percent is not None:
            cell = book.by_role(sheet, 5, b.input_path, "G", header="Price")
            shown = Decimal(repr(float(book.value(sheet, cell)) * 100)).quantize(Decimal("0.01"))
            assert shown == b.covering_percent, b.input_path
        if b.percent is not None:  # review 43 F3: it was the rounded price over its base, rounded again
            cell = book.by_role(sheet, 5, b.input_path, "D", header="Price")
            shown = Decimal(repr(float(book.value(sheet, cell)) * 100)).quantize(Decimal("0.01"))
            assert shown == b.percent, b.input_path
    if ev.placements:  # jobs and FTE (review 39: the workbook had none), as formulas over the lines
        assert Decimal(repr(float(book.value(sheet, book.find(sheet, "Jobs", "B"))))) == sum(
            j.headcount for j in ev.jobs
        )
        assert _money(book.value(sheet, book.find(sheet, "FTE", "B"))) == ev.fte
        inclusive = book.value(sheet, book.find(sheet, "inclusive jobs", "B"))
        assert Decimal(repr(float(inclusive))) == ev.result("inclusive_jobs")
        assert _money(book.value(sheet, book.find(sheet, "inclusive FTE", "B"))) == ev.inclusive_fte
    if ev.public is not None:
        for payer in ("municipality", "state"):
            cell = book.find(sheet, f"net effect (otherwise − with; + saving, − extra cost): {payer}", "D")
            assert _money(book.value(sheet, cell)) == ev.public.net_effect(payer), payer


@pytest.mark.parametrize(("name", "data"), MATRIX, ids=[m[0] for m in MATRIX])
def test_formulas_give_the_librarys_figures(tmp_path: Path, name: str, data: dict[str, Any]) -> None:
    ev = sp.evaluate(sp.from_data(data))
    book = Book(to_xlsx(ev, tmp_path / "deal.xlsx"))
    parts = ev.breakdown or (ev,)
    for part in parts:
        sheet = part.ledger.period if ev.breakdown else "Period"
        _check_period(book, sheet, part)
    # the Total sheet: the sum column is the whole deal
    total = book.wb["Total"]
    sum_col = get_column_letter(len(parts) + 2)
    assert total.cell(row=2, column=len(parts) + 2).value == "Total"
    assert _money(book.value("Total", book.find("Total", "Support-staff cost", sum_col))) == ev.cost_split.cost
    assert _money(book.value("Total", book.find("Total", "Total funding", sum_col))) == ev.cost_split.total_funding
    surplus = book.find("Total", "Surplus (negative: shortfall)", sum_col)
    assert _money(book.value("Total", surplus)) == ev.cost_split.surplus
    for party in ev.ledger.parties:
        label = f"Net: {ev.parties.get(party, party)}"
        assert _money(book.value("Total", book.find("Total", label, sum_col))) == ev.ledger.net(party), party
    if any(part.placements for part in parts):  # each year's jobs and FTE on the Total sheet, not summed
        for i, part in enumerate(parts):
            col = get_column_letter(i + 2)
            jobs = book.value("Total", book.find("Total", "Jobs", col))
            assert Decimal(repr(float(jobs))) == sum(j.headcount for j in part.jobs)
            assert _money(book.value("Total", book.find("Total", "FTE", col))) == part.fte
            assert _money(book.value("Total", book.find("Total", "inclusive FTE", col))) == part.inclusive_fte
    results = ev.results()
    if "public.municipality" in results:
        for payer in ("municipality", "state"):
            cell = book.find("Total", f"net effect (otherwise − with; + saving, − extra cost): {payer}", sum_col)
            assert _money(book.value("Total", cell)) == results[f"public.{payer}"]
            # the Public purse sheet sums the same per payer
            row = next(r for r in book.wb["Public purse"].iter_rows() if r[0].value == "Total" and r[1].value == payer)
            assert _money(book.value("Public purse", f"E{row[0].row}")) == results[f"public.{payer}"]
    # review 48 F9: the totals over the years on the Key figures sheet are the Total sheet's formulas, as the
    # present values are, not numbers typed in (which an edited year would leave standing)
    if ev.breakdown:
        rows = {r[1].value: r[2] for r in book.wb["Key figures"].iter_rows() if r[0].value == "All years"}
        for f in ev.figures:
            # the series the Total sheet sums (a figure it has no row for, total.csr_spend, stays a value)
            summed = ("total.public.", f"total.{ev.partnership.COMPANY_GAIN}", "npv.")
            if f.key.startswith(summed) and f.unit == "DKK":
                shown = rows[Translator("en").figure(f.key, f.label)]
                assert str(shown.value).startswith("="), f.key
                assert _money(book.value("Key figures", shown.coordinate)) == f.value, f.key


def test_three_years_sheets_inputs_and_parameters(tmp_path: Path) -> None:
    ev = sp.evaluate(sp.load(THREE_YEARS))
    wb = load_workbook(to_xlsx(ev, tmp_path / "deal.xlsx"))
    assert wb.sheetnames == [
        "Inputs",
        "Total",
        "2026",
        "2027",
        "2028",
        "Public purse",
        "Break-even",
        "Ledger",
        "Key figures",
        "Parameters",
    ]
    inputs = {row[0].value: row[1].value for row in wb["Inputs"].iter_rows(min_row=2)}
    assert inputs["horizon.years"] == "3"
    assert inputs["public.fleksjob_wage"] == "140 DKK / hour"
    assert inputs["horizon.changes.0.set.temp_hours.workers"] == "4"
    # Break-even per year: the 2026 overhead break-even is (480,000 − 396,000) / 2,340 hours = 35.90
    be = [(r[0].value, r[4].value) for r in wb["Break-even"].iter_rows(min_row=2) if r[4].value]  # not the note
    assert be.count(("2026", "temp_hours.overhead")) == 1
    assert {year for year, _ in be} == {"2026", "2027", "2028"}
    # parameters of every year, with their sources: the 2028 threshold is the 2027 value
    # indexed by the 2 % satsreguleringsprocent of a 2 % wage growth: 18,467 × 1.02 = 18,836.34
    params = [(r[0].value, r[1].value, r[2].value, r[3].value) for r in wb["Parameters"].iter_rows(min_row=2)]
    assert ("2026", "fleksloentilskud.threshold", 2026, 17672) in params
    assert ("2028", "fleksloentilskud.threshold", 2027, 18836.34) in params
    ledger = wb["Ledger"]
    assert [c.value for c in ledger[1]] == ["Period", "Payer", "Payee", "Purpose", "Amount (DKK)"]
    assert ledger["E2"].value == 386100  # a number, not text
    assert ledger["E2"].number_format == "#,##0.00"
    year = wb["2026"]
    cost = next(r for r in year.iter_rows() if r[0].value == "Support-staff cost")
    assert cost[1].data_type == "f"  # a live formula over the ledger cells
    assert cost[2].number_format == "0.00%"


def test_danish_workbook(tmp_path: Path) -> None:
    ev = sp.evaluate(sp.load(THREE_YEARS))
    wb = load_workbook(to_xlsx(ev, tmp_path / "aftale.xlsx", lang="da"))
    assert wb.sheetnames[:2] == ["Input", "I alt"]
    assert "Offentlige kasser" in wb.sheetnames
    assert "Nulpunktspris" in wb.sheetnames
    texts = {str(c.value) for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for english in ("Support-staff cost", "Total funding", "Public purse", "Who pays whom", "covered by"):
        assert not any(english in text for text in texts), english
    assert "Udgift til støttepersonale" in texts


def test_text_cells_are_never_formulas(tmp_path: Path, data: dict[str, Any]) -> None:
    data["company"]["name"] = '=HYPERLINK("http://x","y")'
    ev = sp.evaluate(sp.from_data(data))
    wb = load_workbook(to_xlsx(ev, tmp_path / "deal.xlsx"))
    cells = [c for row in wb["Period"].iter_rows() for c in row if str(c.value).startswith("=HYPERLINK")]
    assert cells
    assert all(c.data_type == "s" for c in cells)


@pytest.mark.parametrize("fmt", ["plain", "da"])
def test_every_parameter_and_number_has_its_value_whatever_the_callers_format(tmp_path: Path, fmt: str) -> None:
    # The workbook once re-read its own text: the kommuneskat 25.049 % ('25.049' could be a
    # grouping) came out blank, and under sp.number_format("da") as 25,049 %, 165.5 as nothing.
    data = yaml.safe_load(THREE_YEARS.read_text(encoding="utf-8"))
    data["public"]["tax"] = {}
    data["temp_hours"]["wage_cost"] = "165.5 DKK/hour"
    ev = sp.evaluate(sp.from_data(data))
    with sp.number_format(fmt):
        wb = load_workbook(to_xlsx(ev, tmp_path / "deal.xlsx"))
    rows = [tuple(c.value for c in r[:5]) for r in wb["Parameters"].iter_rows(min_row=2)]
    assert rows, "no parameters listed"
    assert all(value is not None and unit for _, _, _, value, unit in rows), [r for r in rows if r[3] is None]
    # the file's 2026 average kommuneskat (skm.dk): 25.049 %, used as it is in 2026
    assert ("2026", "tax.municipal_average", 2026, 25.049, "percent") in rows
    assert ("2026", "tax.bundskat", 2026, 12.01, "percent") in rows
    numbers = {r[0].value: (r[2].value, r[3].value) for r in wb["Inputs"].iter_rows(min_row=2)}
    assert numbers["temp_hours.wage_cost"] == (165.5, "DKK/hour")
    assert numbers["courses.price"] == (11000, "DKK/month")
    assert numbers["public.fleksjob_wage"] == (140, "DKK/hour")


def test_a_percentage_break_even_is_the_exact_one_rounded_once(tmp_path: Path) -> None:
    """Review 43 F3: the sheet showed 72.12 / 165.50 = 43.58 % where every other output shows 43.57 %.

    4 workers × 12 h × 52 = 2,496 hours at 165.50, 5 course places at 9,500 × 12 = 570,000, support
    staff 750,000: the overhead that covers it is (750,000 − 570,000) / 2,496 = 72.1153… DKK an hour,
    shown 72.12; as a percentage 72.1153… / 165.50 = 43.5742… %, shown 43.57 % (43.58 % covers).
    """
    data = percentage_markup_deal()
    ev = sp.evaluate(sp.from_data(data))
    b = next(b for b in ev.break_even if b.input_path == "temp_hours.overhead")
    assert (b.value, b.percent, b.covering_percent) == (Decimal("72.12"), Decimal("43.57"), Decimal("43.58"))
    book = Book(to_xlsx(ev, tmp_path / "deal.xlsx"))
    cell = book.by_role("Period", 5, "temp_hours.overhead", "D", header="Price")
    assert round(float(book.value("Period", cell)), 6) == 0.4357


def test_the_inputs_sheet_gives_money_in_kroner_and_oere_and_says_which_inputs_are_defaults(tmp_path: Path) -> None:
    """Review 43 F4 (and 39 F8): typed 165,50 kr./time, the column "som angivet" showed 165,5, and it listed
    defaults nobody wrote (public.self_supported_weeks: 0) as stated."""
    data = yaml.safe_load(THREE_YEARS.read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["number_format"] = "da"
    data["temp_hours"]["wage_cost"] = "165,50 kr./time"
    ev = sp.evaluate(sp.from_data(data))
    rows = {
        r[0]: r[1:]
        for r in load_workbook(to_xlsx(ev, tmp_path / "d.xlsx", lang="da"))["Input"].iter_rows(
            min_row=2, values_only=True
        )
    }
    assert rows["temp_hours.wage_cost"] == (
        "165,50 kr./time",
        165.5,
        "kr./time",
        "angivet",
        "vikartimer: lønomkostning pr. time",
    )
    assert rows["public.self_supported_weeks"][:4] == ("0", 0, None, "standard, ikke angivet")
    assert rows["horizon.years"][3] == "angivet"
    english = {
        r[0]: r[1:]
        for r in load_workbook(to_xlsx(ev, tmp_path / "e.xlsx"))["Inputs"].iter_rows(min_row=2, values_only=True)
    }
    assert english["temp_hours.wage_cost"][:4] == ("165.50 DKK / hour", 165.5, "DKK/hour", "stated")
    assert english["courses.price"][0] == "11000 DKK / month"  # whole kroner stay whole
    page = sp.report_html(ev, lang="da")
    assert "165,50 kr./time" in page
    assert (
        "<td>public.self_supported_weeks</td><td>offentlige kasser: uger selvforsørget</td>"
        "<td>0 (standard, ikke angivet)</td>" in page
    )


def test_a_negative_source_over_the_years_is_less_not_covered_by(tmp_path: Path) -> None:
    """Review 44 F5: the spin-off's Total sheet read "covered by wages and other costs" for −6,644,800,
    where the terminal and the report say "less" (a cost netted against funding)."""
    ev = sp.evaluate(sp.load(EXAMPLE.parent / "spin_off_packing.yaml"))
    assert ev.cost_split.funding["wages and other costs"] < 0
    labels = [r[0] for r in load_workbook(to_xlsx(ev, tmp_path / "s.xlsx"))["Total"].iter_rows(values_only=True)]
    assert "less wages and other costs" in labels
    assert "covered by wages and other costs" not in labels
    assert "covered by grants" in labels


def test_amounts_past_what_a_workbook_computes_to_the_oere_are_refused(tmp_path: Path) -> None:
    """Review 48 F7: at some 10^14 DKK the workbook's float formulas lost øre (a sum of nets of −0.0275, present
    values 4-11 øre off). 1,000 workers × 15 h × 52 × 10,000,000 DKK/hour = 7.8 × 10^12 DKK: refused, saying why."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("expect")
    data["temp_hours"] |= {"workers": 1000, "wage_cost": "10000000 DKK/hour"}
    ev = sp.evaluate(sp.from_data(data))
    with pytest.raises(sp.OutputError, match=r"7,800,000,000,000.00 DKK is beyond what a workbook's formulas"):
        to_xlsx(ev, tmp_path / "deal.xlsx")
    assert not (tmp_path / "deal.xlsx").exists()


def test_with_tax_the_totals_give_the_net_effect_before_and_after_tax(tmp_path: Path) -> None:
    """Review 61 H1: with tax counted, the Total sheet's net effect was after tax, labelled as if plain, and the
    before-tax total (the budget's figure) was in no cell. Both now, each labelled, on the Total and the Public
    purse sheets, as formulas over the years that give the evaluation's results."""
    data = yaml.safe_load(Path("examples/ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["public"]["tax"] = {}
    ev = sp.evaluate(sp.from_data(data))
    results = ev.results()
    book = Book(to_xlsx(ev, tmp_path / "taxed.xlsx"))
    sum_col = get_column_letter(len(ev.breakdown) + 2)
    for payer in ("municipality", "state"):
        after = book.find("Total", f"net effect after tax (otherwise − with; + saving, − extra cost): {payer}", sum_col)
        before = book.find(
            "Total", f"net effect before tax (otherwise − with; + saving, − extra cost): {payer}", sum_col
        )
        assert _money(book.value("Total", after)) == results[f"public.{payer}"]
        assert _money(book.value("Total", before)) == results[f"public.{payer}.before_tax"]
        assert results[f"public.{payer}"] != results[f"public.{payer}.before_tax"]
        row = next(r for r in book.wb["Public purse"].iter_rows() if r[0].value == "Total" and r[1].value == payer)
        assert _money(book.value("Public purse", f"E{row[0].row}")) == results[f"public.{payer}"]
        assert _money(book.value("Public purse", f"F{row[0].row}")) == results[f"public.{payer}.before_tax"]
    assert book.wb["Public purse"]["F1"].value == "net effect before tax (otherwise − with; + saving, − extra cost)"
