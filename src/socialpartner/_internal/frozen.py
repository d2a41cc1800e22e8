"""A mapping that cannot be changed: the mappings of frozen scenarios."""

from __future__ import annotations

from typing import Any, NoReturn

__all__ = ["FrozenDict"]


class FrozenDict(dict[Any, Any]):
    """A scenario's mapping (``parameters``, a change's ``set``, ``counterfactual``): read like a dict, never changed.

    A frozen scenario with a dict inside could be changed in place: an evaluation made
    from it would then show inputs (and an input hash) its figures were not worked out
    from (review 59 H1). Make a changed copy instead: ``deal.model_copy(update=...)``.
    """

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError(
            "a scenario is frozen: its mappings cannot be changed in place; make a changed copy with "
            "model_copy(update={...}) (validated as a new scenario)"
        )

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled and copied as the dict it holds (not item by item, which would be refused)."""
        return (type(self), (dict(self),))
