"""The follow-up rules at frozen times, in several time zones and across DST changes."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pendulum import DateTime

from jobtui.domain.calendar import BusinessCalendar
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
from jobtui.domain.rules import (
    OPEN,
    OVERDUE,
    STATES,
    WAITING,
    RuleSettings,
    Window,
    chase_count,
    due_items,
    next_window,
    offer_decision_date,
)

UTC = pendulum.timezone("UTC")
BERLIN = pendulum.timezone("Europe/Berlin")
NEW_YORK = pendulum.timezone("America/New_York")
TOKYO = pendulum.timezone("Asia/Tokyo")
STAGES = StageSet()
WEEKENDS = BusinessCalendar()
DEFAULTS = RuleSettings(zone=BERLIN)
# Short intervals, so that following the schedule would break the cadence guard.
BRISK = RuleSettings(
    zone=BERLIN,
    first_opens_days=1,
    first_due_days=2,
    second_opens_days=1,
    second_due_days=2,
    final_opens_days=1,
    final_due_days=2,
)
SECOND = pendulum.duration(seconds=1)


def at(text: str, zone: pendulum.Timezone = BERLIN) -> DateTime:
    """A local time as the model keeps it: in UTC."""
    return pendulum.parse(text, tz=zone).in_timezone(UTC)


def application(
    *events: Event,
    applied: str | None = "2026-03-02 09:00",
    stage: str = "Applied",
    company: str = "Acme",
    zone: pendulum.Timezone = BERLIN,
) -> Application:
    """An application made on Monday 2 March 2026 at 09:00, with its history."""
    made = at(applied or "2026-03-01 18:00", zone)
    return Application(
        company=company,
        role="Engineer",
        stage=stage,
        applied=at(applied, zone) if applied else None,
        created=made,
        updated=made,
        events=list(events),
    )


def sent(
    text: str, kind: Kind = Kind.FOLLOWUP, zone: pendulum.Timezone = BERLIN
) -> FollowUp:
    return FollowUp(at=at(text, zone), kind=kind)


def window_at(
    app: Application,
    now: str | DateTime,
    rules: RuleSettings = DEFAULTS,
    calendar: BusinessCalendar = WEEKENDS,
    stages: StageSet = STAGES,
) -> Window | None:
    moment = at(now, rules.zone) if isinstance(now, str) else now
    return next_window(app, moment, stages=stages, settings=rules, calendar=calendar)


def local(moment: DateTime, zone: pendulum.Timezone = BERLIN) -> str:
    return moment.in_timezone(zone).format("YYYY-MM-DD HH:mm:ss")


def span_of(window: Window | None, zone: pendulum.Timezone = BERLIN) -> tuple:
    assert window is not None
    return window.kind, local(window.opens, zone), local(window.due, zone)


# The chase after an application: each row is one rule of the chain.
CHASE = [
    pytest.param(
        (),
        "2026-03-05 12:00",
        (Kind.FOLLOWUP, "2026-03-09 09:00:00", "2026-03-16 09:00:00"),
        id="first follow-up opens a week after applying, due after two",
    ),
    pytest.param(
        (sent("2026-03-10 12:00"),),
        "2026-03-11 12:00",
        (Kind.SECOND_FOLLOWUP, "2026-03-17 12:00:00", "2026-03-24 12:00:00"),
        id="second follow-up opens a week after the first was sent, due after two",
    ),
    pytest.param(
        (sent("2026-03-10 12:00"), sent("2026-03-18 12:00")),
        "2026-03-19 12:00",
        (Kind.FINAL_CHECKIN, "2026-04-01 12:00:00", "2026-04-08 12:00:00"),
        id="final check-in opens two weeks after the second, due after three",
    ),
    pytest.param(
        (sent("2026-03-10 12:00"), sent("2026-03-18 12:00"), sent("2026-04-02 10:00")),
        "2026-04-03 12:00",
        (Kind.MOVE_ON, "2026-04-09 10:00:00", "2026-04-16 10:00:00"),
        id="move on opens a week after a sent final check-in",
    ),
    pytest.param(
        (sent("2026-03-10 12:00"), sent("2026-03-18 12:00")),
        "2026-04-08 12:00",
        (Kind.MOVE_ON, "2026-04-08 12:00:00", "2026-04-15 12:00:00"),
        id="an unsent final check-in gives way to move on at its due",
    ),
    pytest.param(
        (),
        "2026-04-13 09:00",
        (Kind.MOVE_ON, "2026-04-13 09:00:00", "2026-04-20 09:00:00"),
        id="an unsent first follow-up gives way to move on six weeks on",
    ),
    pytest.param(
        (sent("2026-03-10 12:00"),),
        "2026-04-13 09:00",
        (Kind.MOVE_ON, "2026-04-13 09:00:00", "2026-04-20 09:00:00"),
        id="an unsent second follow-up gives way to move on six weeks on",
    ),
    pytest.param(
        (sent("2026-04-05 12:00"),),
        "2026-04-19 11:59",
        (Kind.SECOND_FOLLOWUP, "2026-04-12 12:00:00", "2026-04-19 12:00:00"),
        id="a late second follow-up stays until its own due past six weeks",
    ),
]


@pytest.mark.parametrize(("events", "now", "expected"), CHASE)
def test_chase_after_an_application(events: tuple, now: str, expected: tuple) -> None:
    assert span_of(window_at(application(*events), now)) == expected


def test_application_without_an_applied_date_counts_from_its_creation() -> None:
    window = window_at(application(applied=None), "2026-03-02 12:00")
    assert span_of(window)[1] == "2026-03-08 18:00:00"
    assert window is not None and "since you added it" in window.reason


def test_reason_says_how_long_since_you_applied_and_what_is_usual() -> None:
    window = window_at(application(), "2026-03-11 09:00")
    assert window is not None
    assert window.reason == (
        "No reply in 9 days since you applied; a short check-in is usual after a week."
    )


# The instant a window opens is open, one second earlier it is waiting; the
# instant it is due it is overdue. Each zone keeps its own local clock time.
@pytest.mark.parametrize("zone", [UTC, BERLIN, NEW_YORK, TOKYO], ids=str)
@pytest.mark.parametrize(
    ("now", "state"),
    [
        ("2026-03-09 08:59:59", WAITING),
        ("2026-03-09 09:00:00", OPEN),
        ("2026-03-16 08:59:59", OPEN),
        ("2026-03-16 09:00:00", OVERDUE),
        ("2026-04-13 08:59:59", OVERDUE),
    ],
)
def test_first_follow_up_changes_state_at_its_boundaries(
    zone: pendulum.Timezone, now: str, state: str
) -> None:
    app = application(zone=zone)
    window = window_at(app, now, RuleSettings(zone=zone))
    assert window is not None and window.kind is Kind.FOLLOWUP
    assert window.state(at(now, zone)) == state


def test_unsent_final_check_in_is_still_open_a_second_before_it_is_due() -> None:
    app = application(sent("2026-03-10 12:00"), sent("2026-03-18 12:00"))
    window = window_at(app, "2026-04-08 11:59:59")
    assert window is not None and window.kind is Kind.FINAL_CHECKIN
    assert window.state(at("2026-04-08 11:59:59")) == OPEN


def test_move_on_suggests_the_first_closed_stage() -> None:
    window = window_at(application(), "2026-04-13 09:00")
    assert window is not None and window.suggested_stage == "Rejected"
    assert window.reason.endswith("so consider moving it to Rejected.")


def test_move_on_suggests_closing_when_no_stage_is_closed() -> None:
    stages = StageSet((Stage("Applied"), Stage("Interviewing")))
    window = window_at(application(), "2026-04-13 09:00", stages=stages)
    assert window is not None and window.kind is Kind.MOVE_ON
    assert window.suggested_stage is None
    assert window.reason.endswith("so consider closing it.")


def test_move_on_is_overdue_a_week_after_it_opens() -> None:
    window = window_at(application(), "2026-04-20 09:00")
    assert window is not None and window.kind is Kind.MOVE_ON
    assert window.state(at("2026-04-20 08:59:59")) == OPEN
    assert window.state(at("2026-04-20 09:00")) == OVERDUE


@pytest.mark.parametrize(
    ("zone", "applied", "opens"),
    [
        (BERLIN, "2026-03-25 09:00", "2026-04-01 09:00:00"),
        (BERLIN, "2026-10-20 09:00", "2026-10-27 09:00:00"),
        (NEW_YORK, "2026-03-05 09:00", "2026-03-12 09:00:00"),
        (NEW_YORK, "2026-10-28 09:00", "2026-11-04 09:00:00"),
    ],
    ids=["Berlin spring", "Berlin autumn", "New York spring", "New York autumn"],
)
def test_a_week_later_is_the_same_local_time_across_a_dst_change(
    zone: pendulum.Timezone, applied: str, opens: str
) -> None:
    app = application(applied=applied, zone=zone)
    window = window_at(app, at(applied, zone), RuleSettings(zone=zone))
    assert window is not None and local(window.opens, zone) == opens
    # A week on the local calendar is not 7 × 24 hours when the clocks change.
    assert (window.opens - at(applied, zone)).total_seconds() != 7 * 86400


# Restarts: a reply, an interview or a move to a later stage.


def test_reply_restarts_the_chain_from_the_first_follow_up() -> None:
    app = application(sent("2026-03-10 12:00"), Reply(at=at("2026-03-12 16:00")))
    window = window_at(app, "2026-03-13 16:00")
    assert span_of(window) == (
        Kind.FOLLOWUP,
        "2026-03-19 16:00:00",
        "2026-03-26 16:00:00",
    )
    assert window is not None and "since their last reply" in window.reason


def test_move_to_a_later_stage_restarts_the_chain() -> None:
    moved = StageChange(
        at=at("2026-03-05 10:00"), from_stage="Applied", to_stage="Phone Screen"
    )
    window = window_at(application(moved, stage="Phone Screen"), "2026-03-06 12:00")
    assert span_of(window)[1] == "2026-03-12 10:00:00"


def test_move_to_an_earlier_stage_does_not_restart_the_chain() -> None:
    forward = StageChange(
        at=at("2026-03-04 10:00"), from_stage="Applied", to_stage="Phone Screen"
    )
    back = StageChange(
        at=at("2026-03-05 10:00"), from_stage="Phone Screen", to_stage="Applied"
    )
    window = window_at(application(forward, back), "2026-03-06 12:00")
    assert span_of(window)[1] == "2026-03-11 10:00:00"


def test_move_to_a_stage_that_no_longer_exists_does_not_restart_the_chain() -> None:
    moved = StageChange(
        at=at("2026-03-05 10:00"), from_stage="Applied", to_stage="Onsite"
    )
    window = window_at(application(moved, stage="Onsite"), "2026-03-06 12:00")
    assert span_of(window)[1] == "2026-03-09 09:00:00"


def test_events_after_now_do_not_restart_the_chain() -> None:
    app = application(Reply(at=at("2026-03-20 10:00")))
    window = window_at(app, "2026-03-12 10:00")
    assert span_of(window)[1] == "2026-03-09 09:00:00"


def test_follow_ups_sent_after_now_are_not_counted() -> None:
    app = application(sent("2026-03-10 12:00"))
    assert span_of(window_at(app, "2026-03-10 11:00"))[0] is Kind.FOLLOWUP


# Interviews: a thank-you, then a status inquiry.

INTERVIEW = Interview(at=at("2026-03-10 14:00"), duration_minutes=90, with_whom="Dana")


def test_thank_you_opens_when_the_interview_ends_and_is_due_a_day_later() -> None:
    window = window_at(application(INTERVIEW), "2026-03-10 16:00")
    assert span_of(window) == (
        Kind.THANK_YOU,
        "2026-03-10 15:30:00",
        "2026-03-11 15:30:00",
    )


def test_thank_you_is_overdue_24_hours_after_the_interview_ends() -> None:
    window = window_at(application(INTERVIEW), "2026-03-11 15:30")
    assert window is not None
    assert window.state(at("2026-03-11 15:29:59")) == OPEN
    assert window.state(at("2026-03-11 15:30")) == OVERDUE


def test_thank_you_counts_24_elapsed_hours_across_a_dst_change() -> None:
    interview = Interview(at=at("2026-03-28 09:00"), duration_minutes=60)
    window = window_at(application(interview), "2026-03-28 12:00")
    assert span_of(window)[2] == "2026-03-29 11:00:00"


def test_sent_thank_you_leads_to_a_status_inquiry_a_week_after_the_interview() -> None:
    app = application(INTERVIEW, sent("2026-03-10 18:00", Kind.THANK_YOU))
    window = window_at(app, "2026-03-11 09:00")
    assert span_of(window) == (
        Kind.FOLLOWUP,
        "2026-03-17 15:30:00",
        "2026-03-24 15:30:00",
    )
    assert window is not None and "since the interview" in window.reason


def test_overdue_thank_you_stays_until_the_status_inquiry_opens() -> None:
    app = application(INTERVIEW)
    before = window_at(app, "2026-03-17 15:29:59")
    assert before is not None and before.kind is Kind.THANK_YOU
    assert before.state(at("2026-03-17 15:29:59")) == OVERDUE
    assert span_of(window_at(app, "2026-03-17 15:30"))[0] is Kind.FOLLOWUP


def test_status_inquiry_opens_the_day_after_the_decision_date() -> None:
    interview = Interview(at=at("2026-03-10 14:00"), decision_by=at("2026-03-20 17:00"))
    app = application(interview, sent("2026-03-10 18:00", Kind.THANK_YOU))
    window = window_at(app, "2026-03-12 09:00")
    assert span_of(window) == (
        Kind.FOLLOWUP,
        "2026-03-21 00:00:00",
        "2026-03-28 00:00:00",
    )
    assert window is not None and "decide by Fri 20 Mar 2026" in window.reason


def test_decision_date_is_a_day_on_the_users_own_calendar() -> None:
    # 23:30 UTC on the 20th is already the 21st in Berlin.
    decided = pendulum.datetime(2026, 3, 20, 23, 30, tz=UTC)
    interview = Interview(at=at("2026-03-10 14:00"), decision_by=decided)
    app = application(interview, sent("2026-03-10 18:00", Kind.THANK_YOU))
    assert span_of(window_at(app, "2026-03-12 09:00"))[1] == "2026-03-22 00:00:00"


def test_status_inquiry_is_followed_by_a_second_follow_up() -> None:
    app = application(
        INTERVIEW, sent("2026-03-10 18:00", Kind.THANK_YOU), sent("2026-03-18 10:00")
    )
    assert span_of(window_at(app, "2026-03-19 09:00")) == (
        Kind.SECOND_FOLLOWUP,
        "2026-03-25 10:00:00",
        "2026-04-01 10:00:00",
    )


def test_coming_interview_makes_its_thank_you_next_and_waiting() -> None:
    coming = Interview(at=at("2026-03-25 10:00"), with_whom="Dana")
    window = window_at(application(coming), "2026-03-20 09:00")
    assert span_of(window) == (
        Kind.THANK_YOU,
        "2026-03-25 11:00:00",
        "2026-03-26 11:00:00",
    )
    assert window is not None and window.state(at("2026-03-20 09:00")) == WAITING


def test_interview_under_way_is_still_coming() -> None:
    window = window_at(application(INTERVIEW), "2026-03-10 15:00")
    assert window is not None and window.kind is Kind.THANK_YOU
    assert window.state(at("2026-03-10 15:00")) == WAITING


def test_owed_thank_you_comes_before_the_next_interview() -> None:
    later = Interview(at=at("2026-03-12 10:00"))
    window = window_at(application(INTERVIEW, later), "2026-03-11 09:00")
    assert span_of(window)[1] == "2026-03-10 15:30:00"


# Offers: a reply by the end of the next business day, then nothing.


@pytest.mark.parametrize(
    ("offered", "due", "zone", "country"),
    [
        ("2026-03-10 11:00", "2026-03-11 23:59:59", BERLIN, None),
        ("2026-03-13 11:00", "2026-03-16 23:59:59", BERLIN, None),
        ("2026-04-02 11:00", "2026-04-07 23:59:59", BERLIN, "DE"),
        ("2026-11-25 10:00", "2026-11-27 23:59:59", NEW_YORK, "US"),
        ("2026-11-24 23:30", "2026-11-25 23:59:59", NEW_YORK, "US"),
    ],
    ids=[
        "Tuesday to Wednesday",
        "Friday over the weekend to Monday",
        "Thursday over Easter in Germany to Tuesday",
        "Wednesday over Thanksgiving to Friday",
        "late Tuesday counts as Tuesday locally",
    ],
)
def test_offer_reply_is_due_at_the_end_of_the_next_business_day(
    offered: str, due: str, zone: pendulum.Timezone, country: str | None
) -> None:
    app = application(Offer(at=at(offered, zone)), stage="Offer", zone=zone)
    window = window_at(app, offered, RuleSettings(zone=zone), BusinessCalendar(country))
    assert span_of(window, zone) == (Kind.OFFER_REPLY, f"{offered}:00", due)


def test_offer_reply_is_overdue_once_its_day_is_over() -> None:
    window = window_at(
        application(Offer(at=at("2026-03-10 11:00"))), "2026-03-10 12:00"
    )
    assert window is not None
    assert window.state(at("2026-03-11 23:59:58")) == OPEN
    assert window.state(at("2026-03-11 23:59:59")) == OVERDUE


def test_nothing_is_due_once_the_offer_is_answered() -> None:
    app = application(
        Offer(at=at("2026-03-10 11:00")), sent("2026-03-10 15:00", Kind.OFFER_REPLY)
    )
    assert window_at(app, "2026-03-10 16:00") is None
    assert window_at(app, "2026-06-01 16:00") is None


def test_offer_decision_date_is_five_business_days_on() -> None:
    offered = at("2026-11-25 10:00", NEW_YORK)
    rules = RuleSettings(zone=NEW_YORK)
    day = offer_decision_date(offered, rules, BusinessCalendar("US"))
    assert day == pendulum.date(2026, 12, 3)


# The cadence guard: never more than two chasing follow-ups within seven days.


def test_cadence_guard_holds_back_a_third_follow_up_within_a_week() -> None:
    app = application(sent("2026-03-03 10:00"), sent("2026-03-04 10:00"))
    window = window_at(app, "2026-03-05 12:00", BRISK)
    assert span_of(window) == (
        Kind.FINAL_CHECKIN,
        "2026-03-10 10:00:00",
        "2026-03-11 10:00:00",
    )
    assert window is not None and "held back" in window.reason


def test_cadence_guard_lets_a_follow_up_out_the_instant_the_oldest_leaves() -> None:
    app = application(sent("2026-03-03 10:00"), sent("2026-03-04 10:00"))
    window = window_at(app, "2026-03-05 12:00", BRISK)
    assert window is not None
    assert window.state(at("2026-03-10 09:59:59")) == WAITING
    assert window.state(at("2026-03-10 10:00")) == OPEN


def test_cadence_guard_counts_follow_ups_from_before_a_restart() -> None:
    app = application(
        sent("2026-03-03 10:00"),
        sent("2026-03-04 10:00"),
        Reply(at=at("2026-03-04 12:00")),
    )
    assert span_of(window_at(app, "2026-03-05 12:00", BRISK)) == (
        Kind.FOLLOWUP,
        "2026-03-10 10:00:00",
        "2026-03-11 10:00:00",
    )


def test_cadence_guard_does_not_hold_back_a_thank_you() -> None:
    interview = Interview(at=at("2026-03-04 14:00"))
    app = application(sent("2026-03-03 10:00"), sent("2026-03-04 10:00"), interview)
    assert (
        span_of(window_at(app, "2026-03-04 16:00", BRISK))[1] == "2026-03-04 15:00:00"
    )


def test_chase_count_counts_chasing_follow_ups_of_the_last_seven_days() -> None:
    app = application(
        sent("2026-03-03 10:00"),
        sent("2026-03-06 10:00", Kind.SECOND_FOLLOWUP),
        sent("2026-03-07 10:00", Kind.THANK_YOU),
    )
    assert chase_count(app, at("2026-03-10 09:59:59"), DEFAULTS) == 2
    assert chase_count(app, at("2026-03-10 10:00"), DEFAULTS) == 1
    assert chase_count(app, at("2026-03-05 10:00"), DEFAULTS) == 1


# Closed stages, and the list of what is due.


def test_closed_stage_gets_nothing_even_with_an_interview_coming() -> None:
    coming = Interview(at=at("2026-03-25 10:00"))
    assert window_at(application(coming, stage="Rejected"), "2026-03-20 09:00") is None


def test_stage_the_user_marked_closed_gets_nothing() -> None:
    stages = StageSet((Stage("Applied"), Stage("Ghosted", closed=True)))
    app = application(stage="ghosted")
    assert window_at(app, "2026-03-20 09:00", stages=stages) is None


def test_due_items_lists_overdue_first_then_soonest_due_then_company() -> None:
    apps = [
        application(company="Open Later", applied="2026-03-04 09:00"),
        application(company="beta", applied="2026-03-02 09:00"),
        application(company="Waiting", applied="2026-03-20 09:00"),
        application(company="Alpha", applied="2026-03-02 09:00"),
        application(company="Older", applied="2026-03-01 09:00"),
        application(company="Closed", stage="Rejected"),
    ]
    items = due_items(
        apps,
        at("2026-03-16 12:00"),
        stages=STAGES,
        settings=DEFAULTS,
        calendar=WEEKENDS,
    )
    assert [item.application.company for item in items] == [
        "Older",
        "Alpha",
        "beta",
        "Open Later",
    ]
    assert [item.state for item in items] == [OVERDUE, OVERDUE, OVERDUE, OPEN]


def test_due_items_is_empty_when_nothing_has_opened() -> None:
    items = due_items(
        [application()],
        at("2026-03-03 09:00"),
        stages=STAGES,
        settings=DEFAULTS,
        calendar=WEEKENDS,
    )
    assert items == []


# Properties that hold whatever the history.

BASE = pendulum.datetime(2026, 3, 2, 8, tz=UTC)
MINUTES = st.integers(min_value=0, max_value=120 * 24 * 60)


@st.composite
def histories(draw: st.DrawFn) -> Application:
    """An application with a random history over four months."""
    events: list[Event] = []
    for _ in range(draw(st.integers(0, 8))):
        moment = BASE.add(minutes=draw(MINUTES))
        choice = draw(st.sampled_from(["sent", "reply", "interview", "offer", "move"]))
        if choice == "sent":
            events.append(FollowUp(at=moment, kind=draw(st.sampled_from(list(Kind)))))
        elif choice == "reply":
            events.append(Reply(at=moment))
        elif choice == "interview":
            decided = draw(
                st.none() | MINUTES.map(lambda minutes: BASE.add(minutes=minutes))
            )
            events.append(Interview(at=moment, decision_by=decided))
        elif choice == "offer":
            events.append(Offer(at=moment))
        else:
            names = STAGES.names
            events.append(
                StageChange(
                    at=moment,
                    from_stage=draw(st.sampled_from(names)),
                    to_stage=draw(st.sampled_from(names)),
                )
            )
    stage = draw(st.sampled_from(STAGES.names))
    return Application(
        company="Acme",
        role="Engineer",
        stage=stage,
        applied=BASE,
        created=BASE,
        updated=BASE,
        events=events,
    )


@st.composite
def timings(draw: st.DrawFn) -> RuleSettings:
    """Rule settings with random timings, short and long, in a random zone."""
    days = st.integers(0, 21)
    values = {}
    for step in ("first", "second", "final"):
        opens = draw(days)
        values[f"{step}_opens_days"] = opens
        values[f"{step}_due_days"] = opens + draw(st.integers(1, 14))
    zone = draw(st.sampled_from([UTC, BERLIN, NEW_YORK, TOKYO]))
    return RuleSettings(
        zone=zone,
        cadence_max=draw(st.integers(1, 3)),
        cadence_days=draw(st.integers(1, 10)),
        give_up_days=draw(st.integers(1, 60)),
        **values,
    )


@settings(max_examples=150, deadline=None)
@given(histories(), timings(), MINUTES)
def test_every_window_opens_no_later_than_it_is_due(
    app: Application, rules: RuleSettings, minutes: int
) -> None:
    window = window_at(app, BASE.add(minutes=minutes), rules)
    assert window is None or window.opens <= window.due


@settings(max_examples=150, deadline=None)
@given(histories(), timings(), MINUTES, MINUTES)
def test_a_windows_state_never_goes_back_as_time_goes_on(
    app: Application, rules: RuleSettings, first: int, later: int
) -> None:
    window = window_at(app, BASE.add(minutes=first), rules)
    if window is not None:
        early, late = sorted((BASE.add(minutes=first), BASE.add(minutes=later)))
        assert STATES.index(window.state(early)) <= STATES.index(window.state(late))


@settings(max_examples=100, deadline=None)
@given(histories(), MINUTES)
def test_an_application_in_a_closed_stage_never_has_a_window(
    app: Application, minutes: int
) -> None:
    app.stage = "Rejected"
    assert window_at(app, BASE.add(minutes=minutes)) is None


@settings(max_examples=150, deadline=None)
@given(histories(), timings(), MINUTES)
def test_sending_a_chase_when_its_window_opens_keeps_within_the_cadence(
    app: Application, rules: RuleSettings, minutes: int
) -> None:
    now = BASE.add(minutes=minutes)
    app.events = [event for event in app.events if event.at <= now]
    window = window_at(app, now, rules)
    if window is not None and window.kind.is_chase:
        app.record(FollowUp(at=window.opens, kind=window.kind))
        assert chase_count(app, window.opens, rules) <= rules.cadence_max


@settings(max_examples=100, deadline=None)
@given(
    st.integers(0, 364),
    st.integers(6, 22),
    st.sampled_from([BERLIN, NEW_YORK]),
)
def test_first_follow_up_opens_at_the_local_time_of_applying(
    day: int, hour: int, zone: pendulum.Timezone
) -> None:
    applied = pendulum.datetime(2026, 1, 1, hour, 15, tz=zone).add(days=day)
    app = Application(
        company="Acme",
        role="Engineer",
        stage="Applied",
        applied=applied.in_timezone(UTC),
        created=applied.in_timezone(UTC),
        updated=applied.in_timezone(UTC),
    )
    window = window_at(app, applied.in_timezone(UTC), RuleSettings(zone=zone))
    assert window is not None
    opens = window.opens.in_timezone(zone)
    assert (opens.hour, opens.minute) == (hour, 15)
    assert opens.date() == applied.date().add(days=7)
