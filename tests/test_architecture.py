"""The house rules of the layout: no import cycles, errors that pickle, the host's pint registry left alone."""

from __future__ import annotations

import ast
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import socialpartner as sp

from .conftest import ROOT

SRC = ROOT / "src" / "socialpartner"


def _module(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path) -> set[str]:
    """Modules imported when ``path`` is imported: not under TYPE_CHECKING, not inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for sub in ast.walk(node) if not isinstance(node, (ast.FunctionDef, ast.ClassDef)) else ():
            if isinstance(sub, ast.Import):
                found |= {a.name for a in sub.names}
            elif isinstance(sub, ast.ImportFrom):
                base = sub.module or ""
                if sub.level:
                    parent = package.split(".")[: len(package.split(".")) - sub.level + 1]
                    base = ".".join([*parent, base]).strip(".")
                found.add(base)
                found |= {f"{base}.{a.name}" for a in sub.names}
    return {m for m in found if m.startswith("socialpartner")}


def test_no_import_cycles() -> None:
    modules = {_module(p): p for p in SRC.rglob("*.py")}
    graph = {
        name: {m for m in _top_level_imports(path) if m in modules and m != name} for name, path in modules.items()
    }
    # importing a submodule runs its package's __init__ first; the package's own __init__ loads lazily
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


@pytest.mark.parametrize(
    "error",
    [
        sp.SocialPartnerError("x"),
        sp.QuantityError("12 %%", "a share", "not a share", "ratio_unit"),
        sp.ScenarioError("no such file", "a.yaml"),
        sp.LedgerError("unbalanced"),
        sp.SweepError("courses.price: values must be finite"),
        sp.SolveError("no value between 0 and 5000 reaches the target"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_survive_pickling(error: Exception) -> None:
    back = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own objects
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert isinstance(back, ValueError)
    assert vars(back) == vars(error)


def test_errors_live_in_errors_py() -> None:
    from socialpartner import errors

    for name in ("SweepError", "SolveError", "QuantityError", "ScenarioError", "LedgerError"):
        assert getattr(sp, name) is getattr(errors, name)


def _bad_sweep(_: int) -> None:
    deal = sp.load(sp.example_path())
    sp.sweep(deal, {"courses.price": ["-5 DKK/month"]})


def test_a_sweep_in_a_process_pool_reports_its_error() -> None:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as pool, pytest.raises(sp.SweepError, match=r"courses\.price"):
        pool.submit(_bad_sweep, 0).result(timeout=120)


def test_the_library_leaves_pints_application_registry_alone() -> None:
    code = (
        "import pint; before = pint.get_application_registry().get(); "
        "import socialpartner as sp; sp.evaluate(sp.load(sp.example_path())); "
        "assert pint.get_application_registry().get() is before; "
        "assert pint.get_application_registry().get() is not sp.ureg"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_public_submodules_are_attributes_of_the_package() -> None:
    # in a fresh interpreter, where nothing else has imported them yet
    code = (
        "import socialpartner as sp; "
        "assert sp.sweeps.MAX_VARIANTS > 0; "
        "assert sp.core.balance and sp.money.ORE and sp.parameters.ParameterSet and sp.views.break_even_note; "
        "import pytest; "
        "pytest.raises(AttributeError, lambda: sp.not_a_module)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
