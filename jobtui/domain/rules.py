"""The follow-up rules: which follow-up an application needs next, when, and why.

Every function here is pure: it reads its arguments, including the time `now` it
is given, and never the clock or a file. Days count on the user's local calendar
(`RuleSettings.zone`), so a window opening a week after 09:00 opens at 09:00
local time across a daylight-saving change; hours are elapsed hours.

From the latest restart (see `cadence`): after an application, a reply or a move
to a later stage, the chase of follow-ups; after an interview, a thank-you, then a
status inquiry and the chase; after an offer, a reply asking for time to decide,
then nothing. An interview still to come holds the chase back: its thank-you is
next. Closed stages get nothing.

The user's own word comes last (see `snooze`): a snooze of the window's kind,
made since its chain started (the restart, or the interview or offer a note
answers), pushes `opens` to the snooze's end and `due` on by as much; a move on
marked handled since the restart means nothing more is expected until the next
restart. A thank-you or offer reply marked handled counts as sent; a chasing step
marked handled is done (see `cadence`). Each window, and the reason it gives,
is worked out in `windows`; `Window` is imported from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from pendulum import Date, DateTime

from jobtui.domain.cadence import RuleSettings, chase_count, find_start, shifted
from jobtui.domain.calendar import BusinessCalendar, local_date
from jobtui.domain.model import Application, Interview, Kind, Offer, StageSet
from jobtui.domain.snooze import latest_snooze, was_handled
from jobtui.domain.windows import (
    OPEN,
    OVERDUE,
    STATES,
    WAITING,
    Window,
    after_interview,
    after_offer,
    chase,
    coming_interview,
    date_words,
    thank_you,
)

__all__ = [
    "OPEN",
    "OVERDUE",
    "STATES",
    "WAITING",
    "DueItem",
    "RuleSettings",
    "Window",
    "chase_count",
    "due_items",
    "next_window",
    "offer_decision_date",
]

# Notes that answer the employer rather than chase it; the guard never holds
# them back, and one still owed comes before anything else.
ANSWER_KINDS = (Kind.THANK_YOU, Kind.OFFER_REPLY)


@dataclass(frozen=True, slots=True)
class DueItem:
    """An application whose next follow-up window has opened, and its state then."""

    application: Application
    window: Window
    state: str


def next_window(
    application: Application,
    now: DateTime,
    *,
    stages: StageSet,
    settings: RuleSettings,
    calendar: BusinessCalendar,
) -> Window | None:
    """The application's next follow-up window as of `now`, open or not, or None.

    None means nothing more is expected: the application is in a closed stage,
    or an offer has been answered and no interview is coming.
    """
    if stages.is_closed(application.stage):
        return None

    start = find_start(application, now, stages)
    if isinstance(start.event, Offer):
        pending = after_offer(application, start.event, now, settings, calendar)
    elif isinstance(start.event, Interview):
        pending = after_interview(
            application, start, start.event, now, stages, settings
        )
    else:
        pending = chase(application, start, now, stages, settings)

    # A thank-you or an offer reply still owed comes first; otherwise an
    # interview that is coming is the news, and chasing waits for it.
    since = start.event.at if start.event is not None else start.at
    coming = None
    if pending is None or pending.kind not in ANSWER_KINDS:
        coming = coming_interview(application, now)
    if coming is not None:
        pending, since = thank_you(coming, coming.ends, now, settings), coming.at
    if pending is None:
        return None
    return _as_the_user_said(application, pending, since, now, settings)


def due_items(
    applications: Iterable[Application],
    now: DateTime,
    *,
    stages: StageSet,
    settings: RuleSettings,
    calendar: BusinessCalendar,
) -> list[DueItem]:
    """Every window open or overdue at `now`: overdue first, then the soonest due."""
    items = []
    for application in applications:
        window = next_window(
            application, now, stages=stages, settings=settings, calendar=calendar
        )
        state = WAITING if window is None else window.state(now)
        if window is not None and state != WAITING:
            items.append(DueItem(application, window, state))

    items.sort(
        key=lambda item: (
            item.state != OVERDUE,
            item.window.due,
            item.application.company.casefold(),
            item.application.id,
        )
    )
    return items


def offer_decision_date(
    offered_or_replied_at: DateTime, settings: RuleSettings, calendar: BusinessCalendar
) -> Date:
    """The decision date to ask for: the longest timeline, in business days, on."""
    day = local_date(offered_or_replied_at, settings.zone)
    return calendar.add_business_days(day, settings.decision_max_business_days)


def _as_the_user_said(
    application: Application,
    window: Window,
    since: DateTime,
    now: DateTime,
    settings: RuleSettings,
) -> Window | None:
    """The window after the user's snoozes, or None for a move on handled."""
    if window.kind is Kind.MOVE_ON and was_handled(
        application, Kind.MOVE_ON, since, now
    ):
        return None

    snooze = latest_snooze(application, window.kind, since, now)
    if snooze is None or snooze.until <= window.opens:
        return window
    until = snooze.until
    return replace(
        window,
        opens=until,
        due=shifted(window.due, until, window.opens),
        reason=f"{window.reason[:-1]}; snoozed until {date_words(until, settings)}.",
        snoozed_until=until,
    )
