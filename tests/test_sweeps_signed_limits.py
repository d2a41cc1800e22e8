"""Negative growth in solve, tornado and agreement; float32 arrays, the 10¹⁵ DKK limit, Normal's
cut at zero, warnings at the caller's line and the tornado's switching value in sweeps."""

from __future__ import annotations

import math
import warnings
import zlib
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal import paths
from socialpartner.cli import app
from tests.conftest import EXAMPLE, ROOT

THREE = ROOT / "examples" / "ikea_rebild_3_years.yaml"


@pytest.fixture(scope="module")
def three() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sp.load(THREE)


@pytest.fixture(scope="module")
def falling(three: Any) -> Any:
    """The three-year deal with wages falling 2 % a year."""
    data = three.model_dump(mode="json", exclude={"expect"})
    data["horizon"]["wage_growth"] = "-2 %"
    return sp.from_data(data)


def coverage_at(p: Any, growth: str) -> Decimal:
    result = sp.evaluate(paths.replace(p, "horizon.wage_growth", growth)).results()["coverage"]
    assert result is not None
    return result


# -- 1: a negative growth rate -------------------------------------------------------------


def test_solve_finds_a_negative_growth_by_default_and_in_a_negative_range(falling: Any) -> None:
    # coverage falls as wages grow (0.9829 at -2 %, 0.9634 at 0 %): the largest growth still
    # at 97 % lies between: -0.69 % gives 0.970072, -0.68 % (one grid step up) 0.969975
    assert coverage_at(falling, "-2 %") > Decimal("0.98")
    assert coverage_at(falling, "-0.69 %") >= Decimal("0.97") > coverage_at(falling, "-0.68 %")
    for kwargs in ({}, {"low": -5, "high": 0}, {"low": "-5", "high": "-0.5"}):
        solution = sp.solve(falling, "horizon.wage_growth", "coverage", Decimal("0.97"), **kwargs)
        assert solution.value_text == "-0.69 percent", kwargs
        assert Decimal("0.97") <= solution.achieved < Decimal("0.9701")
    # full coverage takes a fall of 3.71 % a year (1.000037; at -3.70 %, 0.999935)
    assert coverage_at(falling, "-3.71 %") >= 1 > coverage_at(falling, "-3.70 %")
    assert sp.solve(falling, "horizon.wage_growth", "coverage", 1).value_text == "-3.71 percent"


def test_solve_still_refuses_a_negative_bound_for_an_input_that_cannot_be_negative() -> None:
    deal = sp.load(EXAMPLE)
    with pytest.raises(sp.SolveError, match=r"low must not be negative, got -5\Z"):
        sp.solve(deal, "courses.price", "coverage", 1, low=-5)


def test_solve_at_a_negative_low_end_that_meets_the_target(falling: Any) -> None:
    # the range starts at the answer: -0.69 % meets 97 %, -0.68 % does not
    solution = sp.solve(falling, "horizon.wage_growth", "coverage", Decimal("0.97"), low=-5, high="-0.69")
    assert solution.value_text == "-0.69 percent"


def test_tornado_switching_value_of_a_growth_from_minus_5_to_5(three: Any) -> None:
    table = sp.tornado(three, {"horizon.wage_growth": ("-5 %", "5 %")})
    row = table.iloc[0]
    assert row["low"] == "-5 percent"
    assert row["coverage at low"] == pytest.approx(1.013210, abs=1e-6)
    assert row["coverage at high"] == pytest.approx(0.916790, abs=1e-6)
    # coverage crosses 100 % between the ends: the largest growth still covered, -3.71 %
    assert row["switching value (coverage = 100 %)"] == "-3.71 percent"
    assert coverage_at(three, "-3.71 %") >= 1 > coverage_at(three, "-3.70 %")


def test_agreement_over_a_negative_range_of_growth(three: Any) -> None:
    zone = sp.agreement(three, vary=["horizon.wage_growth"], bounds={"horizon.wage_growth": (-5, 5)})
    assert zone.bounds == ((Fraction(-5), Fraction(5)),)
    assert zone.empty
    # the municipality's best point is the lowest growth: its shortfall is there, from evaluate
    (short,) = zone.binding
    assert short.condition.party == "municipality"
    assert short.at == (Decimal("-4.95"),)  # its best point on the grid (steps of 0.05 %)
    at = sp.evaluate(paths.replace(three, "horizon.wage_growth", "-4.95 %")).results()
    municipality = at["npv.public.municipality"]
    assert municipality is not None
    assert short.amount == -municipality


