"""The zone of agreement: where every party's condition holds, worked by hand."""

from __future__ import annotations

import copy
import json
import math
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app

from .conftest import percentage_markup_deal

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def data_of(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    return loaded


def three_party(alternative: str | None = "200 DKK/hour", limit: str | None = "432000 DKK/year") -> sp.Partnership:
    """The bundled deal with a temp agency's price for IKEA and Rebild's accepted net cost."""
    data = data_of("ikea_rebild")
    if alternative is not None:
        data["temp_hours"]["alternative_price"] = alternative
    if limit is not None:
        data["agreement"] = {"municipal_limit": limit}
    return sp.from_data(data)


def variant(p: sp.Partnership, values: dict[str, Decimal]) -> sp.Evaluation:
    """Evaluate the scenario with inputs set (in their own units): independent of the module."""
    data = p.model_dump(mode="json", exclude_none=True)
    for path, value in values.items():
        *head, last = path.split(".")
        target: Any = data
        for key in head:
            target = target[int(key)] if isinstance(target, list) else target[key]
        unit = str(target[int(last)] if isinstance(target, list) else target[last]).split(" ", 1)[1]
        if isinstance(target, list):
            target[int(last)] = f"{value} {unit}"
        else:
            target[last] = f"{value} {unit}"
    return sp.evaluate(type(p).model_validate(data))


# -- the three-party deal, two inputs ------------------------------------------------------
#
# Hours bought: 3 workers × 15 h/week × 52 weeks = 2,340 h; course months: 3 × 12 = 36.
# With overhead o (DKK/hour) and course price c (DKK/month):
#   SØV:          2,340·o + 36·c − 480,000 ≥ 0          (overhead + courses cover the socialpædagog)
#   IKEA:         2,340·(200 − 165 − o) ≥ 0   → o ≤ 35  (temp agency 200 DKK/h, wage cost 165)
#   Rebild:       432,000 − 36·c ≥ 0          → c ≤ 12,000 (accepted net cost 432,000 a year)
# Corners: IKEA ∩ Rebild = (35, 12,000);
#          SØV ∩ IKEA   = (35, (480,000 − 81,900)/36) = (35, 11,058.33…);
#          SØV ∩ Rebild = ((480,000 − 432,000)/2,340, 12,000) = (20.5128…, 12,000).
# Total gain: 2,340·35 + 432,000 − 480,000 = 33,900, whatever o and c (payments are transfers).
# Equal split: 11,300 each → o = 35 − 11,300/2,340 = 30.1709…, c = (432,000 − 11,300)/36 = 11,686.11….
# Proportional to payments at today's terms (SØV 386,100 wages + 480,000 staff = 866,100;
# IKEA 2,340 × 185 = 432,900; Rebild 396,000; total 1,695,000): 33,900/1,695,000 = 2 % of each:
# SØV 17,322, IKEA 8,658 → o = 35 − 3.7 = 31.30, Rebild 7,920 → c = (432,000 − 7,920)/36 = 11,780.


def test_three_party_polygon_corners_by_hand() -> None:
    zone = sp.agreement(three_party(), ["temp_hours.overhead", "courses.price"])
    assert zone.method == "exact"
    assert not zone.empty
    assert set(zone.vertices) == {
        (Fraction(35), Fraction(12000)),
        (Fraction(35), Fraction(398100, 36)),
        (Fraction(48000, 2340), Fraction(12000)),
    }
    assert len(zone.edges) == 3
    assert {e.split(":")[0] for e in zone.edges} == {"Huset Venture Nordjylland", "IKEA", "Rebild Kommune"}
    lines = {b.condition.party: b.coefficients for b in zone.boundaries}
    assert lines["social_enterprise"] == (Fraction(-480000), Fraction(2340), Fraction(36))
    assert lines["company"] == (Fraction(2340 * 35), Fraction(-2340), Fraction(0))
    assert lines["municipality"] == (Fraction(432000), Fraction(0), Fraction(-36))
    equal, proportional = zone.suggestions
    assert equal.rule.startswith("equal gains")
    assert equal.point == (Decimal("30.17"), Decimal("11686.11"))
    # at the rounded point each gain is within 2,340 × 0.005 + 36 × 0.005 of 11,300
    assert all(abs(g - 11300) <= 12 for g in equal.gains.values())
    assert proportional.point == (Decimal("31.30"), Decimal("11780.00"))
    assert dict(proportional.gains) == {
        "Huset Venture Nordjylland": Decimal("17322.00"),
        "IKEA": Decimal("8658.00"),
        "Rebild Kommune": Decimal("7920.00"),
    }
    assert not zone.contains(zone.current)  # today's terms leave the SØV 37,200 short
    assert zone.contains(equal.point)


def test_the_example_file_is_the_hand_worked_deal() -> None:
    shipped = sp.load(EXAMPLES / "ikea_rebild_agreement.yaml")
    zone = sp.agreement(shipped, ["temp_hours.overhead", "courses.price"])
    assert zone.vertices == sp.agreement(three_party(), ["temp_hours.overhead", "courses.price"]).vertices


def test_three_party_overhead_interval_ends_are_the_break_even_prices() -> None:
    p = three_party("210 DKK/hour", None)
    ev = sp.evaluate(p)
    zone = sp.agreement(p, ["temp_hours.overhead"])
    low, high = zone.interval  # type: ignore[misc]
    # SØV: (480,000 − 396,000)/2,340 = 35.897…; IKEA: 210 − 165 = 45
    assert (low, high) == (Fraction(84000, 2340), Fraction(45))
    assert zone.interval_decimal == (ev.break_even[0].value, ev.figure("company_max_overhead").value)
    assert zone.interval_ends[0][0].startswith("Huset Venture")
    assert zone.interval_ends[0][1].startswith("IKEA")
    assert any("municipality" in n for n in zone.notes)  # no public: block, no limit


def test_a_percentage_overhead_is_varied_in_percent() -> None:
    data = data_of("ikea_rebild")
    data["temp_hours"].update(overhead="12 %", alternative_price="210 DKK/hour")
    p = sp.from_data(data)
    zone = sp.agreement(p, ["temp_hours.overhead"])
    # SØV: 84,000/2,340 DKK/hour = 35.897… of 165 = 21.76 %; IKEA: 45/165 = 27.27 %
    assert zone.units == ("percent",)
    assert zone.interval == (Fraction(84000, 2340 * 165) * 100, Fraction(45, 165) * 100)
    assert zone.interval_decimal is not None
    assert zone.interval_decimal[0] == sp.evaluate(p).break_even[0].percent


def test_labour_shortage_interval_is_soev_break_even_to_company_maximum() -> None:
    p = sp.load(EXAMPLES / "labour_shortage_site.yaml")
    ev = sp.evaluate(p)
    zone = sp.agreement(p, ["price"])
    # paid hours 4 × 20 × 52 = 4,160; wages 4,160 × 165 = 686,400; jobkonsulent 500,000:
    # SØV low end (686,400 + 500,000)/4,160 = 285.19…; freed 0.8 × 4,160 = 3,328 skilled hours
    # worth 550 − 120 akkord = 430 each to the company: high end 3,328 × 430/4,160 = 344.
    assert zone.interval == (Fraction(1186400, 4160), Fraction(344))
    # shown inward (both ends inside the zone): 285.1923… up to 285.20, where the SØV's
    # break-even price is shown half up as 285.19 (0.96 DKK short there)
    assert zone.interval_decimal == (Decimal("285.20"), ev.figure("max_helper_price").value)
    assert ev.break_even[0].value == Decimal("285.19")
    # total gain (344 − 285.19…) × 4,160 = 244,640; half each at 285.19… + 122,320/4,160 = 314.60
    assert zone.suggestions[0].point == (Decimal("314.60"),)
    assert set(zone.suggestions[0].gains.values()) == {Decimal("122336.00"), Decimal("122304.00")}


def test_labour_shortage_soev_margin_raises_the_low_end() -> None:
    p = sp.load(EXAMPLES / "labour_shortage_site.yaml")
    zone = sp.agreement(p, ["price"], soev_margin="5 %")
    # (686,400 + 1.05 × 500,000)/4,160 = 1,211,400/4,160 = 291.20…
    assert zone.interval == (Fraction(1211400, 4160), Fraction(344))
    data = data_of("labour_shortage_site")
    data["agreement"] = {"soev_margin": "5 %", "soev_minimum": "41600 DKK/year"}
    # plus 41,600 a year: + 10 DKK/hour
    assert sp.agreement(sp.from_data(data), ["price"]).interval == (Fraction(1253000, 4160), Fraction(344))


def test_in_house_interval_is_soev_break_even_to_company_break_even() -> None:
    p = sp.load(EXAMPLES / "in_house_packing.yaml")
    ev = sp.evaluate(p)
    zone = sp.agreement(p, ["price"])
    # effective hours 25 × 16 × 52 = 20,800; wages × 170 = 3,536,000; staff 1,000,000:
    # low (3,536,000 + 1,000,000)/20,800 = 218.08; company before 5,618,000, after without the
    # service 80,000 + 100,000: high (5,618,000 − 180,000)/20,800 = 261.44
    assert zone.interval == (Fraction(4536000, 20800), Fraction(5438000, 20800))
    assert zone.interval_decimal == (ev.break_even[0].value, ev.figure("company_break_even_price").value)


def test_empty_zone_names_both_parties_and_the_shortfall() -> None:
    p = three_party("200 DKK/hour", None)
    zone = sp.agreement(p, ["temp_hours.overhead"])
    assert zone.empty
    assert zone.interval is None
    assert not zone.suggestions
    # at IKEA's highest overhead (35) the SØV gets 81,900 + 396,000 = 477,900 of 480,000;
    # at the SØV's lowest (35.897…) IKEA pays 2,340 × 0.897… = 2,100 over its alternative
    assert [(s.condition.party, s.amount) for s in zone.binding] == [
        ("social_enterprise", Decimal("2100.00")),
        ("company", Decimal("2100.00")),
    ]
    assert zone.binding[0].at == (Decimal("35.00"),)
    assert "2,100.00 DKK short" in str(zone)


def test_empty_zone_over_a_horizon_names_the_municipality() -> None:
    p = sp.load(EXAMPLES / "ikea_rebild_3_years.yaml")
    # Present values over 2026-2028: the SØV needs −1,419,231.25 + 8,445·overhead + 106.442·price ≥ 0,
    # the municipality 710,649.18 − 106.442·price ≥ 0 (price ≤ 6,676.38). With the overhead capped at
    # 40 DKK/hour the SØV needs a price of at least (1,419,231.25 − 337,800) / 106.442 = 10,159.78:
    # no price serves both, and each is 370,781.94 short where the other is exactly met.
    zone = sp.agreement(p, ["temp_hours.overhead", "courses.price"], bounds={"temp_hours.overhead": (0, 40)})
    assert zone.empty
    assert zone.basis == "present_value"
    parties = {b.condition.party: b for b in zone.binding}
    assert set(parties) == {"social_enterprise", "municipality"}
    binding = parties["municipality"]
    # the municipality's best point the SØV allows: the SØV's boundary at overhead's upper limit
    ev = variant(p, {"temp_hours.overhead": binding.at[0], "courses.price": binding.at[1]})
    assert abs(ev.figure("npv.public.municipality").value + binding.amount) <= 5  # type: ignore[operator]
    # without the cap the zone is not empty: a high overhead pays the SØV at a price the municipality accepts
    assert not sp.agreement(p, ["temp_hours.overhead", "courses.price"]).empty


def test_present_values_match_the_npv_figures() -> None:
    p = sp.load(EXAMPLES / "ikea_rebild_3_years.yaml")
    ev = sp.evaluate(p)
    zone = sp.agreement(p, ["courses.price"], municipal_limit="600000 DKK/year")
    gains = list(zone.gains_at(zone.current).values())
    assert gains[0] == ev.figure("npv.social_enterprise").value
    # a limit of 600,000 a year in 2026 prices over 2026-2028: grown by the 2 % price growth
    # (600,000 × 1.02^t, as every money input), then deflated by it and discounted at the real
    # 3.5 % (as every present value of the scenario): 600,000 × (1 + 1/1.035 + 1/1.035²)
    limit = sum(Fraction(600000) / Fraction(1035, 1000) ** t for t in range(3))
    expected = Fraction(ev.figure("npv.public.municipality").value) + limit  # type: ignore[arg-type]
    assert abs(Fraction(gains[1]) - expected) <= Fraction(1, 100)


def test_per_year_basis_has_a_condition_per_year() -> None:
    p = sp.load(EXAMPLES / "ikea_rebild_3_years.yaml")
    zone = sp.agreement(p, ["courses.price"], basis="per_year", municipal_limit="600000 DKK/year")
    assert [c.year for c in zone.conditions] == ["2026", "2027", "2028"] * 2
    low, high = zone.interval  # type: ignore[misc]
    # the low end is the first year's break-even course price (the same as the one-year deal's)
    assert round(_dec(low), 2) == Decimal("12033.33")

    def every_year(x: Fraction) -> bool:
        # the limit is 600,000 in 2026 prices: 600,000 × 1.02^t in year t
        years = variant(p, {"courses.price": round(_dec(x), 4)}).breakdown
        return all(
            y.cost_split.surplus >= 0
            and y.public is not None
            and y.public.net_effect("municipality") >= -600000 * Decimal("1.02") ** t
            for t, y in enumerate(years)
        )

    assert every_year(low + Fraction(1, 10))
    assert every_year(high - Fraction(1, 10))
    assert not every_year(low - Fraction(1, 10))
    assert not every_year(high + Fraction(1, 10))


def _dec(x: Fraction) -> Decimal:
    return Decimal(x.numerator) / Decimal(x.denominator)


def test_supplier_market_prices_give_the_company_a_condition() -> None:
    data = data_of("supplier_facility")
    data["services"][0]["market_price"] = "310 DKK/hour"
    data["services"][1]["market_sum"] = "110000 DKK/month"
    p = sp.from_data(data)
    ev = sp.evaluate(p)
    # market: 310 × 240 × 52 = 3,868,800 + 1,320,000 = 5,188,800; paid 4,694,400
    assert ev.figure("company_market_cost").value == Decimal("5188800.00")
    assert ev.figure("company_saving").value == Decimal("494400.00")
    zone = sp.agreement(p, ["services.0.price"])
    # company: 310 per hour plus the canteen's 120,000 a year saving over 240 × 52 = 12,480 hours:
    # 310 + 120,000/12,480 = 319.615…; SØV: the break-even price
    assert zone.interval == (zone.interval[0], Fraction(310) + Fraction(120000, 12480))  # type: ignore[index]
    # shown inward: the high end 319.615… down to 319.61 (at 319.62 the company would lose)
    assert zone.interval_decimal == (ev.break_even[0].value, Decimal("319.61"))


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda s: s.update(market_sum="1 DKK/year"), "market_sum"),
        (lambda s: s.update(market_price="x"), "market_price"),
    ],
)
def test_market_price_errors(change: Any, words: str) -> None:
    data = data_of("supplier_facility")
    change(data["services"][0])
    with pytest.raises(ValueError, match=words):
        sp.from_data(data)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"vary": ["a", "b", "c"]}, "one or two"),
        ({"vary": ["temp_hours.workers"]}, "whole numbers of people"),
        ({"vary": ["temp_hours.nope"]}, "no input"),
        ({"vary": ["name"]}, "not a numeric input"),
        ({"vary": ["courses.price"], "bounds": {"temp_hours.overhead": (0, 1)}}, "not one of the inputs"),
        # a range of one value holds none, named by its input (a reversed range is read as its interval)
        ({"vary": ["courses.price"], "bounds": {"courses.price": (5, 5)}}, r"bounds\[courses.price\]: the range 5..5"),
        ({"vary": ["courses.price"], "municipal_limit": "12 %"}, "municipal_limit"),
        ({"vary": ["courses.price"], "contributions": {"state": 1}}, "contributions"),
        ({"vary": ["courses.price"], "bounds": {"courses.price": ("abc", None)}}, "not a number"),
        ({"vary": ["courses.price"], "bounds": {"courses.price": ("9.000", None)}}, "ambiguous"),
        # a decimal comma gets the fix it gets everywhere (it was only "not a number")
        ({"vary": ["courses.price"], "bounds": {"courses.price": ("9000,5", None)}}, "write 9000.5 with a decimal"),
        ({"vary": ["courses.price"], "bounds": {"courses.price": ("9.000", None)}}, "write 9000 or 9_000"),
        ({"vary": ["courses.price"], "soev_margin": "5"}, "soev_margin"),
    ],
)
def test_bad_requests_are_clear_errors(kwargs: dict[str, Any], words: str) -> None:
    with pytest.raises(sp.AgreementError, match=words):
        sp.agreement(three_party(), **kwargs)


