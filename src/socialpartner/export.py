"""Spreadsheet export for municipal finance staff: real numbers, live formulas, sources.

``to_xlsx(evaluation, path, lang="en")`` writes one workbook:

- *Inputs*: every input as stated, ``public:`` and ``horizon:`` included;
- one sheet per period (each year of a multi-year deal): who pays whom, and over those
  cells, as formulas, each party's balance, the support-staff cost, its funding sources,
  coverage, shares, surplus, the break-even prices and the public purse;
- *Total*: the periods side by side with their sum, as formulas over the period sheets;
- *Public purse*: per payer per period, with the partnership, otherwise and the net
  effect (with a ``public:`` block);
- *Break-even* per period, *Ledger* (every transfer of every period), *Figures* (with
  the checks) and *Parameters* (the values used in each period, with their sources).

Money cells hold numbers formatted ``#,##0.00``, ratios numbers formatted as
percentages. Totals, nets, coverage and shares are formulas over the cells they come
from, so a finance officer can trace them and change an amount to see the effect. With
``lang="da"`` every sheet name, header and label is Danish. Text from the scenario (names,
roles) is always written as text, never as a formula, even when it starts with ``=``,
``+``, ``-`` or ``@`` (OWASP: CSV/formula injection); the library's own formulas stay formulas.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialpartner._internal.arguments import need_evaluation
from socialpartner._internal.backend import Rational
from socialpartner._internal.i18n import Lang, Raw, Text, Translator
from socialpartner._internal.output import check_output, writing
from socialpartner._internal.units import PLAIN, exact_magnitude, number_format, parse_unit, split_quantity
from socialpartner.errors import OutputError, QuantityError
from socialpartner.evaluation import Evaluation
from socialpartner.money import in_context
from socialpartner.public import PAYERS
from socialpartner.views import funding_label, input_rows, parameter_source, tax_counted

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["to_xlsx"]

_MONEY = "#,##0.00"
_PERCENT = "0.00%"
_RATIO4 = "0.0000"


def _number(text: str) -> tuple[float | None, str]:
    """An input as the library saves it (``178.5 DKK / hour``) as a number and unit for the cells.

    Read the plain way whatever number format the caller has set (under ``da`` the saved
    ``178.5`` would be refused, ``25.0490`` read as 250,490); other text gives no number.
    """
    try:
        with number_format(PLAIN):
            number, unit = split_quantity(text, what="a quantity")
    except QuantityError:
        return None, ""
    return float(number), unit


def _quantity_cells(value: Any) -> tuple[float, str]:
    """A parameter's value as a number and unit for the cells, from the quantity itself (never re-read as text)."""
    return float(exact_magnitude(value.magnitude)), str(value.units)


# A spreadsheet reads text starting with these as a formula (OWASP: CSV/formula injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _text(value: str) -> str:
    """Every text cell goes through here (user text included), so it is never read as a formula."""
    return str(value)


@dataclass
class _Sheet:
    """Writes one worksheet row by row: text cells never become formulas."""

    ws: Worksheet
    row: int = 0
    widths: dict[int, int] = field(default_factory=dict)

    def put(self, values: Sequence[Any], formats: dict[int, str] | None = None, *, bold: bool = False) -> int:
        from openpyxl.styles import Font

        self.row += 1
        for col, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = self.ws.cell(row=self.row, column=col)
            if isinstance(value, _Formula):
                cell.value = value.text
            elif isinstance(value, str):
                cell.value = _text(value)
                cell.data_type = "s"  # a text starting with "=" stays text
                if cell.value.startswith(_FORMULA_START):
                    cell.quotePrefix = True  # and stays text when someone edits it
            elif isinstance(value, Decimal):
                cell.value = float(value)
            else:
                cell.value = value
            if formats and col in formats:
                cell.number_format = formats[col]
            if bold:
                cell.font = Font(bold=True)
            shown = len(value.text) // 3 if isinstance(value, _Formula) else len(str(value))
            self.widths[col] = max(self.widths.get(col, 8), min(60, shown + 2))
        return self.row

    def gap(self) -> None:
        self.row += 1

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        for col, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = width


@dataclass(frozen=True)
class _Formula:
    text: str


def _f(text: str) -> _Formula:
    return _Formula("=" + text)


def _ref(sheet: str, cell: str) -> str:
    return f"'{sheet.replace(chr(39), chr(39) * 2)}'!{cell}"


