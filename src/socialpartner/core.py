"""The model-agnostic calculation core: cost splits, coverage and break-even.

Small pure functions on plain magnitudes in canonical units (DKK, hour, year). They
use only ``+ - * /`` so the same function serves exact scalars (``Decimal``,
``Fraction``) and, later, arrays of many variants. Units are converted before these are
called, never inside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar, overload

from socialpartner._internal.backend import fraction, maximum, total
from socialpartner._internal.units import decimal_number, exact_number
from socialpartner.errors import SocialPartnerError
from socialpartner.money import in_context

__all__ = ["CostSplit", "balance", "break_even_rate", "coverage_ratio", "split_cost"]

import numpy as np

# Exact scalars for one evaluation, float64 arrays for many variants (socialpartner.sweep).
N = TypeVar("N", Decimal, Fraction, float, "np.ndarray[Any, Any]")

_ZERO = Decimal("0.00")
_Whole = int | np.integer[Any]  # divided exactly: a Fraction, not int / int's float


@overload
def coverage_ratio(funding: _Whole, cost: _Whole) -> Fraction: ...
@overload
def coverage_ratio(funding: N, cost: N) -> N: ...
def coverage_ratio(funding: Any, cost: Any) -> Any:
    """Funding as a fraction of cost (1 = exactly covered). ``cost`` must not be zero.

    Numbers of one kind are divided as they are (exact scalars exactly, floats and
    arrays as floats); a mix such as a Decimal and a float is read exactly, a float as
    the decimal it stands for.

    >>> coverage_ratio(Decimal("442800.00"), 480000.0)
    Decimal('0.9225')
    >>> coverage_ratio(442800, 480000)   # whole numbers: exactly, as a Fraction
    Fraction(369, 400)

    Arrays (many variants) are divided as numpy divides them: where a cost is zero the
    quotient is an infinity or NaN, for the caller to mask; the checks below are of single
    numbers.

    Raises:
        SocialPartnerError: a zero cost.
        QuantityError: NaN, an infinity, a boolean, or not a number.

    """
    _check_scalars((funding, cost), 1, "coverage_ratio: cost must not be zero")
    try:
        out = funding / cost
        # int / int is a float: whole numbers are divided exactly instead (tested only then)
        return Fraction(int(funding), int(cost)) if isinstance(out, float) and _whole(cost, funding) else out
    except TypeError:  # kinds that do not mix (Decimal and float): off the fast path
        f, c = _exact(funding, cost)
        return _divide(f, c, "coverage_ratio: cost must not be zero")
    except ZeroDivisionError:
        raise SocialPartnerError("coverage_ratio: cost must not be zero") from None


@overload
def break_even_rate(cost: _Whole, other_funding: _Whole, volume: _Whole) -> Fraction: ...
@overload
def break_even_rate(cost: N, other_funding: N, volume: N) -> N: ...
def break_even_rate(cost: Any, other_funding: Any, volume: Any) -> Any:
    """The rate per unit of ``volume`` at which funding equals cost.

    Funding is ``other_funding + rate * volume``; solving ``= cost`` for the rate.
    ``volume`` must not be zero. A negative result means the other sources already
    cover the cost. Mixed kinds of numbers are read as in :func:`coverage_ratio`; whole
    numbers are divided exactly:

    >>> break_even_rate(480000, 46800, 36)
    Fraction(36100, 3)

    Arrays are divided as numpy divides them (see :func:`coverage_ratio`).

    Raises:
        SocialPartnerError: a zero volume.
        QuantityError: NaN, an infinity, a boolean, or not a number.

    """
    _check_scalars((cost, other_funding, volume), 2, "break_even_rate: volume must not be zero")
    try:
        out = cost - other_funding
        if isinstance(out, np.ndarray) and out.dtype == np.float64:
            np.divide(out, volume, out=out)  # a new array: divided in place (a million variants: one pass less)
        else:
            out = out / volume
        if isinstance(out, float) and _whole(volume, cost, other_funding):  # as in coverage_ratio
            return Fraction(int(cost) - int(other_funding), int(volume))
        return out
    except TypeError:
        c, o, v = _exact(cost, other_funding, volume)
        return _divide(c - o, v, "break_even_rate: volume must not be zero")
    except ZeroDivisionError:
        raise SocialPartnerError("break_even_rate: volume must not be zero") from None


def _check_scalars(values: tuple[Any, ...], divisor: int, zero: str) -> None:
    """Refuse single numbers that are booleans, NaN or infinite, and a zero ``values[divisor]``.

    Python's and numpy's floats would otherwise divide into an infinity or NaN without a
    word (numpy's with a warning at most). Arrays are left to the caller; exact numbers
    (the engine's) pass with one type test each.
    """
    for i, v in enumerate(values):
        kind = type(v)
        if kind is int or kind is Fraction or kind is Decimal or isinstance(v, np.ndarray):
            continue
        # a boolean, NaN or an infinity refused as the mixed kinds are (exact_number, below)
        if (
            isinstance(v, (float, np.floating, bool, np.bool_))
            and exact_number(v, what="a number") == 0
            and i == divisor
        ):
            raise SocialPartnerError(zero)


def _whole(*values: Any) -> bool:
    """All plain integers (Python's or numpy's, not bools): their true quotient would be a float."""
    return all(type(v) is int or isinstance(v, np.integer) for v in values)


@in_context
def _divide(num: Any, den: Any, zero: str) -> Any:
    if den == 0:
        raise SocialPartnerError(zero)
    return num / den


def _exact(*values: Any) -> tuple[Any, ...]:
    """Numbers that do not mix, read exactly: all Decimals if each has a decimal, else Fractions."""
    exact = [exact_number(v, what="a number") for v in values]
    decimals = [Decimal(v) for v in exact if isinstance(v, (int, Decimal))]
    if len(decimals) == len(exact):
        return tuple(decimals)
    return tuple(Fraction(v) if isinstance(v, (int, Decimal, Fraction)) else fraction(v) for v in exact)


def balance(cost: N, funding: Iterable[N]) -> tuple[N, N, N]:
    """Total funding, surplus (funding − cost) and shortfall (``max(0, cost − funding)``).

    >>> balance(Fraction(480000), [Fraction(46800), Fraction(396000)])
    (Fraction(442800, 1), Fraction(-37200, 1), Fraction(37200, 1))
    """
    funded = total((1, amount) for amount in funding)
    surplus = funded - cost
    return funded, surplus, maximum(-surplus, 0, in_place=True)


@dataclass(frozen=True, slots=True)
class CostSplit:
    """A cost pool set against named funding sources (all in DKK for one period).

    Made by :func:`split_cost`, which computes every figure once, exactly.

    Attributes:
        cost: the cost pool, e.g. support-staff salaries.
        funding: each source's contribution, in the order given.
        total_funding: the sum of the sources.
        surplus: funding minus cost; negative is a shortfall.
        shortfall: what is missing to cover the cost (zero when covered; above the cost
            when a source is negative).
        coverage: funding / cost, or None when there is no cost to cover.
        shares: each source's contribution as a fraction of the cost (empty with no cost).
        uncovered_share: the fraction of the cost no source pays (zero when covered or
            with no cost).

    """

    # records of mappings: equal by value but not hashable (a hash of their fields would fail on the
    # mapping, deep inside); unhashable by name, as a dict is
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    cost: Decimal
    funding: Mapping[str, Decimal]
    total_funding: Decimal
    surplus: Decimal
    shortfall: Decimal
    coverage: Decimal | None
    shares: Mapping[str, Decimal]
    uncovered_share: Decimal

    @property
    def covered(self) -> bool:
        """Whether funding reaches the cost."""
        return self.surplus >= 0

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # the read-only mapping views do not pickle (or deep-copy): rebuild them from dicts
        return _cost_split, (
            self.cost,
            dict(self.funding),
            self.total_funding,
            self.surplus,
            self.shortfall,
            self.coverage,
            dict(self.shares),
            self.uncovered_share,
        )


def _cost_split(
    cost: Decimal,
    funding: dict[str, Decimal],
    total_funding: Decimal,
    surplus: Decimal,
    shortfall: Decimal,
    coverage: Decimal | None,
    shares: dict[str, Decimal],
    uncovered_share: Decimal,
) -> CostSplit:
    """A pickled :class:`CostSplit` back, with its mappings read-only again."""
    return CostSplit(
        cost,
        MappingProxyType(funding),
        total_funding,
        surplus,
        shortfall,
        coverage,
        MappingProxyType(shares),
        uncovered_share,
    )


@in_context
def split_cost(cost: Decimal | float, funding: Mapping[str, Decimal | float]) -> CostSplit:
    """Set a cost pool against named funding sources.

    >>> s = split_cost(Decimal("480000.00"), {"overhead": Decimal("46800.00"), "courses": Decimal("396000.00")})
    >>> s.coverage, s.shortfall, s.shares["courses"], s.uncovered_share
    (Decimal('0.9225'), Decimal('37200.00'), Decimal('0.825'), Decimal('0.0775'))

    Amounts are Decimals; an int or a float (Python's or numpy's) is read as the decimal
    it stands for, as inputs are: ``split_cost(480000.0, {"courses": 396000.0})`` is the
    same split.

    A source may be negative: a margin that is a loss (e.g. contract revenue below the
    wages it pays) drains funding, and its share of the cost is then negative.

    Raises:
        SocialPartnerError: a negative cost pool, or funding that is not a mapping.
        QuantityError: an amount that is NaN, an infinity or not a number.

    """
    # Decimals pass as they are (the path evaluate takes); a float, an int or NaN is read off it
    pool = cost if type(cost) is Decimal and cost.is_finite() else decimal_number(cost, what="a cost pool in DKK")
    if pool < 0:
        raise SocialPartnerError(f"cost pool must not be negative, got {pool}")
    if type(funding) is not dict and not isinstance(funding, Mapping):
        raise SocialPartnerError(f"funding must be a mapping of source names to amounts, got {type(funding).__name__}")
    sources: dict[str, Decimal] = dict(funding)  # type: ignore[arg-type]  # checked just below
    for v in sources.values():
        if type(v) is not Decimal or not v.is_finite():
            sources = {name: decimal_number(v, what=f"funding {name!r} in DKK") for name, v in funding.items()}
            break
    funded, surplus, shortfall = balance(pool, sources.values())
    funded, shortfall = funded + _ZERO, shortfall + _ZERO  # Decimals even where a sum is the integer 0
    if pool == 0:
        return CostSplit(pool, MappingProxyType(sources), funded, surplus, shortfall, None, MappingProxyType({}), _ZERO)
    return CostSplit(
        pool,
        MappingProxyType(sources),
        funded,
        surplus,
        shortfall,
        coverage_ratio(funded, pool),
        MappingProxyType({name: amount / pool for name, amount in sources.items()}),
        shortfall / pool,
    )
