"""Validation messages in plain words.

pydantic speaks of a "valid tuple", reports an unknown key without a hint, prefixes a
rule's own message with "Value error," and reports a value that fits no arm of a union
(``int | dict[str, int]``) once per arm, under locations named after its internal
schemas (``weeks_on_support.constrained-int``). The errors of a model are rewritten
once, where validation starts: "a list", "a mapping of keys to values", "a whole
number"; an unknown key suggests the nearest known key (``overhed`` → ``overhead``); a
number cut in two at a comma inside ``{...}`` says so; a union says once what it
accepts. Each entry keeps its location (the field's path) and code.
"""

from __future__ import annotations

import difflib
import functools
import re
import types
import typing
from decimal import Decimal
from typing import Any, Self

from pydantic import BaseModel, ModelWrapValidatorHandler, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from socialpartner._internal.glossary import danish_words
from socialpartner._internal.units import DANISH, current_number_format

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


# What a small model looks like, for a value given in another shape (a bare amount for a benefit)
_SHAPES: dict[str, str] = {
    "Benefit": (
        "Input should be a benefit: {parameter: benefit.ledighedsydelse} (a rate of the parameters) or "
        "{amount: '19630 DKK/month'} (an amount of your own)"
    ),
}
_MODEL_CODES = frozenset({"model_type", "model_attributes_type", "dict_type"})


