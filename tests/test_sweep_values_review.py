"""Sweep values as a notebook gives them: Decimals, generators, pandas; shapes and arguments checked first."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import socialpartner as sp

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def deal() -> sp.Partnership:
    return sp.load(sp.example_path())


def test_decimals_are_taken_as_the_same_floats(deal: sp.Partnership) -> None:
    as_floats = sp.sweep(deal, {"temp_hours.wage_cost": [165.10, 170.30]})
    as_decimals = sp.sweep(deal, {"temp_hours.wage_cost": [Decimal("165.10"), Decimal("170.30")]})
    pd.testing.assert_frame_equal(as_floats, as_decimals)
    # evaluate's own Decimal fed back: the wage transfer 386,100.00 over 2,340 hours is 165 DKK/hour
    wage = sp.evaluate(deal).ledger.transfers[0].amount / 2340
    frame = sp.sweep(deal, {"temp_hours.wage_cost": [wage]})
    assert frame["temp_hours.wage_cost [DKK/hour]"].tolist() == [165.0]
    coverage = sp.evaluate(deal).cost_split.coverage
    assert coverage is not None
    assert frame["coverage"].iloc[0] == pytest.approx(float(coverage))


def test_a_generator_and_a_pandas_series_are_lists_of_values(deal: sp.Partnership) -> None:
    a = sp.sweep(deal, {"temp_hours.workers": (n for n in (2, 4))})
    b = sp.sweep(deal, {"temp_hours.workers": pd.Series([2, 4])})
    c = sp.sweep(deal, {"temp_hours.workers": [2, 4]})
    pd.testing.assert_frame_equal(a, c)
    pd.testing.assert_frame_equal(b, c)


def test_a_two_dimensional_array_is_refused_not_flattened(deal: sp.Partnership) -> None:
    with pytest.raises(sp.SweepError, match=r"temp_hours\.workers: give a one-dimensional array .* shape \(2, 2\)"):
        sp.sweep(deal, {"temp_hours.workers": np.array([[2, 3], [4, 5]])})


def test_plain_numbers_mixed_with_units_are_named_as_such() -> None:
    site = sp.load(ROOT / "examples" / "labour_shortage_site.yaml")
    with pytest.raises(sp.SweepError, match=r"skilled_hours_freed: plain numbers mixed with values with units"):
        sp.sweep(site, {"skilled_hours_freed": [0.5, "120 %"]})


def test_arguments_are_checked_before_the_run(deal: sp.Partnership) -> None:
    with pytest.raises(sp.SweepError, match=r"^progress: expected a function"):
        sp.sweep(deal, {"courses.price": ["9000 DKK/month"]}, progress="yes")  # type: ignore[arg-type]
    price = {"courses.price": sp.Uniform("9000 DKK/month", "14000 DKK/month")}
    with pytest.raises(sp.SweepError, match=r"^progress: expected a function"):
        sp.monte_carlo(deal, price, n=10, progress="yes")  # type: ignore[arg-type]
    with pytest.raises(sp.SweepError, match=r"chunk"):
        sp.monte_carlo(deal, price, n=10, chunk=0)
    runs = sp.monte_carlo(deal, price, n=100, seed=1)
    with pytest.raises(sp.SweepError, match=r"^columns: no column 'covrage' in the frame; did you mean 'coverage'\?"):
        sp.summarize(runs, columns=["coverage", "covrage"])


def test_monte_carlo_in_blocks_gives_the_same_rows_and_reports_progress(deal: sp.Partnership) -> None:
    price = {"courses.price": sp.Uniform("9000 DKK/month", "14000 DKK/month")}
    done: list[int] = []
    whole = sp.monte_carlo(deal, price, n=1000, seed=3)
    blocks = sp.monte_carlo(deal, price, n=1000, seed=3, chunk=128, progress=done.append)
    pd.testing.assert_frame_equal(whole, blocks)
    assert sum(done) == 1000
    assert done[:2] == [128, 128]


def test_a_quantity_of_a_pandas_column_is_its_values(deal: sp.Partnership) -> None:
    # Q_(df["price"], "DKK/month") raised pint's TypeError ("cannot wrap upcast type"); it holds
    # the column's values by position (the index 5, 7 is not a row label of the sweep)
    column = pd.Series([9000.0, 12000.0], index=[5, 7])
    quantity = sp.Q_(column, "DKK/month")
    assert np.array_equal(quantity.magnitude, [9000.0, 12000.0])
    from_column = sp.sweep(deal, {"courses.price": quantity})
    from_array = sp.sweep(deal, {"courses.price": sp.Q_(np.array([9000.0, 12000.0]), "DKK/month")})
    pd.testing.assert_frame_equal(from_column, from_array)
    # coverage at 9,000 DKK/month: (3 × 12 × 9,000 + 2,340 h × 20 DKK/h overhead) / 480,000 = 370,800 / 480,000
    assert from_column["coverage"].iloc[0] == pytest.approx(370_800 / 480_000)
    index = pd.Index([15, 20])
    assert np.array_equal(sp.Q_(index, "hour/week").magnitude, [15, 20])


def test_an_array_of_text_is_refused_naming_the_input(deal: sp.Partnership) -> None:
    # text in a quantity is read by the number rules when the quantity is made: "x" is no number
    with pytest.raises(sp.QuantityError, match=r"not a number \(expected a number, got 'x'\)"):
        sp.Q_(pd.Series(["9000", "x"]), "DKK/month")
    with pytest.raises(sp.SweepError, match=r"^courses\.price: values must be finite"):
        sp.sweep(deal, {"courses.price": sp.Q_(np.array([9000, None], dtype=object), "DKK/month")})


def test_headcounts_as_text_are_read_by_the_fields_rules(deal: sp.Partnership) -> None:
    # overhead 20 DKK/h × workers × 15 h × 52 weeks + courses 396,000, over the staff's 480,000:
    # 3 → 442,800 / 480,000 = 0.9225; 1,000 → 15,996,000 / 480,000 = 33.325; 4 → 458,400 / 480,000 = 0.955
    frame = sp.sweep(deal, {"temp_hours.workers": ["3", "1_000", 4]})
    assert frame["coverage"].tolist() == [0.9225, 33.325, 0.955]
    assert frame["temp_hours.workers"].tolist() == [3, 1000, 4]
    with pytest.raises(sp.SweepError, match=r"^temp_hours\.workers: 1\.000 is ambiguous"):
        sp.sweep(deal, {"temp_hours.workers": ["1.000"]})
    with pytest.raises(sp.SweepError, match=r"^temp_hours\.workers: expected a whole number of people, got 3\.5"):
        sp.sweep(deal, {"temp_hours.workers": ["3.5"]})
    with sp.number_format("da"):
        assert sp.sweep(deal, {"temp_hours.workers": ["1.000"]})["coverage"].tolist() == [33.325]


def test_bare_numbers_as_text_are_the_numbers_they_write(deal: sp.Partnership) -> None:
    """A CSV column read as text: ["160", "170.5"] sweeps as [160, 170.5] where plain numbers are taken."""
    as_numbers = sp.sweep(deal, {"temp_hours.wage_cost": [160, 170.5]})
    for text in (["160", "170.5"], pd.Series(["160", "170.5"], dtype=str)):
        frame = sp.sweep(deal, {"temp_hours.wage_cost": text})
        assert frame.equals(as_numbers)
    with pytest.raises(sp.SweepError, match=r"^temp_hours\.wage_cost: 1\.600 is ambiguous"):
        sp.sweep(deal, {"temp_hours.wage_cost": ["1.600"]})
    with sp.number_format("da"):
        danish = sp.sweep(deal, {"temp_hours.wage_cost": ["160,50"]})
    assert danish["temp_hours.wage_cost [DKK/hour]"].tolist() == [160.5]
    # a price per month alone is ambiguous as a number is (per what time?)
    with pytest.raises(sp.SweepError, match=r"^courses\.price: a plain number is ambiguous here"):
        sp.sweep(deal, {"courses.price": ["9000"]})


def test_a_uniform_headcount_given_as_text_draws_whole_people(deal: sp.Partnership) -> None:
    """Uniform("3", "9") is Uniform(3, 9): whole numbers 3 to 9, the same draws for the same seed."""
    text = sp.monte_carlo(deal, {"temp_hours.workers": sp.Uniform("3", "9")}, n=200, seed=1)
    plain = sp.monte_carlo(deal, {"temp_hours.workers": sp.Uniform(3, 9)}, n=200, seed=1)
    assert sorted(set(text["temp_hours.workers"])) == [3, 4, 5, 6, 7, 8, 9]
    assert text.equals(plain)


def test_a_distribution_mixing_units_says_which_without_pints_words(deal: sp.Partnership) -> None:
    with pytest.raises(sp.SweepError) as e:
        sp.monte_carlo(deal, {"temp_hours.wage_cost": sp.Uniform(160, "170 DKK/hour")}, n=10)
    assert str(e.value) == (
        "temp_hours.wage_cost: Uniform values must be numbers or quantities in one unit: "
        "DKK / hour and a plain number do not convert (got 160, '170 DKK/hour')"
    )
    assert "Cannot convert" not in str(e.value)
