"""Durable file writing: a whole new file or the old one, never half of either.

The database, its backups and the command line's exports all go through
`write_atomically`; nothing here knows what is in the files.
"""

from __future__ import annotations

import errno
import itertools
import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

# Every temp file's name holds this mark, so that leftovers can be told apart.
TEMP_MARK = ".tmp-"

_temp_numbers = itertools.count()


def write_atomically(
    path: Path, payload: bytes, *, before_replace: Callable[[], None] | None = None
) -> os.stat_result:
    """Replace `path` with `payload`; a crash at any instant leaves the old or the new.

    The bytes go to a temp file in the same folder, are synced, take the old
    file's place by an atomic rename, and the folder is synced so that the
    rename itself lasts.

    Args:
        before_replace: called once the new bytes are safely on disk, just before
            they take the old file's place; raising there leaves the old file.

    Returns:
        The file's status once it is in place.

    Raises:
        OSError: the folder or file could not be written; `path` is untouched
            unless the rename was done and only the folder sync failed.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}-{next(_temp_numbers)}")

    try:
        written = _write_synced(temp, payload, _mode_of(path))
        if before_replace is not None:
            before_replace()
        temp.replace(path)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise

    sync_folder(folder)
    # The rename changed the status time, so look again; but if someone else's
    # file took the name meanwhile, its status must not pass for ours.
    placed = path.stat()
    if (placed.st_dev, placed.st_ino) != (written.st_dev, written.st_ino):
        return written
    return placed


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable: it lives in the folder's entry list."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(descriptor)
    except OSError as error:
        # Some network and FUSE file systems cannot sync a folder at all.
        if error.errno not in {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}:
            raise
    finally:
        os.close(descriptor)


def error_reason(error: BaseException) -> str:
    """Why a file operation failed, as the middle of a sentence: "no space left"."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return str(error)


def _mode_of(path: Path) -> int | None:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return None


def _write_synced(path: Path, payload: bytes, mode: int | None) -> os.stat_result:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        # The new file keeps the permissions the user gave the old one.
        if mode is not None and hasattr(os, "fchmod"):
            os.fchmod(descriptor, mode)
        view = memoryview(payload)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
        return os.fstat(descriptor)
    finally:
        os.close(descriptor)
