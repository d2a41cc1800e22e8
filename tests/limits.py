"""A time limit per test example, so a hang fails the test run instead of stalling it."""

from __future__ import annotations

import contextlib
import faulthandler
import functools
import signal
import sys
from collections.abc import Callable, Iterator
from typing import Any, ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


class ExampleTimeoutError(AssertionError):
    """One example ran longer than its limit."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail with :class:`ExampleTimeoutError` after ``seconds``; kill the process after four times that.

    The alarm interrupts Python code and blocking system calls (a FIFO's open); a loop
    inside compiled code does not see it, so a watchdog thread dumps the stacks and ends
    the process as a last resort: the run fails either way, it never stalls.
    """
    if sys.platform == "win32":  # no SIGALRM: the watchdog alone
        faulthandler.dump_traceback_later(seconds * 4, exit=True)
        try:
            yield
        finally:
            faulthandler.cancel_dump_traceback_later()
        return

    def expired(signum: int, frame: Any) -> None:
        raise ExampleTimeoutError(f"example took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    faulthandler.dump_traceback_later(seconds * 4, exit=True)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        faulthandler.cancel_dump_traceback_later()


def time_limited(seconds: float) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """Decorate a test (under ``@given``: each example) with :func:`time_limit`."""

    def decorate(fn: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(fn)
        def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            with time_limit(seconds):
                return fn(*args, **kwargs)

        return wrapper

    return decorate
