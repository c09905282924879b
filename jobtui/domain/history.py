"""An application's history as the user reads it: events in words, time per stage."""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import DateTime

from jobtui.domain.model import (
    Application,
    Event,
    FollowUp,
    Handled,
    Interview,
    Offer,
    Reply,
    Snoozed,
    StageChange,
)
from jobtui.domain.times import UTC, Zone, describe_span, format_local


@dataclass(frozen=True, slots=True)
class StageSpan:
    """A stretch of time spent in one stage; `left` is None while it is still there."""

    stage: str
    entered: DateTime
    left: DateTime | None

    def length(self, now: DateTime) -> str:
        """How long the stretch lasted, or has lasted so far: "9 days"."""
        end = self.left or now
        return describe_span(max(0.0, end.timestamp() - self.entered.timestamp()))


def stage_spans(application: Application) -> list[StageSpan]:
    """The stages the application has been in, in order, with when it entered each."""
    changes = application.events_of(StageChange)
    if not changes:
        return [StageSpan(application.stage, application.stage_since(), None)]

    spans: list[StageSpan] = []
    if changes[0].from_stage is not None:
        start = application.applied or application.created
        spans.append(StageSpan(changes[0].from_stage, start, changes[0].at))
    for index, change in enumerate(changes):
        left = changes[index + 1].at if index + 1 < len(changes) else None
        spans.append(StageSpan(change.to_stage, change.at, left))
    return spans


def span_for(change: StageChange, spans: list[StageSpan]) -> StageSpan | None:
    """The stretch that a stage change began."""
    for span in spans:
        if span.entered == change.at and span.stage == change.to_stage:
            return span
    return None


def describe_event(event: Event, zone: Zone = UTC) -> str:
    """One event in words, the same on every screen and in `jobtui show`.

    "follow-up sent by email: Asked about next steps", "moved from Applied to
    Phone Screen". Free text is cut to its first line, so an event is one line.

    Args:
        zone: the time zone for the dates an event names (a deadline, a
            snooze's end); the event's own time is the caller's to show.
    """
    match event:
        case StageChange(from_stage=None):
            return f"added in {event.to_stage}"
        case StageChange():
            return f"moved from {event.from_stage} to {event.to_stage}"
        case FollowUp():
            text = f"{event.kind.label} sent by {event.channel}"
            return text + _said(": ", event.text)
        case Reply():
            return "reply received" + _said(": ", event.summary)
        case Interview():
            who = f" with {event.with_whom}" if event.with_whom else ""
            text = f"interview{who} ({event.duration_minutes} min)"
            text += _said(" · discussed: ", event.notes)
            if event.decision_by is not None:
                day = format_local(event.decision_by, zone, time=False)
                text += f" · decision by {day}"
            return text
        case Offer():
            text = "offer received" + _said(": ", event.details)
            if event.deadline is not None:
                text += f" · decide by {format_local(event.deadline, zone)}"
            return text
        case Snoozed():
            until = format_local(event.until, zone)
            text = f"{event.kind.noun} snoozed until {until}"
            return text + _said(": ", event.reason)
        case Handled():
            return f"{event.kind.noun} handled" + _said(": ", event.reason)
    return type(event).__name__


def _said(lead: str, text: str, limit: int = 60) -> str:
    """The first line of free text after `lead`, cut to `limit`; "" when empty."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    if len(line) > limit:
        line = line[: limit - 1] + "…"
    return lead + line if line else ""
