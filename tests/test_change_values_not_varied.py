"""A horizon change's value is not an input to vary: solve, sweep and tornado say so and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

import socialpartner as sp

ROOT = Path(__file__).resolve().parents[1]
PATH = "horizon.changes.0.set.temp_hours.workers"
HOW = (
    "to find it, take the change out and vary temp_hours.workers with a target in the change's years "
    "(e.g. YEAR.net.PARTY), or evaluate copies of the scenario with each value"
)


def test_a_changes_value_is_refused_saying_what_to_do() -> None:
    three = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml")
    assert three.horizon is not None
    assert three.horizon.changes[0].set == {"temp_hours.workers": 4}
    with pytest.raises(sp.SolveError) as solved:
        sp.solve(three, PATH, "2028.coverage", 1)
    assert str(solved.value) == f"{PATH}: a horizon change's value cannot be solved for; {HOW}"
    with pytest.raises(sp.SweepError) as swept:
        sp.sweep(three, {PATH: [3, 5]})
    assert str(swept.value) == f"{PATH}: a horizon change's value cannot be varied; {HOW}"
    with pytest.raises(sp.SweepError, match="a horizon change's value cannot be varied"):
        sp.tornado(three, {PATH: (3, 5)})


def test_a_paired_sweep_of_unequal_lengths_names_each_input() -> None:
    deal = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    values = {"courses.price": ["9000 DKK/month"], "temp_hours.workers": [2, 3]}
    with pytest.raises(sp.SweepError) as caught:
        sp.sweep(deal, values, mode="paired")
    assert str(caught.value) == "paired values must have equal lengths, got courses.price: 1, temp_hours.workers: 2"


def test_a_range_end_with_a_unit_is_told_to_be_a_bare_number() -> None:
    from typer.testing import CliRunner

    from socialpartner.cli import app

    file = str(ROOT / "examples" / "ikea_rebild.yaml")
    out = CliRunner().invoke(app, ["sweep", file, "--vary", "courses.price=9000 DKK/month..14000:3"])
    assert out.exit_code == 2
    assert out.output.strip().endswith(
        "--vary courses.price: not a number (got '9000 DKK/month'); give a bare number in the unit the input is "
        "written in"
    )
