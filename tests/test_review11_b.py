"""Review 11: ranges on the command line, payback never needed, the in-house price, Danish output, knock-on errors."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import typer
import yaml
from pydantic import ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.i18n import TEXT, Translator
from socialpartner.cli import _sweep_head, app
from socialpartner.sweeps import _summarised

from .conftest import ROOT

runner = CliRunner()
WIDE = {"COLUMNS": "250"}  # rich tables unwrapped, one row a line

# The review's scenarios, as files a Danish and an English user would write them.
AALBORG_DA = """\
model: shared_responsibility
name: Aalborg – Nordfrost – Værkstedet SØV
number_format: da
social_enterprise: {name: Værkstedet SØV}
company: {name: Nordfrost A/S}
municipality: {name: Aalborg Kommune, code: 851}
temp_hours:
  workers: 5
  effective_hours: "18,5 t/uge"
  wage_cost: "172,40 kr./time"
  overhead: 12 procent
courses:
  participants: 6
  price: 9.850 kr./md.
support_staff:
  - {role: socialpædagog, fte: 1, annual_cost: 510.000 kr./år}
  - {role: arbejdsleder, fte: "0,5", cost_per_fte: 460.000 kr./år}
public:
  year: 2026
  weeks_on_support: {fleksjob: 104, course participant: 30, default: 0}
  fleksjob_wage: 150 kr./time
  during_course: {parameter: benefit.kontanthjaelp.forhoejet_sats}
  counterfactual:
    fleksjob: {parameter: benefit.ledighedsydelse}
    course participant: {amount: 13.345 kr./md.}
horizon:
  years: 4
  start_year: 2026
  wage_growth: 3 pct.
  price_growth: "2 %"
  changes:
    - {year: 2028, set: {courses.participants: 8}}
  progression:
    after: 6 mdr.
    to_fleksjob: 10 procent
    to_ordinary: 5 %
    leave: 30 %
    fleksjob_wage: 140 kr./time
    fleksjob_hours: 12 t/uge
    comparison: {to_fleksjob: 4 %, to_ordinary: 2 %, leave: 30 %}
"""

# the same deal with the company's alternative price and the parties' floors, for agree
AGREE_DA = AALBORG_DA.replace(
    "  overhead: 12 procent\n", "  overhead: 12 procent\n  alternative_price: 215 kr./time\n"
).replace("public:\n", "agreement:\n  soev_margin: 3 %\n  municipal_limit: 450.000 kr./år\npublic:\n")

AALBORG_EN = """\
model: shared_responsibility
name: Aalborg – Nordfrost – Værkstedet SØV
social_enterprise: {name: Værkstedet SØV}
company: {name: Nordfrost A/S}
municipality: {name: Aalborg Kommune, code: 851}
temp_hours: {workers: 5, effective_hours: 18.5 hour/week, wage_cost: 172.40 DKK/hour, overhead: 12 %}
courses: {participants: 6, price: 9850 DKK/month}
support_staff:
  - {role: socialpædagog, fte: 1, annual_cost: 510000 DKK/year}
  - {role: arbejdsleder, fte: 0.5, cost_per_fte: 460000 DKK/year}
public:
  year: 2026
  weeks_on_support: {fleksjob: 104, course participant: 30, default: 0}
  fleksjob_wage: 150 DKK/hour
  during_course: {parameter: benefit.kontanthjaelp.forhoejet_sats}
  counterfactual:
    fleksjob: {parameter: benefit.ledighedsydelse}
    course participant: {amount: 13345 DKK/month}
horizon:
  years: 4
  start_year: 2026
  wage_growth: 3 %
  price_growth: 2 %
  changes:
    - {year: 2028, set: {courses.participants: 8}}
  progression:
    after: 6 month
    to_fleksjob: 10 %
    to_ordinary: 5 %
    leave: 30 %
    fleksjob_wage: 140 DKK/hour
    fleksjob_hours: 12 hour/week
    comparison: {to_fleksjob: 4 %, to_ordinary: 2 %, leave: 30 %}
