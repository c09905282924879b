"""A calendar (iCalendar, RFC 5545) of the follow-ups and interviews ahead.

Each follow-up window becomes an event from the moment it opens to the moment
it is due, marked free so that it never blocks time; each upcoming interview
becomes an event of its own length. UIDs come from the application's id, so a
calendar that imports the file again updates its events instead of adding
copies. `icalendar` is imported only when a calendar is written, because it
takes longer to import than a quick command should.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pendulum
from pendulum import DateTime

from jobtui.domain.model import Application, Interview

if TYPE_CHECKING:
    from jobtui.domain.rules import Window

PRODUCT_ID = "-//jobtui//jobtui follow-ups//EN"
UID_DOMAIN = "jobtui"


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One event of the calendar: a follow-up window or an interview.

    Args:
        uid: the same for the same follow-up or interview in every export.
        stamp: when the calendar was written (its DTSTAMP).
        busy: whether the time shows as busy; follow-up windows do not.
    """

    uid: str
    summary: str
    description: str
    start: DateTime
    end: DateTime
    stamp: DateTime
    url: str = ""
    busy: bool = True


def calendar_entries(
    applications: Iterable[Application],
    windows: Mapping[str, Window | None],
    now: DateTime,
) -> list[CalendarEntry]:
    """The entries of the calendar: windows not yet past due, interviews to come.

    Args:
        applications: the applications whose interviews are listed.
        windows: each application's next follow-up window by id, as the
            rules' `next_window` gives it; a missing id means no window.
        now: the time of the export; earlier interviews and overdue windows
            are left out.

    Returns:
        The entries in the order they start.
    """
    entries: list[CalendarEntry] = []
    for application in applications:
        window = windows.get(application.id)
        if window is not None and _is_ahead(window, now):
            entries.append(_window_entry(application, window, now))

        for interview in application.events_of(Interview):
            if interview.at >= now:
                entries.append(_interview_entry(application, interview, now))

    entries.sort(key=lambda entry: (entry.start, entry.uid))
    return entries


def _is_ahead(window: Window, now: DateTime) -> bool:
    """Whether a window belongs in the calendar: a message not yet overdue."""
    # "Move on" is a decision to take, not a message with a time to send it.
    return window.kind.is_message and window.state(now) != "overdue"


def _window_entry(
    application: Application, window: Window, now: DateTime
) -> CalendarEntry:
    label = window.kind.label
    return CalendarEntry(
        uid=f"{application.id}-{window.kind.value}@{UID_DOMAIN}",
        summary=f"{label[:1].upper()}{label[1:]}: {_title(application)}",
        description=window.reason,
        start=window.opens,
        end=window.due,
        stamp=now,
        url=application.url,
        busy=False,
    )


def _interview_entry(
    application: Application, interview: Interview, now: DateTime
) -> CalendarEntry:
    at = interview.at.in_timezone(pendulum.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [f"With {interview.with_whom}"] if interview.with_whom else []
    lines.append(f"{interview.duration_minutes} minutes")
    if interview.notes:
        lines += ["", interview.notes]
    return CalendarEntry(
        uid=f"{application.id}-interview-{at}@{UID_DOMAIN}",
        summary=f"Interview: {_title(application)}",
        description="\n".join(lines),
        start=interview.at,
        end=interview.ends,
        stamp=now,
        url=application.url,
    )


def _title(application: Application) -> str:
    return f"{application.company} — {application.role}"


def export_ics(entries: Iterable[CalendarEntry]) -> str:
    """The entries as an iCalendar file, times in UTC, lines ending in CRLF."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "jobtui")

    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", _utc(entry.stamp))
        event.add("dtstart", _utc(entry.start))
        event.add("dtend", _utc(entry.end))
        event.add("summary", entry.summary)
        if entry.description:
            event.add("description", entry.description)
        if entry.url:
            event.add("url", entry.url)
        event.add("transp", "OPAQUE" if entry.busy else "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical().decode()


def _utc(moment: DateTime) -> DateTime:
    """A time in UTC, which needs no VTIMEZONE block and reads the same anywhere."""
    return moment.in_timezone(pendulum.UTC)
