"""``sp.number_format("da")`` reads the text a program passes, never a file's own or the library's.

Inside the block, ``"10.000 kr./md."`` is 10,000 wherever text is read (a quantity, a
distribution, a tornado's ends); a file is read by its own ``number_format:`` (plain when
it declares none), and a scenario already loaded is evaluated, swept and negotiated as it
is outside the block.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import socialpartner as sp

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize(
    ("text", "dkk"),
    [
        ("10.000 kr./md.", 10_000),  # one group of three: 10 in pint's own reading
        ("510.000 kr./år", 510_000),
        ("1.234.567 kr", 1_234_567),
        ("9.000,00 kr./md.", 9_000),
        ("165,50 kr./time", 165.5),
        ("10 kr", 10),
    ],
)
def test_a_danish_quantity_text_is_read_the_danish_way(text: str, dkk: float) -> None:
    with sp.number_format("da"):
        assert sp.Q_(text).magnitude == dkk
    if "." in text.split()[0]:  # outside the block the grouping is ambiguous: refused, never 10
        with pytest.raises(sp.QuantityError):
            sp.Q_(text)


def test_distributions_and_tornado_ends_are_read_the_danish_way() -> None:
    base = sp.load(sp.example_path())
    with sp.number_format("da"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        drawn = sp.monte_carlo(base, {"courses.price": sp.Uniform("9.000 kr./md.", "14.000 kr./md.")}, n=500, seed=1)[
            "courses.price [DKK/month]"
        ]
        ends = sp.tornado(base, {"courses.price": ("9.000 kr./md.", "14.000 kr./md.")})
    assert drawn.min() >= 9_000
    assert 13_000 < drawn.max() <= 14_000
    assert str(ends.loc[0, "low"]) == "9000 DKK/month"
    assert str(ends.loc[0, "high"]) == "14000 DKK/month"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_files_and_loaded_scenarios_are_not_read_by_the_callers_format(path: Path) -> None:
    outside = sp.load(path)
    results = sp.evaluate(outside).results()
    zone = sp.agreement(outside, vary=["courses.price"]).text() if outside.MODEL == "shared_responsibility" else None
    with sp.number_format("da"):
        inside = sp.load(path)  # the file's own format (plain here), not the block's
        assert inside == outside
        assert sp.loads(path.read_text(encoding="utf-8")) == outside
        assert sp.loads(sp.dumps(outside)) == outside
        assert sp.evaluate(outside).results() == results
        if zone is not None:  # the zone re-validates the scenario at each point tried: its own plain text
            assert sp.agreement(outside, vary=["courses.price"]).text() == zone


def test_agreement_conditions_given_in_the_block_are_read_the_danish_way() -> None:
    # IKEA example: support staff 480,000; overhead 46,800 fixed; 3 participants × 12 months = 36.
    # A margin of 5.5 %: 480,000 × 1.055 = 506,400; (506,400 − 46,800) / 36 = 12,766.67 a month
    base = sp.load(sp.example_path())
    with sp.number_format("da"):
        zone = sp.agreement(base, vary=["courses.price"], soev_margin="5,5 %")
    assert "−459,600.00 + 36·courses.price = 0" in zone.text()
    assert "from 12,766.67" in zone.text()


def test_a_zone_reads_the_scenarios_own_values_whatever_the_callers_format() -> None:
    # 12.6750 % is how the library writes 12.675 % (never a grouping): inside the block the
    # zone once refused it as "not a numeric input"
    data = sp.load(ROOT / "examples" / "ikea_rebild.yaml").model_dump(mode="json", exclude_none=True)
    data["temp_hours"]["overhead"] = "12.6750 %"
    data.pop("expect", None)
    deal = sp.from_data(data)
    outside = sp.agreement(deal, vary=["temp_hours.overhead", "courses.price"])
    with sp.number_format("da"):
        inside = sp.agreement(deal, vary=["temp_hours.overhead", "courses.price"])
    assert str(inside) == str(outside)
    # the SØV's boundary: 480,000 = 2,340 h × 165 × overhead share + 36 participant-months × price
    # (386,100 × overhead) → the overhead coefficient is 3,861 per percent
    assert "3,861·temp_hours.overhead + 36·courses.price" in str(outside)
