"""Reading and writing scenario files (YAML or JSON).

Scenario files are data: YAML is read with a safe loader that builds only plain
mappings, lists, strings and numbers and refuses duplicate keys; JSON refuses duplicate
keys too and reads decimals exactly. Files above :data:`MAX_FILE_BYTES` are refused.
Saving writes a temporary file beside the target and renames it, so an interrupted
save never leaves a broken file.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import secrets
import stat
import time
import warnings
from collections.abc import Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar

import yaml

from socialpartner._internal.arguments import need_partnership, need_path, need_text
from socialpartner._internal.units import (
    NUMBER_FORMATS,
    PLAIN,
    JsonNumber,
    WrittenNumber,
    checked_format,
    format_magnitude,
    number_format,
    unambiguous,
)
from socialpartner.errors import ScenarioError
from socialpartner.models._base import Partnership
from socialpartner.models.in_house import InHousePartnership
from socialpartner.models.labour_shortage import LabourShortagePartnership
from socialpartner.models.shared_responsibility import SharedResponsibilityPartnership
from socialpartner.models.spin_off import SpinOffPartnership
from socialpartner.models.supplier import SupplierPartnership
from socialpartner.money import in_context

__all__ = [
    "MAX_FILE_BYTES",
    "MODELS",
    "dumps",
    "example_path",
    "from_data",
    "load",
    "loads",
    "save",
    "scenario_schema",
]

MAX_FILE_BYTES = 1_000_000
"""Largest scenario file read (a partnership is a few hundred bytes)."""

MAX_NODES = 100_000
"""Most values a scenario may hold once YAML aliases are expanded (refuses "billion laughs")."""

MAX_DEPTH = 32
"""Deepest nesting of mappings and lists in a scenario."""

MODELS: Mapping[str, type[Partnership]] = MappingProxyType(
    {
        cls.MODEL: cls
        for cls in (
            SupplierPartnership,
            LabourShortagePartnership,
            SharedResponsibilityPartnership,
            InHousePartnership,
            SpinOffPartnership,
        )
    }
)
"""The partnership model of each ``model:`` key (read-only: what ``load`` accepts is the library's, not a caller's)."""

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML 1.1 (PyYAML's default) reads `0223` as octal 147, `1:30` as 90 and `510_000` as
# 510000, and `no` as false. Scenario files are read by the YAML 1.2 core schema instead:
# `0223` is 223, `1:30` and `510_000` are text (which the fields then read or refuse,
# naming the field), and only true/false are booleans.
_BOOL, _INT, _FLOAT = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_YAML12 = (
    (_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    (_INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), "-+0123456789"),
    (
        _FLOAT,
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        "-+.0123456789",
    ),
)


def _yaml12_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)  # leading zeros are decimal: 0223 is 223


def _yaml12_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal | float:
    text = str(loader.construct_scalar(node))
    if text.lstrip("+-").startswith("."):
        special = text.lstrip("+-").lower()
        if special in {".inf", ".nan"}:
            return float(text.lower().replace(".", ""))  # refused by the fields, naming them
    return WrittenNumber(text)  # kept as written, so that 510.000 is seen as such


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe YAML 1.2-style loading that refuses duplicate keys (YAML would keep the last silently)."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in {_BOOL, _INT, _FLOAT}]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                ) from None
            if duplicate:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        result: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return result


class _Dumper(yaml.SafeDumper):
    """Quotes every string that a YAML 1.1 or a YAML 1.2 reader would take for a number."""


for _tag, _regexp, _first in _YAML12:
    _StrictLoader.add_implicit_resolver(_tag, _regexp, list(_first))
    _Dumper.add_implicit_resolver(_tag, _regexp, list(_first))


def _float(dumper: yaml.SafeDumper, value: float) -> yaml.Node:
    # 1.023 is written 1.0230: a number with three decimals reads as a Danish grouping
    if value != value or value in (float("inf"), float("-inf")):
        return dumper.represent_float(value)
    return dumper.represent_scalar("tag:yaml.org,2002:float", unambiguous(format_magnitude(value)))


_Dumper.add_representer(float, _float)
_StrictLoader.add_constructor(_INT, _yaml12_int)
_StrictLoader.add_constructor(_FLOAT, _yaml12_float)


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's pairs as a dict, refusing a key given twice (which JSON would keep the last of)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _parse(text: str, fmt: str, path: Path | None) -> Any:
    if len(text) > MAX_FILE_BYTES:
        raise ScenarioError(f"scenario is larger than {MAX_FILE_BYTES:,} characters", path)
    try:
        if fmt == "json":
            # a byte-order mark (Notepad's UTF-8) is no JSON: read past it, as YAML does
            return json.loads(text.removeprefix("\ufeff"), object_pairs_hook=unique_keys, parse_float=JsonNumber)
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        raise ScenarioError(_yaml_problem(text, exc), path) from None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise ScenarioError(f"not valid {fmt.upper()}: {exc}", path) from None


_SEMICOLON_LINE = re.compile(r"\s*[\w.æøåÆØÅ -]+;")


def _yaml_problem(text: str, exc: yaml.MarkedYAMLError) -> str:
    """A YAML error with its line, and the fix for the slips a spreadsheet user makes.

    A tab in the indentation (invisible in most editors), and ``key;value`` lines pasted
    from a semicolon-separated sheet, are named as such; PyYAML's own words follow.
    """
    mark = exc.problem_mark or exc.context_mark
    lines = text.splitlines()
    number = None if mark is None else mark.line + 1
    line = lines[number - 1] if number is not None and 0 < number <= len(lines) else ""
    where = f"line {number}: " if number is not None else ""
    said = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    if "\t" in line[: len(line) - len(line.lstrip())] or (
        mark is not None and line[mark.column : mark.column + 1] == "\t"
    ):
        return (
            f"not valid YAML: {where}a tab is used to indent; YAML indents with spaces: replace the tab with two spaces"
        )
    for at in (m for m in (exc.context_mark, exc.problem_mark) if m is not None and 0 <= m.line < len(lines)):
        pasted = lines[at.line]
        if _SEMICOLON_LINE.match(pasted):
            key, _, rest = pasted.strip().partition(";")
            return (
                f"not valid YAML: line {at.line + 1}: {pasted.strip()!r} separates key and value with ';' (a line "
                f"from a semicolon-separated sheet?): write {key.strip()}: {rest.replace(';', ' ').strip()} "
                "(a colon and a space)"
            )
    cut = _CUT_NUMBER.search(line) if "{" in line else None
    if cut is not None:  # {annual_cost: 510.000,- kr./år}: cut at the comma
        key, value = cut["key"], cut["value"].strip()
        return (
            f"not valid YAML: {where}{key}: {value} inside {{...}} is cut in two at its comma (a comma separates "
            f'the entries there): quote the value, {key}: "{value}"'
        )
    return f"not valid YAML: {where}{said}".rstrip()


# a Danish number with a comma (510.000,-  or 165,50) as a value in a {...} mapping
_CUT_NUMBER = re.compile(r"(?P<key>[\w.]+):\s*(?P<value>\d[\d.]*,(?:-|\d+)[^,}]*)")


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        return "yaml"
    if suffix == ".json":
        return "json"
    raise ScenarioError("unknown file type: expected .yaml, .yml or .json", path)


def _check_shape(data: Any, path: Path | None) -> None:
    """Refuse data too deep or too large to be a scenario, before validation walks it.

    YAML aliases share objects, so a small file can expand into an enormous (or cyclic)
    structure; this walk counts every expanded value and stops at the limits.
    """
    budget = MAX_NODES
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        budget -= 1
        if budget < 0:
            raise ScenarioError(f"scenario holds more than {MAX_NODES:,} values (after expanding YAML aliases)", path)
        if depth > MAX_DEPTH:
            raise ScenarioError(f"scenario is nested deeper than {MAX_DEPTH} levels", path)
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


@in_context
def from_data(data: Any, path: Path | None = None) -> Partnership:
    """Validate already-parsed scenario data into the partnership its ``model:`` names.

    Raises:
        ScenarioError: not a mapping, or no or an unknown ``model:``.
        pydantic.ValidationError: the content does not fit that model.

    """
    if not isinstance(data, dict):
        raise ScenarioError(f"a scenario must be a mapping of keys to values, got {type(data).__name__}", path)
    _check_shape(data, path)
    key = data.get("model")
    valid = ", ".join(sorted(MODELS))
    if key is None:
        raise ScenarioError(f"missing 'model:' key: expected one of {valid}", path)
    cls = MODELS.get(key) if isinstance(key, str) else None
    if cls is None:
        shown = repr(key) if len(repr(key)) <= 40 else repr(key)[:37] + "..."
        close = difflib.get_close_matches(str(key), sorted(MODELS), n=1) if isinstance(key, str) else []
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ScenarioError(f"unknown model {shown}: expected one of {valid}{hint}", path)
    return cls.model_validate(data)


@in_context
def loads(text: str, fmt: str = "yaml") -> Partnership:
    """Read a scenario from text (``fmt`` is ``"yaml"`` or ``"json"``)."""
    need_text(text, "text", "the scenario's YAML or JSON")
    if fmt not in {"yaml", "json"}:
        raise ScenarioError(f"unknown format {fmt!r}: expected 'yaml' or 'json'")
    with number_format(PLAIN):  # a file's text is read by its own number_format:, not the caller's
        return from_data(_parse(text, fmt, None))


@in_context
def load(path: str | os.PathLike[str]) -> Partnership:
    """Read and validate a scenario file; the model is chosen by its ``model:`` key.

    Raises:
        ScenarioError: the file cannot be read or parsed, or names no known model.
        pydantic.ValidationError: the content does not fit the model; each entry names
            the field (e.g. ``temp_hours.wage_cost``) and what was expected.

    """
    need_path(path)
    p = Path(path)
    fmt = _format_of(p)
    try:
        raw = read_bounded(p)
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise ScenarioError("no such file", p) from None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScenarioError(
            f"not UTF-8 text: line {line} has byte 0x{raw[exc.start]:02X} (saved as Windows-1252/ANSI, as Excel "
            "and old Notepad do?); save the file as UTF-8",
            p,
        ) from None
    except OSError as exc:
        raise ScenarioError(f"cannot read: {exc.strerror or exc}", p) from None
    with number_format(PLAIN):  # a file is read by its own number_format:, not the caller's
        data = _parse(text, fmt, p)
        if isinstance(data, str) and ";" in data:  # a whole sheet pasted: "model;labour_shortage name;Test …"
            first = text.lstrip("\ufeff").splitlines()[0].strip()
            key, _, rest = first.partition(";")
            raise ScenarioError(
                f"not a scenario: its lines are 'key;value' (pasted from a semicolon-separated sheet?): "
                f"write each as key: value, e.g. {key.strip()}: {rest.replace(';', ' ').strip()}",
                p,
            )
        return from_data(data, p)


def declared_number_format(path: str | os.PathLike[str]) -> str:
    """The ``number_format`` a scenario file declares: ``"da"``, or ``"plain"`` when it declares none.

    For numbers given beside the file (a command-line ``--target``), read as its own are.
    A file that cannot be read, or declares an unknown format, counts as plain: loading it
    reports that.
    """
    p = Path(path)
    try:
        data = _parse(read_bounded(p).decode("utf-8"), _format_of(p), p)
    except (ScenarioError, OSError, UnicodeDecodeError):
        return PLAIN
    fmt = data.get("number_format") if isinstance(data, dict) else None
    try:
        return PLAIN if fmt is None else checked_format(fmt)
    except ValueError:
        return PLAIN


def read_bounded(p: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_FILE_BYTES`, read with a cap.

    ``st_size`` is 0 for ``/dev/zero`` and a FIFO, so the type is checked (a FIFO is
    opened without blocking) and the read stops one byte past the limit whatever the
    size claims.
    """
    if not stat.S_ISREG(os.stat(p).st_mode):
        raise ScenarioError(_not_regular(os.stat(p).st_mode), p)
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # replaced between the check and the open
            raise ScenarioError(_not_regular(mode), p)
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError(f"file is larger than {MAX_FILE_BYTES:,} bytes", p)
    return data


