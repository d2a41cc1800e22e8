"""Growth that carries an input past another the scenario checks it against is stated, with its years."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

import socialpartner as sp
from socialpartner._internal.i18n import Translator

ROOT = Path(__file__).resolve().parents[1]


def site(akkord: str, years: int) -> sp.Partnership:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "labour_shortage_site.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data.update(skilled_hour_value="575 DKK/hour", akkord_rate=akkord)
    data["horizon"] = {"years": years, "start_year": 2026, "wage_growth": "3 %", "price_growth": "2 %"}
    return sp.from_data(data)


def test_an_akkord_rate_grown_past_the_skilled_hour_value_is_stated() -> None:
    # akkord grows with wages, the value with prices: 540 × 1.03^k against 575 × 1.02^k.
    # k = 6 (2032): 644.79 < 647.53; k = 7 (2033): 540 × 1.229874 = 664.13 > 575 × 1.148686 = 660.49
    ev = sp.evaluate(site("540 DKK/hour", 10))
    said = [s for s in ev.statements if "akkord rate grown" in s]
    assert said == [
        "from 2033, the akkord rate grown with wage_growth (664.13 DKK/hour that year) exceeds the skilled hour "
        "value grown with price_growth (660.49 DKK/hour), which the scenario refuses as an input: the piece rate "
        "is paid out of that value, so the company loses on every freed hour and the highest helper price at which "
        "it still pays is below zero (years: 2033, 2034, 2035); check the growth rates"
    ]
    prices = {part.ledger.period: part.results()["max_helper_price"] for part in ev.breakdown}
    before, after = prices["2032"], prices["2033"]
    assert before is not None
    assert after is not None
    assert before > 0 > after
    danish = Translator("da")
    assert danish(said[0]).startswith("fra 2033 overstiger akkordsatsen, fremskrevet med wage_growth (664,13 kr./time")


def test_no_statement_while_the_akkord_stays_below() -> None:
    # 7 years end in 2032, the last year the akkord (644.79) is below the value (647.53)
    ev = sp.evaluate(site("540 DKK/hour", 7))
    assert not [s for s in ev.statements if "akkord rate grown" in s]
    assert not [s for s in sp.evaluate(site("120 DKK/hour", 10)).statements if "akkord rate grown" in s]


def test_movers_staying_to_the_end_is_stated_with_the_last_years_count() -> None:
    # 3 course places, 12-month courses: each year 3 × 13 % = 0.39 move into fleksjob and
    # 3 × 3 % = 0.09 into ordinary jobs, counted from the next year and never leaving:
    # the third year (2028) carries 2 × 0.39 = 0.78 and 2 × 0.09 = 0.18; the tenth 9 × 0.39 = 3.51, 9 × 0.09 = 0.81
    three: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    three.pop("expect", None)
    said = [s for s in sp.evaluate(sp.from_data(three)).statements if "move on stay" in s]
    assert len(said) == 1
    assert "in 2028 the deal counts 0.78 former course participants in fleksjob and 0.18 in ordinary jobs" in said[0]
    three["horizon"]["years"] = 10
    three["horizon"].pop("changes", None)
    said = [s for s in sp.evaluate(sp.from_data(three)).statements if "move on stay" in s]
    assert "in 2035 the deal counts 3.51 former course participants in fleksjob and 0.81 in ordinary jobs" in said[0]
    # a one-year horizon: nobody has moved on yet within it, so nothing to say
    three["horizon"]["years"] = 1
    assert not [s for s in sp.evaluate(sp.from_data(three)).statements if "move on stay" in s]


def test_a_job_of_no_hours_is_stated_in_its_year_and_at_the_top() -> None:
    # 0 effective hours a week for the temp workers: 3 fleksjob of no hours (4 from 2027, by the change)
    three: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    three.pop("expect", None)
    three["temp_hours"]["effective_hours"] = "0 hour/week"
    ev = sp.evaluate(sp.from_data(three))
    top = [s for s in ev.statements if "0 paid hours" in s]
    assert [s[:44] for s in top] == [
        "2026: fleksjob: 3 people placed with 0 paid ",
        "2027: fleksjob: 4 people placed with 0 paid ",
        "2028: fleksjob: 4 people placed with 0 paid ",
    ]
    assert "nor does the public purse count them as off their benefit (they would stay on it)" in top[0]
    # and so they are not: no jobs in any year, and the municipality's net effect leaves the
    # fleksjob group out on both sides (no ledighedsydelse saved, no fleksløntilskud paid)
    assert ev.results()["jobs"] == 0
    for part in ev.breakdown:
        assert part.results()["jobs"] == 0
        assert part.public is not None
        assert not any(line.item == "counterfactual benefit: fleksjob" for line in part.public.lines)
    assert Translator("da")(top[0]).startswith("2026: fleksjob: 3 personer ansat med 0 betalte timer om ugen")
    # one year without the public purse: the record's statement, shorter
    one = yaml.safe_load((ROOT / "examples" / "ikea_rebild.yaml").read_text(encoding="utf-8"))
    one.pop("expect", None)
    one["temp_hours"]["effective_hours"] = "0 hour/week"
    said = [s for s in sp.evaluate(sp.from_data(one)).statements if "0 paid hours" in s]
    assert said == [
        "fleksjob: 3 people placed with 0 paid hours a week are not counted as jobs (a job of no hours is "
        "no job): check the hours"
    ]


def test_a_job_of_no_hours_is_no_csr_job_either() -> None:
    # supplier example, revenue share 0.8: 20 fleksjob (now 0 hours) + 3 apprentices are inclusive
    # (the 2 ordinary jobs are not). Without the fleksjob line's hours: 0.8 × 3 = 2.40 jobs; the
    # apprentices' 3 × 37 h × 52 = 5,772 h × 0.8 = 4,617.60 h, / 1,924 = 2.40 FTE
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["workforce"][0]["paid_hours"] = "0 hour/week"
    results = sp.evaluate(sp.from_data(data)).results()
    assert results["jobs"] == 5  # 3 apprentices + 2 ordinary
    assert results["csr_inclusive_jobs"] == Decimal("2.40")
    assert results["csr_inclusive_fte"] == Decimal("2.40")
    assert results["csr_inclusive_hours"] == Decimal("4617.60")
