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


def test_advice_on_a_time_limited_benefit_fits_a_deal_without_a_horizon() -> None:
    # 100 weeks on dagpenge before a one-year deal: the right (104 weeks, lov om
    # arbejdsløshedsforsikring § 55, stk. 1) ends in week 4; no horizon to change it in
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data.pop("horizon")
    data["public"]["weeks_on_support"] = 100
    data["public"]["counterfactual"]["fleksjob"] = {"parameter": "benefit.dagpenge_max"}
    said = [s for s in sp.evaluate(sp.from_data(data)).statements if "benefit.dagpenge_max is priced in full" in s]
    assert len(said) == 1
    assert "the right ends after 104 weeks on it (Lov om arbejdsløshedsforsikring m.v. § 55, stk. 1" in said[0]
    assert said[0].endswith(
        "state the benefit they would receive after the right ends as public.counterfactual.fleksjob, "
        "or split the deal's years"
    )
    # with a horizon: a change from that year
    data["horizon"] = {"years": 3, "start_year": 2026}
    said = [s for s in sp.evaluate(sp.from_data(data)).statements if "benefit.dagpenge_max is priced in full" in s]
    assert said[0].endswith("state it with a horizon change of public.counterfactual.fleksjob from that year")
