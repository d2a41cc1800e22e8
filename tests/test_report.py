"""The one-page report: its content, and a real browser rendering it (headless Chromium)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import matplotlib
import pytest
from PIL import Image, ImageStat
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app

from .conftest import EXAMPLE

matplotlib.use("Agg")
runner = CliRunner()
THREE_YEARS = EXAMPLE.parent / "ikea_rebild_3_years.yaml"
SPIN_OFF = EXAMPLE.parent / "spin_off_packing.yaml"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dpi


def test_report_holds_what_a_council_reads() -> None:
    ev = sp.evaluate(sp.load(THREE_YEARS))
    page = sp.report_html(ev, lang="da")
    assert page.startswith("<!DOCTYPE html>")
    for text in [
        "Nøgletal",
        "Hvem betaler hvem",
        "Dækningsprocent",
        "94,44 %",  # 1,387,287.36 / 1,468,992.00 over the three years
        "År for år",
        "-37.200,00\xa0kr.",  # 2026: 442,800 − 480,000
        "Offentlige kasser",
        # the municipality's net effect over the three years: −215,040.00 − 133,483.18 − 127,357.31
        "-475.880,49\xa0kr.",
        "Nulpunktspris",
        "35,90 kr./time",  # 2026: (480,000 − 396,000) / 2,340 hours
        "Forudsætninger og kilder",
        "LBK nr. 221 af 12.2.2021",  # a parameter's source
        "<svg",  # inline charts
        "@media print",
    ]:
        assert text in page, text
    # self-contained: nothing is fetched from elsewhere
    assert "http://" not in page.split("<svg")[0]
    assert "<script" not in page
    assert "src=" not in page


def test_report_escapes_what_the_user_wrote(data: dict[str, object]) -> None:
    data["name"] = "<script>alert(1)</script> & co"
    page = sp.report_html(sp.evaluate(sp.from_data(data)), charts=False)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_report_command(tmp_path: Path) -> None:
    out = tmp_path / "deal.html"
    result = runner.invoke(app, ["report", str(SPIN_OFF), "--out", str(out), "--lang", "da"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "Afknopning" in page
    assert "første år, SØV&#x27;en kan stå på egne ben" in page
    bad = runner.invoke(app, ["report", str(tmp_path / "missing.yaml"), "--out", str(out)])
    assert bad.exit_code == 2


def _render(page: Path, out: Path) -> None:
    assert CHROMIUM is not None
    profile = tempfile.mkdtemp()
    try:
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--screenshot={out}",
                f"--window-size={WIDTH},{HEIGHT}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("scenario", [THREE_YEARS, SPIN_OFF], ids=["three_years", "spin_off"])
def test_report_renders_in_a_browser(tmp_path: Path, scenario: Path) -> None:
    page = sp.write_report(sp.evaluate(sp.load(scenario)), tmp_path / "deal.html", lang="da")
    shot = tmp_path / "deal.png"
    _render(page, shot)
    with Image.open(shot) as image:
        assert image.size == (WIDTH, HEIGHT)
        grey = image.convert("L")
        # not blank: a real page has dark text on white, so its brightness varies widely
        stat = ImageStat.Stat(grey)
        assert stat.stddev[0] > 20, stat.stddev
        dark = sum(grey.histogram()[:128])
        assert dark > 0.01 * WIDTH * HEIGHT, dark  # at least 1 % of the pixels are text or chart
        # the top of the page holds the title: dark pixels in the first 120 rows
        top = grey.crop((0, 0, WIDTH, 120))
        assert sum(top.histogram()[:128]) > 500


def test_the_same_evaluation_gives_the_same_page_with_every_years_counterfactual() -> None:
    from .conftest import ROOT

    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    page = sp.report_html(ev)
    assert page == sp.report_html(ev)  # no chart dates or random element ids
    for year in ("2026", "2027", "2028"):
        assert f"<li>{year}: fleksjob:" in page


def test_report_without_matplotlib_says_how_to_get_the_charts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a plain install has no matplotlib: the report is still written, every table in it, and it says
    # how to get the charts (it used to stop with "internal error: ModuleNotFoundError")
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(EXAMPLE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<svg" not in page
    assert "The charts need matplotlib: pip install &#x27;socialpartner[charts]&#x27;" in page
    assert "432,900.00" in page  # IKEA's payment to the SØV, in the tables
    da = sp.report_html(sp.evaluate(sp.load(EXAMPLE)), lang="da")
    assert "Diagrammerne kræver matplotlib" in da
    # with matplotlib, no such note
    monkeypatch.undo()
    assert "need matplotlib" not in sp.report_html(sp.evaluate(sp.load(EXAMPLE)))


def test_a_horizon_report_shows_each_years_figures() -> None:
    # the three-year in-house report showed no company figures at all, only the company's ledger
    # net (a buyer's, always negative) and "payback not within the horizon"
    import yaml

    data = yaml.safe_load((EXAMPLE.parent / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"] = {"years": 3, "start_year": 2026, "wage_growth": "3 %", "price_growth": "2 %"}
    ev = sp.evaluate(sp.from_data(data))
    html = sp.report_html(ev)
    assert "Key figures year by year" in html
    for part in ev.breakdown:
        saving = next(f.value for f in part.figures if f.key == "company_saving")
        assert saving is not None
        assert f"{saving:,.2f} DKK" in html
    assert "Nøgletal år for år" in sp.report_html(ev, lang="da")
    one_year = sp.report_html(sp.evaluate(sp.load(EXAMPLE)))
    assert "Key figures year by year" not in one_year
