"""Course places freed during a year are taken by new citizens at the course end, not on 1 January.

Every figure below is worked by hand from the refusion ladder of lov om kommunernes
finansiering af visse offentlige ydelser (LAB-refusion), § 5, stk. 2, as the 2026
parameters have it: 80 % in weeks 1-4, 40 % in weeks 5-26, 30 % in weeks 27-52, 20 % after.
Sums are in %·weeks (a share of the places × weeks on a band × the band's rate); a year
has 52 weeks, so a year's rate is the sum / 52. A newcomer's first 26 weeks make
4·80 + 22·40 = 1,200; their first 52/3 weeks 4·80 + (40/3)·40 = 853⅓.

The scenario: 10 course participants on 13,000 DKK a month during the course (and
otherwise), 104 weeks on support (the first citizens are past week 52: 20 %), and a
share m = 20 % + 10 % = 30 % of the places freed at each course end. The state's refusion
on the course benefit is 13,000 × 12 × 10 = 1,560,000 × the rate = 300 × the %·weeks sum.
From 2027 the stated 13,000 is the 2026 rate indexed as the file's benefit rates are (a
transfer income): 4.5 % less the 0.45 point of lov nr. 630 af 11.6.2024 for 2027, 0 % a
year after (the law's percentage at no wage growth), so 13,000 × 1.0405 = 13,526.50 a month:
1,623,180 × the rate = 312.15 × the %·weeks sum.
"""

from __future__ import annotations

import copy
from decimal import Decimal as D  # noqa: N817 - the hand-worked figures read shorter
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialpartner as sp
from socialpartner._internal import engine
from socialpartner._internal.backend import fraction
from socialpartner.views.explain import explanation_text

from .conftest import PROGRESSION_DEAL

BASE = PROGRESSION_DEAL  # each scenario sets its course length and years on a copy
REFUSION = "state refusion on the course benefit"
LADDER = (Fraction(4, 5), Fraction(2, 5), Fraction(3, 10), Fraction(1, 5))  # 2026: 80, 40, 30, 20 %


