"""The solver on results of every shape: ones that fall and rise, inputs with a valid range, one year's result.

A result need not move one way with the input: the lønloft makes the municipality's net
effect of a fleksjob wage fall and then rise. An input's validation bounds the values it
takes (a person's hours a week at 48). Over several years a target may be one year's
result (``2027.coverage``). Every expected number is worked out by hand in the comments.
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pint
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal import paths
from socialpartner.cli import app

from .conftest import ROOT, scenario_matrix

D = Decimal
runner = CliRunner()

# -- a result that falls and rises: the supplier with public: of docs/public_and_horizon.md ----
#
# 20 fleksjob workers at 15 hour/week; 2026 parameters: G = 21,600 DKK/month, T = 17,672,
# ledighedsydelse 4,530 DKK/week, refusion 20 % (104 weeks on support). With a wage w
# (DKK/hour) the month's wage is L = 15 × 52/12 × w = 65w; the lønloft caps the supplement
# at the full-time wage less L: (37 − 15) × 52/12 × w = 286/3 × w. Otherwise the
# municipality would pay 20 × 4,530 × 52 = 4,711,200, less 20 % = 3,768,960 net. So
#   net effect = 3,768,960 − 0.8 × 20 × 12 × supplement = 3,768,960 − 192 × supplement:
#   w ≤ 188.099…: the cap binds, supplement 286/3 × w: 3,768,960 − 18,304w (falls)
#   then L ≤ T:   supplement 21,600 − 0.3 × 65w:       −378,240 + 3,744w   (rises)
#   L > T:        21,600 − 0.3T − 0.55(65w − T):       −1,226,496 + 6,864w (rises)
#   and 3,768,960 again where the supplement reaches 0 (w ≥ 727.78…).
# The cap meets the formula at 286/3 × w = 21,600 − 19.5w, w = 188.099…: the lowest net
# effect on the øre grid is at 188.10, where the formula binds: 21,600 − 19.5 × 188.10 =
# 17,932.05 (the cap there is 17,932.20), 3,768,960 − 192 × 17,932.05 = 326,006.40; at 188.09
# the cap binds: 3,768,960 − 18,304 × 188.09 = 326,160.64; at 188.11 the formula:
# 3,768,960 − 192 × 17,931.855 = 326,043.84.
PUBLIC_SUPPLIER = {
    "year": 2026,
    "weeks_on_support": 104,
    "municipality": {"name": "Aalborg Kommune", "code": 851},
    "fleksjob_wage": "140 DKK/hour",
    "counterfactual": {"fleksjob": {"parameter": "benefit.ledighedsydelse"}},
}


def supplier_with_public() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["public"] = copy.deepcopy(PUBLIC_SUPPLIER)
    return data


@pytest.fixture(scope="module")
def supplier() -> sp.Partnership:
    return sp.from_data(supplier_with_public())


def net_effect(p: sp.Partnership, wage: str) -> Decimal | None:
    return sp.evaluate(paths.replace(p, "public.fleksjob_wage", f"{wage} DKK/hour")).results()["public.municipality"]


def test_the_net_effect_falls_and_rises_as_worked_out(supplier: sp.Partnership) -> None:
    # the figures the tests below rely on, from the formula above
    assert net_effect(supplier, "0") == D("3768960.00")  # no supplement at all
    assert net_effect(supplier, "100") == D("1938560.00")  # 3,768,960 − 1,830,400
    assert net_effect(supplier, "187") == D("346112.00")  # 3,768,960 − 3,422,848
    assert net_effect(supplier, "188.10") == D("326006.40")
    assert net_effect(supplier, "300") == D("832704.00")  # −1,226,496 + 2,059,200
    assert net_effect(supplier, "1000") == D("3768960.00")  # 21,600 − 0.3T − 0.55(65,000 − T) < 0


def test_a_result_equal_at_both_ends_is_not_said_not_to_depend_on_the_input(supplier: sp.Partnership) -> None:
    # 3,768,960 at 0 and at 10¹² but 326,006.40 at 188.10: it depends on the wage, and no
    # value reaches 0; the message gives the lowest value tried and where
    with pytest.raises(sp.SolveError) as caught:
        sp.solve(supplier, "public.fleksjob_wage", "public.municipality", 0)
    message = str(caught.value)
    assert "does not depend" not in message
    assert message.startswith("no value between 0 and 1,000,000,000,000 DKK / hour reaches the target of 0.00: ")
    assert "public.municipality is 3,768,960.00 at the low end and 3,768,960.00 at the high end" in message
    lowest = r"the lowest of the \d+ values tried is 326,006\.40, at public\.fleksjob_wage = 188\.10 DKK / hour"
    assert re.search(lowest, message)


def test_a_crossing_between_ends_that_both_miss_the_target_is_found(supplier: sp.Partnership) -> None:
    # 1,938,560 at 100 and 832,704 at 300 both miss 800,000, but the net effect falls below it
    # on the way: 3,768,960 − 18,304w ≥ 800,000 up to w = 162.2028…; 162.20 gives
    # 3,768,960 − 2,968,908.80 = 800,051.20, 162.21 gives 799,868.16. A falling result's
    # answer is the largest value still at or above the target. It rises to the target again
    # at −1,226,496 + 6,864w = 800,000, w = 295.235…: the note says so.
    solution = sp.solve(supplier, "public.fleksjob_wage", "public.municipality", 800000, low=100, high=300)
    assert (solution.value, solution.achieved) == (sp.Q_(162.2, "DKK/hour"), D("800051.20"))
    assert net_effect(supplier, "162.21") == D("799868.16")
    (note,) = solution.notes
    assert note.startswith("public.municipality is not monotone in public.fleksjob_wage: it crosses the target again")
    # −1,226,496 + 6,864 × 295.23 = 799,962.72 misses it, 295.24 gives 800,031.36
    assert "again between 295.23 DKK / hour and 295.24 DKK / hour" in note, note
    assert "first crossing from 100.00 DKK / hour" in note
    assert note.endswith(
        "from 100.00 DKK / hour to 300.00 DKK / hour the values that meet the target are "
        "100.00 DKK / hour to 162.20 DKK / hour; 295.24 DKK / hour to 300.00 DKK / hour"
    ), note


def test_a_result_that_rises_and_falls_is_solved_at_its_first_crossing(supplier: sp.Partnership) -> None:
    # the workers' net is the wages (4,248,920 with no supplement) plus 240 × the monthly
    # supplement: + 240 × 286/3 × w = 22,880w under the cap, then 240 × (21,600 − 19.5w).
    # 4,000,000 more: 22,880w ≥ 4,000,000 from w = 174.825…, so 174.83 (22,880 × 174.83 =
    # 4,000,110.40); it falls back below at 5,184,000 − 4,680w = 4,000,000, w = 252.99…, and at
    # 1000 there is no supplement: both ends miss the target.
    solution = sp.solve(supplier, "public.fleksjob_wage", "net.workers", "8248920", high=1000)
    assert (solution.value, solution.achieved) == (sp.Q_(174.83, "DKK/hour"), D("8249030.40"))
    (note,) = solution.notes
    # at 252.99: 5,184,000 − 4,680 × 252.99 = 4,000,006.80, still at the target; at 253.00: 3,999,960
    assert "crosses the target again between 252.99 DKK / hour and 253.00 DKK / hour" in note, note
    assert note.endswith("the values that meet the target are 174.83 DKK / hour to 252.99 DKK / hour"), note


@settings(max_examples=20)
@given(st.integers(0, 4_000_000))
@example(326_006)  # below the lowest net effect, 326,006.40 at 188.10
@example(326_007)  # reached at 188.10 alone
@example(3_768_960)  # the most, at 0 (and from 727.78 on)
@example(3_768_961)
def test_every_target_between_the_least_and_the_most_is_reached(target: int) -> None:
    supplier = sp.from_data(supplier_with_public())
    if not D("326006.40") <= target <= D("3768960"):
        top = "1,000,000,000,000 DKK / hour"
        with pytest.raises(sp.SolveError, match=rf"^no value between 0 and {top} reaches the target"):
            sp.solve(supplier, "public.fleksjob_wage", "public.municipality", target)
        return
    solution = sp.solve(supplier, "public.fleksjob_wage", "public.municipality", target)
    assert solution.achieved >= target
    assert sp.evaluate(solution.partnership).results()["public.municipality"] == solution.achieved


def by_hand(wage: Fraction) -> Fraction:
    """The municipality's net effect at a fleksjob wage, from the formula at the top of this file."""
    month = 65 * wage
    below, above = (month, Fraction(0)) if month <= 17_672 else (Fraction(17_672), month - 17_672)
    formula = 21_600 - Fraction(3, 10) * below - Fraction(55, 100) * above
    cap = Fraction(286, 3) * wage
    supplement = Fraction(0) if formula <= 0 else cap if cap < formula else formula
    return 3_768_960 - 192 * supplement


