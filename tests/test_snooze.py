"""Snoozing a window and marking one handled: the rules, the helper, and storage."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from pendulum import DateTime

from jobtui.domain.calendar import BusinessCalendar
from jobtui.domain.codec import application_from_dict, application_to_dict
from jobtui.domain.errors import InputError
from jobtui.domain.exporting import export_json
from jobtui.domain.importing import read_import
from jobtui.domain.model import (
    Application,
    Event,
    FollowUp,
    Handled,
    Interview,
    Kind,
    Reply,
    Snoozed,
    StageSet,
)
from jobtui.domain.rules import (
    OPEN,
    WAITING,
    RuleSettings,
    Window,
    chase_count,
    next_window,
)
from jobtui.domain.snooze import describe_snooze, parse_snooze, snooze_until
from jobtui.domain.storage.fastread import _decode_canonical

UTC = pendulum.timezone("UTC")
BERLIN = pendulum.timezone("Europe/Berlin")
STAGES = StageSet()
WEEKENDS = BusinessCalendar()
SETTINGS = RuleSettings(zone=BERLIN)
SECOND = pendulum.duration(seconds=1)


def at(text: str) -> DateTime:
    """A Berlin time as the model keeps it: in UTC."""
    return pendulum.parse(text, tz=BERLIN).in_timezone(UTC)


def application(*events: Event) -> Application:
    """An application made on Monday 2 March 2026 at 09:00 Berlin time."""
    made = at("2026-03-02 09:00")
    return Application(
        id="a1",
        company="Acme",
        role="Engineer",
        stage="Applied",
        applied=made,
        created=made,
        updated=made,
        events=list(events),
    )


def window(app: Application, now: DateTime) -> Window | None:
    return next_window(app, now, stages=STAGES, settings=SETTINGS, calendar=WEEKENDS)


def snoozed(made: str, until: str, kind: Kind = Kind.FOLLOWUP) -> Snoozed:
    return Snoozed(at=at(made), kind=kind, until=at(until), reason="busy week")


def test_without_a_snooze_the_first_follow_up_opens_a_week_after_applying() -> None:
    found = window(application(), at("2026-03-10 10:00"))

    assert found is not None
    assert (found.kind, found.opens, found.due) == (
        Kind.FOLLOWUP,
        at("2026-03-09 09:00"),
        at("2026-03-16 09:00"),
    )
    assert found.snoozed_until is None


def test_a_snooze_pushes_the_window_open_to_its_end_and_the_due_by_as_much() -> None:
    app = application(snoozed("2026-03-10 10:00", "2026-03-13 09:00"))

    found = window(app, at("2026-03-11 12:00"))

    assert found is not None
    assert found.opens == at("2026-03-13 09:00")
    assert found.due == at("2026-03-20 09:00")
    assert found.snoozed_until == at("2026-03-13 09:00")
    assert found.reason.endswith("; snoozed until Fri 13 Mar 2026.")
    assert found.state(at("2026-03-11 12:00")) == WAITING


def test_a_snoozed_window_opens_again_exactly_when_the_snooze_ends() -> None:
    app = application(snoozed("2026-03-10 10:00", "2026-03-13 09:00"))
    ends = at("2026-03-13 09:00")

    before = window(app, ends - SECOND)
    after = window(app, ends)

    assert before is not None and before.state(ends - SECOND) == WAITING
    assert after is not None and after.state(ends) == OPEN


def test_a_snooze_counts_only_from_the_time_it_was_made() -> None:
    app = application(snoozed("2026-03-10 10:00", "2026-03-13 09:00"))

    found = window(app, at("2026-03-10 09:59"))

    assert found is not None and found.opens == at("2026-03-09 09:00")


def test_a_snooze_of_another_kind_leaves_the_window_alone() -> None:
    app = application(snoozed("2026-03-10 10:00", "2026-03-13 09:00", Kind.THANK_YOU))

    found = window(app, at("2026-03-11 12:00"))

    assert found is not None and found.opens == at("2026-03-09 09:00")


def test_a_snooze_made_before_the_chase_restarted_no_longer_counts() -> None:
    app = application(
        snoozed("2026-03-10 10:00", "2026-03-13 09:00"),
        Reply(at=at("2026-03-11 10:00")),
    )

    found = window(app, at("2026-03-19 12:00"))

    assert found is not None
    assert found.opens == at("2026-03-18 10:00")
    assert found.snoozed_until is None


def test_a_snooze_ending_before_the_window_opens_changes_nothing() -> None:
    app = application(snoozed("2026-03-03 10:00", "2026-03-05 09:00"))

    found = window(app, at("2026-03-10 12:00"))

    assert found is not None and found.opens == at("2026-03-09 09:00")


def test_a_handled_follow_up_moves_the_chase_on_without_counting_as_sent() -> None:
    done = Handled(at=at("2026-03-10 10:00"), kind=Kind.FOLLOWUP, reason="phoned")
    app = application(done)

    found = window(app, at("2026-03-18 12:00"))

    assert found is not None
    assert found.kind is Kind.SECOND_FOLLOWUP
    assert found.opens == at("2026-03-17 10:00")
    assert chase_count(app, at("2026-03-18 12:00"), SETTINGS) == 0


def test_a_handled_event_of_a_later_step_does_not_skip_the_one_due() -> None:
    done = Handled(at=at("2026-03-10 10:00"), kind=Kind.FINAL_CHECKIN, reason="x")

    found = window(application(done), at("2026-03-11 12:00"))

    assert found is not None and found.kind is Kind.FOLLOWUP


def test_a_handled_thank_you_counts_as_sent() -> None:
    interview = Interview(at=at("2026-03-05 10:00"), duration_minutes=60)
    done = Handled(at=at("2026-03-05 12:00"), kind=Kind.THANK_YOU, reason="in person")
    app = application(interview, done)

    found = window(app, at("2026-03-05 13:00"))

    assert found is not None and found.kind is not Kind.THANK_YOU


def test_a_handled_move_on_means_nothing_more_until_the_next_restart() -> None:
    sends = [
        FollowUp(at=at(day), kind=kind)
        for day, kind in [
            ("2026-03-09 10:00", Kind.FOLLOWUP),
            ("2026-03-16 10:00", Kind.SECOND_FOLLOWUP),
            ("2026-03-30 10:00", Kind.FINAL_CHECKIN),
        ]
    ]
    now = at("2026-04-08 10:00")
    unhandled = window(application(*sends), now)
    done = Handled(at=at("2026-04-07 10:00"), kind=Kind.MOVE_ON, reason="still keen")

    assert unhandled is not None and unhandled.kind is Kind.MOVE_ON
    assert window(application(*sends, done), now) is None
    restarted = application(*sends, done, Reply(at=at("2026-04-08 09:00")))
    assert window(restarted, at("2026-04-16 10:00")) is not None


def test_a_snooze_of_days_ends_at_nine_local_that_many_days_on() -> None:
    friday_night = at("2026-12-04 23:30")

    until = snooze_until(friday_night, 1, "days", BERLIN, WEEKENDS)

    assert until == at("2026-12-05 09:00")


def test_a_snooze_of_business_days_skips_the_weekend() -> None:
    friday_night = at("2026-12-04 23:30")

    until = snooze_until(friday_night, 1, "business_days", BERLIN, WEEKENDS)

    assert until == at("2026-12-07 09:00")


def test_a_snooze_across_a_clock_change_still_ends_at_nine_local() -> None:
    until = snooze_until(at("2026-03-27 12:00"), 3, "days", BERLIN, WEEKENDS)

    assert until == at("2026-03-30 09:00")
    assert until.in_timezone(BERLIN).hour == 9


@pytest.mark.parametrize("amount", [0, -1, 366])
def test_a_snooze_needs_one_day_to_a_year(amount: int) -> None:
    with pytest.raises(InputError):
        snooze_until(at("2026-03-27 12:00"), amount, "days", BERLIN, WEEKENDS)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("3", (3, "days")), ("3d", (3, "days")), (" 2B ", (2, "business_days"))],
)
def test_a_typed_snooze_reads_days_or_business_days(
    text: str, parsed: tuple[int, str]
) -> None:
    assert parse_snooze(text) == parsed


@pytest.mark.parametrize("text", ["", "x", "3w", "0", "-2"])
def test_a_typed_snooze_that_is_not_a_number_of_days_is_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_snooze(text)


def test_a_snooze_is_described_in_words() -> None:
    assert describe_snooze(1, "days") == "1 day"
    assert describe_snooze(2, "business_days") == "2 business days"


def both_new_events() -> Application:
    return application(
        snoozed("2026-03-10 10:00", "2026-03-13 09:00"),
        Handled(at=at("2026-03-14 10:00"), kind=Kind.FOLLOWUP, reason="phoned"),
        Snoozed(at=at("2026-03-15 10:00"), kind=Kind.MOVE_ON, until=at("2026-04-01")),
    )


def test_snoozed_and_handled_events_survive_the_codec() -> None:
    data = application_to_dict(both_new_events())

    assert data["events"][0] == {
        "kind": "snooze",
        "at": "2026-03-10T09:00:00Z",
        "type": "followup",
        "until": "2026-03-13T08:00:00Z",
        "reason": "busy week",
    }
    assert data["events"][1]["kind"] == "handled"
    assert application_from_dict(data, where="a", now=at("2026-05-01")) == (
        both_new_events()
    )


def test_the_fast_reader_reads_the_new_events_as_the_codec_does() -> None:
    data = application_to_dict(both_new_events())

    fast = _decode_canonical(data, {})

    assert fast == application_from_dict(data, where="a", now=at("2026-05-01"))


@pytest.mark.parametrize(
    ("event", "problem"),
    [
        (
            {"kind": "handled", "at": "2026-03-10T09:00:00Z", "type": "followup"},
            "reason",
        ),
        ({"kind": "snooze", "at": "2026-03-10T09:00:00Z", "type": "x"}, "until"),
        (
            {
                "kind": "snooze",
                "at": "2026-03-10T09:00:00Z",
                "type": "x",
                "until": "2026-03-11T09:00:00Z",
            },
            "type",
        ),
    ],
)
def test_a_bad_new_event_is_named_by_its_field(event: dict, problem: str) -> None:
    data = application_to_dict(application())
    data["events"] = [event]

    with pytest.raises(InputError) as caught:
        application_from_dict(data, where="a", now=at("2026-05-01"))

    assert problem in str(caught.value)


def test_the_new_events_round_trip_through_a_json_export(tmp_path: Path) -> None:
    path = tmp_path / "apps.json"
    path.write_text(export_json([both_new_events()]), encoding="utf-8")

    result = read_import(path, stages=STAGES, now=at("2026-05-01"), zone=BERLIN)

    assert result.applications == [both_new_events()]
