"""Review 62 and the findings of earlier reviews left open: a Danish SØV manager on the command line."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.glossary import input_label as label
from socialpartner.cli import app

from .conftest import ROOT

runner = CliRunner()


def test_compare_labels_the_signed_surplus_beside_the_shortfall() -> None:
    """61 L4: compare printed ``overskud -37.200,00 kr.`` above ``underskud 37.200,00 kr.``.

    The one-year example: support staff 480,000.00 against funding 442,800.00, so the surplus
    is 442,800 − 480,000 = −37,200.00 and the shortfall 37,200.00. The signed row now says a
    negative surplus is a shortfall; the shortfall's row is unchanged.
    """
    one, three = ROOT / "examples" / "ikea_rebild.yaml", ROOT / "examples" / "ikea_rebild_3_years.yaml"
    da = runner.invoke(app, ["compare", str(one), str(three), "--lang", "da"], env={"COLUMNS": "200"}).output
    rows = {line.split("│")[1].strip(): line for line in da.splitlines() if line.count("│") >= 4}
    assert "-37.200,00" in rows["overskud (negativt: underskud)"]
    assert "37.200,00" in rows["underskud"]
    assert "overskud" not in rows  # no bare, signed "overskud" row
    en = runner.invoke(app, ["compare", str(one), str(three)], env={"COLUMNS": "200"}).output
    assert "surplus (negative: shortfall)" in en


def test_the_assumptions_say_what_each_input_is_in_the_readers_language(tmp_path: Path) -> None:
    """61 M3: the Danish assumptions listed ``workforce.0.employer | social_enterprise`` and nothing else.

    Each input now has its meaning in words beside the path (kept for scripts), and a coded
    value in the reader's language: in the report's table and in the workbook's last column.
    """
    ev = sp.evaluate(sp.load(ROOT / "examples" / "supplier_facility.yaml"))
    html = sp.report_html(ev, lang="da", charts=False)
    assumptions = html[html.index("Forudsætninger og kilder") :]
    row = re.search(r"<tr><td>workforce\.0\.employer</td><td>(.*?)</td><td>(.*?)</td></tr>", assumptions)
    assert row is not None, assumptions[:2000]
    assert row.groups() == ("arbejdsstyrke, linje 1: arbejdsgiver", "SØV&#x27;en (standard, ikke angivet)")
    assert "<td>model</td><td>partnerskabsmodel</td><td>leverandør</td>" in assumptions
    assert "<td>services.1.contract_sum</td><td>ydelse, linje 2: kontraktsum</td><td>100.000 kr./md.</td>" in (
        assumptions.replace("\xa0", " ")
    )
    en = sp.report_html(ev, charts=False)
    assert "<td>workforce.2.form</td><td>workforce, line 3: form of employment</td><td>ordinary job</td>" in en
    from openpyxl import load_workbook

    ws = load_workbook(sp.to_xlsx(ev, tmp_path / "d.xlsx", lang="da"))["Input"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=1, values_only=True)}
    assert rows["input"][5] == "betydning"
    assert rows["workforce.0.employer"][1] == "SØV'en"
    assert rows["workforce.0.employer"][5] == "arbejdsstyrke, linje 1: arbejdsgiver"
    assert rows["supervision.1.annual_cost"][1:6] == (
        "520.000 kr./år",
        520000.0,
        "kr./år",
        "angivet",
        "arbejdsledelse, stilling 2: årlig udgift",
    )


def test_the_glossary_knows_every_field_a_scenario_may_have() -> None:
    """Every property name of the scenario schema has words in both languages (no key left bare)."""
    from socialpartner._internal.glossary import _FIELDS

    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    names.update(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(sp.scenario_schema())
    assert names - {"set", "expect"} <= set(_FIELDS), sorted(names - set(_FIELDS))
    # a spin-off's year, a change's number, a counterfactual's group and a horizon's count
    assert label("years.2.workforce.0.form", "da") == "år 3: arbejdsstyrke, linje 1: ansættelsesform"
    assert (
        label("horizon.changes.0.set.temp_hours.workers", "da")
        == "tidshorisont: ændring 1: vikartimer: antal fleksjobansatte"
    )
    assert label("public.counterfactual.course participant.parameter", "en") == (
        "public purse: otherwise (without the deal): course participant: rate (parameter)"
    )
    assert label("horizon.years", "da") == "tidshorisont: antal år"


def test_a_labour_shortage_deal_with_no_helper_hours_leaves_the_company_check_unjudged() -> None:
    """62 M1 (and 60 L2): with no helpers the check "pays for the company" was met at a gain of 0.00.

    0 helpers × 20 hours × 52 weeks = 0 paid hours: the value freed, the akkord and the
    cost are all 0.00, so the gain is 0.00 whatever the price. The check is now not
    judged, with the reason; the highest helper price stays None (no hours to price).
    """
    data = yaml.safe_load((ROOT / "examples" / "labour_shortage_site.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["helpers"][0]["headcount"] = 0
    ev = sp.evaluate(sp.from_data(data))
    check = next(c for c in ev.checks if c.criterion == "pays for the company")
    assert check.status == "unknown"
    assert "no helper hours are bought" in str(check.reason)
    assert ev.results()["company_net_gain"] == Decimal("0.00")
    assert ev.results()["max_helper_price"] is None
    # with helpers, judged as before: 4 × 20 h × 52 = 4,160 h paid; 0.8 × 4,160 = 3,328 skilled hours freed;
    # 3,328 × (550 − 120) = 1,431,040 less 320 × 4,160 = 1,331,200 is a gain of 99,840
    judged = sp.evaluate(sp.load(ROOT / "examples" / "labour_shortage_site.yaml"))
    assert next(c for c in judged.checks if c.criterion == "pays for the company").status == "met"
    assert judged.results()["company_net_gain"] == Decimal("99840.00")


def _labour(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "labour_shortage_site.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data.update(changes)
    return data


def _error(data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as exc:
        sp.from_data(data)
    return str(exc.value)


def test_a_missing_field_says_what_it_takes() -> None:
    """62 M3: "price: Field required" said nothing of what to write; now the field's own words and example."""
    data = _labour()
    del data["price"]
    assert "price\n  Field required: money per hour, as a number followed by a unit, e.g. '165 DKK/hour'" in _error(
        data
    )
    data = _labour()
    del data["helpers"][0]["paid_hours"]
    assert "Field required: hours per week, month or year, per person, as a number followed by a unit" in _error(data)
    # a municipality named but without its code: the code of the one municipality the name names
    data = _labour(public={"year": 2026, "municipality": {"name": "Vejle Kommune"}, "weeks_on_support": 4})
    assert "Field required: the kommunekode; Vejle Kommune is 630 (write code: 630)" in _error(data)
    data = _labour(public={"year": 2026, "municipality": {"name": "Jobcenter Nord"}, "weeks_on_support": 4})
    assert "Field required: a Danish kommunekode, e.g. 840 (Rebild)" in _error(data)
    # a union field: what it accepts, in words
    data = _labour(public={"year": 2026, "municipality": {"name": "Vejle Kommune", "code": 630}})
    assert "weeks_on_support\n  Field required: a number of weeks (0 to 2600), or weeks by group" in _error(data)


