"""The store's picture of the database file, kept in step with the file on disk.

One reading of the file gives the stages, an index of application ids and the
applications already decoded. Before a change the store asks for that picture
fresh: if another program changed the file meanwhile, it is read again, and the
applications whose documents differ are noted, so that an older copy of one of
them is not saved over that change.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from jobtui.domain.errors import ConflictError
from jobtui.domain.model import Application, StageSet
from jobtui.domain.storage.checks import Document, Tables
from jobtui.domain.storage.jsonfile import SafeJSONStorage
from jobtui.domain.storage.loading import read_tables
from jobtui.domain.storage.migrations import APPLICATIONS

if TYPE_CHECKING:
    from tinydb.table import Table


@dataclass(slots=True)
class Loaded:
    """What the store knows from one reading of the file."""

    stages: StageSet
    index: dict[str, int]
    # Decoded while the file was checked and not yet handed out, so the first
    # `applications()` after opening costs nothing more.
    unclaimed: list[Application] | None
    # TinyDB's view of the applications, made at the first change: readers
    # never need it, nor TinyDB itself.
    table: Table | None = None


class TrackedFile:
    """The database file as last read, and which applications changed outside.

    Args:
        read_only: the file is only read, never written through this storage.
    """

    def __init__(self, path: Path, *, read_only: bool) -> None:
        self.path = path
        self.loaded: Loaded | None = None
        # Applications another program changed in the file since this store last
        # handed them out: saving an older copy over them would lose that change.
        self.changed_outside: set[str] = set()
        # A bound method would tie storage and tracker into a cycle, which only the
        # cycle collector frees; a tracker holds a whole file's worth of objects.
        self.storage = SafeJSONStorage(
            path, prepare=_weakly(self._prepare), read_only=read_only
        )

    def current(self) -> Loaded:
        """What the store knows, reading the file again if a failed write dropped it."""
        self.storage.read()
        assert self.loaded is not None
        return self.loaded

    def fresh(self) -> Loaded:
        """What the store knows before a change: read again if the file changed.

        Raises:
            ConflictError: the file was moved or deleted since it was read.
        """
        loaded = self.current()
        if not self.storage.changed_on_disk():
            return loaded

        if not self.path.exists():
            raise ConflictError(
                f"{self.path} was moved or deleted since it was read; nothing was "
                "written"
            )
        before = self._fingerprints()
        self.storage.load()
        after = self._fingerprints()
        self.changed_outside |= {
            app_id
            for app_id, fingerprint in after.items()
            if before.get(app_id, fingerprint) != fingerprint
        }
        assert self.loaded is not None
        return self.loaded

    def documents(self) -> dict[str, Document]:
        """The stored application documents, by document number."""
        return self.storage.read()[APPLICATIONS]

    def _prepare(self, tables: Tables) -> Tables:
        """Upgrade, check and index freshly parsed tables (the storage's hook).

        Raises:
            InputError: naming the document and field that are bad.
        """
        tables, reading = read_tables(tables)
        self.loaded = Loaded(reading.stages, reading.index, reading.applications)
        return tables

    def _fingerprints(self) -> dict[str, bytes]:
        """Each application's document as bytes, to tell which ones changed."""
        return {
            document["id"]: orjson.dumps(document, option=orjson.OPT_SORT_KEYS)
            for document in self.documents().values()
        }


def _weakly(method: Callable[[Tables], Tables]) -> Callable[[Tables], Tables]:
    reference = weakref.WeakMethod(method)

    def call(tables: Tables) -> Tables:
        bound = reference()
        assert bound is not None
        return bound(tables)

    return call
