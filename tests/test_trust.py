"""Safe loading, reproducible output, manifests and explanations."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app
from socialpartner.scenario import from_data

from .conftest import EXAMPLE, ROOT
from .strategies import ALL_MODELS

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


# -- safe loading ---------------------------------------------------------------------------


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["model: supplier", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    with pytest.raises(sp.ScenarioError, match="more than 100,000 values"):
        sp.loads("\n".join(lines))


def test_cyclic_and_deep_data_is_refused() -> None:
    with pytest.raises(sp.ScenarioError, match="nested deeper"):
        sp.loads("model: supplier\nname: &a [*a]\n")
    with pytest.raises(sp.ScenarioError, match="nested deeper"):
        sp.loads('{"model": "supplier", "x": ' + "[" * 40 + "]" * 40 + "}", "json")
    with pytest.raises(sp.ScenarioError, match="not valid JSON"):
        sp.loads("[" * 100_000, "json")


def test_python_tags_and_huge_integers_are_refused() -> None:
    with pytest.raises(sp.ScenarioError, match="not valid YAML"):
        sp.loads("model: !!python/name:os.system\n")
    with pytest.raises(sp.ScenarioError, match="not valid YAML"):
        sp.loads("model: supplier\nname: " + "9" * 5000 + "\n")


@pytest.mark.parametrize(
    ("value", "code"),
    [("1e-400 DKK/hour", "too_small"), ("0.0000000001 DKK/hour", "too_small"), ("１２ DKK/hour", "quantity_syntax")],
)
def test_numbers_a_float_cannot_hold_are_refused(data: dict[str, Any], value: str, code: str) -> None:
    data["temp_hours"]["wage_cost"] = value
    with pytest.raises(ValidationError) as info:
        from_data(data)
    assert info.value.errors()[0]["type"] == code


def test_amounts_too_large_to_book_exactly_name_their_inputs(data: dict[str, Any]) -> None:
    # 3 workers × 15 h/week × 52 × 9e12 DKK/h ≈ 2.1e16 DKK is far beyond 1e15 DKK
    data["temp_hours"]["wage_cost"] = "9e12 DKK/hour"
    with pytest.raises(sp.LedgerError, match=r"check temp_hours\.wage_cost, temp_hours\.workers"):
        sp.evaluate(from_data(data))


# -- reproducibility ------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_json_output_is_byte_identical_across_processes(path: Path) -> None:
    def run() -> bytes:
        cmd = [sys.executable, "-m", "socialpartner", "evaluate", str(path), "--format", "json"]
        return subprocess.run(cmd, capture_output=True, check=True, timeout=60).stdout

    first, second = run(), run()
    assert first == second
    assert json.loads(first)["manifest"]["library_version"] == sp.__version__


def test_manifest_names_the_input(data: dict[str, Any], example: sp.SharedResponsibilityPartnership) -> None:
    ev = sp.evaluate(example)
    m = ev.manifest
    assert (m.library_version, len(m.input_sha256), len(m.parameter_set_version)) == (sp.__version__, 64, 16)
    # review 48 F13: the parameter file's own version, as the docs' parameter table names it, beside the hash
    assert m.parameter_file_version == sp.default_parameters().version
    page = (ROOT / "docs" / "parameters.md").read_text(encoding="utf-8")
    assert f"Parameter set version {m.parameter_file_version}." in page
    assert ev.to_dict()["manifest"]["parameter_file_version"] == m.parameter_file_version
    assert f"parameter set {m.parameter_file_version} ({m.parameter_set_version})" in sp.report_html(ev, charts=False)
    assert sp.evaluate(sp.load(EXAMPLE)).manifest == m  # same input, same manifest
    data["courses"]["price"] = "11001 DKK/month"
    assert sp.evaluate(from_data(data)).manifest.input_sha256 != m.input_sha256


# -- period invariant -----------------------------------------------------------------------


@given(
    st.sampled_from(["shared_responsibility", "supplier", "labour_shortage", "in_house"]).flatmap(
        lambda m: ALL_MODELS[m]()
    ),
    st.integers(1, 36),
)
def test_n_months_give_n_twelfths_of_a_year(data: dict[str, Any], months: int) -> None:
    year = copy.deepcopy(data)
    year["period"] = "12 month"
    part = copy.deepcopy(data)
    part["period"] = f"{months} month"
    full = sp.evaluate(from_data(year)).ledger
    some = sp.evaluate(from_data(part)).ledger
    assert len(full) == len(some)
    for a, b in zip(full, some, strict=True):
        # each is the exact amount rounded once: they differ from N/12 of the other by rounding only
        assert abs(Fraction(b.amount) - Fraction(a.amount) * months / 12) <= Fraction(1, 200) * (
            1 + Fraction(months, 12)
        )


# -- explanations ---------------------------------------------------------------------------


def test_explain_coverage(example: sp.SharedResponsibilityPartnership) -> None:
    exp = sp.evaluate(example).explain("coverage")
    assert exp.value == "0.922500 (92.25 %)"
    assert exp.formula == "total funding / support-staff cost = 442,800.00 DKK / 480,000.00 DKK"
    text = str(exp)
    for fragment in [
        "temp_hours.overhead = 20 DKK / hour",
        "courses.price = 11000 DKK / month",
        "support_staff.0.annual_cost = 480000 DKK / year",
        "1 year = 52 weeks = 12 months",
        "half up",
    ]:
        assert fragment in text
    assert exp.to_dict()["terms"][0]["value"] == "480,000.00 DKK"


def test_explain_break_even(example: sp.SharedResponsibilityPartnership) -> None:
    exp = sp.evaluate(example).explain("temp_hours.overhead")
    assert exp.value == "35.90 DKK/hour"
    # (480,000 − 396,000) / 2,340
    assert "(480,000.00 DKK − 396,000.00 DKK) / 2340.00" in exp.formula


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_topic_can_be_explained(path: Path) -> None:
    ev = sp.evaluate(sp.load(path))
    for topic in ev.topics():
        assert str(ev.explain(topic))


def test_unknown_topic_lists_the_known_ones(example: sp.SharedResponsibilityPartnership) -> None:
    with pytest.raises(KeyError, match="topics: coverage"):
        sp.evaluate(example).explain("margin")


def test_cli_explain() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "--explain", "coverage"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("coverage = 0.922500 (92.25 %)")
    as_json = runner.invoke(app, ["evaluate", "--explain", "shortfall", "--format", "json"])
    assert json.loads(as_json.stdout)[0]["value"] == "37,200.00 DKK"
    assert runner.invoke(app, ["evaluate", "--explain", "nope"]).exit_code == 2


def test_decimal_context_does_not_matter(example: sp.SharedResponsibilityPartnership) -> None:
    # amounts are computed in integers and Fractions, so a caller's decimal precision cannot change them
    import decimal

    with decimal.localcontext(decimal.Context(prec=5)):
        ev = sp.evaluate(example)
    assert ev.ledger.between("company", "social_enterprise") == Decimal("432900.00")
