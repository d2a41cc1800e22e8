"""Two scenarios side by side: the inputs that differ and the headline results, A against B.

:func:`compare` is what ``socialpartner compare A.yaml B.yaml`` shows, for notebooks and
tools: the record holds the differing inputs (as each scenario saves them), every
headline result of either side with both values and B − A, and the notes that qualify
the comparison (periods of different length, figures a statement qualifies).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar

import pint

from socialpartner._internal.arguments import need_partnership, need_text
from socialpartner._internal.explain import RATIO_PLACES
from socialpartner._internal.explain import ratio as _ratio
from socialpartner._internal.i18n import Lang, Period, Raw, Text, Translator
from socialpartner._internal.lazy import LazyModule
from socialpartner._internal.plan import places
from socialpartner._internal.units import canonical
from socialpartner.errors import ArgumentTypeError, ResultError, SocialPartnerError
from socialpartner.evaluation import BreakEven, Evaluation, evaluate
from socialpartner.models._base import Partnership
from socialpartner.money import in_context
from socialpartner.views import break_even_note, public_columns, tax_counted

if TYPE_CHECKING:
    import pandas as pd
else:  # the annotations resolve at runtime (typing.get_type_hints); pandas is imported on first use
    pd = LazyModule("pandas")

__all__ = ["InputDifference", "ResultDifference", "ScenarioComparison", "compare"]

MISSING = "—"
"""How the command line's table shows an input one scenario does not have (its JSON: null)."""


@dataclass(frozen=True, slots=True)
class InputDifference:
    """An input the two scenarios set differently, as text as each saves it (None: not in that scenario).

    ``'3'``, ``'165 DKK / hour'``: the values of a saved scenario, as text.

    ``path`` is the input's scenario path; a horizon's changes are keyed by their year
    (``horizon.changes.2027.courses.price``), so the order they are listed in does not count.
    Equal amounts written in other units (``11000 DKK/month``, ``132000 DKK/year``) are no difference.
    """

    path: str
    a: Any
    b: Any


@dataclass(frozen=True, slots=True)
class ResultDifference:
    """A headline result of either scenario: both values and B − A (None where a side has none).

    ``unit`` is the result's kind (``DKK``, ``ratio``, ``people``, ``FTE`` or a price's unit);
    ``difference`` is in that unit, a ratio's as a ratio (0.0325 is 3.25 percentage points).
    A break-even price written per month in one scenario and per year in the other is
    compared in the model's unit for it.
    """

    key: str
    label: str
    unit: str
    a: Decimal | None
    b: Decimal | None
    difference: Decimal | None


