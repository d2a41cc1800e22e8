"""The period axis: a horizon's years, a spin-off's years, and present values over them.

A horizon's years have growth, changes and progression; over the years of any scenario
the nets are discounted to present values with payback years.

Growth is exact: year *t*'s money inputs are the stated ones times ``(1 + growth)^t`` as
exact rationals (float64 for sweeps), never rounded in the unit the user wrote, so the
results do not depend on how a unit is written; each amount is rounded once, to øre, by
the engine. Changes are validated once per set of changes in force, not once per year.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pint
from pydantic import BaseModel, ValidationError

from socialpartner._internal import paths
from socialpartner._internal.backend import (
    Num,
    Rational,
    div,
    floor,
    is_exact,
    maximum,
    minimum,
    ore,
    safe_div,
    total,
    where,
)
from socialpartner._internal.i18n import Period, Raw, Text
from socialpartner._internal.paths import unchecked_copy
from socialpartner._internal.plan import Placement, Plan
from socialpartner._internal.units import (
    WEEKS_PER_YEAR,
    canonical,
    format_magnitude,
    scaled_exact,
    unit_info,
    with_magnitude,
)

if TYPE_CHECKING:
    from socialpartner.models._base import Partnership
    from socialpartner.models._options import Horizon, Progression
    from socialpartner.public import Cohort

__all__ = [
    "FIXED_INPUTS",
    "InputNote",
    "Occupants",
    "Places",
    "Progress",
    "Year",
    "changed_input_note",
    "changed_years",
    "changes_in_force",
    "check_change",
    "check_change_years",
    "discount_factors",
    "idle_fte_changes",
    "money_inputs",
    "moved_share",
    "newcomer_weeks",
    "period_label",
    "present_values",
    "year_inputs",
    "years",
]

# Grown with wages; every other money input grows with prices.
WAGE_KEYS = frozenset({"wage_cost", "annual_cost", "cost_per_fte", "fleksjob_wage", "akkord_rate"})
# Not prices of the deal: stated benefits, parameter overrides, the horizon itself, expectations.
_NOT_GROWN = frozenset({"parameters", "during_course", "counterfactual", "horizon", "expect"})
# Inputs that describe the scenario rather than a year of it: a change may not set them.
FIXED_INPUTS = (
    "model",
    "name",
    "period",
    "horizon",
    "public.year",
    "public.weeks_on_support",
    "public.self_supported_weeks",
    "public.municipality",
    "parameters",
)
_DKK = ("[currency]", 1)


@dataclass(frozen=True, slots=True)
class Year:
    """One period: its label, its index (0 = first), the model as in force, and its plan."""

    label: str
    index: int
    model: Partnership
    plan: Plan


_LABELS: dict[tuple[Any, Any], str] = {}


def period_label(period: pint.Quantity[Any]) -> str:
    """``"1 year"``, ``"6 months"``; cached, as pint takes ~10 µs to format a unit."""
    key = (period.magnitude, period._units)
    label = _LABELS.get(key)
    if label is None:
        if len(_LABELS) > 1024:  # many different periods must not grow this without bound
            _LABELS.clear()
        unit = str(period.units)
        if unit.isalpha() and period.magnitude != 1:
            unit += "s"  # a plain English unit: 6 months, 0.5 years
        label = _LABELS[key] = f"{format_magnitude(period.magnitude)} {unit}"
    return label


Skeleton = dict[str, Any]  # field → a sub-skeleton, or the growth class of a money quantity


def skeleton(value: Any, *, skip: frozenset[str] = frozenset(), at: str = "") -> Any:
    """Where ``value``'s money inputs are: walked once, so each year grows only those branches.

    A money quantity becomes ``"wage"`` or ``"price"`` (its growth), a model or tuple a dict
    of the children that hold money, anything else None. Paths in ``skip`` (set by a
    change) are left out: a changed value is taken as stated.
    """
    if isinstance(value, pint.Quantity):
        if _DKK not in unit_info(value).dims:
            return None
        return "wage" if at.rpartition(".")[2] in WAGE_KEYS else "price"
    children: Iterator[tuple[str, Any]]
    if isinstance(value, BaseModel):
        children = ((name, getattr(value, name)) for name in type(value).model_fields if name not in _NOT_GROWN)
    elif isinstance(value, tuple):
        children = ((str(i), v) for i, v in enumerate(value))
    else:
        return None
    out = {}
    for name, child in children:
        path = f"{at}.{name}" if at else name
        if path not in skip:
            sub = skeleton(child, skip=skip, at=path)
            if sub is not None:
                out[name] = sub
    return out or None


def money_inputs(value: Any) -> Iterator[tuple[str, str]]:
    """Each money input a horizon grows, by path, with its growth (``wage`` or ``price``)."""

    def walk(where: Any, at: str) -> Iterator[tuple[str, str]]:
        if isinstance(where, str):
            yield at, where
        elif where is not None:
            for name, sub in where.items():
                yield from walk(sub, f"{at}.{name}" if at else name)

    yield from walk(skeleton(value), "")


def grown(value: Any, where: Any, wage: Num, price: Num) -> Any:
    """``value`` with its money inputs (as ``where`` maps them) times ``wage`` or ``price``.

    Exact factors (Fractions) keep magnitudes exact; float factors (sweeps) make floats
    or arrays.
    """
    if where is None:
        return value
    if isinstance(where, str):
        factor = wage if where == "wage" else price
        if not isinstance(factor, np.ndarray) and factor == 1:  # an array: a swept growth rate
            return value
        magnitude = value.magnitude
        if isinstance(factor, Rational) and isinstance(magnitude, (int, float, Fraction, Rational)):
            return scaled_exact(value, factor)
        return with_magnitude(value, magnitude * factor)
    if isinstance(value, tuple):
        return tuple(grown(v, where.get(str(i)), wage, price) for i, v in enumerate(value))
    return unchecked_copy(value, {name: grown(getattr(value, name), sub, wage, price) for name, sub in where.items()})


def check_change(base: Partnership, index: int, path: str, value: Any) -> Partnership:
    """``base`` with one change's value in place, validated; errors name the change.

    Raises:
        ValueError: the input may not change from year to year, does not exist, or the
            value is not valid for it.

    """
    where = f"horizon.changes.{index}.set.{path}"
    if any(path == fixed or path.startswith(fixed + ".") for fixed in FIXED_INPUTS):
        raise ValueError(f"{where}: {path} describes the scenario, not one year of it; it cannot change by year")
    try:
        return paths.replace(base, path, value)
    except paths.PathError:
        raise ValueError(f"{where}: no input {path!r} in this scenario{paths.did_you_mean(base, path)}") from None
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        missing = [".".join(map(str, e["loc"])) for e in errors if e["type"] == "missing"]
        if missing:  # a block re-stated in part: name what it lacks, and the path that sets one input
            lacks = ", ".join(m.removeprefix(f"{path}.") for m in missing)
            given = next(iter(value), None) if isinstance(value, dict) else None
            example = f"{path}.{given}" if given is not None else f"{missing[0].rsplit('.', 1)[0]}.<input>"
            raise ValueError(
                f"{where}: a block set by a change is given whole, and this one lacks {lacks}; "
                f"to change one input of it, set that input's path (e.g. {example})"
            ) from None
        if _own_error(base, path, first["msg"]):
            raise ValueError(first["msg"]) from None  # the scenario's own error, not the change's: no blame
        raise ValueError(f"{where}: {first['msg']}") from None


def _own_error(base: Partnership, path: str, message: str) -> bool:
    """Whether ``base`` with its own value at ``path`` fails the same way: an error elsewhere in the scenario."""
    try:
        paths.replace(base, path, paths.get(base, path))
    except ValidationError as exc:
        return exc.errors()[0]["msg"] == message
    except paths.PathError:
        return False
    return False


def _overlaps(a: str, b: str) -> bool:
    """Whether two input paths touch the same input (equal, or one holds the other)."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _year_names(horizon: Horizon) -> str:
    """The years a change may name, in words: ``2026 to 2028`` or ``1 to 3``."""
    first = 1 if horizon.start_year is None else horizon.start_year
    last = first + horizon.years - 1
    return str(first) if first == last else f"{first} to {last}"


