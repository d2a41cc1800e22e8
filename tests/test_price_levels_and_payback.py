"""Which price level a solved or indexed amount is in, and the payback year worked year by year.

The figures are worked by hand in the comments: wage growth compounds from the first year;
a benefit the scenario states is indexed as transfer incomes are from its own year (the
public view's first, or that of the horizon change that sets it): the parameters' 4.50 % less
the 0.45 point of lov nr. 630 af 11.6.2024 for 2027 (4.05 %), then, for years not yet
published, the satsreguleringsprocent as lov om en satsreguleringsprocent
§§ 2-4 derives it from the wage growth: 2.0 plus the growth's part above 2.0 beyond 0.3
points (3 % → 2.70 %, 4 % → 3.70 %).
"""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal import paths
from socialpartner.cli import app
from socialpartner.scenario import from_data

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# a shared-responsibility deal over 2026–2029 (wages +3 %, prices +2 %), with progression
SHARED: dict[str, Any] = {
    "model": "shared_responsibility",
    "name": "S1",
    "social_enterprise": {"name": "SØV"},
    "company": {"name": "Co"},
    "municipality": {"name": "Aalborg Kommune", "code": 851},
    "temp_hours": {
        "workers": 3,
        "effective_hours": "15 hour/week",
        "wage_cost": "165 DKK/hour",
        "overhead": "20 DKK/hour",
    },
    "courses": {"participants": 4, "price": "11000 DKK/month"},
    "support_staff": [{"role": "socialpædagog", "fte": 1, "annual_cost": "480000 DKK/year"}],
    "parameters": {"benefit.ledighedsydelse": "4600 DKK/week"},
    "public": {
        "year": 2026,
        "weeks_on_support": 104,
        "fleksjob_wage": "140 DKK/hour",
        "during_course": {"amount": "13000 DKK/month"},
        "counterfactual": {
            "fleksjob": {"parameter": "benefit.ledighedsydelse"},
            "course participant": {"amount": "13000 DKK/month"},
        },
        "tax": {},
    },
    "horizon": {
        "years": 4,
        "start_year": 2026,
        "wage_growth": "3 %",
        "price_growth": "2 %",
        "changes": [{"year": 2028, "set": {"courses.price": "12000 DKK/month"}}],
        "progression": {
            "after": "6 month",
            "to_fleksjob": "10 %",
            "to_ordinary": "5 %",
            "leave": "20 %",
            "fleksjob_wage": "140 DKK/hour",
            "fleksjob_hours": "15 hour/week",
            "ordinary_wage": "26000 DKK/month",
            "comparison": {"to_fleksjob": "5 %", "to_ordinary": "2 %", "leave": "20 %"},
            "leave_benefit": {"amount": "20000 DKK/month"},
        },
    },
}

# 2029 is three years on: wages × 1.03³ = 1.092727 exactly
WAGES_2029 = Decimal("1.092727")
# the stated rates of 2026 indexed to 2029: × 1.0405 (2027) × 1.027 (2028) × 1.027 (2029)
# = 1.0405 × 1.054729 = 1.0974455245 (shown to six decimals: 1.097446)
RATES_2029 = Fraction(10405, 10000) * Fraction(1027, 1000) ** 2


def _ore(x: Decimal | Fraction) -> Decimal:
    exact = Decimal(x.numerator) / Decimal(x.denominator) if isinstance(x, Fraction) else x
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _noted(x: Decimal | Fraction) -> str:
    """A grown or indexed value as solve's note gives it: the run uses it unrounded, so up to
    4 decimals (at least 2), rounded past 4 and marked ≈ (review 56 F6)."""
    exact = Fraction(x)
    shown = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.0001"), ROUND_HALF_UP)
    text = f"{shown:.4f}".rstrip("0")
    text = text if len(text.split(".")[1]) >= 2 else f"{shown:.2f}"
    return text if Fraction(shown) == exact else f"≈\u00a0{text}"


def _stated(solution: sp.Solution) -> Decimal:
    return Decimal(str(solution.value.magnitude))  # type: ignore[union-attr]


