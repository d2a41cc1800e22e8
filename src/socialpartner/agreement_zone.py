"""Where the deal works for every party: the zone of agreement (:func:`socialpartner.agreement`).

A partnership happens only when every party is better off with it than without it:

- the SØV covers its support staff (``surplus ≥ 0``, or a stated margin above it);
- the company pays no more than its alternative for the same work (``company_saving``
  or ``company_net_gain ≥ 0``);
- the municipality spends no more than it otherwise would (its public net effect with
  ``public:``), or no more than a limit it can defend (``agreement.municipal_limit``).

:func:`agreement` varies one or two negotiable inputs (a price, an overhead, a course
price) and returns where every party's condition holds: an interval for one input, a
polygon for two. Where the conditions are linear in the inputs (every money result is,
as long as no benefit or supplement depends on them) the zone is exact: each
condition's coefficients are read from a few evaluations, checked for linearity, and the
half-planes intersected in exact rational arithmetic. Otherwise the zone is traced on a
grid of evaluations. The zone comes with each party's boundary (where it is exactly
indifferent), the binding party when it is empty, and two suggested points inside it:
max-min points of the gains (equal, or in proportion to what each party brings). When the
inputs only move money between the parties this is the split of a fixed total; when one
changes the total (hours, skilled hours freed) the notes say so, and ties are broken for
the next smallest gain, so no point of the zone gives every party as much and one more.
(The module is not called ``agreement``: a submodule of that name would replace the
function ``socialpartner.agreement`` on import.)

```pycon
>>> import socialpartner as sp
>>> deal = sp.load(sp.example_path())  # the three-party deal; a temp agency would charge 210 DKK/hour
>>> hours = deal.temp_hours.model_copy(update={"alternative_price": sp.Q_(210, "DKK/hour")})
>>> zone = sp.agreement(deal.model_copy(update={"temp_hours": hours}), vary=["temp_hours.overhead"])
>>> [str(end) for end in zone.interval_decimal]
['35.90', '45.00']

```
"""

from __future__ import annotations

import copy
import itertools
import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, cast

import pint
from pydantic import ValidationError

from socialpartner._internal import engine, paths
from socialpartner._internal.arguments import need_partnership, need_text
from socialpartner._internal.backend import fraction
from socialpartner._internal.horizon import changed_input_note
from socialpartner._internal.i18n import TEXT, Lang, Money, Number, Period, Raw, Text, Translator
from socialpartner._internal.units import (
    PLAIN,
    canonical,
    in_input_unit,
    number_format,
    read_number,
    split_quantity,
    unambiguous,
)
from socialpartner.errors import AgreementError, ArgumentTypeError, LedgerError, QuantityError
from socialpartner.evaluation import Evaluation, evaluate
from socialpartner.models._agreement import AgreementTerms
from socialpartner.models._base import Partnership
from socialpartner.money import in_context, round_half_up

__all__ = [
    "AgreementError",
    "AgreementTerms",
    "AgreementZone",
    "Boundary",
    "PartyCondition",
    "Shortfall",
    "Suggestion",
    "agreement",
]

Point = tuple[Fraction, ...]
PointValue = Decimal | Fraction | int | float | str | pint.Quantity[Any]
# a point's values, one per input (a zone over one input also takes its value alone)
PointValues = PointValue | Iterable[PointValue] | Mapping[str, PointValue]
Basis = Literal["present_value", "per_year"]

# the results a company's condition reads, by model: its gain against its alternative
_COMPANY_HINT = {model: Text(f"agree.hint.{model}") for model in ("shared_responsibility", "supplier", "spin_off")}
_PARTY_ORDER = ("social_enterprise", "company", "municipality")


@dataclass(frozen=True, slots=True)
class PartyCondition:
    """One party's condition: ``result − floor ≥ 0``.

    Attributes:
        party: the role (``social_enterprise``, ``company``, ``municipality``).
        name: the party's name in the scenario.
        label: the condition in words, e.g. ``covers its support staff``.
        result: the result it reads (a key of :meth:`Evaluation.results`), e.g. ``surplus``.
        floor: the floor in words (``0``, ``5 % of the support-staff cost``, …).
        year: with ``basis="per_year"``, the year it applies to; else None (the whole
            period, or the present value over a horizon).

    """

    party: str
    name: str
    label: str
    result: str
    floor: str
    year: str | None = None

    def __str__(self) -> str:
        return self.text()

    def text(self, lang: Lang = "en") -> str:
        """The condition in words, in English or Danish (``lang="da"``)."""
        t = Translator(lang)
        when = " " + t(Text("agree.in_year", year=Period(self.year))) if self.year else ""
        party = t(f"agree.role.{self.party}") if f"agree.role.{self.party}" in TEXT else self.party
        result = t(f"cli.{self.result}") if t.lang == "da" and f"cli.{self.result}" in TEXT else self.result
        return f"{self.name} ({party}) {t(self.label)}{when}: {result} ≥ {t(self.floor)}"


@dataclass(frozen=True, slots=True)
class Boundary:
    """Where a party is exactly indifferent: its gain is zero.

    ``coefficients`` is ``(a, b₁[, b₂])`` with gain = a + b₁·x₁ (+ b₂·x₂) in DKK, the
    inputs in their own units, exact; None when the gain is not linear in the inputs
    (the boundary is then traced on the grid, see :attr:`AgreementZone.grid`).
    """

    condition: PartyCondition
    coefficients: tuple[Fraction, ...] | None

    def __str__(self) -> str:
        return f"{self.condition.name}: {self.equation()}"

    def equation(self, names: Sequence[str] = (), lang: Lang = "en") -> str:
        """The boundary as ``a + b₁·x₁ + b₂·x₂ = 0`` (DKK), with the inputs' names if given.

        ``lang="da"`` writes the numbers the Danish way (``−433.200,00 + 36·courses.price = 0``).
        A condition the inputs do not move has no boundary: it holds whatever the inputs
        (``holds whatever the inputs: a gain of 36,000.00 DKK``), or never does.
        """
        t = Translator(lang)
        if self.coefficients is None:
            return t(Text("agree.traced_line"))
        a, *b = self.coefficients
        if all(c == 0 for c in b):
            key = "agree.always" if a >= 0 else "agree.never"
            return t(Text(key, amount=Money(_round(abs(a)))))
        terms = "".join(
            f" {'+' if c >= 0 else '−'} {t.plain(_coefficient(abs(Fraction(c))))}·{name}"
            for c, name in zip(b, [*names[: len(b)], *(f"x{i + 1}" for i in range(len(names), len(b)))], strict=True)
            if c != 0
        )
        constant = t.plain(f"{_round(abs(Fraction(a))):,.2f}")
        return f"{'−' if a < 0 else ''}{constant}{terms} = 0"  # one minus sign throughout


def _on_the_edge(
    suggestions: tuple[Suggestion, ...],
    bounds: Sequence[Any],
    vary: Sequence[str],
    party_gains: Any = None,
    names: Mapping[str, str] | None = None,
) -> list[Text]:
    """A note per suggested point on a limit of the range searched: set by that limit, not by the parties.

    ``party_gains(point)`` gives each party's gain (or None where refused). Where the
    parties' total gain grows towards the limit (an input that is not a payment, such as
    the skilled hours a helper frees), a wider range only moves the point further: the
    note says that the limit is an assumption to agree on instead.
    """
    notes = []
    for s in suggestions:
        for k, (value, (low, high), path) in enumerate(zip(s.point, bounds, vary, strict=True)):
            ends = ((low, "agree.edge_low", -1, "agree.falls"), (high, "agree.edge_high", 1, "agree.rises"))
            for end, word, sign, moves in ends:
                if abs(Fraction(value) - Fraction(end)) > Fraction(1, 200):  # the point is rounded to 0.01
                    continue
                growing = _growing(party_gains, s.point, k, sign * -(Fraction(high) - Fraction(low)) / 100)
                if growing:
                    named = [(names or {}).get(p, p) for p in growing]
                    who: Raw | Text = Raw(named[0])
                    if len(named) > 1:  # "A and B", "A, B and C"
                        who = Text("agree.and", first=Raw(", ".join(named[:-1])), last=Raw(named[-1]))
                    # the gain grows towards the limit: as the input falls at the lower one (review 57 M1)
                    notes.append(
                        Text(
                            "agree.on_edge_assumed",
                            rule=s.rule,
                            path=Raw(path),
                            end=Text(word),
                            who=who,
                            moves=Text(moves),
                        )
                    )
                else:
                    notes.append(Text("agree.on_edge", rule=s.rule, path=Raw(path), end=Text(word)))
    return notes


def _unpriced_services(partnership: Partnership, vary: Sequence[str], conditions: Sequence[Any]) -> list[Text]:
    """A note for each varied service price the company's condition leaves out: the service has no market price.

    The company's saving weighs only the services with a market price (what another supplier
    would charge); varying another's price moved the SØV's gain alone, and the zone said the
    company gained "whatever the inputs" (review 56 F1).
    """
    services = getattr(partnership, "services", None)
    if services is None or not any(c.party == "company" for c in conditions):
        return []
    out = []
    for path in vary:
        match = re.fullmatch(r"services\.(\d+)\.(price|contract_sum)", path)
        if match is None or int(match[1]) >= len(services) or services[int(match[1])].market_per_year() is not None:
            continue
        market = "market_sum" if match[2] == "contract_sum" else "market_price"
        out.append(
            Text(
                "agree.unpriced_service",
                path=Raw(path),
                service=Raw(services[int(match[1])].name),
                field=Raw(f"services.{match[1]}.{market}"),
            )
        )
    return out


# the payer without a condition (its note's key) → the notes that then say so, by the note they replace
_UNCOUNTED = {
    "agree.no_company": {
        "agree.not_transfer": "agree.not_transfer_unpriced",
        "agree.on_edge_assumed": "agree.on_edge_unpriced",
    },
    "agree.no_municipality": {
        "agree.not_transfer": "agree.not_transfer_unpriced_municipality",
        "agree.on_edge_assumed": "agree.on_edge_unpriced_municipality",
    },
    "agree.unpriced_service": {
        "agree.not_transfer": "agree.not_transfer_unpriced_service",
        "agree.on_edge_assumed": "agree.on_edge_unpriced_service",
    },
}


def _uncounted(notes: tuple[str, ...]) -> tuple[str, ...]:
    """The notes, saying why the total gain moves where a paying party has no condition.

    Without one, what an input costs the company (the overhead it pays) or the municipality
    (the course price) counts as a gain to the others and a loss to nobody: the total seems to
    grow with it, and max-min pushes the point to the range's end. "Not a payment between the
    parties" would mislead there (review 49 F2: the municipality pays the course price).
    """
    said = {getattr(n, "key", None) for n in notes}
    for missing, replaced in _UNCOUNTED.items():  # the company's first, where neither has a condition
        if missing in said:
            return tuple(
                Text(replaced[n.key], **n.args) if isinstance(n, Text) and n.key in replaced else n for n in notes
            )
    return notes


def _growing(party_gains: Any, point: Sequence[Decimal], k: int, inward: Fraction) -> list[str]:
    """The parties whose gain grows towards a limit along input k, when the total gain grows too; else []."""
    if party_gains is None:
        return []
    at = tuple(Fraction(x) for x in point)
    before = tuple(x + inward if j == k else x for j, x in enumerate(at))
    here, there = party_gains(at), party_gains(before)
    if here is None or there is None:
        return []
    tolerance = Fraction(len(here), 100)  # an øre per party
    total = sum(here.values(), Fraction(0)) - sum(there.values(), Fraction(0))
    if total <= tolerance:
        return []  # a payment between the parties (or the total falls): a wider range would find the point
    return [p for p in here if here[p] - there[p] > tolerance]


