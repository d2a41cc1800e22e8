"""Amounts over the years of a horizon or a spin-off, worked by hand.

- A horizon change's money values are in the prices of the change's year and grow from
  there with the horizon's wage or price growth, as every other money input grows from the
  first year; an FTE change on a post costed by its ``annual_cost`` moves no amount, and the
  evaluation says so.
- A rate in kroner the scenario states (a ``parameters:`` override of a rate the file
  indexes, an ``amount:`` in ``public:``) is the public view's first year's rate, indexed in
  later years by the satsreguleringsprocent as the file's carried rates are (lov om en
  satsreguleringsprocent, LBK nr. 237 af 27.2.2020, §§ 2-4: at a wage growth of 3 % the
  percentage is 3 − 0.3 = 2.7 %).
- A spin-off's years are in constant prices: its public purse uses the first public year's
  rates in kroner every year, as its present values take them.
"""

from __future__ import annotations

import copy
from decimal import Decimal as D  # noqa: N817 - the hand-worked figures read shorter
from typing import Any

import numpy as np
import pytest

import socialpartner as sp
from socialpartner._internal import paths
from socialpartner._internal.i18n import Translator
from socialpartner.scenario import from_data
from socialpartner.views.explain import explanation_text

from .test_horizon_changes import aalborg, inputs_of

# -- finding: a change's money values grow from the change's year -------------------------


def salaries(ev: sp.Evaluation) -> list[list[D]]:
    return [[t.amount for t in part.ledger if t.purpose.startswith("salary")] for part in ev.breakdown]


def test_a_relisted_post_grows_from_its_change_year() -> None:
    # 2026-2028, wage growth 3 %: the change re-lists the socialpædagog at 500,000 from 2027 and
    # adds a 0.5 jobkonsulent at 460,000 per FTE. 2026: 480,000 (stated); 2027: 500,000 and
    # 0.5 × 460,000 = 230,000 as the change states them; 2028: 500,000 × 1.03 = 515,000 and
    # 0.5 × 460,000 × 1.03 = 236,900 (before: 500,000 and 230,000 again, frozen)
    staff = [
        {"role": "socialpædagog", "fte": 1, "annual_cost": "500000 DKK/year"},
        {"role": "jobkonsulent", "fte": 0.5, "cost_per_fte": "460000 DKK/year"},
    ]
    ev = sp.evaluate(from_data(aalborg(changes=[{"year": 2027, "set": {"support_staff": staff}}])))
    assert salaries(ev) == [
        [D("480000.00")],
        [D("500000.00"), D("230000.00")],
        [D("515000.00"), D("236900.00")],
    ]
    shown = inputs_of(ev.explain("2028:cost"))
    assert shown["support_staff.0.annual_cost"] == (
        "515000 DKK / year (500000 DKK / year set from 2027 by horizon.changes.0, grown 3 % a year for 1 year)"
    )
    assert shown["support_staff.1.fte"] == "0.5 FTE (set from 2027 by horizon.changes.0)"
    # in the change's own year it is as stated
    assert inputs_of(ev.explain("2027:cost"))["support_staff.0.annual_cost"] == (
        "500000 DKK / year (set from 2027 by horizon.changes.0)"
    )
    text = explanation_text(ev.explain("2028:cost"), "da")
    assert (
        "support_staff.0.annual_cost = 515.000 kr./år (500.000 kr./år sat fra 2027 af horizon.changes.0, "
        "fremskrevet 3 % om året i 1 år)"
    ) in text


def test_a_changed_price_grows_with_prices_from_its_year() -> None:
    # price growth 2 %: courses.price 12,000 DKK/month from 2027 is 12,000 × 1.02 = 12,240 in 2028;
    # 3 places × 12 months: 432,000.00 in 2027 and 440,640.00 in 2028
    ev = sp.evaluate(
        from_data(aalborg(price_growth="2 %", changes=[{"year": 2027, "set": {"courses.price": "12000 DKK/month"}}]))
    )
    courses = [[t.amount for t in part.ledger if "course" in t.purpose] for part in ev.breakdown]
    # 2026: 11,000 × 36 = 396,000.00 (stated)
    assert courses == [[D("396000.00")], [D("432000.00")], [D("440640.00")]]


