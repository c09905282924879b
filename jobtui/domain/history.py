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
from jobtui.domain.times import describe_span


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


def describe_event(event: Event) -> str:
    """One event in words: "moved from Applied to Phone Screen", "reply: ..."."""
    match event:
        case StageChange(from_stage=None):
            return f"added in {event.to_stage}"
        case StageChange():
            return f"moved from {event.from_stage} to {event.to_stage}"
        case FollowUp():
            text = f": {event.text}" if event.text else ""
            return f"{event.kind.label} sent by {event.channel}{text}"
        case Reply():
            return f"reply: {event.summary}" if event.summary else "reply received"
        case Interview():
            who = f" with {event.with_whom}" if event.with_whom else ""
            return f"interview{who} ({event.duration_minutes} min)"
        case Offer():
            return f"offer: {event.details}" if event.details else "offer received"
        case Snoozed():
            why = f": {event.reason}" if event.reason else ""
            return f"{event.kind.label} snoozed{why}"
        case Handled():
            return f"{event.kind.label} handled: {event.reason}"
    return type(event).__name__