def test_one_input_given_as_a_string_is_one_path() -> None:
    # "courses.price" is the one input, not thirteen letters
    zone = sp.agreement(three_party(), vary="courses.price")
    assert zone.vary == ("courses.price",)
    assert zone == sp.agreement(three_party(), vary=["courses.price"])
    # the SØV needs 480,000 − 46,800 = 433,200 from 36 course months: c ≥ 12,033.33;
    # Rebild accepts 432,000 a year: 36·c ≤ 432,000 → c ≤ 12,000, so the zone is empty
    assert zone.empty


def test_floors_as_quantities_and_numpy_bounds() -> None:
    import numpy as np

    p = sp.load(EXAMPLES / "labour_shortage_site.yaml")
    zone = sp.agreement(p, ["price"], soev_margin=sp.Q_(5, "%"), bounds={"price": (np.float64(290.5), np.int64(340))})
    # the SØV's 5 % margin: 1,211,400/4,160 = 291.20…; the upper end is the limit given
    assert zone.interval == (Fraction(1211400, 4160), Fraction(340))
    assert zone.interval_ends[0][1] == "upper end of the range searched for price"


def test_agreement_block_round_trips() -> None:
    p = three_party()
    again = sp.loads(sp.dumps(p))
    assert again == p
    assert again.agreement is not None
    assert again.agreement.municipal_limit is not None
    with pytest.raises(ValueError, match="basis"):
        sp.from_data({**p.model_dump(mode="json", exclude_none=True), "agreement": {"basis": "monthly"}})