def scenario(after: str, years: int = 3, **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data["horizon"]["progression"]["after"] = after
    data["horizon"]["years"] = years
    data["horizon"].update(changes)
    return data


def refusion(ev: sp.Evaluation, year: int) -> D:
    view = ev.breakdown[year].public
    assert view is not None
    (line,) = [x for x in view.lines if x.item == REFUSION and x.payer == "state"]
    return line.actual


def participants_rate(ev: sp.Evaluation, year: int) -> D:
    view = ev.breakdown[year].public
    assert view is not None
    return view.refusion_rates["course participant"]


def test_a_4_month_course_refills_its_places_in_the_first_year() -> None:
    """Courses end at weeks 52/3 and 104/3 (about 1 May and 1 September) and on 31 December.

    Stretches of 52/3 weeks: all places hold the first citizens; then 70 % and newcomers A
    (since week 18) 30 %; then 49 %, A 21 % and newcomers B (since week 35) 30 %.
    First citizens: 20 × 52/3 × (1 + 0.7 + 0.49) = 759.2. A: 0.3 × 853⅓ (ladder weeks
    1-17⅓) + 0.21 × ((26 − 17⅓)·40 + (34⅔ − 26)·30 = 606⅔) = 256 + 127.4 = 383.4.
    B: 0.3 × 853⅓ = 256. Sum 1,398.6: the rate is 1,398.6 / 52 = 26.8962 % (not the first
    citizens' 20 % all year), and the state refunds 300 × 1,398.6 = 419,580.00 DKK.
    Average shares: first (1 + 0.7 + 0.49)/3 = 73 %; A (0.3 + 0.21)/3 = 17 % at
    383.4 / (0.51 × 52/3) = 43.37 %; B 10 % at 256 / 5.2 = 49.23 %.
    """
    ev = sp.evaluate(sp.from_data(scenario("4 month", years=1)))
    assert participants_rate(ev, 0) == D("0.2690")
    assert refusion(ev, 0) == D("419580.00")
    ladder = engine.run(sp.from_data(scenario("4 month", years=1))).periods[0].public.ladder  # type: ignore[union-attr]
    assert ladder is not None
    assert fraction(ladder.rate("course participant")) == Fraction(6993, 26000)  # 1,398.6 / 5,200
    assert ladder.describe("course participant") == (
        "≈ 26.90 % = 73.00 % first citizens × 20.00 % + 17.00 % newcomers since week 18 × 43.37 % "
        "+ 10.00 % newcomers since week 35 × 49.23 %"
    )
    formula = ev.explain("2026:public.refusion.during_course.1").formula
    assert "newcomers since week 18 × 43.37 %" in formula
    danish = explanation_text(ev.explain("2026:public.refusion.during_course.1"), "da")
    assert "17,00 % nye siden uge 18 × 43,37 %" in danish


def test_a_6_month_course_over_three_years() -> None:
    """Ends at week 26 and on 31 December; 30 % of every group moves on at each.

    2026: first citizens all year (20 × 26 + 0.7 × 20 × 26 = 884), newcomers A from week 27
    on 30 % (0.3 × 1,200 = 360): 1,244, rate 23.9231 %, refusion 373,200.00.
    2027: from 1 January first 49 %, A 21 % (ladder weeks 27-52), newcomers B 30 % (week 1);
    from week 27 first 34.3 %, A 14.7 % (past week 52), B 21 % (weeks 27-52), C 30 %:
    first 0.49·520 + 0.343·520 = 433.16; A 0.21·26·30 + 0.147·520 = 240.24;
    B 0.3·1,200 + 0.21·26·30 = 523.8; C 0.3·1,200 = 360: 1,557.2, rate 29.9462 %,
    refusion 312.15 × 1,557.2 = 486,079.98 (on the benefit indexed to 13,526.50 a month).
    2028: A and B are past week 52 on 1 January (with the first citizens: 49 %, all at
    20 %), C 21 % (weeks 27-52, then 53-78), D 30 % (week 1), E 30 % from week 27: the
    same shares on the same rungs as 2027, so 1,557.2 again: 486,079.98.
    The old rule (refill on 1 January only, at most every place once a year) gave 20 %,
    then 0.4 × 20 % + 0.6 × 38.08 % = 30.85 %, …
    """
    ev = sp.evaluate(sp.from_data(scenario("6 month")))
    assert [refusion(ev, t) for t in range(3)] == [D("373200.00"), D("486079.98"), D("486079.98")]
    assert [participants_rate(ev, t) for t in range(3)] == [D("0.2392"), D("0.2995"), D("0.2995")]
    ladder = engine.run(sp.from_data(scenario("6 month"))).periods[2].public.ladder  # type: ignore[union-attr]
    assert ladder is not None
    # 2028's average shares: first (0.2401 + 0.16807)/2, past (0.2499 + 0.17493)/2, C (0.21 + 0.147)/2, …
    assert ladder.describe("course participant") == (
        "≈ 29.95 % = 20.41 % first citizens × 20.00 % + 21.24 % newcomers past week 52 × 20.00 % "
        "+ 17.85 % newcomers since week 27 last year × 25.88 % + 25.50 % newcomers since week 1 × 39.50 % "
        "+ 15.00 % newcomers since week 27 × 46.15 %"
    )


def test_a_12_month_course_keeps_the_figures() -> None:
    """Courses end on 31 December: the freed 30 % are newcomers from 1 January, as before.

    2026: 20 % (312,000.00). 2027: first 70 % at 20 % (728) + newcomers 30 % in weeks 1-52
    (0.3 × (1,200 + 26 × 30) = 594): 1,322, rate 25.4231 %, 312.15 × 1,322 = 412,662.30.
    2028: first 49 % and 2027's newcomers 21 % past week 52 (20 %: 728) + newcomers 30 %
    (594): 412,662.30.
    """
    ev = sp.evaluate(sp.from_data(scenario("12 month")))
    assert [refusion(ev, t) for t in range(3)] == [D("312000.00"), D("412662.30"), D("412662.30")]
    ladder = engine.run(sp.from_data(scenario("12 month"))).periods[1].public.ladder  # type: ignore[union-attr]
    assert ladder is not None
    assert ladder.describe("course participant") == (
        "≈ 25.42 % = 70.00 % first citizens × 20.00 % + 30.00 % newcomers since week 1 × 38.08 %"
    )
    # the first year has nobody new: the rate alone, as before
    first = engine.run(sp.from_data(scenario("12 month"))).periods[0].public.ladder  # type: ignore[union-attr]
    assert first is not None
    assert first.describe("course participant") == "20.00 %"


def test_the_three_year_example_keeps_its_pinned_figures() -> None:
    """examples/ikea_rebild_3_years.yaml (12-month courses) meets every figure of its ``expect:`` block."""
    results = sp.check_expectations(sp.evaluate(sp.load("examples/ikea_rebild_3_years.yaml")))
    assert len(results) > 60
    assert [str(r) for r in results if not r.passed] == []


def test_growing_places_with_a_short_course() -> None:
    """6-month courses; 10 places in 2026 and 20 from 2027.

    2026 ends with first citizens 7 and newcomers A (since week 27) 3. On 31 December 30 %
    move on: 4.9 and 2.1 stay, and new citizens take the other 13 places from 1 January
    (B). Of 20 places: first 24.5 %, A 10.5 %, B 65 %; from week 27 (× 0.7) 17.15 %,
    7.35 %, 45.5 % and newcomers C 30 %. First (0.245 + 0.1715) × 520 = 216.58;
    A 0.105 × 26 × 30 + 0.0735 × 520 = 120.12; B 0.65 × 1,200 + 0.455 × 780 = 1,134.9;
    C 0.3 × 1,200 = 360: 1,831.6, rate 35.2231 %; on 13,526.50 × 12 × 20 = 3,246,360:
    624.3 × 1,831.6 = 1,143,467.88.
    """
    data = scenario("6 month", years=2, changes=[{"year": 2027, "set": {"courses.participants": 20}}])
    ev = sp.evaluate(sp.from_data(data))
    assert refusion(ev, 0) == D("373200.00")
    assert refusion(ev, 1) == D("1143467.88")
    assert participants_rate(ev, 1) == D("0.3522")


def test_shrinking_places_with_a_short_course() -> None:
    """6-month courses; 10 places in 2026 and 5 from 2027: those staying are fewer in proportion.

    On 31 December 7 of the 10 stay (first 4.9, A 2.1): more than 5 places, so each keeps
    5/7 of them: first 3.5 (70 %), A 1.5 (30 %), nobody new on 1 January. From week 27
    (× 0.7): 49 %, 21 %, newcomers C 30 %. First 0.7·520 + 0.49·520 = 618.8; A
    0.3·26·30 + 0.21·520 = 343.2; C 360: 1,322, rate 25.4231 %; on 13,526.50 × 12 × 5 = 811,590:
    156.075 × 1,322 = 206,331.15.
    """
    data = scenario("6 month", years=2, changes=[{"year": 2027, "set": {"courses.participants": 5}}])
    ev = sp.evaluate(sp.from_data(data))
    assert refusion(ev, 1) == D("206331.15")


def test_an_18_month_course_ends_mid_year() -> None:
    """Ends at week 78 (1 July 2027) and on 31 December 2028.

    2026: 20 % (312,000.00). 2027: first citizens all places to week 26, then 70 %, and
    newcomers 30 % from week 27: 520 + 364 + 360 = 1,244, 312.15 × 1,244 = 388,314.60. 2028:
    first 70 % (728), the newcomers in ladder weeks 27-78: 0.3 × (26·30 + 26·20) = 390:
    1,118, 312.15 × 1,118 = 348,983.70 (the old rule: 20 % in 2027, and 2028's newcomers
    from week 1).
    """
    ev = sp.evaluate(sp.from_data(scenario("18 month")))
    assert [refusion(ev, t) for t in range(3)] == [D("312000.00"), D("388314.60"), D("348983.70")]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(1, 120),  # course length in weeks
    st.integers(0, 100),  # % of the places freed at each course end
    st.sampled_from([0, 3, 30, 104]),
    st.lists(st.integers(0, 12), min_size=3, max_size=3),
)
def test_the_rate_lies_on_the_ladder_and_the_shares_add_to_one(
    weeks: int, moved: int, on_support: int, places: list[int]
) -> None:
    """Every year the rate lies between 20 % and 80 %; with places, each stretch's shares add to 1,
    so do the average shares, and the shares × rates add to the rate (without places: all shares 0)."""
    data = scenario(f"{weeks} week", years=3)
    data["horizon"]["progression"].update({"to_fleksjob": f"{moved} %", "to_ordinary": "0 %"})
    data["public"]["weeks_on_support"] = on_support
    data["courses"]["participants"] = places[0]
    data["horizon"]["changes"] = [
        {"year": 2027, "set": {"courses.participants": places[1]}},
        {"year": 2028, "set": {"courses.participants": places[2]}},
    ]
    run = engine.run(sp.from_data(data))
    for period, count in zip(run.periods, places, strict=True):
        assert period.public is not None
        assert period.public.ladder is not None
        ladder = period.public.ladder
        rate = fraction(ladder.rate("course participant"))
        parts = ladder.places("course participant")
        assert parts is not None
        assert min(LADDER) <= rate <= max(LADDER)
        if count:
            assert sum(fraction(share) for share, _, _ in parts) == 1
            assert sum(fraction(share) * fraction(r) for share, _, r in parts) == rate
            for share, _, r in parts:
                if share:
                    assert min(LADDER) <= fraction(r) <= max(LADDER)
        mix = ladder._mix
        assert mix is not None
        for j in range(len(mix.bounds) - 1):
            held = (mix.shares(g)[j - g.start] for g in mix.groups if g.start <= j)
            assert sum(fraction(s) for s in held) == (1 if count else 0)


