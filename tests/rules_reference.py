"""The follow-up rules as they were before they were made faster: the reference.

This is the code of `rules` and `cadence` (and the local-day arithmetic of
`calendar`) from before the rules were tuned for `jobtui due`, using pendulum's
own arithmetic and formatting and scanning the stages by name. test_rules_speed
holds the tuned rules to exactly its answers. It is kept only for that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC as STD_UTC
from datetime import date, datetime, timedelta, tzinfo
from datetime import timezone as fixed_zone
from zoneinfo import ZoneInfo

import pendulum
from pendulum import Date, DateTime, FixedTimezone, Timezone

from jobtui.domain.cadence import CHASE_ORDER, RuleSettings
from jobtui.domain.calendar import BusinessCalendar
from jobtui.domain.model import (
    Application,
    FollowUp,
    Interview,
    Kind,
    Offer,
    Reply,
    Stage,
    StageChange,
    StageSet,
)
from jobtui.domain.rules import ANSWER_KINDS, OVERDUE, WAITING, DueItem, Window
from jobtui.domain.times import describe_span

UTC = pendulum.UTC
Zone = Timezone | FixedTimezone
_PLAIN_ZONES: dict[Zone, tzinfo] = {}


def _find(stages: StageSet, name: str) -> Stage | None:
    key = name.strip().casefold()
    for stage in stages.stages:
        if stage.name.casefold() == key:
            return stage
    return None


def _index(stages: StageSet, name: str) -> int:
    key = name.casefold()
    for position, stage in enumerate(stages.stages):
        if stage.name.casefold() == key:
            return position
    return len(stages.stages)


def _is_closed(stages: StageSet, name: str) -> bool:
    stage = _find(stages, name)
    return stage is not None and stage.closed


def add_local_days(moment: DateTime, days: int, zone: Zone) -> DateTime:
    """`days` days after `moment` on the local calendar, at the same local clock time.

    Counting on the local calendar keeps 09:00 at 09:00 across a change to or from
    daylight saving time. A clock time that the change skips moves on by the
    change; one it repeats is taken at its first occurrence. The result is in UTC,
    as the model keeps times.
    """
    # Plain datetimes in a plain ZoneInfo do wall-clock arithmetic several times
    # faster than pendulum, and `jobtui due` does this for every application.
    local = datetime.fromtimestamp(moment.timestamp(), _plain(zone))
    return _utc(local + timedelta(days=days))


def end_of_local_day(day: date, zone: Zone) -> DateTime:
    """The last second of a local day, in UTC."""
    return _utc(datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=_plain(zone)))


def start_of_local_day(day: date, zone: Zone) -> DateTime:
    """The first instant of a local day, in UTC."""
    return _utc(datetime(day.year, day.month, day.day, tzinfo=_plain(zone)))


def _plain(zone: Zone) -> tzinfo:
    """The standard library's own object for a pendulum zone."""
    plain = _PLAIN_ZONES.get(zone)
    if plain is None:
        if isinstance(zone, Timezone):
            plain = ZoneInfo(zone.name)
        else:
            plain = fixed_zone(timedelta(seconds=zone.offset))
        _PLAIN_ZONES[zone] = plain
    return plain


def _utc(local: datetime) -> DateTime:
    moment = local.astimezone(STD_UTC)
    return DateTime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tzinfo=UTC,
    )


@dataclass(frozen=True, slots=True)
class Start:
    """Where the chase last restarted: when, and how the user would put it."""

    at: DateTime
    since: str
    quiet: str = "No word"
    event: Interview | Offer | None = None


def find_start(application: Application, now: DateTime, stages: StageSet) -> Start:
    """The latest restart of the chase up to `now`."""
    if application.applied is not None:
        start = Start(application.applied, "you applied", "No reply")
    else:
        start = Start(application.created, "you added it", "No reply")

    # An interview counts from its end, so events are not in restart order;
    # a later restart replaces the start, and so does a tie with a later event.
    for event in application.events:
        candidate = _restart(event, now, stages)
        if candidate is not None and candidate.at >= start.at:
            start = candidate
    return start


def _restart(event: object, now: DateTime, stages: StageSet) -> Start | None:
    """The restart an event makes, if it has made one by `now`."""
    if isinstance(event, Interview):
        if event.at > now:
            return None
        ends = event.at.add(minutes=event.duration_minutes)
        return Start(ends, "the interview", event=event) if ends <= now else None
    if isinstance(event, Reply) and event.at <= now:
        return Start(event.at, "their last reply")
    if isinstance(event, Offer) and event.at <= now:
        return Start(event.at, "the offer", event=event)
    if (
        isinstance(event, StageChange)
        and event.at <= now
        and _is_forward(event, stages)
    ):
        return Start(event.at, f"the move to {event.to_stage}")
    return None


