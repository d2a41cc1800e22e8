"""Review 56 (a Danish finance officer on the command line): what it found, fixed."""

from __future__ import annotations

from typing import Any

import socialpartner as sp

from .conftest import ROOT


def _supplier(**changes: Any) -> sp.Partnership:
    data = sp.load(ROOT / "examples" / "supplier_facility.yaml").model_dump(mode="json", exclude={"expect"})
    data["services"][0]["market_price"] = "320 DKK/hour"  # the company's alternative for maintenance only
    data.update(changes)
    return sp.from_data(data)


def test_a_varied_service_without_a_market_price_is_said_to_be_left_out_of_the_companys_condition() -> None:
    """F1: varying the canteen's contract sum, which has no market_sum, the company was said to gain
    "whatever the inputs" with no word why: its condition weighs only services with a market price. The
    zone now says so, naming the field to give; a service with a market price gets no such note."""
    zone = sp.agreement(_supplier(), "services.1.contract_sum")
    said = [str(n) for n in zone.notes if "has no services.1.market_sum" in str(n)]
    assert said == [
        "services.1.contract_sum: canteen has no services.1.market_sum, so the company's condition (its saving "
        "against another supplier) leaves this service out: its price moves the SØV's gain and not the "
        "company's here; give services.1.market_sum (what another supplier would charge) to weigh it"
    ]
    priced = sp.agreement(_supplier(), "services.0.price")
    assert not [n for n in priced.notes if "market_" in str(n) and "leaves this service out" in str(n)]
    # two inputs: the total gain moves because the canteen's cost is not counted, not as "no payment"
    both = sp.agreement(_supplier(), ["services.0.price", "services.1.contract_sum"])
    text = " ".join(str(n) for n in both.notes)
    assert "which is not a payment between the parties" not in text
    assert "as what a service without a market price costs the company is not counted" in text