def test_a_later_change_inside_a_changed_block_grows_from_its_own_year() -> None:
    # 4 years, 2026-2029: the post re-listed at 500,000 from 2027, its cost set to 600,000 from
    # 2028; 2029: 600,000 × 1.03 = 618,000 (the later change's year counts)
    staff = [{"role": "socialpædagog", "fte": 1, "annual_cost": "500000 DKK/year"}]
    changes = [
        {"year": 2027, "set": {"support_staff": staff}},
        {"year": 2028, "set": {"support_staff.0.annual_cost": "600000 DKK/year"}},
    ]
    ev = sp.evaluate(from_data(aalborg(years=4, changes=changes)))
    assert salaries(ev) == [[D("480000.00")], [D("500000.00")], [D("600000.00")], [D("618000.00")]]


def test_a_change_in_the_first_year_grows_as_the_stated_value() -> None:
    # a change from the first year is the same as stating the value: it grows from the first year
    changed = aalborg(price_growth="2 %", changes=[{"year": 2026, "set": {"courses.price": "12000 DKK/month"}}])
    stated = aalborg(price_growth="2 %", changes=[])
    stated["courses"]["price"] = "12000 DKK/month"
    a, b = (sp.evaluate(from_data(d)) for d in (changed, stated))
    # 2028: 12,000 × 1.02² = 12,484.80 × 36 = 449,452.80
    assert [p.results()["funding"] for p in a.breakdown] == [p.results()["funding"] for p in b.breakdown]
    assert [t.amount for t in a.breakdown[2].ledger if "course" in t.purpose] == [D("449452.80")]


def test_a_sweep_agrees_with_evaluate_on_a_grown_change() -> None:
    staff = [{"role": "socialpædagog", "fte": 1, "annual_cost": "500000 DKK/year"}]
    p = from_data(aalborg(changes=[{"year": 2027, "set": {"support_staff": staff}}]))
    frame = sp.sweep(p, {"courses.price": ["11000 DKK/month", "12000 DKK/month"]})
    # 2028: cost 515,000; funding 20 × 4 workers × 780 = 62,400 overhead + 36 × the price
    assert list(frame["2028.cost [DKK]"]) == pytest.approx([515000.0, 515000.0])
    assert list(frame["2028.coverage"]) == pytest.approx([(62400 + 396000) / 515000, (62400 + 432000) / 515000])


def test_an_fte_change_on_a_post_costed_by_its_annual_cost_is_stated() -> None:
    # docs (scenarios.md): annual_cost is the post's cost as stated, at its FTE; its FTE moves no
    # amount: 2027 costs 480,000 × 1.03 = 494,400 whatever the FTE, and the evaluation says so
    ev = sp.evaluate(from_data(aalborg(changes=[{"year": 2027, "set": {"support_staff.0.fte": 0.5}}])))
    assert salaries(ev)[1] == [D("494400.00")]
    note = (
        "horizon.changes.0 sets support_staff.0.fte from 2027: the post is costed by its annual_cost (the cost of "
        "the post as stated, at its FTE), so its FTE changes no amount; set its annual_cost too, or cost the post "
        "per FTE (cost_per_fte)"
    )
    assert note in ev.statements
    assert any("så dens årsværk ændrer intet beløb" in Translator("da")(s) for s in ev.statements)
    # with the cost set in the same change, or a post costed per FTE: nothing to say
    both = {"support_staff.0.fte": 0.5, "support_staff.0.annual_cost": "240000 DKK/year"}
    ev = sp.evaluate(from_data(aalborg(changes=[{"year": 2027, "set": both}])))
    assert salaries(ev)[1] == [D("240000.00")]
    assert not any("changes no amount" in s for s in ev.statements)
    data = aalborg(changes=[{"year": 2027, "set": {"support_staff.0.fte": 0.5}}])
    data["support_staff"] = [{"role": "socialpædagog", "fte": 1, "cost_per_fte": "480000 DKK/year"}]
    ev = sp.evaluate(from_data(data))
    assert salaries(ev)[1] == [D("247200.00")]  # 0.5 × 480,000 × 1.03
    assert not any("changes no amount" in s for s in ev.statements)


