"""The calendar export: upcoming follow-up windows and interviews as iCalendar."""

from __future__ import annotations

import subprocess
import sys

import icalendar
import pendulum

from jobtui.domain.ics import calendar_entries, export_ics
from jobtui.domain.model import Application, Interview, Kind
from jobtui.domain.rules import Window

NOW = pendulum.datetime(2026, 11, 10, 12, 0, tz="UTC")


def application(company: str, *interviews: Interview) -> Application:
    """An application to Acme-like `company` for a Data Engineer."""
    return Application(
        id=f"id-{company.casefold()}",
        company=company,
        role="Data Engineer",
        stage="Interviewing",
        url=f"https://{company.casefold()}.example/job",
        events=list(interviews),
        created=NOW.subtract(weeks=3),
        updated=NOW.subtract(weeks=3),
    )


def window(kind: Kind, opens_in_hours: int, due_in_hours: int) -> Window:
    """A window that opens and is due these many hours from NOW."""
    return Window(
        kind=kind,
        opens=NOW.add(hours=opens_in_hours),
        due=NOW.add(hours=due_in_hours),
        reason=f"{kind.label} reason",
    )


def parsed_events(text: str) -> dict[str, icalendar.Event]:
    """The events of an iCalendar text by UID, as a calendar program reads them."""
    calendar = icalendar.Calendar.from_ical(text)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_calendar_holds_windows_not_yet_due_and_interviews_to_come() -> None:
    upcoming = Interview(
        at=NOW.add(days=2), duration_minutes=45, with_whom="Jane Doe", notes="Spark"
    )
    earlier = Interview(at=NOW.subtract(days=2), with_whom="Bo")
    applications = [
        application("Acme", upcoming, earlier),
        application("Globex"),
        application("Initech"),
        application("Hooli"),
        application("Wonka"),
    ]
    windows = {
        "id-acme": window(Kind.THANK_YOU, -2, 20),
        "id-globex": window(Kind.SECOND_FOLLOWUP, 24, 24 * 8),
        "id-initech": window(Kind.FOLLOWUP, -48, -1),
        "id-hooli": window(Kind.MOVE_ON, -1, 24),
        "id-wonka": None,
    }

    text = export_ics(calendar_entries(applications, windows, NOW))
    events = parsed_events(text)

    interview_uid = "id-acme-interview-20261112T120000Z@jobtui"
    assert sorted(events) == sorted(
        [interview_uid, "id-acme-thank_you@jobtui", "id-globex-second_followup@jobtui"]
    )
    thank_you = events["id-acme-thank_you@jobtui"]
    assert str(thank_you["summary"]) == "Thank-you: Acme — Data Engineer"
    assert str(thank_you["description"]) == "thank-you reason"
    assert thank_you.decoded("dtstart") == NOW.subtract(hours=2)
    assert thank_you.decoded("dtend") == NOW.add(hours=20)
    assert str(thank_you["transp"]) == "TRANSPARENT"
    assert thank_you.decoded("dtstamp") == NOW
    assert str(thank_you["url"]) == "https://acme.example/job"
    second = events["id-globex-second_followup@jobtui"]
    assert str(second["summary"]) == "Second follow-up: Globex — Data Engineer"
    interview = events[interview_uid]
    assert str(interview["summary"]) == "Interview: Acme — Data Engineer"
    assert str(interview["description"]) == "With Jane Doe\n45 minutes\n\nSpark"
    assert interview.decoded("dtstart") == NOW.add(days=2)
    assert interview.decoded("dtend") == NOW.add(days=2, minutes=45)
    assert str(interview["transp"]) == "OPAQUE"


def test_entries_come_in_the_order_they_start() -> None:
    applications = [application("Acme", Interview(at=NOW.add(hours=5)))]
    windows = {"id-acme": window(Kind.FOLLOWUP, 1, 30)}

    entries = calendar_entries(applications, windows, NOW)

    assert [entry.summary.split(":")[0] for entry in entries] == [
        "Follow-up",
        "Interview",
    ]


def test_the_same_followup_and_interview_keep_their_uids_in_a_later_export() -> None:
    interview = Interview(at=NOW.add(days=3))
    applications = [application("Acme", interview)]
    first = calendar_entries(
        applications, {"id-acme": window(Kind.FOLLOWUP, 1, 9)}, NOW
    )

    # Later, after a reply moved the window, the calendar entry must move with it.
    later = NOW.add(hours=2)
    moved = Window(Kind.FOLLOWUP, NOW.add(days=1), NOW.add(days=2), "after the reply")
    second = calendar_entries(applications, {"id-acme": moved}, later)

    assert [entry.uid for entry in first] == [entry.uid for entry in second]
    assert second[0].start == NOW.add(days=1)
    assert second[0].stamp == later


def test_an_interview_starting_now_is_included_and_one_a_second_ago_is_not() -> None:
    applications = [
        application("Acme", Interview(at=NOW)),
        application("Globex", Interview(at=NOW.subtract(seconds=1))),
    ]

    entries = calendar_entries(applications, {}, NOW)

    assert [entry.summary for entry in entries] == ["Interview: Acme — Data Engineer"]


def test_a_calendar_with_nothing_ahead_is_still_a_valid_calendar() -> None:
    text = export_ics([])

    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["version"]) == "2.0"
    assert calendar.walk("VEVENT") == []
    assert text.endswith("END:VCALENDAR\r\n")


def test_importing_the_calendar_module_does_not_import_icalendar() -> None:
    code = "import sys, jobtui.domain.ics; print('icalendar' in sys.modules)"

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "False"
