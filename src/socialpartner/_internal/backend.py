"""Numbers that are exact scalars or float64 arrays: the engine's two backends.

Every formula of the engine is written once against the few helpers below. A number is
either **exact** (``int`` or :data:`Rational`, GMP's ``mpq``: one evaluation, rounded to
øre by the declared rule) or **float64** (a ``float`` or a numpy array over variants: sweeps,
Monte Carlo, tornado). ``+ - *`` work on both as they are; division, rounding to øre,
``maximum``/``minimum`` and ``where`` go through these helpers, which keep exact numbers
exact and arrays vectorised.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import sys
from collections.abc import Iterator
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    # gmpy2 ships no type information; ``mpq`` is a numbers.Rational with Fraction's
    # operators, numerator and denominator, so the type checker reads it as a Fraction.
    from fractions import Fraction as Rational
else:
    # The exact rational of the engine: GMP's mpq does an operation in about a tenth of
    # the time of the pure-Python Fraction (a 40-year horizon makes thousands).
    from gmpy2 import mpq as Rational  # noqa: N812 - a type, named as one

__all__ = [
    "Num",
    "Rational",
    "Workspace",
    "as_floats",
    "div",
    "floor",
    "fraction",
    "hundredths",
    "is_exact",
    "is_own",
    "maximum",
    "minimum",
    "ore",
    "plain",
    "pooled",
    "safe_div",
    "vector_mode",
    "where",
]

Num = Any  # int | Rational (exact) or float | np.ndarray (float64 over variants)

# Half up in float64: the 1e-7 øre nudge puts an exact half that float64 holds as
# x.4999999… on the side the exact rule puts it (amounts are far below 2⁵³ øre).
HALF = 0.5 + 1e-7


# In vector mode (sweeps), canonical values are float64 (arrays where an input is varied),
# so one set of model formulas serves exact single evaluations and many variants at once.
_VECTOR: contextvars.ContextVar[bool] = contextvars.ContextVar("socialpartner_vector", default=False)


@contextlib.contextmanager
def vector_mode(workspace: Workspace | None = None) -> Iterator[None]:
    """Within this block the engine runs on float64: canonical values are floats or arrays.

    With a ``workspace``, the arrays the engine computes are drawn from it (see
    :class:`Workspace`) rather than allocated afresh.
    """
    token = _VECTOR.set(True)
    kept = _WORKSPACE.set(workspace)
    try:
        yield
    finally:
        _WORKSPACE.reset(kept)
        _VECTOR.reset(token)


class Workspace:
    """Arrays kept between large sweeps, so each sweep computes in memory already mapped.

    A sweep of a million variants computes a few dozen columns of 8 MB. Allocated afresh
    each time, every 4 KiB of them may cost a page fault (the system hands large freed
    blocks back): up to a third of the evaluation step. Keep one workspace and pass it to
    :func:`socialpartner.sweep` or :func:`socialpartner.monte_carlo` each time::

        ws = sp.Workspace()
        for price in offers:
            frame = sp.monte_carlo(deal_at(price), inputs, n=1_000_000, workspace=ws)

    The engine's arrays are then the workspace's. An array still in use (a column of a
    frame you hold) is never written to: the next sweep takes another, which the
    workspace then keeps too. Results are the same with or without one. The workspace
    holds the arrays of the last size of sweep it served (``nbytes``) until it is dropped
    or serves another size; use one per thread. It serves a sweep evaluated in one block
    (up to ``chunk`` variants).
    """

    __slots__ = ("_arrays",)

    def __init__(self) -> None:
        self._arrays: dict[int, list[np.ndarray[Any, Any]]] = {}

    def _take(self, n: int) -> np.ndarray[Any, Any]:
        """A float64 array of ``n`` elements that nothing else refers to (its contents are old)."""
        arrays = self._arrays.get(n)
        if arrays is None:
            # a run of another size: the free arrays of the sizes before go (one size is kept,
            # so sweeps of ever new sizes do not pile up arrays; those still in use stay)
            for size in list(self._arrays):
                old = self._arrays[size]
                for i in range(len(old) - 1, -1, -1):  # by index: a loop variable would hold the array
                    if _references(old, i) <= _FREE:
                        del old[i]
                if not old:
                    del self._arrays[size]
            arrays = self._arrays[n] = []
        for i in range(len(arrays) - 1, -1, -1):  # the most recently taken first: still in cache
            if _references(arrays, i) <= _FREE:
                a = arrays.pop(i)
                arrays.append(a)
                return a
        a = np.empty(n)
        arrays.append(a)
        return a

    @property
    def nbytes(self) -> int:
        """Bytes the workspace holds."""
        return sum(a.nbytes for arrays in self._arrays.values() for a in arrays)

    def __repr__(self) -> str:
        return f"Workspace({sum(map(len, self._arrays.values()))} arrays, {self.nbytes / 2**20:.1f} MiB)"


def _references(arrays: list[np.ndarray[Any, Any]], i: int) -> int:
    """The reference count of ``arrays[i]``, as read by this one function."""
    return sys.getrefcount(arrays[i])


# The count of an array only its list refers to, measured by the same code that reads it:
# how the interpreter counts a call's own argument differs between Python versions.
_FREE = _references([np.empty(0)], 0)

_WORKSPACE: contextvars.ContextVar[Workspace | None] = contextvars.ContextVar("socialpartner_workspace", default=None)

# elementwise operations whose result is float64 when every array operand is float64
_FLOAT_UFUNCS = frozenset(
    {np.add, np.subtract, np.multiply, np.true_divide, np.negative, np.floor, np.maximum, np.minimum, np.absolute}
)
_SCALARS = (int, float, np.float64)


class _Pooled(np.ndarray):
    """A float64 array whose elementwise results are written into the active workspace's arrays."""

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        args = tuple(x.view(np.ndarray) if type(x) is _Pooled else x for x in inputs)
        out = kwargs.get("out")
        if out is not None:
            kwargs["out"] = tuple(o.view(np.ndarray) if type(o) is _Pooled else o for o in out)
            getattr(ufunc, method)(*args, **kwargs)
            return out[0] if len(out) == 1 else out
        workspace = _WORKSPACE.get()
        if workspace is not None and method == "__call__" and ufunc in _FLOAT_UFUNCS and kwargs.keys() <= {"dtype"}:
            shape = None
            for a in args:
                if isinstance(a, np.ndarray):
                    if a.dtype != np.float64 or a.ndim > 1 or (shape is not None and a.ndim and a.shape != shape):
                        break
                    if a.ndim:  # a 0-d array is a scalar
                        shape = a.shape
                elif not isinstance(a, _SCALARS):
                    break
            else:
                if shape is not None:
                    target = workspace._take(shape[0])
                    ufunc(*args, out=target, **kwargs)
                    return target.view(_Pooled)
        return getattr(ufunc, method)(*args, **kwargs)


