"""Charts for councils and boards (matplotlib; install ``socialpartner[charts]``).

Each function returns a matplotlib Figure, ready to show in a notebook or save, with its
words and numbers in English (``lang="en"``) or Danish (``lang="da"``):

- :func:`money_flow_chart`: who pays whom, one arrow per payer → payee with the amount;
- :func:`coverage_chart`: the support-staff cost against what covers it, by source;
- :func:`tornado_chart`: the inputs that move a result most (from :func:`socialpartner.tornado`);
- :func:`agreement_chart`: where the deal works for every party (from :func:`socialpartner.agreement`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from socialpartner._internal.i18n import TEXT, Lang, Text, Translator
from socialpartner.errors import SocialPartnerError
from socialpartner.evaluation import Evaluation
from socialpartner.money import round_half_up

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from socialpartner.agreement_zone import AgreementZone

__all__ = ["agreement_chart", "coverage_chart", "money_flow_chart", "need_matplotlib", "tornado_chart"]

_COLOURS = ["#1b6ca8", "#f2a541", "#3f9b5a", "#c8553d", "#7a5c99", "#4c9fb3", "#b08d57"]
_LOW, _HIGH = "#f2a541", "#1b6ca8"  # tornado: the input at its low end, at its high end
_COST = "#8a8a8a"


def need_matplotlib() -> None:
    """Raise an :class:`ImportError` with the install hint where matplotlib is missing (an optional extra).

    Raises:
        ImportError: ``charts need matplotlib: pip install 'socialpartner[charts]'``.

    """
    try:
        import matplotlib  # noqa: F401 - imported where a chart is drawn; here only found
    except ImportError:
        raise ImportError("charts need matplotlib: pip install 'socialpartner[charts]'", name="matplotlib") from None


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=120, layout="constrained")


def _money(value: Decimal | float, t: Translator) -> str:
    """Whole kroner for a chart label: ``432,900 DKK`` / ``432.900 kr.``."""
    return f"{t.number(Decimal(repr(float(value))) if isinstance(value, float) else value, 0)} {t('ui.dkk')}"


def money_flow_chart(evaluation: Evaluation, *, lang: Lang = "en") -> Figure:
    """Who pays whom: parties in three columns (only pay, both, only receive), arrows with amounts.

    Each amount sits on its own arrow (straight between columns, curved within one), at
    the first point along it clear of the amounts already placed and of the other arrows.
    """
    need_matplotlib()
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path as MplPath

    t = Translator(lang)
    ledger = evaluation.ledger
    names = {p: t(evaluation.parties.get(p, p)) for p in ledger.parties}
    pairs: dict[tuple[str, str], Decimal] = {}
    for tr in ledger:
        pairs[(tr.payer, tr.payee)] = pairs.get((tr.payer, tr.payee), Decimal(0)) + tr.amount
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
    tallest = max(len(c) for c in columns.values())
    height = max(3.0, 1.3 * tallest + 1.2)
    fig = _figure(11, height)
    ax = fig.add_subplot()
    ax.set_axis_off()
    # room on the right for the curves between parties of the same column
    curves = any(c == d for a, b in pairs for c in columns if a in columns[c] for d in columns if b in columns[d])
    ax.set_xlim(-0.2, 2.55 if curves else 2.2)
    ax.set_ylim(-0.7, tallest - 0.3)
    position: dict[str, tuple[float, float]] = {}
    for col, members in columns.items():
        for i, party in enumerate(members):
            y = (tallest - 1) / 2 - (i - (len(members) - 1) / 2)
            position[party] = (col, y)
            ax.text(
                col,
                y,
                names[party],
                ha="center",
                va="center",
                fontsize=10,
                wrap=True,
                bbox={"boxstyle": "round,pad=0.5", "facecolor": "#eef3f8", "edgecolor": "#1b6ca8"},
            )

    def half_width(party: str) -> float:
        # a box's half width in data units: about 0.0085 per character at 10 pt on this canvas
        return 0.0085 * len(names[party]) + 0.07

    # every arrow's path first, then the labels (each on its own arrow, clear of the others)
    arrows = []
    for i, ((payer, payee), amount) in enumerate(sorted(pairs.items(), key=lambda kv: -kv[1])):
        (x0, y0), (x1, y1) = position[payer], position[payee]
        if x0 == x1:  # same column: leave and enter on the right, curving outwards
            start, end = (x0 + half_width(payer), y0), (x1 + half_width(payee), y1)
            bulge = 0.35 + 0.08 * abs(y1 - y0)
            control = (max(start[0], end[0]) + bulge, (y0 + y1) / 2)
            path = MplPath([start, control, end], [MplPath.MOVETO, MplPath.CURVE3, MplPath.CURVE3])
        else:
            direction = 1 if x1 > x0 else -1
            start = (x0 + direction * half_width(payer), y0)
            end = (x1 - direction * half_width(payee), y1)
            control = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)  # a straight line as a quadratic curve
            path = MplPath([start, end], [MplPath.MOVETO, MplPath.LINETO])
        arrows.append((amount, _COLOURS[i % len(_COLOURS)], path, (start, control, end)))
    # a label's half width and height with its box (9 pt text: about 0.062 inch a character),
    # in data units: the axes' span over their size in inches
    box = ax.get_position()
    across = (ax.get_xlim()[1] - ax.get_xlim()[0]) / (box.width * fig.get_figwidth())
    up = (ax.get_ylim()[1] - ax.get_ylim()[0]) / (box.height * fig.get_figheight())
    sizes = [((0.031 * len(_money(amount, t)) + 0.11) * across, 0.09 * up) for amount, *_ in arrows]
    spots = _label_spots([curve for *_, curve in arrows], sizes)
    for (amount, colour, path, _), label in zip(arrows, spots, strict=True):
        ax.add_patch(FancyArrowPatch(path=path, arrowstyle="-|>", mutation_scale=14, color=colour, lw=1.8, zorder=2))
        ax.text(
            label[0],
            label[1],
            _money(amount, t),
            ha="center",
            va="center",
            fontsize=9,
            color=colour,
            zorder=3,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": colour, "alpha": 0.95},
        )
    title = f"{t('ui.who_pays_whom')} — {evaluation.partnership.name} ({t.period(ledger.period)})"
    ax.set_title(title, fontsize=11)
    return fig


def _label_spots(curves: list[tuple[tuple[float, float], ...]], sizes: list[tuple[float, float]]) -> list[Any]:
    """Where each arrow's label goes: a spot on its own arrow, clear of the other labels and arrows.

    ``curves`` are the arrows as quadratic curves (start, control, end), ``sizes`` their
    labels' half widths and heights. Each label has a few spots along its arrow (from the
    middle outwards); the chosen spots keep labels off each other first, then off the
    other arrows (those crossing a label's box, with a little room around it), nearest
    the middle among equals. Labels move two at a time to their best pair of spots, so
    two labels in each other's way can both move, until no pair improves.
    """
    shares = sorted((k / 20 for k in range(4, 17)), key=lambda share: abs(share - 0.5))
    n, m = len(curves), len(shares)
    spots = [[_on_curve(curve, share) for share in shares] for curve in curves]
    along = [[_on_curve(curve, k / 40) for k in range(41)] for curve in curves]
    crossed = [  # per label and spot: how many other arrows cross its box
        [
            sum(
                any(_covers(spot, q, 1.15 * sizes[i][0], 1.2 * sizes[i][1]) for q in along[j])
                for j in range(n)
                if j != i
            )
            for spot in spots[i]
        ]
        for i in range(n)
    ]

    def overlap(i: int, k: int, j: int, l: int) -> int:  # noqa: E741 - two spots' indices
        width, height = sizes[i][0] + sizes[j][0], sizes[i][1] + sizes[j][1]
        return 100 * _covers(spots[i][k], spots[j][l], width, height)  # a label on a label outweighs any arrow

    chosen = [min(range(m), key=lambda k: crossed[i][k]) for i in range(n)]

    def cost(i: int, k: int, j: int, l: int) -> tuple[int, int]:  # noqa: E741
        rest = (r for r in range(n) if r not in (i, j))
        around = sum(overlap(i, k, r, chosen[r]) + overlap(j, l, r, chosen[r]) for r in rest)
        return crossed[i][k] + crossed[j][l] + overlap(i, k, j, l) + around, k + l

    for _ in range(4):
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                pairs = ((k, l) for k in range(m) for l in range(m))  # noqa: E741
                k, l = min(pairs, key=lambda kl: cost(i, kl[0], j, kl[1]))  # noqa: E741
                if cost(i, k, j, l)[0] < cost(i, chosen[i], j, chosen[j])[0]:
                    chosen[i], chosen[j], moved = k, l, True
        if not moved:
            break
    return [spots[i][chosen[i]] for i in range(n)]


def _on_curve(curve: tuple[tuple[float, float], ...], s: float) -> tuple[float, float]:
    """The point at ``s`` (0 to 1) along a quadratic curve (start, control, end)."""
    (ax, ay), (bx, by), (cx, cy) = curve
    u = 1 - s
    return (u * u * ax + 2 * u * s * bx + s * s * cx, u * u * ay + 2 * u * s * by + s * s * cy)


def _covers(spot: tuple[float, float], point: tuple[float, float], dx: float, dy: float) -> bool:
    """Whether ``point`` lies within ``dx`` across and ``dy`` up or down of ``spot`` (data units)."""
    return abs(spot[0] - point[0]) < dx and abs(spot[1] - point[1]) < dy


def coverage_chart(evaluation: Evaluation, *, lang: Lang = "en") -> Figure:
    """The support-staff cost against its funding sources, with the coverage.

    The funding bar stacks the positive sources from zero; a negative source (a cost
    netted against funding, e.g. a spin-off's wages) is drawn hatched, back from their
    total to the net funding, which a black line marks. Each source's amount is in the
    legend; only segments wide enough carry it on the bar too, so labels never overlap.
    """
    need_matplotlib()
    t = Translator(lang)
    split = evaluation.cost_split
    fig = _figure(10, 4.4 if any(v < 0 for v in split.funding.values()) else 3.8)
    ax = fig.add_subplot()
    positives = {k: v for k, v in split.funding.items() if v > 0}
    negatives = {k: v for k, v in split.funding.items() if v < 0}
    top = float(sum(positives.values(), Decimal(0)))
    span = max(float(split.cost), top, 1.0)
    funding_row, cost_row = t("ui.funding"), t("ui.support_cost")
    left = 0.0
    colour = iter(_COLOURS)
    for source, amount in positives.items():
        value = float(amount)
        ax.barh(funding_row, value, left=left, color=next(colour), label=f"{t(source)}: {_money(amount, t)}")
        if value >= 0.14 * span:  # room for the label inside the bar
            ax.text(left + value / 2, 0, _money(amount, t), ha="center", va="center", fontsize=9, color="white")
        left += value
    net_row = t("ui.netted_costs")
    for source, amount in negatives.items():  # on a row of their own, back from the total
        value = float(-amount)
        ax.barh(
            net_row,
            value,
            left=left - value,
            color="white",
            edgecolor="#c8553d",
            hatch="///",
            label=f"{t('ui.less')} {t(source)}: {_money(amount, t)}",
        )
        if value >= 0.14 * span:
            ax.text(left - value / 2, 1, _money(amount, t), ha="center", va="center", fontsize=9, color="#c8553d")
        left -= value
    if negatives:
        ax.axvline(left, color="black", lw=1.5, label=f"{t('ui.net_funding')}: {_money(split.total_funding, t)}")
    ax.barh(cost_row, float(split.cost), color=_COST, label=f"{cost_row}: {_money(split.cost, t)}")
    ax.text(
        float(split.cost) / 2,
        2 if negatives else 1,
        _money(split.cost, t),
        ha="center",
        va="center",
        fontsize=9,
        color="white",
    )
    coverage = t.percent(split.coverage)
    # the title's surplus or shortfall to the øre, as the headline beside the chart gives it (review 63 no. 32:
    # "81.705 kr." beside "81.704,64 kr."); the bars' labels stay in whole kroner
    verdict = (
        f"{t('ui.surplus').lower()} {t.number(split.surplus)} {t('ui.dkk')}"
        if split.surplus >= 0
        else f"{t('ui.shortfall').lower()} {t.number(-split.surplus)} {t('ui.dkk')}"
    )
    # over several years: the years the figures sum, as the flows chart says them (review 61 M1)
    years = f", {t.period(evaluation.ledger.period)}" if evaluation.breakdown and len(evaluation.breakdown) > 1 else ""
    ax.set_title(f"{t('ui.coverage')} {coverage} ({verdict}{years})", fontsize=11)
    ax.xaxis.set_major_formatter(_tick(t))
    ax.set_xlabel(t("ui.dkk"))
    ax.set_xlim(min(0.0, left) - 0.02 * span, 1.04 * span)
    fig.legend(loc="outside lower center", ncol=2, frameon=False, fontsize=9)
    return fig


def _inside_ranges(
    rows: pd.DataFrame, result: str, low: pd.Series[float], high: pd.Series[float]
) -> list[tuple[float, float] | None]:
    """Per row, the result's (min, max) over the range where it goes beyond its values at the ends, else None."""
    if f"{result} min" not in rows or f"{result} max" not in rows:
        return [None] * len(rows)
    out: list[tuple[float, float] | None] = []
    for least, most, a, b in zip(rows[f"{result} min"], rows[f"{result} max"], low, high, strict=True):
        least, most = float(least), float(most)
        slack = 1e-9 * max(1.0, abs(a), abs(b))
        beyond = (
            math.isfinite(least) and math.isfinite(most) and (least < min(a, b) - slack or most > max(a, b) + slack)
        )
        out.append((least, most) if beyond else None)
    return out


def tornado_chart(
    table: pd.DataFrame,
    result: str = "coverage",
    *,
    baseline: float | None = None,
    labels: Mapping[str, str] | None = None,
    lang: Lang = "en",
) -> Figure:
    """What moves a result most (a tornado chart).

    Per input, a bar from the baseline to the result at its low end
    (orange) and at its high end (blue), largest swing on top. Where the result goes
    beyond its values at the ends within the range (the table's ``min`` and ``max``
    columns), a thin black line spans its values over the range: an input whose result
    rises and falls inside the range is not mistaken for one that moves nothing.

    Args:
        table: from :func:`socialpartner.tornado`.
        result: the result the table was made for.
        baseline: the result with every input as given (a vertical line); without it,
            the middle of each bar.
        labels: words for the inputs, e.g. ``{"courses.price": "course price"}``;
            without them, the input's name where the library knows it (a field of a
            line with the line's path: ``wage cost (helpers.0)``), else its path in words
            (``courses › price``).
        lang: ``en`` or ``da``.

    """
    need_matplotlib()
    t = Translator(lang)
    rows = table.iloc[::-1]
    low, high = rows[f"{result} at low"].astype(float), rows[f"{result} at high"].astype(float)
    for (_, r), a, b in zip(rows.iterrows(), low, high, strict=True):
        if not (math.isfinite(a) and math.isfinite(b)):  # e.g. coverage at a support cost of zero
            end = f"low ({r['low']})" if not math.isfinite(a) else f"high ({r['high']})"
            raise SocialPartnerError(f"{r['input']}: {result} has no value at the {end} end; narrow the range")
    fig = _figure(10, 1.4 + 0.65 * len(table))
    ax = fig.add_subplot()
    ratio = result == "coverage" or "share" in result

    def words(path: str) -> str:
        if labels and path in labels:
            return t(labels[path])
        if f"input.{path}" in TEXT:
            return t(f"input.{path}")
        line, _, field = path.rpartition(".")
        if line.rpartition(".")[2].isdigit() and f"field.{field}" in TEXT:  # helpers.0.wage_cost
            return f"{t(f'field.{field}')} ({line})"
        return " › ".join(part.replace("_", " ") for part in path.split("."))

    def fmt(value: float) -> str:
        shown = round_half_up(Decimal(repr(value * 100 if ratio else value)), 2 if ratio else 0)
        return f"{t.number(shown, 2)} %" if ratio else t.number(shown, 0)

    names = [
        f"{words(str(r['input']))}\n{t.parameter_value(str(r['low']))} → {t.parameter_value(str(r['high']))}"
        for _, r in rows.iterrows()
    ]
    inside = _inside_ranges(rows, result, low, high)
    first = next((y for y, span in enumerate(inside) if span is not None), None)  # one legend entry
    for y, (a, b) in enumerate(zip(low, high, strict=True)):
        centre = baseline if baseline is not None else (a + b) / 2
        span = inside[y]
        if span is not None:
            label = t("chart.inside_range") if y == first else None
            ax.plot(span, (y, y), color="black", lw=1.2, marker="|", markersize=12, zorder=4, label=label)
        ax.barh(y, a - centre, left=centre, color=_LOW, label=t("chart.at_low") if y == 0 else None)
        ax.barh(y, b - centre, left=centre, color=_HIGH, label=t("chart.at_high") if y == 0 else None)
        box = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"}
        for value in (a, b):
            right = value >= centre
            ax.text(
                value,
                y,
                (" " + fmt(value)) if right else (fmt(value) + " "),
                ha="left" if right else "right",
                va="center",
                fontsize=9,
                bbox=box,
                zorder=3,
            )
    ax.set_yticks(range(len(names)), names)
    if baseline is not None:
        ax.axvline(baseline, color="black", lw=1.2, zorder=2, label=f"{t('chart.baseline')}: {fmt(baseline)}")
    tick = _tick(t)  # with the decimals a tick has: one at 82.5 % reads 82,5 %, never a rounded 82 %
    if ratio:
        ax.xaxis.set_major_formatter(lambda x, pos: f"{tick(x * 100, pos)} %")
    else:
        ax.xaxis.set_major_formatter(tick)
    what = t(f"cli.{result}") if f"cli.{result}" in TEXT else result
    ax.set_title(t(Text("chart.tornado_title", result=what)), fontsize=11)
    if len(rows):
        values = [*low, *high, *([baseline] if baseline is not None else [])]
        values += [x for span in inside if span is not None for x in span]
        lo, hi = min(values), max(values)
        pad = 0.2 * (hi - lo or abs(hi) or 1.0)  # room for the value labels at both ends
        ax.set_xlim(lo - pad, hi + pad)
    x_lo, x_hi = ax.get_xlim()
    if ratio and x_lo <= 1.0 <= x_hi:  # full coverage: only where the axis shows it (the legend lists it)
        ax.axvline(1.0, color="#c8553d", lw=1, ls="--", zorder=1, label=t("chart.full_coverage"))
    fig.legend(loc="outside lower center", ncol=4, frameon=False, fontsize=9)
    return fig


def _tick(t: Translator) -> Callable[[float, object], str]:
    """An axis tick in the chart's language: ``16,000`` / ``16.000``, decimals only where the tick has them."""

    def label(value: float, _: object) -> str:
        shown = Decimal(repr(round(float(value), 2))).normalize() + 0  # + 0: no "-0"
        return t.number(shown, max(0, -int(shown.as_tuple().exponent)))

    return label


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


def _axis_label(path: str, unit: str, t: Translator) -> str:
    """An input's axis label: its path and unit, without empty brackets for a pure number."""
    shown = t.stated_unit(unit) if unit else ""
    return f"{path} ({shown})" if shown else path


_Marker = tuple[str, tuple[float, ...], str, str]


def _marker_sizes(markers: list[_Marker], size: float) -> list[tuple[str, tuple[float, ...], str, str, float]]:
    """Each marker with its size: where markers coincide, each later one larger, drawn as a ring round the others.

    Both suggestions often fall on the same point (a corner of the zone); drawn alike, the
    star would hide under the circle.
    """
    out: list[tuple[str, tuple[float, ...], str, str, float]] = []
    for label, point, marker, colour in markers:
        under = sum(1 for _, other, *_ in out if _close(other, point))
        out.append((label, point, marker, colour, size * (1 + 0.7 * under)))
    return out


def _close(p: tuple[float, ...], q: tuple[float, ...]) -> bool:
    return all(abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b)) for a, b in zip(p, q, strict=True))


