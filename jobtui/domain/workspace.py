"""The board's working set: applications in memory, undo, and writes in the background.

The interface changes applications here and sees the change at once; each
change is then written through the store on one background thread, in order, so
the screen never waits for the disk. Every change can be undone.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from pendulum import DateTime

from jobtui.domain.errors import InputError, NotFoundError
from jobtui.domain.model import Application, Event, StageSet
from jobtui.domain.store import Store
from jobtui.domain.times import utc_now

UNDO_DEPTH = 100


@dataclass(frozen=True)
class Change:
    """One change the user made, with what is needed to undo it.

    `before` is None for an added application, `after` None for a deleted one.
    """

    description: str
    before: Application | None
    after: Application | None

    @property
    def app_id(self) -> str:
        """The id of the application changed."""
        target = self.after or self.before
        assert target is not None
        return target.id


class Workspace:
    """Applications held in memory over a store, with undo and write-behind.

    Args:
        store: a store opened for writing.
        clock: the time source, replaceable in tests.
        on_error: called on the writer thread when a write fails; the interface
            should tell the user and call `reload()`.
    """

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], DateTime] = utc_now,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.on_error = on_error
        self.stages: StageSet = store.stages()
        self._applications = {app.id: app for app in store.applications()}
        self._undo: list[Change] = []
        self._tokens = {app.id: app.updated for app in self._applications.values()}
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jobtui")
        self._pending = 0
        self._lock = threading.Lock()

    @property
    def pending(self) -> int:
        """How many changes are still being written."""
        return self._pending

    def applications(self) -> list[Application]:
        """Every application, as held in memory; treat them as read-only."""
        return list(self._applications.values())

    def get(self, app_id: str) -> Application:
        """One application by its full id."""
        try:
            return self._applications[app_id]
        except KeyError:
            raise NotFoundError("id", f"no application with id {app_id}") from None

    def editable(self, app_id: str) -> Application:
        """A private copy of an application, to change and pass to `update`."""
        return copy.deepcopy(self.get(app_id))

    def add(self, application: Application) -> Change:
        """Add a new application."""
        self.stages.resolve(application.stage)
        if application.id in self._applications:
            raise InputError("id", f"an application with id {application.id} exists")
        change = Change(f"added {_name(application)}", None, application)
        self._apply(change)
        return change

    def update(self, application: Application, description: str) -> Change:
        """Replace an application with a changed copy of it (see `editable`)."""
        before = self.get(application.id)
        self.stages.resolve(application.stage)
        change = Change(description, before, application)
        self._apply(change)
        return change

    def move(self, app_id: str, stage: str, at: DateTime | None = None) -> Change:
        """Move an application to another stage, recording it in the history."""
        target = self.stages.resolve(stage)
        application = self.editable(app_id)
        application.move_to(target.name, at or self.clock())
        return self.update(application, f"moved {_name(application)} to {target.name}")

    def record(self, app_id: str, event: Event, description: str) -> Change:
        """Add an event (a follow-up sent, a reply, an interview, an offer)."""
        application = self.editable(app_id)
        application.record(event)
        return self.update(application, f"{description} for {_name(application)}")

    def delete(self, app_id: str) -> Change:
        """Delete an application (undo brings it back)."""
        before = self.get(app_id)
        change = Change(f"deleted {_name(before)}", before, None)
        self._apply(change)
        return change

    def undo(self) -> Change | None:
        """Revert the latest change not yet undone; None when there is none."""
        if not self._undo:
            return None
        change = self._undo.pop()
        self._apply(Change(change.description, change.after, change.before), undo=True)
        return change

    def ids_in_reach(self) -> set[str]:
        """The ids of the applications held and of the deleted ones undo can restore."""
        restorable = {change.app_id for change in self._undo if change.after is None}
        return set(self._applications) | restorable

    @property
    def can_undo(self) -> bool:
        """Whether there is a change to undo."""
        return bool(self._undo)

    def flush(self, timeout: float | None = None) -> None:
        """Wait until every change so far is written."""
        self._writer.submit(lambda: None).result(timeout)

    def reload(self) -> None:
        """Forget what is in memory and read the store again (after a failed write)."""
        self.flush()
        self.stages = self.store.stages()
        self._applications = {app.id: app for app in self.store.applications()}
        self._tokens = {app.id: app.updated for app in self._applications.values()}
        self._undo.clear()

    def close(self) -> None:
        """Write what is pending and stop the writer thread."""
        self._writer.shutdown(wait=True)

    def _apply(self, change: Change, *, undo: bool = False) -> None:
        """Show the change in memory now and queue its write."""
        if change.after is None:
            del self._applications[change.before.id]  # type: ignore[union-attr]
        else:
            self._applications[change.after.id] = change.after
        if not undo:
            self._undo.append(change)
            del self._undo[:-UNDO_DEPTH]
        snapshot = copy.deepcopy(change)
        with self._lock:
            self._pending += 1
        future = self._writer.submit(self._write, snapshot)
        future.add_done_callback(self._written)

    def _write(self, change: Change) -> None:
        """Persist one change; runs on the writer thread, in order."""
        now = self.clock()
        if change.after is None:
            assert change.before is not None
            self.store.delete(change.before.id)
            self._tokens.pop(change.before.id, None)
        elif change.after.id not in self._tokens:
            saved = self.store.add(change.after, now=now)
            self._tokens[saved.id] = saved.updated
        else:
            change.after.updated = self._tokens[change.after.id]
            saved = self.store.save(change.after, now=now)
            self._tokens[saved.id] = saved.updated

    def _written(self, future: Future[None]) -> None:
        with self._lock:
            self._pending -= 1
        error = future.exception()
        if error is not None and self.on_error is not None:
            self.on_error(error)


def _name(application: Application) -> str:
    return f"{application.company} — {application.role}"
