"""What every partnership model shares."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from socialpartner._internal.plan import Plan
from socialpartner.parties import Name
from socialpartner.quantities import Duration


class Frozen(BaseModel):
    """Immutable, strict about unknown keys: a typo in a scenario file is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)


class Partnership(Frozen):
    """Base of the partnership models.

    Attributes:
        name: a title for the scenario.
        period: the span the amounts cover (default one year; 52 weeks = 12 months).

    """

    MODEL: ClassVar[str]

    name: Name
    period: Duration = "1 year"  # type: ignore[assignment]  # the default is validated into a Quantity

    def _plan(self) -> Plan:
        raise NotImplementedError