"""

INHOUSE_DA = """\
model: in_house
name: Pakkeri Esbjerg
number_format: da
period: 1 år
social_enterprise: {name: Vestkystens SØV}
company: {name: Esbjerg Fisk A/S}
site: {name: pakkeriet}
workforce:
  - {form: fleksjob, headcount: 12, paid_hours: 16 t/uge, effective_hours: 16 t/uge, wage_cost: "165,50 kr./time",
     workplace: company}
price: 215 kr./time
support_staff:
  - {role: socialpædagog, fte: 1, annual_cost: 510.000 kr./år}
volume: 250.000 item/år
cost_per_error: 35 kr./item
error_rate: "0,8 %"
company_supervision: 6.500 kr./md.
alternative:
  wage_cost: 225 kr./time
  hours: 9.984 t/år
  staff: 8
  turnover: 55 %
  cost_per_hire: 30.000 kr.
  error_rate: 2 %
  supervision: 180.000 kr./år
public:
  year: 2026
  weeks_on_support: 60
  municipality: {name: Esbjerg Kommune, code: 561}
  counterfactual:
    fleksjob: {parameter: benefit.ledighedsydelse}
horizon:
  years: 3
  start_year: 2026
  wage_growth: 3 %
  price_growth: 2 %
"""

KNOCK = """\
model: labour_shortage
name: knock-on
period: 1 year
social_enterprise: {name: A SØV}
company: {name: B A/S}
helpers:
  - {form: fleksjob, headcount: 3, paid_hours: 15 hour/week, wage_cost: 165,50 kr./time, workplace: company}
price: 295 DKK/hour
skilled_hours_freed: 0.8
skilled_hour_value: 560 DKK/hour
support_staff:
  - {role: jobkonsulent, fte: 1, annual_cost: 515000 DKK/year}
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in {
        "aalborg_da": AALBORG_DA,
        "agree_da": AGREE_DA,
        "aalborg_en": AALBORG_EN,
        "inhouse_da": INHOUSE_DA,
        "knock": KNOCK,
    }.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


def error_line(result: Any) -> str:
    """Exit code 2 and one line starting with ``error:``; the line."""
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    return str(lines[0])


# -- 1: agree reads its --vary bounds as the other commands do -----------------------------------


def test_agree_reads_danish_bounds_by_the_files_format(files: dict[str, Path]) -> None:
    # before: "bounds[courses.price]: '7.000' is ambiguous" (exit 2)
    danish = runner.invoke(
        app, ["agree", str(files["agree_da"]), "--vary", "courses.price=7.000..12.000", "-f", "json"]
    )
    plain = runner.invoke(app, ["agree", str(files["agree_da"]), "--vary", "courses.price=7000..12000", "-f", "json"])
    assert danish.exit_code == plain.exit_code == 0, danish.output
    assert json.loads(danish.output)["bounds"] == [["7000", "12000"]]  # 7.000 is 7,000 beside number_format: da
    assert danish.output == plain.output
    # before: "not a number (expected bounds[temp_hours.wage_cost], got '165,50')"
    comma = runner.invoke(
        app, ["agree", str(files["agree_da"]), "--vary", "temp_hours.wage_cost=165,50..180", "-f", "json"]
    )
    assert comma.exit_code == 0, comma.output
    assert json.loads(comma.output)["bounds"] == [["165.5", "180"]]
    # a plain number reads the same beside either kind of file
    point = runner.invoke(
        app, ["agree", str(files["agree_da"]), "--vary", "temp_hours.wage_cost=165.50..180", "-f", "json"]
    )
    assert point.output == comma.output