# -- 2: a traced empty zone names who is short -----------------------------------------------


def test_traced_empty_zone_names_every_party_short(three: Any) -> None:
    zone = sp.agreement(three, vary=["public.fleksjob_wage"], bounds={"public.fleksjob_wage": (100, 300)})
    assert zone.method == "grid"
    assert zone.empty
    # neither condition holds anywhere: each is short at its own best point, the lowest wage
    at = sp.evaluate(paths.replace(three, "public.fleksjob_wage", "100 DKK/hour")).results()
    # the benefits alone moved with the 2027 rates (less 0.45 point, lov nr. 630 af 11.6.2024): the
    # example's present value went from −449,067.06 to −455,753.24, by −6,686.18, and the wage changes only
    # the fleksløntilskud lines: −61,067.02 − 6,686.18 = −67,753.20
    assert at["npv.public.municipality"] == Decimal("-67753.20")
    assert at["npv.social_enterprise"] == Decimal("-78233.40")
    assert [(s.condition.party, s.amount, s.at) for s in zone.binding] == [
        ("municipality", Decimal("67753.20"), (Decimal("100.00"),)),
        ("social_enterprise", Decimal("78233.40"), (Decimal("100.00"),)),
    ]
    text = str(zone)
    assert (
        "the zone is empty:\n    Rebild Kommune (no worse off than without the partnership) is 67,753.20 DKK short"
        in text
    )
    assert "Huset Venture Nordjylland (covers its support staff in present value) is 78,233.40 DKK short" in text


@pytest.mark.parametrize("path", ["horizon.wage_growth", "horizon.price_growth"])
def test_traced_empty_zone_over_growth_names_who_is_short(three: Any, path: str) -> None:
    zone = sp.agreement(three, vary=[path], bounds={path: (1, 3)})
    assert zone.empty
    assert {s.condition.party for s in zone.binding} == {"municipality", "social_enterprise"}
    assert all(s.amount > 0 for s in zone.binding)


def test_cli_agree_lists_who_is_short() -> None:
    result = CliRunner().invoke(app, ["agree", str(THREE), "--vary", "public.fleksjob_wage=100..300"])
    assert result.exit_code == 0, result.output
    empty = result.output.split("the zone is empty:\n", 1)[1].splitlines()
    assert empty[0] == "    Rebild Kommune (no worse off than without the partnership) is 67,753.20 DKK short"
    soev = "    Huset Venture Nordjylland (covers its support staff in present value) is 78,233.40 DKK short"
    assert empty[1] == soev


# -- 19: a reversed range in agree -------------------------------------------------------------


def test_cli_agree_reads_a_reversed_range_as_its_interval() -> None:
    runner = CliRunner()
    forward = runner.invoke(app, ["agree", str(EXAMPLE), "--vary", "courses.price=100..50000"])
    backward = runner.invoke(app, ["agree", str(EXAMPLE), "--vary", "courses.price=50000..100"])
    assert forward.exit_code == backward.exit_code == 0, backward.output
    assert backward.output == forward.output
    # the SØV's boundary: 36 × price = 433,200 at 12,033.33… DKK/month
    assert "12,033.34" in forward.output


def test_agree_range_of_one_value_names_the_input() -> None:
    result = CliRunner().invoke(app, ["agree", str(EXAMPLE), "--vary", "courses.price=500..500"])
    assert result.exit_code != 0
    assert "--vary courses.price: the range 500..500 is a single value" in result.output
    assert "1. input" not in result.output


# -- 3: float32 arrays -------------------------------------------------------------------------


