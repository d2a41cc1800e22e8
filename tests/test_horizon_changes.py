"""A horizon's changes: their years are checked, a year's explanation shows that year's inputs,
and solving or sweeping an input a change sets says that the change takes over.

The scenario ``AALBORG`` is the shared-responsibility deal with 4 fleksjob workers at
172.50 DKK/hour wage cost and 20 DKK/hour overhead, 15 effective hours a week (780 hours a
year each), 3 course places at 11,000 DKK/month and one socialpædagog at 480,000 DKK/year,
over 2026–2028 with 3 % wage growth (no price growth) and 5 workers from 2027.
"""

from __future__ import annotations

import copy
import json
import re
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal import paths
from socialpartner.cli import app
from socialpartner.evaluation import Explanation
from socialpartner.scenario import from_data
from socialpartner.views.explain import explanation_text

from .test_matrix import MODELS, scenario

runner = CliRunner()

AALBORG: dict[str, Any] = {
    "model": "shared_responsibility",
    "name": "Aalborg, three years",
    "social_enterprise": {"name": "SØV Aalborg"},
    "company": {"name": "Virksomhed A/S"},
    "municipality": {"name": "Aalborg Kommune", "code": 851},
    "temp_hours": {
        "workers": 4,
        "effective_hours": "15 hour/week",
        "wage_cost": "172.5 DKK/hour",
        "overhead": "20 DKK/hour",
    },
    "courses": {"participants": 3, "price": "11000 DKK/month"},
    "support_staff": [{"role": "socialpædagog", "fte": 1, "annual_cost": "480000 DKK/year"}],
    "horizon": {
        "years": 3,
        "start_year": 2026,
        "wage_growth": "3 %",
        "changes": [{"year": 2027, "set": {"temp_hours.workers": 5}}],
    },
}


def aalborg(**horizon: Any) -> dict[str, Any]:
    data = copy.deepcopy(AALBORG)
    data["horizon"].update(horizon)
    return data


