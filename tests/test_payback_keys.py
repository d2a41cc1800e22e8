"""Every payback column a sweep has is a result evaluate names: None where the sweep has NaN."""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app

from .conftest import ROOT, scenario_matrix, sweep_as_given

MULTI = [(n, d) for n, d in scenario_matrix() if "horizon" in d or d["model"] == "spin_off"]


@pytest.mark.parametrize(("name", "data"), MULTI, ids=[n for n, _ in MULTI])
def test_payback_columns_and_results_name_the_same_series(name: str, data: dict[str, Any]) -> None:
    deal = sp.from_data(data)
    ev = sp.evaluate(deal)
    frame = sweep_as_given(deal)
    columns = {c for c in frame.columns if c.startswith("payback.")}
    keys = {k for k in ev.results() if k.startswith("payback.")}
    # the company's gain against its alternative is a model figure, which sweeps leave to evaluate
    # (docs/sweeps.md); its payback figure stands in every evaluation over several years
    gain = f"payback.{deal.COMPANY_GAIN}"
    assert (gain in keys) == (deal.COMPANY_GAIN is not None and any(f.key == gain for f in ev.figures))
    keys.discard(gain)
    assert columns == keys
    for key in keys:
        value, cell = ev.results()[key], frame[key].iloc[0]
        if value is None:
            assert math.isnan(cell), key
            with pytest.raises(sp.NoValueError):
                ev.result(key)
        else:
            assert cell == float(value), key


def test_a_series_never_below_zero_says_no_payback_is_needed() -> None:
    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    assert ev.results()["payback.workers"] is None  # the fleksjob workers only receive
    with pytest.raises(sp.NoValueError, match="never goes below zero: no payback is needed"):
        ev.result("payback.workers")
    with pytest.raises(sp.NoValueError, match="not back at or above zero within the years"):
        ev.result("payback.company")  # IKEA only pays: below zero, and never back


def test_every_format_lists_the_same_payback_figures(tmp_path: Path) -> None:
    """Review 42 F2: a payback no series needs stood in the terminal's key figures only; the HTML
    report, the workbook and to_dict() left it out. Now it is a figure (no value, its note says why)."""
    from openpyxl import load_workbook

    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    npv = [f.key.removeprefix("npv.") for f in ev.figures if f.key.startswith("npv.")]
    payback = {f.key.removeprefix("payback."): f for f in ev.figures if f.key.startswith("payback.")}
    assert sorted(payback) == sorted(npv)
    assert len(npv) == 9  # 7 parties and 2 public payers
    # the workers, support staff and participants only receive; the state's public net is positive
    # every year; the other five are below zero and not back within the three years
    not_needed = {"workers", "support_staff", "participants", "public.state"}
    assert sp.evaluation.never_below_zero(ev) == not_needed
    assert all(f.value is None for f in payback.values())
    # IKEA, the SØV, Rebild, the state's ledger and the municipality's public net are below zero every year
    # (review 45 F8: "not within the horizon" read as a payback beyond it)
    pays = "none: the net is at or below zero every year, so the sum never comes back"
    assert {n for n, f in payback.items() if str(f.note).startswith(pays)} == set(npv) - not_needed
    # the municipality's and the state's ledger nets leave out the benefits they save: said (review 46 F4)
    for public in ("municipality", "state"):
        assert str(payback[public].note).endswith(
            "before the benefits it saves (its public net effect's payback counts them)"
        )
    assert str(payback["company"].note) == pays
    said = "not needed (never below zero)"
    assert sum(f["note"] == said for f in ev.to_dict()["figures"].values()) == 4
    assert sp.report_html(ev).count(said) == 4
    sheet = load_workbook(sp.to_xlsx(ev, tmp_path / "deal.xlsx"))["Key figures"]
    assert sum(row[4] == said for row in sheet.iter_rows(values_only=True)) == 4
    out = CliRunner().invoke(
        app, ["evaluate", str(ROOT / "examples" / "ikea_rebild_3_years.yaml")], env={"COLUMNS": "200"}
    )
    assert out.output.count(said) == 4


def test_a_payback_says_which_kind_of_none_it_is() -> None:
    """Review 45 F8: 'not within the horizon' beside a party that only pays read as a payback beyond the years."""
    from socialpartner._internal.i18n import Text
    from socialpartner.evaluation import _payback_figure

    label, years = Text("msg.payback", who="x"), ["2026", "2027", "2028"]
    assert str(_payback_figure("x", label, None, years).note) == "not needed (never below zero)"
    assert str(_payback_figure("x", label, -1, years).note) == "not within the horizon"  # up, not back yet
    only = _payback_figure("x", label, -1, years, pays_only=True)
    assert str(only.note) == "none: the net is at or below zero every year, so the sum never comes back"
    back = _payback_figure("x", label, 1, years)
    assert (back.value, str(back.note)) == (
        Decimal("2027"),
        "first year the discounted running sum is back at or above zero",
    )
