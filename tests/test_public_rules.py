"""The public view on every model: home municipality, refusion per group, comparison group,
løntilskud, tax, the derived fleksjob wage, legacy benefits and the discounting basis.

Figures are worked by hand in the comments (month = 52/12 weeks; a year is 52 weeks;
2026 rates: G 21,600, T 17,672, ledighedsydelse 19,630, kontanthjælp forhøjet sats
13,345, løntilskud 96.27 DKK/hour; 2027 (the 2026 transfer rates × 1.0405, less 0.45 point by lov nr.
630 af 11.6.2024): G 22,475, T 18,467 (× 1.045), førtidspension 22,946,
kontanthjælp 13,885).
"""

from __future__ import annotations

import copy
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import socialpartner as sp
from socialpartner.parameters import ParameterUse
from socialpartner.public import refusion_rate
from socialpartner.scenario import from_data

from .conftest import ROOT
from .strategies import any_model_data

D = Decimal
AALBORG = {"name": "Aalborg Kommune", "code": 851}


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / name).read_text(encoding="utf-8"))
    data.pop("expect", None)
    return data


def line(view: sp.PublicView, item: str, payer: str = "municipality") -> tuple[Decimal, Decimal]:
    found = [(x.actual, x.counterfactual) for x in view.lines if x.item == item and x.payer == payer]
    assert len(found) == 1, (item, [x.item for x in view.lines])
    return found[0]


def supplier(**public: Any) -> dict[str, Any]:
    data = example("supplier_facility.yaml")
    data["public"] = {
        "year": 2026,
        "municipality": AALBORG,
        "weeks_on_support": 104,
        "counterfactual": {"fleksjob": {"parameter": "benefit.ledighedsydelse"}},
        **public,
    }
    return data


# -- 1. the home municipality pays -------------------------------------------------------------


def test_a_supplier_with_a_public_block() -> None:
    ev = sp.evaluate(from_data(supplier(fleksjob_wage="140 DKK/hour")))
    view = ev.public
    assert view is not None
    assert ev.parties["municipality"] == "Aalborg Kommune"
    # 20 fleksjob at 15 h/week, L = 140 × 15 × 52/12 = 9,100/month: G − 30 % × L = 21,600 − 2,730 =
    # 18,870, above the lønloft 140 × 37 × 52/12 − 9,100 = 22,446.67 − 9,100 = 13,346.67; × 12 × 20
    # = 5,387,200 − 2,184,000 = 3,203,200.00 a year
    assert line(view, "fleksløntilskud") == (D("3203200.00"), D("0.00"))
    # 104 weeks on support: 20 % refusion = 640,640.00
    assert line(view, "state refusion on fleksløntilskud", "state") == (D("640640.00"), D("0.00"))
    # otherwise ledighedsydelse 19,630 × 12 × 20 = 4,711,200.00, 20 % of it refunded = 942,240.00
    assert line(view, "counterfactual benefit: fleksjob") == (D("0.00"), D("4711200.00"))
    assert line(view, "counterfactual refusion: fleksjob", "state") == (D("0.00"), D("942240.00"))
    # municipality: (4,711,200 − 942,240) − (3,203,200 − 640,640) = 3,768,960 − 2,562,560
    assert view.net_effect("municipality") == D("1206400.00")
    # state: 942,240 − 640,640
    assert view.net_effect("state") == D("301600.00")
    assert ev.results()["public.municipality"] == D("1206400.00")
    # the ledger carries the public flows and still balances
    assert any(t.payer == "municipality" and t.payee == "workers" for t in ev.ledger)