def test_a_progression_wage_found_for_a_later_year_is_given_grown_to_that_year() -> None:
    deal = from_data(SHARED)
    solution = sp.solve(deal, "horizon.progression.ordinary_wage", "2029.public.municipality", -150000)
    stated = _stated(solution)
    # the least wage that meets the target: 0.01 less does not (the solver's own rule)
    assert solution.value_text == "51734.21 DKK / month"
    met = sp.evaluate(solution.partnership).result("2029.public.municipality")
    below = paths.replace(deal, "horizon.progression.ordinary_wage", sp.Q_("51734.20 DKK/month"))
    assert met >= -150000 > sp.evaluate(below).result("2029.public.municipality")
    # 51,734.21 × 1.092727 = 56,531.36809067: the ordinary wage of 2029 the municipality's figure uses,
    # unrounded (shown to 4 decimals, marked ≈: review 56 F6)
    assert _ore(stated * WAGES_2029) == Decimal("56531.37")
    assert solution.notes == (
        "horizon.progression.ordinary_wage as the scenario states it (2026 prices); "
        "grown by 3.00 % a year to ≈\u00a056531.3681 DKK / month in 2029",
    )
    fleks = sp.solve(deal, "horizon.progression.fleksjob_wage", "2029.public.municipality", -150000)
    grown = _noted(_stated(fleks) * WAGES_2029)
    assert fleks.notes == (
        "horizon.progression.fleksjob_wage as the scenario states it (2026 prices); "
        f"grown by 3.00 % a year to {grown} DKK / hour in 2029",
    )
    whole = sp.solve(deal, "horizon.progression.fleksjob_wage", "public.municipality", -600000)
    assert whole.notes == (
        "horizon.progression.fleksjob_wage as the scenario states it (2026 prices), "
        "grown by 3.00 % a year in 2027–2029",
    )


def test_a_stated_benefit_found_for_a_later_year_is_given_indexed_to_that_year() -> None:
    deal = from_data(SHARED)
    during = sp.solve(deal, "public.during_course.amount", "2029.public.municipality", -150000)
    # the 2026 rate found × 1.097446 (to øre from the exact factor): the 2029 monthly benefit
    indexed = _noted(Fraction(_stated(during)) * RATES_2029)
    assert during.notes == (
        "public.during_course.amount as the scenario states it (the 2026 rate in kroner); indexed by the "
        f"satsreguleringsprocent (× 1.097446) to {indexed} DKK / month in 2029",
    )
    # the value of 2029 is the one the year's explanation multiplies: monthly benefit × 12 × 4 participants
    year = next(part for part in sp.evaluate(during.partnership).breakdown if part.ledger.period == "2029")
    flow = year.explain("public.during_course.1")
    assert flow.value == f"{_ore(Fraction(_stated(during)) * RATES_2029 * 12 * 4):,} DKK"  # exact, then to øre
    path = "public.counterfactual.course participant.amount"
    other = sp.solve(deal, path, "2029.public.municipality", -150000)
    indexed = _noted(Fraction(_stated(other)) * RATES_2029)
    assert other.notes == (
        f"{path} as the scenario states it (the 2026 rate in kroner); indexed by the "
        f"satsreguleringsprocent (× 1.097446) to {indexed} DKK / month in 2029",
    )
    whole = sp.solve(deal, path, "public.municipality", -600000)
    assert whole.notes == (
        f"{path} as the scenario states it (the 2026 rate in kroner), indexed by the satsreguleringsprocent "
        "in 2027–2029",
    )


def test_a_stated_benefit_has_no_note_in_the_first_year_nor_where_a_change_sets_it() -> None:
    deal = from_data(SHARED)
    assert sp.solve(deal, "public.during_course.amount", "2026.public.municipality", -150000).notes == ()
    data = copy.deepcopy(SHARED)
    data["horizon"]["changes"].append({"year": 2028, "set": {"public.during_course": {"amount": "14000 DKK/month"}}})
    changed = sp.solve(from_data(data), "public.during_course.amount", "2027.public.municipality", -100000)
    # 2027 is before the change: the stated 2026 rate × 1.0405 counts there
    indexed = _noted(Fraction(_stated(changed)) * Fraction(10405, 10000))
    assert changed.notes[-1] == (
        "public.during_course.amount as the scenario states it (the 2026 rate in kroner); indexed by the "
        f"satsreguleringsprocent (× 1.040500) to {indexed} DKK / month in 2027"
    )
    late = sp.solve(from_data(data), "public.during_course.amount", "2026.public.municipality", -150000)
    assert not any("indexed" in note for note in late.notes)


def test_the_solve_command_prints_the_indexed_value(tmp_path: Path) -> None:
    path = tmp_path / "s1.yaml"
    path.write_text(yaml.safe_dump(SHARED, allow_unicode=True), encoding="utf-8")
    args = ["solve", str(path), "--vary", "horizon.progression.ordinary_wage"]
    out = runner.invoke(app, [*args, "--target", "2029.public.municipality=-150000"])
    assert out.exit_code == 0, out.output
    assert "horizon.progression.ordinary_wage = 51734.21 DKK / month" in out.output
    assert "grown by 3.00 % a year to ≈\u00a056531.3681 DKK / month in 2029" in out.output


