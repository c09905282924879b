"""The errors the domain raises, each carrying a message fit to show a user."""

from __future__ import annotations


class JobtuiError(Exception):
    """Base of every error jobtui reports to the user instead of a traceback."""

    #: The command line's exit status for this error: 2 for bad input.
    exit_status = 1


class InputError(JobtuiError):
    """Bad input: says where it was found and what is wrong with it.

    Args:
        where: the place of the bad value, such as `--applied`, `line 4, column
            applied` or `applications[2].events[0].at`.
        what: what is wrong, as a short sentence fragment.
    """

    exit_status = 2

    def __init__(self, where: str, what: str) -> None:
        self.where = where
        self.what = what
        super().__init__(f"{where}: {what}" if where else what)


class NotFoundError(InputError):
    """An application id (or prefix) that matches nothing, or more than one."""


class DatabaseError(JobtuiError):
    """The database file cannot be opened or written; it was left untouched."""


class LockedError(DatabaseError):
    """Another process holds the writer lock on the database."""


class ConflictError(DatabaseError):
    """The file changed on disk in a way that a write would overwrite."""
