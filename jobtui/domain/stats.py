"""The numbers of a search: the funnel, response and interview rates, and their pace.

Every figure is as of `now`, exactly as it would have read then: events
recorded for a later time (an interview booked for next week) do not count
yet, and neither do applications made later. An application exists from when
it was applied, or from when it was created if it has no applied date; the
pace and the wait for a first reply start from the same moment. The
employer's responses are the events they cause: a Reply, an Interview or an
Offer. Each figure carries a one-line `counts` that says what it counts, for
the screen and `jobtui stats`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from statistics import median

from pendulum import DateTime

from jobtui.domain.figures import (
    SOURCE_COUNTS,
    Count,
    Funnel,
    Median,
    Pace,
    Rate,
    Stats,
    Week,
)
from jobtui.domain.model import (
    Application,
    FollowUp,
    Interview,
    Offer,
    Reply,
    StageChange,
    StageSet,
)
from jobtui.domain.times import Zone, plain_zone, seconds_since_epoch

DAY = 86400.0
# How soon after a chase follow-up a first response counts as answering it.
ANSWER_WINDOW = timedelta(days=7)
UNKNOWN_SOURCE = "unknown"
RESPONSES = (Reply, Interview, Offer)


def compute_stats(
    applications: Sequence[Application], stages: StageSet, *, now: DateTime, zone: Zone
) -> Stats:
    """Every figure for the applications, as of `now`, with weeks in `zone`.

    Applications that did not exist yet at `now` (see `started`) are left out of
    every figure, counts and denominators alike.
    """
    applications = [each for each in applications if started(each) <= now]
    return Stats(
        applications=len(applications),
        funnel=funnel(applications, stages, now),
        response=response_rate(applications, now),
        first_reply=first_reply(applications, now),
        interviews_by_source=interviews_by_source(applications, now),
        pace=pace(applications, now, zone),
        chased=reply_rate_chased(applications, now, chased=True),
        not_chased=reply_rate_chased(applications, now, chased=False),
        answered=answered_by_chase(applications, now),
    )


def started(application: Application) -> DateTime:
    """When the application began to exist: applied, or created if never applied."""
    return application.applied or application.created


def funnel(
    applications: Sequence[Application], stages: StageSet, now: DateTime
) -> Funnel:
    """How many applications were ever in each stage, by their stage changes."""
    reached = [0] * len(stages)
    for application in applications:
        for place in reached_places(application, stages, now):
            reached[place] += 1

    counted = [Count(stage.name, n) for stage, n in zip(stages, reached, strict=True)]
    return Funnel(
        title="Funnel",
        counts="applications that were ever in each stage (moves counted as of now)",
        open=tuple(c for c, s in zip(counted, stages, strict=True) if not s.closed),
        closed=tuple(c for c, s in zip(counted, stages, strict=True) if s.closed),
        total=len(applications),
    )


def reached_places(
    application: Application, stages: StageSet, now: DateTime
) -> set[int]:
    """The board places of every stage the application has been in by `now`.

    An application imported mid-way counts in the stage its first change left;
    one with no change after `now` counts in its current stage, and one moved
    later counts in the stage that move left.
    """
    changes = application.events_of(StageChange)
    done = [change for change in changes if change.at <= now]
    later = [change for change in changes if change.at > now]
    names = {change.to_stage for change in done}
    if changes and changes[0].from_stage is not None:
        names.add(changes[0].from_stage)
    if later:
        names.add(later[0].from_stage or later[0].to_stage)
    else:
        names.add(application.stage)

    places = (stages.place(name) for name in names)
    return {place for place in places if place is not None}


def responses(application: Application, now: DateTime) -> list[DateTime]:
    """When the employer responded (reply, interview or offer) by `now`, in order."""
    return [
        event.at
        for event in application.events
        if isinstance(event, RESPONSES) and event.at <= now
    ]


def response_rate(applications: Sequence[Application], now: DateTime) -> Rate:
    """The share of applications the employer responded to at all."""
    part = sum(1 for application in applications if responses(application, now))
    return Rate(
        title="Response rate",
        counts="applications with any reply, interview or offer, of all applications",
        part=part,
        whole=len(applications),
    )


def first_reply(applications: Sequence[Application], now: DateTime) -> Median:
    """The median days from applying to the employer's first response."""
    waits = []
    for application in applications:
        answered = responses(application, now)
        if answered:
            start = started(application)
            waits.append(max(0.0, _seconds(start, answered[0]) / DAY))
    return Median(
        title="Median days to first reply",
        counts="days from applying to the first reply, interview or offer; "
        "only applications with one",
        days=median(waits) if waits else None,
        of=len(waits),
    )