# -- finding: rates in kroner the scenario states are indexed as the file's ----------------

DEAL: dict[str, Any] = {
    "model": "shared_responsibility",
    "name": "Aalborg, four years",
    "social_enterprise": {"name": "SØV"},
    "company": {"name": "Nordbyg A/S"},
    "municipality": {"name": "Aalborg Kommune", "code": 851},
    "temp_hours": {
        "workers": 4,
        "effective_hours": "20 hour/week",
        "wage_cost": "165.5 DKK/hour",
        "overhead": "12 %",
    },
    "courses": {"participants": 5, "price": "9500 DKK/month"},
    "support_staff": [{"role": "socialpædagog", "fte": 1, "annual_cost": "510000 DKK/year"}],
    "parameters": {"benefit.ledighedsydelse": "4600 DKK/week"},
    "public": {
        "year": 2027,
        "weeks_on_support": 104,
        "fleksjob_wage": "140 DKK/hour",
        "during_course": {"parameter": "benefit.kontanthjaelp.forhoejet_sats"},
        "counterfactual": {
            "fleksjob": {"parameter": "benefit.ledighedsydelse"},
            "course participant": {"amount": "13885 DKK/month"},
        },
    },
    "horizon": {"years": 4, "start_year": 2027, "wage_growth": "3 %", "price_growth": "2 %"},
}


def line(view: sp.PublicView | None, item: str) -> tuple[D, D]:
    assert view is not None
    (found,) = [x for x in view.lines if x.item == item and x.payer == "municipality"]
    return found.actual, found.counterfactual


def test_an_override_of_an_indexed_rate_is_indexed_after_the_first_year() -> None:
    # 4 fleksjob workers on 4,600 DKK/week otherwise: 4 × 4,600 × 52 = 956,800.00 in 2027, then
    # × 1.027 a year (the file's rates are 2027's; 3 % wage growth gives 2.7 %):
    # 2028 956,800 × 1.027 = 982,633.60; 2029 × 1.054729 = 1,009,164.7072 → 1,009,164.71;
    # 2030 × 1.083206683 = 1,036,412.154... → 1,036,412.15
    ev = sp.evaluate(from_data(copy.deepcopy(DEAL)))
    otherwise = [line(b.public, "counterfactual benefit: fleksjob")[1] for b in ev.breakdown]
    assert otherwise == [D("956800.00"), D("982633.60"), D("1009164.71"), D("1036412.15")]
    listed = {v.for_year: v for v in ev.parameters if v.name == "benefit.ledighedsydelse"}
    # 4,600 × 1.027² = 4,851.7534 DKK/week in 2029, the scenario's own rate indexed
    assert listed[2029].value.magnitude == pytest.approx(4851.7534)
    assert listed[2029].tag == "override"
    statement = next(s for s in ev.statements if s.startswith("the rates in kroner the scenario states"))
    assert statement == (
        "the rates in kroner the scenario states (parameters.benefit.ledighedsydelse, "
        "public.counterfactual.course participant) are the 2027 rates: for 2028–2030 they are indexed by the "
        "satsreguleringsprocent, as the parameters' rates are past the file's last year "
        "(2.70 % a year, as lov om en satsreguleringsprocent "
        "§§ 2-4 derives it from the wage growth of the lønår two years before (§ 3, stk. 2), taken as the horizon's "
        "wage growth of 3.00 %)"
    )


def test_a_stated_counterfactual_amount_is_indexed_as_the_parameter_on_the_other_side() -> None:
    # the participants get kontanthjælp (forhøjet sats, 13,885 DKK/month in 2027: 13,345 × 1.0405 with the
    # 0.45-point deduction of lov nr. 630 af 11.6.2024, indexed after it) and would otherwise get the
    # stated 13,885: the same every year, no bias either way.
    # 5 × 13,885 × 12 = 833,100.00 in 2027; 2028 × 1.027 = 855,593.70; 2029 × 1.054729 =
    # 878,694.7299 → 878,694.73; 2030 × 1.083206683 = 833,100 + 69,319.4876 = 902,419.4876 → 902,419.49
    ev = sp.evaluate(from_data(copy.deepcopy(DEAL)))
    during = [line(b.public, "benefit during the course")[0] for b in ev.breakdown]
    otherwise = [line(b.public, "counterfactual benefit: course participant")[1] for b in ev.breakdown]
    assert during == otherwise
    assert otherwise == [D("833100.00"), D("855593.70"), D("878694.73"), D("902419.49")]


