"""`jobtui import`: applications from a CSV or JSON interchange file, all or none.

Every row is checked before any is accepted: the result holds every application
in the file, or an `ImportProblems` lists each bad row by its line (CSV) or its
place in the file (JSON) and nothing is imported.
"""

from __future__ import annotations

import codecs
from collections.abc import Collection
from pathlib import Path

import pendulum
from pendulum import DateTime

from jobtui.domain.csv_import import read_csv
from jobtui.domain.interchange import (
    ImportContext,
    ImportProblems,
    ImportResult,
    Progress,
)
from jobtui.domain.json_import import read_json
from jobtui.domain.model import StageSet

__all__ = ["ImportProblems", "ImportResult", "read_import"]


def read_import(
    path: Path,
    *,
    stages: StageSet,
    now: DateTime,
    zone: pendulum.Timezone,
    existing_ids: Collection[str] = (),
    progress: Progress | None = None,
) -> ImportResult:
    """Every application in a CSV or JSON interchange file, or ImportProblems.

    The format follows the extension (`.csv`, `.json`); any other file is JSON
    if its first non-blank character is `{` or `[`, and CSV otherwise.

    Args:
        path: the file to read.
        stages: the user's stages; each application's stage must be one of them.
        now: the time of the import: `created` of new applications, and the
            time of their first stage change when no applied date is given.
        zone: the user's time zone, in which dates without an offset are read.
        existing_ids: ids already in the database, which an import may not reuse.
        progress: called with (rows checked, rows in all) as the check goes on.

    Raises:
        ImportProblems: listing every problem found; nothing was imported.
    """
    text = _read_text(path)
    if not text.strip():
        raise ImportProblems(path, ["the file is empty"])

    # A set, because a list of ten thousand ids would be searched on every row.
    context = ImportContext(stages, now, zone, frozenset(existing_ids), progress)
    suffix = path.suffix.casefold()
    if suffix == ".csv" or (suffix != ".json" and text.lstrip()[0] not in "{["):
        return read_csv(path, text, context)
    return read_json(path, text, context)


def _read_text(path: Path) -> str:
    """The file's text, or ImportProblems saying why it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportProblems(path, ["no such file"]) from None
    except IsADirectoryError:
        raise ImportProblems(path, ["it is a folder, not a file"]) from None
    except OSError as error:
        raise ImportProblems(path, [f"cannot read it ({error.strerror})"]) from None

    # Spreadsheets often start UTF-8 files with a byte order mark; the offset
    # in the message still counts it, as a hex editor would.
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = start + error.start
        line = data.count(b"\n", 0, offset) + 1
        problem = (
            f"not UTF-8 text: byte {data[offset]:#04x} at offset {offset} "
            f"(line {line}); save the file as UTF-8 and try again"
        )
        raise ImportProblems(path, [problem]) from None
