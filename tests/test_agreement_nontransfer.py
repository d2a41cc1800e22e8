"""The zone of agreement over an input that is not a payment between the parties, worked by hand."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import socialpartner as sp

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
D = Decimal


def data_of(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    return loaded


def not_transfer(zone: sp.AgreementZone) -> list[str]:
    return [n for n in zone.notes if "not only a payment between them" in n]


# -- the labour-shortage site: price p (DKK/hour) and skilled hours freed f per helper hour ---
#
# Paid helper hours H = 4 × 20 h × 52 = 4,160.
#   SØV:     4,160·p − (4,160 × 165 wages + 500,000 jobkonsulent) = 4,160·p − 1,186,400
#   company: f × 4,160 skilled hours × (550 − 120 akkord) − 4,160·p = 1,788,800·f − 4,160·p
# The price moves money between them; f does not: the total gain 1,788,800·f − 1,186,400
# grows with f. Searched over p in 250..500 and f in 0.5..2.0 the zone's corners are
# (285.19…, 0.663…), (500, 1.162…), (500, 2) and (285.19…, 2); the total runs from
# 1,788,800 × 0.663… − 1,186,400 = 0 to 1,788,800 × 2 − 1,186,400 = 2,391,200.
# The SØV's gain is largest at p = 500: 2,080,000 − 1,186,400 = 893,600, whatever f.
# Max-min alone ties along p = 500 from f = (893,600 + 2,080,000)/1,788,800 = 1.66… up to
# f = 2 (the SØV's 893,600 is the smaller gain all along), and picked (500, 1.66), where
# the company gets 1,788,800 × 1.66 − 2,080,000 = 889,408. At (500, 2.00) it gets
# 3,577,600 − 2,080,000 = 1,497,600 and the SØV the same 893,600: better for both.

SITE_BOUNDS = {"price": ("250", "500"), "skilled_hours_freed": ("0.5", "2.0")}


def site_gains(p: Fraction, f: Fraction) -> tuple[Fraction, Fraction]:
    return 4160 * p - 1186400, 1788800 * f - 4160 * p


def test_labour_shortage_hours_freed_suggestion_is_not_dominated() -> None:
    site = sp.load(EXAMPLES / "labour_shortage_site.yaml")
    zone = sp.agreement(site, ["price", "skilled_hours_freed"], bounds=SITE_BOUNDS)
    assert zone.method == "exact"
    equal, proportional = zone.suggestions
    assert equal.point == (D("500.00"), D("2.00"))  # was (500.00, 1.66)
    assert dict(equal.gains) == {"Byg & Hjælp SØV": D("893600.00"), "Nordbyg A/S": D("1497600.00")}
    # the company's gain is 1,788,800·f − 4,160·p, the SØV's does not depend on f: the
    # proportional rule ties the same way and ends at the same corner
    assert proportional.point == (D("500.00"), D("2.00"))
    # the hand formulas are evaluate's figures (checked at a few points)
    for p, f in ((Fraction(300), Fraction(1)), (Fraction(450), Fraction(3, 2)), (Fraction(500), Fraction(2))):
        assert sorted(zone.gains_at((p, f)).values()) == sorted(D(int(g)) for g in site_gains(p, f))
    # no point of a fine grid over the zone (price every 0.50, f every 0.01) gives both as
    # much and one more
    best = tuple(Fraction(g) for g in equal.gains.values())
    dominating = [
        (p, f)
        for p in (Fraction(k, 2) for k in range(500, 1001))
        for f in (Fraction(k, 100) for k in range(50, 201))
        if min(site_gains(p, f)) >= 0
        and all(g >= b for g, b in zip(site_gains(p, f), best, strict=True))
        and site_gains(p, f) != best
    ]
    assert dominating == []
    assert zone.contains(equal.point)


def test_labour_shortage_hours_freed_says_the_total_is_not_fixed() -> None:
    site = sp.load(EXAMPLES / "labour_shortage_site.yaml")
    zone = sp.agreement(site, ["price", "skilled_hours_freed"], bounds=SITE_BOUNDS)
    (note,) = not_transfer(zone)
    # only f moves the total; it runs from 0 to 2,391,200 across the zone
    assert note.startswith("the parties' total gain moves with skilled_hours_freed (")
    assert "2,391,200.00 DKK" in note
    assert all("Nash" not in s.rule and "equal split" not in s.rule for s in zone.suggestions)
    assert zone.suggestions[0].rule.startswith("the most equal gains the zone allows (max-min")
    danish = zone.text("da")
    assert "parternes samlede gevinst ændrer sig med skilled_hours_freed" in danish
    assert "2.391.200,00\xa0kr." in danish
    assert "forslag, de mest lige gevinster, som zonen tillader (max-min" in danish
    assert ": (500,00; 2,00); gevinster" in danish
    assert zone.to_dict()["notes"] == list(zone.notes)


def test_hours_freed_alone_moves_only_the_company() -> None:
    """f alone: the SØV's gain is 144,800 whatever f, so there is no split to suggest."""
    site = sp.load(EXAMPLES / "labour_shortage_site.yaml")
    zone = sp.agreement(site, ["skilled_hours_freed"], bounds={"skilled_hours_freed": ("0.5", "2.0")})
    # the company gains from f = 4,160 × 320 / 1,788,800 = 0.744…
    assert zone.interval == (Fraction(1331200, 1788800), Fraction(2))
    assert not zone.suggestions
    assert not not_transfer(zone)


