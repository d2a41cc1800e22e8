"""Review 57: an evaluator's notebook session (Aarhus), on the in-house and three-party models."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.i18n import Translator
from socialpartner.cli import app

from .conftest import ROOT
from .test_review53 import DEAL

runner = CliRunner()


def test_an_agreement_point_on_a_lower_limit_says_the_gain_grows_as_the_input_falls() -> None:
    """M1: the SØV's gain falls as the wage cost rises (its boundary: … − hours·wage_cost).

    In-house packing: the SØV's surplus is −cost + hours·price − hours·wage_cost, so its gain
    grows towards the *lower* limit of a varied wage cost. The note said "keeps growing with
    workforce.0.wage_cost", the opposite direction.
    """
    zone = sp.agreement(sp.load(ROOT / "examples" / "in_house_packing.yaml"), ["price", "workforce.0.wage_cost"])
    edge = [n for n in zone.notes if "lower limit of workforce.0.wage_cost" in n]
    assert edge, zone.notes
    assert all("keeps growing as workforce.0.wage_cost falls," in n for n in edge)
    assert not any("growing with" in n for n in zone.notes)
    assert "bliver ved med at vokse, når workforce.0.wage_cost falder," in zone.text("da")


def test_an_in_house_alternative_of_hours_without_staff_is_said() -> None:
    """L4: 11,232 hours of the company's own staff and ``staff: 0`` made the turnover cost 0 in silence.

    With staff 0 the turnover line is 0 × 55 % × 30,000 = 0.00; the saving counts no turnover.
    """
    data = yaml.safe_load((ROOT / "examples" / "in_house_packing.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["alternative"]["staff"] = 0
    ev = sp.evaluate(sp.from_data(data))
    said = [s for s in ev.statements if "alternative.staff is 0" in s]
    assert len(said) == 1, ev.statements
    hours = next(f for f in ev.figures if f.key == "before_staff_turnover")
    assert hours.value == Decimal("0.00")
    assert "men alternative.staff er 0" in Translator("da")(said[0])
    # a several-year deal says it beside its totals, with the year
    data["horizon"] = {"years": 2, "start_year": 2026}
    years = sp.evaluate(sp.from_data(data))
    assert next(s for s in years.statements if "alternative.staff is 0" in s).startswith("2026: ")
    # staff stated: nothing said
    assert not any(
        "alternative.staff" in s for s in sp.evaluate(sp.load(ROOT / "examples" / "in_house_packing.yaml")).statements
    )


def test_two_lines_of_one_form_are_told_apart_by_their_line() -> None:
    """Review 56 F8: two fleksjob lines gave two identical rows, "løn (fleksjob)" and "fleksløntilskud",
    in the ledger, the public view, the report and the workbook: a committee could not match a row to its
    line. Each is now named by its line's path (as the scenario writes it); a single line is as before.

    The deal of review 53: 10 fleksjob at 12 h/week and 180 DKK/h, 4 at 25 h/week and 200 DKK/h, one
    løntilskud line. Wages: 10 × 12 × 52 × 180 = 1,123,200.00 and 4 × 25 × 52 × 200 = 1,040,000.00.
    """
    ev = sp.evaluate(sp.from_data(DEAL))
    purposes = {t.purpose: t.amount for t in ev.ledger}
    assert purposes["wages (fleksjob, workforce.0)"] == Decimal("1123200.00")
    assert purposes["wages (fleksjob, workforce.1)"] == Decimal("1040000.00")
    assert "wages (løntilskud)" in purposes  # one line of its form: no path
    assert purposes["fleksløntilskud (workforce.1)"] == Decimal("434304.00")  # 9,048 × 12 × 4 (review 53)
    assert "løntilskud" in purposes
    items = [line.item for line in ev.public.lines]  # type: ignore[union-attr]
    assert items.count("fleksløntilskud (workforce.0)") == 1
    assert items.count("state refusion on fleksløntilskud (workforce.1)") == 2  # the municipality's and the state's
    da = Translator("da")
    assert da("wages (fleksjob, workforce.1)") == "løn (fleksjob, workforce.1)"
    assert da("state refusion on fleksløntilskud (workforce.1)") == "statslig refusion af fleksløntilskud (workforce.1)"
    html = sp.report_html(ev, lang="da")
    assert "statslig refusion af fleksløntilskud (workforce.0)" in html


def test_explanations_and_test_lines_wrap_at_the_terminal_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review 56 F7: ``--explain`` wrote lines of 150-250 characters whatever COLUMNS was, and the
    terminal broke them anywhere, inside numbers too. Now they wrap at words, a continuation 8 in from
    its line (below the inputs, 4 in from their term); piped without COLUMNS each stays one line."""
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data["public"]["tax"] = {}
    data.pop("expect")
    path = tmp_path / "taxed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    args = ["evaluate", str(path), "--explain", "2027:public.municipality", "--lang", "da"]
    narrow = runner.invoke(app, args, env={"COLUMNS": "70"})
    assert narrow.exit_code == 0, narrow.output
    lines = narrow.output.splitlines()
    assert max(len(line) for line in lines) <= 70
    tax = next(i for i, line in enumerate(lines) if line.startswith("  skat: kommuneskat = 24.157,42"))
    assert lines[tax + 1].startswith("        ")  # its formula continues 8 in
    assert not any(
        re.search(r"\d\s*$", line) and lines[i + 1].lstrip()[:1] in {"k", "%"} for i, line in enumerate(lines[:-1])
    )  # never a number at a line's end with its unit on the next
    piped = runner.invoke(app, args)
    assert any(len(line) > 300 for line in piped.output.splitlines())  # the tax line whole, for grep
    data["expect"] = {"coverage": 1}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # a short path: a file's name is not broken
    failed = runner.invoke(app, ["test", path.name], env={"COLUMNS": "60"})
    assert failed.exit_code == 1
    assert max(len(line) for line in failed.output.splitlines()) <= 60
