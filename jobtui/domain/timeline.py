"""One application's timeline: its events in time order, time per stage, silences.

Silence is measured from the user's side. The user is waiting for the employer
from the moment they apply, send a note or finish an interview, until the
employer's next sign of life: a reply, an interview, an offer, or a move to
another stage (which the user records because they heard something). Several
notes in a row do not restart the wait: it runs from the first one left
unanswered. A wait of `SILENCE_DAYS` or more becomes a "gap" entry, placed just
before the event that ended it, or at the end when it runs on until now. An
application in a closed stage is waiting for nothing, so it has no gap to now.
"""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import DateTime

from jobtui.domain.history import StageSpan, describe_event, stage_spans
from jobtui.domain.model import (
    EVENT_KINDS,
    Application,
    Event,
    FollowUp,
    Interview,
    Offer,
    Reply,
    StageChange,
    StageSet,
)
from jobtui.domain.times import Zone, format_local

#: Days without a sign from the employer that make a silence worth showing.
SILENCE_DAYS = 7

_DAY = 86400.0


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of the timeline: an event, a stage entered, or a silence.

    `kind` is "stage", "sent", "reply", "interview", "offer" or "gap", or the
    stored kind of any other event ("snooze", "handled"). A stage entry's
    `in_stage` says how long the application stayed there ("9 days", or
    "9 days so far" for the current stage); a gap's `since` is when the
    silence began, and its `at` when it ended (or now); an interview `ends`.
    """

    at: DateTime
    kind: str
    title: str
    detail: str = ""
    in_stage: str = ""
    since: DateTime | None = None
    ends: DateTime | None = None
    upcoming: bool = False


def timeline(
    application: Application,
    now: DateTime,
    zone: Zone,
    *,
    stages: StageSet | None = None,
) -> list[TimelineEntry]:
    """The application's timeline as of `now`, oldest first, times shown in `zone`."""
    stages = stages or StageSet()
    entries = [_stage_entry(span, now) for span in stage_spans(application)]
    entries += [
        _event_entry(event, now, zone)
        for event in application.events
        if not isinstance(event, StageChange)
    ]
    entries.sort(key=lambda entry: entry.at)
    return _with_gaps(entries, application, now, zone, stages)


def silence_title(seconds: float) -> str:
    """A silence in words, in whole days: "no reply for 18 days"."""
    days = int(seconds // _DAY)
    return f"no reply for {days} day" + ("" if days == 1 else "s")


def _stage_entry(span: StageSpan, now: DateTime) -> TimelineEntry:
    length = span.length(now)
    return TimelineEntry(
        at=span.entered,
        kind="stage",
        title=span.stage,
        in_stage=length + ("" if span.left else " so far"),
        upcoming=span.entered > now,
    )


def _event_entry(event: Event, now: DateTime, zone: Zone) -> TimelineEntry:
    title, detail = _words(event, zone)
    kind = "sent" if isinstance(event, FollowUp) else EVENT_KINDS.get(type(event))
    return TimelineEntry(
        at=event.at,
        kind=kind or type(event).__name__.lower(),
        title=title,
        detail=detail,
        ends=event.ends if isinstance(event, Interview) else None,
        upcoming=event.at > now,
    )


def _words(event: Event, zone: Zone) -> tuple[str, str]:
    """An event's short title and the detail under it."""
    match event:
        case FollowUp():
            return f"{event.kind.label} sent", _joined(event.channel, event.text)
        case Reply():
            return "reply", event.summary
        case Interview():
            who = f"with {event.with_whom}" if event.with_whom else ""
            decision = ""
            if event.decision_by is not None:
                when = format_local(event.decision_by, zone, time=False)
                decision = f"decision by {when}"
            title = f"interview ({event.duration_minutes} min)"
            return title, _joined(who, event.notes, decision)
        case Offer():
            deadline = ""
            if event.deadline is not None:
                deadline = f"answer by {format_local(event.deadline, zone)}"
            return "offer", _joined(event.details, deadline)
    return describe_event(event, zone), ""


def _joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def _with_gaps(
    entries: list[TimelineEntry],
    application: Application,
    now: DateTime,
    zone: Zone,
    stages: StageSet,
) -> list[TimelineEntry]:
    """The entries with a gap before each long-awaited sign, and one for now."""
    result: list[TimelineEntry] = []
    waiting: TimelineEntry | None = None
    first_stage = True
    for entry in entries:
        ends_wait = entry.kind in ("reply", "interview", "offer")
        ends_wait = ends_wait or (entry.kind == "stage" and not first_stage)
        if ends_wait and waiting is not None:
            result += _gap(waiting, min(entry.at, now), zone)
            waiting = None
        starts_wait = entry.kind in ("sent", "interview") or first_stage
        if starts_wait and waiting is None and entry.at <= now:
            waiting = entry
        first_stage = first_stage and entry.kind != "stage"
        result.append(entry)

    if waiting is not None and not stages.is_closed(application.stage):
        result += _gap(waiting, now, zone)
    return result


def _gap(waiting: TimelineEntry, until: DateTime, zone: Zone) -> list[TimelineEntry]:
    """A gap entry for a wait that began at `waiting` and ended `until`, if long."""
    start = waiting.ends or waiting.at
    seconds = until.timestamp() - start.timestamp()
    if seconds < SILENCE_DAYS * _DAY:
        return []

    since = {"stage": "since applying", "interview": "since the interview"}.get(
        waiting.kind, f"since the {waiting.title.removesuffix(' sent')}"
    )
    detail = f"{since} on {format_local(start, zone, time=False)}"
    return [
        TimelineEntry(
            at=until,
            kind="gap",
            title=silence_title(seconds),
            detail=detail,
            since=start,
        )
    ]