def check_change_years(horizon: Horizon) -> None:
    """Each change names a year of the horizon, and no input is set twice for the same year.

    A change's year is a calendar year with ``start_year`` (2026 … 2028), else the
    year's number (1 = the first year). A year outside the horizon would be ignored (after
    it) or applied from the first year (before it), and two values for one input in one
    year would leave the list's order to decide: all three are refused, naming the change.

    Raises:
        ValueError: the message names ``horizon.changes.N.year`` (or the input set twice)
            and the valid years.

    """
    first = 1 if horizon.start_year is None else horizon.start_year
    last = first + horizon.years - 1
    for i, change in enumerate(horizon.changes):
        if first <= change.year <= last:
            continue
        where = f"horizon.changes.{i}.year: {change.year} is not a year of the horizon"
        if horizon.start_year is not None:
            hint = ""
            if 1 <= change.year <= horizon.years:
                hint = f" (year {change.year} of the horizon is {first + change.year - 1})"
            raise ValueError(
                f"{where}; with start_year {first} a change's year is a calendar year: {_year_names(horizon)}{hint}"
            )
        hint = "; to write calendar years, give horizon.start_year" if change.year >= 1900 else ""
        raise ValueError(
            f"{where}; without start_year a change's year is the year's number: "
            f"{_year_names(horizon)} (1 = the first year){hint}"
        )
    seen: list[tuple[int, str, int]] = []  # (year, path, change) of every value set
    for i, change in enumerate(horizon.changes):
        for path in change.set:
            for year, other, j in seen:
                if year == change.year and _overlaps(path, other):
                    both = "" if path == other else f" (as {other})"
                    named = horizon.label(change.year - first)
                    raise ValueError(
                        f"horizon.changes.{i}.set.{path}: already set for {named} by horizon.changes.{j}{both}; "
                        "give each input one value a year"
                    )
            seen.append((change.year, path, i))


