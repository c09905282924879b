"""What the application and event forms hold: their readers, first texts and results.

Each form has three parts here: the readers of its fields (by field name, in
the form's order), the texts its fields start with, and a builder that makes
the model object from the values read, checking what spans more than one field.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from pendulum import DateTime

from jobtui.domain.errors import InputError
from jobtui.domain.forms import (
    Reader,
    WhenReader,
    Zone,
    editable_time,
    email_address,
    plain,
    required,
    stage_name,
    tags,
    web_address,
    whole_minutes,
)
from jobtui.domain.model import (
    Application,
    Contact,
    Interview,
    Offer,
    Reply,
    StageChange,
    StageSet,
)

EVENT_KINDS = ("interview", "reply", "offer")
EventResult = Interview | Reply | Offer


def application_readers(
    stages: StageSet, *, now: DateTime, zone: Zone, adding: bool
) -> dict[str, Reader]:
    """The application form's readers; when adding, an empty applied date is now."""
    applied = WhenReader(
        "applied", "the applied date", now, zone, blank_is_now=adding, not_after=now
    )
    return {
        "company": required("company", "a company"),
        "role": required("role", "a role"),
        "stage": stage_name(stages),
        "applied": applied,
        "url": web_address("url"),
        "location": plain,
        "salary": plain,
        "source": plain,
        "tags": tags,
        "contact_name": plain,
        "contact_email": email_address("contact_email"),
        "contact_title": plain,
        "notes": plain,
    }


def application_texts(
    application: Application | None, stages: StageSet, zone: Zone
) -> dict[str, str]:
    """The texts the application form starts with: empty, or the application's."""
    if application is None:
        return {"stage": stages.names[0]}
    contact = application.primary_contact or Contact(name="")
    return {
        "company": application.company,
        "role": application.role,
        "stage": application.stage,
        "applied": editable_time(application.applied, zone),
        "url": application.url,
        "location": application.location,
        "salary": application.salary,
        "source": application.source,
        "tags": ", ".join(application.tags),
        "contact_name": contact.name,
        "contact_email": contact.email,
        "contact_title": contact.title,
        "notes": application.notes,
    }


def application_from(
    values: Mapping[str, Any], *, now: DateTime, original: Application | None = None
) -> Application:
    """A new application from the form's values, or a changed copy of `original`.

    A copy keeps the original's id, history, created and updated times; a change
    of stage is recorded in the history as a move at `now`.

    Raises:
        InputError: where a contact has an email or title but no name.
    """
    contact = _contact(values)
    if original is None:
        applied = values["applied"] or now
        return Application(
            company=values["company"],
            role=values["role"],
            stage=values["stage"],
            applied=applied,
            url=values["url"],
            location=values["location"],
            salary=values["salary"],
            source=values["source"],
            tags=list(values["tags"]),
            notes=values["notes"],
            contacts=[contact] if contact else [],
            events=[StageChange(at=applied, from_stage=None, to_stage=values["stage"])],
            created=now,
            updated=now,
        )

    edited = copy.deepcopy(original)
    for name in ("company", "role", "url", "location", "salary", "source", "notes"):
        setattr(edited, name, values[name])
    edited.tags = list(values["tags"])
    edited.applied = _same_minute_kept(original.applied, values["applied"])
    edited.contacts = ([contact] if contact else []) + edited.contacts[1:]
    if values["stage"].casefold() != original.stage.casefold():
        edited.move_to(values["stage"], now)
    return edited


def event_readers(kind: str, *, now: DateTime, zone: Zone) -> dict[str, Reader]:
    """The readers of the interview, reply or offer form, in the form's order."""
    if kind == "interview":
        return {
            "at": WhenReader("at", "the interview", now, zone, blank_is_now=True),
            "duration": whole_minutes("duration"),
            "with_whom": plain,
            "notes": plain,
            "decision_by": WhenReader("decision_by", "the decision date", now, zone),
        }
    if kind == "reply":
        return {
            "at": WhenReader(
                "at", "a reply", now, zone, blank_is_now=True, not_after=now
            ),
            "summary": plain,
        }
    if kind == "offer":
        return {
            "at": WhenReader(
                "at", "an offer", now, zone, blank_is_now=True, not_after=now
            ),
            "deadline": WhenReader("deadline", "the deadline", now, zone),
            "details": plain,
        }
    raise InputError(
        "kind", f"no event form for {kind!r} (forms: interview, reply, offer)"
    )


def event_texts(kind: str, application: Application) -> dict[str, str]:
    """The texts an event form starts with: "now", 60 minutes, the primary contact."""
    if kind == "interview":
        contact = application.primary_contact
        return {"duration": "60", "with_whom": contact.name if contact else ""}
    return {}


def event_from(kind: str, values: Mapping[str, Any], zone: Zone) -> EventResult:
    """The interview, reply or offer the form's values describe.

    Raises:
        InputError: where a decision date or deadline comes before the event.
    """
    if kind == "interview":
        decision = values["decision_by"]
        _not_before(decision, values["at"], zone, "decision_by", "the interview")
        return Interview(
            at=values["at"],
            duration_minutes=values["duration"],
            with_whom=values["with_whom"],
            notes=values["notes"],
            decision_by=decision,
        )
    if kind == "reply":
        return Reply(at=values["at"], summary=values["summary"])
    _not_before(values["deadline"], values["at"], zone, "deadline", "the offer")
    return Offer(
        at=values["at"], deadline=values["deadline"], details=values["details"]
    )


def _contact(values: Mapping[str, Any]) -> Contact | None:
    name = values["contact_name"]
    email, title = values["contact_email"], values["contact_title"]
    if not name and (email or title):
        raise InputError("contact_name", "a name is needed for the contact's details")
    return Contact(name=name, email=email, title=title) if name else None


def _same_minute_kept(old: DateTime | None, new: DateTime | None) -> DateTime | None:
    """The new time, or the old one if they differ by less than the minute shown."""
    # The form shows times to the minute, so an untouched field reads back without
    # the seconds; keeping the old time then leaves the application unchanged.
    if old is not None and new is not None and abs((new - old).total_seconds()) < 60:
        return old
    return new


def _not_before(
    later: DateTime | None, event_at: DateTime, zone: Zone, where: str, what: str
) -> None:
    """Refuse a date on a day before the event's own day."""
    if later is None:
        return
    if later.in_timezone(zone).date() < event_at.in_timezone(zone).date():
        raise InputError(where, f"it is before the day of {what}")
