"""The terminal tables of ``socialpartner evaluate``: who pays whom, balances, coverage, and more.

Every string a reader sees goes through the :class:`~socialpartner._internal.i18n.Translator`
given, so ``--lang da`` applies to all of it.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from functools import partial

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markup import escape
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text as RichText

from socialpartner._internal.i18n import Percent, Raw, Text, Translator
from socialpartner.evaluation import Evaluation, Figure
from socialpartner.public import PAYERS, PublicView
from socialpartner.views import (
    break_even_note,
    funding_label,
    parameter_source,
    parameter_year,
    public_columns,
    tax_counted,
    used_parameters,
)

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
        if f.unit == "DKK" and f.value is not None:
            return self.money(f.value)
        return self.t.quantity(f.value, f.unit)

    def period(
        self, ev: Evaluation, console: Console, *, detail: bool = True, prices: str | None = None, flows: bool = True
    ) -> None:
        """One period's tables; ``prices``: the year whose prices its break-evens are in (a horizon's year).

        ``flows=False`` leaves out who pays whom (every transfer): the balances per party stay.
        """
        names = {k: escape(self.t(v)) for k, v in ev.parties.items()}
        if flows:
            self.flows(ev, console, names)
        self.balances(ev, console)
        self.rest_of_period(ev, console, names, detail=detail, prices=prices)

    def flows(self, ev: Evaluation, console: Console, names: dict[str, str]) -> None:
        """Who pays whom: every transfer of the period."""
        flows = Table(
            title=self.t("ui.who_pays_whom") + f" ({escape(self.t.period(ev.ledger.period))})", title_justify="left"
        )
        flows.add_column(self.t("ui.payer"))
        flows.add_column(self.t("ui.payee"))
        flows.add_column(self.t("ui.purpose"))
        flows.add_column(self.t("ui.amount_dkk"), justify="right")
        for t in ev.ledger:
            flows.add_row(
                names.get(t.payer, self.t(t.payer)),
                names.get(t.payee, self.t(t.payee)),
                escape(self.t(t.purpose)),
                self.money(t.amount),
            )
        console.print(folded(flows))

    def rest_of_period(
        self, ev: Evaluation, console: Console, names: dict[str, str], *, detail: bool, prices: str | None
    ) -> None:
        """Cost and cover, break-even, the public purse, people placed and the figures of one period."""
        split = ev.cost_split
        cover = Table(title=self.t("ui.cost_and_cover"), title_justify="left")
        cover.add_column("")
        cover.add_column(self.t("ui.dkk"), justify="right")
        cover.add_column(self.t("ui.share_of_cost"), justify="right")
        cover.add_row(
            self.t("ui.support_cost"), self.money(split.cost), self.percent(Decimal(1)) if split.cost else "—"
        )
        for source, amount in split.funding.items():
            cover.add_row(
                f"  {escape(funding_label(source, amount, self.t))}",
                self.money(amount),
                self.percent(split.shares.get(source)),
            )
        if len(split.funding) > 1:  # the sources' sum, as the year-by-year table and the JSON give it
            cover.add_row(f"  {self.t('ui.total_funding')}", self.money(split.total_funding), "")
        cover.add_row(
            f"  {self.t('ui.uncovered')}",
            self.money(split.shortfall),
            self.percent(split.uncovered_share if split.cost else None),
        )
        cover.add_row(f"[bold]{self.t('ui.coverage')}[/bold]", "", f"[bold]{self.percent(split.coverage)}[/bold]")
        verdict = "ui.surplus" if split.surplus >= 0 else "ui.shortfall"
        cover.add_row(f"[bold]{self.t(verdict)}[/bold]", f"[bold]{self.money(abs(split.surplus))}[/bold]", "")
        console.print(folded(cover))

        if ev.break_even:
            title = (
                Text("ui.break_even_title_prices", year=Raw(self.t.period(prices)))
                if prices
                else Text("ui.break_even_title")
            )
            be = Table(title=self.t(title), title_justify="left")
            be.add_column(self.t("ui.price"))
            be.add_column(self.t("ui.break_even"), justify="right")
            be.add_column(self.t("ui.note"))
            for b in ev.break_even:
                note = escape(break_even_note(b, self.t))
                if b.value is None:
                    be.add_row(escape(self.t(b.label)), "—", note)
                    continue
                value = f"{self.t.number(b.value)} {self.t.unit(b.unit)}" + (
                    f" ({self.t.number(b.percent)} %)" if b.percent is not None else ""
                )
                be.add_row(escape(self.t(b.label)), value, note)
            console.print(folded(be))

        self.public(ev, console)
        if detail and ev.placements:
            jobs = Table(title=self.t("ui.people_placed"), title_justify="left")
            for col in ("form", "headcount", "hours_week", "fte", "employer", "workplace"):
                jobs.add_column(
                    self.t(f"ui.{col}"), justify="right" if col in {"headcount", "hours_week", "fte"} else "left"
                )
            for i, j in enumerate(ev.placements):
                jobs.add_row(
                    self.t(j.form) + ("" if j.is_job else f" [dim]{self.t('ui.not_a_job')}[/dim]"),
                    str(j.headcount),
                    "—" if j.hours_per_week is None else self.t.number(j.hours_per_week),
                    "—" if j.fte is None else self.t.number(j.fte),
                    "—" if j.employer is None else names.get(j.employer, self.t(j.employer)),
                    names.get(j.workplace, self.t(j.workplace)),
                    end_section=i == len(ev.placements) - 1,
                )
            # the totals: jobs and FTE rounded once from the total hours (not the lines' FTE added up), and
            # the inclusive ones always (a board paper cites them, as the workbook and compare give them)
            every, inclusive = ev.result("jobs"), ev.result("inclusive_jobs")
            totals = [("ui.jobs_total", every, ev.fte), ("ui.inclusive_jobs_total", inclusive, ev.inclusive_fte)]
            for label, count, fte in totals:
                jobs.add_row(escape(self.t(label)), str(count), "", self.t.number(fte), "", "")
            console.print(folded(jobs))
        self.extras(ev, console)

    def balances(self, ev: Evaluation, console: Console, title: str | None = None) -> None:
        """What each party receives, pays and nets in the evaluation's ledger (a year's, or all years')."""
        names = {k: escape(self.t(v)) for k, v in ev.parties.items()}
        balances = Table(title=title or self.t("ui.balance_per_party"), title_justify="left")
        for col in ("party", "receives", "pays", "net"):
            balances.add_column(self.t(f"ui.{col}"), justify="left" if col == "party" else "right")
        for p in ev.ledger.parties:
            tot = ev.ledger.totals(p)
            balances.add_row(
                names.get(p, self.t(p)), self.money(tot.inflow), self.money(tot.outflow), self.money(tot.net)
            )
        balances.add_row(
            f"[dim]{self.t('ui.sum_of_nets')}[/dim]",
            "",
            "",
            self.money(sum(ev.ledger.nets().values(), Decimal("0.00"))),
        )
        console.print(folded(balances))

    def public(self, ev: Evaluation, console: Console) -> None:
        view = ev.public
        if view is None:
            return
        table = Table(
            title=self.t(_public_title(view)),
            title_justify="left",
        )
        for col in ("payer", "item", "with", "otherwise"):
            table.add_column(self.t(f"ui.{col}"), justify="left" if col in {"payer", "item"} else "right")
        for line in view.lines:
            table.add_row(
                self.t(f"ui.{line.payer}"),
                escape(self.t(line.item)),
                self.money(line.actual),
                self.money(line.counterfactual),
            )
        console.print(folded(table))
        # the net effects below the table, not in a column of it: under "otherwise" they read as an amount paid
        # otherwise (review 50 F14), and a column of their own took the width the items need (review 51 F7)
        for payer in PAYERS:
            if view.taxed:
                before = self.t("ui.net_effect_before_tax")
                console.print(f"  {self.t(f'ui.{payer}')}: {before}: {self.money(view.net_effect_before_tax(payer))}")
            net = self.t("ui.net_effect_after_tax" if view.taxed else "ui.net_effect")
            console.print(f"  [bold]{self.t(f'ui.{payer}')}: {net}: {self.money(view.net_effect(payer))}[/bold]")
        for statement in view.counterfactual:
            console.print(f"  {self.t('ui.counterfactual')}: {escape(self.t(statement))}")
        for statement in view.assumptions:
            console.print(f"  {self.t('ui.assumption')}: {escape(self.t(statement))}")

    def parameters(self, ev: Evaluation, console: Console) -> None:
        if not ev.parameters:
            return
        table = Table(title=self.t("ui.parameters_used"), title_justify="left")
        rows = used_parameters(ev.parameters)
        # a name is the key a user types under parameters:, and a source cites a law: on a
        # narrow terminal both fold onto the next line, never cut ("refusion.week…" three times)
        for col in ("parameter", "value", "year", "tag", "source"):
            table.add_column(self.t(f"ui.{col}"), overflow="fold" if col in ("parameter", "source") else "ellipsis")
        for v, used_for in rows:  # a value used in several years: one row
            table.add_row(
                escape(v.name),
                escape(self.t.parameter_value(str(v.value))),
                parameter_year(v, used_for, self.t),
                self.t(v.tag),
                escape(parameter_source(v, self.t)),
            )
        console.print(folded(table))

    def extras(self, ev: Evaluation, console: Console) -> None:
        if ev.figures:
            figures = Table(title=self.t("ui.key_figures"), title_justify="left")
            figures.add_column(self.t("ui.figure"))
            figures.add_column(self.t("ui.value"), justify="right")
            figures.add_column(self.t("ui.note"))
            for f in ev.figures:
                figures.add_row(
                    escape(self.t.figure(f.key, f.label)), self.figure_value(f), escape(self.t.note(f.key, f.note))
                )
            console.print(folded(figures))
        if ev.checks:
            checks = Table(title=self.t("ui.checks"), title_justify="left")
            checks.add_column(self.t("ui.criterion"))
            checks.add_column(self.t("ui.status"))
            checks.add_column(self.t("ui.why"))
            colour = {"met": "green", "not met": "red", "unknown": "yellow"}
            for c in ev.checks:
                checks.add_row(
                    escape(self.t(c.criterion)),
                    f"[{colour[c.status]}]{self.t('ui.' + c.status.replace(' ', '_'))}[/]",
                    escape(self.t(c.reason)),
                )
            console.print(folded(checks))
        for statement in ev.statements:
            console.print(escape(self.t(statement)))

    def print_table(self, ev: Evaluation, console: Console, *, summary: bool = False) -> None:
        """A finance officer's view: who pays whom, balances, coverage, break-even, jobs, figures.

        ``summary``: without the transfers, each year's own section and the parameters used.
        """
        console.print(
            f"[bold]{escape(ev.partnership.name)}[/bold]  "
            f"({self.t('ui.period')}: {escape(self.t.period(ev.ledger.period))})"
        )
        if not ev.breakdown:
            self.period(ev, console, flows=not summary)
            if not summary:
                self.parameters(ev, console)
            return
        # no padding at the table's edges: seven columns of money fit 80 characters
        by_year = Table(title=self.t("ui.year_by_year"), title_justify="left", pad_edge=False)
        for col in ("year", "cost_short", "funding", "result", "coverage_short", "jobs", "fte"):
            by_year.add_column(self.t(f"ui.{col}"), justify="left" if col == "year" else "right")
        # amounts without " kr." in Danish, as in English: seven columns of millions fit 80 characters
        money = partial(self.t.money, unit=False)
        rows = [
            [
                escape(self.t.period(part.ledger.period)),
                money(part.cost_split.cost),
                money(part.cost_split.total_funding),
                money(part.cost_split.surplus),
                self.percent(part.cost_split.coverage),
                str(sum(j.headcount for j in part.jobs)),
                self.t.number(part.fte),
            ]
            for part in ev.breakdown
        ]
        total = ev.cost_split  # over all the years: the sums, and the coverage of the total cost
        rows.append(
            [
                escape(self.t("xlsx.sum")),
                money(total.cost),
                money(total.total_funding),
                money(total.surplus),
                self.percent(total.coverage),
                "",
                "",
            ]
        )
        for i, row in enumerate(rows):
            by_year.add_row(*row, end_section=i == len(rows) - 2)  # a line above the total
        console.print(folded(by_year))
        # the jobs for people outside the labour market, year by year, as every output gives them
        years = "; ".join(
            self.t(
                Text(
                    "ui.inclusive_year",
                    year=Raw(self.t.period(part.ledger.period)),
                    jobs=Raw(str(part.result("inclusive_jobs"))),
                    fte=Raw(self.t.number(part.inclusive_fte)),
                )
            )
            for part in ev.breakdown
        )
        console.print(escape(self.t(Text("ui.inclusive_by_year", years=Raw(years)))))
        for part in () if summary else ev.breakdown:
            console.rule(escape(self.t.period(part.ledger.period)))
            # a horizon's inputs grow: each year's break-even is in its own prices (a spin-off's are constant)
            grown = ev.partnership.horizon is not None
            self.period(part, console, detail=False, prices=part.ledger.period if grown else None)
        console.rule(self.t("ui.all_years"))
        # every transfer of every year summed per party: what each gains or pays over the deal
        period = escape(self.t.period(ev.ledger.period))
        self.balances(ev, console, title=f"{self.t('ui.balance_per_party')} ({period})")
        self.public_by_year(ev, console)
        self.extras(ev, console)
        if not summary:
            self.parameters(ev, console)

    def public_by_year(self, ev: Evaluation, console: Console) -> None:
        """Each public payer's net effect year by year and in total (the report's, so --summary has it too)."""
        views = [(part.ledger.period, part.public) for part in ev.breakdown if part.public is not None]
        if not views:
            return
        # a row a year, a column a payer: as narrow for forty years as for three (review 50 F6: a column a
        # year did not fit 80 columns with four years and a total)
        # with tax counted, each payer's net effect before and after tax, so said (review 50 F4: a municipal
        # budget line read the after-tax figure, with its tax, as its own)
        columns = public_columns(tax_counted(ev))
        table = Table(title=self.t("ui.public_net_by_year"), title_justify="left")
        table.add_column(self.t("ui.year"))
        for column in columns:
            table.add_column(escape(self.t(column.heading)), justify="right")
        for label, view in views:
            table.add_row(escape(self.t.period(label)), *(self.money(column.of(view)) for column in columns))
        results = ev.results()
        table.add_section()
        table.add_row(
            self.t("xlsx.sum"), *(self.money(results[column.result] or Decimal("0.00")) for column in columns)
        )
        console.print(folded(table))


