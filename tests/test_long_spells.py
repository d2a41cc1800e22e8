"""A long spell on support (600 weeks) is taken: past week 52 the ladder is flat at 20 %."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import socialpartner as sp

ROOT = Path(__file__).resolve().parents[1]


def test_600_weeks_on_support_price_as_104() -> None:
    # both past week 52 in every year: every refusion at 20 %, the same figures to the øre
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    assert data["public"]["weeks_on_support"] == 104
    before = sp.evaluate(sp.from_data(data)).results()
    data["public"]["weeks_on_support"] = 600
    assert sp.evaluate(sp.from_data(data)).results() == before
    data["public"]["weeks_on_support"] = 2601  # past 50 years of weeks: a typo
    with pytest.raises(ValidationError, match="less than or equal to 2600"):
        sp.from_data(data)
