"""Applications to and from plain JSON-ready dicts.

One shape serves both the database documents and the JSON interchange format:
an application's fields by name, times as UTC ISO 8601 strings, and `events` as
a list of objects tagged by `kind`. Decoding checks every field and names the
place of the first bad one, so a damaged document or import is reported, never
half-read.
"""

from __future__ import annotations

from typing import Any

from pendulum import DateTime

from jobtui.domain.errors import InputError
from jobtui.domain.model import (
    EVENT_KINDS,
    MESSAGE_KINDS,
    Application,
    Contact,
    Event,
    FollowUp,
    Handled,
    Interview,
    Kind,
    Offer,
    Reply,
    Snoozed,
    StageChange,
    new_id,
)
from jobtui.domain.times import from_iso, to_iso

TEXT_FIELDS = ("url", "location", "salary", "source", "notes")
APPLICATION_FIELDS = frozenset(
    {"id", "company", "role", "stage", "applied", "tags", "contacts", "events"}
    | {"created", "updated", *TEXT_FIELDS}
)


def application_to_dict(application: Application) -> dict[str, Any]:
    """An application as a JSON-ready dict (the stored and exported shape)."""
    return {
        "id": application.id,
        "company": application.company,
        "role": application.role,
        "stage": application.stage,
        "applied": _time_or_none(application.applied),
        **{name: getattr(application, name) for name in TEXT_FIELDS},
        "tags": list(application.tags),
        "contacts": [
            {"name": contact.name, "email": contact.email, "title": contact.title}
            for contact in application.contacts
        ],
        "events": [event_to_dict(event) for event in application.events],
        "created": to_iso(application.created),
        "updated": to_iso(application.updated),
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    """One history event as a JSON-ready dict tagged with its `kind`."""
    data: dict[str, Any] = {"kind": EVENT_KINDS[type(event)], "at": to_iso(event.at)}
    match event:
        case StageChange():
            data |= {"from": event.from_stage, "to": event.to_stage}
        case FollowUp():
            data |= {"type": str(event.kind), "text": event.text}
            data["channel"] = event.channel
        case Reply():
            data["summary"] = event.summary
        case Interview():
            data |= {
                "duration_minutes": event.duration_minutes,
                "with": event.with_whom,
                "notes": event.notes,
                "decision_by": _time_or_none(event.decision_by),
            }
        case Offer():
            data |= {
                "deadline": _time_or_none(event.deadline),
                "details": event.details,
            }
        case Snoozed():
            data |= {
                "type": str(event.kind),
                "until": to_iso(event.until),
                "reason": event.reason,
            }
        case Handled():
            data |= {"type": str(event.kind), "reason": event.reason}
    return data


def application_from_dict(
    data: Any, *, where: str, now: DateTime, keep_unknown: bool = False
) -> Application:
    """An application from its dict, checking every field.

    Args:
        data: the decoded JSON object.
        where: the place to name in errors, such as `applications[3]`.
        now: the time to use for `created` and `updated` when they are missing.
        keep_unknown: accept fields this version does not know instead of failing.

    Raises:
        InputError: naming the field and what is wrong with it.
    """
    if not isinstance(data, dict):
        raise InputError(where, f"expected an object, found {_type_name(data)}")
    unknown = sorted(set(data) - APPLICATION_FIELDS)
    if unknown and not keep_unknown:
        raise InputError(where, f"unknown field {unknown[0]!r}")
    reader = _Reader(data, where)
    created = reader.time("created") or now
    return Application(
        id=reader.text("id") or new_id(),
        company=reader.text("company", required=True),
        role=reader.text("role", required=True),
        stage=reader.text("stage", required=True),
        applied=reader.time("applied"),
        **{name: reader.text(name) for name in TEXT_FIELDS},
        tags=reader.text_list("tags"),
        contacts=[
            _contact(item, f"{where}.contacts[{index}]")
            for index, item in enumerate(reader.list("contacts"))
        ],
        events=[
            event_from_dict(item, f"{where}.events[{index}]")
            for index, item in enumerate(reader.list("events"))
        ],
        created=created,
        updated=reader.time("updated") or created,
    )


def event_from_dict(data: Any, where: str) -> Event:
    """One history event from its dict, checking the fields its `kind` has."""
    if not isinstance(data, dict):
        raise InputError(where, f"expected an object, found {_type_name(data)}")
    reader = _Reader(data, where)
    kind = reader.text("kind", required=True)
    at = reader.time("at", required=True)
    assert at is not None
    match kind:
        case "stage":
            return StageChange(
                at=at,
                from_stage=reader.text("from") or None,
                to_stage=reader.text("to", required=True),
            )
        case "followup":
            return FollowUp(
                at=at,
                kind=_message_kind(reader.text("type") or "followup", f"{where}.type"),
                text=reader.text("text"),
                channel=reader.text("channel") or "email",
            )
        case "reply":
            return Reply(at=at, summary=reader.text("summary"))
        case "interview":
            return Interview(
                at=at,
                duration_minutes=reader.minutes("duration_minutes"),
                with_whom=reader.text("with"),
                notes=reader.text("notes"),
                decision_by=reader.time("decision_by"),
            )
        case "offer":
            return Offer(
                at=at, deadline=reader.time("deadline"), details=reader.text("details")
            )
        case "snooze":
            until = reader.time("until", required=True)
            assert until is not None
            return Snoozed(
                at=at,
                kind=_any_kind(reader.text("type", required=True), f"{where}.type"),
                until=until,
                reason=reader.text("reason"),
            )
        case "handled":
            return Handled(
                at=at,
                kind=_any_kind(reader.text("type", required=True), f"{where}.type"),
                reason=reader.text("reason", required=True),
            )
    known = ", ".join(EVENT_KINDS.values())
    raise InputError(f"{where}.kind", f"unknown event kind {kind!r} (kinds: {known})")


def _message_kind(value: str, where: str) -> Kind:
    try:
        kind = Kind(value)
    except ValueError:
        kind = None
    if kind is None or not kind.is_message:
        known = ", ".join(MESSAGE_KINDS)
        raise InputError(where, f"unknown follow-up type {value!r} (types: {known})")
    return kind


def _any_kind(value: str, where: str) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        known = ", ".join(Kind)
        raise InputError(
            where, f"unknown follow-up type {value!r} (types: {known})"
        ) from None


def _contact(data: Any, where: str) -> Contact:
    if isinstance(data, str):
        data = {"name": data}
    if not isinstance(data, dict):
        raise InputError(where, f"expected an object, found {_type_name(data)}")
    reader = _Reader(data, where)
    return Contact(
        name=reader.text("name", required=True),
        email=reader.text("email"),
        title=reader.text("title"),
    )


def _time_or_none(moment: DateTime | None) -> str | None:
    return None if moment is None else to_iso(moment)


def _type_name(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


class _Reader:
    """Reads typed fields out of one JSON object, naming the place of any error."""

    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def _get(self, name: str, required: bool) -> Any:
        value = self.data.get(name)
        if required and (value is None or value == ""):
            raise InputError(f"{self.where}.{name}", "is required")
        return value

    def text(self, name: str, *, required: bool = False) -> str:
        value = self._get(name, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise InputError(
                f"{self.where}.{name}", f"expected a string, found {_type_name(value)}"
            )
        if required and not value.strip():
            raise InputError(f"{self.where}.{name}", "is required")
        return value

    def time(self, name: str, *, required: bool = False) -> DateTime | None:
        value = self._get(name, required)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise InputError(
                f"{self.where}.{name}",
                f"expected an ISO 8601 date-time string, found {_type_name(value)}",
            )
        return from_iso(value, f"{self.where}.{name}")

    def list(self, name: str) -> list[Any]:
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise InputError(
                f"{self.where}.{name}", f"expected a list, found {_type_name(value)}"
            )
        return value

    def text_list(self, name: str) -> list[str]:
        items = self.list(name)
        for index, item in enumerate(items):
            if not isinstance(item, str):
                raise InputError(
                    f"{self.where}.{name}[{index}]",
                    f"expected a string, found {_type_name(item)}",
                )
        return items

    def minutes(self, name: str) -> int:
        value = self.data.get(name)
        if value is None:
            return 60
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InputError(
                f"{self.where}.{name}", "expected a whole number of minutes, 0 or more"
            )
        return value
