"""One engine for every deal: horizons and the public purse as first-class as one year.

Results do not depend on how a unit is written (growth is exact, amounts are rounded
once); the solver meets its target to the øre on multi-year scenarios; changes are
limited to what may change by year; Monte Carlo never refuses its own samples.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import socialpartner as sp
from socialpartner._internal import paths
from socialpartner.scenario import from_data

from .conftest import ROOT, model_unit_results
from .strategies import shared_responsibility_data

D = Decimal
THREE_YEARS = ROOT / "examples" / "ikea_rebild_3_years.yaml"

PUBLIC = {
    "year": 2026,
    "weeks_on_support": 10,
    "fleksjob_wage": "150 DKK/hour",
    "during_course": {"parameter": "benefit.kontanthjaelp.forhoejet_sats"},
    "counterfactual": {
        "fleksjob": {"parameter": "benefit.ledighedsydelse"},
        "course participant": {"amount": "11000 DKK/month"},
    },
}


@st.composite
def horizon_data(draw: st.DrawFn) -> dict[str, Any]:
    """A three-party deal over 2-6 years with growth, maybe a change, maybe the public purse."""
    data = draw(shared_responsibility_data())
    data["period"] = "1 year"
    data["horizon"] = {
        "years": draw(st.integers(2, 6)),
        "start_year": 2026,
        "wage_growth": f"{draw(st.decimals(0, 8, places=2))} %",
        "price_growth": f"{draw(st.decimals(0, 8, places=2))} %",
    }
    if draw(st.booleans()):
        data["horizon"]["changes"] = [{"year": 2027, "set": {"courses.participants": draw(st.integers(0, 10))}}]
    if draw(st.booleans()):
        data["public"] = copy.deepcopy(PUBLIC)
    return data


# exact rewrites of a unit: (unit as written, the same rate in another unit, the factor to the new magnitude)
REWRITES: dict[str, list[tuple[str, Fraction | int]]] = {
    "DKK/hour": [("øre/hour", 100), ("DKK/minute", Fraction(1, 60))],
    "DKK/month": [("DKK/year", 12), ("øre/month", 100)],
    "DKK/year": [("DKK/month", Fraction(1, 12)), ("DKK/week", Fraction(1, 52))],
    "hour/week": [("hour/year", 52), ("minute/week", 60)],
}


def _rewrite(text: str, choice: int) -> str | None:
    """The same quantity in another unit, when the new magnitude is a short exact decimal."""
    number, _, unit = text.partition(" ")
    options = REWRITES.get(unit)
    if not options:
        return None
    new_unit, factor = options[choice % len(options)]
    value = Fraction(Decimal(number)) * factor
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    if Fraction(exact) != value or len(exact.normalize().as_tuple().digits) > 15:
        return None
    return f"{exact.normalize():f} {new_unit}"


def _money_paths(data: dict[str, Any]) -> list[str]:
    out = ["temp_hours.wage_cost", "temp_hours.effective_hours", "courses.price"]
    if "DKK/hour" in data["temp_hours"]["overhead"]:
        out.append("temp_hours.overhead")
    out += [f"support_staff.{i}.annual_cost" for i in range(len(data["support_staff"]))]
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(horizon_data(), st.integers(0, 1))
def test_results_do_not_depend_on_how_a_unit_is_written(data: dict[str, Any], choice: int) -> None:
    try:
        base = from_data(data)
    except ValidationError:
        assume(False)
        raise
    rewritten = copy.deepcopy(data)
    changed = 0
    for path in _money_paths(data):
        keys = path.split(".")
        target: Any = rewritten
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        new = _rewrite(target[keys[-1]], choice)
        if new is not None:
            target[keys[-1]] = new
            changed += 1
    assume(changed)
    try:
        other = from_data(rewritten)
    except ValidationError:
        assume(False)  # e.g. a rewritten value with a three-decimal spelling
        raise
    a, b = sp.evaluate(base), sp.evaluate(other)
    # a break-even is shown in the unit its price is written in: the same price in the model's unit
    assert model_unit_results(a) == model_unit_results(b)
    assert [model_unit_results(p) for p in a.breakdown] == [model_unit_results(p) for p in b.breakdown]
    assert [list(p.ledger) for p in a.breakdown] == [list(p.ledger) for p in b.breakdown]


def test_the_issues_unit_case() -> None:
    # 2.75 DKK/minute is 165 DKK/hour: the 2027 wage transfers agree (4 workers × 15 h × 52 × 168.30)
    text = THREE_YEARS.read_text(encoding="utf-8")
    per_minute = sp.loads(text.replace("wage_cost: 165 DKK/hour", "wage_cost: 2.75 DKK/minute"))
    per_hour = sp.loads(text)
    wages = [
        {t.purpose: t.amount for t in sp.evaluate(p).breakdown[1].ledger}["temp hours: wage cost"]
        for p in (per_minute, per_hour)
    ]
    assert wages == [D("525096.00"), D("525096.00")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(horizon_data(), st.sampled_from(["courses.price", "temp_hours.overhead"]))
def test_solve_succeeds_where_a_value_in_range_meets_the_target(data: dict[str, Any], vary: str) -> None:
    data = copy.deepcopy(data)
    data["support_staff"] = [{"role": "team", "fte": "2", "annual_cost": "900000 DKK/year"}]
    data["courses"]["participants"] = max(1, data["courses"]["participants"])
    data["temp_hours"]["workers"] = max(1, data["temp_hours"]["workers"])
    data["temp_hours"]["effective_hours"] = "15 hour/week"
    data["temp_hours"]["wage_cost"] = "165 DKK/hour"
    data["horizon"].pop("changes", None)
    p = from_data(data)
    high = "100000" if vary == "courses.price" else ("1000" if "DKK" in data["temp_hours"]["overhead"] else "500")
    unit = paths.get(p, vary).units
    low = sp.evaluate(paths.replace(p, vary, f"0 {unit}")).cost_split.coverage
    top = sp.evaluate(paths.replace(p, vary, f"{high} {unit}")).cost_split.coverage
    assume(low is not None and top is not None)
    assert low is not None
    assert top is not None
    assume(low < 1 <= top)  # the target is reached within the range (not already at its low end)
    solution = sp.solve(p, vary, "coverage", 1, high=high)
    assert solution.achieved >= 1
    again = sp.evaluate(sp.loads(sp.dumps(solution.partnership))).cost_split.coverage
    assert again is not None
    assert again >= 1


@pytest.mark.parametrize(
    ("path", "value"),
    [("period", "10 year"), ("public.year", 2030), ("horizon.years", 9), ("model", "supplier")],
)
def test_a_change_may_not_set_what_describes_the_scenario(path: str, value: Any) -> None:
    data = sp.load(THREE_YEARS).model_dump(mode="json", exclude={"expect"})
    data["horizon"]["changes"] = [{"year": 2027, "set": {path: value}}]
    with pytest.raises(ValidationError, match="cannot change by year"):
        from_data(data)


def test_a_misspelt_change_offers_the_input_meant() -> None:
    data = sp.load(THREE_YEARS).model_dump(mode="json", exclude={"expect"})
    data["horizon"]["changes"] = [{"year": 2027, "set": {"courses.pris": "12000 DKK/month"}}]
    with pytest.raises(
        ValidationError, match=r"no input 'courses.pris' in this scenario; did you mean 'courses.price'\?"
    ):
        from_data(data)


def test_a_changed_value_is_validated_when_the_scenario_loads() -> None:
    data = sp.load(THREE_YEARS).model_dump(mode="json", exclude={"expect"})
    data["horizon"]["changes"] = [{"year": 2027, "set": {"courses.price": "-5 DKK/month"}}]
    with pytest.raises(ValidationError, match=r"horizon\.changes\.0\.set\.courses\.price"):
        from_data(data)


@pytest.mark.parametrize("distribution", ["uniform", "triangular"])
def test_monte_carlo_never_refuses_its_own_samples_on_a_horizon(distribution: str) -> None:
    p = sp.load(THREE_YEARS)
    shape = (
        sp.Uniform("10 DKK/hour", "40 DKK/hour")
        if distribution == "uniform"
        else sp.Triangular("10 DKK/hour", "20 DKK/hour", "40 DKK/hour")
    )
    frame = sp.monte_carlo(
        p, {"temp_hours.overhead": shape, "courses.price": sp.Uniform("9000 DKK/month", "14000 DKK/month")}, n=500
    )
    assert len(frame) == 500
    assert frame["2028.coverage"].notna().all()


# -- found by an analyst trying the library as a municipal economist would ------------------


def test_a_typo_in_a_counterfactual_group_is_an_error() -> None:
    data = sp.load(THREE_YEARS).model_dump(mode="json", exclude={"expect"})
    data["public"]["counterfactual"]["fleksjobb"] = data["public"]["counterfactual"].pop("fleksjob")
    with pytest.raises(ValidationError, match=r"public\.counterfactual\.fleksjobb: no group 'fleksjobb'.*: course"):
        from_data(data)


def test_no_benefit_during_the_course_is_said() -> None:
    # without a counterfactual for them (with one, during_course is required)
    data = sp.load(THREE_YEARS).model_dump(mode="json", exclude={"expect"})
    del data["public"]["during_course"]
    del data["public"]["counterfactual"]["course participant"]
    view = sp.evaluate(from_data(data)).breakdown[0].public
    assert view is not None
    assert any("no benefit during the course stated" in s for s in view.counterfactual)


def test_a_danish_file_with_a_parameter_benefit_reads() -> None:
    # the library's own parameter table is read the plain way whatever the scenario declares
    text = THREE_YEARS.read_text(encoding="utf-8").split("expect:")[0]
    danish = "number_format: da\n" + text.replace("11000 DKK/month", "11.000 kr./md.")
    assert sp.evaluate(sp.loads(danish)).results() == sp.evaluate(sp.loads(text)).results()


def test_numpy_numbers_put_in_with_model_copy_evaluate_and_save() -> None:
    import numpy as np

    deal = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    assert isinstance(deal, sp.SharedResponsibilityPartnership)
    rate = sp.Q_(np.float64(172.0) * 1.03, "DKK/hour")  # 177.16
    changed = deal.model_copy(update={"temp_hours": deal.temp_hours.model_copy(update={"wage_cost": rate})})
    wages = {t.purpose: t.amount for t in sp.evaluate(changed).ledger}["temp hours: wage cost"]
    assert wages == D("414554.40")  # 177.16 × 3 × 15 × 52 = 414,554.40
    again = sp.loads(sp.dumps(changed))
    assert isinstance(again, sp.SharedResponsibilityPartnership)
    assert again.temp_hours.wage_cost == sp.Q_(177.16, "DKK/hour")


def test_a_growth_rate_can_be_swept() -> None:
    p = sp.load(THREE_YEARS)
    values = ["0 %", "2 %", "5 %"]
    frame = sp.sweep(p, {"horizon.wage_growth": values})
    for value, (_, row) in zip(values, frame.iterrows(), strict=True):
        ev = sp.evaluate(paths.replace(p, "horizon.wage_growth", value))
        assert row["cost [DKK]"] == float(ev.cost_split.cost)
        assert abs(row["npv.public.municipality [DKK]"] - float(ev.results()["npv.public.municipality"] or 0)) <= 0.011
    # support staff 480,000 a year: 3 × 480,000 with no growth; 480,000 × (1 + 1.05 + 1.1025) at 5 %
    assert list(frame["cost [DKK]"]) == [1440000.0, 1468992.0, 1513200.0]


def test_public_year_and_start_year_must_agree() -> None:
    data = sp.load(THREE_YEARS).model_dump(mode="json", exclude={"expect"})
    data["horizon"]["start_year"] = 2024  # the rows would say 2024 and use 2026's rates
    with pytest.raises(ValidationError, match=r"public\.year: 2026 .* horizon\.start_year is 2024"):
        from_data(data)


def test_a_counterfactual_must_be_a_benefit() -> None:
    data = sp.load(THREE_YEARS).model_dump(mode="json", exclude={"expect"})
    data["public"]["counterfactual"]["fleksjob"] = {"parameter": "refusion.after_52_weeks"}
    with pytest.raises(ValidationError, match="not a benefit"):
        from_data(data)


def test_no_hours_no_fleksloentilskud() -> None:
    assert sp.fleksloentilskud("172 DKK/hour", "0 hour/week", 2026) == sp.Q_(0, "DKK/month")


def test_parameters_of_every_year_are_listed() -> None:
    ev = sp.evaluate(sp.load(THREE_YEARS))
    years = {v.for_year or v.year for v in ev.parameters if v.name == "fleksloentilskud.max_supplement"}
    assert years == {2026, 2027, 2028}


def test_explain_takes_the_period_with_a_dot_too() -> None:
    ev = sp.evaluate(sp.load(THREE_YEARS))
    assert ev.explain("2027.coverage") == ev.explain("2027:coverage")


def test_a_coverage_copied_from_the_table_holds() -> None:
    # the table shows 92.25 %; coverage is exactly 0.9225 here, and 0.944380 over three years (94.44 %)
    one = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    assert all(
        r.passed
        for r in sp.check_expectations(sp.evaluate(one), sp.Expectations.model_validate({"coverage": "92.25 %"}))
    )
    three = sp.evaluate(sp.load(THREE_YEARS))
    shown = sp.check_expectations(three, sp.Expectations.model_validate({"coverage": "94.44 %"}))
    assert all(r.passed for r in shown)  # 0.944380 at the 4 decimals written: 0.9444
    wrong = sp.check_expectations(three, sp.Expectations.model_validate({"coverage": "94.45 %"}))
    assert not any(r.passed for r in wrong)