def _coefficient(x: Fraction) -> str:
    """A boundary's coefficient to six significant digits, half up, never in exponent form (1,788,800).

    2,803.125 is ``2,803.13`` (the library's rule; a float's ``.6g`` gave 2,803.12); 24 is
    ``24``; 1/3 is ``0.333333``.
    """
    if x == 0:
        return "0"
    if x >= 10**6:
        return f"{_round(x, 0):,.0f}"
    lead = Decimal(x.numerator).adjusted() - Decimal(x.denominator).adjusted()  # the first digit's place, ±1
    if Fraction(10) ** lead > x:
        lead -= 1
    places = max(0, 5 - lead)
    shown = _round(x, places)
    if places and shown.adjusted() > lead:  # 999.9995 → 1,000.00: one place less, as six digits
        shown = _round(x, places - 1)
    text = f"{shown:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True, slots=True)
class Shortfall:
    """A party whose condition rules the zone out, and by how much.

    ``amount`` (DKK, over the period or as a present value) is how far the party's gain
    stays below its floor at the best point the other parties allow; ``at`` is that
    point (the inputs in their own units).
    """

    condition: PartyCondition
    amount: Decimal
    at: tuple[Decimal, ...]

    def __str__(self) -> str:
        return self.text()

    def text(self, lang: Lang = "en") -> str:
        """The shortfall in words, in English or Danish (``lang="da"``)."""
        c = self.condition
        if c.year:  # one of a party's years (the per-year basis): say which
            amount = Money(self.amount)
            text = Text("agree.short_year", name=Raw(c.name), label=c.label, year=Period(c.year), amount=amount)
            return Translator(lang)(text)
        return Translator(lang)(Text("agree.short", name=Raw(c.name), label=c.label, amount=Money(self.amount)))


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested point inside the zone and its rule.

    Attributes:
        rule: the rule in words.
        point: the inputs (their own units), rounded to two decimals.
        gains: each party's gain over its floor there (DKK), from :func:`evaluate` at
            the rounded point.

    """

    rule: str
    point: tuple[Decimal, ...]
    gains: Mapping[str, Decimal]


@dataclass(frozen=True)
class GridTrace:
    """The grid a non-linear zone was traced on: axes, and each condition's gain per point (DKK, float)."""

    axes: tuple[tuple[float, ...], ...]
    gains: tuple[Any, ...] = field(compare=False)  # numpy arrays, one per condition, shaped like the grid