# -- every model, with and without public: and horizon: --------------------------------------

_VARY = {
    "shared_responsibility": "temp_hours.overhead",
    "labour_shortage": "price",
    "in_house": "price",
    "supplier": "services.0.price",
    "spin_off": "years.0.parent_purchases",
}
_FILES = {
    "shared_responsibility": "ikea_rebild",
    "labour_shortage": "labour_shortage_site",
    "in_house": "in_house_packing",
    "supplier": "supplier_facility",
    "spin_off": "spin_off_packing",
}


def matrix() -> list[tuple[str, bool, bool]]:
    return [
        (model, public, horizon)
        for model in _FILES
        for public in (False, True)
        for horizon in (False, True)
        if not (model == "spin_off" and horizon)  # a spin-off has its own years
    ]


@pytest.mark.parametrize(("model", "public", "horizon"), matrix())
def test_every_model_with_and_without_public_and_horizon(model: str, public: bool, horizon: bool) -> None:
    data = data_of(_FILES[model])
    if public:
        data.setdefault("municipality", {"name": "Aalborg Kommune", "code": 851})
        data["public"] = {"year": 2026, "weeks_on_support": 10}
        data["agreement"] = {"municipal_limit": "5000000 DKK/year"}
    if horizon:
        data["horizon"] = {"years": 2, "start_year": 2026, "price_growth": "2 %"}
    p = sp.from_data(data)
    zone = sp.agreement(p, [_VARY[model]])
    parties = {c.party for c in zone.conditions}
    assert "social_enterprise" in parties
    assert ("municipality" in parties) is public
    # today's terms: in the zone exactly when every condition holds at them
    gains = zone.gains_at(zone.current)
    assert zone.contains(zone.current) is all(g >= 0 for g in gains.values())
    json.dumps(zone.to_dict())
    if not zone.empty:
        low, high = zone.intervals[0]
        mid = (low + high) / 2
        assert all(g >= -1 for g in zone.gains_at((mid,)).values())


