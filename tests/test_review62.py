"""Review 62 and the findings of earlier reviews left open: a Danish SØV manager on the command line."""

from __future__ import annotations

from typer.testing import CliRunner

from socialpartner.cli import app

from .conftest import ROOT

runner = CliRunner()


def test_compare_labels_the_signed_surplus_beside_the_shortfall() -> None:
    """61 L4: compare printed ``overskud -37.200,00 kr.`` above ``underskud 37.200,00 kr.``.

    The one-year example: support staff 480,000.00 against funding 442,800.00, so the surplus
    is 442,800 − 480,000 = −37,200.00 and the shortfall 37,200.00. The signed row now says a
    negative surplus is a shortfall; the shortfall's row is unchanged.
    """
    one, three = ROOT / "examples" / "ikea_rebild.yaml", ROOT / "examples" / "ikea_rebild_3_years.yaml"
    da = runner.invoke(app, ["compare", str(one), str(three), "--lang", "da"], env={"COLUMNS": "200"}).output
    rows = {line.split("│")[1].strip(): line for line in da.splitlines() if line.count("│") >= 4}
    assert "-37.200,00" in rows["overskud (negativt: underskud)"]
    assert "37.200,00" in rows["underskud"]
    assert "overskud" not in rows  # no bare, signed "overskud" row
    en = runner.invoke(app, ["compare", str(one), str(three)], env={"COLUMNS": "200"}).output
    assert "surplus (negative: shortfall)" in en
