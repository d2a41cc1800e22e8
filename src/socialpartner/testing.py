"""Scenarios that test themselves: the ``expect:`` block, checking it, and pinning it.

A scenario file may carry the results it is expected to give::

    expect:
      coverage: 0.9225                           # a ratio, as a decimal (or "92.25 %")
      shortfall: 37200.00                        # money: a plain number is DKK
      break_even.courses.price: 12033.33 DKK/month
      2027.coverage: 0.9412                      # one year of a horizon (or of a spin-off)
      tolerance: {net.company: 1 DKK}            # optional: per result, or one value for all

The names are those :meth:`Evaluation.results` gives (``coverage``, ``surplus``,
``shortfall``, ``cost``, ``funding``, ``net.PARTY``, ``public.municipality``,
``public.state``, ``break_even.INPUT``, ``jobs``, ``fte`` and every figure's key), and
over several years ``YEAR.NAME`` for one year of :attr:`Evaluation.breakdown`.

Each expectation is compared at the precision the library reports the result in: money
to the øre, ratios to six decimals, the rest to their own decimals (both sides rounded
half up to that precision, then compared exactly). A ``tolerance:`` relaxes that: a
number or quantity in the result's unit, or a percentage of the expected value.

:func:`check_expectations` compares an evaluation with its scenario's block;
:func:`pin_expectations` writes the current results into a file's block, keeping the
rest of the file (comments and key order included). ``socialpartner test`` and the
pytest plugin (:mod:`socialpartner.pytest_plugin`) run them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any

import pint
import yaml
from pydantic import (
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from socialpartner._internal import units as u
from socialpartner._internal.arguments import need_evaluation, need_flag, need_path
from socialpartner._internal.fields import QuantityType
from socialpartner._internal.frozen import FrozenDict
from socialpartner._internal.i18n import Lang, Translator
from socialpartner._internal.messages import PlainMessages
from socialpartner._internal.units import unambiguous
from socialpartner.errors import ArgumentTypeError, ExpectationError, ScenarioError, SocialPartnerError
from socialpartner.money import beside_one, in_context, round_half_up

if TYPE_CHECKING:
    from socialpartner.evaluation import Evaluation

__all__ = [
    "ExpectationError",
    "ExpectationResult",
    "Expectations",
    "Pinned",
    "check_expectation",
    "check_expectations",
    "expectation_files",
    "explain_result",
    "has_expectations",
    "pin_expectations",
    "pinned_results",
]

ExpectedValue = Annotated[
    pint.Quantity[Any],
    QuantityType(
        "a number or a quantity",
        (),
        ("0.9225", "37200.00", "35.90 DKK/hour", "92.25 %"),
        plain_unit="",
        minimum="any",
        shares=False,  # 37200 is money, 3 a headcount: not 3,720,000 % and 300 %
    ),
]
"""An expected result: a plain number (money in DKK, ratios as decimals) or a quantity."""

ToleranceValue = Annotated[
    pint.Quantity[Any],
    QuantityType("a tolerance", (), ("0.01", "1 DKK", "0.5 %"), plain_unit="", shares=False),
]
"""How far a result may be from the expected value: in the result's unit, or a percentage of it."""

_RATIO_PLACES = 6
_MONEY_PLACES = 2
_PERIOD = re.compile(r"(?P<period>\d{4}|year \d+)\.(?P<name>.+)\Z")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\Z")
_MONEY_NAMES = frozenset({"surplus", "shortfall", "cost", "funding"})
_MONEY_PREFIXES = ("net.", "public.", "npv.", "total.")
_CURRENCY = ("[currency]", 1)
# figure units that count or name rather than measure: "year" is a calendar year (2029), not a duration
_COUNTED = frozenset({"", "people", "year"})
_HOURS_PER_TIME = frozenset({("[labour]", 1), ("[time]", -1)})


def _split_period(name: str) -> tuple[str | None, str]:
    match = _PERIOD.match(name)
    if match is None:
        return None, name
    return match["period"], match["name"]


def _text(q: pint.Quantity[Any]) -> str:
    """``5 %``, ``344 DKK``, ``0.9``: the value as a reader wrote it."""
    unit = {"dimensionless": "", "percent": " %"}.get(str(q.units), f" {q.units}")
    return f"{u.format_magnitude(q.magnitude)}{unit}"


def _is_percent(q: pint.Quantity[Any]) -> bool:
    return not u.unit_info(q).dims and str(q.units) != "dimensionless"


