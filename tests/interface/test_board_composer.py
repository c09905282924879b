"""The board's way into the composer: a key or a click on a card's follow-up."""

from __future__ import annotations

import pytest

from jobtui.domain.model import FollowUp, Kind
from jobtui.domain.settings import Settings
from jobtui.domain.store import Store
from jobtui.interface.app import JobtuiApp
from jobtui.interface.board.column import FOLLOW_UP_ROWS
from jobtui.interface.screens.composer import ComposerScreen
from tests.interface.board_support import (
    SIZE,
    board_app,
    board_of,
    column,
    focused_company,
)


@pytest.fixture
def app(store: Store) -> JobtuiApp:
    """The board over the demo, at the frozen time, for a user who signs notes."""
    return board_app(store, settings=Settings(timezone="UTC", your_name="Sam Rivera"))


def _app_id(app: JobtuiApp, company: str) -> str:
    return next(
        application.id
        for application in app.workspace.applications()
        if application.company == company
    )


async def test_w_opens_the_composer_on_the_note_the_card_is_due(
    app: JobtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.go_to_application(_app_id(app, "Kestrel Security"))
        await pilot.pause()
        assert focused_company(app) == "Kestrel Security"

        await pilot.press("w")
        await pilot.pause()

        assert isinstance(app.screen, ComposerScreen)
        assert app.screen.composition.kind is Kind.THANK_YOU


async def test_marking_the_note_sent_updates_the_card_and_the_history(
    app: JobtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app_id = _app_id(app, "Kestrel Security")
        app.go_to_application(app_id)
        await pilot.pause()
        before = board_of(app).model.cards[app_id].window
        await pilot.press("w")
        await pilot.pause()

        await pilot.press("ctrl+s")
        await pilot.pause()

        assert not isinstance(app.screen, ComposerScreen)
        sent = app.workspace.get(app_id).events_of(FollowUp)
        assert sent and sent[-1].kind is Kind.THANK_YOU
        after = board_of(app).model.cards[app_id].window
        assert before is not None and before.kind is Kind.THANK_YOU
        assert after is not None and after.kind is Kind.FOLLOWUP


async def test_a_click_on_a_due_follow_up_line_opens_the_composer(
    app: JobtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        cards = column(app, "Phone Screen").list
        first = board_of(app).model.card_at(cards.cards, 0)
        assert first is not None and first.urgency.is_due

        await pilot.click(cards, offset=(4, FOLLOW_UP_ROWS[0]))
        await pilot.pause()

        assert isinstance(app.screen, ComposerScreen)
        assert app.screen.composition.application.id == first.app_id