def _not_regular(mode: int) -> str:
    kind = "a directory" if stat.S_ISDIR(mode) else "a pipe" if stat.S_ISFIFO(mode) else "a device or special file"
    return f"not a regular file ({kind}): expected a .yaml or .json scenario file"


@in_context
def dumps(partnership: Partnership, fmt: str = "yaml") -> str:
    """The scenario as YAML or JSON text that :func:`loads` reads back identically."""
    need_partnership(partnership)
    # numpy numbers put in place with model_copy (which does not validate) are written as the
    # Python numbers they hold, so the file reads back
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Pydantic serializer warnings", category=UserWarning)
        data = partnership.model_dump(mode="json", exclude_none=True, fallback=_plain_number)
    data = {"model": data.pop("model"), **data}
    if partnership.expect is not None and None in partnership.expect.entries.values():
        # an expectation of no value (``payback.company: null``, as pin writes) is a test: kept, in place
        expect = partnership.expect.model_dump(mode="json", fallback=_plain_number)
        data["expect"] = {k: v for k, v in expect.items() if v is not None or k in partnership.expect.entries}
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    raise ScenarioError(f"unknown format {fmt!r}: expected 'yaml' or 'json'")


def _plain_number(value: Any) -> Any:
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    raise TypeError(f"cannot write a {type(value).__name__} in a scenario file")


