"""Transfers of money between parties and the balanced ledger of a period.

Like a double-entry journal: each transfer is one payer's outflow and one payee's
inflow of the same amount, so the nets of all parties sum to exactly zero by
construction. Amounts are whole øre (see :mod:`socialpartner.money`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from socialpartner.errors import LedgerError, PartyError
from socialpartner.money import CONTEXT, ORE, in_context

__all__ = ["MAX_AMOUNT", "Ledger", "PartyTotals", "Transfer"]

_ZERO = Decimal("0.00")

MAX_AMOUNT = Decimal("1e15")
"""Largest single transfer (a thousand times the Danish state budget): beyond it, sums of
øre amounts could exceed the 28 digits of decimal arithmetic, so it is refused."""


@dataclass(frozen=True, slots=True)
class Transfer:
    """One payment: ``payer`` pays ``payee`` ``amount`` DKK for ``purpose``.

    Raises:
        LedgerError: empty party names, payer equal to payee, an amount that is not a
            non-negative Decimal in whole øre.

    """

    payer: str
    payee: str
    amount: Decimal
    purpose: str

    def __post_init__(self) -> None:
        if not self.payer or not self.payee:
            raise LedgerError("a transfer needs a payer and a payee")
        if self.payer == self.payee:
            raise LedgerError(f"a transfer needs two parties, got {self.payer!r} twice")
        if not isinstance(self.amount, Decimal) or not self.amount.is_finite():
            raise LedgerError(f"transfer amount must be a finite Decimal, got {self.amount!r}")
        if self.amount < 0:
            raise LedgerError(f"transfer amount must not be negative, got {self.amount}; swap payer and payee")
        if self.amount >= MAX_AMOUNT:
            raise LedgerError(f"transfer amount must be below {MAX_AMOUNT:,} DKK, got {self.amount:,}")
        in_ore = self.amount.quantize(ORE, context=CONTEXT)
        if self.amount != in_ore:
            raise LedgerError(f"transfer amount must be whole øre, got {self.amount}")
        # kept to two places, never a negative zero: 1E+2 is 100.00, -0.00 is 0.00 (review 59 L3)
        object.__setattr__(self, "amount", in_ore if in_ore else in_ore.copy_abs())


@dataclass(frozen=True, slots=True)
class PartyTotals:
    """A party's money in a ledger: what it received, what it paid, and the difference."""

    inflow: Decimal
    outflow: Decimal

    @property
    def net(self) -> Decimal:
        """Inflow minus outflow (positive: the party gains)."""
        return CONTEXT.subtract(self.inflow, self.outflow)


@dataclass(frozen=True, slots=True)
class Ledger:
    """The transfers of one period, in the order they were recorded.

    Args:
        period: a label for the period, e.g. ``"1 year"``.
        transfers: the transfers.

    """

    period: str
    transfers: tuple[Transfer, ...]
    _totals: dict[str, PartyTotals] = field(init=False, repr=False, compare=False)

    @in_context
    def __init__(self, period: str, transfers: Iterable[Transfer]) -> None:
        object.__setattr__(self, "period", period)
        object.__setattr__(self, "transfers", tuple(transfers))
        inflow: dict[str, Decimal] = {}
        outflow: dict[str, Decimal] = {}
        for t in self.transfers:
            if not isinstance(t, Transfer):
                raise LedgerError(f"a ledger holds Transfer records, got {type(t).__name__}")
            for party in (t.payer, t.payee):  # parties in order of first appearance
                inflow.setdefault(party, _ZERO)
                outflow.setdefault(party, _ZERO)
            outflow[t.payer] += t.amount
            inflow[t.payee] += t.amount
        totals = {p: PartyTotals(inflow[p], outflow[p]) for p in inflow}
        object.__setattr__(self, "_totals", totals)

    def __iter__(self) -> Iterator[Transfer]:
        return iter(self.transfers)

    def __len__(self) -> int:
        return len(self.transfers)

    @property
    def parties(self) -> tuple[str, ...]:
        """Every party that pays or receives, in order of first appearance."""
        return tuple(self._totals)

    def totals(self, party: str) -> PartyTotals:
        """Inflow and outflow of one party.

        Raises:
            PartyError: ``party`` is not a party of the ledger (a ``KeyError``); the message
                lists its parties (roles such as ``company``, not display names).

        """
        found = self._totals.get(party) if isinstance(party, str) else None
        if found is None:
            raise PartyError(party, self.parties)
        return found

    def inflow(self, party: str) -> Decimal:
        """What ``party`` received."""
        return self.totals(party).inflow

    def outflow(self, party: str) -> Decimal:
        """What ``party`` paid."""
        return self.totals(party).outflow

    def net(self, party: str) -> Decimal:
        """What ``party`` received minus what it paid."""
        return self.totals(party).net

    def nets(self) -> dict[str, Decimal]:
        """Net per party; the values sum to exactly zero."""
        return {p: t.net for p, t in self._totals.items()}

    @in_context
    def between(self, payer: str, payee: str) -> Decimal:
        """Total paid by ``payer`` to ``payee`` (zero if it pays it nothing; both must be parties)."""
        for party in (payer, payee):
            self.totals(party)  # a party the ledger does not have is refused, not read as paying nothing
        return sum((t.amount for t in self.transfers if t.payer == payer and t.payee == payee), _ZERO)

    @in_context
    def total(self) -> Decimal:
        """Sum of all transfers (money moved, not a balance)."""
        return sum((t.amount for t in self.transfers), _ZERO)