def interviews_by_source(
    applications: Sequence[Application], now: DateTime
) -> tuple[Rate, ...]:
    """Per source, the share of its applications with an interview, most first."""
    spelling: dict[str, str] = {}
    totals: dict[str, int] = {}
    interviewed: dict[str, int] = {}
    for application in applications:
        source = application.source.strip() or UNKNOWN_SOURCE
        key = source.casefold()
        spelling.setdefault(key, source)
        totals[key] = totals.get(key, 0) + 1
        held = any(event.at <= now for event in application.events_of(Interview))
        interviewed[key] = interviewed.get(key, 0) + held

    rates = [
        Rate(spelling[key], SOURCE_COUNTS, interviewed[key], totals[key])
        for key in totals
    ]
    rates.sort(
        key=lambda rate: (-(rate.share or 0), -rate.whole, rate.title.casefold())
    )
    return tuple(rates)


def pace(applications: Sequence[Application], now: DateTime, zone: Zone) -> Pace:
    """Applications made and follow-ups sent in each local ISO week up to now."""
    counts = (
        "applications (by date applied) and follow-ups of any kind sent, "
        "per ISO week from the first application to now"
    )
    starts = [started(application) for application in applications]
    if not starts:
        return Pace("Applications and follow-ups per week", counts, ())

    first = _monday(min(starts), zone)
    last = max(first, _monday(now, zone))
    weeks = (last - first).days // 7 + 1
    made = [0] * weeks
    sent = [0] * weeks
    for start in starts:
        _tally(made, (_monday(start, zone) - first).days // 7)
    for application in applications:
        for follow_up in application.events_of(FollowUp):
            if follow_up.at <= now:
                _tally(sent, (_monday(follow_up.at, zone) - first).days // 7)

    rows = tuple(
        Week(first + timedelta(weeks=n), made[n], sent[n]) for n in range(weeks)
    )
    return Pace("Applications and follow-ups per week", counts, rows)


def reply_rate_chased(
    applications: Sequence[Application], now: DateTime, *, chased: bool
) -> Rate:
    """The response rate of applications chased (after the first chase), or not."""
    part = whole = 0
    for application in applications:
        chases = _chases(application, now)
        if bool(chases) != chased:
            continue
        whole += 1
        after = chases[0] if chases else None
        part += any(after is None or at > after for at in responses(application, now))
    if chased:
        return Rate(
            "Chased",
            "applications with a chase follow-up: share with a response after the "
            "first chase",
            part,
            whole,
        )
    return Rate(
        "Not chased",
        "applications with no chase follow-up: share with any response",
        part,
        whole,
    )


def answered_by_chase(applications: Sequence[Application], now: DateTime) -> Rate:
    """The share of first responses that came within 7 days after a chase follow-up."""
    part = whole = 0
    for application in applications:
        answered = responses(application, now)
        if not answered:
            continue
        whole += 1
        first = answered[0]
        part += any(
            at <= first <= at + ANSWER_WINDOW for at in _chases(application, now)
        )
    return Rate(
        "Replies after a chase",
        "first responses that came at most 7 days after a chase follow-up, "
        "of all first responses",
        part,
        whole,
    )


def _chases(application: Application, now: DateTime) -> list[DateTime]:
    """When the chase follow-ups (follow-up, second, final check-in) were sent."""
    return [
        event.at
        for event in application.events_of(FollowUp)
        if event.kind.is_chase and event.at <= now
    ]


def _monday(moment: DateTime, zone: Zone) -> date:
    """The Monday of the local ISO week the moment falls in."""
    local = datetime.fromtimestamp(seconds_since_epoch(moment), plain_zone(zone))
    return local.date() - timedelta(days=local.weekday())


def _tally(weeks: list[int], index: int) -> None:
    """Count one in a week, ignoring anything before the first or after now."""
    if 0 <= index < len(weeks):
        weeks[index] += 1


def _seconds(start: DateTime, end: DateTime) -> float:
    return seconds_since_epoch(end) - seconds_since_epoch(start)
