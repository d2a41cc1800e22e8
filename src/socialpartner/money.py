"""Exact money: Decimal DKK, rounded to øre by one declared rule, and exact splits.

The rule: every amount that is reported is rounded **once**, to whole øre (0.01 DKK),
**half up** (away from zero), from the exact rational value computed from the inputs.
Totals are sums of rounded amounts, so every total and every balance is exact.
"""

from __future__ import annotations

import contextvars
import decimal
import functools
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, ParamSpec, TypeVar

import numpy as np

from socialpartner._internal.backend import Rational
from socialpartner._internal.units import decimal_number, exact_number
from socialpartner.errors import SocialPartnerError

__all__ = ["ORE", "ROUNDING", "ROUNDING_RULE", "allocate", "round_half_up", "to_ore"]

ORE = Decimal("0.01")
"""The smallest amount of money reported: one øre."""

ROUNDING = ROUND_HALF_UP
"""The decimal rounding mode of the rule (for callers who quantize themselves)."""

ROUNDING_RULE = "each reported amount rounded once to 0.01 DKK, half up, from its exact value"
"""The declared rounding rule, in words (printed in every evaluation)."""

Exact = int | Decimal | Fraction | Rational

CONTEXT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)
"""The decimal context of all the library's Decimal arithmetic, whatever the caller's
context is: 28 digits hold any sum of amounts below 10¹⁵ DKK exactly to the øre."""

_P = ParamSpec("_P")
_R = TypeVar("_R")


_ACTIVE: contextvars.ContextVar[bool] = contextvars.ContextVar("socialpartner_decimal_context", default=False)


