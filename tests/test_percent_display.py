"""A coverage just short of 100 % is never shown as 100.00 % beside a shortfall."""

from __future__ import annotations

from decimal import Decimal

from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.i18n import Translator
from socialpartner.cli import app

from .conftest import example_with


def test_a_ratio_next_to_one_keeps_its_side_of_100_percent() -> None:
    en, da = Translator("en"), Translator("da")
    assert en.percent(Decimal("0.999974")) == "99.997 %"  # 99.9974 to 2 decimals would read 100.00
    assert da.percent(Decimal("0.999974")) == "99,997 %"
    assert en.percent(Decimal("1.00004")) == "100.004 %"
    assert en.percent(Decimal(1)) == "100.00 %"
    assert en.percent(Decimal("0.9999")) == "99.99 %"  # already on its side at 2 decimals
    assert en.percent(Decimal("0.925")) == "92.50 %"


def test_the_break_even_price_rounded_down_shows_the_shortfall_and_a_coverage_below_100(tmp_path: object) -> None:
    # 3 participants × 12 months × 12,033.33 = 433,199.88 against 480,000 − 46,800 overhead
    # = 433,200 to cover: 0.12 DKK short, coverage 479,999.88 / 480,000 = 0.99999975
    p = sp.from_data(example_with(courses={"price": "12033.33 DKK/month"}))
    ev = sp.evaluate(p)
    assert ev.cost_split.shortfall == Decimal("0.12")
    assert ev.cost_split.coverage == Decimal("0.99999975")
    # 99.999975 % reads 100.00 % to 2 decimals (and to 3 and 4): shown to 5, 99.99998 %
    shown = Translator("en").percent(ev.cost_split.coverage)
    assert shown == "99.99998 %"
    assert "<strong>coverage 99.99998 %</strong>" in ev.to_html()
    path = sp.save(p, tmp_path / "short.yaml")  # type: ignore[operator]
    out = CliRunner().invoke(app, ["evaluate", str(path)])
    assert out.exit_code == 0, out.output
    assert shown in out.output, out.output
