"""A fleksjob at full-time hours gets no fleksløntilskud: a check says so rather than a silent saving."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

import socialpartner as sp
from socialpartner._internal.i18n import Translator

from .conftest import EXAMPLE, ROOT

THREE = ROOT / "examples" / "ikea_rebild_3_years.yaml"


def _three_years(hours_2028: str | None) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(THREE.read_text(encoding="utf-8"))
    data.pop("expect")
    if hours_2028 is not None:
        data["horizon"]["changes"].append({"year": 2028, "set": {"temp_hours.effective_hours": hours_2028}})
    return data


def _full_time_checks(ev: sp.Evaluation) -> list[sp.Check]:
    return [c for c in ev.checks if "full time" in c.criterion]


def test_full_time_hours_in_one_year_of_a_horizon_are_named() -> None:
    # 4 workers × 37 h in 2028: each one's monthly wage is the full-time wage of the job, so the
    # lønloft (full-time wage − wage = 0) leaves no fleksløntilskud, and no refusion of it either
    ev = sp.evaluate(sp.from_data(_three_years("37 hour/week")))
    [check] = _full_time_checks(ev)
    assert check.status == "not met"
    assert "temp_hours.workers, temp_hours.effective_hours" in check.criterion
    assert "37.00 hour / week" in check.reason
    assert "in 2028" in check.reason
    assert "2026" not in check.reason
    assert ev.breakdown[0].public is not None
    assert ev.breakdown[2].public is not None
    lines = {x.item: x.actual for x in ev.breakdown[2].public.lines if x.payer == "municipality"}
    assert lines["fleksløntilskud"] == Decimal("0.00")
    assert lines["state refusion on fleksløntilskud"] == Decimal("0.00")
    danish = Translator("da")(check.reason)
    assert "får løn for 37,00 timer/uge effektivt arbejde i 2028 (fuld tid: 37 timer/uge)" in danish


def test_reduced_hours_raise_no_check() -> None:
    # 36 hours: below full time, the lønloft leaves room for a supplement
    assert _full_time_checks(sp.evaluate(sp.from_data(_three_years("36 hour/week")))) == []
    assert _full_time_checks(sp.evaluate(sp.from_data(_three_years(None)))) == []


def test_one_year_at_full_time_without_a_year_in_the_words() -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["temp_hours"]["effective_hours"] = "40 hour/week"
    with_public = yaml.safe_load(THREE.read_text(encoding="utf-8"))["public"]
    [check] = _full_time_checks(sp.evaluate(sp.from_data({**data, "public": with_public})))
    assert "40.00 hour / week of effective work (full time: 37 hour / week)" in check.reason
    # without a public: block there is no fleksløntilskud to speak of
    assert _full_time_checks(sp.evaluate(sp.from_data(data))) == []
