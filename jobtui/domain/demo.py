"""Demo data: about 25 realistic applications, timed relative to the moment asked for.

Every kind and state of follow-up appears whenever the demo runs: windows not yet
open, open, overdue, a thank-you due within hours, an offer awaiting a reply, a
chain that has gone silent long enough to move on, and closed applications. Some
chases are answered within days, so the numbers of chasing are not all zero. The
applications themselves are data, in `demo.toml` beside this module.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from pendulum import DateTime

from jobtui.domain.model import (
    Application,
    Contact,
    Event,
    FollowUp,
    Interview,
    Kind,
    Offer,
    Reply,
    StageChange,
)


@cache
def _sketches() -> tuple[dict[str, Any], ...]:
    """The demo applications as written in demo.toml, read once."""
    text = resources.files("jobtui.domain").joinpath("demo.toml").read_text("utf-8")
    return tuple(tomllib.loads(text)["application"])


def demo_applications(now: DateTime) -> list[Application]:
    """The demo applications as of `now`, in the default stages."""
    return [_build(sketch, now) for sketch in _sketches()]


def _build(sketch: dict[str, Any], now: DateTime) -> Application:
    """One demo application, its story told as events up to (and past) `now`."""
    applied = _ago(now, sketch["applied_days_ago"])
    contact = Contact(**sketch["contact"])
    events: list[Event] = [StageChange(at=applied, from_stage=None, to_stage="Applied")]
    stage = "Applied"
    for step in sketch.get("steps", []):
        event = _event(step, _ago(now, step["days_ago"]), stage, contact)
        if isinstance(event, StageChange):
            stage = event.to_stage
        events.append(event)

    domain, slug = _domain(sketch["company"]), _slug(sketch["role"])
    return Application(
        company=sketch["company"],
        role=sketch["role"],
        stage=stage,
        applied=applied,
        url=f"https://jobs.{domain}.example/{slug}",
        location=sketch["location"],
        salary=sketch["salary"],
        source=sketch["source"],
        tags=list(sketch["tags"]),
        notes=sketch.get("notes", ""),
        contacts=[contact],
        events=events,
        created=applied,
        updated=min(events[-1].at, now),
    )


def _event(step: dict[str, Any], at: DateTime, stage: str, contact: Contact) -> Event:
    """One step of a demo story as a history event."""
    detail = step.get("detail", "")
    decision_in = step.get("decision_in_days")
    match step["what"]:
        case "stage":
            return StageChange(at=at, from_stage=stage, to_stage=detail)
        case "followup":
            return FollowUp(at=at, kind=Kind(step.get("kind", "followup")), text=detail)
        case "reply":
            return Reply(at=at, summary=detail)
        case "interview":
            decision = None
            if decision_in is not None:
                decision = at.add(days=decision_in).start_of("day")
            return Interview(
                at=at,
                duration_minutes=step["minutes"],
                with_whom=contact.name,
                notes=detail,
                decision_by=decision,
            )
        case "offer":
            deadline = at.add(days=decision_in or 7)
            return Offer(at=at, deadline=deadline, details=detail)
    raise ValueError(f"demo.toml: unknown step {step['what']!r}")


def _ago(now: DateTime, days: float) -> DateTime:
    return now.subtract(minutes=round(days * 24 * 60)).replace(second=0)


def _domain(company: str) -> str:
    return company.split()[0].lower().strip("&")


def _slug(role: str) -> str:
    return "-".join(
        "".join(ch for ch in word if ch.isalnum()) for word in role.lower().split()
    )
