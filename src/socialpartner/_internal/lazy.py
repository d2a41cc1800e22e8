"""A module imported on first use, so that public annotations resolve at runtime without importing it now.

``import socialpartner`` does not import pandas (it takes a second); the functions that
return DataFrames import it when called. Their annotations name ``pd.DataFrame``, which
:func:`typing.get_type_hints` evaluates in the module's namespace: a ``LazyModule`` there
imports pandas only when such an annotation (or anything else) asks for one of its names.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["LazyModule"]


class LazyModule:
    """Stands for the module ``name``; an attribute read imports it and reads the attribute there."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)

    def __repr__(self) -> str:
        return f"<module {self._name!r}, imported on first use>"
