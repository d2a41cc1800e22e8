"""inclusive_jobs and inclusive_fte: the jobs for people outside the labour market, ordinary posts left out."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import socialpartner as sp

from .conftest import ROOT, scenario_matrix, sweep_as_given

SUPPLIER = ROOT / "examples" / "supplier_facility.yaml"
MATRIX = scenario_matrix()


def test_the_supplier_example_by_hand() -> None:
    # 20 fleksjob × 15 h, 3 apprentices × 37 h, 2 ordinary × 37 h: 25 jobs, 485 / 37 = 13.108… → 13.11 FTE;
    # without the 2 ordinary posts 23 jobs, (300 + 111) / 37 = 11.108… → 11.11 FTE
    ev = sp.evaluate(sp.load(SUPPLIER))
    r = ev.results()
    assert (r["jobs"], r["fte"]) == (Decimal(25), Decimal("13.11"))
    assert (r["inclusive_jobs"], r["inclusive_fte"]) == (Decimal(23), Decimal("11.11"))
    explained = ev.explain("inclusive_jobs")
    assert [t.label.split(" (")[0] for t in explained.terms] == ["fleksjob", "apprentice"]
    assert explained.value == "23"
    assert sp.check_expectations(ev, {"inclusive_jobs": 23, "inclusive_fte": "11.11 FTE"})[0].passed


def test_solve_for_inclusive_fte() -> None:
    # (15 h × n + 111 h) / 37 ≥ 12 FTE: 15 n ≥ 333, n ≥ 22.2, so 23 people in fleksjob: (345 + 111) / 37 = 12.32
    s = sp.solve(sp.load(SUPPLIER), "workforce.0.headcount", "inclusive_fte", 12)
    assert s.value == 23
    assert s.achieved == Decimal("12.32")


@pytest.mark.parametrize(("name", "data"), MATRIX, ids=[n for n, _ in MATRIX])
def test_a_sweep_gives_what_evaluate_gives(name: str, data: dict[str, Any]) -> None:
    # five models × with/without public: × with/without horizon:, the sweep's columns against evaluate
    deal = sp.from_data(data)
    ev = sp.evaluate(deal)
    frame = sweep_as_given(deal)
    for key in ("inclusive_jobs", "inclusive_fte"):
        assert frame[key].iloc[0] == float(ev.result(key)), key
        assert ev.result(key) <= ev.result(key.replace("inclusive_", ""))
    for part in ev.breakdown:
        for key in ("inclusive_jobs", "inclusive_fte"):
            assert frame[f"{part.ledger.period}.{key}"].iloc[0] == float(part.result(key)), (part.ledger.period, key)


def test_explanations_of_jobs_are_titled_in_words_with_their_year() -> None:
    # review 41: "inclusive_jobs in 2029", and a year's "job = 5" without its year
    from socialpartner.views.explain import explanation_text

    data = sp.load(SUPPLIER).model_dump(mode="json", exclude={"expect"})
    data["horizon"] = {"years": 2, "start_year": 2026}
    ev = sp.evaluate(sp.from_data(data))
    assert ev.explain("inclusive_jobs").topic == "inclusive jobs in 2027"
    assert ev.explain("2026:inclusive_fte").topic == "inclusive FTE in 2026"
    assert explanation_text(ev.explain("2026:jobs"), "da").startswith("job i 2026 = 25")
    assert explanation_text(ev.explain("inclusive_fte"), "da").startswith("inkluderende årsværk i 2027 = 11,11")
    assert sp.evaluate(sp.load(SUPPLIER)).explain("inclusive_jobs").topic == "inclusive jobs"  # one year: no year
