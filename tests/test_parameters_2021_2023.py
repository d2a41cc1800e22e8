"""Public-purse evaluations for 2021-2023: the parameters those years need, and figures worked by hand."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal as D  # noqa: N817 - short in worked figures
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import socialpartner as sp

from .conftest import ROOT, scenario_matrix

EARLY = (2021, 2022, 2023)
PARAMS = sp.default_parameters()
OLD_RATE = "benefit.kontanthjaelp_ikke_forsoerger"  # the 30+ rate of the system before 1 July 2025
NEW_RATES = (
    "benefit.kontanthjaelp.forhoejet_sats",
    "benefit.kontanthjaelp.boernetillaeg",
    "benefit.kontanthjaelp.tillaeg_enlig_forsoerger",
    "benefit.kontanthjaelp.tillaeg_enlig_ikke_forsoerger",
)


def _before_the_new_kontanthjaelp(node: Any) -> Any:
    """The scenario with the rate in force before 1 July 2025 wherever it names the new forhøjet sats."""
    if isinstance(node, dict):
        return {k: _before_the_new_kontanthjaelp(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_before_the_new_kontanthjaelp(v) for v in node]
    return OLD_RATE if node == "benefit.kontanthjaelp.forhoejet_sats" else node


def _in_year(data: dict[str, Any], year: int) -> dict[str, Any]:
    """The matrix scenario set in ``year``: its public year, and a horizon of its years starting there."""
    out: dict[str, Any] = _before_the_new_kontanthjaelp(copy.deepcopy(data))
    if "public" in out:
        out["public"]["year"] = year
    if out.get("model") == "spin_off":  # its own years start in the public year, and so shift with it
        shift = year - out["years"][0]["year"]
        for entry in out["years"]:
            entry["year"] += shift
        for key in ("split_year", "cvr_registered"):
            if out.get(key) is not None:
                out[key] += shift
    horizon = out.get("horizon")
    if horizon is not None:
        shift = year - horizon.get("start_year", year)
        horizon["start_year"] = year
        for change in horizon.get("changes", []):
            change["year"] += shift
    return out


MATRIX = scenario_matrix()


@pytest.mark.parametrize("year", EARLY)
@pytest.mark.parametrize(("name", "data"), MATRIX, ids=[name for name, _ in MATRIX])
def test_every_scenario_evaluates_in_2021_to_2023(name: str, data: dict[str, Any], year: int) -> None:
    try:
        partnership = sp.from_data(_in_year(data, year))
    except ValidationError as exc:  # a spin-off's four years from 2023 reach 2026: the old kontanthjælp is gone
        assert "nobody receives it in 2026" in str(exc), name  # noqa: PT017 - the message, for this case only
        return
    ev = sp.evaluate(partnership)
    assert ev.results()["coverage"] is not None or ev.results()["surplus"] is not None
    if "public" not in data:
        return
    views = [part.public for part in ev.breakdown] if ev.breakdown else [ev.public]
    assert all(view is not None for view in views), name  # the public view of every year
    assert next(view.year for view in views if view is not None) == year
    # every rate in kroner is the year's own, not an earlier year's carried over; only the old
    # kontanthjælp, abolished in 2025, has no rate of its own after 2024
    carried = {(v.name, v.for_year) for v in ev.parameters if v.for_year is not None and "DKK" in str(v.value.units)}
    assert all(n == OLD_RATE and y >= 2025 for n, y in carried), (name, carried)
    last = year + len(views) - 1
    if last <= 2024:
        assert not [s for s in ev.statements if "not published" in s], name
    # the old kontanthjælp was open to everyone until 1 July 2025: its legacy check is met for
    # years that end before, not met for a horizon into 2025 (its later months priced at the old rate)
    legacy = [c for c in ev.checks if OLD_RATE in c.criterion]
    assert legacy, name
    expected = "met" if last < 2025 else "not met"
    assert all(c.status == expected for c in legacy), name


HORIZONS = [(n, d) for n, d in MATRIX if "horizon" in d]


@pytest.mark.parametrize(("name", "data"), HORIZONS, ids=[n for n, _ in HORIZONS])
def test_a_three_year_horizon_from_2021(name: str, data: dict[str, Any]) -> None:
    scenario = _in_year(data, 2021)
    scenario["horizon"]["years"] = 3
    ev = sp.evaluate(sp.from_data(scenario))
    assert [part.ledger.period for part in ev.breakdown] == ["2021", "2022", "2023"]
    if "public" in data:
        # each year reads its own rates: G is 18,936, 18,964 and 19,333 DKK a month
        used = {(v.for_year or v.year): v.value for v in ev.parameters if v.name == "fleksloentilskud.max_supplement"}
        assert used == {
            2021: sp.Q_(18936, "DKK/month"),
            2022: sp.Q_(18964, "DKK/month"),
            2023: sp.Q_(19333, "DKK/month"),
        }
        assert not [s for s in ev.statements if "not published" in s]


def _rebild_2023_data() -> dict[str, Any]:
    """The Rebild example in 2023: 3 fleksjob at 250 DKK/hour incl. pension, 15 hours a week, 104 weeks on support."""
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data.pop("horizon")
    data["public"]["year"] = 2023
    data["public"]["fleksjob_wage"] = "250 DKK/hour"
    data["public"]["during_course"] = {"parameter": OLD_RATE}
    data["public"]["counterfactual"]["course participant"] = {"parameter": OLD_RATE}
    return data


def test_2023_figures_worked_by_hand() -> None:
    ev = sp.evaluate(sp.from_data(_rebild_2023_data()))
    assert ev.public is not None
    lines = {(line.payer, line.item): line for line in ev.public.lines}
    # Fleksløntilskud 2023 (lov om en aktiv beskæftigelsesindsats § 123), per worker a month:
    #   L = 250 × 15 × 52 / 12 = 16,250.00 > T = 15,817
    #   G − 30 % × T − 55 % × (L − T) = 19,333 − 4,745.10 − 0.55 × 433 = 19,333 − 4,745.10 − 238.15 = 14,349.75
    #   lønloft: 250 × 37 × 52 / 12 − 16,250 = 23,833.33 does not bind
    #   3 workers × 12 months × 14,349.75 = 516,591.00
    assert lines[("municipality", "fleksløntilskud")].actual == D("516591.00")
    # refusion after 52 weeks (104 weeks on support): 20 % × 516,591.00 = 103,318.20
    assert lines[("state", "state refusion on fleksløntilskud")].actual == D("103318.20")
    # Counterfactual: ledighedsydelse 2023 at 89 % of the highest dagpenge rate per week,
    #   19,728 × 12 / 52 × 0.89 = 4,051.83 → 4,052 DKK a week; 3 people × 52 weeks × 4,052 = 632,112.00
    assert lines[("municipality", "counterfactual benefit: fleksjob")].counterfactual == D("632112.00")
    assert lines[("state", "counterfactual refusion: fleksjob")].counterfactual == D("126422.40")  # 20 %
    # Course participants on 2023 kontanthjælp, 30+ ikke-forsørger: 11,944 × 12 × 3 = 429,984.00
    assert lines[("municipality", "benefit during the course")].actual == D("429984.00")
    # Net effect on the municipality, counterfactual minus actual:
    #   otherwise 632,112.00 − 126,422.40 + 429,984.00 − 85,996.80 = 849,676.80
    #   actual 396,000.00 (courses) + 516,591.00 − 103,318.20 + 429,984.00 − 85,996.80 = 1,153,260.00
    #   849,676.80 − 1,153,260.00 = −303,583.20
    assert ev.results()["public.municipality"] == D("-303583.20")
    # the state: otherwise 126,422.40 + 85,996.80 = 212,419.20; actual 103,318.20 + 85,996.80 = 189,315.00
    assert ev.results()["public.state"] == D("23104.20")


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # L = 250 × 15 × 52 / 12 = 16,250 in every year
        # 2021: 18,936 − 0.30 × 15,264 − 0.55 × (16,250 − 15,264) = 18,936 − 4,579.20 − 542.30 = 13,814.50
        (2021, "13814.50"),
        # 2022: 18,964 − 0.30 × 15,401 − 0.55 × 849 = 18,964 − 4,620.30 − 466.95 = 13,876.75
        (2022, "13876.75"),
        # 2023: 19,333 − 4,745.10 − 238.15 = 14,349.75
        (2023, "14349.75"),
    ],
)
def test_monthly_fleksloentilskud_2021_to_2023(year: int, expected: str) -> None:
    assert sp.fleksloentilskud("250 DKK/hour", "15 hour/week", year) == sp.Q_(D(expected), "DKK/month")


def _kroner(name: str, year: int) -> D:
    return D(str(PARAMS.get(name, year).value.magnitude))


@pytest.mark.parametrize("year", EARLY)
def test_derived_rates_follow_the_law(year: int) -> None:
    dagpenge = _kroner("dagpenge.max", year)
    # G is 98 % of the highest dagpenge rate (§ 123, stk. 1), to whole kroner
    assert _kroner("fleksloentilskud.max_supplement", year) == (D("0.98") * dagpenge).quantize(D(1))
    # ledighedsydelse is 89 % of it, per week (lov om aktiv socialpolitik § 74 a, stk. 2)
    assert _kroner("benefit.ledighedsydelse", year) == (dagpenge * 12 / 52 * D("0.89")).quantize(D(1))
    assert _kroner("benefit.dagpenge_max", year) == dagpenge


def _added_entries() -> list[sp.ParameterValue]:
    return [v for name in PARAMS.names() for v in PARAMS.values[name] if v.year in EARLY]


def test_each_2021_to_2023_entry_has_a_source_and_a_tag() -> None:
    added = _added_entries()
    assert len(added) >= 40
    for value in added:
        assert value.source.strip(), (value.name, value.year)
        assert value.tag in {"sourced", "derived", "estimate"}, (value.name, value.year)
        assert value.checked is not None, (value.name, value.year)
        assert value.checked >= dt.date(2026, 11, 27), (value.name, value.year)
        assert "DOMAIN" not in value.source
        if value.tag != "sourced":  # the computation, or why it is assumed
            said = f"{value.source} {value.note or ''}".lower()
            assert any(w in said for w in ("×", "/", "not found", "not confirmed", "carried")), value.name


def test_every_parameter_the_public_view_reads_has_2021_to_2023() -> None:
    read = [
        name
        for name in PARAMS.names()
        if name.split(".")[0] in {"benefit", "fleksloentilskud", "refusion", "tax", "fleksjob", "loentilskud"}
        or name.startswith(("dagpenge.", "discount_rate.", "satsreguleringsprocent"))
    ]
    for name in read:
        if name in NEW_RATES:
            continue
        for year in EARLY:
            value = PARAMS.get(name, year)
            if "DKK" in str(value.value.units):
                # a rate in kroner is regulated every year: each year has its own entry
                assert value.for_year is None, (name, year)


@pytest.mark.parametrize("name", NEW_RATES)
def test_the_new_kontanthjaelp_did_not_exist_before_2025(name: str) -> None:
    with pytest.raises(sp.ParameterError, match=rf"{name}: no value for 2023; the parameters start in 2025 \("):
        PARAMS.get(name, 2023)
    with pytest.raises(sp.ParameterError, match=OLD_RATE):
        PARAMS.get("benefit.kontanthjaelp.forhoejet_sats", 2022)


def test_legacy_and_former_names_in_2021_to_2023() -> None:
    # ressourceforløb was open to new citizens until 2026, the old kontanthjælp until 1 July 2025
    for year in EARLY:
        start = dt.date(year, 1, 1)
        for name in (
            "benefit.ressourceforloebsydelse_forsoerger",
            "benefit.ressourceforloebsydelse_ikke_forsoerger",
            "benefit.kontanthjaelp_forsoerger",
            OLD_RATE,
        ):
            assert PARAMS.abolished(name, start) is None, (name, year)
    # the former names still resolve, to the year's own rate
    assert PARAMS.get("benefit.ressourceforloebsydelse_without_children", 2022).value == sp.Q_(11716, "DKK/month")
    assert PARAMS.get("benefit.ressourceforloebsydelse_with_children", 2021).value == sp.Q_(15547, "DKK/month")
    # a scenario naming the former parameter in 2023 evaluates with the 2023 rate
    data = _rebild_2023_data()
    former = "benefit.ressourceforloebsydelse_without_children"
    data["public"]["counterfactual"]["course participant"] = {"parameter": former}
    ev = sp.evaluate(sp.from_data(data))
    used = {v.name: v for v in ev.parameters}
    assert used["benefit.ressourceforloebsydelse_ikke_forsoerger"].value == sp.Q_(11944, "DKK/month")
    assert used["benefit.ressourceforloebsydelse_ikke_forsoerger"].year == 2023


def test_years_before_2021_are_still_refused() -> None:
    with pytest.raises(sp.ParameterError, match="no value for 2020; the parameters start in 2021"):
        sp.fleksloentilskud("250 DKK/hour", "15 hour/week", 2020)
