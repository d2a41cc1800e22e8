"""Each party's floor or limit in a negotiation (the scenario's ``agreement:`` block)."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import model_validator

from socialpartner._internal.units import canonical
from socialpartner.models._frozen import Frozen
from socialpartner.quantities import MoneyPerTime, Share

__all__ = ["AgreementTerms"]


class AgreementTerms(Frozen):
    """What each party needs before it agrees; read by :func:`socialpartner.agreement`.

    Every field is optional: without it, a party needs only to be no worse off than
    without the partnership.

    Attributes:
        soev_margin: the SØV's margin over its support-staff cost, as a share of that
            cost (``5 %``: funding must reach 105 % of the cost, coverage ≥ 105 %).
        soev_minimum: a surplus the SØV needs on top, as money per week, month or year.
        municipal_limit: the net cost per time the municipality accepts for the social
            outcome: its public net effect (with ``public:``) or, without ``public:``,
            its payments in the ledger, may fall this far below zero.
        basis: over several years, judge each party on the present value of its gain
            (``present_value``, discounted at the Finansministeriet rates) or require the
            condition in every year (``per_year``).

    """

    soev_margin: Share | None = None
    soev_minimum: MoneyPerTime | None = None
    municipal_limit: MoneyPerTime | None = None
    basis: Literal["present_value", "per_year"] = "present_value"

    @model_validator(mode="after")
    def _margin_below_the_cost(self) -> Self:
        # a plain 5 reads as 500 %: almost surely meant as 5 %
        if self.soev_margin is not None and canonical(self.soev_margin) >= 1:
            raise ValueError(
                f"soev_margin: {float(canonical(self.soev_margin)):.0%} of the support-staff cost; "
                "for five percent write '5 %' or 0.05"
            )
        return self
