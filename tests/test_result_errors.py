"""Reading a result that is not there is a KeyError (and a SolveError, as a solve names results the same way)."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest
import yaml

import socialpartner as sp

from .conftest import EXAMPLE

THREE_YEARS = EXAMPLE.parent / "ikea_rebild_3_years.yaml"


def test_an_unknown_year_is_a_key_error_naming_the_years() -> None:
    ev = sp.evaluate(sp.load(THREE_YEARS))
    with pytest.raises(KeyError) as caught:
        ev.result("2029.coverage")
    error = caught.value
    assert isinstance(error, sp.ResultError)
    assert isinstance(error, sp.SolveError)  # what result() raised before: code catching it still does
    assert str(error) == "2029.coverage: no year '2029' in this scenario (its years: 2026, 2027, 2028)"
    assert error.name == "2029.coverage"
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own error, round-tripped
    assert (type(again), again.name, str(again)) == (sp.ResultError, error.name, str(error))


def test_an_unknown_name_and_a_missing_public_block_are_key_errors() -> None:
    ev = sp.evaluate(sp.load(EXAMPLE))
    with pytest.raises(sp.ResultError, match=r"unknown result 'coverag'; did you mean 'coverage'; results: coverage"):
        ev.result("coverag")
    # review 45 F6: a year's result asked of a horizon's total names where it is
    horizon = sp.evaluate(sp.load(EXAMPLE.parent / "ikea_rebild_3_years.yaml"))
    with pytest.raises(
        sp.ResultError,
        match=r"unknown result 'progression.left'; over several years it is each "
        r"year's: 2026.progression.left; results: ",
    ):
        horizon.result("progression.left")
    data = yaml.safe_load((EXAMPLE.parent / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"] = {"years": 2, "start_year": 2026}
    in_house = sp.evaluate(sp.from_data(data))
    with pytest.raises(sp.ResultError, match=r"2026.company_saving; over the years: total.company_saving or npv"):
        in_house.result("company_saving")
    with pytest.raises(KeyError, match=r"public.state: the scenario has no public: block"):
        ev.result("public.state")
    assert ev.result("coverage") == Decimal("0.9225")  # 442,800 / 480,000
