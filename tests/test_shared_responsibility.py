"""The three-party deal, checked against figures worked by hand.

The example (1 year = 52 weeks = 12 months):
  hours            3 workers × 15 h/week × 52 = 2,340 h
  company → SØV    (165 + 20) DKK/h × 2,340 h = 432,900.00  (wages 386,100.00 + overhead 46,800.00)
  SØV → workers    165 × 2,340 = 386,100.00
  municipality → SØV  3 × 11,000 DKK/month × 12 = 396,000.00
  SØV → support staff 480,000.00
  funding          46,800 + 396,000 = 442,800.00; coverage 442,800 / 480,000 = 92.25 %
  shortfall        480,000 − 442,800 = 37,200.00
  shares           overhead 46,800/480,000 = 9.75 %; municipality 82.50 %; uncovered 7.75 %
  break-even overhead     (480,000 − 396,000) / 2,340 = 35.897… → 35.90 DKK/hour
  break-even course price (480,000 − 46,800) / (3 × 12) = 12,033.33 DKK per participant-month
  jobs             3 fleksjob, 3 × 15 = 45 h/week, 45 / 37 = 1.216… → 1.22 FTE
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pytest
import yaml
from pydantic import ValidationError

import socialpartner as sp
from socialpartner.scenario import from_data

from .conftest import EXAMPLE

D = Decimal


def amounts(ev: sp.Evaluation) -> dict[str, Decimal]:
    return {t.purpose: t.amount for t in ev.ledger}


def test_hand_worked_example(example: sp.SharedResponsibilityPartnership) -> None:
    ev = sp.evaluate(example)
    assert amounts(ev) == {
        "temp hours: wage cost": D("386100.00"),
        "temp hours: overhead": D("46800.00"),
        "wages (fleksjob, effective hours)": D("386100.00"),
        "development courses": D("396000.00"),
        "salary: socialpædagog": D("480000.00"),
    }
    led = ev.ledger
    assert led.between("company", "social_enterprise") == D("432900.00")
    assert led.net("social_enterprise") == D("-37200.00")
    assert led.net("municipality") == D("-396000.00")
    assert led.net("workers") == D("386100.00")
    assert sum(led.nets().values()) == 0

    split = ev.cost_split
    assert split.cost == D("480000.00")
    assert split.funding == {"overhead on temp hours": D("46800.00"), "municipal course payments": D("396000.00")}
    assert split.total_funding == D("442800.00")
    assert split.coverage == D("0.9225")
    assert split.shortfall == D("37200.00")
    assert split.shares == {"overhead on temp hours": D("0.0975"), "municipal course payments": D("0.825")}
    assert split.uncovered_share == D("0.0775")

    overhead, course = ev.break_even
    assert (overhead.input_path, overhead.value, overhead.unit) == ("temp_hours.overhead", D("35.90"), "DKK/hour")
    assert overhead.percent is None
    assert (course.input_path, course.value, course.unit) == ("courses.price", D("12033.33"), "DKK/month")

    (job,) = ev.jobs
    assert (job.form, job.headcount, job.hours_per_week, job.fte) == ("fleksjob", 3, D("45.00"), D("1.22"))
    assert (job.employer, job.workplace) == ("social_enterprise", "company")
    staff = next(p for p in ev.placements if p.form == "support staff")
    assert (staff.headcount, staff.fte) == (1, D("1.00"))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("temp_hours", "effective_hours"), "65 hour/month"),  # 65 × 12 / 52 = 15 h/week
        (("temp_hours", "effective_hours"), "780 hour/year"),  # 15 × 52
        (("courses", "price"), "132000 DKK/year"),  # 11,000 × 12
        (("courses", "price"), "33000 DKK/quarter"),  # 11,000 × 3
        (("temp_hours", "wage_cost"), "16500 øre/hour"),
        (("temp_hours", "overhead"), "20 kr/h"),
        (("support_staff", 0, "annual_cost"), "40000 DKK/month"),  # 480,000 / 12
        (("support_staff", 0, "fte"), "37 hour/week"),
        (("period",), "12 month"),
        (("period",), "52 week"),
    ],
)
def test_any_compatible_unit_gives_the_same_result(
    data: dict[str, Any], example: sp.SharedResponsibilityPartnership, path: tuple[Any, ...], value: str
) -> None:
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    got = sp.evaluate(from_data(data)).to_dict()
    want = sp.evaluate(example).to_dict()
    for d in (got, want):
        d.pop("period")
        d.pop("manifest")  # names the input, which differs in spelling
        for b in d["break_even"]:  # shown in the unit the price is written in: compared in the model's
            b.pop("value"), b.pop("unit"), b.pop("covering")
    assert got == want


def test_six_months_halves_every_amount(data: dict[str, Any], example: sp.SharedResponsibilityPartnership) -> None:
    data["period"] = "6 month"
    half = sp.evaluate(from_data(data))
    full = sp.evaluate(example)
    assert half.ledger.period == "6 months"  # an English plural
    # 432,900 / 2 = 216,450; 396,000 / 2 = 198,000; 480,000 / 2 = 240,000; shortfall 18,600
    for h, f in zip(half.ledger, full.ledger, strict=True):
        assert h.amount * 2 == f.amount
    assert half.cost_split.shortfall == D("18600.00")
    assert half.cost_split.coverage == D("0.9225")
    # break-even prices are per hour and per participant-month: unchanged by the period
    assert [b.value for b in half.break_even] == [D("35.90"), D("12033.33")]


def test_overhead_as_percentage(data: dict[str, Any]) -> None:
    data["temp_hours"]["overhead"] = "12 %"
    ev = sp.evaluate(from_data(data))
    # 12 % × 165 = 19.80 DKK/h; × 2,340 h = 46,332.00
    assert ev.ledger.between("company", "social_enterprise") == D("432432.00")  # 386,100 + 46,332
    assert ev.cost_split.funding["overhead on temp hours"] == D("46332.00")
    # funding 442,332 / 480,000 = 0.921525
    assert ev.cost_split.coverage == D("0.921525")
    # break-even: (480,000 − 396,000) / 2,340 = 35.897… DKK/h = 21.756…% of 165 → 21.76 %
    overhead = ev.break_even[0]
    assert (overhead.value, overhead.percent) == (D("35.90"), D("21.76"))


def test_surplus_and_already_covered(data: dict[str, Any]) -> None:
    data["courses"]["price"] = "20000 DKK/month"
    ev = sp.evaluate(from_data(data))
    # 3 × 20,000 × 12 = 720,000 alone exceeds 480,000: surplus 720,000 + 46,800 − 480,000 = 286,800
    assert ev.cost_split.surplus == D("286800.00")
    assert ev.cost_split.covered
    overhead = ev.break_even[0]
    assert overhead.already_covered
    assert overhead.value == D("0.00")
    assert ev.ledger.net("social_enterprise") == D("286800.00")


def test_highest_overhead_is_one_at_which_the_company_saves(data: dict[str, Any]) -> None:
    data["temp_hours"].update(
        workers=5, effective_hours="18.5 hour/week", wage_cost="177.6750 DKK/hour", alternative_price="219.30 DKK/hour"
    )
    ev = sp.evaluate(from_data(data))
    # 219.30 − 177.675 = 41.625 exactly: rounded down to 41.62, not half up to 41.63
    assert ev.figure("company_max_overhead").value == D("41.62")
    saving = {}
    for overhead in ("41.62", "41.63"):
        data["temp_hours"]["overhead"] = f"{overhead} DKK/hour"
        saving[overhead] = sp.evaluate(from_data(data)).figure("company_saving").value
    # hours 5 × 18.5 × 52 = 4,810; alternative 219.30 × 4,810 = 1,054,833.00; wages 177.675 × 4,810 = 854,616.75
    # 41.62 × 4,810 = 200,192.20 → saving 24.05; 41.63 × 4,810 = 200,240.30 → saving −24.05
    assert saving == {"41.62": D("24.05"), "41.63": D("-24.05")}


def test_no_hours_means_no_overhead_break_even(data: dict[str, Any]) -> None:
    data["temp_hours"]["workers"] = 0
    ev = sp.evaluate(from_data(data))
    assert ev.break_even[0].value is None
    assert ev.jobs[0].headcount == 0
    # course price must then carry all of it: 480,000 / 36 = 13,333.33
    assert ev.break_even[1].value == D("13333.33")


def test_rounding_to_ore_per_transfer(data: dict[str, Any]) -> None:
    data["temp_hours"]["effective_hours"] = "10 hour/month"  # 3 × 10 × 12 = 360 h
    data["temp_hours"]["wage_cost"] = (
        "165.3330 DKK/hour"  # (165.333 written so it is no thousands grouping) 165.333 × 360 = 59,519.88
    )
    data["temp_hours"]["overhead"] = "12.5 %"  # 20.666625 × 360 = 7,439.985 → 7,439.99 (half up)
    ev = sp.evaluate(from_data(data))
    assert amounts(ev)["temp hours: wage cost"] == D("59519.88")
    assert amounts(ev)["temp hours: overhead"] == D("7439.99")
    assert sum(ev.ledger.nets().values()) == 0


def test_parties_and_identifiers(data: dict[str, Any]) -> None:
    data["company"]["cvr"] = "13748136"
    data["social_enterprise"]["cvr"] = 13585628
    p = from_data(data)
    assert isinstance(p, sp.SharedResponsibilityPartnership)
    assert p.company.cvr == "13748136"
    assert p.social_enterprise.cvr == "13585628"
    assert p.municipality.official_name == "Rebild"
    assert sp.is_valid_cvr("13748136")
    assert not sp.is_valid_cvr("13585627")


@pytest.mark.parametrize(
    ("change", "loc", "words"),
    [
        (lambda d: d["temp_hours"].update(wage_cost="145 DKK/month"), ("temp_hours", "wage_cost"), "money per hour"),
        (lambda d: d.update(colour="red"), ("colour",), "unknown key 'colour'"),
        (
            lambda d: d["temp_hours"].update(effective_hours="-15 hour/week"),
            ("temp_hours", "effective_hours"),
            "negative",
        ),
        (lambda d: d["courses"].update(price="nan DKK/month"), ("courses", "price"), "finite"),
        (lambda d: d["company"].update(cvr="13585627"), ("company", "cvr"), "CVR"),
        (lambda d: d["company"].update(cvr="1234"), ("company", "cvr"), "CVR"),
        (lambda d: d["municipality"].update(code=999), ("municipality", "code"), "kommunekode"),
        (lambda d: d["municipality"].update(code=411), ("municipality", "code"), "kommunekode"),  # Christiansø
        (lambda d: d.pop("company"), ("company",), "Field required"),
        (lambda d: d["municipality"].pop("code"), ("municipality", "code"), "Field required"),
        (lambda d: d["temp_hours"].update(workers=2.5), ("temp_hours", "workers"), "whole number"),
        (lambda d: d["support_staff"][0].update(fte="1 DKK"), ("support_staff", 0, "fte"), "full-time"),
        (lambda d: d.update(period="1 hour"), ("period",), "calendar time"),
        (lambda d: d.update(name="  "), ("name",), "at least 1 character"),
    ],
)
def test_bad_input_names_the_field(data: dict[str, Any], change: Any, loc: tuple[Any, ...], words: str) -> None:
    change(data)
    with pytest.raises(ValidationError) as info:
        from_data(data)
    errors = info.value.errors()
    assert [e["loc"] for e in errors] == [loc]
    assert words in errors[0]["msg"]


def test_models_are_frozen(example: sp.SharedResponsibilityPartnership) -> None:
    with pytest.raises(ValidationError):
        example.name = "other"  # type: ignore[misc]


def test_built_in_code(example: sp.SharedResponsibilityPartnership) -> None:
    built = sp.SharedResponsibilityPartnership(
        name="Rebild – IKEA – Huset Venture (illustrative figures)",
        social_enterprise=sp.SocialEnterprise(name="Huset Venture Nordjylland"),
        company=sp.Company(name="IKEA"),
        municipality=sp.Municipality(name="Rebild Kommune", code=840),
        temp_hours=sp.TempHours(
            workers=3, effective_hours=sp.Q_(15, "hour/week"), wage_cost=sp.Q_(165, "DKK/hour"), overhead="20 DKK/hour"
        ),
        courses=sp.Courses(participants=3, price="11000 DKK/month"),
        support_staff=[sp.SupportStaff(role="socialpædagog", fte=1, annual_cost=sp.Q_(480000, "DKK/year"))],
    )
    assert built == example.model_copy(update={"expect": None})  # the file also states its figures
    assert sp.evaluate(built).to_dict() == sp.evaluate(example).to_dict()


def test_is_valid_cvr_gives_the_fields_verdict() -> None:
    # 13585628: 1·2 + 3·7 + 5·6 + 8·5 + 5·4 + 6·3 + 2·2 + 8·1 = 143 = 13 × 11
    for given in ("13585628", 13585628, np.int64(13585628), "DK13585628", "dk13585628", "Dk 1358 5628", "1358 5628"):
        assert sp.is_valid_cvr(given) is True, given
    assert sp.is_valid_cvr("13585627") is False
    with pytest.raises(TypeError, match="expected a CVR number as text or a whole number"):
        sp.is_valid_cvr(None)  # type: ignore[arg-type]
    data = yaml.safe_load((EXAMPLE.parent / "spin_off_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["social_enterprise"]["cvr"] = np.int64(13585628)  # a numpy integer, as an int
    assert sp.from_data(data).social_enterprise.cvr == "13585628"  # type: ignore[attr-defined]


def test_a_kommune_code_with_no_fraction_and_names_without_visible_text() -> None:
    """840.0 (a spreadsheet column with a gap is float) is kommune 840; 840.5 is no code.

    A name of a zero-width space alone, or split by U+2028 (a line break to splitlines), is refused.
    """
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("expect", None)
    for code in (840.0, np.float64(840.0), Decimal("840")):
        data["municipality"]["code"] = code
        assert sp.from_data(data).municipality.code == 840  # type: ignore[attr-defined]
    data["municipality"]["code"] = 840.5
    with pytest.raises(ValidationError, match="expected a kommunekode, a whole number"):
        sp.from_data(data)
    data["municipality"]["code"] = 840
    for name, why in (("\u200b", "no visible character"), ("IKEA\u2028Ørestad", "printable text on one line")):
        data["company"]["name"] = name
        with pytest.raises(ValidationError, match=why):
            sp.from_data(data)
