"""Looking up a party, a payer or a result that is not there is an error that says what there is.

A misspelt role, a display name or a result with no value must never read as a plausible
0.00 ("the municipality breaks even") or crash with a private error class.
"""

from __future__ import annotations

import pickle
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

import socialpartner as sp

ROOT = Path(__file__).resolve().parents[1]


def _three_years() -> sp.Evaluation:
    return sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))


@pytest.mark.parametrize("party", ["IKEA", "municiplaity", "Company", None, 3])
def test_a_ledger_refuses_a_party_it_does_not_have(party: Any) -> None:
    ev = sp.evaluate(sp.load(sp.example_path()))
    for read in (ev.ledger.net, ev.ledger.inflow, ev.ledger.outflow, ev.ledger.totals):
        with pytest.raises(sp.PartyError, match="its parties are company, social_enterprise, workers") as e:
            read(party)
        assert isinstance(e.value, KeyError)
        assert isinstance(e.value, sp.LedgerError)
        assert e.value.party == party
    # the parties it has: the example's ledger, 432,900.00 paid by the company (386,100 + 46,800)
    assert ev.ledger.net("company") == Decimal("-432900.00")


def test_a_close_role_is_suggested_and_the_error_pickles() -> None:
    ev = sp.evaluate(sp.load(sp.example_path()))
    with pytest.raises(sp.PartyError, match=r"did you mean 'municipality'\?") as e:
        ev.ledger.net("municiplaity")
    back = pickle.loads(pickle.dumps(e.value))  # noqa: S301 - our own error
    assert (type(back), back.party, back.known, str(back)) == (
        sp.PartyError,
        e.value.party,
        e.value.known,
        str(e.value),
    )


@pytest.mark.parametrize("payer", ["Municipality", "stat", "kommune", None])
def test_a_public_view_refuses_a_payer_it_does_not_have(payer: Any) -> None:
    view = _three_years().breakdown[0].public
    assert view is not None
    for read in (view.net_effect, view.net_effect_before_tax, view.actual, view.without):
        with pytest.raises(sp.PartyError, match=r"in the public view: its parties are municipality, state"):
            read(payer)
    assert view.net_effect("municipality") == _three_years().breakdown[0].results()["public.municipality"]