@dataclass(frozen=True, slots=True)
class ScenarioComparison:
    """The result of :func:`compare`.

    Attributes:
        a, b: the two evaluations.
        inputs: the inputs that differ, in the order of A's scenario, then B's.
        results: every result of either side (nets per party, coverage, surplus, break-even
            prices, jobs, FTE, the model's figures, the public net effects, payback years),
            None on a side where it has no value; over several years then each year's coverage,
            surplus, jobs, FTE, break-even prices and public net effects (``2027.coverage``).
        note: set when the two are different models (their nets and figures of one name
            need not mean the same) or total different periods (one year against three):
            their results are then not like for like.
        notes: per side (``"a"``, ``"b"``), statements that qualify a compared figure.
        lang: the language of the labels and notes.

    """

    # records of mappings: equal by value but not hashable (a hash of their fields would fail on the
    # mapping, deep inside); unhashable by name, as a dict is
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    a: Evaluation
    b: Evaluation
    inputs: tuple[InputDifference, ...]
    results: tuple[ResultDifference, ...]
    note: str | None
    notes: Mapping[str, tuple[str, ...]]
    lang: Lang = "en"

    def result(self, key: str) -> ResultDifference:
        """The compared result ``key`` (``"coverage"``, ``"net.social_enterprise"``, …).

        Raises:
            ResultError: no such result on either side (the message lists them).
            ArgumentTypeError: ``key`` is not text.

        """
        need_text(key, "key", "'coverage'")
        for r in self.results:
            if r.key == key:
                return r
        raise ResultError(key, f"no compared result {key!r}; results: {', '.join(r.key for r in self.results)}")

    def to_frame(self) -> pd.DataFrame:
        """The results as a DataFrame indexed by key: label, unit, a, b, difference (Decimals or None)."""
        rows = [(r.key, r.label, r.unit, r.a, r.b, r.difference) for r in self.results]
        frame = pd.DataFrame(rows, columns=["result", "label", "unit", "a", "b", "difference"])
        return frame.set_index("result")

    def inputs_frame(self) -> pd.DataFrame:
        """The differing inputs as a DataFrame indexed by path: a, b (as text; None where absent)."""
        rows = [(i.path, i.a, i.b) for i in self.inputs]
        frame = pd.DataFrame(rows, columns=["input", "a", "b"], dtype=object)  # None stays None (not NaN)
        return frame.set_index("input")

    def to_dict(self) -> dict[str, Any]:
        """The comparison as ``socialpartner compare --format json`` writes it (without the file names).

        Values are text: money to the øre, a ratio to six decimals as ``evaluate``'s JSON
        gives it (``"0.922500"``, ``"1.016604"``) and its difference in percentage points to four
        (``difference_unit`` says so); an input one scenario does not have is null (None), as a result
        with no value is (review 39 F8: it was the text ``"—"``).
        """

        def text(value: Decimal | None, unit: str, scale: int = 1) -> str | None:
            if value is None:
                return None
            if unit != "ratio":
                return str(value)
            # six decimals of a ratio (more beside 1: never 1.000000 for a deal 0.03 short), four of its points
            return str(_ratio(value) if scale == 1 else places(value * scale, (RATIO_PLACES * scale).normalize()))

        return {
            "inputs": [{"input": i.path, "a": i.a, "b": i.b} for i in self.inputs],
            "results": [
                {
                    "result": r.key,
                    "label": r.label,
                    "unit": r.unit,
                    "a": text(r.a, r.unit),
                    "b": text(r.b, r.unit),
                    "difference": text(r.difference, r.unit, 100),
                    "difference_unit": "percentage points" if r.unit == "ratio" else r.unit,
                }
                for r in self.results
            ],
            "periods": {"a": self.a.ledger.period, "b": self.b.ledger.period},
            "note": self.note,
            "notes": {side: list(found) for side, found in self.notes.items()},
        }


