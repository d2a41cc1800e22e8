"""Scenario paths (``courses.price``, ``support_staff.0.annual_cost``): read, replace, flatten.

The one place that addresses a scenario's inputs by path, for the solver, sweeps, the
horizon's changes and explanations. :func:`replace` validates the new value and the
rules of every model on the way up (e.g. effective hours within paid hours), without
dumping the scenario to JSON; :func:`put` replaces without validation, for values the
caller has already checked (a sweep's arrays, a grown amount).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from socialpartner.errors import SocialPartnerError

__all__ = ["PathError", "flatten", "get", "overlay", "put", "replace"]

T = TypeVar("T")


class PathError(SocialPartnerError):
    """No such input in the scenario, or a value the input does not accept.

    Attributes:
        path: the scenario path.
        reason: what is wrong, in words.

    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.reason))


def _step(obj: Any, key: str) -> Any:
    if isinstance(obj, BaseModel):  # the usual step, checked first (a Mapping check is an ABC's, slower)
        if key in type(obj).__pydantic_fields__:  # model_fields, without its property's overhead
            return getattr(obj, key)
        raise KeyError(key)
    if isinstance(obj, tuple):
        if not key.isdigit():
            raise KeyError(key)
        return obj[int(key)]
    if isinstance(obj, Mapping):
        return obj[key]
    raise KeyError(key)


def _chain(model: Any, path: str) -> list[Any]:
    """The objects along ``path``, from the scenario down to the leaf's value."""
    chain = [model]
    try:
        for key in path.split("."):
            chain.append(_step(chain[-1], key))
    except (KeyError, IndexError):
        raise PathError(path, "no such input in this scenario") from None
    return chain


def get(model: Any, path: str) -> Any:
    """The value at ``path``.

    Raises:
        PathError: no such input.

    """
    return _chain(model, path)[-1]


# whole-number inputs that describe the scenario rather than a quantity of it: years, codes,
# counts of weeks that pick a step on the refusion ladder. A sweep, a Monte Carlo run and the
# solver vary quantities; these are set one value at a time.
_FIXED_NAMES = {
    "year": "a calendar year",
    "start_year": "a calendar year",
    "years": "the length of the horizon",
    "split_year": "a calendar year",
    "cvr_registered": "a calendar year",
    "code": "a municipality code",
    "period": "the length of the period every amount is for",
    "weeks_on_support": "weeks on support pick the refusion rate per band, year by year",
    "self_supported_weeks": "weeks on support pick the refusion rate per band, year by year",
}


def fixed_input(path: str) -> str | None:
    """Why ``path`` cannot be varied by a sweep, Monte Carlo or the solver (None: it can)."""
    keys = path.split(".")
    for key in ("weeks_on_support", "self_supported_weeks"):  # also by group: ….weeks_on_support.fleksjob
        if key in keys:
            return _FIXED_NAMES[key]
    return _FIXED_NAMES.get(keys[-1])  # the input itself: years.0.parent_purchases is a quantity


# inputs keyed by group (a placement form): their keys are read in Danish too, a path's are not
_GROUPED = frozenset({"counterfactual", "weeks_on_support", "self_supported_weeks"})

_CHANGE_VALUE = re.compile(r"horizon\.changes\.\d+\.set\.(?P<input>.+)\Z")


def did_you_mean(model: Any, path: str) -> str:
    """``; did you mean 'services.0.price'?`` for the scenario's input nearest ``path`` (empty: none near)."""
    import difflib

    from socialpartner.models._shared import form_name  # models import this module

    inputs = [key for key, _ in flatten(model.model_dump(mode="json", exclude_none=True))]
    # a group written as the Danish output names it (public.counterfactual.forløbsdeltager.amount):
    # a scenario's keys are read so, a path names the form itself; the nearest other input would
    # be another group's (fleksjob's), which varies the wrong people
    keys = path.split(".")
    named = [form_name(k) if i and keys[i - 1] in _GROUPED else k for i, k in enumerate(keys)]
    if named != keys:
        form = ".".join(named)
        at = next(i for i, (a, b) in enumerate(zip(keys, named, strict=True)) if a != b)
        group = ".".join(named[: at + 1])
        same = [key for key in inputs if key == form or key.startswith((form + ".", group + "."))]
        if same:
            pick = (
                [k for k in same if k == form or k.startswith(form + ".")]
                or difflib.get_close_matches(form, same, n=1)
                or same
            )[0]
            return f"; a path names the group by its form: did you mean {pick!r}?"
    near = difflib.get_close_matches(path, inputs, n=1)
    return f"; did you mean {near[0]!r}?" if near else ""


