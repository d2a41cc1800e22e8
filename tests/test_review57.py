"""Review 57: an evaluator's notebook session (Aarhus), on the in-house and three-party models."""

from __future__ import annotations

from decimal import Decimal

import yaml

import socialpartner as sp
from socialpartner._internal.i18n import Translator

from .conftest import ROOT


def test_an_agreement_point_on_a_lower_limit_says_the_gain_grows_as_the_input_falls() -> None:
    """M1: the SØV's gain falls as the wage cost rises (its boundary: … − hours·wage_cost).

    In-house packing: the SØV's surplus is −cost + hours·price − hours·wage_cost, so its gain
    grows towards the *lower* limit of a varied wage cost. The note said "keeps growing with
    workforce.0.wage_cost", the opposite direction.
    """
    zone = sp.agreement(sp.load(ROOT / "examples" / "in_house_packing.yaml"), ["price", "workforce.0.wage_cost"])
    edge = [n for n in zone.notes if "lower limit of workforce.0.wage_cost" in n]
    assert edge, zone.notes
    assert all("keeps growing as workforce.0.wage_cost falls," in n for n in edge)
    assert not any("growing with" in n for n in zone.notes)
    assert "bliver ved med at vokse, når workforce.0.wage_cost falder," in zone.text("da")


def test_an_in_house_alternative_of_hours_without_staff_is_said() -> None:
    """L4: 11,232 hours of the company's own staff and ``staff: 0`` made the turnover cost 0 in silence.

    With staff 0 the turnover line is 0 × 55 % × 30,000 = 0.00; the saving counts no turnover.
    """
    data = yaml.safe_load((ROOT / "examples" / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["alternative"]["staff"] = 0
    ev = sp.evaluate(sp.from_data(data))
    said = [s for s in ev.statements if "alternative.staff is 0" in s]
    assert len(said) == 1, ev.statements
    hours = next(f for f in ev.figures if f.key == "before_staff_turnover")
    assert hours.value == Decimal("0.00")
    assert "men alternative.staff er 0" in Translator("da")(said[0])
    # a several-year deal says it beside its totals, with the year
    data["horizon"] = {"years": 2, "start_year": 2026}
    years = sp.evaluate(sp.from_data(data))
    assert next(s for s in years.statements if "alternative.staff is 0" in s).startswith("2026: ")
    # staff stated: nothing said
    assert not any(
        "alternative.staff" in s for s in sp.evaluate(sp.load(ROOT / "examples" / "in_house_packing.yaml")).statements
    )
