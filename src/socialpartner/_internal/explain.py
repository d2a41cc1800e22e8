"""Explanations: how a figure of an evaluation follows from the inputs and parameters."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from socialpartner._internal.plan import Flow
from socialpartner.money import ROUNDING_RULE, beside_one, round_half_up

ZERO = Decimal("0.00")
RATIO_PLACES = Decimal("0.000001")  # ratios (coverage, shares) are reported to 6 places


def ratio(value: Decimal) -> Decimal:
    """A ratio as reported: to 6 places, more where 6 would show a ratio that is not 1 as 1.

    0.03 DKK short of 2,287,266.00 is a coverage of 0.99999998688: ``0.99999999``, not
    ``1.000000`` (review 52 F1; :func:`socialpartner.money.beside_one`).
    """
    return round_half_up(value, beside_one(value, 6))


_DATA = Path(__file__).resolve().parent.parent / "data"

PARAMETERS: tuple[tuple[str, str, str], ...] = (
    (
        "calendar",
        "1 year = 52 weeks = 12 months; 1 FTE = 37 hour/week = 1,924 hour/year",
        # the library's own convention for FTE and periods: declared, its 37 hours the collective agreements'
        # week (norm.full_time's source), not a file of its own cited as a source (review 50 F9)
        "the library's calendar (data/units.txt), its 37 hours the standard week of Danish collective agreements "
        "(see norm.full_time); tag: declared rule",
    ),
    ("rounding", ROUNDING_RULE, "socialpartner.ROUNDING_RULE; tag: declared rule"),
)
"""The parameters every evaluation uses, with their sources."""


@cache
def parameter_set_version() -> str:
    """A short hash of the bundled data that enters results: units, municipality codes, parameters."""
    digest = hashlib.sha256()
    for name in ("units.txt", "kommuner.csv", "parameters.yaml"):
        digest.update((_DATA / name).read_bytes())
    return digest.hexdigest()[:16]


def input_hash(dumped: Mapping[str, Any]) -> str:
    """SHA-256 of the validated input in a canonical JSON form."""
    text = json.dumps(dumped, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Term:
    """One amount behind a figure: its value, its formula and the inputs it used."""

    label: str
    value: str
    formula: str = ""
    inputs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Explanation:
    """How one figure was computed: formula, the terms and inputs behind it, parameters.

    ``str(explanation)`` renders it as text; :meth:`to_dict` as JSON-ready data.
    """

    topic: str
    value: str
    formula: str
    terms: tuple[Term, ...] = ()
    parameters: tuple[tuple[str, str, str], ...] = PARAMETERS

    def __str__(self) -> str:
        lines = [f"{self.topic} = {self.value}", f"  = {self.formula}"]
        for term in self.terms:
            head = f"  {term.label} = {term.value}"
            lines.append(head + (f"   [{term.formula}]" if term.formula else ""))
            lines += [f"      {path} = {text}" for path, text in term.inputs]
        lines.append("  parameters:")
        lines += [f"    {name}: {value} ({source})" for name, value, source in self.parameters]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "topic": self.topic,
            "value": self.value,
            "formula": self.formula,
            "terms": [
                {"label": t.label, "value": t.value, "formula": t.formula, "inputs": dict(t.inputs)} for t in self.terms
            ],
            "parameters": [{"name": n, "value": v, "source": s} for n, v, s in self.parameters],
        }


def money(value: Decimal) -> str:
    """``432,900.00 DKK``."""
    return f"{value:,.2f} DKK"


def subtracted(value: Decimal) -> str:
    """An amount after a minus sign: a negative one in brackets, ``− (-137,965.16 DKK)``, never ``− -137,965.16``."""
    return f"({money(value)})" if value < 0 else money(value)


def lookup(inputs: Mapping[str, str], path: str) -> str:
    """An input's value as text; a block (``public.during_course``) as its entries."""
    value = inputs.get(path)
    if value is not None:
        return value
    prefix = path + "."
    inner = [
        f"{key.removeprefix(prefix)}: {text}"
        for key, text in inputs.items()
        if key.startswith(prefix) and text not in ("null", "None")  # the alternative not taken
    ]
    return "; ".join(inner) if inner else "(not given)"


def flow_term(flow: Flow, amount: Decimal, inputs: Mapping[str, str], sign: int = 1, label: str = "") -> Term:
    """A settled flow as a term, with the input values it was computed from."""
    prefix = "" if sign > 0 else "− "
    return Term(
        f"{prefix}{label or flow.purpose}",
        money(amount),
        flow.formula,
        tuple((path, lookup(inputs, path)) for path in flow.inputs),
    )