@settings(max_examples=25)
@given(st.integers(0, 100_000), st.integers(0, 100_000), st.integers(300_000, 3_800_000))
@example(0, 18811, 326_007)  # the least, 326,006.40, one step inside the high end
@example(18810, 100_000, 326_007)  # … at the low end
@example(72778, 72790, 300_000)  # flat: 3,768,960 throughout
def test_a_range_of_a_turning_result_is_answered_as_the_values_in_it_say(a: int, b: int, target: int) -> None:
    # the range in øre steps of the wage; the result's least and most in it, by hand: at the
    # ends or where the formula turns (188.10, 271.88 where L reaches T, 727.78 where it ends)
    low, high = sorted((Fraction(a, 100), Fraction(b, 100)))
    turns = [Fraction(k, 100) for k in (18809, 18810, 18811, 27187, 27188, 72777, 72778, 72779)]
    inside = [by_hand(w) for w in (low, high, *turns) if low <= w <= high]
    supplier = sp.from_data(supplier_with_public())
    refused = ""
    ends = (
        {"low": Decimal(a) / 100, "high": Decimal(b) / 100}
        if a <= b
        else {"low": Decimal(b) / 100, "high": Decimal(a) / 100}
    )
    try:
        solution = sp.solve(supplier, "public.fleksjob_wage", "public.municipality", target, **ends)
    except sp.SolveError as exc:
        refused = str(exc)
    if by_hand(low) == target or min(inside) <= target <= max(inside):
        assert not refused, refused  # a value in range reaches it: found
        assert isinstance(solution.value, pint.Quantity)
        assert low <= Fraction(str(solution.value.magnitude)) <= high
        assert solution.achieved == by_hand(Fraction(str(solution.value.magnitude))) >= target
        return
    if low < high and min(inside) == max(inside):  # flat over the range (above 727.78)
        assert "does not depend on this input here" in refused, refused
        return
    # none does: the message gives the value nearest the target, and it is one of the range's
    assert refused.startswith("no value between"), refused
    nearest = re.search(
        r"the (lowest|highest) of the \d+ values tried is ([-\d,.]+), at public\.fleksjob_wage = ([\d.]+)", refused
    ) or re.search(r"the one value( )tried is ([-\d,.]+), at public\.fleksjob_wage = ([\d.]+)", refused)
    assert nearest is not None, refused
    at = Fraction(nearest[3])
    assert low <= at <= high
    assert Decimal(nearest[2].replace(",", "")) == by_hand(at)
    assert nearest[1] in (" ", "lowest" if by_hand(at) > target else "highest")  # " ": one value tried