def is_own(x: Any) -> bool:
    """Whether ``x`` is a float64 array a computation made and nothing else refers to by a view.

    A workspace's array (a new result) or an array owning its memory; not a view of an
    input, which must never be written to.
    """
    return (
        isinstance(x, np.ndarray)
        and x.dtype == np.float64
        and x.flags.writeable
        and (type(x) is _Pooled or x.base is None)
    )


def as_floats(x: Any) -> Any:
    """``x`` as a float64 array (a workspace's array stays one: its results stay in the workspace)."""
    return x if type(x) is _Pooled else np.asarray(x, dtype=float)


def plain(x: Any) -> Any:
    """A workspace's array as a plain ndarray (a view: its workspace array stays taken while it lives)."""
    return x.view(np.ndarray) if type(x) is _Pooled else x


def pooled(array: Any) -> Any:
    """``array`` as one whose results come from the active workspace (as it is without one)."""
    if _WORKSPACE.get() is None or not isinstance(array, np.ndarray) or array.dtype != np.float64:
        return array
    return array.view(_Pooled)


def is_exact(x: Num) -> bool:
    """Whether ``x`` is an exact scalar (int, Rational or Fraction), not float64."""
    return isinstance(x, (int, Rational, Fraction))


def fraction(x: Rational | Fraction | int) -> Fraction:
    """An exact number as a :class:`~fractions.Fraction` of plain ints (for code outside the engine)."""
    return x if type(x) is Fraction else Fraction(int(x.numerator), int(x.denominator))