@dataclass
class _PeriodCells:
    """Where a period sheet keeps its results, for the Total, Break-even and Public purse sheets."""

    sheet: str
    cost: str = ""
    funding: dict[str, str] = field(default_factory=dict)
    total_funding: str = ""
    nets: dict[str, str] = field(default_factory=dict)
    jobs: str = ""  # the period's jobs (headcount) and FTE, all and inclusive, for the Total sheet
    fte: str = ""
    inclusive_jobs: str = ""
    inclusive_fte: str = ""
    # label, input, cell, unit, the covering price's cell
    break_even: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    public: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # payer → with, otherwise, net cells
    before_tax: dict[str, str] = field(default_factory=dict)  # payer → the net before tax, where tax is counted


def _period_sheet(wb: Any, title: str, part: Evaluation, t: Translator, prices: str | None = None) -> _PeriodCells:
    """One period's sheet; ``prices``: the year whose prices its break-evens are in (a horizon's year)."""
    ws = _Sheet(wb.create_sheet(title))
    cells = _PeriodCells(title)
    names = {p: t(part.parties.get(p, p)) for p in part.ledger.parties}
    ws.put([f"{t('ui.who_pays_whom')} ({t.period(part.ledger.period)})"], bold=True)
    ws.put(
        [t("ui.payer"), t("ui.payee"), t("ui.purpose"), t("ui.amount_dkk"), t("xlsx.payer_no"), t("xlsx.payee_no")],
        bold=True,
    )
    # parties by number: the balances below sum by these, whatever the names say
    number = {p: i for i, p in enumerate(part.ledger.parties, start=1)}
    first = ws.row + 1
    for tr in part.ledger:
        ws.put(
            [names[tr.payer], names[tr.payee], t(tr.purpose), tr.amount, number[tr.payer], number[tr.payee]],
            {4: _MONEY},
        )
    last = ws.row
    amounts = [f"D{r}" for r in range(first, last + 1)]
    span = f"$D${first}:$D${last}"

    ws.gap()
    ws.put([t("ui.balance_per_party")], bold=True)
    ws.put([t("ui.party"), t("ui.receives"), t("ui.pays"), t("ui.net"), t("xlsx.party_no")], bold=True)
    net_first = ws.row + 1
    for p in part.ledger.parties:
        r = ws.row + 1
        ws.put(
            [
                names[p],
                _f(f"SUMIF($F${first}:$F${last},E{r},{span})"),
                _f(f"SUMIF($E${first}:$E${last},E{r},{span})"),
                _f(f"B{r}-C{r}"),
                number[p],
            ],
            {2: _MONEY, 3: _MONEY, 4: _MONEY},
        )
        cells.nets[p] = f"D{r}"
    ws.put([t("ui.sum_of_nets"), None, None, _f(f"SUM(D{net_first}:D{ws.row})")], {4: _MONEY}, bold=True)

    ws.gap()
    ws.put([t("ui.cost_and_cover")], bold=True)
    ws.put(["", t("ui.dkk"), t("ui.share_of_cost")], bold=True)
    plan = part._plan
    keys = [] if plan is None else [f.key for f in plan.flows]
    row_of = {k: amounts[i] for i, k in enumerate(keys)}
    cost_row = ws.row + 1
    pool = [row_of[k] for k in plan.cost_pool] if plan is not None else []
    ws.put(
        [t("ui.support_cost"), _f("+".join(pool) if pool else "0"), _f(f'IF(B{cost_row}=0,"",1)')],
        {2: _MONEY, 3: _PERCENT},
    )
    cells.cost = f"B{cost_row}"
    sources = [] if plan is None else list(plan.funding)
    source_first = ws.row + 1
    for name, signed in sources:
        r = ws.row + 1
        terms = "".join(("+" if sign > 0 else "-") + row_of[k] for k, sign in signed) or "0"
        ws.put(
            [
                funding_label(name, part.cost_split.funding.get(name, Decimal(0)), t),
                _f(terms.removeprefix("+")),
                _f(f'IF($B${cost_row}=0,"",B{r}/$B${cost_row})'),
            ],
            {2: _MONEY, 3: _PERCENT},
        )
        cells.funding[name] = f"B{r}"
    total = ws.row + 1
    last_source = ws.row
    funding_sum = f"SUM(B{source_first}:B{last_source})" if sources else "0"
    ws.put(
        [t("xlsx.total_funding"), _f(funding_sum), _f(f'IF(B{cost_row}=0,"",B{total}/B{cost_row})')],
        {2: _MONEY, 3: _PERCENT},
        bold=True,
    )
    cells.total_funding = f"B{total}"
    r = ws.row + 1
    ws.put([t("ui.coverage"), None, _f(f'IF(B{cost_row}=0,"",B{total}/B{cost_row})')], {3: _PERCENT}, bold=True)
    ws.put([t("xlsx.surplus"), _f(f"B{total}-B{cost_row}")], {2: _MONEY}, bold=True)
    r = ws.row + 1
    ws.put(
        [t("ui.uncovered"), _f(f"MAX(0,B{cost_row}-B{total})"), _f(f'IF(B{cost_row}=0,"",B{r}/B{cost_row})')],
        {2: _MONEY, 3: _PERCENT},
    )

    if part.placements:
        _placements(ws, part, names, t, cells)

    if part.break_even and plan is not None:
        ws.gap()
        title = (
            Text("ui.break_even_title_prices", year=Raw(t.period(prices))) if prices else Text("ui.break_even_title")
        )
        ws.put([t(title)], bold=True)
        ws.put(
            [
                t("ui.price"),
                t("ui.break_even"),
                t("xlsx.unit"),
                t("xlsx.percent_of_base"),
                t("xlsx.input"),
                t("xlsx.covering"),
                t("xlsx.covering_percent"),
            ],
            bold=True,
        )
        specs = {s.input_path: s for s in plan.break_even}
        for b in part.break_even:
            spec = specs[b.input_path]
            r = ws.row + 1
            if b.value is None or not spec.volume:
                ws.put([t(b.label), "—", t.unit(b.unit), None, b.input_path])
                continue
            # (cost − the funding that does not move with this price) / volume, to the øre, at least zero;
            # the volume in the unit the price is written in (course-months as years for a yearly price)
            factor = Rational(parse_unit(b.canonical_unit).factor / parse_unit(b.unit).factor)
            moving = row_of[spec.flow]
            volume = float(spec.volume / factor)
            rate = f"({cells.cost}-({cells.total_funding}-{moving}))/{volume!r}"
            value = _f(f"MAX(0,ROUND({rate},2))")
            base = float(spec.percent_of * factor) if spec.percent_of else None
            # the percentage from the exact rate, rounded once (as the library's): the rounded price over
            # its base would round twice (72.12 / 165.50 = 43.58 % against the exact 43.5745… = 43.57 %)
            percent = _f(f"MAX(0,ROUND(ROUND({rate}/{base!r}*100,6),2))/100") if base else None
            # the least whole-øre price at or above the exact rate (the break-even is rounded half
            # up, so it may lie just below): rounded to 6 decimals first, so that a float quotient
            # a hair above a whole øre is not taken up one more
            covering = _f(f"MAX(0,ROUNDUP(ROUND({rate},6),2))")
            covering_percent = _f(f"MAX(0,ROUNDUP(ROUND({rate}/{base!r}*100,6),2))/100") if base else None
            ws.put(
                [t(b.label), value, t.unit(b.unit), percent, b.input_path, covering, covering_percent],
                {2: _MONEY, 4: _PERCENT, 6: _MONEY, 7: _PERCENT},
            )
            cells.break_even.append((t(b.label), b.input_path, f"B{r}", t.unit(b.unit), f"F{r}"))

    view = part.public
    if view is not None:
        ws.gap()
        rates = "" if view.rates_year is None else ", " + t(Text("ui.rates_in_kroner", first=view.rates_year))
        ws.put([t("xlsx.public_title") + f" ({view.year}{rates})"], bold=True)
        # with tax counted, its lines marked in a column of their own, so the net effect before tax is a formula
        # too, each said (review 50 F4: the workbook had the after-tax figure only, unsaid)
        taxed = view.taxed
        ws.put(
            [t("ui.payer"), t("ui.item"), t("ui.with"), t("ui.otherwise"), *([t("xlsx.tax_line")] if taxed else [])],
            bold=True,
        )
        p_first = ws.row + 1
        for line in view.lines:
            ws.put(
                [
                    t(f"ui.{line.payer}"),
                    t(line.item),
                    line.actual,
                    line.counterfactual,
                    *([t("xlsx.tax_line") if line.tax else ""] if taxed else []),
                ],
                {3: _MONEY, 4: _MONEY},
            )
        p_last = ws.row
        # the net effect (after tax where tax is counted, said), then before tax: the lines without the tax mark
        rows = [("xlsx.net_effect_after_tax" if taxed else "xlsx.net_effect", "", True)]
        if taxed:
            rows.append(("xlsx.net_effect_before_tax", f',$E${p_first}:$E${p_last},""', False))
        ws.put(["", t("ui.with"), t("ui.otherwise"), t(rows[0][0])], bold=True)
        for heading, untaxed, main in rows:
            for payer in PAYERS:
                r = ws.row + 1
                cond = f'$A${p_first}:$A${p_last},"{t(f"ui.{payer}")}"{untaxed}'
                ws.put(
                    [
                        f"{t(heading)}: {t(f'ui.{payer}')}",
                        _f(f"SUMIFS($C${p_first}:$C${p_last},{cond})"),
                        _f(f"SUMIFS($D${p_first}:$D${p_last},{cond})"),
                        _f(f"C{r}-B{r}"),
                    ],
                    {2: _MONEY, 3: _MONEY, 4: _MONEY},
                    bold=main,
                )
                if main:
                    cells.public[payer] = (f"B{r}", f"C{r}", f"D{r}")
                else:
                    cells.before_tax[payer] = f"D{r}"
    ws.finish()
    return cells