@pytest.mark.parametrize(
    "name", ["supplier_facility.yaml", "labour_shortage_site.yaml", "in_house_packing.yaml", "spin_off_packing.yaml"]
)
def test_every_model_with_placements_takes_a_home_municipality(name: str) -> None:
    data = example(name)
    data["public"] = {"year": 2026, "municipality": AALBORG, "weeks_on_support": 0}
    ev = sp.evaluate(from_data(data))
    views = [p.public for p in (ev.breakdown or (ev,))]
    assert all(v is not None for v in views)
    assert ev.parties["municipality"] == "Aalborg Kommune"
    data["public"].pop("municipality")
    with pytest.raises(ValidationError, match=r"public\.municipality: this deal has no municipality party"):
        from_data(data)


def test_a_deal_with_its_own_municipality_refuses_another() -> None:
    data = example("ikea_rebild_3_years.yaml")
    data["public"]["municipality"] = AALBORG
    with pytest.raises(ValidationError, match=r"the deal's municipality \(Rebild Kommune\) pays"):
        from_data(data)


# -- 2. the refusion ladder per group ----------------------------------------------------------


def ladder_scenario() -> dict[str, Any]:
    data = example("ikea_rebild_3_years.yaml")
    data["public"]["weeks_on_support"] = {"fleksjob": 104, "course participant": 0, "default": 0}
    # a stated amount is not grown with prices: it is the 2026 rate, indexed by the satsreguleringsprocent
    data["public"]["during_course"] = {"amount": "10000 DKK/month"}
    return data


def test_a_ladder_per_group_with_new_entrants_at_80_percent() -> None:
    ev = sp.evaluate(from_data(ladder_scenario()))
    first, second, third = (b.public for b in ev.breakdown)
    assert first is not None
    assert second is not None
    assert third is not None
    # fleksjob: 104 weeks before 2026, then 156 and 208: 20 % every year
    assert [v.refusion_rates["fleksjob"] for v in (first, second, third)] == [D("0.2000")] * 3
    # participants in 2026, weeks 1-52: (4 × 80 + 22 × 40 + 26 × 30) / 52 = 1,980 / 52 % = 38.08 %
    assert first.refusion_rates["course participant"] == D("0.3808")
    # 3 participants × 10,000 × 12 = 360,000; refusion 360,000 × 99/260 = 137,076.92
    assert line(first, "state refusion on the course benefit", "state") == (D("137076.92"), D("0.00"))
    # 2027: 13 % + 3 % + 46 % = 62 % of the places freed and filled by new citizens, who start
    # at week 1 (80 % in weeks 1-4): 38 % at weeks 53-104 (20 %) + 62 % at 99/260 =
    # 0.076 + 0.2360769 = 31.21 %; the benefit indexed as transfer incomes are in 2027 (4.5 % less
    # 0.45 point): 10,405 × 12 × 3 = 374,580; refusion 374,580 × 0.3120769 = 28,468.08 + 88,429.69
    # = 116,897.77
    assert second.refusion_rates["course participant"] == D("0.3121")
    assert line(second, "state refusion on the course benefit", "state") == (D("116897.77"), D("0.00"))
    # 2028: 38 %² + 62 % × 38 % at 20 %, 62 % new at 99/260: the same 31.21 %
    assert third.refusion_rates["course participant"] == D("0.3121")
    assert any("state refusion by group" in a for a in second.assumptions)


def test_the_ladder_restarts_after_52_weeks_of_self_support() -> None:
    data = ladder_scenario()
    data["public"]["weeks_on_support"] = 104
    data["public"]["self_supported_weeks"] = {"course participant": 52}
    data["horizon"]["progression"] = None
    ev = sp.evaluate(from_data(data))
    first = ev.breakdown[0].public
    assert first is not None
    # § 6: 52 weeks of self-support restart the count at week 1: 99/260 = 38.08 %; fleksjob stays at 20 %
    assert first.refusion_rates["course participant"] == D("0.3808")
    assert first.refusion_rates["fleksjob"] == D("0.2000")
    # 51 weeks do not restart it
    data["public"]["self_supported_weeks"] = 51
    first = sp.evaluate(from_data(data)).breakdown[0].public
    assert first is not None
    assert first.refusion_rates["course participant"] == D("0.2000")


