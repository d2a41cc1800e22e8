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

from typing import TYPE_CHECKING, NamedTuple

from socialpartner._internal.glossary import input_label, input_value
from socialpartner._internal.i18n import Raw, Text, Translator
from socialpartner._internal.paths import flatten
from socialpartner.public import PAYERS, Payer, PublicView

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from socialpartner.evaluation import BreakEven, Evaluation
    from socialpartner.models._base import Partnership
    from socialpartner.parameters import ParameterValue


class PublicColumn(NamedTuple):
    """One column of a public payer's net effect: its label's key, the payer, and before tax or not."""

    label: str
    payer: Payer
    before_tax: bool

    @property
    def result(self) -> str:
        """The result's name (``public.municipality``, ``public.state.before_tax``)."""
        return f"public.{self.payer}{'.before_tax' if self.before_tax else ''}"

    @property
    def heading(self) -> Text:
        """The column's label with its payer (*nettovirkning for kommunen før skat*), to render in a language."""
        return Text(self.label, payer=Text(f"ui.{self.payer}"))

    def of(self, view: PublicView) -> Decimal:
        """The column's amount in one period's public view."""
        return view.net_effect_before_tax(self.payer) if self.before_tax else view.net_effect(self.payer)


def public_columns(taxed: bool) -> tuple[PublicColumn, ...]:
    """The public net effect's columns per payer.

    With tax counted each payer has two, before and after tax, each said: an after-tax net effect
    read as a budget line would count the income tax as the jobcenter's own (review 50 F4).
    """
    if not taxed:
        return tuple(PublicColumn("cli.public_of", payer, False) for payer in PAYERS)
    return tuple(
        PublicColumn(key, payer, before)
        for payer in PAYERS
        for key, before in (("cli.public_before_tax_of", True), ("cli.public_after_tax_of", False))
    )


def tax_counted(ev: Evaluation) -> bool:
    """Whether an evaluation's public view counts tax (in any of its years)."""
    return any(part.public is not None and part.public.taxed for part in (ev, *ev.breakdown))


def break_even_note(b: BreakEven, t: Translator) -> str:
    """The note beside a break-even price: covered at zero, no volume, or the øre price that covers.

    Empty when the price shown covers the cost.
    """
    if b.value is None:
        return t("ui.no_volume")
    if b.already_covered:
        return t("ui.covered_at_zero")
    # a markup written as a percentage is shown as both a price and a percentage, each rounded once
    # from the exact rate: either may fall just below it (72.12 DKK/hour covers, 43.57 % does not)
    if b.percent is not None:
        covering = b.value if b.covering is None else b.covering
        covering_percent = b.percent if b.covering_percent is None else b.covering_percent
        price_short, percent_short = covering != b.value, covering_percent != b.percent
        price, percent = f"{t.number(covering)} {t.unit(b.unit)}", f"{t.number(covering_percent)} %"
        if price_short and percent_short:
            return t(Text("msg.break_even_covers", price=Raw(f"{price} ({percent})")))
        if percent_short:
            return t(Text("msg.break_even_percent_covers", percent=Raw(percent)))
        if price_short:
            return t(Text("msg.break_even_price_covers", price=Raw(price)))
        return ""
    if b.covering is not None and b.covering != b.value:
        return t(Text("msg.break_even_covers", price=Raw(f"{t.number(b.covering)} {t.unit(b.unit)}")))
    return ""


def parameter_year(v: ParameterValue, used_for: tuple[int, ...], t: Translator) -> str:
    """A parameter value's year, and the years it was used for where they differ: ``2021 (for 2026–2029)``."""
    if not used_for:
        return str(v.year)
    spans: list[str] = []
    start = prev = used_for[0]
    for year in (*used_for[1:], None):
        if year is not None and year == prev + 1:
            prev = year
            continue
        spans.append(str(start) if start == prev else f"{start}–{prev}")
        if year is not None:
            start = prev = year
    return f"{v.year} ({t(Text('ui.for_year', year=Raw(', '.join(spans))))})"


def used_parameters(values: Iterable[ParameterValue]) -> list[tuple[ParameterValue, tuple[int, ...]]]:
    """Each parameter value once (a year's value used in several years is one row), with those years."""
    rows: dict[tuple[str, int, str, str, str], tuple[ParameterValue, list[int]]] = {}
    for v in values:
        _, years = rows.setdefault((v.name, v.year, str(v.value), v.tag, v.source), (v, []))
        if v.for_year is not None and v.for_year not in years:
            years.append(v.for_year)
    return [(v, tuple(sorted(years))) for v, years in rows.values()]


def inputs_listed(partnership: Partnership) -> list[tuple[str, str, bool]]:
    """Every input of a scenario by path, its value as saved, and whether the scenario states it.

    An input the scenario leaves out has its default, which shapes the results too: listed, and
    said to be a default (an "as written" column listed ``agreement.basis: present_value`` that
    nobody wrote). The ``expect:`` block states results, not inputs.
    """
    stated = {k for k, _ in flatten(partnership.model_dump(mode="json", exclude_unset=True, exclude={"expect"}))}
    dumped = partnership.model_dump(mode="json", exclude_none=True, exclude={"expect"})
    return [(key, text, key in stated) for key, text in flatten(dumped)]


class InputRow(NamedTuple):
    """An input as the assumptions list it: its path, its meaning in words, its value shown, stated or default."""

    key: str
    label: str
    value: str
    text: str  # as saved (``165 DKK / hour``)
    stated: bool


def input_rows(partnership: Partnership, t: Translator) -> list[InputRow]:
    """Every input of a scenario (:func:`inputs_listed`) with its meaning in words and its value in ``t``'s language.

    The path stays, for a script to match; a committee reads the words beside it and a coded
    value in its own language (``workforce.0.employer``: *arbejdsstyrke, linje 1: arbejdsgiver*,
    *SØV'en*), review 61 M3.
    """
    return [
        InputRow(key, input_label(key, t.lang), input_shown(key, text, t), text, stated)
        for key, text, stated in inputs_listed(partnership)
    ]


def input_shown(path: str, text: str, t: Translator) -> str:
    """An input's value as saved (``text``), shown in ``t``'s language: a coded value in words (*SØV'en*)."""
    coded = input_value(path, text, t.lang)
    return t.parameter_value(text) if coded is None else coded


def parameter_source(v: ParameterValue, t: Translator) -> str:
    """A parameter value's source, with its caveat where it has one (``… — not confirmed: …``).

    The caveat (a rate table not found, a value its own cited rule does not give exactly)
    stands beside the source in every output, as in the parameter tables of the docs.
    """
    source = t.source(v.source)
    # the caveat is the file's own words (English): a Danish reader is told what it is in Danish
    return f"{source} — {t('ui.caveat')}: {t.source(v.caveat)}" if v.caveat else source


def funding_label(source: str, amount: Decimal, t: Translator) -> str:
    """A funding source as a line of the cost split: ``covered by …``, or ``less …`` for a negative one.

    A negative source is a cost netted against funding (a spin-off's wages and other costs):
    "covered by" would read it as money coming in.
    """
    return f"{t('ui.covered_by' if amount >= 0 else 'ui.less')} {t(source)}"
