"""Input as a Danish analyst types it: minus signs, ratios above 1, Danish-format fixes, sweeps.

Each expected figure is worked out by hand in the comments. The scenarios are the bundled
examples: ``ikea_rebild.yaml`` (3 temp workers at 15 h/week, 165 DKK/hour, overhead
20 DKK/hour; 3 course participants at 11,000 DKK/month; one post at 480,000 DKK/year) and
``labour_shortage_site.yaml`` (4 helpers at 20 h/week, 165 DKK/hour, price 320 DKK/hour,
skilled hour value 550, akkord 120; one post at 500,000 DKK/year).
"""

from __future__ import annotations

import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.fields import QuantityType
from socialpartner._internal.units import MINUS_SIGNS, number_format, read_number
from socialpartner.cli import app
from socialpartner.scenario import from_data

from .conftest import EXAMPLE

LABOUR = EXAMPLE.parent / "labour_shortage_site.yaml"
THREE_YEARS = EXAMPLE.parent / "ikea_rebild_3_years.yaml"


def data_of(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("expect", None)
    return typing.cast("dict[str, Any]", data)


def message(exc: pytest.ExceptionInfo[Exception]) -> str:
    return str(exc.value)


# -- 1. a minus sign typed as U+2212 or an en dash is a minus --------------------------------


@pytest.mark.parametrize("dash", list(MINUS_SIGNS))
def test_every_dash_used_as_minus_reads_as_minus(dash: str) -> None:
    # "−500 kr." was +500 DKK (pint dropped the sign); now it is -500 DKK, like "-500 kr."
    assert sp.Q_(f"{dash}500 kr.") == sp.Q_(-500, "DKK")
    assert sp.Q_(f"{dash}9000", "DKK/month").magnitude == -9000  # a text magnitude
    assert read_number(f"{dash}165.50", what="a number") == Decimal("-165.50")


def test_minus_sign_and_en_dash_in_q() -> None:
    for text in ("−500 kr.", "–500 kr."):  # U+2212, U+2013
        q: Any = sp.Q_(text)
        assert q.magnitude == -500
        assert str(q.units) == "DKK"
    # a monthly amount: −9000 kr./md. is -9000 DKK/month, so -108,000 DKK/year
    assert sp.Q_("−9000 kr./md.").to("DKK/year").magnitude == -108000


def test_negative_price_is_refused_with_the_usual_message() -> None:
    prices: list[Any] = [sp.Q_("−9000 kr./md."), "−9000 kr./md.", "–9000 kr./md."]
    for price in prices:
        with pytest.raises(ValidationError) as exc:
            sp.Courses(participants=3, price=price)
        assert "must not be negative" in message(exc)
        assert "expected a number followed by a unit" not in message(exc)


def test_negative_price_in_a_scenario_file_names_the_field() -> None:
    data = data_of(EXAMPLE)
    data["courses"]["price"] = "−11000 kr./md."
    with pytest.raises(ValidationError) as exc:
        from_data(data)
    assert "courses.price" in message(exc)
    assert "must not be negative" in message(exc)
    # a range written with an en dash is no number: refused, not read as 9000 or -5000
    data["courses"]["price"] = "9000–14000 kr./md."
    with pytest.raises(ValidationError) as exc:
        from_data(data)
    assert "courses.price" in message(exc)


def test_negative_growth_with_a_minus_sign_is_accepted() -> None:
    data = data_of(THREE_YEARS)
    data["horizon"]["wage_growth"] = "−2 %"
    p = from_data(data)
    assert p.horizon is not None
    assert p.horizon.wage_growth.magnitude == -2
    # and in number_format: da, the Danish way with a decimal comma: −2,5 % is -2.5 %
    data["horizon"]["wage_growth"] = "−2,5 %"
    p = from_data({**data, "number_format": "da"})
    assert p.horizon is not None
    assert p.horizon.wage_growth.magnitude == -2.5


def test_cli_reads_a_minus_sign() -> None:
    # --vary horizon.wage_growth=−0.02..0.02:3 gives -0.02, 0, 0.02 (a growth may fall)
    runner = CliRunner()
    result = runner.invoke(
        app, ["sweep", str(THREE_YEARS), "--vary", "horizon.wage_growth=−0.02..0.02:3"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    # a negative price from the command line is refused naming it, not read as +9000
    result = runner.invoke(app, ["sweep", str(EXAMPLE), "--vary", "courses.price=−9000..14000:2"])
    assert result.exit_code == 2
    assert "must not be negative" in result.output


def test_expectations_read_a_minus_sign() -> None:
    # net.customers of the labour-shortage example is -1,830,400.00 (550 × 3328 skilled hours)
    ev = sp.evaluate(sp.load(LABOUR))
    block = sp.Expectations.model_validate({"net.customers": "−1830400.00"})
    (result,) = sp.check_expectations(ev, block)
    assert result.passed, str(result)


# -- 2. a ratio that may exceed 1 takes a bare number as it is ---------------------------------


def freed_figures(value: Any) -> dict[str, Decimal | None]:
    data = data_of(LABOUR)
    data["skilled_hours_freed"] = value
    ev = sp.evaluate(from_data(data))
    return {f.key: f.value for f in ev.figures} | {"net.company": ev.results()["net.company"]}


@pytest.mark.parametrize("value", [1.2, "1.2", "120 %", "120 procent", Decimal("1.2")])
def test_skilled_hours_freed_above_one(value: Any) -> None:
    # paid = effective hours: 4 × 20 h/week × 52 = 4,160 h; freed 1.2 × 4,160 = 4,992 h
    # value 4,992 × 550 = 2,745,600.00; akkord 4,992 × 120 = 599,040.00
    # company: 2,745,600 − 4,160 × 320 (1,331,200) − 599,040 = 815,360.00
    figures = freed_figures(value)
    assert figures["skilled_hours_freed"] == Decimal("4992.00")
    assert figures["value_of_freed_time"] == Decimal("2745600.00")
    assert figures["craftsmen_extra_earnings"] == Decimal("599040.00")
    assert figures["net.company"] == Decimal("815360.00")


def test_a_percentage_is_still_a_percentage() -> None:
    # 1.2 % is 0.012: 0.012 × 4,160 = 49.92 skilled hours, worth 49.92 × 550 = 27,456.00
    figures = freed_figures("1.2 %")
    assert figures["skilled_hours_freed"] == Decimal("49.92")
    assert figures["value_of_freed_time"] == Decimal("27456.00")


def test_a_ratio_written_as_a_percentage_without_its_sign_is_refused() -> None:
    for value, words in ((80, "if 80 % is meant, write 80 %"), ("1200 %", "1200 % (12) is more than 10")):
        data = data_of(LABOUR)
        data["skilled_hours_freed"] = value
        with pytest.raises(ValidationError) as exc:
            from_data(data)
        assert "skilled_hours_freed" in message(exc)
        assert words in message(exc)
    data["skilled_hours_freed"] = -0.5
    with pytest.raises(ValidationError, match="must not be negative"):
        from_data(data)


def test_a_saved_ratio_reads_back() -> None:
    data = data_of(LABOUR)
    data["skilled_hours_freed"] = 1.2
    p = from_data(data)
    again = sp.loads(sp.dumps(p))
    assert again == p
    assert sp.evaluate(again).results() == sp.evaluate(p).results()


def test_shares_keep_the_guard() -> None:
    # wage_growth: 3 would mean 300 %: refused, with the fix
    data = data_of(THREE_YEARS)
    data["horizon"]["wage_growth"] = 3
    with pytest.raises(ValidationError) as exc:
        from_data(data)
    assert "3 would mean 300 %; write 3 %" in message(exc)
    # a progression share above 1 likewise
    data = data_of(THREE_YEARS)
    data["horizon"]["progression"]["to_fleksjob"] = 13
    with pytest.raises(ValidationError, match="13 would mean 1300 %"):
        from_data(data)


def _dimensionless_fields() -> dict[str, QuantityType]:
    """Every dimensionless quantity field of the scenario models, by ``Model.field``."""
    out: dict[str, QuantityType] = {}
    seen: set[type[BaseModel]] = set()
    pending: list[Any] = [
        sp.SharedResponsibilityPartnership,
        sp.SupplierPartnership,
        sp.LabourShortagePartnership,
        sp.InHousePartnership,
        sp.SpinOffPartnership,
    ]
    while pending:
        item = pending.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            if item in seen:
                continue
            seen.add(item)
            for name, field in item.model_fields.items():
                metas = [m for m in field.metadata if isinstance(m, QuantityType)]
                inner: list[Any] = [field.annotation]
                while inner:
                    tp = inner.pop()
                    metas += [m for m in getattr(tp, "__metadata__", ()) if isinstance(m, QuantityType)]
                    inner += typing.get_args(tp)
                    if isinstance(tp, type) and issubclass(tp, BaseModel):
                        pending.append(tp)
                for meta in metas:
                    if meta.dims == ((frozenset()),) and meta.shares:
                        out[f"{item.__name__}.{name}"] = meta
    return out


def test_which_dimensionless_fields_are_ratios_and_which_shares() -> None:
    fields = _dimensionless_fields()
    ratios = {name for name, meta in fields.items() if meta.ratio_max is not None}
    # the one ratio of hours to hours that may exceed 1
    assert ratios == {"LabourShortagePartnership.skilled_hours_freed"}
    # the growth rates may be negative; the other shares may not
    signed = {name for name, meta in fields.items() if meta.minimum == "growth"}
    assert signed == {"Horizon.wage_growth", "Horizon.price_growth"}
    assert {"Progression.to_fleksjob", "InHouseAlternative.turnover", "Horizon.nominal_discount_rate"} <= set(fields)
    # the docs say which is which
    units = (Path(__file__).resolve().parents[1] / "docs" / "units.md").read_text(encoding="utf-8")
    share_part = units.split("Which is which", 1)[1]
    for name in fields:
        assert f"`{name.split('.')[-1]}`" in share_part, name


# -- 3. the comma-cut advice fits the file's number format --------------------------------------


DANISH_LABOUR = """\
model: labour_shortage
number_format: da
name: Site helpers
period: 1 year
social_enterprise: {name: Byg & Hjælp SØV}
company: {name: Nordbyg A/S}
helpers:
  - {form: fleksjob, headcount: 4, paid_hours: 20 t/uge, wage_cost: WAGE, workplace: company}
price: 320 kr./time
skilled_hours_freed: 0,8
skilled_hour_value: 550 kr./time
support_staff:
  - {role: jobkonsulent, fte: 1, annual_cost: 500.000 kr./år}
"""


def test_danish_file_gets_the_danish_fix() -> None:
    with pytest.raises(ValidationError) as exc:
        sp.loads(DANISH_LABOUR.replace("WAGE", "165,50 kr./time"))
    text = message(exc)
    assert 'quote it (wage_cost: "165,50 kr./time")' in text
    assert "write wage_cost: 165.50" not in text  # a decimal point is refused in this file
    assert "declare number_format: da" not in text  # it is declared
    # following the advice: 165,50 is 165.50 DKK/hour; 4 × 20 × 52 = 4,160 h × 165.50 = 688,480.00
    p = sp.loads(DANISH_LABOUR.replace("WAGE", '"165,50 kr./time"'))
    assert isinstance(p, sp.LabourShortagePartnership)
    assert p.helpers[0].wage_cost == sp.Q_(165.5, "DKK/hour")
    assert sp.evaluate(p).results()["net.workers"] == Decimal("688480.00")


def test_danish_file_thousands_cut_at_a_comma() -> None:
    text = DANISH_LABOUR.replace("WAGE", "165 kr./time").replace(
        "annual_cost: 500.000 kr./år", "annual_cost: 500,000 kr./år"
    )
    with pytest.raises(ValidationError) as exc:
        sp.loads(text)
    assert "write annual_cost: 500.000 kr./år for thousands" in message(exc)


def test_plain_file_keeps_the_plain_fix() -> None:
    text = DANISH_LABOUR.replace("number_format: da\n", "").replace("WAGE", "165,50 kr./time")
    with pytest.raises(ValidationError) as exc:
        sp.loads(text)
    assert "write wage_cost: 165.50 kr./time with a decimal point" in message(exc)
    assert "declare number_format: da" in message(exc)


# -- 4. the ambiguity message shows the number typed -------------------------------------------


@pytest.mark.parametrize(
    ("typed", "readings"),
    [
        ("510.000", "510.000 is ambiguous (510 in English, 510,000 in Danish)"),
        ("1.500", "1.500 is ambiguous (1.5 in English, 1,500 in Danish)"),
        ("2.400", "2.400 is ambiguous (2.4 in English, 2,400 in Danish)"),
        ("35.897", "35.897 is ambiguous (35.897 in English, 35,897 in Danish)"),
        ("-12.500", "-12.500 is ambiguous (-12.5 in English, -12,500 in Danish)"),
    ],
)
def test_ambiguous_message_uses_the_number_typed(typed: str, readings: str) -> None:
    with pytest.raises(sp.QuantityError) as exc:
        read_number(typed, what="a number")
    assert readings in message(exc)
    if typed != "510.000":
        assert "510.000 is 510" not in message(exc)


def test_ambiguous_message_in_a_file_and_a_sweep() -> None:
    data = data_of(EXAMPLE)
    data["courses"]["price"] = "9.500 kr./md."
    with pytest.raises(ValidationError, match=r"9\.500 is ambiguous \(9\.5 in English, 9,500 in Danish\)"):
        from_data(data)
    with pytest.raises(sp.SweepError, match=r"1\.500 is ambiguous \(1\.5 in English, 1,500 in Danish\)"):
        sp.sweep(sp.load(EXAMPLE), {"courses.price": ["1.500 kr./md."]})
    with number_format("da"):  # in Danish format 1.500 is simply 1500
        assert read_number("1.500", what="a number") == 1500


# -- 5. sweeps and Monte Carlo take plain numbers for shares and ratios, and lists of quantities -


def test_sweep_plain_ratio() -> None:
    deal = sp.load(LABOUR)
    frame = sp.sweep(deal, {"skilled_hours_freed": [0.5, 0.7, 1.2]})
    # net.company = r × 4,160 × (550 − 120) − 1,331,200 = 1,788,800 r − 1,331,200:
    # 0.5 → −436,800; 0.7 → −79,040; 1.2 → 815,360
    assert list(frame["net.company [DKK]"]) == [-436800, -79040, 815360]
    assert list(frame["skilled_hours_freed"]) == [0.5, 0.7, 1.2]


def test_monte_carlo_plain_ratio() -> None:
    deal = sp.load(LABOUR)
    runs = sp.monte_carlo(deal, {"skilled_hours_freed": sp.Uniform(0.5, 0.9)}, n=200, seed=2)
    r = runs["skilled_hours_freed"]
    assert r.between(0.5, 0.9).all()
    assert list(runs["net.company [DKK]"]) == pytest.approx(list(1788800 * r - 1331200), abs=0.01)
    # a plain number beside a percentage is a fraction: 0.5 to 90 % is 0.5 to 0.9
    runs = sp.monte_carlo(deal, {"skilled_hours_freed": sp.Uniform(0.5, "90 %")}, n=50, seed=2)
    assert runs.iloc[:, 0].between(0.5, 0.9).all()


def test_sweep_plain_growth_may_be_negative_and_is_checked() -> None:
    deal = sp.load(THREE_YEARS)
    frame = sp.sweep(deal, {"horizon.wage_growth": [-0.02, 0.02]})
    for i, growth in enumerate(("-2 %", "2 %")):
        assert deal.horizon is not None
        h = deal.horizon.model_copy(update={"wage_growth": growth})
        ev = sp.evaluate(deal.model_copy(update={"horizon": h}))
        assert frame["coverage"].iloc[i] == pytest.approx(float(ev.results()["coverage"] or 0), abs=1e-12)
        assert frame["cost [DKK]"].iloc[i] == pytest.approx(float(ev.results()["cost"] or 0), abs=0.005)
    with pytest.raises(sp.SweepError, match="3 would mean 300 %"):
        sp.sweep(deal, {"horizon.wage_growth": [0.02, 3]})
    with pytest.raises(sp.SweepError, match="must be above -100 %"):
        sp.sweep(deal, {"horizon.wage_growth": [-1.0, 0.02]})
    # varying the price growth (an array in the discounting) agrees with single evaluations
    frame = sp.sweep(deal, {"horizon.price_growth": sp.Q_([-2, 3], "%")})
    for i, growth in enumerate(("-2 %", "3 %")):
        assert deal.horizon is not None
        h = deal.horizon.model_copy(update={"price_growth": growth})
        ev = sp.evaluate(deal.model_copy(update={"horizon": h}))
        assert frame["npv.company [DKK]"].iloc[i] == pytest.approx(float(ev.results()["npv.company"] or 0), abs=0.01)


def test_sweep_a_list_of_quantities() -> None:
    deal = sp.load(EXAMPLE)
    values = [sp.Q_(9000, "DKK/month"), sp.Q_(10000, "DKK/month"), sp.Q_(120000, "DKK/year"), "11000 kr./md."]
    frame = sp.sweep(deal, {"courses.price": values})
    # coverage = (3 × price × 12 + 46,800 overhead) / 480,000:
    # 9000 → 370,800 / 480,000 = 0.7725; 10000 → 0.8475; 120000/year = 10000/month; 11000 → 0.9225
    assert list(frame["courses.price [DKK/month]"]) == [9000, 10000, 10000, 11000]
    assert list(frame["coverage"]) == pytest.approx([0.7725, 0.8475, 0.8475, 0.9225])


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ([sp.Q_(9000, "DKK/month"), sp.Q_(100, "DKK/hour")], "do not convert"),
        ([sp.Q_(9000, "DKK/month"), 10000], "plain numbers mixed with values with units"),
        ([9000, 10000], r"a plain number is ambiguous here .*e\.g\. Q_\(np\.linspace\(…\), 'DKK/month'\)"),
        ([sp.Q_([9000, 10000], "DKK/month")], "one quantity with an array"),
        (["−9000 kr./md."], "must not be negative"),
    ],
)
def test_sweep_list_errors_say_what_to_do(values: Any, words: str) -> None:
    with pytest.raises(sp.SweepError, match=words):
        sp.sweep(sp.load(EXAMPLE), {"courses.price": values})


def test_plain_number_for_a_markup_in_money_says_what_to_do() -> None:
    # overhead is 20 DKK/hour in the example: a plain 10 would be a fraction (1000 %), not 10 DKK/hour
    with pytest.raises(sp.SweepError, match=r"a plain number here is a fraction .* in DKK / hour"):
        sp.sweep(sp.load(EXAMPLE), {"temp_hours.overhead": [10, 20]})
    # given as a percentage of the wage cost, plain fractions are read as in a file: 0.1 is 10 %
    data = data_of(EXAMPLE)
    data["temp_hours"]["overhead"] = "12 %"
    frame = sp.sweep(from_data(data), {"temp_hours.overhead": [0.1, 0.2]})
    # overhead 0.1 × 165 × 2,340 h = 38,610 + 396,000 courses = 434,610; 0.2: 77,220 + 396,000 = 473,220
    assert list(frame["funding [DKK]"]) == pytest.approx([434610, 473220], abs=0.005)


def test_monte_carlo_plain_number_beside_money_is_refused() -> None:
    deal = sp.load(EXAMPLE)
    for dist in (sp.Uniform(9000, "14000 DKK/month"), sp.Uniform("9000 DKK/month", 14000)):
        with pytest.raises(sp.SweepError, match=r"courses\.price: Uniform values must be numbers or quantities"):
            sp.monte_carlo(deal, {"courses.price": dist}, n=3)


def test_tornado_plain_ratio() -> None:
    table = sp.tornado(sp.load(LABOUR), {"skilled_hours_freed": (1.2, 0.5)}, result="net.company [DKK]")
    # ends sorted: 0.5 → −436,800; 1.2 → 815,360
    assert table["net.company [DKK] at low"].iloc[0] == -436800
    assert table["net.company [DKK] at high"].iloc[0] == 815360


# -- 6. quarters ----------------------------------------------------------------------------


def test_quarters() -> None:
    # 1 year = 4 quarters = 12 months = 52 weeks: 3 kvartaler = 9 months = 39 weeks
    assert sp.Q_("3 kvartaler").to("month").magnitude == 9
    assert sp.Q_("3 kvartaler").to("week").magnitude == 39
    assert sp.Q_("1 kvartal") == sp.Q_(3, "month")
    assert sp.Q_(3000, "kr./kvartal").to("DKK/year").magnitude == 12000
    # a period of 2 kvartaler is half a year: support staff cost 480,000 / 2 = 240,000
    data = data_of(EXAMPLE)
    data["period"] = "2 kvartaler"
    assert sp.evaluate(from_data(data)).results()["cost"] == Decimal("240000.00")


# -- 7. negative growth ---------------------------------------------------------------------


def shrinking(growth: str, *, price: str = "0 %") -> sp.Evaluation:
    data = data_of(EXAMPLE)
    data["horizon"] = {"years": 3, "wage_growth": growth, "price_growth": price}
    return sp.evaluate(from_data(data))


def test_wage_cut_of_two_percent_a_year() -> None:
    ev = shrinking("-2 %")
    # wages 3 × 15 h × 52 × 165 = 386,100.00, then × 0.98 = 378,378.00, × 0.98² (0.9604) = 370,810.44
    # the post 480,000.00, 470,400.00, 460,992.00
    years = [year.results() for year in ev.breakdown]
    assert [y["net.workers"] for y in years] == [Decimal("386100.00"), Decimal("378378.00"), Decimal("370810.44")]
    assert [y["cost"] for y in years] == [Decimal("480000.00"), Decimal("470400.00"), Decimal("460992.00")]
    # totals: 386,100 × 2.9404 = 1,135,288.44 and 480,000 × 2.9404 = 1,411,392.00
    assert ev.results()["net.workers"] == Decimal("1135288.44")
    assert ev.results()["cost"] == Decimal("1411392.00")
    # the funding (course fees, overhead) has no price growth: 442,800 × 3 = 1,328,400
    assert ev.results()["funding"] == Decimal("1328400.00")


def test_deflation() -> None:
    ev = shrinking("0 %", price="-1 %")
    # funding 3 × 11,000 × 12 + 20 × 2,340 = 442,800; × 0.99 = 438,372.00; × 0.9801 = 433,988.28
    assert [y.results()["funding"] for y in ev.breakdown] == [
        Decimal("442800.00"),
        Decimal("438372.00"),
        Decimal("433988.28"),
    ]


@pytest.mark.parametrize("growth", ["-100 %", "-1", "-150 %", -1])
def test_growth_of_minus_100_percent_or_below_is_refused(growth: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        shrinking(growth)
    assert "horizon.wage_growth" in message(exc)
    assert "must be above -100 %" in message(exc)


def test_growth_json_schema_says_it_may_be_negative() -> None:
    schema = sp.Horizon.model_json_schema()
    wage = schema["properties"]["wage_growth"]
    assert wage["x-minimum"] == -1
    assert wage["x-exclusive-minimum"] is True
    ratio = sp.LabourShortagePartnership.model_json_schema()["properties"]["skilled_hours_freed"]
    assert ratio["x-maximum"] == 10
    assert np.isclose(ratio["x-minimum"], 0)


# -- properties -----------------------------------------------------------------------------


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999.99"), places=2),
    st.sampled_from(list(MINUS_SIGNS)),
)
def test_property_a_dash_is_a_minus(x: Decimal, dash: str) -> None:
    text = f"{x:f}"
    assert read_number(f"{dash}{text}", what="a number") == -x
    assert sp.Q_(f"{dash}{text} kr.") == sp.Q_(f"-{text} kr.")


@given(st.integers(min_value=0, max_value=1000))
def test_property_a_ratio_bare_or_as_a_percentage(hundredths: int) -> None:
    # r = hundredths / 100 between 0 and 10: a bare r and r × 100 % are the same ratio
    bare = Decimal(hundredths).scaleb(-2)
    data = data_of(LABOUR)
    data["skilled_hours_freed"] = f"{bare:f}"
    as_bare = from_data(data)
    data["skilled_hours_freed"] = f"{hundredths} %"
    as_percent = from_data(data)
    results = sp.evaluate(as_bare).results()
    assert results == sp.evaluate(as_percent).results()
    # net.company = 1,788,800 r − 1,331,200, exact to the øre
    assert results["net.company"] == 1788800 * bare - 1331200


@given(st.integers(min_value=-99, max_value=10))
def test_property_growth_of_whole_percents(percent: int) -> None:
    # year t's post costs 480,000 × (1 + g)^t, rounded to øre once
    ev = shrinking(f"{percent} %")
    g = 1 + Decimal(percent).scaleb(-2)
    expected = [(480000 * g**t).quantize(Decimal("0.01")) for t in range(3)]
    assert [y.results()["cost"] for y in ev.breakdown] == expected


def test_python_text_is_read_the_danish_way_inside_number_format() -> None:
    # a sweep's text values were refused with "declare number_format: da", though the file did:
    # the format is how a file is read, not part of the scenario; sp.number_format does it in Python
    deal = sp.load(EXAMPLE)
    with pytest.raises(sp.SweepError, match=r"with sp\.number_format\('da'\)"):
        sp.sweep(deal, {"temp_hours.wage_cost": ["165,50 kr./time"]})
    with sp.number_format("da"):
        frame = sp.sweep(deal, {"courses.price": ["9.500 kr./md.", "10.000 kr./md."]})
        wage = sp.monte_carlo(deal, {"temp_hours.wage_cost": sp.Uniform("165,50 kr./time", "170 kr./time")}, n=5)
        solved = sp.solve(deal, "courses.price", "coverage", "92,25 %")
    # (36 × 9,500 + 46,800) / 480,000 = 0.81; (36 × 10,000 + 46,800) / 480,000 = 0.8475
    assert list(frame["courses.price [DKK/month]"]) == [9500.0, 10000.0]
    assert list(frame["coverage"].round(4)) == [0.81, 0.8475]
    assert wage["temp_hours.wage_cost [DKK/hour]"].between(165.5, 170).all()
    assert str(solved.value) == "11000 DKK / month"  # today's coverage, 92.25 %, at today's price
    with pytest.raises(ValueError, match="number_format: expected 'da'"), sp.number_format("dk"):
        pass