def _placements(ws: _Sheet, part: Evaluation, names: dict[str, str], t: Translator, cells: _PeriodCells) -> None:
    """The people placed (one row a line), then the period's jobs and FTE as formulas over the job lines.

    Jobs are the headcounts of the lines that are jobs (not course participants, nor a job of
    no hours); FTE is the jobs' paid hours a week over 37, rounded once to 0.01 as the
    evaluation rounds it (``ROUND`` of the sum, not a sum of rounded lines).
    """
    ws.gap()
    ws.put([t("ui.people_placed")], bold=True)
    heads = ("form", "headcount", "hours_week", "fte", "employer", "workplace")
    ws.put([*(t(f"ui.{h}") for h in heads), t("xlsx.is_job"), t("xlsx.is_inclusive")], bold=True)
    first = ws.row + 1
    for j in part.placements:
        ws.put(
            [
                t(j.form),
                j.headcount,
                j.hours_per_week,
                j.fte,
                None if j.employer is None else names.get(j.employer, t(j.employer)),
                names.get(j.workplace, t(j.workplace)),
                1 if j.is_job else 0,
                1 if j.inclusive else 0,
            ],
            {3: "0.00", 4: "0.00"},
        )
    last = ws.row
    rows = f"{first}:G{last}"
    jobs = ws.put([t("ui.jobs"), _f(f"SUMPRODUCT(B{first}:B{last},G{rows})")], bold=True)
    fte = ws.put([t("ui.fte"), _f(f"ROUND(SUMPRODUCT(C{first}:C{last},G{rows})/37,2)")], {2: "0.00"}, bold=True)
    cells.jobs, cells.fte = f"B{jobs}", f"B{fte}"
    # the jobs for people outside the labour market: the job lines of an inclusive form (no ordinary post)
    both = f"G{first}:G{last},H{first}:H{last}"
    jobs = ws.put([t("ui.inclusive_jobs_total"), _f(f"SUMPRODUCT(B{first}:B{last},{both})")], bold=True)
    fte = ws.put(
        [t("ui.inclusive_fte"), _f(f"ROUND(SUMPRODUCT(C{first}:C{last},{both})/37,2)")], {2: "0.00"}, bold=True
    )
    cells.inclusive_jobs, cells.inclusive_fte = f"B{jobs}", f"B{fte}"