def _kind_problem(name: str, q: pint.Quantity[Any], *, tolerance: bool = False) -> str | None:
    """Why ``q`` cannot be the expected value (or tolerance) of result ``name``; None when it can.

    Only the results whose kind is known before evaluating are checked here; a figure's
    unit is checked against the evaluation.
    """
    dims = u.unit_info(q).dims
    plain = not dims and not _is_percent(q)
    if tolerance and _is_percent(q):
        return None  # a percentage of the expected value fits every result
    _, base = _split_period(name)
    kind = "a percentage" if _is_percent(q) else u.describe_dims(dims)
    given = f"got {_text(q)} ({kind})"
    if base == "coverage":
        if dims:
            return f"coverage is a ratio: expected a decimal such as 0.9225 or a percentage such as '92.25 %', {given}"
    elif base in _MONEY_NAMES or base.startswith(_MONEY_PREFIXES):
        if not plain and dims != {_CURRENCY}:
            return f"{base} is money: expected a number (DKK) or an amount such as '37200 DKK', {given}"
    elif base.startswith("break_even."):
        others = dims - {_CURRENCY}
        if not plain and (_CURRENCY not in dims or len(others) != 1 or next(iter(others))[1] != -1):
            return f"{base} is a price: expected a number or a price such as '35.90 DKK/hour', {given}"
    elif base in ("jobs", "inclusive_jobs"):
        if not plain:
            return f"{base} is a headcount: expected a plain number, {given}"
    elif base in ("fte", "inclusive_fte") and not plain and dims != _HOURS_PER_TIME:
        return f"{base} is full-time equivalents: expected a number or e.g. '1.5 FTE', {given}"
    return None


def _entry_error(name: str, message: str, given: Any) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError("expect_entry", "{message}", {"message": message}), loc=(name,), input=given
    )


class Expectations(PlainMessages):  # a bad tolerance: one error of the form given
    """The ``expect:`` block of a scenario: expected results by name, and an optional tolerance.

    Every key but ``tolerance`` names a result (see :mod:`socialpartner.testing`); its
    value is a number or a quantity string. ``tolerance`` is one value for all results
    (a number in each result's unit, or a percentage of the expected value) or a mapping
    of result name to such a value. :func:`socialpartner.evaluate` ignores the block.

    >>> from socialpartner.testing import Expectations
    >>> e = Expectations.model_validate({"coverage": 0.9225, "shortfall": "37200 DKK"})
    >>> sorted(e.entries)
    ['coverage', 'shortfall']
    """

    model_config = ConfigDict(frozen=True, extra="allow", validate_default=True)
    __pydantic_extra__: dict[str, ExpectedValue | None] = Field(init=False)

    tolerance: ToleranceValue | dict[str, ToleranceValue] | None = None

    def model_post_init(self, context: Any, /) -> None:
        """A tolerance by result frozen too, as every mapping of a scenario is (see :class:`FrozenDict`)."""
        if type(self.tolerance) is dict:
            self.__dict__["tolerance"] = FrozenDict(self.tolerance)

    @model_validator(mode="after")
    def _check_entries(self) -> Expectations:
        errors: list[InitErrorDetails] = []
        for name, q in self.entries.items():
            if not _NAME.match(_split_period(name)[1]):
                errors.append(_entry_error(name, f"{name!r} is not a result name (e.g. coverage, net.company)", name))
                continue
            if q is None:  # null: the result is expected to have no value (no payback, never on its own)
                continue
            problem = _kind_problem(name, q)
            if problem is not None:
                errors.append(_entry_error(name, problem, str(q)))
        tolerance = self.tolerance
        if isinstance(tolerance, dict):
            for name, q in tolerance.items():
                if name not in self.entries:
                    message = f"no expectation {name!r} to apply this tolerance to"
                    errors.append(_entry_error(f"tolerance.{name}", message, name))
                    continue
                problem = _kind_problem(name, q, tolerance=True)
                if problem is not None:
                    errors.append(_entry_error(f"tolerance.{name}", problem, str(q)))
        elif tolerance is not None and u.unit_info(tolerance).dims:
            message = "one tolerance for all results must be a plain number or a percentage (e.g. 0.5 %)"
            errors.append(_entry_error("tolerance", message, str(tolerance)))
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self

    @property
    def entries(self) -> Mapping[str, pint.Quantity[Any] | None]:
        """The expected values by result name, in the order written (None: no value expected)."""
        return MappingProxyType(self.__pydantic_extra__ or {})

    def tolerance_for(self, name: str) -> pint.Quantity[Any] | None:
        """The tolerance that applies to result ``name`` (None: compared exactly)."""
        if isinstance(self.tolerance, dict):
            return self.tolerance.get(name)
        return self.tolerance


