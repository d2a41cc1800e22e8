"""Checks of the first argument of the public entry points: a partnership, or an evaluation.

A dict (``deal.model_dump()``), a path or an evaluation given where a partnership is
expected would otherwise fail deep inside with an ``AttributeError`` naming an internal
attribute; these checks say what was expected and how to get it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from socialpartner.errors import ArgumentTypeError, SocialPartnerError

__all__ = ["need_evaluation", "need_flag", "need_partnership", "need_path", "need_text"]


def _kind(value: Any) -> str:
    name = type(value).__name__
    return "None" if value is None else f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def need_partnership(
    value: Any, *, error: type[SocialPartnerError] = ArgumentTypeError, name: str = "partnership"
) -> None:
    """Raise ``error`` naming ``name`` unless ``value`` is a partnership (a TypeError too by default)."""
    # the models' base class, found once: a function-level import costs a one-year evaluation ~2 %
    base = _PARTNERSHIP or _partnership_class()
    if isinstance(value, base):
        return
    from socialpartner.evaluation import Evaluation

    hint = ""
    if isinstance(value, Mapping):
        hint = "; read a dict with sp.from_data(data)"
    elif isinstance(value, (str, os.PathLike)):
        hint = "; read a scenario file with sp.load(path)"
    elif isinstance(value, Evaluation):
        hint = "; give the partnership it evaluates (evaluation.partnership)"
    raise error(f"{name}: expected a partnership, e.g. from sp.load or sp.from_data; got {_kind(value)}{hint}")


_PARTNERSHIP: type | None = None


def _partnership_class() -> type:
    global _PARTNERSHIP  # set once, on the first check
    from socialpartner.models._base import Partnership

    _PARTNERSHIP = Partnership
    return Partnership


def need_evaluation(value: Any, *, error: type[SocialPartnerError] = ArgumentTypeError, name: str = "ev") -> None:
    """Raise ``error`` naming ``name`` unless ``value`` is an evaluation (a TypeError too by default)."""
    from socialpartner.evaluation import Evaluation
    from socialpartner.models._base import Partnership

    if isinstance(value, Evaluation):
        return
    hint = ""
    if isinstance(value, Partnership):
        hint = "; evaluate the partnership first"
    elif isinstance(value, Mapping):
        hint = "; read a dict with sp.from_data(data), then evaluate it"
    raise error(f"{name}: expected an evaluation, from sp.evaluate(partnership); got {_kind(value)}{hint}")


def need_text(value: Any, name: str, example: str) -> None:
    """Raise :class:`ArgumentTypeError` naming ``name`` unless ``value`` is a string (``example``: one that does)."""
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name}: expected {example} as text; got {_kind(value)} ({value!r:.40})")


def need_path(value: Any, name: str = "path") -> None:
    """Raise :class:`ArgumentTypeError` naming ``name`` unless ``value`` is a file path (text or ``os.PathLike``)."""
    if not isinstance(value, (str, os.PathLike)):
        raise ArgumentTypeError(
            f"{name}: expected a file path, e.g. 'deal.yaml' or a pathlib.Path; got {_kind(value)} ({value!r:.40})"
        )


def need_flag(value: Any, name: str) -> None:
    """Raise :class:`ArgumentTypeError` naming ``name`` unless ``value`` is True or False (``"no"`` is truthy)."""
    if not isinstance(value, bool):
        raise ArgumentTypeError(f"{name}: expected True or False, got {value!r:.40}")