def test_ladder_groups_are_checked() -> None:
    data = ladder_scenario()
    data["public"]["weeks_on_support"] = {"fleksjobs": 3, "default": 0}
    with pytest.raises(ValidationError, match="weeks_on_support: unknown group 'fleksjobs'"):
        from_data(data)
    # the deal has fleksjob and course participants: both need weeks, or a default
    data["public"]["weeks_on_support"] = {"fleksjob": 3}
    with pytest.raises(ValidationError, match="no weeks for the group 'course participant' of this deal"):
        from_data(data)
    data["public"]["weeks_on_support"] = {"fleksjob": 3, "course participant": 30}
    first = sp.evaluate(from_data(data)).breakdown[0].public
    assert first is not None
    # weeks 4-55: 1 × 80 + 22 × 40 + 26 × 30 + 3 × 20 = 1,800 / 52 % = 34.62 %
    assert first.refusion_rates["fleksjob"] == D("0.3462")


def test_the_entrants_mix_is_the_sum_over_bands() -> None:
    p = ParameterUse(sp.default_parameters(), 2026)
    # weeks 1-4 at 80 %: the first month of a new citizen
    assert refusion_rate(0, 4, p) == Fraction(4, 5)
    # weeks 3-54: 2 × 80 + 22 × 40 + 26 × 30 + 2 × 20 = 1,860 → 1,860 / 52 %
    assert refusion_rate(2, 52, p) == Fraction(1860, 5200)


# -- 3. legacy benefits --------------------------------------------------------------------------


def legacy_checks(ev: sp.Evaluation) -> list[sp.Check]:
    return [c for c in ev.checks if "ressourceforloebsydelse" in c.criterion]


def test_a_legacy_benefit_for_citizens_who_started_after_its_abolition_is_flagged() -> None:
    data = example("ikea_rebild.yaml")
    data["public"] = {
        "year": 2026,
        "weeks_on_support": 0,
        "during_course": {"parameter": "benefit.ressourceforloebsydelse_ikke_forsoerger"},
    }
    # started 1 January 2026, before the abolition on 1 February 2026: allowed
    checks = legacy_checks(sp.evaluate(from_data(data)))
    assert [c.status for c in checks] == ["met"]
    assert "2026-02-01" in checks[0].criterion
    # started 1 January 2027: no longer allowed
    data["public"]["year"] = 2027
    checks = legacy_checks(sp.evaluate(from_data(data)))
    assert [c.status for c in checks] == ["not met"]
    assert "course participant: support started about 2027-01-01" in checks[0].reason
    # 104 weeks on support before 2027: started 3 January 2025, allowed
    data["public"]["weeks_on_support"] = 104
    assert [c.status for c in legacy_checks(sp.evaluate(from_data(data)))] == ["met"]


def test_new_course_participants_may_not_get_a_legacy_benefit() -> None:
    data = example("ikea_rebild_3_years.yaml")
    data["public"]["during_course"] = {"parameter": "benefit.ressourceforloebsydelse_forsoerger"}
    checks = legacy_checks(sp.evaluate(from_data(data)))
    # the first participants started in 2024 (104 weeks before 2026), the new ones from 2027
    assert [c.status for c in checks] == ["not met"]
    assert "new course participants from 2027-01-01" in checks[0].reason


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_no_bundled_example_uses_a_legacy_benefit_it_may_not(path: Any) -> None:
    ev = sp.evaluate(sp.load(path))
    assert [c for c in legacy_checks(ev) if c.status != "met"] == []


# -- 4. the fleksjob wage ----------------------------------------------------------------------------