def _sheet_title(label: str, taken: set[str]) -> str:
    title = "".join("-" if ch in "[]:*?/\\" else ch for ch in label)[:31] or "-"
    while title in taken:
        title = (title[:28] + "…") if len(title) > 28 else title + "…"
    taken.add(title)
    return title


# a spreadsheet computes in binary floating point (15-16 significant digits): amounts below this, and their
# sums and present values over the years, come out to the øre; above it the formulas lose øre (review 48 F7)
XLSX_LIMIT = Decimal("1e12")


def _within_float_precision(evaluation: Evaluation, out: Path) -> None:
    """Refuse a workbook whose formulas could not give the library's figures to the øre."""
    amounts = [t.amount for part in (evaluation, *evaluation.breakdown) for t in part.ledger]
    amounts += [f.value for f in evaluation.figures if f.unit == "DKK" and isinstance(f.value, Decimal)]
    largest = max((abs(a) for a in amounts), default=Decimal(0))
    if largest >= XLSX_LIMIT:
        raise OutputError(
            f"an amount of {largest:,.2f} DKK is beyond what a workbook's formulas compute to the øre "
            f"(below {XLSX_LIMIT:,.0f} DKK: they work in binary floating point); use the JSON "
            "(socialpartner evaluate --format json) or the report for these figures",
            out,
        )


