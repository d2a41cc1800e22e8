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
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import pint
import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from socialpartner._internal.i18n import Translator
from socialpartner._internal.output import check_output, writing
from socialpartner._internal.units import MAX_MAGNITUDE, Q_
from socialpartner.errors import OutputError, ScenarioError, SocialPartnerError
from socialpartner.evaluation import Evaluation, Figure, evaluate
from socialpartner.models._base import Partnership
from socialpartner.scenario import example_path, load

if TYPE_CHECKING:
    import pandas as pd

    from socialpartner.solver import Solution

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Model Danish social-economy partnerships.")


class Language(enum.StrEnum):
    """Output language of the tables."""

    en = "en"
    da = "da"


class OutputFormat(enum.StrEnum):
    """How ``evaluate`` prints its result."""

    table = "table"
    json = "json"


_T = Translator("en")  # set by --lang for the tables of one command


def _money(value: Decimal) -> str:
    return _T.money(value)


def _percent(ratio: Decimal | None) -> str:
    return _T.percent(ratio)


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


class _OptionError(SocialPartnerError):
    """A command-line option is wrong: reported naming the option, without the scenario's path."""


def _option_error(option: str, message: str) -> SocialPartnerError:
    return _OptionError(f"{option}: {message}")


def _describe_validation(error: ValidationError) -> str:
    lines = [f"{error.error_count()} problem(s) in the scenario:"]
    for e in error.errors()[:10]:
        where = _printable(".".join(str(p) for p in e["loc"]), lines=False) or "(top level)"
        lines.append(f"  {where}: {e['msg']}")
    if error.error_count() > 10:
        lines.append(f"  … and {error.error_count() - 10} more")
    return "\n".join(lines)


def _figure_value(f: Figure) -> str:
    if f.value is None:
        return "—"
    if f.unit == "DKK":
        return _money(f.value)
    if f.unit == "ratio":
        return _percent(f.value)
    if f.unit == "year":
        return str(f.value)
    return f"{f.value:,} {f.unit}"


def _print_period(ev: Evaluation, console: Console, *, detail: bool = True) -> None:
    names = {k: escape(_T(v)) for k, v in ev.parties.items()}
    flows = Table(title=_T("Who pays whom") + f" ({escape(ev.ledger.period)})", title_justify="left")
    flows.add_column(_T("Payer"))
    flows.add_column(_T("Payee"))
    flows.add_column(_T("Purpose"))
    flows.add_column(_T("Amount (DKK)"), justify="right")
    for t in ev.ledger:
        flows.add_row(names.get(t.payer, t.payer), names.get(t.payee, t.payee), escape(_T(t.purpose)), _money(t.amount))
    console.print(flows)

    balances = Table(title=_T("Balance per party"), title_justify="left")
    for col in ("Party", "Receives", "Pays", "Net"):
        balances.add_column(_T(col), justify="left" if col == "Party" else "right")
    for p in ev.ledger.parties:
        tot = ev.ledger.totals(p)
        balances.add_row(names.get(p, p), _money(tot.inflow), _money(tot.outflow), _money(tot.net))
    balances.add_row(f"[dim]{_T('sum of nets')}[/dim]", "", "", _money(sum(ev.ledger.nets().values(), Decimal("0.00"))))
    console.print(balances)

    split = ev.cost_split
    cover = Table(title=_T("Support-staff cost and what covers it"), title_justify="left")
    cover.add_column("")
    cover.add_column(_T("DKK"), justify="right")
    cover.add_column(_T("Share of cost"), justify="right")
    cover.add_row(_T("Support-staff cost"), _money(split.cost), _percent(Decimal(1)) if split.cost else "—")
    for source, amount in split.funding.items():
        verb = "covered by" if amount >= 0 else "less"  # a negative source is a cost netted against funding
        cover.add_row(f"  {_T(verb)} {escape(_T(source))}", _money(amount), _percent(split.shares.get(source)))
    cover.add_row(
        f"  {_T('uncovered')}", _money(split.shortfall), _percent(split.uncovered_share if split.cost else None)
    )
    cover.add_row(f"[bold]{_T('Coverage')}[/bold]", "", f"[bold]{_percent(split.coverage)}[/bold]")
    verdict = "surplus" if split.surplus >= 0 else "shortfall"
    cover.add_row(f"[bold]{_T(verdict.capitalize())}[/bold]", f"[bold]{_money(abs(split.surplus))}[/bold]", "")
    console.print(cover)

    if ev.break_even:
        be = Table(title=_T("Break-even (each price alone, the rest as given)"), title_justify="left")
        be.add_column(_T("Price"))
        be.add_column(_T("Break-even"), justify="right")
        be.add_column(_T("Note"))
        for b in ev.break_even:
            if b.value is None:
                be.add_row(escape(_T(b.label)), "—", _T("no volume: this price cannot cover the cost"))
                continue
            value = f"{_T.number(b.value)} {_T(b.unit)}" + (f" ({b.percent} %)" if b.percent is not None else "")
            be.add_row(escape(_T(b.label)), value, _T("covered even at zero") if b.already_covered else "")
        console.print(be)

    _print_public(ev, console)
    if detail and ev.placements:
        jobs = Table(title=_T("People placed"), title_justify="left")
        for col in ("Form", "Headcount", "Hours/week", "FTE", "Employer", "Workplace"):
            jobs.add_column(_T(col), justify="right" if col in {"Headcount", "Hours/week", "FTE"} else "left")
        for j in ev.placements:
            jobs.add_row(
                _T(j.form) + ("" if j.is_job else f" [dim]{_T('(not a job)')}[/dim]"),
                str(j.headcount),
                "—" if j.hours_per_week is None else _T.number(j.hours_per_week),
                "—" if j.fte is None else _T.number(j.fte),
                "—" if j.employer is None else names.get(j.employer, j.employer),
                names.get(j.workplace, j.workplace),
            )
        console.print(jobs)
    _print_extras(ev, console)


