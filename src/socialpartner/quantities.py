"""Typed quantity fields for pydantic models.

Use them as field annotations::

    class Course(BaseModel):
        price: MoneyPerTime        # "11000 DKK/month", Q_(132000, "DKK/year")

Each accepts a pint Quantity of :data:`socialpartner.ureg`, a string such as
``"145 DKK/hour"`` or ``"12 %"``, or a plain number where the unit is unambiguous,
and rejects a wrong dimension, NaN, infinities and (unless stated) negative values with
a ``ValidationError`` that names the field, the expected kind and what was given.
"""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from typing import Annotated, Any

import numpy as np
import pint
from pydantic import BeforeValidator, Field

from socialpartner._internal.fields import QuantityType
from socialpartner._internal.units import MAX_TEXT, WrittenNumber, read_number
from socialpartner.errors import QuantityError

__all__ = [
    "AnyQuantity",
    "Duration",
    "FullTimeEquivalents",
    "Growth",
    "Headcount",
    "HoursPerPerson",
    "HoursPerTime",
    "ItemsPerTime",
    "Markup",
    "Money",
    "MoneyPerHour",
    "MoneyPerItem",
    "MoneyPerTime",
    "QuantityType",
    "Ratio",
    "Share",
]

_MONEY = frozenset({("[currency]", 1)})
_MONEY_PER_TIME = frozenset({("[currency]", 1), ("[time]", -1)})
_MONEY_PER_HOUR = frozenset({("[currency]", 1), ("[labour]", -1)})
_HOURS_PER_TIME = frozenset({("[labour]", 1), ("[time]", -1)})
_TIME = frozenset({("[time]", 1)})
_RATIO: frozenset[tuple[str, int]] = frozenset()
_ITEMS_PER_TIME = frozenset({("[item]", 1), ("[time]", -1)})
_MONEY_PER_ITEM = frozenset({("[currency]", 1), ("[item]", -1)})

Money = Annotated[pint.Quantity[Any], QuantityType("money", (_MONEY,), ("480000 DKK",), plain_unit="DKK")]
"""An amount of money; a plain number is DKK."""

MoneyPerTime = Annotated[
    pint.Quantity[Any],
    QuantityType("money per week, month or year", (_MONEY_PER_TIME,), ("11000 DKK/month", "480000 DKK/year")),
]
"""Money per calendar time, e.g. a monthly price or an annual salary cost."""

MoneyPerHour = Annotated[
    pint.Quantity[Any],
    QuantityType("money per hour", (_MONEY_PER_HOUR,), ("165 DKK/hour",), plain_unit="DKK/hour"),
]
"""A price or cost per working hour; a plain number is DKK/hour."""

HoursPerTime = Annotated[
    pint.Quantity[Any],
    QuantityType("hours per week, month or year", (_HOURS_PER_TIME,), ("15 hour/week", "65 hour/month")),
]
"""Working hours per calendar time, e.g. ``15 hour/week`` (of any number of people together)."""

HoursPerPerson = Annotated[
    pint.Quantity[Any],
    QuantityType(
        "hours per week, month or year, per person",
        (_HOURS_PER_TIME,),
        ("15 hour/week", "65 hour/month"),
        per_person=True,
    ),
]
"""One person's working hours per calendar time, e.g. ``15 hour/week``: at most the 48 hours a
week a person may work on average (arbejdstidsloven § 4), so ``96 hour/week`` (a line's total
typed as one person's) is refused."""

FullTimeEquivalents = Annotated[
    pint.Quantity[Any],
    QuantityType(
        "full-time equivalents", (_HOURS_PER_TIME,), ("1 FTE", "18.5 hour/week"), plain_unit="FTE", bare_max=Decimal(10)
    ),
]
"""Working time as FTE (1 FTE = 37 hour/week); a plain number is FTE, up to 10 (``fte: 50`` for
half time is refused naming both readings; ``"50 FTE"`` is read)."""

PartOfWhole = Annotated[
    pint.Quantity[Any],
    QuantityType("a fraction of a whole", (_RATIO,), ("50 %", "0.5"), plain_unit="", whole_max=True),
]
"""A part of a whole, such as a share of revenue: ``"50 %"`` or ``0.5``, at most 100 % (``"101 %"``
is refused, as a bare number above 1 is)."""

SmallShare = Annotated[
    pint.Quantity[Any],
    QuantityType("a percentage", (_RATIO,), ("0.8 %", "0.12 %"), plain_unit="", percent_only=True, whole_max=True),
]
"""A share of a few percent at most, such as an error rate, written as a percentage: ``"0.8 %"``,
at most 100 %. A bare number other than 0 is refused naming both readings (``0.12``: 0.12 % or
12 %?), as an error rate is typed as a percentage and the two readings differ a hundredfold."""

Duration = Annotated[
    pint.Quantity[Any],
    QuantityType("calendar time", (_TIME,), ("1 year", "6 month"), minimum="positive"),
]
"""A positive span of calendar time (a year is 52 weeks and 12 months)."""

