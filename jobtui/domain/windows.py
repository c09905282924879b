"""Follow-up windows: what one is, and the window each kind of start leads to.

`rules` picks, from an application's latest start (see `cadence`), which of
these applies; the functions here work out when that window opens, when it is
due, and the reason the user reads for it. Like the rules they are pure, and
days count on the user's local calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pendulum import DateTime

from jobtui.domain.cadence import RuleSettings, Start, Step, next_step
from jobtui.domain.calendar import (
    BusinessCalendar,
    add_local_days,
    end_of_local_day,
    local_date,
    start_of_local_day,
)
from jobtui.domain.model import (
    Application,
    FollowUp,
    Handled,
    Interview,
    Kind,
    Offer,
    StageSet,
)
from jobtui.domain.times import (
    add_elapsed,
    describe_span,
    format_local,
    seconds_since_epoch,
)

WAITING = "waiting"
OPEN = "open"
OVERDUE = "overdue"
STATES = (WAITING, OPEN, OVERDUE)


@dataclass(frozen=True, slots=True)
class Window:
    """The span in which one follow-up should go out: it opens, then it is due.

    For `move_on`, `due` is when deciding becomes pressing, and `suggested_stage`
    names the closed stage to move the application to. `snoozed_until` is set
    when a snooze pushed the window back.
    """

    kind: Kind
    opens: DateTime
    due: DateTime
    reason: str
    suggested_stage: str | None = None
    snoozed_until: DateTime | None = None

    def state(self, now: DateTime) -> str:
        """The state at `now`: "waiting", "open" from `opens`, "overdue" from `due`."""
        if now < self.opens:
            return WAITING
        if now < self.due:
            return OPEN
        return OVERDUE


def chase(
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
        return _move_on(step.opens, step.due, _gave_up(step, start, now), stages)

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


def _move_on(opens: DateTime, due: DateTime, fact: str, stages: StageSet) -> Window:
    closed = stages.first_closed
    stage = closed.name if closed is not None else None
    closing = f"moving it to {stage}" if stage else "closing it"
    reason = f"{fact}; silence is usually the answer by now, so consider {closing}."
    return Window(Kind.MOVE_ON, opens, due, reason, suggested_stage=stage)


def after_interview(
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
        decided = local_date(interview.decision_by, settings.zone)
        opens = max(ends, start_of_local_day(decided.add(days=1), settings.zone))
        fact = f"They meant to decide by {date_words(interview.decision_by, settings)}"
        advice = "asking where things stand is fair from the day after"

    due = _days(opens, settings.status_window_days, settings)
    window = chase(
        application, start, now, stages, settings, (opens, due), (fact, advice)
    )
    thanked = _answered(application, Kind.THANK_YOU, interview.at, now)
    if now < window.opens and not thanked:
        return thank_you(interview, ends, now, settings)
    return window


def thank_you(
    interview: Interview, ends: DateTime, now: DateTime, settings: RuleSettings
) -> Window:
    """A thank-you for an interview, due some hours after it `ends`."""
    hours = settings.thank_you_due_hours
    who = f" with {interview.with_whom}" if interview.with_whom else ""
    if ends > now:
        fact = f"Your interview{who} is on {date_words(interview.at, settings)}"
        advice = f"a thank-you is usual within {hours} hours of its end"
    else:
        fact = f"Your interview{who} ended {_span(ends, now)} ago"
        advice = f"a thank-you is usual within {hours} hours"
    due = add_elapsed(ends, hours=hours)
    return Window(Kind.THANK_YOU, ends, due, f"{fact}; {advice}.")


def coming_interview(application: Application, now: DateTime) -> Interview | None:
    """The first interview not yet over at `now` that has had no thank-you."""
    # Seconds since the epoch: pendulum's arithmetic is slow for a loop that
    # runs over every interview of every application.
    moment = seconds_since_epoch(now)
    for interview in application.events:
        if not isinstance(interview, Interview):
            continue
        ends = seconds_since_epoch(interview.at) + interview.duration_minutes * 60
        if ends <= moment:
            continue
        if not _answered(application, Kind.THANK_YOU, interview.at, now):
            return interview
    return None


def after_offer(
    application: Application,
    offer: Offer,
    now: DateTime,
    settings: RuleSettings,
    calendar: BusinessCalendar,
) -> Window | None:
    """The reply to an offer, due at the end of the next business day; then nothing."""
    if _answered(application, Kind.OFFER_REPLY, offer.at, now):
        return None

    day = local_date(offer.at, settings.zone)
    by = calendar.add_business_days(day, settings.offer_reply_business_days)
    due = end_of_local_day(by, settings.zone)
    spread = (
        f"{settings.decision_min_business_days} to "
        f"{settings.decision_max_business_days} business days"
    )
    reason = (
        f"Offer received {_span(offer.at, now)} ago; by the end of "
        f"{date_words(due, settings)}, thank them and ask for {spread} to decide."
    )
    return Window(Kind.OFFER_REPLY, offer.at, due, reason)


def _answered(
    application: Application, kind: Kind, since: DateTime, now: DateTime
) -> bool:
    """Whether a note of `kind` went out, or was marked handled, since `since`."""
    for note in application.events:
        if (
            isinstance(note, FollowUp | Handled)
            and since <= note.at <= now
            and note.kind is kind
        ):
            return True
    return False


def _days(moment: DateTime, days: int, settings: RuleSettings) -> DateTime:
    return add_local_days(moment, days, settings.zone)


def date_words(moment: DateTime, settings: RuleSettings) -> str:
    """The local date of `moment`, as a reason says it."""
    return format_local(moment, settings.zone, time=False)


def _span(since: DateTime, now: DateTime) -> str:
    return describe_span(seconds_since_epoch(now) - seconds_since_epoch(since))


# The same few timings are put into words for every application.
@cache
def _days_words(days: int) -> str:
    """A number of days as a person says it: "a day", "5 days", "a week", "2 weeks"."""
    if days and days % 7 == 0:
        return "a week" if days == 7 else f"{days // 7} weeks"
    return "a day" if days == 1 else f"{days} days"


@cache
def _range_words(low: int, high: int) -> str:
    """A range of days: "2 to 3 weeks" if both are whole weeks, else "10 to 15 days"."""
    if low and low % 7 == 0 and high % 7 == 0:
        return f"{low // 7} to {high // 7} weeks"
    return f"{low} to {high} days"
