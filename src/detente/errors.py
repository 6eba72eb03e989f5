"""Errors detente raises, each carrying the one-line message a user sees.

    DetenteError
    ├── InputError          an input could not be read or holds no article (PATH[:LINE]: problem)
    ├── StoreError          the store could not be opened, migrated or written
    └── UsageError          an option value is malformed (exit status 2)

The CLI prints ``detente: <message>``; the message itself names the file (and line) first.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class: ``str(error)`` is the complete one-line message."""


class InputError(DetenteError):
    """One input failed; the others go on."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        # pickled by its fields (Exception pickles ``args``, one message): crosses process and Spark boundaries
        return InputError, (self.path, self.problem, self.line)


class StoreError(DetenteError):
    """The store could not be opened, migrated or written."""


class UsageError(DetenteError):
    """A malformed option value: nothing was done."""