def variable(model: Any, path: str, error: Callable[[str, str], Exception], verb: str) -> Any:
    """The value of input ``path``, which a sweep or the solver is about to vary.

    Raises:
        Exception: built by ``error`` from the message and ``path``: no such input, or an
            input that describes the scenario (``verb``: ``varied``, ``solved for``).

    """
    change = _CHANGE_VALUE.match(path)
    if change is not None:  # a value a horizon change sets is text kept as written, not an input of its own
        raise error(
            f"{path}: a horizon change's value cannot be {verb}; to find it, take the change out and "
            f"vary {change['input']} with a target in the change's years (e.g. YEAR.net.PARTY), or "
            "evaluate copies of the scenario with each value",
            path,
        )
    try:
        value = get(model, path)
    except PathError:
        raise error(f"{path}: no such input in this scenario{did_you_mean(model, path)}", path) from None
    why = fixed_input(path)
    if why is not None:
        raise error(f"{path}: cannot be {verb} ({why}); evaluate its values one by one", path)
    if value is None:  # an optional input left out (the model uses its default): no value or unit to start from
        raise error(
            f"{path}: not given in this scenario (the model uses its default); write a value for it in the "
            f"scenario to have it {verb}",
            path,
        )
    return value


M = TypeVar("M", bound=BaseModel)


def unchecked_copy(model: M, update: Mapping[str, Any]) -> M:
    """A copy with values put in place without validation: for values the engine has checked.

    (The models' own ``model_copy`` validates its update.) The same shallow copy as
    pydantic's ``BaseModel.model_copy(update=…)``, built directly: a horizon copies a few
    models a year, and pydantic's copies its ``__dict__`` twice.
    """
    cls = type(model)
    new = cls.__new__(cls)
    fields = model.__dict__.copy()
    fields.update(update)
    _set(new, "__dict__", fields)
    extra = model.__pydantic_extra__
    _set(new, "__pydantic_extra__", None if extra is None else dict(extra))
    _set(new, "__pydantic_fields_set__", model.__pydantic_fields_set__ | update.keys())
    private = getattr(model, "__pydantic_private__", None)
    _set(
        new,
        "__pydantic_private__",
        None if private is None else {k: v for k, v in private.items() if v is not PydanticUndefined},
    )
    return new


_set = object.__setattr__


def _with(obj: Any, key: str, child: Any, *, validate: bool) -> Any:
    if isinstance(obj, tuple):
        i = int(key)
        return (*obj[:i], child, *obj[i + 1 :])
    if isinstance(obj, Mapping):
        return {**obj, key: child}
    if not validate:
        return unchecked_copy(obj, {key: child})
    data = {name: getattr(obj, name) for name in type(obj).model_fields}
    data[key] = child
    return type(obj).model_validate(data)


def put(model: T, path: str, value: Any) -> T:
    """A copy with ``value`` at ``path``, not validated (the caller has checked it)."""
    keys = path.split(".")
    chain = _chain(model, path)
    new = value
    for obj, key in zip(reversed(chain[:-1]), reversed(keys), strict=True):
        new = _with(obj, key, new, validate=False)
    return new  # type: ignore[no-any-return]


def overlay(model: T, values: Mapping[str, Any]) -> T:
    """A copy with each path's value put in place (see :func:`put`)."""
    for path, value in values.items():
        model = put(model, path, value)
    return model


def replace(model: T, path: str, value: Any) -> T:
    """A validated copy with ``value`` (as a user would write it) at ``path``.

    The leaf's model and each model above it are validated again, so rules between
    inputs hold.

    Raises:
        PathError: no such input.
        pydantic.ValidationError: the value, or a rule it breaks; the location is
            relative to the model that holds the failing field.

    """
    keys = path.split(".")
    chain = _chain(model, path)
    new = value
    for obj, key in zip(reversed(chain[:-1]), reversed(keys), strict=True):
        new = _with(obj, key, new, validate=True)
    return new  # type: ignore[no-any-return]


def flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Paths and values as text of dumped scenario data, e.g. ``("courses.price", "11000 DKK / month")``."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from flatten(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from flatten(v, f"{prefix}.{i}")
    elif isinstance(value, bool):  # as the file writes it: tax: true
        yield prefix, "true" if value else "false"
    else:
        yield prefix, "null" if value is None else str(value)