# -- the results of an evaluation, with their units and precision ---------------------------


@dataclass(frozen=True, slots=True)
class _Actual:
    value: Decimal | None
    unit: str  # a unit the registry reads, or "" for a plain number (ratio, count, year)
    places: int
    shown: str  # the unit as shown to the reader ("people", "DKK/hour")
    ratio: bool = False
    also: _Actual | None = None  # a break-even in the model's unit, when the price is written in another


def _figure_actual(value: Decimal | None, unit: str) -> _Actual:
    if unit == "ratio":
        return _Actual(value, "", _RATIO_PLACES, "", ratio=True)
    own = 0 if value is None else max(0, -int(value.as_tuple().exponent))
    if unit in _COUNTED:
        return _Actual(value, "", own, unit)
    try:
        info = u.parse_unit(unit)
    except SocialPartnerError:  # a unit of words only: compared as a plain number
        return _Actual(value, "", own, unit)
    places = _MONEY_PLACES if _CURRENCY in info.dims else max(own, _MONEY_PLACES)
    return _Actual(value, unit, places, unit)


def _actuals(ev: Evaluation) -> dict[str, _Actual]:
    """Every result of one evaluation (not its periods), with its unit and precision."""
    units = {f"break_even.{b.input_path}": b.unit for b in ev.break_even}
    model_units = {
        f"break_even.{b.input_path}": _Actual(b.canonical_value, b.canonical_unit, _MONEY_PLACES, b.canonical_unit)
        for b in ev.break_even
        if b.canonical_unit != b.unit
    }
    figures = {f.key: f.unit for f in ev.figures}
    out: dict[str, _Actual] = {}
    for name, value in ev.results().items():
        if name == "coverage":
            out[name] = _Actual(value, "", _RATIO_PLACES, "", ratio=True)
        elif name in _MONEY_NAMES or name.startswith(("net.", "public.")):
            out[name] = _Actual(value, "DKK", _MONEY_PLACES, "DKK")
        elif name in units:
            out[name] = _Actual(value, units[name], _MONEY_PLACES, units[name], also=model_units.get(name))
        elif name in ("jobs", "inclusive_jobs"):
            out[name] = _Actual(value, "", 0, "")
        elif name in ("fte", "inclusive_fte"):
            out[name] = _Actual(value, "FTE", _MONEY_PLACES, "FTE")
        else:
            # a payback no net needs (never below zero) has no figure: a year all the same
            out[name] = _figure_actual(value, figures.get(name, "year" if name.startswith("payback.") else ""))
    return out


def _all_actuals(ev: Evaluation) -> dict[str, _Actual]:
    out = _actuals(ev)
    for part in ev.breakdown:
        out.update({f"{part.ledger.period}.{name}": a for name, a in _actuals(part).items()})
    return out


def result_unit(ev: Evaluation, name: str) -> str | None:
    """The unit result ``name`` is reported in (``DKK``, ``DKK/month``; ``""`` for ratios and counts).

    None where the evaluation has no such result. The names are those of an ``expect:``
    block and of the solver (``2027.net.company``).
    """
    actual = _all_actuals(ev).get(name)
    return None if actual is None else actual.unit


def _in_unit(name: str, q: pint.Quantity[Any], actual: _Actual, *, tolerance: bool = False) -> Fraction:
    """``q`` as an exact number in the actual result's unit; a percentage tolerance stays a fraction."""
    info = u.unit_info(q)
    magnitude = u.exact_magnitude(q.magnitude)
    if not info.dims:
        if _is_percent(q) and not tolerance and not actual.ratio:
            what = f"in {actual.shown}" if actual.shown else "not a ratio"
            raise ExpectationError(name, f"a percentage, but {name} is {what} (got {_text(q)})")
        return magnitude * info.factor
    target = u.parse_unit(actual.unit) if actual.unit else None
    if target is None or target.dims != info.dims:
        what = f"in {actual.shown}" if actual.shown else "a plain number"
        kind = u.describe_dims(info.dims)
        raise ExpectationError(name, f"wrong kind of unit ({kind}): {name} is {what} (got {_text(q)})")
    return magnitude * info.factor / target.factor


