"""A compact HTML view of an evaluation, for Jupyter, in English or Danish."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING

from socialpartner._internal.i18n import Lang, Translator
from socialpartner.views import break_even_note

if TYPE_CHECKING:
    from socialpartner.evaluation import Evaluation

__all__ = ["to_html"]


def to_html(ev: Evaluation, lang: Lang = "en") -> str:
    """A compact view for Jupyter: who pays whom, balances, coverage, break-even.

    Jupyter shows it in English (``ev._repr_html_()``); ``ev.to_html(lang="da")`` gives
    it in Danish, with Danish number formats.
    """
    t = Translator(lang)
    esc = html.escape
    names = {k: t(v) for k, v in ev.parties.items()}

    def money(value: Decimal, unit: bool = False) -> str:
        return esc(t.money(value, unit=unit))

    right = "style='text-align:right'"
    flows = "".join(
        f"<tr><td>{esc(names.get(x.payer, x.payer))}</td><td>{esc(names.get(x.payee, x.payee))}</td>"
        f"<td>{esc(t(x.purpose))}</td><td {right}>{money(x.amount)}</td></tr>"
        for x in ev.ledger
    )
    balances = "".join(
        f"<tr><td>{esc(names.get(p, p))}</td><td {right}>{money(ev.ledger.net(p))}</td></tr>" for p in ev.ledger.parties
    )
    split = ev.cost_split
    break_even = "".join(
        f"<li>{esc(t(b.label))}: "
        + ("—" if b.value is None else f"{esc(t.number(b.value))} {esc(t.unit(b.unit))}")
        + (f" ({esc(note)})" if (note := break_even_note(b, t)) else "")
        + "</li>"
        for b in ev.break_even
    )
    verdict = t("ui.surplus") if split.surplus >= 0 else t("ui.shortfall")
    dkk = esc(t("ui.dkk"))
    return (
        f"<div><strong>{esc(ev.partnership.name)}</strong> ({esc(t.period(ev.ledger.period))})"
        f"<table><thead><tr><th>{esc(t('ui.payer'))}</th><th>{esc(t('ui.payee'))}</th>"
        f"<th>{esc(t('ui.purpose'))}</th><th>{dkk}</th></tr></thead>"
        f"<tbody>{flows}</tbody></table>"
        f"<table><thead><tr><th>{esc(t('ui.party'))}</th><th>{esc(t('ui.net'))} ({dkk})</th></tr></thead>"
        f"<tbody>{balances}</tbody></table>"
        f"<p>{esc(t('ui.support_cost'))} {money(split.cost, True)}, "
        f"{esc(t('ui.funding').lower())} {money(split.total_funding, True)}: "
        f"<strong>{esc(t('ui.coverage').lower())} {esc(t.percent(split.coverage))}</strong>, "
        f"{esc(verdict.lower())} {money(abs(split.surplus), True)}.</p>"
        f"<ul>{break_even}</ul></div>"
    )
