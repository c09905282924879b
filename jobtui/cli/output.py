"""Plain-text and JSON output shared by the commands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
import pendulum
from pendulum import DateTime

from jobtui.domain.model import Application
from jobtui.domain.rules import DueItem, Window
from jobtui.domain.times import format_local, to_iso
from jobtui.domain.wording import window_phrase

SHORT_ID = 8


def echo_json(value: Any) -> None:
    """Print a value as indented JSON."""
    # Imported here: `jobtui due` uses this module without click (see quick.py).
    import click

    click.echo(json_text(value))


def json_text(value: Any) -> str:
    """A value as indented JSON text."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()


def table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    """Rows as aligned columns under a header; the last column is not padded."""
    texts = [list(map(str, row)) for row in [headers, *rows]]
    widths = [max(map(len, column)) for column in zip(*texts, strict=True)]
    lines = ["  ".join(map(str.ljust, row, widths)).rstrip() for row in texts]
    return "\n".join(lines)


def due_row(item: DueItem, now: DateTime, zone: pendulum.Timezone) -> list[str]:
    """One due item as a row of `jobtui due`."""
    application = item.application
    return [
        item.state,
        item.window.kind.label,
        f"{application.company} — {application.role}",
        window_phrase(item.window, now),
        format_local(item.window.due, zone),
        application.id[:SHORT_ID],
    ]


def due_json(item: DueItem) -> dict[str, Any]:
    """One due item in the JSON form of `jobtui due --json`."""
    application = item.application
    return {
        "id": application.id,
        "company": application.company,
        "role": application.role,
        "stage": application.stage,
        "kind": item.window.kind.value,
        "label": item.window.kind.label,
        "state": item.state,
        "opens": to_iso(item.window.opens),
        "due": to_iso(item.window.due),
        "reason": item.window.reason,
    }


def describe_application(
    application: Application,
    window: Window | None,
    now: DateTime,
    zone: pendulum.Timezone,
) -> str:
    """Everything about one application, for `jobtui show`."""
    lines = [f"{application.company} — {application.role}", f"id: {application.id}"]
    fields = [
        ("stage", application.stage),
        ("applied", format_local(application.applied, zone, time=False))
        if application.applied
        else ("applied", ""),
        ("url", application.url),
        ("location", application.location),
        ("salary", application.salary),
        ("source", application.source),
        ("tags", ", ".join(application.tags)),
    ]
    lines += [f"{name}: {value}" for name, value in fields if value]
    if window is not None:
        lines.append(f"next: {window_phrase(window, now)} — {window.reason}")
    if application.contacts:
        lines.append("contacts:")
        for contact in application.contacts:
            extra = ", ".join(part for part in (contact.title, contact.email) if part)
            lines.append(f"  {contact.name}" + (f" ({extra})" if extra else ""))
    if application.notes:
        lines += ["notes:", *(f"  {line}" for line in application.notes.splitlines())]
    # Imported here: `jobtui due` uses this module and must not wait for it.
    from jobtui.domain.history import describe_event

    lines.append("history:")
    lines += [
        f"  {format_local(event.at, zone)}  {describe_event(event, zone)}"
        for event in application.events
    ]
    return "\n".join(lines)
