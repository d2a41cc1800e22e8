"""Inputs that price something at nothing by a slip are refused, naming the field, never priced silently."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import socialpartner as sp

from .conftest import EXAMPLE

THREE_YEARS = EXAMPLE.parent / "ikea_rebild_3_years.yaml"


def _three_years() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(THREE_YEARS.read_text(encoding="utf-8"))
    data.pop("expect", None)
    return data


@pytest.mark.parametrize("wage", ["0 kr./time", "0 DKK/hour", 0.0])
def test_a_fleksjob_wage_of_zero_is_a_check_not_met(wage: Any) -> None:
    # at L = 0 the lønloft leaves no fleksløntilskud: the municipality would seem to "save" the
    # whole ledighedsydelse of every fleksjob (1,084,604.50 against 133,390.00 in a reviewer's
    # deal). Kept (a sweep of the wage from 0 is an analysis), but never silent.
    data = _three_years()
    data["public"]["fleksjob_wage"] = wage
    checks = [c for c in sp.evaluate(sp.from_data(data)).checks if "above 0" in c.criterion]
    assert [c.status for c in checks] == ["not met"]
    assert checks[0].reason.startswith("public.fleksjob_wage is 0: at a wage of 0 the lønloft leaves no")


def test_a_change_to_a_fleksjob_wage_of_zero_names_its_years() -> None:
    data = _three_years()
    data["horizon"]["changes"] = [{"year": 2027, "set": {"public.fleksjob_wage": "0 DKK/hour"}}]
    checks = [c for c in sp.evaluate(sp.from_data(data)).checks if "above 0" in c.criterion]
    assert len(checks) == 1
    assert checks[0].reason.startswith("public.fleksjob_wage is 0 in 2027, 2028:")


def test_a_progression_fleksjob_wage_of_zero_is_a_check_not_met() -> None:
    data = _three_years()
    data["horizon"]["progression"]["fleksjob_wage"] = "0 DKK/hour"
    checks = [c for c in sp.evaluate(sp.from_data(data)).checks if "above 0" in c.criterion]
    assert [c.criterion for c in checks] == [
        "the fleksjob wage incl. pension (horizon.progression.fleksjob_wage) is above 0"
    ]
    assert all(c.status == "not met" for c in checks)


def test_a_stated_fleksjob_wage_above_0_raises_no_such_check() -> None:
    data = _three_years()
    data["public"]["fleksjob_wage"] = "0.01 DKK/hour"  # odd, but a wage: no check of this kind
    assert not [c for c in sp.evaluate(sp.from_data(data)).checks if "above 0" in c.criterion]


def test_a_post_of_no_fte_with_a_full_cost_is_refused() -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("expect")
    data["support_staff"][0]["fte"] = 0
    with pytest.raises(ValidationError, match=r"fte: 0, but annual_cost states a cost of 480000 DKK / year"):
        sp.from_data(data)


def test_a_post_of_no_fte_costed_per_fte_or_at_nothing_is_taken() -> None:
    # 0 FTE × 460,000 = 0, and 0 FTE at an annual cost of 0: nothing is priced that is not worked
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("expect")
    staff = data["support_staff"][0]
    per_fte = copy.deepcopy(data)
    per_fte["support_staff"] = [*data["support_staff"], {"role": "x", "fte": 0, "cost_per_fte": "460000 DKK/year"}]
    nothing = copy.deepcopy(data)
    nothing["support_staff"] = [*data["support_staff"], {"role": "x", "fte": 0, "annual_cost": "0 DKK/year"}]
    for variant in (per_fte, nothing):
        ev = sp.evaluate(sp.from_data(variant))
        assert ev.cost_split.cost == sp.Q_(staff["annual_cost"]).magnitude  # 480,000.00, as without the post
