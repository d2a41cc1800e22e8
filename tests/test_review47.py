"""Review 47 (a developer building notebooks on the Python API): what it found, fixed."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

import socialpartner as sp

from .conftest import example_with


@pytest.mark.parametrize(
    ("price", "expected"),
    [
        ("11000 kr. om md.", "11000 DKK / month"),  # F3: "om" before an abbreviation was "unknown unit 'om'"
        ("11000 kr. om mdr.", "11000 DKK / month"),
        ("132000 kr. om år", "132000 DKK / year"),
        ("11000 kr. om måneden", "11000 DKK / month"),
        ("11000 kr. pr. md.", "11000 DKK / month"),
    ],
)
def test_om_is_per_before_any_unit(price: str, expected: str) -> None:
    deal = sp.from_data(example_with(courses={"participants": 3, "price": price}))
    assert isinstance(deal, sp.SharedResponsibilityPartnership)
    assert str(deal.courses.price) == expected


def test_i_is_per_only_before_a_definite_form() -> None:
    hours: dict[str, Any] = {"workers": 3, "effective_hours": "15 timer i ugen", "wage_cost": "165 DKK/hour"}
    deal = sp.from_data(example_with(temp_hours={**hours, "overhead": "20 DKK/hour"}))
    assert isinstance(deal, sp.SharedResponsibilityPartnership)
    assert str(deal.temp_hours.effective_hours) == "15 hour / week"
    with pytest.raises(ValidationError, match=r"courses\.price"):  # "i alt" is no unit: refused, not read as per
        sp.from_data(example_with(courses={"participants": 3, "price": "11000 kr. i alt"}))


def test_a_wrong_kind_of_unit_is_named_in_words() -> None:
    """F2: "15 FTE/week" (FTE is hours per week already) read "[labour] / [time]**2"."""
    hours = {"workers": 3, "effective_hours": "15 FTE/week", "wage_cost": "165 DKK/hour", "overhead": "20 DKK/hour"}
    with pytest.raises(ValidationError) as caught:
        sp.from_data(example_with(temp_hours=hours))
    message = str(caught.value)
    assert "wrong kind of unit (hours per time^2): expected hours per week, month or year, per person" in message
    assert "[labour]" not in message
