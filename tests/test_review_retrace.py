"""Outputs a reader can trust and retrace: the zone of agreement and the solver say when a
horizon change or growth moves the input, inconsistent public inputs are named, solve's
advice is possible, and explanations of present values and the fleksløntilskud show the
numbers they come from.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app
from socialpartner.scenario import from_data

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


# -- the zone of agreement and horizon changes ------------------------------------------


def negotiating(change_year: int) -> dict[str, Any]:
    """The IKEA–Rebild negotiation (3 course places at 11,000 DKK/month) over 2026–2028,
    the course price set to 12,500 DKK/month from ``change_year``."""
    data = example("ikea_rebild_agreement.yaml")
    data["horizon"] = {
        "years": 3,
        "start_year": 2026,
        "changes": [{"year": change_year, "set": {"courses.price": "12500 DKK/month"}}],
    }
    return data


def test_zone_says_a_change_keeps_the_varied_input_to_its_first_year() -> None:
    zone = sp.agreement(from_data(negotiating(2027)), "courses.price")
    assert "horizon.changes set courses.price in 2027–2028: a value given for courses.price counts in 2026 only" in (
        zone.notes
    )
    # the SØV's boundary moves with the price in 2026 alone: 3 places × 12 months = 36·price
    # (undiscounted in the first year), not the 36 × (1 + f₁ + f₂) of three years
    soev = next(b for b in zone.boundaries if b.condition.party == "social_enterprise")
    assert soev.coefficients is not None
    assert soev.coefficients[1] == 36
    assert "counts in 2026 only" in zone.text()


def test_zone_says_a_change_from_the_first_year_holds_in_every_year() -> None:
    # 2026–2028 at 12,500 DKK/month whatever the price given: 3 × 12,500 × 12 = 450,000 a year;
    # with a municipal limit of 600,000 a year every condition holds for every price
    zone = sp.agreement(from_data(negotiating(2026)), "courses.price", municipal_limit="600000 DKK/year")
    assert (
        "horizon.changes set courses.price in every year (2026–2028): a value given for courses.price "
        "changes no result"
    ) in zone.notes
    assert "no split to suggest: no party's gain moves with courses.price" in zone.notes
    assert all(b.coefficients is not None and b.coefficients[1] == 0 for b in zone.boundaries)
    da = zone.text("da")
    assert "horizon.changes sætter courses.price i hvert år (2026–2028)" in da
    assert "ingen parts gevinst ændrer sig med courses.price" in da


def test_zone_of_an_unchanged_input_has_no_change_note() -> None:
    zone = sp.agreement(from_data(negotiating(2027)), "temp_hours.overhead")
    assert not any("horizon.changes" in note for note in zone.notes)


def test_agree_command_prints_the_change_note(tmp_path: Path) -> None:
    path = tmp_path / "agmin.yaml"
    path.write_text(yaml.safe_dump(negotiating(2027), allow_unicode=True), encoding="utf-8")
    out = runner.invoke(app, ["agree", str(path), "--vary", "courses.price"])
    assert out.exit_code == 0, out.output
    assert "note: horizon.changes set courses.price in 2027–2028" in out.output
