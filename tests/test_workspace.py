"""A workspace lends its arrays to the vector engine: same results, never a held array overwritten."""

from __future__ import annotations

import gc
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialpartner as sp
from socialpartner._internal import engine
from socialpartner._internal.backend import Workspace, _Pooled, plain, pooled, vector_mode
from socialpartner.sweeps import results

from .conftest import ROOT
from .test_matrix import CASES, MODELS, load_case

PRICE = {"courses.price": sp.Uniform("9000 DKK/month", "14000 DKK/month")}


def test_a_free_array_is_taken_again_and_a_held_one_never() -> None:
    ws = Workspace()
    held = ws._take(4).view(_Pooled)[1:]  # a view of a view keeps its array taken
    first = id(held.base.base)  # type: ignore[union-attr]
    second = id(ws._take(4))  # the first is held: a new array (nothing keeps this one)
    assert second != first
    assert id(ws._take(4)) == second  # free again: taken again, no third array
    del held
    gc.collect()
    assert id(ws._take(4)) in {first, second}  # both free: no third array
    assert ws.nbytes == 2 * 4 * 8
    assert "2 arrays" in repr(ws)
    kept = ws._take(8)  # the array itself in a variable (no view) is held as well
    assert ws._take(8) is not kept
    assert "2 arrays" in repr(ws)  # the free arrays of size 4 went when size 8 came
    ws._take(4)  # another size: of size 8 only the one in use stays
    assert "2 arrays" in repr(ws)
    assert ws._take(8) is not kept


def test_a_kept_workspace_does_not_grow_with_ever_new_sizes() -> None:
    p = sp.load(sp.example_path("ikea_rebild"))
    ws = sp.Workspace()
    sp.monte_carlo(p, PRICE, n=2000, workspace=ws)
    one_size = ws.nbytes
    for n in range(2001, 2009):  # eight sizes, frames dropped: one size's arrays at a time
        sp.monte_carlo(p, PRICE, n=n, workspace=ws)
    assert ws.nbytes <= one_size * 2009 / 2000


def test_pooled_operations_equal_plain_numpy() -> None:
    rng = np.random.default_rng(1)
    x, y = rng.uniform(-5, 5, 7), rng.uniform(1, 5, 7)
    ws = Workspace()
    with vector_mode(ws):
        px, py = pooled(x), pooled(y)
        cases: list[tuple[Any, Any]] = [
            (px + py, x + y),
            (px - 2.5, x - 2.5),
            (3 * px, 3 * x),
            (px / py, x / y),
            (-px, -x),
            (np.floor(px), np.floor(x)),
            (np.maximum(px, 0.0), np.maximum(x, 0.0)),
            (np.add(0, px, dtype=float), np.add(0, x, dtype=float)),
            (px / np.asarray(2.0), x / 2.0),  # a 0-d array is a scalar
        ]
        for got, want in cases:
            assert type(got) is _Pooled
            assert np.array_equal(plain(got), want)
        mask = px > 0  # not a float64 result: numpy's own array
        assert type(mask) is np.ndarray
        assert np.array_equal(mask, x > 0)
        whole = px * np.arange(7)  # an integer array: computed as numpy does, not pooled
        assert np.array_equal(plain(whole), x * np.arange(7))
        z = pooled(x.copy())
        z += 1.0  # in place stays in place
        assert np.array_equal(plain(z), x + 1.0)
    assert type(pooled(x)) is np.ndarray  # without a workspace nothing changes


def test_the_engine_step_is_the_same_with_a_workspace() -> None:
    p = sp.load(sp.example_path("ikea_rebild"))
    rng = np.random.default_rng(4)
    ov = {
        "courses.price": sp.Q_(rng.uniform(9000, 14000, 5000), "DKK/month"),
        "temp_hours.overhead": sp.Q_(rng.uniform(10, 40, 5000), "DKK/hour"),
        "temp_hours.effective_hours": sp.Q_(rng.uniform(5, 30, 5000), "hour/week"),
    }
    want = results(engine.run(p, ov, vector=True))
    ws = Workspace()
    for _ in range(3):  # the second and third runs compute in the first run's arrays
        got = results(engine.run(p, ov, vector=True, workspace=ws))
        assert list(got) == list(want)
        for key in want:
            assert type(got[key]) is not _Pooled
            assert np.array_equal(np.asarray(got[key]), np.asarray(want[key]), equal_nan=True), key
        del got
    held = ws.nbytes
    for _ in range(3):
        results(engine.run(p, ov, vector=True, workspace=ws))
    assert ws.nbytes == held  # nothing held between runs: the workspace does not grow


