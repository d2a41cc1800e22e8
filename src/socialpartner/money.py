"""Exact money: Decimal DKK, rounded to øre by one declared rule, and exact splits.

The rule: every amount that is reported is rounded **once**, to whole øre (0.01 DKK),
**half up** (away from zero), from the exact rational value computed from the inputs.
Totals are sums of rounded amounts, so every total and every balance is exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from socialpartner.errors import SocialPartnerError

__all__ = ["ORE", "ROUNDING", "ROUNDING_RULE", "allocate", "to_ore"]

ORE = Decimal("0.01")
"""The smallest amount of money reported: one øre."""

ROUNDING = ROUND_HALF_UP
"""The decimal rounding mode of the rule (for callers who quantize themselves)."""

ROUNDING_RULE = "each reported amount rounded once to 0.01 DKK, half up, from its exact value"
"""The declared rounding rule, in words (printed in every evaluation)."""

Exact = int | Decimal | Fraction


def _ore_count(value: Exact) -> int:
    """Exact value → whole øre, half away from zero, in integer arithmetic (no double rounding)."""
    if isinstance(value, int):
        return value * 100
    exact = value if isinstance(value, Fraction) else Fraction(value)
    num, den = exact.numerator * 100, exact.denominator
    magnitude = (abs(num) * 2 + den) // (2 * den)
    return magnitude if num >= 0 else -magnitude


def to_ore(value: Exact) -> Decimal:
    """Round an exact amount of DKK to øre by the declared rule.

    >>> to_ore(Fraction(84000, 2340))
    Decimal('35.90')
    >>> to_ore(Decimal("0.005")), to_ore(Decimal("-0.005"))
    (Decimal('0.01'), Decimal('-0.01'))
    """
    return Decimal(_ore_count(value)).scaleb(-2)


def allocate(amount: Decimal, weights: Sequence[int | Decimal | Fraction]) -> list[Decimal]:
    """Split ``amount`` by ``weights`` into øre amounts that add back to it exactly.

    Largest remainder: each part gets the whole øre of its exact quota, and the øre left
    over go one each to the parts with the largest fractional remainders (the earlier
    part first on a tie), so the result is deterministic.

    >>> allocate(Decimal("100.00"), [1, 1, 1])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]

    Raises:
        SocialPartnerError: no weights, a negative weight, all weights zero, or an
            amount that is not whole øre.

    """
    if not weights:
        raise SocialPartnerError("allocate needs at least one weight")
    fracs = [Fraction(w) for w in weights]
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
