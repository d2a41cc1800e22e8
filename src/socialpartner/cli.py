"""The ``socialpartner`` command line.

``socialpartner evaluate [FILE] [--format table|json]`` evaluates a scenario file (the
bundled three-party example when FILE is omitted). Bad input exits with code 2 and a
short message naming the field; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import enum
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from socialpartner.errors import SocialPartnerError
from socialpartner.evaluation import Evaluation, evaluate
from socialpartner.scenario import example_path, load

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Model Danish social-economy partnerships.")


class OutputFormat(enum.StrEnum):
    """How ``evaluate`` prints its result."""

    table = "table"
    json = "json"


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _percent(ratio: Decimal | None) -> str:
    return "—" if ratio is None else f"{ratio * 100:.2f} %"


def _describe_validation(error: ValidationError) -> str:
    lines = [f"{error.error_count()} problem(s) in the scenario:"]
    for e in error.errors()[:10]:
        where = ".".join(str(p) for p in e["loc"]) or "(top level)"
        lines.append(f"  {where}: {e['msg']}")
    if error.error_count() > 10:
        lines.append(f"  … and {error.error_count() - 10} more")
    return "\n".join(lines)


def print_table(ev: Evaluation, console: Console) -> None:
    """A finance officer's view: parties, who pays whom, coverage, break-even, jobs."""
    names = ev.parties
    console.print(f"[bold]{ev.partnership.name}[/bold]  (period: {ev.ledger.period})")

    flows = Table(title="Who pays whom", title_justify="left")
    flows.add_column("Payer")
    flows.add_column("Payee")
    flows.add_column("Purpose")
    flows.add_column("Amount (DKK)", justify="right")
    for t in ev.ledger:
        flows.add_row(names.get(t.payer, t.payer), names.get(t.payee, t.payee), t.purpose, _money(t.amount))
    console.print(flows)

    balances = Table(title="Balance per party", title_justify="left")
    for col in ("Party", "Receives", "Pays", "Net"):
        balances.add_column(col, justify="left" if col == "Party" else "right")
    for p in ev.ledger.parties:
        tot = ev.ledger.totals(p)
        balances.add_row(names.get(p, p), _money(tot.inflow), _money(tot.outflow), _money(tot.net))
    balances.add_row("[dim]sum of nets[/dim]", "", "", _money(sum(ev.ledger.nets().values(), Decimal("0.00"))))
    console.print(balances)

    split = ev.cost_split
    cover = Table(title="Support-staff cost and what covers it", title_justify="left")
    cover.add_column("")
    cover.add_column("DKK", justify="right")
    cover.add_column("Share of cost", justify="right")
    cover.add_row("Support-staff cost", _money(split.cost), "100.00 %" if split.cost else "—")
    for source, amount in split.funding.items():
        cover.add_row(f"  covered by {source}", _money(amount), _percent(split.shares.get(source)))
    cover.add_row("  uncovered", _money(split.shortfall), _percent(split.uncovered_share if split.cost else None))
    cover.add_row("[bold]Coverage[/bold]", "", f"[bold]{_percent(split.coverage)}[/bold]")
    verdict = "surplus" if split.surplus >= 0 else "shortfall"
    cover.add_row(f"[bold]{verdict.capitalize()}[/bold]", f"[bold]{_money(abs(split.surplus))}[/bold]", "")
    console.print(cover)

    be = Table(title="Break-even (each price alone, the others as given)", title_justify="left")
    be.add_column("Price")
    be.add_column("Break-even", justify="right")
    be.add_column("Note")
    for b in ev.break_even:
        if b.value is None:
            be.add_row(b.label, "—", "no volume: this source cannot cover the cost")
            continue
        value = f"{_money(b.value)} {b.unit}" + (f" ({b.percent} %)" if b.percent is not None else "")
        be.add_row(b.label, value, "already covered by the others" if b.already_covered else "")
    console.print(be)

    jobs = Table(title="People placed", title_justify="left")
    for col in ("Form", "Headcount", "Hours/week", "FTE", "Employer", "Workplace"):
        jobs.add_column(col, justify="right" if col in {"Headcount", "Hours/week", "FTE"} else "left")
    for j in ev.placements:
        jobs.add_row(
            j.form + ("" if j.is_job else " [dim](not a job)[/dim]"),
            str(j.headcount),
            "—" if j.hours_per_week is None else f"{j.hours_per_week}",
            "—" if j.fte is None else f"{j.fte}",
            names.get(j.employer, j.employer),
            names.get(j.workplace, j.workplace),
        )
    console.print(jobs)


@app.callback()
def _root() -> None:
    """Model Danish social-economy partnerships."""


@app.command("evaluate")
def evaluate_command(
    file: Annotated[
        Path | None, typer.Argument(help="Scenario file (.yaml/.json); the bundled three-party example if omitted.")
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Evaluate a partnership: ledger, support-staff coverage, break-even prices, jobs."""
    path = file if file is not None else example_path()
    try:
        ev = evaluate(load(path))
    except (ValidationError, SocialPartnerError) as exc:
        if debug:
            raise
        message = _describe_validation(exc) if isinstance(exc, ValidationError) else str(exc)
        typer.echo(f"error: {path}: {message}", err=True)  # plain text: never wrapped or marked up
        raise typer.Exit(2) from None
    if output is OutputFormat.json:
        sys.stdout.write(json.dumps(ev.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print_table(ev, Console())


def main() -> None:
    """Entry point of the ``socialpartner`` script."""
    app()