# -- only prices varied: the transfer case keeps its figures and words ------------------------


def test_the_example_deal_keeps_its_suggestions_and_wording() -> None:
    """examples/ikea_rebild_agreement.yaml: the figures docs/agreement.md works by hand."""
    zone = sp.agreement(sp.load(EXAMPLES / "ikea_rebild_agreement.yaml"), ["temp_hours.overhead", "courses.price"])
    equal, proportional = zone.suggestions
    assert equal.rule == (
        "equal gains (the equal split of the total gain: the Nash bargaining point when payments are transfers)"
    )
    assert proportional.rule == "gains proportional to what each party brings (its payments at today's terms)"
    assert equal.point == (D("30.17"), D("11686.11"))
    # 2,340 × 30.17 + 36 × 11,686.11 − 480,000; 2,340 × (35 − 30.17); 432,000 − 36 × 11,686.11
    assert dict(equal.gains) == {
        "Huset Venture Nordjylland": D("11297.76"),
        "IKEA": D("11302.20"),
        "Rebild Kommune": D("11300.04"),
    }
    assert proportional.point == (D("31.30"), D("11780.00"))
    assert not not_transfer(zone)
    assert "Nash-forhandlingspunktet" in zone.text("da")


@given(
    wage=st.integers(120, 200),
    staff=st.integers(200, 800),
    value=st.integers(450, 700),
    akkord=st.integers(50, 150),
    price=st.integers(250, 400),
)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_one_price_suggestions_are_the_split_of_a_fixed_total(
    wage: int, staff: int, value: int, akkord: int, price: int
) -> None:
    """Random labour-shortage deals, the price varied: the suggestions are where they were.

    H = 4,160 paid hours, 0.8 × H = 3,328 skilled hours freed. SØV: H·p − H·wage − staff;
    company: 3,328 × (value − akkord) − H·p. Equal gains where they meet:
    p = (H·wage + staff + 3,328·(value − akkord)) / (2H). Proportional to each one's
    payments at today's price P (SØV H·wage + staff; company H·P + 3,328·akkord to the
    craftsmen): gain / payments equal.
    """
    hours, freed = 4160, 3328
    cost = hours * wage + staff * 1000
    worth = freed * (value - akkord)
    assume(worth - cost >= 1000)  # a zone with room in it
    data = data_of("labour_shortage_site")
    data["helpers"][0]["wage_cost"] = f"{wage} DKK/hour"
    data["support_staff"][0]["annual_cost"] = f"{staff * 1000} DKK/year"
    data["skilled_hour_value"] = f"{value} DKK/hour"
    data["akkord_rate"] = f"{akkord} DKK/hour"
    data["price"] = f"{price} DKK/hour"
    zone = sp.agreement(sp.from_data(data), ["price"])

    def to_ore(x: Fraction) -> Fraction:
        return Fraction(math.floor(x * 100 + Fraction(1, 2)), 100)

    def gains(p: Fraction) -> dict[str, Decimal]:
        return {"Byg & Hjælp SØV": dec(hours * p - cost), "Nordbyg A/S": dec(worth - hours * p)}

    def dec(x: Fraction) -> Decimal:
        return (D(x.numerator) / D(x.denominator)).quantize(D("0.01"))

    equal_at = to_ore(Fraction(cost + worth, 2 * hours))
    paid_soev, paid_company = cost, hours * price + freed * akkord
    proportional_at = to_ore(Fraction(worth * paid_soev + cost * paid_company, hours * (paid_soev + paid_company)))
    equal, proportional = zone.suggestions
    assert equal.point == (dec(equal_at),)
    assert proportional.point == (dec(proportional_at),)
    for s, at in ((equal, equal_at), (proportional, proportional_at)):
        assert gains(at) == dict(s.gains)
    assert equal.rule.startswith("equal gains (the equal split of the total gain")
    assert not not_transfer(zone)


