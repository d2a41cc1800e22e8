"""Where users work: DataFrames, HTML, spreadsheets, charts, Danish output, schema, compare."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import matplotlib
import pytest
import yaml
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app

from .conftest import EXAMPLE

matplotlib.use("Agg")
runner = CliRunner()
THREE_YEARS = EXAMPLE.parent / "ikea_rebild_3_years.yaml"


def test_to_frame_and_summary(example: sp.SharedResponsibilityPartnership) -> None:
    ev = sp.evaluate(example)
    frame = ev.to_frame()
    assert list(frame.columns) == ["period", "payer", "payee", "payer_name", "payee_name", "purpose", "amount"]
    # company → SØV: 386,100 + 46,800 = 432,900
    pair = frame[(frame.payer == "company") & (frame.payee == "social_enterprise")]
    assert pair.amount.sum() == 432900
    summary = ev.summary_frame()
    assert summary.loc["social_enterprise", "net"] == -37200
    assert summary.net.sum() == 0
    years = sp.evaluate(sp.load(THREE_YEARS)).to_frame()
    assert sorted(years.period.unique()) == ["2026", "2027", "2028"]


def test_html_repr(example: sp.SharedResponsibilityPartnership) -> None:
    page = sp.evaluate(example)._repr_html_()
    for text in ["Huset Venture Nordjylland", "386,100.00", "coverage 92.25 %", "35.90 DKK/hour"]:
        assert text in page


@pytest.mark.parametrize("kind", ["flows", "coverage", "tornado"])
def test_chart_command_writes_images(tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.png"
    args = ["chart", str(EXAMPLE), "--kind", kind, "--out", str(out)]
    if kind == "tornado":
        args += ["--vary", "courses.price=9000..14000", "--vary", "temp_hours.workers=2..5"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = runner.invoke(app, ["chart", str(EXAMPLE), "--kind", "tornado", "--out", str(out)])
    assert bad.exit_code == 2


def test_chart_functions_return_figures(example: sp.SharedResponsibilityPartnership) -> None:
    from socialpartner.charts import coverage_chart, money_flow_chart, tornado_chart

    ev = sp.evaluate(example)
    flows = money_flow_chart(ev)
    texts = [t.get_text() for ax in flows.axes for t in ax.texts]
    assert "432,900 DKK" in texts  # IKEA → SØV, both temp-hour transfers together
    assert "IKEA" in texts
    cover = coverage_chart(ev)
    assert "92.25 %" in cover.axes[0].get_title()
    table = sp.tornado(example, {"courses.price": ("9000 DKK/month", "14000 DKK/month")})
    assert tornado_chart(table).axes


def test_danish_output() -> None:
    result = runner.invoke(app, ["evaluate", "--lang", "da"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    out = result.output
    for text in [
        "Hvem betaler hvem",
        "386.100,00\xa0kr.",
        "Dækningsprocent",
        "92,25 %",
        "35,90 kr./time",
        "12.033,33 kr./md.",
        "fleksjobansatte",
        "løn: socialpædagog",
    ]:
        assert text in out, text


def test_schema_command_validates_the_examples() -> None:
    import jsonschema

    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["discriminator"]["propertyName"] == "model"
    import yaml

    for path in EXAMPLE.parent.glob("*.yaml"):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"model": "shared_responsibility", "name": "x", "colour": "red"}, schema)


def test_the_schema_agrees_with_the_loader_on_codes_and_a_spin_offs_horizon() -> None:
    import jsonschema

    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    # a kommunekode with its leading zero, as text, loads (docs/scenarios.md): the schema takes it too
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["municipality"]["code"] = "0840"
    assert sp.evaluate(sp.from_data(data)).results() == sp.evaluate(sp.load(EXAMPLE)).results()
    jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "municipality": {**data["municipality"], "code": "Rebild"}}, schema)
    # a spin-off refuses horizon: (its own years are its horizon): so does the schema
    spin = yaml.safe_load((EXAMPLE.parent / "spin_off_packing.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(spin, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**spin, "horizon": {"years": 3}}, schema)


def test_compare(tmp_path: Path) -> None:
    other = tmp_path / "b.yaml"
    other.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("price: 11000 DKK/month", "price: 12500 DKK/month"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["compare", str(EXAMPLE), str(other), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["inputs"] == [{"input": "courses.price", "a": "11000 DKK / month", "b": "12500 DKK / month"}]
    results = {r["result"]: r for r in doc["results"]}
    # 3 × 1,500 × 12 = 54,000 more funding: surplus −37,200 → 16,800
    assert results["surplus"]["difference"] == "54000.00"
    assert results["surplus"]["b"] == "16800.00"
    # coverage 442,800 / 480,000 = 0.9225 → 496,800 / 480,000 = 1.035: 11.25 percentage points, as
    # the unit says (it was 0.1125 beside "percentage points", a hundred times too small)
    assert results["coverage"]["difference_unit"] == "percentage points"
    assert Decimal(results["coverage"]["difference"]) == Decimal("11.25")
    table = runner.invoke(app, ["compare", str(EXAMPLE), str(other)], env={"COLUMNS": "160"})
    assert "Inputs that differ" in table.output
    assert doc["note"] is None  # the same period: nothing to say
    assert "covers" not in table.output


def test_compare_says_when_the_periods_differ() -> None:
    """One year against three: the totals differ by the length too, and compare says so."""
    three = EXAMPLE.parent / "ikea_rebild_3_years.yaml"
    result = runner.invoke(app, ["compare", str(EXAMPLE), str(three), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["periods"] == {"a": "1 year", "b": "2026–2028"}
    assert doc["note"].startswith("A covers 1 year and B covers 2026–2028")
    table = runner.invoke(app, ["compare", str(EXAMPLE), str(three), "--lang", "da"], env={"COLUMNS": "200"})
    assert "bemærkning: A dækker 1 år og B dækker 2026–2028" in table.output


def test_compare_takes_a_year_and_twelve_months_as_one_period(tmp_path: Path) -> None:
    """1 year, 12 months and 52 weeks are one period in the library's calendar: no note."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("expect", None)
    for i, period in enumerate(("12 month", "52 week")):
        other = tmp_path / f"other{i}.yaml"
        other.write_text(yaml.safe_dump({**data, "period": period}), encoding="utf-8")
        result = runner.invoke(app, ["compare", str(EXAMPLE), str(other), "--format", "json"])
        assert result.exit_code == 0, result.output
        doc = json.loads(result.stdout)
        assert doc["note"] is None, doc["note"]
        assert all(r["difference"] in (None, "0.00", "0", "0.0000") for r in doc["results"]), doc["results"]
    # half a year is another period: the note stays
    half = tmp_path / "half.yaml"
    half.write_text(yaml.safe_dump({**data, "period": "6 month"}), encoding="utf-8")
    doc = json.loads(runner.invoke(app, ["compare", str(EXAMPLE), str(half), "--format", "json"]).stdout)
    assert doc["note"].startswith("A covers 1 year and B covers 6 months")


