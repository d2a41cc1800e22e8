"""Review 51 (a jobcenter consultant on narrow Danish terminals): what it found, fixed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.i18n import Translator
from socialpartner.cli import app

from .conftest import ROOT


def test_compare_judges_a_break_even_in_the_unit_the_table_shows_it() -> None:
    """F3: A writes the course price per month, B per year. The table shows both break-evens per month (the
    model's unit), but B's note spoke of a per-year figure the table did not show, judged in that unit.
    2026: (480,000 − 46,800) / 36 participant-months = 12,033.333… → 12,033.33 a month, 0.12 short, 12,033.34
    covers; per year (÷ 3) 144,400.00 exactly, which covers: the note must be the monthly one, on both sides."""
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    monthly = sp.from_data(data)
    data["courses"]["price"] = "132000 DKK/year"
    yearly = sp.from_data(data)
    c = sp.compare(monthly, yearly)
    assert c.result("2026.break_even.courses.price").a == c.result("2026.break_even.courses.price").b
    note = (
        "2026: break-even course price per participant (DKK/month) 12,033.33: rounded to just below the cost; "
        "12,033.34 DKK/month covers"
    )
    assert note in c.notes["a"]
    assert note in c.notes["b"]
    assert not any("DKK/year" in n for n in c.notes["b"])
    # the record gives the covering price in the model's unit too
    b = sp.evaluate(yearly).breakdown[0].break_even[1]
    assert (b.value, b.unit, b.covering) == (Decimal("144400.00"), "DKK/year", Decimal("144400.00"))
    assert (b.canonical_value, b.canonical_covering) == (Decimal("12033.33"), Decimal("12033.34"))


def test_with_tax_the_labels_say_before_and_after_tax_everywhere(tmp_path: Path) -> None:
    """F5: with tax counted, sweep and solve showed the before-tax results by their English key in Danish, and
    the report's public table and the key figures' totals did not say they were after tax."""
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["public"]["tax"] = {}
    path = tmp_path / "taxed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    sweep = (
        CliRunner()
        .invoke(
            app, ["sweep", str(path), "--vary", "courses.price=10000..11000:2", "--lang", "da"], env={"COLUMNS": "200"}
        )
        .output
    )
    assert "nettovirkning før skat for kommunen [kr.]" in sweep
    assert "before_tax" not in sweep
    ev = sp.evaluate(sp.load(path))
    labels = {f.key: f.label for f in ev.figures}
    assert Translator("da")(labels["total.public.municipality"]).startswith("nettovirkning efter skat over alle år")
    page = sp.report_html(ev, charts=False, lang="da")
    assert "nettovirkning efter skat (ellers − med)" in page
