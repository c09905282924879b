"""The application store: the only code that reads and writes the database.

The interface and the command line get model objects from the store and hand
model objects back; TinyDB documents, which TinyDB shares and lets anyone
change, never leave this module. Every change is written through at once (see
`storage.py` for how), after the run's backup, and after reading the file again
if someone else changed it meanwhile.
"""

from __future__ import annotations

import datetime as _datetime
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import orjson
from pendulum import DateTime
from tinydb.table import Table

from jobtui.domain.codec import (
    APPLICATION_FIELDS,
    TEXT_FIELDS,
    application_from_dict,
    application_to_dict,
)
from jobtui.domain.errors import ConflictError, DatabaseError, InputError, NotFoundError
from jobtui.domain.migrations import APPLICATIONS, read_stages, upgrade, write_stages
from jobtui.domain.model import (
    MESSAGE_KINDS,
    Application,
    Contact,
    Event,
    FollowUp,
    Interview,
    Offer,
    Reply,
    StageChange,
    StageSet,
    new_id,
)
from jobtui.domain.storage import (
    SafeJSONStorage,
    Tables,
    WriterLock,
    list_backups,
    make_backup,
    paused_gc,
    remove_leftovers,
)
from jobtui.domain.times import UTC, from_iso, to_iso, utc_now

Document = dict[str, Any]


@dataclass(slots=True)
class _Loaded:
    """What the store knows from one reading of the file."""

    stages: StageSet
    index: dict[str, int]
    table: Table
    # Decoded while the file was checked and not yet handed out, so the first
    # `applications()` after opening costs nothing more.
    unclaimed: list[Application] | None


