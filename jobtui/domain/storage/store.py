"""The application store: the only code that reads and writes the database.

The interface and the command line get model objects from the store and hand
model objects back; TinyDB documents, which TinyDB shares and lets anyone
change, never leave this module. Every change is written through at once (see
`jsonfile` for how), after the run's backup, and after reading the file again
if someone else changed it meanwhile (see `tracking`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from pendulum import DateTime

from jobtui.domain.errors import ConflictError, DatabaseError, InputError, NotFoundError
from jobtui.domain.model import Application, StageSet
from jobtui.domain.storage.backups import list_backups, make_backup, remove_leftovers
from jobtui.domain.storage.checks import Document
from jobtui.domain.storage.documents import (
    check_storable,
    new_documents,
    replacing_with,
    stamp_after,
    stored_stage_name,
    to_document,
)
from jobtui.domain.storage.fastread import decode
from jobtui.domain.storage.jsonfile import paused_gc
from jobtui.domain.storage.loading import decode_all, decode_one
from jobtui.domain.storage.lock import WriterLock
from jobtui.domain.storage.migrations import APPLICATIONS, write_stages
from jobtui.domain.storage.stage_renames import (
    refuse_stranding,
    rename_stages,
    renamer,
)
from jobtui.domain.storage.tracking import Loaded, TrackedFile
from jobtui.domain.times import from_iso, to_iso, utc_now

if TYPE_CHECKING:
    from tinydb.table import Table


class Store:
    """The applications in one database file, as model objects."""

    def __init__(self, path: Path, *, writable: bool) -> None:
        """A store not yet read; `Store.open` takes the lock and reads the file."""
        self._path = path
        self._writable = writable
        self._lock: WriterLock | None = None
        self._backed_up = False
        self._file = TrackedFile(path, read_only=not writable)

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        writable: bool,
        lock_timeout: float = 0.0,
        lock_later: bool = False,
    ) -> Store:
        """Open a database, for writing (one process at a time) or only for reading.

        Args:
            writable: take the writer lock; readers never wait for it.
            lock_timeout: seconds to wait for another writer to finish.
            lock_later: read the file now and take the lock with `take_lock`;
                until then, nothing can be written.

        Raises:
            LockedError: another process is writing, named in the message.
            DatabaseError: the file is not a database jobtui can read.
        """
        store = cls(Path(path), writable=writable)
        try:
            if writable and not lock_later:
                store._take_lock(lock_timeout)
            store._file.storage.load()
        except BaseException:
            store.close()
            raise
        return store

    def take_lock(self, timeout: float = 0.0) -> None:
        """Take the writer lock of a store opened with `lock_later`; once is enough.

        A change another process made to the file meanwhile is read before the
        first write, as any change made while the lock is held would be.

        Raises:
            LockedError: another process is writing, named in the message.
            DatabaseError: the store was opened only for reading.
        """
        if self._lock is not None:
            return
        if not self._writable:
            raise DatabaseError(f"{self._path} is open here for reading only")
        self._take_lock(timeout)

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    def close(self) -> None:
        """Let the writer lock go; the store can still be read, not written."""
        self._writable = False
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def applications(self) -> list[Application]:
        """Every application, as new objects of the caller's own, in the order added."""
        loaded = self._current()
        self._file.changed_outside.clear()
        if loaded.unclaimed is not None:
            applications, loaded.unclaimed = loaded.unclaimed, None
            return applications

        with paused_gc():
            return decode_all(self._documents())

    def get(self, app_id: str) -> Application:
        """The application with this exact id.

        Raises:
            NotFoundError: no application has it.
        """
        doc_id = self._doc_id(self._current(), app_id)
        self._file.changed_outside.discard(app_id)
        return self._decoded(doc_id)

    def find(self, prefix: str) -> Application:
        """The one application whose id starts with `prefix` (in any case).

        Raises:
            NotFoundError: none matches, or several do (they are listed).
        """
        wanted = prefix.strip().lower()
        if not wanted:
            raise NotFoundError("id", "give an id, or enough of its start to tell")
        index = self._current().index
        if prefix.strip() in index:
            self._file.changed_outside.discard(prefix.strip())
            return self._decoded(index[prefix.strip()])

        matches = [app_id for app_id in index if app_id.lower().startswith(wanted)]
        if len(matches) == 1:
            self._file.changed_outside.discard(matches[0])
            return self._decoded(index[matches[0]])
        if not matches:
            raise NotFoundError("id", f"no application has an id starting {prefix!r}")

        documents = self._documents()
        shown = [
            f"{app_id[:12]} ({documents[str(index[app_id])]['company']})"
            for app_id in matches[:5]
        ]
        more = f" and {len(matches) - 5} more" if len(matches) > 5 else ""
        raise NotFoundError(
            "id",
            f"{prefix!r} starts {len(matches)} ids: {', '.join(shown)}{more}; "
            "give more of it",
        )

    def stages(self) -> StageSet:
        """The stages, in board order."""
        return self._current().stages

    def backups(self) -> list[Path]:
        """The backups of this database, newest first."""
        return list_backups(self._path)

    def add(
        self, application: Application, *, now: DateTime | None = None
    ) -> Application:
        """Store a new application and return the stored copy.

        The stage is stored by its canonical name and `updated` is set to `now`.

        Raises:
            InputError: the stage does not exist, or the id is taken.
        """
        loaded = self._fresh()
        stage = loaded.stages.resolve(application.stage, "stage").name
        if application.id in loaded.index:
            raise InputError("id", f"an application with id {application.id!r} exists")
        document = to_document(application, stage, now or utc_now())
        check_storable([document], "application")

        with self._writing() as loaded:
            loaded.index[application.id] = self._table(loaded).insert(document)
        return decode(document, "application", utc_now(), {})

    def add_many(
        self, applications: Iterable[Application], *, now: DateTime | None = None
    ) -> None:
        """Store many new applications in one write: all of them, or none if one is bad.

        Unlike `add`, the applications keep the `updated` they carry, so that an
        export imports back exactly; `now` is taken only so that every write has
        the same arguments.

        Raises:
            InputError: naming the position of the first bad application.
        """
        del now
        loaded = self._fresh()
        documents, ids = new_documents(applications, loaded.stages, loaded.index)
        if not documents:
            return

        with self._writing() as loaded:
            doc_ids = self._table(loaded).insert_multiple(documents)
            loaded.index.update(zip(ids, doc_ids, strict=True))

    def save(
        self, application: Application, *, now: DateTime | None = None
    ) -> Application:
        """Write back a changed application and return the saved copy.

        The application is saved only if it is unchanged in the file since it was
        read (its `updated` is the one stored); the copy returned carries the new
        `updated`, so keep that one for further changes.

        Raises:
            ConflictError: it changed since it was read (in this or another run).
            NotFoundError: it is no longer there.
            InputError: its stage does not exist.
        """
        loaded = self._fresh()
        doc_id = self._doc_id(loaded, application.id)
        stored = self._documents()[str(doc_id)]
        changed = application.id in self._file.changed_outside
        if changed or from_iso(stored["updated"]) != application.updated:
            raise ConflictError(
                f"{application.company} ({application.role}) changed since you opened "
                f"it; nothing was saved — open it again to see the change"
            )
        stage = stored_stage_name(application.stage, stored["stage"], loaded.stages)
        stamp = stamp_after(now or utc_now(), stored["updated"])
        document = to_document(application, stage, stamp)
        check_storable([document], "application")

        with self._writing() as loaded:
            self._table(loaded).update(replacing_with(document), doc_ids=[doc_id])
        return decode(document, "application", utc_now(), {})

    def delete(self, app_id: str) -> Application:
        """Remove an application and return it as it was.

        Raises:
            NotFoundError: no application has this id.
        """
        loaded = self._fresh()
        doc_id = self._doc_id(loaded, app_id)
        removed = self._decoded(doc_id)

        with self._writing() as loaded:
            self._table(loaded).remove(doc_ids=[doc_id])
            del loaded.index[app_id]
        return removed

    def set_stages(
        self,
        stages: StageSet,
        renames: Mapping[str, str] | None = None,
        *,
        now: DateTime | None = None,
    ) -> None:
        """Replace the stages, renaming them in every application and its history.

        Args:
            renames: old stage name to new, for stages that keep their
                applications under another name.

        Raises:
            InputError: a rename names an unknown stage, or a removed stage still
                has applications in it.
        """
        loaded = self._fresh()
        rename = renamer(loaded.stages, stages, renames or {})
        refuse_stranding(loaded.stages, stages, rename, self._documents())
        stamp = now or utc_now()

        with self._writing() as loaded:
            tables = self._file.storage.read()
            for document in tables[APPLICATIONS].values():
                if rename_stages(document, rename):
                    # A copy read before the rename must not write the old name back.
                    document["updated"] = to_iso(
                        stamp_after(stamp, document["updated"])
                    )
            write_stages(tables, stages)
            self._file.storage.write(tables)
            loaded.stages = stages

    def _take_lock(self, timeout: float) -> None:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(
                f"cannot create the folder {self._path.parent}: {error.strerror}"
            ) from error
        lock = WriterLock(self._path)
        lock.acquire(timeout)
        self._lock = lock
        remove_leftovers(self._path)

    def _current(self) -> Loaded:
        """What the store knows, reading the file again if a failed write dropped it."""
        return self._file.current()

    def _fresh(self) -> Loaded:
        """What the store knows before a change: read again if the file changed."""
        if not self._writable or self._lock is None:
            raise DatabaseError(f"{self._path} is open here for reading only")
        return self._file.fresh()

    @contextmanager
    def _writing(self) -> Iterator[Loaded]:
        """Around one change: the run's backup first; memory reset if it fails."""
        if not self._backed_up:
            make_backup(self._path)
            self._backed_up = True
        loaded = self._current()
        loaded.unclaimed = None
        try:
            yield loaded
        except BaseException:
            self._file.storage.forget()
            raise

    def _table(self, loaded: Loaded) -> Table:
        """TinyDB's table of the applications, made when first needed."""
        if loaded.table is None:
            from tinydb.table import Table

            storage = self._file.storage
            # The storage has every method TinyDB calls, not TinyDB's base class.
            loaded.table = Table(storage, APPLICATIONS)  # type: ignore[arg-type]
        return loaded.table

    def _documents(self) -> dict[str, Document]:
        return self._file.documents()

    def _doc_id(self, loaded: Loaded, app_id: str) -> int:
        doc_id = loaded.index.get(app_id)
        if doc_id is None:
            raise NotFoundError("id", f"no application has the id {app_id!r}")
        return doc_id

    def _decoded(self, doc_id: int) -> Application:
        return decode_one(self._documents(), doc_id)
