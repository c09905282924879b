"""The cadence of follow-ups: the timings, where a chase starts, its steps, the guard.

A chase starts at the latest of these, up to the time given: the application (or
its creation, when no applied date is known), a reply, the end of an interview,
an offer, or a move to a later stage on the board. Its steps are the follow-ups
that ask after silence: the follow-up, the second follow-up and the final
check-in, in that order, each some days after the one before, then "move on".
The guard keeps more than `cadence_max` of them from going out within
`cadence_days`. A thank-you or an offer reply answers something the employer did,
so the guard neither holds it back nor counts it.

A step the user marked handled (a `Handled` event of the step's kind) counts as
done, as if it had been sent, so the chase moves on from it; but the guard does
not count it, since nothing went out to the employer.

Days are local calendar days in `RuleSettings.zone`; the functions here are pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta, tzinfo
from typing import Any, NamedTuple

import pendulum
from pendulum import DateTime, FixedTimezone, Timezone

from jobtui.domain.calendar import UTC, add_local_days
from jobtui.domain.errors import InputError
from jobtui.domain.model import (
    CHASE_KINDS,
    Application,
    Event,
    FollowUp,
    Handled,
    Interview,
    Kind,
    Offer,
    Reply,
    StageChange,
    StageSet,
)

CHASE_ORDER = (Kind.FOLLOWUP, Kind.SECOND_FOLLOWUP, Kind.FINAL_CHECKIN)
_SHORTER_THAN_A_MONTH = timedelta(days=28)


def _timing(default: int, help: str, low: int = 0, high: int = 3650) -> Any:
    """A timing field, with what it means and its range, for the settings file."""
    return field(default=default, metadata={"help": help, "low": low, "high": high})


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """The timings of the follow-up rules: each is a key under `[follow_up]`.

    "The start" is where the chase last restarted (see `find_start`). `zone` is
    not a key of its own: the settings file's `timezone` fills it. It defaults to
    UTC so that the rules never consult the system themselves.
    """

    first_opens_days: int = _timing(
        7, "days from the start until the first follow-up opens"
    )
    first_due_days: int = _timing(
        14, "days from the start until the first follow-up is due", 1
    )
    second_opens_days: int = _timing(
        7, "days from sending the first follow-up until the second opens"
    )
    second_due_days: int = _timing(
        14, "days from sending the first follow-up until the second is due", 1
    )
    final_opens_days: int = _timing(
        14, "days from sending the second follow-up until the final check-in opens"
    )
    final_due_days: int = _timing(
        21, "days from sending the second follow-up until the final check-in is due", 1
    )
    move_on_wait_days: int = _timing(
        7, "days from sending the final check-in until moving on is suggested"
    )
    move_on_window_days: int = _timing(
        7, "days from suggesting moving on until the suggestion is overdue", 1
    )
    give_up_days: int = _timing(
        42, "days from the start until an unsent follow-up gives way to moving on", 1
    )
    thank_you_due_hours: int = _timing(
        24, "hours from the end of an interview until the thank-you is due", 1, 720
    )
    status_opens_days: int = _timing(
        7,
        "days from an interview's end to the status inquiry, if no decision date",
    )
    status_window_days: int = _timing(
        7, "days from the status inquiry opening until it is due", 1
    )
    offer_reply_business_days: int = _timing(
        1, "business days after an offer by whose end the reply is due", 1, 30
    )
    decision_min_business_days: int = _timing(
        3, "fewest business days to ask for to decide on an offer", 1, 60
    )
    decision_max_business_days: int = _timing(
        5, "most business days to ask for to decide on an offer", 1, 60
    )
    cadence_max: int = _timing(
        2, "most chasing follow-ups within cadence_days of each other", 1, 50
    )
    cadence_days: int = _timing(7, "days in the cadence guard's period", 1, 365)
    zone: Timezone | FixedTimezone = pendulum.UTC

    def __post_init__(self) -> None:
        for timing in fields(self):
            if "help" in timing.metadata:
                _check_timing(timing.name, getattr(self, timing.name), timing.metadata)

        pairs = (
            ("first_due_days", "first_opens_days"),
            ("second_due_days", "second_opens_days"),
            ("final_due_days", "final_opens_days"),
        )
        for due, opens in pairs:
            if getattr(self, due) <= getattr(self, opens):
                raise InputError(f"follow_up.{due}", f"expected more than {opens}")
        if self.decision_max_business_days < self.decision_min_business_days:
            raise InputError(
                "follow_up.decision_max_business_days",
                "expected at least decision_min_business_days",
            )
        if not isinstance(self.zone, tzinfo):
            raise InputError("timezone", f"expected a time zone, got {self.zone!r}")


def _check_timing(name: str, value: object, limits: dict[str, Any]) -> None:
    where = f"follow_up.{name}"
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(where, f"expected a whole number, got {value!r}")
    low, high = limits["low"], limits["high"]
    if not low <= value <= high:
        raise InputError(where, f"expected a number from {low} to {high}, got {value}")


class Start(NamedTuple):
    """Where the chase last restarted: when, and how the user would put it."""

    at: DateTime
    since: str
    quiet: str = "No word"
    event: Interview | Offer | None = None


def find_start(application: Application, now: DateTime, stages: StageSet) -> Start:
    """The latest restart of the chase up to `now`."""
    at = application.applied if application.applied is not None else application.created
    restarted_by = None

    # An interview counts from its end, so events are not in restart order;
    # a later restart replaces the start, and so does a tie with a later event.
    for event in application.events:
        moment = _restart(event, now, stages)
        if moment is not None and moment >= at:
            at, restarted_by = moment, event

    if restarted_by is None:
        since = "you applied" if application.applied is not None else "you added it"
        return Start(at, since, "No reply")
    return _start_of(restarted_by, at)


def _restart(event: object, now: DateTime, stages: StageSet) -> DateTime | None:
    """When an event restarted the chase, if it has done so by `now`."""
    if isinstance(event, Interview):
        if event.at > now:
            return None
        ends = event.ends
        return ends if ends <= now else None
    if isinstance(event, (Reply, Offer)):
        return event.at if event.at <= now else None
    if (
        isinstance(event, StageChange)
        and event.at <= now
        and _is_forward(event, stages)
    ):
        return event.at
    return None


def _start_of(event: Event, at: DateTime) -> Start:
    """The start an event made at `at`, as `_restart` found it."""
    if isinstance(event, Interview):
        return Start(at, "the interview", event=event)
    if isinstance(event, Offer):
        return Start(at, "the offer", event=event)
    if isinstance(event, StageChange):
        return Start(at, f"the move to {event.to_stage}")
    return Start(at, "their last reply")


def _is_forward(change: StageChange, stages: StageSet) -> bool:
    """Whether a stage change went to a later stage; an unknown stage never does."""
    if change.from_stage is None:
        return False
    before, after = stages.place(change.from_stage), stages.place(change.to_stage)
    return before is not None and after is not None and after > before


class Step(NamedTuple):
    """The next step of a chase: its kind and span, and what it counts from.

    `after` is the start or the follow-up sent last; `held_back` says the guard
    moved the window; `unsent` is the kind whose window passed unanswered when
    the step is a move on for that reason.
    """

    kind: Kind
    opens: DateTime
    due: DateTime
    after: DateTime
    held_back: bool = False
    unsent: Kind | None = None


def next_step(
    application: Application,
    start: DateTime,
    first: tuple[DateTime, DateTime] | None,
    now: DateTime,
    settings: RuleSettings,
) -> Step:
    """The chase's next step after `start`, given when the first chase opens and is due.

    Each chasing follow-up sent (or step handled, see `steps_done`) after `start`
    moves the chase one step on; after
    the final check-in only moving on is left. A follow-up or second follow-up
    left unsent gives way to moving on `give_up_days` after the start (or at its
    own due, if later); a final check-in left unsent gives way at its due.
    """
    sent = chase_times(application, now)
    since_start = steps_done(application, start, now)
    if len(since_start) >= len(CHASE_ORDER):
        last = since_start[-1]
        opens = _days(last, settings.move_on_wait_days, settings)
        return _move_on(opens, last, settings)

    kind = CHASE_ORDER[len(since_start)]
    if kind is Kind.FOLLOWUP:
        after = start
        opens, due = first or (
            _days(start, settings.first_opens_days, settings),
            _days(start, settings.first_due_days, settings),
        )
    else:
        after = since_start[-1]
        opens_days, due_days = _spacing(kind, settings)
        opens, due = (
            _days(after, opens_days, settings),
            _days(after, due_days, settings),
        )

    held = hold_back(opens, sent, settings)
    if held != opens:
        due = shifted(due, held, opens)

    # Giving way is never before `due`, so it need not be worked out sooner.
    gives_way = due
    if now >= due and kind is not Kind.FINAL_CHECKIN:
        gives_way = max(due, _days(start, settings.give_up_days, settings))
    if now >= gives_way:
        return _move_on(gives_way, after, settings, unsent=kind)
    return Step(kind, held, due, after, held_back=held != opens)


def chase_times(application: Application, now: DateTime) -> list[DateTime]:
    """When each chasing follow-up was sent, up to `now`, in time order."""
    return [
        event.at
        for event in application.events
        if isinstance(event, FollowUp) and event.kind in CHASE_KINDS and event.at <= now
    ]


def steps_done(
    application: Application, start: DateTime, now: DateTime
) -> list[DateTime]:
    """When each step of the chase after `start` was done, up to `now`, in order.

    A chasing follow-up sent does a step whatever its kind; a `Handled` event
    does one only when its kind is the step then next.
    """
    done: list[DateTime] = []
    for event in application.events:
        if isinstance(event, FollowUp):
            if event.kind in CHASE_KINDS and start < event.at <= now:
                done.append(event.at)
        elif (
            isinstance(event, Handled)
            and len(done) < len(CHASE_ORDER)
            and event.kind is CHASE_ORDER[len(done)]
            and start < event.at <= now
        ):
            done.append(event.at)
    return done


def chase_count(application: Application, at: DateTime, settings: RuleSettings) -> int:
    """How many chasing follow-ups went out in the cadence period that ends at `at`.

    A follow-up sent exactly `cadence_days` before `at` has left the period. The
    note composer compares this with `cadence_max` before one more goes out.
    """
    period_start = _days(at, -settings.cadence_days, settings)
    return sum(1 for sent in chase_times(application, at) if sent > period_start)


def hold_back(
    opens: DateTime, sent: list[DateTime], settings: RuleSettings
) -> DateTime:
    """The first instant from `opens` on at which one more chase is allowed.

    Sending then leaves no cadence period with more than `cadence_max` chasing
    follow-ups, counting the ones already `sent`.
    """
    if not _crowded(sent, opens, settings):
        return opens

    # Crowding eases only when a sent follow-up leaves the period, so those
    # instants are the only ones worth trying; the last of them always works.
    leaving = sorted(_days(moment, settings.cadence_days, settings) for moment in sent)
    for candidate in leaving:
        if candidate > opens and not _crowded(sent, candidate, settings):
            return candidate
    return leaving[-1]


def _crowded(sent: list[DateTime], moment: DateTime, settings: RuleSettings) -> bool:
    """Whether a chase at `moment` would put too many into one cadence period."""
    size = settings.cadence_max + 1
    if len(sent) + 1 < size:
        return False

    times = sorted([*sent, moment])
    at = times.index(moment)

    # Too many means some run of `size` sends in a row, `moment` among them,
    # fits inside one period.
    for first in range(max(0, at - size + 1), min(at, len(times) - size) + 1):
        if times[first + size - 1] < _days(
            times[first], settings.cadence_days, settings
        ):
            return True
    return False


def shifted(moment: DateTime, later: DateTime, earlier: DateTime) -> DateTime:
    """`moment + (later - earlier)`, as pendulum reckons it.

    pendulum adds the months and years of a span as calendar months and years;
    a span shorter than any month adds as elapsed time, which plain arithmetic
    does many times faster.
    """
    span = datetime.__sub__(later, earlier)
    if moment.tzinfo is UTC and timedelta(0) < span < _SHORTER_THAN_A_MONTH:
        return datetime.__add__(moment, span)
    return moment + (later - earlier)


def _spacing(kind: Kind, settings: RuleSettings) -> tuple[int, int]:
    """Days after the previous follow-up that a later chase opens and is due."""
    if kind is Kind.SECOND_FOLLOWUP:
        return settings.second_opens_days, settings.second_due_days
    return settings.final_opens_days, settings.final_due_days


def _move_on(
    opens: DateTime, after: DateTime, settings: RuleSettings, unsent: Kind | None = None
) -> Step:
    due = _days(opens, settings.move_on_window_days, settings)
    return Step(Kind.MOVE_ON, opens, due, after, unsent=unsent)


def _days(moment: DateTime, days: int, settings: RuleSettings) -> DateTime:
    return add_local_days(moment, days, settings.zone)
