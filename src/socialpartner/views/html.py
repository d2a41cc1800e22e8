"""A compact HTML view of an evaluation, for Jupyter."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING

from socialpartner._internal.plan import places

if TYPE_CHECKING:
    from socialpartner.evaluation import Evaluation

__all__ = ["to_html"]


def to_html(ev: Evaluation) -> str:
    """A compact view for Jupyter: who pays whom, balances, coverage, break-even."""
    esc = html.escape
    names = ev.parties

    def money(value: Decimal) -> str:
        return f"{value:,.2f}"

    flows = "".join(
        f"<tr><td>{esc(names.get(t.payer, t.payer))}</td><td>{esc(names.get(t.payee, t.payee))}</td>"
        f"<td>{esc(t.purpose)}</td><td style='text-align:right'>{money(t.amount)}</td></tr>"
        for t in ev.ledger
    )
    balances = "".join(
        f"<tr><td>{esc(names.get(p, p))}</td><td style='text-align:right'>{money(ev.ledger.net(p))}</td></tr>"
        for p in ev.ledger.parties
    )
    split = ev.cost_split
    coverage = "—" if split.coverage is None else f"{places(split.coverage * 100)} %"
    break_even = "".join(
        f"<li>{esc(b.label)}: {'—' if b.value is None else money(b.value) + ' ' + esc(b.unit)}</li>"
        for b in ev.break_even
    )
    return (
        f"<div><strong>{esc(ev.partnership.name)}</strong> ({esc(ev.ledger.period)})"
        f"<table><thead><tr><th>Payer</th><th>Payee</th><th>Purpose</th><th>DKK</th></tr></thead>"
        f"<tbody>{flows}</tbody></table>"
        f"<table><thead><tr><th>Party</th><th>Net DKK</th></tr></thead><tbody>{balances}</tbody></table>"
        f"<p>Support-staff cost {money(split.cost)} DKK, funding {money(split.total_funding)} DKK: "
        f"<strong>coverage {coverage}</strong>, "
        f"{'surplus' if split.surplus >= 0 else 'shortfall'} {money(abs(split.surplus))} DKK.</p>"
        f"<ul>{break_even}</ul></div>"
    )
