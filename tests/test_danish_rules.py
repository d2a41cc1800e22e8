"""The Danish rules and rates behind the public purse: sources, years, indexation, legacy, worked cases."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import socialpartner as sp
from socialpartner.parameters import ParameterUse
from socialpartner.public import fleksloentilskud_monthly

from .conftest import ROOT

D = Decimal
PARAMS = sp.default_parameters()
YEARS = (2024, 2025, 2026, 2027)
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "src" / "socialpartner" / "data" / "examples").glob("*.yaml")
)


def amount(name: str, year: int) -> Decimal:
    """A parameter's value for ``year`` in its own unit, as a Decimal."""
    return D(str(PARAMS.get(name, year).value.magnitude))


def rounded(value: Decimal, step: int = 1) -> Decimal:
    return (value / step).quantize(D(1), rounding=ROUND_HALF_UP) * step


# -- sources ----------------------------------------------------------------------------------


def test_no_parameter_cites_an_internal_document() -> None:
    # users have the law and the ministries' tables, not the project's notes
    internal = ("domain", "brief", "issue-", ".md")
    for name in PARAMS.names():
        for value in PARAMS.values[name]:
            texts = [value.source, value.note]
            if value.legacy is not None:
                texts += [value.legacy.by, value.legacy.note]
            assert value.source.strip(), f"{name} {value.year}: no source"
            for text in texts:
                assert not any(word in text.lower() for word in internal), f"{name} {value.year}: {text}"


def test_unconfirmed_figures_say_so() -> None:
    # a derived or estimated value explains itself: a computation or the words "not found"/"not confirmed"
    for name in PARAMS.names():
        for value in PARAMS.values[name]:
            if value.tag == "sourced":
                continue
            said = f"{value.source} {value.note}".lower()
            assert any(w in said for w in ("×", "/", "not found", "not confirmed", "assumed")), (name, value.year)


def test_core_rates_have_a_value_for_each_year_2024_to_2027() -> None:
    core = [
        "dagpenge.max",
        "fleksloentilskud.max_supplement",
        "fleksloentilskud.threshold",
        "satsreguleringsprocent",
        "benefit.ledighedsydelse",
        "benefit.sygedagpenge_max",
        "benefit.foertidspension_enlig",
        "benefit.foertidspension_gift",
        "benefit.dagpenge_max",
    ]
    for name in core:
        for year in YEARS:
            value = PARAMS.get(name, year)
            assert (value.year, value.for_year) == (year, None), (name, year)
        # 2027 is not published: indexed and marked as an estimate
        assert PARAMS.get(name, 2027).tag == "estimate"
    assert PARAMS.latest_year == 2027


def test_max_supplement_is_98_percent_of_the_highest_dagpenge_rate() -> None:
    # 98 % × 20,359 = 19,951.82 → 19,952; × 21,092 = 20,670.16 → 20,670; × 22,041 = 21,600.18 → 21,600;
    # 2027: 98 % × 22,934 (22,041 × 1.0405, the 0.45-point deduction of lov nr. 630/2024) = 22,475.32 → 22,475
    expected = {2024: 19952, 2025: 20670, 2026: 21600, 2027: 22475}
    for year in YEARS:
        g = amount("fleksloentilskud.max_supplement", year)
        assert g == rounded(D("0.98") * amount("dagpenge.max", year)) == expected[year]
    assert amount("benefit.dagpenge_max", 2026) == amount("dagpenge.max", 2026) == 22041


def test_satsreguleringsprocent_is_the_growth_of_the_dagpenge_rate() -> None:
    # 21,092 / 20,359 = 1.0360; 22,041 / 21,092 = 1.0450
    for year in (2025, 2026):
        growth = amount("dagpenge.max", year) / amount("dagpenge.max", year - 1) - 1
        assert round(growth * 100, 1) == amount("satsreguleringsprocent", year)


