"""A one-page report per deal, for a council or a board: one self-contained HTML file.

``report_html(evaluation, lang="da")`` gives the page as a string and
``write_report(evaluation, path, lang="da")`` writes it. It holds the key figures, who
pays whom (a chart and each party's balance), the support-staff coverage (a chart and
the split), the year table, the public purse, the break-even prices, the checks, and the
assumptions with their sources. Charts are inline SVG (with matplotlib installed, else
left out), so the file can be mailed as it is; it prints to A4 from any browser, with
the assumptions on a page of their own.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from socialpartner._internal.arguments import need_evaluation, need_flag
from socialpartner._internal.i18n import Lang, Money, Period, Raw, Text, Translator
from socialpartner._internal.output import check_output, writing
from socialpartner.evaluation import Evaluation
from socialpartner.money import in_context
from socialpartner.public import PAYERS
from socialpartner.views import (
    break_even_note,
    funding_label,
    input_rows,
    parameter_source,
    parameter_year,
    public_columns,
    tax_counted,
    used_parameters,
)

__all__ = ["report_html", "write_report"]

_CSS = """
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10.5px; color: #1d2733;
  margin: 0; background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 22px 28px; }
header { border-bottom: 3px solid #1b6ca8; margin-bottom: 12px; padding-bottom: 6px; }
h1 { font-size: 20px; margin: 0 0 2px; }
h2 { font-size: 13px; color: #1b6ca8; margin: 10px 0 4px; border-bottom: 1px solid #d6e1ec; }
.sub { color: #55606d; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 8px 0; }
.kpi { background: #eef3f8; border-radius: 6px; padding: 7px 9px; }
.kpi b { display: block; font-size: 16px; margin-top: 2px; }
.kpi.bad b { color: #b03a2e; } .kpi.good b { color: #2e7d4f; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
section { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2px 0 6px; }
th, td { padding: 2px 5px; border-bottom: 1px solid #e3e8ee; text-align: left; vertical-align: top; }
th { background: #f4f7fa; font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 1.5px solid #1d2733; }
figure { margin: 0; } figure svg { width: 100%; height: auto; }
figure.wide svg { max-height: 330px; }
.neg { color: #b03a2e; }
.met { color: #2e7d4f; } .not-met { color: #b03a2e; } .unknown { color: #9a6b00; }
ul { margin: 2px 0 6px; padding-left: 16px; }
.assumptions { font-size: 9px; } .assumptions td { padding: 1px 4px; }
footer { color: #55606d; font-size: 9px; margin-top: 10px; border-top: 1px solid #d6e1ec; padding-top: 4px; }
@page { size: A4; margin: 10mm; }
@media print {
  body { font-size: 8.5px; }
  main { max-width: none; padding: 0; }
  .assumptions-page { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
}
"""


def _svg(figure: object) -> str:
    """A matplotlib figure as inline SVG (text as paths: no fonts needed where it is opened)."""
    import io

    import matplotlib

    buffer = io.StringIO()
    # no date and fixed element ids: the same evaluation gives the same page, byte for byte
    with matplotlib.rc_context({"svg.hashsalt": "socialpartner"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})  # type: ignore[attr-defined]
    text = buffer.getvalue()
    svg = text[text.index("<svg") :]
    # its text is drawn as paths: the title, as words, for a screen reader (webtilgængelighedsloven; review 61 L7)
    title = html.escape(" ".join(ax.get_title() for ax in figure.axes if ax.get_title()))  # type: ignore[attr-defined]
    if title:
        svg = svg.replace("<svg ", f'<svg role="img" aria-label="{title}" ', 1)
        svg = svg.replace(">", f"><title>{title}</title>", 1)
    return svg


def _charts(ev: Evaluation, lang: Lang) -> tuple[str, str] | None:
    """The two charts as inline SVG; None without matplotlib (optional: the tables say it all)."""
    try:
        import matplotlib  # noqa: F401 - the charts module imports it only when drawing
    except ImportError:
        return None
    from socialpartner import charts

    return _svg(charts.money_flow_chart(ev, lang=lang)), _svg(charts.coverage_chart(ev, lang=lang))


@in_context
def report_html(evaluation: Evaluation, *, lang: Lang = "en", charts: bool = True) -> str:
    """The report of one deal as one self-contained HTML page.

    Args:
        evaluation: from :func:`socialpartner.evaluate`.
        lang: ``en`` or ``da``: every word and number format.
        charts: draw the charts (needs matplotlib); without, the tables say it all.

    """
    need_evaluation(evaluation, name="evaluation")
    need_flag(charts, "charts")
    t = Translator(lang)
    ev = evaluation
    esc = html.escape
    parts = ev.breakdown or (ev,)
    names = {p: t(ev.parties.get(p, p)) for p in ev.ledger.parties}

    def money(value: Decimal | None) -> str:
        if value is None:
            return "—"
        shown = esc(t.money(value, unit=True))
        return f'<span class="neg">{shown}</span>' if value < 0 else shown

    def table(head: list[str], rows: list[list[str]], numeric: set[int], total: bool = False) -> str:
        ths = "".join(f'<th class="n">{h}</th>' if i in numeric else f"<th>{h}</th>" for i, h in enumerate(head))
        body = []
        for k, row in enumerate(rows):
            cls = ' class="total"' if total and k == len(rows) - 1 else ""
            tds = "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row))
            body.append(f"<tr{cls}>{tds}</tr>")
        return f"<table><thead><tr>{ths}</tr></thead><tbody>{''.join(body)}</tbody></table>"

    split = ev.cost_split
    results = ev.results()
    jobs = int(results.get("jobs") or 0)
    # ordinary posts count as jobs; the headline says how many are for people outside the labour market
    last = ev.breakdown[-1] if ev.breakdown else ev
    inclusive = sum(j.headcount for j in last.jobs if j.is_job and j.inclusive)
    # with the inclusive FTE, the figure a CSR or ESG report asks for (review 42 F3)
    said = Text("ui.of_which_inclusive_fte", count=Raw(str(inclusive)), fte=Raw(t.number(last.inclusive_fte)))
    if (inclusive, last.inclusive_fte) == (jobs, ev.fte):
        said = Text("ui.all_inclusive")  # said all the same: a board paper cites the inclusive jobs
    of_which = f" ({esc(t(said))})" if jobs else ""
    # over several years the money is summed over them: each figure says over which (review 61 M1)
    span = f" ({t.period(ev.ledger.period)})" if len(ev.breakdown) > 1 else ""
    # over several years: the last year's jobs, and the label says so (a deal's people are not summed)
    jobs_label = (
        t(Text("ui.jobs_in", year=Period(ev.breakdown[-1].ledger.period))) if len(ev.breakdown) > 1 else t("ui.jobs")
    )
    if any(f.key == "csr_inclusive_jobs" for f in last.figures):
        # a supplier's jobs are the SØV's, for all its customers; those of this purchase follow (review 64 F1)
        jobs_label = f"{jobs_label} {t('ui.all_customers')}"
    kpis = [
        (t("ui.coverage") + span, esc(t.percent(split.coverage)), "good" if split.surplus >= 0 else "bad"),
        ((t("ui.surplus") if split.surplus >= 0 else t("ui.shortfall")) + span, money(abs(split.surplus)), ""),
        (t("ui.support_cost") + span, money(split.cost), ""),
        (
            jobs_label,
            # the jobs and their FTE, then of which inclusive with theirs: "25 (23 …, 11,11) · 13,11" read
            # two FTE figures with no hint which is which (review 63 no. 24)
            f"{jobs} · {esc(t.number(ev.fte))} {esc(t.unit('FTE'))}{of_which}",
            "",
        ),
    ]
    kpis += _company_kpis(ev, last, span, t, money)
    # with tax counted, before and after tax, each said (review 50 F4: the after-tax figure read as a budget line)
    taxed = tax_counted(ev)
    columns = public_columns(taxed)
    for column in columns:
        if column.result in results:
            effect = results[column.result]
            # the sign read for the committee: − is an extra cost to the payer, + a saving (review 63 no. 1)
            reading = "" if not effect else f" ({esc(t('ui.saving' if effect > 0 else 'ui.extra_cost'))})"
            kpis.append((t(column.heading) + span, money(effect) + reading, ""))
    kpi_html = "".join(f'<div class="kpi {cls}">{esc(label)}<b>{value}</b></div>' for label, value, cls in kpis)

    drawn = _charts(ev, lang) if charts else ("", "")
    flows_svg, cover_svg = drawn or ("", "")
    balances = [
        [esc(names[p]), money(ev.ledger.inflow(p)), money(ev.ledger.outflow(p)), money(ev.ledger.net(p))]
        for p in ev.ledger.parties
    ]
    cover_rows = [[esc(t("ui.support_cost")), money(split.cost), esc(t.percent(Decimal(1)) if split.cost else "—")]]
    for source, amount in split.funding.items():
        cover_rows.append(
            [esc(funding_label(source, amount, t)), money(amount), esc(t.percent(split.shares.get(source)))]
        )
    if len(split.funding) > 1:  # the sources' sum, as the JSON and the workbook give it
        cover_rows.append([esc(t("ui.total_funding")), money(split.total_funding), ""])
    cover_rows.append([esc(t("ui.coverage")), "", esc(t.percent(split.coverage))])

    # the flows get the full width, so their names and amounts stay readable on paper
    flows_section = f"<section><h2>{esc(t('ui.who_pays_whom'))}</h2>" + (
        f'<figure class="wide">{flows_svg}</figure>'
        if flows_svg
        else f'<p class="note">{esc(t("report.no_charts"))}</p>'
        if drawn is None
        else ""
    )
    reconciled = ""
    if ev.public is not None or any(part.public is not None for part in parts):
        # the municipality's ledger net and its net effect differ: say why, with the refusion named (review 61 H2)
        refusion = sum((x.amount for x in ev.ledger if (x.payer, x.payee) == ("state", "municipality")), Decimal(0))
        former = ev.partnership.horizon is not None and ev.partnership.horizon.progression is not None
        said = Text(
            "report.ledger_vs_public",
            municipality=Raw(names.get("municipality", t("ui.municipality"))),
            refusion=Money(refusion),
            former=Text("report.former") if former else Raw(""),
        )
        reconciled = f'<p class="note">{esc(t(said))}</p>'
    sections = [
        # headed as the terminal heads it: under "who pays whom" alone it read as the list of payments (review 63)
        f"<section><h2>{esc(t('ui.balance_per_party'))}</h2>"
        + table([esc(t("ui.party")), esc(t("ui.receives")), esc(t("ui.pays")), esc(t("ui.net"))], balances, {1, 2, 3})
        + reconciled
        + "</section>",
        f"<section><h2>{esc(t('ui.cost_and_cover'))}</h2>"
        + (f"<figure>{cover_svg}</figure>" if cover_svg else "")
        + table(["", esc(t("ui.dkk")), esc(t("ui.share_of_cost"))], cover_rows, {1, 2})
        + "</section>",
    ]

    year_rows = []
    for part in parts:
        s = part.cost_split
        row = [
            esc(t.period(part.ledger.period)),
            money(s.cost),
            money(s.total_funding),
            money(s.surplus),
            esc(t.percent(s.coverage)),
            str(sum(j.headcount for j in part.jobs)),
            esc(t.number(part.fte)),
        ]
        if (public := part.public) is not None:
            row += [money(column.of(public)) for column in columns]
        year_rows.append(row)
    year_head = [esc(t(f"ui.{c}")) for c in ("year", "cost", "funding", "result", "coverage", "jobs", "fte")]
    if parts[0].public is not None:
        year_head += [esc(t(c.heading)) for c in columns]
    if ev.breakdown:
        total = [esc(t("xlsx.sum")), money(split.cost), money(split.total_funding), money(split.surplus)]
        total += [esc(t.percent(split.coverage)), "", ""]
        if parts[0].public is not None:
            total += [money(results.get(column.result)) for column in columns]
        year_rows.append(total)
    # each party's net year by year and over the deal: the terminal and the workbook have it (review 42 F6)
    nets = ""
    if ev.breakdown:
        net_head = [esc(t("ui.party")), *(esc(t.period(part.ledger.period)) for part in parts), esc(t("xlsx.sum"))]
        net_rows = [
            [
                esc(names[p]),
                *(money(part.ledger.net(p) if p in part.ledger.parties else Decimal("0.00")) for part in parts),
                money(ev.ledger.net(p)),
            ]
            for p in ev.ledger.parties
        ]
        nets = f"<h3>{esc(t('ui.net_by_year'))}</h3>" + table(net_head, net_rows, set(range(1, len(net_head))))
    year_section = (
        f"<section><h2>{esc(t('ui.year_by_year'))}</h2>"
        + table(year_head, year_rows, set(range(1, len(year_head))), total=bool(ev.breakdown))
        + nets
        + "</section>"
    )

    public_rows = []
    for part in parts:
        view = part.public
        if view is None:
            continue
        for payer in PAYERS:
            public_rows.append(
                [
                    esc(t.period(part.ledger.period)),
                    esc(t(f"ui.{payer}")),
                    money(view.actual(payer)),
                    money(view.without(payer)),
                    money(view.net_effect(payer)),
                ]
            )
    views = [part.public for part in parts if part.public is not None]
    if len(views) > 1:  # the sum over the years per payer, as the workbook gives it (review 61 H2)
        for payer in PAYERS:
            public_rows.append(
                [
                    f"<b>{esc(t('xlsx.sum'))}</b>",
                    esc(t(f"ui.{payer}")),
                    money(sum((v.actual(payer) for v in views), Decimal(0))),
                    money(sum((v.without(payer) for v in views), Decimal(0))),
                    money(sum((v.net_effect(payer) for v in views), Decimal(0))),
                ]
            )
    public_section = ""
    if public_rows:
        # each year's counterfactual: the people and benefits change with growth and progression
        several = len(parts) > 1
        statements = "".join(
            f"<li>{esc(t.period(part.ledger.period)) + ': ' if several else ''}{esc(t(s))}</li>"
            for part in parts
            if part.public is not None
            for s in part.public.counterfactual
        )
        public_section = (
            f"<section><h2>{esc(t('xlsx.public_title'))}</h2>"
            + table(
                [
                    esc(t(c))
                    for c in (
                        "xlsx.period",
                        "ui.payer",
                        "ui.with",
                        "ui.otherwise",
                        "xlsx.net_effect_after_tax" if taxed else "xlsx.net_effect",  # said (review 51 F5)
                    )
                ],
                public_rows,
                {2, 3, 4},
            )
            + f"<ul>{statements}</ul>"
            + "".join(_public_lines(part, several, t, table, money) for part in parts if part.public is not None)
            + "</section>"
        )

    be_rows = []
    for part in parts:
        for b in part.break_even:
            value = "—" if b.value is None else f"{t.number(b.value)} {t.unit(b.unit)}"
            if b.value is not None and b.percent is not None:  # a markup given as a percentage: as in the tables
                value += f" ({t.number(b.percent)} %)"
            note = break_even_note(b, t)
            be_rows.append([esc(t.period(part.ledger.period)), esc(t(b.label)), esc(value), esc(note)])
    be_section = (
        (
            f"<section><h2>{esc(t('ui.break_even_title'))}</h2>"
            + table([esc(t(c)) for c in ("xlsx.period", "ui.price", "ui.break_even", "ui.note")], be_rows, {2})
            # a horizon's inputs grow: each year's break-even is in its own prices (a spin-off's are constant)
            + (f"<p>{esc(t('ui.break_even_own_prices'))}</p>" if ev.partnership.horizon is not None else "")
            + "</section>"
        )
        if be_rows
        else ""
    )

    figure_rows = [
        [esc(t.figure(f.key, f.label)), esc(t.quantity(f.value, f.unit)), esc(t.note(f.key, f.note))]
        for f in ev.figures
        if not f.key.startswith(("npv.", "total.public"))  # present values: in the spreadsheet
    ]
    figure_rows += [  # with their note, as every other output gives it (review 48 F14)
        [esc(t.figure(f.key, f.label)), esc(t.quantity(f.value, f.unit)), esc(t.note(f.key, f.note))]
        for f in ev.figures
        if f.key.startswith("npv.")
    ]
    yearly_section = ""
    if ev.breakdown:
        # each year's figures of the model (a company's saving, its highest price): over several
        # years they are per year only, and a board would otherwise see just the ledger nets
        keys: dict[str, tuple[str, str]] = {}
        for part in ev.breakdown:
            for f in part.figures:
                keys.setdefault(f.key, (f.label, f.unit))
        values = [{f.key: f for f in part.figures} for part in ev.breakdown]
        yearly_rows = [
            [esc(t.figure(key, label))] + [esc(t.quantity(v[key].value, unit)) if key in v else "—" for v in values]
            for key, (label, unit) in keys.items()
        ]
        if yearly_rows:
            head = [esc(t("ui.figure"))] + [esc(t.period(part.ledger.period)) for part in ev.breakdown]
            yearly_section = (
                f"<section><h2>{esc(t('ui.key_figures_by_year'))}</h2>"
                + table(head, yearly_rows, set(range(1, len(head))))
                + "</section>"
            )
    # the total's checks, then each year's (a spin-off's "stands on its own"), as the terminal and workbook give them
    checks = "".join(
        f'<li><span class="{c.status.replace(" ", "-")}">{esc(t("ui." + c.status.replace(" ", "_")))}</span>: '
        f"{esc(year)}{esc(t(c.criterion))} ({esc(t(c.reason))})</li>"
        for year, part in (("", ev), *((f"{t.period(p.ledger.period)}: ", p) for p in ev.breakdown))
        for c in part.checks
    )
    statements = "".join(f"<li>{esc(t(s))}</li>" for s in ev.statements)
    figures_section = ""
    if figure_rows or checks or statements:
        figures_section = (
            f"<section><h2>{esc(t('ui.key_figures'))}</h2>"
            + (
                table([esc(t("ui.figure")), esc(t("ui.value")), esc(t("ui.note"))], figure_rows, {1})
                if figure_rows
                else ""
            )
            + (f"<h2>{esc(t('ui.checks'))}</h2><ul>{checks}</ul>" if checks else "")
            + (f"<ul>{statements}</ul>" if statements else "")
            + "</section>"
        )

    inputs = [
        [esc(r.key), esc(r.label), esc(r.value + ("" if r.stated else f" ({t('xlsx.default')})"))]
        for r in input_rows(ev.partnership, t)
    ]
    # each value once, with the years it was used for (an indexed rate's values differ by year: a row each)
    used = [
        [
            esc(v.name),
            esc(t.parameter_value(str(v.value))),
            esc(parameter_year(v, used_for, t)),
            esc(t(v.tag)),
            esc(parameter_source(v, t)),
        ]
        for v, used_for in used_parameters(ev.parameters)  # a total's: every year's, and the discount rates
    ]
    assumptions = (
        '<section class="assumptions-page assumptions">'
        f'<h2>{esc(t("report.assumptions"))}</h2><div class="grid"><div>'
        + table([esc(t("xlsx.input")), esc(t("xlsx.meaning")), esc(t("xlsx.value"))], inputs, set())
        + "</div><div>"
        + (
            table(
                [esc(t(c)) for c in ("ui.parameter", "ui.value", "ui.year", "ui.tag", "ui.source")],
                used,
                set(),
            )
            if used
            else ""
        )
        + "</div></div></section>"
    )
    m = ev.manifest
    footer = esc(
        t(
            Text(
                "report.footer",
                version=m.library_version,
                parameters=f"{m.parameter_file_version} ({m.parameter_set_version})",
                sha=m.input_sha256[:12],
            )
        )
    )
    title = esc(ev.partnership.name)
    model = esc(t(f"report.model.{ev.partnership.MODEL}"))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
        f"<style>{_CSS}</style></head><body><main>"
        f'<header><h1>{title}</h1><div class="sub">{model} · {esc(t("ui.period"))}: '
        f"{esc(t.period(ev.ledger.period))}</div></header>"
        f'<div class="kpis">{kpi_html}</div>'
        f'{flows_section}</section><div class="grid">{"".join(sections)}</div>'
        f"{year_section}"
        f'<div class="grid"><div>{public_section}{be_section}</div><div>{figures_section}</div></div>'
        f"{yearly_section}"
        f"{assumptions}<footer>{footer}</footer></main></body></html>"
    )


def _company_kpis(
    ev: Evaluation, last: Evaluation, span: str, t: Translator, money: Callable[[Decimal | None], str]
) -> list[tuple[str, str, str]]:
    """The company's side in the headline: its gain against its alternative, and the jobs its purchase carries.

    Review 64 F1, F7: a CSR lead found no figure for the company at the top, and copied the SØV's whole
    workforce (12 inclusive jobs, all customers) where 7.48 are attributable to the purchase.
    """
    out: list[tuple[str, str, str]] = []
    gain = ev.partnership.COMPANY_GAIN
    if gain is not None:
        # any multi-period result, one year of a horizon too, has the total (the years' own figures are below it)
        key = f"total.{gain}" if ev.breakdown else gain
        found = next((f for f in ev.figures if f.key == key and f.value is not None), None)
        if found is not None:  # its own label: over the years, "the gain of … over all years (2026–2028)"
            out.append((t.figure(found.key, found.label) + span, money(found.value), ""))
    figures = {f.key: f for f in last.figures}
    jobs, fte = figures.get("csr_inclusive_jobs"), figures.get("csr_inclusive_fte")
    if jobs is not None and fte is not None and jobs.value is not None and fte.value is not None:
        label = t.figure(jobs.key, jobs.label)
        if len(ev.breakdown) > 1:
            label = t(Text("msg.in_year", year=Period(last.ledger.period), text=Raw(label)))
        shown = f"{t.number(jobs.value)} · {t.number(fte.value)} {t.unit('FTE')}"
        out.append((label, html.escape(shown), ""))
    return out


@in_context
def _public_lines(
    part: Evaluation,
    several: bool,
    t: Translator,
    table: Callable[[list[str], list[list[str]], set[int]], str],
    money: Callable[[Decimal | None], str],
) -> str:
    """One period's public purse line by line, folded: payments with and without, refusion rates, assumptions.

    The totals above say what each payer gains; these say where it comes from (the
    fleksløntilskud, the refusion and its rate per group, the benefits otherwise paid).
    """
    esc = html.escape
    view = part.public
    assert view is not None  # noqa: S101 - called for periods with a public view
    rows = [
        [esc(t(f"ui.{line.payer}")), esc(t(line.item)), money(line.actual), money(line.counterfactual)]
        for line in view.lines
    ]
    rates = "; ".join(f"{t(group)} {t.percent(rate)}" for group, rate in view.refusion_rates.items())
    title = t("report.public_lines") + (f" {t.period(part.ledger.period)}" if several else "")
    if view.rates_year is not None:  # an earlier year's rates in kroner (constant prices, or past the published)
        title += f", {t(Text('ui.rates_in_kroner', first=view.rates_year))}"
    if rates:
        title += f" ({t('ui.refusion')}: {rates})"
    said = "".join(f"<li>{esc(t('ui.assumption'))}: {esc(t(a))}</li>" for a in view.assumptions)
    return (
        f"<details><summary>{esc(title)}</summary>"
        + table([esc(t(c)) for c in ("ui.payer", "ui.item", "ui.with", "ui.otherwise")], rows, {2, 3})
        + (f"<ul>{said}</ul>" if said else "")
        + "</details>"
    )


def write_report(
    evaluation: Evaluation, path: str | os.PathLike[str], *, lang: Lang = "en", charts: bool = True
) -> Path:
    """Write :func:`report_html` to ``path`` (UTF-8); returns the path.

    Raises:
        OutputError: the path does not end in ``.html`` or ``.htm``, is a directory, lies
            in a missing directory, or cannot be written (no permission), naming the path;
            checked before the page is built, as :func:`socialpartner.to_xlsx` does.

    """
    need_evaluation(evaluation, name="evaluation")
    need_flag(charts, "charts")
    out = check_output(path, (".html", ".htm"), "an HTML report")
    page = report_html(evaluation, lang=lang, charts=charts)
    with writing(out):
        out.write_text(page, encoding="utf-8")
    return out
