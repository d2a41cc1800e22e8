"""Dated parameters: every rate, norm and price with its year, unit, tag and source.

The defaults ship in ``data/parameters.yaml``. A scenario can override any of them under
``parameters:``; an evaluation records which values it used (:class:`ParameterUse`), so
its output can list them with their tags and sources. A benefit that the law has abolished
carries a :class:`Legacy` mark (from when, for whom, by which act); a renamed parameter
keeps answering to its old name (``aliases`` in the file).
"""

from __future__ import annotations

import datetime as dt
import functools
import numbers
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
import pint
import yaml
from pydantic import BaseModel, ConfigDict, Field

from socialpartner._internal.backend import (
    Num,
    Rational,
    _round_exact,
    div,
    floor,
    fraction,
    is_exact,
    maximum,
    where,
)
from socialpartner._internal.i18n import Cited, Number, Raw, Text, Value
from socialpartner._internal.units import exact, number_format, plain_magnitude, unit_info
from socialpartner.errors import ArgumentTypeError, ParameterError, SocialPartnerError
from socialpartner.quantities import AnyQuantity

__all__ = [
    "Legacy",
    "ParameterSet",
    "ParameterUse",
    "ParameterValue",
    "Tag",
    "default_parameters",
]

_FILE = Path(__file__).resolve().parent / "data" / "parameters.yaml"

Tag = Literal["sourced", "derived", "estimate", "override"]
"""How a value is known: stated by a public source, derived from such, an estimate, or set by the user."""


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    year: Annotated[int, Field(ge=1900, le=2200, strict=True)]
    value: AnyQuantity
    tag: Literal["sourced", "derived", "estimate"]
    source: Annotated[str, Field(min_length=1)]
    checked: dt.date
    note: str = ""


class _Legacy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    abolished_from: dt.date
    applies_to: Literal["new citizens", "everyone"]
    by: Annotated[str, Field(min_length=1)]
    note: str = ""
    replaced_by: str | None = None