def _round_exact(x: Rational | Fraction | int, scale: int) -> int:
    """``x·scale`` rounded to a whole number, half away from zero, exactly (a Python int)."""
    if isinstance(x, int):
        return x * scale
    num, den = int(x.numerator) * scale, int(x.denominator)  # mpq's parts are mpz: plain ints out
    count = (abs(num) * 2 + den) // (2 * den)
    return -count if num < 0 else count


def ore(x: Num, *, in_place: bool = False) -> Num:
    """DKK → whole øre, half up: an int for an exact amount, integer-valued float64 otherwise.

    Float amounts are money flows, which are never negative; whole øre in float64 add up
    exactly below 2⁵³ øre (about 9·10¹³ DKK). ``in_place`` rounds a float64 array the
    caller owns into itself (no new array): only for a temporary nothing else refers to.
    """
    kind = type(x)
    if kind is Rational or kind is int:  # the exact backend, checked first: one evaluation is many calls
        return _round_exact(x, 100)
    if isinstance(x, np.ndarray):
        return _round_array(x, 100.0, in_place)
    if isinstance(x, float):
        return float(math.floor(x * 100 + HALF)) if math.isfinite(x) else x  # NaN: no value
    return _round_exact(x, 100)


def hundredths(x: Num, per: int = 1) -> Num:
    """A non-money figure (FTE, hours) ``x / per`` rounded half up to 0.01, in hundredths.

    The same rule as money, on another unit. On arrays the division is folded into the
    scale (one pass, not two); exact numbers divide exactly.
    """
    if per != 1 and isinstance(x, np.ndarray):
        return _round_array(x, 100.0 / per)
    return ore(x if per == 1 else div(x, per))


def _round_array(x: np.ndarray[Any, Any], scale: float, in_place: bool = False) -> Num:
    """``x·scale`` rounded half up to whole numbers in float64 (the HALF nudge), in three passes.

    ``in_place`` writes into ``x`` itself when it is a float64 array that may be written.
    """
    if in_place and x.dtype == np.float64 and x.flags.writeable:
        cents = np.multiply(x, scale, out=x)
    else:
        cents = np.asarray(np.multiply(x, scale), dtype=float)  # 0-d stays an array; never objects
    cents += HALF
    return np.floor(cents, out=cents)


def div(a: Num, b: Num) -> Num:
    """``a / b``: exact (a Rational) when both are exact, float64 otherwise."""
    if is_exact(a) and is_exact(b):
        # two ints in a float64 run (a zero total, say) divide as floats: an mpq that later
        # meets a float becomes GMP's mpfr, not a float
        return a / b if _VECTOR.get() else Rational(a) / b
    return a / b


def safe_div(a: Num, b: Num) -> Num:
    """``a / b``, and 0 where ``b`` is 0 (e.g. hours per person on a line of no people)."""
    if is_exact(b) or isinstance(b, float):
        return 0 if b == 0 else div(a, b)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b != 0, np.divide(a, np.where(b != 0, b, 1)), 0.0)


