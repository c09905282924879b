"""The database file on disk: parsed once, written atomically, never overwritten blind.

`SafeJSONStorage` is the TinyDB storage jobtui uses instead of the stock
`JSONStorage`, which rewrites the file in place, parses it again on every
operation and cannot tell when someone else changed it. Beside it live the
backups taken before a run's first write and the lock that keeps a database to
one writer at a time. Nothing here knows what an application is.
"""

from __future__ import annotations

import errno
import gc
import itertools
import os
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tinydb.storages import Storage

from jobtui.domain.errors import ConflictError, DatabaseError, InputError, LockedError
from jobtui.domain.paths import backups_dir

if TYPE_CHECKING:
    from filelock import BaseFileLock

Tables = dict[str, dict[str, dict[str, Any]]]
Prepare = Callable[[Tables], Tables]

DUMP_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
TEMP_MARK = ".tmp-"
KEEP_BACKUPS = 10
# Most Linux file systems stamp times from a clock that ticks every 1-10 ms;
# FAT, exFAT and old HFS+ keep whole (or even) seconds.
FINE_TICK_NS = 20_000_000
COARSE_TICK_NS = 2_000_000_000

_temp_numbers = itertools.count()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold off the cycle collector while a whole file's worth of objects is built.

    Building 10,000 applications sets off collections that can find nothing (none
    of it is garbage yet); pausing them roughly halves the time to open a file.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write_atomically(
    path: Path, payload: bytes, *, before_replace: Callable[[], None] | None = None
) -> os.stat_result:
    """Replace `path` with `payload`; a crash at any instant leaves the old or the new.

    Args:
        before_replace: called once the new bytes are safely on disk, just before
            they take the old file's place; raising there leaves the old file.

    Returns:
        The file's status once it is in place.
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

    _sync_folder(folder)
    # The rename changed the status time, so look again; but if someone else's
    # file took the name meanwhile, its status must not pass for ours.
    placed = path.stat()
    if (placed.st_dev, placed.st_ino) != (written.st_dev, written.st_ino):
        return written
    return placed


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


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable: it lives in the folder's entry list."""
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


@dataclass(frozen=True, slots=True)
class _Seen:
    """The file as this process last read or wrote it."""

    signature: tuple[int, ...]
    crc: int
    checked_ns: int

    @property
    def racy(self) -> bool:
        """Whether a later change could have kept the same times (a coarse clock)."""
        mtime = self.signature[3]
        tick = FINE_TICK_NS if mtime % 1_000_000 else COARSE_TICK_NS
        return self.checked_ns - mtime < tick


def _signature(stat: os.stat_result) -> tuple[int, ...]:
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