# -- property: inside satisfies everyone, just outside fails someone -------------------------


def conditions_hold(ev: sp.Evaluation, tolerance: Decimal = Decimal(1)) -> list[bool]:
    """The three parties' conditions from evaluate's own results (the limit as stated above)."""
    r = ev.results()
    return [
        r["surplus"] >= -tolerance,  # type: ignore[operator]
        r["company_saving"] >= -tolerance,  # type: ignore[operator]
        r["net.municipality"] >= -432000 - tolerance,  # type: ignore[operator]
    ]


_ZONE = sp.agreement(three_party(), ["temp_hours.overhead", "courses.price"])


@given(st.lists(st.fractions(0, 1), min_size=3, max_size=3).filter(lambda w: sum(w) > 0))
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
def test_points_inside_the_polygon_satisfy_every_party(weights: list[Fraction]) -> None:
    total = sum(weights, Fraction(0))
    point = [sum((w * v[k] for w, v in zip(weights, _ZONE.vertices, strict=True)), Fraction(0)) / total for k in (0, 1)]
    values = {p: round(_dec(x), 4) for p, x in zip(_ZONE.vary, point, strict=True)}
    assert _ZONE.contains(list(point))
    assert all(conditions_hold(variant(three_party(), values)))


@given(st.integers(0, 2), st.fractions(Fraction(1, 10), Fraction(9, 10)))
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
def test_points_just_outside_the_polygon_fail_someone(edge: int, t: Fraction) -> None:
    corners = _ZONE.vertices
    a, b = corners[edge], corners[(edge + 1) % len(corners)]
    on = [a[k] + t * (b[k] - a[k]) for k in (0, 1)]
    centre = [sum((v[k] for v in corners), Fraction(0)) / len(corners) for k in (0, 1)]
    # step off the edge along its outward normal, in steps of 0.5 DKK/hour and 20 DKK/month
    # (each at least 1,170 or 720 DKK a year off the boundary)
    scale = [Fraction(1, 2), Fraction(20)]
    du, dv = (b[0] - a[0]) / scale[0], (b[1] - a[1]) / scale[1]
    norm = Fraction(math.hypot(du, dv))
    normal = [dv / norm, -du / norm]
    if sum((n * (x - c) / k for n, x, c, k in zip(normal, on, centre, scale, strict=True)), Fraction(0)) < 0:
        normal = [-n for n in normal]
    outside = [x + n * s for x, n, s in zip(on, normal, scale, strict=True)]
    values = {p: round(_dec(x), 4) for p, x in zip(_ZONE.vary, outside, strict=True)}
    ev = variant(three_party(), values)
    assert not all(conditions_hold(ev, Decimal(0)))
    assert not _ZONE.contains(list(outside))


