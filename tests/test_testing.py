"""Scenarios users can unit-test: the expect: block, `socialpartner test`, `pin`, the pytest plugin."""

from __future__ import annotations

import copy
import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app
from socialpartner.scenario import from_data
from socialpartner.testing import check_expectation, explain_result

from .conftest import EXAMPLE, ROOT

runner = CliRunner()

EXAMPLES = {
    "shared_responsibility": ROOT / "examples" / "ikea_rebild.yaml",
    "supplier": ROOT / "examples" / "supplier_facility.yaml",
    "labour_shortage": ROOT / "examples" / "labour_shortage_site.yaml",
    "in_house": ROOT / "examples" / "in_house_packing.yaml",
    "spin_off": ROOT / "examples" / "spin_off_packing.yaml",
}
MUNICIPALITY = {"name": "Rebild Kommune", "code": 840}
PUBLIC = {"year": 2026, "weeks_on_support": 0}
HORIZON = {"years": 2, "start_year": 2026, "wage_growth": "2 %", "price_growth": "2 %"}


def scenario(model: str, public: bool, horizon: bool) -> dict[str, Any]:
    """An example of ``model`` without its expect: block, with or without public: and horizon:."""
    data: dict[str, Any] = yaml.safe_load(EXAMPLES[model].read_text(encoding="utf-8"))
    data.pop("expect", None)
    if public:
        data.setdefault("municipality", MUNICIPALITY)
        data["public"] = copy.deepcopy(PUBLIC)
    if horizon:
        data["horizon"] = copy.deepcopy(HORIZON)
    return data


MATRIX = [
    pytest.param(
        model,
        public,
        horizon,
        id=f"{model}-{'public' if public else 'no_public'}-{'horizon' if horizon else 'one_period'}",
    )
    for model in EXAMPLES
    for public in (False, True)
    for horizon in (False, True)
    if not (horizon and model == "spin_off")  # a spin-off has its own years instead of a horizon
]


def write(path: Path, data: dict[str, Any]) -> Path:
    # the library's own writer: a float such as 1.023 is written 1.0230, never a Danish grouping
    from socialpartner.scenario import _Dumper

    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def ikea(expect: dict[str, Any]) -> sp.Partnership:
    data = scenario("shared_responsibility", False, False)
    data["expect"] = expect
    return from_data(data)


# -- test and pin on every kind of scenario ------------------------------------------------------


@pytest.mark.parametrize(("model", "public", "horizon"), MATRIX)
def test_pin_then_test_on_every_scenario(tmp_path: Path, model: str, public: bool, horizon: bool) -> None:
    path = write(tmp_path / "deal.yaml", scenario(model, public, horizon))
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 1, result.output  # no block yet: nothing to check, so it fails
    assert "0 passed, 1 failed" in result.output

    result = runner.invoke(app, ["pin", str(path)])
    assert result.exit_code == 0, result.output
    p = sp.load(path)
    assert p.expect is not None
    ev = sp.evaluate(p)
    names = list(p.expect.entries)
    # every result with a value is pinned: the headline results, every figure, and each year's
    assert names == [k for k, v in sp.pinned_results(ev).items()]
    assert {"coverage", "surplus", "shortfall", "cost", "funding", "jobs", "fte"} <= set(names)
    assert {f.key for f in ev.figures if f.value is not None} <= set(names)
    assert ("public.municipality" in names) is public
    periods = [part.ledger.period for part in ev.breakdown]
    if horizon:
        assert periods == ["2026", "2027"]
    text = path.read_text(encoding="utf-8")
    for period in periods:
        assert f"{period}.coverage" in names
        assert f"\n  # {period}\n  {period}.coverage: " in text  # each year's results under a heading
    if not periods:
        assert not any(name[:1].isdigit() for name in names)  # no per-year entries without years

    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(f"{len(names)} passed, 0 failed")
    for fmt in ("yaml", "json"):  # the pinned block survives a save, entries with no value included
        assert sp.loads(sp.dumps(p, fmt), fmt) == p


DANISH_DEAL = """\
number_format: da
model: shared_responsibility
name: Rebild – IKEA
period: 1 year
social_enterprise: {name: Huset Venture Nordjylland}
company: {name: IKEA}
municipality: {name: Rebild Kommune, code: 840}
temp_hours:
  workers: 3
  effective_hours: 15 t/uge
  wage_cost: 165,50 kr./time
  overhead: 20 kr./time
courses:
  participants: 3
  price: 11.000 kr./md.
support_staff:
  - role: socialpædagog
    fte: 1
    annual_cost: 480.000 kr./år
"""


