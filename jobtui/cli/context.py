"""What every command shares: the database path, the settings and the clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pendulum
from pendulum import DateTime

from jobtui.domain.calendar import BusinessCalendar
from jobtui.domain.model import Application, StageSet
from jobtui.domain.paths import default_db_path
from jobtui.domain.rules import DueItem, Window, due_items, next_window
from jobtui.domain.settings import Settings, load_settings
from jobtui.domain.storage import Store
from jobtui.domain.times import parse_when, utc_now

LOCK_WAIT_ENV = "JOBTUI_LOCK_WAIT"
DEFAULT_LOCK_WAIT = 3.0


@dataclass
class Env:
    """The command line's view of the world, built once per invocation."""

    db_path: Path
    now: DateTime = field(default_factory=utc_now)

    @classmethod
    def create(cls, db_path: Path | None) -> Env:
        """The environment for `--db PATH`, or for the default database."""
        return cls(db_path=db_path or default_db_path())

    @cached_property
    def settings(self) -> Settings:
        """The user's settings, read once."""
        return load_settings()

    @cached_property
    def calendar(self) -> BusinessCalendar:
        """Business days in the user's country."""
        return self.settings.calendar()

    def window(self, application: Application, stages: StageSet) -> Window | None:
        """The next follow-up window of one application, as of `now`."""
        return next_window(
            application,
            self.now,
            stages=stages,
            settings=self.settings.rules,
            calendar=self.calendar,
        )

    def due(self, applications: list[Application], stages: StageSet) -> list[DueItem]:
        """Every opened follow-up window, most urgent first, as of `now`."""
        return due_items(
            applications,
            self.now,
            stages=stages,
            settings=self.settings.rules,
            calendar=self.calendar,
        )

    @property
    def zone(self) -> pendulum.Timezone:
        """The user's time zone."""
        return self.settings.zone

    def when(self, text: str | None, where: str) -> DateTime:
        """A time the user typed (local unless it has an offset), or now."""
        if text is None:
            return self.now
        return parse_when(text, now=self.now, zone=self.zone, where=where)

    def optional_when(self, text: str | None, where: str) -> DateTime | None:
        """A time the user typed, or None when they gave none."""
        return None if text is None else self.when(text, where)

    def reader(self) -> Store:
        """The store opened for reading: never waits, works beside a running board."""
        return Store.open(self.db_path, writable=False)

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store opened for writing, waiting briefly for another writer."""
        wait = float(os.environ.get(LOCK_WAIT_ENV, DEFAULT_LOCK_WAIT))
        store = Store.open(self.db_path, writable=True, lock_timeout=wait)
        try:
            yield store
        finally:
            store.close()
