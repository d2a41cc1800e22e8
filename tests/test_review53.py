"""Review 53 (a municipal auditor tracing public figures to their inputs and parameters): what it found, fixed."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

import socialpartner as sp

# a supplier deal with two fleksjob lines and one løntilskud line, 2026 rates
DEAL: dict[str, Any] = {
    "model": "supplier",
    "name": "Two fleksjob lines",
    "period": "1 year",
    "social_enterprise": {"name": "SØV"},
    "company": {"name": "Kunde A/S"},
    "services": [{"name": "facility", "price": "300 DKK/hour", "hours": "250 hour/week"}],
    "workforce": [
        {"form": "fleksjob", "headcount": 10, "paid_hours": "12 hour/week", "wage_cost": "180 DKK/hour"},
        {"form": "fleksjob", "headcount": 4, "paid_hours": "25 hour/week", "wage_cost": "200 DKK/hour"},
        {"form": "løntilskud", "headcount": 2, "paid_hours": "30 hour/week", "wage_cost": "150 DKK/hour"},
    ],
    "supervision": [{"role": "arbejdsleder", "fte": 1, "annual_cost": "520000 DKK/year"}],
    "public": {
        "year": 2026,
        "municipality": {"name": "Aalborg Kommune", "code": 851},
        "weeks_on_support": {"fleksjob": 104, "løntilskud": 10, "default": 0},
        "counterfactual": {
            "fleksjob": {"parameter": "benefit.ledighedsydelse"},
            "løntilskud": {"parameter": "benefit.kontanthjaelp.forhoejet_sats"},
        },
    },
}


def test_each_line_of_a_net_effect_names_its_own_placement_lines_inputs() -> None:
    """F2: the second fleksjob line's 434,304.00 of fleksløntilskud was explained with the first line's
    inputs (180 DKK/h, 10 people, 12 h), from which it cannot be had. Worked: L = 200 × 0.87 × 25 × 52/12 =
    18,850.00 > T 17,672; room under the lønloft 174 × 37 × 52/12 − 18,850 = 27,898 − 18,850 = 9,048.00,
    below G's 21,600 − 30 % × 17,672 − 55 % × 1,178 = 15,650.50; 9,048 × 12 × 4 = 434,304.00."""
    ev = sp.evaluate(sp.from_data(DEAL))
    # two fleksjob lines: each its own row, told apart by its line (review 56 F8)
    terms = [t for t in ev.explain("public.municipality").terms if t.label.startswith("fleksløntilskud")]
    assert [t.label for t in terms] == ["fleksløntilskud (workforce.0)", "fleksløntilskud (workforce.1)"]
    assert [t.value for t in terms] == ["-2,035,800.00 DKK", "-434,304.00 DKK"]
    first, second = ({path for path, _ in t.inputs} for t in terms)
    assert {"workforce.0.wage_cost", "workforce.0.headcount", "workforce.0.paid_hours"} <= first
    assert {"workforce.1.wage_cost", "workforce.1.headcount", "workforce.1.paid_hours"} <= second
    assert not any(path.startswith("workforce.0.") for path in second)


def test_a_refusion_names_the_amount_it_refunds_and_marks_a_rounded_rate() -> None:
    """F8: "31.15 % … × løntilskud" gave neither the amount nor the exact rate: 300,362.40 × 31.15 % =
    93,562.89, 11.55 off the 93,574.44 shown. Worked: løntilskud 96.27 × 30 × 52 × 2 = 300,362.40; weeks
    11–62: (16 × 40 + 26 × 30 + 10 × 20) / 52 = 1,620/52 % = 31.1538… %; × 300,362.40 = 93,574.44."""
    ev = sp.evaluate(sp.from_data(DEAL))
    formula = ev.explain("public.refusion.loentilskud.2").formula
    assert formula == (
        "refusion rate (løntilskud: ≈ 31.15 % = (16 weeks × 40.00 % + 26 weeks × 30.00 % + 10 weeks × 20.00 %) / 52, "
        "weeks 11–62 on the ladder) × løntilskud (300,362.40 DKK), rounded to øre"
    )
    # a rate two decimals hold is "=": 104 weeks before, all 52 at 20 %; 9,048 × 48 = 434,304.00 × 20 %
    assert ev.explain("public.refusion.fleksloentilskud.1").formula == (
        "refusion rate (fleksjob: 20.00 % = (52 weeks × 20.00 %) / 52, weeks 105–156 on the ladder) "
        "× fleksløntilskud (workforce.1) (434,304.00 DKK), rounded to øre"
    )


