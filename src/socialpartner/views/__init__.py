"""Views of an evaluation: each a function of the result record, in a module of its own.

- :mod:`~socialpartner.views.explain`: how a figure was computed (``explain``, ``topics``);
- :mod:`~socialpartner.views.data`: JSON-ready data (``to_dict``, ``manifest``);
- :mod:`~socialpartner.views.frames`: pandas DataFrames (``to_frame``, ``summary_frame``);
- :mod:`~socialpartner.views.html`: the HTML shown in Jupyter (``to_html``);
- :mod:`~socialpartner.views.tables`: the terminal tables of ``socialpartner evaluate``.

:class:`~socialpartner.Evaluation` keeps thin methods (``explain``, ``to_dict``,
``to_frame``, …) that call these, so ``ev.to_dict()`` and ``to_dict(ev)`` are the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialpartner._internal.i18n import Raw, Text, Translator

if TYPE_CHECKING:
    from socialpartner.evaluation import BreakEven


def break_even_note(b: BreakEven, t: Translator) -> str:
    """The note beside a break-even price: covered at zero, no volume, or the øre price that covers.

    Empty when the price shown covers the cost.
    """
    if b.value is None:
        return t("ui.no_volume")
    if b.already_covered:
        return t("ui.covered_at_zero")
    # a markup written as a percentage is negotiated in percent: only the percentage's rounding counts
    if b.percent is not None:
        if b.covering_percent is not None and b.covering_percent != b.percent:
            return t(Text("msg.break_even_covers", price=Raw(f"{t.number(b.covering_percent)} %")))
        return ""
    if b.covering is not None and b.covering != b.value:
        return t(Text("msg.break_even_covers", price=Raw(f"{t.number(b.covering)} {t.unit(b.unit)}")))
    return ""
