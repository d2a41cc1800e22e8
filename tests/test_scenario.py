"""Reading and writing scenario files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import socialpartner as sp
from socialpartner.scenario import MAX_FILE_BYTES, from_data

from .conftest import EXAMPLE


def test_bundled_example_is_the_shipped_file() -> None:
    # the CLI's default scenario and examples/ikea_rebild.yaml must never drift apart
    assert sp.example_path().read_bytes() == EXAMPLE.read_bytes()


def test_load_returns_the_typed_model(example: sp.SharedResponsibilityPartnership) -> None:
    assert type(example) is sp.SharedResponsibilityPartnership
    assert example.temp_hours.workers == 3
    assert sorted(sp.MODELS) == ["in_house", "labour_shortage", "shared_responsibility", "spin_off", "supplier"]


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json"])
def test_save_load_round_trip(tmp_path: Path, example: sp.SharedResponsibilityPartnership, suffix: str) -> None:
    path = sp.save(example, tmp_path / f"deal{suffix}")
    again = sp.load(path)
    assert again == example
    assert sp.dumps(again, "yaml") == sp.dumps(example, "yaml")
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"deal{suffix}"]  # no temporary file left


def test_round_trip_keeps_optional_fields(tmp_path: Path, data: dict[str, Any]) -> None:
    data["company"]["cvr"] = "13748136"
    data["temp_hours"]["overhead"] = "12.5 %"
    data["courses"]["price"] = "409.56 DKK/month"
    p = from_data(data)
    again = sp.load(sp.save(p, tmp_path / "x.yaml"))
    assert again == p
    assert isinstance(again, sp.SharedResponsibilityPartnership)
    assert again.company.cvr == "13748136"
    assert sp.dumps(again, "json") == sp.dumps(p, "json")
    assert "409.56 DKK / month" in sp.dumps(p)


def test_save_failure_leaves_the_old_file(
    tmp_path: Path, example: sp.SharedResponsibilityPartnership, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deal.yaml"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("socialpartner.scenario.os.replace", broken_replace)
    # reported as the file's error, naming the target (not the temporary file)
    with pytest.raises(sp.ScenarioError, match=r"deal\.yaml: cannot write: disk full") as info:
        sp.save(example, target)
    assert info.value.path == target
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["deal.yaml"]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("a.yaml", "model: shared_responsibility\nname: a\nname: b\n", "duplicate key 'name'"),
        ("a.json", '{"model": "shared_responsibility", "name": "a", "name": "b"}', "duplicate key 'name'"),
        ("a.yaml", "model: [unclosed\n", "not valid YAML"),
        ("a.json", "{", "not valid JSON"),
        ("a.yaml", "- 1\n- 2\n", "must be a mapping"),
        ("a.yaml", "name: x\n", "missing 'model:'"),
        (
            "a.yaml",
            "model: franchise\n",
            "unknown model 'franchise': expected one of in_house, labour_shortage, shared_responsibility, "
            "spin_off, supplier",
        ),
        ("a.yaml", "model: !!python/object/apply:os.system ['true']\n", "not valid YAML"),
        ("a.txt", "model: shared_responsibility\n", "unknown file type"),
    ],
)
def test_bad_files_get_clear_errors(tmp_path: Path, name: str, text: str, words: str) -> None:
    with pytest.raises(sp.ScenarioError, match=words.replace("[", r"\[")) as info:
        sp.load(write(tmp_path, name, text))
    assert info.value.path == tmp_path / name


def test_missing_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(sp.ScenarioError, match="no such file"):
        sp.load(tmp_path / "none.yaml")
    big = write(tmp_path, "big.yaml", "x" * (MAX_FILE_BYTES + 1))
    with pytest.raises(sp.ScenarioError, match="larger than"):
        sp.load(big)
    (tmp_path / "bin.yaml").write_bytes(b"\xff\xfe")
    with pytest.raises(sp.ScenarioError, match="UTF-8"):
        sp.load(tmp_path / "bin.yaml")


def test_loads_json_reads_decimals_exactly(example_data: dict[str, Any]) -> None:
    data = json.loads(json.dumps(example_data))
    data["temp_hours"]["wage_cost"] = 165.1  # a JSON number, read as Decimal("165.1")
    p = sp.loads(json.dumps(data), "json")
    assert isinstance(p, sp.SharedResponsibilityPartnership)
    assert sp.dumps(p, "json").count('"165.1 DKK / hour"') == 1


def test_yaml_output_is_plain_data(example: sp.SharedResponsibilityPartnership) -> None:
    assert yaml.safe_load(sp.dumps(example))["temp_hours"]["wage_cost"] == "165 DKK / hour"


def test_public_names_resolve_and_load_lazily() -> None:
    import subprocess
    import sys

    assert all(getattr(sp, name) is not None for name in sp.__all__)
    assert set(dir(sp)) == set(sp.__all__)
    # the registry is ready on import; models and evaluation load on first use
    code = "import sys, socialpartner; print('socialpartner.evaluation' in sys.modules, socialpartner.ureg is not None)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == ["False", "True"]


EXAMPLE_TEXT = (Path(__file__).resolve().parents[1] / "examples" / "ikea_rebild.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a tab in the indentation, invisible in most editors (PyYAML: "cannot start any token")
        (
            EXAMPLE_TEXT.replace("\n  - role: socialpædagog", "\n\t- role: socialpædagog"),
            "a tab is used to indent; YAML indents with spaces: replace the tab with two spaces",
        ),
        # a line pasted from a semicolon-separated sheet
        (
            EXAMPLE_TEXT.replace("period: 1 year", "period;1 year"),
            "'period;1 year' separates key and value with ';' (a line from a semicolon-separated sheet?): "
            "write period: 1 year (a colon and a space)",
        ),
    ],
)
def test_a_spreadsheet_users_slips_are_named_with_the_line_and_the_fix(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(sp.ScenarioError, match=r"line \d+: " + re.escape(said)) as caught:
        sp.load(path)
    assert "<unicode string>" not in str(caught.value)


def test_a_whole_sheet_pasted_and_a_file_saved_as_ansi_say_what_to_do(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.yaml"
    sheet.write_bytes("\ufeffmodel;labour_shortage\r\nname;Test\r\n".encode())
    with pytest.raises(sp.ScenarioError, match=r"lines are 'key;value'.*e\.g\. model: labour_shortage"):
        sp.load(sheet)
    ansi = tmp_path / "ansi.yaml"
    ansi.write_bytes("model: labour_shortage\nname: Pladshjælpere\n".encode("cp1252"))
    # 'æ' is byte 0xE6 in Windows-1252, on line 2
    with pytest.raises(sp.ScenarioError, match=r"not UTF-8 text: line 2 has byte 0xE6 .*save the file as UTF-8"):
        sp.load(ansi)


def test_a_json_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    # Notepad saves UTF-8 with a BOM: YAML read past it, JSON refused the file ("Unexpected UTF-8 BOM")
    plain = sp.load(EXAMPLE)
    path = tmp_path / "deal.json"
    path.write_bytes(("\ufeff" + sp.dumps(plain, "json").replace("\n", "\r\n")).encode("utf-8"))
    assert sp.load(path) == plain


def test_a_whole_krone_amount_cut_at_its_comma_in_a_flow_mapping_is_named(tmp_path: Path) -> None:
    # {annual_cost: 510.000,- kr./år}: the comma ends the entry and YAML said only "did not find
    # expected node content"; the documented '510.000,-' form needs quotes inside {...}
    path = tmp_path / "deal.yaml"
    path.write_text(
        "model: supplier\nnumber_format: da\nsupervision:\n  - {role: leder, fte: 1, annual_cost: 510.000,- kr./år}\n",
        encoding="utf-8",
    )
    with pytest.raises(sp.ScenarioError) as exc:
        sp.load(path)
    assert (
        "line 4: annual_cost: 510.000,- kr./år inside {...} is cut in two at its comma (a comma separates the "
        'entries there): quote the value, annual_cost: "510.000,- kr./år"'
    ) in str(exc.value)
