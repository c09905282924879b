"""Durable file writing: a whole new file or the old one, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from jobtui.domain.errors import DatabaseError


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a synced temp file and an atomic rename.

    Raises:
        DatabaseError: when the folder cannot be written; `path` is untouched.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            dir=folder, prefix=f".{path.name}.tmp-", suffix=""
        )
    except OSError as error:
        raise DatabaseError(f"cannot write {path}: {error.strerror}") from error
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        Path(temp_name).replace(path)
        sync_folder(folder)
    except OSError as error:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise DatabaseError(f"cannot write {path}: {error.strerror}") from error


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be synced)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