def test_an_override_no_figure_reads_is_said_to_change_nothing() -> None:
    """F3: `dagpenge.max` set to the ministry's figure was accepted, changed nothing (G and the
    ledighedsydelse are parameters of their own) and was listed nowhere. An override that is read
    (the last refusion band at 25 % instead of 20 %) says nothing."""
    unread = sp.evaluate(sp.from_data({**DEAL, "parameters": {"dagpenge.max": "21946 DKK/month"}}))
    said = [str(s) for s in unread.statements if "dagpenge.max is set in the scenario" in str(s)]
    assert said == [
        "parameters.dagpenge.max is set in the scenario, but no figure of this deal reads it: it changes nothing "
        "here (a rate worked out from it, such as fleksloentilskud.max_supplement from dagpenge.max, is a parameter "
        "of its own)"
    ]
    assert unread.results()["public.municipality"] == sp.evaluate(sp.from_data(DEAL)).results()["public.municipality"]
    read = sp.evaluate(sp.from_data({**DEAL, "parameters": {"refusion.after_52_weeks": "25 %"}}))
    assert not [s for s in read.statements if "changes nothing" in str(s)]
    # weeks 105-156, all past week 52: 2,035,800.00 × 25 % = 508,950.00 and 434,304.00 × 25 % = 108,576.00
    refusions = [
        str(t.amount) for t in read.ledger.transfers if t.purpose.startswith("state refusion on fleksløntilskud")
    ]
    assert refusions == ["508950.00", "108576.00"]


def test_with_tax_the_view_says_the_municipal_tax_is_not_a_budget_line() -> None:
    """F6: with tax, the municipality's net effect rose from 675,901.30 to 915,869.84 by counting 25.049 %
    kommuneskat as its revenue that year, which a municipality on the state-guaranteed tax base does not
    get in the budget year. The figures stay; the view's assumptions say what they are."""
    taxed = {**DEAL, "public": {**DEAL["public"], "tax": {}}}
    ev = sp.evaluate(sp.from_data(taxed))
    assert ev.public is not None
    assert str(ev.results()["public.municipality"]) == "915869.84"
    said = [str(a) for a in ev.public.assumptions if "statsgaranti" in str(a)]
    assert len(said) == 1
    assert said[0].endswith("for the municipal budget, read the net effect before tax")
    untaxed = sp.evaluate(sp.from_data(DEAL)).public
    assert untaxed is not None
    assert not [a for a in untaxed.assumptions if "statsgaranti" in str(a)]


def test_a_loentilskud_line_is_said_to_count_places_filled_in_turn() -> None:
    """F10: two people on private løntilskud for 52 weeks brought no word that løntilskud lasts up to 6
    months a person (lov om en aktiv beskæftigelsesindsats § 68): the line's 2 are places filled in turn."""
    view = sp.evaluate(sp.from_data(DEAL)).public
    assert view is not None
    said = [str(a) for a in view.assumptions if "§ 68" in str(a)]
    assert len(said) == 1
    assert "a løntilskud line's headcount counts places, filled in turn over the period" in said[0]
    without = {**DEAL, "workforce": DEAL["workforce"][:2]}
    view = sp.evaluate(sp.from_data(without)).public
    assert view is not None
    assert not [a for a in view.assumptions if "§ 68" in str(a)]


def test_an_override_names_the_files_value_it_replaces_for_each_year() -> None:
    """F4: an override showed only "set in the scenario", never the default it replaced (20 % for weeks
    past 52, dated 2021; T 17,672 DKK/month for 2026)."""
    data = {
        **DEAL,
        "parameters": {"refusion.after_52_weeks": "25 %", "fleksloentilskud.threshold": "17000 DKK/month"},
    }
    used = {p.name: p for p in sp.evaluate(sp.from_data(data)).parameters if p.tag == "override"}
    assert used["refusion.after_52_weeks"].source == (
        "set in the scenario, in place of the file's 20 percent (sourced, dated 2021)"
    )
    assert used["fleksloentilskud.threshold"].source == (
        "set in the scenario, in place of the file's 17672 DKK / month (derived)"
    )


def test_a_source_given_with_an_override_is_refused_saying_what_is_kept() -> None:
    """F4: `{value: 25 %, source: byrådsbeslutning}` was refused as "not a value per year", which it is not."""
    data = {**DEAL, "parameters": {"refusion.after_52_weeks": {"value": "25 %", "source": "byrådsbeslutning"}}}
    with pytest.raises(ValidationError) as caught:
        sp.from_data(data)
    message = str(caught.value)
    assert "refusion.after_52_weeks: a parameter set here is its value alone (refusion.after_52_weeks: 25 %)" in message
    assert "not a value per year" not in message