def print_table(
    ev: Evaluation, console: Console, translator: Translator | None = None, *, summary: bool = False
) -> None:
    """A finance officer's view: who pays whom, balances, coverage, break-even, jobs, figures.

    ``summary``: the headline tables only (no transfers, no year's own section, no parameters).
    """
    _Tables(translator or Translator("en")).print_table(ev, console, summary=summary)


def _public_title(view: PublicView) -> Text:
    """The public purse's title: its parameter year, and the year of its rates in kroner where that differs."""
    rate = Percent(view.refusion_rate)
    if view.rates_year is not None:
        return Text("ui.public_title_constant", year=view.year, first=view.rates_year, rate=rate)
    return Text("ui.public_title", year=view.year, rate=rate)


def folded(table: Table) -> _Folded:
    """``table`` with every cell folded onto the next line where it does not fit, never cut.

    Rich cuts a cell that does not fit its column with an ellipsis: on a narrow terminal an
    amount lost its last digits (608.400.00… for 608.400.000,00). Words wrap as before. Where the
    terminal is wide enough, no amount is split across lines either (review 50 F6: "-259.576,0"
    over "5 kr."): see :class:`_Folded`.
    """
    for column in table.columns:
        column.overflow = "fold"
    return _Folded(table)


class _Folded:
    """A table whose columns are kept as wide as their figures and short labels where the terminal allows it.

    In order, the first that fits the terminal as drawn: every figure whole and every short label
    whole ("I alt", not "I" over "alt"; a long label wraps at its words); every figure whole; the
    same without the blank beside each border; every figure's number whole (its unit, " kr.", may
    go to the next line); the same with the labels folded into what the numbers leave; else rich's
    own widths, folding what must fold (every digit still shown).
    """

    def __init__(self, table: Table) -> None:
        self.table = table
        self.title = table.title  # drawn above the table where wider than it: kept for every drawing

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table
        whole: list[int | None] = []  # a figure's whole cell, a label up to _LONGEST_WORD
        numbers: list[int | None] = []  # a figure's longest word (its number without the unit)
        for column in table.columns:
            # as shown: without the markup ("[bold]-92.557,93" is 11 characters wide, not 17)
            cells = [
                cell.text.plain if isinstance(cell, _Figure) else RichText.from_markup(cell).plain
                for cell in column._cells
                if isinstance(cell, (str, _Figure)) and cell  # a table drawn again holds _Figure cells
            ]
            words = [len(w) for cell in cells for w in _glued(cell)]
            if not words:
                whole.append(None)
                numbers.append(None)
            elif column.justify == "right":
                whole.append(max(len(c) for c in cells))
                numbers.append(max(words))
            else:
                whole.append(min(max(max(words), *(len(c) for c in cells)), _LONGEST_WORD))
                numbers.append(None)
        figures = [w if c.justify == "right" else None for c, w in zip(table.columns, whole, strict=True)]
        padding = table.padding
        tight = (padding[0], 0, padding[2], 0)  # no blank beside the borders: two characters a column
        # the labels' share of what the numbers leave (their words folded, not a figure's digits: review 51 F1)
        labels = [c for c in table.columns if c.justify != "right"]
        left = options.max_width - sum(n or 0 for n in numbers) - len(table.columns) - 1
        squeezed = left // len(labels) if labels else 0
        tiers: list[tuple[list[int | None], tuple[int, int, int, int], int | None]] = [
            (whole, padding, None),
            (figures, padding, None),
            (figures, tight, None),
            (numbers, tight, None),
        ]
        if squeezed >= 4:  # a label of four characters a line still reads
            tiers.append((numbers, tight, squeezed))
        # rich's own widths, with the room the blanks took: always fits, folding what must fold
        tiers.append(([None] * len(whole), tight, None))
        for widths, pad, label_width in tiers:
            table.padding = pad
            for column, width in zip(table.columns, widths, strict=True):
                column.min_width = width
                column.max_width = label_width if column.justify != "right" else None
            if _width(console, options, table) <= options.max_width:
                break
        for column in table.columns:  # a figure's words wrap as _Figure keeps them (after a thousands point)
            if column.justify == "right":
                column._cells[:] = [_Figure(c) if isinstance(c, str) else c for c in column._cells]
        title = self.title
        if isinstance(title, str) and table.title_justify == "left":
            heading = console.render_str(title, style=table.title_style or "table.title")
            table.title = None
            drawn = console.render_lines(table, options, pad=False)
            if heading.cell_len <= max((Segment.get_line_length(line) for line in drawn), default=0):
                table.title = title
            else:  # a title wider than its table wraps at the terminal's width, not the table's (review 51 F9)
                yield heading
        yield table