def _in_force(horizon: Horizon, index: int) -> tuple[int, ...]:
    """The changes in force in year ``index``, in the order they apply: by year, then as listed."""
    return tuple(
        sorted(
            (i for i, c in enumerate(horizon.changes) if horizon.applies(c, index)),
            key=lambda i: horizon.changes[i].year,
        )
    )


def changed_years(partnership: Partnership, path: str) -> tuple[str, ...]:
    """The labels of the years in which a horizon change sets ``path`` (or an input holding it).

    In those years the change's value holds, whatever the scenario states for ``path``:
    a solver or sweep varying ``path`` moves only the other years.
    """
    horizon = partnership.horizon
    if horizon is None:
        return ()
    return tuple(
        horizon.label(index)
        for index in range(horizon.years)
        if any(path == p or path.startswith(p + ".") for i in _in_force(horizon, index) for p in horizon.changes[i].set)
    )


def set_by(partnership: Partnership, path: str, label: str) -> str | None:
    """The change (``horizon.changes.N``) whose value ``path`` holds in the year ``label``, else None.

    The last change in force that sets it (or an input holding it) wins, as the run applies them.
    """
    horizon = partnership.horizon
    if horizon is None:
        return None
    index = next((i for i in range(horizon.years) if horizon.label(i) == label), None)
    if index is None:
        return None
    setting = [
        i
        for i in _in_force(horizon, index)
        if any(path == p or path.startswith(p + ".") for p in horizon.changes[i].set)
    ]
    return f"horizon.changes.{setting[-1]}" if setting else None


def changed_input_note(partnership: Partnership, path: str) -> Text | None:
    """A note when a horizon change sets ``path`` in some years, so that varying it moves only the others.

    None when no change sets it. The note names the input, the years the change holds
    and the years a varied value counts in (``…counts in 2026 only``).
    """
    changed = changed_years(partnership, path)
    if not changed:
        return None
    horizon = partnership.horizon
    assert horizon is not None  # noqa: S101 - changed years exist only with a horizon
    labels = [horizon.label(i) for i in range(horizon.years)]
    kept = [label for label in labels if label not in changed]

    def span(years: list[str]) -> Period:
        return Period(years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}")

    if not kept:
        return Text("msg.changed_input_all", path=Raw(path), changed=span(list(changed)))
    return Text("msg.changed_input", path=Raw(path), changed=span(list(changed)), kept=span(kept))


def idle_fte_changes(partnership: Partnership) -> tuple[Text, ...]:
    """A statement per change that sets the FTE of a post costed by its ``annual_cost``.

    ``annual_cost`` is the post's cost as stated, at its FTE: its FTE moves no amount
    (the ledger and placements show the new FTE, the cost stays). None where the same
    change also sets the post's cost.
    """
    horizon = partnership.horizon
    if horizon is None:
        return ()
    base = unchecked_copy(partnership, {"horizon": None})
    out: list[Text] = []
    for i, change in enumerate(horizon.changes):
        for path in change.set:
            head, dot, last = path.rpartition(".")
            if (
                not dot
                or last != "fte"
                or any(p in change.set for p in (f"{head}.annual_cost", f"{head}.cost_per_fte"))
            ):
                continue
            model = base
            for j in _in_force(horizon, _change_index(horizon, i)):
                for at, value in horizon.changes[j].set.items():
                    model = check_change(model, j, at, value)
            post = paths.get(model, head)
            if getattr(post, "cost_per_fte", 1) is None and getattr(post, "annual_cost", None) is not None:
                out.append(
                    Text(
                        "msg.change_idle_fte",
                        change=Raw(str(i)),
                        path=Raw(path),
                        year=Period(horizon.label(_change_index(horizon, i))),
                    )
                )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class InputNote:
    """Why an input of a horizon's year differs from the stated one.

    ``kind`` is ``"changed"`` (a change's value: ``change`` is its index, ``since`` the
    year it names) or ``"grown"`` (``stated`` the stated value, grown at ``rate`` a year
    for ``years`` years). A money input inside a change's value is stated in the prices of
    the change's year and grows from there: its ``"changed"`` note then also has ``stated``
    (the change's value), ``rate`` and ``years`` (since the change's year; 0 in that year).
    """

    kind: Literal["grown", "changed"]
    stated: Any = None
    rate: Any = None
    years: int = 0
    change: int = -1
    since: int = 0