# -- traced on a grid: a wage cost varied (the fleksløntilskud reads it) ----------------------


def traced(overhead: str, alternative: str) -> sp.Partnership:
    """Rebild–IKEA with the public purse; the fleksløntilskud makes the wage cost non-linear."""
    data = data_of("ikea_rebild_3_years")
    del data["public"]["fleksjob_wage"], data["horizon"]
    data["temp_hours"].update(overhead=overhead, alternative_price=alternative)
    data["agreement"] = {"municipal_limit": "1000000 DKK/year"}
    return sp.from_data(data)


def test_grid_one_input_equal_point_is_refined_to_the_crossing() -> None:
    """Wage cost w in 230..400, overhead 40, the temp agency at 600 DKK/hour.

    IKEA saves 2,340 × (600 − 40 − w) = 2,340 × (560 − w): 23.40 less per 0.01 of w.
    The SØV bills the wage at cost: 2,340 × 40 + 396,000 − 480,000 = 9,600 whatever w, so
    it is not among the parties whose gain moves. Rebild's net effect rises with w here
    (a smaller fleksløntilskud), so the two cross once. On the 201-point grid (a step of
    0.85 DKK/hour, up to 0.85 × (2,340 + Rebild's slope) DKK between neighbours) its best
    point left them 1,961.90 apart; refined in steps of 0.01, they are at most one step's
    change apart.
    """
    zone = sp.agreement(
        traced("40 DKK/hour", "600 DKK/hour"), ["temp_hours.wage_cost"], bounds={"temp_hours.wage_cost": (230, 400)}
    )
    assert zone.method == "grid"
    equal = zone.suggestions[0]
    (w,) = equal.point
    ikea = equal.gains["IKEA"]
    assert ikea == 2340 * (560 - w)
    assert equal.gains["Huset Venture Nordjylland"] == D("9600.00")
    rebild = equal.gains["Rebild Kommune"]
    # one step of 0.01 moves IKEA by 23.40 and Rebild by its slope (read from evaluate)
    key = next(k for k in zone.gains_at((w,)) if k.startswith("Rebild"))
    slope = zone.gains_at((w + D("0.01"),))[key] - zone.gains_at((w,))[key]
    assert 0 < slope < D("23.40")
    assert abs(ikea - rebild) <= D("23.40") + slope
    # and neither neighbour 0.01 away has a larger smaller gain
    for step in (D("-0.01"), D("0.01")):
        there = zone.gains_at((w + step,))
        assert min(v for k, v in there.items() if not k.startswith("Huset")) <= min(ikea, rebild)
    (refined,) = [n for n in zone.notes if n.startswith("'the most equal gains the zone allows")]
    assert "moves a party's gain by up to 23.40 DKK" in refined
    assert not_transfer(zone)
    assert "forfinet fra det bedste gitterpunkt i skridt på 0,01" in zone.text("da")


