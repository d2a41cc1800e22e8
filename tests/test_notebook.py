"""The example notebook runs top to bottom in a real Jupyter kernel, so it never rots."""

from __future__ import annotations

import json

import nbformat
from nbclient import NotebookClient

from .conftest import ROOT

NOTEBOOK = ROOT / "examples" / "ikea_rebild.ipynb"


def test_notebook_is_committed_without_outputs() -> None:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert all(not cell.get("outputs") for cell in notebook["cells"] if cell["cell_type"] == "code")


def test_notebook_runs_in_a_kernel() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = [cell.outputs for cell in nb.cells if cell.cell_type == "code"]
    # the evaluation shows as HTML: who pays whom, coverage, break-even
    html = outputs[1][0]["data"]["text/html"]
    assert "coverage 92.25 %" in html
    assert "35.90 DKK/hour" in html
    # the solver's break-even course price and overhead
    printed = "".join(o.get("text", "") for o in outputs[4])
    # 12,033.34 × 36 = 433,200.24 covers the 433,200 left after the overhead; 12,033.33 does not.
    # overhead: 35.90 × 2,340 = 84,006 ≥ 84,000; 35.89 × 2,340 = 83,982.60 falls short
    assert "courses.price = 12033.34 DKK / month" in printed
    assert "temp_hours.overhead = 35.9 DKK / hour" in printed
    # and the plot
    assert any("image/png" in o.get("data", {}) for o in outputs[5])
