"""The board driven by the mouse: clicks focus and open, a drag moves a card."""

from __future__ import annotations

from jobtui.domain.store import Store
from jobtui.interface.app import JobtuiApp
from jobtui.interface.board.column import CARD_HEIGHT, CardList
from jobtui.interface.screens.detail import DetailScreen
from tests.interface.board_support import (
    SIZE,
    card_offset,
    column,
    companies,
    focused_company,
    stage_on_disk,
)


def cards_of(app: JobtuiApp, stage: str) -> CardList:
    return column(app, stage).list


async def test_a_click_focuses_the_card(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click(cards_of(app, "Phone Screen"), offset=card_offset(1))
        assert focused_company(app) == "Orchard Pay"
        assert not isinstance(app.screen, DetailScreen)


async def test_a_double_click_opens_the_card(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.double_click(cards_of(app, "Phone Screen"), offset=card_offset(1))
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert "Orchard Pay" in str(app.screen.query_one("#detail").border_title)


async def test_dragging_a_card_onto_another_column_moves_it(
    app: JobtuiApp, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        source, target = cards_of(app, "Applied"), cards_of(app, "Phone Screen")
        await pilot.mouse_down(source, offset=card_offset(3))
        await pilot.hover(source, offset=(6, 20))
        await pilot.hover(target, offset=card_offset(0))

        assert column(app, "Phone Screen").marked("-drop-target")
        assert target.drop_index is not None
        assert source.dragged is not None
        assert app.screen.get_selected_text() is None

        await pilot.mouse_up(target, offset=card_offset(0))
        await pilot.pause()

        assert "Bluefin Robotics" in companies(app, "Phone Screen")
        assert "Bluefin Robotics" not in companies(app, "Applied")
        assert not column(app, "Phone Screen").marked("-drop-target")
        assert target.drop_index is None and source.dragged is None
        app.workspace.flush()
        assert stage_on_disk(store, "Bluefin Robotics") == "Phone Screen"
        assert app.workspace.can_undo


async def test_the_drop_marker_shows_where_the_card_will_land(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        source, target = cards_of(app, "Applied"), cards_of(app, "Phone Screen")
        await pilot.mouse_down(source, offset=card_offset(0))  # overdue Harbor
        await pilot.hover(target, offset=card_offset(2))
        # A move forward restarts the chase, so Harbor would wait: it goes last.
        assert target.drop_index == 4
        marker = target.render_line(4 * CARD_HEIGHT - target.scroll_offset.y).text
        assert "lands here" in marker
        await pilot.mouse_up(target, offset=card_offset(2))


async def test_dropping_outside_the_columns_cancels(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        source = cards_of(app, "Applied")
        await pilot.mouse_down(source, offset=card_offset(0))
        await pilot.hover(source, offset=(6, 9))
        await pilot.hover("#status", offset=(10, 0))
        await pilot.mouse_up("#status", offset=(10, 0))
        await pilot.pause()

        assert "Harbor Logistics" in companies(app, "Applied")
        assert not app.workspace.can_undo
        assert any("cancelled" in n.message for n in app._notifications)


async def test_escape_cancels_a_drag(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        source, target = cards_of(app, "Applied"), cards_of(app, "Under Review")
        await pilot.mouse_down(source, offset=card_offset(0))
        await pilot.hover(target, offset=card_offset(0))
        await pilot.press("escape")
        await pilot.mouse_up(target, offset=card_offset(0))
        await pilot.pause()

        assert "Harbor Logistics" in companies(app, "Applied")
        assert not app.workspace.can_undo
        assert app.mouse_captured is None


async def test_dragging_within_a_column_explains_the_order(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        source = cards_of(app, "Applied")
        before = companies(app, "Applied")
        await pilot.mouse_down(source, offset=card_offset(0))
        await pilot.hover(source, offset=card_offset(2))
        await pilot.mouse_up(source, offset=card_offset(2))
        await pilot.pause()

        assert companies(app, "Applied") == before
        assert any("urgency" in n.message for n in app._notifications)