def year_inputs(partnership: Partnership, label: str) -> tuple[Partnership, dict[str, InputNote]] | None:
    """The model of the horizon's year ``label`` as evaluated, and a note per input that differs.

    The notes are keyed by input path: a change's value (and the inputs inside it) is
    ``changed``, a money input grown by ``wage_growth`` or ``price_growth`` is ``grown``;
    a money input inside a change's value grown since the change's year has a
    ``changed`` note of its own, with its growth. None without a horizon or when no year
    has that label.
    """
    horizon = partnership.horizon
    if horizon is None:
        return None
    for year in years(partnership, {}, False):
        if year.label != label:
            continue
        notes: dict[str, InputNote] = {}
        set_by: dict[str, tuple[int, int]] = {}
        in_order: list[tuple[str, int]] = []  # as years() applies them, with each change's year index
        base = unchecked_copy(partnership, {"horizon": None})
        changed = base
        for i in _in_force(horizon, year.index):
            for path, value in horizon.changes[i].set.items():
                set_by[path] = (i, horizon.changes[i].year)
                in_order.append((path, _change_index(horizon, i)))
                changed = check_change(changed, i, path, value)
        rates = {"wage": horizon.wage_growth, "price": horizon.price_growth}
        if year.index:
            for path, growth in money_inputs(base):
                if canonical(rates[growth]) != 0 and not any(_overlaps(path, p) for p in set_by):
                    notes[path] = InputNote("grown", paths.get(base, path), rates[growth], year.index)
        for path, (i, since) in set_by.items():
            notes[path] = InputNote("changed", change=i, since=since)
        # after the changed blocks: a money input inside one, grown since its change's year
        for path, growth in money_inputs(changed):
            hit = _set_since(in_order, path)
            if hit is None or canonical(rates[growth]) == 0 or year.index == hit[1]:
                continue
            i, since = set_by[in_order[hit[0]][0]]
            stated = paths.get(changed, path)
            notes[path] = InputNote("changed", stated, rates[growth], year.index - hit[1], change=i, since=since)
        return year.model, notes
    return None


def _change_index(horizon: Horizon, change: int) -> int:
    """The index (0 = the first year) of the year a change names."""
    first = 1 if horizon.start_year is None else horizon.start_year
    return horizon.changes[change].year - first


PROGRESSION_WAGES = ("horizon.progression.fleksjob_wage", "horizon.progression.ordinary_wage")
"""The progression's wages: in the first year's prices, grown by ``wage_growth`` (:func:`progression_growth`)."""


def progression_growth(horizon: Horizon, index: int) -> Num:
    """The factor the progression's wages are grown by in year ``index``: the wage growth since the first year."""
    return (1 + canonical(horizon.wage_growth)) ** index


def changes_in_force(partnership: Partnership, index: int) -> list[tuple[str, int]]:
    """The inputs the horizon's changes set in year ``index``, in the order they apply, with their change's index."""
    horizon = partnership.horizon
    if horizon is None:
        return []
    return [(path, _change_index(horizon, i)) for i in _in_force(horizon, index) for path in horizon.changes[i].set]


def _set_since(paths_set: list[tuple[str, int]], path: str) -> tuple[int, int] | None:
    """The change that last set ``path`` (or an input holding it): its place in ``paths_set`` and its year index."""
    for k in range(len(paths_set) - 1, -1, -1):
        changed, since = paths_set[k]
        if path == changed or path.startswith(changed + "."):
            return k, since
    return None