@pytest.mark.parametrize(("model", "public", "horizon"), CASES)
def test_sweep_and_monte_carlo_with_a_workspace_on_every_scenario(model: str, public: bool, horizon: bool) -> None:
    p = load_case(model, public, horizon)
    _, path, (low, high) = MODELS[model]
    inputs = {path: sp.Uniform(low, high)}
    want = sp.monte_carlo(p, inputs, n=300, seed=5)
    ws = sp.Workspace()
    first = sp.monte_carlo(p, inputs, n=300, seed=5, workspace=ws)
    pd.testing.assert_frame_equal(first, want)
    kept = first.copy(deep=True)
    other = sp.monte_carlo(p, inputs, n=300, seed=6, workspace=ws)  # while the first frame is held
    pd.testing.assert_frame_equal(first, kept)  # never written into
    pd.testing.assert_frame_equal(other, sp.monte_carlo(p, inputs, n=300, seed=6))
    values = [low, high]
    pd.testing.assert_frame_equal(sp.sweep(p, {path: values}, workspace=ws), sp.sweep(p, {path: values}))


@settings(max_examples=10, deadline=None)
@given(
    st.lists(st.integers(500_000, 2_000_000).map(lambda ore: ore / 100), min_size=1, max_size=12),
    st.lists(st.integers(0, 6000).map(lambda ore: ore / 100), min_size=1, max_size=12),
)
def test_a_grid_swept_with_a_workspace_equals_one_without(prices: list[float], overheads: list[float]) -> None:
    p = sp.load(ROOT / "examples" / "ikea_rebild_3_years.yaml")
    values = {
        "courses.price": sp.Q_(np.array(prices), "DKK/month"),
        "temp_hours.overhead": sp.Q_(np.array(overheads), "DKK/hour"),
    }
    ws = sp.Workspace()
    a = sp.sweep(p, values, workspace=ws)
    b = sp.sweep(p, values, workspace=ws)
    pd.testing.assert_frame_equal(a, sp.sweep(p, values))
    pd.testing.assert_frame_equal(a, b)


def test_blocks_and_a_workspace() -> None:
    p = sp.load(sp.example_path("ikea_rebild"))
    ws = sp.Workspace()
    blocked = sp.monte_carlo(p, PRICE, n=1000, chunk=300, workspace=ws)  # in blocks: not used
    pd.testing.assert_frame_equal(blocked, sp.monte_carlo(p, PRICE, n=1000))
    assert ws.nbytes == 0


@pytest.mark.parametrize("bad", [{}, "ws", 1, np.empty(3), sp.Workspace])
def test_what_is_no_workspace_is_refused(bad: Any) -> None:
    p = sp.load(sp.example_path("ikea_rebild"))
    with pytest.raises(sp.SweepError, match=r"workspace: expected an sp\.Workspace\(\) or None"):
        sp.sweep(p, {"courses.price": ["9000 DKK/month"]}, workspace=bad)
    with pytest.raises(sp.SweepError, match="workspace: expected"):
        sp.monte_carlo(p, PRICE, n=10, workspace=bad)


def test_a_paired_frame_owns_its_inputs() -> None:
    # the frame's input columns shared memory with the caller's arrays: editing the offers
    # afterwards changed the rows' inputs beside coverages computed from the old values
    p = sp.load(sp.example_path("ikea_rebild"))
    offers = pd.DataFrame({"price": [9000.0, 11000.0, 13000.0]})
    overheads = np.array([20.0, 25.0, 30.0])
    values = {"courses.price": sp.Q_(offers["price"], "DKK/month"), "temp_hours.overhead": sp.Q_(overheads, "DKK/hour")}
    frame = sp.sweep(p, values, mode="paired")
    before = frame.copy(deep=True)
    offers.loc[1, "price"] = 20000.0
    overheads[1] = 1.0
    pd.testing.assert_frame_equal(frame, before)
    frame.loc[2, "courses.price [DKK/month]"] = 5.0  # the frame is writable, and the inputs stay
    frame.loc[2, "temp_hours.overhead [DKK/hour]"] = 5.0
    assert offers.loc[2, "price"] == 13000.0
    assert overheads[2] == 30.0
    # 11,000 DKK/month × 3 participants × 12 = 396,000; overhead 25 × 3 × 15 × 52 = 58,500;
    # coverage (396,000 + 58,500) / 480,000 = 0.946875
    assert frame.loc[1, "coverage"] == pytest.approx(0.946875)