class Store:
    """The applications in one database file, as model objects."""

    def __init__(self, path: Path, *, writable: bool) -> None:
        """A store not yet read; `Store.open` takes the lock and reads the file."""
        self._path = path
        self._writable = writable
        self._lock: WriterLock | None = None
        self._backed_up = False
        self._loaded: _Loaded | None = None
        # A bound method would tie storage and store into a cycle, which only the
        # cycle collector frees; a store holds a whole file's worth of objects.
        self._storage = SafeJSONStorage(path, prepare=_weakly(self._prepare))

    @classmethod
    def open(cls, path: Path, *, writable: bool, lock_timeout: float = 0.0) -> Store:
        """Open a database, for writing (one process at a time) or only for reading.

        Args:
            writable: take the writer lock; readers never wait for it.
            lock_timeout: seconds to wait for another writer to finish.

        Raises:
            LockedError: another process is writing, named in the message.
            DatabaseError: the file is not a database jobtui can read.
        """
        store = cls(Path(path), writable=writable)
        try:
            if writable:
                store._take_lock(lock_timeout)
            store._storage.load()
        except BaseException:
            store.close()
            raise
        return store

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
        if loaded.unclaimed is not None:
            applications, loaded.unclaimed = loaded.unclaimed, None
            return applications

        now, times = utc_now(), dict[str, DateTime]()
        with paused_gc():
            return [
                decode(document, f"{APPLICATIONS}[{key}]", now, times)
                for key, document in self._documents().items()
            ]

    def get(self, app_id: str) -> Application:
        """The application with this exact id.

        Raises:
            NotFoundError: no application has it.
        """
        doc_id = self._doc_id(self._current(), app_id)
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
            return self._decoded(index[prefix.strip()])

        matches = [app_id for app_id in index if app_id.lower().startswith(wanted)]
        if len(matches) == 1:
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
        document = _document(application, stage, now or utc_now())
        _check_storable([document], "application")

        with self._writing() as loaded:
            loaded.index[application.id] = loaded.table.insert(document)
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
        documents: list[Document] = []
        ids: list[str] = []
        for position, application in enumerate(applications):
            where = f"applications[{position}]"
            stage = loaded.stages.resolve(application.stage, f"{where}.stage").name
            if application.id in loaded.index:
                raise InputError(
                    f"{where}.id", f"an application with id {application.id!r} exists"
                )
            document = _document(application, stage, application.updated)
            documents.append(document)
            ids.append(application.id)
        if len(set(ids)) != len(ids):
            twice = next(app_id for app_id, n in Counter(ids).items() if n > 1)
            raise InputError("applications", f"the id {twice!r} is given twice")
        _check_storable(documents)
        if not documents:
            return

        with self._writing() as loaded:
            doc_ids = loaded.table.insert_multiple(documents)
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
        if from_iso(stored["updated"]) != application.updated:
            raise ConflictError(
                f"{application.company} ({application.role}) changed since you opened "
                f"it; nothing was saved — open it again to see the change"
            )
        stage = _stage_name(application.stage, stored["stage"], loaded.stages)
        stamp = _after(now or utc_now(), stored["updated"])
        document = _document(application, stage, stamp)
        _check_storable([document], "application")

        with self._writing() as loaded:
            loaded.table.update(_replacing_with(document), doc_ids=[doc_id])
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
            loaded.table.remove(doc_ids=[doc_id])
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
        rename = _renamer(loaded.stages, stages, renames or {})
        _refuse_stranding(loaded.stages, stages, rename, self._documents())
        stamp = now or utc_now()

        with self._writing() as loaded:
            tables = self._storage.read()
            for document in tables[APPLICATIONS].values():
                if _rename_stages(document, rename):
                    # A copy read before the rename must not write the old name back.
                    document["updated"] = to_iso(_after(stamp, document["updated"]))
            write_stages(tables, stages)
            self._storage.write(tables)
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

    def _prepare(self, tables: Tables) -> Tables:
        """Upgrade and check freshly parsed tables, and index them (the storage's hook).

        Raises:
            InputError: naming the document and field that are bad.
        """
        tables = upgrade(tables)
        stages = read_stages(tables)
        # Files keep documents in key order ("1", "10", "2"); memory keeps them
        # in the order they were added.
        documents = dict(
            sorted(tables.get(APPLICATIONS, {}).items(), key=lambda item: int(item[0]))
        )
        tables[APPLICATIONS] = documents

        now, times = utc_now(), dict[str, DateTime]()
        index: dict[str, int] = {}
        decoded = []
        for key, document in documents.items():
            where = f"{APPLICATIONS}[{key}]"
            _complete(document, now)
            application = decode(document, where, now, times)
            first = index.setdefault(application.id, int(key))
            if first != int(key):
                raise InputError(
                    f"{where}.id",
                    f"{application.id!r} is also the id of document {first}",
                )
            decoded.append(application)

        table = Table(self._storage, APPLICATIONS)
        self._loaded = _Loaded(stages, index, table, decoded)
        return tables

    def _current(self) -> _Loaded:
        """What the store knows, reading the file again if a failed write dropped it."""
        self._storage.read()
        assert self._loaded is not None
        return self._loaded

    def _fresh(self) -> _Loaded:
        """What the store knows before a change: read again if the file changed."""
        if not self._writable or self._lock is None:
            raise DatabaseError(f"{self._path} is open here for reading only")
        loaded = self._current()
        if not self._storage.changed_on_disk():
            return loaded

        if not self._path.exists():
            raise ConflictError(
                f"{self._path} was moved or deleted since it was read; nothing was "
                "written"
            )
        self._storage.load()
        assert self._loaded is not None
        return self._loaded

    @contextmanager
    def _writing(self) -> Iterator[_Loaded]:
        """Around one change: the run's backup first; memory reset if it fails."""
        if not self._backed_up:
            make_backup(self._path)
            self._backed_up = True
        loaded = self._current()
        loaded.unclaimed = None
        try:
            yield loaded
        except BaseException:
            self._storage.forget()
            raise

    def _documents(self) -> dict[str, Document]:
        return self._storage.read()[APPLICATIONS]

    def _doc_id(self, loaded: _Loaded, app_id: str) -> int:
        doc_id = loaded.index.get(app_id)
        if doc_id is None:
            raise NotFoundError("id", f"no application has the id {app_id!r}")
        return doc_id

    def _decoded(self, doc_id: int) -> Application:
        document = self._documents()[str(doc_id)]
        return decode(document, f"{APPLICATIONS}[{doc_id}]", utc_now(), {})


def _weakly(method: Callable[[Tables], Tables]) -> Callable[[Tables], Tables]:
    reference = weakref.WeakMethod(method)

    def call(tables: Tables) -> Tables:
        bound = reference()
        assert bound is not None
        return bound(tables)

    return call


def _document(application: Application, stage: str, updated: DateTime) -> Document:
    """The stored form of an application, with its canonical stage and new stamp."""
    document = application_to_dict(application)
    document["stage"] = stage
    document["updated"] = to_iso(updated)
    return document


def _check_storable(documents: list[Document], where: str = "applications") -> None:
    """Refuse text JSON cannot hold (lone surrogates from badly encoded input)."""
    try:
        orjson.dumps(documents)
    except orjson.JSONEncodeError:
        for position, document in enumerate(documents):
            try:
                orjson.dumps(document)
            except orjson.JSONEncodeError:
                place = where if len(documents) == 1 else f"{where}[{position}]"
                raise InputError(
                    place, "holds text that is not valid Unicode"
                ) from None


