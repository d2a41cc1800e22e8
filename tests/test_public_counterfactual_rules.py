"""The public purse refuses what it would price silently wrong (a jobcenter finance officer's review).

A småjob's counterfactual, course participants compared with a benefit but given none on
the course, a benefit abolished for everyone, a refusion rate above 100 %, a ceiling used
as a benefit and a public view over more than a year each gave a valid-looking number.
"""

from __future__ import annotations

import copy
from decimal import Decimal as D  # noqa: N817 - the hand-worked figures read shorter
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import socialpartner as sp
from socialpartner._internal.i18n import Translator

# 4 fleksjob at 20 t/uge, 140 kr./time, 10 weeks on support, 2026, ledighedsydelse otherwise
LABOUR_SHORTAGE = """
model: labour_shortage
name: Byg test
period: 1 year
number_format: da
social_enterprise: {name: Byg & Hjælp SØV}
company: {name: Nordbyg A/S}
helpers:
  - {form: fleksjob, headcount: 4, paid_hours: 20 t/uge, wage_cost: "165,50 kr./time", workplace: company}
price: 320 kr./time
skilled_hours_freed: 0,8
skilled_hour_value: 550 kr./time
akkord_rate: 120 kr./time
support_staff:
  - {role: jobkonsulent, fte: 1, annual_cost: 510.000 kr./år}
public:
  year: 2026
  municipality: {name: Aalborg Kommune, code: 851}
  weeks_on_support: 10
  fleksjob_wage: 140 kr./time
  counterfactual:
    fleksjob: {parameter: benefit.ledighedsydelse}
"""

# 3 temp workers (fleksjob, 0 weeks) and 3 course participants (300 weeks), Rebild, 2026
SHARED = """
model: shared_responsibility
name: Rebild test
period: 1 year
number_format: da
social_enterprise: {name: Huset Venture}
company: {name: IKEA}
municipality: {name: Rebild Kommune, code: 840}
temp_hours:
  workers: 3
  effective_hours: 15 t/uge
  wage_cost: "165,50 kr./time"
  overhead: 20 kr./time
courses:
  participants: 3
  price: 11.000 kr./md.
support_staff:
  - {role: socialpædagog, fte: 1, annual_cost: 480.000 kr./år}
public:
  year: 2026
  weeks_on_support: {fleksjob: 0, course participant: 300, default: 0}
  during_course: {parameter: benefit.kontanthjaelp.forhoejet_sats}
  counterfactual:
    fleksjob: {parameter: benefit.ledighedsydelse}
    course participant: {amount: "13.345 kr./md."}
"""