@in_context
def to_xlsx(evaluation: Evaluation, path: str | os.PathLike[str], *, lang: Lang = "en") -> Path:
    """Write the evaluation to an Excel workbook with live formulas; returns the path.

    Args:
        evaluation: from :func:`socialpartner.evaluate`.
        path: the ``.xlsx`` file to write.
        lang: ``en`` or ``da``: sheet names, headers and labels.

    Raises:
        OutputError: the path does not end in ``.xlsx``, is a directory, lies in a missing
            directory, or cannot be written; or an amount reaches 1,000,000,000,000 DKK, past
            which the workbook's floating-point formulas no longer give the figures to the øre.

    """
    need_evaluation(evaluation, name="evaluation")
    out = check_output(path, (".xlsx",), "an Excel workbook")
    _within_float_precision(evaluation, out)
    from openpyxl import Workbook

    t = Translator(lang)
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    # the totals are formulas without stored values: a spreadsheet program computes them as it opens the file
    wb.calculation.fullCalcOnLoad = True
    taken: set[str] = set()

    inputs = _Sheet(wb.create_sheet(_sheet_title(t("xlsx.inputs"), taken)))
    head = [t("xlsx.input"), t("xlsx.value"), t("xlsx.number"), t("xlsx.unit"), t("xlsx.given"), t("xlsx.meaning")]
    inputs.put(head, bold=True)
    for row in input_rows(evaluation.partnership, t):
        value, unit = _number(row.text)
        # as the report writes the inputs: in the workbook's language (18,5 timer/uge in Danish); the meaning
        # last, so the columns a script reads keep their places
        given = t("xlsx.stated" if row.stated else "xlsx.default")
        inputs.put([row.key, row.value, value, t.stated_unit(unit), given, row.label])
    inputs.finish()

    parts = evaluation.breakdown or (evaluation,)
    multi = bool(evaluation.breakdown)
    periods: list[tuple[Evaluation, _PeriodCells]] = []
    total_title = _sheet_title(t("xlsx.total"), taken)
    total_ws = wb.create_sheet(total_title)
    grown = evaluation.partnership.horizon is not None  # each year's break-evens in its own prices
    for part in parts:
        label = t.period(part.ledger.period) if multi else t("xlsx.period_sheet")
        prices = part.ledger.period if grown else None
        periods.append((part, _period_sheet(wb, _sheet_title(label, taken), part, t, prices)))
    npv_cells = _total_sheet(_Sheet(total_ws), evaluation, periods, t)
    if any(part.public is not None for part in parts):
        _public_sheet(
            _Sheet(wb.create_sheet(_sheet_title(t("xlsx.public_title"), taken))),
            periods,
            t,
            taxed=tax_counted(evaluation),
        )
    _break_even_sheet(_Sheet(wb.create_sheet(_sheet_title(t("ui.break_even"), taken))), periods, t, grown=grown)

    ledger = _Sheet(wb.create_sheet(_sheet_title(t("xlsx.ledger"), taken)))
    ledger.put([t("xlsx.period"), t("ui.payer"), t("ui.payee"), t("ui.purpose"), t("ui.amount_dkk")], bold=True)
    for part in parts:
        names = {p: t(part.parties.get(p, p)) for p in part.ledger.parties}
        for tr in part.ledger:
            ledger.put(
                [t.period(part.ledger.period), names[tr.payer], names[tr.payee], t(tr.purpose), tr.amount],
                {5: _MONEY},
            )
    ledger.finish()

    figures = _Sheet(wb.create_sheet(_sheet_title(t("ui.key_figures"), taken)))
    figures.put([t("xlsx.period"), t("ui.figure"), t("ui.value"), t("xlsx.unit"), t("ui.note")], bold=True)
    scopes = [(t("ui.all_years"), evaluation)] if multi else []
    scopes += [(t.period(p.ledger.period), p) for p in parts]
    for scope, ev in scopes:
        for f in ev.figures:
            fmt = _PERCENT if f.unit == "ratio" else "0" if f.unit == "year" else _MONEY
            # a present value or a total is the Total sheet's formula over the yearly nets, not a number typed in
            shown = _f(npv_cells[f.key]) if ev is evaluation and f.key in npv_cells else f.value
            figures.put([scope, t.figure(f.key, f.label), shown, t.unit(f.unit), t.note(f.key, f.note)], {3: fmt})
    if any(ev.checks for _, ev in scopes):  # no heading over no rows (review 61 L5)
        figures.gap()
        figures.put([t("xlsx.period"), t("ui.criterion"), t("ui.status"), t("ui.why")], bold=True)
    for scope, ev in scopes:
        for c in ev.checks:
            figures.put([scope, t(c.criterion), t("ui." + c.status.replace(" ", "_")), t(c.reason)])
    figures.finish()

    params = _Sheet(wb.create_sheet(_sheet_title(t("xlsx.parameters"), taken)))
    params.put(
        [
            t("xlsx.used_in"),
            t("ui.parameter"),
            t("xlsx.parameter_year"),
            t("ui.value"),
            t("xlsx.unit"),
            t("ui.tag"),
            t("ui.source"),
            t("xlsx.checked"),
        ],
        bold=True,
    )
    # each year's values by year; then the total's own (the discount rates of its present values, review 48 F2)
    yearly = {id(v) for part in parts for v in part.parameters}
    # one row each (the total lists a discount rate for every year it discounts)
    own = (
        tuple({v.name: v for v in evaluation.parameters if id(v) not in yearly}.values())
        if evaluation.breakdown
        else ()
    )
    for part, values in (*((part, part.parameters) for part in parts), (evaluation, own)):
        for v in values:
            number, unit = _quantity_cells(v.value)
            params.put(
                [
                    t.period(part.ledger.period),
                    v.name,
                    v.year,
                    number,
                    t.stated_unit(unit),
                    t(v.tag),
                    parameter_source(v, t),
                    v.checked,
                ],
                {8: "yyyy-mm-dd"},
            )
    params.finish()

    with writing(out):
        wb.save(out)
    return out