@in_context
def compare(a: Partnership | Evaluation, b: Partnership | Evaluation, *, lang: Lang = "en") -> ScenarioComparison:
    """Compare scenario B with scenario A: the inputs that differ and every headline result.

    ``a`` and ``b`` are partnerships (evaluated here) or evaluations. Labels and notes
    are in ``lang`` (``"en"`` or ``"da"``); the values do not depend on it.

    >>> import socialpartner as sp
    >>> deal = sp.load(sp.example_path())
    >>> dearer = sp.from_data({**deal.model_dump(mode="json"), "courses": {
    ...     **deal.model_dump(mode="json")["courses"], "price": "12000 DKK/month"}})
    >>> c = sp.compare(deal, dearer)
    >>> len(c.inputs), c.inputs[0].path, c.inputs[0].a, c.inputs[0].b
    (1, 'courses.price', '11000 DKK / month', '12000 DKK / month')
    >>> r = c.result("coverage")
    >>> r.a, r.b, r.difference
    (Decimal('0.9225'), Decimal('0.9975'), Decimal('0.0750'))

    Raises:
        ArgumentTypeError: ``a`` or ``b`` is neither a partnership nor an evaluation.

    """
    t = Translator(lang)
    ev_a, ev_b = _evaluated(a, "a"), _evaluated(b, "b")
    inputs_a, inputs_b = (_inputs(ev) for ev in (ev_a, ev_b))
    inputs = tuple(
        InputDifference(path, inputs_a.get(path), inputs_b.get(path))
        for path in dict.fromkeys([*inputs_a, *inputs_b])
        if not _same_input(inputs_a.get(path), inputs_b.get(path))
    )
    res_a, res_b = ({**_comparable(ev, t), **_by_year(ev, t)} for ev in (ev_a, ev_b))
    canonical = {key for key in res_a.keys() & res_b.keys() if _is_break_even(key) and res_a[key][1] != res_b[key][1]}
    for key in canonical:
        # a price written per year in one and per month in the other: both in the model's unit
        res_a[key], res_b[key] = _canonical_break_even(ev_a, key, t), _canonical_break_even(ev_b, key, t)
    # the totals, then year by year, each year's rows of both sides together (a row B alone has stays in its year)
    years = list(dict.fromkeys(part.ledger.period for ev in (ev_a, ev_b) for part in ev.breakdown))
    keys = sorted(
        dict.fromkeys([*res_a, *res_b]), key=lambda k: years.index(y) if (y := k.partition(".")[0]) in years else -1
    )
    results = []
    for key in keys:
        label, unit, _ = res_a[key] if key in res_a else res_b[key]
        if key in res_a and key in res_b and res_a[key][0] != res_b[key][0]:
            # the same result under each side's own words (its company's name, its last year)
            label = f"{res_a[key][0]} (A); {res_b[key][0]} (B)"
        va = res_a[key][2] if key in res_a else None
        vb = res_b[key][2] if key in res_b else None
        d = None if va is None or vb is None else vb - va
        if d is not None and d == 0 and unit == "ratio":
            d = Decimal(0)  # equal ratios differ by 0, not 0E-27 (money keeps its 0.00)
        results.append(ResultDifference(key, label, unit, va, vb, d))
    said = []
    model_a, model_b = (getattr(ev.partnership, "model", "") for ev in (ev_a, ev_b))
    if model_a != model_b:  # a cross-model comparison: say that the same names may mean other things
        names = {side: Text(f"report.model.{m}") for side, m in (("a", model_a), ("b", model_b))}
        # the labour-shortage company's net, where one side is that model only (review 49 F3: it was said of any)
        labour = Text("cli.compare_models_labour") if "labour_shortage" in (model_a, model_b) else Raw("")
        said.append(t(Text("cli.compare_models", **names, labour=labour)))
    if _periods(ev_a) != _periods(ev_b):
        said.append(t(Text("cli.compare_periods", a=Period(ev_a.ledger.period), b=Period(ev_b.ledger.period))))
    publics = [ev.partnership.public is not None for ev in (ev_a, ev_b)]
    if publics[0] != publics[1]:  # the public purse's flows in one side's ledger only (review 61 M6)
        said.append(t(Text("cli.compare_public", side=Raw("A" if publics[0] else "B"))))
    note = "; ".join(said) or None
    notes = {"a": _caveats(ev_a, t, canonical), "b": _caveats(ev_b, t, canonical)}
    return ScenarioComparison(ev_a, ev_b, inputs, tuple(results), note, notes, lang)


def _evaluated(value: Any, name: str) -> Evaluation:
    """An evaluation as given, or the evaluation of a partnership."""
    if isinstance(value, Evaluation):
        return value
    try:
        need_partnership(value, name=name)
    except ArgumentTypeError as e:  # the side named, with how to get one; an evaluation is taken too
        raise ArgumentTypeError(f"{e}; or an evaluation, from sp.evaluate(partnership)") from None
    return evaluate(value)


def _exact_value(value: object) -> tuple[object, Fraction] | None:
    """A saved input's dimension and exact value in canonical units (``11000 DKK / month`` is 132000 DKK/year)."""
    from socialpartner._internal.units import PLAIN, number_format, parse_unit, split_quantity

    if not isinstance(value, str):
        return None
    try:
        with number_format(PLAIN):  # the library's own dump
            number, unit = split_quantity(value, what="an input")
        info = parse_unit(unit or "dimensionless")
    except (SocialPartnerError, pint.PintError, ValueError):
        return None  # a name or a role: compared as written
    return info.dims, Fraction(number) * info.factor


def _same_input(a: object, b: object) -> bool:
    """Whether two saved inputs are the same value: as written, or equal quantities written differently.

    ``11000 DKK / month`` and ``132000 DKK / year`` are one price, so it is not listed
    among the inputs that differ.
    """
    if a == b:
        return True
    exact_a, exact_b = _exact_value(a), _exact_value(b)
    return exact_a is not None and exact_a == exact_b