def _complete(document: Document, now: DateTime) -> None:
    """Give a hand-written document the id and times every stored one needs.

    Without them the codec would invent new ones at every reading.
    """
    if document.get("id") in (None, ""):
        document["id"] = new_id()
    if document.get("created") in (None, ""):
        document["created"] = to_iso(now)
    if document.get("updated") in (None, ""):
        document["updated"] = document["created"]


def _after(now: DateTime, previous: str) -> DateTime:
    """`now`, or a second past `previous`, so that every save changes `updated`."""
    last = from_iso(previous)
    return now if now > last else last.add(seconds=1)


def _stage_name(name: str, stored: str, stages: StageSet) -> str:
    """The canonical name of a stage; one no longer defined may stay where it is."""
    stage = stages.find(name)
    if stage is not None:
        return stage.name
    if name == stored:
        return name
    return stages.resolve(name, "stage").name


def _replacing_with(document: Document) -> Callable[[Document], None]:
    def replace(stored: Document) -> None:
        stored.clear()
        stored.update(document)

    return replace


def _renamer(
    old: StageSet, new: StageSet, renames: Mapping[str, str]
) -> Callable[[str | None], str | None]:
    """What each stage name becomes: renamed, or spelled as the new stages spell it."""
    renamed = {}
    for before, after in renames.items():
        source = old.resolve(before, f"rename {before!r}")
        target = new.resolve(after, f"rename {before!r}")
        renamed[source.name.casefold()] = target.name

    def rename(name: str | None) -> str | None:
        if name is None:
            return None
        stage = old.find(name)
        if stage is not None and stage.name.casefold() in renamed:
            return renamed[stage.name.casefold()]
        stage = new.find(name)
        return name if stage is None else stage.name

    return rename


def _refuse_stranding(
    old: StageSet,
    new: StageSet,
    rename: Callable[[str | None], str | None],
    documents: dict[str, Document],
) -> None:
    """Refuse to remove a stage that applications are still in."""
    stranded: Counter[str] = Counter()
    for document in documents.values():
        stage = old.find(document["stage"])
        # An application in a stage already gone is not this change's doing.
        if stage is not None and new.find(rename(stage.name) or "") is None:
            stranded[stage.name] += 1
    if stranded:
        stage, count = stranded.most_common(1)[0]
        many = "application is" if count == 1 else "applications are"
        raise InputError(
            "stages", f"{count} {many} still in {stage}; move them before removing it"
        )


def _rename_stages(
    document: Document, rename: Callable[[str | None], str | None]
) -> bool:
    """Rename stages in one document and its history; whether anything changed."""
    changed = False
    stage = rename(document["stage"])
    if stage != document["stage"]:
        document["stage"] = stage
        changed = True
    for event in document["events"]:
        if event.get("kind") != "stage":
            continue
        for side in ("from", "to"):
            name = rename(event.get(side))
            if name != event.get(side):
                event[side] = name
                changed = True
    return changed


# Reading documents quickly. The codec checks every field of every document and
# names what is wrong, which costs about 80 µs an application: most of a second
# for 10,000. Documents exactly as jobtui writes them are read here in a sixth of
# that; anything unusual goes to the codec, which stays the judge of the shape.
# tests/test_store.py holds the two to the same results.
# TODO: this reading belongs in a module of its own beside the codec; it sits here
# only because the store is its one user, and it makes this file twice as long.


class _Unusual(Exception):
    """The document is not exactly as jobtui writes it."""


_STAGE_FIELDS = frozenset({"kind", "at", "from", "to"})
_FOLLOWUP_FIELDS = frozenset({"kind", "at", "type", "text", "channel"})
_REPLY_FIELDS = frozenset({"kind", "at", "summary"})
_INTERVIEW_FIELDS = frozenset(
    {"kind", "at", "duration_minutes", "with", "notes", "decision_by"}
)
_OFFER_FIELDS = frozenset({"kind", "at", "deadline", "details"})
_CONTACT_FIELDS = frozenset({"name", "email", "title"})
_FOLLOWUP_TYPES = {kind.value: kind for kind in MESSAGE_KINDS}
_ONLY_TEXT = {str}
_parse_naive = _datetime.datetime.fromisoformat