def error_of(data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as info:
        from_data(data)
    return str(info.value.errors()[0]["msg"])


def jobs_by_year(ev: sp.Evaluation) -> dict[str, Decimal | None]:
    return {part.ledger.period: part.results()["jobs"] for part in ev.breakdown}


# -- 1. a change's year must be a year of the horizon ----------------------------------------


def test_change_after_the_horizon_is_refused() -> None:
    msg = error_of(aalborg(changes=[{"year": 2030, "set": {"temp_hours.workers": 5}}]))
    assert "horizon.changes.0.year: 2030 is not a year of the horizon" in msg
    assert "2026 to 2028" in msg


def test_change_before_the_horizon_is_refused() -> None:
    # before: applied from 2026 on, silently (5 jobs in every year)
    msg = error_of(aalborg(changes=[{"year": 2025, "set": {"temp_hours.workers": 5}}]))
    assert "horizon.changes.0.year: 2025 is not a year of the horizon" in msg
    assert "2026 to 2028" in msg


def test_a_year_number_with_start_year_is_refused_with_its_calendar_year() -> None:
    msg = error_of(aalborg(changes=[{"year": 2, "set": {"temp_hours.workers": 5}}]))
    assert "horizon.changes.0.year: 2 is not a year of the horizon" in msg
    assert "calendar year: 2026 to 2028 (year 2 of the horizon is 2027)" in msg


def test_year_numbers_without_start_year() -> None:
    msg = error_of(aalborg(start_year=None, changes=[{"year": 4, "set": {"temp_hours.workers": 5}}]))
    assert "horizon.changes.0.year: 4 is not a year of the horizon" in msg
    assert "the year's number: 1 to 3 (1 = the first year)" in msg
    msg = error_of(aalborg(start_year=None, changes=[{"year": 2027, "set": {"temp_hours.workers": 5}}]))
    assert "horizon.changes.0.year: 2027" in msg
    assert "give horizon.start_year" in msg
    # year 2 is the second year: workers 4, 5, 5
    ev = sp.evaluate(from_data(aalborg(start_year=None, changes=[{"year": 2, "set": {"temp_hours.workers": 5}}])))
    assert jobs_by_year(ev) == {"year 1": 4, "year 2": 5, "year 3": 5}


def test_the_second_change_names_itself() -> None:
    changes = [
        {"year": 2027, "set": {"temp_hours.workers": 5}},
        {"year": 2029, "set": {"courses.participants": 4}},
    ]
    assert error_of(aalborg(changes=changes)).startswith("horizon.changes.1.year: 2029")


def test_one_input_set_twice_for_one_year_is_refused() -> None:
    # before: both accepted, the last (6) won in 2027 and 2028
    changes = [
        {"year": 2027, "set": {"temp_hours.workers": 5}},
        {"year": 2027, "set": {"temp_hours.workers": 6}},
    ]
    msg = error_of(aalborg(changes=changes))
    assert "horizon.changes.1.set.temp_hours.workers: already set for 2027 by horizon.changes.0" in msg
    # a whole block and an input in it, in one year: which wins would depend on the list's order
    block = {"workers": 6, "effective_hours": "15 hour/week", "wage_cost": "172.5 DKK/hour", "overhead": "20 DKK/hour"}
    changes = [{"year": 2027, "set": {"temp_hours.workers": 5}}, {"year": 2027, "set": {"temp_hours": block}}]
    msg = error_of(aalborg(changes=changes))
    assert "horizon.changes.1.set.temp_hours: already set for 2027 by horizon.changes.0 (as temp_hours.workers)" in msg


def test_one_input_in_different_years_applies_by_year_whatever_the_order() -> None:
    # listed 2028 first: before, 2028 applied 6 then 5 (the list's order) and kept 5 workers
    changes = [
        {"year": 2028, "set": {"temp_hours.workers": 6}},
        {"year": 2027, "set": {"temp_hours.workers": 5}},
    ]
    ev = sp.evaluate(from_data(aalborg(changes=changes)))
    assert jobs_by_year(ev) == {"2026": 4, "2027": 5, "2028": 6}
    # 2028 overhead: 20 DKK/hour (no price growth) × 6 workers × 780 hours = 93,600.00
    overhead = next(t.amount for t in ev.breakdown[2].ledger if t.purpose == "temp hours: overhead")
    assert overhead == Decimal("93600.00")


def test_a_change_in_the_first_year_sets_every_year() -> None:
    # docs: a change holds from its year on; in the first year it is the same as stating it
    ev = sp.evaluate(from_data(aalborg(changes=[{"year": 2026, "set": {"temp_hours.workers": 5}}])))
    assert jobs_by_year(ev) == {"2026": 5, "2027": 5, "2028": 5}
    # 2026: overhead 20 × 5 × 780 = 78,000 + courses 3 × 11,000 × 12 = 396,000 → 474,000 / 480,000
    assert ev.breakdown[0].cost_split.coverage == Decimal("0.9875")


def test_model_copy_checks_the_change_years() -> None:
    p = from_data(aalborg())
    late = sp.Horizon.model_validate(
        {"years": 3, "start_year": 2026, "changes": [{"year": 2031, "set": {"temp_hours.workers": 5}}]}
    )
    with pytest.raises(ValidationError, match=r"horizon\.changes\.0\.year: 2031 is not a year of the horizon"):
        p.model_copy(update={"horizon": late})


# -- 2. a year's explanation shows that year's inputs ---------------------------------------


def inputs_of(explanation: Explanation) -> dict[str, str]:
    return {path: text for term in explanation.terms for path, text in term.inputs}


def test_explain_a_later_year_shows_its_grown_and_changed_inputs() -> None:
    ev = sp.evaluate(from_data(aalborg()))
    wages = ev.explain("2027.wages")
    # 172.5 × 1.03 = 177.675 DKK/hour; × 5 workers × 780 hours = 692,932.50
    assert wages.value == "692,932.50 DKK"
    shown = inputs_of(wages)
    assert shown["temp_hours.wage_cost"] == "177.6750 DKK / hour (172.5 DKK / hour grown 3 % a year for 1 year)"
    assert shown["temp_hours.workers"] == "5 (set from 2027 by horizon.changes.0)"
    assert shown["temp_hours.effective_hours"] == "15 hour / week"
    # 2028: 172.5 × 1.03² = 183.00525 DKK/hour; × 3,900 hours = 713,720.475 → 713,720.48
    shown = inputs_of(ev.explain("2028:wages"))
    assert ev.explain("2028:wages").value == "713,720.48 DKK"
    assert shown["temp_hours.wage_cost"] == "183.00525 DKK / hour (172.5 DKK / hour grown 3 % a year for 2 years)"
    # overhead is a price: no price growth, so 20 as stated; 20 × 3,900 hours = 78,000
    overhead = ev.explain("2027:overhead")
    assert overhead.value == "78,000.00 DKK"
    assert inputs_of(overhead) == {
        "temp_hours.overhead": "20 DKK / hour",
        "temp_hours.workers": "5 (set from 2027 by horizon.changes.0)",
        "temp_hours.effective_hours": "15 hour / week",
        "period": "1 year",
    }
    # the support staff's cost grows with wages: 480,000 × 1.03 = 494,400
    cost = inputs_of(ev.explain("2027:cost"))
    assert cost["support_staff.0.annual_cost"] == "494400 DKK / year (480000 DKK / year grown 3 % a year for 1 year)"


def test_explain_the_first_year_shows_the_stated_inputs() -> None:
    ev = sp.evaluate(from_data(aalborg()))
    shown = inputs_of(ev.explain("2026.wages"))
    # 172.5 × 4 × 780 = 538,200.00
    assert ev.explain("2026.wages").value == "538,200.00 DKK"
    assert shown["temp_hours.wage_cost"] == "172.5 DKK / hour"
    assert shown["temp_hours.workers"] == "4"


def test_a_year_of_the_breakdown_explains_itself() -> None:
    ev = sp.evaluate(from_data(aalborg()))
    # a year taken from the breakdown knows its year: 2027's 5 workers, not the stated 4
    explanation = ev.breakdown[1].explain("wages")
    assert explanation == ev.explain("2027.wages")
    assert inputs_of(explanation)["temp_hours.workers"] == "5 (set from 2027 by horizon.changes.0)"


def test_explain_in_danish_says_grown_and_changed() -> None:
    ev = sp.evaluate(from_data(aalborg()))
    text = explanation_text(ev.explain("2027.wages"), "da")
    # 177.675 is written with a fourth decimal, as the library writes 35.897: no reader takes it for 177675
    assert "temp_hours.wage_cost = 177,6750 kr./time (172,50 kr./time fremskrevet 3 % om året i 1 år)" in text
    assert "temp_hours.workers = 5 (sat fra 2027 af horizon.changes.0)" in text
    assert "692.932,50\xa0kr." in text  # babel puts a no-break space before kr.


def test_explain_year_numbers_without_start_year() -> None:
    ev = sp.evaluate(from_data(aalborg(start_year=None, changes=[{"year": 2, "set": {"temp_hours.workers": 5}}])))
    explanation = ev.explain("year 3:wages")
    shown = inputs_of(explanation)
    assert shown["temp_hours.workers"] == "5 (set from year 2 by horizon.changes.0)"
    assert shown["temp_hours.wage_cost"] == "183.00525 DKK / hour (172.5 DKK / hour grown 3 % a year for 2 years)"
    text = explanation_text(explanation, "da")
    assert "temp_hours.workers = 5 (sat fra år 2 af horizon.changes.0)" in text
    assert "i 2 år)" in text


def test_explain_a_changed_block_marks_every_input_in_it() -> None:
    block = {"workers": 6, "effective_hours": "10 hour/week", "wage_cost": "180 DKK/hour", "overhead": "25 DKK/hour"}
    ev = sp.evaluate(from_data(aalborg(changes=[{"year": 2028, "set": {"temp_hours": block}}])))
    overhead = ev.explain("2028:overhead")
    # 25 × 6 workers × 10 hours × 52 weeks = 78,000.00 (a change's values are not grown)
    assert overhead.value == "78,000.00 DKK"
    assert inputs_of(overhead)["temp_hours.overhead"] == "25 DKK / hour (set from 2028 by horizon.changes.0)"
    assert inputs_of(overhead)["temp_hours.effective_hours"] == "10 hour / week (set from 2028 by horizon.changes.0)"


def test_explain_the_grown_fleksjob_wage_of_the_public_view() -> None:
    ev = sp.evaluate(sp.load("examples/ikea_rebild_3_years.yaml"))
    shown = {
        path: text
        for topic in ev.breakdown[2].topics()
        if topic.startswith("public.")
        for path, text in inputs_of(ev.breakdown[2].explain(topic)).items()
    }
    # 140 × 1.02² = 145.656 DKK/hour
    assert shown["public.fleksjob_wage"] == "145.6560 DKK / hour (140 DKK / hour grown 2 % a year for 2 years)"


def test_explain_a_break_even_shows_the_current_value_of_its_year() -> None:
    ev = sp.evaluate(sp.load("examples/ikea_rebild_3_years.yaml"))
    explanation = ev.explain("2027:temp_hours.overhead")
    # the overhead grows with prices: 20 × 1.02 = 20.40 DKK/hour in 2027
    current = next(term for term in explanation.terms if term.label == "current value")
    assert current.value == "20.4 DKK / hour (20 DKK / hour grown 2 % a year for 1 year)"
    text = explanation_text(explanation, "da")
    assert "nuværende værdi = 20,40 kr./time (20 kr./time fremskrevet 2 % om året i 1 år)" in text


def test_explain_on_the_command_line(tmp_path: Path) -> None:
    file = tmp_path / "aalborg3.yaml"
    file.write_text(yaml.safe_dump(AALBORG, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(file), "--explain", "2027:wages"])
    assert result.exit_code == 0, result.output
    assert "temp_hours.wage_cost = 177.6750 DKK / hour (172.5 DKK / hour grown 3 % a year for 1 year)" in result.output
    assert "temp_hours.workers = 5 (set from 2027 by horizon.changes.0)" in result.output
    result = runner.invoke(app, ["evaluate", str(file), "--explain", "2027:wages", "--lang", "da"])
    assert result.exit_code == 0, result.output
    assert "177,6750 kr./time (172,50 kr./time fremskrevet 3 % om året i 1 år)" in result.output


# -- 3. solving or sweeping an input a change sets ------------------------------------------

NOTE = "horizon.changes set temp_hours.workers in 2027–2028: a value given for temp_hours.workers counts in 2026 only"


def test_solve_notes_the_change() -> None:
    solution = sp.solve(from_data(aalborg()), "temp_hours.workers", "coverage", 1)
    # cost: 480,000 × (1 + 1.03 + 1.03²) = 1,483,632; funding: 396,000 courses a year, overhead
    # 20 × 780 = 15,600 per worker: 5 workers in 2027 and 2028 give 2 × 474,000 = 948,000, so
    # 2026 needs 15,600 w + 396,000 ≥ 535,632, w ≥ 8.95: 9 workers (1,484,400 / 1,483,632)
    assert solution.value == 9
    assert solution.achieved == Decimal(1484400) / Decimal(1483632)
    assert solution.notes == (NOTE,)
    assert str(solution).endswith("; note: " + NOTE)


def test_solve_an_unchanged_input_has_no_note() -> None:
    solution = sp.solve(from_data(aalborg()), "courses.price", "coverage", 1)
    assert solution.notes == ()


def test_solve_an_input_changed_in_every_year_is_an_error() -> None:
    data = aalborg(changes=[{"year": 2026, "set": {"temp_hours.workers": 5}}])
    with pytest.raises(sp.SolveError, match=r"set temp_hours\.workers in every year \(2026–2028\)"):
        sp.solve(from_data(data), "temp_hours.workers", "coverage", 1)


def test_solve_on_the_command_line(tmp_path: Path) -> None:
    file = tmp_path / "aalborg3.yaml"
    file.write_text(yaml.safe_dump(AALBORG, allow_unicode=True), encoding="utf-8")
    args = ["solve", str(file), "--vary", "temp_hours.workers", "--target", "coverage=1"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "temp_hours.workers = 9" in result.output
    assert f"note: {NOTE}" in result.output
    result = runner.invoke(app, [*args, "--lang", "da"])
    assert (
        "horizon.changes sætter temp_hours.workers i 2027–2028: en værdi for temp_hours.workers gælder kun i 2026"
        in (result.output)
    )
    result = runner.invoke(app, [*args, "--format", "json"])
    assert json.loads(result.output)["notes"] == [NOTE]


def test_sweep_warns_naming_the_input_and_the_years() -> None:
    p = from_data(aalborg())
    with pytest.warns(sp.ScenarioWarning) as caught:
        frame = sp.sweep(p, {"temp_hours.workers": [4, 9]})
    assert [str(w.message) for w in caught] == [NOTE]
    assert caught[0].filename == __file__  # the warning points at the caller
    # 2026 moves: (15,600 × 9 + 396,000) / 480,000 = 1.1175; 2027 does not: 474,000 / 494,400
    assert list(frame["2026.coverage"]) == [0.955, 1.1175]
    assert list(frame["2027.coverage"]) == [474000 / 494400] * 2


def test_sweep_of_an_unchanged_input_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", sp.ScenarioWarning)
        sp.sweep(from_data(aalborg()), {"courses.price": ["10000 DKK/month", "12000 DKK/month"]})


def test_tornado_and_monte_carlo_warn() -> None:
    p = from_data(aalborg())
    with pytest.warns(sp.ScenarioWarning, match="temp_hours.workers in 2027–2028"):
        sp.tornado(p, {"temp_hours.workers": (3, 6)})
    with pytest.warns(sp.ScenarioWarning, match="temp_hours.workers in 2027–2028"):
        sp.monte_carlo(p, {"temp_hours.workers": sp.Uniform(3, 6)}, n=10)


def test_sweep_and_tornado_on_the_command_line_print_the_note(tmp_path: Path) -> None:
    file = tmp_path / "aalborg3.yaml"
    file.write_text(yaml.safe_dump(AALBORG, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["sweep", str(file), "--vary", "temp_hours.workers=3..6:4"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"note: {NOTE}\n")
    result = runner.invoke(app, ["sweep", str(file), "--vary", "temp_hours.workers=3..6:4", "--lang", "da"])
    assert "bemærkning: horizon.changes sætter temp_hours.workers i 2027–2028" in result.output
    result = runner.invoke(app, ["sweep", str(file), "--vary", "courses.price=9000..13000:3"])
    assert result.exit_code == 0, result.output
    assert "note" not in result.output
    chart = tmp_path / "tornado.svg"
    args = ["chart", str(file), "--kind", "tornado", "--vary", "temp_hours.workers=3..6", "-o", str(chart)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"note: {NOTE}" in result.output


def test_sweep_keeps_a_changed_block() -> None:
    # a change that sets the whole temp_hours block holds in its years for the inputs in it,
    # as in evaluate: before, a sweep of temp_hours.workers overrode the change's 6 workers
    block = {"workers": 6, "effective_hours": "15 hour/week", "wage_cost": "172.5 DKK/hour", "overhead": "20 DKK/hour"}
    p = from_data(aalborg(changes=[{"year": 2027, "set": {"temp_hours": block}}]))
    with pytest.warns(sp.ScenarioWarning, match="temp_hours.workers in 2027–2028"):
        frame = sp.sweep(p, {"temp_hours.workers": [4, 9]})
    # 2027: (20 × 6 × 780 = 93,600 + 396,000) / 494,400
    assert list(frame["2027.coverage"]) == pytest.approx([489600 / 494400] * 2)
    assert sp.evaluate(p).breakdown[1].cost_split.coverage == Decimal(489600) / Decimal(494400)


# -- the matrix: every model that takes a horizon, with and without public: ----------------

HORIZON_MODELS = [m for m in MODELS if m != "spin_off"]


@pytest.mark.parametrize("public", [False, True], ids=["plain", "public"])
@pytest.mark.parametrize("model", HORIZON_MODELS)
def test_matrix_change_years_explain_solve_sweep(model: str, public: bool) -> None:
    path, (low, high) = MODELS[model][1], MODELS[model][2]
    data = scenario(model, public, horizon=True)  # 2026–2028, 3 % wage and 2 % price growth
    data["horizon"]["changes"] = [{"year": 2029, "set": {path: high}}]
    assert "horizon.changes.0.year: 2029 is not a year of the horizon" in error_of(data)
    data["horizon"]["changes"] = [{"year": 2027, "set": {path: high}}, {"year": 2027, "set": {path: low}}]
    assert f"horizon.changes.1.set.{path}: already set for 2027 by horizon.changes.0" in error_of(data)
    data["horizon"]["changes"] = [{"year": 2027, "set": {path: high}}]
    p = from_data(data)
    ev = sp.evaluate(p)
    # every 2027 input that the scenario's input feeds shows the change's value, not the stated one
    shown = [
        text
        for topic in ev.breakdown[1].topics()
        for term in ev.breakdown[1].explain(topic).terms
        for at, text in term.inputs
        if at == path
    ]
    stated_unit = str(paths.get(p, path).units)
    assert shown
    assert set(shown) == {f"{high.split()[0]} {stated_unit} (set from 2027 by horizon.changes.0)"}
    note = f"horizon.changes set {path} in 2027–2028: a value given for {path} counts in 2026 only"
    # the surplus as it is: reached at the stated value, inside the range
    bounds = {"low": low.split()[0], "high": high.split()[0]}
    solution = sp.solve(p, path, "surplus", ev.results()["surplus"], **bounds)  # type: ignore[arg-type]
    assert solution.notes == (note,)
    with pytest.warns(sp.ScenarioWarning) as caught:
        sp.sweep(p, {path: [low, high]})
    assert [str(w.message) for w in caught] == [note]


def test_a_block_restated_in_part_names_what_it_lacks_and_the_path_to_set() -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "ikea_rebild.yaml"
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    data.pop("expect")
    change = {"year": 2027, "set": {"temp_hours": {"workers": 5}}}
    data["horizon"] = {"years": 2, "start_year": 2026, "changes": [change]}
    with pytest.raises(ValidationError) as caught:
        sp.from_data(data)
    message = caught.value.errors()[0]["msg"]
    assert "this one lacks effective_hours, wage_cost, overhead" in message, message
    assert message.endswith("set that input's path (e.g. temp_hours.workers)"), message


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            "{temp_hours.workers: 4, courses.price: 11.500,50 kr./md.}",
            "courses.price: 11.500,50 kr./md. was cut in two at the comma (inside {...} a "
            "comma separates entries, so '50 kr./md.' became a key); quote it (courses.price: \"11.500,50 kr./md.\")",
        ),
        (
            "{temp_hours.wage_cost: 172,50}",
            "temp_hours.wage_cost: 172,50 was cut in two at the comma",
        ),
        (
            "{support_staff: [{role: socialpædagog, fte: 1, annual_cost: 490.000,50 kr./år}]}",
            "support_staff.0: annual_cost: 490.000,50 kr./år was cut in two at the comma",
        ),
    ],
)
def test_a_decimal_comma_cut_inside_a_change_is_named_as_at_the_top(tmp_path: Path, change: str, said: str) -> None:
    # a flow mapping splits "172,50" at the comma; the error said "add a unit … got 11500" or
    # "set.50.[key]: Input should be text", and inside a block "declare number_format: da" of a
    # file that declares it
    text = (
        "number_format: da\nmodel: shared_responsibility\nname: x\nsocial_enterprise: {name: S}\n"
        "company: {name: C}\nmunicipality: {name: Rebild Kommune, code: 840}\n"
        "temp_hours: {workers: 3, effective_hours: 15 t/uge, wage_cost: 165 kr./time, overhead: 20 kr./time}\n"
        "courses: {participants: 3, price: 11.000 kr./md.}\n"
        "support_staff:\n  - {role: socialpædagog, fte: 1, annual_cost: 480.000 kr./år}\n"
        f"horizon:\n  years: 2\n  start_year: 2026\n  changes:\n    - {{year: 2027, set: {change}}}\n"
    )
    path = tmp_path / "cut.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        sp.load(path)
    (error,) = caught.value.errors()
    assert error["loc"] == ("horizon", "changes", 0, "set")
    assert re.match(re.escape(said), error["msg"]), error["msg"]
    assert "declare number_format" not in error["msg"]  # the file declares it: quote the number
    assert "number_format is 'da', so the decimal comma is read inside quotes" in error["msg"]


def test_an_error_elsewhere_is_not_blamed_on_a_change() -> None:
    # review 41: a course participant among the helpers (refused: helpers are paid) was reported as
    # "horizon.changes.0.set.helpers.0.headcount: helpers.1: …", sending the reader to a change that is fine
    site = Path(__file__).resolve().parents[1] / "examples" / "labour_shortage_site.yaml"
    data = yaml.safe_load(site.read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["helpers"].append(
        {"form": "course participant", "headcount": 3, "paid_hours": "15 hour/week", "workplace": "company"}
    )
    data["horizon"] = {"years": 3, "start_year": 2026, "changes": [{"year": 2028, "set": {"helpers.0.headcount": 6}}]}
    with pytest.raises(ValidationError) as info:
        sp.from_data(data)
    text = str(info.value)
    assert "helpers are paid; a course participant cannot be a helper" in text
    assert "horizon.changes.0" not in text
    # a change's own bad value is still named by the change
    data["helpers"].pop()
    data["horizon"]["changes"][0]["set"]["helpers.0.headcount"] = -1
    with pytest.raises(ValidationError, match=r"horizon\.changes\.0\.set\.helpers\.0\.headcount"):
        sp.from_data(data)