# a labour-shortage deal whose counterfactual amount a change sets from 2027 (wages +4 %)
SHORTAGE: dict[str, Any] = {
    "model": "labour_shortage",
    "name": "LS",
    "period": "1 year",
    "social_enterprise": {"name": "Byg SØV"},
    "company": {"name": "Nordbyg"},
    "helpers": [
        {
            "form": "fleksjob",
            "headcount": 4,
            "paid_hours": "20 hour/week",
            "wage_cost": "165 DKK/hour",
            "workplace": "company",
        },
    ],
    "price": "320 DKK/hour",
    "skilled_hours_freed": 0.8,
    "skilled_hour_value": "550 DKK/hour",
    "akkord_rate": "120 DKK/hour",
    "support_staff": [{"role": "jobkonsulent", "fte": 1, "annual_cost": "500000 DKK/year"}],
    "parameters": {"fleksloentilskud.threshold": "17000 DKK/month"},
    "public": {
        "year": 2026,
        "weeks_on_support": 10,
        "municipality": {"name": "Aalborg Kommune", "code": 851},
        "counterfactual": {"fleksjob": {"amount": "19000 DKK/month"}},
        "tax": {},
    },
    "horizon": {
        "years": 3,
        "start_year": 2026,
        "wage_growth": "4 %",
        "price_growth": "1.5 %",
        "changes": [{"year": 2027, "set": {"public.counterfactual.fleksjob": {"amount": "20000 DKK/month"}}}],
    },
}


def test_an_amount_a_change_sets_is_the_rate_of_the_changes_year() -> None:
    ev = sp.evaluate(from_data(SHORTAGE))
    by_year = {part.ledger.period: part for part in ev.breakdown}
    # 2028: the 2027 amount × 1.037 (2028's satsreguleringsprocent from 4 % wage growth) = 20,740.00
    counterfactual = " ".join(by_year["2028"].public.counterfactual)  # type: ignore[union-attr]
    assert "20,740.00 DKK/month (20000 DKK / month in 2027, indexed by the satsreguleringsprocent)" in counterfactual
    assert "in 2026" not in counterfactual
    # 2027: the change's own year, the amount as set
    assert "indexed" not in " ".join(by_year["2027"].public.counterfactual)  # type: ignore[union-attr]
    statements = [s for s in ev.statements if s.startswith("the rates in kroner")]
    assert statements == [
        "the rates in kroner the scenario states (parameters.fleksloentilskud.threshold) are the 2026 rates: "
        "for 2027–2028 they are indexed by the satsreguleringsprocent, as the parameters' rates are past the "
        "file's last year (4.50 % in "
        "2027; for other years as lov om en satsreguleringsprocent §§ 2-4 derives it from the wage growth of the "
        "lønår two years before, taken as the horizon's)",
        "the rates in kroner horizon.changes set from 2027 (public.counterfactual.fleksjob) are 2027 rates: for "
        "2028 they are indexed by the satsreguleringsprocent, as the parameters' rates are past the file's "
        "last year (3.70 % a year, as lov "
        "om en satsreguleringsprocent §§ 2-4 derives it from the wage growth of the lønår two years before "
        "(§ 3, stk. 2), taken as the horizon's wage growth of 4.00 %)",
    ]


def test_an_explained_block_a_change_sets_shows_the_amount_not_null() -> None:
    data = copy.deepcopy(SHARED)
    data["horizon"]["changes"] = [{"year": 2028, "set": {"public.during_course": {"amount": "14000 DKK/month"}}}]
    ev = sp.evaluate(from_data(data))
    year = next(part for part in ev.breakdown if part.ledger.period == "2029")
    explained = year.explain("public.during_course.1")
    used = dict(explained.terms[0].inputs)
    # 14,000 set from 2028, indexed to 2029 by 2.70 %: × 1.027000
    assert used["public.during_course"] == (
        # the amount used first, then the stated one, the change that set it and how it was indexed (review 48 F12)
        "amount: 14378 DKK / month (14000 DKK / month set from 2028 by horizon.changes.0, the 2028 rate × 1.027000, "
        "indexed by the satsreguleringsprocent)"
    )
    assert "null" not in str(explained)
    # 14,000 × 1.027 = 14,378.00 a month × 12 × 4 participants = 690,144.00
    assert explained.value == "690,144.00 DKK"


