"""Løntilskud paid to the SØV is its income in the deal: funding of the support staff.

With ``public:``, the municipality pays the employer of a løntilskud line a wage subsidy
per hour. Where the SØV employs the line, that money is the SØV's: the cost split counts
it (so the SØV's ledger net stays equal to the surplus), and a spin-off counts it as
non-commercial income like grants.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
import yaml

import socialpartner as sp

from .conftest import ROOT
from .test_matrix import CASES, scenario

PUBLIC = {
    "year": 2025,
    "municipality": {"name": "Rebild Kommune", "code": 840},
    "weeks_on_support": {"fleksjob": 104, "løntilskud": 10, "default": 0},
    "counterfactual": {"løntilskud": {"parameter": "benefit.kontanthjaelp.forhoejet_sats"}},
}
LINE = {"form": "løntilskud", "headcount": 2, "paid_hours": "37 hour/week", "wage_cost": "140 DKK/hour"}


def _supplier() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["workforce"].append(dict(LINE))
    data["public"] = copy.deepcopy(PUBLIC)
    return data


def test_loentilskud_to_the_soev_is_funding() -> None:
    ev = sp.evaluate(sp.from_data(_supplier()))
    # 2025: 92.12 DKK per hour × 37 h × 52 weeks × 2 people = 92.12 × 3,848 = 354,477.76
    assert ev.cost_split.funding["løntilskud"] == Decimal("354477.76")
    # the example's surplus was 379,080.00; the løntilskud line's wages (140 × 3,848 =
    # 538,720.00) come out of the contract margin, the subsidy comes in:
    # 379,080.00 − 538,720.00 + 354,477.76 = 194,837.76
    assert ev.cost_split.surplus == Decimal("194837.76")
    assert ev.ledger.net("social_enterprise") == ev.cost_split.surplus


def test_without_the_public_view_there_is_no_subsidy_to_count() -> None:
    data = _supplier()
    del data["public"]
    ev = sp.evaluate(sp.from_data(data))
    assert "løntilskud" not in ev.cost_split.funding
    # 379,080.00 − 538,720.00: the line's wages, and nothing public
    assert ev.cost_split.surplus == Decimal("-159640.00")


@pytest.mark.parametrize(("model", "public", "horizon"), CASES)
def test_the_payer_of_the_support_staff_nets_the_surplus(model: str, public: bool, horizon: bool) -> None:
    data = scenario(model, public, horizon)
    lines = data["years"][-1]["workforce"] if model == "spin_off" else data.get("workforce")
    if lines is not None and public:
        # in-house and labour-shortage staff work at the company's site
        lines.append({**LINE, "workplace": "company"} if model in ("in_house", "labour_shortage") else dict(LINE))
        data["public"]["weeks_on_support"] = 30
    ev = sp.evaluate(sp.from_data(data))
    for part in ev.breakdown or (ev,):
        bearers = {t.payer for t in part.ledger if t.payee == "support_staff"}
        assert bearers, part.ledger.period
        for party in bearers:
            assert part.ledger.net(party) == part.cost_split.surplus, (part.ledger.period, party)


def test_a_spin_off_counts_loentilskud_as_non_commercial_income() -> None:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "spin_off_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    year = data["years"][-1]
    year["workforce"].append(dict(LINE))
    data["public"] = {**copy.deepcopy(PUBLIC), "year": data["years"][0]["year"], "weeks_on_support": 30}
    data["municipality"] = {"name": "Rebild Kommune", "code": 840}
    without = copy.deepcopy(data)
    del without["public"]
    last = sp.evaluate(sp.from_data(data)).breakdown[-1]
    plain = sp.evaluate(sp.from_data(without)).breakdown[-1]
    subsidy = sum((t.amount for t in last.ledger if t.purpose == "løntilskud"), Decimal(0))
    assert subsidy > 0
    before = plain.figure("result").value
    assert before is not None
    assert last.figure("result").value == before + subsidy
    assert last.figure("result").value == last.ledger.net("social_enterprise")
    revenue = last.figure("revenue").value
    assert revenue is not None
    income = revenue + sum((t.amount for t in last.ledger if t.payer == "public_grants"), Decimal(0)) + subsidy
    # commercial share = revenue / (revenue + grants + løntilskud), to 4 places
    assert last.figure("commercial_share").value == (revenue / income).quantize(Decimal("0.0001"))


def test_the_headline_refusion_rate_is_that_of_the_payments_refunded() -> None:
    # weeks on support by group with a default no line uses: the header once showed the
    # default group's 38.08 %; it is the refusion over what the municipality pays
    data = _supplier()
    view = sp.evaluate(sp.from_data(data)).public
    assert view is not None
    ev = sp.evaluate(sp.from_data(data))
    refunded = {t.purpose: t.amount for t in ev.ledger if t.payer == "municipality"}
    back = sum((t.amount for t in ev.ledger if t.payer == "state"), Decimal(0))
    paid = refunded["fleksløntilskud"] + refunded["løntilskud"]
    assert view.refusion_rate == (back / paid).quantize(Decimal("0.0001"))
    low, high = sorted(view.refusion_rates[g] for g in ("fleksjob", "løntilskud"))
    assert low < view.refusion_rate < high
    # one count of weeks for everyone: one step of the ladder, the rate itself
    data["public"]["weeks_on_support"] = 104  # past week 52: the last band, 20 %
    assert sp.evaluate(sp.from_data(data)).public.refusion_rate == Decimal("0.2000")  # type: ignore[union-attr]
