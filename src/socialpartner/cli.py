"""The ``socialpartner`` command line.

``socialpartner evaluate [FILE] [--format table|json]`` evaluates a scenario file (the
bundled three-party example when FILE is omitted). Bad input exits with code 2 and a
short message naming the field; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import contextlib
import enum
import json
import math
import re
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, TypeVar

import pint
import typer
from pydantic import ValidationError
from rich.console import Console as _RichConsole
from rich.markup import escape
from rich.table import Table

from socialpartner._internal.i18n import TEXT, Number, Period, Raw, Text, Translator, danish_labels
from socialpartner._internal.output import check_output, writing
from socialpartner._internal.plan import places
from socialpartner._internal.units import (
    MAX_MAGNITUDE,
    PLAIN,
    Q_,
    format_magnitude,
    has_unit,
    in_input_unit,
    number_format,
    read_number,
)
from socialpartner.comparison import MISSING, ScenarioComparison, compare
from socialpartner.errors import AgreementError, OutputError, ScenarioError, ScenarioWarning, SocialPartnerError
from socialpartner.evaluation import Evaluation, evaluate
from socialpartner.models._base import Partnership
from socialpartner.scenario import declared_number_format, example_path, load

if TYPE_CHECKING:
    import pandas as pd

    from socialpartner.solver import Solution

_T = TypeVar("_T")

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Model Danish social-economy partnerships.")


class Language(enum.StrEnum):
    """Output language of the tables."""

    en = "en"
    da = "da"


class OutputFormat(enum.StrEnum):
    """How ``evaluate`` prints its result."""

    table = "table"
    json = "json"


_LANG_HELP = "Language of the output: en or da."


def _translator(lang: Language) -> Translator:
    return Translator("da" if lang is Language.da else "en")


@contextlib.contextmanager
def _reported(debug: bool, where: object = None) -> Iterator[None]:
    """Turn a user's error into a short message and exit code 2 (``--debug``: the traceback).

    Anything else is an internal error: exit code 1, one line, no traceback.
    """
    prefix = "" if where is None else f"{where}: "
    try:
        yield
    except (ValidationError, SocialPartnerError) as exc:
        if debug:
            raise
        message = _describe_validation(exc) if isinstance(exc, ValidationError) else str(exc)
        if isinstance(exc, _OptionError) or (isinstance(exc, (ScenarioError, OutputError)) and exc.path is not None):
            prefix = ""  # the message names its option or its file already
        typer.echo(_printable(f"error: {prefix}{message}"), err=True)  # plain text: never wrapped or marked up
        raise typer.Exit(2) from None
    except typer.Exit:
        raise
    except BrokenPipeError:  # the reader went away (``| head``): before click, which would exit 1 (a bug's code)
        _pipe_closed()
    except Exception as exc:
        if debug:
            raise
        message = f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)"
        typer.echo(_printable(message), err=True)
        raise typer.Exit(1) from None


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(text: str, *, lines: bool = True) -> str:
    r"""Text with control characters shown as escapes (``\x1b``), so none reaches the terminal raw.

    ``lines``: keep the line breaks of a multi-line message.
    """

    def shown(m: re.Match[str]) -> str:
        char = m.group()
        return char if lines and char == "\n" else char.encode("unicode_escape").decode("ascii")

    return _CONTROL.sub(shown, text)


def _price_words(ev: Evaluation) -> dict[str, str]:
    """Each price's words by its input path (a service's name), for a tornado's bars.

    Over several years the break-even prices are each year's (review 61 L3: the bars read ``services.0``).
    """
    return {b.input_path: b.label for part in (ev, *ev.breakdown) for b in part.break_even}


def _wrapped(text: str, hang: int = 4) -> str:  # hang: how far a continuation stands in from its line
    """Each line of ``text`` wrapped at its words to the terminal's width, as evaluate's notes are.

    A continuation hangs under the text after its line's label ("bemærkning: "), so that it never
    reads as a line of its own (agree's "grænse:" lines sit two in). Only on a terminal or with
    ``COLUMNS`` set (review 51 F6: a 480-character note wrapped mid-number): piped, a note stays on
    one line, for ``grep``.
    """
    import os
    import textwrap

    if "COLUMNS" not in os.environ and not sys.stdout.isatty():
        return text
    width = max(Console().width, 20)
    out = []
    glue = "\ue000"  # a number and the word after it (its unit: "0 kr.") stay on one line
    for line in re.sub(r"(?<=\d) (?=[^\s\d(])", glue, text).split("\n"):
        label = re.match(r" *[^ :]+: ", line)
        indent = (
            len(label.group())
            if label and len(label.group()) <= width // 3
            else len(line) - len(line.lstrip(" ")) + hang
        )
        out.extend(
            textwrap.wrap(
                line,
                width,
                subsequent_indent=" " * indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            or [line]
        )
    return "\n".join(out).replace(glue, " ")


class _OptionError(SocialPartnerError):
    """A command-line option is wrong: reported naming the option, without the scenario's path."""


def _option_error(option: str, message: str) -> SocialPartnerError:
    return _OptionError(f"{option}: {message}")


def _describe_validation(error: ValidationError) -> str:
    count = error.error_count()
    lines = [f"{count} {'problem' if count == 1 else 'problems'} in the scenario:"]
    for e in error.errors()[:10]:
        where = _printable(".".join(str(p) for p in e["loc"]), lines=False)
        # a rule across the scenario has no one field: its message names what it is about
        lines.append(f"  {where}: {e['msg']}" if where else f"  {e['msg']}")
    if error.error_count() > 10:
        lines.append(f"  … and {error.error_count() - 10} more")
    return "\n".join(lines)


@app.callback()
def _root() -> None:
    """Model Danish social-economy partnerships."""


@app.command("evaluate")
def evaluate_command(
    file: Annotated[
        Path | None, typer.Argument(help="Scenario file (.yaml/.json); the bundled three-party example if omitted.")
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    explain: Annotated[
        list[str] | None,
        typer.Option(
            "--explain",
            "-e",
            help="Explain how a figure was computed (e.g. coverage); repeatable. --explain topics lists them all.",
        ),
    ] = None,
    lang: Annotated[Language, typer.Option("--lang", help="Language of the table: en or da.")] = Language.en,
    summary: Annotated[
        bool,
        typer.Option(
            "--summary",
            "-s",
            help="The headline tables only: no transfers, no year's own section, no parameters used.",
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Evaluate a partnership: ledger, support-staff coverage, break-even prices, jobs."""
    path = file if file is not None else example_path()
    with _reported(debug, path):
        if summary and (output is OutputFormat.json or explain):
            raise _option_error("--summary", "shortens the table; --format json and --explain are given in full")
        ev = evaluate(load(path))
        if explain and "topics" in explain and "topics" not in ev.topics():
            # every topic, one a line (a horizon's years as YEAR:TOPIC): what --explain takes
            if output is OutputFormat.json:
                sys.stdout.write(json.dumps(list(ev.topics()), ensure_ascii=False, indent=2) + "\n")
            else:
                t = _translator(lang)
                sys.stdout.write(_printable("\n".join(_topic_line(topic, t) for topic in ev.topics())) + "\n")
            return
        if explain:
            try:
                explanations = [ev.explain(topic) for topic in explain]
            except KeyError as exc:
                raise _option_error("--explain", str(exc.args[0])) from None
            if output is OutputFormat.json:
                sys.stdout.write(json.dumps([e.to_dict() for e in explanations], ensure_ascii=False, indent=2) + "\n")
            else:
                from socialpartner.views.explain import explanation_text

                text = "\n\n".join(explanation_text(e, lang.value) for e in explanations)
                # at the terminal's width, continuations hanging under their line (review 56 F7)
                # (8 in: below the inputs, which stand 4 in from their term)
                sys.stdout.write(_printable(_wrapped(text, hang=8)) + "\n")
            return
        if output is OutputFormat.json:
            sys.stdout.write(json.dumps(ev.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            from socialpartner.views.tables import print_table

            print_table(ev, Console(), Translator("da" if lang is Language.da else "en"), summary=summary)


@app.command("solve")
def solve_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (.yaml/.json).")],
    vary: Annotated[str, typer.Option("--vary", help="The input to solve for, e.g. courses.price.")],
    target: Annotated[
        str,
        typer.Option(
            "--target",
            help="RESULT=VALUE, e.g. coverage=1 (or coverage=100 %), company_net_gain=0, 2027.coverage=1.",
        ),
    ],
    low: Annotated[
        str | None,
        typer.Option(
            "--min",
            help="Lowest value to consider: a bare number in the unit the input is written in "
            "(12000 for '11000 DKK/month', 1.5 for '2 %', 0.015 for a bare fraction 0.02), "
            "or a quantity in any unit of its kind ('144000 DKK/year', '1.5 %'; '1,5 %' beside a file "
            "with number_format: da).",
        ),
    ] = None,
    high: Annotated[
        str | None,
        typer.Option("--max", help="Highest value to consider, in the input's unit as for --min."),
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    lang: Annotated[Language, typer.Option("--lang", help=_LANG_HELP)] = Language.en,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Find the value of an input at which a result reaches a target (e.g. the break-even price)."""
    from socialpartner.solver import PERCENT_TEXT, _signed, input_unit, ratio_result, result_value, solve

    result, sep, value = target.partition("=")
    with _reported(debug, file):
        if not sep or not result.strip() or not value.strip():
            raise _option_error("--target", f"expected RESULT=VALUE, e.g. coverage=1; got {target!r}")
        # the options are checked before the file is read: a bad one fails at once, naming itself
        percent = PERCENT_TEXT.fullmatch(value)
        if percent is not None:  # coverage=110 %: a ratio written as a percentage (checked once the file is read)
            goal = _number_option(percent["number"], "--target", file) / 100
        else:
            goal = _number_option(value, "--target", file)
        # a bound with a unit ('9000 DKK/month') is read once the file gives the input's unit
        lowest = None if low is None or has_unit(low) else _number_option(low, "--min", file, bound=True)
        highest = None if high is None or has_unit(high) else _number_option(high, "--max", file, bound=True)
        if lowest is not None and highest is not None and lowest > highest:
            raise _option_error("--min", f"{lowest} is above --max {highest}")
        partnership = load(file)
        if not _signed(partnership, vary):  # a negative end only for an input that may be negative (a growth)
            for option, number, text in (("--min", lowest, low), ("--max", highest, high)):
                if number is not None and number < 0 and text is not None:
                    raise _OptionError(f"{option} must not be negative, got {text.strip()}")
        if low is not None and lowest is None:
            lowest = _unit_option(low, "--min", file, partnership, vary)
        if high is not None and highest is None:
            highest = _unit_option(high, "--max", file, partnership, vary)
        if lowest is not None and highest is not None and lowest > highest:
            # read in the input's unit: say it (1 % above 0.05 reads as nonsense without it)
            unit = input_unit(partnership, vary)
            raise _option_error("--min", f"{lowest}{unit} is above --max {highest}{unit}")
        current = evaluate(partnership)
        before = result_value(current, result.strip())
        if percent is not None and not ratio_result(current, result.strip()):
            raise _option_error(
                "--target", f"a percentage is for a ratio (a coverage, a share); give {result.strip()}=NUMBER"
            )
        # a percentage goes on as one (Q_ of the fraction): solve judges it for the result (a share up to 100 %)
        given = Q_(goal, "") if percent is not None else goal
        solution = solve(partnership, vary, result.strip(), given, low=lowest, high=highest)
        _print_solution(solution, before, output, current, _translator(lang))


@contextlib.contextmanager
def _scenario_notes(t: Translator) -> Iterator[None]:
    """Print each ScenarioWarning raised inside as a note in the output's language (not a raw warning)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for w in caught:
        if issubclass(w.category, ScenarioWarning):
            note = w.message.args[0] if isinstance(w.message, Warning) and w.message.args else str(w.message)
            typer.echo(_wrapped(f"{t('ui.note').lower()}: {t(note)}"))
        else:  # any other warning as it would have been
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


def _number_option(text: str, option: str, file: Path, *, bound: bool = False) -> Decimal:
    """A number option checked like the solver's own target (or bounds), its error naming the option."""
    from socialpartner.solver import SolveError, _bound_number, _option_number

    def read() -> Decimal:
        try:
            # the sign is checked once the file says what the input is (a growth may be negative)
            return _bound_number(text, option, signed=True) if bound else _option_number(text, option)
        except SolveError as exc:
            raise _OptionError(str(exc)) from None

    return _in_file_format(file, read)


def _unit_option(text: str, option: str, file: Path, partnership: Partnership, vary: str) -> Decimal:
    """``--min``/``--max`` given with a unit, as a bare number in the unit the input is written in."""
    from socialpartner.solver import SolveError, bound_in_unit

    def read() -> Decimal:
        try:
            return bound_in_unit(partnership, vary, text, option)
        except SolveError as exc:
            raise _OptionError(str(exc)) from None

    return _in_file_format(file, read)


def _condition(file: Path, option: str, name: str, text: str) -> Any:
    """An ``agree`` condition (``--soev-margin``, ``--municipal-limit``) read as the scenario's field reads it.

    Read the plain way or, where that fails, by the file's declared ``number_format``.
    """
    from socialpartner.models._agreement import AgreementTerms

    def read() -> Any:
        try:
            return getattr(AgreementTerms.model_validate({name: text}), name)
        except ValidationError as exc:
            raise _OptionError(f"{option}: {exc.errors()[0]['msg']}") from None

    return _in_file_format(file, read)


def _in_file_format(file: Path, read: Callable[[], _T]) -> _T:
    """A number option read the plain way or, where that fails, by the file's declared ``number_format``.

    Beside a ``number_format: da`` file a number may be written as the file writes its
    numbers (``--target coverage=1,05``, ``--max 12.000``); a plain number (``1.05``)
    reads the same either way, so it is read as it is.
    """
    try:
        return read()
    except _OptionError:
        fmt = declared_number_format(file)
        if fmt == PLAIN:
            raise
    with number_format(fmt):
        return read()


def _print_solution(
    solution: Solution, before: Decimal, output: OutputFormat, current: Evaluation, t: Translator
) -> None:
    from socialpartner.solver import readable
    from socialpartner.testing import result_unit

    if output is OutputFormat.json:
        doc = {
            "input": solution.path,
            "value": solution.value_text,
            "result": solution.result,
            "target": str(solution.target),
            "achieved": str(solution.achieved),
            "before": str(before),
            "method": solution.method,
            "evaluations": solution.evaluations,
            "notes": [str(note) for note in solution.notes],
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    typer.echo(f"{solution.path} = {_solved_value(solution, t)}")
    now = readable(Fraction(before), solution.result, solution.target)
    shown = [t.plain(x) for x in (solution.achieved_text, str(solution.target), now)]
    if solution.result.rpartition(".")[2] == "coverage":  # a coverage reads as a percentage, as elsewhere
        shown = [
            f"{t.plain(_plain_decimal(Decimal(x) * 100))} %"
            for x in (solution.achieved_text, str(solution.target), now)
        ]
    elif result_unit(current, solution.result) == "DKK":  # an amount with its unit (60.80 DKK, not 60.80)
        shown = [f"{x} {t.unit('DKK')}" for x in shown]
    achieved, goal, was = shown
    gives = Text(
        "cli.solve_gives",
        result=Raw(_result_name(current, solution.result, t)),
        achieved=Raw(achieved),
        target=Raw(goal),
        now=Raw(was),
    )
    typer.echo(_wrapped(t(gives)))
    found = "cli.solve_found_one" if solution.evaluations == 1 else "cli.solve_found"
    typer.echo(t(Text(found, method=Text(f"cli.method.{solution.method}"), count=solution.evaluations)))
    for note in solution.notes:  # e.g. a horizon change that sets the input in later years
        typer.echo(_wrapped(f"  {t('ui.note').lower()}: {t(note)}"))


def _plain_decimal(x: Decimal) -> str:
    """A percentage to at least 2 decimals, more where the value has them (95.50, 100.00005)."""
    x = x.normalize()
    exponent = x.as_tuple().exponent
    return format(x.quantize(Decimal("0.01")) if isinstance(exponent, int) and exponent > -2 else x, "f")


def _solved_value(solution: Solution, t: Translator) -> str:
    """The value found, as a scenario writes it; money to the øre (``35.90 DKK / hour``, ``35,90 kr./time``)."""
    text = solution.value_text
    value = solution.value
    if isinstance(value, pint.Quantity) and (
        "[currency]" in str(value.dimensionality) or str(value.units) == "percent"
    ):
        # money, and a percentage (18.60 percent, as the break-even's "18.60 % covers": review 49 F8), to the
        # solver's 0.01 grid: exact
        number, _, unit = text.partition(" ")
        text = f"{Decimal(number).quantize(Decimal('0.01'))} {unit}"
    if isinstance(value, pint.Quantity) and str(value.units) == "dimensionless":
        # a bare fraction (wage_growth: 0.02), on a grid of 0.0001: also as the percentage it means
        percent = (Decimal(solution.value_text.partition(" ")[0]) * 100).quantize(Decimal("0.01"))
        return f"{t.parameter_value(text)} ({t.plain(str(percent))} %)"
    return t.parameter_value(text)


def _result_name(ev: Evaluation, result: str, t: Translator) -> str:
    """A result's name for the reader: its key in English, its label in Danish (``dækningsprocent (2027)``)."""
    year, _, base = result.partition(".")
    parts = {part.ledger.period: part for part in ev.breakdown}
    if t.lang == "da" and year in parts:  # one year's result: 2027.coverage
        return f"{_result_name(parts[year], base, t)} ({t.period(year)})"
    if f"cli.{result}" in TEXT:
        return t(f"cli.{result}")
    if t.lang == "da":
        for f in ev.figures:
            if f.key == result:
                return t.figure(f.key, f.label)
    return result


def _cli_number(text: str, option: str, file: Path) -> Decimal:
    """A number given on the command line, read by the scenario files' rules (510000, not 510.000)."""

    def read() -> Decimal:
        try:
            return read_number(text.strip(), what="a number")
        except SocialPartnerError as exc:
            reason = getattr(exc, "reason", str(exc))
            # '108000 DKK/year' in a range: the ends are numbers in the input's own unit
            hint = "; give a bare number in the unit the input is written in" if has_unit(text) else ""
            raise _OptionError(f"{option}: {reason} (got {text.strip()[:40]!r}){hint}") from None

    return _in_file_format(file, read)


# how each command writes a --vary range; one reader takes them all
_RANGE_SYNTAX = {
    "sweep": "PATH=LOW..HIGH:COUNT (or PATH=LOW..HIGH for COUNT 2), e.g. courses.price=9000..14000:51",
    "tornado": "PATH=LOW..HIGH, e.g. courses.price=9000..14000",
    "agree": "PATH or PATH=LOW..HIGH, e.g. courses.price=9000..14000",
}
_RANGE_USER = {"tornado": "a tornado chart", "agree": "agree"}
_DEFAULT_COUNT = 2
"""Values of a ``sweep --vary PATH=LOW..HIGH`` without ``:COUNT``: the two ends."""


def _parse_range(
    spec: str, file: Path, form: Literal["sweep", "tornado", "agree"], partnership: Partnership | None = None
) -> tuple[str, Decimal | None, Decimal | None, int | None]:
    """One ``--vary`` → path, low, high and count, read alike by ``sweep``, ``chart --kind tornado`` and ``agree``.

    ``sweep`` takes ``PATH=LOW..HIGH:COUNT`` (COUNT 2, the two ends, when left out);
    a tornado chart ``PATH=LOW..HIGH``; ``agree`` also ``PATH`` alone or one end left
    empty (None). The numbers are read as the other options are: by the plain rules, or
    where those refuse one, by the file's declared ``number_format`` (``7.000`` beside a
    ``number_format: da`` file is 7,000). A range of one value (``9000..9000``) is refused,
    and so is COUNT 1, which would keep LOW and leave HIGH out.
    """
    from socialpartner.sweeps import MAX_VARIANTS

    wrong = _option_error("--vary", f"expected {_RANGE_SYNTAX[form]}; got {spec!r}")
    path, sep, rest = spec.partition("=")
    path = path.strip()
    if not path:
        raise wrong
    if not sep:
        if form != "agree":
            raise wrong
        return path, None, None, None
    low, dots, tail = rest.partition("..")
    high, colon, count_text = tail.partition(":")
    low, high = low.strip(), high.strip()
    if not dots:
        raise wrong
    where = f"--vary {path}"
    if colon and form != "sweep":
        raise _OptionError(f"{where}: {_RANGE_USER[form]} takes no :COUNT; give {_RANGE_SYNTAX[form]} (got {spec!r})")
    if form != "agree" and not (low and high):
        raise wrong
    count = None
    if form == "sweep":
        try:
            count = int(count_text) if colon else _DEFAULT_COUNT
        except ValueError:
            raise wrong from None
    lo = _range_end(low, where, file, partnership, path) if low else None
    hi = _range_end(high, where, file, partnership, path) if high else None
    for end in (lo, hi):
        if end is not None and (not end.is_finite() or abs(end) >= MAX_MAGNITUDE):
            raise _OptionError(f"{where}: LOW and HIGH must be finite numbers below 1e15; got {spec!r}")
    if lo is not None and lo == hi:
        raise _OptionError(f"{where}: the range {low}..{high} is a single value; give two different ends")
    if count == 1:
        raise _OptionError(
            f"{where}: COUNT 1 would evaluate LOW ({low}) only and leave out HIGH ({high}); "
            f"give COUNT 2 or more (2, the default, is the two ends)"
        )
    if count is not None and not 2 <= count <= MAX_VARIANTS:
        raise _OptionError(f"{where}: COUNT must be between 2 and {MAX_VARIANTS:,}; got {count:,}")
    return path, lo, hi, count


def _range_end(text: str, where: str, file: Path, partnership: Partnership | None, path: str) -> Decimal | None:
    """One end of a ``--vary`` range: a bare number, or a quantity read in the input's own unit.

    An end with a unit is None until the scenario is read (``partnership``), which says the
    input's unit (108,000 DKK/year is 9,000 for a price written per month).
    """
    if not has_unit(text):
        return _cli_number(text, where, file)
    if partnership is None:
        return None
    from socialpartner.sweeps import current

    try:
        base = current(partnership, path)
    except SocialPartnerError as exc:
        raise _option_error("--vary", str(exc)) from None
    whole = not isinstance(base, pint.Quantity)

    def read() -> Decimal:
        value = in_input_unit(text, "dimensionless" if whole else str(base.units), whole, where, _OptionError)
        return value if isinstance(value, Decimal) else _cli_number(str(value), where, file)

    return _in_file_format(file, read)


def _vary_specs(
    partnership: Partnership, specs: list[str], file: Path, form: Literal["sweep", "tornado"] = "sweep"
) -> list[tuple[str, float, float, int, Any]]:
    """Each ``--vary`` read and matched to the numeric input it names; a path given twice is refused."""
    from socialpartner.sweeps import current

    out: list[tuple[str, float, float, int, Any]] = []
    for spec in specs:
        path, lo, hi, n = _parse_range(spec, file, form, partnership)
        if lo is None or hi is None:  # pragma: no cover - only agree's ranges may leave an end out
            raise _option_error("--vary", f"expected {_RANGE_SYNTAX[form]}; got {spec!r}")
        if any(path == seen for seen, *_ in out):
            raise _option_error("--vary", f"{path} is given more than once; give each input once")
        base = current(partnership, path)
        if isinstance(base, bool) or not isinstance(base, (int, pint.Quantity)):
            raise _option_error("--vary", f"{path} is not a numeric input of this scenario")
        out.append((path, float(lo), float(hi), n or _DEFAULT_COUNT, base))
    return out


def _whole_grid(path: str, lo: float, hi: float, n: int, grid: Any) -> None:
    """Refuse a range of a headcount whose COUNT steps between whole people, naming a value and the COUNTs that fit."""
    import numpy as np

    if lo.is_integer() and hi.is_integer() and np.all(grid == np.round(grid)):
        return
    if not (lo.is_integer() and hi.is_integer()):
        raise _option_error("--vary", f"{path} is a number of people: LOW and HIGH must be whole, got {lo:g}..{hi:g}")
    span = int(abs(hi - lo))
    fits = [k + 1 for k in range(1, span + 1) if span % k == 0]  # COUNTs that step by whole people
    odd = next(float(v) for v in grid if v != round(v))
    raise _option_error(
        "--vary",
        f"{path} is a number of people: {lo:g}..{hi:g}:{n} steps by {(hi - lo) / (n - 1):g} and gives {odd:g}; "
        f"give a COUNT of {', '.join(map(str, fits[:-1]))} or {fits[-1]}"
        if len(fits) > 1
        else f"{path} is a number of people: {lo:g}..{hi:g}:{n} steps by {(hi - lo) / (n - 1):g} and gives "
        f"{odd:g}; give a COUNT of {fits[0]}",
    )


_CSV_ROWS_PER_BLOCK = 50_000
_LARGE_CSV_ROWS = 200_000  # from here on a CSV write says its size first and shows progress


def _csv_places(column: str) -> int | None:
    """Decimals a sweep result column is written with: None for all of them (an input's own value).

    Ratios (coverage, also a year's or the years' total) to 4, money and FTE to 2 (they
    are whole øre and hundredths already), headcounts and payback years whole.
    """
    name, _, unit = column.partition(" [")
    if name.endswith("coverage"):
        return 4
    if unit or name.endswith("fte"):
        return 2
    if name.endswith("jobs") or name.startswith("payback.") or ".payback." in name:
        return 0
    return None


def _csv_header(column: str, t: Translator) -> str:
    """A column name with its unit as the output's language spells it (``[kr./md.]`` in Danish)."""
    name, bracket, unit = column.partition(" [")
    return f"{name} [{t.stated_unit(unit.removesuffix(']'))}]" if bracket else column


def _csv_block(block: pd.DataFrame, inputs: Sequence[str], decimal: str) -> pd.DataFrame:
    """A block of variants as text: each result at its decimals, each varied input as evaluated."""
    import numpy as np
    import pandas as pd

    out = {}
    for column in block.columns:
        values = block[column].to_numpy()
        places = (
            None if any(column.startswith(f"{path} [") or column == path for path in inputs) else _csv_places(column)
        )
        if values.dtype.kind != "f":
            out[column] = values
            continue
        if places is None:  # an input: the shortest text that reads back to the value evaluated
            text = values.astype(str)
            whole = np.isfinite(values) & (np.abs(values) < 1e15)
            whole[whole] = values[whole] == np.floor(values[whole])
            if whole.any():  # 9000, not 9000.0, as a scenario writes it
                text[whole] = np.char.mod("%d", values[whole])
        else:
            # half away from zero, as the library rounds (printf would round the binary value,
            # 0.12344999… for an exact 0.12345); + 0.0 writes -0.0 as 0
            scale = 10.0**places
            rounded = np.sign(values) * np.floor(np.abs(values) * scale + 0.5) / scale + 0.0
            text = np.char.mod(f"%.{places}f", rounded)
        if decimal != ".":
            text = np.char.replace(text, ".", decimal)
        out[column] = np.where(np.isnan(values), "", text)
    return pd.DataFrame(out, index=block.index)


def _write_csv(frame: pd.DataFrame, path: Path, console: Console, t: Translator, inputs: Sequence[str] = ()) -> None:
    """Write the variants in blocks, saying the expected size first and showing progress for large files.

    Results are written at the precision the library reports them (ratios to 4 decimals,
    money to the øre); the varied inputs at the value each row evaluated.
    """
    from rich.progress import Progress

    rows = len(frame)
    # in Danish the way a Danish spreadsheet reads it: ';' between fields, ',' as decimal mark,
    # units spelled as the Danish output spells them elsewhere
    sep, decimal = (";", ",") if t.lang == "da" else (",", ".")
    frame = frame.set_axis([_csv_header(c, t) for c in frame.columns], axis=1)
    style: dict[str, Any] = {"sep": sep}
    sample = _csv_block(frame.head(1000), inputs, decimal).to_csv(index=False, **style)
    estimate = len(sample.encode()) / max(min(rows, 1000), 1) * rows
    where = Raw(escape(_printable(str(path), lines=False)))
    if rows >= _LARGE_CSV_ROWS:
        size = Number(Decimal(round(estimate / 1e6)), 0)
        console.print(t(Text("cli.sweep_writing", count=Number(Decimal(rows), 0), size=size, path=where)))
    with (
        writing(path),
        # a BOM in Danish: Excel on Danish Windows reads a CSV without one as Windows-1252 ("kr./Ã¥r")
        path.open("w", encoding="utf-8-sig" if t.lang == "da" else "utf-8", newline="") as fh,
        Progress(transient=True, disable=rows < _LARGE_CSV_ROWS, console=console) as bar,
    ):
        task = bar.add_task("writing", total=rows)
        for start in range(0, max(rows, 1), _CSV_ROWS_PER_BLOCK):
            block = _csv_block(frame.iloc[start : start + _CSV_ROWS_PER_BLOCK], inputs, decimal)
            fh.write(block.to_csv(index=False, header=start == 0, **style))
            bar.advance(task, len(block))
    wrote = (
        Text("cli.sweep_wrote_one", path=where)
        if rows == 1
        else Text("cli.sweep_wrote", count=Number(Decimal(rows), 0), path=where)
    )
    console.print(t(wrote))


@app.command("sweep")
def sweep_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (.yaml/.json).")],
    vary: Annotated[
        list[str],
        typer.Option(
            "--vary",
            help="PATH=LOW..HIGH:COUNT in the input's own unit (or ends with a unit, '9000 DKK/month'): COUNT "
            "evenly spaced values from LOW to HIGH, both included (at least 2; without :COUNT, 2: LOW and HIGH); "
            "repeatable.",
        ),
    ],
    paired: Annotated[bool, typer.Option("--paired", help="Pair the values instead of every combination.")] = False,
    csv: Annotated[Path | None, typer.Option("--csv", help="Write every variant to this CSV file.")] = None,
    lang: Annotated[Language, typer.Option("--lang", help=_LANG_HELP)] = Language.en,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Evaluate many variants: every combination of the varied inputs (or paired), with a summary."""
    import numpy as np
    from rich.progress import Progress

    from socialpartner.sweeps import _check_variants, summarize, sweep

    with _reported(debug, file):
        if csv is not None:  # before the sweep runs, not after
            check_output(csv, (".csv",), "--csv")
        for spec in vary:  # the options first: a bad one fails before the file is read
            _parse_range(spec, file, "sweep")
        partnership = load(file)
        specs = _vary_specs(partnership, vary, file)
        counts = [n for *_, n, _ in specs]
        if paired and len(set(counts)) > 1:
            raise _option_error("--vary", f"--paired needs the same COUNT for every input, got {counts}")
        total = counts[0] if paired else math.prod(counts)
        try:
            _check_variants(total)
        except SocialPartnerError as exc:
            raise _option_error("--vary", str(exc)) from None
        values: dict[str, object] = {}
        for path, lo, hi, n, base in specs:
            grid = np.linspace(lo, hi, n)
            if isinstance(base, int):
                _whole_grid(path, lo, hi, n, grid)
            values[path] = grid if isinstance(base, int) else Q_(grid, base.units)
        t = _translator(lang)
        with Progress(transient=True, disable=total < 200_000) as bar, _scenario_notes(t):
            task = bar.add_task("evaluating", total=total)
            frame = sweep(
                partnership, values, mode="paired" if paired else "grid", progress=lambda k: bar.advance(task, k)
            )
        console = Console()
        if csv is not None:  # first: the file asked for is written whatever becomes of the terminal (| head)
            _write_csv(frame, csv, console, t, [path for path, *_ in specs])
        console.print(f"[bold]{escape(partnership.name)}[/bold]: " + escape(_sweep_head(len(frame), paired, t)))
        table = Table(title=t("cli.sweep_title"), title_justify="left")
        # a grid of evenly spaced values is no distribution: its lowest and highest result, not the
        # 5 % and 95 % quantiles a board reads as likelihoods (review 62 L4)
        for col in ("result", "mean", "min", "median", "max"):
            table.add_column(t(f"cli.{col}"), justify="left" if col == "result" else "right")
        from socialpartner.views.tables import folded

        summary = summarize(frame)
        # over several years the money is summed and the jobs are the last year's: each says so (review 63 nos. 21-22)
        years = [part.ledger.period for part in evaluate(partnership).breakdown]
        rows = []
        for name, row in summary.iterrows():
            base, _, unit = str(name).partition(" [")
            key = "surplus_signed" if base == "surplus" else base  # signed, beside the shortfall (review 61 L4)
            label = t(f"cli.{key}") if f"cli.{key}" in TEXT else base
            if len(years) > 1 and f"cli.{base}_in" in TEXT:
                label = t(Text(f"cli.{base}_in", year=Period(years[-1])))
            label += f" [{t.unit(unit.rstrip(']'))}]" if unit else ""
            # a coverage as the percentage evaluate and solve print: a bare 1,0220 next to
            # "dækningsprocent" reads as 1 %
            scale = 100 if base.endswith("coverage") else 1
            label += " [%]" if scale == 100 else ""
            column = frame[name]
            figures = (row["mean"], column.min(), row["p50"], column.max())
            amounts = [Decimal(repr(float(v))) * scale for v in figures]
            # a headcount whole in every column reads as one ("7", not "7,00": review 51 F9)
            whole = base.rpartition(".")[2] in ("jobs", "inclusive_jobs") and all(v == v.to_integral() for v in amounts)
            shown = [t.number(v, 0 if whole else 2) for v in amounts]
            rows.append([escape(label), *shown])
        for cells in rows:
            table.add_row(*cells)
        console.print(folded(table))  # on a narrow terminal the labels give way, never a figure's digits
        if "p_covered" in summary.attrs:
            share = Decimal(repr(float(summary.attrs["p_covered"]))) * 100
            if len(years) > 1:  # the total over the years covered: a year may still fall short
                span = Period(f"{years[0]}–{years[-1]}")
                console.print(t(Text("cli.sweep_covered_total", share=Number(share, 1), years=span)))
            else:
                console.print(t(Text("cli.sweep_covered", share=Number(share, 1))))


def _topic_line(topic: str, t: Translator) -> str:
    """A topic as --explain takes it, with its label in the output's language beside it where that differs.

    In Danish a list of keys and English phrases (``coverage``, ``overhead on temp hours``) told a reader
    nothing of ``dækningsprocent`` (review 63 no. 9); the key stays first, for --explain to take.
    """
    if t.lang == "en":
        return topic
    year, _, key = topic.rpartition(":")
    label = next(iter(danish_labels(key)), None) or t(key)  # the words the output names it by, as explain reads them
    return topic if label == key else f"{topic} — {f'{year}: ' if year else ''}{label}"


def _sweep_head(count: int, paired: bool, t: Translator) -> str:
    """The sweep's first line: how many variants, and how they were combined (``1 variant``, ``3 variants``)."""
    mode = Text("cli.paired" if paired else "cli.grid")
    if count == 1:
        return t(Text("cli.sweep_head_one", mode=mode))
    return t(Text("cli.sweep_head", count=Number(Decimal(count), 0), mode=mode))


@app.command("export")
def export_command(
    file: Annotated[Path | None, typer.Argument(help="Scenario file; the bundled example if omitted.")] = None,
    xlsx: Annotated[Path, typer.Option("--xlsx", help="Write an Excel workbook here.")] = Path("socialpartner.xlsx"),
    lang: Annotated[Language, typer.Option("--lang", help=_LANG_HELP)] = Language.en,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Export inputs, ledger, parties, cost split, break-even, figures and parameters to Excel."""
    from socialpartner.export import to_xlsx

    path = file if file is not None else example_path()
    with _reported(debug, path):
        check_output(xlsx, (".xlsx",), "--xlsx")
        ev = evaluate(load(path))
        written = to_xlsx(ev, xlsx, lang=lang.value)
        typer.echo(_printable(_translator(lang)(Text("cli.wrote", path=Raw(str(written))))))


@app.command("report")
def report_command(
    file: Annotated[Path | None, typer.Argument(help="Scenario file; the bundled example if omitted.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("socialpartner-report.html"),
    lang: Annotated[Language, typer.Option("--lang", help=_LANG_HELP)] = Language.en,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Write a one-page report of the deal: one self-contained HTML file that prints to A4."""
    from socialpartner.report import write_report

    path = file if file is not None else example_path()
    with _reported(debug, path):
        check_output(out, (".html", ".htm"), "--out")
        ev = evaluate(load(path))
        written = write_report(ev, out, lang=lang.value)
        typer.echo(_printable(_translator(lang)(Text("cli.wrote", path=Raw(str(written))))))


class ChartKind(enum.StrEnum):
    """Which chart ``socialpartner chart`` draws."""

    flows = "flows"
    coverage = "coverage"
    tornado = "tornado"


_CHART_SUFFIXES = (".png", ".svg", ".pdf")


@app.command("chart")
def chart_command(
    file: Annotated[Path | None, typer.Argument(help="Scenario file; the bundled example if omitted.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Image file to write (.png, .svg, .pdf).")] = Path(
        "socialpartner.png"
    ),
    kind: Annotated[ChartKind, typer.Option("--kind", help="flows, coverage or tornado.")] = ChartKind.flows,
    vary: Annotated[
        list[str] | None,
        typer.Option("--vary", help="For tornado: PATH=LOW..HIGH in the input's own unit; repeatable."),
    ] = None,
    lang: Annotated[Language, typer.Option("--lang", help=_LANG_HELP)] = Language.en,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Draw who pays whom, the support-staff coverage, or a tornado chart of what moves coverage."""
    from socialpartner import charts

    try:
        charts.need_matplotlib()  # the module itself imports matplotlib only when drawing
    except ImportError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    path = file if file is not None else example_path()
    with _reported(debug, path):
        check_output(out, _CHART_SUFFIXES, "--out")
        if vary and kind is not ChartKind.tornado:  # an option that would change nothing is refused, not ignored
            raise _option_error(
                "--vary", f"only a tornado chart varies inputs (--kind tornado); a {kind.value} chart does not"
            )
        for spec in vary or ():
            _parse_range(spec, path, "tornado")
        partnership = load(path)
        if kind is ChartKind.tornado:
            from socialpartner.sweeps import tornado

            if not vary:
                raise _option_error("--vary", "a tornado chart needs --vary PATH=LOW..HIGH (one or more)")
            ranges: dict[str, tuple[object, object]] = {}
            for name, lo, hi, _, base in _vary_specs(partnership, vary, path, "tornado"):
                if isinstance(base, int):
                    _whole_grid(name, lo, hi, 2, (lo, hi))
                    ranges[name] = (int(lo), int(hi))
                else:
                    unit = base.units
                    ranges[name] = (f"{format_magnitude(lo)} {unit}", f"{format_magnitude(hi)} {unit}")
            before = evaluate(partnership)
            coverage = before.cost_split.coverage
            with _scenario_notes(_translator(lang)):
                table = tornado(partnership, ranges)
            figure = charts.tornado_chart(
                table,
                baseline=None if coverage is None else float(coverage),
                labels=_price_words(before),
                lang=lang.value,
            )
            t = _translator(lang)
            for name, notes in table.attrs["notes"].items():  # e.g. not monotone in the range
                for note in notes:
                    typer.echo(_wrapped(f"{t('ui.note').lower()}: {name}: {t(note)}"))
        elif kind is ChartKind.coverage:
            figure = charts.coverage_chart(evaluate(partnership), lang=lang.value)
        else:
            figure = charts.money_flow_chart(evaluate(partnership), lang=lang.value)
        with writing(out):
            figure.savefig(out)
        typer.echo(_printable(_translator(lang)(Text("cli.wrote", path=Raw(str(out))))))


class Basis(enum.StrEnum):
    """How ``agree`` judges a party over several years."""

    present_value = "present_value"
    per_year = "per_year"


@app.command("agree")
def agree_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (.yaml/.json).")],
    vary: Annotated[
        list[str],
        typer.Option("--vary", help="An input to negotiate, PATH or PATH=LOW..HIGH (its own unit); once or twice."),
    ],
    soev_margin: Annotated[
        str | None, typer.Option("--soev-margin", help="The SØV's margin over its support-staff cost, e.g. '5 %'.")
    ] = None,
    municipal_limit: Annotated[
        str | None,
        typer.Option("--municipal-limit", help="Net cost a year the municipality accepts, e.g. '400000 DKK/year'."),
    ] = None,
    basis: Annotated[
        Basis | None, typer.Option("--basis", help="Over several years: present_value or per_year.")
    ] = None,
    chart: Annotated[Path | None, typer.Option("--chart", help="Also draw the zone to this image file.")] = None,
    lang: Annotated[
        Language, typer.Option("--lang", help="Language of the output and the chart: en or da.")
    ] = Language.en,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Where the deal works for every party: the zone of agreement over one or two inputs."""
    from socialpartner.agreement_zone import agreement

    with _reported(debug, file):
        if chart is not None:  # before the work, not after
            check_output(chart, _CHART_SUFFIXES, "--chart")
        if not 1 <= len(vary) <= 2:
            raise _option_error("--vary", "give it once or twice (one or two inputs to negotiate)")
        for spec in vary:  # the options first: a bad one fails before the file is read
            _parse_range(spec, file, "agree")
        # the conditions read as the file writes numbers (--soev-margin '5,5 %' beside a da file)
        margin = None if soev_margin is None else _condition(file, "--soev-margin", "soev_margin", soev_margin)
        limit = (
            None
            if municipal_limit is None
            else _condition(file, "--municipal-limit", "municipal_limit", municipal_limit)
        )
        partnership = load(file)
        ranges = [_parse_range(spec, file, "agree", partnership) for spec in vary]
        if len({path for path, *_ in ranges}) != len(ranges):
            raise _option_error("--vary", "the same input is given twice; give each input once")
        try:
            zone = agreement(
                partnership,
                [path for path, *_ in ranges],
                bounds={path: (lo, hi) for path, lo, hi, _ in ranges if lo is not None or hi is not None},
                soev_margin=margin,
                municipal_limit=limit,
                basis=None if basis is None else basis.value,
            )
        except AgreementError as exc:  # a range the Python API calls bounds[PATH] is --vary PATH here
            message = str(exc)
            for path, *_ in ranges:
                if message.startswith(f"bounds[{path}]: "):
                    raise _OptionError(f"--vary {path}: {message.removeprefix(f'bounds[{path}]: ')}") from None
            raise
        if chart is not None:
            try:
                from socialpartner import charts
            except ImportError:
                typer.echo("error: charts need matplotlib: pip install 'socialpartner[charts]'", err=True)
                raise typer.Exit(2) from None
            with writing(chart):
                charts.agreement_chart(zone, lang=lang.value).savefig(chart)
        if output is OutputFormat.json:
            sys.stdout.write(json.dumps(zone.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            typer.echo(_wrapped(_printable(zone.text(lang.value))))
            if chart is not None:
                typer.echo(_printable(_translator(lang)(Text("cli.wrote", path=Raw(str(chart))))))


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the scenario format (for editors and other tools)."""
    from socialpartner.scenario import scenario_schema

    sys.stdout.write(json.dumps(scenario_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command("compare")
def compare_command(
    first: Annotated[Path, typer.Argument(help="Scenario A.")],
    second: Annotated[Path, typer.Argument(help="Scenario B.")],
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    lang: Annotated[Language, typer.Option("--lang", help=_LANG_HELP)] = Language.en,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Show two scenarios side by side: the inputs that differ and the results.

    Differences of percentages (coverage, shares) are in percentage points.
    """
    t = _translator(lang)
    with _reported(debug):
        with _reported(debug, first):  # an error names the file it is in: there are two
            a = load(first)
            ev_a = evaluate(a)
        with _reported(debug, second):
            b = load(second)
            ev_b = evaluate(b)
        _show_comparison(first, second, compare(ev_a, ev_b, lang=t.lang), output, t)


def _show_comparison(first: Path, second: Path, c: ScenarioComparison, output: OutputFormat, t: Translator) -> None:
    if output is OutputFormat.json:
        doc = {"a": str(first), "b": str(second), **c.to_dict()}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    from socialpartner.views.tables import folded

    console = Console()
    inputs = Table(title=t("cli.inputs_differ"), title_justify="left")
    for col in (t("cli.input"), f"A: {first.name}", f"B: {second.name}"):
        inputs.add_column(escape(_printable(col, lines=False)))
    from socialpartner.views import input_shown

    for i in c.inputs:
        # a coded value in words, as the report shows it (review 63 no. 5: present_value, in_house in Danish)
        x, y = (MISSING if v is None else input_shown(i.path, v, t) for v in (i.a, i.b))
        inputs.add_row(escape(i.path), escape(x), escape(y))
    # a long path or amount wraps rather than being cut: two cut paths (public.weeks_on_support…) read the same
    console.print(folded(inputs) if c.inputs else t("cli.inputs_same"))
    years = {part.ledger.period for ev in (c.a, c.b) for part in ev.breakdown}
    table, by_year = (Table(title=t(title), title_justify="left") for title in ("cli.results", "ui.year_by_year"))
    for each in (table, by_year):
        for col in (t("cli.result"), "A", "B", "B − A"):
            each.add_column(col, justify="left" if col == t("cli.result") else "right")

    def show(unit: str, value: Decimal | None, *, difference: bool = False) -> str:
        if value is None:
            return "—"
        if unit == "ratio" and difference:
            return f"{t.number(value)} {t('cli.pp')}"  # a difference of percentages, in points
        return t.quantity(value, unit or "number")

    same = {r.key: (r.a, r.b) for r in c.results}
    for r in c.results:
        if r.a is None and r.b is None:
            continue  # no value on either side (a payback no net needs): nothing to read in a table
        if r.key.startswith("total.public.") and same.get(r.key.removeprefix("total.")) == (r.a, r.b):
            continue  # the public net over the years, shown already as public.PAYER: one row, not two
        d = r.difference
        if r.unit == "ratio" and r.a is not None and r.b is not None:
            # the points between the two percentages as shown (95.25 % and 101.66 %: 6.41), so the table
            # adds up as read; the exact difference (6.415) is in the JSON
            d = places(r.b * 100) - places(r.a * 100)
        style = "" if d is None or d == 0 else "[bold]"
        row = (show(r.unit, r.a), show(r.unit, r.b), style + show(r.unit, d, difference=True))
        # a year's figures (2027.coverage) in a table of their own, after the totals
        (by_year if r.key.partition(".")[0] in years else table).add_row(escape(r.label), *row)
    console.print(folded(table))  # never cut: a cut amount ("-81,70…") reads as another number
    if by_year.row_count:
        console.print(folded(by_year))
    if c.note is not None:
        console.print(f"{t('ui.note').lower()}: {escape(c.note)}")
    for side, found in c.notes.items():
        for caveat in found:
            console.print(f"{t('ui.note').lower()} ({side.upper()}): {escape(caveat)}")


@app.command("test")
def check_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Scenario files, or folders to search for files with an expect: block."),
    ],
    lang: Annotated[Language, typer.Option("--lang", help="Language of the output: en or da.")] = Language.en,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Check scenarios against their expect: blocks: exit 0 when all hold, 1 when any fails, 2 when one cannot be read.

    Prints one line per failing expectation (file, result, expected, actual, difference),
    then a summary: N passed, M failed. A file given by name with no expect: block (or
    an empty one) fails: it has nothing to check.
    """
    from socialpartner.testing import ExpectationError, check_expectation, expectation_files

    t = Translator("da" if lang is Language.da else "en")
    passed = failed = unreadable = 0
    with _reported(debug):
        for path in expectation_files(paths):
            try:
                partnership = load(path)
                ev = evaluate(partnership)
            except (ValidationError, SocialPartnerError) as exc:
                if debug:
                    raise
                unreadable += 1
                message = _describe_validation(exc) if isinstance(exc, ValidationError) else str(exc)
                if isinstance(exc, ScenarioError) and exc.path == Path(path):  # its message names the file already
                    message = exc.reason
                typer.echo(_printable(f"error: {path}: {message}"), err=True)
                continue
            if partnership.expect is None or not partnership.expect.entries:
                # a file named to be tested with nothing to check fails: a deleted block must not pass
                failed += 1
                typer.echo(_printable(f"{path}: {t(Text('test.nothing', file=Raw(str(path))))}"))
                continue
            for name in partnership.expect.entries:
                try:
                    r = check_expectation(ev, name)
                except ExpectationError as exc:  # an entry that names no result: the others still run
                    if debug:
                        raise
                    unreadable += 1
                    typer.echo(_printable(f"error: {path}: {exc}"), err=True)
                    continue
                if r.passed:
                    passed += 1
                else:
                    failed += 1
                    typer.echo(_printable(_wrapped(f"{path}: {r.line(t.lang, grouped=True)}")))
    summary = f"{passed} {t('test.passed')}, {failed} {t('test.failed')}"
    if unreadable:
        summary += f", {unreadable} {t('test.error' if unreadable == 1 else 'test.errors')}"
    typer.echo(summary)
    raise typer.Exit(2 if unreadable else 1 if failed else 0)


@app.command("pin")
def pin_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (.yaml/.yml/.json).")],
    existing: Annotated[
        bool, typer.Option("--existing", help="Only update the entries already in the expect: block.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Write the scenario's current results into its expect: block, keeping the rest of the file."""
    from socialpartner.testing import pin_expectations

    with _reported(debug, file):
        pinned = pin_expectations(file, only_existing=existing)
    typer.echo(
        f"pinned {file}: {len(pinned.added)} added, {len(pinned.changed)} changed, {len(pinned.removed)} removed"
    )
    for name in pinned.changed:
        typer.echo(f"  changed: {name}")
    for name in pinned.removed:
        typer.echo(f"  removed: {name}")


def main() -> None:
    """Entry point of the ``socialpartner`` script."""
    try:
        app()
    except BrokenPipeError:  # the reader went away (``| head``) outside a command: nothing more to say
        _pipe_closed()
    except SystemExit as exc:
        # click stops a command whose reader went away with 1, the code of a bug here; it marks
        # that case by wrapping stdout so that nothing more is flushed to the closed pipe
        if exc.code == 1 and type(sys.stdout).__name__.lstrip("_") == "PacifyFlushWrapper":  # click 8.1-8.x
            _pipe_closed()
        raise


class Console(_RichConsole):
    """rich's console, stopping as the command line does when stdout's reader goes away (rich exits 1)."""

    def on_broken_pipe(self) -> None:
        """Stop quietly with 141, not rich's 1 (the code of an internal error here)."""
        self.quiet = True
        _pipe_closed()


def _pipe_closed() -> NoReturn:
    """Stop quietly with 141 (128 + SIGPIPE, as a shell's own commands do) once stdout's reader has gone."""
    import os

    # what is still buffered would fail again at exit: it goes nowhere instead
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise SystemExit(141) from None