def _by_price_year(model: Partnership, paths_set: list[tuple[str, int]]) -> dict[int, Any]:
    """The money inputs of ``model`` (a skeleton, see :func:`skeleton`) by the year index their value is stated for.

    A value a change sets is stated in the prices of the change's year, every other in
    those of the first year (0); ``paths_set`` holds the changed paths in the order they
    apply, with their change's year index.
    """
    out: dict[int, Any] = {}
    for path, growth in money_inputs(model):
        hit = _set_since(paths_set, path)
        since = 0 if hit is None else hit[1]
        node = out.setdefault(since, {})
        *heads, last = path.split(".")
        for head in heads:
            node = node.setdefault(head, {})
        node[last] = growth
    return out


def years(partnership: Partnership, overrides: Mapping[str, Any], vector: bool) -> Iterator[Year]:
    """The periods of a scenario, with ``overrides`` (a sweep's arrays) in place."""
    horizon = partnership.horizon
    if horizon is None:
        model = paths.overlay(partnership, overrides)
        plans = model._plans()
        if not partnership.MULTI_PERIOD:
            yield Year(period_label(partnership.period), 0, model, plans[0])
            return
        for index, plan in enumerate(plans):
            yield Year(plan.label, index, model, plan)
        return
    base = unchecked_copy(partnership, {"horizon": None})
    wage_growth, price_growth = 1 + canonical(horizon.wage_growth), 1 + canonical(horizon.price_growth)
    in_force_models: dict[tuple[int, ...], tuple[Partnership, frozenset[str], dict[int, Any]]] = {}
    for index in range(horizon.years):
        in_force = _in_force(horizon, index)
        if in_force not in in_force_models:
            changed, paths_set = base, []
            for i in in_force:
                for path, value in horizon.changes[i].set.items():
                    changed = check_change(changed, i, path, value)
                    paths_set.append((path, _change_index(horizon, i)))
            fixed = frozenset(path for path, _ in paths_set)
            in_force_models[in_force] = (changed, fixed, _by_price_year(changed, paths_set))
        changed, fixed, money = in_force_models[in_force]
        # a change's value holds in its years, also for the inputs inside a changed one
        kept = {k: v for k, v in overrides.items() if not any(k == f or k.startswith(f + ".") for f in fixed)}
        model = paths.overlay(changed, kept)
        # each money input grows from the year its value is stated for: the first year, or its change's
        for since, where_ in money.items():
            model = grown(model, where_, wage_growth ** (index - since), price_growth ** (index - since))
        label = horizon.label(index)
        yield Year(label, index, model, model._plan()._replace(label=label))


_STATES = ("fleksjob", "ordinary", "left")
_WEEKS = WEEKS_PER_YEAR  # weeks of a horizon's year (the refusion ladder's count)


@dataclass(frozen=True, slots=True)
class Occupants:
    """One group of the course places' occupants over a year.

    ``who`` is ``"first"`` (the first citizens, on their group's own ladder), ``"past"``
    (newcomers past week 52 of their ladder when the year starts) or ``"new"`` (newcomers
    who started ``since`` weeks after this year's 1 January: negative for last year).
    The group holds ``share`` of the places in stretch ``start`` of the year (see
    :class:`Places`), and none before it.
    """

    who: Literal["first", "past", "new"]
    since: Num
    share: Num
    start: int = 0


@dataclass(frozen=True, slots=True)
class Places:
    """The course places over one year: their occupants' shares between the course ends.

    ``bounds`` are the weeks from 1 January at which the stretches start and end: 0, the
    course ends within the year (52 for an ordinal that has no end this year, in a sweep
    whose course lengths differ), 52. At the end of stretch j every group keeps
    ``kept[j]`` of its places (1 − the share moved on); the newcomers take the rest. In
    every stretch the groups' shares add up to 1 (0 in a year without places).
    """

    bounds: tuple[Num, ...]
    kept: tuple[Num, ...]
    groups: tuple[Occupants, ...]

    def shares(self, group: Occupants) -> tuple[Num, ...]:
        """The group's share of the places in each stretch from its first on."""
        out = [group.share]
        for factor in self.kept[group.start :]:
            out.append(out[-1] * factor)
        return tuple(out)