@pytest.mark.parametrize(
    ("name", "step", "first", "transfer"),
    [
        ("fleksloentilskud.threshold", 1, 2025, False),
        ("benefit.ledighedsydelse", 5, 2025, True),  # weekly rates are whole multiples of 5 kr.
        ("benefit.sygedagpenge_max", 5, 2025, True),
        ("benefit.foertidspension_enlig", 1, 2025, True),
        ("benefit.foertidspension_gift", 1, 2025, True),
        ("benefit.ressourceforloebsydelse_forsoerger", 1, 2025, True),
        ("benefit.ressourceforloebsydelse_ikke_forsoerger", 1, 2025, True),
        ("benefit.kontanthjaelp.forhoejet_sats", 1, 2026, True),
        ("benefit.kontanthjaelp.boernetillaeg", 1, 2026, True),
        ("dagpenge.max", 1, 2027, True),
    ],
)
def test_carried_years_are_indexed_by_the_satsreguleringsprocent(
    name: str, step: int, first: int, transfer: bool
) -> None:
    # e.g. the threshold: 16,323 × 1.036 = 16,910.63 → 16,911; × 1.045 = 17,672.00; × 1.045 = 18,467.24 → 18,467.
    # Transfer incomes in 2027 lose 0.45 point (lov nr. 630 af 11.6.2024; none in 2026): × 1.0405, e.g. ledighedsydelse
    # 4,530 × 1.0405 = 4,713.47 → 4,715; sygedagpenge 5,085 × 1.0405 = 5,290.94 → 5,290;
    # dagpenge 22,041 × 1.0405 = 22,933.66 → 22,934
    for year in range(first, 2028):
        percent = amount("satsreguleringsprocent", year) - (D("0.45") if transfer and year == 2027 else 0)
        assert amount(name, year) == rounded(amount(name, year - 1) * (1 + percent / 100), step), (name, year)


def test_2027_transfer_rates_by_hand() -> None:
    # 2026 × 1.0405, each worked out: the deduction is named in the source
    assert amount("benefit.ledighedsydelse", 2027) == 4715  # 4,530 × 1.0405 = 4,713.465 → nearest 5 kr.: 4,715
    assert amount("benefit.kontanthjaelp.forhoejet_sats", 2027) == 13885  # 13,345 × 1.0405 = 13,885.47
    assert amount("benefit.foertidspension_enlig", 2027) == 22946  # 22,053 × 1.0405 = 22,946.15
    assert amount("benefit.sygedagpenge_max", 2027) == 5290  # 5,085 × 1.0405 = 5,290.94 → nearest 5 kr.: 5,290
    assert amount("fleksloentilskud.threshold", 2027) == 18467  # T: the full 4.5 %, 17,672 × 1.045 = 18,467.24
    for name in ("benefit.ledighedsydelse", "dagpenge.max", "fleksloentilskud.max_supplement"):
        assert "lov nr. 630 af 11.6.2024" in PARAMS.get(name, 2027).source


def test_hand_checked_2026_rates() -> None:
    assert amount("fleksloentilskud.threshold", 2026) == 17672  # 16,911 × 1.045 = 17,671.995
    assert amount("benefit.ledighedsydelse", 2026) == 4530  # 4,335 × 1.045 = 4,530.08 → 4,530
    assert amount("benefit.sygedagpenge_max", 2026) == 5085  # 4,865 × 1.045 = 5,083.93 → 5,085
    # the refusion ladder and the dagpenge co-financing leave the municipality the same share
    for weeks in ("weeks_1_4", "weeks_5_26", "weeks_27_52", "after_52_weeks"):
        refusion = PARAMS.get(f"refusion.{weeks}", 2026).exact
        assert PARAMS.get(f"dagpenge.cofinancing.{weeks}", 2026).exact == 1 - refusion


# -- former names and legacy benefits -----------------------------------------------------------


def test_former_names_still_resolve() -> None:
    old, new = "benefit.ressourceforloebsydelse_without_children", "benefit.ressourceforloebsydelse_ikke_forsoerger"
    assert old in PARAMS
    assert old not in PARAMS.names()
    assert PARAMS.get(old, 2024) == PARAMS.get(new, 2024)
    assert PARAMS.get(old, 2024).value == sp.Q_(12326, "DKK/month")
    assert PARAMS.get("benefit.ressourceforloebsydelse_with_children", 2024).value == sp.Q_(16382, "DKK/month")
    # an override by the former name lands on the current one, and keeps the legacy mark
    overridden = PARAMS.with_overrides({old: sp.Q_(13000, "DKK/month")})
    assert overridden.get(new, 2026).tag == "override"
    assert overridden.get(new, 2026).legacy == PARAMS.get(new, 2026).legacy
    used = ParameterUse(PARAMS, 2024)
    used(old)
    assert list(used.used) == [new]
    with pytest.raises(KeyError, match=r"no parameter 'benefit\.ressourceforloebsydelse'"):
        PARAMS.get("benefit.ressourceforloebsydelse", 2024)


