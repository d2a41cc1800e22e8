"""pydantic field types for quantities with units.

A field accepts a pint Quantity of the library registry, a string such as
``"145 DKK/hour"`` or ``"12 %"``, or a plain number where the unit is unambiguous
(money in DKK, a price per hour in DKK/hour). It checks the dimension and the sign,
stores a pint Quantity in the unit given, serialises to a string that reads back to
the identical value, and describes itself in the JSON Schema.
"""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pint
from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from socialpartner._internal import units as u
from socialpartner.errors import QuantityError
from socialpartner.money import in_context


def _short(value: Any) -> str:
    """The value as given, short enough for a one-screen error message.

    Numbers are shown as written (``0.5``, ``1/3``, ``165 DKK / hour``), not as Python
    reprs (``Decimal('0.5')``, ``Fraction(1, 3)``, ``np.float64(0.5)``); text is quoted.
    """
    if isinstance(value, int) and value.bit_length() > 256:  # repr of a 10**5000 would itself fail
        return f"a whole number of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    try:
        if isinstance(value, (Decimal, Fraction, pint.Quantity)):
            text = str(value)
        elif isinstance(value, np.bool_):
            text = repr(bool(value))
        elif isinstance(value, np.floating):  # the decimal it stands for, at its own precision
            text = str(u.decimal_of_float(value))
        elif isinstance(value, np.integer):
            text = str(int(value))
        else:
            text = repr(value)
    except ValueError:  # e.g. a Quantity holding a 10**5000
        return f"a {type(value).__name__} too large to print"
    return text if len(text) <= 60 else text[:57] + "..."


# "t.kr." / "t. kr." (tusind kroner, thousands of kroner), read as hour × kroner
_THOUSAND_KRONER = re.compile(r"(?<![A-Za-zæøåÆØÅ])t\.?\s?kr\.?", re.IGNORECASE)
# Hours per person per year at most: the working time law's 48 a week, over the calendar's 52 weeks.
_MAX_HOURS_A_YEAR = u.MAX_HOURS_A_WEEK * u.WEEKS_PER_YEAR
_TIME = u.parse_unit("year").dims  # a length of time (a period, a course's length)
_CALENDAR_YEARS = 10  # lengths in days up to this many years are checked for a calendar's 365 days


def _written(magnitude: Any) -> str:
    """A number in an error's suggested fix, as the file being read writes numbers (``0,5`` in a Danish one)."""
    text = u.format_magnitude(magnitude)
    return text.replace(".", ",") if u.current_number_format() == u.DANISH else text


def _example(text: str) -> str:
    """An example input as the file being read writes numbers: ``'0,8 %'`` in a Danish one (no grouping in them)."""
    return text.replace(".", ",") if u.current_number_format() == u.DANISH and _DECIMAL.search(text) else text


_DECIMAL = re.compile(r"\d\.\d")  # a decimal point between digits (not the dot of 'kr.')


def _bare(text: str) -> str:
    """A bare number to write as a fix: quoted in a Danish file, where ``{fte: 0,5}`` is cut at the comma."""
    return f"'{text}'" if u.current_number_format() == u.DANISH else text