def _marker_style(marker: str, colour: str, size: float) -> dict[str, Any]:
    """A filled marker; an enlarged one (coinciding with another) as a ring, so the one inside shows."""
    ring = marker == "o" and size > 12
    return {
        "marker": marker,
        "ms": size,
        "color": colour,
        "markerfacecolor": "none" if ring else colour,
        "markeredgewidth": 2.5 if ring else 1.0,
        "zorder": 5 + 10 / size,  # a smaller marker is drawn on top of a larger one
    }


def _label_spot(
    xs: Any, ys: Any, placed: list[tuple[float, float]], view: list[tuple[float, float]]
) -> tuple[float, float]:
    """Where on a boundary line to put its label: the spot farthest (on the chart) from labels already placed."""
    (x_lo, x_hi), (y_lo, y_hi) = view
    width, height = (x_hi - x_lo) or 1.0, (y_hi - y_lo) or 1.0
    spots = []
    for share in (0.3, 0.7, 0.5, 0.15, 0.85):
        spots.append((float(xs[0] + share * (xs[-1] - xs[0])), float(ys[0] + share * (ys[-1] - ys[0]))))
    if not placed:
        return spots[0]

    def room(spot: tuple[float, float]) -> float:
        return min(math.hypot((spot[0] - x) / width, (spot[1] - y) / height) for x, y in placed)

    return max(spots, key=room)


