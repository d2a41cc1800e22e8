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