@pytest.mark.parametrize(
    ("unit", "lengths", "shares"),
    [
        ("month", [4, 3, 6, 9, 18, 12], [0.2, 0.05, 0.35, 0.1, 0.5, 0.3]),  # 3, 4, 2, 1-1-2 … a year
        ("week", [10, 1, 17, 30], [0.3, 0.02, 0.6, 0.0]),
    ],
)
def test_sweeps_equal_evaluate_on_short_courses(unit: str, lengths: list[int], shares: list[float]) -> None:
    """The float64 engine follows the same course ends and occupants: every row equals evaluate to 0.01 DKK.

    Course length and a progression share vary together (a sweep over arrays of both), over
    four years with the places growing from 10 to 14 in 2028.
    """
    data = scenario("4 month", years=4, changes=[{"year": 2028, "set": {"courses.participants": 14}}])
    deal = sp.from_data(data)
    frame = sp.sweep(
        deal,
        {
            "horizon.progression.after": sp.Q_(np.array(lengths, dtype=float), unit),
            "horizon.progression.to_fleksjob": shares,
        },
        mode="paired",
    )
    for i, (length, share) in enumerate(zip(lengths, shares, strict=True)):
        one = copy.deepcopy(data)
        one["horizon"]["progression"]["after"] = f"{length} {unit}"
        one["horizon"]["progression"]["to_fleksjob"] = share
        ev = sp.evaluate(sp.from_data(one))
        compared = 0
        for part in ev.breakdown:
            for key, value in part.results().items():
                column = f"{part.ledger.period}.{key} [DKK]"
                if value is None or not key.startswith(("public.", "net.")) or column not in frame:
                    continue
                assert abs(float(frame[column].iloc[i]) - float(value)) < 0.01, (length, unit, column)
                compared += 1
        assert compared >= 4 * 3