def _print_public(ev: Evaluation, console: Console) -> None:
    view = ev.public
    if view is None:
        return
    table = Table(
        title=f"Public purse ({view.year} parameters; refusion {view.refusion_rate * 100:.2f} %)", title_justify="left"
    )
    for col in ("Payer", "Item", "With the partnership", "Otherwise"):
        table.add_column(_T(col), justify="left" if col in {"Payer", "Item"} else "right")
    for line in view.lines:
        table.add_row(line.payer, escape(line.item), _money(line.actual), _money(line.counterfactual))
    for payer in ("municipality", "state"):
        table.add_row(
            f"[bold]{payer}[/bold]",
            "[bold]net effect (otherwise − with)[/bold]",
            "",
            f"[bold]{_money(view.net_effect(payer))}[/bold]",
        )
    console.print(table)
    for statement in view.counterfactual:
        console.print(f"  counterfactual: {escape(statement)}")


def _print_parameters(ev: Evaluation, console: Console) -> None:
    if not ev.parameters:
        return
    table = Table(title=_T("Parameters used"), title_justify="left")
    for col in ("Parameter", "Value", "Year", "Tag", "Source"):
        table.add_column(_T(col))
    for v in ev.parameters:
        year = str(v.year) + (f" (for {v.for_year})" if v.for_year is not None else "")
        table.add_row(escape(v.name), escape(str(v.value)), year, v.tag, escape(v.source))
    console.print(table)


def _print_extras(ev: Evaluation, console: Console) -> None:
    if ev.figures:
        figures = Table(title=_T("Key figures"), title_justify="left")
        figures.add_column(_T("Figure"))
        figures.add_column(_T("Value"), justify="right")
        figures.add_column(_T("Note"))
        for f in ev.figures:
            figures.add_row(escape(_T(f.label)), _figure_value(f), escape(f.note))
        console.print(figures)
    if ev.checks:
        checks = Table(title=_T("Checks"), title_justify="left")
        checks.add_column(_T("Criterion"))
        checks.add_column(_T("Status"))
        checks.add_column(_T("Why"))
        colour = {"met": "green", "not met": "red", "unknown": "yellow"}
        for c in ev.checks:
            checks.add_row(escape(c.criterion), f"[{colour[c.status]}]{_T(c.status)}[/]", escape(c.reason))
        console.print(checks)
    for statement in ev.statements:
        console.print(escape(statement))


