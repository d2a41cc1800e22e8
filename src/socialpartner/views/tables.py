"""The terminal tables of ``socialpartner evaluate``: who pays whom, balances, coverage, and more.

Every string a reader sees goes through the :class:`~socialpartner._internal.i18n.Translator`
given, so ``--lang da`` applies to all of it.
"""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from socialpartner._internal.i18n import Translator
from socialpartner.evaluation import Evaluation, Figure

__all__ = ["print_table"]


class _Tables:
    """One evaluation's tables in one language."""

    def __init__(self, translator: Translator) -> None:
        self.t = translator

    def money(self, value: Decimal) -> str:
        return self.t.money(value)

    def percent(self, ratio: Decimal | None) -> str:
        return self.t.percent(ratio)

    def figure_value(self, f: Figure) -> str:
        if f.value is None:
            return "—"
        if f.unit == "DKK":
            return self.money(f.value)
        if f.unit == "ratio":
            return self.percent(f.value)
        if f.unit == "year":
            return str(f.value)
        return f"{f.value:,} {f.unit}"

    def period(self, ev: Evaluation, console: Console, *, detail: bool = True) -> None:
        names = {k: escape(self.t(v)) for k, v in ev.parties.items()}
        flows = Table(title=self.t("Who pays whom") + f" ({escape(ev.ledger.period)})", title_justify="left")
        flows.add_column(self.t("Payer"))
        flows.add_column(self.t("Payee"))
        flows.add_column(self.t("Purpose"))
        flows.add_column(self.t("Amount (DKK)"), justify="right")
        for t in ev.ledger:
            flows.add_row(
                names.get(t.payer, t.payer),
                names.get(t.payee, t.payee),
                escape(self.t(t.purpose)),
                self.money(t.amount),
            )
        console.print(flows)

        balances = Table(title=self.t("Balance per party"), title_justify="left")
        for col in ("Party", "Receives", "Pays", "Net"):
            balances.add_column(self.t(col), justify="left" if col == "Party" else "right")
        for p in ev.ledger.parties:
            tot = ev.ledger.totals(p)
            balances.add_row(names.get(p, p), self.money(tot.inflow), self.money(tot.outflow), self.money(tot.net))
        balances.add_row(
            f"[dim]{self.t('sum of nets')}[/dim]", "", "", self.money(sum(ev.ledger.nets().values(), Decimal("0.00")))
        )
        console.print(balances)

        split = ev.cost_split
        cover = Table(title=self.t("Support-staff cost and what covers it"), title_justify="left")
        cover.add_column("")
        cover.add_column(self.t("DKK"), justify="right")
        cover.add_column(self.t("Share of cost"), justify="right")
        cover.add_row(
            self.t("Support-staff cost"), self.money(split.cost), self.percent(Decimal(1)) if split.cost else "—"
        )
        for source, amount in split.funding.items():
            verb = "covered by" if amount >= 0 else "less"  # a negative source is a cost netted against funding
            cover.add_row(
                f"  {self.t(verb)} {escape(self.t(source))}", self.money(amount), self.percent(split.shares.get(source))
            )
        cover.add_row(
            f"  {self.t('uncovered')}",
            self.money(split.shortfall),
            self.percent(split.uncovered_share if split.cost else None),
        )
        cover.add_row(f"[bold]{self.t('Coverage')}[/bold]", "", f"[bold]{self.percent(split.coverage)}[/bold]")
        verdict = "surplus" if split.surplus >= 0 else "shortfall"
        cover.add_row(
            f"[bold]{self.t(verdict.capitalize())}[/bold]", f"[bold]{self.money(abs(split.surplus))}[/bold]", ""
        )
        console.print(cover)

        if ev.break_even:
            be = Table(title=self.t("Break-even (each price alone, the rest as given)"), title_justify="left")
            be.add_column(self.t("Price"))
            be.add_column(self.t("Break-even"), justify="right")
            be.add_column(self.t("Note"))
            for b in ev.break_even:
                if b.value is None:
                    be.add_row(escape(self.t(b.label)), "—", self.t("no volume: this price cannot cover the cost"))
                    continue
                value = f"{self.t.number(b.value)} {self.t(b.unit)}" + (
                    f" ({b.percent} %)" if b.percent is not None else ""
                )
                be.add_row(escape(self.t(b.label)), value, self.t("covered even at zero") if b.already_covered else "")
            console.print(be)

        self.public(ev, console)
        if detail and ev.placements:
            jobs = Table(title=self.t("People placed"), title_justify="left")
            for col in ("Form", "Headcount", "Hours/week", "FTE", "Employer", "Workplace"):
                jobs.add_column(self.t(col), justify="right" if col in {"Headcount", "Hours/week", "FTE"} else "left")
            for j in ev.placements:
                jobs.add_row(
                    self.t(j.form) + ("" if j.is_job else f" [dim]{self.t('(not a job)')}[/dim]"),
                    str(j.headcount),
                    "—" if j.hours_per_week is None else self.t.number(j.hours_per_week),
                    "—" if j.fte is None else self.t.number(j.fte),
                    "—" if j.employer is None else names.get(j.employer, j.employer),
                    names.get(j.workplace, j.workplace),
                )
            console.print(jobs)
        self.extras(ev, console)

    def public(self, ev: Evaluation, console: Console) -> None:
        view = ev.public
        if view is None:
            return
        table = Table(
            title=f"Public purse ({view.year} parameters; refusion {view.refusion_rate * 100:.2f} %)",
            title_justify="left",
        )
        for col in ("Payer", "Item", "With the partnership", "Otherwise"):
            table.add_column(self.t(col), justify="left" if col in {"Payer", "Item"} else "right")
        for line in view.lines:
            table.add_row(line.payer, escape(line.item), self.money(line.actual), self.money(line.counterfactual))
        for payer in ("municipality", "state"):
            if view.taxed:
                table.add_row(payer, "net effect before tax", "", self.money(view.net_effect_before_tax(payer)))
            table.add_row(
                f"[bold]{payer}[/bold]",
                "[bold]net effect (otherwise − with)[/bold]" if not view.taxed else "[bold]net effect after tax[/bold]",
                "",
                f"[bold]{self.money(view.net_effect(payer))}[/bold]",
            )
        console.print(table)
        for statement in view.counterfactual:
            console.print(f"  counterfactual: {escape(statement)}")
        for statement in view.assumptions:
            console.print(f"  assumption: {escape(statement)}")

    def parameters(self, ev: Evaluation, console: Console) -> None:
        if not ev.parameters:
            return
        table = Table(title=self.t("Parameters used"), title_justify="left")
        for col in ("Parameter", "Value", "Year", "Tag", "Source"):
            table.add_column(self.t(col))
        for v in ev.parameters:
            year = str(v.year) + (f" (for {v.for_year})" if v.for_year is not None else "")
            table.add_row(escape(v.name), escape(str(v.value)), year, v.tag, escape(v.source))
        console.print(table)

    def extras(self, ev: Evaluation, console: Console) -> None:
        if ev.figures:
            figures = Table(title=self.t("Key figures"), title_justify="left")
            figures.add_column(self.t("Figure"))
            figures.add_column(self.t("Value"), justify="right")
            figures.add_column(self.t("Note"))
            for f in ev.figures:
                figures.add_row(escape(self.t(f.label)), self.figure_value(f), escape(f.note))
            console.print(figures)
        if ev.checks:
            checks = Table(title=self.t("Checks"), title_justify="left")
            checks.add_column(self.t("Criterion"))
            checks.add_column(self.t("Status"))
            checks.add_column(self.t("Why"))
            colour = {"met": "green", "not met": "red", "unknown": "yellow"}
            for c in ev.checks:
                checks.add_row(escape(c.criterion), f"[{colour[c.status]}]{self.t(c.status)}[/]", escape(c.reason))
            console.print(checks)
        for statement in ev.statements:
            console.print(escape(statement))

    def print_table(self, ev: Evaluation, console: Console) -> None:
        """A finance officer's view: who pays whom, balances, coverage, break-even, jobs, figures."""
        console.print(f"[bold]{escape(ev.partnership.name)}[/bold]  ({self.t('period')}: {escape(ev.ledger.period)})")
        if not ev.breakdown:
            self.period(ev, console)
            self.parameters(ev, console)
            return
        summary = Table(title=self.t("Year by year"), title_justify="left")
        for col in ("Year", "Support cost", "Funding", "Surplus", "Coverage", "Jobs", "FTE"):
            summary.add_column(self.t(col), justify="left" if col == "Year" else "right")
        for part in ev.breakdown:
            jobs = part.jobs
            summary.add_row(
                escape(part.ledger.period),
                self.money(part.cost_split.cost),
                self.money(part.cost_split.total_funding),
                self.money(part.cost_split.surplus),
                self.percent(part.cost_split.coverage),
                str(sum(j.headcount for j in jobs)),
                self.t.number(part.fte),
            )
        console.print(summary)
        for part in ev.breakdown:
            console.rule(escape(part.ledger.period))
            self.period(part, console, detail=False)
        console.rule(self.t("All years"))
        self.extras(ev, console)
        self.parameters(ev, console)


def print_table(ev: Evaluation, console: Console, translator: Translator | None = None) -> None:
    """A finance officer's view: who pays whom, balances, coverage, break-even, jobs, figures."""
    _Tables(translator or Translator("en")).print_table(ev, console)