def test_a_sweep_over_the_shares_alone_equals_evaluate() -> None:
    """One course length for every row (a scalar in the float64 engine), the shares moved on varied."""
    data = scenario("4 month", years=3)
    shares = [0.0, 0.15, 0.4, 0.7]
    frame = sp.sweep(sp.from_data(data), {"horizon.progression.to_ordinary": shares})
    for i, share in enumerate(shares):
        one = copy.deepcopy(data)
        one["horizon"]["progression"]["to_ordinary"] = share
        ev = sp.evaluate(sp.from_data(one))
        for t, part in enumerate(ev.breakdown):
            column = f"{part.ledger.period}.public.state [DKK]"
            value = part.results()["public.state"]
            assert value is not None
            assert abs(float(frame[column].iloc[i]) - float(value)) < 0.01, (share, t)


@pytest.mark.parametrize(
    ("start", "after", "status", "entrants"),
    [
        # new citizens from 1 May 2025, 1 September 2025 and 1 January 2026 are allowed; those of
        # 1 May 2026 (the fourth course end) are not
        (2025, "4 month", "not met", "2026-05-01"),
        (2025, "12 month", "met", None),  # from 1 January 2026 only (2027 is past the horizon): allowed
        (2025, "6 month", "not met", "2026-07-01"),  # 1 July 2025 and 1 January 2026 allowed, 1 July 2026 not
        (2025, "14 month", "not met", "2026-03-01"),  # the first course ends on 28 February 2026
        (2026, "4 month", "not met", "2026-05-01"),  # 1 May, not 1 January 2027
        (2026, "9 week", "not met", "2026-03-05"),  # 63 days after 1 January
    ],
)
def test_new_citizens_are_dated_from_every_course_end(
    start: int, after: str, status: str, entrants: str | None
) -> None:
    """Ressourceforløbsydelse is abolished for citizens starting from 1 February 2026 (lov nr. 1750
    af 29.12.2025): new course participants are dated from each course end within the horizon, not
    a 1 January, and the first the law no longer allows it for is named.
    The first citizens started 104 weeks before the first year, in 2023 or 2024: allowed."""
    data = scenario(after, years=2, start_year=start)
    data["public"]["year"] = start
    data["public"]["during_course"] = {"parameter": "benefit.ressourceforloebsydelse_without_children"}
    ev = sp.evaluate(sp.from_data(data))
    (check,) = [c for c in ev.checks if "ressourceforloebsydelse" in c.criterion]
    assert check.status == status
    if entrants is not None:
        assert f"new course participants from {entrants}" in check.reason


