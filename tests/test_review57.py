"""Review 57: an evaluator's notebook session (Aarhus), on the in-house and three-party models."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.i18n import Translator
from socialpartner.cli import app

from .conftest import ROOT
from .test_review53 import DEAL

runner = CliRunner()


def test_an_agreement_point_on_a_lower_limit_says_the_gain_grows_as_the_input_falls() -> None:
    """M1: the SØV's gain falls as the wage cost rises (its boundary: … − hours·wage_cost).

    In-house packing: the SØV's surplus is −cost + hours·price − hours·wage_cost, so its gain
    grows towards the *lower* limit of a varied wage cost. The note said "keeps growing with
    workforce.0.wage_cost", the opposite direction.
    """
    zone = sp.agreement(sp.load(ROOT / "examples" / "in_house_packing.yaml"), ["price", "workforce.0.wage_cost"])
    edge = [n for n in zone.notes if "lower limit of workforce.0.wage_cost" in n]
    assert edge, zone.notes
    assert all("keeps growing as workforce.0.wage_cost falls," in n for n in edge)
    assert not any("growing with" in n for n in zone.notes)
    assert "bliver ved med at vokse, når workforce.0.wage_cost falder," in zone.text("da")


def test_an_in_house_alternative_of_hours_without_staff_is_said() -> None:
    """L4: 11,232 hours of the company's own staff and ``staff: 0`` made the turnover cost 0 in silence.

    With staff 0 the turnover line is 0 × 55 % × 30,000 = 0.00; the saving counts no turnover.
    """
    data = yaml.safe_load((ROOT / "examples" / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["alternative"]["staff"] = 0
    ev = sp.evaluate(sp.from_data(data))
    said = [s for s in ev.statements if "alternative.staff is 0" in s]
    assert len(said) == 1, ev.statements
    hours = next(f for f in ev.figures if f.key == "before_staff_turnover")
    assert hours.value == Decimal("0.00")
    assert "men alternative.staff er 0" in Translator("da")(said[0])
    # a several-year deal says it beside its totals, with the year
    data["horizon"] = {"years": 2, "start_year": 2026}
    years = sp.evaluate(sp.from_data(data))
    assert next(s for s in years.statements if "alternative.staff is 0" in s).startswith("2026: ")
    # staff stated: nothing said
    assert not any(
        "alternative.staff" in s for s in sp.evaluate(sp.load(ROOT / "examples" / "in_house_packing.yaml")).statements
    )


def test_two_lines_of_one_form_are_told_apart_by_their_line() -> None:
    """Review 56 F8: two fleksjob lines gave two identical rows, "løn (fleksjob)" and "fleksløntilskud",
    in the ledger, the public view, the report and the workbook: a committee could not match a row to its
    line. Each is now named by its line's path (as the scenario writes it); a single line is as before.

    The deal of review 53: 10 fleksjob at 12 h/week and 180 DKK/h, 4 at 25 h/week and 200 DKK/h, one
    løntilskud line. Wages: 10 × 12 × 52 × 180 = 1,123,200.00 and 4 × 25 × 52 × 200 = 1,040,000.00.
    """
    ev = sp.evaluate(sp.from_data(DEAL))
    purposes = {t.purpose: t.amount for t in ev.ledger}
    assert purposes["wages (fleksjob, workforce.0)"] == Decimal("1123200.00")
    assert purposes["wages (fleksjob, workforce.1)"] == Decimal("1040000.00")
    assert "wages (løntilskud)" in purposes  # one line of its form: no path
    assert purposes["fleksløntilskud (workforce.1)"] == Decimal("434304.00")  # 9,048 × 12 × 4 (review 53)
    assert "løntilskud" in purposes
    items = [line.item for line in ev.public.lines]  # type: ignore[union-attr]
    assert items.count("fleksløntilskud (workforce.0)") == 1
    assert items.count("state refusion on fleksløntilskud (workforce.1)") == 2  # the municipality's and the state's
    da = Translator("da")
    assert da("wages (fleksjob, workforce.1)") == "løn (fleksjob, workforce.1)"
    assert da("state refusion on fleksløntilskud (workforce.1)") == "statslig refusion af fleksløntilskud (workforce.1)"
    html = sp.report_html(ev, lang="da")
    assert "statslig refusion af fleksløntilskud (workforce.0)" in html


def test_explanations_and_test_lines_wrap_at_the_terminal_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review 56 F7: ``--explain`` wrote lines of 150-250 characters whatever COLUMNS was, and the
    terminal broke them anywhere, inside numbers too. Now they wrap at words, a continuation 8 in from
    its line (below the inputs, 4 in from their term); piped without COLUMNS each stays one line."""
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data["public"]["tax"] = {}
    data.pop("expect")
    path = tmp_path / "taxed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    args = ["evaluate", str(path), "--explain", "2027:public.municipality", "--lang", "da"]
    narrow = runner.invoke(app, args, env={"COLUMNS": "70"})
    assert narrow.exit_code == 0, narrow.output
    lines = narrow.output.splitlines()
    assert max(len(line) for line in lines) <= 70
    tax = next(i for i, line in enumerate(lines) if line.startswith("  skat: kommuneskat = 24.157,42"))
    assert lines[tax + 1].startswith("        ")  # its formula continues 8 in
    assert not any(
        re.search(r"\d\s*$", line) and lines[i + 1].lstrip()[:1] in {"k", "%"} for i, line in enumerate(lines[:-1])
    )  # never a number at a line's end with its unit on the next
    piped = runner.invoke(app, args)
    assert any(len(line) > 300 for line in piped.output.splitlines())  # the tax line whole, for grep
    data["expect"] = {"coverage": 1}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # a short path: a file's name is not broken
    failed = runner.invoke(app, ["test", path.name], env={"COLUMNS": "60"})
    assert failed.exit_code == 1
    assert max(len(line) for line in failed.output.splitlines()) <= 60


