"""A Normal cut at 0 far from its mean: the right cut mean, and a clear error where nothing is left."""

from __future__ import annotations

import math
import warnings

import pytest

import socialpartner as sp
from socialpartner.sweeps import _cut_mean


def test_the_cut_mean_comes_from_the_tail_not_from_one_minus_a_rounded_one() -> None:
    # mean −8,000, sd 1,000 cut at 0: α = 8, φ(8) = 5.05e-15, Q(8) = ½ erfc(8/√2) = 6.22e-16,
    # φ/Q = 8.1214, so the cut mean is −8,000 + 1,000 × 8.1214 = 121.37 (it was −415.53: 1 − Φ(8)
    # in double precision keeps no digit)
    assert _cut_mean(-8000, 1000, 0, math.inf) == pytest.approx(121.37, abs=0.005)
    assert _cut_mean(-7000, 1000, 0, math.inf) == pytest.approx(137.55, abs=0.005)
    assert _cut_mean(-8200, 1000, 0, math.inf) == pytest.approx(118.57, abs=0.005)
    # and near the mean as before: cut at 0 with mean 0, μ + σ φ(0)/½ = σ √(2/π)
    assert _cut_mean(0, 1000, 0, math.inf) == pytest.approx(1000 * math.sqrt(2 / math.pi))


def test_a_mean_three_sd_below_zero_warns_with_the_cut_mean_and_draws() -> None:
    # α = 3: φ(3) = 0.0044318, Q(3) = 0.0013499: −3,000 + 1,000 × 3.28310 = 283.10 DKK/month;
    # only 0.135 % of the draws are kept, and the sampler draws enough of them
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        low_mean = sp.Normal("-3000 DKK/month", "1000 DKK/month")
        frame = sp.monte_carlo(sp.load(sp.example_path()), {"courses.price": low_mean}, n=2000, seed=1)
    (warning,) = [w for w in caught if issubclass(w.category, sp.ScenarioWarning)]
    assert "with a mean of 283.10 DKK / month, not -3,000.00" in str(warning.message)
    draws = frame["courses.price [DKK/month]"]
    assert (draws >= 0).all()
    assert draws.mean() == pytest.approx(283.10, rel=0.1)


@pytest.mark.parametrize(
    ("path", "dist", "share"),
    [
        ("courses.price", sp.Normal("-9000 DKK/month", "1000 DKK/month"), "1.1e-19"),
        ("courses.price", sp.Normal("-9000 DKK/month", "1000 DKK/month", low="0 DKK/month"), "1.1e-19"),
        ("courses.price", sp.Normal("-8000 DKK/month", "1000 DKK/month"), "6.2e-16"),
        ("temp_hours.workers", sp.Normal(-20, 2), "7.6e-24"),  # a headcount: ZeroDivisionError before
    ],
)
def test_bounds_that_keep_almost_nothing_are_refused_naming_the_input(path: str, dist: sp.Normal, share: str) -> None:
    p = sp.load(sp.example_path())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", sp.ScenarioWarning)
        with pytest.raises(sp.SweepError) as caught:
            sp.monte_carlo(p, {path: dist}, n=10, seed=1)
    message = str(caught.value)
    assert message.startswith(f"{path}: normal: the bounds leave almost no probability ({share} of Normal("), message
    assert "lies above 0); widen them, or give a mean within them" in message
