"""Money rounding, exact allocation, the ledger and the cost-split core."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialpartner as sp

D = Decimal


# -- rounding -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exact", "ore"),
    [
        (Fraction(84000, 2340), D("35.90")),  # 35.897… → 35.90
        (Fraction(433200, 36), D("12033.33")),  # 12,033.333… → 12,033.33
        (D("0.005"), D("0.01")),  # half up
        (D("0.0049999999999999999999999999999"), D("0.00")),  # no double rounding
        (D("-0.005"), D("-0.01")),  # half away from zero
        (D("2.675"), D("2.68")),  # the float 2.675 would round to 2.67
        (0, D("0.00")),
    ],
)
def test_to_ore(exact: Fraction | Decimal | int, ore: Decimal) -> None:
    assert sp.to_ore(exact) == ore
    assert sp.to_ore(exact).as_tuple().exponent == -2


def test_allocate_largest_remainder() -> None:
    # 100.00 / 3 = 33.333…: 10,000 øre = 3,333 × 3 + 1; the spare øre goes to the first part
    assert sp.allocate(D("100.00"), [1, 1, 1]) == [D("33.34"), D("33.33"), D("33.33")]
    # 480,000 by 46,800 : 396,000 : 37,200 (the example's split) is exact
    assert sp.allocate(D("480000.00"), [46800, 396000, 37200]) == [D("46800.00"), D("396000.00"), D("37200.00")]
    # 1.00 by 1:2 → 33.33… and 66.66…: remainders .33 and .67, so the øre goes to the second
    assert sp.allocate(D("1.00"), [1, 2]) == [D("0.33"), D("0.67")]
    assert sp.allocate(D("-1.00"), [1, 2]) == [D("-0.33"), D("-0.67")]


@pytest.mark.parametrize(
    ("amount", "weights", "words"),
    [
        (D("1.00"), [], "at least one"),
        (D("1.00"), [1, -1], "negative"),
        (D("1.00"), [0, 0], "zero"),
        (D("1.001"), [1], "whole øre"),
    ],
)
def test_allocate_rejects(amount: Decimal, weights: list[int], words: str) -> None:
    with pytest.raises(sp.SocialPartnerError, match=words):
        sp.allocate(amount, weights)


@given(
    ore=st.integers(-(10**12), 10**12),
    weights=st.lists(st.fractions(min_value=0, max_value=1000), min_size=1, max_size=12).filter(lambda w: sum(w) > 0),
)
def test_allocate_adds_back_exactly(ore: int, weights: list[Fraction]) -> None:
    amount = D(ore).scaleb(-2)
    parts = sp.allocate(amount, weights)
    assert sum(parts, D(0)) == amount
    total = sum(weights)
    for part, w in zip(parts, weights, strict=True):
        # each part is within one øre of its exact quota
        assert abs(Fraction(part) - Fraction(amount) * w / total) < Fraction(1, 100)


# -- ledger -------------------------------------------------------------------------------


def test_ledger_totals() -> None:
    ledger = sp.Ledger(
        "1 year",
        [
            sp.Transfer("company", "soev", D("432900.00"), "temp hours"),
            sp.Transfer("soev", "workers", D("386100.00"), "wages"),
            sp.Transfer("municipality", "soev", D("396000.00"), "courses"),
            sp.Transfer("soev", "staff", D("480000.00"), "salary"),
        ],
    )
    # SØV: in 432,900 + 396,000 = 828,900; out 386,100 + 480,000 = 866,100; net −37,200
    assert ledger.inflow("soev") == D("828900.00")
    assert ledger.outflow("soev") == D("866100.00")
    assert ledger.net("soev") == D("-37200.00")
    assert ledger.net("company") == D("-432900.00")
    # a party the ledger does not have is refused, naming those it has (not read as a net of 0)
    with pytest.raises(sp.PartyError, match=r"no party 'nobody' in this ledger: its parties are company, soev") as e:
        ledger.net("nobody")
    assert isinstance(e.value, KeyError)
    assert e.value.known == ledger.parties
    with pytest.raises(sp.PartyError, match=r"did you mean 'company'\?"):
        ledger.between("Company", "soev")
    assert ledger.between("workers", "company") == 0  # two parties, no transfer between them
    assert ledger.between("company", "soev") == D("432900.00")
    assert sum(ledger.nets().values()) == 0
    assert ledger.parties == ("company", "soev", "workers", "municipality", "staff")
    assert len(ledger) == 4


@pytest.mark.parametrize(
    ("payer", "payee", "amount", "words"),
    [
        ("a", "a", D("1.00"), "two parties"),
        ("", "b", D("1.00"), "payer and a payee"),
        ("a", "b", D("-1.00"), "negative"),
        ("a", "b", D("1.005"), "whole øre"),
        ("a", "b", D("NaN"), "finite"),
        ("a", "b", 1.5, "Decimal"),
    ],
)
def test_transfer_rejects(payer: str, payee: str, amount: Decimal, words: str) -> None:
    with pytest.raises(sp.LedgerError, match=words):
        sp.Transfer(payer, payee, amount, "x")


parties = st.sampled_from(["company", "soev", "municipality", "workers", "staff", "state"])


@given(
    st.lists(
        st.tuples(parties, parties, st.integers(0, 10**11)).filter(lambda t: t[0] != t[1]),
        max_size=40,
    )
)
def test_ledger_nets_sum_to_zero(rows: list[tuple[str, str, int]]) -> None:
    ledger = sp.Ledger("p", [sp.Transfer(a, b, D(o).scaleb(-2), "x") for a, b, o in rows])
    assert sum(ledger.nets().values(), D(0)) == 0
    assert sum(ledger.inflow(p) for p in ledger.parties) == ledger.total()


# -- core ---------------------------------------------------------------------------------


def test_split_cost_hand_example() -> None:
    split = sp.split_cost(D("480000.00"), {"overhead": D("46800.00"), "courses": D("396000.00")})
    # funding 442,800; coverage 442,800 / 480,000 = 0.9225; shortfall 37,200
    assert split.total_funding == D("442800.00")
    assert split.coverage == D("0.9225")
    assert split.surplus == D("-37200.00")
    assert split.shortfall == D("37200.00")
    assert not split.covered
    # shares: 46,800 / 480,000 = 9.75 %; 396,000 / 480,000 = 82.5 %; uncovered 37,200 / 480,000 = 7.75 %
    assert split.shares == {"overhead": D("0.0975"), "courses": D("0.825")}
    assert split.uncovered_share == D("0.0775")


def test_split_cost_surplus_and_no_cost() -> None:
    split = sp.split_cost(D("100.00"), {"a": D("150.00")})
    assert split.surplus == D("50.00")
    assert split.shortfall == 0
    assert split.uncovered_share == 0
    assert split.coverage == D("1.5")
    empty = sp.split_cost(D("0.00"), {"a": D("10.00")})
    assert empty.coverage is None
    assert empty.shares == {}


def test_split_cost_rejects_negative_cost_but_not_a_losing_source() -> None:
    with pytest.raises(sp.SocialPartnerError, match="cost pool"):
        sp.split_cost(D("-1"), {})
    # a margin that is a loss drains funding: 100 cost, +80 and −30 → 50 funding, shortfall 50
    split = sp.split_cost(D("100.00"), {"a": D("80.00"), "b": D("-30.00")})
    assert split.total_funding == D("50.00")
    assert split.shortfall == D("50.00")
    assert split.shares == {"a": D("0.8"), "b": D("-0.3")}
    assert split.uncovered_share == D("0.5")


def test_break_even_rate() -> None:
    # (480,000 − 396,000) / 2,340 h = 35.897… DKK/h
    assert sp.break_even_rate(Fraction(480000), Fraction(396000), Fraction(2340)) == Fraction(84000, 2340)
    assert sp.break_even_rate(1.0, 0.5, 2.0) == 0.25  # the same function on floats


def test_whole_numbers_are_divided_exactly() -> None:
    # int / int is a float in Python (12033.333333333334): whole amounts give an exact Fraction
    rate = sp.break_even_rate(480000, 46800, 36)  # (480,000 − 46,800) / 36 = 433,200 / 36
    assert type(rate) is Fraction
    assert rate == Fraction(36100, 3)
    ratio = sp.coverage_ratio(442800, 480000)  # 442,800 / 480,000 = 0.9225 = 369/400
    assert type(ratio) is Fraction
    assert ratio == Fraction(369, 400)
    assert sp.coverage_ratio(np.int64(1), np.int32(3)) == Fraction(1, 3)  # numpy's integers too
    with pytest.raises(sp.SocialPartnerError, match="volume must not be zero"):
        sp.break_even_rate(1, 2, 0)
    with pytest.raises(sp.SocialPartnerError, match="cost must not be zero"):
        sp.coverage_ratio(1, 0)


@given(
    cost=st.decimals(0, 10**9, places=2),
    sources=st.lists(st.decimals(0, 10**9, places=2), min_size=1, max_size=5),
)
def test_split_shares_add_back(cost: Decimal, sources: list[Decimal]) -> None:
    split = sp.split_cost(cost, {f"s{i}": v for i, v in enumerate(sources)})
    assert split.total_funding - split.surplus == cost
    if cost > 0 and not split.covered:
        # the sources' shares plus the uncovered share make the whole cost (to Decimal precision)
        assert abs(sum(split.shares.values()) + split.uncovered_share - 1) < D("1e-20")