def test_float32_array_is_read_at_its_own_precision() -> None:
    deal = sp.load(EXAMPLE)
    big = deal.model_copy(update={"courses": sp.Courses(participants=1000, price="1 DKK/month")})
    price32 = np.float32(13963.99)  # widens to 13963.990234375
    evaluated = sp.evaluate(
        big.model_copy(update={"courses": sp.Courses(participants=1000, price=sp.Q_(price32, "DKK/month"))})
    )
    expected = evaluated.results()["net.municipality"]
    # 1000 participants × 13,963.99 × 12 months = 167,567,880.00 paid by the municipality
    assert expected == Decimal("-167567880.00")
    frame = sp.sweep(big, {"courses.price": sp.Q_(np.array([13963.99, 9000], dtype=np.float32), "DKK/month")})
    assert frame["courses.price [DKK/month]"].tolist() == [13963.99, 9000.0]
    assert frame["net.municipality [DKK]"].iloc[0] == -167567880.00
    assert frame["net.municipality [DKK]"].iloc[1] == -108000000.00  # 1000 × 9000 × 12
    table = sp.tornado(big, {"courses.price": (sp.Q_(price32, "DKK/month"), sp.Q_(np.float32(9000), "DKK/month"))})
    assert table["high"].iloc[0] == "13963.99 DKK/month"


def test_float32_plain_numbers_are_read_at_their_own_precision() -> None:
    deal = sp.load(EXAMPLE)
    frame = sp.sweep(deal, {"temp_hours.wage_cost": np.array([165.3, 170.7], dtype=np.float32)})
    assert frame["temp_hours.wage_cost [DKK/hour]"].tolist() == [165.3, 170.7]  # not 165.3000030517578


# -- 6: the largest amount ---------------------------------------------------------------------


def test_sweep_refuses_amounts_beyond_the_ledger_limit() -> None:
    deal = sp.load(EXAMPLE)
    with pytest.raises(sp.LedgerError, match="beyond the largest amount handled"):
        sp.evaluate(paths.replace(deal, "courses.price", "1e14 DKK/month"))
    # 3 participants × 10¹⁴ × 12 months = 3.6 × 10¹⁵ DKK
    with pytest.raises(sp.SweepError) as exc:
        sp.sweep(deal, {"courses.price": ["9000 DKK/month", "1e14 DKK/month", "2e14 DKK/month"]})
    message = str(exc.value)
    assert message.startswith("courses.price: development courses comes to 3,600,000,000,000,000.00 DKK in 2 variants")
    assert "(the first at courses.price = 100000000000000 DKK/month)" in message
    assert "beyond the largest amount handled (1E+15 DKK, as in evaluate)" in message
    # just below: 3 × 2.7 × 10¹³ × 12 = 9.72 × 10¹⁴ DKK is swept
    frame = sp.sweep(deal, {"courses.price": ["2.7e13 DKK/month"]})
    assert frame["net.municipality [DKK]"].iloc[0] == -9.72e14


def test_monte_carlo_refuses_amounts_beyond_the_ledger_limit() -> None:
    deal = sp.load(EXAMPLE)
    with pytest.raises(sp.SweepError, match=r"^courses.price: development courses comes to .* beyond the largest"):
        sp.monte_carlo(deal, {"courses.price": sp.Uniform("1e13 DKK/month", "9e13 DKK/month")}, n=10, seed=1)


# -- 5: a Normal cut at zero -------------------------------------------------------------------


def test_normal_cut_at_zero_warns_with_its_share_and_mean() -> None:
    deal = sp.load(EXAMPLE)
    normal = sp.Normal("1000 DKK/month", "5000 DKK/month")
    # P(X < 0) = Φ(-0.2) = 0.4207; the mean of the normal cut at 0 is
    # 1000 + 5000 × φ(0.2) / (1 − Φ(-0.2)) = 1000 + 5000 × 0.391043 / 0.579260 = 4375.37
    with pytest.warns(sp.ScenarioWarning) as record:
        frame = sp.monte_carlo(deal, {"courses.price": normal}, n=100_000, seed=1)
    (w,) = [r for r in record if "Normal" in str(r.message)]
    assert str(w.message) == (
        "courses.price: Normal(1000 DKK / month, 5000 DKK / month) has 42.1% of its mass below 0, which the "
        "input cannot be: those draws are redrawn, so the draws follow the normal cut at 0, with a mean of "
        "4,375.37 DKK / month, not 1,000.00; give low= (and high=) to say where it is cut, or a smaller sd"
    )
    assert w.filename == __file__
    # the draws are the cut normal: their mean within 0.5 % of 4375.37 (sd ≈ 3000 / √100000 ≈ 10)
    assert frame["courses.price [DKK/month]"].mean() == pytest.approx(4375.37, rel=0.005)
    assert frame["courses.price [DKK/month]"].min() >= 0