def _total_sheet(
    ws: _Sheet, ev: Evaluation, periods: list[tuple[Evaluation, _PeriodCells]], t: Translator
) -> dict[str, str]:
    """The Total sheet; returns the cell of each present value and total (``npv.company`` → ``'Total'!B30``)."""
    from openpyxl.utils import get_column_letter

    labels = [t.period(part.ledger.period) for part, _ in periods]
    last_col = get_column_letter(len(periods) + 1)
    ws.put([f"{ev.partnership.name} ({t.period(ev.ledger.period)})"], bold=True)
    ws.put(["", *labels, t("xlsx.sum")], bold=True)
    money = dict.fromkeys(range(2, len(periods) + 3), _MONEY)

    def row(label: str, refs: list[str | None], *, bold: bool = False) -> int:
        r = ws.row + 1
        cells = [_f(ref) if ref else None for ref in refs]
        ws.put([label, *cells, _f(f"SUM(B{r}:{last_col}{r})")], money, bold=bold)
        return r

    cost = row(t("ui.support_cost"), [_ref(c.sheet, c.cost) for _, c in periods], bold=True)
    sources = list(dict.fromkeys(name for _, c in periods for name in c.funding))
    for name in sources:
        row(  # over the years: as the sum is, "less" where the source takes from funding in all
            funding_label(name, ev.cost_split.funding.get(name, Decimal(0)), t),
            [_ref(c.sheet, c.funding[name]) if name in c.funding else None for _, c in periods],
        )
    funding = row(t("xlsx.total_funding"), [_ref(c.sheet, c.total_funding) for _, c in periods], bold=True)
    cols = [get_column_letter(i) for i in range(2, len(periods) + 3)]
    ws.put([t("xlsx.surplus"), *(_f(f"{col}{funding}-{col}{cost}") for col in cols)], money, bold=True)
    ws.put(
        [t("ui.coverage"), *(_f(f'IF({col}{cost}=0,"",{col}{funding}/{col}{cost})') for col in cols)],
        dict.fromkeys(range(2, len(periods) + 3), _PERCENT),
        bold=True,
    )
    for name in sources:
        ws.put(
            [
                f"{t('xlsx.share_of')} {t(name)}",
                *(_f(f'IF({col}{cost}=0,"",{col}{sources.index(name) + cost + 1}/{col}{cost})') for col in cols),
            ],
            dict.fromkeys(range(2, len(periods) + 3), _PERCENT),
        )
    if any(c.jobs for _, c in periods):  # people are counted each year, not summed: no sum column
        ws.gap()
        rows = (("jobs", "0"), ("fte", "0.00"), ("inclusive_jobs", "0"), ("inclusive_fte", "0.00"))
        titles = {"inclusive_jobs": "inclusive_jobs_total"}
        for key, unit in rows:
            refs = [_ref(c.sheet, getattr(c, key)) if getattr(c, key) else None for _, c in periods]
            formats = dict.fromkeys(range(2, len(periods) + 2), unit)
            ws.put([t(f"ui.{titles.get(key, key)}"), *(_f(r) if r else None for r in refs)], formats)
    ws.gap()
    ws.put([t("ui.balance_per_party")], bold=True)
    parties = list(dict.fromkeys(p for part, _ in periods for p in part.ledger.parties))
    net_first = ws.row + 1
    series: dict[str, int] = {}  # a series' row of yearly nets, by its present value's name
    for p in parties:
        name = t(ev.parties.get(p, p))
        series[p] = row(
            f"{t('ui.net')}: {name}", [_ref(c.sheet, c.nets[p]) if p in c.nets else None for _, c in periods]
        )
    r = ws.row + 1
    ws.put([t("ui.sum_of_nets"), *(_f(f"SUM({col}{net_first}:{col}{r - 1})") for col in cols)], money, bold=True)
    sums: dict[str, str] = {}  # a total figure's cell: the sum column of its row (review 48 F9: it was typed in)
    sum_col = get_column_letter(len(periods) + 2)
    if any(c.public for _, c in periods):
        ws.gap()
        ws.put([t("xlsx.public_title")], bold=True)
        # with tax counted, the net effect is after tax, said, and the before-tax net (the budget's figure)
        # has its row and total too (review 61 H1: the totals were after tax, unsaid, the before-tax one absent)
        taxed = any(c.before_tax for _, c in periods)
        for payer in PAYERS:
            series[f"public.{payer}"] = row(
                f"{t('xlsx.net_effect_after_tax' if taxed else 'xlsx.net_effect')}: {t(f'ui.{payer}')}",
                [_ref(c.sheet, c.public[payer][2]) if payer in c.public else None for _, c in periods],
            )
            sums[f"total.public.{payer}"] = _ref(ws.ws.title, f"{sum_col}{series[f'public.{payer}']}")
        for payer in PAYERS if taxed else ():
            before = row(
                f"{t('xlsx.net_effect_before_tax')}: {t(f'ui.{payer}')}",
                [_ref(c.sheet, c.before_tax[payer]) if payer in c.before_tax else None for _, c in periods],
            )
            sums[f"total.public.{payer}.before_tax"] = _ref(ws.ws.title, f"{sum_col}{before}")
    gain = ev.partnership.COMPANY_GAIN
    if gain is not None and any(f.key == f"npv.{gain}" for f in ev.figures):
        # the company's gain against its alternative, a figure of each year (not a ledger net)
        ws.gap()
        r = ws.row + 1
        yearly = [part.figure(gain).value for part, _ in periods]
        label = t.figure(gain, next(f.label for f in periods[0][0].figures if f.key == gain))
        ws.put([label, *yearly, _f(f"SUM(B{r}:{last_col}{r})")], money)
        series[gain] = r
        sums[f"total.{gain}"] = _ref(ws.ws.title, f"{sum_col}{r}")
    cells = _present_values(ws, ev, series, len(periods), t) if ev.breakdown else {}
    ws.finish()
    return {**sums, **cells}