def _step_by_step(after: int, moved: Fraction, on_support: int, years: int, per_week: int = 1) -> list[Fraction]:
    """A reference, step by step: the places' occupants by their time on the ladder.

    Time runs in steps of 1/``per_week`` week (3 for courses of whole months: a month is
    13/3 weeks), ``after`` steps a course. Each step every occupant group is refunded at
    the band of the week it is in; at a course end (every ``after`` steps from the first
    1 January) ``moved`` of every group leaves and newcomers start at week 1.
    """

    def band(steps: int) -> Fraction:  # steps done before this one: in week steps // per_week + 1
        week = steps // per_week + 1
        return LADDER[0] if week <= 4 else LADDER[1] if week <= 26 else LADDER[2] if week <= 52 else LADDER[3]

    groups = {on_support * per_week: Fraction(1)}  # steps on the ladder so far → share of the places
    rates = []
    year = 52 * per_week
    for t in range(years):
        summed = Fraction(0)
        for w in range(year):
            summed += sum((share * band(done) for done, share in groups.items()), Fraction(0))
            groups = {done + 1: share for done, share in groups.items()}
            if (year * t + w + 1) % after == 0:
                groups = {done: share * (1 - moved) for done, share in groups.items()}
                groups[0] = groups.get(0, Fraction(0)) + moved
        rates.append(summed / year)
    return rates


def _rates(data: dict[str, Any]) -> list[Fraction]:
    run = engine.run(sp.from_data(data))
    got = []
    for period in run.periods:
        assert period.public is not None
        assert period.public.ladder is not None
        got.append(fraction(period.public.ladder.rate("course participant")))
    return got


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 60), st.integers(0, 100), st.sampled_from([0, 3, 30, 104]))
def test_the_closed_form_equals_a_week_by_week_count(weeks: int, moved: int, on_support: int) -> None:
    """For courses of whole weeks the year's rate equals an independent count week by week, exactly."""
    data = scenario(f"{weeks} week", years=3)
    data["horizon"]["progression"].update({"to_fleksjob": f"{moved} %", "to_ordinary": "0 %"})
    data["public"]["weeks_on_support"] = on_support
    assert _rates(data) == _step_by_step(weeks, Fraction(moved, 100), on_support, 3)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 18), st.integers(0, 100), st.sampled_from([0, 3, 104]))
def test_the_closed_form_equals_a_count_by_thirds_of_a_week(months: int, moved: int, on_support: int) -> None:
    """Courses of whole months end within a week (a month is 13/3 weeks): the rate equals a count
    in steps of a third of a week, exactly."""
    data = scenario(f"{months} month", years=3)
    data["horizon"]["progression"].update({"to_fleksjob": f"{moved} %", "to_ordinary": "0 %"})
    data["public"]["weeks_on_support"] = on_support
    assert _rates(data) == _step_by_step(13 * months, Fraction(moved, 100), on_support, 3, per_week=3)