@dataclass(frozen=True, slots=True)
class ExpectationResult:
    """One expectation checked against an evaluation.

    Attributes:
        name: the result's name, e.g. ``coverage`` or ``2027.net.company``.
        expected: the expected value in the result's unit, at its precision (None: the
            result is expected to have no value, written ``null`` in an ``expect:`` block).
        actual: the result at its precision (None when the result has no value here).
        unit: the result's unit (``DKK``, ``DKK/hour``; empty for ratios and counts).
        places: the decimals compared (2 for money, 6 for ratios).
        tolerance: the largest difference accepted (0: exact at that precision).
        passed: whether the result meets the expectation.

    """

    name: str
    expected: Decimal | None
    actual: Decimal | None
    unit: str
    places: int
    tolerance: Decimal
    passed: bool

    @property
    def difference(self) -> Decimal | None:
        """``actual − expected`` (None when either has no value)."""
        return None if self.actual is None or self.expected is None else self.actual - self.expected

    def __str__(self) -> str:
        return self.line()

    def line(self, lang: Lang = "en", *, grouped: bool = False) -> str:
        """``coverage: expected 0.9300, actual 0.9225, difference -0.0075`` in ``lang``.

        ``grouped`` writes thousands separators (the command line's tables); ratios (six
        decimals) lose trailing zeros down to four.
        """
        t = Translator(lang)
        # a calendar year is its number alone (2029, not "2029 year")
        unit = f" {t.unit(self.unit)}" if self.unit and self.unit != "year" else ""

        def text(value: Decimal, sign: bool = False) -> str:
            places = self.places
            if places == _RATIO_PLACES:
                while places > 4 and value == round_half_up(value, places - 1):
                    places -= 1
            # a calendar year is never grouped (2029, not 2,029)
            shown = t.number(abs(value) if sign else value, places, grouped=grouped and self.unit != "year")
            return (("+" if value >= 0 else "-") + shown if sign else shown) + unit

        actual = t("test.no_value") if self.actual is None else text(self.actual)
        expected = t("test.no_value") if self.expected is None else text(self.expected)
        line = f"{self.name}: {t('test.expected')} {expected}, {t('test.actual')} {actual}"
        if self.difference is not None:
            line += f", {t('test.difference')} {text(self.difference, sign=True)}"
        if self.tolerance:
            line += f" ({t('test.tolerance')} {text(self.tolerance)})"
        return line


_SHOWN_RATIO_PLACES = 4  # the tables show a ratio as a percentage to 2 decimals: 87.64 %


def _written_places(value: Fraction, most: int) -> int:
    """The decimals ``value`` is written with, up to ``most``."""
    for places in range(most):
        if (value * 10**places).denominator == 1:
            return places
    return most


def _compare(name: str, q: pint.Quantity[Any], actual: _Actual, tol: pint.Quantity[Any] | None) -> ExpectationResult:
    if actual.also is not None and str(q.units).replace(" / ", "/") == actual.also.unit:
        # a break-even expected in the model's unit (12033.33 DKK/month for a price written per
        # year): compared with the break-even rounded in that unit, not a rounded figure converted
        actual = actual.also
    exact = _in_unit(name, q, actual)
    if actual.places == 0 and exact.denominator != 1:
        # a count of people or a year: 16.49 jobs would round to 16 and pass, 10.5 to an 11 nobody wrote
        raise ExpectationError(name, f"{name} is a whole number (people, or a year): got {_text(q)}")
    if actual.ratio:
        # a ratio copied from a table ("87.64 %") is compared at the precision it is written
        # with, down to the 4 decimals a table shows; money is always compared to the øre
        places = max(_SHOWN_RATIO_PLACES, _written_places(exact, actual.places))
        if actual.value is not None:  # a ratio beside 1 is compared off 1: "coverage: 1" fails 0.03 DKK short
            places = beside_one(actual.value, places)
        actual = replace(actual, places=places)
    expected = round_half_up(exact, actual.places)
    allowed = Decimal(0)
    if tol is not None:
        if _is_percent(tol):
            allowed = round_half_up(
                Fraction(abs(expected)) * _in_unit(name, tol, actual, tolerance=True), actual.places
            )
        else:
            allowed = round_half_up(_in_unit(name, tol, actual, tolerance=True), actual.places)
    got = None if actual.value is None else round_half_up(actual.value, actual.places)
    passed = got is not None and abs(got - expected) <= allowed
    return ExpectationResult(name, expected, got, actual.shown, actual.places, allowed, passed)


