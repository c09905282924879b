"""The writer lock: one process at a time writes a database, and says who it is.

The lock is a file beside the database (`applications.json.lock`). Readers
never take it, so reading commands work beside a running board; a writer that
finds it held is told which process holds it, from the owner sidecar file.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from jobtui.domain.errors import DatabaseError, LockedError
from jobtui.domain.files import error_reason

if TYPE_CHECKING:
    from filelock import BaseFileLock


class WriterLock:
    """The lock that keeps a database to one writer, with a note of who holds it.

    filelock opens the lock file with O_TRUNC, so the holder's details go in a
    sidecar file beside it, written once the lock is held and removed before it
    is let go.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.lock_path = db_path.with_name(f"{db_path.name}.lock")
        self.owner_path = db_path.with_name(f"{db_path.name}.lock.owner")
        self._lock: BaseFileLock | None = None

    def acquire(self, timeout: float) -> None:
        """Take the lock, waiting up to `timeout` seconds for another writer.

        Raises:
            LockedError: another process still holds it, named in the message.
        """
        # filelock takes tens of milliseconds to import; only writers need it.
        from filelock import FileLock, Timeout

        lock = FileLock(self.lock_path)
        try:
            lock.acquire(timeout=max(timeout, 0.0))
        except Timeout:
            raise LockedError(self._held_message()) from None
        except OSError as error:
            raise DatabaseError(
                f"cannot lock {self.db_path}: {error_reason(error)}"
            ) from error

        try:
            self._write_owner()
        except OSError as error:
            lock.release()
            raise DatabaseError(
                f"cannot lock {self.db_path}: {error_reason(error)}"
            ) from error
        self._lock = lock

    def release(self) -> None:
        """Let the lock go; doing so twice is harmless."""
        if self._lock is None:
            return
        with suppress(OSError):
            self.owner_path.unlink()
        self._lock.release()
        self._lock = None

    def _write_owner(self) -> None:
        import socket

        owner = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
            "since": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        self.owner_path.write_bytes(orjson.dumps(owner))

    def _held_message(self) -> str:
        try:
            owner = orjson.loads(self.owner_path.read_bytes())
            since = str(owner["since"])
            if since[:10] == time.strftime("%Y-%m-%d", time.gmtime()):
                since = since[11:16]
            else:
                since = f"{since[:10]} {since[11:16]}"
            command = str(owner["command"])
            if len(command) > 40:
                command = command[:39] + "…"
            where = f"pid {owner['pid']} on {owner['host']}"
            who = f"{where}, `{command}`, since {since} UTC"
        except (OSError, ValueError, KeyError, TypeError):
            who = "which one it did not say"
        return (
            f"{self.db_path} is open for writing by another jobtui ({who}); "
            "close it first — reading commands still work"
        )