@dataclass
class Progress:
    """Course participants moving on, year by year (people as exact or float64 numbers).

    ``with_`` holds those in fleksjob, ordinary jobs and gone (left) with the partnership,
    ``without`` the same for the stated comparison group (all zero without one).
    """

    with_: dict[str, Num] = field(default_factory=lambda: dict.fromkeys(_STATES, 0))
    without: dict[str, Num] = field(default_factory=lambda: dict.fromkeys(_STATES, 0))
    # the course places' occupants at the end of the last year, as counts of people: the
    # first citizens, newcomers past week 52, and newcomers by the week they started
    # (weeks from the first 1 January); and the number of places that year (None: none yet)
    first: Num = 0
    past: Num = 0
    recent: list[tuple[Num, Num]] = field(default_factory=list)
    places: Num | None = None
    new_year: Num = 0  # 1 where a course ended on the last day of the last year (its places freed for 1 January)
    course: tuple[Num, Num] = (0, 1)  # the share moved on at a course end, and the course's length in years

    @property
    def in_fleksjob(self) -> Num:
        """Former participants in fleksjob with the partnership."""
        return self.with_["fleksjob"]

    @property
    def in_ordinary(self) -> Num:
        """Former participants in ordinary jobs with the partnership."""
        return self.with_["ordinary"]

    def cohorts(self, horizon: Horizon | None, index: int) -> tuple[Cohort, ...]:
        """Former participants in jobs (and, with ``leave_benefit``, on it) this year, for the public view."""
        from socialpartner.public import Cohort

        progression = None if horizon is None else horizon.progression
        if horizon is None or progression is None:
            return ()
        wage = hours = None
        if progression.fleksjob_wage is not None and progression.fleksjob_hours is not None:
            wage = canonical(progression.fleksjob_wage) * progression_growth(horizon, index)
            hours = canonical(progression.fleksjob_hours)
        ordinary_wage = None  # a year's taxable wage, grown as the fleksjob wage is
        if progression.ordinary_wage is not None:
            ordinary_wage = canonical(progression.ordinary_wage) * progression_growth(horizon, index)
        w, c, group = self.with_, self.without, "course participant"
        out = [
            Cohort("former participants in fleksjob", w["fleksjob"], wage, hours, group, c["fleksjob"], "fleksjob"),
            Cohort(
                "former participants in ordinary jobs",
                w["ordinary"],
                None,
                None,
                group,
                c["ordinary"],
                "ordinary",
                yearly_wage=ordinary_wage,
            ),
        ]
        if progression.leave_benefit is not None:
            out.append(
                Cohort(
                    "former participants who left",
                    w["left"],
                    None,
                    None,
                    group,
                    c["left"],
                    "benefit",
                    progression.leave_benefit,
                )
            )
        return tuple(out)

    def course_mix(self, horizon: Horizon | None, index: int, placements: tuple[Placement, ...]) -> Places | None:
        """The year's course places by their occupants, between the year's course ends.

        Every place starts a course on 1 January of the first year and courses run back to
        back (:func:`completions`). At each course end a share m = to_fleksjob +
        to_ordinary + leave of every group of occupants moves on, whatever their tenure,
        and a new citizen takes the place there and then, starting their own refusion
        ladder at week 1. A course ending on 31 December frees its places for 1 January.
        Between years the number of places may change: when it grows, new citizens take
        the new places (with the places freed on 31 December) from 1 January; when it
        shrinks, those staying are fewer in proportion. None without progression.
        """
        if horizon is None or horizon.progression is None:
            return None
        participants = _participants(placements)
        start = _WEEKS * index  # this year's 1 January, in weeks from the first
        recent: list[tuple[Num, Num]] = []
        if self.places is None or index == 0:
            self.course = (moved_share(horizon.progression), canonical(horizon.progression.after))
            first, past = participants, 0
        m, after = self.course
        if index and self.places is not None:
            stay = 1 - m * self.new_year
            first, past = self.first * stay, self.past * stay
            for began, count in self.recent:
                count = count * stay
                old = start - began >= _WEEKS  # past week 52 of their ladder: one group
                if isinstance(old, np.ndarray):
                    past = past + np.where(old, count, 0.0)
                    if not old.all():
                        recent.append((began, np.where(old, 0.0, count)))
                elif old:
                    past = past + count
                else:
                    recent.append((began, count))
            staying = total([(1, first), (1, past), *((1, n) for _, n in recent)])
            cut = where(staying > participants, safe_div(participants, staying), 1)
            first, past = first * cut, past * cut
            recent = [(began, n * cut) for began, n in recent]
            grown_by = maximum(participants - staying, 0)
            if not (is_exact(grown_by) and grown_by == 0):
                recent.append((start, grown_by))
        # shares of the places from 1 January, then course end by course end; each group:
        # who, its start (weeks from this 1 January), its share in its first stretch, that stretch
        per_place = safe_div(1, participants)  # 0 in a year without places
        groups: list[Occupants] = [
            Occupants("first", None, first * per_place),
            Occupants("past", None, past * per_place),
            *(Occupants("new", began - start, n * per_place) for began, n in recent),
        ]
        bounds: list[Num] = [0]
        kept: list[Num] = []
        occupied = participants * per_place  # 1, or 0 for a year without places
        self.new_year = _ends_on_new_year(after, index)
        mid_year = completions(horizon, index) - self.new_year
        ends = int(np.max(mid_year)) if isinstance(mid_year, np.ndarray) else int(mid_year)
        k0 = floor(div(index, after)) + 1 if ends else 0  # the first course to end after this 1 January
        for c in range(ends):
            at = (k0 + c) * after * _WEEKS - start
            m_c = m
            if isinstance(mid_year, np.ndarray):  # a sweep over course lengths: not every variant has this end
                live = c < mid_year
                at, m_c = where(live, minimum(maximum(at, 0), _WEEKS), _WEEKS), where(live, m, 0)
            bounds.append(at)
            kept.append(1 - m_c)
            if not (is_exact(m_c) and m_c == 0):  # nobody moves on: no newcomers
                groups.append(Occupants("new", at, m_c * occupied, c + 1))
        bounds.append(_WEEKS)
        # what each group keeps from its first stretch to the end of the year: its count then, for the next
        to_end: list[Num] = [1]
        for factor in reversed(kept):
            to_end.append(to_end[-1] * factor)
        to_end.reverse()
        counts = [g.share * to_end[g.start] * participants for g in groups]
        self.places = participants
        self.first, self.past = counts[0], counts[1]
        self.recent = [(g.since + start, n) for g, n in zip(groups[2:], counts[2:], strict=True)]
        return Places(tuple(bounds), tuple(kept), tuple(g for g in groups if not (is_exact(g.share) and g.share == 0)))

    def advance(self, horizon: Horizon | None, placements: tuple[Placement, ...], index: int) -> dict[str, Num]:
        """Move this year's finishers on; people count in their new job from the next year on."""
        progression = None if horizon is None else horizon.progression
        if horizon is None or progression is None:
            return {}
        finishing = _participants(placements) * completions(horizon, index)
        moves = {
            "in_fleksjob": self.with_["fleksjob"],
            "in_ordinary": self.with_["ordinary"],
            "into_fleksjob": finishing * canonical(progression.to_fleksjob),
            "into_ordinary": finishing * canonical(progression.to_ordinary),
            "left": finishing * canonical(progression.leave),
        }
        comparison = progression.comparison
        if comparison is not None:
            moves["comparison_into_fleksjob"] = finishing * canonical(comparison.to_fleksjob)
            moves["comparison_into_ordinary"] = finishing * canonical(comparison.to_ordinary)
            moves["effect_into_fleksjob"] = moves["into_fleksjob"] - moves["comparison_into_fleksjob"]
            moves["effect_into_ordinary"] = moves["into_ordinary"] - moves["comparison_into_ordinary"]
            for state, share in (
                ("fleksjob", comparison.to_fleksjob),
                ("ordinary", comparison.to_ordinary),
                ("left", comparison.leave),
            ):
                self.without[state] = self.without[state] + finishing * canonical(share)
        self.with_["fleksjob"] = self.with_["fleksjob"] + moves["into_fleksjob"]
        self.with_["ordinary"] = self.with_["ordinary"] + moves["into_ordinary"]
        self.with_["left"] = self.with_["left"] + moves["left"]
        return moves