def _unknown(name: str, known: Mapping[str, _Actual]) -> ExpectationError:
    period, base = _split_period(name)
    periods = list(dict.fromkeys(k.split(".")[0] for k in known if _split_period(k)[0] is not None))
    if period is not None and f"{period}.coverage" not in known:
        have = f"its periods: {', '.join(periods)}" if periods else "it has no horizon: or years"
        return ExpectationError(name, f"no period {period!r} in this scenario ({have})")
    names = [k for k in known if _split_period(k)[0] is None]
    return ExpectationError(name, f"no result {base!r} in this scenario; results: {', '.join(names)}")


@in_context
def check_expectations(
    ev: Evaluation, expect: Expectations | Mapping[str, Any] | None = None
) -> tuple[ExpectationResult, ...]:
    """Compare an evaluation with the expectations (by default its scenario's ``expect:`` block).

    ``expect`` is an :class:`Expectations` block, or a mapping read as one (as an
    ``expect:`` block of a file is: ``{"coverage": "92.25 %", "tolerance": …}``).

    >>> import socialpartner as sp
    >>> p = sp.load(sp.example_path())
    >>> block = sp.Expectations.model_validate({"coverage": "92.25 %", "shortfall": 37000})
    >>> for result in sp.check_expectations(sp.evaluate(p), block):
    ...     print(result.passed, result)
    True coverage: expected 0.9225, actual 0.9225, difference +0.0000
    False shortfall: expected 37000.00 DKK, actual 37200.00 DKK, difference +200.00 DKK

    Raises:
        ExpectationError: an entry names no result of this scenario, or its value has a
            unit of the wrong kind for the result.

    """
    need_evaluation(ev)
    block = ev.partnership.expect if expect is None else _expectations(expect)
    if block is None:
        return ()
    known = _all_actuals(ev)
    return tuple(_check(name, block, known) for name in block.entries)


def check_expectation(
    ev: Evaluation, name: str, expect: Expectations | Mapping[str, Any] | None = None
) -> ExpectationResult:
    """One entry of the expectations (by default the scenario's block), compared with the evaluation.

    Raises:
        KeyError: no entry ``name`` in the block.
        ExpectationError: as :func:`check_expectations`.

    """
    need_evaluation(ev)
    block = ev.partnership.expect if expect is None else _expectations(expect)
    if block is None or name not in block.entries:
        raise KeyError(f"no expectation {name!r}")
    return _check(name, block, _all_actuals(ev))


def _expectations(expect: object) -> Expectations:
    """``expect`` as an :class:`Expectations` block: a mapping (``{"coverage": "92.25 %"}``) is read as one."""
    if isinstance(expect, Expectations):
        return expect
    if isinstance(expect, Mapping):
        return Expectations.model_validate(expect)
    raise ArgumentTypeError(
        f"expect: expected an sp.Expectations block or a mapping of result names to values, "
        f"e.g. {{'coverage': '92.25 %'}}; got {type(expect).__name__}"
    )


def _check(name: str, block: Expectations, known: Mapping[str, _Actual]) -> ExpectationResult:
    actual = known.get(name)
    expected = block.entries[name]
    base = _split_period(name)[1]
    if actual is None and base.startswith("payback.") and name.replace("payback.", "npv.", 1) in known:
        # a party whose net never falls below zero has no payback year: no value (not needed),
        # a failure of the entry, not a name the scenario lacks
        want = None if expected is None else Decimal(str(u.exact_magnitude(expected.magnitude)))
        return ExpectationResult(name, want, None, "year", 0, Decimal(0), want is None)
    if actual is None:
        raise _unknown(name, known)
    if expected is None:  # no value expected: it passes only while the result has none
        got = None if actual.value is None else round_half_up(actual.value, actual.places)
        return ExpectationResult(name, None, got, actual.shown, actual.places, Decimal(0), got is None)
    return _compare(name, expected, actual, block.tolerance_for(name))


def explain_result(ev: Evaluation, name: str) -> str | None:
    """The :meth:`Evaluation.explain` trace of a result, where there is one (None otherwise)."""
    need_evaluation(ev)
    period, base = _split_period(name)
    topic = base.removeprefix("break_even.")
    try:
        return str(ev.explain(f"{period}:{topic}" if period else topic))
    except KeyError:
        return None