@in_context
def save(partnership: Partnership, path: str | os.PathLike[str]) -> Path:
    """Write a scenario file (format from the suffix), atomically; returns the path.

    The text goes to a temporary file beside the target, which then replaces it, so an
    interrupted save leaves the old file or the new one, never a mix. A symbolic link is
    followed: the file it points to is replaced and the link stays. An existing file
    keeps its permissions; a new one gets the usual ones (the umask).

    Raises:
        ScenarioError: an unknown suffix, a missing directory, a target that is not a
            regular file, or a file that cannot be written (the message names the path).

    """
    need_partnership(partnership)
    need_path(path)
    p = Path(path)
    write_atomic(p, dumps(partnership, _format_of(p)))
    return p


def write_atomic(p: Path, text: str) -> None:
    """Replace the file at ``p`` with ``text`` atomically (see :func:`save`).

    Raises:
        ScenarioError: a missing directory, a target that is not a regular file, or a
            file that cannot be written (the message names ``p``).

    """
    target = Path(os.path.realpath(p))  # through symlinks: replace the real file, keep the link
    if not target.parent.is_dir():
        raise ScenarioError(f"no such directory: {target.parent}", p)
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ScenarioError(f"cannot write: {exc.strerror or exc}", p) from None
    if mode is not None and not stat.S_ISREG(mode):
        raise ScenarioError(_not_regular(mode), p)
    tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    created = False
    try:
        # 0o666 with the umask applied by the system: a new file gets the usual mode
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
        created = True
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, stat.S_IMODE(mode))
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        created = False
    except OSError as exc:
        raise ScenarioError(f"cannot write: {exc.strerror or exc}", p) from None
    finally:
        if created:  # any failure, KeyboardInterrupt included: no temporary file left behind
            tmp.unlink(missing_ok=True)
    _clear_stale(target)


