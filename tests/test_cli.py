"""The command line, through typer's test runner and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner.cli import app

from .conftest import EXAMPLE

runner = CliRunner()


def test_evaluate_bundled_example_table() -> None:
    result = runner.invoke(app, ["evaluate"], env={"COLUMNS": "140"})
    assert result.exit_code == 0, result.output
    out = result.output
    for text in [
        "Huset Venture Nordjylland",
        "Rebild Kommune",
        "386,100.00",
        "46,800.00",
        "396,000.00",
        "480,000.00",
        "92.25 %",
        "37,200.00",
        "35.90 DKK/hour",
        "12,033.33 DKK/month",
        "1.22",
    ]:
        assert text in out, text


def test_evaluate_json(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["cost_split"]["coverage"] == "0.922500"
    assert doc["cost_split"]["shortfall"] == "37200.00"
    assert doc["balances"]["social_enterprise"]["net"] == "-37200.00"
    assert [b["value"] for b in doc["break_even"]] == ["35.90", "12033.33"]
    assert all(isinstance(t["amount"], str) for t in doc["transfers"])


def test_bad_input_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("165 DKK/hour", "165 DKK/month"), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(bad)])
    assert result.exit_code == 2
    assert "temp_hours.wage_cost" in result.output
    assert "expected money per hour" in result.output
    assert "Traceback" not in result.output


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_console_script_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "socialpartner", "evaluate", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["cost_split"]["total_funding"] == "442800.00"


EXAMPLES = sorted((EXAMPLE.parent).glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_prints_as_table_and_json(path: Path) -> None:
    table = runner.invoke(app, ["evaluate", str(path)], env={"COLUMNS": "160"})
    assert table.exit_code == 0, table.output
    assert "Who pays whom" in table.output
    assert "sum of nets" in table.output
    doc = json.loads(runner.invoke(app, ["evaluate", str(path), "--format", "json"]).stdout)
    assert doc["model"] in {"shared_responsibility", "supplier", "labour_shortage", "in_house", "spin_off"}


def test_spin_off_table_shows_years_and_rsv() -> None:
    out = runner.invoke(app, ["evaluate", str(EXAMPLE.parent / "spin_off_packing.yaml")], env={"COLUMNS": "160"})
    assert out.exit_code == 0, out.output
    for text in ["Year by year", "2026", "2029", "own CVR number", "first year the SØV stands on its own", "unknown"]:
        assert text in out.output, text


def test_the_year_by_year_table_has_the_total() -> None:
    # the totals a council asks for first were in compare, report and export but not here:
    # cost 480,000 + 489,600 + 499,392 = 1,468,992.00; funding 442,800 + 467,568 + 476,919.36
    # = 1,387,287.36; surplus -81,704.64; coverage 1,387,287.36 / 1,468,992 = 94.44 %
    three = str(EXAMPLE.parent / "ikea_rebild_3_years.yaml")
    out = runner.invoke(app, ["evaluate", three], env={"COLUMNS": "160"})
    total = next(line for line in out.output.splitlines() if "Total" in line)
    assert [cell.strip() for cell in total.strip("│ ").split("│")][:5] == [
        "Total",
        "1,468,992.00",
        "1,387,287.36",
        "-81,704.64",
        "94.44 %",
    ]
    danish = runner.invoke(app, ["evaluate", three, "--lang", "da"], env={"COLUMNS": "160"})
    assert "I alt" in danish.output
    assert "1.468.992,00" in danish.output


def test_all_years_show_the_balance_per_party_over_the_deal() -> None:
    # the per-party totals of a multi-year deal were in JSON, HTML and xlsx but not in the table:
    # the SØV's net over the years is its surplus, -37,200.00 - 22,032.00 - 22,472.64 = -81,704.64;
    # each party's all-years net is the sum of its three yearly nets (read from the years' tables)
    three = str(EXAMPLE.parent / "ikea_rebild_3_years.yaml")
    out = runner.invoke(app, ["evaluate", three], env={"COLUMNS": "160"}).output
    years, _, total = out.partition("All years")
    assert "Balance per party (2026–2028)" in total

    def nets(text: str) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        tables = [part.partition("Support-staff cost")[0] for part in text.split("Balance per party")[1:]]
        for line in "".join(tables).splitlines():
            cells = [c.strip() for c in line.strip("│ ").split("│")]
            if len(cells) == 4 and cells[0] in ("IKEA", "Huset Venture Nordjylland", "Rebild Kommune", "the state"):
                found.setdefault(cells[0], []).append(cells[3])
        return found

    def number(text: str) -> float:
        return float(text.replace(",", ""))

    yearly, overall = nets(years), nets(total.partition("Key figures")[0])
    assert len(yearly["IKEA"]) == 3
    assert overall["Huset Venture Nordjylland"] == ["-81,704.64"]
    assert set(overall) == set(yearly)
    for party, values in yearly.items():
        assert len(values) == 3
        assert round(sum(map(number, values)), 2) == number(overall[party][0]), party
    danish = runner.invoke(app, ["evaluate", three, "--lang", "da"], env={"COLUMNS": "160"}).output
    assert "Saldo pr. part (2026–2028)" in danish
    assert "-81.704,64" in danish.partition("Alle år")[2]


def test_danish_year_table_keeps_every_digit_at_80_columns(tmp_path: Path) -> None:
    # Danish headers ("Udgift til støttepersonale", "Dækningsprocent") and " kr." squeezed the
    # money columns at 80 characters until the totals lost their øre ("2.707.659,…"). Support
    # staff of 5,100,000 a year grown 2 %: 5,100,000 + 5,202,000 + 5,306,040 = 15,608,040.00
    data = yaml.safe_load((EXAMPLE.parent / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["support_staff"][0]["annual_cost"] = "5100000 DKK/year"
    path = tmp_path / "big.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = runner.invoke(app, ["evaluate", str(path), "--lang", "da"], env={"COLUMNS": "80"}).output
    table = out.partition("År for år")[2].partition("Hvem betaler hvem")[0]
    total = next(line for line in table.splitlines() if "I alt" in line)
    cells = [c.strip() for c in total.strip("│ ").split("│")]
    assert cells[1] == "15.608.040,00"
    assert all("…" not in line for line in table.splitlines()), table
    assert "5.202.000,00" in table


def test_people_placed_end_with_the_jobs_and_the_inclusive_ones() -> None:
    # the supplier example: 25 jobs, 485 / 37 = 13.11 FTE; without its 2 ordinary posts 23 and 411 / 37 = 11.11
    # (the lines' FTE added up would read 8.11 + 3.00 + 2.00 = 13.11 here, but need not in general)
    out = runner.invoke(app, ["evaluate", str(EXAMPLE.parent / "supplier_facility.yaml")], env={"COLUMNS": "200"})
    rows = {
        cells[0]: cells[1:4]
        for line in out.output.splitlines()
        if (cells := [c.strip() for c in line.strip("│ ").split("│")])
    }
    assert rows["all jobs"] == ["25", "", "13.11"]
    assert rows["inclusive jobs"] == ["23", "", "11.11"]
    # the bundled example has no ordinary post: both rows all the same, as every output gives both (review 46 F3)
    plain = runner.invoke(app, ["evaluate"], env={"COLUMNS": "200"}).output
    rows = {
        cells[0]: cells[1:4]
        for line in plain.splitlines()
        if (cells := [c.strip() for c in line.strip("│ ").split("│")])
    }
    assert rows["all jobs"] == rows["inclusive jobs"] == ["3", "", "1.22"]


def test_a_horizon_with_ordinary_posts_gives_the_inclusive_jobs_year_by_year(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLE.parent / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"] = {"years": 2, "start_year": 2026}
    path = tmp_path / "two.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = runner.invoke(app, ["evaluate", str(path), "--lang", "da"], env={"COLUMNS": "200"}).output
    assert "inkluderende job (uden ordinære): 2026: 23 (11,11 årsværk); 2027: 23 (11,11 årsværk)" in out


def test_supplier_table_shows_the_csr_statement() -> None:
    out = runner.invoke(app, ["evaluate", str(EXAMPLE.parent / "supplier_facility.yaml")], env={"COLUMNS": "200"})
    assert "18.40 inclusive jobs" in out.output


def test_a_closed_pipe_is_no_internal_error(tmp_path: Path) -> None:
    # `socialpartner test FILE | head -1` on a file whose expectations fail: the reader goes away
    # after one line; the command stops quietly (it printed "internal error: BrokenPipeError")
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["expect"] = dict.fromkeys(("surplus", "cost", "funding", "shortfall"), "1 DKK")
    path = tmp_path / "failing.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "socialpartner", "test", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        proc.wait(timeout=60)
    assert "internal error" not in err
    assert "Traceback" not in err


def test_a_closed_pipe_stops_rich_output_with_141() -> None:
    # `socialpartner evaluate 3-year-deal | head -1` exited 1, the code of a bug: rich's console
    # stops so when its reader goes away; the tables are hundreds of lines, far beyond a pipe's buffer
    three_years = str(EXAMPLE.parent / "ikea_rebild_3_years.yaml")
    with subprocess.Popen(
        [sys.executable, "-m", "socialpartner", "evaluate", three_years],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "80"},
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert "Rebild" in proc.stdout.readline().decode()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
    assert err == ""
    assert code == 141


def test_a_rule_across_the_scenario_is_said_without_a_field_prefix(tmp_path: Path) -> None:
    # a horizon change's error is the scenario's own rule: no "(top level):" before it
    data = yaml.safe_load((EXAMPLE.parent / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data["horizon"]["changes"] = [{"year": 2027, "set": {"courses.pris": "12000 DKK/month"}}]
    file = tmp_path / "typo.yaml"
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = runner.invoke(app, ["evaluate", str(file)])
    assert out.exit_code == 2
    assert "\n  horizon.changes.0.set.courses.pris: no input 'courses.pris'" in out.output
    assert "(top level)" not in out.output


@pytest.mark.parametrize(
    ("lang", "label", "middle"), [("en", "coverage [%]", "96.00"), ("da", "dækningsprocent [%]", "96,00")]
)
def test_sweep_summary_gives_coverage_as_a_percentage(lang: str, label: str, middle: str) -> None:
    # funding = overhead 20 × 2,340 h = 46,800 + 36 participant-months × price; cost 480,000:
    # 11,000 → 442,800 (92.25 %), 11,500 → 460,800 (96.00 %), 12,000 → 478,800 (99.75 %);
    # mean and median 96.00 %. A bare 0.9600 next to "dækningsprocent" read as 0.96 %.
    result = runner.invoke(
        app,
        ["sweep", str(EXAMPLE), "--vary", "courses.price=11000..12000:3", "--lang", lang],
        env={"COLUMNS": "140"},
    )
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if label in line)
    cells = [c.strip() for c in row.strip("│ ").split("│")]
    assert cells[1] == middle, row  # mean
    assert cells[3] == middle, row  # median
    # a grid is no distribution: its lowest and highest coverage, not quantiles (review 62 L4)
    assert cells[2:5:2] == (["92.25", "99.75"] if lang == "en" else ["92,25", "99,75"]), row
    assert ("Lowest" if lang == "en" else "Lavest") in result.output


def test_chart_without_matplotlib_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # matplotlib is an extra: without it the command is a user's error with the hint (exit 2),
    # not an "internal error" (exit 1); in Python an ImportError with the same hint
    import socialpartner as sp
    from socialpartner import charts

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if not installed
    result = runner.invoke(app, ["chart", "--out", str(tmp_path / "c.png")])
    assert result.exit_code == 2, result.output
    assert "pip install 'socialpartner[charts]'" in result.output
    assert "internal error" not in result.output
    with pytest.raises(ImportError, match=r"socialpartner\[charts\]"):
        charts.money_flow_chart(sp.evaluate(sp.load(EXAMPLE)))


def test_parameter_names_fold_but_are_never_cut_on_a_narrow_terminal() -> None:
    # at 80 columns "refusion.week…" stood for three rows and "fleksloentils…" for four: the
    # name is the key a user types under parameters:, so it folds onto the next line whole
    three_years = EXAMPLE.parent / "ikea_rebild_3_years.yaml"
    result = runner.invoke(app, ["evaluate", str(three_years)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    table = result.output.split("Parameters used", 1)[1].splitlines()
    cells = [line.split("│")[1].strip() for line in table if line.startswith("│")]
    assert not any(cell.endswith("…") for cell in cells), cells
    names = "".join(cells)
    import socialpartner as sp

    for value in sp.evaluate(sp.load(three_years)).parameters:
        assert value.name in names, value.name


def test_explain_topics_lists_every_topic() -> None:
    # review 41: the command line could not list what --explain takes (the error named topics(), a Python call)
    three = EXAMPLE.parent / "ikea_rebild_3_years.yaml"
    out = runner.invoke(app, ["evaluate", str(three), "--explain", "topics"])
    assert out.exit_code == 0, out.output
    topics = sp.evaluate(sp.load(three)).topics()
    assert out.output.splitlines() == list(topics)
    assert "2026:public.fleksloentilskud.0" in topics
    as_json = runner.invoke(app, ["evaluate", str(three), "--explain", "topics", "--format", "json"])
    assert json.loads(as_json.output) == list(topics)
    wrong = runner.invoke(app, ["evaluate", str(three), "--explain", "nonsense"])
    assert "(on the command line: --explain topics)" in wrong.output
