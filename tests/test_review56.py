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


def test_an_indexed_override_names_the_first_years_value_it_replaced_in_the_tables_language() -> None:
    """F4: a threshold T of 17,000 set over three years listed, for 2027, "the 2026 value: set in the scenario,
    in place of the file's 18467 DKK / month (estimate)", the file's 2027 value, in English in Danish output,
    and the tag as "override" (in --explain the raw key tag.override). The 2026 value replaced the file's
    17,672 (2026, derived); that is named for every year, in Danish: "angivet i scenariet i stedet for filens
    17.672 kr./md. (afledt)"."""
    from socialpartner._internal.i18n import Translator

    data = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml").model_dump(mode="json", exclude={"expect"})
    data["parameters"] = {"fleksloentilskud.threshold": "17000 DKK/month"}
    ev = sp.evaluate(sp.from_data(data))
    rows = [p for p in ev.parameters if p.name == "fleksloentilskud.threshold"]
    assert [(p.year, p.for_year) for p in rows] == [(2026, 2026), (2026, 2027), (2026, 2028)]
    danish = Translator("da")
    first = rows[0]
    assert danish(first.source) == "angivet i scenariet i stedet for filens 17.672 kr./md. (afledt)"
    for p in rows:
        assert "in place of the file's 17672 DKK / month (derived)" in str(p.source)
        assert "18467" not in str(p.source)
    assert danish("tag.override") == "angivet i scenariet"


def test_one_person_is_one_person_and_a_negative_amount_subtracted_is_bracketed() -> None:
    """F8: "1 personer ville ellers modtage …" and "= ellers − med = 125.722,65 kr. − -137.965,16 kr."."""
    from socialpartner._internal.i18n import Translator

    data = sp.load(ROOT / "examples" / "supplier_facility.yaml").model_dump(mode="json", exclude={"expect"})
    data["workforce"].append(
        {"form": "løntilskud", "headcount": 1, "paid_hours": "30 hour/week", "wage_cost": "150 DKK/hour"}
    )
    data["public"] = {
        "year": 2026,
        "weeks_on_support": 104,
        "municipality": {"name": "Aalborg Kommune", "code": 851},
        "counterfactual": {"løntilskud": {"parameter": "benefit.kontanthjaelp.forhoejet_sats"}},
    }
    ev = sp.evaluate(sp.from_data(data))
    assert ev.public is not None
    sentences = [Translator("da")(c) for c in ev.public.counterfactual]
    assert any(c.startswith("løntilskud: 1 person ville ellers modtage 13.345,00") for c in sentences), sentences
    # with tax counted the state receives more than it pays with the deal (the example's fleksjob
    # against ledighedsydelse): its "with" is negative, subtracted in brackets;
    # 376,424.88 + 169,133.00 = 545,557.88, its net effect
    taxed = sp.load(ROOT / "examples" / "supplier_facility.yaml").model_dump(mode="json", exclude={"expect"})
    taxed["public"] = {
        "year": 2026,
        "weeks_on_support": 104,
        "tax": {},
        "municipality": {"name": "Aalborg Kommune", "code": 851},
        "counterfactual": {"fleksjob": {"parameter": "benefit.ledighedsydelse"}},
    }
    ev = sp.evaluate(sp.from_data(taxed))
    assert ev.explain("public.state").formula == "otherwise − with = 376,424.88 DKK − (-169,133.00 DKK)"
    assert str(ev.results()["public.state"]) == "545557.88"


def test_csr_job_years_are_counted_in_job_years_not_people() -> None:
    """F8: "CSR: henførbare inkluderende jobår | 21,00 personer": 7 people over 3 years are 21 job-years."""
    from socialpartner._internal.i18n import Translator

    data = sp.load(ROOT / "examples" / "supplier_facility.yaml").model_dump(mode="json", exclude={"expect"})
    data["horizon"] = {"years": 3, "start_year": 2026, "wage_growth": "3 %", "price_growth": "2 %"}
    ev = sp.evaluate(sp.from_data(data))
    (figure,) = [f for f in ev.figures if f.key == "csr_inclusive_job_years"]
    assert figure.unit == "job-years"
    assert Translator("da").unit(figure.unit) == "jobår"