def test_the_command_line_on_the_saved_snippet(tmp_path: Path) -> None:
    file = tmp_path / "supplier_public.yaml"
    file.write_text(yaml.safe_dump(supplier_with_public(), allow_unicode=True), encoding="utf-8")
    vary = ["solve", str(file), "--vary", "public.fleksjob_wage"]
    out = runner.invoke(app, [*vary, "--target", "public.municipality=0"])
    assert out.exit_code == 2
    assert "does not depend" not in out.output
    assert "326,006.40, at public.fleksjob_wage = 188.10 DKK / hour" in out.output
    out = runner.invoke(app, [*vary, "--target", "public.municipality=800000", "--min", "100", "--max", "300"])
    assert out.exit_code == 0, out.output
    assert out.output.startswith("public.fleksjob_wage = 162.20 DKK / hour")
    assert "gives public.municipality = 800,051.20" in out.output
    assert "note: public.municipality is not monotone" in out.output
    danish = runner.invoke(
        app, [*vary, "--target", "public.municipality=800000", "--min", "100", "--max", "300", "--lang", "da"]
    )
    assert danish.exit_code == 0, danish.output
    assert danish.output.startswith("public.fleksjob_wage = 162,20 kr./time")
    assert "bemærkning: public.municipality bevæger sig ikke kun én vej med public.fleksjob_wage" in danish.output
    assert "denne værdi er ved første krydsning fra 100,00 kr./time" in danish.output


