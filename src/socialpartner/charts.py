"""Charts for councils and boards (matplotlib; install ``socialpartner[charts]``).

Each function returns a matplotlib Figure, ready to show in a notebook or save:

- :func:`money_flow_chart`: who pays whom, one arrow per payer → payee with the amount;
- :func:`coverage_chart`: the support-staff cost against what covers it, by source;
- :func:`tornado_chart`: the inputs that move a result most (from :func:`socialpartner.tornado`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from socialpartner.evaluation import Evaluation

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["coverage_chart", "money_flow_chart", "tornado_chart"]

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
    fig = _figure(10, 1.0 + 0.6 * len(table))
    ax = fig.add_subplot()
    rows = table.iloc[::-1]
    low, high = rows[f"{result} at low"].astype(float), rows[f"{result} at high"].astype(float)
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
