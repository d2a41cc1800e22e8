"""The README's Python example runs as written, and its figures are the library's."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import EXAMPLE, ROOT


def python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)


def without_comments(text: str) -> list[str]:
    return [line.split("#")[0].rstrip() for line in text.splitlines()]


def test_readme_python_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "examples").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "examples" / EXAMPLE.name)
    monkeypatch.chdir(tmp_path)
    (block,) = python_blocks(ROOT / "README.md")
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert (tmp_path / "cheaper.yaml").is_file()
    # the saved copy is a scenario its own test accepts: no expect: block with the old figures left
    import socialpartner as sp

    assert "expect:" not in (tmp_path / "cheaper.yaml").read_text(encoding="utf-8")
    assert sp.load(tmp_path / "cheaper.yaml").expect is None
    # the values the README shows in its comments
    ev = namespace["ev"]
    assert str(ev.cost_split.coverage) == "0.9225"  # type: ignore[attr-defined]
    assert str(ev.ledger.net("social_enterprise")) == "-37200.00"  # type: ignore[attr-defined]


def test_readme_example_file_is_the_shipped_one() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", text, re.DOTALL)
    assert block is not None
    shipped = EXAMPLE.read_text(encoding="utf-8")
    # same keys and values; the README may shorten a comment
    assert without_comments(block.group(1)) == without_comments(shipped)


def test_parameter_page_lists_every_value() -> None:
    import socialpartner as sp

    page = (ROOT / "docs" / "parameters.md").read_text(encoding="utf-8")
    params = sp.default_parameters()
    assert params.version in page
    for name in params.names():
        for value in params.values[name]:
            # the row holds the whole source, as the data file has it
            source = " ".join(value.source.split())
            assert f"| `{name}` | {value.year} | {value.value} | {value.tag} | {source}" in page, (name, value.year)


@pytest.mark.parametrize("page", sorted((ROOT / "docs").rglob("*.md")), ids=lambda p: p.name)
def test_docs_python_blocks_run(page: Path) -> None:
    # blocks written as sessions (>>>) run as doctests; plain blocks run here
    for block in python_blocks(page):
        if block.lstrip().startswith(">>>"):
            continue
        exec(compile(block, str(page), "exec"), {})  # noqa: S102 - our own documentation
