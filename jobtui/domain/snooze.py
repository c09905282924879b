"""Snoozing a follow-up's window, and marking one handled without sending a note.

A snooze ends at the start of a working day: `SNOOZE_HOUR` o'clock local time,
some days or business days after today, so a window snoozed late in the evening
comes back the next morning rather than an hour later. The rules (see `rules`)
read the history's `Snoozed` and `Handled` events; the functions here are pure.
"""

from __future__ import annotations

import re
from typing import Literal

from pendulum import DateTime

from jobtui.domain.calendar import BusinessCalendar, at_local_clock, local_date
from jobtui.domain.errors import InputError
from jobtui.domain.model import Application, Handled, Kind, Snoozed
from jobtui.domain.times import Zone

Unit = Literal["days", "business_days"]
SNOOZE_HOUR = 9
MOST_DAYS = 365
_AMOUNT = re.compile(r"^\s*(\d+)\s*([db]?)\s*$", re.IGNORECASE)


def snooze_until(
    now: DateTime, amount: int, unit: Unit, zone: Zone, calendar: BusinessCalendar
) -> DateTime:
    """When a snooze made at `now` ends: `SNOOZE_HOUR` local, `amount` days on.

    Business days skip weekends and the calendar's public holidays.

    Raises:
        InputError: `amount` is not from 1 to `MOST_DAYS`.
    """
    if not 1 <= amount <= MOST_DAYS:
        raise InputError("snooze", f"expected 1 to {MOST_DAYS} days, got {amount}")
    today = local_date(now, zone)
    if unit == "business_days":
        day = calendar.add_business_days(today, amount)
    else:
        day = today.add(days=amount)
    return at_local_clock(day, SNOOZE_HOUR, zone)


def parse_snooze(text: str) -> tuple[int, Unit]:
    """A length of snooze as typed: "3" or "3d" for days, "2b" for business days.

    Raises:
        InputError: the text is not a number with an optional `d` or `b`.
    """
    match = _AMOUNT.match(text)
    if match is None:
        raise InputError(
            "snooze", f"{text!r} is not a number of days: 3, 3d, or 2b (business days)"
        )
    unit: Unit = "business_days" if match[2].lower() == "b" else "days"
    amount = int(match[1])
    if not 1 <= amount <= MOST_DAYS:
        raise InputError("snooze", f"expected 1 to {MOST_DAYS} days, got {amount}")
    return amount, unit


def describe_snooze(amount: int, unit: Unit) -> str:
    """A length of snooze in words: "1 day", "3 days", "2 business days"."""
    noun = "business day" if unit == "business_days" else "day"
    return f"{amount} {noun}" if amount == 1 else f"{amount} {noun}s"


def latest_snooze(
    application: Application, kind: Kind, since: DateTime, now: DateTime
) -> Snoozed | None:
    """The last snooze of `kind` made from `since` up to `now`, if any."""
    found = None
    for event in application.events:
        if (
            isinstance(event, Snoozed)
            and event.kind is kind
            and since <= event.at <= now
        ):
            found = event
    return found


def was_handled(
    application: Application, kind: Kind, since: DateTime, now: DateTime
) -> bool:
    """Whether the user marked `kind` handled from `since` up to `now`."""
    return any(
        isinstance(event, Handled) and event.kind is kind and since <= event.at <= now
        for event in application.events
    )
