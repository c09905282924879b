"""The database file in memory and on disk: parsed once, written atomically.

`SafeJSONStorage` is the TinyDB storage jobtui uses instead of the stock
`JSONStorage`, which rewrites the file in place, parses it again on every
operation and cannot tell when someone else changed it. This one keeps the
parsed tables in memory, writes every change through at once with
`write_atomically`, and notices when the file changed on disk since it was read.
Nothing here knows what an application is.

TinyDB asks no more of a storage than `read`, `write` and `close`, so this one
does not derive from TinyDB's base class: a reader, which never writes, then
never imports TinyDB at all.
"""

from __future__ import annotations

import gc
import os
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import orjson

from jobtui.domain.errors import ConflictError, DatabaseError, InputError
from jobtui.domain.files import error_reason, write_atomically
from jobtui.domain.storage.checks import Tables, parse_tables, refusal

Prepare = Callable[[Tables], Tables]

DUMP_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
# Most Linux file systems stamp times from a clock that ticks every 1-10 ms;
# FAT, exFAT and old HFS+ keep whole (or even) seconds.
FINE_TICK_NS = 20_000_000
COARSE_TICK_NS = 2_000_000_000


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


class _Seen(NamedTuple):
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


class SafeJSONStorage:
    """A TinyDB storage that parses its file once and writes it atomically.

    Args:
        path: the JSON file; a missing one reads as empty and is created on the
            first write.
        prepare: checks and upgrades freshly parsed tables, raising InputError
            (naming the place) for anything wrong; the file is then refused.
        read_only: the tables are only read, so what the file held need not be
            noted to tell later changes; writing is refused.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        prepare: Prepare | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self._prepare = prepare
        self._read_only = read_only
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
            tables: Tables = {} if raw is None else parse_tables(self.path, raw)
            if self._prepare is not None:
                try:
                    tables = self._prepare(tables)
                except InputError as error:
                    raise refusal(self.path, str(error)) from None

        self._data = tables
        self._seen = None
        if raw is not None and stat is not None and not self._read_only:
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
            raise DatabaseError(
                f"cannot read {self.path}: {error_reason(error)}"
            ) from error
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
            raise DatabaseError(
                f"cannot read {self.path}: {error_reason(error)}"
            ) from error
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
        if self._read_only:
            self.forget()
            raise DatabaseError(f"{self.path} is open here for reading only")
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
                f"cannot write {self.path}: {error_reason(error)}; nothing was written"
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
            raise DatabaseError(
                f"cannot read {self.path}: {error_reason(error)}"
            ) from error