def _no_cost() -> sp.Evaluation:
    data: dict[str, Any] = yaml.safe_load(sp.example_path().read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["courses"]["participants"] = 0
    data["temp_hours"]["workers"] = 0
    data["support_staff"][0]["annual_cost"] = "0 DKK/year"
    return sp.evaluate(sp.from_data(data))


def test_a_result_with_no_value_raises_a_public_error_saying_why() -> None:
    ev = _no_cost()
    assert ev.results()["coverage"] is None
    for read in (ev.result, lambda name: sp.result_value(ev, name)):
        with pytest.raises(sp.NoValueError, match="coverage has no value here: there is no support-staff cost"):
            read("coverage")
    # a ResultError (and a KeyError), so one except clause takes unknown names and empty ones alike
    got: dict[str, Decimal | None] = {}
    for name in ev.results():
        try:
            got[name] = ev.result(name)
        except sp.ResultError:
            got[name] = None
    assert got == ev.results()
    with pytest.raises(sp.NoValueError) as e:
        ev.result("coverage")
    assert isinstance(e.value, KeyError)
    assert e.value.name == "coverage"
    back = pickle.loads(pickle.dumps(e.value))  # noqa: S301 - our own error
    assert (type(back), str(back)) == (sp.NoValueError, str(e.value))


def _calls() -> list[tuple[str, Any]]:
    deal = sp.load(sp.example_path())
    ev = sp.evaluate(deal)
    zone = sp.agreement(deal, "temp_hours.overhead")
    bad: Any = None  # arguments of the wrong kind, as an untyped notebook passes them
    pair: Any = 5
    keyed: Any = {1: [1]}
    listed: Any = [(0, 60)]
    return [
        ("values key 1", lambda: sp.sweep(deal, keyed)),
        ("inputs key 1", lambda: sp.monte_carlo(deal, {pair - 4: sp.Uniform(1, 2)}, n=10)),
        ("ranges key None", lambda: sp.tornado(deal, {bad: (1, 2)})),
        ("vary", lambda: sp.solve(deal, bad, "coverage", 1)),
        ("vary", lambda: sp.solve(deal, pair, "coverage", 1)),
        ("result", lambda: sp.solve(deal, "courses.price", bad, 1)),
        ("name", lambda: ev.result(bad)),
        ("name", lambda: sp.result_value(ev, pair)),
        ("vary", lambda: sp.agreement(deal, pair)),
        ("vary", lambda: sp.agreement(deal, ["temp_hours.overhead", bad])),
        (
            "bounds[temp_hours.overhead]",
            lambda: sp.agreement(deal, "temp_hours.overhead", bounds={"temp_hours.overhead": pair}),
        ),
        ("bounds", lambda: sp.agreement(deal, "temp_hours.overhead", bounds=listed)),
        ("point", lambda: zone.gains_at(bad)),
        ("expect", lambda: sp.check_expectations(ev, listed)),
    ]


@pytest.mark.parametrize("case", range(14))
def test_an_argument_of_the_wrong_type_is_named(case: int) -> None:
    """Each call gives the wrong kind of argument: an ArgumentTypeError (a TypeError) names it."""
    name, call = _calls()[case]
    with pytest.raises(sp.ArgumentTypeError) as e:
        call()
    assert str(e.value).startswith(f"{name}: expected"), str(e.value)
    assert isinstance(e.value, TypeError)
    assert isinstance(e.value, ValueError)


def test_a_point_and_expectations_may_be_given_by_name() -> None:
    deal = sp.load(sp.example_path())
    zone = sp.agreement(deal, ["temp_hours.overhead", "courses.price"])
    # the SØV at 30 DKK/h and 12,000 DKK/month: 30 × 2,340 + 3 × 12,000 × 12 − 480,000 = 70,200 + 432,000 − 480,000
    by_name = zone.gains_at({"courses.price": 12000, "temp_hours.overhead": 30})
    assert by_name == zone.gains_at([30, 12000])
    assert Decimal("22200.00") in by_name.values()
    with pytest.raises(
        sp.AgreementError, match=r"give a value for each input varied, temp_hours\.overhead, courses\.price"
    ):
        zone.contains({"courses.price": 12000})
    ev = sp.evaluate(deal)
    checked = sp.check_expectations(ev, {"coverage": "92.25 %", "shortfall": 37000})
    # coverage 442,800 / 480,000 = 0.9225 (met); shortfall 37,200, not 37,000
    assert [r.passed for r in checked] == [True, False]


@pytest.mark.parametrize(
    ("path", "ends", "shown"),
    [
        ("courses.price", ("9000 DKK/month", "9000 DKK/month"), "9000 DKK/month"),
        ("courses.price", ("108000 DKK/year", "9000 DKK/month"), "108000 DKK/year"),  # one value in two units
        ("courses.participants", (3, 3), "3"),
    ],
)
def test_a_tornado_range_of_one_value_is_refused(path: str, ends: Any, shown: str) -> None:
    deal = sp.load(sp.example_path())
    with pytest.raises(sp.SweepError, match=rf"^{re.escape(path)}: a range of one value \({shown}\)"):
        sp.tornado(deal, {path: ends})


@pytest.mark.parametrize("written", ["DA", " da ", "Da"])
def test_number_format_is_read_in_any_case(written: str) -> None:
    data: dict[str, Any] = yaml.safe_load(sp.example_path().read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["number_format"] = written
    data["support_staff"][0]["annual_cost"] = "480.000 kr./år"
    # 480.000 in the Danish convention is 480,000: the example's own figure, coverage 442,800 / 480,000
    assert sp.evaluate(sp.from_data(data)).results()["coverage"] == Decimal("0.9225")
    with sp.number_format(written):
        assert sp.Q_("9.500", "DKK").magnitude == 9500
    with pytest.raises(ValueError, match=r"number_format: expected 'da' \(510\.000,50\) or 'plain'"):
        sp.from_data({**data, "number_format": "dansk"})


def test_a_dict_given_for_a_partnership_is_a_type_error_naming_the_fix() -> None:
    deal = sp.load(sp.example_path())
    with pytest.raises(sp.ArgumentTypeError, match=r"read a dict with sp\.from_data\(data\)") as e:
        sp.evaluate(deal.model_dump())  # type: ignore[arg-type]
    assert isinstance(e.value, TypeError)
    with pytest.raises(sp.ArgumentTypeError, match="evaluate the partnership first"):
        sp.report_html(deal)


def test_an_unknown_output_language_is_a_library_error() -> None:
    ev = sp.evaluate(sp.load(sp.example_path()))
    with pytest.raises(sp.SocialPartnerError, match=r"^lang: expected 'en' or 'da', got 'de'$"):
        ev.to_frame(lang="de")  # type: ignore[arg-type]


def test_a_two_input_grid_is_bounded_before_any_work() -> None:
    """grid=2001 over two inputs would be 2001² = 4,004,001 evaluations: refused at once, naming the most."""
    deal = sp.load(ROOT / "examples" / "ikea_rebild_agreement.yaml")
    with pytest.raises(
        sp.AgreementError, match=r"^grid: 2001 points per input over two inputs is 4,004,001 evaluations"
    ):
        sp.agreement(deal, ["temp_hours.overhead", "courses.price"], grid=2001)
    with pytest.raises(sp.AgreementError, match=r"\(grid=223 or fewer\)"):  # 223² = 49,729 ≤ 50,000 < 224²
        sp.agreement(deal, ["temp_hours.overhead", "courses.price"], grid=224)
    assert sp.agreement(deal, "temp_hours.overhead", grid=2001).method == "exact"  # one input: 2001 points


def test_a_suggestion_at_a_corner_is_shown_inside_the_zone() -> None:
    """Nearly all the gain to IKEA: the proportional point is the corner (800/39, 12,000), SØV at zero.

    800/39 = 20.5128… half up is 20.51, where the SØV has 20.51 × 2,340 + 432,000 − 480,000 = −6.60;
    the nearest 0.01 point inside is 20.52: 48,016.80 + 432,000 − 480,000 = 16.80.
    """
    deal = sp.load(ROOT / "examples" / "ikea_rebild_agreement.yaml")
    zone = sp.agreement(
        deal,
        ["temp_hours.overhead", "courses.price"],
        contributions={"company": 432900, "social_enterprise": 1, "municipality": 1},
    )
    proportional = zone.suggestions[1]
    assert proportional.point == (Decimal("20.52"), Decimal("12000.00"))
    assert proportional.gains["Huset Venture Nordjylland"] == Decimal("16.80")
    assert all(zone.contains(list(s.point)) for s in zone.suggestions)


def test_a_range_searched_beyond_the_largest_amount_is_an_agreement_error() -> None:
    """A course price up to 10¹⁴ DKK/month: 3 × 10¹⁴ × 12 = 3.6·10¹⁵ DKK, past the 10¹⁵ the ledger handles."""
    deal = sp.load(ROOT / "examples" / "ikea_rebild_agreement.yaml")
    searched = r"^bounds: the range searched \(courses\.price 0\.\.100000000000000 DKK / month\) reaches amounts"
    with pytest.raises(sp.AgreementError, match=searched):
        sp.agreement(deal, "courses.price", bounds={"courses.price": (0, 1e14)})


@pytest.mark.parametrize("bad", [None, 3, b"deal.yaml", ["deal.yaml"]])
def test_a_path_of_the_wrong_type_is_named(bad: Any) -> None:
    deal = sp.load(sp.example_path())
    ev = sp.evaluate(deal)
    for call in (
        lambda: sp.load(bad),
        lambda: sp.save(deal, bad),
        lambda: sp.pin_expectations(bad),
        lambda: sp.to_xlsx(ev, bad),
        lambda: sp.write_report(ev, bad),
    ):
        with pytest.raises(sp.ArgumentTypeError, match=r"^path: expected a file path, e\.g\. 'deal\.yaml'"):
            call()
    with pytest.raises(sp.ArgumentTypeError, match=r"^text: expected the scenario's YAML or JSON as text"):
        sp.loads(bad)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: sp.coverage_ratio(np.float64(1), np.float64(0)), sp.SocialPartnerError, "cost must not be zero"),
        (lambda: sp.coverage_ratio(float("nan"), 1.0), sp.QuantityError, "not a finite number"),
        (lambda: sp.coverage_ratio(1, float("inf")), sp.QuantityError, "not a finite number"),
        (lambda: sp.coverage_ratio(True, 1), sp.QuantityError, "a boolean is not a number"),
        (lambda: sp.break_even_rate(480000.0, 46800.0, float("nan")), sp.QuantityError, "not a finite number"),
        (lambda: sp.break_even_rate(1.0, 0.0, np.float64(0)), sp.SocialPartnerError, "volume must not be zero"),
    ],
)
def test_the_core_refuses_single_numbers_it_cannot_divide(call: Any, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        call()


def test_the_core_divides_arrays_as_numpy_does() -> None:
    with np.errstate(divide="ignore"):
        assert sp.coverage_ratio(np.array([1.0, 2.0]), np.array([2.0, 0.0])).tolist() == [0.5, np.inf]
    assert sp.coverage_ratio(442800, 480000) == Fraction(369, 400)  # 442,800 / 480,000 = 0.9225 exactly


def test_parameter_set_methods_name_an_argument_of_the_wrong_type() -> None:
    params: Any = sp.default_parameters()  # called as an untyped notebook calls it
    fleksloentilskud: Any = sp.fleksloentilskud
    # text is read as a quantity by the number rules; a bare float has no unit
    assert params.with_overrides({"satsreguleringsprocent": "2 %"}).get("satsreguleringsprocent", 2026).value == (
        sp.Q_(2, "percent")
    )
    calls: list[tuple[Any, str]] = [
        (lambda: params.with_overrides({"satsreguleringsprocent": 0.02}), r"^parameters\.satsreguleringsprocent: "),
        (lambda: params.with_overrides(None), r"^overrides: expected a mapping"),
        (lambda: params.get("satsreguleringsprocent", None), r"^year: expected a whole year"),
        (lambda: params.get("satsreguleringsprocent", 2026.5), r"^year: expected a whole year .* got 2026\.5"),
        (lambda: params.abolished("benefit.ledighedsydelse", "2026-01-01"), r"^start: expected a datetime\.date"),
        (lambda: fleksloentilskud("180 DKK/hour", "15 hour/week", 2024, {}), r"^parameters: expected a"),
    ]
    for call, words in calls:
        with pytest.raises(sp.ArgumentTypeError, match=words):
            call()
    assert params.get("satsreguleringsprocent", np.int64(2026)).value == sp.Q_(4.5, "percent")  # numpy's int is whole


def test_cli_messages_say_things_once_and_in_plain_words(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from socialpartner.cli import app

    runner = CliRunner()
    missing = tmp_path / "nofile.yaml"
    result = runner.invoke(app, ["test", str(missing)])
    assert f"error: {missing}: no such file" in result.output
    assert result.output.count(str(missing)) == 1  # the path once, not "x: x: no such file"
    typo = tmp_path / "typo.yaml"
    typo.write_text("model: suplier\nname: x\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(typo)])
    assert result.exit_code == 2
    assert "unknown model 'suplier': expected one of" in result.output
    assert "did you mean 'supplier'?" in result.output
    result = runner.invoke(app, ["evaluate", str(sp.example_path()), "--explain", "nonsense"])
    assert "nothing to explain as 'nonsense'; topics: coverage" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(sp.example_path().read_text(encoding="utf-8").replace("workers: 3", "workers: -3"), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(bad)])
    assert "1 problem in the scenario:" in result.output


@pytest.mark.parametrize("kind", ["flows", "coverage"])
def test_chart_refuses_vary_for_a_chart_that_varies_nothing(kind: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from socialpartner.cli import app

    out = tmp_path / "x.png"
    args = ["chart", str(sp.example_path()), "--kind", kind, "--vary", "courses.price=9000..14000", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert f"--vary: only a tornado chart varies inputs (--kind tornado); a {kind} chart does not" in result.output
    assert not out.exists()


def test_small_lookups_say_what_there_is() -> None:
    ev = sp.evaluate(sp.load(sp.example_path()))
    with pytest.raises(sp.ResultError, match=r"^no figure 'nope'; figures: none$"):  # the example has no figures
        ev.figure("nope")
    with pytest.raises(sp.ArgumentTypeError, match=r"^key: expected a figure's key"):
        ev.figure(None)  # type: ignore[arg-type]
    with pytest.raises(sp.ScenarioError, match=r"no bundled example 'supplier_facility': the library bundles"):
        sp.example_path("supplier_facility")
    runs = sp.monte_carlo(
        sp.load(sp.example_path()), {"courses.price": sp.Uniform("9000 DKK/month", "14000 DKK/month")}, n=50, seed=1
    )
    assert sp.summarize(runs, columns="coverage").index.tolist() == ["coverage"]  # one name, not its letters


def test_a_solve_target_may_carry_the_results_unit() -> None:
    """surplus = 0 as Q_(0, 'DKK') or Q_(0, 'øre'): the same answer as 0 (12,033.34, surplus 0.24 DKK)."""
    import pint

    deal = sp.load(sp.example_path())
    plain = sp.solve(deal, "courses.price", "surplus", 0)
    for target in (sp.Q_(0, "DKK"), sp.Q_(0, "øre")):
        assert sp.solve(deal, "courses.price", "surplus", target).value == plain.value
    # 1,000 DKK: 3 × 12 × price + 46,800 − 480,000 ≥ 1,000 → price ≥ 434,200 / 36 = 12,061.11…, so 12,061.12
    more = sp.solve(deal, "courses.price", "surplus", sp.Q_(1000, "DKK"))
    assert more.value_text == "12061.12 DKK / month"
    with pytest.raises(sp.SolveError, match=r"^target: surplus is an amount in DKK, got 5 hour"):
        sp.solve(deal, "courses.price", "surplus", sp.Q_(5, "hour"))
    with pytest.raises(sp.SolveError, match="another unit registry"):
        sp.solve(deal, "courses.price", "coverage", pint.UnitRegistry().Quantity(100, "percent"))


def test_a_flag_takes_true_or_false_only(tmp_path: Path) -> None:
    """charts='no' is truthy: it would draw the charts it means to leave out."""
    ev = sp.evaluate(sp.load(sp.example_path()))
    flag: Any = "no"
    with pytest.raises(sp.ArgumentTypeError, match=r"^charts: expected True or False, got 'no'"):
        sp.report_html(ev, charts=flag)
    with pytest.raises(sp.ArgumentTypeError, match=r"^charts: expected True or False"):
        sp.write_report(ev, tmp_path / "r.html", charts=flag)
    assert not (tmp_path / "r.html").exists()
    with pytest.raises(sp.ArgumentTypeError, match=r"^only_existing: expected True or False"):
        sp.pin_expectations(tmp_path / "x.yaml", only_existing=flag)


@pytest.mark.parametrize(
    ("tolerance", "loc", "words"),
    [
        (
            "abc",
            ("tolerance",),
            r"^expected a number followed by a unit: expected a tolerance \(e\.g\. '0\.01'\), got 'abc'$",
        ),
        ({"coverage": "abc"}, ("tolerance", "coverage"), r"^expected a number followed by a unit"),
        ([1], ("tolerance",), r"^Input should be a tolerance, or a mapping$"),
    ],
)
def test_a_bad_tolerance_is_one_error_without_the_unions_branches(
    tolerance: Any, loc: tuple[str, ...], words: str
) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as e:
        sp.Expectations.model_validate({"coverage": 0.9, "tolerance": tolerance})
    errors = e.value.errors()
    assert len(errors) == 1
    assert errors[0]["loc"] == loc  # the value's own place: a mapping's entry by its result's name
    assert re.search(words, errors[0]["msg"]), errors[0]["msg"]


def test_compare_labels_a_result_with_each_sides_own_words(tmp_path: Path) -> None:
    """A's company is Nordjysk Emballage A/S over 2026–2029; B's is Nordic Logistics A/S over one year."""
    from typer.testing import CliRunner

    from socialpartner.cli import app

    a, b = ROOT / "examples" / "spin_off_packing.yaml", ROOT / "examples" / "supplier_facility.yaml"
    result = CliRunner().invoke(app, ["compare", str(a), str(b), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    rows = {row["result"]: row for row in json.loads(result.output)["results"]}
    assert rows["net.company"]["label"] == "net: Nordjysk Emballage A/S (A); net: Nordic Logistics A/S (B)"
    assert rows["jobs"]["label"] == "jobs in 2029 (headcount) (A); jobs (headcount) (B)"
    assert rows["coverage"]["label"] == "coverage"  # the same words on both sides: once