class SafeJSONStorage(Storage):
    """A TinyDB storage that parses its file once and writes it atomically.

    Args:
        path: the JSON file; a missing one reads as empty and is created on the
            first write.
        prepare: checks and upgrades freshly parsed tables, raising InputError
            (naming the place) for anything wrong; the file is then refused.
    """

    def __init__(self, path: Path | str, *, prepare: Prepare | None = None) -> None:
        self.path = Path(path)
        self._prepare = prepare
        self._data: Tables | None = None
        self._seen: _Seen | None = None

    def read(self) -> Tables:
        """The tables held in memory, parsing the file only the first time."""
        if self._data is None:
            return self.load()
        return self._data

    def load(self) -> Tables:
        """Parse and check the file afresh, replacing what memory held.

        Raises:
            DatabaseError: the file is unreadable or not a jobtui database; it is
                left exactly as it was.
        """
        checked_ns = time.time_ns()
        raw, stat = self._read_raw()

        with paused_gc():
            tables: Tables = {} if raw is None else self._parse(raw)
            if self._prepare is not None:
                try:
                    tables = self._prepare(tables)
                except InputError as error:
                    raise self._refusal(str(error)) from None

        self._data = tables
        self._seen = None
        if raw is not None and stat is not None:
            self._seen = _Seen(_signature(stat), zlib.crc32(raw), checked_ns)
        return tables

    def forget(self) -> None:
        """Drop what memory holds, so that the next read parses the file again."""
        self._data = None
        self._seen = None

    def changed_on_disk(self) -> bool:
        """Whether the file no longer holds what this process last read or wrote."""
        if self._data is None:
            return self.path.exists()
        seen = self._seen
        checked_ns = time.time_ns()
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return seen is not None
        except OSError as error:
            raise DatabaseError(f"cannot read {self.path}: {_reason(error)}") from error
        if seen is None:
            return True
        if _signature(stat) == seen.signature and not seen.racy:
            return False

        # The times moved (a `touch` would do that), or might not have moved
        # although the bytes did: only the bytes can tell.
        try:
            crc = zlib.crc32(self.path.read_bytes())
        except FileNotFoundError:
            return True
        except OSError as error:
            raise DatabaseError(f"cannot read {self.path}: {_reason(error)}") from error
        if crc != seen.crc:
            return True
        self._seen = _Seen(_signature(stat), crc, checked_ns)
        return False

    def write(self, data: Tables) -> None:
        """Write all the tables through to disk now, atomically and durably.

        Raises:
            ConflictError: the file changed on disk since it was read.
            DatabaseError: the tables could not be serialised or written.
            In both cases nothing was written and memory holds nothing stale.
        """
        try:
            payload = orjson.dumps(data, option=DUMP_OPTIONS)
            # TODO: an editor that saves in the instant between the last check and
            # the rename is still overwritten; only a lock editors honour closes it.
            stat = write_atomically(
                self.path, payload, before_replace=self._refuse_if_changed
            )
        except (orjson.JSONEncodeError, OSError) as error:
            # TinyDB changed the tables in memory before calling us.
            self.forget()
            raise DatabaseError(
                f"cannot write {self.path}: {_reason(error)}; nothing was written"
            ) from error
        except BaseException:
            self.forget()
            raise

        self._data = data
        self._seen = _Seen(_signature(stat), zlib.crc32(payload), time.time_ns())

    def close(self) -> None:
        """Nothing stays open between operations; memory is let go."""
        self.forget()

    def _refuse_if_changed(self) -> None:
        if self.changed_on_disk():
            raise ConflictError(
                f"{self.path} changed on disk while a change was being made; "
                "nothing was written, try again"
            )

    def _read_raw(self) -> tuple[bytes | None, os.stat_result | None]:
        try:
            with self.path.open("rb") as file:
                stat = os.fstat(file.fileno())
                return file.read(), stat
        except FileNotFoundError:
            return None, None
        except OSError as error:
            raise DatabaseError(f"cannot read {self.path}: {_reason(error)}") from error

    def _parse(self, raw: bytes) -> Tables:
        if not raw or raw.isspace():
            raise self._refusal("the file is empty")
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise self._refusal(_describe_bad_json(raw, error)) from None
        try:
            check_shape(data)
        except InputError as error:
            raise self._refusal(f"not a jobtui database ({error})") from None
        return data

    def _refusal(self, what: str) -> DatabaseError:
        return DatabaseError(refusal_message(self.path, what))


def refusal_message(db_path: Path, what: str) -> str:
    """Why a file cannot be opened, and the backup to restore if there is one."""
    backups = list_backups(db_path)
    restore = (
        f"the newest backup to restore is {backups[0]}"
        if backups
        else "there is no backup of it to restore"
    )
    return f"cannot open {db_path}: {what}. It was left as it was; {restore}."


def check_shape(data: Any) -> None:
    """Check parsed JSON for TinyDB's shape: tables of objects keyed by whole numbers.

    Raises:
        InputError: naming the table or document that is out of shape.
    """
    if not isinstance(data, dict):
        raise InputError("the top level", f"is {_kind(data)}, not an object of tables")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise InputError(
                f"table {name!r}", f"is {_kind(table)}, not an object of documents"
            )
        for key, document in table.items():
            if not (key.isascii() and key.isdigit() and (key == "0" or key[0] != "0")):
                raise InputError(f"{name}[{key!r}]", "a document key must be a number")
            if not isinstance(document, dict):
                raise InputError(
                    f"{name}[{key}]", f"is {_kind(document)}, not an object"
                )


def _describe_bad_json(raw: bytes, error: orjson.JSONDecodeError) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        line = raw.count(b"\n", 0, bad.start) + 1
        column = bad.start - (raw.rfind(b"\n", 0, bad.start) + 1) + 1
        return (
            f"not valid UTF-8 (byte 0x{raw[bad.start]:02x} "
            f"at line {line}, column {column})"
        )
    return f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})"


def _kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    return kinds.get(type(value), "a number")


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return str(error)


def _backup_name_pattern(db_path: Path) -> str:
    stem, suffix = re.escape(db_path.stem), re.escape(db_path.suffix or ".json")
    return rf"{stem}-(?P<stamp>\d{{8}}T\d{{6}})Z(?:-(?P<number>\d+))?{suffix}"


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
        raise DatabaseError(f"cannot read {db_path}: {_reason(error)}") from error

    folder = backups_dir(db_path)
    target = _next_backup_name(db_path, time.strftime("%Y%m%dT%H%M%S", time.gmtime()))

    try:
        write_atomically(target, source)
        copied = target.read_bytes()
    except OSError as error:
        raise DatabaseError(
            f"cannot back up {db_path} to {folder}: {_reason(error)}; "
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
                f"cannot lock {self.db_path}: {_reason(error)}"
            ) from error

        try:
            self._write_owner()
        except OSError as error:
            lock.release()
            raise DatabaseError(
                f"cannot lock {self.db_path}: {_reason(error)}"
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
