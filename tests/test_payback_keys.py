"""Every payback column a sweep has is a result evaluate names: None where the sweep has NaN."""

from __future__ import annotations

import math
from typing import Any

import pytest

import socialpartner as sp

from .conftest import ROOT, scenario_matrix, sweep_as_given

MULTI = [(n, d) for n, d in scenario_matrix() if "horizon" in d or d["model"] == "spin_off"]


@pytest.mark.parametrize(("name", "data"), MULTI, ids=[n for n, _ in MULTI])
def test_payback_columns_and_results_name_the_same_series(name: str, data: dict[str, Any]) -> None:
    deal = sp.from_data(data)
    ev = sp.evaluate(deal)
    frame = sweep_as_given(deal)
    columns = {c for c in frame.columns if c.startswith("payback.")}
    keys = {k for k in ev.results() if k.startswith("payback.")}
    assert columns == keys
    for key in keys:
        value, cell = ev.results()[key], frame[key].iloc[0]
        if value is None:
            assert math.isnan(cell), key
            with pytest.raises(sp.NoValueError):
                ev.result(key)
        else:
            assert cell == float(value), key


def test_a_series_never_below_zero_says_no_payback_is_needed() -> None:
    ev = sp.evaluate(sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml"))
    assert ev.results()["payback.workers"] is None  # the fleksjob workers only receive
    with pytest.raises(sp.NoValueError, match="never goes below zero: no payback is needed"):
        ev.result("payback.workers")
    with pytest.raises(sp.NoValueError, match="not back at or above zero within the years"):
        ev.result("payback.company")  # IKEA only pays: below zero, and never back
