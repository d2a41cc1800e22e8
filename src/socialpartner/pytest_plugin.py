"""pytest plugin: scenario files with an ``expect:`` block are collected as tests.

Registered through the ``pytest11`` entry point when socialpartner is installed, so
``pytest`` finds ``test_*.yaml`` (and ``test_*.yml``) files that carry an ``expect:``
block and makes one test item per expectation, named ``FILE::RESULT``. A failure shows
the expected and actual values, their difference, and the
:meth:`~socialpartner.Evaluation.explain` trace of the result where there is one.

Other file names are collected with the ini option ``socialpartner_files`` (glob
patterns matched against file names), e.g. in ``pyproject.toml``::

    [tool.pytest.ini_options]
    socialpartner_files = ["test_*.yaml", "*.scenario.yaml"]
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pydantic import ValidationError

from socialpartner.errors import SocialPartnerError

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr

    from socialpartner.evaluation import Evaluation
    from socialpartner.models._base import Partnership
    from socialpartner.testing import ExpectationResult

__all__ = ["ExpectationItem", "ExpectationNotMetError", "ScenarioFile"]

_DEFAULT_PATTERNS = ["test_*.yaml", "test_*.yml"]


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ``socialpartner_files`` ini option."""
    parser.addini(
        "socialpartner_files",
        type="args",
        default=_DEFAULT_PATTERNS,
        help="glob patterns of scenario files whose expect: blocks are collected as tests",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ScenarioFile | None:
    """A scenario file with an ``expect:`` block, when its name matches ``socialpartner_files``."""
    from socialpartner.testing import has_expectations

    if file_path.suffix.lower() not in {".yaml", ".yml"}:
        return None
    patterns = parent.config.getini("socialpartner_files") or _DEFAULT_PATTERNS
    if not any(fnmatch.fnmatch(file_path.name, pattern) for pattern in patterns):
        return None
    if not has_expectations(file_path):
        return None
    file: ScenarioFile = ScenarioFile.from_parent(parent, path=file_path)
    return file


def _message(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        count = exc.error_count()
        lines = [f"{count} {'problem' if count == 1 else 'problems'} in the scenario:"]
        lines += [f"  {'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}" for e in exc.errors()]
        return "\n".join(lines)
    return str(exc)


class ScenarioFile(pytest.File):
    """A scenario file; its items are the entries of its ``expect:`` block."""

    _evaluation: Evaluation | None = None

    def collect(self) -> Iterator[ExpectationItem]:
        """One item per expectation (the scenario is read here, evaluated by the first item)."""
        from socialpartner.scenario import load

        self.partnership: Partnership = load(self.path)
        if self.partnership.expect is None:
            return
        for name in self.partnership.expect.entries:
            yield ExpectationItem.from_parent(self, name=name)

    def evaluation(self) -> Evaluation:
        """The scenario's evaluation, computed once for all its items."""
        if self._evaluation is None:
            from socialpartner.evaluation import evaluate

            self._evaluation = evaluate(self.partnership)
        return self._evaluation

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> str | TerminalRepr:  # type: ignore[override]
        """A scenario that cannot be read: the reason, without a traceback."""
        if isinstance(excinfo.value, (ValidationError, SocialPartnerError)):
            return f"{self.path}: {_message(excinfo.value)}"
        return super().repr_failure(excinfo)


class ExpectationNotMetError(AssertionError):
    """An expectation that does not hold (its result and the trace behind it)."""

    def __init__(self, result: ExpectationResult, trace: str | None) -> None:
        self.result = result
        self.trace = trace
        super().__init__(str(result))


class ExpectationItem(pytest.Item):
    """One entry of an ``expect:`` block."""

    def runtest(self) -> None:
        """Evaluate the scenario (once per file) and compare the result with the entry."""
        from socialpartner.testing import check_expectation, explain_result

        parent = self.parent
        assert isinstance(parent, ScenarioFile)  # noqa: S101 - created only by ScenarioFile.collect
        ev = parent.evaluation()
        result = check_expectation(ev, self.name)
        if not result.passed:
            raise ExpectationNotMetError(result, explain_result(ev, self.name))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> str | TerminalRepr:  # type: ignore[override]
        """Expected against actual, and how the actual value was computed."""
        exc = excinfo.value
        if isinstance(exc, ExpectationNotMetError):
            lines = [f"{self.path.name}: {exc.result}"]
            if exc.trace is not None:
                lines += ["", "how the actual value is computed:", exc.trace]
            return "\n".join(lines)
        if isinstance(exc, (ValidationError, SocialPartnerError)):
            return f"{self.path.name}: {_message(exc)}"
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the item comes from, for pytest's report."""
        return self.path, None, f"expect: {self.name}"
