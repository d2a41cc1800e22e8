"""Inputs that describe a scenario (years, codes, weeks on support) are set, not varied."""

from __future__ import annotations

import pytest

import socialpartner as sp

from .conftest import ROOT


@pytest.mark.parametrize(
    "path",
    ["public.weeks_on_support", "public.year", "horizon.years", "horizon.start_year", "municipality.code", "period"],
)
def test_inputs_that_describe_the_scenario_are_not_varied(path: str) -> None:
    deal = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml")
    with pytest.raises(sp.SweepError, match=f"{path}: cannot be varied"):
        sp.sweep(deal, {path: [3, 30]})
    with pytest.raises(sp.SweepError, match=f"{path}: cannot be varied"):
        sp.tornado(deal, {path: (3, 30)})
    with pytest.raises(sp.SolveError, match=f"{path}: cannot be solved for"):
        sp.solve(deal, path, "coverage", 1)


def test_a_spin_offs_yearly_inputs_still_vary() -> None:
    deal = sp.load(ROOT / "examples" / "spin_off_packing.yaml")
    frame = sp.sweep(deal, {"years.0.parent_purchases": ["900000 DKK/year", "2000000 DKK/year"]})
    assert len(frame) == 2


def test_arguments_that_are_not_mappings_are_refused_with_an_example() -> None:
    deal = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    with pytest.raises(sp.SweepError, match=r"ranges: expected a mapping of input paths, e\.g\."):
        sp.tornado(deal, ["courses.price"])  # type: ignore[arg-type]
    with pytest.raises(sp.SweepError, match="values: expected a mapping"):
        sp.sweep(deal, ["courses.price"])  # type: ignore[arg-type]
    with pytest.raises(sp.SweepError, match="inputs: expected a mapping"):
        sp.monte_carlo(deal, 5)  # type: ignore[arg-type]


def test_the_fte_of_a_post_costed_by_its_annual_cost_moves_nothing() -> None:
    deal = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    with pytest.warns(sp.ScenarioWarning, match=r"support_staff\.0\.fte: the post is costed by its annual_cost"):
        frame = sp.sweep(deal, {"support_staff.0.fte": [0.5, 1]})
    assert list(frame["coverage"]) == [0.9225, 0.9225]  # 442,800 / 480,000 either way
    # the solver says the result does not depend on the input, not that no value reaches it
    with pytest.raises(sp.SolveError, match=r"coverage is 0\.9225 for every value .* does not depend on this input"):
        sp.solve(deal, "support_staff.0.fte", "coverage", 1)