@given(st.sampled_from(["labour_shortage_site", "in_house_packing"]), st.fractions(0, 1))
@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
def test_interval_inside_and_just_outside(name: str, t: Fraction) -> None:
    p = sp.load(EXAMPLES / f"{name}.yaml")
    zone = sp.agreement(p, ["price"])
    low, high = zone.interval  # type: ignore[misc]
    company = "company_net_gain" if name.startswith("labour") else "company_saving"

    def holds(x: Fraction, tolerance: Decimal) -> bool:
        r = variant(p, {"price": round(_dec(x), 6)}).results()
        return r["surplus"] >= -tolerance and r[company] >= -tolerance  # type: ignore[operator]

    assert holds(low + t * (high - low), Decimal(1))
    assert not holds(low - Fraction(1, 100), Decimal(0))
    assert not holds(high + Fraction(1, 100), Decimal(0))


# -- not linear: traced on a grid -------------------------------------------------------------


def nonlinear() -> sp.Partnership:
    """The public purse with the fleksløntilskud read from the wage cost: not linear in it."""
    data = data_of("ikea_rebild_3_years")
    del data["public"]["fleksjob_wage"], data["horizon"]
    data["temp_hours"]["alternative_price"] = "290 DKK/hour"
    data["agreement"] = {"municipal_limit": "1000000 DKK/year"}
    return sp.from_data(data)


