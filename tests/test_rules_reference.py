"""The rules, tuned for speed, give exactly the answers they gave before tuning.

`rules_reference` keeps the rules as they were; here random histories, stages,
timings, zones and calendars go through both, and every window must match: its
kind, when it opens and is due (to the microsecond, in the same zone object),
its reason word for word, and the stage it suggests.

The reference rules predate snoozing and marking handled, so the histories drawn
here hold no `Snoozed` or `Handled` events: on such histories the two must agree
exactly, and tests/test_snooze.py covers what the new events change.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
import rules_reference as before
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pendulum import DateTime

from jobtui.domain import cadence, rules
from jobtui.domain.calendar import BusinessCalendar, add_local_days
from jobtui.domain.model import (
    Application,
    Event,
    FollowUp,
    Interview,
    Kind,
    Offer,
    Reply,
    Stage,
    StageChange,
    StageSet,
)
from jobtui.domain.times import add_elapsed

UTC = pendulum.UTC
BASE = pendulum.datetime(2026, 3, 1, 8, 30, tz="UTC")
MICROSECOND = timedelta(microseconds=1)
ZONES = [
    UTC,
    pendulum.timezone("Europe/Berlin"),
    pendulum.timezone("America/New_York"),
    pendulum.timezone("Australia/Lord_Howe"),
    pendulum.timezone("Asia/Kolkata"),
    pendulum.FixedTimezone(-(3 * 3600 + 30 * 60)),
]
STAGE_SETS = [
    StageSet(),
    StageSet(
        (
            Stage("Wishlist"),
            Stage("Applied"),
            Stage("Interviewing"),
            Stage("Ghosted", closed=True),
            Stage("Offer"),
            Stage("Rejected", closed=True),
        )
    ),
    StageSet((Stage("Applied"), Stage("Talking"))),
]
STAGE_NAMES = [
    "Applied",
    "applied ",
    " UNDER REVIEW",
    "Phone Screen",
    "Interviewing",
    "Offer",
    "Rejected",
    "Wishlist",
    "Ghosted",
    "Talking",
    "Gone",
]
CALENDARS = [BusinessCalendar(), BusinessCalendar("DE"), BusinessCalendar("US", "CA")]

# Whole seconds as stored, and now and then a microsecond, as an import may hold.
MOMENTS = st.builds(
    lambda seconds, micro: BASE.add(seconds=seconds).replace(microsecond=micro),
    st.integers(-20 * 86400, 200 * 86400),
    st.one_of(st.just(0), st.integers(0, 999_999)),
)


@st.composite
def rule_settings(draw: st.DrawFn) -> rules.RuleSettings:
    """Timings anywhere in their ranges, in any zone."""

    def span(low: int = 0, high: int = 40) -> tuple[int, int]:
        opens = draw(st.integers(low, high))
        return opens, opens + draw(st.integers(1, 30))

    first, second, final = span(), span(), span()
    low = draw(st.integers(1, 8))
    return rules.RuleSettings(
        first_opens_days=first[0],
        first_due_days=first[1],
        second_opens_days=second[0],
        second_due_days=second[1],
        final_opens_days=final[0],
        final_due_days=final[1],
        move_on_wait_days=draw(st.integers(0, 20)),
        move_on_window_days=draw(st.integers(1, 20)),
        give_up_days=draw(st.integers(1, 90)),
        thank_you_due_hours=draw(st.integers(1, 72)),
        status_opens_days=draw(st.integers(0, 20)),
        status_window_days=draw(st.integers(1, 20)),
        offer_reply_business_days=draw(st.integers(1, 5)),
        decision_min_business_days=low,
        decision_max_business_days=low + draw(st.integers(0, 5)),
        cadence_max=draw(st.integers(1, 3)),
        # Long periods hold follow-ups back by more than a month.
        cadence_days=draw(st.sampled_from([1, 7, 10, 45, 120])),
        zone=draw(st.sampled_from(ZONES)),
    )


@st.composite
def events(draw: st.DrawFn) -> Event:
    """Any one event of a history."""
    at = draw(MOMENTS)
    choice = draw(st.sampled_from(["sent", "reply", "interview", "offer", "move"]))
    if choice == "sent":
        return FollowUp(at=at, kind=draw(st.sampled_from(list(Kind))))
    if choice == "reply":
        return Reply(at=at)
    if choice == "interview":
        decision = draw(st.one_of(st.none(), MOMENTS))
        return Interview(
            at=at,
            duration_minutes=draw(st.integers(0, 180)),
            with_whom=draw(st.sampled_from(["", "Sam"])),
            decision_by=decision,
        )
    if choice == "offer":
        return Offer(at=at, deadline=draw(st.one_of(st.none(), MOMENTS)))
    origin = draw(st.one_of(st.none(), st.sampled_from(STAGE_NAMES)))
    return StageChange(
        at=at, from_stage=origin, to_stage=draw(st.sampled_from(STAGE_NAMES))
    )


@st.composite
def applications(draw: st.DrawFn) -> Application:
    """An application with a random history, applied or only added."""
    created = draw(MOMENTS)
    return Application(
        company=draw(st.sampled_from(["Acme", "acme", "Globex"])),
        role="Engineer",
        stage=draw(st.sampled_from(STAGE_NAMES)),
        applied=draw(st.one_of(st.none(), MOMENTS)),
        created=created,
        updated=created,
        events=draw(st.lists(events(), max_size=9)),
    )


def same_windows(tuned: rules.Window | None, reference: rules.Window | None) -> bool:
    """Equal in every field, and with the times in the very same zone objects."""
    if tuned is None or reference is None:
        return tuned is reference
    zones = (tuned.opens.tzinfo, tuned.due.tzinfo)
    return tuned == reference and zones == (
        reference.opens.tzinfo,
        reference.due.tzinfo,
    )


CHECKS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@CHECKS
@given(
    st.lists(applications(), min_size=1, max_size=4),
    MOMENTS,
    st.sampled_from(STAGE_SETS),
    rule_settings(),
    st.sampled_from(CALENDARS),
)
def test_every_window_is_the_one_the_reference_rules_give(
    history: list[Application],
    now: DateTime,
    stages: StageSet,
    timings: rules.RuleSettings,
    calendar: BusinessCalendar,
) -> None:
    options = {"stages": stages, "settings": timings, "calendar": calendar}

    for application in history:
        reference = before.next_window(application, now, **options)
        moments = [now]
        if reference is not None:
            # The instants where windows open and fall due are the boundaries.
            moments += [reference.opens, reference.due, reference.due - MICROSECOND]
        for moment in moments:
            tuned = rules.next_window(application, moment, **options)
            expected = before.next_window(application, moment, **options)
            assert same_windows(tuned, expected), (moment, tuned, expected)

    tuned_items = rules.due_items(history, now, **options)
    reference_items = before.due_items(history, now, **options)
    assert tuned_items == reference_items


@CHECKS
@given(applications(), MOMENTS, rule_settings(), st.sampled_from(CALENDARS))
def test_counts_and_dates_are_the_reference_ones(
    application: Application,
    at: DateTime,
    timings: rules.RuleSettings,
    calendar: BusinessCalendar,
) -> None:
    assert cadence.chase_count(application, at, timings) == before.chase_count(
        application, at, timings
    )
    assert rules.offer_decision_date(
        at, timings, calendar
    ) == before.offer_decision_date(at, timings, calendar)


@given(
    MOMENTS,
    st.integers(-400, 400),
    st.sampled_from(ZONES),
    st.sampled_from(ZONES),
)
def test_local_days_and_elapsed_time_add_up_as_before(
    moment: DateTime, days: int, stored_in, zone
) -> None:
    stored = moment.in_timezone(stored_in)
    tuned, reference = (
        add_local_days(stored, days, zone),
        before.add_local_days(stored, days, zone),
    )
    assert (tuned, tuned.tzinfo) == (reference, reference.tzinfo)

    for minutes in (0, 1, 45, 61, 24 * 60, 100_000):
        elapsed = add_elapsed(stored, minutes=minutes)
        expected = stored.add(minutes=minutes)
        assert (elapsed, elapsed.tzinfo, elapsed.fold) == (
            expected,
            expected.tzinfo,
            expected.fold,
        )


@given(
    MOMENTS,
    MOMENTS,
    st.integers(0, 400 * 86400),
)
def test_a_held_back_window_moves_its_due_as_pendulum_would(
    due: DateTime, earlier: DateTime, seconds: int
) -> None:
    later = earlier + timedelta(seconds=seconds)

    assert cadence.shifted(due, later, earlier) == due + (later - earlier)