@pytest.mark.parametrize(
    "args",
    [
        ["export", "{bad}", "--xlsx", "{tmp}/x.xlsx"],
        ["chart", "{bad}", "--out", "{tmp}/x.png"],
        ["compare", "{bad}", str(EXAMPLE)],
        ["solve", "{bad}", "--vary", "courses.price", "--target", "coverage=1"],
        ["sweep", "{bad}", "--vary", "courses.price=1..2:2"],
        ["evaluate", "{bad}", "--explain", "coverage"],
    ],
)
def test_every_command_reports_bad_input_in_one_line(tmp_path: Path, args: list[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("165 DKK/hour", "165 DKK/month"), encoding="utf-8")
    result = runner.invoke(app, [a.format(bad=bad, tmp=tmp_path) for a in args])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error:")
    assert "temp_hours.wage_cost" in result.output
    assert "Traceback" not in result.output


def test_the_reports_jobs_headline_says_how_many_are_inclusive() -> None:
    from socialpartner.report import report_html

    # supplier_facility: 20 fleksjob + 3 apprentices + 2 ordinary posts = 25 jobs, 23 inclusive
    supplier = sp.evaluate(sp.load(EXAMPLE.parent / "supplier_facility.yaml"))
    assert supplier.results()["jobs"] == 25
    assert "25 (23 inclusive) · " in report_html(supplier, charts=False)
    assert "25 (23 inkluderende) · " in report_html(supplier, lang="da", charts=False)
    # every job inclusive: no such words
    assert "inclusive)" not in report_html(sp.evaluate(sp.load(EXAMPLE)), charts=False)


def test_the_report_shows_the_public_purse_line_by_line() -> None:
    from socialpartner.report import report_html

    # ikea_rebild_3_years, 2026: fleksløntilskud 480,480.00 refunded at 20 % = 96,096.00; the
    # fleksjob workers' benefit otherwise 706,680.00, its refusion 20 % = 141,336.00
    page = report_html(sp.evaluate(sp.load(EXAMPLE.parent / "ikea_rebild_3_years.yaml")), charts=False)
    assert page.count("<details><summary>The payments behind it 2026") == 1
    assert page.count("<details><summary>The payments behind it") == 3
    first = page[page.index("<details>") : page.index("</details>")]
    assert "(refusion: fleksjob 20.00 %; course participant 20.00 %)" in first
    for amount in ("480,480.00 DKK", "96,096.00 DKK", "706,680.00 DKK", "141,336.00 DKK"):
        assert amount in first, amount
    # one year: no year in the title
    one = report_html(
        sp.evaluate(sp.load(EXAMPLE.parent / "ikea_rebild_3_years.yaml").model_copy(update={"horizon": None})),
        charts=False,
    )
    assert "<details><summary>The payments behind it (refusion" in one


def test_the_danish_workbook_writes_its_inputs_in_danish(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ev = sp.evaluate(sp.load(EXAMPLE))
    book = load_workbook(sp.to_xlsx(ev, tmp_path / "aftale.xlsx", lang="da"))
    rows = {r[0]: r[1] for r in book.worksheets[0].iter_rows(values_only=True)}
    # 15 hour/week, 165 DKK/hour as the report writes them in Danish; the number column stays a number
    assert rows["temp_hours.effective_hours"] == "15 timer/uge"
    assert rows["temp_hours.wage_cost"] == "165 kr./time"
