"""Danish form names, as the Danish output prints them, read back as the forms (review 30, F11)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import socialpartner as sp

ROOT = Path(__file__).resolve().parents[1]


def _data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / name).read_text(encoding="utf-8"))
    data.pop("expect", None)
    return data


@pytest.mark.parametrize(
    ("line", "danish", "form"),
    [
        (2, "ordinært job", "ordinary"),
        (2, "Ordinært  Job", "ordinary"),
        (1, "elev", "apprentice"),
        (1, "lærling", "apprentice"),
    ],
)
def test_a_danish_form_name_is_the_form(line: int, danish: str, form: str) -> None:
    data = _data("supplier_facility.yaml")
    english = sp.evaluate(sp.from_data(data))
    data["workforce"][line]["form"] = danish
    read = sp.from_data(data)
    assert isinstance(read, sp.SupplierPartnership)
    assert read.workforce[line].form == form
    # the same deal: every figure as with the English name
    assert sp.evaluate(read).results() == english.results()
    assert sp.loads(sp.dumps(read)) == read  # written back as the form itself


def test_course_participants_named_in_danish_in_the_public_view() -> None:
    # the counterfactual's and the ladder's groups are forms too: 'forløbsdeltager' is 'course participant'
    data = _data("ikea_rebild_3_years.yaml")
    english = sp.evaluate(sp.from_data(data)).results()
    cf = data["public"]["counterfactual"]
    cf["forløbsdeltager"] = cf.pop("course participant")
    data["public"]["weeks_on_support"] = {"fleksjob": 104, "forløbsdeltagere": 104}
    read = sp.from_data(data)
    assert read.public is not None
    assert set(read.public.counterfactual) == {"fleksjob", "course participant"}
    assert read.public.weeks_on_support == {"fleksjob": 104, "course participant": 104}
    assert sp.evaluate(read).results() == english


def test_a_group_given_twice_by_both_names_is_refused() -> None:
    data = _data("ikea_rebild_3_years.yaml")
    cf = data["public"]["counterfactual"]
    cf["forløbsdeltager"] = cf["course participant"]
    with pytest.raises(ValidationError) as exc:
        sp.from_data(data)
    assert (
        "counterfactual: the group 'course participant' is given twice (as 'course participant' and 'forløbsdeltager')"
        in str(exc.value)
    )


def test_an_unknown_form_still_names_the_accepted_ones() -> None:
    data = _data("supplier_facility.yaml")
    data["workforce"][2]["form"] = "vikar"
    with pytest.raises(ValidationError) as exc:
        sp.from_data(data)
    assert exc.value.errors()[0]["loc"][:3] == ("workforce", 2, "form")
    assert "ordinary (ordinært job)" in str(exc.value)
    assert "'vikar'" in str(exc.value)


def test_a_path_with_a_danish_group_name_is_pointed_at_the_same_group() -> None:
    # the file's keys are read in Danish, a path's are not: the nearest input was another group's
    # (public.counterfactual.fleksjob.parameter), which a user following it would vary instead
    data = _data("ikea_rebild_3_years.yaml")
    deal = sp.from_data(data)
    said = "a path names the group by its form: did you mean 'public.counterfactual.course participant.parameter'?"
    with pytest.raises(sp.SweepError) as sweep:
        sp.sweep(deal, {"public.counterfactual.forløbsdeltager.parameter": ["benefit.kontanthjaelp.forhoejet_sats"]})
    assert said in str(sweep.value)
    with pytest.raises(sp.SolveError) as solve:
        sp.solve(deal, "public.counterfactual.forløbsdeltager.amount", "public.municipality", 0)
    assert said in str(solve.value)
    data["horizon"]["changes"].append(
        {
            "year": 2028,
            "set": {"public.counterfactual.forløbsdeltager.parameter": "benefit.kontanthjaelp.forhoejet_sats"},
        }
    )
    with pytest.raises(ValidationError) as change:
        sp.from_data(data)
    assert said in str(change.value)
