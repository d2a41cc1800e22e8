"""Whole-number fields (years, weeks): read as a headcount is, from any kind of whole number.

A year or a number of weeks given as a numpy integer (``np.int64(2026)``, what a
DataFrame column holds) is the whole number it is; so is an integral float (``2026.0``,
``np.float64(104.0)``) and text or a file number read by the number rules. A boolean is
no number (YAML reads ``yes`` as one), and a fraction of a year is refused rather than cut.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
from pydantic_core import PydanticCustomError

from socialpartner._internal.units import (
    MAX_TEXT,
    WrittenNumber,
    decimal_of_float,
    has_unit,
    in_input_unit,
    read_number,
)
from socialpartner.errors import QuantityError

__all__ = ["whole_number"]


def _shown(value: Any) -> str:
    # a number as written (2.5), not as Python shows its type (Decimal('2.5'): review 55 F15); text quoted
    text = str(value) if isinstance(value, (Decimal, WrittenNumber)) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _refused(message: str, *, meant: bool = False) -> PydanticCustomError:
    # a "…_type" code: where a union also takes a mapping (weeks by group), the union says what it
    # takes; ``meant``: a number or a length, meant for this field, keeps its own error in the union
    return PydanticCustomError("whole_number" if meant else "whole_number_type", "{message}", {"message": message})


def whole_number(what: str, unit: str | None = None, within: tuple[int, int] | None = None) -> Callable[[Any], Any]:
    """A before-validator turning any whole number into an ``int``; ``what`` names the kind (``a year such as 2026``).

    With ``unit`` (``"week"``), text may carry a unit of time too (``10 uger``, ``2 år``),
    read in that unit. Anything else that is no number (a list, None) is passed on for
    the field's own type check to refuse. ``within``: the field's range, refused in the
    same words (``expected a year such as 2026 (1900 to 2200), got 26``) rather than
    pydantic's "greater than or equal to".
    """
    read = _whole_number(what, unit)
    if within is None:
        return read
    low, high = within

    def in_range(value: Any) -> Any:
        number = read(value)
        if isinstance(number, int) and not isinstance(number, bool) and not low <= number <= high:
            raise _refused(f"expected {what} ({low} to {high}), got {number}", meant=True)
        return number

    return in_range


def _whole_number(what: str, unit: str | None) -> Callable[[Any], Any]:

    def read(value: Any) -> Any:
        if unit is not None and isinstance(value, str) and has_unit(value):
            given = value
            value = _in_unit(value, unit, what)
            if isinstance(value, Decimal) and value.is_finite() and value != value.to_integral_value():
                # text with a unit is meant for this field (not a mapping): say so, not what the union takes
                raise _refused(
                    f"{_shown(given)} is {format(round(value, 2), 'f')} {unit}s, not a whole number ({what}); "
                    "a year here is 52 weeks (364 days), a month 52/12 weeks",
                    meant=True,
                )
        if isinstance(value, (bool, np.bool_)):  # YAML's yes/no, True: never a year or a count of weeks
            raise _refused(f"expected a whole number ({what}), got a boolean ({value!r})")
        if isinstance(value, int):
            return value
        if isinstance(value, numbers.Integral):  # numpy integers
            return int(value)
        number: Decimal
        if isinstance(value, (str, WrittenNumber)):
            try:
                number = read_number(str(value)[:MAX_TEXT], what=what)
            except QuantityError as exc:
                raise _refused(f"{exc.reason}: expected a whole number ({what}), got {_shown(value)}") from None
        elif isinstance(value, (float, np.floating)):
            number = decimal_of_float(value)
        elif isinstance(value, Decimal):
            number = value
        else:
            return value
        if not number.is_finite():
            raise _refused(f"expected a whole number ({what}), got {_shown(value)}")
        if number != number.to_integral_value():
            # a number, meant for this field and not a mapping beside it: this error, not the union's
            raise _refused(f"expected a whole number ({what}), got {_shown(value)}", meant=True)
        if number.adjusted() > 6:  # no year or count of weeks has more digits; int() of 1e999999 would take long
            raise _refused(f"expected a whole number ({what}), got {_shown(value)}")
        return int(number)

    return read


class _LengthError(ValueError):
    """A length refused by :func:`~socialpartner._internal.units.in_input_unit`, turned into this field's error."""


def _in_unit(text: str, unit: str, what: str) -> Any:
    """Text with a unit of ``unit``'s kind (``10 uger``) as its number in ``unit``; refused naming what was expected."""
    try:  # the one reading of a value with a unit, as the solver's and the zone's bounds
        return in_input_unit(text, unit, False, f"expected a whole number ({what})", _LengthError)
    except _LengthError as exc:
        # text with a unit is meant for this field, not for a mapping beside it: this error, not the union's
        raise _refused(str(exc), meant=True) from None