@pytest.mark.parametrize(
    ("spec", "needles"),
    [
        ("courses.price=abc..12000", ["--vary courses.price: not a number", "'abc'"]),
        ("courses.price=7000..7000", ["--vary courses.price: the range 7000..7000 is a single value"]),
        ("courses.price=..-5", ["--vary courses.price: the range 0..-5 holds no value"]),
        ("courses.price=7000..12000:3", ["--vary courses.price: agree takes no :COUNT"]),
        ("courses.price=7000", ["--vary: expected PATH or PATH=LOW..HIGH"]),
    ],
)
def test_agree_range_errors_name_vary(files: dict[str, Path], spec: str, needles: list[str]) -> None:
    line = error_line(runner.invoke(app, ["agree", str(files["agree_da"]), "--vary", spec]))
    for needle in needles:
        assert needle in line, line
    assert "bounds" not in line  # the Python argument's name is not the option's


def test_agree_refuses_an_ambiguous_number_beside_a_plain_file(files: dict[str, Path]) -> None:
    line = error_line(runner.invoke(app, ["agree", str(files["aalborg_en"]), "--vary", "courses.price=7.000..12.000"]))
    assert line.startswith("error: --vary courses.price: 7.000 is ambiguous (7 in English, 7,000 in Danish)")


def test_python_agreement_still_names_its_argument() -> None:
    deal = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    with pytest.raises(sp.AgreementError, match=r"bounds\[courses.price\]: the range 500..500 holds no value"):
        sp.agreement(deal, "courses.price", bounds={"courses.price": (500, 500)})


# -- 2: one range reader for sweep, tornado and agree -------------------------------------------


@pytest.mark.parametrize(
    ("spec", "needle"),
    [
        ("courses.price=9000..14000:1", "--vary courses.price: COUNT 1 would evaluate LOW (9000) only"),
        ("courses.price=9000..9000:3", "--vary courses.price: the range 9000..9000 is a single value"),
        ("courses.price=9000..9000", "--vary courses.price: the range 9000..9000 is a single value"),
        ("courses.price=9000..14000:0", "--vary courses.price: COUNT must be between 2 and 10,000,000; got 0"),
        ("courses.price=9000..14000:-3", "COUNT must be between 2 and 10,000,000; got -3"),
        ("courses.price=9000..", "--vary: expected PATH=LOW..HIGH:COUNT"),
    ],
)
def test_sweep_refuses_ranges_that_drop_or_repeat_values(files: dict[str, Path], spec: str, needle: str) -> None:
    # before: :1 gave one variant (9000 only, 14000 silently dropped), 9000..9000:3 three identical rows
    line = error_line(runner.invoke(app, ["sweep", str(files["aalborg_en"]), "--vary", spec]))
    assert needle in line, line


