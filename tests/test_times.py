"""Reading times as users type them, and storing them as UTC ISO 8601."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobtui.domain.errors import InputError
from jobtui.domain.times import (
    describe_span,
    format_local,
    from_iso,
    parse_when,
    seconds_since_epoch,
    to_iso,
)

BERLIN = pendulum.timezone("Europe/Berlin")
NEW_YORK = pendulum.timezone("America/New_York")
# Thursday 3 December 2026, 08:00 UTC = 09:00 in Berlin.
NOW = pendulum.datetime(2026, 12, 3, 8, 0, tz="UTC")


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("2026-11-03", "2026-11-03T00:00:00"),
        ("2026-11-03 14:00", "2026-11-03T14:00:00"),
        ("2026-11-03T14:00", "2026-11-03T14:00:00"),
        ("3 Nov", "2026-11-03T00:00:00"),
        ("Nov 3", "2026-11-03T00:00:00"),
        ("3 november 2025", "2025-11-03T00:00:00"),
        ("yesterday", "2026-12-02T00:00:00"),
        ("today 9:30", "2026-12-03T09:30:00"),
        ("tomorrow 14:00", "2026-12-04T14:00:00"),
        ("tomorrow 2pm", "2026-12-04T14:00:00"),
        ("tomorrow at 12am", "2026-12-04T00:00:00"),
        ("now", "2026-12-03T09:00:00"),
        ("3 days ago", "2026-11-30T09:00:00"),
        ("in 2 weeks", "2026-12-17T09:00:00"),
        ("in 5 hours", "2026-12-03T14:00:00"),
        ("monday", "2026-11-30T00:00:00"),
        ("last fri", "2026-11-27T00:00:00"),
        ("next tuesday 10am", "2026-12-08T10:00:00"),
        ("  Tomorrow   14:00 ", "2026-12-04T14:00:00"),
    ],
)
def test_typed_times_are_read_in_the_users_zone(text: str, local: str) -> None:
    moment = parse_when(text, now=NOW, zone=BERLIN)

    assert moment.timezone_name == "UTC"
    assert moment.in_timezone(BERLIN).isoformat().startswith(local)


def test_a_date_without_an_offset_is_local_not_utc() -> None:
    berlin = parse_when("2026-11-03 14:00", now=NOW, zone=BERLIN)
    new_york = parse_when("2026-11-03 14:00", now=NOW, zone=NEW_YORK)

    assert to_iso(berlin) == "2026-11-03T13:00:00Z"
    assert to_iso(new_york) == "2026-11-03T19:00:00Z"


def test_an_explicit_offset_is_honoured() -> None:
    moment = parse_when("2026-11-03T14:00+05:00", now=NOW, zone=BERLIN)

    assert to_iso(moment) == "2026-11-03T09:00:00Z"


def test_a_day_without_a_year_is_taken_nearest_to_now() -> None:
    january = parse_when("5 Jan", now=NOW, zone=BERLIN)
    june = parse_when("20 Jun", now=NOW, zone=BERLIN)

    assert january.in_timezone(BERLIN).year == 2027
    assert june.in_timezone(BERLIN).year == 2026


def test_local_midnight_across_a_dst_change_keeps_its_clock_time() -> None:
    before = parse_when("2026-03-28", now=NOW, zone=BERLIN)
    after = parse_when("2026-03-30", now=NOW, zone=BERLIN)

    assert to_iso(before) == "2026-03-27T23:00:00Z"
    assert to_iso(after) == "2026-03-29T22:00:00Z"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "a date is needed"),
        ("soon", "cannot read 'soon' as a date"),
        ("31 feb", "there is no day 31"),
        ("tomorrow 25:00", "cannot read"),
        ("13pm", "cannot read"),
        ("2026-13-01", "cannot read"),
        ("3 days", "cannot read"),
    ],
)
def test_unreadable_times_say_where_and_what(text: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_when(text, now=NOW, zone=BERLIN, where="--applied")

    assert str(raised.value).startswith("--applied: ")
    assert message in str(raised.value)


@given(
    st.datetimes(
        min_value=pendulum.datetime(1990, 1, 1).naive(),
        max_value=pendulum.datetime(2090, 1, 1).naive(),
    )
)
def test_stored_times_round_trip_exactly(moment) -> None:
    aware = pendulum.instance(moment, tz="UTC")

    assert from_iso(to_iso(aware)) == aware
    assert to_iso(aware).endswith("Z")


def test_stored_times_with_an_offset_come_back_in_utc() -> None:
    moment = from_iso("2026-11-03T14:00:00+01:00")

    assert moment.utcoffset() == pendulum.duration(0)
    assert to_iso(moment) == "2026-11-03T13:00:00Z"


def test_a_bad_stored_time_names_its_place() -> None:
    with pytest.raises(InputError, match=r"events\[0\]\.at: not an ISO 8601"):
        from_iso("yesterday", "events[0].at")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (30, "1 min"),
        (600, "10 min"),
        (5 * 3600, "5 h"),
        (86400, "1 day"),
        (9 * 86400, "9 days"),
        (30 * 86400, "4 weeks"),
    ],
)
def test_spans_are_described_in_the_largest_unit(seconds: float, text: str) -> None:
    assert describe_span(seconds) == text


SHOWN_ZONES = [
    pendulum.UTC,
    BERLIN,
    NEW_YORK,
    pendulum.timezone("Asia/Kolkata"),
    pendulum.timezone("Australia/Lord_Howe"),
    pendulum.timezone("Pacific/Chatham"),
    pendulum.FixedTimezone(-(3 * 3600 + 30 * 60)),
]


@given(
    st.datetimes(
        min_value=pendulum.datetime(1990, 1, 1).naive(),
        max_value=pendulum.datetime(2090, 1, 1).naive(),
    ),
    st.sampled_from(SHOWN_ZONES),
    st.sampled_from(SHOWN_ZONES),
)
def test_times_show_as_pendulum_formats_them(moment, stored_in, shown_in) -> None:
    aware = pendulum.instance(moment, tz="UTC").in_timezone(stored_in)
    local = aware.in_timezone(shown_in)

    assert format_local(aware, shown_in) == local.format("ddd D MMM YYYY HH:mm")
    assert format_local(aware, shown_in, time=False) == local.format("ddd D MMM YYYY")
    assert seconds_since_epoch(aware) == aware.timestamp()


def test_a_time_shows_in_the_zone_asked_for() -> None:
    assert format_local(NOW, BERLIN) == "Thu 3 Dec 2026 09:00"
    assert format_local(NOW, NEW_YORK, time=False) == "Thu 3 Dec 2026"
