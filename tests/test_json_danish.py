"""A JSON scenario with number_format: da: a number token cannot hold a decimal comma, so the fix is text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import socialpartner as sp

ROOT = Path(__file__).resolve().parents[1]


def site(tmp_path: Path, fte: Any) -> Path:
    data = yaml.safe_load((ROOT / "examples" / "labour_shortage_site.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["number_format"] = "da"
    data["support_staff"][0]["fte"] = fte
    data["skilled_hours_freed"] = "0,8"
    path = tmp_path / "site.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_json_number_with_a_point_is_told_to_be_text(tmp_path: Path) -> None:
    # the old message asked for 0,6 with a decimal comma, which is no JSON number
    with pytest.raises(ValidationError, match=r'a JSON number cannot hold a decimal comma: write it as text, "0,6"'):
        sp.load(site(tmp_path, 0.6))
    # as text it reads the Danish way: 0,6 FTE
    loaded = sp.load(site(tmp_path, "0,6"))
    assert loaded.model_dump(mode="json")["support_staff"][0]["fte"] == "0.6 FTE"


def test_whole_kroner_written_the_danish_way() -> None:
    # 480.000,- kr./år is 480,000 DKK a year beside number_format: da (coverage as the example: 0.9225);
    # in a plain file the fix is named
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["number_format"] = "da"
    data["support_staff"][0]["annual_cost"] = "480.000,- kr./år"
    assert str(sp.evaluate(sp.from_data(data)).results()["coverage"]) == "0.9225"
    data.pop("number_format")
    with pytest.raises(ValidationError, match=r"',-' \(whole kroner\) is Danish notation: write 480000 here"):
        sp.from_data(data)