def _present_values(ws: _Sheet, ev: Evaluation, series: dict[str, int], n: int, t: Translator) -> dict[str, str]:
    """Each year's discount factor, and each present value as the sum of the yearly nets × the factors.

    The factors are the evaluation's own (``1/(1.035^2*1.02^2)``: the discount rate and the
    price growth deflated by, as the explanation of ``npv.*`` shows them); each present value
    is rounded once to øre, as the library rounds it.
    """
    from openpyxl.utils import get_column_letter

    from socialpartner.views.explain import discount_factor_texts

    names = {f.key.removeprefix("npv."): f for f in ev.figures if f.key.startswith("npv.")}
    if not names:
        return {}
    ws.gap()
    ws.put([t("xlsx.present_values")], bold=True)
    factors = ws.row + 1
    expressions = [text.replace(" × ", "*").replace(" / ", "/") for text in discount_factor_texts(ev)]
    ws.put([t("xlsx.discount_factor"), *(_f(e) for e in expressions)], dict.fromkeys(range(2, n + 2), "0.000000"))
    cells = {}
    for name, figure in names.items():
        if name not in series:
            continue
        r = ws.row + 1
        products = "+".join(f"{c}{series[name]}*{c}{factors}" for c in (get_column_letter(i) for i in range(2, n + 2)))
        formula = f"ROUND({products},2)"
        ws.put([t.figure(figure.key, figure.label), *([None] * n), _f(formula)], {n + 2: _MONEY})
        cells[figure.key] = _ref(ws.ws.title, f"{get_column_letter(n + 2)}{r}")
    return cells


