"""Validation messages in plain words.

pydantic speaks of a "valid tuple" and reports an unknown key without a hint. The
errors of a model are rewritten once, where validation starts: "a list", "a mapping of
keys to values", "a whole number", and an unknown key suggests the nearest known key
(``overhed`` → ``overhead``). Each entry keeps its location (the field's path) and code.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

_PLAIN: dict[str, str] = {
    "tuple_type": "Input should be a list",
    "list_type": "Input should be a list",
    "dict_type": "Input should be a mapping of keys to values",
    "model_type": "Input should be a mapping of keys to values",
    "model_attributes_type": "Input should be a mapping of keys to values",
    "int_type": "Input should be a whole number",
    "int_parsing": "Input should be a whole number",
    "int_from_float": "Input should be a whole number",
    "string_type": "Input should be text",
    "bool_type": "Input should be true or false",
    "bool_parsing": "Input should be true or false",
}


def _unwrap(tp: Any) -> list[Any]:
    """The types an annotation may hold (Annotated and unions unpacked)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [t for arg in typing.get_args(tp) for t in _unwrap(arg)]
    return [tp]


def _step(tp: Any, part: str | int) -> Any:
    for arm in _unwrap(tp):
        if isinstance(arm, type) and issubclass(arm, BaseModel):
            field = arm.model_fields.get(str(part))
            if field is not None:
                return field.annotation
        origin, args = typing.get_origin(arm), typing.get_args(arm)
        if origin in (tuple, list) and args and isinstance(part, int):
            return args[0]
        if origin is dict and len(args) == 2:
            return args[1]
    return None


def known_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The keys of the model at ``loc`` inside ``model`` (empty if unknown)."""
    tp: Any = model
    for part in loc:
        tp = _step(tp, part)
        if tp is None:
            return []
    for arm in _unwrap(tp):
        if isinstance(arm, type) and issubclass(arm, BaseModel):
            return list(arm.model_fields)
    return []


def _unknown_key(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    key = str(loc[-1]) if loc else ""
    if key[:1].isdigit():  # `{annual_cost: 510,000 DKK/year}`: YAML split the number at the comma
        return (
            f"unknown key {key!r}: inside {{...}} a comma separates entries, so a number written "
            "with a comma (510,000) is cut in two; write 510000 (or 510_000)"
        )
    known = known_keys(model, loc[:-1])
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"unknown key {key!r}; did you mean {close[0]!r}?"
    if known and len(known) <= 12:
        return f"unknown key {key!r}; expected one of {', '.join(known)}"
    return f"unknown key {key!r}"


def plain(error: ValidationError, model: type[BaseModel]) -> ValidationError:
    """The same errors, with pydantic's jargon replaced by plain words."""
    details: list[InitErrorDetails] = []
    changed = False
    for e in error.errors():
        kind, loc, message = e["type"], tuple(e["loc"]), e["msg"]
        if kind == "extra_forbidden":
            message = _unknown_key(model, loc)
        elif kind in _PLAIN:
            message = _PLAIN[kind]
        elif "valid tuple" in message or message.startswith("Tuple should"):
            message = message.replace("valid tuple", "list").replace("Tuple should", "List should")
        changed = changed or message != e["msg"]
        details.append({"type": PydanticCustomError(kind, message), "loc": loc, "input": e["input"]})
    if not changed:
        return error
    return ValidationError.from_exception_data(error.title, details)
