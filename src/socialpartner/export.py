"""Spreadsheet export for municipal finance staff: real numbers and formats in the cells.

``to_xlsx(evaluation, path)`` writes one workbook with the sheets *Inputs*, *Ledger*,
*Parties*, *Cost split*, *Break-even*, *Figures* and *Parameters* (with sources). Money
cells hold numbers formatted ``#,##0.00``; ratios hold numbers formatted as percentages.
Text from the scenario (names, roles) is always written as text, never as a formula,
even when it starts with ``=``, ``+``, ``-`` or ``@``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from socialpartner._internal.output import check_output, writing
from socialpartner._internal.paths import flatten
from socialpartner._internal.units import split_quantity
from socialpartner.errors import QuantityError
from socialpartner.evaluation import Evaluation

__all__ = ["to_xlsx"]

_MONEY = "#,##0.00"
_PERCENT = "0.00%"


# A spreadsheet reads text starting with these as a formula (OWASP: CSV/formula injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _as_text(cell: Any) -> None:
    """Keep a cell's text as text: a string cell, quote-prefixed so editing it keeps it text."""
    cell.data_type = "s"
    cell.quotePrefix = True


def _number(text: str) -> tuple[float | None, str]:
    """A quantity's text as a number and unit for the cells; other text gives no number."""
    try:
        number, unit = split_quantity(text, what="a quantity")
    except QuantityError:
        return None, ""
    return float(number), unit


def to_xlsx(evaluation: Evaluation, path: str | os.PathLike[str]) -> Path:
    """Write the evaluation to an Excel workbook; returns the path.

    Raises:
        OutputError: the path does not end in ``.xlsx``, is a directory, lies in a missing
            directory, or cannot be written.

    """
    out = check_output(path, (".xlsx",), "an Excel workbook")
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    bold = Font(bold=True)

    def sheet(title: str, header: list[str], rows: list[list[Any]], formats: dict[int, str]) -> None:
        ws = wb.create_sheet(title)
        ws.append(header)
        for cell in ws[1]:
            cell.font = bold
        for row in rows:
            ws.append(row)
        for cells in ws.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                    _as_text(cell)
        for col, fmt in formats.items():
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.number_format = fmt
        for i, column in enumerate(header, start=1):
            width = max([len(str(column)), *(len(str(r[i - 1])) for r in rows if i - 1 < len(r))], default=10)
            ws.column_dimensions[get_column_letter(i)].width = min(60, width + 2)
        ws.freeze_panes = "A2"

    wb.remove(wb.active)  # type: ignore[arg-type]
    inputs = []
    # the expect: block states results, not inputs
    for key, text in flatten(evaluation.partnership.model_dump(mode="json", exclude_none=True, exclude={"expect"})):
        value, unit = _number(text)
        inputs.append([key, text, value, unit])
    sheet("Inputs", ["input", "as written", "number", "unit"], inputs, {})

    parts = evaluation.breakdown or (evaluation,)
    ledger = [
        [p.ledger.period, p.parties.get(t.payer, t.payer), p.parties.get(t.payee, t.payee), t.purpose, float(t.amount)]
        for p in parts
        for t in p.ledger
    ]
    sheet("Ledger", ["period", "payer", "payee", "purpose", "amount (DKK)"], ledger, {5: _MONEY})

    parties = [
        [
            evaluation.parties.get(p, p),
            float(evaluation.ledger.inflow(p)),
            float(evaluation.ledger.outflow(p)),
            float(evaluation.ledger.net(p)),
        ]
        for p in evaluation.ledger.parties
    ]
    sheet("Parties", ["party", "receives (DKK)", "pays (DKK)", "net (DKK)"], parties, {2: _MONEY, 3: _MONEY, 4: _MONEY})

    split = evaluation.cost_split
    cost_rows: list[list[Any]] = [["support-staff cost", float(split.cost), 1.0 if split.cost else None]]
    cost_rows += [
        [f"funding: {k}", float(v), float(split.shares[k]) if k in split.shares else None]
        for k, v in split.funding.items()
    ]
    cost_rows += [
        ["uncovered", float(split.shortfall), float(split.uncovered_share) if split.cost else None],
        ["total funding", float(split.total_funding), float(split.coverage) if split.coverage is not None else None],
        ["surplus (negative: shortfall)", float(split.surplus), None],
    ]
    sheet("Cost split", ["item", "DKK", "share of cost"], cost_rows, {2: _MONEY, 3: _PERCENT})

    break_even = [
        [
            b.label,
            b.input_path,
            None if b.value is None else float(b.value),
            b.unit,
            None if b.percent is None else float(b.percent) / 100,
        ]
        for b in evaluation.break_even
    ]
    sheet("Break-even", ["price", "input", "break-even", "unit", "as % of base"], break_even, {3: _MONEY, 5: _PERCENT})

    figures = [[f.label, None if f.value is None else float(f.value), f.unit, f.note] for f in evaluation.figures]
    figures += [[c.criterion, None, c.status, c.reason] for c in evaluation.checks]
    sheet("Figures", ["figure", "value", "unit", "note"], figures, {2: "#,##0.00"})

    params = [
        [v.name, v.year, v.for_year, _number(str(v.value))[0], _number(str(v.value))[1], v.tag, v.source, v.checked]
        for v in evaluation.parameters
    ]
    sheet(
        "Parameters",
        ["parameter", "year", "used for year", "value", "unit", "tag", "source", "checked"],
        params,
        {8: "yyyy-mm-dd"},
    )

    with writing(out):
        wb.save(out)
    return out
