"""The interchange formats that `jobtui import` reads and `jobtui export` writes.

JSON: `{"jobtui": 1, "applications": [...]}`, each application in the one dict
shape of `jobtui.domain.codec`. CSV: a header row naming the columns below, one
application a row. This module holds what reading and writing must agree on and
the checks both import readers share; `importing` and `exporting` use it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

import pendulum
from pendulum import DateTime

from jobtui.domain.errors import InputError, JobtuiError
from jobtui.domain.model import Application, StageSet
from jobtui.domain.times import parse_when

FORMAT_VERSION = 1
"""The JSON interchange version written; files of a newer one are refused."""

CSV_COLUMNS = (
    "company",
    "role",
    "stage",
    "applied",
    "url",
    "location",
    "salary",
    "source",
    "contact",
    "contact_email",
    "notes",
    "tags",
)
"""The CSV columns import understands, besides an optional `id`, in export order."""

CSV_ID_COLUMN = "id"
REQUIRED_CSV_COLUMNS = ("company", "role")
TAG_SEPARATOR = "; "

PROGRESS_EVERY = 250
"""How many rows pass between two calls of the progress callback."""

Progress = Callable[[int, int], None]

_TAG_SPLIT = re.compile(r"[;,]")
_HEADER_GAPS = re.compile(r"[\s\-]+")


def column_key(header: str) -> str:
    """A CSV header as a column name: any case, spaces and dashes read as `_`."""
    return _HEADER_GAPS.sub("_", header.strip()).casefold()


def split_tags(text: str) -> list[str]:
    """The tags in one CSV cell, separated by `;` or `,` (cleaned by the model)."""
    return _TAG_SPLIT.split(text) if text else []


class ImportProblems(JobtuiError):
    """A file that cannot be imported, with every problem found in it.

    Args:
        path: the file, named in the message.
        problems: one line each, such as `line 7: applied: cannot read 'soon'...`.
    """

    exit_status = 2

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        if len(problems) == 1:
            message = f"cannot import {path}: {problems[0]}"
        else:
            heading = f"cannot import {path}: {len(problems)} problems"
            message = "\n  ".join([f"{heading}, nothing was imported", *problems])
        super().__init__(message)


@dataclass
class ImportResult:
    """The applications read from a file, and what was ignored on the way."""

    applications: list[Application]
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportContext:
    """What every imported application is checked against, and the ids seen so far."""

    stages: StageSet
    now: DateTime
    zone: pendulum.Timezone
    existing_ids: Collection[str] = ()
    progress: Progress | None = None
    seen_ids: dict[str, str] = field(default_factory=dict)
    read_dates: dict[str, DateTime] = field(default_factory=dict)

    def check_id(self, application_id: str, place: str) -> None:
        """Refuse an id the database holds, or one used earlier in the file.

        Raises:
            InputError: at `id`, saying where the id was seen before.
        """
        if application_id in self.existing_ids:
            raise InputError(
                "id",
                f"{application_id!r} is already in the database "
                "(leave the id out to import it as a new application)",
            )
        first = self.seen_ids.setdefault(application_id, place)
        if first != place:
            raise InputError("id", f"{application_id!r} appears twice (also {first})")

    def stage(self, name: str, where: str = "stage") -> str:
        """The canonical name of a stage typed in any case; empty means the first."""
        if not name.strip():
            return self.stages.stages[0].name
        return self.stages.resolve(name, where).name

    def applied(self, text: str) -> DateTime | None:
        """A date as a person types it, in the user's zone; empty means none."""
        text = text.strip()
        if not text:
            return None

        # Files repeat dates a great deal, and reading one is the slowest step
        # of a row; the answer depends only on the text, `now` and the zone.
        moment = self.read_dates.get(text)
        if moment is None:
            moment = parse_when(text, now=self.now, zone=self.zone, where="applied")
            self.read_dates[text] = moment
        return moment

    def report(self, done: int, total: int) -> None:
        """Tell the caller how far the check has got, every few hundred rows."""
        if self.progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            self.progress(done, total)