def test_a_key_written_in_danish_is_pointed_at_its_english_key_once() -> None:
    """62 M3: ``{år: 2028, set: …}`` gave "year: Field required" and "unknown key 'år'": two errors for one word."""
    data = _labour(horizon={"years": 3, "changes": [{"år": 2027, "set": {"price": "300 DKK/hour"}}]})
    message = _error(data)
    assert "unknown key 'år'; did you mean 'year'? (the keys are English: år is year)" in message
    assert "Field required" not in message
    data = _labour()
    data["pris"] = data.pop("price")
    message = _error(data)
    assert "unknown key 'pris'; did you mean 'price'?" in message
    assert "Field required" not in message


def test_a_form_or_role_that_is_none_gets_a_suggestion_and_the_danish_names() -> None:
    """62 M4: ``form: flexjob`` and ``workplace: virksomheden`` got pydantic's bare "Input should be …"."""
    data = _labour()
    data["helpers"][0]["form"] = "flexjob"
    assert "'flexjob' is not a form of employment; did you mean 'fleksjob'? Write fleksjob, småjob" in _error(data)
    data["helpers"][0]["form"] = "forløbsdeltagr"
    assert "did you mean 'course participant'?" in _error(data)
    data["helpers"][0]["form"] = "loentilskud"  # the parameters' spelling (refusion.loentilskud) is the form
    deal = sp.from_data(data)
    assert isinstance(deal, sp.LabourShortagePartnership)
    assert deal.helpers[0].form == "løntilskud"
    data = _labour()
    data["helpers"][0]["workplace"] = "virksomheden"
    assert "'virksomheden' is not a role; did you mean 'company'?" in _error(data)
    data["helpers"][0]["workplace"] = "SØV"
    assert "did you mean 'social_enterprise'? Write social_enterprise (the SØV) or company" in _error(data)