def test_without_a_horizon_a_stated_rate_is_used_as_stated() -> None:
    # one year (2029, after the file's last rates): the override and the stated amount are that
    # year's rates, unchanged: 4 × 4,600 × 52 = 956,800.00 and 5 × 13,885 × 12 = 833,100.00
    data = copy.deepcopy(DEAL)
    data.pop("horizon")
    data["public"]["year"] = 2029
    view = sp.evaluate(from_data(data)).public
    assert line(view, "counterfactual benefit: fleksjob") == (D("0.00"), D("956800.00"))
    assert line(view, "counterfactual benefit: course participant") == (D("0.00"), D("833100.00"))


def test_a_sweep_indexes_the_stated_rates_as_evaluate_does() -> None:
    deal = from_data(copy.deepcopy(DEAL))
    prices = ["9000 DKK/month", "12000 DKK/month"]
    frame = sp.sweep(deal, {"courses.price": prices})
    for i, price in enumerate(prices):
        ev = sp.evaluate(paths.replace(deal, "courses.price", price))
        one = {**ev.results(), "2030.public.municipality": ev.breakdown[3].results()["public.municipality"]}
        for key in ("2030.public.municipality", "public.municipality", "npv.public.state"):
            expected = one[key]
            assert expected is not None
            assert frame[f"{key} [DKK]"].iloc[i] == pytest.approx(float(expected), abs=0.01), key
    assert np.isfinite(frame["2030.public.municipality [DKK]"]).all()


# -- finding: a spin-off's public purse in constant prices ---------------------------------

SPIN_OFF: dict[str, Any] = {
    "model": "spin_off",
    "name": "Egen SØV",
    "company": {"name": "Nordjysk Emballage A/S"},
    "social_enterprise": {"name": "Emballage Social"},
    "split_year": 2027,
    "years": [
        {
            "year": 2026,
            "parent_purchases": "1200000 DKK/year",
            "workforce": [
                {"form": "fleksjob", "headcount": 8, "paid_hours": "15 hour/week", "wage_cost": "170 DKK/hour"}
            ],
            "support_staff": [{"role": "socialpædagog", "fte": 1, "annual_cost": "480000 DKK/year"}],
        },
        {
            "year": 2027,
            "parent_purchases": "100000 DKK/month",
            "other_revenue": "600000 DKK/year",
            "workforce": [
                {"form": "fleksjob", "headcount": 8, "paid_hours": "15 hour/week", "wage_cost": "170 DKK/hour"}
            ],
            "support_staff": [{"role": "socialpædagog", "fte": 1, "annual_cost": "480000 DKK/year"}],
        },
    ],
    "public": {
        "year": 2026,
        "weeks_on_support": 104,
        "municipality": {"name": "Aalborg Kommune", "code": 851},
        "fleksjob_wage": "140 DKK/hour",
        "counterfactual": {"fleksjob": {"parameter": "benefit.ledighedsydelse"}},
    },
    "rsv": {"social_purpose": True},
}


def test_a_spin_offs_public_purse_is_in_constant_prices() -> None:
    # every year at the 2026 rates. Otherwise: 8 × 4,530 × 52 = 1,884,480 ledighedsydelse, 20 %
    # refunded (past week 52): 1,507,584. With: L = 140 × 15 × 52/12 = 9,100 a month; the lønloft
    # 140 × 37 × 52/12 − 9,100 = 13,346.67 binds: 8 × 12 × 13,346.67 = 1,281,280, less 20 %:
    # 1,025,024. Net 482,560.00 in both years (before: 2027 at the 2027 rates, 550,784.00).
    # Present value at the real 3.5 %: 482,560 + 482,560 / 1.035 = 948,801.5459 → 948,801.55
    ev = sp.evaluate(from_data(copy.deepcopy(SPIN_OFF)))
    nets = [b.public.net_effect("municipality") for b in ev.breakdown if b.public is not None]
    assert nets == [D("482560.00"), D("482560.00")]
    assert ev.results()["npv.public.municipality"] == D("948801.55")
    assert (
        "public purse: the years' amounts are in constant prices, so every year uses the 2026 rates in kroner "
        "(benefits, fleksløntilskud; a benefit amount the scenario states, as stated), not each year's own"
    ) in ev.statements
    # the parameters listed are the 2026 ones, for both years
    assert {v.year for v in ev.parameters if v.name == "benefit.ledighedsydelse"} == {2026}


