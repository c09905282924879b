"""Business days, public holidays and local days."""

from __future__ import annotations

import subprocess
import sys

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobtui.domain.calendar import (
    BusinessCalendar,
    add_local_days,
    end_of_local_day,
    start_of_local_day,
)
from jobtui.domain.errors import InputError

BERLIN = pendulum.timezone("Europe/Berlin")
THANKSGIVING = pendulum.date(2026, 11, 26)


def test_weekends_are_not_business_days_without_a_country() -> None:
    calendar = BusinessCalendar()
    week = [pendulum.date(2026, 11, 23).add(days=offset) for offset in range(7)]
    assert [calendar.is_business_day(day) for day in week] == [True] * 5 + [False] * 2


def test_holidays_count_as_business_days_without_a_country() -> None:
    assert BusinessCalendar().is_business_day(THANKSGIVING)


def test_a_public_holiday_is_not_a_business_day() -> None:
    assert not BusinessCalendar("US").is_business_day(THANKSGIVING)


def test_next_business_day_skips_the_weekend() -> None:
    friday = pendulum.date(2026, 11, 20)
    assert BusinessCalendar().next_business_day(friday) == pendulum.date(2026, 11, 23)


def test_next_business_day_skips_thanksgiving() -> None:
    wednesday = pendulum.date(2026, 11, 25)
    assert BusinessCalendar("US").next_business_day(wednesday) == pendulum.date(
        2026, 11, 27
    )


def test_business_days_skip_good_friday_and_easter_monday_in_germany() -> None:
    thursday = pendulum.date(2026, 4, 2)
    assert BusinessCalendar("DE").add_business_days(thursday, 1) == pendulum.date(
        2026, 4, 7
    )


def test_a_subdivision_adds_its_own_holidays() -> None:
    epiphany = pendulum.date(2026, 1, 6)
    assert BusinessCalendar("DE").is_business_day(epiphany)
    assert not BusinessCalendar("DE", "BY").is_business_day(epiphany)


def test_a_country_with_a_friday_and_saturday_weekend_works_on_sunday() -> None:
    calendar = BusinessCalendar("IL")
    assert not calendar.is_business_day(pendulum.date(2026, 11, 20))
    assert calendar.is_business_day(pendulum.date(2026, 11, 22))


def test_adding_zero_business_days_gives_the_same_day() -> None:
    saturday = pendulum.date(2026, 11, 21)
    assert BusinessCalendar().add_business_days(saturday, 0) == saturday


def test_negative_business_days_count_back() -> None:
    monday = pendulum.date(2026, 11, 30)
    assert BusinessCalendar("US").add_business_days(monday, -2) == pendulum.date(
        2026, 11, 25
    )


def test_codes_are_read_in_any_case_and_by_subdivision_name() -> None:
    calendar = BusinessCalendar("de", "bayern")
    assert not calendar.is_business_day(pendulum.date(2026, 1, 6))
    assert (calendar.country, calendar.subdivision) == ("DE", "BY")


@pytest.mark.parametrize(
    ("country", "subdivision", "where"),
    [
        ("XX", None, "country"),
        ("US", "ZZ", "subdivision"),
    ],
)
def test_an_unknown_code_is_refused_naming_the_setting(
    country: str, subdivision: str | None, where: str
) -> None:
    calendar = BusinessCalendar(country, subdivision)
    with pytest.raises(InputError) as caught:
        calendar.is_business_day(THANKSGIVING)
    assert caught.value.where == where


def test_check_reports_an_unknown_country_before_any_day_is_asked() -> None:
    with pytest.raises(InputError, match="no public holidays are known for 'QQ'"):
        BusinessCalendar("QQ").check()


@pytest.mark.parametrize(
    ("country", "subdivision", "where"),
    [
        ("Germany", None, "country"),
        ("D1", None, "country"),
        (None, "BY", "subdivision"),
    ],
)
def test_a_malformed_setting_is_refused_at_once(
    country: str | None, subdivision: str | None, where: str
) -> None:
    with pytest.raises(InputError) as caught:
        BusinessCalendar(country, subdivision)
    assert caught.value.where == where


def test_each_years_holidays_are_looked_up_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import holidays

    lookups: list[object] = []
    original = holidays.country_holidays

    def counting(*args: object, **kwargs: object) -> object:
        lookups.append(kwargs.get("years"))
        return original(*args, **kwargs)

    monkeypatch.setattr(holidays, "country_holidays", counting)
    calendar = BusinessCalendar("US")
    for offset in range(90):
        calendar.is_business_day(pendulum.date(2026, 11, 1).add(days=offset))
    assert [years for years in lookups if years] == [2026, 2027]


def test_holidays_are_not_imported_until_a_holiday_is_needed() -> None:
    script = (
        "import sys, pendulum\n"
        "from jobtui.domain.calendar import BusinessCalendar\n"
        "calendar = BusinessCalendar('US')\n"
        "BusinessCalendar().next_business_day(pendulum.date(2026, 11, 25))\n"
        "print('holidays' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_local_week_keeps_the_clock_time_across_a_dst_change() -> None:
    before = pendulum.datetime(2026, 3, 25, 9, tz=BERLIN)
    after = add_local_days(before, 7, BERLIN)
    assert after.in_timezone(BERLIN).format("YYYY-MM-DD HH:mm") == "2026-04-01 09:00"
    assert after.timezone_name == "UTC"


def test_a_local_day_starts_and_ends_in_the_users_zone() -> None:
    day = pendulum.date(2026, 3, 29)
    assert start_of_local_day(day, BERLIN) == pendulum.datetime(
        2026, 3, 28, 23, tz="UTC"
    )
    assert end_of_local_day(day, BERLIN) == pendulum.datetime(
        2026, 3, 29, 21, 59, 59, tz="UTC"
    )


@settings(max_examples=60, deadline=None)
@given(
    st.dates(
        min_value=pendulum.date(2025, 1, 1), max_value=pendulum.date(2028, 12, 31)
    ),
    st.integers(1, 25),
    st.sampled_from([None, "US", "DE", "GB"]),
)
def test_adding_business_days_passes_exactly_that_many(
    start: object, count: int, country: str | None
) -> None:
    calendar = BusinessCalendar(country)
    day = pendulum.date(start.year, start.month, start.day)  # type: ignore[attr-defined]
    result = calendar.add_business_days(day, count)
    passed = [day.add(days=offset) for offset in range(1, (result - day).days + 1)]
    assert calendar.is_business_day(result)
    assert sum(calendar.is_business_day(each) for each in passed) == count