class _Parameter(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    description: str
    values: Annotated[tuple[_Entry, ...], Field(min_length=1)]
    legacy: _Legacy | None = None
    indexed: bool = False
    transfer_income: bool = False
    standing: bool = False


class _File(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    version: str
    parameters: dict[str, _Parameter]
    aliases: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Legacy:
    """A benefit the law has abolished.

    Attributes:
        abolished_from: the first day the benefit no longer applies.
        applies_to: ``"new citizens"`` (those already receiving it keep it) or
            ``"everyone"`` (replaced for all recipients on that day).
        by: the act that abolished it.
        note: what replaces it, or what could not be confirmed.
        replaced_by: the parameter to use after the abolition, where one replaces it.

    """

    abolished_from: dt.date
    applies_to: Literal["new citizens", "everyone"]
    by: str
    note: str = ""
    replaced_by: str | None = None

    def allows(self, start: dt.date) -> bool:
        """Whether a citizen whose support starts on ``start`` may receive the benefit."""
        return start < self.abolished_from


@dataclass(frozen=True, slots=True)
class ParameterValue:
    """One parameter value as used: name, year, value, tag, source, date last checked.

    ``for_year`` is the year it was asked for when that differs from ``year`` (the
    latest earlier value was carried forward). ``indexed`` marks a rate in kroner regulated
    each year by the satsreguleringsprocent: carried forward with a wage growth to project
    from, it is indexed (see :class:`ParameterUse`); ``index`` is then the factor applied.
    ``standing`` marks a rule that holds until the law changes it (the refusion ladder,
    AM-bidrag): its value is stated from its year on, so using it later is no assumption.
    ``transfer_income`` marks a rate regulated as transfer incomes are (benefits, dagpenge):
    by the satsreguleringsprocent less ``satsregulering.transfer_income_reduction``.
    Any other value carried forward is tagged ``estimate`` (:meth:`ParameterSet.get`).
    ``caveat`` is the file's own note on the value (``not confirmed: the 2026 rate table was
    not found``), which every output gives beside the source; ``note`` adds what the library
    did with it (carried forward, indexed).
    """

    name: str
    year: int
    value: pint.Quantity[Any]
    tag: Tag
    source: str
    checked: dt.date | None
    description: str = ""
    for_year: int | None = None
    note: str = ""
    legacy: Legacy | None = None
    indexed: bool = False
    index: Fraction | None = None
    standing: bool = False
    transfer_income: bool = False
    caveat: str = ""

    @property
    def exact(self) -> Fraction:
        """The value in canonical units (DKK, hour, year; ratios as fractions), exact."""
        return fraction(exact(self.value))

    def describe(self) -> str:
        """One line: ``name = value (year, tag; source)``, and the legacy mark if any."""
        carried = f", used for {self.for_year}" if self.for_year is not None else ""
        line = f"{self.name} = {self.value} ({self.year}{carried}, {self.tag}; {self.source})"
        if self.legacy is not None:
            line += f" [legacy: abolished for {self.legacy.applies_to} from {self.legacy.abolished_from}]"
        return line


@dataclass(frozen=True)
class ParameterSet:
    """The parameter values by name and year.

    Attributes:
        version: the version of the parameter file.
        values: every value of every parameter, oldest year first.
        aliases: former names that still resolve to a current name.
        replaced: for a set with overrides, the file's values each override replaces (an
            override's source names the one for its year).

    """

    version: str
    values: Mapping[str, tuple[ParameterValue, ...]]
    aliases: Mapping[str, str] = field(default_factory=dict)
    replaced: Mapping[str, tuple[ParameterValue, ...]] = field(default_factory=dict)
    _cache: dict[tuple[str, int], tuple[ParameterValue, Rational]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _indexed: dict[tuple[Any, ...], tuple[ParameterValue, Rational]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _kroner: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    @functools.cached_property
    def latest_year(self) -> int:
        """The latest year any value is dated (used when a scenario names no year)."""
        return max(v.year for entries in self.values.values() for v in entries)

    def names(self) -> tuple[str, ...]:
        """All parameter names (current names; former names are in ``aliases``)."""
        return tuple(sorted(self.values))

    def resolve(self, name: str) -> str:
        """The current name of ``name`` (itself, or what a former name was renamed to)."""
        return self.aliases.get(name, name)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.resolve(name) in self.values

    def get(self, name: str, year: int) -> ParameterValue:
        """The value for ``year``: that year's, else the latest earlier one (carried forward).

        A carried value is tagged ``estimate`` (the rate for ``year`` is assumed to be the
        earlier one), unless the parameter is a standing rule or the scenario set it; see
        :func:`_carried`. A year before the first value has none: a later year's rate would
        be a wrong number for it, so that is an error rather than a guess.

        Raises:
            KeyError: an unknown name; the message lists the known ones.
            ParameterError: ``year`` is before the parameter's first value.

        """
        try:
            entries = self.values[self.resolve(name)]
        except (KeyError, TypeError):  # TypeError: an unhashable name
            raise KeyError(f"no parameter {name!r}; parameters: {', '.join(self.names())}") from None
        if type(year) is not int:  # 2026.5 would silently read 2026's value, "2026" would fail deep inside
            year = whole_year(year)
        earlier = [e for e in entries if e.year <= year]
        if not earlier:
            raise ParameterError(
                # the description says what the parameter is, e.g. a benefit that did not exist yet
                f"{name}: no value for {year}; the parameters start in {entries[0].year} ({entries[0].description}). "
                "Use a later year, "
                f"or give your own value for {year} under parameters: (see the parameters page of the docs)"
            )
        chosen = earlier[-1]
        return chosen if chosen.year == year else _carried(chosen, year)

    def _read(self, name: str, year: int) -> tuple[ParameterValue, Rational]:
        """The value as used for ``year`` and its exact canonical magnitude, cached.

        A horizon reads the same few parameters every year, and a read costs a search and a
        conversion.
        """
        key = (name, year)
        hit = self._cache.get(key)
        if hit is None:
            value = self.get(name, year)
            if value.tag == "override":
                value = replace(value, year=year, source=self._in_place_of(name, year))
            if len(self._cache) > 4096:
                self._cache.clear()
            hit = self._cache[key] = (value, exact(value.value))  # the engine's rational
        return hit

    def _in_place_of(self, name: str, year: int) -> str:
        """An override's source: set in the scenario, and the file's value for ``year`` it replaces (review 53 F4)."""
        entries = self.replaced.get(self.resolve(name))
        if not entries:
            return "set in the scenario"
        earlier = [e for e in entries if e.year <= year] or [entries[0]]
        d = earlier[-1]
        # a sentence of the library's, rendered in the table's language with the value in its format
        args = {"value": Value(str(d.value)), "tag": Text(f"tag.{d.tag}")}
        if d.year == year:
            return Text("param.override_source", **args)
        return Text("param.override_source_dated", year=Raw(str(d.year)), **args)

    def _money(self, name: str) -> bool:
        """Whether parameter ``name`` is an amount in kroner (a rate such as a benefit), not a share or a norm."""
        hit = self._kroner.get(name)
        if hit is None:
            hit = self._kroner[name] = any(
                dim == "[currency]" for dim, _ in unit_info(self.values[self.resolve(name)][-1].value).dims
            )
        return hit

    def abolished(self, name: str, start: dt.date) -> Legacy | None:
        """The legacy mark of ``name`` if the law no longer allows it for support starting on ``start``.

        ``None`` when the parameter is not abolished, or was still open to a citizen starting then.

        Raises:
            KeyError: an unknown name.

        """
        if not isinstance(start, dt.date):
            raise ArgumentTypeError(f"start: expected a datetime.date, e.g. date(2026, 1, 1); got {start!r:.40}")
        legacy = self.get(name, start.year).legacy
        return legacy if legacy is not None and not legacy.allows(start) else None

    def with_overrides(self, overrides: Mapping[str, pint.Quantity[Any] | str]) -> ParameterSet:
        """A copy in which each named parameter has the given value for every year.

        A value is a quantity (``sp.Q_(2, "percent")``) or text read as one (``"2 %"``).

        Raises:
            SocialPartnerError: an unknown name, or a value of another kind of unit.

        """
        if not isinstance(overrides, Mapping):
            raise ArgumentTypeError(
                "overrides: expected a mapping of parameter names to values, "
                f"e.g. {{'satsreguleringsprocent': '2 %'}}; got {type(overrides).__name__}"
            )
        values = dict(self.values)
        for given, value in overrides.items():
            value = _override_value(given, value)
            name = self.resolve(given)
            if name not in values:
                raise SocialPartnerError(
                    f"parameters.{given}: no such parameter; parameters: {', '.join(self.names())}"
                )
            default = values[name][-1]
            if unit_info(value).dims != unit_info(default.value).dims:
                raise SocialPartnerError(f"parameters.{given}: expected a value like {default.value}, got {value}")
            values[name] = (
                ParameterValue(
                    name,
                    0,
                    value,
                    "override",
                    "set in the scenario",
                    None,
                    default.description,
                    legacy=default.legacy,
                    indexed=default.indexed,  # a rate in kroner the law regulates: indexed after the first year
                    transfer_income=default.transfer_income,
                ),
            )
        replaced = {**self.replaced, **{self.resolve(given): self.values[self.resolve(given)] for given in overrides}}
        return ParameterSet(self.version, values, self.aliases, replaced)


def _carried(value: ParameterValue, year: int) -> ParameterValue:
    """``value`` used for the later ``year``: the one rule for every carried value.

    A rate stated for one year (a tax rate, a benefit, the satsreguleringsprocent) is an
    assumption in a later year: tagged ``estimate``, and the note says so. A standing rule
    and the scenario's own value (an override, for every year) keep their tag. A rate in
    kroner indexed on from here keeps the tag too (:meth:`ParameterUse._index`).
    """
    if value.standing or value.tag == "override":
        return replace(value, for_year=year)
    said = f"the {value.year} value used for {year}: no value for {year} is in the file, so it is assumed unchanged"
    return replace(value, for_year=year, tag="estimate", note=f"{value.note}; {said}" if value.note else said)


def whole_year(year: object) -> int:
    """A parameter year: a whole number (a numpy integer too); not a float, text or a boolean.

    Raises:
        ArgumentTypeError: naming ``year``.

    """
    if isinstance(year, (bool, np.bool_)) or not isinstance(year, numbers.Integral):
        raise ArgumentTypeError(f"year: expected a whole year such as 2026, got {year!r:.40}")
    return int(year)


def _override_value(name: str, value: Any) -> pint.Quantity[Any]:
    """A value given to :meth:`ParameterSet.with_overrides`: a quantity, or text read as one (``"2 %"``)."""
    from socialpartner._internal.units import Q_, ureg

    if isinstance(value, str):
        return Q_(value)  # by the number rules: "2,5 %" is refused with its fix
    if isinstance(value, pint.Quantity) and value._REGISTRY is ureg:
        return value
    raise ArgumentTypeError(
        f"parameters.{name}: expected a quantity such as '2 %' or sp.Q_(2, 'percent'), got {value!r:.40}"
    )


@dataclass(frozen=True)
class _Lenient(ParameterSet):
    """A set that reads a parameter's first value for a year before it, noting the gap.

    Only to find, in one run, every parameter a scenario reads without a value for its
    year (the first such read stops an evaluation): never for results.
    """

    missing: dict[str, tuple[int, ParameterValue]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def get(self, name: str, year: int) -> ParameterValue:
        try:
            return super().get(name, year)
        except ParameterError:
            first = self.values[self.resolve(name)][0]
            self.missing.setdefault(name, (year, first))
            return replace(first, for_year=year)


def missing_years(
    parameters: ParameterSet, run: Callable[[ParameterSet], object], asked: tuple[str, int] | None = None
) -> ParameterError | None:
    """One error naming every parameter ``run`` reads for a year before its first value.

    ``run`` evaluates with the set it is given; None when it reads at most one such
    parameter (its own error says it) or fails for another reason. ``asked``: the input
    that sets the first year and its year (``("public.year", 2019)``), named first where
    that year is the one the parameters lack.
    """
    lenient = _Lenient(parameters.version, parameters.values, parameters.aliases, parameters.replaced)
    try:
        run(lenient)
    except Exception:  # another problem: the first error stands
        return None
    if len(lenient.missing) < 2:
        return None
    # grouped by the year asked and the first year there is: a dozen names with a description each made one
    # line of 2,000 characters (review 62 L5); a parameter alone in its group keeps its description
    groups: dict[tuple[int, int], list[tuple[str, ParameterValue]]] = {}
    for name, (year, first) in lenient.missing.items():
        groups.setdefault((year, first.year), []).append((name, first))
    gaps = "; ".join(
        f"{names[0][0]}: no value for {year}, the first is for {since} ({names[0][1].description})"
        if len(names) == 1
        else f"no value for {year}, the first for {since}: {', '.join(name for name, _ in names)}"
        for (year, since), names in groups.items()
    )
    lead = ""
    if asked is not None and asked[1] in {year for year, _ in lenient.missing.values()}:
        field, year = asked
        earliest = max(first.year for _, first in lenient.missing.values())  # from then on, every one has a value
        lead = (
            f"{field}: {year} is before the first published values of the parameters below; give {field} "
            f"{earliest} or later (the first year all of them have), or your own values under parameters:. "
        )
    return ParameterError(
        f"{lead}{len(lenient.missing)} parameters have no value for the year asked: {gaps}. Use a later year, "
        "or give your own values under parameters: (see the parameters page of the docs)"
    )


@functools.cache
def default_parameters() -> ParameterSet:
    """The parameter set shipped with the library (``data/parameters.yaml``)."""
    raw = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    with number_format(None):  # the file is written the plain way, whatever a scenario being read declares
        parsed = _File.model_validate(raw)
    values = {
        name: tuple(
            ParameterValue(
                name,
                e.year,
                e.value,
                e.tag,
                e.source,
                e.checked,
                p.description,
                note=e.note,
                legacy=_legacy(p.legacy),
                caveat=e.note,
                indexed=p.indexed,
                standing=p.standing,
                transfer_income=p.transfer_income,
            )
            for e in sorted(p.values, key=lambda e: e.year)
        )
        for name, p in parsed.parameters.items()
    }
    unknown = sorted(f"{old} -> {new}" for old, new in parsed.aliases.items() if new not in values or old in values)
    if unknown:  # a broken data file is a bug in the library, caught by its tests
        raise SocialPartnerError(f"parameters.yaml: aliases must map a former name to a current one: {unknown}")
    return ParameterSet(parsed.version, values, dict(parsed.aliases))


def _legacy(raw: _Legacy | None) -> Legacy | None:
    if raw is None:
        return None
    return Legacy(raw.abolished_from, raw.applies_to, raw.by, raw.note, raw.replaced_by)


def projected_satsregulering(wage_growth: Num) -> Num:
    """The satsreguleringsprocent the law derives from a yearly wage growth (as a fraction).

    Lov om en satsreguleringsprocent (LBK nr. 237 af 27.2.2020): the percentage is 2.0 plus
    the satstilpasningsprocent (§ 2); the tilpasningsprocent is the wage growth of the year
    two years before less 2.0, to one decimal (§ 3); at a wage growth of 2.0 % or less the
    satstilpasningsprocent is the tilpasningsprocent, above it the part beyond 0.3 (§ 4).
    So 1.5 % gives 1.5 %, 2.2 % gives 2.0 %, 3 % gives 2.7 %. With a constant wage growth
    the two years' lag does not matter. Exact for an exact growth, float64 for arrays.

    >>> from fractions import Fraction
    >>> tuple(float(projected_satsregulering(Fraction(g, 1000))) for g in (15, 22, 30))
    (0.015, 0.02, 0.027)
    """
    tenths = div(floor(wage_growth * 1000 + div(1, 2)), 1000)  # to one decimal of a percent, half up
    return where(tenths * 50 <= 1, tenths, maximum(tenths - div(3, 1000), div(1, 50)))


def satsregulering(parameters: ParameterSet, year: int, wage_growth: Num) -> tuple[Num, ParameterValue | None]:
    """The satsreguleringsprocent of ``year`` and the value it was read from.

    The parameter where the scenario sets it (an override) or the file dates a value that
    year (:func:`satsregulering_read`); else the one the law derives from ``wage_growth``
    (:func:`projected_satsregulering`), with None for the value.
    """
    read = satsregulering_read(parameters, year)
    if read is not None:
        return read[1], read[0]
    return projected_satsregulering(wage_growth), None


def transfer_income_reduction(parameters: ParameterSet, year: int) -> tuple[Num, ParameterValue | None]:
    """Points by which transfer incomes are regulated below the satsreguleringsprocent in ``year``.

    Read where the file dates a value that year (2021-2023's reduced percentage, the 0.45
    point of lov nr. 630 af 11.6.2024 in 2027) or the scenario sets one; 0 in any other
    year: a reduction is a law's for its years, never carried forward.
    """
    name = "satsregulering.transfer_income_reduction"
    if name not in parameters:
        return 0, None
    entries = parameters.values[parameters.resolve(name)]
    if any(e.tag == "override" for e in entries):  # the scenario's own reduction, for every year
        return parameters._read(name, year)[1], parameters._read(name, year)[0]
    if parameters._read("satsreguleringsprocent", year)[0].tag == "override":
        return 0, None  # a percentage the scenario sets is the one it means (0 %: rates unchanged)
    if not any(e.year == year for e in entries):
        return 0, None  # a reduction is a law's for its years: never carried forward
    entry, points = parameters._read(name, year)
    return points, entry


def satsregulering_read(parameters: ParameterSet, year: int) -> tuple[ParameterValue, Rational] | None:
    """The satsreguleringsprocent parameter for ``year`` and its exact value, where it is read, not projected.

    Read where the scenario sets it or the file dates a value that year; None otherwise
    (the law's projection from the wage growth is used then).
    """
    entry, percent = parameters._read("satsreguleringsprocent", year)
    return (entry, percent) if entry.tag == "override" or entry.year == year else None


@dataclass(slots=True)
class ParameterUse:
    """Reads parameters for one year and remembers which it read (for the evaluation's list).

    ``wage_growth`` (a horizon's, exact or float64 over variants) lets a rate in kroner that
    is regulated each year (``indexed`` in the file) be indexed when it is used for a year
    after its last value: by the satsreguleringsprocent of each year between, the parameter
    where it has a value dated that year (or set in the scenario), else the one the law
    derives from the wage growth (:func:`projected_satsregulering`). Without a wage growth
    the last value is used unchanged, as for every other parameter.
    """

    parameters: ParameterSet
    year: int
    used: dict[str, ParameterValue] = field(default_factory=dict)
    wage_growth: Num = None
    indexed: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False)
    """Indexed values and factors by (name, from, to): one dict for every year of a run, so each is made once."""
    first: int | None = None
    """The year of the rates in kroner the scenario states (the public view's first year); None: this year."""
    constant: bool = False
    """Constant prices: every rate in kroner is that of ``first`` (a spin-off's years, stated in constant prices)."""
    stated: dict[str, Any] = field(default_factory=dict)
    """The scenario's own kroner rates indexed this year (``public.…``, overrides): path → (their year, factor)."""
    vector: bool = False
    """Read as float64 (a sweep's variants): exact values are returned as floats."""
    changed: tuple[tuple[str, int], ...] = ()
    """Inputs a horizon change sets in this year, in the order they apply, with the parameter year of the change."""

    def __call__(self, name: str) -> Num:
        """The canonical value of ``name`` for this year, recorded as used (by its current name).

        Exact, unless ``wage_growth`` is float64 and the value is indexed by it, or the
        use reads for variants (``vector``). A rate in kroner the scenario sets under
        ``parameters:`` for a parameter the file indexes is the rate of ``first`` and is
        indexed from there as a carried rate is; with ``constant``, every rate in kroner is
        read for ``first``.
        """
        value = self._value(name)
        return float(value) if self.vector and is_exact(value) else value

    def rate(self, path: str, amount: Num) -> Num:
        """A rate in kroner the scenario states (``public.during_course``, a counterfactual amount), this year.

        The rate of ``first`` (or of the year of the horizon change that sets it), indexed
        to this year by the satsreguleringsprocent as a carried rate of the file is (and
        recorded in ``stated`` for the statements); unchanged in that year, without a wage
        growth, and in constant prices.
        """
        if self.first is None or self.constant or self.year <= self.first or self.wage_growth is None:
            return amount
        start = self.first
        for at, year in reversed(self.changed):  # an amount a change sets is the rate of the change's year
            if f"{path}.amount" == at or f"{path}.amount".startswith(at + "."):
                start = year
                break
        factor = self._factor(start, self.year, transfer=True)  # a stated benefit is a transfer income
        if is_exact(factor):
            if self.year > start:  # a factor of 1 too (0 % set): the statements say so
                self.stated[path] = (start, fraction(factor))
            if factor == 1:
                return amount
            if not is_exact(amount):
                return amount * float(factor)  # float64 over variants (mpq × float would be mpfr)
        return amount * factor

    def _value(self, name: str) -> Num:
        value, exact = self.parameters._read(name, self.year)
        if self.first is not None and self.year != self.first:
            if self.constant and self.parameters._money(value.name):
                value, exact = self.parameters._read(name, self.first)  # constant prices: the first year's rate
            elif value.tag == "override" and value.indexed and self.year > self.first and not self.constant:
                # the scenario's rate is the first year's, and replaces the file's value of that year
                value = replace(
                    value, year=self.first, for_year=self.year, source=self.parameters._in_place_of(name, self.first)
                )
        if (
            value.indexed
            and value.for_year is not None
            and value.for_year > value.year
            and self.wage_growth is not None
        ):
            growth = self.wage_growth
            # exact: kept on the parameter set (a horizon, a solver or a zone evaluates the same
            # years again); over variants the growth is an array, kept for the run only
            store = self.parameters._indexed if is_exact(growth) else self.indexed
            key = (value.name, value.year, value.for_year, growth if is_exact(growth) else 0)
            hit = store.get(key)
            if hit is None:
                if len(store) > 4096:
                    store.clear()
                hit = store[key] = self._index(value, exact)
            if value.name not in self.used:  # the first read this year: list the percentage if one was read
                read = satsregulering_read(self.parameters, self.year)
                if read is not None:  # read, not projected
                    self.used.setdefault(read[0].name, read[0])
            value, exact = hit
            if value.tag == "override" and value.index is not None:
                self.stated[f"parameters.{value.name}"] = (value.year, value.index)
        self.used[value.name] = value
        return exact

    def _factor(self, start: int, end: int, *, transfer: bool = False) -> Num:
        """Π (1 + satsreguleringsprocent) over the years after ``start`` up to ``end``, each made once.

        ``transfer``: as transfer incomes are regulated, less the year's
        ``satsregulering.transfer_income_reduction`` (0.45 point in 2027), the reduction read
        recorded as used.
        """
        if end <= start:
            return 1
        key = ("transfer" if transfer else "", start, end)
        hit = self.indexed.get(key)
        if transfer:
            points, entry = transfer_income_reduction(self.parameters, end)
            if entry is not None and points:
                self.used.setdefault(entry.name, entry)
        if hit is None:
            percent = satsregulering(self.parameters, end, self.wage_growth)[0]
            if transfer:
                percent = percent - points
            before = self._factor(start, end - 1, transfer=transfer)
            if is_exact(percent) != is_exact(before):  # over variants: float64 throughout (mpq × float is mpfr)
                percent, before = (x if not is_exact(x) else float(x) for x in (percent, before))
            hit = self.indexed[key] = before * (1 + percent)
        return hit

    def _index(self, value: ParameterValue, exact_value: Rational) -> tuple[ParameterValue, Num]:
        """The carried value indexed from its year to this one, and the record of it."""
        assert value.for_year is not None  # noqa: S101 - only carried values are indexed
        factor = self._factor(value.year, value.for_year, transfer=value.transfer_income)
        if not is_exact(factor):
            return value, float(exact_value) * factor  # float64 over variants: nobody reads the record
        if factor == 1:
            return value, exact_value
        index = fraction(factor)
        # in the value's own unit, exactly where six decimals hold it (three years at 3 %:
        # 4,715 × 1.092727 = 5,152.207805), else to six decimals; used exactly either way
        scaled = Rational(value.value.magnitude) * factor * 10**6
        exact_shown = int(scaled.denominator) == 1
        shown = plain_magnitude(Decimal(_round_exact(scaled, 1)).scaleb(-6))  # stored as every magnitude is
        record = ParameterValue(
            value.name,
            value.year,
            value.value.__class__(shown, value.value.units),
            value.tag,  # estimate as every carried value (get), or the scenario's rate (override)
            # a sentence of the library's (the tables render it in their language), then the cited source
            Text(
                "param.indexed_source",
                year=Raw(str(value.year)),
                factor=Number(Decimal(f"{float(index):.6f}"), 6, grouped=False),
                to=Raw(str(value.for_year)),
                source=Cited(value.source),
            ),
            value.checked,
            value.description,
            value.for_year,
            f"the {value.year} value × {float(index):.6f}: indexed by the satsreguleringsprocent to "
            f"{value.for_year}" + ("" if exact_shown else " (shown to six decimals, used exactly)"),
            value.legacy,
            value.indexed,
            index,
            caveat=value.caveat,  # the base year's caveat holds for the value indexed from it
        )
        return record, exact_value * factor

    def __iter__(self) -> Iterator[ParameterValue]:
        return iter(self.used.values())