def print_table(ev: Evaluation, console: Console) -> None:
    """A finance officer's view: who pays whom, balances, coverage, break-even, jobs, figures."""
    console.print(f"[bold]{escape(ev.partnership.name)}[/bold]  ({_T('period')}: {escape(ev.ledger.period)})")
    if not ev.breakdown:
        _print_period(ev, console)
        _print_parameters(ev, console)
        return
    summary = Table(title=_T("Year by year"), title_justify="left")
    for col in ("Year", "Support cost", "Funding", "Surplus", "Coverage", "Jobs", "FTE"):
        summary.add_column(_T(col), justify="left" if col == "Year" else "right")
    for part in ev.breakdown:
        jobs = part.jobs
        fte = sum((j.fte for j in jobs if j.fte is not None), Decimal("0.00"))
        summary.add_row(
            escape(part.ledger.period),
            _money(part.cost_split.cost),
            _money(part.cost_split.total_funding),
            _money(part.cost_split.surplus),
            _percent(part.cost_split.coverage),
            str(sum(j.headcount for j in jobs)),
            str(fte),
        )
    console.print(summary)
    for part in ev.breakdown:
        console.rule(escape(part.ledger.period))
        _print_period(part, console, detail=False)
    console.rule(_T("All years"))
    _print_extras(ev, console)
    _print_parameters(ev, console)


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
        typer.Option("--explain", "-e", help="Explain how a figure was computed (e.g. coverage); repeatable."),
    ] = None,
    lang: Annotated[Language, typer.Option("--lang", help="Language of the table: en or da.")] = Language.en,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Evaluate a partnership: ledger, support-staff coverage, break-even prices, jobs."""
    global _T
    _T = Translator("da" if lang is Language.da else "en")
    path = file if file is not None else example_path()
    with _reported(debug, path):
        ev = evaluate(load(path))
        if explain:
            try:
                explanations = [ev.explain(topic) for topic in explain]
            except KeyError as exc:
                raise _option_error("--explain", str(exc.args[0])) from None
            if output is OutputFormat.json:
                sys.stdout.write(json.dumps([e.to_dict() for e in explanations], ensure_ascii=False, indent=2) + "\n")
            else:
                sys.stdout.write(_printable("\n\n".join(str(e) for e in explanations)) + "\n")
            return
        if output is OutputFormat.json:
            sys.stdout.write(json.dumps(ev.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            print_table(ev, Console())


@app.command("solve")
def solve_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (.yaml/.json).")],
    vary: Annotated[str, typer.Option("--vary", help="The input to solve for, e.g. courses.price.")],
    target: Annotated[str, typer.Option("--target", help="RESULT=VALUE, e.g. coverage=1 or company_net_gain=0.")],
    low: Annotated[str | None, typer.Option("--min", help="Lowest value to consider (the input's unit).")] = None,
    high: Annotated[str | None, typer.Option("--max", help="Highest value to consider (the input's unit).")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Find the value of an input at which a result reaches a target (e.g. the break-even price)."""
    from socialpartner.solver import result_value, solve

    result, sep, value = target.partition("=")
    with _reported(debug, file):
        if not sep or not result.strip() or not value.strip():
            raise _option_error("--target", f"expected RESULT=VALUE, e.g. coverage=1; got {target!r}")
        # the options are checked before the file is read: a bad one fails at once, naming itself
        goal = _number_option(value, "--target")
        lowest = None if low is None else _number_option(low, "--min")
        highest = None if high is None else _number_option(high, "--max")
        if lowest is not None and highest is not None and lowest > highest:
            raise _option_error("--min", f"{lowest} is above --max {highest}")
        partnership = load(file)
        before = result_value(evaluate(partnership), result.strip())
        solution = solve(partnership, vary, result.strip(), goal, low=lowest, high=highest)
        _print_solution(solution, before, output)