def _data(text: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(text)
    return copy.deepcopy(data)


def _net(data: dict[str, Any]) -> D:
    view = sp.evaluate(sp.from_data(data)).public
    assert view is not None
    return view.net_effect("municipality")


def _refused(data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as info:
        sp.from_data(data)
    return str(info.value)


# --- F0a: a småjob brings no public flow ---------------------------------------------------------


def test_a_smaajob_counterfactual_is_refused() -> None:
    """2 småjob at 8 t/uge with førtidspension otherwise booked 22,053 × 12 × 2 = 529,272.00 as saved.

    Less its refusion (164,888.58) that moved the municipality's net from 307,880.00 to
    672,263.42, though the person keeps the pension with the job. Now refused, naming the group.
    """
    data = _data(LABOUR_SHORTAGE)
    data["helpers"].append(
        {"form": "småjob", "headcount": 2, "paid_hours": "8 t/uge", "wage_cost": "150 kr./time", "workplace": "company"}
    )
    data["public"]["counterfactual"]["småjob"] = {"parameter": "benefit.foertidspension_enlig"}
    message = _refused(data)
    assert "public.counterfactual.småjob" in message
    assert "førtidspension" in message
    assert "leave småjob out" in message


def test_a_smaajob_without_counterfactual_changes_nothing() -> None:
    """The småjob group left out of the counterfactual: the net is the fleksjob group's alone.

    Fleksløntilskud: L = 140 × 20 × 52/12 = 12,133.33; lønloft room 140 × 17 × 52/12 =
    10,313.33 a month × 48 = 495,040.00; refusion (16×40 + 26×30 + 10×20)/52 = 31.1538 %
    = 154,224.00. Ledighedsydelse 4,530 × 52/12 × 48 = 942,240.00, refusion 293,544.00.
    Net (942,240 − 293,544) − (495,040 − 154,224) = 307,880.00, with or without the småjob line.
    """
    data = _data(LABOUR_SHORTAGE)
    assert _net(data) == D("307880.00")
    data["helpers"].append(
        {"form": "småjob", "headcount": 2, "paid_hours": "8 t/uge", "wage_cost": "150 kr./time", "workplace": "company"}
    )
    assert _net(data) == D("307880.00")


# --- F0b: the benefit during the course ----------------------------------------------------------


def test_course_participants_with_a_counterfactual_need_a_benefit_during_the_course() -> None:
    """Left out, the course benefit was none and the counterfactual a saving: the sign flipped.

    With during_course (forhøjet sats 13,345): net −264,398.92. Without it the with-side
    lost 13,345 × 36 × (1 − 20 %) = 384,336.00 and the net became +119,937.08. Now refused,
    with the counterfactual's amount offered as the usual value.
    """
    data = _data(SHARED)
    assert _net(data) == D("-264398.92")
    del data["public"]["during_course"]
    message = _refused(data)
    assert "public.during_course" in message
    assert "during_course: {amount: 13345 DKK / month}" in message  # the usual value: the same benefit


def test_the_usual_benefit_during_the_course_gives_the_same_net() -> None:
    """during_course = the counterfactual's amount: 13,345 × 36 = 480,420 on both sides, at 20 % on both.

    The course participants then cancel and the net is that of the forhøjet sats (13,345 in 2026): −264,398.92.
    """
    data = _data(SHARED)
    data["public"]["during_course"] = {"amount": "13.345 kr./md."}
    assert _net(data) == D("-264398.92")


def test_no_benefit_during_the_course_must_be_stated_as_zero() -> None:
    """A course that pays no benefit, stated: the old figure, now only when asked for.

    −264,398.92 + 480,420 × 0.8 = −264,398.92 + 384,336.00 = 119,937.08.
    """
    data = _data(SHARED)
    data["public"]["during_course"] = {"amount": "0 kr./md."}
    assert _net(data) == D("119937.08")


def test_a_group_without_counterfactual_is_an_assumption() -> None:
    """No counterfactual for fleksjob: the fleksløntilskud less refusion is a pure cost, and said so.

    495,040.00 − 154,224.00 = 340,816.00 paid, nothing saved: net −340,816.00.
    """
    data = _data(LABOUR_SHORTAGE)
    del data["public"]["counterfactual"]
    ev = sp.evaluate(sp.from_data(data))
    assert ev.public is not None
    assert ev.public.net_effect("municipality") == D("-340816.00")
    said = [a for a in ev.public.assumptions if a.startswith("no counterfactual stated for fleksjob")]
    assert said
    assert "taken as no benefit otherwise" in said[0]
    assert Translator("da")(said[0]).startswith("intet alternativ angivet for fleksjob: regnet som ingen ydelse ellers")


def test_a_group_with_a_counterfactual_has_no_such_assumption() -> None:
    view = sp.evaluate(sp.from_data(_data(LABOUR_SHORTAGE))).public
    assert view is not None
    assert not [a for a in view.assumptions if "no counterfactual stated" in a]


# --- F2: a benefit abolished for everyone ---------------------------------------------------------


def _old_kontanthjaelp(year: int, years: int | None = None) -> dict[str, Any]:
    data = _data(SHARED)
    old = {"parameter": "benefit.kontanthjaelp_ikke_forsoerger"}
    data["public"]["year"] = year
    data["public"]["during_course"] = old
    data["public"]["counterfactual"]["course participant"] = old
    if years is not None:
        data["horizon"] = {"years": years, "start_year": year}
    return data


def test_a_benefit_abolished_for_everyone_is_refused_after_its_abolition() -> None:
    """The old kontanthjælp ended for everyone on 2025-07-01: in 2026 nobody receives it.

    It was priced at its 2024 rate, 12,326 a month, 1,019 below the forhøjet sats (13,345):
    36,684 a year for 3 participants, with a check marked met. Now refused, naming the replacement.
    """
    message = _refused(_old_kontanthjaelp(2026))
    assert "public.counterfactual.course participant" in message or "public.during_course" in message
    assert "abolished for everyone from 2025-07-01" in message
    assert "benefit.kontanthjaelp.forhoejet_sats" in message


def test_a_horizon_into_a_year_after_the_abolition_is_refused() -> None:
    message = _refused(_old_kontanthjaelp(2024, years=3))
    assert "nobody receives it in 2026" in message


def test_the_year_of_the_abolition_is_not_met() -> None:
    """2024-2025: 2025 runs past 1 July 2025, so the check is not met and names the replacement."""
    ev = sp.evaluate(sp.from_data(_old_kontanthjaelp(2024, years=2)))
    (check,) = [c for c in ev.checks if "kontanthjaelp_ikke_forsoerger" in c.criterion]
    assert check.status == "not met"
    assert "2025 runs past 2025-07-01" in check.reason
    assert Translator("da")(check.reason).startswith("2025 går ud over 2025-07-01")
    assert "benefit.kontanthjaelp.forhoejet_sats" in check.reason


def test_a_year_before_the_abolition_is_met() -> None:
    """2024 alone: 12,326 × 36 = 443,736 on both sides (the course participants cancel), check met."""
    ev = sp.evaluate(sp.from_data(_old_kontanthjaelp(2024)))
    (check,) = [c for c in ev.checks if "kontanthjaelp_ikke_forsoerger" in c.criterion]
    assert check.status == "met"
    assert ev.public is not None
    with_, otherwise = (
        next(x for x in ev.public.lines if x.payer == "municipality" and x.item == item)
        for item in ("benefit during the course", "counterfactual benefit: course participant")
    )
    assert with_.actual == otherwise.counterfactual == D("443736.00")


def test_a_benefit_abolished_for_new_citizens_keeps_the_start_date_rule() -> None:
    """Ressourceforløbsydelse (for new citizens from 2026-02-01): 300 weeks before 2026 started in 2020: met."""
    data = _data(SHARED)
    data["public"]["counterfactual"]["course participant"] = {
        "parameter": "benefit.ressourceforloebsydelse_ikke_forsoerger"
    }
    ev = sp.evaluate(sp.from_data(data))
    (check,) = [c for c in ev.checks if "ressourceforloebsydelse" in c.criterion]
    assert check.status == "met"


# --- F10: shares above 100 % and a ceiling as a benefit -----------------------------------------


@pytest.mark.parametrize("name", ["refusion.weeks_1_4", "refusion.after_52_weeks", "dagpenge.cofinancing.weeks_1_4"])
def test_a_refusion_rate_above_100_percent_is_refused(name: str) -> None:
    """150 % in weeks 1-4 moved the fleksjob rate from 38.08 % to 43.46 %: now refused, naming it."""
    data = _data(SHARED)
    data["parameters"] = {name: "150 %"}
    message = _refused(data)
    assert f"parameters.{name}" in message
    assert "outside 0-100 %" in message


def test_a_refusion_rate_of_100_percent_is_read() -> None:
    """100 % in weeks 1-4 (the citizens are past week 10): nothing changes, 307,880.00."""
    data = _data(LABOUR_SHORTAGE)
    data["parameters"] = {"refusion.weeks_1_4": "100 %"}
    assert _net(data) == D("307880.00")


@pytest.mark.parametrize("name", ["fleksloentilskud.max_supplement", "dagpenge.max", "fleksloentilskud.threshold"])
def test_a_counterfactual_takes_a_benefit(name: str) -> None:
    """G (a ceiling, 22,572 a month) was priced as a benefit the citizens would otherwise get."""
    data = _data(SHARED)
    data["public"]["counterfactual"]["fleksjob"] = {"parameter": name}
    message = _refused(data)
    assert "public.counterfactual.fleksjob" in message
    assert "not a benefit" in message
    assert "benefit.ledighedsydelse" in message


# --- F7b: a public view over more than a year -----------------------------------------------------


@pytest.mark.parametrize("period", ["2 year", "18 month", "53 week"])
def test_a_public_view_over_more_than_a_year_is_refused(period: str) -> None:
    """2 years priced 2 × 942,240 at the 2026 ledighedsydelse while the ladder aged to 25.58 %: refused."""
    data = _data(LABOUR_SHORTAGE)
    data["period"] = period
    message = _refused(data)
    assert "period:" in message
    assert "horizon:" in message


def test_a_public_view_over_half_a_year_is_read() -> None:
    """6 months: fleksløntilskud 10,313.33 × 6 × 4 = 247,520.00 (half of 495,040)."""
    data = _data(LABOUR_SHORTAGE)
    data["period"] = "6 month"
    ev = sp.evaluate(sp.from_data(data))
    assert ev.public is not None
    (line,) = [x for x in ev.public.lines if x.item == "fleksløntilskud" and x.payer == "municipality"]
    assert line.actual == D("247520.00")


def test_a_deal_over_two_years_without_public_is_read() -> None:
    data = _data(LABOUR_SHORTAGE)
    del data["public"]
    data["period"] = "2 year"
    assert sp.evaluate(sp.from_data(data)).public is None


# --- F3 / F3b: statements for what the ladder and the counterfactual assume over several years ----


def test_people_added_by_a_change_are_placed_like_the_first_group() -> None:
    """0 weeks on support, 4 fleksjob, 8 from 2027.

    2026: (4×80 + 22×40 + 26×30)/52 = 1,980/52 = 38.08 %. 2027: weeks 53-104 = 20 % for all 8,
    the 4 added too (from week 1 they would have 38.08 %): said so.
    """
    data = _data(LABOUR_SHORTAGE)
    data["public"]["weeks_on_support"] = 0
    data["horizon"] = {"years": 2, "start_year": 2026, "changes": [{"year": 2027, "set": {"helpers.0.headcount": 8}}]}
    ev = sp.evaluate(sp.from_data(data))
    views = [part.public for part in ev.breakdown]
    assert [v.refusion_rates["fleksjob"] for v in views if v is not None] == [D("0.3808"), D("0.2000")]
    (said,) = [s for s in ev.statements if s.startswith("fleksjob: the people added in 2027 (4 → 8)")]
    assert "like the first" in said
    assert Translator("da")(said).startswith("fleksjob: de personer, der kommer til i 2027 (4 → 8)")


def test_no_added_people_no_statement() -> None:
    data = _data(LABOUR_SHORTAGE)
    data["horizon"] = {"years": 2, "start_year": 2026}
    assert not [s for s in sp.evaluate(sp.from_data(data)).statements if "people added" in s]


def test_dagpenge_past_the_right_is_said() -> None:
    """Dagpenge from week 0: the right (104 weeks) runs out at the end of 2027; 2028 is past it.

    2026: 22,041 × 12 × 4 = 1,057,968.00 otherwise, priced in full in every year: said for 2028.
    """
    data = _data(LABOUR_SHORTAGE)
    data["public"]["weeks_on_support"] = 0
    data["public"]["counterfactual"]["fleksjob"] = {"parameter": "benefit.dagpenge_max"}
    data["horizon"] = {"years": 3, "start_year": 2026}
    ev = sp.evaluate(sp.from_data(data))
    first = ev.breakdown[0].public
    assert first is not None
    (line,) = [x for x in first.lines if x.item == "counterfactual benefit: fleksjob" and x.payer == "municipality"]
    assert line.counterfactual == D("1057968.00")
    (said,) = [
        s
        for s in ev.statements
        if s.startswith("fleksjob: benefit.dagpenge_max is priced in full in 2028 (the right has ended before 2028),")
    ]
    assert "104 weeks" in said
    assert "§ 55" in said
    assert "public.counterfactual.fleksjob" in said


def test_dagpenge_within_the_right_is_not_said() -> None:
    """10 weeks before and one year: weeks 11-62, within the 104 weeks of the right."""
    data = _data(LABOUR_SHORTAGE)
    data["public"]["counterfactual"]["fleksjob"] = {"parameter": "benefit.dagpenge_max"}
    assert not [s for s in sp.evaluate(sp.from_data(data)).statements if "priced in full" in s]


def test_sygedagpenge_for_a_whole_year_is_said() -> None:
    """Sygedagpenge stop after 22 weeks: a year from week 11 (to week 62) runs past them."""
    data = _data(LABOUR_SHORTAGE)
    data["public"]["counterfactual"]["fleksjob"] = {"parameter": "benefit.sygedagpenge_max"}
    ev = sp.evaluate(sp.from_data(data))
    (said,) = [s for s in ev.statements if s.startswith("fleksjob: benefit.sygedagpenge_max is priced in full,")]
    assert "22 weeks" in said
    assert Translator("da")(said).startswith("fleksjob: benefit.sygedagpenge_max er regnet fuldt ud,")


def test_the_old_kontanthjaelp_replaced_by_a_change_is_read() -> None:
    """2024-2026 with the old rate, the forhøjet sats from 2026 by a change: accepted.

    The check is not met for 2025 (its months from July at the old rate), and 2026 uses the
    forhøjet sats: 13,345 × 36 = 480,420.00 on both sides (during the course and otherwise).
    """
    data = _old_kontanthjaelp(2024, years=3)
    new = {"parameter": "benefit.kontanthjaelp.forhoejet_sats"}
    data["horizon"]["changes"] = [
        {"year": 2026, "set": {"public.counterfactual.course participant": new, "public.during_course": new}}
    ]
    ev = sp.evaluate(sp.from_data(data))
    (check,) = [c for c in ev.checks if "kontanthjaelp_ikke_forsoerger" in c.criterion]
    assert check.status == "not met"
    assert check.reason.startswith("2025 runs past 2025-07-01")
    last = ev.breakdown[2].public
    assert last is not None
    (line,) = [x for x in last.lines if x.item == "counterfactual benefit: course participant"]
    assert line.counterfactual == D("480420.00")


def test_a_change_to_the_old_kontanthjaelp_after_its_abolition_is_refused() -> None:
    data = _data(SHARED)
    old = {"parameter": "benefit.kontanthjaelp_ikke_forsoerger"}
    change = {"year": 2027, "set": {"public.during_course": old}}
    data["horizon"] = {"years": 2, "start_year": 2026, "changes": [change]}
    message = _refused(data)
    assert "horizon.changes.0.set.public.during_course" in message
    assert "nobody receives it in 2027" in message


def test_a_check_is_met_when_the_old_rate_ends_before_the_abolition() -> None:
    """2023-2024 (two years): both before 1 July 2025, met."""
    ev = sp.evaluate(sp.from_data(_old_kontanthjaelp(2023, years=2)))
    (check,) = [c for c in ev.checks if "kontanthjaelp_ikke_forsoerger" in c.criterion]
    assert check.status == "met"
    assert check.reason == "it is priced up to 2024, before 2025-07-01"


def test_a_stated_benefit_of_a_year_written_per_month_is_said() -> None:
    # 235,560 DKK/month (a year's ledighedsydelse) made the municipality's saving millions, silently;
    # the file's highest benefit a month in 2026 is førtidspension's 22,053.00: three times is 66,159
    from .conftest import ROOT

    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["public"]["counterfactual"]["fleksjob"] = {"amount": "235560 DKK/month"}
    view = sp.evaluate(sp.from_data(data)).breakdown[0].public
    assert view is not None
    said = [str(s) for s in view.counterfactual]
    assert (
        "public.counterfactual.fleksjob: 235,560.00 DKK/month is more than three times the highest benefit a month "
        "in the parameters for 2026 (benefit.foertidspension_enlig: 22,053.00 DKK/month): a year's amount written "
        "per month?"
    ) in said
    data["public"]["counterfactual"]["fleksjob"] = {"amount": "19630 DKK/month"}  # a benefit's size: nothing said
    ev = sp.evaluate(sp.from_data(data))
    assert not [s for p in ev.breakdown if p.public for s in p.public.counterfactual if "three times" in str(s)]