class _Figure:
    """A figure's cell, wrapped at its words; a word wider than its column after a thousands point.

    "132." over "647,50". Folded by character, 132.647,50 showed "132.647,5" over "0", which
    reads as a number of its own (review 51 F2). A word's last separator (the decimal mark, or a
    lone thousands point) is no break, and a percent sign stays with its number ("(21,60 %)",
    never "(21,60" over "%)": review 52 F3); a part still too wide for its column folds by
    character.
    """

    def __init__(self, markup: str) -> None:
        self.text = RichText.from_markup(markup)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        narrowest = max((b - a for _, _, pieces in _words(plain) for a, b in pieces), default=0)
        return Measurement(narrowest, len(plain)).with_maximum(options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width, plain = options.max_width, self.text.plain
        starts: list[int] = []  # where each line after the first begins
        line = 0  # the current line's width
        for start, end, pieces in _words(plain):
            if line + (1 if line else 0) + end - start <= width:
                line += (1 if line else 0) + end - start
                continue
            if end - start <= width:  # the word whole on a line of its own
                starts += [start] if line else []
                line = end - start
                continue
            for k, (a, b) in enumerate(pieces):  # wider than the column: after its thousands separators
                gap = 1 if k == 0 and line else 0
                if line and line + gap + b - a > width:
                    starts.append(a)
                    line = b - a
                else:
                    line += gap + b - a
        parts = list(self.text.divide(starts))
        for part in parts:
            part.rstrip()  # in place: the space a line ends on
        yield RichText("\n").join(parts)


def _words(plain: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """A cell's words, a percent sign joined to its number: (start, end, the parts it may break into)."""
    words: list[tuple[int, int, list[tuple[int, int]]]] = []
    for word in re.finditer(r"\S+", plain):
        start, end = word.span()
        if words and word.group().startswith("%"):  # "21,60 %" and "(21,60 %)" are one word
            first, _, pieces = words.pop()
            words.append((first, end, [*pieces[:-1], (pieces[-1][0], end)]))
            continue
        marks = [m.end() for m in re.finditer(r"[.,](?=\d)", word.group())][:-1]  # not the last separator
        bounds = [0, *marks, end - start]
        words.append((start, end, [(start + a, start + b) for a, b in itertools.pairwise(bounds)]))
    return words


def _glued(cell: str) -> list[str]:
    """The words of a cell as :class:`_Figure` keeps them whole, a percent sign with its number."""
    return [cell[a:b] for a, b, _ in _words(cell)]


def _width(console: Console, options: ConsoleOptions, table: Table) -> int:
    """The width ``table`` takes when held to the terminal's, drawn where it may overflow.

    Rich's own measure of a table's minimum fell one short of what it drew (its last border cut).
    """
    held, table.width = table.width, options.max_width
    try:
        lines = console.render_lines(table, options.update(width=options.max_width + 40), pad=False)
    finally:
        table.width = held
    return max((Segment.get_line_length(line) for line in lines), default=0)


_LONGEST_WORD = 16  # a label wider than this wraps (a word this wide folds: a scenario path), not the amounts
