"""Charts for councils and boards (matplotlib; install ``socialpartner[charts]``).

Each function returns a matplotlib Figure, ready to show in a notebook or save:

- :func:`money_flow_chart`: who pays whom, one arrow per payer → payee with the amount;
- :func:`coverage_chart`: the support-staff cost against what covers it, by source;
- :func:`tornado_chart`: the inputs that move a result most (from :func:`socialpartner.tornado`);
- :func:`agreement_chart`: where the deal works for every party (from :func:`socialpartner.agreement`).
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from socialpartner.errors import SocialPartnerError
from socialpartner.evaluation import Evaluation

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from socialpartner.agreement_zone import AgreementZone

__all__ = ["agreement_chart", "coverage_chart", "money_flow_chart", "tornado_chart"]

_COLOURS = ["#1b6ca8", "#f2a541", "#3f9b5a", "#c8553d", "#7a5c99", "#4c9fb3", "#b08d57"]


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=120, layout="constrained")


def _money(value: Decimal | float) -> str:
    return f"{value:,.0f} DKK"


def money_flow_chart(evaluation: Evaluation) -> Figure:
    """Who pays whom: parties in three columns (only pay, both, only receive), arrows with amounts."""
    ledger = evaluation.ledger
    names = evaluation.parties
    pairs: dict[tuple[str, str], Decimal] = {}
    for t in ledger:
        pairs[(t.payer, t.payee)] = pairs.get((t.payer, t.payee), Decimal(0)) + t.amount
    pays = {p for p, _ in pairs}
    gets = {q for _, q in pairs}
    columns = {
        0: [p for p in ledger.parties if p in pays and p not in gets],
        1: [p for p in ledger.parties if p in pays and p in gets],
        2: [p for p in ledger.parties if p in gets and p not in pays],
    }
    # order each column by where its counterparties sit (one barycentre pass), so arrows cross less
    rank = {p: i for i, p in enumerate(columns[0])}
    for col in (1, 2):

        def weight(party: str, col: int = col) -> float:
            links = [rank[a] for a, b in pairs if b == party and a in rank]
            links += [rank[b] for a, b in pairs if a == party and b in rank]
            return sum(links) / len(links) if links else len(rank)

        columns[col].sort(key=weight)
        rank.update({p: i for i, p in enumerate(columns[col])})
    height = max(3.0, 1.3 * max(len(c) for c in columns.values()) + 1.2)
    fig = _figure(11, height)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(-0.2, 2.2)
    ax.set_ylim(-0.7, max(len(c) for c in columns.values()) - 0.3)
    position: dict[str, tuple[float, float]] = {}
    for col, members in columns.items():
        for i, party in enumerate(members):
            y = (max(len(c) for c in columns.values()) - 1) / 2 - (i - (len(members) - 1) / 2)
            position[party] = (col, y)
            ax.text(
                col,
                y,
                names.get(party, party),
                ha="center",
                va="center",
                fontsize=10,
                wrap=True,
                bbox={"boxstyle": "round,pad=0.5", "facecolor": "#eef3f8", "edgecolor": "#1b6ca8"},
            )

    def half_width(party: str) -> float:
        # a box's half width in data units: about 0.0085 per character at 10 pt on this canvas
        return 0.0085 * len(names.get(party, party)) + 0.07

    for i, ((payer, payee), amount) in enumerate(sorted(pairs.items(), key=lambda kv: -kv[1])):
        (x0, y0), (x1, y1) = position[payer], position[payee]
        direction = 1 if x1 >= x0 else -1
        start = (x0 + direction * half_width(payer), y0)
        end = (x1 - direction * half_width(payee), y1)
        if x0 == x1:  # same column: leave and enter on the right, curving outwards
            start, end = (x0 + half_width(payer), y0), (x1 + half_width(payee), y1)
        bend = 0.5 if x0 == x1 else 0.0
        colour = _COLOURS[i % len(_COLOURS)]
        ax.annotate(
            "",
            xy=end,
            xytext=start,
            arrowprops={
                "arrowstyle": "-|>",
                "color": colour,
                "lw": 1.8,
                "shrinkA": 2,
                "shrinkB": 2,
                "connectionstyle": f"arc3,rad={-bend}",
            },
        )
        mid = ((start[0] + end[0]) / 2 + (0.22 if x0 == x1 else 0), (start[1] + end[1]) / 2)
        ax.text(
            mid[0],
            mid[1],
            _money(amount),
            ha="center",
            va="center",
            fontsize=9,
            color=colour,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": colour, "alpha": 0.95},
        )
    ax.set_title(f"Who pays whom — {evaluation.partnership.name} ({ledger.period})", fontsize=11)
    return fig


def coverage_chart(evaluation: Evaluation) -> Figure:
    """The support-staff cost against its funding sources, stacked, with the coverage."""
    split = evaluation.cost_split
    fig = _figure(10, 3.4)
    ax = fig.add_subplot()
    left = 0.0
    for i, (source, amount) in enumerate(split.funding.items()):
        value = float(amount)
        ax.barh("funding", value, left=left if value >= 0 else 0, color=_COLOURS[i % len(_COLOURS)], label=source)
        if value > 0:
            if value >= 0.15 * max(float(split.cost), float(split.total_funding), 1.0):  # room for the label
                ax.text(left + value / 2, 0, _money(amount), ha="center", va="center", fontsize=9, color="white")
            left += value
    ax.barh("support-staff cost", float(split.cost), color="#8a8a8a", label="support-staff cost")
    ax.text(float(split.cost) / 2, 1, _money(split.cost), ha="center", va="center", fontsize=9, color="white")
    coverage = "—" if split.coverage is None else f"{float(split.coverage) * 100:.2f} %"
    verdict = f"surplus {_money(split.surplus)}" if split.surplus >= 0 else f"shortfall {_money(-split.surplus)}"
    ax.set_title(f"Support-staff cost coverage {coverage} ({verdict})", fontsize=11)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:,.0f}")
    ax.set_xlabel("DKK")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=3, frameon=False, fontsize=9)
    return fig


def tornado_chart(table: pd.DataFrame, result: str = "coverage") -> Figure:
    """Bars from each input's low to high result, largest swing on top (a tornado chart)."""
    rows = table.iloc[::-1]
    low, high = rows[f"{result} at low"].astype(float), rows[f"{result} at high"].astype(float)
    for (_, r), a, b in zip(rows.iterrows(), low, high, strict=True):
        if not (math.isfinite(a) and math.isfinite(b)):  # e.g. coverage at a support cost of zero
            end = f"low ({r['low']})" if not math.isfinite(a) else f"high ({r['high']})"
            raise SocialPartnerError(f"{r['input']}: {result} has no value at the {end} end; narrow the range")
    fig = _figure(10, 1.0 + 0.6 * len(table))
    ax = fig.add_subplot()
    labels = [f"{r['input']}\n{r['low']} → {r['high']}" for _, r in rows.iterrows()]
    start = [min(a, b) for a, b in zip(low, high, strict=True)]
    width = [abs(b - a) for a, b in zip(low, high, strict=True)]
    ax.barh(labels, width, left=start, color="#1b6ca8")
    for y, (a, b) in enumerate(zip(low, high, strict=True)):
        fmt: Any = (lambda v: f"{v * 100:.1f} %") if result == "coverage" else (lambda v: f"{v:,.0f}")
        box = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"}
        ax.text(min(a, b), y, fmt(min(a, b)) + " ", ha="right", va="center", fontsize=9, bbox=box, zorder=3)
        ax.text(max(a, b), y, " " + fmt(max(a, b)), ha="left", va="center", fontsize=9, bbox=box, zorder=3)
    if result == "coverage":
        ax.axvline(1.0, color="#c8553d", lw=1, ls="--", zorder=1)
        ax.xaxis.set_major_formatter(lambda x, _: f"{x * 100:.0f} %")
    ax.set_title(f"What moves {result} most (one input at a time)", fontsize=11)
    if len(rows):
        lo, hi = min(min(low), min(high)), max(max(low), max(high))
        pad = 0.18 * (hi - lo or abs(hi) or 1.0)  # room for the value labels at both ends
        ax.set_xlim(lo - pad, hi + pad)
    return fig