def test_a_result_the_same_at_every_value_tried_does_not_depend_on_the_input() -> None:
    # a spin-off's 2027 surplus, 34,000 (worked out below), whatever the 2026 purchases are
    deal = sp.load(ROOT / "examples" / "spin_off_packing.yaml")
    same = r"2027\.surplus is 34,000\.00 for every value between 0 and .* tried\): it does not depend"
    with pytest.raises(sp.SolveError, match=same):
        sp.solve(deal, "years.0.parent_purchases", "2027.surplus", 0)


# -- inputs with a valid range ----------------------------------------------------------------
#
# The labour-shortage example: 4 fleksjob helpers at h paid hours a week, paid at 320 DKK/h
# and costing 165: the SØV nets 4 × 52 × (320 − 165) × h − 500,000 support = 32,240h − 500,000.
# A person's hours are at most 48 a week (arbejdstidsloven § 4): 32,240 × 48 − 500,000 = 1,047,520.


@pytest.fixture(scope="module")
def site() -> sp.Partnership:
    return sp.load(ROOT / "examples" / "labour_shortage_site.yaml")


def test_a_value_the_input_refuses_ends_the_search_range(site: sp.Partnership) -> None:
    # 1,000,000: 32,240h ≥ 1,500,000 from h = 46.526…: 46.52 gives 1,499,804.80 (195.20 short),
    # 46.53 gives 1,500,127.20, so 1,000,127.20. The search doubles the stated 20 h to 40
    # (789,600: short), then 160 h a week, which the input refuses: the range ends at 48,
    # where 1,547,520 − 500,000 = 1,047,520 reaches the target.
    solution = sp.solve(site, "helpers.0.paid_hours", "net.social_enterprise", 1000000)
    assert (solution.value, solution.achieved) == (sp.Q_(46.53, "hour/week"), D("1000127.20"))
    # a high beyond what the input takes is narrowed the same way
    solution = sp.solve(site, "helpers.0.paid_hours", "net.social_enterprise", 1000000, high=500)
    assert (solution.value, solution.achieved) == (sp.Q_(46.53, "hour/week"), D("1000127.20"))


def test_no_value_within_the_valid_range_says_where_the_range_ends(site: sp.Partnership) -> None:
    # 1,100,000 is beyond 1,047,520 at 48 h a week, the most the input takes
    with pytest.raises(sp.SolveError) as caught:
        sp.solve(site, "helpers.0.paid_hours", "net.social_enterprise", 1100000)
    message = str(caught.value)
    assert message.startswith("no value between 0 and 48 hour / week reaches the target of 1,100,000.00: ")
    assert "-500,000.00 at the low end and 1,047,520.00 at the high end" in message
    assert "the highest of the" in message
    assert "1,047,520.00, at helpers.0.paid_hours = 48.00 hour / week" in message
    assert "helpers.0.paid_hours above 48.00 hour / week is refused (" in message


def test_a_low_end_the_input_refuses_moves_up_to_the_first_value_it_takes(site: sp.Partnership) -> None:
    # with 15 effective hours a week, paid hours below 15 are refused. The company gains
    # 0.8 × 4 × 52 × 15 = 2,496 skilled hours × (550 − 120) = 1,073,280 and pays 320 × 4 × 52 × h
    # = 66,560h: zero at h = 16.125; falling, so the largest value still at or above 0:
    # 16.12 (1,073,280 − 1,072,947.20 = 332.80; 16.13 gives −332.80)
    data = site.model_dump(mode="json", exclude={"expect"})
    data["helpers"][0]["effective_hours"] = "15 hour/week"
    deal = sp.from_data(data)
    for low in (None, 0):
        solution = sp.solve(deal, "helpers.0.paid_hours", "net.company", 0, low=low)
        assert (solution.value, solution.achieved) == (sp.Q_(16.12, "hour/week"), D("332.80"))
    # above the most it gains (74,880 at 15 hours): both ends of the valid range are named
    with pytest.raises(sp.SolveError) as caught:
        sp.solve(deal, "helpers.0.paid_hours", "net.company", 100000)
    message = str(caught.value)
    assert message.startswith(
        "no value between 15 and 48 hour / week reaches the target of 100,000.00: "
        "net.company is 74,880.00 at the low end"
    )
    assert "helpers.0.paid_hours below 15.00 hour / week is refused (" in message
    assert "must not exceed paid_hours" in message
    # a range the input takes no value of is the user's to change
    refused = r"takes no value between 200 and 500 hour / week: 200 hour / week is more than"
    with pytest.raises(sp.SolveError, match=refused):
        sp.solve(deal, "helpers.0.paid_hours", "net.company", 0, low=200, high=500)


