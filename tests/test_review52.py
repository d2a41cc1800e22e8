"""Review 52 (a SØV manager negotiating a three-year deal in Danish): what it found, fixed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app

from .conftest import example_with

runner = CliRunner()

# the bundled example at a course price 0.12 DKK short of covering: overhead 20 × 3 × 15 × 52 = 46,800.00;
# courses 3 × 12,033.33 × 12 = 433,199.88; funding 479,999.88 of 480,000.00: coverage 0.99999975 exactly,
# which six decimals round to 1.000000 and seven to 0.9999998 (half up)
SHORT = example_with(courses={"price": "12033.33 DKK/month"})


def test_a_coverage_just_short_of_one_is_never_reported_as_one() -> None:
    """F1: 0.03 DKK short, the table showed 99.999999 % but --explain, JSON and `test` said 1.000000. Every
    format now keeps a ratio beside 1 off 1, as the table does, with the fewest decimals that do."""
    ev = sp.evaluate(sp.from_data(SHORT))
    assert str(ev.cost_split.shortfall) == "0.12"
    assert ev.explain("coverage").value == "0.9999998 (99.99998 %)"
    assert ev.to_dict()["cost_split"]["coverage"] == "0.9999998"
    # a ratio not beside 1 keeps its six decimals (the bundled example: 442,800 / 480,000 = 0.9225)
    assert sp.evaluate(sp.load(sp.example_path())).to_dict()["cost_split"]["coverage"] == "0.922500"


def test_expect_coverage_one_fails_a_deal_just_short(tmp_path: Path) -> None:
    """F1: `expect: coverage: 1` passed a deal 0.12 DKK short; the exact figure, as a ratio or a percentage,
    passes."""
    path = tmp_path / "short.yaml"
    outputs = {}
    for written in ("1", "0.99999975", "99.999975 %"):
        path.write_text(yaml.safe_dump({**SHORT, "expect": {"coverage": written}}), encoding="utf-8")
        result = runner.invoke(app, ["test", str(path)])
        outputs[written] = (result.exit_code, result.output)
    assert outputs["1"][0] == 1
    assert "coverage: expected 1.0000000, actual 0.9999998, difference -0.0000002" in outputs["1"][1]
    assert outputs["0.99999975"][0] == 0
    assert outputs["99.999975 %"][0] == 0


def test_the_solver_says_which_target_no_value_reaches() -> None:
    """F4: "no value between 0 and 20 percent reaches the target: …" never said the target, though a
    negotiator tries one after another. The bundled example at an overhead of 0 to 30 DKK/h: courses
    396,000 / 480,000 = 0.8250 at 0; + 30 × 2,340 h = 466,200 / 480,000 = 0.97125 at 30; 110 % is out of reach."""
    with pytest.raises(sp.SolveError) as caught:
        sp.solve(sp.load(sp.example_path()), "temp_hours.overhead", "coverage", Decimal("1.1"), high=30)
    assert str(caught.value).startswith(
        "no value between 0 and 30 DKK / hour reaches the target of 1.1000: coverage is 0.8250 at the low end and "
        "0.9713 at the high end, below the target at every value tried"
    )