_AGREEMENT_DA = {
    "Zone of agreement": "Aftalezone",
    "zone of agreement": "aftalezone",
    "today's terms": "dagens vilkår",
    "gain over its floor (DKK)": "gevinst over sit minimum (kr.)",
    "the zone is empty": "zonen er tom",
    "covers its support staff": "dækker sit støttepersonale",
    "gains against its alternative": "vinder i forhold til sit alternativ",
    "gains from the helpers": "vinder på hjælperne",
    "no worse off than without the partnership": "ikke dårligere stillet end uden partnerskabet",
    "costs no more than it accepts": "koster højst hvad den accepterer",
    "pays no more than its limit": "betaler højst sin grænse",
    "suggested: equal gains": "forslag: lige store gevinster",
    "suggested: proportional gains": "forslag: gevinster i forhold til indsats",
}


def _da(text: str, lang: str) -> str:
    return _AGREEMENT_DA.get(text, text) if lang == "da" else text


def _view(zone: AgreementZone) -> list[tuple[float, float]]:
    """What to show of each input: the zone, today's terms and the suggestions, with room around them."""
    points = [tuple(float(x) for x in zone.current)]
    points += [tuple(float(x) for x in s.point) for s in zone.suggestions]
    points += [tuple(float(x) for x in v) for v in zone.vertices]
    points += [tuple(float(x) for x in v) for v in zone.inside]
    points += [(float(x),) for iv in zone.intervals for x in iv]
    points += [tuple(float(x) for x in s.at) for s in zone.binding]
    out = []
    for k, (lo, hi) in enumerate(zone.bounds):
        values = [p[k] for p in points]
        low, high = min(values), max(values)
        pad = 0.5 * (high - low) or 0.25 * abs(high) or 1.0
        out.append((max(float(lo), low - pad), min(float(hi), high + pad)))
    return out