Share = Annotated[
    pint.Quantity[Any],
    QuantityType("a fraction", (_RATIO,), ("12 %", "0.12"), plain_unit=""),
]
"""A fraction: ``"12 %"`` (also ``percent``, ``procent``, ``pct.``) or a bare fraction at most 1 such as
``0.12``. A bare number above 1 is refused (``3`` would mean 300 %), as are ratios of other units
(``%%``, ``hour/hour``, ``week/year``)."""

Ratio = Annotated[
    pint.Quantity[Any],
    QuantityType("a ratio", (_RATIO,), ("0.8", "120 %"), plain_unit="", ratio_max=10),
]
"""A ratio that may exceed 1, such as skilled hours freed per helper hour: a bare number is the
ratio itself (``1.2`` is 1.2) and a percentage is divided by 100 (``"120 %"`` is 1.2). At most 10
(1000 %): ``80`` is a percentage written without its sign, refused with the fix. Unlike
:data:`Share` (a part of a whole, whose bare number is a fraction at most 1)."""

Growth = Annotated[
    pint.Quantity[Any],
    QuantityType(
        "a growth rate", (_RATIO,), ("2 %", "-2 %"), plain_unit="", minimum="growth", bare_below=Decimal("0.2")
    ),
]
"""A yearly growth rate: ``"2 %"`` or ``0.02``, negative for a fall (``"-2 %"``: a wage cut,
deflation), above -100 %. A bare number is a fraction, refused from 0.2 in size (``1`` or
``0.5``: 1 % or 100 %, 0.5 % or 50 %? write ``"1 %"``); ``"100 %"`` is read."""

ItemsPerTime = Annotated[
    pint.Quantity[Any],
    QuantityType("items per week, month or year", (_ITEMS_PER_TIME,), ("400000 item/year", "1500 order/week")),
]
"""A volume of output per calendar time, e.g. orders packed per year."""

MoneyPerItem = Annotated[
    pint.Quantity[Any],
    QuantityType("money per item", (_MONEY_PER_ITEM,), ("40 DKK/item", "40 DKK/order"), plain_unit="DKK/item"),
]
"""Money per unit of output, e.g. the cost of one error; a plain number is DKK/item."""

Markup = Annotated[
    pint.Quantity[Any],
    QuantityType("money per hour or a percentage", (_MONEY_PER_HOUR, _RATIO), ("20 DKK/hour", "12 %"), plain_unit=""),
]
"""A surcharge: money per hour, or a percentage of a base price per hour. A bare number is a fraction
below 1 (``0.1`` is 10 %); a bare ``1`` is refused as ``20`` is, since either may mean a percentage
or money per hour (write ``100 %`` or ``1 DKK/hour``)."""


AnyQuantity = Annotated[
    pint.Quantity[Any],
    QuantityType("a quantity in any known unit", (), ("19952 DKK/month", "30 %"), plain_unit=""),
]
"""A non-negative quantity of any dimension (parameter values); a plain number is a fraction, at most 1."""


def _whole_number(value: Any) -> Any:
    """People are counted in whole numbers; text and file numbers follow the number rules."""
    if isinstance(value, (bool, np.bool_)):  # pydantic's lax int would read True as 1 worker
        raise ValueError("expected a whole number of people, got a boolean")
    # pydantic turns a Decimal into an int digit by digit: 1e999999999 would take minutes,
    # so a magnitude no headcount has is refused by its exponent first
    if isinstance(value, Decimal) and value.is_finite() and value and not 0 <= value.adjusted() <= 6:
        raise ValueError(f"expected a whole number of people (0 to 1,000,000), got {_short_number(value)}")
    if isinstance(value, (str, WrittenNumber)):
        try:
            number = read_number(str(value)[:MAX_TEXT], what="a whole number of people")
        except QuantityError as exc:
            raise ValueError(f"{exc.reason}: expected a whole number of people, got {str(value)[:40]!r}") from None
        if number != number.to_integral_value():
            raise ValueError(f"expected a whole number of people, got {number}")
        value = int(number)
    elif isinstance(value, numbers.Integral):  # numpy integers
        value = int(value)
    if isinstance(value, (float, np.floating, Decimal)) and not math.isfinite(value):
        # in the library's words (a NaN wage says "not a finite number" too), not pydantic's with its link
        raise ValueError(f"not a finite number: expected a whole number of people, got {value}")
    if isinstance(value, (int, float)) and math.isfinite(value) and not 0 <= value <= 1_000_000:
        # in the words of the other headcount errors, not pydantic's "greater than or equal to 0"
        raise ValueError(f"expected a whole number of people (0 to 1,000,000), got {_short_number(Decimal(value))}")
    return value


def _short_number(value: Decimal) -> str:
    text = str(value)
    return text if len(text) <= 30 else f"{value:.3E}"


Headcount = Annotated[int, Field(ge=0, le=1_000_000), BeforeValidator(_whole_number)]
"""A whole number of people (0 to 1,000,000)."""
