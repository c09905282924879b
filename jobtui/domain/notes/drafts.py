"""Drafts kept between sessions: one per application and kind, in one small file.

The file sits beside the database (`applications.drafts.json` beside
`applications.json`) so that a draft survives Escape, a crash or a restart. It
is read once, held in memory, and rewritten whole and atomically when a draft
changes; a save that changes nothing writes nothing.

Drafts of deleted applications are pruned by the board once it holds the
writer lock (see `prune`), keeping those whose delete undo can still take back.

A damaged file is never silently emptied: it is renamed aside to
`<name>.bad-<time>` and reported once, and drafts start afresh.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import orjson
from pendulum import DateTime

from jobtui.domain.errors import DatabaseError
from jobtui.domain.files import write_atomically
from jobtui.domain.model import Kind
from jobtui.domain.notes.draft import Draft
from jobtui.domain.times import to_iso, utc_now

FORMAT = 1
_FIELDS = ("recipient", "subject", "body")


class DraftStore:
    """The user's unsent drafts, by application id and kind.

    Args:
        path: the drafts file; it need not exist yet.
        clock: the time source for when a draft was saved, replaceable in tests.
    """

    def __init__(self, path: Path, *, clock: Callable[[], DateTime] = utc_now) -> None:
        self.path = path
        self.clock = clock
        self._drafts: dict[str, dict[str, str]] | None = None

    @classmethod
    def beside(cls, db_path: Path) -> DraftStore:
        """The drafts kept beside a database file."""
        return cls(db_path.with_name(f"{db_path.stem}.drafts.json"))

    def load(self, app_id: str, kind: Kind) -> Draft | None:
        """The saved draft for this application and kind, or None.

        Raises:
            DatabaseError: the file cannot be read, or was damaged (it has been
                moved aside, and the message says where to).
        """
        saved = self._all().get(_key(app_id, kind))
        if saved is None:
            return None
        return Draft(*(saved[field] for field in _FIELDS))

    def save(self, app_id: str, kind: Kind, draft: Draft) -> None:
        """Keep `draft` for this application and kind, replacing any before it.

        Raises:
            DatabaseError: as for `load`, or when the file cannot be written.
        """
        drafts = self._all()
        key = _key(app_id, kind)
        entry = {field: getattr(draft, field) for field in _FIELDS}
        saved = drafts.get(key)
        if saved is not None and all(saved[f] == entry[f] for f in _FIELDS):
            return
        drafts[key] = {**entry, "saved": to_iso(self.clock())}
        self._write(drafts)

    def discard(self, app_id: str, kind: Kind) -> None:
        """Forget the draft for this application and kind, if there is one."""
        drafts = self._all()
        if drafts.pop(_key(app_id, kind), None) is not None:
            self._write(drafts)

    def prune(self, app_ids: Collection[str]) -> int:
        """Forget the drafts of every application not among `app_ids`.

        Returns:
            How many drafts were forgotten; the file is rewritten only if any were.

        Raises:
            DatabaseError: as for `save`.
        """
        drafts = self._all()
        gone = [key for key in drafts if _app_id(key) not in app_ids]
        for key in gone:
            del drafts[key]
        if gone:
            self._write(drafts)
        return len(gone)

    def _all(self) -> dict[str, dict[str, str]]:
        if self._drafts is None:
            self._drafts = self._read()
        return self._drafts

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise DatabaseError(
                f"cannot read the drafts in {self.path}: {error.strerror}"
            ) from error

        try:
            return _parse(data)
        except ValueError as error:
            aside = self._move_aside()
            # From here on the drafts start afresh: the damaged file is safe.
            self._drafts = {}
            raise DatabaseError(
                f"the drafts file {self.path} was damaged ({error}); it was kept "
                f"as {aside.name} and drafts start afresh"
            ) from error

    def _move_aside(self) -> Path:
        stamp = self.clock().format("YYYYMMDDTHHmmss")
        # Never over an earlier damaged copy, even one from the same second.
        for number in itertools.count(1):
            suffix = f".bad-{stamp}" + (f"-{number}" if number > 1 else "")
            aside = self.path.with_name(self.path.name + suffix)
            if not aside.exists():
                break
        try:
            self.path.replace(aside)
        except OSError as error:
            raise DatabaseError(
                f"the drafts file {self.path} is damaged and could not be moved "
                f"aside: {error.strerror}"
            ) from error
        return aside

    def _write(self, drafts: dict[str, dict[str, str]]) -> None:
        payload = orjson.dumps(
            {"format": FORMAT, "drafts": drafts}, option=orjson.OPT_INDENT_2
        )
        try:
            write_atomically(self.path, payload)
        except OSError as error:
            raise DatabaseError(
                f"cannot save the draft to {self.path}: {error.strerror}"
            ) from error


def _key(app_id: str, kind: Kind) -> str:
    return f"{app_id}/{kind.value}"


def _app_id(key: str) -> str:
    """The application a draft's key names (the kind after the last slash)."""
    return key.rpartition("/")[0]


def _parse(data: bytes) -> dict[str, dict[str, str]]:
    """The drafts in a file's bytes; ValueError says what is wrong with them."""
    document: Any = orjson.loads(data)
    if not isinstance(document, dict) or not isinstance(document.get("drafts"), dict):
        raise ValueError("no drafts table")
    if document.get("format") != FORMAT:
        raise ValueError(f"unknown format {document.get('format')!r}")

    drafts: dict[str, dict[str, str]] = {}
    for key, entry in document["drafts"].items():
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(field), str) for field in _FIELDS
        ):
            raise ValueError(f"the draft {key!r} is incomplete")
        drafts[key] = {
            name: value for name, value in entry.items() if isinstance(value, str)
        }
    return drafts