def test_the_fleksjob_wage_derived_from_the_wage_cost_is_stated() -> None:
    ev = sp.evaluate(from_data(supplier()))
    view = ev.public
    assert view is not None
    # L = 170 × 87 % = 147.90/hour; 147.90 × 65 = 9,613.50/month; 21,600 − 2,884.05 = 18,715.95 is above
    # the lønloft 147.90 × 1,924/12 − 9,613.50 = 23,713.30 − 9,613.50 = 14,099.80; × 240 = 3,383,952.00
    assert line(view, "fleksløntilskud") == (D("3383952.00"), D("0.00"))
    assert any("170.00 → 147.90 DKK/hour" in a and "estimate" in a for a in view.assumptions)
    assert "fleksjob.wage_share_of_wage_cost" in {v.name for v in ev.parameters}
    # stated, no assumption
    view = sp.evaluate(from_data(supplier(fleksjob_wage="140 DKK/hour"))).public
    assert view is not None
    assert not any("fleksjob wage" in a for a in view.assumptions)


# -- 5. comparison group and deadweight ------------------------------------------------------------


def test_a_progression_with_a_comparison_group() -> None:
    data = example("ikea_rebild_3_years.yaml")
    data["horizon"]["progression"]["comparison"] = {"to_fleksjob": "5 %", "to_ordinary": "1 %", "leave": "10 %"}
    data["horizon"]["progression"]["leave_benefit"] = {"parameter": "benefit.foertidspension_enlig"}
    ev = sp.evaluate(from_data(data))
    first = {f.key: f.value for f in ev.breakdown[0].figures}
    # 3 finishers a year: 13 % = 0.39 into fleksjob with the partnership, 5 % = 0.15 anyway: effect 0.24
    assert first["progression.comparison_into_fleksjob"] == D("0.15")
    assert first["progression.effect_into_fleksjob"] == D("0.24")
    assert first["progression.effect_into_ordinary"] == D("0.06")
    view = ev.breakdown[1].public  # 2027
    assert view is not None
    # fleksjob wage 140 × 1.02 = 142.80: L = 142.80 × 65 = 9,282; lønloft 142.80 × 1,924/12 − 9,282 =
    # 22,895.60 − 9,282 = 13,613.60 (below 22,475 − 2,784.60 = 19,690.40); × 12 = 163,363.20 a person:
    # 0.39 with the partnership = 63,711.65, 0.15 in the comparison group = 24,504.48
    assert line(view, "fleksløntilskud: former participants in fleksjob") == (D("63711.65"), D("24504.48"))
    # those who left stay on the books on both sides: førtidspension 22,946 × 12 = 275,352 a person
    # (2027: 22,053 × 1.0405, the 0.45-point deduction of lov nr. 630 af 11.6.2024);
    # 46 % = 1.38 with, 10 % = 0.30 without: 379,985.76 and 82,605.60
    assert line(view, "benefit: former participants who left") == (D("379985.76"), D("82605.60"))
    # otherwise on kontanthjælp: the 3 participants + (0.39 − 0.15) + (0.09 − 0.03) + (1.38 − 0.30) = 4.38;
    # 13,885 × 12 × 4.38 = 166,620 × 4.38 = 729,795.60
    assert line(view, "counterfactual benefit: course participant") == (D("0.00"), D("729795.60"))
    # former participants finished a course in 2026: past week 52 of the ladder in 2027 (with or
    # without the partnership), so the whole year is at 20 %:
    # 63,711.65 × 20 % = 12,742.33 and 24,504.48 × 20 % = 4,900.896 → 4,900.90
    assert line(view, "state refusion: former participants in fleksjob", "state") == (D("12742.33"), D("4900.90"))
    # the otherwise side: the 3 participants at the participants' 2027 rate,
    # 38 % × 20 % + 62 % × 99/260 = 0.3120769 (the first ones past week 52, newcomers in weeks 1-52),
    # and the 1.38 former participants at 20 %: 166,620 × (3 × 0.3120769 + 1.38 × 0.2)
    # = 155,994.77 + 45,987.12 = 201,981.89
    assert line(view, "counterfactual refusion: course participant", "state") == (D("0.00"), D("201981.89"))


