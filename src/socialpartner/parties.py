"""The parties of a partnership: social-economy enterprise, company, municipality.

Identifiers are checked: a CVR number with the modulus-11 rule, a kommunekode against
the list of the 98 Danish municipalities shipped in ``data/kommuner.csv``.
"""

from __future__ import annotations

import csv
import functools
import math
import numbers
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import numpy as np
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

__all__ = [
    "CVR",
    "Company",
    "KommuneKode",
    "Municipality",
    "Party",
    "SocialEnterprise",
    "is_valid_cvr",
    "municipality_name",
]

_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
_KOMMUNER = Path(__file__).resolve().parent / "data" / "kommuner.csv"


def is_valid_cvr(number: str | int | np.integer[Any]) -> bool:
    """The modulus-11 rule: 8 digits, first not 0, weighted sum divisible by 11.

    Read as a scenario's ``cvr`` field reads it: text (spaces and a ``DK`` prefix, in any case, dropped)
    or a whole number (a numpy integer too).

    >>> is_valid_cvr("13748136"), is_valid_cvr("13585627"), is_valid_cvr("DK 1374 8136"), is_valid_cvr(13748136)
    (True, False, True, True)

    Raises:
        TypeError: neither text nor a whole number.

    """
    number = _cvr_text(number)
    if not isinstance(number, str):
        raise TypeError(f"expected a CVR number as text or a whole number, got {number!r:.40}")
    if len(number) != 8 or not number.isascii() or not number.isdigit() or number[0] == "0":
        return False
    return sum(int(d) * w for d, w in zip(number, _CVR_WEIGHTS, strict=True)) % 11 == 0


def _cvr_text(value: Any) -> Any:
    if isinstance(value, bool):
        return value  # refused by the str schema below
    if isinstance(value, (int, np.integer)):  # a numpy integer too, as a year or a kommune code
        return str(int(value))
    if isinstance(value, str):
        text = value.replace(" ", "")
        return text[2:] if text[:2].upper() == "DK" else text  # the prefix as people write it: DK, dk, Dk
    return value


def _check_cvr(value: str) -> str:
    if not is_valid_cvr(value):
        raise ValueError(
            f"{value!r} is not a valid CVR number: expected 8 digits, first not 0, passing the modulus-11 check"
        )
    return value


CVR = Annotated[str, BeforeValidator(_cvr_text), Field(max_length=20), AfterValidator(_check_cvr)]
"""A Danish CVR number (company registration number), checked with modulus 11."""


class Kommune(NamedTuple):
    """One entry of the municipality list."""

    code: int
    name: str
    region: str


@functools.cache
def _kommuner() -> dict[int, Kommune]:
    with _KOMMUNER.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {int(r["code"]): Kommune(int(r["code"]), r["name"], r["region"]) for r in rows}


def _plain_name(text: str) -> str:
    """A name for comparing: lower case, å as aa, hyphens as spaces (Høje-Taastrup, Århus)."""
    return " ".join(text.lower().replace("å", "aa").replace("-", " ").split())


@functools.cache
def _name_patterns() -> tuple[tuple[int, re.Pattern[str]], ...]:
    # whole words only: "Lyngby" inside "Kongens Lyngby" names it, inside "Lyngbyvej" it does not
    return tuple(
        (code, re.compile(rf"(?<!\w){re.escape(_plain_name(k.name))}s?(?!\w)")) for code, k in _kommuner().items()
    )


def _named_municipalities(name: str) -> set[int]:
    """The codes of the municipalities a name names (Københavns Kommune → {101}), none for Jobcenter Nord."""
    plain = _plain_name(name)
    return {code for code, pattern in _name_patterns() if pattern.search(plain)}


def municipality_code_for(name: Any) -> int | None:
    """The kommunekode of the one municipality a name names (``Vejle Kommune`` → 630), else None."""
    if not isinstance(name, str):
        return None
    named = _named_municipalities(name)
    return next(iter(named)) if len(named) == 1 else None


def municipality_name(code: int) -> str:
    """The official short name of a municipality, e.g. ``840`` → ``"Rebild"``.

    Raises:
        KeyError: an unknown code.

    """
    return _kommuner()[code].name