@dataclass(frozen=True)
class AgreementZone:
    """The result of :func:`agreement`.

    Attributes:
        vary: the inputs varied (scenario paths).
        units: their units.
        current: today's terms (the scenario's values).
        bounds: the range searched for each input (from 0 unless given).
        method: ``exact`` (linear conditions, exact half-planes) or ``grid``.
        basis: ``present_value`` or ``per_year`` (over several years), else ``period``.
        conditions: each party's condition.
        boundaries: each condition's boundary line.
        intervals: with one input, where every condition holds (exact ends); one
            interval when linear.
        interval_ends: for each interval, what sets its low and high end (a party's
            condition, or a limit of the range searched).
        vertices: with two inputs and linear conditions, the zone's corners
            (anticlockwise); ``edges`` names what bounds each edge (from a corner to
            the next).
        grid: with non-linear conditions, the grid traced.
        inside: with non-linear conditions and two inputs, the grid points in the zone.
        binding: when the zone is empty, the parties that rule it out, smallest
            shortfall first.
        suggestions: suggested points inside the zone.
        notes: what the answer leaves out (a party without a stated alternative).
        partnership: the scenario.

    """

    vary: tuple[str, ...]
    units: tuple[str, ...]
    current: Point
    bounds: tuple[tuple[Fraction, Fraction], ...]
    method: Literal["exact", "grid"]
    basis: Literal["present_value", "per_year", "period"]
    conditions: tuple[PartyCondition, ...]
    boundaries: tuple[Boundary, ...]
    intervals: tuple[tuple[Fraction, Fraction], ...] = ()
    interval_ends: tuple[tuple[str, str], ...] = ()
    vertices: tuple[tuple[Fraction, Fraction], ...] = ()
    edges: tuple[str, ...] = ()
    grid: GridTrace | None = None
    inside: tuple[tuple[Fraction, Fraction], ...] = ()
    binding: tuple[Shortfall, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    notes: tuple[str, ...] = ()
    partnership: Partnership | None = field(default=None, repr=False, compare=False)
    _terms: Mapping[str, _Floor] = field(default_factory=dict, repr=False, compare=False)

    @property
    def empty(self) -> bool:
        """No combination of the inputs in range satisfies every party."""
        return not (self.intervals or self.vertices or self.inside)

    @property
    def interval(self) -> tuple[Fraction, Fraction] | None:
        """With one input: the interval of values that work (None when empty).

        Raises:
            AgreementError: two inputs, or a non-linear zone in several pieces.

        """
        if len(self.vary) != 1:
            raise AgreementError("interval: the zone of two inputs is a polygon; see vertices")
        if len(self.intervals) > 1:
            raise AgreementError(f"interval: the zone has {len(self.intervals)} pieces; see intervals")
        return self.intervals[0] if self.intervals else None

    @property
    def interval_decimal(self) -> tuple[Decimal, Decimal] | None:
        """:attr:`interval` to two decimals (øre for a price), rounded inward.

        The low end is rounded up and the high end down, so both shown ends lie inside
        the zone (a low end of 0.7442 is shown as 0.75, not 0.74, where a party would be
        short). An interval narrower than that keeps more decimals.
        """
        iv = self.interval
        return None if iv is None else _inward(*iv)

    def contains(self, values: PointValues) -> bool:
        """Whether a point (the inputs in their own units, or quantities of their kind) is in the zone.

        A point is a sequence of one value per input (``[300]``, ``[35, 12000]``), or a mapping
        of the inputs' paths to their values (``{"courses.price": 12000, …}``); a zone over
        one input also takes the value alone (``300``, ``"300 DKK/hour"``). Exact zones are
        tested against their half-planes; traced zones by evaluating.

        Raises:
            AgreementError: a point of the wrong length or a value of the wrong kind.

        """
        point = self._point(values)
        if any(not lo <= x <= hi for x, (lo, hi) in zip(point, self.bounds, strict=True)):
            return False
        if self.method == "exact":
            return all(_line_value(b.coefficients, point) >= 0 for b in self.boundaries if b.coefficients)
        assert self.partnership is not None  # noqa: S101 - always set by agreement()
        try:
            return min(self.gains_at(point).values(), default=Decimal(0)) >= 0
        except AgreementError:
            return False  # a point the scenario refuses is not in the zone

    def gains_at(self, values: PointValues) -> dict[str, Decimal]:
        """Each condition's gain over its floor (DKK) at a point, by :func:`evaluate`.

        The point's values as for :meth:`contains`. Keys are the conditions' text (``str(condition)``).

        Raises:
            AgreementError: a point of the wrong length, a value of the wrong kind, or a
                point the scenario refuses.

        """
        assert self.partnership is not None  # noqa: S101 - always set by agreement()
        point = self._point(values)
        probe = _Probe(self.partnership, self.vary, self.conditions, _basis_of(self), self._terms or None)
        gains = probe.accepted_gains(point, "gains_at")
        return {str(c): _round(g) for c, g in zip(self.conditions, gains, strict=True)}

    def _point(self, values: PointValues) -> Point:
        """A point's values as exact numbers in the inputs' units (see :meth:`contains`)."""
        n = len(self.vary)
        if values is None:
            raise ArgumentTypeError(
                f"point: expected the value of {' and '.join(self.vary)} "
                f"({'a number or quantity' if n == 1 else 'as a sequence'}); got None"
            )
        if isinstance(values, Mapping):  # {path: value}: the inputs by name, in any order
            if set(values) != set(self.vary):
                given = ", ".join(map(str, values))
                raise AgreementError(f"point: give a value for each input varied, {', '.join(self.vary)}; got {given}")
            values = [values[path] for path in self.vary]
        if isinstance(values, (str, bytes, numbers.Number, pint.Quantity)) and not (
            isinstance(values, pint.Quantity) and getattr(values.magnitude, "ndim", 0) == 1
        ):
            if n != 1:  # a string is one value, not a sequence of characters
                raise AgreementError(
                    f"point: give one value per input ({', '.join(self.vary)}) as a sequence, got {values!r:.40}"
                )
            items: list[Any] = [values]
        else:
            items = list(cast("Iterable[PointValue]", values))  # mypy cannot narrow by numbers.Number
        if len(items) != n:
            raise AgreementError(
                f"point: expected {n} value{'s' if n > 1 else ''} ({', '.join(self.vary)}), got {len(items)}"
            )
        return tuple(_number(v, p, u) for v, p, u in zip(items, self.vary, self.units, strict=True))

    def __str__(self) -> str:
        return self.text()

    def text(self, lang: Lang = "en") -> str:
        """The zone in words: conditions, boundaries, the zone, suggestions and notes.

        ``lang="da"``: in Danish, numbers included (``fra 12.033,34 … til 20.000,00 kr./md.``).
        The English text is ``str(zone)``.
        """
        t = Translator(lang)
        en = t.lang == "en"

        def unit(u: str) -> str:
            return u if en else t.stated_unit(u)

        def number(x: Fraction | Decimal) -> str:
            value = _round(x)
            return str(value) if en else t.number(value)  # a corner's coordinates: no grouping commas among them

        def said(key: str, **args: Any) -> str:
            return t(Text(key, **{k: v if isinstance(v, Text) else Raw(str(v)) for k, v in args.items()}))

        inputs = ", ".join(f"{p} ({unit(u)})" if unit(u) else p for p, u in zip(self.vary, self.units, strict=True))
        lines = [said("agree.title", inputs=inputs)]
        method, basis = Text(f"agree.method.{self.method}"), Text(f"agree.basis.{self.basis}")
        lines.append("  " + said("agree.method_basis", method=method, basis=basis))
        for i, b in enumerate(self.boundaries):
            lines.append("  " + said("agree.condition", condition=b.condition.text(t.lang)))
            if b.coefficients is not None:
                lines.append("    " + said("agree.boundary", equation=b.equation(self.vary, t.lang)))
            elif (constant := self._constant_on_grid(i)) is not None:  # traced, and the inputs do not move it
                key = "agree.always" if constant >= 0 else "agree.never"
                lines.append("    " + said("agree.boundary", equation=t(Text(key, amount=Money(abs(constant))))))
        if self.empty:
            lines.append("  " + t("agree.empty"))
            lines += [f"    {s.text(t.lang)}" for s in self.binding]
        elif len(self.vary) == 1:
            for (lo, hi), (by_lo, by_hi) in zip(self.intervals, self.interval_ends, strict=True):
                low, high = _inward(lo, hi)  # both shown ends inside the zone
                lines.append(
                    "  "
                    + said(
                        "agree.interval",
                        # thousands grouped, as in the boundaries
                        low=f"{low:,}" if en else t.number(low, max(2, -int(low.as_tuple().exponent))),
                        by_low=t(by_lo),
                        high=f"{high:,}" if en else t.number(high, max(2, -int(high.as_tuple().exponent))),
                        by_high=t(by_hi),
                        unit=unit(self.units[0]),
                    ).rstrip()  # no trailing space after a pure number
                )
        elif self.vertices:
            lines.append("  " + t("agree.corners"))
            for (x, y), edge in zip(self.vertices, self.edges, strict=True):
                cx, cy = self._corner_inside(x, y)  # already on the grid: number() keeps them
                lines.append("    " + said("agree.corner", x=number(cx), y=number(cy), edge=t(edge)))
        else:
            lines.append("  " + said("agree.inside", count=len(self.inside)))
        for s in self.suggestions:
            point = ", ".join(str(v) for v in s.point) if en else "; ".join(t.number(v) for v in s.point)
            point = f"({point})" if len(s.point) > 1 else point  # a point of two inputs; one number alone
            gains = "; ".join(f"{k}: {v:,.2f}" if en else f"{k}: {t.number(v)}" for k, v in s.gains.items())
            lines.append("  " + said("agree.suggested", rule=t(s.rule), point=point, gains=gains))
        lines += ["  " + said("agree.note", note=t(n)) for n in self.notes]
        return "\n".join(lines)

    def _corner_inside(self, x: Fraction, y: Fraction, places: int = 2) -> tuple[Decimal, Decimal]:
        """A vertex as shown: on the grid of ``places`` decimals, inside the zone where a nearby grid point is."""
        lines = [b.coefficients for b in self.boundaries if b.coefficients is not None and len(b.coefficients) == 3]
        return _corner(Fraction(x), Fraction(y), lines, places)

    def _constant_on_grid(self, i: int) -> Decimal | None:
        """Condition ``i``'s gain where it is the same at every grid point (to the øre), else None."""
        if self.grid is None:
            return None
        import numpy as np

        values = np.asarray(self.grid.gains[i], dtype=float)
        values = values[np.isfinite(values)]
        if values.size == 0 or float(values.max() - values.min()) >= 0.005:
            return None
        return Decimal(f"{float(values[0]):.2f}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; numbers are decimal strings (inputs to 6 decimals, money to øre)."""

        def num(x: Fraction) -> str:
            return format(round_half_up(x, 6).normalize(), "f")

        def inward(lo: Fraction, hi: Fraction) -> tuple[str, str]:  # an interval's ends inside it
            return tuple(format(x.normalize(), "f") for x in _inward(lo, hi, 6))  # type: ignore[return-value]

        return {
            "vary": list(self.vary),
            "units": list(self.units),
            "current": [num(x) for x in self.current],
            "bounds": [[num(lo), num(hi)] for lo, hi in self.bounds],
            "method": self.method,
            "basis": self.basis,
            "empty": self.empty,
            "conditions": [
                {
                    "party": b.condition.party,
                    "name": b.condition.name,
                    "label": b.condition.label,
                    "result": b.condition.result,
                    "floor": b.condition.floor,
                    "year": b.condition.year,
                    "coefficients": None if b.coefficients is None else [num(c) for c in b.coefficients],
                }
                for b in self.boundaries
            ],
            "intervals": [
                {"low": inward(lo, hi)[0], "high": inward(lo, hi)[1], "low_set_by": a, "high_set_by": b}
                for (lo, hi), (a, b) in zip(self.intervals, self.interval_ends, strict=True)
            ],
            # each corner the nearest point of six decimals inside the zone (rounded half up, one may lie outside)
            "vertices": [[format(c.normalize(), "f") for c in self._corner_inside(x, y, 6)] for x, y in self.vertices],
            "edges": list(self.edges),
            "grid_points_inside": len(self.inside),
            "binding": [
                {
                    "party": s.condition.party,
                    "label": s.condition.label,
                    "year": s.condition.year,
                    "shortfall": str(s.amount),
                    "at": [str(v) for v in s.at],
                }
                for s in self.binding
            ],
            "suggestions": [
                {"rule": s.rule, "point": [str(v) for v in s.point], "gains": {k: str(v) for k, v in s.gains.items()}}
                for s in self.suggestions
            ],
            "notes": list(self.notes),
        }


# -- helpers ------------------------------------------------------------------------------


def _corner(
    x: Fraction, y: Fraction, lines: Sequence[tuple[Fraction, ...]], places: int = 2
) -> tuple[Decimal, Decimal]:
    """A corner of the zone as shown: the nearest point of the ``places``-decimal grid inside it.

    Inside: every boundary's gain ``a + b₁·x + b₂·y`` at least zero. Rounded half up, a
    corner may lie outside (with an overhead in percent, 0.01 point is worth about a
    hundred kroner of present value), and where the zone is a narrow wedge none of the
    grid points around it is inside. So along each grid line within 50 steps of the corner
    (in either input) the nearest point inside is found exactly (on a grid line the zone is
    an interval), and the nearest of those is shown; where there is none, the grid of one
    more decimal is searched, up to 9, then the corner is shown half up to 9 decimals.
    """
    for p in range(places, 10):
        found = _grid_corner(x, y, lines, p)
        if found is not None:
            return found
    return _round(x, 9), _round(y, 9)


def _grid_corner(
    x: Fraction, y: Fraction, lines: Sequence[tuple[Fraction, ...]], places: int
) -> tuple[Decimal, Decimal] | None:
    """The nearest point of the ``places``-decimal grid inside the zone, on grid lines within 50 steps of (x, y)."""
    scale = Fraction(10) ** places
    sx, sy = x * scale, y * scale  # the corner in grid steps
    scaled = [(a * scale, b1, b2) for a, b1, b2 in lines]  # a + b·(i / scale) ≥ 0 as a·scale + b·i ≥ 0

    def along(fixed: int, own: Fraction, first: bool) -> int | None:
        """On the grid line where one input is ``fixed`` steps, the step of the other nearest ``own`` inside."""
        lo: Fraction | None = None
        hi: Fraction | None = None
        for a, b1, b2 in scaled:
            rest, b = (a + b1 * fixed, b2) if first else (a + b2 * fixed, b1)  # rest + b·k ≥ 0
            if b == 0:
                if rest < 0:
                    return None
            elif b > 0:
                lo = -rest / b if lo is None else max(lo, -rest / b)
            else:
                hi = rest / -b if hi is None else min(hi, rest / -b)
        k = round(own)
        if lo is not None:
            k = max(k, math.ceil(lo))
        if hi is not None:
            k = min(k, math.floor(hi))
        return k if lo is None or k >= lo else None

    candidates: list[tuple[int, int]] = []
    for step in range(math.floor(sx) - 50, math.floor(sx) + 52):
        other = along(step, sy, first=True)
        if other is not None:
            candidates.append((step, other))
    for step in range(math.floor(sy) - 50, math.floor(sy) + 52):
        other = along(step, sx, first=False)
        if other is not None:
            candidates.append((other, step))
    if not candidates:
        return None
    i, j = min(candidates, key=lambda p: ((p[0] - sx) ** 2 + (p[1] - sy) ** 2, p))
    return Decimal(i).scaleb(-places), Decimal(j).scaleb(-places)


def _round(x: Fraction | Decimal, places: int = 2) -> Decimal:
    return round_half_up(Fraction(x), places)


def _inward(lo: Fraction, hi: Fraction, places: int = 2) -> tuple[Decimal, Decimal]:
    """An interval's ends rounded inward: the low end up, the high end down, so both lie inside.

    Where no number of ``places`` decimals lies inside (an interval narrower than that),
    more decimals, up to 9, then half up.
    """
    for p in range(places, 10):
        scale = Fraction(10) ** p
        low = Decimal(math.ceil(lo * scale)).scaleb(-p)
        high = Decimal(math.floor(hi * scale)).scaleb(-p)
        if low <= high:
            return low, high
    return _round(lo, 9), _round(hi, 9)


def _number(value: Any, what: str, unit: str | None = None) -> Fraction:
    """A number in the input's own ``unit``; text is read exactly (``'12033.33'``).

    With ``unit`` (a varied input's), a value may also carry a unit of its kind
    (``"108000 DKK/year"`` for a price per month), converted exactly.
    """
    if unit is not None:
        value = in_input_unit(value, unit or "dimensionless", False, what, AgreementError)
    if isinstance(value, bool):
        raise AgreementError(f"{what}: expected a number, got {value!r}")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, str):
        try:  # the library's one reading of a typed number: 11.000 and 0,15 get the fix they get elsewhere
            return Fraction(read_number(value.strip(), what=what))
        except QuantityError as exc:
            raise AgreementError(f"{what}: {exc.reason}") from None
    if isinstance(value, Decimal) and not value.is_finite():
        raise AgreementError(f"{what}: expected a finite number, got {value!r}")
    if isinstance(value, (Decimal, int)):
        return Fraction(value)
    try:
        if hasattr(value, "__index__"):  # numpy integers
            return Fraction(int(value))
        number = float(value)  # floats, numpy floats: the decimal their repr shows
    except (TypeError, ValueError):
        raise AgreementError(f"{what}: expected a number, got {value!r}") from None
    if not math.isfinite(number):
        raise AgreementError(f"{what}: expected a finite number, got {value!r}")
    return Fraction(Decimal(repr(number)))


def _text(x: Fraction, unit: str) -> str:
    """The shortest decimal text of ``x`` with at most 15 significant digits (what a scenario holds).

    Three decimals get a fourth (``22.385`` → ``22.3850``): the reader refuses ``22.385`` as
    ambiguous (22,385 in Danish), which would put every such grid point outside the zone.
    """
    d = round_half_up(x, 0)
    for places in range(1, 16):
        if Fraction(d) == x:
            break
        finer = round_half_up(x, places)
        if len(finer.normalize().as_tuple().digits) > 15:
            break
        d = finer
    return f"{unambiguous(format(d.normalize(), 'f'))} {unit}".strip()


def _leaf(data: Any, path: str) -> tuple[Any, str | int]:
    target = data
    keys = path.split(".")
    try:
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        last: str | int = int(keys[-1]) if isinstance(target, list) else keys[-1]
        target[last]
    except (KeyError, IndexError, ValueError, TypeError):
        raise AgreementError(f"no input {path!r} in this scenario", path=path) from None
    return target, last


def _line_value(coefficients: tuple[Fraction, ...] | None, point: Point) -> Fraction:
    assert coefficients is not None  # noqa: S101 - exact zones only
    a, *b = coefficients
    return a + sum((c * x for c, x in zip(b, point, strict=True)), Fraction(0))


def _basis_of(zone: AgreementZone) -> Basis:
    return "per_year" if zone.basis == "per_year" else "present_value"


# -- evaluating the conditions --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Floor:
    margin: Fraction  # share of the support-staff cost
    amount: Fraction  # DKK per year (negative: a limit on a net cost)


def _exact_of(quantity: Any) -> Fraction:
    """A quantity's exact canonical value as a Fraction: the zone's arithmetic is in Fractions."""
    return fraction(canonical(quantity))


def _price_levels(p: Partnership, n: int) -> list[Fraction]:
    """Each year's price level against the first: ``(1 + price_growth)^t`` over a horizon, else 1.

    A floor or limit (``agreement.soev_minimum``, ``municipal_limit``) is money a year in the
    first year's prices, grown as every other money input of the scenario is; a spin-off's
    years are in constant prices.
    """
    horizon = p.horizon
    growth = Fraction(0) if horizon is None else fraction(canonical(horizon.price_growth))
    return [(1 + growth) ** t for t in range(n)]


def _discount_factors(p: Partnership, n: int) -> list[Fraction]:
    """1 / (1 + r)^t at the Finansministeriet rates: the engine's own factors behind ``npv.*``."""
    return [fraction(f) for f in engine.discount_factors(p, n)]


class _Probe:
    """Evaluates the scenario with the varied inputs set, and each condition's gain there."""

    def __init__(
        self,
        partnership: Partnership,
        vary: Sequence[str],
        conditions: Sequence[PartyCondition],
        basis: Basis,
        floors: Mapping[str, _Floor] | None = None,
    ) -> None:
        self.partnership = partnership
        self.vary = tuple(vary)
        self.conditions = tuple(conditions)
        self.basis = basis
        self.data = partnership.model_dump(mode="json", exclude_none=True)
        self.units: list[str] = []
        current: list[Fraction] = []
        for path in self.vary:
            try:
                parent, last = _leaf(self.data, path)
            except AgreementError as exc:  # with the nearest input, as solve and sweep name it (review 58 L6)
                raise AgreementError(f"{exc}{paths.did_you_mean(partnership, path)}", path=path) from None
            value = parent[last]
            if isinstance(value, bool) or not isinstance(value, str):
                raise AgreementError(
                    f"{path}: vary a price or an amount (a number with a unit), not {value!r}; "
                    "for whole numbers of people use sweep",
                    path=path,
                )
            try:
                with number_format(PLAIN):  # the library's own dump, whatever format the caller has set
                    number, unit = split_quantity(value, what=path)
            except QuantityError:
                raise AgreementError(f"{path}: not a numeric input (got {value!r})", path=path) from None
            current.append(Fraction(number))
            self.units.append(unit)
        self.current: Point = tuple(current)
        self.floors = dict(floors or _floors(partnership, None))
        self.count = 0

    def variant(self, point: Point) -> Partnership:
        data = copy.deepcopy(self.data)
        for path, x, unit in zip(self.vary, point, self.units, strict=True):
            parent, last = _leaf(data, path)
            parent[last] = _text(x, unit)
        with number_format(PLAIN):  # the scenario's own dump and the values put in it are plain text
            return type(self.partnership).model_validate(data)

    def refusal(self, point: Point) -> str | None:
        """Why the scenario refuses the inputs at a point (its validation message), or None."""
        try:
            self.variant(point)
        except ValidationError as exc:
            return str(exc.errors()[0]["msg"])
        return None

    def accepted_gains(self, point: Point, what: str) -> list[Fraction]:
        """:meth:`gains`, a point the scenario refuses raising :class:`AgreementError` (never a raw ValidationError)."""
        try:
            return self.gains(point)
        except ValidationError as exc:
            shown = ", ".join(_text(x, u) for x, u in zip(point, self.units, strict=True))
            raise AgreementError(
                f"{what}: the scenario refuses {', '.join(self.vary)} = {shown}: {exc.errors()[0]['msg']}"
            ) from None

    def evaluation(self, point: Point) -> Evaluation:
        self.count += 1
        return evaluate(self.variant(point))

    def gains(self, point: Point) -> list[Fraction]:
        return _gains(self.evaluation(point), self.conditions, self.floors, self.basis)


def _floors(p: Partnership, overrides: Mapping[str, Any] | None) -> dict[str, _Floor]:
    terms = p.agreement or AgreementTerms()
    if overrides:
        # the caller's values read as the caller writes them (its number_format), the scenario's as they are
        given = AgreementTerms.model_validate(overrides)
        terms = terms.model_copy(update={name: getattr(given, name) for name in overrides})
    margin = Fraction(0) if terms.soev_margin is None else _exact_of(terms.soev_margin)
    minimum = Fraction(0) if terms.soev_minimum is None else _exact_of(terms.soev_minimum)
    limit = Fraction(0) if terms.municipal_limit is None else _exact_of(terms.municipal_limit)
    return {
        "social_enterprise": _Floor(margin, minimum),
        "company": _Floor(Fraction(0), Fraction(0)),
        "municipality": _Floor(Fraction(0), -limit),
    }


def _part_gain(results: Mapping[str, Decimal | None], cond: PartyCondition, floor: _Floor, years: Fraction) -> Fraction:
    value = results.get(cond.result)
    if value is None:
        raise AgreementError(f"{cond.result}: no value for this scenario (needed for {cond.name}'s condition)")
    cost = results.get("cost") or Decimal(0)
    return Fraction(value) - floor.margin * Fraction(cost) - floor.amount * years


def _gains(
    ev: Evaluation, conditions: Sequence[PartyCondition], floors: Mapping[str, _Floor], basis: Basis
) -> list[Fraction]:
    """Each condition's gain over its floor, DKK: over the period, per year, or as a present value."""
    parts = ev.breakdown
    if not parts:
        results = ev.results()
        years = _exact_of(ev.partnership.period)
        return [_part_gain(results, c, floors[c.party], years) for c in conditions]
    per_part = [p.results() for p in parts]
    labels = [p.ledger.period for p in parts]
    factors = _discount_factors(ev.partnership, len(parts))
    levels = _price_levels(ev.partnership, len(parts))  # a floor a year, grown with prices as the inputs are
    out = []
    for c in conditions:
        if c.year is not None:
            t = labels.index(c.year)
            out.append(_part_gain(per_part[t], c, floors[c.party], levels[t]))
        else:
            out.append(
                sum(
                    (
                        f * _part_gain(r, c, floors[c.party], level)
                        for f, r, level in zip(factors, per_part, levels, strict=True)
                    ),
                    Fraction(0),
                )
            )
    return out


def _grown_words(p: Partnership, ev: Evaluation) -> Text | Raw:
    """`` in 2026 prices, grown with price_growth`` where a horizon grows its money inputs, else nothing."""
    if p.horizon is None or not ev.breakdown or canonical(p.horizon.price_growth) == 0:
        return Raw("")
    return Text("agree.floor_grown", year=Period(ev.breakdown[0].ledger.period))


def _conditions(
    p: Partnership, ev: Evaluation, floors: Mapping[str, _Floor], basis: Basis
) -> tuple[list[PartyCondition], list[str]]:
    """Each party's condition, from what the scenario states; notes on what is missing."""
    names = ev.parties
    notes: list[str] = []
    specs: list[tuple[str, str, str, str]] = []
    f = floors["social_enterprise"]
    share = round_half_up(f.margin * 100, 6).normalize()
    margin_words = Text("agree.floor_margin", share=Number(share, max(0, -int(share.as_tuple().exponent))))
    grown = _grown_words(p, ev)
    amount_words = Text("agree.floor_amount", amount=Money(_round(f.amount)), grown=grown)
    floor_words: str = (
        Text("agree.floor_both", margin=margin_words, amount=amount_words)
        if f.margin and f.amount
        else margin_words
        if f.margin
        else amount_words
        if f.amount
        else "0"
    )
    # over several years on present values: not the undiscounted coverage solve and evaluate report
    covers = "agree.covers_staff_pv" if basis == "present_value" and ev.breakdown else "agree.covers_staff"
    specs.append(("social_enterprise", Text(covers), "surplus", floor_words))
    results = (ev.breakdown[0] if ev.breakdown else ev).results()
    company = p.COMPANY_GAIN
    if company is not None and company in results:
        label = Text("agree.gains_alternative" if company == "company_saving" else "agree.gains_helpers")
        specs.append(("company", label, company, "0"))
    else:
        notes.append(Text("agree.no_company", hint=_COMPANY_HINT.get(p.MODEL, Text("agree.hint.none"))))
    limit = -floors["municipality"].amount
    limit_words: str = Text("agree.floor_limit", amount=Money(_round(limit)), grown=grown) if limit else "0"
    if p.public is not None:
        label = Text("agree.costs_accepted" if limit else "agree.no_worse_off")
        specs.append(("municipality", label, "public.municipality", limit_words))
    elif limit and "net.municipality" in results:
        specs.append(("municipality", Text("agree.pays_limit"), "net.municipality", limit_words))
    elif "net.municipality" in results or getattr(p, "municipality", None) is not None:
        notes.append(Text("agree.no_municipality"))
    labels = [part.ledger.period for part in ev.breakdown] if basis == "per_year" and ev.breakdown else [None]
    out = [
        PartyCondition(party, names.get(party, party), label, result, floor, year)
        for party, label, result, floor in specs
        for year in labels
    ]
    return out, notes


# -- exact geometry -------------------------------------------------------------------------

_Line = tuple[Fraction, ...]  # (a, b1[, b2]): a + b·x ≥ 0


def _cut(polygon: list[tuple[Point, str]], line: _Line, label: str) -> list[tuple[Point, str]]:
    """Sutherland-Hodgman: the convex polygon cut by the half-plane ``line ≥ 0``, edges labelled."""
    out: list[tuple[Point, str]] = []
    n = len(polygon)
    for i in range(n):
        (p, edge), q = polygon[i], polygon[(i + 1) % n][0]
        fp, fq = _line_value(line, p), _line_value(line, q)
        if fp >= 0:
            out.append((p, edge))
            if fq < 0:
                out.append((_between(p, q, fp, fq), label))
        elif fq >= 0:
            out.append((_between(p, q, fp, fq), edge))
    # drop repeated corners (a cut through a corner), keeping the later edge's label
    clean: list[tuple[Point, str]] = []
    for point, edge in out:
        if clean and clean[-1][0] == point:
            clean[-1] = (point, edge)
        else:
            clean.append((point, edge))
    while len(clean) > 1 and clean[0][0] == clean[-1][0]:
        clean[0] = (clean[0][0], clean[-1][1])
        clean.pop()
    return clean


def _between(p: Point, q: Point, fp: Fraction, fq: Fraction) -> Point:
    t = fp / (fp - fq)
    return tuple(a + t * (b - a) for a, b in zip(p, q, strict=True))


def _lower(path: str) -> str:
    return Text("agree.lower_limit", path=Raw(path))


def _upper(path: str) -> str:
    return Text("agree.upper_limit", path=Raw(path))


def _box(bounds: Sequence[tuple[Fraction, Fraction]], vary: Sequence[str]) -> list[tuple[Point, str]]:
    (x0, x1), (y0, y1) = bounds
    return [
        ((x0, y0), _lower(vary[1])),
        ((x1, y0), _upper(vary[0])),
        ((x1, y1), _upper(vary[1])),
        ((x0, y1), _lower(vary[0])),
    ]


def _polygon(
    bounds: Sequence[tuple[Fraction, Fraction]], vary: Sequence[str], lines: Sequence[tuple[_Line, str]]
) -> list[tuple[Point, str]]:
    polygon = _box(bounds, vary)
    for line, label in lines:
        if not polygon:
            break
        polygon = _cut(polygon, line, label)
    return polygon


def _segment(
    bounds: Sequence[tuple[Fraction, Fraction]], vary: Sequence[str], lines: Sequence[tuple[_Line, str]]
) -> tuple[Fraction, Fraction, str, str] | None:
    """One input: the interval where every line is ≥ 0, and what sets each end."""
    (lo, hi) = bounds[0]
    by_lo, by_hi = _lower(vary[0]), _upper(vary[0])
    for (a, b), label in lines:
        if b == 0:
            if a < 0:
                return None
            continue
        root = -a / b
        if b > 0 and root > lo:
            lo, by_lo = root, label
        elif b < 0 and root < hi:
            hi, by_hi = root, label
    return (lo, hi, by_lo, by_hi) if lo <= hi else None


def _default_bounds(
    current: Point,
    lines: Sequence[_Line],
    given: Sequence[tuple[Fraction | None, Fraction | None]],
    vary: Sequence[str],
) -> list[tuple[Fraction, Fraction]]:
    """From 0 (or the given low) to a round number past every boundary's corner and today's terms."""
    d = len(current)
    reach = list(current)
    for line in lines:
        for k in range(d):  # where a line meets the axes
            if line[k + 1] != 0:
                reach[k] = max(reach[k], -line[0] / line[k + 1])
    if d == 2:
        for (a1, b1, c1), (a2, b2, c2) in itertools.combinations(lines, 2):
            det = b1 * c2 - b2 * c1
            if det != 0:
                reach[0] = max(reach[0], (-a1 * c2 + a2 * c1) / det)
                reach[1] = max(reach[1], (-b1 * a2 + b2 * a1) / det)
    out = []
    for k in range(d):
        given_lo, given_hi = given[k]
        lo = given_lo if given_lo is not None else Fraction(0)
        hi = given_hi if given_hi is not None else _nice_up(max(reach[k] * Fraction(3, 2), lo + 1))
        if hi <= lo:
            raise AgreementError(_empty_range(vary[k], lo, hi), path=vary[k])
        out.append((lo, hi))
    return out


def _empty_range(path: str, lo: Fraction, hi: Fraction) -> str:
    """The error for a range of one input that holds no value (its ends equal, or only a high end at or below 0)."""
    return (
        f"bounds[{path}]: the range {_text(lo, '')}..{_text(hi, '')} holds no value; "
        "give two different ends (or a high end above the low end of 0)"
    )


def _nice_up(x: Fraction) -> Fraction:
    """The smallest 1, 2 or 5 × 10ⁿ at or above x (x > 0)."""
    step = Fraction(1)
    while step > x:
        step /= 10
    while step * 10 <= x:
        step *= 10
    for m in (1, 2, 5, 10):
        if step * m >= x:
            return step * m
    return step * 10  # pragma: no cover - the loop always returns


# -- the function ----------------------------------------------------------------------------


@in_context
def agreement(
    partnership: Partnership,
    vary: Sequence[str] | str,
    *,
    bounds: Mapping[str, tuple[Any, Any]] | None = None,
    soev_margin: str | pint.Quantity[Any] | None = None,
    soev_minimum: str | pint.Quantity[Any] | None = None,
    municipal_limit: str | pint.Quantity[Any] | None = None,
    basis: Basis | None = None,
    contributions: Mapping[str, Decimal | int | str] | None = None,
    grid: int | None = None,
) -> AgreementZone:
    """Where every party's condition holds, for one or two negotiable inputs.

    Each party needs a gain over its floor of zero or more: the SØV its surplus after
    support staff (above ``soev_margin`` of the support-staff cost and ``soev_minimum``
    a year, if stated); the company its saving against its alternative (in-house
    alternative, skilled-hour value, ``temp_hours.alternative_price``, services'
    market prices); the municipality its public net effect (with ``public:``) or its
    payments, no lower than ``−municipal_limit`` a year. Floors default to the
    scenario's ``agreement:`` block; arguments override it. Over several years the
    gains are present values (``basis="present_value"``, as the ``npv.*`` figures) or
    each year's (``basis="per_year"``).

    Args:
        partnership: the scenario, with today's terms.
        vary: one or two input paths, e.g. ``["temp_hours.overhead", "courses.price"]``;
            a single path may be given as a string (``"courses.price"``).
        bounds: the range to search per input, ``(low, high)``: numbers in the input's
            unit, or quantities of its kind (``"108000 DKK/year"`` for a price per
            month); either may be None; by default from 0 to past every party's boundary.
        soev_margin: e.g. ``"5 %"`` (text or a quantity, as in a scenario).
        soev_minimum: e.g. ``"50000 DKK/year"``.
        municipal_limit: the net cost a year the municipality accepts, e.g.
            ``"400000 DKK/year"``.
        basis: ``present_value`` or ``per_year`` (only matters over several years).
        contributions: what each party brings (DKK), for the proportional suggestion;
            by default what each pays out in the ledger at today's terms.
        grid: points per input when the conditions are not linear (default 41 for two
            inputs, 201 for one; 3 to 2001, and at most 223 for two inputs: 50,000 points);
            each point is one evaluation, so a long horizon traced on a fine grid takes a while.

    Returns:
        The zone: an interval (one input) or a polygon (two), with each party's
        boundary, the binding parties when empty, and suggested points.

    Raises:
        AgreementError: an unknown or non-numeric input, bad bounds, or no party condition.

    """
    need_partnership(partnership, error=AgreementError)
    # checked whichever method runs (the exact one uses no grid): a wrong value is no silent no-op
    if grid is not None and (isinstance(grid, bool) or not isinstance(grid, numbers.Integral) or not 3 <= grid <= 2001):
        raise AgreementError(f"grid: between 3 and 2001 points per input, got {grid!r}")
    if not isinstance(vary, str) and not isinstance(vary, Iterable):
        raise ArgumentTypeError(
            f"vary: expected an input's scenario path or two, e.g. 'courses.price'; got {vary!r:.40}"
        )
    vary = (vary,) if isinstance(vary, str) else tuple(vary)  # one path, not its letters
    for path in vary:
        need_text(path, "vary", "an input's scenario path, e.g. 'courses.price',")
    if grid is not None and len(vary) == 2 and grid**2 > MAX_TRACED:
        # each point of a traced zone is one evaluation: 2001 × 2001 would run for hours
        most = math.isqrt(MAX_TRACED)
        raise AgreementError(
            f"grid: {grid} points per input over two inputs is {grid**2:,} evaluations; "
            f"at most {MAX_TRACED:,} are traced (grid={most} or fewer)"
        )
    if bounds is not None and not isinstance(bounds, Mapping):
        raise ArgumentTypeError(f"bounds: expected a mapping of input paths to (low, high); got {bounds!r:.40}")
    for path, pair in (bounds or {}).items():
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Sequence) or len(pair) != 2:
            raise ArgumentTypeError(
                f"bounds[{path}]: expected a (low, high) pair, either end None for none, e.g. (0, 60); got {pair!r:.40}"
            )
    if len(vary) not in (1, 2) or len(set(vary)) != len(vary):
        raise AgreementError(f"vary: give one or two different inputs, got {list(vary)}")
    overrides = {
        k: v
        for k, v in {
            "soev_margin": soev_margin,
            "soev_minimum": soev_minimum,
            "municipal_limit": municipal_limit,
            "basis": basis,
        }.items()
        if v is not None
    }
    try:
        floors = _floors(partnership, overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise AgreementError(f"{'.'.join(str(x) for x in first['loc'])}: {first['msg']}") from None
    chosen: Basis = (
        basis
        if basis is not None
        else (partnership.agreement.basis if partnership.agreement is not None else "present_value")
    )
    today = evaluate(partnership)
    conditions, notes = _conditions(partnership, today, floors, chosen)
    probe = _Probe(partnership, vary, conditions, chosen, floors)
    notes += _unpriced_services(partnership, probe.vary, conditions)
    if chosen == "present_value" and len(today.breakdown) > 1:  # one year: its present value is its total
        # solve's coverage=1 is the undiscounted sum: the two ends differ over several years (review 49 F9)
        notes.append(Text("agree.pv_not_solve"))
    # a horizon change that sets a varied input holds in its years: the zone moves it only in
    # the others (in none when it holds in every year), as sweep, solve and tornado say
    notes += [note for note in (changed_input_note(partnership, path) for path in vary) if note is not None]
    if len(conditions) < 2:
        notes.append(Text("agree.one_party"))
    given: list[tuple[Fraction | None, Fraction | None]] = []
    for i, path in enumerate(vary):
        low, high = (bounds or {}).get(path, (None, None))
        given.append(
            (
                None if low is None else _number(low, f"bounds[{path}]", probe.units[i]),
                None if high is None else _number(high, f"bounds[{path}]", probe.units[i]),
            )
        )
    for path in bounds or {}:
        if path not in vary:
            raise AgreementError(f"bounds: {path!r} is not one of the inputs varied", path=path)
    # a range is an interval whichever end is written first (as in sweep and tornado)
    given = [(hi, lo) if lo is not None and hi is not None and hi < lo else (lo, hi) for lo, hi in given]
    labels: list[str] = [
        Text("agree.party_label_year", name=Raw(c.name), label=c.label, year=Period(c.year))
        if c.year
        else Text("agree.party_label", name=Raw(c.name), label=c.label)
        for c in conditions
    ]
    coefficients = _fit(probe)
    basis_name: Literal["present_value", "per_year", "period"] = chosen if today.breakdown else "period"
    weights = _weights(today, conditions, contributions)
    try:
        box: list[tuple[Fraction, Fraction]] = []
        refused: list[Text] = []
        if coefficients is not None:
            box = _default_bounds(probe.current, coefficients, given, vary)
        if coefficients is not None:
            box, refused = _accepted(probe, box)  # a default limit the scenario would refuse (500 h a week)
            _corner_refused(probe, box)
            # linear near today's terms; check across the whole range searched too
            if not _linear_at(probe, coefficients, _spread(box)):
                coefficients = None  # traced on a grid instead, over its own range: its own cut notes
        if coefficients is not None:
            notes += refused
            lines = [(c, label) for c, label in zip(coefficients, labels, strict=True)]
            zone = _exact(probe, box, lines, conditions, coefficients, basis_name, notes, weights)
        else:
            n = grid if grid is not None else (41 if len(vary) == 2 else 201)
            if not 3 <= n <= 2001:
                raise AgreementError(f"grid: between 3 and 2001 points per input, got {n}")
            box = [
                (lo if lo is not None else Fraction(0), hi if hi is not None else _nice_up(max(x * 3, Fraction(1))))
                for (lo, hi), x in zip(given, probe.current, strict=True)
            ]
            for path, (lo, hi) in zip(vary, box, strict=True):
                if hi <= lo:
                    raise AgreementError(_empty_range(path, lo, hi), path=path)
            box, refused = _accepted(probe, box)
            _corner_refused(probe, box)
            zone = _traced(probe, box, labels, conditions, basis_name, [*notes, *refused], weights, n)
        return _ends_accepted(zone, refused)
    except LedgerError as exc:  # an amount beyond the largest handled: the range searched, not the deal, is at fault
        ranges = (
            ", ".join(
                f"{path} {_text(lo, '')}..{_text(hi, u)}"
                for path, (lo, hi), u in zip(vary, box, probe.units, strict=True)
            )
            if box
            else ", ".join(vary)
        )
        raise AgreementError(
            f"bounds: the range searched ({ranges}) reaches amounts beyond the largest handled: {exc}; "
            "give a smaller range (bounds=…, or --vary PATH=LOW..HIGH on the command line)"
        ) from None


def _corner_refused(probe: _Probe, box: list[tuple[Fraction, Fraction]]) -> None:
    """Refuse a two-input range searched whose corner the scenario refuses.

    Each limit alone is one the scenario accepts (:func:`_accepted`, the other input at
    today's value), so a refused corner is a rule between the two inputs (effective hours
    within paid hours). The valid points are then no box, and the limits found for each
    input alone are not the zone's: refused rather than a zone cut in the wrong place.

    Raises:
        AgreementError: naming the corner, the rule's reason and the way out.

    """
    if len(box) != 2:
        return
    for point in itertools.product(*box):
        reason = probe.refusal(point)
        if reason is not None:
            shown = ", ".join(_text(x, u) for x, u in zip(point, probe.units, strict=True))
            raise AgreementError(
                f"{' and '.join(probe.vary)}: the scenario's own rule between them refuses a corner of the range "
                f"searched ({shown}: {reason}); a zone over two inputs tied by a rule is found only over a range "
                "in which every combination is valid: give bounds (--vary PATH=LOW..HIGH) that keep to the rule, "
                "or vary one of them"
            )


def _ends_accepted(zone: AgreementZone, refused: Sequence[Text]) -> AgreementZone:
    """Where a limit of the range is the last value the scenario accepts, say so rather than "upper limit"."""
    clipped = {str(n.args["end"]) for n in refused}
    if not clipped:
        return zone
    what = Text("agree.what_accepts")

    def named(label: str) -> str:
        return what if label in clipped else label

    return replace(
        zone,
        interval_ends=tuple((named(a), named(b)) for a, b in zone.interval_ends),
        edges=tuple(named(e) for e in zone.edges),
    )


def _accepted(
    probe: _Probe, box: list[tuple[Fraction, Fraction]]
) -> tuple[list[tuple[Fraction, Fraction]], list[Text]]:
    """The range searched cut to what the scenario accepts along each input, and a note per cut.

    A limit the input's validation refuses (more hours a week than a week has, say) is
    moved to the last value it accepts, found by bisection on validity to 0.01 of the
    input, with the other inputs at today's terms; so no point of the range is refused.
    """
    out: list[tuple[Fraction, Fraction]] = []
    notes: list[Text] = []
    for k, (lo, hi) in enumerate(box):

        def along(x: Fraction, k: int = k) -> Point:
            return tuple(x if j == k else c for j, c in enumerate(probe.current))

        today = min(max(probe.current[k], lo), hi)
        ends = []
        for end, key in ((lo, "agree.refused_below"), (hi, "agree.refused_above")):
            reason = probe.refusal(along(end))
            if reason is None:
                ends.append(end)
                continue
            good = today if probe.refusal(along(today)) is None else None
            if good is None:
                raise AgreementError(
                    f"{probe.vary[k]}: the scenario refuses it at {_text(end, probe.units[k])} ({reason}) "
                    "and at today's value; give bounds within what it accepts",
                    path=probe.vary[k],
                )
            bad = end
            while abs(bad - good) > _STEP:
                mid = Fraction(_round((good + bad) / 2))
                if mid in (good, bad):
                    break
                if probe.refusal(along(mid)) is None:
                    good = mid
                else:
                    bad = mid
            ends.append(good)
            value = Raw(_text(good, probe.units[k]))
            limit = _lower(probe.vary[k]) if key == "agree.refused_below" else _upper(probe.vary[k])
            notes.append(Text(key, path=Raw(probe.vary[k]), value=value, reason=Raw(reason), end=limit))
        out.append((ends[0], ends[1]))
    return out, notes


def _fit(probe: _Probe) -> list[_Line] | None:
    """Each condition's exact linear coefficients, or None when a condition is not linear.

    The gain is read at today's terms and one step along each input; two more points
    check the fit. Flows are rounded to øre, so a fit within that rounding counts as
    linear (and a line's constant may be a few øre from the unrounded algebra).
    """
    x0 = probe.current
    d = len(x0)
    steps = []
    for x in x0:
        h = Fraction(1)
        while h * 10 <= abs(x):
            h *= 10
        steps.append(h)
    try:
        g0 = probe.gains(x0)
    except ValidationError as exc:
        raise AgreementError(f"today's terms do not validate: {exc.errors()[0]['msg']}") from None
    slopes: list[list[Fraction]] = []
    for k in range(d):
        point, h = _step(probe, x0, k, steps[k])
        gk = probe.gains(point)
        slopes.append([(b - a) / h for a, b in zip(g0, gk, strict=True)])
    lines: list[_Line] = []
    for i in range(len(g0)):
        b = [slopes[k][i] for k in range(d)]
        a = g0[i] - sum((bk * xk for bk, xk in zip(b, x0, strict=True)), Fraction(0))
        lines.append((a, *b))
    checks = [tuple(x + 2 * h for x, h in zip(x0, steps, strict=True))]
    checks.append(tuple(x + h * Fraction(3 + 2 * k, 2) for k, (x, h) in enumerate(zip(x0, steps, strict=True))))
    return lines if _linear_at(probe, lines, checks) else None


def _linear_at(probe: _Probe, lines: Sequence[_Line], points: Sequence[Point]) -> bool:
    """Whether every condition's gain at these points is on its line, to within rounding.

    Each flow is rounded to øre: the tolerance is an øre per transfer, and over a horizon a
    hundredth of the slopes more (a present value sums each year's rounded amounts, discounted).
    """
    grown = probe.partnership.horizon is not None
    for point in points:
        try:
            ev = probe.evaluation(point)
        except ValidationError:
            continue  # outside what the scenario accepts: the other points decide
        actual = _gains(ev, probe.conditions, probe.floors, probe.basis)
        transfers = sum(1 for part in ev.breakdown or (ev,) for _ in part.ledger)
        for line, got in zip(lines, actual, strict=True):
            tolerance = Fraction(transfers + 1, 100)
            if grown:
                tolerance += sum((abs(c) for c in line[1:]), Fraction(0)) / 100
            if abs(_line_value(line, point) - got) > tolerance:
                return False
    return True


def _spread(box: Sequence[tuple[Fraction, Fraction]]) -> list[Point]:
    """Points across the search range: ends, quarters and middle (one input); a 3 × 3 grid (two)."""
    if len(box) == 1:
        (lo, hi) = box[0]
        return [(lo + (hi - lo) * Fraction(i, 4),) for i in range(5)]
    return [
        (box[0][0] + (box[0][1] - box[0][0]) * Fraction(i, 2), box[1][0] + (box[1][1] - box[1][0]) * Fraction(j, 2))
        for i in range(3)
        for j in range(3)
    ]


def _step(probe: _Probe, x0: Point, k: int, h: Fraction) -> tuple[Point, Fraction]:
    """A point one step from today's terms along input k that the scenario accepts."""
    for delta in (h, -h / 2, h / 10, -h / 20):
        point = tuple(x + delta if j == k else x for j, x in enumerate(x0))
        if point[k] < 0:
            continue
        try:
            probe.variant(point)
        except ValidationError:
            continue
        return point, delta
    raise AgreementError(f"{probe.vary[k]}: no value near today's would validate; cannot vary it", path=probe.vary[k])


def _weights(
    today: Evaluation, conditions: Sequence[PartyCondition], given: Mapping[str, Decimal | int | str] | None
) -> dict[str, Fraction]:
    parties = dict.fromkeys(c.party for c in conditions)
    if given is not None:
        unknown = [p for p in given if p not in parties]
        if unknown:
            raise AgreementError(f"contributions: no condition for {unknown}; parties: {list(parties)}")
        return {p: _number(given[p], f"contributions[{p}]") for p in parties if p in given}
    return {p: Fraction(today.ledger.outflow(p)) for p in parties if p in today.ledger.parties}


def _party_lines(conditions: Sequence[PartyCondition], lines: Sequence[_Line]) -> dict[str, _Line]:
    """Each party's total gain (the sum of its conditions, e.g. over the years)."""
    out: dict[str, _Line] = {}
    for c, line in zip(conditions, lines, strict=True):
        prev = out.get(c.party)
        out[c.party] = line if prev is None else tuple(a + b for a, b in zip(prev, line, strict=True))
    return out


def _exact(
    probe: _Probe,
    box: list[tuple[Fraction, Fraction]],
    lines: list[tuple[_Line, str]],
    conditions: list[PartyCondition],
    coefficients: list[_Line],
    basis: Literal["present_value", "per_year", "period"],
    notes: list[str],
    weights: Mapping[str, Fraction],
) -> AgreementZone:
    d = len(probe.vary)
    boundaries = tuple(Boundary(c, line) for c, line in zip(conditions, coefficients, strict=True))
    common = {
        "vary": probe.vary,
        "units": tuple(probe.units),
        "current": probe.current,
        "bounds": tuple(box),
        "method": "exact",
        "basis": basis,
        "conditions": tuple(conditions),
        "boundaries": boundaries,
        "partnership": probe.partnership,
        "_terms": probe.floors,
    }
    region: list[Point]
    if d == 1:
        seg = _segment(box, probe.vary, lines)
        if seg is not None:
            common["intervals"] = ((seg[0], seg[1]),)
            common["interval_ends"] = ((seg[2], seg[3]),)
            region = [(seg[0],), (seg[1],)]
        else:
            region = []
    else:
        polygon = _polygon(box, probe.vary, lines)
        common["vertices"] = tuple((p[0], p[1]) for p, _ in polygon)
        common["edges"] = tuple(edge for _, edge in polygon)
        region = [p for p, _ in polygon]
    if not region:
        common["binding"] = _binding_exact(probe, box, lines, conditions, coefficients)
        return AgreementZone(**common, notes=tuple(notes))  # type: ignore[arg-type]
    parties = _party_lines(conditions, coefficients)
    suggestions, more = _suggest_exact(probe, box, coefficients, region, parties, weights)

    def party_gains(point: Point) -> dict[str, Fraction]:
        return {p: _line_value(line, point) for p, line in parties.items()}

    names = {c.party: c.name for c in conditions}
    edges = _on_the_edge(suggestions, box, probe.vary, party_gains, names)
    return AgreementZone(**common, suggestions=suggestions, notes=_uncounted((*notes, *more, *edges)))  # type: ignore[arg-type]


def _region_of(
    box: list[tuple[Fraction, Fraction]], vary: Sequence[str], lines: list[tuple[_Line, str]]
) -> list[Point]:
    if len(vary) == 1:
        seg = _segment(box, vary, lines)
        return [] if seg is None else [(seg[0],), (seg[1],)]
    return [p for p, _ in _polygon(box, vary, lines)]


def _binding_exact(
    probe: _Probe,
    box: list[tuple[Fraction, Fraction]],
    lines: list[tuple[_Line, str]],
    conditions: list[PartyCondition],
    coefficients: list[_Line],
) -> tuple[Shortfall, ...]:
    """Each condition that fails at the best point the other conditions allow, and by how much.

    With one input, each party's conditions are judged together (its years on the per-year
    basis) against the other parties': a condition judged alone against all the others, its own
    party's other years among them, named only the SØV where the company's years failed too
    (review 52 F2).
    """
    out = []
    if len(probe.vary) == 1:  # a party's several years: its worst year at the best the others allow
        out = _binding_by_party(probe, box, lines, conditions, coefficients)
    for i, (cond, line) in enumerate(zip(conditions, coefficients, strict=True)):
        if len(probe.vary) == 1:
            break
        others = [x for j, x in enumerate(lines) if j != i]
        region = _region_of(box, probe.vary, others)
        if not region:
            continue  # the others cannot agree among themselves either
        best = max(region, key=lambda p, line=line: _line_value(line, p))  # type: ignore[misc]
        value = _line_value(line, best)
        if value < 0:
            out.append(Shortfall(cond, _round(-value), tuple(_round(x) for x in best)))
    if not out:  # several conditions conflict: report each one's shortfall at today's terms
        for cond, line in zip(conditions, coefficients, strict=True):
            value = _line_value(line, probe.current)
            if value < 0:
                out.append(Shortfall(cond, _round(-value), tuple(_round(x) for x in probe.current)))
    return tuple(sorted(out, key=lambda s: s.amount))


def _binding_by_party(
    probe: _Probe,
    box: list[tuple[Fraction, Fraction]],
    lines: list[tuple[_Line, str]],
    conditions: list[PartyCondition],
    coefficients: list[_Line],
) -> list[Shortfall]:
    """Per party (its conditions of every year together), its shortfall at the best point the other parties allow.

    On the per-year basis a party has one condition a year: the others' conditions taken one
    at a time conflict among themselves (another year of the same party), so each party's
    years are judged together. With one input the best point is where the party's worst
    year is best: an end of the interval the others allow, or where two of its years cross.
    """
    by_party: dict[str, list[int]] = {}
    for i, cond in enumerate(conditions):
        by_party.setdefault(cond.party, []).append(i)
    out = []
    for own in by_party.values():
        others = [x for j, x in enumerate(lines) if j not in own]
        region = _region_of(box, probe.vary, others)
        if not region:
            continue
        lo, hi = region[0][0], region[-1][0]
        candidates = {lo, hi}
        for a in own:
            for b in own:
                (a0, a1), (b0, b1) = coefficients[a][:2], coefficients[b][:2]
                if a < b and a1 != b1 and lo < (x := (b0 - a0) / (a1 - b1)) < hi:
                    candidates.add(x)
        # leximin: the worst year as good as it can be, then the next worst, and so on; a year
        # that fails whatever the input ties every point on the worst, and must not decide
        # where the party's other years are judged (they would be reported short where they need not be)
        best = max(sorted(candidates), key=lambda x: sorted(_line_value(coefficients[i], (x,)) for i in own))
        for i in own:
            value = _line_value(coefficients[i], (best,))
            if value < 0:
                out.append(Shortfall(conditions[i], _round(-value), (_round(best),)))
    return out


def _minimum(parties: Mapping[str, _Line], weights: Mapping[str, Fraction], point: Point) -> Fraction:
    return min(_line_value(parties[p], point) / weights[p] for p in weights)


def _suggest_exact(
    probe: _Probe,
    box: list[tuple[Fraction, Fraction]],
    coefficients: list[_Line],
    region: list[Point],
    parties: Mapping[str, _Line],
    weights: Mapping[str, Fraction],
) -> tuple[tuple[Suggestion, ...], list[str]]:
    """Max-min of the (weighted) gains of the parties whose gain moves with the inputs.

    With linear gains the optimum lies at a corner of the zone, where an edge crosses a
    line of equal (weighted) gains, or where two such lines cross: a finite list of
    candidates, compared exactly. Where several points share the largest smallest gain
    (an input that is not a payment between the parties), the next smallest gain is made
    as large as it can be, and so on (leximin), so no point of the zone gives every party
    as much and one more.
    """
    moving = [p for p, line in parties.items() if any(c != 0 for c in line[1:])]
    notes: list[str] = []
    if not moving:
        notes.append(Text("agree.none_moves", inputs=Raw(", ".join(probe.vary))))
        return (), notes
    if len(moving) < 2:
        role = f"agree.role.{moving[0]}"
        who = Text(role) if role in TEXT else Raw(moving[0])
        notes.append(Text("agree.only_one_moves", who=who, inputs=Raw(", ".join(probe.vary))))
        return (), notes
    one_line = len(probe.vary) == 2 and all(
        parties[p][1] * parties[q][2] == parties[p][2] * parties[q][1] for p, q in itertools.combinations(moving, 2)
    )
    if one_line:  # every gain moves with one combination of the two inputs: a line of points splits alike
        both = Text("msg.and", a=Raw(probe.vary[0]), b=Raw(probe.vary[1]))  # the zone varies two inputs
        notes.append(Text("agree.one_combination", inputs=both))
    lines = list(coefficients)
    # the parties' total gain: fixed when the inputs only move money between them
    total = tuple(sum(column, Fraction(0)) for column in zip(*parties.values(), strict=True))
    totals = [_line_value(total, p) for p in region]
    tolerance = Fraction(len(coefficients), 100)  # an øre per condition
    fixed = max(totals) - min(totals) <= tolerance
    if fixed:
        rules = (
            (Text("agree.rule_equal"), {p: Fraction(1) for p in moving}),
            (Text("agree.rule_proportional"), {p: weights[p] for p in moving if weights.get(p, 0) > 0}),
        )
    else:
        movers = [
            path
            for k, path in enumerate(probe.vary)
            if abs(total[k + 1]) * (box[k][1] - box[k][0]) > tolerance  # this input moves the total
        ]
        notes.append(
            Text(
                "agree.not_transfer",
                inputs=Raw(", ".join(movers or probe.vary)),
                amount=Money(_round(max(totals) - min(totals))),
            )
        )
        rules = (
            (Text("agree.rule_maxmin"), {p: Fraction(1) for p in moving}),
            (Text("agree.rule_proportional_maxmin"), {p: weights[p] for p in moving if weights.get(p, 0) > 0}),
        )
    out = []
    for rule, w in rules:
        if len(w) < len(moving):
            notes.append(Text("agree.no_point", rule=rule))
            continue
        # a leximin point has no direction in which every gain grows, so its rounding to 0.01
        # trades one gain against another (or keeps to a limit of the range searched)
        point = _leximin(probe, box, region, parties, w, lines)
        if one_line and len(moving) == 2:  # to the øre grid along the line of equal (weighted) splits
            p, q = moving
            point = _along(point, _kink(parties, w, p, q), lines)
        if fixed and _uneven(parties, w, point):
            # the split the rule asks for lies outside the zone: the point is the zone's end nearest it,
            # and its gains are not split as the rule's name says (review 58 M1)
            notes.append(Text("agree.split_outside", rule=rule))
        out.append(_suggestion(probe, rule, _inside_grid(point, lines)))
    return tuple(out), notes


def _uneven(parties: Mapping[str, _Line], weights: Mapping[str, Fraction], point: Point) -> bool:
    """Whether the weighted gains at an exact point differ by more than an øre (the split is not the rule's)."""
    shares = [_line_value(parties[p], point) / w for p, w in weights.items()]
    return max(shares) - min(shares) > Fraction(1, 100)


def _clip(region: list[Point], cuts: Sequence[_Line]) -> list[Point]:
    """The zone's region (an interval's ends, or a polygon's corners) cut by half-planes ``cut ≥ 0``."""
    if len(region[0]) == 1:
        lo, hi = region[0][0], region[1][0]
        seg = _segment([(lo, hi)], ("x",), [(cut, "") for cut in cuts])
        return [] if seg is None else [(seg[0],), (seg[1],)]
    polygon: list[tuple[Point, str]] = [(p, "") for p in region]
    for cut in cuts:
        if not polygon:
            break
        polygon = _cut(polygon, cut, "")
    return [p for p, _ in polygon]


def _leximin(
    probe: _Probe,
    box: list[tuple[Fraction, Fraction]],
    region: list[Point],
    parties: Mapping[str, _Line],
    weights: Mapping[str, Fraction],
    lines: list[_Line],
) -> Point:
    """The max-min point; where it ties, the next smallest gain as large as it can be, and so on.

    When the payments are transfers the max-min point is unique (or every tied point
    gives each party the same), and this is :func:`_max_min`'s point. When an input
    changes the total gain, max-min alone can tie along an edge where one party's gain
    is stuck at the smallest value while another's still grows; each round fixes the
    parties that cannot do better (their gain is at the max-min value everywhere on the
    tied set) and maximises the smallest of the rest on that set.
    """
    left = dict(weights)
    constraints = list(lines)
    point = _max_min(probe, box, region, parties, left, constraints)
    while True:
        value = _minimum(parties, left, point)
        # where each remaining party gets at least the max-min value
        cuts = [tuple(c / left[p] for c in parties[p]) for p in left]
        cuts = [(a - value, *b) for a, *b in cuts]
        region = _clip(region, cuts)
        constraints += cuts
        if not region:  # pragma: no cover - the max-min point itself is in the cut region
            return point
        stuck = {p for p in left if max(_line_value(parties[p], q) / left[p] for q in region) <= value}
        left = {p: w for p, w in left.items() if p not in stuck}
        if not left or not stuck:
            return point
        point = _max_min(probe, box, region, parties, left, constraints)


def _max_min(
    probe: _Probe,
    box: list[tuple[Fraction, Fraction]],
    region: list[Point],
    parties: Mapping[str, _Line],
    weights: Mapping[str, Fraction],
    lines: list[_Line],
) -> Point:
    kinks = [_kink(parties, weights, p, q) for p, q in itertools.combinations(weights, 2)]
    widths = [hi - lo for lo, hi in box]

    def admissible(point: Point) -> bool:  # within the range searched and the zone
        inside = all(lo <= x <= hi for x, (lo, hi) in zip(point, box, strict=True))
        return inside and all(_line_value(line, point) >= 0 for line in lines)

    candidates = list(region)
    if len(probe.vary) == 1:
        lo, hi = region[0][0], region[1][0]
        for a, b in kinks:
            if b != 0 and lo <= -a / b <= hi:
                candidates.append((-a / b,))
    else:
        n = len(region)
        edges = [(region[i], region[(i + 1) % n]) for i in range(n)]
        for kink in kinks:
            for start, end in edges:
                fp, fq = _line_value(kink, start), _line_value(kink, end)
                if fp != fq and (fp <= 0 <= fq or fq <= 0 <= fp):
                    candidates.append(_between(start, end, fp, fq))
        # where a line of equal (weighted) gains passes nearest today's terms (scaled by the
        # range searched): with transfers only, every point of it gives the same split, and
        # the one nearest today's terms is the least change, not a corner of the zone
        for a, b, c in kinks:
            at = _line_value((a, b, c), probe.current)
            scaled = (b * widths[0], c * widths[1])
            norm = scaled[0] ** 2 + scaled[1] ** 2
            if norm:
                point = tuple(x - at * s * w / norm for x, s, w in zip(probe.current, scaled, widths, strict=True))
                if admissible(point):
                    candidates.append(point)
        for (a1, b1, c1), (a2, b2, c2) in itertools.combinations(kinks, 2):
            det = b1 * c2 - b2 * c1
            if det != 0:
                point = ((-a1 * c2 + a2 * c1) / det, (-b1 * a2 + b2 * a1) / det)
                if admissible(point):
                    candidates.append(point)

    def closeness(point: Point) -> Fraction:
        return sum((((x - c) / w) ** 2 for x, c, w in zip(point, probe.current, widths, strict=True)), Fraction(0))

    return max(candidates, key=lambda pt: (_minimum(parties, weights, pt), -closeness(pt)))


def _kink(parties: Mapping[str, _Line], weights: Mapping[str, Fraction], p: str, q: str) -> _Line:
    """The line where parties ``p`` and ``q`` gain alike, each gain over its weight."""
    return tuple(a / weights[p] - b / weights[q] for a, b in zip(parties[p], parties[q], strict=True))


def _along(point: Point, line: _Line, lines: Sequence[_Line]) -> Point:
    """``point`` on a line ``a + b·x + c·y = 0`` rounded to 0.01 along it: the input that moves it more first.

    Rounding both inputs to 0.01 on their own moves the split by up to 0.005 × each
    coefficient (9,360 DKK a year per DKK an hour: 47 DKK); rounding the steeper one and
    solving the other on the line leaves 0.005 × the gentler one (12 per DKK a month: 0.06).
    The point as it was where the rounded one would leave the zone (``lines``).
    """
    a, b, c = line
    steep, gentle = (0, 1) if abs(b) >= abs(c) else (1, 0)
    slope = (b, c)
    if slope[gentle] == 0:
        return point
    fixed = Fraction(_round(point[steep]))
    other = Fraction(_round(-(a + slope[steep] * fixed) / slope[gentle]))
    snapped = (fixed, other) if steep == 0 else (other, fixed)
    return snapped if all(_line_value(zone, snapped) >= 0 for zone in lines) else point


def _inside_grid(point: Point, lines: Sequence[_Line]) -> Point:
    """``point`` on the 0.01 grid, half up where that stays in the zone, else the nearest grid point inside.

    A suggestion at a corner of the zone (all the gain to one party, another's at zero)
    rounded half up may leave it: 800/39 = 20.5128… shown as 20.51 leaves the SØV 6.60 short.
    """
    rounded = tuple(Fraction(_round(x)) for x in point)
    if all(_line_value(line, rounded) >= 0 for line in lines):
        return point
    if len(point) == 2:
        cx, cy = _corner(point[0], point[1], [line for line in lines if len(line) == 3])
        return (Fraction(cx), Fraction(cy))
    x = point[0]
    for step in (Fraction(math.floor(x * 100), 100), Fraction(math.ceil(x * 100), 100)):
        if all(_line_value(line, (step,)) >= 0 for line in lines):
            return (step,)
    return point


def _suggestion(probe: _Probe, rule: str, point: Point) -> Suggestion:
    rounded = tuple(Fraction(_round(x)) for x in point)
    gains = probe.accepted_gains(rounded, f"the point of '{rule}'")
    by_party: dict[str, Fraction] = {}
    for c, g in zip(probe.conditions, gains, strict=True):
        by_party[c.name] = by_party.get(c.name, Fraction(0)) + g
    return Suggestion(rule, tuple(_round(x) for x in rounded), {k: _round(v) for k, v in by_party.items()})


# -- traced on a grid -------------------------------------------------------------------------

MAX_TRACED = 50_000
"""The most grid points a non-linear zone is traced on (each one evaluation: about a minute or two)."""


def _traced(
    probe: _Probe,
    box: list[tuple[Fraction, Fraction]],
    labels: list[str],
    conditions: list[PartyCondition],
    basis: Literal["present_value", "per_year", "period"],
    notes: list[str],
    weights: Mapping[str, Fraction],
    n: int,
) -> AgreementZone:
    import numpy as np

    axes = [[lo + (hi - lo) * i / (n - 1) for i in range(n)] for lo, hi in box]
    # grid points on short decimals a scenario can hold
    axes = [[Fraction(_round(x, 6)) for x in axis] for axis in axes]
    points: list[Point] = list(itertools.product(*axes))
    gains: dict[Point, list[Fraction]] = {}
    for point in points:
        try:
            gains[point] = probe.gains(point)
        except ValidationError:
            continue  # a combination the scenario refuses is outside the zone
    shape = tuple(len(a) for a in axes)
    arrays = tuple(
        np.array([float(gains[p][i]) if p in gains else np.nan for p in points]).reshape(shape)
        for i in range(len(conditions))
    )
    trace = GridTrace(tuple(tuple(float(x) for x in a) for a in axes), arrays)
    inside = [p for p in points if p in gains and min(gains[p]) >= 0]
    common: dict[str, Any] = {
        "vary": probe.vary,
        "units": tuple(probe.units),
        "current": probe.current,
        "bounds": tuple(box),
        "method": "grid",
        "basis": basis,
        "conditions": tuple(conditions),
        "boundaries": tuple(Boundary(c, None) for c in conditions),
        "grid": trace,
        "partnership": probe.partnership,
        "_terms": probe.floors,
    }
    notes = [*notes, Text("agree.traced", count=Number(Decimal(n), 0, grouped=False))]
    if len(probe.vary) == 1:
        runs = _runs(probe, axes[0], inside, labels)
        common["intervals"] = tuple((lo, hi) for lo, hi, _, _ in runs)
        common["interval_ends"] = tuple((a, b) for _, _, a, b in runs)
    else:
        common["inside"] = tuple((p[0], p[1]) for p in inside)
    if not inside:
        out = []
        for i, cond in enumerate(conditions):
            others = [p for p in gains if all(g >= 0 for j, g in enumerate(gains[p]) if j != i)]
            if others:
                best = max(others, key=lambda p, i=i: gains[p][i])  # type: ignore[misc]
                if gains[best][i] < 0:
                    out.append(Shortfall(cond, _round(-gains[best][i]), tuple(_round(x) for x in best)))
        if not out:  # several conditions fail together: each that fails, at its own best point
            out = _binding_traced(probe, gains, conditions)
        common["binding"] = tuple(sorted(out, key=lambda s: s.amount))
        return AgreementZone(**common, notes=tuple(notes))
    by_party: dict[str, list[int]] = {}
    for i, c in enumerate(conditions):
        by_party.setdefault(c.party, []).append(i)

    def party_gain(point: Point, party: str) -> Fraction:
        return sum((gains[point][i] for i in by_party[party]), Fraction(0))

    # whether a party's gain moves with the inputs, judged over the whole grid: a zone narrower than a grid
    # step along one input holds one value of it, where only the other input's parties seemed to move
    # (review 54 F1: "fewer than two parties' gains move", with the price moving two of three)
    grid = list(gains)
    moving = [p for p in by_party if len({party_gain(q, p) for q in grid[:: max(1, len(grid) // 200)]}) > 1]
    suggestions = []
    if len(moving) >= 2:
        # the parties' total gain: fixed when the inputs only move money between them
        totals = {q: sum(gains[q], Fraction(0)) for q in inside}
        tolerance = Fraction(len(conditions), 100)  # an øre per condition
        spread = max(totals.values()) - min(totals.values())
        if spread <= tolerance:
            rules = (
                (Text("agree.rule_equal_grid"), {p: Fraction(1) for p in moving}),
                (Text("agree.rule_proportional_grid"), {p: weights[p] for p in moving if weights.get(p, 0) > 0}),
            )
        else:
            movers = [path for k, path in enumerate(probe.vary) if _moves_total(totals, k, tolerance)]
            notes.append(
                Text("agree.not_transfer", inputs=Raw(", ".join(movers or probe.vary)), amount=Money(_round(spread)))
            )
            rules = (
                (Text("agree.rule_maxmin_grid"), {p: Fraction(1) for p in moving}),
                (
                    Text("agree.rule_proportional_maxmin_grid"),
                    {p: weights[p] for p in moving if weights.get(p, 0) > 0},
                ),
            )
        steps = [axis[1] - axis[0] for axis in axes]
        for rule, w in rules:
            if len(w) < len(moving):
                continue
            search = _Search(probe, box, by_party, w, gains)
            best = max(inside, key=search.rank)
            point, precision = search.refine(best, steps)
            suggestions.append(_suggestion(probe, rule, point))
            notes.append(Text("agree.refined", rule=rule, amount=Money(_round(precision))))
    else:
        notes.append(Text("agree.few_move"))
    lookup = _Search(probe, box, by_party, {}, gains)
    names = {c.party: c.name for c in conditions}
    notes += _on_the_edge(tuple(suggestions), common["bounds"], probe.vary, lookup.party, names)
    return AgreementZone(**common, suggestions=tuple(suggestions), notes=_uncounted(tuple(notes)))


def _binding_traced(
    probe: _Probe, gains: Mapping[Point, list[Fraction]], conditions: Sequence[PartyCondition]
) -> list[Shortfall]:
    """Who is short when no grid point meets the others' conditions either (as :func:`_binding_exact`).

    Each condition that fails at every grid point, by its shortfall at its best point;
    where each holds somewhere but never all at once, each that fails at today's terms.
    """
    out = []
    for i, cond in enumerate(conditions):
        if not gains:
            break
        best = max(gains, key=lambda p, i=i: gains[p][i])  # type: ignore[misc]
        if gains[best][i] < 0:
            out.append(Shortfall(cond, _round(-gains[best][i]), tuple(_round(x) for x in best)))
    if not out:
        today = probe.gains(probe.current)
        out = [
            Shortfall(cond, _round(-g), tuple(_round(x) for x in probe.current))
            for cond, g in zip(conditions, today, strict=True)
            if g < 0
        ]
    return out


def _moves_total(totals: Mapping[Point, Fraction], k: int, tolerance: Fraction) -> bool:
    """Whether the total gain changes along input k (the other input held at a grid value)."""
    lines: dict[Point, list[Fraction]] = {}
    for point, total in totals.items():
        lines.setdefault(point[:k] + point[k + 1 :], []).append(total)
    return any(max(values) - min(values) > tolerance for values in lines.values())


_STEP = Fraction(1, 100)  # suggested points are rounded to 0.01 of each input


def _on_lattice(point: Point) -> Point:
    return tuple(Fraction(_round(x)) for x in point)


_MODEL_ROUNDS = 60  # model steps of one refinement at most (each evaluates the scenario 2-3 times)


class _Search:
    """One rule's search on a traced zone: points ranked by leximin of the weighted gains, each evaluated once."""

    def __init__(
        self,
        probe: _Probe,
        box: Sequence[tuple[Fraction, Fraction]],
        by_party: Mapping[str, list[int]],
        weights: Mapping[str, Fraction],
        known: Mapping[Point, list[Fraction]],
    ) -> None:
        self.probe = probe
        self.box = list(box)
        self.by_party = by_party
        self.weights = weights
        self.seen: dict[Point, list[Fraction] | None] = dict(known)

    def gains(self, point: Point) -> list[Fraction] | None:
        """Each condition's gain at a point (None: outside the range, or refused by the scenario)."""
        if point not in self.seen:
            inside = all(lo <= x <= hi for x, (lo, hi) in zip(point, self.box, strict=True))
            try:
                self.seen[point] = self.probe.gains(point) if inside else None
            except ValidationError:
                self.seen[point] = None
        return self.seen[point]

    def party(self, point: Point) -> dict[str, Fraction] | None:
        """Each party's gain at a point, summed over its conditions."""
        gains = self.gains(point)
        if gains is None:
            return None
        return {p: sum((gains[i] for i in self.by_party[p]), Fraction(0)) for p in self.by_party}

    def rank(self, point: Point) -> tuple[Fraction, ...]:
        """The weighted gains, smallest first (larger ranks better); ``()`` outside the zone."""
        gains = self.gains(point)
        if gains is None or min(gains) < 0:
            return ()
        party = self.party(point)
        assert party is not None  # noqa: S101 - gains were found
        return tuple(sorted(party[p] / w for p, w in self.weights.items()))

    def refine(self, start: Point, steps: Sequence[Fraction]) -> tuple[Point, Fraction]:
        """The best grid point refined on the 0.01 lattice; how far one step there moves a gain.

        A linear model of each condition around the point (fitted from a point a step
        away along each input, the step shrinking fourfold each round) proposes its exact
        leximin point, kept when its evaluated gains rank better. The point then moves to
        a neighbour 0.01 away (along one input or both) while one ranks better.
        """
        best = _on_lattice(start)  # a suggestion is rounded to 0.01: search among such points
        score = self.rank(best)
        widths = list(steps)
        rounds = 0
        # a trust region: the box keeps its size while the model's point ranks better (so the
        # search can follow a curved ridge of equal gains far from the grid point), and
        # shrinks fourfold when it does not
        while any(h > _STEP for h in widths) and rounds < _MODEL_ROUNDS:
            rounds += 1
            improved = False
            local = [(max(lo, c - h), min(hi, c + h)) for (lo, hi), c, h in zip(self.box, best, widths, strict=True)]
            lines = self._fit(best, local)
            if lines is not None:
                region = _region_of(local, self.probe.vary, [(line, "") for line in lines])
                if region:
                    parties = _party_lines(self.probe.conditions, lines)
                    point = _on_lattice(_leximin(self.probe, local, region, parties, self.weights, lines))
                    if self.rank(point) > score:
                        best, score, improved = point, self.rank(point), True
            if not improved:
                widths = [max(h / 4, _STEP) for h in widths]
        directions = [move for move in itertools.product((-1, 0, 1), repeat=len(best)) if any(move)]
        for _ in range(100):  # climb on the lattice; the model has put the point close
            neighbours = [tuple(x + m * _STEP for x, m in zip(best, move, strict=True)) for move in directions]
            top = max(neighbours, key=self.rank)
            if self.rank(top) <= score:
                break
            # a good direction is followed in doubling strides while it keeps ranking better
            move = directions[neighbours.index(top)]
            stride = 2
            while stride <= 1 << 16:
                further = tuple(x + m * stride * _STEP for x, m in zip(best, move, strict=True))
                if self.rank(further) <= self.rank(top):
                    break
                top, stride = further, stride * 2
            best, score = top, self.rank(top)
        here = self.party(best)
        moves = [
            abs(there[p] - here[p])
            for q in neighbours
            if here is not None and (there := self.party(q)) is not None
            for p in self.weights
        ]
        return best, max(moves, default=Fraction(0))

    def _fit(self, centre: Point, local: Sequence[tuple[Fraction, Fraction]]) -> list[_Line] | None:
        """Each condition's gain as a line through the centre and a point across the local box per input."""
        here = self.gains(centre)
        if here is None:
            return None
        slopes = []
        for k, (lo, hi) in enumerate(local):
            delta = hi - centre[k] if hi - centre[k] >= centre[k] - lo else lo - centre[k]
            if delta == 0:
                return None
            there = self.gains(tuple(x + delta if j == k else x for j, x in enumerate(centre)))
            if there is None:
                return None
            slopes.append([(b - a) / delta for a, b in zip(here, there, strict=True)])
        out: list[_Line] = []
        for i, g in enumerate(here):
            b = [slopes[k][i] for k in range(len(centre))]
            out.append((g - sum((bk * xk for bk, xk in zip(b, centre, strict=True)), Fraction(0)), *b))
        return out


def _runs(
    probe: _Probe, axis: list[Fraction], inside: list[Point], labels: list[str]
) -> list[tuple[Fraction, Fraction, str, str]]:
    """Contiguous stretches of the grid inside the zone, their ends refined by bisection."""
    flags = [(x,) in set(inside) for x in axis]
    runs = []
    i = 0
    while i < len(axis):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(axis) and flags[j + 1]:
            j += 1
        lo, by_lo = (axis[i], _lower(probe.vary[0])) if i == 0 else _edge(probe, axis[i - 1], axis[i], labels)
        hi, by_hi = (
            (axis[j], _upper(probe.vary[0])) if j == len(axis) - 1 else _edge(probe, axis[j + 1], axis[j], labels)
        )
        runs.append((lo, hi, by_lo, by_hi))
        i = j + 1
    return runs


def _edge(probe: _Probe, out: Fraction, inside: Fraction, labels: list[str]) -> tuple[Fraction, str]:
    """The zone's end between a point outside and one inside, to a millionth of the step; who sets it."""
    tolerance = abs(out - inside) / 10**6
    failing = ""
    while abs(out - inside) > tolerance:
        mid = Fraction(_round((out + inside) / 2, 9))
        if mid in (out, inside):
            break
        try:
            gains = probe.gains((mid,))
        except ValidationError:
            out = mid
            continue
        if min(gains) >= 0:
            inside = mid
        else:
            out = mid
            failing = labels[min(range(len(gains)), key=lambda k: gains[k])]
    if not failing:
        try:
            gains = probe.gains((out,))
            failing = labels[min(range(len(gains)), key=lambda k: gains[k])]
        except ValidationError:
            failing = Text("agree.what_accepts")
    return inside, failing
