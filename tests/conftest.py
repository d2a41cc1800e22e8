from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

import socialpartner as sp

# No per-example deadline: these machines are noisy and a slow first call (a unit cache
# filling) is not a bug. In CI the examples are derandomized so a run is reproducible.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ikea_rebild.yaml"

# 10 course places, finishers after 6 months: two rounds a year, so 20 finishers a year, of
# whom 20 % (4) go into fleksjob and 10 % (2) into ordinary jobs; 60 % of the places are freed.
PROGRESSION_DEAL: dict[str, Any] = {
    "model": "shared_responsibility",
    "name": "Progression",
    "social_enterprise": {"name": "SØV"},
    "company": {"name": "Firma"},
    "municipality": {"name": "Rebild Kommune", "code": 840},
    "temp_hours": {
        "workers": 2,
        "effective_hours": "15 hour/week",
        "wage_cost": "165 DKK/hour",
        "overhead": "20 DKK/hour",
    },
    "courses": {"participants": 10, "price": "11000 DKK/month"},
    "support_staff": [{"role": "socialpædagog", "fte": 1, "annual_cost": "480000 DKK/year"}],
    "public": {
        "year": 2026,
        "weeks_on_support": 104,
        "fleksjob_wage": "140 DKK/hour",
        "during_course": {"amount": "13000 DKK/month"},
        "counterfactual": {
            "fleksjob": {"parameter": "benefit.ledighedsydelse"},
            "course participant": {"amount": "13000 DKK/month"},
        },
    },
    "horizon": {
        "years": 2,
        "start_year": 2026,
        "progression": {
            "after": "6 month",
            "to_fleksjob": "20 %",
            "to_ordinary": "10 %",
            "leave": "0 %",
            "fleksjob_wage": "140 DKK/hour",
            "fleksjob_hours": "15 hour/week",
        },
    },
}


def example_with(**changes: dict[str, Any]) -> dict[str, Any]:
    """The bundled example's data without its ``expect:`` block, sections updated by ``changes``."""
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("expect")
    for key, value in changes.items():
        data[key] = {**data[key], **value}
    return data


def aalborg_public(weeks_on_support: int) -> dict[str, Any]:
    """A ``public:`` block for a deal without a municipality of its own: Aalborg pays, fleksjob compared
    with ledighedsydelse."""
    return {
        "year": 2026,
        "weeks_on_support": weeks_on_support,
        "municipality": {"name": "Aalborg Kommune", "code": 851},
        "counterfactual": {"fleksjob": {"parameter": "benefit.ledighedsydelse"}},
    }


def percentage_markup_deal() -> dict[str, Any]:
    """A one-year deal with its overhead in percent (an outside review's Aarhus bakery, in English units).

    4 workers × 12 h × 52 = 2,496 hours at 165.50 DKK (wages 413,088.00; 1 % of overhead is 4,130.88),
    5 course places at 9,500 DKK a month (570,000.00 a year), support staff 510,000 + 0.5 × 480,000 = 750,000.
    """
    return example_with(
        temp_hours={
            "workers": 4,
            "effective_hours": "12 hour/week",
            "wage_cost": "165.50 DKK/hour",
            "overhead": "12 %",
        },
        courses={"participants": 5, "price": "9500 DKK/month"},
    ) | {
        "support_staff": [
            {"role": "socialpædagog", "fte": 1, "annual_cost": "510000 DKK/year"},
            {"role": "jobkonsulent", "fte": 0.5, "cost_per_fte": "480000 DKK/year"},
        ]
    }


@pytest.fixture(scope="session")
def example_data() -> dict[str, Any]:
    """The bundled three-party example as plain data (deep-copied per use below)."""
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def data(example_data: dict[str, Any]) -> dict[str, Any]:
    """A fresh, mutable copy of the example's data."""
    return copy.deepcopy(example_data)


@pytest.fixture(scope="session")
def example() -> sp.SharedResponsibilityPartnership:
    p = sp.load(EXAMPLE)
    assert isinstance(p, sp.SharedResponsibilityPartnership)
    return p


def scenario_matrix() -> list[tuple[str, dict[str, Any]]]:
    """Every example × with/without ``public:`` × with/without ``horizon:`` that the model accepts.

    ``public:`` is the three-year example's block (a municipality is added where the model
    has none); ``horizon:`` is three years from 2026. A spin-off has its own years, so it
    takes no horizon.
    """
    three = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    out: list[tuple[str, dict[str, Any]]] = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        if path.name == "ikea_rebild_3_years.yaml":
            continue  # the same model as ikea_rebild.yaml, with both blocks: one of the variants below
        base: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        for public in (False, True):
            for horizon in (False, True):
                if horizon and base["model"] == "spin_off":
                    continue
                data = copy.deepcopy(base)
                data.pop("public", None)
                data.pop("horizon", None)
                if public:
                    data["public"] = copy.deepcopy(three["public"])
                    data.setdefault("municipality", {"name": "Rebild Kommune", "code": 840})
                if horizon:
                    data["horizon"] = (
                        copy.deepcopy(three["horizon"])
                        if path.stem == "ikea_rebild"
                        else {
                            "years": 3,
                            "start_year": 2026,
                        }
                    )
                out.append((f"{path.stem}{'+public' if public else ''}{'+horizon' if horizon else ''}", data))
    return out


def sweep_as_given(deal: sp.Partnership) -> Any:
    """A sweep of one variant, the scenario as it is: a price or support cost at its own value."""
    from socialpartner._internal.paths import PathError, get

    paths = ("courses.price", "price", "services.0.price", "support_staff.0.annual_cost", "years.0.parent_purchases")
    for path in paths:
        try:
            current = get(deal, path)
        except PathError:
            continue
        return sp.sweep(deal, {path: [current]})
    raise AssertionError("no input to sweep")


def model_unit_results(ev: sp.Evaluation) -> dict[str, Any]:
    """``ev.results()`` with each break-even in the model's unit for its price.

    That is the unit of a sweep's ``break_even.INPUT [UNIT]`` column, and a price's
    break-even whatever unit the scenario writes the price in (``ev.results()`` gives it
    in the written unit).
    """
    out: dict[str, Any] = ev.results()
    out.update({f"break_even.{b.input_path}": b.canonical_value for b in ev.break_even})
    return out