def in_context(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``fn`` under :data:`CONTEXT`, so a caller's decimal precision cannot change results."""

    @functools.wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if _ACTIVE.get():  # already inside (e.g. a ledger built by evaluate): no second switch
            return fn(*args, **kwargs)
        token = _ACTIVE.set(True)
        try:
            with decimal.localcontext(CONTEXT):
                return fn(*args, **kwargs)
        finally:
            _ACTIVE.reset(token)

    return wrapper


_FAST_LIMIT = 10**27  # below the default decimal precision of 28 digits
_FAST_DIGITS = 27
_STEPS = [Decimal(1).scaleb(-k) for k in range(40)]  # 1, 0.1, 0.01, … for quantize
_POW10 = [10**k for k in range(40)]


def round_half_up(value: Exact | float, places: int) -> Decimal:
    """Round exactly to ``places`` decimals, half away from zero, at any magnitude.

    Integer arithmetic on the exact value, so there is no double rounding and no
    dependence on the decimal context's precision. A float is read as the decimal it
    stands for, as inputs are.

    Raises:
        QuantityError: NaN, an infinity, or not a number.

    """
    exact: Fraction | Rational
    kind = type(value)
    if kind is Rational or kind is Fraction:  # the engine's exact numbers, checked first: the usual case
        exact = value  # type: ignore[assignment]  # narrowed by the type test above
    elif isinstance(value, Decimal) and value.is_finite() and value.adjusted() < _FAST_DIGITS - places:
        # a Decimal with room in the context's precision: quantize rounds it exactly (−0.004 to 0.00,
        # not the −0.00 quantize keeps from its sign: review 59 L3)
        rounded = value.quantize(_STEPS[places], rounding=ROUND_HALF_UP, context=CONTEXT)
        return rounded if rounded else rounded.copy_abs()
    elif isinstance(value, (Fraction, Rational)):
        exact = value
    elif type(value) is int or (isinstance(value, Decimal) and value.is_finite()):
        exact = Rational(value)
    else:  # a float, a numpy number, NaN: read by the input rules (off the exact path)
        return round_half_up(exact_number(value, what="an amount"), places)
    num, den = int(exact.numerator) * _POW10[places], int(exact.denominator)  # plain ints, also from mpq
    count = (abs(num) * 2 + den) // (2 * den)
    if count < _FAST_LIMIT:  # within the context's precision the product is exact (faster than scaleb)
        return CONTEXT.multiply(Decimal(-count if num < 0 else count), _STEPS[places])
    sign = 1 if num < 0 else 0
    return Decimal((sign, tuple(int(d) for d in str(count)), -places))


def beside_one(ratio: Exact, places: int, most: int = 12) -> int:
    """The decimals that show ``ratio`` on its own side of 1: ``places``, more where needed.

    A ratio that is not 1 but rounds to it at ``places`` (a coverage of 0.9999999869, 0.03 DKK
    short) is shown with the decimals that keep it off 1 (``0.99999999``), never as ``1.000000``
    beside a shortfall (review 52 F1). One rule for every format: the tables' percentages, JSON,
    explanations and ``expect:`` comparisons.

    >>> beside_one(Decimal("0.99999998688"), 6), beside_one(Decimal("0.9225"), 6), beside_one(Decimal(1), 6)
    (8, 6, 6)
    """
    while ratio != 1 and places < most and round_half_up(ratio, places) == 1:
        places += 1
    return places


def percent_places(ratio: Exact) -> int:
    """The decimals of ``ratio`` shown as a percentage: two, more where two would show it as 100 % when it is not."""
    return beside_one(ratio, 4) - 2


def as_used(value: Fraction | Rational | int, most: int = 4) -> tuple[Decimal, bool]:
    """An unrounded rate as the run uses it, to show: its decimals (at least 2, at most ``most``), and whether exact.

    A grown price or a benefit rate worked out per month is used unrounded (only booked amounts
    are rounded): shown to øre, 12,007.338 reads as the 12,007.34 that covers where 12,007.33 does
    not, and 20,983.3217 × 12 × 5 does not give the amount beside it. Past ``most`` decimals it is
    rounded half up, and ``False`` says so (shown with ≈).

    >>> as_used(Fraction(12007338, 1000))
    (Decimal('12007.338'), True)
    >>> as_used(Fraction(2098332170, 100000) + Fraction(1, 3 * 10**6))
    (Decimal('20983.3217'), False)
    """
    num, den = int(value.numerator), int(value.denominator)
    for places in range(2, most + 1):  # ends within these places: exact, as few as it needs (2 at least)
        scale = _POW10[places]
        if scale % den == 0:
            return Decimal(num * (scale // den)).scaleb(-places), True
    shown = round_half_up(Fraction(num, den), most)  # rounded: its trailing zeros dropped, 2 places kept
    shown = next(shown.quantize(q) for q in (Decimal("0.01"), Decimal("0.001"), shown) if shown == shown.quantize(q))
    return shown, False


def ratio_decimal(value: Fraction | Rational) -> Decimal:
    """An exact ratio as a Decimal, divided at :data:`CONTEXT`'s precision (for display)."""
    return CONTEXT.divide(Decimal(int(value.numerator)), Decimal(int(value.denominator)))


def to_ore(value: Exact | float) -> Decimal:
    """Round an amount of DKK to øre by the declared rule.

    An exact amount (int, Decimal, Fraction) is rounded from its exact value; a float
    (Python's or numpy's) is read first as the decimal it stands for, as inputs are, so
    ``to_ore(2.675)`` is 2.68 although the binary float is a little below 2.675.

    >>> to_ore(Fraction(84000, 2340))
    Decimal('35.90')
    >>> to_ore(Decimal("0.005")), to_ore(Decimal("-0.005")), to_ore(2.675)
    (Decimal('0.01'), Decimal('-0.01'), Decimal('2.68'))
    >>> to_ore(Decimal("-0.004"))   # zero, never a negative zero
    Decimal('0.00')

    Raises:
        QuantityError: NaN, an infinity, or not a number.

    """
    return round_half_up(value, 2)


def _fraction(weight: object) -> Fraction:
    if type(weight) is int:
        return Fraction(weight)
    exact = exact_number(weight, what="a weight")
    return exact if isinstance(exact, Fraction) else Fraction(exact)


@in_context
def allocate(amount: Decimal | float, weights: Iterable[int | Decimal | Fraction | float] | Any) -> list[Decimal]:
    """Split ``amount`` by ``weights`` into øre amounts that add back to it exactly.

    Largest remainder: each part gets the whole øre of its exact quota, and the øre left
    over go one each to the parts with the largest fractional remainders (the earlier
    part first on a tie), so the result is deterministic. ``weights`` is any sequence of
    numbers, or a one-dimensional numpy array; floats (and an amount given as a float)
    are read as the decimals they stand for.

    >>> allocate(Decimal("100.00"), [1, 1, 1])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]

    Raises:
        SocialPartnerError: no weights, a negative weight, all weights zero, or an
            amount that is not whole øre.
        QuantityError: an amount or weight that is not a finite number.

    """
    if not isinstance(amount, Decimal) or not amount.is_finite():
        amount = decimal_number(amount, what="an amount of DKK")
    if isinstance(weights, np.ndarray) and weights.ndim != 1:
        raise SocialPartnerError(f"allocate weights must be one-dimensional, got an array of shape {weights.shape}")
    try:
        fracs = [_fraction(w) for w in weights]
    except TypeError:  # not iterable
        raise SocialPartnerError(
            f"allocate weights must be a sequence of numbers, got {type(weights).__name__}"
        ) from None
    if not fracs:
        raise SocialPartnerError("allocate needs at least one weight")
    if any(w < 0 for w in fracs):
        raise SocialPartnerError("allocate weights must not be negative")
    total_weight = sum(fracs, Fraction(0))
    if total_weight == 0:
        raise SocialPartnerError("allocate weights must not all be zero")
    if amount != amount.quantize(ORE):
        raise SocialPartnerError(f"allocate amount must be whole øre, got {amount}")
    total = int(amount.scaleb(2))
    sign, whole = (-1, -total) if total < 0 else (1, total)
    quotas = [whole * w / total_weight for w in fracs]
    parts = [q.numerator // q.denominator for q in quotas]
    left = whole - sum(parts)
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return [Decimal(sign * p).scaleb(-2) for p in parts]