def _is_forward(change: StageChange, stages: StageSet) -> bool:
    """Whether a stage change went to a later stage; an unknown stage never does."""
    if change.from_stage is None:
        return False
    before, after = _find(stages, change.from_stage), _find(stages, change.to_stage)
    if before is None or after is None:
        return False
    return _index(stages, after.name) > _index(stages, before.name)


@dataclass(frozen=True, slots=True)
class Step:
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

    Each chasing follow-up sent after `start` moves the chase one step on; after
    the final check-in only moving on is left. A follow-up or second follow-up
    left unsent gives way to moving on `give_up_days` after the start (or at its
    own due, if later); a final check-in left unsent gives way at its due.
    """
    sent = chase_times(application, now)
    since_start = [moment for moment in sent if moment > start]
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
        due = due + (held - opens)

    gives_way = due
    if kind is not Kind.FINAL_CHECKIN:
        gives_way = max(due, _days(start, settings.give_up_days, settings))
    if now >= gives_way:
        return _move_on(gives_way, after, settings, unsent=kind)
    return Step(kind, held, due, after, held_back=held != opens)


def chase_times(application: Application, now: DateTime) -> list[DateTime]:
    """When each chasing follow-up was sent, up to `now`, in time order."""
    return [
        event.at
        for event in application.events
        if isinstance(event, FollowUp) and event.kind.is_chase and event.at <= now
    ]


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
    times = sorted([*sent, moment])
    at = times.index(moment)
    size = settings.cadence_max + 1

    # Too many means some run of `size` sends in a row, `moment` among them,
    # fits inside one period.
    for first in range(max(0, at - size + 1), min(at, len(times) - size) + 1):
        if times[first + size - 1] < _days(
            times[first], settings.cadence_days, settings
        ):
            return True
    return False


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
    if _is_closed(stages, application.stage):
        return None

    start = find_start(application, now, stages)
    if isinstance(start.event, Offer):
        pending = _after_offer(application, start.event, now, settings, calendar)
    elif isinstance(start.event, Interview):
        pending = _after_interview(
            application, start, start.event, now, stages, settings
        )
    else:
        pending = _chase(application, start, now, stages, settings)

    # A thank-you or an offer reply still owed comes first; otherwise an
    # interview that is coming is the news, and chasing waits for it.
    if pending is not None and pending.kind in ANSWER_KINDS:
        return pending
    coming = _coming_interview(application, now)
    if coming is not None:
        return _thank_you(
            coming, coming.at.add(minutes=coming.duration_minutes), now, settings
        )
    return pending


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
        if window is not None and window.state(now) != WAITING:
            items.append(DueItem(application, window, window.state(now)))

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
    day = offered_or_replied_at.in_timezone(settings.zone).date()
    return calendar.add_business_days(day, settings.decision_max_business_days)


def _chase(
    application: Application,
    start: Start,
    now: DateTime,
    stages: StageSet,
    settings: RuleSettings,
    first: tuple[DateTime, DateTime] | None = None,
    first_words: tuple[str, str] | None = None,
) -> Window:
    """The chase's next window; `first` and its words override the first step's."""
    step = next_step(application, start.at, first, now, settings)
    if step.kind is Kind.MOVE_ON:
        return _move_on_window(step.opens, step.due, _gave_up(step, start, now), stages)

    if step.kind is Kind.FOLLOWUP and first_words is not None:
        fact, advice = first_words
    elif step.kind is Kind.FOLLOWUP:
        fact = f"{start.quiet} in {_span(start.at, now)} since {start.since}"
        wait = _days_words(settings.first_opens_days)
        advice = f"a short check-in is usual after {wait}"
    elif step.kind is Kind.SECOND_FOLLOWUP:
        fact = f"No reply in {_span(step.after, now)} to your follow-up"
        advice = (
            "a second short one is usual "
            f"{_days_words(settings.second_opens_days)} after the first"
        )
    else:
        fact = "Two follow-ups have gone unanswered"
        spread = _range_words(settings.final_opens_days, settings.final_due_days)
        advice = f"one last brief check-in is acceptable {spread} after the second"

    if step.held_back:
        advice = (
            f"held back so that no more than {settings.cadence_max} follow-ups go "
            f"out within {_days_words(settings.cadence_days)}"
        )
    return Window(step.kind, step.opens, step.due, f"{fact}; {advice}.")


def _gave_up(step: Step, start: Start, now: DateTime) -> str:
    """Why a chase ended in moving on."""
    if step.unsent is None:
        return f"No reply in {_span(step.after, now)} since your final check-in"
    if step.unsent is Kind.FINAL_CHECKIN:
        return "The window for a final check-in has passed"
    return f"Nothing heard in {_span(start.at, now)} since {start.since}"


def _move_on_window(
    opens: DateTime, due: DateTime, fact: str, stages: StageSet
) -> Window:
    closed = stages.first_closed
    stage = closed.name if closed is not None else None
    closing = f"moving it to {stage}" if stage else "closing it"
    reason = f"{fact}; silence is usually the answer by now, so consider {closing}."
    return Window(Kind.MOVE_ON, opens, due, reason, suggested_stage=stage)


def _after_interview(
    application: Application,
    start: Start,
    interview: Interview,
    now: DateTime,
    stages: StageSet,
    settings: RuleSettings,
) -> Window:
    """A thank-you until the status inquiry opens; then the chase goes on."""
    ends = start.at
    if interview.decision_by is None:
        opens = _days(ends, settings.status_opens_days, settings)
        fact = f"No word in {_span(ends, now)} since the interview"
        advice = (
            "asking where things stand is usual after "
            f"{_days_words(settings.status_opens_days)}"
        )
    else:
        # "The day after" is a day on the user's own calendar, from its start.
        decided = interview.decision_by.in_timezone(settings.zone).date()
        opens = max(ends, start_of_local_day(decided.add(days=1), settings.zone))
        fact = f"They meant to decide by {_date(interview.decision_by, settings)}"
        advice = "asking where things stand is fair from the day after"

    due = _days(opens, settings.status_window_days, settings)
    window = _chase(
        application, start, now, stages, settings, (opens, due), (fact, advice)
    )
    thanked = _answered(application, Kind.THANK_YOU, interview.at, now)
    if now < window.opens and not thanked:
        return _thank_you(interview, ends, now, settings)
    return window


def _thank_you(
    interview: Interview, ends: DateTime, now: DateTime, settings: RuleSettings
) -> Window:
    hours = settings.thank_you_due_hours
    who = f" with {interview.with_whom}" if interview.with_whom else ""
    if ends > now:
        fact = f"Your interview{who} is on {_date(interview.at, settings)}"
        advice = f"a thank-you is usual within {hours} hours of its end"
    else:
        fact = f"Your interview{who} ended {_span(ends, now)} ago"
        advice = f"a thank-you is usual within {hours} hours"
    return Window(Kind.THANK_YOU, ends, ends.add(hours=hours), f"{fact}; {advice}.")


def _coming_interview(application: Application, now: DateTime) -> Interview | None:
    """The first interview not yet over at `now` that has had no thank-you."""
    # Seconds since the epoch: pendulum's arithmetic is slow for a loop that
    # runs over every interview of every application.
    moment = now.timestamp()
    for interview in application.events_of(Interview):
        ends = interview.at.timestamp() + interview.duration_minutes * 60
        if ends <= moment:
            continue
        if not _answered(application, Kind.THANK_YOU, interview.at, now):
            return interview
    return None


def _after_offer(
    application: Application,
    offer: Offer,
    now: DateTime,
    settings: RuleSettings,
    calendar: BusinessCalendar,
) -> Window | None:
    """The reply to an offer, due at the end of the next business day; then nothing."""
    if _answered(application, Kind.OFFER_REPLY, offer.at, now):
        return None

    day = offer.at.in_timezone(settings.zone).date()
    by = calendar.add_business_days(day, settings.offer_reply_business_days)
    due = end_of_local_day(by, settings.zone)
    spread = (
        f"{settings.decision_min_business_days} to "
        f"{settings.decision_max_business_days} business days"
    )
    reason = (
        f"Offer received {_span(offer.at, now)} ago; by the end of "
        f"{_date(due, settings)}, thank them and ask for {spread} to decide."
    )
    return Window(Kind.OFFER_REPLY, offer.at, due, reason)


def _answered(
    application: Application, kind: Kind, since: DateTime, now: DateTime
) -> bool:
    """Whether a note of `kind` went out from `since` up to `now`."""
    return any(
        since <= note.at <= now and note.kind is kind
        for note in application.events_of(FollowUp)
    )


def _date(moment: DateTime, settings: RuleSettings) -> str:
    return moment.in_timezone(settings.zone).format("ddd D MMM YYYY")


def _span(since: DateTime, now: DateTime) -> str:
    return describe_span(now.timestamp() - since.timestamp())


def _days_words(days: int) -> str:
    """A number of days as a person says it: "a day", "5 days", "a week", "2 weeks"."""
    if days and days % 7 == 0:
        return "a week" if days == 7 else f"{days // 7} weeks"
    return "a day" if days == 1 else f"{days} days"


def _range_words(low: int, high: int) -> str:
    """A range of days: "2 to 3 weeks" if both are whole weeks, else "10 to 15 days"."""
    if low and low % 7 == 0 and high % 7 == 0:
        return f"{low // 7} to {high // 7} weeks"
    return f"{low} to {high} days"