def agreement_chart(zone: AgreementZone, lang: str = "en") -> Figure:
    """The zone of agreement (from :func:`socialpartner.agreement`), in English or Danish (``lang="da"``).

    Two inputs: the inputs on the axes, the zone shaded, each party's boundary as a
    labelled line, today's terms and the suggested points marked. One input: each
    party's gain over its floor against the input, the zone shaded.
    """
    need_matplotlib()
    import numpy as np

    t = Translator(cast("Lang", lang))  # raises on a language it does not know
    fig = _figure(9, 6)
    ax = fig.add_subplot()
    view = _view(zone)
    (x_lo, x_hi) = view[0]
    names = [
        f"{b.condition.name}: {t(b.condition.label)}" + (f" ({t.period(b.condition.year)})" if b.condition.year else "")
        for b in zone.boundaries
    ]
    markers = [("agree.chart.today", tuple(float(x) for x in zone.current), "X", "#222222")]
    for s, colour in zip(zone.suggestions, ("#c8553d", "#7a5c99"), strict=False):
        rule = getattr(s.rule, "key", None) or s.rule  # the rule's text key (a plain string once read back)
        equal = "proportional" not in rule
        short = "agree.chart.proportional"
        if equal:
            short = "agree.chart.maxmin" if "maxmin" in rule else "agree.chart.equal"
        markers.append((short, tuple(float(x) for x in s.point), "*" if equal else "o", colour))
    xs = np.linspace(x_lo, x_hi, 401)
    if len(zone.vary) == 1:
        for i, (b, name) in enumerate(zip(zone.boundaries, names, strict=True)):
            colour = _COLOURS[i % len(_COLOURS)]
            if b.coefficients is not None:
                a, c = (float(v) for v in b.coefficients)
                ax.plot(xs, a + c * xs, color=colour, lw=2, label=name)
            elif zone.grid is not None:
                gain = np.asarray(zone.grid.gains[i], dtype=float)
                known = ~np.isnan(gain)  # points the scenario refuses are left out, not gaps in the line
                ax.plot(np.asarray(zone.grid.axes[0])[known], gain[known], color=colour, lw=2, label=name)
        ax.axhline(0, color="#8a8a8a", lw=1)
        for k, (lo, hi) in enumerate(zone.intervals):  # one legend entry for the zone, however many pieces
            zone_label = t("agree.chart.zone") if k == 0 else None
            ax.axvspan(float(lo), float(hi), color="#3f9b5a", alpha=0.18, label=zone_label)
        for label, (x,), marker, colour, size in _marker_sizes(markers, 11):
            ax.axvline(x, color=colour, ls="--", lw=1)
            ax.plot([x], [0], ls="none", label=t(label), clip_on=False, **_marker_style(marker, colour, size))
        ax.set_ylabel(t("agree.chart.gain"))
        ax.yaxis.set_major_formatter(_tick(t))
    else:
        (y_lo, y_hi) = view[1]
        if zone.vertices:
            ax.fill(
                [float(x) for x, _ in zone.vertices],
                [float(y) for _, y in zone.vertices],
                color="#3f9b5a",
                alpha=0.25,
                label=t("agree.chart.zone"),
            )
        elif zone.inside and zone.grid is not None:
            # every condition holds where the smallest gain is at least zero
            gx, gy = zone.grid.axes
            least = np.nanmin(np.stack([np.asarray(g, dtype=float) for g in zone.grid.gains]), axis=0).T
            ax.contourf(gx, gy, least, levels=[0.0, np.inf], colors=["#3f9b5a"], alpha=0.25)
            ax.fill([], [], color="#3f9b5a", alpha=0.25, label=t("agree.chart.zone"))
        placed: list[tuple[float, float]] = []  # where boundary labels went: the next goes elsewhere
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
                    at = _label_spot(line_x, line_y, placed, view)
                    placed.append(at)
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
        for label, point, marker, colour, size in _marker_sizes(markers, 12):
            ax.plot(
                [point[0]], [point[1]], ls="none", label=t(label), clip_on=False, **_marker_style(marker, colour, size)
            )
        ax.set_xlim(x_lo, x_hi)
        ax.set_ylim(y_lo, y_hi)
        ax.set_ylabel(_axis_label(zone.vary[1], zone.units[1], t))
        ax.yaxis.set_major_formatter(_tick(t))
    ax.set_xlim(x_lo, x_hi)
    ax.set_xlabel(_axis_label(zone.vary[0], zone.units[0], t))
    ax.xaxis.set_major_formatter(_tick(t))
    title = t("agree.chart.title")
    if zone.empty:
        title += f" — {t('agree.chart.empty')}"
    ax.set_title(f"{title}: {zone.partnership.name if zone.partnership is not None else ''}", fontsize=11)
    legend = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False, fontsize=8)
    from matplotlib.lines import Line2D

    for handle in legend.legend_handles:  # a ring enlarged round another marker: its usual size in the legend
        if isinstance(handle, Line2D):
            handle.set_markersize(min(float(handle.get_markersize()), 12.0))
    return fig
