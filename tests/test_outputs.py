"""Where users work: DataFrames, HTML, spreadsheets, charts, Danish output, schema, compare."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app

from .conftest import EXAMPLE, example_with, scenario_matrix

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


def test_the_frames_carry_the_ledgers_decimals_so_pandas_sums_balance() -> None:
    """Money in the frames is the ledger's Decimal: pandas sums are exact to the øre.

    As float64 the three-year ledger's nets summed to -2.3e-10, and the SØV's net recomputed
    from the rows was -81,704.64000000013 against the ledger's -81,704.64.
    """
    ev = sp.evaluate(sp.load(THREE_YEARS))
    frame, summary = ev.to_frame(), ev.summary_frame()
    assert {type(x) for x in frame.amount} == {Decimal}
    assert summary.net.sum() == 0
    assert {type(x) for col in ("receives", "pays", "net") for x in summary[col]} == {Decimal}
    received = frame.groupby("payee").amount.sum()
    paid = frame.groupby("payer").amount.sum()
    for party in ev.ledger.parties:
        net = received.get(party, Decimal(0)) - paid.get(party, Decimal(0))
        assert net == ev.ledger.net(party) == summary.loc[party, "net"], party
    assert summary.loc["social_enterprise", "net"] == Decimal("-81704.64")  # the expect: block's net
    assert frame.amount.sum() == sum(tr.amount for part in ev.breakdown for tr in part.ledger)


def test_html_repr(example: sp.SharedResponsibilityPartnership) -> None:
    page = sp.evaluate(example)._repr_html_()
    for text in ["Huset Venture Nordjylland", "386,100.00", "coverage 92.25 %", "35.90 DKK/hour"]:
        assert text in page


def test_html_repr_of_a_public_horizon_shows_the_net_effects_years_and_present_values() -> None:
    # a notebook user saw only the ledger: Rebild's gross −3,731,225.89, which reads as the deal's
    # cost; the public view's net effect over the years is −475,880.49 (the example's expect: block)
    ev = sp.evaluate(sp.load(EXAMPLE.parent / "ikea_rebild_3_years.yaml"))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", ev._repr_html_()))
    assert "Year by year" in text
    # 2026: coverage 442,800 / 480,000 = 92.25 %; the municipality's net effect −215,040.00
    assert "2026 92.25 % -37,200.00 3 1.22 -215,040.00 45,240.00" in text
    assert "net effect over all years: the municipality (public purse) -475,880.49" in text
    assert "present value of the net effect of the municipality (public purse) -455,753.24" in text
    one_year = ev.breakdown[0].to_html(lang="da")
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", one_year))
    assert (
        "Offentlige kasser nettovirkning (ellers − med; + besparelse, − merudgift) (kr.) "
        "kommunen -215.040,00 staten 45.240,00" in plain
    )
    assert "kr.." not in plain  # a Danish amount's "kr." ends the sentence


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


# a labour-shortage deal whose company → SØV payment curves past the municipality → helpers arrow
SITE_HELPERS = """
model: labour_shortage
name: Site helpers
social_enterprise: {name: Byg Videre SØV}
company: {name: Eksempel Byg A/S}
helpers:
  - {form: fleksjob, headcount: 3, paid_hours: 15 hour/week, effective_hours: 13 hour/week,
     wage_cost: 168 DKK/hour, workplace: company}
  - {form: småjob, headcount: 2, paid_hours: 8 hour/week, wage_cost: 150 DKK/hour, workplace: company}
price: 290 DKK/hour
skilled_hours_freed: 70 %
skilled_hour_value: 600 DKK/hour
akkord_rate: 95 DKK/hour
support_staff:
  - {role: jobkonsulent, fte: 0.6, cost_per_fte: 510000 DKK/year}
public:
  year: 2026
  municipality: {name: Horsens Kommune, code: 615}
  weeks_on_support: {fleksjob: 200, default: 0}
  fleksjob_wage: 145 DKK/hour
  counterfactual:
    fleksjob: {parameter: benefit.ledighedsydelse}
