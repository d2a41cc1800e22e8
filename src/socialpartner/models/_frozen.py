"""The base of every input model."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, ClassVar, Self

import pint
from pydantic import ConfigDict, ValidationError

from socialpartner._internal.frozen import FrozenDict
from socialpartner._internal.messages import PlainMessages, without_prefixes


def _hashable(value: Any) -> Any:
    """``value`` as a key that is equal exactly when two scenarios are: a quantity with its unit.

    Mappings become frozensets of items and lists tuples; a quantity is its magnitude and
    its unit as written (9,500 DKK/month and 114,000 DKK/year are one price but two
    scenarios: break-even prices and every figure in the input's unit are reported in it).
    """
    if isinstance(value, Mapping):
        return frozenset((key, _hashable(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(item) for item in value)
    if isinstance(value, pint.Quantity):
        return (value.magnitude, value._units)
    return value


class Frozen(PlainMessages):
    """Immutable, strict about unknown keys: a typo in a scenario file is an error.

    Validation errors are reported in plain words (``a list``, ``did you mean
    'overhead'?``), whether the model is built in code, from data or from a file.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    def __init__(self, /, **data: Any) -> None:
        # a model's own rules between fields run outside `_plain_messages` (after it): their
        # errors lose pydantic's "Value error, " prefix here, where validation starts
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise without_prefixes(exc) from None

    # pydantic then treats this as its own __init__ (not a custom one, which it would call
    # for every nested model too): RootModel does the same
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def model_post_init(self, context: Any, /) -> None:
        """Each mapping field frozen too: the model is a value all the way down."""
        for name, value in self.__dict__.items():
            if type(value) is dict:
                self.__dict__[name] = FrozenDict(value)

    # fields whose entries' order means nothing (a horizon's changes apply by their years)
    _UNORDERED: ClassVar[frozenset[str]] = frozenset()

    def _key(self, name: str) -> Any:
        """Field ``name`` as ``==`` and the hash compare it: a list of unordered entries as a multiset."""
        value = _hashable(getattr(self, name))
        return frozenset(Counter(value).items()) if name in self._UNORDERED else value

    def __eq__(self, other: object) -> bool:
        """Equal field by field, each quantity in the same unit (as a saved file writes it).

        pint finds 9,500 DKK/month equal to 114,000 DKK/year, but the two scenarios report
        their break-even prices in their own units: they are not interchangeable, so not equal.
        """
        if type(other) is not type(self):
            return NotImplemented
        return all(self._key(name) == other._key(name) for name in type(self).model_fields)

    def __hash__(self) -> int:
        """A hash consistent with ``==`` (field by field), for fields holding mappings and lists too.

        pydantic's own hash of a frozen model fails on a mapping field (``parameters:``,
        a change's ``set``); a scenario is a value, and can key a dict or a cache.
        """
        return hash((type(self), tuple(self._key(name) for name in type(self).model_fields)))

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Self:
        """Validate ``obj`` into this model (see :meth:`pydantic.BaseModel.model_validate`), in plain words."""
        try:
            return super().model_validate(obj, **kwargs)
        except ValidationError as exc:
            raise without_prefixes(exc) from None

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with ``update`` applied **and validated**, as if the model were built anew.

        pydantic's own ``model_copy`` (and the library's internal
        :func:`~socialpartner._internal.paths.unchecked_copy`) puts updated values in place unchecked, so a wrong
        unit (``165 DKK/month`` for a wage per hour) would give wrong money without a
        word. Here the updated values are validated like any input (units, ranges, the
        rules between fields); the other fields are kept as they are.

        Raises:
            pydantic.ValidationError: an updated value is not valid, or the key is unknown.

        """
        if not update:
            return super().model_copy(deep=deep)
        data = {name: getattr(self, name) for name in self.model_fields_set}
        data.update(update)
        return type(self).model_validate(data)