# -- pinning: writing the current results into a file ---------------------------------------


def _pin_value(actual: _Actual, fmt: str | None = None) -> Decimal | str | None:
    """The value to write for a result; in a ``number_format: da`` file as Danish text (``37.200,00``).

    None (written ``null``) for a result without a value.
    """
    if actual.value is None:
        return None
    value = round_half_up(actual.value, actual.places)
    if actual.unit in {"", "DKK", "FTE"}:
        if actual.places == _RATIO_PLACES:  # 0.922500 reads as 0.9225
            value = value.normalize() if value else Decimal(0)
            if value == value.to_integral_value():
                value = value.quantize(Decimal(1))
        if fmt == u.DANISH and value.as_tuple().exponent != 0:  # a whole number reads alike in both
            return _danish(value)
        return value
    return f"{_danish(value) if fmt == u.DANISH else unambiguous(str(value))} {actual.unit}"


def _danish(value: Decimal) -> str:
    """A number in the Danish convention a ``number_format: da`` file is read in: ``-37.200,00``, ``0,9225``."""
    # 1,023 (a ratio of three decimals) would read as 1.023 or 1023: a fourth decimal says which
    return u.unambiguous_da(format(value, ",f").translate(str.maketrans(",.", ".,")))


@in_context
def pinned_results(ev: Evaluation) -> dict[str, Decimal | str | None]:
    """What :func:`pin_expectations` writes: every result, then each period's; None for no value.

    Money in DKK, ratios and counts as plain numbers, other results as quantity strings.

    >>> import socialpartner as sp
    >>> values = sp.pinned_results(sp.evaluate(sp.load(sp.example_path())))
    >>> values["coverage"], values["shortfall"], values["break_even.courses.price"]
    (Decimal('0.9225'), Decimal('37200.00'), '12033.33 DKK/month')
    """
    need_evaluation(ev)
    return {name: _pin_value(a) for name, a in _all_actuals(ev).items()}


@dataclass(frozen=True, slots=True)
class Pinned:
    """What :func:`pin_expectations` did to a file.

    Attributes:
        path: the file.
        added: entries written that were not there.
        changed: entries whose value was updated.
        removed: entries dropped because the scenario no longer has that result.

    """

    path: Path
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]


def _holds(name: str, old: Any, actual: _Actual, fmt: str | None = None) -> bool:
    """Whether an existing entry already states the actual value (then it is left as written).

    ``fmt``: the file's number format, in which the entry is written.
    """
    if old is None or actual.value is None:  # null pinned where the result has no value
        return old is None and actual.value is None
    try:
        with u.number_format(fmt):
            q = Expectations.model_validate({name: _plain(old)}).entries[name]
        if q is None:
            return False
        return _compare(name, q, actual, None).passed
    except (ValidationError, SocialPartnerError):
        return False


_MAPPING_INDENT = re.compile(r"^[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n(?P<indent> +)[^\s#-]", re.MULTILINE)
_SEQUENCE_INDENT = re.compile(r"^(?P<indent> *)(?P<dash>- +)\S", re.MULTILINE)


def _indent(text: str) -> int:
    """The indentation of a mapping's keys in ``text`` (2 when there is no nested mapping)."""
    mapping = _MAPPING_INDENT.search(text)
    return len(mapping["indent"]) if mapping else 2


def _rt_yaml(text: str = "") -> Any:
    """A round-trip YAML reader and writer that indents as ``text`` does."""
    from ruamel.yaml import YAML
    from ruamel.yaml.representer import RoundTripRepresenter

    class _Representer(RoundTripRepresenter):
        """Writes exact decimals as plain YAML numbers (``37200.00``, ``0.9225``)."""

    def decimal(representer: Any, value: Decimal) -> Any:
        tag = "tag:yaml.org,2002:int" if value.as_tuple().exponent == 0 else "tag:yaml.org,2002:float"
        return representer.represent_scalar(tag, unambiguous(str(value)))  # 1.023 → 1.0230: never grouping

    _Representer.add_representer(Decimal, decimal)
    # no value, written out (ruamel leaves a mapping's None empty, which reads as a key forgotten)
    _Representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the user wrote
    step = _indent(text)
    sequence = _SEQUENCE_INDENT.search(text)
    if sequence is None or not sequence["indent"]:  # "- item" under its key, as ruamel writes by default
        yaml.indent(mapping=step, sequence=step, offset=0)
    else:  # "  - item": the dash indented, the item's keys after it
        offset = len(sequence["indent"]) % step if len(sequence["indent"]) % step else step
        yaml.indent(mapping=step, sequence=offset + len(sequence["dash"]), offset=offset)
    return yaml


