"""The example notebook runs from top to bottom, so it never rots."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import matplotlib

from .conftest import ROOT

matplotlib.use("Agg")


def test_notebook_runs() -> None:
    notebook = json.loads((ROOT / "examples" / "ikea_rebild.ipynb").read_text(encoding="utf-8"))
    namespace: dict[str, Any] = {}
    for i, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            exec(compile(source, f"ikea_rebild.ipynb[{i}]", "exec"), namespace)  # noqa: S102 - our own notebook
            assert not cell["outputs"], "commit the notebook without outputs"
    ev = namespace["ev"]
    assert ev.cost_split.coverage == Decimal("0.9225")
    assert "coverage 92.25 %" in ev._repr_html_()
    assert namespace["price"].value == "12033.3333 DKK / month"
    assert namespace["coverage"].shape == (51, 7)
    namespace["plt"].close("all")
