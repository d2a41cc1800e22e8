"""A spin-off's public view: its year is the first of the deal's years, and later years say their rates."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from rich.console import Console

import socialpartner as sp
from socialpartner._internal.i18n import Translator
from socialpartner.views.tables import print_table

ROOT = Path(__file__).resolve().parents[1]


def spin_off(year: int) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "spin_off_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["public"] = {
        "year": year,
        "weeks_on_support": 0,
        "municipality": {"name": "Aalborg Kommune", "code": 851},
        "fleksjob_wage": "140 DKK/hour",
        "counterfactual": {"fleksjob": {"parameter": "benefit.ledighedsydelse"}},
    }
    return data


def test_a_public_year_other_than_the_first_of_years_is_refused() -> None:
    # years 2026-2029 with public.year 2029 priced and labelled 2026's people as 2029's
    with pytest.raises(ValidationError, match=r"public\.year: 2029 is the parameter year of the first year, but the "):
        sp.from_data(spin_off(2029))
    with pytest.raises(ValidationError, match=r"first of years is 2026; give the same year"):
        sp.from_data(spin_off(2025))


def test_later_years_say_they_use_the_first_years_rates_in_kroner(tmp_path: Path) -> None:
    ev = sp.evaluate(sp.from_data(spin_off(2026)))
    views = [part.public for part in ev.breakdown]
    assert all(v is not None for v in views)
    assert [v.year for v in views if v] == [2026, 2027, 2028, 2029]
    assert [v.rates_year for v in views if v] == [None, 2026, 2026, 2026]
    # 2027: 10 fleksjob on ledighedsydelse otherwise, at the 2026 rate (constant prices):
    # 4,530 DKK/week × 52 / 12 = 19,630 a month; × 12 months × 10 people = 2,355,600.00
    v2027 = views[1]
    assert v2027 is not None
    otherwise = [line.counterfactual for line in v2027.lines if line.payer == "municipality" and line.counterfactual]
    assert Decimal("2355600.00") in otherwise
    console = Console(record=True, width=200)
    print_table(ev, console, Translator("en"))
    text = console.export_text()
    assert "Public purse (2026 parameters; average refusion 38.08 %, by group below)" in text
    for year in (2027, 2028, 2029):
        assert f"Public purse ({year} rules, 2026 rates in kroner; average refusion 20.00 %, by group below)" in text
    body = json.loads(json.dumps(ev.to_dict()))
    assert [b["public"]["rates_year"] for b in body["breakdown"]] == [None, 2026, 2026, 2026]


def test_the_spreadsheet_says_the_rates_year_too(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ev = sp.evaluate(sp.from_data(spin_off(2026)))
    book = load_workbook(sp.to_xlsx(ev, tmp_path / "spin.xlsx"))
    cells = {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value}
    assert any(c.endswith("(2027, 2026 rates in kroner)") for c in cells), sorted(cells)[:20]
    assert any(c.endswith("(2026)") and c.startswith("Public") for c in cells)


def test_a_year_past_the_published_rates_says_whose_rates_it_uses() -> None:
    # a one-year deal in 2031 without a percentage to index by: the 2027 rates in kroner,
    # unchanged (a statement says so); the title no longer says "2031 parameters"
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data.pop("horizon")
    data["public"]["year"] = 2031
    ev = sp.evaluate(sp.from_data(data))
    assert ev.public is not None
    assert ev.public.rates_year == 2027
    console = Console(record=True, width=200)
    print_table(ev, console, Translator("en"))
    assert "Public purse (2031 rules, 2027 rates in kroner; average refusion " in console.export_text()
    assert any("the 2027 values are used unchanged" in s for s in ev.statements)
    # indexed by a percentage set in the scenario: 2031's own rates, and its own title
    data["parameters"] = {"satsreguleringsprocent": "3 %"}
    indexed = sp.evaluate(sp.from_data(data))
    assert indexed.public is not None
    assert indexed.public.rates_year is None


def test_a_spin_off_past_the_published_rates_names_the_rates_it_uses_every_year() -> None:
    # years 2030-2033: the first year has no published rates and uses 2027's unchanged, and
    # every later year uses the first year's (constant prices): 2027's, in every title and the statement
    data = spin_off(2030)
    for i, entry in enumerate(data["years"]):
        entry["year"] = 2030 + i
    data["split_year"] += 2
    data["cvr_registered"] += 2
    ev = sp.evaluate(sp.from_data(data))
    assert [part.public.rates_year for part in ev.breakdown if part.public] == [2027, 2027, 2027, 2027]
    assert any("so every year uses the 2027 rates in kroner" in s for s in ev.statements)


def test_the_report_says_whose_rates_a_year_past_the_published_ones_uses() -> None:
    from socialpartner.report import report_html

    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data.pop("horizon")
    data["public"]["year"] = 2031
    page = report_html(sp.evaluate(sp.from_data(data)), charts=False)
    assert "<summary>The payments behind it, 2027 rates in kroner (refusion: " in page