"""


@pytest.mark.parametrize(("source", "crowded"), [("site helpers", False), ("three years", True), ("example", False)])
def test_each_amount_sits_on_its_own_arrow_and_on_no_other(source: str, crowded: bool) -> None:
    """Measured on the drawn chart: every amount's text touches its own arrow and no other.

    In the crowded three-year chart (a curve through two straight arrows near their
    common end) no spot clears every arrow: there each amount is on its own arrow and
    clear of every other amount.

    The company → SØV curve of the site-helpers deal crosses the straight municipality →
    helpers arrow; its 919,880 DKK (290 DKK/hour × (3 × 15 + 2 × 8) hours × 52 weeks) was drawn
    where the two cross, on the other arrow.
    """
    from matplotlib.patches import FancyArrowPatch

    from socialpartner.charts import money_flow_chart

    if source == "site helpers":
        scenario = sp.from_data(yaml.safe_load(SITE_HELPERS))
    else:
        scenario = sp.load(THREE_YEARS if source == "three years" else EXAMPLE)
    fig = money_flow_chart(sp.evaluate(scenario))
    ax = fig.axes[0]
    fig.canvas.draw()
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert arrows
    # each arrow as points in display coordinates, 60 along every segment of its path
    drawn = []
    for arrow in arrows:
        path = arrow._path_original  # type: ignore[attr-defined]  # the path as given, in data coordinates
        points = np.concatenate([seg(np.linspace(0, 1, 61)) for seg, _ in path.iter_bezier()])
        drawn.append((tuple(arrow.get_edgecolor()), ax.transData.transform(points)))
    amounts = [text for text in ax.texts if text.get_text().endswith(" DKK")]
    assert len(amounts) == len(arrows)
    for text in amounts:
        box = text.get_window_extent()  # the text itself (its white box reaches a few pixels beyond)
        inside = [colour for colour, points in drawn if any(box.contains(x, y) for x, y in points)]
        # its own arrow (the text takes the arrow's colour) and no other passes through the box
        own = matplotlib.colors.to_rgba(text.get_color())
        if crowded:
            assert own in inside, (text.get_text(), inside)
        else:
            assert inside == [own], (text.get_text(), inside)
        for other in amounts:
            if other is not text:
                assert not box.overlaps(other.get_window_extent()), (text.get_text(), other.get_text())


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
    # the break-even prices rounded just below the cost say which price covers, as every other output does
    # (review 49 F5): B's overhead (480,000 − 450,000) / 2,340 = 12.8205 → 12.82 is 1.20 short, 12.83 covers
    assert doc["notes"]["b"][0] == (
        "break-even overhead per hour (DKK/hour) 12.82: rounded to just below the cost; 12.83 DKK/hour covers"
    )


def test_compare_carries_the_note_that_a_saving_is_partly_other_work(tmp_path: Path) -> None:
    # B: 30 fleksjob × 16 h × 52 = 24,960 effective hours against the alternative's 20,800 (A's
    # 25 × 16 × 52 = 20,800 match it); evaluate says part of B's saving is a different amount of
    # work, and compare dropped that, so B's saving read as like for like
    a = EXAMPLE.parent / "in_house_packing.yaml"
    b = tmp_path / "b.yaml"
    b.write_text(a.read_text(encoding="utf-8").replace("headcount: 25,", "headcount: 30,"), encoding="utf-8")
    said = (
        "the company's alternative is 20,800.00 hours of its own staff over the period, the SØV delivers "
        "24,960.00 effective hours: part of the saving is a different amount of work"
    )
    doc = json.loads(runner.invoke(app, ["compare", str(a), str(b), "--format", "json"]).stdout)
    assert doc["notes"]["a"] == []
    assert doc["notes"]["b"][0].startswith(said)
    # B's break-even price (rounded just below the cost) says which price covers (review 49 F5)
    assert doc["notes"]["b"][1:] == [
        "break-even price per effective hour (SØV) (DKK/hour) 210.06: rounded to just below the cost; "
        "210.07 DKK/hour covers"
    ]
    table = runner.invoke(app, ["compare", str(a), str(b)], env={"COLUMNS": "400"})
    assert f"note (B): {said}" in table.output
    danish = runner.invoke(app, ["compare", str(b), str(a), "--lang", "da"], env={"COLUMNS": "400"})
    assert "bemærkning (A): virksomhedens alternativ er 20.800,00 timer" in danish.output
    # over a horizon the statement is a year's (30 workers from 2027): it says which years
    h = tmp_path / "h.yaml"
    h.write_text(
        a.read_text(encoding="utf-8").split("expect:")[0]
        + "horizon: {years: 3, start_year: 2026, changes: [{year: 2027, set: {workforce.0.headcount: 30}}]}\n",
        encoding="utf-8",
    )
    doc = json.loads(runner.invoke(app, ["compare", str(a), str(h), "--format", "json"]).stdout)
    other_work = [note for note in doc["notes"]["b"] if "break-even" not in note]  # the break-even notes apart
    assert [note[:6] for note in other_work] == ["2027: ", "2028: "]
    assert other_work[0] == "2027: " + other_work[1].removeprefix("2028: ")
    assert said in other_work[0]


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
    assert "25 · 13.11 FTE (of which 23 inclusive, 11.11 FTE)" in report_html(supplier, charts=False)
    assert "25 · 13,11 årsværk (heraf 23 inkluderende, 11,11 årsværk)" in report_html(supplier, lang="da", charts=False)
    # every job inclusive: no such words
    assert "inclusive," not in report_html(sp.evaluate(sp.load(EXAMPLE)), charts=False)


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


def test_a_horizons_break_evens_say_whose_prices_they_are_in(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from socialpartner.report import report_html

    # ikea_rebild_3_years grows wages and prices 2 % a year: 2027's course price break-even
    # 11,832.00 DKK/month (its expect: block) is in 2027 prices, not the 11,000 as stated in 2026's
    three = sp.evaluate(sp.load(THREE_YEARS))
    out = runner.invoke(app, ["evaluate", str(THREE_YEARS)], env={"COLUMNS": "200"}).output
    for year in ("2026", "2027", "2028"):
        assert f"Break-even in the prices of {year} (each price alone, the rest as given)" in out, year
    assert "11,832.00 DKK/month" in out[out.index("prices of 2027") : out.index("prices of 2028")]
    danish = runner.invoke(app, ["evaluate", str(THREE_YEARS), "--lang", "da"], env={"COLUMNS": "200"}).output
    assert "Nulpunktspris i priserne for 2027 (én pris ad gangen, resten som angivet)" in danish
    assert "Each year's break-even is in that year's prices" in html.unescape(report_html(three, charts=False))
    book = load_workbook(sp.to_xlsx(three, tmp_path / "three.xlsx"))
    cells = {c for ws in book.worksheets if ws.title == "2027" for row in ws.iter_rows(values_only=True) for c in row}
    assert "Break-even in the prices of 2027 (each price alone, the rest as given)" in cells
    rows = list(book["Break-even"].iter_rows(values_only=True))
    said = "Each year's break-even is in that year's prices: the prices as stated, grown by the horizon's growth."
    assert rows[0][0] == "Period"  # the header first, so the sheet reads as a table
    assert rows[-1][0] == said  # the note below it
    # one year, and a spin-off's years (constant prices): no year's prices to name
    for scenario in (EXAMPLE, EXAMPLE.parent / "spin_off_packing.yaml"):
        out = runner.invoke(app, ["evaluate", str(scenario)], env={"COLUMNS": "200"}).output
        assert "Break-even (each price alone, the rest as given)" in out
        assert "prices of" not in out
        assert "that year's prices" not in html.unescape(report_html(sp.evaluate(sp.load(scenario)), charts=False))


def test_the_tornado_charts_full_coverage_line_is_listed_only_where_it_is_drawn() -> None:
    from socialpartner.charts import tornado_chart

    deal = sp.load(EXAMPLE)  # coverage 92.25 % at today's terms
    # a course price of 9,000-14,000 moves coverage 77.25 % to 114.75 %: 100 % is on the axis
    near = tornado_chart(sp.tornado(deal, {"courses.price": ("9000 DKK/month", "14000 DKK/month")}))
    labels = [text.get_text() for legend in near.legends for text in legend.get_texts()]
    assert "100 % coverage" in labels
    # 9,000-10,000: 77.25 % to 84.75 %, and the axis ends short of 100 %: no line, so not in the legend
    far = tornado_chart(sp.tornado(deal, {"courses.price": ("9000 DKK/month", "10000 DKK/month")}))
    assert not any(
        "coverage" in text.get_text() and "100" in text.get_text()
        for legend in far.legends
        for text in legend.get_texts()
    )
    assert far.axes[0].get_xlim()[1] < 1.0


def test_the_tornado_chart_names_a_lines_field_in_words() -> None:
    # helpers.0.wage_cost was drawn "helpers › 0 › wage cost" while the other bars had words, in Danish too
    from socialpartner.charts import tornado_chart

    site = sp.load(EXAMPLE.parent / "labour_shortage_site.yaml")
    table = sp.tornado(
        site, {"helpers.0.wage_cost": ("150 DKK/hour", "190 DKK/hour"), "price": ("250 DKK/hour", "320 DKK/hour")}
    )
    bars = {
        lang: [x.get_text() for x in tornado_chart(table, lang=lang).axes[0].get_yticklabels()] for lang in ("en", "da")
    }
    assert "wage cost (helpers.0)\n150 DKK/hour → 190 DKK/hour" in bars["en"]
    assert "lønomkostning (helpers.0)\n150 kr./time → 190 kr./time" in bars["da"]
    assert not any("›" in bar for lang in bars for bar in bars[lang])


def test_a_parameter_value_used_in_several_years_is_one_row() -> None:
    """The 30 % reduction (a 2021 value, unchanged since) was listed once per year it served."""
    from socialpartner.report import report_html

    out = runner.invoke(app, ["evaluate", str(THREE_YEARS)], env={"COLUMNS": "250"}).output
    table = out[out.index("Parameters used") :]
    rows = [line for line in table.splitlines() if "fleksloentilskud.reduction_below_threshold" in line]
    assert len(rows) == 1
    assert "2021 (for 2026–2028)" in rows[0]
    # values that differ by year stay a row each: the threshold of 2026, of 2027, and 2027's indexed for 2028
    assert table.count("fleksloentilskud.threshold ") == 3
    page = html.unescape(report_html(sp.evaluate(sp.load(THREE_YEARS)), charts=False))
    assert page.count("fleksloentilskud.reduction_below_threshold</td>") == 1
    assert "2021 (for 2026–2028)" in page
    danish = runner.invoke(app, ["evaluate", str(THREE_YEARS), "--lang", "da"], env={"COLUMNS": "250"}).output
    assert "2021 (for 2026–2028)" in danish


def test_tornado_ratio_ticks_read_their_own_position() -> None:
    """Ticks at 91.2 %, 91.4 %, … are labelled so (Danish 91,2 %), never rounded to a whole 91 %."""
    from socialpartner.charts import tornado_chart

    deal = sp.load(sp.example_path())
    # coverage moves from (3 × 10,900 × 12 + 46,800) / 480,000 = 0.915 to 0.9225 at 11,000: ticks every 0.2 %
    table = sp.tornado(deal, {"courses.price": ("10900 DKK/month", "11000 DKK/month")})
    fig = tornado_chart(table, baseline=0.9225, lang="da")
    fig.draw_without_rendering()
    ax = fig.axes[0]
    labels = [label.get_text() for label in ax.get_xticklabels()]
    shown = [Decimal(text.removesuffix(" %").replace(",", ".")) for text in labels]
    assert shown == [round(Decimal(repr(float(x))) * 100, 2).normalize() for x in ax.get_xticks()]
    assert "91,2 %" in labels


def test_a_figure_in_hours_reads_in_the_plural() -> None:
    from socialpartner._internal.i18n import Translator

    ev = sp.evaluate(sp.load(Path(__file__).resolve().parents[1] / "examples" / "supplier_facility.yaml"))
    hours = ev.figure("csr_inclusive_hours")
    assert (hours.value, hours.unit) == (Decimal("17097.60"), "hour")  # the figure's own unit stays the key
    assert Translator("en").quantity(hours.value, hours.unit) == "17,097.60 hours"
    assert Translator("da").quantity(hours.value, hours.unit) == "17.097,60 timer"


@pytest.mark.parametrize(("name", "data"), scenario_matrix(), ids=[n for n, _ in scenario_matrix()])
def test_the_summary_is_the_headline_tables_of_the_full_output(name: str, data: dict[str, Any], tmp_path: Path) -> None:
    """Review 43 F7: four years with the public purse printed some 1,200 lines. --summary leaves out the
    transfers, each year's own section and the parameters; what it prints is in the full output too."""
    path = tmp_path / "deal.yaml"
    data = {k: v for k, v in data.items() if k != "expect"}  # its floats (1.023) dump as ambiguous text
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    env = {"COLUMNS": "120"}
    full = runner.invoke(app, ["evaluate", str(path)], env=env)
    short = runner.invoke(app, ["evaluate", str(path), "--summary"], env=env)
    assert full.exit_code == short.exit_code == 0, short.output
    assert len(short.output.splitlines()) < len(full.output.splitlines())
    ev = sp.evaluate(sp.from_data(data))
    for gone in ("Who pays whom", "Parameters used") if ev.parameters else ("Who pays whom",):
        assert gone in full.output
        assert gone not in short.output
    # every party's net over the whole deal, as the full output's last balance table gives it
    for party in ev.ledger.parties:
        net = f"{ev.ledger.net(party):,.2f}"
        assert net in short.output, (party, net)
    if ev.breakdown:
        assert "Year by year" in short.output
        assert not any(
            line.strip("─ ") == part.ledger.period for part in ev.breakdown for line in short.output.splitlines()
        )


