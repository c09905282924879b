"""Backups of a database, taken before each run's first write; the newest ten kept.

Backups live in a `backups` folder beside the database, named after it and the
UTC second they were taken (`applications-20261103T090000Z.json`), with a
number added when two fall within one second. Cleaning up the temp files that
crashed writes left behind, beside the database or among its backups, is here
too: the backups' names say which temp files are whose.
"""

from __future__ import annotations

import re
import time
from contextlib import suppress
from pathlib import Path

from jobtui.domain.errors import DatabaseError
from jobtui.domain.files import TEMP_MARK, error_reason, write_atomically
from jobtui.domain.paths import backups_dir

KEEP_BACKUPS = 10


def list_backups(db_path: Path) -> list[Path]:
    """The backups of a database, newest first."""
    folder = backups_dir(db_path)
    pattern = re.compile(_backup_name_pattern(db_path) + "$")
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []

    found = []
    for entry in entries:
        match = pattern.match(entry.name)
        if match:
            order = (match["stamp"], int(match["number"] or 1))
            found.append((order, entry))
    found.sort(reverse=True)
    return [path for _, path in found]


def make_backup(db_path: Path) -> Path | None:
    """Copy the database into its backups folder, check the copy, keep the newest ten.

    Returns:
        The new backup, or None when there is no file yet to back up.

    Raises:
        DatabaseError: the copy could not be made or did not read back the same.
    """
    try:
        source = db_path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise DatabaseError(f"cannot read {db_path}: {error_reason(error)}") from error

    folder = backups_dir(db_path)
    target = _next_backup_name(db_path, time.strftime("%Y%m%dT%H%M%S", time.gmtime()))

    try:
        write_atomically(target, source)
        copied = target.read_bytes()
    except OSError as error:
        raise DatabaseError(
            f"cannot back up {db_path} to {folder}: {error_reason(error)}; "
            "nothing was written"
        ) from error
    if copied != source:
        with suppress(OSError):
            target.unlink()
        raise DatabaseError(
            f"the backup {target} did not read back the same; nothing was written"
        )

    for old in list_backups(db_path)[KEEP_BACKUPS:]:
        with suppress(OSError):
            old.unlink()
    return target


def remove_leftovers(db_path: Path) -> list[Path]:
    """Delete temp files that crashed writes of this database left behind.

    Only the writer may call this: a temp file can belong to a write under way.
    """
    patterns = (
        (db_path.parent, re.compile(re.escape(f".{db_path.name}{TEMP_MARK}"))),
        (backups_dir(db_path), re.compile(rf"\.{_backup_name_pattern(db_path)}")),
    )
    removed = []
    for folder, pattern in patterns:
        with suppress(OSError):
            for leftover in folder.iterdir():
                if pattern.match(leftover.name) and TEMP_MARK in leftover.name:
                    with suppress(OSError):
                        leftover.unlink()
                        removed.append(leftover)
    return removed


def _backup_name_pattern(db_path: Path) -> str:
    stem, suffix = re.escape(db_path.stem), re.escape(db_path.suffix or ".json")
    return rf"{stem}-(?P<stamp>\d{{8}}T\d{{6}})Z(?:-(?P<number>\d+))?{suffix}"


def _next_backup_name(db_path: Path, stamp: str) -> Path:
    """A name that sorts after every backup so far, even within the same second."""
    pattern = re.compile(_backup_name_pattern(db_path) + "$")
    numbers = [
        int(match["number"] or 1)
        for backup in list_backups(db_path)
        if (match := pattern.match(backup.name)) and match["stamp"] == stamp
    ]
    name = f"{db_path.stem}-{stamp}Z"
    if numbers:
        name += f"-{max(numbers) + 1}"
    return backups_dir(db_path) / f"{name}{db_path.suffix or '.json'}"
