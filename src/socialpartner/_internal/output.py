"""Checks for output files (workbooks, charts, CSV), made before any work is done."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from socialpartner._internal.arguments import need_path
from socialpartner.errors import OutputError


def check_output(path: str | os.PathLike[str], suffixes: tuple[str, ...], what: str) -> Path:
    """The path, if a file with one of ``suffixes`` can be written there.

    Refuses a directory or another non-regular file (a FIFO would block, a device swallow
    the output), another suffix (``x.txt`` for a workbook would hide what the file is)
    and a missing parent directory, so a long computation never ends in a failed write.

    Raises:
        OutputError: naming the path and what is wrong.

    """
    need_path(path)
    p = Path(path)
    wanted = " or ".join(suffixes)
    try:
        mode: int | None = os.stat(p).st_mode  # through symlinks: what would be written
    except FileNotFoundError:
        mode = None  # a new file (or a link to one)
    except OSError as exc:  # a symlink loop, a path through a file, no permission
        raise OutputError(f"cannot write: {exc.strerror or exc}", p) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"is a directory; {what} needs a file name ending in {wanted}", p)
    if mode is not None and not stat.S_ISREG(mode):  # a FIFO would block the write, a device swallow it
        raise OutputError("not a regular file: give the name of a file to write", p)
    if p.suffix.lower() not in suffixes:
        raise OutputError(f"{what} needs a file name ending in {wanted}", p)
    parent = Path(os.path.realpath(p)).parent
    if not parent.is_dir():
        raise OutputError(f"no such directory: {parent}", p)
    return p


@contextlib.contextmanager
def writing(path: str | os.PathLike[str]) -> Iterator[None]:
    """Report a failed write (permissions, a full disk, a vanished directory) as the file's error."""
    try:
        yield
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", Path(path)) from None