def _read_for_pin(path: Path) -> tuple[str, Any]:
    from socialpartner.scenario import read_bounded, unique_keys

    suffix = path.suffix.lower()
    if suffix not in {".yaml", ".yml", ".json"}:
        raise ScenarioError("unknown file type: expected .yaml, .yml or .json", path)
    try:
        text = read_bounded(path).decode("utf-8")  # regular files only, at most the limit
    except FileNotFoundError:
        raise ScenarioError("no such file", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"cannot read: {exc}", path) from None
    try:
        if suffix == ".json":
            doc = json.loads(text.removeprefix("\ufeff"), object_pairs_hook=unique_keys, parse_float=Decimal)
        else:
            doc = _rt_yaml(text).load(text)
    except Exception as exc:  # ruamel raises several unrelated types
        raise ScenarioError(f"not valid {suffix[1:].upper()}: {exc}", path) from None
    if not isinstance(doc, dict):
        raise ScenarioError("a scenario must be a mapping of keys to values", path)
    return text, doc


@in_context
def pin_expectations(path: str | os.PathLike[str], *, only_existing: bool = False) -> Pinned:
    """Write the scenario's current results into its ``expect:`` block.

    The scenario is evaluated without its block (so a stale or broken block is simply
    replaced); entries that already state the actual value are left as written, changed
    ones are updated in place, new results are added (unless ``only_existing``) and
    entries for results the scenario no longer has are removed. ``tolerance`` is kept.
    The rest of the file is kept as it was: comments, key order and quoting (YAML is
    rewritten by a round-trip parser; JSON keeps its key order). The file is replaced
    atomically, and only after the new text has been read back and its expectations hold.

    Raises:
        ScenarioError: the file cannot be read or is not a scenario.
        pydantic.ValidationError: the scenario's inputs are not valid.

    """
    from socialpartner.evaluation import evaluate
    from socialpartner.scenario import from_data, loads

    need_path(path)
    need_flag(only_existing, "only_existing")
    p = Path(path)
    text, doc = _read_for_pin(p)
    # evaluated as `load` reads it (YAML 1.1, exact JSON decimals), without the block it replaces
    data = doc if p.suffix.lower() == ".json" else yaml.safe_load(text)
    ev = evaluate(from_data({k: v for k, v in data.items() if k != "expect"}, p))
    actuals = _all_actuals(ev)  # a result without a value is pinned as null: a change to one is seen
    # the block is written in the file's own number format (number_format: da reads 37.200,00)
    fmt = data.get("number_format") if data.get("number_format") in u.NUMBER_FORMATS else None
    old = doc.get("expect")
    block: Any = old if isinstance(old, dict) else _new_map(p)
    added, changed, removed = [], [], []
    for key in [k for k in block if k != "tolerance"]:
        if key not in actuals:
            del block[key]
            removed.append(str(key))
    for name, actual in actuals.items():
        if name in block:
            if not _holds(name, block[name], actual, fmt):
                block[name] = _pin_value(actual, fmt)
                changed.append(name)
        elif not only_existing:
            block = _add(block, name, _pin_value(actual, fmt))
            added.append(name)
            period = _split_period(name)[0]
            first = period is not None and not any(_split_period(k)[0] == period for k in block if k != name)
            if first and hasattr(block, "yaml_set_comment_before_after_key"):
                # a heading before each year's results, so a reviewer finds them in a long block
                block.yaml_set_comment_before_after_key(name, before=period, indent=_indent(text))
    tolerance = block.get("tolerance")
    if isinstance(tolerance, dict):
        for key in [k for k in tolerance if k not in block]:
            del tolerance[key]
        if not tolerance:
            del block["tolerance"]
    doc["expect"] = block
    new = _dump(doc, p, text)
    check = evaluate(loads(new, "json" if p.suffix.lower() == ".json" else "yaml"))
    failing = [str(r) for r in check_expectations(check) if not r.passed]
    if failing:  # a tolerance written by the user may still be too tight for itself; never write a failing pin
        raise ExpectationError(failing[0].split(":")[0], "pinned value does not hold: " + "; ".join(failing))
    _write(p, new)
    return Pinned(p, tuple(added), tuple(changed), tuple(removed))