@settings(max_examples=25)
@given(st.integers(-600_000, 1_300_000))
def test_the_solver_never_fails_on_a_value_it_tried(target: int) -> None:
    site = sp.load(ROOT / "examples" / "labour_shortage_site.yaml")
    if target < -500_000 or target > 1_047_520:
        # no value from 0 to 48 h a week reaches it: the net runs from −500,000 to 1,047,520
        with pytest.raises(sp.SolveError, match=r"^no value between 0 and 48 hour / week reaches the target"):
            sp.solve(site, "helpers.0.paid_hours", "net.social_enterprise", target)
        return
    solution = sp.solve(site, "helpers.0.paid_hours", "net.social_enterprise", target)
    assert -500_000 <= target <= 1_047_520
    assert solution.achieved >= target
    assert sp.evaluate(solution.partnership).results()["net.social_enterprise"] == solution.achieved


def test_the_command_line_solves_an_input_that_stops_at_one() -> None:
    # skilled hours freed per helper hour, s: the company gains 4 × 20 × 52 = 4,160 hours ×
    # s × (550 − 120) = 1,788,800s and pays 320 × 4,160 = 1,331,200; zero at s = 0.744…: 0.74
    # gives −7,488, 0.75 gives 10,400. A bare fraction moves in steps of 0.0001 (0.01 %):
    # 0.7441 gives 1,788,800 × 0.7441 − 1,331,200 = −153.92, 0.7442 gives 24.96. The search
    # tries 1.6 first, refused at most 1 (a bare number is a share), or taken where the input
    # allows more: either way the answer is 0.7442.
    file = ROOT / "examples" / "labour_shortage_site.yaml"
    out = runner.invoke(app, ["solve", str(file), "--vary", "skilled_hours_freed", "--target", "net.company=0"])
    assert out.exit_code == 0, out.output
    assert out.output.startswith("skilled_hours_freed = 0.7442 (74.42 %)")
    assert "gives net.company = 24.96" in out.output


# -- one year of several ----------------------------------------------------------------------
#
# 5 workers × 20 h/week at 172 DKK/h with 10 % overhead, 4 participants, support staff 740,000 a
# year, 3 % wage growth from 2027: overhead 89,440.00, 92,123.20, 94,886.90 and support
# 740,000.00, 762,200.00, 785,066.00 in 2027, 2028, 2029. The course price is not grown; a
# year holds 4 × 12 = 48 participant-months.
AALBORG: dict[str, Any] = {
    "model": "shared_responsibility",
    "name": "Aalborg, three years",
    "social_enterprise": {"name": "SØV"},
    "company": {"name": "Firma"},
    "municipality": {"name": "Aalborg Kommune", "code": 851},
    "temp_hours": {"workers": 5, "effective_hours": "20 hour/week", "wage_cost": "172 DKK/hour", "overhead": "10 %"},
    "courses": {"participants": 4, "price": "12000 DKK/month"},
    "support_staff": [{"role": "socialpædagog", "fte": 1.5, "annual_cost": "740000 DKK/year"}],
    "horizon": {"years": 3, "start_year": 2027, "wage_growth": "3 %"},
}


def test_one_years_coverage_is_solved_for() -> None:
    # 2029: courses must bring 785,066 − 94,886.90 = 690,179.10, 14,378.73125 a month:
    # 14,378.73 × 48 = 690,179.04 falls 0.06 short, 14,378.74 × 48 = 690,179.52 covers
    p = sp.from_data(AALBORG)
    solution = sp.solve(p, "courses.price", "2029.coverage", 1)
    assert solution.value == sp.Q_(14378.74, "DKK/month")
    last = sp.evaluate(solution.partnership).breakdown[2]
    assert last.ledger.net("social_enterprise") == D("0.42")  # 690,179.52 + 94,886.90 − 785,066
    assert solution.achieved == last.cost_split.coverage  # 785,066.42 / 785,066
    assert solution.achieved > 1
    # without a start year the years are "year 1" to "year 3"
    data = copy.deepcopy(AALBORG)
    del data["horizon"]["start_year"]
    assert sp.solve(sp.from_data(data), "courses.price", "year 3.coverage", 1).value == sp.Q_(14378.74, "DKK/month")