def _shape(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The shape of the model expected at ``loc``, in words, where it has one (None otherwise)."""
    tp: Any = model
    for part in loc:
        tp = _step(tp, part)
        if tp is None:
            return None
    for arm in _unwrap(tp):
        if isinstance(arm, type) and arm.__name__ in _SHAPES:
            return _SHAPES[arm.__name__]
    return None


def _field_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> tuple[type[BaseModel], str] | None:
    """The model that has the field at ``loc``, and the field's name (None where ``loc`` names no model field)."""
    if not loc or not isinstance(loc[-1], str):
        return None
    tp: Any = model
    for part in loc[:-1]:
        tp = _step(tp, part)
        if tp is None:
            return None
    for arm in _unwrap(tp):
        if isinstance(arm, type) and issubclass(arm, BaseModel) and loc[-1] in arm.model_fields:
            return arm, loc[-1]
    return None


@functools.cache
def _what(owner: type[BaseModel], name: str) -> str | None:
    """What the field ``name`` of ``owner`` takes, in words: its schema's description (first sentence)."""
    if (owner.__name__, name) in _ACCEPTS:
        return _ACCEPTS[owner.__name__, name]
    text = owner.model_fields[name].description
    schema = owner.model_json_schema()  # cached by pydantic; the library's models all have one
    prop = schema.get("properties", {}).get(name, {})
    text = text or prop.get("description")
    ref = prop.get("$ref") or next((arm["$ref"] for arm in prop.get("anyOf", ()) if "$ref" in arm), None)
    if not text and ref:  # a block: what its model is (the company: "The ordinary company that buys …")
        text = schema.get("$defs", {}).get(ref.rsplit("/", 1)[-1], {}).get("description")
    for arm in prop.get("anyOf", ()):  # an optional field: the description of its non-null arm
        text = text or arm.get("description")
    if not text:
        return None
    text = text.removeprefix("A quantity: ")
    first = re.split(r"\. (?=[A-Z])", text, maxsplit=1)[0]  # the first sentence: what, with its example
    first = first.rstrip(".")
    # after "Field required:", "a Danish kommunekode", not "A …" (an acronym such as "CVR …" stays)
    return first[:1].lower() + first[1:] if re.match(r"(A|An|The) ", first) else first


def _required(model: type[BaseModel], loc: tuple[str | int, ...], data: Any) -> str | None:
    """A missing field's message with what it takes (review 62 M3: "price: Field required" said nothing more).

    A municipality's missing code is named from its name where the name names one
    municipality (``Vejle Kommune``: 630).
    """
    found = _field_at(model, loc)
    if found is None:
        return None
    owner, name = found
    if name == "code" and owner.__name__ == "Municipality":
        from socialpartner.parties import municipality_code_for

        given = _at(data, loc[:-1])
        code = municipality_code_for(given.get("name")) if isinstance(given, dict) else None
        if code is not None:
            return f"Field required: the kommunekode; {given['name']} is {code} (write code: {code})"
    what = _what(owner, name)
    return None if what is None else f"Field required: {what}"


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


# What a union field accepts, in words, by (model, field); other unions are described from their types.
_ACCEPTS: dict[tuple[str, str], str] = {
    ("PublicBudget", "weeks_on_support"): (
        "a number of weeks (0 to 2600), or weeks by group such as {fleksjob: 20, default: 2}"
    ),
    ("PublicBudget", "self_supported_weeks"): (
        "a number of weeks (0 to 2600), or weeks by group such as {fleksjob: 52, default: 0}"
    ),
}

# pydantic's codes for a value of the wrong kind (as opposed to a value of the right kind that breaks a rule)
_KIND_CODES = frozenset(
    {"int_from_float", "is_instance_of", "missing", "literal_error", "enum", "url_type", "none_required"}
)

_PREFIXES = ("Value error, ", "Assertion failed, ")


def _at(data: Any, loc: tuple[str | int, ...]) -> Any:
    """The value at ``loc`` inside the input data (None if it is not there)."""
    for part in loc:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _entry_before(key: Any, loc: tuple[str | int, ...], data: Any) -> tuple[Any, Any] | None:
    """The key and value written just before ``key`` in its ``{...}`` (None for the first or outside a mapping)."""
    container = _at(data, loc[:-1])
    if not isinstance(container, dict):
        return None
    keys = list(container)
    where = next((i for i, k in enumerate(keys) if k == key and type(k) is type(key)), 0)
    return (keys[where - 1], container[keys[where - 1]]) if where > 0 else None


def _cut_heads(errors: list[Any], data: Any) -> list[Any]:
    """The errors without those on the head of a number cut at a comma (``annual_cost: 510.000`` of ``510.000,00``).

    The cut says what to fix (quote the number); the head's own error ("add a unit")
    points at the wrong fix.
    """
    heads = set()
    for e in errors:
        loc = tuple(e["loc"])
        key = loc[-1] if e["type"] == "extra_forbidden" and loc else e["input"] if e["type"] == "invalid_key" else None
        if key is None or not str(key)[:1].isdigit():
            continue
        before = _entry_before(key, loc, data)
        if before is not None and not isinstance(before[1], bool) and isinstance(before[1], (int, Decimal)):
            heads.add((*loc[:-1], before[0]))
    return [e for e in errors if tuple(e["loc"]) not in heads] if heads else errors


def _comma_cut(key: Any, loc: tuple[str | int, ...], data: Any) -> str | None:
    """Words for a key that is the tail of a number cut at a comma inside ``{...}`` (None if it is not)."""
    text = str(key)
    if re.match(r"[0-9]+", text) is None:
        return None
    before = _entry_before(key, loc, data)
    comma = "inside {...} a comma separates entries"
    # the fix must fit the file: in number_format: da a decimal point is refused, so quote the number
    danish = current_number_format() == DANISH
    if before is None or isinstance(before[1], bool) or not isinstance(before[1], (int, Decimal)):
        if danish:
            return (
                f"{comma}, so a number written with a comma is cut in two and {text!r} became a key: "
                "quote a number with a decimal comma (\"1,5\"); number_format is 'da', so write 510.000 "
                "(not 510,000) for thousands"
            )
        return (
            f"{comma}, so a number written with a comma is cut in two and {text!r} became a key: "
            'write 1.5 (not 1,5) and 510000 or 510_000 (not 510,000), or quote a Danish number ("1,5") '
            "and declare number_format: da"
        )
    name, number = before
    return comma_cut_words(name, number, text)


def comma_cut_words(name: Any, number: Any, text: str) -> str:
    """Words for ``name: number,text`` written inside ``{...}``, where YAML cut the number at the comma.

    The fix fits the file's number format: in ``number_format: da`` quote the number (a
    decimal point is refused there); else write it with a decimal point or without the
    thousands comma.
    """
    digits = re.match(r"[0-9]+", text)
    tail, rest = (digits[0], text[digits.end() :]) if digits else (text, "")
    comma = "inside {...} a comma separates entries"
    danish = current_number_format() == DANISH
    quoted = f'{name}: "{number},{tail}{rest}"'
    if danish:  # number_format: da reads a quoted "165,50" and 510.000; a decimal point is refused
        if len(tail) == 3:  # 510,000: thousands (510.000 in Danish), or 510 with a decimal comma?
            fix = (
                f"quote it ({quoted}) if the comma is a decimal comma, or write {name}: {number}.{tail}{rest} "
                "for thousands (number_format is 'da')"
            )
        else:  # 165,50: a decimal comma
            fix = f"quote it ({quoted}): number_format is 'da', so the decimal comma is read inside quotes"
    elif len(tail) == 3:  # 510,000: a thousands separator
        fix = f"write {name}: {number}{tail}{rest} (or {number}_{tail}{rest})"
    else:  # 1,5: a decimal comma
        fix = (
            f"write {name}: {number}.{tail}{rest} with a decimal point, or quote it ({quoted}) "
            "and declare number_format: da"
        )
    return f"{name}: {number},{text} was cut in two at the comma ({comma}, so {text!r} became a key); {fix}"


def _danish_key(key: str, known: list[str]) -> str | None:
    """The key of ``known`` that ``key`` names in Danish words (``år`` → ``year``, ``pris`` → ``price``), if one."""
    word = " ".join(key.split()).casefold()
    found = [k for k in known if word in danish_words(k)]
    return found[0] if len(found) == 1 else None


def _meant(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The known key an unknown one at ``loc`` was meant to be: a misspelling, or its Danish word."""
    known = known_keys(model, loc[:-1])
    key = str(loc[-1])
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return close[0] if close else _danish_key(key, known)


def _unknown_key(model: type[BaseModel], loc: tuple[str | int, ...], data: Any = None) -> str:
    key = str(loc[-1]) if loc else ""
    if key[:1].isdigit():  # `{annual_cost: 510,000 DKK/year}`: YAML split the number at the comma
        cut = _comma_cut(loc[-1], loc, data)
        if cut is not None:
            return f"unknown key {key!r}: {cut}"
    known = known_keys(model, loc[:-1])
    danish = _danish_key(key, known)
    if danish is not None:  # the key in Danish words (år, pris): the keys are English (review 62 M3)
        return f"unknown key {key!r}; did you mean {danish!r}? (the keys are English: {key} is {danish})"
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"unknown key {key!r}; did you mean {close[0]!r}?"
    if known and len(known) <= 12:
        return f"unknown key {key!r}; expected one of {', '.join(known)}"
    return f"unknown key {key!r}"


def _reports_itself(tp: Any) -> bool:
    """Whether a model rewrites its own errors (a nested one has already done so)."""
    return any(
        isinstance(arm, type)
        and issubclass(arm, BaseModel)
        and "_plain_messages" in arm.__pydantic_decorators__.model_validators
        for arm in _unwrap(tp)
    )


def _union_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> int | None:
    """The position in ``loc`` of pydantic's name for a union's arm, if the path passes a union."""
    tp: Any = model
    for i, part in enumerate(loc):
        arms = [arm for arm in _unwrap(tp) if arm is not type(None)]
        if len(arms) > 1:
            return i
        if i > 0 and _reports_itself(tp):
            return None
        tp = _step(tp, part)
        if tp is None:
            return None
    return None


def _describe(tp: Any) -> str:
    """An arm of a union in words."""
    if typing.get_origin(tp) is typing.Annotated:
        for meta in typing.get_args(tp)[1:]:
            if hasattr(meta, "expected"):  # a quantity field
                return str(meta.expected)
        tp = typing.get_args(tp)[0]
    origin = typing.get_origin(tp) or tp
    words = {int: "a whole number", float: "a number", str: "text", bool: "true or false", dict: "a mapping"}
    if origin in words:
        return words[origin]
    if origin in (list, tuple):
        return "a list"
    if isinstance(origin, type) and issubclass(origin, BaseModel):
        return "a mapping of keys to values"
    return str(getattr(origin, "__name__", origin))


def _accepts(model: type[BaseModel], prefix: tuple[str | int, ...]) -> str:
    """What the union at ``prefix`` accepts, in words."""
    owner: Any = model
    for part in prefix[:-1]:
        owner = _step(owner, part)
    for arm in _unwrap(owner) if owner is not None else ():
        if isinstance(arm, type) and (arm.__name__, str(prefix[-1])) in _ACCEPTS:
            return _ACCEPTS[arm.__name__, str(prefix[-1])]
    tp: Any = model
    for part in prefix:
        tp = _step(tp, part)
    arms = [a for a in _unwrap_keep(tp) if a is not type(None)]
    return ", or ".join(dict.fromkeys(_describe(a) for a in arms))


def _unwrap_keep(tp: Any) -> list[Any]:
    """The arms of a union, each with its own annotations."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated and typing.get_origin(typing.get_args(tp)[0]) in (typing.Union, types.UnionType):
        return _unwrap_keep(typing.get_args(tp)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [t for arg in typing.get_args(tp) for t in _unwrap_keep(arg)]
    return [tp]


def _wrong_kind(e: Any, depth: int) -> bool:
    """Whether an arm's error says only that the value is not of that arm's kind."""
    kind = e["type"]
    return len(e["loc"]) == depth + 1 and (kind.endswith(("_type", "_parsing")) or kind in _KIND_CODES)


def _one_per_union(model: type[BaseModel], errors: list[Any]) -> list[Any]:
    """A union's errors, one per arm, as the errors of the arm the value was meant for, or one error.

    An arm whose error is deeper than the arm (a key of the mapping) or says more than
    "wrong kind" (``greater than or equal to 0``) is the one the value was meant for: its
    errors are kept, without the arm's name in their location. Otherwise the value fits
    no arm (or several arms alike), and one error says what the field accepts.
    """
    groups: dict[tuple[str | int, ...], list[Any]] = {}
    order: list[Any] = []
    for e in errors:
        loc = tuple(e["loc"])
        at = _union_at(model, loc)
        if at is None:
            order.append(e)
            continue
        prefix = loc[:at]
        if prefix not in groups:
            groups[prefix] = []
            order.append(prefix)
        groups[prefix].append(e)
    out: list[Any] = []
    for item in order:
        if not isinstance(item, tuple):
            out.append(item)
            continue
        members, depth = groups[item], len(item)
        tags = {e["loc"][depth] for e in members if not _wrong_kind(e, depth)}
        meant = [e for e in members if e["loc"][depth] in tags]
        if len(meant) == 1 or any(len(e["loc"]) > depth + 1 for e in meant):
            out += [{**e, "loc": (*item, *e["loc"][depth + 1 :])} for e in meant]
        else:  # no arm, or several alike (money or a share, given hours): say what the field takes
            words = f"Input should be {_accepts(model, item)}"
            out.append({"type": "union_type", "loc": item, "msg": words, "input": members[0]["input"], "new": True})
    return out


def _knock_on_dropped(errors: list[Any]) -> list[Any]:
    """The errors without a list's "too short after validation" that only its failing items caused.

    pydantic counts a list's items that validated: a list of one item with an error
    (``helpers: [{wage_cost: 165,50 kr./time}]``) is also "at least 1 item after
    validation, not 0". Where the list as given is long enough and an error names one of
    its items, that item's error is the one to fix, and the count is left out.
    """

    def knock_on(e: Any) -> bool:
        if e["type"] != "too_short" or not isinstance(e["input"], (list, tuple)):
            return False
        minimum = (e.get("ctx") or {}).get("min_length")
        loc = tuple(e["loc"])
        return (
            isinstance(minimum, int)
            and len(e["input"]) >= minimum
            and any(
                len(other["loc"]) > len(loc)
                and tuple(other["loc"][: len(loc)]) == loc
                and isinstance(other["loc"][len(loc)], int)
                for other in errors
            )
        )

    return [e for e in errors if not knock_on(e)]


def _misspelt_dropped(model: type[BaseModel], errors: list[Any]) -> list[Any]:
    """The errors without a required key's "Field required" where a misspelling of it is the unknown key.

    ``overhed: 12 %`` gave "temp_hours.overhead: Field required" before the error that says what to
    do ("unknown key 'overhed'; did you mean 'overhead'?"): the first read as a second mistake (review 49 F10).
    """
    meant = set()
    for e in errors:
        loc = tuple(e["loc"])
        if e["type"] == "extra_forbidden" and loc and isinstance(loc[-1], str):
            key = _meant(model, loc)
            if key is not None:
                meant.add((*loc[:-1], key))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


def plain(error: ValidationError, model: type[BaseModel], data: Any = None) -> ValidationError:
    """The same errors, with pydantic's jargon replaced by plain words.

    ``data`` is the input the errors are about (it lets a key cut from a number at a
    comma be shown with the number it came from).
    """
    details: list[InitErrorDetails] = []
    raw = error.errors()
    errors = _cut_heads(_misspelt_dropped(model, _knock_on_dropped(_one_per_union(model, raw))), data)
    changed = len(errors) != len(raw) or any("new" in e for e in errors)
    for e in errors:
        kind, loc, message = e["type"], tuple(e["loc"]), e["msg"]
        if kind == "extra_forbidden":
            message = _unknown_key(model, loc, data)
        elif kind == "invalid_key" and loc and isinstance(e["input"], int):  # {fte: 1,5}: a key 5
            message = _comma_cut(e["input"], loc, data) or message
        elif kind == "missing":
            message = _required(model, loc, data) or message
        elif kind in _PLAIN:
            message = _shape(model, loc) if kind in _MODEL_CODES else None
            message = message or _PLAIN[kind]
            if kind == "int_from_float":  # the number given, as the library's own messages say it (review 64 F10)
                message = f"{message}, got {e['input']!r}"
        elif "valid tuple" in message or message.startswith("Tuple should"):
            message = message.replace("valid tuple", "list").replace("Tuple should", "List should")
        elif message.startswith(_PREFIXES):  # a rule's own message says what is wrong
            message = message.split(", ", 1)[1]
        changed = changed or message != e["msg"] or loc != tuple(e.get("loc", ()))
        details.append({"type": PydanticCustomError(kind, message), "loc": loc, "input": e["input"]})
    if not changed:
        return error
    return ValidationError.from_exception_data(error.title, details)


def without_prefixes(error: ValidationError) -> ValidationError:
    """The same errors without pydantic's "Value error, " before a rule's own message.

    For a model's own rules between fields, which run outside the rewriting of its errors
    (the model's other errors have been rewritten already).
    """
    errors = error.errors()
    if not any(e["msg"].startswith(_PREFIXES) for e in errors):
        return error
    details: list[InitErrorDetails] = [
        {
            "type": PydanticCustomError(
                e["type"], e["msg"].split(", ", 1)[1] if e["msg"].startswith(_PREFIXES) else e["msg"]
            ),
            "loc": tuple(e["loc"]),
            "input": e["input"],
        }
        for e in errors
    ]
    return ValidationError.from_exception_data(error.title, details)


class PlainMessages(BaseModel):
    """A model whose validation errors are in the library's plain words (see :func:`plain`).

    The base of the input models and of an ``expect:`` block: one error of the form given,
    not one per arm of a union, with pydantic's own wording replaced.
    """

    @model_validator(mode="wrap")
    @classmethod
    def _plain_messages(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        # pydantic merges a ValidationError raised here into the caller's, under this model's location
        try:
            return handler(data)
        except ValidationError as exc:
            raise plain(exc, cls, data) from None