_STALE_SECONDS = 60


def _clear_stale(target: Path) -> None:
    """Remove temporary files of earlier saves of ``target`` that were killed (SIGKILL, power loss).

    Only this module's own names (``.NAME.<12 hex digits>.tmp``) older than a minute: a
    save takes milliseconds, so a younger one may belong to a save still running.
    """
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[0-9a-f]{{12}}\.tmp")
    cutoff = time.time() - _STALE_SECONDS
    try:
        with os.scandir(target.parent) as entries:
            for entry in entries:
                ours = pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
                if ours and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.unlink(entry.path)
    except OSError:
        pass  # tidying up is a courtesy: never a reason for a save to fail


def example_path(name: str = "ikea_rebild") -> Path:
    """Path of a scenario file bundled with the library (default: the three-party deal)."""
    need_text(name, "name", "a bundled example's name, e.g. 'ikea_rebild',")
    folder = resources.files("socialpartner") / "data" / "examples"
    path = Path(str(folder / f"{name}.yaml"))
    if not path.is_file():
        bundled = sorted(Path(str(f)).stem for f in folder.iterdir() if str(f).endswith(".yaml"))
        raise ScenarioError(
            f"no bundled example {name!r}: the library bundles {', '.join(bundled)}; the other examples are "
            "files in the repository's examples/ folder, read with sp.load(path)",
            path,
        )
    return path


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file: one of the five models, chosen by ``model``.

    Every file :func:`save` and :func:`dumps` write is valid by it. It checks the shape
    (keys, types, a number with a unit, a plain number where one is read); it is looser
    than :func:`load`, which also checks units, ranges, the Danish number format and the
    rules between fields (``wage_growth: 3`` passes the schema and is refused by ``load``).
    """
    from typing import Annotated, Union

    from pydantic import Field, TypeAdapter

    union = Union[tuple(MODELS.values())]  # type: ignore[valid-type]  # noqa: UP007 - built at run time
    adapter: TypeAdapter[Any] = TypeAdapter(Annotated[union, Field(discriminator="model")])  # type: ignore[arg-type]
    schema: dict[str, Any] = adapter.json_schema()
    for cls in MODELS.values():  # a way of reading the file, not a field of the model
        schema["$defs"][cls.__name__]["properties"]["number_format"] = {
            "enum": list(NUMBER_FORMATS),
            "description": "How the numbers in this file are written: 'da' (510.000,50) or 'plain' (510000.50).",
        }
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "socialpartner scenario"
    return schema