def test_the_summary_is_for_the_table_only() -> None:
    for more in (["--format", "json"], ["--explain", "coverage"]):
        result = runner.invoke(app, ["evaluate", "--summary", *more])
        assert result.exit_code == 2
        assert "--summary: shortens the table; --format json and --explain are given in full" in result.output


def test_the_cost_split_shows_the_total_funding_where_several_sources_fund_it() -> None:
    """Review 42 F3: 442,800.00 (46,800.00 overhead + 396,000.00 course payments) stood only in the JSON."""
    out = runner.invoke(app, ["evaluate"], env={"COLUMNS": "120"}).output
    rows = [" ".join(line.replace("│", " ").split()) for line in out.splitlines()]
    assert "total funding 442,800.00" in rows
    page = html.unescape(sp.report_html(sp.evaluate(sp.load(EXAMPLE)), charts=False))
    assert '<td>total funding</td><td class="n">442,800.00 DKK</td>' in page


def test_the_report_gives_each_partys_net_year_by_year_and_the_inclusive_fte() -> None:
    """Review 42 F6 and F3: the report was the one format without a year's net per party, and without the
    inclusive FTE (supplier example: 20 fleksjob × 15 h + 3 apprentices × 37 h = 411 h / 37 = 11.11 FTE)."""
    ev = sp.evaluate(sp.load(THREE_YEARS))
    page = html.unescape(sp.report_html(ev, charts=False))
    text = " ".join(re.sub(r"<[^>]+>", " ", page[page.index("Net per party, year by year") :]).split())
    # IKEA: −432,900.00, −588,744.00, −600,518.88, together −1,622,162.88 (the expect: block's figures)
    assert text.startswith(
        "Net per party, year by year Party 2026 2027 2028 Total IKEA -432,900.00 DKK -588,744.00 DKK "
        "-600,518.88 DKK -1,622,162.88 DKK"
    )
    supplier = html.unescape(
        sp.report_html(sp.evaluate(sp.load(EXAMPLE.parent / "supplier_facility.yaml")), charts=False)
    )
    assert "25 · 13.11 FTE (of which 23 inclusive, 11.11 FTE)" in supplier
    danish = html.unescape(sp.report_html(ev, lang="da", charts=False))
    assert "Netto pr. part, år for år" in danish