def test_normal_with_little_mass_below_zero_does_not_warn() -> None:
    deal = sp.load(EXAMPLE)
    # Normal(3, 1): Φ(-3) = 0.13 % below 0, under the 1 % that is worth a warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sp.monte_carlo(deal, {"temp_hours.workers": sp.Normal(3, 1)}, n=100, seed=1)
        # an explicit low is the user's own cut: no warning either
        sp.monte_carlo(deal, {"courses.price": sp.Normal("1000 DKK/month", "5000 DKK/month", low="0 DKK/month")}, n=100)


def test_normal_on_a_headcount_warns_too() -> None:
    deal = sp.load(EXAMPLE)
    # Φ(-0.6) = 27.4 %; cut mean 3 + 5 × φ(0.6) / (1 − Φ(-0.6)) = 3 + 5 × 0.333225 / 0.725747 = 5.30
    with pytest.warns(
        sp.ScenarioWarning, match=r"temp_hours.workers: Normal\(3, 5\) has 27.4% .* mean of 5.30, not 3.00"
    ):
        sp.monte_carlo(deal, {"temp_hours.workers": sp.Normal(3, 5)}, n=100, seed=1)


def test_normal_on_a_growth_is_not_cut_at_zero(three: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = sp.monte_carlo(three, {"horizon.wage_growth": sp.Normal("1 %", "2 %")}, n=2000, seed=1)
    drawn = frame["horizon.wage_growth [percent]"]
    # a growth may be negative: about Φ(-0.5) = 31 % of the draws are below 0, and the mean stays near 1 %
    assert 0.27 < (drawn < 0).mean() < 0.35
    assert drawn.mean() == pytest.approx(1, abs=0.15)


# -- 17: warnings point at the caller ------------------------------------------------------------


def test_monte_carlo_and_tornado_warnings_point_at_the_callers_line(three: Any) -> None:
    calls: list[Callable[[], object]] = [
        lambda: sp.monte_carlo(three, {"temp_hours.workers": sp.Uniform(2, 5)}, n=10, seed=1),
        lambda: sp.tornado(three, {"temp_hours.workers": (2, 5)}),
        lambda: sp.sweep(three, {"temp_hours.workers": [2, 5]}),
    ]
    for call in calls:
        with pytest.warns(sp.ScenarioWarning, match="horizon.changes set temp_hours.workers in 2027–2028") as record:
            call()
        assert {r.filename for r in record} == {__file__}


# -- 18: the tornado's switching value is for its result ---------------------------------------


def test_tornado_switching_value_is_for_the_chosen_result() -> None:
    deal = sp.load(EXAMPLE)
    ranges = {"courses.price": ("9000 DKK/month", "14000 DKK/month")}
    # surplus = 36 × price − 433,200: −109,200 at 9,000 and 70,800 at 14,000; zero at 12,033.33…
    table = sp.tornado(deal, ranges, result="surplus [DKK]")
    assert table["surplus [DKK] at low"].iloc[0] == -109200.0
    assert table["surplus [DKK] at high"].iloc[0] == 70800.0
    assert table["switching value (surplus = 0 DKK)"].iloc[0] == "12033.34 DKK / month"
    assert not any(c.startswith("switching value (coverage") for c in table.columns)
    # jobs have no target: no switching value column
    assert [c for c in sp.tornado(deal, ranges, result="jobs").columns if c.startswith("switching")] == []


def test_tornado_public_result_does_not_show_coverages_switching_value(three: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = sp.tornado(
            three, {"courses.price": ("9000 DKK/month", "14000 DKK/month")}, result="public.municipality [DKK]"
        )
    assert "switching value (coverage = 100 %)" not in table.columns
    # the municipality's public net effect stays negative over the range: at 11,000 it is −475,880.49;
    # each 1,000 DKK/month of price is 3 × 12 × 1,000 × (1 + 1.02 + 1.0404) = 110,174.40 over the years,
    # so 9,000 gives −475,880.49 + 220,348.80 = −255,531.69 and 14,000 −475,880.49 − 330,523.20 = −806,403.69
    assert table["public.municipality [DKK] at low"].iloc[0] == pytest.approx(-255531.69, abs=0.005)
    assert table["public.municipality [DKK] at high"].iloc[0] == pytest.approx(-806403.69, abs=0.005)
    assert table["switching value (public.municipality = 0 DKK)"].iloc[0] is None
    assert not math.isnan(table["swing"].iloc[0])


# -- 16: each input its own random stream -----------------------------------------------------

_MC_INPUTS = {
    "courses.price": sp.Uniform("9000 DKK/month", "14000 DKK/month"),
    "support_staff.0.annual_cost": sp.Triangular("450000 DKK/year", "480000 DKK/year", "520000 DKK/year"),
    "temp_hours.workers": sp.Normal(3, 1, low=0, high=6),
}


def _mc(n: int, order: list[str], seed: int = 5) -> Any:
    return sp.monte_carlo(sp.load(EXAMPLE), {path: _MC_INPUTS[path] for path in order}, n, seed=seed)


def test_monte_carlo_rows_do_not_depend_on_the_inputs_order_nor_on_n() -> None:
    order = list(_MC_INPUTS)
    a = _mc(2000, order)
    swapped = _mc(2000, order[::-1])
    longer = _mc(2001, order)
    for column in a.columns:
        # equal row by row (NaN where a row has no value, e.g. a break-even with no volume)
        np.testing.assert_array_equal(a[column].to_numpy(), swapped[column].to_numpy(), err_msg=column)
        np.testing.assert_array_equal(a[column].to_numpy(), longer[column].to_numpy()[:2000], err_msg=column)
    # an input's draws are its own stream's, whatever the other inputs
    alone = _mc(2000, ["courses.price"])
    assert alone["courses.price [DKK/month]"].tolist() == a["courses.price [DKK/month]"].tolist()
    # the stream: the seed and the path's CRC-32, drawn in order
    stream = np.random.default_rng(np.random.SeedSequence([5, zlib.crc32(b"courses.price")]))
    assert alone["courses.price [DKK/month]"].tolist() == stream.uniform(9000, 14000, 2000).tolist()
    # the truncated normal keeps the first draws of its stream that lie within [0, 6]
    stream = np.random.default_rng(np.random.SeedSequence([5, zlib.crc32(b"temp_hours.workers")]))
    raw = stream.normal(3, 1, 4000)
    kept = raw[(raw >= 0) & (raw <= 6)][:2000]
    assert a["temp_hours.workers"].tolist() == np.rint(kept).astype(int).tolist()


def test_monte_carlo_is_the_same_in_a_process_pool() -> None:
    from concurrent.futures import ProcessPoolExecutor

    here = _mc(500, list(_MC_INPUTS))
    with ProcessPoolExecutor(max_workers=1) as pool:
        there = pool.submit(_mc, 500, list(_MC_INPUTS)[::-1]).result(timeout=300)
    for column in here.columns:
        np.testing.assert_array_equal(here[column].to_numpy(), there[column].to_numpy(), err_msg=column)


def test_solve_command_takes_a_negative_min_for_a_growth_only() -> None:
    runner = CliRunner()
    # a growth may be negative: --min -5 is a range end, and the answer is the Python one (−0.69 %)
    out = runner.invoke(
        app,
        [
            "solve",
            str(THREE),
            "--vary",
            "horizon.wage_growth",
            "--target",
            "coverage=0.97",
            "--min",
            "-5",
            "--max",
            "0",
        ],
    )
    assert out.exit_code == 0, out.output
    assert "horizon.wage_growth = -0.69 percent" in out.output
    # a price may not: the option is named, the value shown as written
    out = runner.invoke(app, ["solve", str(THREE), "--vary", "courses.price", "--target", "coverage=1", "--min", "-5"])
    assert out.exit_code == 2
    assert "--min must not be negative, got -5\n" in out.output