@dataclass(frozen=True, slots=True)
class QuantityType:
    """Annotation metadata that turns ``pint.Quantity`` into a validated field.

    Attributes:
        expected: words for the accepted kinds, used in errors and the schema.
        dims: the accepted dimensions (more than one for e.g. "DKK/hour or %"; none: any).
        examples: example strings for errors and the JSON Schema.
        plain_unit: unit given to a plain number, or None when a number alone is
            ambiguous (a price per *what* time?) and must be refused.
        minimum: ``"nonnegative"``, ``"positive"``, ``"any"`` or ``"growth"`` (above
            -100 %: a yearly growth may be negative, a wage cut or deflation, but no
            fall takes more than everything).
        shares: whether a dimensionless value is a share (a percentage, or a bare
            fraction at most 1); False where a plain number may be any number (an
            expected result).
        ratio_max: for a ratio that may exceed 1 (skilled hours freed per helper hour):
            a bare number is taken as it is (``1.2``) and a percentage is divided by 100
            (``120 %`` is 1.2); a value above ``ratio_max`` is refused, as no such ratio
            is that large and ``80`` is a percentage written without its sign. None: a
            share, whose bare number is a fraction at most 1.
        per_person: hours per week, month or year of one person, so at most the length of the time
            itself (168 hour/week): ``200 hour/week`` is refused.
        beyond_whole: a share that may exceed 100 % (staff turnover: 120 % replaced a
            year). A bare number above 1 is refused as for any share, but the advice names
            both readings (``1.2 %`` or ``120 %``), as 120 % is as likely meant as 1.2 %.
        bare_below: a share whose values are a few percent (a growth rate): a bare number
            this large or larger in size (``1``, ``0.8``) is refused naming both readings
            (0.8 % or 80 %?); a percentage is read as written.
        percent_only: a share typed as a percentage (an error rate): every bare number but
            0 is refused naming both readings (``0.12`` is 0.12 % or 12 %).
        bare_max: a plain number (in ``plain_unit``) above this is refused as a
            percentage's digits (``fte: 50`` for half time); with its unit it is read.

    """

    expected: str
    dims: tuple[u.Dims, ...]
    examples: tuple[str, ...]
    plain_unit: str | None = None
    minimum: str = "nonnegative"
    shares: bool = True  # a dimensionless value is a share (≤ 1 when bare); False: any plain number
    per_person: bool = False  # hours per week, month or year of one person: at most the hours of the time itself
    ratio_max: int | None = None  # a ratio that may exceed 1, up to this: a bare 1.2 is 1.2, not refused
    beyond_whole: bool = False  # a share that may exceed 100 % (staff turnover): a bare 1.2 may mean 120 %
    bare_below: Decimal | None = None  # a share of a few percent: a bare number this large is a percentage's digits
    percent_only: bool = False  # a share typed as a percentage (an error rate): no bare number but 0
    bare_max: Decimal | None = None  # a plain number in plain_unit above this is a percentage's digits (fte: 50)
    whole_max: bool = False  # a part of a whole (a share of revenue): 101 % is refused too

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            self.validate,
            serialization=core_schema.plain_serializer_function_ser_schema(self.serialize),
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        text: JsonSchemaValue = {
            "type": "string",
            # a sign may be a dash typed as a minus (−500, –500), as the reader accepts
            "pattern": rf"^\s*[+\-{u.MINUS_SIGNS}]?([0-9][0-9_.,]*|[.,][0-9][0-9_]*)([eE][+-]?[0-9]+)?\s*\S.*$",
        }
        description = f"A quantity: {self.expected}, as a number followed by a unit, e.g. {self.examples[0]!r}."
        out: JsonSchemaValue
        if self.plain_unit is not None:
            description += f" A plain number is read as {self.plain_unit or 'a ratio (0.12 = 12 %)'}."
            # as a number or as text: a saved file writes an expected count as "3" (review 59 M1)
            plain = {
                "type": "string",
                "pattern": rf"^\s*[+\-{u.MINUS_SIGNS}]?([0-9][0-9_.,]*|[.,][0-9][0-9_]*)([eE][+-]?[0-9]+)?\s*$",
            }
            out = {"anyOf": [text, plain, {"type": "number"}]}
        else:
            out = dict(text)
        out["description"] = description
        out["examples"] = list(self.examples)
        out["x-unit-dimensions"] = [u.describe_dims(d) for d in self.dims]
        if self.per_person:
            out["description"] += f" At most {u.MAX_HOURS_A_WEEK} hours a week per person (arbejdstidsloven § 4)."
            out["x-maximum"] = f"{u.MAX_HOURS_A_WEEK} hour/week"
        if self.minimum == "growth":
            out["description"] += " Above -100 % (a negative growth is a fall)."
            out["x-minimum"] = -1
            out["x-exclusive-minimum"] = True
        elif self.minimum != "any":
            out["x-minimum"] = 0
            out["x-exclusive-minimum"] = self.minimum == "positive"
        if self.ratio_max is not None:
            out["description"] += f" A plain number is the ratio itself (1.2); at most {self.ratio_max}."
            out["x-maximum"] = self.ratio_max
        return out

    # -- validation -------------------------------------------------------------------

    def _fail(self, code: str, reason: str, given: Any) -> PydanticCustomError:
        return PydanticCustomError(
            code,
            "{reason}: expected {expected} (e.g. {example}), got {given}",
            {
                "reason": reason,
                "expected": self.expected,
                "example": repr(_example(self.examples[0])),
                "given": _short(given),
            },
        )

    @property
    def takes_ratio(self) -> bool:
        """Whether a share (a percentage or a bare fraction) is one of the accepted kinds."""
        return not self.dims or frozenset() in self.dims

    @in_context  # the caller's decimal precision must not change what is accepted
    def validate(self, value: Any) -> pint.Quantity[Any]:
        """Turn an accepted input into a checked Quantity; raise a pydantic error otherwise."""
        try:
            magnitude, info, spelled = self._read(value)
        except QuantityError as exc:
            reason = exc.reason
            if self.percent_only and exc.code == "number_format" and "%" not in str(value):
                # '0,12' in a plain file: the decimal point alone would be refused next, bare
                reason += "; and give the rate its % sign (e.g. '0.12 %')"
            raise self._fail(exc.code, reason, value) from None
        if self.dims and info.dims not in self.dims:  # no dims listed: any unit (parameter values)
            reason = f"wrong kind of unit ({u.describe_dims(info.dims)})"
            if self.minimum == "growth" and info.dims == frozenset({("[time]", -1)}):
                # 3 %/år: the rate is a year's already; per month or week it would compound otherwise
                reason += "; a growth rate is a year's already: write the yearly rate alone, e.g. '3 %' for 3 % a year"
            elif isinstance(value, str) and (thousands := _THOUSAND_KRONER.search(value)) is not None:
                # 510 t.kr./år: "t" is the Danish hour (37 t/uge), so the amount became money × hours
                kroner = _written(u.plain_magnitude(magnitude * 1000))
                reason += (
                    f"; 't' is read as an hour here ('{thousands[0].strip()}' for thousands of kroner is not read): "
                    f"write the amount in kroner, e.g. '{kroner} kr.{value[thousands.end() :].strip()}'"
                )
            elif self.plain_unit == "FTE" and not info.dims:  # a "60 % stilling": the share of a post is its FTE
                post = Fraction(magnitude) * info.factor
                fte = _written(u.plain_magnitude(Decimal(post.numerator) / Decimal(post.denominator)))
                reason += f"; a share of a full-time post is its FTE: write {_bare(fte)} for {_short(value)} of a post"
            raise self._fail("dimension_mismatch", reason, value)
        try:  # a rate per day: a working or a calendar day? (durations in days pass)
            u.refuse_per_day(info, magnitude, text=_short(value), what=self.expected)
        except QuantityError as exc:
            raise self._fail(exc.code, exc.reason, value) from None
        if info.dims == _TIME and str(info.unit) == "day":
            self._check_calendar_days(magnitude, value)
        if not info.dims and self.shares:
            self._check_ratio(magnitude, info, spelled, value)
        if self.bare_max is not None and spelled == "" and magnitude > self.bare_max:
            number = _written(u.plain_magnitude(magnitude))
            share = _written(u.plain_magnitude(magnitude / 100))
            raise self._fail(
                "bare_too_large",
                f"a bare {number} would mean {number} {self.plain_unit}: write {_bare(share)} if {number} % is meant, "
                f"or '{number} {self.plain_unit}' if that many are meant",
                value,
            )
        if self.minimum == "nonnegative" and magnitude < 0:
            raise self._fail("negative", "must not be negative", value)
        if self.minimum == "positive" and magnitude <= 0:
            raise self._fail("not_positive", "must be greater than zero", value)
        if self.minimum == "growth" and Fraction(magnitude) * info.factor <= -1:
            raise self._fail(
                "growth_below_minus_100",
                "must be above -100 % (a yearly fall of 100 % or more leaves nothing to grow)",
                value,
            )
        if self.per_person and Fraction(magnitude) * info.factor > _MAX_HOURS_A_YEAR:
            raise self._fail("more_than_the_time", self._too_many_hours(magnitude, info), value)
        return u.Q_(u.plain_magnitude(magnitude), info.unit)

    def _check_calendar_days(self, magnitude: Decimal, value: Any) -> None:
        """Refuse a length in days that reads as calendar years (365, 730 days), a day or two past the library's.

        A year here is 52 weeks, 364 days: ``365 dage`` is a year and a day, so no course of
        that length ends within its first year, and a period of 365 days books 365/364 of a
        year's amounts. A Danish user writing 365 means a year; either reading is a guess.
        """
        days = Fraction(magnitude)
        years = int(days // u.DAYS_PER_YEAR)
        extra = days - years * u.DAYS_PER_YEAR
        # whole days, a calendar's leap days past whole years (up to 10 years: a horizon's length)
        if 1 <= years <= _CALENDAR_YEARS and 0 < extra <= 2 * years and extra.denominator == 1:
            raise self._fail(
                "calendar_days",
                f"{_short(value)} is {years} year{'s' if years > 1 else ''} and {extra} day{'s' if extra != 1 else ''} "
                f"here (a year is 52 weeks, {u.DAYS_PER_YEAR} days); for {years} year{'s' if years > 1 else ''} "
                f"write '{years} year' or '{12 * years} month'",
                value,
            )

    @staticmethod
    def _too_many_hours(magnitude: Decimal, info: u.UnitInfo) -> str:
        """Words for hours per person beyond the working time law's 48 a week: ``96 hour/week``, ``260 hour/month``."""
        per_week = Fraction(magnitude) * info.factor / u.WEEKS_PER_YEAR
        given = f"{u.format_decimal(magnitude)} {info.unit}"
        if info.factor != u.WEEKS_PER_YEAR:  # not per week: say what it is a week
            weekly = Decimal(per_week.numerator) / Decimal(per_week.denominator)
            given += f" ({u.format_decimal(round(weekly, 2))} hour/week)"
        return (
            f"{given} is more than the {u.MAX_HOURS_A_WEEK} hours a week a person may work on average "
            "(arbejdstidsloven § 4): the hours are per person, not the line's total (a line of 8 people "
            "at 12 hours each is headcount 8, 12 hour/week)"
        )

    def _check_ratio(self, magnitude: Decimal, info: u.UnitInfo, spelled: str | None, value: Any) -> None:
        """A share is a percentage or a bare fraction at most 1; a ratio, either, up to ``ratio_max``.

        Nothing else that cancels out (``hour/hour``, ``%%``) is either. With ``whole_max``,
        a percentage above 100 % is refused as well.
        """
        if (spelled is not None and not u.is_ratio_spelling(spelled)) or not u.is_ratio_unit(info.unit):
            shown = spelled if spelled is not None else str(info.unit)
            fix = (
                f"is not a share: write a percentage ('12 %', '12 procent') or a fraction ({_example('0.12')})"
                if self.ratio_max is None
                else "is not a ratio: write a plain number (1.2) or a percentage ('120 %')"
            )
            raise self._fail("ratio_unit", f"{shown!r} {fix}", value)
        bare = not dict(info.unit._units)
        if self.ratio_max is not None:  # a ratio: a bare number is the ratio itself, 120 % is 1.2
            ratio = Fraction(magnitude) * info.factor
            if ratio > self.ratio_max:
                number = _written(u.plain_magnitude(magnitude))
                shown = number if bare else f"{number} {spelled if spelled is not None else info.unit}"
                if not bare:  # 1200 % (12)
                    shown += f" ({u.format_decimal(Decimal(ratio.numerator) / Decimal(ratio.denominator))})"
                percent = "" if not bare else f"; if {number} % is meant, write {number} %"
                raise self._fail(
                    "ratio_too_large",
                    f"{shown} is more than {self.ratio_max}, more than this ratio can be "
                    f"(a bare number is the ratio itself: {_example('1.2')} is {_example('1.2')}, "
                    f"as is 120 %){percent}",
                    value,
                )
            return
        if bare and abs(magnitude) == 1 and len(self.dims) > 1:
            # a markup: 1 is 100 % of the base or 1 DKK/hour, as 20 is 20 % or 20 DKK/hour
            number = _written(u.plain_magnitude(magnitude))
            percent = _written(u.plain_magnitude(magnitude * 100))
            unit = self.examples[0].partition(" ")[2]
            raise self._fail(
                "bare_share",
                f"a bare {number} is ambiguous here: write {percent} % if all of the base is meant, "
                f"or {number} {unit} (a bare number is a fraction below 1)",
                value,
            )
        if bare and self.percent_only and magnitude != 0:
            # an error rate is typed as a percentage: a bare 0.12 is as likely 0.12 % as 12 %, and
            # the two differ a hundredfold in a cost line, so only the sign settles it
            number = _written(u.plain_magnitude(magnitude))
            percent = _written(u.plain_magnitude(magnitude * 100))
            if self.whole_max and abs(magnitude) > 1:  # 120 % is no rate of a whole: 1,2 % is meant
                fix = f"a bare {number} would mean {percent} %, more than the whole: write '{number} %'"
            else:
                fix = (
                    f"a bare {number} may mean {number} % or {percent} %: write the percentage with its sign, "
                    f"'{number} %' or '{percent} %'"
                )
            raise self._fail("bare_share", fix, value)
        if bare and self.bare_below is not None and self.bare_below <= abs(magnitude) <= 1 and magnitude > -1:
            # 20 % a year or more is far past any wage or price growth (and an error rate of
            # 80 % past any task): a bare 1 or 0.8 is far likelier a percentage written without
            # its sign (1 %, 0.8 %); -1 and below are refused by the minimum, as a fall of 100 %
            number = _written(u.plain_magnitude(magnitude))
            percent = _written(u.plain_magnitude(magnitude * 100))
            growth = self.minimum == "growth"
            raise self._fail(
                "bare_growth" if growth else "bare_share",
                f"a bare {number} would mean {percent} %{' a year' if growth else ''}: write '{number} %' if that "
                f"is meant, or '{percent} %' for a {'growth' if growth else 'share'} that large "
                "(a bare number is a fraction)",
                value,
            )
        if bare and abs(magnitude) > 1:
            percent = _written(u.plain_magnitude(magnitude * 100))
            number = _written(u.plain_magnitude(magnitude))
            if self.beyond_whole:
                raise self._fail("bare_share", self._both_readings(number, percent), value)
            other = "" if self.takes_ratio and len(self.dims) <= 1 else f" or give its unit, e.g. {self.examples[0]!r}"
            raise self._fail(
                "bare_share",
                f"{number} would mean {percent} %; write {_bare(number + ' %')} "
                f"(a bare number is a fraction, at most 1){other}",
                value,
            )
        if self.whole_max and Fraction(magnitude) * info.factor > 1:
            raise self._fail(
                "more_than_whole", f"{_short(value)} is more than the whole: a part of it is at most 100 %", value
            )

    @staticmethod
    def _both_readings(number: str, percent: str) -> str:
        """Advice for a bare number above 1 where the share may exceed 100 %: either reading may be meant."""
        return (
            f"a bare number is a fraction, at most 1, and {number} would mean {percent} %: "
            f"write '{percent} %' if that is meant, or '{number} %'"
        )

    def _read(self, value: Any) -> tuple[Decimal, u.UnitInfo, str | None]:
        """The number, its unit and (for text) the unit as spelled."""
        what = self.expected
        if isinstance(value, str):
            number, unit_text = u.split_quantity(value, what=what)
            if unit_text == "":
                return number, self._plain_unit(value), ""
            return number, u.parse_unit(unit_text), unit_text
        if isinstance(value, u.WrittenNumber):  # a float in a scenario file: read as written
            number = u.read_written(str(value), what=what, json_number=isinstance(value, u.JsonNumber))
            return number, self._plain_unit(value), ""
        if isinstance(value, pint.Quantity):
            if value._REGISTRY is not u.ureg:
                raise QuantityError(
                    str(value), what, "quantity from another unit registry; use socialpartner.Q_", "registry"
                )
            magnitude = value.magnitude
            if isinstance(magnitude, str):  # Q_("13963.99", "DKK/month"): read the text like any other
                number = u.read_number(magnitude[: u.MAX_TEXT], what=what)
            else:
                number = self._number(magnitude)
            return number, u.parse_unit(str(value.units)), None
        if isinstance(value, (numbers.Real, Decimal)) and not isinstance(value, bool):
            return self._number(value), self._plain_unit(value), ""
        raise QuantityError(
            repr(value)[: u.MAX_TEXT], what, f"not a quantity ({type(value).__name__})", "quantity_type"
        )

    def _number(self, value: Any) -> Decimal:
        text = _short(value)
        if isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal)):
            raise QuantityError(
                text, self.expected, f"magnitude must be a single number, not {type(value).__name__}", "quantity_type"
            )
        if isinstance(value, numbers.Rational) and not isinstance(value, numbers.Integral):  # Fraction, mpq
            number = Decimal(int(value.numerator)) / Decimal(int(value.denominator))
            if Fraction(number) != value:
                # 1/3 has no finite decimal: refuse rather than round silently
                raise QuantityError(text, self.expected, "not a finite decimal", "inexact")
        elif isinstance(value, Decimal):
            number = value
        elif isinstance(value, numbers.Integral):  # int, numpy integers
            if int(value).bit_length() > 256:  # far beyond any magnitude accepted; str() of it may fail
                raise QuantityError(text, self.expected, f"magnitude must be below {u.MAX_MAGNITUDE:E}", "too_large")
            number = Decimal(int(value))
        elif isinstance(value, (float, np.floating)):  # the decimal it stands for, at its own precision
            number = u.decimal_of_float(value)
        else:  # another real type: through float, as a float it stands for
            number = u.decimal_of_float(float(value))
        return u.check_decimal(number, text=text, what=self.expected)

    def _plain_unit(self, value: Any) -> u.UnitInfo:
        if self.plain_unit is None:
            raise QuantityError(
                repr(value)[: u.MAX_TEXT], self.expected, "a number alone is ambiguous here; add a unit", "unit_missing"
            )
        return u.parse_unit(self.plain_unit)

    # -- serialisation ----------------------------------------------------------------

    def serialize(self, value: pint.Quantity[Any]) -> str:
        """``"165 DKK / hour"``: reads back to the identical value."""
        text = u.format_magnitude(value.magnitude)
        unit = str(value.units)
        return text if unit == "dimensionless" else f"{text} {unit}"