def test_no_amount_in_the_terminal_is_cut_short_on_a_narrow_terminal(tmp_path: Path) -> None:
    """Review 46 F7: at 80 columns an amount of 608.400.000,00 kr. was shown '608.400.00…', readable as
    608.400,00. 4,000 course participants at 11,000 a month: 528,000,000.00 a year of course payments."""
    data = example_with(courses={"participants": 4000})
    path = tmp_path / "big.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for lang in ("en", "da"):
        out = runner.invoke(app, ["evaluate", str(path), "--lang", lang], env={"COLUMNS": "60"}).output
        assert "…" not in out, lang
        digits = "".join(c for c in out if c.isdigit())
        assert "52800000000" in digits  # 528,000,000.00, folded over lines but every digit there


def test_the_summary_gives_the_public_purse_year_by_year() -> None:
    """Review 46 F5: --summary had the public net effects over all years only; the report has each year's.
    The example's expect: block: municipality −215,040.00, −133,483.18, −127,357.31 = −475,880.49; state
    45,240.00 + 67,609.21 + 71,160.27 = 184,009.48."""
    out = runner.invoke(app, ["evaluate", str(THREE_YEARS), "--summary"], env={"COLUMNS": "120"}).output
    rows = [" ".join(line.replace("│", " ").replace("┃", " ").split()) for line in out.splitlines()]
    assert "Public purse: net effect year by year (otherwise − with; + saving, − extra cost)" in rows
    # a row a year, a column a payer (review 50 F6: a column a year did not fit 80 characters)
    assert "Year net effect: municipality net effect: state" in rows
    assert "2026 -215,040.00 45,240.00" in rows
    assert "2027 -133,483.18 67,609.21" in rows
    assert "2028 -127,357.31 71,160.27" in rows
    assert "Total -475,880.49 184,009.48" in rows
    one_year = runner.invoke(app, ["evaluate", "--summary"], env={"COLUMNS": "120"}).output
    assert "year by year" not in one_year  # one year has its public view, if any, in its own table
