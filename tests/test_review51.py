"""Review 51 (a jobcenter consultant on narrow Danish terminals): what it found, fixed."""

from __future__ import annotations

import io
import itertools
import re
from decimal import Decimal
from pathlib import Path

import yaml
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.i18n import Translator
from socialpartner.cli import app

from .conftest import ROOT

runner = CliRunner()


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
    assert "nettovirkning efter skat (ellers − med; + besparelse, − merudgift)" in page


def test_digits_that_must_fold_fold_after_a_thousands_separator() -> None:
    """F2: at 60 columns the 3-year example's totals cannot stay whole. Folded by character,
    132.647,50 showed "132.647,5" over "0", which reads as a number of its own; now a figure folds
    after a thousands point, so neither part is a number: "1.468." over "992,00" (the example's
    support cost, 480,000 + 489,600 + 499,392 = 1,468,992.00)."""
    out = runner.invoke(
        app, ["evaluate", str(ROOT / "examples" / "ikea_rebild_3_years.yaml"), "--lang", "da"], env={"COLUMNS": "60"}
    ).output
    cells = [[c.strip() for c in line.split("│")[1:-1]] for line in out.splitlines() if line.startswith("│I alt")]
    assert cells[0][1:3] == ["1.468.", "1.387."]  # support cost and funding: the million and thousands
    rows = out.splitlines()
    below = rows[rows.index(next(r for r in rows if r.startswith("│I alt"))) + 1]
    assert [c.strip() for c in below.split("│")[1:-1]][1:3] == ["992,00", "287,36"]


def test_a_figure_folds_by_character_only_when_a_group_does_not_fit() -> None:
    """The fold's rule on its own: a break only after a separator that is not the word's last (the
    decimal mark stays with its øre); a unit after a space goes to its own line first."""
    from rich.console import Console
    from rich.table import Table

    from socialpartner.views.tables import folded

    def draw(width: int, *cells: str) -> list[str]:
        table = Table("a", "b", "c", "d")
        for column in table.columns[1:]:
            column.justify = "right"
        table.add_row(*cells)
        console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
        console.print(folded(table))
        return [" ".join(line.replace("│", " ").split()) for line in console.export_text().splitlines()]

    lines = draw(30, "I alt", "1.468.992,00", "-81.704,64", "94,44 %")
    assert "I alt 1.468. -81. 94,44" in lines
    assert "992,00 704,64 %" in lines
    # the unit on a line of its own, the number after its million's point
    assert draw(14, "x", "1.234.567,89 kr.", "1", "2")[3:6] == ["x 1.234. 1 2", "567,89", "kr."]
    # a group wider than its column still shows every digit, folded by character
    assert draw(14, "x", "12345678,90", "1", "2")[3:5] == ["x 123456 1 2", "78,90"]


def test_solve_and_agree_notes_wrap_to_the_terminal_and_stay_whole_when_piped() -> None:
    """F6: solve's and agree's notes were one line of up to 480 characters, which a 60-column terminal
    broke mid-number. With COLUMNS they wrap at words, a continuation hanging under the text after its
    label (never at the indent of agree's "grænse:" lines), a number kept with its unit; piped
    without COLUMNS, each note stays one line for grep."""
    agreement = ROOT / "examples" / "ikea_rebild_agreement.yaml"
    args = ["agree", str(agreement), "--vary", "temp_hours.overhead=0..80", "--lang", "da"]
    narrow = runner.invoke(app, args, env={"COLUMNS": "60"}).output.splitlines()
    assert max(len(line) for line in narrow) <= 60
    # the municipality's condition: its own "grænse:" words continue under the label's text
    at = narrow.index("  betingelse: Rebild Kommune (kommune) holder sig inden for")
    assert narrow[at + 1] == "              sit beløbsloft: kommunens nettobeløb ≥"
    assert narrow[at + 2] == "              −432.000,00\xa0kr. om året"
    assert narrow[at + 3].startswith("    grænse: ingen")
    piped = runner.invoke(app, args, env={"COLUMNS": None}).output.splitlines()
    assert (
        "  betingelse: Rebild Kommune (kommune) holder sig inden for sit beløbsloft: kommunens nettobeløb "
        "≥ −432.000,00\xa0kr. om året" in piped
    )
    solve = ["solve", str(ROOT / "examples" / "ikea_rebild_3_years.yaml"), "--vary", "courses.price", "--lang", "da"]
    out = runner.invoke(app, [*solve, "--target", "coverage=1"], env={"COLUMNS": "60"}).output.splitlines()
    assert max(len(line) for line in out) <= 60
    assert all(not re.search(r"\d$", line) or not re.match(r"\s+(kr|%)", nxt) for line, nxt in itertools.pairwise(out))


def test_a_title_wider_than_its_table_wraps_at_the_terminals_width() -> None:
    """F9: table titles wrapped at the table's width (69) on an 80-column terminal: "Nulpunktspris i
    priserne for 2028 (én pris ad gangen, resten som" over "angivet)". A title that fits its table is
    drawn by the table, as before."""
    from rich.console import Console
    from rich.table import Table

    from socialpartner.views.tables import folded

    def draw(title: str) -> list[str]:
        table = Table("Pris", "Nulpunktspris", title=title, title_justify="left")
        table.add_row("kursuspris", "8.687,44 kr./md.")
        console = Console(width=80, record=True, file=io.StringIO(), color_system=None)
        console.print(folded(table))
        return [line.rstrip() for line in console.export_text().splitlines()]

    title = "Nulpunktspris i priserne for 2028 (én pris ad gangen, resten som angivet)"
    lines = draw(title)
    assert lines[0] == title
    assert lines[1].startswith("┏")
    assert len(lines[1]) < len(title)  # the table itself is narrower than its title
    assert draw("Nulpunktspris")[0] == "Nulpunktspris"