def agreement_chart(zone: AgreementZone, lang: str = "en") -> Figure:
    """The zone of agreement (from :func:`socialpartner.agreement`), in English or Danish (``lang="da"``).

    Two inputs: the inputs on the axes, the zone shaded, each party's boundary as a
    labelled line, today's terms and the suggested points marked. One input: each
    party's gain over its floor against the input, the zone shaded.
    """
    import numpy as np

    if lang not in ("en", "da"):
        raise ValueError(f"lang: expected 'en' or 'da', got {lang!r}")
    fig = _figure(9, 6)
    ax = fig.add_subplot()
    view = _view(zone)
    (x_lo, x_hi) = view[0]
    names = [
        f"{b.condition.name}: {_da(b.condition.label, lang)}" + (f" ({b.condition.year})" if b.condition.year else "")
        for b in zone.boundaries
    ]
    markers = [("today's terms", tuple(float(x) for x in zone.current), "X", "#222222")]
    for s, colour in zip(zone.suggestions, ("#c8553d", "#7a5c99"), strict=False):
        short = "suggested: equal gains" if s.rule.startswith("equal") else "suggested: proportional gains"
        markers.append((short, tuple(float(x) for x in s.point), "*" if short.endswith("equal gains") else "o", colour))
    xs = np.linspace(x_lo, x_hi, 401)
    if len(zone.vary) == 1:
        for i, (b, name) in enumerate(zip(zone.boundaries, names, strict=True)):
            colour = _COLOURS[i % len(_COLOURS)]
            if b.coefficients is not None:
                a, c = (float(v) for v in b.coefficients)
                ax.plot(xs, a + c * xs, color=colour, lw=2, label=name)
            elif zone.grid is not None:
                ax.plot(zone.grid.axes[0], zone.grid.gains[i], color=colour, lw=2, label=name)
        ax.axhline(0, color="#8a8a8a", lw=1)
        for lo, hi in zone.intervals:
            ax.axvspan(float(lo), float(hi), color="#3f9b5a", alpha=0.18, label=_da("zone of agreement", lang))
        for label, (x,), marker, colour in markers:
            ax.axvline(x, color=colour, ls="--", lw=1)
            ax.plot([x], [0], marker=marker, color=colour, ms=11, ls="none", label=_da(label, lang))
        ax.set_ylabel(_da("gain over its floor (DKK)", lang))
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    else:
        (y_lo, y_hi) = view[1]
        if zone.vertices:
            ax.fill(
                [float(x) for x, _ in zone.vertices],
                [float(y) for _, y in zone.vertices],
                color="#3f9b5a",
                alpha=0.25,
                label=_da("zone of agreement", lang),
            )
        elif zone.inside and zone.grid is not None:
            # every condition holds where the smallest gain is at least zero
            gx, gy = zone.grid.axes
            least = np.nanmin(np.stack([np.asarray(g, dtype=float) for g in zone.grid.gains]), axis=0).T
            ax.contourf(gx, gy, least, levels=[0.0, np.inf], colors=["#3f9b5a"], alpha=0.25)
            ax.fill([], [], color="#3f9b5a", alpha=0.25, label=_da("zone of agreement", lang))
        for i, (b, name) in enumerate(zip(zone.boundaries, names, strict=True)):
            colour = _COLOURS[i % len(_COLOURS)]
            if b.coefficients is not None:
                a, c1, c2 = (float(v) for v in b.coefficients)
                if c2 != 0:
                    ys = -(a + c1 * xs) / c2
                    keep = (ys >= y_lo) & (ys <= y_hi)
                    line_x, line_y = xs[keep], ys[keep]
                elif c1 != 0:
                    line_x, line_y = np.full(2, -a / c1), np.array([y_lo, y_hi])
                else:
                    continue  # the input does not move this party's gain: no line to draw
                if len(line_x):
                    ax.plot(line_x, line_y, color=colour, lw=2, label=name)
                    at = (
                        line_x[0] + 0.3 * (line_x[-1] - line_x[0]),
                        line_y[0] + 0.3 * (line_y[-1] - line_y[0]),
                    )
                    ax.annotate(
                        b.condition.name,
                        at,
                        fontsize=8,
                        color=colour,
                        xytext=(4, 4),
                        textcoords="offset points",
                    )
            elif zone.grid is not None:
                gx, gy = zone.grid.axes
                values = np.asarray(zone.grid.gains[i], dtype=float).T
                if np.nanmin(values) < 0 < np.nanmax(values):
                    ax.contour(gx, gy, values, levels=[0.0], colors=[colour], linewidths=2)
                    ax.plot([], [], color=colour, lw=2, label=name)
        for label, point, marker, colour in markers:
            ax.plot([point[0]], [point[1]], marker=marker, color=colour, ms=12, ls="none", label=_da(label, lang))
        ax.set_xlim(x_lo, x_hi)
        ax.set_ylim(y_lo, y_hi)
        ax.set_ylabel(f"{zone.vary[1]} ({zone.units[1]})")
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    ax.set_xlim(x_lo, x_hi)
    ax.set_xlabel(f"{zone.vary[0]} ({zone.units[0]})")
    title = _da("Zone of agreement", lang)
    if zone.empty:
        title += f" — {_da('the zone is empty', lang)}"
    ax.set_title(f"{title}: {zone.partnership.name if zone.partnership is not None else ''}", fontsize=11)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False, fontsize=8)
    return fig
