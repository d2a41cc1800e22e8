"""Explanations of figures computed from others show every term with its inputs (review 30, F1 and F9)."""

from __future__ import annotations

from pathlib import Path

import yaml

import socialpartner as sp
from socialpartner.views.explain import explanation_text

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str, **change: object) -> sp.Partnership:
    data = yaml.safe_load((ROOT / "examples" / name).read_text(encoding="utf-8"))
    data.pop("expect", None)
    for path, value in change.items():
        where = data
        *head, last = path.split("__")
        for step in head:
            where = where[int(step)] if isinstance(where, list) else where[step]
        where[last] = value
    return sp.from_data(data)


def test_the_supplier_saving_shows_the_market_cost_and_what_is_paid_for_those_services() -> None:
    # maintenance priced at 330 DKK/hour on the market: 330 × 240 × 52 = 4,118,400; the company pays
    # 280 × 240 × 52 = 3,494,400 for it; saving 624,000. The canteen has no market price: not a term.
    ev = sp.evaluate(_load("supplier_facility.yaml", services__0__market_price="330 DKK/hour"))
    ex = ev.explain("company_saving")
    assert ex.value == "624,000.00 DKK"
    assert [(t.label, t.value) for t in ex.terms] == [
        ("company's cost of the same services at market prices", "4,118,400.00 DKK"),
        ("service: building maintenance and green areas", "3,494,400.00 DKK"),
    ]
    assert [p for p, _ in ex.terms[1].inputs] == ["services.0.price", "services.0.hours", "period"]
    # the market cost with its own inputs: the market price and the hours (a market sum where stated)
    assert [p for p, _ in ex.terms[0].inputs] == ["services.0.market_price", "services.0.hours", "period"]
    summed = sp.evaluate(
        _load(
            "supplier_facility.yaml",
            services__0__market_price="330 DKK/hour",
            services__1__market_sum="1300000 DKK/year",
        )
    )
    # 4,118,400 + 1,300,000 = 5,418,400 against 3,494,400 + 1,200,000 = 4,694,400: saving 724,000
    market = summed.explain("company_market_cost")
    assert market.value == "5,418,400.00 DKK"
    assert [p for p, _ in market.terms[0].inputs] == [
        "services.0.market_price",
        "services.0.hours",
        "services.1.market_sum",
        "period",
    ]
    assert summed.explain("company_saving").value == "724,000.00 DKK"
    danish = explanation_text(ex, "da")
    # the formula and the market cost's note in Danish words, not English ones swapped word by word
    assert "  = udgift til markedspris − hvad virksomheden betaler for de ydelser\n" in danish
    assert "[Σ markedspris × timer (eller markedsbeløb) × periode, for ydelserne med en markedspris]" in danish
    assert "market" not in danish.replace("services.0.market_price", "")  # the input's path stays as written


def test_the_supplier_revenue_share_shows_the_other_customers() -> None:
    # 280 × 240 × 52 + 100,000 × 12 = 3,494,400 + 1,200,000 = 4,694,400; other customers 1,173,600;
    # share 4,694,400 / 5,868,000 = 0.8
    ex = sp.evaluate(_load("supplier_facility.yaml")).explain("revenue_share")
    assert ex.value == "0.8000"
    assert [(t.label, t.value) for t in ex.terms] == [
        ("contract value", "4,694,400.00 DKK"),
        ("other customers", "1,173,600.00 DKK"),
    ]
    assert ex.terms[1].inputs[0][0] == "other_revenue"


def test_the_spin_off_shares_and_result_show_their_numbers() -> None:
    # 2027: parent 1,500,000, other customers 200,000: revenue 1,700,000, share 1,500,000 / 1,700,000 = 0.8824
    ev = sp.evaluate(_load("spin_off_packing.yaml"))
    share = ev.explain("2027:parent_share")
    assert [(t.label, t.value) for t in share.terms] == [
        ("parent's purchases", "1,500,000.00 DKK"),
        ("revenue from sales", "1,700,000.00 DKK"),
    ]
    assert [p for p, _ in share.terms[1].inputs] == ["years.1.parent_purchases", "years.1.other_revenue"]
    commercial = ev.explain("2027:commercial_share")
    assert commercial.terms[0].value == "1,700,000.00 DKK"
    # 2027: 1,700,000 + grants 200,000 − wages 10 × 15 × 52 × 170 = 1,326,000 − 480,000 − 60,000 = 34,000
    result = ev.explain("2027:result")
    assert result.value == "34,000.00 DKK"
    assert [(t.label, t.value) for t in result.terms] == [
        ("revenue from sales", "1,700,000.00 DKK"),
        ("grants", "200,000.00 DKK"),
        ("wages (fleksjob)", "1,326,000.00 DKK"),
        ("salary: socialpædagog", "480,000.00 DKK"),
        ("other costs", "60,000.00 DKK"),
    ]
    danish = explanation_text(share, "da").replace("\xa0", " ")
    assert "  omsætning fra salg = 1.700.000,00 kr." in danish
    assert "      years.1.other_revenue = 200.000 kr./år" in danish


def test_the_customers_of_a_company_read_in_danish_genitive() -> None:
    # "Murerfirmaet Holm ApS's kunder" in Danish: a name ending in s takes a bare apostrophe
    data = yaml.safe_load((ROOT / "examples" / "labour_shortage_site.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    for name, said in (("Murerfirmaet Holm ApS", "Murerfirmaet Holm ApS' kunder"), ("Nordbyg", "Nordbygs kunder")):
        data["company"]["name"] = name
        ex = sp.evaluate(sp.from_data(data)).explain("skilled_work")
        assert ex.topic.startswith(f"skilled work done in the freed hours ({name}'s customers → {name})")
        assert f"({said} → {name})" in explanation_text(ex, "da").splitlines()[0]


def test_supervision_is_one_word_in_danish() -> None:
    # the tables say "arbejdsledelse"; the formulas said "tilsyn" for the same item
    ev = sp.evaluate(sp.load(ROOT / "examples" / "in_house_packing.yaml"))
    for topic in ("company_saving", "company_cost_before", "company_cost_after", "before_supervision"):
        danish = explanation_text(ev.explain(topic), "da")
        assert "tilsyn" not in danish
    assert "arbejdsledelse" in explanation_text(ev.explain("before_supervision"), "da")


def test_the_year_a_spin_off_stands_alone_shows_each_years_check() -> None:
    # 2026-2028 fail (a department, a deficit of 90,800, the parent buying more than 50 %); 2029 is met
    ev = sp.evaluate(sp.load(ROOT / "examples" / "spin_off_packing.yaml"))
    ex = ev.explain("stand_alone_year")
    assert ex.value == "2029"
    assert [(t.label, t.value) for t in ex.terms] == [
        ("2026: stands on its own", "not met"),
        ("2027: stands on its own", "not met"),
        ("2028: stands on its own", "not met"),
        ("2029: stands on its own", "met"),
    ]
    assert "a deficit of 90,800.00 DKK" in ex.terms[0].formula
    danish = explanation_text(ex, "da").replace("\xa0", " ")
    assert (
        "  2026: kan stå på egne ben = ikke opfyldt   [en afdeling af Nordjysk Emballage A/S; "
        "et underskud på 90.800,00 kr." in danish
    )
    assert "  2029: kan stå på egne ben = opfyldt" in danish