def test_a_non_linear_zone_is_traced_and_its_points_hold() -> None:
    p = nonlinear()
    zone = sp.agreement(
        p, ["temp_hours.wage_cost", "courses.price"], bounds={"temp_hours.wage_cost": (100, 400)}, grid=11
    )
    assert zone.method == "grid"
    assert zone.grid is not None
    assert all(b.coefficients is None for b in zone.boundaries)
    assert zone.inside
    for x, y in zone.inside[:: max(1, len(zone.inside) // 8)]:
        ev = variant(p, {"temp_hours.wage_cost": _dec(x), "courses.price": _dec(y)})
        r = ev.results()
        assert r["surplus"] >= 0  # type: ignore[operator]
        assert r["company_saving"] >= 0  # type: ignore[operator]
        assert r["public.municipality"] >= -1000000  # type: ignore[operator]
    assert zone.suggestions
    assert zone.contains(zone.suggestions[0].point)


def test_a_non_linear_interval_is_refined_by_bisection() -> None:
    p = nonlinear()
    zone = sp.agreement(p, ["temp_hours.wage_cost"], bounds={"temp_hours.wage_cost": (100, 400)}, grid=31)
    assert zone.method == "grid"
    # the SØV's surplus does not depend on the wage cost (billed at cost): 37,200 short throughout
    assert zone.empty
    assert zone.binding[0].condition.party == "social_enterprise"
    assert zone.binding[0].amount == Decimal("37200.00")
    # with an overhead of 40 the SØV has 2,340 × 40 + 396,000 − 480,000 = 9,600 over;
    # IKEA saves while 165 → wage cost w: 290 − w − 40 ≥ 0, so w ≤ 250
    data = p.model_dump(mode="json", exclude_none=True)
    data["temp_hours"]["overhead"] = "40 DKK/hour"
    zone = sp.agreement(sp.from_data(data), ["temp_hours.wage_cost"], bounds={"temp_hours.wage_cost": (100, 400)})
    (low, high), (by_low, by_high) = zone.intervals[0], zone.interval_ends[0]
    assert low == 100
    assert by_low == "lower end of the range searched for temp_hours.wage_cost"
    assert abs(high - 250) <= Fraction(1, 1000)
    assert by_high.startswith("IKEA")


# -- chart and command line --------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "da"])
def test_agreement_chart(lang: str) -> None:
    from socialpartner import charts

    zone = sp.agreement(three_party(), ["temp_hours.overhead", "courses.price"])
    fig = charts.agreement_chart(zone, lang=lang)
    legend = fig.axes[0].get_legend()
    assert legend is not None
    texts = [t.get_text() for t in legend.get_texts()]
    title = fig.axes[0].get_title()
    if lang == "da":
        assert title.startswith("Aftalezone")
        assert "dagens vilkår" in texts
    else:
        assert title.startswith("Zone of agreement")
        assert "today's terms" in texts
    assert any(t.startswith("IKEA") for t in texts)
    one = charts.agreement_chart(sp.agreement(three_party("200 DKK/hour", None), ["temp_hours.overhead"]), lang)
    assert "empty" in one.axes[0].get_title() or "tom" in one.axes[0].get_title()
    grid = sp.agreement(
        nonlinear(), ["temp_hours.wage_cost", "courses.price"], bounds={"temp_hours.wage_cost": (100, 400)}, grid=7
    )
    assert charts.agreement_chart(grid, lang).axes
    with pytest.raises(ValueError, match="lang"):
        charts.agreement_chart(zone, lang="de")


runner = CliRunner()


def test_cli_agree(tmp_path: Path) -> None:
    result = runner.invoke(app, ["agree", str(EXAMPLES / "labour_shortage_site.yaml"), "--vary", "price"])
    assert result.exit_code == 0, result.output
    assert "from 285.20" in result.output  # 285.1923… rounded inward, into the zone
    assert "to 344.00" in result.output
    path = tmp_path / "scenario.yaml"
    sp.save(three_party(), path)
    chart = tmp_path / "zone.png"
    result = runner.invoke(
        app,
        ["agree", str(path), "--vary", "temp_hours.overhead=0..80", "--vary", "courses.price", "--chart", str(chart)],
    )
    assert result.exit_code == 0, result.output
    assert chart.stat().st_size > 0
    result = runner.invoke(app, ["agree", str(path), "--vary", "temp_hours.overhead", "-f", "json"])
    doc = json.loads(result.output)
    assert doc["empty"] is True
    assert doc["binding"][0]["shortfall"] == "2100.00"


@pytest.mark.parametrize(
    "args",
    [
        ["--vary", "temp_hours.workers"],
        ["--vary", "a", "--vary", "b", "--vary", "c"],
        ["--vary", "courses.price=x"],
        ["--vary", "courses.price", "--municipal-limit", "abc"],
        ["--vary", "courses.price=9.000..14.000"],
    ],
)
def test_cli_agree_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(app, ["agree", str(EXAMPLES / "ikea_rebild.yaml"), *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_three_party_alternative_price_figures() -> None:
    ev = sp.evaluate(three_party("200 DKK/hour", None))
    # 2,340 h × 200 = 468,000 against 2,340 × (165 + 20) = 432,900
    assert ev.figure("company_alternative_cost").value == Decimal("468000.00")
    assert ev.figure("company_saving").value == Decimal("35100.00")
    assert ev.figure("company_max_overhead").value == Decimal("35.00")
    assert ev.checks[0].status == "met"
    data = copy.deepcopy(data_of("ikea_rebild"))
    assert not sp.evaluate(sp.from_data(data)).figures  # without an alternative: no company figures


def test_danish_conditions_name_their_results_in_danish() -> None:
    from typer.testing import CliRunner

    from socialpartner.cli import app

    from .conftest import ROOT

    out = (
        CliRunner()
        .invoke(
            app,
            ["agree", str(ROOT / "examples" / "ikea_rebild_agreement.yaml"), "--vary", "courses.price", "--lang", "da"],
        )
        .output
    )
    assert "virksomhedens besparelse ≥ 0" in out
    assert "kommunens nettobeløb ≥ −432.000,00\xa0kr. om året" in out  # a no-break space before kr.
    assert "company_saving" not in out
    assert "net.municipality" not in out


def test_the_corners_shown_lie_inside_the_zone() -> None:
    # rounded half up, corners were shown outside: (35, 11,058.333…) as 11,058.33 leaves the SØV
    # 2,340 × 35 + 36 × 11,058.33 − 480,000 = −0.12 short, and (20.5128…, 12,000) as 20.51
    # leaves it 2,340 × 20.51 − 48,000 = −6.60 short; the nearest grid points inside are
    # 11,058.34 (+0.24) and 20.52 (+16.80)
    zone = sp.agreement(three_party(), ["temp_hours.overhead", "courses.price"])
    text = str(zone)
    for corner in ("(35.00, 11058.34)", "(20.52, 12000.00)", "(35.00, 12000.00)"):
        assert corner in text, corner
    assert "(35.00, 11058.33)" not in text
    for x, y in ((Decimal("35.00"), Decimal("11058.34")), (Decimal("20.52"), Decimal("12000.00"))):
        assert all(g >= 0 for g in zone.gains_at((x, y)).values())
    assert "(20,52; 12.000,00)" in zone.text("da")


def test_a_rule_between_the_two_inputs_is_refused_with_the_way_out() -> None:
    """Paid and effective hours varied together: each range alone is valid, a corner of the two is not.

    The exact method's box held the corner paid 12, effective 16 (effective within paid), and
    its suggested point (12, 15.89) was refused as an AgreementError from deep inside; cut on
    a grid, each input's range was cut at today's value of the other, and the zone read empty
    where it is not (paid = effective = 18.34 gives the SØV 192,100 DKK). Refused now, saying
    why and how to search a range the rule allows, which is then a zone as usual.
    """
    data = yaml.safe_load((EXAMPLES / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["workforce"][0]["effective_hours"] = "12 hour/week"
    p = sp.from_data(data)
    vary = ["workforce.0.paid_hours", "workforce.0.effective_hours"]
    with pytest.raises(sp.AgreementError, match="the scenario's own rule between them refuses a corner") as caught:
        sp.agreement(p, vary=vary)
    assert "must not exceed paid_hours" in str(caught.value)
    assert "give bounds (--vary PATH=LOW..HIGH) that keep to the rule" in str(caught.value)
    with pytest.raises(sp.AgreementError, match="refuses a corner"):
        sp.agreement(p, vary=vary, bounds={vary[0]: (10, 20), vary[1]: (10, 20)})
    # paid 16-20, effective 10-16: every combination keeps effective within paid
    zone = sp.agreement(p, vary=vary, bounds={vary[0]: (16, 20), vary[1]: (10, 16)})
    assert zone.method == "exact"


def test_a_point_is_one_value_per_input_and_a_one_input_zone_takes_the_value_alone() -> None:
    site = sp.load(EXAMPLES / "labour_shortage_site.yaml")
    zone = sp.agreement(site, vary="price")
    # the same point written four ways
    assert (
        zone.contains(300)
        == zone.contains("300 DKK/hour")
        == zone.contains([300])
        == zone.contains(sp.Q_(300, "DKK/hour"))
    )
    with pytest.raises(sp.AgreementError, match=r"point: expected 1 value \(price\), got 2"):
        zone.contains((300, 2))
    deal = sp.load(EXAMPLES / "ikea_rebild_agreement.yaml")
    two = sp.agreement(deal, vary=["temp_hours.overhead", "courses.price"])
    # "35" was read as the point (3, 5), one character per input
    for bad in ("35", 35):
        with pytest.raises(sp.AgreementError, match=r"give one value per input .* as a sequence"):
            two.gains_at(bad)
    with pytest.raises(sp.AgreementError, match="expected 2 values"):
        two.gains_at([35])
    assert two.contains(np.array([35.0, 12000.0])) == two.contains([35, 12000])


CLEANING_AND_CANTEEN = """
number_format: da
model: supplier
name: Rengøring og kantine – Midtjysk Logistik
period: 1 år
social_enterprise: {name: Aarhus Service SØV}
company: {name: Midtjysk Logistik A/S}
services:
  - name: rengøring
    price: 265 kr./time
    hours: 180 t/uge
    market_price: 310 kr./time
  - name: kantine
    contract_sum: 85.000 kr./md.
    market_sum: 95.000 kr./md.
workforce:
  - {form: fleksjob, headcount: 10, paid_hours: 20 t/uge, wage_cost: 168 kr./time}
  - {form: løntilskud, headcount: 2, paid_hours: 37 t/uge, wage_cost: 140 kr./time}
  - {form: ordinary, headcount: 1, paid_hours: 37 t/uge, wage_cost: 245 kr./time}
supervision:
  - {role: arbejdsleder, fte: 1, annual_cost: 510.000 kr./år}
  - {role: køkkenleder, fte: "0,6", cost_per_fte: 480.000 kr./år}
other_costs: 15.000 kr./md.
other_revenue: 600.000 kr./år
"""


def test_two_prices_that_move_the_gains_as_one_total_suggest_the_split_nearest_todays_terms() -> None:
    """Cleaning per hour (p) and the canteen's contract sum (c) are both payments from the company.

    SØV gain: 9,360·p + 12·c + 600,000 other revenue − 2,757,300 wages − 180,000 other costs −
    798,000 supervision = 9,360·p + 12·c − 3,135,300; company gain: 310 × 9,360 + 95,000 × 12
    = 4,041,600 − 9,360·p − 12·c. Every point of 9,360·p + 12·c = 3,588,450 splits equally
    (453,150 each): the suggestion was the corner (383.38, 0.00), a canteen given away; it is
    the point of that line nearest today's terms (265, 85,000) now, and a note says so.
    """
    deal = sp.from_data(yaml.safe_load(CLEANING_AND_CANTEEN))
    zone = sp.agreement(deal, vary=["services.0.price", "services.1.contract_sum"])
    equal = zone.suggestions[0]
    p, c = equal.point
    assert abs(9360 * p + 12 * c - 3588450) <= Decimal("9360") * Decimal("0.005") + 12 * Decimal("0.005")
    # both move from today's terms, neither to the end of its range
    assert p > 265
    assert c > 85000
    (p_lo, p_hi), (c_lo, c_hi) = zone.bounds

    def change(x: Decimal, y: Decimal) -> Fraction:  # measured against the range searched
        return (Fraction(x - 265) / (p_hi - p_lo)) ** 2 + (Fraction(y - 85000) / (c_hi - c_lo)) ** 2

    for other in ((Decimal("383.38"), Decimal(0)), (Decimal("274.41"), Decimal(85000))):  # also on the line
        assert change(p, c) <= change(*other)
    assert any("only through one combination of them" in note for note in zone.notes)
    # to the øre grid along the line: p to 0.01 first, then c from the line, (3,588,450 − 9,360·p) / 12;
    # both rounded on their own, the gains were 66.24 DKK apart
    assert c == (Decimal(3588450) - 9360 * p) / 12
    gains = list(equal.gains.values())
    assert abs(gains[0] - gains[1]) <= Decimal("0.12")


def _thin_wedge() -> sp.Partnership:
    """Review 43 F1: a percentage overhead, so the company's boundary is a thin wedge against the SØV's."""
    data = percentage_markup_deal()
    data["temp_hours"]["alternative_price"] = "210 DKK/hour"
    data["agreement"] = {"municipal_limit": "650000 DKK/year"}
    return sp.from_data(data)


def test_a_corner_in_a_thin_wedge_is_shown_inside_it() -> None:
    """The corner where the company's and the SØV's boundaries meet was shown (26.89, 10648.80), outside.

    Wages 165.50 × 4 × 12 × 52 = 413,088.00 a year, so 1 % of overhead is 4,130.88. The company gains
    (210 − 165.50) × 2,496 = 111,072.00 less the overhead: at 26.89 % it loses 0.2689 × 413,088 − 111,072
    = 7.36. The exact corner is o = 111,072 / 4,130.88 = 26.8882…, c = (750,000 − 111,072) / 60 = 10,648.80;
    no point of two decimals within 50 steps of the 0.01 grid around it was inside, so it fell back to
    half up. On the line o = 26.88 the SØV needs c ≥ (750,000 − 4,130.88 × 26.88) / 60 = 10,649.366…,
    so (26.88, 10649.37) is the nearest point shown inside (company: 111,072 − 111,038.05 = 33.95 ≥ 0).
    """
    zone = sp.agreement(_thin_wedge(), ["temp_hours.overhead", "courses.price"])
    text = str(zone)
    assert "(26.88, 10649.37)" in text
    assert "(26.89, 10648.80)" not in text
    shown = [
        tuple(Decimal(v) for v in line.strip().split(")")[0].strip("(").split(", "))
        for line in text.splitlines()
        if line.startswith("    (")
    ]
    assert len(shown) == 3
    for corner in shown:
        assert zone.contains(corner), corner
    for corner in zone.to_dict()["vertices"]:
        assert zone.contains([Decimal(c) for c in corner]), corner


@settings(max_examples=200, deadline=None)
@given(
    b1=st.fractions(min_value=-(10**4), max_value=10**4, max_denominator=1000),
    b2=st.fractions(min_value=-(10**4), max_value=10**4, max_denominator=1000),
    c1=st.fractions(min_value=-(10**4), max_value=10**4, max_denominator=1000),
    c2=st.fractions(min_value=-(10**4), max_value=10**4, max_denominator=1000),
    x=st.fractions(min_value=-(10**3), max_value=10**3, max_denominator=997),
    y=st.fractions(min_value=-(10**3), max_value=10**3, max_denominator=997),
    places=st.sampled_from([2, 6]),
)
def test_a_corner_shown_is_inside_both_lines_through_it(
    b1: Fraction, b2: Fraction, c1: Fraction, c2: Fraction, x: Fraction, y: Fraction, places: int
) -> None:
    """Any two boundaries through a corner (x, y): the point shown satisfies both, however thin the wedge."""
    from socialpartner.agreement_zone import _corner

    if b1 * c2 == b2 * c1 or (b1 == b2 == 0) or (c1 == c2 == 0):
        return  # parallel or no line: not a corner
    lines = [(-(b1 * x + b2 * y), b1, b2), (-(c1 * x + c2 * y), c1, c2)]  # both zero at the corner
    cx, cy = _corner(x, y, lines, places)
    for a0, p, q in lines:
        assert a0 + p * Fraction(cx) + q * Fraction(cy) >= 0
