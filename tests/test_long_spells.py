"""A long spell on support (600 weeks) is taken: past week 52 the ladder is flat at 20 %."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import socialpartner as sp

ROOT = Path(__file__).resolve().parents[1]


def test_600_weeks_on_support_price_as_104() -> None:
    # both past week 52 in every year: every refusion at 20 %, the same figures to the øre
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    assert data["public"]["weeks_on_support"] == 104
    before = sp.evaluate(sp.from_data(data)).results()
    data["public"]["weeks_on_support"] = 600
    assert sp.evaluate(sp.from_data(data)).results() == before
    data["public"]["weeks_on_support"] = 2601  # past 50 years of weeks: a typo
    with pytest.raises(ValidationError, match=r"expected weeks such as 104 \(0 to 2600\), got 2601"):
        sp.from_data(data)


def test_advice_on_a_time_limited_benefit_fits_a_deal_without_a_horizon() -> None:
    # 100 weeks on dagpenge before a one-year deal: the right (104 weeks, lov om
    # arbejdsløshedsforsikring § 55, stk. 1) ends in week 4; no horizon to change it in
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data.pop("horizon")
    data["public"]["weeks_on_support"] = 100
    data["public"]["counterfactual"]["fleksjob"] = {"parameter": "benefit.dagpenge_max"}
    said = [s for s in sp.evaluate(sp.from_data(data)).statements if "benefit.dagpenge_max is priced in full" in s]
    assert len(said) == 1
    assert "the right ends after 104 weeks on it (Lov om arbejdsløshedsforsikring m.v. § 55, stk. 1" in said[0]
    assert said[0].endswith(
        "state the benefit they would receive after the right ends as public.counterfactual.fleksjob, "
        "or split the deal's years"
    )
    # with a horizon: a change from that year
    data["horizon"] = {"years": 3, "start_year": 2026}
    said = [s for s in sp.evaluate(sp.from_data(data)).statements if "benefit.dagpenge_max is priced in full" in s]
    assert said[0].endswith("state it with a horizon change of public.counterfactual.fleksjob from that year")


def test_a_smaajob_line_is_said_to_keep_its_pension_not_invited_to_a_counterfactual() -> None:
    # 4 fleksjob at 20 h/week, 104 weeks on support (20 %), 140 DKK/hour: lønloft 140 × 17 × 52 = 123,760 a
    # year each; otherwise ledighedsydelse 4,530 × 52; net 0.8 × 4 × (235,560 − 123,760) = 357,760.00,
    # with or without 2 småjob helpers (no public flow for them)
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "labour_shortage_site.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["public"] = {
        "year": 2026,
        "weeks_on_support": 104,
        "municipality": {"name": "Aalborg Kommune", "code": 851},
        "fleksjob_wage": "140 DKK/hour",
        "counterfactual": {"fleksjob": {"parameter": "benefit.ledighedsydelse"}},
    }
    data["helpers"].append(
        {
            "form": "småjob",
            "headcount": 2,
            "paid_hours": "5 hour/week",
            "wage_cost": "150 DKK/hour",
            "workplace": "company",
        }
    )
    view = sp.evaluate(sp.from_data(data)).public
    assert view is not None
    assert str(view.net_effect("municipality")) == "357760.00"
    assert "småjob: the person keeps førtidspension with and without the job" in " ".join(view.assumptions)
    assert "public.counterfactual.småjob if" not in " ".join(view.assumptions)
    assert "småjob: the same førtidspension with and without the job" in " ".join(view.counterfactual)


def test_every_year_that_adds_people_to_a_ladder_is_named() -> None:
    # workers 3 → 4 in 2027 → 6 in 2028: both additions sit on the group's ladder (weeks_on_support + 52 a year)
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"]["changes"].append({"year": 2028, "set": {"temp_hours.workers": 6}})
    said = [s for s in sp.evaluate(sp.from_data(data)).statements if s.startswith("fleksjob: the people added in")]
    assert said == [
        "fleksjob: the people added in 2027 (3 → 4), 2028 (4 → 6) are placed on the refusion ladder like the first "
        "(weeks_on_support plus 52 weeks a year), not from week 1 as citizens new to support would be"
    ]


def test_an_addition_after_a_fall_counts_from_the_year_before_and_ordinary_posts_are_on_no_ladder() -> None:
    # review 41: workers 3 → 2 in 2027 → 6 in 2028 read "2028 (3 → 6)" (the most before), where the year
    # before had 2; the supplier's ordinary posts (no fleksløntilskud, benefit or refusion) were named too
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"]["changes"] = [
        {"year": 2027, "set": {"temp_hours.workers": 2}},
        {"year": 2028, "set": {"temp_hours.workers": 6}},
    ]
    said = [s for s in sp.evaluate(sp.from_data(data)).statements if s.startswith("fleksjob: the people added in")]
    assert len(said) == 1
    assert said[0].startswith("fleksjob: the people added in 2028 (2 → 6) are placed")
    supplier: dict[str, Any] = yaml.safe_load(
        (ROOT / "examples" / "supplier_facility.yaml").read_text(encoding="utf-8")
    )
    supplier.pop("expect", None)
    supplier["public"] = {**data["public"], "municipality": {"name": "Rebild Kommune", "code": 840}}
    supplier["horizon"] = {
        "years": 3,
        "start_year": 2026,
        "changes": [{"year": 2027, "set": {"workforce.2.headcount": 4}}],
    }
    statements = sp.evaluate(sp.from_data(supplier)).statements
    assert not any(s.startswith("ordinary: the people added") for s in statements)


def test_a_counterfactual_of_nothing_needs_no_benefit_on_the_course() -> None:
    # course participants compared with 0 DKK a month save nothing otherwise: no during_course is needed
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data.pop("horizon")
    data["public"].pop("during_course", None)
    data["public"]["counterfactual"]["course participant"] = {"amount": "0 DKK/month"}
    sp.evaluate(sp.from_data(data))  # accepted
    data["public"]["counterfactual"]["course participant"] = {"amount": "13345 DKK/month"}
    with pytest.raises(ValidationError, match=r"public\.during_course: course participants have a counterfactual"):
        sp.from_data(data)


def test_a_leave_benefit_abolished_for_everyone_is_refused() -> None:
    # the old kontanthjælp ended for everyone on 1.7.2025: nobody leaves onto it in 2026-2028
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"]["progression"]["leave_benefit"] = {"parameter": "benefit.kontanthjaelp_ikke_forsoerger"}
    with pytest.raises(ValidationError) as caught:
        sp.from_data(data)
    assert (
        "horizon.progression.leave_benefit: benefit.kontanthjaelp_ikke_forsoerger was abolished for everyone from "
        "2025-07-01" in str(caught.value)
    )
    assert "nobody receives it in 2026-2028. Use benefit.kontanthjaelp.forhoejet_sats" in str(caught.value)


def test_a_time_limited_benefit_during_the_course_overstates_the_cost_with_the_deal() -> None:
    # sygedagpenge (22 weeks, lov om sygedagpenge § 24) on both sides after 100 weeks: the with-side
    # (during the course) overstates the cost with the partnership; the counterfactual the saving
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["public"]["weeks_on_support"] = 100
    sick = {"parameter": "benefit.sygedagpenge_max"}
    data["public"]["during_course"] = sick
    data["public"]["counterfactual"]["course participant"] = sick
    said = [s for s in sp.evaluate(sp.from_data(data)).statements if "benefit.sygedagpenge_max is priced" in s]
    assert len(said) == 2
    assert any(
        "as the benefit during the course" in s and "the cost with the partnership is overstated" in s for s in said
    )
    assert any("so the saving is overstated" in s for s in said)


def test_a_stated_amount_is_said_to_be_indexed_as_a_transfer_income() -> None:
    # 13,345 DKK/month (the 2026 forhøjet sats) stated as an amount is indexed 4.05 % into 2027 (the
    # 4.5 % satsreguleringsprocent less the 0.45-point deduction for transfer incomes): 13,885.47,
    # beside the file's 13,885. The statement said "4.50 % in 2027" and warned of a bias that is not there.
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["public"]["counterfactual"]["course participant"] = {"amount": "13345 DKK/month"}
    ev = sp.evaluate(sp.from_data(data))
    said = [s for s in ev.statements if s.startswith("the rates in kroner the scenario states")]
    assert len(said) == 1
    assert "4.05 % in 2027" in said[0]
    assert "4.50 %" not in said[0]
    assert not [s for s in ev.statements if s.startswith("the file's own benefit rates")]
    group = next(g for g in ev.breakdown[1]._groups if g.group == "course participant")
    assert round(group.monthly, 4) == round(Fraction(13345) * Fraction("1.0405"), 4)  # 13,885.4725


def test_one_years_result_is_read_by_the_solvers_name() -> None:
    # 2027 of the three-year example: the solved price's year read back by the name solve took
    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    assert ev.result("2027.coverage") == ev.breakdown[1].results()["coverage"]
    assert ev.result("coverage") == ev.results()["coverage"]
    with pytest.raises(sp.SolveError, match="no year '2031'"):
        ev.result("2031.coverage")


def test_weeks_on_support_may_carry_a_unit_of_time() -> None:
    # 104 uger = 2 år = 24 måneder (a year is 52 weeks and 12 months): one spell, one result
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    before = sp.evaluate(sp.from_data(data)).results()
    for spell in ("104 uger", "2 år", "24 måneder"):
        data["public"]["weeks_on_support"] = spell
        assert sp.evaluate(sp.from_data(data)).results() == before, spell
    for wrong in ("10 kr.", "3 dage"):  # money, and 3/7 of a week
        data["public"]["weeks_on_support"] = wrong
        with pytest.raises(ValidationError, match=r"public\.weeks_on_support"):
            sp.from_data(data)


def test_course_places_first_filled_in_a_later_year_are_said_to_start_at_week_1() -> None:
    """Review 48 F1: with progression, course places filled from 2028 (none before) are taken by newcomers on
    week 1 of the ladder; the stated weeks_on_support for course participants (here 10) counted for nobody, and
    nothing said so. A whole year from week 1: (4 × 80 % + 22 × 40 % + 26 × 30 %) / 52 = 1,980 / 52 = 38.08 %."""
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["public"]["weeks_on_support"] = {"fleksjob": 104, "course participant": 10, "default": 0}
    data["courses"]["participants"] = 0
    data["horizon"]["changes"].append({"year": 2028, "set": {"courses.participants": 3}})
    ev = sp.evaluate(sp.from_data(data))
    view = ev.breakdown[2].public
    assert view is not None
    assert view.refusion_rates["course participant"] == Decimal("0.3808")
    said = [s for s in ev.statements if s.startswith("course participant: the course places added")]
    assert said == [
        "course participant: the course places added in 2028 (0 → 3) are taken by citizens new to support, each "
        "from week 1 of the refusion ladder (with progression, every place freed or added goes to a newcomer); "
        "weeks_on_support counts for those on a course in the first year only"
    ]
    # without progression the added participants sit on the group's ladder, as other groups' do
    del data["horizon"]["progression"]
    said = [s for s in sp.evaluate(sp.from_data(data)).statements if s.startswith("course participant: the people")]
    assert len(said) == 1
    assert "are placed on the refusion ladder like the first" in said[0]
