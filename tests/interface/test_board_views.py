"""The board's ways into Today, a card's timeline and the numbers."""

from __future__ import annotations

from jobtui.domain.model import Snoozed
from jobtui.interface.app import JobtuiApp
from jobtui.interface.screens.detail import DetailScreen
from jobtui.interface.screens.stats import StatsScreen
from jobtui.interface.screens.timeline import TimelineScreen
from jobtui.interface.screens.today import TodayScreen
from tests.interface.board_support import (
    SIZE,
    board_of,
    focused_company,
)


async def test_t_opens_today_and_escape_comes_back_to_the_board(
    app: JobtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.board_screen


async def test_a_snooze_made_in_today_shows_on_the_board_after(
    app: JobtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("s", "3", "enter")
        await pilot.pause()
        snoozed = [
            application
            for application in app.workspace.applications()
            if application.events_of(Snoozed)
        ]
        assert len(snoozed) == 1

        await pilot.press("escape")
        await pilot.pause()

        card = board_of(app).model.cards[snoozed[0].id]
        assert card.window is not None
        assert card.window.snoozed_until is not None
        assert not card.urgency.is_due


async def test_shift_t_opens_the_focused_cards_timeline(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        company = focused_company(app)

        await pilot.press("T")
        await pilot.pause()

        assert isinstance(app.screen, TimelineScreen)
        assert company is not None and company in app.screen.application.company


async def test_t_in_the_detail_view_opens_the_timeline(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)

        await pilot.press("t")
        await pilot.pause()

        assert isinstance(app.screen, TimelineScreen)


async def test_shift_s_opens_the_numbers(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()

        assert isinstance(app.screen, StatsScreen)
