"""Review 54 (an analyst building notebooks on the in-house and spin-off models): what it found, fixed."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

import socialpartner as sp

from .conftest import ROOT

IN_HOUSE: dict[str, Any] = {
    "model": "in_house",
    "name": "Pakkeriet Horsens hos Jysk Lager",
    "period": "1 year",
    "social_enterprise": {"name": "Pakkeriet Horsens"},
    "company": {"name": "Jysk Lager A/S"},
    "site": {"name": "returlageret Horsens"},
    "workforce": [
        {
            "form": "fleksjob",
            "headcount": 12,
            "paid_hours": "18 hour/week",
            "effective_hours": "16 hour/week",
            "wage_cost": "172.50 DKK/hour",
            "workplace": "company",
        }
    ],
    "price": "265 DKK/hour",
    "support_staff": [
        {"role": "socialpædagog", "fte": 1, "annual_cost": "495000 DKK/year"},
        {"role": "vagtplanlægger", "fte": "0.5", "cost_per_fte": "460000 DKK/year"},
    ],
    "volume": "250000 piece/year",
    "cost_per_error": "55 DKK/piece",
    "error_rate": "0.6 %",
    "company_supervision": "80000 DKK/year",
    "alternative": {
        "wage_cost": "245 DKK/hour",
        "hours": "9984 hour/year",
        "staff": 8,
        "turnover": "50 %",
        "cost_per_hire": "30000 DKK",
        "error_rate": "1.8 %",
        "supervision": "250000 DKK/year",
    },
    "public": {
        "year": 2026,
        "weeks_on_support": 30,
        "municipality": {"name": "Horsens Kommune", "code": 615},
        "fleksjob_wage": "150 DKK/hour",
        "counterfactual": {"fleksjob": {"parameter": "benefit.ledighedsydelse"}},
    },
}


def test_a_zone_narrower_than_a_grid_step_still_suggests_points_when_the_gains_move() -> None:
    """F1: traced on a grid (the public purse's conditions are not linear), the zone held one price of
    the 41-point grid (275 of 0, 25, …, 1,000), so only the municipality's gain seemed to move, and the
    note said "fewer than two parties' gains move" while the price moves the SØV's and the company's.
    Whether a gain moves is judged over the whole grid: the suggestions are refined inside the zone."""
    zone = sp.agreement(sp.from_data(IN_HOUSE), ["price", "public.fleksjob_wage"])
    assert zone.method == "grid"
    assert {p[0] for p in zone.inside} == {275}  # the zone's one grid price
    assert not [n for n in zone.notes if "fewer than two parties" in str(n)]
    assert len(zone.suggestions) == 2
    for suggestion in zone.suggestions:
        assert zone.contains(suggestion.point)
        assert 265 < suggestion.point[0] < 285  # refined off the grid's 25-DKK steps, within the zone


def test_a_distributions_refused_value_is_named_by_the_distribution_and_its_parameter() -> None:
    """F5: "price: more than 15 significant digits (got '6.666666666666667')" did not say it was the
    Normal's sd; the other distribution errors name it (uniform: high …)."""
    deal = sp.load(sp.example_path())
    with pytest.raises(sp.SweepError) as caught:
        sp.monte_carlo(deal, {"courses.price": sp.Normal("11000 DKK/month", "666.6666666666667 DKK/month")}, n=10)
    assert str(caught.value) == ("courses.price: normal: sd: more than 15 significant digits (got '666.6666666666667')")
    with pytest.raises(sp.SweepError) as caught:
        sp.monte_carlo(deal, {"courses.price": sp.Uniform("9000 DKK/month", "14000.000000000001 DKK/month")}, n=10)
    assert str(caught.value).startswith("courses.price: uniform: high: more than 15 significant digits")


def test_a_one_year_spin_off_is_not_described_in_years() -> None:
    """F4: a spin-off of one year was said to be discounted, its jobs "those of 2026, the last year", its
    zone's present value to differ from solve's total, and the report headed "Jobs in 2026 (last year)".
    One year is its own total: none of that is said. Three years still say it."""
    data = sp.load(ROOT / "examples" / "spin_off_packing.yaml").model_dump(mode="json", exclude={"expect"})
    one = {**data, "years": data["years"][:1]}
    one.pop("split_year", None)
    one.pop("cvr_registered", None)
    one["social_enterprise"] = {k: v for k, v in one["social_enterprise"].items() if k != "cvr"}
    ev = sp.evaluate(sp.from_data(one))
    said = " ".join(str(s) for s in ev.statements)
    assert "the last year" not in said
    assert "constant prices" not in said
    assert "(last year)" not in sp.report_html(ev, charts=False)
    several = " ".join(str(s) for s in sp.evaluate(sp.from_data(data)).statements)
    assert "the last year" in several
    assert "constant prices" in several


def test_a_cvr_with_the_split_after_every_modelled_year_is_refused() -> None:
    """F6: split_year 2035 with years 2026-2028 and a CVR was accepted, though every modelled year is a
    department year, the case the docs say is refused."""
    data = sp.load(ROOT / "examples" / "spin_off_packing.yaml").model_dump(mode="json", exclude={"expect"})
    data["social_enterprise"] = {**data["social_enterprise"], "cvr": "13585628"}
    data["split_year"] = 2035
    data.pop("cvr_registered", None)
    with pytest.raises(ValidationError, match=r"social_enterprise.cvr: the split in 2035 is after the last of years"):
        sp.from_data(data)