def test_one_years_net_is_solved_for() -> None:
    # 2028: 762,200 − 92,123.20 = 670,076.80 over 48 months is 13,959.9333…: 13,959.93 × 48 =
    # 670,076.64 (−0.16), 13,959.94 × 48 = 670,077.12 (+0.32)
    p = sp.from_data(AALBORG)
    solution = sp.solve(p, "courses.price", "2028.net.social_enterprise", 0)
    assert (solution.value, solution.achieved) == (sp.Q_(13959.94, "DKK/month"), D("0.32"))
    # the other years go their own way: 2027 ahead (89,440 + 670,077.12 − 740,000 = 19,517.12)
    assert sp.evaluate(solution.partnership).breakdown[0].ledger.net("social_enterprise") == D("19517.12")


def test_a_spin_off_year_is_solved_for() -> None:
    # 2027: parent purchases p + other revenue 200,000 + grants 200,000 against wages
    # 10 × 15 × 52 × 170 = 1,326,000, support 480,000 and other costs 60,000: a surplus of
    # p − 1,466,000, zero at p = 1,466,000 (34,000 at the stated 1,500,000)
    deal = sp.load(ROOT / "examples" / "spin_off_packing.yaml")
    solution = sp.solve(deal, "years.1.parent_purchases", "2027.surplus", 0)
    assert (solution.value, solution.achieved) == (sp.Q_(1466000, "DKK/year"), D("0.00"))


def test_unknown_years_are_named() -> None:
    p = sp.from_data(AALBORG)
    with pytest.raises(sp.SolveError, match=r"2026\.coverage: no year '2026' in this scenario \(its years: 2027, 2028"):
        sp.solve(p, "courses.price", "2026.coverage", 1)
    with pytest.raises(sp.SolveError, match=r"unknown result '2028\.profit'"):
        sp.solve(p, "courses.price", "2028.profit", 1)
    one_year = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    with pytest.raises(sp.SolveError, match="it has no horizon: or years"):
        sp.solve(one_year, "courses.price", "2027.coverage", 1)


def test_the_command_line_solves_one_year(tmp_path: Path) -> None:
    file = tmp_path / "aalborg.yaml"
    file.write_text(yaml.safe_dump(AALBORG, allow_unicode=True), encoding="utf-8")
    args = ["solve", str(file), "--vary", "courses.price", "--target", "2029.coverage=1"]
    out = runner.invoke(app, args)
    assert out.exit_code == 0, out.output
    # 2029's coverage at today's 12,000: (94,886.90 + 576,000) / 785,066 = 0.8546; at the answer
    # it is 1.00000053… (a 0.01 step of the price moves it by more): shown as 1.000001 (100.0001 %),
    # as 1.0000 would read as the target met exactly
    assert out.output.splitlines()[:2] == [
        "courses.price = 14378.74 DKK / month",
        "  gives 2029.coverage = 100.0001 % (target 100.00 %; now 85.46 %)",
    ]
    danish = runner.invoke(app, [*args, "--lang", "da"])
    assert danish.exit_code == 0, danish.output
    assert "giver dækningsprocent (2029) = 100,0001 % (mål 100,00 %; nu 85,46 %)" in danish.output
    out = runner.invoke(app, ["solve", str(file), "--vary", "courses.price", "--target", "2031.coverage=1"])
    assert out.exit_code == 2
    assert "no year '2031'" in out.output


# -- every scenario of the matrix -------------------------------------------------------------

# each model's input to vary, and a range around its stated value (in the input's unit)
INPUTS = {
    "shared_responsibility": ("courses.price", 9000, 14000),
    "supplier": ("services.0.price", 200, 400),
    "labour_shortage": ("price", 250, 450),
    "in_house": ("price", 180, 300),
    "spin_off": ("years.0.parent_purchases", 900000, 2000000),
}


