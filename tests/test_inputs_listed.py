"""Every input a scenario states is listed where the inputs are listed (compare, workbook, report)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app

from .conftest import EXAMPLE

THREE_YEARS = EXAMPLE.parent / "ikea_rebild_3_years.yaml"


def _with_tax(tmp_path: Path, tax: Any) -> Path:
    data = yaml.safe_load(THREE_YEARS.read_text(encoding="utf-8"))
    data.pop("expect")
    data["public"]["tax"] = tax
    path = tmp_path / "tax.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_tax_at_the_default_rates_is_an_input_that_differs(tmp_path: Path) -> None:
    # tax: {} (every rate a parameter) once vanished from the inputs: compare said "The inputs
    # are the same" beside a municipality's net effect 71,162.50 DKK apart
    taxed = _with_tax(tmp_path, {})
    result = CliRunner().invoke(app, ["compare", str(THREE_YEARS), str(taxed), "--format", "json"])
    assert result.exit_code == 0, result.output
    inputs = {row["input"]: (row["a"], row["b"]) for row in json.loads(result.output)["inputs"]}
    assert inputs == {"public.tax": (None, "true")}  # not stated in A: null, as a result with no value


def test_tax_at_the_default_rates_is_saved_as_true_and_reads_back(tmp_path: Path) -> None:
    deal = sp.load(_with_tax(tmp_path, {}))
    assert deal.public is not None
    assert deal.public.tax is not None
    assert deal.model_dump(mode="json")["public"]["tax"] is True
    sp.save(deal, tmp_path / "again.yaml")
    assert sp.load(tmp_path / "again.yaml") == deal
    shared = sp.load(_with_tax(tmp_path, {"taxable_share_of_wage_cost": "50 %"}))
    assert shared.model_dump(mode="json")["public"]["tax"] == {"taxable_share_of_wage_cost": "50 percent"}


def test_the_workbook_and_the_report_list_tax(tmp_path: Path) -> None:
    ev = sp.evaluate(sp.load(_with_tax(tmp_path, {})))
    wb = load_workbook(sp.to_xlsx(ev, tmp_path / "deal.xlsx"))
    rows = {r[0].value: r[1].value for r in wb["Inputs"].iter_rows(min_row=2)}
    assert rows["public.tax"] == "true"
    html = sp.report_html(ev, charts=False)
    assert "public.tax</td><td>public purse: tax counted</td><td>true" in html