def _participants(placements: tuple[Placement, ...]) -> Num:
    """The course participants placed in a year (exact, or float64 over variants)."""
    return total((1, p.headcount) for p in placements if p.form == "course participant")


def completions(horizon: Horizon, index: int) -> Num:
    """Courses finished per course place in year ``index`` (0 = the first year).

    Every place starts a course on 1 January of the first year and courses run back to
    back, so the k-th ends at k × ``progression.after``; one ending on the last day of a
    year counts in that year. A 6-month course: 2 a year; 12 months: 1; 24 months: none
    in the first year, 1 in the second, and so on.
    """
    assert horizon.progression is not None  # noqa: S101 - only with progression
    after = canonical(horizon.progression.after)  # in years
    return floor(div(index + 1, after)) - floor(div(index, after))


def _ends_on_new_year(after: Num, index: int) -> Num:
    """1 where a course ends on the last day of year ``index`` (its places are then freed for 1 January), else 0."""
    ends = div(index + 1, after)
    if is_exact(ends):
        return 1 if ends.denominator == 1 else 0
    return where(np.abs(ends - np.round(ends)) < 1e-9, 1, 0)  # as :func:`floor` nudges a float quotient


def moved_share(progression: Progression) -> Num:
    """The share of course places freed at a course end: those moving into fleksjob, ordinary jobs or leaving."""
    return canonical(progression.to_fleksjob) + canonical(progression.to_ordinary) + canonical(progression.leave)