def decode(
    document: Document, where: str, now: DateTime, times: dict[str, DateTime]
) -> Application:
    """An application from its stored document, exactly as the codec would read it.

    Args:
        where: the document's place, for errors.
        now: `created` for a document without one (as in the codec).
        times: stored times already read, shared across one batch of documents.

    Raises:
        InputError: from the codec, naming the bad field.
    """
    try:
        return _decode_canonical(document, times)
    except Exception:
        # Whatever is unusual, the codec reads it or names what is wrong.
        return application_from_dict(document, where=where, now=now)


def _decode_canonical(document: Document, times: dict[str, DateTime]) -> Application:
    if document.keys() != APPLICATION_FIELDS:
        raise _Unusual
    app_id, stage, tags = document["id"], document["stage"], document["tags"]
    company, role = document["company"], document["role"]
    texts = [document[name] for name in TEXT_FIELDS]
    if {type(value) for value in (app_id, stage, company, role, *texts)} != _ONLY_TEXT:
        raise _Unusual
    if not app_id or not stage.strip() or type(tags) is not list:
        raise _Unusual
    if tags and {type(tag) for tag in tags} != _ONLY_TEXT:
        raise _Unusual

    url, location, salary, source, notes = texts
    return Application(
        id=app_id,
        company=company,
        role=role,
        stage=stage,
        applied=_optional_time(document["applied"], times),
        url=url,
        location=location,
        salary=salary,
        source=source,
        notes=notes,
        tags=tags,
        contacts=[_contact(item) for item in _list(document["contacts"])],
        events=[_event(item, times) for item in _list(document["events"])],
        created=_time(document["created"], times),
        updated=_time(document["updated"], times),
    )


def _event(item: Document, times: dict[str, DateTime]) -> Event:
    if type(item) is not dict:
        raise _Unusual
    kind, fields, at = item.get("kind"), item.keys(), _time(item.get("at"), times)

    if kind == "stage" and fields == _STAGE_FIELDS:
        origin, to = item["from"], item["to"]
        if origin is not None and type(origin) is not str:
            raise _Unusual
        return StageChange(at=at, from_stage=origin or None, to_stage=_required(to))

    if kind == "followup" and fields == _FOLLOWUP_FIELDS:
        text, channel = item["text"], item["channel"]
        if type(text) is not str or type(channel) is not str or not channel:
            raise _Unusual
        kind = _FOLLOWUP_TYPES[item["type"]]
        return FollowUp(at=at, kind=kind, text=text, channel=channel)

    if kind == "reply" and fields == _REPLY_FIELDS:
        summary = item["summary"]
        if type(summary) is not str:
            raise _Unusual
        return Reply(at=at, summary=summary)

    if kind == "interview" and fields == _INTERVIEW_FIELDS:
        minutes, whom, notes = item["duration_minutes"], item["with"], item["notes"]
        if type(minutes) is not int or minutes < 0:
            raise _Unusual
        if type(whom) is not str or type(notes) is not str:
            raise _Unusual
        return Interview(
            at=at,
            duration_minutes=minutes,
            with_whom=whom,
            notes=notes,
            decision_by=_optional_time(item["decision_by"], times),
        )

    if kind == "offer" and fields == _OFFER_FIELDS:
        details = item["details"]
        if type(details) is not str:
            raise _Unusual
        deadline = _optional_time(item["deadline"], times)
        return Offer(at=at, deadline=deadline, details=details)

    raise _Unusual


def _contact(item: Document) -> Contact:
    if type(item) is not dict or item.keys() != _CONTACT_FIELDS:
        raise _Unusual
    name, email, title = item["name"], item["email"], item["title"]
    if {type(name), type(email), type(title)} != _ONLY_TEXT or not name.strip():
        raise _Unusual
    return Contact(name=name, email=email, title=title)


def _required(value: Any) -> str:
    if type(value) is not str or not value.strip():
        raise _Unusual
    return value


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise _Unusual
    return value


def _time(value: Any, times: dict[str, DateTime]) -> DateTime:
    moment = times.get(value)
    if moment is not None:
        return moment
    if type(value) is not str or value[-1:] != "Z":
        raise _Unusual

    naive = _parse_naive(value[:-1])
    # Only the form `to_iso` writes, which the codec reads as the same instant.
    if naive.tzinfo is not None or naive.isoformat() != value[:-1]:
        raise _Unusual
    moment = times[value] = DateTime(
        naive.year,
        naive.month,
        naive.day,
        naive.hour,
        naive.minute,
        naive.second,
        naive.microsecond,
        tzinfo=UTC,
    )
    return moment


def _optional_time(value: Any, times: dict[str, DateTime]) -> DateTime | None:
    return None if value is None else _time(value, times)