def test_money_per_time_is_said_as_per_week_month_or_year() -> None:
    """62 M2: "money per time" reads as money per hour (time) to a Danish reader, and contradicted itself."""
    data = yaml.safe_load((ROOT / "examples" / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["services"][1]["contract_sum"] = "265 kr./time"
    message = _error(data)
    assert "wrong kind of unit (money per hour): expected money per week, month or year (e.g. '11000 DKK/month'" in (
        message
    )
    assert "per time" not in message


def test_a_danish_label_is_pointed_at_its_key_by_explain_and_solve() -> None:
    """62 M6: ``--explain dækningsprocent`` and ``--target dækningsprocent=1`` listed 40 English names only."""
    labour = str(ROOT / "examples" / "labour_shortage_site.yaml")
    out = runner.invoke(app, ["evaluate", labour, "--explain", "dækningsprocent"]).output
    assert "did you mean 'coverage' (dækningsprocent in the Danish output)?" in out
    out = runner.invoke(app, ["evaluate", labour, "--explain", "Virksomhedens  nettogevinst"]).output
    assert "did you mean 'company_net_gain'" in out
    with pytest.raises(sp.SolveError, match=r"did you mean 'coverage' \(dækningsprocent in the Danish output\)"):
        sp.solve(sp.load(ROOT / "examples" / "ikea_rebild.yaml"), "courses.price", "dækningsprocent", 1)


def test_a_fix_is_written_as_the_file_writes_numbers() -> None:
    """62 L1: in a ``number_format: da`` file, "give its FTE (e.g. 0.8)" suggested what that file refuses."""
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["support_staff"][0]["fte"] = 0
    assert "give its FTE (e.g. fte: 0.8)" in _error(data)
    data["number_format"] = "da"
    assert 'give its FTE (e.g. fte: "0,8")' in _error(data)


def test_a_grid_sweep_is_summarised_by_its_lowest_and_highest_not_quantiles() -> None:
    """62 L4: a grid of 6 evenly spaced prices was summarised by "5 %" and "95 %" columns, read as likelihoods.

    Labour shortage, price 200..300 in 6 steps (200, 220, …, 300): the SØV's surplus is
    4,160 h × price − 686,400 wages − 500,000 support, lowest at 200 (−354,400.00) and highest at
    300 (61,600.00); the signed row says a negative surplus is a shortfall.
    """
    labour = str(ROOT / "examples" / "labour_shortage_site.yaml")
    out = runner.invoke(app, ["sweep", labour, "--vary", "price=200..300:6"], env={"COLUMNS": "160"}).output
    assert "Lowest" in out
    assert "Highest" in out
    assert "95 %" not in out
    row = next(line for line in out.splitlines() if "surplus (negative: shortfall)" in line)
    cells = [c.strip() for c in row.strip("│ ").split("│")]
    assert (cells[2], cells[4]) == ("-354,400.00", "61,600.00"), row


def test_an_unknown_code_beside_a_municipality_name_is_given_the_name_s_code() -> None:
    """62 L3: ``{name: Vejle Kommune, code: 631}`` was told of 840 and 851, not of Vejle's 630."""
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["municipality"] = {"name": "Vejle Kommune", "code": 631}
    assert "municipality.code\n  631 is not a Danish kommunekode; Vejle Kommune is 630 (write code: 630)" in _error(
        data
    )
    data["municipality"] = {"name": "Jobcenter Nord", "code": 631}  # a name that names none: the examples
    assert "631 is not a Danish kommunekode: expected one of the 98 codes, e.g. 840 (Rebild)" in _error(data)
    data["municipality"] = {"name": "Vejle Kommune", "code": True}  # not a number: the field's own check
    with pytest.raises(ValidationError) as exc:
        sp.from_data(data)
    assert exc.value.errors()[0]["loc"] == ("municipality", "code")


def test_sweep_solve_and_agreement_errors_carry_the_input_they_are_about() -> None:
    """59 L7: a batch job had to parse messages to find which input failed; the errors now carry ``.path``."""
    import pickle

    deal = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    with pytest.raises(sp.SweepError) as sweep_error:
        sp.sweep(deal, {"courses.price": [-1, 2]})
    assert sweep_error.value.path == "courses.price"
    with pytest.raises(sp.SweepError) as unknown:
        sp.sweep(deal, {"courses.prise": [1, 2]})
    assert unknown.value.path == "courses.prise"
    with pytest.raises(sp.SolveError) as solve_error:  # no price covers 10 × the support staff
        sp.solve(deal, "temp_hours.overhead", "coverage", 10, high=100)
    assert solve_error.value.path == "temp_hours.overhead"
    with pytest.raises(sp.SolveError) as target_error:  # about the target, not an input
        sp.solve(deal, "courses.price", "coverage", 100)
    assert target_error.value.path is None
    with pytest.raises(sp.AgreementError) as agreement_error:
        sp.agreement(deal, ["courses.prise"])
    assert agreement_error.value.path == "courses.prise"
    # pickled with its path (a sweep in a process pool reports its errors)
    for error in (sweep_error.value, solve_error.value, agreement_error.value, target_error.value):
        again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own objects
        assert (type(again), str(again), again.path) == (type(error), str(error), error.path)
    # a ResultError (a SolveError about a result's name) keeps its own fields
    result_error = sp.ResultError("coverge", "unknown result 'coverge'")
    assert result_error.path is None
    assert pickle.loads(pickle.dumps(result_error)).name == "coverge"  # noqa: S301 - our own objects


def test_a_counterfactual_group_with_former_participants_says_who_they_are() -> None:
    """61 L2: "3,3 personer ville ellers modtage …" in 2027, with 3 course places, was never explained.

    The three-year example: 3 participants finish a 12-month course each year; 13 % move into
    fleksjob and 3 % into ordinary jobs, against 5 % and 1 % in the comparison group. Those who
    moved in 2026 count from 2027: 3 × (0.13 − 0.05) + 3 × (0.03 − 0.01) = 0.24 + 0.06 = 0.30
    beyond the comparison group, so 3 + 0.3 = 3.3 would otherwise receive the benefit in 2027,
    and 3 + 0.6 = 3.6 in 2028 (two years of movers). 2026 has no former participants: no sentence.
    """
    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    said = {part.ledger.period: [str(s) for s in part.public.counterfactual] for part in ev.breakdown if part.public}
    for year, people, former in (("2027", "3.3", "0.3"), ("2028", "3.6", "0.6")):
        assert (
            f"course participant: of the {people} people, 3 are in the deal and {former} are former course "
            "participants in work beyond the comparison group" in " ".join(said[year])
        ), said[year]
    assert not any("former course participants in work" in s for s in said["2026"])
    da = runner.invoke(
        app, ["evaluate", str(ROOT / "examples" / "ikea_rebild_3_years.yaml"), "--lang", "da"], env={"COLUMNS": "300"}
    ).output
    assert "forløbsdeltager: af de 3,3 personer er 3 i aftalen og 0,3 tidligere forløbsdeltagere" in da


def test_review63_the_danish_outputs_read_as_a_committee_reads_them(tmp_path: Path) -> None:
    """Review 63 (a proofreader for Beskæftigelsesudvalget), its first findings.

    No. 1: the net effect's sign is read: the three-year example's municipality −475,880.49
    is an extra cost (merudgift), the state's 184,009.48 a saving (besparelse); the label says
    "+ besparelse, − merudgift". No. 2/3: inputs per person, per participant and per year say
    so, and a period is each year's. No. 5: compare shows coded values in words. Nos. 10-13, 17,
    20: words that misled (strøm, bibliotekets, modtager − betaler, refusion as one rate).
    """
    three = ROOT / "examples" / "ikea_rebild_3_years.yaml"
    ev = sp.evaluate(sp.load(three))
    page = sp.report_html(ev, lang="da", charts=False).replace("\xa0", " ")
    assert "-475.880,49 kr.</span> (merudgift)" in page
    assert "184.009,48 kr. (besparelse)" in page
    assert "nettovirkning (ellers − med; + besparelse, − merudgift)" in page
    assert "<td>courses.price</td><td>forløb: pris pr. deltager</td>" in page
    assert "<td>temp_hours.effective_hours</td><td>vikartimer: effektive timer pr. medarbejder</td>" in page
    assert "<td>horizon.wage_growth</td><td>tidshorisont: årlig lønstigning</td>" in page
    assert "<td>period</td><td>beregningsperiode (hvert års ved flere år)</td>" in page
    assert "<td>ledighedsydelse (benefit.ledighedsydelse)</td>" in page
    assert "strøm" not in page.replace("pengestrøm", "")
    out = runner.invoke(
        app,
        [
            "compare",
            str(ROOT / "examples" / "in_house_packing.yaml"),
            str(ROOT / "examples" / "supplier_facility.yaml"),
            "--lang",
            "da",
        ],
        env={"COLUMNS": "200"},
    ).output
    assert re.search(r"│ model\s+│ in-house \(SØV'en hos virksomheden\)\s+│ leverandør\s+│", out), out
    assert re.search(r"│ workforce\.0\.workplace\s+│ virksomheden\s+│ SØV'en\s+│", out), out
    da = runner.invoke(app, ["evaluate", str(three), "--lang", "da"], env={"COLUMNS": "200"}).output
    assert "Offentlige kasser (2027-parametre; gennemsnitlig refusion" in da
    assert "efter lov om en satsreguleringsprocent §§ 2-4 fastsættes den ud fra lønstigningen" in " ".join(da.split())
    net = runner.invoke(
        app, ["evaluate", str(ROOT / "examples" / "ikea_rebild.yaml"), "--lang", "da", "--explain", "net.company"]
    ).output
    assert "= modtaget − betalt" in net
    calendar = runner.invoke(
        app, ["evaluate", str(ROOT / "examples" / "ikea_rebild.yaml"), "--lang", "da", "--explain", "fte"]
    ).output
    assert "beregningens kalender" in calendar
    assert "bibliotekets" not in calendar


def test_a_several_year_sweep_says_its_jobs_are_the_last_year_s_and_its_coverage_the_total() -> None:
    """Review 63 nos. 21-22: a three-year sweep's "job (antal) 4" sat among three-year sums, and "dækket i
    50 % af varianterne" hid a year that falls short. The jobs now say 2028, the coverage line the years."""
    three = str(ROOT / "examples" / "ikea_rebild_3_years.yaml")
    out = runner.invoke(
        app, ["sweep", three, "--vary", "temp_hours.overhead=10..40:4", "--lang", "da"], env={"COLUMNS": "200"}
    ).output
    assert "job i 2028 (antal)" in out
    assert "job i 2028 (årsværk)" in out
    assert (
        "Støttepersonalet er dækket samlet over 2026–2028 i 50,0 % af varianterne (ikke nødvendigvis hvert år)" in out
    )
    one = runner.invoke(
        app, ["sweep", str(ROOT / "examples" / "ikea_rebild.yaml"), "--vary", "courses.price=11000..13000:3"]
    )
    assert "Support staff covered in " in one.output
    assert "jobs (headcount)" in one.output


def test_a_parameter_source_in_a_danish_explanation_has_danish_numbers() -> None:
    """Review 63 no. 6: ``--explain … --lang da`` cited "(real rate: 3.5 % in years 0-35)", read as 35 %."""
    out = runner.invoke(
        app,
        [
            "evaluate",
            str(ROOT / "examples" / "ikea_rebild_3_years.yaml"),
            "--lang",
            "da",
            "--explain",
            "npv.public.municipality",
        ],
        env={"COLUMNS": "300"},
    ).output
    assert "(real rate: 3,5 % in years 0-35)" in out
    assert "3.5 %" not in out


def test_an_estimate_s_source_says_in_danish_that_no_published_rate_was_found() -> None:
    """Review 63 no. 7: "Not found: 12.770 × 1,045 = 13.344,65 …" read like a program error on a Danish page."""
    from socialpartner._internal.i18n import Translator

    da = Translator("da")
    assert da.source("Not found: 12,770 × 1.045 = 13,344.65, rounded (lov om aktiv socialpolitik kapitel 4)") == (
        "offentliggjort sats ikke fundet (skøn): 12.770 × 1,045 = 13.344,65, rounded (lov om aktiv socialpolitik "
        "kapitel 4)"
    )
    assert da.source("Not found in a public rate table: assumed").startswith("ikke fundet i en offentlig satstabel")
    assert Translator("en").source("Not found: 1.5") == "Not found: 1.5"
    page = sp.report_html(sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml")), lang="da", charts=False)
    assert "Not found" not in page
    assert "offentliggjort sats ikke fundet (skøn): 12.770 × 1,045 = 13.344,65" in page


def test_a_counterfactual_benefit_is_named_in_words_beside_its_parameter() -> None:
    """Review 63 no. 4: "(parameter benefit.ledighedsydelse)" was the benefit's only name in a Danish sentence."""
    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    said = " ".join(str(s) for s in ev.breakdown[0].public.counterfactual)  # type: ignore[union-attr]
    assert "(ledighedsydelse: parameter benefit.ledighedsydelse)" in said
    from socialpartner._internal.i18n import Translator

    danish = " ".join(Translator("da")(s) for s in ev.breakdown[0].public.counterfactual)  # type: ignore[union-attr]
    assert "(kontanthjælp (forhøjet sats): parameter benefit.kontanthjaelp.forhoejet_sats)" in danish


def test_the_workbook_s_break_even_sheet_gives_the_covering_price_too(tmp_path: Path) -> None:
    """Review 63 no. 23: the Break-even sheet gave 12,033.33 with no note; copied alone, it falls short.

    The one-year example: (480,000 − 46,800 overhead) / 36 participant-months = 12,033.333…, rounded
    half up to 12,033.33 (36 × 12,033.33 = 433,199.88, 0.12 short); the least price that covers
    is 12,033.34. The new last column reads it from the period sheet (computed here with pycel).
    """
    from .test_export import Book

    path = sp.to_xlsx(sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild.yaml")), tmp_path / "deal.xlsx")
    book = Book(path)
    ws = book.wb["Break-even"]
    assert [c.value for c in ws[1]] == ["Period", "Price", "Break-even", "unit", "input", "least price that covers"]
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[4].value == "courses.price")
    assert round(book.value("Break-even", f"C{row}"), 2) == 12033.33
    assert round(book.value("Break-even", f"F{row}"), 2) == 12033.34


def test_the_report_heads_its_balances_and_reads_its_jobs_headline_in_order() -> None:
    """Review 63 nos. 18, 24: the balances sat under "Hvem betaler hvem" with no heading of their own; the
    supplier's "25 (23 inkluderende, 11,11 årsværk) · 13,11 årsværk" gave two FTE with no hint which is which.

    Supplier example: 20 fleksjob × 15 h + 3 apprentices × 37 h + 2 ordinary × 37 h = 485 h a week / 37
    = 13.11 FTE for 25 jobs; the inclusive ones (all but the 2 ordinary) 411 / 37 = 11.11 FTE for 23.
    """
    ev = sp.evaluate(sp.load(ROOT / "examples" / "supplier_facility.yaml"))
    page = sp.report_html(ev, lang="da", charts=False)
    assert "25 · 13,11 årsværk (heraf 23 inkluderende, 11,11 årsværk)" in page
    assert "<h2>Saldo pr. part</h2>" in page


def test_explain_topics_in_danish_give_each_key_its_danish_label() -> None:
    """Review 63 no. 9: ``--explain topics --lang da`` listed keys and English phrases only."""
    one = str(ROOT / "examples" / "ikea_rebild.yaml")
    da = runner.invoke(app, ["evaluate", one, "--explain", "topics", "--lang", "da"]).output.splitlines()
    assert "coverage — dækningsprocent" in da
    assert "overhead on temp hours — overhead på vikartimer" in da
    assert "courses.price" in da  # an input path: no label to add
    en = runner.invoke(app, ["evaluate", one, "--explain", "topics"]).output.splitlines()
    assert "coverage" in en  # in English the keys alone, one a line, as before
    three = str(ROOT / "examples" / "ikea_rebild_3_years.yaml")
    years = runner.invoke(app, ["evaluate", three, "--explain", "topics", "--lang", "da"]).output.splitlines()
    assert "2027:coverage — 2027: dækningsprocent" in years


def test_a_loentilskud_line_without_a_public_view_says_its_subsidy_is_not_counted() -> None:
    """Review 64 F2: without ``public:``, a løntilskud line's employer subsidy is left out, silently.

    The subsidy is the municipality's payment, a flow of the public view: with two løntilskud workers at
    30 hours a week, 2 × 30 × 52 = 3,120 hours × 96.27 DKK (2026) = 300,362.40 DKK a year the SØV receives
    once ``public:`` is added. Without it, a statement says so and names the line.
    """
    data = yaml.safe_load((ROOT / "examples" / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["workforce"][1].update(form="løntilskud", headcount=2, paid_hours="30 hour/week")
    ev = sp.evaluate(sp.from_data(data))
    said = [str(s) for s in ev.statements if str(s).startswith("løntilskud (workforce.1)")]
    assert said == [
        "løntilskud (workforce.1): the employer's wage subsidy is not counted, as the municipality pays it in the "
        "public view only; add a public: block to count it (it lowers the employer's costs, and the prices that "
        "cover them)"
    ]
    data["public"] = {"year": 2026, "weeks_on_support": 104, "municipality": {"name": "Kolding Kommune", "code": 621}}
    counted = sp.evaluate(sp.from_data(data))
    assert not any("is not counted" in str(s) for s in counted.statements)
    subsidy = sum(t.amount for t in counted.ledger if t.purpose.startswith("løntilskud"))
    assert subsidy == Decimal("300362.40")


def _kpis(page: str) -> list[str]:
    import html

    return [
        " ".join(html.unescape(re.sub("<[^>]+>", " ", k)).split())
        for k in re.findall(r'<div class="kpi[^"]*">(.*?)</div>', page)
    ]


def test_the_report_headline_gives_the_company_s_side() -> None:
    """Review 64 F1, F7: the headline had no figure for the company, and a supplier's jobs were the SØV's
    whole workforce (all customers), which a CSR writer copied as the purchase's.

    Supplier example: the company buys 80 % of the SØV's revenue, so 0.8 × 23 inclusive jobs = 18.40
    and 0.8 × 11.11 FTE = 8.89 are attributable. In-house example: the company saves 862,000.00 against
    its own staff (its expect: block).
    """
    supplier = sp.report_html(sp.evaluate(sp.load(ROOT / "examples" / "supplier_facility.yaml")), charts=False)
    kpis = _kpis(supplier)
    assert "Jobs at the SØV, all its customers 25 · 13.11 FTE (of which 23 inclusive, 11.11 FTE)" in kpis
    assert "CSR: inclusive jobs attributable 18.40 · 8.89 FTE" in kpis
    in_house = sp.report_html(
        sp.evaluate(sp.load(ROOT / "examples" / "in_house_packing.yaml")), lang="da", charts=False
    )
    assert "virksomhedens besparelse 862.000,00 kr." in _kpis(in_house)


def test_a_several_year_report_headline_gives_the_company_s_total_gain() -> None:
    """Review 64 F7, over three years: the in-house example with 3 % wage and 2 % price growth.

    2026: 862,000.00 (the one-year example's saving). Each later year grows its parts; the total over
    2026–2028 is the ``total.company_saving`` figure, and the headline shows it with its years.
    """
    data = yaml.safe_load((ROOT / "examples" / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"] = {"years": 3, "start_year": 2026, "wage_growth": "3 %", "price_growth": "2 %"}
    ev = sp.evaluate(sp.from_data(data))
    assert ev.breakdown[0].results()["company_saving"] == Decimal("862000.00")
    total = ev.results()["total.company_saving"]
    yearly = [part.result("company_saving") for part in ev.breakdown]
    assert total == sum(yearly, Decimal(0))
    shown = f"{total:,.2f}"
    kpis = _kpis(sp.report_html(ev, charts=False))
    assert f"gain of Nordisk Detail A/S against its alternative over all years (2026–2028) {shown} DKK" in kpis


def test_a_horizon_without_wage_growth_says_its_wages_stay_flat_while_benefits_rise() -> None:
    """Review 64 F5: with no ``wage_growth`` the wages stay at 2026's while ledighedsydelse rises with the
    parameters' years (4,530 DKK a week in 2026, 4,715 in 2027): the municipality's net effect moves from
    mixed price levels. A statement says so; with wage growth (the example's 2 %) there is none."""
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"].pop("changes")
    grown = sp.evaluate(sp.from_data(data))
    assert not any("has no wage_growth" in str(s) for s in grown.statements)
    data["horizon"].pop("wage_growth")
    flat = sp.evaluate(sp.from_data(data))
    assert (
        "the horizon has no wage_growth: the scenario's wages stay at their 2026 level, while the benefits compared "
        "against (fleksjob, course participant) rise with the parameters' years to 2028"
    ) in " ".join(str(s) for s in flat.statements)


def test_a_public_payer_s_ledger_present_value_says_it_is_its_payments_only() -> None:
    """Review 64 F8: "nutidsværdi af nettoresultatet for Rebild Kommune" (−3.5 M) beside "… nettovirkningen for
    kommunen" (+) read as one figure of two signs. The ledger one now says it counts the deal's payments only."""
    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    labels = {f.key: str(f.label) for f in ev.figures}
    assert labels["npv.municipality"] == (
        "present value of the net of Rebild Kommune (its payments in the deal only, before the benefits it saves)"
    )
    assert labels["npv.company"] == "present value of the net of IKEA"  # a party with no public view: as before


def test_a_fractional_headcount_names_the_number_given() -> None:
    """Review 64 F10: ``alternative.staff: 5.5`` got a bare "Input should be a whole number"."""
    data = yaml.safe_load((ROOT / "examples" / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["alternative"]["staff"] = 5.5
    assert "alternative.staff\n  Input should be a whole number, got 5.5" in _error(data)


def test_a_one_year_horizon_report_headline_gives_the_company_s_gain_too() -> None:
    """A horizon of one year is a multi-period result: its company gain is ``total.company_saving``
    (862,000.00, the one-year example's), which the headline missed by looking for ``company_saving``."""
    data = yaml.safe_load((ROOT / "examples" / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"] = {"years": 1, "start_year": 2026}
    ev = sp.evaluate(sp.from_data(data))
    assert ev.results()["total.company_saving"] == Decimal("862000.00")
    assert "gain of Nordisk Detail A/S against its alternative over all years 862,000.00 DKK" in _kpis(
        sp.report_html(ev, charts=False)
    )
