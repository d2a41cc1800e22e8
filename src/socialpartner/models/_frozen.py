"""The base of every input model."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict, ModelWrapValidatorHandler, ValidationError, model_validator

from socialpartner._internal.messages import plain


class Frozen(BaseModel):
    """Immutable, strict about unknown keys: a typo in a scenario file is an error.

    Validation errors are reported in plain words (``a list``, ``did you mean
    'overhead'?``), whether the model is built in code, from data or from a file.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    @model_validator(mode="wrap")
    @classmethod
    def _plain_messages(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        # pydantic merges a ValidationError raised here into the caller's, under this model's location
        try:
            return handler(data)
        except ValidationError as exc:
            raise plain(exc, cls) from None
