"""Reading stored documents quickly, exactly as the codec would read them.

The codec checks every field of every document and names what is wrong, which
costs about 80 µs an application: most of a second for 10,000. Documents exactly
as jobtui writes them are read here in a sixth of that; anything unusual goes to
the codec, which stays the judge of the shape. tests/test_store.py holds the two
to the same results.
"""

from __future__ import annotations

import datetime as _datetime
from operator import attrgetter, itemgetter
from typing import Any

from pendulum import DateTime

from jobtui.domain.codec import (
    APPLICATION_FIELDS,
    TEXT_FIELDS,
    application_from_dict,
)
from jobtui.domain.model import (
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
)
from jobtui.domain.storage.checks import Document
from jobtui.domain.times import UTC


class _Unusual(Exception):
    """The document is not exactly as jobtui writes it."""


# How many fields each document has as jobtui writes it.
_APPLICATION_SIZE = len(APPLICATION_FIELDS)
_EVENT_SIZES = {
    "stage": 4,
    "followup": 5,
    "reply": 3,
    "interview": 6,
    "offer": 4,
    "snooze": 5,
    "handled": 4,
}
_CONTACT_SIZE = 3
_FOLLOWUP_TYPES = {kind.value: kind for kind in MESSAGE_KINDS}
_ALL_TYPES = {kind.value: kind for kind in Kind}
_ONLY_TEXT = {str}
_texts_of = itemgetter("id", "stage", "company", "role", *TEXT_FIELDS)
_parse_iso = _datetime.datetime.fromisoformat
_ZULU = _datetime.UTC
_fields_of = attrgetter(
    "year", "month", "day", "hour", "minute", "second", "microsecond"
)


def decode(
    document: Document, where: str, now: DateTime, times: dict[str, DateTime]
) -> Application:
    """An application from its stored document, exactly as the codec would read it.

    Args:
        where: the document's place, for errors.
        now: `created` for a document without one (as in the codec).
        times: stored times already read, shared across one batch of documents.

    Raises:
        InputError: from the codec, naming the bad field.
    """
    try:
        return _decode_canonical(document, times)
    except Exception:
        # Whatever is unusual, the codec reads it or names what is wrong.
        return application_from_dict(document, where=where, now=now)


def _decode_canonical(document: Document, times: dict[str, DateTime]) -> Application:
    # Every field is looked up below, a missing one raising KeyError, so the
    # count alone shows that there are no others.
    if len(document) != _APPLICATION_SIZE:
        raise _Unusual
    texts = _texts_of(document)
    if set(map(type, texts)) != _ONLY_TEXT:
        raise _Unusual
    app_id, stage, company, role, url, location, salary, source, notes = texts
    tags = document["tags"]
    if not app_id or not stage.strip() or type(tags) is not list:
        raise _Unusual
    if tags and set(map(type, tags)) != _ONLY_TEXT:
        raise _Unusual

    return Application(
        id=app_id,
        company=company,
        role=role,
        stage=stage,
        applied=_optional_time(document["applied"], times),
        url=url,
        location=location,
        salary=salary,
        source=source,
        notes=notes,
        tags=tags,
        contacts=[_contact(item) for item in _list(document["contacts"])],
        events=[_event(item, times) for item in _list(document["events"])],
        created=_time(document["created"], times),
        updated=_time(document["updated"], times),
    )


def _event(item: Document, times: dict[str, DateTime]) -> Event:
    if type(item) is not dict:
        raise _Unusual
    # Each branch looks up every field of its kind, so the count rules out others.
    kind, stamp = item["kind"], item["at"]
    if len(item) != _EVENT_SIZES.get(kind):
        raise _Unusual
    # Most times of a file recur (an event's, its application's); look first.
    at = times.get(stamp) or _time(stamp, times)

    if kind == "stage":
        origin, to = item["from"], item["to"]
        if origin is not None and type(origin) is not str:
            raise _Unusual
        return StageChange(at=at, from_stage=origin or None, to_stage=_required(to))

    if kind == "followup":
        text, channel = item["text"], item["channel"]
        if type(text) is not str or type(channel) is not str or not channel:
            raise _Unusual
        kind = _FOLLOWUP_TYPES[item["type"]]
        return FollowUp(at=at, kind=kind, text=text, channel=channel)

    if kind == "reply":
        summary = item["summary"]
        if type(summary) is not str:
            raise _Unusual
        return Reply(at=at, summary=summary)

    if kind == "interview":
        minutes, whom, notes = item["duration_minutes"], item["with"], item["notes"]
        if type(minutes) is not int or minutes < 0:
            raise _Unusual
        if type(whom) is not str or type(notes) is not str:
            raise _Unusual
        return Interview(
            at=at,
            duration_minutes=minutes,
            with_whom=whom,
            notes=notes,
            decision_by=_optional_time(item["decision_by"], times),
        )

    if kind == "offer":
        details = item["details"]
        if type(details) is not str:
            raise _Unusual
        deadline = _optional_time(item["deadline"], times)
        return Offer(at=at, deadline=deadline, details=details)

    if kind == "snooze":
        reason = item["reason"]
        if type(reason) is not str:
            raise _Unusual
        until = _time(item["until"], times)
        return Snoozed(at=at, kind=_ALL_TYPES[item["type"]], until=until, reason=reason)

    if kind == "handled":
        reason = item["reason"]
        if type(reason) is not str or not reason.strip():
            raise _Unusual
        return Handled(at=at, kind=_ALL_TYPES[item["type"]], reason=reason)

    raise _Unusual


def _contact(item: Document) -> Contact:
    if type(item) is not dict or len(item) != _CONTACT_SIZE:
        raise _Unusual
    name, email, title = item["name"], item["email"], item["title"]
    if {type(name), type(email), type(title)} != _ONLY_TEXT or not name.strip():
        raise _Unusual
    return Contact(name=name, email=email, title=title)


def _required(value: Any) -> str:
    if type(value) is not str or not value.strip():
        raise _Unusual
    return value


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise _Unusual
    return value


def _time(value: Any, times: dict[str, DateTime]) -> DateTime:
    moment = times.get(value)
    if moment is not None:
        return moment

    # The codec's own parse (pendulum inherits it), without pendulum's costly
    # `replace`; a time it would have to convert goes to the codec.
    parsed = _parse_iso(value)
    if parsed.tzinfo is not _ZULU:
        raise _Unusual
    moment = times[value] = DateTime(*_fields_of(parsed), tzinfo=UTC)
    return moment


def _optional_time(value: Any, times: dict[str, DateTime]) -> DateTime | None:
    return None if value is None else _time(value, times)