def _public_sheet(ws: _Sheet, periods: list[tuple[Evaluation, _PeriodCells]], t: Translator, *, taxed: bool) -> None:
    ws.put(
        [
            t("xlsx.period"),
            t("ui.payer"),
            t("ui.with"),
            t("ui.otherwise"),
            # after tax where tax is counted, said (review 51 F5), and then before tax (review 61 H1)
            t("xlsx.net_effect_after_tax" if taxed else "xlsx.net_effect"),
            *([t("xlsx.net_effect_before_tax")] if taxed else []),
        ],
        bold=True,
    )
    first = ws.row + 1
    formats = {3: _MONEY, 4: _MONEY, 5: _MONEY, 6: _MONEY}
    for part, cells in periods:
        for payer, (with_, otherwise, _net) in cells.public.items():
            r = ws.row + 1
            before = [_f(_ref(cells.sheet, cells.before_tax[payer]))] if taxed and payer in cells.before_tax else []
            ws.put(
                [
                    t.period(part.ledger.period),
                    t(f"ui.{payer}"),
                    _f(_ref(cells.sheet, with_)),
                    _f(_ref(cells.sheet, otherwise)),
                    _f(f"D{r}-C{r}"),
                    *before,
                ],
                formats,
            )
    last = ws.row
    ws.gap()
    for payer in PAYERS:
        cond = f'$B${first}:$B${last},"{t(f"ui.{payer}")}"'
        r = ws.row + 1
        ws.put(
            [
                t("xlsx.sum"),
                t(f"ui.{payer}"),
                _f(f"SUMIF({cond},$C${first}:$C${last})"),
                _f(f"SUMIF({cond},$D${first}:$D${last})"),
                _f(f"D{r}-C{r}"),
                *([_f(f"SUMIF({cond},$F${first}:$F${last})")] if taxed else []),
            ],
            formats,
            bold=True,
        )
    ws.finish()


def _break_even_sheet(
    ws: _Sheet, periods: list[tuple[Evaluation, _PeriodCells]], t: Translator, *, grown: bool = False
) -> None:
    """Every period's break-evens; ``grown``: a horizon's, each in its own year's prices (said below them).

    The header is the first row, so the sheet reads as a table (``pandas.read_excel``).
    """
    # the covering price beside the break-even, last (the columns before keep their places): the break-even is
    # rounded half up and may fall just short; copied alone it was quoted as a price that covers (review 63 no. 23)
    head = [t("xlsx.period"), t("ui.price"), t("ui.break_even"), t("xlsx.unit"), t("xlsx.input"), t("xlsx.covering")]
    ws.put(head, bold=True)
    for part, cells in periods:
        shown = {path for _, path, _, _, _ in cells.break_even}
        for label, path, cell, unit, covering in cells.break_even:
            row = [t.period(part.ledger.period), label, _f(_ref(cells.sheet, cell)), unit, path]
            ws.put([*row, _f(_ref(cells.sheet, covering))], {3: _MONEY, 6: _MONEY})
        for b in part.break_even:  # a price no volume can move
            if b.input_path not in shown:
                ws.put([t.period(part.ledger.period), t(b.label), "—", t.unit(b.unit), b.input_path])
    if grown:
        ws.gap()
        ws.put([t("ui.break_even_own_prices")])
    ws.finish()
