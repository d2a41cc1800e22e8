"""Hypothesis strategies for valid scenarios, shared by the property tests."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st


def money(max_value: int, places: int = 2) -> st.SearchStrategy[Decimal]:
    """Non-negative decimals with at most ``places`` decimals."""
    return st.decimals(min_value=0, max_value=max_value, places=places, allow_nan=False, allow_infinity=False)


def _post_fte() -> st.SearchStrategy[Decimal]:
    """A support post's FTE, 0.1 to 2 (0 FTE with an annual cost is refused as a slip)."""
    return st.decimals(min_value=Decimal("0.1"), max_value=2, places=1, allow_nan=False, allow_infinity=False)


def names() -> st.SearchStrategy[str]:
    """Any printable text with a visible character.

    Names refuse control characters, bidirectional overrides, the line and paragraph
    separators, and text of invisible (format) characters alone.
    """
    printable = st.characters(
        exclude_categories=("Cc", "Cs"),
        exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029",
    )
    return st.text(printable, min_size=1, max_size=20).filter(
        lambda s: s.strip() != "" and not all(unicodedata.category(c) == "Cf" for c in s.strip())
    )


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
            # a post costed by annual_cost works some time: 0 FTE with a cost is refused (a slip)
            st.tuples(st.sampled_from(["socialpædagog", "jobkonsulent", "mentor"]), _post_fte(), money(900_000)),
            min_size=0,
            max_size=3,
        )
    )
    return {
        "model": "shared_responsibility",
        "name": draw(names()),
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


def workforce_line(draw: st.DrawFn, *, workplace: str = "social_enterprise", paid_only: bool = False) -> dict[str, Any]:
    """One workforce line with effective hours at most the paid hours."""
    form = draw(st.sampled_from(["fleksjob", "småjob", "løntilskud", "ordinary", "apprentice"]))
    paid = draw(money(37, places=1))
    line: dict[str, Any] = {
        "form": form,
        "headcount": draw(st.integers(0, 30)),
        "paid_hours": f"{paid} hour/week",
        "wage_cost": f"{draw(money(400))} DKK/hour",
        "workplace": workplace,
    }
    if not paid_only and draw(st.booleans()):
        line["effective_hours"] = f"{draw(st.decimals(0, paid, places=1))} hour/week"
    return line


def staff_lines(draw: st.DrawFn, max_size: int = 3) -> list[dict[str, Any]]:
    """Support-staff posts."""
    n = draw(st.integers(0, max_size))
    # the post's own cost, or (cost_per_fte) the full-time cost that the FTE takes a share of
    cost = st.sampled_from(["annual_cost", "cost_per_fte"])
    return [
        {"role": f"post {i}", "fte": f"{draw(_post_fte())}", draw(cost): f"{draw(money(900_000))} DKK/year"}
        for i in range(n)
    ]


@st.composite
def supplier_data(draw: st.DrawFn) -> dict[str, Any]:
    """Scenario data for the supplier model."""
    services = []
    for i in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            services.append(
                {
                    "name": f"service {i}",
                    "price": f"{draw(money(600))} DKK/hour",
                    "hours": f"{draw(money(500, 1))} hour/week",
                }
            )
        else:
            services.append({"name": f"service {i}", "contract_sum": f"{draw(money(500_000))} DKK/month"})
    return {
        "model": "supplier",
        "name": "supplier",
        "period": draw(st.sampled_from(["1 year", "6 month", "2 year"])),
        "social_enterprise": {"name": "SØV"},
        "company": {"name": "Company"},
        "services": services,
        "workforce": [workforce_line(draw) for _ in range(draw(st.integers(0, 3)))],
        "supervision": staff_lines(draw),
        "other_costs": f"{draw(money(1_000_000))} DKK/year",
        "other_revenue": f"{draw(money(5_000_000))} DKK/year",
    }


@st.composite
def labour_shortage_data(draw: st.DrawFn) -> dict[str, Any]:
    """Scenario data for the labour-shortage model."""
    value = draw(money(900))
    return {
        "model": "labour_shortage",
        "name": "helpers",
        "period": draw(st.sampled_from(["1 year", "3 month", "13 week"])),
        "social_enterprise": {"name": "SØV"},
        "company": {"name": "Builder"},
        "helpers": [workforce_line(draw, workplace="company") for _ in range(draw(st.integers(1, 3)))],
        "price": f"{draw(money(600))} DKK/hour",
        "skilled_hours_freed": f"{draw(money(150, 1))} %",
        "skilled_hour_value": f"{value} DKK/hour",
        "akkord_rate": f"{draw(st.decimals(0, value, places=2))} DKK/hour",
        "support_staff": staff_lines(draw),
    }


@st.composite
def in_house_data(draw: st.DrawFn) -> dict[str, Any]:
    """Scenario data for the in-house model."""
    return {
        "model": "in_house",
        "name": "in-house",
        "period": draw(st.sampled_from(["1 year", "6 month"])),
        "social_enterprise": {"name": "SØV"},
        "company": {"name": "Company"},
        "site": {"name": "warehouse"},
        "workforce": [workforce_line(draw, workplace="company") for _ in range(draw(st.integers(1, 3)))],
        "price": f"{draw(money(600))} DKK/hour",
        "support_staff": staff_lines(draw),
        "volume": f"{draw(st.integers(0, 10**6))} item/year",
        "cost_per_error": f"{draw(money(500))} DKK/item",
        "error_rate": f"{draw(money(20, 2))} %",
        "company_supervision": f"{draw(money(500_000))} DKK/year",
        "alternative": {
            "wage_cost": f"{draw(money(400))} DKK/hour",
            "hours": f"{draw(money(50_000))} hour/year",
            "staff": draw(st.integers(0, 100)),
            "turnover": f"{draw(money(100, 1))} %",
            "cost_per_hire": f"{draw(money(100_000))} DKK",
            "error_rate": f"{draw(money(20, 2))} %",
            "supervision": f"{draw(money(500_000))} DKK/year",
        },
    }


@st.composite
def spin_off_data(draw: st.DrawFn) -> dict[str, Any]:
    """Scenario data for the spin-off model."""
    start = draw(st.integers(2020, 2030))
    n = draw(st.integers(1, 4))
    split = draw(st.one_of(st.none(), st.integers(start, start + n)))
    years = [
        {
            "year": start + i,
            "parent_purchases": f"{draw(money(3_000_000))} DKK/year",
            "other_revenue": f"{draw(money(3_000_000))} DKK/year",
            "grants": f"{draw(money(500_000))} DKK/year",
            "workforce": [workforce_line(draw) for _ in range(draw(st.integers(0, 2)))],
            "support_staff": staff_lines(draw, 2),
            "other_costs": f"{draw(money(200_000))} DKK/year",
        }
        for i in range(n)
    ]
    data: dict[str, Any] = {
        "model": "spin_off",
        "name": "spin-off",
        "company": {"name": "Parent"},
        "social_enterprise": {"name": "SØV"},
        "years": years,
        "rsv": {"social_purpose": draw(st.sampled_from([True, False, None]))},
    }
    if split is not None:
        data["split_year"] = split
        # a CVR of its own from a split within the years modelled (after the last, each is a department's)
        if split <= start + n - 1 and draw(st.booleans()):
            data["social_enterprise"]["cvr"] = "13585628"
    return data


ALL_MODELS = {
    "shared_responsibility": shared_responsibility_data,
    "supplier": supplier_data,
    "labour_shortage": labour_shortage_data,
    "in_house": in_house_data,
    "spin_off": spin_off_data,
}
"""A strategy of valid scenario data for each model."""


@st.composite
def any_model_data(draw: st.DrawFn) -> dict[str, Any]:
    """Valid scenario data for a model chosen at random."""
    strategy = draw(st.sampled_from(sorted(ALL_MODELS)))
    data: dict[str, Any] = draw(ALL_MODELS[strategy]())
    return data