def test_without_a_comparison_group_nothing_changes() -> None:
    data = example("ikea_rebild_3_years.yaml")
    del data["horizon"]["progression"]["comparison"], data["horizon"]["progression"]["leave_benefit"]
    base = sp.evaluate(from_data(data))
    data["horizon"]["progression"]["comparison"] = {}  # a comparison group in which nobody moves
    same = sp.evaluate(from_data(data))
    assert same.results()["public.municipality"] == base.results()["public.municipality"]


def test_a_comparison_group_may_not_move_more_than_the_partnership() -> None:
    data = example("ikea_rebild_3_years.yaml")
    # those who leave are on the books (leave_benefit): 15 + 3 + 46 = 64 % against the partnership's 62 %
    data["horizon"]["progression"]["comparison"] = {"to_fleksjob": "15 %", "to_ordinary": "3 %", "leave": "46 %"}
    with pytest.raises(ValidationError, match=r"comparison: the comparison group moves 64\.00%"):
        from_data(data)
    # without leave_benefit the leavers are not counted: 15 + 3 = 18 % against 16 %
    del data["horizon"]["progression"]["leave_benefit"]
    with pytest.raises(ValidationError, match=r"comparison: the comparison group moves 18\.00%"):
        from_data(data)


# -- 6. løntilskud -------------------------------------------------------------------------------------


def test_loentilskud_is_paid_to_the_employer_per_hour() -> None:
    data = example("in_house_packing.yaml")
    data["workforce"].append(
        {
            "form": "løntilskud",
            "headcount": 2,
            "paid_hours": "37 hour/week",
            "wage_cost": "160 DKK/hour",
            "workplace": "company",
        }
    )
    data["public"] = {"year": 2026, "municipality": AALBORG, "weeks_on_support": {"løntilskud": 2, "default": 104}}
    ev = sp.evaluate(from_data(data))
    view = ev.public
    assert view is not None
    # 96.27 DKK/hour × 37 hours × 52 weeks × 2 people = 96.27 × 3,848 = 370,446.96, to the SØV as employer
    assert line(view, "løntilskud") == (D("370446.96"), D("0.00"))
    assert [t.amount for t in ev.ledger if t.purpose == "løntilskud"] == [D("370446.96")]
    assert [t.payee for t in ev.ledger if t.purpose == "løntilskud"] == ["social_enterprise"]
    # weeks 3-54 on the ladder: 1,860/52 % (see above); 370,446.96 × 1,860 / 5,200 = 132,506.03
    assert line(view, "state refusion on løntilskud", "state") == (D("132506.03"), D("0.00"))


def test_loentilskud_wages_are_taxed_at_the_stated_share() -> None:
    data = example("in_house_packing.yaml")
    data["workforce"] = [
        {
            "form": "løntilskud",
            "headcount": 2,
            "paid_hours": "37 hour/week",
            "wage_cost": "160 DKK/hour",
            "workplace": "company",
        }
    ]
    data["public"] = {
        "year": 2026,
        "municipality": AALBORG,
        "weeks_on_support": 104,
        "counterfactual": {"løntilskud": {"parameter": "benefit.kontanthjaelp.forhoejet_sats"}},
        "tax": {"taxable_share_of_wage_cost": "90 %"},
    }
    view = sp.evaluate(from_data(data)).public
    assert view is not None
    # wages 160 × 90 % × 37 × 52 × 2 = 144 × 3,848 = 554,112; AM-bidrag 8 % = 44,328.96
    assert line(view, "tax: AM-bidrag on wages", "state") == (D("-44328.96"), D("0.00"))
    # taxable: 554,112 − 44,328.96 = 509,783.04 with (løntilskud goes to the employer, not the worker);
    # kontanthjælp 13,345 × 12 × 2 = 320,280 without; municipal 25.049 %: 127,445.76 + 249.79 = 127,695.55 and 80,226.94
    assert line(view, "tax: municipal income tax") == (D("-127695.55"), D("-80226.94"))


# -- 7. tax ------------------------------------------------------------------------------------------------


