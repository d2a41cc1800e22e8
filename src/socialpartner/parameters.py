"""Dated parameters: every rate, norm and price with its year, unit, tag and source.

The defaults ship in ``data/parameters.yaml``. A scenario can override any of them under
``parameters:``; an evaluation records which values it used (:class:`ParameterUse`), so
its output can list them with their tags and sources.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Any, Literal

import pint
import yaml
from pydantic import BaseModel, ConfigDict, Field

from socialpartner._internal.units import canonical, unit_info
from socialpartner.errors import SocialPartnerError
from socialpartner.quantities import AnyQuantity

__all__ = ["ParameterSet", "ParameterUse", "ParameterValue", "Tag", "default_parameters"]

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


class _Parameter(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    description: str
    values: Annotated[tuple[_Entry, ...], Field(min_length=1)]


class _File(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    version: str
    parameters: dict[str, _Parameter]


@dataclass(frozen=True, slots=True)
class ParameterValue:
    """One parameter value as used: name, year, value, tag, source, date last checked.

    ``for_year`` is the year it was asked for when that differs from ``year`` (the
    latest earlier value was carried forward).
    """

    name: str
    year: int
    value: pint.Quantity[Any]
    tag: Tag
    source: str
    checked: dt.date | None
    description: str = ""
    for_year: int | None = None

    @property
    def exact(self) -> Fraction:
        """The value in canonical units (DKK, hour, year; ratios as fractions), exact."""
        return canonical(self.value)

    def describe(self) -> str:
        """One line: ``name = value (year, tag; source)``."""
        carried = f", used for {self.for_year}" if self.for_year is not None else ""
        return f"{self.name} = {self.value} ({self.year}{carried}, {self.tag}; {self.source})"


@dataclass(frozen=True)
class ParameterSet:
    """The parameter values by name and year.

    Attributes:
        version: the version of the parameter file.
        values: every value of every parameter, oldest year first.

    """

    version: str
    values: Mapping[str, tuple[ParameterValue, ...]]

    @functools.cached_property
    def latest_year(self) -> int:
        """The latest year any value is dated (used when a scenario names no year)."""
        return max(v.year for entries in self.values.values() for v in entries)

    def names(self) -> tuple[str, ...]:
        """All parameter names."""
        return tuple(sorted(self.values))

    def get(self, name: str, year: int) -> ParameterValue:
        """The value for ``year``: that year's, else the latest earlier one, else the earliest.

        Raises:
            KeyError: an unknown name; the message lists the known ones.

        """
        try:
            entries = self.values[name]
        except KeyError:
            raise KeyError(f"no parameter {name!r}; parameters: {', '.join(self.names())}") from None
        earlier = [e for e in entries if e.year <= year]
        chosen = earlier[-1] if earlier else entries[0]
        return chosen if chosen.year == year else replace(chosen, for_year=year)

    def with_overrides(self, overrides: Mapping[str, pint.Quantity[Any]]) -> ParameterSet:
        """A copy in which each named parameter has the given value for every year.

        Raises:
            SocialPartnerError: an unknown name, or a value of another kind of unit.

        """
        values = dict(self.values)
        for name, value in overrides.items():
            if name not in values:
                raise SocialPartnerError(f"parameters.{name}: no such parameter; parameters: {', '.join(self.names())}")
            default = values[name][-1]
            if unit_info(value).dims != unit_info(default.value).dims:
                raise SocialPartnerError(f"parameters.{name}: expected a value like {default.value}, got {value}")
            values[name] = (
                ParameterValue(name, 0, value, "override", "set in the scenario", None, default.description),
            )
        return ParameterSet(self.version, values)


@functools.cache
def default_parameters() -> ParameterSet:
    """The parameter set shipped with the library (``data/parameters.yaml``)."""
    raw = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    parsed = _File.model_validate(raw)
    values = {
        name: tuple(
            ParameterValue(name, e.year, e.value, e.tag, e.source, e.checked, p.description)
            for e in sorted(p.values, key=lambda e: e.year)
        )
        for name, p in parsed.parameters.items()
    }
    return ParameterSet(parsed.version, values)


@dataclass
class ParameterUse:
    """Reads parameters for one year and remembers which it read (for the evaluation's list)."""

    parameters: ParameterSet
    year: int
    used: dict[str, ParameterValue] = field(default_factory=dict)

    def __call__(self, name: str) -> Fraction:
        """The exact canonical value of ``name`` for this year, recorded as used."""
        value = self.parameters.get(name, self.year)
        if value.tag == "override":
            value = replace(value, year=self.year)
        self.used[name] = value
        return value.exact

    def __iter__(self) -> Iterator[ParameterValue]:
        return iter(self.used.values())
