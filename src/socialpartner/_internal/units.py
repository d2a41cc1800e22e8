"""The library's unit registry and a fast, strict, cached quantity parser.

pint's own string parser costs ~150 µs a call; scenario files repeat a handful of unit
spellings, so the unit part is parsed once per spelling and cached. Numbers are read
with :class:`decimal.Decimal` (never through float) so that the exact decimal a user
wrote is what the arithmetic sees. Conversion factors to the canonical units
(DKK, hour, year) are taken from a second, :class:`fractions.Fraction`-valued registry
built from the same definitions file, so ``11000 DKK/month`` is exactly
``132000 DKK/year`` and ``65 hour/month`` exactly ``15 hour/week``.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import math
import numbers
import re
import typing
from collections.abc import Iterator
from decimal import Context, Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pint

from socialpartner._internal.backend import _VECTOR, Rational, fraction, pooled
from socialpartner.errors import ArgumentTypeError, QuantityError, SocialPartnerError

DEFINITIONS = Path(__file__).resolve().parent.parent / "data" / "units.txt"

# The library's own registry: never pint's application registry, which belongs to the
# program that imports us. Unit words are read in any letter case (pint's own option): the
# registry has no prefixes and no two units whose names differ only in case, so "Timer",
# "Kr." and "MD" can mean one thing only (pint refuses a spelling that could mean two).
ureg: pint.UnitRegistry[Any] = pint.UnitRegistry(str(DEFINITIONS), cache_folder=None, case_sensitive=False)
Q_: type[pint.Quantity[Any]] = ureg.Quantity  # typed: Q_("165 DKK/hour") is a Quantity[Any] under mypy --strict
Quantity = ureg.Quantity


def _unpickle(magnitude: Any, units: str) -> pint.Quantity[Any]:
    return Q_(magnitude, units)


def _reduce(self: pint.Quantity[Any]) -> tuple[Any, ...]:
    # pint unpickles into the application registry; ours come back into ours, so scenarios
    # travel to a process pool and back without touching the host program's registry
    return (_unpickle, (self._magnitude, str(self._units)))


Q_.__reduce__ = _reduce  # type: ignore[assignment, method-assign]

# numpy's floats other than float64 (a float subclass, read by its repr like any float):
# their own shortest decimal is what they stand for, not the binary value widened to float64
_NUMPY_NARROW_FLOATS = frozenset({np.float16, np.float32, np.longdouble} - {np.float64})
_pint_new = Q_.__new__
_COMMON_MAGNITUDES = frozenset({int, float, np.ndarray, Decimal, Fraction, np.float64, np.int64})


def _new_quantity(cls: type[Any], value: Any, units: Any = None) -> Any:
    """Make a quantity with pint's constructor, reading a text magnitude and a narrow numpy float by the input rules.

    ``Q_("100", "DKK/month")`` would otherwise keep the text (``q * 3`` repeating it) and
    ``Q_("510.000", "DKK")`` would wait for a model field to be refused. Every quantity
    pint makes passes here, so the checks are two type tests.
    """
    kind = type(value)
    if kind is bool or kind is np.bool_:  # True is no amount (pint would take it for 1)
        raise QuantityError(str(value), "a number", "a boolean is not a number", "bool")
    if kind is str and units is not None:
        value = _text_magnitude(value)
    elif kind in _NUMPY_NARROW_FLOATS:
        value = float(decimal_of_float(value))
    elif kind not in _COMMON_MAGNITUDES and kind.__module__.split(".", 1)[0] == "pandas" and hasattr(value, "to_numpy"):
        # a notebook's column (Q_(df["price"], "DKK/month")): pint refuses to wrap a Series, so
        # its values are taken as the numpy array they hold (positions, not the index, as in a sweep)
        value = value.to_numpy()
    if kind is list or kind is tuple or (isinstance(value, np.ndarray) and value.dtype.kind in "OU"):
        # a column of text (Q_(["9.500", "12.000"], …), a Series read with dtype=str): each read by the
        # number rules too, never by numpy's float cast, which takes 9.500 for 9.5
        value = _text_magnitudes(value)
    if kind is str and units is None:
        # a whole expression is pint's (2 * 3 kr. is 6 DKK); what pint cannot read is refused
        # as any other text is, naming it, not with pint's own error classes
        try:
            return _pint_new(cls, value, units)
        except QuantityError:
            raise
        except Exception as exc:  # pint's tokenizer and evaluator raise several unrelated types
            reason = f"not a quantity pint can read: {str(exc).strip() or type(exc).__name__}"
            if isinstance(exc, pint.UndefinedUnitError):  # tkr., moms: what to write, as a field says (review 55 F17)
                reason += _unit_hint(re.findall(r"[^\W\d_][\w.]*", value))
            raise QuantityError(
                value[:MAX_TEXT], "a number and a unit such as '37 t/uge'", reason, "quantity_syntax"
            ) from None
    if isinstance(value, pint.Quantity) and value._REGISTRY is not ureg:
        raise QuantityError(
            str(value)[:MAX_TEXT], "a quantity of socialpartner.Q_", "from another unit registry", "registry"
        )
    if units is not None and type(units) is not str and isinstance(units, (numbers.Number, bytes)):
        raise QuantityError(repr(units)[:MAX_TEXT], "a unit such as 'DKK/month'", "not a unit", "unit_syntax")
    if type(units) is str:  # a unit the caller wrote: pint's tokenizer and evaluator raise several types
        try:
            return _pint_new(cls, value, units)
        except QuantityError:
            raise
        except Exception as exc:
            reason = f"not a unit pint can read: {str(exc).strip() or 'an incomplete expression'}"
            raise QuantityError(units[:MAX_TEXT], "a unit such as 'DKK/month'", reason, "unit_syntax") from None
    return _pint_new(cls, value, units)


Q_.__new__ = _new_quantity  # type: ignore[method-assign]


def _text_magnitudes(values: Any) -> Any:
    """``values`` (a list, tuple or array) with each text element read by :func:`_text_magnitude`.

    Without text they are returned as given, for pint to take as it always has.
    """
    cells = np.asarray(values, dtype=object)
    if not any(isinstance(x, str) for x in cells.flat):
        return values
    if cells.size > 10_000_000:  # the largest sweep's column; more is not a partnership's input
        raise QuantityError("…", "at most 10,000,000 values", "too many values", "too_long")
    read = np.empty(cells.shape, dtype=float)
    for i, x in enumerate(cells.flat):
        read.flat[i] = _text_magnitude(x) if isinstance(x, str) else x
    return read


def _text_magnitude(text: str) -> int | float:
    """A magnitude given as text, read by the number rules (``"510.000"`` is refused)."""
    if len(text) > MAX_TEXT:
        raise QuantityError(text[:MAX_TEXT] + "…", "a number", "text too long", "too_long")
    return plain_magnitude(read_number(text, what="a number"))


# The calendar of the definitions file, read from it once (not restated in the formulas).
WEEKS_PER_YEAR = round(Q_(1, "year").to("week").magnitude)  # 52
DAYS_PER_YEAR = round(Q_(1, "year").to("day").magnitude)  # 364: 52 weeks of 7 days
MONTHS_PER_YEAR = round(Q_(1, "year").to("month").magnitude)  # 12
FTE_HOURS_PER_WEEK = round(Q_(1, "FTE").to("hour/week").magnitude)  # 37
# A person's working time averages at most 48 hours a week, overtime included: arbejdstidsloven
# (LBK nr. 896 af 24.8.2004) § 4, implementing the working time directive 2003/88/EF art. 6.
# More per person is a team's total or a month's hours typed as a week's.
MAX_HOURS_A_WEEK = 48

# Largest magnitude accepted anywhere (about a thousand times the Danish state budget
# in øre); anything above is a typo or an attack, not a partnership.
MAX_MAGNITUDE = Decimal("1e15")
# float keeps 15 significant decimal digits exactly; more would silently change value.
MAX_DIGITS = 15
# Nothing in a partnership is measured in billionths; smaller values are typos.
MIN_MAGNITUDE = Decimal("1e-9")
MAX_TEXT = 100

PLAIN = "plain"
DANISH = "da"

# A number as a person may type it, before its separators are checked: digits with
# `.`, `,` and `_` anywhere (so that `510.000` and `165,50` are seen whole and refused
# with a hint rather than misread), an exponent, or nan/inf (refused later).
_WHOLE_KRONER = re.compile(r"\s*(?P<num>[+-]?[0-9][0-9_.]*),-(?=\s|\Z)")  # 510.000,- (no øre)
_NUMBER = re.compile(
    r"\s*(?P<num>(?>[+-]?(?:(?:[0-9][0-9_.,]*|[.,][0-9][0-9_]*)(?:[eE][+-]?[0-9]+)?|(?:nan|inf(?:inity)?)(?![a-z]))))"
    r"\s*(?P<unit>.*?)\s*\Z",
    re.DOTALL | re.IGNORECASE,
)
_SIGN_EXP = re.compile(r"(?P<sign>[+-]?)(?P<body>.*?)(?P<exp>[eE][+-]?[0-9]+)?\Z", re.DOTALL)
_PLAIN = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")
_UNDERSCORED = re.compile(r"[0-9]+(?:_[0-9]+)*(?:\.(?:[0-9]+(?:_[0-9]+)*)?)?\Z")
_SEPARATED = re.compile(r"(?:[0-9]+[.,]?)+[0-9]*\Z|[.,][0-9]+\Z")  # digits with '.' or ',' somewhere
_DOT_GROUPS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+\Z")  # 510.000, 1.250.000
_COMMA_GROUPS = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+\Z")  # 510,000
_COMMA_DECIMAL = re.compile(r"[0-9]+,[0-9]+\Z")  # 165,50
# 510.000,50 / 165,50; a grouping starts with a non-zero digit (0.500 is no Danish 500)
_DA = re.compile(r"(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?\Z")
# Digits with a space between them (`510 000`, also a no-break or narrow no-break space):
# pint would read two numbers and multiply them (510 × 000 = 0), so it is refused.
_SPACED_DIGITS = re.compile(r"(?P<sign>[+-]?)(?P<number>[0-9][0-9_.,]*(?:\s+[0-9][0-9_.,]*)+)")
# groups of three after the first, and decimals after a point or (as in Danish print) a comma
_SPACED_GROUPS = re.compile(r"(?P<int>[0-9]{1,3}(?: [0-9]{3})+)(?:[.,](?P<dec>[0-9]+))?\Z")

NUMBER_FORMATS = (PLAIN, DANISH)
_FORMAT: contextvars.ContextVar[str] = contextvars.ContextVar("socialpartner_number_format", default=PLAIN)


def checked_format(fmt: object) -> str:
    """A number format's name as the library spells it (``DA`` and `` da `` are ``da``).

    Raises:
        SocialPartnerError: neither ``da`` nor ``plain`` (a ValueError).

    """
    name = fmt.strip().lower() if isinstance(fmt, str) else fmt
    if name not in NUMBER_FORMATS:
        raise SocialPartnerError(
            f"number_format: expected 'da' (510.000,50) or 'plain' (510000.50), got {str(fmt)[:40]!r}"
        )
    return str(name)


@contextlib.contextmanager
def number_format(fmt: str | None) -> Iterator[None]:
    """Within this block numbers in text are read in ``fmt``: ``"da"`` (510.000,50) or ``"plain"``.

    What ``number_format: da`` does for a scenario file, for the text a program passes in
    Python (sweep values, distributions, a solver's target and bounds)::

        with sp.number_format("da"):
            sp.sweep(deal, {"courses.price": ["9.500 kr./md.", "10.000 kr./md."]})

    ``None`` is ``"plain"``; the name is read in any case (``"DA"``).

    Raises:
        SocialPartnerError: ``fmt`` is neither ``"da"`` nor ``"plain"`` (a ValueError).
        ArgumentTypeError: ``fmt`` is not text (a TypeError too).

    """
    if fmt is not None and not isinstance(fmt, str):
        raise ArgumentTypeError(f"number_format: expected 'da' or 'plain', got {type(fmt).__name__}")
    token = _FORMAT.set(PLAIN if fmt is None else checked_format(fmt))
    try:
        yield
    finally:
        _FORMAT.reset(token)


def current_number_format() -> str:
    """The number format text is read in now (``"plain"`` unless a scenario declares ``da``)."""
    return _FORMAT.get()


class WrittenNumber(Decimal):
    """A number as written in a scenario file (a YAML or JSON float such as ``510.000``).

    It keeps the digits as written, so a field reads it by the same rules as text: a
    thousands grouping like ``510.000`` is refused rather than read as 510.
    """

    __slots__ = ()


class JsonNumber(WrittenNumber):
    """A number token of a JSON scenario: always written with a decimal point, never a comma."""

    __slots__ = ()


def _digits(text: str) -> str:
    return text.replace("_", "")


# Dashes typed or pasted as a minus sign: U+2212 MINUS SIGN (what a word processor or a
# formatted report writes), U+2013 EN DASH (the Danish keyboard's and Word's autocorrected
# minus), the figure dash, em dash, hyphens and the small and full-width hyphen-minus.
# Each is read as "-": pint alone would drop it, so "−500 kr." was 500 DKK.
MINUS_SIGNS = "\u2212\u2013\u2012\u2014\u2010\u2011\ufe63\uff0d"
_MINUS = str.maketrans(dict.fromkeys(MINUS_SIGNS, "-"))


def ascii_minus(text: str) -> str:
    """Text with every dash used as a minus sign (``−500``, ``–500``) written ``-``."""
    return text if text.isascii() else text.translate(_MINUS)


def refuse_spaced_digits(text: str, *, what: str) -> None:
    """Refuse digits with a space between them (``510 000``), saying what to write instead.

    A space (also U+00A0 and U+202F, as formatted reports write it) is no thousands
    separator here: neither convention reads it, and pint alone would multiply the parts
    (``510 000 kr.`` was 0 DKK, ``1 500 kr.`` 500 DKK).

    Raises:
        QuantityError: the text holds such a number (code ``number_format``).

    """
    match = _SPACED_DIGITS.search(ascii_minus(text))
    if match is None:
        return
    sign, shown = match["sign"], " ".join(match["number"].split())
    groups = _SPACED_GROUPS.match(shown)
    if groups is None:
        reason = f"{sign}{shown} has a space between digits, which is not read: write the number without spaces"
    else:
        whole = int(groups["int"].replace(" ", ""))
        point, comma = (f".{groups['dec']}", f",{groups['dec']}") if groups["dec"] else ("", "")
        danish = f"{sign}{whole:,}".replace(",", ".") + comma
        if _FORMAT.get() == DANISH:
            fix = f"write {danish} or {sign}{whole}{comma} (number_format is 'da')"
        else:
            fix = f"write {sign}{whole}{point} or {sign}{whole:_}{point}, or {danish} with number_format: da"
        reason = f"a space is not read as a thousands separator in {sign}{shown}: {fix}"
    raise QuantityError(text, what, reason, "number_format")


def read_number(text: str, *, what: str) -> Decimal:
    """Read a number as typed, refusing separators that could mean two different numbers.

    Plain format: a decimal point, optional ``_`` between digits (``510_000``). A dot
    thousands grouping (``510.000``: 510 or 510,000?) and any comma are refused with the
    fix. Danish format (``number_format: da``): ``.`` groups thousands and ``,`` is the
    decimal comma (``510.000,50``); a number written the plain way with a decimal point
    (``165.50``) is refused.
    """
    text = ascii_minus(text)
    refuse_spaced_digits(text, what=what)
    match = _SIGN_EXP.match(text.strip())
    body = match["body"] if match else ""
    sign, exp = (match["sign"], match["exp"] or "") if match else ("", "")
    if body.lower().lstrip("+-") in {"nan", "inf", "infinity"}:
        return parse_decimal(text, what=what)
    if "_" in body:
        if not _UNDERSCORED.match(body.replace(",", ".") if _FORMAT.get() == DANISH else body):
            raise QuantityError(text, what, "'_' may only stand between digits, e.g. 510_000", "number_syntax")
        body = _digits(body)
    if _FORMAT.get() == DANISH:
        if not _DA.match(body):
            if not _SEPARATED.match(body):  # no number at all: no separators to put right
                raise QuantityError(text, what, "not a number", "number_syntax")
            hint = body.translate(str.maketrans(".,", ",."))
            if not _DA.match(hint):  # 5.10.000, 1.000.00: not the other convention either, a slip in the groups
                raise QuantityError(
                    text,
                    what,
                    f"number_format is 'da' (510.000,50): {sign}{body}{exp} has '.' between digits that are not "
                    "a group of three; '.' stands only between groups of three digits and ',' before the "
                    "decimals: check the digits",
                    "number_format",
                )
            raise QuantityError(
                text,
                what,
                f"number_format is 'da' (510.000,50): write {sign}{hint}{exp} with a decimal comma, "
                "and '.' only between groups of three digits",
                "number_format",
            )
        if _COMMA_THOUSAND.fullmatch(body) and not exp:
            # the mirror of 510.000 in a plain file: 11,500 is 11,5 here, but 11500 in English
            whole, decimals = body.split(",")
            short = f"{whole},{decimals.rstrip('0')}".rstrip(",")
            decimal = short if short != body else f"{body}0"  # 11,5; 165,5050 (a fourth digit: no grouping)
            reason = (
                f"{sign}{body} is ambiguous ({sign}{short} with a decimal comma, {sign}{whole}{decimals} with an "
                f"English thousands separator): write {sign}{whole}.{decimals} for {sign}{whole}{decimals}, or "
                f"{sign}{decimal} if the ',' is a decimal comma"
            )
            raise QuantityError(text, what, reason, "ambiguous_grouping")
        return parse_decimal(sign + body.replace(".", "").replace(",", ".") + exp, what=what)
    if "," in body:
        if _COMMA_GROUPS.match(body):
            plain = body.replace(",", "")
            reason = (
                f"a comma is not read as a thousands separator (nor as a decimal comma): write {sign}{plain}{exp} "
                f"or {sign}{int(plain):_}{exp}; inside {{...}} a comma also ends the value"
            )
        elif _COMMA_DECIMAL.match(body):
            reason = (
                f"decimal comma: write {sign}{body.replace(',', '.')}{exp} with a decimal point, "
                "or declare number_format: da (in a scenario file; in Python: with sp.number_format('da'))"
            )
        else:
            reason = "write numbers with a decimal point and no thousands separators, e.g. 510000 or 165.50"
        raise QuantityError(text, what, reason, "number_format")
    if _DOT_GROUPS.match(body) and not exp:
        plain = body.replace(".", "")
        whole = f"write {sign}{plain} or {sign}{int(plain):_} for {sign}{int(plain):,}"
        if body.count(".") > 1:
            reason = (
                f"'.' as a thousands separator is not read: {whole} (or declare number_format: da in a scenario "
                "file; in Python: with sp.number_format('da'))"
            )
        else:
            english = body.rstrip("0").rstrip(".")  # 510.000 → 510, 1.500 → 1.5, 35.897 → 35.897
            # the two readings of the number as typed: a decimal point, or Danish thousands
            readings = f"{sign}{english} in English, {sign}{int(plain):,} in Danish"
            reason = (
                f"{sign}{body} is ambiguous ({readings}): {whole}, "
                f"or {sign}{unambiguous(english)} if the '.' is a decimal point"
            )
        raise QuantityError(text, what, reason, "ambiguous_grouping")
    if not _PLAIN.match(body):
        raise QuantityError(text, what, "not a number", "number_syntax")
    return parse_decimal(sign + body + exp, what=what)


# In a number_format: da file, one to three digits (not a lone 0), a comma and exactly three
# digits: a decimal comma, or an English thousands separator (11,500)?
_COMMA_THOUSAND = re.compile(r"[1-9]\d{0,2},\d{3}")


# Only the characters a unit expression needs: names (letters incl. æøå), digits for
# powers, operators and brackets. Anything else is refused before pint sees it.
# Danish abbreviations are written with a full stop (kr., md., mdr., mnd., pct.); the stop is
# not part of the unit's name in units.txt, so it is dropped before pint sees the text.
_ABBREVIATION_STOP = re.compile(r"(?<![\w.])(kr|md|mdr|mnd|pct|min|stk|tim)\.", re.IGNORECASE)
# Danish "pr." (per): "170 kr. pr. time" is 170 kr/time; so are "om" and "i" before a unit in the
# definite form, as Danish says it ("9.500 kr. om måneden", "320 kr. i timen", "12 timer om ugen").
# "pr." and "om" are "per" before any unit ("om md.", "om måneden"); "i" only before a definite form ("i timen"),
# where nothing else is meant ("i alt" is no unit)
_PER = re.compile(r"\s+pr\.?\s+|\s+om\s+(?=\w)|\s+i\s+(?=\w+e[nt]\b)", re.IGNORECASE)
# The spellings of a share: a percentage or nothing (a bare fraction). Ratios of other
# units (hour/hour, week/year, %%) cancel to a number that is not what the field means.
_RATIO_SPELLINGS = frozenset({"", "%", "percent", "procent", "pct"})
_UNIT_TEXT = re.compile(r"[A-Za-zÆØÅæøå_%][A-Za-zÆØÅæøå_%0-9 /*^().·-]*\Z")

# Words shown to users for each dimension (as pint reports them).
_DIMENSION_WORDS: dict[frozenset[tuple[str, int]], str] = {
    frozenset(): "a plain number or percentage",
    frozenset({("[currency]", 1)}): "money",
    frozenset({("[currency]", 1), ("[time]", -1)}): "money per week, month or year",
    frozenset({("[currency]", 1), ("[labour]", -1)}): "money per hour",
    frozenset({("[labour]", 1)}): "hours",
    frozenset({("[labour]", 1), ("[time]", -1)}): "hours per week, month or year",
    frozenset({("[time]", 1)}): "calendar time",
    frozenset({("[item]", 1), ("[time]", -1)}): "items per week, month or year",
    frozenset({("[currency]", 1), ("[item]", -1)}): "money per item",
}

Dims = frozenset[tuple[str, int]]


class UnitInfo(NamedTuple):
    """A parsed unit: the pint unit, its dimension and its exact canonical factor."""

    unit: pint.Unit
    dims: Dims
    factor: Fraction  # multiply a magnitude in `unit` by this to get canonical units


def describe_dims(dims: Dims) -> str:
    """Words for a dimension, e.g. ``money per hour``."""
    known = _DIMENSION_WORDS.get(dims)
    if known is not None:
        return known
    # other combinations in the same words (review 47 F2: "15 FTE/week" read "[labour] / [time]**2")
    parts = sorted(dims)

    def word(d: str, p: int) -> str:
        name = _BASE_WORDS.get(d, d)
        return name if abs(p) == 1 else f"{name}^{abs(p)}"

    num = " × ".join(word(d, p) for d, p in parts if p > 0) or "a number"
    den = " × ".join(word(d, p) for d, p in parts if p < 0)
    return f"{num} per {den}" if den else num


# each base dimension in words, for the combinations _DIMENSION_WORDS does not name
_BASE_WORDS = {"[currency]": "money", "[labour]": "hours", "[time]": "time", "[item]": "items"}


def dims_of(dimensionality: Any) -> Dims:
    """A hashable form of a pint dimensionality."""
    return frozenset((str(k), int(v)) for k, v in dict(dimensionality).items())


@functools.cache
def _exact_registry() -> pint.UnitRegistry[Any]:
    # Built on first conversion only (~10 ms), so `import socialpartner` stays fast.
    return pint.UnitRegistry(str(DEFINITIONS), cache_folder=None, non_int_type=Fraction, case_sensitive=False)


_NUMBER_TOKEN = re.compile(r"(?<![\w.])[0-9][0-9_.,]*(?:[eE][+-]?[0-9]+)?")
_PLAIN_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?\Z")


def _pint_text(text: str) -> str:
    """Text for pint's own parser: Danish unit spellings and numbers read by the number rules.

    ``sp.Q_("510.000 DKK")`` would otherwise be 510 DKK; here it is refused like in a file.
    """
    if not any(c.isdigit() for c in text):
        return normalise_unit_text(ascii_minus(text))
    refuse_spaced_digits(text, what="a quantity")  # 510 000 kr. would be 510 × 000 = 0 DKK
    text = normalise_unit_text(ascii_minus(text))

    def number(match: re.Match[str]) -> str:
        token = match[0]
        value = read_number(token, what="a quantity")  # raises on 510.000, 165,50
        # a token pint reads as the rules do stays as written (10.0 stays a float); one the rules
        # read otherwise (10.000 under number_format('da') is 10,000, not pint's 10) is rewritten
        return token if _PLAIN_TOKEN.match(token) and Decimal(token) == value else format_decimal(value)

    return _NUMBER_TOKEN.sub(number, text)


# Text given to the registry itself (sp.Q_("510.000 DKK"), sp.Q_(170, "kr. pr. time")) is
# read by the same rules as scenario text.
ureg.preprocessors.append(_pint_text)


def normalise_unit_text(text: str) -> str:
    """Unit text with Danish abbreviations' full stops dropped and ``pr.`` read as ``/``.

    ``kr./md.`` → ``kr/md``; ``kr. pr. time`` → ``kr/time``.
    """
    lower = text.lower()
    if " pr" in lower or " om " in lower or " i " in lower:
        text = _PER.sub("/", text)
    return _ABBREVIATION_STOP.sub(r"\1", text) if "." in text else text


def is_ratio_spelling(text: str) -> bool:
    """Whether unit text spells a share: ``%``, ``percent``, ``procent``, ``pct.`` or nothing."""
    return normalise_unit_text(text).strip().lower() in _RATIO_SPELLINGS


def is_ratio_unit(unit: Any) -> bool:
    """Whether a pint unit is a plain share: percent or no unit at all (not ``%**2``, ``week/year``)."""
    return dict(unit._units) in ({}, {"percent": 1})


@functools.lru_cache(maxsize=4096)
def parse_unit(text: str) -> UnitInfo:
    """Parse a unit expression with pint, once per spelling.

    Raises:
        QuantityError: the text is not a unit expression of known units.

    """
    if text == "":
        return UnitInfo(ureg.dimensionless, frozenset(), Fraction(1))
    text = normalise_unit_text(text)
    if len(text) > MAX_TEXT or not _UNIT_TEXT.match(text):
        raise QuantityError(text, "a unit such as 'DKK/hour'", "not a unit expression", "unit_syntax")
    try:
        unit = ureg.parse_units(text)
    except pint.UndefinedUnitError as exc:
        names = [str(name) for name in exc.unit_names]
        raise QuantityError(
            text, "a known unit", f"unknown unit {', '.join(map(repr, names))}{_unit_hint(names)}", "unit_unknown"
        ) from exc
    except Exception as exc:  # pint's tokenizer raises several unrelated types
        raise QuantityError(text, "a unit such as 'DKK/hour'", "not a unit expression", "unit_syntax") from exc
    if not unit.dimensionality and not dict(unit._units):  # "dimensionless": nothing to convert
        return UnitInfo(unit, frozenset(), Fraction(1))
    factor, _ = _exact_registry().get_base_units(str(unit))
    return UnitInfo(unit, dims_of(unit.dimensionality), Fraction(factor))  # type: ignore[call-overload]


def _unit_hint(names: list[str]) -> str:
    """What to write instead of a word that is no unit but is often written beside one (tkr., moms)."""
    words = {name.lower().rstrip(".") for name in names}
    if words & {"tkr", "t.kr"}:
        return "; thousands of kroner (tkr.) are not a unit: write the amount in kroner (510 tkr. as 510000 kr.)"
    if words & {"mio", "mia", "mill", "mn", "mln"}:  # millions (mio. kr.), billions (mia. kr.) in budgets
        return (
            "; millions (mio. kr.) and billions (mia. kr.) are not units: write the amount in kroner "
            "(0,51 mio. kr. as 510000 kr.)"
        )
    if words & {"moms", "ekskl", "eksk", "excl", "inkl", "incl", "vat"}:
        return (
            "; 'ekskl. moms' and 'inkl. moms' are not part of a unit: write the amount alone "
            "(e.g. '320 kr./time'); the library neither adds nor removes VAT (moms)"
        )
    return ""


# The two readings of "per day" in a rate: a working day (a Danish dagsats is paid for 5
# days a week, and 7.4 t/dag is the 37-hour week) or a calendar day (the registry's day).
WORKING_DAYS_PER_WEEK = 5
CALENDAR_DAYS_PER_WEEK = round(Q_(1, "week").to("day").magnitude)  # 7


def per_day(info: UnitInfo) -> bool:
    """Whether a unit is per day (``hour/day``, ``kr./dag``, ``DKK/d``): a day in its denominator."""
    power = typing.cast(int, dict(info.unit._units).get("day", 0))  # a unit's powers are whole here
    return power < 0


def refuse_per_day(info: UnitInfo, magnitude: Decimal | None, *, text: str, what: str) -> None:
    """Refuse a rate per day, with its two readings per week and the fix; a duration in days passes.

    The one rule for every input (model fields, sweep values, distributions): ``7.4 hour/day``
    means 37 hour/week to a reader who counts working days (5 a week, as a dagsats) and
    51.8 hour/week to one who counts calendar days (7 a week, as the registry's day). Either
    guess is 40 % off for the other reader, a wrong number that looks right, so neither is
    made. A day that is not in a denominator (``6 day``, a duration) is no rate and passes.

    Raises:
        QuantityError: the unit is per day (code ``per_day``).

    """
    if not per_day(info):
        return
    reason = (
        f"a rate per day is ambiguous: a working day ({WORKING_DAYS_PER_WEEK} a week, as a dagsats) or a "
        f"calendar day ({CALENDAR_DAYS_PER_WEEK} a week)? write the rate per week, month or year"
    )
    if dict(info.unit._units)["day"] == -1:  # X/day: the same X per week, by each reading
        given = format(info.unit, "C")
        weekly = format(info.unit * ureg.day / ureg.week, "C")
        example = magnitude if magnitude is not None else Decimal("7.4")
        working = format_decimal(example * WORKING_DAYS_PER_WEEK)
        calendar = format_decimal(example * CALENDAR_DAYS_PER_WEEK)
        shown = format_decimal(example)
        reason += (
            f"{': ' if magnitude is not None else ', e.g. '}{shown} {given} is {working} {weekly} "
            f"if per working day (× {WORKING_DAYS_PER_WEEK}), {calendar} {weekly} if per calendar day "
            f"(× {CALENDAR_DAYS_PER_WEEK})"
        )
    raise QuantityError(text, what, reason, "per_day")


def parse_decimal(text: str, *, what: str) -> Decimal:
    """Read a number exactly, refusing NaN, infinities, huge values and excess digits."""
    text = ascii_minus(text)
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise QuantityError(text, what, "not a number", "number_syntax") from exc
    return check_decimal(value, text=text, what=what)


def check_decimal(value: Decimal, *, text: str, what: str) -> Decimal:
    """The checks every magnitude passes, whichever way it arrived."""
    if not value.is_finite():
        raise QuantityError(text, what, "not a finite number", "finite_number")
    if value and value.adjusted() > MAX_MAGNITUDE.adjusted():
        # by the exponent first: abs() of 1e1000000 overflows the decimal context
        raise QuantityError(text, what, f"magnitude must be below {MAX_MAGNITUDE:E}", "too_large")
    if value and value.adjusted() < MIN_MAGNITUDE.adjusted():
        raise QuantityError(text, what, f"magnitude must be 0 or at least {MIN_MAGNITUDE:E}", "too_small")
    if value.copy_abs() >= MAX_MAGNITUDE:  # copy_abs: exact in any decimal context (abs() rounds to it)
        raise QuantityError(text, what, f"magnitude must be below {MAX_MAGNITUDE:E}", "too_large")
    if value and value.copy_abs() < MIN_MAGNITUDE:
        raise QuantityError(text, what, f"magnitude must be 0 or at least {MIN_MAGNITUDE:E}", "too_small")
    if significant_digits(value) > MAX_DIGITS:
        raise QuantityError(text, what, f"more than {MAX_DIGITS} significant digits", "too_precise")
    return value


def significant_digits(value: Decimal) -> int:
    """Significant digits of a finite Decimal, whatever the caller's decimal context."""
    return max(len("".join(map(str, value.as_tuple().digits)).strip("0")), 1)


def decimal_of_float(value: float | np.floating[Any]) -> Decimal:
    """The decimal a float stands for: its shortest repr, cut to 15 significant digits.

    A float holds 15 significant decimal digits exactly; anything beyond is binary
    noise of a computation (``480000 * 1.02**3`` is 509379.8400000001), so it is read as
    509379.84. A numpy float is read at its own precision: ``np.float32(13963.99)`` is
    13963.99 (the shortest decimal that reads back to the same float32), not the
    13963.990234375 it widens to. NaN and infinities come back as such (the checks
    refuse them).
    """
    if isinstance(value, float):  # also np.float64, whose repr is "np.float64(…)"
        value = float(value)
        number = Decimal(repr(value))
        if number.is_finite() and significant_digits(number) > MAX_DIGITS:
            number = Decimal(f"{value:.{MAX_DIGITS}g}")
        return number
    number = Decimal(np.format_float_positional(value, unique=True))
    if number.is_finite() and significant_digits(number) > MAX_DIGITS:  # a long double
        number = _FLOAT_DIGITS.plus(number)
    return number


_FLOAT_DIGITS = Context(prec=MAX_DIGITS)

# A float's shortest repr as json.dump and yaml.safe_dump write it: 16 or 17 significant digits.
_FLOAT_REPR = re.compile(r"-?(?:[0-9]+\.[0-9]+|[0-9]+(?:\.[0-9]*)?[eE][+-]?[0-9]+)\Z")


def float_dump(text: str) -> Decimal | None:
    """The decimal a file's number stands for when a program wrote a float there, else None.

    ``0.30000000000000004`` (what ``json.dump`` writes for ``0.1 + 0.2``) is read as
    0.3, as the float itself is by :func:`decimal_of_float`. Only text that is exactly
    a float64's shortest repr with more than 15 significant digits counts: a human who
    types 16 digits of something else is still refused for them.
    """
    if current_number_format() != PLAIN or not _FLOAT_REPR.match(text):
        return None
    written = Decimal(text)
    if significant_digits(written) <= MAX_DIGITS:
        return None
    value = float(text)
    if not math.isfinite(value) or Decimal(repr(value)) != written:
        return None
    return decimal_of_float(value)


def read_written(text: str, *, what: str, json_number: bool = False) -> Decimal:
    """A number in a scenario file (a YAML or JSON float): a float a program dumped as that float, else as typed.

    ``json_number``: a JSON number token, which cannot hold a decimal comma; refused by a
    ``number_format: da`` file, it is to be written as text (``"0,6"``).
    """
    dumped = float_dump(text)
    if dumped is not None:
        return dumped
    try:
        return read_number(text, what=what)
    except QuantityError as exc:
        if not json_number or exc.code != "number_format" or _FORMAT.get() != DANISH:
            raise
        danish = text.translate(str.maketrans(".,", ",."))
        raise QuantityError(
            text,
            what,
            f"number_format is 'da' (510.000,50), and a JSON number cannot hold a decimal comma: write it as "
            f'text, "{danish}"',
            "number_format",
        ) from None


def exact_number(value: object, *, what: str) -> int | Decimal | Fraction | Rational:
    """A number given to a public helper, read as the inputs are: exactly, or a float as its decimal.

    An int, Decimal, Fraction or rational is kept; a float (Python's or numpy's) is the
    shortest decimal that reads back to it (``2.675`` is 2.675, not the binary
    2.67499999…); a numpy integer is an int. No limits on size or digits: the helpers
    are exact at any magnitude.

    Raises:
        QuantityError: NaN or an infinity, a boolean, or not a number (a ``ValueError``).

    """
    if isinstance(value, (bool, np.bool_)):
        raise QuantityError(repr(value), what, "a boolean is not a number", "quantity_type")
    if isinstance(value, (int, Fraction, Rational)):
        return value
    if isinstance(value, (float, np.floating)):
        number = decimal_of_float(value)
    elif isinstance(value, Decimal):
        number = value
    elif isinstance(value, numbers.Integral):  # numpy integers
        return int(value)
    elif isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    else:
        shown = value if isinstance(value, str) else repr(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        reason = f"not a number ({type(value).__name__}): give an int, Decimal, Fraction or float"
        raise QuantityError(shown, what, reason, "quantity_type")
    if not number.is_finite():
        raise QuantityError(str(value), what, "not a finite number", "finite_number")
    return number


def decimal_number(value: object, *, what: str) -> Decimal:
    """:func:`exact_number` as a Decimal; a ratio without a finite decimal (1/3) is refused."""
    number = exact_number(value, what=what)
    if isinstance(number, Decimal):
        return number
    if isinstance(number, int):
        return Decimal(number)
    num, den = int(number.numerator), int(number.denominator)
    places = 0
    while (num * 10**places) % den and places <= den.bit_length():  # den = 2^a·5^b needs max(a, b) places
        places += 1
    if (num * 10**places) % den:  # 1/3 has no finite decimal: refuse rather than round silently
        raise QuantityError(f"{num}/{den}", what, "not a finite decimal; round it first (e.g. with to_ore)", "inexact")
    return Decimal(f"{num * 10**places // den}E-{places}")  # built from text: exact in any decimal context


def split_quantity(text: str, *, what: str) -> tuple[Decimal, str]:
    """Split ``"145 DKK/hour"`` into an exact number and the unit text."""
    if len(text) > MAX_TEXT:
        raise QuantityError(text[:MAX_TEXT] + "…", what, "text too long", "too_long")
    refuse_spaced_digits(text, what=what)  # 11 000 kr./md.: the fix, not "000 kr./md. is no unit"
    text = ascii_minus(text)
    whole = _WHOLE_KRONER.match(text)
    if whole is not None:  # 510.000,- kr.: whole kroner, as a Danish budget writes them
        if _FORMAT.get() != DANISH:
            raise QuantityError(
                text,
                what,
                f"',-' (whole kroner) is Danish notation: write {whole['num'].replace('.', '')} here, "
                "or declare number_format: da",
                "number_format",
            )
        text = whole["num"] + text[whole.end() :]
    match = _NUMBER.match(text)
    if match is None:
        raise QuantityError(text, what, "expected a number followed by a unit", "quantity_syntax")
    return read_number(match["num"], what=what), match["unit"]


def plain_magnitude(value: Decimal) -> int | float:
    """The magnitude a pint quantity stores: an int when integral, else a float.

    A float holds 15 significant digits exactly and ``repr`` gives them back, so
    :func:`exact_magnitude` recovers the decimal the user wrote.
    """
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def exact_magnitude(magnitude: int | float | Decimal | Fraction | np.floating[Any]) -> Rational:
    """The exact rational value of a stored magnitude (floats read via their repr).

    A numpy scalar (put in place with ``model_copy``, which does not validate) is read
    as the Python number it holds.
    """
    if isinstance(magnitude, float):
        return Rational(Decimal(repr(float(magnitude))))  # np.float64's repr is "np.float64(…)"
    if isinstance(magnitude, np.floating):  # float32 and the like: the decimal it stands for
        return Rational(decimal_of_float(magnitude))
    if not isinstance(magnitude, (int, Decimal, Fraction, Rational)) and hasattr(magnitude, "item"):
        return exact_magnitude(magnitude.item())
    return Rational(magnitude)


def unambiguous(text: str) -> str:
    """Number text that no reader takes for a thousands grouping: ``35.897`` → ``35.8970``."""
    return text + "0" if _DOT_GROUPS.match(text.lstrip("+-")) else text


def unambiguous_da(text: str) -> str:
    """Danish number text that a ``number_format: da`` reader does not refuse as ambiguous: ``1,023`` → ``1,0230``."""
    return text + "0" if _COMMA_THOUSAND.fullmatch(text.lstrip("+-")) else text


def format_magnitude(magnitude: int | float | np.floating[Any]) -> str:
    """Shortest text that reads back to the same magnitude (``35.897`` is written ``35.8970``)."""
    if isinstance(magnitude, np.floating) and not isinstance(magnitude, float):
        return format_decimal(decimal_of_float(magnitude))
    if not isinstance(magnitude, (int, float)) and hasattr(magnitude, "item"):
        magnitude = magnitude.item()  # a numpy scalar: the Python number it holds
    if isinstance(magnitude, int):
        return str(magnitude)
    text = repr(float(magnitude))
    return unambiguous(text[:-2] if text.endswith(".0") else text)


def format_decimal(value: Decimal) -> str:
    """Plain text of a Decimal that reads back to the same value (no exponent, no grouping)."""
    return unambiguous(format(value.normalize(), "f"))


# Keyed by pint's own hashable units container: formatting a unit to text costs ~20 µs,
# asking pint for a dimensionality ~5 µs.
_INFO: dict[Any, UnitInfo] = {}


def unit_info(quantity: pint.Quantity[Any]) -> UnitInfo:
    """Dimension and canonical factor of a quantity's unit (cached per unit)."""
    info = _INFO.get(quantity._units)
    if info is None:
        info = _INFO[quantity._units] = parse_unit(str(quantity.units))
    return info


def is_ratio(quantity: pint.Quantity[Any]) -> bool:
    """Whether a quantity is a plain ratio (e.g. ``12 %``)."""
    return not unit_info(quantity).dims


def with_magnitude(quantity: pint.Quantity[Any], magnitude: Any) -> pint.Quantity[Any]:
    """The same unit with another magnitude (an exact Fraction, or an array in a sweep).

    Built without pint's constructor (about 10 µs), as a horizon grows every money input
    every year: a Quantity is its magnitude and its units container.
    """
    new = object.__new__(type(quantity))
    new._magnitude = magnitude
    new._units = quantity._units
    return new


def scaled_exact(quantity: pint.Quantity[Any], factor: Rational) -> pint.Quantity[Any]:
    """``quantity`` times an exact ``factor`` (a year's growth), its exact canonical value known.

    The canonical value is the stated one's (kept on it) times the factor: the same
    rational :func:`exact` would compute from the new magnitude, without converting again.
    """
    new = with_magnitude(quantity, exact_magnitude(quantity._magnitude) * factor)
    new.__dict__["_sp_canonical"] = (new._magnitude, exact(quantity) * factor)
    return new


def present(quantity: pint.Quantity[Any]) -> bool:
    """Whether an optional amount takes part: non-zero, or varied (an array) in a sweep."""
    magnitude = quantity.magnitude
    return not isinstance(magnitude, (int, float, Decimal, Fraction, Rational)) or magnitude != 0


def _lent(array: Any) -> Any:
    """A read-only view of an input array (no copy); a scalar as it is."""
    if not hasattr(array, "flags"):
        return array
    view = array.view()
    view.flags.writeable = False
    return view


def canonical(quantity: pint.Quantity[Any], times: Any = 1) -> Rational:
    """The exact magnitude of a validated scalar quantity in canonical units, times ``times``.

    In :func:`~socialpartner._internal.backend.vector_mode` the result is a float, or a float array for a varied input
    (the annotation stays Rational: the model formulas use only ``+ - * /``). A scalar
    ``times`` is folded into the unit's factor, so an array is multiplied once.
    """
    if _VECTOR.get():
        factor = unit_info(quantity).factor
        magnitude = quantity._magnitude
        if isinstance(magnitude, (int, Fraction, Rational, Decimal)):
            return float(magnitude) * float(factor) * times  # type: ignore[no-any-return]
        magnitude = pooled(magnitude)  # results into a caller's workspace, where there is one
        if isinstance(times, (int, float, Fraction, Rational)):
            scale = float(factor) * float(times)
            # an array of a varied input: one pass, and no copy when there is nothing to scale;
            # the input itself is lent read-only, so no formula can round it in place
            return _lent(magnitude) if scale == 1 else magnitude * scale  # type: ignore[no-any-return]
        return magnitude * float(factor) * times  # type: ignore[no-any-return]
    value = exact(quantity)
    return value if times == 1 else value * times


def exact(quantity: pint.Quantity[Any]) -> Rational:
    """The exact magnitude in canonical units, whatever the mode (parameters, rules)."""
    # A scenario's quantities are immutable once validated and a model reads each several
    # times per evaluation: the exact value is kept on the quantity (keyed by its magnitude).
    magnitude = quantity._magnitude
    cached = quantity.__dict__.get("_sp_canonical")
    if cached is not None and cached[0] is magnitude:
        return cached[1]  # type: ignore[no-any-return]
    factor = unit_info(quantity).factor
    if type(magnitude) is int:
        value = Rational(magnitude * factor.numerator, factor.denominator)  # one normalisation, not two
    else:
        value = exact_magnitude(magnitude) * factor
    quantity.__dict__["_sp_canonical"] = (magnitude, value)
    return value


# how a headcount is written with a word (compare shows "3 people"; Danish "3 personer")
_PEOPLE = frozenset({"people", "person", "persons", "personer", "pers."})

# a bare number as written: digits with separators, a sign, an exponent (no unit)
_BARE = re.compile(r"\s*[-+−]?[\d.,_ ]*(?:[eE][-+]?\d+)?\s*")


def has_unit(text: str) -> bool:
    """Whether a number as written carries a unit (``"9000 DKK/month"``, ``"1,5 %"``), not a bare number.

    Text without a digit (``"abc"``) is no quantity either: it is refused as a number.
    """
    return _BARE.fullmatch(text) is None and any(c.isdigit() for c in text)


def in_input_unit(value: Any, unit: str, whole: bool, name: str, error: type[Exception]) -> Any:
    """A value given with a unit (``"9000 DKK/month"``, ``Q_(108000, "DKK/year")``) as a Decimal in ``unit``.

    ``unit`` is the unit the input is written in (``whole``: a headcount, a bare number);
    the value is converted exactly (108,000 DKK a year is 9,000 a month). A bare number
    is returned as it is, for the caller to read. Refusals are ``error`` naming ``name``:
    an unknown unit, one of another kind, a rate per day, a number the format leaves
    ambiguous (``9.000``).
    """
    shown = value.strip() if isinstance(value, str) else None  # a refusal shows the text as written
    if isinstance(value, str):
        if not has_unit(value):
            return value  # a bare number: read (or refused) as one, with its own message
        try:
            number, spelled = split_quantity(value, what=f"{name} (a number, or a quantity)")
            if whole and spelled.strip().casefold() in _PEOPLE:  # '2 people' for a headcount, as compare writes it
                return number
            parse_unit(spelled)  # an unknown unit is a QuantityError naming it, not pint's AttributeError
            value = Q_(plain_magnitude(number), spelled)
        except QuantityError as exc:  # '9.000 kr./md.' in a plain file: its own reason, not "not a number"
            raise error(f"{name}: {exc.reason}") from None
    if not isinstance(value, pint.Quantity):
        return value
    if value._REGISTRY is not Q_._REGISTRY:
        raise error(f"{name}: a quantity from another unit registry; use socialpartner.Q_")
    target = "dimensionless" if whole else unit
    given, wanted = unit_info(value), parse_unit(target)
    magnitude = value.magnitude
    shown_magnitude = Decimal(str(magnitude)) if isinstance(magnitude, (int, float, Decimal)) else None
    try:  # the user's own number in the readings (500 DKK/day is 2,500 or 3,500 a week)
        refuse_per_day(given, shown_magnitude, text=str(value), what=name)
    except QuantityError as exc:
        raise error(f"{name}: {exc.reason}") from None
    if given.dims != wanted.dims:
        raise error(f"{name}: expected a number in {target}, or a quantity like it, got {shown or format(value, '~')}")
    exact = fraction(exact_magnitude(value.magnitude)) * fraction(given.factor) / fraction(wanted.factor)
    den = exact.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    # a terminating decimal exactly (its digits are then checked like a bare number's); a
    # repeating one (100000 DKK/year is 8333.33… a month) to 15 significant digits, far
    # finer than any grid it is used on
    ctx = Context(prec=60 if den == 1 else 15)
    return ctx.divide(Decimal(exact.numerator), Decimal(exact.denominator))
