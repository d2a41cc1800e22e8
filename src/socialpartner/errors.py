"""Errors raised by socialpartner.

Every error subclasses a built-in (``ValueError``; a wrong argument type ``TypeError`` too,
a missing name ``KeyError`` too) so callers that already catch those keep working. An
error about one thing carries it as attributes (pint style: a quantity's text, a file's
path, a result's name, a party), so a tool can report it without parsing the message;
``SweepError``, ``SolveError`` and ``AgreementError`` name the input at the start of theirs.
Validation of partnership models raises pydantic's ``ValidationError``, whose entries carry
the field location and an error code.
"""

from __future__ import annotations

import difflib
from pathlib import Path

__all__ = [
    "AgreementError",
    "ArgumentTypeError",
    "ExpectationError",
    "ExplainError",
    "LedgerError",
    "NoValueError",
    "OutputError",
    "ParameterError",
    "PartyError",
    "QuantityError",
    "ResultError",
    "ScenarioError",
    "ScenarioWarning",
    "SocialPartnerError",
    "SolveError",
    "SweepError",
]


class SocialPartnerError(ValueError):
    """Base class of the library's own errors."""


class ParameterError(SocialPartnerError):
    """A parameter has no value for the year asked (before its first published value)."""


class QuantityError(SocialPartnerError):
    """A quantity could not be read or has the wrong kind of unit.

    Attributes:
        text: what was given.
        expected: what was expected, in words (e.g. ``"money per hour"``).
        code: a short machine-readable reason, e.g. ``"dimension_mismatch"``.

    """

    def __init__(self, text: str, expected: str, reason: str, code: str) -> None:
        self.text = text
        self.expected = expected
        self.reason = reason
        self.code = code
        super().__init__(f"{reason} (expected {expected}, got {text!r})")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.text, self.expected, self.reason, self.code))


class LedgerError(SocialPartnerError):
    """A transfer or ledger breaks one of the ledger's rules."""


class PartyError(LedgerError, KeyError):
    """A ledger or a public view asked for a party (or public payer) it does not have.

    A ``KeyError`` too (an unknown party is a missing key): a misspelt role or a display
    name (``"IKEA"`` for ``"company"``) is refused rather than read as a party that pays
    and receives nothing.

    Attributes:
        party: the name asked for.
        known: the parties (roles) there are, in order of appearance.

    """

    def __init__(self, party: object, known: tuple[str, ...], where: str = "this ledger") -> None:
        self.party = party
        self.known = tuple(known)
        self.where = where
        close = difflib.get_close_matches(str(party).lower(), [k.lower() for k in self.known], n=1)
        hint = f"; did you mean {next(k for k in self.known if k.lower() == close[0])!r}?" if close else ""
        self.reason = (
            f"no party {party!r} in {where}: its parties are {', '.join(self.known) or 'none'} "
            f"(roles, not display names){hint}"
        )
        super().__init__(self.reason)

    def __str__(self) -> str:  # the message as written (KeyError would show its repr)
        return self.reason

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.party, self.known, self.where))


class ScenarioError(SocialPartnerError):
    """A scenario file could not be read (not a validation error of its content).

    Attributes:
        path: the file, when there is one.
        reason: what went wrong, in words.

    """

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        self.path = None if path is None else Path(path)
        self.reason = reason
        where = f"{self.path}: " if self.path is not None else ""
        super().__init__(f"{where}{reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.reason, self.path))


class ScenarioWarning(UserWarning):
    """A result is computed, but a part of the scenario limits what it means.

    For example a sweep of an input that a horizon change sets from a later year on:
    the swept values count only in the years before the change.
    """


class _InputError(SocialPartnerError):
    """An error that may be about one input of the scenario: its path, for a program to act on.

    Attributes:
        path: the input's scenario path (``courses.price``), or None where the error is about
            no one input (a range, a count, the request as a whole).

    """

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:  # picklable with its path (a sweep in a process pool)
        return (type(self), (str(self), self.path))


class SweepError(_InputError):
    """A sweep's inputs are not valid: unknown path, wrong unit, negative or non-finite values.

    Attributes:
        path: the input the error is about (``courses.price``), None where it is about none.

    """


class SolveError(_InputError):
    """No value of the input in range makes the result reach the target, or the request is malformed.

    Attributes:
        path: the input the error is about (the varied one, mostly), None where it is about none.

    """


class ResultError(SolveError, KeyError):
    """:meth:`Evaluation.result <socialpartner.evaluation.Evaluation.result>` has no result of that name or year.

    A ``KeyError`` too (an unknown name is a missing key), and a :class:`SolveError` (a
    solve, a sweep column or an ``expect:`` entry names its result the same way). The
    message names what there is.

    Attributes:
        name: the name asked for, e.g. ``2029.coverage``.
        reason: what is wrong, in words.

    """

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(reason)

    def __str__(self) -> str:  # the message as written (KeyError would show its repr)
        return self.reason

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.name, self.reason))


class NoValueError(ResultError):
    """A result the evaluation has, with no value here: ``results()`` gives ``None`` for it.

    Coverage with no support-staff cost to cover, a payback year not reached within the
    years, a break-even price with no volume. A :class:`ResultError` (and so a ``KeyError``):
    the name has no value to read.

    Attributes:
        name: the name asked for, e.g. ``coverage``.
        reason: why it has no value, in words.

    """


class AgreementError(_InputError):
    """The request cannot be answered: an unknown or non-numeric input, a bad bound, no party condition.

    Attributes:
        path: the input the error is about (``temp_hours.overhead``), None where it is about none.

    """


class ExpectationError(SocialPartnerError):
    """An ``expect:`` entry that cannot be checked: an unknown result, or a value of the wrong kind.

    Attributes:
        entry: the entry's name, e.g. ``coverage`` or ``2027.net.company``.
        reason: what is wrong, in words.

    """

    def __init__(self, entry: str, reason: str) -> None:
        self.entry = entry
        self.reason = reason
        super().__init__(f"expect.{entry}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.entry, self.reason))


class OutputError(SocialPartnerError):
    """An output file (workbook, chart, CSV) cannot be written where asked.

    Attributes:
        path: the file asked for.
        reason: what is wrong, in words (wrong suffix, missing directory, …).

    """

    def __init__(self, reason: str, path: Path | str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.reason, self.path))


class ExplainError(SocialPartnerError, KeyError):
    """:meth:`Evaluation.explain <socialpartner.evaluation.Evaluation.explain>` has no topic of that name.

    A ``KeyError`` too (an unknown topic is a missing key), so code that caught the
    ``KeyError`` raised before keeps working. The message lists the close matches and
    the topics there are.

    Attributes:
        topic: the name asked for.
        close: the known topics closest to it.

    """

    def __init__(self, topic: str, reason: str, close: tuple[str, ...] = ()) -> None:
        self.topic = topic
        self.reason = reason
        self.close = tuple(close)
        super().__init__(reason)

    def __str__(self) -> str:  # the message as written (KeyError would show its repr)
        return self.reason

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.topic, self.reason, self.close))


class ArgumentTypeError(SocialPartnerError, TypeError):
    """An argument of the wrong type (e.g. ``None`` where a name is expected); the message names the argument."""
