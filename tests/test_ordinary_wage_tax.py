"""Tax on the wages of former course participants in ordinary jobs (``progression.ordinary_wage``).

With ``public.tax``, a participant who moves into an ordinary job leaves a taxed benefit
for a taxed wage. Without a stated wage the public view cannot tax it, so it used to
count the mover as having no income at all: the net effect after tax was worse than
before tax. Now the wage is taxed when stated, and the view says so when it is not.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import socialpartner as sp

D = Decimal

# 10 course participants, course benefit and counterfactual both 13,000 DKK a month, half of
# those finishing a 12-month course move into ordinary jobs; tax counted; 2026-2027
DEAL: dict[str, Any] = {
    "model": "shared_responsibility",
    "name": "tax on ordinary-job movers",
    "social_enterprise": {"name": "S"},
    "company": {"name": "C"},
    "municipality": {"name": "Rebild Kommune", "code": 840},
    "temp_hours": {
        "workers": 0,
        "effective_hours": "10 hour/week",
        "wage_cost": "150 DKK/hour",
        "overhead": "10 DKK/hour",
    },
    "courses": {"participants": 10, "price": "10000 DKK/month"},
    "support_staff": [{"role": "x", "fte": 1, "annual_cost": "500000 DKK/year"}],
    "public": {
        "year": 2026,
        "weeks_on_support": 104,
        "during_course": {"amount": "13000 DKK/month"},
        "counterfactual": {"course participant": {"amount": "13000 DKK/month"}},
        "tax": {},
    },
    "horizon": {
        "years": 2,
        "start_year": 2026,
        "progression": {"after": "12 month", "to_fleksjob": "0 %", "to_ordinary": "50 %", "leave": "0 %"},
    },
}


def _deal(**progression: Any) -> dict[str, Any]:
    data = copy.deepcopy(DEAL)
    data["horizon"]["progression"].update(progression)
    return data


def _tax(view: sp.PublicView) -> dict[str, tuple[Decimal, Decimal]]:
    return {line.item: (line.actual, line.counterfactual) for line in view.lines if line.item.startswith("tax:")}


def test_a_stated_ordinary_wage_is_taxed() -> None:
    view = sp.evaluate(sp.from_data(_deal(ordinary_wage="26000 DKK/month"))).breakdown[1].public
    assert view is not None
    # 2027: 10 × 1 course ended × 50 % = 5 people in ordinary jobs at 26,000 × 12 = 312,000 a year
    # wages 5 × 312,000 = 1,560,000; AM-bidrag 8 % = 124,800.00 (to the state, with the partnership only)
    # the stated 13,000 a month is the 2026 rate, indexed as transfer incomes are in 2027 (4.5 %
    # less 0.45 point): 13,526.50 × 12 = 162,318 a year
    # taxable with: the 10 new participants' course benefit 1,623,180 + wages after AM-bidrag 1,435,200
    #   = 3,058,380; otherwise the benefit of 15 (10 + the 5 movers): 2,434,770
    # municipal 25.049 %: 3,058,380 × 0.25049 = 766,093.606 → 766,093.61; 2,434,770 × 0.25049 = 609,885.54
    # bundskat 12.01 %: 3,058,380 × 0.1201 = 367,311.44; 2,434,770 × 0.1201 = 292,415.88
    assert _tax(view) == {
        "tax: AM-bidrag on wages": (D("-124800.00"), D("0.00")),
        "tax: municipal income tax": (D("-766093.61"), D("-609885.54")),
        "tax: state bottom-bracket tax": (D("-367311.44"), D("-292415.88")),
    }
    # before tax: otherwise 2,434,770 − refusion (1,623,180 at the participants' rate 471,346.50 +
    # 5 movers × 162,318 at 20 % = 162,318) = 1,801,105.50; with 1,200,000 (courses) + 1,623,180 −
    # 471,346.50 = 2,351,833.50: −550,728.00. After tax: + 766,093.61 − 609,885.54 = + 156,208.07,
    # better than before tax: a wage pays more tax than the benefit it replaces
    before = view.net_effect_before_tax("municipality")
    assert before == D("-550728.00")
    assert view.net_effect("municipality") == before + D("156208.07") == D("-394519.93")
    assert not any("ordinary_wage" in a for a in view.assumptions)


def test_without_a_stated_wage_the_view_says_its_tax_is_left_out() -> None:
    view = sp.evaluate(sp.from_data(_deal())).breakdown[1].public
    assert view is not None
    # the movers' wages are not taxed: only the 10 participants' benefit, 1,623,180 × 25.049 % = 406,590.36
    assert _tax(view)["tax: municipal income tax"] == (D("-406590.36"), D("-609885.54"))
    # after tax worse than before: −550,728.00 − 609,885.54 + 406,590.36
    assert view.net_effect("municipality") == D("-754023.18")
    (said,) = [a for a in view.assumptions if "ordinary_wage" in a]
    assert said.endswith("the net effect after tax leaves that tax out")
    first = sp.evaluate(sp.from_data(_deal())).breakdown[0].public
    assert first is not None
    assert not any("ordinary_wage" in a for a in first.assumptions)  # nobody has moved yet in 2026


def test_the_comparison_groups_movers_are_taxed_otherwise() -> None:
    data = _deal(ordinary_wage="312000 DKK/year", comparison={"to_ordinary": "10 %"})
    view = sp.evaluate(sp.from_data(data)).breakdown[1].public
    assert view is not None
    # otherwise 10 × 10 % = 1 person in an ordinary job: AM-bidrag 312,000 × 8 % = 24,960.00
    assert _tax(view)["tax: AM-bidrag on wages"] == (D("-124800.00"), D("-24960.00"))


def test_the_wage_grows_with_wages_and_reads_as_written() -> None:
    data = _deal(ordinary_wage="26.000 kr./md.")
    data["number_format"] = "da"
    data["horizon"]["wage_growth"] = "3 %"
    ev = sp.evaluate(sp.from_data(data))
    view = ev.breakdown[1].public
    assert view is not None
    # 312,000 × 1.03 = 321,360 a year in 2027; 5 people: 1,606,800; AM-bidrag 8 % = 128,544.00
    assert _tax(view)["tax: AM-bidrag on wages"][0] == D("-128544.00")
    same = _deal(ordinary_wage="312000 DKK/year")
    same["horizon"]["wage_growth"] = "3 %"
    assert sp.evaluate(sp.from_data(same)).results() == ev.results()  # per month or per year: the same


def test_the_wage_survives_a_save_and_load(tmp_path: Any) -> None:
    deal = sp.from_data(_deal(ordinary_wage="26000 DKK/month"))
    sp.save(deal, tmp_path / "deal.yaml")
    again = sp.load(tmp_path / "deal.yaml")
    assert again == deal
    assert again.horizon is not None
    assert again.horizon.progression is not None
    assert str(again.horizon.progression.ordinary_wage) == "26000 DKK / month"


def test_a_stated_wage_without_tax_is_said_to_do_nothing() -> None:
    data = _deal(ordinary_wage="26000 DKK/month")
    del data["public"]["tax"]
    with_wage = sp.evaluate(sp.from_data(data))
    del data["horizon"]["progression"]["ordinary_wage"]
    without = sp.evaluate(sp.from_data(data))
    assert with_wage.results() == without.results()  # no tax counted: the wage moves nothing
    view = with_wage.breakdown[1].public
    assert view is not None
    assert "horizon.progression.ordinary_wage is used only with public.tax: without it no tax is counted" in (
        view.assumptions
    )