def floor(x: Num) -> Num:
    """The largest whole number at or below ``x``: an int when exact, float64 otherwise.

    Float64 quotients meant to be whole (1 / (1/3)) may land just below it: they are
    nudged by 1e-9 first.
    """
    if is_exact(x):
        return int(math.floor(x))  # noqa: RUF046 - mpq floors to GMP's mpz, which is no int and divides into mpfr
    if isinstance(x, np.ndarray):
        return np.floor(x + 1e-9)
    return float(math.floor(x + 1e-9))


def maximum(a: Num, b: Num, *, in_place: bool = False) -> Num:
    """The larger of ``a`` and ``b``, element by element for arrays.

    ``in_place``: ``a`` is a temporary the caller owns, which may be written into.
    """
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if in_place and is_own(a) and np.shape(b) == ():
            return np.maximum(a, b, out=a)
        return np.maximum(a, b)
    return a if a >= b else b


def minimum(a: Num, b: Num) -> Num:
    """The smaller of ``a`` and ``b``, element by element for arrays."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.minimum(a, b)
    return a if a <= b else b


def where(condition: Any, a: Num, b: Num) -> Num:
    """``a`` where ``condition`` holds, else ``b``, element by element for arrays.

    A condition that holds (or fails) for every variant gives the scalar ``a`` (or ``b``) as it
    is, not an array of it: a headcount whose hours are above 0 in every variant is no pass over
    a million of them.
    """
    if isinstance(condition, np.ndarray) and not isinstance(a, np.ndarray) and not isinstance(b, np.ndarray):
        if condition.all():
            return a
        if not condition.any():
            return b
        return np.where(condition, a, b)
    if isinstance(condition, np.ndarray) or isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.where(condition, a, b)
    return a if condition else b


def total(terms: Any) -> Num:
    """Σ sign·amount over ``(sign, amount)`` pairs, in place on arrays it owns.

    Exact terms add as Python numbers. On arrays, a term added and subtracted as the very
    same array (wages billed to the company and paid on to the workers) cancels without
    a pass. A lone positive array term is returned as it is (never written to); from the
    second array term on, the sum is one new float64 array updated in place (a
    million-row pass costs about a millisecond).
    """
    items = terms if isinstance(terms, list) else list(terms)
    exact: Num = 0
    for sign, x in items:  # the exact backend (or float scalars): the numbers add as they come
        if isinstance(x, np.ndarray):
            break  # an array among them: the sum below, from the first term
        exact = exact + x if sign > 0 else exact - x
    else:
        return exact
    if _VECTOR.get() and len(items) > 1:
        items = _cancelled(items)  # only arrays cancel, and only in a float64 run
    acc: Num = 0
    owned = False
    for sign, x in items:
        if owned:
            (np.add if sign > 0 else np.subtract)(acc, x, out=acc)
        elif isinstance(acc, np.ndarray) or isinstance(x, np.ndarray):
            if sign > 0 and not isinstance(acc, np.ndarray) and acc == 0 and x.dtype == float:
                acc = x  # borrowed: copied before anything is added to it
                continue
            acc = np.add(acc, x, dtype=float) if sign > 0 else np.subtract(acc, x, dtype=float)
            owned = True
        else:
            acc = acc + x if sign > 0 else acc - x
    return acc


def _cancelled(items: list[tuple[int, Num]]) -> list[tuple[int, Num]]:
    """The terms without pairs of one array object taken once with + and once with −."""
    open_terms: dict[int, list[int]] = {}  # id of an array → positions of its uncancelled terms
    keep = [True] * len(items)
    for i, (sign, x) in enumerate(items):
        if not isinstance(x, np.ndarray):
            continue
        waiting = open_terms.setdefault(id(x), [])
        partner = next((j for j in waiting if items[j][0] == -sign), None)
        if partner is None:
            waiting.append(i)
        else:
            waiting.remove(partner)
            keep[i] = keep[partner] = False
    # positive terms first, so a lone positive term is borrowed rather than negated
    kept = [t for t, k in zip(items, keep, strict=True) if k]
    return sorted(kept, key=lambda t: t[0] < 0)