def test_a_parent_buying_a_hair_over_the_threshold_is_judged_exactly() -> None:
    """Review 58 L1: the stand-alone check compared the parent's share rounded to 4 decimals.

    2028 of the spin-off example with the parent buying 1,500,299 and others 1,500,000: its share is
    1,500,299 / 3,000,299 = 50.004983 %, shown as 0.5000 but more than the 50 % threshold: not met
    (it was "met … not dependent on the parent"). At 1,500,000 / 3,000,000 = 50 % exactly it is met.
    """
    data = yaml.safe_load((ROOT / "examples" / "spin_off_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["years"][2]["other_revenue"] = "1500000 DKK/year"
    data["years"][2]["parent_purchases"] = "1500299 DKK/year"
    year = sp.evaluate(sp.from_data(data)).breakdown[2]
    assert year.ledger.period == "2028"
    assert next(f.value for f in year.figures if f.key == "parent_share") == Decimal("0.5000")
    assert year.checks[0].status == "not met"
    assert year.checks[0].reason == "the parent buys more than 50.00 % of its sales"
    data["years"][2]["parent_purchases"] = "1500000 DKK/year"
    whole = sp.evaluate(sp.from_data(data))
    assert whole.breakdown[2].checks[0].status == "met"
    assert next(f.value for f in whole.figures if f.key == "stand_alone_year") == Decimal("2028")


def _three_site_years(change: dict[str, str]) -> dict[str, Any]:
    """The labour-shortage example over 2026-2028 (wages +3 %, prices +2 %, akkord 120), ``change`` set from 2027."""
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "labour_shortage_site.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["akkord_rate"] = "120 DKK/hour"
    growth = {"wage_growth": "3 %", "price_growth": "2 %"}
    data["horizon"] = {"years": 3, "start_year": 2026, **growth, "changes": [{"year": 2027, "set": change}]}
    return data


def test_an_akkord_past_a_value_a_change_sets_names_the_change() -> None:
    """Review 58 M2: a change setting the skilled hour's value below that year's grown akkord was said to be
    the growth rates' doing ("grown with price_growth (121.00) … check the growth rates"); 121 was set by
    the change, not grown. The akkord 120 grown 3 % to 2027 is 123.60, above the 121.00 the change sets."""
    ev = sp.evaluate(sp.from_data(_three_site_years({"skilled_hour_value": "121 DKK/hour"})))
    said = next(s for s in ev.statements if "akkord rate" in s)
    assert said.startswith(
        "from 2027, the akkord rate grown with wage_growth (123.60 DKK/hour that year) exceeds the skilled hour "
        "value as horizon.changes.0 sets it (121.00 DKK/hour)"
    )
    assert said.endswith("(years: 2027, 2028); check horizon.changes.0")
    assert "værdien af en faglært time, som horizon.changes.0 sætter den (121,00 kr./time)" in Translator("da")(said)


def test_a_split_the_zone_cannot_hold_is_said_to_lie_outside_it() -> None:
    """Review 58 M1: with the price set by a change from 2027, only 2026's price moves; per year the zone is
    285.20-344.00. The SØV's gain over the three years is 4,160·p − 1,186,400 + 171,608.00 + 162,820.24,
    the company's 1,431,040 − 4,160·p + 62,067.20 + 59,195.14: equal at 8,320·p = 2,404,274.10, p =
    288.975…, on the grid 288.98 (gains 350,185.04 and 350,145.54), inside the zone: no note. The
    proportional split lies below 285.20: its suggestion is the zone's end, its gains not in proportion,
    and a note now says so (the rule's name alone claimed the split)."""
    zone = sp.agreement(sp.from_data(_three_site_years({"price": "335 DKK/hour"})), ["price"], basis="per_year")
    equal, proportional = zone.suggestions
    assert equal.point == (Decimal("288.98"),)
    assert list(equal.gains.values()) == [Decimal("350185.04"), Decimal("350145.54")]
    assert proportional.point == (Decimal("285.20"),)
    outside = [n for n in zone.notes if n.startswith("no point of the zone splits the gains as")]
    assert len(outside) == 1
    assert "gains proportional to what each party brings" in outside[0]
    assert "ligger uden for zonen" in zone.text("da")


def test_a_counterfactual_rate_is_shown_as_the_amount_uses_it() -> None:
    """Review 58 L3: "20.983,32 kr./md." × 12 × 5 did not give the amount beside it (1.258.999,30): the rate
    is used unrounded. In the three-year example the 2027 ledighedsydelse is a weekly rate, 4,715 DKK ×
    52 / 12 = 20,431.666… a month: shown ≈ 20,431.6667, and × 12 × 4 = 980,720.00, the amount beside it.
    A rate that ends within 4 decimals is shown as it is (2028: 20,840.30)."""
    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    said = [s for part in ev.breakdown for s in part.public.counterfactual if s.startswith("fleksjob")]  # type: ignore[union-attr]
    assert said[1] == (
        "fleksjob: 4 people would otherwise receive ≈\xa020,431.6667\xa0DKK/month "
        "(ledighedsydelse: parameter benefit.ledighedsydelse) from the municipality, 980,720.00 DKK over the period"
    )
    assert "receive 20,840.30 DKK/month" in said[2]
    assert "ville ellers modtage ≈\xa020.431,6667\xa0kr./md." in Translator("da")(said[1])


def test_agree_names_the_input_nearest_a_misspelt_one() -> None:
    """Review 58 L6: ``agree --vary prise`` said only "no input 'prise'"; solve and sweep name the nearest."""
    with pytest.raises(sp.AgreementError, match=r"no input 'prise' in this scenario; did you mean 'price'\?"):
        sp.agreement(sp.load(ROOT / "examples" / "labour_shortage_site.yaml"), ["prise"])


def test_a_spin_offs_two_lines_of_one_form_keep_one_name_every_year() -> None:
    """A spin-off's lines are in each year's own list (years.2.workforce.1): a payment is named by the
    list and the line, workforce.1, so that the same line is one row over the years, and the name
    reads in Danish."""
    data = yaml.safe_load((ROOT / "examples" / "spin_off_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    for year in data["years"]:
        year["workforce"].append(
            {"form": "fleksjob", "headcount": 2, "paid_hours": "20 hour/week", "wage_cost": "180 DKK/hour"}
        )
    data["municipality"] = {"name": "Aalborg Kommune", "code": 851}
    data["public"] = {
        "year": 2026,
        "weeks_on_support": 104,
        "counterfactual": {"fleksjob": {"parameter": "benefit.ledighedsydelse"}},
    }
    ev = sp.evaluate(sp.from_data(data))
    for part in ev.breakdown:
        purposes = {t.purpose for t in part.ledger}
        assert {"wages (fleksjob, workforce.0)", "wages (fleksjob, workforce.1)"} <= purposes
        assert {"fleksløntilskud (workforce.0)", "state refusion on fleksløntilskud (workforce.1)"} <= purposes
    # 2 × 20 h/week × 52 × 180 = 374,400.00 every year
    assert {t.amount for t in ev.ledger if t.purpose.endswith("wages (fleksjob, workforce.1)")} == {
        Decimal("374400.00")
    }
    da = Translator("da")
    assert da("state refusion on fleksløntilskud (workforce.1)") == "statslig refusion af fleksløntilskud (workforce.1)"


def test_a_tornado_over_a_model_figure_gives_the_company_side() -> None:
    """Review 57 M2: ``tornado(..., result="company_saving")`` was refused ("no result"): the company's
    side of an in-house deal had no sensitivity. Now its values are evaluated exactly.

    In-house example: the company's saving falls by its 20,800 hours a year for each DKK/hour of price:
    862,000.00 at 220 DKK/hour, 862,000 − 20,800 × 25 = 342,000.00 at 245. It crosses 0 at 220 +
    862,000 / 20,800 = 261.4423…: 261.44 keeps a saving of 48.00, 261.45 does not (−160.00), so the
    switching value (the largest value that meets it, the saving falling) is 261.44 DKK/hour.
    """
    deal = sp.load(ROOT / "examples" / "in_house_packing.yaml")
    table = sp.tornado(deal, {"price": ("220 DKK/hour", "300 DKK/hour")}, result="company_saving")
    row = table.iloc[0]
    assert row["company_saving [DKK] at low"] == 862000.0
    assert row["company_saving [DKK] at high"] == 862000.0 - 20800 * 80
    assert row["switching value (company_saving = 0 DKK)"] == "261.44 DKK / hour"
    assert sp.evaluate(paths_replace(deal, "261.44 DKK/hour")).result("company_saving") == Decimal("48.00")
    # the column may be named as sweeps name a result; an unknown name is still refused with the columns
    named = sp.tornado(deal, {"price": ("220 DKK/hour", "245 DKK/hour")}, result="company_saving [DKK]")
    assert named.iloc[0]["company_saving [DKK] at high"] == 342000.0
    with pytest.raises(sp.SweepError, match="no result 'company_savings'; did you mean"):
        sp.tornado(deal, {"price": ("220 DKK/hour", "245 DKK/hour")}, result="company_savings")


def paths_replace(deal: Any, price: str) -> Any:
    from socialpartner._internal import paths

    return paths.replace(deal, "price", sp.Q_(price))


def test_a_scenarios_mappings_are_frozen_too() -> None:
    """Review 59 H1: ``parameters``, a change's ``set``, ``counterfactual``, ``weeks_on_support`` and a tolerance
    by result were plain dicts in a frozen scenario: changing one in place changed the input hash and
    ``to_dict()`` of an evaluation already made, not its figures. Each is now refused; copies, pickles,
    saves and hashes are as before."""
    import copy
    import pickle

    deal = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml")
    ev = sp.evaluate(deal)
    before = ev.manifest.input_sha256
    assert deal.horizon is not None
    assert deal.public is not None
    mappings: list[Any] = [deal.horizon.changes[0].set, deal.public.counterfactual, deal.parameters]
    for mapping in mappings:
        with pytest.raises(TypeError, match="a scenario is frozen: its mappings cannot be changed in place"):
            mapping["temp_hours.workers"] = 8
        with pytest.raises(TypeError):
            mapping.update({})
    assert ev.manifest.input_sha256 == before
    assert pickle.loads(pickle.dumps(deal)) == deal  # noqa: S301 - our own bytes
    assert copy.deepcopy(deal) == deal
    assert sp.loads(sp.dumps(deal)) == deal
    assert hash(copy.deepcopy(deal)) == hash(deal)
    changed = deal.model_copy(update={"parameters": {"refusion.after_52_weeks": "25 %"}})
    assert dict(changed.parameters) == {"refusion.after_52_weeks": sp.Q_("25 percent")}
    with pytest.raises(TypeError):
        changed.parameters.clear()
    expect = deal.model_copy(update={"expect": {"coverage": 0.94, "tolerance": {"coverage": 0.01}}}).expect
    assert expect is not None
    tolerance: Any = expect.tolerance
    with pytest.raises(TypeError):
        tolerance["coverage"] = 0.5


def test_amounts_are_kept_to_two_places_and_never_negative_zero() -> None:
    """Review 59 L3: ``Transfer`` kept ``1E+2`` and ``-0.00`` as given; ``to_ore(Decimal("-0.004"))`` was ``-0.00``.

    And L1: ``sp.MODELS`` was a dict anyone could add to, changing what ``load`` accepts process-wide."""
    with pytest.raises(TypeError):
        sp.MODELS["x"] = sp.SupplierPartnership  # type: ignore[index]
    assert str(sp.to_ore(Decimal("-0.004"))) == "0.00"
    assert [str(sp.Transfer("a", "b", Decimal(x), "x").amount) for x in ("1E+2", "-0.00", "1.000")] == [
        "100.00",
        "0.00",
        "1.00",
    ]
    with pytest.raises(sp.LedgerError, match="whole øre"):
        sp.Transfer("a", "b", Decimal("1.005"), "x")


def test_every_saved_example_is_valid_by_the_published_schema() -> None:
    """Review 59 M1: ``dumps`` writes an expected count as the text "3", which the schema's quantity pattern
    (a number then a unit) refused: 6 of 7 examples' own JSON failed ``scenario_schema()``."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(sp.scenario_schema())
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        saved = json.loads(sp.dumps(sp.load(path), "json"))
        assert not list(validator.iter_errors(saved)), path.name
    one = json.loads(sp.dumps(sp.load(ROOT / "examples" / "ikea_rebild.yaml"), "json"))
    one["expect"]["jobs"] = "3"
    assert not list(validator.iter_errors(one))
    one["expect"]["jobs"] = "three"
    assert list(validator.iter_errors(one))


def test_a_tornado_keeps_a_figure_apart_from_an_input_of_its_name() -> None:
    """Review 60 M1: the labour-shortage model's input ``skilled_hours_freed`` (a ratio, 0.8) and its figure of
    that name (hours) shared one column: the row varying the input read the input (a swing of 0.5), the
    others the hours. The figure is now its own column, in hours: the helpers' 4,160 paid hours a year ×
    0.5 = 2,080.00 and × 1.0 = 4,160.00 (a swing of 2,080); the price moves no hours (3,328.00 = × 0.8)."""
    deal = sp.load(ROOT / "examples" / "labour_shortage_site.yaml")
    ranges = {"skilled_hours_freed": (0.5, 1.0), "price": ("250 DKK/hour", "400 DKK/hour")}
    table = sp.tornado(deal, ranges, result="skilled_hours_freed").set_index("input")
    assert table.loc["skilled_hours_freed", "skilled_hours_freed [hour] at low"] == 2080.0
    assert table.loc["skilled_hours_freed", "swing"] == 2080.0
    assert table.loc["price", "skilled_hours_freed [hour] at high"] == 3328.0
    assert table.index[0] == "skilled_hours_freed"  # ranked by its swing in hours


def test_the_report_reconciles_the_municipalitys_ledger_net_with_its_net_effect() -> None:
    """Review 61 H2 and M1: the report showed the municipality's ledger net (−3,731,225.89), its net effect
    (−475,880.49) and per-year public rows without a total, nothing tying them together, and its headline
    money over three years without the years. The refusion it receives, 771,284.37 (the state's transfers to
    it over 2026–2028), is now named beside the ledger; the public table has a total per payer; the
    headline's figures say their years."""
    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    refusion = sum((x.amount for x in ev.ledger if (x.payer, x.payee) == ("state", "municipality")), Decimal(0))
    assert refusion == Decimal("771284.37")
    page = sp.report_html(ev, lang="da", charts=False)
    assert "statens refusion på 771.284,37\xa0kr. medregnet" in page
    assert "Underskud (2026–2028)" in page
    text = re.sub(r"\s+", " ", re.sub("<[^>]+>", " ", page))
    # the sums over the years: with 4,810,297.99, otherwise 4,334,417.50, net effect −475,880.49
    assert "I alt kommunen 4.810.297,99 kr. 4.334.417,50 kr. -475.880,49 kr." in text
    assert ev.results()["public.municipality"] == Decimal("-475880.49")


def test_a_several_year_coverage_chart_and_a_comparison_say_what_they_sum() -> None:
    """Review 61 M1 and M6: the coverage chart of three years read as one year; a comparison of the one-year
    deal with the three-year one (which alone has a public: block) explained the periods, not the public
    payments in only one ledger."""
    pytest.importorskip("matplotlib")
    from socialpartner.charts import coverage_chart

    three = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    # 81,704.64 short over 2026-2028, to the øre as the headline beside it (review 63 no. 32)
    assert coverage_chart(three, lang="da").axes[0].get_title() == (
        "Dækningsprocent 94,44 % (underskud 81.704,64 kr., 2026–2028)"
    )
    note = sp.compare(sp.load(ROOT / "examples" / "ikea_rebild.yaml"), three.partnership).note
    assert note is not None
    assert "only B has a public: block" in note


def test_the_reports_charts_carry_their_title_as_text() -> None:
    """Review 61 L7: the SVG charts' words are drawn as paths, with no text a screen reader finds."""
    pytest.importorskip("matplotlib")
    page = sp.report_html(sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild.yaml")), lang="da")
    assert '<svg role="img" aria-label="Dækningsprocent 92,25 % (underskud 37.200,00 kr.)"' in page
    assert "<title>Dækningsprocent 92,25 % (underskud 37.200,00 kr.)</title>" in page


def test_a_named_municipality_taxed_at_the_national_average_is_said_at_the_top() -> None:
    """Review 61 M5: the after-tax net effect of a named municipality was worked out at the national average
    kommuneskat, said only inside each year's folded assumptions; and with its own rate stated under
    parameters: the assumption still called it "the national average"."""
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["public"]["tax"] = {}
    ev = sp.evaluate(sp.from_data(data))
    said = [s for s in ev.statements if "national average rate" in s]
    assert said == [
        "the municipal income tax of Rebild Kommune is counted at the national average rate of the parameter file "
        "(tax.municipal_average); its own rate may differ: state it under parameters: for its net effect after tax"
    ]
    data["parameters"] = {"tax.municipal_average": "26.3 %"}
    own = sp.evaluate(sp.from_data(data))
    assert not [s for s in own.statements if "national average rate" in s]
    assumed = next(a for a in own.breakdown[0].public.assumptions if a.startswith("tax counted"))  # type: ignore[union-attr]
    assert "municipal income tax 26.30 % (as the scenario states it under parameters: tax.municipal_average)" in assumed


def test_a_several_year_tornado_chart_names_its_prices() -> None:
    """Review 61 L3: over several years the evaluation's own break-evens are each year's, so the chart's bars
    fell back to ``kontraktsum (services.0)``; the words come from the years now: the service's name."""
    from socialpartner.cli import _price_words

    data = yaml.safe_load((ROOT / "examples" / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"] = {"years": 3, "start_year": 2026}
    ev = sp.evaluate(sp.from_data(data))
    assert ev.break_even == ()
    words = _price_words(ev)
    assert words
    assert all(path.startswith("services.") for path in words)
    assert not any("services." in str(label) for label in words.values())


def test_a_quantity_written_as_text_needs_no_annotation() -> None:
    """Review 59 M3: under ``mypy --strict``, ``sp.Q_("165 DKK/hour")`` needed an annotation (pint's overload for
    text infers no magnitude type). ``sp.Q_`` is typed as a ``type[Quantity[Any]]``: this module is checked
    with mypy --strict in CI, which would report the line below otherwise."""
    price = sp.Q_("165 DKK/hour")
    assert price.to("DKK/hour").magnitude == 165
    assert isinstance(price, sp.Q_)