def _inputs(ev: Evaluation) -> dict[str, Any]:
    """An evaluation's inputs as compared, by path, as text.

    A scenario's: horizon changes by year, not by their place in the list (changes apply
    by year, then as listed, so two files listing the same changes in another order are
    the same deal: the changes of a year are merged into one mapping,
    ``horizon.changes.2027.courses.price``). A year of a breakdown's: the inputs as they
    apply that year (a horizon's grown amounts and changes in force; a spin-off's year as
    ``year.…``), so two years of one deal compare by what differs between them.
    """
    from socialpartner._internal import horizon as _horizon
    from socialpartner._internal.paths import flatten

    p = ev.partnership
    if not ev.breakdown and p.horizon is not None:  # a year of a horizon: that year's model
        year = _horizon.year_inputs(p, ev.ledger.period)
        if year is not None:
            p = year[0]
    elif not ev.breakdown and p.MULTI_PERIOD:  # a year of a spin-off: the scenario's own inputs and that year's
        flat = dict(flatten(p.model_dump(mode="json", exclude_none=True, exclude={"expect"})))
        years = [str(y.year) for y in getattr(p, "years", ())]
        if ev.ledger.period in years:
            own = f"years.{years.index(ev.ledger.period)}."
            return {
                (f"year.{k.removeprefix(own)}" if k.startswith(own) else k): v
                for k, v in flat.items()
                if k.startswith(own) or not k.startswith("years.")
            }
    data: dict[str, Any] = p.model_dump(mode="json", exclude_none=True, exclude={"expect"})
    horizon = data.get("horizon")
    if isinstance(horizon, dict) and horizon.get("changes"):
        by_year: dict[str, dict[str, Any]] = {}
        for change in sorted(horizon["changes"], key=lambda c: c["year"]):
            by_year.setdefault(str(change["year"]), {}).update(change["set"])
        horizon["changes"] = by_year
    return dict(flatten(data))


_HEADLINE = {
    "coverage": "ratio",
    "surplus": "DKK",
    "shortfall": "DKK",
    "cost": "DKK",
    "funding": "DKK",
    "jobs": "people",
    "fte": "FTE",
    "inclusive_jobs": "people",
    "inclusive_fte": "FTE",
}


def _comparable(ev: Evaluation, t: Translator) -> dict[str, tuple[str, str, Decimal | None]]:
    """Headline results by key: a label a reader knows, the value and its kind of unit."""
    labels: dict[str, tuple[str, str]] = {
        f"net.{p}": (t(Text("cli.net_of", name=name)), "DKK") for p, name in ev.parties.items()
    }
    labels |= {
        f"break_even.{b.input_path}": (
            t(Text("cli.break_even_of", label=b.label, unit=Raw(t.unit(b.unit)))),
            b.unit,
        )
        for b in ev.break_even
    }
    labels |= {f.key: (t.figure(f.key, f.label), f.unit) for f in ev.figures}
    labels |= {key: (t(f"cli.{key}"), unit) for key, unit in _HEADLINE.items()}
    labels["surplus"] = (t("cli.surplus_signed"), "DKK")  # signed, beside the shortfall (review 61 L4)
    if ev.breakdown:  # over several years, jobs and FTE are the last year's: the label says which
        last = Raw(ev.breakdown[-1].ledger.period)
        labels |= {
            key: (t(Text(f"cli.{key}_in", year=last)), _HEADLINE[key])
            for key in _HEADLINE
            if "jobs" in key or "fte" in key
        }
    # with tax counted, the net effect before and after tax, each said (review 50 F5: a raw key and no unit)
    for column in public_columns(tax_counted(ev)):
        labels[column.result] = (t(column.heading), "DKK")
    out: dict[str, tuple[str, str, Decimal | None]] = {}
    for key, value in ev.results().items():  # a result with no value too (no payback needed): None
        label, unit = labels.get(key, (key, ""))
        out[key] = (label, unit, value)
    return out


# a year's figures compared year by year (``2027.coverage``): those a negotiation follows over the years
_BY_YEAR = frozenset({"coverage", "surplus", "jobs", "fte", "inclusive_jobs", "inclusive_fte"})