def test_ressourceforloebsydelse_is_legacy_from_its_abolition() -> None:
    value = PARAMS.get("benefit.ressourceforloebsydelse_forsoerger", 2026)
    legacy = value.legacy
    assert legacy is not None
    assert (legacy.abolished_from, legacy.applies_to) == (dt.date(2026, 2, 1), "new citizens")
    assert "1750" in legacy.by
    assert "29.12.2025" in legacy.by
    assert legacy.allows(dt.date(2026, 1, 31))
    assert not legacy.allows(dt.date(2026, 2, 1))
    assert "legacy: abolished for new citizens from 2026-02-01" in value.describe()
    name = "benefit.ressourceforloebsydelse_without_children"
    assert PARAMS.abolished(name, dt.date(2025, 6, 1)) is None
    assert PARAMS.abolished(name, dt.date(2026, 7, 1)) == legacy
    # the old kontanthjælp rates ended for everyone when the new system began
    old = PARAMS.get("benefit.kontanthjaelp_forsoerger", 2025).legacy
    assert old is not None
    assert (old.abolished_from, old.applies_to) == (dt.date(2025, 7, 1), "everyone")
    assert PARAMS.abolished("benefit.ledighedsydelse", dt.date(2027, 1, 1)) is None


def legacy_uses(data: dict[str, Any]) -> list[str]:
    """The benefits of a scenario's public block that the law no longer allows for its citizens."""
    public = data.get("public")
    if not public:
        return []
    horizon = data.get("horizon") or {}
    first = horizon.get("start_year", public["year"])
    # places freed on a course are filled again: new citizens start in every year of the horizon
    starts = [dt.date(first + i, 1, 1) for i in range(horizon.get("years", 1))]
    benefits = [public.get("during_course"), *list((public.get("counterfactual") or {}).values())]
    names = [b["parameter"] for b in benefits if b and "parameter" in b]
    return [name for name in names if any(PARAMS.abolished(name, start) for start in starts)]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_bundled_examples_use_no_benefit_abolished_before_they_start(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sp.evaluate(sp.from_data(data))  # every example still evaluates
    assert legacy_uses(data) == []


def test_a_legacy_benefit_after_its_abolition_is_found() -> None:
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data["public"]["during_course"] = {"parameter": "benefit.ressourceforloebsydelse_without_children"}
    assert legacy_uses(data) == ["benefit.ressourceforloebsydelse_without_children"]
    # a one-year deal whose citizens all started before the abolition may use it
    data["horizon"].update(start_year=2025, years=1)
    data["public"]["year"] = 2025
    assert legacy_uses(data) == []
    data["horizon"]["years"] = 3  # but the places refilled in 2027 (after 1.2.2026) may not
    assert legacy_uses(data) == ["benefit.ressourceforloebsydelse_without_children"]


# -- fleksløntilskud 2025 and 2026, by hand ---------------------------------------------------


@pytest.mark.parametrize(
    ("wage", "hours", "year", "expected"),
    [
        # L = 250 × 15 × 52/12 = 16,250 < T 16,911: 20,670 − 0.30 × 16,250 = 15,795
        # (lønloft 250 × 37 × 52/12 − 16,250 = 23,833.33 does not bind)
        ("250 DKK/hour", "15 hour/week", 2025, "15795.00"),
        # L = 300 × 20 × 52/12 = 26,000 > T: 20,670 − 0.30 × 16,911 − 0.55 × 9,089 = 20,670 − 5,073.30 − 4,998.95
        ("300 DKK/hour", "20 hour/week", 2025, "10597.75"),
        # 2026: L = 16,250 < T 17,672: 21,600 − 4,875 = 16,725
        ("250 DKK/hour", "15 hour/week", 2026, "16725.00"),
        # 2026: 21,600 − 0.30 × 17,672 − 0.55 × (26,000 − 17,672) = 21,600 − 5,301.60 − 4,580.40 = 11,718
        ("300 DKK/hour", "20 hour/week", 2026, "11718.00"),
        # 2026, lønloft binds: 180 × 37 × 52/12 − 11,700 = 17,160 < 21,600 − 3,510 = 18,090
        ("180 DKK/hour", "15 hour/week", 2026, "17160.00"),
        # 2026, nothing left: L = 400 × 30 × 52/12 = 52,000; 21,600 − 5,301.60 − 0.55 × 34,328 < 0
        ("400 DKK/hour", "30 hour/week", 2026, "0.00"),
    ],
)
def test_fleksloentilskud_2025_and_2026(wage: str, hours: str, year: int, expected: str) -> None:
    assert sp.fleksloentilskud(wage, hours, year) == sp.Q_(D(expected), "DKK/month")


def test_fleksloentilskud_monthly_from_g_and_t_2026() -> None:
    use = ParameterUse(PARAMS, 2026)
    # L = 26,000, full-time wage 48,100: 21,600 − 5,301.60 − 4,580.40 = 11,718 exactly
    assert fleksloentilskud_monthly(Fraction(26000), Fraction(48100), use) == 11718
    # at the threshold: 21,600 − 0.30 × 17,672 = 16,298.40
    assert fleksloentilskud_monthly(Fraction(17672), Fraction(48100), use) == Fraction("16298.4")
    assert {v.name: v.year for v in use} == {
        "fleksloentilskud.max_supplement": 2026,
        "fleksloentilskud.threshold": 2026,
        "fleksloentilskud.reduction_below_threshold": 2021,
        "fleksloentilskud.reduction_above_threshold": 2021,
    }


@given(st.integers(min_value=0, max_value=80_000), st.sampled_from(YEARS))
def test_fleksloentilskud_never_exceeds_g_and_falls_with_the_wage(wage: int, year: int) -> None:
    use = ParameterUse(PARAMS, year)
    g = PARAMS.get("fleksloentilskud.max_supplement", year).exact / 12
    full_time = Fraction(10**6)  # the lønloft out of the way
    here = fleksloentilskud_monthly(Fraction(wage), full_time, use)
    assert 0 <= here <= g
    assert fleksloentilskud_monthly(Fraction(wage + 100), full_time, use) <= here


# -- ledighedsydelse as the counterfactual of a fleksjob --------------------------------------


def one_year(year: int, weeks_on_support: int) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text("utf-8"))
    data.pop("horizon")
    data["public"] = {
        "year": year,
        "weeks_on_support": weeks_on_support,
        "fleksjob_wage": "140 DKK/hour",
        "counterfactual": {"fleksjob": {"parameter": "benefit.ledighedsydelse"}},
    }
    return data


