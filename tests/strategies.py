"""Hypothesis strategies for valid scenarios, shared by the property tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st


def money(max_value: int, places: int = 2) -> st.SearchStrategy[Decimal]:
    """Non-negative decimals with at most ``places`` decimals."""
    return st.decimals(min_value=0, max_value=max_value, places=places, allow_nan=False, allow_infinity=False)


@st.composite
def shared_responsibility_data(draw: st.DrawFn) -> dict[str, Any]:
    """Scenario data for the three-party model, in the example's units."""
    overhead = draw(
        st.one_of(
            money(200).map(lambda v: f"{v} DKK/hour"),
            money(60, places=1).map(lambda v: f"{v} %"),
        )
    )
    staff = draw(
        st.lists(
            st.tuples(st.sampled_from(["socialpædagog", "jobkonsulent", "mentor"]), money(2, 1), money(900_000)),
            min_size=0,
            max_size=3,
        )
    )
    return {
        "model": "shared_responsibility",
        "name": draw(st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")),
        "period": draw(st.sampled_from(["1 year", "6 month", "2 year", "13 week", "3 month"])),
        "social_enterprise": {"name": "SØV"},
        "company": {"name": "Company"},
        "municipality": {"name": "Kommune", "code": draw(st.sampled_from([101, 840, 851, 492]))},
        "temp_hours": {
            "workers": draw(st.integers(0, 40)),
            "effective_hours": f"{draw(money(37))} hour/week",
            "wage_cost": f"{draw(money(400))} DKK/hour",
            "overhead": overhead,
        },
        "courses": {
            "participants": draw(st.integers(0, 30)),
            "price": f"{draw(money(30_000))} DKK/month",
        },
        "support_staff": [
            {"role": role, "fte": str(fte), "annual_cost": f"{cost} DKK/year"} for role, fte, cost in staff
        ],
    }