def test_grid_two_inputs_equal_point_by_hand() -> None:
    """Wage cost w (100..400) and overhead o (0..200), the temp agency at 290 DKK/hour.

    SØV: 2,340·o + 396,000 − 480,000 = 2,340·o − 84,000 (wages billed at cost);
    IKEA: 2,340 × (290 − w − o). Both IKEA's and Rebild's gains fall with w up to 220
    (Rebild's stays above 650,000), so the smallest gains are largest at w = 100, where
    SØV = IKEA at 4,680·o = 2,340 × 190 + 84,000: o = 112.948…, 180,300 each. Rounded:
    o = 112.95 gives the SØV 264,303 − 84,000 = 180,303 and IKEA 2,340 × 77.05 = 180,297.
    The 11-point grid has steps of 30 and 20: its best point (100, 120) gives IKEA 163,800.
    """
    zone = sp.agreement(
        traced("40 DKK/hour", "290 DKK/hour"),
        ["temp_hours.wage_cost", "temp_hours.overhead"],
        bounds={"temp_hours.wage_cost": (100, 400)},
        grid=11,
    )
    assert zone.method == "grid"
    equal = zone.suggestions[0]
    assert equal.point == (D("100.00"), D("112.95"))
    assert equal.gains["Huset Venture Nordjylland"] == D("180303.00")
    assert equal.gains["IKEA"] == D("180297.00")
    assert zone.contains(equal.point)
    # proportional to the payments at today's terms (w = 165, o = 40): SØV 2,340 × 165 +
    # 480,000 = 866,100, IKEA 2,340 × 205 = 479,700. (2,340·o − 84,000)/866,100 =
    # 2,340 × (190 − o)/479,700 at o = (2,340 × 190 × 866,100 + 84,000 × 479,700) /
    # (2,340 × 1,345,800) = 135.071…: SØV 2,340 × 135.07 − 84,000 = 232,063.80, IKEA 128,536.20
    proportional = zone.suggestions[1]
    assert proportional.point == (D("100.00"), D("135.07"))
    assert proportional.gains["Huset Venture Nordjylland"] == D("232063.80")
    assert proportional.gains["IKEA"] == D("128536.20")


def test_grid_ties_are_broken_for_the_next_party() -> None:
    """Wage cost w and course price c: at w = 100 IKEA's 351,000 is the smallest gain wherever c is.

    Max-min alone ties over every course price that leaves the SØV and Rebild above
    351,000 (the grid took the first); leximin then makes the smaller of those two as
    large as it can be: SØV 2,340 × 40 − 84,000 + 36·(c − 11,000) = 9,600 + 36·(c − 11,000),
    Rebild 930,476.80 − 36·(c − 11,000) (the public net effect at w = 100, c = 11,000,
    less 36 course months' price). Equal at c − 11,000 = 920,876.80/72 = 12,789.9555…;
    at c = 23,789.96: 470,038.56 and 470,038.24.
    """
    zone = sp.agreement(
        traced("40 DKK/hour", "290 DKK/hour"),
        ["temp_hours.wage_cost", "courses.price"],
        bounds={"temp_hours.wage_cost": (100, 400)},
        grid=11,
    )
    assert zone.gains_at((100, 11000))[next(str(c) for c in zone.conditions if c.party == "municipality")] == D(
        "930476.80"
    )
    equal = zone.suggestions[0]
    assert equal.point == (D("100.00"), D("23789.96"))
    assert dict(equal.gains) == {
        "Huset Venture Nordjylland": D("470038.56"),
        "IKEA": D("351000.00"),
        "Rebild Kommune": D("470038.24"),
    }


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_new_texts_render(lang: Literal["en", "da"]) -> None:
    site = sp.load(EXAMPLES / "labour_shortage_site.yaml")
    zone = sp.agreement(site, ["price", "skilled_hours_freed"], bounds=SITE_BOUNDS)
    text = zone.text(lang)
    assert "{" not in text
    assert "}" not in text
    # the rule is max-min, not the equal split of a fixed total
    assert "Nash bargaining point when" not in text
    assert "Nash-forhandlingspunktet, når" not in text
    assert text.count("max-min") >= 2


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "suggested: most equal gains"), ("da", "forslag: mest lige gevinster")]
)
def test_the_chart_names_the_max_min_rule(lang: Literal["en", "da"], label: str) -> None:
    from socialpartner import charts

    site = sp.load(EXAMPLES / "labour_shortage_site.yaml")
    zone = sp.agreement(site, ["price", "skilled_hours_freed"], bounds=SITE_BOUNDS)
    legend = charts.agreement_chart(zone, lang=lang).axes[0].get_legend()
    assert legend is not None
    texts = [t.get_text() for t in legend.get_texts()]
    # the max-min point is marked as such, the proportional one as proportional, not both as "equal"
    assert label in texts
    assert ("suggested: proportional gains" if lang == "en" else "forslag: gevinster i forhold til indsats") in texts
    assert not any(t in ("suggested: equal gains", "forslag: lige store gevinster") for t in texts)
