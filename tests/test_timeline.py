"""The timeline puts an application's events in order, with stage times and silences."""

from __future__ import annotations

import pendulum
from pendulum import DateTime

from jobtui.domain.model import (
    Application,
    Event,
    FollowUp,
    Interview,
    Kind,
    Offer,
    Reply,
    StageChange,
)
from jobtui.domain.timeline import SILENCE_DAYS, TimelineEntry, timeline

UTC = pendulum.UTC
BERLIN = pendulum.timezone("Europe/Berlin")
# Monday 2 November 2026, 09:00 UTC.
APPLIED = pendulum.datetime(2026, 11, 2, 9, tz="UTC")


def day(days: float) -> DateTime:
    """A time some days after applying."""
    return APPLIED.add(minutes=round(days * 24 * 60))


def applied(*events: Event, stage: str | None = None) -> Application:
    """An application made at APPLIED, with the events given after it."""
    first = StageChange(at=APPLIED, from_stage=None, to_stage="Applied")
    moves = [event for event in events if isinstance(event, StageChange)]
    return Application(
        company="Alder Climate",
        role="Backend Engineer",
        stage=stage or (moves[-1].to_stage if moves else "Applied"),
        applied=APPLIED,
        events=[first, *events],
        created=APPLIED,
        updated=APPLIED,
    )


def kinds(entries: list[TimelineEntry]) -> list[str]:
    return [entry.kind for entry in entries]


def gaps(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    return [entry for entry in entries if entry.kind == "gap"]


def test_entries_come_in_time_order_whatever_order_they_were_recorded() -> None:
    application = applied(
        Reply(at=day(3), summary="Thanks, we will be in touch."),
        FollowUp(at=day(2), text="Checking in."),
    )

    entries = timeline(application, day(4), UTC)

    assert kinds(entries) == ["stage", "sent", "reply"]
    assert [entry.at for entry in entries] == sorted(entry.at for entry in entries)
    assert entries[1].title == "follow-up sent"
    assert entries[1].detail == "email · Checking in."
    assert entries[2].detail == "Thanks, we will be in touch."


def test_each_stage_shows_the_time_spent_in_it_and_the_current_one_so_far() -> None:
    application = applied(
        Reply(at=day(1)),
        StageChange(at=day(5), from_stage="Applied", to_stage="Phone Screen"),
    )

    stages = [e for e in timeline(application, day(8), UTC) if e.kind == "stage"]

    assert [(e.title, e.in_stage) for e in stages] == [
        ("Applied", "5 days"),
        ("Phone Screen", "3 days so far"),
    ]


def test_a_silence_of_exactly_the_threshold_is_a_gap() -> None:
    application = applied(Reply(at=day(SILENCE_DAYS), summary="Let's talk."))

    entries = timeline(application, day(20), UTC)

    assert kinds(entries) == ["stage", "gap", "reply"]
    gap = entries[1]
    assert gap.title == "no reply for 7 days"
    assert gap.since == APPLIED
    assert gap.at == day(SILENCE_DAYS)
    assert gap.detail == "since applying on Mon 2 Nov 2026"


def test_a_silence_a_minute_short_of_the_threshold_is_no_gap() -> None:
    application = applied(Reply(at=day(SILENCE_DAYS).subtract(minutes=1)))

    assert gaps(timeline(application, day(20), UTC)) == []


def test_an_application_still_silent_now_ends_with_a_gap_to_now() -> None:
    application = applied(FollowUp(at=day(10), text="Any news?"))

    entries = timeline(application, day(18), UTC)

    assert kinds(entries) == ["stage", "sent", "gap"]
    assert entries[-1].title == "no reply for 18 days"
    assert entries[-1].at == day(18)
    assert entries[-1].since == APPLIED


def test_a_follow_up_after_a_reply_starts_a_new_wait() -> None:
    application = applied(
        Reply(at=day(2)),
        FollowUp(at=day(5), text="Any news?"),
    )

    entries = timeline(application, day(14), UTC)

    assert gaps(entries)[0].title == "no reply for 9 days"
    assert gaps(entries)[0].detail == "since the follow-up on Sat 7 Nov 2026"


def test_a_closed_application_waits_for_nothing() -> None:
    application = applied(
        StageChange(at=day(3), from_stage="Applied", to_stage="Rejected"),
        FollowUp(at=day(4), kind=Kind.FOLLOWUP, text="Thanks anyway."),
    )

    assert gaps(timeline(application, day(40), UTC)) == []


def test_a_move_of_stage_ends_a_silence() -> None:
    application = applied(
        StageChange(at=day(12), from_stage="Applied", to_stage="Phone Screen"),
    )

    entries = timeline(application, day(13), UTC)

    assert kinds(entries) == ["stage", "gap", "stage"]
    assert entries[1].title == "no reply for 12 days"


def test_silence_after_an_interview_runs_from_its_end() -> None:
    interview = Interview(at=day(1), duration_minutes=60, with_whom="Freja Holm")
    application = applied(
        Reply(at=day(0.5)),
        interview,
        FollowUp(at=day(1.1), kind=Kind.THANK_YOU),
    )

    entries = timeline(application, day(1).add(hours=1, days=8), UTC)

    assert kinds(entries) == ["stage", "reply", "interview", "sent", "gap"]
    assert entries[2].title == "interview (60 min)"
    assert entries[2].detail == "with Freja Holm"
    assert entries[-1].since == interview.ends
    assert entries[-1].title == "no reply for 8 days"


def test_an_offer_ends_the_wait_and_shows_its_deadline_in_local_time() -> None:
    offer = Offer(at=day(9), deadline=day(16), details="€82k")
    application = applied(offer)

    entries = timeline(application, day(30), BERLIN)

    assert kinds(entries) == ["stage", "gap", "offer"]
    assert entries[-1].title == "offer"
    assert entries[-1].detail == "€82k · answer by Wed 18 Nov 2026 10:00"


def test_an_interview_still_to_come_is_marked_upcoming() -> None:
    application = applied(Reply(at=day(1)), Interview(at=day(6)))

    entries = timeline(application, day(3), UTC)

    assert [entry.upcoming for entry in entries] == [False, False, True]
    assert gaps(entries) == []
