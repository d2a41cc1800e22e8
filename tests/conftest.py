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


def model_unit_results(ev: sp.Evaluation) -> dict[str, Any]:
    """``ev.results()`` with each break-even in the model's unit for its price.

    That is the unit of a sweep's ``break_even.INPUT [UNIT]`` column, and a price's
    break-even whatever unit the scenario writes the price in (``ev.results()`` gives it
    in the written unit).
    """
    out: dict[str, Any] = ev.results()
    out.update({f"break_even.{b.input_path}": b.canonical_value for b in ev.break_even})
    return out
