"""The detail view shows everything about an application and hands back what is next."""

from __future__ import annotations

import pendulum
import pytest
from textual.widgets import Static

from jobtui.domain.calendar import BusinessCalendar
from jobtui.domain.demo import demo_applications
from jobtui.domain.model import Application, StageSet
from jobtui.domain.rules import RuleSettings, Window, next_window
from jobtui.interface.screens.detail import DetailScreen
from tests.interface.screen_host import ScreenHost, text

BERLIN = pendulum.timezone("Europe/Berlin")
# Thursday 3 December 2026, 09:00 UTC = 10:00 in Berlin.
FROZEN_NOW = pendulum.datetime(2026, 12, 3, 9, 0, tz="UTC")
SIZE = (100, 34)


def demo(company: str) -> Application:
    applications = demo_applications(FROZEN_NOW)
    return next(a for a in applications if a.company == company)


def window_of(application: Application) -> Window | None:
    return next_window(
        application,
        FROZEN_NOW,
        stages=StageSet(),
        settings=RuleSettings(zone=BERLIN),
        calendar=BusinessCalendar(),
    )


def showing(company: str, *, window: bool = True) -> ScreenHost:
    application = demo(company)
    shown = window_of(application) if window else None
    return ScreenHost(
        lambda: DetailScreen(application, shown, now=FROZEN_NOW, zone=BERLIN)
    )


def section(app: ScreenHost, id: str) -> list[str]:
    """The texts shown in one section, in order (a table reads row by row)."""
    found = app.screen.query_one(f"#{id}")
    if isinstance(found, Static):
        return text(found).splitlines()
    return [text(cell) for cell in found.query(Static)]


async def test_every_field_of_the_application_is_shown() -> None:
    app = showing("Kestrel Security")
    async with app.run_test(size=SIZE):
        fields = section(app, "detail-fields")
        title = app.screen.query_one("#detail").border_title

    assert title == "Kestrel Security — Security Engineer"
    pairs = dict(zip(fields[::2], fields[1::2], strict=True))
    assert pairs == {
        "Company": "Kestrel Security",
        "Role": "Security Engineer",
        "Stage": "Interviewing",
        "Applied": "Tue 3 Nov 2026 10:00 (4 weeks ago)",
        "Posting": "https://jobs.kestrel.example/security-engineer",
        "Location": "Munich",
        "Salary": "€90k",
        "Source": "Referral",
        "Tags": "security",
        "Notes": "—",
    }


async def test_the_summary_says_how_long_in_the_stage_and_since_what_happened() -> None:
    interviewing = showing("Kestrel Security")
    async with interviewing.run_test(size=SIZE):
        kestrel = section(interviewing, "detail-summary")
    just_applied = showing("Harbor Logistics")
    async with just_applied.run_test(size=SIZE):
        harbor = section(just_applied, "detail-summary")

    assert kestrel == [
        "In Interviewing for 12 days · applied 4 weeks ago · last activity 4 h ago"
    ]
    assert harbor == ["In Applied for 2 weeks · last activity 2 weeks ago"]


async def test_contacts_and_interviews_with_what_was_discussed_are_shown() -> None:
    app = showing("Kestrel Security")
    async with app.run_test(size=SIZE):
        contacts = section(app, "detail-contacts")
        interviews = section(app, "detail-interviews")

    assert contacts == ["Felix Braun", "Security Lead · felix@kestrel.example"]
    assert interviews[:2] == ["Thu 3 Dec 2026 06:24", "180 min with Felix Braun"]
    assert interviews[2] == "discussed"
    assert interviews[3].startswith("Onsite with Felix and two engineers")
    assert interviews[4:] == ["decision by", "—"]


async def test_the_decision_date_an_interviewer_gave_is_shown() -> None:
    app = showing("Ironwood Data")
    async with app.run_test(size=SIZE):
        interviews = section(app, "detail-interviews")

    assert interviews[-2:] == ["decision by", "Tue 1 Dec 2026"]


async def test_an_offer_shows_when_it_came_its_deadline_and_details() -> None:
    app = showing("Alder Climate")
    async with app.run_test(size=SIZE):
        offers = section(app, "detail-offers")

    assert offers == [
        "Received",
        "Thu 3 Dec 2026 07:36",
        "Deadline",
        "Thu 10 Dec 2026 07:36 (in 7 days)",
        "Details",
        "€82k, 25 days' leave, start in February.",
    ]


async def test_the_next_follow_up_says_what_when_and_why() -> None:
    app = showing("Kestrel Security")
    async with app.run_test(size=SIZE):
        lines = section(app, "detail-window")

    assert lines == [
        "thank-you due in 23 h  (open now)",
        "Your interview with Felix Braun ended 36 min ago; "
        "a thank-you is usual within 24 hours.",
        "opens Thu 3 Dec 2026 09:24 · due Fri 4 Dec 2026 09:24",
    ]


async def test_without_a_window_the_view_says_nothing_is_expected() -> None:
    app = showing("Granite Cloud", window=False)
    async with app.run_test(size=SIZE):
        lines = section(app, "detail-window")

    assert lines == ["No follow-up is expected now."]


async def test_the_history_is_in_time_order_with_the_time_in_each_stage() -> None:
    app = showing("Kestrel Security")
    async with app.run_test(size=SIZE):
        history = section(app, "detail-history")
        stage_times = section(app, "detail-stage-times")

    assert stage_times == [
        "Time in each stage: Applied 10 days → Phone Screen 8 days → "
        "Interviewing 12 days so far"
    ]
    assert history == [
        "Tue 3 Nov 2026 10:00",
        "added in Applied · 10 days there",
        "Fri 13 Nov 2026 10:00",
        "moved from Applied to Phone Screen · 8 days there",
        "Sat 21 Nov 2026 10:00",
        "moved from Phone Screen to Interviewing · 12 days there so far",
        "Thu 3 Dec 2026 06:24",
        "interview with Felix Braun (180 min) · discussed: Onsite with Felix and"
        " two engineers: their threat-modelling…",
    ]


@pytest.mark.parametrize(
    ("key", "result"),
    [
        ("escape", None),
        ("e", "edit"),
        ("i", "interview"),
        ("r", "reply"),
        ("o", "offer"),
        ("d", "delete"),
        ("m", "move"),
    ],
)
async def test_each_key_hands_back_what_the_user_asked_for(key, result) -> None:
    app = showing("Kestrel Security")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()

    assert app.dismissed
    assert app.result == result


async def test_the_view_scrolls_to_the_end_of_a_long_history() -> None:
    app = showing("Alder Climate")
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one("#detail")
        assert panel.max_scroll_y > 0

        await pilot.press("end")
        await pilot.pause()

        assert panel.scroll_y == panel.max_scroll_y


def test_snapshot_of_the_detail_view(snap_compare) -> None:
    assert snap_compare(showing("Kestrel Security"), terminal_size=SIZE)


def test_snapshot_of_the_detail_view_scrolled_to_its_history(snap_compare) -> None:
    assert snap_compare(showing("Alder Climate"), press=["end"], terminal_size=SIZE)