def test_tax_on_and_off() -> None:
    off = sp.evaluate(from_data(supplier(fleksjob_wage="140 DKK/hour")))
    on = sp.evaluate(from_data(supplier(fleksjob_wage="140 DKK/hour", tax={})))
    assert off.public is not None
    assert on.public is not None
    assert "public.municipality.before_tax" not in off.results()
    # before tax: as without the tax block (see test_a_supplier_with_a_public_block)
    assert on.public.net_effect_before_tax("municipality") == D("1206400.00")
    assert on.public.net_effect_before_tax("state") == D("301600.00")
    # wages of the fleksjob group: 140 × 15 × 52 × 20 = 2,184,000; AM-bidrag 8 % = 174,720.00 to the state
    assert line(on.public, "tax: AM-bidrag on wages", "state") == (D("-174720.00"), D("0.00"))
    # taxable: 2,184,000 − 174,720 + fleksløntilskud 3,203,200 = 5,212,480 with; ledighedsydelse 4,711,200
    # without. Municipal tax 25.049 %: 1,305,674.12 and 1,180,108.49
    assert line(on.public, "tax: municipal income tax") == (D("-1305674.12"), D("-1180108.49"))
    # bundskat 12.01 %: 626,018.85 and 565,815.12
    assert line(on.public, "tax: state bottom-bracket tax", "state") == (D("-626018.85"), D("-565815.12"))
    # after tax: 1,206,400 + (1,305,674.12 − 1,180,108.49) = 1,331,965.63
    assert on.public.net_effect("municipality") == D("1331965.63")
    # 301,600 + 174,720 + (626,018.85 − 565,815.12) = 536,523.73
    assert on.public.net_effect("state") == D("536523.73")
    results = on.results()
    assert results["public.municipality"] == D("1331965.63")
    assert results["public.municipality.before_tax"] == D("1206400.00")
    assert any(a.startswith("tax counted") for a in on.public.assumptions)
    # tax: true is the same as tax: {}; tax: false leaves it out
    switched = sp.evaluate(from_data(supplier(fleksjob_wage="140 DKK/hour", tax=True))).results()
    assert switched["public.municipality"] == D("1331965.63")
    assert from_data(supplier(tax=False)).public.tax is None  # type: ignore[union-attr]


# -- 8. real or nominal -----------------------------------------------------------------------------------


def test_present_values_are_real_or_nominal_and_say_so() -> None:
    data = example("ikea_rebild_3_years.yaml")
    real = sp.evaluate(from_data(data))
    nets = [b.public.net_effect("municipality") for b in real.breakdown if b.public is not None]
    # real: each year's net deflated by 2 % price growth and discounted at 3.5 %
    want = sum(Fraction(n) / (Fraction(1035, 1000) * Fraction(102, 100)) ** t for t, n in enumerate(nets))
    assert abs(Fraction(real.figure("npv.public.municipality").value) - want) <= Fraction(1, 200)  # type: ignore[arg-type]
    assert any("present values: real" in s for s in real.statements)
    nominal_data = copy.deepcopy(data)
    nominal_data["horizon"]["nominal_discount_rate"] = "5 %"
    nominal = sp.evaluate(from_data(nominal_data))
    want = sum(Fraction(n) / Fraction(105, 100) ** t for t, n in enumerate(nets))
    assert abs(Fraction(nominal.figure("npv.public.municipality").value) - want) <= Fraction(1, 200)  # type: ignore[arg-type]
    assert any("present values: nominal" in s and "5.00 %" in s for s in nominal.statements)


