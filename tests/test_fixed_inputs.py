"""Inputs that describe a scenario (years, codes, weeks on support) are set, not varied."""

from __future__ import annotations

import pytest

import socialpartner as sp

from .conftest import ROOT


@pytest.mark.parametrize(
    "path",
    ["public.weeks_on_support", "public.year", "horizon.years", "horizon.start_year", "municipality.code"],
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