def _by_year(ev: Evaluation, t: Translator) -> dict[str, tuple[str, str, Decimal | None]]:
    """Each year's coverage, surplus, jobs, FTE, the company's gain, break-even prices and public net effects.

    The keys are those :meth:`Evaluation.result` reads (``2027.break_even.courses.price``); the
    totals alone hide a year that falls short, or a price that covers one year and not the next.
    """
    out: dict[str, tuple[str, str, Decimal | None]] = {}
    gain = ev.partnership.COMPANY_GAIN  # the company's yearly saving or gain, what it decides on (review 49 F4)
    for part in ev.breakdown:
        year = part.ledger.period
        for key, (label, unit, value) in _comparable(part, t).items():
            if key in _BY_YEAR or key == gain or key.startswith(("break_even.", "public.")):
                out[f"{year}.{key}"] = (t(Text("msg.in_year", year=Period(year), text=Raw(label))), unit, value)
    return out


def _is_break_even(key: str) -> bool:
    """Whether a compared key is a break-even price: the total's or a year's (``2027.break_even.X``)."""
    return key.startswith("break_even.") or ".break_even." in key


def _years(ev: Evaluation) -> Iterator[tuple[Evaluation, Period | None]]:
    """An evaluation, then each of its years, with the year (None for the evaluation itself)."""
    yield ev, None
    for part in ev.breakdown:
        yield part, Period(part.ledger.period)


def _break_evens(part: Evaluation, year: Period | None) -> Iterator[tuple[str, BreakEven]]:
    """A part's break-even prices with their compared keys (``break_even.X``, a year's ``2027.break_even.X``)."""
    prefix = "" if year is None else f"{year.label}."
    for b in part.break_even:
        yield f"{prefix}break_even.{b.input_path}", b


def _canonical_break_even(ev: Evaluation, key: str, t: Translator) -> tuple[str, str, Decimal | None]:
    """A break-even result in the model's unit for the price (its label, unit and value), a year's too."""
    year, b = next((year, b) for part, year in _years(ev) for k, b in _break_evens(part, year) if k == key)
    label = t(Text("cli.break_even_of", label=b.label, unit=Raw(t.unit(b.canonical_unit))))
    if year is not None:
        label = t(Text("msg.in_year", year=year, text=Raw(label)))
    return label, b.canonical_unit, b.canonical_value


# statements that qualify a figure compare shows: a comparison without them misleads
_CAVEATS = frozenset({"msg.alternative_hours"})


def _caveats(ev: Evaluation, t: Translator, canonical: AbstractSet[str] = frozenset()) -> tuple[str, ...]:
    """The evaluation's statements that qualify its figures, and its break-even prices rounded just below the cost.

    A break-even price's note gives the price that covers, as every other output does (review 49 F5); a
    year's note says its year. A price compared in the model's unit (``canonical``: the two write it in
    different units) is judged, and said, in that unit, as the table shows it (review 51 F3).
    """
    found: list[str] = []
    for part, year in _years(ev):
        said: list[Any] = [s for s in part.statements if getattr(s, "key", None) in _CAVEATS]
        for key, b in _break_evens(part, year):
            if key in canonical:
                b = replace(  # the same price, as the table shows it
                    b,
                    value=b.canonical_value,
                    unit=b.canonical_unit,
                    covering=b.canonical_covering,
                    percent=None,
                    covering_percent=None,
                )
            if b.value is not None and not b.already_covered and (note := break_even_note(b, t)):
                label = t(Text("cli.break_even_of", label=b.label, unit=Raw(t.unit(b.unit))))
                said.append(Raw(f"{label} {t.number(b.value)}: {note}"))  # in the output's language already
        # a year's note speaks of that year: say which year
        found += [
            (s.text if isinstance(s, Raw) else t(s)) if year is None else t(Text("msg.in_year", year=year, text=s))
            for s in said
        ]
    return tuple(found)


def _periods(ev: Evaluation) -> tuple[int, Any]:
    """How many periods an evaluation totals, and how long each is, in years (``(3, 1)`` for a horizon).

    The length is compared by value: 1 year, 12 months and 52 weeks are one period.
    """
    period = getattr(ev.partnership, "period", None)
    return len(ev.breakdown) or 1, None if period is None else canonical(period)