def test_sweep_without_count_evaluates_the_two_ends(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "two.csv"
    result = runner.invoke(
        app, ["sweep", str(files["aalborg_en"]), "--vary", "courses.price=9000..14000", "--csv", str(out)], env=WIDE
    )
    assert result.exit_code == 0, result.output
    assert "2 variants (every combination" in result.output
    frame = pd.read_csv(out)
    assert frame["courses.price [DKK/month]"].tolist() == [9000.0, 14000.0]


def test_sweep_reads_danish_ends_and_spaces_count_values(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "three.csv"
    args = ["sweep", str(files["aalborg_da"]), "--vary", "courses.price=7.000..12.000:3", "--csv", str(out)]
    result = runner.invoke(app, args, env=WIDE)
    assert result.exit_code == 0, result.output
    # three values from 7,000 to 12,000, both ends included: a step of (12,000 − 7,000) / 2 = 2,500
    assert pd.read_csv(out)["courses.price [DKK/month]"].tolist() == [7000.0, 9500.0, 12000.0]


def test_tornado_takes_two_ends_by_the_same_reader(files: dict[str, Path], tmp_path: Path) -> None:
    chart = tmp_path / "t.png"
    base = ["chart", str(files["aalborg_en"]), "--kind", "tornado", "-o", str(chart), "--vary"]
    line = error_line(runner.invoke(app, [*base, "courses.price=9000..14000:5"]))
    assert "--vary courses.price: a tornado chart takes no :COUNT" in line  # before: silently ignored
    line = error_line(runner.invoke(app, [*base, "courses.price=9000..9000"]))
    assert "--vary courses.price: the range 9000..9000 is a single value" in line  # before: a bar of no width
    assert not chart.exists()
    danish = ["chart", str(files["aalborg_da"]), "--kind", "tornado", "-o", str(chart)]
    result = runner.invoke(app, [*danish, "--vary", "courses.price=9.000..14.000"])
    assert result.exit_code == 0, result.output
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_sweep_help_states_the_default_count() -> None:
    command = typer.main.get_command(app).commands["sweep"]  # type: ignore[attr-defined]
    vary = next(p for p in command.params if p.name == "vary")
    assert "without :COUNT, 2: LOW and HIGH" in vary.help
    assert "at least 2" in vary.help


def test_sweep_head_says_one_variant_in_the_singular() -> None:
    assert _sweep_head(1, False, Translator("en")) == "1 variant (every combination; values in each input's own unit)"
    assert _sweep_head(1, True, Translator("da")) == "1 variant (parvis; værdier i hvert inputs egen enhed)"
    assert _sweep_head(3, False, Translator("en")).startswith("3 variants (")
    assert _sweep_head(1234, False, Translator("da")).startswith("1.234 varianter (")


# -- 3: a payback never needed ----------------------------------------------------------------


def test_payback_of_a_party_never_below_zero_is_explained(files: dict[str, Path]) -> None:
    ev = sp.evaluate(sp.load(files["aalborg_en"]))
    assert "payback.social_enterprise" in ev.topics()
    assert ev.results()["payback.social_enterprise"] is None  # no year, named as a sweep's column is
    ex = ev.explain("payback.social_enterprise")
    assert ex.topic == "payback year of Værkstedet SØV"
    assert ex.value == "—"
    assert ex.formula == ("never below zero: no payback needed; the running sum of the discounted nets, year by year")
    terms = {t.label: t for t in ex.terms}
    nets = [part.ledger.net("social_enterprise") for part in ev.breakdown]
    # 2026 is year 0 (factor 1); 2027 is discounted by 1 / (1.035 × 1.02) = 1 / 1.0557
    assert terms["2026: discounted net"].value == f"{nets[0]:,.2f} DKK"
    assert terms["2026: running sum"].value == f"{nets[0]:,.2f} DKK"
    running = Fraction(nets[0]) + Fraction(nets[1]) / Fraction("1.0557")
    shown = Fraction(terms["2027: running sum"].value.removeprefix("≈ ").removesuffix(" DKK").replace(",", ""))
    assert abs(shown - running) <= Fraction(1, 10**6)  # shown to 6 places
    for year in ("2026", "2027", "2028", "2029"):  # never below zero
        assert terms[f"{year}: running sum"].formula.endswith("(at or above zero)"), year
    # the last running sum is the present value, rounded once to øre
    last = Decimal(terms["2029: running sum"].value.removeprefix("≈ ").removesuffix(" DKK").replace(",", ""))
    assert last.quantize(Decimal("0.01")) == ev.figure("npv.social_enterprise").value == Decimal("660102.97")
    # a party below zero to the end keeps its own wording
    assert ev.explain("payback.company").formula.startswith(
        "none: the net is at or below zero every year, so the sum never comes back: the running sum"
    )
    assert ev.explain("payback.public.state").formula.startswith("never below zero: no payback needed")


def test_payback_never_needed_in_danish(files: dict[str, Path]) -> None:
    result = runner.invoke(
        app, ["evaluate", str(files["aalborg_da"]), "--explain", "payback.social_enterprise", "--lang", "da"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "tilbagebetalingsår for Værkstedet SØV = —"
    assert lines[1].startswith("  = aldrig under nul: ingen tilbagebetaling nødvendig; den løbende sum")


def test_all_years_table_says_payback_is_not_needed(files: dict[str, Path]) -> None:
    result = runner.invoke(app, ["evaluate", str(files["aalborg_en"])], env=WIDE)
    assert result.exit_code == 0, result.output
    rows = [" ".join(line.replace("│", " ").split()) for line in result.output.splitlines()]
    assert "payback year of Værkstedet SØV — not needed (never below zero)" in rows
    assert (
        "payback year of Nordfrost A/S — none: the net is at or below zero every year, so the sum never comes back"
        in rows
    )
    assert "payback year of the state (public purse) — not needed (never below zero)" in rows
    # each present value is followed by its payback year: 9 present values, 9 payback rows
    assert sum(row.startswith("present value of") for row in rows) == 9
    assert sum(row.startswith("payback year of") for row in rows) == 9
    danish = runner.invoke(app, ["evaluate", str(files["aalborg_da"]), "--lang", "da"], env=WIDE)
    rows = [" ".join(line.replace("│", " ").split()) for line in danish.output.splitlines()]
    assert "tilbagebetalingsår for Værkstedet SØV — ikke nødvendig (aldrig under nul)" in rows


@pytest.mark.parametrize("name", ["ikea_rebild_3_years", "spin_off_packing"])
def test_every_present_value_has_a_payback_explanation(name: str) -> None:
    ev = sp.evaluate(sp.load(ROOT / "examples" / f"{name}.yaml"))
    figures = {f.key: f for f in ev.figures}
    npv = [key.removeprefix("npv.") for key in figures if key.startswith("npv.")]
    assert npv
    for party in npv:
        ex = ev.explain(f"payback.{party}")
        figure = figures[f"payback.{party}"]  # every present value has its payback figure (review 42 F2)
        if str(figure.note) == "not needed (never below zero)":
            assert figure.value is None
            assert ex.formula.startswith("never below zero: no payback needed"), party
        elif figure.value is None:  # below zero at the end: every year (it only pays), or not back within them
            assert ex.formula.startswith(
                ("not within the horizon", "none: the net is at or below zero every year, so the sum never comes back")
            ), party
        else:
            assert ex.value == str(figure.value)


def test_a_single_period_has_no_payback_topic() -> None:
    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild.yaml"))
    assert not any(t.startswith("payback.") for t in ev.topics())
    with pytest.raises(KeyError, match=r"nothing to explain as 'payback\.social_enterprise'"):
        ev.explain("payback.social_enterprise")


# -- 4: the in-house company's highest price ----------------------------------------------------


def test_inhouse_company_price_is_explained_with_its_amounts(files: dict[str, Path]) -> None:
    ev = sp.evaluate(sp.load(files["inhouse_da"]))
    ex = ev.explain("2027:company_break_even_price")
    # 2027: wages grow 3 % (225 → 231.75), prices 2 % (30,000 → 30,600; 35 → 35.70; 180,000 → 183,600;
    # 6,500 → 6,630 a month). Effective hours: 12 × 16 × 52 = 9,984.
    # before = 231.75 × 9,984 + 8 × 55 % × 30,600 + 250,000 × 2 % × 35.70 + 183,600
    #        = 2,313,792 + 134,640 + 178,500 + 183,600 = 2,810,532
    # after without the SØV's price = 250,000 × 0.8 % × 35.70 + 6,630 × 12 = 71,400 + 79,560 = 150,960
    # (2,810,532 − 150,960) / 9,984 = 2,659,572 / 9,984 = 266.3834… → 266.38 DKK/hour
    assert ex.value == "266.38 DKK/hour"
    assert ex.formula == (
        "(total cost before − total cost after without the SØV service) / effective hours of the workforce"
        " = (2,810,532.00 DKK − 150,960.00 DKK) / 9984.00, rounded down to the øre"
    )
    terms = {t.label: t for t in ex.terms}
    assert terms["company's total cost, doing it itself"].value == "2,810,532.00 DKK"
    assert terms["total cost after without the SØV service"].value == "150,960.00 DKK"
    assert terms["total cost after without the SØV service"].formula.endswith(
        "= errors + supervision = 71,400.00 DKK + 79,560.00 DKK"
    )
    assert terms["effective hours of the workforce"].value == "9984.00 (hours over the period)"
    assert dict(terms["effective hours of the workforce"].inputs)["workforce.0.headcount"] == "12"
    assert "see the model's documentation" not in str(ex)
    danish = runner.invoke(
        app, ["evaluate", str(files["inhouse_da"]), "--explain", "2027:company_break_even_price", "--lang", "da"]
    )
    assert "= (2.810.532,00\xa0kr. − 150.960,00\xa0kr.) / 9.984,00, rundet ned til øre" in danish.output
    assert "højeste pris pr. effektiv time, hvor virksomheden stadig sparer = 266,38 kr./time" in danish.output


def test_inhouse_company_price_single_period_and_floored() -> None:
    data = yaml.safe_load((ROOT / "examples" / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    ev = sp.evaluate(sp.from_data(data))
    # before = 230 × 20,800 + 14 × 60 % × 35,000 + 400,000 × 1.5 % × 40 + 300,000 = 5,618,000
    # other after = 400,000 × 0.5 % × 40 + 100,000 = 180,000; hours 25 × 16 × 52 = 20,800
    # (5,618,000 − 180,000) / 20,800 = 261.4423… → 261.44
    ex = ev.explain("company_break_even_price")
    assert ex.value == "261.44 DKK/hour"
    assert ex.formula.endswith("= (5,618,000.00 DKK − 180,000.00 DKK) / 20800.00, rounded down to the øre")
    assert ev.figure("company_break_even_price").note.startswith("(total cost before − total cost after without")
    cheap = copy.deepcopy(data)
    # doing it itself costs 1 × 20,800 + 0 + 0 + 0 = 20,800, below the 180,000 the company pays besides
    cheap["alternative"] |= {"wage_cost": "1 DKK/hour", "turnover": 0, "error_rate": 0, "supervision": "0 DKK/year"}
    floored = sp.evaluate(sp.from_data(cheap)).explain("company_break_even_price")
    assert floored.value == "0.00 DKK/hour"
    assert floored.formula.endswith(
        "= (20,800.00 DKK − 180,000.00 DKK) / 20800.00, rounded down to the øre, floored at zero"
    )


# -- 5: the 2027 satsreguleringsprocent, said alike in every page -----------------------------


def test_docs_call_the_2027_percentage_an_estimate() -> None:
    text = (ROOT / "docs" / "public_and_horizon.md").read_text(encoding="utf-8")
    assert "the published satsreguleringsprocent" not in text
    assert "that\npercentage was not found, so it is assumed equal to 2026's and tagged estimate" in text
    value = sp.default_parameters().get("satsreguleringsprocent", 2027)
    assert value.tag == "estimate"


# -- 6: Danish spellings -------------------------------------------------------------------------


def test_danish_counterfactual_amount_in_danish_spelling(files: dict[str, Path], tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(files["aalborg_da"]), "--lang", "da"], env=WIDE)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "6 personer ville ellers modtage 13.345,00\xa0kr./md. (13.345 kr./md.) fra kommunen" in out
    # 2027: 13,345 × 1.0405 (4.5 % less the 0.45 point transfer incomes lose in 2027) = 13,885.4725,
    # shown with the decimals the amount uses (review 58 L3)
    assert "13.885,4725\xa0kr./md. (13.345 kr./md. i 2026, reguleret med satsreguleringsprocenten)" in out
    assert "DKK / month" not in out
    english = runner.invoke(app, ["evaluate", str(files["aalborg_en"])], env=WIDE)
    assert "13,345.00 DKK/month (13345 DKK / month) from the municipality" in english.output
    report = tmp_path / "r.html"
    runner.invoke(app, ["report", str(files["aalborg_da"]), "--lang", "da", "-o", str(report)])
    page = report.read_text(encoding="utf-8")
    assert "(13.345 kr./md. i 2026, reguleret med satsreguleringsprocenten)" in page
    assert "13345 DKK / month" not in page


def test_danish_sweep_summary_names_every_net(files: dict[str, Path]) -> None:
    args = ["sweep", str(files["aalborg_da"]), "--vary", "courses.price=7.000..12.000:3", "--lang", "da"]
    result = runner.invoke(app, args, env=WIDE)
    assert result.exit_code == 0, result.output
    for label in (
        "virksomhedens nettobeløb [kr.]",
        "SØV'ens nettobeløb [kr.]",
        "medarbejdernes nettobeløb [kr.]",
        "støttepersonalets nettobeløb [kr.]",
        "statens nettobeløb [kr.]",
        "forløbsdeltagernes nettobeløb [kr.]",
    ):
        assert label in result.output, label
    assert "net." not in result.output


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_summarised_result_has_a_danish_label(path: Path) -> None:
    ev = sp.evaluate(sp.load(path))
    for key in ev.results():
        column = f"{key} [DKK]" if key.startswith(("net.", "public.", "npv.public.")) else key
        if _summarised(column):
            assert f"cli.{key}" in TEXT, key
            english, danish = TEXT[f"cli.{key}"]
            assert danish != english, key


# -- 7: no knock-on error for a list whose item is already reported ---------------------------


def test_comma_cut_item_is_reported_once(files: dict[str, Path]) -> None:
    with pytest.raises(ValidationError) as caught:
        sp.load(files["knock"])
    errors = caught.value.errors()
    assert len(errors) == 1
    assert errors[0]["loc"] == ("helpers", 0, "50 kr./time")
    assert "wage_cost: 165,50 kr./time was cut in two at the comma" in errors[0]["msg"]
    result = runner.invoke(app, ["evaluate", str(files["knock"])])
    assert result.exit_code == 2
    assert "1 problem in the scenario" in result.output
    assert "at least 1 item" not in result.output


def test_an_empty_list_is_still_too_short() -> None:
    data = yaml.safe_load(KNOCK)
    data["helpers"] = []
    with pytest.raises(ValidationError) as caught:
        sp.from_data(data)
    errors = caught.value.errors()
    assert [(e["loc"], e["type"]) for e in errors] == [(("helpers",), "too_short")]


def test_an_item_with_a_bad_value_is_reported_alone() -> None:
    data = yaml.safe_load(KNOCK)
    data["helpers"][0] = {
        "form": "fleksjob",
        "headcount": -3,
        "paid_hours": "15 hour/week",
        "wage_cost": "165.50 DKK/hour",
    }
    with pytest.raises(ValidationError) as caught:
        sp.from_data(data)
    locs = [tuple(e["loc"]) for e in caught.value.errors()]
    assert locs
    assert all(loc[:2] == ("helpers", 0) for loc in locs), locs


@pytest.mark.parametrize(
    ("given", "cut"),
    [
        ("number_format: da\nSTAFF{role: socialpædagog, fte: 1, annual_cost: 510.000,00 kr./år}", "00 kr./år"),
        ("STAFF{role: socialpædagog, fte: 1, annual_cost: 510,000 DKK/year}", "000 DKK/year"),
    ],
)
def test_the_head_of_a_number_cut_at_a_comma_gets_no_error_of_its_own(given: str, cut: str) -> None:
    # 510.000,00 inside {...}: annual_cost became 510.000 and '00 kr./år' a key. The head's error,
    # "a number alone is ambiguous here; add a unit", came first and pointed at the wrong fix
    head = sp.example_path().read_text(encoding="utf-8").split("support_staff:")[0]
    *declared, staff = given.split("\n")
    text = "".join(f"{line}\n" for line in declared) + head + "support_staff:\n" + staff.replace("STAFF", "  - ")
    with pytest.raises(ValidationError) as caught:
        sp.loads(text)
    errors = caught.value.errors()
    assert [e["loc"] for e in errors] == [("support_staff", 0, cut)]
    assert "was cut in two at the comma" in errors[0]["msg"]
