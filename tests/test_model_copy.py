"""``model_copy(update=...)`` validates the update, as building the model anew would.

pydantic's own model_copy puts values in place unchecked; the README shows model_copy
for what-if variants, so an unchecked wrong unit would give wrong money silently.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from pydantic import ValidationError

import socialpartner as sp

from .conftest import ROOT


@pytest.fixture
def deal() -> sp.Partnership:
    return sp.load(sp.example_path())


def test_a_wrong_unit_in_an_update_is_refused(deal: sp.Partnership) -> None:
    with pytest.raises(ValidationError, match="wage_cost"):
        deal.temp_hours.model_copy(update={"wage_cost": sp.Q_(165, "DKK/month")})  # type: ignore[attr-defined]


def test_a_negative_headcount_and_an_unknown_key_are_refused(deal: sp.Partnership) -> None:
    with pytest.raises(ValidationError, match="workers"):
        deal.temp_hours.model_copy(update={"workers": -3})  # type: ignore[attr-defined]
    with pytest.raises(ValidationError, match="unknown key 'nope'"):
        deal.model_copy(update={"nope": 1})


def test_rules_between_fields_run_on_the_copy(deal: sp.Partnership) -> None:
    data = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml")
    assert data.horizon is not None
    with pytest.raises(ValidationError, match="horizon"):
        data.model_copy(update={"period": sp.Q_(2, "year")})


def test_a_valid_update_evaluates_like_the_same_scenario_written_out(deal: sp.Partnership) -> None:
    # 3 workers × 15 h × 52 weeks at 170 DKK/h plus the 20 DKK/h overhead: the company pays
    # 2,340 h × 190 = 444,600.00
    hours = deal.temp_hours.model_copy(update={"wage_cost": sp.Q_(np.float64(170.0), "DKK/hour")})  # type: ignore[attr-defined]
    copy = deal.model_copy(update={"temp_hours": hours})
    assert sp.evaluate(copy).ledger.net("company") == Decimal("-444600.00")
    assert isinstance(hours.wage_cost.magnitude, (int, float, Decimal))  # not a numpy scalar
    assert sp.loads(sp.dumps(copy)) == copy


def test_fields_left_at_their_default_stay_unset(deal: sp.Partnership) -> None:
    # a copy saves as the original would: defaults are not written out
    copy = deal.model_copy(update={"name": "Variant"})
    assert copy.model_fields_set == deal.model_fields_set | {"name"}
    assert sp.dumps(copy) == sp.dumps(deal).replace(f"name: {deal.name}", "name: Variant", 1)