@pytest.mark.parametrize(("name", "data"), scenario_matrix(), ids=[name for name, _ in scenario_matrix()])
def test_solve_on_every_scenario(name: str, data: dict[str, Any]) -> None:
    p = sp.from_data(data)
    ev = sp.evaluate(p)
    path, low, high = INPUTS[data["model"]]
    results = ["surplus", "net.company"]
    if data.get("public"):
        results.append("public.municipality")
    if ev.breakdown:  # the first and the last year
        results += [f"{ev.breakdown[0].ledger.period}.surplus", f"{ev.breakdown[-1].ledger.period}.net.company"]
    for result in results:
        now = sp.result_value(ev, result)
        for target in (now, now + 1000):
            refused = ""
            try:
                solution = sp.solve(p, path, result, target, low=low, high=high)
            except sp.SolveError as exc:
                refused = str(exc)
            if refused:
                # today's value is in range, so its own result is always reached
                assert target != now, (name, result, refused)
                assert refused.startswith("no value between") or "does not depend" in refused, refused
                continue
            # met (at or above the target: the smallest such value of a rising result, the
            # largest of a falling one), inside the range, and what evaluate gives
            assert solution.achieved >= target, (name, result)
            magnitude = solution.value if isinstance(solution.value, int) else solution.value.magnitude
            assert low <= magnitude <= high
            assert sp.result_value(sp.evaluate(solution.partnership), result) == solution.achieved


def test_a_range_past_the_target_says_where_to_look() -> None:
    """Coverage rises with the course price and reaches 1 at 12,033.34.

    From 12,500 to 13,000 it is 1.035 to 1.0725, every value past the target:
    (46,800 + 36 × 12,500) / 480,000 = 1.035. The error says so and points below the low
    end; from 5,000 to 9,000 (0.4725 to 0.7725) it points above the high end.
    """
    deal = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    with pytest.raises(sp.SolveError) as caught:
        sp.solve(deal, "courses.price", "coverage", 1, low=12500, high=13000)
    message = str(caught.value)
    assert "coverage is 1.0350 at the low end and 1.0725 at the high end, above the target at every value" in message
    assert "reached below the low end: give a lower low end" in message
    with pytest.raises(sp.SolveError, match="reached above the high end: give a higher high end"):
        sp.solve(deal, "courses.price", "coverage", 1, low=5000, high=9000)


def test_a_result_with_no_value_anywhere_is_a_plain_solve_error() -> None:
    """The company's present value never turns positive over three years: no payback year at any price.

    The error is the public SolveError (not a private subclass), and says why.
    """
    deal = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml")
    with pytest.raises(sp.SolveError) as caught:
        sp.solve(deal, "courses.price", "payback.company", 2027)
    assert type(caught.value) is sp.SolveError
    assert "payback.company has no value here: its discounted running sum is not back at or above zero" in str(
        caught.value
    )


def test_a_range_that_starts_at_the_answer_returns_it() -> None:
    # ikea_rebild: coverage = (3 × 12 × price + 46,800 overhead) / 480,000, so it reaches 1
    # at (480,000 − 46,800) / 36 = 12,033.333…: 12,033.34 is the smallest price that meets it
    ex = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    for low in ("12033.34", "12000"):
        assert str(sp.solve(ex, "courses.price", "coverage", 1, low=low).value) == "12033.34 DKK / month"
    assert (
        str(sp.solve(ex, "courses.price", "coverage", 1, low="11000", high="12033.34").value) == "12033.34 DKK / month"
    )
    # one øre higher, the whole range is past the target: the crossing is below it, and said so
    with pytest.raises(sp.SolveError, match="reached below the low end"):
        sp.solve(ex, "courses.price", "coverage", 1, low="12033.35")


def test_a_falling_result_at_a_high_end_that_still_meets_the_target() -> None:
    # coverage = 442,800 / annual cost falls with the cost; at or above 0.95 up to
    # 442,800 / 0.95 = 466,105.263…: the largest cost on the øre grid is 466,105.26
    ex = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    assert Fraction(442800) / Fraction("466105.26") >= Fraction("0.95") > Fraction(442800) / Fraction("466105.27")
    got = sp.solve(ex, "support_staff.0.annual_cost", "coverage", "0.95", high="466105.26")
    assert str(got.value) == "466105.26 DKK / year"
    assert str(sp.solve(ex, "support_staff.0.annual_cost", "coverage", "0.95").value) == "466105.26 DKK / year"
    with pytest.raises(sp.SolveError, match="above the high end"):
        sp.solve(ex, "support_staff.0.annual_cost", "coverage", "0.95", high="466105.25")
