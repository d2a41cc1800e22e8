"""What every partnership model shares."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from pydantic import BaseModel, ConfigDict

from socialpartner._internal.plan import Extras, Plan
from socialpartner.parties import Name
from socialpartner.quantities import Duration

if TYPE_CHECKING:
    from socialpartner.evaluation import Evaluation


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
    # True for models evaluated period by period (a spin-off's years): the evaluation then
    # always has a breakdown, even with a single period.
    MULTI_PERIOD: ClassVar[bool] = False

    name: Name
    period: Duration = "1 year"  # type: ignore[assignment]  # the default is validated into a Quantity

    def _plan(self) -> Plan:
        """The model's flows and placements for one period."""
        raise NotImplementedError

    def _plans(self) -> tuple[Plan, ...]:
        """One plan per period; most models have one."""
        return (self._plan(),)

    def _combined_extras(self, parts: tuple[Evaluation, ...]) -> Extras:
        """Figures over all periods of a multi-period model."""
        return Extras()