def test_a_spin_off_without_public_says_nothing_of_rates() -> None:
    data = copy.deepcopy(SPIN_OFF)
    data.pop("public")
    ev = sp.evaluate(from_data(data))
    assert not any("rates in kroner" in s for s in ev.statements)


def test_a_years_explanation_shows_the_stated_amount_indexed() -> None:
    # 2030: 13,000 × 1.027³ = 13,000 × 1.083206683 = 14,081.686879 a month; × 12 × 5 =
    # 844,901.21 (844,901.2128 rounded once), and the input says how it was indexed
    data = copy.deepcopy(DEAL)
    data["public"]["during_course"] = {"amount": "13000 DKK/month"}
    ev = sp.evaluate(from_data(data))
    explained = ev.explain("2030:public.during_course.1")
    assert explained.value == "844,901.21 DKK"
    assert inputs_of(explained)["public.during_course"] == (
        # the amount used, then the stated one and how (review 48 F12)
        "amount: 14081.686879 DKK / month (13000 DKK / month, the 2027 rate × 1.083207, indexed by the "
        "satsreguleringsprocent)"
    )
    assert "(13.000 kr./md., 2027-satsen × 1,083207, reguleret med satsreguleringsprocenten)" in explanation_text(
        explained, "da"
    )
    # the first year: as stated
    assert inputs_of(ev.explain("2027:public.during_course.1"))["public.during_course"] == "amount: 13000 DKK / month"


def test_a_changed_stated_amount_is_the_rate_of_the_changes_year() -> None:
    # the counterfactual amount set to 14,500 DKK/month from 2029: as stated in 2029, then indexed
    # from 2029: 2029 5 × 14,500 × 12 = 870,000.00; 2030 870,000 × 1.027 = 893,490.00 (not the
    # 2027 rate's × 1.027³)
    data = copy.deepcopy(DEAL)
    data["horizon"]["changes"] = [
        {"year": 2029, "set": {"public.counterfactual.course participant.amount": "14500 DKK/month"}}
    ]
    ev = sp.evaluate(from_data(data))
    otherwise = [line(b.public, "counterfactual benefit: course participant")[1] for b in ev.breakdown]
    assert otherwise[2:] == [D("870000.00"), D("893490.00")]


def test_a_satsreguleringsprocent_of_zero_is_said_to_index_by_zero() -> None:
    # parameters.satsreguleringsprocent: 0 % over 2026-2028: the stated 13,885 stays 13,885 and the
    # rates carried past 2027 stay 2027's. Both statements say the set 0 % did it (they said "not
    # indexed; … parameters.satsreguleringsprocent in the scenario indexes", as if none were set)
    data = copy.deepcopy(DEAL)
    data["public"]["year"] = 2026
    data["horizon"]["start_year"] = 2026
    data["horizon"]["years"] = 3
    data["parameters"] = {"satsreguleringsprocent": "0 %"}
    ev = sp.evaluate(from_data(data))
    otherwise = [line(b.public, "counterfactual benefit: course participant")[1] for b in ev.breakdown]
    assert otherwise == [D("833100.00")] * 3  # 5 × 13,885 × 12, indexed by 0 %
    assert (
        "parameters for 2028 are not published yet: the 2027 rates in kroner are indexed by a "
        "satsreguleringsprocent of 0.00 % a year, as set in parameters.satsreguleringsprocent"
    ) in ev.statements
    stated = next(s for s in ev.statements if s.startswith("the rates in kroner the scenario states"))
    assert stated.endswith("(0.00 % a year, as set in parameters.satsreguleringsprocent)")
    assert not any("not indexed" in s for s in ev.statements)