def test_pin_writes_three_decimals_a_danish_file_reads_back(tmp_path: Path) -> None:
    # the spin-off's coverage is 1.023: written 1,023 it was refused by the same file's reader as
    # ambiguous (1,023 with a decimal comma, or 1023?); a fourth decimal says which
    text = (ROOT / "examples" / "spin_off_packing.yaml").read_text(encoding="utf-8").split("\nexpect:")[0]
    path = tmp_path / "udskillelse.yaml"
    path.write_text("number_format: da\n" + text.replace("fte: 0.5", 'fte: "0,5"') + "\n", encoding="utf-8")
    assert runner.invoke(app, ["pin", str(path)]).exit_code == 0
    assert "  coverage: 1,0230\n" in path.read_text(encoding="utf-8")
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 0, result.output
    assert " 0 failed" in result.output


def test_pin_writes_a_danish_file_in_its_own_number_format(tmp_path: Path) -> None:
    path = tmp_path / "aftale.yaml"
    path.write_text(DANISH_DEAL, encoding="utf-8")
    result = runner.invoke(app, ["pin", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(DANISH_DEAL)  # the inputs as they were
    # hours 3 × 15 × 52 = 2,340; overhead 20 × 2,340 = 46,800; courses 3 × 11,000 × 12 = 396,000;
    # funding 442,800 of 480,000: 92.25 %, 37,200 short. The company pays (165.50 + 20) × 2,340 = 434,070.
    # Break-even overhead (480,000 − 396,000) / 2,340 = 35.897… → 35.90; price 433,200 / 36 = 12,033.33.
    for line in (
        "  coverage: 0,9225\n",
        "  shortfall: 37.200,00\n",
        "  funding: 442.800,00\n",
        "  net.company: -434.070,00\n",
        "  break_even.temp_hours.overhead: 35,90 DKK/hour\n",
        "  break_even.courses.price: 12.033,33 DKK/month\n",
        "  jobs: 3\n",
        "  fte: 1,22\n",  # 2,340 hours a year / 1,924 = 1.216… FTE
        "  inclusive_jobs: 3\n",  # the 3 fleksjob: no ordinary post among them
        "  inclusive_fte: 1,22\n",
    ):
        assert line in text, line
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "16 passed, 0 failed"
    # pinning again finds every entry already right, written the Danish way
    again = sp.pin_expectations(path)
    assert (again.added, again.changed, again.removed) == ((), (), ())
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(("model", "public", "horizon"), MATRIX)
def test_a_changed_input_fails_with_expected_and_actual(
    tmp_path: Path, model: str, public: bool, horizon: bool
) -> None:
    path = write(tmp_path / "deal.yaml", scenario(model, public, horizon))
    sp.pin_expectations(path)
    # one support-staff salary up by 1,000.00 DKK a year: the cost moves by exactly that
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    staff = (
        data["years"][0]["support_staff"][0]
        if model == "spin_off"
        else (data.get("support_staff") or data["supervision"])[0]
    )
    before = Decimal(staff["annual_cost"].split()[0])
    staff["annual_cost"] = f"{before + 1000} DKK/year"
    write(path, data)
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 1, result.output
    cost = sp.evaluate(sp.load(path)).cost_split.cost
    old = cost - 1000 if not horizon else None
    lines = result.output.splitlines()
    cost_line = next(line for line in lines if line.startswith(f"{path}: cost: "))
    if old is not None:
        assert cost_line == f"{path}: cost: expected {old:,.2f} DKK, actual {cost:,.2f} DKK, difference +1,000.00 DKK"
    else:  # year 1 of the horizon is 1,000.00 up; year 2 grows it by the 2 % wage growth
        assert f"{path}: 2026.cost: " in result.output
        assert "difference +1,000.00 DKK" in result.output
        assert "difference +1,020.00 DKK" in result.output
    assert "expected" in cost_line
    assert "actual" in cost_line
    assert lines[-1].endswith("failed")
    assert " 0 failed" not in lines[-1]


# -- comparison, worked by hand ------------------------------------------------------------------


def test_the_readme_figures_hold() -> None:
    ev = sp.evaluate(sp.load(EXAMPLE))
    results = {r.name: r for r in sp.check_expectations(ev)}
    assert all(r.passed for r in results.values())
    # 442,800.00 / 480,000.00 = 0.9225; 480,000.00 − 442,800.00 = 37,200.00
    assert results["coverage"].actual == Decimal("0.922500")
    assert results["shortfall"].actual == Decimal("37200.00")
    # overhead: (480,000 − 396,000 from courses) / 2,340 hours = 35.897… → 35.90 DKK/hour
    # course price: (480,000 − 46,800 overhead) / (3 participants × 12 months) = 12,033.33… DKK/month
    assert results["break_even.temp_hours.overhead"].actual == Decimal("35.90")
    assert results["break_even.courses.price"].unit == "DKK/month"
    assert results["break_even.courses.price"].actual == Decimal("12033.33")


@pytest.mark.parametrize(
    ("name", "value", "passed"),
    [
        ("coverage", 0.9225, True),
        ("coverage", "92.25 %", True),
        ("coverage", "0.92250049", True),  # rounds to 0.922500: ratios compare to six decimals
        ("coverage", "0.9225005", False),  # rounds half up to 0.922501
        ("coverage", 0.92, False),
        ("shortfall", 37200, True),
        ("shortfall", "37200 DKK", True),
        ("shortfall", "37200.004", True),  # money compares to the øre
        ("shortfall", "37200.005", False),  # 37,200.01
        ("shortfall", "3720000 øre", True),
        ("surplus", -37200, True),
        ("net.company", "-432900.00 DKK", True),
        ("break_even.courses.price", "12033.33 DKK/month", True),
        ("break_even.courses.price", 12033.33, True),  # a plain number is in the result's own unit
        ("break_even.courses.price", "144400 DKK/year", True),  # 144,400 / 12 = 12,033.33…
        ("break_even.courses.price", "12033.34 DKK/month", False),
        ("break_even.temp_hours.overhead", "35.90 DKK/hour", True),
        ("jobs", 3, True),
        ("jobs", 4, False),
        ("fte", 1.22, True),  # 3 × 15 h / 37 h = 1.2162 → 1.22
        ("fte", "45 hour/week", True),  # 45 / 37 = 1.2162 → 1.22
    ],
)
def test_comparison_precision(name: str, value: Any, passed: bool) -> None:
    p = ikea({name: value})
    (result,) = sp.check_expectations(sp.evaluate(p))
    assert result.passed is passed, str(result)


def test_failure_names_expected_actual_and_difference() -> None:
    p = ikea({"coverage": 0.93, "shortfall": 37000})
    coverage, shortfall = sp.check_expectations(sp.evaluate(p))
    # 0.9225 − 0.93 = −0.0075; 37,200.00 − 37,000.00 = 200.00
    assert str(coverage) == "coverage: expected 0.9300, actual 0.9225, difference -0.0075"
    assert coverage.difference == Decimal("-0.007500")
    assert str(shortfall) == "shortfall: expected 37000.00 DKK, actual 37200.00 DKK, difference +200.00 DKK"


@pytest.mark.parametrize(
    ("tolerance", "passed"),
    [
        (0.003, True),  # one value for all: covers coverage's 0.0025, not shortfall's 200 DKK (see below)
        ({"coverage": 0.003, "shortfall": 200}, True),
        ({"coverage": 0.002, "shortfall": 200}, False),
        ({"coverage": 0.003, "shortfall": "199.99 DKK"}, False),
        ({"coverage": "0.3 %", "shortfall": "1 %"}, True),  # 0.3 % of 0.92 = 0.00276; 1 % of 37,000 = 370
        ({"coverage": "0.25 %", "shortfall": "1 %"}, False),  # 0.25 % of 0.92 = 0.0023 < 0.0025
    ],
)
def test_tolerance(tolerance: Any, passed: bool) -> None:
    p = ikea({"coverage": 0.92, "shortfall": 37000, "tolerance": tolerance})
    results = sp.check_expectations(sp.evaluate(p))
    if not isinstance(tolerance, dict):  # one tolerance for all: 0.003 DKK is far from the 200 DKK gap
        assert [r.passed for r in results] == [True, False]
        return
    assert all(r.passed for r in results) is passed


def test_per_year_results_come_from_the_breakdown() -> None:
    data = scenario("shared_responsibility", False, True)
    data["expect"] = {"2026.coverage": 0.9225, "2027.shortfall": 0, "coverage": 0}
    ev = sp.evaluate(from_data(data))
    year1, year2, total = sp.check_expectations(ev)
    # year 1 is the one-year deal; year 2 grows wages and prices by 2 %, so every flow by 2 %
    # while the salary grows by 2 % too: 37,200.00 × 1.02 = 37,944.00 short
    assert year1.passed
    assert (year2.actual, year2.passed) == (Decimal("37944.00"), False)
    assert total.actual == Decimal("0.922500")  # (442,800 + 451,656) / (480,000 + 489,600)
    assert ev.breakdown[1].cost_split.shortfall == Decimal("37944.00")


def test_the_trace_of_a_result() -> None:
    ev = sp.evaluate(sp.load(EXAMPLE))
    trace = explain_result(ev, "coverage")
    assert trace is not None
    assert trace.startswith("coverage = 0.922500 (92.25 %)")
    assert explain_result(ev, "break_even.courses.price") == str(ev.explain("courses.price"))
    # a party's net is traced transfer by transfer: IKEA pays 386,100 + 46,800 = 432,900.00
    assert explain_result(ev, "net.company").startswith("net: IKEA = -432,900.00 DKK")  # type: ignore[union-attr]
    assert explain_result(ev, "no_such_result") is None
    horizon = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    assert explain_result(horizon, "2027.coverage") == str(horizon.explain("2027:coverage"))


# -- the block in the scenario -------------------------------------------------------------------


def test_evaluate_ignores_the_block_and_save_keeps_it(tmp_path: Path) -> None:
    with_block = sp.load(EXAMPLE)
    without = with_block.model_copy(update={"expect": None})
    assert with_block.expect is not None
    assert sp.evaluate(with_block).to_dict() == sp.evaluate(without).to_dict()  # the manifest too
    for suffix in (".yaml", ".json"):
        again = sp.load(sp.save(with_block, tmp_path / f"deal{suffix}"))
        assert again == with_block
        assert again.expect is not None
        assert list(again.expect.entries) == list(with_block.expect.entries)
        assert all(r.passed for r in sp.check_expectations(sp.evaluate(again)))


def test_the_block_is_in_the_schema() -> None:
    import jsonschema

    schema = sp.scenario_schema()
    data = scenario("shared_responsibility", False, False)
    data["expect"] = {"coverage": 0.9225, "break_even.courses.price": "12033.33 DKK/month", "tolerance": "1 %"}
    jsonschema.validate(data, schema)
    data["expect"]["coverage"] = [1]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


@pytest.mark.parametrize(
    ("expect", "loc", "words"),
    [
        ({"coverage": "100 DKK"}, "expect.coverage", "coverage is a ratio"),
        ({"shortfall": "5 %"}, "expect.shortfall", "shortfall is money"),
        ({"net.company": "5 DKK/hour"}, "expect.net.company", "net.company is money"),
        ({"break_even.courses.price": "35 DKK"}, "expect.break_even.courses.price", "is a price"),
        ({"jobs": "3 hour"}, "expect.jobs", "headcount"),
        ({"fte": "3 DKK"}, "expect.fte", "full-time equivalents"),
        ({"coverage": "about right"}, "expect.coverage", "a number or a quantity"),
        ({"coverage": "0.9 furlongs"}, "expect.coverage", "unknown unit"),
        ({"net company": 1}, "expect.net company", "not a result name"),
        ({"coverage": 1, "tolerance": {"cost": 1}}, "expect.tolerance.cost", "no expectation 'cost'"),
        ({"coverage": 1, "tolerance": "1 DKK"}, "expect.tolerance", "plain number or a percentage"),
        ({"coverage": 1, "tolerance": {"coverage": "1 DKK"}}, "expect.tolerance.coverage", "ratio"),
    ],
)
def test_bad_entries_are_named(expect: dict[str, Any], loc: str, words: str) -> None:
    data = scenario("shared_responsibility", False, False)
    data["expect"] = expect
    with pytest.raises(ValidationError) as info:
        from_data(data)
    errors = info.value.errors()
    assert any(".".join(map(str, e["loc"])) == loc and words in e["msg"] for e in errors), errors


@pytest.mark.parametrize(
    ("expect", "words"),
    [
        ({"company_net_gain": 1}, "no result 'company_net_gain' in this scenario; results: coverage"),
        ({"net.state": 1}, "no result 'net.state'"),
        ({"2027.coverage": 1}, "no period '2027' in this scenario (it has no horizon: or years)"),
    ],
)
def test_unknown_results_are_named_when_checked(expect: dict[str, Any], words: str) -> None:
    ev = sp.evaluate(ikea(expect))
    with pytest.raises(sp.ExpectationError, match=r"expect\.") as info:
        sp.check_expectations(ev)
    assert words in str(info.value)
    assert info.value.entry == next(iter(expect))


def test_a_figure_with_a_unit_of_the_wrong_kind() -> None:
    data = yaml.safe_load(EXAMPLES["labour_shortage"].read_text(encoding="utf-8"))
    data["expect"] = {"max_helper_price": "344 DKK", "helper_hours": "5 %"}
    ev = sp.evaluate(from_data(data))
    with pytest.raises(sp.ExpectationError, match=r"expect\.max_helper_price: wrong kind of unit \(money\)"):
        check_expectation(ev, "max_helper_price")
    with pytest.raises(sp.ExpectationError, match=r"expect\.helper_hours: a percentage, but helper_hours is in hour"):
        check_expectation(ev, "helper_hours")


def test_year_of_a_missing_period() -> None:
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data["expect"] = {"2031.coverage": 1}
    with pytest.raises(
        sp.ExpectationError, match=r"no period '2031' in this scenario \(its periods: 2026, 2027, 2028\)"
    ):
        sp.check_expectations(sp.evaluate(from_data(data)))


# -- the command line ----------------------------------------------------------------------------


def test_cli_test_folder_exit_codes_and_danish(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    shutil.copy(EXAMPLE, good)
    (tmp_path / "no_block.yaml").write_text("not: a scenario\n", encoding="utf-8")  # no expect: skipped
    hidden = tmp_path / ".cache"
    hidden.mkdir()
    (hidden / "x.yaml").write_text("expect: {}\n", encoding="utf-8")  # hidden folders are skipped
    result = runner.invoke(app, ["test", str(tmp_path)])
    assert (result.exit_code, result.output) == (0, "8 passed, 0 failed\n")

    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["expect"]["shortfall"] = 37000
    write(tmp_path / "sub_bad.yaml", data)
    result = runner.invoke(app, ["test", str(tmp_path), "--lang", "da"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{tmp_path / 'sub_bad.yaml'}: shortfall: forventet 37.000,00 kr., faktisk 37.200,00 kr., forskel +200,00 kr.",
        "15 bestået, 1 fejlet",
    ]

    (tmp_path / "broken.yaml").write_text("model: supplier\nexpect: {coverage: 1}\n", encoding="utf-8")
    result = runner.invoke(app, ["test", str(tmp_path)])
    assert result.exit_code == 2
    assert "broken.yaml: " in result.output
    assert "problems in the scenario" in result.output
    assert result.output.splitlines()[-1] == "15 passed, 1 failed, 1 error"


def test_cli_test_unknown_entry_and_missing_file(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["expect"]["company_net_gain"] = 1
    path = write(tmp_path / "deal.yaml", data)
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 2
    assert f"error: {path}: expect.company_net_gain: no result 'company_net_gain'" in result.output
    assert result.output.splitlines()[-1] == "8 passed, 0 failed, 1 error"  # the other entries still ran
    result = runner.invoke(app, ["test", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.output
    data["expect"] = {"coverage": "100 DKK"}
    write(path, data)
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 2
    assert "expect.coverage: coverage is a ratio" in result.output
    assert "got 100 DKK (money)" in result.output


def test_the_spreadsheet_lists_inputs_not_expectations(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from socialpartner.export import to_xlsx

    ws = load_workbook(to_xlsx(sp.evaluate(sp.load(EXAMPLE)), tmp_path / "deal.xlsx"))["Inputs"]
    keys = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert "courses.price" in keys
    assert not [k for k in keys if str(k).startswith("expect")]


# -- pin ----------------------------------------------------------------------------------------

COMMENTED = """\
# A deal agreed with the council in 2026.
name: Rebild – IKEA   # the title comes first here
model: shared_responsibility
social_enterprise: {name: Huset Venture Nordjylland}
company: {name: IKEA}
municipality: {name: Rebild Kommune, code: 840}

expect:
  # agreed in the council paper
  shortfall: 37000          # the gap we were told
  coverage: "92.25 %"       # as written in the paper
  company_net_gain: 1       # a result this model does not have
  tolerance: {shortfall: 0.5, company_net_gain: 1}

temp_hours:                 # vikartimer
  workers: 3
  effective_hours: 15 hour/week
  wage_cost: 165 DKK/hour
  overhead: 20 DKK/hour
courses: {participants: 3, price: 11000 DKK/month}
support_staff:
  - {role: socialpædagog, fte: 1, annual_cost: 480000 DKK/year,
     note_free: false}
# the end
"""


def test_pin_keeps_comments_and_key_order(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(COMMENTED.replace(",\n     note_free: false}", "}"), encoding="utf-8")
    original = path.read_text(encoding="utf-8")
    pinned = sp.pin_expectations(path)
    assert pinned.changed == ("shortfall",)  # coverage "92.25 %" already states 0.9225: left as written
    assert pinned.removed == ("company_net_gain",)
    assert "jobs" in pinned.added
    assert "coverage" not in pinned.added
    text = path.read_text(encoding="utf-8")
    # everything outside the block is unchanged, byte for byte
    head, tail = (
        original.split("expect:\n")[0],
        original.split("  tolerance: {shortfall: 0.5, company_net_gain: 1}\n")[1],
    )
    assert text.startswith(head)
    assert text.endswith(tail)
    block = text[len(head) : len(text) - len(tail)]
    lines = block.splitlines()
    assert lines[:4] == [
        "expect:",
        "  # agreed in the council paper",
        "  shortfall: 37200.00       # the gap we were told",  # the comment keeps its column
        '  coverage: "92.25 %"       # as written in the paper',
    ]
    assert lines[-1] == "  tolerance: {shortfall: 0.5}"  # stays last; its stale entry goes
    assert "  jobs: 3" in lines
    assert "  break_even.courses.price: 12033.33 DKK/month" in lines
    # pinning again changes nothing
    again = sp.pin_expectations(path)
    assert (again.added, again.changed, again.removed) == ((), (), ())
    assert path.read_text(encoding="utf-8") == text
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 0
    assert result.output.endswith("16 passed, 0 failed\n")


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_pin_writes_a_windows_file_with_its_own_line_endings(tmp_path: Path, suffix: str, bom: str) -> None:
    # a file saved on Windows (CRLF, perhaps a BOM) got its new expect: lines in LF: mixed line endings
    path = tmp_path / f"deal{suffix}"
    data = scenario("labour_shortage", False, False)
    text = (
        json.dumps(data, indent=2) if suffix == ".json" else "# from Windows\n" + yaml.safe_dump(data, sort_keys=False)
    )
    if suffix == ".yaml":  # an expect: block with comments on its lines: ruamel keeps them with their CR
        text += "expect:\n  # agreed\n  coverage: 0.95   # aftalt\n  jobs: 3\n"
    path.write_bytes((bom + text.replace("\n", "\r\n")).encode("utf-8"))
    sp.pin_expectations(path)
    raw = path.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n") > text.count("\n")  # every line CRLF, the block's too
    assert b"\r\r" not in raw
    assert raw.startswith(bom.encode("utf-8") + (b"{" if suffix == ".json" else b"#"))  # the mark stays
    assert all(r.passed for r in sp.check_expectations(sp.evaluate(sp.load(path))))
    again = sp.pin_expectations(path)
    assert (again.added, again.changed, again.removed) == ((), (), ())
    assert path.read_bytes() == raw


def test_pin_existing_only_and_a_broken_block(tmp_path: Path) -> None:
    data = scenario("labour_shortage", False, False)
    data["expect"] = {"net.company": "5 hour", "coverage": 7}  # wrong kind, wrong value
    path = tmp_path / "deal.yaml"
    path.write_text(
        yaml.safe_dump(data, sort_keys=False).replace("model: labour_shortage", "model: labour_shortage  # builder"),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError):
        sp.load(path)  # the block itself is invalid: pin replaces it all the same
    result = runner.invoke(app, ["pin", str(path), "--existing"])
    assert result.exit_code == 0, result.output
    assert "0 added, 2 changed, 0 removed" in result.output
    p = sp.load(path)
    assert p.expect is not None
    # 99,840.00: the company's gain from freed skilled hours less the helper hours it buys
    assert {k: v.magnitude for k, v in p.expect.entries.items() if v is not None} == {
        "net.company": 99840,
        "coverage": 1.2896,
    }
    assert "model: labour_shortage  # builder" in path.read_text(encoding="utf-8")


def test_pin_a_json_scenario(tmp_path: Path) -> None:
    path = tmp_path / "deal.json"
    path.write_text(json.dumps(scenario("in_house", False, False), indent=2), encoding="utf-8")
    sp.pin_expectations(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert list(doc)[-1] == "expect"
    assert doc["expect"]["coverage"] == 1.04  # 1,040,000 / 1,000,000
    assert doc["expect"]["break_even.price"] == "218.08 DKK/hour"
    assert all(r.passed for r in sp.check_expectations(sp.evaluate(sp.load(path))))


def test_pin_refuses_what_is_not_a_scenario(tmp_path: Path) -> None:
    twice = tmp_path / "twice.json"
    twice.write_text('{"model": "supplier", "model": "in_house"}', encoding="utf-8")
    result = runner.invoke(app, ["pin", str(twice)])
    assert result.exit_code == 2
    assert "duplicate key 'model'" in result.output
    path = tmp_path / "deal.yaml"
    path.write_text("- a list\n", encoding="utf-8")
    result = runner.invoke(app, ["pin", str(path)])
    assert result.exit_code == 2
    assert "a scenario must be a mapping" in result.output
    path.write_text("model: supplier\nname: x\n", encoding="utf-8")
    result = runner.invoke(app, ["pin", str(path)])
    assert result.exit_code == 2
    assert "problems in the scenario" in result.output
    assert path.read_text(encoding="utf-8") == "model: supplier\nname: x\n"  # left as it was


@settings(max_examples=25, deadline=None)
@given(
    price=st.integers(min_value=1, max_value=5_000_000).map(lambda c: Decimal(c) / 100),
    overhead=st.integers(min_value=0, max_value=100_000).map(lambda c: Decimal(c) / 100),
    workers=st.integers(min_value=0, max_value=40),
)
def test_pinned_results_always_hold(price: Decimal, overhead: Decimal, workers: int) -> None:
    data = scenario("shared_responsibility", False, False)
    data["courses"]["price"] = f"{price} DKK/month"
    data["temp_hours"]["overhead"] = f"{overhead} DKK/hour"
    data["temp_hours"]["workers"] = workers
    ev = sp.evaluate(from_data(data))
    # what pin writes, read back as a block (through YAML, as a file would be), holds exactly
    block = sp.Expectations.model_validate(
        yaml.safe_load(
            yaml.safe_dump(
                {k: v if isinstance(v, str) or v is None else float(v) for k, v in sp.pinned_results(ev).items()}
            )
        )
    )
    results = sp.check_expectations(ev, block)
    assert results
    assert all(r.passed for r in results), [str(r) for r in results if not r.passed]


# -- the pytest plugin ---------------------------------------------------------------------------


def test_plugin_collects_reports_and_passes_after_pin(pytester: pytest.Pytester) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["expect"]["coverage"] = 0.95
    folder = pytester.mkdir("scenarios")
    write(folder / "test_deal.yaml", data)
    write(folder / "deal.yaml", data)  # not test_*.yaml: not collected
    plain = scenario("supplier", False, False)
    write(folder / "test_plain.yaml", plain)  # no expect: block: not collected
    result = pytester.runpytest("-p", "socialpartner.pytest_plugin", "scenarios", "-v")
    result.assert_outcomes(passed=7, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*test_deal.yaml::coverage FAILED*",
            "*test_deal.yaml::shortfall PASSED*",
            "*test_deal.yaml: coverage: expected 0.9500, actual 0.9225, difference -0.0275",
            "*how the actual value is computed:*",
            "*coverage = 0.922500 (92.25 %)*",
            "*= total funding / support-staff cost = 442,800.00 DKK / 480,000.00 DKK*",
        ]
    )
    sp.pin_expectations(folder / "test_deal.yaml")  # coverage corrected, the other six results added
    result = pytester.runpytest("-p", "socialpartner.pytest_plugin", "scenarios")
    result.assert_outcomes(passed=16)


def test_plugin_reports_a_bad_scenario_without_a_traceback(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", test_bad="model: supplier\nname: x\nexpect: {coverage: 1}\n")
    pytester.makefile(".yaml", test_unknown=EXAMPLE.read_text(encoding="utf-8") + "  company_net_gain: 1\n")
    result = pytester.runpytest("-p", "socialpartner.pytest_plugin", "--continue-on-collection-errors")
    result.assert_outcomes(passed=8, failed=1, errors=1)
    result.stdout.fnmatch_lines(["*test_bad.yaml: * in the scenario:*", "*expect.company_net_gain: no result*"])
    assert "Traceback" not in result.stdout.str()


def test_the_plugin_ini_option(pytester: pytest.Pytester) -> None:
    shutil.copy(EXAMPLE, pytester.path / "deal.scenario.yaml")
    pytester.makeini("[pytest]\nsocialpartner_files = *.scenario.yaml\n")
    result = pytester.runpytest("-p", "socialpartner.pytest_plugin")
    result.assert_outcomes(passed=8)


def test_the_docs_workflow_is_what_happens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    page = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    deal, pinned, parameters = re.findall(r"```yaml\n(.*?)```", page, re.DOTALL)[:3]
    pin_output, test_output = re.findall(r"```text\n(.*?)```", page, re.DOTALL)[:2]
    monkeypatch.chdir(tmp_path)
    Path("deal.yaml").write_text(deal, encoding="utf-8")
    result = runner.invoke(app, ["pin", "deal.yaml"])
    assert result.output == pin_output
    text = Path("deal.yaml").read_text(encoding="utf-8")
    assert text == deal.split("expect:\n")[0] + pinned  # the rest of the file is untouched
    Path("deal.yaml").write_text(text.replace("public:\n", parameters + "public:\n"), encoding="utf-8")
    result = runner.invoke(app, ["test", "deal.yaml"])
    assert result.exit_code == 1
    assert result.output == test_output
    danish = runner.invoke(app, ["test", "deal.yaml", "--lang", "da"]).output
    assert "forventet -1.135.372,80 kr., faktisk -1.143.264,00 kr., forskel -7.891,20 kr." in danish


def test_no_value_is_pinned_as_null_and_a_value_appearing_fails(tmp_path: Path) -> None:
    # a pinned suite could not say "no value": with the SØV never standing on its own (2029's
    # parent share 46.67 % above a 46.66 % threshold) pin left stand_alone_year out, and when it
    # stood on its own from 2029 (threshold back at 50 %) the suite still passed
    text = (ROOT / "examples" / "spin_off_packing.yaml").read_text(encoding="utf-8").split("\nexpect:")[0]
    path = tmp_path / "udskillelse.yaml"
    path.write_text(text.replace("split_year: 2028", "independence_threshold: 46.66 %\nsplit_year: 2028") + "\n")
    assert runner.invoke(app, ["pin", str(path)]).exit_code == 0
    pinned = path.read_text(encoding="utf-8")
    assert "  stand_alone_year: null\n" in pinned
    p = sp.load(path)
    assert p.expect is not None
    assert p.expect.entries["stand_alone_year"] is None
    assert all(r.passed for r in sp.check_expectations(sp.evaluate(p)))
    # a save keeps the null (before: it was left out, and the test with it)
    for suffix in ("yaml", "json"):
        saved = sp.load(sp.save(p, tmp_path / f"saved.{suffix}"))
        assert saved == p
        assert saved.expect is not None
        assert list(saved.expect.entries) == list(p.expect.entries)
    path.write_text(pinned.replace("independence_threshold: 46.66 %", "independence_threshold: 50 %"))
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 1, result.output
    assert "stand_alone_year: expected no value, actual 2029" in result.output
    # re-pinned, the value is written where the null was
    assert runner.invoke(app, ["pin", str(path)]).exit_code == 0
    assert "  stand_alone_year: 2029\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "value"), [("jobs", 16.49), ("jobs", 10.5)])
def test_a_count_expected_with_decimals_is_an_error(name: str, value: float) -> None:
    # jobs: 16.49 passed for 16 jobs (rounded to whole people), and 10.5 failed as "expected 11"
    block = sp.Expectations.model_validate({name: value})
    with pytest.raises(sp.ExpectationError, match=rf"{name} is a whole number \(people, or a year\): got {value}"):
        sp.check_expectations(sp.evaluate(sp.load(EXAMPLE)), block)


def test_a_payback_year_that_is_no_longer_needed_is_a_failure() -> None:
    # a party whose net never falls below zero has no payback year: "no result payback.workers in
    # this scenario" (exit 2, as for a misspelt name) becomes a failure, or a pass for null
    ev = sp.evaluate(sp.load(ROOT / "examples" / "spin_off_packing.yaml"))
    block = sp.Expectations.model_validate({"payback.workers": 2029, "payback.suppliers": None})
    failed, passed = sp.check_expectations(ev, block)
    assert not failed.passed
    assert str(failed) == "payback.workers: expected 2029, actual no value"
    # a year is its number alone, never grouped, in either language (not "2,029" or "2029 year")
    assert failed.unit == "year"
    assert failed.line(grouped=True) == "payback.workers: expected 2029, actual no value"
    assert failed.line("da", grouped=True) == "payback.workers: forventet 2029, faktisk ingen værdi"
    assert passed.passed
    with pytest.raises(sp.ExpectationError, match=r"no result 'payback\.nobody'"):
        sp.check_expectations(ev, sp.Expectations.model_validate({"payback.nobody": 2029}))


def test_a_payback_year_expected_where_none_is_reached_reads_as_a_year() -> None:
    # IKEA's net is below zero in every year of the 3-year example: no payback year (no value);
    # the command line's lines are grouped, but a year is not ("2027", not "2,027" or "2027 year")
    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    (failed,) = sp.check_expectations(ev, sp.Expectations.model_validate({"payback.company": 2027}))
    assert not failed.passed
    assert failed.line(grouped=True) == "payback.company: expected 2027, actual no value"
    assert failed.line("da", grouped=True) == "payback.company: forventet 2027, faktisk ingen værdi"


def test_a_file_named_with_nothing_to_check_fails(tmp_path: Path) -> None:
    # a pinned file whose expect: block was deleted (or emptied) must not pass a CI run unheard
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for name, block in (("deleted.yaml", None), ("emptied.yaml", {})):
        if block is None:
            data.pop("expect", None)
        else:
            data["expect"] = block
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        result = runner.invoke(app, ["test", str(path)])
        assert result.exit_code == 1, result.output
        assert f"{path}: no expect: block, nothing to check (socialpartner pin {path} writes one)" in result.output
        assert result.output.strip().endswith("0 passed, 1 failed")
    # a folder holds only the files with a block: the one without is not taken, the example passes
    (tmp_path / "emptied.yaml").unlink()
    (tmp_path / "kept.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert runner.invoke(app, ["test", str(tmp_path)]).exit_code == 0
