"""Reading applications from a CSV file: a header row, then one application a row.

Headers match in any case, with spaces or dashes for underscores; unknown columns
are reported and ignored. Every bad value of every row is reported with the line
the row starts on, which `csv.reader` tracks even across quoted line breaks.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from jobtui.domain.errors import InputError
from jobtui.domain.interchange import (
    CSV_COLUMNS,
    CSV_ID_COLUMN,
    REQUIRED_CSV_COLUMNS,
    ImportContext,
    ImportProblems,
    ImportResult,
    column_key,
    split_tags,
)
from jobtui.domain.model import Application, Contact, StageChange, new_id
from jobtui.domain.validation import check_email, check_url

T = TypeVar("T")


def read_csv(path: Path, text: str, context: ImportContext) -> ImportResult:
    """Every application in the CSV text of `path`, or ImportProblems listing all.

    Raises:
        ImportProblems: a bad header, broken quoting, or each bad row by line.
    """
    rows = _rows(path, text)
    if not rows:
        raise ImportProblems(path, ["no header row: every line is empty"])
    header_line, header = rows[0]
    columns, warnings, problems = _columns(header, header_line)
    if problems:
        raise ImportProblems(path, problems)
    if len(rows) == 1:
        warnings.append("no rows after the header: nothing to import")

    applications: list[Application] = []
    total = len(rows) - 1
    for done, (line, cells) in enumerate(rows[1:], start=1):
        row = _Row(cells, columns, len(header))
        application = _application(row, line, context)
        if application is None:
            problems += [f"line {line}: {error}" for error in row.errors]
        else:
            applications.append(application)
        context.report(done, total)

    if problems:
        raise ImportProblems(path, problems)
    return ImportResult(applications, warnings)


def _rows(path: Path, text: str) -> list[tuple[int, list[str]]]:
    """The rows that hold any value, each with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            problem = f"line {start}: a quoted value that starts on this row never ends"
        else:
            problem = (
                f"line {reader.line_num}: cannot split the row into values "
                f"({error}); a value with commas, quotes or line breaks needs "
                "double quotes around it, and a quote inside it is written twice"
            )
        raise ImportProblems(path, [problem]) from None
    return rows


def _columns(
    header: list[str], line: int
) -> tuple[dict[str, int], list[str], list[str]]:
    """Which position holds which known column, the warnings, and the problems."""
    known = {CSV_ID_COLUMN, *CSV_COLUMNS}
    columns: dict[str, int] = {}
    unknown: list[str] = []
    problems: list[str] = []
    for position, name in enumerate(header):
        key = column_key(name)
        if key not in known:
            unknown.append(name.strip() or f"column {position + 1} (no name)")
        elif key in columns:
            first = header[columns[key]].strip()
            problems.append(
                f"line {line}: the columns {first!r} and {name.strip()!r} "
                f"both mean {key}"
            )
        else:
            columns[key] = position

    missing = [name for name in REQUIRED_CSV_COLUMNS if name not in columns]
    if missing:
        problems.append(
            f"line {line}: the header has no {' or '.join(missing)} column "
            f"(it names: {', '.join(cell.strip() for cell in header)})"
        )
    warnings = [f"unknown columns ignored: {', '.join(unknown)}"] if unknown else []
    return columns, warnings, problems


class _Row:
    """One row's values by column name, and every bad value found in it."""

    def __init__(self, cells: list[str], columns: dict[str, int], width: int) -> None:
        self.cells = cells
        self.columns = columns
        self.errors: list[InputError] = []

        # A short row reads as if its last values were empty, since some
        # programs drop trailing empty cells; values past the header would
        # be lost, so they are an error.
        if any(cell.strip() for cell in cells[width:]):
            what = f"{len(cells)} values but the header names {width} columns"
            self.errors.append(InputError("", what))

    def get(self, name: str) -> str:
        """The value in the named column, as written; empty if there is none."""
        position = self.columns.get(name)
        if position is None or position >= len(self.cells):
            return ""
        return self.cells[position]

    def check(self, read: Callable[[], T], default: T) -> T:
        """The value `read` gives, or `default` with its error noted."""
        try:
            return read()
        except InputError as error:
            self.errors.append(error)
            return default

    def require(self, name: str, what: str) -> str:
        """The trimmed value of a column that must not be empty."""
        value = self.get(name).strip()
        if not value:
            self.errors.append(InputError(name, f"{what} is required"))
        return value


def _application(row: _Row, line: int, context: ImportContext) -> Application | None:
    """The row's application, or None with every bad value noted in the row."""
    company = row.require("company", "a company")
    role = row.require("role", "a role")
    stage = row.check(lambda: context.stage(row.get("stage")), "")
    applied = row.check(lambda: context.applied(row.get("applied")), None)
    url = row.check(lambda: check_url(row.get("url"), "url"), "")
    email = row.check(
        lambda: check_email(row.get("contact_email"), "contact_email"), ""
    )
    contact = row.get("contact").strip()
    if email and not contact:
        row.errors.append(InputError("contact", "a name is needed with the email"))
    given_id = row.get(CSV_ID_COLUMN).strip()
    if given_id:
        row.check(lambda: context.check_id(given_id, f"at line {line}"), None)

    if row.errors:
        return None
    return Application(
        id=given_id or new_id(),
        company=company,
        role=role,
        stage=stage,
        applied=applied,
        url=url,
        location=row.get("location").strip(),
        salary=row.get("salary").strip(),
        source=row.get("source").strip(),
        tags=split_tags(row.get("tags")),
        notes=row.get("notes"),
        contacts=[Contact(name=contact, email=email)] if contact else [],
        events=[
            StageChange(at=applied or context.now, from_stage=None, to_stage=stage)
        ],
        created=context.now,
        updated=context.now,
    )