@given(
    st.integers(0, 200),
    st.integers(1, 6),
    st.fractions(min_value=0, max_value=1, max_denominator=100),
)
def test_the_participants_rate_mixes_the_ladder(weeks: int, index: int, q: Fraction) -> None:
    """Between the rate of the first citizens (week 53 on: 20 %) and of the newest (weeks 1-52), the
    ends at q = 0 and q = 1: every cohort's rate lies in between.

    With the same number of places every year and a share q freed a year, year t holds
    (1 − q)^t of the first citizens, q newcomers of this year and (1 − q) − (1 − q)^t of
    earlier years (past week 52): the rate is first·(1 − q)^t + new·q + after·((1 − q) − (1 − q)^t).
    """
    from socialpartner._internal.horizon import Occupants, Places
    from socialpartner.public import Ladder

    data = ladder_scenario()
    data["public"]["weeks_on_support"] = weeks
    budget = from_data(data).public
    p = ParameterUse(sp.default_parameters(), 2026)
    stay = (1 - q) ** index
    # 12-month courses: the places freed on 31 December are taken from 1 January (week 1)
    places = Places(
        (0, 52),
        (),
        (Occupants("first", None, stay), Occupants("past", None, (1 - q) - stay), Occupants("new", 0, q)),
    )
    mixed = Ladder(budget, index, 52, p, places).rate("course participant")
    first = refusion_rate(weeks + 52 * index, 52, p)
    newest = refusion_rate(0, 52, p)
    after = refusion_rate(52, 52, p)
    assert mixed == first * stay + newest * q + after * ((1 - q) - stay)
    assert first == Fraction(1, 5)
    assert first <= mixed <= newest
    if q == 0:
        assert mixed == first
    if q == 1:
        assert mixed == newest


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(any_model_data(), st.sampled_from([0, 3, 30, 104]))
def test_tax_adds_only_its_own_lines_on_every_model(data: dict[str, Any], weeks: int) -> None:
    """With tax, the net effect before tax is the net effect without it; after tax adds the tax lines."""
    data["public"] = {
        "year": 2026,
        "weeks_on_support": weeks,
        "during_course": {"parameter": "benefit.kontanthjaelp.forhoejet_sats"},
        "counterfactual": {
            "fleksjob": {"parameter": "benefit.ledighedsydelse"},
            "løntilskud": {"parameter": "benefit.kontanthjaelp.forhoejet_sats"},
            "course participant": {"parameter": "benefit.kontanthjaelp.forhoejet_sats"},
        },
    }
    if data.get("municipality") is None:
        data["public"]["municipality"] = AALBORG
    try:
        without = sp.evaluate(from_data(data))
    except (ValidationError, sp.LedgerError):
        return  # amounts beyond what can be booked: judged elsewhere
    data["public"]["tax"] = {}
    taxed = sp.evaluate(from_data(data))
    for a, b in zip(without.breakdown or (without,), taxed.breakdown or (taxed,), strict=True):
        assert a.public is not None
        assert b.public is not None
        for payer in ("municipality", "state"):
            assert b.public.net_effect_before_tax(payer) == a.public.net_effect(payer)
            tax = sum((x.counterfactual - x.actual for x in b.public.lines if x.tax and x.payer == payer), D(0))
            assert b.public.net_effect(payer) == a.public.net_effect(payer) + tax
        # tax lines are revenue: never a cost to a payer
        assert all(x.actual <= 0 for x in b.public.lines if x.tax)


def test_new_course_participants_come_when_places_are_freed() -> None:
    """A 24-month course started in 2026 ends at the end of 2027: new citizens take places from 2028."""
    data = example("ikea_rebild_3_years.yaml")
    data["public"]["during_course"] = {"parameter": "benefit.ressourceforloebsydelse_forsoerger"}
    data["horizon"]["progression"]["after"] = "24 month"
    checks = legacy_checks(sp.evaluate(from_data(data)))
    assert "new course participants from 2028-01-01" in checks[0].reason
    # nobody moves on (all shares 0 %): no new citizens, only the first ones' start counts
    data["horizon"]["progression"].update(to_fleksjob="0 %", to_ordinary="0 %", leave="0 %")
    data["horizon"]["progression"]["comparison"] = {}
    checks = legacy_checks(sp.evaluate(from_data(data)))
    assert "new course participants" not in checks[0].reason
