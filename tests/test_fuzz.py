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
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.units import WrittenNumber
from socialpartner.cli import app
from socialpartner.scenario import from_data

from .strategies import any_model_data

# SOCIALPARTNER_FUZZ_EXAMPLES=5000 runs a longer campaign than the default.
FUZZ = settings(
    max_examples=int(os.environ.get("SOCIALPARTNER_FUZZ_EXAMPLES", "400")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

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
]

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, places=3, max_value=10**6, min_value=-(10**6)).map(lambda d: WrittenNumber(d)),
    st.text(max_size=20),
    st.sampled_from(ODD_TEXT),
)
JUNK = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=12,
)


class _Dumper(yaml.SafeDumper):
    """Writes a WrittenNumber as the plain YAML number it came from (``510.000``)."""


_Dumper.add_representer(WrittenNumber, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", str(v)))


def to_yaml(data: Any, **options: Any) -> str:
    return str(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, **options))


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
def test_mutated_scenarios(data: dict[str, Any]) -> None:
    event(outcome(data))


@FUZZ
@given(any_model_data())
def test_valid_scenarios_evaluate(data: dict[str, Any]) -> None:
    assert outcome(data) == "valid"


@FUZZ
@given(st.one_of(JUNK, st.dictionaries(st.sampled_from(["model", "name", "period", "number_format"]), JUNK)))
def test_junk_documents(data: Any) -> None:
    event(outcome(data))


@FUZZ
@given(
    st.one_of(
        st.text(max_size=200),
        st.builds(to_yaml, mutated()),
        st.builds(lambda d, cut: to_yaml(d)[:cut], any_model_data(), st.integers(0, 400)),
        # the same scenarios declared Danish, and in YAML flow style (where a comma ends a value)
        st.builds(lambda d: "number_format: da\n" + to_yaml(d), any_model_data()),
        st.builds(lambda d: to_yaml(d, default_flow_style=True), mutated()),
    ),
    st.sampled_from(["yaml", "json"]),
)
def test_raw_text(text: str, fmt: str) -> None:
    try:
        partnership = sp.loads(text, fmt)
    except (ValidationError, sp.SocialPartnerError):
        return
    assert sum(sp.evaluate(partnership).ledger.nets().values()) == 0


runner = CliRunner()


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(mutated(), any_model_data()))
def test_cli_never_shows_a_traceback(tmp_path_factory: Any, data: dict[str, Any]) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "scenario.yaml"
    try:
        text = to_yaml(data)
    except yaml.YAMLError:
        return
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "--format", "json"])
    assert result.exit_code in {0, 2}, result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.startswith("error:")
        assert len(result.output.splitlines()) <= 15
