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


def test_a_range_end_with_a_unit_is_read_in_the_inputs_unit(tmp_path: Path) -> None:
    # courses.price is written per month (11000 DKK/month): 108,000 DKK a year is 9,000 a
    # month and 168,000 a year 14,000, so the range is the bare 9000..14000 exactly, and
    # 9000 DKK/month beside a bare 14000 is the same range again
    import json

    from typer.testing import CliRunner

    from socialpartner.cli import app

    runner = CliRunner()
    file = str(ROOT / "examples" / "ikea_rebild.yaml")
    csv = {}
    for i, spec in enumerate(
        (
            "courses.price=9000..14000:6",
            "courses.price=108000 DKK/year..168000 DKK/year:6",
            "courses.price=9000 DKK/month..14000:6",
        )
    ):
        target = tmp_path / f"v{i}.csv"
        out = runner.invoke(app, ["sweep", file, "--vary", spec, "--csv", str(target)])
        assert out.exit_code == 0, out.output
        csv[spec] = target.read_text(encoding="utf-8")
    assert len(set(csv.values())) == 1
    prices = [line.split(",")[0] for line in csv["courses.price=9000..14000:6"].splitlines()[1:]]
    assert prices == ["9000", "10000", "11000", "12000", "13000", "14000"]  # as a scenario writes them
    # one of another kind names the input's unit
    out = runner.invoke(app, ["sweep", file, "--vary", "courses.price=9000 DKK/hour..14000:3"])
    assert out.exit_code == 2
    assert out.output.strip().endswith(
        "--vary courses.price: expected a number in DKK / month, or a quantity like it, got 9000 DKK/hour"
    )
    # agree reads its range by the same reader: 96,000..240,000 DKK/year is 8,000..20,000 a month
    plain = runner.invoke(app, ["agree", file, "--vary", "courses.price=8000..20000", "--format", "json"])
    united = runner.invoke(
        app, ["agree", file, "--vary", "courses.price=96000 DKK/year..240000 DKK/year", "--format", "json"]
    )
    assert plain.exit_code == 0, plain.output
    assert json.loads(united.output) == json.loads(plain.output)


@pytest.mark.parametrize(
    ("spec", "said"),
    [
        # 2..5 in 3 values steps by 1.5: 2, 3.5, 5; COUNT 2 (2, 5) or 4 (2, 3, 4, 5) step by whole people
        ("2..5:3", "2..5:3 steps by 1.5 and gives 3.5; give a COUNT of 2 or 4"),
        # 2..6 in 4 values steps by 4/3; the span 4 divides into 1, 2 or 4 steps: COUNT 2, 3 or 5
        ("2..6:4", "2..6:4 steps by 1.33333 and gives 3.33333; give a COUNT of 2, 3 or 5"),
        ("2.5..5:3", "LOW and HIGH must be whole, got 2.5..5"),
    ],
)
def test_a_headcount_range_between_whole_people_names_a_value_and_the_counts_that_fit(spec: str, said: str) -> None:
    from typer.testing import CliRunner

    from socialpartner.cli import app

    out = CliRunner().invoke(
        app, ["sweep", str(ROOT / "examples" / "ikea_rebild.yaml"), "--vary", f"temp_hours.workers={spec}"]
    )
    assert out.exit_code == 2
    assert out.output.strip() == f"error: --vary: temp_hours.workers is a number of people: {said}"


def test_a_headcount_sweep_in_python_names_the_value_that_is_not_whole() -> None:
    deal = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    with pytest.raises(
        sp.SweepError, match=r"^temp_hours\.workers: expected whole numbers of people \(0 or more\), got 3\.5$"
    ):
        sp.sweep(deal, {"temp_hours.workers": [2, 3.5, 5]})
