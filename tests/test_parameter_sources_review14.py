"""Parameter data checked against public sources: values, tags and legal basis.

Each figure below is worked by hand from the public source named in the comment.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest

import socialpartner as sp
from socialpartner.parameters import ParameterUse


def _percent(name: str, year: int) -> Fraction:
    return sp.default_parameters().get(name, year).exact * 100


def test_satsreguleringsprocent_2022_is_the_published_one() -> None:
    # Bekendtgørelse nr. 1713 af 20.8.2021: the satsreguleringsprocent for finansåret 2022 is 1.2
    # (Økonomistyrelsen, pris- og lønforudsætninger for finanslovforslaget 2022). The 0.9 the file
    # had was 1.7 + the tilpasningsprocent, the percentage the lønindtægtsgrænse T moved by.
    value = sp.default_parameters().get("satsreguleringsprocent", 2022)
    assert _percent("satsreguleringsprocent", 2022) == Fraction(12, 10)
    assert value.tag == "sourced"
    assert "1713" in value.source
    assert "0.9 %" in value.note  # T: 1.7 + the tilpasningsprocent
    assert "0.15 %" in value.note  # the benefits: that less 0.75 point


def test_a_stated_2021_amount_is_indexed_into_2022_as_transfer_incomes_were() -> None:
    # a benefit stated for 2021 (the first year) and used in 2022 is a transfer income: the
    # satsreguleringsprocent 1.2 % less the 2022 reduction of 1.05 point, 0.15 %, as the highest
    # dagpenge rate rose (19,351 / 19,322 = 1.0015): 10,000 × 1.0015 = 10,015 (1.2 % gave 10,120)
    use = ParameterUse(sp.default_parameters(), 2022, wage_growth=Fraction(3, 100), first=2021)
    assert use.rate("public.during_course", Fraction(10_000)) == 10_015
    assert use.stated["public.during_course"] == (2021, Fraction(10015, 10000))
    assert "satsregulering.transfer_income_reduction" in use.used  # listed with the parameters used


def test_bundskat_2024_is_the_published_12_06_percent() -> None:
    # skatteinform.dk, skattesatser.dk, elley-revision.dk and saedding-revision.dk: bundskat 12.06 % in 2024
    # (12.01 % in 2026: the file no longer carries 2026 back to 2024)
    value = sp.default_parameters().get("tax.bundskat", 2024)
    assert _percent("tax.bundskat", 2024) == Fraction(1206, 100)
    assert value.tag == "sourced"
    assert value.year == 2024
    # on a wage of 300,000 DKK after AM-bidrag: 300,000 × 12.06 % = 36,180 (12.01 % gave 36,030)
    assert Fraction(300_000) * value.exact == 36_180


def _line(view: sp.PublicView | None, item: str) -> tuple[Decimal, Decimal]:
    assert view is not None
    (found,) = [x for x in view.lines if x.item == item and x.payer == "municipality"]
    return found.actual, found.counterfactual


def test_2028_follows_the_reduced_2027_rates() -> None:
    # the three-year example, 2028 (2 % wage growth: satsreguleringsprocent 2.0 % past the file):
    # ledighedsydelse 2027 4,715 (4,530 × 1.0405, the 0.45 point of lov nr. 630 af 11.6.2024), 2028
    # 4,715 × 1.02 = 4,809.30 a week × 52 × 4 = 1,000,334.40, at 20 %: net 800,267.52.
    # forhøjet sats 13,885 × 1.02 = 14,162.70: with 3 × 12 × 14,162.70 = 509,857.20, otherwise
    # 3.6 × 12 × 14,162.70 = 611,828.64; the 0.60 extra movers at 20 %: 0.6 × 169,952.40 × 0.8 = 81,577.15
    # (81,577.16 from the rounded lines). Fleksjob wage 140 × 1.02² = 145.656: L = 145.656 × 15 × 52/12 =
    # 9,467.64, lønloft 145.656 × 37 × 52/12 − L = 13,885.872 a month, × 12 × 4 = 666,521.86 (net 533,217.49);
    # former participants 0.78 and 0.30 × 166,630.464 = 129,971.76 and 49,989.14 (net 103,977.41, 39,991.31);
    # courses 11,000 × 1.02² × 36 = 411,998.40; those who left cancel.
    # (800,267.52 + 81,577.16 + 39,991.31) − (411,998.40 + 533,217.49 + 103,977.41)
    # = 921,835.99 − 1,049,193.30 = −127,357.31
    ev = sp.evaluate(sp.load("examples/ikea_rebild_3_years.yaml"))
    year = ev.breakdown[2]
    assert year.ledger.period == "2028"
    view = year.public
    assert _line(view, "counterfactual benefit: fleksjob") == (Decimal("0.00"), Decimal("1000334.40"))
    assert _line(view, "benefit during the course") == (Decimal("509857.20"), Decimal("0.00"))
    assert _line(view, "counterfactual benefit: course participant") == (Decimal("0.00"), Decimal("611828.64"))
    assert _line(view, "fleksløntilskud") == (Decimal("666521.86"), Decimal("0.00"))
    assert _line(view, "fleksløntilskud: former participants in fleksjob") == (
        Decimal("129971.76"),
        Decimal("49989.14"),
    )
    assert view is not None
    assert view.net_effect("municipality") == Decimal("-127357.31")
    used = {(v.name, v.for_year): v for v in ev.parameters}
    assert used["benefit.ledighedsydelse", 2028].value.magnitude == pytest.approx(4809.30)


_LEGAL_BASIS = re.compile(r"§|\blov om |\w+loven\b|\bkapitel \d+|\bLBK\b|\bBEK\b|[Bb]ekendtgørelse")


def test_every_rate_a_2025_2027_deal_uses_names_its_legal_basis() -> None:
    # a finance officer cites the act and § in a budget note: each rate the file dates 2025-2027
    # names one, and a derived or estimated rate keeps its arithmetic (e.g. 4,530 × (1 + 4.5 % − 0.45 %))
    params = sp.default_parameters()
    missing = []
    for name in params.names():
        for value in params.values[name]:
            if 2025 <= value.year <= 2027 and not _LEGAL_BASIS.search(value.source):
                missing.append((name, value.year))
            if 2025 <= value.year <= 2027 and value.tag == "derived":
                assert "×" in value.source or "/" in value.source, (name, value.year)
    assert missing == []
    ledighedsydelse = params.get("benefit.ledighedsydelse", 2026).source
    assert "4,335 × (1 + 4.5 %) = 4,530.08" in ledighedsydelse
    assert "lov om aktiv socialpolitik § 74 a, stk. 2" in ledighedsydelse
    assert "§ 123, stk. 1" in params.get("fleksloentilskud.max_supplement", 2026).source
    assert "kapitel 12" in params.get("loentilskud.private_per_hour", 2021).source


def test_the_check_finds_a_source_without_a_legal_basis() -> None:
    # the check above can fail: bare arithmetic has no act, § or bekendtgørelse
    assert _LEGAL_BASIS.search("4,335 × (1 + 4.5 %) = 4,530.08, rounded to 5 kr.") is None
    assert _LEGAL_BASIS.search("lov om social pension § 49, stk. 1") is not None


def test_a_rate_carried_past_its_year_is_an_estimate() -> None:
    # the average kommuneskat is set each year (25.068 % in 2025, 25.049 % in 2026): for 2028 the file
    # has no value, so the 2026 rate used there is an assumption. 100,000 DKK of income at it: 25,049.
    params = sp.default_parameters()
    own = params.get("tax.municipal_average", 2026)
    carried = params.get("tax.municipal_average", 2028)
    assert (own.tag, own.for_year) == ("sourced", None)
    assert (carried.year, carried.for_year, carried.tag) == (2026, 2028, "estimate")
    assert "no value for 2028" in carried.note
    assert carried.exact * 100_000 == 25_049
    assert params.get("tax.bundskat", 2027).tag == "estimate"  # 12.01 %, the 2026 rate
    # a rate of a year before the abolished system, used later: kontanthjælp 12,326 (2024) for 2026
    assert params.get("benefit.kontanthjaelp_ikke_forsoerger", 2026).tag == "estimate"


def test_a_standing_rule_keeps_its_tag_in_later_years() -> None:
    # the refusion ladder (LBK nr. 221 af 12.2.2021 § 5, stk. 2) and AM-bidrag hold until the law changes
    params = sp.default_parameters()
    for name in ("refusion.after_52_weeks", "tax.am_bidrag", "discount_rate.years_0_35"):
        value = params.get(name, 2028)
        assert value.for_year == 2028
        assert value.tag == "sourced", name
    assert params.get("refusion.after_52_weeks", 2026).exact == Fraction(1, 5)  # 20 %


def test_carried_percentages_and_kroner_rates_share_one_rule_in_an_evaluation() -> None:
    # the three-year example with the net effect after tax: 2026 reads its own tax rates (sourced),
    # 2028 the 2026 ones carried (estimate); the kroner rates carried past 2027 are indexed by 2 %
    # (the wage growth) and tagged estimate the same way: ledighedsydelse 4,715 × 1.02 = 4,809.30
    data = sp.load("examples/ikea_rebild_3_years.yaml").model_dump(mode="json", exclude={"expect"})
    data["public"]["tax"] = {}
    ev = sp.evaluate(sp.from_data(data))
    first = {v.name: v for v in ev.breakdown[0].parameters}
    last = {v.name: v for v in ev.breakdown[2].parameters}
    assert first["tax.municipal_average"].tag == "sourced"
    assert (last["tax.municipal_average"].year, last["tax.municipal_average"].tag) == (2026, "estimate")
    assert (last["tax.bundskat"].year, last["tax.bundskat"].tag) == (2026, "estimate")
    assert last["tax.am_bidrag"].tag == "sourced"  # standing: 8 % since 2021
    assert last["refusion.after_52_weeks"].tag == "sourced"
    ledighedsydelse = last["benefit.ledighedsydelse"]
    assert (ledighedsydelse.year, ledighedsydelse.for_year, ledighedsydelse.tag) == (2027, 2028, "estimate")
    assert ledighedsydelse.value.magnitude == pytest.approx(4809.30)


def test_a_scenarios_own_rate_stays_an_override_in_later_years() -> None:
    # set under parameters: for every year; indexed past the first year, still tagged override
    data = sp.load("examples/ikea_rebild_3_years.yaml").model_dump(mode="json", exclude={"expect"})
    data["parameters"] = {"tax.municipal_average": "25 %", "benefit.ledighedsydelse": "4600 DKK/week"}
    data["public"]["tax"] = {}
    ev = sp.evaluate(sp.from_data(data))
    last = {v.name: v for v in ev.breakdown[2].parameters}
    assert last["tax.municipal_average"].tag == "override"
    # a benefit, so regulated as transfer incomes: 4,600 (the 2026 rate) × 1.0405 (2027: 4.5 %
    # less 0.45 point) × 1.02 (2028) = 4,600 × 1.06131 = 4,882.026
    assert last["benefit.ledighedsydelse"].tag == "override"
    assert last["benefit.ledighedsydelse"].value.magnitude == pytest.approx(4882.026)


def test_bundskat_2025_is_sourced() -> None:
    # stadsrevisionen.dk: 'satsen for bundskat i 2025 er på 12,01 %' (no longer the 2026 rate carried back)
    value = sp.default_parameters().get("tax.bundskat", 2025)
    assert (value.year, value.tag) == (2025, "sourced")
    assert _percent("tax.bundskat", 2025) == Fraction(1201, 100)