def _number_option(text: str, option: str) -> Decimal:
    """A number option checked like the solver's own bounds, its error naming the option."""
    from socialpartner.solver import SolveError, _option_number

    try:
        return _option_number(text, option)
    except SolveError as exc:
        raise _OptionError(str(exc)) from None


def _print_solution(solution: Solution, before: Decimal, output: OutputFormat) -> None:
    if output is OutputFormat.json:
        doc = {
            "input": solution.path,
            "value": solution.value,
            "result": solution.result,
            "target": str(solution.target),
            "achieved": str(solution.achieved),
            "before": str(before),
            "method": solution.method,
            "evaluations": solution.evaluations,
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    typer.echo(f"{solution.path} = {solution.value}")
    typer.echo(f"  gives {solution.result} = {solution.achieved} (target {solution.target}; now {before})")
    typer.echo(f"  found by {solution.method} in {solution.evaluations} evaluations")


def _parse_vary(spec: str) -> tuple[str, float, float, int]:
    """``courses.price=9000..14000:51`` → path, low, high, count (both ends finite, below 10¹⁵)."""
    from socialpartner.sweeps import MAX_VARIANTS

    path, sep, rest = spec.partition("=")
    low, dots, tail = rest.partition("..")
    high, colon, count = tail.partition(":")
    try:
        if not (sep and dots and path.strip()):
            raise ValueError
        n = int(count) if colon else 2
        lo, hi = float(low), float(high)
    except ValueError:
        raise _option_error(
            "--vary", f"expected PATH=LOW..HIGH:COUNT, e.g. courses.price=9000..14000:51; got {spec!r}"
        ) from None
    path = path.strip()
    for end in (lo, hi):
        if not math.isfinite(end) or abs(end) >= float(MAX_MAGNITUDE):
            raise _option_error("--vary", f"{path}: LOW and HIGH must be finite numbers below 1e15; got {spec!r}")
    if n < 1 or n > MAX_VARIANTS:
        raise _option_error("--vary", f"{path}: COUNT must be between 1 and {MAX_VARIANTS:,}; got {n:,}")
    return path, lo, hi, n


def _vary_specs(partnership: Partnership, specs: list[str]) -> list[tuple[str, float, float, int, Any]]:
    """Each ``--vary`` read and matched to the numeric input it names; a path given twice is refused."""
    from socialpartner.sweeps import _current

    out: list[tuple[str, float, float, int, Any]] = []
    for spec in specs:
        path, lo, hi, n = _parse_vary(spec)
        if any(path == seen for seen, *_ in out):
            raise _option_error("--vary", f"{path} is given more than once; give each input once")
        base = _current(partnership, path)
        if isinstance(base, bool) or not isinstance(base, (int, pint.Quantity)):
            raise _option_error("--vary", f"{path} is not a numeric input of this scenario")
        out.append((path, lo, hi, n, base))
    return out


_CSV_ROWS_PER_BLOCK = 50_000
_LARGE_CSV_ROWS = 200_000  # from here on a CSV write says its size first and shows progress


def _write_csv(frame: pd.DataFrame, path: Path, console: Console) -> None:
    """Write the variants in blocks, saying the expected size first and showing progress for large files."""
    from rich.progress import Progress

    rows = len(frame)
    sample = frame.head(1000).to_csv(index=False)
    estimate = len(sample.encode()) / max(min(rows, 1000), 1) * rows
    if rows >= _LARGE_CSV_ROWS:
        console.print(
            f"Writing {rows:,} rows (about {estimate / 1e6:,.0f} MB) to {escape(_printable(str(path), lines=False))} …"
        )
    with (
        writing(path),
        path.open("w", encoding="utf-8", newline="") as fh,
        Progress(transient=True, disable=rows < _LARGE_CSV_ROWS, console=console) as bar,
    ):
        task = bar.add_task("writing", total=rows)
        for start in range(0, max(rows, 1), _CSV_ROWS_PER_BLOCK):
            block = frame.iloc[start : start + _CSV_ROWS_PER_BLOCK]
            fh.write(block.to_csv(index=False, header=start == 0))
            bar.advance(task, len(block))
    console.print(f"Wrote {rows:,} rows to {escape(_printable(str(path), lines=False))}")


@app.command("sweep")
def sweep_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (.yaml/.json).")],
    vary: Annotated[
        list[str], typer.Option("--vary", help="PATH=LOW..HIGH:COUNT in the input's own unit; repeatable.")
    ],
    paired: Annotated[bool, typer.Option("--paired", help="Pair the values instead of every combination.")] = False,
    csv: Annotated[Path | None, typer.Option("--csv", help="Write every variant to this CSV file.")] = None,
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
            _parse_vary(spec)
        partnership = load(file)
        specs = _vary_specs(partnership, vary)
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
            values[path] = grid if isinstance(base, int) else Q_(grid, base.units)
        with Progress(transient=True, disable=total < 200_000) as bar:
            task = bar.add_task("evaluating", total=total)
            frame = sweep(
                partnership, values, mode="paired" if paired else "grid", progress=lambda k: bar.advance(task, k)
            )
        console = Console()
        console.print(
            f"[bold]{escape(partnership.name)}[/bold]: {len(frame):,} variants "
            f"({'paired' if paired else 'every combination'}; values in each input's own unit)"
        )
        table = Table(title="Results over the variants", title_justify="left")
        for col in ("Result", "Mean", "5 %", "Median", "95 %"):
            table.add_column(col, justify="left" if col == "Result" else "right")
        summary = summarize(frame)
        for name, row in summary.iterrows():
            table.add_row(
                str(name),
                *(f"{row[c]:,.4f}" if name == "coverage" else f"{row[c]:,.2f}" for c in ("mean", "p5", "p50", "p95")),
            )
        console.print(table)
        if "p_covered" in summary.attrs:
            console.print(f"Support staff covered in {summary.attrs['p_covered'] * 100:.1f} % of the variants")
        if csv is not None:
            _write_csv(frame, csv, console)


@app.command("export")
def export_command(
    file: Annotated[Path | None, typer.Argument(help="Scenario file; the bundled example if omitted.")] = None,
    xlsx: Annotated[Path, typer.Option("--xlsx", help="Write an Excel workbook here.")] = Path("socialpartner.xlsx"),
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Export inputs, ledger, parties, cost split, break-even, figures and parameters to Excel."""
    from socialpartner.export import to_xlsx

    path = file if file is not None else example_path()
    with _reported(debug, path):
        check_output(xlsx, (".xlsx",), "--xlsx")
        ev = evaluate(load(path))
        written = to_xlsx(ev, xlsx)
        typer.echo(_printable(f"wrote {written}"))


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
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Draw who pays whom, the support-staff coverage, or a tornado chart of what moves coverage."""
    try:
        from socialpartner import charts
    except ImportError:
        typer.echo("error: charts need matplotlib: pip install 'socialpartner[charts]'", err=True)
        raise typer.Exit(2) from None
    path = file if file is not None else example_path()
    with _reported(debug, path):
        check_output(out, _CHART_SUFFIXES, "--out")
        for spec in vary or ():
            _parse_vary(spec)
        partnership = load(path)
        if kind is ChartKind.tornado:
            from socialpartner.sweeps import tornado

            if not vary:
                raise _option_error("--vary", "a tornado chart needs --vary PATH=LOW..HIGH (one or more)")
            ranges: dict[str, tuple[object, object]] = {}
            for name, lo, hi, _, base in _vary_specs(partnership, vary):
                if isinstance(base, int):
                    if not (lo.is_integer() and hi.is_integer()):
                        raise _option_error(
                            "--vary", f"{name} is a number of people: LOW and HIGH must be whole, got {lo:g}..{hi:g}"
                        )
                    ranges[name] = (int(lo), int(hi))
                else:
                    ranges[name] = (f"{lo!r} {base.units}", f"{hi!r} {base.units}")
            figure = charts.tornado_chart(tornado(partnership, ranges))
        elif kind is ChartKind.coverage:
            figure = charts.coverage_chart(evaluate(partnership))
        else:
            figure = charts.money_flow_chart(evaluate(partnership))
        with writing(out):
            figure.savefig(out)
        typer.echo(_printable(f"wrote {out}"))


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the scenario format (for editors and other tools)."""
    from socialpartner.scenario import scenario_schema

    sys.stdout.write(json.dumps(scenario_schema(), ensure_ascii=False, indent=2) + "\n")


def _comparable(ev: Evaluation) -> dict[str, Decimal | None]:
    """Headline results with labels a reader knows (party names, price labels, figure labels)."""
    labels = {f"net.{p}": f"net: {name}" for p, name in ev.parties.items()}
    labels |= {f"break_even.{b.input_path}": f"break-even {b.label} ({b.unit})" for b in ev.break_even}
    labels |= {f.key: f.label for f in ev.figures}
    labels |= {"cost": "support-staff cost", "jobs": "jobs (headcount)", "fte": "jobs (FTE)"}
    return {labels.get(key, key): value for key, value in ev.results().items() if value is not None}


@app.command("compare")
def compare_command(
    first: Annotated[Path, typer.Argument(help="Scenario A.")],
    second: Annotated[Path, typer.Argument(help="Scenario B.")],
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Show two scenarios side by side: the inputs that differ and the results."""
    with _reported(debug):
        a, b = load(first), load(second)
        ev_a, ev_b = evaluate(a), evaluate(b)
        _show_comparison(first, second, a, b, ev_a, ev_b, output)


def _show_comparison(
    first: Path, second: Path, a: Partnership, b: Partnership, ev_a: Evaluation, ev_b: Evaluation, output: OutputFormat
) -> None:
    from socialpartner._internal.explain import flatten

    inputs_a = dict(flatten(a.model_dump(mode="json", exclude_none=True)))
    inputs_b = dict(flatten(b.model_dump(mode="json", exclude_none=True)))
    changed = [
        (path, inputs_a.get(path, "—"), inputs_b.get(path, "—"))
        for path in dict.fromkeys([*inputs_a, *inputs_b])
        if inputs_a.get(path) != inputs_b.get(path)
    ]
    res_a, res_b = _comparable(ev_a), _comparable(ev_b)
    results = []
    for key in dict.fromkeys([*res_a, *res_b]):
        va, vb = res_a.get(key), res_b.get(key)
        diff = None if va is None or vb is None else vb - va
        results.append((key, va, vb, diff))
    if output is OutputFormat.json:
        doc = {
            "a": str(first),
            "b": str(second),
            "inputs": [{"input": p, "a": x, "b": y} for p, x, y in changed],
            "results": [
                {
                    "result": k,
                    "a": None if x is None else str(x),
                    "b": None if y is None else str(y),
                    "difference": None if d is None else str(d),
                }
                for k, x, y, d in results
            ],
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console()
    inputs = Table(title="Inputs that differ", title_justify="left")
    for col in ("Input", f"A: {first.name}", f"B: {second.name}"):
        inputs.add_column(escape(_printable(col, lines=False)))
    for path, x, y in changed:
        inputs.add_row(escape(path), escape(x), escape(y))
    console.print(inputs if changed else "The inputs are the same.")
    table = Table(title="Results", title_justify="left")
    for col in ("Result", "A", "B", "B − A"):
        table.add_column(col, justify="left" if col == "Result" else "right")

    def show(key: str, value: Decimal | None) -> str:
        if value is None:
            return "—"
        return _percent(value) if key == "coverage" else f"{value:,.2f}"

    for key, value_a, value_b, d in results:
        style = "" if d is None or d == 0 else "[bold]"
        row = (show(key, value_a), show(key, value_b), style + (show(key, d) if d is not None else "—"))
        table.add_row(escape(key), *row)
    console.print(table)


def main() -> None:
    """Entry point of the ``socialpartner`` script."""
    app()
