"""A length in days that reads as calendar years (365, 730 days) is refused: a year here is 364 days."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import socialpartner as sp

ROOT = Path(__file__).resolve().parents[1]


def three_years(after: Any) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"]["progression"]["after"] = after
    return data


@pytest.mark.parametrize(
    ("after", "words"),
    [
        # 365 = 364 + 1: a year and a day, so no course would end within the first year
        ("365 dage", "'365 dage' is 1 year and 1 day here (a year is 52 weeks, 364 days); for 1 year write"),
        ("366 days", "is 1 year and 2 days here"),
        # 730 = 2 × 364 + 2
        (
            "730 dage",
            "'730 dage' is 2 years and 2 days here (a year is 52 weeks, 364 days); for 2 years write "
            "'2 year' or '24 month'",
        ),
        (sp.Q_(365, "day"), "365 day is 1 year and 1 day here"),
    ],
)
def test_a_calendar_year_in_days_is_refused_saying_the_fix(after: Any, words: str) -> None:
    with pytest.raises(ValidationError, match=r"horizon\.progression\.after") as caught:
        sp.from_data(three_years(after))
    assert words in str(caught.value)


def test_whole_weeks_and_other_lengths_in_days_are_read() -> None:
    # 364 days are 52 weeks: the same scenario results as 12 months
    year = sp.evaluate(sp.from_data(three_years("12 month"))).results()
    assert sp.evaluate(sp.from_data(three_years("364 dage"))).results() == year
    # 90 days (12 6/7 weeks) and 368 days (a year and 4 days: no calendar year) are lengths as written
    for after in ("90 dage", "368 days"):
        sp.from_data(three_years(after))


def test_a_period_of_365_days_is_refused() -> None:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["period"] = "365 dage"
    with pytest.raises(ValidationError, match=r"period\n.*'365 dage' is 1 year and 1 day here"):
        sp.from_data(data)


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ("730 dage", "'730 dage' is 104.29 weeks, not a whole number (weeks such as 104); a year here is 52 weeks"),
        ("25 mdr.", "'25 mdr.' is 108.33 weeks, not a whole number"),
        ("2 t", "expected a number in week"),
        ("14 month", "'14 month' is 60.67 weeks, not a whole number"),
        (60.5, "expected a whole number (weeks such as 104), got 60.5"),
    ],
)
def test_weeks_on_support_with_a_unit_says_what_is_wrong(given: Any, words: str) -> None:
    # the union's "a number of weeks, or weeks by group" hid what was wrong with text that has a unit
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["public"]["weeks_on_support"] = given
    with pytest.raises(ValidationError) as exc:
        sp.from_data(data)
    assert words in str(exc.value)
    assert "weeks by group" not in str(exc.value)
