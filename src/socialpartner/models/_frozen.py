"""The base of every input model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """Immutable, strict about unknown keys: a typo in a scenario file is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)
