"""A float a program wrote into a file is read as the float is: ``0.30000000000000004`` is 0.3.

``from_data`` reads a Python float as the decimal it stands for (its shortest repr, to 15
significant digits); ``json.dump`` and ``yaml.safe_dump`` write that same float as its
shortest repr, 17 digits for ``0.1 + 0.2``. Both ways give one number. Text with more than
15 digits that is no float's shortest repr is a person's typing and stays refused.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import socialpartner as sp
from socialpartner._internal.units import float_dump

ROOT = Path(__file__).resolve().parents[1]


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "ikea_rebild.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    return data


def test_json_of_a_noisy_float_loads_as_from_data_reads_it() -> None:
    data = _data()
    data["support_staff"][0]["fte"] = 0.1 + 0.2
    text = json.dumps(data)
    assert '"fte": 0.30000000000000004' in text  # what a program's dump writes
    from_json = sp.loads(text)
    assert isinstance(from_json, sp.SharedResponsibilityPartnership)
    assert from_json.support_staff[0].fte == sp.Q_(0.3, "FTE")
    assert from_json == sp.from_data(data)
    # 0.3 FTE × 480,000 DKK/year: 144,000 DKK/year of support staff, not 144,000.00000000002
    assert sp.evaluate(from_json).results()["cost"] == sp.evaluate(sp.from_data(data)).results()["cost"]


def test_yaml_safe_dump_of_a_noisy_float_loads_too(tmp_path: Path) -> None:
    data = _data()
    data["courses"]["participants"] = 3
    data["support_staff"][0]["fte"] = 0.1 * 3  # 0.30000000000000004
    path = tmp_path / "dumped.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert "0.30000000000000004" in path.read_text(encoding="utf-8")
    loaded = sp.load(path)
    assert isinstance(loaded, sp.SharedResponsibilityPartnership)
    assert loaded.support_staff[0].fte == sp.Q_(0.3, "FTE")
    assert sp.evaluate(loaded).results() == sp.evaluate(sp.from_data(data)).results()


def test_a_save_load_round_trip_loses_nothing(tmp_path: Path) -> None:
    data = _data()
    data["support_staff"][0]["fte"] = 0.1 + 0.2
    first = sp.from_data(data)
    for name in ("x.yaml", "x.json"):
        back = sp.load(sp.save(first, tmp_path / name))
        assert back == first
        assert sp.evaluate(back).results() == sp.evaluate(first).results()


@pytest.mark.parametrize(
    "text",
    [
        "0.30000000000000001",  # 0.3's float, but its shortest repr is 0.3
        "0.3000000000000000444",  # 19 digits: no float's repr
        "165.12345678901234567",  # typed
    ],
)
def test_digits_typed_beyond_a_float_stay_refused(text: str) -> None:
    data = _data()
    data["support_staff"][0]["fte"] = "@@"
    with pytest.raises(ValidationError) as err:
        sp.loads(json.dumps(data).replace('"@@"', text))
    (error,) = err.value.errors()
    assert error["loc"] == ("support_staff", 0, "fte")
    assert error["msg"].startswith("more than 15 significant digits")


def test_the_rule_is_only_for_file_numbers_not_text() -> None:
    # a quoted string is typed text, read by the exact rules
    with pytest.raises(sp.QuantityError, match="more than 15 significant digits"):
        sp.Q_("0.30000000000000004 DKK")
    assert float_dump("0.30000000000000004") == Decimal("0.3")
    assert float_dump("0.3") is None  # within 15 digits: read as written
    assert float_dump("509379.8400000001") == Decimal("509379.84")  # 480000 * 1.02**3


def test_a_change_set_in_a_file_reads_a_dumped_float() -> None:
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["horizon"]["changes"] = [{"year": 2027, "set": {"support_staff.0.fte": 0.1 + 0.2}}]
    partnership = sp.loads(json.dumps(data))
    assert partnership.horizon is not None
    # read as the float 0.3 (not 0.30000000000000004), kept as validated and spelled as a file saves it
    assert partnership.horizon.changes[0].set["support_staff.0.fte"] == "0.3 FTE"


@given(st.floats(min_value=1e-6, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_a_dumped_float_is_read_as_the_float(x: float) -> None:
    written = json.dumps(x)  # the float's shortest repr, as json.dump writes it
    read = float_dump(written)
    if read is None:  # 15 digits or fewer: read as written, which is the float's own decimal
        assert len(Decimal(written).as_tuple().digits) <= 15
    else:
        assert read == Decimal(f"{x:.15g}")
        assert float(read) == float(f"{x:.15g}")


@pytest.mark.parametrize(
    ("target", "low"),
    [(0.7 + 0.2 + 0.1, None), (1, 0.1 + 0.2), (np.float64(0.7 + 0.2 + 0.1), np.float64(0.1 + 0.2))],
)
def test_the_solver_reads_a_float_target_and_bound_as_their_decimals(target: Any, low: Any) -> None:
    example = sp.load(ROOT / "examples" / "ikea_rebild.yaml")
    solution = sp.solve(example, "courses.price", "coverage", target, low=low)
    # the break-even price: 12,033.34 DKK/month, the least whole-øre price that covers
    assert solution.value_text == "12033.34 DKK / month"
