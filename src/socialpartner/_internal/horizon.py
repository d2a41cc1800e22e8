"""The period axis: a horizon's years (growth, changes, progression) and a spin-off's years.

Growth is exact: year *t*'s money inputs are the stated ones times ``(1 + growth)^t`` as
exact rationals (float64 for sweeps), never rounded in the unit the user wrote, so the
results do not depend on how a unit is written; each amount is rounded once, to øre, by
the engine. Changes are validated once per set of changes in force, not once per year.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import pint
from pydantic import BaseModel, ValidationError

from socialpartner._internal import paths
from socialpartner._internal.backend import Num, div, minimum, total
from socialpartner._internal.plan import Placement, Plan
from socialpartner._internal.units import canonical, exact_magnitude, format_magnitude, unit_info, with_magnitude

if TYPE_CHECKING:
    from socialpartner.models._base import Partnership
    from socialpartner.models._options import Horizon
    from socialpartner.public import Cohort

__all__ = ["FIXED_INPUTS", "Progress", "Year", "check_change", "period_label", "years"]

# Grown with wages; every other money input grows with prices.
WAGE_KEYS = frozenset({"wage_cost", "annual_cost", "cost_per_fte", "fleksjob_wage"})
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
    """``"1 year"``; cached, as pint takes ~10 µs to format a unit."""
    key = (period.magnitude, period._units)
    label = _LABELS.get(key)
    if label is None:
        if len(_LABELS) > 1024:  # many different periods must not grow this without bound
            _LABELS.clear()
        label = _LABELS[key] = f"{format_magnitude(period.magnitude)} {period.units}"
    return label


def grown(value: Any, wage: Num, price: Num, *, skip: frozenset[str] = frozenset(), at: str = "") -> Any:
    """``value`` with its money inputs times ``wage`` (wage costs) or ``price`` (the rest).

    Exact factors (Fractions) keep magnitudes exact; float factors (sweeps) make floats
    or arrays. Paths in ``skip`` (values set by a change) are kept as stated.
    """
    if isinstance(value, pint.Quantity):
        if _DKK not in unit_info(value).dims:
            return value
        key = at.rpartition(".")[2]
        factor = wage if key in WAGE_KEYS else price
        if factor == 1:
            return value
        magnitude = value.magnitude
        exact = isinstance(factor, Fraction) and isinstance(magnitude, (int, float, Fraction))
        return with_magnitude(value, exact_magnitude(magnitude) * factor if exact else magnitude * factor)
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            if name in _NOT_GROWN:
                continue
            path = f"{at}.{name}" if at else name
            if path in skip:
                continue
            old = getattr(value, name)
            new = grown(old, wage, price, skip=skip, at=path)
            if new is not old:
                update[name] = new
        return value.model_copy(update=update) if update else value
    if isinstance(value, tuple):
        items = tuple(grown(v, wage, price, skip=skip, at=f"{at}.{i}") for i, v in enumerate(value))
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    return value


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
        raise ValueError(f"{where}: no input {path!r} in this scenario") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ValueError(f"{where}: {first['msg']}") from None


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
    base = partnership.model_copy(update={"horizon": None})
    wage_growth, price_growth = 1 + canonical(horizon.wage_growth), 1 + canonical(horizon.price_growth)
    in_force_models: dict[tuple[int, ...], tuple[Partnership, frozenset[str]]] = {}
    for index in range(horizon.years):
        in_force = tuple(i for i, c in enumerate(horizon.changes) if horizon.applies(c, index))
        if in_force not in in_force_models:
            changed, paths_set = base, set()
            for i in in_force:
                for path, value in horizon.changes[i].set.items():
                    changed = check_change(changed, i, path, value)
                    paths_set.add(path)
            in_force_models[in_force] = (changed, frozenset(paths_set))
        changed, fixed = in_force_models[in_force]
        model = paths.overlay(changed, {k: v for k, v in overrides.items() if k not in fixed})
        model = grown(model, wage_growth**index, price_growth**index, skip=fixed)
        label = horizon.label(index)
        yield Year(label, index, model, replace(model._plan(), label=label))


_STATES = ("fleksjob", "ordinary", "left")


@dataclass
class Progress:
    """Course participants moving on, year by year (people as exact or float64 numbers).

    ``with_`` holds those in fleksjob, ordinary jobs and gone (left) with the partnership,
    ``without`` the same for the stated comparison group (all zero without one).
    """

    with_: dict[str, Num] = field(default_factory=lambda: dict.fromkeys(_STATES, 0))
    without: dict[str, Num] = field(default_factory=lambda: dict.fromkeys(_STATES, 0))

    @property
    def in_fleksjob(self) -> Num:
        """Former participants in fleksjob with the partnership."""
        return self.with_["fleksjob"]

    @property
    def in_ordinary(self) -> Num:
        """Former participants in ordinary jobs with the partnership."""
        return self.with_["ordinary"]

    @classmethod
    def start(cls, vector: bool) -> Progress:
        """Nobody has moved yet."""
        return cls()

    def cohorts(self, horizon: Horizon | None, index: int, p: Callable[[str], Num], vector: bool) -> tuple[Cohort, ...]:
        """Former participants in jobs (and, with ``leave_benefit``, on it) this year, for the public view."""
        from socialpartner.public import Cohort

        progression = None if horizon is None else horizon.progression
        if horizon is None or progression is None:
            return ()
        wage = hours = None
        if progression.fleksjob_wage is not None and progression.fleksjob_hours is not None:
            wage = canonical(progression.fleksjob_wage) * (1 + canonical(horizon.wage_growth)) ** index
            hours = canonical(progression.fleksjob_hours)
        w, c, group = self.with_, self.without, "course participant"
        out = [
            Cohort("former participants in fleksjob", w["fleksjob"], wage, hours, group, c["fleksjob"], "fleksjob"),
            Cohort("former participants in ordinary jobs", w["ordinary"], None, None, group, c["ordinary"], "ordinary"),
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

    def advance(self, horizon: Horizon | None, placements: tuple[Placement, ...]) -> dict[str, Num]:
        """Move this year's finishers on; people count in their new job from the next year on."""
        progression = None if horizon is None else horizon.progression
        if progression is None:
            return {}
        participants = total((1, p.headcount) for p in placements if p.form == "course participant")
        rounds = div(1, canonical(progression.after))  # courses finished per place per year
        finishing = participants * rounds
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


def turnover(horizon: Horizon | None) -> Num:
    """The share of course places freed (and filled by new citizens) a year; None without progression."""
    progression = None if horizon is None else horizon.progression
    if progression is None:
        return None
    moved = canonical(progression.to_fleksjob) + canonical(progression.to_ordinary) + canonical(progression.leave)
    return minimum(div(moved, canonical(progression.after)), 1)  # at most every place once a year
