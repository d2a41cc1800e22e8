"""Fuzzing the front door: every input evaluates to a balanced ledger or gets a clear error.

Valid scenarios of every model (tests/strategies.py) are mutated into invalid ones:
wrong types, wrong units, unknown keys, missing parties, huge and tiny numbers,
NaN/inf, negative hours, odd unicode, nested junk; and raw text is thrown at the YAML
and JSON readers and at the command line. Allowed outcomes: a balanced evaluation, a
pydantic ValidationError whose entries name the field, or a library error
(SocialPartnerError, a ValueError). Anything else is a bug.
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.units import WrittenNumber
from socialpartner.cli import app
from socialpartner.scenario import from_data

from .conftest import EXAMPLE
from .limits import time_limit, time_limited
from .strategies import any_model_data

# SOCIALPARTNER_FUZZ_EXAMPLES=5000 runs a longer campaign than the default.
# Every example has a deadline (hypothesis, measured) and a hard time limit (tests/limits.py),
# so an input that hangs fails the run instead of stalling it.
FUZZ = settings(
    max_examples=int(os.environ.get("SOCIALPARTNER_FUZZ_EXAMPLES", "400")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=timedelta(seconds=5),
)
EXAMPLE_LIMIT = 20  # seconds for one example before it fails as a hang

ODD_TEXT = [
    "165 DKK/month",
    "15 hour/week",
    "12 %",
    "-15 hour/week",
    "nan DKK/hour",
    "inf",
    "1e400 DKK",
    "1e-400 DKK/hour",
    "0 year",
    "-1 year",
    "１２ DKK/hour",
    "12 DKK/hоur",
    "12 DKK/hour/hour",
    "12 DKK**1000",
    "12 (DKK",
    "12 DKK/ür",
    "",
    " ",
    "\x00",
    "12\u00a0DKK/hour",
    "9" * 40 + " DKK/hour",
    "0.1234567890123456789 DKK/hour",
    "1e14 DKK/hour",
    "9e14 hour/week",
    "DKK",
    "12 DKK.__class__",
    "12 __import__('os')",
    "'; DROP TABLE",
    "Ω",
    "🙂 DKK",
    "12 kr/h",
    # Danish spellings and mistakes (numbers as typed, unit words, YAML 1.1 leftovers)
    "510.000 DKK/year",
    "1.250.000 kr./år",
    "2.400 DKK/week",
    "165,50 DKK/hour",
    "510,000 DKK/year",
    "510.000,50 kr./år",
    "510_000 DKK/year",
    "5__1 DKK",
    "170 kr./time",
    "37 t/uge",
    "20 timer/uge",
    "18750 kr./md.",
    "1 år",
    "15 procent",
    "15 pct.",
    "1 årsværk",
    "3",
    "1.5",
    "0.12",
    "12 %%",
    "12 %/%",
    "12 hour/hour",
    "12 week/year",
    "0.12 dimensionless",
    "0223",
    "1:30",
    "1e-9 year",
    "1000 %",
    "1e1000000 DKK/hour",
    "1e-999999999 DKK/hour",
    "1e999999999 hour/week",
]

# Numbers as a JSON reader with exact decimals produces them: exponents far beyond any
# float, on any field (headcounts included), must be refused in milliseconds.
EXTREME_NUMBERS = [
    Decimal("1e999999999"),
    Decimal("1e-999999999"),
    Decimal("-1e1000000"),
    Decimal("0E+999999999"),
    Decimal("0E-999999999"),
    Decimal("3E0"),
    Decimal("1e15"),
    WrittenNumber("1e999999999"),  # as the JSON reader hands it over
    WrittenNumber("-1e-999999999"),
    10**400,
    1e308,
    5e-324,
]

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, places=3, max_value=10**6, min_value=-(10**6)).map(lambda d: WrittenNumber(d)),
    st.text(max_size=20),
    st.sampled_from(ODD_TEXT),
    st.sampled_from(EXTREME_NUMBERS),
)
JUNK = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=12,
)


class _Dumper(yaml.SafeDumper):
    """Writes a WrittenNumber as the plain YAML number it came from (``510.000``), a Decimal as its number."""


_Dumper.add_representer(WrittenNumber, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", str(v)))
# a Decimal as the number it is (YAML reads 1E+999999999 as infinity)
_Dumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", str(v)))


def to_yaml(data: Any, **options: Any) -> str:
    return str(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, **options))


def to_json(data: Any) -> str:
    """JSON with each Decimal written as its exact number literal (as a JSON file can hold it)."""
    found: list[Decimal] = []

    def placeholders(value: Any) -> Any:
        if isinstance(value, Decimal):
            found.append(value)
            return f"@@{len(found) - 1}@@"
        if isinstance(value, dict):
            return {k: placeholders(v) for k, v in value.items()}
        if isinstance(value, list):
            return [placeholders(v) for v in value]
        return value

    text = json.dumps(placeholders(data), ensure_ascii=False)
    for i, number in enumerate(found):
        literal = str(number) if number.is_finite() else "1e999999999"
        text = text.replace(f'"@@{i}@@"', literal, 1)
    return text


FIELD_FIRST = re.compile(r"^(Value error, )?[a-z_][a-z_0-9.]*: ")


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in nested data that holds a value."""
    out: list[tuple[Any, ...]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for k, v in items:
        out.append((*prefix, k))
        out += paths(v, (*prefix, k))
    return out


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A valid scenario with one to three mutations."""
    data: dict[str, Any] = copy.deepcopy(draw(any_model_data()))
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(paths(data)))
        parent: Any = data
        for key in where[:-1]:
            parent = parent[key]
        last = where[-1]
        action = draw(st.sampled_from(["replace", "delete", "add", "wrap"]))
        if action == "replace":
            parent[last] = draw(JUNK)
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(JUNK)
        else:
            parent[last] = [parent[last]] if draw(st.booleans()) else {"value": parent[last]}
    return data


def outcome(data: Any) -> str:
    """Load and evaluate; assert the invariants of whichever way it ends."""
    refused = ""
    try:
        partnership = from_data(data)
    except ValidationError as exc:
        for error in exc.errors():
            # the field is named by its location, or (model-level rules) first in the message
            assert error["loc"] or FIELD_FIRST.match(error["msg"]), error
            assert len(error["msg"]) < 400, error["msg"]
        return "invalid"
    except sp.SocialPartnerError as exc:
        refused = str(exc)
    else:
        try:
            ev = sp.evaluate(partnership)
        except sp.LedgerError as exc:  # an amount beyond what can be booked exactly; it names its inputs
            refused = str(exc)
        else:
            for part in (ev, *ev.breakdown):
                assert sum(part.ledger.nets().values()) == 0
            json.dumps(ev.to_dict())
            return "valid"
    assert 0 < len(refused) < 400, refused
    return "refused"


@FUZZ
@given(mutated())
@time_limited(EXAMPLE_LIMIT)
def test_mutated_scenarios(data: dict[str, Any]) -> None:
    event(outcome(data))


@FUZZ
@given(any_model_data())
@time_limited(EXAMPLE_LIMIT)
def test_valid_scenarios_evaluate(data: dict[str, Any]) -> None:
    assert outcome(data) == "valid"


@FUZZ
@given(st.one_of(JUNK, st.dictionaries(st.sampled_from(["model", "name", "period", "number_format"]), JUNK)))
@time_limited(EXAMPLE_LIMIT)
def test_junk_documents(data: Any) -> None:
    event(outcome(data))


@FUZZ
@given(
    st.one_of(
        st.text(max_size=200),
        st.builds(to_yaml, mutated()),
        st.builds(to_json, mutated()),
        st.builds(lambda d, cut: to_yaml(d)[:cut], any_model_data(), st.integers(0, 400)),
        # the same scenarios declared Danish, and in YAML flow style (where a comma ends a value)
        st.builds(lambda d: "number_format: da\n" + to_yaml(d), any_model_data()),
        st.builds(lambda d: to_yaml(d, default_flow_style=True), mutated()),
    ),
    st.sampled_from(["yaml", "json"]),
)
@time_limited(EXAMPLE_LIMIT)
def test_raw_text(text: str, fmt: str) -> None:
    try:
        partnership = sp.loads(text, fmt)
    except (ValidationError, sp.SocialPartnerError):
        return
    assert sum(sp.evaluate(partnership).ledger.nets().values()) == 0


runner = CliRunner()


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(mutated(), any_model_data()), st.sampled_from(["yaml", "json"]))
@time_limited(EXAMPLE_LIMIT)
def test_cli_never_shows_a_traceback(tmp_path_factory: Any, data: dict[str, Any], fmt: str) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / f"scenario.{fmt}"
    try:
        text = to_json(data) if fmt == "json" else to_yaml(data)
    except (yaml.YAMLError, ValueError):  # e.g. a key YAML or JSON cannot write
        return
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "--format", "json"])
    assert result.exit_code in {0, 2}, result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.startswith("error:")
        assert len(result.output.splitlines()) <= 15


# -- the command line's options -------------------------------------------------------------

ODD_NUMBERS = [
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "1e999999999",
    "1e-999999999",
    "-1e999999999",
    "1e308",
    "1e15",
    "abc",
    "5 DKK/hour",
    "12033 DKK/month",
    "",
    " ",
    "1,5",
    "1.000,50",
    "0x10",
    "١٢",
    "1_000",
    "-1",
    "0",
    "1",
    "12000",
    "9" * 30,
    "\x1b[2J",
]
NUMBER_TEXT = st.one_of(
    st.sampled_from(ODD_NUMBERS),
    st.integers(0, 20_000).map(str),  # numbers an input can take, so the solve and sweep run too
    st.decimals(0, 20_000, places=2).map(str),
    st.integers(-(10**20), 10**20).map(str),
    st.floats().map(repr),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=12),
)
INPUTS = [
    "courses.price",
    "courses.participants",
    "temp_hours.workers",
    "temp_hours.overhead",
    "temp_hours.wage_cost",
    "support_staff.0.fte",
    "support_staff.0.annual_cost",
    "support_staff.9.fte",
    "name",
    "company.name",
    "municipality.code",
    "nosuch",
    "",
    "courses",
]
COUNTS = ["0", "1", "2", "3", "17", "50", "-1", "x", "", "2.5", "10000001", "9" * 25]
CLI_EXAMPLES = int(os.environ.get("SOCIALPARTNER_CLI_FUZZ_EXAMPLES", "80"))
CLI_FUZZ = settings(
    max_examples=CLI_EXAMPLES,
    deadline=None,  # a solve is many evaluations; the hard limit below catches a hang
    suppress_health_check=list(HealthCheck),
)
CLI_FUZZ_SLOW = settings(CLI_FUZZ, max_examples=max(1, CLI_EXAMPLES // 2))  # charts and zones cost more


def check_cli(result: Any) -> str:
    """Exit 0, or exit 2 with one line naming what is wrong; never an internal error or a traceback."""
    assert result.exit_code in {0, 2}, result.output
    assert "Traceback" not in result.output
    assert "\x1b" not in result.output
    if result.exit_code == 2:
        lines = result.output.strip().splitlines()
        assert lines[0].startswith("error: "), result.output
        assert len(lines) <= 15, result.output
        return "error"
    return "ok"


# Requests a user would make (so the solver itself runs), mixed with odd ones.
PLAUSIBLE_SOLVE = st.tuples(
    st.sampled_from(["courses.price", "temp_hours.overhead", "temp_hours.wage_cost", "courses.participants"]),
    st.sampled_from(["coverage", "surplus"]),
    st.decimals(0, 2, places=2).map(str),
    st.none() | st.integers(0, 20_000).map(str),
    st.none() | st.integers(0, 40_000).map(str),
)
ODD_SOLVE = st.tuples(
    st.sampled_from(INPUTS),
    st.sampled_from(["coverage", "surplus", "net.company", "nosuch", ""]),
    NUMBER_TEXT,
    st.none() | NUMBER_TEXT,
    st.none() | NUMBER_TEXT,
)


@CLI_FUZZ
@given(st.one_of(PLAUSIBLE_SOLVE, ODD_SOLVE))
@time_limited(60)
def test_cli_solve_options(request: tuple[str, str, str, str | None, str | None]) -> None:
    vary, result, target, low, high = request
    args = ["solve", str(EXAMPLE), f"--vary={vary}", f"--target={result}={target}"]
    args += [f"--min={low}"] if low is not None else []
    args += [f"--max={high}"] if high is not None else []
    event(check_cli(runner.invoke(app, args)))


def vary_spec() -> st.SearchStrategy[str]:
    """``--vary`` values: plausible ones (so the sweep runs) and odd ones."""
    return st.one_of(
        st.builds(
            lambda path, lo, hi, count: f"{path}={lo}..{hi}:{count}",
            st.sampled_from(["courses.price", "temp_hours.overhead", "courses.participants", "temp_hours.workers"]),
            st.integers(0, 20_000),
            st.integers(0, 20_000),
            st.sampled_from(["1", "2", "3", "17"]),
        ),
        st.builds(
            lambda path, lo, hi, count: f"{path}={lo}..{hi}" + (f":{count}" if count is not None else ""),
            st.sampled_from(INPUTS),
            NUMBER_TEXT,
            NUMBER_TEXT,
            st.none() | st.sampled_from(COUNTS),
        ),
        st.text(max_size=30),
    )


@CLI_FUZZ
@given(
    st.lists(vary_spec(), min_size=1, max_size=3), st.booleans(), st.sampled_from([None, "ok.csv", "no/x.csv", "x.txt"])
)
@time_limited(60)
def test_cli_sweep_options(tmp_path_factory: Any, specs: list[str], paired: bool, csv: str | None) -> None:
    args = ["sweep", str(EXAMPLE), *(f"--vary={s}" for s in specs)]
    args += ["--paired"] if paired else []
    if csv is not None:
        args += [f"--csv={Path(tmp_path_factory.mktemp('csv')) / csv}"]
    event(check_cli(runner.invoke(app, args)))


@CLI_FUZZ_SLOW
@given(st.lists(vary_spec(), min_size=1, max_size=2))
@time_limited(60)
def test_cli_tornado_options(tmp_path_factory: Any, specs: list[str]) -> None:
    out = Path(tmp_path_factory.mktemp("chart")) / "t.png"
    args = ["chart", str(EXAMPLE), "--kind=tornado", f"--out={out}", *(f"--vary={s}" for s in specs)]
    event(check_cli(runner.invoke(app, args)))


# -- the filesystem: every command against files that are not scenario files ---------------


def special_file(kind: str, tmp_path: Path, name: str = "") -> Path:
    """A path of ``kind`` under ``tmp_path``, named like a scenario file (or ``name``)."""
    path = tmp_path / (name or f"{kind}.yaml")
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "dev-urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "dangling-link":
        path.symlink_to(tmp_path / "nowhere.yaml")
    elif kind == "link-loop":
        path.symlink_to(path)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "too-large":
        path.write_bytes(b"#" * (sp.scenario.MAX_FILE_BYTES + 1))
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 4)
    elif kind == "latin-1":
        path.write_bytes("model: supplier\nname: Ærø\n".encode("latin-1"))
    elif kind == "missing":
        pass
    return path


SPECIAL = [
    "dev-zero",
    "dev-urandom",
    "fifo",
    "directory",
    "dangling-link",
    "link-loop",
    "empty",
    "too-large",
    "binary",
    "latin-1",
    "missing",
]
COMMANDS = {
    "evaluate": lambda f, out: ["evaluate", f],
    "solve": lambda f, out: ["solve", f, "--vary=courses.price", "--target=coverage=1"],
    "sweep": lambda f, out: ["sweep", f, "--vary=courses.price=9000..14000:3"],
    "export": lambda f, out: ["export", f, f"--xlsx={out}.xlsx"],
    "chart": lambda f, out: ["chart", f, f"--out={out}.png"],
    "compare": lambda f, out: ["compare", str(EXAMPLE), f],
    "agree": lambda f, out: ["agree", f, "--vary=courses.price"],
    "test": lambda f, out: ["test", f],
    "pin": lambda f, out: ["pin", f],
}


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev/zero and symlinks are POSIX")
@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("kind", SPECIAL)
def test_cli_refuses_special_input_files(tmp_path: Path, kind: str, command: str) -> None:
    if command == "chart":
        pytest.importorskip("matplotlib")
    path = special_file(kind, tmp_path)
    with time_limit(EXAMPLE_LIMIT):
        result = runner.invoke(app, COMMANDS[command](str(path), str(tmp_path / "out")))
    if command == "test" and kind == "directory":  # a folder to search: none found in an empty one
        assert check_cli(result) == "ok"
        return
    assert check_cli(result) == "error"
    assert str(path) in result.output


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev/zero and symlinks are POSIX")
@pytest.mark.parametrize(
    "kind", ["dev-zero", "fifo", "directory", "link-loop", "link-into-missing-dir", "missing-dir", "through-a-file"]
)
@pytest.mark.parametrize("command", ["export", "chart", "sweep", "agree"])
def test_cli_refuses_special_output_files(tmp_path: Path, kind: str, command: str) -> None:
    if command in {"chart", "agree"}:
        pytest.importorskip("matplotlib")
    suffix = {"export": ".xlsx", "chart": ".png", "sweep": ".csv", "agree": ".png"}[command]
    name = f"out{suffix}"
    if kind == "missing-dir":
        out = tmp_path / "nodir" / name
    elif kind == "through-a-file":
        (tmp_path / "file").write_text("x", encoding="utf-8")
        out = tmp_path / "file" / name
    elif kind == "link-into-missing-dir":
        out = tmp_path / name
        out.symlink_to(tmp_path / "nodir" / name)
    else:
        out = special_file(kind, tmp_path, name)
    args = {
        "export": ["export", str(EXAMPLE), f"--xlsx={out}"],
        "chart": ["chart", str(EXAMPLE), f"--out={out}"],
        "sweep": ["sweep", str(EXAMPLE), "--vary=courses.price=9000..14000:3", f"--csv={out}"],
        "agree": ["agree", str(EXAMPLE), "--vary=courses.price", f"--chart={out}"],
    }[command]
    with time_limit(EXAMPLE_LIMIT):
        result = runner.invoke(app, args)
    assert check_cli(result) == "error", result.output
    assert str(out) in result.output


@CLI_FUZZ_SLOW
@given(
    st.sampled_from(
        [["courses.price"], ["temp_hours.overhead"], ["courses.price=9000..14000"], ["courses.price", "courses.price"]]
    )
    | st.lists(
        st.one_of(
            st.sampled_from(INPUTS),
            st.builds(lambda p, lo, hi: f"{p}={lo}..{hi}", st.sampled_from(INPUTS), NUMBER_TEXT, NUMBER_TEXT),
            st.text(max_size=20),
        ),
        min_size=0,
        max_size=3,
    ),
    st.none() | NUMBER_TEXT.map(lambda t: f"{t} %"),
    st.none() | NUMBER_TEXT.map(lambda t: f"{t} DKK/year"),
)
@time_limited(60)
def test_cli_agree_options(specs: list[str], margin: str | None, limit: str | None) -> None:
    args = ["agree", str(EXAMPLE), *(f"--vary={s}" for s in specs)]
    args += [f"--soev-margin={margin}"] if margin is not None else []
    args += [f"--municipal-limit={limit}"] if limit is not None else []
    result = runner.invoke(app, args)
    if not specs:  # --vary is required: click's own usage error, exit 2
        assert result.exit_code == 2
        return
    event(check_cli(result))