def test_payback_is_explained_year_by_year() -> None:
    ev = sp.evaluate(sp.load(EXAMPLES / "spin_off_packing.yaml"))
    explained = ev.explain("payback.social_enterprise")
    # nets −90,800, 34,000, 43,600, 68,400 discounted at 3.5 % a year:
    # 34,000 / 1.035 = 32,850.241546; 43,600 / 1.035² = 40,701.066536; 68,400 / 1.035³ = 61,692.881068
    # running: −90,800 → −57,949.758454 → −17,248.691918 → 44,444.189150: back above zero in 2029
    assert explained.value == "2029"
    running = [(t.label, t.value) for t in explained.terms if t.label.endswith("running sum")]
    assert running == [
        ("2026: running sum", "-90,800.00 DKK"),
        ("2027: running sum", "≈ -57,949.758454 DKK"),
        ("2028: running sum", "≈ -17,248.691918 DKK"),
        ("2029: running sum", "≈ 44,444.18915 DKK"),
    ]
    last = next(t for t in explained.terms if t.label == "2029: running sum")
    assert last.formula == (
        "running sum before + discounted net = ≈ -17,248.691918 + ≈ 61,692.881068 (back at or above zero)"
    )
    # the last running sum is the present value, rounded to øre
    assert ev.figure("npv.social_enterprise").value == Decimal("44444.19")


def test_payback_never_reached_shows_every_year_below_zero() -> None:
    ev = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild_3_years.yaml"))
    explained = ev.explain("payback.public.municipality")
    assert explained.value == "—"
    states = [t.formula.rsplit("(", 1)[1] for t in explained.terms if t.label.endswith("running sum")]
    assert states == ["below zero)"] * 3


def test_the_payback_year_is_the_first_year_the_explained_running_sum_is_back_at_or_above_zero() -> None:
    from tests.conftest import scenario_matrix

    for name, data in scenario_matrix():
        ev = sp.evaluate(from_data(data))
        for topic in (t for t in ev.topics() if t.startswith("payback.")):
            explained = ev.explain(topic)
            sums = [
                (t.label.split(":")[0], Decimal(t.value.removeprefix("≈ ").removesuffix(" DKK").replace(",", "")))
                for t in explained.terms
                if t.label.endswith("running sum")
            ]
            assert len(sums) == len(ev.breakdown), (name, topic)
            back, was_negative = None, False
            for label, value in sums:  # a dip below zero restarts the count
                if value < 0:
                    back, was_negative = None, True
                elif back is None and was_negative:
                    back = label
            assert explained.value == ("—" if back is None else back), (name, topic)


def test_discounted_amounts_read_as_money_in_both_languages() -> None:
    # IKEA's nets −432,900.00 and −588,744.00: 2027's discounted at 1 / (1.035 × 1.02) = 1 / 1.0557
    # is −588,744 / 1.0557 = −557,681.159420 (to 6 places); the running sum −990,581.159420.
    # Every amount is grouped with at least two decimals, as the nets beside them are.
    from socialpartner.views.explain import explanation_text

    explained = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild_3_years.yaml")).explain("payback.company")
    terms = {t.label: t for t in explained.terms}
    assert terms["2026: running sum"].value == "-432,900.00 DKK"
    assert terms["2027: discounted net"].value == "≈ -557,681.15942 DKK"
    assert terms["2027: running sum"].formula == (
        "running sum before + discounted net = -432,900.00 + ≈ -557,681.15942 (below zero)"
    )
    danish = explanation_text(explained, "da").splitlines()
    assert (
        "  2026: løbende sum = -432.900,00\xa0kr.   "
        "[løbende sum før + tilbagediskonteret netto = 0,00 + -432.900,00 (under nul)]" in danish
    )
    assert any(line.startswith("  2027: tilbagediskonteret netto = ≈ -557.681,15942\xa0kr.   [") for line in danish)
    assert not any(" DKK" in line for line in danish if "løbende" in line or "tilbagediskonteret" in line)


def test_the_payback_of_the_company_gain_is_labelled_as_the_gain_not_the_net() -> None:
    """A supplier priced below the market: the company's saving has its own payback row and words.

    Market 330 DKK/h against the price of 280: the company saves 50 × 240 × 52 = 624,000 a year, never
    below zero, so its payback is "not needed"; its row must not read as the company's net (a payer).
    """
    from socialpartner.evaluation import never_below_zero

    data = yaml.safe_load((EXAMPLES / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["services"][0]["market_price"] = "330 DKK/hour"
    data["horizon"] = {"years": 3, "start_year": 2026}
    ev = sp.evaluate(sp.from_data(data))
    assert ev.result("2026.company_saving") == Decimal("624000.00")
    assert "company_saving" in never_below_zero(ev)
    saving = ev.figure("payback.company_saving")  # a figure of its own, with no value (review 42 F2)
    assert (saving.value, str(saving.note)) == (None, "not needed (never below zero)")
    label = str(saving.label)
    company = str(ev.figure("payback.company").label)
    assert label == f"payback year of the gain of {ev.parties['company']} against its alternative"
    assert label != company
    explained = ev.explain("payback.company_saving")
    assert explained.topic == label
    assert explained.formula.endswith("the running sum of the discounted gains against the alternative, year by year")
