"""The demo data shows every kind and state of follow-up whenever it is run."""

from __future__ import annotations

import pendulum
import pytest

from jobtui.domain.calendar import BusinessCalendar
from jobtui.domain.demo import demo_applications
from jobtui.domain.model import Kind, StageSet
from jobtui.domain.rules import RuleSettings, next_window
from jobtui.domain.stats import compute_stats

MOMENTS = [
    pendulum.datetime(2026, 12, 3, 9, 0, tz="UTC"),  # a Thursday morning
    pendulum.datetime(2026, 12, 5, 22, 30, tz="UTC"),  # a Saturday night
    pendulum.datetime(2027, 3, 29, 7, 0, tz="UTC"),  # a Monday after a DST change
    pendulum.datetime(2027, 8, 15, 13, 0, tz="UTC"),  # a Sunday in summer
]


@pytest.mark.parametrize("now", MOMENTS, ids=lambda moment: moment.isoformat())
def test_the_demo_shows_every_kind_and_state_at_any_time(now) -> None:
    stages = StageSet()
    applications = demo_applications(now)

    windows = [
        next_window(
            application,
            now,
            stages=stages,
            settings=RuleSettings(),
            calendar=BusinessCalendar(),
        )
        for application in applications
    ]

    assert 20 <= len(applications) <= 30
    assert {window.kind for window in windows if window} == set(Kind)
    assert {window.state(now) for window in windows if window} == {
        "waiting",
        "open",
        "overdue",
    }
    assert {application.stage for application in applications} == set(stages.names)
    assert any(window is None for window in windows)


@pytest.mark.parametrize("now", MOMENTS, ids=lambda moment: moment.isoformat())
def test_the_demo_has_chases_the_employer_answered_within_days(now) -> None:
    figures = compute_stats(
        demo_applications(now), StageSet(), now=now, zone=pendulum.UTC
    )

    # Stratus Kitchens and Pelican Insurance answered a check-in two days on.
    assert (figures.answered.part, figures.chased.part) == (2, 2)
    assert figures.chased.whole > figures.chased.part


def test_demo_events_are_in_time_order_and_nothing_is_in_the_future_but_interviews():
    now = MOMENTS[0]

    for application in demo_applications(now):
        times = [event.at for event in application.events]
        assert times == sorted(times)
        future = [event for event in application.events if event.at > now]
        assert all(type(event).__name__ == "Interview" for event in future)
