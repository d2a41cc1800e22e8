"""The base of every input model."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict, ValidationError

from socialpartner._internal.messages import plain


class Frozen(BaseModel):
    """Immutable, strict about unknown keys: a typo in a scenario file is an error.

    ``model_validate`` (what :func:`socialpartner.load` and ``from_data`` use) reports
    errors in plain words (``a list``, ``did you mean 'overhead'?``). The constructor is
    pydantic's own: a custom ``__init__`` would be called for every nested model.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    @classmethod
    def model_validate(
        cls,
        obj: Any,
        *,
        strict: bool | None = None,
        extra: Any = None,
        from_attributes: bool | None = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """Validate ``obj`` into this model (pydantic's ``model_validate``, with plain messages)."""
        try:
            return super().model_validate(
                obj,
                strict=strict,
                extra=extra,
                from_attributes=from_attributes,
                context=context,
                by_alias=by_alias,
                by_name=by_name,
            )
        except ValidationError as exc:
            raise plain(exc, cls) from None
