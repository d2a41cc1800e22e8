"""The exact backend's rationals (GMP's mpq) stay inside the engine.

Users get Decimals, ints, Fractions and floats: a gmpy2 number in a result would break
``Decimal(x.numerator)``, JSON and numpy code, and an mpq that meets a float in a sweep
turns into GMP's mpfr instead of a float.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialpartner as sp
from socialpartner._internal import backend
from socialpartner.money import round_half_up, to_ore

from .test_matrix import CASES, MODELS, scenario


def _values(obj: Any, depth: int = 0) -> Iterator[Any]:
    """Every value reachable from a result record (not the validated input)."""
    yield obj
    if depth > 12 or isinstance(obj, (str, bytes, int, float, Fraction, sp.Partnership)):
        return
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if f.name != "partnership" and not f.name.startswith("_"):  # private: the engine's own state
                yield from _values(getattr(obj, f.name), depth + 1)
    elif isinstance(obj, Mapping):
        for k, v in obj.items():
            yield from _values(k, depth + 1)
            yield from _values(v, depth + 1)
    elif isinstance(obj, (tuple, list, set, frozenset)):
        for v in obj:
            yield from _values(v, depth + 1)


def _gmp(values: Iterator[Any]) -> list[str]:
    return sorted({f"{type(v).__module__}.{type(v).__name__}" for v in values if type(v).__module__ == "gmpy2"})


@pytest.mark.parametrize(("model", "public", "horizon"), CASES)
def test_no_gmp_number_reaches_a_user(model: str, public: bool, horizon: bool) -> None:
    p = sp.from_data(scenario(model, public, horizon))
    ev = sp.evaluate(p)
    assert _gmp(_values(ev)) == []
    assert _gmp(_values(ev.results())) == []
    assert _gmp(_values(ev.to_dict())) == []
    assert _gmp(_values([v.exact for v in ev.parameters])) == []
    path, (low, high) = MODELS[model][1], MODELS[model][2]
    frame = sp.sweep(p, {path: [low, high]})
    cells = [v for c in frame.columns for v in frame[c]]
    assert _gmp(iter(cells)) == []


@given(st.integers(-(10**15), 10**15), st.integers(1, 10**9))
def test_rounding_a_rational_is_rounding_the_fraction(num: int, den: int) -> None:
    q, f = backend.Rational(num, den), Fraction(num, den)
    assert backend.ore(q) == backend.ore(f)
    assert type(backend.ore(q)) is int
    assert to_ore(q) == to_ore(f)
    assert round_half_up(q, 4) == round_half_up(f, 4)
    assert backend.fraction(q) == f
    assert type(backend.fraction(q).numerator) is int


def test_ints_divide_as_floats_in_a_float_run() -> None:
    # a zero total in a sweep must not become an mpq, which times a float is an mpfr
    assert type(backend.div(0, 100)) is backend.Rational
    with backend.vector_mode():
        assert type(backend.div(0, 100) * 0.25) is float


@pytest.mark.parametrize(("model", "public", "horizon"), CASES)
def test_an_evaluation_pickles_and_deep_copies(model: str, public: bool, horizon: bool) -> None:
    # a process pool returns evaluations by pickling them; the cost split's read-only
    # mappings once made that fail
    import copy
    import pickle

    ev = sp.evaluate(sp.from_data(scenario(model, public, horizon)))
    for back in (pickle.loads(pickle.dumps(ev)), copy.deepcopy(ev)):  # noqa: S301 - our own bytes
        assert back == ev
        assert back.to_dict() == ev.to_dict()
        assert back.explain("coverage") == ev.explain("coverage")
        with pytest.raises(TypeError):
            back.cost_split.funding["x"] = Decimal(1)  # type: ignore[index]


@given(
    st.lists(
        st.tuples(st.sampled_from([1, -1]), st.integers(0, 4)),
        min_size=1,
        max_size=8,
    )
)
def test_a_total_cancels_only_the_same_array_taken_both_ways(picks: list[tuple[int, int]]) -> None:
    # five distinct arrays (two of them equal in value but different objects): the total
    # with cancellation equals the plain sum, and never writes to an array it was given
    import numpy as np

    arrays = [np.array([1.0, 2.5]), np.array([4.0, 0.5]), np.array([1.0, 2.5]), np.array([7.0, 3.0]), np.zeros(2)]
    before = [a.copy() for a in arrays]
    terms = [(sign, arrays[i]) for sign, i in picks]
    expected = sum((sign * before[i] for sign, i in picks), np.zeros(2))
    with backend.vector_mode():
        got = backend.total(terms)
    assert np.array_equal(np.asarray(got, dtype=float) * np.ones(2), expected)
    assert all(np.array_equal(a, b) for a, b in zip(arrays, before, strict=True))
    exact = backend.total([(sign, backend.Rational(i, 3)) for sign, i in picks])
    assert exact == sum(sign * Fraction(i, 3) for sign, i in picks)


def test_wages_passed_through_cancel_without_a_pass() -> None:
    import numpy as np

    wages, overhead = np.array([100.0, 200.0]), np.array([10.0, 20.0])
    # billed to the company (+) and paid to the workers (−): the SØV's net is its overhead
    with backend.vector_mode():
        assert backend.total([(1, wages), (1, overhead), (-1, wages)]) is overhead


@pytest.mark.parametrize(("model", "public", "horizon"), CASES)
def test_a_sweep_never_writes_to_the_arrays_it_is_given(model: str, public: bool, horizon: bool) -> None:
    # amounts are rounded in place where the engine owns them; an input in the canonical
    # unit (DKK/year) is the flow amount itself and must come back untouched
    import numpy as np

    p = sp.from_data(scenario(model, public, horizon))
    path, (low, high) = MODELS[model][1], MODELS[model][2]
    unit = low.split(" ", 1)[1]
    values = np.linspace(float(low.split()[0]), float(high.split()[0]), 7) + 0.123
    given_values = values.copy()
    frame = sp.sweep(p, {path: sp.Q_(values, unit)})
    assert np.array_equal(values, given_values)
    if model == "shared_responsibility":
        staff = np.array([450000.125, 480000.5, 0.0])
        kept = staff.copy()
        sp.sweep(p, {"support_staff.0.annual_cost": sp.Q_(staff, "DKK/year")})
        assert np.array_equal(staff, kept)
    assert len(frame) == 7


@pytest.mark.parametrize(("model", "public", "horizon"), CASES)
def test_one_block_and_many_blocks_give_the_same_frame(model: str, public: bool, horizon: bool) -> None:
    # one block takes the run's own arrays as columns (divided in place); blocks write
    # into preallocated columns: the same numbers, and no two columns share memory
    import itertools

    import numpy as np

    p = sp.from_data(scenario(model, public, horizon))
    path, (low, high) = MODELS[model][1], MODELS[model][2]
    unit = low.split(" ", 1)[1]
    values = sp.Q_(np.linspace(float(low.split()[0]), float(high.split()[0]), 9), unit)
    whole = sp.sweep(p, {path: values})
    blocks = sp.sweep(p, {path: values}, chunk=4)
    assert whole.equals(blocks)
    arrays = [whole[c].to_numpy() for c in whole.columns if whole[c].dtype == float]
    assert not any(np.shares_memory(a, b) for a, b in itertools.combinations(arrays, 2))