def _kode_int(value: Any) -> Any:
    if isinstance(value, (bool, np.bool_)):  # a code is never true or false (True would be kommune 1)
        raise ValueError("expected a kommunekode such as 840 (Rebild), got a boolean")
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, numbers.Integral) and not isinstance(value, int):  # numpy integers
        return int(value)
    # a float or Decimal with no fraction (840.0: a spreadsheet column with a gap is float)
    if isinstance(value, (float, np.floating, Decimal)) and math.isfinite(value):
        if value != int(value):
            raise ValueError(f"expected a kommunekode, a whole number such as 840 (Rebild), got {value}")
        return int(value)
    return value


def _check_kode(value: int) -> int:
    if value not in _kommuner():
        raise ValueError(
            f"{value} is not a Danish kommunekode: expected one of the 98 codes, e.g. 840 (Rebild), 851 (Aalborg)"
        )
    return value


# a file may write the code with its leading zero, as text ("0851"): the schema says so too
_KODE_SCHEMA = {
    "anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^\s*[0-9]{3,4}\s*$"}],
    "description": 'A Danish kommunekode, e.g. 840 (Rebild); with a leading zero as text: "0851"',
}
KommuneKode = Annotated[
    int, BeforeValidator(_kode_int), Field(strict=True), AfterValidator(_check_kode), WithJsonSchema(_KODE_SCHEMA)
]
"""A Danish municipality code (kommunekode), e.g. 840 for Rebild."""

# Control characters (escape sequences, CR/LF, tab) and bidirectional overrides would
# reach a terminal or a table as commands or as a split row: refused at input.
# U+2028 and U+2029 are line breaks to Python's splitlines and to JavaScript.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _printable(value: str) -> str:
    found = _CONTROL.search(value)
    if found is not None:
        raise ValueError(
            f"control character {found.group()!r} at position {found.start()}: "
            "a name must be printable text on one line"
        )
    if all(unicodedata.category(c) == "Cf" for c in value):  # a zero-width space, a soft hyphen: nothing to read
        raise ValueError(f"{value!r} has no visible character: a name must be printable text")
    return value


Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_printable)
]
"""A name or a role: printable text on one line, 1 to 200 characters."""


class Party(BaseModel):
    """A named party, optionally with a CVR number."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Name
    cvr: CVR | None = None


class SocialEnterprise(Party):
    """The social-economy enterprise (socialøkonomisk virksomhed, SØV)."""


class Company(Party):
    """The ordinary company that buys from (or works with) the SØV."""


class Municipality(Party):
    """A Danish municipality (kommune), identified by its kommunekode."""

    code: KommuneKode

    @model_validator(mode="after")
    def _name_fits_code(self) -> Municipality:
        # a name that is another municipality's (Rebild Kommune, code 851 = Aalborg) is a
        # code copied from another deal; a name that names none (Jobcenter Nord) is left be
        named = _named_municipalities(self.name)
        if named and self.code not in named:
            other = ", ".join(f"{code} for {_kommuner()[code].name}" for code in sorted(named))
            raise ValueError(
                f"code: {self.code} is {municipality_name(self.code)}, but the name {self.name!r} "
                f"names another municipality: give code {other}, or the name of {self.code}"
            )
        return self

    @field_validator("code", mode="before")
    @classmethod
    def _unknown_code_named(cls, value: Any, info: ValidationInfo) -> Any:
        # a code that is none, beside a name that names one municipality (Vejle Kommune, 631):
        # the code the name gives, not two examples (review 62 L3); the name is read first
        try:
            code = _kode_int(value)
        except ValueError:  # not a whole number: the field's own check names it
            return value
        named = municipality_code_for(info.data.get("name"))
        if isinstance(code, int) and not isinstance(code, bool) and code not in _kommuner() and named:
            raise ValueError(
                f"{code} is not a Danish kommunekode; {info.data['name']} is {named} (write code: {named})"
            )
        return value

    @property
    def official_name(self) -> str:
        """The municipality's name as the code list gives it."""
        return municipality_name(self.code)