def newcomer_weeks(horizon: Horizon) -> list[Num]:
    """Weeks from the first 1 January at which new citizens take course places (exact).

    At every course end (k × ``progression.after``) within the horizon that moves anyone
    on: a course ending on the last day of the horizon frees its places after it. Empty
    otherwise.
    """
    progression = horizon.progression
    assert progression is not None  # noqa: S101 - only with progression
    after = canonical(progression.after)
    if moved_share(progression) == 0:
        return []
    ends = math.ceil(div(horizon.years, after)) - 1  # course ends strictly before the horizon's end
    return [k * after * _WEEKS for k in range(1, ends + 1)]


# -- present values and payback over the periods ------------------------------------------


def discount_factors(n: int, p: Callable[[str], Num], horizon: Horizon | None = None) -> list[Num]:
    """Present-value factors for years 0 … n-1.

    The yearly nets are nominal (inputs grow with wages and prices). By default they are
    deflated by the price growth, ``(1 + price growth)^t``, and discounted at the
    Finansministeriet's real rates (``discount_rate.years_0_35`` for the first 35 years,
    ``discount_rate.years_36_70`` after); with ``horizon.nominal_discount_rate`` they are
    discounted at that nominal rate instead.
    """
    if horizon is not None and horizon.nominal_discount_rate is not None:
        nominal = canonical(horizon.nominal_discount_rate)
        return [div(1, (1 + nominal) ** t) for t in range(n)]
    early, late = p("discount_rate.years_0_35"), p("discount_rate.years_36_70")
    inflation = 0 if horizon is None else canonical(horizon.price_growth)
    factors: list[Num] = []
    for t in range(n):
        factor = div(1, (1 + early) ** min(t, 35))
        if t > 35:
            factor = div(factor, (1 + late) ** (t - 35))
        if isinstance(inflation, np.ndarray) or inflation:  # an array when a sweep varies price_growth
            factor = div(factor, (1 + inflation) ** t)
        factors.append(factor)
    return factors


def never_positive(series: Mapping[str, list[Num]]) -> dict[str, bool]:
    """Per exact series: at or below zero in every year (a party that only pays: no payback to look for)."""
    return {name: all(net <= 0 for net in nets) for name, nets in series.items()}


def present_values(
    series: Mapping[str, list[Num]], factors: list[Num], *, exact: bool
) -> tuple[dict[str, Num], dict[str, Num], dict[str, Num], dict[str, Num]]:
    """Present value, payback index and whether ever negative, per series of yearly nets (øre).

    The public payers' series also get their undiscounted total. The payback index is the
    first year the discounted running sum is back at or above zero after being negative
    (-1: not within the horizon).
    """
    # Exact: every factor as an integer weight over one common denominator, so the running
    # sums are integers (a 40-year horizon's factors have denominators of 100 digits).
    scale: Num = 1.0
    weights: list[Num] = factors
    if exact:
        scale = math.lcm(*(int(f.denominator) for f in factors))
        weights = [int(f.numerator) * (scale // int(f.denominator)) for f in factors]
    pv: dict[str, Num] = {}
    payback: dict[str, Num] = {}
    negative: dict[str, Num] = {}
    totals: dict[str, Num] = {}
    for name, yearly in series.items():
        running: Num = 0
        back: Num = -1
        was_negative: Num = False
        for t, net in enumerate(yearly):
            running = running + net * weights[t]
            below = running < 0
            # a dip below zero restarts the count; the first year back at or above zero is the payback
            back = where(below, -1, where(was_negative & (back < 0), t, back))
            was_negative = was_negative | below
        pv[name] = ore(div(running, 100 * scale)) if is_exact(running) else _ore_signed(running)
        payback[name], negative[name] = back, was_negative
        if name.startswith("public."):
            totals[name] = total((1, n) for n in yearly)
    return pv, payback, negative, totals


def _ore_signed(x: Num) -> Num:
    """Whole øre, half away from zero, for float64 amounts that may be negative."""
    x = np.asarray(x, dtype=float)
    return np.copysign(ore(np.abs(np.divide(x, 100.0))), x)