def test_ledighedsydelse_as_the_counterfactual() -> None:
    view = sp.evaluate(sp.from_data(one_year(2025, 104))).public
    assert view is not None
    lines = {line.item: line for line in view.lines if line.payer == "municipality"}
    # 3 workers × 4,335 DKK/week × 52 = 676,260 a year; refusion after 104 weeks 20 %: 135,252
    assert lines["counterfactual benefit: fleksjob"].counterfactual == D("676260.00")
    assert lines["counterfactual refusion: fleksjob"].counterfactual == D("-135252.00")
    # per month 4,335 × 52 / 12 = 18,785
    assert any("fleksjob: 3 people" in s and "18,785.00 DKK/month" in s for s in view.counterfactual)
    # fleksløntilskud 2025: lønloft binds, 140 × 37 × 52/12 − 9,100 = 13,346.67; × 12 × 3 = 480,480, less 20 %
    # the municipality: 396,000 courses + 384,384 against 541,008 otherwise (the participants: no benefit stated)
    assert view.actual("municipality") == D("780384.00")
    assert view.without("municipality") == D("541008.00")
    assert view.net_effect("municipality") == D("-239376.00")


def test_ledighedsydelse_for_new_fleksjob_starts_on_the_ladder() -> None:
    view = sp.evaluate(sp.from_data(one_year(2026, 0))).public
    assert view is not None
    lines = {line.item: line for line in view.lines if line.payer == "municipality"}
    # 2026: 3 × 4,530 × 52 = 706,680; refusion over weeks 1-52: (4 × 80 + 22 × 40 + 26 × 30) / 52 % = 99/260
    # 706,680 × 99 / 260 = 269,082
    assert lines["counterfactual benefit: fleksjob"].counterfactual == D("706680.00")
    assert lines["counterfactual refusion: fleksjob"].counterfactual == D("-269082.00")


def test_a_benefit_parameter_equals_its_amount() -> None:
    by_name = one_year(2026, 104)
    by_amount = copy.deepcopy(by_name)
    by_amount["public"]["counterfactual"]["fleksjob"] = {"amount": "4530 DKK/week"}
    a = sp.evaluate(sp.from_data(by_name)).public
    b = sp.evaluate(sp.from_data(by_amount)).public
    assert a is not None
    assert b is not None
    assert a.net_effect("municipality") == b.net_effect("municipality")
    assert a.net_effect("state") == b.net_effect("state")


def test_a_scenario_may_use_a_former_benefit_name() -> None:
    data = one_year(2024, 104)
    data["public"]["counterfactual"]["fleksjob"] = {"parameter": "benefit.ressourceforloebsydelse_with_children"}
    view = sp.evaluate(sp.from_data(data)).public
    assert view is not None
    # 3 × 16,382 × 12 = 589,752
    assert {line.item: line for line in view.lines}["counterfactual benefit: fleksjob"].counterfactual == D("589752.00")
    data["public"]["counterfactual"]["fleksjob"] = {"parameter": "benefit.ressourceforloebsydelse_with_kids"}
    with pytest.raises(ValidationError, match="no parameter"):
        sp.from_data(data)
