"""``socialpartner compare`` compares inputs by value, and a bare turnover above 1 gets both readings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ikea_rebild.yaml"
runner = CliRunner()


def _with_price(tmp_path: Path, price: str) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace("price: 11000 DKK/month", f"price: {price}")
    assert f"price: {price}" in text
    path = tmp_path / f"{price.split()[0]}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _compare(a: Path, b: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["compare", str(a), str(b), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.output)
    return doc


def test_an_equal_price_written_per_year_is_not_an_input_that_differs(tmp_path: Path) -> None:
    # 11,000 DKK/month × 12 = 132,000 DKK/year: the same price
    doc = _compare(EXAMPLE, _with_price(tmp_path, "132000 DKK/year"))
    assert doc["inputs"] == []
    coverage = next(r for r in doc["results"] if r["result"] == "coverage")
    assert (coverage["a"], coverage["b"], coverage["difference"]) == ("0.922500", "0.922500", "0.0000")
    table = runner.invoke(app, ["compare", str(EXAMPLE), str(_with_price(tmp_path, "132000 DKK/year"))])
    assert "The inputs are the same." in table.output


def test_a_price_that_differs_is_listed_as_written(tmp_path: Path) -> None:
    # 132,001 DKK/year is 11,000.08 DKK/month: one øre a year more than the example's price
    doc = _compare(EXAMPLE, _with_price(tmp_path, "132001 DKK/year"))
    assert doc["inputs"] == [{"input": "courses.price", "a": "11000 DKK / month", "b": "132001 DKK / year"}]
    doc = _compare(EXAMPLE, _with_price(tmp_path, "12000 DKK/month"))
    assert doc["inputs"] == [{"input": "courses.price", "a": "11000 DKK / month", "b": "12000 DKK / month"}]


def test_horizon_changes_listed_in_another_order_are_the_same_inputs(tmp_path: Path) -> None:
    # changes apply by year, then as listed: the same changes in another order are the same deal
    data = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml").model_dump(mode="json", exclude={"expect"})
    data["horizon"]["changes"] = [
        {"year": 2027, "set": {"temp_hours.workers": 4}},
        {"year": 2028, "set": {"courses.price": "13000 DKK/month"}},
    ]
    a = sp.save(sp.from_data(data), tmp_path / "a.yaml")
    data["horizon"]["changes"].reverse()
    b = sp.save(sp.from_data(data), tmp_path / "b.yaml")
    assert _compare(a, b)["inputs"] == []
    # a change that differs is named by its year and the input it sets
    data["horizon"]["changes"][0]["set"]["courses.price"] = "13500 DKK/month"
    c = sp.save(sp.from_data(data), tmp_path / "c.yaml")
    assert _compare(a, c)["inputs"] == [
        {"input": "horizon.changes.2028.courses.price", "a": "13000 DKK / month", "b": "13500 DKK / month"}
    ]


def test_a_share_as_a_percentage_or_a_fraction_is_one_value(tmp_path: Path) -> None:
    three = ROOT / "examples" / "ikea_rebild_3_years.yaml"
    data = yaml.safe_load(three.read_text(encoding="utf-8"))
    data["horizon"]["wage_growth"] = 0.02  # the file's 2 %
    other = tmp_path / "fraction.yaml"
    other.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert _compare(three, other)["inputs"] == []
    data["horizon"]["wage_growth"] = 0.021
    other.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert _compare(three, other)["inputs"] == [{"input": "horizon.wage_growth", "a": "2 percent", "b": "0.021"}]


def _in_house() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    return data


@pytest.mark.parametrize(("bare", "percent"), [(1.2, "120"), (3, "300"), ("1.5", "150")])
def test_a_bare_turnover_above_one_names_both_readings(bare: Any, percent: str) -> None:
    data = _in_house()
    data["alternative"]["turnover"] = bare
    with pytest.raises(ValidationError) as err:
        sp.from_data(data)
    (error,) = err.value.errors()
    assert error["loc"] == ("alternative", "turnover")
    assert error["msg"].startswith(
        f"a bare number is a fraction, at most 1, and {bare} would mean {percent} %: "
        f"write '{percent} %' if that is meant, or '{bare} %'"
    )


def test_a_turnover_above_100_percent_is_taken() -> None:
    data = _in_house()
    data["alternative"]["turnover"] = "120 %"
    partnership = sp.from_data(data)
    assert isinstance(partnership, sp.InHousePartnership)
    assert partnership.alternative.turnover == sp.Q_(120, "percent")
    data["alternative"]["turnover"] = 0.6  # the example's 60 percent, as a fraction
    assert sp.evaluate(sp.from_data(data)).results() == sp.evaluate(sp.from_data(_in_house())).results()


def test_another_share_keeps_its_advice() -> None:
    data = _in_house()
    data["alternative"]["error_rate"] = 3
    with pytest.raises(ValidationError) as err:
        sp.from_data(data)
    (error,) = err.value.errors()
    # an error rate is typed as a percentage, at most 100 %: a bare 3 is refused, offered the reading it can be
    assert error["msg"].startswith("a bare 3 would mean 300 %, more than the whole: write '3 %'")
