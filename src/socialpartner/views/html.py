"""A compact HTML view of an evaluation, for Jupyter, in English or Danish."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING

from socialpartner._internal.i18n import Lang, Translator
from socialpartner.public import PAYERS
from socialpartner.views import break_even_note

if TYPE_CHECKING:
    from socialpartner.evaluation import Evaluation

__all__ = ["to_html"]


def to_html(ev: Evaluation, lang: Lang = "en") -> str:
    """A compact view for Jupyter: who pays whom, balances, coverage, break-even, and what else there is.

    With a public view, each payer's net effect (otherwise − with; + saving, − extra cost), which the ledger's
    gross payments are not; over several years, a row a year (coverage, surplus, public
    net effects, jobs) and the key figures (present values, payback, totals). Jupyter
    shows it in English (``ev._repr_html_()``); ``ev.to_html(lang="da")`` gives it in
    Danish, with Danish number formats.
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
    summary = (
        f"{esc(t('ui.support_cost'))} {money(split.cost, True)}, "
        f"{esc(t('ui.funding').lower())} {money(split.total_funding, True)}: "
        f"<strong>{esc(t('ui.coverage').lower())} {esc(t.percent(split.coverage))}</strong>, "
        f"{esc(verdict.lower())} {money(abs(split.surplus), True)}"
    ).rstrip(".")  # a Danish amount ends in "kr.", which ends the sentence too
    return (
        f"<div><strong>{esc(ev.partnership.name)}</strong> ({esc(t.period(ev.ledger.period))})"
        f"<table><thead><tr><th>{esc(t('ui.payer'))}</th><th>{esc(t('ui.payee'))}</th>"
        f"<th>{esc(t('ui.purpose'))}</th><th>{dkk}</th></tr></thead>"
        f"<tbody>{flows}</tbody></table>"
        f"<table><thead><tr><th>{esc(t('ui.party'))}</th><th>{esc(t('ui.net'))} ({dkk})</th></tr></thead>"
        f"<tbody>{balances}</tbody></table>"
        f"<p>{summary}.</p>"
        f"<ul>{break_even}</ul>{_public(ev, t)}{_years(ev, t)}{_figures(ev, t)}</div>"
    )


def _public(ev: Evaluation, t: Translator) -> str:
    """One period's public purse: each payer's net effect (the ledger shows gross payments only)."""
    view = ev.public
    if view is None:
        return ""
    esc = html.escape
    rows = "".join(
        f"<tr><td>{esc(t('ui.' + payer))}</td><td {_RIGHT}>{esc(t.money(view.net_effect(payer), unit=False))}</td></tr>"
        for payer in PAYERS
    )
    return (
        f"<table><thead><tr><th>{esc(t('ui.public_purse'))}</th>"
        f"<th>{esc(t('ui.net_effect'))} ({esc(t('ui.dkk'))})</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _years(ev: Evaluation, t: Translator) -> str:
    """A row a year over a horizon or a spin-off's years; the years' own tables are in ``ev.breakdown``."""
    if not ev.breakdown:
        return ""
    esc = html.escape
    public = any(part.public is not None for part in ev.breakdown)
    head = [t("ui.year"), t("ui.coverage"), t("ui.surplus"), t("ui.jobs"), t("ui.fte")]
    if public:
        head += [f"{t('ui.net_effect')}: {t('ui.municipality')}", f"{t('ui.net_effect')}: {t('ui.state')}"]
    rows = []
    for part in ev.breakdown:
        cells = [
            t.period(part.ledger.period),
            t.percent(part.cost_split.coverage),
            t.money(part.cost_split.surplus, unit=False),
            t.number(Decimal(sum(j.headcount for j in part.jobs)), 0),
            t.number(part.fte),
        ]
        if public:
            cells += ["—" if part.public is None else t.money(part.public.net_effect(p), unit=False) for p in PAYERS]
        rows.append("<tr>" + "".join(f"<td {_RIGHT}>{esc(c)}</td>" for c in cells) + "</tr>")
    header = "".join(f"<th>{esc(h)}</th>" for h in head)
    return (
        f"<p>{esc(t('ui.year_by_year'))}</p><table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody>"
        "</table>"
    )


def _figures(ev: Evaluation, t: Translator) -> str:
    """The key figures (present values, payback years, totals, a model's own figures)."""
    if not ev.figures:
        return ""
    esc = html.escape
    rows = "".join(
        f"<tr><td>{esc(t.figure(f.key, f.label))}</td><td {_RIGHT}>"
        f"{esc(t.money(f.value) if f.unit == 'DKK' and f.value is not None else t.quantity(f.value, f.unit))}</td></tr>"
        for f in ev.figures
    )
    return (
        f"<table><thead><tr><th colspan='2'>{esc(t('ui.key_figures'))}</th></tr></thead><tbody>{rows}</tbody></table>"
    )


_RIGHT = "style='text-align:right'"