def _add(block: Any, name: str, value: Any) -> Any:
    """``block`` with a new entry, written before ``tolerance`` (which stays last)."""
    if "tolerance" not in block:
        block[name] = value
        return block
    position = list(block).index("tolerance")
    if hasattr(block, "insert"):  # a round-trip YAML mapping
        block.insert(position, name, value)
        return block
    items = list(block.items())
    return dict([*items[:position], (name, value), *items[position:]])


def _plain(value: Any) -> Any:
    """Plain dicts, lists, strings and numbers from a round-trip document."""
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, (int, float)) else k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    return value


def _new_map(path: Path) -> Any:
    if path.suffix.lower() == ".json":
        return {}
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap()


def _dump(doc: Any, path: Path, original: str) -> str:
    if path.suffix.lower() == ".json":

        def number(value: Any) -> Any:
            if isinstance(value, Decimal):
                return int(value) if value.as_tuple().exponent == 0 else float(value)
            raise TypeError(f"cannot write {type(value).__name__} as JSON")

        bom = "\ufeff" if original.startswith("\ufeff") else ""  # kept, as the YAML splice keeps it
        return bom + _line_endings(json.dumps(doc, ensure_ascii=False, indent=2, default=number) + "\n", original)
    import io

    from ruamel.yaml.comments import CommentedMap

    block = doc["expect"]
    block.fa.set_block_style()
    out = io.StringIO()
    _rt_yaml(original).dump(CommentedMap([("expect", block)]), out)
    new = _splice(original, _line_endings(out.getvalue(), original))
    before = {k: v for k, v in (yaml.safe_load(original) or {}).items() if k != "expect"}
    after = {k: v for k, v in (yaml.safe_load(new) or {}).items() if k != "expect"}
    if before != after:  # the splice must never touch an input
        raise SocialPartnerError(f"{path}: could not rewrite the expect: block alone; the file is left unchanged")
    return new


_BLOCK_START = re.compile(r"^expect[ \t]*:", re.MULTILINE)
_TOP_LEVEL = re.compile(r"^[^\s#]", re.MULTILINE)


def _line_endings(text: str, original: str) -> str:
    """``text`` (written with LF) with the line endings of ``original``: a Windows file stays CRLF throughout."""
    crlf = original.count("\r\n")
    if not (crlf and crlf * 2 >= original.count("\n")):
        return text
    # a comment kept from the file keeps its CR (ruamel reads "# note\r" as the comment): once only
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _splice(original: str, block: str) -> str:
    """``original`` with its top-level ``expect:`` block (up to the next top-level key) replaced by ``block``.

    Everything outside the block stays byte for byte; a file without a block gets it at the end.
    """
    start = _BLOCK_START.search(original)
    if start is None:
        newline = "\r\n" if block.endswith("\r\n") else "\n"
        return original + (newline if original and not original.endswith("\n") else "") + block
    following = _TOP_LEVEL.search(original, start.end())
    end = following.start() if following is not None else len(original)
    return original[: start.start()] + block + original[end:]


def _write(path: Path, text: str) -> None:
    from socialpartner.scenario import write_atomic

    write_atomic(path, text)  # follows symlinks, keeps the mode, never leaves a temporary file


# -- finding scenario files with expectations ------------------------------------------------

_HAS_EXPECT = re.compile(r'^(?:expect\s*:|\s*"expect"\s*:)', re.MULTILINE)
_SUFFIXES = (".yaml", ".yml", ".json")


def has_expectations(path: str | os.PathLike[str]) -> bool:
    """Whether a file has a top-level ``expect:`` key (a quick look at the text, not a parse)."""
    p = Path(path)
    try:
        with p.open(encoding="utf-8") as fh:
            text = fh.read(2_000_000)
    except (OSError, UnicodeDecodeError):
        return False
    return _HAS_EXPECT.search(text) is not None


def expectation_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The scenario files to test: each file given, and every file with an ``expect:`` block in the folders.

    Folders are searched recursively for ``.yaml``, ``.yml`` and ``.json`` files; hidden
    folders (``.git``, ``.venv``) are skipped.
    """
    for path in paths:
        p = Path(path)
        if not p.is_dir():
            yield p
            continue
        for found in sorted(p.rglob("*")):
            rel = found.relative_to(p).parts
            if any(part.startswith(".") or part == "__pycache__" for part in rel[:-1]):
                continue
            if found.suffix.lower() in _SUFFIXES and found.is_file() and has_expectations(found):
                yield found
